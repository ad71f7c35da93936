"""SHACL validation of a document graph (pyshacl over rdflib, per document).

A document whose graph violates a shape is rejected whole, with the report.
"""
from __future__ import annotations

import rdflib
from pyoxigraph import RdfFormat, Triple, serialize
from pyshacl import validate as shacl_validate

from styrgraf.constraints import shapes_graph


def to_rdflib(triples: list[Triple] | str) -> rdflib.Graph:
    """An rdflib graph of triples (or of N-Triples text): pyshacl's input."""
    g = rdflib.Graph()
    data = triples if isinstance(triples, str) else serialize(triples, format=RdfFormat.N_TRIPLES)
    g.parse(data=data, format="nt")
    return g


def validate_graph(data: rdflib.Graph) -> tuple[bool, str]:
    """(conforms, readable report)."""
    conforms, _, text = shacl_validate(data, shacl_graph=shapes_graph(), inference="none",
                                       allow_warnings=True)
    return bool(conforms), text


def validate_triples(triples: list[Triple] | str) -> tuple[bool, str]:
    return validate_graph(to_rdflib(triples))
