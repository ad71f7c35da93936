"""Where the data lives, as the server meets it: a store directory on this machine (embedded)
or a SPARQL 1.1 server (remote). Each gives the query backend, a read handle for dumps and the
text index, and the one way a write reaches it; the application (api/app.py) holds one of them
and does not ask which."""
from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import Any

from styrgraf import merge
from styrgraf.config import Settings
from styrgraf.remote import RemoteConfig, RemoteStore, with_prologue
from styrgraf.store import Store, StoreError, current_generation

from .executor import QueryExecutor
from .query_backend import QueryBackend
from .remote_executor import RemoteExecutor

# (the store written, the write itself, what makes it durable or None): api/app.py runs the
# write between the change feed and the text index (AppState._apply_followed)
Followed = Callable[..., None]


class StoreBackend(ABC):
    executor: QueryBackend
    store_path: Path | None            # the store directory (None: a server holds the data)
    rebuilds_search: bool              # others' writes leave no marker here: rebuild the text index at start
    warms_lists: bool                  # the analyst lists are worth computing before the first request

    @abstractmethod
    def reader(self, fresh: bool = False) -> Store | RemoteStore:
        """A read handle that sees every write made before the call (`fresh`: a new one)."""

    @abstractmethod
    def apply(self, update: str, base_iri: str | None, graphs: set[str | None] | None, followed: Followed) -> None:
        """Apply one SPARQL Update, keeping the default graph the merge of the named graphs
        (`graphs`: the graphs it writes), through `followed(store, write, flush)`."""

    def close(self) -> None:
        self.executor.close()


class EmbeddedBackend(StoreBackend):
    """A store directory: query workers read it, one writer at a time writes it."""

    rebuilds_search = False
    warms_lists = True

    def __init__(self, settings: Settings):
        self.store_path = Path(settings.store)
        self.executor = QueryExecutor(self.store_path, workers=settings.query_workers,
                                      app_workers=settings.app_query_workers, timeout=settings.timeout,
                                      max_rows=settings.max_rows, worker_memory=settings.worker_memory_limit,
                                      bounded_threads=settings.bounded_threads)
        self._reader: Store | None = None
        self._reader_generation: Any = None
        self._lock = threading.Lock()

    def reader(self, fresh: bool = False) -> Store:
        """Reopened when the store has changed since it was opened (or when `fresh`). Opening runs
        outside the lock (it may wait for a writer, see styrgraf.store.open_read_only); if it
        fails, the previous handle (older, but whole) serves."""
        gen = current_generation(self.store_path)              # read before opening
        with self._lock:
            if self._reader is not None and gen == self._reader_generation and not fresh:
                return self._reader
        try:
            store = Store(self.store_path, read_only=True)
        except (StoreError, RuntimeError):
            if self._reader is None:
                raise
            return self._reader
        with self._lock:
            self._reader, self._reader_generation = store, gen
            return store

    def apply(self, update: str, base_iri: str | None, graphs: set[str | None] | None, followed: Followed) -> None:
        store = Store(self.store_path)
        try:
            followed(store, lambda: store.ox.update(merge.around(update, graphs), base_iri=base_iri), store.flush)
        finally:
            store.close()     # a failed update must not keep the store's lock until GC runs


class RemoteBackend(StoreBackend):
    """A SPARQL 1.1 server: queries are passed to it (it enforces its own limits too), writes go
    to its update endpoint; there is no generation marker."""

    store_path = None
    rebuilds_search = True
    warms_lists = False

    def __init__(self, settings: Settings):
        config = RemoteConfig.from_env(str(settings.store), settings.update_endpoint)
        self.executor = RemoteExecutor(config, workers=settings.query_workers, timeout=settings.timeout,
                                       max_rows=settings.max_rows)
        self._store = RemoteStore(config)

    def reader(self, fresh: bool = False) -> RemoteStore:
        return self._store

    def apply(self, update: str, base_iri: str | None, graphs: set[str | None] | None, followed: Followed) -> None:
        remote = self._store
        text = with_prologue(update, base_iri=base_iri)
        followed(remote, lambda: remote.update(merge.around(text, graphs) if remote.merged else text), None)

    def close(self) -> None:
        super().close()
        self._store.close()


def open_backend(settings: Settings) -> StoreBackend:
    return RemoteBackend(settings) if settings.remote else EmbeddedBackend(settings)
