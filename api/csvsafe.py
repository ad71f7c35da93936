"""CSV and TSV that a spreadsheet opens as data, never as formulas (OWASP, "CSV Injection").

Excel, LibreOffice and Google Sheets run a cell that begins with `=`, `+`, `-` or `@` (also tab
or carriage return) as a formula, so text from the documents could call out or run commands on
an analyst's machine. Every cell the server writes goes through `neutralise`: such text gets a
leading single quote (shown as text, not stored with it) and, in CSV, is quoted. Plain numbers
(-5, +3.2, 1e-3) are left as they are, so numeric data stays exact.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

__all__ = ["neutralise", "csv_cell", "csv_text", "safe_sparql_csv", "safe_sparql_tsv"]

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
# a cell is quoted when it holds a field separator (also `;` and tab: Swedish Excel splits on
# `;`, so an unquoted "a;=1+1" would become a formula cell), a quote or a line break
_QUOTE = re.compile(r'[,;\t"\r\n]')


def neutralise(text: str) -> str:
    """`text` with a leading single quote if a spreadsheet would take it as a formula."""
    if text.startswith(_TRIGGERS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_cell(value: str) -> str:
    """One CSV field (RFC 4180), neutralised; quoted when neutralised or when it needs it."""
    safe = neutralise(value)
    if safe != value or _QUOTE.search(safe):
        return '"' + safe.replace('"', '""') + '"'
    return safe


def csv_text(rows: Iterable[Iterable[str]]) -> str:
    """Rows of strings as CSV with CRLF line ends, every cell through csv_cell."""
    return "".join(",".join(csv_cell(c) for c in row) + "\r\n" for row in rows)


def safe_sparql_csv(body: bytes) -> bytes:
    """A SPARQL CSV result (the engine's serialisation) with its cells neutralised."""
    return csv_text(csv.reader(io.StringIO(body.decode("utf-8"), newline=""))).encode("utf-8")


# a TSV cell is a term in Turtle syntax; only a string literal can start with a trigger (a
# spreadsheet strips the quotes), e.g. "=1+2"@sv; numbers are bare (-5) and stay as they are
_TSV_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')


def safe_sparql_tsv(body: bytes) -> bytes:
    """A SPARQL TSV result with the text of its literals neutralised."""
    def cell(term: str) -> str:
        m = _TSV_LITERAL.match(term)
        return f'"{neutralise(m.group(1))}"{term[m.end():]}' if m else term
    lines = body.decode("utf-8").split("\n")
    return "\n".join([lines[0]] + ["\t".join(map(cell, line.split("\t"))) for line in lines[1:]]).encode("utf-8")
