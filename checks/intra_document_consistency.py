"""intra-document-consistency: one document gives two different values for the same claim.

Bad:  "the meeting on 6 July …" and later "the meeting on 7 July …" in one article
Good: the same value repeated, in any written form ("6 Juli 2021", "Selasa (6/7)")

For claims without an expected value (``consistent: true``, or an age counted from a year
in a document with no date): compares each value with the document's first mention of the
claim. A claim with an expected value needs no such comparison: value-contradiction
reports each wrong value itself. Plans and uncertain readings are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from factaudit.reading.text import LineIndex
from factaudit.reading.values import agrees
from factaudit.rules import Report, Rule, RuleContext, Severity, Verdict, mentions_by_claim


def check(ctx: RuleContext) -> Iterator[Report]:
    doc = ctx.document
    lines = None
    for claim_id, mentions in mentions_by_claim(ctx.mentions).items():
        claim = ctx.claims.claim(claim_id)
        if claim.expected_for(doc.published_date)[0] is not None:
            continue  # every wrong value is a contradiction of its own
        firm = [m for m in mentions if m.modality == "fact" and not m.uncertain]
        if len(firm) < 2:
            continue
        first = firm[0]
        for m in firm[1:]:
            if agrees(claim.type, first.value, m.value, claim.tolerance) or agrees(
                    claim.type, m.value, first.value, claim.tolerance):
                continue
            lines = lines or LineIndex(doc.text, doc.first_line)
            line = lines.position(first.value_start)[0]
            yield ctx.report(
                verdict=Verdict.CONFLICTING, item=claim, span=(m.value_start, m.value_end),
                message=f"{claim.statement} — this document says {m.raw!r} here but "
                        f"{first.raw!r} on line {line}",
                expected=first.value, found=m.value,
                how=f"{m.how}; compared with the document's first mention")


RULE = Rule(id="intra-document-consistency", severity=Severity.WARNING, check=check)
