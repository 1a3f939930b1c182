"""Word frequencies: wordfreq's packed lists read directly agree with its own API."""

from __future__ import annotations

import math

import pytest
import wordfreq

from factaudit.reading.lexicon import frequency


@pytest.mark.parametrize("language", ["en", "id"])
def test_direct_reading_agrees_with_wordfreq(language):
    direct = frequency._table(language)
    listed = wordfreq.get_frequency_dict(language, "best")
    assert len(direct) == len(listed)
    sample = sorted(listed)[:: max(1, len(listed) // 2000)]
    for word in sample:
        assert frequency.zipf(word, language) == round(math.log10(listed[word]) + 9, 2)


def test_zipf_scale_and_unlisted_words():
    assert frequency.zipf("the", "en") > 7
    assert 0 < frequency.zipf("kemarin", "id") < frequency.zipf("yang", "id")
    assert frequency.zipf("qzxqzxq", "en") == 0.0
    assert frequency.best_zipf("yang", ("en", "id")) == frequency.zipf("yang", "id")
    assert not frequency.has_list("xx")


def test_words_of_keeps_exactly_the_words_at_least_that_common():
    common = frequency.words_of("en", 5.0)
    assert "the" in common and "however" in common
    assert all(frequency.zipf(w, "en") >= 5.0 for w in list(common)[:500])
    assert "zygote" not in common


def test_the_package_api_is_the_fallback(monkeypatch):
    frequency._table.cache_clear()
    frequency.zipf.cache_clear()
    monkeypatch.setattr(frequency, "_packed", lambda language: None)
    try:
        assert frequency.zipf("kemarin", "id") == round(
            math.log10(wordfreq.get_frequency_dict("id", "best")["kemarin"]) + 9, 2)
    finally:
        frequency._table.cache_clear()
        frequency.zipf.cache_clear()
