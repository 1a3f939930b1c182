"""Claims as pytest items: collection, locations, failures with evidence, xfail, expiry."""

from __future__ import annotations

CLAIMS = """
claims:
  - id: strategic
    statement: Russia became a strategic partner in 2018.
    type: year
    expected: 2018
    cues: {en: [strategic partner]}
  - id: coordinator
    statement: Indonesia was coordinator 2018-2021.
    type: period
    expected: 2018..2021
    cues: {en: [country coordinator]}
entities:
  - name: Retno Marsudi
"""

DOC = ("Russia has been a strategic partner since 1996.\n"
       "Indonesia was country coordinator for 2018-2021.\n"
       "Retno Marsudi spoke.\n")


def make(pytester, claims=CLAIMS):
    pytester.makefile(".yaml", **{"claims/topic": claims})
    pytester.makefile(".txt", **{"corpus/a": DOC})


def test_each_claim_is_an_item_in_file_order_with_its_line(pytester):
    make(pytester)
    result = pytester.runpytest("--collect-only", "-q")
    lines = [x for x in result.outlines if "::" in x]
    assert lines == ["claims/topic.yaml::strategic", "claims/topic.yaml::coordinator",
                     "claims/topic.yaml::retno-marsudi"]


def test_failure_quotes_the_evidence(pytester):
    make(pytester)
    result = pytester.runpytest("-rf")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines([
        "*strategic: 1 error finding(s)*",
        "*expected '2018', found '1996'*",
        "*corpus/a.txt:1:*",
        "*> Russia has been a strategic partner since 1996.*",
    ])
    result.stdout.fnmatch_lines(["*FAILED claims/topic.yaml::strategic*"])


def test_acknowledged_discrepancy_is_xfail_with_reason(pytester):
    ack = "      - {source: a, reason: correction asked, until: 2999-01-01}"
    make(pytester, CLAIMS.replace("cues: {en: [strategic partner]}",
                                  "cues: {en: [strategic partner]}\n    acknowledged:\n" + ack))
    result = pytester.runpytest("-rx")
    result.assert_outcomes(passed=2, xfailed=1)
    result.stdout.fnmatch_lines(["*XFAIL*strategic*correction asked*"])


def test_expired_acknowledgement_fails_again(pytester):
    make(pytester, CLAIMS.replace("cues: {en: [strategic partner]}",
                                  "cues: {en: [strategic partner]}\n    acknowledged:\n"
                                  "      - {source: a, reason: old, until: 2020-01-01}"))
    result = pytester.runpytest()
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*acknowledgement expired on 2020-01-01*"])


def test_stale_acknowledgement_fails(pytester):
    make(pytester, CLAIMS.replace("cues: {en: [country coordinator]}",
                                  "cues: {en: [country coordinator]}\n    acknowledged:\n"
                                  "      - {source: a, reason: was wrong, until: 2999-01-01}"))
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(["*no longer occurs; remove it*"])


def test_invalid_claims_file_is_a_collection_error_with_line(pytester):
    pytester.makefile(".yaml", **{"claims/topic": "claims:\n  - id: x\n    oops: 1\n"})
    pytester.makefile(".txt", **{"corpus/a": DOC})
    result = pytester.runpytest()
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*topic.yaml:3*unknown key 'oops'*"])


def test_yaml_outside_the_claims_folder_is_ignored(pytester):
    make(pytester)
    pytester.makefile(".yaml", **{"other/config": "a: 1\n"})
    result = pytester.runpytest("--collect-only", "-q")
    assert not [x for x in result.outlines if "other/config" in x]


def test_no_factaudit_option_disables_collection(pytester):
    make(pytester)
    pytester.makepyfile(test_x="def test_x():\n    assert True\n")
    result = pytester.runpytest("--no-factaudit")
    result.assert_outcomes(passed=1)


def test_junit_xml_carries_claim_id_and_evidence(pytester):
    make(pytester)
    pytester.runpytest("--junitxml=out.xml")
    xml = (pytester.path / "out.xml").read_text()
    assert 'name="strategic"' in xml and "found &apos;1996&apos;" in xml.replace("'", "&apos;")
