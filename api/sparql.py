"""The researchers' SPARQL endpoint: SPARQL 1.1 Protocol + Graph Store HTTP Protocol.

    router = sparql_router(state)      # state (api/state.py): executor, store_path, update_token, base, sparql_url_path,
    app.include_router(router)         #        write(update_sparql, *, base_iri, graphs)
    add_cors(app)                      # CORS for any origin on /sparql and /graph-store

`/sparql` (state.sparql_url_path)
    GET ?query=, POST urlencoded query=, POST application/sparql-query;
    default-graph-uri / named-graph-uri (repeatable). Without them (and without FROM
    in the query) the default graph is the union of all graphs.
    Results by Accept or `format=`: SELECT/ASK as SPARQL JSON (default), XML, CSV, TSV
    (no cell a spreadsheet would run as a formula, api/csvsafe.py);
    CONSTRUCT/DESCRIBE as Turtle (default), N-Triples, JSON-LD, RDF/XML, N-Quads.
    GET without a query: the SPARQL 1.1 Service Description (Turtle, JSON-LD, RDF/XML,
    N-Triples; Turtle also when the client prefers HTML).
    POST update= / application/sparql-update: SPARQL Update, Bearer token only;
    using-graph-uri / using-named-graph-uri (repeatable) give the WHERE's dataset.
    Relative IRIs resolve against the endpoint's URL; request bodies are UTF-8.
    Every write records the graphs it changed in the change feed (api/changes.py).

`/graph-store?graph=IRI` (or `?default`)
    GET/HEAD the graph (public); PUT replace, POST add, DELETE drop (token).

Status codes (errors are text/plain, one line, for every client to show as is):
    400  malformed query/update (the engine parser's message), SERVICE or LOAD used,
         bad parameters, evaluation error
    401  update without `Authorization: Bearer …` (with `WWW-Authenticate: Bearer`)
    403  update with a wrong token, or updates disabled (no token configured).
         (RFC 6750 would allow 401 invalid_token; 403 keeps "you sent nothing" and
         "what you sent is not accepted" apart.)
    404  Graph Store: no such graph
    406  no acceptable result format for this kind of query
    413  request body over STYRGRAF_MAX_REQUEST_BYTES (1 MiB; with the update token
         STYRGRAF_MAX_UPDATE_BYTES, 64 MiB); 414 and 431 for too long URLs and headers
         (api/security.py)
    415  unsupported request Content-Type, or a charset other than UTF-8
    500  the query worker died or could not read the store (`X-Styrgraf-Error: worker`)
    503  the query exceeded the time limit ("query exceeded the time limit of N s",
         header `X-Styrgraf-Error: timeout`) or its worker's memory limit (`memory`), or all
         workers stayed busy (`busy`), each with `Retry-After` (api/problems.py); or a write
         found the store held by another writer or its disk full (`X-Styrgraf-Error: store`,
         `Retry-After`).
         503 rather than 504: it is this
         service, not an upstream one, that gave up; clients and proxies treat it as
         "the server could not do it now", which is what a too-heavy query is.
Every query response carries `X-Styrgraf-Truncated: true|false`; `true` means the
row cap (`X-Styrgraf-Row-Cap`) was applied and reached, so further rows, if any,
were not computed (a result of exactly the cap also says `true`). CONSTRUCT and
DESCRIBE are capped in triples. Writes (update, Graph Store) are serialised by a lock
and followed by a generation bump (unless state.write() bumped), so the query
workers are renewed and see them.
"""
from __future__ import annotations

import asyncio
import errno
import functools
import hmac
import logging
import threading
from dataclasses import dataclass
from typing import Any, Iterable
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.middleware.cors import CORSMiddleware

from styrgraf.store import StoreError, bump_generation, current_generation, quads_to_insert

from .csvsafe import safe_sparql_csv, safe_sparql_tsv
from styrgraf.query_errors import QueryError, QueryRefused
from styrgraf.query_text import QueryInfo, analyse_query, analysed, check_update, tokens

from .query_backend import GRAPH_FORMATS, RESULTS_FORMATS, SPARQL
from .links import served_url
from .problems import ERROR_HEADER, query_problem
from .state import ServerState

__all__ = ["sparql_router", "add_cors", "sparql_cors", "service_description", "negotiate", "Offer",
           "RESULT_OFFERS", "GRAPH_OFFERS", "protocol_params", "dataset", "analysis_on_loop", "negotiated",
           "answer_query"]

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"
DCT_TITLE = "http://purl.org/dc/terms/title"

CHUNK = 64 * 1024
MAX_BODY = 64 * 1024 * 1024
TRUNCATED_HEADER = "X-Styrgraf-Truncated"
ROW_CAP_HEADER = "X-Styrgraf-Row-Cap"

log = logging.getLogger("styrgraf.sparql")


# ============================================================== content negotiation
@dataclass(frozen=True)
class Offer:
    media_type: str      # what we answer with (the Content-Type)
    format: str          # key of executor.RESULTS_FORMATS / GRAPH_FORMATS
    canonical: bool      # preferred over an alias when the client likes both equally


def _offers(canonical: dict[str, str], aliases: dict[str, str]) -> list[Offer]:
    """The offers of one kind in the server's order: each format's own media type (format -> media
    type), then the other media types clients ask for it by (media type -> format)."""
    return [Offer(m, f, True) for f, m in canonical.items()] + [Offer(m, f, False) for m, f in aliases.items()]


RESULT_OFFERS = _offers(
    {"JSON": "application/sparql-results+json", "XML": "application/sparql-results+xml", "CSV": "text/csv",
     "TSV": "text/tab-separated-values"},
    {"application/json": "JSON", "application/xml": "XML", "text/xml": "XML"})
GRAPH_OFFERS = _offers(
    {"TURTLE": "text/turtle", "N_TRIPLES": "application/n-triples", "JSON_LD": "application/ld+json",
     "RDF_XML": "application/rdf+xml", "N_QUADS": "application/n-quads"},
    # N3 is read as Turtle (Turtle is N3); text/plain is the old N-Triples media type
    {"application/turtle": "TURTLE", "application/x-turtle": "TURTLE", "text/n3": "TURTLE", "text/rdf+n3": "TURTLE",
     "text/plain": "N_TRIPLES", "application/json": "JSON_LD", "application/x-json+ld": "JSON_LD",
     "application/xml": "RDF_XML", "text/xml": "RDF_XML"})
# tables a spreadsheet may open: no cell may start a formula (api/csvsafe.py)
_SPREADSHEET_SAFE = {"CSV": safe_sparql_csv, "TSV": safe_sparql_tsv}
# a single graph (Graph Store GET, service description): no N-Quads
SINGLE_GRAPH_OFFERS = [o for o in GRAPH_OFFERS if o.format != "N_QUADS"]
CANONICAL_MEDIA = {("results", o.format): o.media_type for o in RESULT_OFFERS if o.canonical}
CANONICAL_MEDIA.update({("graph", o.format): o.media_type for o in GRAPH_OFFERS if o.canonical})

# `format=` values (browsers, SPARQLWrapper sends format=json|xml|csv|tsv|turtle|n3|rdf+xml|json-ld)
_FORMAT_PARAM = {
    "json": ("JSON", "JSON_LD"), "srj": ("JSON", None), "sparql-results+json": ("JSON", None),
    "xml": ("XML", "RDF_XML"), "srx": ("XML", None), "sparql-results+xml": ("XML", None),
    "csv": ("CSV", None), "tsv": ("TSV", None),
    "turtle": (None, "TURTLE"), "ttl": (None, "TURTLE"), "n3": (None, "TURTLE"),
    "nt": (None, "N_TRIPLES"), "ntriples": (None, "N_TRIPLES"), "n-triples": (None, "N_TRIPLES"),
    "json-ld": (None, "JSON_LD"), "jsonld": (None, "JSON_LD"),
    "rdf": (None, "RDF_XML"), "rdfxml": (None, "RDF_XML"), "rdf+xml": (None, "RDF_XML"),
    "rdf/xml": (None, "RDF_XML"), "nq": (None, "N_QUADS"), "nquads": (None, "N_QUADS"),
    "n-quads": (None, "N_QUADS"),
}


@functools.lru_cache(maxsize=256)            # clients send the same few Accept headers again and again
def _parse_accept(header: str) -> tuple[tuple[str, str, float, int], ...]:
    ranges = []
    for index, part in enumerate(header.split(",")):
        fields = part.split(";")
        media = fields[0].strip().lower()
        if not media:
            continue
        if media == "*":
            media = "*/*"
        if "/" not in media:
            continue
        q = 1.0
        for p in fields[1:]:
            k, _, v = p.partition("=")
            if k.strip().lower() == "q":
                try:
                    q = float(v.strip())
                except ValueError:
                    q = 0.0
        t, _, s = media.partition("/")
        ranges.append((t, s, q, index))
    return tuple(ranges)


def negotiate(accept: str | None, offers: list[Offer]) -> Offer | None:
    """The best offer for an Accept header (RFC 9110 q-values; the most specific range
    decides an offer's q; ties go to canonical types, then the client's order, then
    ours). A missing or empty header gets the first offer; None = nothing acceptable."""
    if not accept or not accept.strip():
        return offers[0]
    ranges = _parse_accept(accept)
    if not ranges:
        return offers[0]
    best, best_key = None, None
    for server_index, offer in enumerate(offers):
        t, _, s = offer.media_type.partition("/")
        match = None
        for rt, rs, q, ai in ranges:
            if rt == t and rs == s:
                spec = 2
            elif rt == t and rs == "*":
                spec = 1
            elif rt == "*" and rs == "*":
                spec = 0
            else:
                continue
            if match is None or spec > match[0]:
                match = (spec, q, ai)
        if match is None or match[1] <= 0:
            continue
        key = (match[1], match[0], offer.canonical, -match[2], -server_index)
        if best_key is None or key > best_key:
            best, best_key = offer, key
    return best


def _quality(accept: str, media_type: str) -> float:
    """The q the Accept header gives `media_type` (most specific matching range)."""
    t, _, s = media_type.partition("/")
    best = (-1, 0.0)
    for rt, rs, q, _ in _parse_accept(accept):
        spec = 2 if (rt, rs) == (t, s) else 1 if (rt == t and rs == "*") else 0 if rt == rs == "*" else -1
        if spec > best[0]:
            best = (spec, q)
    return best[1]


def _content_type(media_type: str) -> str:
    if media_type.startswith("text/"):
        return f"{media_type}; charset=utf-8"
    return media_type


# ============================================================== responses
def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message.rstrip() + "\n", status_code=status, headers=headers)


def _bytes_response(body: bytes, media_type: str, headers: dict[str, str],
                    status: int = 200, head: bool = False) -> Response:
    headers = dict(headers)
    if head:
        headers["Content-Length"] = str(len(body))
        return Response(b"", status_code=status, headers=headers, media_type=_content_type(media_type))
    if len(body) <= CHUNK:
        return Response(body, status_code=status, headers=headers, media_type=_content_type(media_type))

    async def chunks():
        view = memoryview(body)
        for i in range(0, len(body), CHUNK):
            yield bytes(view[i:i + CHUNK])
            await asyncio.sleep(0)

    headers["Content-Length"] = str(len(body))
    return StreamingResponse(chunks(), status_code=status, headers=headers,
                             media_type=_content_type(media_type))


def _query_error_response(e: QueryError) -> Response:
    p = query_problem(e)
    return _error(p.status, p.message, p.headers)


# ============================================================== service description
def service_description(state: ServerState, endpoint: str | None = None) -> list[ox.Triple]:
    """The SPARQL 1.1 Service Description of the endpoint, as triples; `endpoint`: the URL it was
    asked at (a client that reads sd:endpoint should find the endpoint that answered it)."""
    def n(iri: str) -> ox.NamedNode:
        return ox.NamedNode(iri)

    executor = state.executor
    svc, dataset, graph = ox.BlankNode("service"), ox.BlankNode("dataset"), ox.BlankNode("defaultGraph")
    a = n(RDF_TYPE)
    triples = [
        ox.Triple(svc, a, n(SD + "Service")),
        ox.Triple(svc, n(SD + "endpoint"), n(endpoint or endpoint_iri(state))),
        ox.Triple(svc, n(SD + "supportedLanguage"), n(SD + "SPARQL11Query")),
    ]
    if getattr(state, "update_token", None):
        triples.append(ox.Triple(svc, n(SD + "supportedLanguage"), n(SD + "SPARQL11Update")))
    seen = set()
    for fmt in list(RESULTS_FORMATS.values()) + list(GRAPH_FORMATS.values()):
        if fmt.iri not in seen:
            seen.add(fmt.iri)
            triples.append(ox.Triple(svc, n(SD + "resultFormat"), n(fmt.iri)))
    # the default graph is the RDF merge of the named graphs (styrgraf.merge), or the server's union
    triples.append(ox.Triple(svc, n(SD + "feature"), n(SD + "UnionDefaultGraph")))
    triples += [
        ox.Triple(svc, n(SD + "defaultEntailmentRegime"), n("http://www.w3.org/ns/entailment/Simple")),
        ox.Triple(svc, n(SD + "defaultDataset"), dataset),
        ox.Triple(dataset, a, n(SD + "Dataset")),
        ox.Triple(dataset, n(SD + "defaultGraph"), graph),
        ox.Triple(graph, a, n(SD + "Graph")),
        ox.Triple(svc, n(DCT_TITLE), ox.Literal("styrgraf SPARQL endpoint", language="en")),
        ox.Triple(svc, n(RDFS_COMMENT), ox.Literal(_limits_text(executor), language="en")),
    ]
    return triples


def _limits_text(executor: Any) -> str:
    parts = ["One named graph per source document; the default graph is the union of all graphs "
             "unless FROM or default-graph-uri/named-graph-uri say otherwise."]
    timeout = getattr(executor, "timeout", None)
    if timeout and timeout != float("inf"):
        parts.append(f"Queries are stopped after {timeout:g} s (HTTP 503).")
    cap = getattr(executor, "row_cap", None)
    if cap:
        parts.append(f"Results are capped at {cap} rows (header X-Styrgraf-Truncated).")
    parts.append("SERVICE and LOAD are refused.")
    return " ".join(parts)


def endpoint_iri(state: ServerState) -> str:
    return state.base.rstrip("/") + "/" + state.sparql_url_path.lstrip("/")


_SD_PREFIXES = {"sd": SD, "formats": FORMATS_NS, "dct": "http://purl.org/dc/terms/",
                "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}


# ============================================================== request parsing
class BadRequest(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


def _media(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    fields = header.split(";")
    charset = None
    for p in fields[1:]:
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip('"')
    return fields[0].strip().lower(), charset


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        raise BadRequest(413, f"request body larger than {MAX_BODY} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise BadRequest(413, f"request body larger than {MAX_BODY} bytes")
    return body


def _utf8_only(charset: str | None) -> None:
    """Request bodies are UTF-8 (SPARQL 1.1 Protocol 2.1.2, 2.2.2; Turtle, N-Triples)."""
    if charset is not None and charset.lower() not in ("utf-8", "utf8"):
        raise BadRequest(415, f"send the request body as UTF-8 (charset=utf-8), not charset={charset}")


def _decode(body: bytes, charset: str | None) -> str:
    _utf8_only(charset)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadRequest(400, f"the request body is not valid UTF-8: {e}")


async def _protocol_params(request: Request) -> dict[str, list[str]]:
    body = await _read_body(request) if request.method == "POST" else b""
    return protocol_params(request.method, request.scope["query_string"], request.headers.get("content-type"), body)


def protocol_params(method: str, query_string: bytes, content_type: str | None, body: bytes) -> dict[str, list[str]]:
    """All protocol parameters: the URL's, plus an urlencoded body's, plus
    `query` / `update` from an application/sparql-query / -update body (POST)."""
    params: dict[str, list[str]] = {}
    if query_string:
        for k, v in QueryParams(query_string).multi_items():
            params.setdefault(k, []).append(v)
    if method != "POST":
        return params
    media, charset = _media(content_type)
    if not media and not body:
        return params                    # an empty POST: "missing query" below, not 415
    if media == "application/x-www-form-urlencoded":
        text = _decode(body, charset)
        try:
            form = parse_qs(text, keep_blank_values=True, strict_parsing=False, errors="strict")
        except (UnicodeDecodeError, ValueError) as e:
            raise BadRequest(400, f"cannot parse the form body: {e}")
        for k, vs in form.items():
            if k in ("query", "update"):
                params[k] = vs           # the body's query wins over a stray URL one
            else:
                params.setdefault(k, []).extend(vs)
    elif media == "application/sparql-query":
        if "update" in params:
            raise BadRequest(400, "an application/sparql-query body cannot carry an update")
        params["query"] = [_decode(body, charset)]
    elif media == "application/sparql-update":
        if "query" in params:
            raise BadRequest(400, "an application/sparql-update body cannot carry a query")
        params["update"] = [_decode(body, charset)]
    else:
        raise BadRequest(415, "POST a query as application/x-www-form-urlencoded (query= or update=), "
                               "application/sparql-query or application/sparql-update"
                               + (f", not {media}" if media else ""))
    return params


def one_param(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise BadRequest(400, f"parameter {name!r} given {len(values)} times; give it once")
    return values[0]


def _iris(params: dict[str, list[str]], name: str) -> list[str] | None:
    values = params.get(name)
    if values is None:
        return None
    out = []
    for v in values:
        try:
            out.append(ox.NamedNode(v.strip()).value)
        except ValueError as e:
            raise BadRequest(400, f"{name} {v!r} is not an absolute IRI: {e}")
    return out


def _with_dataset(update: str, default: list[str], named: list[str]) -> str:
    """`update` with the dataset of using-graph-uri / using-named-graph-uri as USING / USING
    NAMED before the WHERE of each DELETE/INSERT operation (SPARQL 1.1 Protocol 2.2.3; the
    shortcut DELETE WHERE has no WHERE clause of its own and takes none). An update that sets
    its own dataset (USING, WITH) as well is refused, as the protocol requires."""
    clause = "".join(f"USING <{g}> " for g in default) + "".join(f"USING NAMED <{g}> " for g in named)
    parts, last, depth, prev = [], 0, 0, None
    for kind, value, start, _stop in tokens(update):
        if kind in ("ws", "comment"):
            continue
        word = value.upper() if kind == "word" else None
        if kind == "punct" and value in ("{", "}"):
            depth += 1 if value == "{" else -1
        elif depth == 0 and word in ("USING", "WITH"):
            raise BadRequest(400, "give the update's dataset either as using-graph-uri / "
                                   "using-named-graph-uri or in the update (USING, WITH), not both")
        elif depth == 0 and word == "WHERE" and prev != "DELETE":
            parts += [update[last:start], clause]
            last = start
        prev = word
    return "".join(parts) + update[last:]


def _format_override(params: dict[str, list[str]], kind: str) -> tuple[bool, Offer | None]:
    """(given, offer) from `format=`: the first value we know; a media type also works.
    given=False when no known value was sent (then Accept decides)."""
    offers = RESULT_OFFERS if kind == "results" else GRAPH_OFFERS
    for raw in params.get("format", []):
        value = raw.strip().lower()
        if "/" in value:
            offer = negotiate(value, offers)
            if offer is not None:
                return True, offer
            if negotiate(value, RESULT_OFFERS + GRAPH_OFFERS) is not None:
                return True, None           # a known type, but not for this kind of query
            continue
        if value in _FORMAT_PARAM:
            key = _FORMAT_PARAM[value][0 if kind == "results" else 1]
            if key is None:
                return True, None
            return True, Offer(CANONICAL_MEDIA[(kind, key)], key, True)
    return False, None


def _choose(accept: str | None, params: dict[str, list[str]], kind: str,
            offers: list[Offer]) -> Offer | None:
    given, offer = _format_override(params, kind)
    if given:
        return offer
    return negotiate(accept, offers)


def dataset(params: dict[str, list[str]]) -> tuple[list[str] | None, list[str] | None]:
    """The request's default-graph-uri and named-graph-uri (None: not given)."""
    return _iris(params, "default-graph-uri"), _iris(params, "named-graph-uri")


def analysis_on_loop(query: str) -> QueryInfo | None:
    """The lexer's analysis of `query` where it is cheap enough for the event loop: memoised, or a
    short text without the word SERVICE (which may need rdflib's slow parser); None: analyse it in
    a thread."""
    info = analysed(query)
    if info is None and len(query) <= 2000 and "service" not in query.lower():
        info = analyse_query(query)
    return info


def negotiated(params: dict[str, list[str]], info: QueryInfo, accept: str | None) -> tuple[Offer, Offer] | Response:
    """(results offer, graph offer) of a query by `format=` or Accept, or the 406 refusal."""
    results_offer = _choose(accept, params, "results", RESULT_OFFERS)
    graph_offer = _choose(accept, params, "graph", GRAPH_OFFERS)
    if info.form in ("SELECT", "ASK") and results_offer is None:
        return _error(406, "no acceptable format for a SELECT/ASK result; this endpoint offers "
                      + ", ".join(o.media_type for o in RESULT_OFFERS if o.canonical))
    if info.form in ("CONSTRUCT", "DESCRIBE") and graph_offer is None:
        return _error(406, "no acceptable format for a CONSTRUCT/DESCRIBE result; this endpoint "
                      "offers " + ", ".join(o.media_type for o in GRAPH_OFFERS if o.canonical))
    return results_offer or RESULT_OFFERS[0], graph_offer or GRAPH_OFFERS[0]


async def answer_query(state: ServerState, query: str, info: QueryInfo,
                       graphs: tuple[list[str] | None, list[str] | None], offers: tuple[Offer, Offer]) -> Response:
    """The response to a checked query: what the route and the fast path in front of the app
    (api/sparql_fast_path.py) both send."""
    results_offer, graph_offer = offers
    try:
        result = await state.executor.run(
            query, results_format=results_offer.format, graph_format=graph_offer.format,
            default_graph=graphs[0], named_graphs=graphs[1], info=info, base_iri=endpoint_iri(state), lane=SPARQL)
    except QueryError as e:
        return _query_error_response(e)
    offer = graph_offer if result.kind == "graph" else results_offer
    headers = {"Vary": "Accept", TRUNCATED_HEADER: "true" if result.truncated else "false"}
    cap = getattr(state.executor, "row_cap", None)
    if result.truncated and cap:
        headers[ROW_CAP_HEADER] = str(cap)
    body = result.body
    if result.kind == "solutions" and offer.format in _SPREADSHEET_SAFE:
        body = _SPREADSHEET_SAFE[offer.format](body)
    return _bytes_response(body, offer.media_type, headers)


def _unwritable(e: Exception) -> str:
    """Why the store could not be written, for the client."""
    text = str(e).lower()
    if "lock" in text:
        return "another process (an ingest?) is writing the store"
    if getattr(e, "errno", None) == errno.ENOSPC or "no space left" in text:
        return "the disk holding the store is full"
    return "the store cannot be written now"


# ============================================================== auth
def _authorize(request: Request, state: ServerState) -> Response | None:
    """None if the request may write, else the refusal."""
    token = getattr(state, "update_token", None)
    if not token:
        return _error(403, "updates disabled: this endpoint has no update token configured")
    header = request.headers.get("authorization")
    if not header:
        return _error(401, "updates need an `Authorization: Bearer <token>` header",
                      {"WWW-Authenticate": 'Bearer realm="styrgraf"'})
    presented = bearer_credential(header)
    if presented is None:
        return _error(401, "updates need an `Authorization: Bearer <token>` header",
                      {"WWW-Authenticate": 'Bearer realm="styrgraf", error="invalid_request"'})
    if not token_is_valid(presented, token):
        return _error(403, "the update token is not valid")
    return None


def bearer_credential(header: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, or None."""
    scheme, _, presented = (header or "").strip().partition(" ")
    return (presented.strip() or None) if scheme.lower() == "bearer" else None


def token_is_valid(presented: str, token: str) -> bool:
    """Constant-time comparison (no early exit on the first wrong byte)."""
    return hmac.compare_digest(presented.encode("utf-8"), token.encode("utf-8"))


# ============================================================== the router
def sparql_router(state: ServerState) -> APIRouter:
    """The SPARQL 1.1 Protocol endpoint at state.sparql_url_path and the Graph Store
    HTTP Protocol at state.graph_store_url_path (default /graph-store)."""
    router = APIRouter(tags=["SPARQL"])
    path = state.sparql_url_path
    gsp_path = getattr(state, "graph_store_url_path", "/graph-store")
    write_lock = threading.Lock()

    store_path = getattr(state, "store_path", None)

    # relative IRIs in a query or update are resolved against the endpoint's URL (SPARQL 1.1
    # Protocol 2.1.4 and 2.2.4 let the service choose the base)
    base_iri = endpoint_iri(state)

    def _write_blocking(update: str, graphs: set[str | None] | None) -> None:
        with write_lock:
            before = current_generation(store_path) if store_path else None
            state.write(update, base_iri=base_iri, graphs=graphs)
            # the query workers must see the write: bump the marker unless write() did
            if store_path and current_generation(store_path) == before:
                bump_generation(store_path)

    async def write(update: str, graphs: set[str | None] | None) -> None:
        await run_in_threadpool(_write_blocking, update, graphs)

    async def run_update(update: str, *, check: bool = True, graphs: set[str | None] | None = None) -> Response:
        """Apply `update` (`graphs`: the graphs it writes, when the caller knows them; they are
        recorded in the change feed, see api/changes.py)."""
        if check:   # our own Graph Store updates are built from parsed triples: nothing to refuse
            try:
                await run_in_threadpool(check_update, update)
            except QueryRefused as e:
                return _error(400, str(e), {ERROR_HEADER: "refused"})
        try:
            await write(update, graphs)
        except SyntaxError as e:
            return _error(400, f"malformed update: {e}", {ERROR_HEADER: "syntax"})
        except (ValueError, RuntimeError) as e:
            return _error(400, f"update failed: {e}", {ERROR_HEADER: "evaluation"})
        except (StoreError, OSError) as e:
            # the same request may succeed later; the engine's message (with the store's path)
            # goes to the log only
            log.warning("cannot write the store: %s", e)
            return _error(503, f"cannot write the store: {_unwritable(e)}; try again later",
                          {ERROR_HEADER: "store", "Retry-After": "30"})
        return PlainTextResponse("update applied\n", status_code=200)

    # ---------------------------------------------------------------- /sparql
    _SPARQL_OPENAPI = {"parameters": [
            {"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
             "description": "a SPARQL 1.1 query"},
            {"name": "default-graph-uri", "in": "query", "required": False,
             "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "named-graph-uri", "in": "query", "required": False,
             "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "format", "in": "query", "required": False, "schema": {"type": "string"},
             "description": "json, xml, csv, tsv, turtle, nt, json-ld, rdfxml, nq (overrides Accept)"},
        ]}

    async def sparql_endpoint(request: Request) -> Response:
        try:
            params = await _protocol_params(request)
            query = one_param(params, "query")
            update = one_param(params, "update")
            if query is not None and update is not None:
                raise BadRequest(400, "give either query or update, not both")
            if update is not None:
                if request.method != "POST":
                    raise BadRequest(400, "SPARQL Update must be sent with POST")
                refusal = _authorize(request, state)
                if refusal is not None:
                    return refusal
                using = _iris(params, "using-graph-uri") or []
                using_named = _iris(params, "using-named-graph-uri") or []
                if using or using_named:
                    update = _with_dataset(update, using, using_named)
                return await run_update(update)
            if query is None:
                if request.method == "POST":
                    raise BadRequest(400, "missing query= or update=")
                return _service_description_response(request)
            return await _run_query(request, params, query)
        except BadRequest as e:
            return _error(e.status, e.message, e.headers)

    async def _run_query(request: Request, params: dict[str, list[str]], query: str) -> Response:
        graphs = dataset(params)
        info = analysis_on_loop(query) or await run_in_threadpool(analyse_query, query)
        offers = negotiated(params, info, request.headers.get("accept"))
        if isinstance(offers, Response):
            return offers
        return await answer_query(state, query, info, graphs, offers)

    def _service_description_response(request: Request) -> Response:
        accept = request.headers.get("accept")
        offer = negotiate(accept, SINGLE_GRAPH_OFFERS) or SINGLE_GRAPH_OFFERS[0]
        if accept and _quality(accept, "text/html") >= max(_quality(accept, offer.media_type), 1e-9):
            offer = SINGLE_GRAPH_OFFERS[0]      # a browser: Turtle (until there is a web page)
        fmt = GRAPH_FORMATS[offer.format]
        kwargs = {"prefixes": _SD_PREFIXES} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else {}
        body = ox.serialize(service_description(state, served_url(request, path)), format=fmt, **kwargs)
        return Response(body, media_type=_content_type(offer.media_type), headers={"Vary": "Accept"})

    # one route per method, each with its own OpenAPI operation id
    for method, summary in (("GET", "SPARQL 1.1 Protocol: query by GET, or the service description"),
                            ("POST", "SPARQL 1.1 Protocol: query or update by POST")):
        router.add_api_route(path, sparql_endpoint, methods=[method], summary=summary,
                             description=__doc__, response_class=Response,
                             openapi_extra=_SPARQL_OPENAPI, name=f"sparql_{method.lower()}",
                             operation_id=f"sparql_{method.lower()}")

    @router.options(path, include_in_schema=False)
    async def sparql_options() -> Response:
        return Response(status_code=204, headers={"Allow": "GET, POST, OPTIONS"})

    # ---------------------------------------------------------------- /graph-store
    def _target(request: Request) -> str | None:
        """The graph IRI of a Graph Store request (None: the default graph)."""
        graphs = request.query_params.getlist("graph")
        has_default = "default" in request.query_params
        if has_default and graphs:
            raise BadRequest(400, "give either ?graph=IRI or ?default, not both")
        if has_default:
            return None
        if len(graphs) != 1:
            raise BadRequest(400, "give the graph as ?graph=IRI (once), or ?default")
        try:
            return ox.NamedNode(graphs[0].strip()).value
        except ValueError as e:
            raise BadRequest(400, f"graph {graphs[0]!r} is not an absolute IRI: {e}")

    async def graph_store_get(request: Request) -> Response:
        try:
            graph = _target(request)
        except BadRequest as e:
            return _error(e.status, e.message, e.headers)
        offer = negotiate(request.headers.get("accept"), SINGLE_GRAPH_OFFERS)
        if offer is None:
            return _error(406, "no acceptable format; this endpoint offers "
                          + ", ".join(o.media_type for o in SINGLE_GRAPH_OFFERS if o.canonical))
        try:
            body = await state.executor.graph(graph, offer.format)
        except QueryError as e:
            return _query_error_response(e)
        if body is None:
            return _error(404, f"no graph <{graph}>")
        return _bytes_response(body, offer.media_type, {"Vary": "Accept"},
                               head=request.method == "HEAD")

    for method in ("GET", "HEAD"):
        router.add_api_route(gsp_path, graph_store_get, methods=[method], response_class=Response,
                             summary=f"Graph Store Protocol: read a graph ({method})",
                             name=f"graph_store_{method.lower()}",
                             operation_id=f"graph_store_{method.lower()}")

    _INPUT = {
        "text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
        "application/turtle": ox.RdfFormat.TURTLE,
        "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
        "application/rdf+xml": ox.RdfFormat.RDF_XML,
    }

    async def _parse_body(request: Request, graph: str | None) -> list[ox.Triple]:
        media, charset = _media(request.headers.get("content-type"))
        fmt = _INPUT.get(media)
        if fmt is None:
            raise BadRequest(415, "send the graph as text/turtle, application/n-triples or "
                                   "application/rdf+xml" + (f", not {media}" if media else ""))
        _utf8_only(charset)
        body = await _read_body(request)

        def parse() -> list[ox.Triple]:
            return [ox.Triple(q.subject, q.predicate, q.object)
                    for q in ox.parse(body, format=fmt, base_iri=graph, without_named_graphs=True)]
        try:
            return await run_in_threadpool(parse)
        except (SyntaxError, ValueError) as e:
            raise BadRequest(400, f"cannot parse the {media} body: {e}")

    def _insert(graph: str | None, triples: list[ox.Triple]) -> str:
        if graph is None:
            return "INSERT DATA {\n" + "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples) + "\n}"
        return "INSERT DATA {\n" + quads_to_insert(graph, triples) + "\n}"

    async def _exists(graph: str | None) -> bool:
        return True if graph is None else await state.executor.graph_exists(graph)

    async def graph_store_write(request: Request) -> Response:
        try:
            refusal = _authorize(request, state)
            if refusal is not None:
                return refusal
            graph = _target(request)
            name = "DEFAULT" if graph is None else f"GRAPH {ox.NamedNode(graph)}"
            try:
                existed = await _exists(graph)
            except QueryError as e:
                return _query_error_response(e)
            if request.method == "DELETE":
                if not existed:
                    return _error(404, f"no graph <{graph}>")
                update = "CLEAR DEFAULT" if graph is None else f"DROP {name}"
            else:
                triples = await _parse_body(request, graph)
                parts = []
                if request.method == "PUT":
                    parts.append("CLEAR SILENT DEFAULT" if graph is None else f"DROP SILENT {name}")
                if triples:
                    parts.append(_insert(graph, triples))
                elif graph is not None:
                    parts.append(f"CREATE SILENT {name}")
                update = " ;\n".join(parts)
            response = await run_update(update, check=False, graphs={graph})
            if response.status_code != 200:
                return response
            status = 201 if request.method in ("PUT", "POST") and not existed else 204
            return Response(status_code=status)
        except BadRequest as e:
            return _error(e.status, e.message, e.headers)

    for method, what in (("PUT", "replace"), ("POST", "add to"), ("DELETE", "drop")):
        router.add_api_route(gsp_path, graph_store_write, methods=[method], response_class=Response,
                             summary=f"Graph Store Protocol: {what} a graph (token)",
                             name=f"graph_store_{method.lower()}",
                             operation_id=f"graph_store_{method.lower()}")

    return router


# ============================================================== CORS
def sparql_cors(app) -> CORSMiddleware:
    """The CORS layer of the SPARQL paths (any origin, no credentials); the fast path in front of
    the app (api/sparql_fast_path.py) adds its headers with the same layer's `send`."""
    return CORSMiddleware(
        app, allow_origins=["*"], allow_methods=["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"],
        allow_headers=["*"], allow_credentials=False, max_age=86400,
        expose_headers=[TRUNCATED_HEADER, ROW_CAP_HEADER, ERROR_HEADER, "Retry-After",
                        "WWW-Authenticate", "Content-Length"],
    )


class _PathCORS:
    """CORSMiddleware (any origin, no credentials) for some paths only."""

    def __init__(self, app, paths: Iterable[str] = ("/sparql", "/graph-store")):
        self.app = app
        self.paths = tuple(paths)
        self.cors = sparql_cors(app)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("path") in self.paths:
            await self.cors(scope, receive, send)
        else:
            await self.app(scope, receive, send)


def add_cors(app, paths: Iterable[str] = ("/sparql", "/graph-store")) -> None:
    """Allow cross-origin use (YASGUI and other browser clients) of the SPARQL paths,
    including OPTIONS preflight. A Bearer token is not an ambient credential, so
    allowing any origin does not expose updates to other sites."""
    app.add_middleware(_PathCORS, paths=tuple(paths))
