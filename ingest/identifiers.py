"""Diarienummer: patterns and their parts (SFS numbers are read with their statutes in laws.py).

Diarienummer come in many registry styles:
  "KS 2024/1035", "AMN 2019-0098-1.3", "2018/000070", "Ku 2020/01108/CSM",
  "Ku2020/01108/CSM", "N2016/08067/D", "Fi 2015/1234", "dnr 123-2019".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# registry prefix (1-5 letters, optional) + year + serial (+ unit or classification code)
DIARIENUMMER = re.compile(
    r"(?<![\w/])"
    r"(?P<dnr>"
    r"(?:(?P<reg>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4})(?:\s|-)?)?"
    r"(?P<year>(?:19|20)\d\d)"
    # (a document's number within the case may follow: "KS 2023/412-10")
    r"(?:(?P<sep>/)(?P<serial>\d{1,6})(?:-(?P<part>\d{1,3})(?![\d-]))?(?:\s?/\s?(?P<unit>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,6}(?:-[A-Za-zÅÄÖåäö]+)?))?"
    r"|-(?P<serial2>\d{3,5})(?:-(?P<code>\d{1,2}(?:\.\d{1,2}){0,2}))?)"
    r")(?![\w/])"
)
# what the SHACL shapes accept as a diarienummer notation (shapes/styrgraf-shapes.ttl)
NOTATION = re.compile(r"^(([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,9}[ \u00A0-]?)?(19|20)[0-9]{2}[/-][0-9]{1,6}([/:.-][A-Za-zÅÄÖåäö0-9.]+)*"
                      r"|[0-9]{1,2}([.][0-9]{1,2}){0,3}-[0-9]{1,6}/(19|20)[0-9]{2}|[0-9]{2,6}/[0-9]{2}"
                      r"|[A-ZÅÄÖ]{2,5}[0-9]{2}/[0-9]{3,6}|[A-ZÅÄÖ]{2,5}/[0-9]{1,6}/(19|20)[0-9]{2}"
                      r"|[Dd]ir\. (19|20)[0-9]{2}:[0-9]{1,3})$")      # a committee directive's number
# words that look like a registry prefix but are ordinary words before a year
NOT_A_REGISTRY = {"Sida", "Den", "År", "Dnr", "Nr", "Från", "Till", "Och", "Jan", "Dec", "Maj"}
DNR_CUE = re.compile(r"\b(?:dnr|diarienummer|diarienr|dnr\.|ärendenummer|ärendenr\.?|ärende\s+nr\.?)\s*:?\s*", re.I)
# the styles read after DIARIENUMMER, in this order, each with whether it counts only after a cue (DNR_CUE); a
# match that starts inside a number found before is part of it
OTHER_STYLES = (
    # registry-year-serial with hyphens: "SBN-2021-00123"
    (re.compile(r"(?<![\w/-])(?P<reg>[A-ZÅÄÖ]{2,6})-(?P<year>(?:19|20)\d\d)-(?P<serial>\d{3,6})(?![\w/-])"), False),
    # a county council's styles, the registry prefix in capitals: registry + two-digit year / serial "LD13/03336",
    # registry / serial / year "LS/1611/2011"
    (re.compile(r"(?<![\w/-])(?P<reg>[A-ZÅÄÖ]{2,5})(?P<yy>\d{2})/(?P<serial>\d{3,6})(?![\w/])"), False),
    (re.compile(r"(?<![\w/-])(?P<reg>[A-ZÅÄÖ]{2,5})/(?P<serial>\d{1,6})/(?P<year>(?:19|20)\d\d)(?![\w/])"), False),
    # the year first, then the registry and the serial (and a classification): "Dnr 2018/KS 0290 10"
    (re.compile(r"(?<![\w/-])(?P<year>(?:19|20)\d\d)/(?P<reg>[A-ZÅÄÖ]{2,5})[ \u00a0](?P<serial>\d{2,6})"
                r"(?:[ \u00a0]\d{1,3}(?:\.\d{1,3})?)?(?![\w/])"), True),
    # serial / two-digit year: "Diarienummer 0123/21"
    (re.compile(r"(?<![\w/.-])(?P<serial>\d{2,6})/(?P<yy>\d{2})(?![\w/])"), True),
    # Stockholm's style "Dnr 1.2.4-123/2019" (classification code - serial / year)
    (re.compile(r"(?<![\w./-])(?P<code>\d{1,2}(?:\.\d{1,2}){0,3})-(?P<serial>\d{1,6})/(?P<year>(?:19|20)\d\d)(?![\w/])"), True),
)


@dataclass(frozen=True)
class Dnr:
    notation: str
    start: int
    end: int
    registry: str | None
    year: str
    serial: str
    unit: str | None = None
    code: str | None = None


def find_diarienummer(text: str, require_cue: bool = False) -> list[Dnr]:
    """Diarienummer in `text`. Bare "2018/000070" forms count only after a cue ("dnr")
    or with a registry prefix, since "2018/19" is as often a season or a ratio."""
    out = []
    for m in DIARIENUMMER.finditer(text):
        reg = m["reg"]
        if reg in NOT_A_REGISTRY or (reg and reg.lower() in {"dnr", "nr"}):
            reg = None
        start = m.start("dnr") if reg else m.start("year")
        cue = DNR_CUE.search(text[max(0, start - 20):start])
        serial = m["serial"] or m["serial2"]
        if m["serial2"] and not reg:
            continue  # "2019-0098" without a registry is a date-like number
        if not reg and not cue and (require_cue or len(serial) < 4):
            continue
        if require_cue and not cue:
            continue
        out.append(Dnr(notation=re.sub(r"\s*/\s*", "/", text[start:m.end()]), start=start, end=m.end(), registry=reg,
                       year=m["year"], serial=serial, unit=m["unit"], code=m["code"]))
    for rx, needs_cue in OTHER_STYLES:
        for m in rx.finditer(text):
            if needs_cue and not DNR_CUE.search(text[max(0, m.start() - 20):m.start()]):
                continue
            if any(d.start <= m.start() < d.end for d in out):
                continue
            g = m.groupdict()           # not every style has a registry or a code; "LD13/03336" a two-digit year
            out.append(Dnr(m[0], m.start(), m.end(), g.get("reg"), g.get("year") or f"20{g['yy']}", m["serial"],
                           code=g.get("code")))
    return sorted(out, key=lambda d: d.start)


def parse_diarienummer(notation: str) -> Dnr | None:
    found = find_diarienummer(notation)
    return found[0] if found else None
