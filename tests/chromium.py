"""Headless Chromium for the page tests: Debian's chromium and chromedriver, driven by selenium.

`require()` skips the calling test module (at import) where either is missing; call it before
importing selenium.
"""
from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def require() -> None:
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.skip("Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)",
                    allow_module_level=True)
    pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")
