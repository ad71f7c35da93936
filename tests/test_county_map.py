"""The county map of /statistik: which county a municipality or region is in (api/places.py), the
map drawn from the county shapes of the front-end build (charts.choropleth), and the page over the
bundled corpus on a real server: the county table, the map and its CSV show what the graph holds
(named query `places`), and the page does without the map where the build is missing."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from styrgraf.api import charts, places
from styrgraf.api.pages import pages_of, pages_router

BASE = "https://w3id.org/styrgraf/"       # styrgraf's namespace of identifiers
SVG_NAMES = ("Blekinge", "Dalarna", "Gävleborg", "Gotland", "Halland", "Jämtland", "Jönköping", "Kalmar",
             "Kronoberg", "Norrbotten", "Örebro", "Östergötland", "Skåne", "Södermanland", "Stockholm", "Uppsala",
             "Värmland", "Västerbotten", "Västernorrland", "Västmanland", "Västra Götaland")


# ============================================================== which county
@pytest.mark.parametrize("label,kind,code", [
    ("Stockholms stad", "kommun", "01"), ("Uppsala kommun", "kommun", "03"), ("Malmö stad", None, "12"),
    ("Göteborgs stad", None, "14"), ("Stockholm", "kommun", "01"), ("Gotlands kommun", "kommun", "09"),
    ("Region Skåne", "region", "12"), ("Västra Götalandsregionen", "region", "14"),
    ("Region Jönköpings län", "region", "06"), ("Region Jämtland Härjedalen", "region", "23"),
    ("Landstinget Dalarna", "region", "20"), ("Jämtlands läns landsting", "region", "23"),
    ("Landstinget Sörmland", "region", "04"), ("Region Örebro län", None, "18"),
])
def test_the_county_of_a_place(label, kind, code):
    county = places.county_of(label, kind)
    assert county is not None and county.code == code, (label, county)


@pytest.mark.parametrize("label", ["Arbetsförmedlingen", "Länsstyrelsen i Stockholms län", "Kommunstyrelsen",
                                   "Samordningsförbundet Stockholms stad", "Stockholm", "", "   ", None])
def test_no_county_for_what_is_no_place(label):
    assert places.county_of(label) is None


def test_the_county_of_each_map_name():
    found = {name: places.county_of_map_name(name) for name in SVG_NAMES}
    assert None not in found.values()
    assert set(found.values()) == set(places.counties()) and len(places.counties()) == 21
    assert found["Dalarna"].name == "Dalarnas län" and found["Västra Götaland"].name == "Västra Götalands län"
    assert found["Skåne"].name == "Skåne län" and found["Örebro"].name == "Örebro län"
    assert found["Stockholm"] == places.county_by_code("01") and found["Stockholm"].letter == "AB"
    assert places.county_of_map_name("Åland") is None


def test_the_county_shapes(tmp_path):
    """The shapes of the build, each county once; a missing or incomplete file gives no map."""
    if places.MAP_FILE.is_file():
        shapes = places.county_map()
        assert shapes is not None and shapes.view_box == "0 0 346 793"
        assert sorted(s.name for s in shapes.shapes) == sorted(SVG_NAMES)
        assert len({s.county for s in shapes.shapes}) == 21 and all(s.path.startswith("m") for s in shapes.shapes)
    assert places.county_map(tmp_path / "absent.json") is None
    (tmp_path / "short.json").write_text(json.dumps(
        {"viewBox": "0 0 10 10", "counties": [{"id": "skane", "name": "Skåne", "path": "M0 0h1v1z"}]}))
    assert places.county_map(tmp_path / "short.json") is None          # 20 counties would go undrawn
    (tmp_path / "broken.json").write_text("{")
    assert places.county_map(tmp_path / "broken.json") is None


# ============================================================== the drawing
def test_classes():
    assert charts.classes([]) == [] and charts.classes([0, 0]) == []
    assert charts.classes([0, 3, 1, 3]) == [(1, 1), (3, 3)]
    steps = charts.classes([1, 1, 2, 3, 5, 28, 0])
    assert steps == [(1, 2), (3, 3), (4, 5), (6, 28)]


def test_choropleth():
    areas = [{"id": "a-map", "path": "M0 0h1v1z", "value": 0, "note": "A län: 0", "href": None},
             {"id": "b-map", "path": "M1 0h1v1z", "value": 4, "note": "B län: 4 & <mer>", "href": "#b"}]
    svg = charts.choropleth("0 0 10 10", areas, "Karta", "Antal organ", "Inget")
    assert svg.startswith('<svg class="chart map" role="group" aria-label="Karta"') and "<title>Karta</title>" in svg
    assert '<path id="a-map" class="m-0" d="M0 0h1v1z"><title>A län: 0</title></path>' in svg
    assert re.search(r'<a href="#b" aria-label="B län: 4 &amp; &lt;mer&gt;"><path id="b-map" class="m-1"', svg)
    assert svg.count("<a ") == 1                                 # a county with nothing is no link
    assert ">Inget</text>" in svg and ">4</text>" in svg and ">Antal organ</text>" in svg


# ============================================================== the page
def parse_csv(r: httpx.Response) -> list[dict[str, str]]:
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(r.text)))


def county_table(html: str) -> dict[str, dict]:
    """The county table's rows by county code: name, the places it links, the figures."""
    body = re.search(r'<table[^>]*id="county-table".*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    out = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        code, name = re.search(r'<th scope="row" id="county-([\w-]+)">([^<]*)</th>', row).groups()
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        out[code] = {"county": name, "links": re.findall(r'<a href="([^"]+)">([^<]*)</a>', row),
                     "bodies": int(cells[1]), "documents": int(cells[2]), "decisions": int(cells[3])}
    return out


@pytest.fixture(scope="module")
def site(corpus_server):
    with httpx.Client(base_url=corpus_server, timeout=60) as client:
        yield client


def test_the_figures_page_shows_the_places_by_county(site):
    """Stockholms stad's documents put Stockholms län on the map and in the table, with the named
    query's figures; every county is in the table; the CSV holds the same numbers."""
    named = parse_csv(site.get("/api/v1/queries/places", params={"format": "csv"}))
    stockholm = next(r for r in named if r["label"] == "Stockholms stad")
    assert int(stockholm["bodies"]) > 1 and int(stockholm["documents"]) > 0 and stockholm["kind_word"] == "kommun"
    r = site.get("/statistik", params={"lang": "sv"})
    assert r.status_code == 200
    assert '<h2 id="by-county">Kommuner och regioner per län</h2>' in r.text
    table = county_table(r.text)
    assert len(table) == 21 and table["01"]["county"] == "Stockholms län"
    row = table["01"]
    assert ("/organ/stockholms-stad", "Stockholms stad") in row["links"]
    assert row["bodies"] > 0 and row["documents"] > 0
    if len(row["links"]) == 1:                     # one place: its own figures
        assert (row["bodies"], row["documents"], row["decisions"]) == \
            tuple(int(stockholm[f]) for f in ("bodies", "documents", "decisions"))
    placed = [label for r in table.values() for _, label in r["links"]]
    assert sorted(placed) == sorted(p["label"] for p in named)          # each place in one county
    assert all(r["bodies"] == r["documents"] == r["decisions"] == 0 for r in table.values() if not r["links"])
    # the map: Stockholms län coloured and a link to its row, a county with nothing neutral and no link
    if places.MAP_FILE.is_file():
        svg = re.search(r'<svg class="chart map".*?</svg>', r.text, re.S).group()
        assert 'role="group" aria-label="Karta över länen' in svg
        path = re.search(r'<a href="#county-01" aria-label="Stockholms län: (\d+) organ[^"]*">'
                         r'<path id="county-01-map" class="m-([1-4])"', svg)
        assert path and int(path.group(1)) == row["bodies"]
        empty = next(code for code, r in table.items() if not r["links"])
        assert re.search(rf'<path id="county-{empty}-map" class="m-0"', svg)
        assert f'href="#county-{empty}"' not in svg
        assert svg.count("<path ") == 21 and svg.count("<title>") == 22
        assert "Karta: svg-maps / MapSVG, CC BY 4.0" in r.text
    # the CSV of the table: the same numbers, the places' IRIs beside their names
    rows = parse_csv(site.get("/statistik", params={"format": "csv", "table": "counties"}))
    assert len(rows) == 21
    for c in rows:
        shown = table[c["county_code"]]
        assert c["county"] == shown["county"]
        assert [int(c[f]) for f in ("bodies", "documents", "decisions")] == \
            [shown[f] for f in ("bodies", "documents", "decisions")]
        assert c["places"] == " | ".join(label for _, label in shown["links"])
    assert next(c for c in rows if c["county_code"] == "01")["places_iri"] == BASE + "id/org/stockholms-stad"
    assert '/statistik?format=csv&amp;table=counties' in r.text
    assert site.get("/statistik", params={"format": "json", "table": "counties"}).json()["items"][0]["county"] == \
        "Blekinge län"


def test_the_county_section_in_english_and_not_for_one_body(site):
    r = site.get("/statistik", params={"lang": "en"})
    assert '<h2 id="by-county">Municipalities and regions by county</h2>' in r.text
    assert "county-table" in r.text and "Stockholms län" in r.text
    if places.MAP_FILE.is_file():
        assert "Map: svg-maps / MapSVG, CC BY 4.0" in r.text
        assert re.search(r'aria-label="Stockholms län: \d+ bodies, \d+ documents, \d+ decisions"', r.text)
    one = site.get("/statistik", params={"body": BASE + "id/org/stockholms-stad/arbetsmarknadsnamnden",
                                         "lang": "sv"})
    assert one.status_code == 200 and "county-table" not in one.text and "by-county" not in one.text
    for params in ({"format": "csv"}, {"format": "xml", "table": "counties"}, {"table": "years"},
                   {"format": "csv", "table": "counties", "body": "Arbetsmarknadsnämnden"}):
        assert site.get("/statistik", params=params).status_code == 400, params


def test_the_figures_page_without_the_map(corpus_store, tmp_path):
    """Without the front-end build's county shapes the table is shown, and no map nor its credit."""
    from styrgraf.api.app import AppState
    from styrgraf.config import Settings

    state = AppState(Settings(base=BASE, store=corpus_store))
    app = FastAPI()
    app.include_router(pages_router(state))
    pages_of(state).map_file = tmp_path / "sweden-counties.json"
    try:
        with TestClient(app) as client:
            r = client.get("/statistik", params={"lang": "sv"})
    finally:
        state.executor.close()
    assert r.status_code == 200
    table = county_table(r.text)
    assert table["01"]["bodies"] > 0 and ("/organ/stockholms-stad", "Stockholms stad") in table["01"]["links"]
    assert 'class="chart map"' not in r.text and "MapSVG" not in r.text
    assert 'class="chart"' in r.text                         # the other charts are still drawn
