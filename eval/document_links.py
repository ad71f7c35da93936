#!/usr/bin/env python3
"""How many changes and supplements of a decision are linked to the decision they change.

On a store holding ../../shared/corpus-regeringen-full (at least its regeringsuppdrag/ and
kommittedirektiv/ folders), two shares:

- tilläggsdirektiv: pages titled "Tilläggsdirektiv …" that cite a directive by its number
  ("dir. 2012:118") whose page is in the folder (its file is named after the number,
  "…dir.-2012118.md"): the share linked (sg:supplements) to that page. The file names are only
  the answer key here: the links are made from the pages' text, where a directive's own page
  never gives its number;
- changes of assignments: pages titled "Ändring av uppdrag(et) …", "Tillägg till uppdrag …",
  "Tilläggsuppdrag …", "Förlängning av uppdrag …", "Komplettering/Utvidgning av uppdrag …": each
  is listed with the page it was linked to (or none) for a reader to check, and with
  --key FILE (lines "change-file<TAB>original-file", or "change-file<TAB>-" where the original
  is not in the folder) the share linked right among those whose original is there.

    .venv/bin/styrgraf ingest ../shared/corpus-regeringen-full/regeringsuppdrag \\
        ../shared/corpus-regeringen-full/kommittedirektiv --store /tmp/links-store --jobs 2
    .venv/bin/python eval/document_links.py /tmp/links-store --key eval/assignment-changes.tsv
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from styrgraf.store import Store
from styrgraf.vocab import sparql_prefixes

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus-regeringen-full"
CHANGE = re.compile(r"^#\s*(?:(?:Ändring|Tillägg|Förlängning|Komplettering|Utvidgning|Utökning)\s+(?:av|till)\s+"
                    r"(?:beslut(?:et)?\s+om\s+)?(?:förlängd\s+tid\s+för\s+)?(?:[\w.]+\s+)?uppdrag|Tilläggsuppdrag)", re.I)
LINKS = sparql_prefixes(["sg", "cito"]) + """
SELECT ?from ?to ?rel ?confidence WHERE {
  ?c cito:hasCitingEntity ?from ; cito:hasCitedEntity ?to ; cito:hasCitationCharacterization ?rel .
  OPTIONAL { ?c sg:confidence ?confidence }
}"""


def stem(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def directive_files(folder: Path) -> dict[str, str]:
    """Directive number ("2012:118") -> the file named after it."""
    out = {}
    for f in sorted(folder.glob("*.md")):
        m = re.search(r"dir1?\.-?(\d{4})(\d+)", f.name)
        if m and "tillagg" not in f.name:
            out.setdefault(f"{m[1]}:{int(m[2])}", f.name)
    return out


def chain(folder: Path, name: str, numbers: dict[str, str]) -> list[str]:
    """The directive `name` and, where it is itself a tilläggsdirektiv, the directives it extends:
    a link to any of them is a link to the inquiry's directive."""
    out = [name]
    while True:
        text = (folder / out[-1]).read_text(encoding="utf-8")
        cited = re.search(r"\b[Dd]ir\.\s*(\d{4}):(\d+)", text)
        earlier = numbers.get(f"{cited[1]}:{int(cited[2])}") if cited else None
        if not re.match(r"#\s*Tilläggsdirektiv", text) and not re.search(r"tilläggsdirektiv", text[:600], re.I) \
                or not earlier or earlier in out:
            return out
        out.append(earlier)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--key", type=Path, help="the hand-made key of the assignment changes")
    args = ap.parse_args(argv)
    store = Store(args.store, read_only=True)
    linked = {}
    for row in store.query(LINKS):
        linked[stem(row["from"].value)] = (stem(row["to"].value), row["rel"].value.rsplit("#", 1)[-1],
                                          row["confidence"].value if row["confidence"] else "")
    from styrgraf.iris import doc_id

    # tilläggsdirektiv
    folder = args.corpus / "kommittedirektiv"
    numbers = directive_files(folder)
    total = right = wrong = 0
    misses = []
    for f in sorted(folder.glob("*.md")):
        text = f.read_text(encoding="utf-8")
        if not re.match(r"#\s*Tilläggsdirektiv", text):
            continue
        cited = re.search(r"\b[Dd]ir\.\s*(\d{4}):(\d+)", text)
        original = numbers.get(f"{cited[1]}:{int(cited[2])}") if cited else None
        if not original or original == f.name:
            continue
        total += 1
        got = linked.get(doc_id(f.name))
        if got and got[0] in {doc_id(name) for name in chain(folder, original, numbers)}:
            right += 1
        else:
            wrong += bool(got)
            misses.append(f"  {f.name} -> {original}: " + (f"linked to {got[0]} ({got[2]})" if got else "not linked"))
    print(f"tilläggsdirektiv whose directive is in the folder: {right} of {total} linked to it"
          f" ({right / max(total, 1):.3f}); {wrong} linked to another page")
    print("\n".join(misses))

    # changes of assignments
    key = {}
    if args.key:
        for line in args.key.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                a, b = line.split("\t")
                key[a.strip()] = b.strip()
    folder = args.corpus / "regeringsuppdrag"
    rows, total, right, wrong = [], 0, 0, 0
    for f in sorted(folder.glob("*.md")):
        if not CHANGE.match(f.read_text(encoding="utf-8").split("\n", 1)[0]):
            continue
        got = linked.get(doc_id(f.name))
        want = key.get(f.name)
        if want and want != "-":
            total += 1
            ok = bool(got) and got[0] == doc_id(want)
            right += ok
        else:
            ok = None
        if want and got and not ok:
            wrong += 1
        mark = {True: "ok  ", False: "MISS", None: "    "}[ok]
        rows.append(f"  {mark} {f.name[:70]} -> " + (f"{got[0][:70]} ({got[2]})" if got else "none")
                    + (f"   [key: {want}]" if want and not ok else ""))
    print(f"changes of assignments: {len(rows)} pages" +
          (f"; of the {total} whose original is in the folder, {right} linked to it ({right / max(total, 1):.3f});"
           f" {wrong} links to a page that is not the original" if args.key else ""))
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
