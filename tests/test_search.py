"""The text index (styrgraf/search.py) as a user meets it: the analyst API's `q`, the search
page, over a real store written by the CLI and served by `styrgraf serve`; and its folding."""
from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import httpx
import pytest

from conftest import CORPUS, run_cli
from server import running_server
from styrgraf.search import INDEX_DIR, INDEX_FILE, SearchIndex, fold, stem, stems, words

BASE = "https://w3id.org/styrgraf/"       # styrgraf's namespace of identifiers
AMN = BASE + "id/org/stockholms-stad/arbetsmarknadsnamnden"
REMISS_DOC = "003_ca11e0320d7294d2.txt"     # "Remiss av förslag till strategi för stadens arbetsmarknadsinsatser"
REMISS_IRI = BASE + "id/doc/003-ca11e0320d7294d2"
PERSON = "Karin Testsson"
PERSON_DOC = f"""# Yttrande från {PERSON} om arbetsmarknadsinsatser

Ett yttrande från {PERSON}, handläggare, om insatser för unga.

Stockholm den 3 maj 2024

{PERSON}
Handläggare
"""


# ============================================================== folding
@pytest.mark.parametrize("text, folded", [
    ("Arbetsmarknadsnämnden", "arbetsmarknadsnamnden"),
    ("ARBETSMARKNADSNÄMNDEN", "arbetsmarknadsnamnden"),
    ("Östra  Göinge\tkommun", "ostra goinge kommun"),
    ("Café Åre", "cafe are"),
    ("Ærø", "aero"),
])
def test_fold_case_diacritics_and_space(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("forms, common", [
    (("nämnd", "nämnden", "nämndens", "nämnder", "nämnderna", "nämndernas"), "namnd"),
    (("Arbetsmarknadsnamnden", "arbetsmarknadsnämndens", "ARBETSMARKNADSNÄMNDEN"), "arbetsmarknadsnamnd"),
    (("styrelse", "styrelsen", "styrelsens", "styrelser"), "styrels"),
    (("Skolverket", "Skolverkets"), "skolverk"),
    (("program", "programmet", "programmen"), "program"),
    (("stad", "staden", "stadens", "städer"), "stad"),
    (("process", "processen", "processer"), "proces"),
])
def test_stem_joins_inflected_forms(forms, common):
    assert {stems(f) for f in forms} == {common}


def test_stem_keeps_short_words_and_plain_s_endings():
    assert stem("en") == "en"          # nothing left to stem
    assert stem("lag") == "lag"
    assert stem("stockholms") == "stockholm"
    assert stem("process") == "proces"  # a double s is not a genitive; the doubled consonant is single
    assert words("KS 2024/1035, Nämnden") == ["ks", "2024", "1035", "namnden"]


# ============================================================== over a served store
def index_file(store: Path) -> Path:
    return store / INDEX_DIR / INDEX_FILE


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """The bundled corpus plus a document that names a person in its title, ingested by the CLI;
    its index then deleted, as for a store written before the index existed."""
    docs = tmp_path_factory.mktemp("search-docs")
    for f in CORPUS.iterdir():
        shutil.copy(f, docs / f.name)
    (docs / "yttrande-2024-05.md").write_text(PERSON_DOC, encoding="utf-8")
    store = tmp_path_factory.mktemp("search") / "store"
    run_cli("ingest", docs, "--store", store)
    assert index_file(store).exists()          # ingest writes the index beside the store
    shutil.rmtree(store / INDEX_DIR)
    return store


@pytest.fixture(scope="module")
def site(store):
    with running_server(store) as url:
        with httpx.Client(base_url=url.rstrip("/"), timeout=60) as client:
            yield client


def bodies(site, q: str) -> list[dict]:
    r = site.get("/api/v1/bodies", params={"q": q})
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_index_rebuilt_when_missing(store, site):
    assert index_file(store).exists()
    assert bodies(site, "Arbetsmarknadsnämnden")[0]["iri"] == AMN


COLLECTIONS = ("bodies", "documents", "policies", "goals", "responsibilities", "assignments",
               "consultations", "meetings", "laws")


def sparql_order(site, collection: str) -> list[str]:
    """The IRIs of a collection in the order of its named list query, run over /sparql."""
    text = site.get(f"/api/v1/queries/{collection}", params={"format": "sparql"}).text
    r = site.get("/sparql", params={"query": text}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return [b["iri"]["value"] for b in r.json()["results"]["bindings"]]


def api_order(site, collection: str, limit: int = 50) -> tuple[list[str], int]:
    """Every IRI of a collection as the API pages it (`limit` at a time), and the total it gives."""
    iris, total, offset = [], None, 0
    while total is None or offset < total:
        page = site.get(f"/api/v1/{collection}", params={"limit": limit, "offset": offset}).json()
        total, offset = page["total"], offset + limit
        iris += [i["iri"] for i in page["items"]]
    return iris, total


def listing(store: Path, collection: str) -> list[str]:
    with sqlite3.connect(index_file(store)) as conn:
        return [i for (i,) in conn.execute("SELECT iri FROM listing WHERE collection=? ORDER BY key, iri",
                                           (collection,))]


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_unfiltered_lists_are_the_index_in_the_queries_order(store, site, collection):
    # pages of a collection without filters come from the sort keys kept in the index; they
    # are the named list query's rows, in its order, with its total
    expected = sparql_order(site, collection)
    assert expected or collection == "laws"
    assert listing(store, collection) == expected
    assert api_order(site, collection, limit=7) == (expected, len(expected))


@pytest.mark.parametrize("collection", ["documents", "responsibilities", "bodies"])
def test_the_first_of_some_items_in_the_lists_order(store, site, collection):
    # what a body's page lists is the first few of the items that refer to it, in the list's order
    every = listing(store, collection)
    some = every[::2] + [BASE + "id/not-in-the-store"]
    index = SearchIndex(index_file(store), store)
    first, total = index.ordered(collection, reversed(some), 3)
    assert (first, total) == (every[::2][:3], len(every[::2]))
    assert index.ordered(collection, [], 3) == ([], 0)


def test_unfiltered_list_is_read_from_the_index(store, site):
    # the order the API gives is the index's: an item whose key is moved first comes first
    last = listing(store, "documents")[-1]
    with sqlite3.connect(index_file(store)) as conn:
        (key,) = conn.execute("SELECT key FROM listing WHERE collection='documents' AND iri=?", (last,)).fetchone()
        conn.execute("UPDATE listing SET key='' WHERE collection='documents' AND iri=?", (last,))
    try:
        assert site.get("/api/v1/documents", params={"limit": 1}).json()["items"][0]["iri"] == last
    finally:
        with sqlite3.connect(index_file(store)) as conn:
            conn.execute("UPDATE listing SET key=? WHERE collection='documents' AND iri=?", (key, last))


@pytest.mark.parametrize("q", ["Arbetsmarknadsnamnden", "arbetsmarknadsnämndens", "ARBETSMARKNADSNÄMNDEN",
                               "arbetsmarknadsnämnd"])
def test_body_found_first_in_any_form(site, q):
    items = bodies(site, q)
    assert items and items[0]["iri"] == AMN
    assert items[0]["label"] == "Arbetsmarknadsnämnden"       # read from the store
    page = site.get("/sok", params={"q": q, "format": "json"}).json()
    assert page["items"][0]["iri"] == AMN
    assert page["items"][0]["label"] == "Arbetsmarknadsnämnden"


def test_plural_finds_compounds_and_exact_names_rank_first(site):
    found = bodies(site, "nämnder")
    assert AMN in [b["iri"] for b in found]
    assert all("namnd" in fold(b["label"] + " ".join(b["alt_labels"])) for b in found)
    # an exact name before a longer name that contains it
    ks = bodies(site, "kommunstyrelsen")
    assert ks[0]["label"].lower() == "kommunstyrelsen"


def test_items_and_total_are_the_stores(site):
    r = site.get("/api/v1/bodies", params={"q": "nämnd", "limit": 1}).json()
    everything = site.get("/api/v1/bodies", params={"q": "nämnd", "limit": 1000}).json()
    assert r["total"] == len(everything["items"]) >= 1
    detail = site.get("/api/v1/bodies/" + AMN.split("/id/org/", 1)[1]).json()
    match = next(b for b in everything["items"] if b["iri"] == AMN)
    assert match["label"] == detail["label"] and match["alt_labels"] == detail["alt_labels"]


def test_documents_by_folded_title_file_name_and_diarienummer(site):
    for q in ("STADENS ARBETSMARKNADSINSATSER", "Remiss av forslag", "003_ca11e0320d7294d2"):
        items = site.get("/api/v1/documents", params={"q": q}).json()["items"]
        assert items and items[0]["iri"] == REMISS_IRI, q
    items = site.get("/api/v1/documents", params={"q": "ks 2024/1035"}).json()["items"]
    assert [d["diarienummer"] for d in items] == [["KS 2024/1035"]]
    # q with another filter: the list query applies it to what the index found
    kinded = site.get("/api/v1/documents", params={"q": "remiss", "kind": "protokoll"}).json()
    assert kinded["total"] == 0 and kinded["items"] == []


def test_other_lists_use_the_index(site):
    items = site.get("/api/v1/policies", params={"q": "HANDLINGSPLANEN mot rasism"}).json()["items"]
    assert items and "rasism" in items[0]["title"].lower()


def test_removed_document_is_not_found(store, site):
    assert any(d["iri"] == REMISS_IRI for d in
               site.get("/api/v1/documents", params={"q": "arbetsmarknadsinsatser"}).json()["items"])
    run_cli("remove", REMISS_DOC, "--store", store)
    docs = site.get("/api/v1/documents", params={"q": "arbetsmarknadsinsatser"}).json()
    assert REMISS_IRI not in [d["iri"] for d in docs["items"]]
    assert REMISS_IRI not in [i["iri"] for i in site.get("/sok", params={"q": "arbetsmarknadsinsatser",
                                                                       "format": "json"}).json()["items"]]
    # the lists without filters, read from the index's sort keys, lose it (and nothing else) at once
    for collection in ("documents", "bodies", "goals"):
        assert listing(store, collection) == sparql_order(site, collection)
        assert api_order(site, collection) == (listing(store, collection), len(listing(store, collection)))
    assert REMISS_IRI not in listing(store, "documents")
    # its rows are gone from the index itself, not only hidden by the store's answer
    with sqlite3.connect(index_file(store)) as conn:
        assert conn.execute("SELECT count(*) FROM resource WHERE iri = ?", (REMISS_IRI,)).fetchone() == (0,)
        for table in ("resource_trigrams", "resource_words"):      # no text of a resource that is gone
            assert conn.execute(f"SELECT count(*) FROM {table} WHERE rowid NOT IN (SELECT id FROM resource)"
                                ).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM entry_graph WHERE graph LIKE ?",
                            ("%/graph/003-ca11e0320d7294d2",)).fetchone() == (0,)


def test_forgotten_person_is_not_findable(store, site):
    before = site.get("/sok", params={"q": PERSON.lower(), "format": "json"}).json()["items"]
    assert before, "the person's document is found before forgetting"
    run_cli("forget", "--person", PERSON, "--store", store)
    for path in ("/sok", "/api/v1/search"):
        assert site.get(path, params={"q": PERSON, "format": "json"}).json()["items"] == []
        assert site.get(path, params={"q": "testsson", "format": "json"}).json()["items"] == []
    assert site.get("/api/v1/documents", params={"q": "Testsson"}).json()["total"] == 0
    for f in index_file(store).parent.iterdir():
        assert b"testsson" not in f.read_bytes().lower(), f


def test_sparql_update_is_followed(store, site):
    # a body renamed by SPARQL Update through the server is found under its new name at once
    token = "search-test-token"
    with running_server(store, env={"STYRGRAF_UPDATE_TOKEN": token}) as url:
        with httpx.Client(base_url=url.rstrip("/"), timeout=60) as other:
            graph = BASE + "graph/000-c3f731b4bab44c47"
            update = (f'INSERT DATA {{ GRAPH <{graph}> {{ <{AMN}> '
                      f'<http://www.w3.org/2004/02/skos/core#altLabel> "Jobbnämnden Söder" }} }}')
            r = other.post("/sparql", data={"update": update}, headers={"Authorization": f"Bearer {token}"})
            assert r.status_code in (200, 204), r.text
            found = other.get("/api/v1/bodies", params={"q": "jobbnamnden soder"}).json()["items"]
            assert [b["iri"] for b in found] == [AMN]
            assert "Jobbnämnden Söder" in found[0]["alt_labels"]


def test_search_page_is_paged(site):
    # /sok gives `limit` hits from `offset`, the same order as one longer page, the total of all,
    # and a link to the next page
    whole = site.get("/sok", params={"q": "stad", "format": "json", "limit": 6}).json()
    assert whole["total"] > 6 and len(whole["items"]) == 6
    pages = [site.get("/sok", params={"q": "stad", "format": "json", "limit": 3, "offset": o}).json() for o in (0, 3)]
    assert [i["iri"] for p in pages for i in p["items"]] == [i["iri"] for i in whole["items"]]
    assert {p["total"] for p in pages} == {whole["total"]}
    html = site.get("/sok", params={"q": "stad", "limit": 3}).text
    assert 'rel="next"' in html and "offset=3" in html and f"({whole['total']})" in html


def test_a_large_store_answers_while_its_index_is_built(corpus_store, tmp_path):
    """Rebuilding the index reads the whole store; for a store larger than STYRGRAF_READ_BEFORE_START
    (1 byte here: any) the server answers first, by SPARQL, and builds the index behind it."""
    store = tmp_path / "store"
    shutil.copytree(corpus_store, store)
    shutil.rmtree(store / INDEX_DIR)
    with running_server(store, env={"STYRGRAF_READ_BEFORE_START": "1"}) as url:
        with httpx.Client(base_url=url.rstrip("/"), timeout=60) as site:
            assert bodies(site, "Arbetsmarknadsnämnden")[0]["iri"] == AMN
            index = SearchIndex(index_file(store), store)
            deadline = time.monotonic() + 60
            while not index.complete() and time.monotonic() < deadline:
                time.sleep(0.2)
            assert index.complete() and not index.stale()
            assert bodies(site, "Arbetsmarknadsnämnden")[0]["iri"] == AMN
