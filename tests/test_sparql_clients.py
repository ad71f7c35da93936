"""Off-the-shelf SPARQL clients against the real endpoint: SPARQLWrapper with every
result format, rdflib's SPARQLStore, and a YASGUI-style cross-origin POST."""
from __future__ import annotations

import csv
import importlib.util
import io
import sys
from pathlib import Path

import httpx
import pytest
import rdflib
import rdflib.compare
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

try:
    import test_sparql_protocol as proto
except ImportError:  # pytest --import-mode=importlib
    _spec = importlib.util.spec_from_file_location("test_sparql_protocol",
                                                   Path(__file__).with_name("test_sparql_protocol.py"))
    proto = importlib.util.module_from_spec(_spec)
    sys.modules["test_sparql_protocol"] = proto
    _spec.loader.exec_module(proto)

BASE, SG, SKOS, TOKEN = proto.BASE, proto.SG, proto.SKOS, proto.TOKEN
G_A, G_B, BODY_A, BODY_B = proto.G_A, proto.G_B, proto.BODY_A, proto.BODY_B

SELECT = (f"PREFIX skos: <{SKOS}> PREFIX sg: <{SG}> "
          "SELECT ?b ?label WHERE { ?b a sg:Committee ; skos:prefLabel ?label } ORDER BY ?label")
EXPECTED = [(BODY_A, "Arbetsmarknadsnämnden"), (BODY_B, "Servicenämnden")]
CONSTRUCT = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G_A}> {{ ?s ?p ?o }} }}"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    path = proto.build_store(tmp_path_factory.mktemp("clients") / "store", bulk=50)
    app = proto.make_test_app(path)
    app.state.sparql.executor.start(wait=True)
    with proto.ServerThread(app) as server:
        yield proto.Served(server, app)
    app.state.sparql.executor.close()


def wrapper(served, fmt, query, method="GET") -> SPARQLWrapper:
    sw = SPARQLWrapper(served.sparql)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    return sw


def expected_graph(served) -> rdflib.Graph:
    return rdflib.Graph().parse(data=httpx.get(served.gsp, params={"graph": G_A}).text, format="turtle")


# ============================================================== SPARQLWrapper
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select_json(served, method):
    res = wrapper(served, JSON, SELECT, method).query()
    assert res.response.headers["Content-Type"].startswith("application/sparql-results+json")
    doc = res.convert()
    assert [(b["b"]["value"], b["label"]["value"]) for b in doc["results"]["bindings"]] == EXPECTED
    assert doc["results"]["bindings"][0]["label"]["xml:lang"] == "sv"


def test_sparqlwrapper_select_xml(served):
    doc = wrapper(served, XML, SELECT).query().convert()        # xml.dom.minidom document
    results = doc.getElementsByTagName("result")
    got = []
    for r in results:
        vals = {b.getAttribute("name"): b.firstChild.firstChild.data for b in r.getElementsByTagName("binding")}
        got.append((vals["b"], vals["label"]))
    assert got == EXPECTED


def test_sparqlwrapper_select_csv(served):
    data = wrapper(served, CSV, SELECT).query().convert()
    table = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert table[0] == ["b", "label"] and [tuple(r) for r in table[1:]] == EXPECTED


def test_sparqlwrapper_select_tsv(served):
    data = wrapper(served, TSV, SELECT, POST).query().convert()
    lines = data.decode("utf-8").splitlines()
    assert lines[0] == "?b\t?label"
    assert lines[1] == f'<{BODY_A}>\t"Arbetsmarknadsnämnden"@sv'


def test_sparqlwrapper_ask(served):
    for fmt in (JSON, XML):
        res = wrapper(served, fmt, f"ASK {{ <{BODY_A}> ?p ?o }}").query().convert()
        if fmt == JSON:
            assert res["boolean"] is True
        else:
            assert res.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize("fmt, media", [
    (TURTLE, "text/turtle"), (JSONLD, "application/ld+json"), (RDFXML, "application/rdf+xml"),
    (XML, "application/rdf+xml"),           # SPARQLWrapper's XML for a CONSTRUCT means RDF/XML
])
def test_sparqlwrapper_construct(served, fmt, media):
    res = wrapper(served, fmt, CONSTRUCT).query()
    assert res.response.headers["Content-Type"].split(";")[0] == media
    converted = res.convert()
    if isinstance(converted, bytes):       # TURTLE comes back raw
        converted = rdflib.Graph().parse(data=converted, format="turtle")
    assert len(converted) == 3
    assert rdflib.compare.isomorphic(converted, expected_graph(served))


def test_sparqlwrapper_construct_ntriples_and_n3(served):
    sw = wrapper(served, N3, CONSTRUCT)
    sw.setOnlyConneg(True)
    sw.addCustomHttpHeader("Accept", "application/n-triples")
    res = sw.query()
    assert res.response.headers["Content-Type"] == "application/n-triples"
    g = rdflib.Graph().parse(data=res.convert(), format="nt")
    assert rdflib.compare.isomorphic(g, expected_graph(served))
    n3 = wrapper(served, N3, CONSTRUCT).query().convert()
    assert rdflib.compare.isomorphic(rdflib.Graph().parse(data=n3, format="n3"), expected_graph(served))


def test_sparqlwrapper_bad_query(served):
    with pytest.raises(QueryBadFormed) as e:
        wrapper(served, JSON, "SELECT ?x WHERE { ?x ?p }").query()
    assert "error at" in str(e.value)


def test_sparqlwrapper_update_with_token(served):
    g = BASE + "graph/sw"
    sw = SPARQLWrapper(served.sparql)
    sw.setMethod(POST)
    sw.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    sw.setQuery(f"INSERT DATA {{ GRAPH <{g}> {{ <{BASE}id/sw> <{SG}n> 7 }} }}")
    assert sw.isSparqlUpdateRequest()
    assert sw.query().response.status == 200
    doc = wrapper(served, JSON, f"SELECT ?n WHERE {{ GRAPH <{g}> {{ ?s <{SG}n> ?n }} }}").query().convert()
    assert [b["n"]["value"] for b in doc["results"]["bindings"]] == ["7"]


# ============================================================== rdflib SPARQLStore
@pytest.mark.parametrize("method, fmt", [("GET", "xml"), ("POST", "json"), ("POST_FORM", "xml")])
def test_rdflib_sparqlstore_select(served, method, fmt):
    store = SPARQLStore(query_endpoint=served.sparql, method=method, returnFormat=fmt)
    g = rdflib.Graph(store=store)
    got = [(str(r.b), str(r.label)) for r in g.query(SELECT)]
    assert got == EXPECTED
    label = g.value(rdflib.URIRef(BODY_B), rdflib.URIRef(SKOS + "prefLabel"))
    assert label == rdflib.Literal("Servicenämnden", lang="sv")
    store.close()


def test_rdflib_sparqlstore_triples_construct_and_len(served):
    store = SPARQLStore(query_endpoint=served.sparql)
    g = rdflib.Graph(store=store)
    triples = set(g.triples((rdflib.URIRef(BODY_A), None, None)))
    assert len(triples) == 3
    constructed = g.query(CONSTRUCT).graph
    assert rdflib.compare.isomorphic(constructed, expected_graph(served))
    assert len(g) >= 6 + 50             # the union default graph
    assert g.query(f"ASK {{ <{BODY_A}> ?p ?o }}").askAnswer is True
    store.close()


def test_rdflib_sparqlstore_named_graphs(served):
    store = SPARQLStore(query_endpoint=served.sparql)
    names = {str(c) for c in store.contexts()}          # SELECT DISTINCT ?name { GRAPH ?name {} }
    assert {G_A, G_B, proto.G_BULK} <= names
    # a graph's triples through the store, restricted with default-graph-uri
    g = rdflib.Graph(store=store, identifier=rdflib.URIRef(G_B))
    assert {str(o) for o in g.objects(rdflib.URIRef(BODY_B), rdflib.URIRef(SKOS + "prefLabel"))} == {"Servicenämnden"}
    assert g.value(rdflib.URIRef(BODY_A), rdflib.URIRef(SKOS + "prefLabel")) is None
    store.close()


# ============================================================== browser clients (YASGUI)
def test_yasgui_style_cross_origin_post(served):
    headers = {"Origin": "https://yasgui.triply.cc",
               "Accept": "application/sparql-results+json,*/*;q=0.9",
               "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}
    pre = httpx.options(served.sparql, headers={"Origin": headers["Origin"],
                                                "Access-Control-Request-Method": "POST",
                                                "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 200 and pre.headers["access-control-allow-origin"] == "*"
    r = httpx.post(served.sparql, content=httpx.QueryParams({"query": SELECT}).__str__().encode(), headers=headers)
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "*"
    assert len(r.json()["results"]["bindings"]) == 2
