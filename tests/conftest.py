"""Shared fixtures: the bundled corpus ingested once through the real CLI."""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from server import running_server

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# beside the repository (not needed at run time): gold facts, the scorer, the regeringen pages
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold"
SCORER = SHARED / "eval" / "score.py"
REGERINGEN = SHARED / "corpus-regeringen"
STYRGRAF = [sys.executable, "-m", "styrgraf.cli"]


def extract(path: Path, media_type: str = "text/plain"):
    """(normalised Doc, Extraction) of one file, through the whole pipeline."""
    from styrgraf.ingest.pipeline import extract_text

    doc, ex, _ = extract_text(Path(path).read_text(encoding="utf-8"), name=Path(path).name, media_type=media_type)
    return doc, ex


# the shared gold documents (000, 002, 004 of the bundled corpus)
GOLD_FILES = sorted(GOLD.glob("*.toml")) if GOLD.exists() else []


def each_gold_file(test):
    """Runs a test once for each shared gold file, as its argument `gold_file`; skipped where
    ../shared/gold or the scorer is not beside the repository."""
    test = pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem[:3])(test)
    return pytest.mark.skipif(not SCORER.exists() or not GOLD_FILES, reason="needs ../shared/eval and ../shared/gold")(test)


def read_gold(gold_file: Path):
    """(gold facts, normalised Doc, Extraction) of a gold file and the corpus document it is about."""
    gold = tomllib.loads(gold_file.read_text(encoding="utf-8"))
    doc, ex = extract(CORPUS / gold["source"])
    return gold, doc, ex


def assert_gold_found(kind: str, golds: list[dict], items: list[dict], optional_too: bool = False) -> None:
    """Each gold fact of a kind is matched among the items (shaped as the API serves them) with all its fields
    right, as eval/score.py judges it; a fact the gold marks optional is held to that only with optional_too."""
    score = load_scorer()
    for g in golds:
        if g.get("optional") and not optional_too:
            continue
        it = score.match_item(kind, g, items)
        assert it is not None, (kind, g, items)
        checks = score.field_checks(kind, g, it)
        assert all(checks.values()), (kind, g, {k: v for k, v in checks.items() if not v}, it)


def assert_quotes(doc, facts):
    """Every fact has evidence, and each quote is the exact, trimmed slice of the normalised text."""
    for fact in facts:
        assert fact.evidence, fact
        for s in fact.evidence:
            quote = doc.text[s.start:s.end]
            assert quote and quote == quote.strip(), (fact, s)


def page(text: str):
    """The Extraction of a Markdown page (as a web page converted to Markdown is), through the whole pipeline."""
    from styrgraf.ingest.pipeline import extract_text

    return extract_text(text, name="page.md", media_type="text/markdown")[1]


def load_scorer():
    """The gold scorer (../shared/eval/score.py) as a module, for its matching functions."""
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def keep_merge(store) -> None:
    """After a test wrote quads straight into a pyoxigraph store: its default graph made the merge
    of its named graphs again, as styrgraf keeps it (styrgraf/merge.py)."""
    store.update("DELETE WHERE { ?s ?p ?o } ;\nINSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


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


@pytest.fixture(scope="module")
def corpus_server(corpus_store):
    """`styrgraf serve` over the corpus store, for one test module: its URL without the trailing slash."""
    with running_server(corpus_store) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="module")
def corpus_store_copy(corpus_store, tmp_path_factory) -> Path:
    """A copy of the corpus store that one test module may write to."""
    copy = tmp_path_factory.mktemp("corpus-copy") / "store"
    shutil.copytree(corpus_store, copy)
    return copy
