"""What every value reader shares: the Value record, the ValueType contract, numbers and
small regex helpers built from language packs."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import TypeVar

from rapidfuzz.distance import OSA

from factaudit.model import PartialDate, ValueKind
from factaudit.reading.languages import LanguagePack, by_language

T = TypeVar("T")

# No count, sum or measure in a news text comes near this; a longer run of digits is an
# identifier, a hash or an attack, not a quantity.
MAX_QUANTITY = 1e21
# words that multiply the number words before them ("tiga puluh", "two hundred")
MULTIPLIER_WORDS = ("puluh", "belas", "ratus", "hundred", "dozen", "lusin")


@dataclass(frozen=True)
class Value:
    """A value read from text. ``start``/``end`` are offsets in the text given to the reader."""

    kind: ValueKind
    canonical: str
    start: int
    end: int
    raw: str
    how: str = ""
    weekday: int | None = None  # weekday written next to a date, 0 = Monday
    relative: bool = False  # computed from the publication date ("last year", "on Sunday")
    precision: float | None = None  # the unit of the last digit written ("96 juta": 1e6)
    # a date's year not written but taken from the publication date by its weekday
    year_guessed: bool = False
    # a date without a year whose weekday fits none of the years near publication: compared
    # on day and month ("--10-01"); the publication's year, for date-sanity to report
    unfit_year: int | None = None

    def shifted(self, offset: int) -> Value:
        return replace(self, start=self.start + offset, end=self.end + offset)


@dataclass(frozen=True)
class Reading:
    """How to read one passage: its language's pack, the publication date (for dates
    without a year and relative dates) and the order of numeric dates."""

    pack: LanguagePack
    base: PartialDate | None
    order: str  # "DMY" or "MDY"


@dataclass(frozen=True)
class ValueType:
    """One kind of value: how to find it, read a claim's expected value, compare, and
    which kinds it hides when it covers them (a date hides its year)."""

    kind: ValueKind
    find: Callable[[str, Reading], list[Value]]
    parse_expected: Callable[[object], str]
    agrees: Callable[[str, str, float], bool]
    hides: frozenset[ValueKind] = frozenset()
    # whether a value of this kind hides another it covers (an open period hides nothing)
    hides_here: Callable[[Value], bool] = lambda v: True
    # whether a found value is near enough to the expected one to be a slip in the same fact
    # (a wrong day, a transposed digit) rather than another fact altogether
    near: Callable[[str, str], bool] = lambda expected, found: True


FAR = 5.0  # a number more than FAR times off is more likely another count than a slip


def near_number(expected: str, found: str) -> bool:
    """Within a factor of FAR of the expected number (or of its range)."""
    def bounds(value: str) -> tuple[float, float]:
        lo, _, hi = value.partition("..")
        return float(lo), float(hi or lo)

    try:
        (e_lo, e_hi), (f_lo, f_hi) = bounds(expected), bounds(found)
    except ValueError:
        return True
    e, f = (e_hi, f_lo) if f_lo > e_hi else (e_lo, f_hi)
    if e == 0 or f == 0:
        return e == f
    ratio = abs(f / e)
    return 1 / FAR <= ratio <= FAR or _one_digit_apart(e, f)


def _one_digit_apart(a: float, b: float) -> bool:
    """"35" for 350, "1,725" for 1,752: one digit dropped, added or changed (or two
    swapped) is a slip of the pen however far apart the numbers are."""
    x, y = format_number(a).replace(".", ""), format_number(b).replace(".", "")
    return not math.isinf(a) and not math.isinf(b) and len(x) >= 2 and len(y) >= 2 and \
        OSA.distance(x.lstrip("0"), y.lstrip("0")) <= 1


def exact(expected: str, found: str, tolerance: float = 0.0) -> bool:
    return expected == found


def format_number(x: float) -> str:
    """Canonical text of a number: integers without a decimal point, others shortest repr."""
    if abs(x - round(x)) < 1e-9 * max(1.0, abs(x)):
        return str(round(x))
    return repr(float(x))


def finite(x: float) -> bool:
    try:
        return math.isfinite(x)
    except OverflowError:  # an int too large for a float
        return False


def shown(raw: object) -> str:
    """An input value for an error message: its repr, cut short."""
    text = repr(raw) if not isinstance(raw, int) or abs(raw) < 10**30 else f"{str(raw)[:20]}…"
    return text if len(text) <= 60 else text[:57] + "…"


def parse_number(text: str, pack: LanguagePack) -> float | None:
    """Read "20,000,000" / "20.000.000" / "1,5" / "thirty" with the pack's separators."""
    value = _parse_number(text, pack)
    if value is None or not math.isfinite(value) or abs(value) > MAX_QUANTITY:
        return None
    return value


def _parse_number(text: str, pack: LanguagePack) -> float | None:
    if len(text) > 40:
        return None
    t = text.strip().lower()
    if t in pack.numbers:
        return float(pack.numbers[t])
    words = _parse_number_words(t, pack)
    if words is not None:
        return words
    group, decimal = re.escape(pack.group), re.escape(pack.decimal)
    if re.fullmatch(rf"\d{{1,3}}(?:{group}\d{{3}})+(?:{decimal}\d+)?", t):
        t = t.replace(pack.group, "")
    elif pack.group != pack.decimal and re.fullmatch(rf"\d+{group}\d{{1,2}}", t):
        # "7.7" in Indonesian, "7,4" in English: one or two digits after the grouping
        # mark cannot be a group of thousands, so it is the other convention's decimal
        return float(t.replace(pack.group, "."))
    if re.fullmatch(rf"\d+(?:{decimal}\d+)?", t):
        return float(t.replace(pack.decimal, "."))
    return None


def _parse_number_words(t: str, pack: LanguagePack) -> float | None:
    """Compound number words: "thirty five", "tiga puluh", "dua ratus lima puluh"."""
    parts = t.replace("-", " ").split()
    if len(parts) < 2 or not pack.numbers:
        return None
    multipliers = {"puluh": 10, "belas": None, "ratus": 100, "hundred": 100, "dozen": 12,
                   "lusin": 12}
    total, current = 0.0, 0.0
    for word in parts:
        if word in ("and", "dan"):
            continue
        if word in multipliers:
            if word == "belas":
                current += 10
            else:
                current = (current or 1) * (multipliers[word] or 1)
                if multipliers[word] == 100:
                    total, current = total + current, 0.0
        elif word in pack.numbers:
            current += pack.numbers[word]
        elif word in pack.scales:
            total = (total + (current or 1)) * pack.scales[word]
            current = 0.0
        else:
            return None
    return total + current


def number_pattern(pack: LanguagePack) -> str:
    """A number in digits (with the pack's separators) or in words, as group ``n``."""
    group, decimal = re.escape(pack.group), re.escape(pack.decimal)
    number = (rf"\d{{1,3}}(?:{group}\d{{3}})+(?:{decimal}\d+)?"
              rf"|\d+{group}\d{{1,2}}(?![\d{group}{decimal}])|\d+(?:{decimal}\d+)?")
    compound = ""
    if pack.numbers:
        words = alt(pack.numbers)
        tens = rf"(?:\s+(?:{'|'.join(MULTIPLIER_WORDS)}))?"
        compound = rf"|(?:(?:{words}){tens})(?:[\s-]+(?:{words}){tens})*"
    return rf"(?P<n>{number}{compound})"


def alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first so "Juli" is not cut to "Jul"; the words of a
    multi-word entry ("hari ini") may be separated by any run of spaces."""
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) or re.escape(w)
                    for w in sorted(set(words), key=len, reverse=True)) or r"(?!x)x"


def lookup(table: dict[str, T], matched: str) -> T | None:
    """The entry of ``table`` that ``matched`` was matched from (case- and space-insensitive).

    ``re.IGNORECASE`` also matches Unicode case variants that ``str.lower`` does not map
    back to the key ("ſ" for "s", "İ" for "i"), so fall back to matching every key."""
    key = " ".join(matched.lower().split())
    if key in table:
        return table[key]
    for name, value in table.items():
        if re.fullmatch(alt([name]), matched, re.IGNORECASE):
            return value
    return None


FLAGS = re.IGNORECASE | re.UNICODE


@by_language
@cache
def _measure_pattern(pack: LanguagePack) -> re.Pattern[str] | None:
    if not pack.glued_units:
        return None
    # as written, in lower case; a one-letter unit only squared or cubed ("2000 m²"):
    # "tahun 2020 M" is a year (Masehi), and "2019 m" too ambiguous to call an amount
    longer = "|".join(re.escape(u) for u in pack.glued_units if len(u) > 1) or "(?!x)x"
    return re.compile(rf" ?(?:(?:{longer})[²³23]?|(?:{alt(pack.glued_units)})[²³])(?!\w)"
                      r"| ?%| ?°")


def measured(text: str, position: int, pack: LanguagePack) -> bool:
    """Whether a unit of measurement follows ``position``, glued or after a space ("1817
    km²", "2021 ha", "1500 m²"): the number before it is an amount, never a year."""
    pattern = _measure_pattern(pack)
    return pattern is not None and pattern.match(text, position) is not None

