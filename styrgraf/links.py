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

An answer to a remiss (a consultation its own document answers: a remissvar, a yttrande, a nämnd's
answer in minutes) is linked the same way to the remiss it answers, where another stored document
sends that paper on remiss (a regeringen.se remiss page, a board's decision to send a proposal out):
the same diarienummer, else most of the paper's words, clearly more than any other remiss:

    <answer link> a sg:AnswerLink ; cito:hasCitingEntity <answer> ; cito:hasCitedEntity <remiss> ;
                  cito:hasCitationCharacterization sg:answers ; sg:confidence 0.9 ; sg:evidence <…> .
    <answer> sg:answers <remiss> .              (the consultations, and their documents)
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from .iris import links_graph
from .vocab import CITO, RDF, SG, SGK, XSD, sparql_prefixes

REPORTS_ON = SG + "reportsOn"
ANSWERS = SG + "answers"
REMISS = SGK + "consultation/remiss"
# the kinds of document a citation can name, by what the citing document does
TARGET_KINDS = ("regeringsuppdrag", "kommittédirektiv", "regeringsbeslut")
# the kinds a document of a kind may name: a change of a government assignment, the assignment or another decision of
# the government that gives an agency its task (read as a regeringsbeslut where it is not worded as an "uppdrag":
# "Projekt inom ramen för … – Regeringen beslutar … att Arbetsförmedlingen ska bedriva …")
NAMES_KINDS = {"regeringsuppdrag": ("regeringsuppdrag", "regeringsbeslut"),
               "regeringsbeslut": ("regeringsuppdrag", "regeringsbeslut"),
               "kommittédirektiv": ("kommittédirektiv",)}
# what a text match must reach, and by how much it must beat the next document
LEAST = 0.8
MARGIN = 0.1
LATEST = 4         # years after a decision that its first report date may lie
# what a committee report's remit must reach against a directive of the year its number gives, and by how much
# it must beat the next directive (its words are the report's own, seldom the directive's)
REPORT_LEAST = 0.6
REPORT_MARGIN = 0.4
PREFIX = 8         # the start two long words must share to count as one in part
TELLING = 8.0      # the least weight of a subject's words (a word in one decision of a thousand: about 7)
# words that say nothing of what a decision is about
STOP = set("""att och eller för till med om av den det de ett en i på som samt från inom under vid
hos åt även nu ska skall har hade genom enligt mot efter kring utan vissa viss flera
uppdrag uppdraget uppdragen uppdraget regeringen regeringens beslut beslutet ändring ändringar
tillägg tilläggsdirektiv tilläggsuppdrag förlängning förlängd tid komplettering utvidgning
utökning direktiv kommittédirektiv utredningen utredaren utredare särskild särskilda""".split())
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# a directive's number in a text ("(dir. 2019:20)"): a page that names it is not that directive, whose own
# page never gives its number, but a later one that tells of it (a tilläggsdirektiv, a committee's report)
CITED_DIRECTIVE = re.compile(r"\b[Dd]ir\.?\s*((?:19|20)\d\d:\d{1,3})(?!\d)")
WORD = re.compile(r"[a-zåäöéü0-9][a-zåäöéü0-9-]*")

CITATIONS = sparql_prefixes(["sg", "skos", "cito"]) + """
SELECT ?c ?doc ?rel ?subject ?date ?dnr ?due WHERE {
  ?c a sg:Citation ; cito:hasCitingEntity ?doc ; cito:hasCitationCharacterization ?rel .
  OPTIONAL { ?c sg:citedSubject ?subject }
  OPTIONAL { ?c sg:citedReportDue ?due }
  OPTIONAL { ?c sg:citedDate ?date }
  OPTIONAL { ?c sg:diarienummer/skos:notation ?dnr }
}"""
# the decisions a citation may name: their titles and openings, numbers, days and assignees (an
# assignment is read from the graph of the document that gives it)
DECISIONS = sparql_prefixes(["sg", "skos", "dct"]) + """
SELECT ?doc ?kind ?title ?head WHERE {
  ?doc a sg:Document ; sg:kind/skos:notation ?kind ; dct:title ?title .
  VALUES ?kind { %s }
  OPTIONAL { ?doc sg:normalisedText ?text }
  BIND(SUBSTR(?text, 1, 800) AS ?head)
}""" % " ".join(f'"{k}"' for k in TARGET_KINDS)
NUMBERS = sparql_prefixes(["sg", "skos"]) + """
SELECT ?doc ?dnr WHERE { ?doc a sg:Document ; sg:diarienummer/skos:notation ?dnr }"""
ASSIGNMENTS = sparql_prefixes(["sg"]) + """
SELECT ?doc ?a ?decided ?who ?due WHERE {
  GRAPH ?g { ?doc a sg:Document . ?a a sg:Assignment
             OPTIONAL { ?a sg:decidedOn ?decided } OPTIONAL { ?a sg:assignee ?who } OPTIONAL { ?a sg:reportDue ?due } }
}"""


# the remisser of the store: what each is about, its numbers, whether its own document answers it,
# and its evidence (the quotes an answer's link points to)
CONSULTATIONS = sparql_prefixes(["sg", "skos", "dct"]) + """
SELECT ?doc ?c ?subject ?dnr ?answered ?ev ?quote ?title WHERE {
  GRAPH ?g { ?doc a sg:Document . ?c a sg:Consultation ; sg:kind <%s>
             OPTIONAL { ?c sg:consultedOn/dct:title ?subject }
             OPTIONAL { ?c sg:diarienummer/skos:notation ?dnr }
             OPTIONAL { ?c sg:response/sg:responseDocument ?answered FILTER(?answered = ?doc) }
             OPTIONAL { ?c sg:evidence ?ev . ?ev sg:quote ?quote }
             OPTIONAL { ?doc dct:title ?title } }
}""" % REMISS


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
    the same way on both sides of a comparison. Narrower than the text index's stem
    (styrgraf.search.stem): with that one the links of corpus-regeringen-full were as many right
    but more were wrong (7 links of changes to another page, against 5)."""
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
    kind: str | None = None                             # the citing document's kind
    subjects: set[str] = field(default_factory=set)
    date: str | None = None
    numbers: set[str] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)       # the assignees of the citing document
    dues: set[str] = field(default_factory=set)         # the report dates of the decision, as the text restates them


@dataclass
class Target:
    iri: str
    kind: str
    title: str = ""
    head: str = ""
    numbers: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)       # its assignees
    assignments: set[str] = field(default_factory=set)  # the assignments it gives
    dues: set[str] = field(default_factory=set)         # the report dates it sets (ISO)
    cites: set[str] = field(default_factory=set)        # the directive numbers its opening names

    def __post_init__(self):
        self.cites = {notation_key("dir" + n) for n in CITED_DIRECTIVE.findall(self.head)}

    def texts(self) -> list[set[str]]:
        return [words(self.title), words(self.head)]


def _value(term) -> str | None:
    return None if term is None else term.value


def read(store) -> tuple[list[Cited], list[Target]]:
    """The citations of the store, and the decisions they may name (none that is itself a change)."""
    cited: dict[str, Cited] = {}
    for row in store.query(CITATIONS):
        c = cited.setdefault(row["c"].value, Cited(row["c"].value, row["doc"].value, row["rel"].value))
        if row["subject"] is not None:
            c.subjects.add(row["subject"].value)
        c.date = c.date or _value(row["date"])
        if row["dnr"] is not None:
            c.numbers.add(notation_key(row["dnr"].value))
        if row["due"] is not None:
            c.dues.add(row["due"].value)
    citing = {c.document: c for c in cited.values()}
    decisions: dict[str, Target] = {}
    for row in store.query(DECISIONS):
        doc, kind = row["doc"].value, row["kind"].value
        if doc in citing:
            citing[doc].kind = kind
        else:
            decisions.setdefault(doc, Target(doc, kind, row["title"].value, _value(row["head"]) or ""))
    for row in store.query(NUMBERS):
        t = decisions.get(row["doc"].value)
        if t:
            t.numbers.add(notation_key(row["dnr"].value))
    for row in store.query(ASSIGNMENTS):
        doc = row["doc"].value
        if doc in decisions:
            decisions[doc].assignments.add(row["a"].value)
            if row["due"] is not None and ISO_DAY.match(row["due"].value):
                decisions[doc].dues.add(row["due"].value)
        if row["decided"] is not None and doc in decisions:
            decisions[doc].dates.add(row["decided"].value)
        if row["who"] is not None:
            one = decisions.get(doc) or citing.get(doc)
            if one:
                one.bodies.add(row["who"].value)
    return list(cited.values()), list(decisions.values())


def registered(c: Cited) -> set[str]:
    """The years the cited decision's diarienummer were registered in ("S2023/00678": 2023); a decision
    is made no earlier than the year its case was registered."""
    return {m[1] for n in c.numbers for m in [re.match(r"^[a-zåäö]{1,4}((?:19|20)\d\d)/\d", n)] if m}


def directive_year(c: Cited) -> int | None:
    """The year of the first directive number citation `c` gives ("dir2012:92": 2012)."""
    return next((int(n[3:7]) for n in sorted(c.numbers) if re.match(r"dir\d{4}:", n)), None)


def plausible(c: Cited, t: Target) -> bool:
    """Whether decision `t` could be the one `c` cites, by time: a decision sets its report dates
    after it is made, and within a few years (a citation's day, or its directive number's year)."""
    year = int(c.date[:4]) if c.date else directive_year(c)
    if year is None or not t.dues:
        return True
    first, last = min(int(d[:4]) for d in t.dues), max(int(d[:4]) for d in t.dues)
    return last >= year and first <= year + LATEST


class Matcher:
    """The stored decisions, indexed by their words; a word counts by how rare it is among them
    (a decision's subject is told by "Landsbygdsprogrammet", not by "insatser")."""

    def __init__(self, targets: list[Target]):
        self.targets = targets
        self.texts = [t.texts() for t in targets]
        self.index: dict[str, list[int]] = defaultdict(list)
        for i, (title, head) in enumerate(self.texts):
            for w in title | head:
                self.index[w].append(i)
        self.of_kind: dict[str, set[int]] = defaultdict(set)
        self.by_number: dict[str, set[int]] = defaultdict(set)
        for i, t in enumerate(targets):
            self.of_kind[t.kind].add(i)
            for n in t.numbers:
                self.by_number[n].add(i)
        n = len(targets) + 1
        self.rarest = math.log(n) + 0.1
        self.weight = {w: math.log(n / (len(ids) + 1)) + 0.1 for w, ids in self.index.items()}
        # what a subject's words must weigh to tell one decision (in a small store every word is common)
        self.telling = min(TELLING, 1.5 * (math.log(n / 2) + 0.1))

    def share(self, want: set[str], have: set[str]) -> float:
        """How much of `want`, by weight, `have` holds; a long word also in part, by the start it
        shares with one of `have` (a compound: "utstationeringslagen", "utstationering")."""
        def weight(w: str) -> float:
            return self.weight.get(w, self.rarest)
        total = sum(weight(w) for w in want)
        if not total:
            return 0.0
        starts = {w[:PREFIX] for w in have if len(w) > PREFIX}
        held = sum(weight(w) if w in have else 0.8 * weight(w) if len(w) > PREFIX and w[:PREFIX] in starts else 0.0
                   for w in want)
        return held / total

    def match(self, c: Cited, allowed: set[int] | None = None) -> tuple[Target, float] | None:
        """The document citation `c` names, and how sure that is; None where no document is clearly it
        (among `allowed`, else among the decisions the citing document's kind may name)."""
        if allowed is None:
            allowed = set().union(*(self.of_kind[k] for k in NAMES_KINDS[c.kind])) if c.kind in NAMES_KINDS \
                else set(range(len(self.targets)))
        # (not a page that itself names the directive cited: a later page that tells of it)
        allowed = {i for i in allowed if not c.numbers & self.targets[i].cites}
        by_number = {i for n in c.numbers for i in self.by_number.get(n, ())} & allowed
        if len(by_number) == 1:
            return self.targets[by_number.pop()], 1.0
        # each subject the text gives is weighed by itself (a committee's short name can fit many
        # decisions where the remit it cites fits one): the answer is the subject's best decision
        # that is clearly better than its next, the clearest of them where subjects disagree
        found = [(score - runner, score, best) for best, score, runner in self.best_by_subject(c, allowed)
                 if score >= LEAST and score - runner >= MARGIN - 1e-9]
        if not found:
            return None
        _, score, best = max(found)
        return self.targets[best], round(min(score, 0.99), 2)

    def best_by_subject(self, c: Cited, allowed: set[int], fewest: int = 2) -> Iterator[tuple[int, float, float]]:
        """For each subject of citation `c` whose words can tell one decision (at least `fewest` of them, and
        rare enough): its best decision among `allowed`, that one's score and the next one's."""
        for subject in c.subjects:
            want = words(subject)
            if len(want) < fewest or sum(self.weight.get(w, 0.0) for w in want) < self.telling:
                continue
            ranked = sorted(self.scores(c, want, allowed).items(), key=lambda kv: -kv[1])
            if ranked:
                yield ranked[0][0], ranked[0][1], ranked[1][1] if len(ranked) > 1 else 0.0

    def scores(self, c: Cited, want: set[str], allowed: set[int]) -> dict[int, float]:
        """How well each decision answers one subject `want` of citation `c`."""
        out = {}
        # a decision that answers must hold most of the subject's weight, so some of its rarest
        # words: only the decisions that do are weighed
        rare = sorted(want, key=lambda w: -self.weight.get(w, 99.0))[:3]
        for i in {i for w in rare for i in self.index.get(w, ())} & allowed:
            title, head = self.texts[i]
            # the subject against the title (both ways: a title is the decision's own subject) and
            # against the opening of the decision (the subject must be in it)
            s = max((self.share(want, title) + self.share(title, want)) / 2, 0.9 * self.share(want, head))
            t = self.targets[i]
            if c.dues and t.dues:
                if c.dues & t.dues:
                    s += 0.1    # the report date the text restates is one this decision set
                elif max(c.dues) < min(t.dues):
                    continue    # a date before all those it set is not its (a later change moves a date later)
            if any(min(t.dues)[:4] < y for y in registered(c)) if t.dues else False:
                continue        # decided before its first report date, so before the cited case was registered
            if c.date and t.dates:
                s += 0.1 if c.date in t.dates else -0.2
            if not plausible(c, t):
                s -= 0.3
            if s >= LEAST and c.bodies & t.bodies:
                s += 0.15       # given to the same body: tells apart one decision to several bodies
            out[i] = s
        return out


def directive_number(n: str) -> bool:
    return n.startswith("dir")


def known_numbers(links: list[tuple[Cited, Target, float]]) -> dict[str, tuple[Target, float]]:
    """The directive numbers the texts give the stored directives: a tilläggsdirektiv linked to its
    directive names that directive's number ("Regeringen beslutade den 27 september 2012 … (dir.
    2012:92)"), since a directive's own page never gives it. A number that two directives would
    have tells neither."""
    found: dict[str, dict[str, tuple[Target, float]]] = defaultdict(dict)
    for c, t, confidence in links:
        if c.relation == SG + "supplements" and c.kind == "kommittédirektiv":
            for n in filter(directive_number, c.numbers):
                found[n][t.iri] = (t, min(confidence, found[n].get(t.iri, (t, 1.0))[1]))
    return {n: next(iter(ts.values())) for n, ts in found.items() if len(ts) == 1}


def match_report(matcher: Matcher, c: Cited, numbers: dict[str, tuple[Target, float]]) -> tuple[Target, float] | None:
    """The directive a committee's report reports on: the one its directive numbers name, where
    the texts tell which stored directive has that number; else the directive its remit's words and
    the day of the decision name, among those no text gives another number."""
    named = {numbers[n][0].iri: numbers[n] for n in c.numbers if n in numbers}
    if len(named) == 1:
        return next(iter(named.values()))
    if named:
        return None             # its numbers name two stored directives: which one it reports on is not told
    other = {t.iri for n, (t, _) in numbers.items() if n not in c.numbers}
    allowed = {i for i in matcher.of_kind["kommittédirektiv"] if matcher.targets[i].iri not in other}
    found = matcher.match(c, allowed)
    if found:
        return found
    # the number tells the year the directive was decided in, and a directive sets its report dates
    # after it is decided and within a few years: among the directives whose dates say they are of that
    # year, one that holds most of the remit's words and far more than any other is the one
    year = directive_year(c)
    if year is None:
        return None
    dated = {i for i in allowed if matcher.targets[i].dues
             and year <= min(int(d[:4]) for d in matcher.targets[i].dues) <= year + LATEST}
    best: tuple[float, int] | None = None
    for i, score, runner in matcher.best_by_subject(c, allowed, fewest=3):
        if i in dated and score >= REPORT_LEAST and score - runner >= REPORT_MARGIN and (not best or score > best[0]):
            best = (score, i)
    return (matcher.targets[best[1]], round(min(best[0], 0.99), 2)) if best else None


def derive(store) -> list[ox.Triple]:
    """The links between the documents of `store`."""
    cited, targets = read(store)
    matcher = Matcher(targets)
    # a committee's report that names its directive by number is linked after the other citations,
    # whose links tell which directive has which number
    reports = [c for c in cited if c.relation == REPORTS_ON and any(map(directive_number, c.numbers))]
    found: list[tuple[Cited, Target, float]] = []
    later = {c.iri for c in reports}
    for c in sorted(cited, key=lambda c: c.iri):
        if c.iri in later:
            continue
        one = matcher.match(c)
        if one:
            found.append((c, *one))
    # a tilläggsdirektiv whose words do not tell its directive is linked by the number another one,
    # linked by its words, gave it (and so on, while that links more)
    numbers = known_numbers(found)
    while True:
        done = {c.iri for c, _, _ in found}
        more = []
        for c in sorted(cited, key=lambda c: c.iri):
            if c.iri in done or c.iri in later or c.relation != SG + "supplements":
                continue
            named = {numbers[n][0].iri: numbers[n] for n in c.numbers if n in numbers}
            if len(named) == 1 and c.document != next(iter(named.values()))[0].iri:
                more.append((c, *next(iter(named.values()))))
        if not more:
            break
        found += more
        numbers = known_numbers(found)
    for c in sorted(reports, key=lambda c: c.iri):
        one = match_report(matcher, c, numbers)
        if one:
            found.append((c, *one))
    out = []
    for c, target, confidence in sorted(found, key=lambda f: f[0].iri):
        node, doc = ox.NamedNode(c.iri), ox.NamedNode(target.iri)
        out.append(ox.Triple(node, ox.NamedNode(CITO + "hasCitedEntity"), doc))
        out.append(ox.Triple(node, ox.NamedNode(SG + "confidence"),
                             ox.Literal(f"{confidence:.2f}", datatype=ox.NamedNode(XSD + "decimal"))))
        if c.relation == REPORTS_ON:        # a report reports on the assignments the decision gives
            out += [ox.Triple(ox.NamedNode(c.document), ox.NamedNode(REPORTS_ON), ox.NamedNode(a))
                    for a in sorted(target.assignments)]
        else:
            out.append(ox.Triple(ox.NamedNode(c.document), ox.NamedNode(c.relation), doc))
    return out


@dataclass
class Remiss:
    iri: str
    document: str
    title: str = ""
    subjects: set[str] = field(default_factory=set)
    numbers: dict[str, str] = field(default_factory=dict)        # key -> the notation as written
    answers: bool = False                                        # its own document answers it
    quotes: dict[str, str] = field(default_factory=dict)         # evidence IRI -> quote


def read_remisses(store) -> list[Remiss]:
    found: dict[str, Remiss] = {}
    for row in store.query(CONSULTATIONS):
        r = found.setdefault(row["c"].value, Remiss(row["c"].value, row["doc"].value))
        if row["subject"] is not None:
            r.subjects.add(row["subject"].value)
        if row["dnr"] is not None:
            r.numbers[notation_key(row["dnr"].value)] = row["dnr"].value
        r.answers = r.answers or row["answered"] is not None
        if row["ev"] is not None:
            r.quotes[row["ev"].value] = row["quote"].value
        r.title = r.title or _value(row["title"]) or ""
    return sorted(found.values(), key=lambda r: r.iri)


def answer_links(store) -> list[ox.Triple]:
    """Each answer to a remiss linked to the remiss of another document that it answers, where the
    same diarienummer or most of the paper's words tell which (styrgraf.links.Matcher)."""
    remisses = read_remisses(store)
    sent = [r for r in remisses if not r.answers]
    if not sent:
        return []
    # what was sent out: the paper (the consultation's subject), and the page's title where there is none
    targets = [Target(r.iri, "remiss", title=" ".join(sorted(r.subjects)) or r.title, head=r.title,
                      numbers=set(r.numbers)) for r in sent]
    matcher = Matcher(targets)
    by_iri = {r.iri: r for r in sent}
    out: list[ox.Triple] = []
    for a in (r for r in remisses if r.answers):
        cited = Cited(a.iri, a.document, ANSWERS, subjects=set(a.subjects), numbers=set(a.numbers))
        found = matcher.match(cited)
        if not found or by_iri[found[0].iri].document == a.document:
            continue            # (never the remiss of its own document)
        target, confidence = found
        remiss = by_iri[target.iri]
        # the answer's evidence that names the paper: its number where that decided, else its words
        shared = [n for k, n in a.numbers.items() if k in remiss.numbers]
        want = words(" ".join(a.subjects))
        evidence = [ev for ev, q in sorted(a.quotes.items())
                    if (shared and any(n in q for n in shared)) or (not shared and want and len(want & words(q)) >= min(2, len(want)))]
        if not evidence:
            continue            # nothing in the answer's text to show for the link
        link = ox.NamedNode(a.iri + "/answers")
        answer, sent_iri = ox.NamedNode(a.iri), ox.NamedNode(remiss.iri)
        out += [ox.Triple(link, ox.NamedNode(RDF + "type"), ox.NamedNode(SG + "AnswerLink")),
                ox.Triple(link, ox.NamedNode(CITO + "hasCitingEntity"), answer),
                ox.Triple(link, ox.NamedNode(CITO + "hasCitedEntity"), sent_iri),
                ox.Triple(link, ox.NamedNode(CITO + "hasCitationCharacterization"), ox.NamedNode(ANSWERS)),
                ox.Triple(link, ox.NamedNode(SG + "confidence"),
                          ox.Literal(f"{confidence:.2f}", datatype=ox.NamedNode(XSD + "decimal"))),
                ox.Triple(answer, ox.NamedNode(ANSWERS), sent_iri),
                ox.Triple(ox.NamedNode(a.document), ox.NamedNode(ANSWERS), ox.NamedNode(remiss.document))]
        out += [ox.Triple(link, ox.NamedNode(SG + "evidence"), ox.NamedNode(ev)) for ev in evidence]
    return out


def refresh(store, base: str) -> int:
    """Derive the links again and replace the links graph with them; how many links there are."""
    triples = derive(store) + answer_links(store)
    graph = links_graph(base)
    if triples or store.has_graph(graph):
        store.replace_graph(graph, triples)
    return sum(1 for t in triples if t.predicate.value == CITO + "hasCitedEntity")
