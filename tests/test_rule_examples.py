"""Every rule's YAML examples, run by the public harness with the inline and the pool
executor (so an in-process run and a streamed one must agree); a rule without passing and
failing examples fails."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from factaudit.inputs.claims import claimset_from_text
from factaudit.model import Document, InputError
from factaudit.reading.lexicon.hunspell import get_speller
from factaudit.rules.registry import discover_rules
from factaudit.testing import (
    check_example,
    check_rule_has_examples,
    example_cases,
    load_examples,
    run_example,
)
from tests.helpers import run_audit

RULES = discover_rules()
CASES = list(example_cases(RULES))


def test_rules_are_discovered():
    assert len(RULES) >= 13, "no rules were discovered: is the package installed?"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_passing_and_failing_examples(rule):
    check_rule_has_examples(rule)


@pytest.mark.parametrize("executor", ["inline", "pool"])
@pytest.mark.parametrize(("rule", "case"), CASES,
                         ids=[f"{r.id}: {c.name}" for r, c in CASES])
def test_rule_example(rule, case, executor):
    missing = [lang for lang in case.requires_dictionaries if get_speller(lang) is None]
    if missing:
        pytest.skip(f"no Hunspell dictionary for {', '.join(missing)} (see the README, 'Install')")
    check_example(rule, case, executor)


def test_messages_stay_short_however_many_sources():
    rule = next(r for r in RULES if r.id == "cross-source-disagreement")
    claims = claimset_from_text(
        "claims:\n  - id: fmt\n    statement: s\n    type: category\n    consistent: true\n"
        "    categories: {virtual: {en: [virtual]}, in person: {en: [visit]}}\n"
        "    cues: {en: [meeting]}\n")
    docs = [Document(id=f"d{i:04d}", path=f"<{i}>", language="en",
                     text="The meeting was virtual." if i else "The meeting was a visit.")
            for i in range(300)]
    result = run_audit(claims, docs, rules=[rule])
    assert len(result.findings) == 300
    message = result.findings[0].message
    assert "299 sources" in message and "and 294 more" in message and len(message) < 400


def _examples_at(tmp_path, text):
    path = tmp_path / "my_rule.yaml"
    path.write_text(text, encoding="utf-8")
    return SimpleNamespace(id="my-rule", examples=path)


def test_an_example_case_without_claims_names_the_file_line_and_key(tmp_path):
    rule = _examples_at(tmp_path, "rule: my-rule\ncases:\n  - name: one\n    documents: "
                        "[{id: a, language: en, text: x}]\n    findings: []\n")
    with pytest.raises(InputError) as caught:
        load_examples(rule)
    (problem,) = caught.value.problems
    assert problem.path.endswith("my_rule.yaml") and problem.line == 3
    assert "'cases.0.claims'" in problem.message and "claims: {}" in problem.hint


def test_an_unknown_key_in_an_example_case_is_located(tmp_path):
    rule = _examples_at(tmp_path, "rule: my-rule\ncases:\n  - name: one\n    claims: {}\n"
                        "    documents: [{id: a, language: en, text: x}]\n    findings: []\n"
                        "    finding: []\n")
    with pytest.raises(InputError) as caught:
        load_examples(rule)
    (problem,) = caught.value.problems
    assert problem.line == 7 and "unknown key 'cases.0.finding'" in problem.message


def test_bad_claims_in_an_example_case_name_the_case_and_its_line(tmp_path):
    rule = _examples_at(tmp_path, "rule: my-rule\ncases:\n  - name: first\n    claims: {}\n"
                        "    documents: [{id: a, language: en, text: x}]\n    findings: []\n"
                        "  - name: second\n    claims: {claims: [{id: c, type: colour}]}\n"
                        "    documents: [{id: a, language: en, text: x}]\n    findings: []\n")
    case = load_examples(rule).cases[1]
    with pytest.raises(InputError) as caught:
        run_example(rule, case)
    problem = caught.value.problems[0]
    assert problem.path.endswith("my_rule.yaml") and problem.line == 7
    assert problem.message.startswith("case 'second': claims: ")
