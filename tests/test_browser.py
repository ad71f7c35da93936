"""The analyst pages in a real browser: Debian's headless Chromium driven by Selenium through
Debian's chromedriver, against a real server over the bundled corpus.

An analyst searches "arbetsmarknadsnämnden" (typing, then picking the suggestion), opens the
body, sees its responsibilities with their quotes, follows a quote to the document and finds it
highlighted (and the facts read from it), then runs a named query on the SPARQL page and
downloads the result as CSV. Every page is also photographed at 1280 and 390 px wide into
artifacts/screenshots/ and checked for horizontal overflow and console errors.
"""
from __future__ import annotations

import csv
import io
import json
import re
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

import chromium
from server import running_server

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "artifacts" / "screenshots"
BASE = "https://w3id.org/styrgraf/"
AMN = BASE + "id/org/stockholms-stad/arbetsmarknadsnamnden"

chromium.require()

from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402
from conftest import keep_merge

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory, downloads):
    driver = chromium.start(tmp_path_factory.mktemp("chromium-profile"), "--hide-scrollbars", "--lang=sv-SE",
                            "--force-prefers-reduced-motion",     # no smooth scrolling under the driver's clicks
                            prefs={"download.default_directory": str(downloads),
                                   "download.prompt_for_download": False,
                                   "safebrowsing.enabled": False,
                                   # a Swedish analyst's browser: the pages follow Accept-Language
                                   "intl.accept_languages": "sv-SE,sv"})
    try:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        yield driver
    finally:
        driver.quit()


def wait(driver, timeout: float = 20) -> WebDriverWait:
    return WebDriverWait(driver, timeout)


console_errors, screenshot = chromium.console_errors, chromium.screenshot


def both_widths(driver, name: str) -> None:
    screenshot(driver, name, 1280)
    screenshot(driver, name, 390)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_analyst_journey(corpus_server, browser, downloads):
    d = browser
    # ---- start: type into the search box, pick the suggestion
    d.get(corpus_server + "/")
    assert d.find_element(By.TAG_NAME, "h1").text == "styrgraf"
    both_widths(d, "start")
    box = d.find_element(By.ID, "q")
    box.click()
    box.send_keys("arbetsmarknadsnämnden")
    option = wait(d).until(EC.visibility_of_element_located(
        (By.XPATH, "//ul[@id='q-list']/li[@role='option'][.//span[@class='lbl' and text()='Arbetsmarknadsnämnden']]")))
    assert box.get_attribute("aria-expanded") == "true"
    screenshot(d, "search-suggestions", 1280)
    box.send_keys(Keys.ARROW_DOWN)                       # keyboard: the first option is selected
    assert d.find_element(By.CSS_SELECTOR, "#q-list [aria-selected=true]").text.endswith("Arbetsmarknadsnämnden")
    option.click()
    wait(d).until(EC.url_contains("/organ/stockholms-stad/arbetsmarknadsnamnden"))

    # ---- the body: what it belongs to, its responsibilities with quotes
    assert d.find_element(By.TAG_NAME, "h1").text == "Arbetsmarknadsnämnden"
    assert "Stockholms stad" in d.find_element(By.ID, "about").find_element(By.XPATH, "..").text
    resp = d.find_element(By.ID, "resp").find_element(By.XPATH, "ancestor::section")
    cards = resp.find_elements(By.CSS_SELECTOR, "article.card")
    # one card per responsibility the analyst API lists for the body
    with urllib.request.urlopen(corpus_server + "/api/v1/responsibilities?limit=1000") as r:
        listed = [x for x in json.load(r)["items"] if x["body"]["label"] == "Arbetsmarknadsnämnden"]
    assert len(cards) == len(listed) >= 5
    quotes = [norm(q.text) for q in resp.find_elements(By.CSS_SELECTOR, "blockquote p")]
    assert "Arbetsmarknadsnämnden utvecklar ett strategiskt och långsiktigt arbete med brobyggarverksamheten." in quotes
    assert "Strategi för romsk inkludering" in resp.text
    both_widths(d, "body")

    # ---- follow a quote to the document: the span is highlighted, its facts shown
    card = next(c for c in cards if "brobyggarverksamheten." in c.text and "strategiskt" in c.text)
    quote = norm(card.find_element(By.CSS_SELECTOR, "blockquote p").text)
    link = card.find_element(By.CSS_SELECTOR, "p.source a")
    href = link.get_attribute("href")
    assert re.search(r"/dokument/000-c3f731b4bab44c47#ev-\d+-\d+$", href)
    link.click()
    wait(d).until(EC.url_contains("/dokument/000-c3f731b4bab44c47"))
    span_id = href.rsplit("#", 1)[1]
    mark = wait(d).until(EC.presence_of_element_located((By.ID, span_id)))
    assert mark.tag_name == "mark"
    assert norm(mark.text) == quote
    pop = wait(d).until(EC.visibility_of_element_located((By.ID, "fact-popover")))   # opened by the #anchor
    assert "utvecklar ett strategiskt och långsiktigt arbete" in pop.text and "ansvar" in pop.text
    wait(d, 5).until(lambda drv: drv.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight", mark),
        "the highlighted quote is scrolled into view")
    SHOTS.mkdir(parents=True, exist_ok=True)
    d.save_screenshot(str(SHOTS / "document-popover-1280.png"))      # the window as the analyst sees it
    d.find_element(By.CSS_SELECTOR, "#fact-popover [data-close]").click()
    assert not pop.is_displayed()
    # a click on another highlight shows its facts; Escape closes and gives focus back
    other = d.find_element(By.ID, "ev-4390-4516")
    d.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", other)
    other.click()
    wait(d).until(EC.visibility_of(pop))
    assert "romsk inkludering" in pop.text
    d.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(d).until(EC.invisibility_of_element(pop))
    assert d.switch_to.active_element.get_attribute("id") == "ev-4390-4516"
    d.switch_to.active_element.send_keys(Keys.ENTER)        # keyboard opens it too
    wait(d).until(EC.visibility_of(pop))
    d.switch_to.active_element.send_keys(Keys.ESCAPE)
    d.execute_script("window.scrollTo(0, 0); history.replaceState(null, '', location.pathname)")
    both_widths(d, "document")

    # ---- SPARQL: pick a named query, run it, download the CSV
    d.get(corpus_server + "/fraga")
    assert d.find_element(By.TAG_NAME, "h1").text == "SPARQL-frågor"
    if (ROOT / "api" / "static" / "build" / "sparql-editor.js").is_file():     # CodeMirror, built by make
        editor = wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".cm-sparql .cm-content")))
        assert d.execute_script("""var base = getComputedStyle(document.querySelector('.cm-sparql .cm-content')).color;
            return Array.prototype.some.call(document.querySelectorAll('.cm-sparql .cm-line span'),
                function (s) { return getComputedStyle(s).color !== base; });"""), "syntax highlighting"
        text = lambda: editor.text                                            # noqa: E731
    else:                                                                     # the plain textarea
        text = lambda: d.find_element(By.ID, "query").get_attribute("value")  # noqa: E731
    Select(d.find_element(By.ID, "example")).select_by_value("counts")
    wait(d).until(lambda drv: "# title: Counts" in text())
    Select(d.find_element(By.ID, "example")).select_by_value("body-responsibilities")
    wait(d).until(lambda drv: "What is a body responsible for?" in text())
    d.find_element(By.CSS_SELECTOR, "button[data-run]").click()
    table = wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-results] table.results")))
    head = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    assert head[:3] == ["body_iri", "body_label", "responsibility"]
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) >= 12
    assert "Arbetsmarknadsnämnden" in table.text
    both_widths(d, "sparql")
    for f in downloads.glob("*"):
        f.unlink()
    d.find_element(By.CSS_SELECTOR, "a[data-download='text/csv']").click()
    target = downloads / "styrgraf-resultat.csv"
    deadline = time.monotonic() + 20
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert target.exists(), list(downloads.iterdir())
    data = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert data[0][:3] == ["body_iri", "body_label", "responsibility"]
    assert len(data) - 1 == len(rows)
    assert any(r[0] == AMN for r in data[1:])
    assert not console_errors(d), console_errors(d)


PAGES = {
    "list-bodies": "/organ",
    "policy": "/styrdokument/strategi-for-romsk-inkludering",
    "assignment": None,           # found from the API
    "consultation": "/remisser/000-c3f731b4bab44c47-1",
    "meeting": "/sammantraden/arbetsmarknadsnamnden/2019-06-18",
    "search": "/sok?q=arbetsmarknad",
    "goal": "/mal/001-fa2d4025ac84fede-1",
    "law": "/lagar/2009:724",
    "body-en": "/organ/stockholms-stad/arbetsmarknadsnamnden?lang=en",
}


def test_every_page_at_both_widths(corpus_server, browser):
    import json
    import urllib.request
    d = browser
    with urllib.request.urlopen(corpus_server + "/api/v1/assignments?limit=100") as r:
        items = json.load(r)["items"]
    a = max(items, key=lambda x: len(x["report_due"]) + len(x["reports"]) + bool(x["decided_on"]))
    pages = dict(PAGES, assignment="/uppdrag/" + a["iri"][len(BASE + "id/assignment/"):])
    for name, path in pages.items():
        d.get(corpus_server + path)
        h1 = d.find_element(By.TAG_NAME, "h1").text
        assert h1, name
        both_widths(d, name)
        assert not console_errors(d), (name, console_errors(d))
    d.get(corpus_server + "/organ?lang=sv")                   # the cookie back to Swedish


def test_graph_page_is_clickable(corpus_server, browser):
    d = browser
    d.get(corpus_server + "/graf?" + urlencode({"iri": AMN}))
    assert "Arbetsmarknadsnämnden" in d.find_element(By.TAG_NAME, "h1").text
    # the picture: Cytoscape when the bundle was built, else the server's SVG, both clickable
    try:
        wait(d, 10).until(lambda drv: drv.execute_script(
            "return !!(window.styrgrafGraph && window.styrgrafGraph.nodes().length > 1)"))
        cy = True
    except TimeoutException:
        cy = False
    if cy:
        n = d.execute_script("return window.styrgrafGraph.nodes().length")
        assert n >= 10
        both_widths(d, "graph")
        # a click on a node centres the graph on it
        d.execute_script("""var cy = window.styrgrafGraph;
            var n = cy.nodes().filter(function (x) { return x.data('label') === 'Stockholms stad'; })[0];
            n.emit('tap');""")
        wait(d).until(lambda drv: "Stockholms stad" in drv.find_element(By.TAG_NAME, "h1").text)
        assert "iri=http" in d.current_url and "stockholms-stad" in d.current_url
        assert d.execute_script("return window.styrgrafGraph.nodes('[focus = 1]')[0].data('label')") == "Stockholms stad"
    else:
        svg = d.find_element(By.CSS_SELECTOR, "svg.graph-svg")
        assert len(svg.find_elements(By.CSS_SELECTOR, "a.node")) >= 10
        both_widths(d, "graph")
        d.find_element(By.XPATH, "//*[local-name()='a'][.//*[local-name()='text' and text()='Stockholms stad']]").click()
        wait(d).until(EC.url_contains("/organ/stockholms-stad"))
    assert not console_errors(d), console_errors(d)


# IRIs whose link would run script or load content in the page: none may become an href
HOSTILE_IRIS = ["javascript:alert(document.domain)", "JavaScript:alert(2)",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="]
HOSTILE_QUERY = ("SELECT ?x WHERE { VALUES ?s { " + " ".join(f'"{i}"' for i in HOSTILE_IRIS)
                 + ' "http://example.org/ok" } BIND(IRI(?s) AS ?x) }')
THING = BASE + "id/thing/hostile"


@pytest.fixture(scope="module")
def hostile_server(corpus_store_copy):
    """The corpus plus a resource that links to the hostile IRIs."""
    import pyoxigraph as ox
    store = ox.Store(str(corpus_store_copy))
    store.extend(ox.Quad(ox.NamedNode(THING), ox.NamedNode("http://example.org/see"), ox.NamedNode(i),
                         ox.NamedNode(BASE + "graph/hostile")) for i in HOSTILE_IRIS + ["http://example.org/ok"])
    keep_merge(store)
    store.flush()
    del store
    with running_server(corpus_store_copy) as url:
        yield url.rstrip("/")


def bad_hrefs(driver) -> list[str]:
    return driver.execute_script("""return Array.prototype.map.call(document.querySelectorAll('[href]'),
        function (a) { return a.getAttribute('href'); }).filter(function (h) {
        return /^\\s*(javascript|data|vbscript):/i.test(h); });""")


def test_only_http_iris_become_links(hostile_server, browser):
    """A SPARQL result, the server-rendered result table and the plain linked-data page show an
    IRI of another scheme (javascript:, data:) as text, never as a link."""
    d = browser
    d.get(hostile_server + "/fraga")
    wait(d).until(lambda drv: drv.execute_script("return !!document.getElementById('sparql-form')"))
    d.execute_script("""var q = arguments[0];
        if (window.styrgrafEditor) window.styrgrafEditor.set(q); else document.getElementById('query').value = q;""",
                     HOSTILE_QUERY)
    d.find_element(By.CSS_SELECTOR, "button[data-run]").click()
    table = wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-results] table.results")))
    for iri in HOSTILE_IRIS:
        assert iri in table.text
    assert [a.get_attribute("href") for a in table.find_elements(By.TAG_NAME, "a")] == ["http://example.org/ok"]
    assert bad_hrefs(d) == []
    for path in ("/fraga?" + urlencode({"query": HOSTILE_QUERY}),            # rendered by the server
                 "/id/thing/hostile",                                       # the plain linked-data page
                 "/graf?" + urlencode({"iri": HOSTILE_IRIS[0]})):
        d.get(hostile_server + path)
        assert HOSTILE_IRIS[0] in d.page_source, path
        assert bad_hrefs(d) == [], path
