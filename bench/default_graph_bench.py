"""The default graph as the merge of the document graphs, against the engine's union of them.

    .venv/bin/python bench/default_graph_bench.py [--corpus DIR] [--store DIR] [--rounds N] [--before REV]

One store of the corpus (default ../shared/corpus-regeringen-full, ingested with
`styrgraf ingest --no-validate --jobs 2`, or an existing one given with --store), and a copy
of it without its default graph: the layout styrgraf had before, read with pyoxigraph's
`use_default_graph_as_union` (a multiset: a fact once per graph that holds it). Interleaved
round by round, in this process: the analysts' "assignments a body received, with title and
issuer's name" for eight bodies, Regeringen's labels and the bodies (the same text on both
layouts), and every named query with its default parameters: as it was written at --before
(default e8ac3bb, the last revision that read the union) on the union, as it is now on the
merge. Per query: the median time on each, their ratio, the rows returned and how many of
them are distinct. Writes bench/results/default-graph.json.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from serve_queries import PREFIXES, named_workloads  # noqa: E402

from styrgraf.api.named_queries import load_queries  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus-regeringen-full"
REGERINGEN = "https://w3id.org/styrgraf/id/org/regeringen"
EIGHT_BODIES = PREFIXES + """SELECT ?b ?t ?l WHERE {
  ?a sg:assignee ?b ; dct:title ?t ; sg:issuer ?i . ?i skos:prefLabel ?l .
  VALUES ?b { %s } }"""


def build(corpus: Path, into: Path) -> float:
    t = time.perf_counter()
    subprocess.run([str(ROOT / ".venv" / "bin" / "styrgraf"), "ingest", str(corpus), "--store", str(into),
                    "--no-validate", "--jobs", "2"], check=False, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def without_default_graph(store: Path, into: Path) -> None:
    shutil.copytree(store, into)
    st = ox.Store(str(into))
    st.update("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    st.flush()
    del st


def queries_at(rev: str, into: Path) -> dict:
    """The named queries as they were at git revision `rev`."""
    into.mkdir()
    names = subprocess.run(["git", "ls-tree", "--name-only", rev, "queries/"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    for name in names:
        if name.endswith(".rq"):
            (into / Path(name).name).write_bytes(subprocess.run(["git", "show", f"{rev}:{name}"], cwd=ROOT,
                                                                check=True, capture_output=True).stdout)
    return load_queries(into)


def run(store: ox.Store, query: str, union: bool) -> tuple[float, int, int]:
    t = time.perf_counter()
    result = store.query(query, use_default_graph_as_union=union)
    rows = [tuple(str(v) for v in r) for r in result] if isinstance(result, ox.QuerySolutions) else [(bool(result),)]
    return time.perf_counter() - t, len(rows), len(set(rows))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--store", type=Path, help="a store this styrgraf made (else one is built from --corpus)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--before", default="e8ac3bb", help="the revision whose named queries read the union")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "default-graph.json")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store_path = a.store
        ingest_s = None
        if store_path is None:
            store_path = Path(tmp) / "merged"
            ingest_s = build(a.corpus, store_path)
        union_path = Path(tmp) / "union"
        without_default_graph(store_path, union_path)
        merged, union = ox.Store.read_only(str(store_path)), ox.Store.read_only(str(union_path))
        quads = sum(1 for _ in union.quads_for_pattern(None, None, None))
        default = sum(1 for _ in merged.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        bodies = sorted({r[0].value for r in merged.query(PREFIXES + "SELECT DISTINCT ?b WHERE { ?a sg:assignee ?b }")})
        assignees = [b for b in bodies if b.rsplit("/", 1)[-1] in (
            "arbetsformedlingen", "socialstyrelsen", "forsakringskassan", "skolverket", "boverket",
            "trafikverket", "naturvardsverket", "folkhalsomyndigheten")] or bodies[:8]
        same = {"eight-bodies": EIGHT_BODIES % " ".join(f"<{b}>" for b in assignees),
                "regeringen-labels": f"SELECT ?l WHERE {{ <{REGERINGEN}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }}",
                "bodies-counted": PREFIXES + "SELECT ?b WHERE { ?b a sg:Body }"}
        queries = {name: {"union": q, "merged": q} for name, q in same.items()}
        before = {w.name: w.queries[0] for w in named_workloads(merged, queries=queries_at(a.before, Path(tmp) / "before"))}
        for w in named_workloads(merged):
            queries[w.name] = {"union": before.get(w.name, w.queries[0]), "merged": w.queries[0]}
        times: dict[str, dict[str, list[float]]] = {name: {"union": [], "merged": []} for name in queries}
        shape: dict[str, dict[str, tuple[int, int]]] = {name: {} for name in queries}
        for _ in range(a.rounds):
            for name, q in queries.items():
                for layout, st, flag in (("union", union, True), ("merged", merged, False)):
                    seconds, rows, distinct = run(st, q[layout], flag)
                    times[name][layout].append(seconds)
                    shape[name][layout] = (rows, distinct)
        out = {"corpus": str(a.corpus), "rounds": a.rounds, "before": a.before, "named_quads": quads, "default_graph_triples": default,
               "ingest_seconds": round(ingest_s, 1) if ingest_s else None, "queries": {}}
        print(f"{quads} quads in named graphs, {default} triples in the default graph (the merge)")
        print(f"{'query':34} {'union ms':>9} {'merged ms':>9} {'merged/union':>12}  rows union (distinct) -> merged")
        for name in queries:
            u, m = (statistics.median(times[name][k]) * 1000 for k in ("union", "merged"))
            (ur, ud), (mr, md) = shape[name]["union"], shape[name]["merged"]
            out["queries"][name] = {"union_ms": round(u, 2), "merged_ms": round(m, 2),
                                    "merged_over_union": round(m / u, 3) if u else None,
                                    "union_rows": ur, "union_distinct": ud, "merged_rows": mr, "merged_distinct": md}
            print(f"{name:34} {u:9.1f} {m:9.1f} {m / u if u else float('nan'):12.3f}  {ur} ({ud}) -> {mr} ({md})")
        del merged, union
    a.out.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    print("wrote", a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
