"""The default graph is the merge of the document graphs, each triple once: a researcher's own
query over it counts a fact once, however many documents state it, after every kind of write
(ingest, re-ingest, remove, forget, SPARQL Update, Graph Store)."""
from __future__ import annotations

import httpx
import pyoxigraph as ox
from SPARQLWrapper import JSON, SPARQLWrapper

from conftest import CORPUS, run_cli
from server import running_server

SG = "https://w3id.org/styrgraf/ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
TOKEN = "default-graph-test-token"


def select(endpoint: str, query: str) -> list[dict]:
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(f"PREFIX sg: <{SG}> PREFIX skos: <{SKOS}> {query}")
    sw.setReturnFormat(JSON)
    return [{k: v["value"] for k, v in b.items()} for b in sw.queryAndConvert()["results"]["bindings"]]


def default_is_merge(store) -> None:
    st = ox.Store.read_only(str(store))
    default = {(q.subject, q.predicate, q.object) for q in st.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    named = {(q.subject, q.predicate, q.object) for q in st.quads_for_pattern(None, None, None)
             if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert default == named and default


def test_a_researchers_count_and_join_see_each_fact_once(corpus_server):
    sparql = corpus_server + "/sparql"
    n = select(sparql, "SELECT (COUNT(?b) AS ?n) (COUNT(DISTINCT ?b) AS ?d) WHERE { ?b a sg:Body }")[0]
    assert int(n["n"]) == int(n["d"]) > 10
    # a join through labels that every document graph states again
    rows = select(sparql, "SELECT ?a ?b ?l WHERE { ?a sg:assignee ?b . ?b skos:prefLabel ?l }")
    assert rows and len(rows) == len({tuple(sorted(r.items())) for r in rows})
    triples = select(sparql, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    distinct = select(sparql, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }")
    assert int(triples) == int(distinct[0]["n"])
    # the Turtle dump is the default graph: each triple once
    ttl = httpx.get(corpus_server + "/dumps/styrgraf.ttl").content
    assert len(ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in ox.parse(ttl, format=ox.RdfFormat.TURTLE))) \
        == int(triples)


def test_every_write_keeps_the_default_graph_the_merge(corpus_store_copy, tmp_path):
    store = corpus_store_copy
    default_is_merge(store)
    first = sorted(CORPUS.glob("*.txt"))[0]
    run_cli("remove", first.name, "--store", store)
    default_is_merge(store)
    run_cli("ingest", CORPUS, "--store", store, "--force")
    default_is_merge(store)
    run_cli("forget", "--person", "Lars Lööw", "--store", store)
    default_is_merge(store)
    with running_server(store, env={"STYRGRAF_UPDATE_TOKEN": TOKEN}) as base:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        sparql = base + "sparql"
        names = select(sparql, 'SELECT ?o WHERE { ?s ?p ?o FILTER(CONTAINS(LCASE(STR(?o)), "lööw")) }')
        assert names == []                                            # forgotten: gone from the merge too
        g = "http://example.org/graph/extra"
        r = httpx.post(sparql, data={"update": f"PREFIX ex: <http://example.org/> INSERT DATA {{ GRAPH <{g}> "
                                               f"{{ ex:a ex:b ex:c . }} }} ;"}, headers=auth)
        assert r.status_code == 200, r.text
        assert select(sparql, "SELECT (COUNT(*) AS ?n) WHERE { <http://example.org/a> ?p ?o }")[0]["n"] == "1"
        r = httpx.post(sparql, data={"update": "INSERT DATA { <http://example.org/a> <http://example.org/b> 2 }"},
                       headers=auth)
        assert r.status_code == 400 and "merge of the named graphs" in r.text
        r = httpx.put(base + "graph-store?default", content=b"<http://x/a> <http://x/b> <http://x/c> .",
                      headers={**auth, "Content-Type": "application/n-triples"})
        assert r.status_code == 405
        r = httpx.delete(base + "graph-store", params={"graph": g}, headers=auth)
        assert r.status_code == 204
        assert select(sparql, "SELECT (COUNT(*) AS ?n) WHERE { <http://example.org/a> ?p ?o }")[0]["n"] == "0"
        r = httpx.post(sparql, data={"update": f"DROP GRAPH <{first_graph(base)}>"}, headers=auth)
        assert r.status_code == 200, r.text
    default_is_merge(store)


def first_graph(base: str) -> str:
    rows = select(base + "sparql", "SELECT ?g WHERE { GRAPH ?g { ?d a sg:Document } } ORDER BY ?g LIMIT 1")
    return rows[0]["g"]
