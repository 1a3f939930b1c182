"""Fuzzing claims files, documents and the command line with Hypothesis (issue 7).

A bounded number of examples here, in every test run; ``tox -e fuzz`` runs the same
properties with many more (benchmarks/fuzz.py). FACTAUDIT_FUZZ_EXAMPLES overrides the
number for a local run: ``FACTAUDIT_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from tests.fuzz_strategies import (
    cache_damage,
    check_audit,
    check_cache,
    check_claims_text,
    check_cli,
    check_front_matter,
    check_language_pack,
    check_output_target,
    claims_texts,
    cli_inputs,
    corpora,
    corpus_files,
    front_matter_documents,
    language_packs,
    output_targets,
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


@bounded(30)
@given(front_matter_documents())
def test_hostile_front_matter_is_an_error_or_a_run_never_a_command(files):
    check_front_matter(files)


@bounded(30)
@given(language_packs(), valid_claims_texts(), corpus_files(noise=False))
def test_any_language_pack_is_an_error_at_the_pack_or_a_run(pack, claims, files):
    check_language_pack(pack, claims, files)


@bounded(15)
@given(valid_claims_texts(), corpus_files(noise=False), cache_damage())
def test_a_damaged_or_planted_cache_never_changes_findings(claims, files, damage):
    check_cache(claims, files, damage)


@bounded(20)
@given(output_targets(), valid_claims_texts(), corpus_files(noise=False))
def test_no_output_target_changes_an_input(target, claims, files):
    check_output_target(*target, claims, files)
