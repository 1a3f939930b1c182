"""Value readers: tricky surface forms, comparison rules and round-trip properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factaudit.reading.values import (
    PartialDate,
    agrees,
    parse_expected,
    read_values,
    rounds_to,
    slip,
)

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"]
ID_WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

JULY_2021 = PartialDate(2021, 7)
JAN_27 = PartialDate(2021, 1, 27)

PROPERTY = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def pairs(text, lang, base=None, order=None):
    return [(v.kind, v.canonical) for v in read_values(text, lang, base, order)]


def of_kind(text, lang, kind, base=None, order=None):
    return [v.canonical for v in read_values(text, lang, base, order) if v.kind == kind]


# --------------------------------------------------------------------------- examples


@pytest.mark.parametrize(
    ("text", "lang", "base", "order", "expected"),
    [
        ("Tuesday, July 6", "en", JULY_2021, None, "2021-07-06"),
        ("6 Juli 2021", "id", None, None, "2021-07-06"),
        ("Selasa 6 Juli", "id", JULY_2021, None, "2021-07-06"),
        ("Tuesday (6/7)", "en", JULY_2021, "DMY", "2021-07-06"),
        ("Selasa (6/7)", "id", JULY_2021, None, "2021-07-06"),
        # a part of the day between the weekday and its date
        ("Selasa malam (6/7)", "id", JULY_2021, None, "2021-07-06"),
        ("pada Selasa dini hari (6/7)", "id", JULY_2021, None, "2021-07-06"),
        ("on Tuesday night (7/6)", "en", JULY_2021, "MDY", "2021-07-06"),
        ("Tuesday (7/6)", "en", JULY_2021, "MDY", "2021-07-06"),
        ("26 Januari 2021", "id", None, None, "2021-01-26"),
        ("pada tanggal 26 Januari tahun 2021", "id", None, None, "2021-01-26"),
        ("Thursday, 08 July 2021", "en", None, None, "2021-07-08"),
        ("July 6th, 2021", "en", None, None, "2021-07-06"),
        ("6th July 2021", "en", None, None, "2021-07-06"),
        ("Friday, 23rd July", "en", JULY_2021, None, "2021-07-23"),
        ("Oktober 2021", "id", None, None, "2021-10"),
        ("October 2021", "en", None, None, "2021-10"),
        ("kemarin", "id", JAN_27, None, "2021-01-26"),
        ("yesterday", "en", JAN_27, None, "2021-01-26"),
        ("kemarin lusa", "id", JAN_27, None, "2021-01-25"),
        ("hari ini", "id", JAN_27, None, "2021-01-27"),
        ("Hari Ini Setahun Lalu", "id", JAN_27, None, "2020-01-27"),  # a year back
        ("today a year ago", "en", JAN_27, None, "2020-01-27"),
        ("6 July", "en", None, None, "--07-06"),
        # no year written: compared on day and month, unless a weekday fixes the year
        ("December 28", "en", PartialDate(2022, 1, 3), None, "--12-28"),
        ("Tuesday, December 28", "en", PartialDate(2022, 1, 3), None, "2021-12-28"),
        # … and a weekday that fits no year near publication leaves the year unwritten (a
        # page of 2019 telling of 2009: 1 October 2009 was a Thursday, 2018's a Monday)
        ("Kamis 1 Oktober", "id", PartialDate(2019, 2, 4), None, "--10-01"),
        # … and the order of a numeric date without a year, when only one order fits it
        ("Sunday (2/9)", "en", PartialDate(2018, 9, 3), "MDY", "2018-09-02"),
        ("Minggu (9/2)", "id", PartialDate(2018, 9, 3), "DMY", "2018-09-02"),
        ("Sunday (9/2)", "en", PartialDate(2018, 9, 3), "MDY", "2018-09-02"),
        # a weekday that fits only the other order does not move a recent date away
        ("Sabtu (6/12/2021)", "id", PartialDate(2021, 12, 8), "DMY", "2021-12-06"),
        ("Wednesday (3/1/2024)", "en", PartialDate(2024, 1, 5), "DMY", "2024-01-03"),
        ("2021-07-06", "en", None, None, "2021-07-06"),
        ("the 6th of July 2021", "en", None, None, "2021-07-06"),
        ("06/07/21", "id", None, None, "2021-07-06"),
        ("last Tuesday", "en", PartialDate(2021, 7, 8), None, "2021-07-06"),
        ("Selasa lalu", "id", PartialDate(2021, 7, 8), None, "2021-07-06"),
        ("last Thursday", "en", PartialDate(2021, 7, 8), None, "2021-07-01"),
        # a relative day with its date in brackets: the date written, with or without a
        # publication date
        ("hari ini (17/6)", "id", None, None, "--06-17"),
        # spaces around the slash inside the brackets
        ("Senin ( 4 / 10 )", "id", PartialDate(2010, 10, 8), None, "2010-10-04"),
        # a weekday that fits neither order: the order in the days before publication
        ("Tuesday (4/10)", "en", PartialDate(2010, 10, 7), "MDY", "--10-04"),
        ("kemarin (16/6/2008)", "id", PartialDate(2008, 6, 20), None, "2008-06-16"),
        ("today (17/6)", "en", PartialDate(2008, 6, 17), "DMY", "2008-06-17"),
    ],
)
def test_date_forms(text, lang, base, order, expected):
    assert pairs(text, lang, base, order) == [("date", expected)]


@pytest.mark.parametrize(
    ("text", "lang", "weekday"),
    [("Tuesday, July 6", "en", 1), ("Selasa 6 Juli", "id", 1), ("Jumat (9/7)", "id", 4)],
)
def test_written_weekday_is_kept(text, lang, weekday):
    (value,) = read_values(text, lang, JULY_2021)
    assert value.weekday == weekday


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("periode 18-23 April 2023 ada", "id", ["2023-04-18", "2023-04-23"]),
    ("KTT ASEAN pada 5-7 September", "id", ["--09-05", "--09-07"]),
    ("antara 5 dan 7 September 2023", "id", ["2023-09-05", "2023-09-07"]),
    ("between 4 and 7 September 2023", "en", ["2023-09-04", "2023-09-07"]),
    ("from 4 to 7 September", "en", ["--09-04", "--09-07"]),
    ("5 – 7 Sept 2023", "en", ["2023-09-05", "2023-09-07"]),
    # the month first, the year after the range
    ("rescued between July 8-10, 2018", "en", ["2018-07-08", "2018-07-10"]),
    ("rescued on July 8 to 10", "en", ["--07-08", "--07-10"]),
    ("July 8, 2018", "en", ["2018-07-08"]),
    ("up 8-10.5 percent since July 8", "en", ["--07-08"]),
    ("On July 8 and 10 people died.", "en", ["--07-08"]),  # "and" counts the people
    # not a range of days: a descending pair, a number of another kind before the date
    ("pages 23-18 April 2023", "en", ["2023-04-18"]),
    ("Rp 1.500-23 April 2023", "id", ["2023-04-23"]),
])
def test_a_range_of_days_is_read_at_both_ends(text, lang, expected):
    assert sorted(of_kind(text, lang, "date")) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("denda sejumlah tiga miliar lima ratus juta rupiah", "id", ["3500000000"]),
    ("dua juta tiga ratus ribu orang", "id", ["2300000"]),
    ("three billion five hundred million rupiah", "en", ["3500000000"]),
    ("Rp 1 miliar 200 juta", "id", ["1200000000"]),
    # rising scales, or a word between, are two amounts
    ("2 ribu 3 juta", "id", ["2000", "3000000"]),
    ("3 juta dan 2 ribu", "id", ["3000000", "2000"]),
])
def test_an_amount_written_in_parts_of_falling_scale_is_their_sum(text, lang, expected):
    assert of_kind(text, lang, "quantity") == expected


@pytest.mark.parametrize(("text", "lang", "weekday"), [
    ("Monday, Tuesday, April 19, 20 and 21, 2023, leave", "en", None),
    ("Wednesday and Friday, June 28 and 30, 2023", "en", None),
    ("Senin dan Selasa, 24 dan 25 April 2023", "id", None),
    ("on Tuesday, April 18, 2023", "en", 1),
    # two weekdays before a single date: a slip, and the one beside the date is its own
    ("Sunday, Saturday, March 24, 2019", "en", 5),
    ("Ahad, Sabtu, 24 Maret 2019", "id", 5),
    ("pada Selasa, 25 April 2023", "id", 1),
])
def test_a_weekday_in_a_list_of_weekdays_is_not_the_dates(text, lang, weekday):
    first = min((v for v in read_values(text, lang) if v.kind == "date"),
                key=lambda v: v.start)
    assert first.weekday == weekday


@pytest.mark.parametrize(("text", "lang"), [("Hari Ini dalam Sejarah: jembatan dibuka", "id"),
                                           ("Today in history: the bridge opened", "en")])
def test_today_in_history_is_no_date_of_publication(text, lang):
    assert of_kind(text, lang, "date", JAN_27) == []


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The ferry sank two days ago.", "en", ["2021-01-25"]),
    ("Kapal itu tenggelam dua hari lalu.", "id", ["2021-01-25"]),
    ("Kapal itu tenggelam 3 hari yang lalu.", "id", ["2021-01-24"]),
    # weeks ago are no exact day
    ("The ferry sank two weeks ago.", "en", []),
])
def test_days_ago_count_back_from_the_publication_date(text, lang, expected):
    assert of_kind(text, lang, "date", JAN_27) == expected
    assert of_kind(text, lang, "date", PartialDate(2021, 1)) == []


@pytest.mark.parametrize("base", [None, PartialDate(2021), PartialDate(2021, 1)])
def test_relative_day_needs_a_full_publication_date(base):
    assert of_kind("kemarin", "id", "date", base) == []
    assert of_kind("yesterday", "en", "date", base) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("since 1996", "en", [("period", "1996.."), ("year", "1996")]),
        ("sejak tahun 1996", "id", [("period", "1996.."), ("year", "1996")]),
        ("pada 2018", "id", [("year", "2018")]),
        ("in 2018", "en", [("year", "2018")]),
        ("2018-2021", "en", [("period", "2018..2021")]),
        ("2018–2021", "en", [("period", "2018..2021")]),
        ("2018 — 2021", "id", [("period", "2018..2021")]),
        ("from 2018 to 2021", "en", [("period", "2018..2021")]),
        ("2018 through 2021", "en", [("period", "2018..2021")]),
        ("periode 2018-2021", "id", [("period", "2018..2021")]),
        ("selama 2018-2021", "id", [("period", "2018..2021")]),
        ("2018 s.d. 2021", "id", [("period", "2018..2021")]),
        ("2018 s/d 2021", "id", [("period", "2018..2021")]),
        ("dari 2018 hingga 2021", "id", [("period", "2018..2021")]),
        ("2018-21", "en", [("period", "2018..2021")]),
        ("1998-99", "en", [("period", "1998..1999")]),
        # a year inside a date or a period is not a separate year
        ("on 6 July 2021", "en", [("date", "2021-07-06")]),
        ("pada 6 Juli 2021 dan 2019", "id", [("date", "2021-07-06"), ("year", "2019")]),
        ("periode 2018-2021 dan 2022", "id", [("period", "2018..2021"), ("year", "2022")]),
    ],
)
def test_years_and_periods(text, lang, expected):
    assert pairs(text, lang) == expected


def test_backwards_period_is_not_a_period():
    assert of_kind("2021-2018", "en", "period") == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("20 million", "en", "20000000"),
        ("20 juta", "id", "20000000"),
        ("20,000,000", "en", "20000000"),
        ("20.000.000", "id", "20000000"),
        ("1,5 juta", "id", "1500000"),
        ("1.5 million", "en", "1500000"),
        ("2 million", "en", "2000000"),
        ("Rp 3,2 miliar", "id", "3200000000"),
        ("Read 563 times", "en", "563"),
        ("Dibaca 563 kali", "id", "563"),
        ("12.5", "en", "12.5"),
    ],
)
def test_quantities(text, lang, expected):
    assert pairs(text, lang) == [("quantity", expected)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("a debt of US$3.7bn", "en", [("quantity", "3700000000")]),
    ("a $5m fine", "en", [("quantity", "5000000")]),
    ("costs $5M.", "en", [("quantity", "5000000")]),
    ("a £40k salary", "en", [("quantity", "40000")]),
    ("kerugian Rp 43,32 M", "id", [("quantity", "43320000000")]),  # M: miliar
    ("PMN Rp1,5 T", "id", [("quantity", "1500000000000")]),  # T: triliun
    ("gaji Rp 500 jt", "id", [("quantity", "500000000")]),
    # without a currency before it the letter is no scale: metres, a code, nothing
    ("sejauh 5 m dari", "id", [("quantity", "5")]),
    ("a 5m drop", "en", [("quantity", "5")]),
    ("the code 3.7bn", "en", []),
    ("the 5 M tiles", "en", [("quantity", "5")]),
])
def test_scale_abbreviations_after_a_currency(text, lang, expected):
    assert pairs(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("rose to Rp 6.800 a liter", "en", [("quantity", "6800")]),
    ("a fee of $1.250", "en", [("quantity", "1250")]),
    ("$3.125 billion", "en", [("quantity", "3125000000")]),  # a scale: decimals
    ("grew 6.800 times", "en", [("quantity", "6.8")]),  # no amount: the pack's reading
    ("costs $6.80", "en", [("quantity", "6.8")]),
    ("harga Rp 6.800", "id", [("quantity", "6800")]),
])
def test_three_digits_after_the_decimal_mark_of_an_amount_are_thousands(text, lang, expected):
    assert pairs(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("wilayah total adalah 1817 km²", "id", [("quantity", "1817")]),
    ("a park of 2000 ha", "en", [("quantity", "2000")]),
    ("at 1990 m² of floor", "en", [("quantity", "1990")]),
    ("seluas 1733km2", "id", [("quantity", "1733")]),
    ("in 2021 the park grew", "en", [("year", "2021")]),
    ("the 2021 elections", "en", [("year", "2021")]),  # a year before a noun is a year
    ("pada 2018 komodo", "id", [("year", "2018")]),
    ("pada tahun 2020 M", "id", [("year", "2020")]),  # Masehi: a year of the common era
    ("in 2019 m", "en", [("year", "2019")]),  # one letter alone says too little
    ("a 1500 m² plot", "en", [("quantity", "1500")]),
])
def test_a_number_shaped_like_a_year_before_a_unit_is_an_amount(text, lang, expected):
    assert pairs(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("25 years", "en", "25"),
        ("25 tahun", "id", "25"),
        ("tiga puluh tahun", "id", "30"),
        ("dua puluh lima tahun", "id", "25"),
        ("three years", "en", "3"),
        ("thirty-five years", "en", "35"),
        # months after the years count as twelfths
        ("1 tahun 6 bulan", "id", "1.5"),
        ("2 tahun dan 3 bulan", "id", "2.25"),
        ("2 years and 6 months", "en", "2.5"),
        # a mixed fraction is one number
        ("3 1/2 years", "en", "3.5"),
        ("3½ tahun", "id", "3.5"),
    ],
)
def test_durations(text, lang, expected):
    assert pairs(text, lang) == [("duration", expected)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("across a dozen countries", "en", [("quantity", "12")]),
        ("two dozen people", "en", [("quantity", "24")]),
        ("selusin negara", "id", [("quantity", "12")]),
        ("dua lusin orang", "id", [("quantity", "24")]),
        # the plural is no number
        ("dozens of countries", "en", []),
        ("lusinan negara", "id", []),
    ],
)
def test_a_dozen_is_twelve(text, lang, expected):
    assert pairs(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [("17th", "en", "17"), ("the 1st time", "en", "1"), ("ke-17", "id", "17"),
     ("ARSOM ke 17", "id", "17")],
)
def test_ordinals(text, lang, expected):
    assert pairs(text, lang) == [("ordinal", expected)]


@pytest.mark.parametrize(
    ("text", "lang", "base"),
    [
        ("Puri Mei Setyaningrum", "id", None),
        ("Puri Mei Setyaningrum", "id", PartialDate(2021, 5, 3)),
        ("00:00", "en", None),
        ("00:00", "id", None),
        ("pukul 09:30 WIB", "id", None),
        # a leading zero makes a code or a part of a date, not a count
        ("Komandan Korem 063 hadir.", "id", None),
        ("Unit 007 reported in.", "en", None),
        ("Mag:2.4 01-Jan-24", "id", None),
        # a code in capitals before a number designates a flight or a ship
        ("Korban pesawat Lion Air JT 610 teridentifikasi.", "id", None),
        ("The search for flight QZ 8501 went on.", "en", None),
    ],
)
def test_no_values(text, lang, base):
    assert read_values(text, lang, base) == []


def test_a_currency_code_before_a_number_is_no_designation():
    assert [v.canonical for v in read_values("It cost USD 20 and IDR 500 more.", "en")] == [
        "20", "500"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Warga baru menerima DP 20 persen dari ganti rugi.", "id"),
    ("Residents got a DP 20 percent payment.", "en"),
])
def test_a_measure_after_a_code_in_capitals_makes_it_an_amount(text, lang):
    assert [v.canonical for v in read_values(text, lang)] == ["20"]


# --------------------------------------------------------------------------- expected values


@pytest.mark.parametrize(
    ("kind", "raw", "canonical"),
    [
        ("year", 2021, "2021"),
        ("year", "2021", "2021"),
        ("ordinal", 17, "17"),
        ("duration", 25, "25"),
        ("duration", 2.5, "2.5"),
        ("date", dt.date(2021, 7, 6), "2021-07-06"),
        ("date", dt.datetime(2021, 7, 6, 10, 30), "2021-07-06"),
        ("date", "2021-07-06", "2021-07-06"),
        ("period", "2018..2021", "2018..2021"),
        ("period", "2018-2021", "2018..2021"),
        ("period", "2018 – 2021", "2018..2021"),
        ("period", "1996..", "1996.."),
        ("period", [2018, 2021], "2018..2021"),
        ("period", {"from": 2018, "to": 2021}, "2018..2021"),
        ("period", {"from": 1996}, "1996.."),
        ("period", {"from": 1996, "to": None}, "1996.."),
        ("quantity", 20000000, "20000000"),
        ("quantity", 1.5e6, "1500000"),
        ("quantity", "20 million", "20000000"),
        ("quantity", "20,000,000", "20000000"),
    ],
)
def test_parse_expected(kind, raw, canonical):
    assert parse_expected(kind, raw) == canonical


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("year", "abc"),
        ("year", True),
        ("year", 2021.5),
        ("year", -5),
        ("ordinal", False),
        ("duration", True),
        ("duration", "25"),
        ("duration", float("inf")),
        ("duration", float("nan")),
        ("date", "2021-02-30"),
        ("date", "6 July 2021"),
        ("date", True),
        ("period", "2021..2018"),
        ("period", "2018"),
        ("period", "18..21"),
        ("period", True),
        ("quantity", True),
        ("quantity", "many"),
        ("quantity", "20 million and 3"),
        ("quantity", float("inf")),
        ("quantity", float("nan")),
        pytest.param("quantity", 10**400, id="quantity-huge-int"),
        pytest.param("duration", 10**400, id="duration-huge-int"),
        ("colour", "red"),
    ],
)
def test_parse_expected_rejects(kind, raw):
    with pytest.raises(ValueError):
        parse_expected(kind, raw)


@pytest.mark.parametrize(
    ("kind", "expected", "found", "tolerance", "result"),
    [
        ("period", "2018..2021", "2018..2021", 0.0, True),
        ("period", "2018..2021", "2018..", 0.0, True),
        ("period", "2018..", "2018..2021", 0.0, True),
        ("period", "2018..2021", "2019..2021", 0.0, False),
        ("period", "2018..2021", "2018..2022", 0.0, False),
        ("period", "2018..2021", "2019..", 0.0, False),
        ("date", "2021-07-06", "--07-06", 0.0, True),
        ("date", "--07-06", "2021-07-06", 0.0, True),
        ("date", "2021-07-06", "--07-07", 0.0, False),
        ("date", "2021-07-06", "--06-07", 0.0, False),
        ("date", "2021-07-06", "2021-07", 0.0, True),
        ("date", "2021-07", "2021-07-06", 0.0, True),
        ("date", "2021-07-06", "2021-08", 0.0, False),
        ("date", "2021-07-06", "2020-07-06", 0.0, False),
        ("year", "2021", "2021", 0.0, True),
        ("year", "2021", "2020", 0.0, False),
        ("quantity", "20000000", "20000000", 0.0, True),
        ("quantity", "20000000", "20500000", 0.0, False),
        ("quantity", "20000000", "20500000", 0.05, True),
        ("quantity", "20000000", "21500000", 0.05, False),
        ("duration", "25", "26", 0.05, True),
        ("duration", "25", "27", 0.05, False),
        ("year", "2021", "2022", 0.5, False),
    ],
)
def test_agrees(kind, expected, found, tolerance, result):
    assert agrees(kind, expected, found, tolerance) is result


# --------------------------------------------------------------------------- PartialDate


@pytest.mark.parametrize(
    ("raw", "parsed", "text"),
    [
        ("2021", PartialDate(2021), "2021"),
        ("2021-07", PartialDate(2021, 7), "2021-07"),
        ("2021-07-06", PartialDate(2021, 7, 6), "2021-07-06"),
        (" 2021-7-6 ", PartialDate(2021, 7, 6), "2021-07-06"),
        (dt.date(2021, 7, 6), PartialDate(2021, 7, 6), "2021-07-06"),
        (dt.datetime(2021, 7, 6, 12), PartialDate(2021, 7, 6), "2021-07-06"),
    ],
)
def test_partial_date_parse(raw, parsed, text):
    assert PartialDate.parse(raw) == parsed
    assert str(parsed) == text


@pytest.mark.parametrize("raw", [None, ""])
def test_partial_date_parse_empty(raw):
    assert PartialDate.parse(raw) is None


@pytest.mark.parametrize(
    "raw", ["2021-13", "2021-00", "2021-02-30", "2021-07-00", "July 2021", "21", "2021/07"]
)
def test_partial_date_parse_rejects(raw):
    with pytest.raises(ValueError):
        PartialDate.parse(raw)


# --------------------------------------------------------------------------- properties

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))


def _suffix(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _written_dates(d: dt.date) -> list[tuple[str, str, str | None]]:
    en_m, en_w = EN_MONTHS[d.month - 1], EN_WEEKDAYS[d.weekday()]
    id_m, id_w = ID_MONTHS[d.month - 1], ID_WEEKDAYS[d.weekday()]
    return [
        (f"{en_m} {d.day}, {d.year}", "en", None),
        (f"{d.day} {en_m} {d.year}", "en", None),
        (f"{d.day:02d} {en_m} {d.year}", "en", None),
        (f"{d.day}{_suffix(d.day)} {en_m} {d.year}", "en", None),
        (f"{en_m} {d.day}{_suffix(d.day)}, {d.year}", "en", None),
        (f"{en_w}, {en_m} {d.day}, {d.year}", "en", None),
        (f"{en_w}, {d.day} {en_m} {d.year}", "en", None),
        (f"{en_w} ({d.day}/{d.month}/{d.year})", "en", "DMY"),
        (f"{en_w} ({d.month}/{d.day}/{d.year})", "en", "MDY"),
        (f"{d.day} {id_m} {d.year}", "id", None),
        (f"{id_w}, {d.day} {id_m} {d.year}", "id", None),
        (f"{id_w} {d.day} {id_m} {d.year}", "id", None),
        (f"{id_w} ({d.day}/{d.month}/{d.year})", "id", "DMY"),
        (f"{id_w} ({d.day}/{d.month}/{d.year})", "id", None),
    ]


@PROPERTY
@given(dates)
def test_written_dates_read_back(d):
    for text, lang, order in _written_dates(d):
        sentence = f"The meeting on {text} went well."
        values = read_values(sentence, lang, None, order)
        assert [(v.kind, v.canonical) for v in values] == [("date", d.isoformat())], text
        assert values[0].raw == text
        if text.split()[0].strip(",") in EN_WEEKDAYS + ID_WEEKDAYS:
            assert values[0].weekday == d.weekday()


@PROPERTY
@given(dates)
def test_dates_without_year_take_the_publication_year(d):
    base = PartialDate(d.year, d.month)
    assert pairs(f"{EN_WEEKDAYS[d.weekday()]}, {EN_MONTHS[d.month - 1]} {d.day}", "en",
                 base) == [("date", d.isoformat())]
    assert pairs(f"{ID_WEEKDAYS[d.weekday()]} {d.day} {ID_MONTHS[d.month - 1]}", "id",
                 base) == [("date", d.isoformat())]
    assert pairs(f"{ID_MONTHS[d.month - 1]} {d.year}", "id") == [
        ("date", f"{d.year:04d}-{d.month:02d}")
    ]


SCALES = {
    "en": {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12},
    "id": {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12},
}
GROUP = {"en": ",", "id": "."}
DECIMAL = {"en": ".", "id": ","}


def _grouped(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", GROUP[lang])


@PROPERTY
@given(st.integers(min_value=1000, max_value=10**15), st.sampled_from(["en", "id"]))
def test_grouped_numbers_read_back(n, lang):
    text = _grouped(n, lang)
    assert pairs(f"with {text} people", lang) == [("quantity", str(n))]


@PROPERTY
@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(["en", "id"]),
       st.data())
def test_scaled_numbers_read_back(n, lang, data):
    word, scale = data.draw(st.sampled_from(sorted(SCALES[lang].items())))
    expected = [("quantity", str(n * scale))]
    assert pairs(f"with {n} {word} people", lang) == expected
    if n >= 1000:
        assert pairs(f"with {_grouped(n, lang)} {word} people", lang) == expected


@PROPERTY
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=9),
       st.sampled_from(["en", "id"]), st.data())
def test_decimal_scaled_numbers_read_back(whole, tenth, lang, data):
    word, scale = data.draw(st.sampled_from(sorted(SCALES[lang].items())))
    text = f"{whole}{DECIMAL[lang]}{tenth} {word}"
    assert pairs(text, lang) == [("quantity", str((whole * 10 + tenth) * scale // 10))]


@PROPERTY
@given(st.integers(min_value=0, max_value=999), st.integers(min_value=1, max_value=99),
       st.sampled_from(["en", "id"]))
def test_the_other_conventions_decimal_is_read_where_it_cannot_group(whole, part, lang):
    # "7.7" in Indonesian, "7,4" in English: one or two digits after the grouping mark
    if part % 10 == 0:
        part //= 10  # "7.50" is written "7.5" in the test, so that the value is exact
    text = f"{whole}{GROUP[lang]}{part} tons"
    assert pairs(text, lang) == [("quantity", format(float(f"{whole}.{part}"), "g"))]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("gempa 7.7 SR", "id", "7.7"), ("a 7,4 magnitude quake", "en", "7.4"),
    ("sebanyak 1.500 orang", "id", "1500"), ("20,000 people", "en", "20000"),
])
def test_three_digits_after_the_grouping_mark_still_group(text, lang, expected):
    assert pairs(text, lang) == [("quantity", expected)]


def test_the_other_conventions_decimal_has_the_precision_of_its_digits():
    # "7.7" compares to 7.4 as a tenth, not as a whole number that would round to both
    (value,) = read_values("gempa 7.7 SR", "id")
    assert value.precision == pytest.approx(0.1)


PERIOD_FORMS = {
    "en": ["{a}-{b}", "{a} - {b}", "{a}–{b}", "{a} – {b}", "{a}—{b}", "{a} to {b}",
           "{a} until {b}", "{a} through {b}", "from {a} to {b}", "during {a}-{b}",
           "the period {a}–{b}"],
    "id": ["{a}-{b}", "{a} - {b}", "{a}–{b}", "{a}—{b}", "{a} sampai {b}", "{a} hingga {b}",
           "{a} s.d. {b}", "{a} s/d {b}", "{a} sd {b}", "periode {a}-{b}",
           "selama {a}–{b}", "tahun {a} sampai {b}", "dari {a} hingga {b}"],
}

years = st.integers(min_value=1500, max_value=2099)


@PROPERTY
@given(years, years, st.sampled_from(["en", "id"]))
def test_periods_read_back(y1, y2, lang):
    y1, y2 = min(y1, y2), max(y1, y2)
    for form in PERIOD_FORMS[lang]:
        text = "It ran " + form.format(a=y1, b=y2) + " here."
        assert pairs(text, lang) == [("period", f"{y1}..{y2}")], text


SENTENCES = {
    "en": ("Since 1996 the forum met on Tuesday, July 6, 2021 and yesterday with 20 million "
           "people, 1.5 billion dollars, 20,000 cars and three years of talks in 2019 for "
           "the 17th time from 2018 to 2021 and 2010-2015"),
    "id": ("Sejak tahun 1996 forum bertemu pada Selasa, 6 Juli 2021 dan kemarin lusa serta "
           "hari ini dengan 20 juta orang, 1,5 miliar rupiah, 20.000 mobil dan tiga puluh "
           "tahun pada 2019 untuk ke-17 kalinya periode 2018 hingga 2021 dan 2010-2015"),
}
NOISE_BASE = PartialDate(2021, 7, 8)


NOISE_EXPECTED = {
    "en": [("period", "1996.."), ("year", "1996"), ("date", "2021-07-06"),
           ("date", "2021-07-07"), ("quantity", "20000000"), ("quantity", "1500000000"),
           ("quantity", "20000"), ("duration", "3"), ("year", "2019"), ("ordinal", "17"),
           ("period", "2018..2021"), ("period", "2010..2015")],
    "id": [("period", "1996.."), ("year", "1996"), ("date", "2021-07-06"),
           ("date", "2021-07-06"), ("date", "2021-07-08"), ("quantity", "20000000"),
           ("quantity", "1500000000"), ("quantity", "20000"), ("duration", "30"),
           ("year", "2019"), ("ordinal", "17"), ("period", "2018..2021"),
           ("period", "2010..2015")],
}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_noise_sentence_reads_every_kind(lang):
    assert pairs(SENTENCES[lang], lang, NOISE_BASE) == NOISE_EXPECTED[lang]


@PROPERTY
@given(st.sampled_from(["en", "id"]), st.data())
def test_formatting_noise_does_not_change_values(lang, data):
    words = SENTENCES[lang].split(" ")
    gaps = data.draw(st.lists(st.sampled_from([" ", "  ", "\u00a0", " \u00a0", "\t", "   "]),
                              min_size=len(words) - 1, max_size=len(words) - 1))
    cases = data.draw(st.lists(st.sampled_from([str, str.upper, str.lower, str.title]),
                               min_size=len(words), max_size=len(words)))
    noisy = cases[0](words[0])
    for gap, case, word in zip(gaps, cases[1:], words[1:], strict=True):
        noisy += gap + case(word)
    assert pairs(noisy, lang, NOISE_BASE) == NOISE_EXPECTED[lang], noisy


TOKENS = [
    "July", "Juli", "Mei", "Tuesday", "Selasa", "since", "sejak", "tahun", "from", "to",
    "million", "juta", "ribu", "years", "ke-", "th", "yesterday", "kemarin", "hari ini",
    "2021", "1996", "6", "17", "2018-2021", "20,000", "20.000", "1,5", "(6/7)", "6/7/2021",
    "00:00", "-", "–", ",", ".", "/", "(", ")", " ", "\u00a0", "ſ", "K", "İ", "ı", "\u200b",
]
junk = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=2)), max_size=12).map("".join),
    st.lists(st.sampled_from(TOKENS), max_size=12).map(" ".join),
)


@PROPERTY
@given(junk, st.sampled_from(["en", "id"]),
       st.sampled_from([None, PartialDate(2021), PartialDate(2021, 7, 6)]),
       st.sampled_from([None, "DMY", "MDY"]))
def test_never_raises_and_spans_are_exact(text, lang, base, order):
    for v in read_values(text, lang, base, order):
        assert 0 <= v.start < v.end <= len(text)
        assert text[v.start : v.end] == v.raw
        assert v.kind in ("year", "period", "date", "quantity", "ordinal", "duration")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # re.IGNORECASE lets "ſ" match "s" and the Kelvin sign match "k"
        ("yeſterday", "en", [("date", "2021-01-26")]),
        ("2 thouſand", "en", [("quantity", "2000")]),
        ("beſoK", "id", [("date", "2021-01-28")]),
    ],
)
def test_unicode_case_variants_do_not_crash(text, lang, expected):
    assert pairs(text, lang, JAN_27) == expected


@pytest.mark.parametrize(("text", "lang", "kind", "expected"), [
    ("between 2018 and 2021", "en", "period", ["2018..2021"]),
    ("antara 2018 dan 2021", "id", "period", ["2018..2021"]),
    ("Rp20 juta", "id", "quantity", ["20000000"]),
    ("US$5 million", "en", "quantity", ["5000000"]),
])
def test_more_forms(text, lang, kind, expected):
    assert of_kind(text, lang, kind) == expected


@pytest.mark.parametrize("base", [None, PartialDate(2021, 7)])
def test_last_weekday_needs_a_full_publication_date(base):
    assert of_kind("last Tuesday", "en", "date", base) == []


def test_a_language_pack_with_a_non_word_is_a_clear_error(tmp_path):
    from factaudit.model import InputError
    from factaudit.reading.languages import add_search_dir, get_pack

    (tmp_path / "xx.yaml").write_text("abbreviations: [dr, no]\n", encoding="utf-8")
    add_search_dir(tmp_path)
    with pytest.raises(InputError, match='quote words'):
        get_pack("xx")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The climb takes around four to six hours.", "en", [("quantity", "4..6")]),
    ("Pendakian butuh sekitar empat sampai enam jam.", "id", [("quantity", "4..6")]),
    ("It drew about 5 to 8 million visitors.", "en", [("quantity", "5000000..8000000")]),
    # "about" a round figure: as far as rounding to its last digit goes, up to 7.5%
    ("It drew about 5 million visitors.", "en", [("quantity", "4625000..5375000")]),
    ("Sekitar 300 rumah rusak.", "id", [("quantity", "277.5..322.5")]),
    ("Sekitar 2.450 rumah rusak.", "id", [("quantity", "2327.5..2572.5")]),
    ("About 2,500 homes were damaged.", "en", [("quantity", "2375..2625")]),
    # a unit written against the second number ends the range
    ("The wreck lies about 30 to 40m deep.", "en", [("quantity", "30..40")]),
    ("Bangkai pesawat di kedalaman 30-40m.", "id", [("quantity", "30..40")]),
    # each bound with its currency
    ("Biaya berkisar antara Rp2.943.730 hingga Rp5.887.459.", "id",
     [("quantity", "2943730..5887459")]),
    ("Tarifnya Rp 100.000-Rp 150.000 per orang.", "id", [("quantity", "100000..150000")]),
    ("Fares cost between US$ 20 and US$ 35.", "en", [("quantity", "20..35")]),
    # after a change word, "to" leads to the new value: no range
    ("The bill balloons by US$2 billion to US$7.9 billion.", "en",
     [("quantity", "2000000000"), ("quantity", "7900000000")]),
])
def test_a_range_keeps_both_bounds_after_an_approximation_word(text, lang, expected):
    assert pairs(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Setidaknya terdapat 426 orang tewas.", "id", "426..inf"),
    ("At least there were 426 people dead.", "en", "426..inf"),
    # a filler alone makes nothing approximate
    ("Ada 426 orang tewas.", "id", "426"),
    # a negated bound turns the bound around: not "less than"
    ("No less than 17 people were killed.", "en", "17..inf"),
    ("Not fewer than 17 people were killed.", "en", "17..inf"),
    ("Less than 17 people were killed.", "en", "0..17"),
    ("Tidak kurang dari 17 orang tewas.", "id", "17..inf"),
    ("Kurang dari 17 orang tewas.", "id", "0..17"),
    # "lebih" alone before a number is "more than" ("Lebih Seratus Orang Tewas")
    ("Lebih seratus orang tewas.", "id", "100..inf"),
])
def test_an_approximation_word_and_its_number(text, lang, expected):
    assert pairs(text, lang) == [("quantity", expected)]


@pytest.mark.parametrize(("expected", "written", "language", "agrees"), [
    ("96214691", "96 juta", "id", True),  # rounded to the last digit written
    ("58.59", "59", "en", True),
    ("838", "840", "en", True),
    ("24.95", "24.9", "en", True),  # cut after three digits
    ("838", "830", "en", False),  # two digits and a zero: no cut
    ("838", "850", "en", False),
    ("838", "835", "en", False),
    ("250000", "2", "en", False),
    ("16.47", "16,46", "id", False),  # one hundredth short is no cut (not in binary either)
    ("58.59", "58,5", "id", True),
    # a range: its written bounds are rounded, the bounds an approximation computes are not
    ("42330000000", "up to 42.3 billion", "en", True),
    ("42360000000", "up to 42.3 billion", "en", False),
    ("595", "more than 600", "en", False),
    ("9800000000", "sekitar 9 miliar", "id", False),
    ("9400000000", "sekitar 9 miliar", "id", True),
])
def test_a_number_agrees_with_the_value_it_rounds_to(expected, written, language, agrees):
    (v,) = [v for v in read_values(written, language) if v.kind == "quantity"]
    assert rounds_to("quantity", expected, v.canonical, v.precision) is agrees


def test_months_past_eleven_are_no_part_of_the_years():
    assert pairs("1 tahun 13 bulan", "id") == [("duration", "1"), ("quantity", "13")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Indonesia finis di posisi keempat.", ["4"]),
    ("Tim itu menempati urutan kelima klasemen.", ["5"]),
    # before its noun the word counts ("the four countries"), it does not rank
    ("Keempat negara itu lolos ke babak berikutnya.", []),
    ("Dari kelima pemain itu, dua cedera.", []),
])
def test_indonesian_ordinal_words_rank_after_their_noun(text, expected):
    assert of_kind(text, "id", "ordinal") == expected


@pytest.mark.parametrize(("kind", "expected", "found", "result"), [
    ("year", "1978", "1979", True),  # one digit changed
    ("quantity", "53", "35", True),  # two swapped
    ("quantity", "45", "44", True),
    ("quantity", "1752", "172", True),  # one dropped
    ("ordinal", "1", "2", True),
    ("date", "2023-08-23", "--08-24", True),  # no year written: day and month
    ("date", "2021-04-21", "2021-04-24", True),
    ("year", "1978", "1981", False),
    ("quantity", "53", "34", False),
    ("quantity", "350", "180", False),
    ("quantity", "3303", "2897..3303", False),  # a range is no slip
    ("category", "3-0", "3-2", False),
])
def test_a_slip_of_the_pen_is_one_digit_off(kind, expected, found, result):
    assert slip(kind, expected, found) is result


@given(st.integers(min_value=10, max_value=10**9), st.data())
@PROPERTY
def test_property_changing_one_digit_is_always_a_slip(n, data):
    digits = str(n)
    i = data.draw(st.integers(min_value=0, max_value=len(digits) - 1))
    new = data.draw(st.sampled_from("0123456789"))
    changed = digits[:i] + new + digits[i + 1:]
    assert slip("quantity", digits, changed)


@pytest.mark.parametrize("address", [
    "https://news.example.com/berita/d-5212345/6-tersangka-kebakaran-2020",
    "www.example.org/2020/08/22/3-killed",
    "example.co.id/read/2023/05/10/42-ships",
])
@pytest.mark.parametrize("language", ["en", "id"])
def test_numbers_in_a_web_address_are_not_values(address, language):
    text = f"Source: {address} — 5 people were hurt."
    assert [v.raw for v in read_values(text, language)] == ["5"]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Kru lainnya dihukum dari dua hingga 12 tahun penjara.", "id",
     [("duration", "2..12")]),
    ("The crew were sentenced to between 5 and 10 years in prison.", "en",
     [("duration", "5..10")]),
    ("They got 5-10 years.", "en", [("duration", "5..10")]),
    # a range of counts beside a duration of its own stays a count
    ("Between 5 and 10 people were held for 3 years.", "en",
     [("quantity", "5..10"), ("duration", "3")]),
])
def test_a_range_whose_last_number_opens_a_duration_is_a_range_of_durations(text, language,
                                                                             expected):
    assert [(str(v.kind), v.canonical) for v in read_values(text, language)] == expected


@pytest.mark.parametrize(("text", "language", "raws"), [
    ("Sebanyak 14 kru kapal[7] divonis penjara.", "id", ["14"]),
    ("The ferry sank in 2014.[12][13] It carried 476 people.[3]", "en", ["2014", "476"]),
    # a number in brackets after a space is no mark glued to a word
    ("The list [7] names 14 crew.", "en", ["7", "14"]),
])
def test_a_reference_mark_glued_to_a_word_is_no_value(text, language, raws):
    assert [v.raw for v in read_values(text, language)] == raws


@settings(deadline=None)  # the first call loads dateparser's data
@given(st.lists(st.integers(min_value=1, max_value=999), max_size=3))
def test_reference_marks_never_change_the_values_around_them(marks):
    plain = "The fire killed 12 people on 22 August 2020 in Palu."
    marked = plain.replace("people", "people" + "".join(f"[{n}]" for n in marks))
    assert [(v.raw, v.canonical) for v in read_values(marked, "en")] == \
        [(v.raw, v.canonical) for v in read_values(plain, "en")]


@settings(deadline=None)  # the first call loads dateparser's data
@given(st.text(alphabet="abcdef0123456789-_/.", min_size=1, max_size=40))
def test_a_web_address_never_adds_or_hides_a_value_outside_it(path):
    plain = "The fire killed 12 people on 22 August 2020."
    with_address = f"See https://example.com/{path} . {plain}"
    shift = len(with_address) - len(plain)
    outside = [(v.start - shift, v.raw, v.canonical) for v in read_values(with_address, "en")]
    assert outside == [(v.start, v.raw, v.canonical) for v in read_values(plain, "en")]


def test_over_than_is_a_lower_bound_as_over_is():
    assert [(v.raw, v.canonical) for v in read_values(
        "over than 11,000 families have been affected", "en")] == [
        ("over than 11,000", "11000..inf")]


@pytest.mark.parametrize(("text", "lang", "found"), [
    ("The quakes before it were M4.1 and M3.4.", "en", ["4.1", "3.4"]),
    ("Gempa M4,1 terjadi pukul 14.35 WIB.", "id", ["4.1"]),
    # a whole number after M is a road, a size or a model; a longer code is no magnitude
    ("He took the M4 and bought an M5.", "en", []),
    ("The GM4.5 unit and XM4.1 chip shipped.", "en", []),
])
def test_a_magnitude_written_against_its_number_is_read(text, lang, found):
    assert [v.canonical for v in read_values(text, lang) if v.kind == "quantity"] == found


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Jemaah tinggal di Jalan Arab 204, Mina.", "id", []),
    ("Mereka berada di Jl. Sudirman 5 hingga sore.", "id", []),
    ("The pilgrims were on Street 204 in Mina.", "en", []),
    # a count, not a house number
    ("Sebanyak 204 jemaah tewas.", "id", [("quantity", "204")]),
    ("Jalan sepanjang 204 km itu dibuka.", "id", [("quantity", "204")]),
])
def test_a_number_after_a_street_and_its_name_is_a_house_number(text, lang, expected):
    assert pairs(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a decade is none of its years
    ("the largest eruption since the 1870s", "en", []),
    ("in the 1990s and in 1998", "en", [("year", "1998")]),
    ("letusan terbesar sejak tahun 1870-an", "id", []),
    ("pada 1990an", "id", []),
    # a possessive is the year itself; so is an open period
    ("2019's floods were worse", "en", [("year", "2019")]),
    ("sejak tahun 1870 letusan terbesar", "id", [("period", "1870.."), ("year", "1870")]),
])
def test_a_decade_is_no_year(text, lang, expected):
    assert pairs(text, lang) == expected
