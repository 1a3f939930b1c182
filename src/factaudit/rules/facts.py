"""The built-in facts: what many documents contribute to corpus-wide decisions.

- ``NEAR_MISSES``: the places of words within two edits of a word of an entity's name or
  of a term, with what the decisions need around them (the words beside a name word,
  whether it opens a sentence, an invisible character beside it), and how often and in
  which case the corpus writes those forms. name-typo, term-misspelling and spelling
  decide on them over the whole corpus.
- ``COPIES``: the checkable facts of each document that speaks to a claim (numbers and
  dates written with digits, entities named) and its declared translation: which
  documents are translations or copies of one another.

Each is computed once per document however many rules need it, and cached with it.
"""

from __future__ import annotations

from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from rapidfuzz.distance import OSA
from rapidfuzz.process import cdist

from factaudit.inputs.claims import ClaimSet
from factaudit.matching.copies import Shape, find_pairs, groups, shape
from factaudit.model import DocumentInfo, HitKind, SourcePair, ValueKind
from factaudit.reading.languages import by_language, get_pack
from factaudit.reading.lexicon.edits import (
    TOKEN,
    allowed_edits,
    context_edits,
    describe_difference,
    is_swap,
    match_case,
    phrase_edits,
)
from factaudit.reading.lexicon.frequency import zipf
from factaudit.reading.lexicon.hunspell import dictionary_words
from factaudit.reading.lexicon.scripts import is_mixed_script
from factaudit.reading.lexicon.tokens import (
    ASCII_TOKEN,
    DocTokens,
    grams_one_word_off,
    in_address,
    is_initial,
    joins,
    neighbours_by_side,
    occurrence_pattern,
    passage_tokens,
    sentence_initial,
    spelled_out,
    tokens_around,
    touches_invisible,
)
from factaudit.reading.text import content_end, fold_phrase, is_hard_wrapped, windows
from factaudit.reading.values.quantity import as_written
from factaudit.rules.api import Fact, Report, RuleContext, Verdict

# ================================================================ what the claims declare


def words(phrase: str) -> list[str]:
    """The folded words of a phrase ("Dewi L.P. Kartika" → dewi, l, p, kartika)."""
    return [fold_phrase(m.group(0)).replace(" ", "") for m in TOKEN.finditer(phrase)]


def known_words(claims: ClaimSet) -> set[str]:
    """Folded words that are never typos: every entity form (others included), every term
    form and the vocabulary."""
    forms = [f for e in claims.entities for f in (*e.correct_forms(), *e.variants, *e.others)]
    forms += [f for t in claims.terms for f in (t.preferred, *t.variants)]
    return {w for p in [*forms, *claims.vocabulary] for w in words(p)}


def known_phrases(claims: ClaimSet) -> set[str]:
    phrases = {" ".join(words(f)) for t in claims.terms for f in (t.preferred, *t.variants)}
    phrases |= {" ".join(words(f)) for e in claims.entities
                for f in (*e.correct_forms(), *e.variants, *e.others)}
    return phrases


VOCABULARY = ""  # the "entity" of the claims' vocabulary words among the name targets


def name_targets(claims: ClaimSet) -> tuple[dict[str, list[tuple[str, str]]], dict[str, set[str]]]:
    """Words of names (4+ letters, or acronyms of 3 written in capitals) → [(entity id, word
    as written)], and each entity's folded words. The vocabulary's names and acronyms
    (words declared with a capital) are targets too, of the entity ``VOCABULARY``."""
    targets: dict[str, list[tuple[str, str]]] = defaultdict(list)
    entity_words: dict[str, set[str]] = {}

    def add(e: str, written: str, found: set[str]) -> None:
        folded = fold_phrase(written).replace(" ", "")
        if len(folded) >= 2:
            found.add(folded)
        if (folded.isalpha() and (len(folded) >= 4 or (len(folded) == 3 and written.isupper()))
                and (e, written) not in targets[folded]):
            targets[folded].append((e, written))

    for entity in claims.entities:
        e = entity.item_id
        found: set[str] = set()
        for form in (*entity.correct_forms(), *entity.variants):
            for m in TOKEN.finditer(form):
                add(e, m.group(0), found)
        entity_words[e] = found
    vocabulary: set[str] = set()
    for phrase in claims.vocabulary:
        tokens = list(TOKEN.finditer(phrase))
        if len(tokens) == 1 and tokens[0].group(0)[:1].isupper() and \
                fold_phrase(tokens[0].group(0)).replace(" ", "") not in targets:
            # (a word that is already an entity's is that entity's: listed in the
            # vocabulary too, it must not make its near-misses ambiguous and unreported)
            add(VOCABULARY, tokens[0].group(0), vocabulary)
    entity_words[VOCABULARY] = set()
    return dict(targets), entity_words


TermGroups = dict[tuple[int, str | None], tuple[list[str], list[str]]]


def term_groups(claims: ClaimSet) -> TermGroups:
    """(number of words, language) → (ids of the terms checked, their folded forms)."""
    members: dict[tuple[int, str | None], list[str]] = defaultdict(list)
    for term in claims.terms:
        if term.misspellings and words(term.preferred):
            members[(len(words(term.preferred)), term.language)].append(term.item_id)
    return {key: (ids, sorted({" ".join(words(claims.term(t).preferred)) for t in ids}))
            for key, ids in members.items()}


def pairs(candidates: list[str], targets: list[str], cutoff: int) -> list[tuple[int, int, int]]:
    """(candidate index, target index, OSA distance) of every pair within ``cutoff``,
    computed in one call of compiled code."""
    if not candidates or not targets:
        return []
    matrix = cdist(candidates, targets, scorer=OSA.distance, score_cutoff=cutoff, workers=1)
    rows, cols = (matrix <= cutoff).nonzero()
    return [(int(r), int(c), int(matrix[r, c])) for r, c in zip(rows, cols, strict=True)]


# ================================================================ near-misses


@dataclass(frozen=True, slots=True)
class Place:
    """One occurrence of a word within two edits of a word of a name."""

    form: str  # folded
    doc_id: str
    start: int
    end: int
    found: str
    near: frozenset[str]  # folded words beside it in the same name
    initial: bool  # it opens a sentence, a line or a heading
    invisible: bool  # an invisible character stands beside it
    address: bool = False  # it is part of a web address, e-mail, handle, hashtag or file name
    cut_off: bool = False  # the last word of a text that ends without punctuation
    beside: frozenset[str] = frozenset()  # folded capitalised words right beside it
    before: frozenset[str] = frozenset()  # the words of ``near`` that stand before it
    # the capitalised words in a row right after it, up to three ("Windi Cahya Untung":
    # a full name goes on)
    capitals_after: tuple[str, ...] = ()
    # an acronym the document spells out beside it ("Gerakan … Indonesia (GAMKI)")
    spelled_out: bool = False
    # the name's word this word starts with, the rest a common word: a space missing
    # ("Wayan Kosterin which …")
    glued: str = ""


@dataclass(frozen=True, slots=True)
class Gram:
    """One occurrence of a word n-gram within two edits of a term."""

    form: str
    size: int
    group_language: str | None  # the term group's language (None: every language)
    language: str  # the document's
    doc_id: str
    start: int
    end: int
    found: str
    invisible: bool
    cut_off: bool = False  # it ends the text, which ends without punctuation (cut off)
    initial: bool = False  # it opens a sentence (or a line)
    # it opens a run of words in title case whose next word is an everyday word of the
    # language ("tentang Penetaan Hasil Hisab"): its capital is the title's, not a name's
    titled: bool = False
    # beside a capitalised word that the language's dictionary knows in lower case, one
    # joining word ("dan") apart at most ("Pemadam Kebakran", "Rehabilitasi dan
    # Rekontruksi"): the capitals of a body's or a heading's words, not of a name
    phrased: bool = False


@dataclass(eq=False)  # compared by identity: decisions are kept per merged value
class NearMisses:
    places: list[Place] = field(default_factory=list)
    grams: list[Gram] = field(default_factory=list)
    lower: set[str] = field(default_factory=set)  # candidate forms written in lower case
    count: Counter[str] = field(default_factory=Counter)  # candidate forms → occurrences
    correct: set[tuple[str, str]] = field(default_factory=set)  # (document, name word) written

    def __bool__(self) -> bool:
        return bool(self.places or self.grams)


@dataclass
class _Setup:
    """What collection needs from the claims, built once per claim set and process, and
    the near-miss answers for every word form seen (memoised across documents)."""

    targets: list[str]
    target_set: set[str]
    known: set[str]
    groups: TermGroups
    phrases: set[str]
    name_words: set[str]  # every folded word of every entity's forms
    # each multi-word term's words: (group, word, the term's other words)
    term_words: list[tuple[tuple[int, str | None], str, frozenset[str]]] = \
        field(default_factory=list)
    fold: dict[str, str] = field(default_factory=dict)
    common: dict[tuple[str, str], float] = field(default_factory=dict)  # Zipf frequencies
    known_word: dict[tuple[str, str], bool] = field(default_factory=dict)
    lower_word: dict[tuple[str, str], bool] = field(default_factory=dict)
    name: _Memo = field(default_factory=lambda: _Memo())
    term: dict[object, _Memo] = field(default_factory=dict)
    # (form, language) → the name's word it starts with when the rest is a common word of
    # the language ("kosterin": koster + in), else "" (memoised across documents)
    glued: dict[tuple[str, str], str] = field(default_factory=dict)
    by_length: dict[int, set[str]] = field(default_factory=dict)  # name words that can take it
    # name words declared in lower case, parts after a hyphen ("seok" in Lee Joon-seok): a
    # near-miss of one in lower case is located though it is a common word
    lower_parts: frozenset[str] = frozenset()


@dataclass
class _Memo:
    """The forms already asked about, and those of them that are near a target."""

    asked: set[str] = field(default_factory=set)
    near: set[str] = field(default_factory=set)


T = TypeVar("T")


def for_claims(store: OrderedDict[int, tuple[ClaimSet, Any]], claims: ClaimSet,
               build: Callable[[ClaimSet], T]) -> T:
    """A value computed once per claim set and kept with the claim set itself: a new claim
    set that is given the id of a freed one never sees the freed one's value."""
    hit = store.get(id(claims))
    if hit is not None and hit[0] is claims:
        return hit[1]
    value = build(claims)
    store[id(claims)] = (claims, value)
    while len(store) > 4:
        store.popitem(last=False)
    return value


_SETUPS: OrderedDict[int, tuple[ClaimSet, Any]] = OrderedDict()


def _build_setup(claims: ClaimSet) -> _Setup:
    targets, entity_words = name_targets(claims)
    groups = term_groups(claims)
    term_words = []
    for (size, language), (_, preferred) in groups.items():
        if size == 1:
            continue
        for p in preferred:  # all words of the term but one, and a near-miss of that one
            term_words_ = p.split()
            for k, word in enumerate(term_words_):
                if len(word) >= 3:
                    term_words.append(((size, language), word,
                                       frozenset(term_words_[:k] + term_words_[k + 1:])))
    by_length: dict[int, set[str]] = {}
    for t in targets:
        if len(t) >= GLUED_MIN and t.isalpha():
            by_length.setdefault(len(t), set()).add(t)
    lower_parts = frozenset(t for t, forms in targets.items()
                            if any(written[:1].islower() for _, written in forms))
    return _Setup(sorted(targets), set(targets), known_words(claims), groups,
                  known_phrases(claims), set().union(*entity_words.values()), term_words,
                  by_length=by_length, lower_parts=lower_parts)


def _setup(claims: ClaimSet) -> _Setup:
    return for_claims(_SETUPS, claims, _build_setup)


def collect_near_misses(ctx: RuleContext) -> NearMisses:
    """The near-misses of names and terms in one document."""
    doc = ctx.document
    s = _setup(ctx.claims)
    text = doc.text
    tail = content_end(text)  # a word ending there may be cut off
    token = ASCII_TOKEN if text.isascii() else TOKEN
    seen: Counter[str] = Counter()  # words as written → occurrences, a window at a time
    for lo, hi in windows(text):
        seen.update(token.findall(text, lo, hi))
    memo = s.fold  # set operations and comprehensions: most words were seen before
    for w in [w for w in seen if w not in memo]:  # (a keys view's "-" would walk memo)
        memo[w] = fold_phrase(w).replace(" ", "")
    forms = {w: memo[w] for w in seen}
    unique = set(forms.values())
    # near-misses within the most edits a decision could accept for that target
    names = (_near(s.name, unique, s.targets, s.known, name_budget) if s.targets else set())
    glued = _glued(s, {f for w, f in forms.items() if w[:1].isupper()}, doc.language)
    names |= glued.keys()
    unigram_terms: set[str] = set()
    for (size, language), (_, preferred) in s.groups.items():
        if size == 1 and not (language and language != doc.language):
            unigram_terms |= _near(s.term.setdefault(language, _Memo()), unique, preferred,
                                   s.known, allowed_edits)
    anchors: set[str] = set()  # near-misses of a word of a term whose other words are here
    for (_, language), word, others in s.term_words:
        if (not language or language == doc.language) and others <= unique:
            anchors |= _near(s.term.setdefault(("word", word), _Memo()), unique, [word],
                             set(), phrase_edits)
    data = NearMisses()
    named = unique & s.target_set  # the name words the document writes as declared
    data.correct = {(doc.id, f) for f in named}
    candidates = names | unigram_terms
    if candidates:
        written = {w: f for w, f in forms.items() if f in candidates}
        data.lower = {f for w, f in written.items() if w[:1].islower()}
        for w, f in written.items():
            data.count[f] += seen[w]
        # a common word in lower case is never a name's typo (name-typo's rules): its
        # occurrences are not located, which would cost a passage each ("selama" near a
        # name's word, in every other Indonesian text)
        located = {w: f for w, f in written.items()
                   if f in unigram_terms or not w[:1].islower()
                   or not _common(s, f, doc.language) or _near_lower_part(s, f)}
        # judged on the first lines: a very long text is never split whole
        wrapped = bool(located) and is_hard_wrapped(text[:WRAP_SAMPLE])
        for start, end, word, tokens, i in (_occurrences(doc.id, doc.language, text, located,
                                                         s.fold, wrapped) if located else ()):
            f = written[word]
            invisible = touches_invisible(tokens, i, i)
            if f in names:
                before, after = neighbours_by_side(tokens, i)
                # a word a dictionary knows is a name's typo only beside a word of a
                # name or a near-miss of one (name-typo's rules): alone, it is not kept
                # ("Selama" opening a sentence, near a name's word, in every other
                # Indonesian text)
                alone = s.name_words.isdisjoint(before + after) and names.isdisjoint(
                    before + after)
                if not (alone and _in_dictionary(s, f, doc.language)
                        and not _named_here(f, named)):
                    data.places.append(Place(f, doc.id, start, end, word,
                                             frozenset(before + after),
                                             sentence_initial(text, start), invisible,
                                             in_address(text, start, end),
                                             end >= tail,
                                             capitalised_beside(tokens, i),
                                             frozenset(before),
                                             capitalised_after(tokens, i),
                                             word.isupper() and spelled_out(text, start, end),
                                             glued.get(f, "")))
            if f in unigram_terms and f not in s.known:
                initial = sentence_initial(text, start)  # once, whatever the term groups
                titled = _titled(s, tokens, i, doc.language)
                phrased = word[:1].isupper() and _in_phrase(s, tokens, i, doc.language)
                for (size, language), _ in s.groups.items():
                    if size == 1 and (not language or language == doc.language):
                        data.grams.append(Gram(f, 1, language, doc.language, doc.id, start,
                                               end, word, invisible, end >= tail, initial,
                                               titled, phrased))
    if anchors:
        tokens = tokens_around(doc.id, doc.language, text,
                               {w for w, f in forms.items() if f in anchors}, s.fold)
        for (size, language), (_, preferred) in s.groups.items():
            if size == 1 or (language and language != doc.language):
                continue
            for gram, where in grams_one_word_off(tokens, preferred).items():
                if not _one_word_off(gram, preferred):
                    continue
                if (gram in s.phrases or not gram.replace(" ", "").isalpha()
                        or is_mixed_script(gram)):
                    continue
                for i in where:
                    start, end = tokens.starts[i], tokens.ends[i + size - 1]
                    data.grams.append(Gram(gram, size, language, doc.language, doc.id, start,
                                           end, text[start:end],
                                           touches_invisible(tokens, i, i + size - 1),
                                           end >= tail))
    return data


def _near_lower_part(s: _Setup, form: str) -> bool:
    """Whether ``form`` is one edit from a name's part declared in lower case."""
    return any(OSA.distance(form, t, score_cutoff=1) <= 1 for t in s.lower_parts)


NAMED_HERE_LETTERS = 7  # a name's word this long, written in a document, makes a word
# one edit from it there a typo candidate even when a dictionary knows it as a name


def _named_here(form: str, written: set[str]) -> bool:
    """A word of a name that the document writes is one edit from ``form`` ("Muhajir"
    after "Muhadjir Effendy"): the same person, misspelled, more likely than another."""
    return any(len(t) >= NAMED_HERE_LETTERS and t[:1] == form[:1]
               and OSA.distance(form, t, score_cutoff=1) <= 1 for t in written)


TITLE_ZIPF = 5.0  # how common the next word must be for a capital to be a title's
TITLE_RUN = 3  # capitalised words in a row, from the word on, that make a title-case run


def _titled(s: _Setup, tokens: DocTokens, i: int, language: str) -> bool:
    """Token ``i`` opens a run of capitalised words and the one right after it is an
    everyday word of the language ("Penetaan Hasil Hisab Ramadan"): a heading or the
    title of a regulation, where every word has a capital, not a name."""
    run = range(i, i + TITLE_RUN)
    if run[-1] >= len(tokens.starts) or not all(
            tokens.text[tokens.starts[k]].isupper() for k in run) or not all(
            joins(tokens, tokens.ends[k - 1], tokens.starts[k]) for k in run[1:]):
        return False
    return _common(s, tokens.forms[i + 1], language, TITLE_ZIPF)


def _in_phrase(s: _Setup, tokens: DocTokens, i: int, language: str) -> bool:
    """Token ``i`` has a capitalised neighbour (a joining word of the pack may stand
    between) that the language's dictionary knows as a lower-case word: a title-case
    phrase ("Pemadam Kebakran", "Rehabilitasi dan Rekontruksi"), where a capital says
    nothing about a name ("Rina Kesejahtaran": no dictionary knows "rina")."""
    joiners, honorifics = _phrase_words(language)
    last = len(tokens.starts) - 1
    if i > 0 and tokens.forms[i - 1] in honorifics:
        return False  # "Bapak Penetaan": a name
    for step in (-1, 1):
        k, near = i + step, i
        if 0 <= k <= last and tokens.forms[k] in joiners and \
                tokens.text[tokens.starts[k]].islower():
            near, k = k, k + step
        if not 0 <= k <= last:
            continue
        lo, hi = sorted((k, near))
        if not all(joins(tokens, tokens.ends[a], tokens.starts[a + 1])
                   for a in range(min(lo, i), max(hi, i))):
            continue
        neighbour = tokens.text[tokens.starts[k]:tokens.ends[k]]
        if neighbour[:1].isupper() and not neighbour.isupper() and _lower_word(
                s, tokens.forms[k], language):
            return True
    return False


@by_language
@cache
def _phrase_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The pack's list joiners and honorifics, folded (once a language)."""
    pack = get_pack(language)
    return (frozenset(fold_phrase(w) for w in pack.list_joiners),
            frozenset(fold_phrase(w) for w in pack.honorifics))


def _lower_word(s: _Setup, form: str, language: str) -> bool:
    """A Hunspell dictionary of the language knows the form in lower case (memoised)."""
    key = (form, language)
    answer = s.lower_word.get(key)
    if answer is None:
        answer = s.lower_word[key] = dictionary_words({form}, [language]).get(form, False)
    return answer


def _in_dictionary(s: _Setup, form: str, language: str) -> bool:
    """A Hunspell dictionary of the language knows the form, as a word or a name
    (memoised per claim set and process)."""
    key = (form, language)
    answer = s.known_word.get(key)
    if answer is None:
        answer = s.known_word[key] = dictionary_words({form}, [language], names=True).get(
            form, False)
    return answer


COMMON_ZIPF = 3.0  # Zipf frequency from which a word is common in a language


def _common(s: _Setup, form: str, language: str, threshold: float = COMMON_ZIPF) -> bool:
    key = (form, language)
    frequency = s.common.get(key)
    if frequency is None:
        frequency = s.common[key] = zipf(form, language)
    return frequency >= threshold


GLUED_ZIPF = 5.5  # how common the rest of a word must be to be a word run into a name's
GLUED_MIN = 4  # letters of a name's word that can have the next word run into it


def _glued(s: _Setup, forms: set[str], language: str) -> dict[str, str]:
    """The forms that are a name's word with a common word of the language run into it
    ("kosterin", "pranowoalso"), each with that name's word."""
    out = {}
    for f in forms:
        key = (f, language)
        got = s.glued.get(key)
        if got is None:
            got = s.glued[key] = next(
                (f[:n] for n, words in s.by_length.items() if len(f) >= n + 2
                 and f[:n] in words and f[n:].isalpha() and f not in s.target_set
                 and zipf(f[n:], language) >= GLUED_ZIPF), "")
        if got:
            out[f] = got
    return out


WRAP_SAMPLE = 20_000  # characters of a text read to tell whether it is hard-wrapped


def _occurrences(doc_id: str, language: str, text: str, written: dict[str, str],
                 fold_memo: dict[str, str], wrapped: bool = True
                 ) -> Iterator[tuple[int, int, str, DocTokens, int]]:
    """(start, end, word, tokens, i) of each occurrence of the ``written`` words, with the
    tokens of the passage around it (enough to see the words beside it) and its index."""
    for m in occurrence_pattern(written).finditer(text):
        lo, hi = max(0, m.start() - 120), min(len(text), m.end() + 120)
        tokens = passage_tokens(doc_id, language, text, [(lo, hi)], fold_memo, wrapped)
        i = next((k for k, start in enumerate(tokens.starts) if start == m.start()), -1)
        if i < 0 or tokens.ends[i] != m.end():
            continue  # part of a longer token
        yield m.start(), m.end(), m.group(0), tokens, i


def capitalised_beside(tokens: DocTokens, i: int) -> frozenset[str]:
    """The folded words right before and after token ``i`` (with only spaces, an initial's
    full stop or one line break between) that are written with a capital: the rest of a
    name. A full stop after a word ends its sentence: "… Fabrizio. Kluiver" is no name."""
    out = set()
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens.starts):
            lo, hi = ((tokens.ends[j], tokens.starts[i]) if j < i
                      else (tokens.ends[i], tokens.starts[j]))
            gap = tokens.text[lo:hi]
            first = min(i, j)  # a full stop between ends a sentence, unless after an initial
            if joins(tokens, lo, hi) and tokens.text[tokens.starts[j]].isupper() and (
                    "." not in gap or is_initial(tokens.text[tokens.starts[first]:
                                                             tokens.ends[first]])):
                out.add(tokens.forms[j])
    return frozenset(out)


CAPITALS_AFTER = 3  # capitalised words after a near-miss looked at


def capitalised_after(tokens: DocTokens, i: int) -> tuple[str, ...]:
    """The folded words written in title case in a row right after token ``i`` (only
    spaces or one line break between, no full stop): the rest of a name it opens. None
    after a word in capitals, whose neighbours in capitals say nothing ("MENTERI SUTRBISNO
    MENEKANKAN BAHWA")."""
    out: list[str] = []
    if tokens.text[tokens.starts[i]:tokens.ends[i]].isupper():
        return ()
    for j in range(i + 1, min(len(tokens.starts), i + 1 + CAPITALS_AFTER)):
        gap = tokens.text[tokens.ends[j - 1]:tokens.starts[j]]
        word = tokens.text[tokens.starts[j]:tokens.ends[j]]
        if (not joins(tokens, tokens.ends[j - 1], tokens.starts[j]) or "." in gap
                or not word[:1].isupper() or word.isupper()):
            break
        out.append(tokens.forms[j])
    return tuple(out)


def _near(memo: _Memo, forms: set[str], targets: list[str], known: set[str],
          budget: Callable[[int], int]) -> set[str]:
    """The forms within ``budget(len(target))`` edits of a target, the targets themselves
    excepted (memoised across documents: only forms never asked about are compared)."""
    new = forms - memo.asked
    if new:
        memo.asked |= new
        lo = min(map(len, targets)) - 2
        hi = max(map(len, targets)) + 2
        eligible = sorted(f for f in new if f not in known and lo <= len(f) <= hi
                          and f.isalpha())
        for c, t, d in pairs(eligible, targets, 2):
            if (eligible[c] != targets[t] and (d <= budget(len(targets[t]))
                                               or is_swap(eligible[c], targets[t]))
                    and not is_mixed_script(eligible[c])):
                memo.near.add(eligible[c])  # (two letters swapped apart: name-typo
                # and term-misspelling accept them where no dictionary knows the word)
    return forms & memo.near


def name_budget(length: int) -> int:
    """The most edits any decision of name-typo may accept for a name word of ``length``
    letters (acronyms of three letters: one)."""
    return max(context_edits(length), allowed_edits(length), 1 if length == 3 else 0)


def _one_word_off(gram: str, preferred: list[str]) -> bool:
    gram_words = gram.split()
    for p in preferred:
        pw = p.split()
        if (len(pw) == len(gram_words)
                and sum(a != b for a, b in zip(gram_words, pw, strict=True)) == 1
                and OSA.distance(gram, p, score_cutoff=2) <= 2):
            return True
    return False


def merge_near_misses(parts: Sequence[NearMisses]) -> NearMisses:
    out = NearMisses()
    for part in parts:
        out.places += part.places
        out.grams += part.grams
        out.lower |= part.lower
        out.count.update(part.count)
        out.correct |= part.correct
    return out


def near_miss_spans(part: NearMisses) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in part.places] + [(g.start, g.end) for g in part.grams]


NEAR_MISSES: Fact[NearMisses, NearMisses] = Fact(
    "near-misses-4", collect_near_misses, merge_near_misses, NearMisses,
    spans=near_miss_spans)


@dataclass(frozen=True)
class Typo:
    """A near-miss decided to be a typo of a name's word or of a term."""

    item: str | None  # the entity or term (None: a word of the claims' vocabulary)
    doc_id: str
    start: int
    end: int
    found: str
    expected: str  # the word of the name, or the term's preferred form, as declared
    distance: int
    evidence: str  # why it is a typo
    whole: str | None = None  # the name the word belongs to (entities)


def typo_report(ctx: RuleContext, typo: Typo) -> Report:
    """How name-typo and term-misspelling report a typo: what differs, and why."""
    difference = describe_difference(typo.found, match_case(typo.expected, typo.found))
    whole = typo.whole if typo.whole and typo.whole != typo.expected else None
    within = f" in {whole!r}" if whole else ""
    source = (f"{typo.expected!r} of {whole!r}" if whole else "the name" if typo.whole
              else "the preferred form" if typo.item else "the vocabulary's word")
    return ctx.report(
        verdict=Verdict.TYPO, item=typo.item, document=typo.doc_id,
        span=(typo.start, typo.end), expected=typo.expected, found=typo.found,
        message=f"{typo.found!r} looks like a misspelling of {typo.expected!r}{within}: "
                f"{difference}",
        how=f"edit distance {typo.distance} from {source}; {typo.evidence}")


# ================================================================ copies


@dataclass(frozen=True)
class Signature:
    """A document's checkable facts (when it speaks to a claim) and declared translation."""

    info: DocumentInfo
    facts: frozenset[str]
    shape: Shape | None = None

    def __bool__(self) -> bool:
        return bool(self.facts or self.info.translation_of)


@dataclass
class Copies:
    """Which documents are translations or copies of one another."""

    pairs: list[SourcePair]
    groups: dict[str, str]  # document id → label of its group ("a+b")
    signatures: dict[str, frozenset[str]]


def fact_key(kind: str, value: str) -> str:
    """A fact as copies compare it: a quantity as its number was written, whatever
    approximation word stood by it ("at least 58" in one copy, "58" in the other)."""
    return f"{kind}:{as_written(value) if kind == ValueKind.QUANTITY else value}"


def signature(ctx: RuleContext) -> Signature:
    """Facts written with digits in the passages that speak to claims, and the entities
    the document names."""
    facts: set[str] = set()
    names: list[tuple[int, str]] = []
    if ctx.mentions:
        names = sorted({(h.start, h.item) for h in ctx.hits()
                        if h.kind in (HitKind.ENTITY_NAME, HitKind.ENTITY_ALIAS,
                                      HitKind.ENTITY_VARIANT, HitKind.ENTITY_OTHER)})
        facts = {fact_key(m.kind, m.value) for m in ctx.mentions
                 if any(c.isdigit() for c in m.raw)}
        facts |= {f"entity:{e}" for _, e in names}
    doc = ctx.document
    return Signature(doc.info, frozenset(facts),
                     shape(doc.text, doc.language, names) if facts else None)


def merge_signatures(parts: Sequence[Signature]) -> Copies:
    infos = [p.info for p in parts]
    signatures = {p.info.id: set(p.facts) for p in parts if p.facts}
    shapes = {p.info.id: p.shape for p in parts if p.shape is not None}
    found = find_pairs(infos, signatures, shapes)
    return Copies(found, groups(infos, found), {k: frozenset(v) for k, v in signatures.items()})


COPIES: Fact[Signature, Copies] = Fact("copies-4", signature, merge_signatures, Signature)
