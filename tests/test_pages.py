"""The analyst pages (api/pages.py) over the bundled corpus, on a real server, at the HTTP level:
status, headings, landmarks, RDF alternates, CSV/JSON downloads of every list, the search
endpoint, the highlighted document text, the graph and the SPARQL page."""
from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlparse

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from styrgraf.api.pages import (csv_response, flatten, highlight,
                                render_resource_page)
from styrgraf.api.registry import PAGE_SEGMENT, RESOURCES

BASE = "https://w3id.org/styrgraf/"       # styrgraf's namespace of identifiers
AMN = BASE + "id/org/stockholms-stad/arbetsmarknadsnamnden"
AMN_PAGE = "/organ/stockholms-stad/arbetsmarknadsnamnden"
LIST_TITLES = {"organ": "Organ", "dokument": "Dokument", "styrdokument": "Styrdokument", "mal": "Mål",
               "ansvar": "Ansvar", "uppdrag": "Uppdrag", "remisser": "Remisser och samråd",
               "sammantraden": "Sammanträden", "lagar": "Lagar och förordningar"}


# ============================================================== HTML helpers
class Page(HTMLParser):
    """What the tests look at in a page: headings, landmarks, links, alternates, labels, marks."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.h1: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.alternates: list[dict[str, str]] = []
        self.links: list[str] = []
        self.ids: list[str] = []
        self.labels_for: set[str] = set()
        self.fields: list[dict[str, str]] = []
        self.tags: list[str] = []
        self.marks: list[str] = []
        self.stack: list[str] = []
        self.nesting_errors: list[str] = []
        self._heading: str | None = None
        self._text: list[str] = []
        self._mark_text: dict[str, list[str]] = {}
        self._open_marks: list[str | None] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if tag == "html":
            self.lang = a.get("lang")
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "link" and a.get("rel") == "alternate":
            self.alternates.append(a)
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "label" and "for" in a:
            self.labels_for.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.fields.append(a)
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading, self._text = tag, []
        if tag == "mark":
            self._open_marks.append(a.get("data-ev"))
            if "id" in a:
                self.marks.append(a["id"])
                self._mark_text[a["id"]] = []
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.nesting_errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()
        if tag == self._heading:
            text = re.sub(r"\s+", " ", "".join(self._text)).strip()
            self.headings.append((tag, text))
            if tag == "h1":
                self.h1.append(text)
            self._heading = None
        if tag == "mark" and self._open_marks:
            self._open_marks.pop()

    def handle_data(self, data):
        if self._heading:
            self._text.append(data)
        for key in set(self._open_marks):
            if key in self._mark_text:
                self._mark_text[key].append(data)

    def mark_text(self, ident: str) -> str:
        return "".join(self._mark_text.get(ident, []))


def check_page(r: httpx.Response, h1: str | None = None) -> Page:
    """The common checks of every page: HTML, lang, one h1, landmarks, labelled fields, alternates."""
    assert r.status_code == 200, (r.request.url, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    p = Page(r.text)
    assert p.lang in ("sv", "en")
    assert len(p.h1) == 1, p.h1
    if h1 is not None:
        assert h1 in p.h1[0], (h1, p.h1)
    for landmark in ("header", "nav", "main", "footer"):
        assert landmark in p.tags, landmark
    assert "main" in p.ids and 'href="#main"' in r.text          # skip link
    levels = [int(tag[1]) for tag, _ in p.headings]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), p.headings   # no skipped heading level
    for f in p.fields:                                             # every field has a label
        assert f.get("id") in p.labels_for or f.get("aria-label"), f
    assert len(p.ids) == len(set(p.ids)), [i for i in p.ids if p.ids.count(i) > 1][:5]
    assert not p.nesting_errors, p.nesting_errors[:5]
    assert any(a.get("type") == "text/turtle" for a in p.alternates) or \
        any(a.get("type") in ("application/json", "text/csv") for a in p.alternates), p.alternates
    return p


def parse_csv(r: httpx.Response) -> list[dict[str, str]]:
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(r.text)))


# ============================================================== fixtures
@pytest.fixture(scope="module")
def site(corpus_server):
    with httpx.Client(base_url=corpus_server, timeout=60) as client:
        yield client


@pytest.fixture(scope="module")
def samples(site) -> dict[str, str]:
    """One page path per collection, taken from the analyst API."""
    out = {}
    for collection, seg in PAGE_SEGMENT.items():
        items = site.get(f"/api/v1/{collection}", params={"limit": 1}).json()["items"]
        assert items, collection
        iri = items[0]["iri"]
        ident = iri.rsplit("/sfs/", 1)[-1] if collection == "laws" else \
            iri[len(BASE + "id/"):].split("/", 1)[1]
        out[collection] = f"/{seg}/{ident}"
    out["bodies"] = AMN_PAGE
    out["meetings"] = "/sammantraden/arbetsmarknadsnamnden/2019-06-18"
    return out


# ============================================================== unit tests
def test_highlight_nests_overlapping_spans_and_keeps_the_text():
    text = "Kommunstyrelsen ska <ta> fram en strategi & plan."
    spans = [(0, 15), (0, 30), (16, 40), (33, 41), (33, 41), (45, 49)]
    html = str(highlight(text, spans))
    p = Page(f"<div>{html}</div>")
    assert not p.nesting_errors
    assert p.marks == ["ev-0-30", "ev-0-15", "ev-16-40", "ev-33-41", "ev-45-49"]   # one id per span
    assert p.mark_text("ev-16-40") == text[16:40]          # a span cut by another's end goes on
    assert p.mark_text("ev-0-30") == text[0:30]
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text
    assert str(highlight("abc", [])) == "abc"
    assert str(highlight("abc", [(2, 99), (5, 9), (None, 2)])).count("<mark") == 1


def test_flatten_and_csv():
    item = {"iri": "x", "body": {"iri": "b", "label": "B"}, "tasks": ["t1", "t2"], "n": None,
            "assignees": [{"iri": "a1", "label": "A1"}, {"iri": "a2", "label": "A2"}],
            "evidence": [{"document": {"iri": "d", "label": "D"}, "quote": "q", "start": 1, "end": 2}]}
    row = flatten(item)
    assert row["body"] == "B" and row["body_iri"] == "b"
    assert row["tasks"] == "t1 | t2" and row["n"] == ""
    assert row["assignees_iri"] == "a1 | a2" and row["evidence"] == "q" and row["evidence_documents"] == "d"
    r = csv_response([item], "x y")
    assert r.headers["content-disposition"] == 'attachment; filename="x-y.csv"'


# ============================================================== pages over the corpus
def test_start_page(site):
    r = site.get("/")
    p = check_page(r, "styrgraf")
    assert {"rel": "alternate", "type": "text/turtle", "href": "/.well-known/void", "title": "VoID"} in p.alternates
    assert 'role="search"' in r.text and 'role="combobox"' in r.text and 'action="/sok"' in r.text
    counts = {row["collection"]: int(row["count"]) for row in
              parse_csv(site.get("/api/v1/queries/counts", params={"format": "csv"}))}
    for collection, seg in PAGE_SEGMENT.items():
        assert f'href="/{seg}"' in r.text
        assert re.search(rf'<span class="n">{counts[collection]}</span> <span class="what">', r.text), collection
    assert "/api/v1/queries/counts?format=csv" in p.links


def test_search_endpoint_and_page(site):
    r = site.get("/api/v1/search", params={"q": "arbetsmarknadsnämnden"})
    assert r.status_code == 200
    items = r.json()["items"]
    assert items[0]["iri"] == AMN and items[0]["type"] == "body" and items[0]["page"] == AMN_PAGE
    assert items[0]["label"] == "Arbetsmarknadsnämnden" and items[0]["type_label"] == "organ"
    assert {i["type"] for i in site.get("/api/v1/search", params={"q": "romsk", "limit": 50}).json()["items"]} \
        >= {"policy", "assignment", "document"}
    assert site.get("/api/v1/search", params={"q": "fyller 20 år"}).json()["items"][0]["type"] == "goal"
    assert site.get("/api/v1/search", params={"q": "AMN 2019-0062"}).json()["total"] >= 1   # diarienummer
    assert site.get("/api/v1/search", params={"q": "  "}).json() == {"items": [], "total": 0}
    # query syntax is text to look for, never part of a query: only what has the words is found
    injected = site.get("/api/v1/search", params={"q": '"} UNION { ?s ?p ?o', "limit": 200}).json()
    assert injected["total"] < 5 and all("union" in i["match"].lower() for i in injected["items"])
    assert site.get("/api/v1/search", params={"q": "x", "limit": 0}).status_code == 422
    assert "/api/v1/search" in site.get("/openapi.json").json()["paths"]

    page = site.get("/sok", params={"q": "arbetsmarknad"})
    p = check_page(page, "arbetsmarknad")
    assert AMN_PAGE in p.links
    rows = parse_csv(site.get("/sok", params={"q": "arbetsmarknad", "format": "csv"}))
    js = site.get("/sok", params={"q": "arbetsmarknad", "format": "json"}).json()
    assert len(rows) == js["total"] == len(js["items"]) > 3
    assert check_page(site.get("/sok"), "Sök")


@pytest.mark.parametrize("collection", list(PAGE_SEGMENT))
def test_list_pages(site, collection):
    seg = PAGE_SEGMENT[collection]
    r = site.get(f"/{seg}")
    p = check_page(r, LIST_TITLES[seg])
    api = site.get(f"/api/v1/{collection}", params={"limit": 10000}).json()
    turtle = [a for a in p.alternates if a["type"] == "text/turtle"]
    assert turtle and site.get(turtle[0]["href"]).headers["content-type"].startswith("text/turtle")
    assert any(a["type"] == "application/json" and a["href"] == f"/api/v1/{collection}" for a in p.alternates)
    for item in api["items"][:50]:
        assert f'href="/{seg}/' in r.text
    assert r.text.count("<tr>") == min(api["total"], 50) + 1
    assert len(re.findall(r"<th scope=\"col\">", r.text)) == len(RESOURCES[collection].columns)
    # downloads: the whole list as CSV and JSON
    rows = parse_csv(site.get(f"/{seg}", params={"format": "csv"}))
    assert len(rows) == api["total"]
    assert rows[0]["iri"] == api["items"][0]["iri"]
    assert site.get(f"/{seg}", params={"format": "json"}).json()["items"] == api["items"]
    assert f"/{seg}?format=csv" in p.links or any(l.startswith(f"/{seg}?format=csv") for l in p.links)


def test_list_filters_and_paging(site):
    r = site.get("/organ", params={"kind": "nämnd"})
    check_page(r)
    assert AMN_PAGE in r.text and "/organ/stockholms-stad/kommunstyrelsen" not in r.text
    r = site.get("/organ", params={"q": "förvaltning", "format": "json"}).json()
    assert r["total"] >= 3 and all("förvaltning" in i["label"].lower() for i in r["items"])
    r = site.get("/organ", params={"limit": 10, "offset": 10})
    p = check_page(r)
    assert r.text.count("<tr>") == 11 and any("offset=20" in l for l in p.links) and any("offset=0" in l for l in p.links)
    assert site.get("/organ", params={"limit": "x"}).status_code == 400


@pytest.mark.parametrize("collection", list(PAGE_SEGMENT))
def test_detail_pages(site, samples, collection):
    path = samples[collection]
    r = site.get(path)
    p = check_page(r)
    api = site.get(f"/api/v1/{collection}/{path.split('/', 2)[2]}").json()
    # alternates: the resource's linked data (for IRIs under the base) and the API
    if collection != "laws":
        turtle = next(a for a in p.alternates if a["type"] == "text/turtle")
        assert turtle["href"] == "/id/" + api["iri"][len(BASE + "id/"):] + ".ttl"
        t = site.get(turtle["href"])
        assert t.status_code == 200 and t.headers["content-type"].startswith("text/turtle")
        assert any(a["type"] == "application/ld+json" for a in p.alternates)
    assert any(a["type"] == "application/json" and a["href"].startswith(f"/api/v1/{collection}/")
               for a in p.alternates)
    # the page's own downloads
    js = site.get(path, params={"format": "json"}).json()
    assert js["iri"] == api["iri"]
    rows = parse_csv(site.get(path, params={"format": "csv"}))
    assert len(rows) == 1 and rows[0]["iri"] == api["iri"]
    for name in re.findall(r'\?format=csv&amp;list=([a-z_]+)', r.text):
        lst = parse_csv(site.get(path, params={"format": "csv", "list": name}))
        assert site.get(path, params={"format": "json", "list": name}).json()["items"] is not None
        assert len(lst) == len(site.get(path, params={"format": "json", "list": name}).json()["items"])
    assert site.get(path, params={"format": "csv", "list": "nope"}).status_code == 400
    assert f"/graf?{urlencode({'iri': api['iri']})}".replace("&", "&amp;") in r.text
    assert api["iri"] in r.text


def test_body_page(site):
    r = site.get(AMN_PAGE)
    p = check_page(r, "Arbetsmarknadsnämnden")
    api = site.get("/api/v1/bodies/stockholms-stad/arbetsmarknadsnamnden").json()
    heads = [h for _, h in p.headings]
    for h in ("Om", "Ansvar (5)", "Mål (0)", "Remisser och samråd (5)", "Sammanträden (1)", "Beslut (14)"):
        assert any(x.startswith(h.split(" (")[0]) for x in heads), h
    assert f"Ansvar ({len(api['responsibilities'])})" in heads
    assert "Stockholms stad" in r.text and "/organ/stockholms-stad" in p.links
    # every responsibility: its task, its policy and each source quote linked to its span
    for resp in api["responsibilities"]:
        assert resp["task"] in r.text
        for ev in resp["evidence"]:
            doc = ev["document"]["iri"].rsplit("/", 1)[-1]
            assert f"/dokument/{doc}#ev-{ev['start']}-{ev['end']}" in p.links
            assert ev["quote"] in r.text.replace("&#39;", "'")
    # assignments received, with issuer; consultations with the body's role
    assert "Uppdrag som organet fått" in r.text and "Kommunfullmäktige" in r.text
    assert "tillfrågad" in r.text and "svarade" in r.text
    assert "/sammantraden/arbetsmarknadsnamnden/2019-06-18#p5" in p.links
    decisions = parse_csv(site.get(AMN_PAGE, params={"format": "csv", "list": "decisions"}))
    assert len(decisions) == len(api["decisions"]) and decisions[0]["meeting_iri"].startswith(BASE + "id/meeting/")


def test_document_page_highlights_every_evidence_span(site):
    path = "/dokument/000-c3f731b4bab44c47"
    r = site.get(path)
    p = check_page(r, "Remiss av Stockholms stads riktlinjer för romsk inkludering")
    facts = site.get(path, params={"format": "json", "list": "facts"}).json()["items"]
    spans = {f["evidence"] for f in facts}
    assert len(spans) > 50 and set(p.marks) == spans            # one <mark id> per span
    for f in facts[:40]:
        assert re.sub(r"\s+", " ", p.mark_text(f["evidence"])) == re.sub(r"\s+", " ", f["quote"]), f
        assert f'id="facts-{f["evidence"]}"' in r.text and f["facts"]
    # the responsibility quoted on the body page is a highlighted span, and lists the responsibility
    ev = "ev-4390-4516"
    assert ev in p.marks
    item = next(f for f in facts if f["evidence"] == ev)
    assert any(x["iri"] == BASE + "id/responsibility/000-c3f731b4bab44c47-1" for x in item["facts"])
    assert 'id="fact-popover"' in r.text and 'role="dialog"' in r.text
    alt = {a["type"]: a["href"] for a in p.alternates}
    assert alt["application/trig"] == "/dumps/documents/000-c3f731b4bab44c47.trig"
    assert site.get(alt["application/trig"]).status_code == 200
    rows = parse_csv(site.get(path, params={"format": "csv", "list": "facts"}))
    assert len(rows) == len(facts) and rows[0]["quote"]


def test_policy_assignment_consultation_meeting_pages(site):
    r = site.get("/styrdokument/strategi-for-romsk-inkludering")
    p = check_page(r, "Strategi för romsk inkludering")
    heads = " ".join(h for _, h in p.headings)
    assert "Mål" in heads and "Ansvar" in heads and "Relaterade styrdokument" in heads
    assert AMN_PAGE in p.links

    assignments = site.get("/api/v1/assignments", params={"limit": 100}).json()["items"]
    a = next(x for x in assignments if x["reports"]) if any(x["reports"] for x in assignments) else assignments[0]
    ident = a["iri"][len(BASE + "id/assignment/"):]
    r = site.get(f"/uppdrag/{ident}")
    p = check_page(r)
    assert "Tidslinje" in " ".join(h for _, h in p.headings) and 'class="timeline"' in r.text
    assert "Uppdragsgivare" in r.text and "Återrapportering" in r.text
    for d in a["reports"]:
        assert d["iri"].rsplit("/", 1)[-1] in r.text

    c = site.get("/api/v1/consultations", params={"limit": 100}).json()["items"]
    c = next(x for x in c if x["responses"])
    r = site.get("/remisser/" + c["iri"][len(BASE + "id/consultation/"):])
    p = check_page(r)
    assert "Tillfrågade" in r.text and "Svar" in r.text
    for resp in c["responses"]:
        if resp["document"]:
            assert "/dokument/" + resp["document"]["iri"].rsplit("/", 1)[-1] in p.links

    r = site.get("/sammantraden/arbetsmarknadsnamnden/2019-06-18")
    p = check_page(r, "Arbetsmarknadsnämnden 2019-06-18")
    assert "Närvaro per parti och roll" in r.text and "Fredrik Lindstål" in r.text
    assert "p5" in p.ids and "Rashid Mohammed (V)" in r.text    # § 5 with its reservation
    assert any(l.startswith("/dokument/004-854bb6aaec4ae1ed#ev-") for l in p.links)
    att = parse_csv(site.get("/sammantraden/arbetsmarknadsnamnden/2019-06-18", params={"format": "csv", "list": "attendees"}))
    assert {"name", "role", "party"} <= set(att[0]) and len(att) > 10


def test_graph_page(site):
    r = site.get("/graf", params={"iri": AMN})
    p = check_page(r, "Arbetsmarknadsnämnden")
    assert "<svg" in r.text and 'role="img"' in r.text
    data = site.get("/graf", params={"iri": AMN, "format": "json"}).json()
    focus = [n for n in data["nodes"] if n["focus"]]
    assert len(focus) == 1 and focus[0]["iri"] == AMN and focus[0]["type"] == "body"
    types = {n["type"] for n in data["nodes"]}
    assert {"body", "policy", "assignment", "consultation"} <= types
    assert all(e["source"] == AMN or e["target"] == AMN for e in data["edges"])
    for n in data["nodes"]:
        assert n["page"] in r.text.replace("&amp;", "&")          # every node is a link
    assert len(parse_csv(site.get("/graf", params={"iri": AMN, "format": "csv"}))) == len(data["edges"])
    alt = {a["type"]: a["href"] for a in p.alternates}
    assert alt["text/turtle"] == "/id/org/stockholms-stad/arbetsmarknadsnamnden.ttl"
    check_page(site.get("/graf"), "Graf")
    assert site.get("/graf", params={"iri": BASE + "id/org/nothing-here"}).status_code == 404
    assert site.get("/graf", params={"iri": "not an iri", "format": "json"}).status_code == 400


def test_sparql_page(site):
    r = site.get("/fraga")
    p = check_page(r, "SPARQL")
    names = [q["name"] for q in site.get("/api/v1/queries").json()["items"]]
    options = re.findall(r'<option value="([^"]+)"', r.text)
    assert options == names
    assert 'data-sparql-editor' in r.text and any(a["type"] == "text/turtle" and a["href"] == "/sparql"
                                                  for a in p.alternates)
    # without JavaScript: the form runs the query on the server and shows a table
    q = "PREFIX sg: <https://w3id.org/styrgraf/ns#> SELECT ?b WHERE { ?b a sg:Body } ORDER BY ?b LIMIT 3"
    r = site.get("/fraga", params={"query": q})
    p = check_page(r)
    assert r.text.count("<tr>") == 4 and "/organ/" in r.text
    csv_link = "/sparql?" + urlencode({"query": q, "format": "csv"})
    assert csv_link in p.links
    rows = parse_csv(site.get(csv_link))
    assert len(rows) == 3
    # the example picker without JavaScript
    r = site.get("/fraga", params={"example": "counts", "load": "1", "query": "x"})
    assert "# title: Counts" in r.text and "<tbody>" not in r.text
    r = site.get("/fraga", params={"example": "counts"})
    assert "<tbody>" in r.text and "bodies" in r.text
    # an ASK, a CONSTRUCT and an error
    assert "Ja (true)" in site.get("/fraga", params={"query": "ASK { ?s ?p ?o }"}).text
    assert "<pre class=\"turtle\">" in site.get("/fraga", params={
        "query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2"}).text
    bad = site.get("/fraga", params={"query": "SELEKT nothing"})
    assert bad.status_code == 400 and 'role="alert"' in bad.text
    # a syntax error says where, by line and character, and shows that line with a caret
    bad = site.get("/fraga", params={"query": "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?x = ) }"})
    at = re.search(r"rad (\d+), tecken (\d+)", bad.text)
    assert bad.status_code == 400 and at and at.group(1) == "3"
    caret = re.search(r'<pre class="error-at"[^>]*>(.*?)\n( *)\^</pre>', bad.text)
    assert caret and "FILTER(?x = ) }" in caret.group(1) and len(caret.group(2)) == int(at.group(2)) - 1
    # the download the page's script makes: /sparql with an Accept header
    res = site.post("/sparql", data={"query": q}, headers={"Accept": "text/csv"})
    assert res.status_code == 200 and res.text.splitlines()[0] == "b"
    res = site.post("/sparql", data={"query": q}, headers={"Accept": "application/sparql-results+json"})
    assert len(res.json()["results"]["bindings"]) == 3


def test_english_and_language_cookie(site):
    r = site.get("/organ", params={"lang": "en"})
    p = check_page(r, "Bodies")
    assert p.lang == "en" and r.headers["content-language"] == "en"
    assert "styrgraf_lang=en" in r.headers.get("set-cookie", "")
    r2 = site.get(AMN_PAGE, headers={"Cookie": "styrgraf_lang=en"})
    p2 = check_page(r2, "Arbetsmarknadsnämnden")
    assert p2.lang == "en" and "Responsibilities" in " ".join(h for _, h in p2.headings)
    r3 = site.get(AMN_PAGE, params={"lang": "sv"}, headers={"Cookie": "styrgraf_lang=en"})
    assert Page(r3.text).lang == "sv"
    assert site.get("/api/v1/search", params={"q": "arbetsmarknadsnämnden", "lang": "en"}).json()["items"][0][
        "type_label"] == "body"
    # with neither ?lang nor the cookie, the browser's Accept-Language decides, by weight
    site.cookies.clear()
    r4 = site.get("/organ", headers={"Accept-Language": "en-GB,en;q=0.8,sv;q=0.5"})
    assert Page(r4.text).lang == "en" and "Accept-Language" in r4.headers["vary"]
    assert Page(site.get("/organ", headers={"Accept-Language": "de-DE,sv;q=0.7,en;q=0.3"}).text).lang == "sv"
    assert Page(site.get("/organ", params={"lang": "sv"}, headers={"Accept-Language": "en"}).text).lang == "sv"


def test_kind_words_are_english_on_english_pages(site):
    bodies = site.get("/organ", params={"lang": "en"}).text
    assert "<td>committee</td>" in bodies and "<td>nämnd</td>" not in bodies
    assert "<td>nämnd</td>" in site.get("/organ", params={"lang": "sv"}).text
    en = site.get(AMN_PAGE, params={"lang": "en"}).text
    assert 'class="badge t-body">body</span> committee' in en
    assignments = site.get("/uppdrag", params={"lang": "en"}).text
    assert "<td>budget assignment</td>" in assignments and "<td>budgetuppdrag</td>" not in assignments
    # the API keeps the contract's Swedish words whatever the language
    assert site.get("/api/v1/bodies", params={"lang": "en", "q": "arbetsmarknadsnämnden"}).json()["items"][0]["kind"] == "nämnd"
    site.cookies.clear()                 # ?lang=en set the language cookie: later tests read Swedish pages


def test_not_found_and_static(site):
    r = site.get("/organ/stockholms-stad/finns-inte")
    assert r.status_code == 404 and "Hittades inte" in r.text and "<main" in r.text
    assert site.get("/organ/stockholms-stad/finns-inte", params={"format": "json"}).status_code == 404
    css = site.get("/static/css/styrgraf.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    js = site.get("/static/js/pages.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert site.get("/static/../pages.py").status_code == 404
    assert site.get("/static/%2e%2e/pages.py").status_code == 404
    assert site.get("/static/.gitignore").status_code == 404
    assert site.get("/static/nope.css").status_code == 404


def test_pages_work_without_the_build(site):
    """The bundles are optional: the pages reference them only when they were built."""
    build = Path(__file__).resolve().parent.parent / "api" / "static" / "build"
    r = site.get("/fraga")
    if (build / "sparql-editor.js").is_file():
        assert "/static/build/sparql-editor.js" in r.text
        assert site.get(re.search(r'src="(/static/build/sparql-editor.js[^"]*)"', r.text).group(1)).status_code == 200
    else:
        assert "/static/build/" not in r.text
    assert '<textarea id="query" name="query"' in r.text     # the plain form is always there


# ============================================================== the linked-data hook
def test_render_resource_page(corpus_store):
    from styrgraf.api.app import AppState
    from styrgraf.config import Settings

    state = AppState(Settings(base=BASE, store=corpus_store))
    app = FastAPI()

    @app.get("/probe")
    async def probe(request: Request, iri: str):
        page = await render_resource_page(state, iri, request, headers={"Vary": "Accept"})
        return page if page is not None else {"none": True}

    try:
        with TestClient(app) as client:
            r = client.get("/probe", params={"iri": AMN})
            assert r.status_code == 200 and r.headers["vary"].startswith("Accept")
            assert Page(r.text).h1 == ["Arbetsmarknadsnämnden"]
            r = client.get("/probe", params={"iri": BASE + "id/doc/000-c3f731b4bab44c47"})
            assert '<mark class="ev" id="ev-4390-4516"' in r.text
            for iri in (BASE + "id/person/fredrik-lindstal", BASE + "id/org/nothing-here",
                        BASE + "id/meeting/arbetsmarknadsnamnden/2019-06-18/p5", "http://elsewhere.example/x",
                        BASE + "id/doc/000-c3f731b4bab44c47/ev/4390-4516"):
                assert client.get("/probe", params={"iri": iri}).json() == {"none": True}, iri
    finally:
        state.executor.close()


def test_dereferenced_iri_shows_the_rich_page(site):
    src = (Path(__file__).resolve().parent.parent / "api" / "linked_data.py").read_text(encoding="utf-8")
    if "render_resource_page" not in src:
        pytest.skip("linked_data.py does not call pages.render_resource_page yet")
    r = site.get("/id/org/stockholms-stad/arbetsmarknadsnamnden", headers={"Accept": "text/html"})
    p = check_page(r, "Arbetsmarknadsnämnden")
    assert 'class="card fact"' in r.text
    assert {"rel": "alternate", "type": "text/turtle", "href": "/id/org/stockholms-stad/arbetsmarknadsnamnden.ttl"} \
        in p.alternates
    assert "Link" in r.headers or "link" in r.headers          # the handler's own headers are kept
    t = site.get("/id/org/stockholms-stad/arbetsmarknadsnamnden", headers={"Accept": "text/turtle"})
    assert t.headers["content-type"].startswith("text/turtle")
    plain = site.get("/id/person/fredrik-lindstal", headers={"Accept": "text/html"})
    assert plain.status_code == 200 and "Fredrik" in plain.text


def test_every_goal_page_says_who_is_responsible_or_that_the_text_names_none(site):
    goals = site.get("/api/v1/goals", params={"limit": 100}).json()["items"]
    assert any(g["responsible_via_policy"] for g in goals)       # goal → policy → responsibility
    for g in goals:
        r = site.get(f"/mal/{g['iri'][len(BASE + 'id/goal/'):]}")
        page = check_page(r)
        names = [x["label"] for x in g["responsible"] + g["responsible_via_policy"]]
        assert all(n in r.text for n in names), g["iri"]
        if not g["responsible"]:
            assert "Texten anger ingen ansvarig för målet självt" in r.text, g["iri"]
        if g["responsible_via_policy"]:
            assert "Ansvarar för uppgifter i styrdokumentet" in r.text and page.links, g["iri"]
        for link in g["responsible_through"]:        # each responsibility behind it, linked, with its quote
            assert link["responsibility"]["label"] in r.text and link["evidence"], g["iri"]
            assert link["evidence"][0]["quote"].split("\n")[0][:40] in " ".join(r.text.split()), g["iri"]


def table_rows(html: str, table_id: str) -> list[list[str]]:
    """The cells of each body row of the table with that id, as text."""
    body = re.search(rf'<table[^>]*id="{table_id}".*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    return [[re.sub(r"<[^>]+>|\s+", " ", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_figures_draw_the_tables_the_named_queries_give(site):
    """/statistik: each chart is a picture of the table beside it, and that table is the named
    query's answer (downloadable as CSV), in Swedish and English; one body's figures by year."""
    years = parse_csv(site.get("/api/v1/queries/activity-by-year", params={"format": "csv"}))
    bodies = parse_csv(site.get("/api/v1/queries/bodies-activity", params={"format": "csv"}))
    assert years and bodies
    for lang, h1 in (("sv", "Statistik"), ("en", "Figures")):
        r = site.get("/statistik", params={"lang": lang})
        p = check_page(r, h1)
        assert "/api/v1/queries/activity-by-year?format=csv" in p.links
        assert "/api/v1/queries/bodies-activity?format=csv" in p.links
    html = site.get("/statistik", params={"lang": "sv"}).text       # (the language is remembered: back to Swedish)
    # the year table: one row per year, a column per activity, as the query counts them
    by_year = {}
    for row in years:
        by_year.setdefault(row["year"], {})[row["activity"]] = int(row["count"])
    table = table_rows(html, "year-table")
    assert [r[0] for r in table] == sorted(by_year)
    for r in table:
        counts = by_year[r[0]]
        assert [int(x) for x in r[1:5]] == [counts.get(a, 0) for a in ("assignments", "consultations", "meetings", "decisions")]
        assert int(r[5]) == sum(counts.values())
    # one bar segment per non-zero count, each titled with its number
    chart = re.search(r'<svg class="chart"[^>]*>.*?</svg>', html, re.S).group()
    drawn = re.findall(r'<rect class="s-(\w+)"[^>]*><title>([^<]*)</title>', chart)
    assert sorted((title.split(":")[0], a) for a, title in drawn) == \
        sorted((y, a) for y, c in by_year.items() for a, n in c.items() if n)
    # the bodies table: the most active first, as the query orders them
    assert [r[0] for r in table_rows(html, "body-table")] == [b["body_label"] for b in bodies[:15]]
    # one body: its own figures, found by name or IRI; an unknown body is a 404
    top = bodies[0]
    r = site.get("/statistik", params={"body": top["body_iri"]})
    check_page(r, f"Statistik för {top['body_label']}")
    own = parse_csv(site.get("/api/v1/queries/activity-by-year", params={"format": "csv", "body": top["body_iri"]}))
    assert sum(int(x[-1]) for x in table_rows(r.text, "year-table")) == sum(int(x["count"]) for x in own) if own else \
        "year-table" not in r.text
    assert site.get("/statistik", params={"body": "Ingen sådan nämnd"}).status_code == 404
    body_page = site.get(next(link for link in p.links if link.startswith("/organ/")))
    assert "/statistik?body=" in body_page.text


def test_a_policys_page_draws_its_time(site):
    """The timeline of a policy: the period it is valid, this year, and each goal at the year its text names."""
    dated_goal = re.compile(r"\b(?:till|senast|före|år)\s+(?:år\s+)?20\d\d\b")
    listed = [i for i in site.get("/api/v1/policies", params={"limit": 1000}).json()["items"] if i.get("valid_from")]
    details = [site.get("/api/v1/policies/" + urlparse(i["iri"]).path.rsplit("/", 1)[-1]).json() for i in listed]
    item = next(d for d in details if any(dated_goal.search(g["text"]) for g in d["goals"]))
    html = site.get(item["iri"].replace(BASE + "id/policy/", "/styrdokument/"), params={"lang": "sv"}).text
    svg = re.search(r'<figure class="chart-figure timeline">(.*?)</figure>', html, re.S).group(1)
    period = re.search(r'<rect class="s-period"[^>]*><title>Giltighet: (\d{4})–(\d{4}|…)</title>', svg)
    assert period and period.group(1) == item["valid_from"][:4]
    dated = [g["text"] for g in item["goals"] if dated_goal.search(g["text"])]
    assert len(re.findall(r'<circle class="s-goal"', svg)) == len(dated) > 0


def test_a_body_named_more_often_than_its_page_lists(tmp_path):
    """A body's page lists the first BODY_LIST_LIMIT of what refers to it, in the list's order, says how many
    there are and links the whole list (Regeringen gives thousands of assignments and is named ten thousand
    times); its chart gives each assignment it draws the status the named query gives it."""
    from conftest import run_cli
    from server import running_server
    from styrgraf.api.registry import BODY_LIST_LIMIT
    from styrgraf.vocab import NAMESPACE

    docs = tmp_path / "docs"
    docs.mkdir()
    n = BODY_LIST_LIMIT + 5
    for i in range(n):      # every third overdue, the rest later: the chart's statuses differ
        (docs / f"uppdrag-{i:03d}.md").write_text(
            f"# Uppdrag till Statskontoret att granska område {i:03d}\n\nRegeringen uppdrar åt Statskontoret att granska "
            f"område {i:03d}. Uppdraget ska redovisas senast den 1 mars {2020 if i % 3 == 0 else 2035}.\n",
            encoding="utf-8")
    store = tmp_path / "store"
    run_cli("ingest", docs, "--store", store)
    with running_server(store) as url, httpx.Client(base_url=url.rstrip("/"), timeout=60) as c:
        body = c.get("/api/v1/bodies", params={"q": "Statskontoret"}).json()["items"][0]["iri"]
        item = c.get(f"/api/v1/bodies/{body.rsplit('/', 1)[1]}").json()
        assert item["counts"]["assignments_received"] == n and len(item["assignments_received"]) == BODY_LIST_LIMIT
        titles = [a["title"] for a in item["assignments_received"]]
        assert titles == sorted(titles, key=str.lower) and titles[0].endswith("område 000")
        page = c.get("/" + body.removeprefix(NAMESPACE), headers={"Accept": "text/html"})
        assert page.status_code == 200
        assert f"Visar de första {BODY_LIST_LIMIT} av {n}." in page.text
        links = {urlparse(h).path: h.replace("&amp;", "&")
                 for h in re.findall(r'Visar de första \d+ av \d+\. <a href="([^"]+)"', page.text)}
        assert set(links) == {f"/{PAGE_SEGMENT[c]}" for c in ("assignments", "responsibilities", "documents")}
        for key, c_ in (("assignments_received", "assignments"), ("responsibilities", "responsibilities"),
                        ("documents", "documents")):     # each to the whole list of what refers to the body
            whole = c.get(links[f"/{PAGE_SEGMENT[c_]}"], params={"format": "json"}).json()
            assert whole["total"] == item["counts"][key] > BODY_LIST_LIMIT

        # its mentions: the first BODY_LIST_LIMIT of every piece of evidence that names it, by document and
        # offset, as the evidence query gives them whole, and how many there are
        def named(name, **params):     # a named query's whole answer, each row by its columns
            answer = c.get(f"/api/v1/queries/{name}", params={**params, "limit": 10000}).json()
            return [dict(zip(answer["columns"], row)) for row in answer["rows"]]

        every = named("evidence", iri=body)
        pieces = {r["evidence"]: (r["document"], int(r["start"]), int(r["end"]), r["quote"]) for r in every}
        assert item["counts"]["evidence"] == len(pieces) > BODY_LIST_LIMIT
        assert [(e["document"]["iri"], e["start"], e["end"], e["quote"]) for e in item["evidence"]] == \
            sorted(pieces.values())[:BODY_LIST_LIMIT]
        shown = re.search(rf'<summary>Omnämnanden: {len(pieces)}</summary>\s*<ul class="mentions">(.*?)</ul>\s*'
                          rf'[^<]*<[^>]*>[^<]*Visar de första {BODY_LIST_LIMIT} av {len(pieces)}\.', page.text, re.S)
        assert shown and shown.group(1).count("<li>") == BODY_LIST_LIMIT
        # its chart: the status of each assignment the page lists, as the named query gives it for the whole
        # store, of the latest 40 drawn, and how many there are
        listed = {a["iri"] for a in item["assignments_received"]}
        states = {r["assignment"]: r["state"] for r in named("assignment-status")}
        assert {states[a] for a in listed} == {"overdue", "open"}
        assert re.search(rf'<h3 id="process">[^<]*<span class="count">\({len(listed)}\)</span>', page.text)
        words = {"overdue": "försenat", "open": "pågår"}
        drawn = re.findall(r'<tr data-assignment="([^"]+)">.*?<td>([^<]*)</td></tr>', page.text, re.S)
        assert len(drawn) == 40 and all(a in listed and word == words[states[a]] for a, word in drawn)
