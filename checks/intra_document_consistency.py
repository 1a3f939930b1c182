"""intra-document-consistency: one document gives two different values for the same claim.

Bad:  "the meeting on 6 July …" and later "the meeting on 7 July …" in one article
Good: the same value repeated, in any written form ("6 Juli 2021", "Selasa (6/7)")
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from factaudit.findings import Finding
from factaudit.rules import AuditContext, Rule, example_path
from factaudit.values import agrees


def check(ctx: AuditContext) -> Iterator[Finding]:
    for claim in ctx.claims.claims:
        per_doc = defaultdict(list)
        for m in ctx.mentions_by_claim.get(claim.id, []):
            per_doc[m.document].append(m)
        for doc_id, mentions in sorted(per_doc.items()):
            first = mentions[0]
            for m in mentions[1:]:
                if agrees(claim.type, first.value, m.value, claim.tolerance) or agrees(
                        claim.type, m.value, first.value, claim.tolerance):
                    continue
                line = ctx.line_of(doc_id, first.value_start)
                yield Finding(
                    rule=RULE.id,
                    verdict="conflicting",
                    severity=ctx.severity(RULE, claim.severity),
                    message=f"{claim.statement} — this document says {m.raw!r} here but "
                            f"{first.raw!r} on line {line}",
                    claim=claim.id,
                    document=doc_id,
                    start=m.value_start,
                    end=m.value_end,
                    expected=first.value,
                    found=m.value,
                    how=f"{m.how}; compared with the document's first mention",
                )


RULE = Rule(
    id="intra-document-consistency",
    description="One document gives two different values for the same claim.",
    severity="warning",
    check=check,
    examples=example_path(__file__),
)
