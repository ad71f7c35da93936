"""A corrupted store is detected and named, in one line, without eating memory.

Bytes garbled inside a copy of a store's .sst files made `styrgraf query` (a count per graph) grow
to 4.9 GB until an allocation failed, `validate` and `export` end in a traceback (export leaving
34 of 6,032 lines under the final name), and `serve` on a store with a bad CURRENT file said
"serving" and answered 500 to everything. Now each of them exits within 30 s, under 1 GB, with
one line that says the store is corrupt and what to do, and exit status 3; `styrgraf check`
verifies a store.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import CORPUS, STYRGRAF, run_cli
from server import free_port, served_process

LIMIT_SECONDS = 30
LIMIT_RSS = 1_000_000_000
# runs one command and reports the peak resident memory of it and everything it started
# (RUSAGE_CHILDREN: the largest of the processes it waited for); a 4 GiB address-space limit
# keeps a regression from taking the machine down with it
PEAK = """
import resource, subprocess, sys
resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
code = subprocess.call(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, file=sys.stderr)
sys.exit(code)
"""


@dataclass
class Run:
    status: int
    stdout: str
    stderr: str
    seconds: float
    peak: int


def run_measured(*args, env: dict | None = None) -> Run:
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", PEAK, *STYRGRAF, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env={**os.environ, **(env or {})})
    try:
        stdout, stderr = proc.communicate(timeout=LIMIT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        pytest.fail(f"styrgraf {' '.join(map(str, args))} still ran after {LIMIT_SECONDS} s:\n{stdout[-2000:]}\n"
                    f"{stderr[-2000:]}")
    *lines, peak = stderr.rstrip("\n").split("\n")
    return Run(proc.returncode, stdout, "\n".join(lines), time.monotonic() - start, int(peak))


def garble(store: Path, copy: Path, only: str | None = None) -> Path:
    """A copy of `store` with 16-byte runs of random bytes in the data blocks (the first half) of
    its larger .sst files, or only in those of one index (`only`: a column family, e.g. posg)."""
    shutil.copytree(store, copy)
    rnd = random.Random(13)
    for sst in sorted(copy.glob("*.sst")):
        data = bytearray(sst.read_bytes())
        family = data[data.find(b"name", data.find(b"family.id")):][4:12].split(b"\n")[0].decode(errors="replace")
        if len(data) < 50_000 or (only and family != only):
            continue
        for _ in range(4):
            at = rnd.randrange(1000, len(data) // 2)
            data[at:at + 16] = rnd.randbytes(16)
        sst.write_bytes(bytes(data))
    return copy


@pytest.fixture(scope="module", params=["garbled .sst files", "bad CURRENT file"])
def corrupt(request, corpus_store, tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("corrupt") / "store"
    if request.param == "bad CURRENT file":
        shutil.copytree(corpus_store, copy)
        (copy / "CURRENT").write_bytes(b"MANIFEST-0000\x07x\n")
        return copy
    return garble(corpus_store, copy)


def assert_one_line_saying_corrupt(run: Run, store: Path) -> None:
    assert "Traceback" not in run.stdout + run.stderr, run.stderr[-3000:]
    assert run.status == 3, (run.status, run.stdout[-500:], run.stderr[-2000:])
    assert run.seconds < LIMIT_SECONDS and run.peak < LIMIT_RSS, (run.seconds, run.peak)
    assert len(run.stderr.splitlines()) == 1, run.stderr
    line = run.stderr
    assert line.startswith(f"error: the store {store} is corrupt (") and "restore it from a backup" in line
    assert "ingest the documents again" in line and f"`styrgraf check --store {store}`" in line


def test_query_a_count_per_graph(corrupt, tmp_path):
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    run = run_measured("query", rq, "--store", corrupt)
    assert_one_line_saying_corrupt(run, corrupt)
    assert run.stdout == ""


def test_validate(corrupt):
    run = run_measured("validate", "--store", corrupt)
    assert_one_line_saying_corrupt(run, corrupt)
    assert "conform" not in run.stdout


def test_export_writes_nothing_under_the_final_name(corrupt, tmp_path):
    old = tmp_path / "old.nq"
    old.write_text("the export of yesterday\n")
    run = run_measured("export", "--store", corrupt, "--out", tmp_path / "new.nq")
    assert_one_line_saying_corrupt(run, corrupt)
    run = run_measured("export", "--store", corrupt, "--format", "ttl", "--out", old)
    assert_one_line_saying_corrupt(run, corrupt)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.nq"]        # no new.nq, no partial file
    assert old.read_text() == "the export of yesterday\n"


def test_serve_refuses_to_start(corrupt):
    run = run_measured("serve", "--store", corrupt, "--port", free_port())
    assert_one_line_saying_corrupt(run, corrupt)
    assert "serving" not in run.stdout + run.stderr


def test_check(corrupt):
    assert_one_line_saying_corrupt(run_measured("check", "--store", corrupt), corrupt)


@pytest.mark.parametrize("command", [["forget", "--person", "Lars Lööw"], ["remove", "000_c3f731b4bab44c47.txt"]])
def test_writes_say_so_too(corrupt, tmp_path, command):
    store = tmp_path / "store"
    shutil.copytree(corrupt, store)
    assert_one_line_saying_corrupt(run_measured(*command, "--store", store), store)


def test_ingest_says_so_too(corrupt, tmp_path):
    """Each file gets its line; the store's is the one that says it is corrupt (or, when the store
    cannot even be opened, the only line). --force makes every document's graph be read and
    replaced, whatever the damaged blocks hold."""
    store = tmp_path / "store"
    shutil.copytree(corrupt, store)
    run = run_measured("ingest", CORPUS, "--store", store, "--force")
    assert "Traceback" not in run.stdout + run.stderr and run.status in (1, 3), run.stderr[-3000:]
    said = [line for line in (run.stdout + run.stderr).splitlines() if " is corrupt (" in line]
    assert len(said) == 1 and f"the store {store} is corrupt (" in said[0] and "restore it from a backup" in said[0]


def test_check_says_a_whole_store_is_whole(corpus_store):
    proc = run_cli("check", "--store", corpus_store)
    assert proc.stdout.startswith(f"OK: the store {corpus_store} is whole: ") and "every index agrees" in proc.stdout


def test_check_reads_every_index(corpus_store, tmp_path):
    """Damage in one index only (by predicate, posg) escapes a read of every quad, which goes by
    graph; check reads each index and finds it."""
    store = garble(corpus_store, tmp_path / "store", only="posg")
    assert run_cli("export", "--store", store, "--out", tmp_path / "all.nq").returncode == 0
    assert_one_line_saying_corrupt(run_measured("check", "--store", store), store)


def test_a_read_that_needs_more_memory_is_stopped_and_said_so(corpus_store, tmp_path):
    """A query on a whole store that outgrows STYRGRAF_READ_MEMORY is stopped: one line saying so."""
    rq = tmp_path / "big.rq"
    rq.write_text("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i")
    run = run_measured("query", rq, "--store", corpus_store, env={"STYRGRAF_READ_MEMORY": "200M"})
    assert run.status == 2 and run.stdout == "" and run.peak < 250 << 20
    assert run.stderr == ("error: the read needed more than 200 MiB of memory and was stopped "
                          "(STYRGRAF_READ_MEMORY sets the ceiling)")


# ---------------------------------------------------------------- a store too large to read before serving
# STYRGRAF_READ_BEFORE_START is the largest store serve reads whole before it answers; 1 byte makes
# every store "large": serve opens it, reads its first quads, starts, and reads the rest in the background.
# Until that read ends, a query that reaches the damage (the lists' warm-up, say) is held to its worker's
# memory ceiling, as any query is: a small one here, so that the whole tree stays under LIMIT_RSS
LARGE = {"STYRGRAF_READ_BEFORE_START": "1", "STYRGRAF_WORKER_MEMORY": "256M"}


def test_a_large_store_is_read_whole_after_the_server_answers(corpus_store, tmp_path):
    log = tmp_path / "serve.log"
    with served_process(corpus_store, env=LARGE, log=log) as (base, proc, _log):
        with urllib.request.urlopen(base + "api/v1/bodies", timeout=30) as r:
            assert r.status == 200
        deadline = time.monotonic() + LIMIT_SECONDS
        while "no damage found" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert proc.poll() is None                       # and it serves on
    text = log.read_text()
    assert "is being read whole in the background" in text
    assert f"styrgraf read the store {corpus_store} whole in " in text and "Traceback" not in text
    assert not list((corpus_store / ".readers").glob("*")), "the background read's checkpoint is left behind"


def test_a_large_store_found_damaged_in_the_background_stops_the_server(corpus_store, tmp_path):
    """Damage the first quads do not reach (the index by graph, which the read of every quad goes
    through after the default graph's): serve starts, and the background read finds it: the one
    line a refused start gives, and exit status 3."""
    store = garble(corpus_store, tmp_path / "store", only="gspo")
    run = run_measured("serve", "--store", store, "--port", free_port(), env=LARGE)
    assert "Traceback" not in run.stdout + run.stderr, run.stderr[-3000:]
    assert run.status == 3 and run.seconds < LIMIT_SECONDS and run.peak < LIMIT_RSS, (run.status, run.seconds,
                                                                                       run.peak, run.stderr[-2000:])
    lines = run.stderr.splitlines()
    assert lines[0] == f"styrgraf serving {store} on " + lines[0].split(" on ", 1)[1]   # it started
    said = [line for line in lines if " is corrupt (" in line]
    assert len(said) == 1 and said[0].startswith(f"error: the store {store} is corrupt ("), run.stderr
    assert "restore it from a backup" in said[0] and f"`styrgraf check --store {store}`" in said[0]


def test_a_large_store_that_cannot_be_opened_is_refused_at_start(corpus_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(corpus_store, store)
    (store / "CURRENT").write_bytes(b"MANIFEST-0000\x07x\n")
    run = run_measured("serve", "--store", store, "--port", free_port(), env=LARGE)
    assert_one_line_saying_corrupt(run, store)
    assert "serving" not in run.stdout + run.stderr
