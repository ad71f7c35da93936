"""Pages for analysts: server-rendered HTML (Jinja2) over the analyst API, in Swedish and English.

Routes (Swedish paths; ``?lang=en`` or the toggle switches language and remembers it in a cookie):

* ``/``                       start: search box with suggestions, what the graph holds
* ``/sok?q=``                 search results (bodies, policies, goals, assignments, documents)
* ``/api/v1/search?q=``       the suggestions as JSON (``format=csv`` too)
* ``/organ``, ``/styrdokument``, ``/mal``, ``/ansvar``, ``/uppdrag``, ``/remisser``,
  ``/sammantraden``, ``/dokument``, ``/lagar``: the nine collections as lists
  (``q``, ``kind``, ``body`` filters, paged), and ``/{list}/{id}`` one resource, where ``id``
  is the instance IRI's path after ``{base}id/{segment}/`` (as in ``/api/v1/{collection}/{id}``)
* ``/graf?iri=``              the neighbourhood of a resource as a picture
* ``/fraga``                  the SPARQL page (editor, the named queries as examples)
* ``/docs``                   the API documentation (Swagger UI, from the front-end build)
* ``/static/…``               CSS, the page scripts and the built bundles (api/static/build/)

Every page and list also answers ``?format=json`` and ``?format=csv`` (a detail page's list
by ``&list=<field>``), and links its RDF alternates. ``render_resource_page`` renders the rich
page of an instance IRI for the linked-data handler (``/id/…`` with ``Accept: text/html``);
``Pages.render_description`` the page of any other resource (evidence, a person, an agenda item,
something named but not typed). Links go to paths here (``page_url``, ``rdf_path``, both by
api/links.py), whatever the base the IRIs were minted under.
The data comes from :class:`api.analyst.Analyst` (the named queries) and a few queries here
(a document's text and evidence spans, search, the graph's edges).
"""
from __future__ import annotations

import asyncio
import datetime
import json
import math
import mimetypes
import re
import tomllib
from collections import defaultdict
from typing import Any
from urllib.parse import quote, urlencode

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from styrgraf import __version__, kinds
from styrgraf.iris import ID_SEGMENT, SEGMENT_COLLECTION as IRI_SEGMENT_COLLECTION, id_prefix, parse
from styrgraf.resources import folder
from styrgraf.query_text import with_prefixes
from styrgraf.vocab import NAMESPACE, ONTOLOGY_IRI, PREFIXES as VOCAB_PREFIXES, SFS_BASE, SG, SGK

from . import charts, county_figures, places, process
from .analyst import EXAMPLES, ROLE_LISTS, STATUSES, Analyst, example_response
from .csvsafe import csv_text
from .links import local_path
from .named_queries import inject_values
from .registry import PAGE_SEGMENT, RESOURCES
from .state import ServerState

TEMPLATES = folder("styrgraf.api", "templates")
STATIC = folder("styrgraf.api", "static").resolve()
BUILD = STATIC / "build"

LANGS = ("sv", "en")
LANG_COOKIE = "styrgraf_lang"
PAGE_SIZE = 50
RDF_SUFFIXES = (("text/turtle", "ttl"), ("application/ld+json", "jsonld"),
                ("application/n-triples", "nt"), ("application/rdf+xml", "rdf"))

# page path segment -> collection
SEGMENT_COLLECTION = {v: k for k, v in PAGE_SEGMENT.items()}

# ============================================================== words
# message key -> (Swedish, English): the words of the pages, in api/messages.toml
MESSAGES: dict[str, tuple[str, str]] = {
    key: (sv, en) for key, (sv, en) in
    tomllib.loads(folder("styrgraf.api", "messages.toml").read_text(encoding="utf-8")).items()}


ERROR_AT = re.compile(r"\berror at (?P<line>\d+):(?P<column>\d+)\b")


def error_position(query: str | None, error: str | None) -> dict[str, Any] | None:
    """Where a syntax error is (the engine says "error at LINE:COLUMN"): the line, the column and that line's text."""
    m = ERROR_AT.search(error or "")
    lines = (query or "").split("\n")
    if not m or not 1 <= int(m["line"]) <= len(lines):
        return None
    line, column = int(m["line"]), int(m["column"])
    return {"line": line, "column": column, "text": lines[line - 1], "caret": " " * max(0, column - 1) + "^"}


def translator(lang: str):
    i = 0 if lang == "sv" else 1

    def t(key: str) -> str:
        pair = MESSAGES.get(key)
        return pair[i] if pair else key
    t.lang = lang            # macros get `t` only: they read the language from it (kind_label)
    return t


def kind_label(word: str | None, lang: str) -> str:
    """A kind word as a page in `lang` shows it: the Swedish word, or the ontology's English label."""
    if not word:
        return ""
    return kinds.english_labels().get(word, word) if lang == "en" else word


def shown_facts(item: dict[str, Any], facts: Any) -> list[tuple[str, str, str]]:
    """The facts (heading, field, how: registry.Column) a page shows of an item: an optional one
    (how ending in "?") only where the item has a value for it (for a period, a start or an end)."""
    out = []
    for heading, field, how in facts:
        show = how.rstrip("?")
        values = (item.get(f"{field}_start"), item.get(f"{field}_end")) if show == "period" else (item.get(field),)
        if show == how or any(v not in (None, "", [], {}) for v in values):
            out.append((heading, field, show))
    return out


# ============================================================== fact types
BODY_CLASSES = {"Body", *kinds.body_classes().values()}     # sg:Body and the class of each body kind
# sg: class -> the type a page shows: the resource types', the parts of minutes and documents', a body's
CLASS_TYPE = {**{r.sg_class: r.type_name for r in RESOURCES.values()},
              "AgendaItem": "item", "Decision": "decision", "Reservation": "reservation",
              "MinutesStatement": "statement", "Attendance": "attendance", "Person": "person",
              "Evidence": "evidence", "Party": "party", "Diarienummer": "dnr", "Response": "response",
              "Change": "change", **{c: "body" for c in BODY_CLASSES}}
TYPE_ORDER = ("body", "policy", "goal", "assignment", "document", "consultation", "meeting", "responsibility",
              "law", "item", "decision", "reservation", "statement", "attendance", "person", "response", "party",
              "dnr", "evidence", "change", "other")


def type_of(class_iris: list[str] | str | None) -> str:
    if isinstance(class_iris, str):
        class_iris = class_iris.split()
    found = [CLASS_TYPE[c[len(SG):]] for c in class_iris or () if c.startswith(SG) and c[len(SG):] in CLASS_TYPE]
    return min(found, key=TYPE_ORDER.index) if found else "other"


# ============================================================== CSV
def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        if set(value) >= {"iri", "label"}:
            return value.get("label") or value.get("iri") or ""
        if "quote" in value:
            return value.get("quote") or ""
        return "; ".join(f"{k}: {_cell(v)}" for k, v in value.items() if v not in (None, [], ""))
    if isinstance(value, list):
        return " | ".join(_cell(v) for v in value)
    return str(value)


def flatten(item: dict[str, Any]) -> dict[str, str]:
    """One CSV row of an API item: refs as label + `_iri` column, lists joined with ' | '."""
    row: dict[str, str] = {}
    for k, v in item.items():
        row[k] = _cell(v)
        if isinstance(v, dict) and "iri" in v:
            row[f"{k}_iri"] = v.get("iri") or ""
        elif isinstance(v, list) and v and all(isinstance(x, dict) and "iri" in x for x in v):
            row[f"{k}_iri"] = " | ".join(x.get("iri") or "" for x in v)
        elif isinstance(v, list) and v and all(isinstance(x, dict) and "quote" in x for x in v):
            row[f"{k}_documents"] = " | ".join(((x.get("document") or {}).get("iri") or "") for x in v)
    return row


def csv_response(items: list[dict[str, Any]], filename: str) -> Response:
    rows = [flatten(i) for i in items]
    columns: list[str] = []
    for r in rows:
        for c in r:
            if c not in columns:
                columns.append(c)
    body = csv_text([columns] + [[r.get(c, "") for c in columns] for r in rows])
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", filename).strip("-") or "styrgraf"
    return Response(body, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{safe}.csv"'})


def json_response(data: Any, filename: str | None = None) -> JSONResponse:
    headers = {}
    if filename:
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", filename).strip("-") or "styrgraf"
        headers["Content-Disposition"] = f'inline; filename="{safe}.json"'
    return JSONResponse(data, headers=headers)


# ============================================================== evidence highlighting
def highlight(text: str, spans: list[tuple[int, int]]) -> Markup:
    """`text` as HTML with one <mark id="ev-S-E"> per span; a span that crosses another one's end
    goes on in continuation marks (no id, same data-ev), so the HTML stays well nested."""
    n = len(text)
    spans = sorted({(max(0, s), min(n, e)) for s, e in spans if s is not None and e is not None and
                    0 <= s < e and s < n}, key=lambda x: (x[0], -x[1]))
    starts: dict[int, list[tuple[int, int]]] = defaultdict(list)
    ends: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for s, e in spans:
        starts[s].append((s, e))
        ends[e].append((s, e))
    points = sorted({0, n, *starts, *ends})
    out: list[str] = []
    stack: list[tuple[int, int]] = []

    def open_tag(sp: tuple[int, int], first: bool) -> str:
        key = f"ev-{sp[0]}-{sp[1]}"
        if first:
            return f'<mark class="ev" id="{key}" data-ev="{key}" tabindex="0">'
        return f'<mark class="ev cont" data-ev="{key}">'

    for i, p in enumerate(points):
        closing = ends.get(p, [])
        if closing:
            reopen = []
            while any(sp in stack for sp in closing):
                top = stack.pop()
                out.append("</mark>")
                if top not in closing:
                    reopen.append(top)
            for sp in reversed(reopen):
                stack.append(sp)
                out.append(open_tag(sp, False))
        for sp in starts.get(p, []):
            stack.append(sp)
            out.append(open_tag(sp, True))
        if i + 1 < len(points):
            out.append(str(escape(text[p:points[i + 1]])))
    while stack:
        stack.pop()
        out.append("</mark>")
    return Markup("".join(out))


# ============================================================== graph picture
def svg_graph(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], title: str) -> Markup:
    """A radial picture: the focus in the middle, its neighbours around it; every node a link."""
    w, h = 1100, 620
    cx, cy = w / 2, h / 2
    focus = next((n for n in nodes if n["focus"]), None)
    others = [n for n in nodes if not n["focus"]]
    pos: dict[str, tuple[float, float]] = {}
    if focus:
        pos[focus["iri"]] = (cx, cy)
    k = max(1, len(others))
    r = 235 if k > 6 else 180
    for i, n in enumerate(others):
        a = 2 * math.pi * i / k - math.pi / 2
        pos[n["iri"]] = (cx + r * math.cos(a), cy + r * 0.85 * math.sin(a))
    parts = [f'<svg viewBox="0 0 {w} {h}" role="img" aria-labelledby="svg-title" class="graph-svg" '
             f'xmlns="http://www.w3.org/2000/svg"><title id="svg-title">{escape(title)}</title>',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#6b7079"/></marker></defs>']
    for e in edges:
        if e["source"] not in pos or e["target"] not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        d = math.hypot(x2 - x1, y2 - y1) or 1
        x2s, y2s = x2 - (x2 - x1) * 16 / d, y2 - (y2 - y1) * 16 / d
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2s:.1f}" y2="{y2s:.1f}" class="edge" '
                     f'marker-end="url(#arrow)"><title>{escape(e["label"])}</title></line>')
    for n in nodes:
        x, y = pos[n["iri"]]
        rad = 15 if n["focus"] else 10
        anchor = "middle" if abs(x - cx) < 40 else ("start" if x > cx else "end")
        tx = x if anchor == "middle" else (x + rad + 5 if anchor == "start" else x - rad - 5)
        ty = y + rad + 14 if anchor == "middle" and y >= cy else (y - rad - 6 if anchor == "middle" else y + 4)
        label = n["short"] if len(n["short"]) <= 30 else n["short"][:29] + "…"
        parts.append(f'<a href="{escape(n["page"])}" class="node t-{n["type"]}{" focus" if n["focus"] else ""}">'
                     f'<title>{escape(n["type_label"])}: {escape(n["label"])}</title>'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{rad}"/>'
                     f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}">{escape(label)}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


# ============================================================== queries of the pages
def page_query(name: str) -> str:
    """A query of the pages (queries/pages/{name}.rq), with the PREFIX lines it uses."""
    return with_prefixes(folder("styrgraf.queries", "pages", f"{name}.rq").read_text(encoding="utf-8"))


DOC_TEXT_Q = page_query("document-text")
DOC_FACTS_Q = page_query("document-facts")
MINUTES_Q = page_query("minutes-of-document")
SEARCH_Q = page_query("search")
EDGES_Q = page_query("graph-edges")
NODES_Q = page_query("graph-nodes")
TYPES_Q = page_query("types")
LABELS_Q = page_query("labels")

SEARCH_PAGE = 50            # hits on a page of /sok (limit= up to 500, for its JSON and CSV)
MAX_SEARCH_OFFSET = 100_000
# the collections of the text index the search page shows, and their type on the page
SEARCH_COLLECTIONS = {c: r.type_name for c, r in RESOURCES.items() if r.searched}


def describe_query(iri: str) -> str:
    """What a resource says (outgoing) and what links to it (incoming), over the union graph."""
    return (f"CONSTRUCT {{ <{iri}> ?p ?o . ?s ?q <{iri}> . }} WHERE {{ "
            f"{{ <{iri}> ?p ?o }} UNION {{ ?s ?q <{iri}> }} }}")


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# a description's own name, best first; then, for a resource without one, whose it is
NAME_PREDICATES = ["http://www.w3.org/2004/02/skos/core#prefLabel", "http://purl.org/dc/terms/title",
                   "http://xmlns.com/foaf/0.1/name", SG + "statement", SG + "task",
                   "http://www.w3.org/2004/02/skos/core#notation", "http://www.w3.org/2000/01/rdf-schema#label",
                   "http://purl.org/dc/terms/description"]
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
OWNER_PREDICATES = [SG + "attendee", SG + "madeBy", SG + "respondent", SG + "changedDocument", PROV_DERIVED]


def preferred_language(header: str) -> str:
    """The page language a browser asks for in Accept-Language ("en-GB,en;q=0.8,sv;q=0.5" → en), by weight;
    Swedish where it names neither."""
    best, best_q = "sv", -1.0
    for part in header.split(","):
        tag, _, params = part.strip().partition(";")
        q = re.match(r"\s*q=([0-9.]+)", params)
        weight = float(q.group(1)) if q and q.group(1).replace(".", "", 1).isdigit() else 1.0
        lang = tag.strip().lower()[:2]
        if lang in LANGS and weight > best_q and weight > 0:
            best, best_q = lang, weight
    return best


def short_label(label: str | None, iri: str, n: int = 60) -> str:
    text = (label or iri.rstrip("/").rsplit("/", 1)[-1]).strip()
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# ============================================================== the pages
class Pages:
    """What the routes share: the analyst queries, the templates, the IRI -> page mapping."""

    def __init__(self, state: ServerState):
        self.state = state
        self.api = Analyst(state)
        self.env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                               autoescape=select_autoescape(["html", "svg", "xml"]),
                               trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(page=self.page_url, short=short_label, version=__version__,
                                evidence_url=self.evidence_url, rdf_path=self.rdf_path, asset=self.asset,
                                has_bundle=lambda name: (BUILD / name).is_file(),
                                long_first=lambda evs: sorted(evs or [], key=lambda e: -len(e.get("quote") or "")))
        self.env.filters["tojson_attr"] = lambda v: json.dumps(v, ensure_ascii=False)
        self.env.globals["policy_timeline"] = policy_timeline
        self.env.globals["kind_label"] = kind_label
        self.env.globals["shown_facts"] = shown_facts
        self.env.globals["list_url"] = lambda collection, body: f"/{PAGE_SEGMENT[collection]}?" + urlencode({"body": body})
        # the anchors of the ontology's HTML documentation (/ns), one per term it documents
        self.ontology_ids = set(re.findall(r'\bid="([^"]+)"', getattr(state, "ontology_html", None) or ""))
        # the county shapes of the map on /statistik (from the front-end build; the page does without)
        self.map_file = places.MAP_FILE

    @property
    def base(self) -> str:
        return getattr(self.state, "base", NAMESPACE)

    # ------------------------------------------------------------ IRIs and paths
    def page_url(self, iri: str | None) -> str | None:
        """The local page of a resource IRI (None for a phrase without IRI): a collection's page
        where the resource has one, else the IRI's own path here (api/links.py)."""
        if not iri:
            return None
        parsed = parse(iri, self.base)
        if parsed is not None and parsed.kind == "evidence":
            start, end = parsed.span
            return f"/{PAGE_SEGMENT['documents']}/{quote(parsed.ident)}#ev-{start}-{end}"
        if parsed is not None and parsed.kind in ("document", "instance"):
            if parsed.segment == "meeting":
                m = re.match(r"(.*?/\d{4}-\d{2}-\d{2})(?:/(p\d+))?", parsed.ident)
                if m:
                    return f"/{PAGE_SEGMENT['meetings']}/{quote(m.group(1))}" + (f"#{m.group(2)}" if m.group(2) else "")
            collection = IRI_SEGMENT_COLLECTION.get(parsed.segment)
            if collection:
                return f"/{PAGE_SEGMENT[collection]}/{quote(parsed.ident)}"
        if iri.startswith(SFS_BASE):
            return f"/{PAGE_SEGMENT['laws']}/{quote(iri[len(SFS_BASE):])}"
        if iri.startswith(ONTOLOGY_IRI):     # the ontology's terms and versions: its documentation
            return self.term_url(iri)
        return local_path(iri, self.base) or f"/graf?{urlencode({'iri': iri})}"

    def rdf_path(self, iri: str | None) -> str | None:
        """The local path of a resource's linked-data description (no suffix), if it has one."""
        if iri and iri.startswith(id_prefix(self.base)):
            return local_path(iri, self.base)
        return None

    def term_url(self, iri: str) -> str | None:
        """Where a link to an IRI shown in a description leads: styrgraf's own resources and
        terms to their pages here, other http(s) IRIs to themselves; no link for any other
        scheme (a javascript: or data: IRI would run or load in the page)."""
        if iri.startswith(SG):         # the ontology's page, at the term where the page has it
            term = iri[len(SG):]
            return "/ns#" + quote(term) if term in self.ontology_ids else "/ns"
        if iri.startswith(ONTOLOGY_IRI):    # the ontology and its versions
            return "/ns"
        if iri.startswith(SGK):
            return None           # a kind: its label says it all, and it has no page of its own
        if iri.startswith((self.base, SFS_BASE)):
            return self.page_url(iri)
        return iri if iri.lower().startswith(("http://", "https://")) else None

    def evidence_url(self, ev: dict[str, Any] | None) -> str | None:
        doc = (ev or {}).get("document") or {}
        url = self.page_url(doc.get("iri"))
        if url and ev.get("start") is not None and ev.get("end") is not None:
            return f"{url}#ev-{ev['start']}-{ev['end']}"
        return url

    @staticmethod
    def asset(name: str) -> str:
        path = STATIC / name
        try:
            return f"/static/{name}?v={int(path.stat().st_mtime)}"
        except OSError:
            return f"/static/{name}"

    # ------------------------------------------------------------ rendering
    def lang(self, request: Request) -> str:
        q = request.query_params.get("lang")
        if q in LANGS:
            return q
        c = request.cookies.get(LANG_COOKIE)
        return c if c in LANGS else preferred_language(request.headers.get("accept-language", ""))

    def render(self, request: Request, template: str, status: int = 200, headers: dict | None = None,
               **ctx: Any) -> HTMLResponse:
        lang = self.lang(request)
        t = translator(lang)
        params = {k: v for k, v in request.query_params.multi_items() if k != "lang"}

        def url_with(**changes: Any) -> str:
            p = dict(params)
            for k, v in changes.items():
                if v is None:
                    p.pop(k, None)
                else:
                    p[k] = v
            return request.url.path + ("?" + urlencode(p) if p else "")
        other = "en" if lang == "sv" else "sv"
        html = self.env.get_template(template).render(
            request=request, lang=lang, t=t, url_with=url_with, path=request.url.path,
            lang_toggle={"lang": other, "href": url_with(lang=other),
                         "label": t("in_english") if other == "en" else t("in_swedish")},
            **ctx)
        resp = HTMLResponse(html, status_code=status, headers=headers)
        if request.query_params.get("lang") in LANGS:
            resp.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
        resp.headers["Content-Language"] = lang
        resp.headers.setdefault("Vary", "Accept, Accept-Language, Cookie")
        return resp

    def not_found(self, request: Request, iri: str | None = None) -> HTMLResponse:
        """The page's own 404, in the page's language (naming the IRI looked for, if any)."""
        return self.render(request, "error.html", status=404, code=404, iri=iri, alternates=[])

    # ------------------------------------------------------------ any resource's description
    async def describe(self, iri: str) -> list[ox.Triple]:
        """What the graph says about `iri` and what links to it (empty: no such resource)."""
        data = await self.state.executor.construct_ntriples(describe_query(iri))
        return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]

    async def labels(self, iris: list[str], lang: str) -> dict[str, str]:
        """The name of each IRI that has one, in the page's language where there is a choice."""
        if not iris:
            return {}
        rows = await self.select(inject_values(LABELS_Q, {"n": [ox.NamedNode(i) for i in iris]}))
        best: dict[str, tuple[int, str]] = {}
        for r in rows:
            n, label = r.get("n"), r.get("l")
            if n and label:
                rank = 0 if r.get("lang") == lang else 1 if not r.get("lang") else 2
                if n not in best or rank < best[n][0]:
                    best[n] = (rank, label)
        return {n: label for n, (_, label) in best.items()}

    def _term(self, term: Any, labels: dict[str, str], predicate: bool = False) -> dict[str, Any]:
        """A term as the description page shows it: text, where it links, its language."""
        if isinstance(term, ox.NamedNode):
            iri = term.value
            short = next((f"{prefix}:{iri[len(ns):]}" for prefix, ns in VOCAB_PREFIXES.items()
                          if iri.startswith(ns) and iri != ns), iri)
            # a property is shown by its prefixed name and linked only to this site's ontology page
            href = self.term_url(iri) if not predicate or iri.startswith(SG) else None
            label = labels.get(iri)
            return {"text": short if predicate or not label else short_label(label, iri, 160), "href": href,
                    "title": iri}
        if isinstance(term, ox.Literal):
            text = term.value if len(term.value) < 600 else term.value[:600] + " …"
            return {"text": text, "lang": term.language}
        return {"text": str(term)}

    async def render_description(self, request: Request, iri: str, triples: list[ox.Triple],
                                 headers: dict | None = None) -> HTMLResponse:
        """The page of a resource without a page of its own (evidence, a person, an agenda item,
        something a document names without saying what it is): a readable heading, what it says
        and what links to it, each link to its page here."""
        lang = self.lang(request)
        t = translator(lang)
        node = ox.NamedNode(iri)
        out_rows = sorted(((x.predicate, x.object) for x in triples if x.subject == node),
                          key=lambda r: (r[0].value != RDF_TYPE, r[0].value, str(r[1])))
        in_rows = sorted(((x.subject, x.predicate) for x in triples if x.object == node and x.subject != node),
                         key=lambda r: (r[1].value, str(r[0])))
        names = sorted({x.value for row in out_rows + in_rows for x in row if isinstance(x, ox.NamedNode)})
        labels = await self.labels(names, lang)
        kind = type_of([o.value for p, o in out_rows if p.value == RDF_TYPE])
        own = {}
        for p, o in out_rows:
            if isinstance(o, ox.Literal) and (p.value not in own or o.language == lang):
                own[p.value] = o.value
        quote_text = own.get(SG + "quote")
        name = next((own[p] for p in NAME_PREDICATES if own.get(p)), None)
        owner = next((labels.get(o.value) for p in OWNER_PREDICATES for q, o in out_rows
                      if q.value == p and isinstance(o, ox.NamedNode) and labels.get(o.value)), None)
        if quote_text:
            title = f"”{short_label(quote_text, iri, 120)}”"
        elif name and name == own.get(NAME_PREDICATES[-1]):       # a decision's text: say what it is
            title = f"{t('type_' + kind).capitalize()}: {short_label(name, iri, 160)}"
        elif name:
            paragraph = own.get(SG + "paragraph")                  # an agenda item: its § first
            title = short_label(f"§ {paragraph} {name}" if paragraph else name, iri, 160)
        elif owner:
            title = f"{t('type_' + kind).capitalize()}: {owner}"
        else:
            title = f"{t('type_' + kind).capitalize()} {iri.rstrip('/').rsplit('/', 1)[-1]}"
        evidence = None
        doc = next((o.value for p, o in out_rows if p.value == PROV_DERIVED and isinstance(o, ox.NamedNode)), None)
        if quote_text and doc:
            evidence = {"document": {"iri": doc, "label": labels.get(doc)}, "quote": quote_text,
                        "start": _int(own.get(SG + "start")), "end": _int(own.get(SG + "end"))}
        rdf = self.rdf_path(iri)
        alternates = [{"type": m, "href": f"{rdf}.{s}"} for m, s in RDF_SUFFIXES] if rdf else []
        return self.render(request, "resource.html", headers=headers, title=title, iri=iri, kind=kind, rdf=rdf,
                           evidence=evidence, alternates=alternates,
                           out_rows=[(self._term(p, labels, True), self._term(o, labels)) for p, o in out_rows],
                           in_rows=[(self._term(x, labels), self._term(p, labels, True)) for x, p in in_rows])

    # ------------------------------------------------------------ queries
    async def select(self, text: str) -> list[dict[str, str | None]]:
        return (await self.api.select(text))[1]

    async def counts(self) -> list[dict[str, Any]]:
        rows = await self.api.rows("counts")
        return [{"collection": r["collection"], "count": int(r["count"] or 0)} for r in rows if r.get("collection")]

    async def search(self, q: str, limit: int = 10, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Resources whose name or text matches `q`, best first; and how many. From the text index
        (styrgraf/search.py: case, diacritics and Swedish endings folded) when the server has
        one, else from SPARQL (case-insensitive substring)."""
        needle = re.sub(r"\s+", " ", q).strip().lower()[:200]
        if not needle:
            return [], 0
        found = await self.index_search(needle, limit, offset)
        if found is not None:
            return found
        rows = await self.select(inject_values(SEARCH_Q, {"needle": [ox.Literal(needle)]}))
        best: dict[str, dict[str, Any]] = {}
        for r in rows:
            iri, text = r.get("iri"), r.get("text") or ""
            if not iri:
                continue
            low = text.lower()
            rank = 0 if low == needle else 1 if low.startswith(needle) else \
                2 if re.search(r"(?<!\w)" + re.escape(needle), low) else 3
            typ = r.get("type") or "other"
            key = (rank, TYPE_ORDER.index(typ) if typ in TYPE_ORDER else 99, len(r.get("label") or text))
            label = r.get("label") or text
            cur = best.get(iri)
            if cur is None or key < cur["_key"]:
                best[iri] = {"iri": iri, "label": label, "type": typ, "match": text, "page": self.page_url(iri),
                             "_key": key}
        items = sorted(best.values(), key=lambda x: (x["_key"], x["label"].lower()))
        for x in items:
            del x["_key"]
        return items[offset:offset + limit], len(items)

    async def index_search(self, needle: str, limit: int, offset: int = 0) -> tuple[list[dict[str, Any]], int] | None:
        """`limit` hits of the text index in the search page's types from `offset`, and how many
        there are; None without an index. Ranked by the match's rank, then the type, then each
        type's own order (by name): so the first offset + limit of each type are all that can be
        shown. Names and matched texts are the index's rows, written from the store's data."""
        found = await asyncio.gather(*(self.api.text_search(needle, c, 0, offset + limit) for c in SEARCH_COLLECTIONS))
        if any(f is None for f in found):
            return None
        items = []
        for (hits, _), (collection, typ) in zip(found, SEARCH_COLLECTIONS.items()):
            for n, h in enumerate(hits):
                label = h.label or h.text
                items.append(((h.rank, TYPE_ORDER.index(typ), n),
                              {"iri": h.iri, "label": label, "type": typ, "match": h.text, "page": self.page_url(h.iri)}))
        items.sort(key=lambda kv: kv[0])
        return [item for _, item in items[offset:offset + limit]], sum(total for _, total in found)

    async def document_text(self, iri: str) -> str | None:
        rows = await self.select(inject_values(DOC_TEXT_Q, {"doc": [ox.NamedNode(iri)]}))
        return rows[0].get("text") if rows else None

    async def document_facts(self, iri: str, t) -> list[dict[str, Any]]:
        """The evidence spans of a document, each with the facts read from it, in text order."""
        rows = await self.select(inject_values(DOC_FACTS_Q, {"doc": [ox.NamedNode(iri)]}))
        spans: dict[tuple[int, int], dict[str, Any]] = {}
        for r in rows:
            try:
                s, e = int(r["start"]), int(r["end"])
            except (TypeError, ValueError, KeyError):
                continue
            sp = spans.setdefault((s, e), {"id": f"ev-{s}-{e}", "start": s, "end": e, "quote": r.get("quote"),
                                           "facts": []})
            typ = type_of(r.get("types"))
            label = r.get("label")
            whom = r.get("whom")
            if typ == "responsibility" and whom:
                label = f"{whom}: {label}" if label else whom
            elif typ in ("attendance", "reservation", "statement") and whom:
                label = whom
            elif typ == "consultation":
                label = " ".join(x for x in ((label or t("type_consultation")).capitalize() if label else
                                             t("type_consultation").capitalize(), r.get("subject")) if x)
            elif typ == "item" and r.get("paragraph"):
                label = f"§ {r['paragraph']} {label or ''}".strip()
            fact = r.get("fact")
            if fact and all(f["iri"] != fact for f in sp["facts"]):
                sp["facts"].append({"iri": fact, "type": typ, "type_label": t(f"type_{typ}"),
                                    "label": short_label(label, fact, 160), "page": self.page_url(fact)})
        for sp in spans.values():
            sp["facts"].sort(key=lambda f: (TYPE_ORDER.index(f["type"]), f["label"]))
        return sorted(spans.values(), key=lambda x: (x["start"], -x["end"]))

    async def graph(self, iri: str, t) -> dict[str, Any]:
        """The neighbourhood of a resource: nodes (with types, labels, pages) and labelled edges."""
        node = [ox.NamedNode(iri)]
        out_rows, in_rows = await asyncio.gather(self.select(inject_values(EDGES_Q, {"s": node})),
                                                 self.select(inject_values(EDGES_Q, {"o": node})))
        edges, seen = [], set()
        for r in out_rows + in_rows:
            s, o, rel = r.get("s"), r.get("o"), r.get("rel")
            if not s or not o or not rel or s == o or (s, rel, o) in seen:
                continue
            seen.add((s, rel, o))
            note = r.get("note")
            label = t(f"edge_{rel}")
            edges.append({"source": s, "target": o, "rel": rel, "label": label,
                          "note": short_label(note, "", 120) if note else None})
        iris = sorted({iri, *(e["source"] for e in edges), *(e["target"] for e in edges)})
        rows = await self.select(inject_values(NODES_Q, {"n": [ox.NamedNode(i) for i in iris]}))
        info = {r["n"]: r for r in rows if r.get("n")}
        nodes = []
        for i in iris:
            r = info.get(i, {})
            typ = type_of(r.get("types"))
            label = r.get("label")
            if typ == "consultation":
                label = " ".join(x for x in (t("type_consultation").capitalize(), r.get("subject") or "",
                                             r.get("date") or "") if x)
            elif typ == "meeting":
                label = " ".join(x for x in (r.get("held_by"), r.get("date")) if x) or label
            nodes.append({"iri": i, "type": typ, "type_label": t(f"type_{typ}"), "label": short_label(label, i, 200),
                          "short": short_label(label, i, 48), "page": self.page_url(i), "focus": i == iri})
        nodes.sort(key=lambda n: (not n["focus"], TYPE_ORDER.index(n["type"]), n["label"].lower()))
        labels = {n["iri"]: n["label"] for n in nodes}
        for e in edges:
            e["source_label"], e["target_label"] = labels.get(e["source"]), labels.get(e["target"])
            e["source_page"], e["target_page"] = self.page_url(e["source"]), self.page_url(e["target"])
        edges.sort(key=lambda e: (e["rel"], (e["source_label"] or "").lower(), (e["target_label"] or "").lower()))
        return {"iri": iri, "nodes": nodes, "edges": edges}

    # ------------------------------------------------------------ detail data
    async def detail(self, collection: str, ident: str, t) -> dict[str, Any]:
        """The API item plus what its page shows besides (raises HTTPException 404)."""
        item = await self.api.detail(collection, ident)
        extra: dict[str, Any] = {}
        iri = item["iri"]
        if collection == "bodies":
            extra["consultation_roles"] = {c["iri"]: self._consultation_roles(c, iri) for c in item["consultations"]}
            extra["answers"] = self._answers(item["consultations"], iri)
            ev = item.get("evidence") or []
            extra["mentions"] = ev
            # the chart draws the latest of the assignments the page lists (all of the body's, unless it has more
            # than BODY_LIST_LIMIT in a role: Regeringen), their status read by IRI rather than by the body, which
            # reads every assignment of the store
            listed = sorted({a["iri"] for key in ROLE_LISTS.values() for a in item[key]})
            status = await self.api.rows("assignment-status", {"assignment": listed}) if listed else []
            extra["process"] = self._process_chart(await process.load(self.api, process.shown(status)), len(status), t)
        elif collection == "policies":
            related, _ = await self.api.page("policies", {"policy": [iri]}, 200, 0)
            outgoing = {r["target"]["iri"] for r in item["relations"]}
            extra["incoming"] = [p for p in related if p["iri"] != iri and p["iri"] not in outgoing]
        elif collection == "assignments":
            docs, chain = await asyncio.gather(
                self.api.items("documents", [r["iri"] for r in item["reports"] if r.get("iri")]),
                self._chain(item))
            extra["report_documents"] = docs
            extra["process"] = self._process_chart([chain], 1, t) if chain["changes"] or chain["reports"] or \
                chain["decided"] or chain["first_deadline"] else None
            extra["timeline"] = self._timeline(item, chain, docs, t)
        elif collection == "meetings":
            extra["by_party"] = self._by_party(item["attendees"])
            extra["item_evidence"] = await self._meeting_evidence(iri)
        elif collection == "documents":
            text, facts, meetings = await asyncio.gather(
                self.document_text(iri), self.document_facts(iri, t),
                self.select(inject_values(MINUTES_Q,
                                          {"doc": [ox.NamedNode(iri)]})))
            extra["text_html"] = highlight(text, [(f["start"], f["end"]) for f in facts]) if text else None
            extra["facts"] = facts
            extra["meetings"] = [r["m"] for r in meetings if r.get("m")]
        return {"item": item, **extra}

    @staticmethod
    def _consultation_roles(c: dict[str, Any], body: str) -> list[str]:
        roles = []
        if (c.get("organizer") or {}).get("iri") == body:
            roles.append("role_organizer")
        if any(p.get("iri") == body for p in c.get("participants", [])):
            roles.append("role_participant")
        if any((r.get("by") or {}).get("iri") == body for r in c.get("responses", [])):
            roles.append("role_respondent")
        return roles

    async def _chain(self, item: dict[str, Any]) -> dict[str, Any]:
        """The assignment's process (api/process.py), each change that moves its deadline with the
        sentence of the changing document that sets the new date. An assignment that a change
        restates has no status row of its own (its process is the one of the assignment it changes)."""
        iri = item["iri"]
        status, history = await asyncio.gather(self.api.rows("assignment-status", {"assignment": [iri]}),
                                               self.api.rows("assignment-history", {"assignment": iri}))
        chain = process.chain(status[0] if status else {"assignment": iri, "title": item.get("title")}, history)
        moved = [c for c in chain["changes"] if c["moved"]]
        spans = await asyncio.gather(*(self.document_facts(c["iri"], translator("sv")) for c in moved))
        for c, sp in zip(moved, spans):
            found = process.quote_setting(sp, c["to"])
            if found:
                c["quote"] = {"document": {"iri": c["iri"], "label": c["label"]}, "quote": found["quote"],
                              "start": found["start"], "end": found["end"]}
        return chain

    @staticmethod
    def _process_chart(rows: list[dict[str, Any]], total: int, t) -> dict[str, Any] | None:
        """The chart of assignments through time (charts.process_track, one track per assignment on
        one time scale) and the words of its table; None when there is nothing to draw."""
        if not rows:
            return None
        today = datetime.date.today().isoformat()
        words = {k: t(f"process_{k}") for k in ("decided", "deadline_first", "deadline_set", "moved",
                                                 "report_partial", "report_final", "today", "no_date",
                                                 "status_today")}
        words.update({f"state_{s}": t(f"state_{s.replace(' ', '_')}") for s in STATUSES})
        scale = charts.process_scale(rows, today)
        for k, r in enumerate(rows):
            r["svg"] = Markup(charts.process_track(r, scale, today, f"pt{k}", words))
            r["state_label"] = words.get(f"state_{r['state']}") if r["state"] else None
            r["state_class"] = (r["state"] or "none").replace(" ", "-")
        return {"rows": rows, "total": total, "ticks": scale["ticks"], "today": today,
                "today_left": round(charts._x(scale, today) / charts.TRACK_W * 100, 2)}

    @staticmethod
    def _answers(consultations: list[dict[str, Any]], body: str) -> dict[str, Any]:
        """Of the consultations the body was asked in, those it answered and those it did not (from
        each consultation's participants and its responses, queries/consultation-responses.rq)."""
        asked = [c for c in consultations if any(p.get("iri") == body for p in c.get("participants", []))]
        answered = [c["iri"] for c in asked if any((r.get("by") or {}).get("iri") == body for r in c.get("responses", []))]
        return {"asked": len(asked), "answered": len(answered), "answered_iris": set(answered)}

    @staticmethod
    def _timeline(item: dict[str, Any], chain: dict[str, Any], docs: list[dict[str, Any]], t) -> list[dict[str, Any]]:
        """The assignment's chain in its order: the decision, the deadlines it sets and the period it
        runs for (in time), each change (the deadline it moved, from → to, and the sentence that
        moves it; in the order api/process.py gives them, since a change often has no date of its
        own), each report (in time), and its status today."""
        events = []

        def add(stage: int, date: str | None, what: str, ref: dict | None = None, **more: Any) -> None:
            iso = bool(date and re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", date.strip()))
            events.append({"date": date, "dated": iso, "what": what, "ref": ref, "kind": "", "quote": None,
                           "sort": (stage, (date if iso else "9999") if stage != 2 else "", len(events)), **more})
        add(0, chain["decided"], t("process_decided"), chain["giving"], kind="decided",
            note=None if chain["decided"] else t("process_no_date"))
        for field, word in (("period_start", "from"), ("period_end", "to")):
            if item.get(field):
                add(1, item[field], t("period") + " " + t(word).lower())
        for due in chain["first_dates"]:
            add(1, due, t("process_deadline_first") if due == chain["first_deadline"] else t("process_deadline_set"),
                kind="deadline")
        for words in chain["first_words"]:
            add(1, words, t("report_due"), kind="deadline")
        for c in chain["changes"]:
            add(2, c["date"], t("process_supplemented" if c["how"] == "supplemented" else "process_changed"),
                {"iri": c["iri"], "label": c["label"]}, kind="change", change=c)
        dated = {d["iri"]: d.get("date") for d in docs}
        for r in chain["reports"]:
            add(3, r["date"] or dated.get(r["iri"]),
                t("process_report_partial" if r["partial"] else "process_report_final"),
                {"iri": r["iri"], "label": r["label"]}, kind="report")
        if chain["state"]:
            add(4, datetime.date.today().isoformat(), t("process_status_today"), None, kind="status",
                state=chain["state"], state_label=t("state_" + chain["state"].replace(" ", "_")))
        return sorted(events, key=lambda e: e["sort"])

    @staticmethod
    def _by_party(attendees: list[dict[str, Any]]) -> list[dict[str, Any]]:
        parties: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for a in attendees:
            parties[a.get("party") or "–"][a.get("role") or "–"].append(a.get("name") or "–")
        roles_order = ["ordförande", "vice ordförande", "ledamot", "tjänstgörande ersättare", "ersättare"]
        out = []
        for party, roles in sorted(parties.items(), key=lambda kv: (kv[0] == "–", kv[0])):
            out.append({"party": party, "count": sum(len(v) for v in roles.values()),
                        "roles": sorted(roles.items(), key=lambda kv: roles_order.index(kv[0])
                                        if kv[0] in roles_order else 99)})
        return out

    async def _meeting_evidence(self, meeting: str) -> dict[int, list[dict[str, Any]]]:
        items, decisions = await asyncio.gather(self.api.rows("meeting-items", {"iri": [meeting]}),
                                                self.api.rows("meeting-decisions", {"iri": [meeting]}))
        para: dict[str, int] = {}
        for r in items + decisions:
            for key in ("item", "decision"):
                if r.get(key) and r.get("paragraph") is not None:
                    try:
                        para[r[key]] = int(float(r["paragraph"]))
                    except ValueError:
                        pass
        if not para:
            return {}
        rows = await self.api.rows("evidence", {"iri": sorted(para)})
        out: dict[int, list[dict[str, Any]]] = defaultdict(list)
        seen = set()
        for r in rows:
            p = para.get(r.get("iri") or "")
            if p is None or not r.get("evidence") or (p, r["evidence"]) in seen:
                continue
            seen.add((p, r["evidence"]))
            out[p].append({"document": {"iri": r.get("document"), "label": r.get("document_title")},
                           "quote": r.get("quote"), "start": _int(r.get("start")), "end": _int(r.get("end"))})
        for v in out.values():
            v.sort(key=lambda e: (e["start"] or 0))
        return dict(out)


def _int(v: str | None) -> int | None:
    try:
        return int(float(v)) if v is not None else None
    except ValueError:
        return None


def pages_of(state: ServerState) -> Pages:
    p = getattr(state, "_styrgraf_pages", None)
    if p is None:
        p = Pages(state)
        setattr(state, "_styrgraf_pages", p)
    return p


# ============================================================== page builders
def item_title(collection: str, item: dict[str, Any], t) -> str:
    if collection == "bodies":
        return item.get("label") or item["iri"]
    if collection == "goals":
        return short_label(item.get("text"), item["iri"], 120)
    if collection == "responsibilities":
        return short_label(f"{(item.get('body') or {}).get('label') or ''}: {item.get('task') or ''}", item["iri"], 120)
    if collection == "consultations":
        subject = (item.get("subject") or {}).get("label")
        return " – ".join(x for x in ((item.get("kind") or t("consultation")).capitalize(), subject) if x)
    if collection == "meetings":
        return " ".join(x for x in ((item.get("body") or {}).get("label"), item.get("date")) if x) or item["iri"]
    if collection == "laws":
        return " ".join(x for x in (item.get("title"), f"({item['sfs']})" if item.get("sfs") else None) if x)
    return short_label(item.get("title") or item.get("text"), item["iri"], 160)


def _list_rows(collection: str, data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    item = data["item"]
    if name == "facts":
        return [{"evidence": f["id"], "start": f["start"], "end": f["end"], "quote": f["quote"],
                 "facts": [{"iri": x["iri"], "label": f"{x['type_label']}: {x['label']}"} for x in f["facts"]]}
                for f in data.get("facts", [])]
    value = item.get(name) or []
    if name == "tasks":
        return [{"task": x} for x in value]
    if name == "relations":
        return [{"relation": r["relation"], "target": r["target"]} for r in value]
    return [x if isinstance(x, dict) else {"value": x} for x in value]


async def render_detail(pages: Pages, request: Request, collection: str, ident: str,
                        headers: dict | None = None) -> Response:
    t = translator(pages.lang(request))
    fmt = request.query_params.get("format")
    try:
        data = await pages.detail(collection, ident, t)
    except HTTPException as e:
        if e.status_code == 404:
            if fmt in ("json", "csv"):
                return JSONResponse({"detail": e.detail}, status_code=404)
            # something a document names without saying what it is (a title, no rdf:type) is in
            # no collection, yet pages link to it: its description is its page
            iri = pages.api.iri_of(collection, ident)
            triples = await pages.describe(iri) if iri else []
            if triples:
                return await pages.render_description(request, iri, triples, headers=headers)
            return pages.not_found(request, iri)
        raise
    item = data["item"]
    name = request.query_params.get("list")
    filename = f"{PAGE_SEGMENT[collection]}-{item['iri'].rstrip('/').rsplit('/', 1)[-1]}"
    if fmt in ("json", "csv"):
        if name and name not in RESOURCES[collection].detail_lists:
            return JSONResponse({"detail": f"no list {name!r}; lists: {', '.join(RESOURCES[collection].detail_lists)}"},
                                status_code=400)
        if fmt == "json":
            if name:
                return json_response({"items": _list_rows(collection, data, name)}, f"{filename}-{name}")
            payload = dict(item)
            if collection == "documents":
                payload["facts"] = _list_rows(collection, data, "facts")
            return json_response(payload, filename)
        if name:
            return csv_response(_list_rows(collection, data, name), f"{filename}-{name}")
        return csv_response([item], filename)
    rdf = pages.rdf_path(item["iri"])
    alternates = [{"type": m, "href": f"{rdf}.{s}"} for m, s in RDF_SUFFIXES] if rdf else []
    if collection == "documents":
        doc_id = item["iri"].rstrip("/").rsplit("/", 1)[-1]
        alternates.append({"type": "application/trig", "href": f"/dumps/documents/{doc_id}.trig",
                           "title": "graph"})
    alternates += [{"type": "application/json", "href": f"/api/v1/{collection}/{quote(ident)}"},
                   {"type": "text/csv", "href": request.url.path + "?format=csv"}]
    kind = RESOURCES[collection]
    # the page's facts are the item's fields or, where the item has none of that name, the page's own data
    return pages.render(request, kind.template, headers=headers, collection=collection,
                        title=item_title(collection, item, t), item=item, data=data, alternates=alternates,
                        api_url=f"/api/v1/{collection}/{quote(ident)}", lists=kind.detail_lists,
                        graph_url=f"/graf?{urlencode({'iri': item['iri']})}", type_name=kind.type_name,
                        kinds=kind.kind_scheme is not None, with_evidence=kind.with_evidence,
                        facts=kind.facts, fields={**data, **item})


async def render_resource_page(state: ServerState, iri: str, request: Request,
                               headers: dict | None = None) -> HTMLResponse | None:
    """The rich page of an instance IRI `{base}id/…`, or None when there is none (the caller
    then answers with its plain page). For the linked-data handler's text/html answer."""
    pages = pages_of(state)
    parsed = parse(iri, pages.base)
    if parsed is None or parsed.kind not in ("document", "instance"):
        return None
    collection, ident = IRI_SEGMENT_COLLECTION.get(parsed.segment), parsed.ident
    if collection is None:
        return None
    if collection == "meetings" and not re.fullmatch(r".*/\d{4}-\d{2}-\d{2}", ident):
        return None
    if collection == "documents" and parsed.kind != "document":
        return None
    try:
        await pages.api.detail(collection, ident)
    except HTTPException as e:
        if e.status_code == 404:
            return None
        raise
    resp = await render_detail(pages, request, collection, ident, headers=headers)
    # the page, or its downloads (?format=csv|json, which the page links relative to itself)
    return resp if resp.status_code == 200 else None


async def render_list(pages: Pages, request: Request, collection: str) -> Response:
    t = translator(pages.lang(request))
    qp = request.query_params
    fmt = qp.get("format")
    try:
        limit = max(1, min(int(qp.get("limit", PAGE_SIZE if fmt not in ("json", "csv") else 10000)), 10000))
        offset = max(0, int(qp.get("offset", 0)))
    except ValueError:
        return JSONResponse({"detail": "limit and offset are integers"}, status_code=400)
    nq = pages.api.queries[collection]
    given = {k: (qp.get(k) or "").strip() or None for k in ("q", "kind", "body", "policy")}
    given = {k: v for k, v in given.items() if v and nq.param(k) is not None}
    params = await pages.api.filters(collection, **given)
    items, total = ([], 0) if params is None else await pages.api.page(collection, params, limit, offset)
    if fmt == "json":
        return json_response({"items": items, "total": total, "limit": limit, "offset": offset}, PAGE_SEGMENT[collection])
    if fmt == "csv":
        return csv_response(items, PAGE_SEGMENT[collection])
    api_q = urlencode({k: v for k, v in given.items()})
    construct = (f"PREFIX sg: <{SG}>\nCONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s a sg:{RESOURCES[collection].sg_class} ; ?p ?o }}")
    alternates = [{"type": "text/turtle", "href": "/sparql?" + urlencode({"query": construct, "format": "turtle"})},
                  {"type": "application/json", "href": f"/api/v1/{collection}" + (f"?{api_q}" if api_q else "")},
                  {"type": "text/csv", "href": request.url.path + "?" + urlencode({**given, "format": "csv"})}]
    return pages.render(request, "list.html", collection=collection, title=t(collection), items=items,
                        total=total, limit=limit, offset=offset, given=given, columns=RESOURCES[collection].columns,
                        filters=[p for p in ("q", "kind") if nq.param(p) is not None],
                        alternates=alternates, item_title=lambda i: item_title(collection, i, t),
                        api_url=f"/api/v1/{collection}" + (f"?{api_q}" if api_q else ""))


def policy_timeline(p: dict, t) -> str | None:
    """The picture of a policy's time (charts.timeline) from its page's item; `t` the page's words."""
    def year(v: Any) -> int | None:
        m = re.match(r"((?:19|20)\d\d)", str(v or ""))
        return int(m.group(1)) if m else None
    goals = [(y, g.get("text") or "") for g in p.get("goals") or [] if (y := charts.goal_year(g.get("text")))]
    words = {k: t(k) for k in ("valid", "adopted_on", "today", "timeline")}
    return charts.timeline(year(p.get("valid_from")), year(p.get("valid_to")), year(p.get("adopted_on")),
                           datetime.date.today().year, goals, words)


# the activities counted by year (queries/activity-by-year.rq), in the order they are drawn
ACTIVITIES = ("assignments", "consultations", "meetings", "decisions")


def _pivot(rows: list[dict], x: str, series: str, value: str, keys: tuple[str, ...]) -> list[dict]:
    """Rows of (x, series, value) as one row per x with a column per series (and the total)."""
    table: dict[str, dict] = {}
    for r in rows:
        row = table.setdefault(r[x], {x: r[x], **{k: 0 for k in keys}})
        row[r[series]] = int(r[value] or 0)
    for row in table.values():
        row["total"] = sum(row[k] for k in keys)
    return [table[k] for k in sorted(table)]


# ============================================================== the router
def pages_router(state: ServerState) -> APIRouter:
    """The analyst pages, the search endpoint and the static files."""
    router = APIRouter()
    pages = pages_of(state)

    @router.get("/", include_in_schema=False)
    async def start(request: Request):
        counts = await pages.counts()
        alternates = [{"type": "text/turtle", "href": "/.well-known/void", "title": "VoID"},
                      {"type": "application/n-quads", "href": "/dumps/styrgraf.nq"}]
        return pages.render(request, "index.html", title=None, counts=counts, alternates=alternates,
                            collections=PAGE_SEGMENT)

    @router.get("/sok", include_in_schema=False)
    async def search_page(request: Request, q: str = Query("", max_length=500),
                          offset: int = Query(0, ge=0, le=MAX_SEARCH_OFFSET),
                          limit: int = Query(SEARCH_PAGE, ge=1, le=500)):
        t = translator(pages.lang(request))
        items, total = await pages.search(q, limit, offset)
        for i in items:
            i["type_label"] = t(f"type_{i['type']}")
        fmt = request.query_params.get("format")
        if fmt == "json":
            return json_response({"items": items, "total": total}, "sok")
        if fmt == "csv":
            return csv_response(items, "sok")
        alternates = [{"type": "application/json", "href": "/api/v1/search?" + urlencode({"q": q, "limit": 200})},
                      {"type": "text/csv", "href": "/sok?" + urlencode({"q": q, "format": "csv"})},
                      {"type": "text/turtle", "href": "/.well-known/void", "title": "VoID"}]
        return pages.render(request, "search.html", title=f"{t('search')}: {q}" if q else t("search"), q=q,
                            items=items, total=total, offset=offset, limit=limit, alternates=alternates)

    @router.get("/api/v1/search", include_in_schema=True, tags=["pages"],
                responses=example_response(EXAMPLES["search"]),
                summary="Search bodies, policies, goals, assignments and documents by name or text")
    async def search_api(request: Request, q: str = Query("", max_length=500, description="text to look for"),
                         limit: int = Query(10, ge=1, le=200), format: str | None = Query(None, pattern="^(json|csv)$"),
                         lang: str = Query("sv", pattern="^(sv|en)$")):
        t = translator(lang)
        items, total = await pages.search(q, limit)
        for i in items:
            i["type_label"] = t(f"type_{i['type']}")
        if format == "csv":
            return csv_response(items, "search")
        return {"items": items, "total": total}

    @router.get("/statistik", include_in_schema=False)
    async def figures_page(request: Request, body: str | None = Query(None, max_length=2000)):
        """Counts by year (of everything, or of one body) and of the most active bodies, each drawn
        (api/charts.py) beside its table, from the named queries activity-by-year and bodies-activity;
        without `body`, the municipalities and regions by county too (api/county_figures.py), on a map
        where the front-end build has its shapes, and as CSV or JSON (?format=csv&table=counties)."""
        t = translator(pages.lang(request))
        fmt, table = request.query_params.get("format"), request.query_params.get("table")
        if fmt or table:        # the county table's download (the other tables are named queries')
            if fmt not in ("csv", "json") or table != "counties" or body:
                return JSONResponse({"detail": "give format=csv or format=json, and table=counties (without body)"},
                                    status_code=400)
            items = county_figures.csv_items(await county_figures.county_rows(pages.api), t("county_unknown"))
            if fmt == "json":
                return json_response({"items": items}, "statistik-lan")
            return csv_response(items, "statistik-lan")
        params = {}
        body_item = None
        if body:
            iris = await pages.api.resolve(body, "body")
            if not iris:
                return pages.not_found(request, body)
            params = {"body": iris[0]}
            org = id_prefix(pages.base, ID_SEGMENT["bodies"])
            body_item = await pages.api.detail("bodies", iris[0][len(org):]) \
                if iris[0].startswith(org) else {"iri": iris[0], "label": iris[0]}
        labels = {k: t(f"activity_{k}") for k in ACTIVITIES}
        years = await pages.api.rows("activity-by-year", params)
        year_table = _pivot(years, "year", "activity", "count", ACTIVITIES)
        year_chart = charts.stacked_columns(year_table, "year", list(ACTIVITIES), labels, t("by_year")) \
            if year_table else None
        bodies = [] if body else (await pages.api.rows("bodies-activity"))[:15]
        body_series = ["assignments", "consultations", "decisions"]
        body_chart = charts.stacked_bars(bodies, "body_label", body_series, labels, t("by_body")) if bodies else None
        year_csv = "/api/v1/queries/activity-by-year?" + urlencode({**params, "format": "csv"})
        county_csv = "/statistik?" + urlencode({"format": "csv", "table": "counties"})
        alternates = [{"type": "text/csv", "href": year_csv}]
        counties, county_chart = [], None
        if not body:
            counties = await county_figures.county_rows(pages.api)

            def note(r: dict) -> str:
                return t("county_figures").format(**{**r, "county": r["county"] or t("county_unknown")})
            drawn = county_figures.map_areas(counties, note, pages.map_file)
            county_chart = charts.choropleth(*drawn, t("map_of_counties"), t("map_legend"), t("map_none")) \
                if drawn else None
            alternates.append({"type": "text/csv", "href": county_csv, "title": t("by_county")})
        return pages.render(request, "figures.html",
                            title=f"{t('figures_of')} {body_item['label']}" if body_item else t("figures"),
                            body=body_item, year_chart=year_chart, year_table=year_table, activities=ACTIVITIES,
                            labels=labels, body_chart=body_chart, bodies=bodies, body_series=body_series,
                            year_csv=year_csv, body_csv="/api/v1/queries/bodies-activity?format=csv",
                            counties=counties, county_chart=county_chart, county_csv=county_csv,
                            alternates=alternates)

    @router.get("/graf", include_in_schema=False)
    async def graph_page(request: Request, iri: str | None = Query(None, max_length=2000)):
        t = translator(pages.lang(request))
        fmt = request.query_params.get("format")
        if not iri:
            if fmt == "json":
                return JSONResponse({"detail": "give iri="}, status_code=400)
            return pages.render(request, "graph.html", title=t("graph"), data=None,
                                alternates=[{"type": "text/turtle", "href": "/.well-known/void", "title": "VoID"}])
        try:
            ox.NamedNode(iri)
        except (ValueError, TypeError):
            return JSONResponse({"detail": "iri is not an IRI"}, status_code=400)
        data = await pages.graph(iri, t)
        page_url = f"/graf?{urlencode({'iri': iri})}"
        data["url"] = page_url
        focus = data["nodes"][0] if data["nodes"] else None
        known = len(data["nodes"]) > 1 or bool(await pages.select(inject_values(TYPES_Q, {"iri": [ox.NamedNode(iri)]})))
        if fmt == "json":
            return json_response(data) if known else JSONResponse({"detail": "unknown resource"}, status_code=404)
        if fmt == "csv":
            return csv_response([{k: e[k] for k in ("source", "source_label", "rel", "label", "target", "target_label",
                                                     "note")} for e in data["edges"]], "graf")
        if not known:
            return pages.not_found(request, iri)
        rdf = pages.rdf_path(iri)
        alternates = [{"type": m, "href": f"{rdf}.{s}"} for m, s in RDF_SUFFIXES] if rdf else []
        alternates += [{"type": "application/json", "href": page_url + "&format=json"},
                       {"type": "text/csv", "href": page_url + "&format=csv"}]
        title = f"{t('graph_of')} {focus['label']}" if focus else t("graph")
        return pages.render(request, "graph.html", title=title, data=data, focus=focus,
                            svg=svg_graph(data["nodes"], data["edges"], title), alternates=alternates,
                            json_url=page_url + "&format=json")

    @router.get("/fraga", include_in_schema=False)
    async def sparql_page(request: Request, query: str | None = Query(None, max_length=100_000),
                          example: str | None = Query(None, max_length=100)):
        t = translator(pages.lang(request))
        examples = [{"name": n, "title": q.title, "description": q.description, "text": q.text,
                     "params": [p.name for p in q.params]}
                    for n, q in sorted(pages.api.queries.items())]
        load = request.query_params.get("load") == "1"
        if example and (load or not query):
            ex = next((e for e in examples if e["name"] == example), None)
            query = ex["text"] if ex else query
        result = error = None
        if query and query.strip() and not load:
            result, error = await run_sparql(pages, query)
        alternates = [{"type": "text/turtle", "href": "/sparql", "title": "SPARQL service description"}]
        if query:
            alternates += [{"type": "text/csv", "href": "/sparql?" + urlencode({"query": query, "format": "csv"})},
                           {"type": "application/sparql-results+json",
                            "href": "/sparql?" + urlencode({"query": query, "format": "json"})}]
        default = query or next((e["text"] for e in examples if e["name"] == "body-responsibilities"),
                                "SELECT * WHERE { ?s ?p ?o } LIMIT 10")
        return pages.render(request, "sparql.html", title=t("sparql_title"), examples=examples, query=default,
                            result=result, error=error, error_at=error_position(query, error),
                            alternates=alternates, base=pages.base,
                            selected=example or (None if query else "body-responsibilities"),
                            status=400 if error else 200)

    @router.get("/docs", include_in_schema=False)
    async def api_docs(request: Request):
        """Swagger UI over /openapi.json, served from the front-end build (api/static/build/swagger-ui/,
        from the npm package swagger-ui-dist) and started by /static/js/docs.js: nothing is loaded
        from elsewhere, so the page works offline and under the pages' script policy."""
        t = translator(pages.lang(request))
        return pages.render(request, "docs.html", title=t("open_api"),
                            built=(BUILD / "swagger-ui" / "swagger-ui-bundle.js").is_file(),
                            alternates=[{"type": "application/json", "href": "/openapi.json", "title": "OpenAPI"}])

    @router.get("/static/{path:path}", include_in_schema=False)
    async def static(path: str):
        target = (STATIC / path).resolve()
        try:
            found = target.is_relative_to(STATIC) and target.is_file() and not target.name.startswith(".")
        except OSError:        # a name the file system cannot hold (over 255 bytes) names no file here
            found = False
        if not found:
            raise HTTPException(404, "no such file")
        media = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if target.suffix == ".js":
            media = "text/javascript"
        return FileResponse(target, media_type=media, headers={"Cache-Control": "public, max-age=3600"})

    for collection, seg in PAGE_SEGMENT.items():
        _add_routes(router, pages, collection, seg)
    return router


def _add_routes(router: APIRouter, pages: Pages, collection: str, seg: str) -> None:
    async def listing(request: Request):
        return await render_list(pages, request, collection)

    async def one(request: Request, ident: str):
        return await render_detail(pages, request, collection, ident)

    router.add_api_route(f"/{seg}", listing, methods=["GET"], name=f"page_list_{collection}",
                         include_in_schema=False)
    router.add_api_route(f"/{seg}/{{ident:path}}", one, methods=["GET"], name=f"page_{collection}",
                         include_in_schema=False)


async def run_sparql(pages: Pages, query: str) -> tuple[dict[str, Any] | None, str | None]:
    """Run a query of the SPARQL page (no JavaScript): a table, a boolean or a graph as Turtle."""
    try:
        res = await pages.state.executor.run(query, results_format="JSON", graph_format="TURTLE", row_cap=1000)
    except HTTPException as e:
        return None, str(e.detail)
    except Exception as e:  # the executor's syntax errors, refusals, time-outs: shown to the user
        return None, f"{type(e).__name__}: {e}"
    if res.kind == "graph":
        return {"kind": "graph", "text": res.body.decode("utf-8", "replace"), "truncated": res.truncated}, None
    doc = json.loads(res.body)
    if res.kind == "boolean":
        return {"kind": "boolean", "value": bool(doc.get("boolean"))}, None
    cols = doc["head"].get("vars", [])
    rows = [[(b.get(c) or {}).get("value") for c in cols] for b in doc["results"]["bindings"]]
    types = [[(b.get(c) or {}).get("type") for c in cols] for b in doc["results"]["bindings"]]
    return {"kind": "table", "columns": cols, "rows": rows, "types": types, "truncated": res.truncated}, None
