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

Then the first page of every list (the nine collections, no filter, limit 20): the first request
after the server started, and the first after each of --writes writes by another process (a
`styrgraf ingest` of a small new document, then its `styrgraf remove`, in turn), each collection
requested once after each write, by both servers (with the index: the sort keys it keeps; without:
the list query sorted once per store generation). Per collection: after start, and the median and
max after a write (ms).
Results go to --out (JSON) and Markdown tables to stdout.
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


CLI = [sys.executable, "-m", "styrgraf.cli"]
START_TIMEOUT = 1800   # `serve` reads the whole store before it answers: minutes at 10 M quads
COLLECTIONS = ("bodies", "documents", "policies", "goals", "responsibilities", "assignments",
               "consultations", "meetings", "laws")
# a small new document for the writes (its graph is new; it names a body and a goal)
WRITE_DOC = """# Uppdrag till Testverket att följa upp skrivningar {n}

Regeringen uppdrar åt Testverket att följa upp hur listor visas efter en skrivning {n}.
Uppdraget ska redovisas till Regeringskansliet (Finansdepartementet) senast den 1 mars 2027.
Målet är att varje lista ska visas inom en kort tid.
"""


def first_page(c: httpx.Client, collection: str) -> float | str:
    """The time of the first page in ms, or the status where it is not 200 (503: the time limit)."""
    t = time.perf_counter()
    r = c.get(f"/api/v1/{collection}", params={"limit": 20})
    dt = time.perf_counter() - t
    return round(dt * 1000, 1) if r.status_code == 200 else f"{r.status_code} after {dt:.1f} s"


def first_pages(url: str, store: Path, writes: int, work: Path) -> dict:
    """The first page of each list after the start (now: nothing of it computed yet) and after
    each of `writes` writes to the store by another process."""
    out: dict = {"after_start_ms": {}, "after_write_ms": {c: [] for c in COLLECTIONS}}
    with httpx.Client(base_url=url.rstrip("/"), timeout=600) as c:
        for coll in COLLECTIONS:
            out["after_start_ms"][coll] = first_page(c, coll)
        doc = work / "skrivning-listor.md"
        for n in range(writes):
            if n % 2 == 0:
                doc.write_text(WRITE_DOC.format(n=n), encoding="utf-8")
                cmd = [*CLI, "ingest", str(doc), "--store", str(store), "--no-validate"]
            else:
                cmd = [*CLI, "remove", doc.name, "--store", str(store)]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for coll in COLLECTIONS:
                out["after_write_ms"][coll].append(first_page(c, coll))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, default=Path("/tmp/styrgraf-bench-full/store"))
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus-regeringen-full")
    ap.add_argument("--clients", type=int, default=2)
    ap.add_argument("--requests", type=int, default=200, help="requests per client and endpoint, index")
    ap.add_argument("--old-requests", type=int, default=4, help="requests per client and endpoint, SPARQL")
    ap.add_argument("--parts", default="search,lists", help="what to measure: search, lists or both")
    ap.add_argument("--keep-index", action="store_true", help="do not rebuild (and time) an index that is current")
    ap.add_argument("--writes", type=int, default=4, help="writes after which each list's first page is timed")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "search.json")
    args = ap.parse_args()
    if not args.store.exists():
        t = time.perf_counter()
        subprocess.run([*CLI, "ingest", str(args.corpus), "--store", str(args.store), "--jobs", "2"],
                       check=True, stdout=subprocess.DEVNULL)
        print(f"ingested {args.corpus} in {time.perf_counter() - t:.0f} s", file=sys.stderr)

    from styrgraf.search import SearchIndex
    from styrgraf.store import Store
    store = Store(args.store, read_only=True)
    index = SearchIndex.of(store)
    t = time.perf_counter()
    if args.keep_index and not index.stale():
        rebuild_s = None                    # the index is as current as the store: not timed again
        with index.connect() as conn:
            (rows,) = conn.execute("SELECT count(*) FROM entry").fetchone()
    else:
        rows = index.rebuild(store)
        rebuild_s = time.perf_counter() - t
    quads = store.count()
    store.close()
    print(f"{quads} quads; index rebuilt in {rebuild_s} s ({rows} rows)", file=sys.stderr)

    results = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
               "store": str(args.store), "quads": quads, "index_rows": rows,
               "index_rebuild_s": rebuild_s and round(rebuild_s, 2), "clients": args.clients, "cells": {}}
    ways = [w for w in (("index", {}, args.requests), ("sparql", {"STYRGRAF_SEARCH_INDEX": "off"}, args.old_requests))
            if "search" in args.parts]
    for way, env, n in ways:
        with served_process(args.store, env=env, start_timeout=START_TIMEOUT,
                            log=args.store.parent / f"serve-{way}.log") as (url, _proc, _log):
            for name, (path, words, extra) in ENDPOINTS.items():
                # warm: each word once (the first request of a word reads cold store pages; those are
                # kept apart as the cell `<name>/<way>/first`, the steady state is what the cell measures)
                results["cells"][f"{name}/{way}/first"] = run_cell(url, path, words, extra, 1, len(words) if way == "index" else 1)
                cell = run_cell(url, path, words, extra, args.clients, n)
                results["cells"][f"{name}/{way}"] = cell
                print(f"{name:10} {way:7} {cell}", file=sys.stderr)
    for way, env in (("index", {}), ("sparql", {"STYRGRAF_SEARCH_INDEX": "off"})) if "lists" in args.parts else ():
        with served_process(args.store, env=env, start_timeout=START_TIMEOUT,
                            log=args.store.parent / f"serve-lists-{way}.log") as (url, _proc, _log):
            results[f"lists/{way}"] = first_pages(url, args.store, args.writes, args.store.parent)
            print(f"lists {way:7} {results[f'lists/{way}']}", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    print(f"\n{quads:,} quads, {args.clients} concurrent clients; index of {rows:,} rows"
          + (f", rebuilt from the store in {rebuild_s:.1f} s" if rebuild_s else "") + "\n")
    if "search" in args.parts:
        print("| search | way | requests | p50 ms | p99 ms | max ms | statuses | old ÷ new p50 | old ÷ new p99 | "
              "first request of each word: max ms |")
        print("|---|---|---:|---:|---:|---:|---|---:|---:|---:|")
        for name in ENDPOINTS:
            new, old = results["cells"][f"{name}/index"], results["cells"][f"{name}/sparql"]
            for way, key, c in (("index", "index", new), ("SPARQL (before)", "sparql", old)):
                ratio = (f"{old['p50_ms'] / new['p50_ms']:.0f}×", f"{old['p99_ms'] / new['p99_ms']:.0f}×") \
                    if c is new else ("", "")
                print(f"| {name} | {way} | {c['requests']} | {c['p50_ms']} | {c['p99_ms']} | {c['max_ms']} | "
                      f"{c['statuses']} | {ratio[0]} | {ratio[1]} | {results['cells'][f'{name}/{key}/first']['max_ms']} |")
    if "lists" not in args.parts:
        return
    print(f"\nFirst page of each list (limit 20, no filter), ms: after the server's start; after each of "
          f"{args.writes} writes by another process (median, max)\n")
    print("| list | index: after start | after a write: median | max | SPARQL (before): after start | "
          "after a write: median | max |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for coll in COLLECTIONS:
        cells = []
        for way in ("index", "sparql"):
            lists = results[f"lists/{way}"]
            after = lists["after_write_ms"][coll]
            times = [x for x in after if isinstance(x, float)]
            failed = [x for x in after if not isinstance(x, float)]
            cells += [lists["after_start_ms"][coll], round(statistics.median(times), 1) if times else "–",
                      failed[0] if failed else max(times)]
        print(f"| {coll} | " + " | ".join(str(x) for x in cells) + " |")


if __name__ == "__main__":
    main()
