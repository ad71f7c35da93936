"""Every named query's answer over one executor (embedded or remote), for comparing stores.

Used by the remote-store tests and bench/remote_bench.py. Required parameters get instance
IRIs of the kind the query is about (pick_iris) or the first body name / policy title found.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from styrgraf.query_errors import QueryTimeout
from styrgraf.api.named_queries import registry
from styrgraf.iris import ID_SEGMENT

BASE = "https://w3id.org/styrgraf/"
TIMED_OUT = "timed out"
MAX_BOUND_IRIS = 400
PARAM_QUERIES = {
    "iri": f"SELECT DISTINCT ?v WHERE {{ GRAPH ?g {{ ?v a ?t }} FILTER(STRSTARTS(STR(?v), \"{BASE}id/\")) }}",
    "label": "SELECT (MIN(STR(?l)) AS ?v) WHERE { GRAPH ?g { ?b a <https://w3id.org/styrgraf/ns#Body> ; "
             "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l } }",
    "title": "SELECT (MIN(STR(?t)) AS ?v) WHERE { GRAPH ?g { ?p a <https://w3id.org/styrgraf/ns#Policy> ; "
             "<http://purl.org/dc/terms/title> ?t } }",
}


def pick_iris(iris: list[str], query_name: str) -> list[str]:
    """At most MAX_BOUND_IRIS instance IRIs for a query's iri* parameter, of the kind it is about
    (a query text of thousands of IRIs would hit the executor's query size limit)."""
    if query_name.startswith("meeting-"):
        segments = ("meeting",)
    elif query_name == "consultation-responses":
        segments = ("consultation",)
    elif query_name.startswith("assignment-"):
        segments = ("assignment",)
    elif query_name == "evidence":
        segments = ("assignment", "consultation", "responsibility", "goal", "policy")
    else:
        collection = query_name.removesuffix("-values")
        segments = (ID_SEGMENT.get(collection, collection.rstrip("s")),)
    chosen = [i for i in iris if any(f"/id/{s}/" in i for s in segments)] or iris
    step = max(1, -(-len(chosen) // MAX_BOUND_IRIS))
    return chosen[::step]


async def named_answers(executor, only: set[str] | None = None, *,
                        log: Callable[[str], None] | None = None) -> dict[str, tuple[list[str], list[tuple]] | str]:
    """Every named query's (variables, rows), or TIMED_OUT."""
    values = {}
    for key, text in PARAM_QUERIES.items():
        rows = await executor.select(text, row_cap=None)
        values[key] = sorted(r["v"] for r in rows if r["v"])
    out: dict = {}
    for name, nq in registry().items():
        if only is not None and name not in only:
            continue
        params = {p.name: (pick_iris(values["iri"], name) if p.many else pick_iris(values["iri"], name)[0])
                  if p.type == "iri" else (values.get(p.name) or ["x"])[0] for p in nq.params if p.required}
        t0 = time.perf_counter()
        try:
            res = await executor.select_result(nq.bind(params), row_cap=None)
        except QueryTimeout:
            out[name] = TIMED_OUT
            log and log(f"  {name}: timed out")
            continue
        out[name] = (list(res.variables), [tuple(row[v] for v in res.variables) for row in res.rows])
        log and log(f"  {name}: {len(res.rows)} rows, {time.perf_counter() - t0:.2f} s")
    return out
