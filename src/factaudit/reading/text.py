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
from collections.abc import Iterator
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


_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})
_WHITE = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def written_form(phrase: str) -> str:
    """A phrase as written, for telling declared forms apart where folding cannot: letter
    case, invisible characters and the width of spaces do not count, but hyphens, spaces
    between words and accents do ("Boeing-737" is not "Boeing 737", "Erdogan" is not
    "Erdoğan", "ASEAN" is "asean")."""
    text = unicodedata.normalize("NFC", phrase).casefold().translate(_DASHES)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _WHITE.sub(" ", text).strip()


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

# a sentence end (and its reference marks, "[4]"), then space and a capital; or a full
# stop glued to a capitalised word after a lower-case word ("posisi tiga teratas.Indonesia
# berada …": a slip of the page)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?:\[\d{1,3}\])*\s+"
                       r"(?=[\"'“‘(\[]?[A-Z0-9\u00C0-\u024F])"
                       r"|(?<=[a-z]{3})[.!?](?=[A-Z][a-z]{2})(?![A-Z][\w-]*\.[a-z])")
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n|$)")
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$")
_LIST_ITEM = re.compile(r"\s*(?:[-*•–—]\s|\d{1,3}[.)]\s|#)")


def sentences(text: str, abbreviations: frozenset[str] = frozenset(),
              wrapped: bool | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``.

    A line break ends a sentence, unless the line ends with no sentence end and the next
    goes on in lower case ("pada kedalaman 15⏎km."), and except in hard-wrapped text
    (print and PDF copies, where lines break every ~70 characters inside a paragraph):
    there a paragraph ends at a blank line, a list item, a line that ends a sentence, or a
    short line unless the next goes on in lower case, so that "5 July⏎1959" keeps its
    year. ``wrapped``: whether the text is hard-wrapped (default: judged from its lines).
    A full stop after an abbreviation of the language ("Dr.", "No.") or after a single
    capital letter (an initial, "Sidharto R. Suryodipuro") does not end a sentence."""
    spans: list[tuple[int, int]] = []
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.end() > m.start()]
    if wrapped is None:
        wrapped = is_hard_wrapped(text, lines)
    width = _wrap_width(text, lines) if wrapped else 0
    block_start: int | None = None
    for k, (start, end) in enumerate(lines):
        content_end = end - len(text[start:end]) + len(text[start:end].rstrip("\r\n"))
        line = text[start:content_end]
        if block_start is None:
            block_start = start
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        following = text[nxt[0]:nxt[1]].lstrip() if nxt is not None else ""
        # a line runs on when the next goes on in lower case ("entered lunar⏎orbit on 7
        # August", "pada kedalaman 15⏎km."), in any text; in wrapped text also when full
        runs_on = following[:1].islower() or (wrapped and len(line.rstrip()) >= 0.6 * width)
        joined = (nxt is not None and line.strip() and runs_on
                  and not _ENDS_SENTENCE.search(line)
                  and following.strip() != ""
                  and not _LIST_ITEM.match(text[nxt[0]:nxt[1]]))
        if not joined:
            _split_line(text, block_start, content_end, abbreviations, spans)
            block_start = None
    return spans


def is_hard_wrapped(text: str, lines: list[tuple[int, int]] | None = None) -> bool:
    """Whether the text breaks its lines inside paragraphs: most lines are nearly as long
    as the longest (of at most 120 characters) and many end without a sentence end."""
    if lines is None:
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.end() > m.start()]
    lengths = [len(text[s:e].strip()) for s, e in lines]
    lengths = [n for n in lengths if n]
    if len(lengths) < 4:
        return False
    width = _wrap_width(text, lines)
    if not 30 <= width <= 120 or max(lengths) > 160:
        return False
    long_lines = [(s, e) for s, e in lines if len(text[s:e].strip()) >= 0.6 * width]
    open_ended = sum(1 for s, e in long_lines if not _ENDS_SENTENCE.search(text[s:e]))
    return len(long_lines) >= 0.5 * len(lengths) and open_ended >= 0.4 * len(long_lines)


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int:
    lengths = sorted(len(text[s:e].rstrip()) for s, e in lines if text[s:e].strip())
    if not lengths:
        return 0
    return lengths[int(0.9 * (len(lengths) - 1))]  # the 90th percentile: wide lines


def _split_line(text: str, start: int, end: int, abbreviations: frozenset[str],
                spans: list[tuple[int, int]]) -> None:
    cursor = start
    dotted = _dotted(abbreviations)  # "s.d." (sampai dengan), "e.g."
    for m in _BOUNDARY.finditer(text, start, end):
        token = _last_word(text, cursor, m.start())
        if (len(token) == 1 and token.isupper()) or token.lower() in abbreviations:
            continue
        if not m.group(0)[-1].isspace() and (
                token.lower() == "www" or text[m.start() - len(token) - 1:m.start()
                                               - len(token)] in (".", "/", "@", ":")):
            continue  # a glued full stop inside an address ("www.Kompas.com")
        if dotted and text[max(cursor, m.start() - 8):m.start() + 1].lower().endswith(dotted):
            continue
        _add(text, cursor, m.end(), spans)
        cursor = m.end()
    _add(text, cursor, end, spans)


@lru_cache(maxsize=64)
def _dotted(abbreviations: frozenset[str]) -> tuple[str, ...]:
    """The abbreviations with a full stop inside (once per set, not once per line)."""
    return tuple(a for a in abbreviations if "." in a)


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


def content_end(text: str) -> int:
    """``len(text.rstrip())`` without copying the text (linear in its trailing spaces)."""
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    return end


_SPACE = re.compile(r"\s")
WINDOW = 1_000_000  # characters a very long text is read in at a time


def windows(text: str, size: int = WINDOW) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text`` of about ``size`` characters, each
    ending at a space (unless a word is longer than the rest), so that no word is cut:
    what a reader of a long text keeps in memory is one piece, not a copy of the text."""
    lo = 0
    while lo < len(text):
        hi = min(len(text), lo + size)
        if hi < len(text):
            space = _SPACE.search(text, hi)
            hi = space.start() if space else len(text)
        yield lo, hi
        lo = hi


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
