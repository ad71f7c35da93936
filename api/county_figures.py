"""The county table of the figures page: the municipalities and regions the graph holds, by county.

The places and their own figures are the named query `places`; each is put in its county by its
name (api/places.py). A county's figures are counted again in the graph (COUNTY_Q) over all its
places at once rather than added up from theirs, so that a document two of them wrote together, or
a body under both, is counted once.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox

from styrgraf.vocab import sparql_prefixes

from . import places

# as in queries/places.rq: each place's bodies (itself and those transitively part of it) taken
# once, then their documents and the decisions of their meetings; ?county is "" for the places
# of no known county
COUNTY_Q = sparql_prefixes(("sg", "org", "dct")) + """SELECT ?county (COUNT(DISTINCT ?member) AS ?bodies) (COUNT(DISTINCT ?doc) AS ?documents)
       (COUNT(DISTINCT ?d) AS ?decisions)
WHERE {
  { SELECT DISTINCT ?county ?member WHERE {
      { VALUES (?place ?county) { PLACES } BIND(?place AS ?member) }
      UNION
      { VALUES (?place ?county) { PLACES } ?member org:subOrganizationOf+ ?place }
  } }
  OPTIONAL { { ?doc a sg:Document ; dct:creator ?member }
             UNION { ?m a sg:Meeting ; sg:heldBy ?member ; sg:agendaItem/sg:decision ?d } }
}
GROUP BY ?county
"""
FIGURES = ("bodies", "documents", "decisions")


def county_query(pairs: list[tuple[str, str]]) -> str:
    """COUNTY_Q over (place IRI, county code) pairs; the terms are pyoxigraph's own serialisation
    (an IRI that does not parse raises ValueError)."""
    rows = " ".join(f"({ox.NamedNode(iri)} {ox.Literal(code)})" for iri, code in pairs)
    return COUNTY_Q.replace("PLACES", rows)


async def county_rows(api: Any) -> list[dict[str, Any]]:
    """One row per county (in the order of lan.csv), and a last one (code "") for the places
    whose county is not known, if any: `code`, `county` (its name, None for the last), `places`
    (iri, label, kind), and the figures."""
    grouped: dict[str, list[dict[str, str]]] = {}
    for r in await api.rows("places"):
        county = places.county_of(r.get("label"), r.get("kind_word"))
        grouped.setdefault(county.code if county else "", []).append(
            {"iri": r["place"], "label": r.get("label") or r["place"], "kind": r.get("kind_word")})
    totals: dict[str, dict[str, str | None]] = {}
    if grouped:
        pairs = [(p["iri"], code) for code, ps in grouped.items() for p in ps]
        totals = {r["county"]: r for r in (await api.select(county_query(pairs)))[1]}
    order = [(c.code, c.name) for c in places.counties()] + ([("", None)] if "" in grouped else [])
    return [{"code": code, "county": name, "places": grouped.get(code, []),
             **{f: int((totals.get(code) or {}).get(f) or 0) for f in FIGURES}} for code, name in order]


def csv_items(rows: list[dict[str, Any]], unknown: str) -> list[dict[str, Any]]:
    """The table's rows for its CSV: the places' names, and their IRIs in a column of their own
    (each joined with " | ", as the other downloads join lists), and the figures."""
    return [{"county_code": r["code"], "county": r["county"] or unknown,
             "places": " | ".join(p["label"] for p in r["places"]),
             "places_iri": " | ".join(p["iri"] for p in r["places"]),
             **{f: r[f] for f in FIGURES}} for r in rows]


def map_areas(rows: list[dict[str, Any]], note, map_file: Path = places.MAP_FILE) \
        -> tuple[str, list[dict[str, Any]]] | None:
    """The view box and areas of the county map (charts.choropleth), coloured by the bodies the
    graph holds under the county's places; each county with places links its row of the table.
    `note(row)` is the words of a county's figures. None without the map's shapes (no front-end
    build)."""
    shapes = places.county_map(map_file)
    if shapes is None:
        return None
    by_code = {r["code"]: r for r in rows}
    return shapes.view_box, [
        {"id": f"county-{s.county.code}-map", "path": s.path, "value": by_code[s.county.code]["bodies"],
         "note": note(by_code[s.county.code]),
         "href": f"#county-{s.county.code}" if by_code[s.county.code]["places"] else None}
        for s in shapes.shapes]
