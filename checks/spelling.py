"""spelling: a word that the Hunspell dictionary of its document's language does not know.

Optional: off by default (and so in the pytest items), on in reports that include optional
rules (``audit_paths(..., include_optional=True)``) or with ``spelling = true`` in
``[tool.factaudit.rules]``.

Bad:  "goverment" in an English document (en_US suggests "government")
Good: a dictionary word, also of another language of the corpus ("Facility" in an
      Indonesian text: a foreign word, not a typo); an entity name, a term form or a
      word of the claims' ``vocabulary`` (accepted words, so names and acronyms do not
      drown the report);
      a word in capitals (an acronym); a word already reported as a name typo, a term
      misspelling or an invisible/look-alike character; a word in a URL or an e-mail address

Dictionaries are the Debian packages' (hunspell-en-us: en_US, hunspell-id: id_ID, others as
<language>_*.dic) in /usr/share/hunspell and the other usual folders, or $DICPATH. If a
language has none, the rule says so once, in the run's warnings, and checks the rest.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from factaudit.findings import Finding
from factaudit.rules import AuditContext, DocumentContext, Rule, example_path
from factaudit.spelling import (
    INVISIBLE,
    collect,
    documents_with_text,
    find_oddities,
    is_mixed_script,
    known_words,
    load_speller,
    name_typos,
    script_of,
    suggestions,
    term_typos,
)
from factaudit.text import fold_phrase

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SKIP = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
MAX_SUGGESTED = 200  # distinct words that get suggestions (Hunspell suggests slowly)


def check_document(ctx: DocumentContext) -> Iterator[Finding]:
    """Collect the near-misses that name-typo and term-misspelling report, to skip them."""
    collect(ctx)
    return iter(())


def check(ctx: AuditContext) -> Iterator[Finding]:
    accepted = known_words(ctx.claims)
    reported = {(t.doc_id, t.start) for t in name_typos(ctx)}
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for t in term_typos(ctx):
        spans[t.doc_id].append((t.start, t.end))
    for doc in documents_with_text(ctx):
        for odd in ctx.cached(("spelling:oddities", doc.id), lambda d=doc: find_oddities(d)):
            spans[doc.id].append((odd.start, odd.end))
    by_language: dict[str, list] = defaultdict(list)
    for doc in documents_with_text(ctx):
        by_language[doc.language].append(doc)
    for language in sorted(by_language):
        speller = load_speller(language)
        if isinstance(speller, str):
            ctx.warn_once(f"spelling: {speller}")
            continue
        places: list[tuple[str, int, int, str]] = []
        for doc in by_language[language]:
            places += _words(doc, accepted, reported, spans[doc.id])
        unknown = speller.unknown({w for *_, w in places})
        others = []  # a word of another language of the corpus is a foreign word, not a typo
        for other in sorted(set(ctx.config.languages) | set(by_language) - {language}):
            other_speller = load_speller(other)
            if other != language and not isinstance(other_speller, str):
                unknown &= other_speller.unknown(unknown)
                others.append(other_speller.name)
        counts = Counter(w for *_, w in places if w in unknown)
        top = sorted(counts, key=lambda w: (-counts[w], w))[:MAX_SUGGESTED]
        suggested = suggestions(speller, top)
        for doc_id, start, end, word in places:
            if word not in unknown:
                continue
            hint = suggested.get(word) or []
            yield Finding(
                rule=RULE.id,
                verdict="typo",
                severity=ctx.severity(RULE),
                message=f"{word!r} is not in the {speller.name} dictionary"
                        + (f" (nor in {', '.join(others)})" if others else "")
                        + (f"; did you mean {' or '.join(repr(h) for h in hint)}?"
                           if hint else ""),
                document=doc_id,
                start=start,
                end=end,
                expected=hint[0] if hint else None,
                found=word,
                how=f"Hunspell {speller.name} ({speller.backend}); entity names, terms and "
                    "the vocabulary are accepted",
            )


def _words(doc, accepted: set[str], reported: set[tuple[str, int]],
           spans: list[tuple[int, int]]) -> list[tuple[str, int, int, str]]:
    text = doc.text
    skip = [(m.start(), m.end()) for m in SKIP.finditer(text)] + spans
    main = _main_script(text)
    out = []
    for m in WORD.finditer(text):
        word = m.group(0).replace("’", "'")
        start, end = m.start(), m.end()
        if len(word) < 2 or word.isupper() or (doc.id, start) in reported:
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
        out.append((doc.id, start, end, word))
    return out


def _main_script(text: str) -> str | None:
    scripts = Counter(s for s in map(script_of, text[:5000]) if s)
    return scripts.most_common(1)[0][0] if scripts else None


RULE = Rule(
    id="spelling",
    description="A word is not in the Hunspell dictionary of its document's language "
                "(optional).",
    severity="warning",
    check=check,
    check_document=check_document,
    examples=example_path(__file__),
    default_enabled=False,
)
