"""term-variant: a non-preferred form of a listed term.

Bad:  "kerjasama" (preferred: "kerja sama"), "paska" (preferred: "pasca")
Good: "kerja sama", "pasca"
"""

from __future__ import annotations

from collections.abc import Iterator

from factaudit.findings import Finding
from factaudit.rules import DocumentContext, Rule, example_path


def check_document(ctx: DocumentContext) -> Iterator[Finding]:
    terms = ctx.claims.terms
    doc = ctx.document
    doc_id = doc.id

    for h in ctx.hits:
        if h.target.kind != "term" or h.target.form != "variant":
            continue
        term = terms[h.target.index]
        if term.language and term.language != doc.language:
            continue
        found = doc.text[h.start:h.end]
        yield Finding(
            rule=RULE.id,
            verdict="variant",
            severity=ctx.severity(RULE, term.severity),
            message=f"{found!r}: the preferred form is {term.preferred!r}",
            claim=term.item_id,
            document=doc_id,
            start=h.start,
            end=h.end,
            expected=term.preferred,
            found=found,
            how="listed variant",
        )


RULE = Rule(
    id="term-variant",
    description="A non-preferred variant of a listed term is used.",
    severity="warning",
    check_document=check_document,
    examples=example_path(__file__),
)
