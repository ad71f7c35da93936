"""Ingest into an Oxigraph server (the remote store) with --jobs 1 and --jobs 2, in one run,
and check the server against the embedded store.

    .venv/bin/python bench/remote_bench.py                      # ../shared/corpus-regeringen
    .venv/bin/python bench/remote_bench.py --corpus examples/corpus --no-validate
    .venv/bin/python bench/remote_bench.py --out bench/remote_bench.json

For every jobs value a fresh `oxigraph serve` (on disk, loopback, free port) is started and
the corpus is ingested through styrgraf.ingest.batch.ingest with a RemoteStore, in a child
process (like `styrgraf ingest --store URL --jobs N`). The corpus is also ingested into an
embedded store (jobs = the largest value). Reported: wall time per run, documents per
second, quad count of every store, and whether every named query (queries/*.rq) gives the
same answers (as a multiset of rows) among those the embedded store answers within --query-timeout
seconds (values that carry the ingest time, prov:generatedAtTime
and the change-record IRIs derived from it, are masked, since the runs happen at different
times).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from named_answers import TIMED_OUT, named_answers
from oxigraph_server import oxigraph_server

from styrgraf.vocab import NAMESPACE as BASE  # noqa: E402

INGEST = r"""
import json, sys, time
from pathlib import Path
from styrgraf.ingest.batch import ingest
from styrgraf.remote import open_store
spec, update, corpus, jobs, validate, base = sys.argv[1:7]
store = open_store(spec, update if update != "-" else None)
t0 = time.perf_counter()
results = ingest(store, [Path(corpus)], base, jobs=int(jobs), validate=validate == "1")
dt = time.perf_counter() - t0
print(json.dumps({"seconds": dt, "stored": sum(r.status == "stored" for r in results),
                  "failed": sum(r.status == "failed" for r in results),
                  "store_errors": [r.message for r in results if r.message.startswith("store error")][:5]}))
"""

DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?$")


def run_ingest(spec: str, update: str | None, corpus: Path, jobs: int, validate: bool) -> dict:
    proc = subprocess.run([sys.executable, "-c", INGEST, spec, update or "-", str(corpus), str(jobs),
                           "1" if validate else "0", BASE], capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def mask(value):
    if value is None:
        return None
    if DATETIME.match(value):
        return "<datetime>"
    if "/id/change/" in value:
        return "<change>"
    return value


async def answers(executor, only: set[str] | None = None) -> dict[str, Counter | str]:
    """Every named query's rows (timestamps and change IRIs masked) as a multiset, or TIMED_OUT."""
    out = await named_answers(executor, only, log=lambda line: print(line, flush=True))
    return {name: a if a == TIMED_OUT else Counter(tuple((k, mask(v)) for k, v in zip(a[0], row)) for row in a[1])
            for name, a in out.items()}


def compare(a: dict, b: dict) -> dict[str, str]:
    diffs = {}
    for name in sorted(set(a) | set(b)):
        x, y = a.get(name), b.get(name)
        if TIMED_OUT in (x, y):
            diffs[name] = f"timed out ({'embedded' if x == TIMED_OUT else 'remote'})"
        elif x != y:
            diffs[name] = (f"{sum((x - y).values())} rows only embedded, "
                           f"{sum((y - x).values())} only remote")
    return diffs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus-regeringen")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-validate", action="store_true", help="skip SHACL validation (measures the store)")
    ap.add_argument("--out", type=Path, help="write the measurements as JSON")
    ap.add_argument("--query-timeout", type=float, default=30.0,
                    help="seconds a named query may take on the embedded store; heavier ones are "
                         "reported and not sent to the server")
    args = ap.parse_args()
    validate = not args.no_validate

    from styrgraf.api.executor import QueryExecutor
    from styrgraf.api.remote_executor import RemoteExecutor

    from styrgraf.store import Store

    report: dict = {"corpus": str(args.corpus), "validate": validate, "files": None, "runs": []}
    with tempfile.TemporaryDirectory(prefix="styrgraf-remote-bench-") as tmp:
        tmp = Path(tmp)
        emb_path = tmp / "embedded"
        emb = run_ingest(str(emb_path), None, args.corpus, max(args.jobs), validate)
        embedded = Store(emb_path, read_only=True)
        emb_count = embedded.count()
        report["embedded"] = {"jobs": max(args.jobs), **emb, "quads": emb_count}
        print(f"embedded  jobs={max(args.jobs)}: {emb['seconds']:.1f} s, {emb['stored']} stored, "
              f"{emb['failed']} failed, {emb_count} quads", flush=True)
        embedded.ox = None                     # close it: query workers open it read-only
        del embedded
        ex = QueryExecutor(emb_path, workers=1, timeout=args.query_timeout, row_cap=None)
        emb_answers = asyncio.run(answers(ex))
        ex.close()
        answered = {n for n, a in emb_answers.items() if a != TIMED_OUT}
        report["embedded"]["named_queries_answered"] = len(answered)
        report["embedded"]["named_queries_too_heavy"] = sorted(set(emb_answers) - answered)
        print(f"embedded answers {len(answered)} of {len(emb_answers)} named queries within "
              f"{args.query_timeout:g} s; too heavy on this corpus: {sorted(set(emb_answers) - answered)}", flush=True)
        emb_answers = {n: emb_answers[n] for n in answered}
        for jobs in args.jobs:
            with oxigraph_server(tmp / f"oxigraph-j{jobs}") as srv:
                res = run_ingest(srv.query, srv.update, args.corpus, jobs, validate)
                from styrgraf.remote import RemoteStore
                with RemoteStore(srv.query, srv.update) as rs:
                    count = rs.count()
                rex = RemoteExecutor(srv.query, timeout=4 * args.query_timeout, row_cap=None)

                async def remote_answers():
                    try:
                        return await answers(rex, answered)
                    finally:
                        await rex.aclose()
                diffs = compare(emb_answers, asyncio.run(remote_answers()))
                docs = res["stored"] + res["failed"]
                run = {"jobs": jobs, **res, "quads": count, "docs_per_second": docs / res["seconds"],
                       "same_quad_count": count == emb_count, "named_queries": len(emb_answers),
                       "named_query_differences": diffs}
                report["runs"].append(run)
                print(f"oxigraph  jobs={jobs}: {res['seconds']:.1f} s ({run['docs_per_second']:.1f} docs/s), "
                      f"{res['stored']} stored, {res['failed']} failed, {count} quads "
                      f"({'same as' if count == emb_count else 'DIFFERENT from'} embedded); "
                      f"named queries: {len(emb_answers) - len(diffs)}/{len(emb_answers)} answered ones same"
                      + (f"; differences: {diffs}" if diffs else ""), flush=True)
        report["files"] = report["embedded"]["stored"] + report["embedded"]["failed"]
    if len(report["runs"]) >= 2:
        a, b = report["runs"][0], report["runs"][1]
        print(f"speed-up jobs={b['jobs']} vs jobs={a['jobs']}: {a['seconds'] / b['seconds']:.2f}x")
    if args.out:
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
