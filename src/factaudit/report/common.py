"""Helpers shared by the reporters: they read the result, never the pipeline."""

from __future__ import annotations

from factaudit.model import Finding, Severity
from factaudit.results import AuditResult

SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def region(finding: Finding) -> dict[str, int] | None:
    """Start and end line/column of a located finding (end column is exclusive)."""
    if finding.line is None:
        return None
    out = {"startLine": finding.line, "startColumn": finding.column or 1}
    if finding.end_line is not None and finding.end_column is not None:
        end_line, end_column = finding.end_line, finding.end_column
        if (end_line, end_column) == (finding.line, finding.column):
            end_column += 1  # an empty span still marks one character
        out.update(endLine=end_line, endColumn=end_column)
    return out


def item_statement(result: AuditResult, item_id: str) -> str:
    """The claim's statement, or "name: …" / "term: …" for entities and terms."""
    item = result.claims.find(item_id)
    return item.label if item is not None else ""


def origin_location(result: AuditResult, item_id: str | None) -> tuple[str, int] | None:
    """Where an item is declared (claims file and line): the place of corpus-wide findings."""
    origin = result.claims.origins.get(item_id or "")
    return (origin.path, origin.line) if origin else None


def effective_severity(finding: Finding) -> str:
    """The severity a reader filters by: acknowledged findings are counted apart."""
    return "acknowledged" if finding.acknowledged else str(finding.severity)


def rules_off_lines(result: AuditResult) -> list[str]:
    """One line per optional rule that did not run, saying how to run it (in every output
    alike: check, pytest and the report run the same rules)."""
    return [f"not run: {r.id} (optional; `{r.id} = true` in [tool.factaudit.rules] of "
            "pyproject.toml runs it in check, pytest and the report alike)"
            for r in result.rules_off]


def summary_line(result: AuditResult) -> str:
    counts = result.counts()
    return (f"{result.document_count} documents, {len(result.claims.claims)} claims, "
            f"{len(result.claims.entities)} entities, {len(result.claims.terms)} terms, "
            f"{len(result.mentions)} claim values read: {counts['error']} errors, "
            f"{counts['warning']} warnings, {counts['info']} info, "
            f"{counts['acknowledged']} acknowledged")
