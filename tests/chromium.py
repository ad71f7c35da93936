"""Headless Chromium for the page tests: Debian's chromium and chromedriver, driven by selenium.

`require()` skips the calling test module (at import) where either is missing; call it before
importing selenium.
"""
from __future__ import annotations

import base64
import os
import shutil
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def require() -> None:
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.skip("Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)",
                    allow_module_level=True)
    pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")


# what every test browser runs with: headless, no first-run and no background traffic (this machine's
# network is closed), a profile of its own
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,900")


def start(profile: Path, *flags: str, prefs: dict | None = None):
    """A Chromium driven by chromedriver, with the common flags, `flags` and the browser `prefs`;
    its console log is kept for the test to read."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}", *flags):
        opts.add_argument(flag)
    if prefs:
        opts.add_experimental_option("prefs", prefs)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(60)
    return driver


SHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser")
            if e["level"] == "SEVERE" and "favicon" not in e["message"]]


def screenshot(driver, name: str, width: int, part: str | None = None, full: bool = True) -> Path:
    """A full-page picture at `width` px into artifacts/screenshots/ (up to 7000 px down; none where not `full`),
    after checking that nothing sticks out sideways; with `part` (a CSS selector) also a picture of that part,
    wherever it is on the page."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.set_window_size(width, 900)
    time.sleep(0.4)
    overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{name} at {width}px is {overflow}px wider than the window"
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 7000)")
    driver.set_window_size(width, max(height, 600))
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.3)
    path = SHOTS / f"{name}-{width}.png"
    if full:
        driver.save_screenshot(str(path))
    if part:
        box = driver.execute_script("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                                    "return [r.left + scrollX, r.top + scrollY, r.width, r.height]", part)
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": max(0, box[1] - 8), "width": width, "height": box[3] + 16, "scale": 1}})
        (SHOTS / f"{name}-part-{width}.png").write_bytes(base64.b64decode(shot["data"]))
    driver.set_window_size(1280, 900)
    return path
