"""translation-pairs: a translation (or copy) of a document carries different facts.

Documents are paired when declared (``translation_of``) or detected (they share most of
their numbers, dates and names). Facts written with digits — dates, years, periods,
quantities, durations, ordinals — and the entities named must be the same in both. A
detected pair may be an abridged copy, so there only changed facts are reported (one
value of a kind on one side, another of that kind on the other), not omissions.

Bad:  the English text says "on July 6 … 25 years", the Indonesian one "7 Juli … 25 tahun"
Good: "Tuesday, July 6 … 25 years" and "Selasa 6 Juli … 25 tahun"
"""

from __future__ import annotations

from collections.abc import Iterator

from factaudit.findings import Finding
from factaudit.passages import values_where
from factaudit.rules import AuditContext, Rule, example_path


def check(ctx: AuditContext) -> Iterator[Finding]:
    signatures = ctx.signatures
    for pair in ctx.source_pairs:
        a, b = pair.a, pair.b
        if pair.how == "declared":
            sig = {a: ctx.full_signature(a), b: ctx.full_signature(b)}
        elif a in signatures and b in signatures:
            sig = {a: signatures[a], b: signatures[b]}
        else:
            continue
        only = {a: sig[a] - sig[b], b: sig[b] - sig[a]}
        if pair.how != "declared":
            # a detected copy may be abridged: report changed facts (a fact of one kind on
            # each side), not facts that one side simply leaves out
            kinds = {x: {f.split(":", 1)[0] for f in only[x]} for x in only}
            only = {x: {f for f in only[x] if f.split(":", 1)[0] in kinds[y]}
                    for x, y in ((a, b), (b, a))}
        for here, there in ((a, b), (b, a)):
            if only[here]:
                yield from _located(ctx, here, there, only[here], pair.how)


def _located(ctx: AuditContext, here: str, there: str, missing: set[str], how: str):
    doc = ctx.document(here)
    reported = set()
    for _, values in values_where(doc):
        for v in values:
            fact = f"{v.kind}:{v.canonical}"
            if fact not in missing or fact in reported or not any(c.isdigit() for c in v.raw):
                continue
            reported.add(fact)
            yield _finding(ctx, here, there, how, f"{v.kind} {v.canonical}", v.raw,
                           start=v.start, end=v.end)
    for fact in sorted(missing - reported):
        if fact.startswith("entity:"):
            yield _finding(ctx, here, there, how, fact.replace(":", " ", 1), fact[7:])


def _finding(ctx, here, there, how, fact, raw, start=None, end=None) -> Iterator[Finding]:
    return Finding(
        rule=RULE.id,
        verdict="conflicting",
        severity=ctx.severity(RULE),
        message=f"{raw!r} ({fact}) is not in {there}, a translation or copy of this document "
                f"({how})",
        document=here,
        start=start,
        end=end,
        expected=f"the same facts as {there}",
        found=fact,
        how=how,
    )


RULE = Rule(
    id="translation-pairs",
    description="A translation or copy of a document carries different dates, numbers or names.",
    severity="warning",
    check=check,
    examples=example_path(__file__),
)
