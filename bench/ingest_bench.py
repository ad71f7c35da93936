"""Ingest speed: documents/s and MB/s, --jobs 1 vs 2, with and without SHACL, time per stage.

    .venv/bin/python bench/ingest_bench.py [--corpus DIR ...] [--repeat N] [--json OUT]
    .venv/bin/python bench/ingest_bench.py --baseline REV [--corpus DIR] [--repeat N]

Each configuration ingests into a fresh store through the real CLI, in one run,
so the figures are comparable; the stage split comes from one in-process pass
with a timer around each stage. --baseline compares the working tree with an earlier
revision (checked out into a temporary worktree, run with the same Python environment):
both ingest the same files with --jobs 1 and SHACL, interleaved, and the ratio is printed.
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

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = [ROOT / "examples" / "corpus", ROOT.parent / "shared" / "corpus-regeringen"]


def files_of(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix in {".txt", ".md"} and p.name != "README.md")


def cli_ingest(files: list[Path], jobs: int, validate: bool, tree: Path | None = None) -> float:
    """Seconds `styrgraf ingest` takes; `tree`: run the code of that source tree instead of this one."""
    env = {**os.environ, "PYTHONPATH": str(tree)} if tree else None
    with tempfile.TemporaryDirectory() as tmp:
        args = [sys.executable, "-m", "styrgraf.cli", "ingest", *(str(f.resolve()) for f in files), "--store",
                f"{tmp}/s", "--jobs", str(jobs)] + ([] if validate else ["--no-validate"])
        t = time.perf_counter()
        # run in the tree whose code it is: `python -m` looks in its working directory first, and
        # the checkout's own styrgraf/ there would shadow PYTHONPATH
        proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=tree or ROOT)
        elapsed = time.perf_counter() - t
        if proc.returncode not in (0, 1):
            raise RuntimeError(proc.stderr)
        return elapsed


def baseline_tree(rev: str, into: Path) -> Path:
    """A worktree of `rev` laid out so that `import styrgraf` finds its code by PYTHONPATH (the package
    maps styrgraf.ingest and styrgraf.api to the top-level folders ingest/ and api/)."""
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(into), rev], check=True,
                   capture_output=True)
    for sub in ("ingest", "api"):
        (into / "styrgraf" / sub).symlink_to(into / sub, target_is_directory=True)
    return into


def compare(files: list[Path], rev: str, repeat: int) -> dict:
    tmp = Path(tempfile.mkdtemp())
    tree = baseline_tree(rev, tmp / "baseline")
    try:
        times: dict[str, list[float]] = {"baseline": [], "current": []}
        for _ in range(repeat):             # interleaved: a noisy minute hits both
            times["baseline"].append(cli_ingest(files, 1, True, tree))
            times["current"].append(cli_ingest(files, 1, True))
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    out = {"baseline": rev, "documents": len(files), "repeat": repeat,
           "median_s": {k: round(v, 2) for k, v in med.items()},
           "runs_s": {k: [round(x, 2) for x in v] for k, v in times.items()},
           "current_over_baseline": round(med["current"] / med["baseline"], 3)}
    print(f"baseline {rev}: {med['baseline']:.2f} s   current: {med['current']:.2f} s   "
          f"current/baseline {out['current_over_baseline']:.3f}  (runs {times})")
    return out


def stage_profile(files: list[Path]) -> dict[str, float]:
    """Seconds spent in each stage over all files, one process."""
    from styrgraf.ingest import pipeline
    from styrgraf.ingest.bodies import find_bodies
    from styrgraf.ingest.build import build
    from styrgraf.ingest.context import Ctx
    from styrgraf.ingest.model import Extraction
    from styrgraf.ingest.normalise import normalise
    from styrgraf.ingest.read import read
    from styrgraf.ingest.validate import validate_triples
    from styrgraf.vocab import NAMESPACE

    spent: dict[str, float] = defaultdict(float)

    def timed(name, fn, *a):
        t = time.perf_counter()
        r = fn(*a)
        spent[name] += time.perf_counter() - t
        return r

    for f in files:
        src = timed("read", read, f)
        doc = timed("normalise", normalise, src.text, src.name, src.media_type)
        ctx = Ctx(doc=doc, out=Extraction(), bodies=timed("bodies", find_bodies, doc.text))
        for stage in pipeline.STAGES:
            timed(stage.__name__.rsplit(".", 1)[-1], stage.extract, ctx)
        ctx.out.municipality = ctx.bodies.municipality
        ctx.out.bodies = ctx.bodies.all()
        _, triples = timed("build", build, NAMESPACE, ctx.out, doc, src)
        timed("validate (SHACL)", validate_triples, triples)
    return dict(spent)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, action="append")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--baseline", help="compare the working tree with this git revision")
    a = ap.parse_args()
    if a.baseline:
        corpus = (a.corpus or DEFAULT_CORPORA[1:])[0]
        res = compare(files_of(corpus), a.baseline, a.repeat)
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
        times: dict[tuple[int, bool], list[float]] = defaultdict(list)
        for _ in range(a.repeat):          # interleaved, so a noisy minute hits every configuration
            for jobs, validate in configs:
                times[jobs, validate].append(cli_ingest(files, jobs, validate))
        for jobs, validate in configs:
            ts = times[jobs, validate]
            med = statistics.median(ts)
            key = f"jobs={jobs} {'shacl' if validate else 'no-shacl'}"
            row["runs"][key] = {"median_s": round(med, 2), "min_s": round(min(ts), 2),
                                "max_s": round(max(ts), 2), "docs_per_s": round(len(files) / med, 1),
                                "mb_per_s": round(mb / med, 3)}
            print(f"{corpus.name:20s} {key:18s} {med:7.2f} s  {len(files) / med:7.1f} docs/s  "
                  f"{mb / med:6.3f} MB/s  (min {min(ts):.2f}, max {max(ts):.2f})", flush=True)
        for validate in (True, False):
            one = row["runs"][f"jobs=1 {'shacl' if validate else 'no-shacl'}"]["median_s"]
            two = row["runs"][f"jobs=2 {'shacl' if validate else 'no-shacl'}"]["median_s"]
            row[f"speedup_jobs2_{'shacl' if validate else 'no_shacl'}"] = round(one / two, 2)
            print(f"{corpus.name:20s} jobs 2 / jobs 1 ({'SHACL' if validate else 'no SHACL'}): "
                  f"{one / two:.2f}x faster")
        row["stages_s"] = {k: round(v, 3) for k, v in stage_profile(files).items()}
        print(f"{corpus.name:20s} stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in row["stages_s"].items()))
        results[corpus.name] = row
    if a.json:
        a.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
