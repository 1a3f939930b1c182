"""name-variant: an accepted but non-canonical spelling of a name (a transliteration).

Info: "Sergey Lavrov" where the canonical form is "Sergei Lavrov" and "Sergey Lavrov" is
      declared as a variant.
Good: "Sergei Lavrov"
"""

from __future__ import annotations

from collections.abc import Iterator

from factaudit.findings import Finding
from factaudit.rules import DocumentContext, Rule, example_path


def check_document(ctx: DocumentContext) -> Iterator[Finding]:
    entities = ctx.claims.entities
    doc_id = ctx.document.id
    for h in ctx.hits:
        if h.target.kind != "entity" or h.target.form != "variant":
            continue
        entity = entities[h.target.index]
        found = ctx.document.text[h.start:h.end]
        yield Finding(
            rule=RULE.id,
            verdict="variant",
            severity=ctx.severity(RULE),
            message=f"{found!r} is an accepted variant of {entity.name!r}",
            claim=entity.item_id,
            document=doc_id,
            start=h.start,
            end=h.end,
            expected=entity.name,
            found=h.target.text,
            how="declared variant",
        )


RULE = Rule(
    id="name-variant",
    description="An accepted variant spelling (transliteration) of a name is used.",
    severity="info",
    check_document=check_document,
    examples=example_path(__file__),
)
