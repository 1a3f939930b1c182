"""Baselines: adopt the auditor on a large archive without fixing every old error first.

``factaudit baseline`` records today's findings, by fingerprint, in a JSON file that the
repository commits (default ``.factaudit/baseline.json``); the JSON output of an earlier run
(``check --format json``) serves as a baseline as well. ``factaudit check --baseline
FILE`` then marks the findings it lists as known: they are still shown, with "in baseline"
as the reason, but they do not make the run fail. Only new findings do. Entries that no
longer occur are reported, so the file shrinks as old errors get fixed.

A fingerprint says *what* is wrong, not *where*: rule, claim, document and found value
(see ``factaudit.fingerprint``), so editing a document above a finding does not turn a
known finding into a new one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factaudit.model import Finding, InputError, Problem, Severity, display_path
from factaudit.reading.files import MB, describe, read_regular
from factaudit.report.fingerprint import fingerprints
from factaudit.results import AuditResult

VERSION = 1
DEFAULT_PATH = Path(".factaudit") / "baseline.json"


def finding_fingerprints(findings: Sequence[Finding]) -> list[str]:
    """One fingerprint per finding: the same as in the JSON and SARIF outputs."""
    return fingerprints(findings)


@dataclass
class Baseline:
    entries: list[dict] = field(default_factory=list)
    path: str = str(DEFAULT_PATH)

    @property
    def fingerprints(self) -> set[str]:
        return {e["fingerprint"] for e in self.entries}


def entries_for(findings: Sequence[Finding]) -> list[dict]:
    """Baseline entries of findings, sorted so the file diffs cleanly between runs."""
    out = []
    for f, fp in zip(findings, finding_fingerprints(findings), strict=True):
        out.append({"fingerprint": fp, "rule": f.rule, "claim": f.claim,
                    "document": f.document, "found": f.found, "severity": str(f.severity)})
    out.sort(key=lambda e: (e["claim"] or "", e["document"] or "", e["rule"], e["found"] or "",
                            e["fingerprint"]))
    return out


def dumps(entries: list[dict]) -> str:
    """The baseline file: deterministic (no timestamp), so re-recording an unchanged audit
    leaves the committed file unchanged."""
    payload = {"version": VERSION, "tool": "factaudit",
               "note": "known findings: `factaudit check --baseline` fails only on others; "
                       "re-record with `factaudit baseline`",
               "entries": entries}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def load(path: Path) -> Baseline:
    """Read a baseline file; a missing or malformed file is an input error (exit 2)."""
    shown = display_path(path)
    try:
        data = json.loads(read_regular(path, 512 * MB).decode("utf-8"))
    except FileNotFoundError:
        raise InputError(Problem(shown, "baseline file does not exist",
                                 hint="record one with `factaudit baseline`")) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        why = describe(exc) if isinstance(exc, OSError) else str(exc)
        raise InputError(Problem(shown, f"cannot read the baseline: {why}", line,
                                 hint="re-record it with `factaudit baseline`")) from None
    except RecursionError:  # "[[[[…" nested deeper than the JSON reader goes
        raise InputError(Problem(shown, "cannot read the baseline: nested too deeply",
                                 hint="re-record it with `factaudit baseline`")) from None
    data = _from_json_output(data)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise InputError(Problem(shown, "a baseline is an object with 'version' and 'entries'",
                                 hint="re-record it with `factaudit baseline`"))
    if data.get("version") != VERSION:
        raise InputError(Problem(shown, f"unsupported baseline version {data.get('version')!r}",
                                 hint=f"this factaudit reads version {VERSION}; re-record it"))
    problems = []
    for i, entry in enumerate(data["entries"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            problems.append(Problem(shown, f"entry {i} has no 'fingerprint'",
                                    hint="entries are written by `factaudit baseline`"))
    if problems:
        raise InputError(problems)
    return Baseline(list(data["entries"]), shown)


def _from_json_output(data: object) -> object:
    """The JSON output of a run (``check --format json``) serves as a baseline too: its
    findings carry the same fingerprints, so yesterday's output tells what changed today."""
    if not (isinstance(data, dict) and "entries" not in data and isinstance(data.get("tool"), dict)
            and isinstance(data.get("findings"), list)):
        return data
    entries = [{k: f.get(k) for k in ("fingerprint", "rule", "claim", "document", "found",
                                       "severity")}
               if isinstance(f, dict) else f for f in data["findings"]]
    return {"version": data.get("version"), "entries": entries}


@dataclass
class Comparison:
    """How the findings of a run relate to a baseline."""

    known: list[int]  # indexes of findings in the baseline
    new: list[int]  # indexes of findings not in it
    gone: list[dict]  # baseline entries that no longer occur


def compare(findings: Sequence[Finding], baseline: Baseline) -> Comparison:
    fps = finding_fingerprints(findings)
    recorded = baseline.fingerprints
    known = [i for i, fp in enumerate(fps) if fp in recorded]
    new = [i for i, fp in enumerate(fps) if fp not in recorded]
    present = set(fps)
    gone = [e for e in baseline.entries if e["fingerprint"] not in present]
    return Comparison(known, new, gone)


def apply(result: AuditResult, baseline: Baseline) -> Comparison:
    """Mark the findings of an ``AuditResult`` that the baseline lists as known, in place.

    A known finding keeps its own acknowledgement reason if it has one; otherwise its
    ``acknowledged`` field says "in baseline <file>", so every output (text, JSON, SARIF,
    HTML) shows it as known and it no longer counts as an error. Entries that no longer
    occur are added to the run's warnings."""
    comparison = compare(result.findings, baseline)
    reason = f"in baseline {baseline.path}"
    findings = list(result.findings)
    for i in comparison.known:
        if not findings[i].acknowledged:
            findings[i] = findings[i].with_(acknowledged=reason)
    result.findings = findings
    for e in comparison.gone:
        what = f"{e.get('rule')} {e.get('claim') or '(corpus)'}"
        where = f" in {e['document']}" if e.get("document") else ""
        found = f" (found {e['found']!r})" if e.get("found") is not None else ""
        result.warnings.append(f"baseline {baseline.path}: {what}{where}{found} no longer "
                               f"occurs; re-record the baseline to drop it "
                               f"({e['fingerprint']})")
    return comparison


def failed(result: AuditResult, comparison: Comparison, allow_acknowledged: bool) -> bool:
    """An error finding outside the baseline fails the run (and, without
    ``allow_acknowledged``, an acknowledged one outside it too)."""
    known = set(comparison.known)
    for i, f in enumerate(result.findings):
        if f.severity != Severity.ERROR or i in known:
            continue
        if not allow_acknowledged or not f.acknowledged:
            return True
    return False


def summary(comparison: Comparison, path: str) -> str:
    return (f"factaudit: baseline {path}: {len(comparison.known)} known finding(s), "
            f"{len(comparison.new)} new, {len(comparison.gone)} entr"
            f"{'y' if len(comparison.gone) == 1 else 'ies'} no longer occurring")
