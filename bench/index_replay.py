"""The text index's SQL alone: the writes an ingest makes to the index, replayed without a store.

    .venv/bin/python bench/index_replay.py STORE [--autocheckpoint PAGES] [--repeat N]

The rows of every document graph of STORE (an embedded store an ingest wrote) are worked out
once (search.graph_rows of the graph's triples, as the ingest's workers do), then written into a
fresh index one graph per transaction through one held connection, as `ingest` writes them; the
wall and CPU seconds of that are printed. --autocheckpoint sets the index's wal_autocheckpoint.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from styrgraf.search import SearchIndex, graph_rows
from styrgraf.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("--autocheckpoint", type=int)
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    st = Store(a.store, read_only=True)
    docs = []
    for g in sorted(st.document_graphs()):
        triples = [ox.Triple(q.subject, q.predicate, q.object)
                   for q in st.ox.quads_for_pattern(None, None, None, ox.NamedNode(g))]
        docs.append((g, graph_rows(g, triples)))
    st.close()
    for _ in range(a.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            index = SearchIndex(Path(tmp) / "index.sqlite3")
            t, c = time.perf_counter(), time.process_time()
            with index.holding():
                if a.autocheckpoint:
                    index._held.conn.execute(f"PRAGMA wal_autocheckpoint={a.autocheckpoint}")
                for g, rows in docs:
                    index.replace_graphs(None, [g], {g: rows})
            print(f"{len(docs)} documents: {time.perf_counter() - t:.2f} s wall, {time.process_time() - c:.2f} s CPU"
                  + (f" (wal_autocheckpoint {a.autocheckpoint})" if a.autocheckpoint else ""))


if __name__ == "__main__":
    main()
