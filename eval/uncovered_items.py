"""List items that give a task but no duty holds, on pages that are not gold: where a whole list is lost.

A list item that begins with a task verb ("* kartlägga …", "- analysera …") is, on the pages of a
committee directive, an assignment or a committee's report, almost always a task someone is given.
An item no duty of its page quotes points at a lead the extractor does not read ("I uppdraget ingår
att:", "Utredarens huvuduppgifter är att"); pages are ranked by how many such items they hold, and
the lead line of each lost list is printed, so that the kinds of lead can be counted without reading
the held-out half.

    .venv/bin/python eval/uncovered_items.py kommittedirektiv statens-offentliga-utredningar --top 20
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from styrgraf.ingest import pipeline
from styrgraf.ingest.tasks import is_task_verb

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus-regeringen-full"
ITEM = re.compile(r"(?m)^[ \t]*[*•-][ \t]+(?P<item>[a-zåäö][^\n]{10,})$")


def lost_items(path: Path) -> tuple[int, int, list[str]]:
    """(items that give a task, those no duty quotes, the lead line of each list they stand in)."""
    result = pipeline.extract_file(path)
    text = result.doc.text
    quoted = [(e.start, e.end) for r in result.extraction.responsibilities for e in r.evidence]
    tasks = [r.task.lower() for r in result.extraction.responsibilities]
    given = lost = 0
    leads: list[str] = []
    for m in ITEM.finditer(text):
        item = m["item"]
        if not is_task_verb(item.split()[0]):
            continue
        given += 1
        opening = " ".join(item.split()[:5]).rstrip(",.;").lower()
        if any(a <= m.start("item") < b for a, b in quoted) or any(opening in t for t in tasks):
            continue
        lost += 1
        before = text[:m.start()].rstrip("\n").split("\n")
        lead = next((line for line in reversed(before) if line.strip() and not ITEM.match(line)), "")
        if lead not in leads:
            leads.append(lead)
    return given, lost, leads


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", help="folders of corpus-regeringen-full, e.g. kommittedirektiv")
    ap.add_argument("--top", type=int, default=20, help="how many pages to list")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    gold = {p.stem for p in (HERE / "gold").glob("*.toml")}
    rows = []
    lead_words: Counter[str] = Counter()
    given_all = lost_all = 0
    for folder in args.folders:
        for path in sorted((args.corpus / folder).glob("*.md")):
            if path.stem in gold:
                continue
            given, lost, leads = lost_items(path)
            given_all, lost_all = given_all + given, lost_all + lost
            if lost:
                rows.append((lost, given, path.name, leads))
                lead_words.update(" ".join(re.split(r"(?<=[.!?])\s+", lead.strip())[-1].split()[-4:]) for lead in leads)
    for lost, given, name, leads in sorted(rows, reverse=True)[:args.top]:
        print(f"{lost:3} of {given:3}  {name[:60]}")
        for lead in leads:
            print(f"          lead: {lead.strip()[-110:]}")
    print("the last words of the leads:", ", ".join(f"{w!r} {n}" for w, n in lead_words.most_common(15)))
    print(f"{lost_all} of {given_all} items that give a task are quoted by no duty")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
