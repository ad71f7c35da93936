"""A body's page and its JSON item at a real-scale store, the working tree beside an earlier revision.

    .venv/bin/python bench/body_page_bench.py --store STORE --baseline REV [--rounds N] [--repeat N]
                                              [--url PATH ...] [--json OUT]

Each request is measured on a server started for it (`styrgraf serve --store` over one copy of STORE,
the copy made once; the baseline's code run from a worktree of REV with the same Python environment),
so the first answer reads nothing the server cached from another request; it is then asked again
(`--repeat`, default 2: the second answer comes partly from the result cache). With `--warm PATH`
the server first answers PATH (another body's page), so that its query workers have read the store
before the measured request. For each round the
URLs are taken in turn, the baseline and the working tree interleaved: a slow minute of the machine
hits both. Reported per URL and code: status, seconds and bytes of each answer.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

import serve_servers as ss  # noqa: E402
from ingest_bench import ROOT, baseline_tree  # noqa: E402

ORG = "https://w3id.org/styrgraf/id/org/"
# the pages of the largest body (Regeringen: 10,706 mentions, 3,391 assignments given), of two
# agencies, and the lists a body's page links that filter by the body
DEFAULT_URLS = [
    "/organ/regeringen", "/api/v1/bodies/regeringen",
    "/organ/socialstyrelsen", "/api/v1/bodies/socialstyrelsen",
    "/organ/boverket", "/api/v1/bodies/boverket",
    f"/api/v1/assignments?body={ORG}regeringen",
    f"/api/v1/assignments?body={ORG}regeringen&status=overdue",
    f"/api/v1/policies?body={ORG}socialstyrelsen",
    "/api/v1/queries/assignment-status",
]


def measure(base: str, path: str, repeat: int) -> list[dict]:
    out = []
    accept = "application/json" if path.startswith("/api/") else "text/html"
    with httpx.Client(base_url=base, timeout=120) as c:
        for _ in range(repeat):
            t = time.perf_counter()
            r = c.get(path, headers={"Accept": accept})
            out.append({"status": r.status_code, "seconds": round(time.perf_counter() - t, 3),
                        "bytes": len(r.content)})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, required=True, help="the store (copied once; the copy is served)")
    ap.add_argument("--baseline", required=True, help="the git revision to compare the working tree with")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=2, help="answers per server start (the first: nothing cached)")
    ap.add_argument("--url", action="append", help="a path to ask (default: bodies' pages and lists)")
    ap.add_argument("--warm", metavar="PATH", help="a path the server answers first, not measured")
    ap.add_argument("--json", type=Path, help="write the results here")
    a = ap.parse_args(argv)
    urls = a.url or DEFAULT_URLS
    work = Path(tempfile.mkdtemp(prefix="body-page-bench-"))
    store = work / "store"
    shutil.copytree(a.store, store, ignore=shutil.ignore_patterns(".readers"))
    tree = baseline_tree(a.baseline, work / "baseline")
    for sub in ("queries", "ontology", "shapes"):     # else the editable install maps them to this checkout's
        (tree / "styrgraf" / sub).symlink_to(tree / sub, target_is_directory=True)
    codes = {f"baseline {a.baseline}": tree, "working tree": None}
    runs: dict[str, dict[str, list]] = {u: {k: [] for k in codes} for u in urls}
    try:
        for rnd in range(a.rounds):
            for url in urls:
                for name, code in codes.items():
                    with ss.styrgraf(store, work, tree=code, name=name.split()[0]) as srv:
                        if a.warm:
                            measure(srv.url.removesuffix("/sparql"), a.warm, 1)
                        answers = measure(srv.url.removesuffix("/sparql"), url, a.repeat)
                    runs[url][name].append(answers)
                    print(f"round {rnd + 1} {name:18s} {url}: " + ", ".join(
                        f"{x['status']} {x['seconds']:.2f} s {x['bytes'] / 1e6:.2f} MB" for x in answers), flush=True)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    summary = {url: {name: {"first_s": [r[0]["seconds"] for r in rs],
                            "first_median_s": statistics.median(r[0]["seconds"] for r in rs),
                            "again_s": [r[-1]["seconds"] for r in rs],
                            "status": sorted({x["status"] for r in rs for x in r}),
                            "bytes": sorted({x["bytes"] for r in rs for x in r})}
                     for name, rs in by.items()} for url, by in runs.items()}
    out = {"store": str(a.store), "baseline": a.baseline, "rounds": a.rounds, "repeat": a.repeat, "warm": a.warm,
           "versions": ss.describe_versions(), "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()},
           "summary": summary, "runs": runs}
    if a.json:
        a.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
