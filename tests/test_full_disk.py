"""`styrgraf ingest` on a full disk printed the right line per file and
then a traceback, from the store's flush at the end of the batch. The failure of the store is one
more line, and the exit status 1.

The disk is a 2 MiB tmpfs where mounting one is allowed (root); everywhere, a file-size limit
(RLIMIT_FSIZE) makes the store's writes fail the same way (EFBIG rather than ENOSPC).
"""
from __future__ import annotations

import re
import resource
import signal
import subprocess

import pytest

from conftest import CORPUS, STYRGRAF

SMALL = 1_500_000           # bytes: the vocabulary goes in, the corpus does not


@pytest.fixture(params=["tmpfs", "file-size limit"])
def small_disk(request, tmp_path):
    """(a directory on a small disk, a preexec_fn for the ingest, the error the store will see)."""
    if request.param == "file-size limit":
        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)      # a write past the limit fails, EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (SMALL, SMALL))
        yield tmp_path, limit, "File too large"
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(tmp_path)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield tmp_path, None, "No space left on device"
    finally:
        subprocess.run(["umount", "--lazy", str(tmp_path)], check=True)


def test_ingest_on_a_full_disk_says_so_in_one_line(small_disk):
    folder, preexec, error = small_disk
    store = folder / "store"
    proc = subprocess.run([*STYRGRAF, "ingest", str(CORPUS), "--store", str(store)], capture_output=True,
                          text=True, preexec_fn=preexec, timeout=300)
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 1, proc.stdout
    lines = proc.stdout.splitlines()
    files = sorted(p.name for p in CORPUS.iterdir() if p.suffix == ".txt")
    assert sorted(re.search(r"/(\w+\.txt)", line).group(1) for line in lines if ".txt" in line) == files
    store_lines = [line for line in lines if line.startswith(f"FAILED    {store}: store error: ")]
    assert len(store_lines) == 1 and error in store_lines[0], lines
    assert re.fullmatch(r"\d+ stored, 0 unchanged, \d+ failed", lines[-1]), lines[-1]
