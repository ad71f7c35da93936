"""The classifier of bounded queries (styrgraf.bounded_query): the shapes it lets run in the server
process, and every hostile query of the suite (and random rewritings of them) sent to a worker."""
from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from styrgraf.bounded_query import MAX_DESCRIBED, MAX_ROWS, Bounded, runs_bounded, shape_of
from styrgraf.query_text import analyse_query, tokens

from test_hostile_queries import CARTESIAN, SERVICE_QUERIES
from test_limits import GROUPED_CROSS_PRODUCT, LIGHT, ORDER_BY_CROSS_PRODUCT
from test_sparql_protocol import HEAVY

AMN = "https://w3id.org/styrgraf/id/org/stockholms-stad/arbetsmarknadsnamnden"
SKOS = "http://www.w3.org/2004/02/skos/core#"
CAP = 10_000


def bounded_shape(query: str) -> Bounded | None:
    return analyse_query(query).bounded


def bounded(query: str, cap: int | None = CAP, union: bool = False, request_graphs: int = 0) -> bool:
    return runs_bounded(bounded_shape(query), cap=cap, union=union, request_graphs=request_graphs)


# ============================================================== bounded
BOUNDED = [
    f"SELECT ?p ?o WHERE {{ <{AMN}> ?p ?o }}",                               # the point lookup
    f"SELECT ?p ?o WHERE {{ <{AMN}> ?p ?o }}\n# 17-2-40311",                  # ... made unique
    f"select ?p ?o where {{ <{AMN}> ?p ?o }}",
    f"SELECT * {{ <{AMN}> ?p ?o . }}",
    f"SELECT $p $o WHERE {{ <{AMN}> $p $o }}",
    f"SELECT ?p ?o ?unbound WHERE {{ <{AMN}> ?p ?o }}",
    f"PREFIX skos: <{SKOS}>\nPREFIX sg: <https://w3id.org/styrgraf/ns#>\n"
    f"SELECT ?l WHERE {{ <{AMN}> skos:prefLabel ?l }}",
    f"PREFIX org: <https://w3id.org/styrgraf/id/org/>\nSELECT * WHERE {{ org:stockholms-stad ?p ?o }}",
    "BASE <https://w3id.org/styrgraf/> SELECT * WHERE { <id/org/x> ?p ?o }",
    f"SELECT ?t WHERE {{ <{AMN}> a ?t }}",
    f"SELECT ?s WHERE {{ ?s ?p <{AMN}> }}",                                   # what links here
    f'SELECT ?s WHERE {{ ?s <{SKOS}prefLabel> "Arbetsmarknadsnämnden"@sv }}',
    'SELECT ?s WHERE { ?s <http://x.example/n> "1"^^<http://www.w3.org/2001/XMLSchema#integer> }',
    "SELECT ?s WHERE { ?s <http://x.example/n> 42 }",
    "SELECT ?s WHERE { ?s <http://x.example/b> true }",
    f"SELECT ?p ?o WHERE {{ <{AMN}> ?p ?o }} LIMIT 5",
    f"SELECT ?p ?o WHERE {{ <{AMN}> ?p ?o }} LIMIT 50 OFFSET 100",
    f"SELECT ?p ?o WHERE {{ <{AMN}> ?p ?o }} OFFSET 100 LIMIT 50",
    f"SELECT ?p ?o FROM <https://w3id.org/styrgraf/graph/a> WHERE {{ <{AMN}> ?p ?o }}",
    f"SELECT ?p ?o FROM NAMED <urn:x:g> WHERE {{ <{AMN}> ?p ?o }}",
    f"SELECT ?p ?o WHERE {{ # a comment {{ }} SERVICE\n <{AMN}> ?p ?o }}",
    f"ASK {{ <{AMN}> ?p ?o }}",
    f"ASK WHERE {{ <{AMN}> <{SKOS}prefLabel> ?l }}",
    f"DESCRIBE <{AMN}>",
    f"DESCRIBE <{AMN}> <https://w3id.org/styrgraf/id/org/stockholms-stad>",
    f"PREFIX org: <https://w3id.org/styrgraf/id/org/> DESCRIBE org:stockholms-stad",
    f"DESCRIBE <{AMN}> FROM <urn:x:g>",
    f"CONSTRUCT WHERE {{ <{AMN}> ?p ?o }}",
    f"CONSTRUCT {{ <{AMN}> ?p ?o }} WHERE {{ <{AMN}> ?p ?o }}",
    f"CONSTRUCT {{ <{AMN}> ?p ?o . ?o a <urn:x:Thing> }} WHERE {{ <{AMN}> ?p ?o }}",
    f"CONSTRUCT {{ ?s ?p <{AMN}> }} WHERE {{ ?s ?p <{AMN}> }} LIMIT 10",
    LIGHT,
]


@pytest.mark.parametrize("query", BOUNDED)
def test_bounded_shapes(query):
    assert bounded_shape(query) is not None, query
    assert bounded(query), query


def test_the_limit_and_offset_must_stay_within_the_bound():
    point = f"SELECT ?p ?o WHERE {{ <{AMN}> ?p ?o }}"
    assert bounded(point) and bounded(point, cap=MAX_ROWS)
    assert not bounded(point, cap=None)                     # no cap, no LIMIT: all of the subject
    assert not bounded(point, cap=MAX_ROWS + 1)
    assert bounded(point + " LIMIT 10", cap=None)           # its own LIMIT bounds it
    assert not bounded(point + f" LIMIT {MAX_ROWS + 1}", cap=None)
    assert bounded(point + f" LIMIT {10 * MAX_ROWS}")       # lowered to the cap
    assert bounded(point + f" OFFSET {MAX_ROWS - CAP}")
    assert not bounded(point + f" OFFSET {MAX_ROWS - CAP + 1}")
    assert not bounded(point + " OFFSET 100000000 LIMIT 1")
    assert bounded(f"ASK {{ <{AMN}> ?p ?o }}", cap=None)    # stops at the first triple


def test_construct_and_describe_need_a_cap_and_construct_a_set():
    construct = f"CONSTRUCT WHERE {{ <{AMN}> ?p ?o }}"
    describe = f"DESCRIBE <{AMN}>"
    for q in (construct, describe):
        assert bounded(q)
        assert not bounded(q, cap=None) and not bounded(q, cap=MAX_ROWS + 1)
    # the union default graph and several graphs are multisets: a CONSTRUCT gives a triple once
    assert not bounded(construct, union=True) and bounded(describe, union=True)
    assert bounded(construct, request_graphs=1) and not bounded(construct, request_graphs=2)
    two_from = f"CONSTRUCT FROM <urn:x:a> FROM <urn:x:b> WHERE {{ <{AMN}> ?p ?o }}"
    assert bounded_shape(two_from) is not None and not bounded(two_from)
    assert bounded(f"SELECT * WHERE {{ <{AMN}> ?p ?o }}", union=True)


def test_the_dataset_is_limited():
    q = f"SELECT * {' '.join(f'FROM <urn:x:g{i}>' for i in range(8))} WHERE {{ <{AMN}> ?p ?o }}"
    assert bounded(q) and not bounded(q, request_graphs=1)
    assert not bounded(f"SELECT * {' '.join(f'FROM <urn:x:g{i}>' for i in range(9))} WHERE {{ <{AMN}> ?p ?o }}")


# ============================================================== not bounded
NOT_BOUNDED = [
    # joins: the second pattern's misses are work that yields nothing
    f"SELECT * WHERE {{ <{AMN}> ?p ?o . ?o ?q ?r }}",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o . ?o <urn:x:rare> ?r }} LIMIT 1",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o ; ?q ?r }}",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o , ?o2 }}",
    f"SELECT * WHERE {{ <{AMN}> ?p [ ?q ?r ] }}",
    f"SELECT * WHERE {{ <{AMN}> ?p _:b }}",
    f"SELECT * WHERE {{ <{AMN}> ?p ( ?a ?b ) }}",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o }} {{ ?a ?b ?c }}",
    f"SELECT * WHERE {{ {{ <{AMN}> ?p ?o }} }}",
    # a repeated variable filters the scan
    f"SELECT * WHERE {{ <{AMN}> ?p ?p }}",
    f"SELECT * WHERE {{ <{AMN}> ?p $p }}",
    "SELECT * WHERE { ?s ?p ?s }",
    # nothing constant to anchor the scan
    "SELECT * WHERE { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
    "SELECT * WHERE { ?s a ?o }",
    "ASK { ?s ?p ?o }",
    "ASK {}",
    "SELECT * WHERE {}",
    # property paths
    f"SELECT * WHERE {{ <{AMN}> <urn:x:p>* ?o }}",
    f"SELECT * WHERE {{ <{AMN}> <urn:x:p>+ ?o }}",
    f"SELECT * WHERE {{ <{AMN}> <urn:x:p>? ?o }}",
    f"SELECT * WHERE {{ <{AMN}> ^<urn:x:p> ?o }}",
    f"SELECT * WHERE {{ <{AMN}> <urn:x:p>/<urn:x:q> ?o }}",
    f"SELECT * WHERE {{ <{AMN}> <urn:x:p>|<urn:x:q> ?o }}",
    f"SELECT * WHERE {{ <{AMN}> !<urn:x:p> ?o }}",
    f"SELECT * WHERE {{ <{AMN}> (<urn:x:p>) ?o }}",
    f"SELECT * WHERE {{ <{AMN}> (<urn:x:p>|!<urn:x:p>)* ?o }}",
    # filters, BIND, VALUES, other patterns
    f'SELECT * WHERE {{ <{AMN}> ?p ?o FILTER(REGEX(STR(?o), "(a+)+$")) }}',
    f"SELECT * WHERE {{ <{AMN}> ?p ?o FILTER(?o = 1) }}",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o FILTER EXISTS {{ ?o ?q ?r }} }}",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o BIND(STR(?o) AS ?s) }}",
    f"SELECT * WHERE {{ VALUES ?p {{ <urn:x:p> }} <{AMN}> ?p ?o }}",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o }} VALUES ?p {{ <urn:x:p> }}",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o OPTIONAL {{ ?o ?q ?r }} }}",
    f"SELECT * WHERE {{ {{ <{AMN}> ?p ?o }} UNION {{ ?o ?p <{AMN}> }} }}",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o MINUS {{ ?o ?q ?r }} }}",
    f"SELECT * WHERE {{ GRAPH ?g {{ <{AMN}> ?p ?o }} }}",
    f"SELECT * WHERE {{ GRAPH <urn:x:g> {{ <{AMN}> ?p ?o }} }}",
    f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:9/> {{ <{AMN}> ?p ?o }} }}",
    f"SELECT * WHERE {{ {{ SELECT ?p WHERE {{ <{AMN}> ?p ?o }} }} }}",
    # solution modifiers that read everything first
    f"SELECT DISTINCT ?p WHERE {{ <{AMN}> ?p ?o }}",
    f"SELECT REDUCED ?p WHERE {{ <{AMN}> ?p ?o }}",
    f"SELECT ?p ?o WHERE {{ <{AMN}> ?p ?o }} ORDER BY ?o",
    f"SELECT ?p WHERE {{ <{AMN}> ?p ?o }} GROUP BY ?p",
    f"SELECT ?p WHERE {{ <{AMN}> ?p ?o }} GROUP BY ?p HAVING(COUNT(*) > 1)",
    f"SELECT (COUNT(*) AS ?n) WHERE {{ <{AMN}> ?p ?o }}",
    f"SELECT (STR(?o) AS ?s) WHERE {{ <{AMN}> ?p ?o }}",
    f"ASK {{ <{AMN}> ?p ?o }} LIMIT 1",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o }} LIMIT 1 LIMIT 2",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o }} LIMIT ?x",
    # CONSTRUCT whose solutions need not give a triple of their own
    f"CONSTRUCT {{ <urn:x:a> <urn:x:b> <urn:x:c> }} WHERE {{ <{AMN}> ?p ?o }}",
    f"CONSTRUCT {{ ?o ?p <{AMN}> }} WHERE {{ <{AMN}> ?p ?o }}",
    f"CONSTRUCT {{ }} WHERE {{ <{AMN}> ?p ?o }}",
    f"CONSTRUCT {{ _:x ?p ?o }} WHERE {{ <{AMN}> ?p ?o }}",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CONSTRUCT WHERE { ?s ?p ?o }",
    # DESCRIBE of solutions, of too many resources
    f"DESCRIBE ?o WHERE {{ <{AMN}> ?p ?o }}",
    "DESCRIBE *  WHERE { ?s ?p ?o }",
    f"DESCRIBE <{AMN}> WHERE {{ }}",
    "DESCRIBE " + " ".join(f"<urn:x:{i}>" for i in range(MAX_DESCRIBED + 1)),
    # codepoint escapes: the engine replaces them before it parses
    f"SELECT * WHERE {{ <{AMN}\\u003E\\u0020?p\\u0020?o\\u0020.\\u0020?a\\u0020?b\\u0020?c\\u0020.\\u0020<urn:x:y> ?q ?r }}",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o \\u007D",
    "SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }",
    # not a query, or not one of ours
    "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
    "SELECT nope",
    "",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o }} #" + "x" * 10_000,      # too long to look at
    f"SELECT * WHERE {{ <{AMN}> ?p ?o",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o }} }}",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o }} SELECT * WHERE {{ <{AMN}> ?p ?o }}",
    f"SELECT * WHERE {{ <{AMN}> A ?o }}",
    f'SELECT * WHERE {{ "literal" ?p ?o }}',
]

# the hostile queries the suite sends elsewhere (tests/test_limits.py, test_hostile_queries.py,
# test_sparql_protocol.py, test_security.py)
HOSTILE = [
    ORDER_BY_CROSS_PRODUCT,
    GROUPED_CROSS_PRODUCT,
    CARTESIAN,
    HEAVY,
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a (<http://x.example/p>|!<http://x.example/p>)* ?b . "
    "?c (<http://x.example/p>|!<http://x.example/p>)* ?d }",
    "SELECT ?a ?b WHERE { ?a (<http://x.example/p>|!<http://x.example/p>)* ?b }",
    *(f'SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER(isLiteral(?o) && REGEX(STR(?o), "{p}")) }}'
      for p in ["(a+)+$", "^(([a-z])+.)+[A-Z]([a-z])+$", "(x+x+)+y"]),
    'SELECT * WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), "((a{1000}){1000}){1000}")) } LIMIT 1',
    "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?x { " + " ".join(f"<urn:x:{i}>" for i in range(2000)) + " } }",
    "SELECT * WHERE " + "{" * 20000 + " ?s ?p ?o " + "}" * 20000 + " LIMIT 1",
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 20000 + "true" + ")" * 20000 + ") } LIMIT 1",
    "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #" + "x" * (1 << 20),
    'ASK { GRAPH ?g { ?s ?p ?o FILTER(CONTAINS(STR(?o), "root:x:0")) } }',
    "SELECT ?s (EXISTS { SELECT * WHERE { ?a ?b ?c } LIMIT 99999 } AS ?e) WHERE { ?s ?p ?o }",
    "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT ?s WHERE { ?s ?p ?o } LIMIT 100000",
    "SELECT (?x/0 AS ?y) WHERE { BIND(1 AS ?x) }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o = <http://x>^^<y>)}",
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:x:big> { ?s ?p ?o } }",
    "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)",
    *(q.format(url="http://127.0.0.1:9/sparql") for q in SERVICE_QUERIES.values()),
    "SELECT * WHERE { ?s ?p ?o . }SERVICE?x{ ?s ?p ?o }",
    "SELECT * WHERE { <http://a\\u0023b> ?p ?o . SERVICE <http://x/> {} }",
    f"SELECT * WHERE {{ <{AMN}> ?p ?o . SERVICE <http://x/> {{ }} }}",
    "SELECT ?s WHERE { " * 500 + "?s ?p ?o" + " }" * 500,
]


@pytest.mark.parametrize("query", NOT_BOUNDED + HOSTILE,
                         ids=[f"not-bounded-{i}" for i in range(len(NOT_BOUNDED))] +
                             [f"hostile-{i}" for i in range(len(HOSTILE))])
def test_not_bounded(query):
    for cap, union, graphs in [(CAP, False, 0), (10, False, 0), (CAP, True, 0), (None, False, 0)]:
        assert not bounded(query, cap=cap, union=union, request_graphs=graphs), (query[:200], cap, union)


# ============================================================== random rewritings
def _rewrite(query: str, rnd: random.Random, prefixes: int) -> str:
    """The same query (for the engine) spelt otherwise: PREFIX lines before it, comments and other
    whitespace where it has whitespace, keywords in another case."""
    out = [f"PREFIX p{i}: <http://x.example/{i}#>{rnd.choice([' ', chr(10), chr(9)])}" for i in range(prefixes)]
    prev = None
    for kind, value, _start, _end in tokens(query):
        if kind == "ws":
            ws = rnd.choice([" ", "\n", "\t ", "  \n  ", " # a comment } SERVICE {\n", "\r\n"])
            out.append("\n" + ws if prev == "comment" else ws)      # a comment ends at the line's end
        elif kind == "word" and value.upper() not in ("A", "TRUE", "FALSE"):    # keywords only
            out.append("".join(c.upper() if rnd.random() < 0.5 else c.lower() for c in value))
        else:
            out.append(value)
        prev = kind
    return "".join(out)


HOSTILE_SHORT = [q for q in HOSTILE + NOT_BOUNDED if len(q) < 4000]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(0, len(HOSTILE_SHORT) - 1), seed=st.integers(0, 2**32 - 1),
       prefixes=st.integers(0, 6))
def test_hostile_queries_rewritten_are_never_bounded(index, seed, prefixes):
    query = _rewrite(HOSTILE_SHORT[index], random.Random(seed), prefixes)
    for cap, union in [(CAP, False), (10, False), (CAP, True)]:
        assert not bounded(query, cap=cap, union=union), query


@settings(max_examples=200, deadline=None)
@given(index=st.integers(0, len(BOUNDED) - 1), seed=st.integers(0, 2**32 - 1), prefixes=st.integers(0, 6))
def test_bounded_queries_rewritten_stay_bounded(index, seed, prefixes):
    """(that the rewriting keeps the query what it was: the classifier reads tokens, not spelling)"""
    query = _rewrite(BOUNDED[index], random.Random(seed), prefixes)
    assert bounded(query), query


def test_the_shape_comes_with_the_memoised_analysis():
    """The classifier reads the tokens the analysis of a new text goes through: one lexing."""
    from styrgraf import query_text

    q = f"SELECT ?p ?o WHERE {{ <{AMN}> ?p ?o }} # memo"
    info = query_text.analyse_query(q)
    assert info.bounded == Bounded("SELECT", None, 0, 0) and query_text.analysed(q) is info
    assert bounded_shape(q) is info.bounded
    assert query_text.analyse_query(ORDER_BY_CROSS_PRODUCT + " # memo").bounded is None


def test_shape_of_tokens():
    toks = [(k, v) for k, v, _s, _e in tokens(f"ASK {{ <{AMN}> ?p ?o }}") if k not in ("ws", "comment")]
    assert shape_of(toks) == Bounded("ASK", None, 0, 0)
    assert shape_of(None) is None and shape_of([]) is None
    assert shape_of(toks[:-1]) is None                       # no closing brace


def test_classifying_keeps_nothing_alive():
    """Rejecting a query raises inside the classifier: nothing of it (tracebacks, frames, token
    lists) may outlive the call (a server classifies every new text)."""
    import gc

    toks = [(k, v) for k, v, _s, _e in tokens(ORDER_BY_CROSS_PRODUCT) if k not in ("ws", "comment")]
    assert shape_of(toks) is None
    gc.collect()
    before = len(gc.get_objects())
    for _ in range(2000):
        assert shape_of(toks) is None
    gc.collect()
    assert len(gc.get_objects()) - before < 200
