"""The one pipeline: everything that audits (the CLI, the pytest plugin, explain, mutate,
baseline, the rule-example harness) calls ``audit``.

    plan: the active rules → the facts and signal words they need → one cache key
    MAP (an executor, in corpus order): Source ─read─▶ Document ─▶ scan, attribution,
        facts, document rules ─▶ DocOutcome (text dropped) ─▶ cache
    REDUCE (this process): merge facts, corpus rules, locate, dedupe, acknowledge,
        verdicts ─▶ AuditResult

Each document is read exactly once: a worker reads its bytes, computes its cache key
from them, and either takes the stored outcome or computes it. The main process writes
new outcomes to the cache; an unchanged file is recognised by its stat signature (as git's
index does), which also lets an unchanged run be answered whole from the cache. The engine
prints nothing: progress goes to a callback, warnings into the result.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from factaudit import __version__
from factaudit.engine.cache import RACY_SECONDS, Cache, CacheNote, document_key
from factaudit.engine.executors import Executor, make
from factaudit.inputs.corpus import (
    Source,
    duplicate_id,
    no_documents,
    read_documents,
    read_text,
    source_bytes,
)
from factaudit.inputs.project import Project
from factaudit.model import (
    Document,
    DocumentInfo,
    Finding,
    InputError,
    Mention,
    Problem,
    SourcePair,
    StaleAcknowledgement,
)
from factaudit.reading.files import HAND_WRITTEN_LIMIT, describe, read_regular
from factaudit.results import AuditResult, RuleMeta
from factaudit.rules.api import Rule
from factaudit.rules.registry import active_rules, discover_rules, severity_of
from factaudit.rules.runner import DocOutcome, Plan, process, reduce

BATCH_BYTES = 1_000_000
BATCH_DOCUMENTS = 512
KEEP_ALL_DOCUMENTS = 1000
Progress = Callable[[int, int], None]  # documents, bytes done since the last call


def audit(project: Project, rules: Sequence[Rule] | None = None, *,
          executor: Executor | str = "local", workers: int | None = None,
          scheduler: str | None = None, cache: Path | str | None = None,
          trace: Iterable[str] = (), today: dt.date | None = None,
          progress: Progress | None = None, validate: bool = True) -> AuditResult:
    """Audit a project. ``rules``: the rules to consider (default: every installed one);
    the configuration decides which of them run, except that rules passed explicitly run
    unless set to false. ``executor``: "local" (inline, or a pool of ``workers``
    processes above 16 MB of corpus), "inline", "pool", "dask" (at ``scheduler``, or a
    local cluster), or an Executor. ``cache``: the cache folder (None: no cache).
    ``trace``: ids of items whose attribution is recorded for ``explain``.
    ``validate=False`` skips the pandera checks of the tables (``factaudit mutate``
    audits many near-copies of a corpus already checked)."""
    config = project.config
    if rules is None:
        active = active_rules(config, discover_rules())
    else:
        active_rules(config, list(rules))  # unknown ids in the configuration are errors
        active = [r for r in rules if config.enabled(r.id, True)]
    today = today or dt.date.today()
    trace = frozenset(trace)
    plan = Plan.make(project.claims, config, active, trace,
                     run_key(project, active, trace))
    runner = executor if not isinstance(executor, str) else make(
        executor, workers, scheduler, project.total_bytes)
    store = Cache(cache) if cache is not None else None
    try:
        result = _audit(project, plan, runner, store, today, progress, validate)
    finally:
        if store is not None:
            store.close()
    # what every output says about the optional rules that did not run, and how to run them
    considered = discover_rules() if rules is None else list(rules)
    result.rules_off = [RuleMeta(r.id, severity_of(r, config), r.summary, r.scope, r.status,
                                 r.optional)
                        for r in considered if r.optional and r not in active]
    return result


# the shape of a stored run, checked when it is read back (anything else is a miss)
_RUN = tuple[list[DocumentInfo], list[Mention], list[Finding], dict[str, dict[str, str]],
             list[str], list[SourcePair], list[StaleAcknowledgement], int, list[RuleMeta]]


def _audit(project: Project, plan: Plan, runner: Executor, store: Cache | None,
           today: dt.date, progress: Progress | None, validate: bool) -> AuditResult:
    sources = project.sources
    languages = project.languages
    keys = _known_keys(sources, plan.key, store) if store is not None else {}
    run_digest = None
    if store is not None:
        known = _RunDigest(plan.key, today, project)
        for i in range(len(sources)):
            known.add(i, keys.get(i))
        run_digest = known.value()
    if store is not None and run_digest is not None and not plan.trace:
        stored = store.get_run(run_digest, _RUN)
        if stored is not None:  # nothing changed since that run: its result stands
            infos, mentions, findings, verdicts, notes, pairs, stale, count, metas = stored
            return AuditResult(plan.claims, infos, mentions, findings, verdicts, metas,
                               [*store.warnings, *notes, *(str(s) for s in stale)], pairs,
                               stale, [], count, _reader(sources, infos, languages))
    state = _MapState(plan, languages, str(store.path.parent) if store else None,
                      tuple(f.part for f in plan.facts))
    outcomes: list[DocOutcome] = []
    positions: dict[str, int] = {}  # document id → index of its source
    notes = list(project.warnings)
    problems: list[Problem] = []
    repeated: list[Problem] = []  # documents whose id an earlier document has
    count = 0  # documents read
    fresh: list[tuple[str, list[DocOutcome]]] = []
    learned: list[tuple[str, str]] = []
    keep_all = len(sources) <= KEEP_ALL_DOCUMENTS
    # the whole run's identity, fed document by document (not a key kept per document)
    digest = _RunDigest(plan.key, today, project) if store is not None else None
    unreadable = 0
    # while workers read the documents this process waits: it imports what the tables'
    # validation needs meanwhile — once the first batch is back, when the pool's processes
    # have all been forked (forking while a thread imports could leave a module
    # half-imported in a child)
    preload = validate and runner.name != "inline"
    for batch, (results, bad) in zip(_batches(sources), runner.map(_map_batch, state, (
            [(i, sources[i], keys.get(i)) for i in b] for b in _batches(sources))),
            strict=True):
        unreadable += bad
        if preload:
            preload = False
            threading.Thread(target=_preload_tables, daemon=True).start()
        for i, (found, warnings, batch_problems, key, computed) in zip(batch, results,
                                                                        strict=True):
            notes += [w for w in warnings if w not in notes]
            problems += batch_problems
            if digest is not None:
                digest.add(i, key)
            if not found:
                continue
            here: set[str] = set()  # ids in this source
            for outcome in found:  # a table's part holds many documents
                count += 1
                doc_id = outcome.info.id
                first = positions.setdefault(doc_id, i)
                if first != i or doc_id in here:
                    repeated.append(duplicate_id(doc_id, outcome.info.path,
                                                 sources[first].shown))
                here.add(doc_id)
                if keep_all or outcome.has_something():
                    outcomes.append(outcome)
            if key is not None and store is not None:  # (without a cache, nothing may
                if computed:                             # hold every document's outcome)
                    fresh.append((key, found))
                signature = _signature(sources[i], plan.key)
                if signature is not None and i not in keys and _settled(sources[i]):
                    learned.append((signature, key))
        if store is not None and (fresh or learned):
            store.put_many(fresh)
            store.put_keys(learned)
            fresh, learned = [], []
        if progress is not None:
            progress(len(batch), sum(sources[i].size for i in batch))
    problems += repeated
    if problems:
        raise InputError(problems)
    if not count:
        raise InputError(no_documents(project.folder))
    if store is not None:
        store.unreadable += unreadable
        notes = [*store.warnings, *(n for n in notes if n not in store.warnings)]
    reader = _Reader(sources, positions, languages)
    reader.known(o.info for o in outcomes)  # read again without detecting languages again
    result = reduce(plan, outcomes, reader, today, notes, count, validate)
    whole = digest.value() if digest is not None else None
    if store is not None and not plan.trace and whole is not None:
        kept = [w for w in result.warnings if not isinstance(w, CacheNote)
                and w not in {str(s) for s in result.stale}]
        store.put_run(whole, (result.documents, result.mentions, result.findings,
                              result.verdicts, kept, result.source_pairs, result.stale,
                              result.document_count, result.rules))
    return result


def _preload_tables() -> None:
    from factaudit.rules.tables import preload

    with contextlib.suppress(Exception):  # reduce imports them again and reports any error
        preload()


# ================================================================ the map step


@dataclass(frozen=True)
class _MapState:
    """What every worker gets once: the plan, the project's languages, the cache folder
    (for looking up outcomes) and the types a stored fact part may have."""

    plan: Plan
    languages: tuple[str, ...]
    cache: str | None
    parts: tuple[Any, ...] = field(default=())


# per source: (its documents' outcomes, warnings, problems, cache key, whether computed)
_Result = tuple[list[DocOutcome], list[str], list[Problem], str | None, bool]


def _map_batch(state: _MapState, batch: list[tuple[int, Source, str | None]]
               ) -> tuple[list[_Result], int]:
    """Read, look up in the cache, and process a batch of sources (in a worker). Also
    returns how many stored outcomes could not be read (a damaged or foreign cache)."""
    cache = Cache(state.cache, readonly=True) if state.cache else None
    try:
        out: list[_Result] = []
        raws: list[bytes | None] = []
        keys: list[str | None] = []
        errors: list[str | None] = []
        for _, source, known in batch:
            try:
                raws.append(source_bytes(source))  # held only there: see _compute
                # the path is part of the key: two files with the same bytes (a syndicated
                # copy) are two documents, each with its own id and path in its outcome
                keys.append(known or document_key(raws[-1] or b"", source.shown + "\0"
                                                  + source.metadata_key, state.plan.key))
                errors.append(None)
            except OSError as exc:
                raws.append(None)
                keys.append(None)
                errors.append(f"{source.shown}: skipped, cannot read ({describe(exc)})")
        stored = (cache.get_many([k for k in keys if k], list[DocOutcome], state.parts)
                  if cache is not None else {})
        for n, (_, source, _) in enumerate(batch):
            key, error = keys[n], errors[n]
            if raws[n] is None or key is None:
                out.append(([], [error] if error else [], [], None, False))
            elif key in stored:
                raws[n] = None
                found = stored[key]
                warned = [w for o in found for w in o.warnings]
                out.append((found, list(dict.fromkeys(warned)), [], key, False))
            else:
                out.append(_compute(state, source, raws, n, key))
        return out, cache.unreadable if cache is not None else 0
    finally:
        if cache is not None:
            cache.close()


def _compute(state: _MapState, source: Source, raws: list[bytes | None], n: int, key: str
             ) -> _Result:
    """The outcomes of the source whose bytes are ``raws[n]``, which it takes: the bytes
    of a very long file are not kept while its text is audited."""
    warnings: list[str] = []
    raw, raws[n] = raws[n], None
    try:
        docs = read_documents(source, state.languages, warnings, raw=raw)
        del raw
    except InputError as exc:  # reported with every other document's problems
        return [], warnings, exc.problems, None, False
    if not docs:
        return [], warnings, [], None, False
    found = [process(state.plan, doc) for doc in docs]
    found[0].warnings = warnings + found[0].warnings  # the file's warnings, once
    return found, [w for o in found for w in o.warnings], [], key, True


def _batches(sources: list[Source]) -> Iterator[list[int]]:
    batch: list[int] = []
    size = 0
    for i, source in enumerate(sources):
        batch.append(i)
        size += source.size
        if size >= BATCH_BYTES or len(batch) >= BATCH_DOCUMENTS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


# ================================================================ reading documents again


def _reader(sources: list[Source], infos: list[DocumentInfo], languages: tuple[str, ...]
            ) -> Callable[[str], Document | None]:
    """Reads a document again by id, for a result answered from the cache."""
    by_path = {s.shown: i for i, s in enumerate(sources)}
    positions = {d.id: by_path[d.path] for d in infos if d.path in by_path}
    reader = _Reader(sources, positions, languages)
    reader.known(infos)
    return reader


class _Reader:
    """Reads a document again by id. A document the result describes keeps the metadata the
    audit found (``read_text``: no second language detection, no dateline); any other is
    read as the audit read it."""

    def __init__(self, sources: list[Source], positions: dict[str, int],
                 languages: tuple[str, ...]) -> None:
        self.sources, self.positions, self.languages = sources, positions, languages
        self.infos: dict[str, DocumentInfo] = {}

    def known(self, infos: Iterable[DocumentInfo]) -> None:
        self.infos = {d.id: d for d in infos}

    def __call__(self, doc_id: str) -> Document | None:
        i = self.positions.get(doc_id)
        if i is None:
            return None
        info = self.infos.get(doc_id)
        if info is not None:
            return read_text(self.sources[i], info)
        try:
            docs = read_documents(self.sources[i], self.languages, [])
        except InputError:
            return None
        return next((d for d in docs if d.id == doc_id), None)


# ================================================================ cache keys


def run_key(project: Project, rules: Sequence[Rule], trace: frozenset[str]) -> str:
    """What, besides a document's bytes and metadata, decides its outcome."""
    config = project.config
    data = [__version__, _code_stamp(tuple(rules)), project.claims.digest,
            sorted(r.id for r in rules), sorted((k, str(v)) for k, v in config.rules.items()),
            list(config.languages), sorted(trace), _inputs_stamp(tuple(config.languages))]
    return hashlib.blake2b(json.dumps(data).encode(), digest_size=16).hexdigest()


@lru_cache(maxsize=8)
def _code_stamp(rules: tuple[Rule, ...]) -> str:
    """Size and time of the engine's and the rules' source files and of the built-in
    language packs, so that an edited rule or pack in a development install never reuses
    stale cached results."""
    import factaudit

    package = Path(factaudit.__file__).parent
    files = sorted(package.rglob("*.py")) + sorted((package / "reading" / "languages"
                                                     ).glob("*.yaml"))
    for rule in rules:
        module = sys.modules.get(getattr(rule.check, "__module__", ""))
        file = getattr(module, "__file__", None) if module is not None else None
        if file:
            files.append(Path(file))
    stamp = hashlib.blake2b(digest_size=12)
    for f in files:
        try:
            st = f.stat()
            stamp.update(f"{f}:{st.st_size}:{st.st_mtime_ns};".encode())
        except OSError:
            stamp.update(f"{f}:gone;".encode())
    return stamp.hexdigest()


def _inputs_stamp(languages: tuple[str, ...]) -> str:
    """Every other input that can change a finding: the user's language packs (by
    content) and the Hunspell dictionaries in use (by path, size and time)."""
    from factaudit.reading.languages import pack_files
    from factaudit.reading.lexicon.hunspell import DISABLE_ENV, find_dictionaries

    stamp = hashlib.blake2b(digest_size=12)
    for path in pack_files():
        try:
            raw = read_regular(path, HAND_WRITTEN_LIMIT)
            stamp.update(path.name.encode() + b"\0" + raw + b"\0")
        except OSError:
            stamp.update(f"{path}:unreadable".encode())
    stamp.update(os.environ.get(DISABLE_ENV, "").encode())
    for language in languages:
        for found in find_dictionaries(language):
            for suffix in (".dic", ".aff"):
                try:
                    st = found.with_suffix(suffix).stat()
                    stamp.update(f"{found}{suffix}:{st.st_size}:{st.st_mtime_ns}".encode())
                except OSError:
                    pass
    return stamp.hexdigest()


def _signature(source: Source, run: str) -> str | None:
    if source.stat is None:
        return None
    return hashlib.blake2b(f"{source.file}|{source.stat}|{source.metadata_key}|{run}".encode(),
                           digest_size=20).hexdigest()


def _settled(source: Source) -> bool:
    """Old enough that a later edit cannot share its modification time (racy-git): a
    file system that keeps sub-second times ticks in milliseconds; one that does not (FAT
    counts in 2 s) needs RACY_SECONDS."""
    if source.stat is None:
        return False
    mtime_ns = source.stat[1]
    fine = mtime_ns % 1_000_000_000 != 0
    return mtime_ns / 1e9 < time.time() - (FINE_RACY_SECONDS if fine else RACY_SECONDS)


FINE_RACY_SECONDS = 0.05


def _known_keys(sources: list[Source], run: str, store: Cache) -> dict[int, str]:
    """The cache key of every document whose file the cache has seen unchanged, by index,
    without reading it. Works in slices, so lookup tables never hold the whole corpus."""
    out: dict[int, str] = {}
    for start in range(0, len(sources), 2000):
        part = range(start, min(start + 2000, len(sources)))
        sigs = {i: s for i in part if (s := _signature(sources[i], run)) is not None}
        known = store.keys_of(list(sigs.values())) if sigs else {}
        for i, sig in sigs.items():
            if sig in known:
                out[i] = known[sig]
    return out


class _RunDigest:
    """Identifies a whole run: claims, configuration, code, date and every document, fed
    each document's key in corpus order; no value while some document's key is unknown."""

    def __init__(self, run: str, today: dt.date, project: Project) -> None:
        self.sources = project.sources
        self.hash = hashlib.blake2b(digest_size=20)
        self.hash.update(f"{run}|{today}|{project.folder}|{project.warnings}".encode())
        self.next = 0  # the index of the source whose key comes next
        self.whole = True

    def add(self, i: int, key: str | None) -> None:
        if key is None or i != self.next:
            self.whole = False
        else:
            self.hash.update(f"|{self.sources[i].shown}={key}".encode())
        self.next = i + 1

    def value(self) -> str | None:
        return (self.hash.hexdigest() if self.whole and self.next == len(self.sources)
                else None)
