"""Copies and translations: decided by shared text (one language) and by numbers and names
written in the same order (two languages), never by a handful of shared facts; the
evidence is in every pair's ``how``."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from factaudit.matching.copies import anchor_number, anchor_order, find_pairs, shape, text_overlap
from factaudit.model import DocumentInfo
from factaudit.rules.registry import discover_rules
from tests.helpers import run_audit
from tests.test_attribution import claim, claims, document

RULES = {r.id: r for r in discover_rules()}

MISSION = claims(
    claim("launch", "date", {"en": ["launched"], "id": ["diluncurkan"]}),
    claim("orbit", "date", {"en": ["lunar orbit"], "id": ["orbit bulan"]}, "2023-08-05"),
    claim("landing", "date", {"en": ["lander"], "id": ["pendarat"]}, "2023-08-23"),
    claim("cost", "quantity", {"en": ["cost"], "id": ["biaya"]}, 75_000_000))

FILLER = ("Engineers at the control centre followed every step on large screens, and the "
          "team leader thanked the families of the staff for their patience during the long "
          "nights of work. Schools across the country held small ceremonies, and children "
          "drew pictures of the spacecraft for a national competition run by the agency. ")
WIRE = ("The spacecraft was launched on 14 July 2023 from Sriharikota. " + FILLER
        + "It entered lunar orbit on 5 August 2023 after a series of burns. " + FILLER
        + "Its lander touched down on 23 August 2023 near the south pole, at 18:03 local "
          "time, with 4 engines and 14 days of power. The mission cost 75 million dollars, "
          "about 615 crore rupees, and 1,752 kilograms of fuel. " + FILLER)
OTHER = ("Crowds gathered in Bengaluru on 23 August 2023 to watch the lander settle near the "
         "south pole. The craft had been launched on 14 July 2023 and reached lunar orbit on "
         "5 August 2023. Its whole cost was 75 million dollars. Officials said the data "
         "would be shared with scientists abroad, and a new mission was already planned. "
         "Reporters asked about the rover, which will drive for one lunar day. "
         "Most of the budget went to testing, the director said, not to the launch itself.")
TRANSLATION = ("Wahana itu diluncurkan pada 14 Juli 2023 dari Sriharikota. Para insinyur "
               "mengikuti setiap langkah di layar besar. Wahana masuk orbit bulan pada 5 "
               "Agustus 2023 setelah serangkaian pembakaran. Pendaratnya mendarat pada 23 "
               "Agustus 2023 di dekat kutub selatan, pukul 18:03 waktu setempat, dengan 4 "
               "mesin dan 14 hari daya. Biaya misi itu 75 juta dolar, sekitar 615 crore rupee, "
               "dan 1.752 kilogram bahan bakar. Sekolah-sekolah mengadakan upacara kecil.")


def pairs(*texts: tuple[str, str, str]):
    docs = [document(text, language, doc_id=doc_id) for doc_id, language, text in texts]
    result = run_audit(MISSION, docs, rules=[RULES["translation-pairs"]])
    return {(p.a, p.b): p.how for p in result.source_pairs}, result


def changed(text: str, n: int) -> str:
    """The text with ``n`` of its facts changed (a copy that a sub-editor altered)."""
    for old, new in [("14 July", "15 July"), ("5 August", "6 August"), ("23 August", "24 August"),
                     ("18:03", "18:04"), ("75 million", "76 million"), ("615", "620"),
                     ("1,752", "1,800"), ("4 engines", "5 engines")][:n]:
        text = text.replace(old, new, 1)
    return text


def test_a_literal_copy_with_seven_changed_facts_is_a_copy_and_its_changes_are_reported():
    found, result = pairs(("a", "en", WIRE), ("b", "en", changed(WIRE, 7)))
    assert list(found) == [("a", "b")]
    assert "of the text shared" in found[("a", "b")]
    changed_facts = {f.found for f in result.findings if f.rule == "translation-pairs"}
    assert {"date 2023-07-14", "date 2023-07-15", "date 2023-08-24"} <= changed_facts


def test_two_reports_of_one_event_are_not_copies_however_many_facts_they_share():
    found, _ = pairs(("a", "en", WIRE), ("b", "en", OTHER))
    assert found == {}


def test_a_translation_is_found_by_its_numbers_in_order_and_says_how_many():
    found, _ = pairs(("a", "en", WIRE.replace(FILLER, "")), ("b", "id", TRANSLATION))
    how = found[("a", "b")]
    assert "numbers, dates and names in the same order" in how


def test_a_fact_read_on_one_side_only_but_written_on_both_has_not_changed():
    # the Indonesian text writes 75 juta without the cue, and adds a figure of its own
    translation = TRANSLATION.replace("Biaya misi itu 75 juta dolar, sekitar",
                                      "Misi itu bernilai 75 juta dolar. Biaya peluncurannya "
                                      "20 juta dolar, sekitar")
    found, result = pairs(("a", "en", WIRE.replace(FILLER, "")), ("b", "id", translation))
    assert list(found) == [("a", "b")]
    assert [(f.document, f.found) for f in result.findings
            if f.rule == "translation-pairs"] == [("b", "quantity 20000000")]


def test_a_report_in_another_language_with_the_same_numbers_in_another_order_is_not_one():
    shuffled = ("Biaya misi 75 juta dolar. Pendarat mendarat 23 Agustus 2023, pukul 18:03. "
                "Wahana diluncurkan 14 Juli 2023 dan masuk orbit bulan 5 Agustus 2023. Ada 4 "
                "mesin, 1.752 kilogram bahan bakar, 14 hari daya, 615 crore rupee.")
    found, _ = pairs(("a", "en", WIRE.replace(FILLER, "")), ("b", "id", shuffled))
    assert found == {}


def test_anchors_read_numbers_alike_in_both_languages():
    assert anchor_number("1,752") == anchor_number("1.752") == "1752"
    assert anchor_number("06") == "6"
    en = shape("On 6 July, 1,752 kg and 15.7 km.", "en")
    id_ = shape("Pada 6 Juli, 1.752 kg dan 15,7 km.", "id")
    assert en.anchors == id_.anchors == ("6", "1752", "157")
    assert anchor_order(en, id_) == (3, 3)


def test_without_shapes_pairs_still_need_most_facts_shared():
    infos = [DocumentInfo(id="a", path="a.txt", language="en"),
             DocumentInfo(id="b", path="b.txt", language="en")]
    facts = {f"year:{y}" for y in range(2000, 2006)}
    assert [p.a for p in find_pairs(infos, {"a": facts, "b": facts})] == ["a"]
    assert find_pairs(infos, {"a": facts, "b": {"year:1999", "year:2000"}}) == []


WORDS = ["river", "bank", "flood", "village", "market", "rice", "farmer", "boat", "bridge",
         "road", "school", "teacher", "harbour", "storm", "season", "harvest", "price",
         "council", "mayor", "budget", "clinic", "nurse"]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.0, 1.0))
def test_property_text_overlap_estimates_the_share_of_passages(seed, share):
    """The MinHash estimate stays near the true Jaccard of the five-word passages."""
    rng = random.Random(seed)
    base = [rng.choice(WORDS) + str(rng.randrange(1000)) for _ in range(400)]
    other = [w if rng.random() < share else rng.choice(WORDS) + "x" + str(rng.randrange(1000))
             for w in base]

    def passages(words: list[str]) -> set[str]:
        return {" ".join(words[i:i + 5]) for i in range(len(words) - 4)}

    a, b = passages(base), passages(other)
    truth = len(a & b) / len(a | b)
    estimate = text_overlap(shape(" ".join(base), "en"), shape(" ".join(other), "en"))
    assert abs(estimate - truth) < 0.25


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["pad", "lintas", "1,800", "orbit", "x", "\n\n", "  ", "é"]),
                max_size=300),
       st.integers(min_value=1, max_value=40))
def test_property_a_shape_read_in_windows_is_the_shape_of_the_whole_text(words, window):
    text = " ".join(words)
    assert shape(text, "en", window=window) == shape(text, "en", window=len(text) + 1)


def test_paragraphs_are_blocks_between_blank_lines():
    assert shape("\n\n one\n two \n\n\n three \n\n", "en").paragraphs == 2
    assert shape("   \n\n ", "en").paragraphs == 0


def test_the_sketch_module_and_the_comparisons_agree_on_the_number_of_bins():
    from factaudit.matching import copies, minhash

    assert copies.HASHES == minhash.HASHES
    sketch, words = minhash.sketch("one two three four five six seven eight", 3)
    assert words == 8 and len(sketch) == copies.HASHES * copies.WIDTH


def test_an_update_only_one_copy_carries_is_no_changed_fact():
    # each copy adds a sentence of its own with a count: neither count stands in place of
    # the other, so nothing of the copy changed
    a = WIRE + "Auditors later put the final cost at 80 million dollars, with the rover."
    b = WIRE + "A year on, the director said its running cost had reached 90 million dollars."
    found, result = pairs(("a", "en", a), ("b", "en", b))
    assert list(found) == [("a", "b")]
    assert [f.found for f in result.findings if f.rule == "translation-pairs"] == []
    # … while a count changed inside a shared sentence still is
    found, result = pairs(("a", "en", a), ("b", "en", a.replace("5 August", "6 August")))
    assert {f.found for f in result.findings if f.rule == "translation-pairs"} == {
        "date 2023-08-05", "date 2023-08-06"}
