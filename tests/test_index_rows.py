"""The text index's rows of a document taken from the triples ingest made (search.graph_rows)
instead of read back from the store: the index must come out the same, table for table and
row for row.

- real files (../shared/corpus, ../shared/corpus-municipal, every 40th of
  ../shared/corpus-regeringen-full; the bundled corpus where ../shared is missing) ingested
  twice into fresh stores, once as ingest runs and once with every document's rows read back
  from the store with SPARQL as before, then a part of them ingested again over the first
  (their old rows replaced);
- for each document, graph_rows of its triples against read_rows/read_keys of the store;
- literals the store keeps in another form (typed values in canonical form) and blank nodes.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pyoxigraph as ox
import pytest

from styrgraf.ingest import batch
from styrgraf.ingest.batch import collect, ingest, process
from styrgraf.ingest.read import DEFAULT_MAX_BYTES
from styrgraf.search import SearchIndex, graph_rows, read_keys, read_rows
from styrgraf.store import Store
from styrgraf.vocab import NAMESPACE, PREFIXES as NAMESPACES

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = [(SHARED / "corpus", 1), (SHARED / "corpus-municipal", 1), (SHARED / "corpus-regeringen-full", 40)]
# every table of the index but meta (which holds the store's generation marker)
TABLES = {"resource": "id, collection, iri, name",
          "entry": "id, resource, text, label, folded, stems, name",
          "entry_graph": "graph, entry",
          "resource_trigrams": "rowid, folded",
          "resource_words": "rowid, stems",
          "item": "graph, collection, iri, value",
          "listing": "collection, iri, key"}


def corpus_files() -> list[Path]:
    files: list[Path] = []
    for corpus, step in CORPORA:
        if corpus.exists():
            found, problems = collect([corpus])
            assert not problems
            files += [f for f in found if f.name != "README.md"][::step]   # one graph per name
    return files or sorted((ROOT / "examples" / "corpus").glob("*.txt"))


def tables(store_dir: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(SearchIndex.of(Store(store_dir, read_only=True)).path)
    try:
        return {t: conn.execute(f"SELECT {cols} FROM {t} ORDER BY {cols}").fetchall() for t, cols in TABLES.items()}
    finally:
        conn.close()


def ingest_both_ways(files: list[Path], again: list[Path], store_dir: Path, read_back: bool,
                     monkeypatch) -> None:
    with monkeypatch.context() as m:
        m.delenv("STYRGRAF_SEARCH_DIR", raising=False)
        if read_back:                   # as before: no rows given, every graph read back from the store
            m.setattr(batch, "graph_rows", lambda graph, triples: None)
        store = Store(store_dir)
        try:
            results = ingest(store, files, NAMESPACE, jobs=1)
            assert not [r for r in results if r.status == "failed"], [r.message for r in results if r.status == "failed"]
            ingest(store, again, NAMESPACE, jobs=1, force=True)
        finally:
            store.close()


@pytest.fixture(scope="module")
def files() -> list[Path]:
    return corpus_files()


def test_index_from_the_triples_is_the_index_read_back(files, tmp_path, monkeypatch):
    again = files[::7]
    ingest_both_ways(files, again, tmp_path / "given", False, monkeypatch)
    ingest_both_ways(files, again, tmp_path / "read", True, monkeypatch)
    given, read = tables(tmp_path / "given"), tables(tmp_path / "read")
    assert sum(len(rows) for rows in given.values()) > 1000 or len(files) < 100
    for table in TABLES:
        assert given[table] == read[table], table


def test_graph_rows_are_the_rows_the_store_gives(files):
    store = Store()
    checked = 0
    for f in files[::3]:
        result, nt, rows = process(f, NAMESPACE, False, DEFAULT_MAX_BYTES, with_rows=True)
        assert nt is not None and rows is not None, result.message
        store.replace_graph(result.graph, nt)
        assert sorted(rows[0]) == sorted(read_rows(store, [result.graph])), f
        assert rows[1] == read_keys(store, [result.graph]), f
        checked += 1
    assert checked


SG, DCT, SKOS, ELI, XSD, RDF = (NAMESPACES[p] for p in ("sg", "dct", "skos", "eli", "xsd", "rdf"))


def _t(s, p, o) -> ox.Triple:
    return ox.Triple(s, ox.NamedNode(p), o)


def test_literals_as_the_store_keeps_them_and_blank_nodes():
    g = NAMESPACE + "graph/test"
    law, meeting, body = (ox.NamedNode(NAMESPACE + f"id/{n}") for n in ("law", "meeting", "body"))
    dn = ox.BlankNode()
    typed = lambda v, dt: ox.Literal(v, datatype=ox.NamedNode(XSD + dt))   # noqa: E731
    triples = [
        _t(law, RDF + "type", ox.NamedNode(SG + "Law")),
        _t(law, ELI + "id_local", typed("+0012", "integer")),          # kept as 12
        _t(law, DCT + "title", ox.Literal("Lag (2024:1)", language="sv")),
        _t(law, DCT + "title", ox.Literal("")),                        # no row
        _t(meeting, RDF + "type", ox.NamedNode(SG + "Meeting")),
        _t(meeting, DCT + "date", typed("2024-01-01T00:00:00+00:00", "dateTime")),
        _t(meeting, DCT + "date", typed("2024-02-30", "date")),       # ill-typed: kept as it is
        _t(body, RDF + "type", ox.NamedNode(SG + "Body")),
        _t(body, SKOS + "prefLabel", ox.Literal("Nämnden")),
        _t(body, SKOS + "prefLabel", ox.Literal("Arbetsnämnden", language="sv")),   # the least name is kept
        _t(body, SKOS + "altLabel", typed("1.50", "decimal")),
        _t(meeting, SG + "heldBy", body),
        _t(ox.BlankNode(), RDF + "type", ox.NamedNode(SG + "Body")),  # not an IRI: not indexed
        _t(law, SG + "diarienummer", dn),
        _t(dn, SKOS + "notation", ox.Literal("Fi2024/00001")),
    ]
    store = Store()
    store.replace_graph(g, triples)
    rows, keys = graph_rows(g, triples)
    assert sorted(rows) == sorted(read_rows(store, [g]))
    assert keys == read_keys(store, [g])
    assert (g, "laws", law.value, "12", "Lag (2024:1)") in rows
    assert (g, "bodies", body.value, "1.5", "Arbetsnämnden") in rows
    # a name that is a blank node gets a new label in the store: not known without reading it back
    assert graph_rows(g, triples + [_t(body, DCT + "title", ox.BlankNode())]) is None
