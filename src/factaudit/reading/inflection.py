"""Inflection-tolerant matching: "landed" is "landing" is "lands", "gelarnya" is "gelar".

Each word has a *key*: its folded form reduced as its language's pack says — ``lemma``
(simplemma's dictionaries, which ship with the package: nothing is downloaded);
``affixes`` (enclitics such as Indonesian -nya, -lah are taken off, then a word that
carries affixes is keyed by its stem, marked as derived: "mendarat", "pendaratan" and
"didaratkan" share a key, while the bare "darat" and "gelar" keep their own, since an
affix changes the meaning: "digelar" is "held", not "title"; an everyday light verb,
"membuat", "melakukan", keeps its own key too); ``clitics`` (enclitics
only); or ``none``. Cues, keywords and a claim's topic words match a text when their keys
match its words' keys.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

from factaudit.reading.languages import by_language, get_pack
from factaudit.reading.lexicon.frequency import zipf
from factaudit.reading.text import fold_phrase

WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")


@by_language
@lru_cache(maxsize=200_000)
def key(word: str, language: str) -> str:
    """The matching key of one word (any case, any accents)."""
    folded = fold_phrase(word).replace(" ", "")
    pack = get_pack(language)
    if pack.inflection == "lemma":
        lemma = _lemma(folded, language)
        if lemma == folded and word[:1].isupper() and folded.endswith(DEMONYM_PLURAL) \
                and len(folded) >= DEMONYM_LETTERS:
            return folded[:-1]  # "Indonesians", "Koreans": plurals no dictionary lists
        return lemma
    if pack.inflection in ("clitics", "affixes"):
        for clitic in sorted(pack.clitics, key=len, reverse=True):
            if folded.endswith(clitic) and len(folded) - len(clitic) >= 3:
                folded = folded[: -len(clitic)]
                break
    if pack.inflection == "affixes":
        stem = _stem(folded, language)
        if stem == folded or len(stem) < 3 or zipf(folded, language) >= EVERYDAY:
            return folded
        if folded.startswith("pe") and not folded.endswith("an"):
            return AGENT + stem  # "pendarat" (lander) is not "pendaratan" (landing)
        return DERIVED + stem
    return folded


EVERYDAY = 6.0  # Zipf frequency of a language's everyday words: a light verb this common
# says little of its stem ("membuat warga siap" is no "buatan"), so it keeps its own key
DEMONYM_PLURAL = "ns"  # the plural of a people's name ("Indonesians" for "Indonesian")
DEMONYM_LETTERS = 6
DERIVED = "~"  # marks the key of a word formed from a stem by affixes
AGENT = "pe~"  # marks an agent noun formed from a stem ("pengemudi", driver)


def _stem(folded: str, language: str) -> str:
    stemmer = _stemmer(language)
    if stemmer is None or not folded.isalpha():
        return folded
    return fold_phrase(stemmer.stem(folded)).replace(" ", "") or folded


@cache
def _stemmer(language: str) -> Any:
    """The affix stemmer of a language (Sastrawi for Indonesian and Malay), if installed."""
    if language not in ("id", "ms"):
        return None
    try:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    except ImportError:  # pragma: no cover - a dependency; without it, clitics only
        return None
    return StemmerFactory().create_stemmer()


def _lemma(folded: str, language: str) -> str:
    try:
        import simplemma
    except ImportError:  # pragma: no cover - a dependency; without it, exact forms only
        return folded
    try:
        lemma = simplemma.lemmatize(folded, lang=language)
    except (ValueError, KeyError):  # a language simplemma does not know
        return folded
    return fold_phrase(lemma).replace(" ", "") or folded


def same_stem(a: str, b: str, language: str) -> bool:
    """Whether two words are inflections or affixed forms of one another ("direkapitulasi"
    and "rekapitulasi", "pandemics" and "pandemic")."""
    def bare(k: str) -> str:
        return k.removeprefix(AGENT).removeprefix(DERIVED)

    return bare(key(a, language)) == bare(key(b, language))


def phrase_keys(phrase: str, language: str) -> tuple[str, ...]:
    """The keys of a phrase's words, in order."""
    return tuple(key(m.group(0), language) for m in WORD.finditer(phrase))


def tokens(text: str, start: int = 0, end: int | None = None, language: str = "en"
           ) -> list[tuple[int, int, str]]:
    """(start, end, key) of each word of ``text[start:end]``."""
    end = len(text) if end is None else end
    return [(m.start(), m.end(), key(m.group(0), language))
            for m in WORD.finditer(text, start, end)]


def find_phrase(keys: Sequence[str], phrase: tuple[str, ...]) -> int:
    """Index of the first run of ``keys`` equal to ``phrase`` (-1 when there is none)."""
    n = len(phrase)
    if not n:
        return -1
    first = phrase[0]
    for i, k in enumerate(keys):
        if k == first and tuple(keys[i:i + n]) == phrase:
            return i
    return -1
