"""Names of bodies and groups as phrases give them: the parties of an assignment ("Regeringen
uppdrar åt X, Y och Z"), a consultation's remissinstanser, a council and its place. The text
helpers the stages share to read them (clean, title_case, words, similar) live here too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from styrgraf.resources import folder

from . import register
from .bodies import bracketed_alias
from .context import Ctx

SOFT = "\u00ad"
S = r"[\s\u00ad]"        # a space inside a phrase (soft hyphens survive from web pages)
# "(S)", "(KD)", "(Fi)", "(s)", "(fp)": a party abbreviation in parentheses after a name
PARTY_IN_BRACKETS = r"\((?P<party>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,4}|[a-zåäö]{1,3})\)"

def clean(s: str) -> str:
    """A name as written, without soft hyphens, line breaks or edge punctuation."""
    s = s.replace(SOFT, "")
    s = re.sub(r"\s+", " ", s)
    return s.strip(" ,.;:*•–-\t")


def title_case(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


# the head or tail of a name that makes it an organisation ("Statens …", "…verket")
AGENCY_HEAD = re.compile(
    r"^(?:Statens|Myndigheten|Institutet|Rådet|Centrum|Centralen|Delegationen|Nämnden|Forum|Styrelsen|"
    r"Inspektionen|Kommittén|Kammarrätten|Hovrätten|Förvaltningsrätten|Länsstyrelsen|Länsstyrelserna|"
    r"Riksdagens|Kungl\.?|Kungliga|Stiftelsen|Affärsverket|Regeringskansliet|Ombudsmannen|Sametinget|"
    r"Region|Landstinget|Universitetet|Högskolan|Nationellt|Nationella|Svenska|Sveriges)\b")
AGENCY_TAIL = re.compile(
    r"(?:verket|verk|myndigheten|myndighet|styrelsen|institutet|institut|rådet|råd|nämnden|nämnd|centrum|"
    r"centralen|kollegiet|kollegium|ämbetet|inspektionen|ombudsmannen|ombudsmän|universitet|universitetet|"
    r"högskola|högskolan|kansliet|fonden|banken|delegationen|kommittén|byrån|kontoret|museer|museet|museum|"
    r"tingsrätt|hovrätt|kammarrätt|förvaltningsrätt|domstol|domstolen|polisen|akademien|akademi|biblioteket|"
    r"arkivet|anstalt|anstalten|sekretariatet|förbundet|förbund|föreningen|förening|stiftelsen|organisationen|"
    r"landsting|landstinget|kommun|stad|instituten|tjänst|service|servicecenter|kriminalvården|försvarsmakten|"
    r"kustbevakningen|sametinget|regioner|kraftnät|lotsen)$", re.I)
ACRONYM = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ0-9&-]{1,7}$")
# a word that makes a name an organisation's, also as the end of a compound ("Riksförbundet", "Företagarna")
ORGANISATION_WORD = re.compile(r"(?:förbund(?:et)?|förening(?:en)?|organisation(?:en)?|stiftelse(?:n)?|samfund(?:et)?|nätverk(?:et)?|"
                               r"kammare|akademi(?:en)?|rådet för|arna)\b|Sveriges Kommuner", re.I)
NOT_NAME_START = {
    "Den", "Det", "De", "Dessa", "Denna", "Detta", "En", "Ett", "Alla", "Samtliga", "Berörda", "Övriga",
    "Andra", "Flera", "Vissa", "Myndigheterna", "Myndigheten", "Regeringen", "Uppdraget", "Ledamoten",
    "Ledamöterna", "Ordföranden", "Ersättaren", "Förvaltningen", "Nämnden", "Staden", "Kommunen", "Ärendet",
    "Han", "Hon", "Vi", "Man", "Respektive", "Varje", "Någon", "Inga", "Ingen", "Följande", "Sådana",
    "Bland", "Även", "Också", "Här", "Där", "När", "Om", "Att", "Som", "För", "Med", "Till", "Från", "I",
    "Under", "Enligt", "Genom", "Efter", "Inom", "Vid", "Utifrån", "Mot", "Av", "Och", "Samt", "Berörd",
    "Relevanta", "Olika", "Ansvariga", "Behöriga", "Bevakningsansvariga", "Statliga", "Kommunala",
    # common nouns that end as an agency's name does ("-råd", "-verk"): "Samråd i frågan ska ske med …", "Regelverket ska …"
    "Samråd", "Samrådet", "Regelverk", "Regelverket", "Ramverk", "Ramverket", "Förråd", "Förrådet",
}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The first-name list of lexicon/fornamn.txt: a run of names written without separators is split at them, and
    a person is told from an organisation named by one word."""
    path = folder("styrgraf.ingest", "lexicon", "fornamn.txt")
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def looks_like_agency(name: str) -> bool:
    """A proper organisation name ("Statens skolverk", "MSB", "Gymnastik- och idrottshögskolan")."""
    name = clean(name)
    if not name or not name[0].isupper() or len(name.split()) > 9 or re.search(r"\d|\([A-ZÅÄÖ]{1,3}\)", name):
        return False
    if re.search(r"\b(?:med|i) att\b|\b(?:den|det|de) nya\b", name):
        return False               # a clause: "Parallellt med arbetet med att tillskapa den nya myndigheten"
    if name.split()[0] in NOT_NAME_START and not AGENCY_HEAD.match(name) or name in NOT_NAME_START:
        return False               # "Myndigheten" alone stands for a body named elsewhere
    if ACRONYM.match(name):
        return True
    last = name.split()[-1]
    return bool(AGENCY_HEAD.match(name) or AGENCY_TAIL.search(last) or AGENCY_TAIL.search(name.split()[0]))


# wording that marks a state authority: "Statens …", "Myndigheten för …", "-verket", universities, courts
AGENCY_FEATURE = re.compile(
    r"^(?:Statens|Myndigheten|Länsstyrelsen|Riks|Kungl|Institutet för|Nämnden för)|"
    r"(?:verket|myndigheten|inspektionen|ombudsmannen|kollegiet|kansliet|styrelsen|nämnden|rådet|"
    r"universitet|högskola|högskolan|domstol|domstolen|rätten|tingsrätt|centralbyrån|museum|museet|"
    r"institut|institutet|arkivet|kanslern|ämbetet|polisen|tullverket)\b", re.I)


def guess_kind(name: str) -> str:
    if re.search(r"\s(?:kommun|stad)$", name):
        return "kommun"
    if name.startswith("Region ") or re.search(r"(?:^Landstinget|s landsting)\b", name):
        return "region"
    if re.search(r"\bAB$|^AB\s|\b[Aa]ktiebolag(?:et)?\b", name):
        return "bolag"
    if re.search(r"^Institutionen för\b|\binstitutionen$|^[A-ZÅÄÖ][\wåäö-]+s enhet för\b", name):
        return "enhet"                         # a unit of a university or a ministry
    if name.endswith("departementet"):
        return "departement"
    if ORGANISATION_WORD.search(name) and not re.match(r"(?:Statens|Myndigheten|Länsstyrelsen)", name):
        return "organisation"
    if AGENCY_FEATURE.search(name):
        return "myndighet"
    return "organisation"     # a named organisation that shows no sign of being a state authority


def register_body(ctx: Ctx, name: str, start: int, end: int, kind: str | None = None) -> str | None:
    """Resolve a name written at text[start:end]; if the index does not know it, add it.

    Used only where the phrase itself shows that the words name an organisation
    (the assignee slot of "Regeringen uppdrar åt X", an item of "Remissinstanser").
    """
    label = clean(name)
    if not label:
        return None
    known = ctx.bodies.resolve(label)
    if known:
        if not ctx.bodies.taken(start, end):
            ctx.bodies.add(known, ctx.bodies.bodies[known].kind, start, end, surface=label)
        return known
    if ctx.bodies.taken(start, end):
        ms = ctx.bodies.mentions_in(start, end)
        return ms[0].label if ms else None
    # a name the register keeps out of running text for being a word too ("Sida", "Polisen", "Tillväxtanalys") is that
    # body where the phrase shows an organisation is meant
    entry = register.lookup(label)
    new = ctx.bodies.add(entry.name, entry.kind, start, end, surface=label) if entry else \
        ctx.bodies.add(title_case(label), kind or guess_kind(label), start, end, surface=label)
    # the same name elsewhere in the text is the same body ("Regeringen uppdrar åt Handisam att … Handisam ska senast
    # den 29 februari 2012 redovisa …"); the index found none of them, since it did not know the name
    surface = ctx.text[start:end]
    if surface == label:
        # (not a part of a longer name: "SAS" in "SAS Oil", "Oil" in "Hjelmco Oil", "Sveriges elevråd – SVEA")
        for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-]|[ \t]+(?:[A-ZÅÄÖ0-9]|[–-][ \t]))", ctx.text):
            if not ctx.bodies.taken(m.start(), m.end()) and not re.search(r"[A-ZÅÄÖ][\wåäö-]*[ \t]+$", ctx.text[max(0, m.start() - 40):m.start()]):
                ctx.bodies.add(new, ctx.bodies.bodies[new].kind, m.start(), m.end(), surface=label)
    return new


def _alias(ctx: Ctx, label: str, paren: str | None) -> None:
    if paren:
        bracketed_alias(ctx.bodies, paren.strip(), label)


@dataclass
class Party:
    text: str                 # as written (cleaned)
    start: int
    end: int
    label: str | None = None  # body label when the words name a body


# a county by the name its board is "Länsstyrelsen i … län" of: "Stockholms", "Västra Götalands"
_COUNTY = r"[A-ZÅÄÖ][\wåäö]+(?:[ -][A-ZÅÄÖ][\wåäö]+)?"
COUNTY_BOARDS = re.compile(rf"\b[Ll]änsstyrelserna\s+i\s+(?P<list>{_COUNTY}(?:\s*,\s*{_COUNTY})*\s+(?:och|samt)\s+{_COUNTY})\s+län\b")
SPLIT = re.compile(r"\s*,\s*(?:och\s+|samt\s+|såsom\s+|däribland\s+|bland\s+annat\s+|t\.\s?ex\.\s+|exempelvis\s+)?|(?<!-)\s+(?:och|samt|respektive|eller)\s+(?:även\s+)?")
# the meeting a charge was given at, before the one charged: "gav på onsdagens sammanträde sektor utbildning …"
MEETING_AT = r"(?:på|vid)\s+(?:[a-zåäö]+s\s+|sitt\s+)?(?:sammanträde|sammanträdet|möte|mötet)"
LEAD_ADV = re.compile(
    r"(?:(?:även|också|därför|dessutom|vidare|härmed|nu|återigen|samtidigt|gemensamt|"
    r"bland\s+(?:annat|andra)|bl\.\s?a\.|med\s+(?:ändring|anledning)\s+av\s+[^,]{1,120},|"
    r"den\s+\d{1,2}\s+[a-zåäö]+(?:\s+\d{4})?|(?:år\s+)?\d{4}|tidigare|regeringen|i\s+uppdrag\s+åt|"
    rf"{MEETING_AT}|"
    r"i\s+(?:sin\s+|[\wåäö]+s\s+)?budget(?:en)?(?:\s+för)?(?:\s+verksamhetsåret?)?(?:\s+år)?\s+\d{4})[\s,]+)+",
    re.I)


MEMBERS_OF = re.compile(r"\s*(?:de|alla|samtliga)\s+[a-zåäö]+\s+som\s+(?:ingår|deltar)\s+i\s+")
# a time or an adverb after a name, before the verb it is the subject of: "Regeringen beslutar att Socialstyrelsen
# under 2015 får i uppdrag att …", "… att Boverket från och med 2021 ska …", "Tillväxtverket även får …"
TRAILING_ADV = re.compile(
    r"(?:\s+(?:under|från\s+och\s+med|fr\.\s?o\.\s?m\.|till\s+och\s+med|t\.\s?o\.\s?m\.|efter|före|inför|i)\s+"
    r"(?:perioden\s+|åren\s+|år\s+|den\s+\d{1,2}\s+[a-zåäö]+\s+)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?"
    r"|\s+(?:även|också|därför|dessutom|vidare|härmed|nu|gemensamt))+$")
# one word that names an organisation by its own name ("Handisam", "Vinnova"): what the government charges with a
# task where a name stands alone ("Regeringen uppdrar åt Handisam att …"), unless it is a person's first name
PROPER_WORD = re.compile(r"[A-ZÅÄÖ][a-zåäö]{3,}")


def parties(ctx: Ctx, a: int, b: int, register: str = "agency") -> list[Party]:
    """The bodies or groups listed in text[a:b] ("X, Y och Z", "romska företrädare och berörda nämnder").

    register: "agency" adds unknown names that look like organisations, "named"
    those and a name of one word that is no first name (the party the government
    charges with a task: only an organisation or a person is), "any" adds every
    capitalised item (a list that is by definition of organisations), "none" adds
    nothing.
    """
    text = ctx.text
    m = LEAD_ADV.match(text, a, b)
    if m:
        a = m.end()
    # "de myndigheter som ingår i nationellt forum för …": the group stands for its members
    m = MEMBERS_OF.match(text, a, b)
    if m and ctx.bodies.mentions_in(m.end(), b):
        a = m.end()
    while a < b and text[a] in " ,(":
        a += 1
    while b > a and text[b - 1] in " ,.;:":
        b -= 1
    if a >= b:
        return []
    # "länsstyrelserna i Stockholms, Skåne och Norrbottens län": one county board per county
    lst = COUNTY_BOARDS.search(text, a, b)
    if lst:
        out = parties(ctx, a, lst.start(), register) if lst.start() - a > 2 else []
        for cm in re.finditer(_COUNTY, lst["list"]):
            s, e = lst.start("list") + cm.start(), lst.start("list") + cm.end()
            name = f"Länsstyrelsen i {cm.group(0)} län"
            label = ctx.bodies.resolve(name) if register == "none" else register_body(ctx, name, s, e, "myndighet")
            out.append(Party(name, s, e, label))
        return out + (parties(ctx, lst.end(), b, register) if b - lst.end() > 2 else [])
    mentions = ctx.bodies.mentions_in(a, b)

    def inside(pos: int) -> bool:
        return any(mm.start <= pos < mm.end for mm in mentions)

    # cut at separators outside mentions and parentheses
    segs: list[tuple[int, int, str]] = []     # (start, end, separator before)
    pos, sep, depth_start = a, "", a
    for sm in SPLIT.finditer(text, a, b):
        if inside(sm.start()) or text.count("(", depth_start, sm.start()) > text.count(")", depth_start, sm.start()):
            continue
        segs.append((pos, sm.start(), sep))
        sep = sm.group(0).strip(" ,") or ","
        pos = sm.end()
    segs.append((pos, b, sep))

    out: list[Party] = []
    for s, e, sep in segs:
        seg = text[s:e]
        paren = None
        pm = re.search(r"\s*\(([^()]*)\)\s*$", seg)
        name_end = e
        if pm:
            paren = pm.group(1)
            name_end = s + pm.start()
        tail = TRAILING_ADV.search(text, s, name_end)
        if tail and tail.start() > s:
            name_end = tail.start()
        name = clean(text[s:name_end])
        if not name:
            continue
        hit = next((mm for mm in mentions if mm.start <= s + 2 and mm.end >= name_end - 1 and mm.start < name_end), None)
        label = hit.label if hit else ctx.bodies.resolve(name)
        genitive = not hit and any(mm.start <= s + 2 and re.match(r"s\s+[a-zåäö]", text[mm.end:name_end])
                                   for mm in mentions)
        if not label and not genitive:
            # "social resursnämnden", "Göteborgs Stads kommunstyrelse": a body named with a qualifier in front
            tail = next((mm for mm in mentions if s < mm.start and mm.end >= name_end - 1 and mm.start < name_end
                         and len(text[s:mm.start].split()) <= 2 and text[mm.start - 1] == " "), None)
            if tail:
                label = tail.label
        # "Myndigheten för samhällsskydd" + "och beredskap": one unknown name cut at "och"
        if (not label and out and not out[-1].label and sep in ("och", "samt") and name[:1].islower()
                and len(name.split()) <= 2 and out[-1].text[:1].isupper()
                and name.split()[0] not in {w.lower() for w in NOT_NAME_START}):
            prev = out.pop()
            s, name = prev.start, clean(text[prev.start:name_end])
        # "de romska och sverigefinska minoriteterna": coordinated adjectives, one group
        if (not label and out and not out[-1].label and sep in ("och", "samt") and name[:1].islower()
                and out[-1].text[:1].islower() and re.search(r"(?:ska|iska)$", out[-1].text)):
            prev = out.pop()
            s, name = prev.start, clean(text[prev.start:name_end])
        out.append(Party(name, s, name_end, label))
        out[-1].genitive = genitive  # type: ignore[attr-defined]
        if paren and label:
            _alias(ctx, label, paren)
        out[-1].paren = paren  # type: ignore[attr-defined]

    for p in out:
        if p.label or register == "none" or getattr(p, "genitive", False):
            continue
        if register in ("agency", "named"):
            ok = looks_like_agency(p.text) or register == "named" and bool(PROPER_WORD.fullmatch(p.text)) \
                and p.text not in NOT_NAME_START and p.text not in first_names()
        else:
            ok = p.text[:1].isupper() and p.text.split()[0] not in NOT_NAME_START and len(p.text.split()) <= 10
        if ok:
            p.label = register_body(ctx, p.text, p.start, p.end)
            if p.label:
                _alias(ctx, p.label, getattr(p, "paren", None))
    return out


def body_labels(ps: list[Party]) -> list[str]:
    return list(dict.fromkeys(p.label for p in ps if p.label))


def words(s: str) -> set[str]:
    return {w[:-1] if len(w) > 5 and w.endswith("s") else w
            for w in re.findall(r"[\wåäöÅÄÖ]+", s.lower()) if len(w) > 1}


def similar(a: str | None, b: str | None, cut: float = 0.75) -> bool:
    """Two titles or tasks that say the same thing (word overlap of the shorter)."""
    if not a or not b:
        return False
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= cut


# the place a council is of, after its name: "Kommunfullmäktige i Vänersborgs kommun beslutade …"
OF_PLACE = rf"(?:{S}+i{S}+(?:[A-ZÅÄÖ][\wåäö-]+{S}+)?[A-ZÅÄÖ][\wåäö-]+(?:{S}+(?:kommun|stad|län))?)"
