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
        expected = claim.expected_value
        if expected is None:
            continue
        for m in ctx.mentions_by_claim.get(claim.id, []):
            if agrees(claim.type, expected, m.value, claim.tolerance):
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
                how=f"{m.how}; attributed to cue {m.cue!r}",
            )


RULE = Rule(
    id="value-contradiction",
    description="A source states a value that differs from the claim's expected value.",
    severity="error",
    check=check,
    examples=example_path(__file__),
)
