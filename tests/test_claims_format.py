"""The claims format: validation, and errors that name file, line and a fix."""

from __future__ import annotations

import json

import pytest

from factaudit import __version__
from factaudit.inputs.claims import json_schema, load_claims, load_claims_file
from factaudit.model import InputError


def problems_of(path) -> list:
    with pytest.raises(InputError) as info:
        load_claims_file(path)
    return info.value.problems


def test_valid_file_loads_with_lines_of_each_item(write):
    path = write("claims/a.yaml", """
        claims:
          - id: one
            statement: Something happened in 2018.
            type: year
            expected: 2018
            cues: {en: [happened]}
        entities:
          - name: Retno Marsudi
        terms:
          - preferred: kerja sama
            variants: [kerjasama]
    """)
    parsed, origins = load_claims_file(path)
    assert parsed.claims[0].expected_value == "2018"
    assert {k: (v.line, v.kind) for k, v in origins.items()} == {
        "one": (2, "claim"), "retno-marsudi": (8, "entity"), "kerja-sama": (10, "term")}


def test_unknown_key_names_line_and_suggests(write):
    path = write("claims/a.yaml", """
        claims:
          - id: one
            statement: x
            type: year
            expectd: 2018
            cues: {en: [x]}
    """)
    problems = problems_of(path)
    unknown = next(p for p in problems if "unknown key 'expectd'" in p.message)
    assert unknown.line == 5 and unknown.path.endswith("a.yaml")
    assert "did you mean 'expected'" in unknown.hint


def test_an_unknown_key_with_no_near_match_names_the_installed_version(write):
    path = write("claims/a.yaml", """
        claims:
          - id: one
            statement: x
            type: quantity
            expected: 3
            zzz_future_key: up
            cues: {en: [x]}
    """)
    [unknown] = [p for p in problems_of(path) if "unknown key 'zzz_future_key'" in p.message]
    assert unknown.line == 6
    assert f"this is {__version__}" in unknown.hint and "newer factaudit" in unknown.hint


def test_wrong_type_and_bad_value_are_reported_at_their_lines(write):
    path = write("claims/a.yaml", """
        claims:
          - id: one
            statement: x
            type: year
            expected: twenty
            cues: {en: [x]}
          - id: Two Words
            statement: y
            type: colour
            consistent: true
            cues: {en: [y]}
    """)
    problems = problems_of(path)
    by_line = {p.line: p.message for p in problems}
    assert "whole number" in by_line[5]  # at the value, reported with the claim's others
    assert 7 in by_line and "id" in by_line[7]
    assert 9 in by_line and "type" in by_line[9]


@pytest.mark.parametrize(("text", "needle", "line"), [
    ("claims:\n  - id: a\n\tstatement: x\n", "tabs", 3),
    ("claims:\n  - id: a\n    id: b\n", "duplicate key 'id'", 3),
    ("claims: [\n", "invalid YAML", 2),
    ("", "empty", None),
    ("- just\n- a list\n", "mapping", 1),
])
def test_yaml_level_errors(write, text, needle, line):
    problems = problems_of(write("claims/a.yaml", text))
    assert needle in str(problems[0]) or needle in (problems[0].hint or "")
    assert problems[0].line == line


def test_billion_laughs_is_refused(write):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    problems = problems_of(write("claims/bomb.yaml", "\n".join(lines) + "\n"))
    assert "expands to more than" in problems[0].message


def test_non_utf8_file(write):
    problems = problems_of(write("claims/a.yaml", b"claims: []\nstatement: caf\xe9\n"))
    assert "not valid UTF-8" in problems[0].message and problems[0].line == 2


def test_duplicate_ids_across_files_are_reported_with_both_places(write, tmp_path):
    body = """
        claims:
          - id: same
            statement: x
            type: year
            consistent: true
            cues: {en: [x]}
    """
    write("claims/a.yaml", body)
    write("claims/b.yaml", body)
    with pytest.raises(InputError) as info:
        load_claims(tmp_path / "claims")
    message = str(info.value)
    assert "b.yaml:2" in message and "a.yaml:2" in message and "'same'" in message


def test_every_problem_of_every_file_in_one_run(write, tmp_path):
    write("claims/a.yaml", "claims:\n  - id: a\n    bogus: 1\n")
    write("claims/b.yaml", "claims: [\n")
    with pytest.raises(InputError) as info:
        load_claims(tmp_path / "claims")
    paths = {p.path.rsplit("/", 1)[-1] for p in info.value.problems}
    assert paths == {"a.yaml", "b.yaml"}


def test_category_claims_need_their_categories(write):
    problems = problems_of(write("claims/a.yaml", """
        claims:
          - id: fmt
            statement: x
            type: category
            expected: virtual
            cues: {en: [meeting]}
    """))
    assert "categories" in problems[0].message and problems[0].line == 2


def test_json_schema_describes_the_format():
    schema = json_schema()
    assert set(schema["properties"]) == {"claims", "entities", "terms", "vocabulary"}
    claim = schema["$defs"]["Claim"]
    assert claim["additionalProperties"] is False
    assert "year" in json.dumps(claim["properties"]["type"])


def test_shipped_schema_is_in_sync_with_the_model():
    from importlib import resources

    shipped = json.loads(resources.files("factaudit").joinpath("claims.schema.json").read_text())
    fix = "run: factaudit schema --output src/factaudit/claims.schema.json"
    assert shipped == json_schema(), fix


@pytest.mark.parametrize(("extra", "needle", "line"), [
    ("type: year\n    counts_from: 1991\n", "only applies to claims of type duration", 2),
    ("type: duration\n    counts_from: 1991\n    expected: 30\n", "not both", 2),
    ("type: year\n    expected: 2018\n    valid: 2021..2018\n", "period", 7),
    ("type: quantity\n    expected: 33\n    settled: soon\n", "not a date", 7),
    ("type: quantity\n    expected: 33\n    settled: 2023-02-30\n", "day is out of range", 7),
    ("type: quantity\n    expected: 33\n    settled: [2023]\n", "settled: give a date", 7),
    ("type: quantity\n    expected: 33\n    running: sideways\n", "'up', 'down'", 7),
    ("type: year\n    expected: 2020\n    running: up\n",
     "only applies to claims of type quantity", 2),
])
def test_time_aware_fields_are_validated(write, extra, needle, line):
    text = "claims:\n  - id: x\n    statement: s\n    cues: {en: [c]}\n    " + extra
    problems = problems_of(write("claims/a.yaml", text))
    assert needle in problems[0].message and problems[0].line == line


@pytest.mark.parametrize("key, extra, variant, line", [
    ("terms", "preferred: Boeing 737", "boeing  737", 3),
    ("terms", "preferred: kerja sama", "KERJA SAMA", 3),
    ("entities", "name: Sergei Lavrov\n    aliases: [S. Lavrov]", "s. lavrov", 4),
])
def test_a_variant_that_cannot_be_told_apart_is_refused_at_its_line(write, key, extra,
                                                                    variant, line):
    path = write("claims/a.yaml", f"{key}:\n  - {extra}\n    variants: [{variant!r}]\n")
    (problem,) = problems_of(path)
    assert problem.line == line and "cannot be told apart" in problem.message
    assert variant in problem.message


@pytest.mark.parametrize("preferred, variant", [
    ("Boeing 737", "Boeing-737"), ("kerja sama", "kerjasama"), ("Erdoğan", "Erdogan")])
def test_a_variant_written_with_a_hyphen_space_or_accent_is_accepted(write, preferred,
                                                                       variant):
    path = write("claims/a.yaml", f"terms:\n  - preferred: {preferred}\n"
                                  f"    variants: [{variant}]\n")
    parsed, _ = load_claims_file(path)
    assert parsed.terms[0].variants == [variant]
