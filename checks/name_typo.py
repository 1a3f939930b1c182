"""name-typo: a word that is a near-miss of a word of an entity's name.

Bad:  "Dewi LP Kartiak" (entity Dewi Kartika: letters 'ka' swapped to 'ak'),
      "DEWI KARTIAK", "Budi Santsoo", "Sidharto Suryodipura"
Good: "Dewi Kartika", "DEWI KARTIKA", "Dewi\\nKartika", a declared alias or variant,
      a declared other name (``others: [Dewi Kartini]``), "the Webers", a lower-case word

A near-miss needs evidence. Another word of the same name beside it allows one edit (two
from 10 letters), any letter. A word alone must look like a proper noun: capitalised,
never written in lower case in the corpus, not an ordinary word of the language's
Hunspell dictionary when one is installed, not recurring three or more times, keeping its
first letter (unless the name has 8+ letters), 5+ letters long (7+ when it opens a
sentence and no dictionary can be asked), one edit away (two from 12 letters). A spelling
seen beside the name elsewhere in the corpus is a typo wherever it stands. The other
gender's form of a Slavic surname ("Morozova") is another person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from factaudit.reading.lexicon.edits import allowed_edits, context_edits, is_transposition
from factaudit.reading.lexicon.hunspell import dictionary_words
from factaudit.reading.lexicon.scripts import script_of
from factaudit.rules import Report, Rule, RuleContext, Severity
from factaudit.rules.facts import (
    NEAR_MISSES,
    NearMisses,
    Typo,
    name_targets,
    pairs,
    typo_report,
)


@dataclass(frozen=True)
class Evidence:
    """What is known about one occurrence of a word close to a name."""

    context: bool = False  # another word of the entity stands beside it
    confirmed: bool = False  # the same spelling stands beside the entity's other word elsewhere
    initial: bool = False  # it opens a sentence, a line or a heading
    written_lower: bool = False  # the corpus also writes it in lower case somewhere
    in_dictionary: bool | None = None  # a Hunspell dictionary knows it (None: none to ask)
    recurring: bool = False  # it occurs 3+ times in the corpus


def name_decision(found: str, candidate: str, target: str, distance: int,
                  ev: Evidence) -> str | None:
    """Why ``found`` (folded: ``candidate``) is a typo of the name word ``target``, or None
    (the rules of the module's docstring)."""
    length = len(target)
    if candidate == target + "s":
        return None  # plural or genitive ("the Webers")
    if ev.context:
        return "beside another word of the name" if distance <= context_edits(length) else None
    if other_gender_form(candidate, target):
        return None  # "Morozova" is another person than "Morozov"
    if found[:1].islower() or ev.written_lower or ev.in_dictionary or ev.recurring:
        return None  # an ordinary word, a known name or an established spelling
    if ev.confirmed:
        if distance > context_edits(length):
            return None
        return "spelled so beside another word of the name elsewhere in the corpus"
    if distance > allowed_edits(length):
        return None
    if not (candidate[:1] == target[:1] or is_transposition(candidate, target)) and length < 8:
        return None  # a different first letter is more often another name
    if ev.initial and not found.isupper() and ev.in_dictionary is None and length < 7:
        return None  # a capital that opens a sentence says nothing about a name
    return ("alone: a capitalised word close to the name, never written in lower case"
            + (", in no dictionary" if ev.in_dictionary is False else ""))


# Slavic surnames: the feminine form adds an "a" (Ivanov → Ivanova, Lebedev → Lebedeva,
# Pushkin → Pushkina), in Latin or Cyrillic letters.
_MASCULINE_ENDINGS = ("ov", "ev", "in", "yn", "\u043e\u0432", "\u0435\u0432", "\u0438\u043d",
                      "\u044b\u043d")


def other_gender_form(candidate: str, target: str) -> bool:
    """``candidate`` is the other gender's form of the surname ``target`` (both folded)."""
    for a, b in ((target, candidate), (candidate, target)):
        if a.endswith(_MASCULINE_ENDINGS):
            ending = "\u0430" if script_of(a[-1]) == "CYRILLIC" else "a"
            if b == a + ending:
                return True
    return False


_DECIDED: WeakKeyDictionary[NearMisses, list[Typo]] = WeakKeyDictionary()


def name_typos(ctx: RuleContext) -> list[Typo]:
    """Decide, over the whole corpus, which near-misses of names are typos (once per run:
    the spelling rule asks too, to leave them to this rule)."""
    data = ctx.fact(NEAR_MISSES)
    if data not in _DECIDED:
        _DECIDED[data] = _decide(ctx, data)
    return _DECIDED[data]


def _decide(ctx: RuleContext, data: NearMisses) -> list[Typo]:
    targets, entity_words = name_targets(ctx.claims)
    if not targets:
        return []
    target_list = sorted(targets)
    candidates = sorted({p.form for p in data.places})
    by_candidate: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for c, t, d in pairs(candidates, target_list, 2):
        by_candidate[candidates[c]].append((d, target_list[t]))
    languages = sorted({ctx.info(p.doc_id).language for p in data.places} | set(ctx.languages))
    dictionary = dictionary_words(set(by_candidate), languages, names=True)
    # occurrences, with context first: a spelling seen beside the entity's other word
    # confirms the same spelling where it stands alone
    places = []
    for place in data.places:
        found_pairs = sorted(by_candidate.get(place.form, []))
        if not found_pairs or place.invisible:
            continue  # invisible-characters reports those beside an invisible character
        with_context = {(e, t) for _, t in found_pairs for e, _ in targets[t]
                        if place.near & (entity_words[e] - {t})}
        places.append((not with_context, place.doc_id, place.start, place, with_context))
    places.sort(key=lambda p: p[:3])
    confirmed: set[tuple[str, str]] = set()
    out: list[Typo] = []
    for _, _, _, place, with_context in places:
        candidate = place.form
        asked = dictionary.get(candidate)
        accepted = []
        for d, target in sorted(by_candidate[candidate]):
            for e, written in targets[target]:
                ev = Evidence(context=(e, target) in with_context,
                              confirmed=(candidate, e) in confirmed, initial=place.initial,
                              written_lower=candidate in data.lower, in_dictionary=asked,
                              recurring=data.count[candidate] >= 3)
                why = name_decision(place.found, candidate, target, d, ev)
                if why:
                    accepted.append((not ev.context, d, e, written, why))
        if not accepted:
            continue
        accepted.sort(key=lambda a: a[:2])
        best = accepted[0]
        if len({a[2] for a in accepted if a[:2] == best[:2]}) > 1:
            continue  # as close to two entities: cannot say which was meant
        context_missing, d, e, written, why = best
        if not context_missing:
            confirmed.add((candidate, e))
        out.append(Typo(e, place.doc_id, place.start, place.end, place.found, written, d,
                        why, ctx.claims.entity(e).name))
    out.sort(key=lambda t: (t.doc_id, t.start))
    return out


def check(ctx: RuleContext) -> Iterator[Report]:
    for typo in name_typos(ctx):
        yield typo_report(ctx, typo)


RULE = Rule(id="name-typo", severity=Severity.ERROR, check=check, scope="corpus",
            needs=(NEAR_MISSES,))
