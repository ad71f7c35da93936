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
  is not in the folder) the share linked right among those whose original is there; where the key
  gives a third column, the report date the change sets (YYYY-MM-DD, read by hand; '-' where it
  moves none), the share of the changes linked right whose own assignment (the sg:Assignment in
  the change's document graph, as the assignment history reads it) holds that date as its latest
  sg:reportDue, each miss listed with what the store holds, the share of all changes whose original
  is in the folder that are both linked right and hold the date they set (where they set one), and
  the changes that move none whose assignment holds a date all the same;
- committee reports: pages of statens-offentliga-utredningar/ and departementsserien-och-promemorior/
  (where the store holds them) that name a directive by its number ("(dir. 2009:98)", "kommittédirektiv
  2008:127") whose page is in kommittedirektiv/: the share linked (a reportsOn citation) to that directive
  or to the directive it extends, each link listed for a reader to check, with whether the report was
  read as partial (a delbetänkande). Where the numbers a report cites do not lead to its directive's page
  (a page not named after its number, a misprinted number), committee-reports.tsv gives it, read by hand.

    .venv/bin/styrgraf ingest ../shared/corpus-regeringen-full/regeringsuppdrag \\
        ../shared/corpus-regeringen-full/kommittedirektiv \\
        ../shared/corpus-regeringen-full/statens-offentliga-utredningar --store /tmp/links-store --jobs 2
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
SELECT ?from ?to ?rel ?confidence ?partial WHERE {
  ?c cito:hasCitingEntity ?from ; cito:hasCitedEntity ?to ; cito:hasCitationCharacterization ?rel .
  OPTIONAL { ?c sg:confidence ?confidence }
  OPTIONAL { ?c sg:partial ?partial }
}"""
STORED = sparql_prefixes(["sg"]) + "SELECT ?doc WHERE { ?doc a sg:Document }"
# the report dates a change's own assignment holds (its document's graph, as queries/assignment-history.rq
# reads "deadline changed"), for the documents in VALUES
DUES = sparql_prefixes(["sg"]) + """
SELECT ?doc ?due WHERE {
  VALUES ?doc { %s }
  GRAPH ?changing { ?doc a sg:Document . ?changed a sg:Assignment OPTIONAL { ?changed sg:reportDue ?due } }
}"""
# a directive named by its number in a committee's report (the answer key only: the pages each number names)
NAMED = re.compile(r"(?:\b[Dd]ir\.?\s*|\b(?:[Kk]ommitté|[Tt]illäggs|[Uu]trednings|[Hh]uvud)direktiv(?:et|en)?\s+(?:dir\.\s*)?)"
                   r"((?:19|20)\d\d):(\d{1,3})(?!\d)((?:\s*(?:,|och)\s*(?:[Dd]ir\.\s*)?(?:19|20)\d\d:\d{1,3}(?!\d))*)")
REPORT_FOLDERS = ("statens-offentliga-utredningar", "departementsserien-och-promemorior")


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
        cited = re.search(r"\b[Dd]ir\.?\s*(\d{4}):(\d+)", text)     # (also "dir 2016:52")
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
    ap.add_argument("--reports-key", type=Path, default=HERE / "committee-reports.tsv",
                    help="the directive of the reports whose numbers do not lead to its page, found by reading")
    args = ap.parse_args(argv)
    store = Store(args.store, read_only=True)
    linked, iris = {}, {}
    for row in store.query(LINKS):
        iris[stem(row["from"].value)] = row["from"].value
        linked[stem(row["from"].value)] = (stem(row["to"].value), row["rel"].value.rsplit("#", 1)[-1],
                                          row["confidence"].value if row["confidence"] else "",
                                          row["partial"] is not None and row["partial"].value == "true")
    stored = {stem(row["doc"].value) for row in store.query(STORED)}
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
    key, due_key, moves_none = {}, {}, set()
    if args.key:
        for line in args.key.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                a, b, *c = (x.strip() for x in line.split("\t"))
                key[a] = b
                if c and c[0] != "-":
                    due_key[a] = c[0]
                elif c:
                    moves_none.add(a)
    folder = args.corpus / "regeringsuppdrag"
    rows, total, right, wrong = [], 0, 0, 0
    right_links = []
    for f in sorted(folder.glob("*.md")):
        if not CHANGE.match(f.read_text(encoding="utf-8").split("\n", 1)[0]):
            continue
        got = linked.get(doc_id(f.name))
        want = key.get(f.name)
        if want and want != "-":
            total += 1
            ok = bool(got) and got[0] == doc_id(want)
            right += ok
            if ok:
                right_links.append(f.name)
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

    # the report date each change linked right sets, as its own assignment holds it: the latest of its
    # dates (a change may set a delredovisning too, or restate the date it replaces)
    moving = [name for name in right_links if name in due_key]
    still = [name for name in right_links if name in moves_none]
    held = {}
    if moving or still:
        values = " ".join(f"<{iris[doc_id(name)]}>" for name in moving + still)
        for row in store.query(DUES % values):
            dues = held.setdefault(stem(row["doc"].value), set())
            if row["due"] is not None:
                dues.add(row["due"].value)
    def latest(name):
        dates = [d for d in held.get(doc_id(name), ()) if re.fullmatch(r"\d{4}-\d\d-\d\d", d)]
        return max(dates, default=None)
    misses = [name for name in moving if latest(name) != due_key[name]]
    if due_key:
        print(f"amended deadline right: {len(moving) - len(misses)} of {len(moving)} (changes that move one,"
              f" among the {len(right_links)} linked to their original)")
        for name in misses:
            has = ", ".join(sorted(held[doc_id(name)])) or "an assignment without sg:reportDue" \
                if doc_id(name) in held else "no sg:Assignment in its graph"
            print(f"  MISS {name[:70]}   [key: {due_key[name]}; store: {has}]")
        joint = len(right_links) - len(misses)
        print(f"linked to their original and holding the deadline they set (where they set one): {joint} of {total}"
              f" ({joint / max(total, 1):.3f})")
        dated = [name for name in still if held.get(doc_id(name))]
        print(f"changes linked right that move no deadline but whose assignment holds one: {len(dated)} of {len(still)}")
        for name in dated:
            print(f"       {name[:70]}   [store: {', '.join(sorted(held[doc_id(name)]))}]")

    # committee reports
    folder = args.corpus / "kommittedirektiv"
    reports_key = {}
    if args.reports_key and args.reports_key.exists():
        for line in args.reports_key.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                a, b = line.split("\t")
                reports_key[a.strip()] = b.strip()
    rows, total, right, wrong, pages = [], 0, 0, 0, 0
    for name in REPORT_FOLDERS:
        for f in sorted((args.corpus / name).glob("*.md")):
            if doc_id(f.name) not in stored:
                continue
            text = f.read_text(encoding="utf-8")
            cited = []
            for m in NAMED.finditer(text):
                cited.append(f"{m[1]}:{int(m[2])}")
                cited += [f"{y}:{int(n)}" for y, n in re.findall(r"((?:19|20)\d\d):(\d{1,3})", m[3] or "")]
            if not cited:
                continue
            pages += 1
            in_folder = [numbers[n] for n in dict.fromkeys(cited) if n in numbers]
            in_folder = [reports_key[f.name]] if f.name in reports_key else in_folder
            got = linked.get(doc_id(f.name))
            got = got if got and got[1] == "reportsOn" else None
            if not in_folder:
                if got:
                    rows.append(f"  ??   {f.name[:40]} -> {got[0]} ({got[2]}), none of {cited} in the folder")
                continue
            total += 1
            chains = {doc_id(x) for d in in_folder for x in chain(folder, d, numbers)}
            ok = bool(got) and got[0] in chains
            right += ok
            wrong += bool(got) and not ok
            mark = "ok  " if ok else "WRONG" if got else "MISS"
            rows.append(f"  {mark} {f.name[:40]} {'partial' if got and got[3] else 'final  ' if got else '       '} -> "
                        + (f"{got[0]} ({got[2]})" if got else "none") + f"   [cites {', '.join(dict.fromkeys(cited))}]")
    print(f"committee reports naming a directive by number: {pages} pages; of the {total} that name one whose page is in"
          f" the folder, {right} linked to it ({right / max(total, 1):.3f}); {wrong} linked to another page")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
