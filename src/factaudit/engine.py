"""The document phase of an audit, streamed over a corpus in batches.

Each document is read, scanned once for every cue, name and term, its mentions are
extracted and the rules' per-document checks run, all without the rest of the corpus;
then its text is dropped, and only a small ``DocResult`` (metadata, mentions, hits,
located findings, facts collected for corpus-wide rules) travels on. Batches run inline,
in a process pool (both cores by default on large corpora) or on Dask; results are
identical because they are merged in corpus order. Results are cached per document,
keyed by content, claims, configuration and tool version.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from factaudit import __version__, plain
from factaudit.claims import ClaimSet
from factaudit.config import Config
from factaudit.corpus import Discovery, Document, entry_bytes, read_entry
from factaudit.errors import InputError
from factaudit.extract import Hit, Matcher, Mention, extract
from factaudit.files import HAND_WRITTEN_LIMIT, describe, read_regular
from factaudit.findings import Finding
from factaudit.rules import DocumentContext, Rule
from factaudit.text import LineIndex

POOL_THRESHOLD_BYTES = 16_000_000  # below this a process pool costs more than it saves
BATCH_BYTES = 1_000_000
QUOTE_CONTEXT = 60


@plain.register
@dataclass
class DocResult:
    document: Document  # metadata only: the text is dropped after the document phase
    mentions: list[Mention]
    hits: list[Hit]  # entity and term hits
    findings: list[Finding]  # from per-document checks, located and quoted
    collected: dict[str, object] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # (start, end) of mention values and hits → (line, column, quote), so that findings of
    # the corpus-wide rules are located without reading the document again
    places: dict[tuple[int, int], tuple[int, int, str]] = field(default_factory=dict)


class Worker:
    """Per-process state of the document phase: the automaton and the rules' memo."""

    def __init__(self, claims: ClaimSet, config: Config, rules: list[Rule]) -> None:
        self.claims = claims
        self.config = config
        self.rules = [r for r in rules if r.check_document is not None]
        self.matcher = Matcher(claims, tuple(config.languages))
        self.memo: dict = {}

    def process(self, doc: Document) -> DocResult:
        hits = self.matcher.scan(doc.text)
        mentions = extract(doc, self.claims, hits)
        other = [h for h in hits if h.target.kind != "cue"]
        dctx = DocumentContext(doc, self.claims, mentions, other, self.config, self.memo)
        other = [h for h in other if h.target.kind != "signal"]  # signals serve rules only
        findings: list[Finding] = []
        warnings: list[str] = []
        for rule in self.rules:
            try:
                findings += list(rule.check_document(dctx))
            except InputError:
                raise
            except Exception as exc:  # a broken rule must not hide the others' findings
                warnings.append(f"rule {rule.id} failed on {doc.path}: "
                                f"{type(exc).__name__}: {exc}")
        if mentions:
            # the facts of the passages that speak to claims, to detect copies later
            entities = {self.claims.entities[h.target.index].item_id for h in other
                        if h.target.kind == "entity"}
            facts = {f"{m.kind}:{m.value}" for m in mentions if any(c.isdigit() for c in m.raw)}
            dctx.collect("signature", facts | {f"entity:{e}" for e in entities})
        located = locate_all(findings, doc)
        places = {}
        spans = {(m.value_start, m.value_end) for m in mentions}
        spans |= {(h.start, h.end) for h in other}
        if spans:
            index = LineIndex(doc.text, doc.first_line)
            for start, end in sorted(spans):
                places[(start, end)] = (*index.position(start), quote(doc.text, start, end))
        collected = {k: v for k, v in dctx.collected.items() if v}  # nothing found: nothing kept
        return DocResult(replace(doc, text=""), mentions, other, located, collected,
                         warnings + dctx.warnings, places)


def locate_all(findings: list[Finding], doc: Document) -> list[Finding]:
    """Fill path, line, column and quote of findings in ``doc`` (text required)."""
    if not findings:
        return []
    index = LineIndex(doc.text, doc.first_line)
    out = []
    for f in findings:
        changes: dict = {"path": doc.path}
        if f.start is not None:
            line, column = index.position(f.start)
            changes.update(line=line, column=column)
            if f.quote is None:
                changes["quote"] = quote(doc.text, f.start, f.end or f.start)
        out.append(f.with_(**changes))
    return out


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


# --------------------------------------------------------------------------- streaming


def run_key(claims: ClaimSet, config: Config, rules: list[Rule]) -> str:
    """What, besides a document's bytes, decides its result: invalidates the cache."""
    return json.dumps([__version__, _code_stamp(tuple(rules)), claims.digest,
                       sorted(r.id for r in rules),
                       sorted((k, str(v)) for k, v in config.rules.items()),
                       list(config.languages), _inputs_stamp(tuple(config.languages))])


def _inputs_stamp(languages: tuple[str, ...]) -> str:
    """Every other input that can change a finding: the user's language packs (by
    content) and the Hunspell dictionaries in use (by path, size and time)."""
    from factaudit.languages import pack_files
    from factaudit.spelling import DISABLE_ENV, find_dictionary

    stamp = hashlib.blake2b(digest_size=12)
    for path in pack_files():
        try:
            raw = read_regular(path, HAND_WRITTEN_LIMIT)
            stamp.update(path.name.encode() + b"\0" + raw + b"\0")
        except OSError:
            stamp.update(f"{path}:unreadable".encode())
    stamp.update(os.environ.get(DISABLE_ENV, "").encode())
    for language in languages:
        found = find_dictionary(language)
        if found is not None:
            for suffix in (".dic", ".aff"):
                try:
                    st = found.with_suffix(suffix).stat()
                    stamp.update(f"{found}{suffix}:{st.st_size}:{st.st_mtime_ns}".encode())
                except OSError:
                    pass
    return stamp.hexdigest()


@lru_cache(maxsize=8)
def _code_stamp(rules: tuple[Rule, ...]) -> str:
    """Size and time of the engine's and the rules' source files, so that an edited rule
    or a development install never reuses stale cached results."""
    import factaudit

    files = sorted(Path(factaudit.__file__).parent.rglob("*.py"))
    for rule in rules:
        module = sys.modules.get(getattr(rule.check_document or rule.check, "__module__", ""))
        if module is not None and getattr(module, "__file__", None):
            files.append(Path(module.__file__))
    stamp = hashlib.blake2b(digest_size=12)
    for f in files:
        st = f.stat()
        stamp.update(f"{f}:{st.st_size}:{st.st_mtime_ns};".encode())
    return stamp.hexdigest()


def _entry_metadata(entry: dict) -> str:
    return json.dumps({k: str(v) for k, v in sorted(entry.items())
                       if k not in ("__size", "__stat")})


def document_keys(entries: list[dict], run: str, cache) -> dict[int, str]:
    """The cache key of every readable document, by ``id(entry)``: from its stat
    signature when the cache has seen the file unchanged, else by reading and hashing it.
    Works in slices, so the lookup tables never hold the whole corpus at once."""
    import time

    from factaudit.cache import RACY_SECONDS, document_key

    out: dict[int, str] = {}
    now = time.time()
    for start in range(0, len(entries), 2000):
        part = entries[start:start + 2000]
        sigs = {}
        for entry in part:
            stat = entry.get("__stat")
            if stat is not None:
                sigs[id(entry)] = hashlib.blake2b(
                    f"{entry['__file']}|{stat}|{_entry_metadata(entry)}|{run}".encode(),
                    digest_size=20).hexdigest()
        known = cache.keys_of(list(sigs.values())) if sigs else {}
        learned = []
        for entry in part:
            sig = sigs.get(id(entry))
            if sig in known:
                out[id(entry)] = known[sig]
                continue
            try:
                raw = entry_bytes(entry)
            except OSError:
                continue  # the worker reports it
            key = out[id(entry)] = document_key(raw, _entry_metadata(entry), run)
            stat = entry.get("__stat")
            if sig is not None and stat[1] / 1e9 < now - RACY_SECONDS:
                learned.append((sig, key))
        cache.put_keys(learned)
    return out


_WORKER: Worker | None = None
_STATE: dict = {}


def _init(claims: ClaimSet, config: Config, rules: list[Rule], key: str,
          cache_dir: str | None) -> None:
    global _WORKER
    _WORKER = Worker(claims, config, rules)
    _STATE.update(run_key=key, cache_dir=cache_dir, languages=tuple(config.languages))


def process_batch(entries: list[dict]) -> list[tuple[DocResult | None, list[str], str | None]]:
    """Read, look up in the cache, and process a batch of discovered documents.

    Returns, per entry: the result (None if the file was skipped), warnings, and the cache
    key when the result was computed here and should be stored."""
    from factaudit.cache import Cache, document_key

    worker = _WORKER
    assert worker is not None, "process_batch called before _init"
    raws: list[bytes | None] = []
    warnings_of: list[list[str]] = []
    for entry in entries:
        try:
            raws.append(entry_bytes(entry))
            warnings_of.append([])
        except OSError as exc:
            raws.append(None)
            warnings_of.append([f"{entry['__shown']}: skipped, cannot read "
                                f"({describe(exc)})"])
    keys = [document_key(raw, _entry_metadata(e), _STATE["run_key"]) if raw is not None
            else None for e, raw in zip(entries, raws, strict=True)]
    cached: dict = {}
    if _STATE.get("cache_dir"):
        cache = Cache(_STATE["cache_dir"])
        try:
            cached = cache.get_many([k for k in keys if k], DocResult)
        finally:
            cache.close()
    out = []
    for entry, raw, key, warnings in zip(entries, raws, keys, warnings_of,
                                         strict=True):
        if raw is None:
            out.append((None, warnings, None))
            continue
        if key in cached:
            result = cached[key]
            out.append((result, list(result.warnings), None))
            continue
        try:
            doc = read_entry(entry, _STATE["languages"], warnings, raw=raw)
        except InputError as exc:  # reported with every other document's problems
            out.append((None, [*warnings, *exc.problems], None))
            continue
        if doc is None:
            out.append((None, warnings, None))
            continue
        result = worker.process(doc)
        result.warnings = warnings + result.warnings
        out.append((result, list(result.warnings), key))
    return out


def batches(entries: list[dict], limit: int = BATCH_BYTES) -> Iterator[list[dict]]:
    batch: list[dict] = []
    size = 0
    for entry in entries:
        batch.append(entry)
        size += entry.get("__size", 0)
        if size >= limit or len(batch) >= 512:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def default_workers(total_bytes: int) -> int:
    if total_bytes < POOL_THRESHOLD_BYTES:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def stream(found: Discovery, claims: ClaimSet, config: Config, rules: list[Rule],
           workers: int | None = None, cache_dir: str | None = None, engine: str = "local",
           scheduler: str | None = None, progress=None, keys: dict[int, str] | None = None
           ) -> Iterator[DocResult | str]:
    """Document results in corpus order (and warnings, as strings, and input problems, as
    Problems), however run. Cached results are looked up here first, so that only the
    documents that changed go to the workers."""
    from factaudit.cache import Cache

    key = run_key(claims, config, rules)
    workers = workers or default_workers(found.total_bytes)
    cache = Cache(cache_dir) if cache_dir else None
    try:
        if cache is not None and keys is None:
            keys = document_keys(found.entries, key, cache)
        known = _cached(found.entries, keys, cache) if cache is not None else {}
        chunks = list(batches([e for e in found.entries if id(e) not in known]))
        computed = iter(_run(chunks, claims, config, rules, key, workers, engine, scheduler))
        pending: list = []  # results of computed entries, in order
        for batch in batches(found.entries):
            fresh = []
            for entry in batch:
                if id(entry) in known:
                    result = known.pop(id(entry))
                    yield from result.warnings
                    yield result
                    continue
                if not pending:
                    pending = list(next(computed))
                result, warnings, new_key = pending.pop(0)
                yield from warnings
                if result is not None:
                    yield result
                    if new_key and cache is not None:
                        fresh.append((new_key, result))
            if cache is not None:
                cache.put_many(fresh)
            if progress is not None:
                progress.advance(len(batch), sum(e.get("__size", 0) for e in batch))
        if cache is not None:
            yield from cache.warnings
    finally:
        if cache is not None:
            cache.close()


def _cached(entries: list[dict], keys: dict[int, str], cache) -> dict[int, DocResult]:
    """Cached results of unchanged documents, by ``id(entry)``."""
    if cache.empty():
        return {}
    by_key = {k: i for i, k in keys.items()}
    return {by_key[k]: result
            for k, result in cache.get_many(list(by_key), DocResult).items()}


def _run(chunks, claims, config, rules, key, workers, engine, scheduler) -> Iterable[list]:
    if not chunks:
        return
    cache_dir = None  # the cache is read and written by the main process only
    if engine == "dask":
        from factaudit.dask_engine import run_on_dask

        yield from run_on_dask(chunks, claims, config, rules, key, cache_dir, scheduler)
        return
    if workers <= 1 or len(chunks) <= 1:
        _init(claims, config, rules, key, cache_dir)
        for chunk in chunks:
            yield process_batch(chunk)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init,
                             initargs=(claims, config, rules, key, cache_dir)) as pool:
        yield from pool.map(process_batch, chunks)
