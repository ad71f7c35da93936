"""The default graph is the merge of the named graphs: every triple once, however many hold it.

Each document's facts live in its own named graph, and shared entities (Regeringen, a law, a
policy) are described in every document that names them. SPARQL's default graph is meant to
be the RDF merge of the graphs, a set; an engine's "union default graph" is a multiset and
gives a researcher's query each fact once per document. So styrgraf keeps the store's real
default graph equal to the merge itself, in the same atomic update as every write:

- storing a graph adds its triples to the default graph too;
- replacing or dropping a graph first removes from the default graph the triples that no
  *other* named graph holds (what only that graph supported), so removing or forgetting a
  document leaves exactly what the others still say;
- the change feed's records go to both.

Queries then read the default graph as it is (never an engine's union). The embedded store
and an Oxigraph server keep it; a server whose default graph is its own union of the graphs
(Virtuoso, GraphDB, Fuseki with unionDefaultGraph) is written as before.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .change_feed import ChangeRecord


def releasing(*graphs: str) -> str:
    """Remove from the default graph what only `graphs` hold (run before they are written)."""
    names = [f"<{g}>" for g in graphs]
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?released {{ {' '.join(names)} }} GRAPH ?released {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other NOT IN ({', '.join(names)})) }} }}")


def _data(graph: str | None, body: str, records: Iterable[ChangeRecord], merged: bool) -> str:
    records = list(records)
    parts = ([f"GRAPH <{graph}> {{\n{body}\n}}"] if graph is not None else []) + [r.quads() for r in records]
    if merged:
        parts += ([body] if graph is not None else []) + [r.triples for r in records]
    return "\n".join(parts)


def replace_update(graph: str, body: str, records: Iterable[ChangeRecord] = (), merged: bool = True) -> str:
    """ONE update that replaces `graph` by the N-Triples `body` and adds `records`."""
    head = (releasing(graph) + " ;\n") if merged else ""
    return f"{head}DROP SILENT GRAPH <{graph}> ;\n{insert_update(graph, body, records, merged)}"


def drop_update(graph: str, records: Iterable[ChangeRecord] = (), merged: bool = True) -> str:
    """ONE update that drops `graph` and adds `records`."""
    records = list(records)
    head = (releasing(graph) + " ;\n") if merged else ""
    tail = f" ;\n{records_update(records, merged)}" if records else ""
    return f"{head}DROP SILENT GRAPH <{graph}>{tail}"


def records_update(records: Iterable[ChangeRecord], merged: bool = True) -> str:
    return insert_update(None, "", records, merged)


def insert_update(graph: str | None, body: str, records: Iterable[ChangeRecord] = (), merged: bool = True) -> str:
    """ONE update that adds the N-Triples `body` to `graph` (and `records`)."""
    return f"INSERT DATA {{\n{_data(graph, body, records, merged)}\n}}"


def around(update: str, graphs: set[str | None] | None) -> str:
    """Another's update (SPARQL Update, the Graph Store) in ONE request with what keeps the merge:
    what only the graphs it writes support leaves the default graph before it, what they hold
    after it comes back. `graphs`: the graphs it writes (None for the default graph itself, which
    it then writes as any store's default graph); the set None: not known, so every graph."""
    # the update's prologue goes first (the engine takes one only there); it cannot change what the
    # operations around it mean, which name every IRI in full
    prologue = PROLOGUE.match(update).group(0)
    body = update[len(prologue):]
    if graphs is None:
        return f"{prologue}{UNMERGE_ALL} ;\n{body} ;\n{MERGE_ALL}"
    named = sorted(g for g in graphs if g)
    if not named:
        return update
    return f"{prologue}{releasing(*named)} ;\n{body} ;\n" + " ;\n".join(merging(g) for g in named)


def merging(graph: str) -> str:
    """Add what `graph` holds to the default graph."""
    return f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"


# PREFIX and BASE declarations (and comments) at the start of an update
PROLOGUE = re.compile(r"(?:\s+|#[^\n]*(?:\n|$)|(?i:PREFIX)\s*[^\s:]*:\s*<[^>]*>|(?i:BASE)\s*<[^>]*>)*")


# the merge from what the named graphs hold (a store made before the default graph was kept), and
# its undoing
MERGE_ALL = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
UNMERGE_ALL = "DELETE { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
