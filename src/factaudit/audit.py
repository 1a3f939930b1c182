"""The audit pipeline: claims + corpus → mentions → rules → located, acknowledged findings."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from factaudit import tables
from factaudit.claims import Claim, ClaimSet, load_claims
from factaudit.config import Config, check_rule_ids, load_config
from factaudit.corpus import Corpus, Document, load_corpus
from factaudit.errors import InputError
from factaudit.extract import Hit, Matcher, Mention, extract, in_scope
from factaudit.findings import Finding, severity_rank
from factaudit.languages import add_search_dir
from factaudit.rules import AuditContext, Rule, discover_rules, enabled_rules
from factaudit.text import LineIndex

QUOTE_CONTEXT = 60  # characters of context on each side of a quoted span


@dataclass
class AuditResult:
    claims: ClaimSet
    documents: list[Document]
    mentions: list[Mention]
    findings: list[Finding]
    verdicts: dict[str, dict[str, str]]  # item id → document id → verdict
    rules: list[Rule]
    warnings: list[str] = field(default_factory=list)
    source_pairs: list = field(default_factory=list)  # translations and copies (sources.Pair)

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0, "acknowledged": 0}
        for f in self.findings:
            if f.acknowledged:
                out["acknowledged"] += 1
            else:
                out[f.severity] += 1
        return out

    def failed(self, allow_acknowledged: bool = True) -> bool:
        return any(f.severity == "error" and (not allow_acknowledged or not f.acknowledged)
                   for f in self.findings)


def audit_paths(claims_dir: Path | None = None, corpus_dir: Path | None = None,
                config: Config | None = None, today: dt.date | None = None,
                include_optional: bool = False) -> AuditResult:
    """Load claims and corpus from folders (defaults from configuration) and audit them.

    ``include_optional`` also runs the optional rules (``spelling``) that are off by
    default; reports pass it, the pytest items do not."""
    config = config or load_config()
    claims_dir = Path(claims_dir) if claims_dir else config.root / config.claims
    corpus_dir = Path(corpus_dir) if corpus_dir else config.root / config.corpus
    add_search_dir(claims_dir / "languages")
    problems = []
    claims = corpus = None
    try:
        claims = load_claims(claims_dir)
    except InputError as exc:
        problems += exc.problems
    try:
        corpus = load_corpus(corpus_dir, config.languages)
    except InputError as exc:
        problems += exc.problems
    if problems:
        raise InputError(problems)
    return run_audit(claims, corpus, config, today=today, include_optional=include_optional)


def run_audit(claims: ClaimSet, corpus: Corpus, config: Config | None = None,
              rules: list[Rule] | None = None, today: dt.date | None = None,
              include_optional: bool = False) -> AuditResult:
    config = config or Config()
    all_rules = rules if rules is not None else discover_rules()
    check_rule_ids(config, [r.id for r in all_rules])
    # rules passed explicitly run (optional ones too) unless the configuration turns them off
    active = enabled_rules(config, all_rules, include_optional or rules is not None)
    documents = corpus.documents
    warnings = list(corpus.warnings)
    tables.validate_documents(documents)

    matcher = Matcher(claims)
    mentions: list[Mention] = []
    hits: dict[str, list[Hit]] = {}
    for doc in documents:
        doc_hits = matcher.scan(doc.text)
        mentions += extract(doc, claims, doc_hits)
        hits[doc.id] = [h for h in doc_hits if h.target.kind != "cue"]
    tables.validate_mentions(mentions)

    ctx = AuditContext(claims=claims, documents=documents, mentions=mentions, hits=hits,
                       config=config)
    raw: list[Finding] = []
    for rule in active:
        try:
            raw += list(rule.check(ctx))
        except InputError:
            raise
        except Exception as exc:  # a broken rule must not hide the others' findings
            warnings.append(f"rule {rule.id} failed: {type(exc).__name__}: {exc}")
    warnings += ctx.warnings
    by_id = {d.id: d for d in documents}
    located = _dedupe(_locate(f, by_id) for f in raw)
    findings = _acknowledge(located, claims, by_id, today or dt.date.today(), warnings)
    findings.sort(key=lambda f: f.sort_key)
    tables.validate_findings(findings)
    verdicts = _verdicts(claims, documents, mentions, findings, hits)
    return AuditResult(claims, documents, mentions, findings, verdicts, active, warnings,
                       ctx.source_pairs)


def _dedupe(findings) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (f.rule, f.claim, f.document, f.start, f.end, f.found)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


_line_indexes: dict[int, LineIndex] = {}


def _locate(f: Finding, by_id: dict[str, Document]) -> Finding:
    doc = by_id.get(f.document) if f.document else None
    if doc is None:
        return f
    changes: dict = {"path": doc.path}
    if f.start is not None:
        index = _line_indexes.get(id(doc))
        if index is None or len(_line_indexes) > 4096:
            _line_indexes.clear()
            index = _line_indexes[id(doc)] = LineIndex(doc.text, doc.first_line)
        line, column = index.position(f.start)
        changes.update(line=line, column=column)
        if f.quote is None:
            changes["quote"] = quote(doc.text, f.start, f.end or f.start)
    return f.with_(**changes)


def quote(text: str, start: int, end: int, context: int = QUOTE_CONTEXT) -> str:
    """The span with some context, on one line, with ellipses where it was cut."""
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    line_lo = text.rfind("\n", lo, start)
    line_hi = text.find("\n", end, hi)
    lo = line_lo + 1 if line_lo != -1 else lo
    hi = line_hi if line_hi != -1 else hi
    snippet = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 and text[lo - 1] != "\n" else "") + snippet + (
        "…" if hi < len(text) and text[hi] != "\n" else "")


def _acknowledge(findings: list[Finding], claims: ClaimSet, by_id: dict[str, Document],
                 today: dt.date, warnings: list[str]) -> list[Finding]:
    items = {c.id: c for c in claims.claims}
    items.update({e.item_id: e for e in claims.entities})
    items.update({t.item_id: t for t in claims.terms})
    used: set[tuple[str, int]] = set()
    out = []
    for f in findings:
        item = items.get(f.claim or "")
        if item is None or f.document is None or severity_rank(f.severity) > 1:
            out.append(f)
            continue
        for i, ack in enumerate(item.acknowledged):
            if ack.source != f.document or (ack.found is not None and ack.found != f.found):
                continue
            used.add((f.claim, i))
            if ack.until >= today:
                f = f.with_(acknowledged=ack.reason)
            else:
                f = f.with_(message=f"{f.message} (acknowledgement expired on {ack.until}: "
                            f"{ack.reason})")
            break
        out.append(f)
    for item_id, item in items.items():
        origin = claims.origins.get(item_id)
        for i, ack in enumerate(item.acknowledged):
            if ack.source not in by_id:
                warnings.append(f"{origin.path}:{origin.line}: {item_id} acknowledges a "
                                f"discrepancy in unknown document {ack.source!r}")
            elif (item_id, i) not in used:
                warnings.append(f"{origin.path}:{origin.line}: {item_id}: the acknowledged "
                                f"discrepancy in {ack.source!r} no longer occurs; remove it")
    return out


def _verdicts(claims: ClaimSet, documents: list[Document], mentions: list[Mention],
              findings: list[Finding], hits: dict[str, list[Hit]]) -> dict[str, dict[str, str]]:
    """Item × document verdicts: the claims × sources matrix of reports."""
    mentioned = {(m.claim, m.document) for m in mentions}
    worst: dict[tuple[str, str], str] = {}
    order = ["supported", "variant", "typo", "conflicting", "refuted"]
    for f in findings:
        if f.claim is None or f.document is None or f.verdict not in order:
            continue
        key = (f.claim, f.document)
        if key not in worst or order.index(f.verdict) > order.index(worst[key]):
            worst[key] = f.verdict
    hits_by_item: dict[str, set[str]] = defaultdict(set)
    for doc_id, doc_hits in hits.items():
        for h in doc_hits:
            group = claims.entities if h.target.kind == "entity" else claims.terms
            hits_by_item[group[h.target.index].item_id].add(doc_id)
    out: dict[str, dict[str, str]] = {}
    for claim in claims.claims:
        out[claim.id] = {d.id: _cell(claim, d, mentioned, worst) for d in documents}
    for item in [*claims.entities, *claims.terms]:
        out[item.item_id] = {d.id: worst.get((item.item_id, d.id), "supported"
                                             if d.id in hits_by_item[item.item_id]
                                             else "not-enough-info") for d in documents}
    return out


def _cell(claim: Claim, doc: Document, mentioned: set, worst: dict) -> str:
    if not in_scope(claim, doc):
        return "out-of-scope"
    if (claim.id, doc.id) in worst:
        return worst[(claim.id, doc.id)]
    return "supported" if (claim.id, doc.id) in mentioned else "not-enough-info"
