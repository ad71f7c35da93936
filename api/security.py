"""HTTP-level protections of the styrgraf app.

    install_security(app, settings)     # once, in create_app, after add_cors(app)

It adds three ASGI layers:

outermost (`HeadMiddleware`)
    * HEAD is answered wherever GET is (RFC 9110 §9.3.2): the request runs as a GET and only
      the response's status and headers are sent (Content-Length as GET's), no body.

around CORS and everything else (`SecurityHeadersMiddleware`)
    * gives every request an id (a client's own `X-Request-Id` of up to 64
      characters [A-Za-z0-9._-] is kept, otherwise a fresh one) and answers it in
      the `X-Request-Id` header;
    * adds the security headers to every response that does not set them itself:
      `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`,
      `Referrer-Policy: same-origin`, and a `Content-Security-Policy`: for HTML pages
      scripts only from this origin (no inline script, no eval) and
      `frame-ancestors 'none'`; for everything else `default-src 'none'`;
    * turns an unhandled exception into a plain 500 with the request id (the
      traceback goes to the server's log, logger `styrgraf.security`, never to the
      client) and replaces any error body that would show internal detail (a
      traceback, a file path of the installation or of the store) the same way.
      A query error that a route let through keeps its meaning: time or memory limit or
      busy workers -> 503 (`X-Styrgraf-Error: timeout|memory|busy`), a query that the
      request's input made malformed or refused -> 400.

innermost (`RequestLimitsMiddleware`, inside CORS, so browser clients can read its refusals)
    * URL longer than `max_url_bytes` -> 414; request headers larger in total than
      `max_header_bytes` -> 431;
    * a path or query string whose percent-decoded bytes are not UTF-8, or a path that
      decodes to characters that cannot occur in an IRI (controls, space, <>"{}|\\^`)
      -> 400 with a message;
    * a request body larger than `max_request_bytes` -> 413 (declared by
      Content-Length: before reading it; otherwise as soon as the limit is passed).
      A request that carries the valid update token may send up to
      `max_update_bytes` (Graph Store uploads, SPARQL Update).

The refusals are one line of text/plain (JSON under /api/), like the endpoint's own
errors. Limits come from styrgraf.config.Settings (STYRGRAF_MAX_REQUEST_BYTES,
STYRGRAF_MAX_UPDATE_BYTES, STYRGRAF_MAX_URL_BYTES, STYRGRAF_MAX_HEADER_BYTES).

Below the app, `server_options(settings)` gives uvicorn an idle timeout and a connection
limit (`IdleTimeoutProtocol`; STYRGRAF_IDLE_TIMEOUT, STYRGRAF_MAX_CONNECTIONS).
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from styrgraf.query_errors import QueryError, QueryRefused, QuerySyntaxError

from .problems import query_problem
from .sparql import bearer_credential, token_is_valid

__all__ = ["install_security", "server_options", "HeadMiddleware", "SecurityHeadersMiddleware",
           "RequestLimitsMiddleware", "IdleTimeoutProtocol", "Limits", "with_security_headers",
           "request_line_problem",
           "PAGE_CSP", "API_CSP", "REQUEST_ID_HEADER"]

log = logging.getLogger("styrgraf.security")

REQUEST_ID_HEADER = "X-Request-Id"

# The pages load their scripts from /static (no inline script, no inline event handler,
# no eval); the ontology page and the editors' generated CSS use inline styles, and the
# ontology page embeds its icons as data: URIs.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
# data (JSON, RDF, CSV, dumps, static files): nothing in it may run or be framed
API_CSP = "default-src 'none'; frame-ancestors 'none'"

_STATIC_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
)
_REQUEST_ID_RE = re.compile(r"[A-Za-z0-9._-]{1,64}")
# characters that may not occur (unencoded) in an IRI: a path that decodes to one of
# them cannot name a resource here
_NOT_IN_IRI = re.compile(r'[\x00-\x20\x7f-\x9f<>"{}|\\^`]')
_SCRUB_MAX = 256 * 1024          # error bodies up to this size are checked for internal detail


class _BodyTooLarge(Exception):
    pass


@dataclass(frozen=True)
class Limits:
    max_request_bytes: int = 1024 * 1024
    max_update_bytes: int = 64 * 1024 * 1024
    max_url_bytes: int = 32 * 1024
    max_header_bytes: int = 32 * 1024

    @classmethod
    def from_settings(cls, settings: Any) -> "Limits":
        kw = {}
        for name in ("max_request_bytes", "max_update_bytes", "max_url_bytes", "max_header_bytes"):
            value = getattr(settings, name, None)
            if value:
                kw[name] = int(value)
        return cls(**kw)


# ============================================================== small ASGI helpers
def _header(scope: dict, name: bytes) -> bytes | None:
    for k, v in scope.get("headers") or ():
        if k == name:
            return v
    return None


def request_id(scope: dict) -> str:
    state = scope.setdefault("state", {})
    rid = state.get("request_id")
    if rid:
        return rid
    given = _header(scope, b"x-request-id")
    if given is not None:
        try:
            text = given.decode("ascii")
        except UnicodeDecodeError:
            text = ""
        if _REQUEST_ID_RE.fullmatch(text):
            rid = text
    rid = rid or os.urandom(8).hex()
    state["request_id"] = rid
    return rid


def _wants_json(scope: dict) -> bool:
    return str(scope.get("path", "")).startswith("/api/")


async def _send_error(send, scope: dict, status: int, message: str,
                      headers: list[tuple[bytes, bytes]] | None = None) -> None:
    """A one-line text/plain (JSON under /api/) error with the request id. Refusals sent before
    the request body was read pass `Connection: close` in `headers`."""
    rid = request_id(scope)
    if _wants_json(scope):
        body = json.dumps({"detail": message, "request_id": rid}, ensure_ascii=False).encode("utf-8")
        media = b"application/json"
    else:
        body = (message.rstrip() + "\n").encode("utf-8")
        media = b"text/plain; charset=utf-8"
    out = [(b"content-type", media), (b"content-length", str(len(body)).encode()),
           (REQUEST_ID_HEADER.lower().encode(), rid.encode())]
    out += headers or []
    await send({"type": "http.response.start", "status": status, "headers": out})
    await send({"type": "http.response.body", "body": body, "more_body": False})


def _internal_error_message(rid: str) -> str:
    return f"internal server error (request id {rid}); the details are in the server's log"


def _error_answer(exc: BaseException, rid: str) -> tuple[int, str, list[tuple[bytes, bytes]], bool]:
    """(status, message, headers, log the traceback?) for an exception a route let through."""
    if isinstance(exc, ClientDisconnect):      # gone mid-request (or closed by the idle timeout)
        return 400, "the client went away before its request was complete", [], False
    if not isinstance(exc, QueryError):
        return 500, _internal_error_message(rid), [], True
    # a query error keeps its meaning where it is the client's (refused) or says to try again
    p = query_problem(exc)
    headers = [(k.lower().encode(), v.encode()) for k, v in p.headers.items()]
    if p.retry or isinstance(exc, QueryRefused):
        return p.status, p.message, headers, False
    if p.status >= 500:
        return p.status, _internal_error_message(rid), headers, True
    if isinstance(exc, QuerySyntaxError):
        # a route built a query that does not parse: a fault here, so the engine's text is not shown
        return 400, (f"the request could not be answered: it does not make a valid query "
                     f"(request id {rid})"), headers, True
    return 500, _internal_error_message(rid), [], True


async def _answer_exception(send, scope: dict, exc: BaseException, rid: str) -> None:
    status, message, headers, trace = _error_answer(exc, rid)
    if trace:
        log.error("request %s: %s %s failed", rid, scope.get("method"), scope.get("path"),
                  exc_info=(type(exc), exc, exc.__traceback__))
    else:
        log.warning("request %s: %s %s: %s", rid, scope.get("method"), scope.get("path"), message)
    await _send_error(send, scope, status, message, headers)


# ============================================================== outermost layer
class HeadMiddleware:
    """HEAD as GET without the body. A streamed body (a dump) stops at once: the server reports
    the client gone as soon as the response is complete."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        complete = False

        async def send_head(message: dict) -> None:
            nonlocal complete
            if message["type"] == "http.response.body":
                if complete:
                    return
                complete = True
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_head)


# ============================================================== around CORS
def with_security_headers(message: dict, rid: str) -> dict:
    """A response's http.response.start `message` with the security headers and the request id
    `rid` added where the response does not set them itself."""
    headers = list(message.get("headers") or [])
    present = {k.lower() for k, _ in headers}
    for k, v in _STATIC_HEADERS:
        if k not in present:
            headers.append((k, v))
    if b"content-security-policy" not in present:
        media = b""
        for k, v in headers:
            if k.lower() == b"content-type":
                media = v.split(b";")[0].strip().lower()
        csp = PAGE_CSP if media in (b"text/html", b"application/xhtml+xml") else API_CSP
        headers.append((b"content-security-policy", csp.encode()))
    if b"x-request-id" not in present:
        headers.append((b"x-request-id", rid.encode()))
    return {**message, "headers": headers}


class SecurityHeadersMiddleware:
    """Request ids, security headers, and no internal detail in any answer."""

    def __init__(self, app, markers: tuple[str, ...] = ()):
        self.app = app
        self.markers = tuple(m for m in markers if m)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id(scope)
        path = scope.get("path", "")
        started = False
        held: dict | None = None     # an error response's start, held while its body is checked
        swallow = False              # the rest of a replaced body
        chunks: list[bytes] = []

        def add_headers(message: dict) -> dict:
            return with_security_headers(message, rid)

        async def send_wrapper(message: dict) -> None:
            nonlocal started, held, swallow
            if message["type"] == "http.response.start":
                started = True
                message = add_headers(message)
                if message["status"] >= 400 and self.markers:
                    held = message
                    return
                await send(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            if swallow:
                return
            if held is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
            if more and sum(map(len, chunks)) <= _SCRUB_MAX:
                return
            start, held = held, None
            body = b"".join(chunks)
            chunks.clear()
            if self._leaks(body):
                log.error("request %s: %s %s answered %s with internal detail, replaced: %r",
                          rid, scope.get("method"), path, start["status"], body[:2000])
                await self._replace(send, scope, start, rid)
                swallow = more
                return
            await send(start)
            await send({"type": "http.response.body", "body": body, "more_body": more})

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception as exc:
            if not started:
                await _answer_exception(_SendWithHeaders(send, add_headers), scope, exc, rid)
                return
            log.error("request %s: %s %s failed after its answer began", rid, scope.get("method"), path,
                      exc_info=True)
            if held is not None:
                await self._replace(send, scope, held, rid)

    def _leaks(self, body: bytes) -> bool:
        if not body:
            return False
        text = body.decode("utf-8", "replace")
        return any(m in text for m in self.markers)

    async def _replace(self, send, scope: dict, start: dict, rid: str) -> None:
        status = start["status"]
        keep = [(k, v) for k, v in start.get("headers") or []
                if k.lower() not in (b"content-type", b"content-length", b"content-encoding")]
        message = _internal_error_message(rid) if status >= 500 else \
            f"the request could not be answered (request id {rid})"
        if _wants_json(scope):
            body = json.dumps({"detail": message, "request_id": rid}).encode()
            media = b"application/json"
        else:
            body = (message + "\n").encode()
            media = b"text/plain; charset=utf-8"
        keep += [(b"content-type", media), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": keep})
        await send({"type": "http.response.body", "body": body, "more_body": False})


class _SendWithHeaders:
    def __init__(self, send, add_headers):
        self.send, self.add_headers = send, add_headers

    async def __call__(self, message: dict) -> None:
        if message["type"] == "http.response.start":
            message = self.add_headers(message)
        await self.send(message)


# ============================================================== innermost layer
class RequestLimitsMiddleware:
    """Size limits and UTF-8 checks before a request reaches a route; also catches exceptions
    (inside CORS, so a browser client can read the 500)."""

    def __init__(self, app, limits: Limits, update_token: str | None = None):
        self.app = app
        self.limits = limits
        self.token = update_token

    def _authorised(self, scope: dict) -> bool:
        if not self.token:
            return False
        header = _header(scope, b"authorization")
        presented = bearer_credential(header.decode("latin-1") if header else None)
        return presented is not None and token_is_valid(presented, self.token)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = request_line_problem(scope, self.limits)
        if problem is not None:
            await _send_error(send, scope, *problem)
            return

        limit = self.limits.max_update_bytes if self._authorised(scope) else self.limits.max_request_bytes
        declared = _header(scope, b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = -1
            if size > limit:
                await _send_error(send, scope, 413, _too_large(limit), [(b"connection", b"close")])
                return

        received = 0
        too_large = False
        started = False

        async def limited_receive() -> dict:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    too_large = True
                    raise _BodyTooLarge()
            return message

        async def tracking_send(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                if too_large:      # a route caught the error and answered: the limit is the answer
                    raise _BodyTooLarge()
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await _send_error(send, scope, 413, _too_large(limit), [(b"connection", b"close")])
        except Exception as exc:
            if started:
                raise
            await _answer_exception(send, scope, exc, request_id(scope))


def request_line_problem(scope: dict, limits: Limits) -> tuple[int, str] | None:
    """(status, message) if the URL or the headers break the limits or are not UTF-8, else None."""
    raw_path = scope.get("raw_path") or str(scope.get("path", "")).encode("utf-8", "surrogateescape")
    query = scope.get("query_string") or b""
    if len(raw_path) + len(query) + 1 > limits.max_url_bytes:
        return 414, (f"the URL is longer than {limits.max_url_bytes} bytes; "
                     "send a long SPARQL query with POST (application/sparql-query)")
    size = sum(len(k) + len(v) + 4 for k, v in scope.get("headers") or ())
    if size > limits.max_header_bytes:
        return 431, f"the request headers are larger than {limits.max_header_bytes} bytes"
    try:
        path = unquote_to_bytes(raw_path).decode("utf-8")
    except UnicodeDecodeError:
        return 400, "the URL's path is not valid UTF-8 (after percent-decoding)"
    if _NOT_IN_IRI.search(path):
        return 400, "the URL's path contains characters that cannot occur in an IRI"
    if query:
        try:
            unquote_to_bytes(query.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            return 400, ("the URL's query string is not valid UTF-8 (after percent-decoding); "
                         "percent-encode the UTF-8 bytes of each character")
    return None


def _too_large(limit: int) -> str:
    return f"request body larger than {limit} bytes"


# ============================================================== installation
def _markers(settings: Any) -> tuple[str, ...]:
    """Strings that never belong in an answer: the installation's and the store's paths."""
    here = Path(__file__).resolve()
    found = {str(here.parent.parent), str(here.parent), "site-packages", "dist-packages",
             "Traceback (most recent call last)", 'File "/'}
    if sys.prefix and sys.prefix not in ("/", "/usr", "/usr/local"):
        found.add(sys.prefix)
    store = getattr(settings, "store", None)
    if store and not getattr(settings, "remote", False):
        try:
            found.add(str(Path(store).resolve()))
            found.add(str(Path(store)))
        except (OSError, ValueError):
            pass
    return tuple(sorted(m for m in found if len(m) > 3))


def install_security(app, settings: Any) -> None:
    """Add the protections to a FastAPI/Starlette app (before it starts serving).

    HEAD goes outermost, then the header layer (it also covers CORS preflight answers); the
    limits layer innermost, so CORS headers are added to its refusals."""
    limits = Limits.from_settings(settings)
    app.user_middleware.insert(0, Middleware(SecurityHeadersMiddleware, markers=_markers(settings)))
    app.user_middleware.insert(0, Middleware(HeadMiddleware))
    app.user_middleware.append(Middleware(RequestLimitsMiddleware, limits=limits,
                                          update_token=getattr(settings, "update_token", None)))
    app.state.security_limits = limits


# ============================================================== connections
class IdleTimeoutProtocol(HttpToolsProtocol):
    """uvicorn's HTTP/1.1 protocol with the guards of file descriptors it lacks.

    * uvicorn closes a keep-alive connection `timeout_keep_alive` seconds after a response, but
      never one that sends no request or stops in the middle of one (~20,000 of them used up
      the file descriptors). Here a client has that long to send a request's headers from the
      moment the connection waits for one (nginx's client_header_timeout), and a request body
      may stall that long between two reads (client_body_timeout).
    * uvicorn answers a request 503 once `limit_concurrency` connections are open, idle ones
      included; so a new connection first closes the one idle longest: idle connections cannot
      lock clients out, only requests in progress fill the limit."""

    idle_since: float | None = None             # waiting for a request since (None: answering one)
    _timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._idle()
        if self.limit_concurrency and len(self.connections) >= self.limit_concurrency:
            idle = [c for c in self.connections if c is not self and getattr(c, "idle_since", None) is not None]
            if idle:
                oldest = min(idle, key=lambda c: c.idle_since)
                self.connections.discard(oldest)    # counted out now; its connection_lost comes later
                oldest.transport.close()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.cycle is None or self.cycle.response_complete:
            return                                  # part of a request's headers: the deadline stands
        self.idle_since = None
        if self.cycle.more_body:
            self._arm()                             # a body: a timeout between two reads
        else:
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.cycle.response_complete and not self.transport.is_closing():
            self._idle()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _idle(self) -> None:
        self.idle_since = self.loop.time()
        self._arm()

    def _arm(self) -> None:
        self._disarm()
        self._timer = self.loop.call_later(self.timeout_keep_alive, self._timed_out)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _timed_out(self) -> None:
        self._timer = None
        cycle = self.cycle
        if self.flow.read_paused or (cycle is not None and cycle.waiting_for_100_continue):
            self._arm()                             # the app has not asked for the body yet
        else:
            self.transport.close()


def server_options(settings: Any) -> dict[str, Any]:
    """uvicorn's options for the connection limits of `settings` (styrgraf.config.Settings)."""
    return {"http": IdleTimeoutProtocol, "timeout_keep_alive": settings.idle_timeout,
            "limit_concurrency": settings.connection_limit}
