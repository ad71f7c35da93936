"""Rewrite a store whose identifiers were minted under another base into styrgraf's namespace.

An older styrgraf minted instance IRIs and graph names under a configurable base (by default
``http://127.0.0.1:8000/``); identifiers are now the same on every installation
(styrgraf.vocab.NAMESPACE). `migrate_iris` moves every IRI of the store that starts with the
old base (subjects, predicates, objects and graph names, in every graph) to the same path
under the namespace, in ONE SPARQL Update, so the store is never half rewritten, and records
each moved document in the change feed as stored again, so that a harvester following the
feed fetches it under its new IRI. Literals are left as they are: they are text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pyoxigraph import Literal

from .search import follow
from .vocab import NAMESPACE, change_record, changes_graph


@dataclass
class Migration:
    old: str
    new: str
    quads: int           # quads that held an IRI under the old base
    graphs: int          # named graphs renamed
    documents: int       # document graphs among them (each recorded in the change feed)


def _moved(var: str, old: str, new: str) -> str:
    """A SPARQL expression: `var` moved from under `old` to under `new`, anything else kept."""
    return (f"IF(isIRI({var}) && STRSTARTS(STR({var}), {old}), "
            f"IRI(CONCAT({new}, STRAFTER(STR({var}), {old}))), {var})")


def _touches(old: str, *terms: str) -> str:
    return " || ".join(f"(isIRI({t}) && STRSTARTS(STR({t}), {old}))" for t in terms)


def _old_base(old: str) -> str:
    """The base to move from, ending in '/'; styrgraf's own namespace is refused."""
    old = old if old.endswith("/") else old + "/"
    if old == NAMESPACE:
        raise ValueError(f"{old} is already styrgraf's namespace")
    return old


def _moved_documents(store: Any, old: str) -> list[str]:
    """The ids of the document graphs named under `old` (the change feed's graph is no document)."""
    return [g[len(old) + len("graph/"):] for g in store.graphs()
            if g.startswith(old + "graph/") and g != changes_graph(old)]


def plan(store: Any, old: str) -> Migration:
    """What `migrate_iris` would change, counted without changing anything."""
    old = _old_base(old)
    o = str(Literal(old))
    named = int(next(iter(store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({_touches(o, '?g', '?s', '?p', '?o')}) }}")))["n"].value)
    default = int(next(iter(store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER({_touches(o, '?s', '?p', '?o')}) }}")))["n"].value)
    graphs = sum(1 for g in store.graphs() if g.startswith(old))
    return Migration(old, NAMESPACE, named + default, graphs, len(_moved_documents(store, old)))


def migrate_iris(store: Any, old: str, at: str) -> Migration:
    """Move the store's identifiers from under `old` to under styrgraf's namespace (`at`: the
    time of the change records). A store with nothing under `old` is left untouched."""
    old = _old_base(old)
    done = plan(store, old)
    if not done.quads:
        return done
    o, n = str(Literal(old)), str(Literal(NAMESPACE))
    moved_docs = _moved_documents(store, old)
    records = "\n".join(change_record(NAMESPACE, f"{NAMESPACE}id/doc/{did}", None, "stored", at)
                        for did in moved_docs)
    update = (
        f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} INSERT {{ GRAPH ?g2 {{ ?s2 ?p2 ?o2 }} }} WHERE {{\n"
        f"  GRAPH ?g {{ ?s ?p ?o }} FILTER({_touches(o, '?g', '?s', '?p', '?o')})\n"
        f"  BIND({_moved('?g', o, n)} AS ?g2) BIND({_moved('?s', o, n)} AS ?s2)\n"
        f"  BIND({_moved('?p', o, n)} AS ?p2) BIND({_moved('?o', o, n)} AS ?o2) }} ;\n"
        f"DELETE {{ ?s ?p ?o }} INSERT {{ ?s2 ?p2 ?o2 }} WHERE {{\n"
        f"  ?s ?p ?o FILTER({_touches(o, '?s', '?p', '?o')})\n"
        f"  BIND({_moved('?s', o, n)} AS ?s2) BIND({_moved('?p', o, n)} AS ?p2) BIND({_moved('?o', o, n)} AS ?o2) }}"
        + (f" ;\nINSERT DATA {{\n{records}\n}}" if records else ""))
    index = follow(store)
    index.start()
    store.update(update)
    store.flush()
    index.graphs([*(f"{old}graph/{d}" for d in moved_docs), *(f"{NAMESPACE}graph/{d}" for d in moved_docs),
                  changes_graph(NAMESPACE)])
    index.done()
    return done
