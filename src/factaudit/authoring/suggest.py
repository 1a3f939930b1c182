"""``factaudit suggest``: mine the corpus for facts worth a claim, and write claim stubs.

A candidate fact is a typed value (year, period, date, quantity, duration, ordinal) with
a short phrase next to it: two to four words, the first and last of them content words
(not a stopword of the language pack, not part of a value), at most a few words away from
the value and not across a bracket, colon or quote. Phrases are compared folded (case,
accents and punctuation ignored). A phrase that stands next to a value of the same kind in
two or more documents of one language becomes a claim stub; a phrase of another language
that stands next to the same value in a translation or copy of one of those documents
(declared with ``translation_of``, or detected from shared facts) joins it as that
language's cue. Values already attributed to an existing claim are left out.

Each stub is ``consistent: true`` (valid without deciding which value is true), with the
values seen per source as comments; stubs whose sources disagree come first. The output
is a claims file that the loader accepts as is.
"""

from __future__ import annotations

import json
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factaudit.inputs.claims import ClaimSet, slug
from factaudit.matching.attribute import attribute
from factaudit.matching.copies import fact_signature, find_pairs
from factaudit.matching.copies import groups as source_groups
from factaudit.matching.scan import Matcher
from factaudit.model import Document, SourcePair, one_line
from factaudit.reading.files import HAND_WRITTEN_LIMIT, read_regular
from factaudit.reading.languages import LanguagePack, get_pack
from factaudit.reading.text import WORD, LineIndex, fold_phrase, sentences
from factaudit.reading.values import Value, agrees, read_values

KINDS = ("date", "period", "year", "duration", "quantity", "ordinal")
# which reading of one spot to prefer: "sejak tahun 1996" is a year and an open period
_PRIORITY = {"date": 0, "closed-period": 1, "year": 2, "duration": 3, "quantity": 4,
             "ordinal": 5, "period": 6}
MAX_GAP = 4  # words between a phrase and its value
MAX_WORDS = 4
_HARD_BREAK = set(';:()[]{}"“”«»')


@dataclass(frozen=True)
class Occurrence:
    document: str
    language: str
    kind: str
    value: str
    raw: str
    start: int  # value offsets in the document
    end: int
    line: int
    context: str  # the phrase and the value as written


@dataclass
class Candidate:
    language: str
    key: str  # folded phrase
    kind: str
    spellings: Counter = field(default_factory=Counter)
    occurrences: dict[tuple[str, int], tuple[Occurrence, int, int]] = field(default_factory=dict)
    # (document, value end) → (occurrence, gap in words, content words)

    @property
    def phrase(self) -> str:
        return self.spellings.most_common(1)[0][0]

    @property
    def documents(self) -> set[str]:
        return {doc for doc, _ in self.occurrences}

    def score(self) -> float:
        """Close to its values, with content words, short: the best cue for a fact."""
        words = len(self.key.split())
        items = list(self.occurrences.values())
        near = sum(2 * content - gap for _, gap, content in items) / len(items)
        return near - 2 * (words - 2)


@dataclass
class Suggestion:
    id: str
    kind: str
    cues: dict[str, str]  # language → phrase
    occurrences: list[Occurrence]
    disagree: bool
    groups: list[tuple[str, list[str]]]  # value → documents, one entry per agreeing group
    unit_words: dict[str, str] = field(default_factory=dict)

    @property
    def documents(self) -> set[str]:
        return {o.document for o in self.occurrences}


def suggest(documents: list[Document], claims: ClaimSet | None = None, min_sources: int = 2,
            limit: int | None = 30, include_covered: bool = False,
            pairs: list | None = None) -> tuple[list[Suggestion], list[str]]:
    """Claim stubs for the facts of ``documents``; also the ids of existing claims that
    already cover some of the candidates."""
    covered, covering = _covered_spans(documents, claims) if claims else (set(), {})
    candidates: dict[tuple[str, str, str], Candidate] = {}
    for doc in documents:
        _mine(doc, candidates, covered if not include_covered else set())
    if pairs is None:
        pairs = _pairs(documents)
    partners: dict[str, set[str]] = defaultdict(set)
    for p in pairs:
        partners[p.a].add(p.b)
        partners[p.b].add(p.a)
    # a fact recurs in independent sources: a translation or a copy counts once
    chosen = _choose(candidates, min_sources, source_groups(documents, pairs))
    taken_ids = {c.id for c in claims.claims} if claims else set()
    out = []
    used_foreign: set[tuple[str, str, str]] = set()
    for cand in chosen:
        occs = [o for o, _, _ in cand.occurrences.values()]
        kind = cand.kind
        cues = {cand.language: cand.phrase}
        occurrences = list(occs)
        for foreign in _foreign(cand, occs, candidates, partners, used_foreign):
            cues.setdefault(foreign.language, foreign.phrase)
            used_foreign.add((foreign.language, foreign.key, kind))
            have = {(o.document, o.end) for o in occurrences}
            occurrences += [o for o, _, _ in foreign.occurrences.values()
                            if (o.document, o.end) not in have]
        groups = _agreeing_groups(kind, occurrences)
        ident = _unique_id(f"{slug(cand.phrase)}-{kind}", taken_ids)
        units = {}
        if kind == "quantity":
            units = _unit_words(occurrences, documents)
        out.append(Suggestion(ident, kind, cues, sorted(occurrences, key=_occ_order),
                              len(groups) > 1, groups, units))
    out.sort(key=lambda s: (not s.disagree, -len(s.documents), -len(s.occurrences), s.id))
    if limit is not None:
        out = out[:limit]
    return out, sorted(covering)


def _occ_order(o: Occurrence) -> tuple:
    return (o.document, o.start)


def _stopwords(pack: LanguagePack) -> frozenset[str]:
    words = set(pack.stopwords) | set(pack.months) | set(pack.weekdays) | set(pack.numbers)
    words |= set(pack.scales) | set(pack.duration_units) | set(pack.period_prefixes)
    words |= set(pack.open_period_prefixes) | set(pack.past_markers) | set(pack.clause_words)
    words |= {w for w in pack.period_joiners if w[:1].isalpha()}
    words |= {p.rstrip("-") for p in pack.ordinal_prefixes}
    words |= {w for phrase in pack.relative_days for w in phrase.split()}
    return frozenset(w.lower() for w in words)


def _content(word: str, stop: frozenset[str]) -> bool:
    if any(c.isdigit() for c in word) or word.lower() in stop:
        return False
    return len(word) > 1 or word.isupper()


def _mine(doc: Document, candidates: dict, covered: set) -> None:
    pack = get_pack(doc.language)
    stop = _stopwords(pack)
    lines: LineIndex | None = None
    for s_start, s_end in sentences(doc.text, frozenset(pack.abbreviations)):
        sentence = doc.text[s_start:s_end]
        values = [v for v in read_values(sentence, doc.language, doc.published_date,
                                         doc.date_order) if v.kind in KINDS]
        if not values:
            continue
        every = read_values(sentence, doc.language, doc.published_date, doc.date_order)
        tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(sentence)
                  if not any(v.start <= m.start() < v.end for v in every)]
        if lines is None:
            lines = LineIndex(doc.text, doc.first_line)
        for v in values:
            if (doc.id, s_start + v.start, s_start + v.end) in covered or _glued(sentence, v):
                continue
            occ = Occurrence(doc.id, doc.language, v.kind, v.canonical, v.raw,
                             s_start + v.start, s_start + v.end,
                             lines.position(s_start + v.start)[0], "")
            for phrase_tokens, gap in _phrases(sentence, tokens, v, values, stop):
                spelled = sentence[phrase_tokens[0][0]:phrase_tokens[-1][1]]
                key = fold_phrase(spelled)
                if not key:
                    continue
                lo = min(phrase_tokens[0][0], v.start)
                hi = max(phrase_tokens[-1][1], v.end)
                context = " ".join(sentence[lo:hi].split())
                cand = candidates.setdefault((doc.language, key, v.kind),
                                             Candidate(doc.language, key, v.kind))
                cand.spellings[" ".join(spelled.split())] += 1
                content = sum(_content(t[2], stop) for t in phrase_tokens)
                slot = (doc.id, s_start + v.end)
                previous = cand.occurrences.get(slot)
                if previous is None or gap < previous[1]:
                    cand.occurrences[slot] = (_with_context(occ, context), gap, content)


def _glued(sentence: str, v: Value) -> bool:
    """A number that is part of a name ("COVID-19", "G-20"), not a fact of its own."""
    return v.kind == "quantity" and v.start >= 2 and sentence[v.start - 1] in "-‐‑" and \
        sentence[v.start - 2].isalpha()


def _with_context(o: Occurrence, context: str) -> Occurrence:
    return Occurrence(o.document, o.language, o.kind, o.value, o.raw, o.start, o.end, o.line,
                      context)


def _rank(cand: Candidate) -> int:
    """Which reading of one spot wins ("sejak tahun 1996" is a year and an open period)."""
    if cand.kind == "period" and not all(
            o.value.endswith("..") for o, _, _ in cand.occurrences.values()):
        return _PRIORITY["closed-period"]
    return _PRIORITY[cand.kind]


def _phrases(sentence: str, tokens: list[tuple[int, int, str]], v: Value, values: list[Value],
             stop: frozenset[str]):
    """(tokens of a phrase, words between it and the value) near one value."""
    left = [t for t in tokens if t[1] <= v.start]
    right = [t for t in tokens if t[0] >= v.end]
    for side, ordered in (("left", left[::-1][: MAX_GAP + MAX_WORDS]),
                          ("right", right[: MAX_GAP + MAX_WORDS])):
        # stop at a hard break or at another value between the phrase and this one
        usable = []
        edge = v.start if side == "left" else v.end
        for t in ordered:
            lo, hi = (t[1], edge) if side == "left" else (edge, t[0])
            between = sentence[lo:hi]
            if any(c in _HARD_BREAK for c in between) or any(
                    w is not v and lo <= w.start and w.end <= hi for w in values):
                break
            usable.append((t, between.count(",") * 2))
        for first in range(len(usable)):
            gap = first + usable[first][1]  # a comma in between counts as two more words
            for size in range(2, MAX_WORDS + 1):
                run = [t for t, _ in usable[first:first + size]]
                if len(run) < size or gap > MAX_GAP:
                    break
                if any(c in ",." for c in sentence[run[0][1]:run[-1][0]]):
                    break  # a phrase does not run across a comma
                phrase = run if side == "right" else run[::-1]
                if not (_content(phrase[0][2], stop) and _content(phrase[-1][2], stop)):
                    continue
                if sum(_content(t[2], stop) for t in phrase) < 2:
                    continue
                if sum(not _content(t[2], stop) for t in phrase) > 1:
                    continue
                yield phrase, gap


def _choose(candidates: dict[tuple[str, str, str], Candidate], min_sources: int,
            group: dict[str, str]) -> list[Candidate]:
    """One phrase per fact: candidates that recur in ``min_sources`` independent sources
    (``group``: document id → its group of copies), best first, each spot used once."""
    def sources(docs: Iterable[str]) -> int:
        return len({group.get(d, d) for d in docs})

    recurring = [c for c in candidates.values() if sources(c.documents) >= min_sources]
    recurring.sort(key=lambda c: (-sources(c.documents), -c.score(), _rank(c),
                                  len(c.key.split()), c.key))
    taken: set[tuple[str, int]] = set()
    out = []
    for cand in recurring:
        slots = set(cand.occurrences)
        fresh = slots - taken
        if sources(doc for doc, _ in fresh) < min_sources:
            continue
        taken |= slots
        out.append(cand)
    return out


def _foreign(cand: Candidate, occs: list[Occurrence], candidates: dict, partners: dict,
             used: set) -> list[Candidate]:
    """Phrases of other languages next to the same value in translations or copies."""
    wanted = {(o.document, o.kind, o.value) for o in occs}
    best: dict[str, tuple[tuple, Candidate]] = {}
    for (lang, key, kind), other in candidates.items():
        if lang == cand.language or kind != cand.kind or (lang, key, kind) in used:
            continue
        support = 0
        for o, _, _ in other.occurrences.values():
            if any((p, o.kind, o.value) in wanted for p in partners.get(o.document, ())):
                support += 1
        if not support:
            continue
        rank = (support, len(other.documents), other.score(), -len(key.split()))
        if lang not in best or rank > best[lang][0]:
            best[lang] = (rank, other)
    return [c for _, c in sorted(best.values(), key=lambda rc: rc[1].language)]


def _agreeing_groups(kind: str, occurrences: list[Occurrence]) -> list[tuple[str, list[str]]]:
    reps: list[str] = []
    members: dict[str, set[str]] = defaultdict(set)
    for v in sorted({o.value for o in occurrences}, key=lambda x: (-len(x), x)):
        rep = next((r for r in reps if agrees(kind, r, v)), None)
        if rep is None:
            reps.append(v)
            rep = v
        for o in occurrences:
            if o.value == v:
                members[rep].add(o.document)
    return sorted(((r, sorted(d)) for r, d in members.items()), key=lambda rd: (-len(rd[1]),
                                                                               rd[0]))


def _unit_words(occurrences: list[Occurrence], documents: list[Document]) -> dict[str, str]:
    """The word right after each quantity, when it is the same in every source of a language."""
    by_id = {d.id: d for d in documents}
    seen: dict[str, Counter] = defaultdict(Counter)
    for o in occurrences:
        m = WORD.match(by_id[o.document].text[o.end:o.end + 40].lstrip())
        seen[o.language][m.group().lower() if m else ""] += 1
    out = {}
    for lang, words in seen.items():
        word, _ = words.most_common(1)[0]
        if len(words) == 1 and word and word.isalpha():
            out[lang] = word
    return out


def _unique_id(base: str, taken: set[str]) -> str:
    base = base[:100].strip("-") or "fact"
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


def _covered_spans(documents: list[Document], claims: ClaimSet
                   ) -> tuple[set[tuple[str, int, int]], set[str]]:
    """Value spans already attributed to an existing claim, and those claims' ids."""
    if not claims.claims:
        return set(), set()
    matcher = Matcher(claims)
    spans, ids = set(), set()
    for doc in documents:
        for m in attribute(doc, claims, matcher.scan(doc.text)).mentions:
            spans.add((doc.id, m.value_start, m.value_end))
            ids.add(m.claim)
    # a year inside an attributed period or date is covered too
    return _widen(spans, documents), ids


def _widen(spans: set[tuple[str, int, int]], documents: list[Document]) -> set:
    """Spans of every value that overlaps a covered span (other readings of one spot)."""
    by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, s, e in spans:
        by_doc[doc_id].append((s, e))
    out = set(spans)
    for doc in documents:
        covered = by_doc.get(doc.id)
        if not covered:
            continue
        for s_start, s_end in sentences(doc.text,
                                        frozenset(get_pack(doc.language).abbreviations)):
            if not any(s_start <= s < s_end for s, _ in covered):
                continue
            for v in read_values(doc.text[s_start:s_end], doc.language, doc.published_date,
                                 doc.date_order):
                a, b = s_start + v.start, s_start + v.end
                if any(a < e and s < b for s, e in covered):
                    out.add((doc.id, a, b))
    return out


def _pairs(documents: list[Document]) -> list[SourcePair]:
    return find_pairs(list(documents), {d.id: fact_signature(d) for d in documents})


# --------------------------------------------------------------------------- output


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def to_yaml(suggestions: list[Suggestion], documents: list[Document], covering: list[str],
            modeline: str | None = None, source: str = "corpus") -> str:
    paths = {d.id: d.path for d in documents}
    out = []
    if modeline:
        out.append(modeline)
    out += [
        f"# Claim stubs suggested by `factaudit suggest` from {source} ({len(documents)} "
        "documents).",
        "# Each stub is `consistent: true`: sources must agree. Review the statement and the",
        "# cues, then replace `consistent: true` with `expected: <the true value>` once you",
        "# know it. Stubs whose sources disagree come first.",
    ]
    if covering:
        out += textwrap.wrap(f"Facts already covered by existing claims are left out "
                             f"({', '.join(covering)}).", 88, initial_indent="# ",
                             subsequent_indent="# ", break_on_hyphens=False)
    if not suggestions:
        out.append("# No candidate fact recurs in enough sources.")
        out.append("claims: []")
        return "\n".join(out) + "\n"
    out.append("claims:")
    for s in suggestions:
        out.append("")
        if s.disagree:
            parts = [f"{one_line(v)} in {one_line(', '.join(d))}" for v, d in s.groups]
            out.append(f"  # SOURCES DISAGREE: {'; '.join(parts)}")
        else:
            out.append(f"  # sources agree: {s.groups[0][0]} in {len(s.documents)} documents")
        for o in s.occurrences:
            out.append(f"  #   {one_line(o.document)}: {one_line(o.value)}  "
                       f"\"{one_line(o.context)}\"  "
                       f"({one_line(paths.get(o.document, o.document))}:{o.line})")
        phrase = next(iter(s.cues.values()))
        example = s.groups[0][0]
        out.append(f"  - id: {s.id}")
        out.append(f"    statement: {_q(f'TODO: the fact behind {phrase!r} ({s.kind} {example})')}")
        out.append(f"    type: {s.kind}")
        out.append("    consistent: true")
        out.append("    cues:")
        for lang in sorted(s.cues):
            out.append(f"      {lang}: [{_q(s.cues[lang])}]")
        if s.unit_words:
            out.append("    unit_words:")
            for lang in sorted(s.unit_words):
                out.append(f"      {lang}: [{_q(s.unit_words[lang])}]")
    return "\n".join(out) + "\n"


def modeline_for(claims_dir: Path | None, root: Path) -> str | None:
    """The editor modeline of the existing claims files, or one for the project's schema."""
    if claims_dir is not None and claims_dir.is_dir():
        for path in sorted(claims_dir.glob("*.y*ml")):
            try:
                first = read_regular(path, HAND_WRITTEN_LIMIT).decode("utf-8").split("\n", 1)[0]
            except (OSError, UnicodeDecodeError):
                continue
            if first.startswith("# yaml-language-server:"):
                return first
    if (root / ".factaudit" / "claims.schema.json").is_file():
        return "# yaml-language-server: $schema=../.factaudit/claims.schema.json"
    return None
