"""Years: "2018", "in 1996". A year inside a date or a period belongs to that value."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from factaudit.model import ValueKind
from factaudit.reading.languages import LanguagePack, by_language
from factaudit.reading.values.base import (
    FLAGS,
    Reading,
    Value,
    ValueType,
    alt,
    exact,
    lookup,
    measured,
    number_pattern,
    parse_number,
    shown,
)

_YEAR = re.compile(r"(?<![\d.,/])(1[5-9]\d\d|20\d\d|21\d\d)(?![\d]|[.,/]\d)")
# right after a year: a decade ("1870s", "1990-an", "1990an"), not "2019's" (a possessive)
DECADE_SUFFIX = r"(?:s|-?an)(?![\w])"
_DECADE = re.compile(DECADE_SUFFIX)


@by_language
@cache
def _patterns(pack: LanguagePack) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None,
                                           re.Pattern[str] | None]:
    era = (re.compile(rf"\s*(?:{alt(pack.era_suffixes)})(?![\w])") if pack.era_suffixes
           else None)
    relative = (re.compile(rf"\b(?:{alt(pack.relative_years)})\b", FLAGS)
                if pack.relative_years else None)
    ago = None
    if pack.past_markers and pack.duration_units:
        ago = re.compile(rf"(?<![\w.,]){number_pattern(pack)}\s+(?:{alt(pack.duration_units)})"
                         rf"\s+(?:{alt(pack.past_markers)})\b", FLAGS)
    return era, relative, ago


def _written(text: str, reading: Reading, era: re.Pattern[str] | None) -> list[Value]:
    out = []
    for m in _YEAR.finditer(text):
        if era is not None and era.match(text, m.end(1)):
            continue  # "1442 H": a year of another calendar
        if measured(text, m.end(1), reading.pack):
            continue  # "1817 km²", "2000 ha": an amount
        if _DECADE.match(text, m.end(1)):
            continue  # "the 1870s", "tahun 1990-an": a decade, not one of its years
        out.append(Value(ValueKind.YEAR, m.group(1), m.start(1), m.end(1), m.group(1), "year"))
    return out


def written_years(text: str) -> set[int]:
    """Every year written in ``text`` as four digits ("2018" in "23 Juni 2018: …")."""
    return {int(m.group(1)) for m in _YEAR.finditer(text)}


def find(text: str, reading: Reading) -> list[Value]:
    era, relative, ago = _patterns(reading.pack)
    out = _written(text, reading, era)
    base = reading.base
    if base is None:
        return out
    if relative is not None:  # "last year", "tahun lalu"
        for m in relative.finditer(text):
            shift = lookup(reading.pack.relative_years, m.group(0))
            if shift is not None:
                out.append(Value(ValueKind.YEAR, str(base.year + shift), m.start(), m.end(),
                                 m.group(0), f"relative year: publication year {base.year} "
                                 f"{shift:+d}", relative=True))
    if ago is not None:  # "three years ago", "tiga tahun lalu"
        for m in ago.finditer(text):
            n = parse_number(m.group("n"), reading.pack)
            if n is not None and n == int(n) and 0 < n < 1000:
                year = base.year - int(n)
                out.append(Value(ValueKind.YEAR, str(year), m.start(), m.end(), m.group(0),
                                 f"publication year {base.year} − {int(n)}", relative=True))
    return out


def whole_number(kind: str, digits: int) -> Callable[[object], str]:
    """A parser of expected values of whole numbers of at most ``digits`` digits."""
    def parse(raw: object) -> str:
        if (isinstance(raw, bool) or not isinstance(raw, int | str)
                or not str(raw).isdigit() or len(str(raw).lstrip("0") or "0") > digits):
            article = "an" if kind[0] in "aeiou" else "a"
            raise ValueError(f"{article} {kind} is a whole number of at most {digits} digits, "
                             f"got {shown(raw)}")
        return str(int(raw))
    return parse


TYPE = ValueType(ValueKind.YEAR, find, whole_number("year", 4), exact)
