"""Turn governance documents into RDF: read -> normalise -> extract -> build -> validate -> store."""
