"""The SHACL shapes (Turtle): package data, read through styrgraf.resources."""
