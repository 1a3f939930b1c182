"""One multi-pattern scan per document: every cue of every claim, every form of every
entity and term, and the signal words the active rules look for go into one Aho-Corasick
automaton over folded text, so a document is scanned once however many claims there are.

Cues also match inflected forms ("landed" for the cue "landing"), and a claim's
``keywords`` match a passage holding all of them within a few words, in any order: both
work on the words' inflection keys (``reading.inflection``) and only run on documents
that an automaton of those keys finds worth it, so most documents cost nothing more.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

import ahocorasick

from factaudit.inputs.claims import ClaimSet
from factaudit.matching.clauses import pack_pattern
from factaudit.model import Hit, HitKind
from factaudit.reading.inflection import DERIVED, WORD, key, phrase_keys, tokens
from factaudit.reading.languages import LanguagePack, get_pack
from factaudit.reading.text import fold, fold_phrase, windows, written_form

# signal-word groups of the language packs that rules may ask the scan to find
SIGNAL_GROUPS: dict[str, Callable[[LanguagePack], Iterable[str]]] = {
    "weekday": lambda pack: pack.weekdays,
    "past": lambda pack: pack.past_markers,
    "unit": lambda pack: pack.duration_units,
}

Pattern = tuple[HitKind, str, str, str | None]  # kind, item id, text as written, language


class Matcher:
    """The automaton of all cues, names, terms and signal words of a claim set."""

    def __init__(self, claims: ClaimSet, signal_languages: Iterable[str] = (),
                 signals: Iterable[str] = tuple(SIGNAL_GROUPS)) -> None:
        table: dict[str, list[Pattern]] = defaultdict(list)
        for claim in claims.claims:
            for lang, cues in claim.cues.items():
                for cue in cues:
                    table[fold_phrase(cue)].append((HitKind.CUE, claim.id, cue, lang))
        for entity in claims.entities:
            forms = [(HitKind.ENTITY_NAME, entity.name)]
            forms += [(HitKind.ENTITY_ALIAS, a) for a in entity.aliases]
            forms += [(HitKind.ENTITY_VARIANT, v) for v in entity.variants]
            forms += [(HitKind.ENTITY_OTHER, o) for o in entity.others]
            for kind, text in forms:
                table[fold_phrase(text)].append((kind, entity.item_id, text, None))
        for term in claims.terms:
            forms = [(HitKind.TERM_PREFERRED, term.preferred)]
            forms += [(HitKind.TERM_VARIANT, v) for v in term.variants]
            for kind, text in forms:
                table[fold_phrase(text)].append((kind, term.item_id, text, term.language))
        for lang in signal_languages:
            pack = get_pack(lang)
            for group in signals:
                for word in SIGNAL_GROUPS[group](pack):
                    table[fold_phrase(word)].append((HitKind.SIGNAL, group, word, lang))
        self.automaton = ahocorasick.Automaton()
        self.size = 0
        for folded_key, patterns in table.items():
            if folded_key:  # a pattern that folds to nothing would match everywhere
                self.automaton.add_word(folded_key, (len(folded_key), tuple(patterns),
                                                        _look_alike(patterns)))
                self.size += 1
        if self.size:
            self.automaton.make_automaton()
        # a term written with an enclitic of its language ("aktifitasnya"): the term's
        self.clitics: dict[str, tuple[str, ...]] = {
            term.language: tuple(sorted(get_pack(term.language).clitics, key=len,
                                        reverse=True))
            for term in claims.terms if term.language and get_pack(term.language).clitics}
        self.inflected = {lang: _Inflected(claims, lang) for lang in
                          {lang for c in claims.claims for lang in (*c.cues, *(c.keywords or {}))}}

    def scan(self, text: str, document: str = "", language: str | None = None) -> list[Hit]:
        """Whole-word hits of every pattern, with offsets in the original text; with the
        document's ``language``, also cues in other inflections and keyword passages."""
        hits = self._exact(text, document)
        inflected = self.inflected.get(language or "")
        if inflected is not None:
            seen = {(h.item, h.start) for h in hits if h.kind == HitKind.CUE}
            found: set[Hit] = set()  # stretches may overlap
            for lo, hi in inflected.windows(text):
                for h in inflected.scan(text, document, language or "", lo, hi):
                    if (h.item, h.start) not in seen and h not in found:
                        found.add(h)
                        hits.append(h)
        return hits

    def _exact(self, text: str, document: str) -> list[Hit]:
        """Whole-word hits, folding a very long text a window at a time so that its
        folded copy and offset map never need the memory of the whole text."""
        if not self.size:
            return []
        if len(text) <= SCAN_WINDOW:
            return self._exact_in(text, 0, len(text), len(text), document)
        hits: list[Hit] = []
        lo = 0
        while lo < len(text):
            hi = min(len(text), lo + SCAN_WINDOW)
            if hi < len(text):  # end between words, with room for the longest pattern
                hi = _word_end(text, hi)
            hits += self._exact_in(text, lo, min(len(text), hi + SCAN_OVERLAP), hi, document)
            lo = hi
        return hits

    def _exact_in(self, text: str, lo: int, hi: int, keep: int, document: str) -> list[Hit]:
        """Hits in ``text[lo:hi]`` that start before ``keep``, with offsets in ``text``."""
        folded = fold(text[lo:hi])
        ft = folded.text
        hits: list[Hit] = []
        for end_index, (length, patterns, alike) in self.automaton.iter(ft):
            start_index = end_index - length + 1
            if start_index > 0 and ft[start_index - 1] != " ":
                continue
            if end_index + 1 < len(ft) and ft[end_index + 1] != " ":
                patterns = self._with_clitic(patterns, ft, end_index + 1)
                if not patterns:
                    continue
            start, end = folded.span(start_index, end_index + 1)
            if lo + start >= keep:
                continue  # the next window's
            if start == 0 and lo > 0 and not text[lo - 1].isspace():
                continue  # not the start of a word in the whole text
            if alike:
                patterns = _as_written(patterns, alike, text[lo + start:lo + end])
            hits.extend(Hit(kind, item, lo + start, lo + end, written, lang, document)
                        for kind, item, written, lang in patterns)
        return hits


    def _with_clitic(self, patterns: tuple[Pattern, ...], ft: str, at: int
                     ) -> tuple[Pattern, ...]:
        """The term patterns of a match that goes on with an enclitic of the term's
        language and then ends ("aktifitas" in "aktifitasnya"); none for other words."""
        if not self.clitics:
            return ()
        return tuple(p for p in patterns if p[0] in _TERMS and p[3] in self.clitics and any(
            ft.startswith(c, at) and (at + len(c) == len(ft) or ft[at + len(c)] == " ")
            for c in self.clitics[p[3]]))


_VARIANTS = (HitKind.ENTITY_VARIANT, HitKind.TERM_VARIANT)
_TERMS = (HitKind.TERM_PREFERRED, HitKind.TERM_VARIANT)


def _look_alike(patterns: list[Pattern]) -> frozenset[str]:
    """Items that have a variant and a correct form folding to the same text ("Boeing-737"
    and "Boeing 737", "Erdogan" and "Erdoğan"), or two forms of one kind that do
    ("Biofarma" and "BioFarma"): their hits are told apart as written."""
    variants = {p[1] for p in patterns if p[0] in _VARIANTS}
    correct = {p[1] for p in patterns if p[0] not in _VARIANTS}
    twins = {item for (_, item, _), n in Counter((p[0], p[1], p[3]) for p in patterns).items()
             if n > 1}
    return frozenset((variants & correct) | twins)


def _as_written(patterns: tuple[Pattern, ...], alike: frozenset[str], found: str
                ) -> list[Pattern]:
    """The patterns of a hit, keeping for each look-alike item only the forms written as
    found (letter case and spacing aside), or its correct forms when none is; and one form
    of each kind and language, the one written exactly as found if any (one occurrence of "Biofarma"
    is not also one of the variant "BioFarma")."""
    shown = written_form(found)
    out = [p for p in patterns if p[1] not in alike]
    for item in sorted(alike):
        mine = [p for p in patterns if p[1] == item]
        exact = [p for p in mine if written_form(p[2]) == shown]
        kept = exact or [p for p in mine if p[0] not in _VARIANTS]
        for kind, lang in dict.fromkeys((p[0], p[3]) for p in kept):
            same = [p for p in kept if p[0] == kind and p[3] == lang]
            out.append(next((p for p in same if p[2] == found), same[0]))
    return out


KEYWORD_REACH = 12  # words: how far apart the keywords of a passage may stand


class _Inflected:
    """Cues matched by the keys of their words, and keyword sets, for one language."""

    def __init__(self, claims: ClaimSet, language: str) -> None:
        self.language = language
        # first key of a cue → (all its keys, which of its words are not their own base
        # form, (claim id, cue as written))
        self.cues: dict[str, list[tuple[tuple[str, ...], tuple[bool, ...], tuple[str, str]]]] \
            = defaultdict(list)
        self.keywords: list[tuple[str, frozenset[str], str]] = []
        vocabulary: set[str] = set()  # one anchor word's key per cue and keyword set
        reach: dict[str, int] = {}  # anchor → characters to read on either side of it
        stop = {fold_phrase(w) for w in get_pack(language).stopwords}
        for claim in claims.claims:
            for cue in claim.cues.get(language, []):
                keys = phrase_keys(cue, language)
                if keys:
                    inflected = tuple(fold_phrase(w.group(0)).replace(" ", "") != k
                                      for w, k in zip(WORD.finditer(cue), keys, strict=True))
                    self.cues[keys[0]].append((keys, inflected, (claim.id, cue)))
                    anchor = _anchor(keys, stop)
                    vocabulary.add(anchor)
                    # a cue's words stand together: its window need only hold the cue,
                    # its words inflected (longer than written) included
                    reach[anchor] = max(reach.get(anchor, 0), min(WINDOW_CHARS,
                                                                  CUE_SLACK + 3 * len(cue)))
            words = (claim.keywords or {}).get(language, [])
            wanted = frozenset(k for w in words for k in phrase_keys(w, language))
            if len(wanted) >= 2:
                self.keywords.append((claim.id, wanted, "keywords: " + ", ".join(words)))
                anchor = _anchor(tuple(sorted(wanted)), stop)
                vocabulary.add(anchor)
                reach[anchor] = WINDOW_CHARS  # keywords may stand KEYWORD_REACH words apart
        self.vocabulary = frozenset(vocabulary)
        self.relevant: dict[str, bool] = {}  # word as found → its key is a cue's or keyword's
        self.gate = ahocorasick.Automaton()
        stems: dict[str, int] = {}
        for k in vocabulary:
            stem = k.rsplit(DERIVED, 1)[-1]  # a stem: found inside its derived words
            if len(stem) >= 3:
                stems[stem] = max(stems.get(stem, 0), reach[k])
        for stem, chars in stems.items():
            self.gate.add_word(stem, chars)
        self.empty = not self.cues and not self.keywords
        # the keys each cue and keyword set needs, all of them, anywhere in a window
        self.needed = sorted({frozenset(keys) for entries in self.cues.values()
                              for keys, _, _ in entries} | {w for _, w, _ in self.keywords},
                             key=len)
        self.keyed: dict[str, str] = {}  # word as written → key
        if len(self.gate):
            self.gate.make_automaton()

    def windows(self, text: str) -> list[tuple[int, int]]:
        """The stretches of the text around a key (a cheap first pass in compiled code):
        only these are split into words and keyed, so a long document with a cue word
        in two places costs two small windows, not the whole text."""
        if self.empty or not len(self.gate):
            return []
        out: list[tuple[int, int]] = []
        for base, top in windows(text):  # lower case a piece at a time: no copy of it all
            folded = text[base:top].lower()
            if len(folded) != top - base:  # a letter whose lower case is longer: read it
                if next(self.gate.iter(folded), None):
                    out += [(lo, min(top, lo + STRETCH)) for lo in range(base, top, STRETCH)]
                continue
            for end, chars in self.gate.iter(folded):
                if not self._relevant_word(folded, end):
                    continue  # "lan" of "land" inside "island": no cue word here
                lo = max(0, base + end - chars)
                hi = min(len(text), base + end + chars)
                if out and lo <= out[-1][1] and hi - out[-1][0] <= STRETCH:
                    out[-1] = (out[-1][0], hi)
                elif not out or hi > out[-1][1]:
                    out.append((lo, hi))  # a new stretch (overlapping a full one)
        # start and end between words, so no word is cut in two
        return [(_word_start(text, lo), _word_end(text, hi)) for lo, hi in out]

    def _relevant_word(self, folded: str, end: int) -> bool:
        """Whether the word of ``folded`` holding position ``end`` (where the gate found a
        stem) has the key of a cue's or keyword's word: most gate hits are a stem inside
        another word, and a word's answer is remembered for the next document."""
        lo = end
        while lo > 0 and end - lo < 200 and (folded[lo - 1].isalnum()
                                             or "\u0300" <= folded[lo - 1] <= "\u036f"):
            lo -= 1
        m = WORD.match(folded, lo)
        if m is None:
            return True  # no word at the start (a mark first): read the window
        word = m.group(0)
        answer = self.relevant.get(word)
        if answer is None:
            answer = key(word, self.language) in self.vocabulary
            if len(self.relevant) < RELEVANT_MEMO:
                self.relevant[word] = answer
        return answer

    def _possible(self, text: str, lo: int, hi: int | None) -> bool:
        """Whether every word of some cue or keyword set stands in ``text[lo:hi]`` (its
        distinct words keyed, each once per process): a window around an anchor word
        holds a whole cue far less often than it holds that word."""
        present = set()
        memo = self.keyed
        for word in set(WORD.findall(text, lo, len(text) if hi is None else hi)):
            k = memo.get(word)
            if k is None:
                k = key(word, self.language)
                if len(memo) < RELEVANT_MEMO:
                    memo[word] = k
            present.add(k)
        return any(needed <= present for needed in self.needed)

    def scan(self, text: str, document: str, language: str, lo: int = 0,
             hi: int | None = None) -> list[Hit]:
        if not self._possible(text, lo, hi):
            return []
        words = tokens(text, lo, hi, language=language)
        keys = [k for _, _, k in words]
        hits: list[Hit] = []
        for i, k in enumerate(keys):
            for cue_keys, inflected, (item, cue) in self.cues.get(k, ()):
                last = i + len(cue_keys) - 1
                if last < len(keys) and tuple(keys[i:last + 1]) == cue_keys and \
                        not _sentence_end_between(text, words[i][1], words[last][0]) and \
                        not _bare_for_inflected(text, words[i:last + 1], inflected):
                    hits.append(Hit(HitKind.CUE, item, words[i][0], words[last][1], cue,
                                    language, document))
        present = set(keys)
        for item, wanted, label in self.keywords:
            if wanted <= present:
                hits += _keyword_hits(text, words, item, wanted, label, document, language)
        return hits


def _anchor(keys: tuple[str, ...], stop: set[str]) -> str:
    """The word a cue or keyword set is looked for by: every one of its words must be
    there, so the one least likely to stand anywhere else will do — the longest that is
    no small word of the language ("Rusia" rather than "dan")."""
    return max(keys, key=lambda k: (k not in stop, len(k.rsplit(DERIVED, 1)[-1])))


RELEVANT_MEMO = 500_000  # distinct words remembered per language and claim set
WINDOW_CHARS = 400  # around a keyword: more than KEYWORD_REACH words on either side
CUE_SLACK = 40  # characters beyond three times a cue's length around its anchor word
STRETCH = 200_000  # characters split into words at a time, however many keys stand close
SCAN_WINDOW = 1_000_000  # characters folded at a time in a very long text
_SPACE = re.compile(r"\s")
SCAN_OVERLAP = 8_000  # more than any cue, name or term is long


def _word_start(text: str, position: int) -> int:
    stop = max(0, position - 200)  # no word is longer: a text without spaces stays linear
    while position > stop and not text[position - 1].isspace():
        position -= 1
    return position


def _word_end(text: str, position: int) -> int:
    space = _SPACE.search(text, position)  # compiled: a text without spaces stays linear
    return space.start() if space else len(text)


def _bare_for_inflected(text: str, words: list[tuple[int, int, str]],
                        inflected: tuple[bool, ...]) -> bool:
    """Whether a word in its base form stands where the cue has an inflected one: the
    noun "land" is not the cue "landing", though "landed" is."""
    return any(cue_inflected and fold_phrase(text[s:e]).replace(" ", "") == k
               for (s, e, k), cue_inflected in zip(words, inflected, strict=True))


def _keyword_hits(text: str, words: list[tuple[int, int, str]], item: str,
                  wanted: frozenset[str], label: str, document: str,
                  language: str) -> list[Hit]:
    """The shortest passages holding every keyword, within KEYWORD_REACH words and with no
    sentence end between: each one a cue hit spanning them. One pass over the words."""
    windows: list[tuple[int, int]] = []  # the shortest window ending at each keyword
    last_seen: dict[str, int] = {}
    # ", and", ", dan", ";": where a second clause joins the first; keywords on both
    # sides speak of two things ("the 5th time I watched the final, and the Thomas Cup…")
    joined = pack_pattern(language, "clause_words", r";|,\s*(?:{w})(?![\w-])")
    for j, (_, _, k) in enumerate(words):
        if k not in wanted:
            continue
        last_seen[k] = j
        if len(last_seen) == len(wanted):
            first = min(last_seen.values())
            if j - first <= KEYWORD_REACH and not _sentence_end_between(
                    text, words[first][1], words[j][0]) and (
                    not (joined or _SEMICOLON).search(text, words[first][1], words[j][0])):
                windows.append((first, j))
    # the shortest windows first, none overlapping another taken
    taken: list[tuple[int, int]] = []
    for first, last in sorted(windows, key=lambda w: (w[1] - w[0], w[0])):
        if all(last < a or b < first for a, b in taken):
            taken.append((first, last))
    return [Hit(HitKind.CUE, item, words[a][0], words[b][1], label, language, document)
            for a, b in sorted(taken)]


_SEMICOLON = re.compile(";")  # a pack without clause words
_END = re.compile(r"[.!?]\s+[A-Z\"“]|\n\s*\n")


def _sentence_end_between(text: str, start: int, end: int) -> bool:
    return start < end and _END.search(text, start, end) is not None
