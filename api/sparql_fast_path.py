"""The fast path of /sparql: bounded queries answered in front of the app.

    SparqlFastPath(app, state=state, limits=limits)      # app: the whole app with its layers

One pure-ASGI layer outside every other layer of the app (api/app.py puts it there). A GET or
POST /sparql whose query the server answers itself rather than a worker (a bounded query,
styrgraf.bounded_query; QueryExecutor.in_server) is answered here by the functions the full app
uses: the protocol parameters, analysis and negotiation of api/sparql.py, the executor with its
result cache (`answer_query`), then the CORS layer's headers (`sparql_cors`) and the security
headers and request id (api/security.py). The response is the full app's, status, headers and
bytes, without its layers of middleware, routing and dependency injection: on a point lookup
those held the event loop (and the GIL) ~100 µs a request, a quarter of all it held it for.

Everything else goes to the full app, the body already read handed on unchanged: another path
or method (HEAD, OPTIONS), a request the limits layer could refuse or that carries credentials, a
body without Content-Length, a parameter the full app would refuse, an update, a query that is
not bounded or that the loop cannot analyse at once, no acceptable format, and every answer but
200 (the query then runs again in the app, which words the error).
"""
from __future__ import annotations

import functools

from starlette.datastructures import Headers
from starlette.responses import Response

from .security import Limits, request_id, request_line_problem, with_security_headers
from .sparql import (BadRequest, analysis_on_loop, answer_query, dataset, negotiated, one_param, protocol_params,
                     sparql_cors)
from .state import ServerState

__all__ = ["SparqlFastPath"]


class SparqlFastPath:
    def __init__(self, app, state: ServerState, limits: Limits):
        self.app = app
        self.state = state
        self.path = state.sparql_url_path
        self.limits = limits
        self.cors = sparql_cors(app)         # only its `send` is used: the headers it adds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"] != self.path or scope["method"] not in ("GET", "POST"):
            await self.app(scope, receive, send)
            return
        received: list[dict] = []
        try:
            response = await self._answer(scope, receive, received)
        except Exception:  # noqa: BLE001 - whatever failed, the full app answers it (and words it)
            response = None
        if response is None:
            await self.app(scope, _replay(received, receive) if received else receive, send)
            return
        rid = request_id(scope)

        async def send_secured(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = with_security_headers(message, rid)
            await send(message)

        cors_send = functools.partial(self.cors.send, send=send_secured, request_headers=Headers(scope=scope))
        await response(scope, receive, cors_send)

    async def _answer(self, scope: dict, receive, received: list[dict]) -> Response | None:
        """The full app's 200 response to a bounded query, or None: not one this path serves.
        The request's body messages are kept in `received`."""
        headers: dict[bytes, bytes] = {}
        for k, v in scope["headers"]:
            headers.setdefault(k, v)          # the first of a repeated header, as the app reads it
        if b"authorization" in headers or b"transfer-encoding" in headers \
                or request_line_problem(scope, self.limits) is not None:
            return None
        body = b""
        if scope["method"] == "POST":
            try:
                declared = int(headers[b"content-length"])
            except (KeyError, ValueError):
                return None
            if declared > self.limits.max_request_bytes:
                return None
            more = True
            while more:
                message = await receive()
                received.append(message)
                if message["type"] != "http.request":
                    return None
                body += message.get("body", b"")
                more = message.get("more_body", False)
        elif b"content-length" in headers:
            return None
        content_type = headers.get(b"content-type")
        try:
            params = protocol_params(scope["method"], scope["query_string"],
                                     content_type.decode("latin-1") if content_type is not None else None, body)
            query = one_param(params, "query")
            if query is None or one_param(params, "update") is not None:
                return None
            graphs = dataset(params)
        except BadRequest:
            return None
        info = analysis_on_loop(query)
        if info is None:
            return None
        accept = headers.get(b"accept")
        offers = negotiated(params, info, accept.decode("latin-1") if accept is not None else None)
        executor = self.state.executor
        if isinstance(offers, Response) or not executor.in_server(info, executor.row_cap, *graphs):
            return None
        response = await answer_query(self.state, query, info, graphs, offers)
        return response if response.status_code == 200 else None


def _replay(received: list[dict], receive):
    """`receive` that first gives back the messages already read."""
    pending = list(received)

    async def replay() -> dict:
        return pending.pop(0) if pending else await receive()

    return replay
