"""The SPARQL 1.1 Protocol endpoint over HTTP: real store on disk, real worker
processes, real uvicorn on a loopback port; httpx and curl as clients."""
from __future__ import annotations

import asyncio
import concurrent.futures
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
import uvicorn
from fastapi import FastAPI

from styrgraf.query_errors import ExecutorBusy, QueryError, QueryRefused, QuerySyntaxError
from styrgraf.api.executor import QueryExecutor
from styrgraf.store import bump_generation, current_generation
from styrgraf.query_text import analyse_query, analyse_update, cap_query
from styrgraf.api.sparql import add_cors, negotiate, RESULT_OFFERS, GRAPH_OFFERS, sparql_router
from styrgraf.store import Store
from conftest import keep_merge

BASE = "https://w3id.org/styrgraf/"
TOKEN = "s3cret-token"
SG = "https://w3id.org/styrgraf/ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
G_A = BASE + "graph/doc-a"
G_B = BASE + "graph/doc-b"
G_BULK = BASE + "graph/bulk"
BODY_A = BASE + "id/org/goteborg/arbetsmarknadsnamnden"
BODY_B = BASE + "id/org/goteborg/servicenamnden"
ROW_CAP = 2000
BULK = 3000
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


# ============================================================== fixtures (also used by test_sparql_clients)
def build_store(path: Path, bulk: int = BULK) -> Path:
    """A small on-disk store: two document graphs and a bulk graph, written with pyoxigraph."""
    s = ox.Store(str(path))
    n = ox.NamedNode
    a, pref, kind = n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), n(SKOS + "prefLabel"), n(SG + "kind")
    quads = [
        ox.Quad(n(BODY_A), a, n(SG + "Committee"), n(G_A)),
        ox.Quad(n(BODY_A), pref, ox.Literal("Arbetsmarknadsnämnden", language="sv"), n(G_A)),
        ox.Quad(n(BODY_A), kind, n("https://w3id.org/styrgraf/kind/body/namnd"), n(G_A)),
        ox.Quad(n(BODY_B), a, n(SG + "Committee"), n(G_B)),
        ox.Quad(n(BODY_B), pref, ox.Literal("Servicenämnden", language="sv"), n(G_B)),
        ox.Quad(n(BODY_B), n(SG + "note"), ox.Literal('a "quoted", comma\nand newline'), n(G_B)),
    ]
    quads += [ox.Quad(n(f"{BASE}id/x/{i}"), n(SG + "seq"), ox.Literal(str(i), datatype=n("http://www.w3.org/2001/XMLSchema#integer")), n(G_BULK))
              for i in range(bulk)]
    s.extend(quads)
    keep_merge(s)
    s.flush()
    del s
    return path


class State:
    """What sparql_router needs; write() goes through styrgraf.store.Store and bumps the generation."""

    def __init__(self, store: Store, executor: QueryExecutor, token: str | None = TOKEN):
        self.store = store
        self.store_path = str(store.path)
        self.executor = executor
        self.update_token = token
        self.base = BASE
        self.sparql_url_path = "/sparql"
        self.writes: list[str] = []

    def write(self, update_sparql: str, *, base_iri: str | None = None, graphs=None) -> None:
        self.store.ox.update(update_sparql, base_iri=base_iri)
        self.writes.append(update_sparql)
        bump_generation(self.store_path)


def make_test_app(store_path, *, executor: QueryExecutor | None = None, token: str | None = TOKEN,
                  store: Store | None = None) -> FastAPI:
    store = store or Store(store_path)
    executor = executor or QueryExecutor(store_path, workers=2, timeout=1.0, queue_timeout=10.0,
                                         row_cap=ROW_CAP)
    state = State(store, executor, token)
    app = FastAPI()
    app.include_router(sparql_router(state))

    @app.get("/elsewhere")
    async def elsewhere() -> dict:
        return {"ok": True}

    add_cors(app)
    app.state.sparql = state
    return app


class ServerThread:
    """uvicorn serving `app` on a pre-bound loopback socket, in a background thread."""

    def __init__(self, app: FastAPI):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "ServerThread":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


class Served:
    def __init__(self, server: ServerThread, app: FastAPI):
        self.server, self.app = server, app
        self.url = server.url
        self.sparql = server.url + "/sparql"
        self.gsp = server.url + "/graph-store"
        self.state: State = app.state.sparql
        self.executor: QueryExecutor = self.state.executor


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("sparql") / "store")
    app = make_test_app(path)
    app.state.sparql.executor.start(wait=True)
    with ServerThread(app) as server:
        yield Served(server, app)
    app.state.sparql.executor.close()


@pytest.fixture(scope="module")
def client(served):
    with httpx.Client(base_url=served.url, timeout=30) as c:
        yield c


def rows(response: httpx.Response) -> list[dict[str, str]]:
    doc = response.json()
    return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]


def listener():
    """A loopback TCP listener; returns (socket, url). accept() on it tells if anyone connected."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.settimeout(1.0)
    return srv, f"http://127.0.0.1:{srv.getsockname()[1]}/sparql"


def connected(srv: socket.socket) -> bool:
    try:
        conn, _ = srv.accept()
    except socket.timeout:
        return False
    conn.close()
    return True


# ============================================================== unit: query inspection
@pytest.mark.parametrize("query, refused", [
    ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("select * where { service silent <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?s ?p ?o . }SERVICE?x{ ?s ?p ?o }", "SERVICE"),
    ("SELECT * WHERE { ?s ?p ?o } # comment\nSERVICE <http://x/> {}", "SERVICE"),
    ("SELECT * WHERE { ?s ex:a\\#b ?o } SERVICE <http://x/> {}", "SERVICE"),   # \# is not a comment
    ("SELECT * WHERE { <http://a\\u0023b> ?p ?o . SERVICE <http://x/> {} }", "SERVICE"),
    ("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?s ?p 'SERVICE <http://x/> {}' }", None),
    ('SELECT * WHERE { ?s ?p """multi "" SERVICE\n""" }', None),
    ("SELECT * WHERE { ?s <http://x/SERVICE> ?o } # SERVICE <http://x/> {}", None),
    ("PREFIX service: <http://e/> SELECT ?service WHERE { ?service service:SERVICE ?o }", None),
    ('SELECT * WHERE { ?s ?p "kundservice och service" }', None),
])
def test_service_detection(query, refused):
    assert analyse_query(query).refused == refused


@pytest.mark.parametrize("update, refused", [
    ("LOAD <http://x/data.ttl>", "LOAD"),
    ("load silent <http://x/data.ttl> INTO GRAPH <http://g>", "LOAD"),
    ("INSERT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("INSERT DATA { <http://a> <http://b> 'please LOAD this' }", None),
    ("DROP SILENT GRAPH <http://x/load> ; INSERT DATA { GRAPH <http://x/load> { <http://a> <http://b> 1 } }", None),
])
def test_update_refusal_detection(update, refused):
    assert analyse_update(update) == refused


def test_cap_query_rewrites_only_the_top_level_limit():
    q = ("SELECT ?s (EXISTS { SELECT * WHERE { ?a ?b ?c } LIMIT 99999 } AS ?e) WHERE { ?s ?p ?o } "
         "ORDER BY ?s OFFSET 5 VALUES ?s { <http://a> }")
    info = analyse_query(q)
    assert info.limit is None and info.values_at is not None
    capped = cap_query(q, info, 10)
    assert "LIMIT 99999" in capped and "OFFSET 5 LIMIT 10\nVALUES" in capped
    q2 = "SELECT * { ?s ?p ?o } LIMIT 500000 # trailing"
    assert cap_query(q2, analyse_query(q2), 10) == "SELECT * { ?s ?p ?o } LIMIT 10 # trailing"
    q3 = "SELECT * { ?s ?p ?o } LIMIT 5"
    assert cap_query(q3, analyse_query(q3), 10) is None
    q4 = "SELECT * { ?s ?p ?o } # no limit"
    capped4 = cap_query(q4, analyse_query(q4), 10)
    assert ox.Store().query(capped4) is not None          # still parses: LIMIT after the comment line
    assert analyse_query("SELECT * FROM <http://g> { ?s ?p ?o }").has_dataset_clause


def test_negotiation():
    assert negotiate(None, RESULT_OFFERS).format == "JSON"
    assert negotiate("*/*", GRAPH_OFFERS).format == "TURTLE"
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_OFFERS).format == "XML"
    assert negotiate("application/turtle,text/turtle", GRAPH_OFFERS).media_type == "text/turtle"
    assert negotiate("image/png", RESULT_OFFERS) is None
    assert negotiate("application/sparql-results+json;q=0, */*;q=0.1", RESULT_OFFERS).format == "XML"


def test_generation_marker(tmp_path):
    assert current_generation(tmp_path) is None
    g1 = bump_generation(tmp_path)
    g2 = bump_generation(tmp_path)
    assert g1 != g2 and current_generation(tmp_path) == g2
    assert [p.name for p in tmp_path.iterdir()] == ["generation"]


# ============================================================== queries
def test_select_json_default(client):
    r = client.get("/sparql", params={"query": f"SELECT ?l WHERE {{ <{BODY_A}> <{SKOS}prefLabel> ?l }}"})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/sparql-results+json"
    assert rows(r) == [{"l": "Arbetsmarknadsnämnden"}]
    assert r.headers["x-styrgraf-truncated"] == "false"


def test_post_forms_and_formats(client):
    q = f"SELECT ?s ?o WHERE {{ ?s <{SG}note> ?o }}"
    form = client.post("/sparql", data={"query": q}, headers={"Accept": "text/csv"})
    assert form.status_code == 200 and form.headers["content-type"].startswith("text/csv")
    assert form.text.splitlines()[0] == "s,o" and '"a ""quoted"", comma' in form.text
    direct = client.post("/sparql", content=q.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"})
    assert direct.status_code == 200 and direct.text.startswith("?s\t?o\n")
    xml = client.get("/sparql", params={"query": q}, headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"] == "application/sparql-results+xml" and "<sparql" in xml.text
    # format= wins over Accept (browsers)
    f = client.get("/sparql", params={"query": q, "format": "tsv"}, headers={"Accept": "application/json"})
    assert f.headers["content-type"].startswith("text/tab-separated-values")


def test_ask(client):
    r = client.get("/sparql", params={"query": f"ASK {{ <{BODY_B}> ?p ?o }}"})
    assert r.status_code == 200, r.text
    assert r.json()["boolean"] is True


def test_construct_formats(client):
    q = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G_A}> {{ ?s ?p ?o }} }}"
    expected = rdflib.Graph()
    for fmt, media in [("turtle", "text/turtle"), ("nt", "application/n-triples"),
                       ("json-ld", "application/ld+json"), ("xml", "application/rdf+xml")]:
        r = client.get("/sparql", params={"query": q}, headers={"Accept": media})
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].split(";")[0] == media
        g = rdflib.Graph().parse(data=r.content, format=fmt)
        assert len(g) == 3
        if not len(expected):
            expected = g
        assert rdflib.compare.isomorphic(g, expected)
    default = client.get("/sparql", params={"query": q})
    assert default.headers["content-type"].startswith("text/turtle")
    nq = client.get("/sparql", params={"query": q}, headers={"Accept": "application/n-quads"})
    assert nq.status_code == 200 and len(nq.text.strip().splitlines()) == 3


def test_default_graph_is_union_and_protocol_dataset(client):
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a <{SG}Committee> }}"
    assert rows(client.get("/sparql", params={"query": q}))[0]["n"] == "2"
    only_a = client.get("/sparql", params={"query": q, "default-graph-uri": G_A})
    assert rows(only_a)[0]["n"] == "1"
    both = client.get("/sparql", params=[("query", q), ("default-graph-uri", G_A), ("default-graph-uri", G_B)])
    assert rows(both)[0]["n"] == "2"
    # FROM in the query is honoured (not overridden by the union default graph)
    q_from = f"SELECT (COUNT(*) AS ?n) FROM <{G_B}> WHERE {{ ?s a <{SG}Committee> }}"
    assert rows(client.get("/sparql", params={"query": q_from}))[0]["n"] == "1"
    # named-graph-uri restricts GRAPH ?g (and, per the protocol, empties the default graph)
    qg = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    named = client.post("/sparql", data={"query": qg, "named-graph-uri": G_B})
    assert rows(named) == [{"g": G_B}]
    bad = client.get("/sparql", params={"query": q, "default-graph-uri": "not an iri"})
    assert bad.status_code == 400


def test_row_cap_and_truncation_header(client):
    r = client.get("/sparql", params={"query": "SELECT ?s ?o WHERE { ?s ?p ?o }"})
    assert r.status_code == 200
    assert len(r.json()["results"]["bindings"]) == ROW_CAP
    assert r.headers["x-styrgraf-truncated"] == "true" and r.headers["x-styrgraf-row-cap"] == str(ROW_CAP)
    assert int(r.headers["content-length"]) == len(r.content) > 64 * 1024     # streamed in chunks
    small = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 10"})
    assert len(small.json()["results"]["bindings"]) == 10 and small.headers["x-styrgraf-truncated"] == "false"
    # a larger LIMIT is lowered to the cap; every serialiser is counted right
    for accept, count in [("text/csv", lambda t: len(t.splitlines()) - 1),
                          ("text/tab-separated-values", lambda t: len(t.splitlines()) - 1),
                          ("application/sparql-results+xml", lambda t: t.count("<result>"))]:
        big = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 100000"},
                         headers={"Accept": accept})
        assert count(big.text) == ROW_CAP and big.headers["x-styrgraf-truncated"] == "true"
    under = client.get("/sparql", params={"query": f"SELECT ?s WHERE {{ GRAPH <{G_A}> {{ ?s ?p ?o }} }}"})
    assert under.headers["x-styrgraf-truncated"] == "false"
    graph = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                       headers={"Accept": "application/n-triples"})
    assert len(graph.text.strip().splitlines()) == ROW_CAP and graph.headers["x-styrgraf-truncated"] == "true"


def test_malformed_query_400_with_parser_message(client):
    r = client.get("/sparql", params={"query": "SELEC ?x WHERE { ?x ?p ?o }"})
    assert r.status_code == 400
    assert "malformed query" in r.text and "error at 1:" in r.text     # pyoxigraph's own message
    r2 = client.post("/sparql", data={"query": "SELECT * WHERE { ?s ?p ?o "})
    assert r2.status_code == 400 and "error at" in r2.text


def test_bad_requests(client):
    assert client.post("/sparql", data={}).status_code == 400
    assert client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"}).status_code == 415
    both = client.post("/sparql", data={"query": "ASK {}", "update": "CLEAR ALL"})
    assert both.status_code == 400
    assert client.get("/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")]).status_code == 400
    assert client.get("/sparql", params={"update": "CLEAR ALL"}).status_code == 400


def test_406(client):
    select = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"},
                        headers={"Accept": "image/png"})
    assert select.status_code == 406 and "application/sparql-results+json" in select.text
    construct = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"},
                           headers={"Accept": "text/csv"})
    assert construct.status_code == 406
    assert client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
                                         "format": "turtle"}).status_code == 406


def test_service_refused_and_no_connection_made(client):
    srv, url = listener()
    try:
        for q in [f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                  f"select * where {{ ?x ?y ?z . service silent <{url}> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}"]:
            r = client.post("/sparql", data={"query": q})
            assert r.status_code == 400, r.text
            assert "SERVICE" in r.text and r.headers["x-styrgraf-error"] == "refused"
        assert not connected(srv)
        # control: the same query run directly by pyoxigraph does reach the listener,
        # so the listener would have noticed the endpoint calling out
        t = threading.Thread(target=lambda: _swallow(lambda: list(
            ox.Store().query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"))), daemon=True)
        t.start()
        assert connected(srv)
    finally:
        srv.close()


def _swallow(fn):
    try:
        fn()
    except Exception:
        pass


def test_service_word_in_strings_is_not_refused(client):
    q = f'SELECT ?s WHERE {{ ?s <{SKOS}prefLabel> ?l FILTER(CONTAINS(LCASE(STR(?l)), "service")) }}  # no SERVICE here'
    r = client.get("/sparql", params={"query": q})
    assert r.status_code == 200, r.text
    assert rows(r) == [{"s": BODY_B}]


def test_service_description(client, served):
    r = client.get("/sparql")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    services = list(g.subjects(rdflib.RDF.type, SD.Service))
    assert len(services) == 1
    svc = services[0]
    assert g.value(svc, SD.endpoint) == rdflib.URIRef(served.sparql)     # where it was asked, not the IRI base
    langs = set(g.objects(svc, SD.supportedLanguage))
    assert {SD.SPARQL11Query, SD.SPARQL11Update} <= langs
    assert (svc, SD.feature, SD.UnionDefaultGraph) in g
    formats = set(g.objects(svc, SD.resultFormat))
    assert rdflib.URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in formats
    assert rdflib.URIRef("http://www.w3.org/ns/formats/Turtle") in formats
    ds = g.value(svc, SD.defaultDataset)
    assert (ds, rdflib.RDF.type, SD.Dataset) in g and g.value(ds, SD.defaultGraph) is not None
    jsonld = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"] == "application/ld+json"
    assert len(rdflib.Graph().parse(data=jsonld.text, format="json-ld")) == len(g)
    rdfxml = client.get("/sparql", headers={"Accept": "application/rdf+xml"})
    assert len(rdflib.Graph().parse(data=rdfxml.text, format="xml")) == len(g)
    html = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/turtle")


def test_cors(client):
    r = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://yasgui.example"})
    assert r.headers["access-control-allow-origin"] == "*"
    assert "x-styrgraf-truncated" in r.headers["access-control-expose-headers"].lower()
    pre = client.options("/sparql", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, authorization"})
    assert pre.status_code == 200
    assert pre.headers["access-control-allow-origin"] == "*"
    assert "POST" in pre.headers["access-control-allow-methods"]
    assert "authorization" in pre.headers["access-control-allow-headers"].lower()
    other = client.get("/elsewhere", headers={"Origin": "https://yasgui.example"})
    assert other.status_code == 200 and "access-control-allow-origin" not in other.headers
    plain = client.options("/sparql")
    assert plain.status_code == 204 and "POST" in plain.headers["allow"]


def test_curl(served):
    if shutil.which("curl") is None:
        pytest.skip("curl not installed")
    out = subprocess.run(
        ["curl", "-sS", "-i", "-H", "Accept: text/csv", "--data-urlencode",
         f"query=SELECT ?l WHERE {{ <{BODY_B}> <{SKOS}prefLabel> ?l }}", served.sparql],
        capture_output=True, text=True, timeout=30, check=True).stdout
    head, _, body = out.replace("\r\n", "\n").partition("\n\n")
    assert head.startswith("HTTP/1.1 200")
    assert "content-type: text/csv" in head.lower()
    assert body.splitlines() == ["l", "Servicenämnden"]


# ============================================================== updates
def _count_in(client, graph: str) -> int:
    r = client.get("/sparql", params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"})
    assert r.status_code == 200, r.text
    return int(rows(r)[0]["n"])


def test_update_needs_token(client, served):
    upd = f"INSERT DATA {{ GRAPH <{BASE}graph/new> {{ <{BASE}id/a> <{SG}p> 1 }} }}"
    missing = client.post("/sparql", data={"update": upd})
    assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
    wrong = client.post("/sparql", data={"update": upd}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    basic = client.post("/sparql", data={"update": upd}, headers={"Authorization": "Basic abc"})
    assert basic.status_code == 401
    assert served.state.writes == [] or all("graph/new>" not in w for w in served.state.writes)
    assert _count_in(client, f"{BASE}graph/new") == 0


def test_update_with_token_is_visible(client, served):
    g = f"{BASE}graph/upd"
    before = served.executor.stats["recycled"]
    assert _count_in(client, g) == 0
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/sparql", data={"update": f"INSERT DATA {{ GRAPH <{g}> {{ <{BASE}id/a> <{SG}p> 1 }} }}"},
                    headers=auth)
    assert r.status_code == 200, r.text
    assert _count_in(client, g) == 1
    r2 = client.post("/sparql", content=f"INSERT DATA {{ GRAPH <{g}> {{ <{BASE}id/a> <{SG}p> 2 }} }}".encode(),
                     headers={**auth, "Content-Type": "application/sparql-update"})
    assert r2.status_code == 200
    assert _count_in(client, g) == 2
    assert served.executor.stats["recycled"] > before          # workers were renewed after the writes
    bad = client.post("/sparql", data={"update": "INSERT DATA { oops"}, headers=auth)
    assert bad.status_code == 400 and "malformed update" in bad.text
    client.post("/sparql", data={"update": f"DROP GRAPH <{g}>"}, headers=auth)
    assert _count_in(client, g) == 0



def test_result_cache_answers_repeats_and_sees_every_write(client, served):
    """Identical queries are answered from the result cache; a write through the Graph Store or
    SPARQL Update empties it, so the next identical query sees the write."""
    g = f"{BASE}graph/cached"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    query = f"SELECT ?o WHERE {{ GRAPH <{g}> {{ <{BASE}id/c> <{SG}n> ?o }} }} ORDER BY ?o"
    ask = lambda: client.get("/sparql", params={"query": query})          # noqa: E731
    values = lambda r: [row["o"] for row in rows(r)]                       # noqa: E731
    first = ask()
    assert first.status_code == 200 and values(first) == []
    hits = served.executor.stats["cache_hits"]
    again = ask()
    assert again.content == first.content and served.executor.stats["cache_hits"] == hits + 1
    # another result format or another dataset is another cache entry
    csv = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    assert csv.headers["content-type"].startswith("text/csv") and csv.text.strip() == "o"
    created = client.put("/graph-store", params={"graph": g}, content=f"<{BASE}id/c> <{SG}n> 1 .\n",
                         headers={**auth, "Content-Type": "text/turtle"})
    assert created.status_code == 201, created.text
    assert values(ask()) == ["1"]                                          # the Graph Store write
    assert values(ask()) == ["1"]
    r = client.post("/sparql", data={"update": f"INSERT DATA {{ GRAPH <{g}> {{ <{BASE}id/c> <{SG}n> 2 }} }}"},
                    headers=auth)
    assert r.status_code == 200, r.text
    assert values(ask()) == ["1", "2"]                                     # the SPARQL Update
    assert client.delete("/graph-store", params={"graph": g}, headers=auth).status_code == 204
    assert values(ask()) == []
    assert client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"}).text.strip() == "o"

def test_load_and_service_in_updates_refused(client, served):
    srv, url = listener()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    try:
        for upd in [f"LOAD <{url}>", f"load silent <{url}> INTO GRAPH <{BASE}graph/x>",
                    f"INSERT {{ GRAPH <{BASE}graph/x> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"]:
            r = client.post("/sparql", data={"update": upd}, headers=auth)
            assert r.status_code == 400, r.text
            assert ("LOAD" in r.text) or ("SERVICE" in r.text)
        assert not connected(srv)
    finally:
        srv.close()
    assert all("LOAD" not in w.upper() for w in served.state.writes)


def test_updates_disabled_without_token(served):
    app = make_test_app(served.state.store_path, executor=served.executor, token=None,
                        store=served.state.store)
    with ServerThread(app) as server, httpx.Client(base_url=server.url, timeout=30) as c:
        r = c.post("/sparql", data={"update": "CLEAR ALL"}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 403 and "updates disabled" in r.text
        sd = rdflib.Graph().parse(data=c.get("/sparql").text, format="turtle")
        SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
        assert (None, SD.supportedLanguage, SD.SPARQL11Update) not in sd
        assert c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


# ============================================================== graph store protocol
def test_graph_store_get(client):
    r = client.get("/graph-store", params={"graph": G_A})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert len(rdflib.Graph().parse(data=r.text, format="turtle")) == 3
    nt = client.get("/graph-store", params={"graph": G_A}, headers={"Accept": "application/n-triples"})
    assert len(nt.text.strip().splitlines()) == 3
    assert client.get("/graph-store", params={"graph": BASE + "graph/missing"}).status_code == 404
    assert client.get("/graph-store").status_code == 400
    head = client.head("/graph-store", params={"graph": G_A})
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) == len(r.content)


def test_graph_store_write(client, served):
    g = BASE + "graph/gsp"
    ttl = f"@prefix sg: <{SG}> .\n<{BASE}id/p1> sg:label \"ett\"@sv ; sg:n 1 .\n"
    assert client.put("/graph-store", params={"graph": g}, content=ttl,
                      headers={"Content-Type": "text/turtle"}).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.put("/graph-store", params={"graph": g}, content=ttl,
                      headers={"Content-Type": "text/turtle", "Authorization": "Bearer bad"}).status_code == 403
    created = client.put("/graph-store", params={"graph": g}, content=ttl,
                         headers={**auth, "Content-Type": "text/turtle"})
    assert created.status_code == 201, created.text
    assert _count_in(client, g) == 2
    replaced = client.put("/graph-store", params={"graph": g},
                          content=f'<{BASE}id/p2> <{SG}n> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .\n',
                          headers={**auth, "Content-Type": "application/n-triples"})
    assert replaced.status_code == 204
    assert _count_in(client, g) == 1
    assert served.state.writes[-1].startswith(f"DROP SILENT GRAPH <{g}> ;\nINSERT DATA")   # one atomic update
    added = client.post("/graph-store", params={"graph": g}, content=f"<{BASE}id/p3> <{SG}n> 3 .\n",
                        headers={**auth, "Content-Type": "text/turtle"})
    assert added.status_code == 204 and _count_in(client, g) == 2
    bad = client.put("/graph-store", params={"graph": g}, content="<broken",
                     headers={**auth, "Content-Type": "text/turtle"})
    assert bad.status_code == 400 and _count_in(client, g) == 2
    assert client.put("/graph-store", params={"graph": g}, content="{}",
                      headers={**auth, "Content-Type": "application/json"}).status_code == 415
    assert client.delete("/graph-store", params={"graph": g}, headers=auth).status_code == 204
    assert client.get("/graph-store", params={"graph": g}).status_code == 404
    assert client.delete("/graph-store", params={"graph": g}, headers=auth).status_code == 404


HOLD_STORE = """import sys, pyoxigraph
store = pyoxigraph.Store(sys.argv[1])      # a writable handle holds the store's lock
print("holding", flush=True)
sys.stdin.read()
"""


def test_write_while_another_process_holds_the_store_is_503(tmp_path):
    """An ingest (here: any writable pyoxigraph handle) holds the store's lock: an update or a
    Graph Store write is answered 503 with Retry-After and a message, and succeeds once the
    lock is gone."""
    import sys

    from server import running_server
    path = build_store(tmp_path / "store", bulk=10)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    insert = f"INSERT DATA {{ GRAPH <{G_A}> {{ <{BODY_A}> <{SG}n> 1 }} }}"
    with running_server(path, env={"STYRGRAF_UPDATE_TOKEN": TOKEN}) as base, \
            httpx.Client(base_url=base, timeout=30) as c:
        holder = subprocess.Popen([sys.executable, "-c", HOLD_STORE, str(path)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline().strip() == "holding"
            for r in (c.post("/sparql", content=insert, headers={**auth, "Content-Type": "application/sparql-update"}),
                      c.put("/graph-store", params={"graph": G_B}, content=f"<{BODY_B}> <{SG}n> 2 .",
                            headers={**auth, "Content-Type": "text/turtle"})):
                assert r.status_code == 503, r.text
                assert int(r.headers["retry-after"]) > 0
                assert "try again later" in r.text and "ingest" in r.text, r.text
            assert c.get("/sparql", params={"query": f"ASK {{ <{BODY_A}> ?p ?o }}"}).json()["boolean"]  # reads go on
        finally:
            holder.stdin.close()
            holder.wait(timeout=30)
        r = c.post("/sparql", content=insert, headers={**auth, "Content-Type": "application/sparql-update"})
        assert r.status_code == 200, r.text


# ============================================================== time limit
@pytest.fixture
def limited(tmp_path):
    path = build_store(tmp_path / "store")
    executor = QueryExecutor(path, workers=2, timeout=1.0, queue_timeout=10.0, row_cap=ROW_CAP)
    app = make_test_app(path, executor=executor)
    executor.start(wait=True)
    with ServerThread(app) as server:
        yield Served(server, app)
    executor.close()


def test_timeout_kills_query_and_others_are_served(limited):
    light_q = f"SELECT ?l WHERE {{ <{BODY_A}> <{SKOS}prefLabel> ?l }}"
    with httpx.Client(base_url=limited.url, timeout=30) as c, \
            concurrent.futures.ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        heavy = pool.submit(c.get, "/sparql", params={"query": HEAVY})
        time.sleep(0.2)
        light = c.get("/sparql", params={"query": light_q})
        heavy_running_when_light_done = not heavy.done()
        assert light.status_code == 200 and rows(light) == [{"l": "Arbetsmarknadsnämnden"}]
        r = heavy.result(timeout=30)
        elapsed = time.monotonic() - started
        assert heavy_running_when_light_done
        assert r.status_code == 503
        assert r.text.strip() == "query exceeded the time limit of 1 s"
        assert r.headers["x-styrgraf-error"] == "timeout"
        assert elapsed < 3.0 + 2.0      # 1 s limit; generous bound for a loaded machine
        assert limited.executor.stats["killed_timeout"] == 1
        # the pool recovers: a replacement worker serves queries
        for _ in range(3):
            again = c.get("/sparql", params={"query": light_q})
            assert again.status_code == 200


def test_queue_wait_limit(tmp_path):
    path = build_store(tmp_path / "store")
    executor = QueryExecutor(path, workers=1, timeout=3.0, queue_timeout=0.5)
    app = make_test_app(path, executor=executor)
    executor.start(wait=True)
    with ServerThread(app) as server, httpx.Client(base_url=server.url, timeout=30) as c, \
            concurrent.futures.ThreadPoolExecutor(1) as pool:
        heavy = pool.submit(c.get, "/sparql", params={"query": HEAVY})
        time.sleep(0.3)
        busy = c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert busy.status_code == 503 and busy.headers["x-styrgraf-error"] == "busy"
        assert "retry-after" in busy.headers
        assert heavy.result(timeout=30).status_code == 503
    executor.close()


JOIN_ASK = f"ASK {{ ?b <{SKOS}prefLabel> ?l ; ?p ?o }}"     # a join: a worker answers it, not the server


@pytest.mark.parametrize("app_workers", [1, 0])
def test_the_app_lane_answers_while_endpoint_queries_hold_their_workers(tmp_path, app_workers):
    """A worker kept for styrgraf's own queries: while a client's long query holds the one worker the
    endpoint may use, a second endpoint query waits (and is told busy), and the app's query is answered;
    without that worker the app's query waits too."""
    path = build_store(tmp_path / "store")
    executor = QueryExecutor(path, workers=1, app_workers=app_workers, timeout=20.0, queue_timeout=0.5)
    app = make_test_app(path, executor=executor)
    executor.start(wait=True)
    with ServerThread(app) as server, httpx.Client(base_url=server.url, timeout=30) as c, \
            concurrent.futures.ThreadPoolExecutor(1) as pool:
        heavy = pool.submit(c.get, "/sparql", params={"query": HEAVY})
        deadline = time.monotonic() + 10
        while executor._sparql_busy == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        busy = c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert busy.status_code == 503 and busy.headers["x-styrgraf-error"] == "busy"
        # the app's own query (lane APP, the default of QueryExecutor.run) takes the kept worker
        if app_workers:
            assert asyncio.run(executor.ask(JOIN_ASK)) is True and not heavy.done()
        else:
            with pytest.raises(ExecutorBusy):
                asyncio.run(executor.ask(JOIN_ASK))
        executor.close()
    assert heavy.result(timeout=30).status_code >= 500


# ============================================================== the executor's Python API
def test_executor_python_api(served):
    import asyncio
    ex = served.executor

    async def go():
        rows_ = await ex.select(f"SELECT ?b ?l ?none WHERE {{ ?b <{SKOS}prefLabel> ?l OPTIONAL {{ ?b <{SG}none> ?none }} }} ORDER BY ?l")
        assert rows_ == [{"b": BODY_A, "l": "Arbetsmarknadsnämnden", "none": None},
                         {"b": BODY_B, "l": "Servicenämnden", "none": None}]
        capped = await ex.select_result("SELECT ?s WHERE { ?s ?p ?o }", row_cap=5)
        assert len(capped.rows) == 5 and capped.truncated and capped.variables == ["s"]
        assert await ex.ask(f"ASK {{ <{BODY_A}> ?p ?o }}") is True
        assert await ex.graph_exists(G_A) and not await ex.graph_exists(BASE + "graph/none")
        nt = await ex.construct_ntriples(f"DESCRIBE <{BODY_A}>")
        assert len(rdflib.Graph().parse(data=nt, format="nt")) == 3
        ttl = await ex.graph(G_A)
        assert len(rdflib.Graph().parse(data=ttl, format="turtle")) == 3
        with pytest.raises(QueryError):
            await ex.select("ASK { ?s ?p ?o }")
        with pytest.raises(QuerySyntaxError):
            await ex.select("SELECT nope")
        with pytest.raises(QueryRefused):
            await ex.select("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")

    asyncio.run(go())


def test_executor_in_process_mode():
    import asyncio
    store = Store()          # in memory
    store.replace_graph(G_A, f"<{BODY_A}> <{SKOS}prefLabel> \"A\"@sv .")
    store.replace_graph(G_B, f"<{BODY_B}> <{SKOS}prefLabel> \"B\"@sv .")
    ex = QueryExecutor.in_process(store, row_cap=1)

    async def go():
        assert await ex.select(f"SELECT ?l WHERE {{ ?b <{SKOS}prefLabel> ?l }} ORDER BY ?l") == [{"l": "A"}]
        res = await ex.run(f"SELECT ?l WHERE {{ ?b <{SKOS}prefLabel> ?l }}", results_format="CSV")
        assert res.truncated and res.body.decode().splitlines()[0] == "l"
        full = await ex.select_result(f"SELECT ?l WHERE {{ ?b <{SKOS}prefLabel> ?l }}", row_cap=None)
        assert len(full.rows) == 2 and not full.truncated
        g = await ex.run("CONSTRUCT WHERE { ?s ?p ?o }", graph_format="N_TRIPLES")
        assert g.kind == "graph" and g.truncated and len(g.body.splitlines()) == 1

    asyncio.run(go())
    ex.close()


WORKER_SCRIPT = """
import asyncio, os, sys
with open(sys.argv[2], "a") as f:            # top level, no __main__ guard: must run once only
    f.write(f"{os.getpid()}\\n")
from styrgraf.api.executor import QueryExecutor
ex = QueryExecutor(sys.argv[1], workers=2, timeout=5)
ex.start(wait=True)
print(asyncio.run(ex.ask("ASK { ?s ?p ?o }")), flush=True)
print(" ".join(str(w.pid) for w in ex._idle), flush=True)
if sys.argv[3] == "hang":
    import time; time.sleep(60)
ex.close()
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):     # gone between listing and reading
        return False


def test_workers_do_not_rerun_main_and_die_with_the_server(tmp_path):
    import sys
    path = build_store(tmp_path / "store", bulk=10)
    script, marker = tmp_path / "serve.py", tmp_path / "marker"
    script.write_text(WORKER_SCRIPT)
    out = subprocess.run([sys.executable, str(script), str(path), str(marker), "exit"],
                         capture_output=True, text=True, timeout=60, cwd="/")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "True"
    assert len(marker.read_text().split()) == 1          # the workers did not execute serve.py
    # a server killed with SIGKILL leaves no worker behind
    proc = subprocess.Popen([sys.executable, str(script), str(path), str(marker), "hang"],
                            stdout=subprocess.PIPE, text=True, cwd="/")
    try:
        assert proc.stdout.readline().strip() == "True"
        pids = [int(p) for p in proc.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(p) for p in pids)
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in pids)


def test_cancelled_waiter_gives_its_worker_back(tmp_path):
    import asyncio
    path = build_store(tmp_path / "store")
    ex = QueryExecutor(path, workers=1, timeout=1.0, queue_timeout=8.0)
    ex.start(wait=True)

    async def go():
        heavy = asyncio.ensure_future(ex.run(HEAVY))
        await asyncio.sleep(0.2)
        waiter = asyncio.ensure_future(ex.ask("ASK { ?s ?p ?o }"))    # waits for the busy worker
        await asyncio.sleep(0.2)
        waiter.cancel()
        with pytest.raises(QueryError):            # QueryTimeout
            await heavy
        # the replacement worker went to the cancelled waiter's thread, which must give it back
        assert await asyncio.wait_for(ex.ask("ASK { ?s ?p ?o }"), 6.0) is True

    try:
        asyncio.run(go())
    finally:
        ex.close()
