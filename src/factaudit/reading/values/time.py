"""Times of day: "18:00", "2.35 pm", "18:04 hrs", "pukul 18.00", "23.00 WIB".

No claim is about a time of day yet; they are read so that "18.00" is not taken for a
number and "21:12" not for a date."""

from __future__ import annotations

import re
from functools import cache

from factaudit.model import ValueKind
from factaudit.reading.languages import LanguagePack, by_language
from factaudit.reading.values.base import FLAGS, Reading, Value, ValueType, alt, exact

_CLOCK = r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[:.][0-5]\d)?"


@by_language
@cache
def _pattern(pack: LanguagePack) -> re.Pattern[str]:
    alts = [r"(?<![\d.,:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:])"]  # a colon: always
    if pack.time_suffixes:
        alts.append(rf"(?<![\d.,:])(?:{_CLOCK}|(?:[01]?\d|2[0-3]))\s*(?:{alt(pack.time_suffixes)})"
                    r"(?![\w])")
    if pack.time_prefixes:
        alts.append(rf"\b(?:{alt(pack.time_prefixes)})\s+{_CLOCK}(?![\d])")
    return re.compile("|".join(alts), FLAGS)


def find(text: str, reading: Reading) -> list[Value]:
    return [Value(ValueKind.TIME, " ".join(m.group(0).split()), m.start(), m.end(),
                  m.group(0), "time of day") for m in _pattern(reading.pack).finditer(text)]


TYPE = ValueType(ValueKind.TIME, find, lambda raw: str(raw), exact,
                 hides=frozenset({ValueKind.QUANTITY, ValueKind.YEAR, ValueKind.DATE,
                                  ValueKind.ORDINAL, ValueKind.PERIOD, ValueKind.DURATION}))
