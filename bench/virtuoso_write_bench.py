"""What writing a document's fingerprint last costs on Virtuoso: the same document graphs written both ways, in one run.

    .venv/bin/python -m styrgraf.cli ingest ../shared/corpus-regeringen --store STORE --jobs 2
    .venv/bin/python bench/virtuoso_write_bench.py STORE [--repeat N]

The N-Triples of every document graph of STORE (an embedded store an ingest wrote) are read once. A fresh
`virtuoso-t` (as the suite starts it) is started, and every graph is written into it in two ways, interleaved
in each of --repeat rounds, each printing the seconds spent and ms a document:

- `one-request`: one SPARQL update a document (DROP SILENT GRAPH + INSERT DATA with its change record), what a
  server that applies an update whole gets, and what Virtuoso got before;
- `fingerprint-last`: `RemoteStore.replace_graph` as it writes to Virtuoso now: the fingerprint out and the graph
  and its record in, then the fingerprint (two requests).

Both ways write each document in turn (the order swapped each document), so that Virtuoso's slowing over a run
falls on both alike. Graphs that Virtuoso's SPARQL compiler refuses as one update (more than ~1,000 triples) go by a
Graph Store PUT either way and are left out, so both ways write the same documents.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from store_replay import documents_and_rounds  # noqa: E402
from test_virtuoso import ENV, virtuoso_server  # noqa: E402

from styrgraf import merge  # noqa: E402
from styrgraf.change_feed import change_record  # noqa: E402
from styrgraf.remote import RemoteConfig, RemoteQueryError, RemoteStore  # noqa: E402
from styrgraf.vocab import NAMESPACE as BASE  # noqa: E402

MODES = ("one-request", "fingerprint-last")


def one_request(graph: str, nt: str) -> str:
    return merge.replace_update(graph, nt, [_record(graph)], merged=False)


def _record(graph: str):
    return change_record(BASE, graph.replace("/graph/", "/doc/"), "bench.md", "stored", "2026-01-01T00:00:00Z")


def write(st: RemoteStore, graph: str, nt: str, mode: str) -> float:
    t = time.perf_counter()
    if mode == "one-request":
        st.update(one_request(graph, nt))
    else:
        st.replace_graph(graph, nt, also=_record(graph))
    return time.perf_counter() - t


def main() -> None:
    docs, repeat = documents_and_rounds(__doc__, 2)
    with virtuoso_server(Path(tempfile.mkdtemp(prefix="virtuoso-bench-"))) as base:
        st = RemoteStore(RemoteConfig.from_env(base + "/sparql-auth", environ=ENV))
        accepted = []
        for graph, nt in docs:          # the graphs Virtuoso takes as one update
            try:
                st.update(one_request(graph, nt))
                accepted.append((graph, nt))
            except RemoteQueryError:
                pass
        print(f"{len(accepted)} of {len(docs)} documents written as one update, "
              f"{sum(nt.count(chr(10)) + 1 for _, nt in accepted)} triples")
        for round_ in range(1, repeat + 1):
            # both ways a document at a time, the order swapped each document: Virtuoso slows down over a
            # run, and that falls on both alike
            spent = dict.fromkeys(MODES, 0.0)
            for i, (graph, nt) in enumerate(accepted):
                for mode in (MODES if (i + round_) % 2 else MODES[::-1]):
                    spent[mode] += write(st, graph, nt, mode)
            for mode in MODES:
                print(f"round {round_} {mode:16} {spent[mode]:6.2f} s  {1000 * spent[mode] / len(accepted):5.2f} ms/doc")
            print(f"round {round_} fingerprint-last / one-request: {spent['fingerprint-last'] / spent['one-request']:.2f}")


if __name__ == "__main__":
    main()
