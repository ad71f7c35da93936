"""Bring a store made by an older styrgraf up to date, in ONE SPARQL Update (never half done).

- Identifiers: an older styrgraf minted instance IRIs and graph names under a configurable
  base (by default ``http://127.0.0.1:8000/``); they are now the same on every installation
  (styrgraf.vocab.NAMESPACE). Every IRI of the store that starts with the old base (subjects,
  predicates, objects and graph names, in every graph) moves to the same path under the
  namespace, and each moved document is recorded in the change feed as stored again, so that a
  harvester following the feed fetches it under its new IRI. Literals are text: left as they are.
- Terms: ontology 0.3 renamed four (styrgraf.vocab.RENAMED_TERMS); their uses in every graph
  (as a predicate, or as the class of an rdf:type) take the new name, and each document that used
  one is recorded as stored again.
- The default graph: it is now the merge of the named graphs (styrgraf.merge); a store whose
  default graph was left empty gets it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any

from pyoxigraph import Literal

from . import merge
from .iris import changes_graph, document_iri, graph_iri, parse, split_graph
from .search import follow
from .change_feed import change_record
from .vocab import NAMESPACE, RDF, RENAMED_TERMS, SG


@dataclass
class Migration:
    old: str | None
    new: str
    quads: int = 0       # quads that held an IRI under the old base
    graphs: int = 0      # named graphs renamed
    merged: bool = False  # the default graph was (or would be) made the merge of the named graphs
    renamed: int = 0     # quads that used a term renamed in ontology 0.3
    moved: list[str] = field(default_factory=list)           # ids of the document graphs moved
    renamed_in: list[str] = field(default_factory=list)      # the document graphs that used a renamed term

    @property
    def documents(self) -> int:
        """Document graphs moved (each recorded in the change feed)."""
        return len(self.moved)

    @property
    def renamed_documents(self) -> int:
        """Document graphs that used a renamed term (each recorded in the change feed)."""
        return len(self.renamed_in)


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
        split = split_graph(graph)
        old = split[0] if split else graph
        return f"its documents are named under {old}, not {NAMESPACE}: run `styrgraf migrate --from {old}`"
    if unmerged(store):
        return "its default graph is not the merge of its named graphs: run `styrgraf migrate`"
    if store.query(f"ASK {{ {_OLD_TERM_USE} }}"):
        return ("it uses terms that ontology 0.3 renamed (" + ", ".join(
            f"sg:{o.removeprefix(SG)} → sg:{n.removeprefix(SG)}" for o, n in RENAMED_TERMS.items()) +
                "): run `styrgraf migrate`")
    return None


# a use of a renamed term, in a named graph ?g or in the default graph (?g unbound): as a predicate,
# or as the class of an rdf:type
_OLD_PREDICATES = " ".join(f"<{o}>" for o in RENAMED_TERMS if o[len(SG)].islower())
_OLD_CLASSES = " ".join(f"<{o}>" for o in RENAMED_TERMS if o[len(SG)].isupper())
_OLD_TERM_USE = (f"{{ VALUES ?p {{ {_OLD_PREDICATES} }} {{ ?s ?p ?o }} UNION {{ GRAPH ?g {{ ?s ?p ?o }} }} }} UNION "
                 f"{{ VALUES ?o {{ {_OLD_CLASSES} }} BIND(<{RDF}type> AS ?p) {{ ?s ?p ?o }} UNION {{ GRAPH ?g {{ ?s ?p ?o }} }} }}")


def _renames() -> str:
    """The update that gives every use of a renamed term its new name, in every graph."""
    parts = []
    for old, new in RENAMED_TERMS.items():
        if old[len(SG)].islower():
            used, now = f"?s <{old}> ?o", f"?s <{new}> ?o"
        else:
            used, now = f"?s <{RDF}type> <{old}>", f"?s <{RDF}type> <{new}>"
        parts.append(f"DELETE {{ GRAPH ?g {{ {used} }} }} INSERT {{ GRAPH ?g {{ {now} }} }} WHERE {{ GRAPH ?g {{ {used} }} }}")
        parts.append(f"DELETE {{ {used} }} INSERT {{ {now} }} WHERE {{ {used} }}")
    return " ;\n".join(parts)


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
    return [p.ident for p in map(partial(parse, base=old), store.graphs()) if p is not None and p.kind == "graph"]


def plan(store: Any, old: str | None) -> Migration:
    """What `migrate` would change, counted without changing anything."""
    renamed, renamed_in = _renamed(store)
    if old is None:
        return Migration(None, NAMESPACE, merged=unmerged(store), renamed=renamed, renamed_in=renamed_in)
    old = _old_base(old)
    o = str(Literal(old))
    named = int(next(iter(store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({_touches(o, '?g', '?s', '?p', '?o')}) }}")))["n"].value)
    default = int(next(iter(store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER({_touches(o, '?s', '?p', '?o')}) }}")))["n"].value)
    graphs = sum(1 for g in store.graphs() if g.startswith(old))
    return Migration(old, NAMESPACE, named + default, graphs, unmerged(store), renamed,
                     _moved_documents(store, old), renamed_in)


def _renamed(store: Any) -> tuple[int, list[str]]:
    """(quads that use a renamed term, the document graphs that hold them)."""
    rows = list(store.query(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ {_OLD_TERM_USE} }} GROUP BY ?g"))
    count = sum(int(r["n"].value) for r in rows)
    docs = sorted(r["g"].value for r in rows if r["g"] is not None and split_graph(r["g"].value))
    return count, docs


def migrate(store: Any, old: str | None, at: str) -> Migration:
    """Move the store's identifiers from under `old` (None: leave them) to under styrgraf's
    namespace (`at`: the time of the change records) and make its default graph the merge of
    its named graphs. A store with nothing to do is left untouched."""
    done = plan(store, old)
    old = done.old
    parts, records, followed = [], [], []
    if done.quads:
        o, n = str(Literal(old)), str(Literal(NAMESPACE))
        records += [document_iri(NAMESPACE, did) for did in done.moved]
        followed += [*(graph_iri(old, d) for d in done.moved), *(graph_iri(NAMESPACE, d) for d in done.moved)]
        parts += [
            f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} INSERT {{ GRAPH ?g2 {{ ?s2 ?p2 ?o2 }} }} WHERE {{\n"
            f"  GRAPH ?g {{ ?s ?p ?o }} FILTER({_touches(o, '?g', '?s', '?p', '?o')})\n"
            f"  BIND({_moved('?g', o, n)} AS ?g2) BIND({_moved('?s', o, n)} AS ?s2)\n"
            f"  BIND({_moved('?p', o, n)} AS ?p2) BIND({_moved('?o', o, n)} AS ?o2) }}",
            f"DELETE {{ ?s ?p ?o }} INSERT {{ ?s2 ?p2 ?o2 }} WHERE {{\n"
            f"  ?s ?p ?o FILTER({_touches(o, '?s', '?p', '?o')})\n"
            f"  BIND({_moved('?s', o, n)} AS ?s2) BIND({_moved('?p', o, n)} AS ?p2) BIND({_moved('?o', o, n)} AS ?o2) }}"]
    if done.renamed:
        renamed_docs = [g.replace(old, NAMESPACE, 1) if old and g.startswith(old) else g for g in done.renamed_in]
        parts.append(_renames())
        followed += renamed_docs
        records += [document_iri(NAMESPACE, split_graph(g)[1]) for g in renamed_docs]
    records = sorted(set(records))
    if records:
        parts.append(merge.records_update([change_record(NAMESPACE, d, None, "stored", at) for d in records],
                                          getattr(store, "merged", True)))
        followed.append(changes_graph(NAMESPACE))
    if done.merged:
        parts.append(merge.MERGE_ALL)
    if parts:
        _apply(store, " ;\n".join(parts), followed)
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
