"""One multi-pattern scan per document: every cue of every claim, every form of every
entity and term, and the signal words the active rules look for go into one Aho-Corasick
automaton over folded text, so a document is scanned once however many claims there are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

import ahocorasick

from factaudit.inputs.claims import ClaimSet
from factaudit.model import Hit, HitKind
from factaudit.reading.languages import LanguagePack, get_pack
from factaudit.reading.text import fold, fold_phrase

# signal-word groups of the language packs that rules may ask the scan to find
SIGNAL_GROUPS: dict[str, Callable[[LanguagePack], Iterable[str]]] = {
    "weekday": lambda pack: pack.weekdays,
    "past": lambda pack: pack.past_markers,
    "unit": lambda pack: pack.duration_units,
}

Pattern = tuple[HitKind, str, str, str | None]  # kind, item id, text as written, language


class Matcher:
    """The automaton of all cues, names, terms and signal words of a claim set."""

    def __init__(self, claims: ClaimSet, signal_languages: Iterable[str] = (),
                 signals: Iterable[str] = tuple(SIGNAL_GROUPS)) -> None:
        table: dict[str, list[Pattern]] = defaultdict(list)
        for claim in claims.claims:
            for lang, cues in claim.cues.items():
                for cue in cues:
                    table[fold_phrase(cue)].append((HitKind.CUE, claim.id, cue, lang))
        for entity in claims.entities:
            forms = [(HitKind.ENTITY_NAME, entity.name)]
            forms += [(HitKind.ENTITY_ALIAS, a) for a in entity.aliases]
            forms += [(HitKind.ENTITY_VARIANT, v) for v in entity.variants]
            forms += [(HitKind.ENTITY_OTHER, o) for o in entity.others]
            for kind, text in forms:
                table[fold_phrase(text)].append((kind, entity.item_id, text, None))
        for term in claims.terms:
            forms = [(HitKind.TERM_PREFERRED, term.preferred)]
            forms += [(HitKind.TERM_VARIANT, v) for v in term.variants]
            for kind, text in forms:
                table[fold_phrase(text)].append((kind, term.item_id, text, term.language))
        for lang in signal_languages:
            pack = get_pack(lang)
            for group in signals:
                for word in SIGNAL_GROUPS[group](pack):
                    table[fold_phrase(word)].append((HitKind.SIGNAL, group, word, lang))
        self.automaton = ahocorasick.Automaton()
        self.size = 0
        for key, patterns in table.items():
            if key:  # a pattern that folds to nothing would match everywhere
                self.automaton.add_word(key, (len(key), tuple(patterns)))
                self.size += 1
        if self.size:
            self.automaton.make_automaton()

    def scan(self, text: str, document: str = "") -> list[Hit]:
        """Whole-word hits of every pattern, with offsets in the original text."""
        if not self.size:
            return []
        folded = fold(text)
        ft = folded.text
        hits: list[Hit] = []
        for end_index, (length, patterns) in self.automaton.iter(ft):
            start_index = end_index - length + 1
            if start_index > 0 and ft[start_index - 1] != " ":
                continue
            if end_index + 1 < len(ft) and ft[end_index + 1] != " ":
                continue
            start, end = folded.span(start_index, end_index + 1)
            hits.extend(Hit(kind, item, start, end, written, lang, document)
                        for kind, item, written, lang in patterns)
        return hits
