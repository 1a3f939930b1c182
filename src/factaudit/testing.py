"""The public harness for rule examples (also for third-party rule packages).

Every rule module has a YAML file of small audits beside it (``<module>.yaml``)::

    rule: term-variant
    cases:
      - name: a variant in a document of the term's language
        claims: {terms: [{preferred: kerja sama, variants: [kerjasama], language: id}]}
        documents: [{id: a, language: id, text: "Kerjasama kedua negara makin erat."}]
        findings: [{document: a, verdict: variant, found: Kerjasama, expected: kerja sama}]

``example_cases()`` yields every registered rule's cases; ``check_example(rule, case,
executor)`` runs one through ``engine.audit`` — the pipeline users run — with the inline
or the pool executor, and asserts that the rule reports exactly the listed findings
(only the listed fields are compared; ``message`` exactly when given), each located and
quoted. Run every case with both executors, so that a difference between an in-process
and a streamed run fails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from factaudit.engine.executors import Executor, Inline, Pool
from factaudit.engine.pipeline import audit
from factaudit.inputs.claims import claimset_from_text
from factaudit.inputs.config import Config
from factaudit.inputs.project import Project
from factaudit.model import Document, Finding, InputError, Problem
from factaudit.reading.yamlsource import LocatedYaml, load_yaml
from factaudit.rules.api import Rule
from factaudit.rules.registry import discover_rules

TODAY = dt.date(2026, 1, 1)
_TEXT_FIELDS = {"found", "expected", "document", "claim", "verdict", "severity", "rule"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExampleDocument(_Strict):
    id: str
    language: str
    text: str
    published: Any = None
    date_order: str | None = None
    translation_of: str | None = None
    title: str | None = None


class ExampleCase(_Strict):
    name: str
    claims: dict[str, Any]
    documents: list[ExampleDocument] = Field(min_length=1)
    findings: list[dict[str, Any]]
    requires_dictionaries: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=lambda: ["en", "id"])
    _where: tuple[str, int | None] = PrivateAttr(default=("<examples>", None))


class ExampleFile(_Strict):
    rule: str
    cases: list[ExampleCase] = Field(min_length=1)


def load_examples(rule: Rule) -> ExampleFile:
    """A rule's examples, validated (an unknown key or a missing field is an error that
    names the file and the line)."""
    path = rule.examples
    if path is None or not path.is_file():
        raise AssertionError(f"{rule.id}: no examples file beside the rule module ({path})")
    doc = load_yaml(path)
    try:
        examples = ExampleFile.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError([_example_problem(doc, err) for err in exc.errors()]) from None
    if examples.rule != rule.id:
        raise AssertionError(f"{path} names rule {examples.rule!r}, not {rule.id!r}")
    for i, case in enumerate(examples.cases):
        case._where = (doc.path, (doc.locate(("cases", i)) or (None,))[0])
    return examples


def _example_problem(doc: LocatedYaml, err: Any) -> Problem:
    loc = tuple(err.get("loc", ()))
    line, column = doc.locate(loc) or (None, None)
    where = ".".join(str(p) for p in loc) or "(the file)"
    kind = err.get("type", "")
    if kind == "missing":
        hint = ("every case needs name, claims, documents and findings (`claims: {}` and "
                "`findings: []` for none)")
        return Problem(doc.path, f"missing required key {where!r}", line, column, hint)
    if kind == "extra_forbidden":
        return Problem(doc.path, f"unknown key {where!r}", line, column,
                       "a case has the keys name, claims, documents, findings, "
                       "requires_dictionaries and languages")
    return Problem(doc.path, f"{where}: {err.get('msg', 'invalid value')}", line, column)


def example_cases(rules: list[Rule] | None = None) -> Iterator[tuple[Rule, ExampleCase]]:
    for rule in rules if rules is not None else discover_rules():
        for case in load_examples(rule).cases:
            yield rule, case


def check_rule_has_examples(rule: Rule) -> None:
    """A rule needs a case that reports something and a case that reports nothing."""
    cases = load_examples(rule).cases
    assert any(c.findings for c in cases), f"{rule.id} has no failing example"
    assert any(not c.findings for c in cases), f"{rule.id} has no passing example"


def documents_of(case: ExampleCase) -> list[Document]:
    return [Document(id=d.id, path=f"<{d.id}>", text=d.text, language=d.language,
                     published=str(d.published) if d.published else None,
                     date_order=d.date_order, translation_of=d.translation_of, title=d.title)
            for d in case.documents]


def run_example(rule: Rule, case: ExampleCase, executor: str | Executor = "inline"
                ) -> list[Finding]:
    """The findings the rule reports on the case's documents."""
    try:
        claims = claimset_from_text(yaml.safe_dump(case.claims, allow_unicode=True))
    except InputError as exc:  # point at the case, not at the YAML dumped from it
        path, line = case._where
        raise InputError([Problem(path, f"case {case.name!r}: claims: {p.message}", line,
                                  hint=p.hint) for p in exc.problems]) from None
    config = Config(languages=tuple(case.languages), root=Path.cwd())
    project = Project.in_memory(claims, documents_of(case), config)
    runner: Executor = (Pool(2) if executor == "pool" else Inline()) if isinstance(
        executor, str) else executor
    result = audit(project, [rule], executor=runner, today=TODAY)
    return [f for f in result.findings if f.rule == rule.id]


def check_example(rule: Rule, case: ExampleCase, executor: str | Executor = "inline") -> None:
    """Assert that the rule reports exactly the case's findings, located and quoted."""
    findings = run_example(rule, case, executor)
    described = [f"{f.document}:{f.found}:{f.message}" for f in findings]
    assert len(findings) == len(case.findings), (
        f"{rule.id} / {case.name}: {len(findings)} findings, expected "
        f"{len(case.findings)}: {described}")
    unmatched = list(findings)
    for want in case.findings:
        match = next((f for f in unmatched if _matches(f, want)), None)
        assert match is not None, f"{rule.id} / {case.name}: no finding matches {want}; " \
                                  f"got {described}"
        unmatched.remove(match)
    for f in findings:  # every finding in a document is located and quoted
        if f.document is not None and f.start is not None:
            assert f.line is not None and f.column is not None and f.quote, f


def _matches(f: Finding, want: dict[str, Any]) -> bool:
    for key, value in want.items():
        got = getattr(f, key)
        if key in _TEXT_FIELDS and value is not None:
            if str(got) != str(value):
                return False
        elif got != value:
            return False
    return True
