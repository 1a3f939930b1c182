"""The rule contract and rule discovery.

A rule is a module-level ``RULE = Rule(...)`` in a module registered under the entry-point
group ``factaudit.checks``. Its ``check`` function receives an ``AuditContext`` (validated
tables as plain data) and yields ``Finding`` objects; the engine adds locations, quotes
and acknowledgements. Each rule ships a YAML file of examples beside its module
(``<module>.yaml``), which the test suite runs.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import entry_points
from pathlib import Path

from factaudit.claims import ClaimSet
from factaudit.config import Config
from factaudit.corpus import Document
from factaudit.extract import Hit, Mention
from factaudit.findings import Finding
from factaudit.text import WORD

GROUP = "factaudit.checks"
_RULE_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Rule:
    id: str  # kebab-case, stable: used in reports, configuration and suppressions
    description: str  # one line
    severity: str  # default severity
    check: Callable[[AuditContext], Iterable[Finding]] | None = None  # over the whole corpus
    examples: Path | None = None  # YAML file of passing and failing cases
    default_enabled: bool = True  # False: optional, runs only when configured or requested
    # one document at a time, as the corpus streams by: what needs only that document
    check_document: Callable[[DocumentContext], Iterable[Finding]] | None = None

    def __post_init__(self) -> None:
        if not _RULE_ID.match(self.id):
            raise ValueError(f"rule id {self.id!r} must be kebab-case")
        if self.severity not in ("error", "warning", "info"):
            raise ValueError(f"rule {self.id}: unknown severity {self.severity!r}")
        if self.check is None and self.check_document is None:
            raise ValueError(f"rule {self.id}: give check, check_document or both")


@dataclass
class DocumentContext:
    """What a per-document check sees: one document (with its text), its mentions and hits.

    ``memo`` is shared by every document a process handles (cache expensive lookups there);
    ``collect`` passes facts to the corpus-wide phase (``AuditContext.collected``)."""

    document: Document
    claims: ClaimSet
    mentions: list[Mention]
    hits: list[Hit]
    config: Config
    memo: dict = field(default_factory=dict)
    collected: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def severity(self, rule: Rule, item_severity: str | None = None) -> str:
        return item_severity or self.config.severity_override(rule.id) or rule.severity

    def signals(self, kind: str) -> list[Hit]:
        """Hits of the words of ``kind`` (weekday, past, unit) of the document's language
        found by the engine's one scan."""
        form = f"{kind}:{self.document.language}"
        return [h for h in self.hits if h.target.kind == "signal" and h.target.form == form]

    def collect(self, key: str, value: object) -> None:
        self.collected[key] = value

    def warn_once(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


@dataclass
class AuditContext:
    """What a rule sees: the claims, the documents, the mentions and the name/term hits."""

    claims: ClaimSet
    documents: list[Document]
    mentions: list[Mention]
    hits: dict[str, list[Hit]]  # document id → entity and term hits
    config: Config = field(default_factory=Config)
    collected: dict[str, dict[str, object]] = field(default_factory=dict)  # key → doc id → fact
    loader: Callable[[str], Document] | None = None  # reads a streamed document's text again
    warnings: list[str] = field(default_factory=list)  # notes for the run (missing dictionary)
    memo: dict = field(default_factory=dict, repr=False)  # shared by rules: ``cached(key, build)``

    def cached(self, key, build: Callable[[], object]):
        """``build()`` once per audit under ``key``, shared by every rule that asks for it."""
        if key not in self.memo:
            self.memo[key] = build()
        return self.memo[key]

    def warn_once(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    @cached_property
    def documents_by_id(self) -> dict[str, Document]:
        """Documents by id; for a streamed corpus, metadata only (use ``document(id)``)."""
        return {d.id: d for d in getattr(self.documents, "metadata", self.documents)}

    @cached_property
    def mentions_by_claim(self) -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            out[m.claim].append(m)
        return out

    @cached_property
    def vocabulary(self) -> dict[str, Counter]:
        """Every distinct word form → how often it occurs in each document."""
        out: dict[str, Counter] = defaultdict(Counter)
        for doc in self.documents:
            for word, n in Counter(WORD.findall(doc.text)).items():
                out[word][doc.id] += n
        return out

    @cached_property
    def signatures(self) -> dict[str, set[str]]:
        """Fact signatures (see ``sources``) of the passages that speak to claims, for every
        document with mentions, collected as the corpus streams by: used to detect copies."""
        return dict(self.collected.get("signature", {}))

    def full_signature(self, doc_id: str) -> set[str]:
        """The facts of a whole document, for comparing declared translations."""
        from factaudit.sources import fact_signature

        return self.cached(("full-signature", doc_id), lambda: fact_signature(
            self.document(doc_id),
            {self.claims.entities[h.target.index].item_id
             for h in self.hits.get(doc_id, []) if h.target.kind == "entity"}))

    def document(self, doc_id: str) -> Document:
        """A document with its text (read again from disk when the corpus was streamed)."""
        doc = self.documents_by_id[doc_id]
        if doc.text or self.loader is None:
            return doc
        return self.loader(doc_id)

    @cached_property
    def source_pairs(self) -> list:
        """Translations and copies: declared, or detected among documents with mentions."""
        from factaudit.sources import find_pairs

        return find_pairs(list(self.documents_by_id.values()), self.signatures)

    @cached_property
    def source_groups(self) -> dict[str, str]:
        """Document id → its group of non-independent sources ('a+b' for a and its copy)."""
        from factaudit.sources import groups

        return groups(list(self.documents_by_id.values()), self.source_pairs)

    def line_of(self, doc_id: str, offset: int) -> int:
        """1-based file line of a character offset in a document."""
        doc = self.documents_by_id[doc_id]
        return doc.text.count("\n", 0, offset) + doc.first_line

    def severity(self, rule: Rule, item_severity: str | None = None) -> str:
        """A claim's own severity wins, then the project's override, then the rule's default."""
        return item_severity or self.config.severity_override(rule.id) or rule.severity


def discover_rules() -> list[Rule]:
    """Every rule registered in the ``factaudit.checks`` entry-point group, sorted by id."""
    rules: dict[str, Rule] = {}
    for ep in entry_points(group=GROUP):
        rule = ep.load()
        if not isinstance(rule, Rule):
            raise TypeError(f"entry point {ep.name} ({ep.value}) is not a factaudit Rule")
        if rule.id in rules:
            raise ValueError(f"two rules share the id {rule.id!r}")
        rules[rule.id] = rule
    return [rules[k] for k in sorted(rules)]


def enabled_rules(config: Config, rules: list[Rule] | None = None,
                  include_optional: bool = False) -> list[Rule]:
    """The rules that run: a rule set to false in the configuration never does; an optional
    rule (``default_enabled=False``, e.g. ``spelling``) runs when the configuration turns it
    on, or when ``include_optional`` is true (reports that want every check)."""
    rules = discover_rules() if rules is None else rules
    return [r for r in rules if config.enabled(r.id, r.default_enabled or include_optional)]


def example_path(module_file: str) -> Path:
    """The examples file that sits beside a rule module: ``name.py`` → ``name.yaml``."""
    return Path(module_file).with_suffix(".yaml")
