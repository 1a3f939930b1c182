"""The JSON output (version 1). Documented in docs/outputs.md; change only by adding fields.

Written from plain values with orjson, findings streamed in order, so that a run with
100,000 findings is written in a fraction of a second; the same inputs give the same
bytes (indented up to 1,000 documents, compact above)."""

from __future__ import annotations

import orjson

from factaudit import __version__
from factaudit.report import Options, Reporter
from factaudit.report.fingerprint import fingerprints
from factaudit.results import AuditResult

VERSION = 1
COMPACT_ABOVE = 1000  # documents

# the keys of a finding, in order: version 1's, then those added since
FINDING_KEYS = ("rule", "verdict", "severity", "message", "claim", "document", "start", "end",
                "expected", "found", "how", "path", "line", "column", "quote", "acknowledged")
ADDED_KEYS = ("end_line", "end_column", "where")


def payload(result: AuditResult) -> dict[str, object]:
    counts = result.counts()
    by_verdict: dict[str, int] = {}
    for f in result.findings:
        by_verdict[str(f.verdict)] = by_verdict.get(str(f.verdict), 0) + 1
    findings = []
    for f, fp in zip(result.findings, fingerprints(result.findings), strict=True):
        row: dict[str, object] = {k: getattr(f, k) for k in FINDING_KEYS}
        row["verdict"], row["severity"] = str(f.verdict), str(f.severity)
        row["fingerprint"] = fp
        row.update((k, getattr(f, k)) for k in ADDED_KEYS)
        findings.append(row)
    return {
        "version": VERSION,
        "tool": {"name": "factaudit", "version": __version__},
        "summary": {
            "documents": result.document_count,
            "claims": len(result.claims.claims),
            "entities": len(result.claims.entities),
            "terms": len(result.claims.terms),
            "mentions": len(result.mentions),
            "findings": len(result.findings),
            "errors": counts["error"],
            "warnings": counts["warning"],
            "info": counts["info"],
            "acknowledged": counts["acknowledged"],
            "by_verdict": dict(sorted(by_verdict.items())),
            "claims_digest": result.claims.digest,
            "passed": not result.failed(allow_acknowledged=True),
        },
        "findings": findings,
        "verdicts": result.verdicts,
        "documents": [
            {"id": d.id, "path": d.path, "language": d.language,
             "language_source": d.language_source, "published": d.published,
             "title": d.title, "url": d.url, "kind": d.kind}
            for d in result.documents
        ],
        "warnings": [str(w) for w in result.warnings],
        "source_pairs": [{"a": p.a, "b": p.b, "how": p.how} for p in result.source_pairs],
    }


def to_json(result: AuditResult) -> str:
    """Deterministic JSON: the same inputs give byte-identical output."""
    indent = orjson.OPT_INDENT_2 if result.document_count <= COMPACT_ABOVE else 0
    return orjson.dumps(payload(result), option=indent).decode() + "\n"


def render(result: AuditResult, options: Options) -> str:
    return to_json(result)


REPORTER = Reporter("json", render, description="every finding, verdict and document "
                    "(version 1, fields only ever added)")
