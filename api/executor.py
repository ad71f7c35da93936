"""Run SPARQL queries where they can be stopped.

pyoxigraph's ``Store.query`` has no timeout and no cancel, and its ``SERVICE``
makes outbound HTTP requests that cannot be switched off (see
docs/research/engine.md). So:

* Queries run in a small pool of worker *processes*. Workers are forked by a fork
  server: one fresh interpreter (nothing inherited from the server but sys.path),
  started with ``subprocess`` on first use, that has imported this module and
  pyoxigraph and forks a worker per request, so a replacement is ready in
  milliseconds. (multiprocessing's own forkserver is not used: it re-executes the
  server's ``__main__`` script in every child.) A worker opens the on-disk store
  with ``pyoxigraph.Store.read_only(path)`` and talks to the server over a
  ``multiprocessing`` Connection (a socketpair). A worker exits when the server
  process goes away.
* A query is sent to a free worker; the event loop watches the worker's pipe with
  the time limit. If the worker has not answered in time it is killed (SIGKILL;
  it only ever read) and a replacement is forked in the background, and the caller
  gets :class:`QueryTimeout`. The other workers keep serving other clients. When
  all workers are busy a request waits at most ``queue_timeout`` seconds
  (:class:`ExecutorBusy`).
* Each worker has a memory ceiling (``worker_memory``). A thread of the server reads
  the resident size of every busy worker from ``/proc/<pid>/statm`` every few
  milliseconds and kills a worker that would pass its ceiling before the next look
  (at the rate it grew since the last one); the caller gets :class:`QueryMemoryLimit`,
  answered like a time-out (503). ``RLIMIT_AS``/``RLIMIT_DATA`` in the worker were not
  used: they count address space the engine maps or reserves but never touches, and an
  allocation that fails aborts the worker without saying why.
* Results are serialised *inside* the worker by pyoxigraph's own serialisers and
  only the bytes travel back; nothing is rebuilt in Python.
* The result-row cap is enforced without re-serialising: pyoxigraph exposes no
  parsed query, so a small SPARQL lexer finds the top-level ``LIMIT`` and the
  query is rewritten (``LIMIT`` appended before a trailing ``VALUES``, or lowered
  when larger than the cap) so the engine never computes more rows. When the cap
  was applied and reached the result is reported as truncated (rows beyond it
  were not computed; a result of exactly ``cap`` rows also reports it).
  CONSTRUCT/DESCRIBE results are capped in triples (exactly).
* Before anything runs, the query is lexed and refused if it uses ``SERVICE`` or nests
  too deep (styrgraf.query_text, which the remote store and the named queries use too).
* A query's own ``FROM``/``FROM NAMED`` switches the union default graph off
  (pyoxigraph's ``use_default_graph_as_union`` would otherwise override it).
* A read-only handle does not see later writes, so every write must bump a
  generation marker (:func:`bump_generation`, a file ``generation`` in the store
  directory). Each worker watches the marker and reopens its read-only handle in
  place (no new process) when it moved: a background thread opens the new
  generation as soon as it sees it, and a job is always answered from a handle
  opened after the job saw the marker, so a write is visible to the next query.
  A worker reports the generation its answer was computed from; the result cache
  keeps only answers of the generation current when the query was dispatched.

``QueryExecutor.in_process(store)`` runs the same code on threads against an
in-memory store (no kill, no time limit); it exists for unit tests of modules
built on the executor.
"""
from __future__ import annotations

import asyncio
import csv
import io
import itertools
import json
import logging
import marshal
import multiprocessing
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pyoxigraph as ox

log = logging.getLogger("styrgraf.executor")

from styrgraf.config import default_worker_memory
from styrgraf.lru import BytesLRU, estimate_size
from styrgraf.query_errors import (ExecutorBusy, QueryError, QueryMemoryLimit, QuerySyntaxError,
                                   QueryTimeout, WorkerFailed)
from styrgraf.query_text import QueryInfo, cap_query
from styrgraf.store import PinnedReader, generation_signature, remove_readers

from .query_backend import GRAPH_FORMATS, NOT_SET, RESULTS_FORMATS, QueryBackend, QueryResult

__all__ = ["QueryExecutor"]




# ============================================================== generation marker
# ============================================================== the work itself
# A worker answers a job with one message: a 4-byte header length, the header (marshal: plain
# dicts of str/int/bool), then the body. Bodies over _INLINE_BODY follow in a second message so
# the worker does not copy them; small answers (the common case) cost one write and one wake-up.
_HEADER_LEN = struct.Struct("!I")
_INLINE_BODY = 64 * 1024
def _count_rows(data: bytes, fmt: str) -> int:
    if fmt == "TSV":
        return data.count(b"\n") - 1              # literals have \n escaped; one header line
    if fmt == "XML":
        return data.count(b"<result>")             # '<' is escaped in text
    if fmt == "CSV":
        return sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8"), newline=""))) - 1
    return sum(1 for _ in ox.parse_query_results(data, ox.QueryResultsFormat.JSON))


def _min_bytes_for(rows: int, fmt: str) -> int:
    """A lower bound of the size of a result with `rows` rows (skip counting small results)."""
    return {"JSON": 3, "XML": 17, "CSV": 2, "TSV": 1}[fmt] * rows


def _execute(store: ox.Store, job: dict) -> tuple[dict, bytes | None]:
    """Run one job against `store`; returns (header, body). Runs in the worker."""
    op = job["op"]
    if op == "ping":
        return {"status": "ok"}, None
    if op == "graph":
        iri = job["graph"]
        fmt = GRAPH_FORMATS[job["format"]]
        if iri is None:
            graph: Any = ox.DefaultGraph()
        else:
            graph = ox.NamedNode(iri)
            if not store.contains_named_graph(graph):
                return {"status": "not_found"}, None
        if job.get("exists_only"):
            return {"status": "ok"}, None
        triples = (ox.Triple(q.subject, q.predicate, q.object)
                   for q in store.quads_for_pattern(None, None, None, graph))
        return {"status": "ok"}, ox.serialize(triples, format=fmt, **_prefix_arg(fmt, job))
    if op != "query":
        raise ValueError(f"unknown job {op!r}")

    kwargs: dict[str, Any] = {}
    if job.get("default_graph") is not None or job.get("named_graphs") is not None:
        # the request's dataset is exactly what it names: no named-graph-uri, no named graphs
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.get("default_graph") or []]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.get("named_graphs") or []]
    elif job.get("union"):
        kwargs["use_default_graph_as_union"] = True
    if job.get("base_iri"):
        kwargs["base_iri"] = job["base_iri"]
    if job.get("prefixes"):
        kwargs["prefixes"] = job["prefixes"]

    capped = job.get("capped_query")
    cap = job.get("row_cap")
    if capped is not None:
        try:
            result = store.query(capped, **kwargs)
        except SyntaxError:
            result = store.query(job["query"], **kwargs)   # report the user's own text's error
            log.warning("row-cap rewrite broke a valid query; ran it uncapped: %r", job["query"][:200])
            capped = None
    else:
        result = store.query(job["query"], **kwargs)

    if isinstance(result, ox.QuerySolutions):
        rf = job["results_format"]
        data = result.serialize(format=RESULTS_FORMATS[rf])
        truncated = False
        if capped is not None and cap and len(data) >= _min_bytes_for(cap, rf):
            truncated = _count_rows(data, rf) >= cap
        return {"status": "ok", "kind": "solutions", "format": rf, "truncated": truncated}, data
    if isinstance(result, ox.QueryBoolean):
        rf = job["results_format"]
        return {"status": "ok", "kind": "boolean", "format": rf, "truncated": False}, \
            result.serialize(format=RESULTS_FORMATS[rf])
    gf = job["graph_format"]
    fmt = GRAPH_FORMATS[gf]
    truncated = False
    if cap:
        triples = list(itertools.islice(result, cap + 1))
        if len(triples) > cap:
            truncated = True
            del triples[cap:]
        data = ox.serialize(triples, format=fmt, **_prefix_arg(fmt, job))
    elif fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) and job.get("output_prefixes"):
        data = ox.serialize(result, format=fmt, **_prefix_arg(fmt, job))
    else:
        data = result.serialize(format=fmt)
    return {"status": "ok", "kind": "graph", "format": gf, "truncated": truncated}, data


def _prefix_arg(fmt: ox.RdfFormat, job: dict) -> dict:
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) and job.get("output_prefixes"):
        return {"prefixes": job["output_prefixes"]}
    return {}


def _run_job(store: ox.Store, job: dict) -> tuple[dict, bytes | None]:
    """_execute with errors turned into headers (so they cross the process boundary)."""
    try:
        return _execute(store, job)
    except SyntaxError as e:
        return {"status": "error", "error": "syntax", "message": str(e)}, None
    except OSError as e:
        return {"status": "error", "error": "io", "message": f"{type(e).__name__}: {e}"}, None
    except Exception as e:  # engine evaluation errors (e.g. bad IRI in an argument)
        return {"status": "error", "error": "query", "message": f"{type(e).__name__}: {e}"}, None


def _job_text(job: dict) -> str:
    """The beginning of a job's query, on one line (for the log)."""
    return " ".join(str(job.get("query") or job.get("op"))[:300].split())


class _Snapshot:
    """(in a worker) The worker's read-only handle on the store (a PinnedReader: a checkpoint
    the writer's compactions cannot take files from), renewed in place when the generation
    marker moves.

    A background thread watches the marker (one stat() every _WATCH_INTERVAL seconds) and opens
    the new generation while the worker is idle or busy with another query, so that a job
    rarely waits for an open. A job is always answered from a handle opened after the job
    saw the marker's current value: a write the server has acknowledged is visible to the next
    query. Each handle records the marker's signature read *before* it was opened; the data it
    shows is at least that generation's. A handle left behind is closed (its checkpoint deleted)."""

    def __init__(self, store_path: str):
        self.path = store_path
        self.gen, self.reader = self._open()
        self._cond = threading.Condition()
        self._next: tuple[Any, PinnedReader, float] | None = None    # (gen, reader, time of the stat)
        self._opening = False
        self._error: tuple[float, str] | None = None          # (time of the stat, message)
        threading.Thread(target=self._watch, daemon=True, name="snapshot-watch").start()

    def _open(self) -> tuple[Any, PinnedReader]:
        """(generation, reader): the marker is read first, so the reader shows at least that
        generation (an open that races the writer is tried again)."""
        gen = generation_signature(self.path)
        return gen, PinnedReader(self.path)

    def _watch(self) -> None:
        while True:
            with self._cond:
                self._cond.wait(_WATCH_INTERVAL)
                sig = generation_signature(self.path)
                if (self._opening or sig == self.gen
                        or (self._next is not None and self._next[0] == sig)):
                    continue
                self._opening = True
            stamp = time.monotonic()
            try:
                gen, reader = self._open()
                error = None
            except BaseException as e:  # reported to a job that needs it
                gen = reader = None
                error = f"{type(e).__name__}: {e}"
            with self._cond:
                self._opening = False
                if reader is not None:
                    if self._next is not None:
                        self._next[1].close()
                    self._next = (gen, reader, stamp)
                    self._error = None
                else:
                    self._error = (stamp, error)
                self._cond.notify_all()

    def current(self) -> tuple[ox.Store, Any, bool]:
        """(store, its generation, whether it was renewed) for the next job."""
        sig = generation_signature(self.path)
        if sig == self.gen:
            return self.reader.store, self.gen, False
        asked = time.monotonic()
        with self._cond:
            self._cond.notify_all()                  # the watcher looks now
            while True:
                nxt = self._next
                if nxt is not None and (nxt[0] == sig or nxt[2] >= asked):
                    old, (self.gen, self.reader, _) = self.reader, nxt
                    self._next = None
                    old.close()
                    return self.reader.store, self.gen, True
                if self._error is not None and self._error[0] >= asked:
                    raise OSError(self._error[1])   # an open begun after this job asked failed
                self._cond.wait(0.5)

    def stale(self) -> bool:
        return generation_signature(self.path) != self.gen

    def reopen(self) -> tuple[ox.Store, Any]:
        """A new handle now (after an I/O error: e.g. a handle on the store itself, where its
        directory is not writable, whose files the writer compacted away)."""
        gen, reader = self._open()
        self._replace(gen, reader)
        return reader.store, gen

    def close(self) -> None:
        self._replace(None, None)

    def _replace(self, gen: Any, reader: PinnedReader | None) -> None:
        """Make `reader` the handle (None: none, the worker ends) and close those it replaces."""
        with self._cond:
            left = [self.reader] + ([self._next[1]] if self._next is not None else [])
            self.gen, self.reader, self._next = gen, reader, None
        for old in left:
            old.close()


_WATCH_INTERVAL = 0.05


def _worker_entry(fd: int, store_path: str) -> None:
    """Entry point of a worker process (forked by the fork server): `fd` is its end of the
    Connection to the query server."""
    from multiprocessing.connection import Connection

    def watchdog() -> None:           # never outlive the server, even in a runaway query
        poller = select.poll()        # (pyoxigraph releases the GIL while it evaluates)
        poller.register(fd, select.POLLRDHUP)
        while True:
            for _fd, event in poller.poll():
                if event & (select.POLLRDHUP | select.POLLHUP | select.POLLERR | select.POLLNVAL):
                    os._exit(0)

    threading.Thread(target=watchdog, daemon=True).start()
    _worker_main(store_path, Connection(fd))


def _worker_main(store_path: str, conn) -> None:
    """The worker's loop: open the store read-only, answer jobs until EOF or None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the server's Ctrl-C is the parent's business
    try:
        snapshot = _Snapshot(store_path)
    except BaseException as e:
        conn.send(("fail", f"cannot open store {store_path} read-only: {type(e).__name__}: {e}"))
        return
    conn.send(("ready", os.getpid(), snapshot.gen))
    try:
        _answer_jobs(snapshot, store_path, conn)
    finally:
        snapshot.close()


def _answer_jobs(snapshot: _Snapshot, store_path: str, conn) -> None:
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            store, gen, renewed = snapshot.current()
            header, body = _run_job(store, job)
            if header["status"] == "error" and header["error"] == "io":
                # the writer compacted away files this handle still referred to: a new handle,
                # and the job once more
                store, gen = snapshot.reopen()
                header, body = _run_job(store, job)
                renewed = True
            elif header["status"] == "error" and header["error"] != "syntax" and snapshot.stale():
                # the data moved on meanwhile: renew and retry once (a genuine evaluation
                # error comes back the same)
                store, gen, _ = snapshot.current()
                header, body = _run_job(store, job)
                renewed = True
        except OSError as e:
            gen, renewed = snapshot.gen, False
            header, body = {"status": "error", "error": "io",
                            "message": f"cannot reopen store {store_path} read-only: {e}"}, None
        header["generation"] = gen           # the data the answer was computed from
        header["renewed"] = renewed
        header["body"] = body is not None
        header["size"] = len(body) if body is not None else 0
        header["inline"] = body is None or len(body) <= _INLINE_BODY
        encoded = marshal.dumps(header)
        if header["inline"]:
            # one message, one write, one wake-up of the server: header length, header, body
            conn.send_bytes(b"".join((_HEADER_LEN.pack(len(encoded)), encoded, body or b"")))
        else:
            conn.send_bytes(_HEADER_LEN.pack(len(encoded)) + encoded)
            conn.send_bytes(body)


def _forkserver_main(fd: int) -> None:
    """The fork server: a process that has imported everything a worker needs (this module,
    pyoxigraph) and forks a worker per request, so a replacement is ready in milliseconds
    rather than after an interpreter start. It stays single-threaded (forking is safe) and
    never opens the store itself.

    Requests come over a SOCK_SEQPACKET socket as JSON: {"op": "spawn", "store": path} with
    the worker's end of its Connection attached (SCM_RIGHTS), answered by {"pid": n}; and
    {"op": "reap", "pid": n}, sent after the server has killed worker n. A worker is reaped
    only when the server asks, so its pid cannot be reused while the server may still signal
    it. When the server goes away (EOF), every worker still alive is killed."""
    from multiprocessing.connection import Connection  # noqa: F401 - preloaded for the workers

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sock = socket.socket(fileno=fd)
    children: set[int] = set()
    to_reap: set[int] = set()
    sock.send(b'{"ready": true}')
    try:
        while True:
            for pid in list(to_reap):
                try:
                    done, _status = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    done = pid
                if done:
                    to_reap.discard(pid)
                    children.discard(pid)
            readable, _, _ = select.select([sock], [], [], 0.2 if to_reap else None)
            if not readable:
                continue
            try:
                msg, fds, _flags, _addr = socket.recv_fds(sock, 65536, 1)
            except OSError:
                break
            if not msg:
                break
            req = json.loads(msg)
            if req["op"] == "spawn":
                if not fds:
                    sock.send(b'{"error": "no connection attached"}')
                    continue
                pid = os.fork()
                if pid == 0:                     # the worker
                    try:
                        sock.close()
                        _worker_entry(fds[0], req["store"])
                    finally:
                        os._exit(0)
                for f in fds:
                    os.close(f)
                children.add(pid)
                sock.send(json.dumps({"pid": pid}).encode())
            elif req["op"] == "reap":
                to_reap.add(int(req["pid"]))
                for f in fds:
                    os.close(f)
    finally:
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        for pid in children:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


class _ForkServer:
    """(server side) Starts the fork server on first use (and again if it died) and asks it
    for workers."""

    def __init__(self, startup_timeout: float):
        self.startup_timeout = startup_timeout
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self._sock: socket.socket | None = None
        self._closed = False

    def _start(self) -> None:
        """(locked) A fresh interpreter running _forkserver_main, with the parent's sys.path
        (the spawn start method's semantics, without multiprocessing's re-execution of the
        parent's __main__ script in the child: a `serve.py` calling uvicorn.run() unguarded
        would otherwise start a server in every worker)."""
        self._stop()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            path = [os.getcwd() if p == "" else p for p in sys.path]
            env = dict(os.environ, STYRGRAF_WORKER_SYS_PATH=json.dumps(path))
            code = ("import json, os, sys; sys.path[:] = json.loads(os.environ['STYRGRAF_WORKER_SYS_PATH']); "
                    f"from {__name__} import _forkserver_main; _forkserver_main(int(sys.argv[1]))")
            proc = subprocess.Popen([sys.executable, "-c", code, str(theirs.fileno())],
                                    pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL,
                                    close_fds=True, env=env)
        finally:
            theirs.close()
        ours.settimeout(self.startup_timeout)
        try:
            ready = ours.recv(4096)
        except OSError:
            ready = b""
        if not ready:
            ours.close()
            try:
                proc.kill()
                proc.wait(5)
            except Exception:  # pragma: no cover - best effort
                pass
            raise WorkerFailed(f"the query worker fork server did not start within {self.startup_timeout:g} s")
        ours.settimeout(None)
        self._proc, self._sock = proc, ours

    def _stop(self) -> None:
        """(locked)"""
        if self._sock is not None:
            try:
                self._sock.close()         # the fork server sees EOF, kills its workers and exits
            except OSError:  # pragma: no cover
                pass
            self._sock = None
        if self._proc is not None:
            try:
                self._proc.wait(5)
            except subprocess.TimeoutExpired:  # pragma: no cover
                self._proc.kill()
                self._proc.wait(5)
            self._proc = None

    def spawn(self, conn_fd: int, store_path: str) -> int:
        """Fork a worker that talks over `conn_fd`; its pid."""
        request = json.dumps({"op": "spawn", "store": store_path}).encode()
        with self._lock:
            if self._closed:
                raise WorkerFailed("the query executor is closed")
            for attempt in (1, 2):
                if self._sock is None or self._proc is None or self._proc.poll() is not None:
                    self._start()
                try:
                    socket.send_fds(self._sock, [request], [conn_fd])
                    self._sock.settimeout(self.startup_timeout)
                    answer = self._sock.recv(4096)
                    self._sock.settimeout(None)
                    if not answer:
                        raise EOFError("the fork server went away")
                    reply = json.loads(answer)
                    if "pid" not in reply:
                        raise WorkerFailed(f"the fork server refused: {reply.get('error')}")
                    return int(reply["pid"])
                except (OSError, EOFError, ValueError):
                    self._stop()
                    if attempt == 2:
                        raise
        raise AssertionError("unreachable")

    def reap(self, pid: int) -> None:
        with self._lock:
            if self._sock is None:
                return
            try:
                self._sock.send(json.dumps({"op": "reap", "pid": pid}).encode())
            except OSError:
                pass

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._stop()


class _Worker:
    """(server side) One worker process: its Connection, pid (with a pidfd where the OS has
    them, so a signal can never reach another process) and the generation of its snapshot;
    its resident size at the memory watchdog's last look, and its peak if the watchdog killed it."""
    __slots__ = ("pid", "pidfd", "conn", "gen", "forkserver", "store_path", "rss", "killed_at")

    def __init__(self, pid: int | None, conn, gen, forkserver: "_ForkServer | None", store_path: str):
        self.pid, self.conn, self.gen, self.forkserver = pid, conn, gen, forkserver
        self.store_path = store_path
        self.pidfd = None
        self.rss = 0
        self.killed_at: int | None = None
        if pid is not None:
            try:
                self.pidfd = os.pidfd_open(pid)
            except (AttributeError, OSError):
                pass

    def kill(self) -> None:
        """SIGKILL. Safe: the worker only ever opened the store read-only."""
        try:
            if self.pidfd is not None:
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            elif self.pid is not None:
                os.kill(self.pid, signal.SIGKILL)     # not reaped before we ask: the pid is still its
        except (OSError, AttributeError):  # pragma: no cover - best effort
            pass

    def discard(self) -> None:
        """Kill it and have it reaped."""
        self.kill()
        if self.pidfd is not None:
            try:
                os.close(self.pidfd)
            except OSError:  # pragma: no cover
                pass
            self.pidfd = None
        if self.pid is not None:
            remove_readers(self.store_path, [self.pid])     # what a killed worker left (PinnedReader)
            if self.forkserver is not None:
                self.forkserver.reap(self.pid)
        try:
            self.conn.close()
        except Exception:  # pragma: no cover
            pass


_READ_IN_THREAD = 256 * 1024       # bodies above this are read off the event loop
_MEMORY_POLL = 0.005               # seconds between two looks at the busy workers' memory
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def _resident_bytes(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return None


def _peak_bytes(pid: int) -> int | None:
    """The process's high-water mark of resident memory (VmHWM)."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


# ============================================================== the result cache
class _ResultCache:
    """Query results of one store generation, least recently used first out.

    Keyed by everything that shapes the answer (query text, result formats, dataset, row cap,
    union default graph). Emptied as soon as a lookup sees another generation signature (the
    store was written); a result computed by a worker of an older generation is not stored.
    Bounded in bytes (result and key); results over max_entry bytes are not kept."""

    def __init__(self, max_bytes: int, max_entry: int):
        self.lru = BytesLRU(max_bytes, max_entry)
        self._lock = threading.Lock()
        self._gen: Any = NOT_SET

    def get(self, key: tuple, gen: Any) -> QueryResult | None:
        with self._lock:
            if gen != self._gen:
                self.lru.clear()
                self._gen = gen
                return None
        return self.lru.get(key)

    def put(self, key: tuple, gen: Any, result: QueryResult) -> None:
        with self._lock:
            if gen == self._gen:
                self.lru.put(key, result, estimate_size(key) + sys.getsizeof(result.body))

    def __len__(self) -> int:
        return len(self.lru)


# ============================================================== the executor

class QueryExecutor(QueryBackend):
    """A pool of killable query workers over an on-disk pyoxigraph store.

    workers:          number of worker processes (each can run one query at a time)
    options:          those of QueryBackend (a query's worker is killed at its time limit)
    cache_bytes:      memory for cached results of repeated queries (0 = no cache); the cache is
                      emptied whenever the store's generation marker changes
    cache_entry_bytes: larger results are not cached
    worker_memory:    memory ceiling of one worker in bytes (None: half the machine's memory
                      shared by the workers, styrgraf.config.default_worker_memory)
    """

    def __init__(
        self,
        store_path: str | os.PathLike[str],
        *,
        workers: int = 2,
        startup_timeout: float = 60.0,
        max_waiting: int = 64,
        cache_bytes: int = 64 * 1024 * 1024,
        cache_entry_bytes: int = 1024 * 1024,
        worker_memory: int | None = None,
        **options: Any,
    ):
        if workers < 1:
            raise ValueError("workers must be >= 1")
        super().__init__(**options)
        self.store_path = str(store_path)
        self.workers = workers
        self.startup_timeout = startup_timeout
        self.worker_memory = worker_memory or default_worker_memory(workers)
        self._in_process_store: ox.Store | None = None
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._starting = 0
        self._closed = False
        self._spawn_error: tuple[float, str] | None = None
        self._forkserver = _ForkServer(startup_timeout)
        remove_readers(self.store_path)      # checkpoints of the workers of a server that was killed
        self._threads = ThreadPoolExecutor(max_workers=workers + max_waiting,
                                           thread_name_prefix="sparql-dispatch")
        self._cache = _ResultCache(cache_bytes, cache_entry_bytes) if cache_bytes > 0 else None
        # recycled: snapshots renewed by workers after a write
        self.stats = {"spawned": 0, "killed_timeout": 0, "killed_memory": 0, "recycled": 0, "crashed": 0,
                      "cache_hits": 0, "cache_misses": 0}
        self._any_busy = threading.Event()     # wakes the memory watchdog
        threading.Thread(target=self._watch_memory, daemon=True, name="sparql-memory-watch").start()

    # ---------------------------------------------------------------- construction
    @classmethod
    def in_process(cls, store: Any, *, row_cap: int | None = 10_000, union_default_graph: bool = False,
                   default_prefixes: dict[str, str] | None = None,
                   output_prefixes: dict[str, str] | None = None, threads: int = 2) -> "QueryExecutor":
        """Threads over an in-memory (or any open) store: no isolation, no kill, no time limit.

        `store` is a pyoxigraph Store or a styrgraf.store.Store. For unit tests only.
        """
        self = cls.__new__(cls)
        self.store_path = None
        self.workers = threads
        self.timeout = float("inf")
        self.queue_timeout = float("inf")
        self.row_cap = row_cap or None
        self.union_default_graph = union_default_graph
        self.default_prefixes = default_prefixes
        self.output_prefixes = output_prefixes
        self._in_process_store = getattr(store, "ox", store)
        self._closed = False
        self._threads = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="sparql-inproc")
        self._cache = None           # no generation marker to invalidate it by
        self.stats = {}
        return self

    @property
    def isolated(self) -> bool:
        return self._in_process_store is None

    def start(self, wait: bool = False) -> None:
        """Start the worker processes now rather than on the first query."""
        if not self.isolated:
            return
        with self._cond:
            self._ensure_workers()
            if wait:
                deadline = time.monotonic() + self.startup_timeout
                while len(self._idle) + len(self._busy) < self.workers and not self._spawn_error:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        break
                    self._cond.wait(left)
                if self._spawn_error and not self._idle:
                    raise WorkerFailed(self._spawn_error[1])

    def close(self) -> None:
        """Stop all workers. Queries in flight fail."""
        if not self.isolated:
            self._threads.shutdown(wait=False)
            return
        with self._cond:
            self._closed = True
            workers = list(self._idle) + list(self._busy)
            self._idle.clear()
            self._cond.notify_all()
        self._any_busy.set()                 # the watchdog sees _closed and ends
        for w in workers:
            w.discard()
        self._forkserver.close()
        self._threads.shutdown(wait=False, cancel_futures=True)

    async def aclose(self) -> None:
        await asyncio.get_running_loop().run_in_executor(None, self.close)

    # ---------------------------------------------------------------- queries
    async def _run(self, query: str, info: QueryInfo, cap: int | None, *, results_format: str, graph_format: str,
                   default_graph: list[str] | None, named_graphs: list[str] | None, timeout: float | None,
                   base_iri: str | None) -> QueryResult:
        job = {
            "op": "query",
            "query": query,
            "capped_query": cap_query(query, info, cap) if cap else None,
            "row_cap": cap,
            "results_format": results_format,
            "graph_format": graph_format,
            "default_graph": list(default_graph) if default_graph is not None else None,
            "named_graphs": list(named_graphs) if named_graphs is not None else None,
            # a query's own FROM / FROM NAMED must win over the union default graph
            "union": self.union_default_graph and not info.has_dataset_clause,
            "prefixes": self.default_prefixes,
            "output_prefixes": self.output_prefixes,
            "base_iri": base_iri,
        }
        cache = self._cache
        if cache is not None:
            key = (query, results_format, graph_format, job["default_graph"] and tuple(job["default_graph"]),
                   job["named_graphs"] and tuple(job["named_graphs"]), cap, job["union"], base_iri)
            gen = generation_signature(self.store_path)
            hit = cache.get(key, gen)
            if hit is not None:
                self.stats["cache_hits"] += 1
                return hit
            self.stats["cache_misses"] += 1
        header, body = await self._submit(job, timeout)
        result = QueryResult(header["kind"], header["format"], body or b"", bool(header["truncated"]))
        if cache is not None and header.get("generation", NOT_SET) == gen:
            cache.put(key, gen, result)
        return result

    async def graph(self, graph: str | None, graph_format: str = "TURTLE",
                    timeout: float | None = None) -> bytes | None:
        """One graph of the store serialised (graph=None: the store's real default graph),
        or None if that named graph does not exist. Not capped."""
        header, body = await self._submit(
            {"op": "graph", "graph": graph, "format": graph_format,
             "output_prefixes": self.output_prefixes}, timeout)
        if header["status"] == "not_found":
            return None
        return body or b""

    async def graph_exists(self, graph: str, timeout: float | None = None) -> bool:
        header, _ = await self._submit(
            {"op": "graph", "graph": graph, "format": "N_TRIPLES", "exists_only": True}, timeout)
        return header["status"] == "ok"

    # ---------------------------------------------------------------- dispatch
    async def _submit(self, job: dict, timeout: float | None) -> tuple[dict, bytes | None]:
        if self._closed:
            raise QueryError("the query executor is closed")
        loop = asyncio.get_running_loop()
        if not self.isolated:
            header, body = await loop.run_in_executor(self._threads, _run_job, self._in_process_store, job)
        else:
            limit = self.timeout if timeout is None else float(timeout)
            header, body = await self._roundtrip(loop, job, time.monotonic(), limit)
        if header["status"] == "error":
            if header["error"] == "syntax":
                raise QuerySyntaxError(header["message"])
            if header["error"] == "io":
                raise WorkerFailed(header["message"])
            raise QueryError(header["message"])
        return header, body

    async def _roundtrip(self, loop: asyncio.AbstractEventLoop, job: dict, submitted: float,
                         limit: float) -> tuple[dict, bytes | None]:
        """Take a worker, run the job, give the worker back (or kill it).

        The fast path stays on the event loop: an idle worker is taken under the lock, the
        job is written to its pipe and the loop watches the pipe (add_reader) with the time
        limit. Only waiting for a busy pool and reading big bodies go to a thread."""
        w = self._try_acquire()
        if w is None:
            w = await self._wait_for_worker(submitted + self.queue_timeout)
        ok = False
        try:
            header, body = await self._exchange(loop, w, job, limit)
            ok = w.killed_at is None       # the watchdog may have killed it just after it answered
        finally:
            self._release(w, ok)   # not ok (timeout, memory, crash, cancelled): the worker is killed
        # the worker renews its snapshot itself; "generation" is the data the answer came from
        if header.pop("renewed", False):
            with self._cond:
                self.stats["recycled"] += 1
        w.gen = header.get("generation", w.gen)
        return header, body

    async def _exchange(self, loop: asyncio.AbstractEventLoop, w: _Worker, job: dict,
                        limit: float) -> tuple[dict, bytes | None]:
        try:
            w.conn.send(job)
            if not w.conn.poll(0):
                ready = loop.create_future()
                fd = w.conn.fileno()

                def readable() -> None:
                    if not ready.done():
                        ready.set_result(True)

                def expired() -> None:
                    if not ready.done():
                        ready.set_result(False)

                loop.add_reader(fd, readable)
                timer = loop.call_later(limit, expired) if limit != float("inf") else None
                try:
                    answered = await ready
                finally:
                    if timer is not None:
                        timer.cancel()
                    loop.remove_reader(fd)
                    os.set_blocking(fd, True)     # uvloop leaves a watched fd non-blocking
                if not answered:
                    with self._cond:
                        self.stats["killed_timeout"] += 1
                    log.warning("query exceeded %g s; killing worker %s: %s", limit, w.pid, _job_text(job))
                    raise QueryTimeout(limit)
            frame = w.conn.recv_bytes()
            (size,) = _HEADER_LEN.unpack_from(frame)
            header = marshal.loads(frame[_HEADER_LEN.size:_HEADER_LEN.size + size])
            body = None
            if header.pop("body", False):
                if header.pop("inline", True):
                    body = frame[_HEADER_LEN.size + size:]
                elif header.get("size", 0) > _READ_IN_THREAD:
                    body = await loop.run_in_executor(self._threads, w.conn.recv_bytes)
                else:
                    body = w.conn.recv_bytes()
            return header, body
        except (EOFError, OSError, ValueError, struct.error) as e:
            if w.killed_at is not None:
                log.warning("query reached the memory limit: %s", _job_text(job))
                raise QueryMemoryLimit(self.worker_memory) from e
            with self._cond:
                self.stats["crashed"] += 1
            raise WorkerFailed(f"the query worker died ({type(e).__name__}); "
                               "the query may have used too much memory") from e

    async def _wait_for_worker(self, deadline: float) -> _Worker:
        """Wait (in a thread) for a free worker; a caller that goes away gives it back."""
        future = self._threads.submit(self._acquire, deadline)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            def give_back(f) -> None:
                if not f.cancelled() and f.exception() is None:
                    self._release(f.result(), True)
            future.add_done_callback(give_back)
            raise

    def _take_idle(self) -> _Worker | None:
        """(under self._cond) An idle worker made busy, or None; raises if the executor is closed."""
        if self._closed:
            raise QueryError("the query executor is closed")
        if not self._idle:
            return None
        w = self._idle.pop()
        self._busy.add(w)
        self._any_busy.set()
        return w

    def _try_acquire(self) -> _Worker | None:
        """An idle worker of the current generation, without waiting."""
        with self._cond:
            return self._take_idle()

    def _acquire(self, deadline: float) -> _Worker:
        with self._cond:
            while True:
                if (w := self._take_idle()) is not None:
                    return w
                self._ensure_workers()
                if (self._spawn_error and not self._busy and not self._starting
                        and time.monotonic() - self._spawn_error[0] < 2.0):
                    raise WorkerFailed(self._spawn_error[1])
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ExecutorBusy(self.queue_timeout, self.workers)
                self._cond.wait(min(left, 1.0))

    def _watch_memory(self) -> None:
        """(thread) Look at the busy workers' resident memory every _MEMORY_POLL seconds and kill
        one that would pass the ceiling before the next look, at the rate it grew since the last
        (twice that rate, for a late look): the engine touches several MB a millisecond while it
        fills a large sort or join. Under the lock a busy worker is not yet discarded, so its
        pid is still its own."""
        while True:
            self._any_busy.wait()
            with self._cond:
                if self._closed:
                    return
                if not self._busy:
                    self._any_busy.clear()
                    continue
                for w in self._busy:
                    rss = _resident_bytes(w.pid) if w.killed_at is None else None
                    if rss is None:
                        continue
                    grown, w.rss = max(0, rss - w.rss) if w.rss else 0, rss     # 0: its first look
                    if rss + 2 * grown >= self.worker_memory:
                        w.killed_at = max(rss, _peak_bytes(w.pid) or 0)
                        w.kill()
                        self.stats["killed_memory"] += 1
                        log.warning("query worker %s reached %.0f MiB (peak) of its %.0f MiB memory limit; "
                                    "killed", w.pid, w.killed_at / 2**20, self.worker_memory / 2**20)
            time.sleep(_MEMORY_POLL)

    def _release(self, w: _Worker, ok: bool) -> None:
        retire = None
        with self._cond:
            self._busy.discard(w)
            if ok and not self._closed:
                self._idle.append(w)
            else:
                retire = w
                if not self._closed:
                    self._ensure_workers()
            self._cond.notify_all()
        if retire is not None:
            threading.Thread(target=retire.discard, daemon=True).start()

    def _ensure_workers(self) -> None:
        """(locked) Start workers until the pool is full."""
        if self._closed:
            return
        if self._spawn_error and time.monotonic() - self._spawn_error[0] < 2.0:
            return
        missing = self.workers - (len(self._idle) + len(self._busy) + self._starting)
        for _ in range(max(0, missing)):
            self._starting += 1
            threading.Thread(target=self._spawn, daemon=True, name="sparql-worker-spawn").start()

    def _spawn(self) -> None:
        parent, child = multiprocessing.Pipe(duplex=True)
        w = None
        pid = None
        error = None
        try:
            try:
                pid = self._forkserver.spawn(child.fileno(), self.store_path)
            finally:
                child.close()
            if not parent.poll(self.startup_timeout):
                error = f"query worker did not start within {self.startup_timeout:g} s"
            else:
                msg = parent.recv()
                if msg[0] == "ready":
                    w = _Worker(pid, parent, msg[2], self._forkserver, self.store_path)
                else:
                    error = msg[1]
        except Exception as e:
            error = f"cannot start query worker: {type(e).__name__}: {e}"
        keep = False
        with self._cond:
            self._starting -= 1
            if w is not None and not self._closed:
                self.stats["spawned"] += 1
                self._spawn_error = None
                self._idle.append(w)
                keep = True
            elif error is not None:
                log.error("%s", error)
                self._spawn_error = (time.monotonic(), error)
            self._cond.notify_all()
        if not keep:
            (w or _Worker(pid, parent, None, self._forkserver, self.store_path)).discard()
