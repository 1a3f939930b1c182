"""Categories: one of a claim's categories, signalled by its words ("virtual", "video
konferensi" → virtual). The words come from the claim, not the language pack."""

from __future__ import annotations

import re
from functools import lru_cache

from factaudit.model import ValueKind
from factaudit.reading.values.base import Reading, Value, ValueType, exact


def read_categories(text: str, signals: dict[str, list[str]]) -> list[Value]:
    """Category values from signal words: ``{"virtual": ["virtual", "video konferensi"]}``."""
    out = []
    for category, pattern in _category_patterns(tuple((k, tuple(v)) for k, v in signals.items())):
        for m in pattern.finditer(text):
            out.append(Value(ValueKind.CATEGORY, category, m.start(), m.end(), m.group(0),
                             f"signal word {m.group(0)!r}"))
    out.sort(key=lambda v: (v.start, -(v.end - v.start)))
    kept: list[Value] = []
    reach = -1
    for v in out:  # "secara virtual" and "virtual" on one span count once
        if v.start >= reach:
            kept.append(v)
            reach = v.end
    return kept


@lru_cache(maxsize=4096)
def _category_patterns(signals: tuple[tuple[str, tuple[str, ...]], ...]
                       ) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for category, words in signals:
        # a word of only punctuation or invisible characters would be an empty alternative,
        # matching everywhere (claims refuse such words; this keeps the engine safe anyway)
        alts = "|".join(a for a in (_flexible(w) for w in sorted(words, key=len, reverse=True))
                        if a)
        if alts:
            out.append((category, re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)))
    return out


def _flexible(phrase: str) -> str:
    """A phrase as a regex that tolerates any run of spaces, hyphens or dashes between words."""
    words = re.split(r"[\s\-‐‑‒–—]+", phrase.strip())
    return r"[\s\-‐‑‒–—]+".join(re.escape(w) for w in words if w)


def _none(text: str, reading: Reading) -> list[Value]:
    return []  # categories are read with the claim's own signal words (read_categories)


TYPE = ValueType(ValueKind.CATEGORY, _none, lambda raw: str(raw), exact)
