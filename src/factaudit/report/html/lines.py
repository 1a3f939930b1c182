"""Which text of a document the report carries, and the sentence quoted for a finding.

Small corpora carry every line of each document (up to ``FULL_TEXT_LINES``); otherwise the
lines around what was found, and above ``CONTEXT_DOCUMENTS`` documents only the lines that
hold something. A line longer than ``LINE_LIMIT`` characters keeps windows around its
spans only, so one huge document cannot make a huge report. Offsets are those of the
document's text, line numbers those of its file (``first_line`` counts front matter).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from factaudit.model import Document
from factaudit.reading.text import LINE_END

FULL_TEXT_LINES = 400  # longer documents show only the lines around what was found
CONTEXT_LINES = 3
LINE_LIMIT = 2000  # characters of one line carried whole
WINDOW = 300  # characters kept either side of a span in a longer line
QUOTE_REACH = 220  # a quoted sentence reaches at most this far from its span
CUT_BEFORE, CUT_AFTER = 1, 2

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")

Entry = list  # [line number, offset, text] or [line number, offset, text, cuts]


def line_starts(text: str) -> list[int]:
    """Offsets where lines start (after \\n, \\r\\n or a lone \\r); no empty last line
    after a final line break."""
    starts = [0] + [m.end() for m in LINE_END.finditer(text)]
    if len(starts) > 1 and starts[-1] == len(text):
        starts.pop()
    return starts


def line_end(text: str, starts: list[int], index: int) -> int:
    """Where line ``index`` ends, before its line break."""
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    while end > starts[index] and text[end - 1] in "\r\n":
        end -= 1
    return end


def embedded_lines(doc: Document, spans: Iterable[tuple[int, int]], full: bool,
                   context: int, starts: list[int] | None = None) -> tuple[int, list[Entry]]:
    """(lines in the document, the entries the report carries). ``starts``: the
    document's ``line_starts``, when the caller has them."""
    text = doc.text
    starts = starts if starts is not None else line_starts(text)
    by_line: dict[int, list[tuple[int, int]]] = {}
    for lo, hi in spans:
        first = bisect_right(starts, lo) - 1
        last = bisect_right(starts, max(lo, hi - 1)) - 1
        for index in range(max(first, 0), max(last, 0) + 1):
            by_line.setdefault(index, []).append((lo, hi))
    if full and len(starts) <= FULL_TEXT_LINES:
        keep: Iterable[int] = range(len(starts))
    else:
        wanted: set[int] = set()
        for index in by_line:
            wanted.update(range(max(0, index - context), min(len(starts), index + context + 1)))
        keep = sorted(wanted)
    out: list[Entry] = []
    for index in keep:
        lo, hi = starts[index], line_end(text, starts, index)
        number = index + doc.first_line
        if hi - lo <= LINE_LIMIT:
            out.append([number, lo, text[lo:hi]])
            continue
        for a, b in _windows(text, lo, hi, by_line.get(index, [])):
            cuts = (CUT_BEFORE if a > lo else 0) | (CUT_AFTER if b < hi else 0)
            out.append([number, a, text[a:b], cuts])
    return (len(starts), out)


def _windows(text: str, lo: int, hi: int, spans: list[tuple[int, int]]
             ) -> list[tuple[int, int]]:
    """Windows of a long line around its spans (or its beginning), merged, cut at spaces."""
    if not spans:
        return [(lo, _space_before(text, lo, lo + LINE_LIMIT))]
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        a = _space_after(text, max(lo, a - WINDOW), a)
        b = _space_before(text, b, min(hi, b + WINDOW))
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _space_after(text: str, lo: int, limit: int) -> int:
    if lo == 0 or text[lo - 1] in " \n\r":
        return lo
    space = text.find(" ", lo, limit)
    return space + 1 if space != -1 else lo


def _space_before(text: str, limit: int, hi: int) -> int:
    if hi >= len(text) or text[hi] in " \n\r":
        return hi
    space = text.rfind(" ", limit, hi)
    return space if space != -1 else hi


def quote_bounds(text: str, starts: list[int], start: int, end: int,
                 sentence: tuple[int, int] | None = None) -> tuple[int, int]:
    """The sentence around a span, on the span's line and within ``QUOTE_REACH`` of it:
    the mention's sentence when there is one, else from the last sentence end before the
    span to the next after it. Cut at spaces when the reach cuts it."""
    index = max(0, bisect_right(starts, start) - 1)
    line_lo, line_hi = starts[index], line_end(text, starts, index)
    lo_limit = max(line_lo, start - QUOTE_REACH)
    hi_limit = min(line_hi, max(end, start) + QUOTE_REACH)
    if sentence is not None:
        lo, hi = max(sentence[0], lo_limit), min(sentence[1], hi_limit)
    else:
        lo = lo_limit
        for m in _SENTENCE_END.finditer(text, lo_limit, start):
            lo = m.end()
        found = _SENTENCE_END.search(text, max(end, start), hi_limit)
        hi = found.start() + 1 if found else hi_limit
    if lo == lo_limit and lo > line_lo:  # cut by the reach: not inside a word
        lo = _space_after(text, lo, start)
    if hi == hi_limit and hi < line_hi:
        hi = _space_before(text, max(end, start), hi)
    lo = min(lo, start)
    hi = max(hi, end)
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi
