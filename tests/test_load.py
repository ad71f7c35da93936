"""Load: 2, then 8 concurrent clients of light, mixed requests against `styrgraf serve` while
`styrgraf ingest ../shared/corpus-regeringen` writes other documents into the same store.

No answer may be a 5xx, and readers see whole documents only: every document graph a
client saw (its triple count in a SPARQL answer, or the lines of its N-Quads dump) has the
count it has when complete. The driver is bench/load_bench.py (which runs 60 s per client
count); here each phase lasts STYRGRAF_LOAD_SECONDS (default 8 s).
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import sys

import pytest

from conftest import REGERINGEN, ROOT

pytestmark = pytest.mark.slow

SECONDS = float(os.environ.get("STYRGRAF_LOAD_SECONDS", "8"))
CLIENTS = (2, 8)

if not REGERINGEN.is_dir():
    pytest.skip(f"{REGERINGEN} (the documents the background ingest writes) is not there",
                allow_module_level=True)


def load_bench():
    spec = importlib.util.spec_from_file_location("load_bench", ROOT / "bench" / "load_bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module           # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result(corpus_store, tmp_path_factory):
    bench = load_bench()
    workdir = tmp_path_factory.mktemp("load")
    store = workdir / "store"
    shutil.copytree(corpus_store, store)
    run = bench.run(list(CLIENTS), SECONDS, workdir, store=store)
    for report in run.reports:
        print("\n" + report.summary())
        for failure in report.failures[:5]:
            print("  !", failure)
    print(f"document graphs seen: {len({g for r in run.reports for g, _, _ in r.seen})}, "
          f"partial: {len(run.partial)}")
    return run


def report_for(result, clients: int):
    return next(r for r in result.reports if r.clients == clients)


@pytest.mark.parametrize("clients", CLIENTS)
def test_the_ingest_wrote_while_the_clients_read(result, clients, record_property):
    report = report_for(result, clients)
    record_property(f"load_{clients}", report.summary())
    assert report.stored_during > 0, report.summary()          # a write load, really
    assert report.requests >= clients, report.summary()
    assert report.latencies["dump-document"], report.summary()


def test_readers_see_whole_documents_only(result):
    seen = {g for r in result.reports for g, _, _ in r.seen}
    new = seen - {g for g in seen if "/graph/00" in g}            # beyond the five bundled ones
    assert len(new) >= 5, f"too few documents written by the ingest were read: {sorted(seen)}"
    assert result.partial == [], "\n".join(result.partial[:20])


@pytest.mark.parametrize("clients", CLIENTS)
def test_no_server_errors_under_load_during_ingest(result, clients):
    report = report_for(result, clients)
    assert report.server_errors == 0, report.summary() + "\n" + "\n".join(report.failures[:10])
    assert report.failures == [], "\n".join(report.failures[:10])
