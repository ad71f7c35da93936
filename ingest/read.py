"""Read a file into text: .txt/.md in any common encoding, .pdf, .docx.

A file that cannot be read raises `ReadError` with a one-line reason; the
caller reports it and goes on with the rest of the batch. Limits keep a hostile
or broken file from taking unbounded time or memory:

- `max_bytes` (default 50 MB, `STYRGRAF_MAX_BYTES`): the largest file read; only
  regular files are read (a FIFO or device would block or never end);
- a DOCX is a zip: its parts may unpack to at most `MAX_DOCX_UNPACKED` bytes, and
  no part may inflate more than `MAX_DOCX_RATIO` times (a zip bomb), checked in
  the zip directory; each part is then inflated in bounded steps to check that it
  holds no more than the directory says, before python-docx reads any of it;
- the text may have at most `STYRGRAF_MAX_TEXT_CHARS` characters (default
  5,000,000, about 2,000 pages) and no line longer than `STYRGRAF_MAX_LINE_CHARS`
  (default 100,000): a longer text is refused rather than extracted for minutes.
"""
from __future__ import annotations

import hashlib
import io
import logging
import os
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx"}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# a zip whose members unpack to more than this is treated as a zip bomb
MAX_DOCX_UNPACKED = 200 * 1024 * 1024
# ... as is a part larger than 1 MB that inflates more than this many times (XML text: ~5-20)
MAX_DOCX_RATIO = 200
MAX_DOCX_PARTS = 10_000
DEFAULT_MAX_TEXT_CHARS = 5_000_000
DEFAULT_MAX_LINE_CHARS = 100_000


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, "") or default)
    except ValueError:
        return default


def default_max_bytes() -> int:
    return _env_int("STYRGRAF_MAX_BYTES", DEFAULT_MAX_BYTES)


class ReadError(Exception):
    """A file that cannot be read as a document."""


@dataclass
class Source:
    path: Path
    name: str
    sha256: str
    size: int
    media_type: str
    text: str


def read(path: Path, max_bytes: int | None = None) -> Source:
    path = Path(path)
    max_bytes = default_max_bytes() if max_bytes is None else max_bytes
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise ReadError("not a regular file" + (" (a directory)" if stat.S_ISDIR(st.st_mode) else ""))
        size = st.st_size
        if size > max_bytes:
            raise ReadError(f"file is {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)      # a file that grows (or lies about its size) stays bounded
        if len(data) > max_bytes:
            raise ReadError(f"file is over the limit of {max_bytes:,} bytes (--max-bytes)")
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from e
    if not data.strip():
        raise ReadError("file is empty")
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        text, media = read_pdf(data), "application/pdf"
        if not text.strip():
            raise ReadError("no text layer in the PDF (a scanned image? run OCR on it first)")
    elif suffix == ".docx":
        text, media = read_docx(data), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        text = decode_text(data)
        media = "text/markdown" if suffix in {".md", ".markdown"} else "text/plain"
    if not text.strip():
        raise ReadError("no text found in the file")
    check_text_size(text)
    size = len(data)
    return Source(path=path, name=path.name, sha256=hashlib.sha256(data).hexdigest(),
                  size=size, media_type=media, text=text)


def check_text_size(text: str) -> None:
    """Refuse a text over the character or line-length limit (the extractors' regular
    expressions are not meant for megabytes without a line break)."""
    max_chars = _env_int("STYRGRAF_MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS)
    if len(text) > max_chars:
        raise ReadError(f"text of {len(text):,} characters is over the limit of {max_chars:,} "
                        "(STYRGRAF_MAX_TEXT_CHARS)")
    max_line = _env_int("STYRGRAF_MAX_LINE_CHARS", DEFAULT_MAX_LINE_CHARS)
    if len(text) > max_line:
        longest = max(map(len, text.splitlines()), default=0)
        if longest > max_line:
            raise ReadError(f"a line of {longest:,} characters is over the limit of {max_line:,} "
                            "(STYRGRAF_MAX_LINE_CHARS): not running text")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text without a BOM
    (mostly Latin text: every other byte is zero), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd > 0.6 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.6 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with BOM, or Latin text without), else cp1252;
    binary is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_text(data.decode("utf-16"))
        except UnicodeDecodeError as e:
            raise ReadError("broken UTF-16 text") from e
    if (encoding := _utf16_without_bom(data)) is not None:
        try:
            return _check_text(data.decode(encoding))
        except UnicodeDecodeError as e:
            raise ReadError("broken UTF-16 text (no byte order mark)") from e
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise ReadError("binary data, not text") from None
        text = data.decode("cp1252", errors="replace")
    return _check_text(text)


def _check_text(text: str) -> str:
    control = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if "\x00" in text or control > max(8, len(text) // 100) or text.count("\ufffd") > len(text) // 20:
        raise ReadError("binary data, not text")
    return text


def read_pdf(data: bytes) -> str:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    # pdfminer logs a warning per damaged object; the file's one-line verdict is enough
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [(page.extract_text() or "") for page in pdf.pages]
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise ReadError(f"broken PDF: {type(e).__name__}") from e
    except Exception as e:  # pdfminer raises many private exception types on damaged files
        raise ReadError(f"broken PDF: {type(e).__name__}: {' '.join(str(e).split())[:80]}") from e
    return "\n\f\n".join(pages)


def _check_inflated_size(data: bytes, info: zipfile.ZipInfo) -> None:
    """Inflate one zip part in bounded steps and refuse it if it holds more than the zip
    directory declares: zipfile's read() inflates a part in one call, up to 2 GB, before it
    cuts it to the declared size, so a forged directory would otherwise pass the size checks."""
    if info.compress_type == zipfile.ZIP_STORED:
        if info.compress_size != info.file_size:
            raise ReadError(f"DOCX part {info.filename} is damaged (sizes differ)")
        return
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise ReadError(f"DOCX part {info.filename} uses an unsupported compression")
    header = data[info.header_offset:info.header_offset + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise ReadError(f"DOCX part {info.filename} is damaged (no local header)")
    start = info.header_offset + 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
    pending = data[start:start + info.compress_size]
    inflate = zlib.decompressobj(-15)
    total = 0
    try:
        while True:
            out = inflate.decompress(pending, 1 << 20)
            total += len(out)
            if total > info.file_size:
                raise ReadError(f"DOCX part {info.filename} inflates to more than its declared "
                                f"{info.file_size:,} bytes (zip bomb?)")
            pending = inflate.unconsumed_tail
            if not out and not pending:
                return
    except zlib.error as e:
        raise ReadError(f"broken DOCX: part {info.filename} does not inflate") from e


def read_docx(data: bytes) -> str:
    import docx

    try:
        # check the sizes in the zip directory before python-docx inflates anything; zipfile
        # never inflates a part beyond its declared size, so a forged directory cannot lie past this
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = z.infolist()
            if len(parts) > MAX_DOCX_PARTS:
                raise ReadError(f"DOCX has {len(parts):,} parts (zip bomb?)")
            unpacked = sum(i.file_size for i in parts)
            if unpacked > MAX_DOCX_UNPACKED:
                raise ReadError(f"DOCX unpacks to {unpacked:,} bytes, over the limit of "
                                f"{MAX_DOCX_UNPACKED:,} (zip bomb?)")
            for i in parts:
                if i.file_size > 1 << 20 and i.file_size > MAX_DOCX_RATIO * max(i.compress_size, 1):
                    raise ReadError(f"DOCX part {i.filename} inflates {i.file_size // max(i.compress_size, 1):,} "
                                    "times (zip bomb?)")
                _check_inflated_size(data, i)
        document = docx.Document(io.BytesIO(data))
    except ReadError:
        raise
    except Exception as e:  # python-docx and zipfile raise a variety of errors on broken files
        raise ReadError(f"broken DOCX: {type(e).__name__}") from e
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("  ".join(cell.text for cell in row.cells))
    return "\n".join(parts)
