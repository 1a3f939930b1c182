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

from factaudit.reading.lexicon.edits import TOKEN
from factaudit.reading.lexicon.scripts import find_oddities, show_invisible
from factaudit.reading.text import fold_phrase
from factaudit.rules import ClaimSet, Item, Report, Rule, RuleContext, Severity, Verdict

_OWNERS: OrderedDict[int, dict[str, list[tuple[Item, str | None]]]] = OrderedDict()


def _owners(claims: ClaimSet) -> dict[str, list[tuple[Item, str | None]]]:
    """Folded word → the entities and terms it belongs to (once per claim set)."""
    owners = _OWNERS.get(id(claims))
    if owners is not None:
        return owners
    owners = {}
    for entity in claims.entities:
        for form in (*entity.correct_forms(), *entity.variants):
            for m in TOKEN.finditer(form):
                owners.setdefault(fold_phrase(m.group(0)), []).append((entity, None))
    for term in claims.terms:
        for form in (term.preferred, *term.variants):
            for m in TOKEN.finditer(form):
                owners.setdefault(fold_phrase(m.group(0)), []).append((term, term.language))
    _OWNERS[id(claims)] = owners
    while len(_OWNERS) > 4:
        _OWNERS.popitem(last=False)
    return owners


def check(ctx: RuleContext) -> Iterator[Report]:
    owners = _owners(ctx.claims)
    doc = ctx.document
    for odd in find_oddities(doc.text):
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
        yield ctx.report(verdict=Verdict.TYPO, item=owner, span=(odd.start, odd.end),
                         message=message, expected=odd.clean, found=shown, how=how)


RULE = Rule(id="invisible-characters", severity=Severity.WARNING, check=check)
