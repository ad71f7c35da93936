"""Stage: citations — the earlier decision a document changes or adds to.

A change of a government assignment says so in its title ("Ändring av uppdraget att inrätta …",
"Förlängning av uppdrag till Rikspolisstyrelsen att …", "Tillägg till uppdrag om …",
"Tilläggsuppdrag om …") and names the decision it changes in its text ("Med ändring av
regeringens beslut den 9 maj 2018 om uppdrag att … (dnr N2018/02934/FÖF)", "Regeringen gav den
22 juni 2023 TLV i uppdrag att … (S2023/02105)", "det uppdrag som regeringen gav till Skolverket
den 15 maj 2014 om att …"), or as the decision a new task is given within ("Regeringen uppdrar åt
Statens skolverk att inom ramen för satsningen Lärarlyftet II (U2011/5531/S) skapa …"). A
tilläggsdirektiv extends a committee's directive ("Tilläggsdirektiv till Komvuxutredningen";
"Regeringen beslutade den 29 november 2012 att ge en särskild utredare i uppdrag att se över …
(dir. 2012:118)").

A committee's report (a betänkande, a Ds or promemoria) reports on the directive of its inquiry, which
it names by number in the sentences that tell what the inquiry was asked to do ("Regeringen beslutade den
29 oktober 2009 att tillkalla en särskild utredare med uppdrag att … (dir. 2009:98)", "Enligt direktiven
(dir. 2010:24) ska utredningen …", "Regeringen har också beslutat om två tilläggsdirektiv till utredningen
(dir. 2012:24 och 2012:113)"); a directive named as another inquiry's ("parallellt med översynen av …
(Dir. 2001:87)", "ge den pågående utredningen … (Dir. 2023:77) i tilläggsdirektiv") or as one that binds
every committee ("kommittédirektiv 1994:23 om regionalpolitiska konsekvenser") is not its own.

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
    rf"|\buppdrag\s+som\s+(?:regeringen\s+(?:gav|lämnade|beslutade)|lämnades)\s+(?:till\s+)?[^.()]{{0,120}}?\bden\s+{_day('day2')}\s+"
    # "Enligt de ursprungliga direktiven (dir. 2007:103) ska utredaren …"
    rf"|\bursprungliga\s+direktiv(?:et|en)?\s+\((?P<dnr1>{DIR})\)\s+ska\s+utredaren\s+"
    r")"
    # the subject may hold an act's number, go on over a line break inside its sentence and run on
    # into a list ("… i uppdrag att bl.a. ⏎ * …")
    r"(?P<subject>(?:[^()\n]|\((?:SFS\s*)?\d{4}:\d+\)|\n(?=[*•-]\s|[a-zåäö])){8,400}?)"
    r"\s*(?:\(\s*(?:dnr\.?\s*)?(?P<dnr>(?!(?:SFS\s*)?\d{4}:\d+\))[^()]{5,40})\)|\.(?=\s+(?-i:[A-ZÅÄÖ])|\s*$)|$"
    r"|[,;]\s*\n|\n(?![*•-]\s|[a-zåäö]))", re.I)
# the report date of the decision cited, as a change restates it: "Enligt kommitténs direktiv skulle uppdraget
# redovisas senast den 31 december 2014", "Uppdragstiden ligger fast. Uppdraget ska alltså redovisas senast den
# 29 februari 2024", "En delredovisning … skulle lämnas senast den 15 februari 2023"
RESTATED = re.compile(
    rf"\b(?:skulle|ska\s+alltså|skall\s+alltså)\s+(?:[^.\n]{{0,80}}?\s)?(?:(?:slut|del)?redovisa[s]?|lämnas)\b"
    rf"[^.\n]{{0,80}}?\bsenast\s+den\s+{_day('due')}")
ORIGINAL_NUMBER = re.compile(r"\b(?:ursprungsbeslutet|(?:det\s+)?ursprungliga\s+beslutet)\s*\((?:dnr\.?\s*)?(?P<dnr>[^()]{5,40})\)")
# a directive named by its number and its title: "Treklöverutredningen, dir. 2021:93 Ändamålsenlig reglering av …",
# or by its title and day: "Kommittédirektiven Genomförande av EU-direktiv om … beslutades den 17 juni 2021 (dir. 2021:46)"
NAMED_DIRECTIVE = re.compile(
    rf"\b(?P<dnr>{DIR})\s+(?P<subject>(?-i:[A-ZÅÄÖ])[^.\n]{{10,300}})|\b[Kk]ommittédirektiv(?:en|et)?\s+"
    rf"(?P<subject2>(?-i:[A-ZÅÄÖ])[^()\n]{{8,300}}?)\s+beslutades\s+den\s+{_day('day5')}(?:\s*\((?P<dnr2>{DIR})\))?")
DIR_NUMBER = re.compile(rf"\b{DIR}\b")
# the earlier decision a new task is given within, named with its diarienummer: "Regeringen uppdrar åt X att inom ramen
# för satsningen Lärarlyftet II (U2011/5531/S) skapa …", "… inom ramen för uppdraget om läsfrämjande insatser (dnr
# Ku2019/01234) …"
FRAMED = re.compile(r"\binom\s+ramen\s+för\s+(?P<subject>(?:den\s+|det\s+)?(?:satsning(?:en)?|(?:regerings)?uppdrag(?:et)?|program(?:met)?|"
                    r"projekt(?:et)?)\s[^()\n.;:]{3,200}?)\s*\(\s*(?:dnr\.?\s*)?(?P<dnr>[^()]{5,40})\)")
# what a subject begins with that says nothing of what the decision was about
# (or the remit told in the past: "att en parlamentariskt sammansatt kommitté skulle utvärdera …")
LEAD = re.compile(r"^(?:om\s+|med\s+|utredningen\s+(?:om\s+)?|att\s+(?:ge|uppdra\s+åt|tillkalla)\s+|(?:ett\s+)?kommittédirektiv(?:\s+om)?\s+)?"
                  r"(?:(?:en\s+(?:särskild\s+)?utredare|en\s+kommitté|utredaren)\s+(?:i|med)\s+uppdrag\s+att\s+"
                  r"|att\s+(?:en|ett)\s+(?:[a-zåäö]+\s+){0,3}?(?:utredare|kommitté|utredning|delegation|beredning|kommission|råd)"
                  r"\s+(?:skulle|ska|skall)\s+)?", re.I)


# a committee directive named by its number, and the numbers listed with it: "(dir. 2009:98)", "Dir.2001:87",
# "dir 2012:13", "kommittédirektiv 2008:127", "tilläggsdirektiv 2023:109", "utredningsdirektiven dir. 2020:16",
# "huvuddirektivet 2012:29", "(dir. 2012:24 och 2012:113)", "(dir. 2015:31, 2015:82 och 2015:141)", "(dir. 2010:10 och dir. 2010:126)"
_DIR_NO = r"(?:19|20)\d\d:\d{1,3}(?!\d)"
DIRECTIVE_REF = re.compile(
    rf"(?:\b[Dd]ir\.?\s*|\b(?:[Kk]ommitté|[Tt]illäggs|[Uu]trednings|[Hh]uvud)direktiv(?:et|en)?\s+(?:dir\.\s*)?)(?P<first>{_DIR_NO})"
    rf"(?P<more>(?:\s*(?:,|och)\s*(?:[Dd]ir\.\s*)?{_DIR_NO})*)")
# a sentence that names a directive as another inquiry's, or as one for every committee: not the report's own
OTHER_INQUIRY = re.compile(
    r"\bparallellt\s+med\b|\bi\s+(?:nära\s+)?samråd\s+med\b|\bsamordn[a-zåäö]*\s+med\b|\bpågående\s+utredning"
    r"|\b(?:en|den|annan|andra)\s+(?:annan\s+|andra\s+)?utredning(?:ar|en)?s?\s+(?:som|med)\b|\bsamtliga\s+(?:kommittéer|särskilda)"
    rf"|(?:[Dd]ir\.?|direktiv(?:et|en)?)\s*{_DIR_NO}\)?\s+om\s+(?-i:[a-zåäö])")
# what a committee's report says of itself: a partial report, or the final one
PARTIAL_TITLE = re.compile(r"\bdel(?:betänkande|redovisning|rapport)\b", re.I)
PARTIAL_SELF = re.compile(r"\b(?:[Dd]etta|[Dd]et här|härmed|överlämnar(?:\s+härmed)?(?:\s+sitt)?)\s+(?:första\s+)?"
                          r"del(?:betänkande|redovisning|rapport)(?:t|en)?\b|^Delbetänkande\s+(?:av|från)\b", re.M)
FINAL_REPORT = re.compile(r"\b[Ss]lut(?:betänkande|redovisning|rapport)\b")
# a sentence that names a day of a decision: "Regeringen beslutade den 24 mars 2011 att …"
DECIDED_DAY = re.compile(rf"\b(?:beslutade|bemyndigade|tillkallade|tillsatte|gav)\b[^.]{{0,40}}?\bden\s+{_day('day')}"
                         rf"|\b[Dd]en\s+{_day('day2')}\s+(?:beslutade|bemyndigade|gav|tillsattes|tillkallades)\b")


def _notation(raw: str | None) -> str | None:
    if not raw:
        return None
    n = re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", raw.strip()))
    n = re.sub(r"\s*\((?:delvis)\)$|\s+m\.fl\.?$", "", n)
    return n if NOTATION.match(n) else None


# a committee's code after its name: "Trygghetsberedningen (Ju 2020:09)"
COMMITTEE_CODE = re.compile(r"\s*\((?:[A-ZÅÄÖ][A-Za-zåäö]{0,2})\s+\d{4}:\d+\)\s*$")


# where a subject goes on to give examples of itself: "… utstationeringslagen, bl.a. när det gäller …"
ELABORATION = re.compile(r",\s+(?:bl\.\s?a\.|bland annat|främst|särskilt|inklusive)\s")


def _subject(text: str) -> str:
    text = COMMITTEE_CODE.sub("", re.sub(r"\s+", " ", text).replace("\u00ad", ""))
    text = LEAD.sub("", text.strip(" ,.;:"))
    # (the decision's own words are those before its examples, which a later page tells in its own words)
    head = ELABORATION.split(text, 1)[0]
    return head if len(head.split()) >= 4 else text


# the body an assignment is given to, as a subject names it: "uppdrag till Arbetsförmedlingen i fråga om …"
ASSIGNED_TO = re.compile(r"\buppdrag(?:et)?\s+(?:till|åt)\s+(?P<body>(?-i:[A-ZÅÄÖ])[^,.;()]{2,80}?)(?=\s+(?:att|om|i fråga|avseende|med|för|inom)\b|[,.;(]|$)", re.I)


def _assignee(ctx: Ctx, subject: str | None) -> str | None:
    m = ASSIGNED_TO.search(subject or "")
    return ctx.bodies.resolve(m["body"]) if m else None


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
    if meta.kind in ("betänkande", "promemoria"):
        _committee_report(ctx, title)
        return
    m = CHANGE_TITLE.match(title)
    if not m or (m["verb"] and not re.search(r"uppdrag|direktiv|beslut", m["subject"], re.I)):
        return
    relation = "supplements" if m["added"] or m["verb"] in SUPPLEMENTS else "amends"
    cite = Citation(relation=relation, subjects=[_subject(m["subject"] or m["what"])])
    start = ctx.text.find(title)
    if start >= 0:
        cite.evidence.append(ctx.span(start, start + len(title)))
    # the first decision the text names by its day: the one the document changes (not one given to
    # another body than the title names: "Ändring av uppdrag till Arbetsförmedlingen …" that tells of
    # a same-day change of "beslut av den 30 augusti 2012 om uppdrag åt Statens skolverk …")
    owner = _assignee(ctx, m["subject"] or m["what"])
    for c in CITED.finditer(ctx.text):
        subject = _subject(c["subject"])
        if len(subject.split()) < 2:
            continue
        other = _assignee(ctx, subject)
        if owner and other and other != owner:
            continue
        day = next((c[g] for g in ("day", "day1", "day2", "day3", "day4") if c[g]), None)
        _add(ctx, cite, c, subject, day, (c["dnr0"], c["dnr"], c["dnr1"]))
        break
    else:
        c = NAMED_DIRECTIVE.search(ctx.text)
        f = FRAMED.search(ctx.text) if not c else None
        if c:
            _add(ctx, cite, c, _subject(c["subject"] or c["subject2"]), c["day5"], (c["dnr"], c["dnr2"]))
        elif f and _notation(f["dnr"]):
            _add(ctx, cite, f, _subject(f["subject"]), None, (f["dnr"],))
    for r in RESTATED.finditer(ctx.text):
        due = parse_date(r["due"])
        if due and due not in cite.restated_due:
            cite.restated_due.append(due)
            cite.evidence.append(ctx.span(*ctx.sentence_at(r.start())))
    # the original decision's number, where the change names it so: "Villkoren i övrigt gäller i enlighet
    # med ursprungsbeslutet (S2023/00678)"
    for o in ORIGINAL_NUMBER.finditer(ctx.text):
        n = _notation(o["dnr"])
        if n and n.lower() not in {x.lower() for x in cite.diarienummer}:
            cite.diarienummer.append(n)
            cite.evidence.append(ctx.span(*ctx.sentence_at(o.start())))
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


def _committee_report(ctx: Ctx, title: str) -> None:
    """A committee's report cites its inquiry's directive(s) by number (relation "reportsOn"); the
    sentence that gives the first one tells what the inquiry was asked to do (its subject) and often
    the day of the decision. Partial where it calls itself a delbetänkande and never a slutbetänkande."""
    text = ctx.text
    cite = Citation(relation="reportsOn")
    for m in DIRECTIVE_REF.finditer(text):
        a, b = ctx.sentence_at(m.start())
        sentence = text[a:b] if b > a else text[max(0, m.start() - 200):m.end()]
        if OTHER_INQUIRY.search(sentence):
            continue
        numbers = [m["first"]] + re.findall(_DIR_NO, m["more"] or "")
        new = [n for n in numbers if f"Dir. {n}".lower() not in {x.lower() for x in cite.diarienummer}]
        if not new:
            continue
        if not cite.diarienummer:           # the first own directive: its remit and its day
            # (the sentence without its numbers: "… genomföras (dir. 2009:98)" → "… genomföras")
            subject = _subject(re.sub(r"\(\s*(?:se\s+[^()]*)?[,;\s]*\)|\s+(?=[,.;])", "", DIRECTIVE_REF.sub("", sentence)))
            # (what the inquiry was asked to do, where the sentence says so: "… med uppdrag att analysera …")
            remit = re.search(r"\b(?:uppdrag(?:et)?|uppgift(?:en)?)\s+att\s+", subject)
            subject = subject[remit.end():] if remit and len(subject[remit.end():].split()) >= 3 else subject
            if len(subject.split()) >= 3:
                cite.subjects.append(subject)
            d = DECIDED_DAY.search(sentence)
            if d:
                cite.decided_on = parse_date(d["day"] or d["day2"])
        cite.diarienummer += [f"Dir. {n}" for n in new]
        cite.evidence.append(ctx.span(a, b) if b > a else ctx.span(m.start(), m.end()))
    if not cite.diarienummer:
        return
    # the remit as the report tells it where its sentence gives no number ("Regeringen beslutade den 22
    # januari 2009 att tillkalla en särskild utredare med uppgift att närmare analysera …"), and the report
    # date the directive set ("Enligt direktivet skulle utredningen redovisa … senast den 30 april 2010")
    c = CITED.search(text, 0, 2000)
    if c:
        subject = _subject(c["subject"])
        remit = re.search(r"\b(?:uppdrag(?:et)?|uppgift(?:en)?)\s+att\s+", subject)
        subject = subject[remit.end():] if remit and len(subject[remit.end():].split()) >= 3 else subject
        if len(subject.split()) >= 3 and subject not in cite.subjects:
            cite.subjects.append(subject)
            day = next((c[g] for g in ("day", "day1", "day2", "day3", "day4") if c[g]), None)
            cite.decided_on = cite.decided_on or (parse_date(day) if day else None)
            cite.evidence.append(ctx.span(c.start(), c.end()))
    for r in RESTATED.finditer(text):
        due = parse_date(r["due"])
        if due and due not in cite.restated_due:
            cite.restated_due.append(due)
    own = title + "\n" + text[:1500]
    # (or names itself as the partial report the inquiry has given: "Utredningen har lämnat delrapporten <its title>")
    named = len(title) > 12 and re.search(r"\bdel(?:rapporten|betänkandet|redovisningen)\s+[\"”»]?" + re.escape(title[:40]), text)
    cite.partial = bool(PARTIAL_TITLE.search(title) or PARTIAL_SELF.search(own) or named) and not FINAL_REPORT.search(title) \
        and not re.search(r"\b(?:[Dd]etta|[Dd]et här|härmed)\s+slutbetänkande", own)
    ctx.out.citations.append(cite)
