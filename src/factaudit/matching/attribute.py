"""From the scan's cue hits to Mentions: typed values in the sentences that hold a cue,
each attributed to the claim whose cue is nearest.

1. Only sentences that hold a cue are read for values (``reading.values.read_values``).
2. Each value is attributed to the nearest cue in its sentence, where "nearest" counts
   characters and adds a penalty for every clause boundary in between; the value goes to
   every claim whose cue is that near (two claims may share a cue). A cue then keeps the
   nearest of the values attributed to it. So in "relations began in 1991 and it became a
   full partner in 1996", 1991 goes to the first cue and 1996 to the second.

When asked (``trace``: item ids), every step is recorded as a ``TraceStep``: each cue
found, each value read in its sentence and what became of it, and why. ``factaudit
explain`` renders these records; it never re-computes an attribution of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache

from factaudit.inputs.claims import Claim, ClaimSet
from factaudit.model import Document, DocumentInfo, Hit, HitKind, Mention, TraceStep, ValueKind
from factaudit.reading.languages import by_language, get_pack
from factaudit.reading.text import fold, fold_phrase, sentences
from factaudit.reading.values import Value, read_categories, read_values

CLAUSE_PENALTY = 40


@dataclass
class Attribution:
    """What attribution found in one document, and (for traced items) why."""

    mentions: list[Mention] = field(default_factory=list)
    trace: list[TraceStep] = field(default_factory=list)


def in_scope(claim: Claim, doc: DocumentInfo) -> str | None:
    """Why ``claim`` does not apply to ``doc`` (None when it does)."""
    if not claim.holds_at(doc.published_date):
        return f"published {doc.published}, outside valid: {claim.valid}"
    scope = claim.scope
    if scope is None:
        return None
    if scope.sources is not None and doc.id not in scope.sources:
        return "not one of the claim's sources (scope)"
    if scope.languages is not None and doc.language not in scope.languages:
        return f"in {doc.language}, not in the claim's languages (scope)"
    return None


def attribute(doc: Document, claims: ClaimSet, hits: list[Hit],
              trace: Collection[str] = ()) -> Attribution:
    """Mentions of claims in one document, from the scan hits of that document."""
    out = Attribution()
    cue_hits = []
    for h in hits:
        if h.kind != HitKind.CUE:
            continue
        why = in_scope(claims.claim(h.item), doc)
        if why is None:
            cue_hits.append(h)
        elif h.item in trace:
            out.trace.append(TraceStep(doc.id, h.item, (h.start, h.end), "out-of-scope", why,
                                       cue=(h.start, h.end), cue_text=h.text))
    if not cue_hits:
        return out
    pack = get_pack(doc.language)
    spans = sentences(doc.text, frozenset(pack.abbreviations))
    starts = [s for s, _ in spans]
    by_sentence: dict[int, list[Hit]] = defaultdict(list)
    for h in cue_hits:
        k = bisect_right(starts, h.start) - 1
        if k >= 0 and h.end <= spans[k][1]:
            by_sentence[k].append(h)
    base = doc.published_date
    for k, sentence_hits in sorted(by_sentence.items()):
        s_start, s_end = spans[k]
        sentence = doc.text[s_start:s_end]
        values = [v.shifted(s_start) for v in
                  read_values(sentence, doc.language, base, doc.date_order)]
        _sentence(doc, claims, sentence_hits, values, sentence, (s_start, s_end), trace, out)
    out.mentions.sort(key=lambda m: (m.value_start, m.claim))
    return out


def _sentence(doc: Document, claims: ClaimSet, hits: list[Hit], values: list[Value],
              sentence: str, span: tuple[int, int], trace: Collection[str],
              out: Attribution) -> None:
    s_start, s_end = span
    # Cues compete for values in pools: one pool per value kind, and one per category
    # claim (each has its own signal words).
    pools: dict[str, tuple[list[Hit], list[Value]]] = {}
    for h in hits:
        claim = claims.claim(h.item)
        key = f"category:{claim.id}" if claim.type == "category" else claim.type
        if key not in pools:
            if claim.type == "category":
                pool_values = [v.shifted(s_start)
                               for v in read_categories(sentence, claim.signals())]
            else:
                pool_values = [v for v in values if v.kind == claim.type]
            pools[key] = ([], pool_values)
        pools[key][0].append(h)
        if h.item in trace:
            out.trace.append(TraceStep(doc.id, h.item, span, "cue", f"cue {h.text!r} found",
                                       cue=(h.start, h.end), cue_text=h.text))
    boundaries = [m.start() for m in _clause_pattern(doc.language).finditer(sentence)]
    found: dict[tuple[str, int, int], Mention] = {}
    for cue_hits, pool_values in pools.values():
        by_claim: dict[str, list[Hit]] = defaultdict(list)
        for h in sorted(cue_hits, key=lambda h: (h.start, h.end)):
            by_claim[h.item].append(h)
        starts = {c: [h.start for h in hs] for c, hs in by_claim.items()}
        assigned: dict[int, list[tuple[int, Value]]] = defaultdict(list)
        lost: dict[tuple[str, int], TraceStep] = {}
        for v in pool_values:
            # the nearest cue of each claim that accepts the value: the cues beside it on
            # either side (a farther cue on one side can never be nearer)
            best: list[tuple[int, Hit]] = []
            refused: list[str] = []
            for c, hs in by_claim.items():
                if not _accepts(claims.claim(c), v, doc):
                    refused.append(c)
                    continue
                k = bisect_right(starts[c], v.start)
                for h in hs[max(0, k - 2):k + 1]:
                    best.append((_distance(h, v, s_start, boundaries), h))
            nearest = min((d for d, _ in best), default=None)
            for d, h in best:
                if d == nearest:
                    assigned[id(h)].append((d, v))
            for c in trace:
                if c in refused:
                    words = sorted({w for ws in (claims.claim(c).unit_words or {}).values()
                                    for w in ws})
                    out.trace.append(_step(doc, c, span, v, "no-unit",
                                           f"not followed by a unit word of the claim "
                                           f"({', '.join(words)})"))
                elif c in by_claim and nearest is not None:
                    own = min(((d, h) for d, h in best if h.item == c), key=lambda dh: dh[0])
                    if own[0] > nearest:
                        winner = next(h for d, h in best if d == nearest)
                        lost[(c, v.start)] = _step(
                            doc, c, span, v, "other-cue",
                            f"not attributed: nearer cue {winner.text!r} of {winner.item} "
                            f"(distance {nearest}, vs {own[0]} to {own[1].text!r})",
                            own[1], own[0])
        kept: set[tuple[str, int]] = set()
        kept_by: dict[str, tuple[Hit, Value]] = {}
        for h in cue_hits:
            if id(h) not in assigned:
                continue
            d, v = min(assigned[id(h)], key=lambda dv: (dv[0], dv[1].start))
            claim = claims.claim(h.item)
            mention_key = (claim.id, v.start, v.end)
            if mention_key in found:
                continue
            kept.add((claim.id, v.start))
            kept_by.setdefault(claim.id, (h, v))
            found[mention_key] = Mention(
                document=doc.id, claim=claim.id, language=doc.language,
                sentence_start=s_start, sentence_end=s_end, cue_start=h.start, cue_end=h.end,
                cue=h.text, value_start=v.start, value_end=v.end, raw=v.raw,
                value=v.canonical, kind=ValueKind(v.kind), how=v.how, weekday=v.weekday,
            )
            if claim.id in trace:
                out.trace.append(_step(doc, claim.id, span, v, "mention",
                                       f"attributed to cue {h.text!r} (distance {d})", h, d))
        for c in trace:
            if c not in by_claim:
                continue
            for v in pool_values:
                if (c, v.start) in kept:
                    continue
                if (c, v.start) in lost:
                    out.trace.append(lost[(c, v.start)])
                elif not any(s.decision == "no-unit" and s.item == c and s.value == (
                        v.start, v.end) for s in out.trace):
                    kept_pair = kept_by.get(c)
                    reason = ("not kept: the cue keeps a nearer value" if kept_pair is None
                              else f"not kept: cue {kept_pair[0].text!r} keeps its nearest "
                              f"value {kept_pair[1].raw!r}")
                    out.trace.append(_step(doc, c, span, v, "not-kept", reason))
    for c in trace:
        traced = claims.find(c)
        if not isinstance(traced, Claim) or c not in {h.item for h in hits}:
            continue
        claim = traced
        kinds = {v.kind for v in values if v.kind != claim.type}
        for v in values:
            if v.kind != claim.type and claim.type != "category":
                out.trace.append(_step(doc, c, span, v, "wrong-kind",
                                       f"a {v.kind}, the claim reads {claim.type} values"))
        if claim.type == "category" and not any(
                s.item == c and s.sentence == span and s.value for s in out.trace):
            names = ", ".join(sorted(claim.signals()))
            out.trace.append(TraceStep(doc.id, c, span, "no-value",
                                       f"no signal word of any category ({names}) in this "
                                       "sentence"))
        elif claim.type != "category" and not any(v.kind == claim.type for v in values):
            also = f" (only {', '.join(sorted(kinds))})" if kinds else ""
            out.trace.append(TraceStep(doc.id, c, span, "no-value",
                                       f"no {claim.type} in this sentence{also}"))
    out.mentions.extend(found.values())


def _step(doc: Document, item: str, span: tuple[int, int], v: Value, decision: str,
          reason: str, cue: Hit | None = None, distance: int | None = None) -> TraceStep:
    return TraceStep(doc.id, item, span, decision, reason,
                     cue=(cue.start, cue.end) if cue else None,
                     cue_text=cue.text if cue else None, value=(v.start, v.end), raw=v.raw,
                     kind=str(v.kind), canonical=v.canonical, how=v.how, distance=distance)


def _accepts(claim: Claim, v: Value, doc: Document) -> bool:
    if claim.type != "quantity" or not claim.unit_words:
        return True
    words = [fold_phrase(w) for ws in claim.unit_words.values() for w in ws]
    after = fold(doc.text[v.end : v.end + 60]).text.strip()
    return any(after == w or after.startswith(w + " ") for w in words)


@by_language
@cache
def _clause_pattern(lang: str) -> re.Pattern[str]:
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
