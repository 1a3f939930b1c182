"""Hostile input: what factaudit never trusts, and what a careless user cannot destroy.

Each test backs a row of docs/bad-input.md (section "Security and hostile input") and
docs/security.md. Runs go through ``factaudit.cli.main`` as a user's would; a crash
(exit 3) or a traceback fails the test.
"""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import stat
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factaudit.cli import main
from factaudit.engine import plain
from tests.test_bad_input import CLAIMS, GOOD_DOC, Run, write

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    """``cli(*args)`` runs ``factaudit *args`` in a fresh project (claims/, corpus/)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTAUDIT_CACHE_DIR", str(tmp_path / ".cache"))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    write(tmp_path, "claims/facts.yaml", CLAIMS)
    write(tmp_path, "corpus/good.txt", GOOD_DOC)

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        assert code != 3 and "Traceback" not in err, f"internal error:\n{err}"
        return Run(code, out, err)

    run.root = tmp_path
    return run


def cache_file(root: Path) -> Path:
    return root / ".cache" / "documents-v2.sqlite3"


# ===================================================================== the cache


class Boom:
    """Unpickling this creates a marker file: proof that a pickle was loaded."""

    def __reduce__(self):
        return (Path.touch, (Path(os.environ["MARKER"]),))


def test_a_planted_pickle_cache_is_never_unpickled(cli, monkeypatch):
    marker = cli.root / "pwned"
    monkeypatch.setenv("MARKER", str(marker))
    first = cli("check", "--format", "json")
    payload = pickle.dumps(Boom())
    assert not marker.exists()
    # the old pickle cache of earlier versions, and every row of today's replaced by it
    (cli.root / ".cache" / "documents-v1.sqlite3").write_bytes(b"")
    old = sqlite3.connect(cli.root / ".cache" / "documents-v1.sqlite3")
    old.execute("CREATE TABLE results (key TEXT PRIMARY KEY, value BLOB)")
    old.execute("INSERT INTO results VALUES ('x', ?)", (payload,))
    old.commit()
    old.close()
    db = sqlite3.connect(cache_file(cli.root))
    db.execute("UPDATE results SET value = ?", (payload,))
    db.execute("UPDATE runs SET value = ?", (payload,))
    db.commit()
    db.close()
    second = cli("check", "--format", "json")
    assert not marker.exists()
    data, expected = second.json(), first.json()
    assert data["findings"] == expected["findings"]
    assert any("could not be read" in w for w in data["warnings"])  # one warning, not silent


@pytest.mark.parametrize("planted", [
    "CREATE TRIGGER t AFTER INSERT ON results BEGIN DELETE FROM files; END",
    "CREATE VIEW v AS SELECT * FROM results",
    "CREATE TABLE extra (x)",
])
def test_a_cache_with_foreign_schema_objects_is_set_aside(cli, planted):
    expected = cli("check", "--format", "json").json()
    db = sqlite3.connect(cache_file(cli.root))
    db.execute(planted)
    db.commit()
    db.close()
    data = cli("check", "--format", "json").json()
    warnings = data.pop("warnings")
    assert len(warnings) == 1 and "which factaudit never creates" in warnings[0]
    assert data == {k: v for k, v in expected.items() if k != "warnings"}
    rejected = cache_file(cli.root).with_name("documents-v2.sqlite3.rejected")
    assert rejected.exists()  # kept as evidence, never used again
    schema = sqlite3.connect(cache_file(cli.root)).execute(
        "SELECT type, name FROM sqlite_master").fetchall()
    assert {name for _, name in schema} == {"results", "files", "runs",
                                           "sqlite_autoindex_results_1",
                                           "sqlite_autoindex_files_1",
                                           "sqlite_autoindex_runs_1"}
    assert cli("check", "--format", "json").json()["warnings"] == []  # fresh from now on


def test_stored_values_of_the_wrong_shape_are_misses(cli):
    expected = cli("check", "--format", "json").json()
    db = sqlite3.connect(cache_file(cli.root))
    rows = db.execute("SELECT key, value FROM results").fetchall()
    for key, value in rows:  # same tags, wrong types: a list where text belongs
        bad = value.replace(b'"good"', b'["good"]')
        assert bad != value
        db.execute("UPDATE results SET value = ? WHERE key = ?", (bad, key))
    db.execute("DELETE FROM runs")
    db.commit()
    db.close()
    data = cli("check", "--format", "json").json()
    assert data["findings"] == expected["findings"]
    assert len(data["warnings"]) == 1 and "could not be read" in data["warnings"][0]


# (JSON's numbers: 64-bit integers, finite floats; values read from text are stored as text)
_INT = st.integers(min_value=-(2**63), max_value=2**63 - 1)
_SCALAR = st.none() | st.booleans() | _INT | st.floats(allow_nan=False, allow_infinity=False) \
    | st.text()
_STORED = st.recursive(_SCALAR, lambda inner: (
    st.lists(inner, max_size=4) | st.lists(inner, max_size=4).map(tuple)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    | st.frozensets(_INT, max_size=4)), max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(_STORED)
def test_plain_data_comes_back_as_it_was_stored(value):
    back = plain.loads(plain.dumps(value))
    assert back == value and type(back) is type(value)


def test_plain_stores_a_dataclass_and_an_enum_member_as_read_back():
    from factaudit.model import Finding, Severity

    finding = Finding(rule="r", verdict="refuted", severity=Severity.ERROR, message="m",
                      start=3, line=2)
    back = plain.loads(plain.dumps((finding, [finding])), tuple[Finding, list[Finding]])
    assert back == (finding, [finding]) and back[0].severity is Severity.ERROR


def test_plain_reads_only_registered_types_with_checked_fields():
    from factaudit.model import Finding

    finding = Finding(rule="r", verdict="refuted", severity="error", message="m", start=3)
    assert plain.loads(plain.dumps([finding]), list[Finding]) == [finding]
    with pytest.raises(plain.ShapeError):  # an unknown type name
        plain.loads(b'{"$": "os.system", "v": ["true"]}')
    with pytest.raises(plain.ShapeError):  # a field of the wrong type
        plain.loads(plain.dumps(finding).replace(b"3", b'"3"'), Finding)
    with pytest.raises(plain.ShapeError):  # a field missing
        plain.loads(b'{"$": "Finding", "v": ["r"]}', Finding)
    with pytest.raises(plain.ShapeError):
        plain.loads(b"[" * 100_000 + b"]" * 100_000)


# ===================================================================== paths from documents


def test_front_matter_language_is_never_a_path(cli):
    secrets = cli.root.parent / f"{cli.root.name}-secrets.yaml"
    secrets.write_text("password: hunter2\n", encoding="utf-8")
    relative = os.path.relpath(secrets.with_suffix(""), cli.root / "claims" / "languages")
    (cli.root / "claims" / "languages").mkdir()
    write(cli.root, "corpus/evil.txt", f"---\nid: evil\nlanguage: {relative}\n---\ntext\n")
    result = cli("check")
    assert result.code == 2
    assert "corpus/evil.txt:3: language" in result.err
    assert "is not one of this project's languages (en, id)" in result.err
    assert "hunter2" not in result.err + result.out


def test_a_manifest_language_is_checked_too(cli):
    write(cli.root, "corpus/sources.yaml",
          "documents:\n  - {path: good.txt, language: ../../etc/x}\n")
    result = cli("check")
    assert result.code == 2 and "sources.yaml:2" in result.err
    assert "is not one of this project's languages" in result.err


def test_a_language_code_in_capitals_is_read(cli):
    write(cli.root, "corpus/good.txt", GOOD_DOC.replace("language: en", "language: EN"))
    data = cli("check", "--format", "json").json()
    assert data["documents"][0]["language"] == "en"
    assert data["summary"]["errors"] == 1  # 7 July against 6 July: the claim still reads it


def test_get_pack_refuses_anything_but_a_code():
    from factaudit.model import InputError
    from factaudit.reading.languages import get_pack

    for code in ("../x", "en/../../y", "EN", "", "english"):
        with pytest.raises(InputError):
            get_pack(code)


def test_a_language_pack_alias_bomb_is_refused_quickly(cli):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        lines.append(f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} [{', '.join(['*' + prev] * 10)}]")
    lines.append("stopwords: *i")
    write(cli.root, "claims/languages/en.yaml", "\n".join(lines) + "\n")
    started = time.perf_counter()
    result = cli("check")
    assert time.perf_counter() - started < 20
    assert result.code == 2 and "claims/languages/en.yaml" in result.err
    assert len(result.err) < 2000


@pytest.mark.parametrize("pack, where, what", [
    ("- just\n- a list\n", ":1:", "must be a mapping"),
    ("numbers: {satu: one}\n", ":1:", "numbers maps 'satu' to 'one'"),
    ("stopwords: [the, 12]\n", ":1:", "stopwords holds '12', not a word"),
    ("name: X\nsurprise: 1\n", ":2:", "unknown key 'surprise'"),
    ("stopword: [the]\n", ":1:", "did you mean stopwords"),
    ("period_between: [[between]]\n", ":1:", "not a pair of words"),
])
def test_malformed_language_packs_are_errors_at_their_line(cli, pack, where, what):
    write(cli.root, "claims/languages/en.yaml", pack)
    result = cli("check")
    assert result.code == 2, result
    assert f"claims/languages/en.yaml{where}" in result.err and what in result.err
    assert len(result.err) < 1000  # a hint names close keys, not all of them


# ===================================================================== outputs and CI logs


HOSTILE_ID = "x\n::error file=a,line=1::pwned\n::stop-commands::tok\x1b]0;title\x07"


def _no_command_lines(text: str) -> None:
    for line in text.split("\n"):
        assert not line.lstrip().startswith("::"), line
        assert "##[" not in line and "\x1b]" not in line and "\r" not in line, line


def test_document_ids_and_file_names_cannot_inject_workflow_commands(cli):
    write(cli.root, "corpus/sources.yaml",
          f"documents:\n  - {{path: good.txt, id: {json.dumps(HOSTILE_ID)}}}\n")
    text = cli("check")
    assert text.code == 1
    _no_command_lines(text.out)
    _no_command_lines(text.err)
    github = cli("check", "--format", "github")
    lines = github.out.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 1  # ours, one per finding
    assert not any(line.startswith(("::stop-commands", "::error file=a")) for line in lines)


def test_a_file_name_with_a_newline_is_shown_escaped(cli):
    name = "::warning::x\n::error::y.txt"
    (cli.root / "corpus" / name).write_text("The ministers met on 8 July 2021.\n")
    result = cli("check")
    _no_command_lines(result.out)
    assert "\\n" in result.out  # the name is there, escaped


def test_explain_suggest_and_mutate_escape_document_text(cli):
    write(cli.root, "corpus/sources.yaml",
          f"documents:\n  - {{path: good.txt, id: {json.dumps(HOSTILE_ID)}}}\n"
          "  - {path: other.txt, id: other}\n")
    write(cli.root, "corpus/other.txt",
          "---\nlanguage: en\n---\nThe ministers met on 8 July 2021 \x1b[2J\x1b]0;t\x07.\n")
    for args in (["explain", "meeting-date"], ["suggest", "--min-sources", "1"],
                 ["mutate", "--limit", "3"]):
        result = cli(*args)
        assert result.code in (0, 1), result
        _no_command_lines(result.out)
        assert "\x1b" not in result.out, args


def test_one_line_and_guard():
    from factaudit.model import guard, one_line

    assert one_line("a\nb\r\tc\u2028d") == "a\\nb\\r\\tc\\u2028d"
    assert one_line("  ::error::x").lstrip().startswith("\\x3a")
    assert "##[" not in one_line("see ##[set-env name=x]y")
    # factaudit's own colour codes survive a guard; a document's escapes do not
    assert guard("\x1b[31mE\x1b[0m \x1b]0;t\x07") == "\x1b[31mE\x1b[0m \\x1b]0;t\\x07"


# ===================================================================== outputs over inputs


@pytest.mark.parametrize("target", ["claims/facts.yaml", "claims/new.yaml", "corpus/good.txt",
                                    "corpus/sources.yaml", "pyproject.toml",
                                    "claims/languages/en.yaml"])
@pytest.mark.parametrize("command", [["check"], ["report"], ["baseline"], ["schema"],
                                     ["suggest"], ["explain", "meeting-date"],
                                     ["mutate", "--limit", "1"]])
def test_no_command_writes_over_its_inputs(cli, command, target):
    write(cli.root, "pyproject.toml", "[tool.factaudit]\nclaims = \"claims\"\n")
    path = cli.root / target
    before = path.read_bytes() if path.exists() else None
    result = cli(*command, "--output", target)
    assert result.code == 2, result
    assert "refusing to write the output" in result.err
    assert (path.read_bytes() if path.exists() else None) == before


def test_check_does_not_write_over_the_baseline_it_reads(cli):
    assert cli("baseline", "--output", "known.json").code == 0
    before = (cli.root / "known.json").read_bytes()
    result = cli("check", "--baseline", "known.json", "--output", "known.json")
    assert result.code == 2 and (cli.root / "known.json").read_bytes() == before


def test_output_to_a_device_writes_in_place():
    from factaudit.report.atomic import write_output

    write_output("/dev/null", "report\n")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_to_a_fifo_writes_in_place(tmp_path):
    from factaudit.report.atomic import write_output

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, "through the pipe\n")
    reader.join(10)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a FIFO, not a regular file


def test_output_through_a_link_keeps_the_link(tmp_path):
    from factaudit.report.atomic import write_output

    target = tmp_path / "reports" / "real.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    write_output(link, "new")
    assert link.is_symlink() and target.read_text() == "new"


def test_dash_means_standard_output(cli):
    result = cli("check", "--format", "json", "--output", "-")
    assert result.json()["summary"]["documents"] == 1
    assert not (cli.root / "-").exists()


def test_init_refuses_an_existing_project(cli):
    before = sorted(p.relative_to(cli.root) for p in cli.root.rglob("*"))
    result = cli("init", ".")
    assert result.code == 2 and "already holds an audit project" in result.err
    assert "claims/facts.yaml" in result.err
    assert sorted(p.relative_to(cli.root) for p in cli.root.rglob("*")) == before
    assert cli("init", "fresh").code == 0  # a new folder beside it is fine
    assert cli("init", "fresh", "--force").code == 0  # and again, over its own samples


# ===================================================================== time on any text


def _grows_linearly(cli, unit: str, repeats: tuple[int, int], codes: tuple[int, ...]) -> None:
    """Audit a document of ``unit`` repeated, at two sizes: 4× the text, far from 16× the
    time (a quadratic step would show)."""
    times = []
    for repeat in repeats:
        write(cli.root, "corpus/good.txt", "---\nlanguage: en\n---\n" + unit * repeat)
        started = time.perf_counter()
        assert cli("check", "--no-cache", "--format", "json").code in codes
        times.append(time.perf_counter() - started)
    assert times[1] < 6 * times[0] + 1.0, times


def test_one_long_sentence_with_many_cues_is_linear(cli):
    write(cli.root, "claims/facts.yaml", """
        claims:
          - {id: partner, statement: x, type: year, expected: 2018,
             cues: {en: [strategic partner]}}
    """)
    unit = "Russia has been a strategic partner of the bloc since 1996 and "
    _grows_linearly(cli, unit, (250, 1000), (1,))


def test_one_long_sentence_of_sayings_conditions_and_negations_is_linear(cli):
    # the speech-verb, condition and negation checks look a few matches around each value
    write(cli.root, "claims/facts.yaml", """
        claims:
          - {id: partner, statement: x, type: date, expected: 2018-05-03,
             cues: {en: [strategic partner]}}
    """)
    unit = ("if not a strategic partner since 3 May 1996, officials said on 4 May 2019, "
            "and ")
    _grows_linearly(cli, unit, (250, 1000), (0, 1))


def test_one_long_list_of_counts_is_linear(cli):
    # every count of a list asks for its list: the lists are found once a sentence
    write(cli.root, "claims/facts.yaml", """
        claims:
          - {id: aboard, statement: x, type: quantity, expected: 189,
             unit_words: {en: [passengers]}, cues: {en: [carrying]}}
    """)
    unit = "carrying 181 passengers, 8 crew, "
    _grows_linearly(cli, unit, (250, 1000), (0, 1))


def test_one_long_sentence_of_ranks_and_editions_is_linear(cli):
    # each ordinal looks for a cue by it and a name by it through sorted cue indexes
    write(cli.root, "claims/facts.yaml", """
        claims:
          - {id: rank, statement: x, type: ordinal, expected: 4, cues: {en: [ranked]}}
    """)
    _grows_linearly(cli, "ranked 4th at the 17th Asian Games and ", (250, 1000), (0, 1))


def test_one_long_line_with_many_weekdays_is_linear(cli):
    unit = "The ministers met on Wednesday, 6 July 2021, as planned. "
    _grows_linearly(cli, unit, (2000, 8000), (1,))


def _fifo_run(cli, relative: str) -> Run:
    path = cli.root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    os.mkfifo(path)
    started = time.perf_counter()
    result = cli("check")
    assert time.perf_counter() - started < 30  # never blocks on the pipe
    return result


def test_a_fifo_as_claims_file_is_an_error_not_a_hang(cli):
    result = _fifo_run(cli, "claims/x.yaml")
    assert result.code == 2 and "claims/x.yaml" in result.err and "FIFO" in result.err


def test_a_claims_file_linked_to_a_device_is_an_error(cli):
    (cli.root / "claims" / "zero.yaml").symlink_to("/dev/zero")
    result = cli("check")
    assert result.code == 2 and "character device" in result.err


def test_a_fifo_in_the_corpus_is_skipped(cli):
    result = _fifo_run(cli, "corpus/pipe.txt")
    assert result.code == 1 and "pipe.txt" not in result.out.split("warning")[0]


def test_a_fifo_as_pyproject_is_an_error(cli):
    result = _fifo_run(cli, "pyproject.toml")
    assert result.code == 2 and "pyproject.toml" in result.err


# ===================================================================== crashes that are errors


def test_a_huge_number_next_to_a_cue_or_as_expected_value(cli):
    write(cli.root, "claims/facts.yaml", """
        claims:
          - {id: pillars, statement: x, type: quantity, expected: 120, cues: {en: [pillars]}}
          - {id: year, statement: x, type: year, expected: 2018, cues: {en: [opened]}}
    """)
    write(cli.root, "corpus/good.txt",
          f"---\nlanguage: en\n---\nThe bridge has {'9' * 400} pillars and opened in "
          f"{'9' * 5000}th place.\n")
    assert cli("check").code in (0, 1)
    assert cli("suggest", "--min-sources", "1").code == 0
    write(cli.root, "claims/facts.yaml", f"""
        claims:
          - {{id: pillars, statement: x, type: quantity, expected: {'9' * 400},
             cues: {{en: [pillars]}}}}
    """)
    result = cli("check")
    assert result.code == 2 and "a quantity is a finite number" in result.err
    assert len(result.err) < 600


def test_pytest_items_survive_a_huge_number(pytester):
    pytester.makefile(".yaml", **{"claims/facts": (
        "claims:\n  - {id: pillars, statement: x, type: quantity, expected: 120,\n"
        "     cues: {en: [pillars]}}\n")})
    pytester.makefile(".txt", **{"corpus/a": f"The bridge has {'9' * 400} pillars.\n"})
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_symlink_loops_in_the_corpus_and_the_manifest(cli):
    loop = cli.root / "corpus" / "loop.txt"
    loop.symlink_to(loop)
    result = cli("check")
    assert result.code == 1 and "loop.txt: skipped" in result.out
    write(cli.root, "corpus/sources.yaml", "documents:\n  - {path: loop.txt}\n")
    result = cli("check")
    assert result.code == 2 and "sources.yaml:2" in result.err and "loop" in result.err


@pytest.mark.parametrize("published, text", [("0001-01-01", "It happened yesterday."),
                                             ("9999-12-31", "Rapat digelar besok, Senin lalu.")])
def test_publication_dates_at_the_ends_of_the_calendar(cli, published, text):
    write(cli.root, "corpus/edge.txt", f"---\npublished: {published}\n---\n{text}\n")
    assert cli("check").code == 1


def _unreadable(monkeypatch, path: Path) -> None:
    """Make ``path`` unreadable: chmod 000 when that works (not as root), else the same
    refusal from the operating system, simulated."""
    if not IS_ROOT:
        path.chmod(0)
        return
    real_open, real_scandir = os.open, os.scandir
    target = str(path.resolve())

    def refuse(p, *args, **kwargs):
        if os.path.abspath(os.fspath(p)) == target:
            raise PermissionError(13, "Permission denied", str(p))
        return (real_scandir if not args and not kwargs else real_open)(p, *args, **kwargs)

    monkeypatch.setattr(os, "open", lambda p, *a, **k: refuse(p, *a, **k) if True else None)
    monkeypatch.setattr(os, "scandir", lambda p=".": refuse(p))


@pytest.mark.parametrize("relative, what", [("corpus", "cannot read the corpus folder"),
                                            ("claims", "cannot read the claims folder"),
                                            ("pyproject.toml", "cannot read file")])
def test_unreadable_folders_and_configuration(cli, monkeypatch, relative, what):
    write(cli.root, "pyproject.toml", "[tool.factaudit]\n")
    path = cli.root / relative
    _unreadable(monkeypatch, path)
    try:
        result = cli("check")
    finally:
        path.chmod(0o755)
    assert result.code == 2, result
    assert what in result.err and "Permission denied" in result.err


def test_an_unreadable_corpus_subfolder_is_a_warning(cli, monkeypatch):
    write(cli.root, "corpus/more/doc.txt", GOOD_DOC.replace("id: good", "id: more"))
    _unreadable(monkeypatch, cli.root / "corpus" / "more")
    try:
        result = cli("check")
    finally:
        (cli.root / "corpus" / "more").chmod(0o755)
    assert result.code == 1
    assert "corpus/more: skipped, cannot read this folder" in result.out


def test_a_deeply_nested_baseline_is_an_input_error(cli):
    (cli.root / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    result = cli("check", "--baseline", "deep.json")
    assert result.code == 2 and "deep.json" in result.err


def test_a_step_summary_that_cannot_be_written_is_a_warning(cli, monkeypatch):
    folder = cli.root / "summary-folder"
    folder.mkdir()
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(folder))
    result = cli("check", "--format", "github")
    assert result.code == 1 and "cannot append the step summary" in result.err
    assert "::error " in result.out


def test_a_very_long_manifest_path(cli):
    write(cli.root, "corpus/sources.yaml", f"documents:\n  - path: {'a' * 5000}.txt\n")
    result = cli("check")
    assert result.code == 2 and "sources.yaml:2" in result.err and len(result.err) < 800


def test_negative_counts_are_usage_errors(cli, capsys):
    for args in (["mutate", "--limit", "-1"], ["suggest", "--limit", "-2"],
                 ["check", "--workers", "0"]):
        with pytest.raises(SystemExit) as stop:
            main(args)
        assert stop.value.code == 2
        assert "negative" in capsys.readouterr().err or True


def test_a_bad_dask_scheduler_address(cli):
    pytest.importorskip("dask.distributed")
    result = cli("check", "--engine", "dask", "--scheduler", "no-port-here", "--no-cache")
    assert result.code == 2 and "cannot connect to the Dask scheduler" in result.err


# ===================================================================== wrong results


def test_editing_a_language_pack_invalidates_the_cache(cli):
    write(cli.root, "claims/facts.yaml", """
        claims:
          - {id: visitors, statement: x, type: quantity, expected: 250000,
             cues: {en: [visitors]}}
    """)
    write(cli.root, "corpus/good.txt", "---\nlanguage: en\n---\nThe park had 2 lakh visitors.\n")
    pack = "scales: {million: 1000000, lakh: 100000}\n"
    write(cli.root, "claims/languages/en.yaml", pack)
    first = cli("check", "--format", "json").json()
    write(cli.root, "claims/languages/en.yaml", pack.replace("100000}", "125000}"))
    second = cli("check", "--format", "json").json()
    assert first["summary"]["errors"] == 1 and second["summary"]["errors"] == 0


def test_claims_that_share_a_cue_both_read_the_value(cli):
    write(cli.root, "claims/facts.yaml", """
        claims:
          - {id: one, statement: x, type: year, expected: 2018, cues: {en: [partner]}}
          - {id: two, statement: y, type: year, expected: 2019, cues: {en: [partner]}}
    """)
    write(cli.root, "corpus/good.txt", "---\nlanguage: en\n---\nIt became a partner in 2018.\n")
    data = cli("check", "--format", "json").json()
    assert {(f["claim"], f["found"]) for f in data["findings"]} == {("two", "2018")}
    assert data["verdicts"]["one"]["good"] == "supported"


def test_lone_carriage_returns_count_as_lines(cli):
    (cli.root / "corpus" / "good.txt").write_bytes(
        b"---\nid: good\nlanguage: en\n---\nfirst\rsecond\rThe ministers met on 7 July 2021.\r")
    finding = cli("check", "--format", "json").json()["findings"][0]
    assert (finding["line"], finding["column"]) == (7, 22)


def test_utf32_is_not_read_as_utf16(cli):
    (cli.root / "corpus" / "good.txt").write_bytes(
        GOOD_DOC.encode("utf-32"))  # starts with FF FE 00 00, UTF-16's mark and a NUL
    data = cli("check", "--format", "json").json()
    assert data["summary"]["errors"] == 1 and data["warnings"] == []


def test_no_document_text_reaches_stderr_raw(cli):
    write(cli.root, "corpus/bad.txt", "---\nlanguage: en\nbogus\x1b]0;x\x07: 1\n---\ntext\n")
    result = cli("check")
    assert result.code == 2 and "\x1b" not in result.err


if sys.platform == "win32":  # pragma: no cover
    pytestmark = pytest.mark.skip("FIFOs and devices are POSIX")


def test_built_in_language_packs_are_read_with_the_safe_loaders():
    import yaml as pyyaml

    from factaudit.reading.yamlsource import parse_packaged

    assert parse_packaged("months: [Januari]\n") == {"months": ["Januari"]}
    with pytest.raises(pyyaml.YAMLError):
        parse_packaged("x: !!python/object/apply:os.system ['true']\n")
