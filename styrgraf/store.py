"""The quad store behind styrgraf: one interface, embedded (on disk or in memory).

Every source document lives in a named graph of its own. Replacing a
document's graph is a single SPARQL Update (`DROP SILENT GRAPH` + `INSERT
DATA`), which pyoxigraph applies atomically, so a reader or a crash never sees
half a document. The same statement works on any SPARQL 1.1 Update server.
"""
from __future__ import annotations

import itertools
import os
import shutil
import signal
import sys
import time
import traceback
import uuid
from pathlib import Path
from typing import IO, Callable, Iterable

import pyoxigraph as ox

from . import merge
from .iris import is_own_graph
from .change_feed import ChangeRecord
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
# the layout a store directory holds, written when this styrgraf creates it or `styrgraf migrate`
# brings it up to date: identifiers under styrgraf's namespace, the default graph the merge of the
# named graphs (styrgraf.merge). A store without it is an older styrgraf's (styrgraf.migrate.outdated).
FORMAT_FILE = "format"
FORMAT = "3\n"            # 2: namespace and merge; 3: the terms ontology 0.3 renamed


class StoreError(Exception):
    pass


class StoreCorrupt(StoreError):
    """The store's files are damaged; the message says what to do."""

    def __init__(self, path, detail: Exception | str):
        first = (str(detail).strip().splitlines() or ["unreadable"])[0]
        super().__init__(f"the store {path} is corrupt ({first}): restore it from a backup, or ingest the "
                         f"documents again into a new store; `styrgraf check --store {path}` verifies a store")


def is_corruption(e: Exception) -> bool:
    """Whether a pyoxigraph error says the files are damaged (rocksdb: "Corruption: ...")."""
    return isinstance(e, (OSError, RuntimeError)) and "corrupt" in str(e).lower()


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


def generation_signature(store_path: str | os.PathLike[str]) -> tuple[int, int, int] | None:
    """A cheap change detector for caches: one stat() of the marker (None if never bumped; an
    OSError other than a missing file propagates)."""
    try:
        st = os.stat(os.path.join(store_path, GENERATION_FILE))     # (no Path: this runs on every cached answer)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


# a document graph's fingerprint: the sha256 of its source, which says the graph is whole and current
FINGERPRINT = f"<{SG}sha256>"


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


# where query workers keep their checkpoints of the store (PinnedReader), one directory each
READERS_DIR = ".readers"


class PinnedReader:
    """A read-only handle that the writer cannot pull files from under.

    A plain read-only handle opens the store's table files lazily; a writer's compaction deletes
    files the handle still refers to, and a query then reads an error where data should be. An
    aggregate or a sort over such a read never ends: the engine collects the same error again
    and again until the worker's memory ceiling kills it (a 503 for a query of a few rows). So
    each reader takes a checkpoint of the store (``Store.backup``: hard links to the immutable
    table files, taken in milliseconds) into a directory of its own and reads that; it is
    deleted when the reader moves on (`close`). Where the store's directory is not writable
    the handle reads the store itself, as before."""

    def __init__(self, path: str | os.PathLike[str]):
        self.directory: Path | None = None
        base = Path(path) / READERS_DIR
        try:
            base.mkdir(exist_ok=True)
        except OSError:
            self.store = open_read_only(path)
            return
        for attempt in range(READ_ONLY_OPEN_ATTEMPTS):
            live = open_read_only(path)
            target = base / f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
            try:
                live.backup(str(target))       # fails when a file it links was just compacted away
                _copy_write_ahead_log(Path(path), target)
                self.store, self.directory = ox.Store.read_only(str(target)), target
                return
            except (OSError, RuntimeError):
                shutil.rmtree(target, ignore_errors=True)
                if attempt == READ_ONLY_OPEN_ATTEMPTS - 1:
                    raise
                time.sleep(0.02 * (attempt + 1))

    def close(self) -> None:
        self.store = None
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None


def _copy_write_ahead_log(live: Path, checkpoint: Path) -> None:
    """Add the writer's log to a checkpoint of a read-only handle, which leaves it out: writes not
    yet flushed into table files are in it, and a read-only open replays it (as an open of the
    store itself does). A log the writer removes meanwhile was flushed; the writer then marks a
    new generation, and the reader opens again."""
    for wal in live.glob("*.log"):
        if not (checkpoint / wal.name).exists():
            try:
                shutil.copyfile(wal, checkpoint / wal.name)
            except FileNotFoundError:
                pass


def remove_readers(path: str | os.PathLike[str], pids: Iterable[int] | None = None) -> None:
    """Delete the checkpoints of readers `pids` (killed workers), or of every reader no longer
    alive (None)."""
    base = Path(path) / READERS_DIR
    if not base.is_dir():
        return
    wanted = {str(p) for p in pids} if pids is not None else None
    for entry in base.iterdir():
        pid = entry.name.split("-", 1)[0]
        if wanted is not None and pid not in wanted:
            continue
        if wanted is None and pid.isdigit() and process_alive(int(pid)):
            continue
        shutil.rmtree(entry, ignore_errors=True)


def process_alive(pid: int) -> bool:
    """Whether process `pid` exists (one of another user counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
                new = not any(self.path.iterdir())
                self.ox = ox.Store(str(self.path))
                if new:
                    self.mark_current()
        except (OSError, RuntimeError) as e:
            if is_corruption(e):
                raise StoreCorrupt(self.path, e) from None
            raise StoreError(f"cannot open store {self.path}: {e}") from e

    def is_current(self) -> bool:
        """Whether this styrgraf made the store, or brought it up to date (FORMAT_FILE)."""
        try:
            return self.path is None or (self.path / FORMAT_FILE).read_text(encoding="ascii") == FORMAT
        except FileNotFoundError:
            return False

    def mark_current(self) -> None:
        if self.path is not None:
            (self.path / FORMAT_FILE).write_text(FORMAT, encoding="ascii")

    # ---------------------------------------------------------------- reading
    def query(self, sparql: str, **kwargs):
        return self.ox.query(sparql, **kwargs)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def document_graphs(self) -> list[str]:
        return [g for g in self.graphs() if g != VOCAB_GRAPH and not is_own_graph(g)]

    def graph_fingerprint(self, graph: str) -> tuple[str | None, str | None]:
        """(sha256, extractor version) recorded in a document graph, or (None, None)."""
        rows = list(self.ox.query(
            f"SELECT ?sha ?ver WHERE {{ GRAPH <{graph}> {{ ?d {FINGERPRINT} ?sha . "
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

    # ---------------------------------------------------------------- verifying
    def verify(self, limit: int | None = None) -> int:
        """Read every quad and its terms (what `serve` checks before it starts; only the first
        `limit` quads, if given): the number read, or StoreCorrupt."""
        return verify_quads(self.ox, self.path, limit)

    def check(self) -> str:
        """`verify`, then read the whole of each of pyoxigraph's indexes and compare it with the
        quads: a summary, or StoreCorrupt. A damaged block in one index is found only by reading
        that index, and a query that happens to use it would fail (or, collecting the errors of a
        GROUP BY, grow without bound)."""
        total = self.verify()
        positions = {"s": 0, "p": 1, "o": 2, "g": 3}
        try:
            for keys in ("s", "p", "o", "g", "g p", "g o"):     # spog, posg, ospg, gspo, gpos, gosp
                names = keys.split()
                variables = " ".join("?" + k for k in names)
                for row in self.ox.query(f"SELECT {variables} (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} "
                                         f"GROUP BY {variables}"):
                    pattern = [None] * 4
                    for k in names:
                        pattern[positions[k]] = row[k]
                    # only exact matches: a lookup of some integers also returns neighbouring values
                    found = sum(1 for q in self.ox.quads_for_pattern(*pattern)
                                if not isinstance(q.graph_name, ox.DefaultGraph)
                                and all(q[positions[k]] == row[k] for k in names))
                    if found != int(row["n"].value):
                        raise StoreCorrupt(self.path, f"the index by {keys} holds {found} quads for "
                                                      f"{' '.join(str(row[k]) for k in names)}, not {row['n'].value}")
        except (OSError, RuntimeError) as e:
            raise StoreCorrupt(self.path, e) from None
        return f"{total} quads in {len(self.graphs())} graphs; every index agrees"

    # ---------------------------------------------------------------- writing
    # the store's default graph is the merge of its named graphs, kept in the same update as each
    # write (styrgraf.merge)
    merged = True

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple] | str, also: ChangeRecord | None = None) -> None:
        """Atomically replace the content of one named graph (and add the change-feed record `also`
        in the same update). `triples` may be N-Triples text (see ntriples_text)."""
        self.update(merge.replace_update(graph, ntriples_text(triples), [also] if also else []))

    def drop_graph(self, graph: str, also: ChangeRecord | None = None) -> None:
        self.update(merge.drop_update(graph, [also] if also else []))

    def record(self, records: list[ChangeRecord]) -> None:
        """Add change-feed records (of a write made another way)."""
        self.update(merge.records_update(records))

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
        elif fmt in QUAD_FORMATS:   # the named graphs; the default graph is their merge (styrgraf.merge)
            ox.serialize((q for q in self.ox.quads_for_pattern(None, None, None)
                          if not isinstance(q.graph_name, ox.DefaultGraph)), out, rdf_format)
        else:  # a triple format for the whole store: the merge of all graphs, each triple once
            self.ox.dump(out, rdf_format, from_graph=ox.DefaultGraph())


def verify_quads(handle: ox.Store, path: str | os.PathLike[str] | None, limit: int | None = None) -> int:
    """`Store.verify` of a pyoxigraph handle (a PinnedReader's, say); `path` names the store in
    the message of StoreCorrupt."""
    try:
        return sum(1 for _ in itertools.islice(handle.quads_for_pattern(None, None, None, None), limit))
    except (OSError, RuntimeError) as e:
        raise StoreCorrupt(path, e) from None


def store_bytes(path: str | os.PathLike[str]) -> int:
    """The size of a store directory's own files (not the text index or readers' checkpoints in
    folders beside them); a file a writer removes meanwhile counts nothing."""
    total = 0
    for entry in os.scandir(path):
        try:
            if entry.is_file(follow_symlinks=False):
                total += entry.stat(follow_symlinks=False).st_size
        except FileNotFoundError:
            pass
    return total


def run_capped(work: Callable[[], int], max_rss: int) -> int | None:
    """`work()` in a forked child process whose resident memory is kept under `max_rss` bytes: the
    child's exit code, 128 + the signal if it died of one, or None if it was stopped at the ceiling.

    A read of a corrupt store can allocate without bound (rocksdb returns the same error again and
    again and a GROUP BY collects them all: 5 GB in 14 s), so reads of the embedded store on the
    command line run like this. The ceiling is checked in /proc every 20 ms (Linux; elsewhere
    the child runs without one)."""
    return wait_capped(fork_capped(work), max_rss)


def fork_capped(work: Callable[[], int]) -> int:
    """The child of `run_capped`, started: its pid, for `wait_capped`."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = work()
        except BaseException:         # noqa: BLE001 - a bug: its traceback, as without the fork
            traceback.print_exc()
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
    return pid


def wait_capped(pid: int, max_rss: int) -> int | None:
    """Wait for the child `pid` of `fork_capped`, killing it past `max_rss` bytes resident: as
    `run_capped`."""
    page, stopped = os.sysconf("SC_PAGE_SIZE"), False
    try:
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                if stopped:
                    return None
                return os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
            try:
                with open(f"/proc/{pid}/statm", "rb") as f:
                    rss = int(f.read().split()[1]) * page
            except (OSError, IndexError, ValueError):
                rss = 0
            if rss > max_rss and not stopped:
                os.kill(pid, signal.SIGKILL)
                stopped = True
            time.sleep(0.02)
    except BaseException:             # Ctrl-C or an error here: the child does not outlive us
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
