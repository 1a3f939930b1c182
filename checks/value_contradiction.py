"""value-contradiction: a source states a value other than the claim's expected value.

Bad:  claim "the bridge opened in 2019"; source: "the bridge, open since 2016, …"
Good: source: "the bridge opened in 2019"; "it opened on 12 March 2019" (a year claim
      compares the year of a full date)

Each value read in a sentence that holds a cue of the claim is compared with the expected
value (for ``counts_from``: the publication year minus that year). A value stated as a
plan or target is reported as info at most.
"""

from __future__ import annotations

from collections.abc import Iterator

from factaudit.reading.values import agrees, near
from factaudit.rules import Report, Rule, RuleContext, Severity, ValueKind, Verdict


def check(ctx: RuleContext) -> Iterator[Report]:
    doc = ctx.document
    for m in ctx.mentions:
        claim = ctx.claims.claim(m.claim)
        if claim.consistent:
            continue
        expected, derivation = claim.expected_for(doc.published_date, m.as_of)
        if expected is None or agrees(claim.type, expected, m.value, claim.tolerance):
            continue
        planned = m.modality == "planned"
        far = not near(claim.type, expected, m.value)
        note = (" (stated as a plan)" if planned else
                " (so far from it that it is probably another fact)" if far else "")
        yield ctx.report(
            verdict=Verdict.REFUTED, item=claim, span=(m.value_start, m.value_end),
            message=f"{claim.statement} — this source says {m.raw!r} "
                    f"({ValueKind(claim.type)} {m.value}), expected {expected}{note}",
            expected=expected, found=m.value,
            how=f"{m.how}; attributed to cue {m.cue!r}; expected: {derivation}",
            severity=Severity.INFO if planned or far else
            Severity.WARNING if m.uncertain else None)


RULE = Rule(id="value-contradiction", severity=Severity.ERROR, check=check)
