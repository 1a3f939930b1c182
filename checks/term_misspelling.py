"""term-misspelling: a word or phrase that is a near-miss of a listed term's preferred form.

Bad:  "kesejahtaraan" (term "kesejahteraan"), "Dalam Negiri" (term "Dalam Negeri")
Good: "kesejahteraan", "Dalam Negeri", "DALAM NEGERI", a listed variant (reported by
      term-variant instead), an inflected form ("kesejahteraannya", "pandemics"), another
      word of the language that a Hunspell dictionary knows ("pemilihan" is not a
      misspelling of "pemulihan")

Only documents in the term's ``language`` are read. One word of the term may differ, by
one edit (two from 12 letters); in a one-word term of 5–6 letters only a swap of two
letters counts, and the first letter must be kept unless the word has 8+ letters.
"""

from __future__ import annotations

from collections.abc import Iterator

from factaudit.findings import Finding
from factaudit.rules import AuditContext, DocumentContext, Rule, example_path
from factaudit.spelling import collect, describe_difference, match_case, term_typos


def check_document(ctx: DocumentContext) -> Iterator[Finding]:
    """Collect this document's near-misses; the decision needs the whole corpus."""
    collect(ctx)
    return iter(())


def check(ctx: AuditContext) -> Iterator[Finding]:
    terms = ctx.claims.terms
    for typo in term_typos(ctx):
        term = terms[typo.term]
        difference = describe_difference(typo.found, match_case(term.preferred, typo.found))
        yield Finding(
            rule=RULE.id,
            verdict="typo",
            severity=ctx.severity(RULE, term.severity),
            message=f"{typo.found!r} looks like a misspelling of {term.preferred!r}: "
                    f"{difference}",
            claim=term.item_id,
            document=typo.doc_id,
            start=typo.start,
            end=typo.end,
            expected=term.preferred,
            found=typo.found,
            how=f"edit distance {typo.distance} from the preferred form; {typo.evidence}",
        )


RULE = Rule(
    id="term-misspelling",
    description="A word or phrase is a near-miss of a listed term's preferred form.",
    severity="error",
    check=check,
    check_document=check_document,
    examples=example_path(__file__),
)
