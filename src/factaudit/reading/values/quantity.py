"""Quantities: "20,000,000", "20.000.000" (Indonesian), "20 million", "Rp20 juta", "thirty"."""

from __future__ import annotations

import re
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
    number_pattern,
    parse_number,
    shown,
)

_YEAR_RE = re.compile(r"1[5-9]\d\d|20\d\d|21\d\d")


@by_language
@cache
def _pattern(pack: LanguagePack) -> re.Pattern[str]:
    scales = rf"(?:\s+(?P<s>{alt(pack.scales)})\b)?" if pack.scales else ""
    before = "(?<![\\w.,:])" + "".join(f"|(?<={re.escape(c)})" for c in pack.currency_prefixes)
    return re.compile(rf"(?:{before}){number_pattern(pack)}(?![\w]|[.,:]\d){scales}", FLAGS)


def find(text: str, reading: Reading) -> list[Value]:
    pack = reading.pack
    out = []
    for m in _pattern(pack).finditer(text):
        n = parse_number(m.group("n"), pack)
        if n is None:
            continue
        scale = m.groupdict().get("s")
        if not scale and _YEAR_RE.fullmatch(m.group(0)):
            continue  # a bare 1996 is a year, not a count
        how = f"number read with {pack.code} separators"
        if scale:
            factor = lookup(pack.scales, scale)
            if factor is None or n * factor > MAX_QUANTITY:
                continue
            n *= factor
            how += f", × {format_number(factor)} ({scale.lower()})"
        out.append(Value(ValueKind.QUANTITY, format_number(n), m.start(), m.end(), m.group(0),
                         how))
    return out


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


def agrees(expected: str, found: str, tolerance: float = 0.0) -> bool:
    if expected == found:
        return True
    if tolerance:
        e, f = float(expected), float(found)
        return abs(e - f) <= tolerance * abs(e)
    return False


TYPE = ValueType(ValueKind.QUANTITY, find, parse_expected, agrees,
                 hides=frozenset({ValueKind.YEAR}),
                 # "1.996" hides the year-like digits in it; a bare "1996" is a year
                 hides_here=lambda v: not v.raw.isdigit())
