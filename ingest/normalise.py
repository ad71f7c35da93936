"""Undo PDF-extraction artefacts, keeping a map back to the original offsets.

- lines broken mid-sentence are joined ("kommun-\\n\\nstyrelsen" -> "kommunstyrelsen",
  "i samråd \\nmed" -> "i samråd med"); a line that ends a sentence, a heading
  or a list item keeps its line break;
- blank lines that only separate visual lines (every other line blank) go;
- page furniture goes: "Sida 3 (7)", form feeds, and headers repeated on every
  page after their first appearance (which may carry the date or the body);
- bullet glyphs from PDF fonts ("", "•", "▪") become "•";
- telephone numbers and e-mail addresses are masked with "*" of equal length:
  styrgraf stores no personal contact data.

The normalised text is what every evidence span points into.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

BULLET_GLYPHS = "\uf0b7\uf0a7\uf076\u2022\u25aa\u25cf\u2023\u2043\u25e6\u2219\uf02d"
# list items and Markdown headings start a line of their own
BULLET_LINE = re.compile(rf"^\s*(?:[{BULLET_GLYPHS}]|[-–*]\s|\d{{1,2}}[.)]\s|[a-h]\)\s|#{{1,6}}\s)")
SOFT_HYPHEN = "\u00ad"
# a soft hyphen some PDF converters print as a not sign: "E-hälsomyndig¬heten"
NOT_SIGN_HYPHEN = re.compile(r"(?<=[a-zåäöé])\u00ac(?=[a-zåäöé])")
# no-break and thin spaces read as spaces (one character for one, so offsets stay): the rules match " "
WIDE_SPACES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "})
PAGE_NUMBER = re.compile(r"^\s*(?:Sida\s+)?\d{1,3}\s*(?:\(\d{1,3}\)|av\s+\d{1,3}|/\s*\d{1,3})\s*$", re.I)
SIDA_ANYWHERE = re.compile(r"\s*\bSida\s+\d{1,3}\s*\(\d{1,3}\)\s*")
RULE_LINE = re.compile(r"^(?:-{3,}|={3,}|_{3,}|\*{3,})$")
SENTENCE_END = re.compile(r"[.!?:;]\s*$")
# what stands between two cells of a row (a table's, a letterhead's columns, a row of a label and its value), once the text
# is read: three spaces or more, or a tab
CELL_GAP = re.compile(r"[ \t]{3,}|\t")
# a line of cells side by side: its lines are rows, never one sentence broken
COLUMNS = re.compile(rf"\S(?:{CELL_GAP.pattern})\S")
# a line of running prose that the page width broke, before a line that opens with a name ("… ska tillhandahålla ⏎
# Inspektionen för strategiska produkter uppgifter som …"): long, many words, a verb of a clause (which a heading seldom
# has), ending inside a word of the sentence
WRAPPED = re.compile(r"(?=.{60,})(?=.*\b(?:ska|skall|har|hade|är|var|kan|får|bör|kommer|blir|föreslås)\b)(?:\S+\s+){8,}[a-zåäö]{2,}")
# the spaces PDFs put between digit groups: space, no-break space, thin spaces
_SP = "[ \u00a0\u2009\u202f]"
# a Swedish telephone number: +46 8 123 45 67, +46 (0)8-123 45 67, 08-123 45 67, 08- 405 53 36,
# 070-123 45 67, 031-12 34 56, 0480-123 45, 0771-123 456, 08-50835768, 0701234567. The
# candidate is checked for 8-10 digits in national form (`_phone_end`); never inside an
# identifier, date, SFS number or decimal number (2024-05-01, 08-05-2019, KS 2024/0123,
# 2009:724, 0,5); the area code is 08 or has three to five digits
PHONE = re.compile(rf"""
    (?<![\w/:.,+\-–])
    (?P<prefix>\+46{_SP}?(?:\(0\){_SP}?)?[-–]?{_SP}?[1-9]\d{{0,2}}|08|0[1-9]\d{{1,3}})
    (?:{_SP}?[-–]{_SP}?|{_SP})?
    \d{{2,4}}(?:{_SP}?\d{{2,4}}){{0,3}}
    (?![\w/:–-]|[.,]\d)""", re.X)
EMAIL = re.compile(r"[\w.+-]+(?:@|\s?[(\[]at[)\]]\s?)[\w-]+(?:\.[\w-]+)+", re.I)
FOOTNOTE_MARK = re.compile(r"\s\d\s*$")
# the rule under a Markdown table's head: "|---|:---:|---|"
TABLE_RULE = re.compile(r"\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?")
# Markdown's strong emphasis, "**" or "__" at a word's edge (not a rule line, not "a__b" inside a word)
STRONG = re.compile(r"(?<![\w*])(?:\*\*|__)(?=[^\s*_])|(?<=[^\s*_])(?:\*\*|__)(?![\w*])")
# ... closing a heading that the next sentence follows with no space: "**Rekryteringskampanj**Polismyndigheten ska …"
GLUED_HEADING = re.compile(r"(?<=[^\s*_])(?:\*\*|__)(?=[A-ZÅÄÖ])")


def table_cells(text: str, s: int, e: int, gap: re.Pattern) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row text[s:e], without the spaces around it: the cells stand apart by
    what `gap` matches (a tab or a run of spaces; a Markdown table's bars are read as spaces, `normalise`)."""
    out, pos = [], s
    for m in [*gap.finditer(text, s, e), None]:
        a, b = pos, (m.start() if m else e)
        cell = text[a:b]
        if cell.strip():
            out.append((a + len(cell) - len(cell.lstrip()), a + len(cell.rstrip())))
        pos = m.end() if m else e
    return out


@dataclass
class Doc:
    """The normalised text of one document and where each character came from."""
    text: str
    origin: list[int] = field(repr=False)      # origin[i] = offset in the raw text of text[i]
    name: str = ""
    media_type: str = "text/plain"
    # how far each line that begins a line of the text was indented in the raw text (only those indented), by where
    # it begins: a letter laid out in columns puts the addressee's block far to the right
    leads: dict[int, int] = field(default_factory=dict, repr=False)

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]


def _furniture(lines: list[str]) -> set[str]:
    """Short lines with a digit repeated on several pages: running headers and footers."""
    counts = Counter(l.strip() for l in lines if l.strip())
    return {l for l, n in counts.items()
            if n >= 3 and len(l) < 80 and re.search(r"\d", l) and not l.startswith("§")}


def _phone_end(number: str) -> int | None:
    """Where the longest run of digit groups in a PHONE candidate that is a telephone number
    (8-10 digits in national form) ends, or None: '08-123 45 67 2019' ends before ' 2019'."""
    best = None
    for g in re.finditer(r"\d+", number):
        digits = re.sub(r"\D", "", number[:g.end()])
        if number.startswith("+"):
            digits = digits[2:] if digits[2:].startswith("0") else "0" + digits[2:]
        if 8 <= len(digits) <= 10:
            best = g.end()
    return best


def contact_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every e-mail address and telephone number in the text."""
    spans = [m.span() for m in EMAIL.finditer(text)]
    for m in PHONE.finditer(text):
        end = _phone_end(m.group(0))
        if end is not None:
            spans.append((m.start(), m.start() + end))
    return spans


def mask_contact_data(text: str) -> str:
    """Telephone numbers and e-mail addresses become '*' (spaces kept: offsets do not move)."""
    chars = list(text)
    for start, end in contact_spans(text):
        for i in range(start, end):
            if not chars[i].isspace():
                chars[i] = "*"
    return "".join(chars)


def normalise(raw: str, name: str = "", media_type: str = "text/plain") -> Doc:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    # keep offsets: work line by line over the raw text
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in raw.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    lines = [raw[a:b] for a, b in spans]
    furniture = _furniture(lines)

    nonblank = [i for i, l in enumerate(lines) if l.strip() and l.strip() != "\f"]
    blank_between = sum(1 for i, j in zip(nonblank, nonblank[1:]) if j > i + 1)
    blanks_are_artefacts = len(nonblank) > 4 and blank_between > 0.4 * len(nonblank)

    out: list[str] = []
    origin: list[int] = []
    markdown = media_type == "text/markdown"

    def emit(s: str, start: int | None) -> None:
        s = s.translate(WIDE_SPACES)
        drop = {i for i, c in enumerate(s) if c == SOFT_HYPHEN} | {m.start() for m in NOT_SIGN_HYPHEN.finditer(s)}
        if markdown:
            # "**Datum:** 2020-02-11": bold marks how a label looks, not what it says
            drop |= {i for m in STRONG.finditer(s) for i in range(m.start(), m.end())}
            # a heading glued to its paragraph ends a line of its own: its first mark becomes the line break
            glued = {m.start() for m in GLUED_HEADING.finditer(s)}
            if glued and start is not None:
                s = "".join("\n" if i in glued else c for i, c in enumerate(s))
                drop |= {i + 1 for i in glued}
        if start is not None and drop:
            # "Migrations\u00adverket" -> "Migrationsverket": soft hyphens only mark where a word may break
            keep = [i for i in range(len(s)) if i not in drop]
            out.append("".join(s[i] for i in keep))
            origin.extend(start + i for i in keep)
            return
        out.append(s)
        origin.extend(range(start, start + len(s)) if start is not None else [origin[-1] if origin else 0] * len(s))

    seen_furniture: set[str] = set()
    leads: dict[int, int] = {}
    prev: str | None = None           # the previous kept line (stripped)
    pending_blank = False
    for (a, b), line in zip(spans, lines):
        row = markdown and line.lstrip().startswith("|")
        if row:
            # a Markdown table: its rule row goes, and each row reads as cells apart ("| Åtgärd | Ansvarig |"
            # -> "Åtgärd   Ansvarig"), as a table extracted from a PDF does; one character for one, so offsets stay
            if TABLE_RULE.fullmatch(line.strip()):
                continue
            line = line.replace("|", " ")
        stripped = line.strip().replace("\f", "")
        if not stripped:
            pending_blank = pending_blank or not blanks_are_artefacts or "\f" in line
            continue
        if PAGE_NUMBER.match(stripped):
            continue
        if RULE_LINE.match(stripped):
            pending_blank = True      # a horizontal rule parts two paragraphs; it is no text of either
            continue
        if stripped in furniture:
            if stripped in seen_furniture:
                continue      # a running header: keep its first appearance, which may carry the date
            seen_furniture.add(stripped)
        lead = len(line) - len(line.lstrip())
        start = a + lead
        text = stripped
        m = SIDA_ANYWHERE.search(text)
        if m and len(text) > m.end() - m.start():
            text = text[:m.start()] + " " + text[m.end():] if m.start() else text[m.end():]
            text = text.strip()
        if not text.replace(SOFT_HYPHEN, ""):
            continue
        if text and (text[0] in BULLET_GLYPHS or text[:1] == "\u2212" and text[1:2].translate(WIDE_SPACES) == " "):
            text = "•" + text[1:]        # (a minus sign and a space, also a no-break one: a list item, as some editors write one)
        if prev is not None:
            is_item = bool(BULLET_LINE.match(text)) or text.startswith("•") or text.startswith("§") or row
            hyphen = re.search(r"[a-zåäöé][-\u00ad]$", prev) and text[:1].islower()
            if hyphen:
                # drop the hyphen that split a word across lines
                out[-1] = out[-1][:-1]
                origin.pop()
                emit(text, start)
                prev = prev[:-1] + text
                pending_blank = False
                continue
            if prev.endswith("-") and not is_item:
                emit(text, start)        # "MR-" + "programmet": keep the hyphen, no space
                prev = prev + text
                pending_blank = False
                continue
            mid_sentence = (not pending_blank and not is_item and not SENTENCE_END.search(prev)
                            and not prev.startswith("#") and not COLUMNS.search(prev) and not COLUMNS.search(text)
                            and (text[:1].islower() or text[:1] in "(–,\"”»" or prev.endswith(",")
                                 or re.search(r"\b(?:och|eller|i|av|för|till|med|om|den|det|de|att|som|på|från|samt|en|ett|inom|mot|under|genom|vid|enligt|hos|"
                                           r"över|efter|mellan|kring|bland|utan|än|åt|inför|avseende|rörande|gällande|beträffande|senast)$", prev)
                                 or WRAPPED.fullmatch(prev) and len(text) >= 40))
            sep = " " if mid_sentence else ("\n\n" if pending_blank else "\n")
            emit(sep, None)
            if not mid_sentence and lead:
                leads[len(origin)] = lead
        elif lead:
            leads[len(origin)] = lead
        emit(text, start)
        prev = text
        pending_blank = False
    text = mask_contact_data("".join(out))
    return Doc(text=text, origin=origin, name=name, media_type=media_type, leads=leads)
