"""Stage: consultations — remisser (who sent what to whom for comment) and samråd.

remiss
  "Kommunstyrelsen har remitterat X till arbetsmarknadsnämnden för yttrande",
  "Kommunstyrelsen har skickat X på remiss, bland annat till …",
  "X har ombetts / getts möjlighet att yttra sig över (remiss av) Y",
  headings and attachments: "Remiss från kommunstyrelsen, dnr KS 2024/1035",
  "Remiss: Förslag till Y, dnr 2018/000070", "Yttrande över remiss av Y",
  "Kontorsyttrande över remiss av Y", "Svar på remiss …", "Remissvar …";
  deadlines: "Remissvaret ska vara KF/KS kansli tillhanda senast 2020-09-30",
  "Remissvaren ska ha kommit in till Xdepartementet senast den 11 december 2015"
  (the department is the organizer), "Sista dag att svara på remissen är den …";
  the government's remiss page: "# Remiss av SOU 2015:58 …" with its
  "Remissinstanser" list (each item a participant).
  In minutes, each § that answers a remiss is one consultation (the § number's
  diarienummer is its diarienummer, the nämnd responds). Elsewhere the whole
  document is one remiss unless it names several subjects.
  A document that answers ("som svar på remissen", "lämna följande yttrande över
  remissen", "Remissvar …") gets `Response(by=…, document="self")`.
samråd
  "i samråd med romska företrädare och berörda nämnder", "ska samråda med
  Konkurrensverket", "efter samråd med …", "Samråd ska ske med …"; the organizer is
  the body acting in the clause (else the assignee of the assignment the text is
  about); counts "bjöds fjorton romska organisationer in, fyra … deltog".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .parties import S, clean, looks_like_agency, parties, register_body, similar, title_case, words
from .context import Ctx
from .dates import find_dates
from .document import SELF_REMITTED
from .identifiers import find_diarienummer
from .model import Consultation, Response
from .numerals import NUMERAL, numeral_value
from .stance import read_stance

# ---------------------------------------------------------------- remiss patterns
# what is sent or answered, to the end of its sentence
_SUBJECT = r"(?P<subj>[^\n]{3,300}?)(?:\.\s|\.$|\n|$)"
# the word before the paper an answer is about: "yttra sig över …", "ett yttrande till X om …"
_OVER = r"(?:över|på|om|gällande|angående)"
ORG_SENDS = re.compile(
    # (also the decision to send it: "Regionstyrelsen beslutade att skicka förslaget till … på remiss till …")
    rf"\b(?P<verb>har{S}+remitterat|remitterade|remitterar|(?:har{S}+skickat|skickade|skickar|har{S}+sänt|sände|sänder)"
    rf"(?:{S}+(?:nu|härmed|ut))*|"
    rf"(?<=att{S})(?:skicka|remittera|sända)(?={S}[^\n.]{{3,300}}?{S}på{S}+remiss\b))"
    rf"{S}+(?:(?:ärendet|förslag(?:et)?{S}+till|förslaget|remissen|betänkandet|promemorian|rapporten){S}+)?"
    rf"(?P<subj>[^\n]{{3,300}}?)"
    rf"(?:(?:{S}+på{S}+remiss)?(?:,?{S}+(?:bland{S}+annat|bl\.{S}?a\.|bland{S}+andra))?{S}+till{S}+(?P<to>[^\n.;]{{3,200}}?)"
    rf"(?:{S}+för{S}+(?:yttrande|synpunkter|kännedom|beredning|svar)|[.;]|$)|{S}+på{S}+remiss\b|[.;]|$)")
GOV_SENDS = re.compile(rf"\b(?:[Rr]egeringen|departementet)\s+(?:har\s+)?remitterat\s+{_SUBJECT}")
REL_SENT = re.compile(
    rf"(?P<subj>[^\n.]{{3,200}}?){S}+som{S}+(?:har|hade|nu){S}+(?:skickats{S}+ut|sänts{S}+ut|skickats|sänts|remitterats|gått{S}+ut)"
    rf"(?:{S}+på{S}+remiss)?")
GOT_REMISS = re.compile(
    rf"(?P<who>[^\n.]{{2,120}}?){S}+(?:har|hade){S}+(?:fått|erhållit|mottagit){S}+(?P<subj>[^\n.]{{3,200}}?){S}+(?:på|för){S}+"
    rf"remiss(?:{S}+från{S}+(?P<org>[^\n.,]{{3,80}}?))?(?=[.,;]|{S}+(?:och|med|för)\b|$)")
SENT_OUT = re.compile(
    rf"(?P<subj>[^\n.]{{3,200}}?){S}+(?:har|hade){S}+(?:skickats{S}+ut|sänts{S}+ut|skickats|remitterats|gått{S}+ut)"
    rf"{S}+(?:på{S}+remiss)(?:{S}+till{S}+(?P<to>[^\n.;]{{3,200}}))?")
ASKED = re.compile(
    rf"(?P<who>[^\n.]{{2,160}}?){S}+(?:har|hade){S}+(?:ombetts|anmodats|beretts{S}+möjlighet|getts{S}+möjlighet|"
    rf"fått{S}+möjlighet|givits{S}+möjlighet|(?:beretts|getts|fått|givits){S}+tillfälle|inbjudits|bjudits{S}+in|fått{S}+(?:en{S}+)?remiss){S}+(?:att{S}+)?"
    rf"(?:(?:yttra{S}+sig|lämna{S}+synpunkter|svara|inkomma{S}+med{S}+(?:synpunkter|yttrande)){S}+{_OVER}{S}+)?{_SUBJECT}")
# an answer told with whom it went to: "Regionstyrelsen lämnade ett yttrande till Trafikverket över remissen Nationell plan …"
GAVE_ANSWER = re.compile(
    rf"(?P<who>[^\n.]{{2,120}}?){S}+(?:lämnade|lämnar|har{S}+lämnat|avgav|avger|har{S}+avgett|har{S}+avgivit){S}+(?:ett{S}+)?"
    rf"(?:yttrande|remissvar|remissyttrande){S}+till{S}+(?P<org>[^\n.,]{{3,80}}?){S}+{_OVER}{S}+(?:remissen{S}+)?{_SUBJECT}")
ANSWERED_PAPER = r"(?:departements)?promemorian|(?:slut|del)?betänkandet"
ANSWERS_PAPER_LOW = re.compile(rf"^[#\s]*yttrande (?:till [^\n]{{2,80}} )?över (?:{ANSWERED_PAPER})\b", re.M)   # in lower case
# a heading that answers a remiss: "Yttrande över remiss från …", "Remissvar: …"; also one that names the paper it answers
# and whom to, without the word "remiss": "Yttrande till Socialdepartementet över promemorian Ett stärkt skydd för barn"
HEADING = re.compile(
    rf"(?:#+{S}*)?(?:\d+\.{S}+)?(?:(?P<yt>(?:Kontors|Nämnd|Remiss)?[Yy]ttrande(?:{S}+till{S}+(?P<to>[A-ZÅÄÖ][^\n]{{2,80}}?))?{S}+"
    rf"(?:över|om|angående|avseende|gällande){S}+)|"
    rf"Svar{S}+på{S}+|(?P<rv>Remissvar){S}*(?:(?:över|på|om|avseende|angående|gällande|-|–|:){S}*)?)?"
    # ("Remissvar: Ett starkare skydd för … (SOU 2021:97)": the answer's heading names the paper itself)
    rf"(?P<kw>[Rr]emiss(?:en|möte)?|(?(yt)(?:{ANSWERED_PAPER})|(?!))|(?(rv)(?=[A-ZÅÄÖ])|(?!)))(?![a-zåäö])(?P<rest>[^\n]{{0,300}})$")
FROM = re.compile(rf"{S}*från{S}+(?P<org>[^,:\n]{{3,80}}?)(?=,|:|$|{S}+(?:(?:om|av|gällande|angående|avseende)\b|\())")
DEADLINE = re.compile(
    rf"(?:[Rr]emiss(?:svar|svaren|svaret|tiden|yttrandet|yttranden)|[Ss]var(?:et|en)?|[Yy]ttrandet|[Ss]ynpunkter(?:na)?{S}+ska"
    rf"|[Ss]ista{S}+dag{S}+att{S}+svara"
    rf"|\bför{S}+yttrande|\byttra{S}+sig)"                # "… remitterat förslaget till miljönämnden för yttrande senast den …"
    rf"[^.\n]{{0,160}}?(?:senast|är|gick{S}+ut|går{S}+ut|löper{S}+ut|den){S}+(?:[a-zåäö]+dagen{S}+)?(?:den{S}+)?"
    rf"(?P<date>(?:19|20)\d\d-\d\d-\d\d|\d{{1,2}}{S}+[a-zåäö]+\.?(?:{S}+(?:19|20)\d\d)?)")
# "Finansdepartementet skickar nu förslaget på remiss till den 11 januari 2021": the remiss runs until that day
REMISS_UNTIL = re.compile(rf"\bpå{S}+remiss{S}+(?:till{S}+och{S}+med|till|t\.{S}?o\.{S}?m\.){S}+(?:den{S}+)?"
                          rf"(?P<date>(?:19|20)\d\d-\d\d-\d\d|\d{{1,2}}{S}+[a-zåäö]+{S}+(?:19|20)\d\d)")
RECIPIENT = re.compile(rf"(?:kommit{S}+in|inkommit|inkomna|kommit|lämnas|skickas|sändas|vara){S}+till{S}+(?P<to>[^\n.,]{{3,80}}?)"
                       rf"{S}+(?:senast|tillhanda|i{S}+elektronisk|via|per)")
INVITES = re.compile(rf"(?P<org>[A-ZÅÄÖ][\wåäö-]*departementet){S}+bjuder{S}+in")
ANSWERS = re.compile(
    rf"(?:som{S}+(?:sitt{S}+)?(?:svar|yttrande){S}+(?:på|över){S}+remissen|som{S}+(?:sitt|[\wåäö]+s){S}+(?:svar|yttrande)\b|lämna{S}+följande{S}+yttrande{S}+över{S}+"
    rf"remissen|lämnar{S}+(?:härmed{S}+)?följande{S}+(?:synpunkter|yttrande|remissvar)|svarar{S}+(?:på{S}+remissen{S}+)?med{S}+ett{S}+(?:kontors)?yttrande|som{S}+svar{S}+på{S}+remiss|"
    rf"^(?:#+{S}*)?(?:Remissvar(?=\s|:|$)|Kontorsyttrande|Yttrande{S}+över{S}+remiss|Svar{S}+på{S}+remiss))", re.M)
LIST_HEAD = re.compile(r"(?m)^[#*\s]*Remissinstanser(?:na)?\s*:?\**\s*$")
# whom an answer goes to, where the remiss came from: "lämna yttrandet som kommunens svar till Västra Götalandsregionen"
ANSWER_TO = re.compile(rf"\blämna(?:r|de|t|s)?{S}+(?:yttrandet|remissvaret|svaret){S}+(?:som{S}+[\wåäö]+{S}+(?:svar|yttrande){S}+)?"
                       rf"till{S}+(?P<org>[A-ZÅÄÖ][^\n.,;]{{2,80}}?)(?=[.,;]|{S}+(?:senast|den|över|om)\b|$)")
# the instances named in a sentence: "Remissinstanser är bland andra Länsstyrelsen, Miljönämnden och …", "Förslaget har
# skickats till följande remissinstanser: …"
LIST_INLINE = re.compile(rf"(?:\b[Rr]emissinstanser(?:na)?{S}+(?:är|var){S}+(?:bland{S}+(?:andra|annat){S}+|bl\.{S}?a\.{S}+)?:?"
                         rf"|\btill{S}+följande{S}+remissinstanser:?){S}*(?P<to>[^\n.;]{{3,600}})")
SECTION = re.compile(r"(?m)^§\s*(?P<n>\d{1,3})\b[^\n]*$")
SUBJECT_LEAD = re.compile(
    rf"^{S}*(?:(?:av|om|gällande|angående|avseende|över|på|från)\b:?{S}*|:{S}*|[-–]{S}*|ärendet{S}+|remiss(?:en)?{S}+(?:av|om|gällande|angående|avseende){S}+|"
    rf"(?:förslag(?:et)?{S}+till|förslaget){S}+(?:(?:nytt?|reviderad|reviderat){S}+)?|"
    rf"(?:promemorian?|(?:slut|del)?betänkandet|utkast(?:et)?{S}+till|rapporten|utredningen){S}+)+", re.I)
SUBJECT_TAIL = re.compile(
    rf"(?:,?{S}*\(?\b(?:dnr|diarienummer)\b[^\n]*|,{S}+av{S}+[A-ZÅÄÖ][^\n]*|{S}+till{S}+[a-zåäö]+nämnden[^\n]*|"
    rf"\.+$|{S}+\(\w+{S}+\d{{4}}[^)]*\)$|{S}*\((?:KS|KF|[A-ZÅÄÖ]{{2,5}}){S}?\d{{4}}[^)]*\)$)")
GENERIC_SUBJECTS = {"remissen", "ärendet", "förslag", "förslaget", "ny strategi", "strategin", "remiss", "detta", "denna",
                    "följande", "yttrande", "svar", "betänkandet", "promemorian", "rapporten", "utredningen",
                    "förslagen", "underlaget", "handlingarna", "materialet", "dokumentet"}


def extract(ctx: Ctx) -> None:
    text = ctx.text
    low = text.lower()
    out: list[Consultation] = []
    if _speaks_of_remiss(low):
        out += _remisses(ctx)
    if "samråd" in low or "dialog med" in low or "samtalar" in low or SOUGHT.search(text):
        out += _samrad(ctx)
    ctx.out.consultations.extend(out)


# ====================================================================== remiss

class Hit:
    def __init__(self, span: tuple[int, int]):
        self.span = span
        self.organizer: str | None = None
        self.participants: list[str] = []
        self.subject: str | None = None
        self.subject_strength = 0            # 2: named as the remiss' object, 1: a heading's words
        self.deadline: str | None = None
        self.dnr: list[str] = []
        self.answer = False
        self.responders: list[str] = []
        self.linked_answers: list[str] = []
        self.listed: int | None = None       # how many a printed list of remissinstanser names


def _sections(ctx: Ctx) -> list[tuple[int, int, bool]]:
    """(start, end, is_minutes_section): the §§ of minutes, else the whole document."""
    text = ctx.text
    marks = list(SECTION.finditer(text))
    if len(marks) >= 2:
        out = [(0, marks[0].start(), False)]
        for m, n in zip(marks, marks[1:] + [None]):
            out.append((m.start(), n.start() if n else len(text), True))
        return out
    return [(0, len(text), False)]


def _speaks_of_remiss(low: str) -> bool:
    """A text (lower case) that may tell of a remiss: one that says so, or a heading that answers a paper without saying
    "remiss" ("Yttrande till Socialdepartementet över promemorian …")."""
    return "remiss" in low or "remitter" in low or bool(ANSWERS_PAPER_LOW.search(low))


def _remisses(ctx: Ctx) -> list[Consultation]:
    text = ctx.text
    out: list[Consultation] = []
    for a, b, minutes in _sections(ctx):
        if not _speaks_of_remiss(text[a:b].lower()):
            continue
        hits = _hits(ctx, a, b, minutes)
        if not hits:
            continue
        groups = _group(hits)
        for g in groups:
            c = _build(ctx, g, a, b, minutes)
            if c:
                out.append(c)
    return out


def _subject(ctx: Ctx, s: int, e: int) -> tuple[str | None, int, int]:
    text = ctx.text
    raw = text[s:e]
    m = SUBJECT_LEAD.match(raw)
    if m:
        s += m.end()
        raw = raw[m.end():]
    t = SUBJECT_TAIL.search(raw)
    while t:
        raw = raw[:t.start()]
        t = SUBJECT_TAIL.search(raw)
    cut = re.search(rf"{S}+och{S}+(?:lämnar|har|ska|vill|anser|tillstyrker|avstyrker|önskar|framför)\b", raw)
    if cut:
        raw = raw[:cut.start()]
    subj = clean(raw.strip(" ”\"'»«“"))
    if re.match(r"(?i)(?:rubricera[dt]e?|ovan\s*nämnda?|nämnda|aktuell[at]?|detta|denna|dessa)\b", subj):
        return None, s, e
    subj = subj.strip("”\"'»«“ ")
    if not subj or subj.lower() in GENERIC_SUBJECTS or len(subj) < 4 or len(subj.split()) > 30:
        return None, s, e
    return title_case(subj), s, s + len(raw)


def _hits(ctx: Ctx, a: int, b: int, minutes: bool) -> list[Hit]:
    text = ctx.text
    hits: list[Hit] = []
    sents = [(s0, s1) for s0, s1 in ctx.sentences(a, b)]
    for s0, s1 in sents:
        sentence = text[s0:s1]
        low = sentence.lower()
        if not re.search(r"remiss|remitter|yttra|synpunkter|\ber[t]?\s+(?:dnr|diarienummer|beteckning)|"
                         r"\bsvar(?:et|en)?\b|tillhanda", low):
            continue
        h = Hit((s0, s1))
        got = False
        ls = text.rfind("\n", 0, s0) + 1
        le = text.find("\n", s0)
        le = len(text) if le < 0 else le
        hm = HEADING.match(text, ls, le) if re.fullmatch(r"[\s#]*(?:\d+\.\s*)?", text[ls:s0]) else None
        if hm and (s1 - s0) < 320 and not re.search(rf"{S}(?:har|ska|kan|är|bör){S}", text[s0:hm.start("kw")]):
            rest0 = hm.start("rest")
            fm = FROM.match(text, rest0, s1)
            if hm["to"]:
                h.organizer = _body(ctx, hm.start("to"), hm.end("to"))
            if fm:
                h.organizer = _body(ctx, fm.start("org"), fm.end("org"))
                alias = re.match(r"\s*\([^()\n]{1,12}\)", text[fm.end():s1])     # "från Inspektionen för vård och omsorg (IVO) om …"
                rest0 = fm.end() + (alias.end() if alias else 0)
            subj, _, _ = _subject(ctx, rest0, le)
            if subj and not re.match(r"[a-zåäö]", text[hm.start("rest"):hm.start("rest") + 1]):
                h.subject, h.subject_strength = subj, 1
            # "…, dnr" with the number on the next line
            nxt_line = text[s1:s1 + 60].lstrip("\n").split("\n")[0]
            tail = sentence + " " + (nxt_line if re.search(r"dnr:?\s*$", sentence)
                                     or re.match(r"\s*(?:dnr|diarienummer)\b", nxt_line, re.I) else "")
            h.dnr = [d.notation for d in find_diarienummer(tail)]
            h.answer = bool(re.match(rf"(?:#+{S}*)?(?:\d+\.{S}*)?(?:(?:Kontors|Nämnd|Remiss)?[Yy]ttrande|Svar{S}+på|Remissvar(?=\s|:|$))",
                                     sentence.strip()))
            got = True
        for m in ORG_SENDS.finditer(text, s0, s1):
            org = _organizer_left(ctx, s0, m.start())
            if not org and not re.search(r"remiss|yttrande", m.group(0), re.I):
                continue
            h.organizer = h.organizer or org
            subj_end = m.end("subj")
            if m["to"] and not _recipients_like(ctx, m.start("to"), m.end("to")) \
                    and not re.match(r"(?:den\s+)?\d", m["to"]):      # (not "på remiss till den 12 april")
                subj_end = s1          # "remitterat Förslag till mer ändamålsenliga …": "till" is in the title
            subj, _, _ = _subject(ctx, m.start("subj"), subj_end)
            if subj:
                h.subject, h.subject_strength = subj, 2
            if m["to"] and subj_end != s1:
                h.participants += _party_labels(ctx, m.start("to"), m.end("to"))
            got = True
            break
        m = GAVE_ANSWER.search(text, s0, s1)
        if m:
            h.organizer = h.organizer or _body(ctx, m.start("org"), m.end("org"))
            subj, _, _ = _subject(ctx, m.start("subj"), m.end("subj"))
            if subj:
                h.subject, h.subject_strength = subj, 2
            h.answer = True
            h.responders += _party_labels(ctx, m.start("who"), m.end("who"), tail=True)
            got = True
        for m in GOV_SENDS.finditer(text, s0, s1):
            h.organizer = h.organizer or ctx.bodies.resolve("regeringen")
            subj, _, _ = _subject(ctx, m.start("subj"), m.end("subj"))
            if subj and not h.subject:
                h.subject, h.subject_strength = subj, 2
            got = True
        if not got:
            m = REL_SENT.search(text, s0, s1)
            if m:
                lead = list(re.finditer(rf"\b(?:förslag(?:et)?{S}+till|fram{S}+(?:ett|en)|remitterat|skickat|ta{S}+del{S}+av)"
                                        rf"{S}+", m["subj"]))
                start = m.start("subj") + (lead[-1].end() if lead else 0)
                subj, _, _ = _subject(ctx, start, m.end("subj"))
                if subj:
                    h.subject, h.subject_strength = subj, 2
                    got = True
        if not got:
            m = SENT_OUT.search(text, s0, s1)
            if m:
                subj, _, _ = _subject(ctx, m.start("subj"), m.end("subj"))
                if subj and not re.search(r"\b(?:har|som|vilket)\b", subj):
                    h.subject, h.subject_strength = subj, 2
                if m["to"]:
                    h.participants += _party_labels(ctx, m.start("to"), m.end("to"))
                got = True
        m = GOT_REMISS.search(text, s0, s1)
        if m:
            who = _party_labels(ctx, m.start("who"), m.end("who"), tail=True)
            if who:
                h.participants += who
                subj, _, _ = _subject(ctx, m.start("subj"), m.end("subj"))
                if subj and h.subject_strength < 2:
                    h.subject, h.subject_strength = subj, 2
                if m["org"]:
                    h.organizer = h.organizer or _body(ctx, m.start("org"), m.end("org"))
                got = True
        m = ASKED.match(text, s0, s1) or ASKED.search(text, s0, s1)
        if m and re.search(r"remiss|yttra|synpunkter", m.group(0), re.I):
            who = _party_labels(ctx, m.start("who"), m.end("who"), tail=True)
            asked_about, _, _ = _subject(ctx, m.start("subj"), m.end("subj"))
            if not asked_about and re.match(rf"{S}*(?:ärendet|frågan|förslaget{S}+till{S}+beslut)\b", m["subj"]):
                who = []          # "Pensionärsrådet har getts möjlighet att yttra sig över ärendet"
            if who:
                h.participants += who
                # (not the verb itself: "… beretts tillfälle att yttra sig och tillstyrker förslagen")
                subj = None if re.match(rf"(?:yttra{S}+sig|lämna{S}+synpunkter|svara|inkomma)\b", m["subj"]) else \
                    _subject(ctx, m.start("subj"), m.end("subj"))[0]
                if subj and (h.subject_strength < 2):
                    h.subject, h.subject_strength = subj, 2
                got = True
        dm = DEADLINE.search(text, s0, s1) or REMISS_UNTIL.search(text, s0, s1)
        if dm:
            d = _date(ctx, dm.start("date"), dm.end("date"))
            if d:
                h.deadline = d
                got = True
                if ctx.kind == "promemoria" and ctx.out.document.title and not h.subject:
                    # a memorandum that asks for answers by a date is itself on remiss ("Remissvaren ska ha kommit in
                    # till Finansdepartementet senast den 3 augusti 2020"), unless it names another subject
                    h.subject, h.subject_strength = ctx.out.document.title, 1
            rm = RECIPIENT.search(text, s0, s1)
            if rm:
                org = _body(ctx, rm.start("to"), rm.end("to"))
                if org:
                    h.organizer = h.organizer or org
        sm = SELF_REMITTED.search(text, s0, s1) if ctx.kind == "promemoria" else None
        if sm and ctx.out.document.title:
            org = "org" if sm["org"] else "org2"
            h.organizer = h.organizer or _body(ctx, sm.start(org), sm.end(org))
            h.subject, h.subject_strength = ctx.out.document.title, 2
            got = True
        am = ANSWER_TO.search(text, s0, s1)
        if am and (org := _body(ctx, am.start("org"), am.end("org"))) and org != ctx.out.document.author:
            h.organizer = h.organizer or org      # "… att lämna yttrandet som kommunens svar till Västra Götalandsregionen"
            got = True
        lm = LIST_INLINE.search(text, s0, s1)
        if lm:
            h.participants += _party_labels(ctx, lm.start("to"), lm.end("to"))
            got = got or bool(h.participants)
        im = INVITES.search(text, s0, s1)
        if im and "remiss" in low:
            h.organizer = h.organizer or _body(ctx, im.start("org"), im.end("org"))
            got = True
        if ANSWERS.search(text, s0, s1):
            h.answer = True
            h.responders += _responders(ctx, s0, s1)
            if sentence.lstrip()[:1].islower():
                # "1. Stadsdelsnämnden överlämnar förvaltningens" / "tjänsteutlåtande som svar på remissen."
                prev = [x for x in sents if x[1] <= s0]
                if prev:
                    h.responders += _responders(ctx, *prev[-1])
            got = True
        em = re.search(rf"\b(?:[Ee]rt?){S}+(?:dnr|diarienummer|beteckning|referens)\.?:?{S}*", sentence)
        if em:
            h.dnr = [d.notation for d in find_diarienummer(sentence[em.end():])][:1] + h.dnr
            got = got or bool(h.dnr)
        if re.search(r"\bremiss\b|remiss\w*\b.{0,60}\b(?:dnr|diarienummer)", low) and not h.dnr:
            h.dnr = [d.notation for d in find_diarienummer(sentence)
                     if d.registry or re.search(r"dnr|diarienummer", low)]
            if h.dnr:
                got = True
        if got:
            hits.append(h)
    if minutes and hits:
        # the § diarienummer on the line after the § title
        head = text[a:min(b, a + 400)].split("\n")[:4]
        for line in head[1:]:
            ds = find_diarienummer(line)
            if ds:
                hits[0].dnr = hits[0].dnr or [ds[0].notation]
                break
    lst = LIST_HEAD.search(text, a, b)
    if lst:
        h = Hit((lst.start(), lst.end()))
        listed = _instance_list(ctx, lst.end(), b)
        h.participants = listed.bodies
        # "Här kan du ta del av de remissvar som har kommit …": each linked item is an answer
        if re.search(r"remissvar(?:en)?\s+som\s+(?:har\s+)?(?:kommit|inkommit)|remissinstansernas\s+svar", text[a:b], re.I):
            h.linked_answers = listed.answered
        if h.participants:
            h.span = (lst.start(), listed.end)
            # the count printed: "Uppsala universitet (Juridiska fakultetsnämnden)" and "Uppsala universitet (IBF)" are
            # two of the instances invited, though one body
            h.listed = listed.items
            hits.append(h)
    return hits


@dataclass
class InstanceList:
    bodies: list[str]          # each organisation once
    items: int                 # the lines the list prints
    end: int                   # where the list ends
    answered: list[str]        # the organisations whose line links to their answer


def _instance_list(ctx: Ctx, pos: int, end: int) -> InstanceList:
    """The organisations listed under a "Remissinstanser" heading, one a line; and where the list ends."""
    text = ctx.text
    out: list[str] = []
    list_end = pos
    misses = 0
    linked = 0
    answered: list[str] = []
    for lm in re.finditer(r"[^\n]+", text[pos:end]):
        line = lm.group(0)
        s = pos + lm.start()
        stripped = line.strip()
        if not stripped:
            continue
        m = re.match(r"\s*(?:\[\s*)?(?:(?:\d{1,3}|l)[.)]?\s+|[-*•–]\s+)?", line)
        body_start = s + m.end()
        item = text[body_start:s + len(line)]
        if "mailto:" in item or "@" in item:
            break
        link = re.match(r"([^\]]+)\]\([^)]*\)", item) if stripped.startswith("[") else None
        if link:
            item = link.group(1)
            linked += 1
        if stripped.startswith("#") or len(item) > 160:
            break
        item_end = body_start + len(item)
        if re.search(r"[.!?]$", item.strip()) and len(item.split()) > 6:
            misses += 1
            if misses > 1 or out:
                break
            continue
        # "Svea hovrätt, Mark- och miljööverdomstolen": the court; "Riksdagens ombudsmän, JO": the ombudsmen
        cm = re.search(r",\s", item)
        if cm and (re.match(r"(?i)(?:mark- och|patent- och|[\wåäö]*domstolen|[\wåäö]*nämnden|[\wåäö]*fakulteten|"
                            r"institutionen|avdelningen|enheten|sektionen|[A-ZÅÄÖ]{2,6}$)", item[cm.end():])):
            item_end = body_start + cm.start()
        name = clean(text[body_start:item_end])
        pm = re.search(r"\s*\(([^()]*)\)\s*$", name)
        core_end = item_end
        if pm:
            core_end = body_start + text[body_start:item_end].rfind("(")
        if not name or len(name) < 3:
            continue
        ps = parties(ctx, body_start, core_end, register="any") if "," not in text[body_start:core_end] else []
        label = ps[0].label if len(ps) == 1 and ps[0].label else None
        if label is None:
            label = register_body(ctx, clean(text[body_start:core_end]), body_start, core_end) \
                if clean(text[body_start:core_end])[:1].isupper() else None
        out.append(label or clean(text[body_start:core_end]))
        if link and label:
            answered.append(label)
        list_end = s + len(line)
        if len(out) > 400:
            break
    return InstanceList(list(dict.fromkeys(x for x in out if x)), len(out), list_end, list(dict.fromkeys(answered)))


def _body(ctx: Ctx, s: int, e: int) -> str | None:
    ms = ctx.bodies.mentions_in(s, e)
    if ms:
        return ms[0].label
    name = clean(ctx.text[s:e])
    got = ctx.bodies.resolve(name)
    if got:
        return got
    m = re.search(r"\b([A-ZÅÄÖ][\wåäö\u00ad-]*departementet)\b", ctx.text[s:e])
    if m:
        return register_body(ctx, m.group(1), s + m.start(1), s + m.end(1), kind="departement")
    return None


def _party_labels(ctx: Ctx, s: int, e: int, tail: bool = False) -> list[str]:
    """Bodies or group phrases in text[s:e]; with tail, only the names at the end (the clause subject)."""
    text = ctx.text
    if tail:
        cut = s
        for m in re.finditer(rf"(?:,|\b(?:att|som|där|och{S}+att|när|eftersom|då)\b)", text[s:e]):
            cut = s + m.end()
        s = cut
    ps = parties(ctx, s, e, register="agency")
    out = []
    for p in ps:
        if p.label:
            out.append(p.label)
        elif len(p.text.split()) <= 6 and not re.search(r"\d", p.text) and _groupish(p.text):
            out.append(p.text)
    return out


GROUP_NOUN = re.compile(r"(?:nämnd|nämnder(?:na)?|styrelse[nr]?|förvaltning(?:ar|arna)?|instans(?:er|erna)?|myndighet(?:er|erna)?|"
                        r"kommun(?:er|erna)?|region(?:er|erna)?|organisation(?:er|erna)?|bolag(?:en)?|råd(?:et|en)?|"
                        r"företrädare|föreningar(?:na)?|aktörer(?:na)?|parter(?:na)?|representanter|sakkunniga|"
                        r"minoritete(?:r|rna)|verksamhete(?:r|rna)|huvudmän(?:nen)?|lärosäten(?:a)?|[a-zåäö]+(?:are|erna|arna))$")


def _groupish(text: str) -> bool:
    """A group of organisations or people written in lower case ("alla stadsdelsnämnder", "romska företrädare")."""
    words = text.split()
    return bool(words) and words[0].lower() not in {"inte", "som", "och", "att", "för", "den", "det", "de", "en", "ett"} \
        and bool(GROUP_NOUN.search(words[-1].lower()) or GROUP_NOUN.search(words[0].lower())
                 or re.search(r"minoritet(?:en|erna)?$", words[-1].lower()))


def _recipients_like(ctx: Ctx, s: int, e: int) -> bool:
    if ctx.bodies.mentions_in(s, e):
        return True
    first = re.split(r",|\s+(?:och|samt)\s+", ctx.text[s:e])[0]
    return _groupish(clean(first)) or looks_like_agency(clean(first))


def _organizer_left(ctx: Ctx, s0: int, at: int) -> str | None:
    ms = [m for m in ctx.bodies.mentions_in(s0, at) if at - m.end < 30]
    # ("Regionstyrelsen beslutade att skicka …": the body that decided to send it)
    if ms and re.fullmatch(rf"s?{S}*(?:har|hade|även|också|nu|(?:har{S}+)?(?:beslutade|beslutat|beslutar|beslöt){S}+att)?{S}*",
                           ctx.text[ms[-1].end:at]):
        return ms[-1].label
    return None


def _date(ctx: Ctx, s: int, e: int) -> str | None:
    for d in find_dates(ctx.text[s:e], ctx.year):
        if d.has_year:
            return d.iso
    return None


def _responders(ctx: Ctx, s0: int, s1: int) -> list[str]:
    """Who answers in a sentence such as "Arbetsmarknadsnämnden beslutar att hänvisa till förvaltningens
    tjänsteutlåtande som svar på remissen" or "arbetsmarknadsförvaltningen svarar med ett kontorsyttrande"."""
    text = ctx.text
    out = []
    sm = re.match(rf"{S}*(?:\d+\.{S}*)?(?P<w>[A-ZÅÄÖ][\wåäö-]+){S}+(?:beslutar|beslutade|överlämnar|föreslås|hänvisar|"
                  rf"lämnar|svarar|antar)\b", text[s0:s1])
    if sm and not ctx.bodies.mentions_in(s0 + sm.start("w"), s0 + sm.end("w")):
        got = ctx.bodies.resolve(sm["w"])
        if got:
            out.append(got)
    for m in ctx.bodies.mentions_in(s0, s1):
        after = text[m.end:m.end + 40]
        if re.match(rf"s?{S}+(?:beslut\w*|föreslås|föreslår|svarar|lämnar|överlämnar|hänvisar|antar|godkänner|"
                    rf"har{S}+(?:beslutat|lämnat|svarat))\b", after) or re.match(r"s\s+beslut\b", after):
            out.append(m.label)
    return out


def _group(hits: list[Hit]) -> list[list[Hit]]:
    """Hits about the same remiss together: a different subject starts a new one."""
    groups: list[list[Hit]] = []
    for h in hits:
        target = None
        last = groups[-1] if groups else None
        # the sentence under a heading names what the heading's words only describe ("Yttrande över remiss om
        # kollektivtrafik ⏎ Regionstyrelsen lämnade ett yttrande till Trafikverket över remissen Nationell plan …")
        if last is not None and h.subject_strength == 2 and all(x.subject_strength <= 1 for x in last) \
                and 0 <= h.span[0] - last[-1].span[1] < 400:
            last.append(h)
            continue
        for g in groups:
            subjects = [x.subject for x in g if x.subject]
            if not h.subject or not subjects or any(similar(h.subject, s, 0.6) for s in subjects) \
                    or (set(h.dnr) & {d for x in g for d in x.dnr}):
                target = g
                break
        if target is None:
            groups.append([h])
        else:
            target.append(h)
    # a group with only a subject-less deadline or answer joins the first
    if len(groups) > 1:
        keep = [g for g in groups if any(x.subject or x.participants for x in g)]
        if keep and len(keep) < len(groups):
            for g in groups:
                if g not in keep:
                    keep[0].extend(g)
            groups = keep
    return groups


def _core(subject: str) -> str:
    s = subject.lower()
    s = re.sub(r"^(?:[a-zåäö]+s\s+(?:stads|kommuns|läns)\s+|stadens\s+|kommunens\s+|regionens\s+)", "", s)
    s = re.sub(r"\s*\([^)]*\)\s*$", "", s)
    return s.strip()


def _canonical_subject(ctx: Ctx, g: list[Hit]) -> str | None:
    cands = [(h.subject, h.subject_strength) for h in g if h.subject]
    if not cands:
        return None
    # the title the policies stage gave the same document
    for subj, _ in cands:
        for p in ctx.out.policies:
            if _core(p.title) == _core(subj) or _same_title(p.title, subj):
                return p.title
    low = ctx.text.lower()

    cores = {_core(s) for s, _ in cands}

    def support(item):
        subj, strength = item
        core = _core(subj)
        n = low.count(core) if len(core) > 6 else 0
        # "avfallsplan" inside "avfallsplan för Göteborgs stad": only the occurrences of its own count
        n -= sum(low.count(o) for o in cores if o != core and core in o)
        contains = any(o != core and o in core for o in cores)
        return (n, contains, strength, -len(subj))
    return max(cands, key=support)[0]


def _same_title(a: str, b: str) -> bool:
    """Near-equal titles: most words of each are in the other."""
    wa, wb = words(_core(a)), words(_core(b))
    return bool(wa and wb) and len(wa & wb) / max(len(wa), len(wb)) >= 0.8


def answered_any(g: list[Hit]) -> bool:
    return any(h.answer for h in g)


def _build(ctx: Ctx, g: list[Hit], a: int, b: int, minutes: bool) -> Consultation | None:
    text = ctx.text
    c = Consultation(kind="remiss")
    c.subject = _canonical_subject(ctx, g)
    for h in g:
        c.organizer = c.organizer or h.organizer
        c.participants += [p for p in h.participants if p not in c.participants]
        c.deadline = c.deadline or h.deadline
        c.diarienummer += [d for d in h.dnr if d not in c.diarienummer]
        c.invited_count = c.invited_count or h.listed
        c.evidence.append(ctx.span(*h.span))
    if not (c.subject or c.participants or c.deadline or c.diarienummer):
        return None
    own = ctx.bodies.own.get("nämnden") or (ctx.out.meetings[0].body if ctx.out.meetings else None)
    if not c.participants and minutes and own:
        c.participants.append(own)
    addressee = ctx.out.document.addressee
    answers = answered_any(g) or ctx.kind == "remissvar"     # (a remissvar answers the remiss it is about)
    if not c.organizer and answers and addressee and addressee not in c.participants and not minutes \
            and ctx.kind not in ("tjänsteutlåtande", "kontorsyttrande"):
        c.organizer = addressee      # a remissvar is addressed to whoever sent the remiss (a tjänsteutlåtande to
                                     # the board that decides the answer)
    if not c.organizer:
        title = text[:300]
        if re.search(r"(?m)^#\s*Remiss", title) or GOV_SENDS.search(text[a:b]):
            c.organizer = ctx.bodies.resolve("regeringen")
    for h in g:
        for by in h.linked_answers:
            c.responses.append(Response(by=by, document=None))
    if answers:
        responders: list[str] = []
        for h in g:
            responders += [r for r in h.responders if r not in responders]
        if minutes:
            if not responders:
                responders = [p for p in c.participants if ctx.bodies.get(p)] or ([own] if own else [])
            stated = read_stance(ctx, a, b, set(responders))
            for r in responders:
                c.responses.append(_with_stance(ctx, Response(by=r, document="förvaltningens tjänsteutlåtande"), stated))
        else:
            author = ctx.out.document.author
            if author and author not in responders:
                responders.insert(0, author)
            if not responders:
                responders = [p for p in c.participants if ctx.bodies.get(p)]
            if not any(ctx.bodies.get(r) and ctx.bodies.bodies[r].kind == "förvaltning" for r in responders):
                # a tjänsteutlåtande or kontorsyttrande is written by the förvaltning serving the nämnd
                for p in responders + c.participants:
                    body = ctx.bodies.get(p)
                    if body is None or body.kind != "nämnd":
                        continue
                    served = [x.label for x in ctx.bodies.all() if x.serves == body.label]
                    if served:
                        responders.append(served[0])
                        break
            responders = list(dict.fromkeys(responders))
            stated = read_stance(ctx, a, b, set(responders))
            for r in responders:
                c.responses.append(_with_stance(ctx, Response(by=r, document="self"), stated))
    c.evidence = sorted(set(c.evidence))
    return c


def _with_stance(ctx: Ctx, r: Response, stated) -> Response:
    if stated is not None:
        r.stance, r.stance_evidence = stated.stance, ctx.span(stated.start, stated.end)
    return r


# ====================================================================== samråd

# "ska inhämta synpunkter från Folkhälsomyndigheten", "inhämta synpunkter och upplysningar från länsstyrelserna": views
# sought from named bodies are a samråd too, and so is work done "i nära dialog med" named bodies
_VIEWS = r"(?:synpunkter|information|kunskap(?:er)?|underlag|erfarenhet(?:er)?|upplysningar)"
_ASK_VIEWS = rf"inhämta(?:r|t|de)?{S}+{_VIEWS}(?:{S}+(?:och|samt){S}+{_VIEWS})?{S}+från"
# "… ska ges möjlighet att lämna synpunkter": views offered to be given
_OFFER_VIEWS = rf"(?:ges|få|beredas){S}+(?:möjlighet|tillfälle){S}+att{S}+"
SAMRAD = re.compile(
    rf"\b(?:i{S}+(?:nära{S}+)?samråd{S}+med|i{S}+(?:nära{S}+|löpande{S}+|bred{S}+)?dialog{S}+med|(?:ska|skall|bör|har|hade|behöver|kommer{S}+att|att)?{S}*(?:samråda|samrått|samrådde|samråder|samtalar(?:{S}+även|{S}+också)?)"
    rf"{S}+med|efter{S}+samråd{S}+med|[Ss]amråd{S}+(?:ska|skall|bör|har){S}+(?:(?:även|också|dessutom|därefter){S}+)?(?:ske|skett|hållits|genomförts|förts){S}+med|"
    rf"samråd(?:et|en)?{S}+med|{_ASK_VIEWS})\b{S}+(?P<list>[^\n]{{3,400}})")
SOUGHT = re.compile(rf"\b{_ASK_VIEWS}\b|{S}{_OFFER_VIEWS}(?:lämna{S}+synpunkter|yttra{S}+sig)")
# "Berörda ideella organisationer samt Länsstyrelsen i Jönköpings län ska ges möjlighet att lämna synpunkter"
OFFERED = re.compile(rf"^{S}*(?P<list>[^\n.]{{3,300}}?){S}+ska{S}+{_OFFER_VIEWS}"
                     rf"(?:lämna{S}+synpunkter|yttra{S}+sig|komma{S}+med{S}+synpunkter)")
LIST_STOP = re.compile(
    rf"(?:[.;:!?](?:{S}|$)|{S}+i{S}+(?=[a-zåäö])|{S}+som{S}|,?{S}+samt{S}+(?:särskilt|även|också|att)\b|{S}+(?:ta{S}+fram|tagit{S}+fram|för{S}+att|i{S}+syfte|om{S}|kring{S}|när{S}|inför{S}|avseende{S}|"
    rf"angående{S}|rörande{S}|gällande{S}|beträffande{S}|i{S}+(?:fråga|frågor|arbetet|genomförandet|sitt|sin|det|detta){S}|"
    rf"inom{S}|under{S}|vid{S}|samt{S}+att|särskilt{S}+(?:vad|när|i|om|för)|vad{S}+gäller|och{S}+att|och{S}+efter|samt{S}+efter|och{S}+i{S}|innan{S}|ska{S}|skall{S}|har{S}|"
    rf"kunna{S}|genom{S}|utifrån{S}|enligt{S}|utveckla[dt]?{S}|utarbeta[dt]?{S}|genomföra{S}|utse{S}|skapa{S}|"
    rf"(?:[a-zåäö]{{3,}}(?:a|era)){S}+(?:ett|en|de|den|det|dessa|uppdraget|arbetet|förslag|två|tre|om|hur|vilka|"
    rf"vilket|vilken|vad|varför|behovet|möjligheten|möjligheterna|förutsättningarna|konsekvenserna){S})|"
    rf",{S}+(?:som|vilket|vilka|där|såväl|men|samt{S}+att|och{S}+att|för{S}+att|i{S}+syfte)\b|\)?,{S}+[a-zåäö]+(?:a|er){S}+(?:ett|en|de|den|det|två|tre)\b)")
_WHAT = r"(?:(?!\b(?:in|och|bjöds|deltog|varav)\b)[^,.;\n]){1,60}?"
INVITED = re.compile(
    rf"\b(?:bjöds|inbjöds|bjudits|bjuds){S}+in{S}+(?P<n>{NUMERAL}){S}+(?P<what>{_WHAT})(?=[,.;]|{S}+(?:och|men|varav|till)\b|$)"
    rf"|\b(?:bjöds|inbjöds){S}+(?P<n2>{NUMERAL}){S}+(?P<what2>{_WHAT}){S}+in\b"
    rf"|\b(?P<n3>{NUMERAL}){S}+(?P<what3>{_WHAT}){S}+(?:bjöds|hade{S}+bjudits|har{S}+bjudits){S}+in\b"
    rf"|\bbjöd(?:{S}+[\wåäö]+)?{S}+in{S}+(?P<n4>{NUMERAL}){S}+(?P<what4>{_WHAT})(?=[,.;]|{S}+(?:och|till)\b|$)", re.I)
ATTENDED = re.compile(
    rf"\b(?P<n>{NUMERAL}){S}+(?P<what>{_WHAT}){S}+(?:deltog|närvarade|medverkade|deltagit|närvarat)\b"
    rf"|\b(?:deltog|närvarade|medverkade){S}+(?P<n2>{NUMERAL}){S}+(?P<what2>{_WHAT})(?=[,.;]|$)", re.I)
INVITE_TO = re.compile(
    rf"\bbjöd(?:{S}+[\wåäö]+)?{S}+(?P<org>[A-ZÅÄÖ][^\n,.]{{1,60}}?){S}+in{S}+till{S}+(?:(?P<n>{NUMERAL}){S}+)?samråd"
    rf"(?:{S}+med{S}+(?P<list>[^\n.;]{{3,200}}))?")


# a plan a board sends out for consultation, as the planning acts have it: "Samhällsbyggnadsnämnden har skickat förslag till
# detaljplan för Norra hamnen på samråd", "Förslaget till översiktsplan har skickats ut på samråd"; with its time:
# "Samrådstiden pågår till och med den 15 juni 2021"
ON_SAMRAD = re.compile(
    rf"(?:(?P<org>[^.\n]{{2,120}}?){S}+(?:har{S}+|hade{S}+)?(?:skickat|sänt|skickade|sände|ställt|ställde)(?:{S}+ut)?{S}+"
    rf"(?P<subj>[^.\n]{{3,160}}?)|(?P<subj2>[^.\n]{{3,160}}?){S}+(?:har|hade){S}+(?:skickats|sänts|ställts){S}+ut|"
    rf"(?P<subj3>[^.\n]{{3,160}}?){S}+(?:har|hade){S}+(?:skickats|sänts))(?:{S}+ut)?{S}+på{S}+samråd\b")
SAMRAD_TIME = re.compile(rf"\b[Ss]amrådstiden{S}+(?:pågår|pågick|är|var|löper|gäller){S}+(?:[^.\n]{{0,40}}?)"
                         rf"(?:till{S}+och{S}+med|t\.{S}?o\.{S}?m\.|fram{S}+till|till){S}+(?P<date>[^.\n]{{4,30}})")


def _plan_samrad(ctx: Ctx, s0: int, s1: int) -> Consultation | None:
    """ON SAMRÅD: a plan sent out for consultation by the board the sentence names, with the time the text gives."""
    text = ctx.text
    m = ON_SAMRAD.search(text, s0, s1)
    if m is None:
        return None
    g = next(x for x in ("subj", "subj2", "subj3") if m[x])
    subj, _, _ = _subject(ctx, m.start(g), m.end(g))
    org = _body(ctx, m.start("org"), m.end("org")) if m["org"] else None
    if not subj or (m["org"] and not org):
        return None
    c = Consultation(kind="samråd", organizer=org, subject=subj, evidence=[ctx.span(s0, s1)])
    tm = SAMRAD_TIME.search(text, s0, min(len(text), s1 + 400))
    if tm:
        c.deadline = _date(ctx, tm.start("date"), tm.end("date"))
    if ctx.kind in ("remissvar", "yttrande") and ctx.out.document.author and ctx.out.document.author != org:
        c.responses.append(Response(by=ctx.out.document.author, document="self"))     # a samrådsyttrande answers it
    return c


def _samrad(ctx: Ctx) -> list[Consultation]:
    text = ctx.text
    out: list[Consultation] = []
    sents = ctx.sentences()
    last_org: str | None = None
    for s0, s1 in sents:
        sentence = text[s0:s1]
        low = sentence.lower()
        planned = _plan_samrad(ctx, s0, s1) if "på samråd" in low else None
        if planned:
            out.append(planned)
            continue
        if "samr" not in low and "dialog med" not in low and not SOUGHT.search(sentence):
            if last_org and not re.search(r"bjöds|deltog", low):
                continue
        for m in INVITE_TO.finditer(text, s0, s1):
            org = _body(ctx, m.start("org"), m.end("org"))
            parts = []
            if m["list"]:
                parts = _samrad_list(ctx, m.start("list"), m.end("list"))
            c = Consultation(kind="samråd", organizer=org, participants=parts, evidence=[ctx.span(s0, s1)])
            out.append(c)
            last_org = org or last_org
        done = any(INVITE_TO.finditer(text, s0, s1))
        if not done:
            for m in SAMRAD.finditer(text, s0, s1):
                parts = _samrad_list(ctx, m.start("list"), min(s1, m.end("list")))
                if not parts:
                    continue
                org = _organizer_before(ctx, s0, m.start(), sentence)
                c = Consultation(kind="samråd", organizer=org, participants=parts, evidence=[ctx.span(s0, s1)])
                c.subject = _samrad_subject(ctx, s0, s1)
                out.append(c)
                last_org = org or last_org
                break
        for m in OFFERED.finditer(sentence):         # the sentence's subject is who is offered
            parts = _samrad_list(ctx, s0 + m.start("list"), s0 + m.end("list"))
            org = next((a.assignees[0] for a in ctx.out.assignments if a.assignees), None)   # the assignee asks
            if parts and org:
                out.append(Consultation(kind="samråd", organizer=org, participants=parts, evidence=[ctx.span(s0, s1)]))
        im = INVITED.search(text, s0, s1)
        am = ATTENDED.search(text, s0, s1)
        if (im or am) and ("samr" in low or last_org):
            inv = numeral_value(im["n"] or im["n2"] or im["n3"] or im["n4"]) if im else None
            att = numeral_value(am["n"] or am["n2"]) if am else None
            if inv is None and att is None:
                continue
            if "samr" not in low and not re.search(r"\b(?:vid|till)\b.{0,40}(?:tillfälle|möte)", low):
                continue
            what = None
            if im:
                what = clean(im["what"] or im["what2"] or im["what3"] or im["what4"] or "")
            org = _organizer_before(ctx, s0, s1, sentence) or last_org
            c = Consultation(kind="samråd", organizer=org, invited_count=inv, participant_count=att,
                             participants=[what] if what and not re.search(r"\d", what) else [],
                             evidence=[ctx.span(s0, s1)])
            out.append(c)
    return _dedupe(out)


def _samrad_list(ctx: Ctx, s: int, e: int) -> list[str]:
    text = ctx.text
    stop = LIST_STOP.search(text, s, e)
    if stop:
        e = stop.start()
    while e > s and text[e - 1] in " ,)":
        e -= 1
    if e - s < 3:
        return []
    out = []
    for p in parties(ctx, s, e, register="agency"):
        if p.label:
            out.append(p.label)
            continue
        t = re.sub(r"^(?:även|också|bland (?:annat|andra)|däribland|t\.ex\.|exempelvis|med)\s+", "", p.text)
        t = re.sub(r"\s+(?:samt|och|eller)$", "", t)
        if not (1 <= len(t.split()) <= 7) or re.search(r"\d|\b(?:ska|har|är|kan|nyttja|vad gäller)\b|–", t):
            continue
        if t[:1].islower() and not (_groupish(t) or re.search(r"(?:er|or|ar|na|are|ga|ter|ner|ser)$", t)):
            continue
        if t.lower() in {"och", "samt", "eller", "med"}:
            continue
        out.append(t)
    return [x for x in dict.fromkeys(out) if x]


def _organizer_before(ctx: Ctx, s0: int, at: int, sentence: str) -> str | None:
    """The body acting in the clause: the last body named before the cue (not one in a list after "med"),
    else the assignee of the assignment the text is about ("myndigheten", "uppdraget")."""
    text = ctx.text
    cands = []
    for m in ctx.bodies.mentions_in(s0, at):
        kind = ctx.bodies.bodies[m.label].kind
        before = text[max(s0, m.start - 12):m.start]
        if re.search(r"\b(?:med|till|från|av|hos|för|än)\s+$", before):
            continue
        if kind in ("fullmäktige",) and re.match(r"\s+(?:fastslog|beslutade|gav|ger)", text[m.end:m.end + 15]):
            continue
        if kind == "regering" and re.search(r"\b(?:ger|gav|uppdrar|beslutar)\b", text[m.end:at]):
            continue
        cands.append(m.label)
    if cands:
        return cands[-1]
    # the assignment in whose text the sentence stands
    best = None
    for a in ctx.out.assignments:
        starts = [sp.start for sp in a.evidence]
        if a.assignees and starts and min(starts) <= s0:
            if best is None or min(starts) > min(sp.start for sp in best.evidence):
                best = a
    if best is None:
        best = next((a for a in ctx.out.assignments if a.assignees), None)
    if best is not None and re.search(r"\b(?:myndigheten|myndigheterna|uppdraget|uppdragen|[Bb]åda|[Uu]ppdrag)\b|^\s*[Ss]amråd",
                                      sentence + " ") or (best is not None and not ctx.bodies.mentions_in(s0, at)):
        return best.assignees[0] if best and best.assignees else None
    return None


def _samrad_subject(ctx: Ctx, s0: int, s1: int) -> str | None:
    sentence = ctx.text[s0:s1].lower()
    for p in ctx.out.policies:
        if _core(p.title) and _core(p.title) in sentence:
            return p.title
    m = re.search(r"\bta\s+fram\s+(?:en|ett)\s+((?:strategi|handlingsplan|plan|program|policy|riktlinjer|vision)"
                  r"\s+(?:för|mot|om)\s+[a-zåäö ]{3,60}?)(?=\s+i\s+samråd|\s+tillsammans|[.,]|$)", sentence)
    if m:
        return title_case(m.group(1).strip())
    return None


def _dedupe(items: list[Consultation]) -> list[Consultation]:
    out: list[Consultation] = []
    for c in items:
        for o in out:
            if (o.organizer == c.organizer and o.participants == c.participants and o.invited_count is None
                    and c.invited_count is None and o.participant_count is None and c.participant_count is None):
                o.evidence += [e for e in c.evidence if e not in o.evidence]
                o.subject = o.subject or c.subject
                break
        else:
            out.append(c)
    return out
