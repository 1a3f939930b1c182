"""Fuzzing claims files, documents and the command line with Hypothesis (issue 7).

A bounded number of examples here, in every test run; ``tox -e fuzz`` runs the same
properties with many more (benchmarks/fuzz.py). FACTAUDIT_FUZZ_EXAMPLES overrides the
number for a local run: ``FACTAUDIT_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from tests.fuzz_strategies import (
    check_audit,
    check_claims_text,
    check_cli,
    claims_texts,
    cli_inputs,
    corpora,
    valid_claims_texts,
)

EXAMPLES = int(os.environ.get("FACTAUDIT_FUZZ_EXAMPLES", "0")) or None


def bounded(default: int):
    return settings(max_examples=EXAMPLES or default, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


@bounded(300)
@given(claims_texts())
def test_claims_load_or_fail_with_located_problems(text):
    check_claims_text(text)


@bounded(60)
@given(valid_claims_texts(), corpora())
def test_audit_of_random_documents_never_raises_and_locates_findings(claims, documents):
    check_audit(claims, documents)


@bounded(40)
@given(cli_inputs())
def test_the_command_line_never_crashes(inputs):
    check_cli(*inputs)
