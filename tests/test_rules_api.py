"""The rule contract as a rule author meets it: one import, ctx.report, declared facts,
lifecycle and settings; and the reporter registry as a third-party package meets it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from factaudit.inputs.claims import claimset_from_text
from factaudit.inputs.config import Config
from factaudit.model import Document, InputError
from factaudit.rules import (
    Fact,
    HitKind,
    Lifecycle,
    Report,
    Rule,
    RuleContext,
    Severity,
    Verdict,
    __all__,
)
from tests.helpers import run_audit

# ---- a whole new rule, as a rule author writes it (under 20 lines) ------------------------


def shouting(ctx: RuleContext) -> Iterator[Report]:
    """Three exclamation marks in a row: a tabloid habit."""
    text = ctx.document.text
    start = text.find("!!!")
    while start != -1:
        yield ctx.report(verdict=Verdict.TYPO, span=(start, start + 3), found="!!!",
                         expected="!", message="three exclamation marks")
        start = text.find("!!!", start + 3)


SHOUTING = Rule(id="shouting", severity=Severity.INFO, check=shouting)
# -------------------------------------------------------------------------------------------

CLAIMS = claimset_from_text("""
entities:
  - {name: Dewi Kartika, severity: warning}
terms:
  - {preferred: kerja sama, variants: [kerjasama], language: id}
""")


def doc(text: str, doc_id: str = "a", language: str = "en") -> Document:
    return Document(id=doc_id, path=f"corpus/{doc_id}.txt", text=text, language=language,
                    first_line=4)


def test_the_rule_api_is_one_module_with_a_declared_surface():
    assert {"Rule", "RuleContext", "Report", "Fact", "Severity", "Verdict", "HitKind",
            "ValueKind", "Lifecycle", "Item", "ClaimSet", "Document"} <= set(__all__)


def test_a_new_rule_gets_id_severity_path_line_column_and_quote_from_the_framework():
    result = run_audit(CLAIMS, [doc("Calm.\nWow!!! Big news!!!")], rules=[SHOUTING])
    assert [(f.rule, f.severity, f.path, f.line, f.column, f.found) for f in
            result.findings] == [("shouting", "info", "corpus/a.txt", 5, 4, "!!!"),
                                 ("shouting", "info", "corpus/a.txt", 5, 16, "!!!")]
    assert all(f.quote and "!!!" in f.quote and f.snippet == "!!!" for f in result.findings)


def test_severity_item_first_then_setting_then_default():
    def named(ctx: RuleContext) -> Iterator[Report]:
        for hit in ctx.hits(HitKind.ENTITY_NAME):
            yield ctx.report(verdict=Verdict.SUPPORTED, item=hit.item, span=(hit.start, hit.end),
                             message="named")

    rule = Rule(id="named", severity=Severity.INFO, check=named)
    text = [doc("Dewi Kartika spoke.")]
    assert run_audit(CLAIMS, text, rules=[rule]).findings[0].severity == "warning"  # the item
    quiet = Rule(id="named-quietly", severity=Severity.INFO, check=named, item_severity=False)
    assert run_audit(CLAIMS, text, rules=[quiet]).findings[0].severity == "info"
    config = Config(rules={"named-quietly": "error"})
    assert run_audit(CLAIMS, text, config, rules=[quiet]).findings[0].severity == "error"


def test_a_report_may_lower_its_own_severity():
    def planned(ctx: RuleContext) -> Iterator[Report]:
        yield ctx.report(verdict=Verdict.REFUTED, span=(0, 3), message="a plan",
                         severity=Severity.INFO)

    rule = Rule(id="planned-thing", severity=Severity.ERROR, check=planned)
    [finding] = run_audit(CLAIMS, [doc("Soon.")], rules=[rule]).findings
    assert finding.severity == "info"


def count_words(ctx: RuleContext) -> int:
    return len(ctx.document.text.split())


def total(parts: Sequence[int]) -> int:
    return sum(parts)


WORDS = Fact("test-words", count_words, total, int)


def test_facts_are_computed_per_document_and_merged_in_corpus_order():
    def report_total(ctx: RuleContext) -> Iterator[Report]:
        yield ctx.report(verdict=Verdict.SUPPORTED, message=f"{ctx.fact(WORDS)} words")

    rule = Rule(id="word-total", severity=Severity.INFO, check=report_total, scope="corpus",
                needs=(WORDS,))
    docs = [doc("one two three", "a"), doc("four five", "b")]
    for executor in ("inline", "pool"):
        [finding] = run_audit(CLAIMS, docs, rules=[rule], executor=executor).findings
        assert finding.message == "5 words"


def test_a_fact_must_be_declared():
    def undeclared(ctx: RuleContext) -> Iterator[Report]:
        yield ctx.report(verdict=Verdict.SUPPORTED, message=str(ctx.fact(WORDS)))

    rule = Rule(id="undeclared", severity=Severity.INFO, check=undeclared, scope="corpus")
    result = run_audit(CLAIMS, [doc("a b")], rules=[rule])
    assert result.findings == []
    assert any("asks for fact 'test-words' without declaring it in 'needs'" in w
               for w in result.warnings)


def test_a_broken_rule_is_a_warning_and_the_others_still_report():
    def broken(ctx: RuleContext) -> Iterator[Report]:
        raise ZeroDivisionError("oops")

    result = run_audit(CLAIMS, [doc("Wow!!!")],
                       rules=[Rule(id="broken", severity=Severity.ERROR, check=broken), SHOUTING])
    assert [f.rule for f in result.findings] == ["shouting"]
    assert any("rule broken failed on corpus/a.txt: ZeroDivisionError: oops" in w
               for w in result.warnings)


def test_preview_and_deprecated_rules():
    from factaudit.rules.registry import active_rules

    preview = Rule(id="new-idea", severity=Severity.INFO, check=shouting,
                   status=Lifecycle.PREVIEW)
    old = Rule(id="old-idea", severity=Severity.INFO, check=shouting,
               status=Lifecycle.DEPRECATED, replaced_by="shouting")
    assert active_rules(Config(), [preview, old]) == [old]
    assert active_rules(Config(preview=True), [preview, old]) == [preview, old]
    assert active_rules(Config(rules={"new-idea": True}), [preview]) == [preview]
    result = run_audit(CLAIMS, [doc("Wow!!!")], rules=[old])
    assert result.warnings.count("rule old-idea is deprecated and will be removed; use "
                                 "shouting instead") == 1


def test_unknown_rule_ids_in_the_configuration_are_input_errors():
    with pytest.raises(InputError, match="names unknown rule 'shoutin'"):
        run_audit(CLAIMS, [doc("x")], Config(rules={"shoutin": False}), rules=[SHOUTING])


def test_rule_ids_are_kebab_case():
    with pytest.raises(ValueError, match="kebab-case"):
        Rule(id="Shouting_Rule", severity=Severity.INFO, check=shouting)


def test_summary_and_examples_come_from_the_rule_module():
    from factaudit.rules.registry import discover_rules

    rule = next(r for r in discover_rules() if r.id == "term-variant")
    assert rule.summary == "a non-preferred form of a listed term."
    assert rule.examples is not None and rule.examples.name == "term_variant.yaml"


def test_reporters_are_entry_points_like_third_party_ones():
    from factaudit.report import Reporter, reporters

    found = reporters()
    assert {"text", "json", "sarif", "github", "claimreview"} <= set(found)
    assert all(isinstance(r, Reporter) and r.name == name for name, r in found.items())
    assert found["text"].guarded and not found["json"].guarded


def test_a_value_kept_per_claim_set_is_never_given_to_another_with_the_same_id():
    from collections import OrderedDict

    from factaudit.inputs.claims import ClaimSet
    from factaudit.rules.facts import for_claims

    old, new = ClaimSet(), ClaimSet()
    store: OrderedDict = OrderedDict()
    store[id(new)] = (old, "the freed claim set's value")  # as if ``old`` had had the id
    assert for_claims(store, new, lambda c: "built for this one") == "built for this one"
    assert for_claims(store, new, lambda c: "built again") == "built for this one"
