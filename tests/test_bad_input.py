"""Bad and hostile input, end to end through the command line (issue 7).

Each test backs a row of the table in docs/bad-input.md: what the user gives, what they
see, and the exit code. Everything runs through ``factaudit.cli.main`` as a user would,
so a crash anywhere (exit 3) or a traceback fails the test.
"""

from __future__ import annotations

import codecs
import json
import os
import textwrap
import time
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factaudit.cli import main
from tests.helpers import QUIET_UNIT, machine_unit

CLAIMS = """
claims:
  - id: meeting-date
    statement: The ministers met on 6 July 2021.
    type: date
    expected: 2021-07-06
    cues:
      en: [ministers met]
      id: [para menteri bertemu]
entities:
  - name: Retno Marsudi
"""

GOOD_DOC = "---\nid: good\nlanguage: en\n---\nThe ministers met on 7 July 2021.\n"


class Run:
    """The result of one ``factaudit`` command: exit code, standard output and error."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> dict:
        return json.loads(self.out)

    def __repr__(self) -> str:  # shown by pytest when an assertion fails
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


@pytest.fixture
def audit(tmp_path, monkeypatch, capsys):
    """``audit(*args)`` runs ``factaudit check *args`` in a fresh project folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTAUDIT_CACHE_DIR", str(tmp_path / ".cache"))
    write(tmp_path, "claims/facts.yaml", CLAIMS)
    (tmp_path / "corpus").mkdir()

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main(["check", *args])
        out, err = capsys.readouterr()
        assert code != 3 and "Traceback" not in err, f"internal error:\n{err}"
        return Run(code, out, err)

    run.root = tmp_path
    return run


def write(root: Path, relative: str, content: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return path


def claims_error(audit, text: str | bytes, name: str = "facts.yaml") -> Run:
    """Run with a claims file of ``text`` (and a good document); it must exit 2."""
    write(audit.root, f"claims/{name}", text)
    write(audit.root, "corpus/good.txt", GOOD_DOC)
    result = audit()
    assert result.code == 2, result
    assert result.err.startswith("factaudit: ") and "problem(s) in the input" in result.err
    return result


# ================================================================= claims YAML


def test_syntax_error_names_file_line_column_and_hint(audit):
    result = claims_error(audit, "claims:\n  - id: a\n    statement: [unclosed\n")
    assert "claims/facts.yaml:4:1: invalid YAML" in result.err
    assert "hint: check the indentation and quoting" in result.err


def test_tabs_for_indentation(audit):
    result = claims_error(audit, "claims:\n  - id: a\n\tstatement: x\n")
    assert "claims/facts.yaml:3:" in result.err
    assert "YAML does not allow tabs for indentation; indent with spaces" in result.err


def test_duplicate_keys_are_an_error_not_last_one_wins(audit):
    result = claims_error(audit, """
        claims:
          - id: one
            statement: x
            type: year
            expected: 2018
            expected: 2019
            cues: {en: [x]}
    """)
    assert "claims/facts.yaml:6:5: duplicate key 'expected' (first given on line 5)" in result.err


def test_duplicate_claim_ids_across_files_name_both_places(audit):
    body = "claims:\n  - {id: same, statement: x, type: year, expected: 2018, cues: {en: [x]}}\n"
    write(audit.root, "claims/a.yaml", body)
    result = claims_error(audit, body, name="b.yaml")
    assert "claims/b.yaml:2: id 'same' is already used by a claim at claims/a.yaml:2" in result.err


def test_unknown_key_with_did_you_mean(audit):
    result = claims_error(audit, """
        claims:
          - id: one
            statment: x
            type: year
            expected: 2018
            cues: {en: [x]}
    """)
    assert "claims/facts.yaml:3:5: unknown key 'statment'" in result.err
    assert "hint: did you mean 'statement'?" in result.err
    assert "missing required key 'statement'" in result.err  # every problem, not the first


def test_wrong_types_each_at_its_line(audit):
    result = claims_error(audit, """
        claims:
          - id: one
            statement: [a, list]
            type: year
            expected: twenty
            cues: just a string
    """)
    assert "claims/facts.yaml:3:5: claims.0.statement: Input should be a valid string" in result.err
    assert "claims/facts.yaml:6:5: claims.0.cues: Input should be a valid dictionary" in result.err
    assert ("claims/facts.yaml:5:5: claims.0.expected: a year is a whole number of at most 4 "
            "digits, got 'twenty'") in result.err
    assert "3 problem(s)" in result.err


@pytest.mark.parametrize(("line", "needle"), [
    ("    expected: 2021-02-30", "facts.yaml:5:15: '2021-02-30' is not a real date (day is out "
                                 "of range for month)"),
    ('    expected: "2021-02-30"', "a date is written YYYY-MM-DD, got '2021-02-30' (day is out "
                                   "of range for month)"),
    ("    expected: 2021-13-01", "facts.yaml:5:15: '2021-13-01' is not a real date (month must "
                                 "be in 1..12)"),
    ("    expected: 2021-07-06\n    acknowledged:\n      - {source: a, reason: r, "
     "until: 2023-02-29}", "facts.yaml:7:39: '2023-02-29' is not a real date"),
])
def test_impossible_dates_are_errors_at_their_line(audit, line, needle):
    text = ("claims:\n  - id: meeting-date\n    statement: x\n    type: date\n" + line
            + "\n    cues: {en: [ministers met]}\n")
    result = claims_error(audit, text)
    assert needle in result.err
    assert "hint:" in result.err


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_claims_file(audit, text):
    result = claims_error(audit, text)
    assert "claims/facts.yaml: the file is empty" in result.err


def test_billion_laughs_is_refused_quickly(audit):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    started = time.perf_counter()
    result = claims_error(audit, "\n".join(lines) + "\n")
    assert time.perf_counter() - started < 10
    assert "document expands to more than 200,000 values" in result.err
    assert "nested aliases" in result.err


def test_recursive_alias_is_refused(audit):
    result = claims_error(audit, "claims: &loop\n  - *loop\n")
    assert "recursive alias" in result.err


def test_deep_nesting_is_refused_not_a_recursion_crash(audit):
    result = claims_error(audit, "claims: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "YAML nested too deeply" in result.err


@pytest.mark.parametrize(("content", "needle"), [
    (b"claims: []\nvocabulary: [caf\xe9]\n", "facts.yaml:2: not valid UTF-8 (byte 0xe9"),
    ("claims: []\n".encode("utf-16"), "the file is UTF-16: save it as UTF-8"),
    (b"claims: []\nvocabulary: [a\x00b]\n", "facts.yaml:2:15: character U+0000 is not allowed"),
    (b"claims: []\nvocabulary: [\x1b[31m]\n", "facts.yaml:2:14: character U+001B is not allowed"),
])
def test_non_utf8_and_control_characters_in_claims(audit, content, needle):
    result = claims_error(audit, content)
    assert needle in result.err
    assert "\x1b" not in result.err  # never echoed raw to the terminal


def test_utf8_bom_in_claims_is_fine(audit):
    write(audit.root, "claims/facts.yaml", codecs.BOM_UTF8 + textwrap.dedent(CLAIMS).encode())
    write(audit.root, "corpus/good.txt", GOOD_DOC)
    assert audit().code == 1  # the document says 7 July: a refuted claim, nothing else


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system", "!!python/name:os.system",
    "!!python/object/new:subprocess.Popen", "!custom",
])
def test_yaml_tags_are_refused_and_nothing_runs(audit, tag):
    marker = audit.root / "PWNED"
    text = (f"claims:\n  - id: x\n    statement: {tag} [touch {marker}]\n    type: year\n"
            "    expected: 2018\n    cues: {en: [x]}\n")
    result = claims_error(audit, text)
    assert f"facts.yaml:3:16: YAML tag '{tag}" in result.err
    assert "nothing is ever constructed or run" in result.err
    assert not marker.exists()


def test_words_without_letters_or_digits_are_refused(audit):
    # found by fuzzing: a signal word of only punctuation or a zero-width space became an
    # empty pattern that matched everywhere (and crashed the audit)
    result = claims_error(audit, """
        claims:
          - id: fmt
            statement: x
            type: category
            consistent: true
            cues: {en: ['---', ministers met]}
            categories:
              virtual: {en: [virtual]}
              in person: {en: ["\u200b", "..."]}
        entities:
          - name: '-'
    """)
    for needle in ("claims.0.cues.en.0: '---' has no letter or digit, so it can never be "
                   "matched",
                   r"claims.0.categories.in person.en.0: '\u200b' has no letter or digit",
                   "claims.0.categories.in person.en.1: '...' has no letter or digit",
                   "entities.0.name: '-' has no letter or digit"):
        assert needle in result.err, needle


def test_signal_words_of_punctuation_never_match_everywhere():
    from factaudit.reading.values import read_categories

    found = read_categories("The meeting was virtual.", {"virtual": ["virtual"],
                                                         "in person": ["---", "\t", "-"]})
    assert [(v.canonical, v.raw) for v in found] == [("virtual", "virtual")]


def test_mapping_key_that_is_not_plain(audit):
    result = claims_error(audit, "claims: []\n? [a, b]\n: c\n")
    assert "facts.yaml:2:3: mapping keys must be plain values" in result.err


CLAIMS_PROBLEMS = {
    "claims/a.yaml": "claims:\n  - id: a\n    bogus: 1\n",
    "claims/b.yaml": "claims: [\n",
    "claims/c.yaml": "vocabulary: [x]\nvocabulary: [y]\nterms: 5\n",
}
CLAIMS_NEEDLES = ("claims/a.yaml:3:5: unknown key 'bogus'",
                  "claims/a.yaml:2:5: claims.0.statement: missing required key 'statement'",
                  "claims/b.yaml:2:1: invalid YAML",
                  "claims/c.yaml:2:1: duplicate key 'vocabulary'")


def test_every_problem_of_every_claims_file_and_of_the_manifest_in_one_run(audit):
    for name, text in CLAIMS_PROBLEMS.items():
        write(audit.root, name, text)
    write(audit.root, "corpus/sources.yaml", "documents:\n  - {path: ../../etc/passwd}\n")
    result = claims_error(audit, CLAIMS)
    for needle in (*CLAIMS_NEEDLES,
                   "corpus/sources.yaml:2:6: path '../../etc/passwd' leads outside the corpus"):
        assert needle in result.err, needle


def test_every_problem_of_the_claims_and_of_the_documents_in_one_run(audit):
    for name, text in CLAIMS_PROBLEMS.items():
        write(audit.root, name, text)
    write(audit.root, "corpus/x.txt", "---\npublished: 2021-02-30\ntitle: [a]\n---\nText.\n")
    write(audit.root, "corpus/y.md", "---\nid: y\nlanguage: [en]\nlang: en\n---\nText.\n")
    write(audit.root, "corpus/z.txt", "---\npublished: 2021-13\n---\nText.\n")
    result = claims_error(audit, CLAIMS)
    for needle in (*CLAIMS_NEEDLES,
                   "corpus/x.txt:2:12: invalid front matter: '2021-02-30' is not a real date",
                   "corpus/z.txt:2: bad published date '2021-13'",
                   "corpus/y.md:3: language must be a single text",
                   "corpus/y.md:4: unknown front matter key 'lang'"):
        assert needle in result.err, needle


def test_every_document_problem_in_one_run_when_claims_are_fine(audit):
    write(audit.root, "corpus/good.txt", GOOD_DOC)
    write(audit.root, "corpus/x.txt", "---\npublished: 2021-02-30\n---\nText.\n")
    write(audit.root, "corpus/y.txt", "---\nlanguage: en\ndate_ordr: DMY\n---\nText.\n")
    write(audit.root, "corpus/z.txt", "---\nid: [a, b]\nlanguage: en\n---\nText.\n")
    result = audit()
    assert result.code == 2, result
    assert "4 problem(s)" not in result.err and "3 problem(s)" in result.err
    assert "corpus/x.txt:2: bad published date" in result.err
    assert "corpus/y.txt:3: unknown front matter key 'date_ordr'" in result.err
    assert "did you mean 'date_order'?" in result.err
    assert "corpus/z.txt:2: id must be a single text, not list" in result.err


# ================================================================= configuration


@pytest.mark.parametrize(("toml", "needle"), [
    ('[tool.factaudit]\nlanguages = ["xx", "en"]\n', "languages: unknown language code(s) 'xx'"),
    ("[tool.factaudit]\nlanguages = []\n", "languages must be a list of codes"),
    ("[tool.factaudit]\nrules = 5\n", "[tool.factaudit.rules] must be a table of rule ids"),
    ('[tool.factaudit]\ncorpus = ["a"]\n', "corpus must be a folder path (text), not ['a']"),
    ("[tool]\nfactaudit = 5\n", "[tool.factaudit] must be a table"),
    ("[tool.factaudit]\nclaim = 'x'\n", "unknown key 'claim' in [tool.factaudit]"),
    ("[tool.factaudit\n", "pyproject.toml: cannot parse: "),
])
def test_bad_configuration(audit, toml, needle):
    write(audit.root, "corpus/good.txt", GOOD_DOC)
    write(audit.root, "pyproject.toml", toml)
    result = audit()
    assert result.code == 2, result
    assert needle in result.err
    assert "hint:" in result.err or "cannot parse" in needle  # TOML's message has the place


# ================================================================= corpus


def test_missing_corpus_folder(audit):
    result = audit("--corpus", "nowhere")
    assert result.code == 2
    assert "nowhere: corpus folder does not exist" in result.err and "hint:" in result.err


def test_empty_corpus_folder(audit):
    result = audit()
    assert result.code == 2
    assert "corpus: the corpus folder has no readable documents" in result.err


def test_corpus_of_only_unreadable_files(audit):
    write(audit.root, "corpus/a.txt", b"\x00\x01binary")
    result = audit()
    assert result.code == 2 and "no readable documents" in result.err


def warnings_everywhere(audit, *needles: str) -> Run:
    """The run's warnings contain every needle, in the text output and in the JSON."""
    text = audit()
    as_json = audit("--format", "json")
    assert text.code == as_json.code != 2, text
    listed = as_json.json()["warnings"]
    for needle in needles:
        assert any(needle in w for w in listed), (needle, listed)
        assert any(needle in line for line in text.out.splitlines()
                   if line.startswith("warning: ")), (needle, text.out)
    return as_json.json()


@pytest.mark.parametrize(("content", "needle"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "skipped, binary file (contains NUL bytes)"),
    (b"The ministers met\x00 on 6 July 2021.\n", "skipped, binary file (contains NUL bytes)"),
    ("The ministers met on 6 July 2021.\n".encode("utf-16-le"),
     "skipped, looks like UTF-16-LE text without a byte-order mark; declare "
     "'encoding: utf-16-le'"),
    ("Les ministres se sont réunis – “6 juillet”.\n".encode("cp1252"),
     "skipped, not UTF-8 (byte 0xe9 at offset 23); it reads as cp1252 (Windows Western "
     "European): declare 'encoding: cp1252'"),
    (b"\x81\x8d\x8f\x90\x9d\xff\n", "skipped, not UTF-8 (byte 0x81 at offset 0); re-save as UTF-8"),
])
def test_undecodable_files_are_skipped_with_a_warning_in_every_output(audit, content, needle):
    write(audit.root, "corpus/good.txt", GOOD_DOC)
    write(audit.root, "corpus/bad.txt", content)
    data = warnings_everywhere(audit, "corpus/bad.txt: " + needle)
    assert [d["id"] for d in data["documents"]] == ["good"]
    sarif = audit("--format", "sarif").json()
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("corpus/bad.txt" in n["message"]["text"] for n in notes)
    claimreview = audit("--format", "claimreview")
    assert "warning: corpus/bad.txt: " + needle in claimreview.err
    github = audit("--format", "github")
    assert "::warning title=factaudit::corpus/bad.txt: skipped, " in github.out
    assert main(["report", "--output", "reports/r.html"]) == 0
    page = (audit.root / "reports/r.html").read_text(encoding="utf-8")
    assert "corpus/bad.txt: skipped, " in page


def test_declared_encodings_are_read(audit):
    write(audit.root, "corpus/sources.yaml", """
        documents:
          - {path: cp.txt, id: cp, language: en, encoding: cp1252}
          - {path: u16.txt, id: u16, language: en, encoding: utf-16-le}
    """)
    write(audit.root, "corpus/cp.txt", "Café: the ministers met on 8 July 2021.\n".encode("cp1252"))
    write(audit.root, "corpus/u16.txt", "The ministers met on 9 July 2021.\n".encode("utf-16-le"))
    data = audit("--format", "json").json()
    assert data["warnings"] == []
    found = {f["document"]: (f["found"], f["line"], f["column"]) for f in data["findings"]}
    assert found == {"cp": ("2021-07-08", 1, 28), "u16": ("2021-07-09", 1, 22)}


def test_unknown_declared_encoding_is_a_warning_naming_it(audit):
    write(audit.root, "corpus/sources.yaml", "documents:\n  - {path: a.txt, encoding: klingon}\n")
    write(audit.root, "corpus/a.txt", "Text.\n")
    write(audit.root, "corpus/good.txt", GOOD_DOC)
    warnings_everywhere(audit, "corpus/a.txt: skipped, cannot decode as klingon")


@pytest.mark.parametrize(("encoded", "offset"), [
    (codecs.BOM_UTF8 + b"The ministers met on 7 July 2021.\r\nSecond line.\r\n", 0),
    ("\ufeffThe ministers met on 7 July 2021.\r\n".encode("utf-16-le"), 0),
    ("\ufeffThe ministers met on 7 July 2021.\r\n".encode("utf-16-be"), 0),
    (b"Line one.\r\nThe ministers met on 7 July 2021.\r\n", 1),
    (b"Line one.\rThe ministers met on 7 July 2021.\r", 1),  # old Mac line ends count too
])
def test_boms_and_line_ends_keep_lines_columns_and_offsets(audit, encoded, offset):
    write(audit.root, "corpus/sources.yaml", "documents:\n  - {path: a.txt, id: a, language: en}\n")
    write(audit.root, "corpus/a.txt", encoded)
    data = audit("--format", "json").json()
    (finding,) = data["findings"]
    text = Path(audit.root / "corpus/a.txt").read_bytes()
    decoded = (text.decode("utf-16") if text[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
               else text.decode("utf-8-sig"))
    assert decoded[finding["start"]:finding["end"]] == "7 July 2021"
    assert finding["line"] == 1 + offset
    line = decoded.splitlines()[offset]
    assert line[finding["column"] - 1:].startswith("7 July 2021")
    assert "\r" not in finding["quote"]


def test_symlinks_out_of_the_corpus_are_skipped_with_a_warning(audit, tmp_path):
    outside = tmp_path / "outside"
    write(tmp_path, "outside/secret.txt", "The ministers met on 1 July 2021.\n")
    write(audit.root, "corpus/good.txt", GOOD_DOC)
    corpus = audit.root / "corpus"
    os.symlink(outside / "secret.txt", corpus / "secret.txt")
    os.symlink("/etc/passwd", corpus / "passwd.txt")
    os.symlink(outside, corpus / "linked-folder")
    write(audit.root, "corpus/sub/other.txt", "The ministers met on 2 July 2021.\n")
    os.symlink(corpus / "sub/other.txt", corpus / "inside-link.txt")  # a link inside is read
    data = warnings_everywhere(
        audit, "corpus/secret.txt: skipped, it links outside the corpus folder",
        "corpus/passwd.txt: skipped, it links outside the corpus folder",
        "corpus/linked-folder: skipped, a link to a folder")
    assert "secret" not in json.dumps(data["documents"])
    assert "1 July" not in json.dumps(data)
    assert {d["id"] for d in data["documents"]} == {"good", "other"}  # read once
    assert "corpus/sub/other.txt: skipped, the same file as corpus/inside-link.txt" in \
        data["warnings"]


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "sub/../../x.txt"])
def test_manifest_paths_that_escape_the_corpus_are_errors(audit, path):
    write(audit.root, "x.txt", "Outside.\n")
    write(audit.root, "corpus/good.txt", GOOD_DOC)
    write(audit.root, "corpus/sources.yaml", f"documents:\n  - path: {path}\n")
    result = audit()
    assert result.code == 2
    assert f"corpus/sources.yaml:2:5: path '{path}' leads outside the corpus" in result.err
    assert "root:" not in result.err  # nothing of the file is read, let alone shown


def test_duplicate_document_ids(audit):
    write(audit.root, "corpus/a.txt", "---\nid: same\nlanguage: en\n---\nText.\n")
    write(audit.root, "corpus/b.txt", "---\nid: same\nlanguage: en\n---\nText.\n")
    write(audit.root, "corpus/sub/same.txt", "---\nlanguage: en\n---\nText.\n")
    result = audit()
    assert result.code == 2
    assert "corpus/b.txt: duplicate document id 'same' (also used by corpus/a.txt)" in result.err
    assert "corpus/sub/same.txt: duplicate document id 'same'" in result.err


def test_duplicate_row_ids_in_one_table(audit):
    write(audit.root, "corpus/rows.jsonl",
          '{"id": "r1", "language": "en", "text": "One."}\n'
          '{"id": "r2", "language": "en", "text": "Two."}\n'
          '{"id": "r1", "language": "en", "text": "Three."}\n')
    result = audit()
    assert result.code == 2
    assert "duplicate document id 'rows#r1' (also used by corpus/rows.jsonl)" in result.err
    assert "r2" not in result.err


@pytest.mark.parametrize(("claims_form", "text_form"), [("NFC", "NFD"), ("NFD", "NFC")])
def test_nfc_and_nfd_text_match_each_other(audit, claims_form, text_form):
    claims = """
        claims:
          - id: cafe-meeting
            statement: The café meeting was in 2018.
            type: year
            expected: 2018
            cues: {en: [café meeting]}
        entities:
          - name: José Müller
    """
    write(audit.root, "claims/facts.yaml", unicodedata.normalize(claims_form, claims))
    text = "The café meeting was held in 2019. José Müller came, José Mülller did not.\n"
    write(audit.root, "corpus/a.txt", "---\nid: a\nlanguage: en\n---\n"
          + unicodedata.normalize(text_form, text))
    data = audit("--format", "json").json()
    decoded = (audit.root / "corpus/a.txt").read_text(encoding="utf-8").split("---\n", 2)[2]
    by_rule = {f["rule"]: f for f in data["findings"]}
    year = by_rule["value-contradiction"]
    assert (year["found"], decoded[year["start"]:year["end"]]) == ("2019", "2019")
    typo = by_rule["name-typo"]
    assert unicodedata.normalize("NFC", decoded[typo["start"]:typo["end"]]) == "Mülller"
    assert data["verdicts"]["jose-muller"]["a"] == "typo"
    assert len(data["findings"]) == 2  # "José Müller" itself matched in either form


def test_front_matter_problems_are_input_errors_at_their_line(audit):
    write(audit.root, "corpus/good.txt", GOOD_DOC)
    write(audit.root, "corpus/a.md", "---\nlanguage: en\npublished: 2021-02-30\n---\nText.\n")
    write(audit.root, "corpus/b.md", "---\ntitle: !!python/object/apply:os.system [ls]\n---\nT.\n")
    write(audit.root, "corpus/c.md", "---\nx: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
          + "".join(f"x{i}: &a{i} [{', '.join(['*a' if i == 0 else f'*a{i - 1}'] * 10)}]\n"
                    for i in range(7)) + "---\nText.\n")
    write(audit.root, "corpus/d.md", "---\nurl: [a, b]\npublisher: {x: 1}\n---\nText.\n")
    result = audit()
    assert result.code == 2, result
    assert "corpus/a.md:3: bad published date '2021-02-30': day is out of range" in result.err
    assert "corpus/b.md:2:8: invalid front matter: YAML tag '!!python/object/apply" in result.err
    assert "corpus/c.md:" in result.err and "expands to more than" in result.err
    assert "corpus/d.md:2: url must be a single text, not list" in result.err
    assert "corpus/d.md:3: publisher must be a single text, not dict" in result.err


def test_front_matter_duplicate_keys_and_crlf(audit):
    write(audit.root, "corpus/crlf.txt", b"---\r\nid: crlf\r\nlanguage: en\r\n---\r\n"
          b"Intro.\r\nThe ministers met on 9 July 2021.\r\n")
    (finding,) = audit("--format", "json").json()["findings"]
    assert (finding["document"], finding["line"], finding["column"]) == ("crlf", 6, 22)
    write(audit.root, "corpus/dup.txt", "---\nlanguage: en\nlanguage: id\n---\nText.\n")
    result = audit()
    assert result.code == 2
    assert ("corpus/dup.txt:3:1: invalid front matter: duplicate key 'language' (first given "
            "on line 2)") in result.err


def test_front_matter_values_of_other_types_are_text_in_the_output(audit):
    write(audit.root, "corpus/sources.yaml",
          "documents:\n  - {path: a.txt, id: 2021, title: 2021-07-06, publisher: 12.5}\n")
    write(audit.root, "corpus/a.txt", "The ministers met on 6 July 2021.\n")
    (doc,) = audit("--format", "json").json()["documents"]
    assert (doc["id"], doc["title"]) == ("2021", "2021-07-06")


@pytest.mark.parametrize("content", ["", "   \n\n\t\n"])
def test_empty_documents_are_kept_with_a_warning(audit, content):
    write(audit.root, "corpus/good.txt", GOOD_DOC)
    write(audit.root, "corpus/empty.txt", content)
    data = warnings_everywhere(audit, "corpus/empty.txt: the document is empty; assumed language")
    assert "empty" in [d["id"] for d in data["documents"]]


def test_control_characters_from_documents_never_reach_the_terminal(audit):
    hostile = "\x1b]0;pwned\x07\x1b[2J\u202e"
    write(audit.root, "corpus/good.txt", GOOD_DOC)
    write(audit.root, f"corpus/evil{hostile}.txt",
          f"---\nlanguage: en\n---\nThe ministers met {hostile}on 5 July 2021. Retno Marsudy.\n")
    result = audit("--color", "always")
    assert "evil\\x1b]0;pwned\\x07\\x1b[2J\\u202e.txt" in result.out
    assert "\x1b]" not in result.out and "\x07" not in result.out and "\u202e" not in result.out
    assert "\x1b[2J" not in result.out
    data = audit("--format", "json").json()  # JSON keeps the text exact (escaped by JSON)
    assert any(hostile in (f["quote"] or "") for f in data["findings"])


# ================================================================= sizes


def _scale(normal: int, heavy: int) -> int:
    """Sizes for the normal suite, or the issue's full sizes under ``tox -e fuzz``
    (FACTAUDIT_HEAVY=1). Same test, same assertions: only the size changes."""
    return heavy if os.environ.get("FACTAUDIT_HEAVY") else normal


FILLER = ("The ministers met in Jakarta to discuss health cooperation and the recovery of "
          "the regional economy. Para menteri bertemu di Jakarta untuk membahas kerja sama. ")


def test_one_huge_document(audit):
    size = _scale(4, 200) * 1024 * 1024  # bytes
    block = (FILLER * 40 + "\n").encode()
    with open(audit.root / "corpus/huge.txt", "wb") as out:
        out.write(b"---\nid: huge\nlanguage: en\n---\n")
        for _ in range(size // len(block)):
            out.write(block)
        out.write(b"In the end, the ministers met on 8 July 2021 and Retno Marsudy spoke.\n")
    unit = machine_unit()
    started = time.perf_counter()
    data = audit("--format", "json", "--output", "reports/huge.json")
    elapsed = time.perf_counter() - started
    assert data.code == 1
    found = json.loads((audit.root / "reports/huge.json").read_text())["findings"]
    assert {(f["rule"], f["found"]) for f in found} >= {("value-contradiction", "2021-07-08"),
                                                         ("name-typo", "Marsudy")}
    print(f"one document of {size / 2**20:.0f} MB: {elapsed:.1f} s")  # shown by tox -e fuzz
    # linear time, loosely: every sentence here holds a cue, about 5 s a megabyte on a
    # quiet machine (a quadratic pass would take hours), scaled by how loaded this
    # machine is, measured before and after, against a quiet one
    slower = max(1.0, unit / QUIET_UNIT, machine_unit() / QUIET_UNIT)
    assert elapsed < (15 + size / 1024 / 1024 * 5) * slower, (elapsed, slower)


def test_very_many_tiny_documents(audit):
    count = _scale(2_000, 100_000)
    corpus = audit.root / "corpus"
    for i in range(count):
        sub = corpus / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir()
        (sub / f"d{i:06d}.txt").write_text(
            f"---\nlanguage: {'en' if i % 2 else 'id'}\n---\nDoc {i}.\n", encoding="utf-8")
    (corpus / "999").mkdir(exist_ok=True)
    (corpus / "999" / "last.txt").write_text(GOOD_DOC.replace("id: good\n", ""))
    started = time.perf_counter()
    result = audit("--format", "json", "--output", "reports/many.json")
    elapsed = time.perf_counter() - started
    data = json.loads((audit.root / "reports/many.json").read_text())
    assert result.code == 1 and data["summary"]["documents"] == count + 1
    print(f"{count + 1:,} documents: {elapsed:.1f} s")  # shown by tox -e fuzz
    assert elapsed < 20 + count / 1000 * 3, elapsed


# ================================================================= patterns


def test_a_cue_that_looks_like_a_catastrophic_regex_is_matched_literally(audit):
    write(audit.root, "claims/facts.yaml", """
        claims:
          - id: evil-pattern
            statement: x
            type: year
            expected: 2018
            cues: {en: ["(a+)+$", "(x+x+)+y", "^(([a-z])+.)+[A-Z]([a-z])+$"]}
        terms:
          - preferred: "(a|aa)+"
            variants: ["(a|a?)+"]
    """)
    write(audit.root, "corpus/a.txt", "---\nid: a\nlanguage: en\n---\n"
          + "a" * 50_000 + "!\n" + "x" * 50_000 + "\nThe (a+)+$ rule dates from 2019.\n")
    started = time.perf_counter()
    data = audit("--format", "json").json()
    assert time.perf_counter() - started < 20
    (finding,) = [f for f in data["findings"] if f["rule"] == "value-contradiction"]
    assert finding["found"] == "2019"  # the literal text "(a+)+$" was the cue


# ================================================================= hostile HTML


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []  # code
        self.data: list[str] = []  # JSON blocks: never run
        self.attributes: list[tuple[str, str, str | None]] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.attributes += [(tag, k, v) for k, v in attrs]
        self._in_script = tag == "script"
        if tag == "script":
            (self.data if dict(attrs).get("type") == "application/json"
             else self.scripts).append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            last = self.data if self.data and self.get_starttag_text().startswith(
                '<script type="application/json"') else self.scripts
            last[-1] += data


def test_hostile_html_in_documents_is_inert_in_the_report(audit):
    write(audit.root, "corpus/sources.yaml", """
        documents:
          - path: evil.txt
            id: evil
            language: en
            title: "<img src=x onerror=alert(1)>"
            url: "javascript:alert(2)"
            publisher: "</script><script>alert(3)</script>"
    """)
    write(audit.root, "corpus/evil.txt",
          'The ministers met on 7 July 2021. <script>alert(4)</script> Retno Marsudy said '
          '"</script><script>alert(5)</script>" <img src=x onerror=alert(6)> '
          '<a href="javascript:alert(7)">x</a> <svg onload=alert(8)>\n')
    assert main(["report", "--output", "reports/r.html"]) == 0
    page = (audit.root / "reports/r.html").read_text(encoding="utf-8")
    parsed = _Elements()
    parsed.feed(page)
    assert parsed.scripts and not any("alert(" in script for script in parsed.scripts)
    for tag, name, value in parsed.attributes:
        assert not name.startswith("on"), (tag, name, value)
        if name in ("href", "src", "action", "formaction"):
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, value)
    # the text travels as JSON data that cannot close its block; the page shows it as text
    assert parsed.data and all("<" not in d and ">" not in d for d in parsed.data)
    assert any("\\u003cscript\\u003ealert(4)\\u003c/script\\u003e" in d for d in parsed.data)
