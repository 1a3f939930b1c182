"""Attribution, mechanism by mechanism: which value (if any) each claim gets from a sentence.

Every test is a small invented example in English and, where the language pack has the
words, in Indonesian. Tests assert the public outcome — the value a claim got, whether a
finding is an error, info or absent — and, where it explains the outcome, the trace
decision of ``factaudit.matching.attribute.attribute`` ("aside", "cleft", "part-of", …).

Sections follow the module docstrings of ``matching/attribute.py`` and
``matching/clauses.py``: datelines; about / not_about, keywords, window and inflected
cues; the nearest cue (and scope); asides; clefts; plans; quantities; dates; durations and
ordinals; hard-wrapped text; consistency within a document and copies; and three
hypothesis properties.
"""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factaudit.inputs.claims import ClaimSet, claimset_from_text
from factaudit.inputs.corpus import Source, read_source
from factaudit.matching.attribute import Attribution, attribute
from factaudit.matching.clauses import Sentence, analyse, count_moved
from factaudit.matching.scan import Matcher
from factaudit.model import Document, InputError, Mention
from factaudit.reading.dateline import find_dateline
from factaudit.rules.registry import discover_rules
from tests.fuzz_strategies import texts
from tests.helpers import run_audit

PUBLISHED = "2023-08-24"
PROPERTY = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.filter_too_much])


# ============================================================================== helpers


def claim(cid: str, kind: str, cues: dict[str, list[str]], expected: Any = None,
          **keys: Any) -> dict[str, Any]:
    """A claim as data; without ``expected`` (or ``counts_from``) it is ``consistent``."""
    item: dict[str, Any] = {"id": cid, "statement": f"the {cid} fact", "type": kind,
                            "cues": cues, **keys}
    if expected is not None:
        item["expected"] = expected
    elif "counts_from" not in keys:
        item["consistent"] = True
    return item


def claims(*items: dict[str, Any]) -> ClaimSet:
    return claimset_from_text(yaml.safe_dump({"claims": list(items)}, allow_unicode=True))


def document(text: str, language: str = "en", published: str | None = PUBLISHED,
             doc_id: str = "doc") -> Document:
    """A document read as the corpus reader reads a file (datelines included)."""
    declared: dict[str, object] = {"id": doc_id, "language": language}
    if published is not None:
        declared["published"] = published
    warnings: list[str] = []
    doc = read_source(Source("", f"{doc_id}.txt", declared), ("en", "id"), warnings,
                      raw=text.encode("utf-8"))
    assert doc is not None, warnings
    return doc


_MATCHERS: dict[int, tuple[ClaimSet, Matcher]] = {}


def _matcher(claimset: ClaimSet) -> Matcher:
    """One automaton per claim set (kept alive here, so that its id is never reused)."""
    if id(claimset) not in _MATCHERS:
        _MATCHERS[id(claimset)] = (claimset, Matcher(claimset))
    return _MATCHERS[id(claimset)][1]


def attribution(claimset: ClaimSet, doc: Document) -> Attribution:
    """Mentions and the trace of every claim of the set."""
    hits = _matcher(claimset).scan(doc.text, doc.id, doc.language)
    return attribute(doc, claimset, hits, trace=[c.id for c in claimset.claims])


def mentions(claimset: ClaimSet, text: str, language: str = "en",
             published: str | None = PUBLISHED) -> list[Mention]:
    return attribution(claimset, document(text, language, published)).mentions


def got(claimset: ClaimSet, text: str, language: str = "en",
        published: str | None = PUBLISHED, cid: str | None = None) -> list[str]:
    """The canonical values the claim (the only one, or ``cid``) got from ``text``."""
    cid = cid or claimset.claims[0].id
    return [m.value for m in mentions(claimset, text, language, published) if m.claim == cid]


def decisions(claimset: ClaimSet, text: str, language: str = "en",
              published: str | None = PUBLISHED, cid: str | None = None,
              raw: str | None = None) -> set[str]:
    """The trace decisions about the claim (about one value, when ``raw`` is given)."""
    cid = cid or claimset.claims[0].id
    steps = attribution(claimset, document(text, language, published)).trace
    return {s.decision for s in steps if s.item == cid and (raw is None or s.raw == raw)}


def refused(claimset: ClaimSet, text: str, language: str, decision: str) -> bool:
    """Whether the claim read no value in ``text`` and its trace says ``decision``."""
    return got(claimset, text, language) == [] and decision in decisions(claimset, text,
                                                                          language)


_RULES = {r.id: r for r in discover_rules()}


def findings(claimset: ClaimSet, docs: list[Document],
             rules: tuple[str, ...] = ("value-contradiction",)) -> list[tuple[str, str, str]]:
    """(rule, severity, found) of each finding of the listed rules."""
    result = run_audit(claimset, docs, rules=[_RULES[r] for r in rules])
    return [(f.rule, str(f.severity), str(f.found)) for f in result.findings]


def verdict(claimset: ClaimSet, text: str, language: str = "en",
            published: str | None = PUBLISHED) -> list[tuple[str, str]]:
    """(severity, found) of the value-contradiction findings on one document."""
    return [(sev, found) for _, sev, found in
            findings(claimset, [document(text, language, published)])]


# ============================================================================== datelines

LAUNCH_DATE = claims(claim("launch", "date", {"en": ["launch"], "id": ["peluncuran"]},
                           "2019-03-05"))


@pytest.mark.parametrize(("text", "language"), [
    ("SURABAYA, 3 March 2019 – The launch went well.", "en"),
    ("Jakarta, 17 Mei 2021 - Peluncuran berjalan lancar.", "id"),
    ("May 4 (Reuters) - The launch went well.", "en"),
    ("NEW DELHI, 2 March 2019 (Warta Nusantara) - The launch went well.", "en"),
    ("Berlin, March 2, (dpa/GNA) – The launch went well.", "en"),  # an agency in lower case
])
def test_a_datelines_date_is_never_a_claims_value(text, language):
    assert got(LAUNCH_DATE, text, language) == []
    assert "dateline" in decisions(LAUNCH_DATE, text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("SURABAYA, 3 March 2019 – The launch took place on 5 March 2019.", "en"),
    ("JAKARTA, KOMPAS.com - Peluncuran dilakukan pada 5 Maret 2019.", "id"),
    ("May 4 (Reuters) - The launch took place on 5 March 2019.", "en"),
])
def test_values_after_the_dateline_are_read(text, language):
    assert got(LAUNCH_DATE, text, language) == ["2019-03-05"]


def test_a_dateline_on_a_line_of_its_own_is_no_value():
    text = "Bengaluru, August 23, 2023\nThe landing was watched by millions."
    landing = claims(claim("landing", "date", {"en": ["landing"]}, "2023-08-23"))
    doc = document(text, published=None)
    assert doc.dateline is not None and doc.text[slice(*doc.dateline)].startswith("Bengaluru")
    assert attribution(landing, doc).mentions == []


def test_the_dash_of_a_dateline_opens_no_aside():
    # paired with the dateline's dash, "The launch" would be an aside away from its date
    text = "SURABAYA, 3 March 2019 – The launch — delayed twice — took place on 5 March 2019."
    assert got(LAUNCH_DATE, text, published=None) == ["2019-03-05"]


FURNITURE = "Menu\nWorld\nBusiness\nMarkets\n\nBy Staff Writer\n3 Min Read\n\n"


@pytest.mark.parametrize("text", [
    FURNITURE + "SYDNEY, March 4 (Reuters) - The launch, five years on, is remembered.",
    FURNITURE + "NEW DELHI, 4 March 2024 – The launch, five years on, is remembered.",
    # a place in title case, with a date and a news agency in capitals
    FURNITURE + "Jakarta, March 4 (IANS) The launch, five years on, is remembered.",
])
def test_a_dateline_below_a_pages_furniture_is_no_value(text):
    assert got(LAUNCH_DATE, text) == []
    assert "dateline" in decisions(LAUNCH_DATE, text)


@pytest.mark.parametrize("text", [
    FURNITURE + "NASA said on March 4 - in a short note - that the launch slipped.",
    FURNITURE + "Later on, March 4 - the day of the launch - was a holiday.",
    FURNITURE + "Jakarta, March 4 was the day of the launch.",
])
def test_further_down_only_a_place_in_capitals_opens_a_dateline(text):
    assert document(text).dateline is None


def test_a_sentence_with_a_name_a_comma_and_a_dash_is_not_a_dateline():
    founded = claims(claim("founded", "year", {"en": ["founded"]}, 1949))
    text = "Garuda, founded in 1949 – the national airline – flew 20 million people."
    assert document(text).dateline is None
    assert got(founded, text) == ["1949"]


@pytest.mark.parametrize(("text", "language", "date"), [
    ("SURABAYA, 3 March 2019 – The launch went well.", "en", "2019-03-03"),
    ("Jakarta, 17 Mei 2021 - Peluncuran berjalan lancar.", "id", "2021-05-17"),
    ("Bengaluru, August 23, 2023\nThe landing was watched by millions.", "en", "2023-08-23"),
    ("Laporan harian\n\nSURABAYA, 3 Maret 2019 - Peluncuran berjalan lancar.", "id",
     "2019-03-03"),
    ("Jakarta, Dec. 31, 2020 A total of 1.8 million doses arrived.", "en", "2020-12-31"),
    ("Surabaya, 3 Maret 2019 Peluncuran berjalan lancar.", "id", "2019-03-03"),
    ("Launch report\nMarch 3, 2019The launch went well.", "en", "2019-03-03"),  # glued
    # a page's time stamp between the date and the text it is run into
    ("Launch report\nMarch 3, 2019 | 3:53 pmThe launch went well.", "en", "2019-03-03"),
    ("Laporan\n3 Maret 2019 | 15.53 WIB Peluncuran berjalan lancar.", "id", "2019-03-03"),
])
def test_a_dateline_gives_the_publication_date_when_the_metadata_has_none(text, language,
                                                                            date):
    doc = document(text, language, published=None)
    assert (doc.published, doc.published_source) == (date, "dateline")


def test_declared_metadata_wins_over_the_dateline():
    doc = document("SURABAYA, 3 March 2019 – The launch went well.", published="2019-03-04")
    assert (doc.published, doc.published_source) == ("2019-03-04", "declared")


def test_a_dateline_without_a_date_gives_no_publication_date():
    doc = document("JAKARTA, KOMPAS.com - Peluncuran berjalan lancar.", "id", published=None)
    assert doc.dateline is not None and doc.published is None


def test_the_datelines_date_dates_yesterday():
    text = "SURABAYA, 3 March 2019 – The launch took place yesterday."
    assert got(LAUNCH_DATE, text, published=None) == ["2019-03-02"]


def test_a_time_stamped_dateline_is_not_the_date_of_the_fact_it_runs_into():
    text = "Launch report\nMarch 9, 2019 | 3:53 pmThe launch of the rocket went well."
    assert got(LAUNCH_DATE, text, published=None) == []


@pytest.mark.parametrize("text", [
    "Jakarta, on 31 December 2020 The doses arrived.",  # "on": a sentence, not a dateline
    "Jakarta, December 2020 The doses arrived.",  # no day: too little for a filing date
    "Jakarta, the capital, saw the launch on 3 March 2019.",
    "17 Agustus 1945 Indonesia merdeka.",  # a sentence that opens with a date
])
def test_a_place_and_a_comma_before_a_sentence_is_no_run_in_dateline(text):
    assert document(text, published=None).dateline is None


def test_a_sentence_with_a_dash_is_not_a_dateline():
    doc = document("The minister said it – and then left on 3 March 2019.", published=None)
    assert doc.dateline is None and doc.published is None


@pytest.mark.parametrize(("text", "language", "date"), [
    ("date 2023-12-06 Korban erupsi bertambah. Peluncuran berjalan lancar.", "id",
     "2023-12-06"),
    ("Published: 6 December 2023\nThe launch went well.", "en", "2023-12-06"),
    ("Diperbarui 6 Desember 2023, 11.40 WIB\nPeluncuran berjalan lancar.", "id", "2023-12-06"),
])
def test_a_date_label_at_the_top_is_the_pages_date_not_a_value(text, language, date):
    doc = document(text, language, published=None)
    assert (doc.published, doc.published_source) == (date, "dateline")
    launch = claims(claim("launch", "date", {"en": ["launch"], "id": ["peluncuran",
                                                                       "korban"]}, "2023-12-03"))
    assert attribution(launch, doc).mentions == []


@pytest.mark.parametrize("text", [
    "Tanggal 17 Agustus 1945 peluncuran dilakukan.",  # a sentence that opens with a date
    "Dated to 1990, the launch pad still stands.",
])
def test_a_sentence_opening_with_a_date_word_is_no_date_label(text):
    assert document(text, "id" if text.startswith("Tanggal") else "en",
                    published=None).dateline is None


@pytest.mark.parametrize(("text", "language"), [
    ("Monday, November 25, 2024\nThe launch went well.", "en"),
    ("Monday, November 25, 2024\nPeluncuran berjalan lancar.", "id"),  # English widget
    ("Senin, 25 November 2024\nPeluncuran berjalan lancar.", "id"),
])
def test_a_weekday_and_a_date_alone_on_a_line_is_no_dateline(text, language):
    # a page's date widget (often the day it was fetched): a weekday is no place
    doc = document(text, language, published=None)
    assert doc.dateline is None and doc.published is None


def test_a_place_dateline_after_a_date_label_is_the_dateline_and_neither_is_a_value():
    crash = claims(claim("crash", "date", {"en": ["crash", "crashed"]}, "2018-10-29"))
    text = ("date 2018-10-31 Lion Air crash: divers search the sea\n"
            "JAKARTA, Oct 31 — The plane crashed on Monday.")
    doc = document(text, published=None)
    assert doc.text[slice(*doc.dateline)].startswith("JAKARTA")
    assert doc.published == "2018-10-31"  # the label dates the place's dateline
    assert got(crash, text, published=None) == ["2018-10-29"]  # Monday; no 31 October


def test_a_link_to_another_article_is_no_dateline():
    assert document("Baca Juga: Gempa di Banten\nPeluncuran lancar.", "id").dateline is None
    assert document("Read Also: Quake in Banten\nThe launch went well.").dateline is None


@pytest.mark.parametrize(("text", "language"), [
    ("Peluncuran berjalan lancar.\nBaca berita terkait: Peluncuran 14 Juli 2023 ditunda.", "id"),
    ("Peluncuran berjalan lancar.\nBaca Juga: Peluncuran 14 Juli 2023 ditunda.", "id"),
    ("The launch went well.\nRead also: Launch of 14 July 2023 put off.", "en"),
    # an entry of a list of references names a title, no fact
    ("The launch went well.\n2. ^ \"Launch of 14 July 2023 put off\". Space Daily.", "en"),
    ("The launch went well.\n^ \"Launch of 14 July 2023 put off\". Space Daily.", "en"),
])
def test_a_link_to_another_article_gives_no_value(text, language):
    assert refused(LAUNCH_DATE, text, language, "link")


@pytest.mark.parametrize(("text", "language", "date"), [
    ("tajukonline.com – (2/1/2019) Peluncuran berjalan lancar.", "id", "2019-01-02"),
    ("warta-kota.co.id - The launch went well.", "en", None),
])
def test_a_sites_address_and_a_dash_open_a_dateline(text, language, date):
    doc = document(text, language, published=None)
    assert doc.dateline is not None and doc.text[slice(*doc.dateline)].startswith(
        text.split()[0])
    assert doc.published == date
    assert got(LAUNCH_DATE, text, language, published=None) == []


def test_a_site_name_and_a_bar_before_the_place_make_a_dateline():
    doc = document("DARA | CIANJUR – Gempa berkekuatan 6,9 terasa kuat.", "id")
    assert doc.dateline is not None and doc.text[slice(*doc.dateline)].startswith("DARA")


@pytest.mark.parametrize(("text", "language"), [
    ("CIANJUR, KOMPAS.com - Gempa yang mengguncang Banten terjadi pada 2019.", "id"),
    ("CIANJUR, 2 Aug 2023 – The quake that struck Banten happened in 2019.", "en"),
])
def test_about_words_in_the_dateline_do_not_count(text, language):
    quake = claims(claim("quake", "year", {"en": ["quake"], "id": ["gempa"]}, 2022,
                         about=["Cianjur"]))
    assert got(quake, text, language) == []
    assert refused(quake, text, language, "not-about")
    # written in the sentence itself, the same word counts
    assert got(quake, text.replace("Banten", "Cianjur"), language) == ["2019"]


# ============================================================================== about, not_about

MISSION_COST = claims(claim(
    "cost", "quantity", {"en": ["cost"], "id": ["biaya"]}, 75_000_000,
    about={"en": [["mission", "probe"]], "id": ["misi"]},
    not_about={"en": ["rover"], "id": ["penjelajah"]}))


@pytest.mark.parametrize(("text", "language", "values"), [
    ("The mission cost 75 million.", "en", ["75000000"]),
    ("The probe cost 75 million.", "en", ["75000000"]),  # any word of a group
    ("The project cost 60 million.", "en", []),  # no about word
    ("The mission's rover cost 60 million.", "en", []),  # a not_about word
    ("The rovers of the mission cost 60 million.", "en", []),  # inflected not_about
    ("The mission was a success. It cost 75 million.", "en", []),  # another sentence
    ("Biaya misinya 75 juta.", "id", ["75000000"]),  # about word with a clitic
    ("Biaya proyek itu 60 juta.", "id", []),
    ("Biaya penjelajah misi itu 60 juta.", "id", []),
])
def test_about_and_not_about_decide_whether_a_sentence_is_read(text, language, values):
    assert got(MISSION_COST, text, language) == values
    if not values:
        assert "not-about" in decisions(MISSION_COST, text, language)


def test_an_about_word_naming_a_people_matches_its_plural():
    toll = claims(claim("toll", "quantity", {"en": ["perished"]}, 170_000,
                        about={"en": [["Indonesia", "Indonesian"]]}))
    text = "More than 200,000 Indonesians had perished by the time the waves receded."
    assert got(toll, text) == ["200000..inf"]


ROVER_MASS = claims(claim("mass", "quantity", {"en": ["weighs"], "id": ["berbobot"]}, 26,
                          unit_words={"en": ["kg"], "id": ["kg"]},
                          about={"en": ["rover"], "id": ["penjelajah"]}))


@pytest.mark.parametrize(("text", "language", "values"), [
    # the relative clause and the phrase it hangs on speak of the rover …
    ("The Pragyan rover, which weighs 26 kg, left the lander.", "en", ["26"]),
    ("Penjelajah Pragyan, yang berbobot 26 kg, keluar dari wahana.", "id", ["26"]),
    # … here of the lander, although the sentence names the rover too
    ("The lander, which weighs 1700 kg, carried the Pragyan rover.", "en", []),
    ("Wahana pendarat, yang berbobot 1700 kg, membawa penjelajah Pragyan.", "id", []),
])
def test_about_for_a_cue_in_a_relative_clause_looks_at_the_clause_and_its_head(
        text, language, values):
    assert got(ROVER_MASS, text, language) == values


# ============================================================================== keywords

ORBIT_KEYWORDS = claims({"id": "orbit", "statement": "s", "type": "date",
                         "expected": "2023-08-05",
                         "keywords": {"en": ["entered", "orbit"], "id": ["masuk", "orbit"]}})


@pytest.mark.parametrize(("text", "language"), [
    ("The craft entered lunar orbit on 5 August 2023.", "en"),
    ("On 5 August 2023 the orbit of the craft was finally entered.", "en"),  # any order
    ("The craft enters orbit on 5 August 2023.", "en"),  # any inflection
    ("Wahana itu masuk ke orbit bulan pada 5 Agustus 2023.", "id"),
])
def test_keywords_in_any_order_and_inflection_are_a_cue(text, language):
    assert got(ORBIT_KEYWORDS, text, language) == ["2023-08-05"]


@pytest.mark.parametrize("text", [
    "The craft entered service. Its orbit was raised on 9 August 2023.",  # two sentences
    "The craft entered, after a very long and slow and careful and quite difficult set of "
    "small burns, orbit on 9 August 2023.",  # farther apart than a passage reaches
])
def test_keywords_must_stand_together(text):
    assert got(ORBIT_KEYWORDS, text) == []


def test_keywords_match_the_shortest_passage():
    text = "Orbit control said the craft entered a safe mode, then entered orbit on 5 August 2023."
    (m,) = mentions(ORBIT_KEYWORDS, text)
    assert text[m.cue_start:m.cue_end] == "entered orbit" and m.value == "2023-08-05"


# ============================================================================== window

LAUNCH_WINDOW = claims(claim("launch", "year", {"en": ["launched"], "id": ["diluncurkan"]},
                             2008, window=3))


@pytest.mark.parametrize(("text", "language", "values"), [
    ("The probe was launched in 2008.", "en", ["2008"]),
    ("The probe was launched by the agency after long delays in 2008.", "en", []),
    ("Wahana itu diluncurkan pada 2008.", "id", ["2008"]),
    ("Wahana itu diluncurkan oleh badan antariksa setelah penundaan panjang pada 2008.",
     "id", []),
])
def test_window_limits_how_many_words_a_value_may_stand_from_the_cue(text, language, values):
    assert got(LAUNCH_WINDOW, text, language) == values
    if not values:
        assert "out-of-window" in decisions(LAUNCH_WINDOW, text, language)


# ============================================================================== inflected cues

LANDING_YEAR = claims(claim("landing", "year", {"en": ["landing"], "id": ["pendaratan"]},
                            2019))
TITLE_YEAR = claims(claim("title", "year", {"id": ["gelar"]}, 2019))
MADE_YEAR = claims(claim("made", "year", {"id": ["buatan"]}, 1933))


@pytest.mark.parametrize(("claimset", "text", "language", "values"), [
    (LANDING_YEAR, "The craft landed in 2019.", "en", ["2019"]),
    (LANDING_YEAR, "The craft lands in 2019.", "en", ["2019"]),
    (LANDING_YEAR, "Wahana itu mendarat pada 2019.", "id", ["2019"]),
    (LANDING_YEAR, "Wahana itu didaratkan pada 2019.", "id", ["2019"]),
    # "pendarat" is the lander, not the landing
    (LANDING_YEAR, "Pendarat itu dibuat pada 2015.", "id", []),
    # "digelar" is "held", not "title"; "gelarnya" is "its title"
    (TITLE_YEAR, "Turnamen itu digelar pada 2015.", "id", []),
    (TITLE_YEAR, "Tim itu meraih gelarnya pada 2019.", "id", ["2019"]),
    # an everyday light verb says little of its stem: "membuat" (makes, causes) is no
    # "buatan" (made by); a rarer form of the stem is
    (MADE_YEAR, "Hujan deras pada 2009 membuat warga siaga.", "id", []),
    (MADE_YEAR, "Tanggul itu dibuat pada 1933.", "id", ["1933"]),
])
def test_cues_match_their_inflections_and_only_them(claimset, text, language, values):
    assert got(claimset, text, language) == values


def test_the_bare_noun_land_is_not_the_cue_landing():
    assert got(LANDING_YEAR, "The land was bought in 2015.") == []


# ============================================================================== nearest cue

RELATIONS = claims(claim("began", "year", {"en": ["relations began"], "id": ["hubungan dimulai"]},
                         1991),
                   claim("full", "year", {"en": ["full partner"], "id": ["mitra penuh"]}, 1996))


@pytest.mark.parametrize(("text", "language"), [
    ("Relations began in 1991 and it became a full partner in 1996.", "en"),
    ("It became a full partner in 1996, and relations began in 1991.", "en"),
    ("Hubungan dimulai pada 1991 dan menjadi mitra penuh pada 1996.", "id"),
])
def test_each_value_goes_to_the_nearest_cue(text, language):
    found = mentions(RELATIONS, text, language)
    assert sorted((m.claim, m.value) for m in found) == [("began", "1991"), ("full", "1996")]
    assert "other-cue" in decisions(RELATIONS, text, language, cid="began", raw="1996")


RIVAL_SHARES = claims(
    claim("first-share", "quantity", {"en": ["Anwar", "Basuki"]}, 24.95, unit="%",
          unit_words={"en": ["%", "percent"]}, window=10),
    claim("second-share", "quantity", {"en": ["Gita", "Pramono"]}, 16.47, unit="%",
          unit_words={"en": ["%", "percent"]}, window=10))


@pytest.mark.parametrize("text", [
    "A win over rivals Anwar Basuki and Gita Pramono, who respectively received about 25% "
    "and 16%, according to the official tally.",
    "Rivals Anwar Basuki and Gita Pramono received 25% and 16% respectively.",
])
def test_values_paired_respectively_with_claims_of_two_cues_each(text):
    # each claim has two cues in the sentence; the pairing gives each name its value, and
    # a cue left with no value of its own is simply not attributed (it once crashed)
    found = mentions(RIVAL_SHARES, text)
    assert sorted(m.claim for m in found) == ["first-share", "second-share"]
    by_claim = {m.claim: m.value for m in found}  # "about 25%" is read as a range
    assert by_claim["first-share"] in ("25", "23.75..26.25")
    assert by_claim["second-share"] == "16"


def test_a_cue_keeps_the_nearest_of_its_values():
    year = claims(claim("launch", "year", {"en": ["launched"]}, 2023))
    text = "The probe was launched in 2023, four years after the design of 2019."
    assert got(year, text) == ["2023"]
    # ", four years after the design of 2019" is a clause about another event
    assert decisions(year, text, raw="2019") == {"aside"}
    assert decisions(year, text, raw="four years") == {"wrong-kind"}
    text = "The probe was launched in 2023 and in 2019 its design was done."
    assert got(year, text) == ["2023"]
    assert decisions(year, text, raw="2019") == {"not-kept"}


@pytest.mark.parametrize(("text", "language"), [
    ("The marketplace was founded in 2009, a year before the ride app was founded.", "en"),
    ("Toko daring itu didirikan pada 2009, setahun sebelum aplikasi ojek didirikan.", "id"),
    ("Toko daring itu didirikan pada 2009, tepat setahun sebelum aplikasi ojek lahir.", "id"),
])
def test_about_words_in_a_clause_of_another_event_do_not_count(text, language):
    app = claims(claim("app-founded", "year", {"en": ["founded"], "id": ["didirikan"]}, 2010,
                       about={"en": ["app"], "id": ["aplikasi"]}))
    assert refused(app, text, language, "not-about")


@pytest.mark.parametrize(("text", "language"), [
    ("The ride app was founded in 2009, a year before the marketplace opened.", "en"),
    ("Aplikasi ojek itu didirikan pada 2009, setahun sebelum toko daring dibuka.", "id"),
])
def test_about_words_beside_the_cue_count_whatever_the_other_clause(text, language):
    app = claims(claim("app-founded", "year", {"en": ["founded"], "id": ["didirikan"]}, 2010,
                       about={"en": ["app"], "id": ["aplikasi"]}))
    assert got(app, text, language) == ["2009"]


def test_two_claims_may_share_a_cue():
    both = claims(claim("day", "date", {"en": ["launched"]}, "2023-07-14"),
                  claim("year", "year", {"en": ["launched"]}, 2023))
    found = mentions(both, "The probe was launched on 14 July 2023.")
    assert sorted((m.claim, m.value) for m in found) == [("day", "2023-07-14"),
                                                         ("year", "2023")]


TERMS = claims(claim("budi", "quantity", {"en": ["fined"], "id": ["didenda"]}, 40,
                     about=["Budi"]),
               claim("sari", "quantity", {"en": ["fined"], "id": ["didenda"]}, 25,
                     about=["Sari"]))


@pytest.mark.parametrize(("text", "language"), [
    ("The court fined Budi 40 dollars and Sari 25 dollars.", "en"),
    ("Hakim mendenda Budi 40 dolar, dan Sari didenda 25 dolar.", "id"),
    ("Budi was fined 40 dollars and Sari was fined 25 dollars.", "en"),
])
def test_claims_sharing_a_cue_take_the_values_nearest_what_they_are_about(text, language):
    found = sorted((m.claim, m.value) for m in mentions(TERMS, text, language))
    assert found == [("budi", "40"), ("sari", "25")]


FLOOD = claims(claim("flood-day", "date", {"en": ["flood"], "id": ["banjir"]}, "2024-02-03"),
               claim("alert-start", "date", {"en": ["emergency status"],
                                             "id": ["status darurat"]}, "2024-02-05"))


@pytest.mark.parametrize(("text", "language"), [
    ("The mayor set a flood emergency status from 5 February 2024.", "en"),
    ("Wali kota menetapkan status darurat banjir sejak 5 Februari 2024.", "id"),
])
def test_a_cue_that_qualifies_another_claims_cue_gives_it_the_value(text, language):
    # one compound, "flood emergency status" / "status darurat banjir": its head is the
    # emergency, whatever cue stands nearer the date
    found = mentions(FLOOD, text, language)
    assert [(m.claim, m.value) for m in found] == [("alert-start", "2024-02-05")]
    assert "other-cue" in decisions(FLOOD, text, language, cid="flood-day")


@pytest.mark.parametrize(("text", "language", "cid", "value"), [
    # a verb and its object make no compound: the distance is the trip's
    ("Kereta itu menempuh jarak 120 kilometer dalam 40 menit.", "id", "length", "120"),
    # a head the modifier's claim states: "the promo fare" is the promo claim's fare
    ("The operator set a Rp150,000 promo fare for October.", "en", "promo", "150000"),
])
def test_no_compound_of_a_verb_or_of_the_modifiers_own_head(text, language, cid, value):
    rivals = claims(
        claim("length", "quantity", {"id": ["jarak"]}, 120, unit_words={"id": ["kilometer"]}),
        claim("trip", "quantity", {"id": ["menempuh"]}, 40, unit_words={"id": ["kilometer"]}),
        {**claim("promo", "quantity", {"en": ["promo"]}, 150000),
         "statement": "The promo fare was Rp150,000."},
        claim("fare", "quantity", {"en": ["fare"]}, 250000))
    assert (cid, value) in [(m.claim, m.value) for m in mentions(rivals, text, language)]


SPAN = claims({**claim("began", "date", {"en": ["curfew"], "id": ["jam malam"]},
                       "2024-03-01"), "statement": "The curfew began on 1 March 2024."},
              {**claim("ended", "date", {"en": ["curfew"], "id": ["jam malam"]},
                       "2024-03-09"), "statement": "The curfew ended on 9 March 2024."})


@pytest.mark.parametrize(("text", "language"), [
    ("The curfew ran from 1 March until 9 March 2024.", "en"),
    ("The curfew ran 1 March to 9 March 2024.", "en"),
    ("Jam malam berlaku sejak 1 Maret hingga 9 Maret 2024.", "id"),
    ("Jam malam berlaku 1 Maret sampai 9 Maret 2024.", "id"),
])
def test_a_start_claim_reads_the_opening_date_and_an_end_claim_the_closing(text, language):
    found = sorted((m.claim, m.value) for m in mentions(SPAN, text, language))
    assert found == [("began", "2024-03-01"), ("ended", "2024-03-09")]
    assert "other-bound" in decisions(SPAN, text, language, cid="began", raw="9 Maret 2024"
                                      if language == "id" else "9 March 2024")


@pytest.mark.parametrize(("text", "language"), [
    ("The curfew was kept until Saturday (9/3/2024).", "en"),
    ("Jam malam diberlakukan hingga Sabtu (9/3/2024).", "id"),
])
def test_a_date_that_closes_a_span_is_no_start(text, language):
    assert refused(claims(SPAN.claims[0].model_dump(exclude_none=True)), text, language,
                   "other-bound")


@pytest.mark.parametrize(("keys", "language", "published"), [
    ({"scope": {"languages": ["id"]}}, "en", PUBLISHED),
    ({"scope": {"sources": ["other"]}}, "en", PUBLISHED),
    ({"valid": "2010..2015"}, "en", "2019-03-06"),
])
def test_a_claim_out_of_scope_reads_nothing(keys, language, published):
    scoped = claims(claim("launch", "year", {"en": ["launched"]}, 2019, **keys))
    text = "The probe was launched in 2019."
    assert got(scoped, text, language, published) == []
    assert decisions(scoped, text, language, published) == {"out-of-scope"}


# ============================================================================== asides

LAUNCH_YEAR = claims(claim("launch", "year", {"en": ["launched"], "id": ["diluncurkan"]},
                           2019))


@pytest.mark.parametrize(("text", "language"), [
    # parentheses
    ("The rover (built in 2015) was launched.", "en"),
    ("Wahana itu (dibuat pada 2015) diluncurkan.", "id"),
    # a relative clause whose head is not the cue
    ("The probe, which was designed in 2015, has been launched.", "en"),
    ("Wahana itu, yang dirancang pada 2015, sudah diluncurkan.", "id"),
    # a participle clause between commas
    ("The craft, weighing 3900 kg in its 2015 tests, was launched.", "en"),
    # a listing
    ("The probe was launched with three instruments, including a camera built in 2015.",
     "en"),
    ("Wahana itu diluncurkan dengan tiga instrumen, termasuk kamera buatan 2015.", "id"),
    # a fronted subordinate clause
    ("After the first tests in 2015, the probe was launched.", "en"),
    ("Setelah uji coba pada 2015, wahana itu diluncurkan.", "id"),
    # dashes
    ("The probe — first built in 2015 — was launched.", "en"),
    ("Wahana itu — yang dibuat pada 2015 — diluncurkan.", "id"),
])
def test_a_value_in_an_aside_does_not_belong_to_a_cue_outside_it(text, language):
    assert got(LAUNCH_YEAR, text, language) == []
    assert "aside" in decisions(LAUNCH_YEAR, text, language, raw="2015")


@pytest.mark.parametrize(("text", "language"), [
    ("The rover (built in 2015) was launched in 2019.", "en"),
    ("Wahana itu (dibuat pada 2015) diluncurkan pada 2019.", "id"),
    ("After the first tests in 2015, the probe was launched in 2019.", "en"),
    ("Setelah uji coba pada 2015, wahana itu diluncurkan pada 2019.", "id"),
    ("The probe — first built in 2015 — was launched in 2019.", "en"),
])
def test_the_main_clause_value_is_taken_past_an_aside(text, language):
    assert got(LAUNCH_YEAR, text, language) == ["2019"]


def test_a_cue_in_an_aside_does_not_take_a_value_outside_it():
    year = claims(claim("launch", "year", {"en": ["launch"]}, 2019))
    text = "In 2019 the agency said (in a note on the launch) that work went on."
    assert got(year, text) == []
    assert "aside" in decisions(year, text, raw="2019")


@pytest.mark.parametrize(("text", "language"), [
    ("Chandrayaan-1, which was launched in 2008, found water on the Moon.", "en"),
    ("Chandrayaan-1, yang diluncurkan pada 2008, menemukan air di Bulan.", "id"),
])
def test_a_relative_clause_speaks_of_its_head_the_cue(text, language):
    name = claims(claim("ch1", "year", {"en": ["Chandrayaan-1"], "id": ["Chandrayaan-1"]},
                        2008))
    assert got(name, text, language) == ["2008"]


def test_a_weekday_with_its_date_in_brackets_is_no_aside():
    launch = claims(claim("launch", "date", {"id": ["peluncuran"]}, "2024-03-24"))
    text = "Peluncuran dilakukan pada Minggu (24/3) di Sriharikota."
    (m,) = mentions(launch, text, "id", "2024-03-25")
    assert (m.raw, m.value) == ("Minggu (24/3)", "2024-03-24")


def test_a_thousands_separator_does_not_close_an_aside():
    assert got(LAUNCH_YEAR, "The craft, weighing 3,900 kg in its 2015 tests, was "
                            "launched.") == []


def test_a_thousands_separator_does_not_close_a_relative_clause():
    assert got(LAUNCH_YEAR, "The probe, which cost 1,200 crore in 2015, was launched.") == []


def test_a_relative_clause_hangs_on_the_noun_before_it_not_on_the_main_verb():
    text = "The probe was launched from Sriharikota, which opened in 1971, in 2019."
    assert got(LAUNCH_YEAR, text) == ["2019"]


ASIDE_WORDS = claims(
    claim("orbit", "date", {"en": ["entered orbit"]}, "2023-08-05"),
    claim("cost", "quantity", {"en": ["cost"]}, 75_000_000),
    claim("drivers", "quantity", {"en": ["drivers"], "id": ["pengemudi"]}, 2_000_000),
    claim("launch", "year", {"en": ["launched"]}, 2019))


@pytest.mark.parametrize(("text", "language", "cid", "value"), [
    ("On 5 August the craft (after long delays) entered orbit.", "en", "orbit", "--08-05"),
    ("On 5 August the craft (which had been built last) entered orbit.", "en", "orbit",
     "--08-05"),
    ("The whole mission cost — less than a Hollywood film — 75 million dollars.", "en",
     "cost", "75000000"),
    ("The firm has 2 million drivers (38000 of them in East Java alone).", "en", "drivers",
     "2000000"),
    ("Perusahaan itu memiliki 2 juta pengemudi (38.000 di antaranya di Jawa Timur).", "id",
     "drivers", "2000000"),
    ("The probe was launched — its chief designer had died a year earlier — in 2019.", "en",
     "launch", "2019"),
])
def test_marker_words_inside_an_aside_do_not_refuse_the_main_clauses_value(
        text, language, cid, value):
    assert got(ASIDE_WORDS, text, language, cid=cid) == [value]


# ============================================================================== cleft

ORBIT_AND_LAUNCH = claims(
    claim("orbit", "date", {"en": ["entered orbit"]}, "2023-08-06"),
    claim("launch", "date", {"en": ["launch"]}, "2023-07-14"))


def test_the_focus_of_a_cleft_belongs_to_what_follows_that():
    text = "It was on 6 August, three weeks after the launch, that the craft entered orbit."
    found = mentions(ORBIT_AND_LAUNCH, text)
    assert [(m.claim, m.value) for m in found] == [("orbit", "--08-06")]
    assert "cleft" in decisions(ORBIT_AND_LAUNCH, text, cid="launch", raw="6 August")


def test_a_refusing_cue_does_not_hide_the_next_cue_of_the_same_claim():
    landing = claims(claim("landing", "date", {"en": ["landing", "touched down"]},
                           "2023-08-23"))
    text = "It was on 23 August, after a landing rehearsal, that the lander touched down."
    assert got(landing, text) == ["--08-23"]


# ============================================================================== plans

PLANNED_YEAR = claims(claim("launch", "year", {"en": ["launch"], "id": ["peluncuran"]}, 2019))


@pytest.mark.parametrize(("text", "language"), [
    ("The agency will attempt the launch in 2025.", "en"),
    ("The agency aims to complete the launch in 2025.", "en"),
    ("The launch is expected in 2025.", "en"),
    ("Peluncuran akan dilakukan pada 2025.", "id"),
    ("Peluncuran ditargetkan pada 2025.", "id"),
    ("ISRO berharap peluncuran terjadi pada 2025.", "id"),
    # a condition is no fact either
    ("If the launch slips again, it happens in 2025.", "en"),
    ("The agency says the launch happens in 2025 if the weather holds.", "en"),
    ("Jika peluncuran kembali ditunda, jadwalnya menjadi 2025.", "id"),
    ("Kalau cuaca baik, peluncuran dilakukan pada 2025.", "id"),
    ("It is not known whether the launch happens in 2025.", "en"),
    ("The agency is preparing to complete the launch in 2025.", "en"),
    ("The agency is on track to complete the launch in 2025.", "en"),
    ("Tim masih mengkaji apakah peluncuran dilakukan pada 2025.", "id"),
    ("The plan is a launch in 2025.", "en"),
    # a requirement is no fact either
    ("To stay on schedule, the launch must happen in 2025.", "en"),
    ("The launch needs to happen in 2025 for the window.", "en"),
    ("Peluncuran wajib dilakukan pada 2025.", "id"),
    ("Peluncuran harus memenuhi jadwal pada 2025.", "id"),
    # a date something is set for, and one a request asks for
    ("The ruling concerns the launch, which is set for 2025.", "en"),
    ("Menteri meminta agar peluncuran segera dilakukan pada 2025.", "id"),
])
def test_a_planned_value_is_info_not_an_error(text, language):
    (m,) = mentions(PLANNED_YEAR, text, language)
    assert m.value == "2025" and m.modality == "planned"
    assert verdict(PLANNED_YEAR, text, language) == [("info", "2025")]


EVENTS = claims(claim("events", "quantity", {"en": ["events"], "id": ["nomor"]}, 465,
                     unit_words={"en": ["events"], "id": ["nomor"]}))


@pytest.mark.parametrize(("text", "language", "modality"), [
    # a count in a list of counts is governed by the verb that opens the list
    ("The athletes will compete in 40 sports, 67 disciplines and 462 events.", "en",
     "planned"),
    ("Para atlet akan bertanding di 40 cabang, 67 disiplin dan 462 nomor.", "id", "planned"),
    ("The athletes competed in 40 sports, 67 disciplines and 462 events.", "en", "fact"),
    # a clause of its own after the list is not
    ("The athletes will compete in 40 sports, and 462 events were held in 2018.", "en",
     "fact"),
])
def test_a_list_of_counts_takes_the_plan_of_its_clause(text, language, modality):
    (m,) = mentions(EVENTS, text, language)
    assert (m.value, m.modality) == ("462", modality)


FIRST_ARRIVAL = claims(
    claim("arrival", "date", {"en": ["arrived", "first shipment"],
                              "id": ["tiba", "pengiriman pertama"]}, "2020-12-06"),
    claim("listing", "ordinal", {"en": ["company to list"]}, 14))


@pytest.mark.parametrize(("text", "language", "found"), [
    # the claim's cue ranks the shipment: the third is another occurrence
    ("Pengiriman ketiga vaksin dari Sinovac tiba pada Selasa (12/1/2021).", "id", []),
    ("The third shipment of the vaccine arrived on 12 January 2021.", "en", []),
    ("Vaksinasi tahap ke-2 dan pengiriman ke-2 vaksin tiba pada 31 Desember 2020.", "id", []),
    # the first is the claim's, and a sentence naming no rank is read
    ("Pengiriman pertama vaksin tiba pada 6 Desember 2020.", "id", ["2020-12-06"]),
    ("The vaccine arrived on 7 December 2020.", "en", ["2020-12-07"]),
])
def test_another_occurrence_of_what_the_claim_ranks_is_not_read(text, language, found):
    assert got(FIRST_ARRIVAL, text, language, cid="arrival") == found


def test_an_ordinal_claims_rank_is_its_value_not_another_occurrence():
    text = "GoTo was the 15th company to list on the exchange this year."
    assert got(FIRST_ARRIVAL, text, cid="listing") == ["15"]


GOALS = claims(claim("goals", "quantity", {"en": ["scored"], "id": ["mencetak"]}, 3,
                     unit_words={"en": ["goals"], "id": ["gol"]}))


@pytest.mark.parametrize(("text", "language", "found"), [
    ("He scored late as his side rallied from two goals down.", "en", []),
    ("He scored three goals as his team came back from two goals behind.", "en", ["3"]),
    ("Dia mencetak 2 gol saat timnya tertinggal.", "id", ["2"]),
])
def test_a_margin_after_a_count_and_its_unit_is_no_count(text, language, found):
    assert got(GOALS, text, language) == found


TRAIN_SPEED = claims(claim("speed", "quantity", {"en": ["top speed"],
                                                 "id": ["kecepatan maksimal"]},
                           350, unit_words={"en": ["kph"], "id": ["km per jam"]}))


@pytest.mark.parametrize(("text", "language", "found"), [
    ("In comparison, the old express train has a top speed of 160 kph.", "en", []),
    ("Sebagai perbandingan, kereta lama punya kecepatan maksimal 160 km per jam.", "id", []),
    # the sentence that the comparison follows is the train's own
    ("The express train has a top speed of 300 kph.", "en", ["300"]),
])
def test_a_sentence_that_opens_with_a_comparison_tells_of_the_other_thing(text, language,
                                                                           found):
    assert got(TRAIN_SPEED, text, language) == found


def test_what_had_to_happen_is_a_fact():
    # "harus" alone is as often "had to": "Tim tamu harus mengakui keunggulan tuan rumah"
    text = "Tim tamu harus mengakui keunggulan tuan rumah di peluncuran 2025."
    (m,) = mentions(PLANNED_YEAR, text, "id")
    assert m.modality == "fact" and verdict(PLANNED_YEAR, text, "id") == [("error", "2025")]


@pytest.mark.parametrize(("text", "language"), [
    ("The launch took place in 2025.", "en"),
    ("The launch took place in 2025, and the agency will build another.", "en"),
    ("Peluncuran dilakukan pada 2025.", "id"),
])
def test_a_stated_value_is_an_error(text, language):
    assert verdict(PLANNED_YEAR, text, language) == [("error", "2025")]


def test_a_plan_word_in_a_dashed_aside_does_not_make_the_value_a_plan():
    text = "The probe — first proposed in 2015 — was launched in 2019."
    (m,) = mentions(LAUNCH_YEAR, text)
    assert (m.value, m.modality) == ("2019", "fact")


def test_a_plan_word_in_a_parenthesis_does_not_make_the_value_a_plan():
    text = "The probe was launched (which will help the programme) in 2019."
    (m,) = mentions(LAUNCH_YEAR, text)
    assert (m.value, m.modality) == ("2019", "fact")


def test_a_hedge_in_a_relative_clause_does_not_make_the_value_a_plan():
    text = "The launch, which could have been delayed, took place in 2019."
    (m,) = mentions(PLANNED_YEAR, text)
    assert (m.value, m.modality) == ("2019", "fact")


@pytest.mark.parametrize(("text", "language"), [
    ("The launch took place as expected in 2025.", "en"),
    ("The launch went ahead as planned in 2025.", "en"),
    ("Peluncuran berjalan sesuai rencana pada 2025.", "id"),
])
def test_a_plan_that_came_true_is_a_fact(text, language):
    assert verdict(PLANNED_YEAR, text, language) == [("error", "2025")]


@pytest.mark.parametrize(("text", "language"), [
    ("Crews will try to rebuild the pad that collapsed at the launch in 2025.", "en"),
    ("Tim akan membangun ulang landasan yang runtuh saat peluncuran pada 2025.", "id"),
])
def test_a_plan_does_not_reach_the_dated_event_of_a_relative_clause(text, language):
    assert verdict(PLANNED_YEAR, text, language) == [("error", "2025")]


def test_a_condition_in_an_aside_without_the_value_leaves_it_a_fact():
    text = "The launch, which would have been cancelled if it rained, took place in 2025."
    (m,) = mentions(PLANNED_YEAR, text)
    assert (m.value, m.modality) == ("2025", "fact")


@pytest.mark.parametrize(("text", "language"), [
    ("When 60,000 spectators converge on the island, it will be the largest crowd.", "en"),
    ("Ketika 60.000 penonton tiba di pulau itu, stadion akan penuh.", "id"),
])
def test_an_opening_subordinate_clause_takes_the_plan_of_its_main_clause(text, language):
    crowd = claims(claim("crowd", "quantity", {"en": ["spectators"], "id": ["penonton"]},
                         62_923, unit_words={"en": ["spectators"], "id": ["penonton"]}))
    assert verdict(crowd, text, language) == [("info", "60000")]


def test_an_opening_subordinate_clause_of_a_past_fact_is_still_a_fact():
    crowd = claims(claim("crowd", "quantity", {"en": ["spectators"]}, 62_923,
                         unit_words={"en": ["spectators"]}))
    text = "When 60,000 spectators converged on the island, it was the largest crowd."
    assert verdict(crowd, text) == [("error", "60000")]


@pytest.mark.parametrize(("text", "language"), [
    ("Rain did not stop Quartararo and the others vying for the win.", "en"),
    ("Hujan tak menghalangi Quartararo dkk berebut gelar juara.", "id"),
])
def test_competing_for_a_title_states_no_winner(text, language):
    assert verdict(WINNER, text, language) == [("info", "quartararo")]


# ============================================================================== quantities

ENGINES = claims(claim("engines", "quantity", {"en": ["lander"], "id": ["wahana pendarat"]},
                       5, unit_words={"en": ["engines"], "id": ["mesin"]}))


@pytest.mark.parametrize(("text", "language", "values"), [
    ("The lander has 5 engines.", "en", ["5"]),
    ("The lander has five engines.", "en", ["5"]),
    ("The lander has 5 legs.", "en", []),
    ("Wahana pendarat itu memakai lima mesin.", "id", ["5"]),
    ("Wahana pendarat itu memakai lima mesinnya.", "id", ["5"]),  # the unit with a clitic
    ("Wahana pendarat itu memakai lima kaki.", "id", []),
])
def test_unit_words_must_follow_the_number(text, language, values):
    assert got(ENGINES, text, language) == values
    if not values:
        assert "no-unit" in decisions(ENGINES, text, language)


SPEED = claims(claim("top-speed", "quantity",
                     {"en": ["top speed"], "id": ["kecepatan maksimal"]}, 350,
                     unit_words={"en": ["km/h", "kilometers per hour"],
                                 "id": ["km/jam", "kilometer per jam"]}))


@pytest.mark.parametrize(("text", "language", "values"), [
    ("Its top speed is 300 km/h.", "en", ["300"]),  # a unit written with a sign
    ("Its top speed is 250km/h on the line.", "en", ["250"]),  # glued to the number
    ("Its top speed is 300 KM/H.", "en", ["300"]),
    ("Its top speed is 300 km/hr.", "en", []),  # another unit, not a longer word
    ("Its top speed is 320 kilometers (199 miles) per hour.", "en", ["320"]),  # an aside
    ("Its top speed is 320 kilometers per hour.", "en", ["320"]),
    ("Kecepatan maksimal kereta 330 km/jam.", "id", ["330"]),
    # the bound word is the cue's: "top speed 340", not "at most 340"
    ("Kereta memiliki kecepatan maksimal 340km/jam.", "id", ["340"]),
    ("Kereta memiliki kecepatan maksimal hingga 340 km/jam.", "id", ["0..340"]),
])
def test_units_with_signs_asides_in_units_and_bound_words_of_the_cue(text, language, values):
    assert got(SPEED, text, language) == values


COST = claims(claim("cost", "quantity", {"en": ["the project's cost"], "id": ["biaya proyek"]},
                    7_270_000_000, unit="USD"),
              claim("overrun", "quantity", {"en": ["cost overrun"],
                                            "id": ["pembengkakan biaya sebesar"]},
                    1_200_000_000, unit="USD"))


@pytest.mark.parametrize(("text", "language", "cid", "values"), [
    ("The project's cost balloons by US$2 billion to US$7.9 billion.", "en", "cost",
     ["7900000000"]),
    ("The project's cost rose by US$1.2 billion.", "en", "cost", []),
    ("Biaya proyek naik sebesar US$1,2 miliar.", "id", "cost", []),
    # the change word of the claim's own cue is the cue's
    ("Ada pembengkakan biaya sebesar US$1,2 miliar.", "id", "overrun", ["1200000000"]),
])
def test_the_size_of_a_change_is_not_the_value_unless_the_cue_says_change(
        text, language, cid, values):
    assert got(COST, text, language, cid=cid) == values
    if not values:
        assert "change" in decisions(COST, text, language, cid=cid)


VOTERS = claims(claim("voters", "quantity", {"en": ["registered voters"],
                                             "id": ["pemilih tetap"]}, 204_807_222))


@pytest.mark.parametrize(("text", "language", "values"), [
    ("Total pemilih tetap laki-laki tercatat sebanyak 102.218.503 orang.", "id", []),
    ("Jumlah pemilih tetap perempuan sebanyak 102.588.719 orang.", "id", []),
    ("Jumlah pemilih tetap laki-laki dan perempuan 204.807.222 orang.", "id",
     ["204807222"]),  # both: the whole
    ("Jumlah pemilih tetap sebanyak 204.807.222 orang.", "id", ["204807222"]),
    ("There were 102,588,719 female registered voters.", "en", []),
    ("The male and female registered voters numbered 204,807,222.", "en", ["204807222"]),
    ("There were 204,807,222 registered voters.", "en", ["204807222"]),
])
def test_a_qualifier_by_the_cue_counts_a_part(text, language, values):
    assert got(VOTERS, text, language) == values
    if not values:
        assert "qualified" in decisions(VOTERS, text, language)


SHARES = claims(*(claim(cid, "quantity", {"en": [name], "id": [name]}, 50,
                          unit_words={"en": ["percent"], "id": ["persen"]})
                    for cid, name in (("amin", "Anies Baswedan"), ("ganjar", "Ganjar Pranowo"))))


@pytest.mark.parametrize(("text", "language"), [
    ("Suara Anies Baswedan – Muhaimin Iskandar adalah 24,94 persen, sedangkan Ganjar "
     "Pranowo – Mahfud MD mendapatkan 16,46 persen.", "id"),
    ("Anies Baswedan — Muhaimin Iskandar won 24.94 percent, while Ganjar Pranowo — Mahfud "
     "MD won 16.46 percent.", "en"),
])
def test_a_dash_between_two_names_joins_them_and_opens_no_aside(text, language):
    assert got(SHARES, text, language, cid="amin") == ["24.94"]
    assert got(SHARES, text, language, cid="ganjar") == ["16.46"]


FOUR_ENGINES = claims(claim("engines", "quantity", {"en": ["lander"], "id": ["wahana pendarat"]},
                            4, about={"en": ["engines"], "id": ["mesin"]}))


@pytest.mark.parametrize(("text", "language", "part"), [
    ("The lander fired two of its four engines.", "en", "two"),
    ("Wahana pendarat menyalakan dua dari empat mesin.", "id", "dua"),
])
def test_a_partitive_counts_a_part_the_whole_is_read(text, language, part):
    assert got(FOUR_ENGINES, text, language) == ["4"]
    assert "part-of" in decisions(FOUR_ENGINES, text, language, raw=part)


UNITS_SHUT = claims(claim("shut", "quantity", {"en": ["shut down"], "id": ["mematikan"]}, 4,
                         unit_words={"en": ["units"], "id": ["unit"]}))


@pytest.mark.parametrize(("text", "language", "whole"), [
    ("The board decided to shut down four of seven units of the plant.", "en", "seven"),
    ("The board decided to shut down 4 of its 7 units.", "en", "7"),
    ("Direksi memutuskan mematikan empat dari tujuh unit pembangkit.", "id", "tujuh"),
])
def test_a_cue_right_before_a_partitive_acts_on_the_part(text, language, whole):
    assert got(UNITS_SHUT, text, language) == ["4"]
    assert "part-of" in decisions(UNITS_SHUT, text, language, raw=whole)


def test_a_partitive_without_a_whole_gives_nothing():
    text = "The lander fired two of its engines."
    assert got(FOUR_ENGINES, text) == []
    assert "part-of" in decisions(FOUR_ENGINES, text, raw="two")


LANDER_COUNT = claims(claim("engines", "quantity", {"en": ["lander"], "id": ["wahana pendarat"]},
                            4))


@pytest.mark.parametrize(("text", "language"), [
    ("The lander carries eight small thrusters.", "en"),
    ("Wahana pendarat membawa delapan pendorong kecil.", "id"),
])
def test_a_number_counting_another_noun_is_not_the_claims(text, language):
    assert got(LANDER_COUNT, text, language) == []
    assert "counts-other" in decisions(LANDER_COUNT, text, language)


def test_a_number_counting_the_noun_of_another_claim_goes_to_that_claim():
    both = claims(claim("engines", "quantity", {"en": ["lander"]}, 4,
                        about={"en": [["engines", "thrusters"]]}),
                  claim("thrusters", "quantity", {"en": ["thrusters"]}, 8))
    found = mentions(both, "The lander has 4 engines and 8 thrusters.")
    assert sorted((m.claim, m.value) for m in found) == [("engines", "4"), ("thrusters", "8")]


STATIONS = claims(claim("stations", "quantity", {"en": ["MRT line"], "id": ["jalur MRT"]}, 13,
                        about={"en": ["stations"], "id": ["stasiun"]}))


@pytest.mark.parametrize(("text", "language", "values"), [
    ("The MRT line has 13 stations.", "en", ["13"]),
    ("The MRT line has 13 MRT stations.", "en", ["13"]),  # a name does not qualify
    ("The MRT line has seven elevated stations.", "en", []),
    ("Jalur MRT itu memiliki 13 stasiun.", "id", ["13"]),
    ("Jalur MRT itu memiliki 13 buah stasiun.", "id", ["13"]),  # a classifier
    ("Jalur MRT itu memiliki tujuh stasiun layang.", "id", []),
])
def test_a_qualified_kind_of_the_counted_noun_is_not_the_whole(text, language, values):
    assert got(STATIONS, text, language) == values
    if not values:
        assert "qualified" in decisions(STATIONS, text, language)


DIED = claims(claim("died", "quantity", {"en": ["died"], "id": ["meninggal", "tewas"]}, 769))


@pytest.mark.parametrize(("text", "language"), [
    # the cue says what befell the noun the number counts: a predicate, no kind of it
    ("At least 717 pilgrims died in the stampede.", "en"),
    ("Sedikitnya 717 jemaah tewas dalam insiden itu.", "id"),
    ("Sedikitnya 717 jemaah haji meninggal dunia.", "id"),
    ("Sedikitnya 717 orang meninggal dunia.", "id"),  # a verb's complement qualifies not
])
def test_a_count_whose_noun_the_cue_says_something_of_is_read(text, language):
    assert got(DIED, text, language) == ["717..inf"]


def test_a_cue_that_is_a_noun_of_the_counted_noun_is_no_predicate():
    viewers = claims(claim("viewers", "quantity", {"id": ["penonton"]}, 88_966))
    text = "Laga itu disaksikan sekitar 3.500 juta pasang mata penonton di seluruh dunia."
    assert got(viewers, text, "id") == []


DRIVERS = claims(claim("drivers", "quantity", {"en": ["drivers"], "id": ["pengemudi"]},
                       2_000_000))


@pytest.mark.parametrize(("text", "language"), [
    ("In East Java alone, the firm has 38000 drivers.", "en"),
    ("Di Jawa Timur saja, perusahaan memiliki 38.000 pengemudi.", "id"),
    ("Dari semua pengemudi, 38.000 di antaranya di Jawa Timur.", "id"),
])
def test_a_sentence_with_a_subset_word_counts_a_part(text, language):
    assert refused(DRIVERS, text, language, "part-of")


def test_the_whole_before_di_antaranya_is_still_read():
    text = "Perusahaan memiliki 3 juta pengemudi, 38.000 di antaranya di Jawa Timur."
    assert got(DRIVERS, text, "id") == ["3000000"]


@pytest.mark.parametrize(("text", "language", "earlier"), [
    ("The firm grew from 20 drivers into 2 million.", "en", "20"),
    ("The firm grew from 20 drivers into 2 million drivers.", "en", "20"),
    ("Perusahaan berkembang dari 20 pengemudi menjadi 2 juta.", "id", "20"),
])
def test_the_earlier_figure_of_a_change_is_not_the_value(text, language, earlier):
    assert got(DRIVERS, text, language) == ["2000000"]
    assert "earlier" in decisions(DRIVERS, text, language, raw=earlier)


IPO_PRICE = claims(claim("ipo", "quantity", {"en": ["IPO price"], "id": ["harga IPO"]}, 340,
                         unit="IDR"))


@pytest.mark.parametrize(("text", "language"), [
    ("The shares closed at Rp400, 18% above the IPO price.", "en"),
    ("Saham ditutup di Rp400, 18% di atas harga IPO.", "id"),
])
def test_a_value_compared_with_the_cue_is_not_its_value(text, language):
    assert got(IPO_PRICE, text, language) == []
    assert "compared" in decisions(IPO_PRICE, text, language, raw="400")


def test_up_from_marks_the_earlier_price():
    close = claims(claim("close", "quantity", {"en": ["shares closed"]}, 472, unit="IDR"))
    assert got(close, "The shares closed at Rp472, up from Rp400.") == ["472"]


COST_USD = claims(claim("cost", "quantity", {"en": ["cost"], "id": ["biaya"]}, 75_000_000,
                        unit="USD"))


@pytest.mark.parametrize(("text", "language", "values"), [
    ("The mission cost Rs 615 crore.", "en", []),
    ("The mission cost 615 crore rupees.", "en", []),
    ("The mission cost $75 million.", "en", ["75000000"]),
    ("The mission cost Rs 615 crore, or about $75 million.", "en", ["71250000..78750000"]),
    ("Biaya misi itu 75 juta dolar AS.", "id", ["75000000"]),
    ("Biaya misi itu Rp1,2 triliun.", "id", []),
])
def test_amounts_in_another_currency_are_not_compared(text, language, values):
    assert got(COST_USD, text, language) == values
    if not values:
        assert "currency" in decisions(COST_USD, text, language)


def test_a_wrong_amount_in_the_claims_currency_is_an_error():
    assert verdict(COST_USD, "The mission cost $90 million.") == [("error", "90000000")]
    assert verdict(COST_USD, "Biaya misi itu 90 juta dolar AS.", "id") == [
        ("error", "90000000")]
    assert verdict(COST_USD, "The mission cost Rs 615 crore.") == []


@pytest.mark.parametrize(("text", "language"), [
    ("The mission cost Rs 615 crore (75 million US dollars).", "en"),
    ("Biaya misi itu Rp1,2 triliun (75 juta dolar AS).", "id"),
])
def test_a_converted_amount_in_brackets_is_read(text, language):
    assert got(COST_USD, text, language) == ["75000000"]


def test_a_converted_amount_with_a_symbol_in_brackets_is_read():
    assert got(COST_USD, "The mission cost Rs 615 crore ($75 million).") == ["75000000"]


PLAIN_COST = claims(claim("cost", "quantity", {"en": ["cost"]}, 75_000_000))


@pytest.mark.parametrize(("text", "values"), [
    ("The Chandrayaan-3 cost was modest.", []),
    ("Chandrayaan-3 cost $75 million.", ["75000000"]),
])
def test_the_number_of_a_hyphenated_name_is_no_value(text, values):
    assert got(PLAIN_COST, text) == values


def test_a_number_inside_the_cue_is_no_value():
    crew = claims(claim("crew", "quantity", {"en": ["Apollo 11"]}, 3,
                        about={"en": ["astronauts"]}))
    assert got(crew, "Apollo 11 carried 3 astronauts.") == ["3"]
    assert got(crew, "Apollo 11 carried astronauts.") == []
    assert "in-cue" in decisions(crew, "Apollo 11 carried astronauts.", raw="11")


PRICE_RANGE = claims(claim("range", "quantity", {"en": ["price range"], "id": ["kisaran harga"]},
                           330))
VISITORS = claims(claim("visitors", "quantity", {"en": ["visitors"]}, 6_000_000))


@pytest.mark.parametrize(("claimset", "text", "language", "value", "finding"), [
    (PRICE_RANGE, "The price range was Rp316-346 per share.", "en", "316..346", []),
    (PRICE_RANGE, "Kisaran harga ditetapkan Rp316-346 per saham.", "id", "316..346", []),
    (PRICE_RANGE, "The price range was Rp200-250 per share.", "en", "200..250",
     [("error", "200..250")]),
    (VISITORS, "The fair drew between 5 and 8 million visitors.", "en",
     "5000000..8000000", []),
    (VISITORS, "The fair drew between 1 and 2 million visitors.", "en",
     "1000000..2000000", [("error", "1000000..2000000")]),
])
def test_a_range_is_one_value_that_agrees_when_it_holds_the_expected(
        claimset, text, language, value, finding):
    assert got(claimset, text, language) == [value]
    assert verdict(claimset, text, language) == finding


LAPS = claims(claim("laps", "quantity", {"en": ["race"], "id": ["balapan"]}, 20,
                    unit_words={"en": ["laps", "lap"], "id": ["lap", "putaran"]}))


@pytest.mark.parametrize(("text", "language"), [
    ("Oliveira led the race with 11 laps remaining.", "en"),
    ("The race had five laps to go when the rain returned.", "en"),
    ("Ketika balapan menyisakan lima lap, Quartararo naik ke posisi tiga.", "id"),
    ("Balapan masih berjalan dengan 11 lap tersisa.", "id"),
])
def test_what_is_left_of_a_count_is_not_the_count(text, language):
    assert got(LAPS, text, language) == []
    assert "remainder" in decisions(LAPS, text, language)


@pytest.mark.parametrize(("text", "language", "found"), [
    ("The wet track made the 27-lap race being shortened to a 20-lap race.", "en", ["20"]),
    ("The race distance of 27 laps was reduced to 20 laps.", "en", ["20"]),
    ("Jumlah putaran balapan 27 lap dipangkas menjadi 20 lap.", "id", ["20"]),
    # the size of the cut is a change, not the distance
    ("Jarak balapan dipangkas tujuh putaran menjadi 20 lap saja.", "id", ["20"]),
    ("The race was shortened by 7 laps to 20 laps.", "en", ["20"]),
])
def test_the_figure_before_a_change_verb_is_the_earlier_one(text, language, found):
    assert got(LAPS, text, language) == found


def test_a_change_verb_not_followed_by_a_number_changes_nothing():
    text = "The 27-lap race was reduced to a procession by the rain."
    assert got(LAPS, text) == ["27"]


MAGNITUDE = claims(claim("magnitude", "quantity",
                         {"en": ["magnitude"], "id": ["magnitudo", "berkekuatan", "kekuatan",
                                                      "SR"]}, 7.4, tolerance=0.02))


@pytest.mark.parametrize(("text", "language"), [
    ("The quake measured magnitude 7.7, later revised to 7.4, and struck at dusk.", "en"),
    ("Gempa berkekuatan magnitudo 7,7 (yang kemudian direvisi magnitudo 7,4) terjadi sore.",
     "id"),
    ("Gempa berkekuatan 7,7 SR lalu dimutakhirkan menjadi 7,4 SR mengguncang Donggala.", "id"),
])
def test_a_figure_revised_to_another_is_the_earlier_one(text, language):
    assert got(MAGNITUDE, text, language) == ["7.4"]


@pytest.mark.parametrize(("text", "language", "found"), [
    # a sentence that opens with "another" and a noun tells of another occurrence
    ("Another quake, measuring magnitude 6.1, struck Jambi the next morning.", "en", []),
    ("The quake, measuring magnitude 7.7, struck at dusk.", "en", ["7.7"]),
    # a repeat word by the cue: "susulan" (aftershock)
    ("Terjadi dua gempa susulan dengan magnitudo 5,0 dan 4,3.", "id", []),
    ("Terjadi gempa dengan magnitudo 7,7 pada sore hari.", "id", ["7.7"]),
])
def test_a_cue_of_another_occurrence_gives_no_value(text, language, found):
    assert got(MAGNITUDE, text, language) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Gempa berkekuatan 7,7 SR mengguncang wilayah Sulawesi Tengah.", ["7.7"]),
    ("Dampak gempa dengan kekuatan M 7,7 dirasakan sangat keras.", ["7.7"]),
    # a noun that only looks like a verb ("menteri") still names what is counted
    ("Gempa berkekuatan 7 menteri datang.", []),
])
def test_a_verb_ends_the_noun_phrase_a_number_heads(text, found):
    assert got(MAGNITUDE, text, "id") == found


@pytest.mark.parametrize(("text", "language", "found"), [
    # a number with a fraction counts nothing: "quake" is what 7.5 measures
    ("The magnitude 7.5 quake was located 70 km away from Palu.", "en", ["7.5"]),
    ("Gempa magnitudo 7,5 itu berpusat 70 km dari Palu.", "id", ["7.5"]),
])
def test_a_claim_without_a_unit_does_not_read_a_measure(text, language, found):
    assert got(MAGNITUDE, text, language) == found
    assert "counts-other" in decisions(MAGNITUDE, text, language, raw="70")


def test_a_unit_glossed_in_brackets_stays_by_its_cue():
    distance = claims(claim("distance", "quantity", {"en": ["northeast of Donggala"]}, 27,
                            unit="km", unit_words={"en": ["km", "kilometers"]}))
    text = ("The quake, centered 27 kilometers (km) northeast of Donggala at a depth of "
            "10 km, triggered a tsunami.")
    assert got(distance, text) == ["27"]


AREAS = claims(
    claim("land", "quantity", {"en": ["land area"], "id": ["luas", "wilayah daratan"]},
          256_142, unit="ha", unit_words={"en": ["hectares", "ha"], "id": ["hektare", "Ha"]}),
    claim("sea", "quantity", {"en": ["water area"], "id": ["wilayah perairan"]}, 68_189,
          unit="ha", unit_words={"en": ["hectares", "ha"], "id": ["hektare", "Ha"]}))


@pytest.mark.parametrize(("text", "language"), [
    ("Luas Ibu Kota Baru 256 Ha", "id"),
    ("The capital's land area is 256 hectares.", "en"),
])
def test_a_count_that_lost_its_scale_word_is_a_slip_not_another_fact(text, language):
    assert verdict(AREAS, text, language) == [("error", "256")]


def test_a_count_a_thousand_times_off_at_another_precision_is_another_fact():
    assert verdict(AREAS, "The capital's land area is 300 hectares.") == [("info", "300")]


def test_a_count_its_own_cue_labels_is_no_part_of_a_list():
    text = ("The capital will be built on 256,142 hectares of land area and 68,188 hectares "
            "of water area in East Kalimantan.")
    found = [m for m in mentions(AREAS, text) if m.claim == "sea"]
    # "will be built on" governs both areas joined by "and": the second is as planned as
    # the first
    assert [(m.value, m.modality, m.total) for m in found] == [("68188", "planned", None)]


def test_from_a_whole_in_another_clause_is_no_change():
    capital = claims(claim("core", "quantity", {"id": ["Kawasan Inti"]}, 56_180,
                           unit="ha", unit_words={"id": ["hektare"]}))
    text = ("Dari luas wilayah darat tersebut, hanya 56.159 hektare menjadi Kawasan Inti "
            "Ibu Kota Nusantara.")
    assert got(capital, text, "id") == ["56159"]


BUDGET = claims(claim("budget", "quantity", {"en": ["budget of"]}, 48_800_000_000_000,
                      unit="IDR", when="2025..2029"))


@pytest.mark.parametrize(("text", "found"), [
    # one year of the claim's period: a part of its amount
    ("The ministry set a budget of Rp 15 trillion for the capital in 2025.", []),
    # the whole period, or no year at all: the claim's
    ("The ministry set a budget of Rp 48.8 trillion for 2025-2029.", ["48800000000000"]),
    ("The ministry set a budget of Rp 48.8 trillion.", ["48800000000000"]),
])
def test_an_amount_for_one_year_of_the_claims_period_is_a_part(text, found):
    assert got(BUDGET, text, published="2025-03-01") == found


# ============================================================================== categories

WINNER = claims(claim(
    "winner", "category", {"en": ["won", "winner", "win"], "id": ["menang", "pemenang",
                                                                  "juara"]},
    "oliveira", categories={n.lower(): {"en": [n], "id": [n]}
                            for n in ("Oliveira", "Quartararo", "Zarco", "Miller")}))


@pytest.mark.parametrize(("text", "language"), [
    ("Oliveira won the race, with Quartararo in second place.", "en"),
    ("The battle for second place was won by Quartararo.", "en"),
    ("Zarco took the third position, 3.15 seconds behind the winner.", "en"),
    ("Oliveira keluar sebagai pemenang, diikuti Quartararo di urutan kedua.", "id"),
    ("Juara balapan adalah Oliveira, sementara Zarco finis di posisi ketiga.", "id"),
    # "juara kedua": the second-placed, not the winner
    ("Kemudian, juara kedua dimenangkan oleh Quartararo, dan juara ketiga oleh Zarco.",
     "id"),
])
def test_a_name_holding_a_lower_rank_is_not_what_the_cue_names(text, language):
    assert verdict(WINNER, text, language) == []
    assert got(WINNER, text, language) in ([], ["oliveira"])


def _verdict_claim(statement: str) -> ClaimSet:
    return claimset_from_text(yaml.safe_dump({"claims": [{
        "id": "verdict", "statement": statement, "type": "category", "expected": "life",
        "categories": {"life": {"en": ["life in prison"], "id": ["seumur hidup"]},
                       "20 years": {"en": ["20 years"], "id": ["20 tahun"]}},
        "cues": {"en": ["sentenced"], "id": ["divonis", "memvonis"]}}]}))


FINAL_VERDICT = _verdict_claim("The captain was finally sentenced to life in prison.")
FIRST_VERDICT = _verdict_claim("The captain was sentenced to life in prison.")


@pytest.mark.parametrize(("text", "language"), [
    ("In the earlier trial, the captain was sentenced to 20 years.", "en"),
    ("The captain was first sentenced to 20 years for negligence.", "en"),
    ("Kapten itu pertama kali divonis 20 tahun penjara.", "id"),
    ("The court sentenced him to 20 years in prison, a term that was extended on appeal.",
     "en"),
    ("Pengadilan distrik sebelumnya memvonis kapten itu 20 tahun penjara.", "id"),
    # a court below the last one: its verdict is an earlier state
    ("In November, a lower court sentenced the captain to 20 years.", "en"),
    ("Di pengadilan yang lebih rendah, kapten itu divonis 20 tahun penjara.", "id"),
    ("Di pengadilan tingkat pertama, kapten itu divonis 20 tahun penjara.", "id"),
])
def test_an_earlier_state_of_a_category_the_statement_calls_final(text, language):
    assert verdict(FINAL_VERDICT, text, language) == []
    assert "earlier" in decisions(FINAL_VERDICT, text, language)
    # a statement that says nothing of a final state still reads it
    assert verdict(FIRST_VERDICT, text, language) == [("error", "20 years")]


def test_a_lower_rank_goes_to_the_nearest_name_only():
    text = "Quartararo won ahead of Oliveira in second place."
    assert verdict(WINNER, text) == [("error", "quartararo")]
    assert "other-rank" in decisions(WINNER, text, raw="Oliveira")


@pytest.mark.parametrize(("text", "language"), [
    ("He went on to win ahead of Quartararo.", "en"),
    ("Dia keluar sebagai pemenang, diikuti Fabio Quartararo.", "id"),
    ("Dia menang di trek basah, unggul dua detik dari Quartararo.", "id"),
])
def test_a_name_after_a_cue_whose_subject_is_a_pronoun_is_another(text, language):
    assert verdict(WINNER, text, language) == []
    assert "pronoun-subject" in decisions(WINNER, text, language)


def test_a_name_before_the_cue_is_still_read_after_a_pronoun():
    assert verdict(WINNER, "Quartararo said he won the race.") == [("error", "quartararo")]


@pytest.mark.parametrize(("text", "language"), [
    ("Oliveira held off world champion Quartararo in an intense battle to win.", "en"),
    ("Oliveira tampil ciamik dan Quartararo gagal mengejar hingga Oliveira menang.", "id"),
])
def test_a_sentence_that_names_the_expected_category_too_is_info_at_most(text, language):
    assert all(sev == "info" for sev, _ in verdict(WINNER, text, language))


def test_a_sentence_naming_only_another_category_is_an_error():
    assert verdict(WINNER, "Quartararo won the race in the rain.") == [
        ("error", "quartararo")]


# ============================================================================== dates

SUMMIT = claims(claim("summit", "date", {"en": ["summit"], "id": ["KTT"]}, "2020-07-07"))


@pytest.mark.parametrize(("text", "finding"), [
    ("The summit was held on 7 July.", []),
    ("The summit was held on 8 July.", [("error", "--07-08")]),
])
def test_a_date_without_a_year_is_compared_on_day_and_month(text, finding):
    assert verdict(SUMMIT, text, published="2021-07-10") == finding


@pytest.mark.parametrize(("text", "value"), [
    ("The summit was held on Tuesday, 7 July.", "2020-07-07"),  # 7 July 2020 is a Tuesday
    ("The summit was held on Wednesday, 7 July.", "2021-07-07"),  # 7 July 2021 is not
    ("KTT digelar pada Selasa, 7 Juli.", "2020-07-07"),
])
def test_a_weekday_fixes_the_year_of_a_day_ahead_of_publication(text, value):
    language = "en" if text.startswith("The") else "id"
    assert got(SUMMIT, text, language, published="2021-07-01") == [value]


def test_another_full_date_in_the_sentence_gives_the_year():
    (m,) = mentions(SUMMIT, "The summit ran from 6 July to 7 July 2020.", published="2021-07-10")
    assert (m.raw, m.value) == ("6 July", "2020-07-06")


def test_tgl_day_slash_month_is_a_date():
    assert got(SUMMIT, "KTT digelar tgl 16/10.", "id", "2021-07-10") == ["--10-16"]


def test_the_second_week_of_april_is_not_the_second_of_april():
    assert got(SUMMIT, "KTT digelar pada pekan ke-2 April 2022.", "id") == ["2022-04"]


@pytest.mark.parametrize(("text", "language", "published", "value"), [
    ("The summit was held yesterday.", "en", "2020-07-08", "2020-07-07"),
    ("KTT digelar kemarin.", "id", "2020-07-08", "2020-07-07"),
    ("The summit was held last Tuesday.", "en", "2020-07-10", "2020-07-07"),
    ("KTT digelar Selasa lalu.", "id", "2020-07-10", "2020-07-07"),
    ("The summit was held last month.", "en", "2020-08-10", "2020-07"),
    ("KTT digelar bulan lalu.", "id", "2020-08-10", "2020-07"),
])
def test_relative_days_weekdays_and_months_count_from_publication(text, language, published,
                                                                   value):
    assert got(SUMMIT, text, language, published) == [value]


LAUNCH_2008 = claims(claim("launch", "year", {"en": ["launched"], "id": ["diluncurkan"]}, 2008))


@pytest.mark.parametrize(("text", "language", "published", "value"), [
    ("The probe was launched last year.", "en", "2009-10-22", "2008"),
    ("Wahana itu diluncurkan tahun lalu.", "id", "2009-10-22", "2008"),
    ("Chandrayaan-1 diluncurkan 14 tahun lalu.", "id", "2022-10-22", "2008"),
    # a year written out beats one computed from the publication date
    ("Chandrayaan-1 diluncurkan 14 tahun lalu, pada 2008.", "id", "2022-10-22", "2008"),
    ("Chandrayaan-1 was launched 14 years ago, in 2008.", "en", "2020-10-22", "2008"),
])
def test_relative_years_and_written_years(text, language, published, value):
    (m,) = mentions(LAUNCH_2008, text, language, published)
    assert m.value == value
    if "2008" in text:
        assert m.raw == "2008"


def test_a_relative_year_without_a_publication_date_is_no_value():
    assert got(LAUNCH_2008, "Wahana itu diluncurkan tahun lalu.", "id", None) == []


@pytest.mark.parametrize(("text", "language", "life"), [
    ("The landing was led by Armstrong, who was born on 5 August 1930.", "en",
     "5 August 1930"),
    ("Pendaratan itu dipimpin Armstrong, yang lahir pada 5 Agustus 1930.", "id",
     "5 Agustus 1930"),
])
def test_a_date_of_a_life_is_not_the_events(text, language, life):
    landing = claims(claim("landing", "date", {"en": ["landing"], "id": ["pendaratan"]},
                           "1969-07-20"))
    assert got(landing, text, language) == []
    assert "life-date" in decisions(landing, text, language, raw=life)


def test_a_claim_about_a_birth_reads_the_birth_date():
    birth = claims(claim("birth", "date", {"en": ["was born"]}, "1936-06-25"))
    assert got(birth, "Habibie, the engineer, was born on 25 June 1936.") == ["1936-06-25"]


BLAZE = claims(claim("blaze", "date", {"en": ["fire"], "id": ["kebakaran"]}, "2023-09-06"))


@pytest.mark.parametrize(("text", "language", "values"), [
    # a date its event was still going on at is not the day it broke out
    ("The fire was still burning a day later on 7 September 2023.", "en", []),
    ("Reports on 11 September 2023 say the fire continues to spread.", "en", []),
    ("Kebakaran masih berlangsung pada Kamis (7/9/2023).", "id", []),
    # "still" in an aside of its own says nothing of the date
    ("The fire, which is still burning, broke out on 6 September 2023.", "en",
     ["2023-09-06"]),
    ("The fire broke out on 6 September 2023.", "en", ["2023-09-06"]),
])
def test_a_date_the_event_was_still_going_on_is_not_its_day(text, language, values):
    assert got(BLAZE, text, language) == values
    if not values:
        assert "other-occasion" in decisions(BLAZE, text, language)


CUP = claims(claim("cup", "date", {"en": ["won the cup"], "id": ["merebut Piala Thomas"]},
                   "2024-05-05"))


@pytest.mark.parametrize(("text", "language", "values"), [
    ("Indonesia last won the cup in May 2002.", "en", []),
    ("Terakhir kali Indonesia merebut Piala Thomas pada Mei 2002.", "id", []),
    ("Indonesia won the cup on 5 May 2024.", "en", ["2024-05-05"]),
])
def test_an_earlier_occasion_is_not_the_claims(text, language, values):
    assert got(CUP, text, language, "2024-05-06") == values
    if not values:
        assert "other-occasion" in decisions(CUP, text, language, "2024-05-06")


LANDING_DAY = claims(claim("landing", "date", {"en": ["landing"], "id": ["pendaratan"]},
                           "2023-08-23"))


@pytest.mark.parametrize(("text", "language", "values"), [
    ("Events on 23 August 2024, the first anniversary of the landing, drew crowds.", "en",
     []),
    ("Events on 23 August 2024 marked the first anniversary of the landing.", "en", []),
    ("Acara pada 23 Agustus 2024 memperingati satu tahun pendaratan.", "id", []),
    # a date written right after the commemorated cue is the cue's own
    ("Crowds marked the anniversary of the landing on 23 August 2023.", "en",
     ["2023-08-23"]),
    ("Warga memperingati pendaratan pada 23 Agustus 2023.", "id", ["2023-08-23"]),
])
def test_the_date_of_a_commemoration_is_not_the_events(text, language, values):
    assert got(LANDING_DAY, text, language, "2024-08-24") == values
    if not values:
        assert "other-occasion" in decisions(LANDING_DAY, text, language, "2024-08-24")


FINAL = claims(claim("final", "date", {"en": ["final"], "id": ["final"]}, "2021-10-17"))


@pytest.mark.parametrize(("text", "language", "values"), [
    ("The team trained on the day before the final, Saturday 16 October.", "en", []),
    ("Tim berlatih sehari sebelum final, Sabtu 16 Oktober.", "id", []),
    ("Fans queued the day before the final on Sunday 17 October.", "en", ["2021-10-17"]),
    ("The final was played on Sunday 17 October.", "en", ["2021-10-17"]),
])
def test_a_date_reckoned_from_the_cue_is_not_its_date(text, language, values):
    assert got(FINAL, text, language, "2021-10-20") == values
    if not values:
        assert "other-occasion" in decisions(FINAL, text, language, "2021-10-20")


@pytest.mark.parametrize(("text", "language", "raw"), [
    ("The probe was launched on 22 October 2008.", "en", "22 October 2008"),
    ("Wahana itu diluncurkan pada 22 Oktober 2008.", "id", "22 Oktober 2008"),
    ("The probe has been launched every year since 2008.", "en", "2008"),
    ("Wahana itu diluncurkan sejak 2008.", "id", "2008"),
])
def test_a_year_claim_reads_the_year_of_a_date_or_an_open_period(text, language, raw):
    (m,) = mentions(LAUNCH_2008, text, language)
    assert (m.value, m.kind) == ("2008", "year")
    assert text[m.value_start:m.value_end] == raw


@pytest.mark.parametrize(("text", "language"), [
    ("The summit started at 2.35 pm.", "en"),
    ("The summit opened at 18:00 local time.", "en"),
    ("KTT dimulai pukul 18.00 WIB.", "id"),
])
def test_a_time_of_day_is_never_a_value(text, language):
    number = claims(claim("summit", "quantity", {"en": ["summit"], "id": ["KTT"]}, 2),
                    claim("summit-date", "date", {"en": ["summit"], "id": ["KTT"]},
                          "2021-07-07"))
    assert mentions(number, text, language) == []


def test_a_time_of_day_does_not_hide_the_date_beside_it():
    assert got(SUMMIT, "KTT dimulai pukul 18.00 WIB pada 7 Juli 2020.", "id") == ["2020-07-07"]


def test_a_date_at_the_end_of_a_sentence_does_not_take_the_full_stop():
    (m,) = mentions(SUMMIT, "The summit was held on 7 July.")
    assert m.raw == "7 July"


QUAKE_DAY = claims(claim("quake", "date", {"en": ["quake", "earthquake", "tsunami"],
                                           "id": ["gempa", "tsunami"]}, "2018-09-28"))


@pytest.mark.parametrize(("text", "language"), [
    ("The death toll in the quake and tsunami in Palu reached 384 on Saturday.", "en"),
    ("Jumlah korban gempa dan tsunami Palu mencapai 844 orang pada Senin (1/10/2018).", "id"),
])
def test_the_date_of_a_tally_is_not_the_events(text, language):
    assert got(QUAKE_DAY, text, language, published="2018-10-01") == []
    assert "other-occasion" in decisions(QUAKE_DAY, text, language, published="2018-10-01")


@pytest.mark.parametrize(("text", "language"), [
    ("On Saturday, Sutopo Purwo Nugroho said the tsunami reached five metres.", "en"),
    ("Pada Sabtu 29 September 2018 lalu, Sutopo mengatakan tsunami di Palu mencapai lima "
     "meter.", "id"),
    # a full date with its own comma, and a long title in capitals before the verb
    ("On September 29, 2018, Head of the Central Sulawesi Disaster Agency Emergency "
     "Section Bartholomeus Tandigala said the quake in Palu left 800 dead.", "en"),
])
def test_an_opening_date_before_a_speaker_is_the_day_of_the_saying(text, language):
    assert got(QUAKE_DAY, text, language, published="2018-10-01") == []


@pytest.mark.parametrize("text", [
    "On Friday, the quake struck Palu, Sutopo said.",
    "On September 28, 2018, the quake struck Palu, Sutopo said.",
    # lower-case words that are no title's: not a speaker
    "On September 28, 2018, the quake that struck Palu was said to be the worst.",
])
def test_an_opening_date_before_the_event_itself_is_read(text):
    assert got(QUAKE_DAY, text, published="2018-09-30") == ["2018-09-28"]


@pytest.mark.parametrize(("text", "language"), [
    ("A mosque damaged by the quake and tsunami is seen in Palu on Sep 29, 2018. "
     "(Photo: AP/Rifki)", "en"),
    ("Masjid yang rusak akibat gempa dan tsunami di Palu, Sabtu (29/9/2018). Foto: Antara",
     "id"),
    ("Families mourn those lost in the quake in Palu on September 29, 2018. Photo by "
     "Rina Lestari/Reuters", "en"),
])
def test_a_photo_captions_date_is_the_pictures(text, language):
    assert got(QUAKE_DAY, text, language, published="2018-10-01") == []
    assert "caption" in decisions(QUAKE_DAY, text, language, published="2018-10-01")


@pytest.mark.parametrize(("text", "language", "found"), [
    # after "Pasca" (after) a date right after the cue's place is still the cue's
    ("Pasca gempa di Palu Donggala, Sulawesi Tengah pada Jumat, 28 September 2018, "
     "wilayah Petobo amblas.", "id", ["2018-09-28"]),
    ("Pasca gempa di Kota Palu, Sulawesi Tengah, pada 28 September 2018, tanah amblas.",
     "id", ["2018-09-28"]),
    # … but not a date in a clause of its own
    ("Pasca gempa di Palu, warga mengungsi pada 30 September 2018.", "id", []),
])
def test_a_date_after_the_cues_place_is_the_cues_even_after_an_offset_word(text, language,
                                                                           found):
    assert got(QUAKE_DAY, text, language, published="2018-10-08") == found


@pytest.mark.parametrize(("text", "language", "found"), [
    # a one-sentence paragraph ending in a picture's credit is a caption, whatever it says
    ("Rescuers search the rubble left by the quake in Palu on September 29, 2018. "
     "(AFP/Bay Ismoyo)\n\nMore text follows.", "en", []),
    ("Warga melihat sisa gempa di Palu, Sabtu (29/9/2018). (Liputan6.com)", "id", []),
    ("Survivors of the quake in Palu – September 29, 2018 (CNN)", "en", []),
    # an outlet of two words before the photographer
    ("Rescuers at the site of the quake in Palu, Saturday (29/9/2018). "
     "(Bloomberg Technoz/Andi Pratama)", "en", []),
    # a short paragraph of a few sentences whose credit names an agency and a
    # photographer: its first sentence tells of the picture
    ("Rescuers search the rubble of the quake in Palu on September 29, 2018. The search "
     "went on for days. (AFP/Bay Ismoyo)", "en", []),
    # … but not its later sentences, nor a credit in lower case
    ("Officials met. The quake struck Palu on 29 September 2018. (AFP/Bay Ismoyo)", "en",
     ["2018-09-29"]),
    ("Gempa mengguncang Palu pada 29 September 2018, kata dia. (ant)", "id",
     ["2018-09-29"]),
])
def test_a_paragraph_ending_in_a_pictures_credit_is_a_caption(text, language, found):
    assert got(QUAKE_DAY, text, language, published="2018-10-01") == found


def test_the_word_photo_alone_makes_no_caption():
    text = "The quake, seen in one photo, struck on 28 September 2018."
    assert got(QUAKE_DAY, text, published="2018-10-01") == ["2018-09-28"]


SPEECH = claims(claim("speech", "date", {"en": ["state address"],
                                         "id": ["pidato kenegaraan"]}, "2019-08-16"))


@pytest.mark.parametrize(("text", "language"), [
    ("Jokowi menyampaikan pidato kenegaraan menjelang 17 Agustus 2019 di gedung MPR.", "id"),
    ("Jokowi gave the state address ahead of 17 August 2019 in parliament.", "en"),
])
def test_a_date_right_after_an_offset_word_is_what_the_event_is_reckoned_from(text,
                                                                             language):
    assert got(SPEECH, text, language, published="2019-08-20") == []
    assert "other-occasion" in decisions(SPEECH, text, language, published="2019-08-20")


def test_a_date_after_a_period_word_is_still_read():
    text = "Jokowi gave the state address on 16 August 2019, as every year since 2015."
    assert got(SPEECH, text, published="2019-08-20") == ["2019-08-16"]


# ============================================================================== durations, ordinals

DROUGHT = claims(claim("drought", "duration", {"en": ["drought"], "id": ["kekeringan"]}, 20))


@pytest.mark.parametrize(("text", "language"), [
    ("The region ended a 20-year drought.", "en"),
    ("Wilayah itu mengakhiri kekeringan 20 tahun.", "id"),
])
def test_a_duration_is_read(text, language):
    assert got(DROUGHT, text, language) == ["20"]


PRESIDENCY = claims(claim("presidency", "ordinal", {"en": ["president"], "id": ["presiden"]},
                          8))


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Pratama was sworn in as the 8th president of the republic.", "en", ["8"]),
    ("Pratama became the eighth elected president.", "en", ["8"]),
    ("Pratama dilantik sebagai presiden ke-8 republik itu.", "id", ["8"]),
    # the ordinal ranks a noun of its own, and the cue stands farther off
    ("The win was his third attempt after losing twice to the former president.", "en", []),
    ("Kemenangan itu adalah percobaan ketiga setelah dua kali kalah dari presiden.", "id",
     []),
])
def test_an_ordinal_ranks_the_noun_beside_it(text, language, found):
    assert got(PRESIDENCY, text, language) == found


AGE = claims(claim("age", "duration", {"en": ["the company"], "id": ["perusahaan"]},
                   counts_from=2010))


@pytest.mark.parametrize(("text", "language", "finding"), [
    ("The company celebrated its 12th anniversary.", "en", []),
    ("The company celebrated its 11th anniversary.", "en", [("error", "11")]),
    ("Perusahaan merayakan HUT ke-12.", "id", []),
    ("Perusahaan merayakan HUT ke-10.", "id", [("error", "10")]),
])
def test_an_anniversary_is_an_age_counted_to_the_publication_year(text, language, finding):
    assert verdict(AGE, text, language, "2022-05-01") == finding


@pytest.mark.parametrize(("text", "language", "finding"), [
    ("The company celebrated its 13th anniversary in 2023.", "en", []),
    ("The company celebrated its 12th anniversary in 2023.", "en", [("error", "12")]),
    ("Perusahaan merayakan HUT ke-14 pada 2024.", "id", []),
    ("Perusahaan merayakan HUT ke-13 pada 2024.", "id", [("error", "13")]),
])
def test_an_anniversary_is_counted_to_the_year_the_sentence_writes(text, language, finding):
    (m,) = mentions(AGE, text, language, "2022-05-01")
    assert m.as_of == int(text[-5:-1])
    assert verdict(AGE, text, language, "2022-05-01") == finding


def test_an_ordinal_right_after_the_cue_is_an_anniversary():
    day = claims(claim("day", "duration", {"id": ["Hari Antariksa Nasional"]},
                       counts_from=2022))
    (m,) = mentions(day, "Hari Antariksa Nasional ke-2 diperingati hari ini.", "id",
                    "2024-08-23")
    assert (m.value, m.kind, m.as_of) == ("2", "duration", 2024)


SUMMIT_RANK = claims(claim("rank", "ordinal", {"en": ["summit"], "id": ["KTT ASEAN"]}, 15))


@pytest.mark.parametrize(("text", "language", "values"), [
    ("The fifteenth summit opened in Jakarta.", "en", ["15"]),
    ("The 15th summit opened in Jakarta.", "en", ["15"]),
    ("The sixteenth summit opened in Jakarta.", "en", ["16"]),
    ("KTT ASEAN ke-15 digelar di Jakarta.", "id", ["15"]),
    ("The summit marked its fifteenth anniversary.", "en", []),  # an age, not a rank
    ("KTT ASEAN ke-15 digelar pada HUT ke-56 ASEAN.", "id", ["15"]),
])
def test_ordinals_in_words_and_figures(text, language, values):
    assert got(SUMMIT_RANK, text, language) == values


def test_an_anniversary_is_no_rank():
    text = "The summit marked its fifteenth anniversary."
    assert decisions(SUMMIT_RANK, text, raw="fifteenth") == {"anniversary"}


# ============================================================================== hard-wrapped text

ORBIT_DATE = claims(claim("orbit", "date", {"en": ["entered lunar orbit"]}, "2023-08-05"))

WRAPPED = (
    "The Indian Space Research Organisation said on Saturday that its new\n"
    "spacecraft, which had been launched from Sriharikota in the middle of\n"
    "July after years of careful preparation by its engineers, entered\n"
    "lunar orbit on 5 August 2023 after a long series of small engine burns\n"
    "that lasted for several weeks. The agency said that the craft was in\n"
    "good health and that its instruments were working as expected.\n")


def test_hard_wrapped_lines_read_as_running_text():
    (m,) = mentions(ORBIT_DATE, WRAPPED)
    assert (m.raw, m.value) == ("5 August 2023", "2023-08-05")


def test_a_short_line_followed_by_lower_case_goes_on():
    text = WRAPPED.replace("July after years of careful preparation by its engineers, entered\n",
                           "July, entered lunar\n").replace("lunar orbit on", "orbit on")
    assert "entered lunar\norbit on 5 August 2023" in text
    assert got(ORBIT_DATE, text) == ["2023-08-05"]


# ============================================================================== consistency, copies

MEETING = claims(claim("held", "date", {"en": ["summit"]}),  # consistent: true
                 claim("meeting", "date", {"en": ["meeting"]}, "2021-07-06"))


def test_a_document_that_contradicts_itself_is_reported_only_for_claims_without_expected():
    doc = document("The summit opened on 6 July 2021. Reporters said the summit was on "
                   "7 July 2021.\nThe meeting was on 7 July 2021. The meeting was on "
                   "8 July 2021.", published="2021-07-10")
    result = run_audit(MEETING, [doc], rules=[_RULES["intra-document-consistency"],
                                              _RULES["value-contradiction"]])
    intra = [(f.claim, f.found) for f in result.findings
             if f.rule == "intra-document-consistency"]
    assert intra == [("held", "2021-07-07")]
    refuted = sorted(f.found for f in result.findings if f.rule == "value-contradiction")
    assert refuted == ["2021-07-07", "2021-07-08"]


def test_one_document_is_not_a_disagreement_between_sources():
    doc = document("The summit opened on 6 July 2021. Reporters said the summit was on "
                   "7 July 2021.", published="2021-07-10")
    assert findings(MEETING, [doc], ("cross-source-disagreement",)) == []


MISSION = claims(
    claim("launch", "date", {"en": ["launched", "lift-off"]}),  # consistent: true
    claim("orbit", "date", {"en": ["lunar orbit"]}, "2023-08-05"),
    claim("landing", "date", {"en": ["lander"]}, "2023-08-23"),
    claim("cost", "quantity", {"en": ["cost", "budget"]}, 75_000_000))
REPORT_A = ("The spacecraft was launched on 14 July 2023 from Sriharikota. It entered lunar "
            "orbit on 5 August 2023 after a series of burns. Its lander touched down on "
            "23 August 2023 near the south pole. The mission cost 75 million dollars in all.")
REPORT_B = ("Engineers cheered in Bengaluru when the lander settled near the south pole on "
            "23 August 2023. The lift-off had come on 15 July 2023. The craft reached lunar "
            "orbit on 5 August 2023. The whole budget was 75 million dollars.")
COPY_OF_A = REPORT_A.replace("Sriharikota", "Sriharikota, India")


def _disagreement(docs: list[Document]) -> str:
    result = run_audit(MISSION, docs, rules=[_RULES["cross-source-disagreement"]])
    messages = {f.message for f in result.findings}
    assert len(messages) == 1, messages
    return messages.pop()


def test_reports_of_one_event_that_share_facts_but_not_text_are_independent():
    docs = [document(REPORT_A, doc_id="a"), document(REPORT_B, doc_id="b")]
    message = _disagreement(docs)
    assert "independent" not in message and "(a)" in message and "(b)" in message


def test_a_copy_counts_once():
    docs = [document(REPORT_A, doc_id="a"), document(REPORT_B, doc_id="b"),
            document(COPY_OF_A, doc_id="c")]
    assert "2 sources, 1 independent (a+c)" in _disagreement(docs)


def test_a_detected_copy_is_listed_in_the_source_pairs():
    docs = [document(REPORT_A, doc_id="a"), document(REPORT_B, doc_id="b"),
            document(COPY_OF_A, doc_id="c")]
    result = run_audit(MISSION, docs, rules=[_RULES["cross-source-disagreement"]])
    assert [(p.a, p.b) for p in result.source_pairs] == [("a", "c")]


# ============================================================================== properties

# (a) a parenthetical with no cue and no value between the cue and the value

NEUTRAL = ["the", "agency", "officials", "local", "media", "see", "map", "photo", "file",
           "according", "to", "reports", "in", "brief", "pictured", "right", "ANTARA",
           "foto", "dok", "kata", "pejabat", "setempat", "menurut", "laporan"]
OPEN_CLOSE = [("(", ")"), ("[", "]"), ("— ", " —")]

INSERTION = claims(
    claim("orbit", "date", {"en": ["entered orbit"], "id": ["masuk orbit"]}, "2023-08-05"),
    claim("launch", "year", {"en": ["launched"], "id": ["diluncurkan"]}, 2019),
    claim("cost", "quantity", {"en": ["cost"], "id": ["biaya"]}, 75_000_000, unit="USD"))
INSERTION_SENTENCES = [
    ("The craft entered orbit on 5 August 2023.", "en"),
    ("On 5 August 2023 the craft entered orbit.", "en"),
    ("The probe was launched in 2019.", "en"),
    ("In 2019 the probe was launched.", "en"),
    ("The whole mission cost 75 million dollars.", "en"),
    ("Wahana itu masuk orbit pada 5 Agustus 2023.", "id"),
    ("Wahana itu diluncurkan pada 2019.", "id"),
    ("Biaya misi itu 75 juta dolar AS.", "id"),
]


def _values(claimset: ClaimSet, text: str, language: str) -> list[tuple[str, str]]:
    return sorted((m.claim, m.value) for m in mentions(claimset, text, language))


@PROPERTY
@given(st.sampled_from(INSERTION_SENTENCES),
       st.lists(st.sampled_from(NEUTRAL), min_size=1, max_size=5),
       st.sampled_from(OPEN_CLOSE), st.integers(0, 10))
def test_inserting_a_parenthetical_between_cue_and_value_changes_nothing(
        sentence, words, brackets, pick):
    text, language = sentence
    before = mentions(INSERTION, text, language)
    assert len(before) == 1
    m = before[0]
    lo, hi = sorted([(m.cue_start, m.cue_end), (m.value_start, m.value_end)])
    gaps = [i for i in range(lo[1], hi[0]) if text[i] == " "]
    assert gaps
    at = gaps[pick % len(gaps)]
    aside = f" {brackets[0]}{' '.join(words)}{brackets[1]}"
    changed = text[:at] + aside + text[at:]
    assert _values(INSERTION, changed, language) == [(m.claim, m.value)], changed


# (b) re-wrapping a paragraph at any width

WRAP = claims(
    claim("launch", "date", {"en": ["launched"], "id": ["diluncurkan"]}, "2023-07-14"),
    claim("orbit", "date", {"en": ["entered lunar orbit"], "id": ["masuk ke orbit bulan"]},
          "2023-08-05"),
    claim("landing", "date", {"en": ["touched down"], "id": ["mendarat"]}, "2023-08-23"),
    claim("cost", "quantity", {"en": ["cost"], "id": ["biaya"]}, 75_000_000, unit="USD"),
    claim("days", "quantity", {"en": ["rover"], "id": ["penjelajah"]}, 14,
          unit_words={"en": ["days"], "id": ["hari"]}))
PARAGRAPHS = {
    "en": ["The spacecraft was launched on 14 July 2023 from the spaceport on the east coast "
           "of the country.",
           "It entered lunar orbit on 5 August 2023 after a long series of small engine burns "
           "over several weeks.",
           "Its lander touched down near the south pole on 23 August 2023 while millions of "
           "people watched online.",
           "The whole mission cost 75 million dollars, far less than most earlier missions of "
           "its kind.",
           "Engineers said that the rover worked for 14 days before the long and cold lunar "
           "night set in."],
    "id": ["Wahana antariksa itu diluncurkan pada 14 Juli 2023 dari bandar antariksa di pantai "
           "timur negeri itu.",
           "Wahana itu masuk ke orbit bulan pada 5 Agustus 2023 setelah serangkaian pembakaran "
           "mesin selama beberapa pekan.",
           "Wahana pendaratnya mendarat di dekat kutub selatan pada 23 Agustus 2023 sementara "
           "jutaan orang menonton.",
           "Seluruh misi itu menelan biaya 75 juta dolar AS, jauh lebih murah daripada misi "
           "serupa sebelumnya.",
           "Para insinyur mengatakan penjelajah itu bekerja selama 14 hari sebelum malam bulan "
           "yang panjang dan dingin."],
}


LINE_STYLES = [
    lambda text: text,
    lambda text: text.replace("\n", "\r\n"),  # Windows line ends
    lambda text: "Moon mission report\n\n" + text,  # a title line above
    lambda text: "  " + text.replace("\n", "\n  "),  # indented lines
]


@PROPERTY
@given(st.sampled_from(sorted(PARAGRAPHS)), st.data(), st.integers(50, 90),
       st.sampled_from(LINE_STYLES))
def test_rewrapping_a_paragraph_changes_no_mention(language, data, width, style):
    order = data.draw(st.permutations(PARAGRAPHS[language]))
    flat = " ".join(order)
    wrapped = style(textwrap.fill(flat, width, break_on_hyphens=False,
                                  break_long_words=False))
    assert "\n" in wrapped
    expected = _values(WRAP, flat, language)
    assert len(expected) == 5
    assert _values(WRAP, wrapped, language) == expected


# (c) any text: no exception, every mention inside its sentence

EVERYTHING = claims(
    claim("y", "year", {"en": ["strategic partner", "meeting"], "id": ["mitra strategis"]},
          2018),
    claim("p", "period", {"en": ["coordinator"], "id": ["koordinator"]}, "2018..2021"),
    claim("d", "date", {"en": ["meeting", "ministers met"], "id": ["pertemuan"]},
          "2021-07-06"),
    claim("q", "quantity", {"en": ["doses"], "id": ["dosis"]}, 20_000_000, unit="USD",
          about={"en": [["doses", "vaccine"]]}, not_about={"id": ["virtual"]}),
    claim("u", "quantity", {"en": ["meeting"], "id": ["pertemuan"]}, 3,
          unit_words={"en": ["ministers"], "id": ["menteri"]}, window=6),
    claim("o", "ordinal", {"en": ["anniversary", "summit"], "id": ["ke"]}, 17),
    claim("r", "duration", {"en": ["years of relations"], "id": ["tahun hubungan"]},
          counts_from=1996),
    claim("c", "category", {"en": ["meeting"], "id": ["pertemuan"]}, "virtual",
          categories={"virtual": {"en": ["virtual", "video conference"],
                                  "id": ["secara virtual"]},
                      "in person": {"en": ["visit"], "id": ["kunjungan"]}}),
    {"id": "k", "statement": "s", "type": "date", "consistent": True,
     "keywords": {"en": ["ministers", "met"], "id": ["menteri", "bertemu"]}})


@PROPERTY
@given(texts(max_tokens=50), st.sampled_from(["en", "id"]),
       st.sampled_from([None, "2021-07-10", "2021"]))
def test_attribution_never_raises_and_mentions_lie_in_their_sentence(text, language,
                                                                     published):
    line = find_dateline(text, language)
    doc = Document(id="doc", path="<doc>", text=text, language=language, published=published,
                   dateline=(line.start, line.end) if line else None)
    found = attribution(EVERYTHING, doc)
    for m in found.mentions:
        assert 0 <= m.sentence_start <= m.sentence_end <= len(text)
        assert m.sentence_start <= m.value_start < m.value_end <= m.sentence_end, m
        assert text[m.value_start:m.value_end] == m.raw, m
        assert m.sentence_start <= m.cue_start <= m.cue_end <= m.sentence_end, m
        if line is not None:  # nothing of a dateline is a value
            assert m.value_end <= line.start or m.value_start >= line.end, m
    for step in found.trace:
        if step.value is not None:
            assert step.sentence[0] <= step.value[0] <= step.value[1] <= step.sentence[1]


# --------------------------------------------------------------------------- approximations


@pytest.mark.parametrize(("text", "language", "value"), [
    ("The train can carry over 600 passengers.", "en", "600..inf"),
    ("The train can carry up to 600 passengers.", "en", "0..600"),
    ("The train can carry about 600 passengers.", "en", "555..645"),
    ("The train can carry nearly 600 passengers.", "en", "540..600"),
    ("Kereta itu mengangkut lebih dari 600 penumpang.", "id", "600..inf"),
    ("Kereta itu mengangkut sekitar 600 penumpang.", "id", "555..645"),
    # a verb that says a count went past a number
    ("The train can now carry in excess of 600 passengers.", "en", "600..inf"),
    ("The number the train can carry exceeds 600 passengers.", "en", "600..inf"),
    ("Kereta itu mengangkut melampaui 600 penumpang.", "id", "600..inf"),
])
def test_an_approximate_number_stands_for_the_range_it_means(text, language, value):
    capacity = claims(claim("capacity", "quantity", {"en": ["carry"], "id": ["mengangkut"]},
                            601, unit_words={"en": ["passengers"], "id": ["penumpang"]}))
    assert got(capacity, text, language) == [value]


def test_an_approximate_number_agrees_with_the_values_it_covers():
    capacity = claims(claim("capacity", "quantity", {"en": ["carry"]}, 601,
                            unit_words={"en": ["passengers"]}))
    assert verdict(capacity, "The train can carry over 600 passengers.") == []
    assert verdict(capacity, "The train can carry about 600 passengers.") == []
    assert verdict(capacity, "The train can carry 600 passengers.") == [("error", "600")]
    assert verdict(capacity, "The train can carry over 650 passengers.") == [
        ("error", "650..inf")]


TOLL = claims(claim("toll", "quantity", {"en": ["death toll"], "id": ["korban meninggal"]},
                    602))


@pytest.mark.parametrize(("text", "language"), [
    ("The death toll has risen to 252 on Tuesday.", "en"),
    ("The death toll, as of Monday night, was 62.", "en"),
    ("Jumlah korban meninggal bertambah menjadi 268 orang.", "id"),
    ("Jumlah korban meninggal telah mencapai 62 orang.", "id"),
    ("The death toll in the early count was 62.", "en"),
    ("The death toll rose as 18 are presumed dead.", "en"),
    ("Korban meninggal dikhawatirkan meninggal 18.", "id"),
    # a reported clause framed by its moment: the figures after its comma are of then
    ("BNPB reported that as of 17:30 Western Indonesia Time, 9 were missing and the death "
     "toll was 62.", "en"),
    ("BNPB menyebut bahwa hingga Sabtu (4/12) sore, korban meninggal 62 orang.", "id"),
    # an estimate
    ("The initial estimate of the death toll was 62.", "en"),
    ("Perkiraan awal korban meninggal sebanyak 62 orang.", "id"),
])
def test_a_count_still_moving_is_provisional(text, language):
    (m,) = mentions(TOLL, text, language)
    assert m.modality == "provisional"
    assert verdict(TOLL, text, language) == [("info", m.raw)]


@pytest.mark.parametrize(("text", "language"), [
    ("The death toll was 635.", "en"),
    ("The death toll was 635, and it has risen to 700 since.", "en"),
    ("Jumlah korban meninggal 635 orang.", "id"),
    # a moment after a verb says how long something lasted, not when a count stood
    ("The rescuers said that the search lasted until Saturday, and the death toll was 635.",
     "en"),
    ("Banjir berlangsung hingga Sabtu, dengan korban meninggal 635 orang.", "id"),
])
def test_a_count_stated_as_it_stands_is_a_fact(text, language):
    m = mentions(TOLL, text, language)[0]
    assert (m.raw, m.modality) == ("635", "fact")
    assert ("error", "635") in verdict(TOLL, text, language)


@pytest.mark.parametrize(("text", "language", "modality"), [
    # a restrictive relative clause says which figures: those counted so far
    ("Jumlah korban meninggal 268 orang, atau 70 persen dari data yang telah masuk.", "id",
     "provisional"),
    # a relative clause after a comma is an aside about something else
    ("The death toll, which an early survey put at 100, was 635.", "en", "fact"),
    ("Jumlah korban meninggal, yang menurut survei awal 100, adalah 635 orang.", "id",
     "fact"),
])
def test_a_provisional_word_in_a_restrictive_relative_clause_counts(text, language,
                                                                     modality):
    m = next(m for m in mentions(TOLL, text, language) if m.raw in ("268", "635"))
    assert m.modality == modality


def test_a_running_word_makes_only_counts_provisional():
    date = claims(claim("quake", "date", {"en": ["quake"]}, "2022-11-21"))
    (m,) = mentions(date, "The toll of the quake on 22 November 2022 has risen to 252.")
    assert m.modality == "fact"


SCORE = claims(claim("score", "category", {"en": ["final"], "id": ["final"]}, "3-0",
                     categories={"3-0": {"en": ["3-0"], "id": ["3-0"]},
                                 "3-2": {"en": ["3-2"], "id": ["3-2"]}},
                     when=2021))


@pytest.mark.parametrize(("text", "language", "found"), [
    ("It was the first title since 2002, when they won the final 3-2.", "en", []),
    ("Gelar pertama sejak 2002, ketika mereka menang 3-2 di final.", "id", []),
    ("They won the final 3-2 in October 2021.", "en", ["3-2"]),
    ("They won the final 3-2 on Sunday.", "en", ["3-2"]),  # no year written: published 2021
    ("They won the 2002 final 3-2 and the 2021 final 3-2.", "en", ["3-2"]),  # 2021 too
])
def test_a_sentence_dated_only_to_other_years_is_another_occasion(text, language, found):
    published = "2021-10-20"
    assert sorted({m.value for m in mentions(SCORE, text, language, published)}) == found
    if not found:
        assert "other-occasion" in decisions(SCORE, text, language, published)


def test_a_year_inside_a_cue_dates_nothing():
    cup = claims(claim("score", "quantity", {"en": ["Thomas Cup 2020 final"]}, 3,
                       unit_words={"en": ["matches"]}, when=2021))
    text = "Indonesia won 3 matches in the Thomas Cup 2020 final."
    assert got(cup, text, published="2021-10-20") == ["3"]
    assert got(cup, text, published=None) == ["3"]  # 2020 is the cue's: no year written


HERD = claims(claim("herd", "quantity", {"en": ["population"], "id": ["populasi"]}, 3303,
                    unit_words={"en": ["dragons"], "id": ["ekor"]}, when=2021))


@pytest.mark.parametrize(("text", "language", "found"), [
    ("The population was 2,897 dragons in 2018, 3,022 dragons in 2019 and 3,303 dragons "
     "in 2021.", "en", ["3303"]),
    ("Populasi tercatat 2.897 ekor pada tahun 2018, 3.022 ekor pada tahun 2019, dan 3.303 "
     "ekor pada tahun 2021.", "id", ["3303"]),
    ("In 2018, the population was 2,897 dragons, and in 2021 it was 3,303 dragons.", "en",
     ["3303"]),  # a clause of years only, right before the value, dates it
    ("Pada tahun 2018, populasi 2.897 ekor, dan pada 2021 populasi 3.300 ekor.", "id",
     ["3300"]),
])
def test_a_value_dated_by_its_own_clause_to_another_year_is_another_occasion(
        text, language, found):
    assert got(HERD, text, language, published=None) == found
    assert "other-occasion" in decisions(HERD, text, language, published=None)


@pytest.mark.parametrize("text", [
    "In 2021, the population stood at 3,300 dragons, up 5 % on the count of 2020.",
    "The population stood at 3,300 dragons in 2021, against 2,897 dragons in 2018.",
])
def test_a_value_in_a_clause_of_the_claims_year_is_read(text):
    assert got(HERD, text, published=None) == ["3300"]


@pytest.mark.parametrize(("when", "message"), [
    ("22", "must be a year"),
    ("2022..2020", "comes before"),
    ("next year", "must be a year"),
])
def test_when_must_be_years(when, message):
    with pytest.raises(InputError, match=message):
        claims(claim("toll", "quantity", {"en": ["death toll"]}, 602, when=when))


def test_when_is_refused_for_a_claim_that_dates_itself():
    with pytest.raises(InputError, match="does not apply"):
        claims(claim("day", "date", {"en": ["quake"]}, "2022-11-21", when=2022))


QUAKE_OF_2022 = claims(claim("quake", "date", {"en": ["quake"], "id": ["gempa"]}, "2022-11-21"))
FOUND_DAY = claims(claim("found", "date", {"en": ["found"], "id": ["ditemukan"]},
                         "2021-04-25"))
CREW = claims(claim("crew", "quantity", {"en": ["crew", "died"], "id": ["gugur", "awak"]}, 53))


@pytest.mark.parametrize(("text", "language"), [
    ("Gempa pada Senin (21/11/2022) menewaskan 602 orang hingga Sabtu (3/12/2022).", "id"),
    # beside the day it was said
    ("The quake struck on Monday, 21 November 2022, officials said on Tuesday.", "en"),
    ("Officials said the quake struck on 21 November 2022.", "en"),
    ("Gempa terjadi pada Senin (21/11/2022), kata Kepala BMKG, Selasa (22/11/2022).", "id"),
    ("Menurut BMKG, gempa terjadi pada Senin (21/11/2022).", "id"),
])
def test_the_event_date_beside_an_as_of_date_or_a_saying_is_read(text, language):
    assert got(QUAKE_OF_2022, text, language) == ["2022-11-21"]


HOSTED = claims(claim("hosted", "year", {"en": ["hosted"], "id": ["tuan rumah"]}, 1962))


@pytest.mark.parametrize(("text", "language"), [
    ('"Kita menjadi tuan rumah untuk kedua kalinya," ujar Menko PMK, Sabtu, 18 Agustus 2018.',
     "id"),
    ('"We hosted the Games once before," the minister said on Saturday, August 18, 2018.',
     "en"),
])
def test_the_day_of_a_saying_is_no_year_of_what_was_said(text, language):
    assert got(HOSTED, text, language) == []
    assert "other-occasion" in decisions(HOSTED, text, language)


def test_a_year_after_a_saying_with_no_day_is_still_read():
    text = '"Jakarta hosted the Games in 1962," the minister said.'
    assert got(HOSTED, text) == ["1962"]


def test_semula_opens_the_earlier_figure_of_a_change():
    aid = claims(claim("aid", "quantity", {"id": ["rusak berat"]}, 60_000_000, unit="IDR"))
    text = "Bantuan rumah rusak berat yang semula Rp 50 juta menjadi Rp 60 juta."
    assert got(aid, text, "id") == ["60000000"]


FINAL_SCORE = claims(claim("score", "category", {"en": ["final"], "id": ["final"]}, "3-0",
                           categories={"3-0": {"en": ["3-0"], "id": ["3-0"]},
                                       "3-1": {"en": ["3-1"], "id": ["3-1"]}}))


def test_the_final_itself_is_read_beside_a_semifinal():
    text = "After the semifinal, they won the final 3-1 on Sunday."
    assert got(FINAL_SCORE, text) == ["3-1"]


TITLES = claims(claim("titles", "ordinal", {"en": ["title"]}, 14,
                      keywords={"en": ["Thomas", "time"], "id": ["Thomas", "kali"]}))


@pytest.mark.parametrize(("text", "language", "value"), [
    ("For the 5th time I watched the match again, and the Thomas Cup still shines.", "en", []),
    ("Untuk ke-3 kalinya saya menonton ulang, dan Piala Thomas tetap bersinar.", "id", []),
    ("Indonesia won the Thomas Cup for the 14th time.", "en", ["14"]),
    ("For the 14th time, Indonesia lifted the Thomas Cup.", "en", ["14"]),
])
def test_keywords_stand_in_one_clause_not_across_a_joined_one(text, language, value):
    assert got(TITLES, text, language) == value

REFUSALS = [  # (claims, text, language, the decision that refuses the value)
    # a date right after an as-of word is the day a count stood at
    (QUAKE_OF_2022, "The quake toll, as of Saturday, 3 December 2022, stood at 602.", "en",
     "other-occasion"),
    (QUAKE_OF_2022, "Korban gempa hingga Sabtu (3/12/2022) mencapai 602 orang.", "id",
     "other-occasion"),
    (QUAKE_OF_2022, "Data korban gempa per 3 Desember 2022 mencapai 602 orang.", "id",
     "other-occasion"),
    (QUAKE_OF_2022, "The quake toll per today, 3 December 2022, has reached 602.", "en",
     "other-occasion"),
    # nearer a word that names another event on the cue
    (FINAL_SCORE, "They reached the final by beating the hosts 3-1 in the semifinal.", "en",
     "other-cue"),
    (FINAL_SCORE, "They reached the final on Sunday by beating the hosts 3-1 in the "
     "semi-final.", "en", "other-cue"),
    (FINAL_SCORE, "Mereka lolos ke final setelah menang 3-1 di semifinal.", "id", "other-cue"),
    # the cue is the end of another event's name
    (FINAL_SCORE, "They won the quarter-final 3-1.", "en", "other-cue"),
    (FINAL_SCORE, "Mereka menang 3-1 di perempat final.", "id", "other-cue"),
    # a distance in time opens a clause about another day
    (FINAL_SCORE, "A day before the final, the hosts won 3-1.", "en", "aside"),
    (FINAL_SCORE, "Sehari sebelum final, tuan rumah menang 3-1.", "id", "aside"),
    # the date after a speech verb and its speaker is the day it was said
    (QUAKE_OF_2022, '"The quake was strong," the head of the Quake Agency said on Tuesday, '
     "22 November 2022.", "en", "other-occasion"),
    (QUAKE_OF_2022, '"Gempa itu kuat," kata Kepala Tim Tanggap Darurat Gempa, Suharyo, kepada '
     "wartawan di Cianjur, Selasa (22/11/2022).", "id", "other-occasion"),
    (QUAKE_OF_2022, "Gempa itu kuat, ujarnya, Selasa (22/11/2022).", "id", "other-occasion"),
    (QUAKE_OF_2022, "Data korban gempa disampaikan Kepala BNPB dalam konferensi pers, Rabu "
     "(23/11/2022).", "id", "other-occasion"),
    (QUAKE_OF_2022, "The toll of the quake was given at a press conference on 23 November 2022.",
     "en", "other-occasion"),
    # what has not happened has no date
    (FOUND_DAY, "The boat, lost on 21 April 2021, has not yet been found.", "en", "negated"),
    (FOUND_DAY, "Kapal yang hilang Rabu (21/4/2021) belum ditemukan.", "id", "negated"),
    # a count of others than the whole
    (CREW, "He died along with 52 others.", "en", "counts-other"),
    (CREW, "He died with 52 other crew members.", "en", "counts-other"),
    (CREW, "Ia gugur bersama 52 prajurit lainnya.", "id", "counts-other"),
]


@pytest.mark.parametrize(("text", "language", "found"), [
    ("The team not only found the wreck on 25 April 2021 but lifted it.", "en", "2021-04-25"),
    ("The wreck was found on 25 April 2021.", "en", "2021-04-25"),
    ("Bangkai kapal tidak lama kemudian ditemukan pada 25 April 2021.", "id", "2021-04-25"),
])
def test_a_negation_that_opens_another_phrase_leaves_the_cue(text, language, found):
    assert got(FOUND_DAY, text, language) == [found]


BUILT_AND_LOST = claims(
    claim("built", "year", {"en": ["built"], "id": ["buatan"]}, 1978),
    claim("lost", "date", {"en": ["lost contact"], "id": ["hilang kontak"]}, "2021-04-21"))


@pytest.mark.parametrize(("text", "language", "built", "lost"), [
    # the day is the event named nearest it: the year claim does not read it
    ("The boat, built in Germany, lost contact on 21 April 2021.", "en", [], ["2021-04-21"]),
    ("Kapal selam buatan Jerman itu hilang kontak pada Rabu (21/4/2021).", "id", [],
     ["2021-04-21"]),
    # a year written alone is the year claim's, and so is a day nearer its cue
    ("The boat was built in 1978 and lost contact on 21 April 2021.", "en", ["1978"],
     ["2021-04-21"]),
    ("It was built on 2 May 1978; it lost contact on 21 April 2021.", "en", ["1978"],
     ["2021-04-21"]),
])
def test_a_day_goes_to_the_date_claim_whose_cue_is_nearer(text, language, built, lost):
    assert got(BUILT_AND_LOST, text, language, cid="built") == built
    assert got(BUILT_AND_LOST, text, language, cid="lost") == lost


def test_a_year_claim_and_a_date_claim_sharing_a_cue_both_read_the_day():
    quake = claims(claim("year", "year", {"en": ["quake"]}, 2022),
                   claim("day", "date", {"en": ["quake"]}, "2022-11-21"))
    text = "The quake struck on 21 November 2022."
    assert got(quake, text, cid="year") == ["2022"]
    assert got(quake, text, cid="day") == ["2022-11-21"]


def test_a_cue_inside_a_longer_cue_of_its_claim_is_one_cue():
    lost = claims(claim("lost", "date", {"en": ["went missing", "missing"]}, "2021-04-21"))
    text = "The submarine went missing on 21 April 2021 and was declared missing on 24 April."
    assert got(lost, text) == ["2021-04-21", "--04-24"]
    assert "part of a longer cue" in " ".join(
        s.reason for s in attribution(lost, document(text)).trace)


@pytest.mark.parametrize(("text", "language"), [
    ("The firms announced on 16 May 2021 that they had merged.", "en"),  # the cue itself
    ("GoTo lahir dari merger yang diumumkan pada 16 Mei 2021.", "id"),  # the cue's thing
    ("It was the merger that was announced on 16 May 2021.", "en"),
])
def test_a_saying_that_is_the_event_keeps_its_date(text, language):
    announced = claims(claim("announced", "date", {"en": ["announced", "merger"],
                                                   "id": ["merger"]}, "2021-05-17"))
    assert got(announced, text, language) == ["2021-05-16"]


@pytest.mark.parametrize(("claimset", "text", "language", "decision"), REFUSALS,
                         ids=[f"{r[3]}: {r[1][:50]}" for r in REFUSALS])
def test_a_value_is_refused_for_the_reason_given(claimset, text, language, decision):
    assert refused(claimset, text, language, decision)


@pytest.mark.parametrize(("text", "values"), [
    # the apposition speaks of the name right before it, not of the clause before that
    ("The ride app merged with Tokopedia, an online marketplace founded in 2009.", []),
    ("The ride app, an idea of three friends, was founded in 2010.", ["2010"]),
    ("Its rival Grab, a firm founded in 2012, is bigger than the ride app.", []),
])
def test_an_apposition_speaks_of_the_name_before_it(text, values):
    app = claims(claim("app-founded", "year", {"en": ["founded"]}, 2010,
                       about={"en": ["app"]}))
    assert got(app, text) == values



@pytest.mark.parametrize(("text", "published", "found"), [
    # no year in the sentence: the document's years say which occasion it is
    ("The 2002 edition was long ago. They won the final 3-2.", None, []),
    ("The 2021 edition was close. They won the final 3-2.", None, ["3-2"]),
    ("They won the final 3-2.", None, ["3-2"]),  # no year anywhere: read
    ("Back in 2002 it was close. They won the final 3-2.", "2021-10-18", ["3-2"]),
])
def test_a_sentence_with_no_year_takes_the_years_of_its_document(text, published, found):
    values = sorted({m.value for m in mentions(SCORE, text, "en", published)})
    assert values == found
    if not found:
        assert "other-occasion" in decisions(SCORE, text, "en", published)


LAUNCH_ABOUT = claims(claim("launch", "date", {"en": ["launch"]}, "2023-07-14",
                            about={"en": ["Chandrayaan"]}))


@pytest.mark.parametrize(("text", "found"), [
    ("The Chandrayaan launch was delayed twice. It finally happened on 14 July 2023.",
     ["2023-07-14"]),
    # a cue whose sentence is not about the claim is carried only to a sentence that is
    ("The launch was delayed twice. Chandrayaan finally made it on 14 July 2023.",
     ["2023-07-14"]),
    ("The launch was delayed twice. It finally happened on 14 July 2023.", []),
])
def test_a_cue_is_carried_to_the_next_sentence_only_about_the_claim(text, found):
    assert got(LAUNCH_ABOUT, text) == found
    assert all(m.uncertain for m in mentions(LAUNCH_ABOUT, text))


ON_BOARD = claims(claim("aboard", "quantity", {"en": ["on board", "carrying"],
                                               "id": ["membawa", "mengangkut"]}, 189,
                        unit_words={"en": ["people", "passengers"],
                                    "id": ["orang", "penumpang"]}))
KILLED = claims(claim("killed", "quantity", {"en": ["killed"], "id": ["tewas"]}, 5,
                      unit_words={"en": ["people"], "id": ["orang"]}))


@pytest.mark.parametrize(("text", "language"), [
    ("The jet was carrying 181 passengers and 8 crew members.", "en"),
    ("It crashed, killing the eight crew members and 181 passengers on board.", "en"),
    ("Pesawat itu membawa 178 penumpang dewasa, 1 anak, 2 bayi, dan 8 kru pesawat.", "id"),
    ("Kapal mengangkut 181 penumpang serta 8 awak.", "id"),
])
def test_a_list_of_counts_that_adds_up_to_the_claim_is_no_contradiction(text, language):
    listed = [m for m in mentions(ON_BOARD, text, language) if m.claim == "aboard"]
    assert listed and all(m.total == "189" and m.modality == "provisional" for m in listed)
    assert verdict(ON_BOARD, text, language) == []


@pytest.mark.parametrize(("text", "language", "found"), [
    # a part of a list that does not add up: info at most, the list and its sum said
    ("The jet was carrying 180 passengers and 8 crew members.", "en", "180"),
    ("Pesawat itu membawa 178 penumpang dewasa, 1 anak, dan 2 bayi.", "id", "178"),
])
def test_a_count_in_a_list_of_counts_is_a_part(text, language, found):
    assert verdict(ON_BOARD, text, language) == [("info", found)]
    (m,) = [m for m in mentions(ON_BOARD, text, language) if m.claim == "aboard"]
    assert "one of a list of counts" in m.how and m.total is not None


@pytest.mark.parametrize(("text", "language"), [
    # the claim's own cue is the count's noun: the count is the claim's, not a part
    ("The crash left 6 people killed and 20 injured.", "en"),
    ("Kecelakaan itu membuat 6 orang tewas dan 20 orang luka-luka.", "id"),
    ("Kecelakaan itu membuat 20 orang luka-luka dan 6 orang tewas.", "id"),
    # no list: a verb stands between the counts, or the counts count the same thing
    ("The quake killed 6 people and injured 20.", "en"),
    ("The blast killed 6 people and 4 people more on Sunday.", "en"),
])
def test_a_count_that_is_the_claims_own_is_read_in_a_list(text, language):
    assert verdict(KILLED, text, language) == [("error", "6")]


DEAD_AND_INJURED = claims(
    claim("dead", "quantity", {"en": ["died"], "id": ["meninggal"]}, 5782,
          unit_words={"en": ["people", "victims"], "id": ["orang", "korban"]}),
    claim("injured", "quantity", {"en": ["injured"], "id": ["luka berat dan ringan"]},
          36299))


@pytest.mark.parametrize(("text", "language"), [
    # the claim's cue follows a noun another claim counts by ("korban"), and runs past
    # the words read as the count's noun: the count is the claim's, not a part
    ("Di Klaten tercatat 5.782 orang meninggal, 26.299 korban luka berat dan ringan, "
     "serta 390.077 rumah rusak.", "id"),
])
def test_a_count_of_victims_named_by_the_claims_cue_is_the_claims(text, language):
    assert got(DEAD_AND_INJURED, text, language, cid="injured") == ["26299"]
    assert ("error", "26299") in verdict(DEAD_AND_INJURED, text, language)


ON_BOARD_ANY = claims(claim("aboard", "quantity", {"en": ["on board"],
                                                   "id": ["di dalam pesawat"]}, 140,
                            statement="140 people were on board."))


@pytest.mark.parametrize(("text", "language", "found"), [
    # a group named in capitals after the number is a part of those on board
    ("Ten Australians were on board.", "en", []),
    ("Sebanyak 10 WNA berada di dalam pesawat.", "id", []),
    # a headline in title case names no group by its capitals
    ("Jet With 120 People On Board Lands Safely", "en", ["120"]),
    # the noun the claim's statement counts is what the claim counts
    ("A total of 120 people were on board.", "en", ["120"]),
])
def test_a_count_of_a_group_named_in_capitals_is_a_part(text, language, found):
    assert got(ON_BOARD_ANY, text, language) == found


@pytest.mark.parametrize(("text", "language"), [
    # a figure someone gave earlier, as the text says: an earlier count, info at most
    ("An official had earlier said 9 people were killed.", "en"),
    ("Awalnya dilaporkan 9 orang tewas.", "id"),
])
def test_a_figure_said_earlier_is_an_earlier_count(text, language):
    assert verdict(KILLED, text, language) == [("info", "9")]


REOPENED = claims(claim("reopened", "year", {"en": ["formally opened", "opened again"],
                                             "id": ["resmi dibuka", "dibuka lagi"]}, 2015))


@pytest.mark.parametrize(("text", "language"), [
    # two cues of the claim that overlap are one cue, with one value: the nearest
    ("The bridge was repaired in 2013 and formally opened again in 2015.", "en"),
    ("Jembatan diperbaiki pada 2013 dan resmi dibuka lagi pada 2015.", "id"),
])
def test_overlapping_cues_of_a_claim_are_one_cue(text, language):
    assert got(REOPENED, text, language) == ["2015"]
    assert verdict(REOPENED, text, language) == []


BRIDGE_AGE = claims(claim("age", "duration", {"en": ["year-old", "years old"]}, 10,
                         about={"en": ["bridge"]}))


@pytest.mark.parametrize(("text", "found"), [
    # the age of a person named right after it
    ("One survivor, 40-year-old Adam Nur, swam to shore from the bridge.", []),
    # … unless a word of the claim follows: the bridge's own age
    ("The 12-year-old Mahakam bridge collapsed.", ["12"]),
])
def test_an_age_before_a_name_is_the_persons(text, found):
    assert got(BRIDGE_AGE, text) == found


DEATHS = claims(claim("deaths", "quantity", {"en": ["killed"], "id": ["tewas"]}, 21,
                     statement="21 people died."))
SURVIVORS = claims(claim("survivors", "quantity", {"en": ["survived"], "id": ["selamat"]},
                         119))


@pytest.mark.parametrize(("text", "language", "claimset", "found"), [
    # a preposition or subordinator after the cue opens a clause, no qualifier of the noun
    ("Sebanyak 22 orang tewas setelah pesawat itu tergelincir.", "id", DEATHS, "22"),
    # "others" the claim's cue speaks of are the count of its group
    ("Sementara 112 lainnya beruntung selamat.", "id", SURVIVORS, "112"),
    ("Twenty people died, and 112 others have survived.", "en", SURVIVORS, "112"),
])
def test_a_count_the_claims_cue_speaks_of_is_read(text, language, claimset, found):
    assert verdict(claimset, text, language) == [("error", found)]


PSI_PEAK = claims(claim("psi", "quantity", {"en": ["PSI"]}, 984, about={"en": ["Pekanbaru"]}))


def test_a_name_in_brackets_after_a_name_is_no_aside():
    # "(PSI)" names the index again: the cue in it speaks of the sentence, Pekanbaru's
    text = "On Monday the Pollutant Standards Index (PSI) in Pekanbaru reached 1,065."
    assert got(PSI_PEAK, text) == ["1065"]


HURT = claims(claim("injured", "quantity", {"en": ["were hurt"], "id": ["korban luka"]}, 24,
                   unit_words={"en": ["people"], "id": ["orang"]}),
              claim("dead", "quantity", {"en": ["died"], "id": ["meninggal"]}, 7,
                    unit_words={"en": ["people"], "id": ["orang"]}))


@pytest.mark.parametrize(("text", "language"), [
    # a total word before the sum of the counts before it: their total, none of them
    ("Korban meninggal tujuh orang, sementara korban luka 19, jadi totalnya 26 orang.", "id"),
    ("Seven people died and 19 were hurt, for a total of 26 people.", "en"),
])
def test_a_total_of_the_counts_before_it_is_none_of_them(text, language):
    assert verdict(HURT, text, language) == []
    assert "counts-other" in decisions(HURT, text, language, raw="26")


PRISON_FIRE = claims(claim("fire", "date", {"en": ["fire"], "id": ["kebakaran"]},
                          "2021-09-08"))


@pytest.mark.parametrize(("text", "language", "found"), [
    # a date before the cue, whose topic noun ("victims") makes it what befell them
    ("Namun pada Kamis (9/9/2021), tiga korban kebakaran meninggal di rumah sakit.", "id",
     []),
    ("On 9 September 2021, three victims of the fire died in hospital.", "en", []),
    # no topic noun: the date is the cue's event's
    ("Pada Rabu (8/9/2021), kebakaran melanda lapas itu.", "id", ["2021-09-08"]),
])
def test_a_date_before_a_topic_noun_and_its_cue_is_the_topics(text, language, found):
    assert got(PRISON_FIRE, text, language, "2021-09-10") == found


def test_the_total_a_breakdown_splits_is_no_part_of_it():
    text = "Korban mencapai 39 orang dengan perincian tujuh tewas dan 32 selamat."
    assert verdict(KILLED, text, "id") == []
    assert "part-of" in decisions(KILLED, text, "id", raw="39")


SERIOUSLY_HURT = claims(claim("serious", "quantity", {"en": ["seriously injured"],
                                                      "id": ["luka berat"]}, 1214,
                              unit_words={"en": ["people"], "id": ["orang"]},
                              statement="1,214 people were seriously injured."))


@pytest.mark.parametrize(("text", "language"), [
    ("Korban luka-luka mencapai 2.902 orang, dengan rincian 1.214 orang luka berat, "
     "1.688 orang luka ringan, dan 1 orang hilang.", "id"),
    ("In all 2,902 people were hurt, including 1,214 people seriously injured and 1,688 "
     "people slightly injured.", "en"),
])
def test_an_entry_of_a_breakdown_labelled_by_the_cue_after_its_noun_is_the_claims(
        text, language):
    # the entry the cue labels after its noun is the claim's; the whole before the part
    # word is not, since the cue names one of its parts
    assert got(SERIOUSLY_HURT, text, language) == ["1214"]


FERRY_ABOARD = claims(claim("aboard", "quantity", {"en": ["on board"], "id": ["penumpang"]},
                           77, statement="77 people were on board when the ferry sank on "
                           "29 June 2021."))


@pytest.mark.parametrize(("text", "language", "found"), [
    # the sentence dates its count to another year than the statement's day: another
    # occasion, info at most
    ("In 2018, an overcrowded ferry with about 200 people on board sank.", "en",
     "185..215"),
    ("Pada Februari 1999, kapal itu tenggelam dengan 332 penumpang.", "id", "332"),
])
def test_a_count_of_another_year_is_another_occasion(text, language, found):
    assert verdict(FERRY_ABOARD, text, language) == [("info", found)]


SURVIVED = claims(claim("survivors", "quantity", {"en": ["survived"], "id": ["selamat"]}, 51,
                       unit_words={"en": ["passengers"], "id": ["penumpang"]}))
ABOARD_FERRY = claims(claim("aboard", "quantity", {"en": ["passengers"], "id": ["penumpang"]},
                            77))


@pytest.mark.parametrize(("claimset", "text", "language", "found"), [
    # "of (the total of)" opening the sentence: the whole it goes on to divide, whose
    # noun the counts after it take
    (SURVIVED, "Dari total 76 penumpang, diketahui ada 50 selamat dan 7 meninggal.", "id",
     [("error", "50")]),
    (SURVIVED, "Of the 76 passengers, 50 survived and 7 died.", "en", [("error", "50")]),
    # … unless the claim's cue names what the number counts
    (ABOARD_FERRY, "Dari total 76 penumpang, diketahui ada 50 selamat.", "id",
     [("error", "76")]),
])
def test_the_whole_a_sentence_divides_is_not_its_parts_count(claimset, text, language,
                                                              found):
    assert verdict(claimset, text, language) == found


PRISON = claims(
    claim("population", "quantity", {"en": ["held"], "id": ["dihuni"]}, 2072,
          keywords={"en": ["prison", "inmates"], "id": ["lapas", "warga binaan"]},
          unit_words={"en": ["inmates"], "id": ["warga binaan"]}),
    claim("capacity", "quantity", {"en": ["designed to house"], "id": ["berkapasitas"]}, 600,
          statement="The prison was built for 600 inmates."))


@pytest.mark.parametrize(("text", "language"), [
    # a cue right by the value is nearer than a keyword passage that spans it
    ("The prison was designed to house 1,225 inmates.", "en"),
])
def test_a_cue_by_the_value_beats_a_keyword_passage_around_it(text, language):
    assert got(PRISON, text, language, cid="capacity") == ["1225"]
    assert got(PRISON, text, language, cid="population") == []


INJURIES = claims(
    claim("serious", "quantity", {"en": ["seriously injured"], "id": ["luka berat"]}, 8,
          statement="8 people were seriously injured."),
    claim("minor", "quantity", {"en": ["slightly injured"], "id": ["luka ringan"]}, 10,
          statement="10 people were slightly injured."),
    claim("crew", "quantity", {"en": ["crew"], "id": ["awak"]}, 8),
    claim("aboard", "quantity", {"en": ["on board"], "id": ["di dalam kapal"]}, 189,
          statement="189 passengers were on board."))


@pytest.mark.parametrize(("text", "language", "cid", "found"), [
    # the last item of a list says of its own cue what the item before says of another
    # claim's: each count names its kind, the claim's own
    ("Delapan orang mengalami luka berat dan sembilan orang mengalami luka ringan.", "id",
     "minor", [("9", "fact")]),
    ("Eight people were seriously injured and nine people were slightly injured.", "en",
     "minor", [("9", "fact")]),
    # not when the cue after the last item may speak of the whole list
    ("The ship had 8 crew and 181 passengers on board.", "en", "aboard",
     [("181", "provisional")]),
])
def test_parallel_items_of_a_list_name_their_kinds(text, language, cid, found):
    assert [(m.value, str(m.modality)) for m in mentions(INJURIES, text, language)
            if m.claim == cid] == found


def test_an_offset_word_before_a_time_of_day_reckons_no_date():
    # "before midnight": a time of the day, not a day reckoned from the weekday after it
    text = "Crews finished the launch just before midnight on Monday."
    assert verdict(LAUNCH_DATE, text, "en", "2019-03-06") == [("error", "2019-03-04")]


RESCUE = claims(
    claim("rescued", "quantity", {"en": ["rescued"], "id": ["selamat"]}, 51,
          unit_words={"en": ["people"], "id": ["orang"]}),
    claim("missing", "quantity", {"en": ["missing"], "id": ["hilang"]}, 17,
          unit_words={"en": ["people"], "id": ["orang"]}),
    claim("dead", "quantity", {"en": ["dead"], "id": ["tewas"]}, 9,
          unit_words={"en": ["people", "attackers"], "id": ["orang"]}))


@pytest.mark.parametrize(("text", "language", "cid", "found"), [
    # a count with no unit word takes the noun of the whole an opening "of" names …
    ("Of the 65 people on board, 31 have been rescued alive.", "en", "rescued", "31"),
    ("Dari 65 orang di kapal, 31 selamat.", "id", "rescued", "31"),
    # … or, as "others", the noun of a count before it
    ("The ferry sank, leaving at least four people dead and 30 others missing.", "en",
     "missing", "30"),
])
def test_a_count_takes_the_unit_its_sentence_gives_it(text, language, cid, found):
    assert got(RESCUE, text, language, cid=cid) == [found]


ATTACKERS_DEAD = claims(
    claim("attackers-dead", "quantity", {"en": ["dead"]}, 4, unit_words={"en": ["attackers"]}),
    claim("attackers", "quantity", {"en": ["attackers"]}, 4))


def test_others_beside_a_count_of_the_claims_noun_are_others_than_it():
    # the same cue speaks of both: the others are no attackers
    text = "Five of the attackers and two others were confirmed dead."
    assert "2" not in got(ATTACKERS_DEAD, text)


JAIL = claims(
    claim("capacity", "quantity", {"en": ["built to hold"], "id": ["dibangun untuk"]}, 600),
    claim("population", "quantity", {"en": ["now holds"], "id": ["kini dihuni"]}, 2072,
          unit_words={"en": ["inmates"], "id": ["warga binaan"]}))


@pytest.mark.parametrize(("text", "language"), [
    # each claim refuses the value of its own clause (1,225 counts the population's unit,
    # 2,000 has no unit word): neither may take the other clause's, whose cue owns it
    ("The prison was built to hold 1,225 inmates but now holds 2,000.", "en"),
    ("Lapas itu dibangun untuk 1.225 warga binaan, tetapi kini dihuni 2.000.", "id"),
])
def test_a_value_in_a_clause_with_another_claims_cue_is_that_clauses(text, language):
    assert got(JAIL, text, language, cid="capacity") == []
    assert got(JAIL, text, language, cid="population") == []


SLIDE_DAY = claims(claim("slide", "date", {"en": ["landslide struck"], "id": ["longsor"]},
                        "2014-12-12"))


@pytest.mark.parametrize(("text", "language", "found"), [
    # the day a count stood at, its weekday first and the date in brackets
    ("As of Tuesday (Dec. 16), 56 bodies were found where the landslide struck.", "en", []),
    # a photo credit of the national agency closes a caption: the day of the photo
    ("Warga mencari korban longsor, Senin (15/12/2014). | ANTARA FOTO/Anis", "id", []),
])
def test_the_day_a_count_stood_at_or_a_photo_was_taken_is_not_the_events(text, language,
                                                                         found):
    assert got(SLIDE_DAY, text, language, "2014-12-17") == found


CRASH_DAY = claims(claim("crash", "date", {"en": ["crashed"], "id": ["jatuh", "pendaratan"]},
                         "2018-10-29"))


@pytest.mark.parametrize(("text", "found"), [
    # the cue ends a long clause that "after" opens: the date before it is the main
    # clause's, another event's
    ("Rescuers searched the sea on 30 October 2018 after a passenger jet carrying 189 "
     "people from the capital to the island of Bangka in the west crashed.", []),
    # the clause "after" opens ends at its comma: the cue is in the main clause
    ("On 29 October 2018, after heavy rain over the sea near the capital and the whole "
     "island of Bangka in the west, the jet crashed.", ["2018-10-29"]),
])
def test_a_date_before_a_long_after_clause_is_not_its_events(text, found):
    assert got(CRASH_DAY, text) == found


@pytest.mark.parametrize(("text", "found"), [
    # the demonstrative follows an event noun, or a word of the claim's cues: carried
    ("Pesawat itu jatuh di laut. Kecelakaan tersebut terjadi pada Senin (29/10/2018).",
     ["2018-10-29"]),
    ("Wahana itu melakukan pendaratan. Pendaratan tersebut terjadi pada 29 Oktober 2018.",
     ["2018-10-29"]),
    ("Pesawat itu jatuh di laut. Hal itu terjadi pada Senin (29/10/2018).", ["2018-10-29"]),
    # it follows a thing or a person, whose own dates are not the event's: not carried
    ("Pesawat itu jatuh di laut. Pesawat tersebut baru digunakan pada Agustus 2018.", []),
    ("Pesawat itu jatuh di laut. Kapal selam buatan Jerman tersebut hilang pada Rabu "
     "(21/4/2021).", []),
    ("Seorang penumpang tewas saat pesawat jatuh. Pria berusia 17 tahun tersebut meninggal "
     "di rumah sakit pada Jumat (2/11/2018).", []),
])
def test_a_demonstrative_carries_a_cue_only_after_an_event(text, found):
    assert got(CRASH_DAY, text, "id", "2018-11-05") == found


SPECTATORS = claims(claim("spectators", "quantity", {"id": ["penonton"]}, 42588,
                          not_about={"id": ["kapasitas"]}))


@pytest.mark.parametrize(("text", "found"), [
    ("Stadion itu dipadati 42.588 penonton.", ["42588"]),
    # a derived form of a not_about word ("berkapasitas") excludes the sentence too
    ("Stadion itu berkapasitas 45 ribu penonton.", []),
    ("Kapasitasnya 45 ribu penonton.", []),
])
def test_not_about_matches_derived_forms(text, found):
    assert got(SPECTATORS, text, "id") == found


SPORTS = claims(claim("sports", "quantity", {"en": ["contested"], "id": ["dipertandingkan"]},
                      40, unit_words={"en": ["sports"], "id": ["cabang"]}))


@pytest.mark.parametrize(("text", "language"), [
    ("Cabang yang dipertandingkan terdiri dari 32 cabang olimpiade dan 8 cabang "
     "non-olimpiade.", "id"),
    ("The sports contested consisted of 32 Olympic sports and 8 other sports.", "en"),
])
def test_the_parts_a_whole_consists_of_are_not_read(text, language):
    assert got(SPORTS, text, language) == []
    assert "part-of" in decisions(SPORTS, text, language)


HEAVY = claims(claim("heavy", "quantity", {"id": ["rusak berat"], "en": ["heavily damaged"]},
                     22241, unit_words={"id": ["rumah"], "en": ["homes"]}))


@pytest.mark.parametrize(("text", "language"), [
    # a part the claim's own cue labels is the claim's, in a breakdown too
    ("Rumah rusak 56.320 unit, terdiri dari rusak berat 22.241 rumah dan rusak ringan "
     "22.090 rumah.", "id"),
    ("The damaged homes consisted of heavily damaged 22,241 homes and lightly damaged "
     "22,090 homes.", "en"),
])
def test_a_part_labelled_by_the_claims_cue_is_read(text, language):
    assert got(HEAVY, text, language) == ["22241"]


ELECTRIC = claims(claim("electric", "quantity", {"id": ["bus listrik"], "en": ["electric buses"]},
                        120))


@pytest.mark.parametrize(("text", "language"), [
    # the claim's cue right after a count of a breakdown is that count's noun
    ("Armada 200 unit itu terdiri atas 120 bus listrik dan 80 bus diesel.", "id"),
    ("The fleet of 200 consists of 120 electric buses and 80 diesel buses.", "en"),
])
def test_a_part_whose_noun_is_the_claims_cue_is_read(text, language):
    assert got(ELECTRIC, text, language) == ["120"]


RANK = claims(claim("rank", "ordinal", {"en": ["ranked"], "id": ["peringkat"]}, 4,
                    about={"en": ["Indonesia"], "id": ["Indonesia"]}))


@pytest.mark.parametrize(("text", "language", "found"), [
    # a relative clause right after a name speaks of that name
    ("Indonesia tertinggal 18 emas dari Korea Selatan yang berada di peringkat ketiga.",
     "id", []),
    ("Indonesia yang berada di peringkat keempat tertinggal dari Korea Selatan.", "id", ["4"]),
    ("Tim Indonesia berada di peringkat keempat.", "id", ["4"]),
])
def test_a_relative_clause_after_a_name_is_about_that_name(text, language, found):
    assert got(RANK, text, language) == found


FINAL_DAY = claims(claim("final", "date", {"id": ["final"]}, "2021-10-17"))


def test_a_relative_clause_after_a_name_hangs_on_the_whole_noun_phrase():
    # "partai final Piala Thomas yang berlangsung …": the clause speaks of the final too
    text = "Kemenangan di partai final Piala Thomas yang berlangsung pada 17 Oktober 2021 itu."
    assert got(FINAL_DAY, text, "id") == ["2021-10-17"]


EDITION_RANK = claims(claim("rank", "ordinal", {"en": ["ranked", "title"],
                                                "id": ["peringkat", "gelar"]}, 4))


@pytest.mark.parametrize(("text", "language", "found"), [
    # an ordinal by a name numbers an edition of it
    ("Indonesia naik dari peringkat 17 pada Asian Games ke-17 di Incheon.", "id", []),
    ("They ranked well at the 17th Asian Games in Incheon.", "en", []),
    # … not when a cue of the claim stands by it, or the name owns it
    ("Ini gelar ke-13 Indonesia.", "id", ["13"]),
    ("It was Indonesia's fifteenth Thomas Cup title.", "en", ["15"]),
    ("Ini gelar Piala Thomas ke-14 bagi Indonesia.", "id", ["14"]),
    ("Indonesia ranked 4th in Jakarta.", "en", ["4"]),
])
def test_an_ordinal_by_a_name_is_an_edition(text, language, found):
    assert got(EDITION_RANK, text, language) == found


CLOSING_DAY = claims(claim("closing", "date", {"en": ["closing"], "id": ["penutupan"]},
                           "2018-09-02"))


@pytest.mark.parametrize(("text", "language", "found"), [
    # the cue right after a statement noun is the statement's topic: the date is its day
    ("Foto diambil pada konferensi pers penutupan Asian Games 2018, Sabtu malam "
     "(1/9/2018).", "id", []),
    ("Officials spoke at a press conference on the closing ceremony on Saturday, "
     "1 September 2018.", "en", []),
    # … not when the statement is set apart from the cue
    ("Dalam konferensi pers, panitia menyebut penutupan digelar pada Minggu (2/9/2018).",
     "id", ["2018-09-02"]),
    ("The closing was held on Sunday, 2 September 2018.", "en", ["2018-09-02"]),
])
def test_a_date_after_a_statement_about_the_cue_is_the_statements(text, language, found):
    assert got(CLOSING_DAY, text, language) == found


QUAKE = claims(claim("quake", "date", {"id": ["gempa"]}, "2022-11-21"))


@pytest.mark.parametrize(("text", "found"), [
    ("Gempa susulan terjadi pada Selasa (22/11/2022).", []),
    ("Gempa terjadi pada Senin (21/11/2022).", ["2022-11-21"]),
    # "kembali" (again) is not enough: the event a claim is about often recurs
    ("Gempa kembali mengguncang Cianjur pada Senin (21/11/2022).", ["2022-11-21"]),
])
def test_a_cue_marked_as_a_repeat_is_another_occurrence(text, found):
    assert got(QUAKE, text, "id") == found


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 40)), max_size=12),
       st.integers(-5, 110))
def test_property_the_aside_index_finds_the_innermost_and_overlapping_asides(raw, position):
    asides = tuple({(a, a + n) for a, n in raw})
    sentence = Sentence(0, 100, "x" * 100, "en", asides, frozenset(), ())
    holding = [a for a in asides if a[0] <= position < a[1]]
    found = sentence.aside_of(position)
    if not holding:
        assert found is None
    else:
        assert found in holding and found[1] - found[0] == min(b - a for a, b in holding)
    lo, hi = sorted((position, position + 7))
    assert sorted(sentence.overlapping(lo, hi)) == sorted(
        a for a in asides if a[0] < hi and lo < a[1])


@pytest.mark.parametrize(("text", "language"), [
    ("The launch takes place tomorrow.", "en"),
    ("Peluncuran dilakukan besok.", "id"),
])
def test_a_day_reckoned_after_the_publication_date_is_a_plan(text, language):
    (m,) = mentions(LAUNCH_DATE, text, language, published="2023-08-20")
    assert (m.value, m.modality) == ("2023-08-21", "planned")


def test_a_day_reckoned_before_the_publication_date_is_a_fact():
    (m,) = mentions(LAUNCH_DATE, "The launch took place yesterday.", published="2023-08-20")
    assert (m.value, m.modality) == ("2023-08-19", "fact")


@pytest.mark.parametrize(("text", "language", "moved"), [
    ("The death toll has once again risen to 15.", "en", ("up", "risen to")),
    ("The toll rose to at least 13 on Sunday.", "en", ("up", "rose to at least")),
    ("The number of evacuees fell to 120.", "en", ("down", "fell to")),
    ("Korban meninggal bertambah dari sebelumnya 13 orang menjadi 33 orang.", "id",
     ("up", "bertambah dari sebelumnya 13 orang menjadi")),
    ("Rumah yang Rusak Bertambah Jadi 51 Unit", "id", ("up", "Bertambah Jadi")),
    ("Jumlah pengungsi turun menjadi 120 orang.", "id", ("down", "turun menjadi")),
    # a count that stands, or a rise in another sentence, is no move to this figure
    ("The toll stood at 15.", "en", None),
    ("The toll rose. Officials counted 15 dead.", "en", None),
    ("Jumlah korban 15 orang.", "id", None),
])
def test_a_figure_a_count_rose_or_fell_to_is_read_with_its_direction(text, language, moved):
    last = max(i for i, c in enumerate(text) if c.isdigit())
    start = last
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    lo = text.rfind(". ", 0, start) + 1
    assert count_moved(text, lo, start, language) == moved


@given(texts(max_tokens=60))
def test_no_move_is_read_from_text_without_a_rise_or_fall_word(text):
    words = ("ris", "ros", "increas", "climb", "jump", "grew", "grow", "swell", "surg",
             "went", "gone", "fell", "fall", "drop", "decreas", "declin", "shrank")
    if any(w in text.lower() for w in words):
        return
    for at in range(0, len(text) + 1, max(1, len(text) // 5)):
        assert count_moved(text, 0, at, "en") is None


FIRE_DAY = claims(claim("fire", "date", {"en": ["blaze"], "id": ["kebakaran"]}, "2020-08-22"))


@pytest.mark.parametrize(("text", "language", "found"), [
    # the cue is the topic of a questioning, a hearing, a verdict: their dates
    ("Polisi memeriksa saksi terkait kasus kebakaran gedung itu pada Selasa, 22 September "
     "2020.", "id", []),
    ("Sidang kasus kebakaran digelar 1 Juli 2021.", "id", []),
    ("Hakim membacakan putusan kasus kebakaran gedung itu, Senin (26/7/2021).", "id", []),
    ("The trial over the blaze opened on 3 May 2021.", "en", []),
    # the case opening the sentence is the event; a date right after the cue, or in a
    # relative clause of it, is the cue's own
    ("Kasus kebakaran gedung itu terjadi pada Sabtu, 22 Agustus 2020.", "id", ["2020-08-22"]),
    ("Polisi menyelidiki kasus kebakaran yang terjadi pada Sabtu, 22 Agustus 2020.", "id",
     ["2020-08-22"]),
    ("Polisi menyelidiki kasus kebakaran pada 22 Agustus 2020 itu.", "id", ["2020-08-22"]),
    ("Police questioned 17 witnesses in the case of the blaze on 22 August 2020.", "en",
     ["2020-08-22"]),
])
def test_a_cue_that_is_the_topic_of_a_case_or_hearing_gives_its_date_to_them(text, language,
                                                                             found):
    assert got(FIRE_DAY, text, language, published="2021-07-30") == found


NAMED_DAY = claims(claim("named", "date", {"en": ["named as suspects"], "id": ["tersangka"]},
                         "2020-10-23"))


@pytest.mark.parametrize(("text", "language", "found"), [
    # "today" in the words of a saying dated at the end of the sentence is that day
    ("“Direktur perusahaan itu hari ini kita tetapkan sebagai tersangka,” kata juru bicara polisi "
     "Jakarta Selatan, Jumat 23 Oktober 2020.", "id", ["2020-10-23"]),
    ("“Kemarin kami tetapkan tiga tersangka,” ujar juru bicara itu, Jumat, 23 Oktober 2020.", "id",
     ["2020-10-22"]),
    # elsewhere it counts from the publication date
    ("Polisi hari ini menetapkan delapan tersangka.", "id", ["2020-10-24"]),
])
def test_a_relative_day_counts_from_the_saying_its_sentence_is_dated_to(text, language,
                                                                        found):
    assert got(NAMED_DAY, text, language, published="2020-10-24") == found


TOLL_NO_UNIT = claims(claim("toll", "quantity", {"en": ["killed", "quake"], "id": ["gempa"]},
                            560))


@pytest.mark.parametrize(("text", "language", "found"), [
    # a person's age after a name, between commas or in brackets
    ("The quake was strong, its officer, Budi Santoso, 25, told reporters.", "en", []),
    ("Korban gempa, Budi (25), warga desa itu, selamat.", "id", []),
    # a figure after a word that is no name is read
    ("The quake killed 25, officials said.", "en", ["25"]),
])
def test_an_age_after_a_name_is_no_figure_of_a_claim(text, language, found):
    assert got(TOLL_NO_UNIT, text, language) == found


CHURCHES = claims(claim("churches", "quantity", {"en": ["attacked"],
                                                  "id": ["diserang", "bom bunuh diri"]}, 3,
                        unit_words={"en": ["churches"], "id": ["gereja"]}))


@pytest.mark.parametrize(("text", "found"), [
    # a count that ends with a demonstrative refers back to things already named
    ("Di dua gereja tersebut, bom bunuh diri meledak pagi itu.", []),
    ("Tiga gereja diserang, dan dua gereja itu rusak berat.", ["3"]),
    ("Dua gereja diserang pada Minggu pagi.", ["2"]),
])
def test_a_count_of_things_already_named_is_no_total(text, found):
    assert got(CHURCHES, text, "id") == found


# a count or measure in a sentence dated another day than the claim's event

QUAKE_ON_A_MONDAY = claims(
    {**claim("magnitude", "quantity", {"en": ["magnitude"], "id": ["magnitudo"]}, 5.6),
     "statement": "The quake of Monday 21 November 2022 had magnitude 5.6."})
QUAKE_DATED_BY_A_SIBLING = claims(
    claim("magnitude", "quantity", {"en": ["magnitude"], "id": ["magnitudo"]}, 5.6),
    claim("quake-day", "date", {"en": ["struck"], "id": ["terjadi"]}, "2022-11-21"))


@pytest.mark.parametrize(("claimset", "text", "language", "published"), [
    (QUAKE_ON_A_MONDAY, "BMKG melaporkan gempa dengan kekuatan magnitudo 4,1 pada Jumat "
     "dini hari.", "id", None),  # a weekday alone, no publication date to reckon from
    (QUAKE_ON_A_MONDAY, "A quake of magnitude 6.0 on Sunday, 27 November, killed two.", "en",
     "2022-11-30"),
    (QUAKE_ON_A_MONDAY, "Gempa magnitudo 3,8 terjadi Kamis subuh (24/11/2022).", "id", None),
    (QUAKE_DATED_BY_A_SIBLING, "Gempa magnitudo 3,8 terjadi Kamis (24/11/2022).", "id",
     None),  # the day of a date claim of the same file
])
def test_a_figure_in_a_sentence_dated_another_day_is_a_warning(claimset, text, language,
                                                               published):
    [m] = [m for m in mentions(claimset, text, language, published) if m.claim == "magnitude"]
    assert m.other_day is not None
    assert [sev for sev, found in verdict(claimset, text, language, published)
            if found == m.value] == ["warning"]


@pytest.mark.parametrize(("text", "language", "published"), [
    ("The quake of magnitude 5.9 on Monday (21/11) killed hundreds.", "en", "2022-11-30"),
    ("Gempa magnitudo 5,9 terjadi Senin (21/11/2022) siang.", "id", None),
    ("Gempa magnitudo 5,9 terjadi di Cianjur.", "id", None),  # no day: nothing to go by
    # the day dates the flood the losses are of, in a clause of its own
    ("Warga merugi akibat gempa magnitudo 5,9 yang terjadi pada 1 Januari 2020.", "id",
     None),
    # the day a figure was said is no day of the event
    ("The quake had a magnitude of 5.9, BMKG said on Friday (25/11).", "en", "2022-11-30"),
])
def test_a_figure_on_the_statements_day_or_undated_stays_an_error(text, language, published):
    assert verdict(QUAKE_ON_A_MONDAY, text, language, published) == [("error", "5.9")]


STRUCK_AT_5_6 = claims(claim("magnitude", "quantity",
                             {"en": ["magnitude"], "id": ["magnitudo"]}, 5.6))


@pytest.mark.parametrize(("text", "language", "found"), [
    ("The fault can generate quakes of up to magnitude 8.7.", "en", []),  # 5.6 is within
    ("Sesar itu dapat memicu gempa hingga magnitudo 8,7.", "id", []),
    ("The fault generated a quake of at least magnitude 6.1.", "en", [("error", "6.1..inf")]),
])
def test_a_bound_written_before_a_unit_word_bounds_its_number(text, language, found):
    assert verdict(STRUCK_AT_5_6, text, language) == found


TEAM_FORMED = claims(claim("formed", "date", {"en": ["formed"]}, "2022-10-03"))


@pytest.mark.parametrize(("text", "found"), [
    # "that" and an event's verb open a relative clause: its date is that event's
    ("In response to the incident that occurred on October 1, 2022, the government formed "
     "a fact-finding team.", []),
    ("After the stampede that killed 135 people on October 1, 2022, a team was formed.", []),
    # "that" alone opens what was said, whose date is the cue's
    ("The minister said that the team was formed on October 1, 2022.",
     [("error", "2022-10-01")]),
    ("The team that was formed on October 1, 2022 met today.", [("error", "2022-10-01")]),
])
def test_that_and_an_events_verb_open_a_relative_clause(text, found):
    assert verdict(TEAM_FORMED, text) == found


def test_the_comma_of_a_date_closes_no_clause():
    text = "The quake that struck on October 1, 2022, was the strongest."
    sentence = analyse(text, 0, len(text), "en", [])
    assert [text[a:b] for a, b in sentence.asides] == ["that struck on October 1, 2022"]


ERUPTED = claims(claim("eruption", "date", {"en": ["eruption"], "id": ["erupsi"]},
                       "2023-12-03"))


@pytest.mark.parametrize(("text", "language"), [
    # a verb after "setelah erupsi …" tells what happened later, on the date
    ("Pendaki yang hilang setelah erupsi Gunung Marapi akhirnya ditemukan pada Rabu "
     "6 Desember 2023.", "id"),
    # an ongoing word before the cue: a moment while it went on
    ("Proses evakuasi pada Rabu (6/12/2023) masih terus terjadi erupsi Gunung Marapi.", "id"),
    # the cue names what the victims are of: the date is of what is done with them
    ("Tim SAR menghentikan evakuasi korban erupsi Gunung Marapi pada Kamis (7/12/2023).", "id"),
    ("Rescuers ended the search for the victims of the eruption of Mount Marapi on "
     "7 December 2023.", "en"),
])
def test_a_date_of_what_followed_the_cues_event_is_not_its_date(text, language):
    assert got(ERUPTED, text, language, published="2023-12-10") == []


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Setelah erupsi Gunung Marapi pada Senin (4/12/2023), pendaki dievakuasi.", "id",
     [("error", "2023-12-04")]),
    ("Erupsi Gunung Marapi terjadi pada Senin (4/12/2023) sore.", "id",
     [("error", "2023-12-04")]),
    ("The eruption of Mount Marapi on 4 December 2023 killed 23 climbers.", "en",
     [("error", "2023-12-04")]),
])
def test_the_cues_own_date_is_still_read(text, language, found):
    assert verdict(ERUPTED, text, language, published="2023-12-10") == found


FOUND_DEAD = claims(claim("dead", "quantity", {"en": ["found dead"], "id": ["ditemukan tewas"]},
                          23, unit_words={"en": ["climbers"], "id": ["pendaki"]}))


@pytest.mark.parametrize(("text", "language", "found"), [
    # what is said right after a partitive is said of its part
    ("In all, 24 out of 75 climbers were found dead.", "en", ["24"]),
    ("Sebanyak 24 dari 75 pendaki ditemukan tewas.", "id", ["24"]),
    # a determiner before the whole, and a few words on the whole before what is said
    ("In all, 24 out of the 75 climbers on the upper slope were found dead.", "en",
     ["24"]),
    # … not when the cue stands far from it, in a clause of its own
    ("Of the 75 climbers, most came from Padang; rescuers say 24 climbers were found dead.",
     "en", ["24"]),
])
def test_a_cue_said_of_a_partitive_counts_its_part(text, language, found):
    assert got(FOUND_DEAD, text, language) == found


def test_a_cue_right_after_a_partitives_whole_is_the_wholes_noun():
    engines = claims(claim("engines", "quantity", {"en": ["engines"], "id": ["mesin"]}, 5))
    # the part is no count of the engines; the whole is (here narrowed to those that died)
    assert "2" not in got(engines, "Pesawat itu tetap mendarat meski dua dari lima mesinnya "
                          "mati.", "id")
    assert got(engines, "The lander can land even if two of its four engines fail.") == ["4"]


FDR_FOUND = claims(claim("fdr", "date", {"en": ["FDR"], "id": ["FDR"]}, "2018-11-01"))


@pytest.mark.parametrize(("text", "language"), [
    # the cue in the quotation the speech verb closes: the date after the speaker is the
    # day it was said, however long the way there
    ('"Data FDR telah berhasil diunduh," ujar Kepala Sub Komite Nurcahyo Utomo, saat '
     'konferensi pers di kantor KNKT, Jakarta pada hari Minggu (4/11/2018).', "id"),
    ('"The FDR data has been downloaded," the committee\'s head said at a press conference '
     'held at the agency\'s office in central Jakarta on Sunday, 4 November 2018.', "en"),
])
def test_a_date_after_the_speaker_of_a_quoted_cue_is_the_saying(text, language):
    assert got(FDR_FOUND, text, language, published="2018-11-05") == []


SEARCH_ENDED = claims(claim("ended", "date", {"id": ["menghentikan pencarian"]},
                            "2018-11-10"),
                      claim("crashed", "date", {"id": ["jatuh"]}, "2018-10-29"))


@pytest.mark.parametrize(("text", "found"), [
    # a place and its region stay inside the relative clause, and so does its date
    # (the crash's cue in the clause is then nearer the date than the search's)
    ("Basarnas menghentikan pencarian pesawat Lion Air JT 610 yang jatuh di perairan Tanjung "
     "Karawang, Jawa Barat, pada Senin (29/10/2018) lalu.", []),
    # a weekday before its date is no region
    ("Basarnas menghentikan pencarian di Karawang, Sabtu, 3 November 2018.",
     ["2018-11-03"]),
])
def test_a_places_region_stays_in_its_clause(text, found):
    assert got(SEARCH_ENDED, text, "id", published="2018-11-12", cid="ended") == found


LAHAR = claims(claim("flood", "date", {"en": ["flood"], "id": ["banjir lahar dingin"]},
                     "2024-05-11"))


@pytest.mark.parametrize(("text", "language", "found"), [
    # a meeting, a visit or the handling of the cue's event: the date is theirs
    ("Gubernur memimpin rapat koordinasi penanganan banjir lahar dingin di Padang, "
     "Sabtu (6/4/2024).", "id", []),
    ("The governor visited the flood area in Agam on Tuesday, 21 May 2024.", "en", []),
])
def test_a_meeting_or_visit_about_the_cue_has_its_own_date(text, language, found):
    assert got(LAHAR, text, language, published="2024-06-01") == found


def test_a_word_of_a_cue_is_no_topic_noun():
    eid = claims(claim("isbat", "date", {"en": ["isbat meeting"]}, "2023-04-20"),
                 claim("eid", "date", {"en": ["1 Shawwal"]}, "2023-04-22"))
    text = "The isbat meeting determines that 1 Shawwal falls on Saturday, April 22, 2023."
    assert got(eid, text, published="2023-04-25", cid="eid") == ["2023-04-22"]
    assert got(eid, text, published="2023-04-25", cid="isbat") == []


PASSENGERS = claims(claim("passengers", "quantity",
                          {"en": ["carrying", "passengers"], "id": ["membawa", "penumpang"]},
                          227, unit_words={"en": ["passengers"], "id": ["penumpang"]}))
ABOARD = claims(claim("aboard", "quantity", {"en": ["carrying"], "id": ["membawa"]}, 239,
                     unit_words={"en": ["people", "passengers and crew"],
                                 "id": ["orang", "penumpang dan kru"]}))


@pytest.mark.parametrize(("text", "language"), [
    ("The plane was carrying 239 passengers and crew when it vanished.", "en"),
    ("The flight, carrying 239 passengers and crew members, vanished from radar.", "en"),
    ("Pesawat itu membawa 239 penumpang dan kru ketika hilang.", "id"),
])
def test_a_count_of_the_claims_noun_joined_to_another_counts_both(text, language):
    assert got(PASSENGERS, text, language) == []
    assert "counts-other" in decisions(PASSENGERS, text, language)
    # a claim that counts everyone aboard still reads it
    assert got(ABOARD, text, language) == ["239"]


def test_a_count_farther_after_the_joiner_counts_something_else():
    text = "It was carrying 239 passengers and crew members, including 155 Indonesians."
    assert got(PASSENGERS, text) == []
    assert "counts-other" in decisions(PASSENGERS, text)


@pytest.mark.parametrize(("text", "language", "value"), [
    ("The plane was carrying 227 passengers and 12 crew.", "en", ["227"]),
    ("Pesawat itu membawa 227 penumpang dan 12 awak.", "id", ["227"]),
    ("The plane was carrying 230 passengers and the crew stayed calm.", "en", ["230"]),
])
def test_a_count_of_the_claims_noun_beside_another_count_is_its_own(text, language, value):
    assert got(PASSENGERS, text, language) == value


COUNTRIES = claims(claim("countries", "quantity", {"en": ["killed"], "id": ["tewas"]}, 14,
                         unit_words={"en": ["countries"], "id": ["negara"]}))
WAVE_YEAR = claims(claim("wave", "year", {"en": ["tsunami"], "id": ["tsunami"]}, 2004))


@pytest.mark.parametrize(("text", "language"), [
    ("Korban tewas akibat tsunami di 13 negara (hingga Minggu 2/1) mencapai 127.672 orang.",
     "id"),
    ("Korban tewas akibat tsunami di 13 negara (sampai minggu 2/1/2005) mencapai 127.672.",
     "id"),
    ("The tsunami killed people in 13 countries (as of Sunday, January 2).", "en"),
])
def test_an_as_of_moment_in_brackets_after_a_count_dates_it(text, language):
    assert verdict(COUNTRIES, text, language, "2005-01-03") == [("info", "13")]
    # nor is that moment the year of the event
    assert verdict(WAVE_YEAR, text, language, "2005-01-03") == []


def test_other_words_in_brackets_after_a_count_leave_it_a_fact():
    text = "The tsunami killed people in 13 countries (Indonesia and Thailand among them)."
    assert verdict(COUNTRIES, text, "en", "2005-01-03") == [("error", "13")]


QUAKE_DAY = claims(claim("quake", "date", {"en": ["quake"], "id": ["gempa"]}, "2004-12-26"))


@pytest.mark.parametrize(("text", "language"), [
    ("Harian Kompas, 29 Desember 2004 memberitakan, pusat gempa berada di barat Meulaboh.",
     "id"),
    ("The Jakarta Post, on 29 December 2004 reported that the quake was felt in Medan.", "en"),
    # a date opening the sentence, right before the speech verb
    ("Pada Februari 2005 diumumkan bahwa gempa itu berkekuatan 9,3.", "id"),
    # the speech verb opens the sentence, before the source and the date
    ("Diberitakan Harian Kompas, 29 Desember 2004, gempa terasa hingga Medan.", "id"),
])
def test_the_day_between_a_source_and_its_report_is_the_reports(text, language):
    assert verdict(QUAKE_DAY, text, language, "2005-01-03") == []
    assert "other-occasion" in decisions(QUAKE_DAY, text, language, "2005-01-03")


@pytest.mark.parametrize(("text", "language"), [
    ("Gempa, 29 Desember 2004 melanda Aceh.", "id"),  # no speech verb after the date
    ("The quake struck Aceh on 29 December 2004, reported the agency.", "en"),
    ("Gempa dilaporkan terjadi pada 29 Desember 2004.", "id"),
])
def test_a_date_with_no_source_before_its_speech_verb_is_read(text, language):
    assert verdict(QUAKE_DAY, text, language, "2005-01-03") == [("error", "2004-12-29")]


STANDING = claims(claim("rank", "ordinal", {"en": ["place", "position"],
                                            "id": ["peringkat", "posisi"]}, 4))


@pytest.mark.parametrize(("text", "language"), [
    ("On the first day of the Games, the Indonesian contingent came in third place.", "en"),
    ("Play went on until the fourth day, with Indonesia's position shifting to fifth place.",
     "en"),
    ("Pada hari pertama, Indonesia berada di peringkat ketiga.", "id"),
    ("Hingga hari ke-4, Indonesia berada di posisi kelima.", "id"),
])
def test_a_rank_on_a_day_of_the_event_is_no_outcome(text, language):
    assert verdict(STANDING, text, language) == []
    assert "earlier" in decisions(STANDING, text, language)


@pytest.mark.parametrize("text", [
    "Indonesia finished in third place after 14 days of competition.",
    "Indonesia finished in third place.",
])
def test_a_rank_with_no_day_of_the_event_is_read(text):
    assert verdict(STANDING, text) == [("error", "3")]


def test_a_claim_about_a_day_of_the_event_reads_that_days_rank():
    first_day = claims(claim("rank", "ordinal", {"en": ["place"]}, 4,
                             statement="Indonesia was fourth after the first day."))
    assert verdict(first_day, "On the first day, Indonesia came in third place.") == [
        ("error", "3")]


TOLL_2006 = claims(claim("toll", "quantity", {"en": ["killed"], "id": ["menewaskan"]}, 5782,
                         unit_words={"en": ["people"], "id": ["jiwa", "orang"]}))


@pytest.mark.parametrize(("text", "language"), [
    # a vague count after the joiner gives the second noun a count of its own
    ("Gempa itu menewaskan 6.234 jiwa dan puluhan ribu orang luka-luka.", "id"),
    ("The quake killed 6,234 people and thousands were injured.", "en"),
])
def test_a_vague_count_after_the_joiner_is_a_count_of_its_own(text, language):
    assert verdict(TOLL_2006, text, language, "2006-06-01") == [("error", "6234")]


HOMES = claims(claim("homes", "quantity", {"en": ["damaged"], "id": ["merusak"]}, 5205,
                     unit_words={"en": ["homes"], "id": ["rumah"]}))


@pytest.mark.parametrize(("text", "language", "found"), [
    # a quantifier opens a count of the second noun's own
    ("The eruption damaged 4,000 homes and several public buildings.", "en",
     [("error", "4000")]),
    ("Erupsi itu merusak 4.000 rumah dan beberapa bangunan umum.", "id", [("error", "4000")]),
    ("The eruption damaged 4,000 homes and buildings.", "en", []),  # both, together
])
def test_a_quantifier_after_the_joiner_opens_a_count_of_its_own(text, language, found):
    assert verdict(HOMES, text, language) == found


QUAKE_2006 = claims(claim("year", "year", {"en": ["quake"], "id": ["gempa"]}, 2006))


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Tahun 2019 ini, 13 tahun gempa Jogja kembali dikenang.", "id", []),
    ("In 2019 the quake is remembered across the city.", "en", []),
    # what the cue names happened then
    ("In 2019 the quake struck the city.", "en", [("error", "2019")]),
])
def test_the_year_a_cue_is_remembered_in_is_no_year_of_it(text, language, found):
    assert verdict(QUAKE_2006, text, language, "2019-05-27") == found


CREW_OF_7 = claims(claim("crew", "quantity", {"id": ["awak"]}, 7,
                         unit_words={"id": ["awak", "awak pesawat"]}))


@pytest.mark.parametrize(("text", "found"), [
    # a word after the noun narrows it in a list of counts, of it or of others
    ("Sebanyak 162 orang terdiri dari dua pilot, empat awak kabin, dan 156 penumpang.", []),
    # a unit word of the claim's own is no narrowing
    ("Pesawat itu membawa 6 awak pesawat dan 155 penumpang.", [("error", "6")]),
    ("Pesawat itu membawa 6 awak dan 155 penumpang.", [("error", "6")]),
])
def test_a_narrowed_noun_in_a_list_of_counts_is_a_part(text, found):
    assert verdict(CREW_OF_7, text, "id") == found


ATTACKERS_KILLED = claims(claim("killed", "quantity", {"en": ["killed", "died"],
                                                      "id": ["tewas"]}, 4,
                                unit_words={"en": ["attackers", "terrorists"],
                                            "id": ["teroris", "pelaku"]}))


@pytest.mark.parametrize(("text", "language"), [
    ("3 teroris tewas di Starbucks, sedangkan 2 lainnya di Pos Polisi Sarinah.", "id"),
    ("Three attackers died at the cafe, while the other two died at the police post.", "en"),
    ("Tiga pelaku tewas di kafe, sedangkan dua orang lagi tewas di pos polisi.", "id"),
])
def test_a_count_before_a_contrast_with_the_others_is_a_part(text, language):
    assert verdict(ATTACKERS_KILLED, text, language) == []
    assert "part-of" in decisions(ATTACKERS_KILLED, text, language)


@pytest.mark.parametrize(("text", "language"), [
    # others of another kind, or joined by "and": the count is the whole of its own
    ("The blast killed 5 terrorists and injured 10 others.", "en"),
    ("Sebanyak 5 teroris tewas, sedangkan 10 warga lainnya luka-luka.", "id"),
])
def test_a_count_beside_others_of_another_group_is_read(text, language):
    assert verdict(ATTACKERS_KILLED, text, language) == [("error", "5")]


MAIN_SHOCK = claims(claim("quake", "date", {"en": ["earthquake"], "id": ["gempa"]},
                          "2021-01-15"))


@pytest.mark.parametrize(("text", "language", "found"), [
    ("On Thursday, another earthquake had already struck the region.", "en", []),
    ("Pada Kamis, gempa susulan mengguncang wilayah itu.", "id", []),
    # the cue's own event
    ("The earthquake struck on Thursday, and another one followed.", "en",
     [("error", "2021-01-14")]),
])
def test_another_occurrence_of_the_cues_event_gives_no_date(text, language, found):
    assert verdict(MAIN_SHOCK, text, language, "2021-01-16") == found


HOUSES_DAMAGED = claims(claim("houses", "quantity", {"en": ["damaged"], "id": ["rusak"]}, 319,
                              unit_words={"en": ["houses"], "id": ["rumah"]},
                              statement="319 houses were damaged."))


@pytest.mark.parametrize(("text", "language", "found"), [
    # a unit word after another count (a number or a word of count) is that count's
    ("Tanggul Jebol, 100 Orang Tewas Dan Membuat Ratusan Rumah Rusak", "id", []),
    ("Flood Kills 100 People And Leaves Hundreds Of Houses Damaged", "en", []),
    ("Banjir membuat 12 rumah dan 3 sekolah rusak.", "id", ["12"]),
    # a number joined by a hyphen is part of the noun phrase ("two-storey houses")
    ("The flood damaged 300 two-storey houses.", "en", ["300"]),
])
def test_a_unit_word_after_another_count_is_that_counts(text, language, found):
    assert got(HOUSES_DAMAGED, text, language) == found


TSUNAMI_YEAR = claims(claim("tsunami", "year", {"en": ["Tsunami"], "id": ["Tsunami"]}, 2004,
                            statement="The tsunami struck in 2004."))


@pytest.mark.parametrize(("text", "language", "found"), [
    # a capitalised cue in the name of another thing: a museum, a film
    ("Museum Tsunami Aceh diresmikan pada 2008.", "id", []),
    ("The Tsunami Museum opened in 2008.", "en", []),
    ("Kisah itu diangkat ke film Tsunami Aceh pada 2008.", "id", []),
    ("Kisah itu difilmkan dengan judul Tsunami Aceh pada 2008.", "id", []),
    # a kind word the cue holds, or one in lower case after it, names nothing
    ("The Tsunami struck the coast of Aceh in 2004.", "en", ["2004"]),
    ("Tsunami museum visits rose in 2008.", "en", ["2008"]),
])
def test_a_cue_in_the_name_of_another_thing_gives_no_value(text, language, found):
    assert got(TSUNAMI_YEAR, text, language) == found


PEOPLE_ON_BOARD = claims(claim("aboard", "quantity", {"en": ["on board"]}, 117,
                               unit_words={"en": ["people"]},
                               statement="The aircraft carried 117 people."))


@pytest.mark.parametrize(("text", "found"), [
    # a cue that opens with a preposition qualifies the whole's noun, not the part
    ("The crash killed 99 of the 117 people on board.", ["117"]),
    # a sentence that opens with a determiner and an other-word tells of other events
    ("The others were, in order: the Peru crash, killing 41 out of 100 people on board.",
     []),
    ("The crash killed all 117 people on board.", ["117"]),
])
def test_a_prepositional_cue_and_an_opening_others(text, found):
    assert got(PEOPLE_ON_BOARD, text) == found


def test_a_phrase_that_opens_a_list_is_no_opening_others():
    aboard = claims(claim("aboard", "quantity", {"id": ["di dalam pesawat"]}, 117,
                          unit_words={"id": ["orang"]},
                          statement="The aircraft carried 117 people."))
    assert got(aboard, "Antara lain 117 orang di dalam pesawat.", "id") == ["117"]
    assert got(aboard, "Semua lainnya, 120 orang di dalam pesawat.", "id") == []


@pytest.mark.parametrize(("text", "found"), [
    # an as-of word before a time and the date: the day a state stood at
    ("As of 14.00 UTC on 14 February the eruption had abated.", []),
    # "no more" before the cue: what did not happen has no date
    ("On 15 February no more large eruptions were expected.", []),
    # a date in apposition to a day reckoned from the cue is reckoned too
    ("The second day after its eruption, today, 15 February, the ash thinned.", []),
    ("The eruption on 13 February covered the town in ash.", ["--02-13"]),
])
def test_dates_that_are_no_eruption_day(text, found):
    assert got(ERUPTED, text, "en", "2014-02-15") == found
