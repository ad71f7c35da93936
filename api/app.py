"""The styrgraf web application: SPARQL endpoint, analyst API, linked data, pages."""
from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from styrgraf import __version__
from styrgraf.config import Settings
from styrgraf.remote import RemoteStore
from styrgraf.resources import ONTOLOGY_DIR
from styrgraf.search import Follower, SearchIndex
from styrgraf.store import Store, current_generation, store_bytes

from .analyst import Analyst, analyst_router
from .changes import apply_and_record, written_graphs
from .linked_data import linked_data_router
from .named_queries import PATTERN_MEANING
from .pages import PAGE_SIZE, pages_router
from .security import install_security
from .sparql import add_cors, sparql_router
from .sparql_fast_path import SparqlFastPath
from .stores import open_backend


class _QueueWriter:
    """A file-like object that hands written bytes to a queue (for streamed dumps)."""

    def __init__(self, q: queue.Queue):
        self.q = q

    def write(self, data: bytes) -> int:
        self.q.put(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def stream_dump(store: Store | RemoteStore, fmt: str, graph: str | None) -> Iterator[bytes]:
    """Serialise in a thread, hand the chunks over a bounded queue; a failure is raised, so the
    response is cut off visibly rather than ending as if it were complete."""
    q: queue.Queue = queue.Queue(maxsize=64)

    def run() -> None:
        try:
            store.dump(_QueueWriter(q), fmt, graph)
            q.put(None)
        except Exception as e:  # noqa: BLE001 - handed to the reading side
            q.put(e)

    threading.Thread(target=run, daemon=True).start()
    while (chunk := q.get()) is not None:
        if isinstance(chunk, Exception):
            raise chunk
        yield chunk


class AppState:
    """What the routers share: the executor for queries, a read handle for dumps, writes."""

    sparql_url_path = "/sparql"

    def __init__(self, settings: Settings):
        self.settings = settings
        self.base = settings.base
        self.update_token = settings.update_token
        self.backend = open_backend(settings)
        self.executor = self.backend.executor
        self.store_path = self.backend.store_path
        self.search: SearchIndex | None = None
        self._search_thread: threading.Thread | None = None
        self.quads_counted: tuple[Any, int] = (None, 0)       # (store generation, quads) of the last /health
        docs = ONTOLOGY_DIR / "doc" / "index.html"     # built by `make install` (pyLODE)
        self.ontology_html: str | None = docs.read_text(encoding="utf-8") if docs.exists() else None

    # ------------------------------------------------------------ reading
    def reader(self, fresh: bool = False) -> Store | RemoteStore:
        return self.backend.reader(fresh)

    def open_dump(self, fmt: str, graph: str | None) -> Iterator[bytes] | None:
        """The engine's serialisation of the store (or of one graph: None if the store has no
        such graph), streamed from the same handle that found the graph, so a document being
        ingested meanwhile is dumped whole or not at all. A handle that an ingest made stale
        (its files compacted away) is replaced once."""
        store = self.reader()
        try:
            present = graph is None or store.has_graph(graph)
        except (RuntimeError, OSError):
            store = self.reader(fresh=True)
            present = graph is None or store.has_graph(graph)
        return stream_dump(store, fmt, graph) if present else None

    # ------------------------------------------------------------ the text index
    def open_search(self) -> None:
        """The text index (styrgraf/search.py), made current before the server answers: rebuilt
        when it is missing or behind the store's marker, and always for a SPARQL server (whose
        writes by others leave no marker to compare). Without one, search runs as SPARQL.

        A rebuild reads the whole store (473 s at 10 M quads), so for a store larger than
        Settings.read_before_start it runs after the server answers, as the check for damage does
        (styrgraf.cli.BackgroundRead): an index with complete rows answers from them meanwhile (as
        after a write it missed, `search_index`); a missing or unfinished one is not asked until
        its rebuild commits, and searches and lists run as SPARQL."""
        if os.environ.get("STYRGRAF_SEARCH_INDEX", "on").lower() in ("off", "0", "no"):
            return            # the SPARQL text filters only (benchmarks compare the two)
        store = self.reader()
        index = SearchIndex.of(store)
        if index is None:
            return
        if (not self.backend.rebuilds_search and self.store_path is not None
                and store_bytes(self.store_path) > self.settings.read_before_start and index.stale()):
            if index.complete():
                self.search = index
                self.search_index()           # starts the rebuild
            else:
                self._search_thread = threading.Thread(target=self._first_build, args=(index,), daemon=True)
                self._search_thread.start()
            return
        try:
            if self.backend.rebuilds_search:
                index.rebuild(store)
            else:
                index.ensure(store)
        except Exception as e:  # noqa: BLE001 - a read-only directory, a full disk: search by SPARQL
            logging.getLogger("styrgraf.search").warning("no search index (%s): search runs as SPARQL", e)
            return
        self.search = index

    def _first_build(self, index: SearchIndex) -> None:
        """Build an index that has no complete rows, and use it once it has."""
        try:
            index.rebuild(self.reader(fresh=True))
        except Exception as e:  # noqa: BLE001 - as in open_search: search runs as SPARQL
            logging.getLogger("styrgraf.search").warning("no search index (%s): search runs as SPARQL", e)
            return
        self.search = index

    def search_index(self) -> SearchIndex | None:
        """The index for one search. One that fell behind while the server runs (a write that did
        not follow it, a writer that died) is rebuilt in the background; until then the old rows
        answer: the lists read every item they show from the store, so nothing gone is shown."""
        index = self.search
        if index is None:
            return None
        if index.stale() and not (self._search_thread and self._search_thread.is_alive()):
            def rebuild() -> None:
                try:
                    index.rebuild(self.reader(fresh=True))
                except Exception as e:  # noqa: BLE001
                    logging.getLogger("styrgraf.search").warning("search index rebuild failed: %s", e)
            self._search_thread = threading.Thread(target=rebuild, daemon=True)
            self._search_thread.start()
        return index if index.path.exists() else None

    # ------------------------------------------------------------ writing
    def write(self, update: str, *, base_iri: str | None = None,
              graphs: set[str | None] | None = None) -> None:
        """Apply one SPARQL Update atomically (relative IRIs resolved against `base_iri`) and
        record the graphs it changed in the change feed (`graphs`: the ones it writes, if known;
        api/changes.py); the store bumps its generation so readers see it."""
        # in the same request, what keeps the default graph the merge of the named graphs
        targets = graphs if graphs is not None else written_graphs(update)
        self.backend.apply(update, base_iri, targets,
                           lambda store, apply, flush: self._apply_followed(store, apply, update, targets, flush))

    def _apply_followed(self, store: Any, apply: Callable[[], None], update: str, graphs: set[str | None] | None,
                        flush: Callable[[], None] | None = None) -> None:
        """`apply_and_record`, with the text index re-reading every graph the update changed after the
        store wrote it (and, for a local store, after it was flushed)."""
        index = Follower(store, self.search)
        index.start()
        try:
            changed = apply_and_record(store, apply, update, self.base, graphs)
        except BaseException:
            index.abandon()       # what the store holds now is not known (the update may be applied without its
            raise                 # record): the index is rebuilt on the next search
        index.graphs(changed)
        if flush is not None:
            flush()
        index.done()


class _App(FastAPI):
    """FastAPI, with the fast path of /sparql (api/sparql_fast_path.py) outside every layer, its own
    error and telemetry layers too: bounded queries answered with the same bytes, without them."""

    def build_middleware_stack(self):
        return SparqlFastPath(super().build_middleware_stack(), state=self.state.styrgraf,
                              limits=self.state.security_limits)


def create_app(settings: Settings) -> FastAPI:
    state = AppState(settings)
    state.open_search()

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        if state.backend.warms_lists:
            try:
                await Analyst(state).warm(PAGE_SIZE, settings.query_workers)
            except Exception as e:  # noqa: BLE001 - a slow or failing list must not keep the server from starting
                logging.getLogger("styrgraf").warning("lists not warmed: %s", e)
        yield
        state.backend.close()

    # /docs is the pages' own (api/pages.py): Swagger UI from the front-end build, not FastAPI's from a CDN;
    # no /redoc, which could only load ReDoc from a CDN (a blank page offline)
    app = _App(title="styrgraf", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="A knowledge graph of Swedish public-sector governance: a SPARQL 1.1 endpoint, "
                              "an analyst JSON API backed by named SPARQL queries, and linked data.")
    app.state.styrgraf = state
    add_cors(app)
    install_security(app, settings)      # size limits, UTF-8 checks, security headers, no tracebacks

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError):
        """422 as FastAPI gives it, but a value that misses a pattern is told what is expected, in words."""
        errors = []
        for e in exc.errors():
            e = dict(e)
            meaning = PATTERN_MEANING.get((e.get("ctx") or {}).get("pattern"))
            if e.get("type") == "string_pattern_mismatch" and meaning:
                e["msg"] = f"expected {meaning}"
                e.pop("ctx", None)
            errors.append(e)
        return JSONResponse(status_code=422, content={"detail": jsonable_encoder(errors)})

    @app.get("/health", summary="Liveness and store size")
    async def health():
        # counting reads every quad (seconds at 10 M): once per store generation, not once per probe
        gen = current_generation(state.store_path) if state.store_path is not None else None
        if gen is None or state.quads_counted[0] != gen:
            rows = await state.executor.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
            state.quads_counted = (gen, int(rows[0]["n"]) if rows else 0)
        return JSONResponse({"status": "ok", "version": __version__, "quads": state.quads_counted[1]})

    app.include_router(sparql_router(state))
    app.include_router(analyst_router(state))
    app.include_router(pages_router(state))      # pages for people, /static
    app.include_router(linked_data_router(state))

    return app
