"""The compiled validator (styrgraf.shacl, what ingest runs) against pyshacl, the reference.

Both validate the same graphs with the same shapes (styrgraf.constraints.shapes_graph) and must
give the same verdict and the same results, counted as a multiset of (focus node, result path,
value, source shape, constraint component):

- every document of ../shared/corpus and ../shared/corpus-municipal and every 25th of
  ../shared/corpus-regeringen-full, built into its graph as ingest builds it (batch.process);
- for every constraint of every shape, real document graphs changed to violate it (a required
  value dropped, a value too many, a wrong datatype, a value outside sh:in, a wrong class, a bad
  pattern, …): the graph must not conform and the violated constraint must be among the results;
- graphs changed at random (hypothesis): values added, dropped and replaced by tricky literals;
- the hand-written examples of tests/test_shapes.py, with and without the vocabulary mixed in.

pyshacl is run as ingest ran it before: on an rdflib graph parsed from the N-Triples text,
inference "none", warnings allowed.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings, strategies as st
from rdflib import RDF, SH
from rdflib.collection import Collection

import tempfile

from styrgraf import links
from styrgraf.change_feed import change_record
from styrgraf.constraints import compiled_shapes, shapes_graph
from styrgraf.ingest.batch import collect, process
from styrgraf.ingest.read import DEFAULT_MAX_BYTES
from styrgraf.shacl import UnsupportedShape, compile_shapes, to_rdflib
from styrgraf.vocab import NAMESPACE, SG, SGK, XSD

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# (corpus, every how many-th document of it)
CORPORA = [(SHARED / "corpus", 1), (SHARED / "corpus-municipal", 1), (SHARED / "corpus-regeringen-full", 25)]
RDF_TYPE = ox.NamedNode(str(RDF.type))
CONTACT = "anna.andersson@example.se, tel 08-1234567"     # what the contact-data patterns must find


# --- the two validators ----------------------------------------------------------------------

def _norm(term):
    """Blank nodes get fresh labels when rdflib parses N-Triples: compare them as one."""
    return "_:b" if isinstance(term, rdflib.BNode) else term


class Stopped(Exception):
    """pyshacl stopped on two values sh:lessThanOrEquals cannot order (a blank node, an ill-typed
    number against a number); the compiled validator reports them as a result instead."""


def reference(nt: str) -> tuple[bool, Counter] | Stopped:
    data = rdflib.Graph().parse(data=nt, format="nt")
    try:
        conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph(), inference="none",
                                               allow_warnings=True)
    except (TypeError, pyshacl.errors.ReportableRuntimeError) as e:
        if "'<='" not in str(e) and "sh:lessThanOrEquals" not in str(e):
            raise
        return Stopped(str(e))
    return bool(conforms), Counter(
        (_norm(report.value(r, SH.focusNode)), report.value(r, SH.resultPath), _norm(report.value(r, SH.value)),
         report.value(r, SH.sourceShape), report.value(r, SH.sourceConstraintComponent))
        for r in report.subjects(RDF.type, SH.ValidationResult))


def compiled(triples) -> tuple[bool, Counter]:
    report = compiled_shapes().validate(triples)
    return report.conforms, Counter(
        (_norm(to_rdflib(r.focus)), None if r.path is None else rdflib.URIRef(r.path.value),
         None if r.value is None else _norm(to_rdflib(r.value)), r.shape.node, SH[r.component])
        for r in report.results)


def both(triples) -> tuple[tuple[bool, Counter] | Stopped, tuple[bool, Counter]]:
    """Each validator's verdict on one graph, as ingest hands it over: the new one takes the
    triples, pyshacl took their N-Triples text."""
    triples = list(triples)
    return reference(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()), compiled(triples)


def agree(ref, new) -> bool:
    if isinstance(ref, Stopped):
        return not new[0] and any(r[4] == SH.LessThanOrEqualsConstraintComponent for r in new[1])
    return ref == new


# --- the document graphs ---------------------------------------------------------------------

def corpus_files() -> list[Path]:
    files = []
    for corpus, step in CORPORA:
        if corpus.exists():
            found, problems = collect([corpus])
            assert not problems
            files += found[::step]
    return files


@pytest.fixture(scope="module")
def documents() -> dict[str, list[ox.Triple]]:
    """Each document's graph as ingest builds it (without validating), by file name; the bundled
    corpus stands in where ../shared is missing."""
    files = corpus_files() or sorted((ROOT / "examples" / "corpus").glob("*.txt"))
    out = {}
    for f in files:
        result, nt, _ = process(f, NAMESPACE, False, DEFAULT_MAX_BYTES)
        assert nt is not None, (f, result.message)
        out[f"{f.parent.name}/{f.name}"] = [ox.Triple(q.subject, q.predicate, q.object)
                                            for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)]
    return out


@pytest.mark.skipif(not (SHARED / "corpus-regeringen-full").exists(), reason="needs ../shared")
def test_every_corpus_document_gets_the_same_results(documents):
    differ = []
    verdicts = Counter()
    for name, triples in documents.items():
        ref, new = both(triples)
        verdicts[new[0]] += 1
        if not agree(ref, new):
            differ.append((name, ref, new))
    assert not differ, differ[:3]
    assert len(documents) >= 5 + 15 + 8249 // 25, len(documents)
    assert verdicts[True] > 0


# --- graphs changed to violate each constraint -----------------------------------------------

COMPONENT = {p: SH[f"{name}ConstraintComponent"] for p, name in (
    (SH.minCount, "MinCount"), (SH.maxCount, "MaxCount"), (SH.datatype, "Datatype"), (SH.nodeKind, "NodeKind"),
    (SH["class"], "Class"), (SH["in"], "In"), (SH.hasValue, "HasValue"), (SH.languageIn, "LanguageIn"),
    (SH.uniqueLang, "UniqueLang"), (SH.minLength, "MinLength"), (SH.pattern, "Pattern"), (SH["or"], "Or"),
    (SH["not"], "Not"), (SH.minInclusive, "MinInclusive"), (SH.minExclusive, "MinExclusive"),
    (SH.maxInclusive, "MaxInclusive"), (SH.lessThanOrEquals, "LessThanOrEquals"))}
FRESH = NAMESPACE + "id/mutated-"
# what the shapes graph says with SHACL's terms besides constraint parameters
STRUCTURE = {SH.path, SH.property, SH.targetClass, SH.targetObjectsOf, SH.message, SH.declare, SH.prefix,
             SH.namespace}


class G:
    """A graph as a set of triples, changed by returning a changed copy."""

    def __init__(self, triples):
        self.triples = set(triples)

    def values(self, s, p) -> list:
        return sorted((t.object for t in self.triples if t.subject == s and t.predicate == p), key=str)

    def set(self, s, p, values) -> "G":
        return G({t for t in self.triples if not (t.subject == s and t.predicate == p)}
                 | {ox.Triple(s, p, v) for v in values})

    def replace_first(self, s, p, value) -> "G":
        old = self.values(s, p)
        return self.set(s, p, [value] + old[1:])

    def rename(self, old, new) -> "G":
        """`old` becomes `new` wherever it occurs (a literal cannot be a subject: those triples go)."""
        def r(x):
            return new if x == old else x
        return G(ox.Triple(r(t.subject), t.predicate, r(t.object)) for t in self.triples
                 if not (isinstance(new, ox.Literal) and t.subject == old))

    def drop(self, s, p, o) -> "G":
        return G(self.triples - {ox.Triple(s, p, o)})

    def add(self, *triples) -> "G":
        return G(self.triples | set(triples))


def _ox(term):
    """A shapes-graph term as a data term."""
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD + "string")))


def _literal(value, datatype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(datatype))


def another(value, n: int):
    """A value of the same sort as `value`, different from it and from the other n-1 made."""
    if isinstance(value, ox.NamedNode):
        return ox.NamedNode(f"{value.value}-other{n}")
    if value.language:
        return ox.Literal(f"{value.value} ({n})", language=value.language)
    dt = value.datatype.value
    rl = to_rdflib(value)
    if isinstance(rl.value, bool):
        return _literal("false" if rl.value else "true", dt)
    if isinstance(rl.value, (int, Decimal)):
        return _literal(rl.value + n, dt)
    if dt in (XSD + "date", XSD + "dateTime", XSD + "gYear"):
        return _literal(str(int(value.value[:4]) + n) + value.value[4:], dt)
    return ox.Literal(f"{value.value} ({n})", datatype=value.datatype)


def answer_link_triples() -> list[ox.Triple]:
    """A remiss page, an answer to it and the link between them (the links graph, which no document
    graph holds), as one graph."""
    from test_document_links import ANSWER_BY_NUMBER, REMISS_PAGE
    store, triples = ox.Store(), []
    with tempfile.TemporaryDirectory() as d:
        for name, text in (("remiss.md", REMISS_PAGE), ("svar.txt", ANSWER_BY_NUMBER)):
            f = Path(d) / name
            f.write_text(text, encoding="utf-8")
            _, nt, _ = process(f, NAMESPACE, False, DEFAULT_MAX_BYTES)
            doc = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)]
            store.extend([ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(NAMESPACE + "graph/" + name))
                          for t in doc])
            triples += doc
    found = links.answer_links(store)
    assert found, "the answer is not linked to its remiss"
    return triples + found


class Mutations:
    """For each constraint of each targeted shape, graphs that violate it, made from the smallest
    document graph that has a node the shape targets (preferring one with values on the path)."""

    def __init__(self, documents: dict[str, list[ox.Triple]]):
        self.sg = shapes_graph()
        record = change_record(NAMESPACE, NAMESPACE + "id/document/x", "x.txt", "stored", "2026-01-01T10:00:00Z")
        changes = list(ox.parse(record.triples, format=ox.RdfFormat.TURTLE))
        self.graphs = sorted((G(t) for t in documents.values()), key=lambda g: len(g.triples))
        self.graphs.insert(0, G(ox.Triple(q.subject, q.predicate, q.object) for q in changes))
        self.graphs.append(G(answer_link_triples()))
        self.covered: set[tuple] = set()

    def targeted(self):
        for shape in sorted(set(self.sg.subjects(SH.targetClass, None)) | set(self.sg.subjects(SH.targetObjectsOf, None)),
                            key=str):
            yield shape

    def constraints(self):
        """(root shape, shape holding the parameter, parameter): every constraint parameter of a
        targeted shape and of its property shapes (the parameters of sh:or and sh:not members
        are reached through their sh:or or sh:not)."""
        for root in self.targeted():
            for holder in [root, *self.sg.objects(root, SH.property)]:
                assert self.sg.value(holder, SH.property) is None or holder == root, "nested sh:property"
                for p in sorted(set(self.sg.predicates(holder, None)), key=str):
                    if p in COMPONENT:
                        yield root, holder, p

    def focus_nodes(self, g: G, root):
        classes = [_ox(c) for c in self.sg.objects(root, SH.targetClass)]
        preds = [_ox(p) for p in self.sg.objects(root, SH.targetObjectsOf)]
        found = {t.subject for t in g.triples if t.predicate == RDF_TYPE and t.object in classes}
        found |= {t.object for t in g.triples if t.predicate in preds}
        return sorted(found, key=str)

    def pick(self, root, path):
        """(graph, focus node): the first graph with a targeted node, with values on `path` if any has."""
        fallback = None
        for g in self.graphs:
            for f in self.focus_nodes(g, root):
                if path is None or g.values(f, path):
                    return g, f
                fallback = fallback or (g, f)
        assert fallback, f"no graph has a node that {root} targets"
        return fallback

    def all(self):
        for root, holder, param in self.constraints():
            path = self.sg.value(holder, SH.path)
            p = _ox(path) if path is not None else None
            g, f = self.pick(root, p)
            made = list(self.make(g, f, p, root, holder, param))
            assert made, f"no mutation for {param} on {holder}"
            for label, mutated, focus in made:
                self.covered.add((holder, param))
                expected = (_norm(to_rdflib(focus)), path, holder, COMPONENT[param])
                yield f"{self.sg.namespace_manager.normalizeUri(root)} {label}", mutated, expected

    def make(self, g: G, f, p, root, holder, param):
        sg = self.sg
        arg = sg.value(holder, param)
        values = g.values(f, p) if p is not None else [f]
        first = values[0] if values else None
        if param == SH.minCount:
            yield "without its required values", g.set(f, p, []), f
        elif param == SH.maxCount:
            base = first if first is not None else self.good_value(holder)
            extra = [another(base, n) for n in range(1, int(arg) + 2 - len(values))]
            yield "with a value too many", g.set(f, p, values + extra if first is not None else [base, *extra]), f
        elif param == SH.datatype:
            wrong = (ox.Literal("x", language="sv") if str(arg) == XSD + "string" else ox.Literal("x"))
            yield f"a value not of {arg}", g.replace_first(f, p, wrong), f
            yield "an IRI for a literal", g.replace_first(f, p, ox.NamedNode(FRESH + "iri")), f
            if rdflib.Literal("x", datatype=arg).ill_typed is True:
                yield f"an ill-typed {arg}", g.replace_first(f, p, _literal("x", str(arg))), f
        elif param == SH.nodeKind and p is not None:
            yield "a literal for an IRI", g.replace_first(f, p, ox.Literal("x")), f
            yield "a blank node for an IRI", g.replace_first(f, p, ox.BlankNode()), f
        elif param == SH.nodeKind:
            b = ox.BlankNode()
            yield "the node a blank node", g.rename(f, b), b
            if sg.value(root, SH.targetObjectsOf) is not None:      # a literal is targeted too
                lit = ox.Literal("x")
                yield "the node a literal", g.rename(f, lit), lit
        elif param == SH["class"] and p is not None:
            yield "an untyped node", g.replace_first(f, p, ox.NamedNode(FRESH + "untyped")), f
            yield "a literal for a node", g.replace_first(f, p, ox.Literal("x")), f
        elif param == SH["class"]:
            yield "without its class", g.drop(f, RDF_TYPE, _ox(arg)), f
        elif param == SH["in"]:
            yield "a value outside sh:in", g.replace_first(f, p, ox.NamedNode(SGK + "none/x")), f
            yield "a literal outside sh:in", g.replace_first(f, p, ox.Literal("x")), f
        elif param == SH.hasValue:
            yield "another kind", g.set(f, p, [ox.NamedNode(SGK + "body/none")]), f
        elif param == SH.languageIn:
            yield "in English", g.replace_first(f, p, ox.Literal(first.value if first else "x", language="en")), f
        elif param == SH.uniqueLang:
            lang = first.language if first is not None and first.language else "sv"
            two = [ox.Literal("a", language=lang), ox.Literal("b", language=lang)]
            yield "two names in one language", g.set(f, p, values + two), f
        elif param == SH.minLength:
            yield "an empty string", g.replace_first(f, p, ox.Literal("")), f
        elif param == SH.pattern and p is not None:
            assert not re.search(str(arg), "!")
            yield "a value the pattern refuses", g.replace_first(f, p, ox.Literal("!")), f
        elif param == SH.pattern:
            other = ox.NamedNode(FRESH + "not-matching")
            assert not re.search(str(arg), other.value)
            yield "an IRI the pattern refuses", g.rename(f, other), other
        elif param == SH["not"]:
            for pattern in sg.objects(arg, SH.pattern):
                assert re.search(str(pattern), CONTACT), "CONTACT must match every sh:not pattern"
            text = first.value if first is not None else ""
            yield "contact data in the text", g.replace_first(f, p, ox.Literal(f"{text} {CONTACT}")), f
        elif param == SH["or"] and p is not None:
            yield "a value of no alternative", g.replace_first(f, p, ox.NamedNode(FRESH + "iri")), f
            yield "an integer for text or a date", g.replace_first(f, p, _literal(5, XSD + "integer")), f
        elif param == SH["or"]:
            members = list(Collection(sg, arg))
            assert all(sg.value(m, SH.minCount) is not None for m in members)
            for m in members:
                g = g.set(f, _ox(sg.value(m, SH.path)), [])
            yield "none of the alternatives", g, f
        elif param in (SH.minInclusive, SH.minExclusive, SH.maxInclusive):
            bound = to_rdflib(_ox(arg)).value
            bad = {SH.minInclusive: bound - 1, SH.minExclusive: bound, SH.maxInclusive: bound + 1}[param]
            dt = sg.value(holder, SH.datatype) or arg.datatype
            yield f"{bad}, out of range", g.replace_first(f, p, _literal(bad, str(dt))), f
        elif param == SH.lessThanOrEquals:
            other = _ox(arg)
            limit = max((int(v.value) for v in g.values(f, other)), default=0)
            g = g.set(f, other, [_literal(limit, XSD + "integer")]) if not g.values(f, other) else g
            yield "greater than its limit", g.replace_first(f, p, _literal(limit + 1, XSD + "integer")), f

    def good_value(self, holder):
        """A value the property shape accepts, for a path no document graph has."""
        sg = self.sg
        if sg.value(holder, SH["in"]) is not None:
            return _ox(next(iter(Collection(sg, sg.value(holder, SH["in"])))))
        dt = sg.value(holder, SH.datatype)
        if dt is None and sg.value(holder, SH["or"]) is not None:
            dt = sg.value(next(iter(Collection(sg, sg.value(holder, SH["or"])))), SH.datatype)
        if dt is not None:
            return {XSD + "string": ox.Literal("värde"), str(RDF.langString): ox.Literal("värde", language="sv"),
                    XSD + "date": _literal("2024-01-01", XSD + "date"), XSD + "gYear": _literal(2024, XSD + "gYear"),
                    XSD + "boolean": _literal("true", XSD + "boolean")}[str(dt)]
        return ox.NamedNode(FRESH + "value")


def test_every_constraint_violated_gives_the_same_results(documents):
    mutations = Mutations(documents)
    made, wrong = 0, []
    for label, g, expected in mutations.all():
        made += 1
        ref, new = both(g.triples)
        if new[0] or expected not in {(f, p, s, c) for f, p, _, s, c in new[1]} or not agree(ref, new):
            wrong.append((label, expected, ref, new))
    assert not wrong, wrong[:3]
    every = {(holder, param) for _, holder, param in mutations.constraints()}
    assert mutations.covered == every
    # a constraint component the shapes start to use needs its mutations here
    used = {p for _, p, _ in shapes_graph() if str(p).startswith(str(SH)) and p not in STRUCTURE}
    assert used == set(COMPONENT)
    assert made >= len(every) > 100


# --- graphs changed at random ----------------------------------------------------------------

TRICKY = ["", "x", "5", "+5", "05", " 5", "1_0", "-0", "0", "1", "1.0", "1.50", "0.5", "abc", "true", "false",
          "2024", "2024-02-30", "2024-1-5", "2024-01-01", "2024-01-01T10:00:00Z", "2024-01-01T10:00:00",
          "KS 2024/1035", "c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47", "2009:724",
          "text/plain", "S", "a@b.se", "08-5082900", "https://w3id.org/styrgraf/id/x"]
DATATYPES = ["string", "integer", "decimal", "boolean", "date", "dateTime", "gYear", "gYearMonth"]
terms = st.one_of(
    st.builds(ox.Literal, st.sampled_from(TRICKY) | st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=6),
              datatype=st.sampled_from(DATATYPES).map(lambda d: ox.NamedNode(XSD + d))),
    st.builds(lambda v, lang: ox.Literal(v, language=lang), st.sampled_from(TRICKY), st.sampled_from(["sv", "en", "sv-se"])),
    st.sampled_from([ox.NamedNode(SGK + "body/namnd"), ox.NamedNode(SGK + "document/okand"),
                     ox.NamedNode(SG + "Body"), ox.NamedNode(SG + "Evidence"), ox.NamedNode(FRESH + "x"),
                     ox.NamedNode("http://rinfo.lagrummet.se/publ/sfs/2009:724")]),
)


@pytest.fixture(scope="module")
def small_graphs(documents) -> list[G]:
    """The 40 smallest document graphs (pyshacl takes 30–200 ms a graph)."""
    return sorted((G(t) for t in documents.values()), key=lambda g: len(g.triples))[:40]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_changes_give_the_same_results(small_graphs, data):
    g = data.draw(st.sampled_from(small_graphs))
    subjects = sorted({t.subject for t in g.triples}, key=str)
    predicates = sorted({ox.NamedNode(str(p)) for p in shapes_graph().objects(None, SH.path)
                         if isinstance(p, rdflib.URIRef)} | {RDF_TYPE}, key=str)
    for _ in range(data.draw(st.integers(1, 6))):
        s = data.draw(st.sampled_from(subjects))
        p = data.draw(st.sampled_from(predicates))
        how = data.draw(st.sampled_from(["add", "replace", "drop"]))
        if how == "drop":
            g = g.set(s, p, [])
        elif how == "replace" and g.values(s, p):
            g = g.replace_first(s, p, data.draw(terms))
        else:
            g = g.add(ox.Triple(s, p, data.draw(terms)))
    ref, new = both(g.triples)
    assert agree(ref, new), (ref, new)


# --- the hand-written examples of the shapes' tests, and the compiler's refusals --------------

def _examples():
    import test_shapes
    for name, good, bad, *_ in test_shapes.CASES:
        yield name, good
        yield name, bad


@pytest.mark.parametrize("vocabulary", [False, True], ids=["data alone", "vocabulary mixed in"])
def test_the_shape_examples_give_the_same_results(vocabulary):
    import test_shapes
    vocab = [ox.Triple(q.subject, q.predicate, q.object) for f in ("styrgraf.ttl", "kinds.ttl") if vocabulary
             for q in ox.parse(path=str(ROOT / "ontology" / f), format=ox.RdfFormat.TURTLE)]
    checked = 0
    for name, ttl in _examples():
        data = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(
            test_shapes.PREFIXES + test_shapes.BASE + ttl, format=ox.RdfFormat.TURTLE)]
        ref, new = both(data + vocab)
        assert agree(ref, new), name
        checked += 1
    assert checked == 2 * len(test_shapes.CASES)


@pytest.mark.parametrize("ttl,refused", [
    ("ex:s a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:maxLength 3 ] .", "sh:maxLength"),
    ("ex:s a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:select 'SELECT $this WHERE {}' ] .", "sh:sparql"),
    ("ex:s a sh:NodeShape ; sh:targetNode ex:x ; sh:nodeKind sh:IRI .", "sh:targetNode"),
    ("ex:s a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .",
     "predicate paths"),
    ("ex:s a sh:NodeShape ; sh:targetClass ex:C ; sh:severity sh:Warning ; sh:nodeKind sh:IRI .", "sh:severity"),
    ("ex:s a sh:NodeShape ; sh:targetClass ex:C ; sh:node ex:s .", "sh:node"),
])
def test_a_shape_using_what_is_not_compiled_is_refused(ttl, refused):
    g = rdflib.Graph().parse(data="@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> ."
                             + ttl, format="turtle")
    with pytest.raises(UnsupportedShape, match=re.escape(refused)):
        compile_shapes(g)
