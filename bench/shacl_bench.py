"""SHACL per document graph: the compiled validator (styrgraf.shacl, what ingest runs), pyshacl
(what ingest ran before, on an rdflib graph parsed from the N-Triples) and, for the choice of the
compiled validator's design, the shapes' simple constraints as SPARQL on a pyoxigraph store.

    .venv/bin/python bench/shacl_bench.py [--corpus DIR] [--every K] [--json OUT]

The graphs are built as ingest builds them (batch.process, without validating) from every K-th
document of the corpus. The SPARQL variant loads each graph into an in-memory pyoxigraph Store and
runs one SELECT per sh:minCount, sh:maxCount, sh:datatype, sh:class and sh:nodeKind of the
targeted shapes' property shapes (not every constraint: the others would only add to its time).
Each variant runs over all graphs once to warm up, then is timed; interleaved per graph.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib
from pyshacl import validate as pyshacl_validate
from rdflib import SH

from ingest_bench import files_of
from styrgraf.constraints import compiled_shapes, shapes_graph
from styrgraf.ingest.batch import process
from styrgraf.ingest.read import DEFAULT_MAX_BYTES
from styrgraf.vocab import NAMESPACE

ROOT = Path(__file__).resolve().parent.parent


def sparql_checks(g: rdflib.Graph) -> list[str]:
    """One SELECT per simple constraint of each targeted shape's property shapes."""
    out = []
    for root in sorted(set(g.subjects(SH.targetClass, None)), key=str):
        classes = " ".join(f"<{c}>" for c in g.objects(root, SH.targetClass))
        focus = f"VALUES ?c {{ {classes} }} ?this a ?c ."
        for ps in g.objects(root, SH.property):
            p = f"<{g.value(ps, SH.path)}>"
            if g.value(ps, SH.minCount) is not None:
                out.append(f"SELECT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ ?this {p} ?v }} }}")
            if g.value(ps, SH.maxCount) is not None:
                out.append(f"SELECT ?this WHERE {{ {focus} ?this {p} ?v }} GROUP BY ?this "
                           f"HAVING (COUNT(DISTINCT ?v) > {g.value(ps, SH.maxCount)})")
            if g.value(ps, SH.datatype) is not None:
                out.append(f"SELECT ?this ?v WHERE {{ {focus} ?this {p} ?v "
                           f"FILTER(!isLiteral(?v) || datatype(?v) != <{g.value(ps, SH.datatype)}>) }}")
            if g.value(ps, SH["class"]) is not None:
                out.append(f"SELECT ?this ?v WHERE {{ {focus} ?this {p} ?v "
                           f"FILTER NOT EXISTS {{ ?v a <{g.value(ps, SH['class'])}> }} }}")
            if g.value(ps, SH.nodeKind) is not None:
                out.append(f"SELECT ?this ?v WHERE {{ {focus} ?this {p} ?v FILTER(!isIRI(?v)) }}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus-regeringen-full")
    ap.add_argument("--every", type=int, default=25)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    graphs = []
    for f in files_of(a.corpus)[::a.every]:
        _, nt, _ = process(f, NAMESPACE, False, DEFAULT_MAX_BYTES)
        graphs.append((nt, [ox.Triple(q.subject, q.predicate, q.object)
                            for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)]))
    shapes, compiled = shapes_graph(), compiled_shapes()
    queries = sparql_checks(shapes)

    def run_compiled(nt, triples):
        return compiled.validate(triples).conforms

    def run_pyshacl(nt, triples):
        data = rdflib.Graph().parse(data=nt, format="nt")
        return bool(pyshacl_validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)[0])

    def run_sparql(nt, triples):
        store = ox.Store()
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        return not any(list(store.query(q)) for q in queries)

    variants = {"compiled (styrgraf.shacl)": run_compiled, "pyshacl": run_pyshacl,
                f"SPARQL, {len(queries)} SELECTs": run_sparql}
    times: dict[str, list[float]] = {k: [] for k in variants}
    conforming: dict[str, int] = {k: 0 for k in variants}
    for fn in variants.values():
        for nt, triples in graphs:
            fn(nt, triples)
    for nt, triples in graphs:
        for name, fn in variants.items():
            t = time.perf_counter()
            conforming[name] += fn(nt, triples)
            times[name].append(time.perf_counter() - t)
    out = {"corpus": str(a.corpus), "documents": len(graphs),
           "mean_triples": round(statistics.mean(len(t) for _, t in graphs), 1), "variants": {}}
    print(f"{len(graphs)} document graphs, {out['mean_triples']} triples on average")
    for name, ts in times.items():
        row = {"mean_ms": round(statistics.mean(ts) * 1000, 2), "p50_ms": round(statistics.median(ts) * 1000, 2),
               "max_ms": round(max(ts) * 1000, 2), "conforming": conforming[name]}
        out["variants"][name] = row
        print(f"{name:28s} mean {row['mean_ms']:8.2f} ms  p50 {row['p50_ms']:8.2f} ms  max {row['max_ms']:8.2f} ms  "
              f"conforming {row['conforming']}")
    if a.json:
        a.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
