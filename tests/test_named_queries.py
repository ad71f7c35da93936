"""Named queries: header parsing, safe parameter binding, derived count/page queries, shipped files."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery

from styrgraf.api import named_queries as nq
from styrgraf.api.named_queries import (NamedQuery, ParamError, QueryFileError, bind, count_query, load_queries,
                                        page_query, parse_query_file, projection, registry)
from styrgraf.query_text import with_prefixes
from styrgraf.resources import QUERIES_DIR
from styrgraf.vocab import PREFIXES

SAMPLE = '''# title: Things by name
# description: All things,
#   ordered by name.
# param: name (string, none) — the name
# param: thing (iri*, none) — only these things
# param: since (date, none) — on or after
# param: at (datetime, none) — generated after
# param: n (integer, 3) — a number
# param: flag (boolean, none) — a flag
PREFIX ex: <http://example.org/ns#>
# a comment with { braces } and "quotes" before the query
SELECT ?thing (MIN(?l) AS ?label) ?n
WHERE {
  ?thing ex:name ?l .
  FILTER(!BOUND(?name) || STR(?l) = STR(?name))
  FILTER(!BOUND(?since) || STR(?l) >= STR(?since))
  FILTER(!BOUND(?at) || ?at > "2000-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>)
  FILTER(!BOUND(?flag) || ?flag)
  FILTER("{ not a brace }" != "}")
}
GROUP BY ?thing ?n
ORDER BY ?label ?thing
'''

DATA = b"""
@prefix ex: <http://example.org/ns#> .
<http://example.org/a> ex:name "alpha" .
<http://example.org/b> ex:name "beta" .
<http://example.org/c> ex:name "gamma" .
<http://example.org/c> ex:secret "do not leak" .
"""


@pytest.fixture()
def store() -> ox.Store:
    s = ox.Store()
    s.load(DATA, ox.RdfFormat.TURTLE)
    return s


@pytest.fixture()
def query() -> NamedQuery:
    return parse_query_file(SAMPLE, "things")


def run(store: ox.Store, text: str) -> list[dict[str, str | None]]:
    res = store.query(text)
    names = [v.value for v in res.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in res]


# ------------------------------------------------------------------ header
def test_header(query):
    assert query.title == "Things by name"
    assert query.description == "All things, ordered by name."
    assert [(p.name, p.type, p.many, p.required, p.default) for p in query.params] == [
        ("name", "string", False, False, None), ("thing", "iri", True, False, None),
        ("since", "date", False, False, None), ("at", "datetime", False, False, None),
        ("n", "integer", False, False, "3"), ("flag", "boolean", False, False, None)]
    assert query.params[0].description == "the name"
    assert query.columns == ["thing", "label", "n"]
    assert query.to_dict()["params"][1]["many"] is True


@pytest.mark.parametrize("text,message", [
    ("SELECT * WHERE { ?s ?p ?o }", "no '# title:'"),
    ("# title: t\n# param: x (color, none) — c\nSELECT ?x WHERE { ?x ?p ?o }", "unknown type"),
    ("# title: t\n# param: y (string, none) — c\nSELECT ?x WHERE { ?x ?p ?o }", "not a variable"),
    ("# title: t\n# param: limit (integer, none) — c\nSELECT ?limit WHERE { ?limit ?p ?o }", "reserved"),
    ("# title: t\n# param: x string none\nSELECT ?x WHERE { ?x ?p ?o }", "cannot read parameter"),
    ("# title: t\n# param: x (integer, many) — c\nSELECT ?x WHERE { ?x ?p ?o }", "default of x"),
    ("# title: t\n# param: x (string, none) — a\n# param: x (string, none) — b\nSELECT ?x WHERE { ?x ?p ?o }",
     "declared twice"),
    ("# title: t\nPREFIX ex: <http://e/>", "no SELECT"),
])
def test_bad_headers(text, message):
    with pytest.raises(QueryFileError, match=message):
        parse_query_file(text, "bad")


def test_required_param():
    q = parse_query_file("# title: t\n# param: x (iri, required) — c\nSELECT ?y WHERE { ?x ?p ?y }", "t")
    assert q.params[0].required
    with pytest.raises(ParamError, match="required"):
        bind(q, {})
    assert "VALUES ?x { <http://e/x> }" in bind(q, {"x": "http://e/x"})


def test_projection():
    assert projection("SELECT DISTINCT ?a (COUNT(*) AS ?n) ?b WHERE { ?a ?p ?b }") == ["a", "n", "b"]
    assert projection("SELECT * WHERE { ?a ?p ?b }") is None
    assert projection("PREFIX x: <http://e/#>\nSELECT ?a (IF(?a < 3, 1, 0) AS ?z) { ?a ?p ?b }") == ["a", "z"]
    assert projection("ASK { ?a ?p ?b }") is None


# ------------------------------------------------------------------ binding
def test_unbound_params_leave_variables_unbound(store, query):
    text = bind(query, {})
    assert "VALUES ?name" not in text
    assert 'VALUES ?n { "3"^^<http://www.w3.org/2001/XMLSchema#integer> }' in text     # a default is bound
    assert [r["label"] for r in run(store, text)] == ["alpha", "beta", "gamma"]


def test_values_injected_at_the_start_of_the_where_group(query):
    text = bind(query, {"name": "beta"})
    where = text.index("WHERE {")
    assert text.index('VALUES ?name { "beta" }') == text.index("\n", where) + 3
    assert text.startswith(SAMPLE[: SAMPLE.index("WHERE {")])             # prologue and comments untouched


def test_bound_values_filter(store, query):
    assert [r["thing"] for r in run(store, bind(query, {"name": "beta"}))] == ["http://example.org/b"]
    rows = run(store, bind(query, {"thing": ["http://example.org/a", "http://example.org/c"]}))
    assert [r["thing"] for r in rows] == ["http://example.org/a", "http://example.org/c"]
    assert len(run(store, bind(query, {"since": "2024-01"}))) == 3        # names sort after digits
    assert run(store, bind(query, {"flag": "false"})) == []
    assert len(run(store, bind(query, {"flag": True}))) == 3
    assert {r["n"] for r in run(store, bind(query, {"n": 42}))} == {"42"}


@pytest.mark.parametrize("value", [
    '"} ; DROP ALL #', '> } ', '") || true || STR("', "'''", '"""', "\\", "\\\"", "\n}\n", "\u0000\u0001",
    "?thing", "<http://example.org/c>", "beta\" . ?thing <http://example.org/ns#secret> ?l . #",
    "é ö 🙂", "\u2028\u2029",
])
def test_string_values_are_data(store, query, value):
    before = len(store)
    text = bind(query, {"name": value})
    assert f"VALUES ?name {{ {ox.Literal(value)} }}" in text
    assert run(store, text) == []                     # no name equals the value; nothing leaks
    assert len(store) == before
    # and the value round-trips: a thing with exactly that name is found
    store.add(ox.Quad(ox.NamedNode("http://example.org/x"), ox.NamedNode("http://example.org/ns#name"),
                      ox.Literal(value)))
    assert [r["label"] for r in run(store, bind(query, {"name": value}))] == [value]


@pytest.mark.parametrize("value", [
    "http://example.org/a> } ; DROP ALL #", "http://example.org/a b", "not an iri", "", " ",
    "http://example.org/{x}", "<http://example.org/a>", "http://example.org/\"", "http://e/" + "a" * 5000,
])
def test_bad_iris_are_rejected(query, value):
    with pytest.raises(ParamError):
        bind(query, {"thing": [value]})


@pytest.mark.parametrize("param,value", [
    ("since", "2024-13"), ("since", "2024-02-30x"), ("since", "24"), ("since", "2024/01/01"),
    ("at", "yesterday"), ("at", "2024-01-01T25:00:00"), ("n", "1.5"), ("n", "1e3"), ("n", "9" * 30),
    ("n", True), ("flag", "maybe"), ("name", 3), ("name", "\ud800"),
])
def test_bad_typed_values_are_rejected(query, param, value):
    with pytest.raises(ParamError):
        bind(query, {param: value})


def test_typed_values(query):
    assert 'VALUES ?since { "2024-02" }' in bind(query, {"since": "2024-02"})
    text = bind(query, {"at": "2024-05-01T12:00:00+02:00"})
    assert 'VALUES ?at { "2024-05-01T10:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> }' in text
    text = bind(query, {"at": "2024-05-01"})                  # a date is midnight UTC
    assert '"2024-05-01T00:00:00Z"^^' in text
    assert 'VALUES ?n { "7"^^<http://www.w3.org/2001/XMLSchema#integer> }' in bind(query, {"n": " +7 "})


def test_unknown_and_repeated_params(query):
    with pytest.raises(ParamError, match="unknown parameter"):
        bind(query, {"nope": "x"})
    with pytest.raises(ParamError, match="takes one value"):
        bind(query, {"name": ["a", "b"]})
    assert "VALUES ?name" not in bind(query, {"name": None, "thing": []})


# ------------------------------------------------------------------ count and page
def test_count_and_page(store, query):
    text = bind(query, {})
    [row] = run(store, count_query(text))
    assert row == {"styrgraf_total": "3"}
    pages = [r["label"] for off in (0, 2) for r in run(store, page_query(text, 2, off))]
    assert pages == ["alpha", "beta", "gamma"]
    assert run(store, page_query(text, 0, 0)) == []
    with pytest.raises(ValueError):
        page_query(text, -1, 0)
    with pytest.raises(ValueError):
        page_query(page_query(text, 1, 0), 1, 0)
    kept = count_query("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 2")
    assert "ORDER" not in kept and "LIMIT 2" in kept and run(store, kept) == [{"styrgraf_total": "2"}]


# ------------------------------------------------------------------ shipped queries
def test_shipped_queries_load_strictly():
    queries = load_queries(QUERIES_DIR, strict=True)
    assert queries == registry()
    required = {"bodies", "documents", "policies", "goals", "responsibilities", "assignments", "consultations",
                "meetings", "laws", "body-responsibilities", "policy-goals", "assignments-by-body",
                "assignment-chain", "consultations-by-body", "counts", "evidence", "meeting-attendees",
                "meeting-items", "meeting-decisions", "meeting-reservations", "consultation-responses"}
    assert required <= set(queries)
    for q in queries.values():
        assert q.title and q.description, q.name
        assert q.path is not None and q.path.read_text(encoding="utf-8").startswith("# title:")


def test_query_files_declare_no_prefixes_and_parse_with_the_shared_ones():
    """queries/*.rq get their PREFIX lines from styrgraf.vocab.PREFIXES alone; with them each is a
    query (the text a page or /api shows is the one that runs)."""
    files = sorted(QUERIES_DIR.glob("*.rq"))
    assert len(files) == len(registry())
    for path in files:
        raw = path.read_text(encoding="utf-8")
        assert not re.search(r"(?im)^\s*PREFIX\s", raw), f"{path.name} declares its own prefixes"
        text = registry()[path.stem].text
        prepareQuery(text)                     # rdflib's parser
        ox.Store().query(text)                 # and Oxigraph's
        declared = re.findall(r"(?m)^PREFIX (\w+): <([^>]*)>$", text)
        assert declared and all(PREFIXES[p] == ns for p, ns in declared), path.name


def test_the_queries_of_the_pages_declare_no_prefixes_and_parse_with_the_shared_ones():
    """queries/pages/*.rq: the SPARQL the pages run beside the named queries, in files too."""
    files = sorted((QUERIES_DIR / "pages").glob("*.rq"))
    assert len(files) >= 7
    for path in files:
        raw = path.read_text(encoding="utf-8")
        assert not re.search(r"(?im)^\s*PREFIX\s", raw), f"{path.name} declares its own prefixes"
        text = with_prefixes(raw)
        prepareQuery(text)
        ox.Store().query(text)


def test_prefixes_go_after_the_header_and_only_those_used():
    text = with_prefixes("# title: t\n# description: d\n\n# a comment of the query\n"
                            "SELECT ?s WHERE { ?s sg:madeBy/skos:prefLabel ?l ; a foaf:Person }")
    assert text == ("# title: t\n# description: d\nPREFIX sg: <https://w3id.org/styrgraf/ns#>\n"
                    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
                    "# a comment of the query\nSELECT ?s WHERE { ?s sg:madeBy/skos:prefLabel ?l ; a foaf:Person }")
    q = nq.parse_query_file("# title: t\n# description: d\n\n# not the description\nSELECT ?s WHERE { ?s a sg:Body }", "t")
    assert q.description == "d" and "PREFIX sg:" in q.text
    # a file that declares a prefix keeps its own declaration; one that uses none is left as it is
    own = "# title: t\nPREFIX sg: <http://example.org/>\nSELECT ?s WHERE { ?s a sg:Body ; dct:title ?t }"
    assert with_prefixes(own) == own.replace("PREFIX sg", "PREFIX dct: <http://purl.org/dc/terms/>\nPREFIX sg")
    plain = "# title: t\nSELECT ?s WHERE { ?s ?p 'sg:x' }"
    assert with_prefixes(plain) == plain


SAMPLE_VALUES = {"iri": "http://example.org/a", "string": "x", "date": "2020", "datetime": "2020-01-01T00:00:00Z",
                 "integer": "1", "boolean": "true"}


@pytest.mark.parametrize("name", sorted(registry()))
def test_shipped_query_runs(name, store):
    q = registry()[name]
    for values in ({p.name: SAMPLE_VALUES[p.type] for p in q.params if p.required},
                   {p.name: SAMPLE_VALUES[p.type] for p in q.params}):
        text = q.bind(values)
        res = store.query(text, use_default_graph_as_union=True)
        if q.columns is not None:
            assert [v.value for v in res.variables] == q.columns
        list(res)
        list(store.query(count_query(text), use_default_graph_as_union=True))
        list(store.query(page_query(text, 5, 1), use_default_graph_as_union=True))


def test_broken_file_is_skipped_when_not_strict(tmp_path: Path):
    (tmp_path / "good.rq").write_text("# title: ok\nSELECT ?s WHERE { ?s ?p ?o }", encoding="utf-8")
    (tmp_path / "bad.rq").write_text("SELECT ?s WHERE { ?s ?p ?o }", encoding="utf-8")
    errors: list[str] = []
    assert set(load_queries(tmp_path, strict=False, errors=errors)) == {"good"}
    assert errors and "bad.rq" in errors[0]
    with pytest.raises(QueryFileError):
        load_queries(tmp_path)


def test_lexer_ignores_braces_in_strings_iris_and_comments():
    text = ('PREFIX ex: <http://e/#>\n# { comment\nSELECT ?s WHERE { ?s ex:p "}" . ?s ex:q \'{\' '
            '. ?s ex:r """ } """ }')
    bound = nq.inject_values(text, {"s": [ox.NamedNode("http://e/1")]})
    assert bound.index("VALUES ?s") > bound.index("WHERE {")
    ox.Store().query(bound)


def test_parameters_are_bound_in_sub_selects_that_use_them(store):
    text = '''# title: t
# param: name (string, none) — n
# param: thing (iri*, none) — t
PREFIX ex: <http://example.org/ns#>
SELECT ?thing ?l WHERE {
  { SELECT DISTINCT ?thing WHERE {
      { SELECT DISTINCT ?thing WHERE { ?thing ex:name ?any } }
      FILTER(!BOUND(?name) || EXISTS { ?thing ex:name ?n FILTER(STR(?n) = STR(?name)) })
  } }
  OPTIONAL { ?thing ex:name ?l }
}
ORDER BY ?thing
'''
    q = parse_query_file(text, "t")
    bound = q.bind({"name": "beta"})
    assert bound.count('VALUES ?name { "beta" }') == 2          # the outer group and the sub-SELECT using it
    assert run(store, bound) == [{"thing": "http://example.org/b", "l": "beta"}]
    bound = q.bind({"thing": ["http://example.org/a", "http://example.org/c"]})
    assert bound.count("VALUES ?thing") == 3                   # outer, and both sub-SELECTs
    assert [r["thing"] for r in run(store, bound)] == ["http://example.org/a", "http://example.org/c"]
    assert len(run(store, q.bind({}))) == 3


def test_parameters_are_bound_in_each_operand_of_a_union_that_uses_them(store):
    """The engine evaluates a UNION's operands before the VALUES outside them: the binding goes into each operand that
    uses the variable (not one that does not, nor a group that is a sub-SELECT), with the same answer."""
    text = '''# title: t
# param: thing (iri, required) — t
PREFIX ex: <http://example.org/ns#>
SELECT ?thing ?v WHERE {
  { ?thing ex:name ?v } UNION { BIND("constant" AS ?v) }
  UNION { SELECT ?thing (STR(COUNT(*)) AS ?v) WHERE { ?thing ?p ?o } GROUP BY ?thing }
}
ORDER BY ?v
'''
    q = parse_query_file(text, "t")
    bound = q.bind({"thing": "http://example.org/b"})
    operands = bound.split("UNION")
    assert bound.count("VALUES ?thing") == 3       # outer, the first operand, and the sub-SELECT's own group
    assert "VALUES" in operands[0].split("WHERE {", 1)[1].split("\n", 2)[2] and "VALUES" not in operands[1]
    outside_only = text.replace("SELECT ?thing ?v WHERE {", "SELECT ?thing ?v WHERE {\n  VALUES ?thing { "
                                "<http://example.org/b> }").replace("WHERE { ?thing ?p ?o }",
                                                                     "WHERE { VALUES ?thing { <http://example.org/b> } "
                                                                     "?thing ?p ?o }")
    assert run(store, bound) == run(store, outside_only)
    assert [r["v"] for r in run(store, bound)] == ["1", "beta", "constant"]
