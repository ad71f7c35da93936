"""What every query backend answers, embedded (api/executor.py: worker processes over the store
directory) or remote (api/remote_executor.py: a SPARQL 1.1 server over HTTP): the interface the
SPARQL endpoint, the analyst API, the pages and linked data are written against.

A backend implements `_run` (one checked query), `graph`, `graph_exists` and its life cycle;
the checks before a query runs and the typed readings of a result (`select`, `ask`,
`construct_ntriples`) are written once, here.
"""
from __future__ import annotations

import inspect
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from styrgraf.query_errors import QueryError, QueryRefused
from styrgraf.query_text import QueryInfo, analyse_query, refusal_message

NOT_SET: Any = object()      # row_cap not given: the backend's own cap applies

# name -> pyoxigraph format (names travel to the workers; the enums do too, but names are simpler)
RESULTS_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "JSON": ox.QueryResultsFormat.JSON,
    "XML": ox.QueryResultsFormat.XML,
    "CSV": ox.QueryResultsFormat.CSV,
    "TSV": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "TURTLE": ox.RdfFormat.TURTLE,
    "N_TRIPLES": ox.RdfFormat.N_TRIPLES,
    "JSON_LD": ox.RdfFormat.JSON_LD,
    "RDF_XML": ox.RdfFormat.RDF_XML,
    "N_QUADS": ox.RdfFormat.N_QUADS,
}


@dataclass(frozen=True)
class QueryResult:
    kind: str            # "solutions" (SELECT), "boolean" (ASK) or "graph" (CONSTRUCT/DESCRIBE)
    format: str          # a key of RESULTS_FORMATS or GRAPH_FORMATS: how `body` is serialised
    body: bytes
    truncated: bool      # the row cap was applied and reached (rows beyond it were not computed)

    @property
    def media_type(self) -> str:
        if self.kind == "graph":
            return GRAPH_FORMATS[self.format].media_type
        return RESULTS_FORMATS[self.format].media_type


@dataclass(frozen=True)
class SelectResult:
    variables: list[str]
    rows: list[dict[str, str | None]]
    truncated: bool


def checked_query(query: str, results_format: str, graph_format: str, info: QueryInfo | None) -> QueryInfo:
    """The checks every executor makes before a query runs: known formats, and nothing refused
    (SERVICE, too deep nesting...). Returns the query's analysis."""
    if results_format not in RESULTS_FORMATS:
        raise ValueError(f"unknown results format {results_format!r}")
    if graph_format not in GRAPH_FORMATS:
        raise ValueError(f"unknown graph format {graph_format!r}")
    if info is None:
        info = analyse_query(query)
    if info.refused:
        raise QueryRefused(refusal_message(info.refused, update=False))
    return info


# who asks: styrgraf's own pages, lists and dumps, or a client of the SPARQL endpoint
APP, SPARQL = "app", "sparql"


class QueryBackend(ABC):
    """Runs SPARQL queries with a time limit and a row cap; see the module docstring.

    timeout:          seconds a query may take before QueryTimeout
    queue_timeout:    seconds a request may wait for a free worker (or connection) before ExecutorBusy
    row_cap:          maximum rows of a SELECT (triples of a CONSTRUCT/DESCRIBE); None/0 = no cap
                      (max_rows: the same, by the name styrgraf.config.Settings uses)
    union_default_graph: the default graph is the union of all graphs unless the query
                      (FROM) or the request (default_graph/named_graphs) says otherwise
    default_prefixes: prefixes a query may use without declaring them (None: standard SPARQL)
    output_prefixes:  prefixes for Turtle / RDF/XML output of CONSTRUCT/DESCRIBE and graph dumps
    """

    isolated: bool                          # queries cannot harm the serving process (workers, a server)
    workers: int
    stats: dict[str, int]

    def __init__(self, *, timeout: float = 30.0, queue_timeout: float = 10.0, row_cap: int | None = 10_000,
                 max_rows: int | None = None, union_default_graph: bool = False,
                 default_prefixes: dict[str, str] | None = None, output_prefixes: dict[str, str] | None = None):
        self.timeout = float(timeout)
        self.queue_timeout = float(queue_timeout)
        self.row_cap = (max_rows if max_rows is not None else row_cap) or None
        self.union_default_graph = union_default_graph
        self.default_prefixes = default_prefixes
        self.output_prefixes = output_prefixes

    async def run(
        self,
        query: str,
        *,
        results_format: str = "JSON",
        graph_format: str = "TURTLE",
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
        row_cap: Any = NOT_SET,
        timeout: float | None = None,
        info: QueryInfo | None = None,
        base_iri: str | None = None,
        lane: str = APP,
    ) -> QueryResult:
        """Run a query; the body is serialised in `results_format` (SELECT/ASK: a key of
        RESULTS_FORMATS) or `graph_format` (CONSTRUCT/DESCRIBE: a key of GRAPH_FORMATS).

        default_graph / named_graphs: the SPARQL Protocol's default-graph-uri /
        named-graph-uri. If either is given the dataset is exactly that (no union).
        base_iri: what relative IRIs in the query are resolved against (None: they are errors).
        lane: APP for the queries styrgraf writes itself (pages, analyst lists, dumps), SPARQL for
        a query a client sent to the endpoint; an executor may keep capacity for the APP lane.

        Raises QueryRefused, QuerySyntaxError, QueryTimeout, ExecutorBusy, WorkerFailed, QueryError.
        """
        info = checked_query(query, results_format, graph_format, info)
        cap = self.row_cap if row_cap is NOT_SET else (row_cap or None)
        return await self._run(query, info, cap, results_format=results_format, graph_format=graph_format,
                               default_graph=default_graph, named_graphs=named_graphs, timeout=timeout,
                               base_iri=base_iri, lane=lane)

    def in_server(self, info: QueryInfo, cap: int | None, default_graph: list[str] | None,
                  named_graphs: list[str] | None) -> bool:
        """Whether the query is answered by the server process itself, on its event loop or its
        threads (a bounded query, styrgraf.bounded_query), rather than where a time limit can stop it."""
        return False

    @abstractmethod
    async def _run(self, query: str, info: QueryInfo, cap: int | None, *, results_format: str, graph_format: str,
                   default_graph: list[str] | None, named_graphs: list[str] | None, timeout: float | None,
                   base_iri: str | None, lane: str = APP) -> QueryResult:
        """One query that passed the checks, `cap` the row cap to apply (None: none)."""

    async def select_result(self, query: str, *, row_cap: Any = NOT_SET,
                            timeout: float | None = None) -> SelectResult:
        """A SELECT's rows as plain values: IRI / literal lexical form / blank-node id, None if unbound."""
        res = await self.run(query, results_format="JSON", row_cap=row_cap, timeout=timeout)
        if res.kind != "solutions":
            raise QueryError(f"expected a SELECT query, got a {res.kind} result")
        doc = json.loads(res.body)
        variables = doc["head"].get("vars", [])
        rows = []
        for b in doc["results"]["bindings"]:
            row: dict[str, str | None] = {}
            for v in variables:
                term = b.get(v)
                if term is None:
                    row[v] = None
                else:
                    value = term.get("value")
                    row[v] = value if isinstance(value, str) else json.dumps(value)
            rows.append(row)
        return SelectResult(variables, rows, res.truncated)

    async def select(self, query: str, *, row_cap: Any = NOT_SET,
                     timeout: float | None = None) -> list[dict[str, str | None]]:
        """A SELECT's rows as dicts variable -> value (str) or None when unbound."""
        return (await self.select_result(query, row_cap=row_cap, timeout=timeout)).rows

    async def ask(self, query: str, *, timeout: float | None = None) -> bool:
        res = await self.run(query, results_format="JSON", timeout=timeout)
        if res.kind != "boolean":
            raise QueryError(f"expected an ASK query, got a {res.kind} result")
        return bool(json.loads(res.body)["boolean"])

    async def construct_ntriples(self, query: str, *, row_cap: Any = NOT_SET,
                                 timeout: float | None = None) -> bytes:
        """A CONSTRUCT/DESCRIBE result as N-Triples bytes (capped at row_cap triples)."""
        res = await self.run(query, graph_format="N_TRIPLES", row_cap=row_cap, timeout=timeout)
        if res.kind != "graph":
            raise QueryError(f"expected a CONSTRUCT or DESCRIBE query, got a {res.kind} result")
        return res.body

    @abstractmethod
    async def graph(self, graph: str | None, graph_format: str = "TURTLE",
                    timeout: float | None = None) -> bytes | None:
        """One graph of the store serialised (graph=None: the store's real default graph),
        or None if that named graph does not exist. Not capped."""

    @abstractmethod
    async def graph_exists(self, graph: str, timeout: float | None = None) -> bool:
        """Whether the store has this named graph."""

    @abstractmethod
    def start(self, wait: bool = False) -> None:
        """Get ready to answer (workers forked; `wait`: before returning)."""

    @abstractmethod
    def close(self) -> None:
        """Stop answering; queries in flight fail."""

    @abstractmethod
    async def aclose(self) -> None:
        """close(), from inside the event loop."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# the keyword options every backend takes (QueryBackend.__init__)
BACKEND_OPTIONS = frozenset(inspect.signature(QueryBackend.__init__).parameters) - {"self"}
