"""The named SPARQL queries (queries/*.rq): package data, read through styrgraf.resources."""
