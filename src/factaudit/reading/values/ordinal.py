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
            if reading.pack.modifiers_follow and not _after_noun(text, m.start(), reading):
                continue  # "keempat negara itu" is "the four countries"; "posisi keempat"
            n = lookup(reading.pack.ordinal_words, groups["w"])
        if n:
            out.append(Value(ValueKind.ORDINAL, str(int(n)), m.start(), m.end(), m.group(0),
                             "ordinal"))
    return out


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")


def _after_noun(text: str, position: int, reading: Reading) -> bool:
    """Whether a word that may be a noun stands right before ``position`` (no punctuation
    between, not a small word): where modifiers follow their noun, an ordinal word
    follows it ("posisi keempat"); before a noun it counts ("keempat negara")."""
    m = _WORD_BEFORE.search(text, max(0, position - 40), position)
    return m is not None and m.group(1).lower() not in reading.pack.stopwords


TYPE = ValueType(ValueKind.ORDINAL, find, whole_number("ordinal", 9), exact, near=near_number,
                 hides=frozenset({ValueKind.QUANTITY, ValueKind.YEAR}))
