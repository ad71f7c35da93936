"""How often a document's kind is read right, where the corpus itself says what each document is.

corpus-regeringen-full files each regeringen.se page under a folder of its series: committee reports
(SOU), bills, memoranda (Ds and promemorior), government letters, committee directives, assignments.
A sample of each folder, none of it in the gold, is extracted and its kind compared with the folder's.

    .venv/bin/python eval/document_kinds.py                 # 200 pages a folder, seed 7
    .venv/bin/python eval/document_kinds.py --per-folder 50 --misses
"""
from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from styrgraf.ingest import pipeline

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus-regeringen-full"
FOLDER_KIND = {
    "statens-offentliga-utredningar": "betänkande",
    "proposition": "proposition",
    "departementsserien-och-promemorior": "promemoria",
    "skrivelse": "skrivelse",
    "kommittedirektiv": "kommittédirektiv",
    "regeringsuppdrag": "regeringsuppdrag",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--per-folder", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--misses", action="store_true", help="list each page read as another kind")
    args = ap.parse_args(argv)
    gold = {p.stem for p in (HERE / "gold").glob("*.toml")}
    for folder, kind in FOLDER_KIND.items():
        files = sorted(p for p in (args.corpus / folder).glob("*.md") if p.stem not in gold)
        random.seed(args.seed)
        sample = random.sample(files, min(args.per_folder, len(files)))
        read_as: Counter[str] = Counter()
        with_author = 0
        for path in sample:
            doc = pipeline.extract_file(path).extraction.document
            read_as[doc.kind] += 1
            with_author += doc.author is not None
            if args.misses and doc.kind != kind:
                print(f"  {doc.kind:<17} {path.name}")
        others = {k: n for k, n in read_as.most_common() if k != kind}
        print(f"{folder}: {kind} {read_as[kind]}/{len(sample)}, with an author {with_author}/{len(sample)}; "
              f"read as another kind {others or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
