"""Offset-keeping text primitives: folding, sentences, line/column positions."""

from __future__ import annotations

import re
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factaudit.reading.text import LineIndex, fold, fold_phrase, sentences

PROPERTY = settings(max_examples=200, deadline=None)

# Text that exercises both folding paths: ASCII with punctuation runs, accented and
# decomposed letters, dashes, curly quotes, zero-width and soft hyphens, Hangul.
mixed_text = st.one_of(
    st.text(),
    st.lists(st.sampled_from([*"aB1 -_.,'\t\n", "é", "e\u0301", "–", "’", "“", "\u200b",
                              "\u00ad", "\u00a0", "İ", "ß", "K", "한", "ﬁ", "²"])).map("".join),
    st.text(alphabet=st.characters(max_codepoint=127)),
)


# --------------------------------------------------------------------------- fold


@PROPERTY
@given(mixed_text)
def test_folded_letters_map_back_to_their_original(text):
    folded = fold(text)
    for i, ch in enumerate(folded.text):
        j = folded.to_original(i)
        assert 0 <= j < len(text)
        if ch.isalnum():
            assert fold_phrase(text[j]) == ch, (text, i, j)
        else:
            assert ch == " "
            assert not fold_phrase(text[j]), (text, i, j)


@PROPERTY
@given(mixed_text)
def test_folded_map_is_increasing(text):
    folded = fold(text)
    origins = [folded.to_original(i) for i in range(len(folded.text))]
    assert origins == sorted(set(origins))


@PROPERTY
@given(mixed_text)
def test_folded_text_has_no_double_spaces_or_upper_case(text):
    folded = fold(text).text
    assert "  " not in folded
    assert folded == folded.lower()


@PROPERTY
@given(st.text(alphabet=st.characters(max_codepoint=127)), st.text(max_size=3))
def test_ascii_and_unicode_paths_agree(text, tail):
    plain = fold(text)
    # a curly quote far away forces the non-ASCII path for the whole text
    unicode = fold(text + " " * 5 + "’" + tail)
    assert unicode.text.startswith(plain.text)
    for i in range(len(plain.text)):
        assert plain.to_original(i) == unicode.to_original(i)


@PROPERTY
@given(st.text(alphabet=st.characters(max_codepoint=127), min_size=1))
def test_span_maps_whole_folded_text(text):
    folded = fold(text)
    stripped = folded.text.strip()
    if not stripped:
        return
    start = folded.text.index(stripped)
    s, e = folded.span(start, start + len(stripped))
    assert fold_phrase(text[s:e]) == stripped
    assert text[s].isalnum() and text[e - 1].isalnum()


@pytest.mark.parametrize(
    "text",
    ["ASEAN-Russia  relations", "asean russia relations", "ASEAN – Russia relations",
     "ASEAN\u00a0–\u00a0Russia relations.", "“ASEAN-Russia” relations"],
)
def test_variants_fold_to_one_phrase(text):
    assert fold_phrase(text) == "asean russia relations"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ru\u200bssia", "russia"),
        ("Rus\u00adsia", "russia"),
        ("\u00adRussia\u200b", "russia"),
        ("Jos\u00e9", "jose"),
        ("Jose\u0301", "jose"),
        ("Ngurah Rai’s", "ngurah rai s"),
        ("Ü-BAHN", "u bahn"),
    ],
)
def test_fold_examples(text, expected):
    assert fold_phrase(text) == expected


def test_nfc_and_nfd_fold_alike():
    nfc = "Café Économie"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    assert fold(nfc).text == fold(nfd).text == "cafe economie"


def test_span_quotes_the_original_exactly():
    text = "The  ASEAN – Russia\u200b relations, re\u0301sume\u0301."
    folded = fold(text)
    assert folded.text == "the asean russia relations resume "
    start = folded.text.index("asean russia")
    s, e = folded.span(start, start + len("asean russia"))
    assert text[s:e] == "ASEAN – Russia"
    start = folded.text.index("resume")
    s, e = folded.span(start, start + len("resume"))
    assert text[s:e] == "re\u0301sume"


def test_ascii_span_after_collapsed_runs():
    text = "a -- b ,, c"
    folded = fold(text)
    assert folded.text == "a b c"
    assert folded.span(4, 5) == (10, 11)
    assert folded.span(2, 3) == (5, 6)
    assert text[slice(*folded.span(0, 5))] == text


@pytest.mark.parametrize(("one", "two"), [("한국", "할국"), ("Ålesund", "Ølesund")])
def test_distinct_letters_stay_distinct(one, two):
    assert fold_phrase(one) != fold_phrase(two)
    assert len(fold_phrase(one)) == len(one)


# --------------------------------------------------------------------------- sentences


def _texts(text, spans):
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(
    ("text", "abbreviations", "expected"),
    [
        ("It rained. Then it stopped.", frozenset(), ["It rained.", "Then it stopped."]),
        ("It rained!  Then? 2021 came.", frozenset(), ["It rained!", "Then?", "2021 came."]),
        ("He said “Go.” Then left.", frozenset(), ["He said “Go.”", "Then left."]),
        ("Minister Sidharto R. Suryodipuro spoke.", frozenset(),
         ["Minister Sidharto R. Suryodipuro spoke."]),
        ("Dr. Smith came.", frozenset({"dr"}), ["Dr. Smith came."]),
        ("Dr. Smith came.", frozenset(), ["Dr.", "Smith came."]),
        ("We met at 10 a.m. today.", frozenset(), ["We met at 10 a.m. today."]),
        # a full stop glued to the next sentence's capital, but not inside an address
        ("Cina di posisi teratas.Indonesia di bawahnya.", frozenset(),
         ["Cina di posisi teratas.", "Indonesia di bawahnya."]),
        ("Baca di www.Kompas.com atau berita.Detik.com hari ini.", frozenset(),
         ["Baca di www.Kompas.com atau berita.Detik.com hari ini."]),
        # the reference marks after a sentence's full stop are still its own
        ("He died (in 2007).[4] The jet carried 19 foreigners.[5][6] Ten survived.",
         frozenset(), ["He died (in 2007).[4]", "The jet carried 19 foreigners.[5][6]",
                       "Ten survived."]),
        ("Title line\nBody text. More text.", frozenset(),
         ["Title line", "Body text.", "More text."]),
        ("No full stop\nSecond line\r\nThird line", frozenset(),
         ["No full stop", "Second line", "Third line"]),
        # a line that goes on in lower case after one with no sentence end runs on
        ("Gempa terjadi pada kedalaman 15\nkm. Tidak ada tsunami.\nlalu warga pulang.",
         frozenset(), ["Gempa terjadi pada kedalaman 15\nkm.", "Tidak ada tsunami.",
                       "lalu warga pulang."]),
        ("  \n\n  Spaced out.  \n\n", frozenset(), ["Spaced out."]),
        ("", frozenset(), []),
    ],
)
def test_sentences(text, abbreviations, expected):
    assert _texts(text, sentences(text, abbreviations)) == expected


def test_sentence_offsets_point_into_the_text():
    text = "Intro.\n\nThe 17th ARSOM was held. It ended on 8 July."
    spans = sentences(text)
    assert spans == [(0, 6), (8, 32), (33, 52)]
    assert text[8:32] == "The 17th ARSOM was held."


def test_many_initials_in_one_line_stay_fast():
    text = "Authors: " + "A. B. " * 20_000 + "Smith."
    started = time.perf_counter()
    spans = sentences(text)
    assert spans == [(0, len(text))]
    assert time.perf_counter() - started < 2.0  # was quadratic: over a minute


sentence_text = st.one_of(
    st.text(),
    st.lists(st.sampled_from(["It", "rained", "Dr.", "R.", "Then", "2021", ".", "!", "?", " ",
                              "  ", "\n", "\r\n", "“", "”", "…", "\u00a0", "é", "\t"]),
             max_size=30).map("".join),
)


@PROPERTY
@given(sentence_text, st.sampled_from([frozenset(), frozenset({"dr", "it"})]))
def test_sentence_spans_are_ordered_stripped_and_in_bounds(text, abbreviations):
    spans = sentences(text, abbreviations)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        # a line break inside a sentence only where the next line goes on in lower case
        for m in re.finditer(r"\n\s*(\S)", piece):
            assert m.group(1).islower()
        previous_end = end
    # nothing but white space is left out
    covered = set()
    for start, end in spans:
        covered.update(range(start, end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


# --------------------------------------------------------------------------- lines


def test_line_index_positions():
    text = "ab\ncd\n\nef"
    index = LineIndex(text)
    assert index.position(0) == (1, 1)
    assert index.position(1) == (1, 2)
    assert index.position(2) == (1, 3)  # the line break belongs to its line
    assert index.position(3) == (2, 1)
    assert index.position(6) == (3, 1)
    assert index.position(7) == (4, 1)
    assert index.position(8) == (4, 2)
    assert index.position(len(text)) == (4, 3)


def test_line_index_first_line():
    index = LineIndex("title\nbody", first_line=7)
    assert index.position(0) == (7, 1)
    assert index.position(8) == (8, 3)


def test_line_index_crlf():
    text = "one\r\ntwo\r\nthree"
    index = LineIndex(text)
    assert index.position(text.index("two")) == (2, 1)
    assert index.position(text.index("three") + 2) == (3, 3)
    assert index.position(3) == (1, 4)  # the \r stays on its line


@PROPERTY
@given(st.text(alphabet=st.sampled_from(list("ab \n\r")), max_size=40), st.integers(1, 50))
def test_line_index_agrees_with_counting(text, first_line):
    """Lines end at CR LF, LF or a lone CR, as editors count them."""
    index = LineIndex(text, first_line)
    for offset in range(len(text) + 1):
        before = text[:offset]
        ends = [m.end() for m in re.finditer(r"\r\n|\r(?!\n)|\n", text) if m.end() <= offset]
        if offset < len(text) and before.endswith("\r") and text[offset] == "\n":
            ends = ends[:-1] if ends and ends[-1] == offset else ends  # inside a CR LF
        line = len(ends) + first_line
        column = offset - (ends[-1] if ends else 0) + 1
        assert index.position(offset) == (line, column)


def test_dotted_abbreviations_do_not_end_a_sentence():
    text = "Periode 2018 s.d. 2021 berjalan baik. Lalu selesai."
    spans = sentences(text, frozenset({"s.d."}))
    assert [text[a:b] for a, b in spans] == ["Periode 2018 s.d. 2021 berjalan baik.",
                                              "Lalu selesai."]
