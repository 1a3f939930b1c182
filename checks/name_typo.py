"""name-typo: a word that is a near-miss of a word of an entity's name.

Bad:  "Dewi LP Kartiak" (entity Dewi Kartika: letters 'ka' swapped to 'ak'),
      "RETNO KARTIAK", "Sergei Lavrpv", "Sidharto Suryodipura"
Good: "Dewi Kartika", "DEWI KARTIKA", "Dewi\\nKartika", a declared alias or variant,
      a declared other name (``others: [Sergei Lavrin]``), "the Webers", a lower-case word

A near-miss needs evidence (see ``factaudit.spelling.name_decision``): another word of the
same name beside it allows one edit (two from 10 letters), any letter; a word alone must
look like a proper noun — capitalised, never written in lower case in the corpus, not an
ordinary word of the language's Hunspell dictionary when one is installed — keep its first
letter (unless the name has 8+ letters), have 5+ letters (7+ when it opens a sentence) and
differ by one edit (two from 12 letters).
"""

from __future__ import annotations

from collections.abc import Iterator

from factaudit.findings import Finding
from factaudit.rules import AuditContext, DocumentContext, Rule, example_path
from factaudit.spelling import collect, describe_difference, match_case, name_typos


def check_document(ctx: DocumentContext) -> Iterator[Finding]:
    """Collect this document's near-misses; the decision needs the whole corpus."""
    collect(ctx)
    return iter(())


def check(ctx: AuditContext) -> Iterator[Finding]:
    entities = ctx.claims.entities
    for typo in name_typos(ctx):
        entity = entities[typo.entity]
        shown = match_case(typo.expected, typo.found)
        difference = describe_difference(typo.found, shown)
        yield Finding(
            rule=RULE.id,
            verdict="typo",
            severity=ctx.severity(RULE, entity.severity),
            message=f"{typo.found!r} looks like a misspelling of {typo.expected!r} "
                    f"in {entity.name!r}: {difference}",
            claim=entity.item_id,
            document=typo.doc_id,
            start=typo.start,
            end=typo.end,
            expected=typo.expected,
            found=typo.found,
            how=f"edit distance {typo.distance} from {typo.expected!r} of {entity.name!r}; "
                f"{typo.evidence}",
        )


RULE = Rule(
    id="name-typo",
    description="A word is a near-miss (edit, swap, missing or extra letter) of an entity name.",
    severity="error",
    check=check,
    check_document=check_document,
    examples=example_path(__file__),
)
