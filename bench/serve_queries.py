"""The queries of the serving benchmark, built from the store they will run against.

A `Workload` is a list of query texts sent in rotation; `unique` appends a comment that
differs per request (`# <run>-<thread>-<n>`), so no cache keyed by the query text can
answer it: those workloads measure the uncached path (marked `~` in the tables).

core workloads
    point        one subject's triples by IRI, the same request repeated
    point~       the same shape, rotating over (up to) 20 000 subjects, each request unique
    join         bodies responsible for goals (or tasks) under policies of kind strategi
                 (policy -> goal -> responsibility -> body + label), repeated
    join~        the same join, each request unique (uncached)
    join-body~   a 3-hop join anchored at a body, rotating over bodies, unique: the
                 assignments the body received, of which kind (concept -> notation), from whom
    text~        a case-insensitive REGEX over all preferred labels, unique
    aggregate    instances per class (GROUP BY, COUNT DISTINCT), repeated
    aggregate~   the same aggregate, unique
named workloads
    q:<name>     each queries/*.rq with its default parameters (required IRI parameters get
                 up to 20 IRIs of the matching class, as the analyst API sends a page),
                 repeated as an application would send it
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

PREFIXES = """PREFIX sg: <https://w3id.org/styrgraf/ns#>
PREFIX sgk: <https://w3id.org/styrgraf/kind/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
"""

POINT = "SELECT ?p ?o WHERE { <%s> ?p ?o }"

JOIN = PREFIXES + """SELECT DISTINCT ?body ?label ?policy ?title WHERE {
  ?policy sg:kind <https://w3id.org/styrgraf/kind/policy/strategi> ; dct:title ?title .
  { ?goal sg:underPolicy ?policy . ?resp sg:forGoal ?goal } UNION { ?resp sg:underPolicy ?policy }
  ?resp sg:responsibleBody ?body .
  ?body skos:prefLabel ?label .
}"""

JOIN_BODY = PREFIXES + """SELECT ?assignment ?title ?kind ?issuer_label WHERE {
  ?assignment sg:assignee <%s> ; dct:title ?title ; sg:kind ?k ; sg:issuer ?issuer .
  ?k skos:notation ?kind .
  ?issuer skos:prefLabel ?issuer_label .
}"""

TEXT = PREFIXES + """SELECT ?s ?label WHERE {
  ?s skos:prefLabel ?label .
  FILTER(REGEX(?label, "nämnd|styrelse|förvaltning", "i"))
}"""

AGGREGATE = """SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class }
GROUP BY ?class ORDER BY DESC(?n)"""

# class of the IRIs a named query's required `iri` parameter takes, by the query name's first word
_CLASS_OF = {
    "assignment": "sg:Assignment", "assignments": "sg:Assignment", "bodies": "sg:Body",
    "consultation": "sg:Consultation", "consultations": "sg:Consultation",
    "documents": "sg:Document", "goals": "sg:Goal", "laws": "sg:Law", "meeting": "sg:Meeting",
    "meetings": "sg:Meeting", "policies": "sg:Policy", "responsibilities": "sg:Responsibility",
}
PAGE = 20


@dataclass(frozen=True)
class Workload:
    name: str
    group: str               # "core" or "named"
    queries: tuple[str, ...]
    unique: bool             # every request differs (uncached)
    description: str = ""


def _iris(store: ox.Store, query: str, limit: int | None = None) -> list[str]:
    rows = store.query(PREFIXES + query)       # the default graph: the merge of the graphs (styrgraf.merge)
    out = [r[0].value for r in rows if isinstance(r[0], ox.NamedNode)]
    return out[:limit] if limit else out


def core_workloads(store: ox.Store, rotate: int = 20_000, seed: int = 7) -> list[Workload]:
    rng = random.Random(seed)
    subjects = _iris(store, "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }")
    subjects.sort()
    rng.shuffle(subjects)
    subjects = subjects[:rotate]
    bodies = _iris(store, "SELECT DISTINCT ?b WHERE { ?b a sg:Body }")
    bodies.sort()
    assignees = set(_iris(store, "SELECT DISTINCT ?b WHERE { ?a sg:assignee ?b }"))
    # bodies that received assignments first (those joins return rows), then the others
    rng.shuffle(bodies)
    bodies.sort(key=lambda b: b not in assignees)
    fixed = sorted(bodies)[0] if bodies else subjects[0]
    return [
        Workload("point", "core", (POINT % fixed,), False, "one subject's triples, repeated"),
        Workload("point~", "core", tuple(POINT % s for s in subjects), True,
                 f"one subject's triples, rotating over {len(subjects)} subjects, uncached"),
        Workload("join", "core", (JOIN,), False, "3-hop join (policy kind strategi), repeated"),
        Workload("join~", "core", (JOIN,), True, "3-hop join (policy kind strategi), uncached"),
        Workload("join-body~", "core", tuple(JOIN_BODY % b for b in bodies[:rotate]), True,
                 f"3-hop join anchored at a body, rotating over {len(bodies[:rotate])} bodies, uncached"),
        Workload("text~", "core", (TEXT,), True, "REGEX over all preferred labels, uncached"),
        Workload("aggregate", "core", (AGGREGATE,), False, "instances per class (GROUP BY), repeated"),
        Workload("aggregate~", "core", (AGGREGATE,), True, "instances per class (GROUP BY), uncached"),
    ]


def named_workloads(store: ox.Store, names: list[str] | None = None, queries: dict | None = None) -> list[Workload]:
    """A workload per named query (`queries`: another set of them, e.g. an older revision's,
    from api.named_queries.load_queries; default the current ones)."""
    from styrgraf.api.named_queries import registry
    out = []
    cache: dict[str, list[str]] = {}
    for name, nq in sorted((queries if queries is not None else registry()).items()):
        if names and name not in names:
            continue
        values: dict = {}
        for p in nq.params:
            if not p.required:
                continue
            if p.type == "iri":
                cls = _CLASS_OF.get(name.split("-")[0])
                pattern = f"?x a {cls}" if cls else "?x sg:evidence ?e"
                if pattern not in cache:
                    cache[pattern] = sorted(_iris(store, f"SELECT DISTINCT ?x WHERE {{ {pattern} }}"))[:PAGE]
                iris = cache[pattern] or ["https://example.org/none"]
                values[p.name] = iris if p.many else iris[0]
            elif p.type == "string":
                values[p.name] = ["kommun"] if p.many else "kommun"
            else:
                values = None            # a required date/number: no sensible default here
                break
        if values is None:
            continue
        out.append(Workload(f"q:{name}", "named", (nq.bind(values),), False, nq.title))
    return out


def open_store(path: Path) -> ox.Store:
    return ox.Store.read_only(str(path))
