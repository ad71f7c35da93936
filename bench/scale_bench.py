"""Scale benchmark: load, disk, memory, analyst API latency and SHACL cost at 100 k / 1 M / 10 M / 50 M triples.

    .venv/bin/python bench/scale_bench.py --quick                       # 100 k only, ~2 minutes
    .venv/bin/python bench/scale_bench.py --scales 100k,1m              # the 1 M targets
    .venv/bin/python bench/scale_bench.py --scales 100k,1m,10m          # everything (builds 10 M: ~3 GB)
    .venv/bin/python bench/scale_bench.py --scales 50m --requests 20 --budget 10 --shacl-docs 40 \
        --shacl-whole 0 --timeout 60 --search-index off                 # 50 M (builds it: 17 GB N-Quads + 16 GB store)

For each scale the store is made (or reused) by `bench/scale_gen.py`, which
records the bulk-load time and its peak resident memory. Then:

* `styrgraf serve --store data/scale/{scale}` is started on a loopback port (with the text
  index beside the store, which a fresh store has rebuilt before the server answers, or after it
  above STYRGRAF_READ_BEFORE_START (256M): the time to the first answer is `start_seconds`; or `--search-index off`, lists and `q` filters as
  SPARQL, as the 100 k–10 M rows were measured before the index existed) and
  every analyst collection (`/api/v1/{collection}`) is requested with default
  parameters and with one filter, every detail endpoint
  (`/api/v1/{collection}/{id}`) for a seeded sample of ids (taken from the first
  page), and `/sparql` point lookups by IRI (a document's and a shared body's
  triples). Each endpoint is requested `--requests` times by 1 client and by 2
  concurrent clients (keep-alive HTTP/1.1, httpx); the report gives p50/p99 in ms,
  non-200 answers as errors. An endpoint stops early after `--budget` seconds.
* The server's resident memory after the runs: RSS of the server process, of the
  whole process tree (server + query workers) and its PSS (shared pages divided
  among the processes that map them: the workers map the same store files).
* SHACL: styrgraf's compiled validator (styrgraf.shacl, what `styrgraf ingest`
  uses), pyshacl (the reference it is tested against) and pyrudof (if it is
  installed) on a seeded sample of document graphs, copies included (cost per
  document and conformity), and on the whole store where that is feasible
  (`--shacl-whole` up to that many triples, default 1.2 M); above it pyshacl's
  whole-store figure is an extrapolation from its per-document cost, labelled as such.

Results go to `bench/results/scale-{scales}.json` (or `--json FILE`).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import scale_gen  # noqa: E402
from proctree import pss_kb, status_kb, tree  # noqa: E402

COLLECTIONS = ("bodies", "documents", "policies", "goals", "responsibilities",
               "assignments", "consultations", "meetings", "laws")
ID_SEGMENT = {"bodies": "org", "documents": "doc", "policies": "policy", "goals": "goal",
              "responsibilities": "responsibility", "assignments": "assignment",
              "consultations": "consultation", "meetings": "meeting"}
REGERINGEN = scale_gen.ID + "org/regeringen"
# one filter per collection (a shared body where the filter is a body: the hardest case)
FILTERS = {
    "bodies": {"kind": "myndighet"},
    "documents": {"body": REGERINGEN},
    "policies": {"q": "plan"},
    "goals": {"q": "ska"},
    "responsibilities": {"q": "ansvar"},
    "assignments": {"body": REGERINGEN},
    "consultations": {"from": "2020"},
    "meetings": {"from": "2020"},
    "laws": {"q": "lag"},
}


def pct(xs: list[float], p: float) -> float | None:
    if not xs:
        return None
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, int(round(p / 100 * (len(xs) - 1)))))
    return round(xs[k] * 1000, 2)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ memory of a process tree
def memory(pid: int) -> dict:
    pids = tree(pid)
    return {"server_rss_mb": round(status_kb(pid, "VmRSS") / 1024, 1),
            "server_peak_rss_mb": round(status_kb(pid, "VmHWM") / 1024, 1),
            "tree_processes": len(pids),
            "tree_rss_mb": round(sum(status_kb(p, "VmRSS") for p in pids) / 1024, 1),
            "tree_peak_rss_mb": round(sum(status_kb(p, "VmHWM") for p in pids) / 1024, 1),
            "tree_pss_mb": round(sum(pss_kb(p) for p in pids) / 1024, 1)}


# ------------------------------------------------------------------ HTTP
class Server:
    def __init__(self, store: Path, port: int, workers: int, timeout: float, search_index: str = "on",
                 start_timeout: float = 3600):
        """`search_index` off: the server runs without the text index beside the store (list pages
        and `q` filters as SPARQL, as before the index existed); on: a store without a current index
        has it rebuilt from the store before the server answers, which is counted in `start_seconds` (a
        store above STYRGRAF_READ_BEFORE_START has it rebuilt after: lists by SPARQL until then)."""
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        cmd = [str(ROOT / ".venv" / "bin" / "styrgraf"), "serve", "--store", str(store), "--port", str(port),
               "--query-workers", str(workers), "--timeout", str(timeout)]
        env = {**os.environ, "STYRGRAF_SEARCH_INDEX": search_index}
        self.log = store.parent / f"{store.name}-serve.log"          # the server's log (beside the store)
        t0 = time.time()
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True, env=env)
        deadline = t0 + start_timeout
        while time.time() < deadline:
            try:
                if httpx.get(self.url + "/api/v1/queries", timeout=5).status_code == 200:
                    self.start_seconds = round(time.time() - t0, 1)
                    return
            except httpx.HTTPError:
                time.sleep(0.3)
            if self.proc.poll() is not None:
                raise RuntimeError(f"styrgraf serve exited: {self.log.read_text(errors='replace')[-2000:]}")
        self.stop()
        raise RuntimeError(f"styrgraf serve did not start in {start_timeout:.0f} s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def measure(url: str, n: int, clients: int, budget: float) -> dict:
    lat: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.time() + budget
    per = max(1, n // clients)

    def worker() -> None:
        with httpx.Client(timeout=60) as c:
            for _ in range(per):
                if time.time() > stop_at:
                    return
                t = time.perf_counter()
                try:
                    r = c.get(url)
                    dt = time.perf_counter() - t
                    ok = r.status_code == 200
                    msg = f"{r.status_code} {r.text[:120]}"
                except httpx.HTTPError as e:
                    dt, ok, msg = time.perf_counter() - t, False, repr(e)[:120]
                with lock:
                    if ok:
                        lat.append(dt)
                    else:
                        errors.append(msg)
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    t0 = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.time() - t0
    return {"n": len(lat), "p50_ms": pct(lat, 50), "p99_ms": pct(lat, 99), "max_ms": pct(lat, 100),
            "req_per_s": round(len(lat) / wall, 1) if wall else None,
            "errors": len(errors), "error_sample": errors[:2]}


COLD: dict[str, float] = {}     # path -> ms of a request made before the measured ones
_CLIENT: httpx.Client | None = None


def client() -> httpx.Client:
    """One keep-alive client for the unmeasured and first requests (a new httpx client costs
    tens of ms to set up, which would be counted in the first request's time)."""
    global _CLIENT
    if _CLIENT is None:
        _CLIENT = httpx.Client(timeout=300)
    return _CLIENT


def endpoints(srv: Server, seed: int, sample: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    rng = random.Random(seed)
    for c in COLLECTIONS:
        out.append((f"{c}", f"/api/v1/{c}"))
        out.append((f"{c}?{urllib.parse.urlencode(FILTERS[c])}", f"/api/v1/{c}?{urllib.parse.urlencode(FILTERS[c])}"))
        t = time.perf_counter()
        r = client().get(srv.url + f"/api/v1/{c}")                  # the default list, first request
        COLD[f"/api/v1/{c}"] = round((time.perf_counter() - t) * 1000, 1)
        items = r.json().get("items", []) if r.status_code == 200 else []
        for it in rng.sample(items, min(sample, len(items))):
            iri = it["iri"]
            prefix = f"{scale_gen.ID}{ID_SEGMENT.get(c, '')}/"
            if c == "laws" and it.get("sfs"):
                ident = it["sfs"]
            elif c != "laws" and iri.startswith(prefix):
                ident = urllib.parse.quote(iri[len(prefix):], safe="/:")
            else:
                ident = urllib.parse.quote(iri, safe="")
            out.append((f"{c}/{{id}}", f"/api/v1/{c}/{ident}"))
    return out


def sparql_lookups(srv: Server) -> list[tuple[str, str]]:
    r = client().get(srv.url + "/api/v1/documents?limit=1&offset=7")
    doc = r.json()["items"][0]["iri"] if r.status_code == 200 and r.json().get("items") else None
    out = []
    for name, iri in (("document", doc), ("shared body", REGERINGEN)):
        if iri:
            q = f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }} LIMIT 200"
            out.append((f"sparql: triples of a {name}", "/sparql?" + urllib.parse.urlencode({"query": q})))
    if doc:
        q = f"ASK {{ <{doc}> a <https://w3id.org/styrgraf/ns#Document> }}"
        out.append(("sparql: ASK type of a document", "/sparql?" + urllib.parse.urlencode({"query": q})))
    return out


# ------------------------------------------------------------------ SHACL
def shacl(store_path: Path, meta: dict, docs: int, seed: int, whole_limit: int, timeout: float) -> dict:
    """Per-document cost in one child process, the whole store in another (each with its own memory
    and time limit); above `whole_limit` quads, or when it times out, the whole-store cost is an
    extrapolation from the per-document cost."""
    def child(whole: int, limit: float) -> dict:
        cmd = [sys.executable, __file__, "--shacl-child", str(store_path), str(docs), str(seed), str(whole)]
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=limit)
            out = p.stdout.strip().splitlines()
            return json.loads(out[-1]) if out else {"error": p.stderr[-1500:]}
        except subprocess.TimeoutExpired:
            return {"error": f"timed out after {limit:.0f} s"}
    res = child(0, timeout)
    per = (res.get("pyshacl") or {}).get("per_document_ms")
    if per:
        res["pyshacl"]["whole_store_extrapolated_s"] = round(per * meta["document_graphs"] / 1000, 1)
        res["pyshacl"]["whole_store_note"] = ("extrapolated: per-document cost × document graphs "
                                              "(styrgraf validates per document graph)")
    if meta["quads"] <= whole_limit:
        whole = child(1, timeout)
        res["whole_store"] = {"styrgraf": (whole.get("styrgraf") or {}).get("whole_store"),
                              "pyshacl": (whole.get("pyshacl") or {}).get("whole_store") or whole.get("error"),
                              "pyrudof": (whole.get("pyrudof") or {}).get("whole_store"),
                              "peak_rss_mb": whole.get("peak_rss_mb")}
    else:
        res["whole_store"] = {"skipped": f"{meta['quads']} quads > --shacl-whole {whole_limit}"}
    return res


PYRUDOF_WHOLE_MAX = 200_000       # triples: pyrudof on 777 k triples peaked at 12.5 GB resident


def shacl_child(store_path: str, n: int, seed: int, whole: int) -> None:
    import resource

    import pyoxigraph as ox
    sys.path.insert(0, str(ROOT))
    import rdflib
    from pyshacl import validate as pyshacl_validate
    from styrgraf.constraints import compiled_shapes, shapes_graph, shapes_turtle

    def to_rdflib(triples) -> rdflib.Graph:
        return rdflib.Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")

    def validate_graph(g: rdflib.Graph) -> tuple[bool, str]:
        conforms, _, text = pyshacl_validate(g, shacl_graph=shapes_graph(), inference="none", allow_warnings=True)
        return bool(conforms), text

    st = ox.Store.read_only(store_path)
    graphs = sorted(g.value for g in st.named_graphs()
                    if "/graph/" in g.value and not g.value.endswith("/_changes"))
    rng = random.Random(seed)
    sample = rng.sample(graphs, min(n if not whole else 3, len(graphs)))
    data = {g: [ox.Triple(q.subject, q.predicate, q.object)
                for q in st.quads_for_pattern(None, None, None, ox.NamedNode(g))] for g in sample}
    out: dict = {"documents": len(sample), "copies_in_sample": sum("-x" in g for g in sample)}
    compiled = compiled_shapes()
    times, bad = [], []
    for g, triples in data.items():
        t = time.perf_counter()
        report = compiled.validate(triples)
        times.append(time.perf_counter() - t)
        if not report.conforms:
            bad.append(g)
    out["styrgraf"] = {"per_document_ms": round(statistics.mean(times) * 1000, 2), "p50_ms": pct(times, 50),
                       "conforming": len(sample) - len(bad), "violating_sample": bad[:3]}
    validate_graph(to_rdflib(next(iter(data.values()))))        # warm up
    times, bad = [], []
    for g, triples in data.items():
        t = time.perf_counter()
        ok, _ = validate_graph(to_rdflib(triples))
        times.append(time.perf_counter() - t)
        if not ok:
            bad.append(g)
    out["pyshacl"] = {"per_document_ms": round(statistics.mean(times) * 1000, 1),
                      "p50_ms": pct(times, 50), "max_ms": pct(times, 100),
                      "conforming": len(sample) - len(bad), "violating_sample": bad[:3],
                      "mean_triples": round(statistics.mean(len(t) for t in data.values()), 1)}
    try:
        import pyrudof
        shapes = shapes_turtle().decode("utf-8")
        r = pyrudof.Rudof(pyrudof.RudofConfig())
        r.read_shacl(shapes)
        rt, rbad, err = [], 0, None
        for g, triples in data.items():
            nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()
            t = time.perf_counter()
            try:
                r.reset_data()
                r.read_data(nt, pyrudof.RDFFormat.NTriples)
                rep = r.validate_shacl()
                rt.append(time.perf_counter() - t)
                ok = rep.conforms() if callable(rep.conforms) else rep.conforms
                if not ok:
                    rbad += 1
            except Exception as e:      # noqa: BLE001 - report whatever pyrudof raises
                err = repr(e)[:300]
                break
        out["pyrudof"] = {"version": getattr(pyrudof, "__version__", None) or r.get_version()}
        if rt:
            out["pyrudof"].update(per_document_ms=round(statistics.mean(rt) * 1000, 2), p50_ms=pct(rt, 50),
                                  conforming=len(rt) - rbad, validated=len(rt))
        if err:
            out["pyrudof"]["error"] = err
    except ImportError:
        out["pyrudof"] = {"error": "pyrudof is not installed"}
    if whole:
        every = [ox.Triple(q.subject, q.predicate, q.object) for gr in graphs
                 for q in st.quads_for_pattern(None, None, None, ox.NamedNode(gr))]
        t = time.perf_counter()
        report = compiled.validate(every)
        out["styrgraf"]["whole_store"] = {"triples": len(set(every)), "seconds": round(time.perf_counter() - t, 1),
                                          "conforms": report.conforms, "violations": len(report.results)}
        del every, report
        g = rdflib.Graph()
        t = time.perf_counter()
        for gr in graphs:
            g.parse(data=ox.serialize([ox.Triple(q.subject, q.predicate, q.object)
                                       for q in st.quads_for_pattern(None, None, None, ox.NamedNode(gr))],
                                      format=ox.RdfFormat.N_TRIPLES), format="nt")
        build_s = time.perf_counter() - t
        t = time.perf_counter()
        ok, text = validate_graph(g)
        results = re.search(r"Results \((\d+)\)", text)
        messages = sorted(set(re.findall(r"Message: (.*)", text)))
        out["pyshacl"]["whole_store"] = {"triples": len(g), "seconds": round(time.perf_counter() - t, 1),
                                         "build_rdflib_s": round(build_s, 1), "conforms": ok,
                                         "violations": int(results.group(1)) if results else 0,
                                         "messages": messages[:5]}
        if "per_document_ms" in out.get("pyrudof", {}) and len(g) <= PYRUDOF_WHOLE_MAX:
            nt = g.serialize(format="nt")
            del g
            t = time.perf_counter()
            try:
                r.reset_data()
                r.read_data(nt, pyrudof.RDFFormat.NTriples)
                rep = r.validate_shacl()
                ok = rep.conforms() if callable(rep.conforms) else rep.conforms
                out["pyrudof"]["whole_store"] = {"seconds": round(time.perf_counter() - t, 1), "conforms": ok}
            except Exception as e:      # noqa: BLE001
                out["pyrudof"]["whole_store"] = {"error": repr(e)[:300]}
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(out))


# ------------------------------------------------------------------ report
def report(paths: list[str]) -> str:
    """Markdown tables of one or more result files (the tables of BENCHMARKS.md)."""
    scales = []
    for path in paths:
        scales += json.loads(Path(path).read_text())["scales"]
    out = ["| scale | quads | document graphs | N-Quads MB | load s | load peak RSS MB | store MB | "
           "serve RSS MB (server / tree / tree PSS) |", "|---|---|---|---|---|---|---|---|"]
    for s in scales:
        m = s.get("memory_after", {})
        out.append(f"| {s['scale']} | {s['quads']:,} | {s['document_graphs']:,} | {s['nq_mb']} | {s['load_seconds']} | "
                   f"{s['load_peak_rss_mb']} | {s['store_mb']} | {m.get('server_rss_mb')} / {m.get('tree_rss_mb')} / "
                   f"{m.get('tree_pss_mb')} |")
    for s in scales:
        out += ["", f"**{s['scale']}** ({s['quads']:,} quads): ms; first = the first request (nothing cached), "
                    "p50/p99 over the measured requests", "",
                "| endpoint | first | 1 client p50 | p99 | 2 clients p50 | p99 | errors |", "|---|---|---|---|---|---|---|"]
        groups: dict[str, list[dict]] = {}
        for row in s.get("latency", []):
            groups.setdefault(row["endpoint"], []).append(row)
        for name, rows in groups.items():
            def agg(key: str, f=max):
                vals = [r[key[0]][key[1]] if isinstance(key, tuple) else r[key] for r in rows]
                vals = [v for v in vals if v is not None]
                return f(vals) if vals else None
            first = agg("first_ms")
            label = name if len(rows) == 1 else f"{name} (worst of {len(rows)} ids)"
            err = sum(r["c1"]["errors"] + r["c2"]["errors"] for r in rows)
            out.append(f"| `{label}` | {first} | {agg(('c1', 'p50_ms'))} | {agg(('c1', 'p99_ms'))} | "
                       f"{agg(('c2', 'p50_ms'))} | {agg(('c2', 'p99_ms'))} | {err} |")
    out += ["", "| scale | styrgraf per document ms (p50) | styrgraf whole store | pyshacl per document ms (p50) | "
                "conforming | pyshacl whole store | pyrudof per document ms | pyrudof whole store |",
            "|---|---|---|---|---|---|---|---|"]
    for s in scales:
        sh = s.get("shacl") or {}
        ps, pr, ws = sh.get("pyshacl") or {}, sh.get("pyrudof") or {}, sh.get("whole_store") or {}
        own, own_whole = sh.get("styrgraf") or {}, ws.get("styrgraf")
        wp = ws.get("pyshacl")
        whole = (f"{wp['seconds']} s ({wp['triples']:,} triples, conforms {wp['conforms']})" if isinstance(wp, dict)
                 else (wp or ws.get("skipped") or "–"))
        whole += f"; extrapolated {ps.get('whole_store_extrapolated_s')} s" if ps.get("whole_store_extrapolated_s") else ""
        wr = ws.get("pyrudof")
        own_whole = f"{own_whole['seconds']} s ({own_whole['triples']:,} triples)" if own_whole else "–"
        out.append(f"| {s['scale']} | {own.get('per_document_ms', '–')} ({own.get('p50_ms', '–')}) | {own_whole} | "
                   f"{ps.get('per_document_ms')} ({ps.get('p50_ms')}) | "
                   f"{ps.get('conforming')}/{sh.get('documents')} ({sh.get('copies_in_sample')} copies) | {whole} | "
                   f"{pr.get('per_document_ms', pr.get('error'))} | {wr if wr else '–'} |")
    return "\n".join(out)


# ------------------------------------------------------------------ main
def bench_scale(name: str, a) -> dict:
    out_dir = Path(a.data)
    meta = scale_gen.build(out_dir, name, scale_gen.SCALES.get(name) or int(name), a.seed, False)
    store = out_dir / name
    res: dict = {"scale": name, "quads": meta["quads"], "document_graphs": meta["document_graphs"],
                 "copies": meta["copies"], "load_seconds": meta["load_seconds"],
                 "load_peak_rss_mb": meta["load_peak_rss_mb"], "store_mb": round(meta["store_bytes"] / 1e6, 1),
                 "nq_mb": round(meta["nq_bytes"] / 1e6, 1)}
    # the phases of the load and anything else the generator recorded (quads_loaded: with the default graph)
    res["load_detail"] = {k: v for k, v in meta.items() if k not in res and k not in ("target", "seed", "base_iri")}
    print(f"== {name}: {meta['quads']} quads, store {res['store_mb']} MB", flush=True)
    port = free_port()
    srv = Server(store, port, a.workers, a.timeout, a.search_index, a.start_timeout)
    res["search_index"] = a.search_index
    res["start_seconds"] = srv.start_seconds
    print(f"  server answered after {srv.start_seconds} s (search index {a.search_index})", flush=True)
    try:
        time.sleep(1)
        res["memory_idle"] = memory(srv.proc.pid)
        eps = endpoints(srv, a.seed, a.sample) + sparql_lookups(srv)
        lat = []
        for label, path in eps:
            t = time.perf_counter()
            first = client().get(srv.url + path)               # the first request: nothing cached yet
            row = {"endpoint": label, "path": path,
                   "first_ms": COLD.pop(path, None) or round((time.perf_counter() - t) * 1000, 1),
                   "first_status": first.status_code, "first_bytes": len(first.content)}
            for clients in (1, 2):
                row[f"c{clients}"] = measure(srv.url + path, a.requests, clients, a.budget)
            lat.append(row)
            print(f"  {label[:45]:45s} first {row['first_ms']} | c1 p50 {row['c1']['p50_ms']} p99 {row['c1']['p99_ms']} | "
                  f"c2 p50 {row['c2']['p50_ms']} p99 {row['c2']['p99_ms']} err {row['c1']['errors'] + row['c2']['errors']}",
                  flush=True)
        res["latency"] = lat
        res["memory_after"] = memory(srv.proc.pid)
        print(f"  memory after runs: {res['memory_after']}", flush=True)
    finally:
        srv.stop()
    if not a.no_shacl:
        print("  SHACL …", flush=True)
        res["shacl"] = shacl(store, meta, a.shacl_docs, a.seed, a.shacl_whole, a.shacl_timeout)
        print(f"  SHACL: {json.dumps(res['shacl'])[:600]}", flush=True)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scales", default="100k,1m", help="comma-separated: 100k, 1m, 10m, 50m or a number of quads")
    ap.add_argument("--quick", action="store_true", help="100 k only, fewer requests")
    ap.add_argument("--data", default=str(ROOT / "data" / "scale"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--requests", type=int, default=60, help="requests per endpoint and client count")
    ap.add_argument("--budget", type=float, default=20.0, help="seconds per endpoint and client count at most")
    ap.add_argument("--sample", type=int, default=3, help="detail ids per collection")
    ap.add_argument("--workers", type=int, default=2, help="query worker processes of the server")
    ap.add_argument("--timeout", type=float, default=30.0, help="the server's query time limit")
    ap.add_argument("--search-index", choices=("on", "off"), default="on",
                    help="off: serve without the text index beside the store (STYRGRAF_SEARCH_INDEX=off: lists "
                         "and q filters as SPARQL); on: a missing index is rebuilt before the server answers "
                         "(after, for a store above STYRGRAF_READ_BEFORE_START)")
    ap.add_argument("--start-timeout", type=float, default=3600,
                    help="seconds to wait for the server to answer (an index rebuild included)")
    ap.add_argument("--shacl-docs", type=int, default=60)
    ap.add_argument("--shacl-whole", type=int, default=1_200_000,
                    help="validate the whole store with SHACL up to this many quads")
    ap.add_argument("--shacl-timeout", type=float, default=900, help="seconds per SHACL child process")
    ap.add_argument("--no-shacl", action="store_true")
    ap.add_argument("--json", default=None)
    ap.add_argument("--report", nargs="+", metavar="RESULTS.json", help="print Markdown tables of result files")
    ap.add_argument("--shacl-child", nargs=4, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.report:
        print(report(a.report))
        return 0
    if a.shacl_child:
        sp, n, seed, whole = a.shacl_child
        shacl_child(sp, int(n), int(seed), int(whole))
        return 0
    if a.quick:
        a.scales, a.requests, a.budget, a.sample, a.shacl_docs = "100k", 20, 5.0, 1, 20
    scales = [s.strip().lower() for s in a.scales.split(",") if s.strip()]
    results = {"when": time.strftime("%Y-%m-%d %H:%M:%S"), "argv": sys.argv[1:], "machine": {
        "cpus": os.cpu_count(), "load_average_start": os.getloadavg()}, "scales": []}
    for s in scales:
        results["scales"].append(bench_scale(s, a))
    results["machine"]["load_average_end"] = os.getloadavg()
    path = Path(a.json or ROOT / "bench" / "results" / f"scale-{'-'.join(scales)}{'-quick' if a.quick else ''}.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
