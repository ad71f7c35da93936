"""How a failed query is answered over HTTP, in one place: its status, the X-Styrgraf-Error code
that says which failure it was, its message, and whether the client should try again. The SPARQL
endpoint answers in plain text, the analyst API as a JSON problem, and the outermost layer
(api/security.py) uses the same table for a query error a route let through."""
from __future__ import annotations

from dataclasses import dataclass

from styrgraf.query_errors import (ExecutorBusy, QueryError, QueryMemoryLimit, QueryRefused, QuerySyntaxError,
                                   QueryTimeout, WorkerFailed)

ERROR_HEADER = "X-Styrgraf-Error"
RETRY_AFTER = "5"      # seconds a client waits before it asks again after a 503


@dataclass(frozen=True)
class QueryProblem:
    status: int
    code: str          # the X-Styrgraf-Error value
    message: str
    retry: bool        # 503: the same request may succeed later

    @property
    def headers(self) -> dict[str, str]:
        return {ERROR_HEADER: self.code, **({"Retry-After": RETRY_AFTER} if self.retry else {})}


def query_problem(e: QueryError) -> QueryProblem:
    """The answer to a query that failed with `e`."""
    if isinstance(e, QueryMemoryLimit):
        return QueryProblem(503, "memory", str(e), True)
    if isinstance(e, QueryTimeout):
        return QueryProblem(503, "timeout", str(e), True)
    if isinstance(e, ExecutorBusy):
        return QueryProblem(503, "busy", str(e), True)
    if isinstance(e, QuerySyntaxError):
        return QueryProblem(400, "syntax", f"malformed query: {e}", False)
    if isinstance(e, QueryRefused):
        return QueryProblem(400, "refused", str(e), False)
    if isinstance(e, WorkerFailed):
        # the store could not be read (or its worker died): a fault here, which the log explains
        return QueryProblem(500, "worker", str(e), False)
    return QueryProblem(400, "evaluation", f"query evaluation failed: {e}", False)
