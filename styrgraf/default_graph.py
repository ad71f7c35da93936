"""The default graph: the merge of the named graphs, each triple once.

Every document graph describes again the entities it names (Regeringen is typed and labelled
in every assignment), so a default graph computed as the union of the graphs at query time
returns a triple once per graph that holds it: a researcher's COUNT over the default graph, or
a join through a shared entity, sees each fact once per document. The default graph is
therefore kept as a set, equal to the RDF merge of all named graphs, by every write, inside
the same atomic update as the write:

    retract(G) ; <the write to graphs G> ; merge(G)

`retract` removes from the default graph what only the graphs G hold; `merge` adds what they
hold afterwards. A write whose graphs its text does not name (DROP ALL, GRAPH ?g in a
template) is followed by REBUILD. The default graph is derived: a write into it is refused
(api/sparql.py). A store written before the default graph was kept is built on first open for
writing (`ensure`).
"""
from __future__ import annotations

from typing import Any, Iterable

REBUILD = "DROP SILENT DEFAULT ;\nINSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def _iris(graphs: Iterable[str], sep: str) -> str:
    return sep.join(f"<{g}>" for g in sorted(set(graphs)))


def retract(graphs: Iterable[str]) -> str:
    """Delete from the default graph the triples of `graphs` that no other named graph holds."""
    return ("DELETE { ?s ?p ?o } WHERE { VALUES ?g { %s } GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS "
            "{ GRAPH ?other { ?s ?p ?o } FILTER (?other NOT IN (%s)) } }" % (_iris(graphs, " "), _iris(graphs, ", ")))


def merge(graphs: Iterable[str]) -> str:
    """Insert into the default graph the triples of `graphs` (a set: what it holds stays once)."""
    return "INSERT { ?s ?p ?o } WHERE { VALUES ?g { %s } GRAPH ?g { ?s ?p ?o } }" % _iris(graphs, " ")


def around(update: str, graphs: Iterable[str | None] | None) -> str:
    """`update`, which writes the named graphs `graphs` (None: not known), with the default graph
    kept the merge in the same request. `update` must be operations only: no prologue, no final
    `;` (api/changes.py: prologue_and_operations)."""
    if graphs is None:
        return f"{update}\n;\n{REBUILD}"
    named = {g for g in graphs if g is not None}
    if not named:
        return update
    return f"{retract(named)} ;\n{update}\n;\n{merge(named)}"


MARKER = "default-graph"           # in an embedded store's directory: its default graph is kept


def ensure(store: Any) -> bool:
    """Build the default graph of a store whose named graphs hold triples and whose default graph
    is empty (written before it was kept). True if it was built."""
    if not bool(store.query("ASK { GRAPH ?g { ?s ?p ?o } }")) or bool(store.query("ASK { ?s ?p ?o }")):
        return False
    store.update(REBUILD)
    return True
