"""term-variant: a non-preferred form of a listed term.

Bad:  "kerjasama" (preferred: "kerja sama"), "paska" (preferred: "pasca"), "aktifitasnya"
      (preferred: "aktivitas"; a variant with an enclitic of the term's language)
Good: "kerja sama", "pasca", "aktivitasnya"

Only documents in the term's ``language`` are read. A variant inside a web address, an
e-mail address, a handle or a file name ("…/pemboman-gereja-…") is the address's spelling,
not the text's.
"""

from __future__ import annotations

from collections.abc import Iterator

from factaudit.reading.lexicon.tokens import in_address
from factaudit.rules import HitKind, Report, Rule, RuleContext, Severity, Verdict


def check(ctx: RuleContext) -> Iterator[Report]:
    for h in ctx.hits(HitKind.TERM_VARIANT):
        term = ctx.claims.term(h.item)
        if term.language in (None, ctx.document.language) and not in_address(
                ctx.document.text, h.start, h.end):
            found = ctx.document.text[h.start:h.end]
            yield ctx.report(verdict=Verdict.VARIANT, item=term, span=(h.start, h.end),
                             expected=term.preferred, found=found, how="listed variant",
                             message=f"{found!r}: the preferred form is {term.preferred!r}")


RULE = Rule(id="term-variant", severity=Severity.WARNING, check=check)
