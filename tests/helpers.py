"""Shortcuts for tests: audits through the one pipeline (``engine.audit``), from claims and
documents held in memory or from folders, as users run them."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterable
from pathlib import Path

from factaudit.engine.cache import default_dir
from factaudit.engine.pipeline import audit
from factaudit.inputs.claims import ClaimSet
from factaudit.inputs.config import Config, load_config
from factaudit.inputs.corpus import Corpus
from factaudit.inputs.project import Project, load_project
from factaudit.model import Document
from factaudit.results import AuditResult
from factaudit.rules.api import Rule


def run_audit(claims: ClaimSet, corpus: Corpus | Iterable[Document],
              config: Config | None = None, rules: list[Rule] | None = None,
              today: dt.date | None = None, validate: bool = True,
              executor: str = "inline", trace: Iterable[str] = ()) -> AuditResult:
    """Audit documents held in memory."""
    docs = corpus.documents if isinstance(corpus, Corpus) else list(corpus)
    warnings = corpus.warnings if isinstance(corpus, Corpus) else []
    project = Project.in_memory(claims, docs, config or Config(), warnings)
    return audit(project, rules, executor=executor, today=today, validate=validate,
                 trace=trace)


def audit_paths(claims_dir: Path | str | None = None, corpus_dir: Path | str | None = None,
                config: Config | None = None, today: dt.date | None = None,
                workers: int | None = None, cache: bool = True, engine: str = "local",
                scheduler: str | None = None, progress: bool | None = None) -> AuditResult:
    """Audit a project's folders (defaults from the configuration), as ``check`` does."""
    config = config or load_config()
    project = load_project(config, claims_dir, corpus_dir)
    return audit(project, executor=engine, workers=workers, scheduler=scheduler,
                 cache=default_dir(config.root) if cache else None, today=today)


QUIET_UNIT = 0.1  # machine_unit() on the development machine when it is quiet


def machine_unit() -> float:
    """Seconds this machine takes, now, to parse a fixed 4 MB of JSON: the yardstick for
    timing tests (a loaded CI machine slows the code and the yardstick alike)."""
    blob = json.dumps([{"k": i, "v": str(i) * 3} for i in range(100_000)])
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        json.loads(blob)
        best = min(best, time.perf_counter() - start)
    return best
