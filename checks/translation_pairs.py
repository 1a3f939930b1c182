"""translation-pairs: a translation (or copy) of a document carries different facts.

Documents are paired when declared (``translation_of``) or detected: two in one language
that share 30 % or more of their text (five-word passages, however many facts a copy
changed), two in different languages that write 80 % or more of their numbers, dates and
names in the same order, with about the same length; the pair's evidence is in every
message. A copy in one language that shares less than 40 % of its text is a rewrite or a
later update of the same story: it counts once as a source, but its changed facts are
not reported (an update's new toll is no slip of the copy). Facts written with digits —
dates, years, periods,
quantities, durations, ordinals — and the entities named must be the same in both. A
detected pair may be an abridged copy, so there only changed facts are reported (one
value of a kind on one side, another of that kind on the other), not omissions; and a
fact the claims read on one side is changed only if the other text does not write it at
all (a cue may stand by it in one language only). In a copy in the same language, a fact
changed only where its sentence has a counterpart in the other (half its word triples,
numbers aside) that writes another fact of its kind instead: a sentence only one copy
carries (a later update, a passage the other cut) changes nothing. A number is compared as
written, whatever approximation word stands by it ("at least 58" in one, "58" in the
other).

Bad:  the English text says "on July 6 … 25 years", the Indonesian one "7 Juli … 25 tahun"
Good: "Tuesday, July 6 … 25 years" and "Selasa 6 Juli … 25 tahun"
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factaudit.matching.copies import text_share
from factaudit.matching.passages import document_sentences, values_where
from factaudit.rules import Document, HitKind, Report, Rule, RuleContext, Severity, Verdict
from factaudit.rules.facts import COPIES, fact_key

_NAMES = (HitKind.ENTITY_NAME, HitKind.ENTITY_ALIAS, HitKind.ENTITY_VARIANT,
          HitKind.ENTITY_OTHER)


def check(ctx: RuleContext) -> Iterator[Report]:
    copies = ctx.fact(COPIES)
    signatures = copies.signatures
    declared = [p for p in copies.pairs if p.how == "declared"]
    named = _named(ctx) if copies.pairs else {}
    full = _full_signatures(ctx, {d for p in declared for d in (p.a, p.b)}, named)
    for pair in copies.pairs:
        a, b = pair.a, pair.b
        if pair.how == "declared":
            sig = {a: full.get(a, set()), b: full.get(b, set())}
        elif a in signatures and b in signatures:
            sig = {a: set(signatures[a]), b: set(signatures[b])}
        else:
            continue
        share = text_share(pair.how)
        if share is not None and share < LITERAL_SHARE:
            continue  # a rewrite or a later update of one story: one source, but what
            # changed between them is the update, not a slip of the copy
        only = {a: sig[a] - sig[b], b: sig[b] - sig[a]}
        if pair.how != "declared":
            only = _changed(ctx, a, b, only, full, named)
        for here, there in ((a, b), (b, a)):
            if only[here]:
                yield from _located(ctx, here, there, only[here], pair.how)


def _named(ctx: RuleContext) -> dict[str, set[str]]:
    """The entities each document names."""
    named: dict[str, set[str]] = {}
    for h in ctx.hits():
        if h.kind in _NAMES:
            named.setdefault(h.document, set()).add(h.item)
    return named


def _changed(ctx: RuleContext, a: str, b: str, only: dict[str, set[str]],
             full: dict[str, set[str]], named: dict[str, set[str]]) -> dict[str, set[str]]:
    """The facts of a detected copy that changed. It may be abridged: a fact of one kind
    on each side, not facts that one side leaves out; and a fact the claims read on one
    side only may be written on the other, where no cue stood by it: only what the other
    text does not write at all has changed (``full`` keeps the texts read)."""
    kinds = {x: {f.split(":", 1)[0] for f in only[x]} for x in only}
    only = {x: {f for f in only[x] if f.split(":", 1)[0] in kinds[y]}
            for x, y in ((a, b), (b, a))}
    if only[a] or only[b]:
        full.update(_full_signatures(ctx, {a, b} - set(full), named))
        only = {x: {f for f in only[x] if f not in full.get(y, set())}
                for x, y in ((a, b), (b, a))}
    if (only[a] or only[b]) and ctx.info(a).language == ctx.info(b).language:
        sentences = _sentence_facts(ctx, (a, b))
        only = {x: {f for f in only[x] if _changed_in_place(f, sentences[x], sentences[y])}
                for x, y in ((a, b), (b, a))}
    return only


LITERAL_SHARE = 0.4  # of the text a same-language copy shares for its changes to count


_Row = tuple[frozenset[tuple[str, str, str]], set[str]]  # a sentence's word triples, facts
ALIGNED = 0.5  # share of a sentence's word triples its counterpart in a copy writes too


def _sentence_facts(ctx: RuleContext, ids: tuple[str, str]
                    ) -> dict[str, list[_Row]]:
    """Each sentence of the documents as (its word triples without numbers, its facts)."""
    out: dict[str, list[_Row]] = {}
    names: dict[str, list[tuple[int, str]]] = {}
    for h in ctx.hits():
        if h.kind in _NAMES and h.document in ids:
            names.setdefault(h.document, []).append((h.start, h.item))
    for doc in ctx.documents(list(ids)):
        rows = []
        for (lo, hi), values in _every_sentence(doc):
            words = [w.casefold() for w in _WORD.findall(doc.text, lo, hi)]
            facts = {fact_key(v.kind, v.canonical) for v in values
                     if any(c.isdigit() for c in v.raw)}
            facts |= {f"entity:{e}" for at, e in names.get(doc.id, []) if lo <= at < hi}
            rows.append((frozenset(zip(words, words[1:], words[2:], strict=False)), facts))
        out[doc.id] = rows
    return out


def _every_sentence(doc: Document) -> Iterator[tuple[tuple[int, int], list]]:
    spans = dict(values_where(doc))
    for span in document_sentences(doc):
        yield span, spans.get(span, [])


def _changed_in_place(fact: str, here: list[_Row],
                      there: list[_Row]) -> bool:
    """Whether a sentence that writes ``fact`` has a counterpart in the copy (most of its
    word triples, numbers aside) that writes another fact of its kind instead: a changed
    fact, not a passage one side cut or an update only one side carries."""
    kind = fact.split(":", 1)[0]
    for triples, facts in here:
        if fact not in facts or not triples:
            continue
        for other, other_facts in there:
            if len(triples & other) >= ALIGNED * len(triples) and fact not in other_facts \
                    and any(f.split(":", 1)[0] == kind for f in other_facts):
                return True
    return False


_WORD = re.compile(r"[^\W\d_]+")


def _full_signatures(ctx: RuleContext, ids: set[str], named: dict[str, set[str]]
                     ) -> dict[str, set[str]]:
    """The facts of whole documents: for comparing declared translations, and what a
    detected copy writes besides what the claims read."""
    out = {}
    for doc in ctx.documents(sorted(ids)):
        facts = {fact_key(v.kind, v.canonical) for _, values in values_where(doc)
                 for v in values if any(c.isdigit() for c in v.raw)}
        out[doc.id] = facts | {f"entity:{e}" for e in named.get(doc.id, set())}
    return out


def _located(ctx: RuleContext, here: str, there: str, missing: set[str],
             how: str) -> Iterator[Report]:
    reported: set[str] = set()
    for doc in ctx.documents([here]):
        yield from _in_text(ctx, doc, there, missing, how, reported)
    for fact in sorted(missing - reported):
        if fact.startswith("entity:"):
            yield _report(ctx, here, there, how, fact.replace(":", " ", 1), fact[7:])


def _in_text(ctx: RuleContext, doc: Document, there: str, missing: set[str], how: str,
             reported: set[str]) -> Iterator[Report]:
    for _, values in values_where(doc):
        for v in values:
            fact = fact_key(v.kind, v.canonical)
            if fact not in missing or fact in reported or not any(c.isdigit() for c in v.raw):
                continue
            reported.add(fact)
            yield _report(ctx, doc.id, there, how, f"{v.kind} {v.canonical}", v.raw,
                          (v.start, v.end))


def _report(ctx: RuleContext, here: str, there: str, how: str, fact: str, raw: str,
            span: tuple[int, int] | None = None) -> Report:
    return ctx.report(
        verdict=Verdict.CONFLICTING, document=here, span=span,
        message=f"{raw!r} ({fact}) is not in {there}, a translation or copy of this document "
                f"({how})",
        expected=f"the same facts as {there}", found=fact, how=how)


RULE = Rule(id="translation-pairs", severity=Severity.WARNING, check=check, scope="corpus",
            needs=(COPIES,))
