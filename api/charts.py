"""Charts as inline SVG, drawn on the server from the rows of the table printed beside them.

A chart is a picture of that table: it needs no script, scales with the page (viewBox), and says in
words what it shows (role="img" with a title). Its rows are one per column or bar, with a number per
series; the colour of a series is the CSS class `s-<series>` (styrgraf.css), the same in every chart.
Each function returns the <svg> element as text. The county map (`choropleth`) is drawn the same
way, from the county shapes of the front-end build (api/places.py), its classes `m-<k>`.
"""
from __future__ import annotations

import math
import re
from datetime import date
from html import escape

BAR = 22            # px: the thickness of a bar and of a legend swatch
GAP = 8


WIDTH = 720         # the drawing's own width: the page scales it, so that text keeps one size


def _legend(series: list[str], labels: dict[str, str], y: int) -> list[str]:
    out, x = [], 0
    for s in series:
        out.append(f'<rect class="s-{s}" x="{x}" y="{y}" width="14" height="14"/>'
                   f'<text x="{x + 20}" y="{y + 12}">{escape(labels.get(s, s))}</text>')
        x += 36 + 8 * len(labels.get(s, s))
    return out


def stacked_columns(rows: list[dict], x: str, series: list[str], labels: dict[str, str], title: str) -> str:
    """One column per row (a year, named by its field `x`), stacked by the numeric fields `series`."""
    top = max((sum(int(r.get(s) or 0) for s in series) for r in rows), default=0) or 1
    height, col = 220, max(BAR, min(48, WIDTH // max(1, len(rows))))
    width = max(WIDTH, len(rows) * (col + GAP) + 40)
    parts = []
    for i, r in enumerate(rows):
        key = str(r[x])
        y = height
        for s in series:
            n = int(r.get(s) or 0)
            if not n:
                continue
            h = max(1, round(n / top * (height - 20)))
            y -= h
            parts.append(f'<rect class="s-{s}" x="{40 + i * (col + GAP)}" y="{y}" width="{col}" height="{h}">'
                         f'<title>{escape(key)}: {escape(labels.get(s, s))} {n}</title></rect>')
        parts.append(f'<text class="tick" x="{40 + i * (col + GAP) + col / 2}" y="{height + 16}" '
                     f'text-anchor="middle">{escape(key)}</text>')
    parts.append(f'<text class="tick" x="34" y="14" text-anchor="end">{top}</text>'
                 f'<text class="tick" x="34" y="{height}" text-anchor="end">0</text>'
                 f'<line class="axis" x1="38" y1="{height}" x2="{width}" y2="{height}"/>')
    parts += _legend(series, labels, height + 30)
    return (f'<svg class="chart" role="img" viewBox="0 0 {width} {height + 50}" preserveAspectRatio="xMinYMin meet">'
            f'<title>{escape(title)}</title>{"".join(parts)}</svg>')


def stacked_bars(rows: list[dict], label: str, series: list[str], labels: dict[str, str], title: str) -> str:
    """One horizontal bar per row (a body), stacked by the numeric fields `series`."""
    top = max((sum(int(r.get(s) or 0) for s in series) for r in rows), default=0) or 1
    name_w, plot_w = 260, WIDTH - 320
    parts = []
    for i, r in enumerate(rows):
        y = i * (BAR + GAP)
        name = r.get(label) or ""
        parts.append(f'<text x="{name_w - 8}" y="{y + BAR - 6}" text-anchor="end">'
                     f'{escape(name if len(name) <= 34 else name[:33] + "…")}</text>')
        x = name_w
        for s in series:
            n = int(r.get(s) or 0)
            if not n:
                continue
            w = max(1, round(n / top * plot_w))
            parts.append(f'<rect class="s-{s}" x="{x}" y="{y}" width="{w}" height="{BAR}">'
                         f'<title>{escape(name)}: {escape(labels.get(s, s))} {n}</title></rect>')
            x += w
        parts.append(f'<text class="tick" x="{x + 6}" y="{y + BAR - 6}">'
                     f'{sum(int(r.get(s) or 0) for s in series)}</text>')
    h = len(rows) * (BAR + GAP)
    parts += _legend(series, labels, h + 8)
    return (f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {h + 30}" '
            f'preserveAspectRatio="xMinYMin meet"><title>{escape(title)}</title>{"".join(parts)}</svg>')


# the year a goal's own words set it for: "… ska ha halverats till 2030", "senast år 2025", "före 2040"
GOAL_YEAR = re.compile(r"\b(?:till|senast|före|innan|år|under|från och med|fr\.o\.m\.)\s+(?:år\s+)?((?:19|20)\d\d)\b")


def goal_year(text: str) -> int | None:
    m = GOAL_YEAR.search(text or "")
    return int(m.group(1)) if m else None


def timeline(start: int | None, end: int | None, adopted: int | None, today: int,
             goals: list[tuple[int, str]], words: dict[str, str]) -> str | None:
    """A policy's time: the years it is valid (a bar; open to the right when it runs until further
    notice, `end` None with `start` set), when it was adopted, this year, and each goal at the year
    its text names. None when the policy has no year at all."""
    years = [y for y in (start, end, adopted) if y] + [y for y, _ in goals]
    if not years:
        return None
    lo, hi = min(years + [today]) - 1, max(years + [today]) + 1
    x0, span = 40, WIDTH - 80

    def x(year: float) -> float:
        return round(x0 + (year - lo) / (hi - lo) * span, 1)

    parts = [f'<line class="axis" x1="{x0}" y1="60" x2="{x0 + span}" y2="60"/>']
    step = max(1, round((hi - lo) / 10))
    for y in range(lo, hi + 1, step):
        parts.append(f'<text class="tick" x="{x(y)}" y="78" text-anchor="middle">{y}</text>')
    if start:
        stop = end + 1 if end else hi
        parts.append(f'<rect class="s-period" x="{x(start)}" y="40" width="{max(2, x(stop) - x(start))}" height="14">'
                     f'<title>{escape(words["valid"])}: {start}–{end or "…"}</title></rect>')
    if adopted:
        parts.append(f'<path class="s-adopted" d="M{x(adopted)} 36 l-6 -10 h12 z"><title>{escape(words["adopted_on"])}: '
                     f'{adopted}</title></path>')
    parts.append(f'<line class="s-today" x1="{x(today + 0.5)}" y1="28" x2="{x(today + 0.5)}" y2="64">'
                 f'<title>{escape(words["today"])}: {today}</title></line>')
    for k, (year, text) in enumerate(sorted(goals)):
        parts.append(f'<circle class="s-goal" cx="{x(year + 0.5)}" cy="{98 + 12 * (k % 4)}" r="5">'
                     f'<title>{year}: {escape(text)}</title></circle>')
    height = 110 + 12 * min(3, max(0, len(goals) - 1))
    return (f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" preserveAspectRatio="xMinYMin meet">'
            f'<title>{escape(words["timeline"])}</title>{"".join(parts)}</svg>')


def classes(values: list[int], n: int = 4) -> list[tuple[int, int]]:
    """Up to `n` classes (low, high) of the positive `values`: one per value where there are few,
    else split at quantiles of the distinct values (counts are skewed: one place can hold most)."""
    distinct = sorted({v for v in values if v > 0})
    if len(distinct) <= n:
        return [(v, v) for v in distinct]
    highs = [distinct[math.ceil((i + 1) * len(distinct) / n) - 1] for i in range(n)]
    return list(zip([distinct[0]] + [h + 1 for h in highs[:-1]], highs))


def choropleth(view_box: str, areas: list[dict], title: str, legend_title: str, none_label: str) -> str:
    """A map of areas (the counties) coloured by a count. Each area is a dict: `id`, `path` (SVG
    path data in `view_box` units), `value`, `note` (its row of the table beside the map, for its
    <title> and, if it is a link, its name) and `href` (or None). The colour is the CSS class
    `m-<k>`: m-0 for nothing, m-1 … m-4 for the classes of `classes`, darker for more; the legend
    stands right of the map. With links inside, the drawing is a group, not an image (an image's
    content is hidden from assistive technology)."""
    x0, y0, w, h = (float(v) for v in view_box.split())
    steps = classes([int(a["value"] or 0) for a in areas])

    def cls(n: int) -> int:
        return next((k for k, (_, hi) in enumerate(steps, 1) if n <= hi), 0) if n > 0 else 0

    parts = []
    for a in areas:
        n = int(a["value"] or 0)
        shape = (f'<path id="{escape(a["id"])}" class="m-{cls(n)}" d="{escape(a["path"])}">'
                 f'<title>{escape(a["note"])}</title></path>')
        parts.append(f'<a href="{escape(a["href"])}" aria-label="{escape(a["note"])}">{shape}</a>'
                     if a.get("href") else shape)
    lx, ly = x0 + w + 24, y0 + 40
    legend = [f'<text class="legend-title" x="{lx}" y="{ly}">{escape(legend_title)}</text>']
    labels = [(0, none_label)] + [(k, str(lo) if lo == hi else f"{lo}–{hi}") for k, (lo, hi) in enumerate(steps, 1)]
    for i, (k, text) in enumerate(labels):
        y = ly + 18 + i * 34
        legend.append(f'<rect class="m-{k}" x="{lx}" y="{y}" width="24" height="24"/>'
                      f'<text x="{lx + 34}" y="{y + 19}">{escape(text)}</text>')
    width = w + 24 + 14 * max(len(legend_title), *(len(text) + 3 for _, text in labels))   # ~14 units a letter
    return (f'<svg class="chart map" role="group" aria-label="{escape(title)}" '
            f'viewBox="{x0:g} {y0:g} {width:g} {h:g}" preserveAspectRatio="xMinYMin meet">'
            f'<title>{escape(title)}</title>{"".join(parts)}<g class="legend">{"".join(legend)}</g></svg>')


# ---------------------------------------------------------------- assignments from decision to report
TRACK_W, TRACK_H, PAD = 600, 36, 10      # a track's own units; the page scales it (and its marks) to its width
LINE_Y = 19


def process_scale(rows: list[dict], today: str) -> dict:
    """The time axis the tracks of `rows` (api/process.py, `chain`) share: whole years from the
    first to the last date any of them has, and today; the years to label (at most 8, so that
    they fit a phone's width), each at its middle as a share of the track's width."""
    days = [today] + [d for r in rows for d in _dates(r)]
    lo = date(int(min(days)[:4]), 1, 1)
    hi = date(int(max(days)[:4]) + 1, 1, 1)
    step = max(1, math.ceil((hi.year - lo.year) / 8))
    scale = {"lo": lo.toordinal(), "hi": hi.toordinal()}
    scale["ticks"] = [{"year": y, "left": round(_x(scale, date(y, 7, 1).isoformat()) / TRACK_W * 100, 2)}
                      for y in range(lo.year, hi.year, step)]
    return scale


def _dates(r: dict) -> list[str]:
    out = [r.get("decided"), *r.get("first_dates", ()), r.get("deadline")]
    out += [d for c in r.get("changes", ()) for d in c["sets"]]
    out += [x["date"] for x in r.get("reports", ())]
    return [d for d in out if d]


def _x(scale: dict, day: str) -> float:
    n = date.fromisoformat(day).toordinal()
    return round(PAD + (n - scale["lo"]) / (scale["hi"] - scale["lo"]) * (TRACK_W - 2 * PAD), 1)


def process_track(r: dict, scale: dict, today: str, ident: str, words: dict[str, str]) -> str:
    """One assignment as a line through time (api/process.py, `chain`, gives `r`): from the day it
    was decided (a dot) to the deadline in force; each deadline as a diamond (as first set: hollow;
    set by a change: filled, the arc from the deadline it moved; a partial date: a small tick); each
    report as a triangle below the line (a delredovisning hollow, a slutredovisning filled); today
    as a dashed line. Its <title> names the assignment and its <desc> says the same in words, so
    the picture needs neither colour nor sight; each mark has a <title> and a `data-mark`."""
    def x(day: str) -> float:
        return _x(scale, day)
    marks, told = [], [_describe(r, words)]
    drawn = _dates(r)
    if drawn:
        # from the first date to the deadline in force or the last report, whichever is later
        ends = [d for d in (r.get("deadline"), *(rep["date"] for rep in r["reports"])) if d]
        first, last = min(drawn), max(ends or drawn)
        marks.append(f'<line class="p-span" x1="{x(first)}" y1="{LINE_Y}" x2="{max(x(first), x(last))}" y2="{LINE_Y}"/>')
    final = {c["to"] for c in r["changes"] if c["moved"]}
    partial = set(r["first_dates"]) | {d for c in r["changes"] for d in c["sets"]}
    partial -= final | {r.get("first_deadline")}
    for d in sorted(partial):
        marks.append(f'<line class="p-set" data-mark="deadline-set" data-date="{d}" x1="{x(d)}" y1="{LINE_Y - 6}" '
                     f'x2="{x(d)}" y2="{LINE_Y + 6}"><title>{escape(words["deadline_set"])}: {d}</title></line>')
    if r.get("first_deadline"):
        d = r["first_deadline"]
        marks.append(_diamond(x(d), "p-first", "deadline", d, f'{words["deadline_first"]}: {d}'))
    for c in r["changes"]:
        if not c["moved"]:
            continue
        note = words["moved"].format(start=c["from"] or "–", end=c["to"], by=c["label"] or c["iri"])
        if c["from"]:
            x0, x1 = x(c["from"]), x(c["to"])
            marks.append(f'<path class="p-move" d="M{x0} {LINE_Y - 7} C{x0} 1, {x1} 1, {x1} {LINE_Y - 9}"/>'
                         f'<path class="p-arrow" d="M{x1 - 4} {LINE_Y - 13} h8 l-4 6 z"/>')
        marks.append(_diamond(x(c["to"]), "p-moved", "moved", c["to"], note))
    if r.get("decided"):
        d = r["decided"]
        marks.append(f'<circle class="p-decided" data-mark="decided" data-date="{d}" cx="{x(d)}" cy="{LINE_Y}" r="5">'
                     f'<title>{escape(words["decided"])}: {d}</title></circle>')
    for rep in r["reports"]:
        if not rep["date"]:
            continue
        kind = "partial-report" if rep["partial"] else "report"
        label = words["report_partial" if rep["partial"] else "report_final"]
        xr = x(rep["date"])
        marks.append(f'<path class="p-{kind}" data-mark="{kind}" data-date="{rep["date"]}" '
                     f'd="M{xr} {LINE_Y + 4} l6 11 h-12 z"><title>{escape(label)} {rep["date"]}: '
                     f'{escape(rep["label"] or "")}</title></path>')
    xt = x(today)
    marks.insert(0, f'<line class="s-today" x1="{xt}" y1="0" x2="{xt}" y2="{TRACK_H}">'
                    f'<title>{escape(words["today"])}: {today}</title></line>')
    return (f'<svg class="chart track" viewBox="0 0 {TRACK_W} {TRACK_H}" preserveAspectRatio="xMinYMid meet" '
            f'role="img" aria-labelledby="{ident}-t {ident}-d"><title id="{ident}-t">{escape(r["title"] or r["iri"])}'
            f'</title><desc id="{ident}-d">{escape(" ".join(told))}</desc>{"".join(marks)}</svg>')


def _diamond(cx: float, cls: str, mark: str, day: str, note: str) -> str:
    return (f'<path class="{cls}" data-mark="{mark}" data-date="{day}" '
            f'd="M{cx} {LINE_Y - 7} l7 7 l-7 7 l-7 -7 z"><title>{escape(note)}</title></path>')


def _describe(r: dict, words: dict[str, str]) -> str:
    """The track in words, for its <desc>."""
    parts = [f'{words["decided"]}: {r.get("decided") or words["no_date"]}.']
    if r.get("first_deadline"):
        parts.append(f'{words["deadline_first"]}: {r["first_deadline"]}.')
    for c in r["changes"]:
        if c["moved"]:
            parts.append(words["moved"].format(start=c["from"] or "–", end=c["to"], by=c["label"] or c["iri"]) + ".")
    for rep in r["reports"]:
        parts.append(f'{words["report_partial" if rep["partial"] else "report_final"]} {rep["date"] or words["no_date"]}.')
    parts.append(f'{words["status_today"]}: {words.get("state_" + (r.get("state") or ""), "–")}.')
    return " ".join(parts)
