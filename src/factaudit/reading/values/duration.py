"""Durations in years: "25 years", "25 tahun", "thirty years", "a 20-year drought", and
"1 tahun 6 bulan" (1.5: months after the years count as twelfths)."""

from __future__ import annotations

import re
from functools import cache

from factaudit.model import ValueKind
from factaudit.reading.languages import LanguagePack, by_language
from factaudit.reading.values import quantity
from factaudit.reading.values.base import (
    FLAGS,
    Reading,
    Value,
    ValueType,
    alt,
    finite,
    format_number,
    near_number,
    number_pattern,
    parse_number,
    shown,
)


@by_language
@cache
def _pattern(pack: LanguagePack) -> re.Pattern[str] | None:
    if not pack.duration_units:
        return None
    # a mixed fraction ("3 1/2 years", "3½ years") is one number of years
    vulgar = "".join(_VULGAR)
    return re.compile(rf"(?<![\w.,/]){number_pattern(pack)}(?!(?![{vulgar}])\w|[.,]\d)"
                      rf"(?:\s+(?P<fn>\d)/(?P<fd>\d{{1,2}})|\s*(?P<vf>[{vulgar}]))?"
                      rf"(?:\s+|-)(?P<u>{alt(pack.duration_units)})\b", FLAGS)


_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}


@by_language
@cache
def _months(pack: LanguagePack) -> re.Pattern[str] | None:
    """Months right after a number of years: "1 tahun 6 bulan", "2 years and 6 months"."""
    if not pack.month_units:
        return None
    joiners = alt(pack.clause_words) if pack.clause_words else "(?!x)x"
    return re.compile(rf"\s*,?\s*(?:(?:{joiners})\s+)?{number_pattern(pack)}"
                      rf"(?![\w]|[.,]\d)\s+(?:{alt(pack.month_units)})\b", FLAGS)


def find(text: str, reading: Reading) -> list[Value]:
    pattern = _pattern(reading.pack)
    if pattern is None:
        return []
    months = _months(reading.pack)
    out = []
    for m in pattern.finditer(text):
        n = parse_number(m.group("n"), reading.pack)
        if n is None:
            continue
        end, how = m.end(), f"duration in {m.group('u').lower()}"
        if m.group("fd") and 0 < int(m.group("fn")) < int(m.group("fd")):
            n += int(m.group("fn")) / int(m.group("fd"))
        elif m.group("vf"):
            n += _VULGAR[m.group("vf")]
        more = months.match(text, end) if months is not None else None
        extra = parse_number(more.group("n"), reading.pack) if more is not None else None
        if more is not None and extra is not None and 0 < extra < 12:
            n, end = n + extra / 12, more.end()  # "1 tahun 6 bulan": one and a half years
            how += " and months"
        out.append(Value(ValueKind.DURATION, format_number(round(n, 4)), m.start(), end,
                         text[m.start():end], how))
    return out


def parse_expected(raw: object) -> str:
    if (isinstance(raw, bool) or not isinstance(raw, int | float) or not finite(raw)
            or abs(raw) > 100_000):
        raise ValueError(f"a duration is a number of years, got {shown(raw)}")
    return format_number(float(raw))


TYPE = ValueType(ValueKind.DURATION, find, parse_expected, quantity.agrees, near=near_number,
                 hides=frozenset({ValueKind.QUANTITY, ValueKind.YEAR}))
