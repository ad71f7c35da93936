"""Stage: meetings — what the minutes (protokoll) of a meeting record.

A protokoll is recognised by its shape, not by one municipality's template:
numbered paragraphs ("§ 12", "KS § 45", "§ 101.") together with an attendance
block ("Närvarande", "Beslutande", "Närvarande ledamöter") and/or the justering
of the minutes ("Justerare", "fick i uppdrag att justera", "Utses att justera",
"Justeras av") or a "Protokoll"/"Sammanträdesprotokoll" header. A table of
contents ("§ 45 Val av justerare ....... 2") makes no items.

From such a document one `Meeting` is read:

- body: the body holding the meeting — "Organ: Socialnämnden", a header line
  naming it ("Protokoll fört vid sammanträde med Spånga-Tensta stadsdelsnämnd",
  "SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen", "Kommunstyrelsens arbetsutskott"),
  an abbreviation in a running header ("Protokoll AMN 2019-06-18"), "<Body>s
  beslut" headings, "vid <Body>s sammanträde", "<Body> beslutade …". It becomes
  `ctx.bodies.own["nämnden"]` (or "styrelsen", "fullmäktige", "utskottet") so
  later stages resolve the contextual word.
- date: "Sammanträdesdatum", "Protokoll XXX 2019-06-18", "Tid: …", "Plats och
  tid: … onsdagen den 24 mars 2021 …", a date alone on a header line, "fört vid
  sammanträde … den 20 juni 2019". The justering or anslag date is never taken;
  without a date the meeting is stored with date "" and a note.
- attendees: role headings open a group ("Ledamöterna", "Ledamöter:",
  "Tjänstg. ers.", "Tjänstgörande ersättare", "Ersättarna", "Ej tjänstgörande
  ersättare"); "Ordförande"/"Vice ordf." name one person; roles also inline
  ("Anna Berglund (S), ordförande", "Anna Al (S) (ordförande)", "vice
  ordförande Bo Berg (M)", a table row "Karl Nyberg<TAB>C<TAB>ordförande").
  "för X (M)", "ersätter X", "tjg ers för X" give substitute_for. One person is
  listed once, in the serving role. Officials ("Övriga närvarande", "Närvarande
  tjänstemän", "Dessutom närvarande", "Föredragande", "Sekreterare") and
  members with förhinder are not attendees.
- chair and adjusters ("Justerare: …", "Justerare\nNamn\nNamn", "X och Y fick
  i uppdrag att justera", "Till justerare utses X med Y som ersättare" -> X).
- items, one per paragraph: number, title (the heading line(s) after "§ N"),
  diarienummer on the § line or printed under/over the title, decisions (the
  points under "<Body>s beslut"/"Beslut"/"<Body>s förslag till kommunfullmäktige",
  else said in the paragraph's opening text), reservations and statements
  (särskilt uttalande/yttrande, ersättaryttrande) by member or by party group.

Every fact carries evidence spans into the normalised text.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .context import Ctx
from .dates import find_dates
from .document import minutes_title
from .identifiers import find_diarienummer
from .parties import PARTY_IN_BRACKETS, first_names
from .model import AgendaItem, Attendee, Decision, Meeting, Reservation, Span, Statement
from .normalise import CELL_GAP, table_cells

# ---------------------------------------------------------------- persons
_CAP = r"[A-ZÅÄÖÉÜØÆÈ][a-zåäöéèëüáàíóúøæçñ'’]+"
_TOKEN = rf"(?:{_CAP}(?:-(?:{_CAP}|[a-zåäöé]{{2,}}))*|[A-ZÅÄÖ]\.)"
_PARTICLE = r"(?:af|von|van|de|der|da|di|del|la|le|bin|al|el)"
_GAP_TEXT = r"(?:[ \t]+|[ \t]*\n[ \t]*)"      # a name may be broken over a line in running text
_GAP_LINE = r"[ \t]+"


def _name_rx(gap: str) -> str:
    return rf"(?<![\w-]){_TOKEN}(?:{gap}(?:{_PARTICLE}{gap})?{_TOKEN}){{1,4}}(?![\w-])"


_MFL = r"(?:[ \t]*\n?[ \t]*m\.[ \t]?fl\.?)?"
PERSON_TEXT = re.compile(rf"(?P<name>{_name_rx(_GAP_TEXT)}){_MFL}\s*{PARTY_IN_BRACKETS}")
_ROLE_BEFORE_PARTY = r"(?:,?[ \t]+(?P<role>(?:1:e |2:e )?vice ordf(?:örande|\.)|ordf(?:örande|\.)|ledamot|ersättare))?"
PERSON_LINE = re.compile(rf"(?P<name>{_name_rx(_GAP_LINE)}){_MFL}{_ROLE_BEFORE_PARTY}[ \t]*{PARTY_IN_BRACKETS}")
# a table row: "Anna Andersson    S    ordförande", "Anna Andersson, S"
KNOWN_PARTIES = r"(?:S|M|V|C|L|KD|MP|SD|Fi|FP|s|m|v|c|l|kd|mp|sd|fi|fp)"
# (one space apart, as a PDF's text gives a table, where the party ends the row or a column follows: "Karin Åberg S
# Ordförande", "Mikael Berg S ersätter Lisa Nord S")
# (a role may follow the name in its cell: "Anna Svensson, ordförande   S   Tjänstgörande")
PERSON_ROW = re.compile(rf"[ \t]*(?P<name>{_name_rx(_GAP_LINE)})"
                        r"(?:,[ \t]*(?P<role>(?:1:e |2:e )?vice ordf(?:örande|\.)|ordf(?:örande|\.)|ledamot|ersättare))?"
                        rf"(?:[ \t]{{2,}}|\t|,[ \t]*|[ \t](?={KNOWN_PARTIES}(?:[ \t]|$)))"
                        rf"(?P<party>{KNOWN_PARTIES})(?![\wåäö])")
# a presence column that says its member was not there: "Eva Lind   S   Frånvarande"
ABSENT_CELL = re.compile(r"(?:[ \t]{2,}|\t)(?:frånvarande|ej\s+närvarande|anmält\s+förhinder|förhinder)[ \t]*$", re.I)
# what a table row says after its party when its member serves for another: "ersätter Lisa Nord S", "för Lisa Nord (S)"
ROW_SUBSTITUTE = re.compile(rf"[ \t,]*(?:(?:tjänstgörande|tjg\.?)[ \t]+)?(?:ersätter|ers(?:ättare|\.)?[ \t]+för|för|i[ \t]+stället[ \t]+för)"
                            rf"[ \t]+(?P<name>{_name_rx(_GAP_LINE)})(?:,?[ \t]+\(?(?P<party>{KNOWN_PARTIES})\)?)?[ \t]*$", re.I)
NAME_LINE = re.compile(_name_rx(_GAP_LINE))
# a name glued to the label before it, as a flattened table gives it: "Utses att justeraIsabel Hildén"
NAME_GLUED = re.compile(_name_rx(_GAP_LINE).removeprefix(r"(?<![\w-])"))
NAME_TEXT = re.compile(_name_rx(_GAP_TEXT))

PARTY_CASE = {"s": "S", "m": "M", "v": "V", "c": "C", "l": "L", "sd": "SD", "kd": "KD", "mp": "MP",
              "fi": "Fi", "fp": "FP", "pp": "PP"}
PARTY_NAMES = {
    "socialdemokraterna": "S", "socialdemokraternas": "S", "moderaterna": "M", "moderaternas": "M",
    "vänsterpartiet": "V", "vänsterpartiets": "V", "centerpartiet": "C", "centerpartiets": "C",
    "liberalerna": "L", "liberalernas": "L", "folkpartiet": "FP", "folkpartiets": "FP",
    "kristdemokraterna": "KD", "kristdemokraternas": "KD", "miljöpartiet": "MP", "miljöpartiets": "MP",
    "sverigedemokraterna": "SD", "sverigedemokraternas": "SD", "feministiskt initiativ": "Fi",
    "feministiskt initiativs": "Fi",
}
PARTY_NAME_RX = re.compile(r"\b(" + "|".join(sorted(PARTY_NAMES, key=len, reverse=True)) + r")\b", re.I)
# "S-ledamöterna", "S-, V- och MP-ledamöterna", "(S)-gruppen", "(c)-gruppen"
PARTY_GROUP_RX = re.compile(
    r"(?<![\wåäö-])(?P<parties>(?:\(?[A-ZÅÄÖa-zåäö][A-ZÅÄÖa-zåäö]{0,3}\)?-,?\s*(?:och\s+|samt\s+)?)+)"
    r"(?:ledamöterna|ledamoten|ledamöter|ledamot|gruppen|gruppens|ersättarna|ersättaren|företrädarna)\b")
PAREN_PARTY_RX = re.compile(PARTY_IN_BRACKETS)

# capitalised words that precede a name in running text or headings but are no part of it
NOT_NAME_WORDS = {
    "ledamoten", "ledamöterna", "ledamot", "ledamöter", "ordföranden", "ordförande", "ordf", "vice",
    "ersättaren", "ersättarna", "ersättare", "tjänstgörande", "tjänstg", "förste", "andre", "kommunalrådet",
    "kommunalråd", "oppositionsrådet", "borgarrådet", "gruppledaren", "reservation", "reservationer",
    "särskilt", "särskilda", "uttalande", "ersättaryttrande", "protokollsanteckning", "justerare",
    "justering", "och", "samt", "även", "av", "mot", "till", "den", "det", "som", "att", "beslutande",
    "närvarande", "sekreterare", "yrkande", "yrkanden", "beslutsgång", "skriftlig", "vidare", "dessutom",
    "med", "för", "från", "enligt", "ärendet", "beslut", "förslag", "protokoll", "paragrafen", "där",
    "när", "då", "nämndens", "nämnden", "styrelsen", "fullmäktige", "utses", "till", "justeras",
    "kommunstyrelsens", "kommunstyrelsen", "kommunfullmäktige", "plats", "tid", "organ", "underskrifter",
    "underskrift", "paragrafer", "justerande", "bevis", "anslag", "sammanträdesdatum", "övriga", "utdragsbestyrkande",
    "justeringens", "justeringsdatum", "anslagsdatum", "datum", "sekreteraren", "närvarolista", "kallelse",
}
NOT_NAME_WORDS |= set(PARTY_NAMES)


@dataclass
class Person:
    name: str
    party: str | None
    start: int          # of the name
    end: int            # of the whole match (party included)
    role: str | None = None   # a role written between name and party


def _party(raw: str | None) -> str | None:
    if not raw:
        return None
    return PARTY_CASE.get(raw, raw) if raw.islower() else raw


def _clean_name(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The name in text[start:end] without leading titles ("Ledamoten", "Vice") or a heading
    word alone on the line before it ("Reservation\nLedamoten Rashid Mohammed")."""
    tokens = [(start + m.start(), start + m.end(), m.group()) for m in re.finditer(r"\S+", text[start:end])]

    def alone(a: int, b: int) -> bool:
        ls = text.rfind("\n", 0, a) + 1
        le = text.find("\n", b)
        return not text[ls:a].strip() and not text[b:len(text) if le < 0 else le].strip()

    while len(tokens) > 1 and alone(tokens[0][0], tokens[0][1]):
        tokens.pop(0)
    while tokens and tokens[0][2].lower().rstrip(".:") in NOT_NAME_WORDS:
        tokens.pop(0)
    # a label after the name, as a flattened signature block runs them together ("Marianne Persson Ordförande",
    # "Helge Scharf Wramling Ordförande Harriet Jorderud"): the name ends before it
    for k in range(2, len(tokens)):
        if tokens[k][2].lower().rstrip(".:") in NOT_NAME_WORDS:
            tokens = tokens[:k]
            break
    if len(tokens) < 2 or re.fullmatch(_PARTICLE, tokens[-1][2]):
        return None
    s = tokens[0][0]
    return re.sub(r"\s+", " ", text[s:tokens[-1][1]]), s


def persons(text: str, start: int, end: int, rx: re.Pattern = PERSON_TEXT) -> list[Person]:
    out = []
    for m in rx.finditer(text, start, end):
        got = _clean_name(text, m.start("name"), m.end("name"))
        if got:
            out.append(Person(got[0], _party(m["party"]), got[1], m.end(), m.groupdict().get("role")))
    return out


def _name_key(name: str) -> str:
    return re.sub(r"[^a-zåäöéü]", "", name.lower())


# ---------------------------------------------------------------- sentences
ABBREV_END = re.compile(r"(?:\bm\.\s?fl|\bbl\.a|\bt\.ex|\bordf|\bers|\btjänstg|\bkl|\bnr|\bs\.k|\bdvs|\bo\.s\.v"
                        r"|\bt\.o\.m|\bfr\.o\.m|\bjfr|\bca|\bresp|\bst|\bkap|\bDnr|\bdnr|\btjg|\b[A-ZÅÄÖ])\.$")   # an initial: "Jonas T. Sandelius"
LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]\s|[a-h][.)]\s|[•\-–]\s?|att\s)")


def sentences(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentences of text[lo:hi]. A line break ends a sentence after a heading-like
    short line, before a list item and after end punctuation; a name or a clause
    broken over lines stays in one sentence."""
    blocks: list[list[int]] = []
    prev: tuple[int, int] | None = None
    for line in re.finditer(r"[^\n]+", text[lo:hi]):
        a, b = lo + line.start(), lo + line.end()
        s = text[a:b].strip()
        if not s:
            continue
        cont = False
        if prev is not None and a - prev[1] == 1:        # directly on the next line
            p = text[prev[0]:prev[1]].rstrip()
            if LIST_ITEM.match(s) or s.startswith("§"):
                cont = False
            elif s[:1].islower() or s[:1] in "(,":
                cont = not _heading(p) and (len(p) > 30 or s[:1] == "(")
            elif re.search(r"[.!?:]$", p):
                cont = False
            else:
                cont = len(p) > 45 and not _heading(p)
        if cont and blocks:
            blocks[-1][1] = b
        else:
            blocks.append([a, b])
        prev = (a, b)
    out = []
    for a, b in blocks:
        start = a
        for m in re.finditer(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])", text[a:b]):
            cut = a + m.start()
            if ABBREV_END.search(text[max(a, cut - 12):cut]):
                continue
            out.append((start, cut))
            start = a + m.end()
        out.append((start, b))
    return out


# ---------------------------------------------------------------- headings inside a paragraph
SECTION_WORDS = {
    "ärendet": "other", "ärendebeskrivning": "other", "sammanfattning": "other",
    "sammanfattning av ärendet": "other", "bakgrund": "other", "beskrivning av ärendet": "other",
    "beslutsunderlag": "other", "underlag för beslut": "other", "handlingar": "other",
    "handlingar i ärendet": "other", "ärendets beredning": "other", "beredning": "other",
    "motivering": "other", "bedömning": "other", "förvaltningens bedömning": "other",
    "överväganden": "other", "yttrande": "other", "jäv": "other", "föredragande": "other",
    "beslutsgång": "procedure", "yrkande": "procedure", "yrkanden": "procedure",
    "yrkanden och beslutsgång": "procedure", "propositionsordning": "procedure", "proposition": "procedure",
    "omröstning": "procedure", "omröstningsresultat": "procedure", "votering": "procedure",
    "förslag till beslut": "proposal", "förslag till beslut på sammanträdet": "proposal",
    "reservation": "reservation", "reservationer": "reservation",
    "särskilt uttalande": "statement", "särskilda uttalanden": "statement", "särskilt yttrande": "statement",
    "särskilda yttranden": "statement", "ersättaryttrande": "statement", "ersättaryttranden": "statement",
    "protokollsanteckning": "other", "protokollsanteckningar": "other",
    "skickas till": "other", "beslutet skickas till": "other", "expedieras till": "other",
    "expediering": "other", "beslutet expedieras till": "other", "bilagor": "other", "bilaga": "other",
    "beslut": "decision", "beslutet": "decision", "beslut i korthet": "decision",
}
GLUED_HEADING = re.compile(r"\s(?P<h>Beslutsgång|Förslag till beslut|Reservationer?|Särskilt uttalande|Ersättaryttrande)$")
HEAD_PREFIX = re.compile(r"^(?P<h>Reservationer?|Särskilt uttalande|Särskilt yttrande|Ersättaryttrande|Protokollsanteckning)"
                         r"(?=\s+[a-zåäö(]|:)")
GENITIVE_HEAD = re.compile(r"^(?P<gen>[A-ZÅÄÖ][\wåäö-]*s)\s+(?P<rest>.+?)\s*[:.]?$")


def _unmarked(line: str) -> str:
    """A line without the marks Markdown makes a heading of: "### Beslut", "**Beslut**" are "Beslut"."""
    return re.sub(r"^#{1,6}[ \t]+", "", line.strip()).strip("*_ \t")


def _heading(line: str) -> str | None:
    """The section kind a heading line opens, or None for an ordinary line."""
    s = _unmarked(line).rstrip(":.").strip()
    low = s.lower()
    if len(s) > 70:
        return None
    if low in SECTION_WORDS:
        return SECTION_WORDS[low]
    m = GENITIVE_HEAD.match(s)
    if m:
        rest = m["rest"].lower()
        if rest in ("beslut", "beslut i korthet"):
            return "decision"
        if rest.startswith("förslag till"):
            return "proposal"
        if rest in SECTION_WORDS and SECTION_WORDS[rest] == "other" or rest in ("bedömning", "yttrande"):
            return "other"
    return None


# ---------------------------------------------------------------- attendance
ROLE_WORDS = [
    # (pattern at line start, role); the most specific first
    (r"(?:ej|icke)\s+(?:tjänstgörande|beslutande)\s+ersättare|närvarande\s+ersättare|övriga\s+ersättare|"
     r"ersättare\s+ej\s+tjänstgörande|ersättare\s*\(ej\s+tjänstgörande\)", "ersättare"),
    (r"tjänstg(?:örande|\.)?\s*ers(?:ättare|ättarna|\.)?|tjg\.?\s*ers\.?|beslutande\s+ersättare", "tjänstgörande ersättare"),
    (r"(?:(?:1|2|3):e\s+|förste\s+|andre\s+|första\s+|andra\s+)?(?:vice|v\.?)\s*ordf(?:örande|\.)?", "vice ordförande"),
    (r"ordf(?:örande|\.|(?![\wåäö]))", "ordförande"),          # "Gunnar Holm (C) ordf, …"
    (r"(?:beslutande|närvarande|ordinarie)\s+ledamöter|ledamöterna|ledamöter|ledamot", "ledamot"),
    (r"ersättarna|ersättare|ers\.", "ersättare"),
]
ROLE_HEAD = re.compile(r"^\s*(?:" + "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(ROLE_WORDS))
                       + r")(?-i:(?![a-zåäö0-9]))\s*:?", re.I)     # "Ordinarie ledamöterTjgEj tjg…": glued column heads
ROLE_INLINE = re.compile(r"(?:" + "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(ROLE_WORDS))
                         + r")(?![\wåäö])", re.I)
# an attendance list of its own, printed after the items: "Närvarolista", "Närvaro- och voteringslista"
LIST_AT_END = re.compile(r"(?im)^[ \t#*]*(?:närvarolista|närvaro-\s+och\s+(?:votering|omröstning)slista)[ \t*:]*$")
START_HEAD = re.compile(r"^\s*(?:närvarande|beslutande|närvarolista|närvaro)(?![\wåäö])\s*:?", re.I)
STOP_HEAD = re.compile(
    r"^\s*(?:övriga\s+(?:närvarande|deltagare|deltagande)|närvarande\s+tjänste(?:män|personer)|"
    r"närvarande\s+(?:övriga|utan\s+rösträtt)|övriga|tjänste(?:män|personer)|föredragande|sekreterare|"
    r"förhinder|anmält\s+förhinder|frånvarande|juster[a-zåäö]*|just\.?(?=\s*:)|protokolljusterare|underskrift[a-zåäö]*|"
    r"utses\s+att\s+justera|plats\s+och\s+tid|tid\s+och\s+plats|plats|tid|paragrafer|sammanträdesdatum|"
    r"anslag|bevis|personalföreträdare|insynsplats|adjungerad|organ|datum|protokoll|"
    r"närvarade\s+gjorde|ärendelista|innehåll|dessutom\s+närvarande|även\s+närvarande|dessutom|"
    r"närvarande\s+(?:dessutom|även))(?![\wåäö])", re.I)
SUBSTITUTE = re.compile(r"^[\s,;]*(?:(?:tjänstgörande|tjänstg\.|tjg\.?)\s*)?(?:ers(?:ättare|\.)?\s+)?"
                        r"(?:för|i\s+stället\s+för|istället\s+för|ersätter|ersättare\s+för"
                        r"|tjänstgör(?:ande)?\s+(?:för|i\s+stället\s+för|istället\s+för))\s*:?\s*$", re.I)
SIGNATURE = re.compile(r"\.{4,}|_{4,}|…{2,}")
# the column furniture of an attendance table, as a line of its own: "TjgEj tjgJANEJJANEJ", "Närvaro§§§§",
# "X" (a mark in a presence column), "§§ 12-13", a lone first name of a name broken over two lines
TABLE_JUNK = re.compile(r"(?:Tjg|Ej\s*tjg|Tjänstg\w*|JA|NEJ|Ja|Nej|Avstår|Närvaro|Närvarande|§|X|[\d\s,–-])+"
                        r"|[A-ZÅÄÖ][a-zåäöé-]+(?:\s*\([A-ZÅÄÖa-zåäö]{1,4}\)\s*X?)?")
PRESENCE_MARK = re.compile(r"\)\s*X\s*$")
# ... or as a cell of its own in a presence column: "Markus Evensson    S    X"
MARK_CELL = re.compile(r"(?:\t|[ \t]{2,})[Xx](?=\t|[ \t]{2,}|[ \t]*$)")
# what sets a table's cells apart in minutes: a tab or two spaces or more
ROW_GAP = re.compile(r"\t|[ \t]{2,}")
# the heading of a column of those who served in a member's seat
SERVING_HEAD = re.compile(r"(?:tjänstg(?:örande|\.)?\s*ers(?:ättare|\.)?|tjg\.?\s*ers\.?|ersätter|ersättare\s+för)\s*:?", re.I)
TABLE_HEAD = re.compile(r"(?:(?:parti|partibeteckning|namn|roll|funktion|uppdrag|befattning|närvarande|närvaro|ersätter|ersättare\s+för|för|"
                        r"tjänstgörande|§+|paragrafer|kommentar|anmärkning|ja|nej|avstår|omröstning|votering|"
                        r"ledamöter|ersättare)[\s,;:/]*)+", re.I)
ROLE_RANK = {"ordförande": 0, "vice ordförande": 1, "ledamot": 2, "tjänstgörande ersättare": 3, "ersättare": 4}


def _role_of(m: re.Match) -> str:
    for i, (_, role) in enumerate(ROLE_WORDS):
        if m.group(f"r{i}"):
            return role
    raise ValueError


def _parse_attendance_line(ctx: Ctx, a: int, b: int, role: str) -> list[Attendee]:
    """Attendees on one line of an attendance block (the heading already cut off):
    "Börje Häggman (M)   för Johan Paccamonti (M)", "Anna Berglund (S), ordförande",
    "vice ordförande Bo Bengtsson (M)", "Anna Andersson, ordförande (S)", a table row
    "Anna Andersson    S    ordförande", or names without a party."""
    t = ctx.text
    found = persons(t, a, b, PERSON_LINE)
    m = PERSON_ROW.match(t, a, b)
    # a table row, also one that names whom its member serves for: "Ahmed Ali   S   tjänstgörande ersättare för Eva Lund (S)"
    if m and (not found or m.end() <= found[0].start):
        got = _clean_name(t, m.start("name"), m.end("name"))
        if got:
            found = [Person(got[0], _party(m["party"]), got[1], m.end(), m["role"])] + found
    out: list[Attendee] = []
    skip = set()
    # the line's own convention: a role before the first name ("vice ordförande Bo Bengtsson (M), …") is written before
    # each; else a role between two names is the one before's ("Gunnar Holm (C) ordf, Eva Sundin (S) vice ordf, …")
    roles_lead = bool(found) and bool(ROLE_INLINE.search(t, a, found[0].start))
    for i, p in enumerate(found):
        if i in skip:
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        tail = t[p.end:nxt.start if nxt else b]
        own_role = role
        # a role written before the name on the same line ("vice ordförande Bo Bengtsson (M)")
        lead = t[(found[i - 1].end if i else a):p.start]
        lm = list(ROLE_INLINE.finditer(lead))
        if lm and not lead[lm[-1].end():].strip(" ,;:") and (roles_lead or not i):
            own_role = _role_of(lm[-1])
        if p.role:
            own_role = _role_of(ROLE_INLINE.match(p.role))
        sub, span_end = None, p.end
        rs = ROW_SUBSTITUTE.match(tail) if not nxt else None
        if rs:
            sub, span_end = re.sub(r"\s+", " ", rs["name"]), p.end + rs.end("name")
            own_role = "tjänstgörande ersättare"
        elif nxt and SUBSTITUTE.match(tail):
            sub, span_end = nxt.name, nxt.end
            skip.add(i + 1)
            own_role = "tjänstgörande ersättare"
        else:
            tm = ROLE_INLINE.match(tail.lstrip(" ,;–-\t("))
            if tm:
                own_role = _role_of(tm)
        out.append(Attendee(p.name, own_role, p.party, sub, [ctx.span(p.start, span_end)]))
    if found:
        return out
    # names without parties: "Anna Andersson, ordförande", "Bo Bengtsson   §§ 1-5"
    seg = re.sub(r"\s(?:§|kl\.?\s|fr\.o\.m|t\.o\.m|närvarande\s|från\s|till\s).*$", "", t[a:b])
    names: list[list] = []
    for part in re.finditer(r"[^,;]+", seg):
        s = part.group().strip()
        if not s:
            continue
        rm = ROLE_INLINE.fullmatch(s)
        if rm and names:
            names[-1][1] = _role_of(rm)
            continue
        # "Olle Berg, ersättare för Tove Ek": the substitute serves for the one it names
        sm = re.fullmatch(r"(?:tjänstgörande\s+|tjg\.?\s+)?ers(?:ättare|\.)?\s+(?:för|i\s+stället\s+för)\s+(?P<n>.+)", s, re.I)
        if sm and names and NAME_LINE.fullmatch(sm["n"]):
            names[-1][1] = "tjänstgörande ersättare"
            names[-1].append(sm["n"].strip())
            continue
        if not NAME_LINE.fullmatch(s):
            return []
        ps = a + part.start() + part.group().index(s)
        got = _clean_name(t, ps, ps + len(s))
        if not got or ctx.bodies.taken(ps, ps + len(s)):
            return []
        names.append([got, role])
    return [Attendee(name, x[1], None, x[2] if len(x) > 2 else None, [ctx.span(s, s + len(name))])
            for x in names for name, s in [x[0]]]


# attendance written as one run of text, as a PDF's columns come out flattened: "Beslutande Annika
# Wibrell, ordf. Rickard Norberg Ulf Hansson … Övriga deltagande …", "Beslutande Harriet Jorderud (S)
# Robert Uitto (S) … Mats El Kott (FP) för Christer Siwertsson (M) ej tjänstgörande Övriga deltagare …"
FLAT_LABEL = re.compile(
    r"(?<![\wåäö])(?P<label>(?:Beslutande|Närvarande|Ordinarie)\s+ledamöter|Beslutande|Ledamöter"
    r"|Tjänstgörande\s+ersättare|Närvarande\s+ersättare)(?![\wåäö])\s*:?")
FLAT_STOP = re.compile(
    r"(?<![\wåäö])(?:Övriga\s+(?:deltagare|deltagande|närvarande)|Utses\s+att\s+justera|Justerare|Justerande|Justeringens"
    r"|Sekreterare|Paragrafer|Underskrift(?:er)?|Plats\s+och\s+tid|Tid\s+och\s+plats|ANSLAG|BEVIS|Organ|Protokollet"
    r"|Närvarande\s+tjänstemän|Tjänstemän|Föredragande|Frånvarande|Insynsplats|Personalföreträdare|Ej\s+tjänstgörande\s+ersättare"
    r"|Ersättare)(?![\wåäö])")
FLAT_TOKEN = re.compile(
    r"\((?P<party>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,3}|[a-zåäö]{1,3})\)"
    r"|(?P<bare>(?<![\wåäö-])(?:S|M|C|V|L|KD|MP|SD|FP|Fi)(?![\wåäö-]))"
    r"|(?P<role>(?:1:e\s+|2:e\s+)?[Vv]ice\s+ordf(?:örande|\.)?|[Oo]rdf(?:örande|\.)?|[Ee]j\s+tjänstgörande"
    r"|[Tt]jänstgörande\s+ersättare|[Ee]rsättare)(?![\wåäö])"
    rf"|(?P<sub>för|ersätter|istället\s+för)(?![\wåäö])"
    rf"|(?P<name>{_TOKEN}|{_PARTICLE}(?=\s+[A-ZÅÄÖ]))"
    r"|(?P<sep>[,;]|§§?\s*[\d\s,–-]+)"
    r"|(?P<other>\S+)")


def _flat_persons(ctx: Ctx, a: int, b: int, role: str) -> list[Attendee]:
    """Attendees in a flattened run text[a:b]: persons delimited by their party in parentheses or,
    without parties, by a first name after a surname; a role or "för X" after a person applies to it."""
    t = ctx.text
    names = first_names()
    out: list[Attendee] = []
    cur: list[re.Match] = []
    pending_sub = False
    # a party written bare, before the name ("S Urban Jernberg M Eva Ek") or after it ("Eva Ek M, ordförande")
    first = FLAT_TOKEN.search(t, a, b)
    party_first = bool(first and first["bare"])
    next_party: str | None = None

    def close(party: str | None = None) -> None:
        nonlocal cur, pending_sub, next_party
        if party is None and party_first:
            party, next_party = next_party, None
        if len(cur) >= 2 and not ctx.bodies.taken(cur[0].start(), cur[-1].end()):
            name = re.sub(r"\s+", " ", t[cur[0].start():cur[-1].end()])
            if pending_sub and out:
                out[-1].substitute_for = name
                out[-1].role = "tjänstgörande ersättare"
                out[-1].evidence.append(ctx.span(cur[0].start(), cur[-1].end()))
            else:
                out.append(Attendee(name, role, _party(party), None, [ctx.span(cur[0].start(), cur[-1].end())]))
            pending_sub = False
        cur = []

    for m in FLAT_TOKEN.finditer(t, a, b):
        if m["bare"]:
            if party_first:
                close()
                next_party = m["bare"]
            elif cur:
                close(m["bare"])
            elif out and out[-1].party is None:
                out[-1].party = m["bare"]
        elif m["party"]:
            close(m["party"])
        elif m["role"]:
            close()
            r = m["role"].lower()
            if out and not pending_sub:
                if r.startswith("ej"):
                    out[-1].role = "ersättare"
                elif "vice" in r:
                    out[-1].role = "vice ordförande"
                elif r.startswith("ordf"):
                    out[-1].role = "ordförande"
        elif m["sub"]:
            close()
            pending_sub = bool(out)
        elif m["name"]:
            tok = m["name"]
            if len(cur) >= 2 and tok in names and cur[-1].group() not in names:
                close()                  # a first name after a surname: the next person
            cur.append(m)
        elif m["sep"]:
            close()
        else:
            close()
            if m["other"][:1].islower() or re.match(r"\d", m["other"]):
                break                    # the run of names is over
    close()
    return out


def _flat_attendance(ctx: Ctx, lo: int, hi: int) -> list[Attendee]:
    t = ctx.text
    people: list[Attendee] = []
    for m in FLAT_LABEL.finditer(t, lo, hi):
        label = m["label"].lower()
        role = "tjänstgörande ersättare" if label.startswith("tjänstgörande") else \
            "ersättare" if "ersättare" in label else "ledamot"
        stop = FLAT_STOP.search(t, m.end(), min(hi, m.end() + 3000))
        end = stop.start() if stop else min(hi, m.end() + 3000)
        people += _flat_persons(ctx, m.end(), end, role)
    return people


def _attendance(ctx: Ctx, lo: int, hi: int) -> tuple[list[Attendee], list[Span]]:
    """The attendance block of the header: role headings ("Ledamöter", "Tjänstgörande
    ersättare", "Ersättare") open a group that lasts to the next heading; "Ordförande" and
    "Vice ordförande" name one person, on their line or the next."""
    t = ctx.text
    group: str | None = None         # the role of the names that follow, None outside the block
    single: str | None = None        # ordförande / vice ordförande for the next name only
    people: list[Attendee] = []
    block: list[Span] = []
    marked: dict[int, bool] = {}      # person -> a presence mark ("X") ends its row
    groups: dict[int, int] = {}
    group_no = 0
    column: tuple[int, str] | None = None    # a second column's heading: where it starts on its line, its role
    serving_col: int | None = None   # where a column of those who served in a member's seat starts on its line
    serving_last = False             # ... and it is the table's last column
    presence_col = False             # the table has a column that marks who was there ("Närvarande": "X")
    deciding = members = False       # under a "Beslutande" heading; its "Ledamöter" seen
    signing = False                  # in the signatures, whose "Ordförande" and "Justerare" sign: no attendance
    for line in re.finditer(r"[^\n]+", t[lo:hi]):
        a, b = lo + line.start(), lo + line.end()
        a += len(re.match(r"#{0,6}[ \t]*", t[a:b]).group()) if t[a:a + 1] == "#" else 0     # "## Närvarande"
        s = t[a:b]
        if STOP_HEAD.match(s) and not ROLE_HEAD.match(s):
            group = single = column = None
            deciding = False
            signing = signing or bool(re.match(r"\s*underskrift", s, re.I))
            continue
        m = ROLE_HEAD.match(s) or START_HEAD.match(s)
        if signing and m and m.re is ROLE_HEAD and _role_of(m) in ("ordförande", "vice ordförande"):
            continue
        signing = signing and not m
        if m and m.re is START_HEAD and group and TABLE_JUNK.fullmatch(t[a + m.end():b].strip() or "X"):
            continue                       # "Närvaro§§§§" above a group's columns: the group goes on
        if m:
            group_no += 1
            if SIGNATURE.search(s):
                group = single = None      # "Ordförande ........": a signature line
                continue
            role = _role_of(m) if m.re is ROLE_HEAD else "ledamot"
            # "Beslutande" as a heading of its own over "Ledamöter …" and "Ersättare …": the substitutes listed
            # there serve (unless the serving ones have their own heading; then "Ersättare" are the others)
            if m.re is START_HEAD:
                deciding = m.group().strip().rstrip(":").lower() == "beslutande" and not t[a + m.end():b].strip()
                members = False
            elif role == "tjänstgörande ersättare":
                deciding = False
            elif role == "ledamot":
                members = True
            elif deciding and members and role == "ersättare" and m.group().strip().rstrip(":").lower() in ("ersättare", "ersättarna") \
                    and not re.search(r"(?i)tjg|tjänstg|närvaro", t[a:b + 200].split("\n\n", 1)[0]):
                # "Beslutande / Ledamöter … / Ersättare Per Ek (M)"; not a table whose columns say who served
                role = "tjänstgörande ersättare"
            # two columns under two headings: "Ledamöter            Ersättare" (the second column's rows are its role)
            cm = re.search(r"\S(?P<gap>[ \t]{2,})(?P<w>\S[^\n]*)$", s)
            second = ROLE_HEAD.fullmatch(cm["w"]) if cm and m.re is ROLE_HEAD else None
            column = (cm.start("w"), _role_of(second)) if second else None
            # a table whose last column names who served in a member's seat: "Ledamöter   Parti   Närvarande
            # Tjänstgörande ersättare" (a name in that column served for the row's member, who was not there)
            serving_col, presence_col = None, False
            if m.re is ROLE_HEAD and _role_of(m) == "ledamot":
                cells = [(x - a, t[x:y]) for x, y in table_cells(t, a, b, ROW_GAP)]
                serving_col = next((at for at, cell in cells[1:] if SERVING_HEAD.fullmatch(cell)), None)
                serving_last = serving_col is not None and cells[-1][0] == serving_col
                presence_col = any(re.fullmatch(r"(?i)närvar(?:ande|o)|närv\.?", cell) for _, cell in cells[1:])
            if role in ("ordförande", "vice ordförande"):
                single, group = role, group or "ledamot"
            else:
                single, group = None, role
            rest_a = a + m.end()
            rest = t[rest_a:b].strip()
            if TABLE_HEAD.fullmatch(rest) or TABLE_JUNK.fullmatch(rest):
                rest = ""                  # "Ledamöter    Parti    Närvarande §§": column headings
            got = _parse_attendance_line(ctx, rest_a, b, single or group) if rest else []
            if got:
                single = None
            elif rest and m.re is not START_HEAD:
                group = single = None      # "Ordförande har ordet": not a heading
            people += got
            if group:
                block.append(ctx.span(a, b))
            continue
        if group is None:
            continue
        if s.strip()[:1].islower() or s.strip()[:1] in "§0123456789(" or TABLE_JUNK.fullmatch(s.strip()) \
                or TABLE_HEAD.fullmatch(s.strip()):
            continue                       # "närvarande till § 10", column furniture, "Namn  Parti  Funktion"
        if ABSENT_CELL.search(s):
            continue                       # a row of the table for a member who was not there
        got = _parse_attendance_line(ctx, a, b, single or group)
        single = None
        if not got:
            group = None
            continue
        # (the column found where its heading stands, or, where the table's cells are set apart by tabs or a varying
        # number of spaces, as the last cell of a row whose heading is the last)
        seated = serving_col is not None and len(got) == 2 and not got[0].substitute_for and (
            got[0].evidence[0].start - a < serving_col - 3 <= got[1].evidence[0].start - a
            or serving_last and not t[got[1].evidence[0].end:b].strip() and ROW_GAP.search(t, got[0].evidence[0].end,
                                                                                          got[1].evidence[0].start))
        if seated:
            member, substitute = got
            substitute.role, substitute.substitute_for = "tjänstgörande ersättare", member.name
            got = [substitute] + ([member] if presence_col and MARK_CELL.search(s, 0, substitute.evidence[0].start - a) else [])
        for person in got:
            # (present: marked so, or in the seat of a member the row names)
            marked[id(person)] = bool(seated or PRESENCE_MARK.search(s) or presence_col and MARK_CELL.search(s))
            groups[id(person)] = group_no
            if column and person.role == group and person.evidence and person.evidence[0].start - a >= column[0] - 3:
                person.role = column[1]
        people += got
        block.append(ctx.span(a, b))
    # in a table that marks presence with an "X", a row without the mark is somebody absent
    for g in set(groups.values()):
        rows = [p for p in people if groups.get(id(p)) == g]
        if any(marked.get(id(p)) for p in rows):
            people = [p for p in people if groups.get(id(p)) != g or marked.get(id(p))]
    if not people:
        people = _flat_attendance(ctx, lo, hi)
    # one person once, in the role that counts: serving beats a seat as ersättare
    merged: dict[str, Attendee] = {}
    for p in people:
        k = _name_key(p.name)
        old = merged.get(k)
        if old is None:
            merged[k] = p
            continue
        if ROLE_RANK[p.role] < ROLE_RANK[old.role]:
            old.role = p.role
            old.substitute_for = p.substitute_for or old.substitute_for
        old.party = old.party or p.party
        old.substitute_for = old.substitute_for or (p.substitute_for if p.role == old.role else None)
        old.evidence += p.evidence
    return list(merged.values()), block


# ---------------------------------------------------------------- paragraphs
PARAGRAPH = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|\*\*)?(?:(?P<prefix>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}|[A-ZÅÄÖ][\wåäö-]*(?:nämnden|styrelsen|fullmäktige|utskottet)"
                       r"|[A-ZÅÄÖ][\wåäö-]*(?:nämndens|styrelsens)\s+[a-zåäö]*utskott)[ \t]+)?"
                       r"§[ \t]*(?P<n>\d{1,4})(?:/(?:19|20)?\d\d(?!\d))?(?![\d:])(?P<rest>[^\n]*)$",   # "§ 64/20": the year's series
                       re.M)
TOC_LINE = re.compile(r"\.{4,}|…{2,}|\s{2,}\d{1,3}\s*$|\t\d{1,3}\s*$")


@dataclass
class Para:
    n: int
    start: int          # of the "§" line
    end: int            # of the paragraph (next "§" line)
    rest_start: int     # of the text after "§ N" on its line
    line_end: int


def paragraphs(text: str) -> list[Para]:
    cands = []
    for m in PARAGRAPH.finditer(text):
        rest = m["rest"]
        if re.match(r"\s*[-–—,]\s*\d", rest) or re.match(r"\s*(?:kap|st|stycket|p\.|första|andra)\b", rest):
            continue                      # "§ 1-14", "§ 5 kap."
        if rest.strip(" \t.:") and not re.match(r"\s*[.:]?\s*(?:[A-ZÅÄÖ\"”(]|[Dd]nr|[Dd]iarienr|[Dd]iarienummer)", rest):
            continue                      # "§ 5 i kommunallagen" in running text
        cands.append(m)
    # a table of contents: lines with dot leaders or page numbers, or three "§ N Title" lines in a row
    toc = set()
    for i, m in enumerate(cands):
        if TOC_LINE.search(m["rest"]):
            toc.add(i)
    for i in range(len(cands) - 2):
        run = cands[i:i + 3]
        if all(r["rest"].strip() for r in run) and all(
                text.count("\n", x.end(), y.start()) <= 1 for x, y in zip(run, run[1:])):
            toc.update((i, i + 1, i + 2))
    # a contents line is dropped only when its paragraph also has a heading of its own further on
    later = {int(m["n"]) for i, m in enumerate(cands) if i not in toc}
    toc = {i for i in toc if int(cands[i]["n"]) in later}
    out: list[Para] = []
    last = -1
    for i, m in enumerate(cands):
        n = int(m["n"])
        if i in toc or n <= last:
            continue
        last = n
        skip = re.match(r"[ \t]*[.:]?[ \t]*", m["rest"]).end()
        out.append(Para(n, m.start(), len(text), m.start("rest") + skip, m.end()))
    for p, q in zip(out, out[1:]):
        p.end = q.start
    if out:
        # the last paragraph ends where the signatures begin
        tail = re.search(r"^(?:_{3,}|-{5,}|Justerandes\s+sign|Vid\s+protokollet|Utdragsbestyrkande|Rätt\s+utdraget)",
                         text[out[-1].line_end:], re.M)
        if tail:
            out[-1].end = out[-1].line_end + tail.start()
    return out


def _abbreviated_paragraphs(text: str, body: str) -> list[Para]:
    """Paragraphs numbered with the body's abbreviation instead of "§", in running text as a flattened
    PDF gives them: "Sn 49 Sammanträdets öppnande, formalia. … Sn 50 Au 84 Dnr 2016/ Budget …"."""
    out: list[Para] = []
    last = -1
    for m in re.finditer(r"(?<![\w-])(?P<prefix>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3})\s(?P<n>\d{1,4})\s+(?=[A-ZÅÄÖ])", text):
        if not _abbreviates(m["prefix"], body) or len(m["prefix"]) < 2:
            continue
        n = int(m["n"])
        if n <= last:
            continue                      # a reference back ("Sn 34") or a page number
        last = n
        out.append(Para(n, m.start(), len(text), m.end(), m.end()))
    for p, q in zip(out, out[1:]):
        p.end = q.start
    for p in out:
        # references to earlier paragraphs and a diarienummer before the title ("Au 84 Sn 34 Dnr 2016/")
        refs = re.match(r"(?:(?:[A-ZÅÄÖ][a-zåäö]{0,2}\s\d{1,4}|Dnr\.?\s+\S+)\s+)*", text[p.rest_start:p.end])
        p.rest_start += refs.end()
        # the title runs to its first full stop, or to an abbreviation or name that starts the text
        stop = re.search(r"[.\n]|\s(?=[A-ZÅÄÖ][a-zåäö]?\s)|\s(?=[A-ZÅÄÖ]{3,}\s)", text[p.rest_start:p.end])
        p.line_end = p.rest_start + (stop.start() if stop else len(text[p.rest_start:p.end]))
    return out


# (also a signature line of its own: "Ordförande ............ Anna Ek", "Justerande ______")
SIGN_BLOCK = re.compile(r"(?<![\wåäö])(?:Underskrift(?:er)?|Sekreterare(?![a-zåäö])|(?:Ordförande|Justerande)[ \t]*(?:\.{4,}|_{4,}|…{2,}))")


SIGN_ROLES = {"sekreterare": "secretary", "ordförande": "chair", "justerande": "adjuster", "justerare": "adjuster"}
SIGN_ROW = re.compile(r"(?<![\wåäö])(?P<labels>(?:(?:Sekreterare|Ordförande|Justerande|Justerare)[\s.…_:]*){2,4})"
                      rf"(?P<names>(?:{_name_rx(_GAP_LINE)}[\s.…_]*){{2,4}})")


def _split_run(t: str, a: int, b: int, n: int) -> list[tuple[str, int, int]]:
    """A run of names on one line, split into n persons where first names begin ("Maja Berg Lisa Ek Bo Ask");
    none unless the first names give exactly n."""
    tokens = [(m.group(), a + m.start(), a + m.end()) for m in re.finditer(r"[^\s.…_]+", t[a:b])]
    starts = [i for i, (w, _, _) in enumerate(tokens) if w in first_names()]
    if len(starts) != n or not starts or starts[0] != 0 or any(j - i < 2 for i, j in zip(starts, starts[1:] + [len(tokens)])):
        return []
    out = []
    for i, j in zip(starts, starts[1:] + [len(tokens)]):
        out.append((" ".join(w for w, _, _ in tokens[i:j]), tokens[i][1], tokens[j - 1][2]))
    return out


def _signature_row(ctx: Ctx) -> dict[str, list[tuple[str, int, int]]]:
    """A flattened signature block that gives its labels in a row and then the names in the same order
    ("Sekreterare Ordförande Justerande.. Margareta Roos. Edgar Hofvergård. Ivan Gunnarsson"): role -> names."""
    t = ctx.text
    for m in SIGN_ROW.finditer(t):
        labels = [SIGN_ROLES[w.lower()] for w in re.findall(r"[A-Za-zåäö]+", m["labels"])]
        names = []
        for x in NAME_LINE.finditer(m["names"]):
            got = _clean_name(t, m.start("names") + x.start(), m.start("names") + x.end())
            if got:                       # "Per Ås Organ …": the name without the label after it
                names.append((got[0], got[1], got[1] + len(got[0])))
        if len(names) != len(labels):
            names = _split_run(t, m.start("names"), m.end("names"), len(labels)) or names
        if len(names) == len(labels):
            out: dict[str, list[tuple[str, int, int]]] = {}
            for role, name in zip(labels, names):
                out.setdefault(role, []).append(name)
            return out
    return {}


def _signatories(ctx: Ctx, chair: str | None, adjusters: list[str]) -> list[tuple[str, int, int]]:
    """Who signs the minutes: the secretary, the chair and the adjusters named in its signature block
    ("Underskrifter Sekreterare … Ordförande … Justerande …", "Laila Nabb, sekreterare")."""
    t = ctx.text
    row = _signature_row(ctx)
    if row:
        return [n for role in ("secretary", "chair", "adjuster") for n in row.get(role, [])]
    block = SIGN_BLOCK.search(t)
    if not block:
        return []
    out: list[tuple[str, int, int]] = []
    lo, hi = block.start(), min(len(t), block.start() + 600)
    secretary = None
    for sm in re.finditer(r"(?<![\wåäö])Sekreterare(?:\s+(?:Paragrafer|Underskrift(?:er)?|Justerande|\.{2,}|…+|_+))*\s*:?\s*"
                          rf"(?P<name>{_name_rx(_GAP_LINE)})|(?P<name2>{_name_rx(_GAP_LINE)}),\s*(?:nämnd|protokolls?)?sekreterare\b", t):
        secretary = sm
        break
    names = []
    if secretary:
        g = "name" if secretary["name"] else "name2"
        got = _clean_name(t, secretary.start(g), secretary.end(g))
        if got:
            names.append(got[0])
    names += [n for n in [chair, *adjusters] if n]
    for name in dict.fromkeys(names):
        m = re.search(re.escape(name), t[lo:hi]) or re.search(re.escape(name), t)
        if m:
            base = lo if re.search(re.escape(name), t[lo:hi]) else 0
            out.append((name, base + m.start(), base + m.end()))
    return out


# "Dnr 1.2.4-123/2019", "Diarienummer: SBN-2021-00123": a cued number in a registry style
# that identifiers.find_diarienummer does not know
DNR_CUED = re.compile(r"(?i)\b(?:dnr|diarienummer|diarienr|ärendenummer|ärendenr|ärende\s+nr)\.?\s*:?\s*"
                      r"(?P<n>(?-i:[A-ZÅÄÖ]{1,5}[\s-]?)?[\w.:/-]*\d[\w.:/-]*)")


def _dnrs_in(s: str) -> list[tuple[str, int]]:
    """(notation, start) of the diarienummer in s."""
    found = [(d.notation, d.start) for d in find_diarienummer(s)]
    if found:
        return found
    m = DNR_CUED.search(s)
    return [(m["n"].rstrip(".,;:"), m.start("n"))] if m else []


def _is_dnr_line(s: str) -> bool:
    found = find_diarienummer(s)
    spans = [(d.start, d.end) for d in found]
    if not found:
        m = DNR_CUED.search(s)
        if not m:
            return False
        spans = [(m.start("n"), m.end("n"))]
    rest = s
    for a, b in sorted(spans, reverse=True):
        rest = rest[:a] + rest[b:]
    return len(re.sub(r"(?i)\b(?:dnr|diarienummer|diarienr|ärendenummer|ärendenr|ärende\s+nr)\b|[\s.:,;/-]", "", rest)) < 4


def _lines(text: str, a: int, b: int) -> list[tuple[int, int]]:
    return [(a + m.start(), a + m.end()) for m in re.finditer(r"[^\n]+", text[a:b]) if m.group().strip()]


def _decision_heading(ctx: Ctx, s: str, body: str | None) -> tuple[bool, str | None]:
    """(is it a decision heading, text glued after it). "<Body>s beslut", "Beslut", "Beslut: …",
    the meeting body's "förslag till kommunfullmäktige"."""
    st = _unmarked(s)
    kind = _heading(st)
    if kind == "decision":
        return True, None
    # ("Barn- och utbildningsnämndens beslut": a name of two joined words; "Tekniska nämndens beslut": an adjective first)
    m = re.match(r"^(?P<gen>(?:[A-ZÅÄÖ][a-zåäö]+[ae]\s+[a-zåäö][\wåäö-]*|[A-ZÅÄÖ][\wåäö-]*(?:-\s+(?:och|eller)\s+[\wåäö-]+)?)s)\s+(?P<what>beslut|förslag\s+till\s+[\wåäö-]+)\b"
                 r"\s*:?\s*(?P<rest>.*)$", st)
    if m:
        label = ctx.bodies.resolve(m["gen"])
        is_body = label is not None and (body is None or label == body) or \
            bool(re.search(r"(?:nämnd|styrelse|fullmäktige|utskott)(?:en|et|)s$", m["gen"].lower()))
        if m["what"].startswith("förslag"):
            target = m["what"].split()[-1]
            if is_body and (label == body) and target.lower() not in ("beslut", "beslutet"):
                return (not m["rest"]), None
            return False, None
        if is_body:
            rest = m["rest"]
            if rest and re.match(r"(?:om|i|från|den|av|till|enligt|har|var|ska|är|innebär|att fatta)\b", rest):
                return False, None
            return True, rest or None
    m = re.match(r"^Beslut\s*:\s*(?P<rest>.+)$", st)
    if m:
        return True, m["rest"]
    return False, None


def _section_of(ctx: Ctx, s: str, body: str | None) -> tuple[str | None, str | None]:
    is_dec, glued = _decision_heading(ctx, s, body)
    if is_dec:
        return "decision", glued
    k = _heading(s)
    if k:
        return k, None
    m = HEAD_PREFIX.match(s.strip())
    if m:
        return _heading(m["h"]) or "other", None
    return None, None


# ---------------------------------------------------------------- decisions
DECISION_VERB = (r"(?:beslutade|beslutar|beslöt|besluta|godkände|godkänner|fastställde|fastställer|antog|antar|"
                 r"noterade|noterar|lade|lägger|tog|tar|överlämnade|överlämnar|hänvisade|hänvisar|tillstyrkte|"
                 r"tillstyrker|avstyrkte|avstyrker|avslog|avslår|bifaller|biföll|återremitterade|återremitterar|"
                 r"uppdrog|uppdrar|ger|gav|utsåg|utser|valde|väljer|förklarade|förklarar|föreslår|föreslog)")
PASSIVE_DECISION = re.compile(r"\b(?:godkändes|godkänns|fastställdes|fastställs|antogs|noterades|noteras|utsågs|valdes|"
                              r"lades\s+till\s+handlingarna|läggs\s+till\s+handlingarna|beslutades|bifölls|avslogs|"
                              r"återremitterades)\b")
PROCEDURAL = re.compile(r"\bbeslut(?:ade|ar)\s+(?:utan\s+omröstning|enligt|i\s+enlighet|att\s+ajournera)|"
                        r"\bföreslår\s+att\s+nämnden\b|\bförslag\s+till\s+beslut\b|\bställ(?:de|er)\s+proposition", re.I)


def _subject_end(ctx: Ctx, s: str, body: str | None) -> int | None:
    """Length of the subject at the start of s when it names the meeting body ("Arbetsmarknadsnämnden ")."""
    m = re.match(r"^([A-ZÅÄÖ][\wåäö-]*(?:\s+[a-zåäö]+utskott(?:et)?)?)\s+", s)
    if not m:
        return None
    word = m.group(1)
    if body:
        b = ctx.bodies.get(body)
        for name in sorted({body} | (b.alt_labels if b else set()), key=len, reverse=True):
            if s.lower().startswith(name.lower() + " "):
                return len(name) + 1
    label = ctx.bodies.resolve(word)
    if body and label == body:
        return m.end()
    if body is None and label and ctx.bodies.get(label) and ctx.bodies.get(label).kind in MEETING_KINDS:
        return m.end()
    own = {k.lower() for k, v in ctx.bodies.own.items() if v == body}
    if word.lower() in own or word.lower() in ("nämnden", "styrelsen", "utskottet", "mötet") and body:
        return m.end()
    return None


LEAD_IN = re.compile(
    r"^(?:beslutar|beslutade|beslöt)(?:\s+följande)?\s*(?:att)?\s*:?\s*$"
    r"|^(?:föreslå[rs]?|föreslog)\s+(?:[\wåäö-]+\s+){0,3}?(?:att\s+)?(?:beslut(?:a|ar)|fatta\s+följande\s+beslut)\s*(?:att)?\s*:?\s*$"
    r"|^.{3,120}(?::|\satt)\s*$", re.I)
LEAD_VERB = re.compile(r"^(?:beslutar|beslutade|beslöt)(?:\s+följande)?\s*(?:att)?\s*:?\s*", re.I)


def _decision_points(ctx: Ctx, a: int, b: int, body: str | None) -> list[Decision]:
    """The decisions in a decision section text[a:b]: numbered or bulleted points, "att"-clauses,
    or its sentences. A lead-in ("Socialnämnden beslutar att:", "Kommunstyrelsen föreslår
    kommunfullmäktige besluta") is no decision of its own; what it says beyond "beslutar" is kept
    in front of each point that follows it."""
    t = ctx.text
    lines = _lines(t, a, b)
    points: list[list[int]] = []
    is_list = any(LIST_ITEM.match(t[x:y].strip()) for x, y in lines)
    for x, y in lines:
        s = t[x:y].strip()
        if LIST_ITEM.match(s) and not s.startswith("att "):
            points.append([x, y])
            continue
        if is_list and points:
            last = t[points[-1][0]:points[-1][1]].strip()
            if LIST_ITEM.match(last) and not last.startswith("att "):
                if not re.search(r"[.;]$", last):
                    points[-1][1] = y      # a point broken over lines
                    continue
                break                      # prose after the list: the section is over
        points.append([x, y])
    out: list[Decision] = []
    lead: tuple[int, int] | None = None
    for x, y in points:
        for ps, pe in _clauses(ctx, x, y):
            ds, de, is_lead = _decision_text(ctx, ps, pe, body)
            if de <= ds:
                continue
            if is_lead:
                raw = t[ds:de]
                vm = LEAD_VERB.match(raw)
                ls = ds + (vm.end() if vm else 0)
                le = ds + len(raw.rstrip().rstrip(":").rstrip())
                lead = (ls, le) if le > ls else None
                continue
            text = re.sub(r"\s+", " ", t[ds:de]).strip()
            ev = [ctx.span(ds, de)]
            if lead:
                pre = re.sub(r"\s+", " ", t[lead[0]:lead[1]]).strip()
                glue = " att " if re.search(r"\bbeslut(?:a|ar)$", pre) else (" " if pre.endswith(" att") else ": ")
                text = pre + glue + text
                ev.insert(0, ctx.span(*lead))
            out.append(Decision(text, ev))
    return out


def _joined_break(ctx: Ctx, i: int) -> bool:
    """Was the space at text[i] a line break in the source, joined by normalise?
    (A joined break is an inserted character: it has the origin of the one before it.)"""
    o = ctx.doc.origin
    return 0 < i < len(o) and o[i] == o[i - 1]


def _clauses(ctx: Ctx, x: int, y: int) -> list[tuple[int, int]]:
    """'… beslutar att bifalla motionen, att uppdra åt …' and "att"-clauses that began lines of
    their own before normalise joined them: one clause per "att"."""
    t = ctx.text
    seg = t[x:y]
    cuts = [m.start() + 1 for m in re.finditer(r"[,;]\s+att\s", seg)]
    cuts += [m.start() + 1 for m in re.finditer(r"\satt\s", seg) if _joined_break(ctx, x + m.start())]
    cuts = sorted(set(c for c in cuts if c > 0))
    if not cuts:
        if LIST_ITEM.match(seg.strip()):
            return [(x, y)]
        return sentences(t, x, y)
    bounds = [0] + cuts + [len(seg)]
    return [(x + p, x + q) for p, q in zip(bounds, bounds[1:])]


def _decision_text(ctx: Ctx, a: int, b: int, body: str | None) -> tuple[int, int, bool]:
    """(start, end, is a lead-in) of the decision in text[a:b]: after a list mark, the meeting
    body as subject and "beslutade att"; without end punctuation."""
    t = ctx.text
    s = t[a:b]
    off = re.match(r"\s*(?:\d{1,2}[.)]|[a-h][.)]|[•\-–])?\s*(?:[,;]\s*)?", s).end()
    sub = _subject_end(ctx, s[off:], body)
    if sub:
        off += sub
    rem = s[off:].rstrip()
    if LEAD_IN.match(rem.rstrip(".")) and len(rem) < 160:
        return a + off, a + off + len(rem), True
    m = re.match(r"(?:beslutade|beslutar|beslöt|besluta)\s+(?:att\s+)?(?=\S)", s[off:])
    if m:
        off += m.end()
    m = re.match(r"[,;]?\s*att\s+(?=\S)", s[off:])
    if m:
        off += m.end()
    end = len(s.rstrip())
    while end > off and s[end - 1] in ".,;: ":
        end -= 1
    tail = re.search(r"[,;]?\s+(?:samt|och)$", s[off:end])      # "att bifalla motionen, samt ⏎ att …"
    if tail:
        end = off + tail.start()
    return a + off, a + end, False


def _running_decisions(ctx: Ctx, a: int, b: int, body: str | None) -> list[Decision]:
    """Decisions said in running text: "<Body> godkände månadsrapporten och beslutade att …",
    "Nämnden lägger informationen till handlingarna.", "Föredragningslistan godkändes."."""
    t = ctx.text
    out = []
    for s, e in sentences(t, a, b):
        sent = t[s:e]
        bare = re.sub(r"^\s*(?:\d{1,2}[.)]|[•\-–])\s*", "", sent)
        if PROCEDURAL.search(bare) or re.search(r"\b(?:föreslår|föreslog|yrkar|yrkade)\b", bare) \
                and not re.match(rf"^\S+\s+föreslår\s+(?:kommun|region|landstings)?fullmäktige", bare):
            continue
        sub = _subject_end(ctx, bare, body)
        active = sub is not None and re.match(DECISION_VERB, bare[sub:])
        if not active and not (PASSIVE_DECISION.search(bare) and len(bare) < 200):
            continue
        ds, de, _ = _decision_text(ctx, s, e, body)
        # "Socialnämnden beslutar att anta planen, att uppdra åt förvaltningen att …": one decision per "att"
        for cs, ce in _clauses(ctx, ds, de) if re.search(r"[,;]\s+att\s", t[ds:de]) else [(ds, de)]:
            cs, ce, _ = _decision_text(ctx, cs, ce, body)
            while ce > cs and t[ce - 1] in ".,;: \n":
                ce -= 1
            text = re.sub(r"\s+", " ", t[cs:ce]).strip()
            if text:
                out.append(Decision(text, [ctx.span(cs, ce)]))
    return out


# ---------------------------------------------------------------- reservations and statements
RESERVES = re.compile(r"\breserver(?:ade|ar|at)\s+sig\b|\breservation(?:er)?\b.*\b(?:av|från|lämna[sr]?|lämnade|"
                      r"anmäl(?:er|de|des|s)|inkom)\b|\b(?:lämna[rs]?|lämnade|anmäl(?:er|de|s)|inkom)\b.*\breservation",
                      re.I)
STATEMENT = re.compile(r"\b(?P<kind>ersättaryttrande|särskil(?:t|da)\s+(?:uttalande|yttrande)(?:n)?)\b", re.I)


def _who(ctx: Ctx, s: int, e: int, cut_words: str) -> list[tuple[str | None, str | None, int, int]]:
    """(name, party, start, end) of who a reservation or statement is by: named members, or
    party groups ("S-ledamöterna", "Socialdemokraterna", "(c)-gruppen")."""
    t = ctx.text
    sent = t[s:e]
    cut = re.search(cut_words, sent, re.I)
    hi = s + cut.start() if cut else e
    people = persons(t, s, hi)
    out = [(p.name, p.party, p.start, p.end) for p in people]
    if out:
        return out
    taken = []
    for m in PARTY_GROUP_RX.finditer(t, s, hi):
        for pm in re.finditer(r"\(?([A-ZÅÄÖa-zåäö][A-ZÅÄÖa-zåäö]{0,3})\)?-", m["parties"]):
            out.append((None, _party(pm.group(1)), m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in PARTY_NAME_RX.finditer(t, s, hi):
        if not any(a <= m.start() < b for a, b in taken):
            out.append((None, PARTY_NAMES[m.group(1).lower()], m.start(), m.end()))
    for m in PAREN_PARTY_RX.finditer(t, s, hi):
        if not any(a <= m.start() < b for a, b in taken):
            out.append((None, _party(m["party"]), m.start(), m.end()))
    seen, uniq = set(), []
    for w in out:
        if (w[0], w[1]) not in seen:
            seen.add((w[0], w[1]))
            uniq.append(w)
    return uniq


def _reservations(ctx: Ctx, a: int, b: int) -> list[Reservation]:
    out = []
    for s, e in sentences(ctx.text, a, b):
        sent = ctx.text[s:e]
        if len(sent) > 400 or not RESERVES.search(sent):
            continue
        if re.fullmatch(r"\s*Reservation(?:er)?\s*:?\s*", sent):
            continue
        for name, party, _, _ in _who(ctx, s, e, r"\btill\s+förmån\s+för\b|\benligt\b|\bi\s+bilaga"):
            out.append(Reservation(name, party, [ctx.span(s, e)]))
    return out


def _statements(ctx: Ctx, a: int, b: int) -> list[Statement]:
    out = []
    for s, e in sentences(ctx.text, a, b):
        sent = ctx.text[s:e]
        m = STATEMENT.search(sent)
        if not m or len(sent) > 400:
            continue
        kind = "ersättaryttrande" if m["kind"].lower().startswith("ersättar") else "särskilt uttalande"
        for name, party, _, _ in _who(ctx, s, e, r"\bbilaga\b|:"):
            out.append(Statement(kind, name, party, [ctx.span(s, e)]))
    return out


# ---------------------------------------------------------------- one agenda item
def _item(ctx: Ctx, p: Para, body: str | None) -> AgendaItem:
    t = ctx.text
    dnrs: list[str] = []
    head_end = p.line_end
    rest = t[p.rest_start:p.line_end]
    title_parts: list[tuple[int, int]] = []
    # the "§ N" line: maybe a diarienummer, maybe the title
    if rest.strip():
        found = _dnrs_in(rest)
        dnrs += [n for n, _ in found]
        cut = min([s for _, s in found], default=len(rest))
        pre = re.sub(r"(?i)[\s,;]*(?:dnr|diarienummer|diarienr|ärendenummer|ärendenr)\.?\s*:?\s*$", "", rest[:cut])
        if pre.strip() and not _is_dnr_line(rest):
            a = p.rest_start + len(pre) - len(pre.lstrip())
            title_parts.append((a, p.rest_start + len(pre.rstrip())))
    lines = _lines(t, p.line_end, p.end)
    i = 0
    # diarienummer printed above the title
    while i < len(lines) and _is_dnr_line(t[lines[i][0]:lines[i][1]]):
        dnrs += [n for n, _ in _dnrs_in(t[lines[i][0]:lines[i][1]])]
        head_end = lines[i][1]
        i += 1
    if not title_parts and i < len(lines):
        x, y = lines[i]
        s = t[x:y]
        if _section_of(ctx, s, body)[0] is None and not LIST_ITEM.match(s.strip()):
            mark = re.match(r"[ \t]*(?:#{1,6}[ \t]+|\*\*)", s)       # a Markdown heading or bold line
            title_parts.append((x + (mark.end() if mark else 0), x + len(s.rstrip()) - (2 if mark and s.rstrip().endswith("**") else 0)))
            head_end = y
            i += 1
    if title_parts:
        # a title broken over lines: short lines up to a diarienummer or a heading
        j = i
        while j < len(lines) and j < i + 2:
            x2, y2 = lines[j]
            s2 = t[x2:y2]
            if _is_dnr_line(s2) or _section_of(ctx, s2, body)[0] or LIST_ITEM.match(s2.strip()) \
                    or len(s2) > 100 or re.search(r"[.!?:]$", t[title_parts[-1][0]:title_parts[-1][1]]) \
                    or re.search(r"[.!?]$", s2.strip()) and len(s2.split()) > 3:
                break
            nxt = lines[j + 1] if j + 1 < len(lines) else None
            nxt_s = t[nxt[0]:nxt[1]] if nxt else ""
            if nxt is None or not (_is_dnr_line(nxt_s) or _section_of(ctx, nxt_s, body)[0]):
                break
            title_parts.append((x2, y2))
            head_end = y2
            j += 1
        i = j
    # diarienummer printed under the title
    while i < len(lines) and _is_dnr_line(t[lines[i][0]:lines[i][1]]):
        dnrs += [n for n, _ in _dnrs_in(t[lines[i][0]:lines[i][1]])]
        head_end = lines[i][1]
        i += 1
    title = " ".join(re.sub(r"\s+", " ", t[x:y]).strip() for x, y in title_parts).strip().rstrip(".,;:–- (").strip()
    item = AgendaItem(paragraph=p.n, title=title, diarienummer=list(dict.fromkeys(dnrs)),
                      evidence=[ctx.span(p.start, head_end)])

    # sections of the paragraph body
    sections: list[tuple[str, int, int]] = []     # (kind, start, end)
    cur_kind, cur_start = "preamble", head_end
    for x, y in lines[i:]:
        s = t[x:y]
        kind, glued = _section_of(ctx, s, body)
        gm = GLUED_HEADING.search(s) if kind is None else None
        if kind:
            sections.append((cur_kind, cur_start, x))
            if glued:
                cur_kind, cur_start = kind, y - len(glued)
            elif HEAD_PREFIX.match(s.strip()):
                cur_kind, cur_start = kind, x
            else:
                cur_kind, cur_start = kind, y
        elif gm:
            sections.append((cur_kind, cur_start, x + gm.start("h")))
            cur_kind, cur_start = _heading(gm["h"]) or "other", y
    sections.append((cur_kind, cur_start, p.end))

    decision_secs = [(a, b) for k, a, b in sections if k == "decision"]
    for a, b in decision_secs:
        item.decisions += _decision_points(ctx, a, b, body)
    if not item.decisions:
        for k, a, b in sections:
            if k == "preamble":
                item.decisions += _running_decisions(ctx, a, b, body)
    if not item.decisions:
        # a decision heading run into the text, as a flattened PDF gives it: "ARBETSUTSKOTTET BESLUTAR att …"
        for dm in re.finditer(r"(?<![\wåäö])(?:[A-ZÅÄÖ]{3,}S?\s+)+(?:BESLUTAR|BESLUT|FÖRESLÅR)\s+(?:att\s+)?", t[head_end:p.end]):
            ds = head_end + dm.end()
            stop = re.search(r"[.;]\s|\s(?:[A-ZÅÄÖ]{3,}\s|Justerandes)|$", t[ds:p.end])
            de = ds + stop.start()
            if de > ds:
                item.decisions.append(Decision(re.sub(r"\s+", " ", t[ds:de]).strip(), [ctx.span(ds, de)]))
    # a reservation told in the decision section ("Mot beslutet reserverar sig Nina Ek (V).") is not a decision
    item.decisions = [d for d in item.decisions if not RESERVES.search(d.text)]
    item.reservations = _reservations(ctx, head_end, p.end)
    item.statements = _statements(ctx, head_end, p.end)
    return item


# ---------------------------------------------------------------- the meeting's body and date
MEETING_KINDS = {"nämnd", "styrelse", "fullmäktige"}
OWN_WORD = {"nämnd": "nämnden", "styrelse": "styrelsen", "fullmäktige": "fullmäktige"}
PROTOKOLL_HEADER = re.compile(
    r"\b(?:Sammanträdes)?[Pp]rotokoll(?:\s+nr\s*\d+(?:/\d+)?)?\s+(?P<who>[A-ZÅÄÖ][A-Za-zÅÄÖåäö-]{1,30}"
    r"(?:[ \t]+(?:och|[a-zåäö][a-zåäö-]{1,30})){0,3})?\s*(?P<date>(?:19|20)\d\d-\d\d-\d\d)\b")     # "Barn- och utbildningsnämnden"
ORGAN = re.compile(r"^\s*(?:Organ|Instans|Nämnd|Beslutande\s+organ)\s*:?\s+(?P<who>[^\n]+)$", re.M)
AT_MEETING = re.compile(r"\b(?:vid|från|på)\s+(?P<who>[\wåäöÅÄÖ-]+s)\s+(?:sammanträde|möte)\b")
UTSKOTT = re.compile(r"\b(?P<name>(?:[A-ZÅÄÖ][a-zåäö]+(?:nämndens|styrelsens)\s+)?(?:[A-ZÅÄÖa-zåäö][a-zåäö]*-\s+och\s+)?"
                     r"[A-ZÅÄÖa-zåäö][a-zåäö]*utskott(?:et)?)\b")
DATE_LABEL = re.compile(r"(?:Sammanträdesdatum|Sammanträdesdag|Mötesdatum|Datum\s+för\s+sammanträdet)\s*:?\s*", re.I)
NOT_MEETING_DATE = re.compile(r"anslag|juster|nedtag|sätts\s+upp|tas\s+ned|förvarings|underskrift|paragrafer", re.I)
TIME_LABEL = re.compile(r"^\s*(?:Tid\s+och\s+plats|Plats\s+och\s+tid|Tid|Datum|Sammanträde|Sammanträdet)\b\s*:?", re.I | re.M)


# "Spånga-Tensta stadsdelsnämnd", "Stadsdelsnämnden Askim-Frölunda-Högsbo", "Stadsområdesnämnd Norr"
DISTRICT_BODY = re.compile(
    r"(?<![\wåäö-])(?P<pre>[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)*\s+(?:stadsdelsnämnd|stadsområdesnämnd))s?(?![\wåäö])"
    r"|(?<![\wåäö-])(?P<post>(?:Stadsdelsnämnden|Stadsdelsnämnd|Stadsområdesnämnden|Stadsområdesnämnd)\s+"
    r"[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)*)(?![\wåäö])")


def _district_body(ctx: Ctx, m: re.Match) -> str:
    """A district committee named in a header that the body index did not know: add it."""
    name = m["pre"] or m["post"]
    s = m.start("pre") if m["pre"] else m.start("post")
    label = ctx.bodies.resolve(name)
    if label:
        return label
    label = ctx.bodies.add(name, "nämnd", s, s + len(name))
    for dm in DISTRICT_BODY.finditer(ctx.text):
        n = dm["pre"] or dm["post"]
        ds = dm.start("pre") if dm["pre"] else dm.start("post")
        if n.lower() == name.lower() and not ctx.bodies.taken(ds, ds + len(n)):
            ctx.bodies.add(label, "nämnd", ds, ds + len(n), surface=n)
    return label


def _utskott_body(ctx: Ctx, s: int, e: int) -> str:
    name = ctx.text[s:e]
    label = name[0].upper() + name[1:]
    if " " not in label and not label.endswith("et"):
        label += "et"
    known = ctx.bodies.resolve(label)
    if known:
        return known
    parent = ctx.bodies.resolve(label.split()[0]) if " " in label else None
    known = ctx.bodies.add(label, "nämnd", s, e)
    if parent:
        ctx.bodies.get(known).part_of = parent
    return known


def _abbreviates(abbr: str, label: str) -> bool:
    """'AMN' ~ 'Arbetsmarknadsnämnden', 'KS' ~ 'Kommunstyrelsen', 'BUN' ~ 'Barn- och utbildningsnämnden'."""
    a, l = abbr.lower(), label.lower()
    if len(a) < 2 or not l.startswith(a[0]):
        return False
    suffix = re.search(r"(nämnden|styrelsen|fullmäktige|utskottet)$", l)
    if not suffix or a[-1] != suffix.group(1)[0]:
        return False
    pos = 1
    for ch in a[1:-1]:
        pos = l.find(ch, pos, suffix.start())
        if pos < 0:
            return False
        pos += 1
    return True


def _body_of(ctx: Ctx, who: str, at: int) -> str | None:
    """A meeting-holding body from a surface: a name, its genitive, or an abbreviation."""
    who = who.strip(" .,:;")
    for mention in ctx.bodies.mentions_in(at, at + len(who) + 1):
        b = ctx.bodies.get(mention.label)
        if b and b.kind in MEETING_KINDS:
            return mention.label
    label = ctx.bodies.resolve(who)
    if label and ctx.bodies.get(label) and ctx.bodies.get(label).kind in MEETING_KINDS:
        return label
    if re.fullmatch(r"[A-ZÅÄÖ]{2,6}", who):
        cands = [b for b in ctx.bodies.all() if b.kind in MEETING_KINDS and _abbreviates(who, b.label)]
        if cands:
            return max(cands, key=lambda b: len(b.evidence)).label
    return None


def _meeting_body(ctx: Ctx, header: tuple[int, int], paras: list[Para]) -> tuple[str | None, list[Span]]:
    t = ctx.text
    votes: Counter[str] = Counter()
    ev: dict[str, list[Span]] = {}

    def vote(label: str | None, w: int, a: int, b: int) -> None:
        if label:
            votes[label] += w
            ev.setdefault(label, []).append(ctx.span(a, b))

    hl, hh = header
    for m in ORGAN.finditer(t):
        vote(_body_of(ctx, m["who"], m.start("who")), 6, m.start(), m.end())
    # "Organ BEVIS Justeringen har tillkännagivits genom anslag Jämtlands läns landstingsstyrelse" (flattened)
    for m in re.finditer(r"(?<![\wåäö])(?:Organ|Beslutsinstans|Nämnd/[Ss]tyrelse|Nämnd)(?-i:(?![a-zåäö]))\s*:?", t):
        near = [x for x in ctx.bodies.mentions_in(m.end(), m.end() + 200)
                if ctx.bodies.get(x.label) and ctx.bodies.get(x.label).kind in MEETING_KINDS]
        if near:
            vote(near[0].label, 5, m.start(), near[0].end)
    for m in PROTOKOLL_HEADER.finditer(t):
        if m["who"]:
            vote(_body_of(ctx, m["who"], m.start("who")), 5, m.start(), m.end())
    # the header: "Protokoll fört vid kommunstyrelsens sammanträde", "Sammanträdesprotokoll
    # Socialnämnden", or a body named on a line of its own next to "Protokoll"
    head_lines = _lines(t, hl, hh)[:15]
    protokoll_head = any(re.search(r"protokoll", t[x:y], re.I) for x, y in head_lines)
    for x, y in head_lines:
        s = t[x:y]
        if re.search(r"juster|förhinder|anmäl", s, re.I):
            continue
        titled = bool(re.search(r"protokoll|sammanträde", s, re.I)) or \
            protokoll_head and len(s.strip()) <= 60 and not re.search(r"[.,:;]", s)
        um = UTSKOTT.search(s)
        if um and titled:
            # an utskott holds its own meetings: "Kommunstyrelsens arbetsutskott"
            vote(_utskott_body(ctx, x + um.start(), x + um.end()), 6, x, y)
            continue
        named = {m.label for m in ctx.bodies.mentions_in(x, y) if ctx.bodies.get(m.label).kind in MEETING_KINDS}
        if not named:
            named = {_district_body(ctx, dm) for dm in DISTRICT_BODY.finditer(t, x, y)}
        if len(named) != 1:
            continue
        label = named.pop()
        if re.search(r"protokoll|sammanträde", s, re.I):
            vote(label, 5, x, y)
        elif protokoll_head and len(s.strip()) <= len(label) + 30 and not re.search(r"[.,:;]", s):
            vote(label, 4, x, y)
    for m in AT_MEETING.finditer(t):
        vote(_body_of(ctx, m["who"], m.start("who")), 2, m.start(), m.end())
    for p in paras:
        for x, y in _lines(t, p.line_end, p.end):
            s = t[x:y].strip()
            m = re.match(r"^(?P<gen>[A-ZÅÄÖ][\wåäö-]*s)\s+(?:beslut\b|förslag\s+till\s+(?!beslut))", s)
            if m:
                vote(_body_of(ctx, m["gen"], x), 3, x, x + m.end())
                continue
            m = re.match(r"^(?:\d{1,2}[.)]\s*)?(?P<who>[A-ZÅÄÖ][\wåäö-]+)\s+(?:beslutade|beslutar|beslöt)\b", s)
            if m:
                vote(_body_of(ctx, m["who"], x + m.start("who")), 1, x + m.start("who"), x + m.end("who"))
    if votes:
        label = max(votes, key=lambda k: (votes[k], -min(s.start for s in ev[k])))
        return label, ev[label][:3]
    # the most named body that can hold a meeting
    counts = Counter(m.label for m in ctx.bodies.mentions if ctx.bodies.get(m.label).kind in MEETING_KINDS)
    if counts:
        label = counts.most_common(1)[0][0]
        first = min((m for m in ctx.bodies.mentions if m.label == label), key=lambda m: m.start)
        return label, [ctx.span(first.start, first.end)]
    return None, []


def _meeting_date(ctx: Ctx, header: tuple[int, int]) -> tuple[str | None, list[Span]]:
    t = ctx.text
    # "Sammanträdesdatum 2021-03-24", also in the anslag/bevis block of the justering
    for m in DATE_LABEL.finditer(t):
        window = t[m.end():m.end() + 60]
        ds = [d for d in find_dates(window, ctx.year) if d.has_year and d.start < 25]
        if ds:
            return ds[0].iso, [ctx.span(m.start(), m.end() + ds[0].end)]
    # "Protokoll AMN 2019-06-18" (running header or footer)
    found = Counter()
    where: dict[str, Span] = {}
    hl, hh = header
    for m in PROTOKOLL_HEADER.finditer(t):
        line = t[t.rfind("\n", 0, m.start()) + 1:m.start()]
        if not m.group().startswith(("Protokoll", "Sammanträdesprotokoll", "PROTOKOLL")) \
                or LIST_ITEM.match(line.strip()) or not (m["who"] or hl <= m.start() < hh):
            continue
        iso = find_dates(m["date"])[0].iso
        found[iso] += 1
        where.setdefault(iso, ctx.span(m.start(), m.end()))
    if found:
        iso = found.most_common(1)[0][0]
        return iso, [where[iso]]
    # "Tid: 2019-06-18 kl 18.00", "Tid och plats: Rådhuset, måndagen den 24 februari 2020, kl. 18.30"
    for m in TIME_LABEL.finditer(t, hl, hh):
        line_end = t.find("\n", m.end())
        line_end = hh if line_end < 0 else min(line_end, hh)
        if NOT_MEETING_DATE.search(t[m.start():line_end]):
            continue                     # "Datum då anslaget sätts upp: …", "Justeringens plats och tid"
        ds = [d for d in find_dates(t[m.end():line_end], ctx.year) if d.has_year]
        if ds:
            return ds[0].iso, [ctx.span(m.start(), m.end() + ds[0].end)]
    # a date on a line of its own at the top ("Kommunstyrelsen\n2021-03-24"), or after the board's name ("Miljönämnden
    # 2021-05-04"), before any justering
    for x, y in _lines(t, hl, hh)[:10]:
        s = t[x:y]
        if re.search(r"juster|anslag", s, re.I) and not re.fullmatch(r"\s*Justerat protokoll\s*", s):
            break
        ds = [d for d in find_dates(s, ctx.year) if d.has_year]
        if len(ds) != 1:
            continue
        rest = (s[:ds[0].start] + s[ds[0].end:]).strip(" ,:")
        if len(rest) < 4 or ctx.bodies.resolve(rest):
            return ds[0].iso, [ctx.span(x + ds[0].start, x + ds[0].end)]
    # "… 1(54) Plats och tid Folkets Hus, Vilhelmina, torsdagen den 9 juni 2016, kl …" (a flattened header)
    for m in re.finditer(r"(?<!Justeringens )(?<![\wåäö])(?:Plats och tid|Tid och plats|Sammanträdesdatum)\b", t[hl:hh]):
        a = hl + m.end()
        window = t[a:a + 120]
        stop = re.search(r"Justering|[Aa]nslag", window)
        ds = [d for d in find_dates(window[:stop.start()] if stop else window, ctx.year) if d.has_year]
        if ds:
            return ds[0].iso, [ctx.span(hl + m.start(), a + ds[0].end)]
    # "fört vid sammanträde med … tisdagen den 18 juni 2019" in the header
    for m in re.finditer(r"\bsammanträde(?:t)?\b", t[hl:hh], re.I):
        a = hl + m.start()
        window = t[a:a + 160]
        stop = re.search(r"[.\n]\s*[A-ZÅÄÖ]|justera", window)
        window = window[:stop.start()] if stop else window
        ds = [d for d in find_dates(window, ctx.year) if d.has_year]
        if ds:
            return ds[0].iso, [ctx.span(a, a + ds[0].end)]
    return None, []


# ---------------------------------------------------------------- chair and adjusters
ADJUST = re.compile(
    r"(?:fick|får|gavs|ges)\s+i\s+uppdrag\s+att\s+justera|\butses?\s+(?:att\s+)?(?:jämte\s+ordföranden\s+)?(?:att\s+)?justera|"
    r"\butsågs\s+(?:att\s+)?(?:(?:jämte|tillsammans\s+med)\s+ordförande(?:n)?\s+)?(?:att\s+)?justera|"
    r"(?:jämte|tillsammans\s+med)\s+ordförande(?:n)?\s+justera|"
    r"\b(?:till|som)\s+(?:protokoll)?justerare?\s+(?:utses|utsågs|valdes|väljs)|"
    r"\b(?:utses|utsågs|valdes|väljs)\s+(?:till\s+)?(?:protokoll)?justerare|"
    r"\bprotokollet\s+justeras\s+av\b|"          # "Protokollet justeras av Bo Ask och Ulf Ris."
    r"\bjusterade?\s+(?:dagens\s+)?protokollet\b|"    # "… och Bo Berg justerade protokollet."
    r"^\s*(?:(?:Justerare|Justerande|Justeras\s+av|Protokolljusterare|Protokollsjusterare)\b|Just\.?(?=\s*:|(?-i:[ \t]+[A-ZÅÄÖ]))|Att\s+justera(?=\s*:))", re.I | re.M)
ADJUST_LABEL = re.compile(r"^\s*(?:Justerare|Justerande|Justeras(?:\s+av)?|Utse(?:s|dd|dda)\s+att\s+justera|Protokolls?justerare"
                          r"|Justeringsperson(?:er)?|Justering"
                          r"|Just\.?(?=\s*:|(?-i:[ \t]+[A-ZÅÄÖ])))(?-i:(?![a-zåäö0-9]))[ \t]*:?[ \t]*", re.I | re.M)
NAMES_ONLY = re.compile(r"[\w\s()åäöÅÄÖéü.'’-]+(?:(?:,|och|\s{2,}|\t)[\w\s()åäöÅÄÖéü.'’-]+)*")
OTHER_SIGN_LABEL = re.compile(r"(?:[ \t]{2,}|\t)(?:Utdragsbestyrkande|Rätt\s+utdraget\s+betygar|Sekreterare|Ordförande"
                              r"|Justeringsdatum|Justeringens\s+plats|Paragrafer)\b")
NOT_ADJUSTER = re.compile(r"\bmed\s+$|\bersättare\s+(?:för\s+)?$", re.I)


def _name_above(ctx: Ctx, label_start: int, label_end: int) -> tuple[str, int, int] | None:
    """The name a role label stands under in a signature block that writes the role below each name ("Anna Ek ⏎
    Ordförande ⏎ ⏎ Bo Berg ⏎ Justerare"): the line right above the label is a name alone, and a blank line (or the end)
    follows the label, so the label has no name of its own below it."""
    t = ctx.text
    if not (label_end >= len(t.rstrip()) or re.match(r"[ \t]*\n[ \t]*(?:\n|$)", t[label_end:label_end + 40])):
        return None
    prev_end = t.rfind("\n", 0, label_start)
    if prev_end <= 0:
        return None
    prev_start = t.rfind("\n", 0, prev_end) + 1
    line = t[prev_start:prev_end]
    found = _names_in(ctx, prev_start, prev_end, allow_bare=True)
    if len(found) == 1 and re.fullmatch(r"[ \t]*" + re.escape(t[found[0][1]:found[0][2]]) + r"(?:[ \t]*\([A-ZÅÄÖa-zåäö]{1,4}\))?[ \t]*", line):
        return found[0]
    return None


def _names_in(ctx: Ctx, a: int, b: int, allow_bare: bool) -> list[tuple[str, int, int]]:
    """Names in text[a:b], with their party or (allow_bare) without one."""
    t = ctx.text
    out = [(p.name, p.start, p.end) for p in persons(t, a, b)]
    if allow_bare:
        for m in NAME_TEXT.finditer(t, a, b):
            if any(s <= m.start() < e for _, s, e in out):
                continue
            got = _clean_name(t, m.start(), m.end())
            if not got or ctx.bodies.resolve(got[0]) or ctx.bodies.taken(got[1], m.end()):
                continue
            if re.match(r"[ \t]*,?[ \t]*[a-zåäö]*(?:chef|sekreterare|direktör|handläggare|tjänsteman|controller|jurist)\b",
                        t[m.end():m.end() + 40]):
                continue                   # "Peter Ahl, nämndsekreterare": an official
            out.append((got[0], got[1], m.end()))
    return sorted(out, key=lambda x: x[1])


def _adjusters(ctx: Ctx, header: tuple[int, int], paras: list[Para]) -> tuple[list[str], list[Span]]:
    t = ctx.text
    names: list[str] = []
    ev: list[Span] = []

    def take(found: list[tuple[str, int, int]], a: int) -> None:
        for name, s, e in found:
            cells = table_cells(t, s, e, CELL_GAP)
            if len(cells) > 1:
                # two names side by side under the label, in columns ("Helén Bergman          Roger Norén")
                take([(t[x:y], x, y) for x, y in cells], a)
                continue
            if len(name.split()) >= 4:
                # two names run together on a signature line ("Sara Lind Peter Holm")
                run = _split_run(t, s, e, 2) or _split_run(t, s, e, 3)
                if run:
                    take(run, a)
                    continue
            before = t[a:s]
            if NOT_ADJUSTER.search(before) or re.match(r"\s+som\s+ersättare", t[e:e + 20]):
                continue
            if _name_key(name) not in {_name_key(n) for n in names}:
                names.append(name)
                ev.append(ctx.span(s, e))

    # "Justerare: Per Holmgren (M)", "Utses att justera: …", "Justerare ....\nPer Holmgren"
    for m in ADJUST_LABEL.finditer(t):
        line_end = t.find("\n", m.end())
        line_end = len(t) if line_end < 0 else line_end
        # a second label on the line ends the names ("Justerare: Lena Ström      Utdragsbestyrkande: Kim Larsson")
        other = OTHER_SIGN_LABEL.search(t, m.end(), line_end)
        line_end = other.start() if other else line_end
        found = _names_in(ctx, m.end(), line_end, allow_bare=True)
        glued = NAME_GLUED.match(t, m.end(), line_end) if not found and t[m.end():m.end() + 1].isupper() else None
        if glued:
            found = [(re.sub(r"\s+", " ", glued.group()), glued.start(), glued.end())]
        above = _name_above(ctx, m.start(), line_end) if not found and not t[m.end():line_end].strip(" .…_:\t") else None
        if above:
            found = [above]
        elif not found and not t[m.end():line_end].strip(" .…_:\t") or SIGNATURE.search(t[m.end():line_end]):
            # the names on the lines below the label ("Justerare\nCia Ceder (V)\nDan Dal (SD)")
            pos = line_end
            for k in range(4):
                nxt_end = t.find("\n", pos + 1)
                nxt_end = len(t) if nxt_end < 0 else nxt_end
                nxt = t[pos + 1:nxt_end].strip()
                if not nxt and k == 0:
                    pos = nxt_end         # a blank line between the label and its names
                    continue
                if not nxt or not NAMES_ONLY.fullmatch(nxt) or STOP_HEAD.match(nxt) or ROLE_HEAD.match(nxt) \
                        or PARAGRAPH.match(nxt):
                    break
                got = _names_in(ctx, pos + 1, nxt_end, allow_bare=True)
                if not got:
                    break
                found += got
                pos = nxt_end
        take(found, m.end())
    # "X och Y fick i uppdrag att justera dagens protokoll", "Till justerare utses …"
    spans = [header] + [(p.start, p.end) for p in paras]
    for lo, hi in spans:
        for s, e in sentences(t, lo, hi):
            sent = t[s:e]
            if len(sent) > 400 or not ADJUST.search(sent):
                continue
            if re.search(r"\b(?:protokoll\s+från|justerat\s+den|justeras\s+den)\b", sent):
                continue
            other = OTHER_SIGN_LABEL.search(t, s, e)
            found = _names_in(ctx, s, other.start() if other else e, allow_bare=bool(re.search(r"justera", sent, re.I)))
            label = re.search(r"(?<![\wåäö])(?:Utses\s+att\s+justera|Justerare|Justerande|(?i:till\s+(?:protokoll)?justerare\s+"
                              r"(?:utses|utsågs|valdes|väljs)))(?![\wåäö])\s*:?", sent)
            named_before = re.search(r"(?i)\b(?:utses|utsågs|valdes|väljs)\s+(?:till\s+)?(?:protokoll)?justerare"
                                     r"|\bjusterade?\s+(?:dagens\s+)?protokollet", sent)
            if label:
                # a flattened header: only the names right after the label adjust ("… Utses att justera Sofia Ek"),
                # not the chair's name that a row of dots left in the same sentence ("Ordförande …… Anna Ek ⏎ Justerande")
                found = [f for f in found if f[1] >= s + label.end()][:2]
            elif named_before:
                # "Bo Berg (M) utsågs till justerare": the names of its own line, before the verb
                # (the row of names right before it: "… var ordförande och Bo Berg (M) och Cia Lund justerade protokollet")
                row, edge = [], s + named_before.start()
                for f_ in sorted((f for f in found if f[2] <= edge), key=lambda f: -f[1]):
                    if not re.fullmatch(r"[\s,]*(?:\([A-ZÅÄÖa-zåäö]{1,4}\))?[\s,]*(?:(?:och|samt)\s*)?", t[f_[2]:edge]):
                        break
                    row.insert(0, f_)
                    edge = f_[1]
                found = row[:2]
            take(found, s)
    if not names:
        take(_signature_row(ctx).get("adjuster", []), 0)
    if not names:
        # "… Utses att justera Ivan Gunnarsson Underskrifter …", "… Justerande Susanné Wallner Organ …"
        # in a flattened header or signature block
        for m in sorted(re.finditer(r"(?<![\wåäö])(?:Utses\s+att\s+justera|Justerande|Justerare|Justeras\s+av)"
                                    r"(?![\wåäö])[ \t.…_:]*", t), key=lambda m: not m.group().startswith("Utses")):
            nm = NAME_LINE.match(t, m.end())
            got = _clean_name(t, nm.start(), nm.end()) if nm else None
            if got:
                # the name, cut before a label word or a body that follows it ("Jonas Berg Organ Miljönämnden")
                words = [w for w in re.finditer(r"\S+", t[got[1]:nm.end()])]
                keep = []
                for w in words:
                    if w.group().lower() in NOT_NAME_WORDS | {"organ", "bevis", "anslag"} or \
                            ctx.bodies.taken(got[1] + w.start(), got[1] + w.end()):
                        break
                    keep.append(w)
                if len(keep) >= 2:
                    end = got[1] + keep[-1].end()
                    take([(re.sub(r"\s+", " ", t[got[1]:end]), got[1], end)], m.start())
    return names, ev


CHAIR_LABEL = re.compile(r"^\s*(?:(?:Mötes|Sammanträdes)?[Oo]rdförande|(?:Sammanträdets|Mötets)\s+ordförande)[ \t]*:?[ \t]*", re.M)
CHAIR_TEXT = re.compile(r"\bOrdföranden\s+(?=[A-ZÅÄÖ])")
CHAIR_SAID = re.compile(rf"(?P<name>{_name_rx(_GAP_LINE)})(?:[ \t]*\([A-ZÅÄÖa-zåäö]{{1,4}}\))?[ \t]+(?:var|är|valdes\s+till|utsågs\s+till)"
                        r"[ \t]+(?:mötets[ \t]+|sammanträdets[ \t]+)?ordförande\b"
                        rf"|[Tt]ill[ \t]+(?:mötes|sammanträdes)?ordförande(?:[ \t]+för[ \t]+(?:mötet|sammanträdet))?[ \t]+"
                        rf"(?:valdes|utsågs|valdes|väljs|utses)[ \t]+(?P<name2>{_name_rx(_GAP_LINE)})")


def _chair(ctx: Ctx, attendees: list[Attendee], header: tuple[int, int]) -> str | None:
    for a in attendees:
        if a.role == "ordförande":
            return a.name
    t = ctx.text
    hl, hh = header
    for m in CHAIR_LABEL.finditer(t, hl, hh):
        line_end = t.find("\n", m.end())
        line_end = hh if line_end < 0 else min(line_end, hh)
        found = _names_in(ctx, m.end(), line_end, allow_bare=True)
        if not found and (SIGNATURE.search(t[m.end():line_end]) or not t[m.end():line_end].strip()):
            nxt_end = t.find("\n", line_end + 1)
            nxt_end = hh if nxt_end < 0 else min(nxt_end, hh)
            found = _names_in(ctx, line_end + 1, nxt_end, allow_bare=True)
            if found and t[line_end + 1:nxt_end].strip() != t[found[0][1]:found[0][2]].strip():
                found = []
        if not found and not t[m.end():line_end].strip():
            above = _name_above(ctx, m.start(), line_end)
            found = [above] if above else []
        if found:
            return found[0][0]
    # "Pär-Olof Stål, ordförande" in a signature block
    m = re.search(rf"^[ \t]*(?P<name>{_name_rx(_GAP_LINE)}),[ \t]*ordförande[ \t]*$", t, re.M)
    if m:
        return re.sub(r"\s+", " ", m["name"])
    # "… Ordförande Harriet Jorderud Justerande …" in a flattened signature block: one of the attendees
    known = {_name_key(a.name): a.name for a in attendees}
    for m in re.finditer(r"(?<![\wåäö])(?:Ordförande|Ordf\.)[ \t.…_]*", t):
        nm = NAME_LINE.match(t, m.end())
        if nm:
            got = _clean_name(t, nm.start(), nm.end())
            for k, name in known.items():
                if got and (_name_key(got[0]) == k or _name_key(got[0]).startswith(k)):
                    return name
    row = _signature_row(ctx).get("chair")
    if row:
        return row[0][0]
    # "Anna Ek (S) var ordförande", "Till ordförande för sammanträdet valdes Anna Ek"
    for m in CHAIR_SAID.finditer(t, hl, hh):
        g = "name" if m["name"] else "name2"
        got = _clean_name(t, m.start(g), m.end(g))
        if got:
            return got[0]
    counts = Counter()
    for m in CHAIR_TEXT.finditer(t):
        ps = persons(t, m.end(), min(len(t), m.end() + 60))
        if ps and ps[0].start == m.end():
            counts[ps[0].name] += 1
    return counts.most_common(1)[0][0] if counts else None


# ---------------------------------------------------------------- recognising a protokoll
JUSTERING_CUE = re.compile(
    r"Justerare|Justerande|[Jj]usterandes|justera\s+(?:dagens\s+)?protokoll|protokollet\s+(?:ska\s+)?justeras|"
    r"Justeringens|[Uu]tses\s+att\s+justera|[Pp]rotokolls?justerare|Justeras\s+av")
ATTENDANCE_CUE = re.compile(r"^\s*(?:Närvarande|Beslutande|Närvarolista)\b", re.M)
PROTOKOLL_CUE = re.compile(r"\b(?:Sammanträdesprotokoll|SAMMANTRÄDESPROTOKOLL|Protokoll|PROTOKOLL|Protokollsutdrag|"
                           r"Utdrag\s+ur\s+protokoll|Sammanträdesdatum)\b")
NOT_MINUTES = {"tjänsteutlåtande", "kontorsyttrande", "remissvar", "regeringsbeslut", "återrapport", "rapport",
               "kommittédirektiv", "remiss", "skrivelse", "motion", "strategi", "handlingsplan", "program", "policy"}


def is_protokoll(ctx: Ctx, paras: list[Para]) -> bool:
    t = ctx.text
    head = t[:paras[0].start] if paras else t[:3000]
    attendance = bool(ATTENDANCE_CUE.search(head)) and bool(PERSON_LINE.search(head))
    justering = bool(JUSTERING_CUE.search(t))
    header = bool(PROTOKOLL_CUE.search(t[:600])) or ctx.kind in ("protokoll", "protokollsutdrag")
    if ctx.kind in NOT_MINUTES:
        return bool(paras) and attendance and justering
    if ctx.kind == "protokoll":
        return True                       # the document says what it is (document.classify)
    return bool(paras) and (attendance or justering or header) or attendance and justering


# ---------------------------------------------------------------- the stage
def extract(ctx: Ctx) -> None:
    try:
        _extract(ctx)
    except Exception as e:  # one odd layout must not stop the document's other stages
        ctx.notes.append(f"meetings: failed: {e!r}")


def _extract(ctx: Ctx) -> None:
    t = ctx.text
    paras = paragraphs(t)
    if not is_protokoll(ctx, paras):
        return
    header = (0, paras[0].start if paras else len(t))
    body, body_ev = _meeting_body(ctx, header, paras)
    if body is None:
        ctx.notes.append("meetings: a protokoll, but no body holding the meeting was found")
        return
    if not paras:
        paras = _abbreviated_paragraphs(t, body)
        if paras:
            header = (0, paras[0].start)
    kind = ctx.bodies.get(body).kind if ctx.bodies.get(body) else "nämnd"
    word = OWN_WORD.get(kind, "nämnden")
    u = re.search(r"([a-zåäö]*utskott)(?:et)?$", body.lower())
    if u:
        word = "utskottet"
        ctx.bodies.own.setdefault(u.group(1) + "et", body)
    d = re.search(r"(stadsdelsnämnd|stadsområdesnämnd)", body.lower())
    if d:
        ctx.bodies.own.setdefault(d.group(1) + "en", body)
    if ctx.bodies.own.get(word) not in (None, body):
        ctx.notes.append(f"meetings: '{word}' was {ctx.bodies.own[word]}, the meeting is held by {body}")
    ctx.bodies.own[word] = body

    date, date_ev = _meeting_date(ctx, header)
    if date is None:
        ctx.notes.append("meetings: no meeting date found; the meeting is stored without one")
    attendees, _block = _attendance(ctx, *header)
    if not attendees and (listed := LIST_AT_END.search(ctx.text, header[1])):
        # "Beslutande: Se närvarolista sid 4": the list printed after the last §
        attendees, _block = _attendance(ctx, listed.start(), len(ctx.text))
    adjusters, adj_ev = _adjusters(ctx, header, paras)
    chair = _chair(ctx, attendees, header)
    items = [_item(ctx, p, body) for p in paras]

    for a in attendees:
        if chair and a.name == chair and a.role == "ledamot":
            a.role = "ordförande"
    evidence = sorted(set(body_ev + date_ev + adj_ev))
    meeting = Meeting(body=body, date=date or "", chair=chair, adjusters=adjusters, attendees=attendees,
                      items=items, evidence=evidence)
    ctx.out.meetings.append(meeting)
    doc = ctx.out.document
    if doc.kind == "protokoll":
        if body == "Arbetsutskottet" and (doc.author or "").endswith(" arbetsutskott"):
            body = meeting.body = doc.author    # the head named whose subcommittee met ("Socialnämndens arbetsutskott")
        if doc.author and doc.date and doc.title == minutes_title(doc.author, doc.date):
            doc.title = minutes_title(body, doc.date)     # the title made from the author the head suggested
        doc.author = body                 # the minutes are the meeting body's own
        if not doc.signatories:
            for name, s0, e0 in _signatories(ctx, chair, adjusters):
                doc.signatories.append(name)
                doc.evidence.append(ctx.span(s0, e0))
        if not doc.date and date:
            doc.date = date
