"""Sentences that hold a cue for a kind of fact but gave no such fact, on pages that are not gold.

A way to find the phrase families the extractor does not know yet without reading the held-out
half: a random sample of one folder of corpus-regeringen-full is extracted, and each sentence that
matches the cue (a body and "ska", a goal word, a kind noun …) while no fact of the kind cites it is
printed with its page and the kind the page was read as.

    .venv/bin/python eval/cue_survey.py responsibilities regeringsuppdrag "\\b(?:ska|ansvarar för)\\b"
    .venv/bin/python eval/cue_survey.py goals proposition "\\b[Mm]ål(?:et|en)?\\b" --pages 120 --seed 3
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from styrgraf.ingest import pipeline

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus-regeringen-full"
FACTS = ("responsibilities", "goals", "policies", "assignments", "consultations")
SENTENCE = re.compile(r"[^.\n]+[.\n]")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("facts", choices=FACTS, help="the kind of fact the cue should have given")
    ap.add_argument("folder", help="a folder of corpus-regeringen-full, e.g. proposition")
    ap.add_argument("cue", help="a regular expression a sentence must match")
    ap.add_argument("--pages", type=int, default=80)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    gold = {p.stem for p in (HERE / "gold").glob("*.toml")}
    files = sorted(p for p in (args.corpus / args.folder).glob("*.md") if p.stem not in gold)
    random.Random(args.seed).shuffle(files)
    cue = re.compile(args.cue)
    unmatched = 0
    for path in files[:args.pages]:
        result = pipeline.extract_file(path)
        cited = [(e.start, e.end) for fact in getattr(result.extraction, args.facts) for e in fact.evidence]
        text = result.doc.text
        for m in SENTENCE.finditer(text):
            if cue.search(m.group()) and not any(a < m.end() and b > m.start() for a, b in cited):
                unmatched += 1
                print(f"{path.name[:44]:44} {result.extraction.document.kind[:12]:12} {m.group().strip()[:240]}")
    print(f"{unmatched} sentences hold the cue and are cited by none of the {args.facts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
