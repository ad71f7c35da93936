"""styrgraf: a knowledge graph of Swedish public-sector governance."""

__version__ = "0.2.0"
