"""The register of Swedish public bodies: official names, the other names in use, identifiers.

Built from the reference lists in `lexicon/` (state authorities, municipalities, counties, from
public registers) and `lexicon/register.tsv` (corrections of those lists, short names and
abbreviations, regions, bodies created after the lists). It resolves a name as a text writes it
("Vinnova", "Skolverket", "MSB", "Tandvårds- och läkemedelsförmånsverket") to one entry, whose
official name becomes the body's label and whose other names its alt labels.

A name in the register is never evidence: a body is stored only where a text names it.
Resolution is deterministic (exact names, case-insensitive except for abbreviations).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from styrgraf.resources import folder

LEXICON = folder("styrgraf.ingest", "lexicon")


@dataclass(frozen=True)
class Entry:
    name: str                                  # official name (prefLabel)
    kind: str                                  # body kind of the API contract
    aliases: tuple[str, ...] = ()              # other names in use (altLabel)
    identifiers: tuple[tuple[str, str], ...] = ()   # (scheme, code): ("kommunkod", "0180"), ("länskod", "20")


def one_word(name: str) -> bool:
    """A name of one word ('MSB', 'Vinnova', 'Skolverket') is looked for exactly as written:
    'formas' is a verb and 'msb' no name."""
    return " " not in name.strip()


# one-word names that are ordinary words as well ("Sida 3 (7)" heads a page): only a text that
# defines them ("… (Sida)") makes them names
AMBIGUOUS = {"Sida", "Polisen", "Kulturanalys", "Tillväxtanalys", "Vårdanalys"}
# two-letter abbreviations that name one body wherever they stand
UNAMBIGUOUS_SHORT = {"FN", "EU"}


def _clean_reference(name: str) -> tuple[str, tuple[str, ...]]:
    """A reference-list name without its trailing acronym: 'Arbetsmiljöverket (av)' -> ('Arbetsmiljöverket', ('AV',))."""
    m = re.fullmatch(r"(?P<n>.+?)(?:\s*\((?P<a>[a-zåäö]{2,6})\)|,\s*(?P<b>[a-zåäö]{2,6}))", name.strip())
    if m:
        return m["n"], ((m["a"] or m["b"]).upper(),)
    return name.strip(), ()


def _county_board_names(name: str) -> tuple[str, ...]:
    """What a county board is also called, by its county without "län" (and with a genitive where none belongs):
    'Länsstyrelsen i Östergötlands län' -> ('Länsstyrelsen i Östergötland', 'Länsstyrelsen Östergötland')."""
    m = re.fullmatch(r"Länsstyrelsen i (?P<county>.+?)(?P<s>s?) län", name)
    if not m:
        return ()
    # "Länsstyrelsen i Skånes län", as texts also write it, is that board too (and no board of "Skåne" and a "län")
    return (f"Länsstyrelsen i {m['county']}", f"Länsstyrelsen {m['county']}") + \
        ((f"Länsstyrelsen i {m['county']}s län",) if not m["s"] else ())


def _rows(path: Path, **kw):
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader((line for line in f if not line.startswith("#")), **kw)


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    by_name: dict[str, Entry] = {}
    corrections = {r["reference"]: r for r in _rows(LEXICON / "register.tsv", delimiter="\t") if r["reference"]}
    additions = [r for r in _rows(LEXICON / "register.tsv", delimiter="\t") if not r["reference"]]

    def put(e: Entry) -> None:
        old = by_name.get(e.name)
        if old:
            e = Entry(e.name, e.kind, tuple(dict.fromkeys(old.aliases + e.aliases)),
                      tuple(dict.fromkeys(old.identifiers + e.identifiers)))
        by_name[e.name] = e

    def split(aliases: str) -> tuple[str, ...]:
        return tuple(a.strip() for a in (aliases or "").split(";") if a.strip())

    for row in _rows(LEXICON / "myndigheter.tsv", delimiter="\t"):
        fix = corrections.get(row["name"])
        if fix:
            put(Entry(fix["name"], fix["kind"], split(fix["aliases"])))
        else:
            name, acronyms = _clean_reference(row["name"])
            put(Entry(name, "myndighet", acronyms + _county_board_names(name)))
    for row in additions:
        code = (row.get("länskod") or "").strip()
        put(Entry(row["name"], row["kind"], split(row["aliases"]), (("länskod", code),) if code else ()))
    for row in _rows(LEXICON / "kommuner.csv"):
        put(Entry(row["name"], "kommun", (), (("kommunkod", row["code"]),)))
    return tuple(by_name.values())


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Entry], dict[str, Entry]]:
    """(lower-case name of several words -> entry, one-word name as written -> entry)."""
    names: dict[str, Entry] = {}
    words: dict[str, Entry] = {}
    for e in entries():
        for n in (e.name,) + e.aliases:
            if one_word(n):
                words.setdefault(n, e)
            else:
                names.setdefault(n.lower(), e)
    return names, words


def lookup(name: str) -> Entry | None:
    """The entry a name as written refers to, or None. Names of several words are compared in
    lower case, with one space and "- och" spelt out; a one-word name as written, or with a
    capital first letter ("arbetsförmedlingen")."""
    names, words = _index()
    n = re.sub(r"\s+", " ", name.strip())
    n = re.sub(r"-och\b", "- och", n)
    if one_word(n):
        return words.get(n) or (words.get(n[:1].upper() + n[1:]) if n.endswith(("en", "et", "na")) else None)
    return names.get(n.lower())


@lru_cache(maxsize=1)
def searchable_names() -> dict[str, Entry]:
    """Every name worth looking for in running text, name -> entry: not two-letter abbreviations
    (too ambiguous), not ordinary words, not municipalities (found by their wording, "X kommun")."""
    out: dict[str, Entry] = {}
    for e in entries():
        if e.kind == "kommun":
            continue
        for n in (e.name,) + e.aliases:
            if one_word(n) and (len(n) < 3 and n not in UNAMBIGUOUS_SHORT or n in AMBIGUOUS):
                continue
            out.setdefault(n, e)
    return out


def scb_code(label: str, kind: str) -> tuple[str, str] | None:
    """(scheme, code) of SCB's code of a municipality ("kommunkod", "0180" for "Stockholms stad")
    or a region ("länskod", "01" for "Region Stockholm"), None for any other body."""
    if kind == "kommun":
        place = re.sub(r"\s+(?:kommun|[Ss]tad)$", "", label)
        code = municipality_codes().get(place)
        return ("kommunkod", code) if code else None
    if kind == "region" and (entry := lookup(label)) is not None:
        code = dict(entry.identifiers).get("länskod")
        return ("länskod", code.zfill(2)) if code else None
    return None


@lru_cache(maxsize=1)
def municipality_codes() -> dict[str, str]:
    """Place ('Stockholm', 'Upplands Väsby') -> kommunkod."""
    out = {}
    for e in entries():
        if e.kind == "kommun":
            place = e.name.removesuffix(" kommun")
            code = dict(e.identifiers)["kommunkod"]
            out[place] = code
            out[place.removesuffix("s")] = code
    return out
