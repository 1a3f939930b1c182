"""Machine outputs: fingerprints, SARIF 2.1.0, GitHub annotations and summary, ClaimReview,
JSON fingerprints, and JUnit XML of the claims as pytest items."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factaudit.cli import main
from factaudit.model import Finding
from factaudit.report.claimreview import to_claimreview_dict
from factaudit.report.fingerprint import VERSION_KEY, fingerprint, fingerprints
from factaudit.report.github import (
    annotation_lines,
    escape_data,
    escape_property,
    step_summary,
    write_step_summary,
)
from factaudit.report.sarif import artifact_uri, to_sarif_dict
from tests.audit_samples import RICH_DOCS, write_rich_project
from tests.helpers import audit_paths

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture
def rich(tmp_path, monkeypatch):
    write_rich_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def audit(root: Path):
    return audit_paths(root / "claims", root / "corpus")


def by_rule(result, rule):
    return [f for f in result.findings if f.rule == rule]


# ----------------------------------------------------------------------------- fingerprints

def test_fingerprints_survive_moved_lines_and_reruns(rich):
    before = audit(rich)
    prints_before = dict(zip([(f.rule, f.claim, f.document, f.found) for f in before.findings],
                             fingerprints(before.findings), strict=True))
    for name, text in RICH_DOCS.items():  # push every finding down and to the right
        (rich / "corpus" / name).write_text("\n\n\nA new first paragraph.\n\n  " + text)
    after = audit(rich)
    assert [f.line for f in after.findings if f.line] != [f.line for f in before.findings
                                                          if f.line]
    prints_after = dict(zip([(f.rule, f.claim, f.document, f.found) for f in after.findings],
                            fingerprints(after.findings), strict=True))
    assert prints_after == prints_before
    assert fingerprints(audit(rich).findings) == fingerprints(after.findings)


def test_fingerprint_tells_identical_findings_apart_in_text_order():
    f = Finding("term-variant", "variant", "warning", "m", claim="t", document="d", start=10,
                end=15, found="kerjasama")
    g = f.with_(start=50, end=55, line=9)
    assert fingerprints([g, f]) == [fingerprint(f, 1), fingerprint(f, 0)]
    assert len(set(fingerprints([f, g]))) == 2
    # a different value, document, claim or rule is a different finding
    others = [f.with_(found="kerja-sama"), f.with_(document="e"), f.with_(claim="u"),
              f.with_(rule="term-misspelling")]
    assert len({fingerprint(x) for x in [f, *others]}) == 5
    # whitespace inside the found value (a re-wrapped line) does not matter; offsets neither
    assert fingerprint(f.with_(found="Luar\nNegeri", start=3)) == fingerprint(
        f.with_(found="Luar Negeri", start=99))
    assert all(len(p) == 16 and int(p, 16) >= 0 for p in fingerprints([f, g]))


def test_json_findings_carry_the_fingerprint(rich, capsys):
    main(["check", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    prints = [f["fingerprint"] for f in data["findings"]]
    assert len(prints) == len(set(prints)) == len(data["findings"]) >= 5
    sarif = to_sarif_dict(audit(rich))
    assert prints == [r["partialFingerprints"][VERSION_KEY] for r in sarif["runs"][0]["results"]]


# ----------------------------------------------------------------------------- SARIF

def _validate_sarif(log: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_sarif_of_the_example_audit_validates(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = audit_paths()
    log = to_sarif_dict(result)
    _validate_sarif(log)
    assert len(log["runs"][0]["results"]) == len(result.findings)


def test_sarif_validation_catches_a_broken_log(rich):
    log = to_sarif_dict(audit(rich))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError, match="level"):
        _validate_sarif(log)


def test_sarif_results_point_at_rules_lines_and_fingerprints(rich):
    result = audit(rich)
    log = to_sarif_dict(result)
    _validate_sarif(log)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {f.rule for f in result.findings}
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["value-contradiction"] == "error" and levels["name-variant"] == "note"
    assert all(r["shortDescription"]["text"] for r in rules)
    texts = {name: (rich / "corpus" / name).read_text() for name in RICH_DOCS}
    for f, res in zip(result.findings, run["results"], strict=True):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == f.rule
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[
            f.severity]
        physical = res["locations"][0]["physicalLocation"]
        if f.document is None:  # corpus-wide: the claim's declaration
            assert physical["artifactLocation"]["uri"] == "claims/facts.yaml"
            assert physical["region"]["startLine"] == result.claims.origins[f.claim].line
            continue
        region = physical["region"]
        assert physical["artifactLocation"]["uri"] == f"corpus/{f.document}.txt"
        assert (region["startLine"], region["startColumn"]) == (f.line, f.column)
        line = texts[f"{f.document}.txt"].splitlines()[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == \
            region["snippet"]["text"] == f.found
        assert ("suppressions" in res) == bool(f.acknowledged)
    ack = next(r for r in run["results"] if "suppressions" in r)
    assert ack["suppressions"][0]["justification"] == "correction requested"
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_uris_are_percent_encoded_relative_references():
    assert artifact_uri("corpus/my file #1.txt") == "corpus/my%20file%20%231.txt"
    assert artifact_uri("/abs/x.txt") == "file:///abs/x.txt"


def test_cli_writes_sarif_and_keeps_exit_codes(rich, capsys):
    target = rich / "reports" / "factaudit.sarif"
    assert main(["check", "--format", "sarif", "--output", str(target)]) == 1
    log = json.loads(target.read_text())
    _validate_sarif(log)
    assert main(["check", "--format", "sarif", "--claims", "nowhere"]) == 2


# ----------------------------------------------------------------------------- GitHub

def test_github_annotations_one_per_finding_on_its_line(rich):
    result = audit(rich)
    lines = annotation_lines(result)
    assert len(lines) == len(result.findings)
    typo = next(line for line in lines if "name-typo" in line)
    assert typo.startswith("::error file=corpus/b.txt,line=1,col=49,endLine=1,endColumn=56,")
    assert "title=name-typo%3A retno-marsudi::" in typo
    assert "%0A> " in typo and "\n" not in typo  # the quote on a second line of the message
    acknowledged = next(line for line in lines if "correction requested" in line)
    assert acknowledged.startswith("::notice ")
    variant = next(line for line in lines if "name-variant" in line)
    assert variant.startswith("::notice file=corpus/b.txt,line=2,")
    wide = next(line for line in lines if "name-consistency" in line)
    assert wide.startswith("::warning file=claims/facts.yaml,line=")


def test_github_escaping_keeps_one_command_per_line():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c\nd") == "a%3Ab%2Cc%0Ad"


def test_github_step_summary_lists_every_finding(rich, capsys):
    summary_file = rich / "summary.md"
    summary_file.write_text("previous step\n")
    assert main(["check", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert out.count("\n::") + out.startswith("::") == len(audit(rich).findings)
    assert not summary_file.read_text().strip().endswith("|")  # not written without the var

    result = audit(rich)
    written = write_step_summary(result, {"GITHUB_STEP_SUMMARY": str(summary_file)})
    text = written.read_text()
    assert text.startswith("previous step\n## factaudit: failed")  # appended, not replaced
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == len(result.findings) + 1  # + the header row
    assert "Marsuid" in text and "correction requested" in text


def test_github_summary_escapes_markdown_and_html(rich):
    result = audit(rich)
    evil = result.findings[0].with_(message="a | b <script>x</script>")
    result.findings[0] = evil
    text = step_summary(result)
    assert "a \\| b &lt;script&gt;x&lt;/script&gt;" in text and "<script>" not in text


def test_cli_github_writes_step_summary_when_variable_is_set(rich, monkeypatch, capsys):
    summary_file = rich / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    assert main(["check", "--format", "github"]) == 1
    assert "## factaudit: failed" in summary_file.read_text()


# ----------------------------------------------------------------------------- ClaimReview

def test_claimreview_one_review_per_claim_and_refuting_source(rich, capsys):
    result = audit(rich)
    data = to_claimreview_dict(result, today=dt.date(2024, 5, 1), author="Desk")
    assert data["@context"] == "https://schema.org"
    reviews = data["@graph"]
    refuting = sorted({(f.claim, f.document) for f in result.findings if f.verdict == "refuted"})
    assert sorted(tuple(r["identifier"].split("/")) for r in reviews) == refuting == [
        ("strategic", "a"), ("strategic", "c")]
    a = next(r for r in reviews if r["identifier"] == "strategic/a")
    assert a["@type"] == "ClaimReview" and a["datePublished"] == "2024-05-01"
    assert a["author"] == {"@type": "Organization", "name": "Desk"}
    assert "since 1996" in a["claimReviewed"]
    assert a["reviewRating"]["alternateName"] == "False"
    assert a["reviewRating"]["worstRating"] <= a["reviewRating"]["ratingValue"] <= \
        a["reviewRating"]["bestRating"]
    appearance = a["itemReviewed"]["appearance"][0]
    assert appearance["url"] == "https://example.org/a"
    assert appearance["headline"] == "Source A" and appearance["datePublished"] == "2021-07-06"
    assert a["itemReviewed"]["@type"] == "Claim"
    c = next(r for r in reviews if r["identifier"] == "strategic/c")
    assert c["itemReviewed"]["appearance"][0]["url"] == "corpus/c.txt#L1"  # no url: the file
    assert "correction requested" in c["reviewBody"]

    assert main(["check", "--format", "claimreview", "--author", "Desk"]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert [r["identifier"] for r in printed["@graph"]] == [r["identifier"] for r in reviews]


# ----------------------------------------------------------------------------- JUnit XML

def test_junit_xml_carries_claim_ids_and_evidence(pytester):
    write_rich_project(pytester.path)
    claims = pytester.path / "claims" / "facts.yaml"
    claims.write_text(claims.read_text().replace(
        "  - name: Retno Marsudi\n", "  - name: Retno Marsudi\n    acknowledged:\n"
        "      - {source: b, reason: typo reported to b, until: 2999-01-01}\n"))
    junit = pytester.path / "junit.xml"
    result = pytester.runpytest(f"--junitxml={junit}", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1, xfailed=1)
    cases = {case.get("name"): case for case in ET.parse(junit).getroot().iter("testcase")}
    assert set(cases) == {"strategic", "retno-marsudi", "sergei-lavrov"}
    assert all(case.get("classname") == "claims.facts.yaml" for case in cases.values())
    failure = cases["strategic"].find("failure")
    assert failure is not None
    assert "strategic: 1 error finding(s) (1 more acknowledged)" in failure.get("message")
    assert "expected '2018', found '1996'" in failure.text
    assert "corpus/a.txt:1:52" in failure.text
    assert "> Russia has been a strategic partner of ASEAN since 1996." in failure.text
    skipped = cases["retno-marsudi"].find("skipped")
    assert skipped is not None and "typo reported to b" in skipped.get("message")
    props = {(p.get("name"), p.get("value")) for p in cases["strategic"].iter("property")}
    assert any(value.startswith(
        "error [refuted] corpus/a.txt:1:52 (value-contradiction): Russia became a strategic "
        "partner of ASEAN in 2018. — this source says '1996' (year 1996), expected 2018\n"
        "      > Russia has been a strategic partner of ASEAN since 1996.\n      how: the year of "
        "'since 1996'")
        for _, value in props)
    assert any(value.startswith("error [refuted] corpus/c.txt:1:43") and
               value.endswith("acknowledged: correction requested") for _, value in props)
    assert cases["sergei-lavrov"].find("failure") is None


# ----------------------------------------------------------------------------- rules not run

def test_every_output_says_which_optional_rules_did_not_run_and_how_to_run_them(rich):
    from factaudit.inputs.config import Config
    from factaudit.report.html.render import build_report as render_html
    from factaudit.report.text import to_text

    result = audit(rich)
    assert [r.id for r in result.rules_off] == ["spelling"]
    assert not any(r.id == "spelling" for r in result.rules)
    text = to_text(result)
    assert "not run: spelling (optional; `spelling = true` in [tool.factaudit.rules]" in text
    assert "Rules not run" in render_html(result) and "spelling = true" in render_html(result)
    on = audit_paths(rich / "claims", rich / "corpus", config=Config(rules={"spelling": True}))
    assert on.rules_off == [] and any(r.id == "spelling" for r in on.rules)
    assert "not run:" not in to_text(on) and "Rules not run" not in render_html(on)
