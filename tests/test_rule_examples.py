"""Every rule's YAML examples, run by one generic test; a rule without examples fails."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from factaudit.audit import run_audit
from factaudit.claims import claimset_from_text
from factaudit.corpus import Corpus, Document
from factaudit.rules import discover_rules
from factaudit.spelling import get_speller

RULES = discover_rules()
TODAY = dt.date(2026, 1, 1)


def _cases():
    for rule in RULES:
        data = yaml.safe_load(rule.examples.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(rule, case, id=f"{rule.id}: {case['name']}")


def _documents(case) -> list[Document]:
    return [
        Document(id=d["id"], path=f"<{d['id']}>", text=d["text"], language=d["language"],
                 published=str(d["published"]) if d.get("published") else None,
                 date_order=d.get("date_order"), translation_of=d.get("translation_of"))
        for d in case["documents"]
    ]


def test_every_rule_has_passing_and_failing_examples():
    assert RULES, "no rules were discovered: is the package installed?"
    for rule in RULES:
        assert rule.examples is not None and rule.examples.is_file(), f"{rule.id}: no examples"
        data = yaml.safe_load(rule.examples.read_text(encoding="utf-8"))
        assert data["rule"] == rule.id, f"{rule.examples} names {data['rule']!r}"
        expectations = [bool(case["findings"]) for case in data["cases"]]
        assert True in expectations, f"{rule.id} has no failing example"
        assert False in expectations, f"{rule.id} has no passing example"


@pytest.mark.parametrize(("rule", "case"), list(_cases()))
def test_rule_example(rule, case):
    missing = [lang for lang in case.get("requires_dictionaries", []) if get_speller(lang) is None]
    if missing:
        pytest.skip(f"no Hunspell dictionary for {', '.join(missing)} (see README, set-up)")
    claims = claimset_from_text(yaml.safe_dump(case["claims"], allow_unicode=True))
    result = run_audit(claims, Corpus(_documents(case)), rules=[rule], today=TODAY)
    findings = [f for f in result.findings if f.rule == rule.id]
    expected = case["findings"]
    described = [f"{f.document}:{f.found}:{f.message}" for f in findings]
    assert len(findings) == len(expected), described
    unmatched = list(findings)
    for want in expected:
        match = next((f for f in unmatched
                      if all(getattr(f, k) == (str(v) if k in _TEXT and v is not None else v)
                             for k, v in want.items())), None)
        assert match is not None, f"no finding matches {want}; got {described}"
        unmatched.remove(match)
    for f in findings:  # every finding is located and quoted in its document
        if f.document is not None:
            assert f.line is not None and f.column is not None and f.quote


_TEXT = {"found", "expected", "document", "claim"}


def test_messages_stay_short_however_many_sources():
    rule = next(r for r in RULES if r.id == "cross-source-disagreement")
    claims = claimset_from_text(
        "claims:\n  - id: fmt\n    statement: s\n    type: category\n    consistent: true\n"
        "    categories: {virtual: {en: [virtual]}, in person: {en: [visit]}}\n"
        "    cues: {en: [meeting]}\n")
    docs = [Document(id=f"d{i:04d}", path=f"<{i}>", language="en",
                     text="The meeting was virtual." if i else "The meeting was a visit.")
            for i in range(300)]
    result = run_audit(claims, Corpus(docs), rules=[rule], today=TODAY)
    assert len(result.findings) == 300
    message = result.findings[0].message
    assert "299 sources" in message and "and 294 more" in message and len(message) < 400
