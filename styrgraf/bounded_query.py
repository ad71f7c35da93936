"""Which queries are *bounded*: their cost cannot grow beyond a small bound, whatever the store
holds, so they may run in the server process instead of a killable query worker.

Decided from the query text alone, before it runs, from the tokens of styrgraf.query_text's lexer
(no full parse): :func:`shape_of` reads the tokens the analysis of a query (analyse_query) goes
through anyway, so a new text is lexed once, and the answer is memoised with the analysis
(``analyse_query(text).bounded``; this module does not import the lexer's). A query that does
not fit one of the shapes below exactly is not bounded and goes to a worker (time limit, memory
ceiling); when in doubt the answer is "not bounded".

The bounded shapes
------------------
After a prologue of ``BASE``/``PREFIX`` declarations and any ``FROM``/``FROM NAMED`` clauses:

* ``SELECT [*|?v ...] [WHERE] { T [.] } [LIMIT n] [OFFSET m]`` (no DISTINCT/REDUCED, no
  expressions in the projection): the engine produces at most ``offset + min(LIMIT, row cap)``
  solutions, and that must be at most :data:`MAX_ROWS`.
* ``ASK [WHERE] { T [.] }`` (no solution modifiers).
* ``CONSTRUCT { template } [WHERE] { T [.] } [LIMIT n] [OFFSET m]`` whose template holds ``T``
  itself, or ``CONSTRUCT WHERE { T [.] } ...``; capped in triples by the row cap
  (<= :data:`MAX_ROWS`), over a default graph that is one graph (below).
* ``DESCRIBE <iri> ...`` with at most :data:`MAX_DESCRIBED` IRIs and no WHERE clause; capped in
  triples by the row cap (<= :data:`MAX_ROWS`).

``T`` is ONE triple pattern ``s p o``: ``s`` or ``o`` a constant (an IRI, or for ``o`` a
literal), ``p`` an IRI, ``a`` or a variable, no variable twice (``?x`` and ``$x`` are one),
no blank nodes, no property path, no collection. Nothing else may occur: no second pattern, no
OPTIONAL / UNION / MINUS / GRAPH / SERVICE / FILTER / BIND / VALUES / subquery, no GROUP BY /
ORDER BY / HAVING / aggregate. A text with a codepoint escape (``\\u``/``\\U``) anywhere is not
bounded: the engine replaces escapes before it parses, so an IRI the lexer reads as one token
could become several patterns. At most :data:`MAX_GRAPHS` graphs may make up the dataset (FROM /
FROM NAMED clauses and the request's default-graph-uri / named-graph-uri together).

Why these are bounded
---------------------
The engine (pyoxigraph) evaluates lazily: a LIMIT, and the executor's taking of at most
``cap + 1`` triples of a CONSTRUCT/DESCRIBE, stop the evaluation once that many are out. What
costs is the work done *between* two results: a bound on the results bounds the work only if
every step of the evaluation yields a result. So the question for each shape is whether it can
do unbounded work that yields nothing ("dead ends").

1. One triple pattern with no repeated variable is one range scan of one index of the store
   (subject-predicate-object, predicate-object-subject and object-subject-predicate orders, per
   graph and for the default graph: every combination of constant positions is a key prefix of
   one of them), and every entry of that range is a solution: no dead ends. The scan stops at the
   LIMIT (the executor lowers or appends it to the row cap: cap_query), after ``offset + limit``
   entries; over a dataset of k graphs it is k scans, each bounded the same way. This holds for
   the store's default graph (a set), for FROM graphs and for the engine's union default graph (a
   multiset: a triple stated in 900 documents is 900 solutions, each one counted against the
   LIMIT, so still no dead end).

   A repeated variable (``<s> ?p ?p``) is a filter on the scan: all of ``<s>``'s triples may be
   read to find none. OFFSET m reads m entries that yield nothing: it is allowed only within
   MAX_ROWS. DISTINCT/REDUCED, ORDER BY, GROUP BY, aggregates read everything before the first
   result. FILTER is a dead end for every solution it rejects.

2. Why not joins, even of few patterns anchored at a constant subject: the work before the LIMIT
   is reached is the sum over the first pattern's solutions of the second pattern's lookups, and
   a solution of the first that has no partner in the second is a dead end. ``<body> ?p ?o .
   ?o <rare> ?x`` reads every triple of a body named by thousands of documents to return nothing;
   a third pattern multiplies that (``<s> ?p ?o . ?o ?q ?x . ?x <rare> ?y`` reads the
   neighbourhoods of all of ``<s>``'s objects), and the engine may also choose a hash join that
   reads one side whole before the first result. Neither the constant subject nor the cap
   bounds that, so joins go to a worker.

3. CONSTRUCT: the engine drops template triples that are not valid RDF (a literal as subject)
   and does not repeat a triple it has already given. Both are dead ends: ``CONSTRUCT { <a> <b>
   <c> } WHERE { <s> ?p ?o }`` reads all of ``<s>``'s triples to give one. If the template holds
   the pattern ``T`` itself, every solution instantiates ``T`` as the data triple it matched, a
   valid triple, and over a default graph that is one graph (a set) distinct solutions give
   distinct triples; one is dropped only if another template triple gave it earlier, and each
   triple given can match at most one solution's data triple. So at most ``2 (cap + 1)``
   solutions are read to give ``cap + 1`` triples. Over several graphs or the union default graph
   (multisets) a triple stated many times is read many times and given once: not bounded.

4. DESCRIBE ``<iri>``: the engine gives every triple with that subject, then describes each blank
   node among their objects once. Every triple read is given (it repeats duplicates of a
   multiset, it does not drop them), and a blank node described comes from a triple given, so
   the work is at most the number of IRIs plus ``2 (cap + 1)`` index reads.

5. What the bound counts is rows (triples), not bytes: a row is as large as the terms it holds.
   A literal is at most one document's text (ingest reads at most ``--max-bytes``) or part of one
   update request (at most ``STYRGRAF_MAX_UPDATE_BYTES``), and the answer is one subject's (or
   object's) triples, so a large answer needs a resource that carries many large literals, which
   is not what styrgraf writes. The worker's memory ceiling is not there to catch it.

6. What the server gives up for these is only the isolation of a worker: they run the engine in
   the server process, so an engine crash on one of them would take the server with it. They
   are the engine's simplest path (one index scan and a serialiser), which every other query
   goes through too.

The row cap (``--max-rows``) must be set for CONSTRUCT/DESCRIBE and for a SELECT without its own
LIMIT; with no cap or a cap above MAX_ROWS they go to a worker.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Bounded", "shape_of", "runs_bounded", "readable", "MAX_ROWS", "MAX_GRAPHS",
           "MAX_DESCRIBED", "MAX_TEXT", "MAX_TOKENS"]

MAX_ROWS = 20_000        # solutions (triples) the engine may produce, OFFSET included
MAX_GRAPHS = 8           # graphs of the dataset (FROM, FROM NAMED, request parameters)
MAX_DESCRIBED = 16       # IRIs of one DESCRIBE
MAX_TEXT = 8 * 1024      # longer texts are not looked at (and go to a worker)
MAX_TOKENS = 160         # meaningful tokens: a prologue of PREFIX lines and one pattern fit


@dataclass(frozen=True)
class Bounded:
    """A query of one of the bounded shapes, and what its bound depends on."""
    form: str            # SELECT, ASK, CONSTRUCT or DESCRIBE
    limit: int | None    # its own top-level LIMIT
    offset: int          # its OFFSET (0 if none)
    graphs: int          # FROM and FROM NAMED clauses
    described: int = 0   # DESCRIBE: the IRIs


class _NotBounded(Exception):
    pass


_NO = _NotBounded        # raised as a class: a new instance, and traceback, each time (one instance
                         # raised again and again would keep every traceback, and their frames, alive)


def readable(text: str) -> bool:
    """Whether the classifier looks at `text` at all: short enough, and without codepoint escapes
    (the engine replaces them before it parses, so an IRI the lexer reads as one token could
    become several patterns)."""
    return len(text) <= MAX_TEXT and "\\u" not in text and "\\U" not in text


class _Reader:
    __slots__ = ("toks", "i")

    def __init__(self, toks: list[tuple[str, str]]):
        self.toks = toks
        self.i = 0

    def peek(self) -> tuple[str, str]:
        return self.toks[self.i] if self.i < len(self.toks) else ("end", "")

    def take(self) -> tuple[str, str]:
        tok = self.peek()
        if tok[0] == "end":
            raise _NO
        self.i += 1
        return tok

    def keyword(self, *words: str) -> str | None:
        """The next token's keyword (upper case) if it is one of `words` (consumed), else None."""
        kind, value = self.peek()
        if kind == "word":
            kw = value.upper()
            if kw in words:
                self.i += 1
                return kw
        return None

    def punct(self, char: str) -> bool:
        if self.peek() == ("punct", char):
            self.i += 1
            return True
        return False

    def expect(self, char: str) -> None:
        if not self.punct(char):
            raise _NO


def _iri(tok: tuple[str, str]) -> bool:
    """An IRI constant: <...> or a prefixed name (not a blank-node label _:x)."""
    return tok[0] == "iri" or (tok[0] == "pname" and not tok[1].startswith("_:"))


def _var(tok: tuple[str, str]) -> str | None:
    return "?" + tok[1][1:] if tok[0] == "var" else None


def _object(r: _Reader) -> tuple:
    """An object term: IRI, variable or literal (string with language tag or datatype, number,
    boolean), as a comparable tuple."""
    tok = r.take()
    if _iri(tok):
        return ("iri", tok[1])
    if (v := _var(tok)) is not None:
        return ("var", v)
    if tok[0] in ("string", "lstring"):
        kind, value = r.peek()
        if kind == "lang":
            r.take()
            return ("lit", tok[1], value)
        if (kind, value) == ("punct", "^"):
            r.take()
            r.expect("^")
            dt = r.take()
            if not _iri(dt):
                raise _NO
            return ("lit", tok[1], "^^", dt[1])
        return ("lit", tok[1])
    if tok[0] == "number":
        return ("lit", tok[1])
    if tok[0] == "word" and tok[1] in ("true", "false"):
        return ("lit", tok[1])
    raise _NO


def _subject(r: _Reader) -> tuple:
    tok = r.take()
    if _iri(tok):
        return ("iri", tok[1])
    if (v := _var(tok)) is not None:
        return ("var", v)
    raise _NO


def _predicate(r: _Reader) -> tuple:
    tok = r.take()
    if _iri(tok):
        return ("iri", tok[1])
    if tok == ("word", "a"):
        return ("iri", "a")
    if (v := _var(tok)) is not None:
        return ("var", v)
    raise _NO


def _triples(r: _Reader) -> list[tuple]:
    """Triples up to a closing }, in the abbreviated syntax (`;` and `,`) but without blank-node
    property lists or collections; the } is consumed."""
    out: list[tuple] = []
    while not r.punct("}"):
        s = _subject(r)
        while True:
            p = _predicate(r)
            while True:
                out.append((s, p, _object(r)))
                if not r.punct(","):
                    break
            if not r.punct(";"):
                break
            if r.peek() in (("punct", "."), ("punct", "}")):      # a trailing ;
                break
        if not r.punct("."):
            r.expect("}")
            break
    return out


def _pattern(r: _Reader) -> tuple:
    """The WHERE clause's one triple pattern (its { already consumed), checked."""
    triples = _triples(r)
    if len(triples) != 1:
        raise _NO
    s, p, o = triple = triples[0]
    if s[0] != "iri" and o[0] == "var":            # a constant subject or a constant object
        raise _NO
    names = [t[1] for t in triple if t[0] == "var"]
    if len(names) != len(set(names)):             # a repeated variable filters the scan
        raise _NO
    return triple


def _number(r: _Reader) -> int:
    kind, value = r.take()
    if kind != "number" or not value.isdigit():
        raise _NO
    return int(value)


def _modifiers(r: _Reader) -> tuple[int | None, int]:
    """LIMIT and OFFSET (each at most once, in either order) up to the end of the text."""
    limit = offset = None
    while r.peek()[0] != "end":
        kw = r.keyword("LIMIT", "OFFSET")
        if kw == "LIMIT" and limit is None:
            limit = _number(r)
        elif kw == "OFFSET" and offset is None:
            offset = _number(r)
        else:
            raise _NO
    return limit, offset or 0


def _shape(toks: list[tuple[str, str]]) -> Bounded:
    r = _Reader(toks)
    while True:                                   # the prologue
        kw = r.keyword("BASE", "PREFIX")
        if kw is None:
            break
        if kw == "PREFIX":
            kind, value = r.take()
            if kind != "pname" or not value.endswith(":"):
                raise _NO
        if r.take()[0] != "iri":
            raise _NO
    form = r.keyword("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
    if form is None:
        raise _NO

    def dataset() -> int:
        n = 0
        while r.keyword("FROM"):
            r.keyword("NAMED")
            if not _iri(r.take()):
                raise _NO
            n += 1
        return n

    if form == "DESCRIBE":
        described = 0
        while _iri(r.peek()):
            r.take()
            described += 1
        graphs = dataset()
        if not 0 < described <= MAX_DESCRIBED or r.peek()[0] != "end":
            raise _NO
        return Bounded(form, None, 0, graphs, described)

    if form == "SELECT":
        if r.punct("*"):
            pass
        elif r.peek()[0] == "var":
            while r.peek()[0] == "var":
                r.take()
        else:
            raise _NO                             # DISTINCT, REDUCED, an expression
        graphs = dataset()
        r.keyword("WHERE")
        r.expect("{")
        _pattern(r)
        limit, offset = _modifiers(r)
        return Bounded(form, limit, offset, graphs)

    if form == "ASK":
        graphs = dataset()
        r.keyword("WHERE")
        r.expect("{")
        _pattern(r)
        if r.peek()[0] != "end":
            raise _NO
        return Bounded(form, None, 0, graphs)

    # CONSTRUCT
    if r.punct("{"):
        template = _triples(r)
        graphs = dataset()
        r.keyword("WHERE")
        r.expect("{")
        pattern = _pattern(r)
        if pattern not in template:               # every solution must give its own triple
            raise _NO
    else:
        graphs = dataset()
        if not r.keyword("WHERE"):
            raise _NO
        r.expect("{")
        _pattern(r)
    limit, offset = _modifiers(r)
    return Bounded(form, limit, offset, graphs)


def shape_of(toks: list[tuple[str, str]] | None) -> Bounded | None:
    """The bounded shape of a query given as its meaningful tokens, (kind, text) as
    styrgraf.query_text.tokens gives them without whitespace and comments, or None if it has
    none (None: the text was not readable, or had more than MAX_TOKENS tokens)."""
    if toks is None or len(toks) > MAX_TOKENS:
        return None
    try:
        return _shape(toks)
    except (_NotBounded, IndexError):
        return None


def runs_bounded(shape: Bounded | None, *, cap: int | None, union: bool, request_graphs: int = 0) -> bool:
    """Whether a query of bounded shape `shape` (QueryInfo.bounded) is bounded as the executor
    will run it: with row cap `cap` (None: no cap), the engine's union default graph or not
    (`union`), and `request_graphs` graphs named by the request (default-graph-uri and
    named-graph-uri)."""
    if shape is None or shape.graphs + request_graphs > MAX_GRAPHS:
        return False
    if shape.form == "ASK":
        return True
    if shape.form == "SELECT":
        rows = min(x for x in (shape.limit, cap, MAX_ROWS + 1) if x is not None)
        return shape.offset + rows <= MAX_ROWS
    if cap is None or cap > MAX_ROWS:            # CONSTRUCT / DESCRIBE: capped in triples
        return False
    if shape.form == "CONSTRUCT":
        # the WHERE clause's own LIMIT/OFFSET only shorten the scan; OFFSET still reads
        if shape.offset > MAX_ROWS:
            return False
        # over a multiset (the union, several graphs) a triple read again is not given again
        return not union and shape.graphs + request_graphs <= 1
    return True                                   # DESCRIBE
