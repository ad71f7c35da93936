"""The query workers: processes forked by a fork server, each answering jobs from its own
checkpoint of the store (see api/executor.py for why queries run in processes, and how they are
stopped)."""
from __future__ import annotations

import csv
import io
import itertools
import json
import logging
import marshal
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from typing import Any

import pyoxigraph as ox

from styrgraf.query_errors import WorkerFailed
from styrgraf.store import PinnedReader, generation_signature, remove_readers

from .query_backend import GRAPH_FORMATS, RESULTS_FORMATS

log = logging.getLogger("styrgraf.executor")


# ============================================================== the work itself
# A worker answers a job with one message: a 4-byte header length, the header (marshal: plain
# dicts of str/int/bool), then the body. Bodies over _INLINE_BODY follow in a second message so
# the worker does not copy them; small answers (the common case) cost one write and one wake-up.
HEADER_LEN = struct.Struct("!I")
_INLINE_BODY = 64 * 1024
def count_rows(data: bytes, fmt: str) -> int:
    if fmt == "TSV":
        return data.count(b"\n") - 1              # literals have \n escaped; one header line
    if fmt == "XML":
        return data.count(b"<result>")             # '<' is escaped in text
    if fmt == "CSV":
        return sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8"), newline=""))) - 1
    return sum(1 for _ in ox.parse_query_results(data, ox.QueryResultsFormat.JSON))


def min_bytes_for(rows: int, fmt: str) -> int:
    """A lower bound of the size of a result with `rows` rows (skip counting small results)."""
    return {"JSON": 3, "XML": 17, "CSV": 2, "TSV": 1}[fmt] * rows


def reaches(data: bytes, fmt: str, rows: int) -> bool:
    """Whether a result pyoxigraph serialised has at least `rows` rows, counted only where its size
    and, in JSON, the separators between rows do not show it has fewer (pyoxigraph writes no
    whitespace: rows are separated by `},{`, which a literal can add to but not take from)."""
    if len(data) < min_bytes_for(rows, fmt):
        return False
    if fmt == "JSON" and data.count(b"},{") + 1 < rows:
        return False
    return count_rows(data, fmt) >= rows


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
        truncated = capped is not None and bool(cap) and reaches(data, rf, cap)
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


def run_job(store: ox.Store, job: dict) -> tuple[dict, bytes | None]:
    """_execute with errors turned into headers (so they cross the process boundary)."""
    try:
        return _execute(store, job)
    except SyntaxError as e:
        return {"status": "error", "error": "syntax", "message": str(e)}, None
    except OSError as e:
        return {"status": "error", "error": "io", "message": f"{type(e).__name__}: {e}"}, None
    except Exception as e:  # engine evaluation errors (e.g. bad IRI in an argument)
        return {"status": "error", "error": "query", "message": f"{type(e).__name__}: {e}"}, None


def job_text(job: dict) -> str:
    """The beginning of a job's query, on one line (for the log)."""
    return " ".join(str(job.get("query") or job.get("op"))[:300].split())


def run_job_retrying(job: dict, store: ox.Store, reopen, stale, renew) -> tuple[dict, bytes | None, bool]:
    """run_job, and once more on another handle where the first answer may be the handle's fault: after an I/O error
    (the writer compacted away files the handle still referred to) on a handle `reopen()` opens anew; after any other
    error but a syntax error, if `stale()` says the data moved on meanwhile, on the handle `renew()` gives (a genuine
    evaluation error comes back the same). (header, body, whether it was retried); `reopen` and `renew` give a store."""
    header, body = run_job(store, job)
    if header["status"] != "error" or header["error"] == "syntax":
        return header, body, False
    if header["error"] == "io":
        header, body = run_job(reopen(), job)
        return header, body, True
    if stale():
        header, body = run_job(renew(), job)
        return header, body, True
    return header, body, False


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


class _Lease:
    """(SharedReader) One handle, the generation it shows and how many jobs are using it."""
    __slots__ = ("gen", "reader", "users", "retired")

    def __init__(self, gen: Any, reader: PinnedReader):
        self.gen, self.reader, self.users, self.retired = gen, reader, 0, False


class SharedReader:
    """(in the server) The read-only handle the server's own threads answer bounded queries from
    (styrgraf.bounded_query), kept as a worker keeps its _Snapshot: a checkpoint of its own
    (PinnedReader), renewed when the generation marker moves, and a job is always answered from
    a handle opened after the job saw the marker's current value, so a write is visible to the
    next query. Unlike a worker's it serves several threads at once: a handle another write has
    replaced is closed (its checkpoint deleted) only when the last job using it is done.

    Opened on first use; a job that finds the marker moved opens the new generation itself (the
    others wait for that open rather than open their own)."""

    def __init__(self, store_path: str):
        self.path = store_path
        self._lock = threading.Lock()          # the current lease and the counts of users
        self._opening = threading.Lock()       # one open at a time
        self._lease: _Lease | None = None
        self._closed = False

    def run(self, job: dict, sig: Any = None) -> tuple[dict, bytes | None]:
        """Answer one job as a worker does (run_job, with the worker's retries after an I/O error
        or when the data moved on meanwhile); the header gets the generation it was computed from.
        `sig`: the generation signature the caller read after the job came (None: read here)."""
        lease = None

        def renew(force: bool = False) -> ox.Store:
            nonlocal lease
            # (the old lease is released before the new one is acquired: if that fails, none is held, and
            # none may be released twice)
            old, lease = lease, None
            lease = self._renew(old, force=force)
            return lease.reader.store

        try:
            lease = self._acquire(sig=sig)
            header, body, _ = run_job_retrying(job, lease.reader.store, lambda: renew(force=True),
                                               lambda: generation_signature(self.path) != lease.gen, renew)
            gen = lease.gen
        except OSError as e:
            gen = lease.gen if lease is not None else None
            header, body = {"status": "error", "error": "io",
                            "message": f"cannot open store {self.path} read-only: {e}"}, None
        except BaseException as e:  # an engine panic, which would end a worker: the same error
            gen = lease.gen if lease is not None else None
            header, body = {"status": "error", "error": "io",
                            "message": f"the query failed ({type(e).__name__}); "
                                       "the query may have used too much memory"}, None
        finally:
            if lease is not None:
                self._release(lease)
        header["generation"] = gen
        return header, body

    def run_now(self, job: dict, sig: Any) -> tuple[dict, bytes | None] | None:
        """run's answer without waiting for anything: from the current handle if it shows
        generation `sig` (the marker's signature, read after the job came), once; None where run
        would open a handle or try again (an error other than a syntax error)."""
        with self._lock:
            lease = self._lease
            if self._closed or lease is None or lease.gen != sig:
                return None
            lease.users += 1
        try:
            header, body = run_job(lease.reader.store, job)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # an engine panic: run() answers it
            return None
        finally:
            self._release(lease)
        if header["status"] == "error" and header["error"] != "syntax":
            return None
        header["generation"] = lease.gen
        return header, body

    def _acquire(self, failed: _Lease | None = None, sig: Any = None) -> _Lease:
        """A lease of a handle that shows at least the generation the marker has now, or had when
        the job came (`sig`); not `failed`, one that gave an I/O error."""
        if sig is None:
            sig = generation_signature(self.path)
        with self._lock:
            if self._closed:
                raise OSError("the query executor is closed")
            lease = self._lease
            if lease is not None and lease is not failed and lease.gen == sig:
                lease.users += 1
                return lease
        with self._opening:
            sig = generation_signature(self.path)
            with self._lock:                   # renewed by another job while this one waited?
                lease = self._lease
                if lease is not None and lease is not failed and lease.gen == sig:
                    lease.users += 1
                    return lease
            new = _Lease(sig, PinnedReader(self.path))     # the marker was read before the open
            new.users = 1
            with self._lock:
                closed = self._closed
                if not closed:
                    old, self._lease = self._lease, new
            if closed:
                new.reader.close()
                raise OSError("the query executor is closed")
            if old is not None:
                self._retire(old)
            return new

    def _renew(self, lease: _Lease, force: bool = False) -> _Lease:
        self._release(lease)
        return self._acquire(failed=lease if force else None)

    def _release(self, lease: _Lease) -> None:
        with self._lock:
            lease.users -= 1
            done = lease.retired and lease.users == 0
        if done:
            lease.reader.close()

    def _retire(self, lease: _Lease) -> None:
        with self._lock:
            lease.retired = True
            done = lease.users == 0
        if done:
            lease.reader.close()

    def close(self) -> None:
        """No more jobs; the handle is closed once the jobs using it are done."""
        with self._lock:
            self._closed = True
            lease, self._lease = self._lease, None
        if lease is not None:
            self._retire(lease)


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
            header, body, retried = run_job_retrying(job, store, lambda: snapshot.reopen()[0], snapshot.stale,
                                                     lambda: snapshot.current()[0])
            gen, renewed = snapshot.gen, renewed or retried
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
            conn.send_bytes(b"".join((HEADER_LEN.pack(len(encoded)), encoded, body or b"")))
        else:
            conn.send_bytes(HEADER_LEN.pack(len(encoded)) + encoded)
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


class ForkServer:
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


class Worker:
    """(server side) One worker process: its Connection, pid (with a pidfd where the OS has
    them, so a signal can never reach another process) and the generation of its snapshot;
    its resident size at the memory watchdog's last look, and its peak if the watchdog killed it."""
    __slots__ = ("pid", "pidfd", "conn", "gen", "forkserver", "store_path", "rss", "killed_at")

    def __init__(self, pid: int | None, conn, gen, forkserver: "ForkServer | None", store_path: str):
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


_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def resident_bytes(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return None


def peak_bytes(pid: int) -> int | None:
    """The process's high-water mark of resident memory (VmHWM)."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


