"""SPARQL text read without a full parse: one lexer, and what the endpoint, the named queries, the
change feed and the remote store learn from it.

The lexer knows the parts of SPARQL that can hide a keyword: strings (4 forms), comments, IRIs
(with \\u escapes), prefixed names (with \\-escapes in the local part), variables and language
tags; everything else is a bare word, a number or one punctuation character. From its tokens:
the query form, a top-level FROM / FROM NAMED, the top-level LIMIT (where the row cap rewrites
it: :func:`cap_query`), a trailing VALUES clause, the nesting depth, and the refusals: the
keyword SERVICE (an update also LOAD), or nesting deeper than :data:`MAX_NESTING` (the engine's
recursive parser would overflow its stack); and, from the same pass over the tokens, whether the
query is bounded (styrgraf.bounded_query: the server may answer it without a worker). If a refused word occurs in the text but not as a
keyword, rdflib's SPARQL parser double-checks; a query rdflib cannot parse is then refused (we
cannot be sure). :func:`lex` gives the tokens with their brace and parenthesis depth, for
rewriting a query (named queries' VALUES, counts, pages).

The named queries (queries/*.rq) declare no prefixes of their own: :func:`with_prefixes` gives a
query file the declarations of the prefixes of styrgraf.vocab.PREFIXES it uses, after its header
comment, so the text that runs and the text shown (pages, /api) is a complete query; `styrgraf
query` does the same for any file.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any

from styrgraf.bounded_query import MAX_TOKENS, Bounded, readable, shape_of
from styrgraf.lru import BytesLRU
from styrgraf.query_errors import QueryRefused
from styrgraf.vocab import PREFIXES, sparql_prefixes


# A lexer for the parts of SPARQL that can hide a keyword: strings (4 forms),
# comments, IRIs (with \u escapes), prefixed names (with \-escapes in the local
# part), variables, language tags. Everything else is a bare word, a number or
# a single punctuation character. Bare words are keywords (or `a`, true, false).
_PN_CHARS = r"A-Za-z0-9_\-\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF"
_VAR_CHARS = _PN_CHARS.replace(r"\-", "")
_TOKEN_RE = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\r\n]*)
    | (?P<lstring>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*''')
    | (?P<string>"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*')
    | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
    | (?P<var>[?$][%(vn)s]+)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<pname>(?:[%(pn)s][%(pn)s.]*)?:(?:[%(pn)s.:]|%%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%%])*)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<number>[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)
    | (?P<punct>.)
    """ % {"pn": _PN_CHARS, "vn": _VAR_CHARS},
    re.VERBOSE | re.DOTALL,
)
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


@dataclass(frozen=True)
class QueryInfo:
    """What the lexer learnt about a query (without a full parse)."""
    form: str | None                 # SELECT / ASK / CONSTRUCT / DESCRIBE, None if not found
    refused: str | None              # "SERVICE" if the keyword occurs, "NESTING" if nested too deep
    has_dataset_clause: bool         # a top-level FROM / FROM NAMED
    limit: int | None                # the top-level LIMIT, if any
    limit_span: tuple[int, int] | None  # where its integer is in the text
    values_at: int | None            # start of a trailing top-level VALUES clause
    end: int                         # end of the last token
    bounded: Bounded | None = None   # its shape if it is bounded (styrgraf.bounded_query)


def tokens(text: str):
    """(kind, text, start, end) of every token, whitespace and comments included."""
    # every position starts a token (the last alternative takes any one character), so the matches
    # of finditer follow one another without a gap
    for m in _TOKEN_RE.finditer(text):
        yield m.lastgroup, m.group(), m.start(), m.end()


@dataclass(frozen=True)
class Tok:
    kind: str           # word (a keyword), pname, var, iri, string, lstring, lang, number, punct
    text: str
    start: int
    end: int
    depth: int          # brace depth before the token
    parens: int         # parenthesis depth before the token


def lex(text: str) -> list[Tok]:
    """The tokens that carry meaning (no whitespace or comments), each with its depth."""
    out: list[Tok] = []
    depth = parens = 0
    for kind, tok, start, end in tokens(text):
        if kind in ("ws", "comment"):
            continue
        out.append(Tok(kind, tok, start, end, depth, parens))
        if kind == "punct":
            if tok == "{":
                depth += 1
            elif tok == "}":
                depth = max(0, depth - 1)
            elif tok == "(":
                parens += 1
            elif tok == ")":
                parens = max(0, parens - 1)
    return out


def analyse_query(text: str) -> QueryInfo:
    """What the lexer learns about a query (memoised for texts up to 16 KB: applications
    send the same queries again and again)."""
    info = _ANALYSED.get(text)
    if info is not None:
        return info
    info = _analyse(text)
    _ANALYSED.put(text, info, sys.getsizeof(text) + _QUERY_INFO_BYTES + (_BOUNDED_BYTES if info.bounded else 0))
    return info


def analysed(text: str) -> QueryInfo | None:
    """analyse_query's answer if it is memoised (cheap; never runs the lexer)."""
    return _ANALYSED.get(text)


_ANALYSED = BytesLRU(4 * 1024 * 1024, max_entry=16 * 1024)
_QUERY_INFO_BYTES = 300        # a QueryInfo and its tuples (measured with tracemalloc: about 280)
_BOUNDED_BYTES = 120           # its Bounded


# The engine's parser is recursive: a query nested a few thousand levels deep (groups,
# subqueries, parentheses, blank-node brackets) overflows its stack and kills the process that
# parses it. Deeper nesting than this is refused before the text reaches the engine (500
# nested subqueries, about 1000 levels, are still answered; the engine itself copes with
# about twice that on an 8 MB stack).
MAX_NESTING = 1024
_OPENERS = frozenset("{([")
_CLOSERS = frozenset("})]")


def _nesting_depth(text: str) -> int:
    """The deepest nesting of {, ( and [ outside strings, IRIs and comments."""
    depth = deepest = 0
    for kind, value, _start, _stop in tokens(text):
        if kind == "punct":
            if value in _OPENERS:
                depth += 1
                if depth > deepest:
                    deepest = depth
            elif value in _CLOSERS:
                depth = max(0, depth - 1)
    return deepest


def _analyse(text: str) -> QueryInfo:
    form = refused = None
    has_from = False
    limit = None
    limit_span = values_at = None
    depth = 0             # of { only: the top level of the query
    nesting = deepest = 0
    end = 0
    expect_limit = False
    # the meaningful tokens, for the bounded-query classifier (None: it does not look at this text)
    toks: list[tuple[str, str]] | None = [] if readable(text) else None
    for m in _TOKEN_RE.finditer(text):          # tokens(text), without a tuple for each space
        kind = m.lastgroup
        if kind == "ws" or kind == "comment":
            continue
        value, start, stop = m.group(), m.start(), m.end()
        end = stop
        if toks is not None:
            toks.append((kind, value))
            if len(toks) > MAX_TOKENS:
                toks = None
        if expect_limit:
            expect_limit = False
            if kind == "number" and value.isdigit():
                limit, limit_span = int(value), (start, stop)
        if kind == "punct":
            if value in _OPENERS:
                nesting += 1
                if nesting > deepest:
                    deepest = nesting
                if value == "{":
                    depth += 1
            elif value in _CLOSERS:
                nesting = max(0, nesting - 1)
                if value == "}":
                    depth = max(0, depth - 1)
            continue
        if kind != "word":
            continue
        kw = value.upper()
        if kw == "SERVICE":
            refused = kw
        if depth:
            continue
        if form is None and kw in _FORMS:
            form = kw
        elif kw == "FROM":
            has_from = True
        elif kw == "LIMIT" and form is not None:
            expect_limit = True
        elif kw == "VALUES" and form is not None:
            values_at = start
    if deepest > MAX_NESTING:
        refused = "NESTING"       # checked first: rdflib's parser is recursive too
    elif refused is None:
        refused = _scan_refused(text, ("SERVICE",), update=False, raw_scanned=True)
    return QueryInfo(form, refused, has_from, limit, limit_span, values_at, end, shape_of(toks))


def analyse_update(text: str) -> str | None:
    """The refused keyword (LOAD or SERVICE) an update uses, "NESTING" if it is nested deeper
    than MAX_NESTING, else None."""
    if _nesting_depth(text) > MAX_NESTING:
        return "NESTING"
    return _scan_refused(text, ("LOAD", "SERVICE"), update=True)


_CODEPOINT_RE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape_codepoints(text: str) -> str:
    """SPARQL 1.1 §19.2: \\uXXXX / \\UXXXXXXXX may be processed before parsing
    (spargebra does so), so a keyword can be spelt with escapes."""
    def sub(m: re.Match) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except (ValueError, OverflowError):
            return m.group()
    return _CODEPOINT_RE.sub(sub, text)


def _scan_refused(text: str, words: tuple[str, ...], update: bool,
                  raw_scanned: bool = False) -> str | None:
    """A refused keyword in `text` (as written, and with codepoint escapes processed)."""
    variants = [text]
    if "\\u" in text or "\\U" in text:
        unescaped = _unescape_codepoints(text)
        if unescaped != text:
            variants.append(unescaped)
    for variant in variants[1:] if raw_scanned else variants:
        for kind, value, _start, _stop in tokens(variant):
            if kind == "word" and value.upper() in words:
                return value.upper()
    for variant in variants:
        if any(_mentions(variant, w) for w in words):
            return _rdflib_check(variant, update=update, words=words)
    return None


# an IRI reference as SPARQL writes it: no keyword can hide in one (its characters exclude spaces,
# quotes, braces and angle brackets), so a refused word inside one is no reason for a second opinion
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")


def _mentions(text: str, word: str) -> bool:
    """`word` occurs outside IRIs (in a string, a comment, or as a keyword the lexer missed)."""
    if text.isascii() and word.lower() not in text.lower():
        return False             # (beyond ASCII, case-insensitive matching knows more letters than lower())
    return re.search(rf"(?i)(?<![\w:?$@]){word}(?![\w:])", _IRIREF.sub(" ", text)) is not None


_RDFLIB_CHECK_MAX = 200_000


def _rdflib_check(text: str, update: bool, words: tuple[str, ...]) -> str | None:
    """Second opinion when a refused word occurs in the text but the lexer saw no keyword
    (it sits in a string, IRI or comment). Refuses if rdflib finds the construct or
    cannot parse the text at all (we cannot then be sure)."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    if len(text) > _RDFLIB_CHECK_MAX:
        return next(w for w in words if _mentions(text, w))    # too big to verify cheaply
    try:
        tree = parseUpdate(text) if update else parseQuery(text)
    except Exception:
        # rdflib could not parse it; the engine may, so be safe
        return next(w for w in words if _mentions(text, w))
    found: list[str] = []

    def walk(node: Any) -> None:
        name = getattr(node, "name", None)
        if name == "ServiceGraphPattern":
            found.append("SERVICE")
        elif name == "Load":
            found.append("LOAD")
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, (list, tuple)):
            for v in node:
                walk(v)
        elif hasattr(node, "asList") and not isinstance(node, str):
            for v in node:
                walk(v)

    walk(tree)
    return found[0] if found else None


def refusal_message(keyword: str, update: bool) -> str:
    if keyword == "NESTING":
        what = "update" if update else "query"
        return (f"the {what} is nested more than {MAX_NESTING} levels deep (groups {{ }}, subqueries, "
                "parentheses or brackets); the engine's parser cannot take it. Flatten the "
                f"{what}.")
    if keyword == "SERVICE":
        return ("SERVICE (federated query) is not allowed on this endpoint: it would make the "
                "server send requests to other hosts. Query the other endpoint yourself and "
                "combine the results client-side.")
    return "LOAD is not allowed on this endpoint: the server does not fetch data from URLs."


def check_query(text: str) -> QueryInfo:
    """Analyse a query; raise QueryRefused if it uses SERVICE or is nested too deep."""
    info = analyse_query(text)
    if info.refused:
        raise QueryRefused(refusal_message(info.refused, update=False))
    return info


def check_update(text: str) -> None:
    """Raise QueryRefused if an update uses LOAD or SERVICE or is nested too deep."""
    refused = analyse_update(text)
    if refused:
        raise QueryRefused(refusal_message(refused, update=True))


def cap_query(text: str, info: QueryInfo, cap: int) -> str | None:
    """`text` with its top-level LIMIT set to at most `cap`, or None when it needs no cap
    (ASK, CONSTRUCT/DESCRIBE — capped in triples instead — or a LIMIT <= cap)."""
    if info.form != "SELECT":
        return None
    if info.limit is not None:
        if info.limit <= cap:
            return None
        a, b = info.limit_span
        return f"{text[:a]}{cap}{text[b:]}"
    if info.values_at is not None:
        p = info.values_at
        return f"{text[:p]}LIMIT {cap}\n{text[p:]}"
    return f"{text[:info.end]}\nLIMIT {cap}\n{text[info.end:]}"


# ============================================================== prefixes of a query file
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
    """(the prefixes `text` uses, the prefixes it declares), read by the lexer: prefixed names in
    comments, strings and IRIs do not count."""
    used: set[str] = set()
    declared: set[str] = set()
    after_prefix = False
    for kind, value, _start, _end in tokens(text):
        if kind in ("ws", "comment"):
            continue
        if kind == "pname":
            (declared if after_prefix else used).add(value.split(":", 1)[0])
        after_prefix = kind == "word" and value.upper() == "PREFIX"
    return used, declared


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
