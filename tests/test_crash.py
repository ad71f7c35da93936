"""Crash safety: SIGKILL `styrgraf ingest` at random moments, on the embedded store and
against a real `oxigraph serve`.

After every kill the store opens, every document graph is either absent or exactly the
graph a clean ingest of the same file gives (the clock frozen, so the graphs compare
quad for quad), every change record belongs to a document graph that is present (the
record is written in the document's update), and ingesting again completes the store to
exactly the clean reference; `styrgraf validate` conforms.

STYRGRAF_CRASH_KILLS sets the number of kills per store (default 20); STYRGRAF_CRASH_SEED
the random seed (default 20240501).
"""
from __future__ import annotations

import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from conftest import CORPUS, REGERINGEN, ROOT, run_cli
from oxigraph_server import find_oxigraph, oxigraph_server
from styrgraf.store import Store
from styrgraf.vocab import SG, VOCAB_GRAPH

pytestmark = pytest.mark.slow

KILLS = int(os.environ.get("STYRGRAF_CRASH_KILLS", "20"))
SEED = int(os.environ.get("STYRGRAF_CRASH_SEED", "20240501"))
BASE = "https://w3id.org/styrgraf/"
CHANGES = BASE + "graph/_changes"
FIXED_NOW = "2024-05-01T12:00:00+00:00"
# the real command line, with the clock frozen so that two ingests of a file give the same quads
FROZEN_CLI = [sys.executable, "-c",
              "import os; from styrgraf.ingest import batch; "
              "batch.utc_now = lambda: os.environ['STYRGRAF_FROZEN_NOW']; "
              "from styrgraf.cli import app; app(prog_name='styrgraf')"]
ENV = {**os.environ, "STYRGRAF_FROZEN_NOW": FIXED_NOW}


def crash_files() -> list[Path]:
    """The bundled corpus, and every 80th page of the regeringen corpus when it is present."""
    files = sorted(CORPUS.glob("*.txt"))
    if REGERINGEN.exists():
        files += sorted(REGERINGEN.glob("*/*.md"))[::80]
    return files


@dataclass
class Reference:
    quads: set[ox.Quad]
    graphs: dict[str, set[ox.Triple]]
    first_line: float       # seconds until the clean ingest printed its first line
    documents: int


def by_graph(quads) -> dict[str | None, set[ox.Triple]]:
    """Triples by graph name (None: the default graph)."""
    out: dict[str | None, set[ox.Triple]] = defaultdict(set)
    for q in quads:
        out[q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None].add(
            ox.Triple(q.subject, q.predicate, q.object))
    return dict(out)


def embedded_quads(path: Path) -> set[ox.Quad]:
    """Open the store as the next ingest would (read-write: recovery runs) and read it all."""
    st = Store(path)
    try:
        return set(st.ox.quads_for_pattern(None, None, None))
    finally:
        del st


def ingest_cmd(files: list[Path], store: str, *extra: str) -> list[str]:
    return [*FROZEN_CLI, "ingest", *map(str, files), "--store", store, *extra]


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Reference:
    """A clean ingest of the files through the command line, with validation (the default)."""
    path = tmp_path_factory.mktemp("reference") / "store"
    files = crash_files()
    started = time.monotonic()
    proc = subprocess.Popen(ingest_cmd(files, str(path)), env=ENV, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    first = proc.stdout.readline()
    first_line = time.monotonic() - started
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, first + out + err
    quads = embedded_quads(path)
    graphs = by_graph(quads)
    documents = len([g for g in graphs if g not in (VOCAB_GRAPH, CHANGES, None)])
    assert documents == len(files)
    return Reference(quads, graphs, first_line, documents)


def check_consistent(quads: set[ox.Quad], ref: Reference) -> int:
    """Every graph wholly present or absent; every change record with its document. Returns
    the number of document graphs present."""
    graphs = by_graph(quads)
    # the default graph is the merge of the graphs, written in the same update as each of them
    assert graphs.pop(None, set()) == set().union(*graphs.values()), "the default graph is not the merge"
    present = 0
    for g, triples in graphs.items():
        assert g in ref.graphs, f"unexpected graph {g}"
        if g == CHANGES:
            assert triples <= ref.graphs[g], f"change records not in the reference: {triples - ref.graphs[g]}"
            continue
        assert triples == ref.graphs[g], (f"graph {g} is partial or different: {len(triples)} triples, "
                                         f"reference {len(ref.graphs[g])}")
        present += g != VOCAB_GRAPH
    # a change record is written in the same update as its document graph
    for t in graphs.get(CHANGES, ()):
        if t.predicate.value == SG + "changedDocument":
            graph = t.object.value.replace("/id/doc/", "/graph/")
            assert graph in graphs, f"a change record for {t.object.value} without its graph"
    return present


def kill_at_random(cmd: list[str], rng: random.Random, ref: Reference) -> tuple[bool, str]:
    """Start `cmd` and SIGKILL it at a random moment: one time in five within the start-up
    (opening the store, writing the vocabulary graph, the first document), else a random
    0-100 ms after the k-th document was stored (k random): while a later one is written.
    Returns (was it killed, when)."""
    proc = subprocess.Popen(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        if rng.random() < 0.2:
            delay = rng.uniform(0.1, ref.first_line + 0.3)
            when = f"after {delay:.2f} s"
            time.sleep(delay)
        else:
            k, lines = rng.randrange(1, ref.documents), 0
            while lines < k and proc.stdout.readline():
                lines += 1
            delay = rng.uniform(0, 0.1)
            when = f"{delay * 1000:.0f} ms after document {lines}"
            time.sleep(delay)
    finally:
        killed = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
    return killed, when


def run_kills(reset, cmd_for, read_quads, ref: Reference) -> dict[str, int]:
    """KILLS real kills: from an empty store now and then, else over what the last run left,
    with --force most of the time (every graph is then replaced, not only added). Two runs in
    three skip validation: they write sooner, so more kills land among the writes."""
    rng = random.Random(SEED)
    kills = attempts = 0
    present: list[int] = []
    while kills < KILLS:
        attempts += 1
        assert attempts <= 3 * KILLS, "the ingest kept finishing before the kill"
        if kills % 5 == 0:
            reset()
        force = bool(present) and present[-1] > 0 and rng.random() < 0.7
        validate = attempts % 3 == 0
        cmd = cmd_for(force) + ([] if validate else ["--no-validate"])
        killed, when = kill_at_random(cmd, rng, ref)
        kills += killed
        try:
            present.append(check_consistent(read_quads(), ref))
        except AssertionError as e:
            raise AssertionError(f"after a kill {when} (force={force}, validate={validate}): {e}") from e
    return {"kills": kills, "runs": attempts, "graphs_present_after_each": present}


def test_killed_ingest_embedded(tmp_path, reference):
    store = tmp_path / "store"
    files = crash_files()
    started = time.monotonic()
    stats = run_kills(lambda: shutil.rmtree(store, ignore_errors=True),
                      lambda force: ingest_cmd(files, str(store), *(["--force"] if force else [])),
                      lambda: embedded_quads(store), reference)
    # some kills must land mid-batch, or the test shows nothing
    assert sum(0 < n < reference.documents for n in stats["graphs_present_after_each"]) >= KILLS // 5, stats
    proc = subprocess.run(ingest_cmd(files, str(store)), env=ENV, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert embedded_quads(store) == reference.quads
    assert f"{reference.documents} of {reference.documents} document graphs conform" in \
        run_cli("validate", "--store", store).stdout
    print(f"\nembedded: {stats}, {time.monotonic() - started:.1f} s")


@pytest.mark.skipif(find_oxigraph() is None, reason="the `oxigraph` server binary is not installed")
def test_killed_ingest_oxigraph_server(tmp_path, reference):
    from styrgraf.remote import RemoteStore

    files = crash_files()
    started = time.monotonic()
    with oxigraph_server(tmp_path / "oxigraph") as srv:
        remote = RemoteStore(srv.query, srv.update)

        def quads() -> set[ox.Quad]:
            """All the server holds, its default graph too (styrgraf's dump leaves out the merge)."""
            r = httpx.get(srv.store, headers={"Accept": "application/n-quads"}, timeout=120)
            return set(ox.parse(r.content, format=ox.RdfFormat.N_QUADS))

        def cmd(force: bool) -> list[str]:
            return ingest_cmd(files, srv.query, "--update-endpoint", srv.update, *(["--force"] if force else []))

        stats = run_kills(lambda: remote.update("DROP SILENT ALL"), cmd, quads, reference)
        assert sum(0 < n < reference.documents for n in stats["graphs_present_after_each"]) >= KILLS // 5, stats
        proc = subprocess.run(cmd(False), env=ENV, capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert quads() == reference.quads
        assert f"{reference.documents} of {reference.documents} document graphs conform" in \
            run_cli("validate", "--store", srv.query).stdout
    print(f"\noxigraph serve: {stats}, {time.monotonic() - started:.1f} s")
