"""docs/rules.md is generated from the rules (``factaudit rules --markdown``) and kept current."""

from __future__ import annotations

import re
import sys
import types
import unicodedata
from pathlib import Path

import pytest
import yaml

from factaudit.authoring.rules_doc import rules_markdown
from factaudit.cli import main
from factaudit.rules import Report, Rule, RuleContext, Severity
from factaudit.rules.registry import discover_rules
from factaudit.testing import load_examples

ROOT = Path(__file__).resolve().parents[1]
RULES_MD = ROOT / "docs" / "rules.md"
REGENERATE = ("docs/rules.md is stale; regenerate it from the repository root with "
              "`factaudit rules --markdown --output docs/rules.md` and commit it")


def _sections(markdown: str) -> dict[str, str]:
    """Rule id → its section of the page."""
    parts = re.split(r"^## (\S+)\n", markdown, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2) if parts[i] != "Index"}


def test_committed_rules_doc_is_current() -> None:
    assert RULES_MD.is_file(), REGENERATE
    assert RULES_MD.read_text(encoding="utf-8") == rules_markdown(), REGENERATE


def test_the_cli_writes_the_same_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    target = tmp_path / "rules.md"
    assert main(["rules", "--markdown", "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == rules_markdown()


def test_the_page_says_it_is_generated() -> None:
    head = rules_markdown()[:600]
    assert "factaudit rules --markdown > docs/rules.md" in head
    assert "not edit by hand" in head


def test_every_rule_has_a_section_and_an_index_entry() -> None:
    markdown = rules_markdown()
    sections = _sections(markdown)
    rules = discover_rules()
    assert rules
    assert list(sections) == sorted(r.id for r in rules)
    for rule in rules:
        assert f"| [{rule.id}](#{rule.id}) |" in markdown
        assert f"| Default severity | {rule.severity}" in sections[rule.id]
        assert f"| Scope | {rule.scope}:" in sections[rule.id]
        assert f"| Status | {rule.status}" in sections[rule.id]
        cases = load_examples(rule).cases
        assert len(re.findall(r"^#### \d+\. ", sections[rule.id], re.M)) == len(cases)
        for case in cases:
            assert case.name in sections[rule.id]


def test_optional_rules_say_so() -> None:
    sections = _sections(rules_markdown())
    for rule in discover_rules():
        optional = "| Optional | yes" in sections[rule.id]
        assert optional == rule.optional, rule.id


def test_yaml_blocks_read_back_as_the_examples() -> None:
    """Every claims, documents and findings block is valid YAML equal to its source."""
    markdown = rules_markdown()
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)\n```", markdown, re.S)]
    for rule in discover_rules():
        assert rule.examples is not None
        for case in yaml.safe_load(rule.examples.read_text(encoding="utf-8"))["cases"]:
            for key in ("claims", "documents", "findings"):
                if case.get(key):
                    assert case[key] in blocks, f"{rule.id} / {case['name']}: {key}"


def test_no_character_hides_in_the_page() -> None:
    """Invisible characters of the examples are written as escapes, as in the YAML files."""
    markdown = rules_markdown()
    assert not [ch for ch in markdown if unicodedata.category(ch) == "Cf"]
    assert "Kar\\u200Btika" in markdown


def test_a_changed_docstring_changes_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = next(r for r in discover_rules() if r.id == "term-variant")
    before = rules_markdown()
    monkeypatch.setattr(rule.module, "__doc__", (
        "term-variant: a changed summary.\n\n"
        "Bad:  \"widgetz\" (preferred: \"widgets\")\n"
        "Good: \"widgets\"\n\n"
        "A new paragraph on how it decides.\n"))
    after = rules_markdown()
    assert after != before
    section = _sections(after)["term-variant"]
    assert section.startswith("\nA changed summary.\n")
    assert '- **Bad:** "widgetz" (preferred: "widgets")' in section
    assert '- **Good:** "widgets"' in section
    assert "A new paragraph on how it decides." in section
    assert "kerjasama" not in section.split("### Examples")[0]


def _throwaway_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, doc: str) -> Rule:
    """A rule whose check function lives in a module that exists only for this test."""
    module = types.ModuleType("throwaway_rule_module")
    module.__doc__ = doc
    module.__file__ = str(tmp_path / "throwaway_rule_module.py")
    monkeypatch.setitem(sys.modules, module.__name__, module)

    def check(ctx: RuleContext) -> list[Report]:
        return []

    check.__module__ = module.__name__
    (tmp_path / "throwaway_rule_module.yaml").write_text(
        "rule: throwaway-rule\n"
        "cases:\n"
        "  - name: a widget with a z\n"
        "    claims: {terms: [{preferred: widgets, variants: [widgetz]}]}\n"
        "    documents: [{id: a, language: en, text: \"Two widgetz.\"}]\n"
        "    findings: [{document: a, found: widgetz}]\n"
        "  - name: no widget at all\n"
        "    claims: {}\n"
        "    documents: [{id: a, language: en, text: \"Nothing.\"}]\n"
        "    findings: []\n", encoding="utf-8")
    return Rule(id="throwaway-rule", severity=Severity.INFO, check=check, scope="corpus",
                optional=True)


def test_a_rule_of_any_module_is_documented(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    doc = 'throwaway-rule: widgets spelled with a z.\n\nBad:  "widgetz"\nGood: "widgets"\n'
    rule = _throwaway_rule(tmp_path, monkeypatch, doc)
    page = rules_markdown([rule])
    section = _sections(page)["throwaway-rule"]
    assert "| [throwaway-rule](#throwaway-rule) | info | corpus | stable | yes |" in page
    assert section.startswith("\nWidgets spelled with a z.\n")
    assert '- **Bad:** "widgetz"\n- **Good:** "widgets"' in section
    assert "#### 1. a widget with a z" in section
    assert "- {document: a, found: widgetz}" in section
    assert "#### 2. no widget at all" in section
    assert "No claims." in section
    assert "Must report no finding." in section

    sys.modules["throwaway_rule_module"].__doc__ = doc.replace("with a z", "with a zed")
    changed = rules_markdown([rule])
    assert changed != page
    assert "Widgets spelled with a zed." in changed


def test_output_is_deterministic() -> None:
    assert rules_markdown() == rules_markdown()
    assert rules_markdown(list(reversed(discover_rules()))) == rules_markdown()
