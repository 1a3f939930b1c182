"""A claim's timeline: every source's statement at its publication date, one row per value.

Made at build time as SVG (no script, no network). The expected value's row comes first,
then each other value in the order it first appeared; the earliest source of a wrong value
is named beside it, and sources that are copies or translations of each other (declared or
detected) are joined by a dashed line, so a reader sees when a wrong value appeared and who
repeated it. Sources that say nothing on the claim sit on a last "silent" row. Markers
differ in shape as well as colour, and the legend says what each one means.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from factaudit.report.html.svg import el, text

WIDTH, LEFT, RIGHT, TOP, ROW = 760, 190, 740, 34, 30
MAX_LINKS = 100  # copy lines drawn at most
MAX_POINTS = 80  # markers a row holds at most: nearby dates share one, sized by its count
STATUS_ORDER = ("refuted", "conflicting", "acknowledged", "supported", "stated", "silent")
STATUS_LABEL = {"supported": "✓ supported", "refuted": "✗ refuted",
                "conflicting": "⇄ conflicting", "acknowledged": "⚑ acknowledged",
                "stated": "○ stated (not decisive)", "silent": "| silent"}
STATUS_COLOR = {"supported": "#2e7d32", "refuted": "#c62828", "conflicting": "#b26a00",
                "acknowledged": "#6d6d8a", "stated": "#455a64", "silent": "#9e9e9e"}


@dataclass(frozen=True)
class Statement:
    """What one source says on the claim: its value and how that value was judged."""

    doc: str
    published: str | None
    value: str
    status: str  # supported, refuted, conflicting, acknowledged or stated


def day_of(published: str | None) -> int | None:
    """The day a partial ISO date stands for (a month: its 15th; a year: 1 July)."""
    if not published:
        return None
    parts = published.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 7
        day = int(parts[2]) if len(parts) > 2 else (15 if len(parts) > 1 else 1)
        return dt.date(year, month, day).toordinal()
    except (ValueError, IndexError):
        return None


def timeline_svg(item_id: str, expected: str | None, statements: Sequence[Statement],
                 silent: Sequence[tuple[str, str | None]],
                 pairs: Sequence[tuple[str, str]] = ()) -> str | None:
    """The SVG, or None when no source that speaks to the claim has a date."""
    dated = [(s, d) for s in statements if (d := day_of(s.published)) is not None]
    if not dated:
        return None
    quiet = [(doc, d) for doc, p in silent if (d := day_of(p)) is not None]
    rows = _rows(expected, dated)
    days = [d for _, d in dated] + [d for _, d in quiet]
    lo, hi = min(days), max(days)
    if hi - lo < 30:
        lo, hi = lo - 15, hi + 15
    bucket = max(1, math.ceil((hi - lo) / MAX_POINTS))
    dated = [(s, lo + (d - lo) // bucket * bucket) for s, d in dated]
    quiet = [(doc, lo + (d - lo) // bucket * bucket) for doc, d in quiet]
    height = TOP + (len(rows) + (1 if quiet else 0)) * ROW + 96

    def x(day: int) -> float:
        return LEFT + (RIGHT - LEFT) * (day - lo) / (hi - lo)

    body = [el("text", {"class": "ct", "x": 0, "y": 16},
               text(f"When each source said what (by publication date): {item_id}"))]
    body += _axis(lo, hi, x, TOP + (len(rows) + (1 if quiet else 0)) * ROW)
    places: dict[tuple[str, int], tuple[float, float]] = {}
    for r, value in enumerate(rows):
        y = TOP + r * ROW + ROW / 2
        label = value + (" (expected)" if value == expected else "")
        body.append(el("text", {"class": "rl", "x": LEFT - 10, "y": y + 4,
                                "text-anchor": "end"}, el("title", None, text(label)),
                       text(_clip(label, 26))))
        body.append(el("line", {"class": "row", "x1": LEFT, "x2": RIGHT, "y1": y, "y2": y}))
        here = [(s, d) for s, d in dated if s.value == value]
        body += _points(here, x, y, r, places)
        first = min(here, key=lambda p: (p[1], p[0].doc))
        if value != expected:  # named beside its marker, on the side with room
            right_half = x(first[1]) > (LEFT + RIGHT) / 2
            body.append(el("text", {"class": "first", "y": y - 7,
                                    "x": x(first[1]) + (-12 if right_half else 12),
                                    "text-anchor": "end" if right_half else "start"},
                           text(_clip(f"first: {first[0].doc}", 40))))
    if quiet:
        y = TOP + len(rows) * ROW + ROW / 2
        body.append(el("text", {"class": "rl", "x": LEFT - 10, "y": y + 4,
                                "text-anchor": "end"}, text(f"silent ({len(quiet):,})")))
        for day, count in sorted(Counter(d for _, d in quiet).items()):
            body.append(_marker("silent", x(day), y, count))
    body += _links(pairs, dated, places)
    undated = len(statements) - len(dated)
    body += _legend(height, undated)
    summary = _summary(item_id, expected, rows, dated, len(quiet))
    return el("svg", {"class": "timeline", "role": "img", "aria-label": summary,
                      "viewBox": f"0 0 {WIDTH} {height}", "width": WIDTH, "height": height,
                      "xmlns": "http://www.w3.org/2000/svg"},
              el("title", None, text(summary)), *body)


def _rows(expected: str | None, dated: list[tuple[Statement, int]]) -> list[str]:
    first: dict[str, int] = {}
    for s, d in dated:
        first[s.value] = min(d, first.get(s.value, d))
    rows = sorted(first, key=lambda v: (v != expected, first[v], v))
    return rows


def _points(here: list[tuple[Statement, int]], x, y: float, r: int,
            places: dict[tuple[str, int], tuple[float, float]]) -> list[str]:
    groups: dict[int, list[Statement]] = defaultdict(list)
    for s, d in here:
        groups[d].append(s)
    out = []
    for day, group in sorted(groups.items()):
        status = Counter(s.status for s in group).most_common(1)[0][0]
        out.append(_marker(status, x(day), y, len(group),
                           ", ".join(sorted({s.doc for s in group})[:12])
                           + (" …" if len(group) > 12 else "")))
        for s in group:
            places[(s.doc, r)] = (x(day), y)
    return out


def _marker(status: str, cx: float, cy: float, count: int, docs: str = "") -> str:
    size = min(11.0, 5 + 2 * math.sqrt(count - 1))
    color = STATUS_COLOR.get(status, STATUS_COLOR["stated"])
    tip = el("title", None, text(f"{STATUS_LABEL.get(status, status)}: {count} source"
                                 f"{'s' if count != 1 else ''}" + (f" ({docs})" if docs else "")))
    common = {"class": f"mk st-{status}", "stroke": color}
    if status == "supported":
        shape = el("circle", {**common, "cx": cx, "cy": cy, "r": size, "fill": color}, tip)
    elif status == "refuted":
        d = size
        shape = el("path", {**common, "d": f"M{cx - d:.1f},{cy - d:.1f}L{cx + d:.1f},"
                            f"{cy + d:.1f}M{cx - d:.1f},{cy + d:.1f}L{cx + d:.1f},{cy - d:.1f}",
                            "stroke-width": 3, "fill": "none"}, tip)
    elif status == "conflicting":
        d = size + 1
        shape = el("path", {**common, "d": f"M{cx:.1f},{cy - d:.1f}L{cx + d:.1f},{cy:.1f}"
                            f"L{cx:.1f},{cy + d:.1f}L{cx - d:.1f},{cy:.1f}Z", "fill": color},
                   tip)
    elif status == "acknowledged":
        shape = el("rect", {**common, "x": cx - size, "y": cy - size, "width": 2 * size,
                            "height": 2 * size, "fill": "none", "stroke-dasharray": "3 2",
                            "stroke-width": 2}, tip)
    elif status == "silent":
        shape = el("line", {**common, "x1": cx, "x2": cx, "y1": cy - 7, "y2": cy + 7,
                            "stroke-width": 2}, tip)
    else:
        shape = el("circle", {**common, "cx": cx, "cy": cy, "r": size, "fill": "none",
                              "stroke-width": 2}, tip)
    if count > 1:
        shape += el("text", {"class": "cnt", "x": cx + size + 2, "y": cy + 12}, text(count))
    return shape


def _axis(lo: int, hi: int, x, bottom: float) -> list[str]:
    out = [el("line", {"class": "axis", "x1": LEFT, "x2": RIGHT, "y1": bottom, "y2": bottom})]
    start, end = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = max(1, math.ceil(months / 7))
    if step > 12:
        step = 12 * math.ceil(step / 12)
    year, month = start.year, start.month
    ticks = []
    while (year, month) <= (end.year, end.month):
        day = dt.date(year, month, 1).toordinal()
        if lo <= day <= hi:
            ticks.append((day, f"{year}" if step >= 12 else f"{year}-{month:02d}"))
        month += step
        while month > 12:
            year, month = year + 1, month - 12
    if not ticks:
        ticks = [(lo, start.isoformat()), (hi, end.isoformat())]
    for day, label in ticks:
        out.append(el("line", {"class": "tick", "x1": x(day), "x2": x(day), "y1": bottom,
                               "y2": bottom + 5}))
        out.append(el("text", {"class": "tl", "x": x(day), "y": bottom + 18,
                               "text-anchor": "middle"}, text(label)))
    return out


def _links(pairs: Sequence[tuple[str, str]], dated: list[tuple[Statement, int]],
           places: dict[tuple[str, int], tuple[float, float]]) -> list[str]:
    rows_of: dict[str, set[int]] = defaultdict(set)
    for (doc, r) in places:
        rows_of[doc].add(r)
    out: list[str] = []
    for a, b in pairs:
        for r in sorted(rows_of.get(a, set()) & rows_of.get(b, set())):
            (x1, y1), (x2, y2) = places[(a, r)], places[(b, r)]
            if len(out) >= MAX_LINKS:
                return out
            out.append(el("path", {"class": "copy", "d": f"M{x1:.1f},{y1:.1f}Q{(x1 + x2) / 2:.1f},"
                                   f"{y1 - 16:.1f} {x2:.1f},{y2:.1f}"},
                          el("title", None, text(f"{a} and {b} are not independent"))))
    return out


def _legend(height: int, undated: int) -> list[str]:
    """Two rows of three markers, each with its meaning in words, and a note."""
    out = []
    for k, status in enumerate(STATUS_ORDER):
        cx, y = 8 + (k % 3) * 250, height - 44 + (k // 3) * 18
        out.append(_marker(status, cx, y - 4, 1).replace("<title>", "<title>legend: ", 1))
        out.append(el("text", {"class": "lg", "x": cx + 14, "y": y}, text(STATUS_LABEL[status])))
    note = "dashed arc: copies or translations of each other"
    if undated:
        note += f"; {undated:,} statement{'s' if undated != 1 else ''} without a publication " \
                "date not shown"
    out.append(el("text", {"class": "lg", "x": 0, "y": height - 6}, text(note)))
    return out


def _summary(item_id: str, expected: str | None, rows: list[str],
             dated: list[tuple[Statement, int]], silent: int) -> str:
    parts = []
    for value in rows:
        here = [(s, d) for s, d in dated if s.value == value]
        first_s, first_d = min(here, key=lambda p: (p[1], p[0].doc))
        tag = " (expected)" if value == expected else ""
        parts.append(f"{value}{tag}: {len(here)} statement{'s' if len(here) != 1 else ''}, "
                     f"first by {first_s.doc} on {dt.date.fromordinal(first_d).isoformat()}")
    if silent:
        parts.append(f"{silent} silent sources")
    return f"Timeline of {item_id}: " + "; ".join(parts)


def _clip(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
