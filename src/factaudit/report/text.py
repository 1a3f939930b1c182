"""The human-readable output: findings grouped by claim, then by document."""

from __future__ import annotations

from collections import defaultdict

from factaudit.model import one_line
from factaudit.report import Options, Reporter
from factaudit.report.common import item_statement, rules_off_lines, summary_line
from factaudit.results import AuditResult

_MARK = {"error": "E", "warning": "W", "info": "I"}


def to_text(result: AuditResult, color: bool = False) -> str:
    """Findings grouped by item (in claims-file order), then by document; then the pairs
    of sources that are not independent, the run's warnings and a summary line."""
    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color else text

    lines: list[str] = []
    by_item: dict[str, list] = defaultdict(list)
    for f in result.findings:
        by_item[f.claim or "(corpus)"].append(f)
    origins = result.claims.origins
    for item_id in sorted(by_item, key=lambda i: (origins[i].path, origins[i].line)
                          if i in origins else ("~", 0)):
        origin = origins.get(item_id)
        where = f"{origin.path}:{origin.line}" if origin else ""
        lines.append(paint(one_line(item_id), "1") + (f"  ({one_line(where)})" if where else ""))
        statement = item_statement(result, item_id)
        if statement:
            lines.append(f"  {one_line(statement)}")
        by_doc: dict[str, list] = defaultdict(list)
        for f in by_item[item_id]:
            by_doc[f.document or ""].append(f)
        for doc_id in sorted(by_doc):
            verdict = result.verdicts.get(item_id, {}).get(doc_id, "")
            label = one_line(doc_id) or "across the corpus"
            lines.append(f"  {label}" + (f"  [{verdict}]" if verdict else ""))
            for f in by_doc[doc_id]:
                sev = _MARK[str(f.severity)]
                sev = paint(sev, {"E": "31", "W": "33", "I": "36"}[sev])
                loc = one_line(f"{f.path}:{f.line}:{f.column}") if f.line else ""
                if f.where:
                    loc += one_line(f" ({f.where})")
                ack = (paint(f"  [acknowledged: {one_line(f.acknowledged)}]", "2")
                       if f.acknowledged else "")
                lines.append(f"    {sev} {one_line(f.rule)}  {loc}{ack}")
                lines.append(f"      {one_line(f.message)}")
                if f.quote:
                    lines.append(f"      > {one_line(f.quote)}")
        lines.append("")
    for p in result.source_pairs:
        lines.append(one_line(f"not independent: {p.a} and {p.b} ({p.how}); they count as one "
                           "source"))
    for w in result.warnings:
        lines.append(paint(f"warning: {one_line(w)}", "33"))
    lines += [paint(one_line(line), "2") for line in rules_off_lines(result)]
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def render(result: AuditResult, options: Options) -> str:
    return to_text(result, color=bool(options.get("color")))


REPORTER = Reporter("text", render, description="findings for people, grouped by item",
                    guarded=True)
