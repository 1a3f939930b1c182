"""``factaudit mutate``: test the tests. Do the claims catch errors?

The corpus is copied in memory and, one edit per copy (a *mutant*), realistic errors are
injected into the passages that claims cover: a changed year, period bound, date (day,
month), weekday, quantity, duration, ordinal or category; a misspelled name or term; a
term replaced by its non-preferred variant. Each mutant is audited again, in the same
process, reusing the parsed claims and the value caches; an injected error is *caught*
when the audit reports an error or warning finding that the unmutated corpus did not have
(findings are compared by fingerprint). Meaning-preserving edits (a date or number
written in another format of the same language, another period joiner, a cue in another
case) must not change the findings: a new finding there is a *false alarm*, and a reading
the claim no longer makes is reported as *lost*.

The score is the share of injected errors that are caught. Claims whose covered
passages were mutated but that never caught anything are listed: they are the claims to
improve. Generation is deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace

from factaudit.engine.pipeline import audit
from factaudit.inputs.claims import Claim, ClaimSet
from factaudit.inputs.project import Project
from factaudit.matching.scan import Matcher
from factaudit.model import Document, Finding, HitKind, Mention, one_line
from factaudit.reading.languages import LanguagePack, get_pack
from factaudit.reading.text import LineIndex
from factaudit.reading.values import agrees, format_number, parse_number
from factaudit.results import AuditResult
from factaudit.rules.registry import active_rules, discover_rules

ERROR_KINDS = ("year", "period", "date", "weekday", "quantity", "duration", "ordinal",
               "category", "name", "term", "term-variant")
EDIT_KINDS = ("date-format", "number-format", "period-format", "case")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d|21\d\d)(?!\d)")
_DIGITS = re.compile(r"\d+")
_VOWELS = "aeiou"


@dataclass(frozen=True)
class Mutant:
    id: int
    kind: str
    error: bool  # an injected error (True) or a meaning-preserving edit (False)
    document: str
    start: int
    end: int
    before: str
    after: str
    items: tuple[str, ...]  # claims, entities or terms whose passage this is
    line: int = 0


@dataclass
class Outcome:
    mutant: Mutant
    new: list[dict] = field(default_factory=list)  # new findings (rule, claim, severity, found)
    caught: bool = False  # error: caught; edit: raised a false alarm
    lost: bool = False  # edit: the claim no longer reads this value
    note: str = ""


@dataclass
class Report:
    documents: int
    claims: int
    seed: int
    seconds: float
    outcomes: list[Outcome]
    uncovered: list[str]  # items with no passage to mutate
    silent: list[str]  # items whose passages were mutated but that caught nothing

    @property
    def errors(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.mutant.error]

    @property
    def edits(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.mutant.error]

    @property
    def score(self) -> float | None:
        errors = self.errors
        return sum(o.caught for o in errors) / len(errors) if errors else None

    def by_kind(self) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = {}
        for o in self.outcomes:
            row = out.setdefault(o.mutant.kind, [0, 0])
            row[0] += 1
            row[1] += o.caught
        order = {k: i for i, k in enumerate(ERROR_KINDS + EDIT_KINDS)}
        return {k: (v[0], v[1]) for k, v in sorted(out.items(), key=lambda kv: order[kv[0]])}

    def as_dict(self) -> dict:
        errors, edits = self.errors, self.edits
        return {
            "version": 1,
            "documents": self.documents, "claims": self.claims, "seed": self.seed,
            "score": None if self.score is None else round(self.score, 4),
            "injected": len(errors), "caught": sum(o.caught for o in errors),
            "edits": len(edits), "false_alarms": sum(o.caught for o in edits),
            "lost_readings": sum(o.lost for o in edits),
            "by_kind": {k: {"mutants": n, "caught" if k in ERROR_KINDS else "false_alarms": c}
                        for k, (n, c) in self.by_kind().items()},
            "silent": self.silent, "uncovered": self.uncovered,
            "mutants": [{**asdict(o.mutant), "items": list(o.mutant.items), "new": o.new,
                         "caught": o.caught, "lost": o.lost, "note": o.note}
                        for o in self.outcomes],
        }


# --------------------------------------------------------------------------- generation


def _names(table: dict[str, int]) -> dict[int, str]:
    """Number → the full name of a month or weekday ("juli", "selasa"): the longest name
    that extends the first (abbreviated) one the locale lists."""
    grouped: dict[int, list[str]] = defaultdict(list)
    for name, number in table.items():
        grouped[number].append(name)
    return {n: max((w for w in names if w.startswith(names[0])), key=len)
            for n, names in grouped.items()}


def _like(word: str, model: str) -> str:
    """``word`` in the case of ``model``: JULY, July, july."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()


def _find_name(raw: str, table: dict[str, int]) -> re.Match | None:
    names = sorted(table, key=len, reverse=True)
    if not names:
        return None
    return re.search(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", raw, re.I)


def _shift_number(rng: random.Random, n: int, small: bool) -> int:
    if small or n < 10:
        choices = [d for d in (-2, -1, 1, 2, 3) if n + d > 0]
        return n + rng.choice(choices)
    step = 10 ** (len(str(n)) - 1)
    return n + rng.choice([-1, 1]) * rng.choice([1, 2, 5]) * max(1, step // 2)


class _Generator:
    def __init__(self, claims: ClaimSet, docs: dict[str, Document], seed: int) -> None:
        self.claims = claims
        self.docs = docs
        self.seed = seed
        self.by_id: dict[str, Claim] = {c.id: c for c in claims.claims}
        self.mutants: list[Mutant] = []
        self.cues: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.seen: set[tuple[str, int, int, str]] = set()

    def rng(self, *key) -> random.Random:
        return random.Random(f"{self.seed}:" + ":".join(map(str, key)))

    def add(self, kind: str, error: bool, doc: Document, start: int, end: int, after: str,
            items: tuple[str, ...]) -> None:
        before = doc.text[start:end]
        key = (doc.id, start, end, after)
        if after == before or not after or key in self.seen:
            return
        if kind not in ("case", "name", "term", "term-variant") and any(
                s < end and start < e for s, e in self.cues[doc.id]):
            return  # the edit would break a cue ("official visit"): not a test of the value
        self.seen.add(key)
        self.mutants.append(Mutant(len(self.mutants), kind, error, doc.id, start, end,
                                   before, after, items))

    # -- values ----------------------------------------------------------------

    def value_sites(self, mentions: list[Mention]) -> None:
        spans: dict[tuple[str, int, int], list[Mention]] = defaultdict(list)
        for m in mentions:
            self.cues[m.document].append((m.cue_start, m.cue_end))
            spans[(m.document, m.value_start, m.value_end)].append(m)
        for (doc_id, start, end), ms in sorted(spans.items()):
            doc = self.docs[doc_id]
            m = ms[0]
            items = tuple(sorted({x.claim for x in ms}))
            pack = get_pack(doc.language)
            rng = self.rng(doc_id, start, end)
            raw = doc.text[start:end]
            kind = m.kind
            if kind in ("year", "period"):
                self._years(doc, start, raw, kind, m.value, items, rng)
            elif kind == "date":
                self._date(doc, start, end, raw, m, items, pack, rng)
            elif kind in ("quantity", "duration", "ordinal"):
                self._number(doc, start, raw, kind, items, rng)
            elif kind == "category":
                self._category(doc, start, end, raw, ms, items, rng)
        cues = {(m.document, m.cue_start, m.cue_end): m.claim for m in mentions}
        for (doc_id, start, end), claim in sorted(cues.items()):
            doc = self.docs[doc_id]
            cue = doc.text[start:end]
            after = cue.lower() if sum(c.isupper() for c in cue) > 1 else cue.title()
            if after == cue:
                after = cue.upper()
            self.add("case", False, doc, start, end, after, (claim,))

    def _years(self, doc, start, raw, kind, value, items, rng) -> None:
        years = list(_YEAR.finditer(raw))
        if not years:
            return
        y = rng.choice(years)
        if len(years) == 2:  # a period keeps its order: start earlier or end later
            delta = rng.choice([1, 2, 3]) * (-1 if y is years[0] else 1)
        else:
            delta = rng.choice([-3, -2, -1, 1, 2, 5])
        self.add(kind, True, doc, start + y.start(), start + y.end(), str(int(y.group()) + delta),
                 items)
        if kind == "period" and len(years) == 2:  # another joiner: same meaning
            between = raw[years[0].end():years[1].start()]
            joiners = [j for j in get_pack(doc.language).period_joiners
                       if j.strip() != between.strip()]
            if joiners:
                j = rng.choice(joiners)
                join = j if not j[:1].isalpha() else f" {j} "
                self.add("period-format", False, doc, start + years[0].end(),
                         start + years[1].start(), join, items)

    def _date(self, doc, start, end, raw, m, items, pack, rng) -> None:
        value = m.value
        full = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
        months, weekdays = _names(pack.months), _names(pack.weekdays)
        month_match = _find_name(raw, pack.months)
        # an error: another day, another month, another weekday
        if full:
            day = int(full.group(3))
            days = [d for d in _DIGITS.finditer(raw) if int(d.group()) == day
                    and len(d.group()) <= 2]
            if days:
                d = days[0]
                new = day + rng.choice([-2, -1, 1, 2, 3]) if day > 2 else day + rng.choice([1, 2])
                new = min(new, 28)
                text = f"{new:0{len(d.group())}d}"
                self.add("date", True, doc, start + d.start(), start + d.end(), text, items)
        if month_match and full:
            number = int(full.group(2))
            other = rng.choice([n for n in months if n != number and abs(n - number) <= 2]
                               or [n for n in months if n != number])
            self.add("date", True, doc, start + month_match.start(), start + month_match.end(),
                     _like(months[other], month_match.group()), items)
        weekday_match = _find_name(raw, pack.weekdays)
        if weekday_match and m.weekday is not None:
            other = rng.choice([n for n in weekdays if n != m.weekday])
            self.add("weekday", True, doc, start + weekday_match.start(),
                     start + weekday_match.end(),
                     _like(weekdays[other], weekday_match.group()), items)
        # meaning-preserving: the same date in another format of the language
        if not full:
            return
        y, mo, dd = int(full.group(1)), int(full.group(2)), int(full.group(3))
        order = (doc.date_order or pack.date_order or "DMY").upper()
        numeric = (f"{dd:02d}/{mo:02d}/{y}" if order.startswith("D")
                   else f"{mo:02d}/{dd:02d}/{y}")
        formats = [numeric, f"{y:04d}-{mo:02d}-{dd:02d}"]
        if mo in months:
            formats.append(f"{dd} {_like(months[mo], 'X')} {y}")
        if m.weekday is not None and mo in months and weekdays:
            short = f"{dd}/{mo}" if order.startswith("D") else f"{mo}/{dd}"
            published = doc.published_date
            if published is not None and published.year == y:
                formats.append(f"{_like(weekdays[m.weekday], 'X')} ({short})")
        formats = [f for f in formats if f != raw]
        if formats:
            self.add("date-format", False, doc, start, end, rng.choice(formats), items)

    def _number(self, doc, start, raw, kind, items, rng) -> None:
        digits = list(_DIGITS.finditer(raw))
        if not digits:
            return
        pack = get_pack(doc.language)
        d = digits[0]
        # a grouped number ("20.000.000"): change the leading group
        new = _shift_number(rng, int(d.group()), small=kind != "quantity")
        if new > 0 and str(new) != d.group():
            self.add(kind, True, doc, start + d.start(), start + d.end(), str(new), items)
        if kind == "quantity":
            other = _reformat_number(raw, pack, rng)
            if other:
                self.add("number-format", False, doc, start, start + len(raw), other, items)

    def _category(self, doc, start, end, raw, ms, items, rng) -> None:
        for m in ms:
            claim = self.by_id.get(m.claim)
            if claim is None or not claim.categories:
                continue
            others = [c for c in sorted(claim.categories) if c != m.value]
            words = [w for c in others for w in claim.categories[c].get(doc.language, [])]
            if words:
                self.add("category", True, doc, start, end, _like(rng.choice(words), raw),
                         items)
            return

    # -- names and terms -------------------------------------------------------

    def name_sites(self, docs: list[Document], per_item: int = 2) -> None:
        matcher = Matcher(self.claims)
        for doc in docs:
            count: Counter = Counter()
            for h in matcher.scan(doc.text):
                term = None
                if h.kind in (HitKind.ENTITY_NAME, HitKind.ENTITY_ALIAS):
                    item = h.item
                    kind = "name"
                elif h.kind == HitKind.TERM_PREFERRED:
                    term = self.claims.term(h.item)
                    if term.language and term.language != doc.language:
                        continue
                    if not term.misspellings and not term.variants:
                        continue  # the term says it does not check misspellings
                    item, kind = term.item_id, "term"
                else:
                    continue
                if count[item] >= per_item:
                    continue
                count[item] += 1
                rng = self.rng(doc.id, h.start, h.end, kind)
                text = doc.text[h.start:h.end]
                words = list(re.finditer(r"\w{4,}", text))
                if words and (kind == "name" or (term is not None and term.misspellings)):
                    w = rng.choice(words)
                    typo = _typo(w.group(), rng)
                    self.add(kind, True, doc, h.start + w.start(), h.start + w.end(), typo,
                             (item,))
                if term is not None and term.variants:
                    variant = rng.choice(term.variants)
                    self.add("term-variant", True, doc, h.start, h.end, _like(variant, text),
                             (item,))


def _typo(word: str, rng: random.Random) -> str:
    """A realistic misspelling: two letters swapped, one dropped, doubled or replaced."""
    inner = range(1, len(word) - 1)
    for _ in range(10):
        op = rng.choice(["swap", "drop", "double", "vowel"])
        i = rng.choice(list(inner))
        if op == "swap" and word[i] != word[i + 1]:
            out = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        elif op == "drop":
            out = word[:i] + word[i + 1:]
        elif op == "double":
            out = word[:i] + word[i] + word[i:]
        else:
            vowels = [j for j in inner if word[j].lower() in _VOWELS]
            if not vowels:
                continue
            j = rng.choice(vowels)
            repl = rng.choice([v for v in _VOWELS if v != word[j].lower()])
            out = word[:j] + _like(repl, word[j]) + word[j + 1:]
        if out != word:
            return out
    return word[:-1]


_THOUSANDS = frozenset(10 ** (3 * k) for k in range(1, 6))


def _reformat_number(raw: str, pack: LanguagePack, rng: random.Random) -> str | None:
    """The same quantity written another way: "20 juta" ↔ "20.000.000"."""

    m = re.fullmatch(r"(?P<n>[\d.,]+)\s+(?P<s>\w+)", raw.strip())
    if m and m.group("s").lower() in pack.scales:
        n = parse_number(m.group("n"), pack)
        if n is None:
            return None
        total = n * pack.scales[m.group("s").lower()]
        if total != int(total):
            return None
        return f"{int(total):,}".replace(",", pack.group)
    n = parse_number(raw, pack)
    if n is None or n != int(n) or n < 1000:
        return None
    n = int(n)
    # the largest scale that divides it, thousands first ("20 million", not "2 crores")
    words = sorted(((f, w) for w, f in pack.scales.items() if n % f == 0 and f <= n),
                   key=lambda fw: (fw[0] not in _THOUSANDS, -fw[0], -len(fw[1])))
    if words and any(not c.isdigit() for c in raw):
        factor, word = words[0]
        return f"{format_number(n / factor)} {word}"
    return f"{n:,}".replace(",", pack.group) if raw.isdigit() else None


def generate(claims: ClaimSet, documents: list[Document], baseline: AuditResult,
             seed: int = 0, per_item: int = 2) -> list[Mutant]:
    """Every mutant of the corpus, deterministically for a seed."""
    docs = {d.id: d for d in documents}
    gen = _Generator(claims, docs, seed)
    gen.value_sites(baseline.mentions)
    gen.name_sites(documents, per_item)
    out = []
    lines: dict[str, LineIndex] = {}
    for i, m in enumerate(sorted(gen.mutants, key=lambda m: (m.document, m.start, m.kind,
                                                             m.after))):
        doc = docs[m.document]
        index = lines.setdefault(doc.id, LineIndex(doc.text, doc.first_line))
        out.append(replace(m, id=i, line=index.position(m.start)[0]))
    return out


# --------------------------------------------------------------------------- running


def _fingerprints(findings: list[Finding]) -> list[str]:
    from factaudit.report.fingerprint import fingerprints

    return fingerprints(findings)


def run(project: Project, seed: int = 0, limit: int | None = None, per_item: int = 2,
        progress: Callable[[int, int], None] | None = None) -> Report:
    """Audit the corpus, generate mutants, audit each, and score the claims. Every audit
    is the same pipeline as ``check``, with the same rules, on documents held in memory."""
    started = time.perf_counter()
    claims, config = project.claims, project.config
    docs = project.read_documents()
    rules = active_rules(config, discover_rules())
    original = audit(Project.in_memory(claims, docs, config), rules, executor="inline")
    before = set(_fingerprints(original.findings))
    mutants = generate(claims, docs, original, seed, per_item)
    if limit is not None and len(mutants) > limit:
        picked = sorted(random.Random(seed).sample(range(len(mutants)), limit))
        mutants = [mutants[i] for i in picked]
    base_mentions = Counter((m.claim, m.document, m.value) for m in original.mentions)
    outcomes = []
    position = {d.id: k for k, d in enumerate(docs)}
    for n, mutant in enumerate(mutants):
        if progress:
            progress(n, len(mutants))
        i = position[mutant.document]
        doc = docs[i]
        copy = replace(doc, text=doc.text[:mutant.start] + mutant.after
                       + doc.text[mutant.end:])
        mutated = Project.in_memory(claims, [*docs[:i], copy, *docs[i + 1:]], config)
        # the unmutated audit was validated in full; a mutant differs by one edit
        result = audit(mutated, rules, executor="inline", validate=False)
        outcomes.append(_judge(mutant, result, before, base_mentions, claims))
    uncovered, silent = _silent(claims, original, outcomes)
    return Report(len(docs), len(claims.claims), seed, time.perf_counter() - started,
                  outcomes, uncovered, silent)


def _judge(mutant: Mutant, result: AuditResult, before: set[str], base_mentions: Counter,
           claims: ClaimSet) -> Outcome:
    fps = _fingerprints(result.findings)
    new = [f for f, fp in zip(result.findings, fps, strict=True) if fp not in before]
    if mutant.error:
        new = [f for f in new if f.severity in ("error", "warning")]
    out = Outcome(mutant, [{"rule": f.rule, "claim": f.claim, "document": f.document,
                            "severity": f.severity, "found": f.found} for f in new])
    out.caught = bool(new)
    if mutant.error and not out.caught:
        out.note = _why_missed(mutant, result, claims)
    if not mutant.error:
        now = Counter((m.claim, m.document, m.value) for m in result.mentions)
        lost = [key for key, n in base_mentions.items()
                if key[0] in mutant.items and key[1] == mutant.document and now[key] < n]
        if lost:
            out.lost = True
            out.note = "no longer read: " + ", ".join(f"{c} {v}" for c, _, v in lost)
    return out


def _why_missed(mutant: Mutant, result: AuditResult, claims: ClaimSet) -> str:
    if mutant.kind in ("name", "term"):
        return f"no rule reports {mutant.after!r} as a misspelling"
    if mutant.kind == "term-variant":
        return "no rule reports the variant"
    if mutant.kind == "weekday":
        return "the weekday is not checked against the date here"
    end = mutant.start + len(mutant.after)
    reads = [m for m in result.mentions if m.document == mutant.document
             and m.claim in mutant.items and m.value_start < end + 40
             and m.value_end > mutant.start - 40]
    by_id = {c.id: c for c in claims.claims}
    if not reads:
        return "the edited value is no longer read for " + ", ".join(mutant.items)
    notes = []
    for m in reads:
        claim = by_id.get(m.claim)
        if claim is None:
            continue
        if claim.consistent:
            notes.append(f"{m.claim} reads {m.value} here, but it is a `consistent` claim and "
                         "no other independent source disagrees")
            continue
        doc_published = next((d.published_date for d in result.documents
                              if d.id == m.document), None)
        expected, _ = claim.expected_for(doc_published)
        if expected is not None and agrees(claim.type, expected, m.value, claim.tolerance):
            notes.append(f"{m.claim} reads {m.value}, which still agrees with {expected}")
        else:
            notes.append(f"{m.claim} reads {m.value} (expected {expected})")
    return "; ".join(dict.fromkeys(notes)) or "no finding"


def _silent(claims: ClaimSet, original: AuditResult, outcomes: list[Outcome]
            ) -> tuple[list[str], list[str]]:
    ids = [c.id for c in claims.claims] + [e.item_id for e in claims.entities] + [
        t.item_id for t in claims.terms]
    mutated: set[str] = set()
    catching: set[str] = set()
    for o in outcomes:
        if not o.mutant.error:
            continue
        mutated.update(o.mutant.items)
        if o.caught:
            catching.update(f["claim"] for f in o.new if f["claim"])
    uncovered = [i for i in ids if i not in mutated]
    silent = [i for i in ids if i in mutated and i not in catching]
    return uncovered, silent


# --------------------------------------------------------------------------- output


def to_text(report: Report, min_score: float | None = None, verbose: bool = False) -> str:
    errors, edits = report.errors, report.edits
    caught = sum(o.caught for o in errors)
    lines = [f"factaudit mutate: {report.documents} documents, {report.claims} claims, "
             f"{len(report.outcomes)} mutants (seed {report.seed}) in {report.seconds:.1f} s",
             ""]
    lines.append(f"{'kind':16} {'mutants':>7} {'caught':>7}  {'score':>6}")
    for kind, (n, c) in report.by_kind().items():
        if kind in ERROR_KINDS:
            lines.append(f"{kind:16} {n:7d} {c:7d}  {c / n:6.0%}")
    lines.append(f"{'injected errors':16} {len(errors):7d} {caught:7d}  "
                 + (f"{caught / len(errors):6.0%}" if errors else "     -"))
    lines.append("")
    alarms = sum(o.caught for o in edits)
    lost = sum(o.lost for o in edits)
    lines.append(f"meaning-preserving edits: {len(edits)}, false alarms: {alarms}, "
                 f"readings lost: {lost}")
    for kind, (n, c) in report.by_kind().items():
        if kind in EDIT_KINDS:
            lost_k = sum(o.lost for o in edits if o.mutant.kind == kind)
            lines.append(f"  {kind:14} {n:5d} edits, {c} false alarm(s), {lost_k} lost")
    shown = [o for o in report.outcomes if verbose or (o.mutant.error and not o.caught)
             or (not o.mutant.error and (o.caught or o.lost))]
    if shown:
        lines.append("")
        lines.append("mutants" if verbose else "missed errors, false alarms and lost readings:")
        for o in shown:
            m = o.mutant
            if m.error:
                status = "caught" if o.caught else "MISSED"
            else:
                status = "FALSE ALARM" if o.caught else ("LOST" if o.lost else "ok")
            lines.append(f"  {status:11} {m.kind:13} {one_line(m.document)}:{m.line}  "
                         f"{m.before!r} → {m.after!r}  [{', '.join(m.items)}]")
            if o.new and (verbose or not m.error):
                found = ", ".join(sorted({f"{f['rule']} {f['claim'] or ''}".strip()
                                          for f in o.new}))
                lines.append(f"              new: {found}")
            if o.note:
                lines.append(f"              {one_line(o.note)}")
    lines.append("")
    if report.silent:
        lines.append(f"claims that caught nothing: {', '.join(report.silent)}")
    if report.uncovered:
        lines.append(f"not mutated (no passage in the corpus): {', '.join(report.uncovered)}")
    score = report.score
    verdict = ""
    if min_score is not None and score is not None:
        verdict = f" (minimum {min_score:.0%}: {'ok' if score >= min_score else 'FAILED'})"
    lines.append("mutation score: " + (f"{score:.1%}" if score is not None else "n/a")
                 + f" of {len(errors)} injected errors caught{verdict}")
    return "\n".join(lines) + "\n"


def to_json(report: Report) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"
