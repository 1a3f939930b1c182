"""The audit pipeline: claims + corpus → mentions → rules → located, acknowledged findings."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factaudit import tables
from factaudit.claims import Claim, ClaimSet, load_claims
from factaudit.config import Config, check_rule_ids, load_config
from factaudit.corpus import Corpus, Document, duplicate_ids, no_documents, read_entry
from factaudit.engine import quote  # noqa: F401  (re-exported: part of the public API)
from factaudit.errors import InputError, Problem
from factaudit.extract import Hit, Mention, in_scope
from factaudit.findings import Finding, severity_rank
from factaudit.languages import add_search_dir
from factaudit.rules import AuditContext, Rule, discover_rules, enabled_rules
from factaudit.sources import Pair

FULL_MATRIX_DOCUMENTS = 1000
KEEP_ALL_DOCUMENTS = 1000


@dataclass
class AuditResult:
    claims: ClaimSet
    documents: Sequence[Document]  # with texts (read again from disk when streamed)
    mentions: list[Mention]
    findings: list[Finding]
    verdicts: dict[str, dict[str, str]]  # item id → document id → verdict
    rules: list[Rule]
    warnings: list[str] = field(default_factory=list)
    source_pairs: list = field(default_factory=list)  # translations and copies (sources.Pair)
    # documents audited; above KEEP_ALL_DOCUMENTS, ``documents`` holds only those with
    # something to show (mentions, hits, findings), so memory follows the findings
    document_count: int | None = None

    def __post_init__(self) -> None:
        if self.document_count is None:
            self.document_count = len(self.documents)

    @property
    def metadata(self) -> list[Document]:
        """The documents without their texts: cheap to iterate over a large corpus."""
        return getattr(self.documents, "metadata", self.documents)

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
                include_optional: bool = False, workers: int | None = None,
                cache: bool = True, engine: str = "local", scheduler: str | None = None,
                progress: bool | None = None) -> AuditResult:
    """Load claims and stream the corpus from folders (defaults from configuration).

    ``include_optional`` also runs the optional rules (``spelling``) that are off by
    default; reports pass it, the pytest items do not. ``workers`` processes share the
    document phase (default: one, or every core for corpora over 16 MB); ``cache`` keeps
    per-document results in ``.factaudit-cache/`` so an unchanged corpus is not re-read;
    ``engine="dask"`` runs the document phase on a Dask cluster (``scheduler`` address,
    or a local cluster)."""
    from factaudit import engine as document_phase
    from factaudit.cache import Cache, CacheNote, default_dir
    from factaudit.corpus import discover
    from factaudit.progress import Progress

    config = config or load_config()
    claims_dir = Path(claims_dir) if claims_dir else config.root / config.claims
    corpus_dir = Path(corpus_dir) if corpus_dir else config.root / config.corpus
    add_search_dir(claims_dir / "languages")
    problems = []
    claims = found = None
    try:
        claims = load_claims(claims_dir)
    except InputError as exc:
        problems += exc.problems
    try:
        found = discover(corpus_dir)
    except InputError as exc:
        problems += exc.problems
    if problems:
        if claims is None and found is not None:  # report the documents' problems too
            from factaudit.corpus import metadata_problems

            problems += metadata_problems(found, tuple(config.languages))
        raise InputError(problems)
    rules = _active_rules(config, None, include_optional)
    today = today or dt.date.today()
    entries = {str(e["__shown"]): e for e in found.entries}
    cache_dir = str(default_dir(config.root)) if cache else None
    keys = run_digest = None
    cache_warnings: list[str] = []
    if cache_dir is not None:
        store = Cache(cache_dir)
        try:
            run = document_phase.run_key(claims, config, rules)
            keys = document_phase.document_keys(found.entries, run, store)
            run_digest = _run_digest(run, today, found, keys)
            stored = store.get_run(run_digest, _RUN_SHAPE)
        finally:
            store.close()
        cache_warnings = store.warnings
        if stored is not None:  # nothing changed since that run: its result stands
            metadata, mentions, findings, verdicts, warnings, pairs, count = stored
            warnings = cache_warnings + warnings
            loader = _loader(entries, {d.id: d.path for d in metadata}, config)
            return AuditResult(claims, _Streamed(metadata, loader), mentions, findings,
                               verdicts, rules, warnings, pairs, count)
    bar = Progress(len(found.entries), found.total_bytes, enabled=progress)
    results: list = []
    ids: list[tuple[str, str]] = []
    keep_all = len(found.entries) <= KEEP_ALL_DOCUMENTS
    warnings = list(found.warnings) + cache_warnings
    try:
        for item in document_phase.stream(found, claims, config, rules, workers, cache_dir,
                                          engine, scheduler, bar, keys):
            if isinstance(item, str):
                warnings.append(item)
            elif isinstance(item, Problem):
                problems.append(item)
            else:
                ids.append((item.document.id, item.document.path))
                if keep_all or _has_something(item):
                    results.append(item)
    finally:
        bar.close()
    loader = _loader(entries, {r.document.id: r.document.path for r in results}, config)
    problems += duplicate_ids(ids)
    if problems:
        raise InputError(problems)
    if not ids:
        raise InputError(no_documents(found.folder))
    result = _corpus_phase(claims, results, config, rules, today, warnings, loader)
    result.document_count = len(ids)
    if run_digest is not None:
        store = Cache(cache_dir)
        try:  # a result too large for one cache entry is simply not kept
            store.put_run(run_digest, (result.metadata, result.mentions, result.findings,
                                       result.verdicts,
                                       [str(w) for w in result.warnings
                                        if not isinstance(w, CacheNote)],
                                       result.source_pairs, result.document_count))
        finally:
            store.close()
    return result


# what a stored run must look like to be used (anything else is a miss)
_RUN_SHAPE = tuple[list[Document], list[Mention], list[Finding], dict[str, dict[str, str]],
                   list[str], list[Pair], int]


def _has_something(r) -> bool:
    return bool(r.mentions or r.hits or r.findings or r.warnings
                or any(v for v in r.collected.values()))


def _loader(entries: dict[str, dict], paths: dict[str, str], config: Config):
    """Reads a streamed document again by id (for rules, reports and quotes)."""
    def loader(doc_id: str) -> Document:
        doc = read_entry(entries[paths[doc_id]], tuple(config.languages), [])
        if doc is None:
            raise InputError(Problem(paths[doc_id], "the document changed or vanished during "
                                     "the run", hint="run the audit again"))
        return doc
    return loader


def _run_digest(run: str, today: dt.date, found, keys: dict[int, str]) -> str:
    """Identifies a whole run: claims, configuration, code, date and every document."""
    import hashlib

    h = hashlib.blake2b(digest_size=20)
    h.update(f"{run}|{today}|{found.folder}|{found.warnings}".encode())
    for entry in found.entries:
        h.update(f"|{entry['__shown']}={keys.get(id(entry))}".encode())
    return h.hexdigest()


def run_audit(claims: ClaimSet, corpus: Corpus, config: Config | None = None,
              rules: list[Rule] | None = None, today: dt.date | None = None,
              include_optional: bool = False, validate: bool = True) -> AuditResult:
    """Audit documents held in memory (tests, mutation runs, other tools).

    ``validate=False`` skips the pandera checks of the tables, for callers that audit
    many near-copies of a corpus already audited with them (``factaudit mutate``)."""
    from factaudit.engine import Worker

    config = config or Config()
    active = _active_rules(config, rules, include_optional)
    worker = Worker(claims, config, active)
    results = []
    for doc in corpus.documents:
        result = worker.process(doc)
        result.document = doc  # keep the text: it is already in memory
        results.append(result)
    return _corpus_phase(claims, results, config, active, today, list(corpus.warnings), None,
                         validate)


def _active_rules(config: Config, rules: list[Rule] | None, include_optional: bool
                  ) -> list[Rule]:
    all_rules = rules if rules is not None else discover_rules()
    check_rule_ids(config, [r.id for r in all_rules])
    # rules passed explicitly run (optional ones too) unless the configuration turns them off
    return enabled_rules(config, all_rules, include_optional or rules is not None)


def _corpus_phase(claims: ClaimSet, results: list, config: Config, active: list[Rule],
                  today: dt.date | None, warnings: list[str], loader,
                  validate: bool = True) -> AuditResult:
    documents = [r.document for r in results]
    mentions = [m for r in results for m in r.mentions]
    if validate:
        tables.validate_documents(documents)
        tables.validate_mentions(mentions)
    hits = {r.document.id: r.hits for r in results}
    collected: dict[str, dict[str, object]] = defaultdict(dict)
    for r in results:
        for key, value in r.collected.items():
            collected[key][r.document.id] = value
    raw: list[Finding] = [f for r in results for f in r.findings]
    places = {(r.document.id, *span): where for r in results for span, where in r.places.items()}
    ctx = AuditContext(claims=claims,
                       documents=documents if loader is None else _Streamed(documents, loader),
                       mentions=mentions, hits=hits, config=config, collected=dict(collected),
                       loader=loader)
    for rule in active:
        if rule.check is None:
            continue
        try:
            raw += list(rule.check(ctx))
        except InputError:
            raise
        except Exception as exc:  # a broken rule must not hide the others' findings
            warnings.append(f"rule {rule.id} failed: {type(exc).__name__}: {exc}")
    warnings += [w for w in ctx.warnings if w not in warnings]
    located = _locate_all(_dedupe(raw), ctx, places)
    by_id = ctx.documents_by_id
    findings = _acknowledge(located, claims, by_id, today or dt.date.today(), warnings)
    findings.sort(key=lambda f: f.sort_key)
    if validate:
        tables.validate_findings(findings)
    verdicts = _verdicts(claims, documents, mentions, findings, hits)
    return AuditResult(claims, ctx.documents, mentions, findings, verdicts, active, warnings,
                       ctx.source_pairs)


class _Streamed(Sequence):
    """The documents of a streamed corpus for corpus-wide rules: each text is read again
    when a rule asks for it, and not kept, so memory does not grow with the corpus."""

    def __init__(self, metadata: list[Document], loader) -> None:
        self.metadata = metadata
        self.loader = loader

    def __len__(self) -> int:
        return len(self.metadata)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return self.loader(self.metadata[i].id)


def _dedupe(findings) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (f.rule, f.claim, f.document, f.start, f.end, f.found)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _locate_all(findings: list[Finding], ctx: AuditContext, places: dict) -> list[Finding]:
    """Locate the corpus phase's findings (document-phase ones arrive located): from the
    positions the document phase kept, else by reading each document once, whatever the
    number of findings in it."""
    out = list(findings)
    todo: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(out):
        if f.document is None or f.line is not None or f.document not in ctx.documents_by_id:
            continue
        path = ctx.documents_by_id[f.document].path
        if f.start is None:
            out[i] = f.with_(path=path)
            continue
        known = places.get((f.document, f.start, f.end))
        if known is not None:
            line, column, text = known
            out[i] = f.with_(path=path, line=line, column=column,
                             quote=f.quote if f.quote is not None else text)
        else:
            todo[f.document].append(i)
    from factaudit.engine import locate_all

    for doc_id, indexes in todo.items():
        for i, f in zip(indexes, locate_all([out[i] for i in indexes], ctx.document(doc_id)),
                        strict=True):
            out[i] = f
    return out


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
                                            if v != "not-enough-info"}
    for item in [*claims.entities, *claims.terms]:
        item_id = item.item_id
        cells = {d.id: worst.get((item_id, d.id), "supported" if d.id in hits_by_item[item_id]
                                 else "not-enough-info") for d in shown}
        out[item_id] = cells if full else {k: v for k, v in cells.items()
                                           if v != "not-enough-info"}
    return out


def _cell(claim: Claim, doc: Document, mentioned: set, worst: dict) -> str:
    if not in_scope(claim, doc):
        return "out-of-scope"
    if (claim.id, doc.id) in worst:
        return worst[(claim.id, doc.id)]
    return "supported" if (claim.id, doc.id) in mentioned else "not-enough-info"
