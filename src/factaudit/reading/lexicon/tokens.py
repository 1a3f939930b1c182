"""Tokens of a text with their positions and folded forms, word n-grams, and what stands
around a token (the words beside it in a name, whether it opens a sentence)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from factaudit.reading.lexicon.edits import TOKEN
from factaudit.reading.lexicon.scripts import INVISIBLE
from factaudit.reading.text import fold_phrase

ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+")  # TOKEN, for texts that are all ASCII



@dataclass
class DocTokens:
    doc_id: str
    language: str
    text: str
    starts: list[int]
    ends: list[int]
    forms: list[str]  # folded
    # the text breaks lines inside paragraphs (print and PDF copies): a name may run over
    # a line break; elsewhere a line break ends a heading or a paragraph, and a name
    wrapped: bool = True


@dataclass
class CorpusIndex:
    """The corpus as its vocabulary: each folded token → where it occurs."""

    docs: list[DocTokens]
    where: dict[str, list[tuple[int, int]]]  # folded form → (document index, token index)
    lower: set[str]  # folded forms written at least once starting with a lower-case letter
    count: Counter  # folded form → occurrences
    _grams: dict = field(default_factory=dict)

    def ngrams(self, size: int, language: str | None) -> dict[str, list[tuple[int, int]]]:
        """Folded word n-grams (words separated by spaces or a hyphen on one line) of the
        documents in ``language`` (all if None) → (document index, first token index)."""
        key = (size, language)
        if key not in self._grams:
            if size == 1:
                out = {f: [p for p in places if language in (None, self.docs[p[0]].language)]
                       for f, places in self.where.items()}
                self._grams[key] = {f: p for f, p in out.items() if p}
                return self._grams[key]
            grams: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for d, doc in enumerate(self.docs):
                if language and doc.language != language:
                    continue
                joined = [_JOIN.fullmatch(doc.text, doc.ends[k], doc.starts[k + 1]) is not None
                          for k in range(len(doc.starts) - 1)]
                for i in range(len(doc.starts) - size + 1):
                    if all(joined[i:i + size - 1]):
                        grams[" ".join(doc.forms[i:i + size])].append((d, i))
            self._grams[key] = dict(grams)
        return self._grams[key]


_JOIN = re.compile(r"[ \t\u00a0]+|[ \t]*-[ \t]*")


def grams_one_word_off(doc: DocTokens, terms: list[str]) -> dict[str, list[int]]:
    """The word n-grams of ``doc`` (words separated by spaces or a hyphen on one line) that
    write every word of one of the ``terms`` (folded, words separated by spaces) but one,
    which differs → their first token indexes. Found from the places of the other words,
    not by listing every n-gram of the document."""
    positions: dict[str, list[int]] = defaultdict(list)
    wanted = {w for t in terms for w in t.split()}
    for i, f in enumerate(doc.forms):
        if f in wanted:
            positions[f].append(i)
    out: dict[str, list[int]] = defaultdict(list)
    seen: set[tuple[int, int]] = set()
    for term in terms:
        words = term.split()
        size = len(words)
        for k in range(size):
            j = 1 if k == 0 else 0  # a word of the term that is written as it is
            for pos in positions.get(words[j], ()):
                i = pos - j
                if i < 0 or i + size > len(doc.forms) or (i, size) in seen:
                    continue
                forms = doc.forms[i:i + size]
                if forms[k] == words[k] or any(forms[x] != words[x]
                                               for x in range(size) if x != k):
                    continue
                if all(_JOIN.fullmatch(doc.text, doc.ends[x], doc.starts[x + 1]) is not None
                       for x in range(i, i + size - 1)):
                    seen.add((i, size))
                    out[" ".join(forms)].append(i)
    return dict(out)


def build_index(documents: list[tuple[str, str, str]],
                fold_cache: dict[str, str] | None = None) -> CorpusIndex:
    """The index of texts given as (id, language, text)."""
    fold_cache = {} if fold_cache is None else fold_cache
    docs: list[DocTokens] = []
    where: dict[str, list[tuple[int, int]]] = defaultdict(list)
    lower: set[str] = set()
    count: Counter[str] = Counter()
    for d, (doc_id, language, text) in enumerate(documents):
        starts: list[int] = []
        ends: list[int] = []
        forms: list[str] = []
        for m in TOKEN.finditer(text):
            word = m.group(0)
            folded = fold_cache.get(word)
            if folded is None:
                folded = fold_cache[word] = fold_phrase(word).replace(" ", "")
            where[folded].append((d, len(forms)))
            if word[0].islower():
                lower.add(folded)
            starts.append(m.start())
            ends.append(m.end())
            forms.append(folded)
        count.update(forms)
        docs.append(DocTokens(doc_id, language, text, starts, ends, forms))
    return CorpusIndex(docs, dict(where), lower, count)


def occurrence_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Whole-token occurrences of any of ``words`` (as written; at least one)."""
    if not words:
        raise ValueError("occurrence_pattern needs at least one word")
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_]|[\u0300-\u036f])")


def passage_tokens(doc_id: str, language: str, text: str, spans: Iterable[tuple[int, int]],
                   fold_cache: dict[str, str], wrapped: bool = True) -> DocTokens:
    """The tokens of ``text`` in each of ``spans`` (in order, not overlapping), folded;
    ``wrapped``: whether the text is hard-wrapped (DocTokens.wrapped)."""
    starts: list[int] = []
    ends: list[int] = []
    forms: list[str] = []
    for lo, hi in spans:
        for m in TOKEN.finditer(text, lo, hi):
            word = m.group(0)
            folded = fold_cache.get(word)
            if folded is None:
                folded = fold_cache[word] = fold_phrase(word).replace(" ", "")
            starts.append(m.start())
            ends.append(m.end())
            forms.append(folded)
    return DocTokens(doc_id, language, text, starts, ends, forms, wrapped)


def tokens_around(doc_id: str, language: str, text: str, words: set[str],
                  fold_cache: dict[str, str], reach: int = 120) -> DocTokens:
    """The tokens of the passages around each occurrence of ``words`` (tokens as written),
    ``reach`` characters either side, starting and ending between words: what a search
    for the words beside those ones needs, without splitting the whole document. Tokens
    of two passages are never adjacent in the text, so no phrase spans the gap."""
    spans: list[tuple[int, int]] = []
    for m in occurrence_pattern(words).finditer(text) if words else ():
        lo, hi = max(0, m.start() - reach), min(len(text), m.end() + reach)
        stop = max(0, lo - 200)  # no word is longer: a text without spaces stays linear
        while lo > stop and (text[lo - 1].isalnum() or "\u0300" <= text[lo - 1] <= "\u036f"):
            lo -= 1
        while hi < len(text) and hi - m.end() < reach + 200 and (
                text[hi].isalnum() or "\u0300" <= text[hi] <= "\u036f"):
            hi += 1
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return passage_tokens(doc_id, language, text, spans, fold_cache)


def sentence_initial(text: str, start: int) -> bool:
    """The word at ``start`` opens a sentence, a line or a heading (a full stop after an
    initial or a short title, "S. Parman", "Jl. Sudirman", "Dr. Sari", does not end one)."""
    j = start - 1
    if j > 0 and text[j] in "-–—/" and text[j - 1].isalnum():
        return False  # the second part of a compound ("Al-Fitr", "Jokowi-Maruf")
    while j >= 0 and text[j] in " \t\u00a0\"'“‘«([*_":
        j -= 1
    if j >= 0 and text[j] == "." and _short_title(text, j):
        return False
    return j < 0 or text[j] in ".!?…:\n\r•–—-#>|"


def _short_title(text: str, dot: int) -> bool:
    """The full stop at ``dot`` ends an initial or a capitalised word of 2–3 letters."""
    k = dot
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    word = text[k:dot]
    return 1 <= len(word) <= 3 and word[0].isupper() and (k == 0 or not text[k - 1].isalnum())


def is_initial(word: str) -> bool:
    return len(word) <= 3 and word.isupper()


GAP = re.compile(r"[ \t\u00a0]*\.?[ \t\u00a0]*\n?[ \t\u00a0]*")
HYPHENS = ("-", "\u2010", "\u2011")  # one of these alone joins the parts of a name


def joins(doc: DocTokens, lo: int, hi: int) -> bool:
    """Whether two words with ``doc.text[lo:hi]`` between can stand in one name: only
    spaces, an initial's full stop, one line break or one hyphen — but not a line break beside a
    heading in a text whose lines are paragraphs ("…Begini Reaksi Mendag⏎Indasari
    disebutkan…": a heading, then a sentence)."""
    gap = doc.text[lo:hi]
    if gap in HYPHENS:  # "Joon-seok", "Geun-hye": the parts of one hyphenated name
        return True
    if GAP.fullmatch(gap) is None:
        return False
    if doc.wrapped or "\n" not in gap:
        return True
    text = doc.text
    before = text[text.rfind("\n", max(0, lo - HEADING_REACH), lo) + 1:lo]
    stop = text.find("\n", hi, hi + HEADING_REACH)
    after = text[hi:stop if stop >= 0 else hi + HEADING_REACH]
    return not (in_title_case(before) or in_title_case(after))


HEADING_REACH = 300  # characters of a line looked at


def in_title_case(line: str) -> bool:
    """A line in title case: three or more words of four letters or more, most of them
    (three in four) capitalised — a heading, or a line of names."""
    words = [w for w in _LINE_WORD.findall(line) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


_LINE_WORD = re.compile(r"[^\W\d_]+(?:['’‘ʼʻ][^\W\d_]+)*")  # "Indonesia's" is one word


def neighbours_by_side(doc: DocTokens, i: int, reach: int = 3
                       ) -> tuple[list[str], list[str]]:
    """Folded words beside token ``i`` in the same name, those before it and those after
    it: next to it, or past initials ("Dewi L.P. Kartika"), with only spaces, one line
    break or an initial's full stop between."""
    return _side(doc, i, -1, reach), _side(doc, i, 1, reach)


def _side(doc: DocTokens, i: int, step: int, reach: int) -> list[str]:
    """The words of the name beside token ``i`` on one side (``step`` -1: before it)."""
    out: list[str] = []
    k = i
    for _ in range(reach):
        j = k + step
        if j < 0 or j >= len(doc.starts):
            break
        lo, hi = (doc.ends[j], doc.starts[k]) if step < 0 else (doc.ends[k], doc.starts[j])
        gap = doc.text[lo:hi]
        if not joins(doc, lo, hi):
            break
        if "." in gap and not is_initial(doc.text[doc.starts[min(j, k)]:doc.ends[min(j, k)]]):
            break
        out.append(doc.forms[j])
        if not is_initial(doc.text[doc.starts[j]:doc.ends[j]]):
            break
        k = j
    return out


def touches_invisible(doc: DocTokens, first: int, last: int) -> bool:
    start, end = doc.starts[first], doc.ends[last]
    return ((start > 0 and doc.text[start - 1] in INVISIBLE)
            or (end < len(doc.text) and doc.text[end] in INVISIBLE))


_CHUNK_EDGE = "\"'“”‘’«»()[]{}<>,;:!?"
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,4}", re.ASCII)


def chunk_around(text: str, start: int, end: int) -> str:
    """The run of non-space characters that holds ``text[start:end]``, without the
    punctuation around it (quotes, brackets, a comma or a full stop at its end)."""
    lo, hi = start, end
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    chunk = text[lo:hi].strip(_CHUNK_EDGE)
    while chunk.endswith("."):
        chunk = chunk[:-1].rstrip(_CHUNK_EDGE)
    return chunk


def in_address(text: str, start: int, end: int) -> bool:
    """The word at ``text[start:end]`` is part of a web address, an e-mail address, a
    handle, a hashtag or a file name ("kemlu.go.id", "@Kemlu_RI", "#GotongRoyong",
    "foto_01.jpg"), not running text."""
    chunk = chunk_around(text, start, end)
    if not chunk:
        return False
    if chunk[0] in "@#" or any(mark in chunk for mark in ("://", "www.", "@", "_", "/")):
        return True
    return _DOMAIN.fullmatch(chunk) is not None


_SPELLED_WORD = re.compile(r"[^\W\d_][\w'’]*")
SPELL_OUT_REACH = 160  # characters before or after an acronym read for its words
MAX_ACRONYM = 12


def spelled_out(text: str, start: int, end: int) -> bool:
    """Whether the acronym ``text[start:end]`` stands in brackets right after the words it
    abbreviates, or right before them in brackets: "Gerakan Angkatan Muda Kristen
    Indonesia (GAMKI)", "GAPKI (Gabungan Pengusaha Kelapa Sawit Indonesia)". The document
    then defines it: it names that body, whatever declared acronym it is a letter from.
    The acronym must be the beginnings of the capitalised words, in order: their initials
    or longer (Indonesian acronyms take syllables, "GAbungan"), some words passed over;
    the words run from the bracket, and words in lower case ("of", "dan") do not count."""
    acronym = text[start:end]
    if not acronym.isupper() or not 2 <= len(acronym) <= MAX_ACRONYM:
        return False
    if text[max(0, start - 2):start].rstrip(" \t\u00a0").endswith("(") and text[
            end:end + 1] == ")":
        lo = text.rfind("(", max(0, start - 2), start)
        words = _capitalised(text[max(0, lo - SPELL_OUT_REACH):lo])
        # the words that end at the bracket, as few as can spell it
        return any(_prefixes(acronym.lower(), words[k:], last=True)
                   for k in range(len(words) - 1, max(-1, len(words) - 2 * len(acronym) - 2),
                                  -1))
    opened = re.match(r"[ \t\u00a0]*\(", text[end:end + 4])
    if opened is None:
        return False
    inside = text[end + opened.end():end + SPELL_OUT_REACH].split(")", 1)[0]
    return _prefixes(acronym.lower(), _capitalised(inside)[:2 * len(acronym) + 2], last=False)


def _capitalised(text: str) -> list[str]:
    return [w.lower() for w in _SPELLED_WORD.findall(text) if w[:1].isupper()]


def _prefixes(letters: str, words: list[str], last: bool) -> bool:
    """``letters`` = non-empty beginnings of some of ``words`` in order, the first word
    used, and (``last``) the last one too."""
    if not words or not letters or letters[0] != words[0][:1]:
        return False

    @cache
    def fits(i: int, j: int) -> bool:  # letters[i:] from words[j:], words[j] used first
        word = words[j]
        for n in range(1, min(len(word), len(letters) - i) + 1):
            if letters[i + n - 1] != word[n - 1]:
                break
            rest = i + n
            if rest == len(letters):
                if not last or j == len(words) - 1:
                    return True
                continue
            if any(words[k][:1] == letters[rest] and fits(rest, k)
                   for k in range(j + 1, len(words))):
                return True
        return False

    return fits(0, 0)
