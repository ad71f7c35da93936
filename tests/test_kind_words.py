"""ontology/kinds.ttl is the one list of kind words: every kind word the extractor, the API, the
pages and the SHACL shapes can produce or accept is a notation there, and every notation there is
accepted by all of them."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from rdflib import SH, URIRef
from rdflib.collection import Collection

from styrgraf import constraints, kinds
from styrgraf.ingest.build import KIND_FALLBACK
from styrgraf.ingest.pipeline import extract_file
from styrgraf.vocab import SG, SGK

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCHEMES = ("body", "document", "policy", "assignment", "consultation", "role", "identifier")


def corpus_sample() -> list[Path]:
    """Documents of every kind the extractor meets: the bundled corpus, the municipal papers,
    and every 40th page of the regeringen.se corpus (assignments, directives, bills, reports)."""
    files = sorted((ROOT / "examples" / "corpus").glob("*.*"))
    files += sorted((SHARED / "corpus-municipal").glob("*.*"))
    files += sorted((SHARED / "corpus-regeringen-full").rglob("*.md"))[::40]
    return [f for f in files if f.suffix in (".txt", ".md", ".pdf", ".docx")]


@pytest.fixture(scope="module")
def produced() -> dict[str, set[str]]:
    """scheme -> the kind words the extractor gave on the sample (before the builder's fallback)."""
    out: dict[str, set[str]] = {s: set() for s in SCHEMES}
    for path in corpus_sample():
        x = extract_file(path).extraction
        out["document"].add(x.document.kind)
        out["body"] |= {b.kind for b in x.bodies}
        out["policy"] |= {p.kind for p in x.policies}
        out["assignment"] |= {a.kind for a in x.assignments}
        out["consultation"] |= {c.kind for c in x.consultations}
        out["role"] |= {a.role for m in x.meetings for a in m.attendees}
    return {s: {w for w in ws if w} for s, ws in out.items()}


def test_the_sample_is_broad():
    assert len(corpus_sample()) >= 100


@pytest.mark.parametrize("scheme", ["body", "document", "policy", "assignment", "consultation", "role"])
def test_the_extractor_gives_only_kind_words_of_the_vocabulary(produced, scheme):
    assert produced[scheme], f"no {scheme} kind on the sample"
    assert produced[scheme] - set(kinds.words(scheme)) == set()


def test_the_fallback_words_are_kind_words():
    for scheme, word in KIND_FALLBACK.items():
        assert word in kinds.words(scheme)


def test_every_scheme_has_its_words_and_concepts():
    for scheme in SCHEMES:
        words = kinds.words(scheme)
        assert words and len(set(words)) == len(words), scheme
        for w in words:
            assert kinds.concept(scheme, w).startswith(f"{SGK}{scheme}/")


def test_the_shapes_accept_exactly_the_kinds_of_each_scheme():
    g = constraints.shapes_graph()
    seen = set()
    for shape, scheme in g.subject_objects(constraints.SGSH.kindScheme):
        name = str(scheme)[len(SGK):]
        allowed = {str(c) for c in Collection(g, g.value(shape, SH["in"]))}
        assert allowed == {k.concept for k in kinds.all_kinds() if k.scheme == name}, name
        seen.add(name)
    assert seen == set(SCHEMES)


def test_each_body_kind_agrees_with_one_class():
    g = constraints.shapes_graph()
    for k in kinds.all_kinds():
        if k.scheme != "body":
            continue
        assert k.body_class, k.word
        shapes = set(g.subjects(SH.targetClass, URIRef(SG + k.body_class)))
        required = {g.value(p, SH.hasValue) for s in shapes for p in g.objects(s, SH.property)}
        assert URIRef(k.concept) in required, k.word


def test_the_api_and_the_pages_read_their_kinds_from_the_vocabulary():
    from styrgraf.api.analyst import kind_word
    from styrgraf.api.pages import BODY_CLASSES, kind_label
    for k in kinds.all_kinds():
        assert kind_word(k.concept) == (None if k.word == kinds.UNKNOWN else k.word)
        assert kind_label(k.word, "sv") == k.word
        if k.label_en:
            assert kind_label(k.word, "en") == kinds.english_labels()[k.word]
    assert BODY_CLASSES == {"Body"} | set(kinds.body_classes().values())


def test_the_body_kinds_within_a_municipality_are_those_of_the_vocabulary():
    assert kinds.municipal() <= set(kinds.words("body"))
    assert {"nämnd", "förvaltning", "fullmäktige"} <= kinds.municipal()
    assert not kinds.municipal() & {"kommun", "region", "regering", "myndighet", "departement"}


def test_no_word_means_two_concepts_in_one_scheme():
    for scheme in SCHEMES:
        pairs = [(k.word, k.concept) for k in kinds.all_kinds() if k.scheme == scheme]
        for (w1, c1), (w2, c2) in itertools.combinations(pairs, 2):
            assert w1 != w2 and c1 != c2


@pytest.mark.parametrize("model,field,scheme", [
    ("Body", "kind", "body"), ("Document", "kind", "document"), ("Policy", "kind", "policy"),
    ("Assignment", "kind", "assignment"), ("Consultation", "kind", "consultation"), ("Attendee", "role", "role")])
def test_the_api_schema_lists_the_kind_words_of_the_vocabulary(model, field, scheme):
    from styrgraf.api import analyst
    listed = getattr(analyst, model).model_fields[field].description.split(": ", 1)[1].split("; ")[0].split(", ")
    assert listed == [w for w in kinds.words(scheme) if w != kinds.UNKNOWN]
