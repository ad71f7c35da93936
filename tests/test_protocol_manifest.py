"""The W3C SPARQL 1.1 Protocol test manifest (rdf-tests, sparql/sparql11/protocol/manifest.ttl)
against a real `styrgraf serve`: each of its 34 checks, written out here as a test with the
request and the expected answer the manifest gives, plus the protocol details around them
(base IRI of queries, a dataset without named graphs, the request body's charset).

The manifest's requests go to /sparql/; this server's endpoint is /sparql. Its data files
(data1.nt … data3.nt) hold one triple each, `<…/dataN.rdf> a foaf:Document`, in the graph
named by the file's label; a test that uses them loads them first (update tests drop them).
"""
from __future__ import annotations

import json
from urllib.parse import quote

import httpx
import pyoxigraph as ox
import pytest

from server import running_server

TOKEN = "manifest-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
KASEI = "http://kasei.us/2009/09/sparql/data/"
FOAF_DOCUMENT = "http://xmlns.com/foaf/0.1/Document"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
BOOLEAN_TYPES = ("application/sparql-results+json", "application/sparql-results+xml")
TABULAR_TYPES = BOOLEAN_TYPES + ("text/csv", "text/tab-separated-values")
RDF_TYPES = ("application/rdf+xml", "text/turtle", "application/n-triples")

def g(n: int) -> str:
    return f"{KASEI}data{n}.rdf"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    store = tmp_path_factory.mktemp("manifest") / "store"
    ox.Store(str(store)).flush()
    with running_server(store, env={"STYRGRAF_UPDATE_TOKEN": TOKEN}) as url:
        yield url


@pytest.fixture
def client(base):
    with httpx.Client(base_url=base, timeout=30) as c:
        yield c


def load_data(client: httpx.Client, *ns: int) -> None:
    """ut:graphData: dataN.nt into the graph <…/dataN.rdf>, each graph replaced."""
    for n in ns:
        r = client.put("/graph-store", params={"graph": g(n)}, headers={**AUTH, "Content-Type": "application/n-triples"},
                       content=f"<{g(n)}> <{RDF_TYPE}> <{FOAF_DOCUMENT}> .\n")
        assert r.status_code in (201, 204), r.text


def media(r: httpx.Response) -> str:
    return r.headers.get("content-type", "").split(";")[0].strip()


def boolean(r: httpx.Response) -> bool:
    """mf:expectedFormat "boolean": a 2xx answer in a boolean results format; its value."""
    assert r.status_code // 100 in (2, 3), (r.status_code, r.text)
    assert media(r) in BOOLEAN_TYPES, media(r)
    if media(r) == BOOLEAN_TYPES[0]:
        return json.loads(r.content)["boolean"]
    return b"<boolean>true</boolean>" in r.content


def ok(r: httpx.Response) -> None:
    assert r.status_code // 100 in (2, 3), (r.status_code, r.text)


def client_error(r: httpx.Response) -> None:
    assert 400 <= r.status_code < 500, (r.status_code, r.text)


def ask(client: httpx.Client, query: str) -> bool:
    return boolean(client.post("/sparql", content=query, headers={"Content-Type": QUERY}))


# ============================================================== queries
def test_query_post_form(client):
    r = client.post(f"/sparql?default-graph-uri={quote(KASEI + 'data0.rdf', safe='')}",
                    content="query=ASK%20%7B%7D", headers={"Content-Type": FORM})
    assert boolean(r) is True


def test_query_dataset_default_graphs_get(client):
    load_data(client, 1, 2)
    r = client.get("/sparql", params=[("query", f"ASK {{ <{g(1)}> a ?type . <{g(2)}> a ?type . }}"),
                                      ("default-graph-uri", g(1)), ("default-graph-uri", g(2))])
    assert boolean(r) is True


def test_query_dataset_default_graphs_post(client):
    load_data(client, 1, 2)
    r = client.post("/sparql", params=[("default-graph-uri", g(1)), ("default-graph-uri", g(2))],
                    content=f"ASK {{ <{g(1)}> a ?type . <{g(2)}> a ?type . }}", headers={"Content-Type": QUERY})
    assert boolean(r) is True


NAMED_ASK = f"ASK {{ GRAPH ?g1 {{ <{g(1)}> a ?type }} GRAPH ?g2 {{ <{g(2)}> a ?type }} }}"


def test_query_dataset_named_graphs_post(client):
    load_data(client, 1, 2)
    r = client.post("/sparql", params=[("named-graph-uri", g(1)), ("named-graph-uri", g(2))],
                    content=NAMED_ASK, headers={"Content-Type": QUERY})
    assert boolean(r) is True


def test_query_dataset_named_graphs_get(client):
    load_data(client, 1, 2)
    r = client.get("/sparql", params=[("query", NAMED_ASK), ("named-graph-uri", g(1)), ("named-graph-uri", g(2))])
    assert boolean(r) is True


def test_query_dataset_full(client):
    load_data(client, 1, 2, 3)
    query = (f"ASK {{ <{g(3)}> a ?type GRAPH ?g1 {{ <{g(1)}> a ?type }} GRAPH ?g2 {{ <{g(2)}> a ?type }} }}")
    r = client.post("/sparql", params=[("default-graph-uri", g(3)), ("named-graph-uri", g(1)),
                                       ("named-graph-uri", g(2))],
                    content=query, headers={"Content-Type": QUERY})
    assert boolean(r) is True


def test_query_multiple_dataset(client):
    """The protocol's dataset wins over the query's FROM."""
    load_data(client, 1, 2, 3)
    query = f"ASK FROM <{g(3)}> {{ GRAPH ?g1 {{ <{g(1)}> a ?type }} GRAPH ?g2 {{ <{g(2)}> a ?type }} }}"
    r = client.post("/sparql", params=[("named-graph-uri", g(1)), ("named-graph-uri", g(2))],
                    content=query, headers={"Content-Type": QUERY})
    assert boolean(r) is True


def test_query_get(client):
    r = client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": KASEI + "data0.rdf"})
    assert boolean(r) is True


def test_query_content_type_select(client):
    r = client.post("/sparql", params={"default-graph-uri": KASEI + "data0.rdf"},
                    content="SELECT (1 AS ?value) {}", headers={"Content-Type": QUERY})
    ok(r)
    assert media(r) in TABULAR_TYPES


def test_query_content_type_ask(client):
    r = client.post("/sparql", params={"default-graph-uri": KASEI + "data0.rdf"},
                    content="ASK {}", headers={"Content-Type": QUERY})
    boolean(r)


@pytest.mark.parametrize("query", ["DESCRIBE <http://example.org/>", "CONSTRUCT { <s> <p> 1 } WHERE {}"],
                         ids=["describe", "construct"])
def test_query_content_type_graph(client, query):
    """query_content_type_describe, query_content_type_construct (the second has relative IRIs)."""
    r = client.post("/sparql", params={"default-graph-uri": KASEI + "data0.rdf"},
                    content=query, headers={"Content-Type": QUERY})
    ok(r)
    assert media(r) in RDF_TYPES


def test_query_post_direct(client):
    assert boolean(client.post("/sparql", content="ASK {}", headers={"Content-Type": QUERY})) is True


# ============================================================== updates (with the token)
def update(client: httpx.Client, text: str, params=None) -> httpx.Response:
    return client.post("/sparql", params=params, content=text, headers={**AUTH, "Content-Type": UPDATE})


PROLOGUE = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
INSERT_THREE = ("INSERT DATA {\n" + "".join(f"  GRAPH <{g(n)}> {{ <{g(n)}> a foaf:Document }}\n" for n in (1, 2, 3))
                + "} ;\n")


def test_update_dataset_default_graph(client):
    target = "http://example.org/protocol-update-dataset-test/"
    r = update(client, PROLOGUE + f"CLEAR ALL ;\nINSERT DATA {{ GRAPH <{g(1)}> {{ <{g(1)}> a foaf:Document }} }} ;\n"
               f"INSERT {{ GRAPH <{target}> {{ ?s a dc:BibliographicResource }} }}\nWHERE {{ ?s a foaf:Document }}",
               params={"using-graph-uri": g(1)})
    ok(r)
    assert ask(client, f"ASK {{ GRAPH <{target}> {{ <{g(1)}> a <http://purl.org/dc/terms/BibliographicResource> }} }}")


@pytest.mark.parametrize("target, where, param", [
    ("http://example.org/protocol-update-dataset-graphs-test/", "WHERE { ?s a foaf:Document }", "using-graph-uri"),
    ("http://example.org/protocol-update-dataset-named-graphs-test/", "WHERE { GRAPH ?g { ?s a foaf:Document } }",
     "using-named-graph-uri"),
], ids=["default_graphs", "named_graphs"])
def test_update_dataset_graphs(client, target, where, param):
    """update_dataset_default_graphs, update_dataset_named_graphs: the WHERE sees the two graphs the
    request names (as its default graph, or as named graphs) and not the third."""
    r = update(client, PROLOGUE + "DROP ALL ;\n" + INSERT_THREE +
               f"INSERT {{ GRAPH <{target}> {{ ?s a dc:BibliographicResource }} }}\n" + where,
               params=[(param, g(1)), (param, g(2))])
    ok(r)
    assert ask(client, f"""ASK {{
        GRAPH <{target}> {{ <{g(1)}> a <http://purl.org/dc/terms/BibliographicResource> .
                            <{g(2)}> a <http://purl.org/dc/terms/BibliographicResource> . }}
        FILTER NOT EXISTS {{ GRAPH <{target}> {{ <{g(3)}> a <http://purl.org/dc/terms/BibliographicResource> }} }} }}""")


def test_update_dataset_full(client):
    target = "http://example.org/protocol-update-dataset-full-test/"
    r = update(client, PROLOGUE + "DROP ALL ;\n" + INSERT_THREE +
               f"INSERT {{ GRAPH <{target}> {{ ?s <http://example.org/in> ?in }} }}\n"
               "WHERE { { GRAPH ?g { ?s a foaf:Document } BIND(?g AS ?in) }\n"
               "        UNION { ?s a foaf:Document . BIND(\"default\" AS ?in) } }",
               params=[("using-graph-uri", g(1)), ("using-named-graph-uri", g(2))])
    ok(r)
    assert ask(client, f"""ASK {{
        GRAPH <{target}> {{ <{g(1)}> <http://example.org/in> "default" .
                            <{g(2)}> <http://example.org/in> <{g(2)}> . }}
        FILTER NOT EXISTS {{ GRAPH <{target}> {{ <{g(3)}> ?p ?o }} }} }}""")


def test_update_post_form(client):
    ok(client.post("/sparql", content="update=CLEAR+ALL", headers={**AUTH, "Content-Type": FORM}))


def test_update_post_direct(client):
    ok(update(client, "CLEAR ALL"))


def test_update_base_uri(client):
    """A relative IRI in an update is resolved against the service's base: its endpoint URL."""
    graph = "http://example.org/protocol-base-test/"
    ok(update(client, f"CLEAR SILENT GRAPH <{graph}> ;\n"
                      f"INSERT DATA {{ GRAPH <{graph}> {{ <http://example.org/s> <http://example.org/p> <test> }} }}"))
    assert ask(client, f'ASK {{ GRAPH <{graph}> {{ <http://example.org/s> <http://example.org/p> ?o '
                       f'FILTER (isIRI(?o) && STR(?o) != "test") }} }}')
    r = client.get("/sparql", params={"query": f"SELECT ?o {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"})
    assert r.json()["results"]["bindings"][0]["o"]["value"] == "https://w3id.org/styrgraf/test"


# ============================================================== bad requests
def test_bad_query_method(client):
    client_error(client.put(f"/sparql?query=ASK%20%7B%7D&default-graph-uri={quote(KASEI + 'data0.rdf', safe='')}",
                            headers={"Content-Type": FORM}))


def test_bad_multiple_queries(client):
    client_error(client.get("/sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D"))


def test_bad_query_wrong_media_type(client):
    client_error(client.post("/sparql", content="ASK {}", headers={"Content-Type": "text/plain"}))


def test_bad_query_missing_form_type(client):
    client_error(client.post("/sparql", content="query=ASK%20%7B%7D"))


def test_bad_query_missing_direct_type(client):
    client_error(client.post("/sparql", content="ASK {}"))


def test_bad_query_non_utf8(client):
    client_error(client.post("/sparql", content="ASK {}".encode("utf-16"),
                             headers={"Content-Type": "application/sparql-query; charset=UTF-16"}))


def test_bad_query_syntax(client):
    client_error(client.get("/sparql?query=ASK%20%7B"))


def test_bad_update_get(client):
    client_error(client.get("/sparql?update=CLEAR%20ALL", headers=AUTH))


def test_bad_multiple_updates(client):
    client_error(client.post("/sparql", content="update=CLEAR%20NAMED&update=CLEAR%20DEFAULT",
                             headers={**AUTH, "Content-Type": FORM}))


def test_bad_update_wrong_media_type(client):
    client_error(client.post("/sparql", content="CLEAR NAMED", headers={**AUTH, "Content-Type": "text/plain"}))


def test_bad_update_missing_form_type(client):
    client_error(client.post("/sparql", content="update=CLEAR%20NAMED", headers=AUTH))


def test_bad_update_non_utf8(client):
    client_error(client.post("/sparql", content="CLEAR NAMED".encode("utf-16"),
                             headers={**AUTH, "Content-Type": "application/sparql-update; charset=UTF-16"}))


def test_bad_update_syntax(client):
    client_error(client.post("/sparql", content="update=CLEAR%20XYZ", headers={**AUTH, "Content-Type": FORM}))


def test_bad_update_dataset_conflict(client):
    r = client.post("/sparql?using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople", headers={**AUTH, "Content-Type": UPDATE},
                    content="PREFIX foaf:  <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
                            "DELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName 'William' }\n"
                            "WHERE { ?person foaf:givenName 'Bill' }")
    client_error(r)
    assert "not both" in r.text


# ============================================================== around the manifest
def test_query_relative_iri_resolves_against_the_endpoint(client):
    r = client.get("/sparql", params={"query": "SELECT ?x WHERE { BIND(<rel/x> AS ?x) }"})
    assert r.status_code == 200, r.text
    assert r.json()["results"]["bindings"][0]["x"]["value"] == "https://w3id.org/styrgraf/rel/x"


def test_default_graph_uri_alone_leaves_no_named_graphs(client):
    """An explicit dataset is exactly what the request names: default-graph-uri without
    named-graph-uri has no named graphs for GRAPH ?g to see (and the other way round)."""
    load_data(client, 1, 2)
    query = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    r = client.get("/sparql", params={"query": query, "default-graph-uri": g(1)})
    assert r.status_code == 200 and r.json()["results"]["bindings"] == [], r.text
    r = client.get("/sparql", params={"query": query, "named-graph-uri": g(2)})
    assert [b["g"]["value"] for b in r.json()["results"]["bindings"]] == [g(2)]
    r = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "named-graph-uri": g(2)})
    assert r.json()["boolean"] is False                 # and an empty default graph


def test_using_parameters_leave_delete_where_and_data_alone(client):
    """using-graph-uri sets the dataset of a DELETE/INSERT's WHERE only: INSERT DATA and the
    shortcut DELETE WHERE of the same request work on the store as written."""
    load_data(client, 1, 2)
    r = update(client, f"DELETE WHERE {{ GRAPH <{g(2)}> {{ ?s ?p ?o }} }} ;\n"
                       f"INSERT DATA {{ GRAPH <{g(3)}> {{ <{g(3)}> a <{FOAF_DOCUMENT}> }} }}",
               params={"using-graph-uri": g(1)})
    ok(r)
    assert not ask(client, f"ASK {{ GRAPH <{g(2)}> {{ ?s ?p ?o }} }}")
    assert ask(client, f"ASK {{ GRAPH <{g(3)}> {{ ?s ?p ?o }} }}")


def test_update_body_charset_must_be_utf8(client):
    r = client.post("/sparql", content="update=CLEAR%20NAMED".encode("utf-16"),
                    headers={**AUTH, "Content-Type": f"{FORM}; charset=UTF-16"})
    assert r.status_code == 415, r.text
    r = client.put("/graph-store", params={"graph": g(1)}, content="<a:s> <a:p> <a:o> .".encode("utf-16"),
                   headers={**AUTH, "Content-Type": "application/n-triples; charset=utf-16"})
    assert r.status_code == 415, r.text
    ok(client.post("/sparql", content="CLEAR SILENT GRAPH <http://example.org/none>",
                   headers={**AUTH, "Content-Type": f"{UPDATE}; charset=utf-8"}))
