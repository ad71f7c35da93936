"""Which county (län) a municipality or region belongs to, and the county shapes of the map.

For recognition and presentation only: the graph holds no county, so a place body is put in its
county by its name, through the reference lists of ingest/lexicon (lan.csv; kommuner.csv and the
regions of register.tsv, by ingest/register.py). The counts shown beside a county still come from
the graph. The shapes are @svg-maps/sweden's, written to api/static/build/ by frontend/build.mjs
(absent without the front-end build: the page then shows the table alone).
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from styrgraf.ingest import register
from styrgraf.resources import folder

MAP_FILE = folder("styrgraf.api", "static", "build", "sweden-counties.json")


@dataclass(frozen=True)
class County:
    code: str           # länskod (SCB), two digits: "01"
    name: str           # "Stockholms län"
    letter: str         # länsbokstav: "AB"


def _key(name: str) -> str:
    """A county's name without "län" and its genitive: "Dalarnas län", "Dalarna" -> "dalarna"."""
    name = re.sub(r"\s+", " ", name.strip()).removesuffix(" län").removesuffix(" läns")
    return name.removesuffix("s").casefold()


@lru_cache(maxsize=1)
def counties() -> tuple[County, ...]:
    """The 21 counties, in the order of lan.csv (by name)."""
    with open(register.LEXICON / "lan.csv", encoding="utf-8", newline="") as f:
        return tuple(County(f"{int(r['code']):02d}", r["name"], r["letter"]) for r in csv.DictReader(f))


@lru_cache(maxsize=1)
def _by_key() -> dict[str, County]:
    """County key -> county: the county's own name ("dalarna") and its region's short name where
    that is another word ("Region Sörmland" -> "sörmland", "Region Jämtland Härjedalen")."""
    by_code = {c.code: c for c in counties()}
    out = {_key(c.name): c for c in counties()}
    for e in register.entries():
        code = dict(e.identifiers).get("länskod")
        if e.kind == "region" and code in by_code and e.name.startswith("Region "):
            out.setdefault(_key(e.name.removeprefix("Region ")), by_code[code])
    return out


def county_by_code(code: str) -> County | None:
    return next((c for c in counties() if c.code == code), None)


def county_of_map_name(name: str) -> County | None:
    """The county of a shape's name on the map: "Dalarna" -> Dalarnas län, "Skåne" -> Skåne län."""
    return _by_key().get(_key(name))


# how a region's name is written around its county's: "Region Dalarna", "Landstinget i Värmland",
# "Landstinget Dalarna", "Jämtlands läns landsting", "Västra Götalandsregionen"
REGION_NAME = re.compile(r"(?:Region|Landstinget(?: i)?)\s+(?P<a>.+)|(?P<b>.+?)(?:s?\s+läns)?\s+landsting|"
                         r"(?P<c>.+?)s?regionen")
# how a municipality's: "Stockholms stad", "Uppsala kommun", "Malmö stad"
MUNICIPALITY_NAME = re.compile(r"(?P<place>.+?)\s+(?:kommun|stad)")


def county_of(label: str | None, kind: str | None = None) -> County | None:
    """The county of a municipality's or region's name as the graph writes it, or None (also for
    any other body). The register first (a kommunkod's first two digits are its länskod), then
    the wording of the name. `kind` ("kommun" or "region"), where known, lets a bare place name
    ("Stockholm") stand for its municipality."""
    if not label or not label.strip():
        return None
    label = re.sub(r"\s+", " ", label.strip())
    entry = register.lookup(label)
    if entry is not None:
        ids = dict(entry.identifiers)
        if "länskod" in ids:
            return county_by_code(ids["länskod"])
        if "kommunkod" in ids:
            return county_by_code(ids["kommunkod"][:2])
        return None                     # a body the register knows, and no place
    codes = register.municipality_codes()
    m = MUNICIPALITY_NAME.fullmatch(label)
    place = m["place"] if m else (label if kind == "kommun" else None)
    code = (codes.get(place) or codes.get(place.removesuffix("s"))) if place else None    # "Kalmars kommun"
    if code:
        return county_by_code(code[:2])
    m = REGION_NAME.fullmatch(label)
    if m:
        return _by_key().get(_key(m["a"] or m["b"] or m["c"]))
    return None


@dataclass(frozen=True)
class Shape:
    county: County
    ident: str          # the shape's id in the map ("vastra gotaland")
    name: str           # its name there ("Västra Götaland")
    path: str           # SVG path data


@dataclass(frozen=True)
class CountyMap:
    view_box: str
    shapes: tuple[Shape, ...]
    attribution: str


def county_map(path: Path = MAP_FILE) -> CountyMap | None:
    """The county shapes, each matched to its county; None when the front-end build (or a county
    in it) is missing, so that a page shows its table without a map."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        shapes = tuple(Shape(county_of_map_name(c["name"]), c["id"], c["name"], c["path"])
                       for c in data["counties"])
        view_box = data["viewBox"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not re.fullmatch(r"[\d.]+ [\d.]+ [\d.]+ [\d.]+", view_box or "") or \
            any(s.county is None for s in shapes) or {s.county for s in shapes} != set(counties()):
        return None
    return CountyMap(view_box, shapes, data.get("attribution") or "svg-maps / MapSVG, CC BY 4.0")
