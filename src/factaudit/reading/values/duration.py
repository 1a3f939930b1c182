"""Durations in years: "25 years", "25 tahun", "thirty years", "a 20-year drought"."""

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
    return re.compile(rf"(?<![\w.,]){number_pattern(pack)}(?![\w]|[.,]\d)(?:\s+|-)"
                      rf"(?P<u>{alt(pack.duration_units)})\b", FLAGS)


def find(text: str, reading: Reading) -> list[Value]:
    pattern = _pattern(reading.pack)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        n = parse_number(m.group("n"), reading.pack)
        if n is None:
            continue
        out.append(Value(ValueKind.DURATION, format_number(n), m.start(), m.end(), m.group(0),
                         f"duration in {m.group('u').lower()}"))
    return out


def parse_expected(raw: object) -> str:
    if (isinstance(raw, bool) or not isinstance(raw, int | float) or not finite(raw)
            or abs(raw) > 100_000):
        raise ValueError(f"a duration is a number of years, got {shown(raw)}")
    return format_number(float(raw))


TYPE = ValueType(ValueKind.DURATION, find, parse_expected, quantity.agrees, near=near_number,
                 hides=frozenset({ValueKind.QUANTITY, ValueKind.YEAR}))
