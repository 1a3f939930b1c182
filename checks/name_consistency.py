"""name-consistency: the corpus spells one entity in more than one accepted way.

Bad:  "Sergei Lavrov" in two sources, "Sergey Lavrov" in two others (one finding, with
      the count of each spelling per source)
Good: every source writes "Sergei Lavrov" (or every source writes "Sergey Lavrov")
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from factaudit.findings import Finding, listing
from factaudit.rules import AuditContext, Rule, example_path


def check(ctx: AuditContext) -> Iterator[Finding]:
    entities = ctx.claims.entities
    spellings: dict[int, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for doc_id, hits in ctx.hits.items():
        for h in hits:
            if h.target.kind == "entity" and h.target.form in ("name", "variant"):
                spellings[h.target.index][h.target.text][doc_id] += 1
    for index, by_form in sorted(spellings.items()):
        if len(by_form) < 2:
            continue
        entity = entities[index]
        parts = []
        for form, per_doc in sorted(by_form.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
            docs = listing(f"{d} ×{n}" for d, n in sorted(per_doc.items(),
                                                           key=lambda dn: (-dn[1], dn[0])))
            parts.append(f"{form!r} in {docs}")
        yield Finding(
            rule=RULE.id,
            verdict="variant",
            severity=ctx.severity(RULE, entity.severity),
            message=f"{entity.name!r} is spelled {len(by_form)} ways across the corpus: "
                    + "; ".join(parts),
            claim=entity.item_id,
            expected=entity.name,
            found=" / ".join(sorted(by_form)),
            how="count of each declared spelling per source",
        )


RULE = Rule(
    id="name-consistency",
    description="The corpus spells one entity in more than one accepted way.",
    severity="warning",
    check=check,
    examples=example_path(__file__),
)
