"""Serving benchmark: styrgraf's /sparql side by side with the servers one would pick instead.

    .venv/bin/python bench/serve_bench.py --quick          # ~2 minutes: bundled corpus, 4 workloads,
                                                           # 4 servers (no Virtuoso)
    .venv/bin/python bench/serve_bench.py                  # full: both corpora, every workload,
                                                           # 1/2/8 clients, every named query
    .venv/bin/python bench/serve_bench.py --quick --baseline REV   # the same, and REV's styrgraf

In one run, for each dataset (the bundled corpus examples/corpus, and ../shared/corpus-regeringen,
each ingested with `styrgraf ingest --no-validate` into --workdir and reused while the corpus is
unchanged), every server of bench/serve_servers.py is started on loopback over the same quads
(styrgraf and the minimal endpoint read the ingested store, oxigraph serve and rdflib-endpoint
load its N-Quads export; every default graph is the union of the named graphs). Then for each
workload of bench/serve_queries.py and each number of concurrent clients, each server in turn
(the order rotates from cell to cell) gets one probe request (status and row count are checked
and recorded; a probe slower than --probe-timeout skips the cell) and then `wrk` (one thread, N
keep-alive connections, POST application/x-www-form-urlencoded, Accept SPARQL JSON) for --duration
seconds. wrk runs in its own process; its Lua script rotates over the workload's query texts and,
for uncached workloads (`~`), makes every request unique.

Per cell: requests/s, p50, p99 (ms), errors (socket errors + non-2xx), the probe's rows and
status. Ratios styrgraf ÷ minimal, ÷ oxigraph, ÷ rdflib (req/s), and the serving targets.
Results go to --out (JSON, default bench/results/serve.json) and a Markdown table to stdout.

Before and after: --baseline REV compares the working tree with an earlier revision in the same
run. REV is checked out into a temporary git worktree (removed at the end, also on error) and its
`python -m styrgraf.cli serve`, with the same Python environment and the same arguments, is one
more server, styrgraf@REV (short hash). It serves the same store when REV reads the same store
format, else a store REV ingests itself from the same corpus. It runs in the same rounds as the
others (the order rotates), on every workload styrgraf runs (the named queries too when styrgraf
runs them), and each cell gains the ratio styrgraf ÷ styrgraf@REV (`vs_baseline` in the JSON). The
quick benchmark of `make bench`, before and after (here REV = 8c259a6):

    .venv/bin/python bench/serve_bench.py --quick --baseline 8c259a6 --out bench/results/serve-quick-before-after.json
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import serve_queries as sq  # noqa: E402
import serve_servers as ss  # noqa: E402
from ingest_bench import baseline_tree  # noqa: E402

ACCEPT = "application/sparql-results+json"
DATASETS = {
    "bundled": ROOT / "examples" / "corpus",
    "regeringen": ROOT.parent / "shared" / "corpus-regeringen",
}
QUICK_WORKLOADS = ["point", "point~", "join~", "aggregate~"]

WRK_LUA = r"""
-- rotate over request bodies (query=… urlencoded) separated by NUL bytes; optionally make every
-- request unique by appending a comment line to the query
local bodies, reqs = {}, {}
local n, i, counter = 0, 0, 0
local endpoint, accept, unique, nonce
local hdrs
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  local path = args[1]
  endpoint, accept, unique, nonce = args[2], args[3], args[4] == "1", args[5]
  hdrs = {["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = accept}
  local f = assert(io.open(path, "rb"))
  local data = f:read("*a")
  f:close()
  local start = 1
  while start <= #data do
    local s = string.find(data, "\0", start, true)
    local piece
    if s then piece = string.sub(data, start, s - 1); start = s + 1
    else piece = string.sub(data, start); start = #data + 1 end
    if #piece > 0 then
      bodies[#bodies + 1] = piece
      reqs[#reqs + 1] = wrk.format("POST", endpoint, hdrs, piece)
    end
  end
  n = #reqs
  i = (((tid or 1) - 1) * 7919) % n
end

function request()
  i = i % n + 1
  if unique then
    counter = counter + 1
    return wrk.format("POST", endpoint, hdrs, bodies[i] .. "%0A%23%20" .. nonce .. "-" .. (tid or 1) .. "-" .. counter .. "%0A")
  end
  return reqs[i]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
"""


# ============================================================== data
def _corpus_stamp(corpus: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(corpus.rglob("*")):
        if p.is_file():
            st = p.stat()
            h.update(f"{p.relative_to(corpus)} {st.st_size} {st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def prepare_dataset(name: str, corpus: Path, workdir: Path) -> tuple[Path, Path, int]:
    """The ingested store and its N-Quads export (rebuilt when the corpus changed)."""
    d = workdir / name
    store, nquads, stamp_file = d / "store", d / "all.nq", d / "stamp"
    stamp = _corpus_stamp(corpus)
    if not (stamp_file.exists() and stamp_file.read_text() == stamp and nquads.exists()):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        t0 = time.perf_counter()
        subprocess.run([str(ss.BIN / "styrgraf"), "ingest", str(corpus), "--store", str(store),
                        "--no-validate"], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        subprocess.run([str(ss.BIN / "styrgraf"), "export", "--store", str(store), "--format", "nq",
                        "--out", str(nquads)], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        stamp_file.write_text(stamp)
        print(f"[{name}] ingested and exported in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    with open(nquads, "rb") as f:
        quads = sum(1 for _ in f)
    return store, nquads, quads


# ============================================================== an earlier revision
@dataclass(frozen=True)
class Baseline:
    rev: str            # as given
    commit: str         # the full hash
    name: str           # the server's name: styrgraf@<short hash>
    tree: Path          # its source tree, laid out for PYTHONPATH (ingest_bench.baseline_tree)


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


@contextlib.contextmanager
def baseline_checkout(rev: str) -> Iterator[Baseline]:
    """A temporary worktree of `rev` whose code `python -m styrgraf.cli` runs (with the same Python
    environment); removed on the way out, also on error."""
    commit = _git("rev-parse", "--verify", f"{rev}^{{commit}}")
    tmp = Path(tempfile.mkdtemp(prefix="styrgraf-baseline-"))
    try:
        tree = baseline_tree(commit, tmp / "tree")
        found = subprocess.run([sys.executable, "-c", "import styrgraf.cli, styrgraf.api; "
                                "print(styrgraf.cli.__file__); print(styrgraf.api.__file__)"],
                               capture_output=True, text=True, env=ss.tree_env(tree), cwd=tree)
        if found.returncode != 0 or not all(Path(f).is_relative_to(tree) for f in found.stdout.split()):
            raise RuntimeError(f"{rev}: its code is not the one imported from {tree}: "
                               f"{found.stdout.strip()} {found.stderr[-1000:]}")
        yield Baseline(rev, commit, f"styrgraf@{_git('rev-parse', '--short', commit)}", tree)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tmp / "tree")],
                       capture_output=True)
        subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def prepare_baseline_store(name: str, corpus: Path, workdir: Path, store: Path, baseline: Baseline) -> tuple[Path, str]:
    """The store the earlier revision serves: the same one as styrgraf's when that revision reads
    the same store format; otherwise one it ingests itself from the same corpus (`ingest
    --no-validate`, as prepare_dataset), reused while the corpus is unchanged."""
    env = ss.tree_env(baseline.tree)
    ask = subprocess.run([sys.executable, "-c", "import json; from styrgraf import store as s; "
                          "print(json.dumps([getattr(s, 'FORMAT_FILE', None), getattr(s, 'FORMAT', None)]))"],
                         capture_output=True, text=True, env=env, cwd=baseline.tree)
    fmt_file, fmt = json.loads(ask.stdout) if ask.returncode == 0 else (None, None)
    ours = store / fmt_file if fmt_file else None
    if fmt and ours is not None and ours.exists() and ours.read_text(encoding="ascii") == fmt:
        return store, f"the same store as styrgraf (format {fmt.strip()})"
    d = workdir / name / f"baseline-{baseline.commit[:12]}"
    own, stamp_file = d / "store", d / "stamp"
    stamp = _corpus_stamp(corpus)
    if not (stamp_file.exists() and stamp_file.read_text() == stamp):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "styrgraf.cli", "ingest", str(corpus), "--store", str(own),
                        "--no-validate"], check=True, stdout=subprocess.DEVNULL, env=env, cwd=baseline.tree)
        stamp_file.write_text(stamp)
        print(f"[{name}] {baseline.name} ingested its own store in {time.perf_counter() - t0:.1f} s",
              file=sys.stderr)
    theirs = fmt.strip() if fmt else "unknown"
    return own, f"its own store, ingested by its own code (store format {theirs}, not styrgraf's)"


# ============================================================== one cell
def run_wrk(url: str, bodies_file: Path, lua: Path, connections: int, duration: float,
            unique: bool, timeout: float) -> dict:
    from urllib.parse import urlsplit
    parts = urlsplit(url)
    path = parts.path or "/"
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{duration:g}s", "--timeout", f"{timeout:g}s",
           "-s", str(lua), f"{parts.scheme}://{parts.netloc}{path}", "--",
           str(bodies_file), path, ACCEPT, "1" if unique else "0", uuid.uuid4().hex[:8]]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + timeout + 30)
    line = next((l for l in out.stdout.splitlines() if l.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk failed: {out.stdout[-500:]} {out.stderr[-500:]}")
    r = json.loads(line[len("WRKJSON "):])
    secs = r["duration_us"] / 1e6
    errors = r["connect"] + r["read"] + r["write"] + r["status"] + r["timeout"]
    done = r["requests"]
    return {
        "requests": done,
        "rps": round(done / secs, 1) if secs else 0.0,
        "p50_ms": round(r["p50_us"] / 1000, 3) if done else None,
        "p99_ms": round(r["p99_us"] / 1000, 3) if done else None,
        "max_ms": round(r["max_us"] / 1000, 3) if done else None,
        "errors": errors,
        "error_detail": {k: r[k] for k in ("connect", "read", "write", "status", "timeout") if r[k]},
    }


def probe(url: str, query: str, timeout: float) -> dict:
    t0 = time.perf_counter()
    try:
        status, body = ss.post_query(url, query, timeout)
    except OSError as e:
        return {"status": None, "error": f"{type(e).__name__}: {e}", "seconds": round(time.perf_counter() - t0, 3)}
    out = {"status": status, "seconds": round(time.perf_counter() - t0, 4)}
    if status == 200:
        try:
            doc = json.loads(body)
            out["rows"] = len(doc["results"]["bindings"]) if "results" in doc else None
        except (ValueError, KeyError, TypeError):
            out["rows"] = None
    else:
        out["error"] = body[:300].decode("utf-8", "replace").strip()
    return out


def wait_responsive(url: str, limit: float) -> float:
    """Wait until the server answers a trivial query again (a server that evaluates on its event
    loop, such as rdflib-endpoint, is still busy with requests wrk gave up on)."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < limit:
        try:
            status, _ = ss.post_query(url, "ASK { }", timeout=10)
            if status == 200:
                break
        except OSError:
            time.sleep(0.2)
    return time.perf_counter() - t0


# ============================================================== the run
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true",
                    help="bundled corpus, workloads point/point~/join~/aggregate~, 1 and 8 clients, 2 s per cell")
    ap.add_argument("--datasets", default=None, help="comma-separated: bundled,regeringen (default: both)")
    ap.add_argument("--servers", default=None,
                    help="comma-separated (default: all; --quick: styrgraf,minimal,oxigraph,rdflib)")
    ap.add_argument("--named-servers", default="styrgraf,minimal,oxigraph,virtuoso",
                    help="servers the named queries run on (rdflib-endpoint takes minutes on some of "
                         "them and blocks while it evaluates, so it is left out by default)")
    ap.add_argument("--workloads", default=None, help="core workload names (default: all)")
    ap.add_argument("--concurrency", default=None, help="clients per cell (default 1,2,8)")
    ap.add_argument("--duration", type=float, default=None, help="seconds per cell (default 5)")
    ap.add_argument("--named", default=None,
                    help="named queries to run: 'all', 'none' or comma-separated names (default: all; "
                         "none with --quick)")
    ap.add_argument("--named-datasets", default="regeringen", help="datasets the named queries run on")
    ap.add_argument("--named-concurrency", default="2", help="clients per named-query cell")
    ap.add_argument("--named-duration", type=float, default=3.0)
    ap.add_argument("--probe-timeout", type=float, default=15.0,
                    help="a cell whose probe request takes longer is skipped for that server")
    ap.add_argument("--request-timeout", type=float, default=30.0, help="wrk's per-request timeout")
    ap.add_argument("--recover-timeout", type=float, default=60.0,
                    help="a server still busy this long after a cell (evaluating requests wrk gave up "
                         "on) is left out of the remaining cells of the dataset")
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "styrgraf-serve-bench"))
    ap.add_argument("--out", default=str(HERE / "results" / "serve.json"))
    ap.add_argument("--styrgraf-args", default="", help="extra arguments of `styrgraf serve`")
    ap.add_argument("--baseline", metavar="REV",
                    help="also serve this git revision's styrgraf (the server styrgraf@REV, same arguments, "
                         "interleaved with the others on every workload styrgraf runs) and report "
                         "styrgraf ÷ styrgraf@REV")
    args = ap.parse_args(argv)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))     # stop the servers on the way out
    if shutil.which("wrk") is None:
        print("error: the load generator `wrk` is not installed (Debian: apt-get install wrk)", file=sys.stderr)
        return 2
    with contextlib.ExitStack() as stack:       # the baseline's worktree goes on the way out, also on error
        baseline = stack.enter_context(baseline_checkout(args.baseline)) if args.baseline else None
        return run(args, argv, baseline)


def run(args: argparse.Namespace, argv: list[str] | None, baseline: Baseline | None) -> int:
    datasets = (args.datasets or ("bundled" if args.quick else "bundled,regeringen")).split(",")
    concurrency = [int(c) for c in (args.concurrency or ("1,8" if args.quick else "1,2,8")).split(",")]
    duration = args.duration or (2.0 if args.quick else 5.0)
    wanted = (args.workloads or (",".join(QUICK_WORKLOADS) if args.quick else "")).split(",")
    wanted = [w for w in wanted if w]
    named = args.named or ("none" if args.quick else "all")
    named_conc = [int(c) for c in args.named_concurrency.split(",")]
    servers = [s for s in (args.servers or ("styrgraf,minimal,oxigraph,rdflib" if args.quick
                                             else ",".join(ss.SERVERS))).split(",") if s]
    named_servers = set(args.named_servers.split(","))
    if baseline is not None:           # next to styrgraf, and wherever styrgraf runs
        servers.insert(servers.index("styrgraf") + 1 if "styrgraf" in servers else len(servers), baseline.name)
        if "styrgraf" in named_servers:
            named_servers.add(baseline.name)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    lua = workdir / "serve_wrk.lua"
    lua.write_text(WRK_LUA)

    results = {
        "command": " ".join([Path(sys.executable).name, "bench/serve_bench.py"] + (argv or sys.argv[1:])),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "loadavg_start": os.getloadavg()},
        "versions": ss.describe_versions(),
        "settings": {"duration_s": duration, "concurrency": concurrency, "named_concurrency": named_conc,
                     "named_duration_s": args.named_duration, "accept": ACCEPT,
                     "styrgraf_args": args.styrgraf_args},
        "datasets": {}, "servers": {}, "cells": [],
    }
    if baseline is not None:
        results["baseline"] = {"rev": baseline.rev, "commit": baseline.commit, "server": baseline.name}
    t_start = time.perf_counter()
    cell_no = 0
    for dataset in datasets:
        corpus = DATASETS[dataset]
        if not corpus.exists():
            print(f"[{dataset}] skipped: {corpus} does not exist", file=sys.stderr)
            results["datasets"][dataset] = {"skipped": f"{corpus} not found"}
            continue
        store_dir, nquads, quads = prepare_dataset(dataset, corpus, workdir)
        if baseline is not None and baseline.name in servers:
            baseline_store, baseline_note = prepare_baseline_store(dataset, corpus, workdir, store_dir, baseline)
        store = sq.open_store(store_dir)
        workloads = [w for w in sq.core_workloads(store) if not wanted or w.name in wanted]
        if named != "none" and dataset in args.named_datasets.split(","):
            workloads += sq.named_workloads(store, None if named == "all" else named.split(","))
        del store
        results["datasets"][dataset] = {"corpus": str(corpus), "quads": quads,
                                        "workloads": {w.name: {"description": w.description,
                                                               "texts": len(w.queries), "unique": w.unique}
                                                      for w in workloads}}
        bodies_dir = workdir / dataset / "bodies"
        bodies_dir.mkdir(exist_ok=True)
        files = {}
        for w in workloads:
            f = bodies_dir / (w.name.replace(":", "_").replace("~", "_u") + ".txt")
            f.write_bytes(b"\0".join(urlencode({"query": q}).encode("ascii") for q in w.queries))
            files[w.name] = f

        with contextlib.ExitStack() as stack:
            running: dict[str, ss.Running] = {}
            unresponsive: set[str] = set()    # still busy a minute after a cell: left out from then on
            for name in servers:
                t0 = time.perf_counter()
                try:
                    if name == "styrgraf":
                        cm = ss.styrgraf(store_dir, workdir, args.styrgraf_args.split())
                    elif baseline is not None and name == baseline.name:
                        cm = ss.styrgraf(baseline_store, workdir, args.styrgraf_args.split(), tree=baseline.tree,
                                         name=baseline.name)
                    elif name == "minimal":
                        cm = ss.minimal(store_dir, workdir)
                    elif name == "oxigraph":
                        cm = ss.oxigraph(nquads, workdir / dataset)
                    elif name == "rdflib":
                        cm = ss.rdflib_endpoint(nquads, workdir)
                    elif name == "virtuoso":
                        cm = ss.virtuoso([corpus], workdir / dataset)
                    else:
                        raise ss.Unavailable(f"unknown server {name!r}")
                    running[name] = stack.enter_context(cm)
                    info = {"started_s": round(time.perf_counter() - t0, 1), "url": running[name].url}
                    if baseline is not None and name == baseline.name:
                        info.update(commit=baseline.commit, store=baseline_note)
                    print(f"[{dataset}] {name} ready in {info['started_s']} s at {running[name].url}",
                          file=sys.stderr)
                except ss.Unavailable as e:
                    info = {"skipped": str(e)}
                    print(f"[{dataset}] {name} skipped: {e}", file=sys.stderr)
                results["servers"].setdefault(name, {})[dataset] = info
            for w in workloads:
                conc = named_conc if w.group == "named" else concurrency
                dur = args.named_duration if w.group == "named" else duration
                for c in conc:
                    order = list(running)
                    k = cell_no % len(order) if order else 0
                    order = order[k:] + order[:k]
                    cell_no += 1
                    for name in order:
                        if w.group == "named" and name not in named_servers:
                            continue
                        if name in unresponsive:
                            continue
                        srv = running[name]
                        cell = {"dataset": dataset, "workload": w.name, "group": w.group,
                                "clients": c, "server": name, "duration_s": dur}
                        pq = w.queries[0] + (f"\n# probe-{uuid.uuid4().hex[:8]}\n" if w.unique else "")
                        cell["probe"] = probe(srv.url, pq, args.probe_timeout)
                        if cell["probe"].get("status") != 200:
                            cell["skipped"] = cell["probe"].get("error") or f"probe status {cell['probe'].get('status')}"
                        else:
                            cell.update(run_wrk(srv.url, files[w.name], lua, c, dur, w.unique,
                                                args.request_timeout))
                        waited = wait_responsive(srv.url, args.recover_timeout)
                        if waited > 1:
                            cell["waited_after_s"] = round(waited, 1)
                        if waited >= args.recover_timeout:
                            unresponsive.add(name)
                            cell["note"] = f"{name} still busy {waited:.0f} s later: left out from here on"
                        results["cells"].append(cell)
                        print(_cell_line(cell), file=sys.stderr)
            for name, srv in running.items():
                results["servers"][name][dataset]["rss_mb_end"] = ss.rss_mb(srv.pid)
        partial = Path(args.out).with_suffix(".partial.json")     # what is done so far
        partial.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")

    results["seconds"] = round(time.perf_counter() - t_start, 1)
    results["machine"]["loadavg_end"] = os.getloadavg()
    results["ratios"] = ratios(results["cells"], baseline.name if baseline else None)
    results["targets"] = targets(results["ratios"])
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(markdown(results))
    print(f"\nresults: {out} ({results['seconds']:.0f} s)", file=sys.stderr)
    return 0


def _cell_line(cell: dict) -> str:
    head = f"  {cell['dataset']:10} {cell['workload']:28} c={cell['clients']} {cell['server']:9}"
    if "skipped" in cell:
        return f"{head} skipped: {cell['skipped'][:100]}"
    return (f"{head} {cell['rps']:9.1f} req/s  p50 {cell['p50_ms']} ms  p99 {cell['p99_ms']} ms  "
            f"errors {cell['errors']}  rows {cell['probe'].get('rows')}")


# ============================================================== ratios and reporting
def _index(cells: list[dict]) -> dict:
    return {(c["dataset"], c["workload"], c["clients"], c["server"]): c for c in cells if "rps" in c}


def ratios(cells: list[dict], baseline: str | None = None) -> list[dict]:
    """styrgraf's req/s over each other server's per cell (`vs_<server>`); `baseline`: the name of
    the earlier revision's server, whose ratio is `vs_baseline`."""
    idx = _index(cells)
    others = [(o, o) for o in ("minimal", "oxigraph", "rdflib", "virtuoso")]
    if baseline:
        others.append(("baseline", baseline))
    out = []
    for (ds, wl, cl, srv), cell in sorted(idx.items()):
        if srv != "styrgraf":
            continue
        row = {"dataset": ds, "workload": wl, "clients": cl}
        for key, other in others:
            o = idx.get((ds, wl, cl, other))
            if o and o["rps"] > 0 and not o["errors"]:
                row[f"vs_{key}"] = round(cell["rps"] / o["rps"], 2)
            elif o and o["rps"] == 0 and cell["rps"] > 0:
                row[f"vs_{key}"] = float("inf")
        out.append(row)
    return out


TARGETS = [
    # (what, workloads, other server, minimum ratio)
    ("point lookups >= 0.9 x minimal FastAPI + pyoxigraph", ("point~",), "minimal", 0.9),
    ("joins and aggregates >= 0.9 x oxigraph serve (distinct)", ("join~", "join-body~", "aggregate~"),
     "oxigraph", 0.9),
    ("joins and aggregates >= 10 x rdflib-endpoint", ("join~", "join-body~", "aggregate~"), "rdflib", 10.0),
    ("point lookups >= 2 x rdflib-endpoint", ("point~",), "rdflib", 2.0),
]


def targets(rows: list[dict]) -> list[dict]:
    out = []
    for what, workloads, other, minimum in TARGETS:
        got = [(r["dataset"], r["workload"], r["clients"], r[f"vs_{other}"]) for r in rows
               if r["workload"] in workloads and f"vs_{other}" in r]
        misses = [g for g in got if g[3] < minimum]
        out.append({"target": what, "minimum": minimum, "cells": len(got), "met": len(got) - len(misses),
                    "worst": min((g[3] for g in got), default=None),
                    "misses": [{"dataset": d, "workload": w, "clients": c, "ratio": r} for d, w, c, r in misses]})
    return out


def _fmt(v, digits=0) -> str:
    if v is None:
        return "–"
    if v == float("inf"):
        return "∞"
    return f"{v:,.{digits}f}"


def markdown(results: dict) -> str:
    idx = _index(results["cells"])
    skipped = {(c["dataset"], c["workload"], c["clients"], c["server"]): c["skipped"]
               for c in results["cells"] if "skipped" in c}
    base = results.get("baseline", {}).get("server")
    order = [x for s in ss.SERVERS for x in ([s, base] if base and s == "styrgraf" else [s])]
    servers = [s for s in order if any(k[3] == s for k in list(idx) + list(skipped))]
    rat = {(r["dataset"], r["workload"], r["clients"]): r for r in results["ratios"]}
    extra = [f"÷ {base}"] if base else []
    lines = []
    for ds in results["datasets"]:
        keys = sorted({(k[1], k[2]) for k in list(idx) + list(skipped) if k[0] == ds},
                      key=lambda k: (k[0].startswith("q:"), k[0], k[1]))
        if not keys:
            continue
        quads = results["datasets"][ds].get("quads")
        lines += [f"\n### {ds} ({quads:,} quads)\n" if quads else f"\n### {ds}\n",
                  "req/s, p50 / p99 in ms; `~` = every request differs (uncached)\n",
                  "| workload | clients | " + " | ".join(servers) + " | ÷ minimal | ÷ oxigraph | ÷ rdflib |"
                  + "".join(f" {e} |" for e in extra),
                  "|---|---|" + "---|" * len(servers) + "---|---|---|" + "---|" * len(extra)]
        for wl, cl in keys:
            cells = []
            for s in servers:
                c = idx.get((ds, wl, cl, s))
                if c is None:
                    cells.append("skipped" if (ds, wl, cl, s) in skipped else "–")
                    continue
                err = f" ({c['errors']} err)" if c["errors"] else ""
                cells.append(f"{_fmt(c['rps'])} ({_fmt(c['p50_ms'], 2)} / {_fmt(c['p99_ms'], 1)}){err}")
            r = rat.get((ds, wl, cl), {})
            cells += [_fmt(r.get("vs_minimal"), 2), _fmt(r.get("vs_oxigraph"), 2), _fmt(r.get("vs_rdflib"), 1)]
            cells += [_fmt(r.get("vs_baseline"), 2)] * len(extra)
            lines.append(f"| {wl} | {cl} | " + " | ".join(cells) + " |")
    lines.append("\n### targets\n")
    lines.append("| target | cells met | worst ratio |")
    lines.append("|---|---|---|")
    for t in results["targets"]:
        lines.append(f"| {t['target']} | {t['met']} / {t['cells']} | {_fmt(t['worst'], 2)} |")
    notes = [f"- {name} ({ds}): {info['skipped']}" for name, per in results["servers"].items()
             for ds, info in per.items() if "skipped" in info]
    if notes:
        lines += ["", "Not measured:"] + sorted(set(n.split(" (")[0] + ": " + n.split("): ", 1)[1] for n in notes))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
