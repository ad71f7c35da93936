"""The ontology (Turtle) and its HTML documentation: package data, read through styrgraf.resources."""
