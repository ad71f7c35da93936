"""Search benchmark: the text index (styrgraf/search.py) against the SPARQL text filter it replaced.

    .venv/bin/python bench/search_bench.py                       # store of ../shared/corpus-regeringen-full
    .venv/bin/python bench/search_bench.py --store /tmp/x --requests 100

The store (--store, default /tmp/styrgraf-bench-full/store) is ingested from --corpus with
`styrgraf ingest --jobs 2` if it does not exist, and kept for reuse. The index is then rebuilt
from the store (timed), and two `styrgraf serve` processes are started over the same store: one
with the index, one with STYRGRAF_SEARCH_INDEX=off (the previous way: CONTAINS over every label
in the list query and in the search page's query). Each endpoint (bodies ?q=, documents ?q=,
/sok) gets --clients concurrent clients, each sending --requests requests that rotate over the
query words (the old way gets --old-requests per client: each can take the 10 s time limit).
Per cell: p50, p99, max (ms), the HTTP statuses, and the ratio old ÷ new of p50 and p99.
Results go to --out (JSON) and a Markdown table to stdout.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
from server import served_process  # noqa: E402

BODY_WORDS = ["nämnd", "Arbetsförmedlingen", "arbetsmarknadsnämndens", "Skolverket", "FORSAKRINGSKASSAN",
              "myndigheter", "länsstyrelsen", "regeringens"]
DOC_WORDS = ["proposition", "Skolverket", "uppdrag", "arbetsmarknad", "budget", "regleringsbrev",
             "Socialstyrelsens", "2018/19"]
ENDPOINTS = {
    "bodies": ("/api/v1/bodies", BODY_WORDS, {"limit": 20}),
    "documents": ("/api/v1/documents", DOC_WORDS, {"limit": 20}),
    "sok": ("/sok", ["Skolverket", "nämnd", "Arbetsförmedlingen", "budget"], {"format": "json"}),
}


def ms(values: list[float], q: float) -> float:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))] * 1000, 1)


def run_cell(url: str, path: str, words: list[str], extra: dict, clients: int, requests: int) -> dict:
    times: list[float] = []
    statuses: Counter = Counter()
    lock = threading.Lock()

    def client(n: int) -> None:
        with httpx.Client(base_url=url.rstrip("/"), timeout=120) as c:
            for i in range(requests):
                q = words[(i + n) % len(words)]
                t = time.perf_counter()
                r = c.get(path, params={"q": q, **extra})
                dt = time.perf_counter() - t
                with lock:
                    times.append(dt)
                    statuses[r.status_code] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"requests": len(times), "p50_ms": ms(times, 0.5), "p99_ms": ms(times, 0.99),
            "max_ms": round(max(times) * 1000, 1), "statuses": dict(statuses)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, default=Path("/tmp/styrgraf-bench-full/store"))
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus-regeringen-full")
    ap.add_argument("--clients", type=int, default=2)
    ap.add_argument("--requests", type=int, default=200, help="requests per client and endpoint, index")
    ap.add_argument("--old-requests", type=int, default=4, help="requests per client and endpoint, SPARQL")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "search.json")
    args = ap.parse_args()
    py = [sys.executable, "-m", "styrgraf.cli"]
    if not args.store.exists():
        t = time.perf_counter()
        subprocess.run([*py, "ingest", str(args.corpus), "--store", str(args.store), "--jobs", "2"],
                       check=True, stdout=subprocess.DEVNULL)
        print(f"ingested {args.corpus} in {time.perf_counter() - t:.0f} s", file=sys.stderr)

    from styrgraf.search import SearchIndex
    from styrgraf.store import Store
    store = Store(args.store, read_only=True)
    index = SearchIndex.of(store)
    t = time.perf_counter()
    rows = index.rebuild(store)
    rebuild_s = time.perf_counter() - t
    quads = store.count()
    store.close()
    print(f"{quads} quads; index rebuilt in {rebuild_s:.1f} s ({rows} rows)", file=sys.stderr)

    results = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
               "store": str(args.store), "quads": quads, "index_rows": rows,
               "index_rebuild_s": round(rebuild_s, 2), "clients": args.clients, "cells": {}}
    for way, env, n in (("index", {}, args.requests), ("sparql", {"STYRGRAF_SEARCH_INDEX": "off"}, args.old_requests)):
        with served_process(args.store, env=env) as (url, _proc, _log):
            for name, (path, words, extra) in ENDPOINTS.items():
                run_cell(url, path, words, extra, 1, 2)          # warm: first requests open handles
                cell = run_cell(url, path, words, extra, args.clients, n)
                results["cells"][f"{name}/{way}"] = cell
                print(f"{name:10} {way:7} {cell}", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    print(f"\n{quads:,} quads, {args.clients} concurrent clients; index rebuilt from the store in "
          f"{rebuild_s:.1f} s ({rows:,} rows)\n")
    print("| search | way | requests | p50 ms | p99 ms | max ms | statuses | old ÷ new p50 | old ÷ new p99 |")
    print("|---|---|---:|---:|---:|---:|---|---:|---:|")
    for name in ENDPOINTS:
        new, old = results["cells"][f"{name}/index"], results["cells"][f"{name}/sparql"]
        for way, c in (("index", new), ("SPARQL (before)", old)):
            ratio = (f"{old['p50_ms'] / new['p50_ms']:.0f}×", f"{old['p99_ms'] / new['p99_ms']:.0f}×") \
                if way == "index" else ("", "")
            print(f"| {name} | {way} | {c['requests']} | {c['p50_ms']} | {c['p99_ms']} | {c['max_ms']} | "
                  f"{c['statuses']} | {ratio[0]} | {ratio[1]} |")


if __name__ == "__main__":
    main()
