"""Values in passages that no claim cue selected, for rules that reason over whole documents.

Reading every sentence of a large corpus for values is expensive, so these helpers read
only sentences that a cheap pattern selects first (a weekday name, a duration unit) and
cache per document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache

from factaudit.model import Document
from factaudit.reading.languages import by_language, get_pack
from factaudit.reading.text import sentences
from factaudit.reading.values import Value, read_values


def document_sentences(doc: Document) -> list[tuple[int, int]]:
    """The sentences of a document, split once for attribution and every rule."""
    return _sentences(doc.text, doc.language)


def forget_documents() -> None:
    """Drop what is kept of the documents worked on (their texts and sentences): called
    when a document is done, so that a very long one is not kept to the end of the run."""
    _sentences.cache_clear()


@by_language
@lru_cache(maxsize=8)  # the documents a process is working on, not the corpus
def _sentences(text: str, lang: str) -> list[tuple[int, int]]:
    return sentences(text, _abbreviations(lang))


@by_language
@cache
def _abbreviations(lang: str) -> frozenset[str]:
    """The pack's abbreviations, and its currencies written with a full stop ("Rp. 6.800"),
    which end no sentence either."""
    pack = get_pack(lang)
    money = (c[:-1].lower() for c in pack.currency_prefixes if c.endswith(".") and c[:-1].isalpha())
    return frozenset((*pack.abbreviations, *money))


def values_where(doc: Document, selector: re.Pattern | None = None
                 ) -> Iterator[tuple[tuple[int, int], list[Value]]]:
    """(sentence span, values with document offsets) of each sentence ``selector`` matches
    (every sentence when it is None)."""
    base = doc.published_date
    for start, end in document_sentences(doc):
        sentence = doc.text[start:end]
        if selector is not None and not selector.search(sentence):
            continue
        values = read_values(sentence, doc.language, base, doc.date_order)
        if values:
            yield (start, end), [v.shifted(start) for v in values]


def values_around(doc: Document, selector: re.Pattern, near: list | None = None
                  ) -> Iterator[tuple[tuple[int, int], list[Value]]]:
    """Like ``values_where`` but only the sentences that contain a match of ``selector``,
    found without splitting the whole document: the cost follows the matches. With
    ``near`` (hits of the engine's scan), the selector is only tried around them."""
    text = doc.text
    base = doc.published_date
    done: set[tuple[int, int]] = set()
    if near is None:
        matches = list(selector.finditer(text))
    else:
        matches = []
        for h in near:
            lo, hi = max(0, h.start - 40), min(len(text), h.end + 40)
            matches += [m for m in selector.finditer(text, lo, hi)
                        if m.start() <= h.start < m.end() or h.start <= m.start() < h.end]
    if not matches:
        return
    spans = document_sentences(doc)  # split once; each match finds its sentence by bisection
    starts = [start for start, _ in spans]
    for m in matches:
        k = bisect_right(starts, m.start()) - 1
        if k < 0 or m.start() >= spans[k][1] or spans[k] in done:
            continue
        start, end = spans[k]
        done.add((start, end))
        values = read_values(text[start:end], doc.language, base, doc.date_order)
        if values:
            yield (start, end), [v.shifted(start) for v in values]


@lru_cache(maxsize=64)
def words_pattern(words: tuple[str, ...]) -> re.Pattern | None:
    """Whole-word, case-insensitive pattern of any of ``words`` (None if there are none)."""
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)
