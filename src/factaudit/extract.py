"""From documents to Mentions: one multi-pattern scan, then typed values in candidate sentences.

1. Every cue of every claim, every entity form and every term form goes into one
   Aho-Corasick automaton over folded text, so a document is scanned once however many
   claims there are.
2. Only sentences that hold a cue are read for values (``values.read_values``).
3. Each value is attributed to the nearest cue in its sentence, where "nearest" counts
   characters and adds a penalty for every clause boundary in between; a cue then keeps
   the nearest of the values attributed to it. So in "relations began in 1991 and it
   became a full partner in 1996", 1991 goes to the first cue and 1996 to the second.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import ahocorasick

from factaudit import plain
from factaudit.claims import Claim, ClaimSet
from factaudit.corpus import Document
from factaudit.languages import by_language, get_pack
from factaudit.text import fold, fold_phrase, sentences
from factaudit.values import Value, read_categories, read_values

CLAUSE_PENALTY = 40


@plain.register
@dataclass(frozen=True)
class Target:
    """What a pattern in the automaton stands for."""

    kind: str  # "cue", "entity" or "term"
    index: int  # position in claims / entities / terms
    form: str  # cue: the language; entity: name/alias/variant/other; term: preferred/variant
    text: str  # the pattern as the user wrote it


@plain.register
@dataclass(frozen=True)
class Hit:
    target: Target
    start: int
    end: int


@plain.register
@dataclass(frozen=True)
class Mention:
    """A place where a document speaks to a claim, with the value read there."""

    document: str
    claim: str
    language: str
    sentence_start: int
    sentence_end: int
    cue_start: int
    cue_end: int
    cue: str
    value_start: int
    value_end: int
    raw: str
    value: str
    kind: str
    how: str
    weekday: int | None = None


class Matcher:
    """The automaton of all cues, names and terms of a claim set."""

    def __init__(self, claims: ClaimSet, signal_languages: tuple[str, ...] = ()) -> None:
        """``signal_languages``: also find the words that per-document rules look for
        (weekday names, past markers, duration units of those languages), so that they
        need no scan of their own."""
        self.automaton = ahocorasick.Automaton()
        table: dict[str, list[Target]] = defaultdict(list)
        for i, claim in enumerate(claims.claims):
            for lang, cues in claim.cues.items():
                for cue in cues:
                    table[fold_phrase(cue)].append(Target("cue", i, lang, cue))
        for i, entity in enumerate(claims.entities):
            forms = [("name", entity.name)] + [("alias", a) for a in entity.aliases]
            forms += [("variant", v) for v in entity.variants]
            forms += [("other", o) for o in entity.others]
            for form, text in forms:
                table[fold_phrase(text)].append(Target("entity", i, form, text))
        for i, term in enumerate(claims.terms):
            forms = [("preferred", term.preferred)] + [("variant", v) for v in term.variants]
            for form, text in forms:
                table[fold_phrase(text)].append(Target("term", i, form, text))
        for lang in signal_languages:
            pack = get_pack(lang)
            for kind, words in (("weekday", pack.weekdays), ("past", pack.past_markers),
                                ("unit", pack.duration_units)):
                for word in words:
                    table[fold_phrase(word)].append(Target("signal", 0, f"{kind}:{lang}", word))
        self.size = 0
        for key, targets in table.items():
            if key:
                self.automaton.add_word(key, (len(key), tuple(targets)))
                self.size += 1
        if self.size:
            self.automaton.make_automaton()

    def scan(self, text: str) -> list[Hit]:
        """Whole-word hits of every pattern, with offsets in the original text."""
        if not self.size:
            return []
        folded = fold(text)
        ft = folded.text
        hits = []
        for end_index, (length, targets) in self.automaton.iter(ft):
            start_index = end_index - length + 1
            if start_index > 0 and ft[start_index - 1] != " ":
                continue
            if end_index + 1 < len(ft) and ft[end_index + 1] != " ":
                continue
            start, end = folded.span(start_index, end_index + 1)
            hits.extend(Hit(t, start, end) for t in targets)
        return hits


def in_scope(claim: Claim, doc: Document) -> bool:
    if not claim.holds_at(doc.published_date):
        return False
    scope = claim.scope
    if scope is None:
        return True
    if scope.sources is not None and doc.id not in scope.sources:
        return False
    return not (scope.languages is not None and doc.language not in scope.languages)


def extract(doc: Document, claims: ClaimSet, hits: list[Hit]) -> list[Mention]:
    """Mentions of claims in one document, from the scan hits of that document."""
    cue_hits = [h for h in hits if h.target.kind == "cue"
                and in_scope(claims.claims[h.target.index], doc)]
    if not cue_hits:
        return []
    pack = get_pack(doc.language)
    spans = sentences(doc.text, frozenset(pack.abbreviations))
    starts = [s for s, _ in spans]
    by_sentence: dict[int, list[Hit]] = defaultdict(list)
    for h in cue_hits:
        k = bisect_right(starts, h.start) - 1
        if k >= 0 and h.end <= spans[k][1]:
            by_sentence[k].append(h)
    mentions: list[Mention] = []
    base = doc.published_date
    for k, sentence_hits in sorted(by_sentence.items()):
        s_start, s_end = spans[k]
        sentence = doc.text[s_start:s_end]
        values = [v.shifted(s_start) for v in
                  read_values(sentence, doc.language, base, doc.date_order)]
        mentions += _attribute(doc, claims, sentence_hits, values, sentence, s_start, s_end)
    return mentions


def _attribute(doc: Document, claims: ClaimSet, hits: list[Hit], values: list[Value],
               sentence: str, s_start: int, s_end: int) -> list[Mention]:
    # Group cues by the pool of values they compete for: one pool per value kind, and
    # one per category claim (each has its own signal words).
    pools: dict[str, tuple[list[Hit], list[Value]]] = {}
    for h in hits:
        claim = claims.claims[h.target.index]
        key = f"category:{claim.id}" if claim.type == "category" else claim.type
        if key not in pools:
            if claim.type == "category":
                found = read_categories(sentence, claim.signals())
                pool_values = [v.shifted(s_start) for v in found]
            else:
                pool_values = [v for v in values if v.kind == claim.type]
            pools[key] = ([], pool_values)
        pools[key][0].append(h)
    boundaries = [m.start() for m in _clause_pattern(doc.language).finditer(sentence)]
    out: dict[tuple[str, int, int], Mention] = {}
    for cue_hits, pool_values in pools.values():
        by_claim: dict[int, list[Hit]] = defaultdict(list)
        for h in sorted(cue_hits, key=lambda h: (h.start, h.end)):
            by_claim[h.target.index].append(h)
        starts = {c: [h.start for h in hs] for c, hs in by_claim.items()}
        assigned: dict[int, list[tuple[int, Value]]] = defaultdict(list)
        for v in pool_values:
            # the nearest cue of each claim that accepts the value: the cues beside it on
            # either side (a farther cue on one side can never be nearer); the value goes
            # to every claim whose cue is nearest (two claims may share a cue)
            best: list[tuple[int, Hit]] = []
            for c, hs in by_claim.items():
                if not _accepts(claims.claims[c], v, doc):
                    continue
                k = bisect_right(starts[c], v.start)
                for h in hs[max(0, k - 2):k + 1]:
                    best.append((_distance(h, v, s_start, boundaries), h))
            if not best:
                continue
            nearest = min(d for d, _ in best)
            for d, h in best:
                if d == nearest:
                    assigned[id(h)].append((d, v))
        for h in cue_hits:
            if id(h) not in assigned:
                continue
            _, v = min(assigned[id(h)], key=lambda dv: (dv[0], dv[1].start))
            claim = claims.claims[h.target.index]
            key = (claim.id, v.start, v.end)
            if key in out:
                continue
            out[key] = Mention(
                document=doc.id, claim=claim.id, language=doc.language,
                sentence_start=s_start, sentence_end=s_end, cue_start=h.start, cue_end=h.end,
                cue=h.target.text, value_start=v.start, value_end=v.end, raw=v.raw,
                value=v.canonical, kind=v.kind, how=v.how, weekday=v.weekday,
            )
    return sorted(out.values(), key=lambda m: (m.value_start, m.claim))


def _accepts(claim: Claim, v: Value, doc: Document) -> bool:
    if claim.type != "quantity" or not claim.unit_words:
        return True
    words = [fold_phrase(w) for ws in claim.unit_words.values() for w in ws]
    after = fold(doc.text[v.end : v.end + 60]).text.strip()
    return any(after == w or after.startswith(w + " ") for w in words)


@by_language
@cache
def _clause_pattern(lang: str) -> re.Pattern:
    words = get_pack(lang).clause_words
    alts = "|".join(re.escape(w) for w in words)
    word_part = rf"|\b(?:{alts})\b" if alts else ""
    return re.compile(rf"[;:()\[\]]|,\s{word_part}", re.IGNORECASE)


def _distance(h: Hit, v: Value, s_start: int, boundaries: list[int]) -> int:
    """Characters between a cue and a value, plus a penalty for each clause boundary
    between them (``boundaries``: offsets in the sentence, sorted): constant time per pair."""
    if v.start < h.end and h.start < v.end:
        return 0
    lo, hi = (h.end, v.start) if h.end <= v.start else (v.end, h.start)
    crossed = bisect_left(boundaries, hi - s_start) - bisect_left(boundaries, lo - s_start)
    return hi - lo + CLAUSE_PENALTY * crossed
