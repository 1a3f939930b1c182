"""spelling: a word that the Hunspell dictionary of its document's language does not know.

Optional: off unless ``spelling = true`` in ``[tool.factaudit.rules]`` (in every output
alike: check, pytest and the report run the same rules).

Bad:  "goverment" in an English document (en_US suggests "government")
Good: a dictionary word, also of another language of the corpus ("Facility" in an
      Indonesian text: a foreign word, not a typo); an entity name, a term form or a
      word of the claims' ``vocabulary`` (accepted words, so names and acronyms do not
      drown the report); a word in capitals (an acronym); a word already reported as a
      name typo, a term misspelling or an invisible/look-alike character; a word in a URL
      or an e-mail address

Dictionaries are the Debian packages' (hunspell-en-us: en_US, hunspell-id: id_ID, others as
<language>_*.dic) in /usr/share/hunspell and the other usual folders, or $DICPATH. If a
language has none, the rule says so once, in the run's warnings, and checks the rest.
Each document's words are looked up where it is read; suggestions are asked only for the
words that are reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from factaudit.reading.lexicon.hunspell import load_speller, suggestions
from factaudit.reading.lexicon.scripts import INVISIBLE, find_oddities, is_mixed_script, script_of
from factaudit.reading.text import fold_phrase
from factaudit.rules import Fact, Report, Rule, RuleContext, Severity, Verdict
from factaudit.rules.facts import NEAR_MISSES, known_words

from .name_typo import name_typos
from .term_misspelling import term_typos

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SKIP = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
MAX_SUGGESTED = 200  # distinct words that get suggestions (Hunspell suggests slowly)


@dataclass(frozen=True)
class Unknown:
    """The words of one document that no dictionary of the corpus's languages knows."""

    document: str
    language: str
    words: tuple[tuple[int, int, str], ...]  # start, end, word
    dictionary: str  # the dictionary asked, or why there is none
    others: tuple[str, ...]  # the other languages' dictionaries also asked
    backend: str

    def __bool__(self) -> bool:
        return bool(self.words) or not self.backend  # a missing dictionary is news too


def unknown_words(ctx: RuleContext) -> Unknown:
    doc = ctx.document
    speller = load_speller(doc.language)
    if isinstance(speller, str):
        return Unknown(doc.id, doc.language, (), speller, (), "")
    accepted = _accepted(ctx)
    skip = [(o.start, o.end) for o in find_oddities(doc.text)]
    places = _words(doc.text, accepted, skip)
    unknown = speller.unknown({w for *_, w in places})
    others = []  # a word of another language of the corpus is a foreign word, not a typo
    for other in sorted(set(ctx.languages) - {doc.language}):
        other_speller = load_speller(other)
        if not isinstance(other_speller, str):
            unknown &= other_speller.unknown(unknown)
            others.append(other_speller.name)
    return Unknown(doc.id, doc.language, tuple(p for p in places if p[2] in unknown),
                   speller.name, tuple(others), speller.backend)


_ACCEPTED: dict[int, set[str]] = {}


def _accepted(ctx: RuleContext) -> set[str]:
    key = id(ctx.claims)
    if key not in _ACCEPTED:
        _ACCEPTED.clear()
        _ACCEPTED[key] = known_words(ctx.claims)
    return _ACCEPTED[key]


UNKNOWN_WORDS: Fact[Unknown, Sequence[Unknown]] = Fact(
    "unknown-words-1", unknown_words, lambda parts: list(parts), Unknown)


def check(ctx: RuleContext) -> Iterator[Report]:
    reported = {(t.doc_id, t.start) for t in name_typos(ctx)}
    spans: dict[str, list[tuple[int, int]]] = {}
    for t in term_typos(ctx):
        spans.setdefault(t.doc_id, []).append((t.start, t.end))
    parts = ctx.fact(UNKNOWN_WORDS)
    by_doc = {p.document: p for p in parts if p.words}
    for part in parts:
        if not part.backend:  # no dictionary for the document's language
            ctx.warn(f"spelling: {part.dictionary}")
    counts: Counter[tuple[str, str]] = Counter()
    for doc_id, part in by_doc.items():
        for start, _, word in part.words:
            if (doc_id, start) not in reported and not _inside(start, spans.get(doc_id, [])):
                counts[(part.language, word)] += 1
    suggested: dict[tuple[str, str], list[str]] = {}
    for language in sorted({lang for lang, _ in counts}):
        speller = load_speller(language)
        if isinstance(speller, str):
            continue
        top = sorted((w for lang, w in counts if lang == language),
                     key=lambda w: (-counts[(language, w)], w))[:MAX_SUGGESTED]
        for word, hints in suggestions(speller, top).items():
            suggested[(language, word)] = hints
    for doc_id, part in by_doc.items():
        for start, end, word in part.words:
            if (doc_id, start) in reported or _inside(start, spans.get(doc_id, [])):
                continue
            hint = suggested.get((part.language, word)) or []
            yield ctx.report(
                verdict=Verdict.TYPO, document=doc_id, span=(start, end),
                expected=hint[0] if hint else None, found=word,
                message=f"{word!r} is not in the {part.dictionary} dictionary"
                        + (f" (nor in {', '.join(part.others)})" if part.others else "")
                        + (f"; did you mean {' or '.join(repr(h) for h in hint)}?"
                           if hint else ""),
                how=f"Hunspell {part.dictionary} ({part.backend}); entity names, terms and "
                    "the vocabulary are accepted")


def _inside(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


def _words(text: str, accepted: set[str], skip_spans: list[tuple[int, int]]
           ) -> list[tuple[int, int, str]]:
    skip = [(m.start(), m.end()) for m in SKIP.finditer(text)] + skip_spans
    main = _main_script(text)
    out = []
    for m in WORD.finditer(text):
        word = m.group(0).replace("’", "'")
        start, end = m.start(), m.end()
        if len(word) < 2 or word.isupper():
            continue
        if any(a <= start < b for a, b in skip):
            continue
        if (start > 0 and text[start - 1] in INVISIBLE) or (end < len(text)
                                                             and text[end] in INVISIBLE):
            continue
        if is_mixed_script(word) or script_of(word[0]) != main:
            continue
        parts = fold_phrase(word).split()
        if "".join(parts) in accepted or all(p in accepted for p in parts) or (
                parts and parts[0] in accepted and parts[1:] == ["s"]):  # "ASEAN's"
            continue
        out.append((start, end, word))
    return out


def _main_script(text: str) -> str | None:
    scripts = Counter(s for s in map(script_of, text[:5000]) if s)
    return scripts.most_common(1)[0][0] if scripts else None


RULE = Rule(id="spelling", severity=Severity.WARNING, check=check, scope="corpus",
            needs=(NEAR_MISSES, UNKNOWN_WORDS), optional=True)
