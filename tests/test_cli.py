"""The command line as a user meets it: ingest, validate, export, query."""
from __future__ import annotations

import json
import os
import pty
import random
import shutil
import subprocess

import pyoxigraph as ox
import pytest

from conftest import CORPUS, STYRGRAF, run_cli
from styrgraf.resources import QUERIES_DIR


def quad_count(path) -> int:
    return sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))


def test_ingest_stores_every_corpus_document(corpus_store, tmp_path):
    store = ox.Store.read_only(str(corpus_store))
    docs = list(store.query("SELECT ?f WHERE { GRAPH ?g { ?d a <https://w3id.org/styrgraf/ns#Document> ; "
                              "<https://w3id.org/styrgraf/ns#sourceFile> ?f } }"))
    assert sorted(r["f"].value for r in docs) == sorted(p.name for p in CORPUS.glob("*.txt"))


def test_validate_conforms(corpus_store):
    proc = run_cli("validate", "--store", corpus_store)
    assert "5 of 5 document graphs conform" in proc.stdout


@pytest.mark.skipif(shutil.which("rapper") is None, reason="needs rapper (Debian raptor2-utils)")
def test_export_nquads_read_back_by_rapper(corpus_store, tmp_path):
    out = tmp_path / "all.nq"
    run_cli("export", "--store", corpus_store, "--format", "nq", "--out", out)
    proc = subprocess.run(["rapper", "-i", "nquads", "-c", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    # rapper: "rapper: Parsing returned N statements"
    counted = int(proc.stderr.strip().split()[-2])
    assert counted == quad_count(out) > 1000


@pytest.mark.parametrize("fmt,parse", [("ttl", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES),
                                       ("jsonld", ox.RdfFormat.JSON_LD), ("rdfxml", ox.RdfFormat.RDF_XML),
                                       ("trig", ox.RdfFormat.TRIG)])
def test_export_formats_parse(corpus_store, tmp_path, fmt, parse):
    out = tmp_path / f"all.{fmt}"
    run_cli("export", "--store", corpus_store, "--format", fmt, "--out", out)
    assert sum(1 for _ in ox.parse(path=str(out), format=parse)) > 1000


def test_export_one_document(corpus_store, tmp_path):
    out = tmp_path / "one.nq"
    run_cli("export", "--store", corpus_store, "--format", "nq", "--document", "002_40780f4541adeb76.txt",
            "--out", out)
    graphs = {q.graph_name.value for q in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS)}
    assert graphs == {"https://w3id.org/styrgraf/graph/002-40780f4541adeb76"}
    missing = run_cli("export", "--store", corpus_store, "--document", "nope.txt", check=False)
    assert missing.returncode == 1 and "no graph" in missing.stderr


def sorted_nquads(store, tmp_path, name) -> list[str]:
    out = tmp_path / name
    run_cli("export", "--store", store, "--format", "nq", "--out", out)
    return sorted(out.read_text(encoding="utf-8").splitlines())


def test_ingest_twice_is_byte_identical(tmp_path):
    store = tmp_path / "s"
    run_cli("ingest", CORPUS, "--store", store)
    first = sorted_nquads(store, tmp_path, "a.nq")
    again = run_cli("ingest", CORPUS, "--store", store)
    assert "0 stored, 5 unchanged" in again.stdout
    assert sorted_nquads(store, tmp_path, "b.nq") == first


def test_forced_reingest_gives_same_facts(tmp_path):
    store = tmp_path / "s"
    run_cli("ingest", CORPUS / "002_40780f4541adeb76.txt", "--store", store)
    def facts(lines):   # the document's graph, less the time it was stored
        return [l for l in lines if "generatedAtTime" not in l and "/graph/_changes>" not in l]
    before = facts(sorted_nquads(store, tmp_path, "a.nq"))
    run_cli("ingest", CORPUS / "002_40780f4541adeb76.txt", "--store", store, "--force")
    after = facts(sorted_nquads(store, tmp_path, "b.nq"))
    assert before == after


def test_bad_files_are_reported_and_skipped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    random.seed(7)
    (folder / "random.txt").write_bytes(bytes(random.randrange(256) for _ in range(4000)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken-pdf.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF garbage")
    (folder / "broken-docx.docx").write_bytes(b"PK\x03\x04 not really a zip")
    text = (CORPUS / "002_40780f4541adeb76.txt").read_text(encoding="utf-8")
    (folder / "cp1252.txt").write_bytes(text.encode("cp1252", errors="replace"))
    shutil.copy(CORPUS / "000_c3f731b4bab44c47.txt", folder / "good.txt")
    store = tmp_path / "s"
    proc = run_cli("ingest", folder, "--store", store, check=False)
    assert proc.returncode == 1
    failed = [l for l in proc.stdout.splitlines() if l.startswith("FAILED")]
    assert len(failed) == 4, proc.stdout
    for name, reason in [("random.txt", "binary"), ("empty.txt", "empty"), ("broken-pdf.pdf", "PDF"),
                         ("broken-docx.docx", "DOCX")]:
        assert any(name in l and reason in l for l in failed), (name, failed)
    assert "2 stored" in proc.stdout, proc.stdout
    # the cp1252 file was read correctly: its Swedish letters survive
    store_ = ox.Store.read_only(str(store))
    titles = [r["t"].value for r in store_.query(
        'SELECT ?t WHERE { GRAPH ?g { ?b <http://www.w3.org/2004/02/skos/core#prefLabel> ?t } }')]
    assert "Arbetsmarknadsförvaltningen" in titles
    del store_
    assert "conform" in run_cli("validate", "--store", store).stdout


def test_unreadable_file_does_not_stop_the_batch(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / "002_40780f4541adeb76.txt", folder / "good.txt")
    locked = folder / "locked.txt"
    locked.write_text("text", encoding="utf-8")
    locked.chmod(0)
    proc = run_cli("ingest", folder, "--store", tmp_path / "s", check=False)
    assert proc.returncode == 1 and "1 stored" in proc.stdout and "locked.txt" in proc.stdout


def test_every_evidence_quote_is_its_span(corpus_store):
    store = ox.Store.read_only(str(corpus_store))
    rows = list(store.query("""
        PREFIX sg: <https://w3id.org/styrgraf/ns#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?quote ?start ?end ?text WHERE { GRAPH ?g {
          ?ev a sg:Evidence ; sg:quote ?quote ; sg:start ?start ; sg:end ?end ; prov:wasDerivedFrom ?d .
          ?d sg:normalisedText ?text } }"""))
    assert len(rows) > 200
    for r in rows:
        assert r["text"].value[int(r["start"].value):int(r["end"].value)] == r["quote"].value


def test_no_contact_data_in_any_literal(corpus_store):
    import re
    store = ox.Store.read_only(str(corpus_store))
    phone = re.compile(r"(?<![\w/:-])0\d{1,3}[- ]?\d{2,3}[ ]?\d{2}[ ]?\d{2,3}(?![\w/])")
    email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    for q in store.quads_for_pattern(None, None, None):
        if isinstance(q.object, ox.Literal) and q.object.datatype.value.endswith("string"):
            assert not email.search(q.object.value)
            assert not phone.search(q.object.value), phone.search(q.object.value)[0]


def test_query_command(corpus_store, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/styrgraf/ns#Document> }",
                  encoding="utf-8")
    out = json.loads(run_cli("query", rq, "--store", corpus_store).stdout)
    assert out["results"]["bindings"][0]["n"]["value"] == "5"
    csv_out = run_cli("query", rq, "--store", corpus_store, "--format", "csv").stdout
    assert csv_out.splitlines()[:2] == ["n", "5"]
    rq.write_text("SELEKT nonsense", encoding="utf-8")
    bad = run_cli("query", rq, "--store", corpus_store, check=False)
    assert bad.returncode == 2 and "error" in bad.stderr


def test_query_command_runs_a_named_query_file_as_it_is(corpus_store):
    """queries/*.rq declare no prefixes (the shared ones are added): they run as they are."""
    csv_out = run_cli("query", QUERIES_DIR / "counts.rq", "--store", corpus_store, "--format", "csv").stdout
    rows = dict(line.split(",") for line in csv_out.splitlines()[1:] if line)
    assert csv_out.splitlines()[0] == "collection,count" and rows["documents"] == "5"


def test_ingest_on_a_terminal_shows_progress_rate_and_time_left(tmp_path):
    """On a terminal a progress bar says how many documents of how many, how fast and how long still; in a
    pipe only the result lines and the summary come out."""
    pid, fd = pty.fork()
    if pid == 0:                                    # the child runs the CLI with the pseudo-terminal as its stdio
        os.environ["COLUMNS"] = "160"
        os.execvp(STYRGRAF[0], [*STYRGRAF, "ingest", str(CORPUS), "--store", str(tmp_path / "tty")])
    seen = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:                             # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    _, status = os.waitpid(pid, 0)
    text = seen.decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "5/5" in text and "documents/s" in text and "left" in text and "━" in text
    assert "5 stored, 0 unchanged, 0 failed" in text and "5 documents in " in text

    piped = run_cli("ingest", CORPUS, "--store", tmp_path / "pipe")
    assert "━" not in piped.stdout + piped.stderr and "documents/s" in piped.stderr
    assert piped.stdout.splitlines()[-1] == "5 stored, 0 unchanged, 0 failed"
