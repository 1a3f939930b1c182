"""name-variant: an accepted but non-canonical spelling of a name (a transliteration).

Info: "Sergey Ivanov" where the canonical form is "Sergei Ivanov" and "Sergey Ivanov" is
      declared as a variant.
Good: "Sergei Ivanov"
"""

from __future__ import annotations

from collections.abc import Iterator

from factaudit.rules import HitKind, Report, Rule, RuleContext, Severity, Verdict


def check(ctx: RuleContext) -> Iterator[Report]:
    for h in ctx.hits(HitKind.ENTITY_VARIANT):
        entity = ctx.claims.entity(h.item)
        found = ctx.document.text[h.start:h.end]
        yield ctx.report(verdict=Verdict.VARIANT, item=entity, span=(h.start, h.end),
                         message=f"{found!r} is an accepted variant of {entity.name!r}",
                         expected=entity.name, found=h.text, how="declared variant")


RULE = Rule(id="name-variant", severity=Severity.INFO, check=check, item_severity=False)
