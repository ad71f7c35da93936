"""Generalisation over ~980 real regeringen.se pages (../shared/corpus-regeringen).

The whole corpus is extracted once (the full pipeline, every stage) and must
finish well under 60 s. Then:

- of the regeringsuppdrag pages titled "# Uppdrag till X …", >= 95 % yield an
  assignment with a body among its assignees, and in >= 90 % the X of the title
  is one of them;
- of the remiss pages with a "Remissinstanser" list, >= 90 % yield a remiss with
  at least one participant;
- every evidence span of an assignment, consultation or law is a clean slice.

The coverage numbers are printed (run with -s, or see the report on failure).
"""
from __future__ import annotations

import re
import time
import unicodedata

import pytest

from styrgraf.ingest.pipeline import extract_text
from conftest import REGERINGEN

LIST_HEAD = re.compile(r"(?m)^[#*\s]*Remissinstanser(?:na)?\s*:?\**\s*$")

pytestmark = pytest.mark.skipif(not REGERINGEN.exists(), reason="needs ../shared/corpus-regeringen")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).replace("\u00ad", "").lower()
    return " ".join(w[:-1] if len(w) > 5 and w.endswith("s") else w for w in re.findall(r"[\wåäö-]+", s))


@pytest.fixture(scope="module")
def corpus():
    files = sorted(REGERINGEN.glob("*/*.md"))
    t0 = time.perf_counter()
    results = {}
    for f in files:
        raw = f.read_text(encoding="utf-8")
        doc, ex, _ = extract_text(raw, name=f.name, media_type="text/markdown")
        results[f] = (raw, doc, ex)
    return results, time.perf_counter() - t0


def coverage(results):
    c = {"uppdrag_till": 0, "with_body_assignee": 0, "title_assignee": 0, "remiss_lists": 0,
         "remiss_with_participant": 0, "missed_assignee": [], "missed_title": [], "missed_remiss": []}
    for f, (raw, doc, ex) in results.items():
        first = raw.lstrip().split("\n", 1)[0]
        if f.parent.name == "regeringsuppdrag" and first.startswith("# Uppdrag till"):
            c["uppdrag_till"] += 1
            bodies = {b.label: b for b in ex.bodies}
            with_body = [a for a in ex.assignments if any(x in bodies for x in a.assignees)]
            if with_body:
                c["with_body_assignee"] += 1
            else:
                c["missed_assignee"].append(f.name)
            # the title goes on with the assignee's name: "# Uppdrag till <name> att …"
            rest = norm(first[len("# Uppdrag till "):]) + " "

            def names(label):
                b = bodies[label]
                return [norm(label)] + [norm(x) for x in b.alt_labels]
            if any(any(rest.startswith(n + " ") for n in names(x) if n)
                   for a in with_body for x in a.assignees if x in bodies):
                c["title_assignee"] += 1
            else:
                c["missed_title"].append(f.name)
        if f.parent.name == "remisser" and LIST_HEAD.search(doc.text):
            c["remiss_lists"] += 1
            if any(x.kind == "remiss" and x.participants for x in ex.consultations):
                c["remiss_with_participant"] += 1
            else:
                c["missed_remiss"].append(f.name)
    return c


def report(c, seconds, n) -> str:
    return (f"\nregeringen corpus: {n} pages in {seconds:.1f} s\n"
            f"  'Uppdrag till' pages: {c['uppdrag_till']}; with a body assignee {c['with_body_assignee']} "
            f"({c['with_body_assignee'] / c['uppdrag_till']:.1%}); title's assignee found {c['title_assignee']} "
            f"({c['title_assignee'] / c['uppdrag_till']:.1%})\n"
            f"  remiss pages with Remissinstanser: {c['remiss_lists']}; with participants "
            f"{c['remiss_with_participant']} ({c['remiss_with_participant'] / max(1, c['remiss_lists']):.1%})\n"
            f"  missed assignee: {c['missed_assignee']}\n  title assignee not found: {c['missed_title']}\n"
            f"  remiss lists missed: {c['missed_remiss']}")


def test_whole_corpus_is_read(corpus):
    # (how fast is measured in bench/ and eval/extract_all.py, not here: a test checks behaviour)
    results, _ = corpus
    assert len(results) > 900
    assert all(ex.document.kind for _, _, ex in results.values())


def test_uppdrag_till_pages_name_their_assignee(corpus, capsys):
    results, seconds = corpus
    c = coverage(results)
    with capsys.disabled():
        print(report(c, seconds, len(results)))
    assert c["uppdrag_till"] >= 150
    assert c["with_body_assignee"] >= 0.95 * c["uppdrag_till"], report(c, seconds, len(results))
    assert c["title_assignee"] >= 0.90 * c["uppdrag_till"], report(c, seconds, len(results))


def test_remiss_pages_list_their_instances(corpus):
    results, seconds = corpus
    c = coverage(results)
    assert c["remiss_lists"] >= 40
    assert c["remiss_with_participant"] >= 0.90 * c["remiss_lists"], report(c, seconds, len(results))


def test_most_decisions_have_report_deadlines(corpus):
    results, _ = corpus
    pages = [(raw, ex) for f, (raw, doc, ex) in results.items() if f.parent.name == "regeringsuppdrag"
             and re.search(r"senast den \d{1,2} \w+ \d{4}", raw) and re.search(r"redovis", raw)]
    with_due = sum(1 for raw, ex in pages if any(a.report_due for a in ex.assignments))
    assert with_due >= 0.9 * len(pages), (with_due, len(pages))


def test_evidence_is_exact(corpus):
    results, _ = corpus
    for f, (raw, doc, ex) in results.items():
        for fact in [*ex.assignments, *ex.consultations, *ex.laws]:
            assert fact.evidence, (f.name, fact)
            for s in fact.evidence:
                quote = doc.text[s.start:s.end]
                assert quote and quote == quote.strip(), (f.name, fact, s)
        labels = {b.label for b in ex.bodies}
        for a in ex.assignments:
            assert a.kind in ("regeringsuppdrag", "budgetuppdrag") and a.title
            assert all(x in labels for x in a.assignees), (f.name, a.assignees)
        for c in ex.consultations:
            assert c.kind in ("remiss", "samråd")
            assert all(r.by in labels for r in c.responses), (f.name, c.responses)
