"""The store's writes alone: what an ingest writes into the embedded store, replayed without extraction or index.

    .venv/bin/python -m styrgraf.cli ingest ../shared/corpus-regeringen --store STORE --jobs 2
    .venv/bin/python bench/store_replay.py STORE [--repeat N]

The N-Triples of every document graph of STORE (an embedded store an ingest wrote) are read once, then written into
fresh stores in four ways, interleaved over --repeat rounds, each printing wall and CPU seconds and ms a document:

- `update`: as `ingest` writes them, one SPARQL update a document (release, drop, INSERT DATA into the graph and the
  merged default graph, with its change record; styrgraf.merge), flushed at most once a second;
- `extend`: the same quads parsed by the engine and added with `Store.extend`, one transaction a document;
- `batched`: the same as `extend`, about 4,000 quads a transaction;
- `no-flush`: `update` without the once-a-second flush.

What the ingest's parent spends on the store is the first; the others show whether the SPARQL text, the
transaction per document or the flushes are what it costs.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from styrgraf import merge
from styrgraf.change_feed import change_record
from styrgraf.store import Store

BASE = "https://w3id.org/styrgraf/"
MODES = ("update", "extend", "batched", "no-flush")


def _quads(graph: str, nt: str, record) -> list[ox.Quad]:
    g, feed, default = ox.NamedNode(graph), ox.NamedNode(record.graph), ox.DefaultGraph()
    triples = list(ox.parse(nt.encode(), format=ox.RdfFormat.N_TRIPLES))
    told = list(ox.parse(record.triples.encode(), format=ox.RdfFormat.TURTLE))
    return [ox.Quad(t.subject, t.predicate, t.object, name)
            for ts, names in ((triples, (g, default)), (told, (feed, default))) for t in ts for name in names]


def document_ntriples(path: Path) -> list[tuple[str, str]]:
    """(graph, its N-Triples) for every document graph of the embedded store at `path`."""
    source = Store(path, read_only=True)
    try:
        return [(g, "\n".join(f"{q.subject} {q.predicate} {q.object} ."
                              for q in source.ox.quads_for_pattern(None, None, None, ox.NamedNode(g))))
                for g in sorted(source.document_graphs())]
    finally:
        source.close()


def replay(docs: list[tuple[str, str]], mode: str, path: Path) -> tuple[float, float]:
    store = Store(path)
    pending: list[ox.Quad] = []
    t, c = time.perf_counter(), time.process_time()
    for i, (graph, nt) in enumerate(docs):
        record = change_record(BASE, graph.replace("/graph/", "/doc/"), "replay.md", "stored", "2026-01-01T00:00:00Z")
        if mode in ("update", "no-flush"):
            store.ox.update(merge.replace_update(graph, nt, [record]))
        else:
            pending += _quads(graph, nt, record)
            if mode == "extend" or len(pending) > 4000 or i == len(docs) - 1:
                store.ox.extend(pending)
                pending = []
        if mode != "no-flush" and time.monotonic() - store._bumped > 1.0:
            store.flush()
    store.flush()
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    store.close()
    return wall, cpu


def documents_and_rounds(description: str, rounds: int) -> tuple[list[tuple[str, str]], int]:
    """The command line of a replay, STORE [--repeat N]: (the document graphs of STORE, N)."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("--repeat", type=int, default=rounds)
    a = ap.parse_args()
    return document_ntriples(a.store), a.repeat


def main() -> None:
    docs, repeat = documents_and_rounds(__doc__, 1)
    print(f"{len(docs)} documents, {sum(nt.count(chr(10)) + 1 for _, nt in docs)} triples")
    for round_ in range(1, repeat + 1):
        for mode in MODES:
            tmp = Path(tempfile.mkdtemp(prefix="store-replay-"))
            try:
                wall, cpu = replay(docs, mode, tmp / "store")
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            print(f"round {round_} {mode:9} wall {wall:6.2f} s  cpu {cpu:6.2f} s  {1000 * wall / len(docs):5.2f} ms/doc")


if __name__ == "__main__":
    main()
