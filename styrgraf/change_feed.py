"""The change feed: one record per document stored, changed, removed or forgotten, in the graph
styrgraf.iris.changes_graph names (read at /changes and by `styrgraf` clients that follow a store)."""
from __future__ import annotations

from dataclasses import dataclass
from hashlib import sha1

from pyoxigraph import Literal, NamedNode

from .iris import change_iri, changes_graph
from .vocab import PROV, SG, XSD


@dataclass(frozen=True)
class ChangeRecord:
    """A record of the change feed: its triples (N-Triples-like text) and the feed's graph. A
    store writes it into that graph and, where the default graph is the merge of the named
    graphs (styrgraf.merge), into the default graph too."""
    graph: str
    triples: str

    def quads(self) -> str:
        """As INSERT DATA quads of the feed's graph."""
        return f"GRAPH <{self.graph}> {{ {self.triples} }}"


def change_record(base: str, doc_iri: str, source_file: str | None, action: str, at: str) -> ChangeRecord:
    """The record that a document was stored, changed or removed (a tombstone); `source_file`
    None for a write through the endpoint, which has none."""
    node = change_iri(base, sha1(f'{doc_iri} {action} {at}'.encode()).hexdigest()[:16])
    when = Literal(at, datatype=NamedNode(XSD + "dateTime"))
    source = f"<{SG}sourceFile> {Literal(source_file)} ; " if source_file is not None else ""
    return ChangeRecord(changes_graph(base), f"<{node}> a <{SG}Change> ; <{SG}changedDocument> <{doc_iri}> ; "
                                             f"<{SG}action> {Literal(action)} ; {source}<{PROV}atTime> {when} .")
