"""Stage: citations — the earlier decision a document changes or adds to.

A change of a government assignment says so in its title ("Ändring av uppdraget att inrätta …",
"Förlängning av uppdrag till Rikspolisstyrelsen att …", "Tillägg till uppdrag om …",
"Tilläggsuppdrag om …") and names the decision it changes in its text ("Med ändring av
regeringens beslut den 9 maj 2018 om uppdrag att … (dnr N2018/02934/FÖF)", "Regeringen gav den
22 juni 2023 TLV i uppdrag att … (S2023/02105)", "det uppdrag som regeringen gav till Skolverket
den 15 maj 2014 om att …"). A tilläggsdirektiv extends a committee's directive ("Tilläggsdirektiv
till Komvuxutredningen"; "Regeringen beslutade den 29 november 2012 att ge en särskild utredare i
uppdrag att se över … (dir. 2012:118)").

What is read is the citation as written: what the decision was about (one or more subjects), its
day and its diarienummer or directive number. Which stored document it names is decided across
documents, by styrgraf.links, so that the order documents are ingested in does not matter.
"""
from __future__ import annotations

import re

from .context import Ctx
from .dates import MONTHS, parse_date
from .identifiers import NOTATION
from .model import Citation

# the title of a document that changes an earlier decision, and what it says the decision is about
CHANGE_TITLE = re.compile(
    r"^(?:(?P<verb>Ändring|Ändringar|Förlängning|Komplettering|Tillägg|Utvidgning|Utökning)\s+(?:av|till)\s+"
    r"(?:(?:regeringens\s+)?beslut(?:et)?\s+(?:om|avseende)\s+)?(?P<subject>.{8,})"
    r"|(?P<added>Tilläggsuppdrag|Tilläggsdirektiv|Tilläggsdirektiven)\s+(?:till\s+)?(?P<what>.{4,}))$")
# the title of a report on an assignment: "Redovisning av uppdrag att …", "Slutredovisning av
# regeringsuppdraget om …", "Delredovisning av uppdraget till X att …"
REPORT_TITLE = re.compile(
    r"^(?:Slut|Del)?(?:redovisning|rapport|återrapportering)\s+(?:av|för|om|enligt)\s+(?:regeringens\s+)?"
    r"(?P<subject>(?:regerings)?uppdrag(?:et)?\b.{8,})$", re.I)
# what a report's text says it reports on: "Statens skolverk redovisar härmed regeringens uppdrag att …"
REPORTED = re.compile(r"\b(?:slut|del)?redovisa[rs]?\s+(?:härmed\s+)?(?:regeringens\s+)?(?P<subject>(?:regerings)?uppdrag(?:et)?\s+"
                      r"(?:till|åt|att|om|avseende)\s[^.\n]{8,300}?)(?:\s*\((?:dnr\s*)?(?P<dnr>[^()]{5,40})\))?(?:\.(?=\s|$)|$|\n)",
                      re.I)
SUPPLEMENTS = {"Tillägg", "Utvidgning", "Utökning", "Komplettering"}
# a committee directive's number: "dir. 2012:118"
DIR = r"[Dd]ir\.\s*(?:19|20)\d\d:\d{1,3}"


# a decision of the government named in the text by its day, and what it was about
def _day(name: str) -> str:
    """A day written out ("9 maj 2018"), as the group `name`."""
    return rf"(?P<{name}>\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\s+\d{{4}})"



CITED = re.compile(
    r"(?:"
    rf"\bbeslut(?:et)?\s+(?:av\s+)?den\s+{_day('day')}\s*(?:,\s*)?(?:\((?:dnr\s*)?(?P<dnr0>[^()]{{5,40}})\)\s*)?"
    r"(?:(?:om|med|angående|avseende)\s+)?"
    rf"|\b(?:[Rr]egeringen|regeringen)\s+(?:beslutade|gav|uppdrog|uppdrar|tillkallade)\s+(?:genom\s+(?:ett\s+)?beslut\s+)?den\s+{_day('day1')}\s+"
    rf"|\bden\s+{_day('day3')}\s+(?:gav|beslutade|tillkallade|uppdrog)\s+(?:ansvarigt\s+statsråd|chefen\s+för\s+\w+departementet)\s+"
    rf"|\b[\wåäö]*(?:utredare|kommitté|utredning|utredningen|kommissionen|beredningen|delegationen)\s+(?:tillsattes|tillkallades)"
    rf"\s+den\s+{_day('day4')}\s+(?:för\s+att|med\s+uppdrag\s+att|i\s+syfte\s+att)?"
    rf"|\buppdrag\s+som\s+regeringen\s+(?:gav|lämnade|beslutade)\s+(?:till\s+)?[^.()]{{0,120}}?\bden\s+{_day('day2')}\s+"
    # "Enligt de ursprungliga direktiven (dir. 2007:103) ska utredaren …"
    rf"|\bursprungliga\s+direktiv(?:et|en)?\s+\((?P<dnr1>{DIR})\)\s+ska\s+utredaren\s+"
    r")"
    # the subject may hold an act's number, go on over a line break inside its sentence and run on
    # into a list ("… i uppdrag att bl.a. ⏎ * …")
    r"(?P<subject>(?:[^()\n]|\((?:SFS\s*)?\d{4}:\d+\)|\n(?=[*•-]\s|[a-zåäö])){8,400}?)"
    r"\s*(?:\(\s*(?:dnr\.?\s*)?(?P<dnr>(?!(?:SFS\s*)?\d{4}:\d+\))[^()]{5,40})\)|\.(?=\s+(?-i:[A-ZÅÄÖ])|\s*$)|$"
    r"|[,;]\s*\n|\n(?![*•-]\s|[a-zåäö]))", re.I)
# a directive named by its number and its title: "Treklöverutredningen, dir. 2021:93 Ändamålsenlig reglering av …",
# or by its title and day: "Kommittédirektiven Genomförande av EU-direktiv om … beslutades den 17 juni 2021 (dir. 2021:46)"
NAMED_DIRECTIVE = re.compile(
    rf"\b(?P<dnr>{DIR})\s+(?P<subject>(?-i:[A-ZÅÄÖ])[^.\n]{{10,300}})|\b[Kk]ommittédirektiv(?:en|et)?\s+"
    rf"(?P<subject2>(?-i:[A-ZÅÄÖ])[^()\n]{{8,300}}?)\s+beslutades\s+den\s+{_day('day5')}(?:\s*\((?P<dnr2>{DIR})\))?")
DIR_NUMBER = re.compile(rf"\b{DIR}\b")
# what a subject begins with that says nothing of what the decision was about
LEAD = re.compile(r"^(?:om\s+|med\s+|utredningen\s+(?:om\s+)?|att\s+(?:ge|uppdra\s+åt|tillkalla)\s+|(?:ett\s+)?kommittédirektiv(?:\s+om)?\s+)?"
                  r"(?:(?:en\s+(?:särskild\s+)?utredare|en\s+kommitté|utredaren)\s+(?:i|med)\s+uppdrag\s+att\s+)?", re.I)


def _notation(raw: str | None) -> str | None:
    if not raw:
        return None
    n = re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", raw.strip()))
    n = re.sub(r"\s*\((?:delvis)\)$|\s+m\.fl\.?$", "", n)
    return n if NOTATION.match(n) else None


# a committee's code after its name: "Trygghetsberedningen (Ju 2020:09)"
COMMITTEE_CODE = re.compile(r"\s*\((?:[A-ZÅÄÖ][A-Za-zåäö]{0,2})\s+\d{4}:\d+\)\s*$")


def _subject(text: str) -> str:
    text = COMMITTEE_CODE.sub("", re.sub(r"\s+", " ", text).replace("\u00ad", ""))
    return LEAD.sub("", text.strip(" ,.;:"))


def _add(ctx: Ctx, cite: Citation, m: re.Match, subject: str, day: str | None, numbers) -> None:
    """What match `m` says of the decision cited: its subject, day and numbers, and the evidence."""
    cite.subjects.append(subject)
    cite.decided_on = parse_date(day) if day else None
    for raw in numbers:
        n = _notation(raw)
        if n and n.lower() not in {x.lower() for x in cite.diarienummer}:
            cite.diarienummer.append(n)
    cite.evidence.append(ctx.span(m.start(), m.end()))


def extract(ctx: Ctx) -> None:
    meta = ctx.out.document
    title = (meta.title or "").strip()
    if meta.kind == "återrapport":
        _report(ctx, title)
        return
    m = CHANGE_TITLE.match(title)
    if not m or (m["verb"] and not re.search(r"uppdrag|direktiv|beslut", m["subject"], re.I)):
        return
    relation = "supplements" if m["added"] or m["verb"] in SUPPLEMENTS else "amends"
    cite = Citation(relation=relation, subjects=[_subject(m["subject"] or m["what"])])
    start = ctx.text.find(title)
    if start >= 0:
        cite.evidence.append(ctx.span(start, start + len(title)))
    # the first decision the text names by its day: the one the document changes
    for c in CITED.finditer(ctx.text):
        subject = _subject(c["subject"])
        if len(subject.split()) < 2:
            continue
        day = next((c[g] for g in ("day", "day1", "day2", "day3", "day4") if c[g]), None)
        _add(ctx, cite, c, subject, day, (c["dnr0"], c["dnr"], c["dnr1"]))
        break
    else:
        c = NAMED_DIRECTIVE.search(ctx.text)
        if c:
            _add(ctx, cite, c, _subject(c["subject"] or c["subject2"]), c["day5"], (c["dnr"], c["dnr2"]))
    d = DIR_NUMBER.search(ctx.text)
    if d and relation == "supplements":
        n = "Dir. " + d.group().split(".", 1)[1].strip()
        if n.lower() not in {x.lower() for x in cite.diarienummer}:
            cite.diarienummer.append(n)
            cite.evidence.append(ctx.span(*ctx.sentence_at(d.start())))
    ctx.out.citations.append(cite)


def _report(ctx: Ctx, title: str) -> None:
    """A report cites the assignment it reports on (relation "reportsOn")."""
    cite = Citation(relation="reportsOn")
    m = REPORT_TITLE.match(title)
    if m:
        cite.subjects.append(_subject(m["subject"]))
        start = ctx.text.find(title)
        if start >= 0:
            cite.evidence.append(ctx.span(start, start + len(title)))
    r = REPORTED.search(ctx.text)
    if r:
        _add(ctx, cite, r, _subject(r["subject"]), None, (r["dnr"],))
    for ref in ctx.out.document.reports_on:      # the diarienummer of the decision, where the report gives it
        n = _notation(ref)
        if n and n.lower() not in {x.lower() for x in cite.diarienummer}:
            cite.diarienummer.append(n)
    if cite.subjects and cite.evidence:
        ctx.out.citations.append(cite)
