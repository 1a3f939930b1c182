"""The example audit (claims/ and corpus/ of this repository) finds what a fact-checker
would, and nothing on the points where the sources agree."""

from __future__ import annotations

import datetime as dt

import pytest

from factaudit.inputs.config import Config
from tests.helpers import audit_paths

from .conftest import ROOT


@pytest.fixture(scope="module")
def result():
    return audit_paths(ROOT / "claims", ROOT / "corpus", Config(root=ROOT),
                       today=dt.date(2026, 11, 23))


def found(result, claim, rule=None):
    return [f for f in result.findings if f.claim == claim and (rule is None or f.rule == rule)]


def test_strategic_partner_since_1996_is_refuted_in_english_and_indonesian(result):
    fs = found(result, "strategic-partnership", "value-contradiction")
    assert {(f.document, f.found) for f in fs} == {
        ("voi-en-asean-russia-meeting", "1996"), ("voi-id-asean-russia-meeting", "1996"),
        ("wartaekonomi-id-vaccine-cooperation", "1996")}
    assert result.verdicts["strategic-partnership"]["kemlu-id-arsom-17"] == "supported"


def test_misspelled_minister_name(result):
    (f,) = found(result, "retno-marsudi", "name-typo")
    assert (f.document, f.found, f.expected, f.line) == ("radio-en-lavrov-visit", "Marsuid",
                                                         "Marsudi", 19)


def test_misspelled_word_for_foreign_in_ministry_title(result):
    (f,) = found(result, "luar-negeri", "term-misspelling")
    assert f.found == "Luar Negeru" and f.document == "voi-id-asean-russia-meeting"


def test_misspelled_word_for_equality(result):
    fs = found(result, "kesetaraan", "term-misspelling")
    assert {f.document for f in fs} == {"voi-id-asean-russia-meeting",
                                        "wartaekonomi-id-vaccine-cooperation"}
    assert {f.found for f in fs} == {"keseteraan"}


def test_two_spellings_of_lavrovs_first_name(result):
    (f,) = found(result, "sergei-lavrov", "name-consistency")
    assert "'Sergey Lavrov' in radio-en-lavrov-visit ×1, wartaekonomi" in f.message
    assert {v.document for v in found(result, "sergei-lavrov", "name-variant")} == {
        "radio-en-lavrov-visit", "wartaekonomi-id-vaccine-cooperation"}


def test_conflicting_descriptions_of_the_meeting_format(result):
    fs = found(result, "special-ministerial-meeting-format", "cross-source-disagreement")
    assert {(f.document, f.found) for f in fs} == {
        ("radio-en-lavrov-visit", "in person"), ("voi-en-asean-russia-meeting", "virtual"),
        ("voi-id-asean-russia-meeting", "virtual"),
        ("wartaekonomi-id-vaccine-cooperation", "virtual")}


@pytest.mark.parametrize("claim", ["country-coordinator-period",
                                   "special-ministerial-meeting-date"])
def test_points_of_agreement_are_not_reported(result, claim):
    assert found(result, claim) == []
    assert "supported" in result.verdicts[claim].values()


def test_non_standard_indonesian_forms(result):
    variants = {(f.claim, f.found) for f in result.findings if f.rule == "term-variant"}
    assert {("kerja-sama", "kerjasama"), ("pasca", "paska"), ("di-kawasan", "dikawasan"),
            ("pandemi", "pandemic")} <= variants


def test_no_false_typos(result):
    typos = {(f.claim, f.found) for f in result.findings if f.verdict == "typo"}
    assert typos == {("retno-marsudi", "Marsuid"), ("luar-negeri", "Luar Negeru"),
                     ("kesetaraan", "keseteraan")}


def test_every_finding_points_at_its_text(result):
    for f in result.findings:
        if f.document is None:
            continue
        text = result.text_of(f.document).text
        span = text[f.start:f.end]
        assert f.quote and " ".join(span.split()) in f.quote
        line_start = text.rfind("\n", 0, f.start) + 1
        assert text[:f.start].count("\n") + 1 == f.line
        assert f.start - line_start + 1 == f.column


def test_acknowledgements_cover_the_known_errors_and_none_is_stale(result):
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors and all(f.acknowledged for f in errors)
    assert not [w for w in result.warnings if "no longer occurs" in w]
