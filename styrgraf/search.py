"""The text index beside the store: find resources by name the way a Swedish reader types it.

A SQLite database (Python's own sqlite3, FTS5 with the trigram tokenizer) holds one row per
(collection, resource, searchable text) taken from the store: a body's names and alternative
names, a document's title, file name and diarienummer, and the texts each list's `q` filter
of queries/*.rq looks in. It only finds IRIs; what an answer says about them is read from the
store (or, on the search page, from rows written from the store's data).

Folding (`fold`, `stem`): case, diacritics (å/ä→a, ö→o, é→e) and the Swedish definite,
genitive and plural endings (nämnd, nämnden, nämndens, nämnder, nämnderna → namnd). The index
holds the folded text; a query word is folded and stemmed and looked up as a substring, so
"nämnd" finds "Arbetsmarknadsnämnden" inside the compound as CONTAINS did, and
"arbetsmarknadsnämndens" finds the body's name. Hits are ranked: the exact name (after
folding), the same words in another inflection, a name that starts with the query, the
query's words as whole words, anything else.

Kept in step with the store (`follow`): every write path of styrgraf (ingest, remove, forget,
SPARQL Update and the Graph Store) re-reads the graphs it wrote from the store after the write
and replaces their rows, in one SQLite transaction per write (ingest works a document's rows out
from the triples it gave the store instead, `graph_rows`: the same rows, without the queries). The store is always written
first and an index failure never fails the write: the index is then marked for a rebuild.
While a write is under way the index names its process (`writer`); when it ends the index
records the store's generation marker. At start, and whenever a reader finds the marker
moved without a live writer (a crash, an older styrgraf), the index is rebuilt from the
store. For a SPARQL server there is no marker: the index is rebuilt when the server starts.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from .iris import is_own_graph
from .store import current_generation, process_alive
from .vocab import PREFIXES as NAMESPACES, VOCAB_GRAPH

log = logging.getLogger("styrgraf.search")

SCHEMA = "5"          # bumped when the tables or the folding change: an older index is rebuilt
INDEX_DIR = "search"  # beside `private` in an embedded store's directory (pyoxigraph ignores both)
INDEX_FILE = "index.sqlite3"
BUSY_MS = 120_000     # a write waits this long for a rebuild in another process to finish
REBUILD_GRAPHS = 200  # a write that changed more graphs than this rebuilds the whole index
ID_BITS = 40          # the ids of the resources of collection n are n << ID_BITS and up (see _ids)
MMAP_BYTES = 1 << 30  # read through the OS page cache: a new connection per search starts with no cache

# ============================================================== folding
_SPECIAL = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "ð": "d"})
# definite, genitive and plural endings, longest first; one is removed per word
_ENDINGS = ("ernas", "arnas", "ornas", "ens", "ets", "erna", "arna", "orna", "ers", "ars", "ors",
            "en", "et", "er", "ar", "or", "es", "na", "e", "a")
_S_BEFORE = set("bcdfghjklmnoprtvy")   # a genitive -s follows these (not "process")
_MIN_STEM = 3
_WORD = re.compile(r"\w+")


class _Folding(dict):
    """Code point -> what it folds to (case folded, the letters of _SPECIAL spelt out, decomposed,
    without combining marks), worked out the first time a character is met: every step works
    character by character, so a text is folded by one str.translate."""

    def __missing__(self, code: int) -> str:
        text = unicodedata.normalize("NFKD", chr(code).casefold().translate(_SPECIAL))
        self[code] = folded = "".join(c for c in text if not unicodedata.combining(c))
        return folded


_FOLDING = _Folding()


def fold(text: str) -> str:
    """Case and diacritics folded, white space made one space: "Nämnden  för ÄLDRE" → "namnden for aldre"."""
    return " ".join(text.translate(_FOLDING).split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A folded word without its definite, genitive or plural ending (at least three letters stay);
    a doubled final consonant is made single, so "programmet" and "program" meet."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            word = word[: -len(ending)]
            break
    else:
        if word.endswith("s") and len(word) > _MIN_STEM and word[-2] in _S_BEFORE:
            word = word[:-1]
    if len(word) > _MIN_STEM and word[-1] == word[-2] and word[-1] not in "aeiouy":
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return _WORD.findall(fold(text))


def stems(text: str) -> str:
    return " ".join(stem(w) for w in words(text))


# ============================================================== what is indexed
PREFIXES = "".join(f"PREFIX {p}: <{NAMESPACES[p]}>\n" for p in ("sg", "skos", "dct", "eli"))
# collection -> (class, property path of the texts): the same texts the list query's `q` looks in
FIELDS: dict[str, tuple[str, str]] = {
    "bodies": ("sg:Body", "skos:prefLabel|skos:altLabel"),
    "documents": ("sg:Document", "dct:title|sg:sourceFile|(sg:diarienummer/skos:notation)"),
    "policies": ("sg:Policy", "dct:title"),
    "goals": ("sg:Goal", "sg:statement"),
    "responsibilities": ("sg:Responsibility", "sg:task|sg:responsibleParty|(sg:responsibleBody/skos:prefLabel)"),
    "assignments": ("sg:Assignment", "dct:title|sg:task|(sg:diarienummer/skos:notation)"),
    "consultations": ("sg:Consultation", "(sg:consultedOn/dct:title)|(sg:organizer/skos:prefLabel)|"
                                         "(sg:diarienummer/skos:notation)|sg:participantDescription"),
    "meetings": ("sg:Meeting", "(sg:heldBy/skos:prefLabel)|(sg:agendaItem/dct:title)|"
                               "(sg:agendaItem/sg:decision/dct:description)"),
    "laws": ("sg:Law", "dct:title|eli:id_local"),
}


def rows_query(graph: str | None = None) -> str:
    """(graph, collection, iri, text, label) of every indexed text, read in each graph on its own
    (a graph's rows go when the graph goes); of one named graph, or of all."""
    branches = []
    for collection, (cls, path) in FIELDS.items():
        branches.append(f'{{ ?iri a {cls} ; {path} ?text . BIND("{collection}" AS ?collection) '
                        f"OPTIONAL {{ ?iri skos:prefLabel|dct:title|sg:statement ?label }} }}")
    return _in_graphs(branches, "SELECT ?g ?collection ?iri ?text ?label", graph, "isLiteral(?text) && isIRI(?iri)")


# collection -> (property of the sort key, whether the list orders it in lower case): the order of
# queries/<collection>.rq (by LCASE(STR(MIN(value))) or by MIN(STR(value)), then by IRI), kept here
# so a collection's first page is a range of an index, not a sort of the whole union
ORDER: dict[str, tuple[str, bool]] = {
    "bodies": ("skos:prefLabel", True),
    "documents": ("dct:title", True),
    "policies": ("dct:title", True),
    "goals": ("sg:statement", True),
    "responsibilities": ("sg:task", True),
    "assignments": ("dct:title", True),
    "consultations": ("dct:date", False),
    "meetings": ("dct:date", False),
    "laws": ("eli:id_local", False),
}


def _in_graphs(branches: list[str], head: str, graph: str | None, keep: str = "isIRI(?iri)") -> str:
    """`head` over the union of `branches` read in each named graph on its own, or in one (named in
    the GRAPH clause itself: bound by VALUES, the engine would read every graph)."""
    target, bind = ("?g", "") if graph is None else (f"<{graph}>", f"BIND(<{graph}> AS ?g)\n")
    return (PREFIXES + head + " WHERE {\n" + f"GRAPH {target} {{\n" + "\nUNION ".join(branches) + "\n}\n"
            + bind + f"FILTER({keep})\n}}")


def keys_query(graph: str | None = None) -> str:
    """(graph, collection, iri, value) of every item of a collection with the values of its sort key."""
    return _in_graphs([f'{{ ?iri a {FIELDS[c][0]} . BIND("{c}" AS ?collection) OPTIONAL {{ ?iri {prop} ?value }} }}'
                       for c, (prop, _) in ORDER.items()], "SELECT ?g ?collection ?iri ?value", graph)


def read_keys(store: Any, graphs: Iterable[str] | None = None) -> dict[tuple[str, str, str], str | None]:
    """(graph, collection, iri) -> the least value of the item's sort key in that graph (None if none)."""
    return _least(((g, c, iri), value) for g, c, iri, value in
                 _document_rows(store, keys_query, graphs, ("collection", "iri", "value")) if c and iri)


def _least(pairs: Iterable[tuple[Any, str | None]]) -> dict[Any, str | None]:
    """key -> the least of its values, None where it has none but None."""
    out: dict[Any, str | None] = {}
    for key, value in pairs:
        if value is not None and (out.get(key) is None or value < out[key]):
            out[key] = value
        else:
            out.setdefault(key, None)
    return out


def sort_key(collection: str, least: str | None) -> str | None:
    """The list's sort key of an item whose least value (over every graph) is `least`."""
    return least.lower() if least is not None and ORDER[collection][1] else least


def _value(term: Any) -> str | None:
    return None if term is None else getattr(term, "value", term)


def _document_rows(store: Any, query: Any, graphs: Iterable[str] | None, names: tuple[str, ...]
                   ) -> Iterator[tuple[str | None, ...]]:
    """(graph, *names) of `query(graph)` run for each of `graphs` (or `query()` once, over all), in
    the document graphs only (not the vocabulary's, not the change feed's)."""
    results = [store.query(query())] if graphs is None else [store.query(query(g)) for g in graphs]
    for r in (row for result in results for row in result):
        g = _value(r["g"])
        if g and g != VOCAB_GRAPH and not is_own_graph(g):
            yield (g, *(_value(r[n]) for n in names))


def read_rows(store: Any, graphs: Iterable[str] | None = None) -> list[tuple[str, str, str, str, str]]:
    """The index rows of `store` (a styrgraf Store or RemoteStore), one label per (graph, iri, text)."""
    out: dict[tuple[str, str, str, str], str] = {}
    for g, c, iri, text, label in _document_rows(store, rows_query, graphs, ("collection", "iri", "text", "label")):
        if not (c and iri and text):
            continue
        label = label or ""
        key = (g, c, iri, text)
        if key not in out or (label and (not out[key] or label < out[key])):
            out[key] = label
    return [(*k, v) for k, v in out.items()]


# ============================================================== the rows of triples in hand
# What rows_query and keys_query read from one graph of the store, worked out from the graph's
# triples before (or instead of) reading them back: an ingest has each document's triples, and
# querying them back cost as much as the index's own SQL. `graph_rows` gives exactly what
# read_rows and read_keys give for that graph once the store holds those triples (the store's
# literals as the store keeps them: typed ones in its canonical form), or None where it cannot
# know (a name or sort value that is a blank node, which the store labels afresh).
IndexRows = tuple[list[tuple[str, str, str, str, str]], dict[tuple[str, str, str], "str | None"]]
_TYPE = NAMESPACES["rdf"] + "type"
_PLAIN = {NAMESPACES["xsd"] + "string", NAMESPACES["rdf"] + "langString"}


def _iri(name: str) -> str:
    prefix, _, local = name.partition(":")
    return NAMESPACES[prefix] + local


def _path(path: str) -> list[tuple[str, ...]]:
    """A property path of FIELDS (alternatives of sequences of prefixed names) as sequences of IRIs."""
    return [tuple(_iri(p) for p in alt.strip("()").split("/")) for alt in path.split("|")]


_FIELD_PATHS = {c: (_iri(cls), _path(path)) for c, (cls, path) in FIELDS.items()}
_LABEL_PATH = _path("skos:prefLabel|dct:title|sg:statement")
_ORDER_PATHS = {c: (_iri(FIELDS[c][0]), _path(prop)) for c, (prop, _) in ORDER.items()}


class _Unknown(Exception):
    """A value the store would not keep as it is given (a blank node's label)."""


_canonical_lock = threading.Lock()
_canonical_store: Any = None


@lru_cache(maxsize=65536)
def _canonical(value: str, datatype: str) -> str:
    """The lexical form the store keeps for a typed literal (it stores "01"^^xsd:integer as 1,
    "…+00:00"^^xsd:dateTime as "…Z"): the literal put into a store in memory and read back."""
    import pyoxigraph as ox
    global _canonical_store
    with _canonical_lock:
        if _canonical_store is None:
            _canonical_store = ox.Store()
        st = _canonical_store
        node = ox.NamedNode("urn:x-styrgraf:canonical")
        st.clear()
        st.add(ox.Quad(node, node, ox.Literal(value, datatype=ox.NamedNode(datatype)), ox.DefaultGraph()))
        (quad,) = list(st)
        st.clear()
        return quad.object.value


def _term_value(term: Any) -> str:
    """What `_value` reads for `term` once the store holds it."""
    kind = type(term).__name__
    if kind == "Literal":
        if term.language or term.datatype.value in _PLAIN:
            return term.value
        return _canonical(term.value, term.datatype.value)
    if kind == "NamedNode":
        return term.value
    raise _Unknown(kind)


def graph_rows(graph: str, triples: Iterable[Any]) -> IndexRows | None:
    """(read_rows, read_keys) of `graph` once the store holds exactly `triples` (pyoxigraph
    Triples) in it, without the store; None when that cannot be known without reading it back."""
    if not graph or graph == VOCAB_GRAPH or is_own_graph(graph):
        return [], {}
    out: dict[Any, dict[str, list[Any]]] = {}
    typed: dict[str, list[Any]] = {}
    for t in triples:
        p = t.predicate.value
        out.setdefault(t.subject, {}).setdefault(p, []).append(t.object)
        if p == _TYPE and type(t.object).__name__ == "NamedNode":
            typed.setdefault(t.object.value, []).append(t.subject)

    def instances(cls: str) -> Iterator[Any]:
        """The named resources of `cls` (once each): a blank node gets no row."""
        return (s for s in dict.fromkeys(typed.get(cls, ())) if type(s).__name__ == "NamedNode")

    def follow_path(start: Any, path: list[tuple[str, ...]]) -> Iterator[Any]:
        for seq in path:
            nodes = [start]
            for p in seq:
                nodes = [o for n in nodes for o in out.get(n, {}).get(p, ())]
            yield from nodes

    rows: dict[tuple[str, str, str, str], str] = {}
    keys: dict[tuple[str, str, str], str | None] = {}
    try:
        for collection, (cls, path) in _FIELD_PATHS.items():
            for s in instances(cls):
                texts = [_term_value(o) for o in follow_path(s, path) if type(o).__name__ == "Literal"]
                if not any(texts):
                    continue
                labels = [v for v in (_term_value(o) for o in follow_path(s, _LABEL_PATH)) if v]
                label = min(labels) if labels else ""
                for text in texts:
                    if text:
                        rows[(graph, collection, s.value, text)] = label
        for collection, (cls, path) in _ORDER_PATHS.items():
            for s in instances(cls):
                values = [_term_value(o) for o in follow_path(s, path)]
                keys[(graph, collection, s.value)] = min(values) if values else None
    except _Unknown:
        return None
    return [(*k, v) for k, v in rows.items()], keys


# ============================================================== the index
@dataclass
class Hit:
    collection: str
    iri: str
    text: str          # the text that matched best
    label: str         # the resource's name in the graph the text was read from ("" if none)
    rank: int          # 0 exact name … 4 part of a word


def index_path(store: Any) -> Path | None:
    """Where the index of `store` lives: STYRGRAF_SEARCH_DIR; else `search/` in an embedded store's
    directory (it goes with the store when the directory is copied); else, for a SPARQL server, a
    folder per server URL under $XDG_CACHE_HOME/styrgraf/search. None for a store in memory."""
    if os.environ.get("STYRGRAF_SEARCH_DIR"):
        return Path(os.environ["STYRGRAF_SEARCH_DIR"]) / INDEX_FILE
    if getattr(store, "path", None) is not None:
        return Path(store.path) / INDEX_DIR / INDEX_FILE
    url = getattr(store, "url", None)
    if url is None:
        return None
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "styrgraf" / "search" / re.sub(r"[^\w.-]+", "_", url) / INDEX_FILE


class SearchIndex:
    """The index file of one store. Each thread reads through a connection of its own and every
    write opens one, unless the thread holds one for a run of writes (`holding`); threads and
    processes share the file, SQLite's WAL lets readers go on while one writer writes."""

    def __init__(self, path: Path, store_path: Path | None = None):
        self.path = Path(path)
        self.store_path = Path(store_path) if store_path is not None else None   # its generation marker
        self._rebuilding = threading.Lock()
        self._readers = threading.local()
        self._held = threading.local()

    @classmethod
    def of(cls, store: Any) -> SearchIndex | None:
        path = index_path(store)
        if path is None:
            return None
        return cls(path, getattr(store, "path", None))

    # ------------------------------------------------------------ the file
    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout={BUSY_MS}")
        conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        return conn

    @contextlib.contextmanager
    def connect(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """A connection to read (this thread's, kept open between reads: its page cache stays
        warm; opened anew when the file was replaced) or to write (its own, closed after; the
        thread's held one inside `holding`)."""
        held = getattr(self._held, "conn", None)
        if write and held is not None:
            yield held
            return
        if not write:
            try:
                st = os.stat(self.path)
            except FileNotFoundError:
                raise sqlite3.OperationalError("no index") from None
            ident = (st.st_dev, st.st_ino)
            local = self._readers
            if getattr(local, "ident", None) != ident:
                if getattr(local, "conn", None) is not None:
                    local.conn.close()
                local.conn, local.ident = self._open(), ident
            yield local.conn
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = self._open()
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")   # a lost tail after a power cut is caught by the marker
            # deleted rows are overwritten, not left in free pages: a forgotten name must be gone
            conn.execute("PRAGMA secure_delete=ON")
            self._create(conn)
            yield conn
        finally:
            conn.close()

    @contextlib.contextmanager
    def holding(self) -> Iterator[None]:
        """The writes of this thread inside the block share one connection: each is still a
        transaction of its own, but the file is not opened for each, nor checkpointed as its
        connection closes (an ingest writes once per document)."""
        with self.connect(write=True) as conn:
            self._held.conn = conn
            try:
                yield
            finally:
                self._held.conn = None

    @staticmethod
    def _create(conn: sqlite3.Connection) -> None:
        conn.executescript("""
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        -- a resource of a collection that has texts to find it by; ids of collection n are n << ID_BITS
        -- and up (_ids); name: what its hits are ordered by, the least of its texts' names
        CREATE TABLE IF NOT EXISTS resource(id INTEGER PRIMARY KEY, collection TEXT NOT NULL, iri TEXT NOT NULL,
            name TEXT NOT NULL, UNIQUE(collection, iri));
        CREATE INDEX IF NOT EXISTS resource_order ON resource(collection, name, iri);
        -- each text of a resource with the name it was read with (label); name: the label folded
        -- (the folded text where there is none)
        CREATE TABLE IF NOT EXISTS entry(id INTEGER PRIMARY KEY, resource INTEGER NOT NULL, text TEXT NOT NULL,
            label TEXT NOT NULL, folded TEXT NOT NULL, stems TEXT NOT NULL, name TEXT NOT NULL,
            UNIQUE(resource, text, label));
        CREATE INDEX IF NOT EXISTS entry_folded ON entry(folded, resource);
        CREATE INDEX IF NOT EXISTS entry_stems ON entry(stems, resource);
        -- which graphs hold each text: a text goes when the last graph holding it goes
        CREATE TABLE IF NOT EXISTS entry_graph(graph TEXT NOT NULL, entry INTEGER NOT NULL,
            PRIMARY KEY(graph, entry)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS entry_graph_entry ON entry_graph(entry);
        -- a resource's texts, one per line (rowid = resource id): folded, matched as substrings
        -- (trigrams), and stemmed, matched as whole words
        CREATE VIRTUAL TABLE IF NOT EXISTS resource_trigrams USING fts5(folded, tokenize='trigram');
        CREATE VIRTUAL TABLE IF NOT EXISTS resource_words USING fts5(stems, tokenize="unicode61 tokenchars '_'");
        -- every item of a collection in each graph that types it, with its least sort value there
        CREATE TABLE IF NOT EXISTS item(graph TEXT NOT NULL, collection TEXT NOT NULL, iri TEXT NOT NULL,
            value TEXT, PRIMARY KEY(graph, collection, iri)) WITHOUT ROWID;
        -- whether an item is in any graph and its least value there, without reading its rows (a
        -- body such as Regeringen has one in every graph that names it)
        DROP INDEX IF EXISTS item_iri;
        CREATE INDEX IF NOT EXISTS item_value ON item(collection, iri, value);
        -- each item once, with the key its list is ordered by (NULL first, as an unbound key in SPARQL)
        CREATE TABLE IF NOT EXISTS listing(collection TEXT NOT NULL, iri TEXT NOT NULL, key TEXT,
            PRIMARY KEY(collection, iri)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS listing_order ON listing(collection, key, iri);
        """)

    def meta(self) -> dict[str, str]:
        try:
            with self.connect() as conn:
                return dict(conn.execute("SELECT key, value FROM meta"))
        except sqlite3.Error:
            return {}

    @staticmethod
    def _set(conn: sqlite3.Connection, **values: str) -> None:
        conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                         list(values.items()))

    # ------------------------------------------------------------ is it current?
    def generation(self) -> str:
        if self.store_path is None:
            return ""
        return current_generation(self.store_path) or ""

    def stale(self) -> bool:
        """Whether the index must be rebuilt: missing, of another schema, left by a write whose
        process is gone (a crash, or an index failure during the write), or behind the store's
        generation marker with no write under way (the store was written without it)."""
        m = self.meta()
        if m.get("schema") != SCHEMA or m.get("complete") != "1":
            return True
        writer = m.get("writer", "")
        if writer:
            return not process_alive(int(writer))
        return self.store_path is not None and m.get("generation", "") != self.generation()

    def complete(self) -> bool:
        """Whether the index holds a whole set of rows of this layout (perhaps of an older
        generation of the store)."""
        m = self.meta()
        return m.get("schema") == SCHEMA and m.get("complete") == "1"

    def ensure(self, store: Any) -> bool:
        """Rebuild from `store` if stale; whether it was rebuilt."""
        if not self.stale():
            return False
        self.rebuild(store)
        return True

    # ------------------------------------------------------------ writing
    def rebuild(self, store: Any) -> int:
        """Every row again from `store`, in one transaction (readers see the old index until it
        commits); the number of rows."""
        with self._rebuilding:
            if self.meta().get("schema", SCHEMA) != SCHEMA:
                self.remove_files()             # tables of another layout: made anew, not altered
            generation = self.generation()      # before reading: a write meanwhile makes it stale again
            rows, keys = read_rows(store), read_keys(store)
            try:
                with self.connect(write=True) as conn:
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        for table in ("entry_graph", "entry", "resource", "resource_trigrams", "resource_words",
                                      "item", "listing"):
                            conn.execute(f"DELETE FROM {table}")
                        self._insert(conn, rows)
                        self._refresh(conn)
                        self._insert_keys(conn, keys)
                        self._set(conn, schema=SCHEMA, complete="1", generation=generation, writer="")
                        conn.execute("COMMIT")
                    except BaseException:
                        conn.execute("ROLLBACK")
                        raise
            except sqlite3.DatabaseError as e:
                if isinstance(e, sqlite3.OperationalError) and "locked" in str(e):
                    raise
                # a damaged file (or one of another format) is a cache: start it again
                log.warning("search index %s unreadable (%s): made anew", self.path, e)
                self.remove_files()
                return self.rebuild(store)
            log.info("search index rebuilt: %d rows", len(rows))
            return len(rows)

    def remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(str(self.path) + suffix)

    @staticmethod
    def _insert(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str, str, str]]) -> set[int]:
        """The rows (read_rows) as texts of their resources, each held by its graph; the ids of the
        resources that got a text they did not have (their names and full-text rows are made by
        _refresh; a body named in thousands of graphs keeps its rows when another names it the same
        way). Ids are given here and the rows written in batches: a rebuild writes a million rows."""
        resources: dict[tuple[str, str], int] = {}
        entries: dict[tuple[int, str, str], int] = {}
        next_resource: dict[str, int] = {}
        (next_entry,) = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM entry").fetchone()
        new_resources, new_entries, held = [], [], []
        for g, collection, iri, text, label in rows:
            rid = resources.get((collection, iri))
            if rid is None:
                found = conn.execute("SELECT id FROM resource WHERE collection=? AND iri=?", (collection, iri)).fetchone()
                if found:
                    rid = found[0]
                else:
                    if collection not in next_resource:
                        lo, hi = _ids(collection)
                        next_resource[collection] = conn.execute(
                            "SELECT coalesce(max(id) + 1, ?) FROM resource WHERE id >= ? AND id < ?", (lo, lo, hi)).fetchone()[0]
                    rid = next_resource[collection]
                    next_resource[collection] += 1
                    new_resources.append((rid, collection, iri))
                resources[(collection, iri)] = rid
            eid = entries.get((rid, text, label))
            if eid is None:
                found = conn.execute("SELECT id FROM entry WHERE resource=? AND text=? AND label=?", (rid, text, label)).fetchone()
                if found:
                    eid = found[0]
                else:
                    eid, next_entry = next_entry, next_entry + 1
                    folded = fold(text)
                    new_entries.append((eid, rid, text, label, folded, stems(text), fold(label) if label else folded))
                entries[(rid, text, label)] = eid
            held.append((g, eid))
        conn.executemany("INSERT INTO resource(id, collection, iri, name) VALUES (?, ?, ?, '')", new_resources)
        conn.executemany("INSERT INTO entry(id, resource, text, label, folded, stems, name) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         new_entries)
        conn.executemany("INSERT OR IGNORE INTO entry_graph(graph, entry) VALUES (?, ?)", held)
        return {rid for _, rid, *_ in new_entries}

    @staticmethod
    def _refresh(conn: sqlite3.Connection, resources: Iterable[int] | None = None) -> None:
        """The name and full-text rows of `resources` (of all, when None) made again from their
        texts; a resource left without texts goes."""
        if resources is None:
            conn.execute("DELETE FROM resource WHERE id NOT IN (SELECT resource FROM entry)")
            conn.execute("UPDATE resource SET name = (SELECT min(name) FROM entry WHERE resource = resource.id)")
            for table, column in (("resource_trigrams", "folded"), ("resource_words", "stems")):
                conn.execute(f"DELETE FROM {table}")
                conn.execute(f"INSERT INTO {table}(rowid, {column}) SELECT resource, group_concat({column}, char(10)) "
                             "FROM entry GROUP BY resource")
            return
        for rid in resources:
            conn.execute("DELETE FROM resource_trigrams WHERE rowid=?", (rid,))
            conn.execute("DELETE FROM resource_words WHERE rowid=?", (rid,))
            texts = conn.execute("SELECT folded, stems, name FROM entry WHERE resource=?", (rid,)).fetchall()
            if not texts:
                conn.execute("DELETE FROM resource WHERE id=?", (rid,))
                continue
            conn.execute("UPDATE resource SET name=? WHERE id=?", (min(n for _, _, n in texts), rid))
            conn.execute("INSERT INTO resource_trigrams(rowid, folded) VALUES (?, ?)", (rid, "\n".join(f for f, _, _ in texts)))
            conn.execute("INSERT INTO resource_words(rowid, stems) VALUES (?, ?)", (rid, "\n".join(w for _, w, _ in texts)))

    @staticmethod
    def _insert_keys(conn: sqlite3.Connection, keys: dict[tuple[str, str, str], str | None],
                     items: set[tuple[str, str]] | None = None) -> None:
        """`keys` (read_keys) into `item`, and the listing of `items` (every item when None) made
        again from what `item` then holds: each item's key from its least value over all graphs."""
        conn.executemany("INSERT OR REPLACE INTO item(graph, collection, iri, value) VALUES (?, ?, ?, ?)",
                         [(*k, v) for k, v in keys.items()])
        if items is None:
            by_item = _least(((c, iri), v) for (_, c, iri), v in keys.items())
            conn.executemany("INSERT INTO listing(collection, iri, key) VALUES (?, ?, ?)",
                             [(c, iri, sort_key(c, v)) for (c, iri), v in by_item.items()])
            return
        for c, iri in items:
            found, v = conn.execute("SELECT EXISTS (SELECT 1 FROM item WHERE collection=? AND iri=?), "
                                    "(SELECT min(value) FROM item WHERE collection=? AND iri=?)",
                                    (c, iri, c, iri)).fetchone()
            if found:
                conn.execute("INSERT OR REPLACE INTO listing(collection, iri, key) VALUES (?, ?, ?)",
                             (c, iri, sort_key(c, v)))
            else:
                conn.execute("DELETE FROM listing WHERE collection=? AND iri=?", (c, iri))

    def replace_graphs(self, store: Any, graphs: Iterable[str], given: dict[str, IndexRows] | None = None) -> None:
        """The rows of `graphs` read again from `store` (after it was written), in one transaction;
        those of a graph in `given` (graph_rows of what the store was just given) are taken from
        there instead. The rows go in sorted, so the ids they get do not depend on how they were
        found."""
        graphs = sorted({g for g in graphs if g})
        if not graphs:
            return
        given = {g: given[g] for g in graphs if given and given.get(g) is not None}
        unread = [g for g in graphs if g not in given]
        rows = read_rows(store, unread) if unread else []
        keys = read_keys(store, unread) if unread else {}
        for g_rows, g_keys in given.values():
            rows += g_rows
            keys.update(g_keys)
        rows.sort()
        items: set[tuple[str, str]] = set()      # whose listing may change
        with self.connect(write=True) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                touched: set[int] = set()       # resources whose texts may change
                for g in graphs:
                    old = [e for (e,) in conn.execute("SELECT entry FROM entry_graph WHERE graph=?", (g,))]
                    touched.update(r for (r,) in conn.execute("SELECT DISTINCT e.resource FROM entry_graph h JOIN entry e "
                                                              "ON e.id = h.entry WHERE h.graph=?", (g,)))
                    conn.execute("DELETE FROM entry_graph WHERE graph=?", (g,))
                    conn.executemany("DELETE FROM entry WHERE id=? AND NOT EXISTS "
                                     "(SELECT 1 FROM entry_graph WHERE entry=?)", [(e, e) for e in old])
                    items.update(conn.execute("SELECT collection, iri FROM item WHERE graph=?", (g,)))
                    conn.execute("DELETE FROM item WHERE graph=?", (g,))
                self._refresh(conn, touched | self._insert(conn, rows))
                self._insert_keys(conn, keys, items | {(c, iri) for _, c, iri in keys})
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def begin_write(self) -> None:
        with self.connect(write=True) as conn:
            self._set(conn, writer=str(os.getpid()))

    def end_write(self, purge: bool = False) -> None:
        """The write is over and the store flushed: the index is as current as its marker. With
        `purge` (after forgetting), the full-text segments are merged, which drops the deleted rows'
        terms, the file is written anew and the write-ahead log, which still holds earlier pages, is emptied."""
        with self.connect(write=True) as conn:
            if purge:
                for table in ("resource_trigrams", "resource_words"):
                    conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            self._set(conn, generation=self.generation(), writer="")
            if purge:
                # secure_delete zeroes deleted cells, but a page rebalanced around them can keep an old copy in its
                # unallocated space
                conn.execute("VACUUM")
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # ------------------------------------------------------------ searching
    def search(self, q: str, collection: str, offset: int = 0, limit: int | None = None
               ) -> tuple[list[Hit], int]:
        """The resources of `collection` with texts matching `q`, best first, from `offset` (at most
        `limit`; all when None), and how many match in all. Raises sqlite3.Error without an index.

        A resource matches when every word of `q`, folded and stemmed, is part of one of its texts.
        Hits are ranked (RANKS), then ordered by name and IRI. Each rank is a set of resource ids
        given by an index (the exact name and the same words by B-tree, whole words and substrings
        by full text), so a page costs the size of the sets, counted inside SQLite, and a walk of
        the collection in name order that stops at the page's end; no text of a hit outside the
        page is read."""
        qwords = words(q)
        if not qwords:
            return [], 0
        qfold, qstems = " ".join(qwords), [stem(w) for w in qwords]
        lo, hi = _ids(collection)
        sets = _rank_sets(qfold, qstems, lo, hi)
        out: list[tuple[int, int]] = []                     # (resource id, rank) of the page
        with self.connect() as conn:
            total = conn.execute(f"SELECT count(*) FROM ({sets[-1][0]})", sets[-1][1]).fetchone()[0]
            want = None if limit is None else max(0, limit)
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS ranked(id INTEGER PRIMARY KEY)")
            better: list[tuple[str, list]] = []             # the better ranks' sets that hold anything
            for rank, (sql, args) in enumerate(sets):
                if not total or want == 0:
                    break
                # this rank's set without the better ranks' (a resource has its best rank only)
                conn.execute("DELETE FROM ranked")
                size = conn.execute("INSERT OR IGNORE INTO ranked(id) " + sql + "".join(f" EXCEPT {b}" for b, _ in better),
                                    [*args, *(x for _, a in better for x in a)]).rowcount
                if size:
                    better.append((sql, args))
                if offset >= size:
                    offset -= size
                    continue
                take = size - offset if want is None else min(want, size - offset)
                # a small set is read by id and sorted; a large one is walked in name order (index
                # resource_order) until the page is full: '+id' keeps SQLite from doing the former
                ids = conn.execute(f"SELECT id FROM resource WHERE collection = ? AND {'+id' if size > SORT_MAX else 'id'} "
                                   "IN (SELECT id FROM ranked) ORDER BY name, iri LIMIT ? OFFSET ?",
                                   (collection, take, offset)).fetchall()
                out += [(rid, rank) for (rid,) in ids]
                offset = 0
                if want is not None:
                    want -= len(ids)
            return self._hits(conn, out, qfold, qstems), total

    @staticmethod
    def _hits(conn: sqlite3.Connection, page: list[tuple[int, int]], qfold: str, qstems: list[str]) -> list[Hit]:
        """The hits of a page: each resource with the text that matched best (the one of the best
        rank, the shortest) and the name it was read with."""
        if not page:
            return []
        ids = [rid for rid, _ in page]
        marks = ",".join("?" * len(ids))
        iris = dict((rid, (c, iri)) for rid, c, iri in
                    conn.execute(f"SELECT id, collection, iri FROM resource WHERE id IN ({marks})", ids))
        best: dict[int, tuple[tuple, str, str]] = {}
        for rid, text, label, folded, text_stems in conn.execute(
                f"SELECT resource, text, label, folded, stems FROM entry WHERE resource IN ({marks})", ids):
            key = (_text_rank(qfold, qstems, folded, text_stems.split()), len(text), text, label)
            if rid not in best or key < best[rid][0]:
                best[rid] = (key, text, label)
        return [Hit(*iris[rid], best[rid][1], best[rid][2], rank) for rid, rank in page if rid in iris and rid in best]

    def listing(self, collection: str, limit: int, offset: int) -> tuple[list[str], int] | None:
        """A page of `collection` in its list's order (the IRIs) and the number of its items; None
        when the index is not as current as the store (being rebuilt, or behind a write)."""
        if self.stale():
            return None
        with self.connect() as conn:
            (total,) = conn.execute("SELECT count(*) FROM listing WHERE collection=?", (collection,)).fetchone()
            iris = [iri for (iri,) in conn.execute(
                "SELECT iri FROM listing WHERE collection=? ORDER BY key, iri LIMIT ? OFFSET ?",
                (collection, limit, offset))] if limit > 0 else []
        return iris, total

    def ordered(self, collection: str, iris: Iterable[str], limit: int) -> tuple[list[str], int] | None:
        """The first `limit` of these IRIs in `collection`'s list order, and how many of them it holds;
        None when the index is not as current as the store. (A body's page lists what refers to it:
        thousands of assignments for Regeringen, of which it shows the first.)"""
        if self.stale():
            return None
        given = json.dumps(sorted(set(iris)))
        with self.connect() as conn:
            (total,) = conn.execute("SELECT count(*) FROM listing WHERE collection=? AND iri IN "
                                    "(SELECT value FROM json_each(?))", (collection, given)).fetchone()
            first = [iri for (iri,) in conn.execute(
                "SELECT iri FROM listing WHERE collection=? AND iri IN (SELECT value FROM json_each(?)) "
                "ORDER BY key, iri LIMIT ?", (collection, given, limit))]
        return first, total


# the ranks of a hit, best first; a resource has the best rank any of its texts gives
RANKS = ("the exact name (after folding)", "the same words, inflected otherwise", "a name that starts with what was typed",
         "the words whole, in one of its texts", "the words as parts of words (a compound, a prefix)")
SORT_MAX = 2000       # a rank's set up to this size is sorted whole; a larger one is walked in name order


def _rank_sets(qfold: str, qstems: list[str], lo: int, hi: int) -> list[tuple[str, list]]:
    """One SQL query (text, arguments) per rank, giving the ids in [lo, hi) that have it or a better
    one; the last gives every match. Words shorter than a trigram are looked for in the folded
    texts themselves (a scan, rare: a query of one or two letters)."""
    span = "rowid >= ? AND rowid < ?"
    long = [s for s in qstems if len(s) >= 3]
    short = [s for s in qstems if len(s) < 3]
    # '+resource': the texts are found by their own index (folded, stems), not by a scan of the collection's
    entry = "SELECT resource FROM entry WHERE +resource >= ? AND +resource < ? AND "
    if long:
        found = (f"SELECT rowid FROM resource_trigrams WHERE resource_trigrams MATCH ? AND {span}",
                 [" AND ".join('"' + s + '"' for s in long), lo, hi])
    else:
        found = (f"SELECT rowid FROM resource_trigrams WHERE {span}", [lo, hi])
    found = (found[0] + "".join(" AND instr(folded, ?) > 0" for _ in short), found[1] + short)
    return [
        (entry + "folded = ?", [lo, hi, qfold]),
        (entry + "stems = ?", [lo, hi, " ".join(qstems)]),
        (entry + "folded >= ? AND folded < ?", [lo, hi, qfold, qfold + "\U0010ffff"]),
        (f"SELECT rowid FROM resource_words WHERE resource_words MATCH ? AND {span}",
         [" AND ".join('"' + s + '"' for s in qstems), lo, hi]),
        found,
    ]


def _text_rank(qfold: str, qstems: list[str], folded: str, text_stems: list[str]) -> int:
    """The rank (RANKS) one text gives; 5 for a text the words are not all part of."""
    if folded == qfold:
        return 0
    if text_stems == qstems:
        return 1
    if folded.startswith(qfold):
        return 2
    if all(s in text_stems for s in qstems):
        return 3
    return 4 if all(s in folded for s in qstems) else 5


def _ids(collection: str) -> tuple[int, int]:
    """The ids of a collection's resources (the rowids of their full-text rows): a range of its own,
    so the text match itself keeps to one collection (FTS5 seeks a rowid range) instead of reading
    every collection's rows."""
    n = list(FIELDS).index(collection)
    return n << ID_BITS, (n + 1) << ID_BITS


# ============================================================== following the writes
class Follower:
    """Keeps an index in step with the writes of one command (see `follow`). An index failure is
    logged and ends the following: the index keeps this process as its writer, so once the
    process is gone a reader or the next command rebuilds it."""

    def __init__(self, store: Any, index: SearchIndex | None, purge: bool = False):
        self.store, self.index, self.purge = store, index, purge

    def _guard(self, what: str, fn, *args) -> None:
        if self.index is None:
            return
        try:
            fn(*args)
        except Exception as e:  # noqa: BLE001 - the index is a cache: the store's write stands
            log.warning("search index %s: %s failed (%s); it is rebuilt from the store later", self.index.path, what, e)
            self.abandon()

    def abandon(self) -> None:
        """Follow no further and mark the index for a rebuild (if the file can still be written;
        if not, the writer left in it, or the marker it is behind, says the same)."""
        if self.index is None:
            return
        with contextlib.suppress(Exception):
            with self.index.connect(write=True) as conn:
                self.index._set(conn, complete="0", writer="")
        self.index = None

    def start(self) -> None:
        """Before the first write: an index that is missing or behind is rebuilt (the rows a write
        adds must land in a whole index), then this process is named its writer."""
        self._guard("rebuild", lambda: self.index.ensure(self.store))
        self._guard("start", lambda: self.index.begin_write())

    @contextlib.contextmanager
    def holding(self) -> Iterator[None]:
        """The writes inside the block through one connection to the index (SearchIndex.holding)."""
        with contextlib.ExitStack() as held:
            self._guard("open", lambda: held.enter_context(self.index.holding()))
            yield

    def graphs(self, graphs: Iterable[str | None], given: dict[str, IndexRows] | None = None) -> None:
        """After the store wrote `graphs`: their rows read again from it, or taken from `given`
        (graph -> graph_rows of the triples the store was given for it). Many graphs at once
        (an update without named graphs, DROP ALL) rebuild the whole index instead."""
        graphs = [g for g in graphs if g]
        if len(graphs) > REBUILD_GRAPHS:
            self._guard("rebuild", lambda: self.index.rebuild(self.store))
        else:
            self._guard("update", lambda: self.index.replace_graphs(self.store, graphs, given))

    def done(self) -> None:
        """After the store was flushed (its generation marker moved)."""
        self._guard("finish", lambda: self.index.end_write(self.purge))


def follow(store: Any, purge: bool = False) -> Follower:
    """A Follower of `store`'s index (one that does nothing for a store in memory); `start` it
    before the first write and call `done` after the store is flushed. `purge`: leave no trace
    of deleted rows in the file (forgetting a person)."""
    try:
        index = SearchIndex.of(store)
    except Exception as e:  # noqa: BLE001
        log.warning("no search index: %s", e)
        index = None
    return Follower(store, index, purge)
