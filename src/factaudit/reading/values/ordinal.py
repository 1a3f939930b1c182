"""Ordinals: "17th", "ke-17", "ke 17", "fifteenth"."""

from __future__ import annotations

import re
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
    near_number,
)
from factaudit.reading.values.year import whole_number


@by_language
@cache
def _pattern(pack: LanguagePack) -> re.Pattern[str] | None:
    alts = []
    if pack.ordinal_suffixes:
        alts.append(rf"\b(?P<o1>\d{{1,9}})(?:{alt(pack.ordinal_suffixes)})\b")
    if pack.ordinal_prefixes:
        prefixes = alt([p.rstrip("-") for p in pack.ordinal_prefixes])
        alts.append(rf"\b(?:{prefixes})[-\s]?(?P<o2>\d{{1,9}})\b")
    if pack.ordinal_words:
        alts.append(rf"\b(?P<w>{alt(pack.ordinal_words)})\b")
    return re.compile("|".join(alts), FLAGS) if alts else None


def find(text: str, reading: Reading) -> list[Value]:
    pattern = _pattern(reading.pack)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        groups = m.groupdict()
        n = groups.get("o1") or groups.get("o2")
        if groups.get("w"):
            n = lookup(reading.pack.ordinal_words, groups["w"])
        if n:
            out.append(Value(ValueKind.ORDINAL, str(int(n)), m.start(), m.end(), m.group(0),
                             "ordinal"))
    return out


TYPE = ValueType(ValueKind.ORDINAL, find, whole_number("ordinal", 9), exact, near=near_number,
                 hides=frozenset({ValueKind.QUANTITY, ValueKind.YEAR}))
