"""What an audit produces, for every output to read: no reporter needs the pipeline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from factaudit.inputs.claims import ClaimSet
from factaudit.model import (
    Document,
    DocumentInfo,
    Finding,
    Lifecycle,
    Mention,
    Severity,
    SourcePair,
    StaleAcknowledgement,
    TraceStep,
)


@dataclass(frozen=True)
class RuleMeta:
    """What outputs say about a rule that ran."""

    id: str
    severity: Severity  # the default, after the project's setting
    summary: str
    scope: str
    status: Lifecycle
    optional: bool


@dataclass
class AuditResult:
    claims: ClaimSet
    documents: list[DocumentInfo]  # above 1,000 documents, only those with something to show
    mentions: list[Mention]
    findings: list[Finding]
    verdicts: dict[str, dict[str, str]]  # item id → document id → verdict
    rules: list[RuleMeta]
    warnings: list[str] = field(default_factory=list)
    source_pairs: list[SourcePair] = field(default_factory=list)
    stale: list[StaleAcknowledgement] = field(default_factory=list)
    trace: list[TraceStep] = field(default_factory=list)
    document_count: int = 0  # documents audited
    # reads a document again by id (for the HTML report's document views); None when the
    # result came from a cache and the corpus is gone
    reader: Callable[[str], Document | None] | None = field(default=None, repr=False,
                                                           compare=False)
    rules_off: list[RuleMeta] = field(default_factory=list)  # optional rules that did not run

    def __post_init__(self) -> None:
        if not self.document_count:
            self.document_count = len(self.documents)

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0, "acknowledged": 0}
        for f in self.findings:
            out["acknowledged" if f.acknowledged else str(f.severity)] += 1
        return out

    def failed(self, allow_acknowledged: bool = True) -> bool:
        return any(f.severity == Severity.ERROR
                   and (not allow_acknowledged or not f.acknowledged) for f in self.findings)

    def text_of(self, document_id: str) -> Document | None:
        """The document with its text, read again (None when it cannot be)."""
        return self.reader(document_id) if self.reader is not None else None

    def document(self, document_id: str) -> DocumentInfo | None:
        return next((d for d in self.documents if d.id == document_id), None)
