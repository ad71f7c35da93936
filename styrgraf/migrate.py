"""Bring a store made by an older styrgraf up to date, in ONE SPARQL Update (never half done).

- Identifiers: an older styrgraf minted instance IRIs and graph names under a configurable
  base (by default ``http://127.0.0.1:8000/``); they are now the same on every installation
  (styrgraf.vocab.NAMESPACE). Every IRI of the store that starts with the old base (subjects,
  predicates, objects and graph names, in every graph) moves to the same path under the
  namespace, and each moved document is recorded in the change feed as stored again, so that a
  harvester following the feed fetches it under its new IRI. Literals are text: left as they are.
- The default graph: it is now the merge of the named graphs (styrgraf.merge); a store whose
  default graph was left empty gets it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pyoxigraph import Literal

from . import merge
from .search import follow
from .vocab import NAMESPACE, SG, change_record, changes_graph


@dataclass
class Migration:
    old: str | None
    new: str
    quads: int = 0       # quads that held an IRI under the old base
    graphs: int = 0      # named graphs renamed
    documents: int = 0   # document graphs among them (each recorded in the change feed)
    merged: bool = False  # the default graph was (or would be) made the merge of the named graphs


def _moved(var: str, old: str, new: str) -> str:
    """A SPARQL expression: `var` moved from under `old` to under `new`, anything else kept."""
    return (f"IF(isIRI({var}) && STRSTARTS(STR({var}), {old}), "
            f"IRI(CONCAT({new}, STRAFTER(STR({var}), {old}))), {var})")


def _touches(old: str, *terms: str) -> str:
    return " || ".join(f"(isIRI({t}) && STRSTARTS(STR({t}), {old}))" for t in terms)


def outdated(store: Any) -> str | None:
    """Why a store needs `styrgraf migrate` before this styrgraf writes or serves it, or None. A
    store directory says so itself (Store.is_current: no query, so a damaged store is found
    damaged by what reads it, not here); a server's data is asked."""
    if getattr(store, "is_current", lambda: False)():
        return None
    return outdated_by_data(store)


def outdated_by_data(store: Any) -> str | None:
    """`outdated`, asked of the data."""
    foreign = list(store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?d a <{SG}Document> }} "
                               f"FILTER(!STRSTARTS(STR(?g), {str(Literal(NAMESPACE))})) }} LIMIT 1"))
    if foreign:
        graph = foreign[0]["g"].value
        old = graph[:graph.rfind("/graph/") + 1] if "/graph/" in graph else graph
        return f"its documents are named under {old}, not {NAMESPACE}: run `styrgraf migrate --from {old}`"
    if unmerged(store):
        return "its default graph is not the merge of its named graphs: run `styrgraf migrate`"
    return None


def unmerged(store: Any) -> bool:
    """Whether the store keeps the merge (styrgraf.merge) but its default graph lacks it."""
    return getattr(store, "merged", True) and bool(store.query("ASK { GRAPH ?g { ?s ?p ?o } }")) and \
        not bool(store.query("ASK { ?s ?p ?o }"))


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


def plan(store: Any, old: str | None) -> Migration:
    """What `migrate` would change, counted without changing anything."""
    if old is None:
        return Migration(None, NAMESPACE, merged=unmerged(store))
    old = _old_base(old)
    o = str(Literal(old))
    named = int(next(iter(store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({_touches(o, '?g', '?s', '?p', '?o')}) }}")))["n"].value)
    default = int(next(iter(store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER({_touches(o, '?s', '?p', '?o')}) }}")))["n"].value)
    graphs = sum(1 for g in store.graphs() if g.startswith(old))
    return Migration(old, NAMESPACE, named + default, graphs, len(_moved_documents(store, old)), unmerged(store))


def migrate(store: Any, old: str | None, at: str) -> Migration:
    """Move the store's identifiers from under `old` (None: leave them) to under styrgraf's
    namespace (`at`: the time of the change records) and make its default graph the merge of
    its named graphs. A store with nothing to do is left untouched."""
    if old is not None:
        old = _old_base(old)
    done = plan(store, old)
    if not done.quads and not done.merged:
        _current(store)
        return done
    if not done.quads:
        _apply(store, merge.MERGE_ALL, [])
        _current(store)
        return done
    o, n = str(Literal(old)), str(Literal(NAMESPACE))
    moved_docs = _moved_documents(store, old)
    records = [change_record(NAMESPACE, f"{NAMESPACE}id/doc/{did}", None, "stored", at) for did in moved_docs]
    update = (
        f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} INSERT {{ GRAPH ?g2 {{ ?s2 ?p2 ?o2 }} }} WHERE {{\n"
        f"  GRAPH ?g {{ ?s ?p ?o }} FILTER({_touches(o, '?g', '?s', '?p', '?o')})\n"
        f"  BIND({_moved('?g', o, n)} AS ?g2) BIND({_moved('?s', o, n)} AS ?s2)\n"
        f"  BIND({_moved('?p', o, n)} AS ?p2) BIND({_moved('?o', o, n)} AS ?o2) }} ;\n"
        f"DELETE {{ ?s ?p ?o }} INSERT {{ ?s2 ?p2 ?o2 }} WHERE {{\n"
        f"  ?s ?p ?o FILTER({_touches(o, '?s', '?p', '?o')})\n"
        f"  BIND({_moved('?s', o, n)} AS ?s2) BIND({_moved('?p', o, n)} AS ?p2) BIND({_moved('?o', o, n)} AS ?o2) }}"
        + (f" ;\n{merge.records_update(records, getattr(store, 'merged', True))}" if records else "")
        + (f" ;\n{merge.MERGE_ALL}" if done.merged else ""))
    _apply(store, update, [*(f"{old}graph/{d}" for d in moved_docs), *(f"{NAMESPACE}graph/{d}" for d in moved_docs),
                           changes_graph(NAMESPACE)])
    _current(store)
    return done


def _current(store: Any) -> None:
    """Mark a store directory as up to date (when nothing else keeps it from being so)."""
    if hasattr(store, "mark_current") and outdated_by_data(store) is None:
        store.mark_current()


def _apply(store: Any, update: str, graphs: list[str]) -> None:
    index = follow(store)
    index.start()
    store.update(update)
    store.flush()
    index.graphs(graphs)
    index.done()
