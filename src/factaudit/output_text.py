"""The human-readable output: findings grouped by claim, then by document."""

from __future__ import annotations

from collections import defaultdict

from factaudit.audit import AuditResult
from factaudit.errors import one_line

_MARK = {"error": "E", "warning": "W", "info": "I"}


def to_text(result: AuditResult, color: bool = False) -> str:
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
        statement = _statement(result, item_id)
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
                sev = _MARK[f.severity]
                sev = paint(sev, {"E": "31", "W": "33", "I": "36"}[sev])
                loc = one_line(f"{f.path}:{f.line}:{f.column}") if f.line else ""
                ack = (paint(f"  [acknowledged: {one_line(f.acknowledged)}]", "2")
                       if f.acknowledged else "")
                lines.append(f"    {sev} {one_line(f.rule)}  {loc}{ack}")
                lines.append(f"      {one_line(f.message)}")
                if f.quote:
                    lines.append(f"      > {one_line(f.quote)}")
        lines.append("")
    counts = result.counts()
    for p in result.source_pairs:
        lines.append(one_line(f"not independent: {p.a} and {p.b} ({p.how}); they count as one "
                           "source"))
    for w in result.warnings:
        lines.append(paint(f"warning: {one_line(w)}", "33"))
    lines.append(
        f"{result.document_count} documents, {len(result.claims.claims)} claims, "
        f"{len(result.claims.entities)} entities, {len(result.claims.terms)} terms, "
        f"{len(result.mentions)} mentions: {counts['error']} errors, {counts['warning']} "
        f"warnings, {counts['info']} info, {counts['acknowledged']} acknowledged"
    )
    return "\n".join(lines) + "\n"


def _statement(result: AuditResult, item_id: str) -> str:
    for c in result.claims.claims:
        if c.id == item_id:
            return c.statement
    for e in result.claims.entities:
        if e.item_id == item_id:
            return f"name: {e.name}"
    for t in result.claims.terms:
        if t.item_id == item_id:
            return f"term: {t.preferred}"
    return ""
