"""`styrgraf ingest --jobs N`: a worker process that dies mid-batch costs no file."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CORPUS, REGERINGEN, STYRGRAF

FILES = sorted(REGERINGEN.rglob("*.md"))[:150] if REGERINGEN.exists() else sorted(CORPUS.iterdir())


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def workers_of(pid: int) -> list[int]:
    """The worker processes of an ingest: children of its forkserver child."""
    for c in children(pid):
        try:
            if b"forkserver" in Path(f"/proc/{c}/cmdline").read_bytes():
                return children(c)
        except OSError:
            pass
    return []


@pytest.mark.skipif(len(FILES) < 20, reason="needs ../shared/corpus-regeringen")
def test_a_killed_worker_costs_no_file(tmp_path):
    store = tmp_path / "store"
    proc = subprocess.Popen([*STYRGRAF, "ingest", *map(str, FILES), "--store", str(store), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and time.monotonic() < deadline and proc.poll() is None:
        workers = workers_of(proc.pid)
        if workers:
            time.sleep(0.5)              # let it get some way into the batch
            try:
                os.kill(workers[0], signal.SIGKILL)
                killed = workers[0]
            except ProcessLookupError:
                continue
        time.sleep(0.05)
    out, err = proc.communicate(timeout=300)
    assert killed is not None, "no worker process was seen"
    assert proc.returncode == 0, out + err
    assert f"{len(FILES)} stored, 0 unchanged, 0 failed" in out
    graphs = [g.value for g in ox.Store.read_only(str(store)).named_graphs() if "/graph/" in g.value]
    assert len([g for g in graphs if "/graph/_" not in g]) == len(FILES)


def test_files_that_would_share_a_graph_or_cannot_be_read_are_reported(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    text = (CORPUS / sorted(p.name for p in CORPUS.iterdir())[0]).read_text(encoding="utf-8")
    (docs / "plan.txt").write_text(text, encoding="utf-8")
    (docs / "plan.md").write_text(text, encoding="utf-8")         # same document id as plan.txt
    os.mkfifo(docs / "pipe.txt")
    (docs / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    proc = subprocess.run([*STYRGRAF, "ingest", str(docs), str(docs / "plan.txt"), "--store", str(tmp_path / "s"),
                           "--no-validate"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert any(line.startswith("FAILED") and "plan.txt" in line and "same document name" in line for line in lines)
    assert any(line.startswith("FAILED") and "pipe.txt" in line and "not a regular file" in line for line in lines)
    assert any(line.startswith("FAILED") and "gone.txt" in line and "not a regular file" in line for line in lines)
    assert "1 stored, 0 unchanged, 3 failed" in proc.stdout
