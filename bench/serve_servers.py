"""The SPARQL servers the serving benchmark compares, started on free loopback ports.

Each server is a context manager yielding a `Running` (name, query URL, process id):

    styrgraf   `styrgraf serve --store DIR` (its /sparql, defaults: 4 query workers, 10 s limit,
               10 000-row cap); with a source tree, the same command run from an earlier
               revision's code (serve_bench.py --baseline REV: the server `styrgraf@REV`)
    minimal    bench/minimal_endpoint.py over the same store directory (read-only)
    oxigraph   `oxigraph serve --union-default-graph` over its own copy, loaded from N-Quads
               (started with tests/oxigraph_server.py)
    rdflib     rdflib-endpoint's own command (`python -m rdflib_endpoint serve FILE.nq`: an
               in-memory rdflib Dataset with default_union)
    virtuoso   Debian's virtuoso-opensource-7, when installed (the corpus ingested into it
               through styrgraf's remote store, as tests/test_virtuoso.py does)

Every server's default graph is the union of the named graphs.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from oxigraph_server import find_oxigraph, free_port, oxigraph_server  # noqa: E402

BIN = Path(sys.executable).parent
SERVERS = ("styrgraf", "minimal", "oxigraph", "rdflib", "virtuoso")


@dataclass(frozen=True)
class Running:
    name: str
    url: str            # the query endpoint (POST application/x-www-form-urlencoded query=)
    pid: int
    note: str = ""


class Unavailable(Exception):
    """The server cannot run on this machine (the reason is the message)."""


def post_query(url: str, query: str, timeout: float,
               accept: str = "application/sparql-results+json") -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode("ascii"),
                                 method="POST",
                                 headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def wait_ready(url: str, proc: subprocess.Popen | None, timeout: float, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            status, _ = post_query(url, "ASK { ?s ?p ?o }", timeout=5)
            if status == 200:
                return
        except OSError:
            pass
        if proc is not None and proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            raise RuntimeError(f"{url}: the server exited with {proc.returncode}: {tail}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url}: no answer within {timeout:g} s")
        time.sleep(0.2)


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process and its children (MB), from /proc."""
    total = 0
    pids = [pid]
    try:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
        pids += [int(p) for p in out.stdout.split()]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return round(total / 1024, 1) if total else None


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextlib.contextmanager
def _process(name: str, cmd: list[str], url: str, log: Path, startup: float,
             env: dict | None = None, cwd: Path = ROOT) -> Iterator[Running]:
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, cwd=cwd)
    try:
        wait_ready(url, proc, startup, log)
        yield Running(name, url, proc.pid)
    finally:
        _stop(proc)


def tree_env(tree: Path | None) -> dict:
    """The environment a styrgraf command runs in: without an update token; with `tree` (a source
    tree laid out by ingest_bench.baseline_tree), that tree's code is imported (PYTHONPATH)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STYRGRAF_UPDATE_TOKEN")}
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    return env


@contextlib.contextmanager
def styrgraf(store: Path, workdir: Path, extra: list[str] | None = None, tree: Path | None = None,
             name: str = "styrgraf") -> Iterator[Running]:
    """`styrgraf serve`; with `tree`, the code of that source tree (`python -m styrgraf.cli serve`
    with the same Python environment), under the name `name`."""
    port = free_port()
    program = [str(BIN / "styrgraf")] if tree is None else [sys.executable, "-m", "styrgraf.cli"]
    cmd = program + ["serve", "--store", str(store), "--port", str(port)] + list(extra or [])
    log = workdir / f"{name.replace('@', '-')}-{port}.log"
    with _process(name, cmd, f"http://127.0.0.1:{port}/sparql", log, 120, tree_env(tree),
                  cwd=tree or ROOT) as r:
        yield r


@contextlib.contextmanager
def minimal(store: Path, workdir: Path) -> Iterator[Running]:
    port = free_port()
    cmd = [sys.executable, str(ROOT / "bench" / "minimal_endpoint.py"), "--store", str(store),
           "--port", str(port)]
    with _process("minimal", cmd, f"http://127.0.0.1:{port}/sparql", workdir / f"minimal-{port}.log",
                  60) as r:
        yield r


@contextlib.contextmanager
def oxigraph(nquads: Path, workdir: Path) -> Iterator[Running]:
    binary = find_oxigraph()
    if binary is None:
        raise Unavailable("the oxigraph server binary is not installed (pip install oxigraph)")
    location = workdir / "oxigraph-db"
    marker = location / ".loaded-from"
    stamp = f"{nquads} {nquads.stat().st_mtime_ns}"
    if not (marker.exists() and marker.read_text() == stamp):
        shutil.rmtree(location, ignore_errors=True)
        location.mkdir(parents=True)
        subprocess.run([binary, "load", "--location", str(location), "--file", str(nquads)],
                       check=True, capture_output=True)
        marker.write_text(stamp)
    with oxigraph_server(location, "--union-default-graph", binary=binary, startup_timeout=60) as srv:
        yield Running("oxigraph", srv.query, srv.pid)


@contextlib.contextmanager
def rdflib_endpoint(nquads: Path, workdir: Path) -> Iterator[Running]:
    try:
        import rdflib_endpoint  # noqa: F401
    except ImportError:
        raise Unavailable("rdflib-endpoint is not installed (pip install -e '.[bench]')") from None
    port = free_port()
    cmd = [sys.executable, "-m", "rdflib_endpoint", "serve", str(nquads), "--host", "127.0.0.1",
           "--port", str(port)]
    with _process("rdflib", cmd, f"http://127.0.0.1:{port}/", workdir / f"rdflib-{port}.log", 600) as r:
        yield r


@contextlib.contextmanager
def virtuoso(corpus: list[Path], workdir: Path) -> Iterator[Running]:
    ini = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
    if shutil.which("virtuoso-t") is None or not ini.exists():
        raise Unavailable("Virtuoso is not installed (Debian: apt-get install virtuoso-opensource-7)")
    import pytest  # test_virtuoso's server helper reports failures through pytest
    from test_virtuoso import BASE, ENV, virtuoso_server
    from styrgraf.ingest import batch
    from styrgraf.remote import RemoteConfig, RemoteStore
    db = workdir / "virtuoso-db"
    shutil.rmtree(db, ignore_errors=True)
    try:
        with virtuoso_server(db) as base:
            store = RemoteStore(RemoteConfig.from_env(base + "/sparql-auth", environ=ENV))
            batch.ingest(store, corpus, BASE, validate=False)
            pid = int((subprocess.run(["pgrep", "-f", str(db / "virtuoso.ini")], capture_output=True,
                                      text=True).stdout.split() or ["0"])[0])
            yield Running("virtuoso", base + "/sparql", pid,
                          "the corpus ingested through the remote store (same extraction)")
    except pytest.fail.Exception as e:      # pragma: no cover - depends on the machine
        raise Unavailable(f"Virtuoso did not start: {e}") from None


def describe_versions() -> dict:
    """Versions of what is measured (for the JSON results)."""
    from importlib.metadata import PackageNotFoundError, version
    out = {}
    for pkg in ("pyoxigraph", "oxigraph", "fastapi", "uvicorn", "uvloop", "httptools", "rdflib",
                "rdflib-endpoint"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = None
    try:
        out["wrk"] = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    except OSError:
        out["wrk"] = None
    out["python"] = sys.version.split()[0]
    return json.loads(json.dumps(out))
