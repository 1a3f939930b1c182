"""Typed values read from text: years, periods, dates, quantities, ordinals, durations and
categories, one module per kind.

Every reader works on one passage in one language and returns ``Value`` objects whose
``canonical`` form is what claims are compared on ("2018", "2018..2021", "2021-07-06",
"20000000", ...). Readers find candidate spans with cheap patterns built from the
language pack; only those spans go to dateparser. A value that covers another of a kind
it hides (a year inside a date) keeps the passage to itself. A new kind is one module
with its ``TYPE``, one ``ValueKind`` member and its words in the language packs.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache

from rapidfuzz.distance import OSA

from factaudit.model import PartialDate, ValueKind
from factaudit.reading.languages import by_language, get_pack
from factaudit.reading.values import (
    category,
    date,
    duration,
    ordinal,
    period,
    quantity,
    time,
    year,
)
from factaudit.reading.values.base import (
    MAX_QUANTITY,
    MULTIPLIER_WORDS,
    Reading,
    Value,
    ValueType,
    format_number,
    parse_number,
)
from factaudit.reading.values.category import read_categories

VALUE_TYPES: dict[ValueKind, ValueType] = {
    t.kind: t for t in (year.TYPE, period.TYPE, date.TYPE, quantity.TYPE, ordinal.TYPE,
                        duration.TYPE, category.TYPE, time.TYPE)
}
# the order in which kinds are read (later kinds may be hidden by earlier ones)
_ORDER = (ValueKind.TIME, ValueKind.DATE, ValueKind.PERIOD, ValueKind.DURATION,
          ValueKind.ORDINAL, ValueKind.QUANTITY, ValueKind.YEAR)

__all__ = [
    "MAX_QUANTITY",
    "MULTIPLIER_WORDS",
    "VALUE_TYPES",
    "PartialDate",
    "Value",
    "ValueType",
    "agrees",
    "format_number",
    "near",
    "parse_expected",
    "parse_number",
    "read_categories",
    "read_values",
    "rounds_to",
    "slip",
]


def read_values(text: str, lang: str, base: PartialDate | None = None,
                date_order: str | None = None) -> list[Value]:
    """Every year, period, date, quantity, ordinal and duration in ``text``.

    ``base`` is the publication date, used to complete dates written without a year and to
    resolve relative days; ``date_order`` ("DMY"/"MDY") overrides the language's default
    for numeric dates."""
    return list(_read_values(text, lang, base, date_order))


@by_language
@lru_cache(maxsize=65536)
def _read_values(text: str, lang: str, base: PartialDate | None,
                 date_order: str | None) -> tuple[Value, ...]:
    pack = get_pack(lang)
    reading = Reading(pack, base, (date_order or pack.date_order or "DMY").upper())
    found = [v for kind in _ORDER for v in VALUE_TYPES[kind].find(text, reading)]
    # times of day are read only to keep their digits from being read as anything else
    kept = _duration_ranges([v for v in resolve_overlaps(found) if v.kind != ValueKind.TIME],
                            text)
    addresses = [m.span() for m in _ADDRESS.finditer(text)] if "/" in text else []
    if addresses:  # "…/6-tersangka-kebakaran…": a page's address, not a figure
        kept = [v for v in kept if not any(a < v.end and v.start < b for a, b in addresses)]
    marks = [m.span() for m in _REFERENCE_MARK.finditer(text)] if "[" in text else []
    if marks:  # "14 kru kapal[7]": a reference to a note, copied with the text
        kept = [v for v in kept if not any(a <= v.start and v.end <= b for a, b in marks)]
    return tuple(sorted(_years_from_neighbours(kept, text), key=lambda v: (v.start, v.end, v.kind)))


def _duration_ranges(values: list[Value], text: str) -> list[Value]:
    """A range of numbers whose last one opens a duration ("dua hingga 12 tahun penjara",
    "5-10 years") is a range of durations, not a count."""
    durations = [v for v in values if v.kind == ValueKind.DURATION]
    if not durations:
        return values
    out: list[Value] = []
    merged: set[tuple[int, int]] = set()
    for v in values:
        d = next((d for d in durations if v.start < d.start < v.end <= d.end), None) \
            if v.kind == ValueKind.QUANTITY and ".." in v.canonical else None
        if d is None:
            out.append(v)
            continue
        merged.add((d.start, d.end))
        out.append(Value(ValueKind.DURATION, v.canonical, v.start, d.end, text[v.start:d.end],
                         f"{v.how}; a range of durations", precision=v.precision))
    return [v for v in out if v.kind != ValueKind.DURATION or (v.start, v.end) not in merged]


# a web address (with its scheme, "www." or a domain before a path) or an e-mail's: the
# numbers in it belong to the address
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>\"'()]+"
                      r"|(?<![\w.@/-])[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/[^\s<>\"'()]*",
                      re.IGNORECASE)


# a reference mark glued to the word or stop before it ("kapal[7]", "2014.[12]", "[3][4]"),
# as copies of encyclopaedia pages carry them: the number names a note
_REFERENCE_MARK = re.compile(r"(?<=[^\s\[\d])\[\d{1,3}\]|(?<=\])\[\d{1,3}\]")


def _years_from_neighbours(values: list[Value], text: str) -> list[Value]:
    """A date without a year takes the year of a dated neighbour it is joined to ("from 6
    July to 7 July 2020", "6 dan 7 Juli 2021"): at most two words, no punctuation, between
    them. Otherwise it stays day and month."""
    dated = [v for v in values if v.kind == ValueKind.DATE and v.canonical[:4].isdigit()
             and not v.relative]
    out = []
    for v in values:
        if v.kind == ValueKind.DATE and v.canonical.startswith("--"):
            year = next((w.canonical[:4] for w in dated if _joined(text, v, w)), None)
            if year is not None:
                try:
                    PartialDate.parse(year + v.canonical[1:])
                    v = replace(v, canonical=year + v.canonical[1:],
                                how=f"{v.how}; year {year} from the date written beside it")
                except ValueError:
                    pass
        out.append(v)
    return out


_JOIN = re.compile(r"[\s\-–—]*(?:[^\W\d_]+[\s\-–—]+){0,2}")


def _joined(text: str, a: Value, b: Value) -> bool:
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    return lo <= hi and _JOIN.fullmatch(text, lo, hi) is not None


def resolve_overlaps(values: list[Value]) -> list[Value]:
    """Drop values hidden inside a longer value of a kind that hides them, then, of
    values of one kind that overlap, keep the longest. One sweep in start order: only
    values that overlap are compared, so a sentence of any length costs linear time."""
    order = sorted(values, key=lambda v: (v.start, -v.end))
    active: list[Value] = []  # values that end after the current start
    kept = []
    for v in order:
        active = [w for w in active if w.end > v.start]
        if not any(_hides(w, v) for w in active):
            kept.append(v)
        active.append(v)
    kept.sort(key=lambda v: (v.start, -(v.end - v.start)))
    out: list[Value] = []
    reach: dict[str, int] = {}  # kind → end of the last value kept
    for v in kept:
        if reach.get(v.kind, -1) > v.start:
            continue
        out.append(v)
        reach[v.kind] = v.end
    return out


def _hides(w: Value, v: Value) -> bool:
    kind = VALUE_TYPES[w.kind]
    if w is v or w.kind == v.kind or v.kind not in kind.hides:
        return False
    if not (w.start <= v.start and v.end <= w.end and (w.end - w.start) > (v.end - v.start)):
        return False
    return kind.hides_here(w)


def parse_expected(kind: str, raw: object) -> str:
    """Canonical form of a claim's expected value, as written in YAML. Raises ValueError."""
    try:
        value_type = VALUE_TYPES[ValueKind(kind)]
    except ValueError:
        raise ValueError(f"unknown value type {kind!r}") from None
    return value_type.parse_expected(raw)


def near(kind: str, expected: str, found: str) -> bool:
    """Is a disagreeing value near enough to the expected one to be a slip in that fact?"""
    return VALUE_TYPES[ValueKind(kind)].near(expected, found)


def slip(kind: str, expected: str, found: str) -> bool:
    """Is ``found`` the expected value written with one digit wrong, dropped, added, or two
    swapped ("1979" for 1978, "44" for 45, "2nd" for 1st, "24 August" for 23 August): a
    slip of the pen rather than another fact? A date without a year is compared on day
    and month. Ranges and categories never are."""
    if ValueKind(kind) == ValueKind.CATEGORY or ".." in expected + found:
        return False
    if found.startswith("--") and len(expected) == 10:  # "--08-24": no year written
        expected = "--" + expected[5:]
    digits = [re.sub(r"\D", "", v) for v in (expected, found)]
    return all(digits) and OSA.distance(*digits) <= 1


def _on_grid(bound: float, precision: float) -> bool:
    """Whether a bound is a whole number of ``precision`` (as a written number is)."""
    if math.isinf(bound):
        return True
    steps = bound / precision
    return abs(steps - round(steps)) < 1e-6


def rounds_to(kind: str, expected: str, found: str, precision: float) -> bool:
    """Is ``found`` the expected number rounded to the last digit written ("96 juta",
    "59%", "840" for 96,214,691, 58.59 and 838), or cut there after three or more digits
    ("24.9 percent" for 24.95)? A range agrees when the expected number lies within its
    bounds rounded so. Quantities only."""
    if kind not in (ValueKind.QUANTITY, ValueKind.DURATION) or ".." in expected:
        return False
    if ".." in found:  # "up to Rp 42.3 billion" for 42.33 billion: its bounds, as written
        try:
            e = float(expected)
            lo, hi = (float(b) for b in found.partition("..")[::2])
        except ValueError:
            return False
        # only a bound written with that precision is rounded ("about 9 billion" is
        # 8.55..9.45 billion: bounds computed, not written)
        if _on_grid(lo, precision):
            lo -= precision / 2
        if _on_grid(hi, precision):
            return lo <= e < hi + precision / 2
        return lo <= e <= hi
    try:
        e, f = float(expected), float(found)
    except ValueError:
        return False
    if abs(e - f) < 1e-9 * max(1, abs(e)) or f - precision / 2 <= e < f + precision / 2:
        return True  # rounded
    # cut after three or more digits ("24.9" for 24.95); "2 lakh" is not 250,000, and
    # "830" (two digits and a zero) is not 838
    # (the bound a hair inside: 16.46 + 0.01 is 16.470000000000002 in binary, and 16.46 is
    # no cut of 16.47)
    return abs(f) / precision >= 100 and f <= e < f + precision * (1 - 1e-9)


def agrees(kind: str, expected: str, found: str, tolerance: float = 0.0) -> bool:
    """Does a found value agree with an expected (or another source's) value?"""
    return VALUE_TYPES[ValueKind(kind)].agrees(expected, found, tolerance)
