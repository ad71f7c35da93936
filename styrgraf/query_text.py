"""The text of a SPARQL query file: its header comment, and the PREFIX lines it gets from
styrgraf.vocab.PREFIXES.

The named queries (queries/*.rq) declare no prefixes of their own; :func:`with_prefixes` gives
each the declarations of the prefixes it uses, after its header comment, so the text that runs
and the text shown (pages, /api) is a complete query. `styrgraf query` does the same for any
file, so a named query runs from the command line as it is.
"""
from __future__ import annotations

import re

from .vocab import PREFIXES, sparql_prefixes

# what a prefixed name cannot hide in: comments, strings (four forms) and IRIs
_SKIP = (r"\#[^\r\n]*"
         r"|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''"
         r"|\"(?:[^\"\\\r\n]|\\.)*\"|'(?:[^'\\\r\n]|\\.)*'"
         r"|<[^<>\"{}|^`\\\x00-\x20]*>")
# a prefix where a prefixed name starts (sg:madeBy/skos:prefLabel holds two; a local name's ':' starts none)
_TOKEN = re.compile(rf"(?P<skip>{_SKIP})|(?<![\w.:?$-])(?P<prefix>[A-Za-z][\w.-]*)?:", re.DOTALL)
_DECLARATION = re.compile(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:\s*<")


def header_lines(lines: list[str]) -> int:
    """How many of `lines` are the header: the leading comment lines, up to the first blank or
    uncommented line (blank lines before the first comment are skipped)."""
    started = False
    for i, line in enumerate(lines):
        s = line.strip()
        if not s and not started:
            continue
        if not s.startswith("#"):
            return i
        started = True
    return len(lines)


def used_prefixes(text: str) -> tuple[set[str], set[str]]:
    """(the prefixes `text` uses, the prefixes it declares), outside comments, strings and IRIs."""
    used = {m["prefix"] for m in _TOKEN.finditer(text) if m["prefix"]}
    code = re.sub(_SKIP, lambda m: " " if m[0].startswith(("#", '"', "'")) else "<>", text, flags=re.DOTALL)
    return used, {m[1] or "" for m in _DECLARATION.finditer(code)}


def with_prefixes(text: str) -> str:
    """`text` (a query file) with a PREFIX declaration for each prefix of
    styrgraf.vocab.PREFIXES that it uses and does not declare itself, after its header comment
    (in place of the blank line that ends it); unchanged if there are none to add."""
    used, declared = used_prefixes(text)
    missing = [p for p in PREFIXES if p in used and p not in declared]
    if not missing:
        return text
    lines = text.splitlines(keepends=True)
    at = header_lines(lines)
    rest = lines[at:]
    if rest and not rest[0].strip():
        rest = rest[1:]
    head = "".join(lines[:at])
    if head and not head.endswith("\n"):
        head += "\n"
    return head + sparql_prefixes(missing) + "".join(rest)
