"""Start `styrgraf serve` for real on a free loopback port, for tests that speak HTTP."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from collections.abc import Iterator


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_answers(url: str, proc: subprocess.Popen, what: str, timeout: float = 60.0,
                       accept: str = "*/*", output=None) -> None:
    """Poll `url` until it answers 200; fail with the process's output if it exits or is too
    slow (`output`: a callable giving that output)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:                     # refused, reset, HTTP errors (URLError is an OSError)
            pass
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited {proc.returncode}: {output() if output else ''}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not answer within {timeout:g} s: {output() if output else ''}")
        time.sleep(0.1)


def stop(proc: subprocess.Popen, grace: float = 10.0) -> None:
    """SIGTERM, then SIGKILL after `grace` seconds."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextlib.contextmanager
def served_process(store: Path, *args: str, env: dict | None = None, log: Path | None = None,
                   start_timeout: float = 60.0) -> Iterator[tuple[str, subprocess.Popen, Path | None]]:
    """`styrgraf serve` over `store` on a free port: (base URL, process, log file). With `log`,
    its stdout and stderr go to that file (for tests that read them); stopped afterwards.
    `start_timeout`: how long it may take to answer (it reads the whole store first)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    out = open(log, "wb") if log else subprocess.PIPE
    try:
        proc = subprocess.Popen([sys.executable, "-m", "styrgraf.cli", "serve", "--store", str(store),
                                 "--port", str(port), *args],
                                env={**os.environ, **(env or {})},
                                stdout=out, stderr=subprocess.STDOUT)
    finally:
        if log:
            out.close()
    output = (lambda: log.read_text(errors="replace")[-4000:]) if log else (lambda: proc.stdout.read().decode())
    try:
        wait_until_answers(base + "health", proc, "styrgraf serve", timeout=start_timeout, output=output)
        yield base, proc, log
    finally:
        stop(proc)


@contextlib.contextmanager
def running_server(store: Path, *args: str, env: dict | None = None) -> Iterator[str]:
    """Yield the base URL of a server over `store`; stop it afterwards."""
    with served_process(store, *args, env=env) as (base, _proc, _log):
        yield base
