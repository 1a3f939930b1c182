"""Stable fingerprints of findings: the same discrepancy keeps its fingerprint across runs.

A fingerprint identifies *what* is wrong, not *where* the file currently has it: it is
built from the rule, the claim (or entity, term), the document and the normalized found
value, plus the occurrence index among identical findings in the same document (so two
"kerjasama" in one text are two findings). Line numbers, columns and offsets are not part
of it, so editing a document above a finding, re-wrapping lines or re-running the audit
does not turn a known finding into a new alert. SARIF carries it as
``partialFingerprints``; the JSON output as ``fingerprint``.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence

from factaudit.model import Finding

VERSION_KEY = "factaudit/v1"  # the partialFingerprints key; bump if the recipe changes
LENGTH = 16  # hex characters


def normalize_found(found: str | None) -> str:
    """NFC, whitespace collapsed: a line break inside a name does not make a new finding."""
    if not found:
        return ""
    return " ".join(unicodedata.normalize("NFC", found).split())


def basis(finding: Finding) -> tuple[str, str, str, str]:
    """What a finding is, without where it is."""
    return (finding.rule, finding.claim or "", finding.document or "",
            normalize_found(finding.found))


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """One fingerprint per finding, in the same order.

    Identical findings (same rule, claim, document and found value) are numbered in text
    order, so the n-th one keeps its fingerprint when lines move.
    """
    order = sorted(range(len(findings)),
                   key=lambda i: (basis(findings[i]),
                                  -1 if findings[i].start is None else findings[i].start, i))
    seen: dict[tuple[str, ...], int] = {}
    out = [""] * len(findings)
    for i in order:
        key = basis(findings[i])
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        out[i] = _digest(*key, str(occurrence))
    return out


def fingerprint(finding: Finding, occurrence: int = 0) -> str:
    """The fingerprint of one finding that is the ``occurrence``-th of its kind."""
    return _digest(*basis(finding), str(occurrence))


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:LENGTH]
