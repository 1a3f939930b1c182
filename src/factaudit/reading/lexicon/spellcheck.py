"""What the spelling rule reads: the words of running text worth looking up, and the
nearest common word to one that no dictionary knows.

Running text leaves out what only looks like words: parts of web and e-mail addresses,
handles, hashtags and file names ("kemlu.go.id", "@Kemlu_RI", "#GotongRoyong",
"foto_01.jpg"); letters glued to digits ("30th", "Rp1,5", "US$96m", "kWh"); words in
capitals (acronyms) or in camel case (brands: "GoPay", "WhatsApp"); abbreviations (a
short word before a full stop, "Jl.", "Drs.", "Muh.", or letters between full stops,
"S.H.", "Sp.A", "i.e."); codes in brackets that close a news item, the initials of its
writers ("(mrus)", "(ant/rah)"); a word cut off where an ellipsis marks the cut ("agai…");
the halves of a word broken across lines by a hyphen
("Govern-⏎ments"); items of a menu or a breadcrumb, beside a vertical bar ("Home |
News", "(bicara | kontrib)"); words of a style sheet or other code left in the text
(beside braces or comment marks and "property: value;" pairs); words of another script
than the text's; and reduplications,
whose halves are the same word or rhyme ("ogoh-ogoh", "sayur-mayur"). Each word keeps
whether it opens a sentence, a line or a heading written in title case, where a capital
says nothing about a name.

Corrections come from a word list: the words a language's wordfreq list holds (at least
once per million words) and the words the corpus writes that its dictionary knows. A
correction is one edit away (an insertion, a deletion, a changed letter or two letters
swapped), or two for words of seven letters or more that keep their first letter.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import OSA
from rapidfuzz.process import cdist

from factaudit.reading.lexicon.frequency import words_of
from factaudit.reading.lexicon.scripts import INVISIBLE, is_mixed_script, script_of
from factaudit.reading.lexicon.tokens import (
    chunk_around,
    in_address,
    in_title_case,
    sentence_initial,
)
from factaudit.reading.text import content_end

# an apostrophe, or a mark written for one between letters ("Ba‘asyir", "Hawaiʻi"): one word
APOSTROPHES = "'’‘ʼʻ"
WORD = re.compile(rf"[^\W\d_]+(?:[{APOSTROPHES}][^\W\d_]+)*")
_INNER_DOT = re.compile(r"[^\W\d_]\.[^\W\d_]")
_HYPHENS = "-\u2010\u2011"
MIN_LETTERS = 4  # shorter words are not checked
CODE_LETTERS = 6  # "(mrus)", "(ant/rah)": initials of writers and agencies in brackets
VOCABULARY_ZIPF = 3.0  # listed words from this frequency are corrections


@dataclass(frozen=True)
class Spot:
    """A word of running text to look up."""

    start: int
    end: int
    word: str
    initial: bool  # opens a sentence, a line or a title-case heading


def spots(text: str, small_words: frozenset[str] = frozenset(),
          wanted: Callable[[str], bool] | None = None) -> list[Spot]:
    """The words of running text worth looking up (see the module's docstring).
    ``small_words``: the language's function words, which tell a heading in title case
    ("Ready for Inauguration") from a line of names; ``wanted``: which words (as written)
    are worth looking at at all, asked first, once per distinct word."""
    main = _main_script(text)
    titles: list[tuple[int, int]] | None = None
    tail = content_end(text)
    seen: dict[str, bool] = {}
    out = []
    for m in WORD.finditer(text):
        word = m.group(0)
        keep = seen.get(word)
        if keep is None:
            plain = _plain(word)
            keep = seen[word] = (len(plain) >= MIN_LETTERS and _looks_plain(plain, main)
                                 and (wanted is None or wanted(plain)))
        if not keep:
            continue
        start, end = m.start(), m.end()
        word = _plain(word)
        end = start + len(word)
        if not _running(text, start, end):
            continue
        if _reduplicated(text, start, end) or end >= tail or _fragment(text, start, word):
            continue  # a reduplication; a text cut off in its last word or its first
        if _after_a_name(text, start):
            continue  # the rest of a hyphenated name ("Sivakorn Pu-udom")
        if _broken(text, start, end):
            continue  # a half of a word broken at a line's end ("Govern-⏎ments")
        initial = False
        if word[0].isupper():
            if titles is None:
                titles = _title_lines(text, small_words)
            initial = sentence_initial(text, start) or _in(titles, start)
        out.append(Spot(start, end, word, initial))
    return out


_BESIDE_BAR = re.compile(r"[ \t]*[|¦][ \t]")
_BAR_BEFORE = re.compile(r"[|¦][ \t]*$")
_BREAK_AFTER = re.compile(r"[-\u00ad][ \t]*\r?\n[ \t]*[^\W\d_]")
_BREAK_BEFORE = re.compile(r"[^\W\d_][-\u00ad][ \t]*\r?\n[ \t]*$")


def _broken(text: str, start: int, end: int) -> bool:
    """Whether the word is a half of one broken across lines by a hyphen (print and PDF
    copies): "Govern-" at a line's end, "ments" opening the next."""
    if _BREAK_AFTER.match(text, end) is not None:
        return True
    return text[start].islower() and _BREAK_BEFORE.search(text, max(0, start - 8),
                                                            start) is not None


def _after_a_name(text: str, start: int) -> bool:
    """Whether the word is joined by a hyphen to a capitalised word before it, a word of
    a hyphenated name ("Pu-udom", "Al-amin"): never a misspelling of a common word."""
    if start < 2 or text[start - 1] != "-" or not text[start].islower():
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 40), start - 1)
    return m is not None and m.group(0)[:1].isupper()


_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
_PLAIN_APOSTROPHE = str.maketrans({c: "'" for c in APOSTROPHES})


def _plain(word: str) -> str:
    """A word as looked up: a typographic apostrophe made plain, a possessive taken off."""
    word = word.translate(_PLAIN_APOSTROPHE)
    return word[:-2] if word.endswith(("'s", "'S")) else word


def _looks_plain(word: str, main: str | None) -> bool:
    """Not an acronym or a brand in camel case; letters of the text's script only."""
    if any(c.isupper() for c in word[1:]):
        return False
    return not is_mixed_script(word) and script_of(word[0]) == main


def _fragment(text: str, start: int, word: str) -> bool:
    """A word in lower case that opens a paragraph is the rest of one cut off, or of one
    whose first letter was set apart (a drop cap: "G⏎⏎reat")."""
    if not word[0].islower():
        return False
    j = start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0:
        return True
    if text[j] != "\n":
        return False
    k = j - 1
    while k >= 0 and text[k] in " \t\u00a0\r":
        k -= 1
    return k < 0 or text[k] == "\n" or (k >= 0 and text[k].isupper()
                                        and (k == 0 or not text[k - 1].isalpha()))


def _running(text: str, start: int, end: int) -> bool:
    """Whether a word is running text (the module's docstring) by what stands around it."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isdigit() or after.isdigit() or before in INVISIBLE or after in INVISIBLE:
        return False
    if before == "\\":
        return False  # an escape written out ("\\nbeing" for a line break)
    if after == "…" or text.startswith("...", end):
        return False  # cut off, the cut marked: "agai…", a teaser or a paywall's
    if after == "." and end - start <= 4 and (text[start].isupper() or end - start <= 3):
        return False  # "Jl.", "Drs.", "dr.", "Muh."
    if in_address(text, start, end):
        return False
    if (before in "(/" and after in ")/" and text[start:end].islower()
            and end - start <= CODE_LETTERS):
        return False  # a code in brackets: the writers' initials closing a news item
    if _BESIDE_BAR.match(text, end) or _BAR_BEFORE.search(text, max(0, start - 4), start):
        return False  # an item of a menu or a breadcrumb: "(bicara | kontrib)", "Home | News"
    if _in_code(text, start, end):
        return False  # style sheet left in a page's text: "mso-fareast-font-family:…;"
    return _INNER_DOT.search(chunk_around(text, start, end)) is None


CODE_REACH = 120  # characters either side of a word in which to look for code
_CODE_MARK = re.compile(r"[{}]|/\*|\*/")
_PROPERTY = re.compile(r"[\w-]+:[^;{}\n]{0,60};")


def _in_code(text: str, start: int, end: int) -> bool:
    """Whether the word stands in a style sheet or other code left in a page's text: a
    brace or a comment mark and two "property: value;" pairs nearby."""
    lo, hi = max(0, start - CODE_REACH), min(len(text), end + CODE_REACH)
    return (_CODE_MARK.search(text, lo, hi) is not None
            and len(_PROPERTY.findall(text, lo, hi)) >= 2)


def _reduplicated(text: str, start: int, end: int) -> bool:
    """The word is a half of a reduplication: the same word, or one that rhymes with it,
    on the other side of a hyphen ("anak-anak", "sayur-mayur")."""
    word = text[start:end].lower()
    if end + 1 < len(text) and text[end] in _HYPHENS:
        m = WORD.match(text, end + 1)
        if m and _rhymes(word, m.group(0).lower()):
            return True
    if start >= 2 and text[start - 1] in _HYPHENS:
        lo = start - 1
        while lo > 0 and text[lo - 1].isalpha():
            lo -= 1
        if lo < start - 1 and _rhymes(text[lo:start - 1].lower(), word):
            return True
    return False


def _rhymes(a: str, b: str) -> bool:
    """The same word, a rhyme ("sayur-mayur"), or one with an affix of the other
    ("menebak-nebak", "arak-arakan", "dirata-rata")."""
    if a == b or (len(a) == len(b) >= 4 and a[1:] == b[1:]):
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and (long_.endswith(short) or long_.startswith(short))


def _main_script(text: str) -> str | None:
    counts: dict[str, int] = defaultdict(int)
    for ch in text[:5000]:
        s = script_of(ch)
        if s:
            counts[s] += 1
    return max(counts, key=lambda k: counts[k]) if counts else None


_LINE = re.compile(r"[^\n]+")


def _title_lines(text: str, small_words: frozenset[str]) -> list[tuple[int, int]]:
    """Lines written in title case (most of their longer words capitalised, and a function
    word of the language among them): headings, not lines of names."""
    out = []
    for m in _LINE.finditer(text):
        if in_title_case(m.group(0)) and any(w.lower() in small_words
                                             for w in WORD.findall(m.group(0))):
            out.append((m.start(), m.end()))
    return out


def _in(spans: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in spans)


# --------------------------------------------------------------------------- corrections


class Corrector:
    """The words near which a misspelling may be found, for one language."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = {w for w in words if w.isalpha() and w.islower() and len(w) >= 2}
        self.alphabet = "".join(sorted({c for w in self.words for c in w}))
        groups: dict[tuple[str, int], list[str]] = defaultdict(list)
        for w in self.words:
            groups[(w[0], len(w))].append(w)
        self.groups = {k: sorted(v) for k, v in groups.items()}

    def near(self, words: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
        """Lower-case word → its neighbours in the list: [(word, edits)], one edit away, and
        two for words of 7+ letters keeping the first letter."""
        out: dict[str, list[tuple[str, int]]] = {}
        long: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in set(words):
            found = {c: 1 for c in _edits1(word, self.alphabet) if c in self.words}
            out[word] = sorted(found.items())
            if len(word) >= 7:
                long[(word[0], len(word))].append(word)
        for (first, length), batch in long.items():
            pool = [w for n in range(length - 2, length + 3)
                    for w in self.groups.get((first, n), ())]
            if not pool:
                continue
            matrix = cdist(batch, pool, scorer=OSA.distance, score_cutoff=2, workers=1)
            rows, cols = (matrix == 2).nonzero()
            for r, c in zip(rows, cols, strict=True):
                out[batch[int(r)]].append((pool[int(c)], 2))
        return out


def _edits1(word: str, alphabet: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in alphabet}
    out |= {a + c + b for a, b in splits for c in alphabet}
    out.discard(word)
    return out


@cache
def native_letters(language: str) -> frozenset[str]:
    """The letters that the language's listed words use (each in at least 0.5 % of them):
    a word with another letter in a text of the language is a foreign word ("çay", "bún"
    in English). Empty when the language has no list."""
    words = listed_words(language)
    counts: dict[str, int] = defaultdict(int)
    for w in words:
        for c in set(w):
            counts[c] += 1
    return frozenset(c for c, n in counts.items() if n >= 0.005 * len(words))


@cache
def listed_words(language: str) -> frozenset[str]:
    """The words of a language's wordfreq list common enough to be corrections."""
    return frozenset(w for w in words_of(language, VOCABULARY_ZIPF) if w.isalpha())
