"""Extraction quality: the gold scorer against a served store of the gold documents.

The scorer and the hand-annotated gold files live beside the repository
(../shared/eval, ../shared/gold); the bar is recall >= 0.90, field accuracy
>= 0.90 and body precision >= 0.95.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli
from server import running_server

SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "gold"


@pytest.mark.skipif(not SCORER.exists(), reason="needs ../shared/eval/score.py and ../shared/gold")
def test_gold_score_meets_the_bar(tmp_path):
    golds = sorted(GOLD.glob("*.toml"))
    sources = [ROOT / "examples" / "corpus" / p.name.replace(".toml", ".txt") for p in golds]
    store = tmp_path / "gold-store"
    run_cli("ingest", *sources, "--store", store)
    with running_server(store) as base:
        out = tmp_path / "score.json"
        proc = subprocess.run([sys.executable, str(SCORER), "--api", base.rstrip("/"), str(GOLD), "-v",
                               "--json", str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    report = proc.stdout
    assert summary["recall"] >= 0.90, report
    assert summary["field_accuracy"] >= 0.90, report
    assert summary["body_precision"] >= 0.95, report
