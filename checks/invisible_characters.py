"""invisible-characters: an invisible character or a look-alike letter of another script in
a word.

Bad:  "Kar\\u200btika" (a zero-width space inside the name), "keseta\\u00adraan" (a soft
      hyphen), "Ivаnov" with a Cyrillic "а" (U+0430) among Latin letters
Good: "Kartika", "Иванов" (all Cyrillic), a zero-width joiner inside an Arabic or Indic
      word or an emoji sequence, a byte-order mark at the very start of a file

Matching folds invisible characters away, so "Kar\\u200btika" is still found as the name:
this rule makes sure such characters are reported, never silently accepted, and a
look-alike letter is reported as what it is rather than as a typo. When the cleaned word is
a word of an entity or a term, the finding belongs to that entity or term.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from factaudit.reading.lexicon.edits import TOKEN
from factaudit.reading.lexicon.scripts import find_oddities, show_invisible
from factaudit.reading.text import fold_phrase
from factaudit.rules import ClaimSet, Item, Report, Rule, RuleContext, Severity, Verdict
from factaudit.rules.facts import for_claims

Owner = tuple[Item, str | None, frozenset[str], bool]  # item, language, its words, whole
_OWNERS: OrderedDict[int, tuple[ClaimSet, Any]] = OrderedDict()


def _owners(claims: ClaimSet) -> dict[str, list[Owner]]:
    return for_claims(_OWNERS, claims, _build_owners)


def _build_owners(claims: ClaimSet) -> dict[str, list[Owner]]:
    """Folded word → the entities and terms it belongs to, with the item's other words
    and whether the word is a whole form of it (once per claim set)."""
    owners: dict[str, list[Owner]] = {}
    items: list[tuple[Item, str | None, list[str]]] = [
        (e, None, [*e.correct_forms(), *e.variants]) for e in claims.entities]
    items += [(t, t.language, [t.preferred, *t.variants]) for t in claims.terms]
    for item, language, forms in items:
        words = {fold_phrase(m.group(0)) for form in forms for m in TOKEN.finditer(form)}
        for form in forms:
            tokens = [fold_phrase(m.group(0)) for m in TOKEN.finditer(form)]
            for word in tokens:
                entry = (item, language, frozenset(words - {word}), len(tokens) == 1)
                owners.setdefault(word, []).append(entry)
    return owners


def _owner(candidates: list[Owner], text: str, start: int, end: int) -> Item | None:
    """The entity or term a word belongs to: of those it is a word of, the one whose other
    words stand around it ("Luar Negeri", not "Dalam Negeri"), else the one it is a whole
    form of, else the first declared."""
    if len(candidates) <= 1:
        return candidates[0][0] if candidates else None
    before = [m.group(0) for m in TOKEN.finditer(text, max(0, start - 40), start)][-2:]
    after = [m.group(0) for m in TOKEN.finditer(text, end, min(len(text), end + 40))][:2]
    around = {fold_phrase(w) for w in (*before, *after)}  # the two words on each side
    best = max(enumerate(candidates),
               key=lambda kc: (len(kc[1][2] & around), kc[1][3], -kc[0]))
    return best[1][0]


def check(ctx: RuleContext) -> Iterator[Report]:
    owners = _owners(ctx.claims)
    doc = ctx.document
    for odd in find_oddities(doc.text):
        owner = _owner([o for o in owners.get(fold_phrase(odd.clean), [])
                        if o[1] in (None, doc.language)], doc.text, odd.start, odd.end)
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
        yield ctx.report(verdict=Verdict.TYPO, item=owner, span=(odd.start, odd.end),
                         message=message, expected=odd.clean, found=shown, how=how)


RULE = Rule(id="invisible-characters", severity=Severity.WARNING, check=check)
