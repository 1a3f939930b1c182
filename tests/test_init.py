"""`factaudit init`: a new project that audits, tests and validates out of the box."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from factaudit.authoring.init_project import FILES, SCHEMA_PATH, init_project
from factaudit.cli import main
from factaudit.inputs.claims import json_schema, load_claims
from factaudit.model import InputError


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A project made by `factaudit init`, as the working directory."""
    target = tmp_path / "audit"
    assert main(["init", str(target)]) == 0
    monkeypatch.chdir(target)
    return target


def test_init_writes_the_project(tmp_path, capsys):
    assert main(["init", str(tmp_path / "new")]) == 0
    out = capsys.readouterr().out
    for dest in [*FILES.values(), str(SCHEMA_PATH), "reports/.gitkeep"]:
        assert (tmp_path / "new" / dest).is_file(), dest
        assert f"  created     {dest}\n" in out
    assert "factaudit: project ready" in out


def test_the_modeline_points_at_the_schema_the_project_has(fresh):
    first = (fresh / "claims" / "example.yaml").read_text().splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (fresh / "claims" / first.split("$schema=", 1)[1]).resolve()
    assert target == (fresh / SCHEMA_PATH).resolve()
    assert json.loads(target.read_text()) == json_schema()


def test_the_sample_claims_are_valid_against_the_schema(fresh):
    import jsonschema

    data = yaml.safe_load((fresh / "claims" / "example.yaml").read_text())
    jsonschema.validate(data, json.loads((fresh / SCHEMA_PATH).read_text()))
    assert load_claims(fresh / "claims").claims


def test_check_passes_in_a_fresh_project(fresh, capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "3 documents, 2 claims, 1 entities, 1 terms" in out
    assert "0 errors, 1 warnings" in out  # the sample shows what a finding looks like


def test_pytest_collects_the_claims_of_a_fresh_project(fresh):
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                          cwd=fresh, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "4 passed" in proc.stdout


def test_every_authoring_command_works_in_a_fresh_project(fresh, capsys):
    assert main(["explain", "library-opening-date"]) == 0
    assert "attributed to cue" in capsys.readouterr().out
    assert main(["suggest"]) == 0
    stubs = capsys.readouterr().out
    from factaudit.inputs.claims import claimset_from_text

    assert claimset_from_text(stubs).claims  # the reading room recurs in two sources
    assert main(["baseline"]) == 0
    assert (fresh / ".factaudit" / "baseline.json").is_file()
    assert main(["check", "--baseline", ".factaudit/baseline.json"]) == 0
    capsys.readouterr()
    assert main(["mutate", "--min-score", "0.8"]) == 0
    out = capsys.readouterr().out
    assert "mutation score: " in out and "(minimum 80%: ok)" in out


def test_the_ci_example_runs_the_tests_and_the_audit(fresh):
    workflow = yaml.safe_load((fresh / ".github" / "workflows" / "factaudit.yml").read_text())
    steps = [s.get("run", "") for s in workflow["jobs"]["audit"]["steps"]]
    assert "python -m pytest" in steps
    assert any(s.startswith("factaudit check") for s in steps)
    assert any("factaudit mutate --min-score" in s for s in steps)


def test_existing_files_are_kept_unless_forced(tmp_path):
    claims = tmp_path / "claims" / "example.yaml"
    claims.parent.mkdir()
    claims.write_text("claims: []\n")
    written = {w.path.name: w.action for w in init_project(tmp_path)}
    assert written["example.yaml"] == "kept" and written["sources.yaml"] == "created"
    assert claims.read_text() == "claims: []\n"
    written = {w.path.name: w.action for w in init_project(tmp_path, force=True)}
    assert written["example.yaml"] == "overwritten"
    assert "library-opening-date" in claims.read_text()


def test_init_adopts_a_folder_of_documents_without_samples(tmp_path, capsys, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, outlet in (("a.txt", "the ministry said"), ("b.txt", "officials said")):
        (corpus / name).write_text(f"---\nlanguage: en\n---\nThe Kali Biru bridge opened in "
                                   f"2019, {outlet}.\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    assert main(["init", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "adopted" in out and "factaudit suggest" in out
    # the documents are untouched, and no sample joins them or the claims
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before
    assert sorted(p.name for p in (tmp_path / "claims").iterdir()) == ["claims.yaml"]
    assert load_claims(tmp_path / "claims").claims == []
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    assert main(["suggest", "--output", "suggested.yaml"]) == 0
    stubs = yaml.safe_load((tmp_path / "suggested.yaml").read_text(encoding="utf-8"))
    assert [c["id"] for c in stubs["claims"]] == ["bridge-opened-year"]


def test_init_still_refuses_a_folder_with_claims_of_its_own(tmp_path):
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "mine.yaml").write_text("claims: []\n", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("text\n", encoding="utf-8")
    with pytest.raises(InputError, match="already holds an audit project"):
        init_project(tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.txt", "claims", "corpus",
                                                           "mine.yaml"]
