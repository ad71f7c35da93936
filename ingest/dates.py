"""Dates in the forms Swedish documents write them, as ISO strings.

"den 16 december 2024", "16 dec. 2024", "2020-04-30", "tisdagen den 25 juni 2019",
"senast den 1 mars" (year from context), "230817" (YYMMDD in file names and
stamps), "2018-2022" periods, "år 2017".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAY = r"(?:måndagen|tisdagen|onsdagen|torsdagen|fredagen|lördagen|söndagen)\s+"
MONTH_WORD = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>[1-9]|[12]\d|3[01])"       # of the month, as words write it: "1", "16"

ISO_DATE = re.compile(r"(?<![\d/-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d])")
WORD_DATE = re.compile(
    rf"(?:{WEEKDAY})?(?:den\s+)?{DAY}(?:\s*:?e)?\s+{MONTH_WORD}(?:\s+(?P<year>(?:19|20)\d\d))?\b",
    re.I)
COMPACT_DATE = re.compile(r"(?<!\d)(?P<yy>[0-3]\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
YEAR_RANGE = re.compile(r"(?<![\d/:-])(?P<a>(?:19|20)\d\d)\s*(?:-|–|—|till|t\.o\.m\.)\s*(?P<b>(?:19|20)\d\d)(?![\d:/-])")
YEAR = re.compile(r"(?<![\d/:.-])(?P<y>(?:19|20)\d\d)(?![\d:/-])")


@dataclass(frozen=True)
class DateMatch:
    iso: str          # "2024-12-16", or "2024-12" never: a date without year has year None -> iso "--12-16"
    start: int
    end: int
    has_year: bool = True


def _iso(y: int | None, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}" if y else f"--{m:02d}-{d:02d}"


def find_dates(text: str, default_year: int | None = None) -> list[DateMatch]:
    """All full dates in `text`, in order; a day+month without a year takes `default_year`."""
    found: list[DateMatch] = []
    for m in ISO_DATE.finditer(text):
        found.append(DateMatch(_iso(int(m["y"]), int(m["m"]), int(m["d"])), m.start(), m.end()))
    for m in WORD_DATE.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        y = int(m["year"]) if m["year"] else default_year
        found.append(DateMatch(_iso(y, MONTHS[m["month"].lower()], int(m["day"])), m.start(), m.end(),
                               has_year=y is not None))
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str, default_year: int | None = None) -> str | None:
    """The first date in `text` as ISO, or None."""
    dates = [d for d in find_dates(text, default_year) if d.has_year]
    return dates[0].iso if dates else None


def parse_compact(text: str) -> str | None:
    """'230817' -> '2023-08-17' (YYMMDD, as in file names and registry stamps)."""
    m = COMPACT_DATE.search(text)
    return _iso(2000 + int(m["yy"]), int(m["m"]), int(m["d"])) if m else None


def year_range(text: str) -> tuple[str, str] | None:
    """'2018-2022', '2021–2024' -> ('2018', '2022')."""
    m = YEAR_RANGE.search(text)
    if m and int(m["a"]) <= int(m["b"]):
        return m["a"], m["b"]
    return None


def first_year(text: str) -> str | None:
    m = YEAR.search(text)
    return m["y"] if m else None
