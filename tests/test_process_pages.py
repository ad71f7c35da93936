"""Following an assignment from decision to report on the pages, over real chains of
corpus-regeringen-full (eval/chains.toml) ingested through the CLI and served for real.

Three chains, each an assignment and a later decision that moves its report deadline, read by hand:
two of Socialstyrelsen (sjukskrivning och rehabilitering: 15 Dec 2026 moved to 15 Oct 2027, with
partial reports due on the way; donation of medical equipment: 1 Feb 2025 moved to 31 Dec 2027) and
one of Livsmedelsverket (kostråden: 30 Apr 2024 moved to 30 Apr 2025). The folders hold no report on
any of them (eval/chains.toml), so the test writes two, in the words agencies report in: a
delredovisning of the first on 1 Sep 2025, the day the change set for it, and a slutredovisning of
the third on 28 Apr 2025. A real remiss that asks Socialstyrelsen (SOU 2015:85, answers due 1 Mar
2016) and that it has no answer to in the graph completes the body's page.

A body's page and an assignment's page are read as HTML (fast) and in headless Chromium at 1280
and 390 px: the chart's rows and marks with their dates, the moved deadline and the reports, the
status written, no horizontal overflow, no console errors; screenshots go to artifacts/screenshots/.
The status expected is the reader's rule (queries/assignment-status.rq) applied to the dates read by
hand, as of today, so the test holds on any day.
"""
from __future__ import annotations

import re
import tomllib
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

import chromium
from conftest import run_cli
from server import running_server

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus-regeringen-full"
CHAINS = {c["original"]: c for c in tomllib.loads((ROOT / "eval" / "chains.toml").read_text(encoding="utf-8"))["chain"]}
SICK = "regeringsuppdrag/2024_10_uppdrag-att-starka-halso--och-sjukvardens-arbete-med-sjukskrivning-och-rehabilitering.md"
DONATE = ("regeringsuppdrag/2024_02_uppdrag-att-bedoma-mojligheten-att-donera-medicinteknisk-utrustning-"
          "sjukvardsmateriel-m.m.-t-e7cbcece.md")
DIET = "regeringsuppdrag/2023_06_uppdrag-till-livsmedelsverket-att-uppdatera-de-svenska-kostraden.md"
REMISS = "remisser/2015_11_remiss-sou-201585-bostader-att-bo-kvar-i.md"

PARTIAL = """# Delredovisning av uppdrag att stärka hälso- och sjukvårdens arbete med sjukskrivning och rehabilitering

Datum: 2025-09-01

Socialstyrelsen delredovisar härmed regeringens uppdrag att stärka hälso- och sjukvårdens arbete med sjukskrivning och rehabilitering.
"""
FINAL = """# Redovisning av uppdrag till Livsmedelsverket att uppdatera de svenska kostråden

Datum: 2025-04-28

Livsmedelsverket redovisar härmed regeringens uppdrag att uppdatera de svenska kostråden.
"""
# the dates of the reports above, and the first words of each assignment's title (to find its row)
SICK_TITLE, DONATE_TITLE, DIET_TITLE = ("Uppdrag att stärka hälso- och sjukvårdens arbete",
                                        "Uppdrag att bedöma möjligheten att donera",
                                        "Uppdrag till Livsmedelsverket att uppdatera")
STATE_SV = {"reported": "redovisat", "partly reported": "delvis redovisat", "overdue": "försenat",
            "due": "slutdatum snart", "open": "pågår"}

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus-regeringen-full")


def reader_state(deadline: str, partial: list[str], final: list[str], today: date) -> str:
    """The status a reader gives as of `today` (the rule queries/assignment-status.rq states)."""
    day = today.isoformat()
    if any(d <= day for d in final):
        return "reported"
    if any(d <= day for d in partial) and deadline >= day:
        return "partly reported"
    if deadline < day:
        return "overdue"
    return "due" if (date.fromisoformat(deadline) - today).days <= 90 else "open"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("process")
    (tmp / "delredovisning-sjukskrivning.md").write_text(PARTIAL, encoding="utf-8")
    (tmp / "redovisning-kostrad.md").write_text(FINAL, encoding="utf-8")
    chains = [CHAINS[SICK], CHAINS[DONATE], CHAINS[DIET]]
    files = [CORPUS / c["original"] for c in chains] + [CORPUS / p for c in chains for p in c["changes"]]
    store = tmp / "store"
    run_cli("ingest", *files, CORPUS / REMISS, tmp / "delredovisning-sjukskrivning.md", tmp / "redovisning-kostrad.md",
            "--store", store)
    with running_server(store) as base:
        yield base.rstrip("/")


class Page(HTMLParser):
    """The chart's rows (title, status text, marks with their dates), the text of the page and of its
    timeline items (data-event) and of the table rows (data-assignment)."""

    def __init__(self, html: str):
        super().__init__()
        self.rows: list[dict] = []
        self.events: list[dict] = []
        self.table: dict[str, list[str]] = {}
        self._in: list[list] = []      # open elements we collect text for: [tag, key, target, depth]
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        for c in self._in:
            c[3] += c[0] == tag
        if tag == "li" and "p-row" in cls:
            self.rows.append({"assignment": a["data-assignment"], "head": "", "marks": []})
        elif tag == "svg" and "track" in cls:
            self.rows[-1]["svg"] = True
        elif a.get("data-mark"):
            self.rows[-1]["marks"].append((a["data-mark"], a.get("data-date")))
        if tag == "p" and "p-head" in cls:
            self._in.append([tag, "head", self.rows[-1], 0])
        elif tag == "li" and a.get("data-event"):
            self.events.append({"event": a["data-event"], "text": ""})
            self._in.append([tag, "text", self.events[-1], 0])
        elif tag == "tr" and a.get("data-assignment"):
            self.table[a["data-assignment"]] = []
            self._in.append([tag, "cells", self.table[a["data-assignment"]], 0])
        elif tag in ("td", "th") and self._in and self._in[-1][1] == "cells":
            self._in[-1][2].append("")

    def handle_endtag(self, tag):
        for c in self._in:
            c[3] -= c[0] == tag
        while self._in and self._in[-1][3] < 0:
            self._in.pop()

    def handle_data(self, data):
        self.text.append(data)
        for _tag, key, target, _depth in self._in:
            if key == "cells":
                if target:
                    target[-1] += data
            else:
                target[key] += data

    def row(self, title: str) -> dict:
        [r] = [r for r in self.rows if r["head"].strip().startswith(title)]
        return r


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def get(site: str, path: str, **params) -> Page:
    r = httpx.get(site + path, params=params, timeout=60)
    assert r.status_code == 200, r.text[:500]
    return Page(r.text)


def test_a_bodys_page_draws_its_assignments_from_decision_to_report(site):
    today = date.today()
    p = get(site, "/organ/socialstyrelsen")
    assert len(p.rows) == 2 and all(r.get("svg") for r in p.rows)
    sick, donate = p.row(SICK_TITLE), p.row(DONATE_TITLE)
    # the deadline as first set, the one the change moved it to, the partial report
    assert ("deadline", "2026-12-15") in sick["marks"] and ("moved", "2027-10-15") in sick["marks"]
    assert [m for m in sick["marks"] if m[0].endswith("report")] == [("partial-report", "2025-09-01")]
    # the partial dates the change sets, on the way to the final one
    assert {d for m, d in sick["marks"] if m == "deadline-set"} >= {"2025-09-01", "2025-12-16", "2026-05-29"}
    assert ("deadline", "2025-02-01") in donate["marks"] and ("moved", "2027-12-31") in donate["marks"]
    assert not [m for m in donate["marks"] if m[0].endswith("report")]
    assert sum(m == "moved" for r in p.rows for m, _ in r["marks"]) == 2
    # the status, in words
    sick_state = reader_state("2027-10-15", ["2025-09-01"], [], today)
    donate_state = reader_state("2027-12-31", [], [], today)
    assert norm(sick["head"]).endswith("Status idag: " + STATE_SV[sick_state])
    assert norm(donate["head"]).endswith("Status idag: " + STATE_SV[donate_state])
    # the table says the same in text
    cells = [norm(c) for c in p.table[sick["assignment"]]]
    assert cells[2] == "2026-12-15" and cells[3].startswith("2026-12-15 → 2027-10-15: Ändring av uppdraget")
    assert cells[4].startswith("Delredovisning 2025-09-01") and cells[5] == "2027-10-15"
    assert cells[6] == STATE_SV[sick_state]
    # the remiss it was asked in and has no answer to
    text = norm(" ".join(p.text))
    assert "Tillfrågat i 1: svar finns i 0, inget svar i 1." in text
    assert "✗ Inget svar i grafen" in text

    en = get(site, "/organ/socialstyrelsen", lang="en")
    assert "Status today: " + sick_state in norm(en.row(SICK_TITLE)["head"])
    assert "Deadline moved from 2026-12-15 to 2027-10-15 by Ändring av uppdraget" in " ".join(en.text)
    assert "Asked in 1: answered 0, no answer in 1." in norm(" ".join(en.text))


def test_an_assignments_page_tells_its_chain_in_order(site):
    p = get(site, "/organ/livsmedelsverket")
    [diet] = p.rows
    assert ("moved", "2025-04-30") in diet["marks"] and ("report", "2025-04-28") in diet["marks"]
    ident = diet["assignment"].rsplit("/", 1)[-1]
    a = get(site, f"/uppdrag/{ident}")
    assert [e["event"] for e in a.events] == ["decided", "deadline", "change", "report", "status"]
    decided, first, change, report, status = (norm(e["text"]) for e in a.events)
    assert decided.startswith("– Beslutat: Uppdrag till Livsmedelsverket att uppdatera de svenska kostråden")
    assert first == "2024-04-30 Slutdatum som först beslutat"
    assert "Ändrat: Ändring av uppdraget till Livsmedelsverket" in change
    assert "Nytt slutdatum: 2024-04-30 → 2025-04-30" in change
    # the sentence that moves it, quoted from the changing document
    assert "redovisa uppdraget senast den 30 april 2025 till Regeringskansliet" in change
    assert report.startswith("2025-04-28 Slutredovisning: Redovisning av uppdrag till Livsmedelsverket")
    assert status.endswith("Status idag: " + STATE_SV[reader_state("2025-04-30", [], ["2025-04-28"], date.today())])
    r = httpx.get(f"{site}/uppdrag/{ident}", timeout=60)
    link = re.search(r'<a href="(/dokument/2024-12-andring-av-uppdraget-till-livsmedelsverket[^"#]*#ev-\d+-\d+)"', r.text)
    assert link, "the quote links to its place in the changing document"
    doc = httpx.get(site + link.group(1).split("#")[0], timeout=60)
    assert doc.status_code == 200 and f'id="{link.group(1).split("#")[1]}"' in doc.text


# ---------------------------------------------------------------- in a browser
@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium.require()
    driver = chromium.start(tmp_path_factory.mktemp("chromium-profile"), "--hide-scrollbars", "--lang=sv-SE",
                            "--force-prefers-reduced-motion",     # no smooth scrolling under the driver's clicks
                            prefs={"intl.accept_languages": "sv-SE,sv"})
    try:
        yield driver
    finally:
        driver.quit()


@pytest.mark.slow
def test_the_pages_in_a_browser_at_two_widths(site, browser):
    import time

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    d = browser
    d.get(site + "/organ/socialstyrelsen")
    rows = d.find_elements(By.CSS_SELECTOR, ".process-chart .p-row")
    assert len(rows) == 2
    for width in (1280, 390):
        d.set_window_size(width, 900)
        # the layout at the new width (a resize is answered before the page is laid out again)
        WebDriverWait(d, 10).until(lambda drv: drv.execute_script(
            "return document.documentElement.clientWidth") == width)
        time.sleep(0.3)
        chart = d.find_element(By.CSS_SELECTOR, ".process-chart")
        # each track is drawn inside the chart, as wide as it, and its marks are inside the track
        box = chart.rect
        for track in d.find_elements(By.CSS_SELECTOR, ".process-chart svg.track"):
            t = track.rect
            assert t["width"] > 0.9 * box["width"] and t["x"] >= box["x"] - 1
            for mark in track.find_elements(By.CSS_SELECTOR, "[data-mark]"):
                m = mark.rect
                assert t["x"] - 1 <= m["x"] and m["x"] + m["width"] <= t["x"] + t["width"] + 1
        moved = d.find_element(By.CSS_SELECTOR, '.p-row [data-mark="moved"][data-date="2027-10-15"]')
        assert "2026-12-15 till 2027-10-15" in moved.find_element(By.TAG_NAME, "title").get_attribute("textContent")
        assert d.find_element(By.CSS_SELECTOR, '[data-mark="partial-report"][data-date="2025-09-01"]')
        # the years under the chart can be read on a phone too
        years = d.find_elements(By.CSS_SELECTOR, ".p-axis span")
        assert years and all(float(y.value_of_css_property("font-size")[:-2]) >= 12 for y in years)
        chromium.screenshot(d, "process-body", width, "section[aria-labelledby=asg]")
        chromium.screenshot(d, "process-body-remisser", width, "section[aria-labelledby=cons]", full=False)
    assert chromium.console_errors(d) == []

    d.get(site + "/organ/livsmedelsverket")
    link = d.find_element(By.CSS_SELECTOR, ".process-chart .p-head a")
    link.click()
    assert d.find_element(By.TAG_NAME, "h1").text.startswith("Uppdrag till Livsmedelsverket att uppdatera")
    events = d.find_elements(By.CSS_SELECTOR, "ol.timeline > li[data-event]")
    assert [e.get_attribute("data-event") for e in events] == ["decided", "deadline", "change", "report", "status"]
    assert "2024-04-30 → 2025-04-30" in events[2].text and "30 april 2025" in events[2].text
    assert d.find_element(By.CSS_SELECTOR, '[data-mark="report"][data-date="2025-04-28"]')
    for width in (1280, 390):
        chromium.screenshot(d, "process-assignment", width, "section[aria-labelledby=tl]")
    d.get(d.current_url + "?lang=en")
    assert "New deadline: 2024-04-30 → 2025-04-30" in d.find_element(By.CSS_SELECTOR, "ol.timeline").text
    chromium.screenshot(d, "process-assignment-en", 390)
    assert chromium.console_errors(d) == []


# ---------------------------------------------------------------- the fold, on rows as the queries give them
def test_a_change_that_sets_only_an_earlier_date_moves_nothing_and_changes_follow_each_other():
    from styrgraf.api.process import chain
    status = {"assignment": "a", "title": "T", "first_deadline": "2023-05-31", "deadline": "2024-05-31",
              "state": "overdue"}
    history = [{"event": "deadline", "date": "2023-05-31", "document": "o", "detail": "2023-05-31"},
               # the second change first, as a query may give it: the order comes from the dates they set
               {"event": "supplemented", "date": None, "document": "c2", "document_title": "Tillägg 2"},
               {"event": "deadline changed", "date": "2024-05-31", "document": "c2", "detail": "2024-05-31"},
               {"event": "changed", "date": None, "document": "c1", "document_title": "Ändring 1"},
               {"event": "deadline changed", "date": "2022-11-25", "document": "c1", "detail": "2022-11-25"},
               {"event": "partly reported", "date": "2023-01-10", "document": "r", "document_title": "Delredovisning"}]
    c = chain(status, history)
    assert [(x["iri"], x["from"], x["to"], x["moved"]) for x in c["changes"]] == [
        ("c1", "2023-05-31", "2022-11-25", False), ("c2", "2023-05-31", "2024-05-31", True)]
    assert c["changes"][1]["how"] == "supplemented"
    assert c["reports"] == [{"iri": "r", "label": "Delredovisning", "date": "2023-01-10", "partial": True}]
