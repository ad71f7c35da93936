"""Stage: laws — statutes cited by their SFS number.

"lagen (2009:724) om nationella minoriteter och minoritetsspråk",
"Lag (2009:724) om …", "socialtjänstlagen (2001:453)", "förordning (2007:1244) om …",
"Förordningen (2022:811) med instruktion för Arbetsförmedlingen",
"offentlighets- och sekretesslagen (2009:400)", "Socialtjänstlagen (SFS 2001:453)".

The title is given in the form of the statute book: the indefinite form,
capitalised, with its "om …"/"med …" phrase: "Lag om nationella minoriteter och
minoritetsspråk", "Socialtjänstlag", "Förordning med instruktion för
Arbetsförmedlingen". A bare "lagen (2011:203)" names no title. One Law per SFS
number, with every place it is cited as evidence.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .context import Ctx
from .model import Law

SOFT = "\u00ad"
# the kinds of statute a name ends in, with their definite forms ("socialtjänstlagen" is a "lag"); "ordning" and "form"
# name one only as the end of a compound ("arbetsordningen", "regeringsformen")
KINDS = {"lag": "lagen", "förordning": "förordningen", "balk": "balken", "ordning": "ordningen", "form": "formen",
         "kungörelse": "kungörelsen", "stadga": "stadgan"}
COMPOUND_ONLY = {"ordning", "form"}
_KIND = "|".join(k if k in COMPOUND_ONLY else f"[{k[0].upper()}{k[0]}]{k[1:]}" for k in KINDS)   # "[Ll]ag|…|ordning|…"
NAME = (r"(?P<name>(?:[A-ZÅÄÖa-zåäö][\wåäö\u00ad]*-\s(?:och|eller)\s)?(?:[A-ZÅÄÖa-zåäö][\wåäö\u00ad-]*?)?"
        rf"(?:{_KIND})(?:en)?(?:s(?=\s*\())?)")   # also "trafikförordningens (1998:1276)"
CITED = re.compile(
    rf"\b{NAME}\s*\(\s*(?:SFS\s*)?(?P<sfs>(?:1[6-9]|20)\d\d:\s?\d{{1,4}})\s*\)"
    r"(?=(?:\s+(?P<prep>om|med)\s+(?P<title>[^\n]{3,240}))?)")
BARE_SFS = re.compile(r"\bSFS\s+(?P<sfs>(?:1[6-9]|20)\d\d:\d{1,4})\b")
# where the "om …" phrase of a title ends
TITLE_END = re.compile(
    r"[;:()\[\]\n]|\.(?!\s?fl\.|\s?m\.|fl\b|m\b)(?=\s|$)|,\s|\s(?:ska|skall|har|hade|kan|får|bör|gäller|är|var|blir|blev|anges|"
    r"angavs|framgår|innebär|finns|fanns|trädde|träder|ersätts|ersattes|ändras|ändrades|upphävs|upphävdes|upphör|"
    r"tillämpas|tillämpades|införs|infördes|föreslås|föreslogs|överförs|överfördes|så|omfattar|reglerar|måste|skulle|samt|men|eller|"
    r"som|vilket|vilka|där|enligt|jämte|liksom|respektive|avser|föreskriver|medför|medger|"
    r"och\s+(?:lagen|förordningen|i|enligt|de|den|det|att|dess|som|till|för|med|om|[\wåäö]+(?:lagen|förordningen)\b)|"
    r"i\s+(?:stället|sin|dess|den|det|fråga|samband|enlighet)|för\s+att|till\s+(?:följd|exempel)|när|"
    r"om\s+(?:det|den|inte|detta)|ifråga|inom\s+ramen|utifrån|genom\s+att|vad\s+gäller|i\s+syfte|att|tar|ger|gör|"
    r"ta|ge|göra|utarbeta|utarbetar|lämna|lämnar|svara|svarar|genomföra|genomför|beslutat?|beslutade|fattat?)\b")


def canonical_name(name: str) -> str:
    """'socialtjänstlagen' -> 'Socialtjänstlag', 'Förordningen' -> 'Förordning'."""
    n = re.sub(r"\s+", " ", name.replace(SOFT, "")).strip()
    if n.lower().endswith(tuple(definite + "s" for definite in KINDS.values())):
        n = n[:-1]                        # the genitive: "trafikförordningens"
    low = n.lower()
    for kind, definite in KINDS.items():
        if low.endswith(definite):
            n = n[:len(n) - len(definite) + len(kind)]      # "…lagen" -> "…lag", "…stadgan" -> "…stadga"
            break
    return n[:1].upper() + n[1:]


def _rank(title: str | None) -> tuple[int, int]:
    """A title with its "om …" phrase beats a bare name; then the fuller one."""
    if not title:
        return (0, 0)
    return (2 if re.search(r"\s(?:om|med)\s", title) else 1, len(title))


def cited(text: str) -> Iterator[tuple[str, str, str | None, int, int]]:
    """Each statute cited by its SFS number: (number, name, title or None, start, end of the citation)."""
    for m in CITED.finditer(text):
        sfs = re.sub(r"\s", "", m["sfs"])
        name = canonical_name(m["name"])
        if name.lower() in COMPOUND_ONLY or re.search(r"\d", name) or re.fullmatch(r"\d+:0+", sfs):
            continue                      # (also a bill's "lag (2024:000) om …", whose number is not given yet)
        title = None
        end = m.end("sfs") + 1
        if m["title"]:
            t0 = m.start("title")
            stop = TITLE_END.search(text, t0, m.end("title"))
            t1 = stop.start() if stop else m.end("title")
            phrase = re.sub(r"\s+", " ", text[t0:t1].replace(SOFT, "")).strip(" ,")
            phrase = re.sub(r"(?:\s+(?:om|och|samt|för|i|med|av|till|på))+$", "", phrase)   # "… och kontroll om att …"
            words = phrase.split()
            if len(words) > 14:
                phrase = " ".join(words[:14])
            if words and len(phrase) >= 3:
                title = f"{name} {m['prep']} {phrase}"
                end = t0 + len(text[t0:t1].rstrip(" ,"))
        if title is None and name.lower() not in KINDS:
            title = name
        yield sfs, name, title, m.start("name"), end


def extract(ctx: Ctx) -> None:
    text = ctx.text
    if ":" not in text:
        return
    laws: dict[str, Law] = {}
    for sfs, _name, title, start, end in cited(text):
        law = laws.get(sfs)
        span = ctx.span(start, end)
        if law is None:
            laws[sfs] = Law(sfs=sfs, title=title, evidence=[span])
        else:
            if _rank(title) > _rank(law.title):
                law.title = title
            if span not in law.evidence:
                law.evidence.append(span)
    for m in BARE_SFS.finditer(text):
        sfs = m["sfs"]
        span = ctx.span(m.start(), m.end())
        if sfs in laws:
            if not any(e.start <= span.start < e.end for e in laws[sfs].evidence):
                laws[sfs].evidence.append(span)
        else:
            laws[sfs] = Law(sfs=sfs, title=None, evidence=[span])
    for law in laws.values():
        law.evidence.sort()
    ctx.out.laws.extend(laws.values())
