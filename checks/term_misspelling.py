"""term-misspelling: a word or phrase that is a near-miss of a listed term's preferred form.

Bad:  "kesejahtaraan" (term "kesejahteraan"), "Dalam Negiri" (term "Dalam Negeri"),
      "kerja sma" (term "kerja sama")
Good: "kesejahteraan", "Dalam Negeri", "DALAM NEGERI", a listed variant (reported by
      term-variant instead), an inflected form ("kesejahteraannya", "pandemics"), another
      word of the language that a Hunspell dictionary knows ("pemilihan" is not a
      misspelling of "pemulihan")

Only documents in the term's ``language`` are read. Exactly one word of the term may differ,
never by an inflection (a suffix of the language) or an affixed form that a dictionary or
word list knows or that wraps the word whole ("direkapitulasi"); a form a stemmer reads as
affixed but nothing knows ("pebangunan") is a misspelling. Beside the term's other words:
one edit of any letter (two from 8 letters), in words of 3+ letters ("hak asasi" written "ak
asasi" too); a word of 5+ letters may become another word by one edit ("Dalam Ngeri" is a
typo though "ngeri" is a word), unless, in a term written in lower case, that word is an
everyday one that the dictionary knows ("ganda putra" is men's doubles, not a slip in "ganda
putri"; a name's words are fixed: "Energi of Asia" is a slip in "Energy of Asia"), not by
two ("epicentre of growth" is not "Epicentrum of Growth"), a shorter one not a common word
of the language that its dictionary knows ("kerja sma" and "Luat Negeri" are typos, "kerja
saja" is not). A one-word term: one edit (two from 12 letters), keeping the first letter
unless it has 8+ letters; in words of 5–6 letters only a swap of two letters, or a letter
changed, added or dropped where the dictionary does not know the result and no word list
holds it ("vansin", "dosisi" for vaksin, dosis); never a word the dictionary of the
document's language knows, in lower case or as a name ("Indonesia" for "Indonesian"), and
without a dictionary never a word that recurs 3+ times; for a term written in lower case,
never a word with an initial capital inside a sentence (a name: "Silaban" is not "silakan")
unless it opens a title-case run whose next word is an everyday word of the language
("Maklumat tentang Penetaan Hasil Hisab Ramadan": a title's capitals, not a name's), or, for
a term of 8+ letters and a word no dictionary knows, stands beside a capitalised word the
dictionary knows in lower case ("Pemadam Kebakran", "Rehabilitasi dan Rekontruksi": a body's
name in title case; "Rina Kesejahtaran" is a name).
Two letters swapped apart ("tanggap darutar", "peratawan") are one slip, in a word no
dictionary or word list knows: beside the term's other words from 5 letters, in a one-word
term from 8. A word near two terms ("pelaksanan": pelaksana and pelaksanaan) is reported
once, against the nearer, naming the other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from weakref import WeakKeyDictionary

from rapidfuzz.distance import OSA

from factaudit.reading.inflection import same_stem
from factaudit.reading.languages import get_pack
from factaudit.reading.lexicon.edits import (
    allowed_edits,
    is_swap,
    is_transposition,
    phrase_edits,
)
from factaudit.reading.lexicon.frequency import zipf
from factaudit.reading.lexicon.hunspell import dictionary_words
from factaudit.rules import Report, Rule, RuleContext, Severity
from factaudit.rules.facts import (
    NEAR_MISSES,
    Gram,
    NearMisses,
    Typo,
    known_words,
    pairs,
    typo_report,
)
from factaudit.rules.facts import term_groups as _term_groups
from factaudit.rules.facts import words as _words

COMMON = 3.0  # Zipf frequency from which a word is common in a language
EVERYDAY = 4.5  # … and from which it is one of its everyday words ("putra", "laut")
LONG_TERM = 8  # letters of a lower-case term read with a capital in a title-case phrase
SWAP_LETTERS = 5  # from this length, two letters swapped apart beside the term's other words
SWAP_ALONE_LETTERS = 8  # … and in a one-word term

# Suffixes that make another correct word from a term (inflection, not a typo).
SUFFIXES = {"en": ("s", "es", "d", "ed"), "id": ("i", "an", "kan", "nya", "lah", "kah", "pun")}


def term_decision(candidate: str, preferred: str, language: str | None,
                  in_dictionary: bool | None, recurring: bool = False, common: bool = False,
                  known: bool = False, everyday: bool = False) -> str | None:
    """Why the folded n-gram ``candidate`` is a misspelling of the folded ``preferred`` form
    of a term (same number of words), or None (the rules of the module's docstring).
    ``known``: the differing word is in the language's frequency list; ``everyday``: it
    is among the language's most common words."""
    cwords, pwords = candidate.split(), preferred.split()
    differing = [(c, p) for c, p in zip(cwords, pwords, strict=True) if c != p]
    if len(differing) != 1:
        return None  # one misspelled word; the others exactly right
    word, target = differing[0]
    if _inflected(word, target, language) and (in_dictionary is not False or (
            known and not _lemmatized(language)) or _wraps(word, target)):
        return None  # an inflection or an affixed form ("direkapitulasi", "pemilunya");
        # where a lemmatizer reads inflections, its dictionary knows the right ones, and a
        # listed word it lacks is a common misspelling ("occured" for "occurred")
    if len(pwords) == 1 and (in_dictionary or (in_dictionary is None and recurring)):
        return None  # another word of the language
    length = len(target)
    d = OSA.distance(word, target)
    swapped = is_transposition(word, target)
    # two letters swapped apart, in a word no dictionary knows: one slip ("hujan desar",
    # "peratawan")
    apart = in_dictionary is False and not known and is_swap(word, target)
    if len(pwords) > 1:  # the term's other words stand beside it
        return _word_of_phrase(word, length, 1 if apart and length >= SWAP_LETTERS else d,
                               swapped, in_dictionary, common, everyday)
    if d > allowed_edits(length) and not (apart and length >= SWAP_ALONE_LETTERS):
        return None
    if length <= 6 and not swapped and not (length >= 5 and in_dictionary is False
                                            and not known and word[:1] == target[:1]):
        return None  # short words: one changed letter is usually another word — unless
        # the dictionary does not know it and no word list holds it ("vansin", "dosisi")
    if word[:1] != target[:1] and not swapped and length < 8:
        return None
    return "a near-miss of the preferred form" + (
        ", in no dictionary" if in_dictionary is False else "")


def _word_of_phrase(word: str, length: int, d: int, swapped: bool,
                    in_dictionary: bool | None, common: bool, everyday: bool = False
                    ) -> str | None:
    """The decision for one word of a multi-word term, its other words right beside it."""
    if len(word) < 2 or d > phrase_edits(length):
        return None
    if everyday and in_dictionary and not swapped:
        return None  # one of the language's most common words: another phrase ("ganda
        # putra", men's doubles, beside the term "ganda putri"), not a slip
    if d >= 2 and in_dictionary and not swapped:
        return None  # two edits into a word of its own: another word ("epicentre of
        # growth" for "Epicentrum of Growth", "Sekretaris Negara" for "Sekretariat …")
    if length < 5 and common and in_dictionary is not False:
        return None  # a short word: only one that is no common word of the language
    return "the term's other words are right; one is a near-miss" + (
        ", in no dictionary" if in_dictionary is False else "")


def _inflected(word: str, target: str, language: str | None) -> bool:
    return any(word == target + s for s in SUFFIXES.get(language or "", ())) or bool(
        language and same_stem(word, target, language))


def _lemmatized(language: str | None) -> bool:
    """Whether the language's inflections are read by a lemmatizer (its pack says so)."""
    return language is not None and get_pack(language).inflection == "lemma"


def _wraps(word: str, target: str) -> bool:
    """``word`` is ``target`` with two or more letters added at its ends, as affixes are
    ("di" + "rekapitulasi"). A stemmer also reads "pebangunan" as pe-bangun-an, but a
    form that no dictionary or word list knows and that differs from the term inside it,
    or by one letter ("ujii"), is a misspelling, not an affixed form."""
    return len(word) - len(target) >= 2 and target in word


_DECIDED: WeakKeyDictionary[NearMisses, list[Typo]] = WeakKeyDictionary()


def term_typos(ctx: RuleContext) -> list[Typo]:
    """Decide which near-misses of terms are typos (once per run)."""
    data = ctx.fact(NEAR_MISSES)
    if data not in _DECIDED:
        _DECIDED[data] = _decide(ctx, data)
    return _DECIDED[data]


def _decide(ctx: RuleContext, data: NearMisses) -> list[Typo]:
    claims = ctx.claims
    groups = _term_groups(claims)
    out: list[Typo] = []
    grams_by_group: dict[tuple[int, str | None], list[Gram]] = defaultdict(list)
    for g in data.grams:
        grams_by_group[(g.size, g.group_language)].append(g)
    known = known_words(claims)
    for (size, language), (members, preferred) in sorted(groups.items(),
                                                         key=lambda g: (g[0][0], g[0][1] or "")):
        grams = grams_by_group.get((size, language), [])
        candidates = sorted({g.form for g in grams})
        found_pairs = pairs(candidates, preferred, 2)
        differing = {w for c, p, _ in found_pairs
                     for w, f in zip(candidates[c].split(), preferred[p].split(), strict=True)
                     if w != f}
        places: dict[str, list[Gram]] = defaultdict(list)
        for g in grams:
            places[g.form].append(g)
        doc_languages = sorted({g.language for c, _, _ in found_pairs
                                for g in places[candidates[c]]})
        dictionary = {(lang, w): v for lang in doc_languages for w, v in
                      # (as a name too: "Indonesia" is no slip in the term "Indonesian")
                      dictionary_words(differing - known, [lang], names=True).items()}
        for c, p, d in found_pairs:
            candidate, form = candidates[c], preferred[p]
            word = next((w for w, f in zip(candidate.split(), form.split(), strict=True)
                         if w != f), "")
            for term_id in members:
                if " ".join(_words(claims.term(term_id).preferred)) != form:
                    continue
                lower_term = claims.term(term_id).preferred.islower()
                for g in places[candidate]:
                    if _not_read(g, lower_term) and not (
                            g.phrased and len(form) >= LONG_TERM
                            and dictionary.get((g.language, word)) is False
                            and not (g.invisible or g.cut_off)):
                        continue  # (a long term's near-miss in a title-case phrase that
                        # no dictionary knows: "Pemadam Kebakran", "Bidang Intelejen")
                    frequency = zipf(word, g.language)
                    why = term_decision(candidate, form, g.language,
                                        # a word the claims declare is a word
                                        True if word in known else
                                        dictionary.get((g.language, word)),
                                        data.count[word] >= 3, frequency >= COMMON,
                                        frequency > 0,
                                        # (a name's words are fixed: "Energi of Asia")
                                        frequency >= EVERYDAY and lower_term)
                    if why:
                        out.append(Typo(term_id, g.doc_id, g.start, g.end, g.found,
                                        claims.term(term_id).preferred, d, why))
    return _one_per_place(out)


def _one_per_place(typos: list[Typo]) -> list[Typo]:
    """One typo for each place: a word near two terms ("Pelaksanan": pelaksana and
    pelaksanaan, one edit from each) is reported once, against the nearer (either when
    as near), naming the other."""
    by_place: dict[tuple[str, int, int], list[Typo]] = defaultdict(list)
    for t in typos:
        by_place[(t.doc_id, t.start, t.end)].append(t)
    out = []
    for same in by_place.values():
        first = min(same, key=lambda t: t.distance)
        others = sorted({t.expected for t in same} - {first.expected})
        if others:
            shown = ", ".join(repr(o) for o in others)
            first = replace(first, evidence=f"{first.evidence}; as near to {shown}")
        out.append(first)
    out.sort(key=lambda t: (t.doc_id, t.start, t.item or ""))
    return out


def _not_read(g: Gram, lower_term: bool) -> bool:
    """Occurrences no decision reads: one beside an invisible character (that rule reports
    it), one cut off by the end of the text ("tear ga" ending an excerpt), and for a
    one-word term in lower case, a word with a capital inside a sentence (a name: "Martha
    Silaban" is not the term "silakan"), unless it opens a title-case run whose next word
    is an everyday one ("tentang Penetaan Hasil Hisab": the title's capitals)."""
    return g.invisible or g.cut_off or (
        g.size == 1 and lower_term and g.found[:1].isupper() and not g.found.isupper()
        and not g.initial and not g.titled)


def check(ctx: RuleContext) -> Iterator[Report]:
    for typo in term_typos(ctx):
        yield typo_report(ctx, typo)


RULE = Rule(id="term-misspelling", severity=Severity.ERROR, check=check, scope="corpus",
            needs=(NEAR_MISSES,))
