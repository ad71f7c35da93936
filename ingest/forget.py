"""Forget a person: remove every fact about them from every document graph.

`forget_person(store, name, base)`:

- the person resources labelled with the name (`foaf:name`, `rdfs:label`,
  `skos:prefLabel`/`altLabel`, compared case- and space-insensitively) go, with every
  triple whose subject or object they are: signatory, chair, adjuster, attendee,
  reservation and statement authors, substitutes;
- so do the nodes that only exist to say something about the person (their attendance
  records), evidence that quotes exactly the name, and evidence that only those nodes cite;
- a literal that is exactly the name goes; every other occurrence of the name in a literal
  (the document text, quotes, titles) becomes `*` of the same length, so evidence offsets
  stay right (each quote is re-cut from the masked text);
- each changed document graph is replaced in one atomic update, together with a change
  record (`sg:action "forgotten"`) that names the document, never the person;
- the store keeps an `sg:ForgottenName` record holding only a salted hash of the name
  (PBKDF2-SHA256); ingest consults it (`Forgotten.scrub`), so re-ingesting a source
  document into this store does not bring the person back wherever the extractor
  recognises them as a person (signatory, attendee, chair, ...). A store built anew from
  the source documents holds the facts again.

`forget_documents` is `batch.remove`: a document and every fact read from it, with a tombstone.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

import pyoxigraph as ox

from styrgraf.vocab import FOAF, PROV, RDF, RDFS, SG, SKOS, XSD, change_record, changes_graph

NAME_PREDICATES = {FOAF + "name", RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel"}
# nodes that exist only to say something about one person: gone with the person
PERSON_ONLY = {SG + "attendee"}
HASH_ITERATIONS = 20_000


def normal_name(name: str) -> str:
    """The form names are compared (and hashed) in: NFC, one space between words, case folded."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def name_pattern(names: Iterable[str]) -> re.Pattern:
    """Any of the names in running text, any case, any white space between the words."""
    alts = [r"\s+".join(map(re.escape, n.split())) for n in sorted(set(names), key=len, reverse=True) if n.split()]
    return re.compile("|".join(alts), re.I)


def name_hash(name: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", normal_name(name).encode("utf-8"), bytes.fromhex(salt),
                               HASH_ITERATIONS).hex()


def _mask(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: re.sub(r"\S", "*", m.group(0)), text)


def _literal(value: str, like: ox.Literal) -> ox.Literal:
    if like.language:
        return ox.Literal(value, language=like.language)
    return ox.Literal(value, datatype=like.datatype)


@dataclass
class Scrubbed:
    triples: list[ox.Triple]
    removed: int = 0           # triples removed
    masked: int = 0            # literals in which the name was masked

    @property
    def changed(self) -> bool:
        return bool(self.removed or self.masked)


def scrub(triples: Iterable[ox.Triple], names: Iterable[str]) -> Scrubbed:
    """The triples of one document graph without the persons named `names`."""
    triples = list(triples)
    names = [n for n in names if n.split()]
    targets = {normal_name(n) for n in names}
    if not targets:
        return Scrubbed(triples)
    pattern = name_pattern(names)

    def is_name(term) -> bool:
        return isinstance(term, ox.Literal) and normal_name(term.value) in targets

    persons = {t.subject for t in triples if t.predicate.value in NAME_PREDICATES and is_name(t.object)}
    doomed = set(persons)
    doomed |= {t.subject for t in triples if t.predicate.value in PERSON_ONLY and t.object in persons}
    doomed |= {t.subject for t in triples if t.predicate.value == SG + "quote" and is_name(t.object)}
    cited_by: dict[ox.NamedNode, set] = defaultdict(set)
    for t in triples:
        if t.predicate.value == SG + "evidence":
            cited_by[t.object].add(t.subject)
    doomed |= {ev for ev, citers in cited_by.items() if citers <= doomed}

    out = Scrubbed([])
    kept: list[ox.Triple] = []
    for t in triples:
        if t.subject in doomed or t.object in doomed or is_name(t.object):
            out.removed += 1
            continue
        if isinstance(t.object, ox.Literal) and pattern.search(t.object.value):
            t = ox.Triple(t.subject, t.predicate, _literal(_mask(t.object.value, pattern), t.object))
            out.masked += 1
        kept.append(t)

    # quotes are cut from the (now masked) document text again: a quote that held part of the
    # name is masked exactly as the text is, and text[start:end] == quote still holds
    texts = {t.subject: t.object.value for t in kept if t.predicate.value == SG + "text"}
    spans: dict = defaultdict(dict)
    for t in kept:
        if t.predicate.value in (SG + "start", SG + "end", PROV + "wasDerivedFrom"):
            spans[t.subject][t.predicate.value] = t.object
    for i, t in enumerate(kept):
        if t.predicate.value != SG + "quote":
            continue
        span = spans.get(t.subject, {})
        text = texts.get(span.get(PROV + "wasDerivedFrom"))
        if text is None or SG + "start" not in span or SG + "end" not in span:
            continue
        quote = text[int(span[SG + "start"].value):int(span[SG + "end"].value)]
        if len(quote) == len(t.object.value) and quote != t.object.value:
            kept[i] = ox.Triple(t.subject, t.predicate, _literal(quote, t.object))
            out.masked += 1
    out.triples = kept
    return out


# ---------------------------------------------------------------- the record ingest consults
@dataclass
class Forgotten:
    """The names forgotten in a store, as (salt, salted hash) pairs."""
    hashes: dict[str, set[str]] = field(default_factory=dict)       # salt -> hashes
    _cache: dict[str, bool] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, store, base: str) -> Forgotten:
        rows = store.query(
            f"SELECT ?hash ?salt WHERE {{ GRAPH <{changes_graph(base)}> {{ "
            f"?r a <{SG}ForgottenName> ; <{SG}nameHash> ?hash ; <{SG}salt> ?salt }} }}")
        hashes: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            hashes[row["salt"].value].add(row["hash"].value)
        return cls(dict(hashes))

    def __bool__(self) -> bool:
        return bool(self.hashes)

    def salt(self) -> str:
        """The store's salt (one for every record, so each name is hashed once per salt)."""
        return next(iter(self.hashes), None) or os.urandom(16).hex()

    def is_forgotten(self, name: str) -> bool:
        key = normal_name(name)
        if key not in self._cache:
            self._cache[key] = any(name_hash(name, salt) in hs for salt, hs in self.hashes.items())
        return self._cache[key]

    def scrub(self, triples: Iterable[ox.Triple] | str) -> Iterable[ox.Triple] | str:
        """A new document graph (triples or N-Triples text) less the forgotten persons it
        names; as it is when it names none."""
        if not self.hashes:
            return triples
        original = triples
        if isinstance(triples, str):
            triples = ox.parse(triples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        triples = list(triples)
        names = {t.object.value for t in triples
                 if t.predicate.value in NAME_PREDICATES and isinstance(t.object, ox.Literal)
                 and self.is_forgotten(t.object.value)}
        return scrub(triples, names).triples if names else original


def forgotten_name_record(base: str, name: str, salt: str, at: str) -> str:
    """INSERT DATA quads of an sg:ForgottenName record: a salted hash, never the name."""
    digest = name_hash(name, salt)
    node = f"{base}id/forgotten/{digest[:16]}"
    return (f"GRAPH <{changes_graph(base)}> {{ <{node}> a <{SG}ForgottenName> ; "
            f"<{SG}nameHash> {ox.Literal(digest)} ; <{SG}salt> {ox.Literal(salt)} ; "
            f"<{PROV}atTime> {ox.Literal(at, datatype=ox.NamedNode(XSD + 'dateTime'))} . }}")


# ---------------------------------------------------------------- forgetting
@dataclass
class ForgetResult:
    documents: list[str] = field(default_factory=list)    # source files of the changed graphs
    removed: int = 0
    masked: int = 0


def candidate_graphs(store, name: str) -> list[str]:
    """Document graphs with a literal that contains the name's longest word (a superset of the
    graphs that mention the person; `scrub` decides)."""
    word = max(name.split(), key=len).lower().replace("\\", "\\\\").replace('"', '\\"')
    rows = store.query(
        f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o FILTER(isLiteral(?o) && '
        f'CONTAINS(LCASE(STR(?o)), "{word}")) }} }}')
    documents = set(store.document_graphs())
    return sorted(r["g"].value for r in rows if r["g"] is not None and r["g"].value in documents)


def forget_person(store, name: str, base: str, at: str | None = None) -> ForgetResult:
    """Remove every fact about the person `name` from every document graph (one atomic
    update per graph, each with a change record), and record the salted hash of the name
    so that ingest keeps the person out."""
    from .batch import utc_now

    if not name.split():
        raise ValueError("an empty name")
    at = at or utc_now()
    forgotten = Forgotten.load(store, base)
    if not forgotten.is_forgotten(name):
        store.update(f"INSERT DATA {{ {forgotten_name_record(base, name, forgotten.salt(), at)} }}")
    result = ForgetResult()
    for graph in candidate_graphs(store, name):
        s = scrub(store.triples(graph), [name])
        if not s.changed:
            continue
        doc = next((t for t in s.triples if t.predicate.value == RDF + "type"
                    and t.object.value == SG + "Document"), None)
        source = next((t.object.value for t in s.triples if t.predicate.value == SG + "sourceFile"), "")
        doc_iri = doc.subject.value if doc is not None else graph.replace("/graph/", "/id/doc/")
        store.replace_graph(graph, s.triples, also=change_record(base, doc_iri, source, "forgotten", at))
        result.documents.append(source or graph)
        result.removed += s.removed
        result.masked += s.masked
    store.flush()
    return result


def forget_documents(store, names: Iterable[str], base: str):
    """A document and every fact read from it: `batch.remove` (the change feed keeps a tombstone)."""
    from .batch import remove

    return remove(store, names, base)
