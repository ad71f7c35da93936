"""Shared fixtures: the bundled corpus ingested once through the real CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
STYRGRAF = [sys.executable, "-m", "styrgraf.cli"]


def run_cli(*args: str, check: bool = True, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run([*STYRGRAF, *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, **kw)
    if check and proc.returncode != 0:
        raise AssertionError(f"styrgraf {' '.join(map(str, args))} exited {proc.returncode}:\n"
                             f"{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    """A store holding the five bundled corpus documents."""
    store = tmp_path_factory.mktemp("corpus") / "store"
    run_cli("ingest", CORPUS, "--store", store)
    return store
