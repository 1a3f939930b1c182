"""Words a dictionary lacks but the language forms by rule: Indonesian affixes, clitics,
reduplication and compounds, read by Sastrawi (a stemmer made for Indonesian and Malay,
after Nazief & Adriani and its refinements), whose list of some 30,000 roots ships with
the package.

Sastrawi takes prefixes (di-, ter-, ke-, me-, pe-, ber-, se-, per- and their sound
changes), suffixes (-kan, -an, -i), confixes (ke-…-an, pe-…-an) and clitics (-nya, -ku,
-mu, -lah, -kah, -pun) off a word as long as what is left is one of its roots, and reads
reduplications ("anak-anak", "menebak-nebak", "arak-arakan"). Here what is left may also
be a word common in the language (wordfreq: "rinci" in "dirinci"), or a root and another
written together ("tandatangan" in "ditandatangani", "siapsiaga" in "kesiapsiagaan",
"antikorupsi", "antarmoda"), each of four letters or more, and a word may carry a
derivational suffix of loanwords that Sastrawi leaves on (-wan, -wati, -isasi, -isme,
-itas: "prakirawan", "sentralitas"). A meN- verb as it is spoken, without its "me"
("nabrak", "nyerang", "ngomong"), is read as the full form.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from factaudit.reading.lexicon.frequency import words_of

AFFIXING = ("id", "ms")  # languages whose words Sastrawi reads
MIN_PART = 4  # letters of each root of a compound
# derivational suffixes Sastrawi leaves on: "prakirawan", "sentralitas", "digitalisasi"
LOAN_SUFFIXES = ("wati", "wan", "isasi", "isme", "itas")
COMMON_ROOT = 3.5  # Zipf frequency from which a word of the language may be a root
COLLOQUIAL_LETTERS = 5  # a spoken meN- verb without its "me" this long is read ("nabrak")


class _Roots:
    """Sastrawi's roots, the language's common words, and compounds of a root and a word
    (the dictionary interface its stemmer asks: ``contains``)."""

    def __init__(self, roots: list[str], common: list[str]) -> None:
        self.roots = frozenset(roots)
        self.words = self.roots | frozenset(common)
        self.asked = ""  # the word being stemmed: what is left must be another one

    def contains(self, word: str | None) -> bool:
        return bool(word) and word != self.asked and (word in self.words
                                                      or self.compound(word or ""))

    @lru_cache(maxsize=100_000)  # noqa: B019 - one instance per process, kept for good
    def compound(self, word: str) -> bool:
        """A root then a word, each of four letters or more ("antar" + "moda")."""
        return any(word[:i] in self.roots and word[i:] in self.words
                   for i in range(MIN_PART, len(word) - MIN_PART + 1))


@cache
def _stemmer(language: str) -> tuple[Any, _Roots] | None:
    try:
        from Sastrawi.Stemmer.Stemmer import Stemmer
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    except ImportError:  # pragma: no cover - a dependency
        return None
    common = [w for w in words_of(language, COMMON_ROOT) if w.isalpha()]
    roots = _Roots(StemmerFactory().get_words(), common)
    return Stemmer(roots), roots


@lru_cache(maxsize=200_000)
def root_of(word: str, language: str) -> str | None:
    """The root (or compound of two roots) that the rules of the language make ``word``
    from, itself when it is one; None when no rule leads to a root, or the language has
    no such rules. ``word`` is lower case; a hyphenated reduplication is read whole."""
    if language not in AFFIXING or not word or not word.replace("-", "").isalpha():
        return None
    made = _stemmer(language)
    if made is None:  # pragma: no cover
        return None
    stemmer, roots = made
    if word in roots.roots or roots.compound(word):
        return word
    roots.asked = word
    try:
        stem = stemmer.stem_word(word)
        for suffix in LOAN_SUFFIXES if stem == word else ():
            base = word.removesuffix(suffix)
            if base == word or len(base) < MIN_PART:
                continue
            found = base if roots.contains(base) else stemmer.stem_word(base)
            if found != base or roots.contains(base):
                stem = found
                break
    finally:
        roots.asked = ""
    if stem != word and len(stem) >= 3 and roots.contains(stem):
        return stem
    if word[:1] in "mn" and len(word) >= COLLOQUIAL_LETTERS and not word.startswith("me"):
        # everyday speech drops the "me" of a meN- verb ("nabrak", "nyerang", "ngomong",
        # "mukul" for menabrak, menyerang, mengomong, memukul): the root of the full form
        return root_of("me" + word, language)
    return None
