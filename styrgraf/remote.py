"""A remote quad store behind the same interface as the embedded one (styrgraf.store.Store).

    store = open_store("http://127.0.0.1:7878/query", update_endpoint="http://127.0.0.1:7878/update")
    store = open_store("data/store")                     # the embedded pyoxigraph store

`RemoteStore` speaks the W3C protocols only:

* SPARQL 1.1 Query (POST, application/x-www-form-urlencoded: the query never sits in a URL,
  so long VALUES blocks fit and proxies do not log it) and SPARQL 1.1 Update
  (POST, application/sparql-update);
* the SPARQL 1.1 Graph Store HTTP Protocol, for reading whole graphs and the dataset dump,
  where the server has it (Oxigraph: found by itself; others: STYRGRAF_GRAPH_STORE).
  Without it the same reads go through CONSTRUCT / SELECT.

It uses httpx rather than SPARQLWrapper: SPARQLWrapper cannot stream a response or a
request body, opens a new connection per request (ingest writes one update per
document), has no separate connect/read timeouts and adds its own `format=`/`output=`
parameters that some servers misread. The answers are parsed with pyoxigraph, so
`query()` returns the same objects as the embedded store (QuerySolutions, QueryBoolean;
CONSTRUCT/DESCRIBE give a `RemoteTriples`).

Writes. Replacing one document's graph is ONE request: ``DROP SILENT GRAPH <g> ;
INSERT DATA { GRAPH <g> { … } <change record> }``. A server that applies an update
request in one transaction (Oxigraph, Fuseki/TDB2, GraphDB, Neptune, Virtuoso in its
default transactional mode) therefore never shows half a document, and a client killed
while sending leaves the old graph: a truncated request body does not parse. Requests
are not split: a document whose update is larger than `max_update_bytes` (default
32 MiB, STYRGRAF_STORE_MAX_UPDATE_BYTES) fails with a clear message instead. Splitting
it into several requests would keep each under a server's body limit but then a crash
or a concurrent reader could see the document half written, which is what the one
request is for; raise the limit here and on the server instead (Virtuoso's and
Neptune's request limits are far above a document's size). Replacing a graph is
idempotent, so replace/drop are retried on connection errors and 502/503/504.

Credentials come from the environment only (never the command line, never logged):
STYRGRAF_STORE_USER + STYRGRAF_STORE_PASSWORD (HTTP Basic, or Digest with
STYRGRAF_STORE_AUTH=digest, as Virtuoso's /sparql-auth wants) or STYRGRAF_STORE_TOKEN
(Bearer). *_FILE variants read the secret from a file. A URL with user:password@ is refused.

The union default graph: styrgraf's queries expect the default graph to be the union of
all named graphs. Oxigraph gives it per request (`union-default-graph`, detected from
the server's `Server:` header); Virtuoso, GraphDB and Neptune do so by themselves;
Fuseki needs `tdb2:unionDefaultGraph true` on the dataset. STYRGRAF_STORE_UNION
(auto | oxigraph | native) overrides the detection.
"""
from __future__ import annotations

import io
import logging
import os
import re
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from .iris import is_own_graph
from .query_text import analyse_query
from .store import FINGERPRINT, FORMATS, QUAD_FORMATS, Store, StoreError, ntriples_text
from . import merge
from .change_feed import ChangeRecord
from .vocab import PROV, SG, VOCAB_GRAPH

log = logging.getLogger("styrgraf.remote")

__all__ = [
    "DEFAULT_MAX_UPDATE_BYTES",
    "MEDIA",
    "Credentials",
    "RemoteConfig",
    "RemoteQueryError",
    "RemoteStore",
    "RemoteStoreError",
    "RemoteTriples",
    "ServerProfile",
    "UpdateTooLarge",
    "is_remote",
    "open_store",
]

DEFAULT_MAX_UPDATE_BYTES = 32 * 1024 * 1024
DEFAULT_TIMEOUT = 300.0            # seconds one store request may take (a 32 MiB update included)

JSON_RESULTS = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
N_QUADS = "application/n-quads"
# pyoxigraph formats by media type, and the media type we ask for each
MEDIA: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
    N_TRIPLES: ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
    N_QUADS: ox.RdfFormat.N_QUADS, "text/x-nquads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
RESULTS_MEDIA: dict[str, ox.QueryResultsFormat] = {
    JSON_RESULTS: ox.QueryResultsFormat.JSON, "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}


# ============================================================== errors
class RemoteStoreError(StoreError, OSError):
    """The store server could not be reached, refused us, or failed (5xx)."""


class RemoteQueryError(StoreError, ValueError):
    """The store server rejected a query or update (4xx): the message is the server's."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class UpdateTooLarge(RemoteQueryError):
    """One document's update would exceed max_update_bytes (it is not split; see the module doc)."""


# ============================================================== configuration
def _secret(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name)
    if not value and environ.get(name + "_FILE"):
        value = Path(environ[name + "_FILE"]).read_text(encoding="utf-8").strip()
    return value or None


class _BearerAuth(httpx.Auth):
    def __init__(self, token: str):
        self._token = token

    def auth_flow(self, request):
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request

    def __repr__(self) -> str:
        return "<BearerAuth ***>"


@dataclass(frozen=True)
class Credentials:
    """How to authenticate to the store server (from the environment; never printed)."""
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    scheme: str = "basic"                  # basic | digest (for user/password)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Credentials:
        env = os.environ if environ is None else environ
        scheme = (env.get("STYRGRAF_STORE_AUTH") or "basic").strip().lower()
        if scheme not in ("basic", "digest"):
            raise StoreError(f"STYRGRAF_STORE_AUTH must be basic or digest, not {scheme!r}")
        return cls(env.get("STYRGRAF_STORE_USER") or None, _secret(env, "STYRGRAF_STORE_PASSWORD"),
                   _secret(env, "STYRGRAF_STORE_TOKEN"), scheme)

    def auth(self) -> httpx.Auth | None:
        if self.token:
            return _BearerAuth(self.token)
        if self.user is not None:
            if self.scheme == "digest":
                return httpx.DigestAuth(self.user, self.password or "")
            return httpx.BasicAuth(self.user, self.password or "")
        return None

    def __bool__(self) -> bool:
        return bool(self.token or self.user)


def _check_url(url: str, what: str) -> str:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{what} {url!r} is not an http(s) URL")
    if parts.username is not None or parts.password is not None:
        raise StoreError(f"{what}: give credentials in STYRGRAF_STORE_USER / STYRGRAF_STORE_PASSWORD "
                         "or STYRGRAF_STORE_TOKEN, not in the URL")
    return url


@dataclass(frozen=True)
class RemoteConfig:
    """Where the store server is and how to talk to it (shared by RemoteStore and RemoteExecutor).

    query_endpoint   SPARQL 1.1 Query endpoint (STYRGRAF_STORE)
    update_endpoint  SPARQL 1.1 Update endpoint (STYRGRAF_UPDATE_ENDPOINT; default: the query endpoint)
    graph_store      Graph Store Protocol endpoint (STYRGRAF_GRAPH_STORE); None: found for Oxigraph,
                     else not used; "" or "none": never used
    union            auto | oxigraph (send union-default-graph) | native (the server's default graph
                     already is the union) (STYRGRAF_STORE_UNION)
    max_update_bytes largest update request (STYRGRAF_STORE_MAX_UPDATE_BYTES)
    timeout          seconds one store request may take (STYRGRAF_STORE_TIMEOUT)
    write            how a document graph is replaced: update (one SPARQL Update request: DROP +
                     INSERT DATA + change record), graph-store (a Graph Store PUT of the graph, then
                     the change record in a second request: not atomic on Virtuoso), auto (update;
                     on Virtuoso, whose SPARQL compiler refuses an INSERT DATA of more than ~1 000
                     triples (SP031), such a document falls back to graph-store) (STYRGRAF_STORE_WRITE)
    graph_prefixes   graphs(), count() and dump() see only graphs whose IRI starts with one of
                     these, and the vocabulary graph (a shared server's other graphs, Virtuoso's
                     system graphs) (STYRGRAF_STORE_GRAPHS, space-separated); None: all
    """
    query_endpoint: str
    update_endpoint: str | None = None
    graph_store: str | None = None
    union: str = "auto"
    credentials: Credentials = field(default_factory=Credentials)
    max_update_bytes: int = DEFAULT_MAX_UPDATE_BYTES
    timeout: float = DEFAULT_TIMEOUT
    graph_prefixes: tuple[str, ...] | None = None
    write: str = "auto"

    def __post_init__(self):
        _check_url(self.query_endpoint, "store URL")
        if self.update_endpoint:
            _check_url(self.update_endpoint, "update endpoint")
        if self.graph_store and self.graph_store.lower() != "none":
            _check_url(self.graph_store, "graph store endpoint")
        if self.union not in ("auto", "oxigraph", "native"):
            raise StoreError(f"union must be auto, oxigraph or native, not {self.union!r}")
        if self.write not in ("auto", "update", "graph-store"):
            raise StoreError(f"write must be auto, update or graph-store, not {self.write!r}")

    @classmethod
    def from_env(cls, query_endpoint: str, update_endpoint: str | None = None,
                 environ: Mapping[str, str] | None = None, **overrides: Any) -> RemoteConfig:
        env = os.environ if environ is None else environ
        kwargs: dict[str, Any] = {
            "query_endpoint": query_endpoint,
            "update_endpoint": update_endpoint or env.get("STYRGRAF_UPDATE_ENDPOINT") or None,
            "graph_store": env.get("STYRGRAF_GRAPH_STORE") or None,
            "union": (env.get("STYRGRAF_STORE_UNION") or "auto").strip().lower(),
            "write": (env.get("STYRGRAF_STORE_WRITE") or "auto").strip().lower(),
            "credentials": Credentials.from_env(env),
        }
        if env.get("STYRGRAF_STORE_GRAPHS"):
            kwargs["graph_prefixes"] = tuple(env["STYRGRAF_STORE_GRAPHS"].split())
        try:
            if env.get("STYRGRAF_STORE_MAX_UPDATE_BYTES"):
                kwargs["max_update_bytes"] = int(env["STYRGRAF_STORE_MAX_UPDATE_BYTES"])
            if env.get("STYRGRAF_STORE_TIMEOUT"):
                kwargs["timeout"] = float(env["STYRGRAF_STORE_TIMEOUT"])
        except ValueError as e:
            raise StoreError(f"bad number in the environment: {e}") from None
        kwargs.update(overrides)
        return cls(**kwargs)

    @property
    def update_url(self) -> str:
        return self.update_endpoint or self.query_endpoint

    def http_timeout(self, read: float | None = None) -> httpx.Timeout:
        return httpx.Timeout(self.timeout if read is None else read, connect=min(10.0, self.timeout))

    def client_kwargs(self) -> dict[str, Any]:
        from . import __version__
        return {"auth": self.credentials.auth(), "timeout": self.http_timeout(),
                "headers": {"User-Agent": f"styrgraf/{__version__}"}, "follow_redirects": False,
                "trust_env": False}


@dataclass(frozen=True)
class ServerProfile:
    """What the server is and supports (from one probe request)."""
    product: str                     # the Server header ("" if none)
    union_param: str | None          # form parameter that asks for the union default graph
    graph_store: str | None          # Graph Store Protocol endpoint, if any
    write_via_graph_store: bool = False   # replace a graph with a Graph Store PUT (Virtuoso)

    @property
    def is_virtuoso(self) -> bool:
        return self.product.lower().startswith("virtuoso")

    @property
    def is_oxigraph(self) -> bool:
        return self.product.lower().startswith("oxigraph")

    def exists_query(self, graph: str) -> str:
        """ASK whether a named graph exists. (Not a Graph Store HEAD: Oxigraph 0.5 answers a
        HEAD for a missing graph with a body, which breaks the next response on the connection.)
        On Oxigraph an empty GRAPH pattern matches exactly the graphs it holds, empty ones too,
        like the embedded store; elsewhere a graph exists here when it has a triple."""
        return f"ASK {{ GRAPH <{graph}> {{ {'' if self.is_oxigraph else '?s ?p ?o'} }} }}"


def split_fingerprint(text: str) -> tuple[str, str]:
    """N-Triples text as (the rest, the lines that give a document's sg:sha256). The fingerprint
    says that a document graph is whole (RemoteStore.graph_fingerprint), so a write that cannot be
    one atomic request writes it last. (A subject term holds no space, so the predicate is the
    second field of a line.)"""
    rest: list[str] = []
    marks: list[str] = []
    for line in text.splitlines():
        fields = line.split(" ", 2)
        (marks if len(fields) > 1 and fields[1] == FINGERPRINT else rest).append(line)
    return "\n".join(rest), "\n".join(marks)


PROBE_QUERY = "ASK {}"


def profile_from(config: RemoteConfig, server_header: str | None) -> ServerProfile:
    """The profile of a server that answered a probe with `Server: server_header`."""
    product = (server_header or "").strip()
    oxigraph = product.lower().startswith("oxigraph")
    virtuoso = product.lower().startswith("virtuoso")
    # an Oxigraph server's own default graph is the merge of the graphs (styrgraf.merge): no union asked
    union = config.union if config.union != "auto" else "native"
    gsp = config.graph_store
    if gsp is not None and gsp.lower() in ("", "none"):
        gsp = None
    elif gsp is None and oxigraph:
        p = urlsplit(config.query_endpoint)
        gsp = urlunsplit((p.scheme, p.netloc, "/store", "", ""))
    elif gsp is None and virtuoso:       # /sparql -> /sparql-graph-crud, /sparql-auth -> …-crud-auth
        p = urlsplit(config.query_endpoint)
        path = {"/sparql": "/sparql-graph-crud", "/sparql-auth": "/sparql-graph-crud-auth"}.get(p.path.rstrip("/"))
        if path:
            gsp = urlunsplit((p.scheme, p.netloc, path, "", ""))
    return ServerProfile(product, "union-default-graph" if union == "oxigraph" else None, gsp,
                         config.write == "graph-store" and bool(gsp))


def protocol_form(query: str, *, union_param: str | None, union: bool,
                  default_graph: Iterable[str] | None = None,
                  named_graphs: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """The urlencoded form of a SPARQL Protocol query request."""
    form = [("query", query)]
    if default_graph is not None or named_graphs is not None:
        form += [("default-graph-uri", g) for g in default_graph or []]
        form += [("named-graph-uri", g) for g in named_graphs or []]
    elif union and union_param:
        form.append((union_param, "true"))
    return form


FORM = "application/x-www-form-urlencoded"


def form_body(form: list[tuple[str, str]]) -> bytes:
    return urlencode(form).encode("ascii")


def server_message(response: httpx.Response, limit: int = 2000) -> str:
    """The server's error text, one paragraph, shortened."""
    try:
        text = response.text
    except Exception:  # pragma: no cover - undecodable body
        text = ""
    text = re.sub(r"<[^>]+>", " ", text) if "html" in response.headers.get("content-type", "") else text
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit] + " …"
    return text or response.reason_phrase or f"HTTP {response.status_code}"


def media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip().lower()


def query_form(text: str) -> str | None:
    """SELECT / ASK / CONSTRUCT / DESCRIBE of a query (None if unknown)."""
    return analyse_query(text).form


def with_prologue(query: str, prefixes: Mapping[str, str] | None = None, base_iri: str | None = None) -> str:
    """`query` with default PREFIX (and BASE) declarations in front (pyoxigraph's `prefixes=`:
    a later declaration of the same prefix in the query wins)."""
    head = f"BASE <{base_iri}>\n" if base_iri else ""
    head += "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in (prefixes or {}).items())
    return head + query if head else query


# ============================================================== results
class RemoteTriples:
    """A CONSTRUCT/DESCRIBE answer (N-Triples from the server), like pyoxigraph.QueryTriples."""

    def __init__(self, ntriples: bytes):
        self.data = ntriples

    def __iter__(self) -> Iterator[ox.Triple]:
        for q in ox.parse(self.data, format=ox.RdfFormat.N_TRIPLES):
            yield ox.Triple(q.subject, q.predicate, q.object)

    def serialize(self, output: Any = None, format: ox.RdfFormat = ox.RdfFormat.N_TRIPLES, **kwargs):
        if format == ox.RdfFormat.N_TRIPLES and output is None and not kwargs:
            return self.data
        return ox.serialize(iter(self), output, format, **kwargs)


class _ChunkReader(io.RawIOBase):
    """A readable binary file over an iterator of byte chunks (an HTTP response body)."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks = chunks
        self._buf = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._buf:
            try:
                self._buf = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


def _reader(response: httpx.Response) -> io.BufferedReader:
    return io.BufferedReader(_ChunkReader(response.iter_bytes()), buffer_size=256 * 1024)


# ============================================================== the store
class RemoteStore:
    """A SPARQL 1.1 server as a styrgraf store (the methods of styrgraf.store.Store)."""

    path = None                   # not a directory: nothing to bump, no generation marker

    def __init__(self, query_endpoint: str | RemoteConfig, update_endpoint: str | None = None, *,
                 read_only: bool = False, client: httpx.Client | None = None, **config: Any):
        if isinstance(query_endpoint, RemoteConfig):
            self.config = replace(query_endpoint, **config) if config else query_endpoint
            if update_endpoint:
                self.config = replace(self.config, update_endpoint=update_endpoint)
        else:
            self.config = RemoteConfig.from_env(query_endpoint, update_endpoint, **config)
        self.read_only = read_only
        self._client = client or httpx.Client(**self.config.client_kwargs())
        self._own_client = client is None
        self._profile: ServerProfile | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"RemoteStore({self.config.query_endpoint!r}, update={self.config.update_url!r})"

    # ---------------------------------------------------------------- plumbing
    @property
    def url(self) -> str:
        return self.config.query_endpoint

    def profile(self) -> ServerProfile:
        """Probe the server once (raises RemoteStoreError if it cannot be reached)."""
        if self._profile is None:
            with self._lock:
                if self._profile is None:
                    r = self._send("POST", self.config.query_endpoint, idempotent=True,
                                   content=form_body([("query", PROBE_QUERY)]),
                                   headers={"Accept": JSON_RESULTS, "Content-Type": FORM})
                    self._profile = profile_from(self.config, r.headers.get("server"))
                    log.info("store server %s (%s); union default graph: %s; graph store: %s",
                             self.config.query_endpoint, self._profile.product or "unknown",
                             self._profile.union_param or "native", self._profile.graph_store or "none")
        return self._profile

    def ping(self) -> ServerProfile:
        return self.profile()

    def _send(self, method: str, url: str, *, idempotent: bool, stream: bool = False,
              **kwargs: Any) -> httpx.Response:
        """One request with error mapping; retried (idempotent ones) on transient failures."""
        max_attempts = 3 if idempotent else 1      # a request that never reached the server: 3
        attempt = 0
        while True:
            attempt += 1
            try:
                request = self._client.build_request(method, url, **kwargs)
                response = self._client.send(request, stream=stream)
            except httpx.HTTPError as e:
                # a connection never made sent nothing: safe to retry whatever the request
                unsent = isinstance(e, (httpx.ConnectError, httpx.ConnectTimeout))
                if attempt < (3 if unsent else max_attempts):
                    time.sleep(0.5 * attempt)
                    continue
                raise RemoteStoreError(self._failure(url, e)) from None
            if response.status_code < 300:
                return response
            if stream:
                response.read()
                response.close()
            if attempt < max_attempts and (response.status_code in (502, 503, 504) or _conflict(response)):
                time.sleep(0.5 * attempt)
                continue
            raise _status_error(response, url)

    def _failure(self, url: str, e: httpx.HTTPError) -> str:
        """What a request that got no answer says: no connection, no answer in time, or another failure."""
        if isinstance(e, (httpx.ConnectError, httpx.ConnectTimeout)):
            return f"cannot reach the store server {url}: {e}"
        if isinstance(e, httpx.TimeoutException):
            return (f"the store server {url} did not answer in time "
                    f"({type(e).__name__}, limit {self.config.timeout:g} s)")
        return f"request to the store server {url} failed: {type(e).__name__}: {e}"

    def _post_query(self, query: str, accept: str, *, union: bool = False,
                    default_graph: Iterable[str] | None = None, named_graphs: Iterable[str] | None = None,
                    stream: bool = False) -> httpx.Response:
        prof = self.profile()
        form = protocol_form(query, union_param=prof.union_param, union=union,
                             default_graph=default_graph, named_graphs=named_graphs)
        return self._send("POST", self.config.query_endpoint, idempotent=True, stream=stream,
                          content=form_body(form), headers={"Accept": accept, "Content-Type": FORM})

    def _select(self, query: str, **kwargs: Any) -> list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode | None]]:
        r = self._post_query(query, JSON_RESULTS, **kwargs)
        result = ox.parse_query_results(r.content, format=_results_format(r))
        names = [v.value for v in result.variables]
        return [{n: row[n] for n in names} for row in result]

    # ---------------------------------------------------------------- reading
    def query(self, sparql: str, *, use_default_graph_as_union: bool = False,
              default_graph: Iterable[Any] | None = None, named_graphs: Iterable[Any] | None = None,
              base_iri: str | None = None, prefixes: Mapping[str, str] | None = None):
        """Like pyoxigraph.Store.query: QuerySolutions, QueryBoolean, or RemoteTriples."""
        text = with_prologue(sparql, prefixes, base_iri)
        form = query_form(text)
        has_dataset = bool(re.search(r"(?i)\bFROM\b", text)) and _has_dataset_clause(text)
        kwargs = {"union": use_default_graph_as_union and not has_dataset,
                  "default_graph": _iris(default_graph), "named_graphs": _iris(named_graphs)}
        if form in ("CONSTRUCT", "DESCRIBE"):
            r = self._post_query(text, f"{N_TRIPLES}, text/turtle;q=0.5", **kwargs)
            return RemoteTriples(_as_ntriples(r))
        accept = JSON_RESULTS if form in ("SELECT", "ASK") else f"{JSON_RESULTS}, {N_TRIPLES};q=0.9"
        r = self._post_query(text, accept, **kwargs)
        if media_type(r) in MEDIA:
            return RemoteTriples(_as_ntriples(r))
        return ox.parse_query_results(r.content, format=_results_format(r))

    def graphs(self) -> list[str]:
        names: set[str] = set()
        if self.profile().is_oxigraph:      # lists the graphs it holds, empty ones too (the embedded way)
            rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
            names = {r["g"].value for r in rows if isinstance(r.get("g"), ox.NamedNode)}
        if not names:                      # elsewhere an empty GRAPH pattern may match nothing
            rows = self._select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._graph_filter('?g')} }}")
            names = {r["g"].value for r in rows if isinstance(r.get("g"), ox.NamedNode)}
        prefixes = self.config.graph_prefixes
        if prefixes is not None:
            names = {g for g in names if g == VOCAB_GRAPH or g.startswith(tuple(prefixes))}
        return sorted(names)

    def _graph_filter(self, var: str) -> str:
        """A FILTER keeping only the graphs of graph_prefixes (and the vocabulary graph), or ''."""
        prefixes = self.config.graph_prefixes
        if prefixes is None:
            return ""
        tests = [f"{var} = <{VOCAB_GRAPH}>"] + [f'STRSTARTS(STR({var}), "{p}")' for p in prefixes]
        return f"FILTER({' || '.join(tests)})"

    def document_graphs(self) -> list[str]:
        return [g for g in self.graphs() if g != VOCAB_GRAPH and not is_own_graph(g)]

    def graph_fingerprint(self, graph: str) -> tuple[str | None, str | None]:
        """(sha256, extractor version) recorded in a document graph, or (None, None).

        Also (None, None) when the graph holds two fingerprints or two generation times: two
        writers replaced it at the same moment on a server that does not serialise concurrent
        updates (Oxigraph on disk leaves the union of both), so the next ingest re-extracts it."""
        rows = self._select(
            f"SELECT (SAMPLE(?sha) AS ?s) (SAMPLE(?ver) AS ?v) (COUNT(DISTINCT ?sha) AS ?shas) "
            f"(COUNT(DISTINCT ?at) AS ?ats) WHERE {{ GRAPH <{graph}> {{ ?d {FINGERPRINT} ?sha . "
            f"OPTIONAL {{ ?d <{SG}extractorVersion> ?ver }} OPTIONAL {{ ?d <{PROV}generatedAtTime> ?at }} }} }}")
        if not rows or rows[0].get("s") is None:
            return None, None
        row = rows[0]
        if int(row["shas"].value) > 1 or int(row["ats"].value) > 1:
            log.warning("graph <%s> holds two versions of its document (concurrent writers); "
                        "it will be re-extracted", graph)
            return None, None
        ver = row.get("v")
        return row["s"].value, ver.value if ver is not None else None

    def count(self, graph: str | None = None) -> int:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else f"GRAPH ?g {{ ?s ?p ?o }} {self._graph_filter('?g')}"
        rows = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(rows[0]["n"].value) if rows and rows[0].get("n") is not None else 0

    def has_graph(self, graph: str) -> bool:
        r = self._post_query(self.profile().exists_query(graph), JSON_RESULTS)
        return bool(ox.parse_query_results(r.content, format=_results_format(r)))

    def triples(self, graph: str) -> list[ox.Triple]:
        """The triples of one named graph."""
        buf = io.BytesIO()
        self.dump(buf, "nt", graph)
        return [ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(buf.getvalue(), format=ox.RdfFormat.N_TRIPLES)]

    # ---------------------------------------------------------------- writing
    def replace_graph(self, graph: str, triples: Iterable[ox.Triple] | str, also: ChangeRecord | None = None) -> None:
        """Replace one named graph and add the change-feed record `also`. `triples` may be
        N-Triples text.

        A server that applies an update request whole (Oxigraph, Fuseki, GraphDB) gets ONE request.
        Virtuoso does not: when the client dies during an update, Virtuoso keeps the part it has
        applied (the graph dropped and not written again, or written without its record). And a
        write by a Graph Store PUT (write=graph-store, or a document too large for Virtuoso's SPARQL
        compiler) takes requests around the PUT anyway. There the document's fingerprint (the
        sg:sha256 that graph_fingerprint reads) leaves the graph in the first request, which also
        writes the change record, and comes back in the last, after the graph: a graph cut short
        holds no fingerprint, so the next ingest extracts its document again and writes it whole."""
        text = ntriples_text(triples)
        records = [also] if also else []
        prof = self.profile()
        if not (prof.is_virtuoso or prof.write_via_graph_store):
            self._update(self._bounded(merge.replace_update(graph, text, records, self.merged), graph),
                         idempotent=True, what=f"replace <{graph}>")
            return
        content, fingerprint = split_fingerprint(text)
        # what only this graph holds leaves the default graph before its fingerprint leaves the graph
        unmark = ((merge.releasing(graph) + " ;\n") if self.merged else "") + \
            f"DELETE WHERE {{ GRAPH <{graph}> {{ ?document {FINGERPRINT} ?sha }} }}"
        written = False
        if not prof.write_via_graph_store:
            update = f"{unmark} ;\nDROP SILENT GRAPH <{graph}> ;\n{merge.insert_update(graph, content, records, self.merged)}"
            try:
                self._update(self._bounded(update, graph), idempotent=True, what=f"replace <{graph}>")
                written = True
            except RemoteQueryError as e:
                if not (self.config.write == "auto" and prof.is_virtuoso and prof.graph_store
                        and _VIRTUOSO_TOO_LONG.search(str(e))):
                    raise
                # Virtuoso compiles INSERT DATA into SQL and refuses more than ~1 000 triples in
                # one statement: the graph goes by a Graph Store PUT instead
                log.info("Virtuoso refused the update replacing <%s> as too long; writing it with a "
                         "Graph Store PUT", graph)
        if not written:
            body = self._bounded(content + "\n", graph)
            first = f"{unmark} ;\n{merge.records_update(records, self.merged)}" if records else unmark
            self._update(first.encode(), idempotent=True, what=f"unmark <{graph}>")
            self._send("PUT", prof.graph_store, idempotent=True, params={"graph": graph}, content=body,
                       headers={"Content-Type": "application/n-triples"})
            if self.merged:
                self._update(merge.merging(graph).encode(), idempotent=True, what=f"merge <{graph}>")
        if fingerprint:
            self._update(merge.insert_update(graph, fingerprint, (), self.merged).encode(),
                         idempotent=True, what=f"fingerprint <{graph}>")

    def _bounded(self, text: str, graph: str) -> bytes:
        body = text.encode()
        if len(body) > self.config.max_update_bytes:
            raise UpdateTooLarge(
                f"the write of <{graph}> is larger than {self.config.max_update_bytes} bytes "
                "(STYRGRAF_STORE_MAX_UPDATE_BYTES); it is sent as one request so that it stays "
                "atomic, so raise the limit (here and on the server) rather than splitting it")
        return body

    def drop_graph(self, graph: str, also: ChangeRecord | None = None) -> None:
        self._update(merge.drop_update(graph, [also] if also else [], self.merged).encode(),
                     idempotent=True, what=f"drop <{graph}>")

    def record(self, records: list[ChangeRecord]) -> None:
        """Add change-feed records (of a write made another way)."""
        self._update(merge.records_update(records, self.merged).encode(), idempotent=True, what="change records")

    @property
    def merged(self) -> bool:
        """Whether the server's default graph is a graph of its own, which styrgraf keeps as the merge
        of the named graphs (Oxigraph); elsewhere the server's default graph is its union of them."""
        return self.profile().is_oxigraph

    def update(self, sparql: str) -> None:
        """Apply one SPARQL Update (one request)."""
        body = sparql.encode("utf-8")
        if len(body) > self.config.max_update_bytes:
            raise UpdateTooLarge(f"the update is larger than {self.config.max_update_bytes} bytes "
                                 "(STYRGRAF_STORE_MAX_UPDATE_BYTES)")
        self._update(body, idempotent=False, what="update")

    def _update(self, body: bytes, *, idempotent: bool, what: str) -> None:
        if self.read_only:
            raise RemoteStoreError("this store handle is read-only")
        t0 = time.perf_counter()
        self._send("POST", self.config.update_url, idempotent=idempotent, content=body,
                   headers={"Content-Type": "application/sparql-update; charset=utf-8"})
        log.debug("%s: %d bytes in %.3f s", what, len(body), time.perf_counter() - t0)

    def flush(self) -> None:
        """Nothing to do: the server made each update durable before answering."""

    def close(self) -> None:
        if self._own_client:
            self._client.close()

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---------------------------------------------------------------- export
    def dump(self, out: IO[bytes], fmt: str, graph: str | None = None) -> None:
        """Serialise the whole store (or one graph) like Store.dump, streaming from the server."""
        rdf_format = FORMATS[fmt]
        if graph is not None:
            if fmt in QUAD_FORMATS:        # the graph's triples, named: re-serialised here
                name = ox.NamedNode(graph)
                with self._graph_response(graph, N_TRIPLES) as r:
                    quads = (ox.Quad(q.subject, q.predicate, q.object, name)
                             for q in ox.parse(_reader(r), format=_rdf_format(r)))
                    ox.serialize(quads, out, rdf_format)
            else:
                with self._graph_response(graph, rdf_format.media_type) as r:
                    _copy_or_convert(r, out, rdf_format)
            return
        with self._dataset_response() as (r, kind):
            quads = _quads_of(r, kind)
            if fmt in QUAD_FORMATS:     # the named graphs (an Oxigraph server's default graph is their merge)
                ox.serialize((q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)), out, rdf_format)
            elif self.merged and kind == "nquads":   # a triple format: the merge, as the server keeps it
                ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads
                              if isinstance(q.graph_name, ox.DefaultGraph)), out, rdf_format)
            else:                       # the merge made here: each triple once
                seen: set[ox.Triple] = set()
                ox.serialize((t for q in quads if (t := ox.Triple(q.subject, q.predicate, q.object)) not in seen
                              and not seen.add(t)), out, rdf_format)

    def _graph_response(self, graph: str, accept: str):
        prof = self.profile()
        if prof.graph_store:
            return _Streamed(self, "GET", prof.graph_store, params={"graph": graph}, headers={"Accept": accept})
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        return _Streamed(self, "POST", self.config.query_endpoint, content=form_body([("query", query)]),
                         headers={"Accept": accept, "Content-Type": FORM})

    def _dataset_response(self):
        return _DatasetStream(self)


class _Streamed:
    """Context manager: a streamed response (closed on exit)."""

    def __init__(self, store: RemoteStore, method: str, url: str, **kwargs: Any):
        self.store, self.method, self.url, self.kwargs = store, method, url, kwargs
        self.response: httpx.Response | None = None

    def __enter__(self) -> httpx.Response:
        self.response = self.store._send(self.method, self.url, idempotent=True, stream=True, **self.kwargs)
        return self.response

    def __exit__(self, *exc) -> None:
        if self.response is not None:
            self.response.close()


class _DatasetStream:
    """The whole dataset as N-Quads (Graph Store Protocol GET without ?graph, where the server
    serves the dataset: Oxigraph, Fuseki), else as SELECT ?s ?p ?o ?g solutions (the named
    graphs; those of graph_prefixes when set)."""

    def __init__(self, store: RemoteStore):
        self.store = store
        self.response: httpx.Response | None = None

    def __enter__(self) -> tuple[httpx.Response, str]:
        prof = self.store.profile()
        if prof.graph_store and self.store.config.graph_prefixes is None:
            try:
                r = self.store._send("GET", prof.graph_store, idempotent=True, stream=True,
                                     headers={"Accept": N_QUADS})
            except RemoteQueryError:
                r = None
            if r is not None:
                if media_type(r) in (N_QUADS, "text/x-nquads"):
                    self.response = r
                    return r, "nquads"
                r.close()
        self.response = self.store._post_query(
            f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self.store._graph_filter('?g')} }}",
            JSON_RESULTS, stream=True)
        return self.response, "solutions"

    def __exit__(self, *exc) -> None:
        if self.response is not None:
            self.response.close()


_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_CANONICAL_BOOLEAN = {"1": "true", "0": "false"}


def _canonical(term: Any) -> Any:
    """A literal in its canonical lexical form where a server rewrites it (Virtuoso answers
    "true"^^xsd:boolean as "1"^^xsd:boolean): the same value, the same bytes as it was stored."""
    if isinstance(term, ox.Literal) and term.datatype.value == _BOOLEAN and term.value in _CANONICAL_BOOLEAN:
        return ox.Literal(_CANONICAL_BOOLEAN[term.value], datatype=term.datatype)
    return term


def _quads_of(r: httpx.Response, kind: str) -> Iterator[ox.Quad]:
    if kind == "nquads":
        yield from ox.parse(_reader(r), format=ox.RdfFormat.N_QUADS)
        return
    for row in ox.parse_query_results(_reader(r), format=_results_format(r)):
        yield ox.Quad(row["s"], row["p"], _canonical(row["o"]), row["g"])


def _copy_or_convert(r: httpx.Response, out: IO[bytes], wanted: ox.RdfFormat) -> None:
    got = _rdf_format(r)
    if got == wanted:
        for chunk in r.iter_bytes():
            out.write(chunk)
        return
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(_reader(r), format=got))
    ox.serialize(triples, out, wanted)


def _rdf_format(r: httpx.Response) -> ox.RdfFormat:
    media = media_type(r)
    if media not in MEDIA:
        raise RemoteStoreError(f"the store server answered in {media or 'no media type'}, not an RDF format")
    return MEDIA[media]


def _results_format(r: httpx.Response) -> ox.QueryResultsFormat:
    media = media_type(r)
    if media not in RESULTS_MEDIA:
        raise RemoteStoreError(f"the store server answered in {media or 'no media type'}, "
                               "not SPARQL JSON, XML or TSV results")
    return RESULTS_MEDIA[media]


def _as_ntriples(r: httpx.Response) -> bytes:
    fmt = _rdf_format(r)
    if fmt == ox.RdfFormat.N_TRIPLES:
        return r.content
    return ox.serialize([ox.Triple(q.subject, q.predicate, q.object)
                         for q in ox.parse(r.content, format=fmt)], format=ox.RdfFormat.N_TRIPLES)


_VIRTUOSO_TOO_LONG = re.compile(r"SP031: SPARQL: Internal error: The length of generated SQL|SP030.*memory exhausted")
_CONFLICT = re.compile(r"(?i)ConcurrentModification|deadlock|SR172|40001")


def _conflict(response: httpx.Response) -> bool:
    """A write conflict the server asks us to retry (Neptune: ConcurrentModificationException,
    Virtuoso: SR172 transaction deadlocked, SQLSTATE 40001)."""
    return response.status_code in (409, 500) and bool(_CONFLICT.search(response.text[:4000]))


def _status_error(response: httpx.Response, url: str) -> StoreError:
    status = response.status_code
    message = server_message(response)
    if status in (401, 403):
        return RemoteStoreError(f"the store server {url} refused the request ({status}): check "
                                "STYRGRAF_STORE_USER/STYRGRAF_STORE_PASSWORD or STYRGRAF_STORE_TOKEN")
    if status == 413:
        return RemoteQueryError(f"the store server {url} refused the request as too large (413): {message}", status)
    if 400 <= status < 500:
        return RemoteQueryError(f"the store server rejected the request ({status}): {message}", status)
    return RemoteStoreError(f"the store server {url} failed ({status}): {message}")


def _has_dataset_clause(text: str) -> bool:
    return analyse_query(text).has_dataset_clause


def _iris(terms: Iterable[Any] | None) -> list[str] | None:
    if terms is None:
        return None
    return [t.value if isinstance(t, ox.NamedNode) else str(t) for t in terms]


# ============================================================== choosing a store
_URL_RE = re.compile(r"(?i)^https?://")
_COLLAPSED_URL_RE = re.compile(r"(?i)^(https?):/(?!/)")     # what pathlib makes of "http://…"


def is_remote(spec: str | os.PathLike[str] | None) -> bool:
    """Whether a --store value names a server (http/https URL) rather than a directory.
    Also "http:/host/…", which is what pathlib makes of a URL given to a Path option."""
    if spec is None:
        return False
    text = os.fspath(spec)
    return bool(_URL_RE.match(text) or _COLLAPSED_URL_RE.match(text))


def open_store(spec: str | os.PathLike[str], update_endpoint: str | None = None,
               read_only: bool = False, **config: Any) -> Store | RemoteStore:
    """The embedded store at a directory, or a RemoteStore for an http(s) URL (probed once, so a
    wrong URL or bad credentials fail here with a StoreError)."""
    if not is_remote(spec):
        return Store(spec, read_only=read_only)
    url = _COLLAPSED_URL_RE.sub(r"\1://", os.fspath(spec))
    store = RemoteStore(url, update_endpoint, read_only=read_only, **config)
    try:
        store.profile()
    except StoreError:
        store.close()
        raise
    return store
