"""GitHub Actions output: workflow-command annotations and a Markdown step summary.

Each finding becomes one ``::error|warning|notice file=…,line=…,col=…::message`` line, so
the finding shows on its line in the pull request. Acknowledged findings are ``notice``s
(visible, not alarming). A step shows only the first few annotations of each kind, so
``step_summary`` also renders every finding as a Markdown table, which the CLI appends to
the file named by ``$GITHUB_STEP_SUMMARY`` when that variable is set.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from factaudit.report import Options, Reporter
from factaudit.report.common import item_statement, origin_location, region
from factaudit.results import AuditResult

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_ICON = {"error": "❌", "warning": "⚠️", "info": "ℹ️", "acknowledged": "☑️"}
MAX_SUMMARY_ROWS = 1000  # a step summary is limited to 1 MiB


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation_lines(result: AuditResult) -> list[str]:
    lines = []
    for f in result.findings:
        level = "notice" if f.acknowledged else _LEVEL[str(f.severity)]
        props: dict[str, str] = {}
        if f.path and f.line is not None:
            props["file"] = f.path
            reg = region(f) or {}
            props["line"] = str(reg.get("startLine", f.line))
            props["col"] = str(reg.get("startColumn", f.column or 1))
            if "endLine" in reg:
                props["endLine"] = str(reg["endLine"])
                if reg["endLine"] == reg["startLine"]:
                    props["endColumn"] = str(reg["endColumn"])
        elif (where := origin_location(result, f.claim)) is not None:
            props["file"], props["line"] = where[0], str(where[1])
        title = f"{f.rule}: {f.claim}" if f.claim else f.rule
        props["title"] = title + (" (acknowledged)" if f.acknowledged else "")
        body = f"[{f.verdict}] {f.message}"
        if f.quote:
            body += f"\n> {f.quote}"
        if f.acknowledged:
            body += f"\nacknowledged: {f.acknowledged}"
        head = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
        lines.append(f"::{level} {head}::{escape_data(body)}")
    return lines


def to_github(result: AuditResult) -> str:
    counts = result.counts()
    lines = annotation_lines(result)
    # skipped files and other warnings of the run: never silent, in every output
    lines += [f"::warning title=factaudit::{escape_data(str(w))}" for w in result.warnings]
    lines.append(f"factaudit: {len(result.findings)} findings: {counts['error']} errors, "
                 f"{counts['warning']} warnings, {counts['info']} info, "
                 f"{counts['acknowledged']} acknowledged")
    return "\n".join(lines) + "\n"


def _cell(text: str | None) -> str:
    """Markdown table cell: HTML-escaped, pipes escaped, on one line."""
    if not text:
        return ""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|")


def step_summary(result: AuditResult) -> str:
    """Every finding as Markdown, for ``$GITHUB_STEP_SUMMARY``."""
    counts = result.counts()
    status = "passed" if not result.failed(allow_acknowledged=True) else "failed"
    out = [
        f"## factaudit: {status}",
        "",
        f"{result.document_count} documents, {len(result.claims.claims)} claims, "
        f"{len(result.claims.entities)} entities, {len(result.claims.terms)} terms: "
        f"**{counts['error']} errors**, {counts['warning']} warnings, {counts['info']} info, "
        f"{counts['acknowledged']} acknowledged.",
        "",
    ]
    if not result.findings:
        out.append("No findings.")
        return "\n".join(out) + "\n"
    out += ["| | severity | rule | claim | where | expected | found | message |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for f in result.findings[:MAX_SUMMARY_ROWS]:
        key = "acknowledged" if f.acknowledged else str(f.severity)
        where = f"{f.path}:{f.line}" if f.path and f.line is not None else "whole corpus"
        if f.where:
            where += f" ({f.where})"
        message = f.message + (f" — acknowledged: {f.acknowledged}" if f.acknowledged else "")
        claim = f.claim or ""
        statement = item_statement(result, claim) if claim else ""
        out.append("| " + " | ".join([
            _ICON[key], _cell(key), f"`{_cell(f.rule)}`",
            _cell(claim) + (f"<br>{_cell(statement)}" if statement else ""),
            f"`{_cell(where)}`", _cell(f.expected), _cell(f.found), _cell(message),
        ]) + " |")
    if len(result.findings) > MAX_SUMMARY_ROWS:
        out += ["", f"…and {len(result.findings) - MAX_SUMMARY_ROWS} more findings; "
                "see the JSON or SARIF output for all of them."]
    for w in result.warnings:
        out += ["", f"> warning: {_cell(str(w))}"]
    return "\n".join(out) + "\n"


def write_step_summary(result: AuditResult, environ: dict[str, str] | None = None
                       ) -> Path | None:
    """Append the Markdown summary to ``$GITHUB_STEP_SUMMARY`` when that variable is set."""
    target = (os.environ if environ is None else environ).get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    path = Path(target)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(step_summary(result))
    return path


def render(result: AuditResult, options: Options) -> str:
    return to_github(result)


def _summary(result: AuditResult, options: Options) -> list[str]:
    """With ``GITHUB_STEP_SUMMARY`` set, append the Markdown summary; a file that cannot be
    written is a warning, not a failure (the annotations went out)."""
    try:
        write_step_summary(result)
    except OSError as exc:
        target = os.environ.get("GITHUB_STEP_SUMMARY", "")
        return [f"cannot append the step summary to {target} ({exc.strerror or exc})"]
    return []


REPORTER = Reporter("github", render, after=_summary,
                    description="GitHub Actions annotations and a step summary")
