"""How common a word is in a language: wordfreq's lists (they ship with the package, so
nothing is downloaded), on the Zipf scale (log10 of occurrences per billion words: 7 for
"the", 3 for a word seen once per million words, 0 for a word the list does not hold).

A misspelling is rare where the word it misspells is common; a rare word that no
dictionary holds but the language uses (a name, a loanword, an affixed form) is common
enough to be listed. Lists exist for about 40 languages; for others every word is 0.
"""

from __future__ import annotations

import gzip
import importlib.util
from functools import cache, lru_cache
from pathlib import Path

# wordfreq's lists are "cBpack" files (its documented format: a gzipped msgpack list of a
# header and then one list of words per centibel of frequency, the index being minus the
# centibels). They are read here directly: importing the wordfreq package costs 0.25 s
# (its tokenizers, ftfy and langcodes), more than reading a list, in every process.
_HEADER = {"format": "cB", "version": 1}


@cache
def _table(language: str) -> dict[str, int]:
    """word -> centibels below 1 (the bucket index) for the language's best list."""
    buckets = _packed(language)
    if buckets is None:
        buckets = _from_package(language)
    table: dict[str, int] = {}
    for index, bucket in enumerate(buckets):
        table.update(dict.fromkeys(bucket, index))
    return table


def _packed(language: str) -> list[list[str]] | None:
    """The buckets of ``large_<language>`` or ``small_<language>`` in wordfreq's data, or
    None when there is no such file or it is not in the expected format."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    for size in ("large", "small"):
        path = data / f"{size}_{language}.msgpack.gz"
        if not path.is_file():
            continue
        try:
            import msgpack

            with gzip.open(path, "rb") as f:
                packed = msgpack.load(f, raw=False)
        except (ImportError, OSError, ValueError):
            return None
        if not isinstance(packed, list) or not packed or packed[0] != _HEADER:
            return None
        buckets = packed[1:]
        return buckets if all(isinstance(b, list) for b in buckets) else None
    return None


def _from_package(language: str) -> list[list[str]]:
    """The buckets through wordfreq's own API (language codes it maps, other layouts)."""
    try:
        import wordfreq
    except ImportError:  # pragma: no cover - a dependency
        return []
    if language not in wordfreq.available_languages("best"):
        return []
    return list(wordfreq.get_frequency_list(language, "best"))


def has_list(language: str) -> bool:
    """Whether wordfreq has a list for the language."""
    return bool(_table(language))


def _zipf_of(index: int) -> float:
    return round(9 - index / 100, 2)


@lru_cache(maxsize=200_000)
def zipf(word: str, language: str) -> float:
    """The Zipf frequency of a word (any case) in a language; 0 when unlisted."""
    index = _table(language).get(word.lower())
    return _zipf_of(index) if index is not None else 0.0


def best_zipf(word: str, languages: tuple[str, ...]) -> float:
    """The highest Zipf frequency of a word across languages."""
    return max((zipf(word, lang) for lang in languages), default=0.0)


def words_of(language: str, min_zipf: float) -> set[str]:
    """The listed words of a language at least this common."""
    return {w for w, i in _table(language).items() if _zipf_of(i) >= min_zipf}
