"""The IRIs styrgraf mints, and what an IRI it minted names.

Everything lives under one base (styrgraf.vocab.NAMESPACE; a store made with another base has
its old one until `styrgraf migrate`):

- ``{base}graph/{doc}``: the named graph of a document read from a file;
- ``{base}graph/_changes``: the graph of the change feed ('_' never occurs in a document id, so it
  cannot collide with a document's graph);
- ``{base}graph/_links``: the links between documents that styrgraf.links derives from all of them;
- ``{base}id/doc/{doc}``: the document itself;
- ``{base}id/doc/{doc}/ev/{start}-{end}``: a passage of its text that is evidence for a statement;
- ``{base}id/change/{key}``: a record of the change feed;
- ``{base}id/{segment}/{path}``: any other instance (``org/…``, ``policy/…``, ``meeting/…``).

A server dereferences these by their path under the base (api/links.py), so they are data and
never change: the functions here only give them one spelling.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from .vocab import NAMESPACE, slug

GRAPH = "graph/"
ID = "id/"
CHANGES = "_changes"
LINKS = "_links"
DOCUMENT_SEGMENT = "doc"
CHANGE_SEGMENT = "change"
EVIDENCE = "/ev/"

# the API's collections and the path segment of their instance IRIs: {base}id/{segment}/…
ID_SEGMENT = {"bodies": "org", "documents": DOCUMENT_SEGMENT, "policies": "policy", "goals": "goal",
              "responsibilities": "responsibility", "assignments": "assignment",
              "consultations": "consultation", "meetings": "meeting"}
SEGMENT_COLLECTION = {v: k for k, v in ID_SEGMENT.items()}

# the kinds of IRI `parse` tells apart
KINDS = ("graph", "changes", "links", "document", "evidence", "change", "instance")

_EVIDENCE = re.compile(r"([^/]+)/ev/(\d+)-(\d+)")


# ------------------------------------------------------------ minting
def doc_id(name: str) -> str:
    """A document's id, from the name of the file it was read from ('Budget 2024.pdf' ->
    'budget-2024'): a slug, so it never holds a '/' or a '_'."""
    return slug(PurePath(name).stem)


def graph_iri(base: str, doc: str) -> str:
    """The named graph of document `doc` (or of any graph name a user gave under the base)."""
    return f"{base}{GRAPH}{doc}"


def changes_graph(base: str) -> str:
    """The graph of the change feed: one record per stored or removed document."""
    return f"{base}{GRAPH}{CHANGES}"


def links_graph(base: str) -> str:
    """The graph of the links between documents (styrgraf.links), derived from all of them."""
    return f"{base}{GRAPH}{LINKS}"


def document_iri(base: str, doc: str) -> str:
    """The document `doc` itself."""
    return f"{base}{ID}{DOCUMENT_SEGMENT}/{doc}"


def evidence_iri(document: str, start: int, end: int) -> str:
    """The passage `start`..`end` (character offsets in its text) of the document IRI `document`."""
    return f"{document}{EVIDENCE}{start}-{end}"


def change_iri(base: str, key: str) -> str:
    """A record of the change feed."""
    return f"{base}{ID}{CHANGE_SEGMENT}/{key}"


def instance_iri(base: str, segment: str, path: str) -> str:
    """An instance: `segment` ('org', 'policy', …) and its path under it ('stockholms-stad/x')."""
    return f"{base}{ID}{segment}/{path}"


def id_prefix(base: str, segment: str | None = None) -> str:
    """What every instance IRI (of `segment`, if given) starts with."""
    return f"{base}{ID}" + (f"{segment}/" if segment else "")


# ------------------------------------------------------------ parsing
@dataclass(frozen=True)
class Parsed:
    """What an IRI under `base` names. `ident` is the document id (graph, document, evidence),
    the key (change) or the path after the segment (instance); `span` the evidence's offsets."""
    kind: str
    base: str
    ident: str = ""
    segment: str = ""
    span: tuple[int, int] | None = None


def parse(iri: str | None, base: str = NAMESPACE) -> Parsed | None:
    """What `iri` names under `base`, or None for an IRI that is none of the kinds minted here
    (another namespace, the ontology, a graph name with a '/' in it, ``{base}id/`` alone)."""
    if not iri or not iri.startswith(base):
        return None
    rest = iri[len(base):]
    if rest.startswith(GRAPH):
        name = rest[len(GRAPH):]
        if name == CHANGES:
            return Parsed("changes", base)
        if name == LINKS:
            return Parsed("links", base)
        return Parsed("graph", base, name) if name and "/" not in name else None
    if not rest.startswith(ID):
        return None
    segment, _, ident = rest[len(ID):].partition("/")
    if not segment or not ident:
        return None
    if segment == DOCUMENT_SEGMENT:
        if "/" not in ident:
            return Parsed("document", base, ident, segment)
        m = _EVIDENCE.fullmatch(ident)
        if m:
            return Parsed("evidence", base, m[1], segment, (int(m[2]), int(m[3])))
    elif segment == CHANGE_SEGMENT and "/" not in ident:
        return Parsed("change", base, ident, segment)
    return Parsed("instance", base, ident, segment)


def split_graph(iri: str) -> tuple[str, str] | None:
    """(base, document id) of a document graph under any base (a store before `styrgraf
    migrate` names its graphs under its old one), None for any other IRI."""
    base, sep, name = iri.rpartition("/" + GRAPH)
    if not sep or not name or "/" in name or name.startswith("_"):
        return None
    return base + "/", name


def is_own_graph(iri: str) -> bool:
    """Whether `iri` is one of styrgraf's own graphs (the change feed, the links), under any base:
    a graph of no document ('_' never occurs in a document id)."""
    _, sep, name = iri.rpartition("/" + GRAPH)
    return bool(sep) and name.startswith("_")


def document_of_graph(graph: str) -> str | None:
    """The document a document graph holds (under the graph's own base), None for another graph."""
    split = split_graph(graph)
    return document_iri(*split) if split else None
