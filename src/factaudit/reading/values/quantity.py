"""Quantities: "20,000,000", "20.000.000" (Indonesian), "20 million", "Rp20 juta", "thirty"."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from factaudit.model import ValueKind
from factaudit.reading.languages import LanguagePack, by_language
from factaudit.reading.values.base import (
    FLAGS,
    MAX_QUANTITY,
    Reading,
    Value,
    ValueType,
    alt,
    finite,
    format_number,
    lookup,
    measured,
    near_number,
    number_pattern,
    parse_number,
    shown,
)

_YEAR_RE = re.compile(r"1[5-9]\d\d|20\d\d|21\d\d")


@by_language
@cache
def _pattern(pack: LanguagePack) -> re.Pattern[str]:
    scales = rf"(?:\s+(?P<s>{alt(pack.scales)})\b)?" if pack.scales else ""
    # not glued to a word by a hyphen: "Chandrayaan-3", "COVID-19" are names
    before = "(?<![\\w.,:])(?<![^\\W\\d_]-)" + "".join(
        f"|(?<={re.escape(c)})" for c in pack.currency_prefixes) + "".join(
        # "M4.1": a unit against a decimal only ("M5" may be a road or a size)
        rf"|(?<=(?<![\w.,-]){re.escape(p)})(?=\d+[.,]\d)" for p in pack.glued_prefixes)
    # a unit written against the number ends it ("14.5km"), and so does a currency's
    # scale ("US$3.7bn", checked for its currency in find); other letters make a code ("2A")
    glued = rf"(?=(?:{alt(pack.glued_units)})[²³23]?(?!\w))|" if pack.glued_units else ""
    if pack.currency_scales:
        glued += rf"(?=(?:{_exact_alt(pack.currency_scales)})(?!\w))|"
    return re.compile(rf"(?:{before}){number_pattern(pack)}(?:{glued}(?![\w]|[.,:]\d))"
                      rf"{scales}", FLAGS)


@by_language
@cache
def _range_pattern(pack: LanguagePack) -> re.Pattern[str]:
    """"between 5 and 8 million", "5 to 8 million", "2,5 juta hingga 3 juta", "100-105"."""
    one = number_pattern(pack).replace("(?P<n>", "(?:")
    scale = rf"(?:\s+(?:{alt(pack.scales)})\b)?" if pack.scales else ""
    openers = [a for a, _ in pack.period_between]
    joiners = [b for _, b in pack.period_between]
    words = [j for j in pack.period_joiners if j[0].isalpha()]
    symbols = "|".join(re.escape(j) for j in pack.period_joiners if not j[0].isalpha()) or "-"
    alts = []
    # each bound may carry its currency: "antara Rp2.943.730 hingga Rp5.887.459"
    money = ("(?:(?:" + "|".join(re.escape(c) for c in pack.currency_prefixes) + r")\s?)?"
             if pack.currency_prefixes else "")
    if openers:
        alts.append(rf"\b(?:{alt(openers)})\s+{money}(?P<a>{one}{scale})\s+(?:{alt(joiners)})"
                    rf"\s+{money}(?P<b>{one}{scale})")
    linker = (rf"(?:\s*(?:{symbols})\s*" + (rf"|\s+(?:{alt(words)})\s+" if words else "")
              + f"){money}")
    before = "(?<![\\w.,:])" + "".join(f"|(?<={re.escape(c)})" for c in pack.currency_prefixes)
    # a unit written against the second number ends the range too ("30-40m")
    glued = rf"(?=(?:{alt(pack.glued_units)})[²³23]?(?!\w))|" if pack.glued_units else ""
    alts.append(rf"(?:{before})(?P<c>{one}{scale})(?:{linker})(?P<d>{one}{scale})"
                rf"(?:{glued}(?![\w]|[.,]\d))")
    return re.compile("|".join(alts), FLAGS)


def _ranges(text: str, reading: Reading) -> list[Value]:
    pack = reading.pack
    out = []
    for m in _range_pattern(pack).finditer(text):
        g = m.groupdict()  # a pack without "between … and" has no groups a and b
        a, b = (g["a"], g["b"]) if g.get("a") else (g["c"], g["d"])
        if _YEAR_RE.fullmatch(a.strip()) and _YEAR_RE.fullmatch(b.strip()):
            continue  # 1994-2002 is a period
        lo, lo_scaled = _number(a, pack)
        hi, hi_scaled = _number(b, pack)
        if lo is None or hi is None:
            continue
        if hi_scaled and not lo_scaled:  # "5 to 8 million": the scale of both
            factor = _scale_of(b, pack)
            lo = lo * factor if factor else lo
        if not lo < hi:
            continue
        if _changed_by(text, m.start(), pack) and not g.get("a"):
            continue  # "balloons by US$2 billion to US$7.9 billion": a change and a value
        out.append(Value(ValueKind.QUANTITY, f"{format_number(lo)}..{format_number(hi)}",
                         m.start(), m.end(), m.group(0), "a range: both bounds kept"))
    return out


@by_language
@cache
def _change_pattern(pack: LanguagePack) -> re.Pattern[str] | None:
    if not pack.change_by:
        return None
    currency = "|".join(re.escape(c) for c in pack.currency_prefixes) or "(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alt(pack.change_by)})\s*(?:{currency})?\s*$", FLAGS)


def _changed_by(text: str, start: int, pack: LanguagePack) -> bool:
    """Whether a change word ("rose by", "naik sebesar") stands right before ``start``."""
    pattern = _change_pattern(pack)
    return pattern is not None and pattern.search(text, max(0, start - 40), start) is not None


def _scale_of(text: str, pack: LanguagePack) -> float | None:
    words = text.split()
    return lookup(pack.scales, words[-1]) if len(words) > 1 else None


def _number(text: str, pack: LanguagePack) -> tuple[float | None, bool]:
    words = text.split()
    factor = lookup(pack.scales, words[-1]) if len(words) > 1 else None
    n = parse_number(" ".join(words[:-1]) if factor else text, pack)
    if n is None:
        return None, False
    return (n * factor if factor else n), factor is not None


def _exact_alt(words: Iterable[str]) -> str:
    """An alternation of ``words`` matched in their own case, longest first."""
    return "(?-i:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@by_language
@cache
def _tails(pack: LanguagePack) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """What may follow a number: (a currency's abbreviated scale, a unit glued to it)."""
    scale = (re.compile(rf"[ \u00a0]?(?P<cs>{_exact_alt(pack.currency_scales)})(?![\w])",
                        FLAGS) if pack.currency_scales else None)
    unit = (re.compile(rf"(?:{alt(pack.glued_units)})[²³23]?(?!\w)", FLAGS)
            if pack.glued_units else None)
    return scale, unit


def _glued_unit(text: str, at: int, pack: LanguagePack) -> bool:
    """Whether a unit of the pack is written at ``at``, against the number ("5m")."""
    pattern = _tails(pack)[1]
    return pattern is not None and pattern.match(text, at) is not None


def _after_currency(text: str, start: int, pack: LanguagePack) -> bool:
    """Whether a currency prefix ("$", "US$", "Rp") stands right before ``start``."""
    before = text[max(0, start - 6):start].rstrip(" \u00a0")
    return any(before.endswith(c) and (len(before) == len(c) or not before[-len(c) - 1].isalpha())
               for c in pack.currency_prefixes)


def _scaled(text: str, m: re.Match[str], n: float, scale: str | None, pack: LanguagePack
            ) -> tuple[float, int, float | None, str] | None:
    """(the number times its scale, where it ends, the factor, how it was read) for the
    number ``n`` matched by ``m``: a scale word ("20 juta") or, after a currency, an
    abbreviated scale ("$5m", "Rp 43,32 M"); None when it is no amount."""
    how = f"number read with {pack.code} separators"
    end = m.end()
    short = _tails(pack)[0]
    tail = short.match(text, end) if short is not None and not scale else None
    if tail is not None:
        if _after_currency(text, m.start(), pack):
            factor = pack.currency_scales[tail.group("cs")]
            if n * factor > MAX_QUANTITY:
                return None
            return (n * factor, tail.end(), factor,
                    how + f", × {format_number(factor)} ({tail.group('cs')} after a currency)")
        if not text[end:end + 1].isspace() and not _glued_unit(text, end, pack):
            return None  # "3.7bn" with no currency: letters glued to a number, a code
    if scale:
        found = lookup(pack.scales, scale)
        if found is None or n * found > MAX_QUANTITY:
            return None
        return n * found, end, found, how + f", × {format_number(found)} ({scale.lower()})"
    return n, end, None, how


def find(text: str, reading: Reading) -> list[Value]:
    pack = reading.pack
    out = _ranges(text, reading)
    ranges = [(v.start, v.end) for v in out]  # in text order
    labels = _label_pattern(pack)
    last: tuple[Value, float] | None = None  # the value just read with a scale word, and it
    for m in _pattern(pack).finditer(text):
        n = parse_number(m.group("n"), pack)
        if n is None:
            continue
        k = bisect_right(ranges, (m.start(), len(text)))
        if k and ranges[k - 1][0] <= m.start() < ranges[k - 1][1]:
            continue  # a bound of a range ("around 4 to 6 hours" is 4..6, not about 4)
        scale = m.groupdict().get("s")
        if _no_count(text, m, n, labels, pack):
            continue
        scaled = _scaled(text, m, n, scale, pack)
        if scaled is None:
            continue
        n, end, factor, how = scaled
        digits = m.group("n")
        grouped = _grouped_other_way(digits, pack) if factor is None else None
        if grouped is not None and _after_currency(text, m.start(), pack):
            n, digits = grouped, digits.replace(pack.decimal, "")
            how += (f"; groups of three digits after {pack.decimal!r} in an amount are "
                    "thousands (\"Rp 6.800\" in an English text)")
        value = Value(ValueKind.QUANTITY, format_number(n), m.start(), end, text[m.start():end],
                      how, precision=_precision(digits, pack, factor))
        if (last is not None and factor is not None and last[1] > factor
                and not text[last[0].end:m.start()].strip() and out[-1] is last[0]
                and ".." not in last[0].canonical):
            # "tiga miliar lima ratus juta", "Rp 1 miliar 200 juta": one amount written in
            # parts of falling scale, their sum
            first = last[0]
            n += float(first.canonical)
            value = replace(value, canonical=format_number(n), start=first.start,
                            raw=text[first.start:end],
                            how=f"{first.how} + {how} (one amount in parts)")
            out.pop()
        out.append(_approximate(value, n, text, pack))
        last = (out[-1], factor) if factor is not None else None
    return out


# two to four capitals, a word of their own, right before a number: a designation
_CODE_BEFORE = re.compile(r"(?<![\w-])([A-Z]{2,4})[ \u00a0]$")


@by_language
@cache
def _currency_codes(pack: LanguagePack) -> frozenset[str]:
    """Every currency word and prefix of the pack, folded ("rp", "idr", "usd")."""
    words = {w for ws in pack.currencies.values() for w in ws}
    return frozenset(w.casefold().rstrip(".") for w in (*words, *pack.currency_prefixes,
                                                        *pack.currencies))


def _no_count(text: str, m: re.Match[str], n: float, labels: re.Pattern[str] | None,
              pack: LanguagePack) -> bool:
    """Whether the number ``m`` (read as ``n``) is no count at all, whatever follows it."""
    scale = m.groupdict().get("s")
    if labels is not None and labels.search(text, max(0, m.start() - 30), m.start()):
        return True  # "Phase 1", "Tahap 2", "No. 5": a label, not a count
    street = _street_pattern(pack)
    if street is not None and street.search(text, max(0, m.start() - 60), m.start()):
        return True  # "Jalan Arab 204", "Street 204": a house number
    if re.match(r"0\d", m.group("n")):
        return True  # "Danrem 063", "01-Jan-24": a code or a part of a date, not a count
    code = _CODE_BEFORE.search(text, max(0, m.start() - 8), m.start())
    if code is not None and m.group("n").isdigit() and not scale and \
            code.group(1).casefold() not in _currency_codes(pack) and \
            not measured(text, m.end(), pack):
        return True  # "Lion Air JT 610", "QZ 8501": a flight's or a ship's designation
        # (not "DP 20 persen": a measure follows)
    if n == 1 and not scale and not m.group("n")[0].isdigit():
        return True  # "one station to the next", "salah satu": a determiner, not a count
    # a bare 1996 is a year, not a count (but "1817 km²" is an area)
    return bool(not scale and _YEAR_RE.fullmatch(m.group(0))
                and not measured(text, m.end(), pack))


def _grouped_other_way(digits: str, pack: LanguagePack) -> float | None:
    """"6.800" read with English separators is 6.8; written as an amount it is the
    thousands grouping of the other convention (no price has three decimals): the whole
    number, or None when the digits are not groups of three after the decimal mark."""
    if pack.decimal == pack.group or not re.fullmatch(
            rf"\d{{1,3}}(?:{re.escape(pack.decimal)}\d{{3}})+", digits):
        return None
    return float(digits.replace(pack.decimal, ""))


def _precision(digits: str, pack: LanguagePack, factor: float | None) -> float | None:
    """The unit of the last digit written: 0.1 for "24.9", 1,000,000 for "96 juta", 10 for
    "140" (trailing zeros after two digits may be rounding; "20" is twenty); None for
    number words."""
    if not digits[:1].isdigit():
        return None
    if pack.group != pack.decimal and re.fullmatch(rf"\d+{re.escape(pack.group)}\d{{1,2}}",
                                                   digits):
        digits = digits.replace(pack.group, pack.decimal)  # "7.7" in Indonesian: a decimal
    whole, _, decimals = digits.replace(pack.group, "").partition(pack.decimal)
    if decimals:
        unit = 10.0 ** -len(decimals)
    else:
        significant = whole.lstrip("0").rstrip("0")
        unit = 10.0 ** (len(whole) - len(whole.rstrip("0"))) if len(significant) >= 2 else 1.0
    return unit * (factor or 1.0)


# how an approximation word widens a number: (low factor, high factor)
_WIDTH = {"more": (1.0, math.inf), "less": (0.0, 1.0), "about": (0.95, 1.05),
          "nearly": (0.9, 1.0)}


ROUNDED_WIDTH = 0.075  # the most "about" widens a round figure either way: a figure
# a tenth off ("about 40 m" for 44 m) reads as another figure


def _rounding_unit(n: float) -> float:
    """The unit of the last digit of a whole number other than zero (300: 100; 75,000,000:
    1,000,000); 1 for a number with a fraction."""
    if n != int(n) or n == 0:
        return 1.0
    whole = str(int(abs(n)))
    return 10.0 ** (len(whole) - len(whole.rstrip("0")))


def _approximate(value: Value, n: float, text: str, pack: LanguagePack) -> Value:
    """"over 600", "sekitar 75 juta", "nearly 20 percent": the number becomes the range it
    stands for (more than: from it up; about: within 5%, or as far as rounding to its last
    digit other than zero goes, up to 7.5%; nearly: up to 10% below)."""
    pattern = _approx_pattern(pack)
    if pattern is None:
        return value
    m = pattern.search(text, max(0, value.start - 40), value.start)
    if m is None:
        return value
    kind = next(k for k, g in m.groupdict().items() if g)
    lo, hi = (f * n for f in _WIDTH[kind])
    if kind == "about":  # "sekitar 300" for 319: a figure rounded to its last digit
        # other than zero, so within half of that digit's unit, up to ROUNDED_WIDTH
        width = min(_rounding_unit(n) / 2, ROUNDED_WIDTH * n)
        lo, hi = min(lo, n - width), max(hi, n + width)
    canonical = f"{format_number(lo)}..{'inf' if math.isinf(hi) else format_number(hi)}"
    return replace(value, canonical=canonical, start=m.start(), raw=text[m.start():value.end],
                   how=f"{value.how}; {m.group(0).strip()!r}: {canonical}")


@by_language
@cache
def _approx_pattern(pack: LanguagePack) -> re.Pattern[str] | None:
    groups = [rf"(?P<{kind}>{alt(words)})" for kind, words in pack.approximations.items()
              if kind in _WIDTH and words]
    if not groups:
        return None
    currency = "|".join(re.escape(c) for c in pack.currency_prefixes) or "(?!x)x"
    # "Setidaknya terdapat 426 orang", "at least there were 426": a filler between
    filler = rf"(?:\s+(?:{alt(pack.approximation_fillers)}))?" if pack.approximation_fillers \
        else ""
    return re.compile(rf"(?<![\w-])(?:{'|'.join(groups)}){filler}\s*(?:{currency})?\s*$",
                      FLAGS)


@by_language
@cache
def _label_pattern(pack: LanguagePack) -> re.Pattern[str] | None:
    """A label word right before a number ("Phase 1", "fase 2", "Gate 3")."""
    if not pack.label_words:
        return None
    return re.compile(rf"\b(?:{alt(pack.label_words)})\.?\s*$", FLAGS)


@by_language
@cache
def _street_pattern(pack: LanguagePack) -> re.Pattern[str] | None:
    """A street word as written, with a capital, then up to three capitalised words (the
    street's name), right before a number: "Jalan Arab 204", "Jl. Sudirman 5"."""
    if not pack.street_words:
        return None
    words = "|".join(re.escape(w) for w in sorted(pack.street_words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{words})\.?(?:\s+[A-Z][\w'’-]*){{0,3}}\s+$")


def parse_expected(raw: object) -> str:
    if isinstance(raw, bool):
        raise ValueError(f"a quantity is a number, got {raw!r}")
    if isinstance(raw, int | float):
        if not finite(raw) or abs(raw) > MAX_QUANTITY:
            raise ValueError(f"a quantity is a finite number up to 1e21, got {shown(raw)}")
        return format_number(float(raw))
    from factaudit.reading.values import read_values

    values = [v for v in read_values(str(raw)[:200], "en") if v.kind == ValueKind.QUANTITY]
    if len(values) == 1 and values[0].end - values[0].start == len(str(raw).strip()):
        return values[0].canonical
    raise ValueError("a quantity is a number such as 20000000 or '20 million', got "
                     f"{shown(raw)}")


def bounds(value: str) -> tuple[float, float]:
    """(low, high) of a quantity: a range "lo..hi" ("600..inf": more than 600), or one
    number twice."""
    lo, _, hi = value.partition("..")
    return float(lo), float(hi or lo)


def as_written(value: str) -> str:
    """The number a quantity was written with, before its approximation word widened it
    ("at least 58" → "58..inf" → "58"; "about 58" → "55.1..60.9" → "58"); a range written
    as one ("between 5 and 8") stays itself."""
    lo, _, hi = value.partition("..")
    if not hi:
        return value
    low, high = float(lo), float(hi)
    for k, (a, b) in _WIDTH.items():
        if b == math.inf and high == math.inf:
            return format_number(low)
        if a == 0.0 and low == 0.0:
            return format_number(high)
        if k != "more" and a and low and math.isclose(high / low, b / a, rel_tol=1e-6):
            return format_number(low / a)
    return value


def agrees(expected: str, found: str, tolerance: float = 0.0) -> bool:
    """Equal within the tolerance; a range agrees with a value it contains (and two ranges
    that overlap agree)."""
    if expected == found:
        return True
    e_lo, e_hi = bounds(expected)
    f_lo, f_hi = bounds(found)
    slack = tolerance * max(abs(e_lo), abs(e_hi))
    return f_lo - slack <= e_hi and e_lo <= f_hi + slack


TYPE = ValueType(ValueKind.QUANTITY, find, parse_expected, agrees, near=near_number,
                 hides=frozenset({ValueKind.YEAR}),
                 # "1.996" hides the year-like digits in it; a bare "1996" is a year (a range
                 # covers the numbers it is made of: of one kind, the longest is kept)
                 hides_here=lambda v: not v.raw.isdigit())


def currency_of(text: str, start: int, end: int, pack: LanguagePack) -> str | None:
    """The currency code of the amount at ``text[start:end]``, from a symbol before it
    ("$75 million", "Rs 615 crore") or a word after it ("75 juta dolar AS"); None when
    neither is written."""
    digit = next((i for i in range(start, end) if text[i].isdigit()), start)
    before = text[max(0, start - 6):digit].rstrip()  # "$75", "about $75", "Rs 615"
    after = " ".join(text[end:end + 40].split()).lower()
    best: tuple[int, str] | None = None
    for code, words in pack.currencies.items():
        for w in words:
            written = before.endswith(w) and (
                len(before) == len(w) or not before[-len(w) - 1].isalpha())
            if written and (best is None or len(w) > best[0]):
                best = (len(w), code)
            lw = w.lower()
            if (after == lw or (after.startswith(lw) and after[len(lw):len(lw) + 1] in
                                " ,.;:)]")) and (best is None or len(w) > best[0]):
                best = (len(w), code)
    return best[1] if best else None


def currency_named(unit: str | None, pack: LanguagePack) -> str | None:
    """The currency code a claim's ``unit`` names ("USD", "US$", "rupiah"), if any."""
    if not unit:
        return None
    folded = unit.strip().lower()
    for code, words in pack.currencies.items():
        if folded == code.lower() or folded in (w.lower() for w in words):
            return code
    return None
