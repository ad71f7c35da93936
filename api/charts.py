"""Bar charts as inline SVG, drawn on the server from a named query's rows.

A chart is a picture of the table printed beside it: it needs no script, scales with the page
(viewBox), and says in words what it shows (role="img" with a title). The colour of a series is the
CSS class `s-<series>` (styrgraf.css), the same in every chart.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

BAR = 22            # px: the thickness of a bar and of a legend swatch
GAP = 8


@dataclass
class Chart:
    svg: str                    # the <svg> element
    series: list[str]           # the series drawn, each in the colour of its class s-<series>


WIDTH = 720         # the drawing's own width: the page scales it, so that text keeps one size


def _legend(series: list[str], labels: dict[str, str], y: int) -> list[str]:
    out, x = [], 0
    for s in series:
        out.append(f'<rect class="s-{s}" x="{x}" y="{y}" width="14" height="14"/>'
                   f'<text x="{x + 20}" y="{y + 12}">{escape(labels.get(s, s))}</text>')
        x += 36 + 8 * len(labels.get(s, s))
    return out


def stacked_columns(rows: list[dict], x: str, series_field: str, value: str, series: list[str],
                    labels: dict[str, str], title: str) -> Chart:
    """One column per value of `x` (a year), stacked by `series_field`."""
    totals: dict[str, dict[str, int]] = {}
    for r in rows:
        totals.setdefault(r[x], {})[r[series_field]] = int(r[value] or 0)
    xs = sorted(totals)
    top = max((sum(v.values()) for v in totals.values()), default=0) or 1
    height, col = 220, max(BAR, min(48, WIDTH // max(1, len(xs))))
    width = max(WIDTH, len(xs) * (col + GAP) + 40)
    parts = []
    for i, key in enumerate(xs):
        y = height
        for s in series:
            n = totals[key].get(s, 0)
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
    svg = (f'<svg class="chart" role="img" viewBox="0 0 {width} {height + 50}" preserveAspectRatio="xMinYMin meet">'
           f'<title>{escape(title)}</title>{"".join(parts)}</svg>')
    return Chart(svg, series)


def stacked_bars(rows: list[dict], label: str, series: list[str], labels: dict[str, str], title: str) -> Chart:
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
    svg = (f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {h + 30}" '
           f'preserveAspectRatio="xMinYMin meet"><title>{escape(title)}</title>{"".join(parts)}</svg>')
    return Chart(svg, series)
