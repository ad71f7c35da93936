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
* Two lanes: ``app_workers`` more workers are kept for styrgraf's own queries (pages, analyst
  lists, dumps: lane APP). Queries sent to the SPARQL endpoint (lane SPARQL) hold at most
  ``workers`` of the pool at once, so a page never waits behind researchers' long queries for
  longer than its own queries take; the APP lane may use any free worker.
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

* Bounded queries run in the server process instead: a query whose cost the text alone proves
  cannot grow beyond a small bound whatever the store holds (one triple pattern anchored at a
  constant, ``DESCRIBE <iri>``, under the row cap: styrgraf.bounded_query, where the argument
  is) is answered by the server from a read-only handle of its own that follows the generation
  marker as a worker's does (api.workers.SharedReader): on the event loop itself when at most
  ``_LOOP_ROWS`` rows answer it and the handle is current, else by one of its threads
  (``bounded_threads``). It runs the same job through the same code (``run_job``): the same result
  bytes, truncation report, errors, dataset handling and result cache, without the round trip to
  a worker process. Every other query, and every query the classifier is not sure of, goes to a
  worker.

``QueryExecutor.in_process(store)`` runs the same code on threads against an
in-memory store (no kill, no time limit); it exists for unit tests of modules
built on the executor.
"""
from __future__ import annotations

import asyncio
import logging
import marshal
import multiprocessing
import os
import queue
import struct
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pyoxigraph as ox

from styrgraf.bounded_query import runs_bounded
from styrgraf.config import default_worker_memory
from styrgraf.lru import BytesLRU, estimate_size
from styrgraf.query_errors import (ExecutorBusy, QueryError, QueryMemoryLimit, QuerySyntaxError,
                                   QueryTimeout, WorkerFailed)
from styrgraf.query_text import QueryInfo, cap_query
from styrgraf.store import generation_signature, remove_readers

from .query_backend import APP, NOT_SET, SPARQL, QueryBackend, QueryResult
from .workers import (HEADER_LEN, ForkServer, SharedReader, Worker, job_text, peak_bytes, resident_bytes,
                      run_job)

log = logging.getLogger("styrgraf.executor")

__all__ = ["QueryExecutor"]

_READ_IN_THREAD = 256 * 1024       # bodies above this are read off the event loop
_MEMORY_POLL = 0.005               # seconds between two looks at the busy workers' memory
_MEMORY_MARGIN = 0.04              # share of the ceiling kept free for a look that comes late
# A bounded query is tried on the event loop with its rows capped at this many (at most as many more
# skipped by an OFFSET: a few hundred µs of the loop at worst); one that reaches it is answered
# whole by a thread. Handing a point lookup to a thread and back cost more CPU than the lookup
# (~150 µs against ~50 µs on the 2-core test machine under 8 clients).
_LOOP_ROWS = 64




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


# ============================================================== threads for bounded queries
class _BoundedThreads:
    """The server's threads that answer bounded queries: each takes a job from one queue and
    hands the answer to the event loop with one call_soon_threadsafe. (loop.run_in_executor's
    concurrent.futures machinery cost 50-150 µs a query on the 2-core test machine, this 35-40 µs:
    as much as a point lookup's own work.)"""

    def __init__(self, threads: int):
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._threads = [threading.Thread(target=self._serve, daemon=True, name=f"sparql-bounded-{i}")
                         for i in range(threads)]
        self._started = False
        self._lock = threading.Lock()

    def run(self, fn: Any, *args: Any) -> asyncio.Future:
        """fn(*args) on one of the threads; its result (or exception) as a future of the running loop."""
        if not self._started:
            with self._lock:
                if not self._started:
                    for t in self._threads:
                        t.start()
                    self._started = True
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._jobs.put((loop, future, fn, args))
        return future

    def _serve(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                return
            loop, future, fn, args = item
            if future.cancelled():           # the client went away while the job waited
                continue
            try:
                result, error = fn(*args), None
            except BaseException as e:  # handed to the caller
                result, error = None, e
            try:
                loop.call_soon_threadsafe(_settle, future, result, error)
            except RuntimeError:             # the loop is closed
                pass

    def close(self) -> None:
        for _ in self._threads:
            self._jobs.put(None)


def _settle(future: asyncio.Future, result: Any, error: BaseException | None) -> None:
    if not future.done():
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)


# ============================================================== the executor

class QueryExecutor(QueryBackend):
    """A pool of killable query workers over an on-disk pyoxigraph store.

    workers:          number of worker processes (each can run one query at a time) that the
                      SPARQL endpoint's queries may hold at once
    app_workers:      more worker processes, which only styrgraf's own queries (lane APP) use when
                      the endpoint's queries hold the others
    options:          those of QueryBackend (a query's worker is killed at its time limit)
    cache_bytes:      memory for cached results of repeated queries (0 = no cache); the cache is
                      emptied whenever the store's generation marker changes
    cache_entry_bytes: larger results are not cached
    worker_memory:    memory ceiling of one worker in bytes (None: half the machine's memory
                      shared by the workers, styrgraf.config.default_worker_memory)
    bounded_threads:  threads of the server that answer bounded queries (styrgraf.bounded_query)
                      themselves; 0: every query goes to a worker
    """

    def __init__(
        self,
        store_path: str | os.PathLike[str],
        *,
        workers: int = 2,
        app_workers: int = 0,
        startup_timeout: float = 60.0,
        max_waiting: int = 64,
        cache_bytes: int = 64 * 1024 * 1024,
        cache_entry_bytes: int = 1024 * 1024,
        worker_memory: int | None = None,
        bounded_threads: int = 4,
        **options: Any,
    ):
        if workers < 1 or app_workers < 0:
            raise ValueError("workers must be >= 1 and app_workers >= 0")
        super().__init__(**options)
        self.store_path = str(store_path)
        self.workers = workers
        self.pool_size = workers + app_workers
        self._sparql_busy = 0                # workers that queries of the SPARQL lane hold
        self.startup_timeout = startup_timeout
        self.worker_memory = worker_memory or default_worker_memory(self.pool_size)
        self._in_process_store: ox.Store | None = None
        self._cond = threading.Condition()
        self._idle: list[Worker] = []
        self._busy: set[Worker] = set()
        self._starting = 0
        self._closed = False
        self._spawn_error: tuple[float, str] | None = None
        self._forkserver = ForkServer(startup_timeout)
        remove_readers(self.store_path)      # checkpoints of the workers of a server that was killed
        self._threads = ThreadPoolExecutor(max_workers=self.pool_size + max_waiting,
                                           thread_name_prefix="sparql-dispatch")
        self._cache = _ResultCache(cache_bytes, cache_entry_bytes) if cache_bytes > 0 else None
        self._bounded = SharedReader(self.store_path) if bounded_threads > 0 else None
        self._bounded_threads = _BoundedThreads(bounded_threads) if bounded_threads > 0 else None
        # recycled: snapshots renewed by workers after a write; bounded: queries the server answered
        self.stats = {"spawned": 0, "killed_timeout": 0, "killed_memory": 0, "recycled": 0, "crashed": 0,
                      "cache_hits": 0, "cache_misses": 0, "bounded": 0}
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
        self.workers = self.pool_size = threads
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
        self._bounded = None         # every query runs on these threads anyway
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
                while len(self._idle) + len(self._busy) < self.pool_size and not self._spawn_error:
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
        if self._bounded is not None:
            self._bounded_threads.close()
            self._bounded.close()
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
                   base_iri: str | None, lane: str = APP) -> QueryResult:
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
        gen: Any = None
        if cache is not None:
            key = (query, results_format, graph_format, job["default_graph"] and tuple(job["default_graph"]),
                   job["named_graphs"] and tuple(job["named_graphs"]), cap, job["union"], base_iri)
            gen = generation_signature(self.store_path)
            hit = cache.get(key, gen)
            if hit is not None:
                self.stats["cache_hits"] += 1
                return hit
            self.stats["cache_misses"] += 1
        if self.in_server(info, cap, default_graph, named_graphs):
            header, body = await self._run_bounded(job, info, gen)
        else:
            header, body = await self._submit(job, timeout, lane)
        result = QueryResult(header["kind"], header["format"], body or b"", bool(header["truncated"]))
        if cache is not None and header.get("generation", NOT_SET) == gen:
            cache.put(key, gen, result)
        return result

    def in_server(self, info: QueryInfo, cap: int | None, default_graph: list[str] | None,
                  named_graphs: list[str] | None) -> bool:
        return self._bounded is not None and runs_bounded(
            info.bounded, cap=cap, union=self.union_default_graph and not info.has_dataset_clause,
            request_graphs=len(default_graph or ()) + len(named_graphs or ()))

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
    async def _run_bounded(self, job: dict, info: QueryInfo, gen: Any) -> tuple[dict, bytes | None]:
        """A bounded query (styrgraf.bounded_query), answered by the server: on the event loop when
        at most _LOOP_ROWS rows answer it, else by one of its threads; `gen`: the generation
        signature read when the request came (None: not read)."""
        if self._closed:
            raise QueryError("the query executor is closed")
        answer = None
        if info.bounded.offset <= _LOOP_ROWS:
            cap = job["row_cap"]
            if cap is not None and cap <= _LOOP_ROWS:
                first = job
            else:
                first = {**job, "row_cap": _LOOP_ROWS, "capped_query": cap_query(job["query"], info, _LOOP_ROWS)}
            answer = self._bounded.run_now(first, gen if self._cache is not None
                                           else generation_signature(self.store_path))
            if answer is not None and first is not job and answer[0].get("truncated"):
                answer = None       # more rows than the loop may read: the whole answer from a thread
        if answer is None:
            answer = await self._bounded_threads.run(self._bounded.run, job, gen)
        self.stats["bounded"] += 1
        header, body = answer
        return self._checked(header), body

    async def _submit(self, job: dict, timeout: float | None, lane: str = APP) -> tuple[dict, bytes | None]:
        if self._closed:
            raise QueryError("the query executor is closed")
        loop = asyncio.get_running_loop()
        if not self.isolated:
            header, body = await loop.run_in_executor(self._threads, run_job, self._in_process_store, job)
        else:
            limit = self.timeout if timeout is None else float(timeout)
            header, body = await self._roundtrip(loop, job, time.monotonic(), limit, lane)
        return self._checked(header), body

    @staticmethod
    def _checked(header: dict) -> dict:
        """The header of an answer, or the error it reports raised."""
        if header["status"] == "error":
            if header["error"] == "syntax":
                raise QuerySyntaxError(header["message"])
            if header["error"] == "io":
                raise WorkerFailed(header["message"])
            raise QueryError(header["message"])
        return header

    async def _roundtrip(self, loop: asyncio.AbstractEventLoop, job: dict, submitted: float,
                         limit: float, lane: str) -> tuple[dict, bytes | None]:
        """Take a worker, run the job, give the worker back (or kill it).

        The fast path stays on the event loop: an idle worker is taken under the lock, the
        job is written to its pipe and the loop watches the pipe (add_reader) with the time
        limit. Only waiting for a busy pool and reading big bodies go to a thread."""
        w = self._try_acquire(lane)
        if w is None:
            w = await self._wait_for_worker(submitted + self.queue_timeout, lane)
        ok = False
        try:
            header, body = await self._exchange(loop, w, job, limit)
            ok = w.killed_at is None       # the watchdog may have killed it just after it answered
        finally:
            self._release(w, ok, lane)   # not ok (timeout, memory, crash, cancelled): the worker is killed
        # the worker renews its snapshot itself; "generation" is the data the answer came from
        if header.pop("renewed", False):
            with self._cond:
                self.stats["recycled"] += 1
        w.gen = header.get("generation", w.gen)
        return header, body

    async def _exchange(self, loop: asyncio.AbstractEventLoop, w: Worker, job: dict,
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
                    log.warning("query exceeded %g s; killing worker %s: %s", limit, w.pid, job_text(job))
                    raise QueryTimeout(limit)
            frame = w.conn.recv_bytes()
            (size,) = HEADER_LEN.unpack_from(frame)
            header = marshal.loads(frame[HEADER_LEN.size:HEADER_LEN.size + size])
            body = None
            if header.pop("body", False):
                if header.pop("inline", True):
                    body = frame[HEADER_LEN.size + size:]
                elif header.get("size", 0) > _READ_IN_THREAD:
                    body = await loop.run_in_executor(self._threads, w.conn.recv_bytes)
                else:
                    body = w.conn.recv_bytes()
            return header, body
        except (EOFError, OSError, ValueError, struct.error) as e:
            if w.killed_at is not None:
                log.warning("query reached the memory limit: %s", job_text(job))
                raise QueryMemoryLimit(self.worker_memory) from e
            with self._cond:
                self.stats["crashed"] += 1
            raise WorkerFailed(f"the query worker died ({type(e).__name__}); "
                               "the query may have used too much memory") from e

    async def _wait_for_worker(self, deadline: float, lane: str) -> Worker:
        """Wait (in a thread) for a free worker; a caller that goes away gives it back."""
        future = self._threads.submit(self._acquire, deadline, lane)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            def give_back(f) -> None:
                if not f.cancelled() and f.exception() is None:
                    self._release(f.result(), True, lane)
            future.add_done_callback(give_back)
            raise

    def _take_idle(self, lane: str) -> Worker | None:
        """(under self._cond) An idle worker made busy, or None (none idle, or the SPARQL lane
        holds all it may); raises if the executor is closed."""
        if self._closed:
            raise QueryError("the query executor is closed")
        if not self._idle or lane == SPARQL and self._sparql_busy >= self.workers:
            return None
        if lane == SPARQL:
            self._sparql_busy += 1
        w = self._idle.pop()
        self._busy.add(w)
        self._any_busy.set()
        return w

    def _try_acquire(self, lane: str) -> Worker | None:
        """An idle worker of the current generation, without waiting."""
        with self._cond:
            return self._take_idle(lane)

    def _acquire(self, deadline: float, lane: str) -> Worker:
        with self._cond:
            while True:
                if (w := self._take_idle(lane)) is not None:
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
        (twice that rate, for a late look), and with a margin of _MEMORY_MARGIN of the ceiling: the
        engine touches several MB a millisecond while it fills a large sort or join, and on a
        loaded machine this thread's look can come late. Under the lock a busy worker is not yet
        discarded, so its pid is still its own."""
        while True:
            self._any_busy.wait()
            with self._cond:
                if self._closed:
                    return
                if not self._busy:
                    self._any_busy.clear()
                    continue
                for w in self._busy:
                    rss = resident_bytes(w.pid) if w.killed_at is None else None
                    if rss is None:
                        continue
                    grown, w.rss = max(0, rss - w.rss) if w.rss else 0, rss     # 0: its first look
                    if rss + 2 * grown >= self.worker_memory * (1 - _MEMORY_MARGIN):
                        w.killed_at = max(rss, peak_bytes(w.pid) or 0)
                        w.kill()
                        self.stats["killed_memory"] += 1
                        log.warning("query worker %s reached %.0f MiB (peak) of its %.0f MiB memory limit; "
                                    "killed", w.pid, w.killed_at / 2**20, self.worker_memory / 2**20)
            time.sleep(_MEMORY_POLL)

    def _release(self, w: Worker, ok: bool, lane: str) -> None:
        retire = None
        with self._cond:
            self._busy.discard(w)
            if lane == SPARQL:
                self._sparql_busy -= 1
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
        missing = self.pool_size - (len(self._idle) + len(self._busy) + self._starting)
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
                    w = Worker(pid, parent, msg[2], self._forkserver, self.store_path)
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
            (w or Worker(pid, parent, None, self._forkserver, self.store_path)).discard()
