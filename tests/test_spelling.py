"""Name, term, invisible-character and dictionary checks: good and bad examples, and
hypothesis properties for the invariances a typo finding must respect."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from factaudit_checks.term_misspelling import SUFFIXES
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from factaudit.inputs.claims import claimset_from_text
from factaudit.inputs.config import Config
from factaudit.inputs.corpus import Corpus, Document
from factaudit.reading.lexicon import edits, hunspell
from factaudit.reading.lexicon.frequency import best_zipf
from factaudit.rules.facts import COMMON_ZIPF
from factaudit.rules.registry import discover_rules
from tests.helpers import run_audit

RULES = {r.id: r for r in discover_rules()}
TYPO_RULES = [RULES[i] for i in ("name-typo", "term-misspelling", "invisible-characters")]
TODAY = dt.date(2026, 1, 1)
HAVE_DICTIONARIES = all(hunspell.get_speller(lang) for lang in ("en", "id"))
needs_dictionaries = pytest.mark.skipif(not HAVE_DICTIONARIES,
                                        reason="Hunspell en_US and id_ID are not installed")


@pytest.fixture
def no_dictionaries(monkeypatch):
    monkeypatch.setenv(hunspell.DISABLE_ENV, "off")


def audit(claims: dict, *texts: str | tuple[str, str], rules=None):
    docs = []
    for k, t in enumerate(texts):
        language, text = t if isinstance(t, tuple) else ("en", t)
        docs.append(Document(id=f"d{k}", path=f"<d{k}>", text=text, language=language))
    claimset = claimset_from_text(yaml.safe_dump(claims, allow_unicode=True))
    return run_audit(claimset, Corpus(docs), rules=rules or TYPO_RULES, today=TODAY)


def typos(result):
    return [f for f in result.findings if f.verdict == "typo"]


PEOPLE = {"entities": [{"name": "Retno Marsudi"}, {"name": "Sergei Lavrov",
                                                   "variants": ["Sergey Lavrov"]},
                       {"name": "Sidharto Suryodipuro"}]}


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize("text, found, expected", [
    ("Minister Retno LP Marsuid said so.", "Marsuid", "Marsudi"),
    ("RETNO MARSUID SAID SO.", "MARSUID", "Marsudi"),
    ("retno marsuid said so.", "marsuid", "Marsudi"),
    ("Minister Retno\nMarsdui said so.", "Marsdui", "Marsudi"),
    ("They met Sergei Kavrov.", "Kavrov", "Lavrov"),  # first letter, beside the first name
    ("They met Sergei Lavrv.", "Lavrv", "Lavrov"),
    ("They met Sergey Lavrob.", "Lavrob", "Lavrov"),  # beside the variant's first name
    ("They met Sergei Lavrova.", "Lavrova", "Lavrov"),  # a feminine form beside "Sergei"
    ("The report by Suryodipura was read.", "Suryodipura", "Suryodipuro"),  # alone, long
    ("The report by Suryodiupro was read.", "Suryodiupro", "Suryodipuro"),
    ("Then Uuryodipuro spoke.", "Uuryodipuro", "Suryodipuro"),  # alone: 8+ letters
])
def test_name_typos_are_reported_with_the_canonical_word(text, found, expected):
    (f,) = typos(audit(PEOPLE, text))
    assert (f.rule, f.found, f.expected) == ("name-typo", found, expected)
    assert f.start == text.index(found) and f.line and f.column
    assert "looks like a misspelling of" in f.message


@pytest.mark.parametrize("text", [
    "RETNO MARSUDI, retno marsudi and Retno   Marsudi met Sergey Lavrov.",
    "Retno\nMarsudi and Sergei\n  Lavrov met.",
    "Retno L.P. Marsudi and Sidharto R. Suryodipuro met.",
    "Marsudi's office; the Lavrovs; Lavrov-Marsudi talks.",
    "Sergei Lavrin, a poet, was not there.",  # two edits from Lavrov
    "Anna Lavrova, his colleague, spoke.",  # the feminine form of the surname
    "Lavrin spoke.",  # short, opens a sentence
    "The marsupial and the lavender.",  # lower case
    "Then Karsudi spoke.",  # another first letter, alone, 7 letters
    # a spelling that recurs in a document that writes the declared name is another name
    "Retno Marsudi met Marsudo; Marsudo and Marsudo spoke.",
])
def test_no_typo_for_correct_names_or_other_words(text, no_dictionaries):
    assert typos(audit(PEOPLE, text)) == []


def test_declared_other_names_are_never_typos():
    claims = {"entities": [{"name": "Sergei Lavrov", "others": ["Sergei Lavrova"]}]}
    assert typos(audit(claims, "Sergei Lavrova, an artist, spoke.")) == []
    assert len(typos(audit({"entities": [{"name": "Sergei Lavrov"}]},
                           "Sergei Lavrova, an artist, spoke."))) == 1


def test_a_word_written_in_lower_case_elsewhere_is_not_a_name_typo(no_dictionaries):
    claims = {"entities": [{"name": "Hans Webern"}]}
    assert typos(audit(claims, "Webers met.", "Then Webers and webers.")) == []


@needs_dictionaries
def test_a_dictionary_word_or_name_alone_is_not_a_name_typo():
    claims = {"entities": [{"name": "Antony Blinken"}, {"name": "Budi Santoso"}]}
    assert typos(audit(claims, "Blinked, he left. The Santos family came.")) == []
    (f,) = typos(audit(claims, "Antony Blinked arrived."))  # beside the first name
    assert f.found == "Blinked"


def test_a_spelling_confirmed_beside_the_name_is_a_typo_alone_too(no_dictionaries):
    result = audit(PEOPLE, "Minister Retno Marsdui arrived.", "Later Marsdui spoke.")
    assert {(f.document, f.found) for f in typos(result)} == {("d0", "Marsdui"),
                                                              ("d1", "Marsdui")}
    assert "elsewhere" in next(f for f in typos(result) if f.document == "d1").how


def test_a_recurring_misspelling_in_a_document_that_never_writes_the_name_is_a_typo(
        no_dictionaries):
    text = "Marsudo arrived. Marsudo spoke, and Marsudo left."
    assert [f.found for f in typos(audit(PEOPLE, text))] == ["Marsudo"] * 3
    assert typos(audit(PEOPLE, "Retno Marsudi came. " + text)) == []


@pytest.mark.parametrize("text, found", [
    ("Minister Retmo Marsdui said so.", ["Retmo", "Marsdui"]),  # both words of the name
    ("Sidharto Suryodiupor spoke.", ["Suryodiupor"]),  # two edits beside the first name
    ("Then Sidharto Sruyodipuor spoke.", ["Sruyodipuor"]),
])
def test_both_words_and_two_edits_beside_the_name(text, found, no_dictionaries):
    assert [f.found for f in typos(audit(PEOPLE, text))] == found


@needs_dictionaries
@pytest.mark.parametrize("text, found", [
    ("We flew to surbaya on Monday.", ["surbaya"]),
    ("The ASAEN summit and the ASEAN summit; KPPK and KPK.", ["ASAEN", "KPPK"]),
])
def test_lower_case_names_and_acronyms(text, found):
    claims = {"entities": [{"name": "Surabaya"}, {"name": "ASEAN"}, {"name": "KPK"}]}
    assert [f.found for f in typos(audit(claims, text))] == found


@needs_dictionaries
@pytest.mark.parametrize("text", [
    "We flew to surabaya; the surface was wet.",  # the name in lower case; a word
    "The KKP and the KPU met the KPK.",  # other acronyms: a swap or a letter of three
    "Write to kemlu.go.id or @surbaya_city.",  # addresses and handles
])
def test_no_typo_for_lower_case_words_other_acronyms_or_addresses(text):
    claims = {"entities": [{"name": "Surabaya"}, {"name": "KPK"}, {"name": "Kemlu"}]}
    assert typos(audit(claims, text)) == []


def test_vocabulary_names_and_acronyms_have_near_misses_too(no_dictionaries):
    claims = {"vocabulary": ["Bappenas", "BMKG", "kopdar"]}
    found = typos(audit(claims, "Bappenas and Bapenas; BMKG and BKMG; kopdar, kopdra."))
    assert [(f.found, f.expected, f.claim) for f in found] == [
        ("Bapenas", "Bappenas", None), ("BKMG", "BMKG", None)]  # not lower-case words
    assert "vocabulary" in found[0].how


def test_ambiguous_near_miss_between_two_entities_is_not_reported():
    claims = {"entities": [{"name": "Anna Marsten"}, {"name": "Ivan Marston"}]}
    assert typos(audit(claims, "The report by Marstan was read.")) == []
    (f,) = typos(audit(claims, "The report by Anna Marstan was read."))
    assert f.claim == "anna-marsten"


def test_names_in_other_scripts():
    claims = {"entities": [{"name": "Сергей Лавров"}]}
    (f,) = typos(audit(claims, "Министр Сергей Лавроф прибыл."))
    assert (f.found, f.expected) == ("Лавроф", "Лавров")
    assert typos(audit(claims, "МИНИСТР СЕРГЕЙ ЛАВРОВ ПРИБЫЛ.")) == []


# --------------------------------------------------------------------------- terms

TERMS = {"terms": [{"preferred": "kesetaraan", "language": "id"},
                   {"preferred": "Luar Negeri", "language": "id"},
                   {"preferred": "kerja sama", "variants": ["kerjasama"], "language": "id"},
                   {"preferred": "pemulihan", "language": "id"},
                   {"preferred": "pasca", "variants": ["paska"], "language": "id"}]}


@pytest.mark.parametrize("text, found", [
    ("Mereka menekankan keseteraan vaksin.", "keseteraan"),
    ("Menteri Luar Negeru hadir.", "Luar Negeru"),
    ("MENTERI LUAR NEGRI HADIR.", "LUAR NEGRI"),
    ("Menteri Luar\tNegeru hadir.", "Luar\tNegeru"),
    ("Upaya pemulihna ekonomi.", "pemulihna"),
    ("Masa psaca pandemi.", "psaca"),  # a swap in a short term
])
def test_term_misspellings(text, found):
    (f,) = typos(audit(TERMS, ("id", text)))
    assert (f.rule, f.found) == ("term-misspelling", found)


@pytest.mark.parametrize("text", [
    "Kesetaraan, KESETARAAN dan kesetaraannya; Luar  Negeri; kerja sama; kerjasama.",
    "Masa paska pandemi; pasta gigi; pasar.",  # a listed variant; other short words
    "Mereka bekerja sama.",  # an affixed form of the term
    "Luar\nNegeru",  # a phrase does not run across lines
])
def test_no_term_misspelling(text):
    assert typos(audit(TERMS, ("id", text))) == []


def test_terms_are_checked_only_in_their_language():
    assert typos(audit(TERMS, ("en", "Their keseteraan was noted."))) == []


@needs_dictionaries
def test_another_word_of_the_language_is_not_a_term_misspelling():
    assert typos(audit(TERMS, ("id", "Pemilihan umum digelar serentak."))) == []


def test_without_a_dictionary_a_recurring_word_is_not_a_term_misspelling(no_dictionaries):
    text = "Pemilihan umum. Pemilihan kepala daerah. Hasil pemilihan."
    assert typos(audit(TERMS, ("id", text))) == []
    assert len(typos(audit(TERMS, ("id", "Hasil pemilihan.")))) == 1


# --------------------------------------------------------------------------- invisibles


@pytest.mark.parametrize("char", ["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200d"])
def test_invisible_characters_inside_a_name_are_reported_not_folded(char):
    text = f"Minister Retno Mar{char}sudi spoke."
    (f,) = typos(audit(PEOPLE, text))
    assert (f.rule, f.claim, f.expected) == ("invisible-characters", "retno-marsudi", "Marsudi")
    assert f"U+{ord(char):04X}" in f.found and f.start == text.index("Mar")


def test_a_cyrillic_lookalike_in_a_latin_name_is_reported_as_such():
    (f,) = typos(audit(PEOPLE, "Minister Retno M\u0430rsudi spoke."))
    assert (f.rule, f.claim, f.expected) == ("invisible-characters", "retno-marsudi", "Marsudi")
    assert "Cyrillic" in f.message and "U+0430" in f.message


def test_invisible_characters_outside_names_have_no_claim():
    (f,) = typos(audit(PEOPLE, "The wea\u200bther was fine."))
    assert f.claim is None and f.expected == "weather"


def test_bidi_marks_between_words_and_joiners_in_joining_scripts_pass():
    text = "Ali \u200fsaid \u0645\u200c\u0627 and \U0001F469\u200d\U0001F4BB."
    assert typos(audit(PEOPLE, text)) == []


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize("found, expected, description", [
    ("Marsuid", "Marsudi", "letters 'di' swapped to 'id'"),
    ("MARSUID", "MARSUDI", "letters 'DI' swapped to 'ID'"),
    ("Negeru", "Negeri", "'u' instead of 'i' (at the end)"),
    ("Lavrv", "Lavrov", "missing 'o' (letter 5)"),
    ("Lavrxov", "Lavrov", "extra 'x' (letter 5)"),
    ("Lavrovx", "Lavrov", "extra 'x' (at the end)"),
    ("Lavro", "Lavrov", "missing 'v' (at the end)"),
    ("lavrov", "Lavrov", "differs only in letter case"),
])
def test_describe_difference(found, expected, description):
    assert edits.describe_difference(found, expected) == description


def test_mark_difference_ignores_case_alone():
    found, expected = edits.mark_difference("MARSUID", "Marsudi")
    assert "".join(p for p, _ in found) == "MARSUID"
    assert "".join(p for p, _ in expected) == "Marsudi"
    assert sum(len(p) for p, differs in found if differs) <= 2  # only the swapped letters
    assert edits.mark_difference("marsudi", "Marsudi")[0] == [("m", True), ("arsudi", False)]


def test_match_case_and_edit_kind():
    assert edits.match_case("Marsudi", "MARSUID") == "MARSUDI"
    assert edits.match_case("Luar Negeri", "luar negeru") == "luar negeri"
    assert edits.edit_kind("Marsuid", "Marsudi") == "transposition"
    assert edits.edit_kind("Marsudo", "Marsudi") == "substitution"
    assert edits.edit_kind("Marsudii", "Marsudi") == "insertion"
    assert edits.edit_kind("Marsui", "Marsudi") == "deletion"


# --------------------------------------------------------------------------- optional rule


def test_spelling_is_optional_and_the_same_everywhere():
    """Off unless named, in every output alike: no output runs rules another does not."""
    from factaudit.rules.registry import active_rules

    rule = RULES["spelling"]
    assert rule.optional is True
    assert rule not in active_rules(Config(), list(RULES.values()))
    assert rule in active_rules(Config(rules={"spelling": True}), list(RULES.values()))
    assert rule in active_rules(Config(rules={"spelling": "info"}), list(RULES.values()))
    assert rule not in active_rules(Config(rules={"spelling": False}), list(RULES.values()))


def test_a_missing_dictionary_is_said_once_and_the_rest_runs(no_dictionaries):
    result = audit(PEOPLE, "Retno Marsuid met them.", "Retno Marsuid again.",
                   ("id", "Retno Marsuid hadir."),
                   rules=[RULES["spelling"], RULES["name-typo"]])
    notes = [w for w in result.warnings if w.startswith("spelling:")]
    assert len(notes) == 2 and "hunspell-en-us" in notes[0] and "hunspell-id" in notes[1]
    assert len([f for f in result.findings if f.rule == "name-typo"]) == 3
    assert not [f for f in result.findings if f.rule == "spelling"]


@needs_dictionaries
def test_spelling_accepts_names_terms_vocabulary_and_foreign_words():
    claims = {**PEOPLE, **TERMS, "vocabulary": ["Kemenlu"]}
    result = audit(claims, ("id", "Kemenlu: Retno Marsudi menekankan kesetaraan dan "
                                  "Facility untuk pemerintah; tepaat."),
                   rules=[RULES["spelling"]])
    assert [f.found for f in result.findings] == ["tepaat"]


# --------------------------------------------------------------------------- properties

LETTERS = "abcdefghijklmnopqrstuvwxyz"
word = st.text(LETTERS, min_size=7, max_size=12).map(str.capitalize)
first_word = st.text(LETTERS, min_size=4, max_size=8).map(str.capitalize)


def _case(draw_case: int, text: str) -> str:
    return [text, text.upper(), text.lower(), text.title(), text.swapcase()][draw_case]


@settings(max_examples=60, deadline=None)
@given(first=first_word, last=word, case=st.integers(0, 4),
       gap=st.sampled_from([" ", "  ", "\n", " \n  ", "\t"]))
def test_property_correct_names_in_any_case_or_spacing_are_never_typos(first, last, case, gap):
    claims = {"entities": [{"name": f"{first} {last}"}]}
    mention = _case(case, f"{first}{gap}{last}")
    text = f"Yesterday {mention} said that the talks went well. {_case(case, last)} agreed."
    assert typos(audit(claims, text, ("id", text))) == []


EDITS = st.sampled_from(["substitution", "insertion", "deletion", "transposition"])


def _edit(word: str, kind: str, i: int, letter: str) -> str:
    low = word.lower()
    i %= len(low) - (1 if kind == "transposition" else 0)
    if kind == "substitution":
        out = low[:i] + letter + low[i + 1:]
    elif kind == "insertion":
        out = low[:i] + letter + low[i:]
    elif kind == "deletion":
        out = low[:i] + low[i + 1:]
    else:
        out = low[:i] + low[i + 1] + low[i] + low[i + 2:]
    return out.capitalize()


@settings(max_examples=80, deadline=None)
@given(first=first_word, last=word, kind=EDITS, i=st.integers(0, 20),
       letter=st.sampled_from(LETTERS), case=st.integers(0, 3))
def test_property_any_single_edit_beside_the_other_word_is_reported(first, last, kind, i,
                                                                     letter, case):
    edited = _edit(last, kind, i, letter)
    assume(first.lower() != last.lower())
    assume(edited.lower() not in (last.lower(), first.lower(), last.lower() + "s"))
    # one common word for another ("Noting" in "Aaaa Nothing") is no typo by design, nor
    # is a common word in lower case ("aaaa inaction" beside "Aaaa Inaaction")
    common = best_zipf(edited, ("en", "id")) >= COMMON_ZIPF
    assume(not common or best_zipf(last, ("en", "id")) < COMMON_ZIPF)
    assume(not (common and case == 2))
    claims = {"entities": [{"name": f"{first} {last}"}]}
    mention = _case(case, f"{first} {edited}")
    text = f"Yesterday {mention} said that the talks went well."
    result = audit(claims, text)
    (f,) = typos(result)
    assert (f.rule, f.claim, f.found.lower(), f.expected) == (
        "name-typo", result.claims.entities[0].item_id, edited.lower(), last)
    assert text[f.start:f.end] == f.found


@settings(max_examples=40, deadline=None)
@given(term=st.text(LETTERS, min_size=8, max_size=12), kind=EDITS, i=st.integers(1, 20),
       letter=st.sampled_from(LETTERS))
def test_property_single_edit_of_a_long_term_is_reported(term, kind, i, letter):
    edited = _edit(term, kind, i, letter).lower()
    assume(edited != term and edited[:1] == term[:1])
    assume(not any(edited == term + s for s in SUFFIXES["id"]))
    claims = {"terms": [{"preferred": term, "language": "id"}]}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(hunspell.DISABLE_ENV, "off")  # random letters are in no dictionary
        result = audit(claims, ("id", f"Mereka membahas {edited} kemarin."))
    (f,) = typos(result)
    assert (f.rule, f.found) == ("term-misspelling", edited)


@settings(max_examples=40, deadline=None)
@given(first=first_word, last=word, i=st.integers(1, 11),
       char=st.sampled_from(["\u200b", "\u00ad", "\u2060"]))
def test_property_an_invisible_character_in_a_name_is_reported_and_not_a_typo(first, last,
                                                                              i, char):
    i = 1 + i % (len(last) - 1)
    claims = {"entities": [{"name": f"{first} {last}"}]}
    result = audit(claims, f"Yesterday {first} {last[:i]}{char}{last[i:]} spoke.")
    (f,) = typos(result)
    assert (f.rule, f.expected) == ("invisible-characters", last)


# --------------------------------------------------------------------------- spelling


def spelled(*texts: str | tuple[str, str], claims: dict | None = None) -> list[str]:
    result = audit(claims or {}, *texts, rules=[RULES["spelling"]])
    return [f.found for f in result.findings if f.rule == "spelling"]


@needs_dictionaries
@pytest.mark.parametrize("language, text", [
    # British and American spellings of English alike
    ("en", "The organised centre cancelled the programme in the neighbourhood."),
    # Indonesian affixes, clitics, confixes, reduplication, compounds, day names
    ("id", "Perjanjian itu ditandatangani pada Kamis, ujarnya; kebijakannya diresmikan "
           "Selasa, tuturnya. Anak-anak menebak-nebak, sayur-mayur dijual, kesiapsiagaan "
           "antarlembaga dan antikorupsi dibahas; prakirawan cuaca hadir."),
    # not running text: ordinals, currency, addresses, handles, hashtags, file names,
    # abbreviations, camel case, acronyms
    ("en", "On the 30th, Rp1.5bn and US$96m; see https://kemlu.go.id/xyzzy, write to "
           "info@qwrtp.go.id or @Kemlu_RI #BanjirSidoarjo, open foto_zqx.jpg. Jl. Sudirman, "
           "Drs. H. Syamsul, S.H., GoPay, WhatsApp and BPBD came."),
    # a socio-economic compound; a word cut off at the end of an excerpt
    ("en", "The socio-economic plan was presented by the committ"),
    # the writers' initials closing a news item; a word written often, though unlisted
    ("id", "Bupati melakukan sidak ke pasar pada pagi hari, pungkasnya. (mrus/qzt)"),
    # the rest of a hyphenated name; a short form the text coins in brackets, used again
    ("en", "The video assistant referee Sivakorn Pu-udom advised the referee."),
    ("id", "Warga memilih transportasi umum (transum) untuk mudik, dan transum itu murah."),
    # a meN- verb as it is spoken, without its "me", in a quotation
    ("id", "\"Mobilnya nabrak pagar, terus mereka nyerang warga,\" kata saksi."),
    # names a letter off a short month or a weekday are names ("Marek", "Kamil", "Senen")
    ("id", "Pelatih Marek dan Kamil tiba di Pasar Senen pada Kamis, 3 Maret."),
    # a name with a mark for an apostrophe ("Ba‘asyir") is one word, not "asyir"
    ("id", "Organisasi yang dibentuk Abu Bakar Ba‘asyir memilih lokasi itu."),
])
def test_spelling_leaves_real_words_and_what_is_not_running_text_alone(language, text):
    assert spelled((language, text)) == []


@needs_dictionaries
@pytest.mark.parametrize("language, text, found", [
    ("en", "The goverment will recieve the report untill Monday.",
     ["goverment", "recieve", "untill"]),
    ("id", "Pemerinth menyatakan bahwa masyarkat akan dibantu.", ["Pemerinth", "masyarkat"]),
    ("id", "Jumlah penumpang sudah melampui target.", ["melampui"]),  # a letter dropped
    # a long month name is capitalised: a letter off one is no name
    ("id", "Kereta itu beroperasi sejak 17 Oktobee 2023.", ["Oktobee"]),
])
def test_spelling_reports_misspellings_with_the_common_word_as_suggestion(language, text,
                                                                         found):
    result = audit({}, (language, text), rules=[RULES["spelling"]])
    assert [f.found for f in result.findings] == found
    assert all(f.expected and f.expected.lower() != f.found.lower() for f in result.findings)
    assert all("did you mean" in f.message for f in result.findings)


@needs_dictionaries
def test_spelling_takes_capitalised_words_inside_a_sentence_as_names():
    assert spelled(("en", "They met Wiliam and Distrita in Bandungg."),
                   ("en", "Barricadde day came. The Barricadde was late.")) == []
    assert spelled(("en", "Inaguration day came early this year.")) == ["Inaguration"]
    # … unless one edit from an everyday word, in no word list, written once or twice
    assert spelled(("en", "Inaguration day came. The Inaguration was late.")) == [
        "Inaguration", "Inaguration"]


@needs_dictionaries
def test_spelling_takes_a_word_repeated_in_a_document_or_across_documents_as_a_word():
    text = "The gemba walk; a gemba visit; the gemba team."
    assert spelled(("en", text)) == []
    assert spelled(*[("en", f"Document {n} uses revote here.") for n in range(3)]) == []
    assert spelled(("en", "Document one uses revote here.")) == ["revote"]


@needs_dictionaries
def test_spelling_leaves_foreign_words_alone():
    text = "We ate bún chả and drank çay, then said teşekkür ederim and mulat sarira."
    assert spelled(("en", text)) == []


@needs_dictionaries
def test_spelling_asks_no_suggestions_and_batches_the_dictionary(monkeypatch):
    """Corrections come from the word lists, not Hunspell's slow suggestions; the
    dictionary is asked in a few batches for the whole corpus, not once per document."""
    calls: list[list[str]] = []
    original = hunspell.Speller._run

    def counted(self, args, words):
        calls.append(args)
        return original(self, args, words)

    monkeypatch.setattr(hunspell.Speller, "_run", counted)
    monkeypatch.setattr(hunspell, "_spellers", {})
    docs = [("en", f"Report {n}: the council zqxv{'bcdfg'[n % 5]}{n} met the mayor.")
            for n in range(30)]
    found = spelled(*docs, ("en", "The goverment met."))
    assert found == ["goverment"]
    assert all("-a" not in args for args in calls) and len(calls) <= 8


@pytest.mark.parametrize("word, zipf_word, correction, edits, zipf_correction, root, ok", [
    ("goverment", 2.66, "government", 1, 5.57, None, True),
    ("sidak", 3.37, "tidak", 1, 6.88, None, False),  # written often: a word of its own
    ("untu", 3.51, "untuk", 1, 7.02, None, True),  # written often, but a letter dropped
    ("merespon", 4.13, "merespons", 1, 3.53, None, False),  # as common as its neighbour
    ("segitu", 3.96, "begitu", 1, 5.5, None, False),  # a word written often: wider gap
    ("zqxv", 0.0, None, 0, 0.0, None, False),  # nothing near it: a name or a loanword
    ("melampui", 0.0, "melampaui", 1, 4.0, "lampu", True),  # a letter dropped in a root
    ("dikebut", 0.0, "disebut", 1, 5.4, "kebut", False),  # another word made by rule
    ("bawahi", 0.0, "bawah", 1, 5.3, "bawah", False),  # its own root
    ("bermasa", 0.0, "berasa", 1, 4.2, "masa", False),  # a letter more: ber- and masa
    ("berantakkan", 0.0, "berantakan", 1, 4.0, "berantak", True),  # a letter doubled
    ("reccomendation", 0.0, "recommendation", 2, 4.2, None, True),
    ("abcdefgh", 0.0, "abcdefgx", 2, 3.2, None, False),  # two edits to a rare word
])
def test_spelling_decision(word, zipf_word, correction, edits, zipf_correction, root, ok):
    from factaudit_checks.spelling import spelling_decision

    why = spelling_decision(word, zipf_word, correction, edits, zipf_correction, root, None)
    assert bool(why) is ok


def test_a_word_made_from_a_known_root_beside_a_variant_made_from_none_is_no_typo():
    from factaudit_checks.spelling import spelling_decision

    # "diimbau" is di- and the root "imbau"; "dihimbau", far more common, comes from no root
    # the rules know: a variant spelling, not the word "diimbau" misspelled
    assert spelling_decision("diimbau", 0.0, "dihimbau", 1, 4.2, "imbau", None,
                             correction_unformed=True) is None
    # "melampui" beside "melampaui", made from the root "lampau": a letter dropped
    assert spelling_decision("melampui", 0.0, "melampaui", 1, 4.0, "lampu", "lampau",
                             correction_unformed=False)


def test_short_forms_are_made_of_the_starts_of_the_words_before_them():
    from factaudit_checks.spelling import short_forms

    text = ("Warga memilih transportasi umum (transum). Layanan pelayanan terpadu satu pintu "
            "(ptsp) dibuka. Gunung itu (ruang) meletus; the goverment (goverment) met.")
    assert short_forms(text) == {"transum", "ptsp"}


ADDRESSES = st.sampled_from(["https://{w}.go.id/{w}", "www.{w}.org", "{w}@{w}.co.id",
                             "@{w}_{w}", "#{W}{W}", "{w}_{w}_2024.jpg", "{w}.{w}.com",
                             "{n}{w}"])


@needs_dictionaries
@settings(max_examples=40, deadline=None)
@given(shape=ADDRESSES, junk=st.text("bcdfghjklmnpqrstvwxz", min_size=5, max_size=9),
       n=st.integers(1, 99))
def test_property_addresses_handles_hashtags_and_file_names_are_never_misspellings(
        shape, junk, n):
    token = shape.format(w=junk, W=junk.capitalize(), n=n)
    assert spelled(("en", f"For details see {token} before the meeting."),
                   ("id", f"Rincian ada di {token} sebelum rapat.")) == []


@needs_dictionaries
@settings(max_examples=30, deadline=None)
@given(root=st.sampled_from(["rumah", "buku", "kerja", "kebijakan", "anggaran", "jembatan",
                             "pelabuhan", "keputusan", "pemerintah", "masyarakat"]),
       clitic=st.sampled_from(["nya", "ku", "mu", "lah", "kah", "pun"]),
       capital=st.booleans())
def test_property_words_with_a_clitic_are_never_misspellings(root, clitic, capital):
    """A clitic (-nya, -ku, -mu, -lah, -kah, -pun) attaches to any word: a known word with
    one is a word, at the start of a sentence or inside it."""
    made = root + clitic
    text = f"{made.capitalize()} dibahas. Menurut laporan, {made} dipakai di sini."
    assert spelled(("id", text)) == []


long_word = st.text(LETTERS, min_size=8, max_size=12).map(str.capitalize)


@settings(max_examples=60, deadline=None)
@given(first=first_word, last=long_word, i=st.integers(0, 20), j=st.integers(0, 20),
       a=st.sampled_from(LETTERS), b=st.sampled_from(LETTERS))
def test_property_two_edits_in_a_long_surname_beside_the_first_name_are_reported(
        first, last, i, j, a, b):
    edited = _edit(_edit(last, "substitution", i, a), "substitution", j, b)
    assume(first.lower() != last.lower())
    assume(edited.lower() not in (last.lower(), first.lower()))
    # one common word for another is no typo by design ("Injected" written "Infected")
    assume(min(best_zipf(last, ("en", "id")), best_zipf(edited, ("en", "id"))) < COMMON_ZIPF)
    claims = {"entities": [{"name": f"{first} {last}"}]}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(hunspell.DISABLE_ENV, "off")  # random letters are in no dictionary
        (f,) = typos(audit(claims, f"Yesterday {first} {edited} said so."))
    assert (f.rule, f.found, f.expected) == ("name-typo", edited, last)


@settings(max_examples=60, deadline=None)
@given(first=st.text(LETTERS, min_size=5, max_size=8).map(str.capitalize), last=long_word,
       k1=EDITS, k2=EDITS, i=st.integers(0, 20), j=st.integers(0, 20),
       a=st.sampled_from(LETTERS), b=st.sampled_from(LETTERS))
def test_property_both_words_of_a_name_misspelled_are_reported(first, last, k1, k2, i, j,
                                                               a, b):
    e1, e2 = _edit(first, k1, i, a), _edit(last, k2, j, b)
    assume(len({first.lower(), last.lower(), e1.lower(), e2.lower()}) == 4)
    assume(e1.lower() + "s" != first.lower() and e2.lower() != last.lower() + "s"
           and e1.lower() != first.lower() + "s")
    # one common word for another is no typo by design ("About" written "Bout")
    assume(min(best_zipf(first, ("en", "id")), best_zipf(e1, ("en", "id"))) < COMMON_ZIPF)
    claims = {"entities": [{"name": f"{first} {last}"}]}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(hunspell.DISABLE_ENV, "off")
        found = typos(audit(claims, f"Yesterday {e1} {e2} said so."))
    assert [(f.found, f.expected) for f in found] == [(e1, first), (e2, last)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghij", min_size=2, max_size=12), st.data())
def test_two_letters_swapped_anywhere_is_a_swap_and_at_most_two_edits(word, data):
    i = data.draw(st.integers(0, len(word) - 2))
    j = data.draw(st.integers(i + 1, len(word) - 1))
    swapped = word[:i] + word[j] + word[i + 1:j] + word[i] + word[j + 1:]
    assert edits.is_swap(swapped, word) == (word[i] != word[j])
    if word[i] != word[j]:
        assert OSA.distance(swapped, word) <= 2
    assert not edits.is_swap(word, word) and not edits.is_swap(word + "x", word)


@needs_dictionaries
@pytest.mark.parametrize("stdbuf", [True, False])
def test_the_running_hunspell_answers_as_one_call_per_batch_does(monkeypatch, stdbuf):
    """One program kept running (when stdbuf can make its output line-buffered) gives the
    same answers as a program call per batch, over several chunks and batches."""
    speller = hunspell.Speller(hunspell.find_dictionaries("en"))
    if speller._bindings:
        pytest.skip("the Python binding answers without the program")
    if not stdbuf:
        real_which = hunspell.shutil.which
        monkeypatch.setattr(hunspell.shutil, "which",
                            lambda name: None if name == "stdbuf" else real_which(name))
    monkeypatch.setattr(hunspell._Pipe, "CHUNK", 7)
    letters = "bcdfghklmnprstvz"
    made = ["".join(letters[(i * 7 + k * 3) % len(letters)] for k in range(6)) for i in range(40)]
    words = sorted({"government", "goverment", "organised", "colour", "teh", *made})
    once = {w for w in speller._run(["-l"], words).split("\n") if w}
    assert speller._misspelled(words[:20]) | speller._misspelled(words[20:]) == once
    assert "goverment" in once and "government" not in once
    assert (speller._pipe is not None) == stdbuf


@needs_dictionaries
def test_a_speller_let_go_stops_its_running_hunspell():
    import gc

    speller = hunspell.Speller(hunspell.find_dictionaries("en"))
    if speller._bindings:
        pytest.skip("the Python binding answers without the program")
    assert speller._misspelled(["helo", "world"]) == {"helo"}
    if speller._pipe is None:
        pytest.skip("no stdbuf: one program call per batch")
    process = speller._pipe.process
    del speller
    gc.collect()
    assert process.wait(timeout=10) is not None
