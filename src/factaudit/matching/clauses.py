"""How a sentence divides, for attribution: asides, clause segments, plan markers and the
words that follow a number.

* An **aside** is a parenthesis, a relative or participle clause opened after a comma
  (", which …", ", yang …", ", weighing …"), a listing (", including …", ", termasuk …")
  or a passage between two dashes. A value inside an aside belongs to the claim only when
  the cue is in it too; a relative clause speaks of the phrase before it, the others of
  themselves (what a claim's ``about`` words are looked for in).
  An aside that holds nothing but values, weekdays and small words — "Minggu (24/3)",
  "(6/8)" — is the value's own apposition, not an aside.
* A **segment** is a stretch between clause boundaries (";", ":", ",", "and", "but", …).
* A **plan marker** ("will", "aims to", "akan", "ditargetkan") in the segments that join
  the cue and the value makes the value a plan, not a fact.
* The **words after a number** say what it counts: "eight small thrusters", "dua dari".

Everything here is computed per sentence, in time linear in its length.
"""

from __future__ import annotations

import heapq
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from factaudit.reading.inflection import DERIVED, WORD, key
from factaudit.reading.languages import LanguagePack, by_language, get_pack
from factaudit.reading.text import fold_phrase
from factaudit.reading.values import Value, agrees, read_values

if TYPE_CHECKING:
    from factaudit.inputs.claims import Claim

_OPEN = {"(": ")", "[": "]"}
# a spaced em or en dash (or "--"), or an em dash between words; a spaced hyphen joins
# names too often ("ASEAN - Rusia") to mark an aside
_DASHES = re.compile(r"\s(?:[—–]|--)\s|(?<=[^\W\d_])—(?=[^\W\d_])")
DASH_ASIDE_WORDS = 20  # a longer stretch between two dashes is not one aside
_NAME_BEFORE_DASH = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w'’.-]*\s*$")
_NAME_AFTER_DASH = re.compile(r"\s*[A-ZÀ-ÖØ-Þ]")


def _between_names(sentence: str, start: int, end: int) -> bool:
    """Whether the dash at ``start``..``end`` stands between two capitalised words."""
    return (_NAME_BEFORE_DASH.search(sentence, max(0, start - 40), start) is not None
            and _NAME_AFTER_DASH.match(sentence, end) is not None)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, with its asides and clause boundaries (absolute
    offsets in the document text)."""

    start: int
    end: int
    text: str
    language: str
    asides: tuple[tuple[int, int], ...]
    heads: frozenset[tuple[int, int]]  # the asides that speak of the phrase before them
    boundaries: tuple[int, ...]  # offsets of clause boundaries, sorted
    # "It was on 6 August, …, that the craft entered orbit": (focus start, focus end, start
    # of what the focus is about)
    cleft: tuple[int, int, int] | None = None
    # subordinate clauses: each speaks of an event of its own ("setahun sebelum Gojek lahir")
    events: frozenset[tuple[int, int]] = frozenset()
    # appositions and the start of the name they describe (", an online marketplace
    # founded in 2009" speaks of "Tokopedia" only, not of the clause before it)
    named: tuple[tuple[tuple[int, int], int], ...] = ()
    _matches: dict[re.Pattern[str], list[re.Match[str]]] = field(default_factory=dict,
                                                                 compare=False, repr=False)
    # the innermost aside over each stretch between aside ends, built on first use, so
    # that a sentence of many asides answers each position in log time
    _index: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def overlapping(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The asides that overlap ``[lo, hi)``: those that start in it, and those before
        it that reach into it (found back from it while any earlier one could)."""
        if not self.asides:
            return []
        _, _, starts, ordered = self._innermost()
        reach = self._index.get("reach")
        if reach is None:  # the farthest end of the asides up to each one
            reach = self._index["reach"] = list(itertools.accumulate(
                (a[1] for a in ordered), max))
        j = bisect_left(starts, lo)
        out = ordered[j:bisect_left(starts, hi)]
        i = j - 1
        while i >= 0 and reach[i] > lo:
            if ordered[i][1] > lo:
                out.append(ordered[i])
            i -= 1
        return out

    def _innermost(self) -> tuple[list[int], list[tuple[int, int] | None], list[int],
                                  list[tuple[int, int]]]:
        """(points, the innermost aside over [points[k], points[k + 1]), the asides'
        starts in order, the asides in order): a sweep, the shortest on top of a heap."""
        got = self._index.get("innermost")
        if got is None:
            ordered = sorted(self.asides)
            points = sorted({p for a in ordered for p in a})
            inner: list[tuple[int, int] | None] = []
            heap: list[tuple[int, tuple[int, int]]] = []
            k = 0
            for p in points:
                while k < len(ordered) and ordered[k][0] <= p:
                    heapq.heappush(heap, (ordered[k][1] - ordered[k][0], ordered[k]))
                    k += 1
                while heap and heap[0][1][1] <= p:
                    heapq.heappop(heap)
                inner.append(heap[0][1] if heap else None)
            got = self._index["innermost"] = (points, inner, [a[0] for a in ordered],
                                              ordered)
        return got

    def aside_of(self, position: int, inside: tuple[int, int] | None = None
                 ) -> tuple[int, int] | None:
        """The innermost aside holding ``position`` (None when it is in the main clause);
        brackets that are part of a cue (``inside``) are no aside."""
        if not self.asides:
            return None
        points, inner, starts, ordered = self._innermost()
        if inside is None or not any(  # few start inside a cue: a step, not a walk
                a[1] <= inside[1] for a in
                ordered[bisect_left(starts, inside[0]):bisect_right(starts, inside[1])]):
            k = bisect_right(points, position) - 1
            return inner[k] if 0 <= k < len(inner) else None
        best = None
        for a in self.asides:
            if inside[0] <= a[0] and a[1] <= inside[1]:
                continue
            if a[0] <= position < a[1] and (best is None or a[1] - a[0] < best[1] - best[0]):
                best = a
        return best

    def scope(self, position: int) -> tuple[int, int]:
        """What a word at ``position`` speaks of: the sentence, or when it stands in an
        aside, the aside and the phrase it hangs on ("the Pragyan rover, which weighs
        26 kg," is about the rover, whatever else the sentence names)."""
        aside = self.aside_of(position)
        if aside is None:
            return self.start, self.end
        head = self.head_of(aside)
        return aside if head is None else (head[0], aside[1])

    def head_of(self, aside: tuple[int, int]) -> tuple[int, int] | None:
        """The phrase a relative clause hangs on: from the clause boundary before it."""
        if aside not in self.heads:
            return None
        for span, start in self.named:
            if span == aside:
                return start, aside[0]
        k = bisect_right(self.boundaries, aside[0] - 1)
        return (self.boundaries[k - 1] if k > 0 else self.start), aside[0]

    def together(self, cue: tuple[int, int], position: int) -> bool:
        """Whether a cue and a value at ``position`` stand in the same clause: the same
        aside (or none), or a relative clause and the phrase it hangs on ("Chandrayaan-1,
        which was launched in 2008": the name is a cue for the year)."""
        cue = self._with_punctuation(cue)
        value_aside, cue_aside = self.aside_of(position, cue), self.aside_of(cue[0], cue)
        if value_aside == cue_aside:
            return True
        for inner, outer_pos in ((value_aside, cue[0]), (cue_aside, position)):
            head = self.head_of(inner) if inner is not None else None
            if head is not None and head[0] <= outer_pos < head[1] and \
                    self.aside_of(outer_pos) == self._parent(inner):
                return True
        return False

    def _with_punctuation(self, span: tuple[int, int]) -> tuple[int, int]:
        """A cue's span with the brackets and signs written against it ("(a+)+$")."""
        lo, hi = span
        while lo > self.start and not self.text[lo - self.start - 1].isspace() and \
                not self.text[lo - self.start - 1].isalnum():
            lo -= 1
        while hi < self.end and not self.text[hi - self.start].isspace() and \
                not self.text[hi - self.start].isalnum():
            hi += 1
        return lo, hi

    def _parent(self, aside: tuple[int, int] | None) -> tuple[int, int] | None:
        if aside is None:
            return None
        best = None
        for a in self.asides:
            if a != aside and a[0] <= aside[0] and aside[1] <= a[1] and (
                    best is None or a[1] - a[0] < best[1] - best[0]):
                best = a
        return best

    def visible(self, lo: int, hi: int, keep: tuple[int, ...]) -> list[tuple[int, int]]:
        """The stretches of ``[lo, hi)`` outside the asides that hold none of the
        positions ``keep`` (a cue's, a value's): marker words are looked for there, so
        "(after long delays)" says nothing about the clause around it."""
        hidden = sorted(a for a in self.overlapping(lo, hi)
                        if not any(a[0] <= p < a[1] for p in keep))
        out, pos = [], lo
        for a, b in hidden:
            if a > pos:
                out.append((pos, min(a, hi)))
            pos = max(pos, b)
        if pos < hi:
            out.append((pos, hi))
        return out

    def matches(self, pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
        """Every match of ``pattern`` in the sentence, found once and remembered."""
        found = self._matches.get(pattern)
        if found is None:
            found = self._matches[pattern] = list(pattern.finditer(text, self.start, self.end))
        return found

    def search(self, pattern: re.Pattern[str], text: str, lo: int, hi: int,
               keep: tuple[int, ...]) -> re.Match[str] | None:
        """The first match of ``pattern`` in the visible stretches of ``[lo, hi)``."""
        for a, b in self.visible(lo, hi, keep):
            m = pattern.search(text, a, b)
            if m is not None:
                return m
        return None

    def outside_events(self, keep: int) -> list[tuple[int, int]]:
        """The stretches of the sentence outside its subordinate clauses, but the one
        holding ``keep`` (a cue): what the sentence says of the cue's own event."""
        hidden = sorted(a for a in self.events if not a[0] <= keep < a[1])
        out, pos = [], self.start
        for a, b in hidden:
            if a > pos:
                out.append((pos, a))
            pos = max(pos, b)
        if pos < self.end:
            out.append((pos, self.end))
        return out

    def segment(self, position: int) -> tuple[int, int]:
        """The clause segment holding ``position``."""
        k = bisect_right(self.boundaries, position)
        lo = self.boundaries[k - 1] if k > 0 else self.start
        hi = self.boundaries[k] if k < len(self.boundaries) else self.end
        return lo, hi


GLOSS_CHARS = 14  # the longest bracket ("(43 mi)", "(km)") that glosses what precedes it


def analyse(text: str, start: int, end: int, language: str,
            values: list[tuple[int, int]], skip: int = 0) -> Sentence:
    """The sentence ``text[start:end]``; ``values``: spans of the values read in it (so
    that an aside holding only values is not taken for an aside); ``skip``: where the
    sentence's own words begin (after a dateline, whose dash opens no aside)."""
    sentence = text[start:end]
    values = sorted(values)
    asides, heads, events = [], set(), set()
    brackets = _brackets(sentence)
    subordinate = _subordinate_clauses(sentence, language)
    listing = _listing_clauses(sentence, language) + subordinate
    named = _appositions(sentence, language)
    relative = [a for a in _relative_clauses(sentence, language, named) + list(named)
                if a not in listing]
    # a gloss in brackets ("27 kilometers (km)", "70 km (43 mi)") is no clause of its own,
    # and a name in capitals right after a name is another name of it ("the Standard
    # Index (PSI) in Pekanbaru"): no aside either
    short = [(lo, hi) for lo, hi in brackets if hi - lo <= GLOSS_CHARS
             and len(WORD.findall(sentence, lo, hi)) <= 2]
    named_again = {(lo, hi) for lo, hi in short
                   if not any(c.isdigit() for c in sentence[lo:hi])
                   and all(w[:1].isupper() for w in WORD.findall(sentence, lo, hi))
                   and _LAST_WORD_CAPITALISED.search(sentence, 0, lo)}
    for lo, hi in {*brackets, *relative, *listing,
                   *_dash_pairs(sentence, max(0, skip - start))} - named_again:
        span = lo + start, hi + start
        if not _only_values(text, *span, values, language):
            asides.append(span)
            if (lo, hi) in relative:
                heads.add(span)
            elif (lo, hi) in subordinate:
                events.add(span)
    glosses = {i for lo, hi in short for i in (lo, hi - 1)}
    boundaries = tuple(m.start() + start for m in boundary_pattern(language).finditer(sentence)
                       if m.start() not in glosses)
    kept = set(asides)
    return Sentence(start, end, sentence, language, tuple(asides), frozenset(heads),
                    boundaries, _cleft(sentence, start, language), frozenset(events),
                    tuple(((lo + start, hi + start), head + start)
                          for (lo, hi), head in named.items()
                          if (lo + start, hi + start) in kept))


def _cleft(sentence: str, start: int, language: str) -> tuple[int, int, int] | None:
    pattern = _cleft_pattern(language)
    m = pattern.match(sentence) if pattern is not None else None
    if m is None:
        return None
    return start + m.end("opener"), start + m.start("joiner"), start + m.end("joiner")


@by_language
@cache
def _cleft_pattern(language: str) -> re.Pattern[str] | None:
    pack = get_pack(language)
    if not pack.cleft_openers or not pack.cleft_joiners:
        return None
    openers = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in pack.cleft_openers)
    joiners = "|".join(re.escape(w) for w in pack.cleft_joiners)
    return re.compile(rf"\s*(?P<opener>(?:{openers}))\s[^.;:]{{1,200}}?\s"
                      rf"(?P<joiner>(?:{joiners}))\s", re.IGNORECASE)


def life_marker(text: str, sentence: Sentence, position: int, after: int | None = None
                ) -> str | None:
    """A word of a life ("born", "lahir") before ``position`` in its clause segment (and
    after ``after``, the end of a cue between them: "lahir dari merger pada …" dates the
    merger)."""
    pattern = pack_pattern(sentence.language, "life_words")
    if pattern is None:
        return None
    lo = max(sentence.segment(position)[0], after or 0)
    m = sentence.search(pattern, text, lo, position, (position,))
    return m.group(0) if m else None


def _brackets(sentence: str) -> list[tuple[int, int]]:
    out, stack = [], []
    for i, ch in enumerate(sentence):
        if ch in _OPEN:
            stack.append((ch, i))
        elif stack and ch == _OPEN[stack[-1][0]]:
            out.append((stack.pop()[1], i + 1))
    out += [(i, len(sentence)) for _, i in stack]  # unclosed: to the end of the sentence
    return out


_LAST_WORD_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][\w-]*\s*$")
_CLOSE = re.compile(r",(?!\d)|[;:]|\s[—–-]\s")  # "3,900 kg" does not close a clause


# one to three capitalised words and a comma after a comma: the region of a place just named
_PLACE_AFTER_COMMA = re.compile(r"\s*(?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*\s*,")
_YEAR_AFTER_COMMA = re.compile(r",\s*\d{4}\b")  # "October 1, 2022": a comma inside a date


def _close_after(sentence: str, position: int) -> re.Match[str] | None:
    """What closes a clause after ``position``: not a dash that joins two names, nor the
    comma of a date ("October 1, 2022")."""
    region_end = -1
    for m in _CLOSE.finditer(sentence, position):
        if m.start() < region_end:
            continue  # the comma that closes a place's region
        if m.group(0).strip() in ("—", "–", "-") and _between_names(sentence, m.start(),
                                                                    m.end()):
            continue
        if m.group(0).strip() == "," and sentence[m.start() - 1:m.start()].isdigit() \
                and _YEAR_AFTER_COMMA.match(sentence, m.start()):
            continue
        region = _PLACE_AFTER_COMMA.match(sentence, m.end()) \
            if m.group(0).strip() == "," and sentence[m.start() - 1:m.start()].isalpha() \
            else None
        if region is not None and sentence[:m.start()].split()[-1][:1].isupper() and \
                not sentence[region.end():region.end() + 3].strip()[:1].isdigit():
            # (not a weekday before its date: "di Jakarta, Ahad, 23 Agustus 2020")
            region_end = region.end()  # "di perairan Tanjung Karawang, Jawa Barat, pada
            continue  # Senin": a place and its region, inside the clause
        return m
    return None


def _relative_clauses(sentence: str, language: str,
                      named: dict[tuple[int, int], int] | None = None) -> list[tuple[int, int]]:
    """", which …" to the next comma (or the end); ", weighing 26 kg," between commas; a
    relative clause without a comma ("wahana yang diluncurkan pada … itu") to the next
    comma or to a word that closes it ("itu", "tersebut"). A clause without a comma right
    after a name hangs on that name (into ``named``: "Korea Selatan yang berada di
    peringkat ketiga" speaks of Korea, whatever the sentence's subject)."""
    out = []
    relative = pack_pattern(language, "relative_pronouns", r",\s+(?:{w})\b")
    bare = pack_pattern(language, "bare_relative", r"(?<=[^,\s]\s)(?:{w})\b")
    participle = pack_pattern(language, "participle_endings", r",\s+[^\W\d_]{2,}(?:{w})\b")
    closers = pack_pattern(language, "relative_closers")
    for pattern, closed in ((relative, False), (bare, False), (participle, True)):
        if pattern is None:
            continue
        for m in pattern.finditer(sentence):
            close = _close_after(sentence, m.end())
            end = close.start() if close else len(sentence)
            if close is None and closed:
                continue
            if pattern is bare and closers is not None:
                word = closers.search(sentence, m.end(), end)
                end = word.end() if word else end
            if pattern is bare and named is not None:
                name = _NAME_BEFORE.search(sentence, max(0, m.start() - 80), m.start() - 1)
                if name is not None and sentence[:name.start()].strip():
                    named[(m.start(), end)] = _phrase_start(sentence, name.start(), language)
            out.append((m.start(), end))
    return out


def _phrase_start(sentence: str, position: int, language: str) -> int:
    """Where the noun phrase that ends in a name at ``position`` begins: back over the
    words before it to a small word, a number or punctuation ("di partai final Piala
    Thomas" → "partai final Piala Thomas"; "dari Korea Selatan" → "Korea Selatan")."""
    small = _small_words(language)
    lo = max(0, position - 120)
    cut = max((sentence.rfind(ch, lo, position) for ch in ",;:()"), default=-1)
    start = position
    for m in reversed(list(WORD.finditer(sentence, max(lo, cut + 1), position))):
        word = m.group(0)
        if fold_phrase(word) in small or word[0].isdigit() or sentence[m.end():start].strip():
            break
        start = m.start()
    return start


_NAME_BEFORE = re.compile(r"(?:[A-Z][\w&.'-]*\s+){0,4}[A-Z][\w&.'-]*$")


def _appositions(sentence: str, language: str) -> dict[tuple[int, int], int]:
    """", an online marketplace founded in 2009" after a name inside the sentence, to the
    next comma or the end → the start of that name (the pack's ``apposition_openers``)."""
    pattern = pack_pattern(language, "apposition_openers", r",\s+(?:{w})\s")
    if pattern is None:
        return {}
    out = {}
    for m in pattern.finditer(sentence):
        name = _NAME_BEFORE.search(sentence, max(0, m.start() - 80), m.start())
        if name is None or not sentence[:name.start()].strip():
            continue  # no name before it, or the name opens the sentence
        close = _close_after(sentence, m.end())
        out[(m.start(), close.start() if close else len(sentence))] = name.start()
    return out


def _subordinate_clauses(sentence: str, language: str) -> list[tuple[int, int]]:
    """"After the injection on 1 August, …" (to the first comma), ", after leading 2-0," (to
    the next comma or the end): a clause about an event of its own."""
    pattern = pack_pattern(language, "subordinators",
                           r"^\s*(?P<lead>(?:{w}))\b|,\s+(?P<word>{w})\b")
    if pattern is None:
        return []
    relative = {fold_phrase(w) for w in get_pack(language).relative_pronouns}
    out = []
    pack = get_pack(language)
    # "a year before", "sehari setelah"; not "12 years since", "dua tahun hingga": a span
    offsets = [w for w in pack.offset_words
               if w not in (*pack.open_period_prefixes, *pack.period_joiners)]
    offset = pack_pattern(language, "offset_amounts",
                          r"(?:^\s*|(?P<comma>,\s+))(?P<lead>(?:[^\W\d_]+\s+|\d+\s+){0,2}?)(?:{w})"
                          r"\s+(?=(?:" + _phrases(tuple(offsets)) + r")\b)") if offsets else None
    # ", setahun sebelum Gojek lahir", ", two days after the final": to the next comma;
    # "Sehari sebelum final, …", "A day before the final, …": to the first comma
    for m in offset.finditer(sentence) if offset is not None else ():
        close = _close_after(sentence, m.end())
        if m.group("comma") is not None:
            out.append((m.start(), close.start() if close else len(sentence)))
        elif close is not None and sentence[close.start()] == "," and all(
                w.isdigit() or w in pack.numbers or w in pack.stopwords
                for w in fold_phrase(m.group("lead")).split()):  # "A day", "Dua hari"
            out.append((m.start() + len(m.group(0)) - len(m.group(0).lstrip()),
                        close.start() + 1))
    for m in pattern.finditer(sentence):
        close = _close_after(sentence, m.end())
        if m.group("lead") is not None:
            if close is not None and sentence[close.start()] == ",":
                out.append((m.start("lead"), close.start() + 1))
        elif fold_phrase(m.group("word")) not in relative:
            out.append((m.start(), close.start() if close else len(sentence)))
    return out


def _listing_clauses(sentence: str, language: str) -> list[tuple[int, int]]:
    """", including the rover …" to the next comma (or the end): a part of what precedes."""
    pattern = pack_pattern(language, "listing_openers", r",\s+(?:{w})\b")
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(sentence):
        close = _close_after(sentence, m.end())
        out.append((m.start(), close.start() if close else len(sentence)))
    return out


def _dash_pairs(sentence: str, skip: int = 0) -> list[tuple[int, int]]:
    # a dash between two capitalised words joins two names ("Anies Baswedan – Muhaimin
    # Iskandar", "Jakarta – Bandung"): it opens no aside
    marks = [m.start() for m in _DASHES.finditer(sentence, skip)
             if not _between_names(sentence, m.start(), m.end())]
    return [(marks[i], marks[i + 1] + 1) for i in range(0, len(marks) - 1, 2)
            if len(WORD.findall(sentence, marks[i], marks[i + 1])) <= DASH_ASIDE_WORDS]


def _only_values(text: str, lo: int, hi: int, values: list[tuple[int, int]],
                 language: str) -> bool:
    """Whether the aside holds a value and otherwise only small words, weekdays, months."""
    inside = [(s, e) for s, e in values[bisect_left(values, (lo, lo)):
                                        bisect_left(values, (hi, hi))] if e <= hi]
    if not inside:
        return False
    small = _small_words(language)
    pos = lo
    for s, e in sorted(inside):
        if any(fold_phrase(w.group(0)) not in small for w in WORD.finditer(text, pos, s)):
            return False
        pos = max(pos, e)
    return not any(fold_phrase(w.group(0)) not in small for w in WORD.finditer(text, pos, hi))


def small_words(language: str) -> frozenset[str]:
    """The pack's small words (stopwords, weekday and month names, scales, currencies):
    what never names a thing on its own."""
    return _small_words(language)


@by_language
@cache
def _small_words(language: str) -> frozenset[str]:
    pack = get_pack(language)
    words = [*pack.stopwords, *pack.weekdays, *pack.months, *pack.weekday_prefixes,
             *pack.relative_days, *pack.scales, *(w for ws in pack.currencies.values()
                                                 for w in ws)]
    return frozenset(fold_phrase(part) for w in words for part in w.split())


@by_language
@cache
def boundary_pattern(language: str) -> re.Pattern[str]:
    """Clause boundaries: ";", ":", brackets, a comma, and the pack's clause words."""
    pack = get_pack(language)
    alts = "|".join(re.escape(w) for w in pack.clause_words)
    word_part = rf"|\b(?:{alts})\b" if alts else ""
    return re.compile(rf"[;:()\[\]]|,\s{word_part}", re.IGNORECASE)


def planned(text: str, sentence: Sentence, cue: tuple[int, int],
            value: tuple[int, int], dated: bool = False) -> str | None:
    """The plan marker in the clause segments from the cue to the end of the value's, if
    there is one ("the line, 7.8 km long, is targeted to open", "8 stasiun yang akan
    dibangun"). For a ``dated`` value, a relative clause that holds the cue and the value
    has a time of its own: a plan before it does not reach them ("will rebuild the bridge
    that collapsed on 26 November")."""
    condition = conditional(text, sentence, max(cue[1], value[1]), value[0])
    if condition is not None:
        return condition
    pattern = pack_pattern(sentence.language, "plan_markers")
    if pattern is None:
        return None
    lo = _coordinated_from(text, sentence, min(cue[0], value[0]))
    if dated:
        lo = _relative_from(text, sentence.language, lo, min(cue[0], value[0]))
    hi = max(cue[1], value[1])
    m = _unfulfilled(sentence, pattern, text, lo, hi, (cue[0], value[0]))
    if m is not None:
        return m.group(0)
    # the rest of the value's clause: not past the aside it stands in, and not into an
    # aside of its own unless that one describes what the value counts ("8 stasiun yang
    # akan dibangun")
    tail = sentence.segment(value[0])[1]
    aside = sentence.aside_of(value[0])
    if aside is not None:
        tail = min(tail, aside[1])
    # asides that start within three words of the value describe what it counts
    near = tuple(a[0] for a in sentence.overlapping(hi, tail)
                 if hi <= a[0] < tail and len(WORD.findall(text, value[1], a[0])) <= 3)
    m = _unfulfilled(sentence, pattern, text, hi, tail, (value[0], *near)) \
        if hi < tail else None
    if m is None and aside is not None and not text[sentence.start:aside[0]].strip():
        # a subordinate clause opening the sentence takes its time from the main clause
        # ("When 60,000 spectators converge on Lombok, it will be the largest crowd …")
        lead = pack_pattern(sentence.language, "subordinators", r"\s*(?:{w})\b")
        if lead is not None and lead.match(text, aside[0]) and aside[1] < sentence.end:
            main = sentence.segment(aside[1])
            m = _unfulfilled(sentence, pattern, text, aside[1],
                             min(main[1], aside[1] + MAIN_CLAUSE_CHARS), ())
    return m.group(0) if m else None


def _relative_from(text: str, language: str, lo: int, first: int) -> int:
    """Where the last relative clause opening in [lo, first) begins ("yang", "which",
    "that collapsed"), else ``lo``."""
    starts = [m.start() for key in ("relative_pronouns", "bare_relative")
              if (p := pack_pattern(language, key)) is not None
              for m in p.finditer(text, lo, first)]
    return max(starts, default=lo)


def _coordinated_from(text: str, sentence: Sentence, position: int) -> int:
    """Where the clause of ``position`` begins, reading a short phrase joined by "and"
    ("dan denda Rp3 miliar", "and a fine of Rp 1.5 billion") as part of the clause
    before it: what that clause's verb says of its first object ("menuntut", "faces up
    to") it says of the second. A joined stretch with more than COORDINATED_WORDS words
    of its own before ``position`` is a clause of its own ("and the road opened in"). A
    count after a comma, after another count, is an item of the list the clause before
    holds ("will compete in 40 sports, 67 disciplines and 462 events")."""
    lo = sentence.segment(position)[0]
    joiner = pack_pattern(sentence.language, "list_joiners", r"\s*(?:{w})\b")
    m = joiner.match(text, lo) if joiner is not None and lo > sentence.start else None
    if m is not None:
        small = small_words(sentence.language)
        own = [w for w in WORD.findall(text, m.end(), position)
               if fold_phrase(w) not in small]
        if len(own) <= COORDINATED_WORDS:
            lo = sentence.segment(lo - 1)[0]
    return _list_opened(text, sentence, lo)


def _list_opened(text: str, sentence: Sentence, lo: int) -> int:
    """Where a list of counts that a segment from ``lo`` continues opens: a segment that
    opens with a count after a comma, after a segment holding another count ("in 40
    sports, 67 disciplines"), belongs to the clause before it (a few items back)."""
    for _ in range(LISTED_COUNTS):
        if lo <= sentence.start or not text[lo:lo + 12].lstrip(" ,").startswith(_DIGITS):
            break
        before = sentence.segment(lo - 1)[0]
        if not any(c.isdigit() for c in text[before:lo]):
            break
        lo = before
    return lo


LISTED_COUNTS = 6  # items of a list of counts read back to the clause that opens it
_DIGITS = tuple("0123456789")
COORDINATED_WORDS = 1  # words of a joined phrase's own before the cue or value (not small
# words): "and a fine of" has none, "and the road opened in" has two


def conditional(text: str, sentence: Sentence, end: int, value: int) -> str | None:
    """A condition word ("if", "jika") in the sentence before ``end`` (the cue and the
    value) or in the value's clause, outside asides that do not hold the value: a value
    under a condition, or in what follows from one, is no fact ("jika status kembali
    normal, …", "if the level rises, the radius becomes 4.5 km")."""
    pattern = pack_pattern(sentence.language, "condition_words")
    if pattern is None:
        return None
    end = max(end, sentence.segment(value)[1])  # "… in 2025 if the weather holds"
    for m in sentence.matches(pattern, text)[:8]:  # found once per sentence; the first
        # few will do, so that a long sentence of values stays linear
        if m.start() >= end:
            break
        aside = sentence.aside_of(m.start())
        if aside is None or aside[0] <= value < aside[1]:
            return m.group(0)
    return None


MAIN_CLAUSE_CHARS = 200  # of a main clause read for the plan of an opening "When …" clause
RUNNING_REACH = 8  # words between a running-count word and the figure it moves to


def _restrictive(text: str, aside: tuple[int, int], language: str) -> bool:
    """Whether an aside is a restrictive relative clause, right after its noun with no
    comma ("total suara yang telah masuk", "the districts where counting is over"): it
    says which of the things counted are meant, so it speaks of the sentence's figures."""
    first = WORD.match(text, aside[0])
    if first is None or fold_phrase(first.group(0)) not in _pronouns(language):
        return False
    before = text[max(0, aside[0] - 3):aside[0]].rstrip()
    return bool(before) and before[-1].isalnum()


@by_language
@cache
def _pronouns(language: str) -> frozenset[str]:
    return frozenset(fold_phrase(w) for w in get_pack(language).relative_pronouns)


def provisional(text: str, sentence: Sentence, value: tuple[int, int],
                count: bool = False) -> str | None:
    """A word that makes the sentence's figures provisional — a poll, a quick count, a
    partial or running count, an estimate ("with 60% of ballots counted", "survei",
    "hitung cepat", "sementara") — outside asides that do not hold the value. For a count
    (``count``), also a word of a count still moving, shortly before the figure ("the
    death toll has risen to 252", "bertambah menjadi 2.043", "update"): a
    figure of that moment, not the final one."""
    pattern = pack_pattern(sentence.language, "provisional_words")
    for m in sentence.matches(pattern, text) if pattern is not None else ():
        aside = sentence.aside_of(m.start())  # found once per sentence, not per value
        if aside is None or aside[0] <= value[0] < aside[1] or _restrictive(
                text, aside, sentence.language):
            return m.group(0)
    running = pack_pattern(sentence.language, "running_words") if count else None
    if running is None:
        return None
    found = sentence.matches(running, text)
    k = bisect_right(found, value[0], key=lambda m: m.end())  # those ending before it
    joiners = {fold_phrase(w) for w in get_pack(sentence.language).clause_words}
    for m in found[max(0, k - 3):k]:
        if fold_phrase(m.group(0)) in joiners and (
                not text[sentence.start:m.start()].strip()
                or text[sentence.start:m.start()].rstrip().endswith(",")):
            continue  # a clause word that joins ("Sementara 112 lainnya selamat": while)
        if ";" not in text[m.end():value[0]] and \
                len(WORD.findall(text, m.end(), value[0])) <= RUNNING_REACH:
            return m.group(0)
    return None


def respectively(text: str, sentence: Sentence) -> bool:
    """Whether the sentence pairs its names and values in order ("Anies and Ganjar had 25%
    and 16% respectively")."""
    pattern = pack_pattern(sentence.language, "respectively_words")
    return pattern is not None and pattern.search(text, sentence.start, sentence.end) is not None


def _unfulfilled(sentence: Sentence, pattern: re.Pattern[str], text: str, lo: int, hi: int,
                 keep: tuple[int, ...]) -> re.Match[str] | None:
    """A plan marker in the visible stretches of [lo, hi) that is not part of a plan
    fulfilled ("as planned", "sesuai rencana")."""
    done = pack_pattern(sentence.language, "plans_fulfilled")
    for a, b in sentence.visible(lo, hi, keep):
        for m in pattern.finditer(text, a, b):
            if done is None or not any(d.start() <= m.start() < d.end() for d in
                                       done.finditer(text, max(a, m.start() - 20),
                                                     min(b, m.end() + 20))):
                return m
    return None


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    key: str


def words_after(text: str, position: int, limit: int, language: str,
                stop_at: int | None = None, stop_at_small: bool = True) -> list[Word]:
    """Up to ``limit`` words from ``position`` on, ending at punctuation or (unless told
    not to) a small word: the noun phrase a number heads ("eight small thrusters", "13
    stasiun layang"). A hyphen inside a word ("eight-car") does not end it."""
    small = _small_words(language)
    out: list[Word] = []
    pos = position
    stop = len(text) if stop_at is None else stop_at
    for m in WORD.finditer(text, position, min(stop, position + 200)):
        gap = text[pos:m.start()]
        if gap.replace("-", " ").strip() or len(out) >= limit:
            break
        word = m.group(0)
        if stop_at_small and fold_phrase(word) in small:
            break
        number = word[0].isdigit() or word.lower() in get_pack(language).numbers
        if number and text[m.end():m.end() + 1] != "-":
            break  # another number; "eight-car" only describes the noun after it
        out.append(Word(m.start(), m.end(), word, key(word, language)))
        pos = m.end()
    return out


def partitive(text: str, position: int, language: str) -> bool:
    """Whether the number ending at ``position`` is a part of a whole ("three of the",
    "dua dari", "two of its four")."""
    whole = pack_pattern(language, "partitive_words", r"\s+(?:{w})\b")
    if whole is not None and whole.match(text, position):
        return True
    before = pack_pattern(language, "partitive_before_number", r"\s+(?:{w})\s+")
    m = before.match(text, position) if before is not None else None
    if m is None:
        return False
    word = WORD.match(text, m.end())
    if word is not None and word.group(0).lower() in _determiners(language):
        # "three out of the eight judges": the determiner the partitive words carry
        after = re.match(r"\s+", text[word.end():word.end() + 3])
        word = WORD.match(text, word.end() + after.end()) if after else None
    return word is not None and (word.group(0)[0].isdigit()
                                 or word.group(0).lower() in get_pack(language).numbers)


def partitive_determiners(language: str) -> frozenset[str]:
    """The determiners the pack's ``partitive_words`` carry after "of" ("the", "its")."""
    return _determiners(language)


@by_language
@cache
def _determiners(language: str) -> frozenset[str]:
    """The words after "of" in the pack's ``partitive_words`` ("of the", "of its")."""
    return frozenset(w.split()[-1].lower() for w in get_pack(language).partitive_words
                     if len(w.split()) == 2)


def ranked_nouns(text: str, lo: int, hi: int, language: str
                 ) -> list[tuple[str, int, str]]:
    """(noun, rank, the words) of every noun a rank word qualifies in ``text[lo:hi]``:
    "pengiriman ketiga", "tahap ke-2" (the noun first where modifiers follow their noun),
    "the third shipment", "the 2nd wave". Rank words: ``rank_words`` and ``ordinal_words``
    of the pack, "ke-N" and "Nth"."""
    pack = get_pack(language)
    ranks = _rank_table(language)
    if not ranks:
        return []
    stop = stopword_set(language)
    words = list(WORD.finditer(text, lo, hi))
    out = []
    for i, w in enumerate(words):
        rank = _rank(w.group(0), ranks, text, w.start())
        if rank is None:
            continue
        j = i - 1 if pack.modifiers_follow else i + 1
        if pack.modifiers_follow and j >= 0 and words[j].group(0).lower() == "ke":
            j -= 1  # "tahap ke-2": the word before the "ke"
        if not 0 <= j < len(words):
            continue
        noun = words[j]
        between = text[min(noun.end(), w.end()):max(noun.start(), w.start())]
        if _RANK_GAP.fullmatch(between) is None or not noun.group(0).isalpha() \
                or len(noun.group(0)) < 3 or noun.group(0).lower() in stop:
            continue
        a, b = sorted((noun, w), key=lambda m: m.start())
        out.append((noun.group(0).lower(), rank, text[a.start():b.end()]))
    return out


_RANK_GAP = re.compile(r"[ \t]*(?:ke[ \t]*-?[ \t]*)?", re.IGNORECASE)  # "tahap ke-2"
_RANK_NUMBER = re.compile(r"(\d{1,2})(st|nd|rd|th)?")  # "2nd"; "2" only after "ke-"


def _rank(word: str, ranks: dict[str, int], text: str, start: int) -> int | None:
    low = word.lower()
    if low in ranks:
        return ranks[low]
    m = _RANK_NUMBER.fullmatch(low)
    if m is None or (m.group(2) is None and not text[max(0, start - 3):start].lower()
                     .endswith(("ke-", "ke"))):
        return None
    return int(m.group(1))


@by_language
@cache
def _rank_table(language: str) -> dict[str, int]:
    pack = get_pack(language)
    return {k.lower(): v for k, v in (*pack.ordinal_words.items(), *pack.rank_words.items())}


@by_language
@cache
def stopword_set(language: str) -> frozenset[str]:
    """The pack's stopwords, in lower case (once a language)."""
    return frozenset(w.lower() for w in get_pack(language).stopwords)


@cache
def _claim_ranks(statement: str, cues: tuple[str, ...], language: str
                 ) -> dict[str, frozenset[int]]:
    out: dict[str, set[int]] = {}
    for phrase in (statement, *cues):
        for noun, rank, _ in ranked_nouns(phrase, 0, len(phrase), language):
            out.setdefault(noun, set()).add(rank)
    return {n: frozenset(r) for n, r in out.items()}


def claim_ranks(claim: Claim, language: str) -> dict[str, frozenset[int]]:
    """The nouns a claim's statement or cues (of ``language``) rank, with their ranks
    ("pengiriman pertama": {"pengiriman": {1}})."""
    return _claim_ranks(claim.statement, tuple(claim.cues.get(language, ())), language)


def _phrases(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of phrases, longest first, any run of spaces between words."""
    return "|".join(r"\s+".join(re.escape(p) for p in w.split())
                    for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"


@by_language
@cache
@by_language
@lru_cache(maxsize=4096)
def pack_pattern(language: str, key: str, template: str = r"(?<![\w-])(?:{w})(?![\w-])"
                 ) -> re.Pattern[str] | None:
    """A pattern of the phrases of a pack's list ``key`` put in ``template`` at ``{w}``
    (whole words by default); None when the pack's list is empty (built once per
    language, key and template: every sentence asks)."""
    words = getattr(get_pack(language), key)
    if not words:
        return None
    return re.compile(template.replace("{w}", _phrases(tuple(words))), re.IGNORECASE)


def word_before(text: str, sentence: Sentence, cue_start: int,
                values: list[tuple[int, int]], key: str, reach: int = 3) -> str | None:
    """A word of the pack's list ``key`` at most ``reach`` words before a cue, with no
    comma or stop between, not inside a value: "offset_words" ("the day before the
    final"), "commemoration_words" ("the anniversary of the landing"), "previous_words"
    ("last won")."""
    pattern = pack_pattern(sentence.language, key)
    if pattern is None:
        return None
    lo = max(sentence.start, cue_start - 12 * reach)
    stop = max((m.end() for m in _STOPS.finditer(text, lo, cue_start)), default=lo)
    words = [m.start() for m in WORD.finditer(text, stop, cue_start)]
    if not words:
        return None
    lo = words[-reach] if len(words) >= reach else words[0]
    for a, b in sentence.visible(lo, cue_start, (cue_start,)):
        for m in pattern.finditer(text, a, b):
            if not _inside_value(values, m.start(), m.end()):
                return m.group(0)
    return None


def negation_before(text: str, sentence: Sentence, cue_start: int,
                    values: list[tuple[int, int]]) -> str | None:
    """A negation at most three words before a cue, with no comma between ("not yet
    found", "belum ditemukan", "has never been recovered"): what the cue names has not
    happened, so no value is its date or count. Not a negation that opens another phrase
    (the pack's ``negation_exceptions``: "not only", "tidak hanya")."""
    pattern = pack_pattern(sentence.language, "negation_words")
    if pattern is None:
        return None
    exceptions = pack_pattern(sentence.language, "negation_exceptions",
                              r"(?:{w})(?![\w-])")
    lo = max(sentence.start, cue_start - 40)
    stop = max((m.end() for m in _STOPS.finditer(text, lo, cue_start)), default=lo)
    words = [m.start() for m in WORD.finditer(text, stop, cue_start)]
    if not words:
        return None
    lo = words[-3] if len(words) >= 3 else words[0]
    for a, b in sentence.visible(lo, cue_start, (cue_start,)):
        for m in pattern.finditer(text, a, b):
            if _inside_value(values, m.start(), m.end()):
                continue
            if exceptions is not None and exceptions.match(text, m.start()):
                continue
            return m.group(0)
    return None


def _inside_value(values: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``values`` (sorted by start): a few steps."""
    k = bisect_right(values, (end, end))
    return any(s < end and start < e for s, e in values[max(0, k - 3):k])


_STOPS = re.compile(r"[,;:.!?]")
CHANGE_REACH = 240  # characters: "from" and "into" of a change stand this close to a figure
SUBSET_REACH = 400  # characters: a word that makes a figure count a part stands this close


def earlier_figure(text: str, sentence: Sentence, value: tuple[int, int]) -> str | None:
    """"grew from 20 drivers … into 2 million": a figure between "from" and "into" is the
    earlier one of a change."""
    before = pack_pattern(sentence.language, "change_from")
    after = pack_pattern(sentence.language, "change_to")
    currency = "|".join(re.escape(c) for c in get_pack(sentence.language).currency_prefixes)
    to_value = pack_pattern(sentence.language, "change_to_value",
                            rf"(?<![\w-])(?:{{w}})\s+(?:{currency or '(?!x)x'})?\s?(?=\d)")
    # a change is said in a few words: read a stretch on each side, not the whole sentence
    lo, hi = max(sentence.start, value[0] - CHANGE_REACH), min(sentence.end,
                                                               value[1] + CHANGE_REACH)
    verb = _changed_to(sentence.language)
    m = verb.search(text, value[1], min(hi, value[1] + CHANGE_VERB_REACH)) if verb else None
    if m is not None and not _NUMBER.search(text, value[1], m.start()):
        return m.group(0).strip()  # "the 27-lap race was shortened to a 20-lap race"
    m = _becomes(sentence.language).match(text, value[1], hi)
    if m is not None:  # "Pertamax Rp 12.500 per liter menjadi Rp 14.500"
        return m.group("to")
    changed = _changed_from(text, sentence, value)
    if changed is not None:  # "widened a 4km exclusion zone around the crater to 6km"
        return changed
    if before is None or (after is None and to_value is None):
        return None
    found = [p.search(text, value[1], hi) for p in (after, to_value) if p is not None]
    later = min((m for m in found if m is not None), key=lambda m: m.start(), default=None)
    if later is None:
        return None
    opened = [m for m in before.finditer(text, lo, value[0])]
    if not opened or any(p.search(text, opened[-1].end(), value[0])
                         for p in (after, to_value) if p is not None):
        return None
    if sentence.segment(opened[-1].start()) != sentence.segment(value[0]):
        return None  # "Dari luas wilayah darat tersebut, … 56.159 hektare yang akan
        # menjadi …": "dari" of a whole, not where a change starts
    return f"{opened[-1].group(0)} … {later.group(0).strip()}"


CHANGE_VERB_REACH = 80  # characters from a figure to the change verb that follows it


def _changed_from(text: str, sentence: Sentence, value: tuple[int, int]) -> str | None:
    """A change verb a few words before a figure (no number between) and, a few words
    after it in the same clause, a "to" word and another figure: "Authorities widened a
    4km exclusion zone around the crater to 6km", "expanded a four-kilometer zone to six
    kilometers". The first figure is the earlier one of the change."""
    verb = pack_pattern(sentence.language, "change_verbs",
                        r"(?<![\w-])(?:{w})\s+(?:[^\s\d,;:.]+\s+){0,3}?[^\s\d]*$")
    if verb is None:
        return None
    lo, hi = sentence.segment(value[0])
    m = verb.search(text, max(lo, value[0] - CHANGE_VERB_REACH), value[0])
    if m is None:
        return None
    to = _to_figure(sentence.language).match(text, value[1], min(hi, value[1] + CHANGE_REACH))
    return f"{m.group(0).split()[0]} … {to.group('to')}" if to is not None else None


@by_language
@cache
def _to_figure(language: str) -> re.Pattern[str]:
    """A few words without a number, then a ``change_to`` or ``change_to_value`` word and
    a figure, in digits or a number word ("… around the crater to 6km", "to six
    kilometres")."""
    pack = get_pack(language)
    joiners = tuple(pack.change_to) + tuple(pack.change_to_value)
    if not joiners:
        return re.compile(r"(?!x)x")
    currency = "|".join(re.escape(c) for c in pack.currency_prefixes) or "(?!x)x"
    numbers = _phrases(tuple(pack.numbers)) if pack.numbers else "(?!x)x"
    return re.compile(rf"[^\s\d,;:.]*(?:[ \t]+[^\s\d,;:.]+){{0,6}}?[ \t]+"
                      rf"(?P<to>{_phrases(joiners)})[ \t]+(?:(?:{currency})[ \t]?)?"
                      rf"(?:\d|(?:{numbers})(?![\w-]))",
                      re.IGNORECASE)


@by_language
@cache
def _becomes(language: str) -> re.Pattern[str]:
    """A figure's unit (up to three words), a ``change_to`` word and another figure right
    after it: the figure is the earlier one of a change even with no "from" before it."""
    pack = get_pack(language)
    if not pack.change_to:
        return re.compile(r"(?!x)x")
    currency = "|".join(re.escape(c) for c in pack.currency_prefixes) or "(?!x)x"
    # (each word after a space or a slash: a word is never split, so no backtracking)
    return re.compile(rf"(?:(?:[ \t]+|[ \t]*/[ \t]*)[^\W\d_][\w-]*){{0,3}}?[ \t]+"
                      rf"(?P<to>{_phrases(tuple(pack.change_to))})[ \t]+"
                      rf"(?:{currency})?[ \t]?\d", re.IGNORECASE)
_NUMBER = re.compile(r"\d")


@by_language
@cache
def _changed_to(language: str) -> re.Pattern[str] | None:
    """A change verb, its "to" word if any and a number a few words on: "shortened to a
    20-lap race", "dipangkas menjadi 20 lap", "direvisi magnitudo 7,4" (not "reduced to
    rubble")."""
    pack = get_pack(language)
    joiners = tuple(pack.change_to) + tuple(pack.change_to_value)
    if not pack.change_verbs or not joiners:
        return None
    return re.compile(rf"(?<![\w-])(?:{_phrases(tuple(pack.change_verbs))})\s+"
                      rf"(?:(?:{_phrases(joiners)})\s+)?(?:\S+\s+){{0,2}}?[^\s\d]*\d",
                      re.IGNORECASE)


TALLY_REACH = 120  # characters before a date searched for the count it dates


def tallied_on(text: str, sentence: Sentence, start: int) -> str | None:
    """A count that the date at ``start`` dates: a tally verb, a figure and a few words
    right before it ("the death toll reached 384 on Saturday", "mencapai 844 orang pada
    Senin"): the day the count stood at, not the day of the event counted."""
    pattern = pack_pattern(sentence.language, "tally_verbs",
                           r"(?<![\w-])({w})\s+(?:[^\s\d,;:.]+\s+){0,2}?\d[\d.,]*"
                           r"(?:\s+[^\s\d,;:.]+){0,4}?\s+$")
    if pattern is None:
        return None
    m = pattern.search(text, max(sentence.segment(start)[0], start - TALLY_REACH), start)
    return m.group(1) if m else None


CAPTION_AFTER = 40  # characters after a sentence where a caption's credit may stand


def caption(text: str, sentence: Sentence) -> str | None:
    """A photo caption's marker in the sentence or right after it ("… on Sep 29, 2018.
    (Photo: AP/Rifki)"): the sentence tells what a picture shows and when it was taken."""
    pattern = pack_pattern(sentence.language, "caption_markers",
                           r"(?<![\w-])(?:{w})(?![\w-])")
    if pattern is not None:
        m = pattern.search(text, sentence.start, min(len(text), sentence.end + CAPTION_AFTER))
        if m and m.start() <= sentence.end + 4:
            return m.group(0)
    return _credited_alone(text, sentence)


# a picture's credit in brackets: an agency and a photographer ("AFP/Bay Ismoyo",
# "Bloomberg Technoz/Andrean Kristianto"), a web site ("Liputan6.com") or an agency in
# capitals ("CNN", "ANTARA FOTO")
_CREDIT = re.compile(r"\(\s*(?:[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,3}(?:\s*/\s*[\w.&' -]+)+"
                     r"|[\w-]+(?:\.[a-z]{2,3})+"
                     r"|[A-Z]{2,}(?:\s+[A-Z]{2,})*)\s*\)[ \t]*(?:\n|$)")
CAPTION_LENGTH = 400  # characters: a caption is one short paragraph


def _credited_alone(text: str, sentence: Sentence) -> str | None:
    """A short paragraph that ends with a picture's credit in brackets ("… on April 19,
    as they head home. (AFP/Bay Ismoyo)", "… – September 13, 2022 (CNN)"): a photo
    caption, though no caption word says so: its first sentence tells of the picture. Of
    one sentence, or of a few when the credit names an agency and a photographer ("… on
    Aug. 23, 2020. Firefighters were still tackling the blaze. (Antara/Aditya Pradana
    Putra)")."""
    start = text.rfind("\n", 0, sentence.start) + 1
    if text[start:sentence.start].strip():
        return None  # not the first sentence of its paragraph, which tells of the picture
    end = text.find("\n", sentence.end)
    end = len(text) if end < 0 else end
    if end - start > CAPTION_LENGTH + CAPTION_AFTER:
        return None
    m = _CREDIT.search(text, sentence.start, min(len(text), end + 1))
    if m is None or m.start() - start > CAPTION_LENGTH or "\n" in text[sentence.start:m.start()]:
        return None
    alone = not text[sentence.end:m.start()].strip(" \t.")
    return m.group(0).strip() if alone or "/" in m.group(0) else None


VERB_PREFIX_MIN = 6  # letters of a word read as a derived verb ("dirasakan", not "dinas")


@by_language
@cache
def _verb_prefixes(language: str) -> tuple[str, ...]:
    return tuple(fold_phrase(p) for p in get_pack(language).verb_prefixes)


def verb_like(word: str, language: str) -> bool:
    """A word with a verbal prefix of the pack that the stemmer derives from a stem
    ("dirasakan", "mengguncang", "berdampak"; not "menteri", "dinas"): a verb, which ends
    the noun phrase a number heads."""
    prefixes = _verb_prefixes(language)
    if not prefixes or len(word) < VERB_PREFIX_MIN:
        return False
    folded = fold_phrase(word)
    return folded.startswith(prefixes) and key(word, language).startswith(DERIVED)


def as_of_word(text: str, sentence: Sentence, start: int) -> str | None:
    """A word that makes the date at ``start`` the day a figure or a state stood at ("as
    of Saturday, 3 December", "hingga Sabtu (3/12/2022)", "As of Tuesday (Dec. 16)"): it
    stands right before the date, or before its weekday, or before a time ("As of 14.00
    UTC on 14 February")."""
    pattern = pack_pattern(sentence.language, "as_of_words",
                           r"(?<![\w-])(?:{w})\s+"
                           r"(?:\d{1,2}[.:]\d{2}(?:\s+[^\W\d_]{2,5})?,?\s+(?:[^\W\d_]{2,4}\s+)?)?"
                           r"(?:[^\W\d_]+(?:,?\s+|\s*\(\s*))?$")
    if pattern is None:
        return None
    m = pattern.search(text[max(sentence.start, start - 40):start])
    return m.group(0).split()[0] if m else None


def as_of_moment(text: str, sentence: Sentence, value_start: int) -> str | None:
    """An as-of word and the moment it dates a figure to: a weekday, a month, a time
    ("pukul", "13.00 WIB"), or a day and month ("hingga Sabtu", "per 3 Januari", "sampai
    pukul 13.00"); not "hingga 17 orang" nor "up to 1.5 million", bounds. In the figure's
    clause, or opening the sentence ("Hingga Sabtu (4/3), 17 orang tewas"): in "Banjir
    berlangsung hingga Sabtu, menewaskan 67 orang" it dates how long the flood lasted. Or
    in brackets right after the figure and its noun ("13 negara (hingga Minggu 2/1)")."""
    pattern = _as_of_moment(sentence.language)
    if pattern is None:
        return None
    m = pattern.search(text, *sentence.segment(value_start))
    if m is None:  # before the figure with no comma between, brackets skipped ("pengungsi
        # sampai Senin (13/12/2021) pagi ini 9.374 orang")
        before = [b for b in pattern.finditer(text, max(sentence.start, value_start - 120),
                                              value_start)]
        if before and not _AS_OF_BREAK.search(_BRACKETED.sub("", text[before[-1].end():
                                                                      value_start])):
            m = before[-1]
    if m is None:
        m = pattern.match(text, sentence.start, sentence.segment(sentence.start)[1])
    if m is None:
        m = _reported_moment(text, sentence, value_start, pattern)
    if m is None:  # in brackets right after the figure's noun ("13 negara (hingga Minggu
        # 2/1)", "127,672 deaths (as of Sunday)")
        bracket = _BRACKET_AFTER.match(text, value_start, sentence.end)
        m = pattern.match(text, bracket.end(), sentence.end) if bracket else None
    return m.group(0).strip() if m else None


# a figure, up to three words (its noun) and an opening bracket
_BRACKET_AFTER = re.compile(r"[\d.,]+\s+(?:[^\W\d_]+\s+){0,3}\(\s*")


def _reported_moment(text: str, sentence: Sentence, value_start: int,
                     pattern: re.Pattern[str]) -> re.Match[str] | None:
    """An as-of moment that opens a reported clause, alone in the clause right before the
    figure's: "BNPB reported that as of 17:30 WIB, 22 people have died and 27 are
    missing". Not a moment after a verb ("Banjir berlangsung hingga Sabtu, menewaskan 67
    orang": how long the flood lasted)."""
    found = list(pattern.finditer(text, sentence.start, value_start))
    if not found:
        return None
    m = found[-1]
    comma = text.find(",", m.end(), value_start)
    if comma < 0 or ";" in text[comma:value_start]:
        return None
    # what follows the moment up to its comma: its date, zone or part of day at most
    if len(WORD.findall(_BRACKETED.sub("", text[m.end():comma]))) > MOMENT_TAIL_WORDS:
        return None
    opener = pack_pattern(sentence.language, "complementizers", r"(?<![\w-])(?:{w})\s*$")
    return m if opener is not None and opener.search(text, sentence.start, m.start()) \
        else None


MOMENT_TAIL_WORDS = 3  # "as of Saturday (4/3) afternoon local time," still frames a figure


_BRACKETED = re.compile(r"\([^()]{0,40}\)")
_AS_OF_BREAK = re.compile(r"[,;:]")


@by_language
@cache
def _as_of_moment(language: str) -> re.Pattern[str] | None:
    pack = get_pack(language)
    if not pack.as_of_words:
        return None
    names = [*pack.weekdays, *pack.months, *pack.time_prefixes]
    months = _phrases(tuple(pack.months)) if pack.months else "(?!x)x"
    zoned = (*pack.time_suffixes, *pack.time_zones)
    suffixes = _phrases(tuple(zoned)) if zoned else "(?!x)x"
    when = (rf"(?:{_phrases(tuple(names))})(?![\w-])" if names else "(?!x)x") + \
        rf"|\d{{1,2}}\s+(?:{months})(?![\w-])|\(\d{{1,2}}/\d{{1,2}}" \
        rf"|\d{{1,2}}[.:]\d{{2}}\s*(?:{suffixes})(?![\w-])"
    return re.compile(rf"(?<![\w-])(?:{_phrases(tuple(pack.as_of_words))})\s+(?:{when})",
                      re.IGNORECASE)


SPEECH_TAIL_WORDS = 6  # lower-case words between a speech verb and the date it is said on


def said_on(text: str, sentence: Sentence, value: tuple[int, int], cue: tuple[int, int],
            values: list[tuple[int, int]], cues: Sequence[tuple[int, int]] = ()) -> str | None:
    """The speech verb whose date the value is: the date after "said", "kata", "ujarnya"
    and the speaker ("…," kata Kristianto di Agam, Selasa (16/1/2024)"; "officials said
    Monday") is the day the words were said, not the day of what they tell. Not when the
    cue, written in lower case, stands between them ("said the quake struck on Monday":
    what was said), nor when another value or more than a few lower-case words do, nor
    when the verb is a cue of the claim (``cues``)."""
    pattern = pack_pattern(sentence.language, "speech_verbs",
                           r"(?<![\w-])(?:{w})(?:nya)?(?![\w-])")
    if pattern is None:
        return None
    found = sentence.matches(pattern, text)  # once a sentence
    k = bisect_right(found, value[0], key=lambda m: m.end())
    own = sentence.aside_of(value[0])
    # the nearest before the date, not in an aside that does not hold it ("(kata)"); a
    # few back at most, so that a long sentence stays linear
    # ("…, quoted from Antara, Friday, January 22": an aside that ends right before the
    # date holds its verb)
    verb = next((m for m in reversed(found[max(0, k - 4):k])
                 if _holds_or_adjoins(text, sentence.aside_of(m.start()), own, value[0])),
                None)
    if verb is None:
        return None
    if any(c[0] < verb.end() and verb.start() < c[1] for c in (cue, *cues)):
        return None  # the saying is the event: "Gojek announced on 16 May" for "announced"
    if cue[1] <= verb.start() and _announces(text, sentence.language, cue[1], verb.start()):
        return None  # "merger yang diumumkan pada 17 Juni": the cue's thing was announced
    lo, hi = verb.end(), value[0]
    if hi - lo > 300 or re.match(r"['’]s\b", text[value[1]:value[1] + 3]):
        return None  # far off; "said Monday's quake …": the date is of the quake
    if lo <= cue[0] < hi and _statement_topic(text, sentence.language, verb, cue[0]):
        return verb.group(0)  # "konferensi pers penutupan Asian Games 2018, Sabtu (1/9)"
    k = bisect_left(values, (lo, lo))  # (sorted by start: a step, not a walk)
    if (k < len(values) and values[k][0] < hi) or (lo <= cue[0] < hi and
                                                   not text[cue[0]:cue[0] + 1].isupper()):
        return None
    lower = [w for w in WORD.findall(text, lo, hi) if w[:1].islower()]
    # a cue inside the quotation the verb closes is what was said, whatever the words
    # after the speaker ("…FDR telah berhasil di-download," ujar …, saat konferensi pers
    # di kantor KNKT, Jakarta pada hari Minggu (4/11))
    tail = SPEECH_TAIL_QUOTED if _quoted_before(text, sentence.start, cue[0], verb.start()) \
        else SPEECH_TAIL_WORDS
    return verb.group(0) if len(lower) <= tail else None


def _quoted_before(text: str, lo: int, position: int, verb: int) -> bool:
    """Whether ``position`` is inside a quotation that closes before ``verb``, in the
    sentence from ``lo``: an odd number of quotation marks before it, the last of them
    before the verb closing it."""
    marks = [m.start() for m in _QUOTE_MARK.finditer(text, lo, verb)]
    before = sum(1 for p in marks if p < position)
    return before % 2 == 1 and any(p > position for p in marks)


_QUOTE_MARK = re.compile(r'["“”]')
SPEECH_TAIL_QUOTED = 14  # … when the cue stands in the quotation the verb closes


@by_language
@cache
def offset_pattern(language: str) -> re.Pattern[str] | None:
    """An offset word that is no period word, right before a value (its weekday may stand
    between: "menjelang Sabtu, 17 Agustus"); group 1 is the word."""
    pack = get_pack(language)
    period = {fold_phrase(w) for w in (*pack.open_period_prefixes, *pack.period_joiners,
                                       *pack.period_prefixes)}
    words = tuple(w for w in pack.offset_words if fold_phrase(w) not in period)
    if not words:
        return None
    # (only a weekday between: "before midnight on Friday" is no day reckoned from Friday)
    weekday = rf"(?:{_phrases(tuple(pack.weekdays))}),?\s+" if pack.weekdays else "(?!x)x"
    return re.compile(rf"(?<![\w-])({_phrases(words)})\s+(?:{weekday})?$", re.IGNORECASE)


SPEAKER_WORDS = 4  # words of a speaker's name (and title) before the speech verb
TITLED_SPEAKER_WORDS = 12  # … or of a title in capitals, with its short joining words
OPENING_CHARS = 40  # characters around the date of an opening clause ("Pada Sabtu … lalu,")


def said_after(text: str, sentence: Sentence, value: tuple[int, int]
               ) -> tuple[str, int] | None:
    """The speech verb whose date an opening date is: "On Saturday, Sutopo said …", "Pada
    Sabtu 29 September 2018 lalu, Sutopo mengatakan …" — the date stands in the first
    clause with a word or two before and after it, and the next clause opens with a
    speaker (a few words) and a speech verb: the day of the saying. Returns the verb and
    where it starts."""
    lo, hi = sentence.segment(value[0])
    if hi < value[1]:  # "On September 8, 2023, …": the date's own comma is no boundary
        hi = sentence.segment(value[1] - 1)[1]
    if text[sentence.start:lo].strip() or hi >= sentence.end or text[hi:hi + 1] != ",":
        return None
    if value[0] - lo > OPENING_CHARS or hi - value[1] > OPENING_CHARS:
        return None  # no short opening clause (and a long sentence stays linear)
    if len(WORD.findall(text, lo, value[0])) > 2 or len(WORD.findall(text, value[1], hi)) > 2:
        return None
    pattern = _speaker_pattern(sentence.language)
    if pattern is None:
        return None
    m = pattern.match(text, hi, min(sentence.end, hi + 120))
    if m is None or not m.group(1)[:1].isupper():
        return None
    return m.group(2), m.start(2)


def dated_source(text: str, sentence: Sentence, value: tuple[int, int]) -> str | None:
    """The speech verb right after a date that follows a source's name and a comma
    ("Harian Kompas, 29 Desember 2004 memberitakan, …", "Reuters, on 3 May reported
    that …"), or that opens the sentence ("Pada Februari 2005 dilaporkan gempa …"): the
    day the source told it, not the day of what it tells."""
    pattern = pack_pattern(sentence.language, "speech_verbs",
                           r"[\s)]*(?:{w})(?:nya)?(?![\w-])")
    verb = pattern.match(text, value[1], sentence.end) if pattern is not None else None
    if verb is None:  # "Diberitakan Harian Kompas, 28 November 2011, …": the verb first
        opener = _opening_source(sentence.language)
        m = opener.fullmatch(text, sentence.start, value[0]) if opener is not None else None
        return m.group("verb") if m is not None else None
    opening = text[sentence.start:value[0]].split()  # "Pada Februari 2005 dilaporkan …"
    if not (len(opening) <= 1 and all(len(w) <= OPENING_WORD for w in opening)) and \
            _SOURCE_BEFORE.search(text, max(sentence.start, value[0] - 60), value[0]) is None:
        return None
    return verb.group(0).strip(" )\n\t")


OPENING_WORD = 5  # a preposition opening the sentence before a date ("Pada", "On", "In")


@by_language
@cache
def _opening_source(language: str) -> re.Pattern[str] | None:
    """A speech verb opening the sentence, a source's capitalised name and a comma (a
    short word may stand before either: "As reported by Reuters, ")."""
    return pack_pattern(language, "speech_verbs",
                        r"\W*(?:[^\W\d_]{1,5}\s+)?(?P<verb>(?:{w}))(?:\s+[^\W\d_]{1,4})?"
                        r"\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3},\s*(?:[^\W\d_]{1,4}\s+)?")


# a name in capitalised words, a comma and perhaps a preposition, right before a date
_SOURCE_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3},\s*"
                            r"(?:[^\W\d_]{1,4}\s+)?$")


def closing_date_verb(text: str, sentence: Sentence, value: tuple[int, int],
                      cue: tuple[int, int]) -> str | None:
    """The verb whose date a date closing the sentence is: a news lead ends with the day of
    its main verb after a comma ("Presiden meninjau lokasi pengungsian erupsi Gunung
    Semeru di Lumajang, Selasa (7/12/2021)."). When a verb stands before the cue and
    none after it, the cue names what the verb acted on, and the date is the verb's (the
    visit), not the cue's event. Not when the cue is itself a verb ("warga mengungsi saat
    gunung meletus, Sabtu (4/12)"), nor when a clause word or a speech verb stands
    between (the cue has its own clause, or the verb only reports it), nor when the date
    has a preposition of its own or a past marker ("…, pada Senin (18/6) lalu")."""
    if cue[1] > value[0] or len(WORD.findall(text, value[1], sentence.end)) > CLOSING_WORDS:
        return None
    lead = re.search(r",\s*([^\W\d_]+,?\s*)?$", text[max(cue[1], value[0] - 24):value[0]])
    if lead is None:
        return None  # not set off by a comma at the end: "… meletus pada Sabtu (4/12)"
    language = sentence.language
    pack = get_pack(language)
    after = [w.lower() for w in WORD.findall(text, value[1], sentence.end)]
    if (lead.group(1) and lead.group(1).strip(" ,").lower() in pack.date_prefixes) or any(
            w in pack.past_markers for w in after):
        return None  # a date with its own preposition, or said to be past ("…, pada Senin
        # (18/6) lalu"): the cue's event, told again, not the day of the lead's verb
    words = [w for w in WORD.finditer(text, sentence.start, value[0])
             if w.group(0)[:1].islower()]  # "Merapi" is a name, not a verb
    if any(verb_like(w.group(0), language) for w in words if w.start() >= cue[0]):
        return None  # the cue is a verb, or has one: "gempa … mengguncang Sumedang, …"
    verb = next((w for w in words if w.end() <= cue[0] and verb_like(w.group(0), language)),
                None)
    if verb is None:
        return None
    between = text[verb.end():cue[0]]
    for words_key in ("subordinators", "speech_verbs", "clause_words"):
        pattern = pack_pattern(language, words_key)
        if pattern is not None and (pattern.search(between)
                                    or pattern.fullmatch(verb.group(0))):
            return None
    return verb.group(0)


CLOSING_WORDS = 2  # words after a closing date: "siang", "malam", "lalu"


@by_language
@cache
def _speaker_pattern(language: str) -> re.Pattern[str] | None:
    """A comma, a speaker of a few words and a speech verb: ", Sutopo mengatakan"."""
    verbs = pack_pattern(language, "speech_verbs", r"(?<![\w-])(?:{w})(?:nya)?(?![\w-])")
    if verbs is None:
        return None
    # a speaker of a few words, or a longer title in capitals with its short joining
    # words ("Head of East Java BPBD Emergency Section Satriyo Nurseho said")
    return re.compile(rf",\s+((?:[^\W\d_][\w.'-]*\s+){{1,{SPEAKER_WORDS}}}?"
                      rf"|(?:(?:[A-Z][\w.'-]*|[a-z]{{1,3}})\s+){{1,{TITLED_SPEAKER_WORDS}}}?)"
                      rf"({verbs.pattern})")  # the verbs as written, as the pack has them


STATEMENT_TOPIC_WORDS = 3  # words between a statement noun and the cue that is its topic


def _statement_topic(text: str, language: str, verb: re.Match[str], cue_start: int) -> bool:
    """Whether the speech word is a noun ("konferensi pers", "press conference") and the
    cue stands right after it, a few words with no punctuation between: the cue is what
    the conference was about, and a date after both is the conference's."""
    nouns = pack_pattern(language, "statement_nouns", r"(?:{w})(?:nya)?")
    if nouns is None or not nouns.fullmatch(verb.group(0)):
        return False
    between = text[verb.end():cue_start]
    return not re.search(r"[,;:()\"“”]", between) and \
        len(WORD.findall(between)) <= STATEMENT_TOPIC_WORDS


def _holds_or_adjoins(text: str, aside: tuple[int, int] | None,
                      own: tuple[int, int] | None, position: int) -> bool:
    """Whether a word in ``aside`` speaks to a value at ``position`` in the aside ``own``:
    both outside any aside, in the same one, or the word's aside, set off by commas, ends
    right before it."""
    if aside in (None, own):
        return True
    return (text[aside[0]:aside[0] + 2].strip()[:1] == ","  # not a bracket: "(said he)"
            and not text[aside[1]:position].strip(" ,"))


def _announces(text: str, language: str, lo: int, hi: int) -> bool:
    """Whether just a relative pronoun stands between a cue and a speech verb ("the
    merger that was announced", "merger yang diumumkan"): the verb tells of the cue's
    thing. Not nothing: in "Data korban gempa disampaikan …" the data were told."""
    between = [fold_phrase(w) for w in WORD.findall(text, lo, hi)]
    relative = {fold_phrase(w) for w in get_pack(language).relative_pronouns}
    return bool(between) and between[0] in relative and len(between) <= 2


def subset_marker(text: str, sentence: Sentence, value: tuple[int, int],
                  values: list[tuple[int, int]]) -> str | None:
    """A word that makes a value count a part: in the value's clause segment ("38.000 di
    antaranya"), or in a segment that holds no value of its own ("In East Java alone,
    the firm serves 38 cities")."""
    pattern = pack_pattern(sentence.language, "subset_words")
    if pattern is None:
        return None
    found = sentence.matches(pattern, text)  # once a sentence; then the few near the value
    first = bisect_left(found, value[0] - SUBSET_REACH, key=lambda m: m.start())
    for m in found[first:]:
        if m.start() > value[1] + SUBSET_REACH:
            break
        if sentence.aside_of(m.start()) not in (None, sentence.aside_of(value[0])):
            continue
        if (m.start() >= value[1] and " " not in m.group(0)
                and len(WORD.findall(text, value[1], m.start())) == 1):
            continue  # one word, right after the count and its noun, stresses it: "20 lap
            # saja" (only 20 laps), not "di Jawa Timur saja"
        segment = sentence.segment(m.start())
        if segment == sentence.segment(value[0]) or not any(
                segment[0] <= s < segment[1] for s, _ in values):
            return m.group(0)
    return None


def subset_qualifier(text: str, sentence: Sentence, cue: tuple[int, int]) -> str | None:
    """A word right by the cue that makes the count a part of what the cue counts: after
    it where modifiers follow their noun ("pemilih tetap laki-laki"), before it elsewhere
    ("female voters"); not one joined to another ("laki-laki dan perempuan", "men and
    women", which is the whole)."""
    language = sentence.language
    pack = get_pack(language)
    if not pack.subset_qualifiers:
        return None
    if pack.modifiers_follow:
        after = pack_pattern(language, "subset_qualifiers", r"[ \t]+({w})(?![\w-])")
        m = after.match(text, cue[1], sentence.end) if after is not None else None
        if m is None:
            return None
        joined = _joined_qualifier(language)
        return None if joined is not None and joined.match(text, m.end()) else m.group(1)
    before = pack_pattern(language, "subset_qualifiers", r"(?<![\w-])({w})[ \t]+$")
    m = before.search(text, max(sentence.start, cue[0] - 40), cue[0]) if before else None
    if m is None:
        return None
    joined = _joined_qualifier(language, behind=True)
    if joined is not None and joined.search(text, max(sentence.start, m.start() - 40),
                                            m.start()):
        return None
    return m.group(1)


@by_language
@cache
def _joined_qualifier(language: str, behind: bool = False) -> re.Pattern[str] | None:
    """Another qualifier joined to one ("… and women" after it, "men and …" before it)."""
    pack = get_pack(language)
    if not pack.subset_qualifiers or not pack.list_joiners:
        return None
    words, joiners = _phrases(tuple(pack.subset_qualifiers)), _phrases(tuple(pack.list_joiners))
    if behind:
        return re.compile(rf"(?<![\w-])(?:{words}),?\s+(?:{joiners})\s+$", re.IGNORECASE)
    return re.compile(rf",?\s+(?:{joiners})\s+(?:{words})(?![\w-])", re.IGNORECASE)


LIST_NOUN_WORDS = 4  # the longest noun phrase of one item of a list of counts


@by_language
@cache
def _list_gap(language: str) -> re.Pattern[str] | None:
    """What stands between two counts of a list: the first one's noun phrase (a few
    words, the first not a small word), then a comma and/or a joining word ("and", "dan")
    right before the next number."""
    joiners = get_pack(language).list_joiners
    if not joiners:
        return None
    word = r"[^\W\d_][\w'’.-]*"
    return re.compile(
        rf"\s*(?P<noun>{word}(?:\s+{word}){{0,{LIST_NOUN_WORDS - 1}}})"
        rf"(?:\s*,\s*(?:(?:{_phrases(joiners)})\s+)?|\s+(?:{_phrases(joiners)})\s+)",
        re.IGNORECASE)


def count_lists(text: str, values: Sequence[tuple[int, int]], language: str
                ) -> dict[int, tuple[int, int]]:
    """The lists of counts among a sentence's counts (``values``, in order) — "181
    passengers and 8 crew", "178 penumpang dewasa, 1 anak, 2 bayi, dan 8 kru": numbers
    each followed by its own noun phrase, joined by commas and the pack's
    ``list_joiners``, the phrases not all the same ("5 km and 10 km" is no list). Each
    count of a list → (its first, its last index). One pass over the sentence."""
    gap = _list_gap(language)
    if gap is None or len(values) < 2:
        return {}
    small = _small_words(language)
    nouns: list[str | None] = []  # the noun phrase after each count, if it joins the next
    for i in range(len(values) - 1):
        m = gap.fullmatch(text, values[i][1], values[i + 1][0])
        ok = m is not None and fold_phrase(m.group("noun").split()[0]) not in small
        nouns.append(fold_phrase(m.group("noun")) if ok and m is not None else None)
    out: dict[int, tuple[int, int]] = {}
    first = 0
    while first < len(nouns):
        if nouns[first] is None:
            first += 1
            continue
        last = first
        while last < len(nouns) and nouns[last] is not None:
            last += 1  # values[last] is the list's last count
        tail = words_after(text, values[last][1], LIST_NOUN_WORDS, language)
        phrases = {nouns[i] for i in range(first, last)} | \
            {fold_phrase(" ".join(w.text for w in tail))}
        if tail and len(phrases) >= 2:
            out.update((i, (first, last)) for i in range(first, last + 1))
        first = last + 1
    return out


def compared(text: str, sentence: Sentence, a: tuple[int, int], b: tuple[int, int]
             ) -> str | None:
    """A comparison word between two spans ("Rp400, 18% above the IPO price")."""
    pattern = pack_pattern(sentence.language, "comparison_words")
    if pattern is None:
        return None
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    m = sentence.search(pattern, text, lo, hi, (a[0], b[0])) if lo < hi else None
    return m.group(0) if m else None


def word_gap(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many words stand between two spans (0 when they touch or overlap)."""
    if a[1] <= b[0]:
        lo, hi = a[1], b[0]
    elif b[1] <= a[0]:
        lo, hi = b[1], a[0]
    else:
        return 0
    return sum(1 for _ in WORD.finditer(text, lo, hi))


# ============================================================== ranks, pronouns, remainders


@by_language
@cache
def _rank_pattern(language: str) -> re.Pattern[str] | None:
    """A rank below the first: an ordinal by a rank noun ("second place", "posisi kedua",
    "position 3", "peringkat ke-2"), or a rank word of several parts alone ("runner-up")."""
    pack = get_pack(language)
    if not pack.rank_nouns:
        return None
    nouns = _phrases(tuple(pack.rank_nouns))
    suffixes = "|".join(re.escape(s) for s in pack.ordinal_suffixes)
    number = rf"(?:[2-9]|[1-9]\d+)(?:{suffixes})?" if suffixes else r"(?:[2-9]|[1-9]\d+)"
    words = _phrases(tuple(pack.lower_ranks) + tuple(pack.ordinal_words))
    ordinal = rf"(?:ke-?\s?)?(?:{number}|{words})"
    alone = _phrases(tuple(w for w in pack.lower_ranks if "-" in w or " " in w))
    forms = [rf"(?:{nouns})\s+(?:no\.?\s*)?{ordinal}", rf"(?:{words}|{number})\s+(?:{nouns})",
             rf"(?:{alone})"]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(forms)})(?![\w-])", re.IGNORECASE)


def lower_ranks(text: str, sentence: Sentence) -> list[re.Match[str]]:
    """The ranks below the first the sentence gives ("Quartararo in second place")."""
    pattern = _rank_pattern(sentence.language)
    return [] if pattern is None else sentence.matches(pattern, text)


def subject_pronoun(text: str, sentence: Sentence, cue_start: int,
                    values: list[tuple[int, int]]) -> str | None:
    """A personal pronoun a few words before the cue, no comma between: the cue's subject
    ("He won the race, beating …", "Dia keluar sebagai pemenang, diikuti …")."""
    return word_before(text, sentence, cue_start, values, "subject_pronouns", reach=4)


def currency_tail(text: str, pack: LanguagePack) -> str:
    """The currency symbol (and spaces) a text ends with, if any ("… up by Rp ")."""
    stripped = text.rstrip()
    for prefix in sorted(pack.currency_prefixes, key=len, reverse=True):
        if stripped.endswith(prefix):
            return text[len(stripped) - len(prefix):]
    return ""


def noun_label(text: str, sentence: Sentence, value_start: int, pack: LanguagePack
               ) -> str | None:
    """The noun that labels a number through a linking word right before it (the pack's
    ``noun_links``): "net income of US$3.76 billion", "laba bersih sebesar Rp 2 triliun" —
    not a total word ("a total of 67") nor a small word ("one of")."""
    pattern = pack_pattern(sentence.language, "noun_links",
                           r"([^\W\d_][\w-]*)\s+(?:{w})\s*$")
    if pattern is None:
        return None
    lo = max(sentence.segment(value_start)[0], value_start - 60)
    lead = text[lo:value_start]
    lead = lead[:len(lead) - len(currency_tail(lead, pack))]
    m = pattern.search(lead)
    if m is None:
        return None
    noun = m.group(1)
    folded = fold_phrase(noun)
    if folded in small_words(sentence.language) or folded in {
            fold_phrase(w) for w in pack.total_words}:
        return None
    return noun


BREAKDOWN_LABEL_WORDS = 6  # words of a label before its colon
_LABEL_LINE = re.compile(r"[ \t]*(?:(?:\d{1,2}[.)]|[-*•–])[ \t]*)?"
                         r"(?P<label>[^\W\d_][^\n:.;!?]{0,80}?)[ \t]*:[ \t]*")


def breakdown_entry(text: str, value_start: int, language: str) -> tuple[int, int] | None:
    """The label of the line the value opens after a colon — "3. Jakarta Barat: 10.586
    pengungsi", "- Sulawesi: 120" — when it is an entry of a breakdown: a label of a few
    words at the start of its line (after a list number or bullet), the value the first
    thing after its colon but for a word or two ("Rp", "sekitar"), and no total word in
    the label. The caller asks whether the claim's cue is in it. (start, end) or None."""
    line = text.rfind("\n", max(0, value_start - 160), value_start) + 1
    if line == 0 and value_start > 160:
        return None
    m = _LABEL_LINE.match(text, line, value_start)
    if m is None:
        return None
    between = text[m.end():value_start].split()
    if len(between) > 2 or any(any(c.isdigit() for c in w) for w in between):
        return None
    label = m.group("label")
    if len(label.split()) > BREAKDOWN_LABEL_WORDS:
        return None
    total = pack_pattern(language, "total_words", r"(?<![\w-])(?:{w})(?![\w-])")
    if total is not None and total.search(label):
        return None
    return m.start("label"), m.end("label")


def title_runs(text: str, lo: int, hi: int) -> list[list[tuple[int, int]]]:
    """The runs of capitalised words in ``text[lo:hi]`` (words joined by spaces only):
    each a list of word spans."""
    runs: list[list[tuple[int, int]]] = []
    last = -1
    for m in WORD.finditer(text, lo, hi):
        if not m.group(0)[0].isupper():
            last = -1
            continue
        if last >= 0 and runs and text[last:m.start()] in (" ", "\t", "\u00a0", "-"):
            runs[-1].append(m.span())
        else:
            runs.append([m.span()])
        last = m.end()
    return runs


@by_language
@cache
def compass_words(language: str) -> frozenset[str]:
    return frozenset(fold_phrase(w) for w in get_pack(language).compass_words)


@cache
def places_of(statement: str, languages: tuple[str, ...]) -> frozenset[str]:
    """The places a claim's statement puts its fact in: the capitalised words right
    after a word of ``place_prepositions`` ("31,232 evacuees in Jakarta"), folded —
    without compass words, and without a place a compass word qualifies there ("in East
    Jakarta" is already a part: no part of it is looked for)."""
    compass = frozenset().union(*(compass_words(lang) for lang in languages))
    prepositions = {fold_phrase(w) for lang in languages
                    for w in get_pack(lang).place_prepositions}
    if not compass or not prepositions:
        return frozenset()
    places: set[str] = set()
    for run in title_runs(statement, 0, len(statement)):
        before = statement[:run[0][0]].split()
        if not before or fold_phrase(before[-1]) not in prepositions:
            continue
        words = [fold_phrase(statement[a:b]) for a, b in run]
        if any(w in compass for w in words):
            continue
        places.update(w for w in words if not any(
            w in small_words(lang) for lang in languages))
    return frozenset(places)


def sub_area(text: str, sentence: Sentence, value_start: int, places: frozenset[str]
             ) -> str | None:
    """The part of a place the claim names that the value's clause counts for — "Jakarta
    Timur" in "Pengungsi di Jakarta Timur sebanyak 13.516 orang", "East Jakarta" in
    "13,516 in East Jakarta" and in a sentence that opens with it ("In East Jakarta,
    13,516 people …"): the place qualified by a compass word of the pack
    (``compass_words``). None when the clause names the place itself as well, or says a
    total (``total_words``)."""
    compass = compass_words(sentence.language)
    if not places or not compass:
        return None
    lo, hi = sentence.segment(value_start)
    total = pack_pattern(sentence.language, "total_words")
    if total is not None and total.search(text, lo, hi):
        return None
    part, whole = _place_mentions(text, (lo, hi), places, compass)
    if whole or part is not None:
        return None if whole else part
    opening = _opening_place(text, sentence)
    if opening is None or opening[0] >= lo:
        return None
    part, whole = _place_mentions(text, opening, places, compass)
    return part if not whole else None


def _place_mentions(text: str, span: tuple[int, int], places: frozenset[str],
                    compass: frozenset[str]) -> tuple[str | None, bool]:
    """(the first part of a place named in ``span``, whether a place is named whole)."""
    part, whole = None, False
    for run in title_runs(text, *span):
        words = [fold_phrase(text[a:b]) for a, b in run]
        for i, w in enumerate(words):
            if w not in places:
                continue
            if any(0 <= j < len(words) and words[j] in compass for j in (i - 1, i + 1)):
                part = part or text[run[0][0]:run[-1][1]]
            else:
                whole = True
    return part, whole


def _opening_place(text: str, sentence: Sentence) -> tuple[int, int] | None:
    """The clause segment of a place phrase that opens the sentence, after a one-word
    connective at most ("In East Jakarta, …", "Rinciannya, di wilayah Jakarta Timur, …")."""
    opening = sentence.segment(sentence.start)
    if _opens_with_place(text, opening, sentence.language):
        return opening
    if len(WORD.findall(text, *opening)) != 1 or opening[1] >= sentence.end:
        return None
    opening = sentence.segment(opening[1] + 1)
    return opening if _opens_with_place(text, opening, sentence.language) else None


def _opens_with_place(text: str, span: tuple[int, int], language: str) -> bool:
    """Whether a clause segment is a place phrase that opens its sentence ("In East
    Jakarta", "Sementara di Jakarta Barat"): a word of ``place_prepositions`` first, after
    clause words."""
    pack = get_pack(language)
    prepositions = {fold_phrase(w) for w in pack.place_prepositions}
    skip = {fold_phrase(w) for w in pack.clause_words}
    for m in WORD.finditer(text, *span):
        word = fold_phrase(m.group(0))
        if word in skip:
            continue
        return word in prepositions
    return False


@cache
def is_rate(statement: str, languages: tuple[str, ...]) -> bool:
    """Whether a claim's statement gives a rate ("Rp 150,000 per family per month", "Rp
    10.000 setiap liter"): a figure, then within a few words one of the pack's
    ``rate_words`` before a lower-case word ("per cent" is no rate, nor is "per BNPB" or
    "per 3 Januari", as of)."""
    for lang in languages:
        rate = pack_pattern(lang, "rate_words", r"\d[\d.,]*(?:\s+[^\W\d_]+){0,3}?\s+(?:{w})"
                            r"\s+(?!cent\b|hari ini\b)[a-z]")
        if rate is not None and rate.search(statement):
            return True
    return False


@cache
def span_bound(statement: str, languages: tuple[str, ...]) -> str | None:
    """Whether a date claim's statement gives the start of a span ("began", "dimulai") or
    its end ("ended", "berakhir"): "start", "end", or None; the first such verb decides
    ("began on 1 January and ran to 7 January" is a start)."""
    first: tuple[int, str] | None = None
    for lang in languages:
        for words, bound in (("start_verbs", "start"), ("end_verbs", "end")):
            pattern = pack_pattern(lang, words)
            m = pattern.search(statement) if pattern is not None else None
            if m is not None and (first is None or m.start() < first[0]):
                first = (m.start(), bound)
    return first[1] if first else None


def date_bound(text: str, sentence: Sentence, value: tuple[int, int],
               dates: Sequence[tuple[int, int]]) -> tuple[str, str] | None:
    """Whether a date opens a span ("since 1 May", "sejak Senin (1/5)", "1 hingga 7 Mei") or
    closes one ("until Wednesday (26/4)", "hingga 7 Januari", "1 to 7 May"): ("start" or
    "end", the word that says so), or None. ``dates``: the spans of the sentence's dates."""
    language = sentence.language
    lead = text[max(sentence.start, value[0] - 40):value[0]]
    for words, bound in (("since_words", "start"), ("until_words", "end")):
        pattern = _bound_before(language, words)
        m = pattern.search(lead) if pattern is not None else None
        if m is not None:
            return bound, m.group(1)
    joiner = _range_joiner(language)  # "1 Januari hingga 7 Januari", "1 to 7 May"
    if joiner is None:
        return None
    m = joiner.match(text, value[1], sentence.end)
    k = bisect_left(dates, (m.end(1), 0)) if m is not None else len(dates)
    if m is not None and k < len(dates) and dates[k][0] <= m.end():
        return "start", m.group(1)
    k = bisect_left(dates, (value[0], value[0])) - 1  # the date before it, in order
    if k >= 0 and value[0] - 40 <= dates[k][1] <= value[0]:
        m = joiner.fullmatch(text, dates[k][1], value[0])
        if m is not None:
            return "end", m.group(1)
    return None


def range_joined(text: str, first: tuple[int, int], second: tuple[int, int], language: str
                 ) -> bool:
    """Whether two dates, in this order, are the ends of one range ("July 8-10", "8 hingga
    10 Juli", "1 to 7 May"): only a range joiner stands between them."""
    joiner = _range_joiner(language)
    return joiner is not None and first[1] <= second[0] and \
        joiner.fullmatch(text, first[1], second[0]) is not None


@by_language
@cache
def _bound_before(language: str, key: str) -> re.Pattern[str] | None:
    return pack_pattern(language, key, r"(?<![\w-])({w})\s+(?:[^\W\d_]+,?\s+)?$")


@by_language
@cache
def _range_joiner(language: str) -> re.Pattern[str] | None:
    pack = get_pack(language)
    words = tuple(w for w in (*pack.until_words, *pack.period_joiners) if w.strip())
    if not words:
        return None
    return re.compile(r"\s*(" + _phrases(words) + r")\s*(?:[^\W\d_]+,?\s+)?",
                      re.IGNORECASE)


def event_day(text: str, sentence: Sentence, position: int) -> str | None:
    """A day of an event counted in its course, in the sentence before ``position`` ("on
    the first day", "until the fourth day", "day 4", "hari pertama", "hingga hari ke-4"):
    a rank or a state given there is one of that day, not the outcome."""
    pattern = _event_day(sentence.language)
    if pattern is None:
        return None
    found = sentence.matches(pattern, text)  # once a sentence: a long one stays linear
    return found[0].group(0) if found and found[0].end() <= position else None


def names_event_day(phrase: str, language: str) -> bool:
    """Whether ``phrase`` (a claim's statement) names a day of an event's course."""
    pattern = _event_day(language)
    return pattern is not None and pattern.search(phrase) is not None


@by_language
@cache
def _event_day(language: str) -> re.Pattern[str] | None:
    pack = get_pack(language)
    days = [w for w, n in pack.day_units.items() if n == 1]
    if not days:
        return None
    words = [*pack.ordinal_words, *pack.rank_words]
    suffixes = "|".join(re.escape(x) for x in pack.ordinal_suffixes)
    prefixes = "|".join(re.escape(x) for x in pack.ordinal_prefixes)
    ordinal = "|".join([*(re.escape(w) for w in sorted(words, key=len, reverse=True)),
                        *([rf"\d{{1,2}}(?:{suffixes})"] if suffixes else []),
                        *([rf"(?:{prefixes})\d{{1,2}}"] if prefixes else [])])
    day = "|".join(re.escape(w) for w in days)
    return re.compile(rf"(?<![\w-])(?:(?:{ordinal})\s+(?:{day})|(?:{day})\s+(?:{ordinal}"
                      rf"|\d{{1,2}}(?![\d.,:/]))|(?:{day})-(?:{ordinal}))(?![\w-])",
                      re.IGNORECASE)


@cache
def states_final(statement: str, languages: tuple[str, ...]) -> bool:
    """Whether a claim's statement calls its figure the last of a count that changed while
    it was reported: one of the pack's ``final_words`` ("the final death toll", "jumlah
    akhir korban")."""
    for lang in languages:
        final = pack_pattern(lang, "final_words")
        if final is not None and final.search(statement):
            return True
    return False


def running(claim: Claim) -> str | None:
    """How the count a claim gives its final value of moved while it was reported: "up",
    "down", "either", or None when it is no running count."""
    if claim.type != "quantity" or claim.running is False:
        return None
    if claim.running:
        return claim.running
    languages = tuple(sorted(claim.cues))
    if claim.settled is not None or states_final(claim.statement, languages):
        return "up"
    expected = claim.expected_value
    if expected is not None and ".." not in expected:
        return states_moved(claim.statement, expected, languages)
    return None


def statement_reading(statement: str, kind: str, expected: str, languages: tuple[str, ...]
                      ) -> tuple[str, list[Value]] | None:
    """The statement's values of ``kind`` as read in the first language (English, then
    the claim's) in which they show the expected value, so that "221,000" is not read as
    221: (the language, the values); None when none shows it."""
    for lang in dict.fromkeys(("en", *languages)):
        values = [v for v in read_values(statement, lang) if v.kind == kind]
        if any(agrees(kind, expected, v.canonical) for v in values):
            return lang, values
    return None


@cache
def states_moved(statement: str, expected: str, languages: tuple[str, ...]) -> str | None:
    """"up" or "down" when a claim's statement writes its figure as what a count rose or
    fell to ("The number of evacuees rose to 1,603", "bertambah menjadi 1.603"): the
    statement says itself that lower (higher) figures came before."""
    read = statement_reading(statement, "quantity", expected, languages)
    if read is None:
        return None
    lang, values = read
    for v in values:
        if agrees("quantity", expected, v.canonical):
            moved = count_moved(statement, 0, v.start, lang)
            if moved is not None:
                return moved[0]
    return None


MOVED_REACH = 80  # characters before a figure searched for the rise or fall that led to it


def count_moved(text: str, lo: int, value_start: int, language: str
                ) -> tuple[str, str] | None:
    """("up" or "down", the words) when the figure at ``value_start`` is what a count rose
    or fell to: one of the pack's ``rise_verbs`` / ``fall_verbs``, then (a few words on,
    inside the sentence from ``lo``) a change_to / change_to_value word and at most three
    words before the figure ("the toll rose to 15", "has risen to at least 13", "bertambah
    dari yang sebelumnya 13 orang menjadi 33", "bertambah jadi total 51")."""
    pack = get_pack(language)
    to = "|".join(re.escape(w) for w in (*pack.change_to, *pack.change_to_value))
    if not to:
        return None
    start = max(lo, value_start - MOVED_REACH)
    for direction, words_key in (("up", "rise_verbs"), ("down", "fall_verbs")):
        moved = pack_pattern(language, words_key, rf"(?<![\w-])(?:{{w}})(?![\w-])[^.;!?\n]*?"
                             rf"(?<![\w-])(?:{to})(?:\W+[^\W\d_]+){{0,3}}?\W*$")
        m = moved.search(text, start, value_start) if moved is not None else None
        if m is not None:
            return direction, " ".join(text[m.start():value_start].split())
    return None


TOTAL_LEAD = 30  # characters before an amount searched for a total word ("dari total")


def total_not_rate(text: str, sentence: Sentence, value: tuple[int, int], unit_end: int,
                   pack: LanguagePack) -> str | None:
    """What makes a figure a total rather than a rate: a total word right before it
    ("dari total Rp 600.000", "jumlahnya mencapai Rp600 ribu") or a period it is summed
    over right after it ("Rp 600 ribu selama 4 bulan", "$40 for four months")."""
    lo, hi = sentence.segment(value[0])
    clitics = "|".join(re.escape(c) for c in pack.clitics)  # "jumlahnya"
    total = pack_pattern(sentence.language, "total_words",
                         rf"(?<![\w-])(?:{{w}})(?:{clitics})?(?:\W+[^\W\d_]+){{0,1}}\W*$")
    lead = text[max(lo, value[0] - TOTAL_LEAD):value[0]]
    lead = lead[:len(lead) - len(currency_tail(lead, pack))]
    m = total.search(lead) if total is not None else None
    if m is not None:
        return m.group(0).strip()
    over = pack_pattern(sentence.language, "over_words",
                        r"(?:[ \t]+[^\W\d_]+){0,2}?[ \t]+(?:{w})[ \t]+(?:\d+|[^\W\d_]+)"
                        r"[ \t]+[^\W\d_]+")
    m = over.match(text, unit_end, hi) if over is not None else None
    if m is not None and _is_count(m.group(0).split()[-2], pack):
        return m.group(0).strip()
    return None


def _is_count(word: str, pack: LanguagePack) -> bool:
    return word.isdigit() or word.lower() in pack.numbers


REMAINDER_WORDS = 2  # words between a count (or its unit) and the word that makes it a rest


def remainder(text: str, sentence: Sentence, value: tuple[int, int], unit_end: int
              ) -> str | None:
    """A word by a count that makes it what is left ("11 laps remaining", "five laps to
    go", "menyisakan lima lap", "sisa 11 lap"): a few words before the number, or after
    its unit, in its clause segment."""
    pattern = pack_pattern(sentence.language, "remainder_words")
    if pattern is None:
        return None
    lo, hi = sentence.segment(value[0])
    before = [m.start() for m in WORD.finditer(text, max(lo, value[0] - 40), value[0])]
    start = before[-REMAINDER_WORDS] if len(before) >= REMAINDER_WORDS else (
        before[0] if before else value[0])
    m = pattern.search(text, start, value[0])
    if m is not None:
        return m.group(0)
    after = [m.end() for m in WORD.finditer(text, unit_end, min(hi, unit_end + 60))]
    end = after[min(REMAINDER_WORDS, len(after)) - 1] if after else unit_end
    m = pattern.search(text, unit_end, end)
    return m.group(0) if m is not None else None
