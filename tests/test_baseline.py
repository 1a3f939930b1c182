"""Baselines: record today's findings; later runs fail only on new ones."""

from __future__ import annotations

import json

from factaudit.authoring.baseline import DEFAULT_PATH, compare, entries_for, load
from factaudit.cli import main
from factaudit.model import Finding, InputError


def run(*args: str) -> int:
    return main(list(args))


def test_baseline_records_findings_by_fingerprint(project, capsys):
    assert run("baseline") == 0
    assert "baseline .factaudit/baseline.json written: 1 findings" in capsys.readouterr().out
    data = json.loads((project / DEFAULT_PATH).read_text())
    assert data["version"] == 1
    [entry] = data["entries"]
    assert {k: entry[k] for k in ("rule", "claim", "document", "found")} == {
        "rule": "value-contradiction", "claim": "strategic", "document": "a", "found": "1996"}
    assert len(entry["fingerprint"]) == 16


def test_baseline_file_is_deterministic(project, capsys):
    run("baseline")
    first = (project / DEFAULT_PATH).read_bytes()
    run("baseline")
    assert (project / DEFAULT_PATH).read_bytes() == first
    assert "(0 added, 0 dropped)" in capsys.readouterr().out


def test_check_with_baseline_passes_on_known_findings(project, capsys):
    assert run("check") == 1
    run("baseline")
    capsys.readouterr()
    assert run("check", "--baseline", str(DEFAULT_PATH)) == 0
    captured = capsys.readouterr()
    assert "[acknowledged: in baseline .factaudit/baseline.json]" in captured.out
    assert "1 known finding(s), 0 new" in captured.err


def test_only_new_findings_fail_and_json_says_which(project, capsys):
    run("baseline")
    (project / "corpus" / "c.txt").write_text("Russia became a strategic partner in 1999.\n")
    capsys.readouterr()
    assert run("check", "--baseline", str(DEFAULT_PATH), "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    by_doc = {f["document"]: f for f in data["findings"] if f["claim"] == "strategic"}
    assert by_doc["a"]["acknowledged"].startswith("in baseline")
    assert by_doc["c"]["acknowledged"] is None and by_doc["c"]["found"] == "1999"
    assert data["summary"]["errors"] == 1 and not data["summary"]["passed"]


def test_moving_a_finding_to_another_line_keeps_it_known(project):
    run("baseline")
    a = project / "corpus" / "a.txt"
    a.write_text("A new first paragraph.\n\nAnd another one.\n" + a.read_text())
    assert run("check", "--baseline", str(DEFAULT_PATH)) == 0


def test_entries_that_no_longer_occur_are_reported(project, capsys):
    run("baseline")
    (project / "corpus" / "a.txt").write_text("Russia is a strategic partner since 2018.\n")
    capsys.readouterr()
    assert run("check", "--baseline", str(DEFAULT_PATH)) == 0
    captured = capsys.readouterr()
    assert "value-contradiction strategic in a (found '1996') no longer occurs" in captured.out
    assert "1 entry no longer occurring" in captured.err


def test_acknowledged_errors_outside_the_baseline_still_need_allow_acknowledged(project):
    claims = project / "claims" / "facts.yaml"
    (project / ".factaudit").mkdir()
    (project / DEFAULT_PATH).write_text('{"version": 1, "entries": []}\n')
    claims.write_text(claims.read_text().replace(
        "      id: [mitra strategis]\n",
        "      id: [mitra strategis]\n    acknowledged:\n      - source: a\n"
        "        reason: correction requested\n        until: 2999-01-01\n"))
    assert run("check", "--baseline", str(DEFAULT_PATH)) == 1
    assert run("check", "--baseline", str(DEFAULT_PATH), "--allow-acknowledged") == 0


def test_a_broken_baseline_is_an_input_error(project, capsys):
    (project / "bl.json").write_text("{not json")
    assert run("check", "--baseline", "bl.json") == 2
    assert "bl.json:1: cannot read the baseline" in capsys.readouterr().err
    assert run("check", "--baseline", "missing.json") == 2
    assert "record one with `factaudit baseline`" in capsys.readouterr().err
    (project / "bl.json").write_text('{"version": 7, "entries": []}')
    assert run("check", "--baseline", "bl.json") == 2


def test_identical_findings_are_counted_not_merged(tmp_path):
    one = Finding("term-variant", "variant", "warning", "m", "t", "d", 10, 15, found="x")
    two = one.with_(start=40, end=45)
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"version": 1, "entries": entries_for([one])}))
    comparison = compare([one, two], load(path))
    assert comparison.known == [0] and comparison.new == [1] and comparison.gone == []


def test_load_reports_entries_without_fingerprint(tmp_path):
    path = tmp_path / "b.json"
    path.write_text('{"version": 1, "entries": [{"rule": "x"}]}')
    try:
        load(path)
    except InputError as exc:
        assert "entry 0 has no 'fingerprint'" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected an InputError")
