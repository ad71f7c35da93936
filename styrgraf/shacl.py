"""SHACL core validation, compiled once from a shapes graph and run on a graph's triples in Python.

`compile_shapes(shapes)` reads the shapes graph (rdflib) once and turns each shape into a list of
checks; `Shapes.validate(triples)` indexes the triples of a data graph (pyoxigraph terms, or
N-Triples text) and runs the checks on them, with no rdflib graph and no query engine per graph.
Its results are those of pyshacl (`inference="none"`, `allow_warnings=True`) on the same graph,
result for result: the same focus node, result path, value, source shape and constraint
component (tests/test_shacl_differential.py holds the two side by side). Where SHACL leaves a
detail to the engine, pyshacl's reading is followed: typed literals are read as rdflib reads them
(its value, its canonical lexical form, `ill_typed`), values are compared as rdflib compares them,
patterns are Python regular expressions. One difference: two values sh:lessThanOrEquals cannot
order (a blank node, an ill-typed number against a number) are a result here, where pyshacl
stops with an exception.

Only what the shapes use is implemented: compiling a shapes graph that uses any other SHACL
feature (a constraint component, target, severity or path kind not listed in `_COMPONENTS`,
`_TARGETS` and `_PASSIVE`) raises `UnsupportedShape`, so a new shape is never skipped in silence.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable

import pyoxigraph as ox
import rdflib
from rdflib import RDF as RDF_NS, RDFS as RDFS_NS, SH, XSD as XSD_NS
from rdflib.collection import Collection

RDF_TYPE = ox.NamedNode(str(RDF_NS.type))
SUBCLASS_OF = ox.NamedNode(str(RDFS_NS.subClassOf))
XSD_STRING = str(XSD_NS.string)
LANG_STRING = str(RDF_NS.langString)


class UnsupportedShape(ValueError):
    """The shapes graph uses a SHACL feature this validator does not implement."""


# --- terms -----------------------------------------------------------------------------------

# typed literals other than strings, read once as rdflib reads them: rdflib's literal (whose
# value, ill_typed flag and comparisons the checks use) and the term as rdflib keeps it, in its
# canonical lexical form ("+5"^^xsd:integer is "5", "…T10:00:00Z"^^xsd:dateTime is
# "…T10:00:00+00:00"), or None where that is the term as given.
_TYPED: dict[ox.Literal, tuple[ox.Literal | None, rdflib.Literal]] = {}
_TYPED_MAX = 50_000


def _typed(lit: ox.Literal) -> tuple[ox.Literal | None, rdflib.Literal]:
    hit = _TYPED.get(lit)
    if hit is None:
        if len(_TYPED) >= _TYPED_MAX:
            _TYPED.clear()
        rl = rdflib.Literal(lit.value, datatype=rdflib.URIRef(lit.datatype.value))
        hit = _TYPED[lit] = (None if str(rl) == lit.value else ox.Literal(str(rl), datatype=lit.datatype), rl)
    return hit


def to_rdflib(term, read=None) -> rdflib.term.Identifier:
    """The rdflib term pyshacl sees for a pyoxigraph term of N-Triples text that rdflib parsed;
    `read`: rdflib's literal as a graph holds it (see Graph)."""
    if read is not None:
        return read
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language is not None:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return rdflib.Literal(term.value)          # N-Triples writes a simple literal without ^^
    return _typed(term)[1]


def _from_rdflib(term: rdflib.term.Identifier):
    """A shapes-graph term as the data's terms are written (for sh:in, sh:hasValue, sh:class)."""
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if term.language is not None:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is None:
        return ox.Literal(str(term))
    if str(term.datatype) == XSD_STRING:
        # rdflib tells "a"^^xsd:string from the simple literal "a", and N-Triples from pyoxigraph
        # never spells the datatype out: no data term equals it
        return _NEVER_EQUAL
    lit = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return _typed(lit)[0] or lit


_NEVER_EQUAL = object()


def _string(term) -> str:
    """SPARQL str() as pyshacl's string constraints read it (a typed literal's canonical form)."""
    return term.value


# --- the data graph --------------------------------------------------------------------------

class Graph:
    """A graph's triples indexed for the checks, as the rdflib graph pyshacl validates holds them:
    duplicate triples count once, and a typed literal is its canonical form. The values of a
    subject and predicate map each value to None, or, for a literal written otherwise than in
    its canonical form, to rdflib's literal of the form the graph met first: it keeps that one
    (an ill-typed "x"^^xsd:boolean is the same term as "false"^^xsd:boolean, but ill-typed)."""

    __slots__ = ("values", "instances", "objects_of", "superclasses")

    def __init__(self, triples: Iterable, target_predicates: Iterable[ox.NamedNode] = ()):
        values: dict = {}
        for t in triples:
            o = t.object
            read = None
            if type(o) is ox.Literal and o.language is None and o.datatype.value != XSD_STRING:
                canon, rl = _typed(o)
                if canon is not None:
                    o, read = canon, rl
            by_p = values.get(t.subject)
            if by_p is None:
                values[t.subject] = {t.predicate: {o: read}}
            else:
                vs = by_p.get(t.predicate)
                if vs is None:
                    by_p[t.predicate] = {o: read}
                elif o not in vs:
                    vs[o] = read
        self.values = values
        instances: dict = {}
        superclasses: dict = {}
        for s, by_p in values.items():
            for c in by_p.get(RDF_TYPE, ()):
                instances.setdefault(c, {})[s] = None
            for c in by_p.get(SUBCLASS_OF, ()):
                superclasses.setdefault(s, set()).add(c)
        self.instances = instances
        self.superclasses = superclasses
        self.objects_of = {p: {} for p in target_predicates}
        for p, found in self.objects_of.items():
            for by_p in values.values():
                for o, read in by_p.get(p, _EMPTY).items():
                    found.setdefault(o, read)

    def objects(self, s, p) -> dict:
        by_p = self.values.get(s)
        return by_p.get(p, _EMPTY) if by_p is not None else _EMPTY

    def is_instance(self, node, cls) -> bool:
        """rdf:type/rdfs:subClassOf* in the data graph (no vocabulary is mixed in)."""
        return self._reaches(self.objects(node, RDF_TYPE), cls)

    def instances_of(self, cls) -> dict:
        """The nodes of class `cls` or of a subclass of it (rdfs:subClassOf in the data graph)."""
        found = self.instances.get(cls, _EMPTY)
        subclasses = [c for c in self.superclasses if c != cls and self._reaches((c,), cls)]
        if subclasses:
            found = dict(found)
            for sub in subclasses:
                found.update(self.instances.get(sub, _EMPTY))
        return found

    def _reaches(self, classes, cls) -> bool:
        if cls in classes:
            return True
        if not self.superclasses:
            return False
        seen, todo = set(), list(classes)
        while todo:
            c = todo.pop()
            if c == cls:
                return True
            if c not in seen:
                seen.add(c)
                todo.extend(self.superclasses.get(c, ()))
        return False


_EMPTY: dict = {}


# --- results ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Result:
    focus: object                       # pyoxigraph terms of the data graph
    path: ox.NamedNode | None
    value: object | None
    shape: "Shape"
    component: str                      # the constraint component's local name in sh:

    @property
    def messages(self) -> list[str]:
        """The shape's sh:message (English first), or the component's own wording."""
        if self.shape.messages:
            return [str(m) for m in self.shape.messages]
        return [self.shape.generic_message(self)]


@dataclass
class Report:
    conforms: bool
    results: list[Result]

    @property
    def text(self) -> str:
        lines = ["Validation Report", f"Conforms: {self.conforms}"]
        if self.results:
            lines.append(f"Results ({len(self.results)}):")
        for r in self.results:
            lines.append(f"Constraint Violation in {r.component} ({SH}{r.component}):")
            lines.append("\tSeverity: sh:Violation")
            lines.append(f"\tSource Shape: {r.shape.name}")
            lines.append(f"\tFocus Node: {r.focus}")
            if r.value is not None:
                lines.append(f"\tValue Node: {r.value}")
            if r.path is not None:
                lines.append(f"\tResult Path: {r.path}")
            lines += [f"\tMessage: {m}" for m in r.messages]
        return "\n".join(lines) + "\n"


# --- shapes ----------------------------------------------------------------------------------

class Shape:
    """A node shape (path None) or a property shape, compiled: its checks in a list."""

    def __init__(self, node, path: ox.NamedNode | None, messages: list[rdflib.Literal], name: str):
        self.node = node                # the shape's node in the shapes graph (pyshacl's sh:sourceShape)
        self.path = path
        self.messages = sorted(messages, key=lambda m: (m.language != "en", m.language or "", str(m)))
        self.name = name
        self.checks: list[Callable] = []

    def check(self, focus, data: Graph, out: list[Result] | None, read=None) -> bool:
        """Whether `focus` conforms; with `out`, every result is added to it (without, the first
        failure answers). `read`: rdflib's reading of a literal focus (see Graph)."""
        values = data.objects(focus, self.path) if self.path is not None else {focus: read}
        ok = True
        for c in self.checks:
            if not c(self, focus, values, data, out):
                if out is None:
                    return False
                ok = False
        return ok

    def generic_message(self, r: Result) -> str:
        where = f"{r.focus}" + (f"->{r.path}" if r.path is not None else "")
        return f"{r.component} not satisfied on {where}" + (f" by {r.value}" if r.value is not None else "")


def _fail(out, shape, focus, value, component) -> bool:
    if out is not None:
        out.append(Result(focus, shape.path, value, shape, component))
    return False


# Each compiler reads a component's parameters on a shape and returns its check:
# check(shape, focus, values, data, out) -> conforms, `values` as Graph.objects gives them. A
# check runs every value and reports each failure when `out` is a list; it may stop at the first
# failure when `out` is None.

def _each_value(component: str, conforms: Callable, params: Iterable = (None,)) -> Callable:
    """The check of a component that judges each value by itself: a result for each parameter
    (sh:class, sh:pattern, … may be given more than once) and each value, in that order, where
    not conforms(value, read, data, parameter)."""
    def check(shape, focus, values, data, out):
        ok = True
        for param in params:
            for v, read in values.items():
                if not conforms(v, read, data, param):
                    ok = _fail(out, shape, focus, v, component)
                    if out is None:
                        return False
        return ok
    return check


def _min_count(c: "_Compiler", node) -> Callable:
    n = c.one_integer(node, SH.minCount)

    def check(shape, focus, values, data, out):
        return len(values) >= n or _fail(out, shape, focus, None, "MinCountConstraintComponent")
    return check


def _max_count(c: "_Compiler", node) -> Callable:
    n = c.one_integer(node, SH.maxCount)

    def check(shape, focus, values, data, out):
        return len(values) <= n or _fail(out, shape, focus, None, "MaxCountConstraintComponent")
    return check


# the Python type rdflib gives a well-formed literal of these datatypes (pyshacl checks it)
_PY_TYPES = {str(XSD_NS.integer): int, str(XSD_NS.float): float, str(XSD_NS.decimal): Decimal,
             str(XSD_NS.boolean): bool, str(XSD_NS.date): datetime.date, str(XSD_NS.time): datetime.time,
             str(XSD_NS.dateTime): datetime.datetime}


def _datatype(c: "_Compiler", node) -> Callable:
    rule = c.one(node, SH.datatype)
    if not isinstance(rule, rdflib.URIRef) or rule in (RDFS_NS.Literal, RDFS_NS.Datatype):
        raise UnsupportedShape(f"sh:datatype {rule} on {c.name(node)}: only datatype IRIs are implemented")
    rule_s = str(rule)
    py_type = _PY_TYPES.get(rule_s)

    def matches(v, read, data, _) -> bool:
        if type(v) is not ox.Literal:
            return False
        if v.language is not None:
            return rule_s == LANG_STRING
        dt = v.datatype.value
        if dt != rule_s:
            return False
        if dt == XSD_STRING:
            return True
        rl = to_rdflib(v, read)
        if getattr(rl, "ill_typed", None) is True:
            return False
        return py_type is None or isinstance(rl.value, py_type)

    return _each_value("DatatypeConstraintComponent", matches)


_NODE_KINDS = {
    SH.IRI: (ox.NamedNode,), SH.BlankNode: (ox.BlankNode,), SH.Literal: (ox.Literal,),
    SH.BlankNodeOrIRI: (ox.NamedNode, ox.BlankNode), SH.IRIOrLiteral: (ox.NamedNode, ox.Literal),
    SH.BlankNodeOrLiteral: (ox.BlankNode, ox.Literal),
}


def _node_kind(c: "_Compiler", node) -> Callable:
    rule = c.one(node, SH.nodeKind)
    if rule not in _NODE_KINDS:
        raise UnsupportedShape(f"sh:nodeKind {rule} on {c.name(node)} is not a node kind")
    kinds = _NODE_KINDS[rule]
    return _each_value("NodeKindConstraintComponent", lambda v, read, data, _: type(v) in kinds)


def _class(c: "_Compiler", node) -> Callable:
    classes = [_from_rdflib(x) for x in c.graph.objects(node, SH["class"])]
    return _each_value("ClassConstraintComponent",
                       lambda v, read, data, cls: type(v) is not ox.Literal and data.is_instance(v, cls),
                       classes)


def _in(c: "_Compiler", node) -> Callable:
    allowed = {_from_rdflib(x) for x in Collection(c.graph, c.one(node, SH["in"]))}
    return _each_value("InConstraintComponent", lambda v, read, data, _: v in allowed)


def _has_value(c: "_Compiler", node) -> Callable:
    wanted = [_from_rdflib(x) for x in c.graph.objects(node, SH.hasValue)]

    def check(shape, focus, values, data, out):
        missing = [w for w in wanted if w not in values]
        for _ in missing:                        # one result per value missing
            _fail(out, shape, focus, None, "HasValueConstraintComponent")
        return not missing
    return check


def _language_in(c: "_Compiler", node) -> Callable:
    langs = set()
    for x in Collection(c.graph, c.one(node, SH.languageIn)):
        if not isinstance(x, rdflib.Literal) or not isinstance(x.value, str):
            raise UnsupportedShape(f"sh:languageIn on {c.name(node)} must list strings")
        langs.add(str(x.value).lower())

    def matches(v, read, data, _) -> bool:
        if type(v) is not ox.Literal or not v.language:
            return False
        lang = v.language.lower()
        return "*" in langs or lang in langs or lang.split("-")[0] in langs

    return _each_value("LanguageInConstraintComponent", matches)


def _unique_lang(c: "_Compiler", node) -> Callable:
    flag = c.one(node, SH.uniqueLang)
    if not (isinstance(flag, rdflib.Literal) and isinstance(flag.value, bool)):
        raise UnsupportedShape(f"sh:uniqueLang on {c.name(node)} must be a boolean")
    if not flag.value:
        return lambda shape, focus, values, data, out: True

    def check(shape, focus, values, data, out):
        seen, twice = set(), set()
        for v in values:
            if type(v) is ox.Literal and v.language:
                lang = v.language.lower()
                (twice if lang in seen else seen).add(lang)
        for _ in twice:                          # one result per language used twice
            _fail(out, shape, focus, None, "UniqueLangConstraintComponent")
        return not twice
    return check


def _min_length(c: "_Compiler", node) -> Callable:
    n = c.one_integer(node, SH.minLength)
    return _each_value("MinLengthConstraintComponent",
                       lambda v, read, data, _: not n or (type(v) is not ox.BlankNode and len(_string(v)) >= n))


def _pattern(c: "_Compiler", node) -> Callable:
    flags = 0
    for f in c.graph.objects(node, SH.flags):
        text = str(f).lower()
        flags |= (re.I if "i" in text else 0) | (re.M if "m" in text else 0)
    patterns = [re.compile(str(p), flags) for p in c.graph.objects(node, SH.pattern)]
    return _each_value("PatternConstraintComponent",
                       lambda v, read, data, rx: type(v) is not ox.BlankNode and rx.search(_string(v)) is not None,
                       patterns)


# literals whose value rdflib compares as a number whatever the other numeric datatype is
_NUMBERS = {str(XSD_NS.integer), str(XSD_NS.decimal)}


def _numbers(a: rdflib.Literal, b: rdflib.Literal) -> bool:
    """Both well-formed integers or decimals: rdflib compares them by value, as Python does."""
    return (str(a.datatype) in _NUMBERS and str(b.datatype) in _NUMBERS and a.value is not None
            and b.value is not None and not a.ill_typed and not b.ill_typed)


def _compare_literals(a: rdflib.Literal, b: rdflib.Literal) -> int:
    """pyshacl's ordering of two literals (rdflib's comparison; a date-time by its value)."""
    if _numbers(a, b):
        return (a.value > b.value) - (a.value < b.value)
    if a.eq(b):
        return 0
    if a.value.__class__ in (datetime.datetime, datetime.time):
        if a.value == b.value:
            return 0
        if a.value > b.value:
            return 1
    elif a > b:
        return 1
    return -1


def _range(parameter, component: str, accept: Callable[[int], bool]):
    def compile_(c: "_Compiler", node) -> Callable:
        bounds = list(c.graph.objects(node, parameter))
        if not all(isinstance(b, rdflib.Literal) for b in bounds):
            raise UnsupportedShape(f"{parameter} on {c.name(node)} must be a literal")

        def matches(v, read, data, bound) -> bool:
            if type(v) is not ox.Literal:
                return False
            rl = to_rdflib(v, read)
            if isinstance(rl.value, str) != isinstance(bound.value, str):
                return False
            try:
                return accept(_compare_literals(rl, bound))
            except (TypeError, NotImplementedError):
                return False

        return _each_value(component, matches, bounds)
    return compile_


def _less_than_or_equals(c: "_Compiler", node) -> Callable:
    others = [c.iri(node, x) for x in c.graph.objects(node, SH.lessThanOrEquals)]

    def comparable(term, read):
        """(what is compared, whether it is a string): an IRI or a string by its text, another
        literal as rdflib orders it; None for a blank node."""
        if type(term) is ox.BlankNode:
            return None, False
        rl = to_rdflib(term, read)
        if isinstance(rl, rdflib.URIRef):
            return str(rl), True
        if isinstance(rl.value, str):
            return rl.value, True
        return rl, False

    def in_order(a, a_str, b, b_str) -> bool:
        if a is None or b is None or a_str != b_str:
            return False
        if not a_str and _numbers(a, b):
            return a.value <= b.value
        try:
            return a <= b
        except TypeError:
            return False

    def check(shape, focus, values, data, out):
        ok = True
        for other in others:
            compared = [comparable(w, read) for w, read in data.objects(focus, other).items()]
            for v, read in values.items():
                a, a_str = comparable(v, read)
                for b, b_str in compared:
                    if not in_order(a, a_str, b, b_str):         # one result per pair out of order
                        ok = _fail(out, shape, focus, v, "LessThanOrEqualsConstraintComponent")
                        if out is None:
                            return False
        return ok
    return check


def _property(c: "_Compiler", node) -> Callable:
    shapes = [c.shape(x) for x in c.graph.objects(node, SH.property)]
    for s in shapes:
        if s.path is None:
            raise UnsupportedShape(f"sh:property of {c.name(node)} names {s.name}, which has no sh:path")

    def check(shape, focus, values, data, out):
        ok = True
        for s in shapes:
            for v, read in values.items():
                if not s.check(v, data, out, read):
                    ok = False
                    if out is None:
                        return False
        return ok
    return check


def _or(c: "_Compiler", node) -> Callable:
    alternatives = [[c.shape(x) for x in Collection(c.graph, lst)] for lst in c.graph.objects(node, SH["or"])]
    return _each_value("OrConstraintComponent",
                       lambda v, read, data, members: any(m.check(v, data, None, read) for m in members),
                       alternatives)


def _not(c: "_Compiler", node) -> Callable:
    negated = [c.shape(x) for x in c.graph.objects(node, SH["not"])]
    return _each_value("NotConstraintComponent",
                       lambda v, read, data, s: not s.check(v, data, None, read), negated)


# parameter -> compiler of its component (one check per shape and component)
_COMPONENTS = {
    SH.minCount: _min_count, SH.maxCount: _max_count, SH.datatype: _datatype, SH.nodeKind: _node_kind,
    SH["class"]: _class, SH["in"]: _in, SH.hasValue: _has_value, SH.languageIn: _language_in,
    SH.uniqueLang: _unique_lang, SH.minLength: _min_length, SH.pattern: _pattern,
    SH.minInclusive: _range(SH.minInclusive, "MinInclusiveConstraintComponent", lambda c: c >= 0),
    SH.minExclusive: _range(SH.minExclusive, "MinExclusiveConstraintComponent", lambda c: c > 0),
    SH.maxInclusive: _range(SH.maxInclusive, "MaxInclusiveConstraintComponent", lambda c: c <= 0),
    SH.maxExclusive: _range(SH.maxExclusive, "MaxExclusiveConstraintComponent", lambda c: c < 0),
    SH.lessThanOrEquals: _less_than_or_equals, SH.property: _property, SH["or"]: _or, SH["not"]: _not,
}
_TARGETS = {SH.targetClass, SH.targetObjectsOf}
# read elsewhere (sh:path, sh:flags with sh:pattern, sh:message) or without effect on results
_PASSIVE = {SH.path, SH.flags, SH.message, SH.name, SH.description, SH.order, SH.group}


# --- compiling -------------------------------------------------------------------------------

class _Compiler:
    def __init__(self, graph: rdflib.Graph):
        self.graph = graph
        self.compiled: dict = {}

    def name(self, node) -> str:
        if isinstance(node, rdflib.URIRef):
            return node.n3(self.graph.namespace_manager)
        owner = next(self.graph.subjects(SH.property, node), None)
        path = self.graph.value(node, SH.path)
        inner = f"[ sh:path {path.n3(self.graph.namespace_manager)} ]" if path is not None else f"_:{node}"
        return f"{self.name(owner)} / {inner}" if owner is not None else inner

    def one(self, node, parameter):
        values = list(self.graph.objects(node, parameter))
        if len(values) != 1:
            raise UnsupportedShape(f"{self.name(node)} has {len(values)} values of {parameter}; one is implemented")
        return values[0]

    def one_integer(self, node, parameter) -> int:
        v = self.one(node, parameter)
        if not (isinstance(v, rdflib.Literal) and isinstance(v.value, int) and v.value >= 0):
            raise UnsupportedShape(f"{parameter} on {self.name(node)} must be a non-negative integer")
        return v.value

    def iri(self, node, term) -> ox.NamedNode:
        if not isinstance(term, rdflib.URIRef):
            raise UnsupportedShape(f"{self.name(node)}: only predicate paths (IRIs) are implemented, not {term!r}")
        return ox.NamedNode(str(term))

    def shape(self, node) -> Shape:
        if node in self.compiled:
            found = self.compiled[node]
            if found is None:                    # still being compiled: a shape that reaches itself
                raise UnsupportedShape(f"{self.name(node)} refers back to itself (recursive shapes are not "
                                       "implemented)")
            return found
        self.compiled[node] = None
        g = self.graph
        if (node, RDF_NS.type, RDFS_NS.Class) in g or (node, RDF_NS.type, rdflib.OWL.Class) in g:
            raise UnsupportedShape(f"{self.name(node)} is a class as well as a shape (implicit class targets "
                                   "are not implemented)")
        paths = list(g.objects(node, SH.path))
        if len(paths) > 1:
            raise UnsupportedShape(f"{self.name(node)} has more than one sh:path")
        shape = Shape(node, self.iri(node, paths[0]) if paths else None,
                      [m for m in g.objects(node, SH.message) if isinstance(m, rdflib.Literal)], self.name(node))
        for p in sorted(set(g.predicates(node, None)), key=str):
            if p in _COMPONENTS:
                shape.checks.append(_COMPONENTS[p](self, node))
            elif str(p).startswith(str(SH)) and p not in _TARGETS and p not in _PASSIVE:
                raise UnsupportedShape(f"{self.name(node)} uses {p.n3(g.namespace_manager)}, which "
                                       "styrgraf.shacl does not implement")
        self.compiled[node] = shape
        return shape


class Shapes:
    """The compiled shapes: the shapes with targets, and what they target."""

    def __init__(self, targeted: list[tuple[Shape, list[ox.NamedNode], list[ox.NamedNode]]]):
        self.targeted = targeted        # (shape, target classes, target objects-of predicates)
        self.target_predicates = sorted({p for _, _, ps in targeted for p in ps}, key=str)

    def results(self, triples: Iterable | str | bytes) -> list[Result]:
        if isinstance(triples, (str, bytes)):
            triples = ox.parse(triples, format=ox.RdfFormat.N_TRIPLES)
        data = Graph(triples, self.target_predicates)
        out: list[Result] = []
        for shape, classes, predicates in self.targeted:
            focus: dict = {}
            for cls in classes:
                focus.update(data.instances_of(cls))
            for p in predicates:
                for f, read in data.objects_of[p].items():
                    focus.setdefault(f, read)
            for f, read in focus.items():
                shape.check(f, data, out, read)
        return out

    def validate(self, triples: Iterable | str | bytes) -> Report:
        """A graph's triples (pyoxigraph triples or quads, or N-Triples text) against the shapes."""
        results = self.results(triples)
        results.sort(key=lambda r: (str(r.focus), str(r.path), r.shape.name, r.component, str(r.value)))
        return Report(not results, results)


def compile_shapes(graph: rdflib.Graph) -> Shapes:
    """Every shape of `graph` (found as pyshacl finds them) compiled; UnsupportedShape if any uses
    what is not implemented."""
    c = _Compiler(graph)
    g = graph
    shapes = set(g.subjects(RDF_NS.type, SH.NodeShape)) | set(g.subjects(RDF_NS.type, SH.PropertyShape))
    for p in (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf, SH.target,
              SH.property, SH.node):
        shapes |= set(g.subjects(p, None))
    for p in (SH.property, SH.node, SH["not"], SH.qualifiedValueShape):
        shapes |= set(g.objects(None, p))
    for p in (SH["and"], SH["or"], SH.xone):
        for lst in g.objects(None, p):
            shapes |= set(Collection(g, lst))
    targeted = []
    for node in sorted(shapes, key=str):
        shape = c.shape(node)
        classes = [c.iri(node, x) for x in g.objects(node, SH.targetClass)]
        predicates = [c.iri(node, x) for x in g.objects(node, SH.targetObjectsOf)]
        if classes or predicates:
            targeted.append((shape, classes, predicates))
    # a SHACL parameter on a node that is no shape would be ignored by every engine: say so
    for s, p in set(g.subject_predicates(None)):
        if (p in _COMPONENTS or p in _TARGETS) and s not in shapes:
            raise UnsupportedShape(f"{c.name(s)} has {p.n3(g.namespace_manager)} but is not a shape")
    return Shapes(targeted)
