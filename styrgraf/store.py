"""The quad store behind styrgraf: one interface, embedded (on disk or in memory).

Every source document lives in a named graph of its own. Replacing a
document's graph is a single SPARQL Update (`DROP SILENT GRAPH` + `INSERT
DATA`), which pyoxigraph applies atomically, so a reader or a crash never sees
half a document. The same statement works on any SPARQL 1.1 Update server.
"""
from __future__ import annotations

import os
import time
import uuid
from pathlib import Path
from typing import IO, Iterable

import pyoxigraph as ox

from .vocab import SG, VOCAB_GRAPH

FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
QUAD_FORMATS = {"nq", "trig", "jsonld"}


GENERATION_FILE = "generation"


class StoreError(Exception):
    pass


def bump_generation(store_path: str | os.PathLike[str]) -> str:
    """Record that the on-disk store was written, so read-only handles (query workers)
    reopen. Written to a temporary file and renamed: a reader never sees half a marker."""
    directory = Path(store_path)
    value = f"{time.time_ns()} {os.getpid()} {uuid.uuid4().hex}"
    tmp = directory / f".{GENERATION_FILE}.{os.getpid()}.{uuid.uuid4().hex}"
    tmp.write_text(value, encoding="ascii")
    os.replace(tmp, directory / GENERATION_FILE)
    return value


def current_generation(store_path: str | os.PathLike[str]) -> str | None:
    """The marker last written by `bump_generation`, or None if never bumped."""
    try:
        return (Path(store_path) / GENERATION_FILE).read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None


def ntriples_text(triples: Iterable[ox.Triple] | str) -> str:
    """Triples as N-Triples lines; a str is taken to be N-Triples already (what ingest workers
    send, so the writing process need not parse and re-serialise them). N-Triples lines are
    valid SPARQL triple syntax, so they go into INSERT DATA unchanged."""
    if isinstance(triples, str):
        return triples.rstrip("\n")
    return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)


def quads_to_insert(graph: str, triples: Iterable[ox.Triple] | str) -> str:
    """The body of an INSERT DATA block for `triples` in `graph`."""
    return f"GRAPH <{graph}> {{\n{ntriples_text(triples)}\n}}"


READ_ONLY_OPEN_ATTEMPTS = 8


def open_read_only(path: str | os.PathLike[str]) -> ox.Store:
    """A read-only pyoxigraph handle. While a writer (an ingest) replaces files, an open can
    fail (RocksDB: "No such file ... MANIFEST may be corrupted"); it is tried again a few times."""
    for attempt in range(READ_ONLY_OPEN_ATTEMPTS):
        try:
            return ox.Store.read_only(os.fspath(path))
        except (OSError, RuntimeError):
            if attempt == READ_ONLY_OPEN_ATTEMPTS - 1:
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")


class Store:
    """pyoxigraph store; `path=None` keeps it in memory (tests, one-shot runs)."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False):
        self.path = Path(path) if path else None
        self._bumped = 0.0
        try:
            if self.path is None:
                self.ox = ox.Store()
            elif read_only:
                self.ox = open_read_only(self.path)
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(self.path))
        except OSError as e:
            raise StoreError(f"cannot open store {self.path}: {e}") from e

    # ---------------------------------------------------------------- reading
    def query(self, sparql: str, **kwargs):
        return self.ox.query(sparql, **kwargs)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def document_graphs(self) -> list[str]:
        return [g for g in self.graphs() if g != VOCAB_GRAPH and not g.endswith("/graph/_changes")]

    def graph_fingerprint(self, graph: str) -> tuple[str | None, str | None]:
        """(sha256, extractor version) recorded in a document graph, or (None, None)."""
        rows = list(self.ox.query(
            f"SELECT ?sha ?ver WHERE {{ GRAPH <{graph}> {{ ?d <{SG}sha256> ?sha . "
            f"OPTIONAL {{ ?d <{SG}extractorVersion> ?ver }} }} }} LIMIT 1"))
        if not rows:
            return None, None
        sha, ver = rows[0]["sha"], rows[0]["ver"]
        return sha.value, ver.value if ver is not None else None

    def has_graph(self, graph: str) -> bool:
        return self.ox.contains_named_graph(ox.NamedNode(graph))

    def triples(self, graph: str) -> list[ox.Triple]:
        return [ox.Triple(q.subject, q.predicate, q.object)
                for q in self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))]

    def count(self, graph: str | None = None) -> int:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        return int(next(iter(self.ox.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")))["n"].value)

    # ---------------------------------------------------------------- writing
    def replace_graph(self, graph: str, triples: Iterable[ox.Triple] | str, also: str = "") -> None:
        """Atomically replace the content of one named graph (and insert `also`, quads in
        INSERT DATA syntax, in the same update: e.g. the change-feed record). `triples` may be
        N-Triples text (see ntriples_text)."""
        self.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{\n{quads_to_insert(graph, triples)}\n{also}\n}}")

    def drop_graph(self, graph: str, also: str = "") -> None:
        self.update(f"DROP SILENT GRAPH <{graph}>" + (f" ;\nINSERT DATA {{\n{also}\n}}" if also else ""))

    def update(self, sparql: str) -> None:
        self.ox.update(sparql)
        # readers reopen on a new generation; during a batch of writes, mark at most once a second.
        # Flushing first keeps the write-ahead log short: a read-only open replays it, so readers
        # reopen quickly (a flush per update would make an ingest about 2.5 times slower; one
        # per mark costs nothing measurable).
        if self.path is not None and time.monotonic() - self._bumped > 1.0:
            self.ox.flush()
            bump_generation(self.path)
            self._bumped = time.monotonic()

    def close(self) -> None:
        """Release the store (and, for a writable one, its lock) now rather than when the
        garbage collector gets to it: a failed update's traceback may still refer to this object."""
        self.ox = None

    def flush(self) -> None:
        if self.path is not None:
            self.ox.flush()
            bump_generation(self.path)
            self._bumped = time.monotonic()

    # ---------------------------------------------------------------- export
    def dump(self, out: IO[bytes], fmt: str, graph: str | None = None) -> None:
        """Serialise the whole store (or one graph) with the engine's own serialiser."""
        rdf_format = FORMATS[fmt]
        if graph is not None:
            if fmt in QUAD_FORMATS:
                quads = self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))
                ox.serialize(quads, out, rdf_format)
            else:
                self.ox.dump(out, rdf_format, from_graph=ox.NamedNode(graph))
        elif fmt in QUAD_FORMATS:
            self.ox.dump(out, rdf_format)
        else:  # a triple format for the whole store: the union of all graphs
            triples = (ox.Triple(q.subject, q.predicate, q.object)
                       for q in self.ox.quads_for_pattern(None, None, None))
            ox.serialize(triples, out, rdf_format)
