"""Start and stop a real `oxigraph serve` on a free loopback port, for the remote-store tests.

    with oxigraph_server(tmp_path / "db") as srv:      # srv.query, srv.update, srv.store, srv.base
        store = RemoteStore(srv.query, update_endpoint=srv.update)

The `oxigraph` binary comes with the `oxigraph` PyPI package (a test dependency); it is
looked up next to the running interpreter, then on PATH. `find_oxigraph()` returns None
when it is missing so tests can skip with a clear reason.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from server import free_port, stop, wait_until_answers



def find_oxigraph() -> str | None:
    """The `oxigraph` server binary, or None."""
    candidate = Path(sys.executable).parent / "oxigraph"
    if candidate.is_file() and os.access(candidate, os.X_OK):
        return str(candidate)
    return shutil.which("oxigraph")


@dataclass(frozen=True)
class OxigraphServer:
    base: str            # http://127.0.0.1:PORT
    location: Path | None
    pid: int

    @property
    def query(self) -> str:
        return self.base + "/query"

    @property
    def update(self) -> str:
        return self.base + "/update"

    @property
    def store(self) -> str:
        """The Graph Store Protocol endpoint."""
        return self.base + "/store"


@contextlib.contextmanager
def oxigraph_server(location: Path | None, *args: str, binary: str | None = None,
                    startup_timeout: float = 30.0) -> Iterator[OxigraphServer]:
    """`oxigraph serve --location DIR --bind 127.0.0.1:PORT` (in memory when location is None);
    yields once it answers a query, and stops it (SIGTERM, then SIGKILL) afterwards."""
    binary = binary or find_oxigraph()
    if binary is None:
        raise RuntimeError("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    cmd = [binary, "serve", "--bind", f"127.0.0.1:{port}"]
    if location is not None:
        Path(location).mkdir(parents=True, exist_ok=True)
        cmd += ["--location", str(location)]
        log = Path(location).parent / f"oxigraph-{port}.log"
    else:
        log = Path(os.environ.get("TMPDIR", "/tmp")) / f"oxigraph-{port}-{os.getpid()}.log"
    cmd += list(args)
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(base + "/query?query=ASK%7B%7D", proc, "oxigraph serve", startup_timeout,
                           accept="application/sparql-results+json", output=lambda: log.read_text(errors="replace"))
        yield OxigraphServer(base, Path(location) if location is not None else None, proc.pid)
    finally:
        stop(proc)
        if location is None:
            with contextlib.suppress(OSError):
                log.unlink()


