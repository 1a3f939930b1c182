"""pytest plugin: every claim, entity and term in ``claims/*.yaml`` becomes a test item.

Registered through the ``pytest11`` entry point, so any repository with a claims folder
gets its claims collected by plain ``pytest``; no conftest is needed. The corpus is
audited once per session. An item

- passes when no error-severity finding concerns it (warnings are shown as pytest warnings),
- fails with the evidence quoted (document, line, expected, found, quote) otherwise,
- is xfail when every error is covered by an unexpired acknowledgement, with its reason,
- fails when an acknowledged discrepancy no longer occurs (remove the acknowledgement)
  or when its acknowledgement has expired.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

from factaudit.inputs.config import Config
from factaudit.model import Finding, InputError, Severity
from factaudit.results import AuditResult

_RESULTS = pytest.StashKey[dict]()
_REPORT_NOTE = pytest.StashKey[str]()


class ClaimWarning(UserWarning):
    """A warning-severity finding about a claim, entity or term."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factaudit", "fact-consistency audit of claims/")
    group.addoption("--no-factaudit", action="store_true", default=False,
                    help="do not collect claims files as tests")
    group.addoption("--factaudit-today", default=None, metavar="YYYY-MM-DD",
                    help="date against which acknowledgements expire (default: today)")
    group.addoption("--factaudit-report", default=None, metavar="PATH",
                    help="write the HTML discrepancy report of the audit to PATH")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_RESULTS] = {}


def pytest_report_header(config: pytest.Config) -> list[str]:
    """What the corpus holds, by file type, and what no reader can open: said before any
    claim runs, so a skipped file is never a surprise."""
    if config.getoption("no_factaudit"):
        return []
    settings = _settings(config)
    if not (settings.root / settings.claims).is_dir():
        return []
    from factaudit.inputs.corpus import discover
    from factaudit.model import one_line

    try:
        found = discover(settings.root / settings.corpus)
    except InputError:
        return []  # reported by the audit, at the file and line
    read = ", ".join(f"{k} {v}" for k, v in sorted(found.found.items())) or "nothing"
    line = f"factaudit: corpus {one_line(found.folder)}: read {read}"
    if found.skipped:
        line += "; skipped " + ", ".join(f"{k} {v}" for k, v in sorted(found.skipped.items()))
    return [line]


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    if file_path.suffix not in (".yaml", ".yml") or parent.config.getoption("no_factaudit"):
        return None
    settings = _settings(parent.config)
    if file_path.parent.resolve() != (settings.root / settings.claims).resolve():
        return None
    return ClaimsYamlFile.from_parent(parent, path=file_path)


def _settings(config: pytest.Config) -> Config:
    from factaudit.inputs.config import load_config

    return load_config(Path(config.rootpath))


class ClaimsYamlFile(pytest.File):
    def collect(self):
        from factaudit.inputs.claims import load_claims_file

        try:
            _, origins = load_claims_file(self.path)
        except InputError as exc:
            raise self.CollectError(str(exc)) from None
        for item_id, origin in origins.items():
            yield ClaimItem.from_parent(self, name=item_id, item_id=item_id, line=origin.line,
                                        kind=origin.kind)


class ClaimFailure(Exception):
    pass


class ClaimItem(pytest.Item):
    def __init__(self, *, item_id: str, line: int, kind: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.item_id = item_id
        self.line = line
        self.kind = kind

    def _result(self):
        cache = self.config.stash[_RESULTS]
        folder = self.path.parent
        if folder not in cache:
            cache[folder] = _audit(self.config, folder)
        return cache[folder]

    def runtest(self) -> None:
        result = self._result()
        if isinstance(result, InputError):
            raise ClaimFailure(f"the audit could not run:\n{result}")
        findings = [f for f in result.findings if f.claim == self.item_id]
        for f in findings:
            # JUnit XML carries these as <property name="finding">: the evidence, quoted
            self.user_properties.append(("finding", f"{f.severity} {_evidence(f)}" + (
                f"\n      acknowledged: {f.acknowledged}" if f.acknowledged else "")))
        errors = [f for f in findings if f.severity == Severity.ERROR]
        stale = [str(s) for s in result.stale if s.item == self.item_id]
        for f in findings:
            if f.severity == Severity.WARNING:
                warnings.warn_explicit(ClaimWarning(_evidence(f, short=True)),
                                       ClaimWarning, str(self.path), self.line)
        unacknowledged = [f for f in errors if not f.acknowledged]
        if unacknowledged:
            raise ClaimFailure(_report(self.item_id, unacknowledged, len(errors)))
        if stale:
            raise ClaimFailure("\n".join(stale))
        if errors:
            reasons = sorted({f.acknowledged for f in errors})
            pytest.xfail(f"{len(errors)} acknowledged: " + "; ".join(reasons))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, ClaimFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, self.line - 1, f"{self.kind} {self.item_id}"


def _audit(config: pytest.Config, claims_dir: Path) -> AuditResult | InputError:
    """The project's audit, exactly as ``factaudit check`` runs it (same rules, settings,
    cache); an InputError is kept and shown by every item."""
    from factaudit.engine.cache import default_dir
    from factaudit.engine.pipeline import audit
    from factaudit.inputs.project import load_project

    settings = _settings(config)
    today = config.getoption("factaudit_today")
    try:
        project = load_project(settings, claims_dir, settings.root / settings.corpus)
        return audit(project, cache=default_dir(settings.root),
                     today=dt.date.fromisoformat(today) if today else None)
    except InputError as exc:
        return exc


def _evidence(f: Finding, short: bool = False) -> str:
    where = f"{f.path}:{f.line}:{f.column}" if f.line else "(across the corpus)"
    if f.where:
        where += f" ({f.where})"
    text = f"[{f.verdict}] {where} ({f.rule}): {f.message}"
    if f.quote and not short:
        text += f"\n      > {f.quote}"
    if f.how and not short:
        text += f"\n      how: {f.how}"
    return text


def _report(item_id: str, failing: list, total: int) -> str:
    lines = [f"{item_id}: {len(failing)} error finding(s)"
             + (f" ({total - len(failing)} more acknowledged)" if total > len(failing) else "")]
    for f in failing:
        lines.append(f"  - expected {f.expected!r}, found {f.found!r}")
        lines.append("    " + _evidence(f))
    return "\n".join(lines)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """``--factaudit-report PATH``: write the HTML report of the audit the items used."""
    config = session.config
    target = config.getoption("factaudit_report", None)
    if not target or hasattr(config, "workerinput"):  # xdist workers leave it to the controller
        return
    settings = _settings(config)
    claims_dir = (settings.root / settings.claims).resolve()
    cache = config.stash.get(_RESULTS, {})
    result = next((r for folder, r in cache.items() if Path(folder).resolve() == claims_dir),
                  next(iter(cache.values()), None))
    if result is None:
        result = _audit(config, claims_dir)
    if isinstance(result, InputError):
        config.stash[_REPORT_NOTE] = ("factaudit: no report written, the audit could not "
                                      f"run:\n{result}")
        return
    from factaudit.report.html import write_report

    path = write_report(result, Path(config.invocation_params.dir) / target)
    config.stash[_REPORT_NOTE] = f"factaudit: report written to {path}"


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    note = config.stash.get(_REPORT_NOTE, None)
    if note:
        terminalreporter.write_line(note)
