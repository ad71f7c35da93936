"""The fast path of /sparql (api/sparql_fast_path.py) over HTTP: every request gets the same status,
headers and bytes as from a server whose app answers it all (every query in a worker), and only
bounded queries answered 200 are served by the fast path; the rest (errors, limits, CORS
preflight, HEAD, updates, unbounded and hostile queries) goes to the app, heavy queries to a
time-limited worker."""
from __future__ import annotations

import contextlib
import shutil
import threading
import time
from urllib.parse import urlencode

import httpx
import pytest
import uvicorn

from server import free_port
from styrgraf.api.app import create_app
from styrgraf.api.security import server_options
from styrgraf.api.sparql_fast_path import SparqlFastPath
from styrgraf.config import Settings
from test_hostile_queries import CARTESIAN

BASE = "https://w3id.org/styrgraf/"
AMN = BASE + "id/org/stockholms-stad/arbetsmarknadsnamnden"
AF = BASE + "id/org/arbetsformedlingen"            # more triples than the event loop reads
SG = "https://w3id.org/styrgraf/ns#"
TOKEN = "fast-path-test-token-3b1f"
TIMEOUT = 3.0

POINT = f"SELECT ?p ?o WHERE {{ <{AMN}> ?p ?o }}"
BIG = f"SELECT ?p ?o WHERE {{ <{AF}> ?p ?o }}"
PAGE = f"PREFIX sg: <{SG}>\nSELECT ?s WHERE {{ ?s a sg:Evidence }} LIMIT 5 OFFSET 3"
ASK = f"ASK {{ <{AMN}> ?p ?o }}"
CONSTRUCT = f"CONSTRUCT WHERE {{ <{AMN}> ?p ?o }}"
DESCRIBE = f"DESCRIBE <{AF}>"
JOIN = f"SELECT ?o ?x WHERE {{ <{AMN}> ?p ?o . ?o ?q ?x }} LIMIT 5"
JSON, XML, CSV, TSV = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                       "text/tab-separated-values")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
DIRECT = {"Content-Type": "application/sparql-query"}
NO_ACCEPT = None                                   # the request carries no Accept header


@contextlib.contextmanager
def serving(settings: Settings):
    """`styrgraf serve`'s app and uvicorn options, served from a thread of this process (so the
    test sees which requests the fast path answered)."""
    app = create_app(settings)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning",
                                           **server_options(settings)))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{server.config.port}", app.state.styrgraf
    finally:
        server.should_exit = True
        thread.join(30)


@pytest.fixture(scope="module")
def servers(corpus_store_copy, tmp_path_factory):
    """(fast, app, answered): a server as `styrgraf serve` runs, and one over a copy of the store
    whose every query goes to a worker (no bounded queries: its fast path serves nothing); the list
    of the fast server's requests its fast path answered (True) or handed on (False)."""
    other = tmp_path_factory.mktemp("fast-path") / "store"
    shutil.copytree(corpus_store_copy, other)
    answered: list[bool] = []
    original = SparqlFastPath._answer

    async def spy(self, scope, receive, received):
        response = await original(self, scope, receive, received)
        if self.state is fast_state:
            answered.append(response is not None)
        return response

    common = {"query_workers": 1, "timeout": TIMEOUT, "update_token": TOKEN}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(SparqlFastPath, "_answer", spy)
        with serving(Settings.from_env(store=str(corpus_store_copy), **common)) as (fast, fast_state), \
                serving(Settings.from_env(store=str(other), bounded_threads=0, **common)) as (app, _):
            yield fast, app, answered


def request(client: httpx.Client, method: str, *, url: str = "/sparql", accept: str | None = JSON, params=None,
            headers=None, content: bytes | None = None, chunked: bool = False) -> httpx.Response:
    req = client.build_request(method, url, params=params, headers=headers,
                               content=iter([content]) if chunked else content)     # chunked: no Content-Length
    if accept is None:
        del req.headers["accept"]
    else:
        req.headers["accept"] = accept
    return client.send(req)


def form(query: str, **more) -> bytes:
    return urlencode({"query": query, **more}, doseq=True).encode()


def graph_of(app: str) -> str:
    """A named graph that states AMN's triples."""
    r = httpx.post(app + "/sparql", data={"query": f"SELECT ?g WHERE {{ GRAPH ?g {{ <{AMN}> ?p ?o }} }} LIMIT 1"},
                   headers={"Accept": JSON}, timeout=60)
    return r.json()["results"]["bindings"][0]["g"]["value"]


# (id, method, request keywords, answered by the fast path); "{g}" in a value is a graph of the store
CASES = [
    # bounded queries, every way the protocol sends them
    ("get", "GET", {"params": {"query": POINT}}, True),
    ("form", "POST", {"headers": FORM, "content": form(POINT)}, True),
    ("direct", "POST", {"headers": DIRECT, "content": POINT.encode()}, True),
    ("direct-utf8", "POST", {"headers": {"Content-Type": "application/sparql-query; charset=UTF-8"},
                             "content": POINT.encode()}, True),
    ("form-and-url", "POST", {"params": {"format": "csv"}, "headers": FORM, "content": form(POINT)}, True),
    ("thread", "POST", {"headers": FORM, "content": form(BIG)}, True),
    ("page", "GET", {"params": {"query": PAGE}}, True),
    ("ask", "GET", {"params": {"query": ASK}}, True),
    ("ask-xml", "GET", {"params": {"query": ASK}, "accept": XML}, True),
    # content negotiation
    *[(f"accept-{i}", "POST", {"headers": FORM, "content": form(POINT), "accept": a}, True)
      for i, a in enumerate([XML, CSV, TSV, "application/json", "*/*", NO_ACCEPT, BROWSER,
                             "text/csv;q=0.5, application/sparql-results+json"])],
    ("format-param", "GET", {"params": {"query": POINT, "format": "tsv"}}, True),
    *[(f"graph-{i}", "POST", {"headers": FORM, "content": form(q), "accept": a}, True)
      for i, (q, a) in enumerate([(CONSTRUCT, "text/turtle"), (CONSTRUCT, "application/n-triples"),
                                  (DESCRIBE, "application/ld+json"), (DESCRIBE, "application/rdf+xml"),
                                  (DESCRIBE, "application/n-quads"), (CONSTRUCT, NO_ACCEPT), (DESCRIBE, BROWSER)])],
    # the request's dataset
    ("default-graph-uri", "GET", {"params": {"query": POINT, "default-graph-uri": "{g}"}}, True),
    ("named-graph-uri", "POST", {"headers": FORM, "content": form(POINT, **{"named-graph-uri": "{g}"})}, True),
    ("both-graphs", "POST", {"params": {"default-graph-uri": "{g}"}, "headers": DIRECT,
                             "content": POINT.encode()}, True),
    # CORS and credentials
    ("origin", "GET", {"params": {"query": POINT}, "headers": {"Origin": "https://yasgui.example"}}, True),
    ("origin-cookie", "POST", {"headers": {**FORM, "Origin": "https://yasgui.example", "Cookie": "a=b"},
                               "content": form(POINT)}, True),
    ("preflight", "OPTIONS", {"headers": {"Origin": "https://yasgui.example",
                                          "Access-Control-Request-Method": "POST",
                                          "Access-Control-Request-Headers": "content-type"}}, False),
    ("options", "OPTIONS", {}, False),
    ("head", "HEAD", {"params": {"query": POINT}}, False),
    ("authorization", "POST", {"headers": {**FORM, "Authorization": "Bearer wrong"}, "content": form(POINT)}, False),
    ("chunked", "POST", {"headers": FORM, "content": form(POINT), "chunked": True}, False),
    # limits
    ("body-too-large", "POST", {"headers": DIRECT, "content": (POINT + "\n#" + "x" * (1 << 20)).encode()}, False),
    ("url-too-long", "GET", {"params": {"query": POINT + "\n#" + "x" * 40_000}}, False),
    ("headers-too-large", "GET", {"params": {"query": POINT}, "headers": {"X-Big": "x" * 40_000}}, False),
    ("query-not-utf8", "GET", {"url": "/sparql?query=%FF"}, False),
    # errors the app words
    ("syntax", "GET", {"params": {"query": "SELECT * WHERE { ex:a ?p ?o }"}}, False),
    ("not-acceptable", "GET", {"params": {"query": POINT}, "accept": "image/png"}, False),
    ("content-type", "POST", {"headers": {"Content-Type": "text/plain"}, "content": POINT.encode()}, False),
    ("twice", "GET", {"params": [("query", POINT), ("query", ASK)]}, False),
    ("bad-graph", "GET", {"params": {"query": POINT, "default-graph-uri": "not an iri"}}, False),
    ("update", "POST", {"headers": FORM, "content": urlencode({"update": "CLEAR ALL"}).encode()}, False),
    ("service-description", "GET", {}, False),
    # not bounded: a worker's
    ("join", "POST", {"headers": FORM, "content": form(JOIN)}, False),
    ("cartesian", "POST", {"headers": FORM, "content": form(CARTESIAN)}, False),
]


def _with_graph(value, g: str):
    if isinstance(value, str):
        return value.replace("{g}", g)
    if isinstance(value, bytes):
        return value.replace(b"%7Bg%7D", urlencode({"": g})[1:].encode())
    if isinstance(value, dict):
        return {k: _with_graph(v, g) for k, v in value.items()}
    return value


@pytest.mark.parametrize("name,method,kw,fast", CASES, ids=[c[0] for c in CASES])
def test_the_fast_path_answers_as_the_app_does(servers, name, method, kw, fast):
    fast_url, app_url, answered = servers
    g = graph_of(app_url)
    kw = {k: _with_graph(v, g) for k, v in kw.items()}
    repeats = 1 if name == "cartesian" else 2           # computed, then (a 200) from the result cache
    with httpx.Client(base_url=fast_url, timeout=60) as a, httpx.Client(base_url=app_url, timeout=60) as b:
        for i in range(repeats):
            # one Host for both (the service description names the endpoint's URL)
            headers = {**kw.get("headers", {}), "X-Request-Id": f"fast-path-{name}-{i}", "Host": "sparql.test"}
            answered.clear()
            ra = request(a, method, **{**kw, "headers": headers})
            rb = request(b, method, **{**kw, "headers": headers})
            assert (ra.status_code, ra.content) == (rb.status_code, rb.content), (name, i, ra.text[:300], rb.text[:300])
            assert [h for h in ra.headers.raw if h[0].lower() != b"date"] == \
                [h for h in rb.headers.raw if h[0].lower() != b"date"], (name, i)
            assert answered[-1:] == [fast] or (method not in ("GET", "POST") and answered == []), (name, i, answered)
    if fast:
        assert ra.status_code == 200
    if name == "cartesian":
        assert ra.status_code == 503 and ra.headers["x-styrgraf-error"] == "timeout", ra.text
