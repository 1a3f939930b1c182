"""value-contradiction: a source states a value other than the claim's expected value.

Bad:  claim "strategic partner since 2018"; source: "a strategic partner of ASEAN since 1996"
Good: source: "became a strategic partner of ASEAN in 2018"
"""

from __future__ import annotations

from collections.abc import Iterator

from factaudit.findings import Finding
from factaudit.rules import AuditContext, Rule, example_path
from factaudit.values import agrees


def check(ctx: AuditContext) -> Iterator[Finding]:
    for claim in ctx.claims.claims:
        if claim.consistent:
            continue
        for m in ctx.mentions_by_claim.get(claim.id, []):
            doc = ctx.documents_by_id[m.document]
            expected, derivation = claim.expected_for(doc.published_date)
            if expected is None or agrees(claim.type, expected, m.value, claim.tolerance):
                continue
            yield Finding(
                rule=RULE.id,
                verdict="refuted",
                severity=ctx.severity(RULE, claim.severity),
                message=f"{claim.statement} — this source says {m.raw!r} "
                        f"({claim.type} {m.value}), expected {expected}",
                claim=claim.id,
                document=m.document,
                start=m.value_start,
                end=m.value_end,
                expected=expected,
                found=m.value,
                how=f"{m.how}; attributed to cue {m.cue!r}; expected: {derivation}",
            )


RULE = Rule(
    id="value-contradiction",
    description="A source states a value that differs from the claim's expected value.",
    severity="error",
    check=check,
    examples=example_path(__file__),
)
