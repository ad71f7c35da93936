"""/docs (Swagger UI) in headless Chromium with the network off but for the server itself: the
page, its scripts and styles come from styrgraf (the front-end build), so it renders and runs a
request without the internet. Debian's Chromium and chromedriver, as in tests/test_browser.py."""
from __future__ import annotations

from pathlib import Path

import pytest

import chromium

ROOT = Path(__file__).resolve().parent.parent
SWAGGER = ROOT / "api" / "static" / "build" / "swagger-ui" / "swagger-ui-bundle.js"

chromium.require()

from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def offline_browser(tmp_path_factory):
    """Chromium that reaches 127.0.0.1 and nothing else: every host name but that address fails
    to resolve, and any other address goes to a proxy that refuses the connection."""
    driver = chromium.start(tmp_path_factory.mktemp("chromium-offline"),
                            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                            "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>;127.0.0.1")
    try:
        yield driver
    finally:
        driver.quit()


def test_the_browser_is_offline(offline_browser):
    """What the next test stands on: a CDN cannot be reached."""
    with pytest.raises(WebDriverException, match=r"net::ERR_"):
        offline_browser.get("https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css")


def test_api_documentation_renders_offline(corpus_server, offline_browser):
    if not SWAGGER.is_file():
        pytest.skip("Swagger UI is not built (make frontend: npm ci && node build.mjs in frontend/)")
    d = offline_browser
    d.get(corpus_server + "/docs")
    wait = WebDriverWait(d, 30)
    wait.until(lambda drv: len(drv.find_elements(By.CSS_SELECTOR, ".swagger-ui .opblock")) >= 20)
    assert "styrgraf" in d.find_element(By.CSS_SELECTOR, ".swagger-ui .info .title").text
    paths = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")]
    assert "/api/v1/bodies" in paths and "/sparql" in paths
    # a request from the page: GET /health, tried out and executed
    block = d.find_element(By.CSS_SELECTOR, "#operations-default-health_health_get")
    block.find_element(By.CSS_SELECTOR, ".opblock-summary").click()
    wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#operations-default-health_health_get .try-out__btn"))).click()
    wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#operations-default-health_health_get .execute"))).click()
    status = wait.until(EC.visibility_of_element_located(
        (By.CSS_SELECTOR, "#operations-default-health_health_get .live-responses-table tbody .response-col_status")))
    assert status.text.strip().startswith("200")
    # everything the page loaded came from the corpus_server, and nothing failed or was refused
    loaded = d.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert loaded and all(u.startswith(corpus_server + "/") for u in loaded), loaded
    errors = [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
