"""docs/schema/output-v1.json pins the JSON output (version 1) of `factaudit check`."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factaudit.cli import main
from factaudit.report.json import ADDED_KEYS, FINDING_KEYS

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "docs" / "schema" / "output-v1.json"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def example_output(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The JSON output of the example audit (claims/ and corpus/ of this repository)."""
    target = tmp_path_factory.mktemp("json") / "out.json"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        code = main(["check", "--format", "json", "--output", str(target)])
    assert code == 1  # the example corpus has real (acknowledged) errors
    yield json.loads(target.read_text(encoding="utf-8"))


def test_the_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_example_audit_output_matches_the_schema(
        validator: jsonschema.Draft202012Validator, example_output: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(example_output), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    assert example_output["findings"], "the example audit has findings to check"
    assert any(f["document"] is None for f in example_output["findings"])  # corpus-wide
    assert any(f["end_line"] is not None for f in example_output["findings"])


def test_the_schema_requires_every_key_the_output_writes(
        schema: dict[str, Any], example_output: dict[str, Any]) -> None:
    """A key added to the output must be added to the schema (as required) too."""
    finding_keys = [*FINDING_KEYS, "fingerprint", *ADDED_KEYS]
    assert set(schema["$defs"]["finding"]["required"]) == set(finding_keys)
    assert set(schema["required"]) == set(example_output)
    assert set(schema["$defs"]["summary"]["required"]) == set(example_output["summary"])
    document = example_output["documents"][0]
    assert set(schema["$defs"]["document"]["required"]) == set(document)
    for finding in example_output["findings"]:
        assert list(finding) == finding_keys


@pytest.mark.parametrize("key", [*FINDING_KEYS, "fingerprint", *ADDED_KEYS])
def test_the_schema_rejects_a_finding_missing_a_required_key(
        validator: jsonschema.Draft202012Validator, example_output: dict[str, Any],
        key: str) -> None:
    broken = copy.deepcopy(example_output)
    del broken["findings"][0][key]
    with pytest.raises(jsonschema.ValidationError, match=f"'{key}' is a required property"):
        validator.validate(broken)


@pytest.mark.parametrize(("where", "value"), [
    (("version",), 2),
    (("findings", 0, "severity"), "fatal"),
    (("findings", 0, "verdict"), "wrong"),
    (("findings", 0, "fingerprint"), "not-a-fingerprint"),
    (("findings", 0, "line"), 0),
    (("summary", "passed"), "yes"),
    (("source_pairs", 0, "a"), None),
])
def test_the_schema_rejects_wrong_values(
        validator: jsonschema.Draft202012Validator, example_output: dict[str, Any],
        where: tuple[str | int, ...], value: object) -> None:
    broken = copy.deepcopy(example_output)
    target: Any = broken
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(broken)


def test_added_fields_are_allowed(validator: jsonschema.Draft202012Validator,
                                  example_output: dict[str, Any]) -> None:
    """Version 1 only ever gains fields: an output with a new key still validates."""
    extended = copy.deepcopy(example_output)
    extended["findings"][0]["new_key"] = "a later addition"
    extended["summary"]["new_count"] = 3
    validator.validate(extended)
