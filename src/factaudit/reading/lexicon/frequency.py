"""How common a word is in a language: wordfreq's lists (they ship with the package, so
nothing is downloaded), on the Zipf scale (log10 of occurrences per billion words: 7 for
"the", 3 for a word seen once per million words, 0 for a word the list does not hold).

A misspelling is rare where the word it misspells is common; a rare word that no
dictionary holds but the language uses (a name, a loanword, an affixed form) is common
enough to be listed. Lists exist for about 40 languages; for others every word is 0.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache


@cache
def _table(language: str) -> dict[str, float]:
    try:
        import wordfreq
    except ImportError:  # pragma: no cover - a dependency
        return {}
    if language not in wordfreq.available_languages("best"):
        return {}
    return dict(wordfreq.get_frequency_dict(language, "best"))


def has_list(language: str) -> bool:
    """Whether wordfreq has a list for the language."""
    return bool(_table(language))


@lru_cache(maxsize=200_000)
def zipf(word: str, language: str) -> float:
    """The Zipf frequency of a word (any case) in a language; 0 when unlisted."""
    freq = _table(language).get(word.lower())
    return round(math.log10(freq) + 9, 2) if freq else 0.0


def best_zipf(word: str, languages: tuple[str, ...]) -> float:
    """The highest Zipf frequency of a word across languages."""
    return max((zipf(word, lang) for lang in languages), default=0.0)


def words_of(language: str, min_zipf: float) -> set[str]:
    """The listed words of a language at least this common."""
    floor = 10 ** (min_zipf - 9)
    return {w for w, f in _table(language).items() if f >= floor}
