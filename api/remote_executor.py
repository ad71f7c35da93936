"""Run SPARQL queries on a remote store server, with QueryExecutor's API.

`styrgraf serve --store http://…/query` answers every query by passing it to the
store server over HTTP (httpx.AsyncClient, connection pool, POST form encoding):

* The same checks as the embedded executor run first, here: SERVICE (and, for updates,
  LOAD) is refused by :func:`styrgraf.query_text.analyse_query` before anything is sent,
  and the row cap rewrites the query's top-level LIMIT (:func:`styrgraf.query_text.cap_query`)
  so the server never computes more rows; CONSTRUCT/DESCRIBE are capped in triples
  by reading the server's N-Triples line by line and closing the connection after
  cap + 1 triples.
* The time limit is an HTTP deadline: when it passes the request is abandoned (the
  connection closed) and the caller gets :class:`QueryTimeout` (HTTP 503). The server
  enforces its own limits; a query whose answer streams stops there when the
  connection closes, an aggregate may run on until the server's own limit (set it:
  Oxigraph ``--timeout-s``, Fuseki ``arq:queryTimeout``, GraphDB
  ``graphdb.engine.query.timeout``, Virtuoso ``MaxQueryExecutionTime``, Neptune
  ``neptune_query_timeout``).
* Results come in the server's own serialisation of the requested format (Accept);
  if the server answers in another format, or Turtle output must carry the
  configured prefixes, pyoxigraph converts.
* The union default graph is asked for per request where the server needs it
  (Oxigraph: ``union-default-graph``), unless the query has FROM / FROM NAMED or the
  request gives default-graph-uri / named-graph-uri, exactly as the embedded executor.
* At most ``max_concurrent`` requests run at once; a request that waits longer than
  ``queue_timeout`` for a slot gets :class:`ExecutorBusy`.

Errors map to the embedded executor's: the server's 400 -> QuerySyntaxError (its
message), 413/414 -> QueryError, 503/504 -> QueryTimeout (the server's own limit),
401/403/404 and other failures -> WorkerFailed (HTTP 500: the store is misconfigured
or down).
"""
from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import httpx
import pyoxigraph as ox

from styrgraf.remote import (
    FORM,
    JSON_RESULTS,
    MEDIA,
    N_TRIPLES,
    PROBE_QUERY,
    RESULTS_MEDIA,
    RemoteConfig,
    ServerProfile,
    form_body,
    media_type,
    profile_from,
    protocol_form,
    server_message,
    with_prologue,
)

from styrgraf.query_errors import ExecutorBusy, QueryError, QuerySyntaxError, QueryTimeout, WorkerFailed
from styrgraf.query_text import QueryInfo, analyse_query, cap_query

from .workers import count_rows, min_bytes_for
from .query_backend import APP, BACKEND_OPTIONS, GRAPH_FORMATS, RESULTS_FORMATS, QueryBackend, QueryResult

log = logging.getLogger("styrgraf.remote_executor")

__all__ = ["RemoteExecutor", "ServerTimeout"]


class ServerTimeout(QueryTimeout):
    """The store server stopped the query itself (503/504)."""

    def __init__(self, limit: float, message: str):
        QueryError.__init__(self, f"the store server stopped the query: {message}")
        self.limit = limit


class _Failure(Exception):
    """A non-2xx answer (internal)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


class RemoteExecutor(QueryBackend):
    """QueryExecutor's async API over a SPARQL 1.1 server.

    query_endpoint:   the server's SPARQL Query endpoint, or a styrgraf.remote.RemoteConfig
                      (credentials, Graph Store endpoint, union mode: see styrgraf.remote)
    options:          those of QueryBackend (the time limit is an HTTP deadline; queue_timeout
                      is how long a request waits for one of max_concurrent slots); any other
                      keyword configures the connection (RemoteConfig.from_env)
    transport:        an httpx async transport (tests)
    """

    isolated = True

    def __init__(
        self,
        query_endpoint: str | RemoteConfig,
        *,
        max_concurrent: int = 8,
        workers: int | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Any,
    ):
        # QueryBackend's options; the rest configure the connection (styrgraf.remote.RemoteConfig)
        config = {k: options.pop(k) for k in list(options) if k not in BACKEND_OPTIONS}
        super().__init__(**options)
        if workers is not None:           # Settings.query_workers: concurrent requests here
            max_concurrent = max(max_concurrent, workers)
        if isinstance(query_endpoint, RemoteConfig):
            self.config = query_endpoint
        else:
            self.config = RemoteConfig.from_env(query_endpoint, **config)
        self.workers = max_concurrent
        self._transport = transport
        self._clients: dict[asyncio.AbstractEventLoop, httpx.AsyncClient] = {}
        self._slots: dict[asyncio.AbstractEventLoop, asyncio.Semaphore] = {}
        self._profile: ServerProfile | None = None
        self._closed = False
        self.stats = {"requests": 0, "timeouts": 0, "failed": 0, "busy": 0}

    def __repr__(self) -> str:
        return f"RemoteExecutor({self.config.query_endpoint!r})"

    # ---------------------------------------------------------------- lifecycle
    def start(self, wait: bool = False) -> None:
        """Nothing to start (the server is already running); the first query probes it."""

    def _client(self) -> httpx.AsyncClient:
        if self._closed:
            raise QueryError("the query executor is closed")
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            for old in [l for l in self._clients if l.is_closed()]:   # loops of finished test clients
                self._clients.pop(old, None)
                self._slots.pop(old, None)
            kwargs = self.config.client_kwargs()
            kwargs["timeout"] = httpx.Timeout(None, connect=min(10.0, self.config.timeout))
            transport = self._transport or httpx.AsyncHTTPTransport(retries=2)   # retries = connect only
            client = httpx.AsyncClient(transport=transport, limits=httpx.Limits(
                max_connections=self.workers, max_keepalive_connections=self.workers), **kwargs)
            self._clients[loop] = client
            self._slots[loop] = asyncio.Semaphore(self.workers)
        return client

    def close(self) -> None:
        """Close the HTTP connections (queries in flight fail)."""
        self._closed = True
        clients, self._clients = self._clients, {}
        self._slots = {}
        try:
            current = asyncio.get_running_loop()
        except RuntimeError:
            current = None
        for loop, client in clients.items():
            if loop.is_closed():
                continue
            if loop is current:
                loop.create_task(client.aclose())
            elif not loop.is_running():
                loop.run_until_complete(client.aclose())
            else:
                asyncio.run_coroutine_threadsafe(client.aclose(), loop)

    async def aclose(self) -> None:
        self._closed = True
        clients, self._clients = self._clients, {}
        self._slots = {}
        loop = asyncio.get_running_loop()
        for l, client in clients.items():
            if l is loop:
                await client.aclose()

    # ---------------------------------------------------------------- plumbing
    async def profile(self) -> ServerProfile:
        if self._profile is None:
            r = await self._request("POST", self.config.query_endpoint, accept=JSON_RESULTS,
                                    content=form_body([("query", PROBE_QUERY)]))
            self._profile = profile_from(self.config, r.headers.get("server"))
            log.info("store server %s (%s)", self.config.query_endpoint, self._profile.product or "unknown")
        return self._profile

    async def _request(self, method: str, url: str, *, accept: str, content: bytes | None = None,
                       params: dict[str, str] | None = None) -> httpx.Response:
        """One request, body read in full; non-2xx raise _Failure."""
        client = self._client()
        headers = {"Accept": accept}
        if content is not None:
            headers["Content-Type"] = FORM
        try:
            r = await client.request(method, url, content=content, params=params, headers=headers)
        except httpx.HTTPError as e:
            self.stats["failed"] += 1
            raise WorkerFailed(f"cannot reach the store server {url}: {type(e).__name__}: {e}") from None
        if r.status_code >= 300:
            raise _Failure(r.status_code, server_message(r, 1000))
        return r

    async def _slot(self):
        client = self._client()         # creates the loop's semaphore
        sem = self._slots[asyncio.get_running_loop()]
        if sem.locked():
            try:
                await asyncio.wait_for(sem.acquire(), self.queue_timeout)
            except TimeoutError:
                self.stats["busy"] += 1
                raise ExecutorBusy(self.queue_timeout, self.workers) from None
        else:
            await sem.acquire()
        return client, sem

    async def _with_limits(self, coro_fn, timeout: float | None):
        """Run coro_fn() in a slot with the time limit."""
        limit = self.timeout if timeout is None else float(timeout)
        _client, sem = await self._slot()
        try:
            self.stats["requests"] += 1
            try:
                if limit == float("inf"):
                    return await coro_fn()
                return await asyncio.wait_for(coro_fn(), limit)
            except TimeoutError:
                self.stats["timeouts"] += 1
                log.warning("query exceeded %g s; abandoned the request to the store server", limit)
                raise QueryTimeout(limit) from None
            except _Failure as e:
                raise self._error(e, limit) from None
        finally:
            sem.release()

    def _error(self, e: _Failure, limit: float) -> QueryError:
        if e.status == 400:
            return QuerySyntaxError(e.message)
        if e.status in (413, 414):
            return QueryError(f"the query is too large for the store server ({e.status}): {e.message}")
        if e.status in (503, 504):
            return ServerTimeout(limit, e.message)
        if e.status in (401, 403):
            self.stats["failed"] += 1
            return WorkerFailed(f"the store server refused styrgraf's credentials ({e.status}); check "
                                "STYRGRAF_STORE_USER/STYRGRAF_STORE_PASSWORD or STYRGRAF_STORE_TOKEN")
        if 400 <= e.status < 500:
            return QueryError(f"the store server rejected the query ({e.status}): {e.message}")
        self.stats["failed"] += 1
        return WorkerFailed(f"the store server failed ({e.status}): {e.message}")

    def _form(self, text: str, info: QueryInfo, default_graph, named_graphs) -> list[tuple[str, str]]:
        prof = self._profile
        return protocol_form(text, union_param=prof.union_param if prof else None,
                             union=self.union_default_graph and not info.has_dataset_clause,
                             default_graph=default_graph, named_graphs=named_graphs)

    # ---------------------------------------------------------------- public API
    async def _run(self, query: str, info: QueryInfo, cap: int | None, *, results_format: str, graph_format: str,
                   default_graph: list[str] | None, named_graphs: list[str] | None, timeout: float | None,
                   base_iri: str | None, lane: str = APP) -> QueryResult:
        # every lane shares the connections: the remote server schedules its own queries
        text = query
        if self.default_prefixes or base_iri:
            text = with_prologue(query, self.default_prefixes, base_iri)
            info = analyse_query(text)
        if self._profile is None:
            await self._with_limits(self.profile, timeout)

        async def go() -> QueryResult:
            if info.form in ("CONSTRUCT", "DESCRIBE"):
                return await self._graph_query(text, info, graph_format, cap, default_graph, named_graphs)
            return await self._results_query(text, info, results_format, graph_format, cap,
                                             default_graph, named_graphs)
        return await self._with_limits(go, timeout)

    async def _results_query(self, text: str, info: QueryInfo, rf: str, gf: str, cap: int | None,
                             default_graph, named_graphs) -> QueryResult:
        capped = cap_query(text, info, cap) if cap else None
        # CSV and TSV are taken from the server only where they follow the W3C spec (Oxigraph:
        # pyoxigraph's serialisers); elsewhere (Virtuoso writes quoted CSV for both) from JSON
        wanted = rf if rf in ("JSON", "XML") or self._profile.is_oxigraph else "JSON"
        url = self.config.query_endpoint

        def accept_for(fmt: str) -> str:
            accept = _mt(RESULTS_FORMATS[fmt])
            if info.form is None:          # unknown form: let the server say what it is
                accept += f", {_mt(GRAPH_FORMATS[gf])};q=0.9"
            return accept

        async def ask(query_text: str) -> httpx.Response:
            body = form_body(self._form(query_text, info, default_graph, named_graphs))
            try:
                return await self._request("POST", url, accept=accept_for(wanted), content=body)
            except _Failure as e:
                if e.status != 406 or wanted == "JSON":
                    raise
            return await self._request("POST", url, accept=accept_for("JSON"), content=body)  # converted here

        try:
            r = await ask(capped or text)
        except _Failure as e:
            if capped is None or e.status != 400:
                raise
            log.warning("row-cap rewrite broke a valid query; ran it uncapped: %r", text[:200])
            capped = None
            r = await ask(text)
        got = media_type(r)
        if got in MEDIA and info.form is None:
            return _graph_result(_convert_graph(r.content, MEDIA[got], gf, self.output_prefixes), gf, False)
        body = r.content
        if got != _mt(RESULTS_FORMATS[rf]):
            body, parsed = _convert_results(body, got, rf)
        else:
            parsed = None
        if info.form == "ASK" or (info.form is None and _is_boolean(body, rf, parsed)):
            return QueryResult("boolean", rf, body, False)
        truncated = False
        if capped is not None and cap and len(body) >= min_bytes_for(cap, rf):
            truncated = count_rows(body, rf) >= cap
        return QueryResult("solutions", rf, body, truncated)

    async def _graph_query(self, text: str, info: QueryInfo, gf: str, cap: int | None,
                           default_graph, named_graphs) -> QueryResult:
        fmt = GRAPH_FORMATS[gf]
        content = form_body(self._form(text, info, default_graph, named_graphs))
        local = cap or (self.output_prefixes and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML))
        if not local:
            try:
                r = await self._request("POST", self.config.query_endpoint, accept=_mt(fmt), content=content)
            except _Failure as e:
                if e.status != 406:
                    raise
                r = None                   # the server does not write this format: N-Triples, converted here
            if r is not None:
                got = MEDIA.get(media_type(r))
                if got is None:
                    raise QueryError(f"the store server answered a {info.form} in {media_type(r) or 'no format'}")
                body = r.content if got == fmt else _convert_graph(r.content, got, gf, self.output_prefixes)
                return _graph_result(body, gf, False)
        # capped (or re-serialised with prefixes): N-Triples, read line by line
        client = self._client()
        lines: list[bytes] = []
        truncated = False
        try:
            async with client.stream("POST", self.config.query_endpoint, content=content,
                                     headers={"Accept": f"{N_TRIPLES}, text/turtle;q=0.1", "Content-Type": FORM}) as r:
                if r.status_code >= 300:
                    await r.aread()
                    raise _Failure(r.status_code, server_message(r, 1000))
                got = MEDIA.get(media_type(r))
                if got != ox.RdfFormat.N_TRIPLES:        # cannot count lines: parse it all, then cut
                    data = await r.aread()
                    triples = [ox.Triple(q.subject, q.predicate, q.object)
                               for q in ox.parse(data, format=got or ox.RdfFormat.N_TRIPLES)]
                    if cap and len(triples) > cap:
                        truncated = True
                        del triples[cap:]
                    return _graph_result(_serialize(triples, gf, self.output_prefixes), gf, truncated)
                async for line in r.aiter_lines():
                    s = line.strip()
                    if not s or s.startswith("#"):
                        continue
                    if cap and len(lines) >= cap:
                        truncated = True       # one more than the cap: stop reading, close
                        break
                    lines.append(s.encode("utf-8"))
        except httpx.HTTPError as e:
            raise WorkerFailed(f"cannot read from the store server: {type(e).__name__}: {e}") from None
        data = b"\n".join(lines) + (b"\n" if lines else b"")
        if fmt == ox.RdfFormat.N_TRIPLES:
            return _graph_result(data, gf, truncated)
        return _graph_result(_convert_graph(data, ox.RdfFormat.N_TRIPLES, gf, self.output_prefixes), gf, truncated)

    # the typed helpers are QueryExecutor's own (they only call self.run)

    async def graph(self, graph: str | None, graph_format: str = "TURTLE",
                    timeout: float | None = None) -> bytes | None:
        """One graph of the store serialised (graph=None: the server's default graph), or None
        if that named graph does not exist. Not capped. Graph Store Protocol where the server has it."""
        if graph_format not in GRAPH_FORMATS:
            raise ValueError(f"unknown graph format {graph_format!r}")
        if self._profile is None:
            await self._with_limits(self.profile, timeout)
        fmt = GRAPH_FORMATS[graph_format]
        prefixed = bool(self.output_prefixes) and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML)
        accept = N_TRIPLES if prefixed or fmt == ox.RdfFormat.N_QUADS else _mt(fmt)

        async def go() -> bytes | None:
            gsp = self._profile.graph_store
            if gsp:
                try:
                    r = await self._request("GET", gsp, accept=accept,
                                            params={"graph": graph} if graph is not None else {"default": ""})
                except _Failure as e:
                    if e.status == 404:
                        return None
                    raise
            else:
                if graph is not None:
                    ask = await self._request("POST", self.config.query_endpoint, accept=JSON_RESULTS,
                                              content=form_body([("query", self._profile.exists_query(graph))]))
                    if not json.loads(ask.content).get("boolean"):
                        return None
                    q = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
                else:
                    q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
                r = await self._request("POST", self.config.query_endpoint, accept=accept,
                                        content=form_body([("query", q)]))
            got = MEDIA.get(media_type(r))
            if got is None:
                raise QueryError(f"the store server answered in {media_type(r) or 'no format'}")
            if got == fmt and not prefixed:
                return r.content
            return _convert_graph(r.content, got, graph_format, self.output_prefixes)
        return await self._with_limits(go, timeout)

    async def graph_exists(self, graph: str, timeout: float | None = None) -> bool:
        if self._profile is None:
            await self._with_limits(self.profile, timeout)

        async def go() -> bool:
            r = await self._request("POST", self.config.query_endpoint, accept=JSON_RESULTS,
                                    content=form_body([("query", self._profile.exists_query(graph))]))
            return bool(json.loads(r.content).get("boolean"))
        return await self._with_limits(go, timeout)


# ============================================================== conversions
def _mt(fmt: Any) -> str:
    """A format's media type without parameters."""
    return fmt.media_type.split(";")[0].strip()


def _serialize(triples: list[ox.Triple], gf: str, prefixes: dict[str, str] | None) -> bytes:
    fmt = GRAPH_FORMATS[gf]
    if prefixes and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
        return ox.serialize(triples, format=fmt, prefixes=prefixes)
    return ox.serialize(triples, format=fmt)


def _convert_graph(data: bytes, got: ox.RdfFormat, gf: str, prefixes: dict[str, str] | None) -> bytes:
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=got)]
    return _serialize(triples, gf, prefixes)


def _graph_result(body: bytes, gf: str, truncated: bool) -> QueryResult:
    return QueryResult("graph", gf, body, truncated)


def _convert_results(body: bytes, got: str, rf: str):
    """A results document the server gave in another format, re-serialised in `rf`."""
    fmt = RESULTS_MEDIA.get(got)
    if fmt is None:
        raise QueryError(f"the store server answered in {got or 'no format'}, not SPARQL results")
    parsed = ox.parse_query_results(body, format=fmt)
    return parsed.serialize(format=RESULTS_FORMATS[rf]), parsed


def _is_boolean(body: bytes, rf: str, parsed: Any) -> bool:
    if parsed is not None:
        return isinstance(parsed, ox.QueryBoolean)
    if rf == "JSON":
        try:
            return "boolean" in json.loads(body)
        except ValueError:
            return False
    if rf == "XML":
        return b"<boolean>" in body
    return False
