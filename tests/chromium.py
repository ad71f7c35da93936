"""Headless Chromium for the page tests: Debian's chromium and chromedriver, driven by selenium.

`require()` skips the calling test module (at import) where either is missing; call it before
importing selenium.
"""
from __future__ import annotations

import os
import shutil
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
