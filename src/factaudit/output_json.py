"""The JSON output (version 1). Documented in the README; change only by adding fields."""

from __future__ import annotations

import json

from factaudit import __version__
from factaudit.audit import AuditResult
from factaudit.fingerprint import fingerprints

VERSION = 1


def to_json(result: AuditResult) -> str:
    """Deterministic JSON: the same inputs give byte-identical output."""
    counts = result.counts()
    by_verdict: dict[str, int] = {}
    for f in result.findings:
        by_verdict[f.verdict] = by_verdict.get(f.verdict, 0) + 1
    payload = {
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
        "findings": [{**f.as_dict(), "fingerprint": fp}
                     for f, fp in zip(result.findings, fingerprints(result.findings),
                                     strict=True)],
        "verdicts": result.verdicts,
        "documents": [
            {"id": d.id, "path": d.path, "language": d.language,
             "language_source": d.language_source, "published": d.published,
             "title": d.title, "url": d.url}
            for d in result.metadata
        ],
        "warnings": result.warnings,
        "source_pairs": [{"a": p.a, "b": p.b, "how": p.how} for p in result.source_pairs],
    }
    # indented for the corpora people read; compact (and several times faster to write)
    # once the document list is long
    indent = 2 if result.document_count <= COMPACT_ABOVE else None
    return json.dumps(payload, ensure_ascii=False, indent=indent) + "\n"


COMPACT_ABOVE = 1000  # documents
