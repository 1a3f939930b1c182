"""The rule author's whole surface: import from ``factaudit.rules`` and nothing else.

A rule is a function plus a small declaration::

    def check(ctx: RuleContext) -> Iterator[Report]:
        for hit in ctx.hits(HitKind.TERM_VARIANT):
            term = ctx.claims.term(hit.item)
            yield ctx.report(verdict=Verdict.VARIANT, item=term, span=(hit.start, hit.end),
                             expected=term.preferred, found=hit.text,
                             message=f"{hit.text!r}: the preferred form is {term.preferred!r}")

    RULE = Rule(id="term-variant", severity=Severity.WARNING, check=check)

registered under the entry-point group ``factaudit.checks``. The framework fills in what a
rule has no reason to know: its id on each finding, the severity (the item's own, else the
project's setting, else the rule's default), path, line, column, quote and
acknowledgement. A ``document`` rule sees one document at a time, with its text, however
the corpus is run (inline, in a process pool, on Dask); a ``corpus`` rule sees every
document's mentions, hits and the merged ``Fact`` values it ``needs``. Rules share nothing
else. Each rule module has a YAML file of examples beside it (``<module>.yaml``), run by
``factaudit.testing`` with every executor.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Literal, Protocol, TypeVar

from factaudit.inputs.claims import Claim, ClaimSet, Entity, Item, Term
from factaudit.model import (
    Document,
    DocumentInfo,
    Hit,
    HitKind,
    Lifecycle,
    Mention,
    Modality,
    Severity,
    ValueKind,
    Verdict,
    listing,
)

__all__ = [
    "Claim", "ClaimSet", "Document", "DocumentInfo", "Entity", "Fact", "Hit", "HitKind",
    "Item", "Lifecycle", "Mention", "Modality", "Report", "Rule", "RuleContext", "Severity",
    "Term", "ValueKind", "Verdict", "listing", "mentions_by_claim",
]

P = TypeVar("P")
M = TypeVar("M")
Scope = Literal["document", "corpus"]


@dataclass(frozen=True)
class Fact(Generic[P, M]):
    """What many documents contribute to one corpus-wide decision.

    ``per_document`` runs once per document (in the worker that reads it) and returns a
    small part of plain data; ``merge`` puts the parts together, in corpus order, for the
    corpus rules that ``need`` the fact. A fact is computed once however many rules need
    it, and cached with the document's other results. ``part`` is the type of a part: a
    cached part is read back only if it has that shape. ``spans`` (optional) gives the
    (start, end) of the places in a part that a corpus rule may report: they are located
    (line, column, quote) while the document's text is at hand, so that reporting them
    needs no second reading of the document."""

    name: str  # part of the cache key: rename it when the part's meaning changes
    per_document: Callable[[RuleContext], P]
    merge: Callable[[Sequence[P]], M]
    part: Any = Any
    spans: Callable[[P], Iterable[tuple[int, int]]] | None = None


@dataclass(frozen=True)
class Report:
    """What a rule says about one place (or, without a span, one item or pair of sources).

    Made by ``RuleContext.report``; the runner turns it into a located ``Finding``."""

    verdict: Verdict
    message: str
    item: str | None = None
    document: str | None = None
    span: tuple[int, int] | None = None
    expected: str | None = None
    found: str | None = None
    how: str | None = None
    quote: str | None = None  # the passage shown, when not the text around the span
    severity: Severity | None = None  # only for a report that is less than the rule's usual


@dataclass(frozen=True)
class Rule:
    """A check: its id (kebab-case, stable once released), default severity and function.

    ``signals`` names the signal-word groups of the language packs the rule looks for
    ("weekday", "past", "unit"): the one scan finds them, and ``ctx.hits(HitKind.SIGNAL)``
    returns them. A ``preview`` rule is off unless named in ``[tool.factaudit.rules]`` or
    ``preview = true``; an ``optional`` one is off unless turned on there."""

    id: str
    severity: Severity
    check: Callable[[RuleContext], Iterable[Report]]
    scope: Scope = "document"
    needs: tuple[Fact[Any, Any], ...] = ()
    signals: tuple[str, ...] = ()
    status: Lifecycle = Lifecycle.STABLE
    optional: bool = False
    replaced_by: str | None = None  # for a deprecated rule: what to use instead
    item_severity: bool = True  # an item's own severity applies to this rule's reports

    def __post_init__(self) -> None:
        import re

        if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", self.id):
            raise ValueError(f"rule id {self.id!r} must be kebab-case")
        object.__setattr__(self, "severity", Severity(self.severity))
        object.__setattr__(self, "status", Lifecycle(self.status))
        if self.scope not in ("document", "corpus"):
            raise ValueError(f"rule {self.id}: scope is 'document' or 'corpus'")

    @property
    def module(self) -> Any:
        return sys.modules.get(getattr(self.check, "__module__", ""), None)

    @property
    def doc(self) -> str:
        """The rule module's docstring: summary, ``Bad:``/``Good:`` and how it decides."""
        return (getattr(self.module, "__doc__", None) or "").strip()

    @property
    def summary(self) -> str:
        """The first sentence of the docstring, without the leading ``id:``."""
        first = self.doc.split("\n\n", 1)[0].replace("\n", " ").strip()
        return first.split(": ", 1)[1] if first.startswith(f"{self.id}: ") else first

    @property
    def examples(self) -> Path | None:
        """The YAML examples beside the rule module (``name.py`` → ``name.yaml``)."""
        file = getattr(self.module, "__file__", None)
        return Path(file).with_suffix(".yaml") if file else None


class RuleContext(Protocol):
    """What a rule sees. In document scope: one document, with its text, its mentions and
    hits, and its own part of each fact. In corpus scope: every document's mentions and
    hits, the merged facts, and the documents on demand (read again, one at a time)."""

    claims: ClaimSet
    languages: tuple[str, ...]  # the project's languages

    @property
    def document(self) -> Document:
        """The document (document scope only)."""
        ...

    @property
    def mentions(self) -> Sequence[Mention]:
        """This document's mentions, or the whole corpus's (in corpus order)."""
        ...

    def hits(self, kind: HitKind | None = None) -> Sequence[Hit]:
        """Hits of the one scan: of one kind, or all (cues excluded unless asked for)."""
        ...

    def fact(self, fact: Fact[Any, M]) -> M:
        """Corpus scope: the merged value of a fact the rule ``needs``; document scope: this
        document's part."""
        ...

    def info(self, document: str) -> DocumentInfo:
        """Metadata of any document of the corpus (language, publication date, …)."""
        ...

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Documents with their texts (corpus scope), read again one at a time."""
        ...

    def report(self, *, verdict: Verdict, message: str, item: Item | str | None = None,
               span: tuple[int, int] | None = None, document: str | None = None,
               expected: str | None = None, found: str | None = None,
               how: str | None = None, quote: str | None = None,
               severity: Severity | None = None) -> Report:
        """A report of this rule (document scope: in this document unless told)."""
        ...

    def warn(self, message: str) -> None:
        """A note for the run's warnings (shown once per run in every output)."""
        ...


def mentions_by_claim(mentions: Sequence[Mention]) -> dict[str, list[Mention]]:
    """Mentions grouped by claim, each group in corpus order."""
    out: dict[str, list[Mention]] = {}
    for m in mentions:
        out.setdefault(m.claim, []).append(m)
    return out
