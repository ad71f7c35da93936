"""A researcher's own query over the default graph sees each fact once, however many documents say it.

The default graph is the merge of the named graphs (styrgraf/merge.py): after every ingest,
remove, forget and SPARQL Update it holds exactly the set of triples the document graphs hold,
in the embedded store and on an Oxigraph server. Asked with SPARQLWrapper, as researchers do.
"""
from __future__ import annotations

from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from conftest import run_cli
from oxigraph_server import find_oxigraph, oxigraph_server
from server import running_server

NS = "https://w3id.org/styrgraf/"
REGERINGEN = NS + "id/org/regeringen"
UPPDRAG = sorted((Path(__file__).resolve().parents[2] / "shared" / "corpus-regeringen" / "regeringsuppdrag").glob("*.md"))[:12]
PREFIXES = ("PREFIX sg: <https://w3id.org/styrgraf/ns#> PREFIX dct: <http://purl.org/dc/terms/> "
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")
JOIN = PREFIXES + """SELECT ?b ?a ?t ?l WHERE {
  ?a sg:assignee ?b ; dct:title ?t ; sg:issuer ?i . ?i skos:prefLabel ?l }"""


def the_merge(store: ox.Store) -> tuple[set[ox.Triple], set[ox.Triple]]:
    """(what the default graph holds, the set of triples the named graphs hold)"""
    default = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    named = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None)
             if not isinstance(q.graph_name, ox.DefaultGraph)}
    return default, named


def ask(url: str, query: str) -> list[dict]:
    client = SPARQLWrapper(url + "sparql")
    client.setQuery(query)
    client.setReturnFormat(JSON)
    return client.queryAndConvert()["results"]["bindings"]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("merged") / "store"
    run_cli("ingest", *UPPDRAG, "--store", path)
    return path


def test_a_shared_entity_is_described_once(store):
    with running_server(store) as url:
        labels = ask(url, f"SELECT ?l WHERE {{ <{REGERINGEN}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }}")
        assert [(b["l"]["value"], b["l"].get("xml:lang")) for b in labels] == [("Regeringen", "sv")]
        counted = ask(url, PREFIXES + "SELECT (COUNT(?s) AS ?n) (COUNT(DISTINCT ?s) AS ?d) WHERE { ?s a sg:Body }")[0]
        assert counted["n"]["value"] == counted["d"]["value"]
        rows = [tuple(v["value"] for v in b.values()) for b in ask(url, JOIN)]
        assert rows and len(rows) == len(set(rows))          # the distinct answer, without DISTINCT
        # the documents still say it each: per graph, Regeringen is described in every one that names it
        per_graph = ask(url, f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ <{REGERINGEN}> a ?t }} }}")
        assert int(per_graph[0]["n"]["value"]) > 5


def test_the_default_graph_is_the_merge_after_every_kind_of_write(store, tmp_path):
    copy = tmp_path / "store"
    run_cli("ingest", *UPPDRAG[:4], "--store", copy)
    default, named = the_merge(ox.Store.read_only(str(copy)))
    assert default == named
    run_cli("remove", UPPDRAG[0].name, UPPDRAG[1].name, "--store", copy)
    st = ox.Store.read_only(str(copy))
    default, named = the_merge(st)
    assert default == named                    # what only the removed documents said is gone
    assert ox.Triple(ox.NamedNode(REGERINGEN), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                     ox.NamedNode("https://w3id.org/styrgraf/ns#Body")) in default      # what others say stays
    person = next((q.object.value for q in st.quads_for_pattern(None, ox.NamedNode("http://xmlns.com/foaf/0.1/name"), None)
                   if not isinstance(q.graph_name, ox.DefaultGraph)), None)
    del st
    if person:
        run_cli("forget", "--person", person, "--store", copy)
        default, named = the_merge(ox.Store.read_only(str(copy)))
        assert default == named and not any(person in str(t) for t in default)
    run_cli("remove", *(p.name for p in UPPDRAG[2:4]), "--store", copy)
    default, named = the_merge(ox.Store.read_only(str(copy)))
    assert default == named


def test_an_update_through_the_endpoint_keeps_the_merge(tmp_path):
    copy = tmp_path / "store"
    run_cli("ingest", *UPPDRAG[:2], "--store", copy)
    token = {"Authorization": "Bearer s3cret-token-for-tests"}
    with running_server(copy, env={"STYRGRAF_UPDATE_TOKEN": "s3cret-token-for-tests"}) as url:
        def update(text: str) -> None:
            r = httpx.post(url + "sparql", content=text, timeout=30,
                           headers={**token, "Content-Type": "application/sparql-update"})
            assert r.status_code in (200, 204), r.text
        update(f"PREFIX ex: <http://example.org/> INSERT DATA {{ GRAPH ex:g {{ <{REGERINGEN}> ex:note 'a' }} }}")
        update("PREFIX ex: <http://example.org/> INSERT DATA { ex:direct ex:p ex:o }")     # the default graph itself
        assert ask(url, f"SELECT ?n WHERE {{ <{REGERINGEN}> <http://example.org/note> ?n }}")
        graph = NS + "graph/" + UPPDRAG[0].stem.replace("_", "-").lower()
        update(f"DROP GRAPH <http://example.org/g> ; CLEAR GRAPH <{graph}>")
        assert not ask(url, f"SELECT ?n WHERE {{ <{REGERINGEN}> <http://example.org/note> ?n }}")
        assert ask(url, "SELECT ?p WHERE { <http://example.org/direct> ?p ?o }")
    default, named = the_merge(ox.Store.read_only(str(copy)))
    direct = ox.Triple(ox.NamedNode("http://example.org/direct"), ox.NamedNode("http://example.org/p"),
                       ox.NamedNode("http://example.org/o"))
    assert default - {direct} == named and direct in default


def test_a_store_an_older_styrgraf_made_is_migrated_first(tmp_path):
    old = tmp_path / "store"
    run_cli("ingest", *UPPDRAG[:2], "--store", old)
    st = ox.Store(str(old))
    st.update("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")         # as an older styrgraf left it: no merge,
    del st
    (old / "format").unlink()                                    # and no word of its layout
    refused = run_cli("ingest", UPPDRAG[2], "--store", old, check=False)
    assert refused.returncode == 2 and "styrgraf migrate" in refused.stderr and "Traceback" not in refused.stderr
    said = run_cli("migrate", "--store", old).stdout
    assert "became the merge of the named graphs" in said
    default, named = the_merge(ox.Store.read_only(str(old)))
    assert default == named and default
    run_cli("ingest", UPPDRAG[2], "--store", old)
    assert "merge of the named graphs already" in run_cli("migrate", "--store", old).stdout


@pytest.mark.skipif(find_oxigraph() is None, reason="the oxigraph server is not installed")
def test_an_oxigraph_server_keeps_the_merge_too(tmp_path):
    with oxigraph_server(tmp_path / "ox") as server:
        env = {"STYRGRAF_UPDATE_ENDPOINT": server.update}
        run_cli("ingest", *UPPDRAG[:4], "--store", server.query, env=env)
        run_cli("remove", UPPDRAG[0].name, "--store", server.query, env=env)
        dump = httpx.get(server.store, headers={"Accept": "application/n-quads"}, timeout=60).content
        quads = list(ox.parse(dump, format=ox.RdfFormat.N_QUADS))
        default = {ox.Triple(q.subject, q.predicate, q.object) for q in quads if isinstance(q.graph_name, ox.DefaultGraph)}
        named = {ox.Triple(q.subject, q.predicate, q.object) for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
        assert default == named and default
        r = httpx.post(server.query, data={"query": f"SELECT ?l WHERE {{ <{REGERINGEN}> "
                                                   "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"},
                       headers={"Accept": "application/sparql-results+json"}, timeout=30)
        assert len(r.json()["results"]["bindings"]) == 1
