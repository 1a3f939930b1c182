"""The command line: exit codes, formats, errors without tracebacks, atomic output."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from factaudit.cli import main


def run(*args: str) -> int:
    return main(list(args))


def test_check_exits_1_on_error_findings_and_groups_text_by_claim(project, capsys):
    assert run("check") == 1
    out = capsys.readouterr().out
    assert out.index("strategic") < out.index("a  [refuted]")
    assert "corpus/a.txt:1:" in out and "expected 2018" in out
    assert "1 errors" in out


def test_check_exits_0_when_clean(project, capsys):
    (project / "corpus" / "a.txt").write_text("Russia is a strategic partner since 2018.\n")
    assert run("check") == 0


def test_acknowledged_errors_still_fail_check_unless_allowed(project, capsys):
    claims = project / "claims" / "facts.yaml"
    claims.write_text(claims.read_text().replace(
        "      id: [mitra strategis]\n",
        "      id: [mitra strategis]\n    acknowledged:\n      - source: a\n"
        "        reason: correction requested\n        until: 2999-01-01\n"))
    assert run("check") == 1
    assert "acknowledged: correction requested" in capsys.readouterr().out
    assert run("check", "--allow-acknowledged") == 0


def test_expired_acknowledgement_says_so(project, capsys):
    claims = project / "claims" / "facts.yaml"
    claims.write_text(claims.read_text().replace(
        "      id: [mitra strategis]\n",
        "      id: [mitra strategis]\n    acknowledged:\n      - source: a\n"
        "        reason: old\n        until: 2001-01-01\n"))
    assert run("check", "--allow-acknowledged") == 1
    assert "acknowledgement expired on 2001-01-01" in capsys.readouterr().out


def test_json_contract(project, capsys):
    assert run("check", "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    assert {"documents", "claims", "findings", "errors", "warnings", "info", "passed"} <= set(
        data["summary"])
    finding = data["findings"][0]
    for key in ("rule", "claim", "verdict", "severity", "document", "line", "column", "start",
                "end", "expected", "found", "quote", "message"):
        assert key in finding
    assert finding["verdict"] == "refuted" and finding["found"] == "1996"
    text = (project / "corpus" / "a.txt").read_text()
    assert text[finding["start"]:finding["end"]] == "1996"
    assert data["verdicts"]["strategic"] == {"a": "refuted", "b": "supported"}


def test_json_is_byte_identical_across_runs(project, capsys):
    run("check", "--format", "json")
    first = capsys.readouterr().out
    run("check", "--format", "json")
    assert capsys.readouterr().out == first


def test_output_file_is_written_atomically(project, capsys):
    target = project / "reports" / "out.json"
    assert run("check", "--format", "json", "--output", str(target)) == 1
    assert json.loads(target.read_text())["version"] == 1
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(("args", "needle"), [
    (("check", "--corpus", "nowhere"), "corpus folder does not exist"),
    (("check", "--claims", "nowhere"), "claims folder does not exist"),
])
def test_input_errors_exit_2_with_hint(project, capsys, args, needle):
    assert run(*args) == 2
    err = capsys.readouterr().err
    assert needle in err and "hint:" in err and "Traceback" not in err


def test_bad_claims_exit_2_with_file_and_line(project, capsys):
    (project / "claims" / "facts.yaml").write_text("claims:\n  - id: x\n    typo_key: 1\n")
    assert run("check") == 2
    err = capsys.readouterr().err
    assert "facts.yaml:3" in err and "unknown key 'typo_key'" in err


def test_unknown_rule_in_configuration(project, capsys):
    (project / "pyproject.toml").write_text('[tool.factaudit.rules]\nname-typos = false\n')
    assert run("check") == 2
    assert "did you mean 'name-typo'" in capsys.readouterr().err


def test_rules_can_be_turned_off_and_severity_overridden(project, capsys):
    (project / "pyproject.toml").write_text(
        '[tool.factaudit.rules]\nvalue-contradiction = "warning"\nname-typo = false\n')
    assert run("check") == 0  # the contradiction is now a warning
    assert "W value-contradiction" in capsys.readouterr().out
    run("rules")
    listing = capsys.readouterr().out
    assert "name-typo" in listing and "off" in listing.split("name-typo")[1].split("\n")[0]


def test_rules_lists_every_rule_with_description(capsys):
    assert run("rules") == 0
    out = capsys.readouterr().out
    for rule_id in ("value-contradiction", "cross-source-disagreement", "name-typo",
                    "term-variant", "term-misspelling"):
        assert rule_id in out


def test_schema_prints_json_schema(capsys):
    assert run("schema") == 0
    assert json.loads(capsys.readouterr().out)["title"] == "factaudit claims file"


def test_python_dash_m_and_no_command(project):
    done = subprocess.run([sys.executable, "-m", "factaudit"], capture_output=True, text=True)
    assert done.returncode == 2 and "usage:" in done.stdout
    done = subprocess.run([sys.executable, "-m", "factaudit", "check", "--format", "json"],
                          capture_output=True, text=True)
    assert done.returncode == 1 and json.loads(done.stdout)["version"] == 1


def test_the_version_is_the_package_version():
    from importlib.metadata import version
    from pathlib import Path

    import factaudit

    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert factaudit.__version__ == project["project"]["version"] == version("factaudit")


def test_an_unknown_format_is_a_usage_error(capsys):
    from factaudit.cli import main

    with pytest.raises(SystemExit) as stop:  # argparse's usage error
        main(["check", "--format", "nonsense"])
    assert stop.value.code == 2
    assert "invalid choice: 'nonsense'" in capsys.readouterr().err
