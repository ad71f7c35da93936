"""The change feed: every stored and removed document, with tombstones, over HTTP."""
from __future__ import annotations

import httpx

from conftest import CORPUS, run_cli
from server import running_server


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
