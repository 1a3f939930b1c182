"""term-misspelling: a word or phrase that is a near-miss of a listed term's preferred form.

Bad:  "keseteraan" (term "kesetaraan"), "Luar Negeru" (term "Luar Negeri")
Good: "kesetaraan", "Luar Negeri", a listed variant (reported by term-variant instead)
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

from factaudit.findings import Finding
from factaudit.rules import AuditContext, Rule, example_path
from factaudit.spelling import describe_difference, folded_words, near_miss
from factaudit.text import WORD, fold_phrase


def check(ctx: AuditContext) -> Iterator[Finding]:
    claims = ctx.claims
    terms = [t for t in claims.terms if t.misspellings]
    if not terms:
        return
    known = {fold_phrase(form) for t in claims.terms for form in (t.preferred, *t.variants)}
    known |= {fold_phrase(f) for e in claims.entities
              for f in (*e.correct_forms(), *e.variants, *e.others)}
    known |= folded_words(claims.vocabulary)
    for term in terms:
        preferred = fold_phrase(term.preferred)
        size = len(preferred.split())
        for candidate, places in _ngrams(ctx, size, term.language).items():
            if candidate in known:
                continue
            distance = near_miss(candidate, preferred)
            if distance is None:
                continue
            for doc_id, start, end in places:
                found = ctx.documents_by_id[doc_id].text[start:end]
                yield Finding(
                    rule=RULE.id,
                    verdict="typo",
                    severity=ctx.severity(RULE, term.severity),
                    message=f"{found!r} looks like a misspelling of {term.preferred!r}: "
                            f"{describe_difference(found.lower(), term.preferred.lower())}",
                    claim=term.item_id,
                    document=doc_id,
                    start=start,
                    end=end,
                    expected=term.preferred,
                    found=found,
                    how=f"edit distance {distance} from the preferred form",
                )


def _ngrams(ctx: AuditContext, size: int, language: str | None) -> dict[str, list]:
    """Folded word n-grams of the documents (in ``language``) → where they occur."""
    cache = ctx.__dict__.setdefault("_term_ngrams", {})
    key = (size, language)
    if key not in cache:
        out: dict[str, list] = defaultdict(list)
        for doc in ctx.documents:
            if language and doc.language != language:
                continue
            words = list(WORD.finditer(doc.text))
            for i in range(len(words) - size + 1):
                window = words[i:i + size]
                if any("\n" in doc.text[a.end():b.start()] for a, b in itertools.pairwise(window)):
                    continue  # a phrase does not run across lines
                text = " ".join(fold_phrase(w.group(0)) for w in window)
                out[text].append((doc.id, window[0].start(), window[-1].end()))
        cache[key] = out
    return cache[key]


RULE = Rule(
    id="term-misspelling",
    description="A word or phrase is a near-miss of a listed term's preferred form.",
    severity="error",
    check=check,
    examples=example_path(__file__),
)
