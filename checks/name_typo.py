"""name-typo: a word that is a near-miss of a word of a canonical entity name.

Bad:  "Retno LP Marsuid" (entity Retno Marsudi: letters 'ud' swapped)
Good: "Retno Marsudi", "RETNO MARSUDI", or a declared alias or variant
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factaudit.findings import Finding
from factaudit.rules import AuditContext, Rule, example_path
from factaudit.spelling import describe_difference, folded_words, near_miss
from factaudit.text import fold_phrase


def check(ctx: AuditContext) -> Iterator[Finding]:
    claims = ctx.claims
    known = folded_words(
        [form for e in claims.entities for form in (*e.correct_forms(), *e.variants, *e.others)]
        + [form for t in claims.terms for form in (t.preferred, *t.variants)]
        + claims.vocabulary
    )
    # word of a canonical name → (entity, the word as written in the claims)
    targets: dict[str, tuple] = {}
    for entity in claims.entities:
        for form in entity.correct_forms():
            for word in form.split():
                folded = fold_phrase(word)
                if folded and folded not in targets:
                    targets[folded] = (entity, word.strip(".,"))
    if not targets:
        return
    for word, per_doc in ctx.vocabulary.items():
        if not word[:1].isupper():
            continue  # names are written capitalised; lower-case near-misses are words
        folded = fold_phrase(word)
        if folded in known or " " in folded:
            continue
        for target, (entity, written) in targets.items():
            distance = near_miss(folded, target)
            if distance is None:
                continue
            difference = describe_difference(word, written)
            for doc_id in sorted(per_doc):
                text = ctx.documents_by_id[doc_id].text
                for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
                    yield Finding(
                        rule=RULE.id,
                        verdict="typo",
                        severity=ctx.severity(RULE, entity.severity),
                        message=f"{word!r} looks like a misspelling of {written!r} "
                                f"in {entity.name!r}: {difference}",
                        claim=entity.item_id,
                        document=doc_id,
                        start=m.start(),
                        end=m.end(),
                        expected=written,
                        found=word,
                        how=f"edit distance {distance} from a word of {entity.name!r}",
                    )
            break


RULE = Rule(
    id="name-typo",
    description="A word is a near-miss (edit, swap, missing or extra letter) of an entity name.",
    severity="error",
    check=check,
    examples=example_path(__file__),
)
