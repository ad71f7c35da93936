"""What every extraction stage sees of one document."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .bodies import BodyIndex
from .model import Extraction, Span
from .normalise import Doc

# (also after a quotation that ends a sentence: '… inte kan påräknas." Riksdagen biföll …')
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9•\"”])|(?<=[.!?][\"”»])\s+(?=[A-ZÅÄÖ0-9•])|\n")
# a full stop that ends an abbreviation, not a sentence: "Kungl. Konsthögskolan", "t.ex. Skolverket" ("m.fl." and
# "m.m." end a row, and a capital after them a sentence: "… organisationer i det civila samhället m.fl. I uppdraget …")
ABBREVIATION_END = re.compile(r"(?:\b(?:Kungl|t\.ex|bl\.a|jfr|resp|dnr|Dnr|nr|ca|kap|prop|bet|rskr|dir|Dir|s\.k|"
                              r"o\.s\.v|d\.v\.s|dvs|fr\.o\.m|t\.o\.m|st|p|f|S:t|Sankt|utg\.omr|avsn|bil|skr|mom|art)|\b[A-ZÅÄÖ])\.$")


@dataclass
class Ctx:
    doc: Doc
    out: Extraction
    bodies: BodyIndex
    kind: str = "okänd"                    # document kind, set by document.classify
    year: int | None = None                 # the document's own year, for dates without one
    notes: list[str] = field(default_factory=list)   # stage warnings, reported with the file
    extras: dict = field(default_factory=dict)        # what a stage shares with later ones (e.g. a policy reader)

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def members_propose(self) -> bool:
        """A motion or a medborgarförslag: its "ger X i uppdrag att …" asks a council, gives nothing."""
        return self.kind in ("motion", "medborgarförslag")

    def span(self, start: int, end: int) -> Span:
        """A span trimmed of surrounding whitespace, so quotes are clean."""
        t = self.doc.text
        while start < end and t[start].isspace():
            start += 1
        while end > start and t[end - 1].isspace():
            end -= 1
        return Span(start, end)

    def sentences(self, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of each sentence or line in text[start:end]."""
        end = len(self.text) if end is None else end
        out, pos = [], start
        for m in SENTENCE_BREAK.finditer(self.text, start, end):
            if m.group() != "\n" and ABBREVIATION_END.search(self.text, max(start, m.start() - 8), m.start()):
                continue
            if m.start() > pos:
                out.append((pos, m.start()))
            pos = m.end()
        if pos < end:
            out.append((pos, end))
        return out

    def sentence_at(self, offset: int) -> tuple[int, int]:
        for a, b in self.sentences():
            if a <= offset < b:
                return a, b
        return offset, offset
