"""Ingest speed: documents/s and MB/s, --jobs 1 vs 2, with and without SHACL, time per phase.

    .venv/bin/python bench/ingest_bench.py [--corpus DIR ...] [--repeat N] [--json OUT]
    .venv/bin/python bench/ingest_bench.py --baseline REV [--corpus DIR] [--jobs N] [--repeat N]
                                           [--profile-every K] [--json OUT]

Each configuration ingests into a fresh store through the real CLI, in one run,
so the figures are comparable; each run's wall time comes with the peak resident
memory of its whole process tree (the CLI, its forkserver and workers; sampled
every 0.25 s, as RSS and as PSS). The phase split comes from one in-process ingest
(jobs 1, SHACL on, into a fresh store) with a timer around each phase: reading,
normalising, each extraction stage, building the RDF, SHACL, the store's writes,
the text index and the rest. --baseline compares the working tree with an earlier revision
(checked out into a temporary worktree, run with the same Python environment):
both ingest the same files with --jobs N and SHACL, interleaved, and the ratio is
printed; with --profile-every K each also gives its phase split over every K-th
file, in a process of its own, after the timed runs of each round.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from proctree import Watch

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = [ROOT / "examples" / "corpus", ROOT.parent / "shared" / "corpus-regeringen"]


def files_of(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix in {".txt", ".md"} and p.name != "README.md")


def cli_ingest(files: list[Path], jobs: int, validate: bool, tree: Path | None = None) -> dict:
    """Seconds `styrgraf ingest` takes, files stored and failed, the CPU seconds of its process tree
    (all of it, and the command's own: the writing parent; as last sampled) and the tree's peak
    memory; `tree`: run the code of that source tree instead of this one."""
    env = {**os.environ, "PYTHONPATH": str(tree)} if tree else None
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        args = [sys.executable, "-m", "styrgraf.cli", "ingest", *(str(f.resolve()) for f in files), "--store",
                f"{tmp}/s", "--jobs", str(jobs)] + ([] if validate else ["--no-validate"])
        t = time.perf_counter()
        # run in the tree whose code it is: `python -m` looks in its working directory first, and
        # the checkout's own styrgraf/ there would shadow PYTHONPATH
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                                cwd=tree or ROOT)
        with Watch(proc.pid) as watch:
            out, err = proc.communicate()
        elapsed = time.perf_counter() - t
        if proc.returncode not in (0, 1):
            raise RuntimeError(err)
        summary = next((line for line in reversed(out.splitlines()) if " stored, " in line), "")
        return {"seconds": round(elapsed, 2), "summary": summary, "tree_cpu_s": round(sum(watch.cpu.values()), 1),
                "parent_cpu_s": round(watch.root_cpu, 1), "peak_tree_rss_mb": round(watch.rss_mb, 1),
                "peak_tree_pss_mb": round(watch.pss_mb, 1), "processes": watch.processes,
                "load_average": [round(x, 2) for x in os.getloadavg()]}


def baseline_tree(rev: str, into: Path) -> Path:
    """A worktree of `rev` laid out so that `import styrgraf` finds its code by PYTHONPATH (the package
    maps styrgraf.ingest and styrgraf.api to the top-level folders ingest/ and api/)."""
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(into), rev], check=True,
                   capture_output=True)
    for sub in ("ingest", "api"):
        (into / "styrgraf" / sub).symlink_to(into / sub, target_is_directory=True)
    return into


def compare(files: list[Path], rev: str, repeat: int, jobs: int, profile_every: int | None,
            corpus: Path) -> dict:
    tmp = Path(tempfile.mkdtemp())
    tree = baseline_tree(rev, tmp / "baseline")
    runs: dict[str, list[dict]] = {"baseline": [], "current": []}
    profiles: dict[str, list[dict]] = {"baseline": [], "current": []}
    try:
        for _ in range(repeat):             # interleaved: a noisy minute hits both
            for name, code in (("baseline", tree), ("current", None)):
                runs[name].append(cli_ingest(files, jobs, True, code))
                print(f"{name:8s} jobs {jobs}: {runs[name][-1]}", flush=True)
            for name, code in (("baseline", tree), ("current", None)) if profile_every else ():
                profiles[name].append(profile_child(corpus, profile_every, code))
                p = profiles[name][-1]
                print(f"{name:8s} phases over {p['documents']} documents: SHACL {p['shacl_share']:.1%} of "
                      f"{p['total_s']:.1f} s; " + ", ".join(f"{k} {v:.1f} s" for k, v in p["phases_s"].items()),
                      flush=True)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
    med = {k: statistics.median(r["seconds"] for r in v) for k, v in runs.items()}
    out = {"baseline": rev, "corpus": str(corpus), "documents": len(files), "jobs": jobs, "repeat": repeat,
           "median_s": {k: round(v, 2) for k, v in med.items()},
           "runs": runs, "current_over_baseline": round(med["current"] / med["baseline"], 3),
           "peak_tree_rss_mb": {k: max(r["peak_tree_rss_mb"] for r in v) for k, v in runs.items()},
           "peak_tree_pss_mb": {k: max(r["peak_tree_pss_mb"] for r in v) for k, v in runs.items()}}
    if profile_every:
        out["profiles"] = profiles
        out["shacl_share"] = {k: [round(p["shacl_share"], 3) for p in v] for k, v in profiles.items()}
    print(f"baseline {rev}: {med['baseline']:.2f} s   current: {med['current']:.2f} s   "
          f"current/baseline {out['current_over_baseline']:.3f}")
    return out


def phase_profile(files: list[Path]) -> dict:
    """Seconds in each phase of one in-process ingest of `files` (jobs 1, SHACL on) into a fresh
    store, and SHACL's share of the whole. It wraps the phases' functions for good: run it in a
    process of its own (profile_child)."""
    from styrgraf import search
    from styrgraf.ingest import batch, pipeline
    from styrgraf.store import Store
    from styrgraf.vocab import NAMESPACE

    spent: dict[str, float] = defaultdict(float)

    def timed(name, fn):
        def run(*a, **kw):
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                spent[name] += time.perf_counter() - t
        return run

    pipeline.read = timed("read", pipeline.read)
    pipeline.normalise = timed("normalise", pipeline.normalise)
    pipeline.find_bodies = timed("bodies", pipeline.find_bodies)
    for stage in pipeline.STAGES:
        stage.extract = timed(stage.__name__.rsplit(".", 1)[-1], stage.extract)
    batch.build = timed("build (RDF)", batch.build)
    batch.validate_triples = timed("validate (SHACL)", batch.validate_triples)
    search.Follower.graphs = timed("text index", search.Follower.graphs)
    batch.graph_rows = timed("text index rows (in the workers)", batch.graph_rows)
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        store = Store(f"{tmp}/s")
        store.replace_graph = timed("store writes", store.replace_graph)
        t = time.perf_counter()
        results = batch.ingest(store, files, NAMESPACE, jobs=1, validate=True)
        total = time.perf_counter() - t
        store.close()
    spent["other"] = total - sum(spent.values())
    return {"documents": len(files), "stored": sum(r.status == "stored" for r in results), "total_s": round(total, 2),
            "shacl_share": spent["validate (SHACL)"] / total,
            "phases_s": {k: round(v, 2) for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}}


def profile_child(corpus: Path, every: int, tree: Path | None) -> dict:
    """phase_profile of every `every`-th file of `corpus` in a process of its own, with the code of
    `tree` (None: this tree)."""
    env = {**os.environ, "PYTHONPATH": str(tree)} if tree else None
    proc = subprocess.run([sys.executable, __file__, "--profile-child", str(corpus), str(every)],
                          capture_output=True, text=True, env=env)
    if proc.returncode:
        raise RuntimeError(proc.stderr[-3000:])
    return json.loads(proc.stdout.splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, action="append")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--baseline", help="compare the working tree with this git revision")
    ap.add_argument("--jobs", type=int, default=1, help="with --baseline: worker processes")
    ap.add_argument("--profile-every", type=int, help="with --baseline: phase split over every K-th file")
    ap.add_argument("--profile-child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.profile_child:
        corpus, every = a.profile_child
        print(json.dumps(phase_profile(files_of(Path(corpus))[::int(every)])))
        return 0
    if a.baseline:
        corpus = (a.corpus or DEFAULT_CORPORA[1:])[0]
        res = compare(files_of(corpus), a.baseline, a.repeat, a.jobs, a.profile_every, corpus)
        if a.json:
            a.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
        return 0
    results = {}
    for corpus in a.corpus or DEFAULT_CORPORA:
        files = files_of(corpus)
        if not files:
            continue
        mb = sum(f.stat().st_size for f in files) / 1e6
        row = {"documents": len(files), "megabytes": round(mb, 2), "runs": {}}
        configs = [(jobs, validate) for validate in (True, False) for jobs in (1, 2)]
        times: dict[tuple[int, bool], list[dict]] = defaultdict(list)
        for _ in range(a.repeat):          # interleaved, so a noisy minute hits every configuration
            for jobs, validate in configs:
                times[jobs, validate].append(cli_ingest(files, jobs, validate))
        for jobs, validate in configs:
            ts = [r["seconds"] for r in times[jobs, validate]]
            med = statistics.median(ts)
            key = f"jobs={jobs} {'shacl' if validate else 'no-shacl'}"
            row["runs"][key] = {"median_s": round(med, 2), "min_s": round(min(ts), 2),
                                "max_s": round(max(ts), 2), "docs_per_s": round(len(files) / med, 1),
                                "mb_per_s": round(mb / med, 3),
                                "peak_tree_rss_mb": max(r["peak_tree_rss_mb"] for r in times[jobs, validate])}
            print(f"{corpus.name:20s} {key:18s} {med:7.2f} s  {len(files) / med:7.1f} docs/s  "
                  f"{mb / med:6.3f} MB/s  (min {min(ts):.2f}, max {max(ts):.2f})", flush=True)
        for validate in (True, False):
            one = row["runs"][f"jobs=1 {'shacl' if validate else 'no-shacl'}"]["median_s"]
            two = row["runs"][f"jobs=2 {'shacl' if validate else 'no-shacl'}"]["median_s"]
            row[f"speedup_jobs2_{'shacl' if validate else 'no_shacl'}"] = round(one / two, 2)
            print(f"{corpus.name:20s} jobs 2 / jobs 1 ({'SHACL' if validate else 'no SHACL'}): "
                  f"{one / two:.2f}x faster")
        row["phases"] = profile_child(corpus, 1, None)
        print(f"{corpus.name:20s} phases (SHACL {row['phases']['shacl_share']:.1%}): "
              + ", ".join(f"{k} {v:.2f} s" for k, v in row["phases"]["phases_s"].items()))
        results[corpus.name] = row
    if a.json:
        a.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
