"""Ingest a batch of files into a store: each file alone, all or nothing per file.

Workers (processes, `jobs`) read, extract, build and validate a file; the
parent writes each finished document graph with one atomic update. A file that
cannot be read, or whose graph violates the shapes, is reported and skipped;
the rest of the batch is stored.
"""
from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox

from styrgraf.change_feed import change_record
from styrgraf import links
from styrgraf.constraints import compiled_shapes
from styrgraf.iris import doc_id, document_iri, graph_iri
from styrgraf.resources import ONTOLOGY_DIR
from styrgraf.search import IndexRows, follow, graph_rows
from styrgraf.store import Store, StoreCorrupt, is_corruption
from styrgraf.vocab import PROV, VOCAB_GRAPH

from .build import EXTRACTOR_VERSION, build
from .forget import Forgotten
from .pipeline import extract_file
from .read import DEFAULT_MAX_BYTES, SUFFIXES, ReadError
from .validate import validate_triples


@dataclass
class FileResult:
    path: Path
    status: str                      # "stored" | "unchanged" | "failed"
    message: str = ""
    graph: str | None = None
    triples: int = 0
    facts: dict[str, int] | None = None


def collect(paths: Iterable[Path]) -> tuple[list[Path], list[FileResult]]:
    """Files to ingest under `paths` (folders recursively), and paths that cannot be listed."""
    files, problems = [], []
    for p in map(Path, paths):
        if p.is_dir():
            try:
                for f in sorted(p.rglob("*")):
                    if f.name.startswith("."):
                        continue
                    if f.is_dir():
                        if not os.access(f, os.R_OK | os.X_OK):
                            problems.append(FileResult(f, "failed", "cannot read directory"))
                    elif f.suffix.lower() in SUFFIXES and f.is_file():
                        files.append(f)
                    elif f.suffix.lower() in SUFFIXES:   # a FIFO, socket or dangling link: say so
                        problems.append(FileResult(f, "failed", "not a regular file (a pipe, socket or broken link)"))
            except OSError as e:
                problems.append(FileResult(p, "failed", f"cannot list: {e.strerror or e}"))
        elif p.exists():
            files.append(p)
        elif p.is_symlink():
            problems.append(FileResult(p, "failed", "not a regular file (a pipe, socket or broken link)"))
        else:
            problems.append(FileResult(p, "failed", "no such file"))
    return _one_file_per_document(files, problems)


def _one_file_per_document(files: list[Path], problems: list[FileResult]) -> tuple[list[Path], list[FileResult]]:
    """A document's graph is named by its file name without the suffix: of two files in one
    batch with the same id (a.txt and a.pdf), the second would silently replace the first,
    so it is refused instead."""
    unique, reported = [], set()
    for r in problems:                               # a path both listed and named: one line
        if r.path.absolute() not in reported:
            reported.add(r.path.absolute())
            unique.append(r)
    problems = unique
    first: dict[str, Path] = {}
    seen: set[Path] = set()
    kept = []
    for f in files:
        if f.resolve() in seen or f.absolute() in reported:    # named twice: read (or reported) once
            continue
        seen.add(f.resolve())
        other = first.setdefault(doc_id(f.name), f)
        if other is f:
            kept.append(f)
        else:
            problems.append(FileResult(f, "failed", f"same document name as {other} (the graph is named by the "
                                                    "file name without its suffix); rename one of them"))
    return kept, problems


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def file_sha256(path: Path) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def process(path: Path, base: str, validate: bool, max_bytes: int, with_rows: bool = False
            ) -> tuple[FileResult, str | None, IndexRows | None]:
    """Read, extract, build and validate one file (runs in a worker): its result, its N-Triples and, `with_rows`,
    the text index's rows of its graph (search.graph_rows of its triples), so that the writing process, which every
    document waits for, need not read them back from the store."""
    try:
        result = extract_file(path, max_bytes=max_bytes)
    except ReadError as e:
        return FileResult(path, "failed", str(e)), None, None
    except Exception as e:  # an extractor bug must not stop the batch; report it with the file
        return FileResult(path, "failed", f"extraction error: {type(e).__name__}: {e}"), None, None
    graph, triples = build(base, result.extraction, result.doc, result.source)
    now = utc_now()
    doc_iri = ox.NamedNode(document_iri(base, doc_id(result.source.name)))
    triples.append(ox.Triple(doc_iri, ox.NamedNode(PROV + "generatedAtTime"),
                             ox.Literal(now, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime"))))
    if validate:
        conforms, report = validate_triples(triples)
        if not conforms:
            first = next((l.strip() for l in report.splitlines() if "Message:" in l), "shape violation")
            return FileResult(path, "failed", f"violates the shapes: {first}"), None, None
    nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()
    ex = result.extraction
    facts = {"bodies": len(ex.bodies), "policies": len(ex.policies), "goals": len(ex.goals),
             "responsibilities": len(ex.responsibilities), "assignments": len(ex.assignments),
             "consultations": len(ex.consultations), "meetings": len(ex.meetings), "laws": len(ex.laws)}
    return (FileResult(path, "stored", ", ".join(f"{v} {k}" for k, v in facts.items() if v),
                       graph=graph, triples=len(triples), facts=facts), nt,
            _index_rows(graph, triples) if with_rows else None)


def _index_rows(graph: str, triples) -> IndexRows | None:
    """search.graph_rows, or None (the parent then reads the graph back) if it fails: the rows
    are a shortcut, never a reason to fail a document."""
    try:
        return graph_rows(graph, triples)
    except Exception:  # noqa: BLE001
        return None


def load_vocabulary(store: Store) -> None:
    """Ontology and concept schemes into their own graph, so queries can join kind words."""
    triples: list[ox.Triple] = []
    labels: dict[ox.BlankNode, ox.NamedNode] = {}

    def stable(term):
        # blank nodes (OWL lists) become skolem IRIs numbered by order of appearance: INSERT DATA
        # would give blank nodes fresh labels on every load
        if isinstance(term, ox.BlankNode):
            return labels.setdefault(term, ox.NamedNode(f"{VOCAB_GRAPH}/.well-known/genid/{len(labels)}"))
        return term

    for f in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        triples += [ox.Triple(stable(q.subject), q.predicate, stable(q.object))
                    for q in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE)]
    if triples:
        store.replace_graph(VOCAB_GRAPH, sorted(set(triples), key=str))


def ingest(store: Store, paths: Iterable[Path], base: str, *, jobs: int = 1, validate: bool = True,
           force: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
           on_result: Callable[[FileResult], None] | None = None,
           on_total: Callable[[int], None] | None = None) -> list[FileResult]:
    """on_total hears how many results there will be (files found and paths that cannot be read), before the first."""
    files, results = collect(paths)
    on_total and on_total(len(files) + len(results))
    for r in results:
        on_result and on_result(r)

    def done(r: FileResult) -> None:
        results.append(r)
        on_result and on_result(r)

    index = follow(store)        # the text index beside the store follows each graph written
    try:
        index.start()
        with index.holding():     # one connection to the index for the whole batch
            load_vocabulary(store)
            forgotten = Forgotten.load(store, base)     # persons forgotten in this store stay out
            todo, wrote = [], False
            for f in files:
                graph = graph_iri(base, doc_id(f.name))
                sha, version = store.graph_fingerprint(graph)
                if not force and sha is not None and sha == file_sha256(f) and version == EXTRACTOR_VERSION:
                    done(FileResult(f, "unchanged", graph=graph))
                else:
                    todo.append(f)
            for r, nt, rows in _run(todo, base, validate, max_bytes, jobs):
                if nt is not None:
                    written = r.graph
                    try:
                        doc_iri = document_iri(base, doc_id(r.path.name))
                        stored = forgotten.scrub(nt)
                        store.replace_graph(r.graph, stored,
                                            also=change_record(base, doc_iri, r.path.name, "stored", utc_now()))
                        if stored is not nt:        # persons left out: the rows of what was stored
                            rows = _index_rows(written, stored)
                    except (OSError, SyntaxError, ValueError) as e:
                        if is_corruption(e):
                            raise
                        r = FileResult(r.path, "failed", f"store error: {e}")
                        rows = None                 # whatever the store holds now is read back
                    # after the store's write, failed or not: the index holds what the store holds
                    index.graphs([written], {written: rows} if rows is not None else None)
                    wrote = True
                done(r)
            if wrote:
                links.refresh(store, base)      # a document stored may answer, or cite, another
            store.flush()
            index.done()
    except (OSError, RuntimeError, ValueError) as e:
        # the store itself failed (a full disk, a corrupt store, a server that is down): one line
        # for it, and one for each file not yet reported
        done(_store_failed(store, e))
        reported = {r.path for r in results}
        for f in files:
            if f not in reported:
                done(FileResult(f, "failed", "not stored: the store failed"))
    return results


def _store_failed(store: Store, e: Exception) -> FileResult:
    """A failure of the store itself, reported like a file's (the CLI prints one line, exits 1)."""
    name = str(store.path or getattr(store, "url", "store"))
    return FileResult(Path(name), "failed", str(StoreCorrupt(name, e)) if is_corruption(e) else f"store error: {e}")


def remove(store: Store, names: Iterable[str], base: str) -> list[FileResult]:
    """Remove documents (by source file name) and leave a tombstone in the change feed."""
    results = []
    index = follow(store)
    index.start()
    present = set(store.document_graphs())
    for name in names:
        graph = graph_iri(base, doc_id(name))
        if graph not in present:
            results.append(FileResult(Path(name), "failed", "not in the store"))
            continue
        doc_iri = document_iri(base, doc_id(name))
        store.drop_graph(graph, also=change_record(base, doc_iri, Path(name).name, "removed", utc_now()))
        index.graphs([graph])
        results.append(FileResult(Path(name), "removed", graph=graph))
    if any(r.status == "removed" for r in results):
        links.refresh(store, base)          # a link to or from a removed document goes with it
    store.flush()
    index.done()
    return results


def forget_documents(store: Store, names: Iterable[str], base: str) -> list[FileResult]:
    """A document and every fact read from it: `remove` (the change feed keeps a tombstone)."""
    Forgotten.load(store, base)         # moves an older styrgraf's records out of the store
    return remove(store, names, base)


def _warm_worker() -> None:
    """Compile the shapes once per worker, before its first file."""
    compiled_shapes()


def _run(files: list[Path], base: str, validate: bool, max_bytes: int,
         jobs: int) -> Iterator[tuple[FileResult, str | None, IndexRows | None]]:
    if jobs <= 1 or len(files) <= 1:
        for f in files:
            yield process(f, base, validate, max_bytes, with_rows=True)
        return
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool
    # forkserver: workers fork from a server that has imported the extractors and the validator
    # once, so each starts in milliseconds, and none inherits the parent's open store
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["styrgraf.ingest.pipeline", "styrgraf.ingest.validate"])
    pending, broken_once = list(files), set()
    while pending:
        # a worker that dies (killed, out of memory) breaks the whole pool: the files it left
        # unfinished run again in a new pool, and a file that breaks a pool twice is failed
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx,
                                 initializer=_warm_worker if validate else None) as pool:
            futures = [pool.submit(process, f, base, validate, max_bytes, True) for f in pending]
            retry = []
            for f, fut in zip(pending, futures):
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    if f in broken_once:
                        yield FileResult(f, "failed", "the worker reading this file died (killed or out of "
                                                      "memory)"), None, None
                    else:
                        broken_once.add(f)
                        retry.append(f)
                except Exception as e:  # noqa: BLE001 - reported with its file, the batch goes on
                    yield FileResult(f, "failed", f"worker failed: {type(e).__name__}: {e}"), None, None
        pending = retry
