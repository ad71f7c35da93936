"""The ways a query can fail, the same for the embedded and the remote store; the API maps each
to one HTTP answer (api/problems.py)."""
from __future__ import annotations


class QueryError(Exception):
    """A query could not be answered (base class)."""


class QuerySyntaxError(QueryError):
    """The engine's parser rejected the query; the message is the parser's."""


class QueryRefused(QueryError):
    """The query uses a feature that is refused here (SERVICE, LOAD)."""


class QueryTimeout(QueryError):
    def __init__(self, limit: float):
        self.limit = limit
        super().__init__(f"query exceeded the time limit of {limit:g} s")


class QueryMemoryLimit(QueryTimeout):
    """The query's worker reached its memory ceiling and was killed. A QueryTimeout, so that it is
    answered as one (503) wherever a time-out is."""

    def __init__(self, limit_bytes: int):
        QueryError.__init__(self, f"query exceeded the memory limit of {limit_bytes / 2**20:.0f} MiB per "
                                  "query worker")
        self.limit = limit_bytes


class ExecutorBusy(QueryError):
    def __init__(self, waited: float, workers: int):
        self.waited = waited
        super().__init__(f"all {workers} query workers stayed busy for {waited:g} s; try again later")


class WorkerFailed(QueryError):
    """A worker died, could not start, or the engine failed while reading the store."""
