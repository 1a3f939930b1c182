"""cross-source-disagreement: sources give different values for a claim marked consistent.

Bad:  one source says the launch was "virtual", another that it was "in person"
Good: every source that mentions the launch calls it virtual

Translations and copies of one another count as one source (see translation-pairs).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from factaudit.reading.values import agrees
from factaudit.rules import (
    Report,
    Rule,
    RuleContext,
    Severity,
    Verdict,
    listing,
    mentions_by_claim,
)
from factaudit.rules.facts import COPIES


def check(ctx: RuleContext) -> Iterator[Report]:
    groups_of = ctx.fact(COPIES).groups
    by_claim = mentions_by_claim(ctx.mentions)
    for claim in ctx.claims.claims:
        if not claim.consistent:
            continue
        mentions = [m for m in by_claim.get(claim.id, []) if m.modality == "fact"]
        groups = _groups(claim.type, [m.value for m in mentions])
        if len(set(groups.values())) < 2:
            continue
        sources: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            sources[groups[m.value]].add(m.document)
        if len({d for docs in sources.values() for d in docs}) < 2:
            continue  # one document at odds with itself: intra-document-consistency
        summary = "; ".join(_describe(value, docs, groups_of)
                            for value, docs in sorted(sources.items()))
        for m in mentions:
            others = sorted(v for v in sources if v != groups[m.value])
            yield ctx.report(
                verdict=Verdict.CONFLICTING, item=claim, document=m.document,
                span=(m.value_start, m.value_end),
                message=f"{claim.statement} — sources disagree: {summary}",
                expected=" / ".join(others), found=m.value,
                how=f"{m.how}; attributed to cue {m.cue!r}")


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


RULE = Rule(id="cross-source-disagreement", severity=Severity.ERROR, check=check,
            scope="corpus", needs=(COPIES,))
