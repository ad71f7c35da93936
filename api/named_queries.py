"""Named SPARQL queries: the files in `queries/`, their parameters, and safe binding.

A named query is one file `queries/<name>.rq` that starts with a header of
comment lines::

    # title: What is a body responsible for?
    # description: Everything a body is responsible for, under which policy …
    #   (an indented comment line continues the previous entry)
    # param: body (string, none) — the body's IRI or its name
    # param: iri (iri*, required) — the facts

The header ends at the first blank or uncommented line. A query file declares no prefixes: the
loader (styrgraf.query_text.with_prefixes) puts a ``PREFIX`` line after the header for each
prefix of styrgraf.vocab.PREFIXES the query uses, so the text a query runs, and the text shown
of it, is a complete query.

`# param: NAME (TYPE, DEFAULT) — DESCRIPTION` declares a parameter:

* TYPE is one of ``iri``, ``string``, ``date``, ``datetime``, ``integer``,
  ``boolean``; a trailing ``*`` (``iri*``) lets the parameter take several
  values.
* DEFAULT is ``required`` (the caller must give a value), ``none`` (optional:
  left out, the variable stays unbound, so the query tests it with
  ``!BOUND(?NAME) || …``) or a default value of the type.

Binding (:func:`bind`)
----------------------
Values are never spliced into the query text as strings. Each value is first
turned into an RDF term by its declared type — an IRI must parse as an
absolute IRI (``pyoxigraph.NamedNode``), a string becomes a
``pyoxigraph.Literal`` whose ``str()`` is a correctly escaped SPARQL literal,
dates and integers are checked against their lexical forms — and the term's
own serialisation is used. The terms of a parameter are then injected as one
inline-data block ``VALUES ?NAME { term … }`` at the very start of the
query's outermost WHERE group (found with a small lexer that skips strings,
IRIs and comments). That binds ``?NAME`` for the whole group: its triple
patterns, its FILTERs and the EXISTS / NOT EXISTS inside them. The same block
is also injected at the start of the WHERE group of every sub-SELECT that uses
``?NAME`` in its own group (not only in a sub-SELECT nested in it), so a query
can filter and page in a sub-SELECT before it joins labels (the inside of UNION
branches and OPTIONALs is evaluated on its own, so queries use parameters at a
group level or within EXISTS). Several values
for one parameter give a VALUES block with several rows; a query that must
not multiply its rows groups or uses DISTINCT.

Because a term can only be an IRI or a literal, no value can end the VALUES
block, open a new clause or comment out the rest of the query: a string such
as ``"} ; DROP ALL #`` stays a literal, an "IRI" with ``>`` or a space is
rejected before any query is built.

Date parameters accept ``YYYY``, ``YYYY-MM`` and ``YYYY-MM-DD`` and are bound
as plain string literals (queries compare them as prefixes, so a year matches
the dates within it); datetimes are bound as ``xsd:dateTime`` in UTC.

:func:`count_query` and :func:`page_query` derive the total-count and one-page
variants of a bound SELECT (the page appends ``LIMIT``/``OFFSET`` with checked
integers).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import pyoxigraph as ox

from styrgraf.query_text import Tok, header_lines, lex, with_prefixes
from styrgraf.resources import QUERIES_DIR
from styrgraf.vocab import XSD

__all__ = [
    "Param", "NamedQuery", "ParamError", "QueryFileError", "TYPES", "RESERVED",
    "IRI_PATTERN", "DATE_PATTERN", "DATETIME_PATTERN",
    "parse_query_file", "load_queries", "registry", "bind", "to_term", "inject_values",
    "count_query", "page_query", "projection",
]

TYPES = ("iri", "string", "date", "datetime", "integer", "boolean")
# names the HTTP runner uses for itself; a query cannot declare them
RESERVED = frozenset({"limit", "offset", "format"})
MAX_VALUES = 100_000            # values of one parameter
MAX_IRI = 4096                  # characters of one IRI value
MAX_STRING = 100_000            # characters of one string value

_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_PARAM_RE = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(?P<type>[a-z]+\*?)\s*,\s*(?P<default>[^()]*?)\s*\)"
    r"\s*(?:—|–|--|-|:)?\s*(?P<description>.*)$")
_KEY_RE = re.compile(r"^#\s?(?P<key>[a-z_]+):\s*(?P<value>.*)$")
# OpenAPI patterns of the HTTP layer: every value they admit is accepted by to_term (except the
# rare calendar slip such as 2023-02-29, which to_term rejects with a clear message)
_IRI_CHAR = r"([A-Za-z0-9._~!$&'()*+,;=:@\u00A0-\uD7FF-]|%[0-9A-Fa-f]{2})"
IRI_PATTERN = (rf"^(https?://[A-Za-z0-9._~-]+(:[0-9]{{1,5}})?(/{_IRI_CHAR}*)*"
               rf"|urn:[A-Za-z0-9][A-Za-z0-9-]{{0,31}}:({_IRI_CHAR}|/)+)"
               rf"(\?({_IRI_CHAR}|[/?])*)?(#({_IRI_CHAR}|[/?])*)?$")
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
DATETIME_PATTERN = (r"^([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-"
                    r"((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-9]))"
                    r"([Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?([Zz]|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?)?$")
# what each pattern asks for, in words: a 422 says this rather than quoting the pattern
PATTERN_MEANING = {
    DATE_PATTERN: "a date: YYYY, YYYY-MM or YYYY-MM-DD (2026, 2026-01 or 2026-01-31)",
    DATETIME_PATTERN: "an ISO 8601 date-time such as 2026-01-31T09:00:00Z (UTC if no offset) or a date such as 2026-01-31",
    IRI_PATTERN: "an absolute IRI (http://, https:// or urn:)",
}
_DATE_RE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?\Z")
_INT_RE = re.compile(r"[+-]?[0-9]{1,18}\Z")
_BOOL = {"true": "true", "1": "true", "yes": "true", "false": "false", "0": "false", "no": "false"}


class ParamError(ValueError):
    """A parameter value is missing, unknown or not of its declared type."""


class QueryFileError(ValueError):
    """A query file's header or text is malformed."""


def _form_index(toks: list[Tok]) -> int:
    for i, t in enumerate(toks):
        if t.kind == "word" and t.depth == 0 and t.text.upper() in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return i
    raise QueryFileError("no SELECT, ASK, CONSTRUCT or DESCRIBE found")


def _where_open(toks: list[Tok]) -> Tok:
    """The `{` that opens the outermost WHERE group."""
    start = _form_index(toks)
    for t in toks[start:]:
        if t.kind == "punct" and t.text == "{" and t.depth == 0:
            return t
    raise QueryFileError("the query has no WHERE group")


def projection(text: str) -> list[str] | None:
    """The variables a SELECT projects, in order; None for `SELECT *` or other forms."""
    toks = lex(text)
    i = _form_index(toks)
    if toks[i].text.upper() != "SELECT":
        return None
    cols: list[str] = []
    base_parens = toks[i].parens
    after_as = False
    for t in toks[i + 1:]:
        if t.kind == "punct" and t.text == "{" or t.kind == "word" and t.text.upper() in ("WHERE", "FROM"):
            break
        if t.kind == "punct" and t.text == "*" and t.parens == base_parens:
            return None
        if t.kind == "word" and t.text.upper() == "AS":
            after_as = True
            continue
        if t.kind == "var" and (t.parens == base_parens or after_as):
            cols.append(t.text[1:])
        after_as = False
    return cols


def _variables(text: str) -> set[str]:
    return {t.text[1:] for t in lex(text) if t.kind == "var"}


# ============================================================== parameters and files
@dataclass(frozen=True)
class Param:
    name: str
    type: str                       # one of TYPES
    many: bool = False              # may take several values
    required: bool = False
    default: str | None = None      # a default value (lexical form), if any
    description: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "many": self.many, "required": self.required,
                "default": self.default, "description": self.description}


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    columns: list[str] | None = field(default=None, compare=False)
    path: Path | None = field(default=None, compare=False)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    @property
    def param_names(self) -> list[str]:
        return [p.name for p in self.params]

    def bind(self, values: Mapping[str, Any] | None = None) -> str:
        return bind(self, values or {})

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "description": self.description,
                "params": [p.to_dict() for p in self.params], "columns": self.columns}


def parse_query_file(text: str, name: str, path: Path | None = None) -> NamedQuery:
    """Parse a query file's header and check it against the query text (with its prefixes)."""
    if not _NAME_RE.match(name.replace("-", "_")):
        raise QueryFileError(f"{name}: a query name is letters, digits, '-' and '_'")
    text = with_prefixes(text)
    meta: dict[str, str] = {}
    params: list[Param] = []
    raw_params: list[str] = []
    last: str | None = None
    lines = text.splitlines()
    for line in lines[:header_lines(lines)]:
        s = line.strip()
        if not s:
            continue
        m = _KEY_RE.match(s)
        if m:
            key, value = m["key"], m["value"].strip()
            if key == "param":
                raw_params.append(value)
                last = "param"
            else:
                meta[key] = value
                last = key
        elif last is not None:              # a continuation line
            more = s.lstrip("#").strip()
            if more:
                if last == "param":
                    raw_params[-1] += " " + more
                else:
                    meta[last] = f"{meta[last]} {more}".strip()
    if not meta.get("title"):
        raise QueryFileError(f"{name}: the header has no '# title:' line")
    used = _variables(text)
    seen = set()
    for raw in raw_params:
        m = _PARAM_RE.match(raw)
        if not m:
            raise QueryFileError(f"{name}: cannot read parameter line {raw!r}; "
                                 "expected 'name (type, default) — description'")
        pname, ptype, default = m["name"], m["type"], m["default"].strip()
        many = ptype.endswith("*")
        ptype = ptype.rstrip("*")
        if ptype not in TYPES:
            raise QueryFileError(f"{name}: parameter {pname} has unknown type {ptype!r} (one of {', '.join(TYPES)})")
        if pname in RESERVED:
            raise QueryFileError(f"{name}: parameter name {pname!r} is reserved")
        if pname in seen:
            raise QueryFileError(f"{name}: parameter {pname} is declared twice")
        if pname not in used:
            raise QueryFileError(f"{name}: parameter {pname} is not a variable of the query")
        seen.add(pname)
        required = default.lower() == "required"
        dflt = None if required or default.lower() in ("none", "", "-") else default
        param = Param(pname, ptype, many, required, dflt, m["description"].strip())
        if dflt is not None:
            try:
                to_term(param, dflt)
            except ParamError as e:
                raise QueryFileError(f"{name}: default of {pname}: {e}") from None
        params.append(param)
    try:
        _where_open(lex(text))
        columns = projection(text)
    except QueryFileError as e:
        raise QueryFileError(f"{name}: {e}") from None
    return NamedQuery(name, meta["title"], meta.get("description", ""), tuple(params), text, columns, path)


def load_queries(directory: str | Path = QUERIES_DIR, *, strict: bool = True,
                 errors: list[str] | None = None) -> dict[str, NamedQuery]:
    """All `*.rq` files of `directory` by name. strict: a malformed file raises QueryFileError;
    otherwise it is skipped and its message appended to `errors`."""
    out: dict[str, NamedQuery] = {}
    for path in sorted(Path(directory).glob("*.rq")):
        try:
            out[path.stem] = parse_query_file(path.read_text(encoding="utf-8"), path.stem, path)
        except (QueryFileError, OSError, UnicodeDecodeError) as e:
            if strict:
                raise
            if errors is not None:
                errors.append(f"{path.name}: {e}")
    return out


@lru_cache(maxsize=1)
def registry() -> dict[str, NamedQuery]:
    """The shipped queries (parsed once per process)."""
    return load_queries(QUERIES_DIR)


# ============================================================== terms and binding
def to_term(param: Param, value: Any) -> ox.NamedNode | ox.Literal:
    """One value as an RDF term of the parameter's type; raises ParamError."""
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        if param.type == "iri" and not isinstance(value, ox.NamedNode):
            raise ParamError(f"{param.name}: expected an IRI")
        return value
    t = param.type
    if t == "integer":
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise ParamError(f"{param.name}: expected an integer")
        s = str(value).strip()
        if not _INT_RE.match(s):
            raise ParamError(f"{param.name}: {_show(s)} is not an integer")
        return ox.Literal(str(int(s)), datatype=ox.NamedNode(XSD + "integer"))
    if t == "boolean":
        if isinstance(value, bool):
            s = "true" if value else "false"
        else:
            s = _BOOL.get(str(value).strip().lower())
            if s is None:
                raise ParamError(f"{param.name}: {_show(value)} is not true or false")
        return ox.Literal(s, datatype=ox.NamedNode(XSD + "boolean"))
    if t == "datetime" and isinstance(value, datetime):
        return _datetime_literal(value)
    if t == "date" and isinstance(value, date) and not isinstance(value, datetime):
        return ox.Literal(value.isoformat())
    if not isinstance(value, str):
        raise ParamError(f"{param.name}: expected a text value")
    if t == "iri":
        s = value.strip()
        if not s or len(s) > MAX_IRI:
            raise ParamError(f"{param.name}: expected an absolute IRI of at most {MAX_IRI} characters")
        try:
            return ox.NamedNode(s)
        except (ValueError, TypeError) as e:
            raise ParamError(f"{param.name}: {_show(s)} is not an absolute IRI ({e})") from None
    if t == "string":
        if len(value) > MAX_STRING:
            raise ParamError(f"{param.name}: at most {MAX_STRING} characters")
        if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
            raise ParamError(f"{param.name}: the text is not valid Unicode")
        return ox.Literal(value)
    if t == "date":
        s = value.strip()
        if not _DATE_RE.match(s):
            raise ParamError(f"{param.name}: {_show(s)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return ox.Literal(s)
    if t == "datetime":
        s = value.strip().upper()
        try:
            if len(s) == 10 and _DATE_RE.match(s):
                dt = datetime.combine(date.fromisoformat(s), datetime.min.time())
            else:
                dt = datetime.fromisoformat(s)
        except ValueError:
            raise ParamError(f"{param.name}: {_show(s)} is not an ISO 8601 date-time "
                             "(e.g. 2024-05-01T12:00:00Z)") from None
        return _datetime_literal(dt)
    raise ParamError(f"{param.name}: unknown type {t}")  # pragma: no cover - types are checked on load


def _datetime_literal(dt: datetime) -> ox.Literal:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    try:
        dt = dt.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        raise ParamError(f"date-time {dt} is out of range") from None
    return ox.Literal(dt.isoformat().replace("+00:00", "Z"), datatype=ox.NamedNode(XSD + "dateTime"))


def _show(value: Any, n: int = 60) -> str:
    s = repr(value)
    return s if len(s) <= n else s[: n - 1] + "…"


def inject_values(text: str, blocks: Mapping[str, Iterable[ox.NamedNode | ox.Literal]]) -> str:
    """`text` with `VALUES ?name { term … }` for each entry at the start of its outermost WHERE group."""
    if not blocks:
        return text
    lines = []
    for name, terms in blocks.items():
        if not _NAME_RE.match(name):
            raise ParamError(f"{name!r} is not a variable name")
        parts = []
        for term in terms:
            if not isinstance(term, (ox.NamedNode, ox.Literal)):
                raise ParamError(f"{name}: a bound value must be an IRI or a literal")
            parts.append(str(term))
        lines.append(f"  VALUES ?{name} {{ {' '.join(parts)} }}")
    where, groups = _insertion_points(text)
    inserts = [(where, "\n" + "\n".join(lines))]
    for at, used in groups:
        mine = [line for name, line in zip(blocks, lines) if name in used]
        if mine:
            inserts.append((at, "\n" + "\n".join("  " + line for line in mine)))
    for pos, block in sorted(inserts, reverse=True):
        text = f"{text[:pos]}{block}{text[pos:]}"
    return text


@lru_cache(maxsize=512)
def _insertion_points(text: str) -> tuple[int, tuple[tuple[int, frozenset[str]], ...]]:
    """Where a query's VALUES go: after the `{` of its outermost WHERE group, and after the `{`
    of every sub-SELECT's group and of every operand of a UNION, with the variables that group
    uses (lexed once per query text: a named query is bound on every request)."""
    toks = lex(text)
    subs = _sub_selects(toks)
    groups = [(toks[w], _group_vars(toks, w, end, subs)) for _, w, end in subs] + _union_groups(toks, subs)
    return _where_open(toks).end, tuple((t.end, frozenset(used)) for t, used in groups)


def _sub_selects(toks: list[Tok]) -> list[tuple[int, int, int]]:
    """For every sub-SELECT: the indices of its SELECT, of the `{` that opens its WHERE group and of the
    `}` that closes it."""
    out = []
    for i in range(_form_index(toks) + 1, len(toks)):
        t = toks[i]
        if t.kind == "word" and t.text.upper() == "SELECT" and t.depth > 0:
            j = next((k for k in range(i + 1, len(toks))
                      if toks[k].kind == "punct" and toks[k].text == "{" and toks[k].depth == t.depth), None)
            if j is not None:
                out.append((i, j, _closing(toks, j)))
    return out


def _group_vars(toks: list[Tok], brace: int, end: int, subs: list[tuple[int, int, int]]) -> set[str]:
    """The variables the group from `brace` to `end` uses itself (not inside a sub-SELECT nested in it)."""
    nested = [(select, close) for select, _, close in subs if brace < select < end]
    return {toks[k].text[1:] for k in range(brace + 1, end)
            if toks[k].kind == "var" and not any(lo <= k <= hi for lo, hi in nested)}


def _union_groups(toks: list[Tok], subs: list[tuple[int, int, int]]) -> list[tuple[Tok, set[str]]]:
    """For every operand of a UNION: the `{` that opens it and the variables it uses (not inside a sub-SELECT).
    A parameter's VALUES goes there too, since the engine evaluates each operand of a UNION on its own before
    joining it with the VALUES outside: at the scale of the whole of regeringen.se, an assignment's history
    computed every assignment's branch first (minutes), with the VALUES in its branches 37 ms."""
    opens: list[int] = []
    for i, t in enumerate(toks):
        if not (t.kind == "word" and t.text.upper() == "UNION"):
            continue
        left = next((k for k in range(i - 1, -1, -1)
                     if toks[k].kind == "punct" and toks[k].text == "{" and toks[k].depth == t.depth), None)
        right = i + 1 if i + 1 < len(toks) and toks[i + 1].kind == "punct" and toks[i + 1].text == "{" else None
        opens += [j for j in (left, right) if j is not None and j not in opens
                  # (a group that is a sub-SELECT holds nothing else)
                  and not (j + 1 < len(toks) and toks[j + 1].kind == "word" and toks[j + 1].text.upper() == "SELECT")]
    return [(toks[j], _group_vars(toks, j, _closing(toks, j), subs)) for j in opens]


def _closing(toks: list[Tok], brace: int) -> int:
    """Index of the `}` that closes the group the `{` at `brace` opens."""
    depth = toks[brace].depth
    return next((k for k in range(brace + 1, len(toks))
                 if toks[k].kind == "punct" and toks[k].text == "}" and toks[k].depth == depth + 1), len(toks))


def bind(query: NamedQuery, values: Mapping[str, Any]) -> str:
    """The query text with its parameters bound (see the module docstring).

    `values` maps parameter names to a value or (for `type*` parameters) a list
    of values; None or an empty list means "not given". Raises ParamError for an
    unknown parameter, a missing required one, or a value that is not of its type.
    """
    unknown = [k for k in values if query.param(k) is None]
    if unknown:
        known = ", ".join(query.param_names) or "none"
        raise ParamError(f"unknown parameter {', '.join(map(repr, unknown))} for query "
                         f"{query.name} (parameters: {known})")
    blocks: dict[str, list] = {}
    for p in query.params:
        v = values.get(p.name)
        given = [x for x in (v if isinstance(v, (list, tuple, set, frozenset)) else [v]) if x is not None]
        if isinstance(v, (set, frozenset)):
            given = sorted(given, key=str)
        if not given:
            if p.required:
                raise ParamError(f"parameter {p.name} is required by query {query.name}")
            if p.default is None:
                continue
            given = [p.default]
        if len(given) > 1 and not p.many:
            raise ParamError(f"parameter {p.name} takes one value")
        if len(given) > MAX_VALUES:
            raise ParamError(f"parameter {p.name}: at most {MAX_VALUES} values")
        blocks[p.name] = [to_term(p, x) for x in given]
    return inject_values(query.text, blocks)


# ============================================================== derived queries
def count_query(text: str, var: str = "styrgraf_total") -> str:
    """A SELECT that counts the rows of the SELECT `text` (its ORDER BY dropped: order does not count)."""
    toks = lex(text)
    i = _form_index(toks)
    if toks[i].text.upper() != "SELECT":
        raise ValueError("only a SELECT can be counted")
    form_start = toks[i].start
    cut_from = cut_to = None
    after_where = False
    for t in toks[i:]:
        if t.kind == "punct" and t.text == "}" and t.depth == 1:
            after_where = True
            continue
        if not after_where or t.depth != 0 or t.kind != "word":
            continue
        word = t.text.upper()
        if cut_from is None and word == "ORDER":
            cut_from = t.start
        elif cut_from is not None and word in ("LIMIT", "OFFSET", "VALUES"):
            cut_to = t.start
            break
    if cut_from is None:
        body = text[form_start:]
    else:
        body = text[form_start:cut_from] + (text[cut_to:] if cut_to is not None else "")
    return f"{text[:form_start]}SELECT (COUNT(*) AS ?{var}) WHERE {{\n{{\n{body}\n}}\n}}"


def page_query(text: str, limit: int, offset: int = 0) -> str:
    """The SELECT `text` restricted to one page of rows."""
    if isinstance(limit, bool) or isinstance(offset, bool) or not isinstance(limit, int) \
            or not isinstance(offset, int) or limit < 0 or offset < 0 or limit > 10**12 or offset > 10**12:
        raise ValueError("limit and offset are integers from 0 to 10^12")
    toks = lex(text)
    i = _form_index(toks)
    for t in toks[i:]:
        if t.kind == "word" and t.depth == 0 and t.parens == 0 and t.text.upper() in ("LIMIT", "OFFSET"):
            raise ValueError("the query already has LIMIT or OFFSET")
    return f"{text.rstrip()}\nLIMIT {limit}\nOFFSET {offset}\n"
