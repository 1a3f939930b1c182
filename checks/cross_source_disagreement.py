"""cross-source-disagreement: sources give different values for a claim marked consistent.

Bad:  one source says the meeting was "virtual", another that it was an "official visit"
Good: every source that mentions the meeting calls it virtual
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from factaudit.findings import Finding, listing
from factaudit.rules import AuditContext, Rule, example_path
from factaudit.values import agrees


def check(ctx: AuditContext) -> Iterator[Finding]:
    for claim in ctx.claims.claims:
        if not claim.consistent:
            continue
        mentions = ctx.mentions_by_claim.get(claim.id, [])
        groups = _groups(claim.type, [m.value for m in mentions])
        if len(set(groups.values())) < 2:
            continue
        sources: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            sources[groups[m.value]].add(m.document)
        summary = "; ".join(_describe(value, docs, ctx.source_groups)
                            for value, docs in sorted(sources.items()))
        for m in mentions:
            others = sorted(v for v in sources if v != groups[m.value])
            yield Finding(
                rule=RULE.id,
                verdict="conflicting",
                severity=ctx.severity(RULE, claim.severity),
                message=f"{claim.statement} — sources disagree: {summary}",
                claim=claim.id,
                document=m.document,
                start=m.value_start,
                end=m.value_end,
                expected=" / ".join(others),
                found=m.value,
                how=f"{m.how}; attributed to cue {m.cue!r}",
            )


def _describe(value: str, docs: set[str], source_groups: dict[str, str]) -> str:
    """'virtual in 3 sources, 2 independent (a+b, c)': translations and copies count once."""
    independent = sorted({source_groups.get(d, d) for d in docs})
    text = f"{value} in {len(docs)} source{'s' if len(docs) != 1 else ''}"
    if len(independent) != len(docs):
        return text + f", {len(independent)} independent ({listing(independent)})"
    return text + f" ({listing(sorted(docs))})"


def _groups(kind: str, values: list[str]) -> dict[str, str]:
    """Each value → the representative of the group of values that agree with it."""
    reps: list[str] = []
    out: dict[str, str] = {}
    for v in sorted(set(values), key=lambda x: (-len(x), x)):  # most precise first
        rep = next((r for r in reps if agrees(kind, r, v)), None)
        if rep is None:
            reps.append(v)
            rep = v
        out[v] = rep
    return out


RULE = Rule(
    id="cross-source-disagreement",
    description="Sources give different values for a claim whose sources must agree.",
    severity="error",
    check=check,
    examples=example_path(__file__),
)
