"""Links between documents: which stored document each citation names (the graph graph/_links).

A document that changes or supplements an earlier decision holds a sg:Citation: what its text
says of that decision (its subject, day and diarienummer; ingest/citations.py). Which document of
the store that decision is can only be told across documents, and must not depend on the order
they were ingested in, so the links are derived here from everything stored, after every write
of documents, into a graph of their own:

    <citation> cito:hasCitedEntity <document> ; sg:confidence 0.93 .
    <citing document> sg:amends <document> .          (or sg:supplements)

A citation is linked to the document that answers it best, where the text supports it: the same
diarienummer (or directive number), or the same subject in the title or the opening of the
decision (most of the cited words, and clearly more than any other document has). A citation
no stored document answers is left unlinked; a document that is removed takes its links with it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from .iris import links_graph
from .vocab import CITO, SG, XSD, sparql_prefixes

# the kinds of document a citation can name, by what the citing document does
TARGET_KINDS = ("regeringsuppdrag", "kommittédirektiv")
# what a text match must reach, and by how much it must beat the next document
LEAST = 0.6
MARGIN = 0.1
# words that say nothing of what a decision is about
STOP = set("""att och eller för till med om av den det de ett en i på som samt från inom under vid
hos åt även nu ska skall har hade genom enligt mot efter kring utan vissa viss flera
uppdrag uppdraget uppdragen uppdraget regeringen regeringens beslut beslutet ändring ändringar
tillägg tilläggsdirektiv tilläggsuppdrag förlängning förlängd tid komplettering utvidgning
utökning direktiv kommittédirektiv utredningen utredaren utredare särskild särskilda""".split())
WORD = re.compile(r"[a-zåäöéü0-9][a-zåäöéü0-9-]*")

CITATIONS = sparql_prefixes(["sg", "skos", "cito", "prov"]) + """
SELECT ?c ?doc ?rel ?subject ?date ?dnr ?who WHERE {
  ?c a sg:Citation ; cito:hasCitingEntity ?doc ; cito:hasCitationCharacterization ?rel .
  OPTIONAL { ?c sg:citedSubject ?subject }
  OPTIONAL { ?c sg:citedDate ?date }
  OPTIONAL { ?c sg:diarienummer/skos:notation ?dnr }
  OPTIONAL { ?a sg:assignee ?who ; sg:evidence/prov:wasDerivedFrom ?doc }
}"""
TARGETS = sparql_prefixes(["sg", "skos", "dct", "prov", "cito"]) + """
SELECT ?doc ?title ?dnr ?decided ?who ?head WHERE {
  ?doc a sg:Document ; sg:kind ?k ; dct:title ?title .
  ?k skos:notation ?kind .
  VALUES ?kind { %s }
  FILTER NOT EXISTS { ?cite a sg:Citation ; cito:hasCitingEntity ?doc }
  OPTIONAL { ?doc sg:diarienummer/skos:notation ?dnr }
  OPTIONAL { ?a sg:evidence/prov:wasDerivedFrom ?doc ; a sg:Assignment
             OPTIONAL { ?a sg:decidedOn ?decided } OPTIONAL { ?a sg:assignee ?who } }
  OPTIONAL { ?doc sg:normalisedText ?text }
  BIND(SUBSTR(?text, 1, 800) AS ?head)
}""" % " ".join(f'"{k}"' for k in TARGET_KINDS)


def words(text: str) -> set[str]:
    """The words of `text` that can tell one decision from another, genitive -s dropped."""
    out = set()
    for w in WORD.findall(text.lower()):
        if w in STOP or len(w) < 3:
            continue
        out.add(stem(w))
    return out


def stem(w: str) -> str:
    """A word without its genitive -s and its definite -en/-et ('genomförandet', 'genomförande'),
    the same way on both sides of a comparison."""
    if len(w) > 5 and w.endswith("s"):
        w = w[:-1]
    if len(w) > 7 and w.endswith(("et", "en")):
        w = w[:-2]
    return w


def notation_key(n: str) -> str:
    return re.sub(r"[\s.]", "", n).lower()


@dataclass
class Cited:
    iri: str
    document: str
    relation: str
    subjects: set[str] = field(default_factory=set)
    date: str | None = None
    numbers: set[str] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)       # the assignees of the citing document


@dataclass
class Target:
    iri: str
    title: str = ""
    head: str = ""
    numbers: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)       # its assignees

    def texts(self) -> list[set[str]]:
        return [words(self.title), words(self.head)]


def _value(term) -> str | None:
    return None if term is None else term.value


def read(store) -> tuple[list[Cited], list[Target]]:
    cited: dict[str, Cited] = {}
    for row in store.query(CITATIONS):
        c = cited.setdefault(row["c"].value, Cited(row["c"].value, row["doc"].value, row["rel"].value))
        if row["subject"] is not None:
            c.subjects.add(row["subject"].value)
        c.date = c.date or _value(row["date"])
        if row["dnr"] is not None:
            c.numbers.add(notation_key(row["dnr"].value))
        if row["who"] is not None:
            c.bodies.add(row["who"].value)
    targets: dict[str, Target] = {}
    for row in store.query(TARGETS):
        t = targets.setdefault(row["doc"].value, Target(row["doc"].value, row["title"].value))
        t.head = t.head or (_value(row["head"]) or "")
        if row["dnr"] is not None:
            t.numbers.add(notation_key(row["dnr"].value))
        if row["decided"] is not None:
            t.dates.add(row["decided"].value)
        if row["who"] is not None:
            t.bodies.add(row["who"].value)
    return list(cited.values()), list(targets.values())


def match(c: Cited, targets: list[Target], index: dict[str, list[int]], texts: list[list[set[str]]]) -> tuple[Target, float] | None:
    """The document citation `c` names, and how sure that is; None where no document is clearly it."""
    by_number = [t for t in targets if c.numbers & t.numbers and t.iri != c.document]
    if len(by_number) == 1:
        return by_number[0], 1.0
    scores: dict[int, float] = defaultdict(float)
    for subject in c.subjects:
        want = words(subject)
        if len(want) < 3:
            continue
        seen = {i for w in want for i in index.get(w, ())}
        for i in seen:
            if targets[i].iri == c.document:
                continue
            title, head = texts[i]
            # the cited subject against the title (both ways: a title is the decision's own subject)
            # and against the opening of the decision (the subject must be in it)
            in_title = len(want & title) / len(want)
            of_title = len(want & title) / len(title) if title else 0.0
            in_head = len(want & head) / len(want)
            s = max((in_title + of_title) / 2, 0.9 * in_head)
            if c.date and targets[i].dates:
                s += 0.1 if c.date in targets[i].dates else -0.2
            if s >= LEAST and c.bodies & targets[i].bodies:
                s += 0.15       # given to the same body: tells apart one decision to several bodies
            scores[i] = max(scores[i], s)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    if score < LEAST or score - runner < MARGIN:
        return None
    return targets[best], round(min(score, 0.99), 2)


def derive(store) -> list[ox.Triple]:
    """The links between the documents of `store`."""
    cited, targets = read(store)
    texts = [t.texts() for t in targets]
    index: dict[str, list[int]] = defaultdict(list)
    for i, (title, head) in enumerate(texts):
        for w in title | head:
            index[w].append(i)
    out = []
    for c in sorted(cited, key=lambda c: c.iri):
        found = match(c, targets, index, texts)
        if not found:
            continue
        target, confidence = found
        node, doc = ox.NamedNode(c.iri), ox.NamedNode(target.iri)
        out.append(ox.Triple(node, ox.NamedNode(CITO + "hasCitedEntity"), doc))
        out.append(ox.Triple(node, ox.NamedNode(SG + "confidence"),
                             ox.Literal(f"{confidence:.2f}", datatype=ox.NamedNode(XSD + "decimal"))))
        out.append(ox.Triple(ox.NamedNode(c.document), ox.NamedNode(c.relation), doc))
    return out


def refresh(store, base: str) -> int:
    """Derive the links again and replace the links graph with them; how many links there are."""
    triples = derive(store)
    graph = links_graph(base)
    if triples or store.has_graph(graph):
        store.replace_graph(graph, triples)
    return sum(1 for t in triples if t.predicate.value == CITO + "hasCitedEntity")
