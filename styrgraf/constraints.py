"""The SHACL shapes as styrgraf validates with them and serves them: shapes/*.ttl, completed
from the kind vocabulary (styrgraf.kinds), and compiled for validation (styrgraf.shacl).

The shapes files name no kind: a property shape whose values are kinds carries
`sgsh:kindScheme sgk:{scheme}`, and here it gets its `sh:in` list of that scheme's concepts;
each body kind with an `sg:kindClass` gets a node shape by which the class and the kind agree.
"""
from __future__ import annotations

from functools import lru_cache

import rdflib
from rdflib import RDF, RDFS, SH, BNode, Literal, URIRef
from rdflib.collection import Collection

from styrgraf import kinds
from styrgraf.resources import SHAPES_DIR
from styrgraf.shacl import Shapes, compile_shapes
from styrgraf.vocab import SG, SGK

SGSH = rdflib.Namespace("https://w3id.org/styrgraf/shapes#")


@lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    """Every shape, the kind lists filled in (read once; do not modify the graph returned)."""
    g = rdflib.Graph()
    for f in sorted(SHAPES_DIR.glob("*.ttl")):
        g.parse(f, format="turtle")
    g.bind("sgsh", SGSH)
    g.bind("sgk", SGK)
    for shape, scheme in list(g.subject_objects(SGSH.kindScheme)):
        concepts = [URIRef(k.concept) for k in kinds.all_kinds() if k.scheme == str(scheme)[len(SGK):]]
        if not concepts:
            raise ValueError(f"shapes name the scheme {scheme}, which ontology/kinds.ttl does not have")
        head = BNode()
        Collection(g, head, concepts)
        g.add((shape, SH["in"], head))
    for k in kinds.all_kinds():
        if k.body_class:
            _agreement_shape(g, k)
    return g


@lru_cache(maxsize=1)
def compiled_shapes() -> Shapes:
    """The shapes compiled into checks (once per process): what ingest and `styrgraf validate` run."""
    return compile_shapes(shapes_graph())


def _agreement_shape(g: rdflib.Graph, k: kinds.Kind) -> None:
    """A node of the kind's class must have that kind: sg:Committee goes with bk:namnd."""
    cls, concept = URIRef(SG + k.body_class), URIRef(k.concept)
    short = f"bk:{k.concept.rsplit('/', 1)[-1]}"
    shape, prop = SGSH[f"{k.body_class}KindShape"], BNode()
    g.add((shape, RDF.type, SH.NodeShape))
    g.add((shape, SH.targetClass, cls))
    g.add((shape, RDFS.comment, Literal(f"Klassen sg:{k.body_class} och slaget {short} ska stämma överens.", lang="sv")))
    g.add((shape, RDFS.comment, Literal(f"The class sg:{k.body_class} and the kind {short} must agree.", lang="en")))
    g.add((shape, SH.property, prop))
    g.add((prop, SH.path, URIRef(SG + "kind")))
    g.add((prop, SH.hasValue, concept))
    g.add((prop, SH.message, Literal(f'En nod av klassen sg:{k.body_class} ska ha slaget {short} ("{k.word}").', lang="sv")))
    g.add((prop, SH.message, Literal(f'A node of class sg:{k.body_class} must have the kind {short} ("{k.word}").', lang="en")))


@lru_cache(maxsize=1)
def shapes_turtle() -> bytes:
    """The completed shapes as one Turtle document (what /shapes serves)."""
    return shapes_graph().serialize(format="turtle").encode("utf-8")
