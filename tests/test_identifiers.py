"""Identifiers others can link to: the same IRIs on every installation, whatever address serves them.

Two installations on two addresses ingest the same documents and are asked over SPARQL (by
SPARQLWrapper, a client that is not styrgraf's) for what they hold; a dump has no trace of the
address it was served on; an older store minted under another base is moved into the namespace
by `styrgraf migrate`, atomically, and says what it changed.
"""
from __future__ import annotations

import shutil

import httpx
import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from conftest import CORPUS, run_cli
from server import running_server
from styrgraf.ingest.batch import ingest
from styrgraf.store import Store

NAMESPACE = "https://w3id.org/styrgraf/"
OLD = "http://127.0.0.1:8000/"          # what an older styrgraf minted under by default
SG = NAMESPACE + "ns#"
ENTITIES = f"""SELECT DISTINCT ?iri WHERE {{
  {{ ?iri a <{SG}Body> }} UNION {{ ?iri a <{SG}Policy> }} UNION {{ ?iri a <{SG}Document> }}
  UNION {{ ?x <{SG}evidence> ?iri }} }}"""


def iris_served(url: str) -> set[str]:
    client = SPARQLWrapper(url + "sparql")
    client.setQuery(ENTITIES)
    client.setReturnFormat(JSON)
    return {b["iri"]["value"] for b in client.queryAndConvert()["results"]["bindings"]}


@pytest.fixture(scope="module")
def two_installations(tmp_path_factory):
    """Two stores made apart from each other from the same two documents, each served on its own port."""
    files = [str(p) for p in sorted(CORPUS.glob("*.txt"))[:2]]
    stores = []
    for name in ("one", "two"):
        store = tmp_path_factory.mktemp(name) / "store"
        run_cli("ingest", *files, "--store", str(store))
        stores.append(store)
    with running_server(stores[0]) as one, running_server(stores[1]) as two:
        yield one, two


def test_two_installations_on_two_addresses_mint_the_same_iris(two_installations):
    one, two = two_installations
    assert one != two
    first, second = iris_served(one), iris_served(two)
    assert len(first) > 50 and first == second
    assert all(iri.startswith(NAMESPACE) for iri in first)
    # and each dereferences a body's IRI by its path under its own address
    body = next(i for i in sorted(first) if "/id/org/" in i)
    for url in (one, two):
        r = httpx.get(url + body[len(NAMESPACE):], headers={"Accept": "text/turtle"}, timeout=30)
        assert r.status_code == 200
        assert ox.NamedNode(body) in {t.subject for t in ox.parse(r.content, format=ox.RdfFormat.TURTLE)}


def test_a_served_dump_holds_no_address_of_the_server(two_installations):
    one, _ = two_installations
    for fmt in ("nq", "ttl"):
        dump = httpx.get(one + f"dumps/styrgraf.{fmt}", timeout=60).text
        assert NAMESPACE + "id/" in dump
        assert "127.0.0.1" not in dump and "localhost" not in dump


def test_the_readme_run_exports_no_local_address(corpus_store):
    """`make run` ingests the bundled corpus with the command line; its export names no local address."""
    dump = run_cli("export", "--store", str(corpus_store), "--format", "nq").stdout
    assert NAMESPACE + "graph/" in dump and "127.0.0.1" not in dump


def test_a_retired_base_setting_is_refused_with_the_way_out(tmp_path):
    proc = run_cli("ingest", str(sorted(CORPUS.glob("*.txt"))[0]), "--store", str(tmp_path / "s"),
                   env={"STYRGRAF_BASE": "http://data.example.se/"}, check=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "migrate --from http://data.example.se/" in " ".join(proc.stderr.split())
    assert not (tmp_path / "s").exists()


def old_store(path) -> set[ox.Quad]:
    """A store as an older styrgraf made it: every identifier under its default base."""
    st = Store(path)
    assert all(r.status == "stored" for r in ingest(st, sorted(CORPUS.glob("*.txt"))[:2], OLD))
    st.flush()
    quads = set(st.ox)
    st.close()
    return quads


def moved(term):
    if isinstance(term, ox.NamedNode) and term.value.startswith(OLD):
        return ox.NamedNode(NAMESPACE + term.value[len(OLD):])
    return term


def test_migrate_iris_moves_an_older_store_and_says_what_it_changed(tmp_path):
    store = tmp_path / "store"
    before = old_store(store)
    touched = sum(1 for q in before if any(isinstance(t, ox.NamedNode) and t.value.startswith(OLD)
                                           for t in (q.subject, q.predicate, q.object, q.graph_name)))
    dry = run_cli("migrate", "--from", OLD, "--store", str(store), "--dry-run").stdout
    assert f"would move {touched} quads" in dry and "3 graphs renamed, 2 documents" in dry
    assert set(ox.Store.read_only(str(store))) == before          # a dry run changes nothing

    out = run_cli("migrate", "--from", OLD.rstrip("/"), "--store", str(store)).stdout
    assert f"moved {touched} quads" in out and "2 documents recorded in the change feed" in out
    after = set(ox.Store.read_only(str(store)))
    expected = {ox.Quad(moved(q.subject), moved(q.predicate), moved(q.object), moved(q.graph_name)) for q in before}
    assert expected <= after and not any(OLD in str(q) for q in after)
    # what was added: one change record per moved document, stored again under its new IRI
    feed = NAMESPACE + "graph/_changes"
    added = after - expected        # in the feed's graph, and in the default graph, the merge of the graphs
    assert added and all(q.graph_name in (ox.NamedNode(feed), ox.DefaultGraph()) for q in added)
    stored_again = {q.object.value for q in added if q.predicate.value == SG + "changedDocument"
                    and q.graph_name == ox.NamedNode(feed)}
    assert stored_again == {NAMESPACE + "id/doc/000-c3f731b4bab44c47", NAMESPACE + "id/doc/001-fa2d4025ac84fede"}

    assert "nothing under" in run_cli("migrate", "--from", OLD, "--store", str(store)).stdout
    # the moved store is the one this styrgraf makes: the same documents are found unchanged
    again = run_cli("ingest", *map(str, sorted(CORPUS.glob("*.txt"))[:2]), "--store", str(store)).stdout
    assert "0 stored, 2 unchanged" in again


def test_migrate_iris_keeps_the_search_index_in_step(tmp_path):
    store = tmp_path / "store"
    old_store(store)
    run_cli("migrate", "--from", OLD, "--store", str(store))
    with running_server(store) as url:
        hits = httpx.get(url + "api/v1/bodies", params={"q": "arbetsmarknadsnämnden"}, timeout=30).json()
    iris = [item["iri"] for item in hits["items"]]
    assert iris and all(i.startswith(NAMESPACE) for i in iris)


def test_migrate_iris_refuses_the_namespace_itself(corpus_store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(corpus_store, copy)
    proc = run_cli("migrate", "--from", NAMESPACE, "--store", str(copy), check=False)
    assert proc.returncode == 2 and "already styrgraf's namespace" in proc.stderr


def test_municipalities_and_regions_carry_their_scb_codes(corpus_store, tmp_path):
    """Stockholms stad is kommun 0180 in SCB's register; a region carries its county's code."""
    (tmp_path / "region.txt").write_text(
        "Region Dalarna\nRegionstyrelsen\n\nRegionfullmäktige i Region Dalarna beslutade den 12 mars 2024 "
        "att anta Regional strategi för folkhälsa 2024–2030.\n", encoding="utf-8")
    run_cli("ingest", tmp_path / "region.txt", "--store", tmp_path / "s")
    query = f"""PREFIX dct: <http://purl.org/dc/terms/> PREFIX adms: <http://www.w3.org/ns/adms#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT DISTINCT ?body ?code ?type WHERE {{ GRAPH ?g {{ ?body dct:identifier ?code ;
        adms:identifier ?id . ?id a adms:Identifier ; skos:notation ?code ; dct:type ?type }} }}"""
    found = set()
    for store in (corpus_store, tmp_path / "s"):
        found |= {(r["body"].value, r["code"].value, r["type"].value)
                  for r in ox.Store.read_only(str(store)).query(query)}
    assert (NAMESPACE + "id/org/stockholms-stad", "0180", NAMESPACE + "kind/identifier/kommunkod") in found
    assert (NAMESPACE + "id/org/region-dalarna", "20", NAMESPACE + "kind/identifier/lanskod") in found
    # only municipalities and regions: no agency or board gets a code
    assert {b for b, _, _ in found} <= {NAMESPACE + "id/org/stockholms-stad", NAMESPACE + "id/org/region-dalarna"}


def test_a_body_carries_the_organisation_number_its_document_gives(tmp_path):
    """Written right after the name (after a comma, in brackets, with or without a colon), with a
    valid check digit; the quote is the number itself. A misprinted number is left out."""
    (tmp_path / "beslut.txt").write_text(
        "Tillstånd till fiskodling\n\nRegeringen ger Ålands Laxodling AB, org.nr 556000-0167, tillstånd att "
        "driva en odling i Bottenhavet. Region Gävleborg (organisationsnummer: 232100-0198) och "
        "Länsstyrelsen i Gävleborgs län, orgnr 202100-2386, följer verksamheten.\n", encoding="utf-8")
    run_cli("ingest", tmp_path / "beslut.txt", "--store", tmp_path / "s")
    query = """PREFIX adms: <http://www.w3.org/ns/adms#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    PREFIX dct: <http://purl.org/dc/terms/> PREFIX sg: <https://w3id.org/styrgraf/ns#>
    SELECT ?label ?number ?quote WHERE { ?b skos:prefLabel ?label ; adms:identifier ?i .
        ?i dct:type <https://w3id.org/styrgraf/kind/identifier/organisationsnummer> ; skos:notation ?number ;
           sg:evidence/sg:quote ?quote }"""
    found = {(r["label"].value, r["number"].value, r["quote"].value)
             for r in ox.Store.read_only(str(tmp_path / "s")).query(query)}
    assert found == {("Ålands Laxodling AB", "556000-0167", "556000-0167"),
                     ("Region Gävleborg", "232100-0198", "232100-0198")}    # 202100-2386: its check digit fails


def test_the_vocabulary_dereferences_where_it_is_served(two_installations):
    """A kind is an identifier in the same namespace: its path answers with its concept (RDF or a page)."""
    one, _ = two_installations
    concept = NAMESPACE + "kind/body/namnd"
    r = httpx.get(one + "kind/body/namnd", headers={"Accept": "text/turtle"}, timeout=30)
    assert r.status_code == 200
    said = {(t.predicate.value, t.object.value) for t in ox.parse(r.content, format=ox.RdfFormat.TURTLE)
            if t.subject == ox.NamedNode(concept)}
    assert ("http://www.w3.org/2004/02/skos/core#notation", "nämnd") in said
    assert httpx.get(one + "kind/identifier/kommunkod", headers={"Accept": "text/html"}, timeout=30).status_code == 200
    assert httpx.get(one + "kind/body/nope", headers={"Accept": "text/turtle"}, timeout=30).status_code == 404
