"""Bad files: every one is reported on one line (or read), the batch goes on, the rest is stored.

Through the real command line: random bytes, empty files, UTF-16 and cp1252 text, a 100 MB
file, a 10 MB line, zip bombs disguised as DOCX, a PDF without a text layer, a FIFO, a
dangling symlink, a file that cannot be read. Through `ingest.batch` directly: a bounded
hypothesis fuzz of random bytes and of truncated and bit-flipped real PDF and DOCX files.
"""
from __future__ import annotations

import functools
import io
import os
import random
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT, STYRGRAF, run_cli
from styrgraf.ingest import batch
from styrgraf.ingest.read import SUFFIXES, ReadError, read
from styrgraf.store import Store

BASE = "https://w3id.org/styrgraf/"
SG = "https://w3id.org/styrgraf/ns#"
# a short document with Swedish letters in the words that must survive decoding
SWEDISH = ("Handlingsplan för Göteborgs Stad 2024–2027\n\n"
           "Kommunstyrelsen ansvarar för att målen följs upp årligen.\n"
           "Miljöförvaltningen ska ta fram en åtgärdsplan för bättre luftkvalitet.\n")
WORDS = ("Göteborgs", "målen", "följs", "årligen", "Miljöförvaltningen", "åtgärdsplan")
GB = 1 << 30


# ================================================================== making real files
def make_pdf(text: str, with_text: bool = True) -> bytes:
    """A real PDF (reportlab); without a text layer it holds only drawn shapes, like a scan."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 800
    for line in text.splitlines():
        if with_text:
            c.drawString(60, y, line)
        else:
            c.rect(60, y, 6 * len(line), 10, fill=1)
        y -= 16
    c.showPage()
    c.save()
    return buf.getvalue()


def make_docx(text: str) -> bytes:
    import docx

    d = docx.Document()
    for para in text.splitlines():
        d.add_paragraph(para)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _zero_deflate(n_mib: int) -> bytes:
    """A raw deflate stream of n MiB of zeros, built from one repeated full-flush block
    (compressing gigabytes for real takes seconds)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    c.compress(bytes(1 << 20))
    c.flush(zlib.Z_FULL_FLUSH)           # the first block differs (no history); the rest repeat
    block = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
    first = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = first.compress(bytes(1 << 20)) + first.flush(zlib.Z_FULL_FLUSH)
    return head + block * (n_mib - 1) + c.flush(zlib.Z_FINISH)


def _crc_of_zeros(n: int) -> int:
    crc, chunk = 0, bytes(1 << 20)
    while n >= len(chunk):
        crc, n = zlib.crc32(chunk, crc), n - len(chunk)
    return zlib.crc32(bytes(n), crc)


def zip_bomb_docx(n_mib: int = 3 * 1024, declared: int | None = None) -> bytes:
    """A DOCX (the parts python-docx needs) whose word/document.xml inflates to `n_mib` MiB of
    zeros; with `declared`, the zip directory lies and claims that many bytes (and their CRC)."""
    real = zipfile.ZipFile(io.BytesIO(make_docx("x")))
    members = [(i.filename, real.read(i.filename)) for i in real.infolist() if i.filename != "word/document.xml"]
    bomb = _zero_deflate(n_mib)
    size = declared if declared is not None else n_mib << 20
    assert size < 1 << 32
    crc = _crc_of_zeros(size) if declared is not None else 0
    out, central = io.BytesIO(), io.BytesIO()
    entries = [(name, zlib.compressobj(6, zlib.DEFLATED, -15), data) for name, data in members]
    rows = [(name, (co.compress(data) + co.flush()), zlib.crc32(data), len(data)) for name, co, data in entries]
    rows.insert(1, ("word/document.xml", bomb, crc, size))
    for name, comp, crc_, usize in rows:
        offset = out.tell()
        fname = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc_, len(comp), usize, len(fname), 0))
        out.write(fname)
        out.write(comp)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc_, len(comp), usize,
                                  len(fname), 0, 0, 0, 0, 0, offset))
        central.write(fname)
    cd_offset, cd = out.tell(), central.getvalue()
    out.write(cd)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(rows), len(rows), len(cd), cd_offset, 0))
    return out.getvalue()


@functools.cache
def seeds() -> dict[str, bytes]:
    """Real PDF and DOCX files to damage: generated, and the bundled fixtures' text."""
    text = (FIXTURES / "doc_handlingsplan_buller.txt").read_text(encoding="utf-8")
    return {".pdf": make_pdf(text), ".docx": make_docx(text)}


# ================================================================== helpers
def lines_for(stdout: str) -> dict[str, str]:
    """The one line the CLI printed for each file name."""
    out: dict[str, str] = {}
    for line in stdout.splitlines():
        if line.startswith(("stored", "FAILED", "unchanged")):
            name = Path(line.split(None, 1)[1].split(":", 1)[0]).name
            assert name not in out, f"two lines for {name}:\n{stdout}"
            out[name] = line
    return out


def stored_texts(store: Path) -> dict[str, str]:
    st = ox.Store.read_only(str(store))
    return {r["f"].value: r["t"].value for r in st.query(
        f"SELECT ?f ?t WHERE {{ GRAPH ?g {{ ?d <{SG}sourceFile> ?f ; <{SG}normalisedText> ?t }} }}")}


# ================================================================== through the command line
def test_a_batch_of_bad_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = (FIXTURES / "doc_handlingsplan_buller.txt").read_text(encoding="utf-8")
    (folder / "good.txt").write_text(good, encoding="utf-8")       # (one graph per file stem: no two alike)
    (folder / "good-pdf.pdf").write_bytes(make_pdf(SWEDISH))
    (folder / "good-docx.docx").write_bytes(make_docx(SWEDISH))
    (folder / "utf16.txt").write_bytes(SWEDISH.encode("utf-16"))                 # with BOM
    (folder / "utf16be.md").write_bytes(b"\xfe\xff" + SWEDISH.encode("utf-16-be"))
    (folder / "utf16nobom.txt").write_bytes(SWEDISH.encode("utf-16-le"))         # read, or refused clearly
    (folder / "cp1252.txt").write_bytes(SWEDISH.encode("cp1252"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b" \n\n\t \n")
    (folder / "random-pdf.pdf").write_bytes(random.Random(1).randbytes(5000))
    (folder / "random-docx.docx").write_bytes(random.Random(2).randbytes(5000))
    (folder / "random-txt.txt").write_bytes(random.Random(3).randbytes(5000))
    (folder / "truncated-pdf.pdf").write_bytes(seeds()[".pdf"][:700])
    (folder / "truncated-docx.docx").write_bytes(seeds()[".docx"][:3000])
    (folder / "scan.pdf").write_bytes(make_pdf(SWEDISH, with_text=False))
    (folder / "bomb.docx").write_bytes(zip_bomb_docx(3 * 1024))                 # 3 GiB document.xml
    (folder / "forged-bomb.docx").write_bytes(zip_bomb_docx(3 * 1024, declared=4096))
    with open(folder / "huge.txt", "wb") as f:                                  # 100 MB, sparse
        f.truncate(100 * 1024 * 1024)
    (folder / "longline.txt").write_bytes(b"Kommunstyrelsen ansvarar " + b"x" * (10 * 1024 * 1024))
    (folder / "dir.txt").mkdir()                                                # a directory named x.txt
    os.mkfifo(folder / "fifo.txt")
    (folder / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (folder / "io-error.txt").symlink_to("/proc/self/mem")                      # stat: a file; read: EIO
    locked = folder / "locked.txt"
    locked.write_text(SWEDISH, encoding="utf-8")
    locked.chmod(0)                                                              # root reads it anyway

    store = tmp_path / "store"
    started = time.monotonic()
    # the folder, and the special files by name (a folder walk skips what is not a regular file)
    proc = run_cli("ingest", folder, folder / "fifo.txt", folder / "dangling.md", folder / "dir.txt",
                   "--store", store, check=False, timeout=120)
    elapsed = time.monotonic() - started
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    lines = lines_for(proc.stdout)

    expect_failed = {
        "empty.txt": "empty", "blank.md": "empty", "random-pdf.pdf": "broken PDF", "random-docx.docx": "broken DOCX",
        "random-txt.txt": "binary", "truncated-pdf.pdf": "PDF", "truncated-docx.docx": "broken DOCX",
        "scan.pdf": "no text layer", "bomb.docx": "zip bomb", "forged-bomb.docx": "DOCX",
        "huge.txt": "over the limit", "longline.txt": "over the limit", "fifo.txt": "not a regular file",
        "dangling.md": "not a regular file", "io-error.txt": "cannot read",
    }
    expect_stored = ["good.txt", "good-pdf.pdf", "good-docx.docx", "utf16.txt", "utf16be.md", "cp1252.txt"]
    for name, reason in expect_failed.items():
        assert name in lines, (name, proc.stdout)
        assert lines[name].startswith("FAILED") and reason in lines[name], lines[name]
    for name in expect_stored:
        assert lines[name].startswith("stored"), lines[name]
    assert lines["utf16nobom.txt"].startswith("stored") or "UTF-16" in lines["utf16nobom.txt"]
    assert lines["locked.txt"].startswith("stored" if os.geteuid() == 0 else "FAILED")
    summary = proc.stdout.strip().splitlines()[-1]
    failed = sum(l.startswith("FAILED") for l in lines.values())
    assert summary.endswith(f"{failed} failed"), summary
    assert elapsed < 60, f"the batch took {elapsed:.0f} s"

    # what was read is right: the Swedish letters came through every encoding
    texts = stored_texts(store)
    for name in ["utf16.txt", "utf16be.md", "cp1252.txt", "good-pdf.pdf", "good-docx.docx"]:
        for word in WORDS:
            assert word in texts[name], (name, word, texts[name][:300])
    assert "conform" in run_cli("validate", "--store", store).stdout


def test_the_size_limit_is_configurable(tmp_path):
    f = tmp_path / "doc.txt"
    f.write_text(SWEDISH * 20, encoding="utf-8")
    size = f.stat().st_size
    proc = run_cli("ingest", f, "--store", tmp_path / "a", "--max-bytes", str(size - 1), check=False)
    assert proc.returncode == 1 and f"over the limit of {size - 1:,}" in proc.stdout
    proc = run_cli("ingest", f, "--store", tmp_path / "b", check=False, env={"STYRGRAF_MAX_BYTES": str(size - 1)})
    assert proc.returncode == 1 and "over the limit" in proc.stdout
    assert "1 stored" in run_cli("ingest", f, "--store", tmp_path / "c", "--max-bytes", str(size)).stdout


def test_a_long_line_is_refused_quickly(tmp_path):
    """One line of 2 MB (under the character limit, over the line limit): refused at once,
    not handed to the extractors; the limits come from the environment."""
    f = tmp_path / "line.txt"
    f.write_text("Kommunstyrelsen ansvarar för uppföljningen. " * 45_000, encoding="utf-8")
    started = time.monotonic()
    proc = run_cli("ingest", f, "--store", tmp_path / "s", check=False)
    assert proc.returncode == 1 and "STYRGRAF_MAX_LINE_CHARS" in proc.stdout, proc.stdout
    assert time.monotonic() - started < 20
    with pytest.raises(ReadError, match="STYRGRAF_MAX_TEXT_CHARS"):
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("STYRGRAF_MAX_TEXT_CHARS", "1000")
            read(f)


def test_zip_bombs_are_refused_in_bounded_memory(tmp_path):
    """The bombs are refused from the zip directory: the CLI's peak memory stays far below
    what inflating them would take."""
    (tmp_path / "bomb.docx").write_bytes(zip_bomb_docx(3 * 1024))
    (tmp_path / "forged.docx").write_bytes(zip_bomb_docx(3 * 1024, declared=4096))
    script = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
              "print(p.stdout); print('MAXRSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    proc = subprocess.run([sys.executable, "-c", script, *STYRGRAF, "ingest", str(tmp_path / "bomb.docx"),
                           str(tmp_path / "forged.docx"), "--store", str(tmp_path / "s")],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    lines = lines_for(proc.stdout)
    assert "zip bomb" in lines["bomb.docx"] and lines["forged.docx"].startswith("FAILED"), proc.stdout
    maxrss_kib = int(proc.stdout.split("MAXRSS")[1])
    assert maxrss_kib < 512 * 1024, f"peak memory {maxrss_kib // 1024} MiB"


# ================================================================== fuzz, through ingest.batch
def damaged(data: bytes, rnd: random.Random, mode: str) -> bytes:
    if mode == "truncate":
        return data[:rnd.randrange(len(data))]
    b = bytearray(data)
    for _ in range(rnd.randint(1, 40)):
        i = rnd.randrange(len(b))
        b[i] ^= 1 << rnd.randrange(8)
    return bytes(b)


@st.composite
def bad_files(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["random", "truncate", "flip"]))
    if kind == "random":
        suffix = draw(st.sampled_from(sorted(SUFFIXES)))
        prefix = draw(st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xff\xfe", b"\xef\xbb\xbf"]))
        return suffix, prefix + draw(st.binary(min_size=0, max_size=3000))
    suffix = draw(st.sampled_from([".pdf", ".docx"]))
    rnd = random.Random(draw(st.integers(0, 2**32)))
    return suffix, damaged(seeds()[suffix], rnd, kind)


FUZZ_DIR = Path(tempfile.mkdtemp(prefix="styrgraf-fuzz-"))


@settings(max_examples=int(os.environ.get("STYRGRAF_FUZZ_EXAMPLES", "120")), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files=st.lists(bad_files(), min_size=1, max_size=3))
def test_fuzz_every_file_is_read_or_refused_in_one_line(files):
    """Each damaged file is stored or refused with a one-line message; the batch never stops,
    and a good file after the bad ones is stored."""
    paths = []
    for i, (suffix, data) in enumerate(files):
        p = FUZZ_DIR / f"f{i}{suffix}"
        p.write_bytes(data)
        paths.append(p)
    good = FUZZ_DIR / "z-good.txt"
    good.write_text(SWEDISH, encoding="utf-8")
    store = Store()
    results = batch.ingest(store, [*paths, good], BASE, validate=True)
    assert len(results) == len(paths) + 1
    for r in results:
        assert r.status in ("stored", "failed"), r
        if r.status == "failed":
            assert r.message and "\n" not in r.message and "Traceback" not in r.message, r.message
            assert not r.message.startswith("extraction error"), r.message     # a reader bug
    assert results[-1].status == "stored" and store.graphs()


def test_fuzz_seeds_are_readable():
    """The undamaged seeds are read (the fuzz test damages real files, not junk)."""
    for suffix, data in seeds().items():
        p = FUZZ_DIR / f"seed{suffix}"
        p.write_bytes(data)
        assert "Handlingsplan mot buller" in read(p).text


def test_a_document_whose_graph_violates_the_shapes_is_refused_whole(tmp_path, monkeypatch):
    """A graph that breaks a shape (here: a second checksum, where the shapes allow one) is not
    stored at all, the file is reported with the shape's message, and the batch goes on."""
    real_build = batch.build

    def build(base, extraction, doc, source):
        graph, triples = real_build(base, extraction, doc, source)
        if source.name == "bad.txt":
            document = next(t.subject for t in triples if t.predicate.value == SG + "sha256")
            triples.append(ox.Triple(document, ox.NamedNode(SG + "sha256"), ox.Literal("0" * 64)))
        return graph, triples

    monkeypatch.setattr(batch, "build", build)
    for name in ("bad.txt", "good.txt"):
        (tmp_path / name).write_text(SWEDISH, encoding="utf-8")
    store = Store()
    results = {r.path.name: r for r in batch.ingest(store, [tmp_path], BASE, validate=True)}
    assert results["good.txt"].status == "stored"
    bad = results["bad.txt"]
    assert bad.status == "failed" and "\n" not in bad.message
    assert bad.message == ("violates the shapes: Message: A document must have exactly one SHA-256 checksum "
                           "(sg:sha256) of 64 hexadecimal characters."), bad.message
    assert [g for g in store.document_graphs() if g.endswith("/bad")] == []
    assert [g for g in store.document_graphs() if g.endswith("/good")]
