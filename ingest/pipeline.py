"""The extraction stages in order, from a file to an `Extraction`.

Each stage is a module with `extract(ctx)`: it reads `ctx.doc.text` (and what
earlier stages put in `ctx.out`) and appends facts to `ctx.out`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import assignments, citations, consultations, document, laws, meetings, policies, responsibilities
from .bodies import find_bodies, written_names
from .context import Ctx
from .model import Extraction
from .normalise import Doc, normalise
from .read import Source, read

# document first (kind, metadata, own bodies), then the facts that refer to them; responsibilities
# after assignments, whose assignees the decision's own words ("myndigheten") refer to
STAGES = (document, meetings, policies, assignments, consultations, responsibilities, laws, citations)


@dataclass
class Result:
    source: Source
    doc: Doc
    extraction: Extraction
    notes: list[str]


def extract_text(text: str, name: str = "", media_type: str = "text/plain") -> tuple[Doc, Extraction, list[str]]:
    doc = normalise(text, name=name, media_type=media_type)
    ctx = Ctx(doc=doc, out=Extraction(), bodies=find_bodies(doc.text))
    for stage in STAGES:
        stage.extract(ctx)
    ctx.out.municipality = ctx.bodies.municipality
    written_names(ctx.bodies)
    ctx.out.bodies = ctx.bodies.all()
    return doc, ctx.out, ctx.notes


def extract_file(path: Path, max_bytes: int | None = None) -> Result:
    source = read(path, **({"max_bytes": max_bytes} if max_bytes else {}))
    doc, extraction, notes = extract_text(source.text, source.name, source.media_type)
    return Result(source, doc, extraction, notes)
