"""The change feed: every stored and removed document, with tombstones, over HTTP."""
from __future__ import annotations

import httpx
import pytest

from conftest import CORPUS, run_cli
from server import running_server
from styrgraf.api.changes import written_graphs


def test_change_feed_records_stores_and_tombstones(tmp_path):
    store = tmp_path / "s"
    run_cli("ingest", CORPUS / "000_c3f731b4bab44c47.txt", CORPUS / "002_40780f4541adeb76.txt", "--store", store)
    run_cli("remove", "002_40780f4541adeb76.txt", "--store", store)
    with running_server(store) as base:
        feed = httpx.get(base + "api/v1/queries/changes", timeout=30).json()
        cols = feed["columns"]
        rows = [dict(zip(cols, r)) for r in feed["rows"]]
        actions = sorted((r["source"], r["action"]) for r in rows)
        assert actions == [("000_c3f731b4bab44c47.txt", "stored"), ("002_40780f4541adeb76.txt", "removed"),
                           ("002_40780f4541adeb76.txt", "stored")]
        later = httpx.get(base + "api/v1/queries/changes", params={"since": "2999-01-01T00:00:00Z"},
                          timeout=30).json()
        assert later["rows"] == []
        # the removed document is gone from the collections and the dump
        docs = httpx.get(base + "api/v1/documents", timeout=30).json()
        assert [d["source"] for d in docs["items"]] == ["000_c3f731b4bab44c47.txt"]
        dump = httpx.get(base + "dumps/styrgraf.nq", timeout=30).text
        assert "/graph/002-40780f4541adeb76>" not in dump


TOKEN = "changes-token"


def test_every_write_through_the_endpoint_is_in_the_feed(tmp_path):
    """A harvester that follows the feed learns of every Graph Store PUT/POST/DELETE and SPARQL
    Update: "stored" for a graph written, a tombstone ("removed") for one dropped or emptied,
    nothing for a write that changed nothing."""
    store = tmp_path / "s"
    run_cli("ingest", CORPUS / "000_c3f731b4bab44c47.txt", "--store", store)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with running_server(store, env={"STYRGRAF_UPDATE_TOKEN": TOKEN}) as base:
        seen: set[tuple[str, str, str]] = set()

        def news() -> list[tuple[str, str]]:
            """The feed's records not seen before, as (document, action)."""
            feed = httpx.get(base + "api/v1/queries/changes", timeout=30).json()
            rows = {tuple(r) for r in ([dict(zip(feed["columns"], r))[c] for c in ("change", "document", "action")]
                                       for r in feed["rows"])}
            new = rows - seen
            seen.update(rows)
            return sorted((d, a) for _c, d, a in new)

        def gsp(method: str, graph: str, body: str = "") -> None:
            r = httpx.request(method, base + "graph-store", params={"graph": graph}, content=body,
                              headers={**auth, "Content-Type": "text/turtle"}, timeout=30)
            assert r.status_code in (200, 201, 204), r.text

        def update(text: str) -> None:
            r = httpx.post(base + "sparql", content=text, timeout=30,
                           headers={**auth, "Content-Type": "application/sparql-update"})
            assert r.status_code == 200, r.text

        assert news() == [("https://w3id.org/styrgraf/id/doc/000-c3f731b4bab44c47", "stored")]
        other = "http://example.org/other"
        gsp("PUT", other, "<http://ex/s> <http://ex/p> 1 .\n")
        assert news() == [(other, "stored")]
        gsp("POST", other, "<http://ex/s> <http://ex/p> 2 .\n")     # in the same second: a record too
        assert news() == [(other, "stored")]
        gsp("POST", other, "<http://ex/s> <http://ex/p> 2 .\n")      # already there: no change
        assert news() == []
        gsp("DELETE", other)
        assert news() == [(other, "removed")]
        # a document graph is recorded as its document
        doc_graph = "https://w3id.org/styrgraf/graph/000-c3f731b4bab44c47"
        doc = "https://w3id.org/styrgraf/id/doc/000-c3f731b4bab44c47"
        update(f"INSERT DATA {{ GRAPH <{doc_graph}> {{ <http://ex/s> <http://ex/p> 3 }} }}")
        assert news() == [(doc, "stored")]
        update("DELETE DATA { GRAPH <http://example.org/none> { <http://ex/s> <http://ex/p> 3 } }")
        assert news() == []
        # the graphs an update writes may be known only when it runs (GRAPH ?g, DROP ALL)
        update("DELETE { GRAPH ?g { <http://ex/s> ?p ?o } } WHERE { GRAPH ?g { <http://ex/s> ?p ?o } }")
        assert news() == [(doc, "stored")]
        update(f"PREFIX ex: <http://example.org/> INSERT DATA {{ GRAPH ex:a {{ <http://ex/s> <http://ex/p> 4 }} }} ;"
               f" COPY ex:a TO <http://example.org/b>")
        assert news() == [("http://example.org/a", "stored"), ("http://example.org/b", "stored")]
        update(f"DROP GRAPH <{doc_graph}>")
        assert news() == [(doc, "removed")]
        update("CLEAR NAMED")
        assert news() == [("http://example.org/a", "removed"), ("http://example.org/b", "removed"),
                          ("https://w3id.org/styrgraf/ns", "removed")]


@pytest.mark.parametrize("update, graphs", [
    ("INSERT DATA { GRAPH <http://a> { <http://s> <http://p> 1 } }", {None, "http://a"}),
    ("PREFIX ex: <http://e/> WITH ex:g DELETE { ?s ?p ?o } WHERE { GRAPH <http://read> { ?s ?p ?o } }",
     {None, "http://e/g"}),
    ("DELETE WHERE { GRAPH <http://a> { ?s ?p ?o } } ; DROP SILENT GRAPH <http://b> ; CLEAR DEFAULT",
     {None, "http://a", "http://b"}),
    ("MOVE SILENT <http://a> TO GRAPH <http://b> ; ADD DEFAULT TO <http://c>", {None, "http://a", "http://b", "http://c"}),
    ("INSERT { GRAPH <http://a> { ?s ?p ?o } } USING NAMED <http://u> WHERE { GRAPH ?g { ?s ?p ?o } }",
     {None, "http://a"}),
    ("INSERT { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }", None),
    ("DROP ALL", None), ("CLEAR SILENT NAMED", None),
    ("INSERT DATA { GRAPH <relative> { <http://s> <http://p> 1 } }", None),
    ("INSERT DATA { GRAPH ex:g { <http://s> <http://p> 1 } }", None),          # undeclared prefix
    ("INSERT DATA { GRAPH <http://a\\u0062> { <http://s> <http://p> 1 } }", None),
])
def test_written_graphs_read_from_the_update(update, graphs):
    """The graphs an update can write, from its text; None when only running it tells."""
    assert written_graphs(update) == graphs
