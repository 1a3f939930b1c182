"""Language packs: the words and number conventions that value readers need per language.

A pack is a YAML file named by its ISO 639-1 code. Month and weekday names come from
dateparser's locale data, so a language without a pack still gets dates; the pack adds
number formats, scale words, period joiners, duration units and ordinal forms. Users add
a language by dropping ``<code>.yaml`` into a ``languages/`` folder beside their claims.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from factaudit.model import InputError, Problem, display_path
from factaudit.reading.yamlsource import load_yaml, parse_packaged

_KEYS = {
    "name", "decimal", "group", "date_order", "scales", "numbers", "period_joiners",
    "period_prefixes", "open_period_prefixes", "duration_units", "ordinal_prefixes",
    "ordinal_suffixes",
    "relative_days", "past_markers", "abbreviations", "clause_words", "period_between",
    "currency_prefixes", "stopwords", "plan_markers", "anniversary_words",
    "era_suffixes", "relative_years", "relative_months", "weekday_prefixes", "time_suffixes",
    "day_parts", "time_prefixes", "relative_pronouns", "inflection", "clitics", "partitive_words",
    "partitive_before_number", "counters", "modifiers_follow",
    "participle_endings", "listing_openers", "currencies", "life_words", "cleft_openers",
    "cleft_joiners", "bare_relative", "ordinal_words", "date_prefixes", "offset_words",
    "commemoration_words", "previous_words", "contrast_openers",
    "subordinators", "change_from", "change_to", "comparison_words", "subset_words",
    "label_words", "rate_words", "link_prefixes", "change_by", "glued_units", "glued_prefixes",
    "relative_closers", "anaphors", "sequence_words", "plans_fulfilled",
    "approximations", "change_to_value", "provisional_words", "respectively_words",
    "derivation_prefixes", "derivation_suffixes", "offset_amounts",
    "running_words", "as_of_words", "rival_prefixes", "apposition_openers",
    "condition_words", "date_labels", "speech_verbs", "negation_words",
    "negation_exceptions", "other_words", "gendered_endings", "month_units",
    "list_joiners", "increment_words", "demonstratives", "event_nouns", "statement_nouns",
    "repeat_words", "age_suffixes",
    "subset_qualifiers", "rank_nouns", "lower_ranks", "subject_pronouns", "remainder_words",
    "change_verbs", "verb_prefixes", "tally_verbs", "caption_markers",
    "approximation_fillers", "total_words", "currency_scales", "noun_links",
    "compass_words", "place_prepositions", "over_words", "history_words", "final_words",
    "prepositions", "time_zones", "rise_verbs", "fall_verbs", "topic_nouns", "honorifics",
    "start_verbs", "end_verbs", "since_words", "until_words", "ongoing_words",
    "day_units", "ago_words", "complementizers", "earlier_words", "first_words",
    "margin_words", "rank_words", "street_words", "commemorated_words", "final_e_dropped",
    "predicate_words", "quantifiers", "contrast_joiners", "name_kinds",
}


@dataclass(frozen=True, eq=False)  # hashed by identity: caches are keyed by the pack
class LanguagePack:
    code: str
    name: str = ""
    decimal: str = "."
    group: str = ","
    date_order: str = "DMY"
    scales: dict[str, float] = field(default_factory=dict)
    # right after an amount with a currency before it, glued or after a space, these
    # abbreviate a scale: "$5m", "US$3.7bn", "Rp 43,32 M", "Rp1,5 T" (never without a
    # currency, where "5 m" is five metres); matched as written (case matters)
    currency_scales: dict[str, float] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    period_joiners: tuple[str, ...] = ("-",)
    period_prefixes: tuple[str, ...] = ()
    open_period_prefixes: tuple[str, ...] = ()
    duration_units: tuple[str, ...] = ()
    ordinal_prefixes: tuple[str, ...] = ()
    ordinal_suffixes: tuple[str, ...] = ()
    relative_days: dict[str, int] = field(default_factory=dict)
    # "two days ago", "dua hari lalu": a number, one of these (days each) and an ago word
    day_units: dict[str, int] = field(default_factory=dict)
    ago_words: tuple[str, ...] = ()
    past_markers: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    clause_words: tuple[str, ...] = ()
    period_between: tuple = ()  # pairs of words around a period: ("between", "and")
    currency_prefixes: tuple[str, ...] = ()  # written before a number with no space: Rp20
    stopwords: tuple[str, ...] = ()  # common words that never make a phrase alone
    plan_markers: tuple[str, ...] = ()  # "aims to", "akan": a plan, not a fact
    anniversary_words: tuple[str, ...] = ()  # "anniversary", "HUT": an ordinal is an age
    era_suffixes: tuple[str, ...] = ()  # "AH", "H": a year of another calendar
    relative_years: dict[str, int] = field(default_factory=dict)  # "last year": -1
    relative_months: dict[str, int] = field(default_factory=dict)  # "last month": -1
    weekday_prefixes: tuple[str, ...] = ()  # "on", "pada": "on Tuesday" is a past day
    time_suffixes: tuple[str, ...] = ()  # "pm", "WIB": a time of day
    day_parts: tuple[str, ...] = ()  # "malam": a weekday's, before its date ("Sabtu malam (8/11)")
    time_prefixes: tuple[str, ...] = ()  # "at", "pukul"
    relative_pronouns: tuple[str, ...] = ()  # "which", "yang": a relative clause
    inflection: str = "lemma"  # "lemma" (simplemma), "affixes", "clitics" or "none"
    clitics: tuple[str, ...] = ()  # taken off a word before matching ("nya")
    # affixes that make a word of a dictionary word without changing its letters ("di" +
    # "perban", "soaking" + "ly"): the spelling rule does not report such a word
    # after a comma and a name, these open an apposition about that name (", an online …")
    apposition_openers: tuple[str, ...] = ()
    # before a cue's word, these name another event ("semi-final" is not the final)
    rival_prefixes: tuple[str, ...] = ()
    # a capitalised cue right after one of these, or before one capitalised, is part of the
    # name of another thing: "Museum Tsunami Aceh", "the Tsunami Museum", "film Tragedi
    # Bintaro"
    name_kinds: tuple[str, ...] = ()
    # a date right after these is the day a figure stood at ("as of", "hingga")
    # right before a cue, these say it has not happened ("not yet", "belum")
    negation_words: tuple[str, ...] = ()
    negation_exceptions: tuple[str, ...] = ()  # "not only": no negation of what follows
    # after a number, these make it count others than the whole ("52 others", "lainnya")
    # after a number of years, a number of these adds twelfths ("1 tahun 6 bulan")
    month_units: tuple[str, ...] = ()
    # pairs of name endings of one name's two genders ("putra", "putri"): not a typo
    gendered_endings: tuple[tuple[str, str], ...] = ()
    other_words: tuple[str, ...] = ()
    # by a count (right before it, or in the three words after it), these make it count
    # those added, not the whole ("3 new suspects", "tambahan 3 tersangka")
    increment_words: tuple[str, ...] = ()
    # words that join the items of a list of counts ("181 passengers and 8 crew")
    list_joiners: tuple[str, ...] = ()
    # after a noun phrase, these refer back ("manuver tersebut"); to the event before only
    # when the phrase holds one of the event nouns or a cue word of the claim carried
    demonstratives: tuple[str, ...] = ()
    event_nouns: tuple[str, ...] = ()
    # the speech words that are nouns ("press conference"): the cue right after one is
    # its topic, and the date after them the day it was held
    statement_nouns: tuple[str, ...] = ()
    # by a cue, these make it another occurrence of its event ("gempa susulan", an
    # aftershock): its date is not the claim's
    repeat_words: tuple[str, ...] = ()
    # right by a cue (after it where modifiers follow their noun, before it elsewhere),
    # these make the count a part of what the cue counts ("pemilih tetap laki-laki",
    # "female voters"), unless joined to another of them ("men and women")
    subset_qualifiers: tuple[str, ...] = ()
    age_suffixes: tuple[str, ...] = ()  # "-year-old": before a capitalised name, its age
    # a rank below the first ("second place", "posisi kedua", "runner-up"): the name
    # holding it is not what a category claim's cue ("won", "juara") speaks of
    rank_nouns: tuple[str, ...] = ()  # place, position, posisi, urutan
    lower_ranks: tuple[str, ...] = ()  # second, kedua, runner-up: ranks ordinal_words lack
    # right before a category claim's cue ("He won …", "Dia menang …"), the cue's subject:
    # a name after the cue is another than the one the cue speaks of
    subject_pronouns: tuple[str, ...] = ()
    # by a count, these make it what is left of it ("with 11 laps remaining", "sisa lima
    # lap"), not the whole
    remainder_words: tuple[str, ...] = ()
    # a line "Label: figure" is one entry of a breakdown unless its label holds the
    # claim's cue or one of these ("Total: 31.232", "Jumlah: 67")
    total_words: tuple[str, ...] = ()
    # a capitalised one of these by a place the claim's statement names makes a part of
    # it ("Jakarta Timur", "East Jakarta"): a count for that part is not the place's
    compass_words: tuple[str, ...] = ()
    # a sentence that opens with one of these and a place ("In East Jakarta, …") counts
    # for that place throughout
    place_prepositions: tuple[str, ...] = ()
    # an amount, then one of these and a period ("Rp 600 ribu selama 4 bulan", "$40 for
    # four months") is a sum over the period: not the rate a claim gives ("per month")
    over_words: tuple[str, ...] = ()
    # in a quantity claim's statement, these make its value the final one of a count that
    # changed while it was reported ("the final death toll", "jumlah akhir"): see running
    final_words: tuple[str, ...] = ()
    # in a date or year claim's statement, these make it the start ("began") or the end
    # ("ended") of a span: a date that closes a span ("until 7 May", "hingga 7 Mei") is
    # not a start's, and one that opens it ("since", "sejak", "1 to 7 May") not an end's
    start_verbs: tuple[str, ...] = ()
    end_verbs: tuple[str, ...] = ()
    since_words: tuple[str, ...] = ()
    until_words: tuple[str, ...] = ()
    # by a date claim's cue, these say its event was still going on at the date ("the
    # fire was still burning on 7 September"): the date is not the day it happened
    ongoing_words: tuple[str, ...] = ()
    # words that open a reported clause ("BNPB reported that as of 17:30 WIB, …"): an
    # as-of moment after one, alone in its clause, dates the figures of the next
    complementizers: tuple[str, ...] = ()
    # before a figure a claim's statement names besides its own: an earlier figure
    earlier_words: tuple[str, ...] = ()
    # "was first sentenced to 36 years": the first of several rulings or states
    first_words: tuple[str, ...] = ()
    # "two goals down", "tertinggal dua gol": a margin, not a count
    margin_words: tuple[str, ...] = ()
    # ranks beside a noun besides ordinal_words ("the first shipment", "tahap kedua"): a
    # claim about the first one does not read the third ("pengiriman ketiga")
    rank_words: dict[str, int] = field(default_factory=dict)
    # a figure right after one of these and a change_to / change_to_value word is what a
    # count rose (or fell) to ("the toll rose to 15", "bertambah menjadi 51"): a corpus
    # that writes one for a claim's figure shows it was a running count (see running)
    rise_verbs: tuple[str, ...] = ()
    # a few words before a cue, not opening the sentence, these make it the topic of other
    # proceedings ("saksi terkait kasus kebakaran …, Selasa (22/9)", "the trial over the
    # fire"): a date in the sentence is theirs, unless it is the cue's own
    topic_nouns: tuple[str, ...] = ()
    # before a name ("Bapak", "Mr"): a capitalised word after one is a name, never the
    # title case of a phrase
    honorifics: tuple[str, ...] = ()
    fall_verbs: tuple[str, ...] = ()
    # between a number and a claim's unit word, these put the unit in a phrase of its own
    # ("SKB 3 Menteri Tentang Hari Libur"): the number counts the noun before them
    prepositions: tuple[str, ...] = ()
    # beside a date, these name a time zone: one day off the claim's date, it may be the
    # same moment ("Jumat (26/4) dini hari WIB" for a match on 25 April in Doha)
    time_zones: tuple[str, ...] = ()
    # after a relative day, these make it a day of another year ("Hari Ini dalam Sejarah",
    # "today in history"): not read as the publication date
    history_words: tuple[str, ...] = ()
    # a noun and one of these right before a number label it ("net income of $3.76
    # billion", "laba sebesar Rp 2 triliun"): in a sentence read for the claim of the one
    # before, such a number is that noun's
    noun_links: tuple[str, ...] = ()
    # a figure before these and a change_to / change_to_value word is the earlier one of a
    # change ("the 27-lap race was shortened to 20 laps", "27 lap dipangkas menjadi 20")
    change_verbs: tuple[str, ...] = ()
    # a word with one of these prefixes that the stemmer derives from a stem is a verb
    # ("dirasakan", "mengguncang"): it ends the noun phrase a number heads
    verb_prefixes: tuple[str, ...] = ()
    # a date right after these, a figure and a few words is the day the count stood at
    # ("the toll reached 384 on Saturday", "mencapai 844 orang pada Senin")
    tally_verbs: tuple[str, ...] = ()
    # in or right after a sentence, these make it a photo caption: its date is the day the
    # picture was taken ("… seen in Palu on Sep 29, 2018. (Photo: AP)")
    caption_markers: tuple[str, ...] = ()
    # between a word of approximation and its number ("setidaknya terdapat 426 orang")
    approximation_fillers: tuple[str, ...] = ()
    # a date after these and the speaker is the day it was said ("said", "kata")
    speech_verbs: tuple[str, ...] = ()
    # a clause opened by these states a condition, not a fact ("if", "jika")
    condition_words: tuple[str, ...] = ()
    # a line opening with these and a date is the page's own date ("Published: …")
    date_labels: tuple[str, ...] = ()
    as_of_words: tuple[str, ...] = ()
    # a count still moving: a figure shortly after these is of that moment ("has risen to")
    running_words: tuple[str, ...] = ()
    # how far an event is from another, before an offset word (", a year before …")
    offset_amounts: tuple[str, ...] = ()
    derivation_prefixes: tuple[str, ...] = ()
    derivation_suffixes: tuple[str, ...] = ()
    partitive_words: tuple[str, ...] = ()  # "three of the": a part, not the whole
    partitive_before_number: tuple[str, ...] = ()  # "dua dari empat": before a number only
    counters: tuple[str, ...] = ()  # between a number and its noun: "13 buah stasiun"
    participle_endings: tuple[str, ...] = ()  # ", weighing 26 kg,": an aside on its head
    listing_openers: tuple[str, ...] = ()  # ", including the rover": a part of the whole
    # currency code → its symbols and words: "$75 million" is in USD, "Rs 615 crore" in INR
    currencies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    life_words: tuple[str, ...] = ()  # "born", "lahir": a date of a life, not of the event
    cleft_openers: tuple[str, ...] = ()  # "it was": "It was in 2011 … that X happened"
    cleft_joiners: tuple[str, ...] = ()  # "that", "when"
    # ordinal words; "first" and "second" are left out where they mean other things too
    ordinal_words: dict[str, int] = field(default_factory=dict)
    date_prefixes: tuple[str, ...] = ()  # "tgl 16/10": a day and month without a year
    offset_words: tuple[str, ...] = ()  # "the day before the final": another event's date
    commemoration_words: tuple[str, ...] = ()  # "the anniversary of the landing"
    commemorated_words: tuple[str, ...] = ()  # "gempa Jogja kembali dikenang", after a cue
    street_words: tuple[str, ...] = ()  # "Jalan Arab 204", "Street 204": a house number
    predicate_words: tuple[str, ...] = ()  # "717 jemaah tewas": what befell the noun
    quantifiers: tuple[str, ...] = ()  # "several", "beberapa": a count without a number
    contrast_joiners: tuple[str, ...] = ()  # "…, while the other two …": a whole split
    previous_words: tuple[str, ...] = ()  # "last won": an earlier occasion
    contrast_openers: tuple[str, ...] = ()  # "In comparison, …": of another subject
    subordinators: tuple[str, ...] = ()  # "After the injection on 1 August, …": an aside
    change_from: tuple[str, ...] = ()  # "from 20 drivers to 2 million": the earlier figure
    change_to: tuple[str, ...] = ()
    comparison_words: tuple[str, ...] = ()  # "Rp100, far below the IPO price": compared
    subset_words: tuple[str, ...] = ()  # "in East Java alone": the sentence counts a part
    label_words: tuple[str, ...] = ()  # "Phase 1", "Gate 3": a number that names
    rate_words: tuple[str, ...] = ()  # "Rp10,000 per 10 km": the number after is a divisor
    change_by: tuple[str, ...] = ()  # "went up by Rp1,000": the size of a change
    link_prefixes: tuple[str, ...] = ()  # "Read also: …": a link to another article
    bare_relative: tuple[str, ...] = ()  # open a relative clause without a comma ("yang")
    glued_units: tuple[str, ...] = ()  # written against a number: "14.5km", "26kg"
    glued_prefixes: tuple[str, ...] = ()  # written before a decimal: "M4.1" is magnitude 4.1
    relative_closers: tuple[str, ...] = ()  # end a relative clause without commas: "itu"
    anaphors: tuple[str, ...] = ()  # "it", "tersebut": a sentence that refers to the last
    sequence_words: tuple[str, ...] = ()  # "the next day": a sentence that moves in time
    plans_fulfilled: tuple[str, ...] = ()  # "as planned": a plan marker that states a fact
    # words that make a number approximate: more, less, about, nearly → their words
    approximations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    change_to_value: tuple[str, ...] = ()  # "from $6 billion to $8 billion": before a number
    provisional_words: tuple[str, ...] = ()  # "quick count", "survei", "so far": not final
    respectively_words: tuple[str, ...] = ()  # "respectively": names and values in order
    modifiers_follow: bool = False  # adjectives follow the noun: "stasiun layang"
    # a base's final e falls before a suffix that opens with a vowel ("shuttle" + "er")
    final_e_dropped: bool = False
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)


F = TypeVar("F", bound=Callable[..., object])
_extra_dirs: list[Path] = []
_CODE = re.compile(r"[a-z]{2,3}")
# what each key of a pack holds: "text", "words" (a list of words), "pairs" (a list of
# two-word lists), or a mapping of words to "number"/"integer"
_SHAPES = {
    "name": "text", "decimal": "text", "group": "text", "date_order": "text",
    "inflection": "inflection", "modifiers_follow": "flag", "final_e_dropped": "flag",
    "currencies": "groups", "approximations": "groups",
    "scales": "number", "currency_scales": "number",
    "numbers": "integer", "relative_days": "integer", "day_units": "integer",
    "relative_years": "integer", "relative_months": "integer", "ordinal_words": "integer",
    "rank_words": "integer",
    "period_between": "pairs", "gendered_endings": "pairs",
}


_dependents: list[Callable[[], None]] = []
_state: list[object] = [None]  # what the packs in use were read from (folders, sizes, times)


def by_language(function: F) -> F:
    """Mark a cache whose entries are computed from a language pack: it is emptied when the
    packs change (another project, an edited pack), so nothing stale is ever used."""
    _dependents.append(function.cache_clear)  # type: ignore[attr-defined]
    return function


def add_search_dir(path: Path) -> None:
    """Use the packs in ``path`` (``claims/languages`` of the project being audited) over the
    built-in ones, and no other folder's: a process audits one project at a time. When the
    packs differ from the last ones used (another folder, an edited file), every cache
    built from them is emptied."""
    _extra_dirs[:] = [path] if path.is_dir() else []
    state: list[object] = [str(path)]
    for file in pack_files():
        try:
            st = file.stat()
            state.append((file.name, st.st_size, st.st_mtime_ns))
        except OSError:
            state.append((file.name, None))
    if state != _state[0]:
        _state[0] = state
        get_pack.cache_clear()
        for clear in _dependents:
            clear()


def pack_files() -> list[Path]:
    """The user's pack files, in search order: part of what a cached result depends on."""
    return [p for folder in _extra_dirs for p in sorted(folder.glob("*.yaml"))]


@cache
def get_pack(code: str) -> LanguagePack:
    """The pack for ``code``; falls back to month/weekday names only when no pack exists.

    ``code`` is a language code, never a path: documents name their language, and only
    ``[a-z]{2,3}`` is looked up. A user's pack is read with the same bounded, positioned
    YAML loader as claims, so a malformed pack is an input error at its line."""
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise InputError(Problem("language", f"{str(code)[:40]!r} is not a language code",
                                 hint="use an ISO 639-1 code such as \"en\" or \"id\""))
    data: dict = {}
    source = "built-in"
    located = None
    for folder in _extra_dirs:
        candidate = folder / f"{code}.yaml"
        if candidate.is_file():
            located = load_yaml(candidate)
            data = located.data or {}
            source = display_path(candidate)
            break
    else:
        res = resources.files(__package__).joinpath(f"{code}.yaml")
        if res.is_file():
            data = parse_packaged(res.read_text(encoding="utf-8")) or {}
    _check_pack(code, data, source, located)
    months, weekdays = _calendar_names(code)
    fields: dict[str, Any] = {k: tuple(tuple(x) if isinstance(x, list) else x for x in v)
                              for k, v in data.items() if isinstance(v, list)}
    fields.update((k, v) for k, v in data.items() if not isinstance(v, list))
    return LanguagePack(code=code, months=months, weekdays=weekdays, **fields)


_KEYS_DOC = "docs/corpus.md, \"Language packs\""


def _check_pack(code: str, data: object, source: str, located) -> None:
    """Every problem of a pack at once, each at its line."""
    def at(key: tuple) -> tuple[int | None, int | None]:
        where = located.locate(key) if located is not None else None
        return where if where else (None, None)

    if not isinstance(data, dict):
        raise InputError(Problem(source, f"language pack {code!r} must be a mapping of keys",
                                 *at(()), hint=f"the keys are listed in {_KEYS_DOC}"))
    problems = []
    for key, value in data.items():
        if key not in _KEYS:
            close = difflib.get_close_matches(str(key)[:100], sorted(_KEYS), n=3)
            problems.append(Problem(
                source, f"unknown key {str(key)[:100]!r} in language pack {code!r}",
                *at((key,)), hint=(f"did you mean {', '.join(close)}? " if close else "")
                + f"the keys are listed in {_KEYS_DOC}"))
            continue
        why = _shape_problem(_SHAPES.get(key, "words"), value)
        if why:
            problems.append(Problem(source, f"language pack {code!r}: {key} {why}",
                                    *at((key,)), hint='quote words that YAML reads as other '
                                    'values: "no", "on", "yes", "off", numbers'))
    if problems:
        raise InputError(problems)


def _word(x: object) -> bool:
    """A word or a short symbol ("-", "$"): text, not blank, no control characters."""
    return (isinstance(x, str) and bool(x.strip()) and len(x) <= 100
            and all(ch.isprintable() or ch == " " for ch in x))


def _shape_problem(shape: str, value: object) -> str | None:
    """Why ``value`` does not have ``shape`` (None if it does)."""
    if shape == "groups":
        if not isinstance(value, dict):
            return f"must be a mapping of names to lists of words, not {type(value).__name__}"
        for k, v in value.items():
            if not _word(k) or not isinstance(v, list) or not all(_word(x) for x in v):
                return f"entry {str(k)[:40]!r} must be a list of words"
        return None
    if shape == "flag":
        return None if isinstance(value, bool) else "must be true or false"
    if shape == "inflection":
        return None if value in ("lemma", "affixes", "clitics", "none") else \
            'must be "lemma", "affixes", "clitics" or "none"'
    if shape == "text":
        return None if isinstance(value, str) and len(value) <= 100 else \
            f"must be a short text, not {type(value).__name__}"
    if shape in ("number", "integer"):
        if not isinstance(value, dict):
            return f"must be a mapping of words to numbers, not {type(value).__name__}"
        for k, v in value.items():
            wanted = int if shape == "integer" else int | float
            if not _word(k) or isinstance(v, bool) or not isinstance(v, wanted) \
                    or not -1e15 <= v <= 1e15:
                return f"maps {str(k)[:40]!r} to {str(v)[:40]!r}, not a word to a number"
        return None
    if not isinstance(value, list):
        return f"must be a list, not {type(value).__name__}"
    for x in value:
        if shape == "pairs":
            if not (isinstance(x, list) and len(x) == 2 and all(map(_word, x))):
                return f"holds {str(x)[:40]!r}, not a pair of words"
        elif not _word(x):
            return f"holds {str(x)[:40]!r}, not a word"
    return None


_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
_DAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _calendar_names(code: str) -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday names from dateparser's locale data (hundreds of languages)."""
    from dateparser.languages.loader import default_loader

    try:
        info = default_loader.get_locale(code).info
    except (ValueError, KeyError):
        return {}, {}
    months = {}
    for number, key in enumerate(_MONTH_KEYS, start=1):
        for name in info.get(key, []):
            name = name.lower().rstrip(".")
            # very short or archaic-case forms ("Djan") cause more false dates than they find
            if len(name) >= 3 and name.isalpha() and not name[0].isupper():
                months[name] = number
    weekdays = {}
    for number, key in enumerate(_DAY_KEYS):
        for name in info.get(key, []):
            name = name.lower().rstrip(".")
            if len(name) >= 3 and re.fullmatch(r"[\w']+", name):
                weekdays[name] = number
    return months, weekdays
