"""SHACL validation of a document graph: the shapes compiled once per process (styrgraf.shacl)
and run on the document's triples.

A document whose graph violates a shape is rejected whole, with the report.
"""
from __future__ import annotations

from typing import Iterable

from pyoxigraph import Triple

from styrgraf.constraints import compiled_shapes


def validate_triples(triples: Iterable[Triple] | str) -> tuple[bool, str]:
    """(conforms, readable report) of a graph's triples (or its N-Triples text)."""
    report = compiled_shapes().validate(triples)
    return report.conforms, report.text
