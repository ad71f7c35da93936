"""The styrgraf command line: ingest, remove, forget, validate, export, query, check, serve."""
from __future__ import annotations

import contextlib
import os
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.text import Text

from .config import Settings, parse_size
from .remote import is_remote
from .store import (FORMATS, PinnedReader, Store, StoreCorrupt, StoreError, fork_capped, is_corruption, remove_readers,
                    run_capped, store_bytes, verify_quads, wait_capped)

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="styrgraf: a knowledge graph of Swedish public-sector governance.")
err = Console(stderr=True, soft_wrap=True, highlight=False)
out = Console(soft_wrap=True, highlight=False)

STORE_HELP = ("store directory (embedded pyoxigraph store; created if missing), "
              "or the query URL of a SPARQL 1.1 server")
# the same two options on every command that opens a store
STORE = typer.Option(..., "--store", envvar="STYRGRAF_STORE", help=STORE_HELP)
UPDATE_ENDPOINT = typer.Option(None, "--update-endpoint", envvar="STYRGRAF_UPDATE_ENDPOINT",
                               help="SPARQL Update URL of a remote store (when it differs from --store)")


def open_store(path, read_only: bool = False, update_endpoint: str | None = None):
    """The embedded store at a directory, or a SPARQL 1.1 server at an http(s) URL."""
    from .remote import open_store as open_either

    try:
        return open_either(path, update_endpoint=update_endpoint, read_only=read_only)
    except StoreError as e:
        err.print("[red]error:[/]", escape(str(e)))
        raise typer.Exit(CORRUPT if isinstance(e, StoreCorrupt) else 2)


CORRUPT = 3           # exit status of a command that found the store corrupt


def settings(**overrides: Any) -> Settings:
    """The settings of this command, or its end with the reason in one line (a malformed size or
    limit, a retired variable)."""
    try:
        return Settings.from_env(**overrides)
    except ValueError as e:
        err.print("[red]error:[/]", escape(str(e)))
        raise typer.Exit(2)


def read_store(store: str, work: Callable[[Any], int]) -> int:
    """Run `work(store handle)`, a read, and return its exit status; what goes wrong is said in
    one line. An embedded store is read in a child process under a memory ceiling
    (STYRGRAF_READ_MEMORY, styrgraf.store.run_capped); a read stopped there is followed by a
    verification, so that a corrupt store is named as such."""
    if is_remote(store):
        return _read(store, work)
    limit = settings().read_memory
    status = run_capped(lambda: _read(store, work), limit)
    if status is None:                # stopped at the ceiling: the store, or a read that needs more?
        status = run_capped(lambda: _read(store, _verified), limit)
        if status == 0:
            err.print(f"[red]error:[/] the read needed more than {limit >> 20} MiB of memory and was stopped "
                      "(STYRGRAF_READ_MEMORY sets the ceiling)")
            return 2
        if status is None:
            return _corrupt(StoreCorrupt(store, f"reading it takes more than {limit >> 20} MiB of memory"))
    return status


def _read(store: str, work: Callable[[Any], int]) -> int:
    try:
        return work(open_store(store, read_only=True))
    except typer.Exit as e:           # (a RuntimeError, so first)
        return e.exit_code
    except StoreCorrupt as e:
        return _corrupt(e)
    except (OSError, RuntimeError) as e:       # the store's files, or the query (a SERVICE call)?
        if is_corruption(e) or not _whole(store):
            return _corrupt(StoreCorrupt(store, e))
        err.print("[red]error:[/]", escape(str(e)))
        return 2


def _whole(store: str) -> bool:
    """Whether a fresh handle (an ingest may have moved files under the first) reads every quad;
    a SPARQL server's storage is the server's to check."""
    if is_remote(store):
        return True
    try:
        Store(store, read_only=True).verify()
    except StoreError:
        return False
    return True


def _verified(st) -> int:
    st.verify()
    return _current(st)


# quads read at the start of a store too large to be read whole first (BackgroundRead): its first
# blocks and the terms they name, in well under a second
FIRST_QUADS = 1000


def _opened(st) -> int:
    st.verify(FIRST_QUADS)
    return _current(st)


class BackgroundRead:
    """The read of every quad of a store too large to be read before the server answers
    (Settings.read_before_start): `serve` opens it, reads its first quads and starts; this child
    process reads the rest meanwhile. A damaged block would otherwise be found only by the
    request that reads it (a 500, or a GROUP BY collecting errors until its worker's ceiling).

    The child is forked before the server starts any thread or worker, runs at the lowest CPU
    priority (nice 19) under the read ceiling (STYRGRAF_READ_MEMORY, as every read on the command
    line), and reads a checkpoint of the store (PinnedReader), so an ingest's compaction meanwhile
    cannot pull files from under a read that takes minutes. If it finds the store damaged it says
    so in the one line a start would have, and the server stops with exit status 3, the status of
    a start refused for the same reason: a process supervisor or a user sees the server gone and
    why, rather than a server that answers 500 to what touches the damage."""

    def __init__(self, store: str, max_rss: int):
        self.store, self.max_rss = store, max_rss
        self.corrupt = False
        self.pid = fork_capped(lambda: _read_whole(store))
        self._thread: Any = None

    def watch(self, server) -> None:
        """Stop `server` (a uvicorn.Server) when the read finds the store damaged."""
        import threading

        def wait() -> None:
            status = wait_capped(self.pid, self.max_rss)
            remove_readers(self.store, [self.pid])        # its checkpoint, if it was killed before removing it
            if status is None:            # stopped at the ceiling: what a corrupt store's read does
                _corrupt(StoreCorrupt(self.store, f"reading it takes more than {self.max_rss >> 20} MiB of memory"))
            if status is None or status == CORRUPT:
                self.corrupt = True
                server.should_exit = True     # requests under way end (within the query time limit)

        self._thread = threading.Thread(target=wait, name="styrgraf-background-read", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """End the read if it still runs (the server stopped first, or never started)."""
        import signal

        if self._thread is None:
            os.kill(self.pid, signal.SIGTERM)         # it removes its checkpoint (_read_whole)
            os.waitpid(self.pid, 0)
        elif self._thread.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            self._thread.join(5)


class _Stopped(Exception):
    """SIGTERM in the background read: the server stops."""


def _read_whole(store: str) -> int:
    """The background read of `BackgroundRead`, in its child: 0 and a line saying how long it took,
    3 and the store-is-corrupt line, or 2 and a warning (the server serves on). Stopped by SIGTERM
    (the server's stop, or its death: `_end_with_parent`) it removes its checkpoint first, which
    would otherwise hold the store's files of the moment until the next start."""
    import signal

    def stopped(*_) -> None:
        raise _Stopped

    signal.signal(signal.SIGINT, signal.SIG_IGN)        # Ctrl-C is the server's, which then stops this read
    signal.signal(signal.SIGTERM, stopped)
    _end_with_parent()
    os.nice(19)
    started = time.monotonic()
    reader = None
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})    # held while the checkpoint is taken,
        try:                                                          # so that it is always removed
            reader = PinnedReader(store)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        quads = verify_quads(reader.store, store)
    except _Stopped:
        return 128 + signal.SIGTERM
    except StoreCorrupt as e:
        return _corrupt(e)
    except (OSError, RuntimeError) as e:                # taking the checkpoint failed
        if is_corruption(e):
            return _corrupt(StoreCorrupt(store, e))
        err.print("[yellow]warning:[/] the store could not be read whole in the background:", escape(str(e)))
        return 2
    finally:
        if reader is not None:
            reader.close()
    err.print(f"styrgraf read the store {escape(store)} whole in {time.monotonic() - started:.0f} s "
              f"({quads:,} quads): no damage found", highlight=False)
    return 0


def _end_with_parent() -> None:
    """Have the kernel send this process SIGTERM when its parent dies (Linux: a server killed
    outright, or ended by SIGTERM, which uvicorn raises again once it has stopped), so that no
    read is left behind."""
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)      # PR_SET_PDEATHSIG
    if os.getppid() == 1:             # the parent was gone already
        os._exit(1)


def _current(st) -> int:
    """0, or 2 with the reason, for a store an older styrgraf made (styrgraf.migrate.outdated)."""
    from styrgraf.migrate import outdated

    if (reason := outdated(st)) is None:
        return 0
    err.print("[red]error:[/] the store was made by an older styrgraf:", escape(reason))
    return 2


def open_current(store: str, update_endpoint: str | None = None):
    """The store to write, once it is known to be one this styrgraf writes (not an older one's)."""
    st = open_store(store, update_endpoint=update_endpoint)
    if _current(st):
        raise typer.Exit(2)
    return st


def _corrupt(e: StoreCorrupt) -> int:
    err.print("[red]error:[/]", escape(str(e)))
    return CORRUPT


@contextlib.contextmanager
def writing(store: str):
    """A write that fails (a full disk, a corrupt store, named as such) is one line and exit 1 or 3."""
    try:
        yield
    except typer.Exit:
        raise
    except (OSError, RuntimeError) as e:
        if is_corruption(e):
            raise typer.Exit(_corrupt(StoreCorrupt(store, e))) from None
        err.print("[red]error:[/]", escape(str(e)))
        raise typer.Exit(1) from None


class DocumentRate(ProgressColumn):
    """Documents per second, over the last few seconds."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} documents/s" if speed else "– documents/s", style="progress.data.speed")


@app.command()
def ingest(paths: list[Path] = typer.Argument(..., help="files or folders (.txt .md .pdf .docx)"),
           store: str = STORE,
           update_endpoint: Optional[str] = UPDATE_ENDPOINT,
           jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="parallel worker processes"),
           no_validate: bool = typer.Option(False, "--no-validate", help="skip SHACL validation"),
           force: bool = typer.Option(False, "--force", help="re-extract files that are unchanged"),
           max_bytes: int = typer.Option(50 * 1024 * 1024, "--max-bytes", envvar="STYRGRAF_MAX_BYTES",
                                         help="largest file accepted, bytes")):
    """Extract, validate and store documents, one named graph each."""
    from styrgraf.ingest.batch import ingest as run_ingest

    config = settings()
    st = open_current(store, update_endpoint)
    failed = 0
    started = time.monotonic()
    # on a terminal: how far, how fast, how long still; elsewhere (a pipe, a log) only the lines below
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), DocumentRate(),
                  TimeElapsedColumn(), TextColumn("elapsed,"), TimeRemainingColumn(), TextColumn("left"),
                  console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=None)

        def report(r) -> None:
            nonlocal failed
            progress.advance(task)
            if r.status == "failed":
                failed += 1
                out.print(f"[red]FAILED[/]    {r.path}: {r.message}", highlight=False)
            elif r.status == "unchanged":
                out.print(f"unchanged {r.path}", highlight=False)
            else:
                out.print(f"stored    {r.path}: {r.triples} triples; {r.message}", highlight=False)

        results = run_ingest(st, paths, config.base, jobs=jobs, validate=not no_validate, force=force,
                             max_bytes=max_bytes, on_result=report,
                             on_total=lambda n: progress.update(task, total=n))
    stored = sum(r.status == "stored" for r in results)
    unchanged = sum(r.status == "unchanged" for r in results)
    seconds = time.monotonic() - started
    out.print(f"{stored} stored, {unchanged} unchanged, {failed} failed")
    err.print(f"{len(results)} documents in {seconds:.1f} s ({len(results) / seconds if seconds else 0:.1f} documents/s)",
              highlight=False)
    raise typer.Exit(1 if failed else 0)


@app.command()
def remove(files: list[str] = typer.Argument(..., help="source file names of ingested documents"),
           store: str = STORE, update_endpoint: Optional[str] = UPDATE_ENDPOINT):
    """Remove documents and every fact read from them; the change feed keeps a tombstone."""
    from styrgraf.ingest.batch import remove as run_remove

    config = settings()
    with writing(store):
        results = run_remove(open_current(store, update_endpoint), files, config.base)
    for r in results:
        out.print(f"removed   {r.path}" if r.status == "removed" else f"FAILED    {r.path}: {r.message}")
    raise typer.Exit(1 if any(r.status == "failed" for r in results) else 0)


FORGET_HELP = " ".join([
    "Forget a person (or a document) in every document graph, for data protection.",
    "\n\n--person removes every fact about the person (signatory, chair, adjuster, attendee, author",
    "of a reservation or statement) and masks the name wherever it is written, in one atomic update",
    "per document; the change feed records which documents changed, never the name. A keyed hash of",
    "the name goes on a private list outside the store (never served or exported; STYRGRAF_FORGET_DIR),",
    "which ingest consults: re-ingesting a source document into this store keeps the person out",
    "wherever the extractor recognises them as a person. A mention it does not recognise as a person,",
    "or a store built anew from the source documents without the list, would bring the facts back.",
    "\n\n--document removes a document and every fact read from it, as `remove` does.",
])


@app.command(help=FORGET_HELP)
def forget(person: Optional[list[str]] = typer.Option(None, "--person", metavar="NAME",
                                                      help="a person's name, as written in the documents"),
           document: Optional[list[str]] = typer.Option(None, "--document", metavar="FILE",
                                                        help="the source file name of an ingested document"),
           store: str = STORE, update_endpoint: Optional[str] = UPDATE_ENDPOINT):
    """Forget a person or a document (help: FORGET_HELP)."""
    from styrgraf.ingest.batch import forget_documents, utc_now
    from styrgraf.ingest.forget import forget_person

    if not person and not document:
        err.print("[red]error:[/] give --person NAME or --document FILE")
        raise typer.Exit(2)
    if any(not p.split() for p in person or []):
        err.print("[red]error:[/] --person needs a name")
        raise typer.Exit(2)
    config = settings()
    st = open_current(store, update_endpoint)
    failed = False
    with writing(store):
        for i, name in enumerate(person or [], 1):
            r = forget_person(st, name, config.base, utc_now())
            # the name itself is not repeated in the output (logs outlive the store's records)
            out.print(f"forgotten person {i}: {r.removed} facts removed and the name masked in {r.masked} "
                      f"literals, in {len(r.documents)} documents", highlight=False)
            for source in r.documents:
                out.print(f"  changed   {source}", highlight=False, markup=False)
        for r in forget_documents(st, document or [], config.base):
            failed |= r.status == "failed"
            out.print(f"removed   {r.path}" if r.status == "removed" else f"FAILED    {r.path}: {r.message}",
                      highlight=False, markup=False)
    raise typer.Exit(1 if failed else 0)


@app.command()
def migrate(old: Optional[str] = typer.Option(None, "--from", metavar="BASE",
                                              help="the base the store's IRIs were minted under (an older "
                                                   "styrgraf's STYRGRAF_BASE, by default http://127.0.0.1:8000/)"),
            store: str = STORE, update_endpoint: Optional[str] = UPDATE_ENDPOINT,
            dry_run: bool = typer.Option(False, "--dry-run", help="only say what would change")):
    """Bring a store made by an older styrgraf up to date, in one atomic update: identifiers moved
    from another base to styrgraf's namespace, the default graph made the merge of the graphs."""
    from styrgraf.ingest.batch import utc_now
    from styrgraf.migrate import migrate as run, plan

    st = open_store(store, update_endpoint=update_endpoint)
    try:
        with writing(store):
            m = plan(st, old) if dry_run else run(st, old, utc_now())
    except ValueError as e:
        err.print("[red]error:[/]", escape(str(e)))
        raise typer.Exit(2)
    would = "would " if dry_run else ""
    if m.quads:
        out.print(f"{would}{'move' if dry_run else 'moved'} {m.quads} quads holding an IRI under {m.old} to "
                  f"{m.new}; {m.graphs} graphs renamed, {m.documents} documents"
                  + ("" if dry_run else " recorded in the change feed as stored again"), highlight=False, markup=False)
    elif m.old is not None:
        out.print(f"nothing under {m.old}: no identifier changed", highlight=False, markup=False)
    if m.renamed:
        out.print(f"{would}{'rename' if dry_run else 'renamed'} the terms of ontology 0.2 that 0.3 renamed in {m.renamed} "
                  f"quads; {m.renamed_documents} documents" + ("" if dry_run else " recorded in the change feed as stored again"),
                  highlight=False, markup=False)
    out.print(f"the default graph {would}{'become' if dry_run else 'became'} the merge of the named graphs"
              if m.merged else "the default graph is the merge of the named graphs already",
              highlight=False, markup=False)
    raise typer.Exit(0)


@app.command()
def validate(store: str = STORE):
    """Validate every document graph of the store against the SHACL shapes."""
    from styrgraf.ingest.validate import validate_triples

    def work(st) -> int:
        bad = 0
        graphs = st.document_graphs()
        for g in graphs:
            conforms, report = validate_triples(st.triples(g))
            if not conforms:
                bad += 1
                out.print(f"[red]violations[/] in {g}:\n{report}", highlight=False)
        out.print(f"{len(graphs) - bad} of {len(graphs)} document graphs conform")
        return 1 if bad else 0

    raise typer.Exit(read_store(store, work))


class ExportFormat(str, Enum):
    ttl = "ttl"
    nt = "nt"
    nq = "nq"
    trig = "trig"
    jsonld = "jsonld"
    rdfxml = "rdfxml"


@app.command()
def export(store: str = STORE,
           format: ExportFormat = typer.Option(ExportFormat.nq, "--format", help="serialisation"),
           out_file: Optional[Path] = typer.Option(None, "--out", help="file to write (default: stdout)"),
           document: Optional[Path] = typer.Option(None, "--document", help="only this source file's graph")):
    """Write the store (or one document's graph) in an RDF format."""
    from styrgraf.iris import doc_id, graph_iri

    config = settings()
    assert format.value in FORMATS
    partial = _partial(out_file)

    def work(st) -> int:
        graph = None
        if document is not None:
            graph = graph_iri(config.base, doc_id(document.name))
            if graph not in st.graphs():
                err.print(f"[red]error:[/] no graph for {document.name} in the store")
                return 1
        if out_file is None:
            st.dump(sys.stdout.buffer, format.value, graph)
            sys.stdout.buffer.flush()
            return 0
        with open(partial or out_file, "wb") as f:
            st.dump(f, format.value, graph)
        if partial:
            os.replace(partial, out_file)
        return 0

    try:
        raise typer.Exit(read_store(store, work))
    finally:
        if partial:
            partial.unlink(missing_ok=True)


def _partial(path: Path | None) -> Path | None:
    """Where an export to the file `path` is written before it is renamed to `path`, so that a read
    that fails leaves no partial export under the final name; None for what is not a plain file
    (/dev/stdout, a pipe)."""
    if path is None or path.is_symlink() or (path.exists() and not path.is_file()):
        return None
    return path.with_name(f".{path.name}.{os.getpid()}.part")


class QueryFormat(str, Enum):
    json = "json"
    csv = "csv"
    tsv = "tsv"
    xml = "xml"


@app.command()
def query(file: Path = typer.Argument(..., help="a .rq file (SELECT, ASK, CONSTRUCT or DESCRIBE); "
                                                  "the prefixes sg:, dct:, skos:, … need not be declared"),
          store: str = STORE,
          format: QueryFormat = typer.Option(QueryFormat.json, "--format")):
    """Run a SPARQL query over the store (the default graph: the merge of all documents' graphs)."""
    import pyoxigraph as ox

    from styrgraf.query_text import with_prefixes

    try:
        text = with_prefixes(file.read_text(encoding="utf-8"))   # a named query declares no prefixes
    except OSError as e:
        err.print("[red]error:[/]", escape(str(e)))
        raise typer.Exit(2)

    def work(st) -> int:
        try:
            result = st.query(text)
        except SyntaxError as e:
            err.print("[red]error:[/]", escape(str(e)))
            return 2
        if isinstance(result, ox.QueryTriples):
            fmt = ox.RdfFormat.N_TRIPLES if format.value != "json" else ox.RdfFormat.JSON_LD
        else:
            fmt = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
                   "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}[format.value]
        sys.stdout.buffer.write(result.serialize(format=fmt) + b"\n")   # whole, or nothing
        return 0

    raise typer.Exit(read_store(store, work))


@app.command()
def check(store: str = STORE):
    """Verify an embedded store: read every quad and every index and compare them. Prints OK, or
    that the store is corrupt and what to do (exit status 3)."""
    if is_remote(store):
        err.print("[red]error:[/] check verifies an embedded store (a directory); check a SPARQL server "
                  "with its own tools")
        raise typer.Exit(2)

    def work(st) -> int:
        out.print(f"OK: the store {store} is whole: {st.check()}", highlight=False, markup=False)
        return 0

    raise typer.Exit(read_store(store, work))


@app.command()
def serve(store: str = STORE, update_endpoint: Optional[str] = UPDATE_ENDPOINT,
          host: str = typer.Option("127.0.0.1", "--host"),
          port: int = typer.Option(8000, "--port"),
          workers: int = typer.Option(4, "--query-workers", help="processes that run SPARQL queries"),
          app_workers: int = typer.Option(1, "--app-query-workers", min=0,
                                          help="more query processes kept for the pages' and the analyst "
                                               "API's own queries, which /sparql queries do not hold"),
          timeout: float = typer.Option(10.0, "--timeout", help="time limit of one query, seconds"),
          max_rows: int = typer.Option(10000, "--max-rows", help="result-row cap of /sparql"),
          worker_memory: Optional[str] = typer.Option(
              None, "--worker-memory", help="memory ceiling of one query worker, e.g. 2G (default: half "
                                            "the memory shared by the workers; STYRGRAF_WORKER_MEMORY)"),
          bounded_threads: Optional[int] = typer.Option(
              None, "--bounded-threads", min=0, help="threads of the server that answer bounded queries "
                                                     "(point lookups: one triple pattern, DESCRIBE <iri>) "
                                                     "without a worker; 0: every query in a worker (default 4)"),
          idle_timeout: Optional[float] = typer.Option(
              None, "--idle-timeout", min=0.1, help="seconds before an idle connection is closed (default 5; "
                                           "STYRGRAF_IDLE_TIMEOUT)"),
          max_connections: Optional[int] = typer.Option(
              None, "--max-connections", min=1, help="open connections at most; then 503 (default from "
                                                     "the file descriptor limit, at most 1000; "
                                                     "STYRGRAF_MAX_CONNECTIONS)")):
    """Serve the store: SPARQL endpoint, analyst API, linked data, pages."""
    import uvicorn

    from styrgraf.api.app import create_app
    from styrgraf.api.security import server_options

    try:
        memory = parse_size(worker_memory, "--worker-memory") if worker_memory else None
    except ValueError as e:
        err.print("[red]error:[/]", escape(str(e)))
        raise typer.Exit(2)
    config = settings(store=store, update_endpoint=update_endpoint, query_workers=workers,
                      app_query_workers=app_workers, timeout=timeout,
                      max_rows=max_rows, worker_memory=memory, idle_timeout=idle_timeout,
                      max_connections=max_connections, bounded_threads=bounded_threads)
    background: BackgroundRead | None = None
    if config.remote:
        remote = open_store(store, read_only=True, update_endpoint=update_endpoint)    # reachable?
        status = _current(remote)
        remote.close()
        if status:
            raise typer.Exit(status)
    elif not Path(store).exists():
        err.print(f"[red]error:[/] no store at {store}; run `styrgraf ingest … --store {store}` first")
        raise typer.Exit(2)
    # a corrupt store would fail every request: read it whole before serving, or (a large one, whose
    # read takes about 50 s per GB) open it and read its first quads, and the rest in the background
    elif (size := store_bytes(store)) <= config.read_before_start:
        if (status := read_store(store, _verified)) != 0:
            raise typer.Exit(status)
    elif (status := read_store(store, _opened)) != 0:
        raise typer.Exit(status)
    else:
        background = BackgroundRead(store, config.read_memory)
    base = f"http://{host}:{port}/"
    err.print(f"styrgraf serving {store} on {base}\n  pages       {base}\n  SPARQL      {base}sparql\n"
              f"  analyst API {base}api/v1/bodies\n  API docs    {base}docs")
    if background is not None:
        err.print(f"  the store ({size / 1e6:,.0f} MB) is being read whole in the background; if it is damaged the "
                  "server stops (exit status 3)", highlight=False)
    server = None
    try:
        server = uvicorn.Server(uvicorn.Config(create_app(config), host=host, port=port, log_level="warning",
                                               **server_options(config)))
        if background is not None:
            background.watch(server)
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        if background is not None:
            background.stop()
    if background is not None and background.corrupt:
        raise typer.Exit(CORRUPT)
    if server is None or not server.started:      # the port taken, say (uvicorn.run's exit status for it)
        raise typer.Exit(3)


if __name__ == "__main__":
    app()
