#!/usr/bin/env python3
"""Why gold facts were missed: how near the nearest extracted fact came, by cause.

A miss is one of these, tried in order (the scorer's own tests, ../../shared/eval/score.py):
- `too long`: an extracted text of the right body says the gold words, but is over 4 × their length;
- `other body`: an extracted task says the gold words, under a body the gold does not name;
- `partial`: an extracted text of the right body holds half to 70 % of the gold words;
- `body only`: the body has facts, none near the gold's text;
- `absent`: nothing near it.
For goals the body is not part of the match, so only `too long`, `partial` and `absent` occur.
The misses are also counted by the kind of document the gold says each is from.

    .venv/bin/python eval/near_misses.py tuning [-v]
    .venv/bin/python eval/near_misses.py heldout          # counts only: its texts are never printed

The held-out half is only ever counted, so that which kind of fix to make is chosen from the
causes' sizes, while the fixes themselves are written from the tuning half and unannotated pages.
"""
from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "tests"))
from score_sets import SCORER, gold_files  # noqa: E402
from server import running_server  # noqa: E402

spec = importlib.util.spec_from_file_location("shared_score", SCORER)
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def share(candidate: str | None, gold: str) -> tuple[float, bool]:
    """(the share of gold words the candidate holds, whether the candidate is short enough to count)."""
    c, g = score.degen(score.norm(candidate)), score.degen(score.norm(gold))
    if not c or not g:
        return 0.0, False
    gw, cw = g.split(), set(c.split())
    return sum(w in cw for w in gw) / len(gw), len(c) <= 4 * len(g) + 80


def cause(kind: str, g: dict, items: list[dict]) -> tuple[str, str | None]:
    """(the cause of a miss, the nearest extracted text where one is near)."""
    field = "task" if kind == "responsibility" else "text"
    own = [it for it in items if kind == "goal" or score.ref_matches(it.get("body"), g["body"])]
    shares = sorted(((share(it.get(field), g[field]), it) for it in own), key=lambda x: -x[0][0])
    if any(s >= 0.7 and not short for (s, short), _ in shares):
        return "too long", next(it[field] for (s, short), it in shares if s >= 0.7 and not short)
    if kind == "responsibility":
        other = [it for it in items if share(it.get("task"), g["task"]) >= (0.7, True)]
        if other:
            return "other body", f"{score.ref_label(other[0].get('body'))}: {other[0]['task']}"
    if shares and shares[0][0][0] >= 0.5:
        return "partial", shares[0][1][field]
    return ("body only" if kind == "responsibility" and own else "absent"), None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", choices=("tuning", "heldout"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list each miss (tuning half only)")
    a = ap.parse_args(argv)
    verbose = a.verbose and a.set == "tuning"
    pairs = gold_files(a.set)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        subprocess.run([sys.executable, "-m", "styrgraf.cli", "ingest", *map(str, (s for _, s in pairs)),
                        "--store", str(store)], capture_output=True, check=True)
        with running_server(store) as base:
            data = {k: score.fetch(base, score.PLURAL[k]) for k in ("goal", "responsibility")}
    golds = score.load_gold([g for g, _ in pairs])
    for kind, items in data.items():
        counts: Counter[str] = Counter()
        by_kind: Counter[str] = Counter()
        per_doc: dict[str, Counter[str]] = {}
        for gold in golds:
            doc_kind = next((str(d.get("kind")) for d in gold.get("document", []) if d.get("kind")), "unknown")
            for g in gold.get(kind, []):
                if g.get("optional") or score.match_item(kind, g, items):
                    continue
                c, near = cause(kind, g, items)
                counts[c] += 1
                by_kind[doc_kind] += 1
                per_doc.setdefault(doc_kind, Counter())[gold["source"]] += 1
                if verbose:
                    print(f"  {kind} [{c}] {gold['source']}: {g.get('body', '')} | {g.get('task') or g.get('text')}"[:300])
                    if near:
                        print(f"      nearest: {near}"[:300])
        print(f"{a.set} {kind} misses: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
        print(f"{a.set} {kind} misses by kind of document: " + ", ".join(
            f"{k} {v} (in {len(per_doc[k])} documents, at most {max(per_doc[k].values())} in one)"
            for k, v in by_kind.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
