"""spelling: a misspelled word that no dictionary of the corpus knows, near a common word.

Optional: off unless ``spelling = true`` in ``[tool.factaudit.rules]`` (in every output
alike: check, pytest and the report run the same rules).

Bad:  "goverment" in an English document (did you mean "government"?), "pemerinth" in an
      Indonesian one ("pemerintah"); "Oktobee" (a long month name, capitalised as months
      are, even where the dictionary lists it only with its capital); "Kabuapten Garut",
      "Tim Nasiona" (capitalised inside a sentence, but one edit from an everyday word,
      keeping its first letter, and in no word list at all: a name that near an everyday
      word is listed itself; a letter changed only for a key beside it, "Sememtara")
Good: a word of the document's language in any variety ("organised", "centre": en_US and
      en_GB are both asked); a word that the language forms by rule ("ujarnya",
      "ditandatangani", "anak-anak", read by Sastrawi for Indonesian; a meN- verb as it
      is spoken, "nabrak" for menabrak); a name with a mark for its apostrophe
      ("Ba‘asyir"); a word of another
      language of the corpus, or common in it ("Facility" in an Indonesian text); a name
      (a capitalised word that is not opening a sentence or a heading, or that the corpus
      writes so elsewhere); a word with no common word one edit away (a name, a loanword);
      a name a letter off a short month name or a weekday ("Marek", "Kamil", "Senen");
      a word about as common as the word it is near ("merespon"), or written often and
      a letter different from it, though its dictionary lacks it ("sidak"); a word
      written three times in one document, in three documents, or three times over in two
      ("tronton": a word of its own the dictionary lacks); initials in
      brackets that close a news item ("(mrus)"); entity names, term forms (with an
      enclitic too: "jenasahnya" is term-variant's) and the claims' ``vocabulary``; the
      rest of a hyphenated name ("Pu-udom"); a short form
      the text coins in brackets from the starts of the words before it ("transportasi
      umum (transum)"); acronyms, brands in camel case, abbreviations,
      ordinals ("30th"), URLs, e-mail addresses, handles, hashtags and file names; words
      already reported by name-typo, term-misspelling or invisible-characters

A word is reported when the Hunspell dictionaries of its document's language (en_US and
en_GB for English, id_ID for Indonesian, ``<language>_*.dic`` for others, in
/usr/share/hunspell and the usual folders or $DICPATH) do not know it, no rule of the
language makes it from a known word, and a much more common word (wordfreq) is one edit
away, or two for words of seven letters or more; a word the rules of the language do
explain is reported only when it is itself unlisted, one edit from a word listed as
common that the rules also make from a root they know ("diimbau", from the root "imbau",
is not a misspelling of the common variant "dihimbau"). That word is the suggestion
(``expected``). If a language has no dictionary, the rule says so once, in the run's
warnings, and checks the rest.
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from factaudit.reading.languages import get_pack
from factaudit.reading.lexicon.edits import edit_kind, keyboard_slip, match_case
from factaudit.reading.lexicon.frequency import has_list, zipf
from factaudit.reading.lexicon.hunspell import Speller, load_speller
from factaudit.reading.lexicon.morphology import root_of
from factaudit.reading.lexicon.spellcheck import (
    Corrector,
    listed_words,
    native_letters,
    spots,
)
from factaudit.reading.text import fold_phrase
from factaudit.rules import ClaimSet, Fact, Report, Rule, RuleContext, Severity, Verdict
from factaudit.rules.facts import NEAR_MISSES, for_claims, known_words

from .name_typo import name_typos
from .term_misspelling import term_typos

COMMON = 4.0  # Zipf frequency from which a word of the document's language is not looked up
FOREIGN = 3.0  # Zipf frequency from which a word is a word of another language of the corpus
CORRECTION = 3.0  # the least Zipf frequency of a correction (one edit away)
FAR_CORRECTION = 3.5  # … two edits away, or for a word the language's rules explain
GAP = 1.5  # how much more common the correction must be than the word (Zipf)
OWN_WORD = 3.2  # a word written this often (Zipf) with a letter changed is a word of its own
OFTEN = 3.0  # a word written this often (Zipf) needs a wider gap: it may be a word of its own
OFTEN_GAP = 2.5
EXPLAINED_GAP = 2.5
RARE = 2.0  # a word the rules explain is a typo only below this frequency
CAPITAL_LETTERS = 7  # a capitalised word opening a sentence is checked from this length
SPREAD = 3  # a word written in this many documents is a word of its own
COMPOUND_PART = 3.5  # two listed words this common, written together, are a compound
REPEATED = 3  # a word written this often in one document is a word of its own
ATTESTED = 3.5  # the stand-in frequency of a correction the corpus writes, unlisted
MIN_BASE = 5  # letters of the dictionary word a derivation is made from


@dataclass(frozen=True)
class Unknown:
    """The words of one document worth looking up: not common in its language, not
    accepted by the claims."""

    document: str
    language: str
    words: tuple[tuple[int, int, str, bool], ...]  # start, end, word, opens a sentence

    def __bool__(self) -> bool:
        return bool(self.words)


def unknown_words(ctx: RuleContext) -> Unknown:
    doc = ctx.document
    accepted = _accepted(ctx)
    plain = _language_words(doc.language)
    language = doc.language

    clitics = get_pack(language).clitics

    def wanted(word: str) -> bool:
        folded = fold_phrase(word).replace(" ", "")
        return not (folded in accepted or folded in plain or zipf(word, language) >= COMMON
                    or any(folded.endswith(c) and folded[:-len(c)] in accepted
                           for c in clitics))  # a term form with an enclitic: the term
        # rules' ("jenasahnya" for the variant "jenasah")

    found = spots(doc.text, _small_words(language), wanted)
    coined = short_forms(doc.text) if found else set()
    return Unknown(doc.id, language, tuple((s.start, s.end, s.word, s.initial) for s in found
                                           if s.word.lower() not in coined))


def short_forms(text: str) -> set[str]:
    """The short forms a text coins in brackets after what they stand for, each made of
    the starts of those words in order: "transportasi umum (transum)", "pelayanan terpadu
    satu pintu (ptsp)". Words of the text, not misspellings, wherever they stand."""
    out = set()
    for m in _BRACKETED.finditer(text):
        short = m.group(1).lower()
        words = [w.lower() for w in _WORDS_BEFORE.findall(text, max(0, m.start() - 80),
                                                             m.start())]
        if any(_made_of(short, words[-k:]) for k in range(2, min(len(words), 4) + 1)):
            out.add(short)
    return out


def _made_of(short: str, words: list[str]) -> bool:
    """Whether ``short`` is a non-empty start of each of ``words`` in turn."""
    if not words:
        return not short
    first, rest = words[0], words[1:]
    return any(short[:i] == first[:i] and _made_of(short[i:], rest)
               for i in range(1, min(len(first), len(short)) + 1))


_BRACKETED = re.compile(r"\(([^\W\d_]{3,15})\)")
_WORDS_BEFORE = re.compile(r"[^\W\d_]+")


_ACCEPTED: OrderedDict[int, tuple[ClaimSet, Any]] = OrderedDict()


def _accepted(ctx: RuleContext) -> set[str]:
    return for_claims(_ACCEPTED, ctx.claims, known_words)


@cache
def _small_words(language: str) -> frozenset[str]:
    return frozenset(w.lower() for w in get_pack(language).stopwords)


@cache
def _language_words(language: str) -> frozenset[str]:
    """Words of the language pack: month and weekday names, abbreviations and the rest."""
    pack = get_pack(language)
    words = [*pack.months, *pack.weekdays, *pack.abbreviations, *pack.stopwords,
             *pack.numbers, *pack.scales]
    return frozenset(w for phrase in words for w in fold_phrase(phrase).split())


UNKNOWN_WORDS: Fact[Unknown, Sequence[Unknown]] = Fact(
    "unknown-words-2", unknown_words, lambda parts: list(parts), Unknown)


@dataclass(frozen=True)
class Verdict_:
    """Why a word (as written, in one language) is a misspelling, and of what."""

    correction: str
    edits: int
    why: str
    capital_ok: bool  # also a misspelling where a capital says it could be a name
    everyday_slip: bool = False  # … even inside a sentence, unless written again and again


def spelling_decision(word: str, zipf_word: float, correction: str | None, edits: int,
                      zipf_correction: float, root: str | None = None,
                      correction_root: str | None = None,
                      correction_unformed: bool = False) -> str | None:
    """Why ``word`` (in no dictionary of the corpus) is a misspelling of ``correction``
    (``edits`` away), or None. Zipf frequencies are of the document's language; ``root``:
    the root the language's rules make the word from (None: they do not), and
    ``correction_root`` the correction's; ``correction_unformed``: the rules make the
    correction from no root they know (a variant spelling, "dihimbau" beside the word
    "diimbau" made from the standard root "imbau")."""
    if correction is None:
        return None  # no common word near it: a name, a loanword or a word of its own
    if zipf_word >= OWN_WORD and edit_kind(word.lower(), correction) == "substitution":
        return None  # written often, a letter changed: another word its dictionary lacks
        # ("sidak", not "tidak"); a letter dropped stays a slip ("untu" for "untuk")
    gap = zipf_correction - zipf_word
    if root is not None:
        # a well-formed word: a typo only if unlisted, a letter dropped, doubled or swapped
        # inside its root ("melampui" for "melampaui"), never another word made by the
        # rules from another root ("dikebut", "disebut") or its own root ("bawahi")
        if (edits > 1 or zipf_word >= RARE or zipf_correction < FAR_CORRECTION
                or gap < EXPLAINED_GAP or edit_kind(word.lower(), correction) == "substitution"
                or (len(word) > len(correction) and not doubled_letter(word.lower(),
                                                                        correction))
                or correction in (root, word.lower()) or correction_root == root
                or correction_unformed):
            return None  # (one letter more than a common word, not a doubled one: the
            # rule's own word, as "bermasa" is ber- and masa, not "berasa" mistyped)
        return "formed by the language's rules, but unlisted, a letter off a common word"
    if (zipf_correction < (CORRECTION if edits == 1 else FAR_CORRECTION)
            or gap < (OFTEN_GAP if zipf_word >= OFTEN else GAP)):
        return None
    return (f"in no dictionary; {'one edit' if edits == 1 else 'two edits'} from a word "
            f"{_times(gap)} as common")


def doubled_letter(word: str, correction: str) -> bool:
    """Whether ``word`` is ``correction`` with one of its letters doubled ("berantakkan")."""
    return len(word) == len(correction) + 1 and any(
        word[:i] + word[i + 1:] == correction and word[i] == word[i - 1]
        for i in range(1, len(word)))


def capital_misspelling(word: str, correction: str, edits: int) -> bool:
    """A capitalised word is a name unless it is long, a letter dropped, doubled or swapped
    off a common word, keeping its first letter ("Inaguration", "Sebelumya" at the start of
    a sentence; not "Dijatah" for "Dijajah")."""
    if edits != 1 or len(word) < CAPITAL_LETTERS:
        return False
    if edit_kind(word.lower(), correction) == "substitution":
        return False
    ops = Levenshtein.editops(word.lower(), correction)
    return all(op.src_pos > 0 and op.dest_pos > 0 for op in ops)


EVERYDAY = 3.5  # Zipf frequency of an everyday word of a language ("kabupaten", "national")
SLIP_LETTERS = 7  # a capitalised word this long can be an everyday word mistyped


def everyday_slip(word: str, correction: str, edits: int, zipf_word: float,
                  zipf_correction: float) -> bool:
    """A capitalised word inside a sentence is still a misspelling when it is one edit
    from an everyday word, keeping its first letter, and no word list knows it at all
    ("Kabuapten Pasaman", "Tim Nasiona"): names that near an everyday word are listed
    themselves, or are its other forms."""
    if edits != 1 or len(word) < SLIP_LETTERS or zipf_word > 0 \
            or zipf_correction < EVERYDAY:
        return False
    if edit_kind(word.lower(), correction) == "substitution" and not keyboard_slip(
            word, correction):
        return False  # a letter changed for one far from it on the keyboard is as often
        # a name beside a word ("Bandara Rendani", not "rendang")
    return all(op.src_pos > 0 and op.dest_pos > 0
               for op in Levenshtein.editops(word.lower(), correction))


def _times(gap: float) -> str:
    n = 10 ** gap
    return f"{n:,.0f} times" if n < 10_000 else "over 10,000 times"


def check(ctx: RuleContext) -> Iterator[Report]:
    reported = {(t.doc_id, t.start) for t in name_typos(ctx)}
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for t in term_typos(ctx):
        spans[t.doc_id].append((t.start, t.end))
    parts = [p for p in ctx.fact(UNKNOWN_WORDS) if p.words]
    languages = sorted({p.language for p in parts})
    spellers: dict[str, Speller] = {}
    for language in sorted(set(languages) | set(ctx.languages)):
        speller = load_speller(language)
        if isinstance(speller, str):
            if language in languages:
                ctx.warn(f"spelling: {speller}")
        else:
            spellers[language] = speller
    capital_inside = {w for p in parts for _, _, w, initial in p.words
                      if not initial and w[:1].isupper()}
    spread = Counter(w for p in parts for w in {x[2].lower() for x in p.words})
    written = Counter(x[2].lower() for p in parts for x in p.words)
    decided: dict[tuple[str, str], Verdict_ | None] = {}
    unknown: set[tuple[str, str]] = set()
    for language in languages:
        if language in spellers:
            words = {w for p in parts if p.language == language for _, _, w, _ in p.words}
            verdicts, not_known = _decide(language, words, spellers, tuple(ctx.languages))
            decided.update(verdicts)
            unknown |= {(language, w) for w in not_known}
    for part in parts:
        speller_name = spellers[part.language].name if part.language in spellers else ""
        repeated = Counter(w.lower() for _, _, w, _ in part.words)
        places = part.words
        for k, (start, end, word, initial) in enumerate(places):
            verdict = decided.get((part.language, word))
            if verdict is None or (part.document, start) in reported or _inside(
                    start, spans.get(part.document, [])):
                continue
            if word[:1].isupper() and (not initial or word in capital_inside
                                       or not verdict.capital_ok) and \
                    verdict.correction not in _long_months(part.language) and not (
                    verdict.everyday_slip and written[word.lower()] < REPEATED):
                continue  # a name: capitalised inside a sentence, here or elsewhere
            if repeated[word.lower()] >= REPEATED or spread[word.lower()] >= SPREAD or (
                    spread[word.lower()] >= 2 and written[word.lower()] >= REPEATED):
                continue  # written so again and again (in one document, or in two
                # documents three times over: "tronton"): a word of its own, not a slip
            if any((part.language, places[j][2]) in unknown for j in (k - 1, k + 1)
                   if 0 <= j < len(places) and _adjacent(places[min(j, k)], places[max(j, k)])):
                continue  # beside another word no dictionary knows: a foreign phrase
            expected = match_case(verdict.correction, word)
            yield ctx.report(
                verdict=Verdict.TYPO, document=part.document, span=(start, end),
                expected=expected, found=word,
                message=f"{word!r} is not in the {speller_name} dictionary; did you mean "
                        f"{expected!r}?",
                how=f"Hunspell {speller_name}; wordfreq: {verdict.why}")


def _decide(language: str, words: set[str], spellers: dict[str, Speller],
            corpus_languages: tuple[str, ...]
            ) -> tuple[dict[tuple[str, str], Verdict_ | None], set[str]]:
    """The verdict on each distinct word of one language's documents (None: not a typo),
    and the words no dictionary knows."""
    speller = spellers[language]
    unknown = speller.unknown(words)
    for other, other_speller in spellers.items():
        if other != language and unknown:
            unknown &= other_speller.unknown(unknown)  # a word of another language
    unknown = {w for w in unknown
               if not any(zipf(w, o) >= FOREIGN for o in corpus_languages if o != language)}
    clitics = get_pack(language).clitics
    bases = {w: _without_clitic(w.lower(), clitics) for w in unknown}
    known_bases = {b for b in bases.values() if b} - speller.unknown(
        {b for b in bases.values() if b})
    unknown = {w for w in unknown if bases[w] not in known_bases}
    lower = {w: w.lower() for w in unknown}
    roots = {w: root_of(lower[w], language) for w in unknown}
    roots.update(_derived({w: lower[w] for w, r in roots.items() if r is None}, language,
                          speller))
    attested = frozenset(w.lower() for w in words - unknown) | {
        lower[w] for w, r in roots.items() if r}
    # corrections in the document's language only: near an Indonesian word there is often
    # an English one ("difabel", "disable"), and that says nothing
    found, frequency = _near(language, set(lower.values()), speller, attested)
    listed = _frequency(language, words)
    splits = {w: _splits(lower[w], language) for w in unknown}
    not_parts = speller.unknown({p for pairs in splits.values() for pair in pairs
                                 for p in pair})
    out: dict[tuple[str, str], Verdict_ | None] = {}
    for w in unknown:
        best = _best(found.get(lower[w], []), frequency)
        if best is None:
            continue  # no common word near it: a name, a loanword or a word of its own
        gap = frequency(best[0]) - listed(lower[w])
        if any(a not in not_parts and b not in not_parts for a, b in splits[w]) and not (
                best[1] == 1 and gap >= OFTEN_GAP):
            continue  # two words written together ("trainset"), not one misspelled
        root = roots[w]
        best_root = root_of(best[0], language) if root else None
        why = spelling_decision(w, listed(lower[w]), best[0], best[1],
                                frequency(best[0]), root, best_root,
                                correction_unformed=bool(root) and best_root is None)
        out[(language, w)] = (Verdict_(best[0], best[1], why,
                                       capital_misspelling(w, best[0], best[1]),
                                       everyday_slip(w, best[0], best[1], listed(lower[w]),
                                                     frequency(best[0])))
                              if why else None)
    return out, {w for w in unknown if not roots[w]}


Near = tuple[dict[str, list[tuple[str, int]]], Callable[[str], float]]


def _derived(words: dict[str, str], language: str, speller: Speller) -> dict[str, str]:
    """The words (as written → lower case) that a prefix and a suffix of the language pack
    make from a word the dictionary knows, or that the language's word list holds as common
    ("diotopsi": "otopsi"), each with that word ("diperban": "perban", "soakingly":
    "soaking"; "shuttlers": "shuttle", where the pack's ``final_e_dropped`` says a final e
    falls before a vowel): formed by rule, not misspelled. One batch of lookups."""
    pack = get_pack(language)
    prefixes, suffixes = ("", *pack.derivation_prefixes), ("", *pack.derivation_suffixes)
    if len(prefixes) == 1 and len(suffixes) == 1:
        return {}
    bases: dict[str, list[str]] = {}
    for w, low in words.items():
        options = []
        for p in prefixes:
            if not low.startswith(p):
                continue
            for x in suffixes:
                base = low[len(p):len(low) - len(x)] if x else low[len(p):]
                if (p or x) and (not x or low.endswith(x)) and len(base) >= MIN_BASE:
                    options.append(base)
                    if pack.final_e_dropped and x[:1] in _VOWELS:
                        options.append(base + "e")  # "shuttlers": "shuttle" + "ers"
        if options:
            bases[w] = options
    asked = {b for options in bases.values() for b in options}
    # a base the word list holds as common is a word its dictionary lacks ("otopsi")
    known = {b for b in asked if zipf(b, language) >= CORRECTION}
    rest = asked - known
    known |= rest - speller.unknown(rest) if rest else set()
    return {w: b for w, options in bases.items() for b in options if b in known}


_VOWELS = frozenset("aeiou")


def _best(found: list[tuple[str, int]], frequency: Callable[[str], float]
          ) -> tuple[str, int] | None:
    """The nearest of the words found, the most common among those as near."""
    return max(found, key=lambda cd: (-cd[1], frequency(cd[0]), cd[0]), default=None)


def _near(language: str, words: set[str], speller: Speller, attested: frozenset[str]
          ) -> Near:
    """The words of ``language`` near each of ``words`` that its dictionary knows, and how
    common a word is there (the corpus's own words of the language count as common)."""
    corrector = _corrector(language, attested)
    native = native_letters(language)
    found = corrector.near(w for w in words if not native or set(w) <= native)
    not_words = speller.unknown({c for near in found.values() for c, _ in near} - attested
                                - _long_months(language))
    listed = _frequency(language, words)

    def frequency(w: str) -> float:
        return max(listed(w), ATTESTED if w in attested else 0.0)

    return ({w: [(c, d) for c, d in near if c not in not_words] for w, near in found.items()},
            frequency)


MONTH_LETTERS = 6  # month names this long are corrections whatever a dictionary's case


@cache
def _long_months(language: str) -> frozenset[str]:
    """The language's long month names ("oktober", "september"): a dictionary may know
    them only with their capital, and a capitalised word a letter off one ("Oktobee") is
    a misspelled month, not a name (shorter ones have names as neighbours: "Maret")."""
    return frozenset(m.lower() for m in get_pack(language).months
                     if len(m) >= MONTH_LETTERS and m.isalpha())


def _splits(word: str, language: str) -> list[tuple[str, str]]:
    """Ways to read a word as two common words of the language written together
    ("trainset", "seatback"), the first of 4+ letters, the second of 3+; the dictionary
    must know both."""
    return [(word[:i], word[i:]) for i in range(4, len(word) - 2)
            if zipf(word[:i], language) >= COMPOUND_PART
            and zipf(word[i:], language) >= COMPOUND_PART]


def _without_clitic(word: str, clitics: Sequence[str]) -> str:
    for clitic in sorted(clitics, key=len, reverse=True):
        if word.endswith(clitic) and len(word) - len(clitic) >= 3:
            return word[: -len(clitic)]
    return ""


_CORRECTORS: dict[tuple[str, frozenset[str]], Corrector] = {}


def _corrector(language: str, corpus_words: frozenset[str]) -> Corrector:
    key = (language, corpus_words)
    if key not in _CORRECTORS:
        _CORRECTORS.clear()
        _CORRECTORS[key] = Corrector(listed_words(language) | corpus_words)
    return _CORRECTORS[key]


def _frequency(language: str, words: set[str]) -> Callable[[str], float]:
    """Zipf frequency in the language's wordfreq list; for a language without one, a
    stand-in from how often the corpus writes the word."""
    if has_list(language):
        return lambda w: zipf(w, language)
    counts = Counter(w.lower() for w in words)
    return lambda w: 3.0 + counts.get(w, 0) / 10


def _adjacent(a: tuple[int, int, str, bool], b: tuple[int, int, str, bool]) -> bool:
    return 0 < b[0] - a[1] <= 2


def _inside(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


RULE = Rule(id="spelling", severity=Severity.WARNING, check=check, scope="corpus",
            needs=(NEAR_MISSES, UNKNOWN_WORDS), optional=True)
