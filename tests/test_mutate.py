"""`factaudit mutate`: injected errors, meaning-preserving edits, the score."""

from __future__ import annotations

import json
import random
from pathlib import Path

from factaudit.authoring.mutate import _names, _reformat_number, _typo, run, to_json, to_text
from factaudit.cli import main
from factaudit.inputs.claims import claimset_from_text, load_claims
from factaudit.inputs.config import Config
from factaudit.inputs.corpus import Document, load_corpus
from factaudit.inputs.project import Project
from factaudit.reading.languages import get_pack

ROOT = Path(__file__).resolve().parent.parent

CLAIMS = """
claims:
  - id: opening-date
    statement: The bridge opened on Monday 3 May 2010.
    type: date
    expected: 2010-05-03
    cues: {en: [bridge opened], id: [jembatan dibuka]}
  - id: bridge-cost
    statement: The bridge cost 20 million dollars.
    type: quantity
    expected: 20 million
    unit_words: {en: [dollars], id: [dolar]}
    cues: {en: [bridge cost], id: [biaya jembatan]}
  - id: toll-introduced
    statement: Sources agree on when the toll was introduced.
    type: year
    consistent: true
    cues: {en: [toll was introduced]}
entities:
  - name: Amelia Hartono
terms:
  - preferred: jembatan
    variants: [jembatan2]
    language: id
"""

DOCS = [
    Document(id="en", path="en.txt", language="en", published="2010-05-10",
             text="The bridge opened on Monday, 3 May 2010, said Amelia Hartono.\n"
                  "The bridge cost 20 million dollars. The toll was introduced in 2012.\n"),
    Document(id="id", path="id.txt", language="id", published="2010-05-10",
             text="Jembatan dibuka pada Senin, 3 Mei 2010, kata Amelia Hartono.\n"
                  "Biaya jembatan 20 juta dolar.\n"),
]


def _run(**kwargs):
    return run(Project.in_memory(claimset_from_text(CLAIMS), list(DOCS), Config()), **kwargs)


def test_injected_errors_are_caught_and_edits_raise_no_alarm():
    report = _run()
    kinds = report.by_kind()
    for kind in ("date", "weekday", "quantity", "name", "term", "term-variant"):
        assert kinds[kind][0] >= 1 and kinds[kind][0] == kinds[kind][1], kind
    edits = report.edits
    assert {o.mutant.kind for o in edits} >= {"date-format", "number-format", "case"}
    assert not [o for o in edits if o.caught], [o.mutant for o in edits if o.caught]


def test_a_consistent_claim_with_one_source_catches_nothing():
    report = _run()
    missed = [o for o in report.errors if not o.caught]
    assert [o.mutant.items for o in missed] == [("toll-introduced",)]
    assert "no other independent source disagrees" in missed[0].note
    assert report.silent == ["toll-introduced"]
    assert 0.8 < report.score < 1
    text = to_text(report, min_score=0.99)
    assert "claims that caught nothing: toll-introduced" in text
    assert "(minimum 99%: FAILED)" in text


def test_generation_is_deterministic_and_depends_on_the_seed():
    one = [o.mutant for o in _run(seed=3).outcomes]
    assert one == [o.mutant for o in _run(seed=3).outcomes]
    other = [o.mutant for o in _run(seed=4).outcomes]
    assert [m.after for m in one] != [m.after for m in other]


def test_limit_samples_the_mutants():
    assert len(_run(limit=3).outcomes) == 3


def test_json_report():
    data = json.loads(to_json(_run()))
    assert data["version"] == 1
    assert data["injected"] == sum(1 for m in data["mutants"] if m["error"])
    assert {"score", "caught", "false_alarms", "lost_readings", "by_kind", "silent"} <= set(data)


def test_mutation_helpers():
    rng = random.Random(0)
    for word in ("Marsudi", "kerja", "Lavrov"):
        typo = _typo(word, rng)
        assert typo != word and abs(len(typo) - len(word)) <= 1
    assert _reformat_number("20 juta", get_pack("id"), rng) == "20.000.000"
    assert _reformat_number("20,000,000", get_pack("en"), rng) == "20 million"
    assert _reformat_number("1,5 juta", get_pack("id"), rng) == "1.500.000"
    assert _names(get_pack("id").months)[7] == "juli"
    assert _names(get_pack("en").weekdays)[1] == "tuesday"


def test_cli_min_score(project, capsys):
    assert main(["mutate", "--min-score", "0.5"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("factaudit mutate: 2 documents, 1 claims")
    assert "mutation score:" in out
    assert main(["mutate", "--min-score", "101"]) == 1
    assert main(["mutate", "--format", "json", "--output", "m.json"]) == 0
    assert json.loads((project / "m.json").read_text())["version"] == 1


def test_the_example_claim_suite():
    """The README quotes this run: every error kind is injected, most are caught."""
    report = run(Project.in_memory(load_claims(ROOT / "claims"),
                                   load_corpus(ROOT / "corpus").documents, Config()))
    assert report.score >= 0.8
    assert report.seconds < 60
    kinds = report.by_kind()
    for kind in ("year", "period", "date", "weekday", "quantity", "duration", "ordinal",
                 "category", "name", "term", "term-variant"):
        assert kinds.get(kind, (0, 0))[0] >= 1, kind
