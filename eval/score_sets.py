#!/usr/bin/env python3
"""Score extraction on the hand-annotated gold sets: the tuning half, the held-out half, and
the visible gold of ../shared/gold.

Each gold file in eval/gold/ names its document (`path`, relative to ../shared). The files
are split once, by the SHA-256 of the document's file name (even: tuning, odd: held out);
eval/split.tsv records the split and a test checks that it still follows the rule. Rules are
written against the tuning half only; the held-out half says whether they generalise. A held-out
document whose text was read anyway is listed in eval/seen.txt and counts with the tuning half.

    .venv/bin/python eval/score_sets.py tuning heldout visible [-v] [--json OUT]
    .venv/bin/python eval/score_sets.py --files eval/gold/NEW.toml …     # new gold, before it joins a half

For each set: ingest its documents into a new embedded store through the real CLI, serve it,
and run the scorer (../shared/eval/score.py) against the API, exactly as the README's
development section does for the visible gold.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold"
SPLIT = ROOT / "eval" / "split.tsv"
SEEN = {line.strip() for line in (ROOT / "eval" / "seen.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")}
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
VISIBLE = SHARED / "gold"
SETS = ("tuning", "heldout", "visible")

sys.path.insert(0, str(ROOT / "tests"))
from server import running_server  # noqa: E402  (the suite's way of starting `styrgraf serve`)


def half_of(file_name: str) -> str:
    """The half a document belongs to, fixed by its file name alone (and by whether its text has been read)."""
    if file_name in SEEN:
        return "tuning"
    return "heldout" if int(hashlib.sha256(file_name.encode("utf-8")).hexdigest(), 16) % 2 else "tuning"


def gold_files(which: str, files: list[Path] | None = None) -> list[tuple[Path, Path]]:
    """(gold file, source document) of one set, or of the gold files given."""
    if files:
        return [(g, SHARED / tomllib.loads(g.read_text(encoding="utf-8"))["path"]) for g in files]
    if which == "visible":
        return [(g, SHARED / "corpus" / tomllib.loads(g.read_text(encoding="utf-8"))["source"])
                for g in sorted(VISIBLE.glob("*.toml"))]
    out = []
    for g in sorted(GOLD.glob("*.toml")):
        gold = tomllib.loads(g.read_text(encoding="utf-8"))
        if half_of(gold["source"]) == which:
            out.append((g, SHARED / gold["path"]))
    return out


def split_rows() -> list[tuple[str, str, str]]:
    """(file name, half, path) of every annotated document, as eval/split.tsv records them."""
    rows = []
    for g in sorted(GOLD.glob("*.toml")):
        gold = tomllib.loads(g.read_text(encoding="utf-8"))
        rows.append((gold["source"], half_of(gold["source"]), gold["path"]))
    return rows


def write_split() -> None:
    lines = ["file\thalf\tpath"] + ["\t".join(r) for r in split_rows()]
    SPLIT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def score_set(which: str, workdir: Path, verbose: bool = False, files: list[Path] | None = None) -> tuple[dict, str]:
    """(the scorer's result, its printed report) for one set."""
    pairs = gold_files(which, files)
    missing = [str(src) for _, src in pairs if not src.exists()]
    if missing:
        raise FileNotFoundError(f"gold documents not found: {missing}")
    store = workdir / f"{which}-store"
    proc = subprocess.run([sys.executable, "-m", "styrgraf.cli", "ingest", *map(str, (s for _, s in pairs)),
                           "--store", str(store)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"ingest of the {which} set failed:\n{proc.stdout}{proc.stderr}")
    out = workdir / f"{which}.json"
    # (an hour: the scorer matches every gold fact against every fact of the set, so its time grows with the square of
    # the set; on a shared, loaded machine the held-out half of 435 documents took over 30 minutes)
    with running_server(store) as base:
        proc = subprocess.run([sys.executable, str(SCORER), "--api", base.rstrip("/"),
                               *map(str, (g for g, _ in pairs)), "--json", str(out)] + (["-v"] if verbose else []),
                              capture_output=True, text=True, timeout=3600, check=True)
    return json.loads(out.read_text(encoding="utf-8")), proc.stdout


def by_kind(res: dict) -> str:
    """Per kind of fact: how many were found and how many of their fields were right."""
    return "\n".join(f"  {k:16} found {v['found']:4}/{v['gold']:<4} fields {v['fields'][0]:4}/{v['fields'][1]}"
                     for k, v in res.items() if isinstance(v, dict) and "gold" in v)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help=f"any of {', '.join(SETS)} (default: all)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list what was missed or wrong")
    ap.add_argument("--by-kind", action="store_true",
                    help="counts per kind of fact only (found/gold, fields right/checked), no names")
    ap.add_argument("--json", help="write every set's summary here")
    ap.add_argument("--write-split", action="store_true", help="rewrite eval/split.tsv from the gold files")
    ap.add_argument("--files", nargs="+", type=Path, metavar="GOLD",
                    help="score these gold files as one set (new gold, before it joins a half)")
    a = ap.parse_args(argv)
    if unknown := [x for x in a.sets if x not in SETS]:
        ap.error(f"unknown set {', '.join(unknown)}; choose from {', '.join(SETS)}")
    if a.write_split:
        write_split()
        if not a.sets:
            return 0
    a.sets = ["files"] if a.files else a.sets or list(SETS)
    summaries = {}
    with tempfile.TemporaryDirectory() as tmp:
        for which in a.sets:
            res, report = score_set(which, Path(tmp), a.verbose, a.files)
            n = len(gold_files(which, a.files))
            summaries[which] = dict(res["summary"], documents=n)
            print(f"==== {which} ({n} documents)")
            print(report if a.verbose else report.strip().splitlines()[-1])
            if a.by_kind:
                print(by_kind(res))
    if a.json:
        Path(a.json).write_text(json.dumps(summaries, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
