"""Findings: what rules report, in the vocabulary of fact-checking."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from factaudit import plain

SEVERITIES = ("error", "warning", "info")
# FEVER / AVeriTeC verdicts for claims, plus two for spelling
VERDICTS = ("supported", "refuted", "conflicting", "not-enough-info", "typo", "variant")


@plain.register
@dataclass(frozen=True)
class Finding:
    """One reported problem. Rules fill what they know; the engine adds location and quote."""

    rule: str
    verdict: str
    severity: str
    message: str
    claim: str | None = None  # id of the claim, entity or term (None for corpus-wide rules)
    document: str | None = None
    start: int | None = None  # character offsets in the document text
    end: int | None = None
    expected: str | None = None
    found: str | None = None
    how: str | None = None  # how the found value was read or resolved
    path: str | None = None
    line: int | None = None
    column: int | None = None
    quote: str | None = None
    acknowledged: str | None = None  # the reason, while an acknowledgement covers it

    def with_(self, **changes) -> Finding:
        return replace(self, **changes)

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def sort_key(self) -> tuple:
        return (self.claim or "", self.document or "", self.start or 0, self.rule,
                self.found or "")


def listing(items, limit: int = 5, sep: str = ", ") -> str:
    """At most ``limit`` items, then how many more: a message stays short however many
    sources a finding concerns (a claim found in 20,000 documents)."""
    items = list(items)
    shown = sep.join(str(x) for x in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)
