"""The ontology (ontology/styrgraf.ttl) and the kind schemes (ontology/kinds.ttl).

Parsing, declarations (every sg: term and kind concept used anywhere is
declared), labels and definitions in Swedish and English, alignments, an OWL
reasoner consistency check and the pyLODE HTML documentation.
"""
from __future__ import annotations

import itertools
import re
import shutil
import tempfile
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, PROV, SDO, SH, XSD

from styrgraf import constraints, kinds as kind_vocab
from styrgraf.vocab import ONTOLOGY_IRI, PREFIXES, SG as SG_IRI, SGK as SGK_IRI, kind_iri, slug

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "styrgraf.ttl"
KINDS = ROOT / "ontology" / "kinds.ttl"
SHAPES = ROOT / "shapes" / "styrgraf-shapes.ttl"
MODEL_DOC = ROOT / "docs" / "model.md"

SG = Namespace(SG_IRI)
ELI, ADMS, RPUBL, CITO = (Namespace(PREFIXES[p]) for p in ("eli", "adms", "rpubl", "cito"))
VANN = Namespace("http://purl.org/vocab/vann/")
OA = Namespace("http://www.w3.org/ns/oa#")
FIBO_GAO = "https://spec.edmcouncil.org/fibo/ontology/FND/GoalsAndObjectives/Objectives/"
ONT = URIRef(ONTOLOGY_IRI)

# The sg: terms docs/model.md names (plus sg:kindClass, which ties concepts to classes):
# the ontology declares exactly these.
MODEL_TERMS = set(re.findall(r"\bsg:(\w+)", MODEL_DOC.read_text(encoding="utf-8"))) | {"kindClass"}
MODEL_CLASSES = {t for t in MODEL_TERMS if t[0].isupper()}
MODEL_PROPERTIES = MODEL_TERMS - MODEL_CLASSES

# The kind words the API contract lists, per scheme ("- body `kind`: `kommun`, …"): kinds.ttl
# must hold each of them (it may hold more; the contract's lists end in "…").
CONTRACT = ROOT.parent / "shared" / "docs" / "api-contract.md"


def contract_kind_words() -> dict[str, set[str]]:
    text = CONTRACT.read_text(encoding="utf-8") if CONTRACT.exists() else ""
    out: dict[str, set[str]] = {}
    for scheme, words in re.findall(r"^- (\w+) `kind`: ((?:.*\n(?=  ))*.*)", text, re.M):
        out[scheme] = set(re.findall(r"`([^`]+)`", words))
    return out


TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def ont() -> Graph:
    return Graph().parse(ONTOLOGY)


@pytest.fixture(scope="module")
def kinds() -> Graph:
    return Graph().parse(KINDS)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    """The shapes as styrgraf validates with them: the file, its kind lists filled in."""
    return constraints.shapes_graph()


def declared_terms(ont: Graph) -> set[str]:
    """Local names of the sg: terms the ontology declares."""
    return {str(s)[len(SG_IRI):] for t in TERM_TYPES for s in ont.subjects(RDF.type, t)
            if isinstance(s, URIRef) and str(s).startswith(SG_IRI)}


def declared_concepts(kinds: Graph) -> set[str]:
    return {str(s) for s in kinds.subjects(RDF.type, SKOS.Concept)}


def declared_schemes(kinds: Graph) -> set[str]:
    return {str(s) for s in kinds.subjects(RDF.type, SKOS.ConceptScheme)}


# --- parsing -----------------------------------------------------------------

@pytest.mark.parametrize("path", [ONTOLOGY, KINDS, SHAPES], ids=lambda p: p.name)
def test_parses_with_rdflib_and_pyoxigraph(path: Path):
    g = Graph().parse(path)
    assert len(g) > 50
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(g)


def test_ontology_header(ont: Graph):
    assert (ONT, RDF.type, OWL.Ontology) in ont
    assert ont.value(ONT, OWL.versionIRI) == URIRef("https://w3id.org/styrgraf/ns/0.3")
    assert ont.value(ONT, OWL.priorVersion) == URIRef("https://w3id.org/styrgraf/ns/0.2")
    assert ont.value(ONT, OWL.versionInfo) == Literal("0.3")
    # each version is in the changelog
    changelog = (ROOT / "docs" / "ontology-changelog.md").read_text(encoding="utf-8")
    assert "## 0.3 " in changelog and "## 0.2 " in changelog and "## 0.1 " in changelog
    for prop in (DCTERMS.title, DCTERMS.description):
        assert {o.language for o in ont.objects(ONT, prop)} == {"sv", "en"}, prop
    assert ont.value(ONT, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert str(ont.value(ONT, VANN.preferredNamespacePrefix)) == "sg"
    assert str(ont.value(ONT, VANN.preferredNamespaceUri)) == SG_IRI


# --- declarations ------------------------------------------------------------

def test_model_terms_are_declared_with_the_right_type(ont: Graph):
    for name in MODEL_CLASSES:
        assert (SG[name], RDF.type, OWL.Class) in ont, name
    for name in MODEL_PROPERTIES:
        types = set(ont.objects(SG[name], RDF.type))
        assert types & {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}, name
    assert declared_terms(ont) == MODEL_TERMS


def test_every_sg_term_in_the_model_doc_is_declared(ont: Graph):
    text = MODEL_DOC.read_text(encoding="utf-8")
    used = set(re.findall(r"\bsg:(\w+)", text))
    assert used, "docs/model.md names no sg: terms?"
    assert used - declared_terms(ont) == set()


_RDFLIB_NAMESPACE_ATTRS = set(dir(Namespace("x:")))
_PY_SG_ATTR = re.compile(r"\bSG\.(\w+)")
_PY_SG_ITEM = re.compile(r"""\bSG\[\s*["'](\w+)["']\s*\]""")
_PY_SG_CALL = re.compile(r"""\bsg\(\s*["'](\w+)["']\s*\)""")   # ingest/build.py's sg("kind")
_CURIE = re.compile(r"(?<![\w-])sg:(\w+)")
_FULL_IRI = re.compile(re.escape(SG_IRI) + r"(\w+)")


def _source_files() -> list[Path]:
    files = sorted((ROOT / "queries").glob("*.rq"))
    for pkg in ("ingest", "api", "styrgraf"):
        files += sorted((ROOT / pkg).glob("**/*.py"))
    return files


def _terms_in_text(text: str, python: bool) -> set[str]:
    names = set(_CURIE.findall(text)) | set(_FULL_IRI.findall(text))
    if python:
        names |= {n for n in _PY_SG_ATTR.findall(text) if n not in _RDFLIB_NAMESPACE_ATTRS}
        names |= set(_PY_SG_ITEM.findall(text)) | set(_PY_SG_CALL.findall(text))
    return names


def test_every_sg_term_used_anywhere_is_declared(ont: Graph, kinds: Graph, shapes: Graph):
    declared = declared_terms(ont)
    missing: dict[str, set[str]] = {}
    for name, g in (("ontology/styrgraf.ttl", ont), ("ontology/kinds.ttl", kinds),
                    ("shapes/styrgraf-shapes.ttl", shapes)):
        used = {str(t)[len(SG_IRI):] for t in set(itertools.chain.from_iterable(g))
                if isinstance(t, URIRef) and str(t).startswith(SG_IRI)}
        if used - declared:
            missing[name] = used - declared
    for path in _source_files():
        used = _terms_in_text(path.read_text(encoding="utf-8"), python=path.suffix == ".py")
        if used - declared:
            missing[str(path.relative_to(ROOT))] = used - declared
    assert missing == {}


_KIND_IRI = re.compile(re.escape(SGK_IRI) + r"(\w+)/([\w-]+)")
_KIND_CURIE = re.compile(r"(?<![\w-])sgk:(\w+)\\?/([\w-]+)")
_KIND_CALL = re.compile(r"""kind_iri\(\s*["'](\w+)["']\s*,\s*["']([^"']+)["']\s*\)""")


def test_every_kind_concept_used_anywhere_is_declared(ont: Graph, kinds: Graph, shapes: Graph):
    # (the kinds of kinds.ttl, and the stances of a reply, a scheme of the ontology itself)
    concepts = declared_concepts(kinds) | declared_concepts(ont)
    used: dict[str, set[str]] = {}
    used["shapes/styrgraf-shapes.ttl"] = {
        str(t) for t in set(itertools.chain.from_iterable(shapes))
        if isinstance(t, URIRef) and str(t).startswith(SGK_IRI)}
    for path in _source_files():
        text = path.read_text(encoding="utf-8")
        iris = {f"{SGK_IRI}{s}/{c}" for s, c in _KIND_IRI.findall(text) + _KIND_CURIE.findall(text)}
        iris |= {kind_iri(s, w) for s, w in _KIND_CALL.findall(text)}
        used[str(path.relative_to(ROOT))] = iris
    assert used["shapes/styrgraf-shapes.ttl"], "the shapes use no kind concepts?"
    missing = {k: v - concepts - declared_schemes(kinds) - declared_schemes(ont) for k, v in used.items()}
    assert {k: v for k, v in missing.items() if v} == {}


# --- labels, definitions, naming ----------------------------------------------

def _langs(g: Graph, s, p) -> list[str]:
    return sorted(o.language for o in g.objects(s, p) if isinstance(o, Literal))


def test_every_term_has_sv_and_en_label_and_definition(ont: Graph):
    problems = []
    for name in sorted(declared_terms(ont)):
        term = SG[name]
        if _langs(ont, term, RDFS.label) != ["en", "sv"]:
            problems.append((name, "rdfs:label", _langs(ont, term, RDFS.label)))
        if _langs(ont, term, SKOS.definition) != ["en", "sv"]:
            problems.append((name, "skos:definition", _langs(ont, term, SKOS.definition)))
        if ont.value(term, RDFS.isDefinedBy) != ONT:
            problems.append((name, "rdfs:isDefinedBy", ont.value(term, RDFS.isDefinedBy)))
        for d in ont.objects(term, SKOS.definition):
            if not str(d).endswith(".") or len(str(d).split()) < 6:
                problems.append((name, "definition is not a sentence", str(d)))
    assert problems == []


def test_naming_conventions(ont: Graph):
    for name in declared_terms(ont):
        if (SG[name], RDF.type, OWL.Class) in ont:
            assert re.fullmatch(r"[A-Z][A-Za-z0-9]*", name), name
        else:
            assert re.fullmatch(r"[a-z][A-Za-z0-9]*", name), name


# --- external terms: known, approved, declared --------------------------------

# Terms of namespaces rdflib does not ship, checked by hand against their specs.
_KNOWN_OTHER_TERMS = {
    ELI.Work, ELI.LegalResource, ELI.cites, ELI.passed_by, ELI.id_local, ELI.work_type,
    ELI.based_on, ELI.date_document, ELI.number, ELI.amends,
    CITO.Citation, CITO.hasCitingEntity, CITO.hasCitedEntity, CITO.hasCitationCharacterization,
    ADMS.Identifier, ADMS.identifier, RPUBL.avkravtAvrapporteringsdatum,
    OA.TextQuoteSelector, OA.TextPositionSelector, OA.exact, OA.start, OA.end,
    VANN.preferredNamespacePrefix, VANN.preferredNamespaceUri,
    URIRef(FIBO_GAO + "Goal"), URIRef(FIBO_GAO + "Strategy"),
}
_CLOSED_NAMESPACES = (RDF, RDFS, OWL, SKOS, XSD, SH, ORG, PROV, DCTERMS, FOAF, SDO, DCAT)
_OWN = ("https://w3id.org/styrgraf/", "https://creativecommons.org/licenses/")


def _vocab_terms(g: Graph) -> set[URIRef]:
    """IRIs used as predicate, as class, or in an axiom/annotation object position."""
    out = set()
    for s, p, o in g:
        out.add(p)
        if isinstance(o, URIRef) and p != OWL.versionIRI:
            out.add(o)
        if isinstance(s, URIRef):
            out.add(s)
    return out


@pytest.mark.parametrize("path", [ONTOLOGY, KINDS, SHAPES], ids=lambda p: p.name)
def test_no_misspelt_or_unapproved_external_terms(path: Path):
    """Fails on `rdfs:subClasOf`-style typos and on namespaces nobody approved."""
    bad = []
    for t in _vocab_terms(Graph().parse(path)):
        s = str(t)
        if s.startswith(_OWN) or t in _KNOWN_OTHER_TERMS:
            continue
        ns = next((n for n in _CLOSED_NAMESPACES if s.startswith(str(n))), None)
        if ns is None or t not in ns:
            bad.append(s)
    assert sorted(bad) == []


def test_external_terms_in_axioms_are_declared(ont: Graph):
    undeclared = set()
    for p in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.range, RDFS.domain):
        for s, o in ont.subject_objects(p):
            if isinstance(o, URIRef) and not str(o).startswith(SG_IRI) and not str(o).startswith(str(XSD)):
                if not set(ont.objects(o, RDF.type)) & set(TERM_TYPES):
                    undeclared.add(str(o))
    assert undeclared == set()
    # and nothing is said about them beyond the declaration
    for o in {o for p in (RDFS.subClassOf, RDFS.subPropertyOf) for o in ont.objects(None, p)}:
        if isinstance(o, URIRef) and not str(o).startswith(SG_IRI):
            assert set(ont.predicates(o, None)) == {RDF.type}, o


# --- alignments and axioms ---------------------------------------------------

@pytest.mark.parametrize("sub,sup", [
    (SG.Body, ORG.Organization), (SG.Party, ORG.Organization),
    (SG.Document, ELI.Work), (SG.Document, PROV.Entity),
    (SG.Policy, ELI.Work), (SG.Policy, PROV.Plan), (SG.Assignment, PROV.Plan),
    (SG.Consultation, PROV.Activity), (SG.Person, FOAF.Person), (SG.Law, ELI.LegalResource),
    (SG.Diarienummer, ADMS.Identifier), (SG.Evidence, PROV.Entity),
    (SG.Evidence, OA.TextQuoteSelector), (SG.Evidence, OA.TextPositionSelector),
    (SG.Attendance, ORG.Membership),
])
def test_class_alignment(ont: Graph, sub, sup):
    assert (sub, RDFS.subClassOf, sup) in ont


# every sg: property whose meaning is a standard term's, or nests in it, with the link a client follows
# (rdfs:subPropertyOf); a term that is only like it stays skos:closeMatch (docs/ontology-changelog.md)
STANDARD_PROPERTIES = {
    "quote": OA.exact, "start": OA.start, "end": OA.end,            # Web Annotation selectors
    "kind": DCTERMS.type, "adoptedOn": DCTERMS.date, "decidedOn": DCTERMS.date,
    "partOf": DCTERMS.isPartOf, "replaces": DCTERMS.replaces, "diarienummer": ADMS.identifier,
    "madeBy": PROV.wasAttributedTo, "issuer": PROV.wasAttributedTo, "signatory": PROV.wasAttributedTo,
    "respondent": PROV.wasAttributedTo, "heldBy": PROV.wasAssociatedWith, "organizer": PROV.wasAssociatedWith,
    "consultedOn": PROV.used, "preparesMattersFor": ORG.linkedTo,
    "attendee": ORG.member, "role": ORG.role,                        # an attendance is an org:Membership
}

# renamed in 0.3: the old name stays, deprecated, equivalent to the new one and pointing to it
RENAMED = {"Statement": "MinutesStatement", "by": "madeBy", "text": "normalisedText", "subject": "consultedOn"}


@pytest.mark.parametrize("old,new", sorted(RENAMED.items()))
def test_a_renamed_term_is_deprecated_and_points_to_its_new_name(ont: Graph, old, new):
    assert (SG[old], OWL.deprecated, Literal(True)) in ont
    assert (SG[old], DCTERMS.isReplacedBy, SG[new]) in ont
    assert (SG[old], OWL.equivalentClass, SG[new]) in ont or (SG[old], OWL.equivalentProperty, SG[new]) in ont
    assert {o.language for o in ont.objects(SG[new], RDFS.label)} == {"sv", "en"}


@pytest.mark.parametrize("prop,standard", sorted(STANDARD_PROPERTIES.items()))
def test_properties_that_mean_a_standard_term_are_its_subproperties(ont: Graph, prop, standard):
    assert (SG[prop], RDFS.subPropertyOf, standard) in ont or (SG[prop], OWL.equivalentProperty, standard) in ont
    assert (SG[prop], SKOS.closeMatch, standard) not in ont      # a link or a loose match, not both


def test_a_close_match_is_never_also_a_super_property(ont: Graph):
    both = {(p, o) for p, o in ont.subject_objects(SKOS.closeMatch) if (p, RDFS.subPropertyOf, o) in ont}
    assert both == set()


@pytest.mark.parametrize("prop", ["complements", "basedOn", "partOf", "replaces", "relatedTo", "reportsOn"])
def test_relation_properties_are_dct_relations(ont: Graph, prop):
    assert (SG[prop], RDFS.subPropertyOf, DCTERMS.relation) in ont


def test_body_kinds_are_body_subclasses_and_disjoint(ont: Graph):
    subclasses = {SG[c] for c in kind_vocab.body_classes().values()}
    assert subclasses == set(ont.subjects(RDFS.subClassOf, SG.Body))
    disjoint = set()
    for ax in ont.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(ont, ont.value(ax, OWL.members)))
        disjoint |= {frozenset(p) for p in itertools.combinations(members, 2)}
    disjoint |= {frozenset(p) for p in ont.subject_objects(OWL.disjointWith)}
    expected = {frozenset(p) for p in itertools.combinations(subclasses, 2)}
    # kommunstyrelsen is in law a nämnd too: the one pair deliberately not disjoint
    expected.discard(frozenset((SG.ExecutiveBoard, SG.Committee)))
    assert disjoint == expected


def test_few_domains(ont: Graph):
    assert list(ont.subject_objects(RDFS.domain)) == []


# --- kind schemes --------------------------------------------------------------

def test_kind_schemes_hold_the_contract_words(kinds: Graph):
    listed = contract_kind_words()
    if not listed:
        pytest.skip("the API contract (../shared/docs/api-contract.md) is not beside the checkout")
    assert set(listed) == {"body", "document", "policy", "assignment", "consultation"}
    for scheme, words in listed.items():
        notations = {str(kinds.value(c, SKOS.notation)) for c in kinds.subjects(SKOS.inScheme, URIRef(f"{SGK_IRI}{scheme}"))}
        assert words <= notations, scheme


def test_kind_schemes_are_complete(kinds: Graph):
    assert declared_schemes(kinds) == {f"{SGK_IRI}{s}" for s in (
        "body", "document", "policy", "assignment", "consultation", "role", "identifier")}
    for sch in map(URIRef, declared_schemes(kinds)):
        members = set(kinds.subjects(SKOS.inScheme, sch))
        assert members, sch
        assert members == set(kinds.objects(sch, SKOS.hasTopConcept)) == set(kinds.subjects(SKOS.topConceptOf, sch))
        assert _langs(kinds, sch, SKOS.prefLabel) == ["en", "sv"]
        assert _langs(kinds, sch, SKOS.definition) == ["en", "sv"]


def test_kind_concepts_are_complete(kinds: Graph):
    for c in kinds.subjects(RDF.type, SKOS.Concept):
        word = str(kinds.value(c, SKOS.notation))
        scheme = kinds.value(c, SKOS.inScheme)
        assert len(list(kinds.objects(c, SKOS.inScheme))) == 1, c
        assert str(c) == kind_iri(str(scheme)[len(SGK_IRI):], word) == f"{scheme}/{slug(word)}"
        assert (c, SKOS.topConceptOf, scheme) in kinds
        assert _langs(kinds, c, SKOS.prefLabel) == ["en", "sv"], c
        assert str(next(o for o in kinds.objects(c, SKOS.prefLabel) if o.language == "sv")) == word
        assert _langs(kinds, c, SKOS.definition) == ["en", "sv"], c


def test_slugs_of_tricky_words():
    assert kind_iri("role", "vice ordförande") == SGK_IRI + "role/vice-ordforande"
    assert kind_iri("role", "tjänstgörande ersättare") == SGK_IRI + "role/tjanstgorande-ersattare"
    assert kind_iri("document", "kommittédirektiv") == SGK_IRI + "document/kommittedirektiv"
    assert kind_iri("body", "råd") == SGK_IRI + "body/rad"


def test_body_concepts_link_their_class(ont: Graph, kinds: Graph):
    body = URIRef(SGK_IRI + "body")
    mapping = {}
    for c in kinds.subjects(SKOS.inScheme, body):
        classes = list(kinds.objects(c, SG.kindClass))
        assert len(classes) == 1, c
        mapping[str(kinds.value(c, SKOS.notation))] = str(classes[0])[len(SG_IRI):]
        assert (classes[0], RDFS.subClassOf, SG.Body) in ont
    assert len(set(mapping.values())) == len(mapping), "one class per body kind"
    assert mapping == kind_vocab.body_classes()
    assert (SG.kindClass, RDF.type, OWL.AnnotationProperty) in ont
    # only body concepts carry a class
    assert {c for c, _ in kinds.subject_objects(SG.kindClass)} == set(kinds.subjects(SKOS.inScheme, body))


# --- reasoner -----------------------------------------------------------------

def _hermit(extra_ttl: str = ""):
    """Load ontology + kinds (+ extra) into a fresh owlready2 world and run HermiT."""
    import owlready2

    tmp = Path(tempfile.mkdtemp(prefix="sg-owl-"))
    try:
        world = owlready2.World()
        for i, (path, data) in enumerate([(ONTOLOGY, None), (KINDS, None), (None, extra_ttl)]):
            if path is None and not data:
                continue
            g = Graph().parse(path) if path else Graph().parse(data=data, format="turtle")
            if path is None:
                g.add((URIRef("https://w3id.org/styrgraf/test"), RDF.type, OWL.Ontology))
            nt = tmp / f"part{i}.nt"
            g.serialize(nt, format="nt", encoding="utf-8")
            world.get_ontology(nt.as_uri()).load()
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        return world
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")


@needs_java
def test_ontology_and_kinds_are_consistent():
    world = _hermit()
    assert list(world.inconsistent_classes()) == []
    # the schemes' concepts made it into the world as individuals of skos:Concept
    concept = world["https://w3id.org/styrgraf/kind/body/namnd"]
    assert concept is not None and world["http://www.w3.org/2004/02/skos/core#Concept"] in concept.is_a


_EXTRA = """
@prefix sg: <https://w3id.org/styrgraf/ns#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
<http://example.org/x> a owl:NamedIndividual, sg:%s, sg:%s .
"""


@needs_java
def test_reasoner_rejects_a_body_of_two_disjoint_kinds():
    import owlready2

    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        _hermit(_EXTRA % ("Municipality", "Agency"))


@needs_java
def test_reasoner_accepts_an_executive_board_that_is_also_a_committee():
    _hermit(_EXTRA % ("ExecutiveBoard", "Committee"))


# --- HTML documentation -----------------------------------------------------------

def test_html_documentation(tmp_path: Path):
    from styrgraf.ontology_docs import build_html

    out = build_html(tmp_path / "doc")
    assert out == tmp_path / "doc" / "index.html"
    html = out.read_text(encoding="utf-8")
    assert "The styrgraf ontology" in html
    assert 'id="Goal"' in html and 'id="preparesMattersFor"' in html
    assert 'id="Organization"' not in html  # external declarations are not documented as ours
    html_sv = build_html(tmp_path / "sv", lang="sv").read_text(encoding="utf-8")
    assert "styrgraf-ontologin" in html_sv
    assert "bereder ärenden åt" in html_sv
