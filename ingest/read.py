"""Read a file into text: .txt/.md in any common encoding, .pdf, .docx.

A file that cannot be read raises `ReadError` with a one-line reason; the
caller reports it and goes on with the rest of the batch.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx"}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# a zip whose members unpack to more than this is treated as a zip bomb
MAX_DOCX_UNPACKED = 200 * 1024 * 1024


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


def read(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"file is {size:,} bytes, over the limit of {max_bytes:,}")
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from e
    if not data.strip():
        raise ReadError("file is empty")
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        text, media = read_pdf(data), "application/pdf"
    elif suffix == ".docx":
        text, media = read_docx(data), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        text = decode_text(data)
        media = "text/markdown" if suffix in {".md", ".markdown"} else "text/plain"
    if not text.strip():
        raise ReadError("no text found in the file")
    return Source(path=path, name=path.name, sha256=hashlib.sha256(data).hexdigest(),
                  size=size, media_type=media, text=text)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252; binary is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise ReadError("broken UTF-16 text") from e
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise ReadError("binary data, not text") from None
        text = data.decode("cp1252", errors="replace")
    control = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if "\x00" in text or control > max(8, len(text) // 100) or text.count("\ufffd") > len(text) // 20:
        raise ReadError("binary data, not text")
    return text


def read_pdf(data: bytes) -> str:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [(page.extract_text() or "") for page in pdf.pages]
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise ReadError(f"broken PDF: {type(e).__name__}") from e
    except Exception as e:  # pdfminer raises many private exception types on damaged files
        raise ReadError(f"broken PDF: {type(e).__name__}: {str(e)[:80]}") from e
    return "\n\f\n".join(pages)


def read_docx(data: bytes) -> str:
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_DOCX_UNPACKED:
                raise ReadError("DOCX unpacks to too much data (zip bomb?)")
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
