"""Every kind of page passes axe-core (the npm package, run inside Debian's headless Chromium)
with no serious or critical violation, in Swedish and in English, at 1280 and 390 px.

The pages: the home page, every list, one item of every list (the first its list links), search,
the query page with a result, the graph, the API documentation, the figures, the pages of resources that have no
page of their own (the evidence of a fact, a person), a 404 and the ontology's documentation. axe-core comes with the
front-end build (`make frontend`); without it the test is skipped.
"""
from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

import chromium

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
SWAGGER = ROOT / "api" / "static" / "build" / "swagger-ui" / "swagger-ui-bundle.js"
LISTS = ("organ", "dokument", "styrdokument", "mal", "ansvar", "uppdrag", "remisser", "sammantraden", "lagar")

chromium.require()
pytestmark = pytest.mark.slow

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (make frontend: npm ci in frontend/)")
    driver = chromium.start(tmp_path_factory.mktemp("chromium-axe"), "--force-prefers-reduced-motion")
    try:
        yield driver
    finally:
        driver.quit()


def violations(driver) -> list[str]:
    """axe-core's serious and critical violations of the page shown, one line each with where."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations))"
        ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result if v["impact"] in ("serious", "critical")]


def pages(driver, site: str) -> dict[str, str]:
    """name -> path of one page of every kind, found by following the site's own links."""
    out = {"home": "/", "search": "/sok?q=arbetsmarknad", "graph": None,
           "query": "/fraga?" + urlencode({"query": "SELECT ?s WHERE { ?s a <http://www.w3.org/ns/org#Organization> } LIMIT 5"}),
           "docs": "/docs", "not-found": "/organ/finns-inte", "ontology": "/ns", "figures": "/statistik"}
    for seg in LISTS:
        out[f"list-{seg}"] = f"/{seg}"
        driver.get(f"{site}/{seg}")
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href]")]
        item = next((h for h in links if re.match(rf"{re.escape(site)}/{seg}/[^?#]+$", h or "")), None)
        assert item, f"/{seg} links no item"
        out[f"item-{seg}"] = item[len(site):]
    driver.get(site + out["item-organ"])
    iri = driver.execute_script("const l = document.querySelector('link[rel=alternate][type=\"text/turtle\"]');"
                                "return l ? l.href : null;")
    out["graph"] = "/graf?" + urlencode({"iri": iri or site + out["item-organ"]})
    # resources with no page of their own, shown by /id/: the evidence of a fact, a person in a meeting
    for name, cls in (("evidence", "Evidence"), ("person", "Person")):
        q = f"SELECT ?x WHERE {{ ?x a <https://w3id.org/styrgraf/ns#{cls}> }} LIMIT 1"
        with urllib.request.urlopen(f"{site}/sparql?{urlencode({'query': q})}", timeout=30) as r:
            rows = json.load(r)["results"]["bindings"]
        assert rows, f"the bundled corpus holds a {cls}"
        out[name] = "/" + rows[0]["x"]["value"].removeprefix("https://w3id.org/styrgraf/")   # its path here
    return out


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_kind_of_page_passes_axe(corpus_server, browser, lang):
    found = pages(browser, corpus_server)
    failures = {}
    for name, path in found.items():
        url = corpus_server + path + ("&" if "?" in path else "?") + f"lang={lang}"
        for width in (1280, 390):
            browser.set_window_size(width, 900)
            browser.get(url)
            if name == "docs" and SWAGGER.is_file():      # what Swagger UI draws, not the page before it
                WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".swagger-ui .opblock"))
            bad = violations(browser)
            if bad:
                failures[f"{name} {width}px {lang}"] = bad
    browser.set_window_size(1280, 900)
    assert not failures, failures
