"""Mixed read load against `styrgraf serve` while an ingest writes into the same store.

    .venv/bin/python bench/load_bench.py                       # 60 s each with 2 and 8 clients
    .venv/bin/python bench/load_bench.py --seconds 20 --clients 4
    .venv/bin/python bench/load_bench.py --no-ingest          # the same load without writes
    .venv/bin/python bench/load_bench.py --base-store BASE --corpus DIR --json out.json   # a copy of BASE served, DIR written

A fresh store gets the bundled corpus (examples/corpus); `styrgraf serve` runs on it and
`styrgraf ingest ../shared/corpus-regeringen --store SAME_DIR` starts in the background
(the store has one writer process; the server and its query workers read). Then, for each
client count in turn, that many clients send light requests of mixed kinds for the given
time: SPARQL point lookups, joins, graph listings and per-graph counts, /api/v1 lists and
details, /id pages (HTML and Turtle) and per-document N-Quads dumps. Finally the ingest is
stopped and every document graph a client saw (in a count or a dump) is compared with its
complete triple count in the final store: a reader must never see half a document.

Prints p50/p99 latency per request kind, the number of 5xx answers and of partial
documents seen. tests/test_load.py runs the same, shorter.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
REGERINGEN = ROOT.parent / "shared" / "corpus-regeringen"
from styrgraf.vocab import NAMESPACE as BASE  # of the store's IRIs
SG = "https://w3id.org/styrgraf/ns#"
AMN = BASE + "id/org/stockholms-stad/arbetsmarknadsnamnden"
CLI = [sys.executable, "-m", "styrgraf.cli"]
sys.path.insert(0, str(ROOT / "tests"))
from server import served_process  # noqa: E402  (the tests' way of starting styrgraf serve)


# ============================================================== processes
def prepare_store(store: Path, corpus: Path = CORPUS) -> None:
    """A store holding the bundled corpus (through the real CLI)."""
    subprocess.run([*CLI, "ingest", str(corpus), "--store", str(store)], check=True,
                   capture_output=True)


class Ingest:
    """`styrgraf ingest CORPUS --store STORE` in the background; its output goes to a file."""

    def __init__(self, store: Path, corpus: Path, log: Path):
        self.store, self.corpus, self.log = store, corpus, log
        self.passes = 0
        self.proc = self._start([])

    def _start(self, extra: list[str]) -> subprocess.Popen:
        self.passes += 1
        with open(self.log, "ab") as out:
            return subprocess.Popen([*CLI, "ingest", str(self.corpus), "--store", str(self.store), *extra],
                                    stdout=out, stderr=subprocess.STDOUT)

    def keep_writing(self) -> None:
        """When the ingest is done, start it again with --force: every document is written
        again (each graph replaced in one update, with the same triples), so the store keeps
        being written for as long as the clients read."""
        if self.proc.poll() is not None:
            self.proc = self._start(["--force"])

    def stored_files(self) -> list[str]:
        """Files whose document graph has been written so far (the lines it printed)."""
        try:
            text = self.log.read_text(errors="replace")
        except FileNotFoundError:
            return []
        return [line[len("stored"):].strip().split(": ", 1)[0] for line in text.splitlines()
                if line.startswith("stored ") and ": " in line]

    def stored(self) -> int:
        return len(self.stored_files())

    def stored_graphs(self) -> list[str]:
        from styrgraf.iris import doc_id as file_doc_id

        return [f"{BASE}graph/{file_doc_id(Path(f).name)}" for f in self.stored_files()]

    def wait_until_writing(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while self.stored() == 0:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the ingest ended early: {self.log.read_text(errors='replace')[-2000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError("the ingest wrote nothing within the time allowed")
            time.sleep(0.2)

    @property
    def running(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()       # each document is one atomic update: stopping is safe
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def final_counts(store: Path) -> dict[str, int]:
    """Triples per document graph in the store as it is now (opened read-only)."""
    import pyoxigraph as ox

    st = ox.Store.read_only(str(store))
    rows = st.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {r["g"].value: int(r["n"].value) for r in rows if is_document_graph(r["g"].value)}


def is_document_graph(g: str) -> bool:
    return g.startswith(BASE + "graph/") and not g.endswith("/_changes") and "/graph/_" not in g


def doc_id(graph: str) -> str:
    return graph[len(BASE + "graph/"):]


# ============================================================== the clients
@dataclass
class Report:
    clients: int
    seconds: float
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    failures: list[str] = field(default_factory=list)          # 5xx, unexpected 4xx, broken connections
    seen: list[tuple[str, int, str]] = field(default_factory=list)   # (graph, triples, how)
    stored_during: int = 0

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    @property
    def server_errors(self) -> int:
        return sum(n for per in self.statuses.values() for s, n in per.items() if s >= 500)

    def summary(self) -> str:
        lines = [f"{self.clients} clients, {self.seconds:g} s: {self.requests} requests "
                 f"({self.requests / self.seconds:.0f}/s), {self.server_errors} 5xx, "
                 f"{len(self.failures)} failures, {self.stored_during} documents stored meanwhile",
                 f"  {'kind':<16}{'n':>7}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}  statuses"]
        for kind in sorted(self.latencies):
            values = self.latencies[kind]
            codes = " ".join(f"{s}:{n}" for s, n in sorted(self.statuses[kind].items()))
            lines.append(f"  {kind:<16}{len(values):>7}{percentile(values, 50) * 1000:>10.1f}"
                         f"{percentile(values, 99) * 1000:>10.1f}{max(values) * 1000:>10.1f}  {codes}")
        return "\n".join(lines)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


class Known:
    """Document graphs the clients have seen listed (shared, grows as the ingest goes on)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.graphs: list[str] = []
        self._set: set[str] = set()

    def add(self, graphs) -> None:
        with self.lock:
            for g in graphs:
                if g not in self._set and is_document_graph(g):
                    self._set.add(g)
                    self.graphs.append(g)

    def pick(self, rng: random.Random, newest_bias: float = 0.5) -> str | None:
        with self.lock:
            if not self.graphs:
                return None
            if rng.random() < newest_bias:
                return self.graphs[-1 - rng.randrange(min(5, len(self.graphs)))]
            return rng.choice(self.graphs)


def sparql_rows(r: httpx.Response) -> list[dict]:
    return json.loads(r.content)["results"]["bindings"]


# kind -> weight; every kind is a light request
KINDS = {
    "sparql-lookup": 14, "sparql-join": 10, "sparql-graphs": 8, "sparql-count": 12,
    "sparql-all-counts": 2, "api-list": 12, "api-detail": 12, "id-page": 10, "id-turtle": 6,
    "dump-document": 10,
}


DOCUMENT_KINDS = {"api-detail", "id-page", "id-turtle", "dump-document"}


def one_request(c: httpx.Client, kind: str, rng: random.Random, known: Known, report: Report,
                lock: threading.Lock) -> None:
    g = known.pick(rng)
    seen: list[tuple[str, int, str]] = []
    t = time.monotonic()
    if kind == "sparql-lookup":
        iri = AMN if g is None or rng.random() < 0.3 else BASE + "id/doc/" + doc_id(g)
        r = c.get("/sparql", params={"query": f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }} LIMIT 200"})
    elif kind == "sparql-join":
        r = c.get("/sparql", params={"query": (
            "SELECT ?x ?quote ?title WHERE { ?x <%sevidence> ?ev . ?ev <%squote> ?quote ; "
            "<http://www.w3.org/ns/prov#wasDerivedFrom> ?doc . ?doc <http://purl.org/dc/terms/title> ?title } "
            "LIMIT 50 OFFSET %d" % (SG, SG, rng.randrange(0, 200)))})
    elif kind == "sparql-graphs":
        r = c.post("/sparql", data={"query": f"SELECT ?g WHERE {{ GRAPH ?g {{ ?d <{SG}sha256> ?sha }} }}"})
        if r.status_code == 200:
            known.add(b["g"]["value"] for b in sparql_rows(r))
    elif kind == "sparql-count":
        graphs = {known.pick(rng, newest_bias=0.7) for _ in range(4)} - {None}
        if not graphs:
            graphs = {BASE + "graph/000-c3f731b4bab44c47"}
        values = " ".join(f"<{x}>" for x in graphs)
        r = c.post("/sparql", data={"query": f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
                                             "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"})
        if r.status_code == 200:
            seen = [(b["g"]["value"], int(b["n"]["value"]), "count") for b in sparql_rows(r)]
    elif kind == "sparql-all-counts":      # one snapshot of every graph: catches one being written
        r = c.post("/sparql", data={"query": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"})
        if r.status_code == 200:
            seen = [(b["g"]["value"], int(b["n"]["value"]), "all-counts") for b in sparql_rows(r)
                    if is_document_graph(b["g"]["value"])]
            known.add(x[0] for x in seen)
    elif kind == "api-list":
        collection = rng.choice(["bodies", "documents", "assignments", "policies", "consultations"])
        r = c.get(f"/api/v1/{collection}", params={"limit": 20, "offset": rng.randrange(0, 40)})
    elif kind == "api-detail":
        if g is None or rng.random() < 0.3:
            r = c.get("/api/v1/bodies/stockholms-stad/arbetsmarknadsnamnden")
        else:
            r = c.get(f"/api/v1/documents/{doc_id(g)}")
    elif kind == "id-page":
        path = AMN if g is None or rng.random() < 0.3 else BASE + "id/doc/" + doc_id(g)
        r = c.get(path[len(BASE) - 1:], headers={"Accept": "text/html"})
    elif kind == "id-turtle":
        path = AMN if g is None else BASE + "id/doc/" + doc_id(g)
        r = c.get(path[len(BASE) - 1:] + ".ttl")
    elif kind == "dump-document":
        if g is None:
            g = BASE + "graph/000-c3f731b4bab44c47"
        r = c.get(f"/dumps/documents/{doc_id(g)}.nq")
        if r.status_code == 200:
            seen = [(g, sum(1 for line in r.content.splitlines() if line.strip()), "dump")]
    else:  # pragma: no cover
        raise ValueError(kind)
    elapsed = time.monotonic() - t
    with lock:
        report.latencies[kind].append(elapsed)
        report.statuses[kind][r.status_code] += 1
        report.seen.extend(seen)
        # 404: a document the ingest has just written may not be visible yet (readers reopen
        # the store when its generation marker moves); anything else but 200 is a failure
        if r.status_code not in (200, 404) or (r.status_code == 404 and kind not in DOCUMENT_KINDS):
            report.failures.append(f"{kind} {r.request.method} {r.request.url}: {r.status_code} {r.text[:200]!r}")


def run_clients(base: str, clients: int, seconds: float, known: Known, seed: int = 1,
                ingest: Ingest | None = None) -> Report:
    report = Report(clients, seconds)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    kinds, weights = list(KINDS), list(KINDS.values())

    def follow() -> None:       # the documents the ingest has written are there to be read
        while time.monotonic() < deadline:
            known.add(ingest.stored_graphs())
            ingest.keep_writing()
            time.sleep(0.5)

    def document_reader() -> None:
        """One more client that only reads whole documents (dumps, served from the server's
        own read handle), newest first: the consistency check does not depend on the mix."""
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=60) as c:
            while time.monotonic() < deadline:
                try:
                    one_request(c, "dump-document", rng, known, report, lock)
                except httpx.HTTPError as e:
                    with lock:
                        report.failures.append(f"dump-document: {type(e).__name__}: {e}")
                        report.statuses["dump-document"][0] += 1
                time.sleep(0.05)

    def client(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        with httpx.Client(base_url=base, timeout=60) as c:
            while time.monotonic() < deadline:
                kind = rng.choices(kinds, weights)[0]
                try:
                    one_request(c, kind, rng, known, report, lock)
                except httpx.HTTPError as e:
                    with lock:
                        report.failures.append(f"{kind}: {type(e).__name__}: {e}")
                        report.statuses[kind][0] += 1

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    threads.append(threading.Thread(target=document_reader, daemon=True))
    if ingest is not None:
        threads.append(threading.Thread(target=follow, daemon=True))
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 120)
    return report


def partial_documents(reports: list[Report], final: dict[str, int]) -> list[str]:
    """Every (graph, count) a client saw that is not that document's complete count."""
    bad = []
    for report in reports:
        for graph, n, how in report.seen:
            if n == 0 and how == "count":
                continue            # listed by an earlier snapshot, absent from this one: not possible,
                                    # but a VALUES row without triples yields no group at all anyway
            if graph not in final:
                bad.append(f"{graph}: seen with {n} triples ({how}) but not in the final store")
            elif n != final[graph]:
                bad.append(f"{graph}: seen with {n} triples ({how}), complete it has {final[graph]}")
    return bad


@dataclass
class Run:
    reports: list[Report]
    partial: list[str]
    final: dict[str, int]
    server_log: str
    ingest_log: str


def run(client_counts: list[int], seconds: float, workdir: Path, corpus: Path | None = REGERINGEN,
        store: Path | None = None, timeout: float = 10.0, serve_args: tuple[str, ...] = ()) -> Run:
    """The whole benchmark: store, server, ingest, one phase per client count, the check."""
    workdir.mkdir(parents=True, exist_ok=True)
    if store is None:
        store = workdir / "store"
        prepare_store(store)
    server_log, ingest_log = workdir / "server.log", workdir / "ingest.log"
    known = Known()
    reports = []
    with served_process(store, "--timeout", f"{timeout:g}", *serve_args,
                        log=server_log) as (base, _proc, _log):
        ingest = Ingest(store, corpus, ingest_log) if corpus is not None else None
        if ingest is None:
            known.add(final_counts(store))
        try:
            if ingest is not None:
                ingest.wait_until_writing()
            for n in client_counts:
                before = ingest.stored() if ingest else 0
                report = run_clients(base, n, seconds, known, seed=n, ingest=ingest)
                report.stored_during = (ingest.stored() - before) if ingest else 0
                reports.append(report)
        finally:
            if ingest is not None:
                ingest.stop()
        final = final_counts(store)
    return Run(reports, partial_documents(reports, final), final, server_log.read_text(errors="replace"),
               ingest_log.read_text(errors="replace") if ingest_log.exists() else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("STYRGRAF_LOAD_SECONDS", 60)))
    parser.add_argument("--clients", type=int, nargs="+", default=[2, 8])
    parser.add_argument("--corpus", type=Path, default=REGERINGEN, help="what the background ingest writes")
    parser.add_argument("--no-ingest", action="store_true", help="the same load without writes (a baseline)")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--base-store", type=Path, help="serve a copy of this store instead of one of the bundled corpus "
                        "(e.g. most of ../shared/corpus-regeringen-full, with the rest as --corpus)")
    parser.add_argument("--json", type=Path, help="write the latencies per kind of request here")
    parser.add_argument("--serve-arg", action="append", default=[], metavar="ARG",
                        help="one more argument of `styrgraf serve`, e.g. --serve-arg=--app-query-workers=0")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="styrgraf-load-"))
    try:
        store = None
        if args.base_store:
            store = workdir / "store"
            shutil.copytree(args.base_store, store)
        result = run(args.clients, args.seconds, workdir, None if args.no_ingest else args.corpus, store=store,
                     serve_args=tuple(args.serve_arg))
        if args.json:
            args.json.write_text(json.dumps([{
                "clients": r.clients, "seconds": r.seconds, "requests": r.requests, "server_errors": r.server_errors,
                "stored_during": r.stored_during,
                "kinds": {k: {"n": len(v), "p50_ms": percentile(v, 50) * 1000, "p99_ms": percentile(v, 99) * 1000,
                              "max_ms": max(v) * 1000} for k, v in sorted(r.latencies.items())}}
                for r in result.reports], indent=1))
        for report in result.reports:
            print(report.summary())
            for f in report.failures[:10]:
                print("  !", f)
        print(f"document graphs seen by the clients: {len({g for r in result.reports for g, _, _ in r.seen})}; "
              f"partial: {len(result.partial)}")
        for p in result.partial[:20]:
            print("  !", p)
        bad = any(r.server_errors or r.failures for r in result.reports) or result.partial
        return 1 if bad else 0
    finally:
        if args.keep:
            print(f"work directory: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
