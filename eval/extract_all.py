"""Every page of the shared corpora through the extractor: how many fail, and which take longer than a limit.

A rule that raises on some layout, or a pattern that backtracks for a long time on some page, shows here before
it shows in a user's batch.

    .venv/bin/python eval/extract_all.py                  # the four corpora, six processes, 5 s a page
"""
from __future__ import annotations

import argparse
import time
import traceback
from multiprocessing import Pool
from pathlib import Path

from styrgraf.ingest import pipeline

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPORA = ("corpus", "corpus-municipal", "corpus-regeringen", "corpus-regeringen-full")


def _extract(path: str) -> tuple[str, str | None, float]:
    started = time.perf_counter()
    try:
        pipeline.extract_file(Path(path))
        return path, None, time.perf_counter() - started
    except Exception as e:          # noqa: BLE001 (a report of every failure is what this is for)
        return path, "".join(traceback.format_exception_only(e)).strip()[:300], time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--processes", type=int, default=6)
    ap.add_argument("--slow", type=float, default=5.0, help="seconds a page may take")
    args = ap.parse_args(argv)
    files = sorted(str(p) for d in CORPORA for p in (args.shared / d).rglob("*")
                   if p.suffix in (".md", ".txt") and p.name != "README.md")
    failed, slow = [], []
    with Pool(args.processes) as pool:
        for path, error, seconds in pool.imap_unordered(_extract, files, chunksize=20):
            if error:
                failed.append((path, error))
            if seconds > args.slow:
                slow.append((path, seconds))
    print(f"{len(files)} pages, {len(failed)} failed, {len(slow)} slower than {args.slow:g} s")
    for path, error in failed:
        print(f"failed {path}: {error}")
    for path, seconds in sorted(slow, key=lambda x: -x[1]):
        print(f"slow   {path}: {seconds:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
