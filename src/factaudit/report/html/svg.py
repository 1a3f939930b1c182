"""SVG made at build time, escaped as it is made: an element builder and the bar charts.

Every attribute value and every text goes through ``html.escape``; tag and attribute names
are the report's own. No chart needs a network or a script to show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape

SEVERITY_KEYS = ("error", "warning", "info", "acknowledged")
SEVERITY_COLOR = {"error": "#c62828", "warning": "#b26a00", "info": "#1565c0",
                  "acknowledged": "#6d6d8a"}
SEVERITY_ICON = {"error": "✗", "warning": "!", "info": "i", "acknowledged": "⚑"}
MAX_BARS = 15  # a chart shows the rows with most findings; the rest are summed in one bar


def el(tag: str, attrs: dict[str, object] | None = None, *children: str) -> str:
    """``<tag attr="value">children</tag>``: attribute values escaped, children already
    markup (use ``text`` for strings)."""
    parts = [tag]
    for name, value in (attrs or {}).items():
        if value is None:
            continue
        parts.append(f'{name}="{escape(_number(value), quote=True)}"')
    return f"<{' '.join(parts)}>{''.join(children)}</{tag}>"


def text(value: object) -> str:
    return escape(str(value), quote=True)


def _number(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return str(value)


def top_rows(counts: dict[str, Counter[str]], limit: int = MAX_BARS
             ) -> list[tuple[str, Counter[str]]]:
    """The ``limit`` rows with most findings (ties in the given order), then one row that
    sums the others."""
    order = sorted(counts, key=lambda k: -sum(counts[k].values()))
    rows = [(k, counts[k]) for k in order[:limit]]
    rest = order[limit:]
    if rest:
        total: Counter[str] = Counter()
        for k in rest:
            total.update(counts[k])
        rows.append((f"{len(rest):,} other sources", total))
    return rows


def bar_chart(chart_id: str, title: str, rows: Sequence[tuple[str, Counter[str]]]) -> str:
    """A horizontal bar chart stacked by severity, with the count after each bar and a
    legend in words (the colours are never the only label)."""
    label_w, bar_w, row_h, top = 230, 250, 22, 28
    width = label_w + bar_w + 70
    height = top + len(rows) * row_h + 34
    biggest = max([sum(c.values()) for _, c in rows] + [1])
    body: list[str] = [el("text", {"class": "ct", "x": 0, "y": 16}, text(title))]
    for r, (label, counter) in enumerate(rows):
        y = top + r * row_h
        x = float(label_w)
        shown = label if len(label) <= 34 else label[:33] + "…"
        bar = [el("text", {"class": "bl", "x": label_w - 8, "y": y + 15, "text-anchor": "end"},
                  el("title", None, text(label)), text(shown))]
        for key in SEVERITY_KEYS:
            count = counter.get(key, 0)
            if not count:
                continue
            w = bar_w * count / biggest
            bar.append(el("rect", {"x": x, "y": y + 3, "width": w, "height": row_h - 6,
                                   "fill": SEVERITY_COLOR[key], "class": f"sev-{key}"},
                          el("title", None, text(f"{label}: {count} {key}"))))
            x += w
        total = sum(counter.values())
        bar.append(el("text", {"class": "n", "x": x + 6, "y": y + 15}, text(f"{total:,}")))
        body.append(el("g", {"class": "bar"}, *bar))
    legend_y = height - 10
    for k, key in enumerate(SEVERITY_KEYS):
        body.append(el("rect", {"x": k * 120, "y": legend_y - 9, "width": 10, "height": 10,
                                "fill": SEVERITY_COLOR[key]}))
        body.append(el("text", {"class": "lg", "x": k * 120 + 14, "y": legend_y},
                       text(f"{SEVERITY_ICON[key]} {key}")))
    summary = "; ".join(f"{label} {sum(c.values())}" for label, c in rows)
    return el("svg", {"id": chart_id, "class": "chart", "role": "img",
                      "aria-label": f"{title}: {summary}", "viewBox": f"0 0 {width} {height}",
                      "width": width, "height": height, "xmlns": "http://www.w3.org/2000/svg"},
              el("title", None, text(f"{title}: {summary}")), *body)


def severity_counts(pairs: Iterable[tuple[str, str]]) -> dict[str, Counter[str]]:
    """(row, severity) pairs → row → severity → count, rows in first-seen order."""
    out: dict[str, Counter[str]] = {}
    for row, sev in pairs:
        out.setdefault(row, Counter())[sev] += 1
    return out
