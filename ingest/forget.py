"""Forget a person: remove every fact about them from every document graph.

`forget_person(store, name, base, at)`:

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
- the name is added to a private list, as a keyed hash (HMAC-SHA256), that is kept outside
  the store (see `private_dir`): whoever can query the store or read its dumps finds nothing
  to test guessed names against. Ingest consults the list (`Forgotten.scrub`), so
  re-ingesting a source document into this store does not bring the person back wherever
  the extractor recognises them as a person (signatory, attendee, chair, ...). A store built
  anew from the source documents, without the list, holds the facts again.

Forgetting a document is `batch.forget_documents`: the document and every fact read from it go, with a
tombstone in the change feed.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from styrgraf.search import follow
from styrgraf.iris import changes_graph, document_of_graph
from styrgraf.change_feed import change_record
from styrgraf.vocab import FOAF, PROV, RDF, RDFS, SG, SKOS

NAME_PREDICATES = {FOAF + "name", RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel"}
# nodes that exist only to say something about one person: gone with the person
PERSON_ONLY = {SG + "attendee"}
# the salted hash of the sg:ForgottenName records that stores held before the private list
HASH_ITERATIONS = 20_000


def normal_name(name: str) -> str:
    """The form names are compared (and hashed) in: NFC, one space between words, case folded."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def name_pattern(names: Iterable[str]) -> re.Pattern:
    """Any of the names in running text, any case, any white space between the words."""
    alts = [r"\s+".join(map(re.escape, n.split())) for n in sorted(set(names), key=len, reverse=True) if n.split()]
    return re.compile("|".join(alts), re.I)


def salted_hash(name: str, salt: str) -> str:
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
    texts = {t.subject: t.object.value for t in kept if t.predicate.value == SG + "normalisedText"}
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


# ---------------------------------------------------------------- the private list ingest consults
LIST_FILE = "forgotten"
KEY_FILE = "forget.key"


def private_dir(store) -> Path | None:
    """Where the list of forgotten names and its key are kept: STYRGRAF_FORGET_DIR; else the folder
    `private` in an embedded store's directory (pyoxigraph ignores it, so nothing serves or exports
    it, and it goes with the store when the directory is copied or restored); else, for a SPARQL
    server, a folder per server URL under $XDG_DATA_HOME/styrgraf/forget (~/.local/share/...).
    None for a store in memory, whose list lives as long as it does."""
    if os.environ.get("STYRGRAF_FORGET_DIR"):
        return Path(os.environ["STYRGRAF_FORGET_DIR"])
    if store.path is not None:
        return Path(store.path) / "private"
    url = getattr(store, "url", None)
    if url is None:
        return None
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data / "styrgraf" / "forget" / re.sub(r"[^\w.-]+", "_", url)


def forget_key(directory: Path | None) -> bytes:
    """The HMAC key: STYRGRAF_FORGET_KEY, or the file STYRGRAF_FORGET_KEY_FILE, else a random key
    written once (mode 0600) beside the list. It is never in the store, so a dump alone cannot be
    tested against guessed names."""
    if os.environ.get("STYRGRAF_FORGET_KEY"):
        return os.environ["STYRGRAF_FORGET_KEY"].encode("utf-8")
    if os.environ.get("STYRGRAF_FORGET_KEY_FILE"):
        return Path(os.environ["STYRGRAF_FORGET_KEY_FILE"]).read_bytes().strip()
    if directory is None:
        return secrets.token_bytes(32)
    path = directory / KEY_FILE
    if not path.exists():
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = directory / f".{KEY_FILE}.{os.getpid()}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(secrets.token_hex(32))
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(tmp, path)          # whole or not at all; of two processes, the first one's key wins
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_bytes().strip()


@dataclass
class Forgotten:
    """The persons forgotten in a store: keyed hashes of their names in a private file outside it.

    The file holds one line per name, `hmac <hex>`, or `pbkdf2 <salt> <hex>` for a record that
    an older styrgraf kept in the store itself (moved out by `load`)."""
    directory: Path | None = None
    hashes: set[str] = field(default_factory=set)
    salted: dict[str, set[str]] = field(default_factory=dict)      # salt -> PBKDF2 hashes
    _key: bytes | None = field(default=None, repr=False)
    _cache: dict[str, bool] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, store, base: str) -> Forgotten:
        """The store's list; records an older styrgraf wrote into the store's change graph, which
        anyone could read there, move into the list and out of the store."""
        forgotten = cls(private_dir(store))
        if forgotten.path is not None and forgotten.path.exists():
            lines = forgotten.path.read_text(encoding="ascii").splitlines()
            for kind, *values in (line.split() for line in lines if line.strip()):
                if kind == "hmac":
                    forgotten.hashes.add(values[0])
                elif kind == "pbkdf2":
                    forgotten.salted.setdefault(values[0], set()).add(values[1])
        changes = changes_graph(base)
        rows = list(store.query(f"SELECT ?hash ?salt WHERE {{ GRAPH <{changes}> {{ "
                                f"?r a <{SG}ForgottenName> ; <{SG}nameHash> ?hash ; <{SG}salt> ?salt }} }}"))
        if rows:
            old = {(r["salt"].value, r["hash"].value) for r in rows}
            # into the list first: a crash before the records leave the store loses nothing
            forgotten._append([f"pbkdf2 {salt} {digest}" for salt, digest in sorted(old)
                               if digest not in forgotten.salted.get(salt, ())])
            for salt, digest in old:
                forgotten.salted.setdefault(salt, set()).add(digest)
            store.update(f"DELETE WHERE {{ GRAPH <{changes}> {{ ?r a <{SG}ForgottenName> ; ?p ?o }} }}")
        return forgotten

    @property
    def path(self) -> Path | None:
        return self.directory / LIST_FILE if self.directory is not None else None

    def __bool__(self) -> bool:
        return bool(self.hashes or self.salted)

    def keyed_hash(self, name: str) -> str:
        if self._key is None:
            self._key = forget_key(self.directory)
        return hmac.new(self._key, normal_name(name).encode("utf-8"), hashlib.sha256).hexdigest()

    def add(self, name: str) -> None:
        digest = self.keyed_hash(name)
        if digest not in self.hashes:
            self._append([f"hmac {digest}"])
            self.hashes.add(digest)
            self._cache.pop(normal_name(name), None)

    def _append(self, lines: list[str]) -> None:
        """Lines onto the list, on disk before this returns (one appending write: two processes
        that forget at once both keep their lines)."""
        if self.path is None or not lines:
            return
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, "".join(line + "\n" for line in lines).encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)

    def is_forgotten(self, name: str) -> bool:
        key = normal_name(name)
        if key not in self._cache:
            self._cache[key] = ((bool(self.hashes) and self.keyed_hash(name) in self.hashes)
                                or any(salted_hash(name, salt) in hs for salt, hs in self.salted.items()))
        return self._cache[key]

    def scrub(self, triples: Iterable[ox.Triple] | str) -> Iterable[ox.Triple] | str:
        """A new document graph (triples or N-Triples text) less the forgotten persons it
        names; as it is when it names none."""
        if not self:
            return triples
        original = triples
        if isinstance(triples, str):
            triples = ox.parse(triples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        triples = list(triples)
        names = {t.object.value for t in triples
                 if t.predicate.value in NAME_PREDICATES and isinstance(t.object, ox.Literal)
                 and self.is_forgotten(t.object.value)}
        return scrub(triples, names).triples if names else original


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


def forget_person(store, name: str, base: str, at: str) -> ForgetResult:
    """Remove every fact about the person `name` from every document graph (one atomic
    update per graph, each with a change record made `at`), and add the name to the private
    list so that ingest keeps the person out."""
    if not name.split():
        raise ValueError("an empty name")
    # the text index follows: what was forgotten cannot be found there either
    index = follow(store, purge=True)
    index.start()
    # on the list first: a crash below still keeps the person out of later ingests
    Forgotten.load(store, base).add(name)
    result = ForgetResult()
    for graph in candidate_graphs(store, name):
        s = scrub(store.triples(graph), [name])
        if not s.changed:
            continue
        doc = next((t for t in s.triples if t.predicate.value == RDF + "type"
                    and t.object.value == SG + "Document"), None)
        source = next((t.object.value for t in s.triples if t.predicate.value == SG + "sourceFile"), "")
        doc_iri = doc.subject.value if doc is not None else document_of_graph(graph) or graph
        store.replace_graph(graph, s.triples, also=change_record(base, doc_iri, source, "forgotten", at))
        index.graphs([graph])
        result.documents.append(source or graph)
        result.removed += s.removed
        result.masked += s.masked
    store.flush()
    index.done()
    return result
