"""Where users run factaudit: the GitHub Action (action.yml) and the pre-commit hook
(.pre-commit-hooks.yaml), each run the way its host runs it.

The action's steps run as a script, in order, with the runner's files (GITHUB_OUTPUT,
GITHUB_STEP_SUMMARY) and the `${{ … }}` expressions of their `env` filled in as the runner
fills them; `actions/setup-python` is the test's Python, `actions/upload-artifact` a copy.
The hook runs through `pre-commit try-repo` on a local clone of this repository. Both
install factaudit from a copy of the sources with pip, in a fresh environment that sees the
test environment's packages (so nothing but the build backend is fetched, from PyPI).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from tests.audit_samples import write_rich_project

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "action.yml", ".pre-commit-hooks.yaml", "src", "checks")
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def _copy_sources(target: Path) -> Path:
    """This repository's installable files (what a checkout of the action holds)."""
    target.mkdir(parents=True)
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns(
                "__pycache__", "*.egg-info", "*.pyc"))
        else:
            shutil.copy2(source, target / name)
    return target


def _environment(tmp_path: Path) -> dict[str, str]:
    """A fresh environment for installing: the test environment's packages visible, so pip
    installs only factaudit itself."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GITHUB_", "PYTHON", "VIRTUAL_ENV", "FACTAUDIT_"))}
    env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["CI"] = "true"
    return env


def _venv(tmp_path: Path, env: dict[str, str]) -> Path:
    folder = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, env=env)
    return folder / "bin"


def _project(root: Path) -> Path:
    write_rich_project(root)
    (root / "pyproject.toml").write_text('[tool.factaudit]\nlanguages = ["en", "id"]\n')
    return root


# ----------------------------------------------------------------------------- the action


def test_action_passes_inputs_as_environment_never_into_scripts():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], step["name"]  # no script injection
            assert step["shell"] == "bash"
    names = [s.get("uses", "").split("@")[0] for s in action["runs"]["steps"]]
    assert "actions/upload-artifact" in names and "actions/setup-python" in names
    assert any("--format github" in s.get("run", "") for s in action["runs"]["steps"])


def _evaluate(expression: str, inputs: dict[str, str], github: dict[str, str],
              outputs: dict[str, dict[str, str]]) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1)
        if name.startswith("inputs."):
            return inputs[name[len("inputs."):]]
        if name.startswith("github."):
            return github[name[len("github."):]]
        m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", name)
        if m:
            return outputs.get(m.group(1), {}).get(m.group(2), "")
        raise AssertionError(f"expression the test does not know: {name}")
    return EXPRESSION.sub(value, expression)


def _condition(expression: str | None, outputs: dict[str, dict[str, str]]) -> bool:
    """The `if:` of a step: always() with an output that must be set."""
    if not expression:
        return True
    m = re.search(r"steps\.([\w-]+)\.outputs\.([\w-]+) != ''", expression)
    return bool(m is None or outputs.get(m.group(1), {}).get(m.group(2)))


def run_action(tmp_path: Path, given: dict[str, str]) -> dict[str, object]:
    """Run action.yml's steps as the runner does; returns what the job produced."""
    action_path = _copy_sources(tmp_path / "action")
    action = yaml.safe_load((action_path / "action.yml").read_text())
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()} | given
    workspace = _project(tmp_path / "workspace")
    env = _environment(tmp_path)
    bin_dir = _venv(tmp_path, env)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env["GITHUB_WORKSPACE"] = str(workspace)
    summary, artifacts = tmp_path / "summary.md", tmp_path / "artifacts"
    env["GITHUB_STEP_SUMMARY"] = str(summary)
    github = {"action_path": str(action_path), "workspace": str(workspace)}
    outputs: dict[str, dict[str, str]] = {}
    log, status = [], 0
    for step in action["runs"]["steps"]:
        if not _condition(step.get("if"), outputs):
            continue
        uses = step.get("uses", "").split("@")[0]
        if uses == "actions/setup-python":
            continue  # the venv's python is first on PATH
        if uses == "actions/upload-artifact":
            path = workspace / _evaluate(step["with"]["path"], inputs, github, outputs)
            name = _evaluate(step["with"]["name"], inputs, github, outputs)
            (artifacts / name).mkdir(parents=True)
            shutil.copy2(path, artifacts / name / path.name)
            continue
        output_file = tmp_path / f"output-{len(log)}"
        output_file.touch()
        step_env = env | {k: _evaluate(str(v), inputs, github, outputs)
                          for k, v in step.get("env", {}).items()}
        step_env["GITHUB_OUTPUT"] = str(output_file)
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                               step["run"]], cwd=workspace, env=step_env, capture_output=True,
                              text=True, timeout=600)
        log.append((step["name"], done.returncode, done.stdout, done.stderr))
        if "id" in step:
            outputs[step["id"]] = dict(line.split("=", 1) for line in
                                       output_file.read_text().splitlines() if "=" in line)
        if done.returncode != 0:
            status = done.returncode
            break
    return {"status": status, "log": log, "summary": summary, "artifacts": artifacts,
            "outputs": outputs}


def test_the_action_annotates_summarises_uploads_the_report_and_fails_on_an_error(tmp_path):
    job = run_action(tmp_path, {})
    log = {name: (code, out, err) for name, code, out, err in job["log"]}
    assert log["Install factaudit"][0] == 0, log["Install factaudit"][2][-2000:]
    assert "factaudit 0." in log["Install factaudit"][1]
    assert log["Write the HTML report"][0] == 0, log["Write the HTML report"][2]
    report = job["artifacts"] / "factaudit-report" / "discrepancies.html"
    assert report.is_file() and report.read_text().startswith("<!DOCTYPE html>")
    assert job["outputs"]["report"]["path"] == "reports/discrepancies.html"
    code, out, _ = log["Check (annotations and the step summary)"]
    assert code == 1 and job["status"] == 1  # the open error fails the job
    assert re.search(r"^::error file=corpus/a\.txt,line=1,col=\d+", out, re.M)
    assert "::error file=corpus/b.txt" in out
    assert "(acknowledged)" in out  # an acknowledged error is a notice, not a failure
    summary = job["summary"].read_text()
    assert "| severity |" in summary.lower() or "|" in summary
    assert "strategic" in summary


# ----------------------------------------------------------------------------- pre-commit


def _git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def test_the_pre_commit_hook_audits_the_changed_documents(tmp_path):
    pytest.importorskip("pre_commit")
    env = _environment(tmp_path) | {
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    clone = _copy_sources(tmp_path / "factaudit")  # a local clone of the working tree
    _git(clone, "init", "-q", env=env)
    _git(clone, "add", "-A", env=env)
    _git(clone, "commit", "-q", "-m", "factaudit", env=env)
    project = _project(tmp_path / "audit")
    _git(project, "init", "-q", env=env)
    _git(project, "add", "-A", env=env)
    _git(project, "commit", "-q", "-m", "corpus", env=env)

    def hook(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(clone),
                               "factaudit", "--files", *files], cwd=project, env=env,
                              capture_output=True, text=True, timeout=900)

    failing = hook("corpus/a.txt")  # refuted: an open error in this document
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "factaudit (audit the changed documents against the claims)" in failing.stdout
    assert "Failed" in failing.stdout and "corpus/a.txt:1:" in failing.stdout
    assert "corpus/b.txt" not in failing.stdout  # another document's findings stay out
    fine = hook("corpus/c.txt")  # its error is acknowledged
    assert fine.returncode == 0, fine.stdout + fine.stderr
    unrelated = hook("pyproject.toml", "corpus/c.txt")  # settings changed: every document
    assert unrelated.returncode == 1 and "corpus/b.txt" in unrelated.stdout
    (project / "notes.txt").write_text("not a document\n")
    nothing = hook("notes.txt")
    assert nothing.returncode == 0, nothing.stdout + nothing.stderr
