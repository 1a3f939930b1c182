"""Where a name ends: acronyms a document spells out, and line breaks."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factaudit.reading.lexicon.tokens import joins, passage_tokens, spelled_out


def _at(text: str, word: str) -> bool:
    i = text.index(word)
    return spelled_out(text, i, i + len(word))


@pytest.mark.parametrize("text, acronym, expected", [
    ("digelar Gerakan Angkatan Muda Kristen Indonesia (GAMKI) pada Sabtu", "GAMKI", True),
    ("GAMKI (Gerakan Angkatan Muda Kristen Indonesia) menggelar", "GAMKI", True),
    ("Gabungan Pengusaha Kelapa Sawit Indonesia (GAPKI) menolak", "GAPKI", True),  # syllables
    ("the Badan Nasional Penanggulangan Bencana (BNPB) said", "BNPB", True),
    ("the Association of Southeast Asian Nations (ASAEN) met", "ASAEN", False),  # a typo
    ("Gabungan Pengusaha Kelapa Sawit Indonesia (GAPKU) menolak", "GAPKU", False),
    ("Gabungan Pengusaha Kelapa Sawit Indonesia (GPAKI) menolak", "GPAKI", False),
    ("Komisi Pemberantasan Korupsi (KPPK) memeriksa", "KPPK", False),
    ("kata ASAEN (lihat di bawah) saja", "ASAEN", False),
    ("the ASAEN summit", "ASAEN", False),
])
def test_spelled_out_acronyms(text, acronym, expected):
    assert _at(text, acronym) is expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ABCDE abcde()", max_size=300))
def test_spelled_out_never_fails_on_any_text(text):
    for i, c in enumerate(text):
        if c.isupper():
            j = i
            while j < len(text) and text[j].isupper():
                j += 1
            assert spelled_out(text, i, j) in (True, False)


def test_spelled_out_stays_fast_on_repetitive_capitals():
    acronym = "ABABABABABAB"
    text = " ".join(["Ab", "Ba"] * 200) + f" ({acronym})"
    started = time.perf_counter()
    assert spelled_out(text, len(text) - len(acronym) - 1, len(text) - 1) in (True, False)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("text, wrapped, expected", [
    ("the minister said Joko\nWidodo would visit", False, True),  # running text
    ("Begini Reaksi Menteri Soal Kasus Mendag\nIndasari disebut memberi izin", False, False),
    ("Indasari\nBaca Juga: Kisah Panjang Para Pejabat Negara", False, False),
    ("Begini Reaksi Menteri Soal Kasus Mendag\nIndasari disebut memberi izin", True, True),
])
def test_a_line_break_beside_a_heading_ends_a_name_unless_the_text_is_hard_wrapped(
        text, wrapped, expected):
    doc = passage_tokens("d", "id", text, [(0, len(text))], {}, wrapped=wrapped)
    k = next(i for i in range(len(doc.starts) - 1)
             if "\n" in text[doc.ends[i]:doc.starts[i + 1]])
    assert joins(doc, doc.ends[k], doc.starts[k + 1]) is expected
    assert joins(doc, doc.ends[0], doc.starts[1]) or "\n" in text[doc.ends[0]:doc.starts[1]]
