"""Bounded queries (styrgraf.bounded_query) answered by the server process itself, over HTTP: the
same bytes and headers as through a worker, a write seen at once, and the heavy queries still
in workers under the time limit and the memory ceiling."""
from __future__ import annotations

import concurrent.futures
import shutil
import time

import httpx
import pytest

from server import served_process
from test_hostile_queries import CARTESIAN
from test_limits import GROUPED_CROSS_PRODUCT, ORDER_BY_CROSS_PRODUCT

BASE = "https://w3id.org/styrgraf/"
AMN = BASE + "id/org/stockholms-stad/arbetsmarknadsnamnden"
SKOS = "http://www.w3.org/2004/02/skos/core#"
TOKEN = "bounded-test-token-8d2e"
ROW_CAP = 20                      # below the triples of AMN: the truncation report is compared too
TIMEOUT = 5.0
CEILING_MIB = 300
VARYING = {"date", "x-request-id"}

RESULTS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
           "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPHS = {"turtle": "text/turtle", "ntriples": "application/n-triples"}
SAME = [
    (f"SELECT ?p ?o WHERE {{ <{AMN}> ?p ?o }}", RESULTS),                      # truncated at ROW_CAP
    (f"SELECT ?l WHERE {{ <{AMN}> <{SKOS}prefLabel> ?l }}", RESULTS),
    (f"SELECT ?s ?p WHERE {{ ?s ?p <{AMN}> }} LIMIT 5", RESULTS),
    (f"SELECT ?p ?o WHERE {{ <{AMN}> ?p ?o }} LIMIT 3 OFFSET 2", RESULTS),
    (f"ASK {{ <{AMN}> ?p ?o }}", {"json": RESULTS["json"], "xml": RESULTS["xml"]}),
    (f"ASK {{ <{AMN}> <urn:x:nothing> ?o }}", {"json": RESULTS["json"]}),
    (f"CONSTRUCT WHERE {{ <{AMN}> ?p ?o }}", GRAPHS),
    (f"CONSTRUCT {{ <{AMN}> ?p ?o }} WHERE {{ <{AMN}> ?p ?o }} LIMIT 4", GRAPHS),
    (f"DESCRIBE <{AMN}>", GRAPHS),
    (f"SELECT * WHERE {{ <urn:x:no-such-thing> ?p ?o }}", {"json": RESULTS["json"]}),
    (f"SELECT * WHERE {{ <{AMN}> ?p ?o ", {"json": RESULTS["json"]}),          # a syntax error: 400
]


@pytest.fixture(scope="module")
def servers(corpus_store_copy, tmp_path_factory):
    """(in-server, workers-only): two servers over copies of the same store, one worker each; the
    first answers bounded queries itself, the second sends every query to its worker."""
    other = tmp_path_factory.mktemp("workers-only") / "store"
    shutil.copytree(corpus_store_copy, other)
    common = ("--query-workers", "1", "--max-rows", str(ROW_CAP), "--timeout", str(TIMEOUT))
    log = tmp_path_factory.mktemp("bounded") / "server.log"
    with served_process(corpus_store_copy, *common, "--worker-memory", f"{CEILING_MIB}M",
                        env={"STYRGRAF_UPDATE_TOKEN": TOKEN}, log=log) as (bounded, _proc, _log), \
            served_process(other, *common, "--bounded-threads", "0") as (workers, _proc2, _log2):
        yield bounded, workers


def ask(client: httpx.Client, query: str, accept: str) -> httpx.Response:
    return client.post("/sparql", data={"query": query}, headers={"Accept": accept})


@pytest.mark.parametrize("query,formats", SAME, ids=[f"q{i}" for i in range(len(SAME))])
def test_a_bounded_query_is_answered_as_a_worker_answers_it(servers, query, formats):
    """Same status, headers and bytes, first (computed) and second time (from the result cache)."""
    with httpx.Client(base_url=servers[0], timeout=60) as a, httpx.Client(base_url=servers[1], timeout=60) as b:
        for accept in formats.values():
            for _ in range(2):
                ra, rb = ask(a, query, accept), ask(b, query, accept)
                assert ra.status_code == rb.status_code, (query, accept, ra.text[:300], rb.text[:300])
                assert ra.content == rb.content, (query, accept)
                assert {k: v for k, v in ra.headers.items() if k not in VARYING} == \
                    {k: v for k, v in rb.headers.items() if k not in VARYING}, (query, accept)
    if query.startswith("SELECT ?p ?o WHERE") and "LIMIT" not in query:
        assert ra.headers.get("x-styrgraf-truncated") == "true", ra.headers


def test_a_bounded_query_does_not_wait_for_a_worker(servers):
    """The one worker is busy with a query running into the time limit: a bounded query is answered
    meanwhile (by the server itself); the heavy one still gets its 503 at the time limit."""
    point = f"SELECT ?l WHERE {{ <{AMN}> <{SKOS}prefLabel> ?l }} # busy"
    with httpx.Client(base_url=servers[0], timeout=60) as c, concurrent.futures.ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        heavy = pool.submit(ask, c, CARTESIAN, RESULTS["json"])
        time.sleep(0.5)
        for i in range(5):
            r = ask(c, f"{point} {i}", RESULTS["json"])
            assert r.status_code == 200 and r.json()["results"]["bindings"], r.text
        assert not heavy.done() and time.monotonic() - started < TIMEOUT
        r = heavy.result(timeout=60)
        assert r.status_code == 503 and r.headers["x-styrgraf-error"] == "timeout", r.text
        assert f"time limit of {TIMEOUT:g} s" in r.text


def test_a_write_is_seen_by_the_next_bounded_query(servers):
    subject = f"{BASE}id/test/bounded-{time.monotonic_ns()}"
    query = f"SELECT ?o WHERE {{ <{subject}> <urn:x:note> ?o }}"
    ask_query = f"ASK {{ <{subject}> ?p ?o }}"
    with httpx.Client(base_url=servers[0], timeout=60) as c:
        for _ in range(2):                    # computed, then from the cache
            assert ask(c, query, RESULTS["json"]).json()["results"]["bindings"] == []
            assert ask(c, ask_query, RESULTS["json"]).json()["boolean"] is False
        for n in (1, 2):
            r = c.post("/sparql", content=f'INSERT DATA {{ GRAPH <{BASE}graph/bounded-test> '
                                          f'{{ <{subject}> <urn:x:note> "note {n}" }} }}',
                       headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
            assert r.status_code in (200, 204), r.text
            rows = ask(c, query, RESULTS["json"]).json()["results"]["bindings"]
            assert sorted(b["o"]["value"] for b in rows) == [f"note {i}" for i in range(1, n + 1)]
            assert ask(c, ask_query, RESULTS["json"]).json()["boolean"] is True
            r = ask(c, f"DESCRIBE <{subject}>", "application/n-triples")
            assert r.text.count(f"<{subject}>") == n, r.text


@pytest.mark.parametrize("query", [ORDER_BY_CROSS_PRODUCT, GROUPED_CROSS_PRODUCT], ids=["order-by", "group-by"])
def test_heavy_queries_still_go_to_a_worker(servers, query):
    """tests/test_limits.py's attackers: a worker's memory ceiling (or the time limit) stops them."""
    with httpx.Client(base_url=servers[0], timeout=120) as c:
        r = ask(c, query, RESULTS["json"])
        assert r.status_code == 503, (r.status_code, r.text[:300])
        assert r.headers["x-styrgraf-error"] in ("memory", "timeout"), r.headers
        assert f"{CEILING_MIB} MiB" in r.text or f"{TIMEOUT:g} s" in r.text, r.text
        assert ask(c, f"ASK {{ <{AMN}> ?p ?o }}", RESULTS["json"]).json()["boolean"] is True


# ============================================================== the executor itself
def test_the_executor_sends_only_bounded_queries_to_its_own_threads(corpus_store):
    import asyncio

    from styrgraf.api.executor import QueryExecutor
    from styrgraf.query_errors import QuerySyntaxError, QueryTimeout

    point = f"SELECT ?p ?o WHERE {{ <{AMN}> ?p ?o }}"
    with QueryExecutor(corpus_store, workers=1, timeout=2.0, cache_bytes=0) as ex, \
            QueryExecutor(corpus_store, workers=1, cache_bytes=0, bounded_threads=0) as only_workers:
        async def go():
            for fmt in RESULTS:
                ours = await ex.run(point, results_format=fmt.upper(), row_cap=5)
                theirs = await only_workers.run(point, results_format=fmt.upper(), row_cap=5)
                assert ours == theirs and ours.truncated
            assert ex.stats["bounded"] == 4 and only_workers.stats["bounded"] == 0
            with pytest.raises(QuerySyntaxError):
                await ex.run(f"SELECT * WHERE {{ <{AMN}> ?p ?o ")     # bounded? no: not a query
            with pytest.raises(QuerySyntaxError):
                await ex.run("SELECT * WHERE { <relative> ?p ?o }")    # bounded, the engine refuses it
            assert ex.stats["bounded"] == 5
            # a waiter that goes away does not stop the threads
            waiter = asyncio.ensure_future(ex.run(point + " # cancelled"))
            await asyncio.sleep(0)
            waiter.cancel()
            assert (await ex.run(point + " # after")).body
            with pytest.raises(QueryTimeout):                        # still a worker's, with its limit
                await ex.run(CARTESIAN)
            assert ex.stats["killed_timeout"] == 1

        asyncio.run(go())
    assert not list((corpus_store / ".readers").glob(f"{__import__('os').getpid()}-*"))   # checkpoint removed


def test_a_bounded_query_of_a_few_rows_is_answered_on_the_event_loop(corpus_store):
    """With the row cap above the rows the event loop may read, a bounded query is tried on the
    loop and handed whole to a thread when it reaches them: the same answers as a worker's either way."""
    import asyncio

    from styrgraf.api.executor import _LOOP_ROWS, QueryExecutor

    af = BASE + "id/org/arbetsformedlingen"              # more triples than the loop reads
    evidence = "https://w3id.org/styrgraf/ns#Evidence"
    cases = [  # (query, answered on the loop)
        (f"SELECT ?p ?o WHERE {{ <{AMN}> ?p ?o }}", True),
        (f"SELECT ?p ?o WHERE {{ <{af}> ?p ?o }}", False),
        (f"SELECT ?s WHERE {{ ?s a <{evidence}> }} LIMIT {_LOOP_ROWS}", True),
        (f"SELECT ?s WHERE {{ ?s a <{evidence}> }} LIMIT {_LOOP_ROWS + 1}", False),
        (f"SELECT ?s WHERE {{ ?s a <{evidence}> }} LIMIT 3 OFFSET {_LOOP_ROWS + 1}", False),
        (f"SELECT ?s WHERE {{ ?s a <{evidence}> }}", False),
        (f"ASK {{ ?s a <{evidence}> }}", True),
        (f"DESCRIBE <{AMN}>", True),
        (f"DESCRIBE <{af}>", False),
        (f"CONSTRUCT WHERE {{ <{af}> ?p ?o }}", False),
    ]
    with QueryExecutor(corpus_store, workers=1, cache_bytes=0) as ex, \
            QueryExecutor(corpus_store, workers=1, cache_bytes=0, bounded_threads=0) as only_workers:
        handed = []
        to_thread = ex._bounded_threads.run

        def counted(*args):
            handed.append(args)
            return to_thread(*args)

        ex._bounded_threads.run = counted

        async def go():
            await ex.run(f"ASK {{ <{AMN}> ?p ?o }}")     # the first opens the server's handle, on a thread
            for query, on_loop in cases:
                for fmt in ("JSON", "TSV"):
                    handed.clear()
                    ours = await ex.run(query, results_format=fmt, graph_format="N_TRIPLES")
                    theirs = await only_workers.run(query, results_format=fmt, graph_format="N_TRIPLES")
                    assert ours == theirs, (query, fmt)
                    assert len(handed) == (0 if on_loop else 1), (query, fmt)
            assert ex.stats["bounded"] == 1 + 2 * len(cases) and only_workers.stats["bounded"] == 0

        asyncio.run(go())
