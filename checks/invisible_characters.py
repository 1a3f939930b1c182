"""invisible-characters: an invisible character or a look-alike letter of another script in
a word.

Bad:  "Mar\\u200bsudi" (a zero-width space inside the name), "keseta\\u00adraan" (a soft
      hyphen), "Lаvrov" with a Cyrillic "а" (U+0430) among Latin letters
Good: "Kartika", "Лавров" (all Cyrillic), a zero-width joiner inside an Arabic or Indic
      word or an emoji sequence, a byte-order mark at the very start of a file

Matching folds invisible characters away, so "Mar\\u200bsudi" is still found as the name:
this rule makes sure such characters are reported, never silently accepted, and a
look-alike letter is reported as what it is rather than as a typo. When the cleaned word is
a word of an entity or a term, the finding belongs to that entity or term.
"""

from __future__ import annotations

from collections.abc import Iterator

from factaudit.findings import Finding
from factaudit.rules import DocumentContext, Rule, example_path
from factaudit.spelling import TOKEN, find_oddities, show_invisible
from factaudit.text import fold_phrase


def _owners(claims) -> dict[str, list]:
    """Folded word → the entities and terms it belongs to."""
    owners: dict[str, list] = {}
    for entity in claims.entities:
        for form in (*entity.correct_forms(), *entity.variants):
            for m in TOKEN.finditer(form):
                owners.setdefault(fold_phrase(m.group(0)), []).append((entity, None))
    for term in claims.terms:
        for form in (term.preferred, *term.variants):
            for m in TOKEN.finditer(form):
                owners.setdefault(fold_phrase(m.group(0)), []).append((term, term.language))
    return owners


def check_document(ctx: DocumentContext) -> Iterator[Finding]:
    owners = ctx.memo.get("invisible:owners")
    if owners is None:
        owners = ctx.memo["invisible:owners"] = _owners(ctx.claims)
    doc = ctx.document
    for odd in find_oddities(doc):
        owner = next((item for item, language in owners.get(fold_phrase(odd.clean), [])
                      if language in (None, doc.language)), None)
        name = getattr(owner, "name", None) or getattr(owner, "preferred", None)
        shown = show_invisible(odd.written)
        if odd.kind == "invisible":
            message = f"{shown!r} contains {odd.detail}; the word reads {odd.clean!r}"
            how = "invisible character inside or beside a word"
        else:
            message = f"{odd.written!r} mixes scripts: {odd.detail}"
            how = "letters of two scripts in one word"
            if odd.clean != odd.written:
                message += f"; it looks like {odd.clean!r}"
        if name:
            message += f" ({name!r})"
        yield Finding(
            rule=RULE.id,
            verdict="typo",
            severity=ctx.severity(RULE, getattr(owner, "severity", None)),
            message=message,
            claim=owner.item_id if owner is not None else None,
            document=doc.id,
            start=odd.start,
            end=odd.end,
            expected=odd.clean,
            found=shown,
            how=how,
        )


RULE = Rule(
    id="invisible-characters",
    description="An invisible character or a look-alike letter of another script in a word.",
    severity="warning",
    check_document=check_document,
    examples=example_path(__file__),
)
