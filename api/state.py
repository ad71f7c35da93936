"""What the routers read from the application's shared state: the type they are written against.
api/app.py's AppState is the one the server runs with; tests hand the routers smaller objects of
the same shape."""
from __future__ import annotations

from typing import Protocol

from .query_backend import QueryBackend


class ServerState(Protocol):
    executor: QueryBackend       # every read goes through it
    base: str                    # the namespace of the identifiers (styrgraf.vocab.NAMESPACE unless migrated)
    sparql_url_path: str         # where the SPARQL endpoint answers

    def write(self, update: str, *, base_iri: str | None = None, graphs: set[str | None] | None = None) -> None:
        """Apply one SPARQL Update atomically and record it in the change feed."""
