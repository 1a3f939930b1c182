"""name-consistency: the corpus spells one entity in more than one accepted way.

Bad:  "Sergei Ivanov" in two sources, "Sergey Ivanov" in two others (one finding, with
      the count of each spelling per source)
Good: every source writes "Sergei Ivanov" (or every source writes "Sergey Ivanov")
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from factaudit.rules import HitKind, Report, Rule, RuleContext, Severity, Verdict, listing


def check(ctx: RuleContext) -> Iterator[Report]:
    spellings: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for kind in (HitKind.ENTITY_NAME, HitKind.ENTITY_VARIANT):
        for h in ctx.hits(kind):
            spellings[h.item][h.text][h.document] += 1
    for item in sorted(spellings):
        by_form = spellings[item]
        if len(by_form) < 2:
            continue
        entity = ctx.claims.entity(item)
        parts = []
        for form, per_doc in sorted(by_form.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
            docs = listing(f"{d} ×{n}" for d, n in sorted(per_doc.items(),
                                                           key=lambda dn: (-dn[1], dn[0])))
            parts.append(f"{form!r} in {docs}")
        yield ctx.report(
            verdict=Verdict.VARIANT, item=entity,
            message=f"{entity.name!r} is spelled {len(by_form)} ways across the corpus: "
                    + "; ".join(parts),
            expected=entity.name, found=" / ".join(sorted(by_form)),
            how="count of each declared spelling per source")


RULE = Rule(id="name-consistency", severity=Severity.WARNING, check=check, scope="corpus")
