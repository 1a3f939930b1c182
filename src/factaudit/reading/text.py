"""Text primitives that keep offsets: folding for matching, sentences, lines and columns.

Matching happens on a *folded* copy of each text (lower case, accents removed, every run of
non-alphanumeric characters reduced to one space), so that a cue written "ASEAN-Russia
relations" matches "ASEAN - Russia  relations" or "asean russia relations". Every
position in the folded text maps back to the original text, so findings always quote and
locate the source exactly as written.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

_ASCII_SEPARATORS = str.maketrans(
    {chr(c): " " for c in range(128) if not chr(c).isalnum()}
)
_SPACE_RUNS = re.compile(r"  +")


@dataclass(frozen=True)
class Folded:
    """A folded text and the map from its positions back to the original text."""

    text: str
    _origin: tuple[int, ...] | None  # explicit map (non-ASCII texts)
    _run_at: tuple[int, ...] = ()  # sparse map (ASCII texts): folded positions after a run
    _run_shift: tuple[int, ...] = ()  # characters removed before that position

    def to_original(self, i: int) -> int:
        if self._origin is not None:
            if i >= len(self._origin):
                return self._origin[-1] + 1 if self._origin else 0
            return self._origin[i]
        k = bisect_right(self._run_at, i)
        return i + (self._run_shift[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded span [start, end)."""
        return self.to_original(start), self.to_original(end - 1) + 1


def fold_phrase(phrase: str) -> str:
    """The folded form of a cue, name or term, as it will be looked for in folded texts."""
    return fold(phrase).text.strip()


def fold(text: str) -> Folded:
    lowered = text.lower()
    if len(lowered) == len(text) and lowered.isascii():
        spaced = lowered.translate(_ASCII_SEPARATORS)
        return _collapse_ascii(spaced)
    return _fold_unicode(text)


def _collapse_ascii(spaced: str) -> Folded:
    parts, run_at, run_shift = [], [], []
    removed, last = 0, 0
    for m in _SPACE_RUNS.finditer(spaced):
        parts.append(spaced[last : m.start() + 1])
        removed += m.end() - m.start() - 1
        last = m.end()
        run_at.append(m.start() + 1 - (removed - (m.end() - m.start() - 1)))
        run_shift.append(removed)
    parts.append(spaced[last:])
    return Folded("".join(parts), None, tuple(run_at), tuple(run_shift))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """'' to drop (combining marks, zero-width and soft hyphens), ' ' for a separator."""
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Cf"):
        return ""
    if cat[0] in "LN":
        decomposed = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
        # recompose what is left, so that a Hangul syllable stays one letter ("한", not "ᄒ")
        base = unicodedata.normalize("NFC", base).lower()
        return base[:1] if base else ""
    return " "


def _fold_unicode(text: str) -> Folded:
    out: list[str] = []
    origin: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        if not f:
            continue
        if f == " ":
            if prev_space:
                continue
            prev_space = True
        else:
            prev_space = False
        out.append(f)
        origin.append(i)
    return Folded("".join(out), tuple(origin))


# --------------------------------------------------------------------------- sentences

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9\u00C0-\u024F])")
_LINE_BREAKS = re.compile(r"\n\s*")


def sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``; line breaks always end a sentence.

    A full stop after an abbreviation of the language ("Dr.", "No.") or after a single
    capital letter (an initial, "Sidharto R. Suryodipuro") does not end a sentence.
    """
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line_end in [m.start() for m in _LINE_BREAKS.finditer(text)] + [len(text)]:
        _split_line(text, line_start, line_end, abbreviations, spans)
        nl = text.find("\n", line_end)
        line_start = line_end if nl == -1 else nl + 1
    return spans


def _split_line(text: str, start: int, end: int, abbreviations: frozenset[str],
                spans: list[tuple[int, int]]) -> None:
    cursor = start
    dotted = tuple(a for a in abbreviations if "." in a)  # "s.d." (sampai dengan), "e.g."
    for m in _BOUNDARY.finditer(text, start, end):
        token = _last_word(text, cursor, m.start())
        if (len(token) == 1 and token.isupper()) or token.lower() in abbreviations:
            continue
        if dotted and text[max(cursor, m.start() - 8):m.start() + 1].lower().endswith(dotted):
            continue
        _add(text, cursor, m.end(), spans)
        cursor = m.end()
    _add(text, cursor, end, spans)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches


def _last_word(text: str, start: int, end: int) -> str:
    """The last run of word characters in ``text[start:end]`` ("" if none).

    Scans backwards from ``end`` so that a line with many initials or abbreviations in a
    row ("A. B. C. ...") costs linear, not quadratic, time.
    """
    j = end
    while j > start and not _is_word(text[j - 1]):
        j -= 1
    i = j
    while i > start and _is_word(text[i - 1]):
        i -= 1
    return text[i:j]


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# --------------------------------------------------------------------------- lines


# What editors count as a line end: CR LF, a lone LF, or a lone CR (old Mac files).
LINE_END = re.compile(r"\r\n?|\n")


class LineIndex:
    """1-based line and column of any character offset."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.starts = [0] + [m.end() for m in LINE_END.finditer(text)]
        self.first_line = first_line

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.starts, offset) - 1
        return i + self.first_line, offset - self.starts[i] + 1


WORD = re.compile(r"\w+(?:[-'’]\w+)*")


QUOTE_CONTEXT = 60


def quote(text: str, start: int, end: int, context: int = QUOTE_CONTEXT) -> str:
    """The span with some context, on one line, with ellipses where it was cut."""
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    line_lo = max(text.rfind("\n", lo, start), text.rfind("\r", lo, start))
    line_hi = min((i for i in (text.find("\n", end, hi), text.find("\r", end, hi)) if i != -1),
                  default=-1)
    lo = line_lo + 1 if line_lo != -1 else lo
    hi = line_hi if line_hi != -1 else hi
    snippet = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 and text[lo - 1] not in "\r\n" else "") + snippet + (
        "…" if hi < len(text) and text[hi] not in "\r\n" else "")
