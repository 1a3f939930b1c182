"""Running rules: one document at a time (the map step), then over the corpus (the
reduce step), and turning their reports into located, deduplicated, acknowledged findings
and the verdict table.

``process`` is what an executor runs for each document, in whatever process it is in; it
returns a small ``DocOutcome`` (the document's metadata, mentions, hits, located findings,
fact parts) and the text is dropped. ``reduce`` puts the outcomes together in corpus
order, merges the facts, runs the corpus rules and builds the ``AuditResult``.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from factaudit.inputs.claims import Claim, ClaimSet, Entity, Item, Term
from factaudit.inputs.config import Config
from factaudit.matching.attribute import attribute, in_scope
from factaudit.matching.passages import forget_documents
from factaudit.matching.scan import Matcher
from factaudit.model import (
    Document,
    DocumentInfo,
    Finding,
    Hit,
    HitKind,
    InputError,
    Mention,
    Severity,
    SourcePair,
    StaleAcknowledgement,
    TraceStep,
    Verdict,
)
from factaudit.reading.text import LineIndex, quote
from factaudit.results import AuditResult, RuleMeta
from factaudit.rules import tables
from factaudit.rules.api import Fact, Report, Rule
from factaudit.rules.facts import COPIES
from factaudit.rules.registry import lifecycle_notes, severity_of

M = TypeVar("M")
FULL_MATRIX_DOCUMENTS = 1000

# line, column, end line, end column, quote, snippet
Place = tuple[int, int, int, int, str, str]


@dataclass(frozen=True)
class Plan:
    """Everything the map step needs, decided once per run: the claims, the active rules,
    the facts and signal words they need, and the items to trace. Sent once to each
    worker process; ``key`` identifies it there (and in the cache)."""

    claims: ClaimSet
    config: Config
    rules: tuple[Rule, ...]
    facts: tuple[Fact[Any, Any], ...]
    signals: tuple[str, ...]
    trace: frozenset[str] = frozenset()
    key: str = ""

    @classmethod
    def make(cls, claims: ClaimSet, config: Config, rules: Sequence[Rule],
             trace: Iterable[str] = (), key: str = "") -> Plan:
        facts: dict[str, Fact[Any, Any]] = {}
        for rule in rules:
            for fact in rule.needs:
                facts.setdefault(fact.name, fact)
        signals = sorted({s for rule in rules for s in rule.signals})
        return cls(claims, config, tuple(rules), tuple(facts.values()), tuple(signals),
                   frozenset(trace), key)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.config.languages)


@dataclass
class DocOutcome:
    """What the map step keeps of one document once its text is dropped."""

    info: DocumentInfo
    mentions: list[Mention] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)  # entity, term and signal hits
    findings: list[Finding] = field(default_factory=list)  # located and quoted
    facts: dict[str, Any] = field(default_factory=dict)  # fact name → this document's part
    warnings: list[str] = field(default_factory=list)
    places: dict[tuple[int, int], Place] = field(default_factory=dict)  # of mentions, hits
    trace: list[TraceStep] = field(default_factory=list)

    def has_something(self) -> bool:
        """Anything to show or to decide on: above 1,000 documents only such documents
        are kept, so memory follows what the claims find, not the corpus."""
        return bool(self.mentions or self.hits or self.findings or self.warnings
                    or self.trace or any(bool(v) for v in self.facts.values()))


# ================================================================ contexts


class _Context:
    """What both contexts share: the claims, making reports, collecting warnings."""

    def __init__(self, plan: Plan, rule: Rule | None) -> None:
        self.claims = plan.claims
        self.languages = plan.languages
        self.plan = plan
        self.rule = rule
        self.warnings: list[str] = []

    def _default_document(self) -> str | None:
        return None

    def report(self, *, verdict: Verdict, message: str, item: Item | str | None = None,
               span: tuple[int, int] | None = None, document: str | None = None,
               expected: str | None = None, found: str | None = None,
               how: str | None = None, quote: str | None = None,
               severity: Severity | None = None) -> Report:
        item_id = item if isinstance(item, str) or item is None else item.item_id
        return Report(Verdict(verdict), message, item_id,
                      document or self._default_document(), span, expected, found, how,
                      quote, Severity(severity) if severity else None)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


class DocumentContext(_Context):
    """A rule's view of one document (document scope), and a fact's."""

    def __init__(self, plan: Plan, document: Document, mentions: list[Mention],
                 hits: list[Hit], rule: Rule | None = None,
                 parts: dict[str, Any] | None = None) -> None:
        super().__init__(plan, rule)
        self._document = document
        self._mentions = mentions
        self._hits = hits
        self._parts = {} if parts is None else parts

    def for_rule(self, rule: Rule) -> DocumentContext:
        return DocumentContext(self.plan, self._document, self._mentions, self._hits, rule,
                               self._parts)

    @property
    def document(self) -> Document:
        return self._document

    @property
    def mentions(self) -> Sequence[Mention]:
        return self._mentions

    def hits(self, kind: HitKind | None = None) -> Sequence[Hit]:
        return _select(self._hits, kind)

    def fact(self, fact: Fact[Any, M]) -> Any:
        if fact.name not in self._parts:
            self._parts[fact.name] = fact.per_document(self)
        return self._parts[fact.name]

    def info(self, document: str) -> DocumentInfo:
        if document != self._document.id:
            raise KeyError(f"a document rule sees only its document, not {document!r}")
        return self._document

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        if ids is None or self._document.id in set(ids):
            yield self._document

    def _default_document(self) -> str | None:
        return self._document.id


class CorpusContext(_Context):
    """A rule's view of the whole corpus (corpus scope)."""

    def __init__(self, plan: Plan, infos: dict[str, DocumentInfo], mentions: list[Mention],
                 hits: list[Hit], merged: dict[str, Any],
                 reader: Callable[[str], Document | None], rule: Rule | None = None) -> None:
        super().__init__(plan, rule)
        self._infos = infos
        self._mentions = mentions
        self._hits = hits
        self._merged = merged
        self._reader = reader

    def for_rule(self, rule: Rule) -> CorpusContext:
        return CorpusContext(self.plan, self._infos, self._mentions, self._hits, self._merged,
                             self._reader, rule)

    @property
    def document(self) -> Document:
        raise AttributeError("a corpus rule has no single document: use ctx.documents()")

    @property
    def mentions(self) -> Sequence[Mention]:
        return self._mentions

    def hits(self, kind: HitKind | None = None) -> Sequence[Hit]:
        return _select(self._hits, kind)

    def fact(self, fact: Fact[Any, M]) -> M:
        if fact.name not in self._merged:
            rule = self.rule.id if self.rule else "this rule"
            raise KeyError(f"{rule} asks for fact {fact.name!r} without declaring it in "
                           "'needs'")
        value: M = self._merged[fact.name]
        return value

    def info(self, document: str) -> DocumentInfo:
        return self._infos[document]

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        for doc_id in (self._infos if ids is None else ids):
            doc = self._reader(doc_id)
            if doc is not None:
                yield doc


def _select(hits: Sequence[Hit], kind: HitKind | None) -> list[Hit]:
    if kind is None:
        return [h for h in hits if h.kind not in (HitKind.CUE, HitKind.SIGNAL)]
    return [h for h in hits if h.kind == kind]


# ================================================================ the map step


_MATCHERS: OrderedDict[tuple[int, str], Matcher] = OrderedDict()


def matcher_for(plan: Plan) -> Matcher:
    """The plan's automaton, built once per process."""
    key = (id(plan.claims), plan.key)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        matcher = Matcher(plan.claims, plan.languages if plan.signals else (), plan.signals)
        _MATCHERS[key] = matcher
        while len(_MATCHERS) > 4:
            _MATCHERS.popitem(last=False)
    return matcher


MAX_PLACES = 20_000  # places located ahead in one document (a few MB kept with its outcome)


def process(plan: Plan, doc: Document) -> DocOutcome:
    """The document phase for one document: scan, attribution, facts, document rules."""
    hits = matcher_for(plan).scan(doc.text, doc.id, doc.language)
    found = attribute(doc, plan.claims, hits, plan.trace)
    kept = [h for h in hits if h.kind != HitKind.CUE]
    ctx = DocumentContext(plan, doc, found.mentions, kept)
    outcome = DocOutcome(doc.info, found.mentions, [h for h in kept if h.kind != HitKind.SIGNAL],
                         trace=found.trace)
    for h in outcome.hits:  # where a traced entity's or term's forms were found
        if h.item in plan.trace:
            form = str(h.kind).split("-", 1)[1]
            outcome.trace.append(TraceStep(doc.id, h.item, (h.start, h.end), "found",
                                           f"{form} {h.text!r}", cue=(h.start, h.end),
                                           cue_text=doc.text[h.start:h.end]))
    for fact in plan.facts:
        try:
            outcome.facts[fact.name] = ctx.fact(fact)
        except InputError:
            raise
        except Exception as exc:  # a broken fact must not hide the other rules' findings
            outcome.warnings.append(f"fact {fact.name} failed on {doc.path}: "
                                    f"{type(exc).__name__}: {exc}")
    reports: list[tuple[Rule, Report]] = []
    for rule in plan.rules:
        if rule.scope != "document":
            continue
        rule_ctx = ctx.for_rule(rule)
        try:
            reports += [(rule, r) for r in rule.check(rule_ctx)]
        except InputError:
            raise
        except Exception as exc:
            outcome.warnings.append(f"rule {rule.id} failed on {doc.path}: "
                                    f"{type(exc).__name__}: {exc}")
        outcome.warnings += [w for w in rule_ctx.warnings if w not in outcome.warnings]
    findings = [to_finding(plan, rule, r) for rule, r in reports]
    outcome.findings = locate_in(findings, doc)
    spans = {(m.value_start, m.value_end) for m in found.mentions}
    spans |= {(h.start, h.end) for h in outcome.hits}
    for fact in plan.facts:  # places corpus rules may report: located while the text is here
        if fact.spans is not None and fact.name in outcome.facts:
            spans.update(fact.spans(outcome.facts[fact.name]))
    if spans and len(spans) <= MAX_PLACES:  # else the few reported are located by reading
        index = LineIndex(doc.text, doc.first_line)  # the document again: memory stays small
        for start, end in sorted(spans):
            outcome.places[(start, end)] = (*index.position(start),
                                            *index.position(max(start, end)),
                                            quote(doc.text, start, end),
                                            doc.text[start:end][:1000])
    forget_documents()
    return outcome


def to_finding(plan: Plan, rule: Rule, report: Report) -> Finding:
    item = plan.claims.find(report.item)
    own = getattr(item, "severity", None) if rule.item_severity else None
    severity = report.severity or severity_of(rule, plan.config, own)
    start, end = report.span if report.span is not None else (None, None)
    return Finding(rule=rule.id, verdict=report.verdict, severity=severity,
                   message=report.message, claim=report.item, document=report.document,
                   start=start, end=end, expected=report.expected, found=report.found,
                   how=report.how, quote=report.quote)


def locate_in(findings: list[Finding], doc: Document) -> list[Finding]:
    """Fill path, line, column, end and quote of findings in ``doc`` (text required)."""
    if not findings:
        return []
    index = LineIndex(doc.text, doc.first_line)
    out = []
    for f in findings:
        changes: dict[str, Any] = {"path": doc.path}
        if f.start is not None:
            end = f.end if f.end is not None else f.start
            changes.update(zip(("line", "column"), index.position(f.start), strict=True))
            changes.update(zip(("end_line", "end_column"), index.position(max(end, f.start)),
                               strict=True))
            if f.quote is None:
                changes["quote"] = quote(doc.text, f.start, end)
            changes["snippet"] = doc.text[f.start:max(end, f.start)][:1000]
            changes["where"] = doc.place(f.start)
        out.append(f.with_(**changes))
    return out


# ================================================================ the reduce step


def reduce(plan: Plan, outcomes: list[DocOutcome], reader: Callable[[str], Document | None],
           today: dt.date | None = None, warnings: Iterable[str] = (),
           document_count: int | None = None, validate: bool = True) -> AuditResult:
    """The corpus phase: merge facts, run corpus rules, locate, dedupe, acknowledge,
    build the verdict table. ``outcomes`` are in corpus order."""
    today = today or dt.date.today()
    notes = list(warnings)
    for note in lifecycle_notes(list(plan.rules)):
        _add(notes, note)
    for o in outcomes:
        for w in o.warnings:
            _add(notes, w)
    infos = {o.info.id: o.info for o in outcomes}
    mentions = [m for o in outcomes for m in o.mentions]
    hits = [h for o in outcomes for h in o.hits]
    if validate:
        tables.validate_documents(list(infos.values()))
        tables.validate_mentions(mentions)
    merged = {}
    for fact in plan.facts:
        try:
            merged[fact.name] = fact.merge([o.facts[fact.name] for o in outcomes
                                            if fact.name in o.facts])
        except InputError:
            raise
        except Exception as exc:
            _add(notes, f"fact {fact.name} failed: {type(exc).__name__}: {exc}")
    ctx = CorpusContext(plan, infos, mentions, hits, merged, reader)
    findings = [f for o in outcomes for f in o.findings]
    corpus_findings = []
    for rule in plan.rules:
        if rule.scope != "corpus" or any(f.name not in merged for f in rule.needs):
            continue
        rule_ctx = ctx.for_rule(rule)
        try:
            corpus_findings += [to_finding(plan, rule, r) for r in rule.check(rule_ctx)]
        except InputError:
            raise
        except Exception as exc:  # a broken rule must not hide the others' findings
            _add(notes, f"rule {rule.id} failed: {type(exc).__name__}: {exc}")
        for w in rule_ctx.warnings:
            _add(notes, w)
    places = {(o.info.id, *span): where for o in outcomes for span, where in o.places.items()}
    findings += _locate(corpus_findings, infos, places, reader)
    findings = _dedupe(findings)
    findings, stale = _acknowledge(findings, plan.claims, infos, today)
    findings.sort(key=lambda f: f.sort_key)
    if validate:
        tables.validate_findings(findings)
    docs = [o.info for o in outcomes]
    verdicts = _verdicts(plan.claims, docs, mentions, findings, hits)
    pairs = merged[COPIES.name].pairs if COPIES.name in merged else _declared_pairs(docs)
    rules = [RuleMeta(r.id, severity_of(r, plan.config), r.summary, r.scope, r.status,
                      r.optional) for r in plan.rules]
    trace = [s for o in outcomes for s in o.trace]
    return AuditResult(plan.claims, docs, mentions, findings, verdicts, rules,
                       notes + [str(s) for s in stale], pairs, stale, trace,
                       document_count or len(docs), reader)


def _add(notes: list[str], note: str) -> None:
    if note not in notes:
        notes.append(note)


def _declared_pairs(docs: list[DocumentInfo]) -> list[SourcePair]:
    from factaudit.matching.copies import find_pairs

    return find_pairs(docs, {})


def _locate(findings: list[Finding], infos: dict[str, DocumentInfo],
            places: dict[tuple[str, int, int], Place],
            reader: Callable[[str], Document | None]) -> list[Finding]:
    """Locate corpus findings: from the places the map step kept, else by reading each
    document once, whatever the number of findings in it."""
    out = list(findings)
    todo: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(out):
        if f.document is None or f.document not in infos:
            continue
        path = infos[f.document].path
        if f.start is None:
            out[i] = f.with_(path=path)
            continue
        known = places.get((f.document, f.start, f.end if f.end is not None else f.start))
        if known is not None:
            line, column, end_line, end_column, text, snippet = known
            out[i] = f.with_(path=path, line=line, column=column, end_line=end_line,
                             end_column=end_column, snippet=snippet,
                             quote=f.quote if f.quote is not None else text,
                             where=infos[f.document].place(f.start))
        else:
            todo[f.document].append(i)
    for doc_id, indexes in todo.items():
        doc = reader(doc_id)
        if doc is None:
            for i in indexes:
                out[i] = out[i].with_(path=infos[doc_id].path)
            continue
        for i, located in zip(indexes, locate_in([out[i] for i in indexes], doc),
                              strict=True):
            out[i] = located
    return out


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (f.rule, f.claim, f.document, f.start, f.end, f.found)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _acknowledge(findings: list[Finding], claims: ClaimSet, infos: dict[str, DocumentInfo],
                 today: dt.date) -> tuple[list[Finding], list[StaleAcknowledgement]]:
    used: set[tuple[str, int]] = set()
    out = []
    for f in findings:
        item = claims.find(f.claim)
        if item is None or f.document is None or Severity(f.severity).rank > 1:
            out.append(f)
            continue
        for i, ack in enumerate(item.acknowledged):
            if ack.source != f.document or (ack.found is not None and ack.found != f.found):
                continue
            used.add((item.item_id, i))
            if ack.until >= today:
                f = f.with_(acknowledged=ack.reason)
            else:
                f = f.with_(message=f"{f.message} (acknowledgement expired on {ack.until}: "
                            f"{ack.reason})")
            break
        out.append(f)
    stale = []
    for item in claims.items():
        origin = claims.origins.get(item.item_id)
        path, line = (origin.path, origin.line) if origin else ("claims", 0)
        for i, ack in enumerate(item.acknowledged):
            if ack.source not in infos:
                stale.append(StaleAcknowledgement(item.item_id, ack.source, path, line, True))
            elif (item.item_id, i) not in used:
                stale.append(StaleAcknowledgement(item.item_id, ack.source, path, line))
    return out, stale


_WORST = [Verdict.SUPPORTED, Verdict.VARIANT, Verdict.TYPO, Verdict.CONFLICTING,
          Verdict.REFUTED]


def _verdicts(claims: ClaimSet, documents: list[DocumentInfo], mentions: list[Mention],
              findings: list[Finding], hits: list[Hit]) -> dict[str, dict[str, str]]:
    """Item × document verdicts: the claims × sources matrix of reports."""
    mentioned = {(m.claim, m.document) for m in mentions}
    worst: dict[tuple[str, str], Verdict] = {}
    for f in findings:
        if f.claim is None or f.document is None or f.verdict not in _WORST:
            continue
        key = (f.claim, f.document)
        if key not in worst or _WORST.index(f.verdict) > _WORST.index(worst[key]):
            worst[key] = Verdict(f.verdict)
    hits_by_item: dict[str, set[str]] = defaultdict(set)
    for h in hits:
        if h.kind not in (HitKind.CUE, HitKind.SIGNAL):
            hits_by_item[h.item].add(h.document)
    # The full matrix for corpora a person reads; beyond that only the cells that say
    # something (absent cells are not-enough-info), so memory stays with the findings.
    full = len(documents) <= FULL_MATRIX_DOCUMENTS
    involved = {d for _, d in mentioned} | {d for _, d in worst}
    involved |= {d for docs in hits_by_item.values() for d in docs}
    shown = documents if full else [d for d in documents if d.id in involved]
    out: dict[str, dict[str, str]] = {}
    for claim in claims.claims:
        cells = {d.id: _cell(claim, d, mentioned, worst) for d in shown}
        out[claim.id] = cells if full else {k: v for k, v in cells.items()
                                            if v != Verdict.NOT_ENOUGH_INFO}
    named: list[Entity | Term] = [*claims.entities, *claims.terms]
    for item in named:
        item_id = item.item_id
        cells = {d.id: str(worst.get((item_id, d.id),
                                     Verdict.SUPPORTED if d.id in hits_by_item[item_id]
                                     else Verdict.NOT_ENOUGH_INFO)) for d in shown}
        out[item_id] = cells if full else {k: v for k, v in cells.items()
                                           if v != Verdict.NOT_ENOUGH_INFO}
    return out


def _cell(claim: Claim, doc: DocumentInfo, mentioned: set[tuple[str, str]],
          worst: dict[tuple[str, str], Verdict]) -> str:
    if in_scope(claim, doc) is not None:
        return str(Verdict.OUT_OF_SCOPE)
    if (claim.id, doc.id) in worst:
        return str(worst[(claim.id, doc.id)])
    return str(Verdict.SUPPORTED if (claim.id, doc.id) in mentioned
               else Verdict.NOT_ENOUGH_INFO)
