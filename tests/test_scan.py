"""The scan reads inflected cues and keywords only in windows around their words: the
windows must find exactly what reading the whole text finds."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factaudit.inputs.claims import claimset_from_text
from factaudit.matching.scan import Matcher

CLAIMS = claimset_from_text(yaml.safe_dump({"claims": [
    {"id": "landing", "statement": "s", "type": "date", "expected": "2023-08-23",
     "cues": {"en": ["landing", "touched down"], "id": ["mendarat"]}},
    {"id": "orbit", "statement": "s", "type": "date", "expected": "2023-08-05",
     "keywords": {"en": ["entered", "orbit"], "id": ["memasuki", "orbit"]}},
]}))
MATCHER = Matcher(CLAIMS)
WORDS = ["the", "craft", "landed", "lands", "land", "touched", "down", "entered", "orbit",
         "enters", "lunar", "on", "23", "August", "didaratkan", "mendarat", "memasuki",
         "pendarat", "Landing", "ORBIT", ".", ",", "\n", "\n\n", "İstanbul", "ß"]


def _whole(text: str, language: str) -> set[tuple[str, int, int]]:
    inflected = MATCHER.inflected[language]
    return {(h.item, h.start, h.end) for h in inflected.scan(text, "d", language)}


def _windows(text: str, language: str) -> set[tuple[str, int, int]]:
    inflected = MATCHER.inflected[language]
    return {(h.item, h.start, h.end) for lo, hi in inflected.windows(text)
            for h in inflected.scan(text, "d", language, lo, hi)}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=400), st.sampled_from(["en", "id"]),
       st.integers(0, 3))
def test_windows_find_what_the_whole_text_finds(words, language, filler):
    text = " ".join(words) + (" lorem" * 120) * filler
    assert _windows(text, language) == _whole(text, language)


def test_a_text_without_any_key_costs_no_window():
    inflected = MATCHER.inflected["en"]
    assert inflected.windows("Nothing here but filler words. " * 500) == []
    text = "Filler words. " * 200 + "The craft landed on 23 August. " + "Filler. " * 200
    (window,) = inflected.windows(text)
    assert window[1] - window[0] < 1200 and "landed" in text[slice(*window)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "touched down", "Sergei Lavrov"]), max_size=300),
       st.integers(20, 200))
def test_a_long_text_scanned_in_windows_gives_the_same_hits(words, window):
    from factaudit.matching import scan

    text = " ".join(words)
    whole = MATCHER.scan(text, "d", "en")
    saved = scan.SCAN_WINDOW, scan.SCAN_OVERLAP
    scan.SCAN_WINDOW, scan.SCAN_OVERLAP = window, 40
    try:
        windowed = MATCHER.scan(text, "d", "en")
    finally:
        scan.SCAN_WINDOW, scan.SCAN_OVERLAP = saved
    key = lambda h: (h.kind, h.item, h.start, h.end)  # noqa: E731
    assert sorted(map(key, windowed)) == sorted(map(key, whole))


def test_a_cue_is_read_in_a_window_the_size_of_the_cue_and_keywords_in_a_wide_one():
    inflected = MATCHER.inflected["en"]
    filler = "Filler words. " * 100
    (cue_window,) = inflected.windows(filler + "The craft landed on 23 August. " + filler)
    assert cue_window[1] - cue_window[0] < 200  # "landing": a few words either side
    text = filler + "The craft entered, after a week of burns and checks, a lunar orbit. "
    (keyword_window,) = inflected.windows(text + filler)
    assert keyword_window[1] - keyword_window[0] > 600  # keywords stand 12 words apart
    assert {h.item for h in inflected.scan(text, "d", "en", *keyword_window)} == {"orbit"}
