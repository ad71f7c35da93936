"""Readers that a writer cannot pull files from under (styrgraf.store.PinnedReader).

A read-only handle on the store opens its table files lazily, and a writer's compaction deletes
files the handle still refers to; an aggregate over such a read used to collect the engine's
error without end, until the query worker's memory ceiling killed it (a 503 for a query of a few
rows, seen under tests/test_load.py). A query worker now reads a checkpoint of its own.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import httpx
import pyoxigraph as ox

from server import served_process
from styrgraf.store import READERS_DIR, PinnedReader, remove_readers

EX = "http://example.org/"


def write(store, first: int, count: int) -> None:
    store.extend(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p{i % 7}"), ox.Literal(f"value {i}"),
                         ox.NamedNode(f"{EX}g{i % 13}")) for i in range(first, first + count))
    store.flush()


def test_a_pinned_reader_keeps_its_data_while_the_writer_compacts_everything_away(tmp_path):
    path = tmp_path / "store"
    writer = ox.Store(str(path))
    write(writer, 0, 5000)
    reader = PinnedReader(path)
    live_files = {f for f in os.listdir(path) if f.endswith(".sst")}
    for round_ in range(1, 6):                       # new files, then one compaction of all of them
        write(writer, round_ * 5000, 5000)
    writer.optimize()
    assert live_files - set(os.listdir(path)), "nothing was compacted away"
    rows = list(reader.store.query("SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p"))
    assert sum(int(r["n"].value) for r in rows) == 5000           # the data as it was when it was opened
    assert reader.directory is not None and reader.directory.parent == path / READERS_DIR
    reader.close()
    assert not (path / READERS_DIR).exists() or not any((path / READERS_DIR).iterdir())


def test_checkpoints_of_readers_no_longer_alive_are_removed(tmp_path):
    path = tmp_path / "store"
    write(ox.Store(str(path)), 0, 10)
    gone = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        from styrgraf.store import PinnedReader
        print(PinnedReader({str(path)!r}).directory)""")], capture_output=True, text=True, check=True)
    mine = PinnedReader(path)
    left = {p.name for p in (path / READERS_DIR).iterdir()}
    assert os.path.basename(gone.stdout.strip()) in left and mine.directory.name in left
    remove_readers(path)
    assert {p.name for p in (path / READERS_DIR).iterdir()} == {mine.directory.name}
    mine.close()


def test_a_server_leaves_no_checkpoints_behind(corpus_store, tmp_path):
    store = tmp_path / "store"
    subprocess.run(["cp", "-r", str(corpus_store), str(store)], check=True)
    with served_process(store) as (base, _proc, _log):
        r = httpx.get(base + "sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                      headers={"accept": "application/sparql-results+json"}, timeout=30)
        assert r.status_code == 200
        assert any((store / READERS_DIR).iterdir())                  # the workers read checkpoints
    assert not any((store / READERS_DIR).iterdir())


def test_a_pinned_reader_sees_what_the_writer_has_not_flushed_yet(tmp_path):
    """The write-ahead log holds it (a checkpoint of a read-only handle leaves the log out)."""
    path = tmp_path / "store"
    writer = ox.Store(str(path))
    write(writer, 0, 10)
    writer.add(ox.Quad(ox.NamedNode(f"{EX}late"), ox.NamedNode(f"{EX}p"), ox.Literal("not flushed"),
                       ox.NamedNode(f"{EX}g0")))
    reader = PinnedReader(path)
    assert reader.store.query(f"ASK {{ GRAPH ?g {{ <{EX}late> ?p ?o }} }}")
    reader.close()
