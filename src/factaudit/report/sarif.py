"""SARIF 2.1.0: findings for code-scanning tools, on the right line, with stable fingerprints.

- ``tool.driver.rules`` carries every active rule (id, descriptions, default level), and
  each result points at its rule by ``ruleId`` and ``ruleIndex``.
- A result's location is the finding's file (``artifactLocation.uri``, relative to the
  directory the audit ran in, normally the repository root) and its region (start/end line
  and column; columns count Unicode code points, as ``run.columnKind`` says). Findings
  about the whole corpus point at the claim's declaration in its claims file.
- ``partialFingerprints["factaudit/v1"]`` is the finding's fingerprint (see
  ``factaudit.fingerprint``): re-runs and moved lines keep the same alert.
- Acknowledged findings carry an accepted external ``suppression`` with the reason, so
  code scanning shows them as dismissed rather than as new problems.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from urllib.parse import quote

from factaudit import __version__
from factaudit.model import Finding, Severity
from factaudit.report import Options, Reporter
from factaudit.report.common import SARIF_LEVEL, origin_location, region
from factaudit.report.fingerprint import VERSION_KEY, fingerprints
from factaudit.results import AuditResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/factaudit/"


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference (forward slashes, percent-encoded)."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix(), safe="/")


def _rule_name(rule_id: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[-_]", rule_id))


def to_sarif_dict(result: AuditResult) -> dict[str, object]:
    rules: list[dict[str, str]] = [{"id": r.id, "description": r.summary,
                                    "severity": str(r.severity)} for r in result.rules]
    known = {r["id"] for r in rules}
    for f in result.findings:  # a finding from a rule not listed still needs metadata
        if f.rule not in known:
            known.add(f.rule)
            rules.append({"id": f.rule, "description": f.rule, "severity": str(f.severity)})
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for f, fp in zip(result.findings, fingerprints(result.findings), strict=True):
        entry: dict[str, object] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": SARIF_LEVEL[Severity(f.severity)],
            "message": {"text": f.message},
            "partialFingerprints": {VERSION_KEY: fp},
            "properties": {key: value for key, value in (
                ("verdict", str(f.verdict)), ("claim", f.claim), ("document", f.document),
                ("expected", f.expected), ("found", f.found), ("how", f.how),
                ("quote", f.quote)) if value is not None},
        }
        location = _location(result, f)
        if location:
            entry["locations"] = [location]
        if f.acknowledged:
            entry["suppressions"] = [{"kind": "external", "status": "accepted",
                                      "justification": f.acknowledged}]
        results.append(entry)
    driver = {
        "name": "factaudit",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [{
            "id": r["id"],
            "name": _rule_name(r["id"]),
            "shortDescription": {"text": r["description"]},
            "fullDescription": {"text": r["description"]},
            "defaultConfiguration": {"level": SARIF_LEVEL[Severity(r["severity"])]},
            "properties": {"tags": ["fact-checking"]},
        } for r in rules],
    }
    run = {
        "tool": {"driver": driver},
        # skipped files and other warnings of the run: never silent, in every output
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": [
            {"level": "warning", "message": {"text": str(w)}} for w in result.warnings]}],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"claimsDigest": result.claims.digest},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _location(result: AuditResult, f: Finding) -> dict[str, object] | None:
    if f.path and f.line is not None:
        physical: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(f.path)}}
        reg: dict[str, object] | None = dict(region(f) or {}) or None
        if reg:
            if f.snippet is not None:
                reg["snippet"] = {"text": f.snippet}
            physical["region"] = reg
        return {"physicalLocation": physical}
    where = origin_location(result, f.claim)
    if where is None:
        return None
    path, line = where
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)},
                                 "region": {"startLine": line}},
            "message": {"text": "declared here; the finding concerns the whole corpus"}}


def to_sarif(result: AuditResult) -> str:
    """Deterministic SARIF text: the same inputs give byte-identical output."""
    return json.dumps(to_sarif_dict(result), ensure_ascii=False, indent=2) + "\n"


def render(result: AuditResult, options: Options) -> str:
    return to_sarif(result)


REPORTER = Reporter("sarif", render, description="SARIF 2.1.0 for code-scanning tools")
