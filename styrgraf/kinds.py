"""The kind words of styrgraf, read from ontology/kinds.ttl, their one source.

Every kind of body, document, policy, assignment, consultation, meeting role and register
identifier is a SKOS concept there: its IRI `{SGK}{scheme}/{slug}`, its Swedish word as
`skos:notation`, its labels, and for a body kind the subclass of sg:Body it stands for
(`sg:kindClass`). The extractor's fallback words, the builder's body classes, the API's kind
words, the pages' class lists and the SHACL shapes' lists of allowed kinds are all derived
from here, so they cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pyoxigraph import NamedNode, RdfFormat, parse

from styrgraf.resources import ONTOLOGY_DIR
from styrgraf.vocab import SG, SGK, SKOS

KINDS_FILE = ONTOLOGY_DIR / "kinds.ttl"
UNKNOWN = "okänd"     # the document kind when no kind is found: stored, shown as no kind (null)


@dataclass(frozen=True)
class Kind:
    scheme: str                 # body, document, policy, assignment, consultation, role, identifier
    word: str                   # the Swedish word (skos:notation), as the API gives it
    concept: str                # the concept's IRI
    label_en: str | None        # skos:prefLabel@en
    body_class: str | None      # local name of the sg: class a body of this kind belongs to
    within_municipality: bool   # a body of this kind exists inside one municipality (its IRI is scoped by it)


@lru_cache(maxsize=1)
def all_kinds() -> tuple[Kind, ...]:
    """Every kind concept of kinds.ttl, in the order the file lists them."""
    notation, label, kind_class, within = (NamedNode(SKOS + "notation"), NamedNode(SKOS + "prefLabel"),
                                           NamedNode(SG + "kindClass"), NamedNode(SG + "withinMunicipality"))
    words: dict[str, str] = {}
    local: set[str] = set()
    english: dict[str, str] = {}
    classes: dict[str, str] = {}
    for t in parse(path=str(KINDS_FILE), format=RdfFormat.TURTLE):
        s = t.subject.value
        if not s.startswith(SGK):
            continue
        if t.predicate == notation:
            words[s] = t.object.value
        elif t.predicate == label and getattr(t.object, "language", None) == "en":
            english[s] = t.object.value
        elif t.predicate == kind_class and t.object.value.startswith(SG):
            classes[s] = t.object.value[len(SG):]
        elif t.predicate == within and t.object.value == "true":
            local.add(s)
    return tuple(Kind(c[len(SGK):].split("/")[0], w, c, english.get(c), classes.get(c), c in local)
                 for c, w in words.items())


@lru_cache(maxsize=None)
def words(scheme: str) -> tuple[str, ...]:
    """The kind words of one scheme: words('body') -> ('kommun', 'region', …)."""
    return tuple(k.word for k in all_kinds() if k.scheme == scheme)


@lru_cache(maxsize=1)
def by_concept() -> dict[str, Kind]:
    return {k.concept: k for k in all_kinds()}


def concept(scheme: str, word: str) -> str | None:
    """The concept IRI of a kind word of a scheme, None if kinds.ttl has no such word."""
    return _concepts().get((scheme, word))


@lru_cache(maxsize=1)
def _concepts() -> dict[tuple[str, str], str]:
    return {(k.scheme, k.word): k.concept for k in all_kinds()}


@lru_cache(maxsize=1)
def body_classes() -> dict[str, str]:
    """Body kind word -> local name of its sg: class: {'nämnd': 'Committee', …}."""
    return {k.word: k.body_class for k in all_kinds() if k.scheme == "body" and k.body_class}


@lru_cache(maxsize=1)
def municipal() -> frozenset[str]:
    """The body kinds that exist inside one municipality or region: nämnd, förvaltning, …"""
    return frozenset(k.word for k in all_kinds() if k.within_municipality)


@lru_cache(maxsize=1)
def english_labels() -> dict[str, str]:
    """Kind word -> its English label, for pages in English (the first scheme to name a word wins)."""
    out: dict[str, str] = {}
    for k in all_kinds():
        if k.label_en:
            out.setdefault(k.word, k.label_en)
    return out
