"""From the scan's cue hits to Mentions: typed values in the sentences that hold a cue,
each attributed to the claim whose cue is nearest — when it is that claim's value at all.

For each sentence that holds a cue (a "Read also: …" line holds none):

1. Values are read once (``reading.values.read_values``). Values in the document's
   dateline are its place and date of filing, never a claim's value.
2. A claim whose ``about`` words are not all in the sentence (for a cue in a relative
   clause: in that clause and the phrase it hangs on), or one of whose ``not_about``
   words is, does not read it.
3. Each value is offered to the claims of its type. A ``year`` claim also reads the year
   of a full or month date and of "since 1996"; a ``duration`` claim also reads an
   ordinal anniversary ("the 15th anniversary", "HUT ke-15"). A claim refuses a value
   that is part of its cue; a date of a life ("born on …"); an amount in another
   currency than its ``unit``, or in none; a quantity not followed by one of its
   ``unit_words``, or one that counts a part ("two of its four engines", "38 of them",
   "in East Java alone"), another noun or a kind of its own ("eight small thrusters",
   "seven elevated stations"), the noun of another claim, the earlier figure of a
   change ("from 20 drivers into 2 million"), the size of a change ("up by Rp1,000"),
   the divisor of a rate ("per 10 km") or an earlier state ("previously"). A claim on
   the start of a span ("began") refuses a date that closes one ("until 7 May", "1 to 7
   May"), and one on its end a date that opens one ("since", "sejak").
4. A cue and a value must stand in the same clause of the sentence's structure: a value
   in a parenthesis, a relative, participle, listing or fronted subordinate clause, or a
   dashed aside belongs to a cue in that aside (or in the phrase a relative clause hangs
   on) only; the focus of "It was … that" belongs after "that". A date beside a cue of
   another occasion ("last won"), a commemoration ("the anniversary of the landing") or
   an event reckoned from the cue's ("the day before the final") is not the cue's; nor
   is a value compared with it ("18% above the IPO price"). With ``window``, the value
   must be at most that many words away.
5. Each value goes to the nearest cue that may take it, where "nearest" counts characters
   and adds a penalty for every clause boundary in between (two claims may share a cue);
   a cue that qualifies another claim's cue in one compound ("status darurat bencana
   gempa") takes none, and claims that share a cue take the values nearest their own
   ``about`` words. A cue then keeps the nearest of its values, a value written out
   before one computed from the publication date.
6. A plan or hedge marker ("will", "aims to", "akan") in the clauses that join the cue
   and the value, or later in the value's clause, makes the mention a plan ("as planned"
   does not): rules report it at most as info.
7. A claim named in a sentence without a value of its type is read in the next sentence
   of the paragraph when that one refers back ("it", "manuver tersebut") and does not
   move in time ("the next day"): such mentions are uncertain.

When asked (``trace``: item ids), every step is recorded as a ``TraceStep``: each cue
found, each value read in its sentence and what became of it, and why. ``factaudit
explain`` renders these records; it never re-computes an attribution of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import pairwise, takewhile

from factaudit.inputs.claims import Claim, ClaimSet
from factaudit.matching.clauses import (
    CLOSING_WORDS,
    Sentence,
    Word,
    analyse,
    as_of_moment,
    as_of_word,
    breakdown_entry,
    caption,
    claim_ranks,
    closing_date_verb,
    compared,
    count_lists,
    currency_tail,
    date_bound,
    dated_source,
    earlier_figure,
    event_day,
    is_rate,
    life_marker,
    lower_ranks,
    names_event_day,
    negation_before,
    noun_label,
    offset_pattern,
    pack_pattern,
    partitive,
    partitive_determiners,
    places_of,
    planned,
    provisional,
    ranked_nouns,
    remainder,
    respectively,
    said_after,
    said_on,
    small_words,
    span_bound,
    states_final,
    stopword_set,
    sub_area,
    subject_pronoun,
    subset_marker,
    subset_qualifier,
    tallied_on,
    total_not_rate,
    verb_like,
    word_before,
    word_gap,
    words_after,
)
from factaudit.matching.passages import document_sentences
from factaudit.model import (
    Document,
    DocumentInfo,
    Hit,
    HitKind,
    Mention,
    Modality,
    PartialDate,
    TraceStep,
    ValueKind,
)
from factaudit.reading.dateline import date_label
from factaudit.reading.inflection import DERIVED, WORD, find_phrase, phrase_keys, tokens
from factaudit.reading.inflection import key as word_key
from factaudit.reading.languages import LanguagePack, by_language, get_pack
from factaudit.reading.text import fold, fold_phrase
from factaudit.reading.values import MULTIPLIER_WORDS, Value, read_categories, read_values
from factaudit.reading.values.base import alt, format_number
from factaudit.reading.values.date import weekdays_named
from factaudit.reading.values.quantity import currency_named, currency_of

CLAUSE_PENALTY = 40
KEYWORD_INSIDE = 12  # the distance of a value inside a keyword passage (about two words)
# "Of the 65 people on board, …", "Dari total 76 penumpang, …": an opening whole, its noun
_OPENING_WHOLE = re.compile(r"\W*(?P<noun>[^\W\d_]+(?:\s+[^\W\d_]+)?\s+[\d.,]+\s+[^,;]{1,60}),\s")
_LAST_DIGIT = re.compile(r".*\d")  # a value up to its last digit ("40-year": "40")
OFFSET_REACH = 20  # words from an offset word ("after") to the cue of the clause it opens
_DATED = frozenset({ValueKind.DATE, ValueKind.YEAR, ValueKind.PERIOD})  # values of events
TOPIC_CLAUSE_WORDS = 8  # words from the cue to a date in a relative clause of the cue
# a capitalised name (up to five words) right before or after an ordinal
_NAME_END = re.compile(r"(?:[A-Z][\w&'-]*\s+){0,4}[A-Z][\w&'-]*\s+$")
_NAME_START = re.compile(r"\s+(?:[A-Z][\w&'-]*\s+){0,4}[A-Z][\w&'-]*")
UNIT_REACH = 7  # words that may stand between a number and its unit ("12 eight-car trains")
_GLOSS_AFTER = re.compile(r"\s*\([^()]{1,12}\)")  # "(km)", "(43 mi)" after a unit
PLACE_CHARS = 80  # of a place named between a cue and its date ("di Palu, Sulawesi Tengah")
NOUN_PHRASE_WORDS = 4  # how many words after a number may name what it counts
DEMONSTRATIVE_REACH = 4  # words of the noun phrase before "tersebut" looked at
RANKED_WITHIN = 3  # words from an ordinal to the cue whose noun it ranks ("8th Indonesian
# president"); a noun of its own right after it, with the cue farther, is ranked instead
PREDICATE_AFTER_PARTITIVE = 6  # words from a partitive's whole to a cue said of the part
CUE_WALK = 8  # cues of a claim tried on each side of a value before giving up on that side
# an entry of a list of references ("2. ^ \"Title\". Publisher. Retrieved 20 August 2018."):
# a title and the day it was read, no statement
_REFERENCE = re.compile(r"\W{0,3}(?:\d{1,3}[.)]?\s*)?[\^↑]")
PREDICATE_REACH = 3  # words from "others" to the claim's cue that says what befell them
TITLE_WORDS = 3  # words in capitals after the first that make a headline
PARTITIVE_GAP = 16  # characters between the part and the whole: " of its "


@dataclass
class Attribution:
    """What attribution found in one document, and (for traced items) why."""

    mentions: list[Mention] = field(default_factory=list)
    trace: list[TraceStep] = field(default_factory=list)
    _by_sentence: dict[int, set[str]] = field(default_factory=dict, repr=False)
    _indexed: int = field(default=0, repr=False)
    # the years the document writes outside its cues (computed when a claim asks: ``when``)
    cue_spans: list[tuple[int, int]] = field(default_factory=list, repr=False)
    years: list[tuple[int, int]] | None = field(default=None, repr=False)
    label: tuple[int, int] | None = field(default=None, repr=False)  # a date label's span

    def claims_in(self, sentence_start: int) -> set[str]:
        """Claims with a mention in the sentence starting there (mentions are indexed as
        they come: linear in the document, however many sentences ask)."""
        for m in self.mentions[self._indexed:]:
            self._by_sentence.setdefault(m.sentence_start, set()).add(m.claim)
        self._indexed = len(self.mentions)
        return self._by_sentence.get(sentence_start, set())


def in_scope(claim: Claim, doc: DocumentInfo) -> str | None:
    """Why ``claim`` does not apply to ``doc`` (None when it does)."""
    if not claim.holds_at(doc.published_date):
        return f"published {doc.published}, outside valid: {claim.valid}"
    scope = claim.scope
    if scope is None:
        return None
    if scope.sources is not None and doc.id not in scope.sources:
        return "not one of the claim's sources (scope)"
    if scope.languages is not None and doc.language not in scope.languages:
        return f"in {doc.language}, not in the claim's languages (scope)"
    return None


def attribute(doc: Document, claims: ClaimSet, hits: list[Hit],
              trace: Collection[str] = ()) -> Attribution:
    """Mentions of claims in one document, from the scan hits of that document."""
    out = Attribution()
    cue_hits = []
    seen: set[tuple[str, int, int]] = set()
    for h in sorted(hits, key=lambda h: h.language != doc.language):
        if h.kind != HitKind.CUE or (h.item, h.start, h.end) in seen:
            continue  # a cue written alike in two languages is one cue
        seen.add((h.item, h.start, h.end))
        why = in_scope(claims.claim(h.item), doc)
        if why is None:
            cue_hits.append(h)
        elif h.item in trace:
            out.trace.append(TraceStep(doc.id, h.item, (h.start, h.end), "out-of-scope", why,
                                       cue=(h.start, h.end), cue_text=h.text))
    if not cue_hits:
        return out
    cue_hits = _outermost(cue_hits, trace, out, doc.text)
    out.cue_spans = sorted((h.start, h.end) for h in cue_hits)
    spans = document_sentences(doc)
    starts = [s for s, _ in spans]
    by_sentence: dict[int, list[Hit]] = defaultdict(list)
    for h in cue_hits:
        k = bisect_right(starts, h.start) - 1
        if k >= 0 and h.end <= spans[k][1]:
            by_sentence[k].append(h)
    links = pack_pattern(doc.language, "link_prefixes", r"\W*(?:{w})\b")
    for k, sentence_hits in sorted(by_sentence.items()):
        if (links is not None and links.match(doc.text, *spans[k])) or \
                _REFERENCE.match(doc.text, *spans[k]):
            for item in {h.item for h in sentence_hits} & set(trace):
                out.trace.append(TraceStep(doc.id, item, spans[k], "link",
                                           "a link to another article (\"Read also: …\") or a "
                                           "reference (\"2. ^ …\")"))
            continue
        work = _SentenceWork(doc, claims, spans[k], trace, out)
        work.run(sentence_hits)
        if k + 1 < len(spans):
            named = {h.item for h in by_sentence.get(k + 1, [])}
            _carry_over(doc, claims, work, [h for h in [*work.passed, *work.unabout]
                                            if h.item not in named],
                        spans[k + 1], trace, out, {h.item for h in work.unabout})
    out.mentions.sort(key=lambda m: (m.value_start, m.claim))
    return out


def _outermost(hits: list[Hit], trace: Collection[str], out: Attribution, text: str
               ) -> list[Hit]:
    """A claim's cues without those inside a longer cue of the same claim: "missing" in
    "went missing" is one cue, not two that could each keep a value; two cues of a claim
    that overlap are one ("resmi dibuka" and "dibuka lagi" in "resmi dibuka lagi")."""
    kept: list[Hit] = []
    last: dict[str, int] = {}  # claim → the index in ``kept`` of its cue that ends last
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        k = last.get(h.item, -1)
        before = kept[k] if k >= 0 else None
        if before is not None and h.end <= before.end:
            if h.item in trace:
                out.trace.append(TraceStep(h.document, h.item, (h.start, h.end), "other-cue",
                                           f"{h.text!r} is part of a longer cue",
                                           cue=(h.start, h.end), cue_text=h.text))
            continue
        if before is not None and h.start < before.end and not any(
                c.isdigit() for c in text[before.start:h.end]):  # (a keyword passage may
            # hold a value: "negara ke-3 yang berhasil mendarat" is no cue of one piece)
            kept[k] = replace(before, end=h.end, text=text[before.start:h.end])
            continue
        last[h.item] = len(kept)
        kept.append(h)
    return kept


def _carry_over(doc: Document, claims: ClaimSet, work: _SentenceWork, hits: list[Hit],
                span: tuple[int, int], trace: Collection[str], out: Attribution,
                need_about: Collection[str] = frozenset()) -> None:
    """"The lunar orbit insertion was the riskiest step. ISRO carried it out on 6
    August": a claim named in one sentence without a value of its kind is read in the
    next one when that names no claim, refers back ("it", "manuver tersebut") and does not
    move in time ("the next day"); a claim named in both is read in each. Such mentions
    are uncertain: reported as warnings."""
    if span[0] - work.span[1] > 3 or "\n\n" in doc.text[work.span[1]:span[0]]:
        return  # not in the same paragraph
    found = out.claims_in(work.span[0])
    kinds = {v.kind for v in work.values}
    carried = [h for h in hits if h.item not in found and not _is_keywords(h)
               and claims.claim(h.item).type not in kinds
               and claims.claim(h.item).type != "category"]
    if not carried:
        return
    lang = doc.language
    anaphor = pack_pattern(lang, "anaphors")
    moves = pack_pattern(lang, "sequence_words")
    if (anaphor is None or not anaphor.search(doc.text, *span)) and \
            not _event_demonstrative(doc, claims, carried, span):
        return
    if moves is not None and moves.search(doc.text, *span):
        return
    seen: set[str] = set()
    pseudo = []
    for h in carried:
        if h.item not in seen:
            seen.add(h.item)
            pseudo.append(Hit(HitKind.CUE, h.item, span[0], span[0],
                              f"{h.text} (previous sentence)", h.language, h.document))
    carried_work = _SentenceWork(doc, claims, span, trace, out, carried=True)
    carried_work.need_about = set(need_about)
    carried_work.run(pseudo)


def _event_demonstrative(doc: Document, claims: ClaimSet, carried: list[Hit],
                         span: tuple[int, int]) -> bool:
    """"Manuver tersebut dilakukan pada …": a demonstrative after a noun phrase refers
    back to the event when the phrase holds an event noun (the pack's ``event_nouns``) or a
    word of the carried claim's cues — not when it names a thing or a person ("Pesawat
    tersebut", "Pria berusia 17 tahun tersebut"), whose other dates are not the event's."""
    pack = get_pack(doc.language)
    pattern = pack_pattern(doc.language, "demonstratives")
    if pattern is None:
        return False
    events = {word_key(w, doc.language) for w in pack.event_nouns}
    for h in carried:
        for phrase in claims.claim(h.item).cues.get(doc.language, ()):
            events.update(phrase_keys(phrase, doc.language))
    for m in pattern.finditer(doc.text, *span):
        before = doc.text[max(span[0], m.start() - 80):m.start()]
        before = re.split(r"[,;:()\"“”]", before)[-1]
        words = WORD.findall(before)[-DEMONSTRATIVE_REACH:]
        if any(word_key(w, doc.language) in events for w in words):
            return True
    return False


@dataclass
class _Candidate:
    """A value as one claim type reads it (a year from a date, an age from an ordinal)."""

    value: Value
    as_of: int | None = None  # the year an anniversary is counted to, when written


_YEAR_IN_TEXT = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")


def _document_years(doc: Document, cues: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The years a document writes in four digits after its dateline, outside its cues
    ("Thomas Cup 2020 final" dates nothing), each once: what it is dated to when a
    sentence is not."""
    start = doc.dateline[1] if doc.dateline else 0
    years = sorted({int(m.group(0)) for m in _YEAR_IN_TEXT.finditer(doc.text, start)
                    if not _inside_any(cues, m.start())})
    return [(y, y) for y in years]


def _inside_any(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` is inside one of ``spans`` (sorted, as cues are: they may
    overlap, but none is longer than a few hundred characters)."""
    k = bisect_right(spans, (position, 1 << 62))
    return any(a <= position < b for a, b in spans[max(0, k - 8):k])


_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


def written_years(v: Value) -> tuple[int, int] | None:
    """The years a value dates its sentence to, when it writes a year in four digits (a
    date whose year comes from the publication date dates nothing)."""
    if v.relative or v.kind not in ("year", "date", "period") or not _FOUR_DIGITS.search(v.raw):
        return None
    first, _, last = v.canonical.partition("..")
    if not first[:4].isdigit():
        return None
    if v.kind != "period" or not last[:4].isdigit():
        return int(first[:4]), int(first[:4])  # "since 2002" dates to 2002
    return int(first[:4]), int(last[:4])


# a name (a capitalised word) and a comma or an opening bracket before a number of at most
# three digits, and a comma or the closing bracket after it: "Budi Santoso, 25, told",
# "Budi (25)"
_AGE_BEFORE = re.compile(r"[A-Z][\w.'’-]*(?:,[ \t]*|[ \t]*\()$")
_AGE_AFTER = re.compile(r"[ \t]*[,)]")


def _age_after_name(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is a person's age, written after a name
    between commas or in brackets, as news copy gives it."""
    raw = text[start:end]
    if not raw.isdigit() or len(raw) > 3 or int(raw) > AGE_MAX:
        return False
    before = _AGE_BEFORE.search(text, max(0, start - 40), start)
    after = _AGE_AFTER.match(text, end)
    return before is not None and after is not None and (
        (before.group(0).rstrip().endswith("(")) == (after.group(0).strip() == ")"))


AGE_MAX = 120


def _relative_to_saying(text: str, end: int, values: list[Value], language: str,
                        base: PartialDate | None) -> list[Value]:
    """A relative day counts from the day of the saying its sentence closes with ("“…
    hari ini kita tetapkan sebagai tersangka,” kata juru bicara polisi di Jakarta, Jumat
    23 Oktober 2020."): a full date after a comma ending the sentence, a speech verb
    between the relative day and it. Elsewhere it counts from the publication date."""
    relative = [v for v in values if v.relative and v.kind == ValueKind.DATE]
    if not relative or base is None or base.day is None:
        return values
    said = next((v for v in reversed(values) if v.kind == ValueKind.DATE and not v.relative
                 and len(v.canonical) == 10 and v.canonical[:4].isdigit()), None)
    if said is None or len(WORD.findall(text, said.end, end)) > CLOSING_WORDS or \
            not re.search(r",\s*$", text[max(0, said.start - 4):said.start]):
        return values
    speech = pack_pattern(language, "speech_verbs", r"(?<![\w-])(?:{w})(?:nya)?(?![\w-])")
    try:
        day = dt.date.fromisoformat(said.canonical)
        published = dt.date(base.year, base.month or 1, base.day)
    except ValueError:
        return values
    out = []
    for v in values:
        verb = speech.search(text, v.end, said.start) if (
            speech is not None and v in relative) else None
        if verb is not None:
            try:
                shift = (dt.date.fromisoformat(v.canonical) - published).days
            except ValueError:
                shift = None
            if shift is not None:
                v = replace(v, canonical=(day + dt.timedelta(days=shift)).isoformat(),
                            how=f"relative day: the day of the saying ({verb.group(0)!r} …, "
                                f"{said.raw}) {shift:+d} day(s)")
        out.append(v)
    return out


class _SentenceWork:
    """Attribution in one sentence."""

    def __init__(self, doc: Document, claims: ClaimSet, span: tuple[int, int],
                 trace: Collection[str], out: Attribution, carried: bool = False) -> None:
        self.doc, self.claims, self.span, self.trace, self.out = doc, claims, span, trace, out
        self.carried = carried  # cues carried over from the sentence before
        self._hits_by_start: tuple[list[Hit], list[Hit], list[int], list[str]] | None = None
        self.text = doc.text
        self.language = doc.language
        s_start, s_end = span
        values = [v.shifted(s_start) for v in read_values(
            self.text[s_start:s_end], doc.language, doc.published_date, doc.date_order)]
        values = _relative_to_saying(self.text, s_end, values, doc.language,
                                     doc.published_date)
        self.values = values
        self._spans = [(v.start, v.end) for v in values]
        dateline_end = doc.dateline[1] if doc.dateline else 0
        self.sentence: Sentence = analyse(self.text, s_start, s_end, doc.language, self._spans,
                                          skip=dateline_end)
        self._keys: dict[tuple[int, int], tuple[str, ...]] = {}
        self._cue_spans: dict[str, list[tuple[int, int]]] = {}
        self._rivals: dict[str, list[tuple[int, int]]] = {}  # cue word → rival words
        self._joined_keys: dict[tuple[tuple[int, int], ...], tuple[str, ...]] = {}
        self._dated: list[tuple[int, tuple[int, int]]] | None = None  # years written, where
        self._undated: list[int] = []  # where the other values start
        self._date_cues: list[Hit] = []  # the cues of date claims in the sentence
        self._category_hits: list[Hit] = []  # the cues of category claims in the sentence
        self._signals: dict[str, frozenset[str]] = {}  # category claim → its folded words
        self._cues_of: dict[str, list[tuple[int, int]]] = {}  # claim → its cues here
        self.passed: list[Hit] = []  # the cues that passed the sentence's checks
        self.unabout: list[Hit] = []  # … and those that failed only `about`
        self.need_about: set[str] = set()  # carried claims the sentence must be about
        self._days: set[tuple[int, int]] | None = None  # spans of the full dates written
        self._date_spans: list[tuple[int, int]] | None = None  # … and of dates and years
        self._tokens: list[tuple[int, int, str]] | None = None  # the sentence's words
        self._spots: dict[str, list[tuple[int, int]]] = {}  # claim → its about words here
        self._counts_spans: list[tuple[int, int]] | None = None  # the quantities, in order
        self._lists: dict[int, tuple[int, int]] = {}  # … and the lists of counts among them
        self._canonical: dict[tuple[int, int], str] | None = None  # value span → canonical
        self._unit_word_keys: dict[str, frozenset[str]] = {}  # claim → others' unit words
        self._titled: bool | None = None  # the sentence is a headline in title case
        self._sentence_hits: list[Hit] = []  # every cue of the sentence
        self._own_index: dict[str, tuple[list[int], list[int]]] = {}  # claim → cue starts, ends
        self._caption: list[str | None] = []  # the sentence's caption marker, once asked
        self._occurrence: dict[str, str | None] = {}  # claim → another occurrence named
        # (claim, value span) → the claim's unit after the value
        self._units: dict[tuple[str, int, int], tuple[int, int, list[str]] | None] = {}

    # ------------------------------------------------------------------ steps
    def run(self, hits: list[Hit]) -> None:
        self._sentence_hits = hits
        self.values = self._outside_dateline(self.values, {h.item for h in hits})
        whole = [h for h in hits if self._whole_cue(h) and not self._negated(h)
                 and not self._in_name(h)]
        about = [h for h in whole if self._about(h)]
        # carried to the next sentence: the cues that passed, and those that failed only
        # `about`, which the next sentence must then meet itself
        passing = {id(h) for h in about}  # (by identity: a long sentence stays linear)
        self.unabout = [h for h in whole if id(h) not in passing]
        hits = [h for h in about if self._on_occasion(h, hits)]
        self.passed = hits
        self._bounds_in_cues(hits)
        for h in hits:
            if h.item in self.trace:
                self._step(h.item, "cue", f"cue {h.text!r} found", cue=h)
        pools: dict[str, list[Hit]] = defaultdict(list)
        for h in hits:
            claim = self.claims.claim(h.item)
            pools[f"category:{claim.id}" if claim.type == "category" else claim.type].append(h)
        found: dict[tuple[str, int, int], Mention] = {}
        for h in hits:
            self._cues_of.setdefault(h.item, []).append((h.start, h.end))
        self._date_cues = sorted(pools.get("date", []), key=lambda h: h.start)
        self._category_hits = [h for key, hs in pools.items() if key.startswith("category:")
                               for h in hs]
        for key, pool_hits in pools.items():
            self._pool(key, pool_hits, found)
        self._explain_absent(hits)
        self.out.mentions.extend(found.values())

    def _bounds_in_cues(self, hits: list[Hit]) -> None:
        """A word that makes a number a bound but belongs to a cue is the cue's: in
        "kecepatan maksimal 340 km/jam" (top speed 340 km/h) the number is 340, not "at
        most 340"."""
        first: dict[int, int] = {}  # cue end → the earliest start of a cue ending there
        for h in hits:
            first[h.end] = min(h.start, first.get(h.end, h.start))
        ends = sorted(first)
        for n, v in enumerate(self.values):
            if v.kind != ValueKind.QUANTITY or ".." not in v.canonical:
                continue
            k = bisect_right(ends, v.end) - 1
            cut = ends[k] if k >= 0 else -1
            if not v.start < cut < v.end or first[cut] > v.start:
                continue
            again = [w for w in read_values(self.text[cut:v.end], self.language,
                                            self.doc.published_date, self.doc.date_order)
                     if w.kind == ValueKind.QUANTITY and cut + w.end == v.end]
            if again and ".." not in again[0].canonical:
                self.values[n] = again[0].shifted(cut)
                if (v.start, v.end) in self._spans:  # (a few values a sentence)
                    self._spans[self._spans.index((v.start, v.end))] = (
                        cut + again[0].start, v.end)

    def _outside_dateline(self, values: list[Value], items: set[str]) -> list[Value]:
        if self.out.label is None:  # once a document: "date 2018-10-31" atop the text
            self.out.label = date_label(self.text, self.language) or (0, 0)
        lines = [span for span in (self.doc.dateline, self.out.label)
                 if span is not None and span[0] < span[1] and self.span[0] < span[1]]
        if not lines:
            return values
        kept = []
        for v in values:
            if any(v.start < line[1] and line[0] < v.end for line in lines):
                for c in items & set(self.trace):
                    self._step(c, "dateline", "in the dateline: the place and date of "
                               "filing, not a value of the claim", value=v)
            else:
                kept.append(v)
        return kept

    def _about(self, h: Hit) -> bool:
        """Whether the sentence is about what the claim of ``h`` needs (about/not_about;
        for a cue carried over, the sentence it came from was)."""
        claim = self.claims.claim(h.item)
        topic, excluded = claim.topic(self.language), claim.excluded(self.language)
        if self.carried and h.item not in self.need_about:
            topic = []  # the sentence it came from was about the claim
        if not topic and not excluded:
            return True
        keys = self.keys(self._body(self.span))
        for word in excluded:
            if find_phrase(keys, _loose(phrase_keys(word, self.language))) >= 0:
                self._refuse_cue(h, f"the sentence mentions {word!r} (not_about)")
                return False
        scope = self.sentence.scope(h.start)
        where = "the sentence" if scope == self.span else "the aside the cue is in"
        if scope == self.span and self.sentence.events:
            # a subordinate clause speaks of an event of its own: "Tokopedia berdiri pada
            # 2009, setahun sebelum Gojek didirikan" is not about Gojek's founding
            where = "the sentence outside its subordinate clauses"
            parts = tuple(self._body(p) for p in self.sentence.outside_events(h.start))
            if parts not in self._joined_keys:  # the same for every cue outside them: once
                self._joined_keys[parts] = tuple(k for p in parts for k in self.keys(p))
            keys = self._joined_keys[parts]
        else:
            keys = self.keys(self._body(scope))
        for group in topic:
            if not any(find_phrase(keys, _loose(phrase_keys(w, self.language))) >= 0
                       for w in group):
                words = " or ".join(repr(w) for w in group)
                self._refuse_cue(h, f"{where} does not mention {words} (about)")
                return False
        return True

    def _body(self, span: tuple[int, int]) -> tuple[int, int]:
        """``span`` without the dateline: "CIANJUR –" is where the report was filed, not
        what its first sentence is about."""
        line = self.doc.dateline
        if line is None or not line[0] <= span[0] < line[1]:
            return span
        return min(line[1], span[1]), span[1]

    def _negated(self, h: Hit) -> bool:
        """Whether a negation stands right before the cue ("belum ditemukan", "has not
        been found"): what did not happen has no date or count."""
        word = negation_before(self.text, self.sentence, h.start, self._spans)
        if word is not None and h.item in self.trace:
            self._step(h.item, "negated", f"{word!r} before the cue {h.text!r}: it has not "
                       "happened", cue=h)
        return word is not None

    def _in_name(self, h: Hit) -> bool:
        """Whether the capitalised cue is part of the name of another thing: after a word
        of the pack's ``name_kinds`` ("Museum Tsunami Aceh", "film Tragedi Bintaro") or
        before one written with a capital ("the Tsunami Museum"), unless the cue holds it."""
        if not self.text[h.start:h.start + 1].isupper():
            return False
        before = pack_pattern(self.language, "name_kinds", r"(?<![\w-])(?:{w})[ \t]+$")
        after = pack_pattern(self.language, "name_kinds", r"[ \t]+(?:{w})(?![\w-])")
        if before is None or after is None:
            return False
        m = before.search(self.text, max(self.span[0], h.start - 30), h.start)
        if m is None:
            m = after.match(self.text, h.end, self.span[1])
            if m is None or not m.group(0).strip()[:1].isupper():
                return False
        kind = m.group(0).strip()
        if fold_phrase(kind) in fold_phrase(h.text).split():
            return False
        if h.item in self.trace:
            self._step(h.item, "in-name", f"{kind!r} by the cue {h.text!r}: part of the name "
                       "of another thing", cue=h)
        return True

    def _whole_cue(self, h: Hit) -> bool:
        """Whether the cue is not the end of another event's name: "semi-final", "perempat
        final" (a word of the pack's ``rival_prefixes`` written against it or before it)."""
        pattern = pack_pattern(self.language, "rival_prefixes", r"(?<![\w-])(?:{w})(?:-|\s+)$")
        if pattern is None:
            return True
        m = pattern.search(self.text[max(self.span[0], h.start - 30):h.start])
        if m is None:
            return True
        if h.item in self.trace:
            self._step(h.item, "other-cue", f"{m.group(0).strip() + self.text[h.start:h.end]!r}"
                       f" is another event than the cue {h.text!r}", cue=h)
        return False

    def _rival_nearer(self, h: Hit, v: Value) -> str | None:
        """A word that names another event by a prefix on the cue's last word ("semifinal"
        for the cue "final") and stands nearer the value than the cue does."""
        word = fold_phrase(h.text).split()[-1] if h.text.strip() else ""
        found = self._rivals.get(word)
        if found is None:  # once a sentence for each cue word
            # "semifinal", "semi-finals": a prefix of another event on the cue's word
            pattern = pack_pattern(self.language, "rival_prefixes",
                                   rf"(?<![\w-])(?:{{w}})-?{re.escape(word)}\w{{0,3}}(?![\w-])"
                                   ) if len(word) >= 4 and word.isalpha() else None
            found = self._rivals[word] = [] if pattern is None else [
                (m.start(), m.end()) for m in pattern.finditer(self.text, *self.span)]
        if not found:
            return None
        mine = self._distance(h, v)
        k = bisect_left(found, (v.start, v.start))
        for start, end in found[max(0, k - 1):k + 1]:  # the nearest on either side
            rival = Hit(h.kind, h.item, start, end, self.text[start:end], h.language,
                        h.document)
            if self._distance(rival, v) < mine:
                return rival.text
        return None

    def _on_occasion(self, h: Hit, hits: list[Hit]) -> bool:
        """Whether the sentence may speak of the claim's occasion (``when``): it does not
        when every year it writes, outside cues, is another ("since 2002, when Indonesia
        beat Malaysia 3-2" is not the 2021 final)."""
        occasion = self.claims.claim(h.item).occasion
        if occasion is None:
            return True
        written = [years for _, years in self._years_written(hits)]
        where = "the sentence"
        if not written:  # a sentence that writes no year: the document may
            if self.out.years is None:
                self.out.years = _document_years(self.doc, self.out.cue_spans)
            written, where = self.out.years, "the document"
            if self.doc.published_date is not None:
                written = [*written, (self.doc.published_date.year,) * 2]
        if not written or any(lo <= occasion[1] and occasion[0] <= hi for lo, hi in written):
            return True
        if h.item in self.trace:
            shown = ", ".join(sorted({str(lo) if lo == hi else f"{lo}..{hi}"
                                      for lo, hi in written}))
            self._step(h.item, "other-occasion", f"{where} is dated {shown}, not "
                       f"{occasion[0]}" + (f"..{occasion[1]}" if occasion[1] != occasion[0]
                                            else "") + " (when)", cue=h)
        return False

    def _refuse_cue(self, h: Hit, reason: str) -> None:
        if h.item in self.trace:
            self._step(h.item, "not-about", reason, cue=h)

    def keys(self, span: tuple[int, int]) -> tuple[str, ...]:
        """The keys `about` and `not_about` are matched on, of the words in ``span`` (the
        sentence or a part of it): inflection keys that match derived forms too, once a
        span however many cues ask."""
        if span not in self._keys:
            self._keys[span] = _loose([k for _, _, k in tokens(self.text, *span,
                                                               language=self.language)])
        return self._keys[span]

    # ------------------------------------------------------------------ one pool
    def _nearer_category_cue(self, item: str, v: Value, distance: int) -> Hit | None:
        """A cue of another category claim nearer the value whose categories read the same
        words ("14.40" for both the take-off and the loss-of-contact time): category claims
        pool their values apart, so only the written form can tell that they compete."""
        written = fold_phrase(v.raw)
        for h in self._category_hits:
            if h.item == item or written not in self._signal_forms(h.item):
                continue
            other = self.claims.claim(h.item)
            if self._cue_refusal(other, h, v) is None and \
                    self._measured_distance(other, h, v) < distance:
                return h
        return None

    def _signal_forms(self, item: str) -> frozenset[str]:
        """The folded words of a category claim's categories (once per sentence)."""
        forms = self._signals.get(item)
        if forms is None:
            forms = self._signals[item] = frozenset(
                fold_phrase(w) for ws in self.claims.claim(item).signals().values() for w in ws)
        return forms

    def _is_day(self, v: Value) -> bool:
        """Whether the sentence writes a full date at the span of the year ``v``."""
        if self._days is None:
            self._days = {(d.start, d.end) for d in self.values
                          if d.kind == "date" and not d.canonical.startswith("-")}
        return (v.start, v.end) in self._days

    def _nearer_date_cue(self, v: Value, distance: int) -> Hit | None:
        """A cue of a date claim nearer a full date than ``distance`` (the nearest year
        claim's cue) that may take it: a day belongs to the event named nearest it."""
        k = bisect_left(self._date_cues, v.start, key=lambda h: h.start)
        for h in self._date_cues[max(0, k - 2):k + 2]:  # the nearest on either side
            d = self._distance(h, v)
            if d < distance and self._refusal(self.claims.claim(h.item), v, self._date_cues
                                              ) is None \
                    and self._cue_refusal(self.claims.claim(h.item), h, v) is None:
                return h
        return None

    def _pool(self, key: str, hits: list[Hit], found: dict[tuple[str, int, int], Mention]
              ) -> None:
        """Cues of one value type (or one category claim) compete for its values."""
        claim_type = self.claims.claim(hits[0].item).type
        if claim_type == "category":
            claim = self.claims.claim(hits[0].item)
            s_start, s_end = self.span
            candidates = self._ranked_first([_Candidate(v.shifted(s_start)) for v in
                                             read_categories(self.text[s_start:s_end],
                                                             claim.signals())], hits)
        else:
            candidates = self._candidates(claim_type, hits)
        by_claim: dict[str, list[Hit]] = defaultdict(list)
        for h in sorted(hits, key=lambda h: (h.start, h.end)):
            by_claim[h.item].append(h)
        modifying = self._compound_modifiers(hits) if claim_type != "category" else {}
        starts = {c: [h.start for h in hs] for c, hs in by_claim.items()}
        assigned: dict[int, list[tuple[int, _Candidate]]] = defaultdict(list)
        lost: dict[tuple[str, int], TraceStep] = {}
        for cand in candidates:
            v = cand.value
            best: list[tuple[int, Hit]] = []
            for c, hs in by_claim.items():
                claim = self.claims.claim(c)
                why = self._refusal(claim, v, hits)
                if why is not None:
                    if c in self.trace:
                        self._step(c, why[0], why[1], value=v)
                    continue
                # on either side, the nearest cue that may take the value (a farther cue
                # on one side is never nearer than one that may)
                k = bisect_right(starts[c], v.start)
                for side in (range(k - 1, max(-1, k - 1 - CUE_WALK), -1),
                             range(k, min(len(hs), k + CUE_WALK))):
                    for i in side:  # a few on each side: a long sentence stays linear
                        h = hs[i]
                        head = modifying.get(id(h))
                        if head is not None:
                            if c in self.trace:
                                self._step(c, "other-cue", f"cue {h.text!r} qualifies "
                                           f"{head.text!r} of {head.item} in one compound: "
                                           "the value is of that", value=v, cue=h)
                            continue
                        why = self._cue_refusal(claim, h, v)
                        if why is None:
                            best.append((self._measured_distance(claim, h, v), h))
                            break
                        if c in self.trace:
                            self._step(c, why[0], why[1], value=v, cue=h)
            nearest = min((d for d, _ in best), default=None)
            if nearest is not None and claim_type == "category":
                rival = self._nearer_category_cue(hits[0].item, v, nearest)
                if rival is not None:  # "hilang kontak pada pukul 14.40" for a claim on
                    # the take-off time, whose cue is farther: the other claim's time
                    if hits[0].item in self.trace:
                        self._step(hits[0].item, "other-cue", f"nearer cue {rival.text!r} of "
                                   f"{rival.item}, which reads {v.raw!r} too", value=v)
                    continue
            if nearest is not None and claim_type == "year" and self._is_day(v):
                rival = self._nearer_date_cue(v, nearest)
                if rival is not None:  # "buatan Jerman … hilang kontak pada Rabu
                    # (21/4/2021)": the day is the date claim's event, not the year's
                    for c in {h.item for _, h in best} & set(self.trace):
                        self._step(c, "other-cue", f"nearer cue {rival.text!r} of the date "
                                   f"claim {rival.item}: the day of its event", value=v)
                    continue
            tied = self._nearest_named(v, [h for d, h in best if d == nearest])
            for d, h in best:
                if d == nearest and h.item in tied:
                    assigned[id(h)].append((d, cand))
            for c in {h.item for d, h in best if d == nearest} - tied:
                if c in self.trace:
                    self._step(c, "other-cue", "a claim sharing the cue names what it is "
                               "about nearer the value (about)", value=v)
            for c in self.trace:
                own = [(d, h) for d, h in best if h.item == c]
                if own and nearest is not None and min(own, key=lambda dh: dh[0])[0] > nearest:
                    d_own, h_own = min(own, key=lambda dh: dh[0])
                    winner = next(h for d, h in best if d == nearest)
                    lost[(c, v.start)] = self._make_step(
                        c, "other-cue", f"not attributed: nearer cue {winner.text!r} of "
                        f"{winner.item} (distance {nearest}, vs {d_own} to {h_own.text!r})",
                        value=v, cue=h_own, distance=d_own)
        pairs = self._respective(hits, candidates)
        paired = {id(c) for _, c in pairs}
        for h in hits:  # a value paired with one name is no other name's
            if h.item in {p.item for p, _ in pairs} and id(h) in assigned:
                rest = [(d, c) for d, c in assigned[id(h)] if id(c) not in paired]
                if rest:
                    assigned[id(h)] = rest
                else:  # every value it had went to its pair ("Anies Baswedan and Ganjar
                    del assigned[id(h)]  # Pranowo, who respectively…": two cues each)
        for h, cand in pairs:
            assigned[id(h)] = [(0, cand)]
        kept: set[tuple[str, int]] = set()
        kept_by: dict[str, tuple[Hit, Value]] = {}
        for h in hits:
            if id(h) not in assigned:
                continue
            # the nearest value; a value written out beats one computed from the publication
            # date ("14 tahun lalu, pada 2008": 2008)
            d, cand = min(assigned[id(h)], key=lambda dc: (dc[1].value.relative, dc[0],
                                                            dc[1].value.start))
            v = cand.value
            claim = self.claims.claim(h.item)
            mention_key = (claim.id, v.start, v.end)
            if mention_key in found:
                continue
            kept.add((claim.id, v.start))
            kept_by.setdefault(claim.id, (h, v))
            plan = planned(self.text, self.sentence, (h.start, h.end), (v.start, v.end),
                           v.kind in _DATED) \
                or self._after_publication(claim, v)
            guess = None if plan else provisional(self.text, self.sentence, (v.start, v.end),
                                                  claim.type == "quantity") or (
                # "hingga Sabtu pukul 13.00 WIB sebanyak 17 orang": a count of that moment
                as_of_moment(self.text, self.sentence, v.start) if claim.type == "quantity"
                else None)
            listed = None if plan or guess or claim.type != "quantity" else \
                self._list_part(claim, v, hits)
            part, total = listed or (None, None)
            guess = guess or part or (self._converted_from(v) if claim.type == "quantity"
                                      else None)
            other_day = None if plan or guess else self._other_day(claim, h, v, hits)
            words = word_gap(self.text, (h.start, h.end), (v.start, v.end))
            how = f"{v.how}; {words} word{'s' if words != 1 else ''} from the cue"
            if other_day is not None:
                how += f"; the sentence is dated {other_day!r}, not the statement's day"
            if part is not None:
                how += f"; {part}"
            if cand.as_of is not None:
                how += f"; counted to {cand.as_of}, the year written in the sentence"
            found[mention_key] = Mention(
                document=self.doc.id, claim=claim.id, language=self.language,
                sentence_start=self.span[0], sentence_end=self.span[1], cue_start=h.start,
                cue_end=h.end, cue=h.text, value_start=v.start, value_end=v.end, raw=v.raw,
                value=v.canonical, kind=ValueKind(v.kind), how=how, weekday=v.weekday,
                modality=Modality.PLANNED if plan else Modality.PROVISIONAL if guess
                else Modality.FACT, as_of=cand.as_of, uncertain=self.carried,
                precision=v.precision, total=total, relative=v.relative,
                other_day=other_day and self.text[other_day[0]:other_day[1]],
                also=tuple(sorted({c.value.canonical for c in candidates} - {v.canonical}))
                if claim_type == "category" else ())
            if claim.id in self.trace:
                note = (f"; a plan or hedge ({plan!r}): reported as info at most" if plan else
                        f"; {part}: reported as info at most" if part else
                        f"; a provisional figure ({guess!r}): reported as info at most"
                        if guess else "")
                self._step(claim.id, "mention",
                           f"attributed to cue {h.text!r} (distance {d}){note}", value=v, cue=h,
                           distance=d)
        for c in self.trace:
            if c not in by_claim:
                continue
            for cand in candidates:
                v = cand.value
                if (c, v.start) in kept:
                    continue
                if (c, v.start) in lost:
                    self.out.trace.append(lost[(c, v.start)])
                elif not any(s.item == c and s.value == (v.start, v.end) for s in self.out.trace):
                    kept_pair = kept_by.get(c)
                    reason = ("not kept: the cue keeps a nearer value" if kept_pair is None
                              else f"not kept: cue {kept_pair[0].text!r} keeps its nearest "
                              f"value {kept_pair[1].raw!r}")
                    self._step(c, "not-kept", reason, value=v)

    def _nearest_named(self, v: Value, tied: list[Hit]) -> set[str]:
        """The claims among those whose cues are equally near a value (a cue they share)
        that take it: when each has ``about`` words in the sentence, those whose words stand
        nearest it ("Abdul Haris for 18 months and Suko Sutrisno for one year": 18 months
        for the claim about Haris, one year for the one about Suko); else all."""
        items = {h.item for h in tied}
        if len(items) < 2:
            return items
        near: dict[str, int] = {}
        by_item = {h.item: h for h in tied}
        for item in items:
            spots = self._about_spots(item)
            if not spots:
                return items
            h = by_item[item]  # measured as cues are, clause boundaries counted
            near[item] = min(self._distance(replace(h, start=lo, end=hi), v) for lo, hi in spots)
        best = min(near.values())
        return {item for item, d in near.items() if d == best}

    def _about_spots(self, item: str) -> list[tuple[int, int]]:
        """Where the words of a claim's ``about`` stand in the sentence (once a claim)."""
        found = self._spots.get(item)
        if found is None:
            if self._tokens is None:
                self._tokens = tokens(self.text, *self.span, language=self.language)
            keys = _loose([k for _, _, k in self._tokens])
            found = []
            for group in self.claims.claim(item).topic(self.language):
                for word in group:
                    phrase = _loose(phrase_keys(word, self.language))
                    found += [(self._tokens[i][0], self._tokens[i + len(phrase) - 1][1])
                              for i in range(len(keys) - len(phrase) + 1)
                              if phrase and keys[i:i + len(phrase)] == phrase]
            self._spots[item] = found
        return found

    def _compound_modifiers(self, hits: list[Hit]) -> dict[int, Hit]:
        """Cues that qualify another claim's cue of the same type in one compound, with
        nothing but a space between: in "status darurat bencana gempa bumi sejak 1 Januari"
        ("the earthquake emergency status, from 1 January") the date is the emergency's,
        not the quake's. The head comes first where modifiers follow the noun (pack key
        ``modifiers_follow``), last otherwise. A verb or a measure word makes no compound
        ("menempuh jarak", "penduduk bertambah", "lahan seluas"), nor does a head the
        modifier's claim states ("the promo fare" for a claim on the promo fare). Cue → the
        head it qualifies."""
        pack = get_pack(self.language)
        follow = pack.modifiers_follow
        links = {fold_phrase(w) for w in pack.noun_links}
        ordered = sorted(hits, key=lambda h: (h.start, h.end))
        out: dict[int, Hit] = {}
        for a, b in pairwise(ordered):
            if a.item == b.item or a.end > b.start or self.text[a.end:b.start].strip() \
                    or a.end == b.start:
                continue
            words = [w for h in (a, b) for w in WORD.findall(h.text)]
            if any(verb_like(w, self.language) or fold_phrase(w) in links for w in words):
                continue  # a verb and its subject or object ("menempuh jarak 142 km"), a
                # noun and its measure ("lahan seluas 2.000 hektare")
            head, modifier = (a, b) if follow else (b, a)
            if self._states(modifier.item, head.text):
                continue  # "the promo fare": a kind of fare, the promo claim's own
            out[id(modifier)] = head
        return out

    def _states(self, item: str, phrase: str) -> bool:
        """Whether a claim's statement holds every word of ``phrase``, in any inflection."""
        said = _statement_keys(self.claims.claim(item).statement, self.language)
        return all(word_key(w, self.language) in said for w in WORD.findall(phrase))

    def _ranked_first(self, candidates: list[_Candidate], hits: list[Hit]
                      ) -> list[_Candidate]:
        """The categories without a rank below the first: "second place" in a clause goes
        to the category named nearest it there ("Oliveira won, with Quartararo in second
        place": Quartararo is not what "won" names)."""
        ranks = lower_ranks(self.text, self.sentence) if candidates else []
        if not ranks:
            return candidates
        ordered = sorted(candidates, key=lambda c: c.value.start)
        starts = [c.value.start for c in ordered]
        ranked: dict[int, str] = {}
        for r in ranks:  # the nearest name on either side, in the rank's clause
            segment = self.sentence.segment(r.start())
            k = bisect_left(starts, r.start())
            sides = [c for c in (ordered[k - 1] if k else None,
                                 ordered[bisect_left(starts, r.end())]
                                 if bisect_left(starts, r.end()) < len(ordered) else None)
                     if c is not None and segment[0] <= c.value.start < segment[1]]
            if sides:
                nearest = min(sides, key=lambda c: min(abs(c.value.start - r.end()),
                                                        abs(r.start() - c.value.end)))
                ranked.setdefault(id(nearest), r.group(0))
        for c in candidates:
            if id(c) in ranked:
                for item in {h.item for h in hits} & set(self.trace):
                    self._step(item, "other-rank", f"holds a rank below the first "
                               f"({ranked[id(c)]!r}): not what the cue names", value=c.value)
        return [c for c in candidates if id(c) not in ranked]

    def _respective(self, hits: list[Hit], candidates: list[_Candidate]
                    ) -> list[tuple[Hit, _Candidate]]:
        """"Anies and Ganjar had 25% and 16% respectively": the claims named, in order,
        take the values that follow them, in order (when each may take its value)."""
        if not respectively(self.text, self.sentence):
            return []
        first: dict[str, Hit] = {}
        for h in sorted(hits, key=lambda h: h.start):
            first.setdefault(h.item, h)
        named = list(first.values())
        after = [c for c in candidates if named and c.value.start >= named[-1].end
                 and not c.value.relative][:len(named)]
        if len(after) < 2:
            return []
        # the last names before the values pair with them ("Prabowo won; his rivals Anies
        # and Ganjar had 25% and 16% respectively")
        pairs = list(zip(named[-len(after):], after, strict=True))
        if any(self._refusal(self.claims.claim(h.item), c.value, hits) is not None
               for h, c in pairs):
            return []
        return pairs

    # ------------------------------------------------------------------ candidates
    def _candidates(self, claim_type: str, hits: list[Hit]) -> list[_Candidate]:
        """The sentence's values as a claim of ``claim_type`` reads them (``hits``: the
        cues of the claims of that type in the sentence)."""
        out = []
        for v in self.values:
            if v.kind == claim_type:
                out.append(_Candidate(v))
            elif claim_type == "year" and v.kind == "date" and v.canonical[:4].isdigit():
                out.append(_Candidate(replace(v, kind=ValueKind.YEAR, canonical=v.canonical[:4],
                                              how=f"the year of the date {v.canonical}")))
            elif claim_type == "year" and v.kind == "period" and v.canonical.endswith(".."):
                year = v.canonical[:-2]
                at = v.raw.rfind(year)
                if at >= 0:  # the year as written, without "since"
                    out.append(_Candidate(replace(
                        v, kind=ValueKind.YEAR, canonical=year, start=v.start + at,
                        end=v.start + at + len(year), raw=year,
                        how=f"the year of {v.raw!r}")))
            elif claim_type == "duration" and v.kind == "ordinal" and (
                    self._anniversary(v) or any(v.start >= h.end and word_gap(
                        self.text, (h.start, h.end), (v.start, v.end)) == 0 for h in hits)):
                out.append(_Candidate(
                    replace(v, kind=ValueKind.DURATION,
                            how=f"an anniversary: the {v.canonical}th is {v.canonical} years"),
                    as_of=self._year_written(v)))
        return out

    def _anniversary(self, v: Value) -> bool:
        """Whether an ordinal is an anniversary: an anniversary word right before or after."""
        words = _folded_phrases(get_pack(self.language).anniversary_words)
        if not words:
            return False
        before = fold(self.text[max(self.span[0], v.start - 40):v.start]).text.strip()
        after = fold(self.text[v.end:min(self.span[1], v.end + 40)]).text.strip()
        return any(before.endswith(w) or after.startswith(w) for w in words)

    def _year_written(self, v: Value) -> int | None:
        """The year an anniversary falls in, when the sentence writes it (the nearest year
        or dated value in the same clause structure)."""
        best: tuple[int, int] | None = None
        for w in self.values:
            if w.kind not in ("year", "date") or not w.canonical[:4].isdigit():
                continue
            if self.sentence.aside_of(w.start) != self.sentence.aside_of(v.start):
                continue
            gap = abs(w.start - v.start)
            if best is None or gap < best[0]:
                best = (gap, int(w.canonical[:4]))
        return best[1] if best else None

    # ------------------------------------------------------------------ refusals
    def _refusal(self, claim: Claim, v: Value, hits: list[Hit]) -> tuple[str, str] | None:
        """Why ``claim`` cannot take the value at all (decision, reason), or None."""
        if claim.type in ("date", "year", "period") and v.kind in ("date", "year", "period"):
            if not self._caption:  # once a sentence: a long one stays linear
                self._caption.append(caption(self.text, self.sentence))
            marker = self._caption[0]
            if marker is not None:
                return "caption", (f"a photo caption ({marker!r}): the day the picture was "
                                   "taken, not of the event")
        if claim.type != "category" and self._in_cue(claim.id, v.start, v.end, hits):
            return "in-cue", "part of a cue of the claim (cue words are not values)"
        other = self._other_occurrence(claim) if claim.type != "ordinal" else None
        if other is not None:  # (an ordinal claim's value is the rank itself)
            return "other-occurrence", other
        if claim.type in ("date", "year") and v.kind in ("date", "year"):
            bound, of_span = self._bounds(claim, v)
            if bound is not None and of_span is not None and of_span[0] != bound:
                how = "opens" if of_span[0] == "start" else "closes"
                return "other-bound", (f"{of_span[1]!r} by the date: it {how} a span, and "
                                       f"the claim is about its {bound}")
        if claim.type == "ordinal" and self._anniversary(v):
            return "anniversary", "an anniversary: an age, not a rank"
        if claim.type == "ordinal":
            edition = self._edition(claim, v, hits)
            if edition is not None:
                return "edition", f"the number of an edition of {edition!r}, not a rank"
        if claim.type == "category" and states_final(
                claim.statement, tuple(sorted({*claim.cues, self.language}))):
            why = self._earlier_state(v)
            if why is not None:
                return "earlier", why
        if claim.type in ("category", "ordinal"):
            day = event_day(self.text, self.sentence, v.start)
            if day is not None and not any(names_event_day(claim.statement, lang)
                                           for lang in sorted({*claim.cues, "en"})):
                return "earlier", (f"a state on a day of the event ({day!r}), not its "
                                   "outcome")
        if claim.type in ("quantity", "duration"):
            name = self._age_of_name(claim, v)
            if name is not None:
                return "age", f"the age of {name!r}, named right after it"
        if claim.type != "quantity":
            return None
        if not claim.unit_words and _age_after_name(self.text, v.start, v.end):
            return "age", "a person's age, set off after a name (\"Budi Santoso, 25, said\")"
        back = pack_pattern(self.language, "demonstratives",
                            r"(?:[ \t]+[^\W\d_]+){1,2}?[ \t]+(?:{w})(?![\w-])")
        m = back.match(self.text, v.end) if back is not None else None
        if m is not None:
            return "anaphoric", (f"a count of things already named "
                                 f"({self.text[v.start:m.end()]!r}): not a total stated here")
        pack = get_pack(self.language)
        wanted = currency_named(claim.unit, pack)
        written = currency_of(self.text, v.start, v.end, pack)
        if wanted is not None and written is None:
            return "currency", f"no currency written; the claim is an amount in {wanted}"
        if wanted is not None and written != wanted:
            return "currency", (f"an amount in {written}; the claim is in {wanted} (amounts "
                                "in other currencies are not converted)")
        change = pack_pattern(self.language, "change_by", r"(?<![\w-])(?:{w})\W{0,3}$")
        at = max(self.span[0], v.start - 40)
        lead = self.text[at:v.start]
        lead = lead[:len(lead) - len(currency_tail(lead, pack))]
        word = change.search(lead) if change is not None else None
        if word is not None and not self._in_cue(claim.id, at + word.start(),
                                                  at + word.start() + 1, hits):
            # (a change word of the claim's own cue is the cue's: "pembengkakan biaya
            # sebesar US$1,2 miliar" for a claim on the overrun)
            return "change", "the size of a change (\"went up by Rp1,000\"), not the value"
        earlier = pack_pattern(self.language, "previous_words")
        segment = self.sentence.segment(v.start)
        if earlier is not None and earlier.search(self.text, segment[0], v.start):
            return "earlier", "an earlier state (\"previously\", \"sebelumnya\")"
        opener = pack_pattern(self.language, "previous_words", r"\W{0,3}(?:{w})\s*,")
        if opener is not None and opener.match(self.text, self.sentence.start):
            return "earlier", ("an earlier state: the sentence opens with it (\"Previously, …\", "
                               "\"Sebelumnya, …\")")
        contrast = pack_pattern(self.language, "contrast_openers", r"\W{0,3}(?:{w})\s*,")
        if contrast is not None and contrast.match(self.text, self.sentence.start):
            return "compared", ("what the text compares with: the sentence opens with "
                                "\"In comparison, …\" (\"Sebagai perbandingan, …\")")
        pair = self._partitive_of(v)
        if pair is not None and self._acts_on_part(claim, *pair):
            piece, whole = pair
            if (v.start, v.end) == whole:
                return "part-of", (f"the whole of {self.text[piece[0]:whole[1]]!r}: the "
                                   "cue acts on the part")
            whole_value = next(q for q in self.values if (q.start, q.end) == whole)
            if not claim.unit_words or self._unit_end(claim, whole_value) is not None:
                return None  # "shut down four of seven units": four units, the cue's
        unit_end = v.end
        if claim.unit_words:
            found_unit = self._unit_end(claim, v)
            if found_unit is None:
                words = sorted({w for ws in claim.unit_words.values() for w in ws})
                return "no-unit", f"not followed by a unit word of the claim ({', '.join(words)})"
            unit_start, unit_end, narrowing = found_unit
            if narrowing:
                return "qualified", (f"counts a kind of what the claim counts "
                                     f"({' '.join(narrowing)!r})")
            modifier = self._modifier_unit(claim, v, unit_start, unit_end)
            if modifier is not None:
                return "counts-other", modifier
        if partitive(self.text, v.end, self.language):
            return "part-of", "counts a part of a whole (\"two of the …\")"
        if self.carried:  # no cue here: a number its own noun labels is that noun's
            label = noun_label(self.text, self.sentence, v.start, pack)
            if label is not None:
                return "counts-other", (f"in the next sentence, labelled {label!r}: not "
                                        "the claim's")
        entry = breakdown_entry(self.text, v.start, self.language)
        if entry is not None:  # unless the label holds the claim's cue ("Korban jiwa: 67")
            own, _ = self._own_cues(claim.id)
            if not any(entry[0] <= c < entry[1] for c in own):
                return "part-of", (f"an entry of a breakdown "
                                   f"({self.text[entry[0]:entry[1]]!r}: …)")
        part = sub_area(self.text, self.sentence, v.start,
                        places_of(claim.statement, tuple(sorted(claim.cues))))
        if part is not None:
            return "part-of", f"counts for a part of the claim's place ({part!r})"
        rest = remainder(self.text, self.sentence, (v.start, v.end), unit_end)
        if rest is not None:
            return "remainder", f"what is left of a count ({rest!r}), not the whole"
        earlier_change = earlier_figure(self.text, self.sentence, (v.start, v.end))
        if earlier_change is not None:
            return "earlier", f"the earlier figure of a change ({earlier_change!r})"
        rate = pack_pattern(self.language, "rate_words", r"(?<![\w-])(?:{w})\s*$")
        if rate is not None and rate.search(self.text, max(self.span[0], v.start - 12), v.start):
            return "rate", "the divisor of a rate (\"per 10 km\"), not a count"
        if is_rate(claim.statement, tuple(sorted(claim.cues))):
            total = total_not_rate(self.text, self.sentence, (v.start, v.end), unit_end, pack)
            if total is not None:
                return "counts-other", f"a total ({total!r}); the claim is a rate"
        starts, ends = self._own_cues(claim.id)
        k = bisect_right(ends, v.start) - 1
        if k >= 0 and not self.text[ends[k]:v.start].strip():
            return self._counts(claim, v, unit_end, hits)  # "terdiri dari rusak berat
            # 22.241 rumah, …": a part the claim's own cue labels is the claim's
        divided = self._whole_divided(claim, v)
        if divided is not None:  # "Dari total 76 penumpang, … 51 selamat"
            return "part-of", f"the whole the sentence divides ({divided!r}), not a part of it"
        summed = self._sum_of_before(v)
        if summed is not None:  # "… tujuh orang, sementara korban luka 19, jadi totalnya 26"
            return "counts-other", f"the total of the counts before it ({summed})"
        rest = self._others_after(v)
        if rest is not None:  # "3 teroris tewas di Starbucks, sedangkan 2 lainnya di …"
            return "part-of", f"a part: the sentence goes on to the others ({rest!r})"
        parted = self._whole_of_parts(claim, v)
        if parted is not None:  # "Korban luka-luka 2.902 orang, dengan rincian 1.214
            # orang luka berat, …": the claim's cue names a part the whole is divided into
            return "part-of", (f"the whole the sentence then breaks down ({parted!r}); the "
                               "claim's cue names a part of it")
        subset = subset_marker(self.text, self.sentence, (v.start, v.end), self._spans)
        items = self._list_of(v) if subset is None else []
        if items and items[0] != (v.start, v.end):  # "terdiri dari 32 … dan 8 …": the
            # list the marker opens is of parts, to its end
            subset = subset_marker(self.text, self.sentence, items[0], self._spans)
        if subset is not None:
            j = bisect_left(starts, v.end)
            if j < len(starts) and not self.text[max(v.end, unit_end):starts[j]].strip() \
                    and len(self._list_of(v)) > 1:
                return self._counts(claim, v, unit_end, hits)  # "terdiri atas 203.320
                # jemaah haji reguler dan 17.680 …": a part of a breakdown is the count of
                # its noun, the claim's cue
            return "part-of", f"the sentence counts a part ({subset!r})"
        return self._counts(claim, v, unit_end, hits)

    def _whole_of_parts(self, claim: Claim, v: Value) -> str | None:
        """The part word after ``v`` ("dengan rincian", "including") when every cue of
        the claim in the sentence stands after it: the value is the whole the sentence
        goes on to divide, and the claim counts one of the parts."""
        pattern = pack_pattern(self.language, "subset_words")
        if pattern is None:
            return None
        starts, _ = self._own_cues(claim.id)
        first = bisect_left(starts, self.sentence.start)
        if first == len(starts) or starts[first] >= self.sentence.end or \
                starts[first] < v.end:
            return None
        m = pattern.search(self.text, v.end, starts[first])
        return m.group(0) if m else None

    def _after_publication(self, claim: Claim, v: Value) -> str | None:
        """"after the publication date …" when a date reckoned from the day the document
        was published comes after it ("besok", "tomorrow", "next year"): the event had not
        happened when it was written — a plan at most. (A date written out after the
        publication date is read as written: "took place in 2025" on a page dated 2023
        says more about the page's date than about the event.)"""
        published = self.doc.published_date
        if published is None or not v.relative or claim.type not in ("date", "year") or \
                v.kind not in ("date", "year") or not v.canonical[:4].isdigit():
            return None
        written = tuple(int(p) for p in v.canonical.split("-"))
        known = tuple(p for p in (published.year, published.month, published.day)
                      if p is not None)
        depth = min(len(written), len(known))
        if written[:depth] <= known[:depth]:
            return None
        return f"after the publication date {published}"

    def _bounds(self, claim: Claim, v: Value) -> tuple[str | None, tuple[str, str] | None]:
        """The end of a span a date claim is about ("start", "end" or None, from its
        statement) and the end the date is of in the sentence, with the word that says so."""
        bound = span_bound(claim.statement, tuple(sorted({*claim.cues, self.language})))
        if bound is None:
            return None, None
        if self._date_spans is None:  # once a sentence
            self._date_spans = sorted((d.start, d.end) for d in self.values
                                      if d.kind in ("date", "year"))
        return bound, date_bound(self.text, self.sentence, (v.start, v.end), self._date_spans)

    def _converted_from(self, v: Value) -> str | None:
        """"a conversion of 'Rp 142 trillion'" when ``v`` is an amount in brackets right
        after one in another currency ("Rp 142 trillion (US$9 billion)", "70 trillion IDR
        (4.9 billion USD)"): at a rate of the writer's choosing, rounded — provisional,
        never a contradiction alone."""
        pack = get_pack(self.language)
        written = currency_of(self.text, v.start, v.end, pack)
        if written is None:
            return None
        before = self.text[max(self.span[0], v.start - 12):v.start]
        opened = _CONVERSION_OPEN.search(before)
        if opened is None:
            return None
        edge = v.start - len(before) + opened.start()
        for u in self.values:
            if u.kind != ValueKind.QUANTITY or u.end > edge:
                continue
            gap = self.text[u.end:edge].split()
            # right before the bracket, or with only its currency after it ("70 trillion
            # IDR (4.9 billion USD)")
            if len(gap) <= 2 and not any(ch.isdigit() for w in gap for ch in w):
                other = currency_of(self.text, u.start, u.end, pack)
                if gap and other is None:
                    continue
                return (f"a conversion of {u.raw!r}" if other is not None and other != written
                        else None)
        return None

    def _own_cues(self, item: str) -> tuple[list[int], list[int]]:
        """The starts and the ends of a claim's cues in the sentence, each sorted."""
        got = self._own_index.get(item)
        if got is None:
            spans = self._cues_of.get(item, [])
            got = self._own_index[item] = (sorted(s for s, _ in spans),
                                           sorted(e for _, e in spans))
        return got

    def _partitive_of(self, v: Value) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The spans (part, whole) of "four of seven units", "empat dari tujuh unit" when
        ``v`` is either, with only the partitive's words between them."""
        self._list_of(v)  # (the sentence's quantities, in order, once a sentence)
        spans = self._counts_spans or []
        k = bisect_left(spans, (v.start, v.end))
        for i in (k, k - 1):
            if 0 <= i < len(spans) - 1:
                part, whole = spans[i], spans[i + 1]
                gap = self.text[part[1]:whole[0]]
                if len(gap) <= PARTITIVE_GAP and not re.search(r"[,;:()]", gap) and \
                        partitive(self.text, part[1], self.language):
                    return part, whole
        return None

    def _acts_on_part(self, claim: Claim, part: tuple[int, int], whole: tuple[int, int]
                      ) -> bool:
        """Whether a cue of the claim stands right before the part of a partitive, or a few
        words after its whole as what is said of the part: what the cue does is done to
        the part ("to shut down four of seven units", "23 out of 75 climbers were found
        dead"), not to the whole ("The lander fired two of its four engines" counts the
        lander's engines)."""
        starts, ends = self._own_cues(claim.id)
        k = bisect_right(ends, part[0]) - 1
        if k >= 0 and not self.text[ends[k]:part[0]].strip():
            return True
        # … or right after the partitive, as what is said of it: "23 out of 75 climbers
        # were found dead", "23 dari 75 pendaki ditemukan tewas"
        k = bisect_left(starts, whole[1])
        if k >= len(starts):
            return False
        between = self.text[whole[1]:starts[k]]  # the whole's noun, at least: a cue right
        # after the whole is its noun ("dua dari lima mesinnya": the cue counts the whole)
        first = WORD.match(self.text, starts[k])
        if first is not None and fold_phrase(first.group(0)) in _prepositions(self.language):
            return False  # a cue that opens with a preposition qualifies the whole's noun:
            # "99 of the 117 people on board" counts the people on board
        return not re.search(r"[,;:()]", between) and \
            1 <= len(WORD.findall(between)) <= PREDICATE_AFTER_PARTITIVE

    def _list_of(self, v: Value) -> list[tuple[int, int]]:
        """The counts of the list of counts the value is one of ([] when none)."""
        if self._counts_spans is None:
            self._counts_spans = sorted((u.start, u.end) for u in self.values
                                        if u.kind == ValueKind.QUANTITY)
            self._lists = count_lists(self.text, self._counts_spans, self.language)
        spans = self._counts_spans
        k = bisect_left(spans, (v.start, v.end))
        if k == len(spans) or spans[k] != (v.start, v.end) or k not in self._lists:
            return []
        first, last = self._lists[k]
        return spans[first:last + 1]

    def _list_part(self, claim: Claim, v: Value, hits: list[Hit]
                   ) -> tuple[str, str | None] | None:
        """"carrying 181 passengers and 8 crew": a count of a list of counts is a part of
        the whole the list makes — unless the claim's own cue is its noun ("5 orang tewas
        dan 20 luka-luka": 5 is the claim's count of the dead). (Why, the list's sum.)"""
        items = self._list_of(v)
        if not items:
            return None
        noun = words_after(self.text, v.end, NOUN_PHRASE_WORDS, self.language, self.span[1])
        counters = _folded_phrases(get_pack(self.language).counters)
        while noun and fold_phrase(noun[0].text) in counters:
            noun = noun[1:]
        own, _ = self._own_cues(claim.id)
        at = bisect_left(own, noun[0].start) if noun else len(own)
        if at < len(own) and own[at] == noun[0].start:
            return None  # the claim's own cue is the count's noun
        if at < len(own) and len(noun) > 1 and own[at] == noun[1].start and \
                noun[0].key in self._unit_keys(claim.id):
            return None  # … or follows a noun another claim counts by ("26.299 korban
            # luka berat dan ringan" for the injured: victims, injured)
        if noun and fold_phrase(noun[0].text) in _folded_phrases(
                get_pack(self.language).other_words) and self._said_of(
                    claim, noun[0]) and not self._others_than_own(claim, v, hits):
            return None  # … or says what befell the others ("and 112 others survived")
        if claim.unit_words and self._labelled(claim, v, own):
            return None  # "… and 68,188 hectares of water area": its cue labels it
        # a cue inside an item's words before the next count names that item ("6 people
        # killed and 20 injured"); after the last one it may speak of the whole list
        # ("8 crew and 181 passengers on board"), so only its first word counts there
        after = next((a for a, _ in items if a > v.start), None)
        if after is not None and bisect_left(own, v.end) < bisect_left(own, after):
            return None
        before = [b for _, b in items if b <= v.start]
        j = bisect_left(own, v.end)
        if after is None and before and j < len(own):
            gap = fold_phrase(self.text[v.end:own[j]])
            if any(h.item != claim.id and before[-1] <= h.start < v.start
                   and fold_phrase(self.text[before[-1]:h.start]) == gap for h in hits):
                return None  # the item before says the same of another claim's cue: each
                # item names its kind ("8 orang mengalami luka berat dan 9 orang mengalami
                # luka ringan"; not "8 crew and 181 passengers on board")
        shown = ", ".join(self.text[a:b] for a, b in items)
        if self._canonical is None:
            self._canonical = {(u.start, u.end): u.canonical for u in self.values}
        by_value = self._canonical
        try:
            total = sum(float(by_value[span]) for span in items)
        except ValueError:  # a range among them: no one sum
            return f"one of a list of counts ({shown})", None
        together = format_number(total)
        return f"one of a list of counts ({shown}; together {together})", together

    def _age_of_name(self, claim: Claim, v: Value) -> str | None:
        """The capitalised name a number with an age suffix right before it is the age of
        ("40-year-old Adam Nur"), when no word of the claim stands in the words after."""
        pattern = pack_pattern(self.language, "age_suffixes", r"[ \t-]*(?:{w})[ \t]+")
        digits = _LAST_DIGIT.match(self.text, v.start, v.end)
        m = pattern.match(self.text, digits.end()) if pattern and digits else None
        if m is None:
            return None
        words = words_after(self.text, m.end(), NOUN_PHRASE_WORDS, self.language,
                            self.span[1], stop_at_small=False)
        keys = [w.key for w in words]
        if not words or not words[0].text[:1].isupper() or any(
                find_phrase(keys, p) >= 0 for p in _own_phrases(claim, self.language)):
            return None
        return " ".join(w.text for w in words if w.text[:1].isupper())

    def _whole_divided(self, claim: Claim, v: Value) -> str | None:
        """"Of" (and a total word) right before a number, when no cue of the claim names
        what the number counts ("Dari total 76 penumpang, diketahui 51 selamat", "Of the
        162 on board, 70 were found"): the whole the sentence goes on to divide."""
        pattern = _whole_before(self.language)
        lead = self.text[max(self.span[0], v.start - 30):v.start]
        m = pattern.search(lead) if pattern is not None else None
        if m is None or self.text[self.span[0]:v.start - len(lead) + m.start()].strip(
                " \"'“‘(") != "":
            return None  # (only opening the sentence: "two of 10" is a part, read elsewhere)
        starts, _ = self._own_cues(claim.id)
        end = self.sentence.segment(v.start)[1]
        if any(v.end <= c < end for c in starts):
            return None  # "Dari 76 penumpang, …" for a claim on the passengers, "Dari 12
            # negara yang ambil bagian, …" for the teams: its count
        return m.group(0).strip() + " " + v.raw

    def _sum_of_before(self, v: Value) -> str | None:
        """The counts of the sentence before a value that a total word labels, when they
        add up to it ("tujuh orang, … korban luka 19, jadi totalnya 26 orang"): it is their
        sum, no count of any one of them."""
        total = pack_pattern(self.language, "total_words",
                             r"(?<![\w-])(?:{w})(?:nya)?\W{0,3}(?:[^\W\d_]+\s+)?$")
        if total is None or not total.search(self.text, max(self.span[0], v.start - 30),
                                             v.start):
            return None
        before = [u for u in self.values if u.kind == ValueKind.QUANTITY
                  and u.end <= v.start and ".." not in u.canonical]
        if len(before) < 2:
            return None
        try:
            parts = [float(u.canonical) for u in before]
            whole = float(v.canonical)
        except ValueError:
            return None
        if abs(sum(parts) - whole) > 1e-9:
            return None
        return " + ".join(u.raw for u in before)

    def _others_than_own(self, claim: Claim, v: Value, hits: list[Hit]) -> bool:
        """Whether the count before "others" in the sentence counts what the claim counts,
        with no cue of its own between ("Five of the attackers and two others were
        confirmed dead": the others are no attackers; but "four people dead and 30 others
        missing" are two counts, each with its own cue)."""
        before = [u for u in self.values if u.kind == ValueKind.QUANTITY and u.end <= v.start]
        if not before:
            return False
        lo = before[-1].end
        own = _own_phrases(claim, self.language)
        if any(lo <= h.start < v.start and phrase_keys(self.text[h.start:h.end],
                                                      self.language) not in own
               for h in hits):
            return False  # a cue between that is none of the claim's words: its predicate
        keys = [k for _, _, k in tokens(self.text, lo, v.start, self.language)]
        return any(find_phrase(keys, p) >= 0 for p in own)

    def _said_of(self, claim: Claim, others: Word) -> bool:
        """Whether a cue of the claim opens within a few words after the word ``others``,
        in the same stretch (no comma): it says what befell those counted ("112 lainnya
        beruntung selamat", "52 others were injured")."""
        starts, _ = self._own_cues(claim.id)
        after = words_after(self.text, others.end, PREDICATE_REACH, self.language,
                            self.span[1], stop_at_small=False)
        # right after it, a cue is the noun "other" qualifies ("52 other crew members"),
        # except where modifiers follow their noun ("52 prajurit lainnya" ends the phrase)
        # or after the plural of another of the pack's words, a noun ("30 others missing")
        pack = get_pack(self.language)
        folded = fold_phrase(others.text)
        plural = any(folded == fold_phrase(w) + "s" for w in pack.other_words)
        first = 0 if pack.modifiers_follow or plural else 1
        return any(w.start in starts for w in after[first:])

    def _title_case(self) -> bool:
        """Whether every word of the sentence after its first, but small words, opens with
        a capital, and there are a few (a headline in title case: "Crash Kills 22 People";
        once a sentence)."""
        if self._titled is None:
            small = small_words(self.language)
            words = [w for w in WORD.findall(self.text, *self.span)[1:]
                     if w[:1].isalpha() and fold_phrase(w) not in small]
            self._titled = len(words) >= TITLE_WORDS and all(w[:1].isupper() for w in words)
        return self._titled

    def _unit_keys(self, but: str) -> frozenset[str]:
        """The keys of the first unit words of every claim but ``but`` (once a claim)."""
        keys = self._unit_word_keys.get(but)
        if keys is None:
            keys = self._unit_word_keys[but] = frozenset(
                k for c in self.claims.claims if c.id != but
                for ws in (c.unit_words or {}).values()
                for w in ws for k in phrase_keys(w, self.language)[:1])
        return keys

    def _labelled(self, claim: Claim, v: Value, own: list[int]) -> bool:
        """Whether the claim's own cue follows the count's unit, joined to it by a small
        word or two ("68,188 hectares of water area"): it names the count. Not a cue
        right after the unit, which may speak of the whole list ("8 crew and 181
        passengers on board")."""
        unit = self._unit_end(claim, v)
        if unit is None:
            return False
        small = small_words(self.language)
        for joined, w in enumerate(words_after(self.text, unit[1], 3, self.language,
                                               self.span[1], stop_at_small=False)):
            k = bisect_left(own, w.start)
            if k < len(own) and own[k] == w.start:
                return joined > 0
            if fold_phrase(w.text) not in small:
                return False
        return False

    def _edition(self, claim: Claim, v: Value, hits: list[Hit]) -> str | None:
        """The name an ordinal numbers ("Asian Games ke-17", "the 17th Asian Games"): an
        edition of it, not a rank — unless a cue of the claim stands by the ordinal or
        the name, or is the name ("gelar ke-13 Indonesia", "its 14th Thomas Cup title":
        titles), or the name before it owns it ("Indonesia's fifteenth title")."""
        starts, ends = self._own_cues(claim.id)

        def touches(lo: int, hi: int) -> bool:  # a cue on, or right by, text[lo:hi]
            k, j = bisect_left(starts, hi), bisect_right(ends, lo)
            if k > j:  # cues ending by lo all start before hi: the others overlap it
                return True
            return (k < len(starts) and starts[k] - hi <= 3
                    and not self.text[hi:starts[k]].strip()) or \
                (j > 0 and lo - ends[j - 1] <= 3 and not self.text[ends[j - 1]:lo].strip())

        if touches(v.start, v.end):
            return None
        before = _NAME_END.search(self.text, max(self.span[0], v.start - 80), v.start)
        after = _NAME_START.match(self.text, v.end, min(self.span[1], v.end + 80))
        names = []
        for m in (before, after):
            if m is None:
                continue
            lo = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            hi = m.start() + len(m.group(0).rstrip())
            if touches(lo, hi):
                return None
            names.append((lo, hi, m is before))
        for lo, hi, is_before in names:
            if is_before and (not self.text[self.span[0]:lo].strip()
                              or re.search(r"['’]s?$", self.text[lo:hi])):
                continue  # it opens the sentence ("Peringkat ke-4"), or owns the ordinal
            return self.text[lo:hi]
        return None

    def _in_cue(self, item: str, lo: int, hi: int, hits: list[Hit]) -> bool:
        """Whether ``lo``..``hi`` (a value, a word) lies inside a cue (not a keyword
        passage) of the claim."""
        own = self._cue_spans.get(item)
        if own is None:
            own = self._cue_spans[item] = sorted(
                (h.start, h.end) for h in hits if h.item == item and not _is_keywords(h))
        k = bisect_right(own, (lo, hi + 1))
        return any(s <= lo and hi <= e for s, e in own[max(0, k - 3):k])

    def _unit_end(self, claim: Claim, v: Value) -> tuple[int, int, list[str]] | None:
        """The claim's unit word after the value (memoised: refusals, list parts and
        distances all ask). See ``_find_unit_end``."""
        key = (claim.id, v.start, v.end)
        if key not in self._units:
            self._units[key] = self._find_unit_end(claim, v) or (
                (v.end, v.end, []) if self._inherits_unit(claim, v) else None)
        return self._units[key]

    def _inherits_unit(self, claim: Claim, v: Value) -> bool:
        """Whether a count with no unit word takes one the sentence gives it: from the whole
        an opening "of" names ("Of the 65 people on board, 31 have been rescued"), or as
        "others" of a count of the unit before it ("four people dead and 30 others
        missing")."""
        units = _phrases_of(claim.id, self.language, tuple(
            w for ws in (claim.unit_words or {}).values() for w in ws))
        pack = get_pack(self.language)
        nxt = words_after(self.text, v.end, 1, self.language, self.span[1],
                          stop_at_small=False)
        others = bool(nxt) and fold_phrase(nxt[0].text) in _folded_phrases(pack.other_words)
        opening = _OPENING_WHOLE.match(self.text, self.span[0], v.start)
        if opening is not None:
            words = [m.group(0) for m in WORD.finditer(opening.group("noun"))]
            if not words or fold_phrase(words[0]) not in {
                    fold_phrase(w) for w in pack.partitive_before_number}:
                opening = None
        if not others and opening is None:
            return False
        lo = self.span[0] if others or opening is None else opening.start("noun")
        keys = [k for _, _, k in tokens(self.text, lo, v.start, self.language)]
        return any(find_phrase(keys, u) >= 0 for u in units)

    def _find_unit_end(self, claim: Claim, v: Value) -> tuple[int, int, list[str]] | None:
        """The claim's unit word after the value ("26 kg", "lima mesinnya", "12 eight-car
        CR400AF trains"), matched in any inflection, within the noun phrase the number
        heads: (its start, its end, the plain lower-case words before it, which narrow
        what is counted: "seven elevated stations"). None when no unit word follows."""
        written = [w for ws in (claim.unit_words or {}).values() for w in ws]
        # a unit written with a sign is matched as written: "60%", "60 %", "250km/h",
        # "300 km/jam", "25 °C" (its letters are no words of their own)
        for sign in (w for w in written if any(not (ch.isalnum() or ch.isspace())
                                              for ch in w)):
            at = v.end + 1 if self.text[v.end:v.end + 1] == " " else v.end
            end = at + len(sign)
            if (end <= self.span[1] and self.text[at:end].casefold() == sign.casefold()
                    and not (sign[-1:].isalnum() and self.text[end:end + 1].isalnum())):
                return at, end, []
        units = sorted(_phrases_of(claim.id, self.language, tuple(written)), key=len,
                       reverse=True)
        tail = WORD.findall(v.raw)[-1:]  # "270.2 million" for the unit word "million":
        if tail and not tail[0][0].isdigit() and (word_key(tail[0], self.language),) in units:
            at = v.end - len(tail[0])  # the scale the number was read with is the unit
            if self.text[at:v.end] == tail[0]:
                return at, v.end, []
        limit = UNIT_REACH + max((len(u) for u in units), default=0)
        phrase = words_after(self.text, v.end, limit, self.language, self.span[1],
                             stop_at_small=False)
        if not phrase or self.text[v.end:phrase[0].start].strip() not in ("", "-"):
            return None  # the unit follows the number directly, or joined ("16-km line")
        aside = _ASIDE_AFTER.match(self.text, phrase[-1].end, self.span[1])
        if aside is not None:  # "320 kilometers (199 miles) per hour": the unit goes on
            phrase += words_after(self.text, aside.end(), limit - len(phrase), self.language,
                                  self.span[1], stop_at_small=False)
        keys = [w.key for w in phrase]
        # "eight-car trains": a number joined to a word by a hyphen counts that word
        reach = 1 if self.text[v.end:v.end + 1] == "-" else min(UNIT_REACH + 1, len(phrase))
        for i in range(reach):
            if i and self.text[phrase[i].start - 1] == "-" and _is_number(
                    phrase[i - 1].text, self.language):
                continue  # the "car" of "eight-car" is eight's, not this number's
            if i and fold_phrase(phrase[i - 1].text) in _prepositions(self.language):
                break  # "3 Menteri Tentang Hari Libur": a unit past a preposition is in a
                # phrase of its own; the number counts the noun before it
            if i and self.text[phrase[i].start - 1] != "-" and (
                    phrase[i - 1].text[:1].isdigit() or fold_phrase(phrase[i - 1].text)
                    in _counting_words(get_pack(self.language))):
                break  # "100 Orang Tewas Dan Membuat Ratusan Rumah Rusak": a unit after
                # another count is that count's
            for unit in units:
                if tuple(keys[i:i + len(unit)]) != unit:
                    continue
                end = phrase[i + len(unit) - 1].end
                # "350 km/h" is a speed, not kilometres (unless the claim's unit is km/h)
                if _COMPOUND_UNIT.match(self.text, end):
                    return None
                counters = _folded_phrases(get_pack(self.language).counters)
                narrowing = [w.text for w in phrase[:i] if _narrows(self.text, w, self.language)
                             and fold_phrase(w.text) not in counters]  # "13 titik stasiun"
                return phrase[i].start, end, narrowing + self._narrowed_after(claim, v, unit,
                                                                               end)
        return None

    def _narrowed_after(self, claim: Claim, v: Value, unit: tuple[str, ...], end: int
                        ) -> list[str]:
        """In a language whose modifiers follow the noun, a plain word right after a unit
        that is also the claim's cue narrows what is counted when the text enumerates
        kinds: a list of counts of that noun ("tujuh stasiun layang dan enam stasiun bawah
        tanah") or of others ("dua pilot, empat awak kabin, dan 156 penumpang"), or a colon
        after the phrase ("7 stasiun layang: Lebak Bulus, …"). Alone,
        the word after the noun may be its predicate ("60.000 penonton tiba"); after a
        unit of measure it names what is measured ("1.000 hektare lahan"); after a clitic
        the predicate begins ("dua dari lima mesinnya mati")."""
        pack = get_pack(self.language)
        if not pack.modifiers_follow or unit not in _phrases_of(
                claim.id, self.language, tuple(claim.cues.get(self.language, []))):
            return []
        last = self.text[max(0, end - 40):end].split()[-1:] or [""]
        written = fold_phrase(last[0])
        if written != unit[-1] and written.endswith(tuple(c.lower() for c in pack.clitics)):
            return []  # "lima mesinnya mati": a clitic closes the noun phrase
        after = words_after(self.text, end, 3, self.language, self.span[1])
        if not after or not _narrows(self.text, after[0], self.language) or verb_like(
                after[0].text, self.language):
            return []
        colon = any(self.text[w.end:w.end + 2].lstrip(" ")[:1] == ":" for w in after)
        if colon or self._kinds_listed(v, unit) or len(self._list_of(v)) > 1:
            return [after[0].text]  # (in a list of counts, the parts of a whole: "dua
            # pilot, empat awak kabin, dan satu teknisi")
        return []

    def _kinds_listed(self, v: Value, unit: tuple[str, ...]) -> bool:
        """Whether another count of the value's list counts the same noun ("tujuh stasiun
        layang dan enam stasiun bawah tanah")."""
        counters = _folded_phrases(get_pack(self.language).counters)
        for a, b in self._list_of(v):
            if (a, b) == (v.start, v.end):
                continue
            words = words_after(self.text, b, len(unit) + 2, self.language, self.span[1],
                                stop_at_small=False)
            while words and fold_phrase(words[0].text) in counters:
                words = words[1:]
            if tuple(w.key for w in words[:len(unit)]) == unit:
                return True
        return False

    def _modifier_unit(self, claim: Claim, v: Value, unit_start: int, unit_end: int
                       ) -> str | None:
        """"87,072 train trips": a unit word in another form than the claim's ("trains"),
        followed by a noun, modifies that noun, which is what the number counts (English
        and other languages whose plurals are inflections)."""
        if unit_start == unit_end:
            return None  # a unit the sentence gives it ("30 others"), not written after it
        if get_pack(self.language).inflection != "lemma":
            return None
        written = fold_phrase(self.text[unit_start:unit_end]).strip(" -")
        forms = {fold_phrase(w) for ws in (claim.unit_words or {}).values() for w in ws}
        if written in forms:
            return None
        nxt = words_after(self.text, unit_end, 1, self.language, self.span[1])
        if nxt and _common(nxt[0].text):
            return f"{self.text[v.start:nxt[0].end]!r}: the unit word modifies {nxt[0].text!r}"
        return None

    def _hit_index(self, hits: list[Hit]) -> tuple[list[Hit], list[int], list[str]]:
        """The sentence's hits by start, their starts and their claims (once a sentence:
        each value of a long sentence asks)."""
        cached = self._hits_by_start
        if cached is None or cached[0] is not hits:
            ordered = sorted(hits, key=lambda h: h.start)
            cached = (hits, ordered, [h.start for h in ordered],
                      list(dict.fromkeys(h.item for h in ordered)))
            self._hits_by_start = cached
        return cached[1], cached[2], cached[3]

    def _counts(self, claim: Claim, v: Value, unit_end: int, hits: list[Hit]
                ) -> tuple[str, str] | None:
        """What the words after a quantity say it counts: the claim's noun (fine), a kind of
        it ("seven elevated stations"), another noun ("eight thrusters") or the noun of
        another claim of the sentence. A number with a fraction counts nothing: the noun
        after it is what it measures ("the magnitude 6.1 earthquake")."""
        if unit_end <= v.end and _fractional(v.canonical):
            return None
        pack = get_pack(self.language)
        counters = _folded_phrases(pack.counters)
        rest = _folded_phrases(pack.other_words)  # "52 others", "52 prajurit lainnya"
        first = words_after(self.text, unit_end, 3, self.language, self.span[1],
                            stop_at_small=False) if rest else []
        others_word = next((w for w in first if fold_phrase(w.text) in rest), None)
        if others_word is not None:
            if self._said_of(claim, others_word) and not self._others_than_own(
                    claim, v, hits):
                return None  # the others the claim's cue speaks of: its count
            return "counts-other", f"counts {_shown(first)!r}: others than the whole"
        together = self._counted_together(claim, v, unit_end)
        if together is not None:  # "239 passengers and crew"
            return "counts-other", (f"counts {together!r} together, not only what the claim "
                                    "counts")
        margin = pack_pattern(self.language, "margin_words", r"\s+(?:{w})(?![\w-])")
        behind = margin.match(self.text, unit_end) if margin and unit_end > v.end else None
        if behind is not None:  # "rallied from two goals down"
            return "margin", f"a margin ({self.text[v.start:behind.end()]!r}), not a count"
        added = self._increment(claim, v, unit_end)
        if added is not None:
            return "counts-other", f"counts those added ({added!r}), not the whole"
        words = words_after(self.text, unit_end, NOUN_PHRASE_WORDS, self.language,
                            self.span[1])
        while words and fold_phrase(words[0].text) in counters:
            words = words[1:]
        own = _own_phrases(claim, self.language)
        heads = {phrase[0] for phrase in own if phrase}  # "tersangka" looks like a verb
        verb = next((i for i, w in enumerate(words)
                     if w.key not in heads and verb_like(w.text, self.language)), None)
        if verb is not None:  # "7,7 SR mengguncang …", "M 7,7 dirasakan": a verb ends it
            words = words[:verb]
        if words and fold_phrase(words[0].text) in _folded_phrases(pack.glued_units) \
                and not claim.unit and not claim.unit_words:
            return "counts-other", (f"a measure in {words[0].text!r}; the claim counts no "
                                    "unit (\"70 km away\" is no magnitude)")
        if not words or fold_phrase(words[0].text) in _folded_phrases(pack.glued_units):
            return None  # nothing after it, or a unit of measure ("weighs 26 kg")
        keys = [w.key for w in words]
        at = min((i for i in (find_phrase(keys, p) for p in own) if i >= 0), default=-1)
        ordered, starts, items = self._hit_index(hits)
        lo = bisect_left(starts, words[0].start)
        hi = bisect_left(starts, words[-1].end)
        if at < 0:  # the claim's own cue opens among them, though it runs past them
            # ("26.299 korban luka ringan dan berat" for the cue "luka ringan dan berat")
            at = next((i for h in ordered[lo:hi] if h.item == claim.id
                       for i, w in enumerate(words) if w.start == h.start), -1)
        for h in ordered[lo:hi]:  # cues among the words after it: a few, however long
            if h.item != claim.id and (at < 0 or h.start < words[at].start):
                return "counts-other", f"counts {_shown(words)!r}, named by a cue of {h.item}"
        others = [self.claims.claim(item) for item in items if item != claim.id]
        for other in others:
            if at < 0 and any(find_phrase(keys, p) >= 0
                              for p in _own_phrases(other, self.language)):
                return "counts-other", f"counts {_shown(words)!r}, words of {other.id}"
        if at < 0 and all(w.text[:1].isupper() for w in words) and not self._title_case():
            # "Ten Australians were on board", "5 WNA": a named group, a part of the whole
            return "qualified", (f"counts {_shown(words)!r}, a group named in capitals: a "
                                 "kind of what the claim counts")
        if claim.unit_words or currency_of(self.text, v.start, v.end, pack) is not None:
            return None  # a measure or an amount: the words after it name what is measured
        if at < 0:
            if any(_common(w.text) for w in words):
                return "counts-other", f"counts {_shown(words)!r}, not what the claim counts"
            return None
        if at > 0 and _predicate_after_noun(words, at, self.language):
            return None  # "717 pilgrims died", "717 jemaah meninggal dunia": the cue says
            # what befell the noun the number counts, not which kind of it
        qualifiers = [w for w in words[:at] if _common(w.text)]
        if pack.modifiers_follow and not verb_like(words[at].text, self.language):
            # (after a verb, its complement: "717 orang meninggal dunia")
            length = next((len(p) for p in own if find_phrase(keys, p) == at),
                          len(words) - at)  # (a cue that runs past the words)
            ends = _phrase_ends(self.language)  # "tewas setelah pesawat …": a clause
            after = list(takewhile(lambda w: fold_phrase(w.text) not in ends,
                                   words[at + length:]))
            qualifiers += [w for w in after if _common(w.text)]
        if qualifiers:
            return "qualified", (f"counts a kind of what the claim counts "
                                 f"({_shown(words)!r})")
        return None

    def _others_after(self, v: Value) -> str | None:
        """A later clause of the sentence, opened by a contrast joiner, that counts the
        others ("…, sedangkan 2 lainnya di Pos Polisi", "…, while the other two …"): the
        count before it is a part of a whole split in two."""
        pattern = _others_pattern(self.language)
        found = self.sentence.matches(pattern, self.text) if pattern else []  # once a sentence
        m = next((m for m in found if m.start() >= v.end), None)
        return m.group(0).strip(" ,") if m else None

    def _counted_together(self, claim: Claim, v: Value, unit_end: int) -> str | None:
        """The noun phrase a number heads, when the claim's noun right after the number is
        joined to another noun that no phrase of the claim names ("239 passengers and
        crew", "239 penumpang dan kru"): the number counts both. Another number a few words
        after the joiner gives the second noun its own count ("227 passengers and 12 crew",
        "lightly damaged 22,090 homes"). Not for a measure: "weighs 1,200 kg and stands on
        four legs" joins two clauses."""
        if claim.unit:
            return None
        end = unit_end
        if end <= v.end:
            words = words_after(self.text, v.end, NOUN_PHRASE_WORDS, self.language,
                                self.span[1])
            keys = [w.key for w in words]
            own = [p for p in _own_phrases(claim, self.language) if find_phrase(keys, p) == 0]
            if not own:
                return None
            end = words[max(map(len, own)) - 1].end
        joiner = pack_pattern(self.language, "list_joiners", r"\s+(?:{w})\s+")
        m = joiner.match(self.text, end, self.span[1]) if joiner else None
        if m is None:
            return None
        nxt = WORD.match(self.text, m.end(), self.span[1])
        if nxt is None:
            return None
        word = nxt.group(0)
        folded = fold_phrase(word)
        pack = get_pack(self.language)
        ahead = WORD.findall(self.text, m.end(), min(self.span[1], m.end() + 60))[:AHEAD]
        if (any(_number_word(w, pack) for w in ahead)
                or (len(folded) > 4 and folded.endswith(tuple(pack.participle_endings)))
                or folded in stopword_set(self.language) or verb_like(word, self.language)
                or any(word_key(word, self.language) in p
                       for p in _own_phrases(claim, self.language))):
            return None
        return self.text[v.start:nxt.end()]

    def _increment(self, claim: Claim, v: Value, unit_end: int) -> str | None:
        """An increment word by the count ("3 new suspects", "3 tersangka baru",
        "tambahan 3 tersangka", "an additional 3"): it counts those added, not the whole;
        unless the claim counts the added ones itself (the word in its statement or
        cues)."""
        before = pack_pattern(self.language, "increment_words", r"(?<![\w-])({w})\s+$")
        after = pack_pattern(self.language, "increment_words", r"(?<![\w-])({w})(?![\w-])")
        if before is None or after is None:
            return None
        m = before.search(self.text, max(self.span[0], v.start - INCREMENT_BEFORE), v.start)
        if m is None:
            pack = get_pack(self.language)
            counters = _folded_phrases(pack.counters)
            words = words_after(self.text, unit_end, 3, self.language, self.span[1],
                                stop_at_small=False)
            while words and fold_phrase(words[0].text) in counters:
                words = words[1:]  # "3 orang tersangka baru"
            # the word that qualifies the count's noun: before it ("3 new suspects"), or
            # after it where modifiers follow their noun ("3 tersangka baru"), or right
            # after the count when the unit word was its noun ("3 tersangka baru")
            at = 1 if pack.modifiers_follow and unit_end == v.end else 0
            hit = words[at].text if len(words) > at and after.fullmatch(words[at].text) \
                else None
        else:
            hit = m.group(1)
        if hit is None or not _common(hit) or _claims_increment(claim, self.language,
                                                                  fold_phrase(hit)):
            return None  # "Ibu Kota Baru 256 Ha": a name, not an increment
        return hit

    def _other_occurrence(self, claim: Claim) -> str | None:
        """The sentence names another occurrence of what the claim ranks: its cues or its
        statement name the first shipment ("pengiriman pertama", "the first batch") and
        the sentence the third ("Pengiriman ketiga vaksin … tiba pada Selasa"). Once a
        claim and sentence."""
        if claim.id not in self._occurrence:
            own = claim_ranks(claim, self.language)
            found = None
            if own:
                for noun, rank, words in ranked_nouns(self.text, self.sentence.start,
                                                      self.sentence.end, self.language):
                    if noun in own and rank not in own[noun]:
                        found = (f"another occurrence ({words!r}); the claim speaks of rank "
                                 f"{'/'.join(map(str, sorted(own[noun])))} of it")
                        break
            self._occurrence[claim.id] = found
        return self._occurrence[claim.id]

    def _earlier_state(self, v: Value) -> str | None:
        """Why a category read is an earlier state, for a claim whose statement gives the
        final one ("was finally sentenced to life"): an earlier word before it in its
        sentence ("sebelumnya … memvonis … 36 tahun", "In the earlier trial, …"), or a change
        after it ("36 years in prison, a term that was extended to life")."""
        for key in ("previous_words", "earlier_words", "first_words"):  # ("In the
            pattern = pack_pattern(self.language, key)  # earlier trial, he was …")
            m = pattern.search(self.text, self.sentence.start, v.start) if pattern else None
            if m is not None:
                return (f"an earlier state ({m.group(0)!r}); the claim's statement gives the "
                        "final one")
        change = pack_pattern(self.language, "change_verbs")
        m = change.search(self.text, v.end, self.sentence.end) if change else None
        if m is not None:
            return (f"changed afterwards ({m.group(0)!r}); the claim's statement gives the "
                    "final one")
        return None

    def _ranked_noun(self, h: Hit, v: Value) -> str | None:
        """The noun an ordinal ranks when it is not the cue's: the word right after it
        (before it where the language puts modifiers after their noun: "percobaan ketiga"),
        with the cue not within a few words on that side ("his third attempt … president";
        "the 8th Indonesian president" ranks the president)."""
        pack = get_pack(self.language)
        if pack.modifiers_follow:
            words = list(WORD.finditer(self.text, max(self.span[0], v.start - 40), v.start))
            word = words[-1] if words and not self.text[words[-1].end():v.start].strip() \
                else None
            near = h.end <= v.start and word_gap(self.text, (h.start, h.end),
                                                  (v.start, v.end)) < RANKED_WITHIN
        else:
            word = WORD.match(self.text, v.end + 1) if self.text[v.end:v.end + 1] == " " \
                else None
            near = h.start >= v.end and word_gap(self.text, (v.start, v.end),
                                                  (h.start, h.end)) < RANKED_WITHIN
        if word is None or near or h.start <= word.start() < h.end:
            return None
        text = word.group(0)
        if not text.isalpha() or text.lower() in stopword_set(self.language):
            return None
        return text

    def _clauses_apart(self, h: Hit, v: Value) -> bool:
        """Whether a comma, a semicolon or a clause word that joins no list ("but",
        "tetapi") stands between a cue and a value ("passengers and crew" joins two
        nouns, not two clauses)."""
        lo, hi = (h.end, v.start) if h.end <= v.start else (v.end, h.start)
        if any(c in ",;:" for c in self.text[lo:hi]):
            return True
        pattern = _clause_breaks(self.language)
        return pattern is not None and pattern.search(self.text, lo, hi) is not None

    def _cue_refusal(self, claim: Claim, h: Hit, v: Value) -> tuple[str, str] | None:
        """Why this cue cannot take the value (decision, reason), or None."""
        clause = self.sentence.segment(v.start)
        if clause != self.sentence.segment(h.start) and self._clauses_apart(h, v):
            owner = next((o for o in self._sentence_hits if o.item != claim.id
                          and clause[0] <= o.start < clause[1]), None)
            if owner is not None:  # "built to hold 1,225 detainees but now holds over
                # 2,000": each clause's values are its own cue's, taken or not
                return "other-cue", (f"in another clause, with a cue of its own "
                                     f"({owner.text!r} of {owner.item})")
        cleft = self.sentence.cleft
        if cleft is not None and cleft[0] <= v.start < cleft[1] and h.start < cleft[2]:
            return "cleft", ("the focus of \"it was … that\": it belongs to what follows "
                             f"{self.text[cleft[1]:cleft[2]].strip()!r}")
        if not self.sentence.together((h.start, h.end), v.start):
            value_aside = self.sentence.aside_of(v.start)
            if value_aside is not None:
                where = self.text[value_aside[0]:value_aside[1]].strip()
                return "aside", f"in an aside the cue {h.text!r} is not in: {where[:60]!r}"
            return "aside", f"the cue {h.text!r} is in an aside the value is not in"
        if claim.type == "quantity":
            qualifier = subset_qualifier(self.text, self.sentence, (h.start, h.end))
            if qualifier is not None and not any(
                    fold_phrase(qualifier) in fold_phrase(c)
                    for c in claim.cues.get(self.language, [])):
                return "qualified", (f"the cue {h.text!r} is qualified by {qualifier!r}: it "
                                     "counts a part of what the claim counts")
        if claim.type == "ordinal" and v.kind == "ordinal":
            noun = self._ranked_noun(h, v)
            if noun is not None:
                return "other-rank", (f"the ordinal ranks {noun!r} (\"his third attempt\"), "
                                      f"not what the cue {h.text!r} names")
        if claim.type in ("date", "year", "period"):
            life = life_marker(self.text, self.sentence, v.start,
                               h.end if h.end <= v.start else None)
            if life is not None and not any(fold_phrase(life) in fold_phrase(c)
                                            for c in claim.cues.get(self.language, [])):
                return "life-date", f"a date of a life ({life!r}), not of the event"
        if claim.type == "category" and v.start >= h.end and v.raw[:1].isupper():
            # (a name: "They won the final 3-2" gives the score all the same)
            pronoun = subject_pronoun(self.text, self.sentence, h.start, self._spans)
            if pronoun is not None:
                return "pronoun-subject", (f"the cue's subject is {pronoun!r}: a name after "
                                           "the cue is another than the one it speaks of")
        comparison = compared(self.text, self.sentence, (h.start, h.end), (v.start, v.end))
        if comparison is not None:
            return "compared", f"compared with the cue ({comparison!r}), not its value"
        rival = self._rival_nearer(h, v)
        if rival is not None:
            return "other-cue", f"nearer {rival!r}, another event than the cue {h.text!r}"
        if claim.type in ("date", "year", "period"):
            why = self._other_occasion(h, v)
            if why is not None:
                return "other-occasion", why
        else:
            why = self._another_occurrence(h)
            if why is not None:
                return "other-occasion", why
            if claim.occasion is not None:
                why = self._other_item_year(claim.occasion, v,
                                            part_of_span=claim.type == "quantity")
                if why is not None:
                    return "other-occasion", why
        if claim.window is not None:
            gap = word_gap(self.text, (h.start, h.end), (v.start, v.end))
            if gap > claim.window:
                return "out-of-window", (f"{gap} words from the cue {h.text!r}, farther than "
                                         f"the claim's window ({claim.window})")
        return None

    def _other_item_year(self, occasion: tuple[int, int], v: Value,
                         part_of_span: bool = False) -> str | None:
        """Why a value is of another year than the claim's ``when``, though the sentence
        writes that year too: the years its own clause writes ("2.897 ekor pada tahun
        2018, …, 3.303 ekor pada tahun 2021"), or those of a clause right before it that
        writes years and nothing else ("Pada tahun 2018, populasi komodo 2.897 ekor").
        Years inside cues date nothing."""
        self._years_written(self.passed)
        lo, hi = self.sentence.segment(v.start)
        years = self._years_between(lo, hi)
        if not years and lo > self.span[0]:
            a, b = self.sentence.segment(lo - 1)
            if bisect_left(self._undated, b) == bisect_left(self._undated, a):
                years = self._years_between(a, b)  # an opening clause of years only
        if part_of_span and years and occasion[1] > occasion[0] and all(
                y0 == y1 and occasion[0] <= y0 <= occasion[1] for y0, y1 in years):
            # an amount of one year of the claim's period ("Rp 15 trillion for Nusantara
            # in 2025" for 2025..2029): a part of the period's, not its whole
            return (f"its own clause is dated {', '.join(sorted({str(y) for y, _ in years}))}"
                    f", one year of {occasion[0]}..{occasion[1]} (when): a part of the "
                    "period")
        if not years or any(y0 <= occasion[1] and occasion[0] <= y1 for y0, y1 in years):
            return None
        shown = ", ".join(sorted({str(y0) if y0 == y1 else f"{y0}..{y1}"
                                  for y0, y1 in years}))
        return (f"its own clause is dated {shown}, not {occasion[0]}"
                + (f"..{occasion[1]}" if occasion[1] != occasion[0] else "") + " (when)")

    def _years_written(self, hits: list[Hit]) -> list[tuple[int, tuple[int, int]]]:
        """(where, years) of the years the sentence writes in four digits outside cues, and
        (in ``_undated``) where its other values start; once a sentence, with the cues of
        its first asker (all the sentence's cues)."""
        if self._dated is None:
            cues = sorted((c.start, c.end) for c in hits)
            dated: list[tuple[int, tuple[int, int]]] = []
            undated: list[int] = []
            for w in self.values:
                written = written_years(w)
                if written is None:
                    undated.append(w.start)
                elif not _inside_any(cues, w.start):
                    dated.append((w.start, written))
            self._dated, self._undated = sorted(dated), sorted(undated)
        return self._dated

    def _years_between(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The years written from ``lo`` to ``hi`` (at most a few: a clause's)."""
        dated = self._dated or []
        k = bisect_left(dated, (lo,))
        out: list[tuple[int, int]] = []
        while k < len(dated) and dated[k][0] < hi and len(out) < 8:
            out.append(dated[k][1])
            k += 1
        return out

    def _other_occasion(self, h: Hit, v: Value) -> str | None:
        """Why a date beside a cue is of another occasion: an earlier one ("last won"), a
        commemoration ("the anniversary of the landing, on 23 August 2024") or an event
        reckoned from the cue's ("the day before the final, Saturday 16 October")."""
        def before(key: str) -> str | None:
            return word_before(self.text, self.sentence, h.start, self._spans, key)

        # a day, or the year a day gives (a year claim reads "Sabtu, 18 Agustus 2018")
        day = v.kind == "date" or (v.kind == "year" and any(
            w.kind == "date" and (w.start, w.end) == (v.start, v.end) for w in self.values))
        word = as_of_word(self.text, self.sentence, v.start)
        if word is not None and day and self._bounds(
                self.claims.claim(h.item), v) != ("end", ("end", word)):
            # (a span's end is an end claim's date: "hingga 7 Januari" for "ended on")
            return f"{word!r} before the date: the day a count or state stood at, not an event"
        word = said_on(self.text, self.sentence, (v.start, v.end), (h.start, h.end),
                       self._spans, self._cues_of.get(h.item, [])
                       ) if day and v.end <= self.span[1] else None
        if word is not None:
            return f"after {word!r} and its speaker: the day it was said, not of the event"
        if day and not (v.start <= h.start < v.end):
            speech = said_after(self.text, self.sentence, (v.start, v.end))
            if speech is not None and not any(  # unless the saying is the event
                    s <= speech[1] < e for s, e in self._cues_of.get(h.item, [])):
                return (f"before a speaker and {speech[0]!r}: the day it was said, not of "
                        "the event")
            word = tallied_on(self.text, self.sentence, v.start)
            if word is not None:
                return f"after a count ({word!r} …): the day the count stood at"
            word = dated_source(self.text, self.sentence, (v.start, v.end))
            if word is not None:
                return (f"between a source and {word!r}: the day the source told it, not "
                        "of the event")
            word = closing_date_verb(self.text, self.sentence, (v.start, v.end),
                                     (h.start, h.end))
            if word is not None:
                return (f"closes a sentence whose verb {word!r} acts on the cue "
                        f"{h.text!r}: the day of that, not of the cue's event")
        word = self._ongoing(h, v) if v.kind == "date" else None
        if word is not None:
            return (f"{word!r} by the cue {h.text!r}: the date is a moment its event was "
                    "still going on, not the day it happened")
        word = before("previous_words")
        if word is not None:
            return f"{word!r} before the cue {h.text!r}: an earlier occasion"
        why = self._another_occurrence(h)
        if why is not None:
            return why
        word = before("commemoration_words") or self._after_cue(h, "commemorated_words")
        if word is not None and not self._attached(h, v):
            return f"{word!r} before the cue {h.text!r}: the date of a commemoration"
        word = self._topic_of(h, v, before("topic_nouns"))
        if word is not None:
            return (f"{word!r} before the cue {h.text!r}: the cue names what a case or "
                    "hearing is about, and the date is of that")
        reckoned = self._offset_before(v)
        if reckoned is not None:
            return (f"{reckoned!r} right before the date: the day an event is reckoned "
                    "from, not the cue's")
        word = word_before(self.text, self.sentence, h.start, self._spans, "offset_words",
                           reach=OFFSET_REACH)
        if word is not None and (v.end <= h.start or (
                self.sentence.segment(v.start) != self.sentence.segment(h.start)
                and not self._after_places(h, v)) or self._verb_between(h, v)):
            return (f"{word!r} before the cue {h.text!r}: the date of an event reckoned "
                    "from it")
        return None

    def _other_day(self, claim: Claim, h: Hit, v: Value, hits: list[Hit]
                   ) -> tuple[int, int] | None:
        """Where the sentence dates what it tells, when that is another day than every
        one the claim's statement names and the sentence names none of those: the count
        or measure is then most likely of another occasion (an aftershock on the Friday,
        a second closure on 30 April). Not for claims whose value is a date; dates a count
        stood at or a saying was made are no event's."""
        if claim.type in ("date", "year", "period"):
            return None
        days = statement_days(claim.statement, tuple(sorted(claim.cues))) or tuple(
            (d, _weekday_of(d)) for d in self.claims.event_days(claim.id))
        if not days:
            return None
        other = None
        periods = [(w.start, w.end) for w in self.values if w.kind == "period"]
        dates = [w for w in self.values if w.kind == "date" or (
            # a count's year ("In 2018, about 200 people were on board" for a claim on a
            # sinking of 2021), not one a span names ("the first since 2002")
            w.kind == "year" and claim.type == "quantity"
            and not any(a <= w.start < b for a, b in periods))]
        if self.doc.published_date is None:  # "pada Jumat" is read only from a known date
            dates += [Value(ValueKind.DATE, "", lo, hi, self.text[lo:hi], weekday=wd,
                            relative=True)
                      for lo, hi, wd in weekdays_named(self.text, *self.span, self.language)
                      if not _inside_any(self._spans, lo)]
        own = self.sentence.aside_of(v.start)
        for w in dates:  # in the value's own clause ("banjir yang terjadi pada 1 Januari"
            # dates the flood, not the losses claimed for it)
            if w.start == v.start or self.sentence.aside_of(w.start) != own or \
                    self._in_cue(claim.id, w.start, w.end, hits):
                continue
            agreed = _on_days(w, days)
            if agreed is None or self._other_occasion(h, w) is not None:
                continue
            if agreed:
                return None
            other = other or (w.start, w.end)
        return other

    def _verb_between(self, h: Hit, v: Value) -> bool:
        """Whether a verb (by the pack's ``verb_prefixes``) stands between a cue and a date
        after it ("hilang setelah erupsi Gunung Marapi akhirnya ditemukan pada Rabu": the
        date is of the finding, not of the eruption the cue names)."""
        return v.start >= h.end and any(verb_like(w, self.language)
                                        for w in WORD.findall(self.text, h.end, v.start))

    def _offset_before(self, v: Value) -> str | None:
        """An offset word right before a date ("pidato kenegaraan menjelang 17 Agustus
        2019", "the rehearsal ahead of 1 March"): the date the event is reckoned from. Not
        the words of a period ("since", "until", "sejak", "hingga"), whose date is the
        value's bound."""
        pattern = offset_pattern(self.language)
        if pattern is None:
            return None
        m = pattern.search(self.text, max(self.span[0], v.start - 24), v.start)
        return m.group(1) if m else None

    def _ongoing(self, h: Hit, v: Value) -> str | None:
        """A word that says the cue's event was still going on (the pack's
        ``ongoing_words``: "still", "continues to", "masih"), a few words after the cue or
        between it and a date after it with no comma between it and the date ("the fire
        was still burning a day later on 7 September", "the fire continues to spread"): the
        date is a moment of that, not the day of the event."""
        word = self._after_cue(h, "ongoing_words", reach=4) or word_before(
            self.text, self.sentence, h.start, self._spans, "ongoing_words")
        if word is not None or v.start < h.end:  # (before it: "masih terus terjadi erupsi")
            return word
        pattern = pack_pattern(self.language, "ongoing_words")
        if pattern is None:
            return None
        found = None
        for m in pattern.finditer(self.text, h.end, v.start):
            found = m
        if found is None or re.search(r"[,;:()]", self.text[found.end():v.start]):
            return None
        return found.group(0)

    def _after_places(self, h: Hit, v: Value) -> bool:
        """Whether only the cue's place stands between it and a date after it, its commas
        included ("Pasca gempa di Palu Donggala, Sulawesi Tengah pada Jumat, 28 …"): names
        and small words, no other clause."""
        between = self.text[h.end:v.start]
        if len(between) > PLACE_CHARS or any(ch in between for ch in ";:()"):
            return False
        if any(h.end <= w.start and w.end <= v.start for w in self.values):
            return False  # another value between: "after its eruption, today, 15 February"
        small = small_words(self.language)
        words = WORD.findall(between)
        return bool(words) and all(w[:1].isupper() or fold_phrase(w) in small for w in words)

    def _another_occurrence(self, h: Hit) -> str | None:
        """Why the cue tells of another occurrence of its event than the claim's: a
        repeat word by it ("another earthquake", "gempa susulan") or opening its sentence
        ("Another quake, measuring 7 on the Richter scale")."""
        word = word_before(self.text, self.sentence, h.start, self._spans,
                           "repeat_words") or self._after_cue(h, "repeat_words")
        if word is not None:
            return f"{word!r} by the cue {h.text!r}: another occurrence of it"
        word = self._opening_repeat(h)
        if word is not None:
            return f"the sentence opens with {word!r}: it tells of another occurrence"
        return None

    def _opening_repeat(self, h: Hit) -> str | None:
        """A repeat word that opens the sentence before a noun, ahead of the cue:
        "Another quake, measuring 7 on the Richter scale, …" tells of another quake than
        the claim's, whatever its cue ("another 20 people" is a count added); so does a
        determiner and an other-word ("The others were, in chronological order: …")."""
        others = _opening_others(self.language)
        m = others.match(self.text, self.sentence.start) if others else None
        if m is not None and m.end() <= h.start and fold_phrase(m.group(0)) not in {
                fold_phrase(w) for w in get_pack(self.language).listing_openers}:
            return m.group(0).strip()  # "The others were, in chronological order: …"
            # (not a phrase that opens a list: "Antara lain, …")
        pattern = pack_pattern(self.language, "repeat_words",
                               r"\W{0,3}((?:{w}))\s+([^\W\d_][\w-]*)")
        m = pattern.match(self.text, self.sentence.start) if pattern else None
        if m is None or m.end() > h.start or fold_phrase(m.group(2)) in _counting_words(
                get_pack(self.language)):
            return None
        return m.group(1)

    def _after_cue(self, h: Hit, key: str, reach: int = 3) -> str | None:
        """A word of the pack's list ``key`` in the few words right after a cue, with no
        punctuation or value between ("erupsi yang kembali terjadi")."""
        pattern = pack_pattern(self.language, key)
        if pattern is None:
            return None
        words = list(WORD.finditer(self.text, h.end, min(self.span[1], h.end + 80)))[:reach]
        if not words:
            return None
        end = words[-1].end()
        stop = re.search(r"[,;:()\d]", self.text[h.end:end])
        m = pattern.search(self.text, h.end, h.end + stop.start() if stop else end)
        return m.group(0) if m else None

    def _topic_of(self, h: Hit, v: Value, word: str | None) -> str | None:
        """The topic noun before the cue when it makes the cue the topic of other
        proceedings ("saksi terkait kasus kebakaran …, Selasa (22/9)", "the trial over
        the fire"): not when the noun opens the sentence right before the cue ("Kasus
        kebakaran itu terjadi pada …": the cue's event is the subject) or the date is the
        cue's own, right after it or in a relative clause of it ("kasus kebakaran yang
        terjadi pada 22 Agustus")."""
        if word is None or h.start < v.end <= h.end:
            return None
        # (a date before the cue is the day of what befell the topic: "pada Kamis, tiga
        # korban kebakaran meninggal")
        lead = WORD.findall(self.text, h.end, v.start) if v.start >= h.end else []
        prefixes = {p.lower() for p in get_pack(self.language).date_prefixes}
        if v.start >= h.end and len(lead) <= 1 and all(
                w.lower() in prefixes or len(w) <= 3 for w in lead):
            return None  # right after the cue: "kasus kebakaran pada 22 Agustus", "in 2020"
        at = self.text.rfind(word, self.sentence.start, h.start)
        if any(a <= at < b for spans in self._cues_of.values() for a, b in spans):
            return None  # a word of a cue ("the isbat meeting determines that …")
        if at < 0 or (not WORD.search(self.text, self.sentence.start, at)
                      and not self.text[at + len(word):h.start].strip()):
            return None  # "Kasus kebakaran … terjadi": the case opening the sentence is
            # the cue's event ("The trial over the fire opened on …" is the trial's)
        if len(lead) <= TOPIC_CLAUSE_WORDS and any(
                pattern is not None and pattern.fullmatch(w) for w in lead[:4]
                for pattern in (pack_pattern(self.language, "relative_pronouns"),
                                pack_pattern(self.language, "bare_relative"))):
            return None  # in a relative clause of the cue: "kebakaran yang terjadi pada …"
        return word

    def _attached(self, h: Hit, v: Value) -> bool:
        """Whether a value is written right beside the cue ("the landing on 23 August")."""
        gap = word_gap(self.text, (h.start, h.end), (v.start, v.end))
        return gap == 0 or (v.start >= h.end and gap <= 2)

    def _measured_distance(self, claim: Claim, h: Hit, v: Value) -> int:
        """The distance from a cue after a quantity to the end of its unit: the unit and a
        gloss of it are the value's own words ("27 kilometers (km) northeast of Donggala"
        is as near its cue as "27 km northeast")."""
        if claim.type == "quantity" and claim.unit_words and v.end <= h.start:
            unit = self._unit_end(claim, v)
            if unit is not None:
                end = unit[1]
                gloss = _GLOSS_AFTER.match(self.text, end, h.start)
                return self._distance(h, replace(v, end=gloss.end() if gloss else end))
        return self._distance(h, v)

    def _distance(self, h: Hit, v: Value) -> int:
        """Characters between a cue and a value, plus a penalty for each clause boundary
        between them: constant time per pair."""
        if v.start < h.end and h.start < v.end:
            # a keyword passage spans the words between its keywords, values too: a cue
            # right by the value is nearer ("prison was designed to house 1,225 inmates")
            return KEYWORD_INSIDE if _is_keywords(h) else 0
        lo, hi = (h.end, v.start) if h.end <= v.start else (v.end, h.start)
        b = self.sentence.boundaries
        crossed = bisect_left(b, hi) - bisect_left(b, lo)
        # a relative clause and the phrase it hangs on go together, but a value of the
        # cue's own clause comes first ("launched from Sriharikota, which opened in 1971,
        # in 2019")
        if self.sentence.aside_of(v.start) != self.sentence.aside_of(h.start):
            crossed += 2
        return hi - lo + CLAUSE_PENALTY * crossed

    # ------------------------------------------------------------------ trace
    def _explain_absent(self, hits: list[Hit]) -> None:
        for c in self.trace:
            traced = self.claims.find(c)
            if not isinstance(traced, Claim) or c not in {h.item for h in hits}:
                continue
            claim = traced
            kinds = {v.kind for v in self.values if v.kind != claim.type}
            if claim.type == "category":
                if not any(s.item == c and s.sentence == self.span and s.value
                           for s in self.out.trace):
                    names = ", ".join(sorted(claim.signals()))
                    self._step(c, "no-value", f"no signal word of any category ({names}) in "
                               "this sentence")
                continue
            for v in self.values:
                if v.kind != claim.type and not any(
                        s.item == c and s.value == (v.start, v.end) for s in self.out.trace):
                    self._step(c, "wrong-kind",
                               f"a {v.kind}, the claim reads {claim.type} values", value=v)
            if not any(s.item == c and s.sentence == self.span and s.value
                       and s.kind == claim.type for s in self.out.trace) and not any(
                    v.kind == claim.type for v in self.values):
                also = f" (only {', '.join(sorted(kinds))})" if kinds else ""
                self._step(c, "no-value", f"no {claim.type} in this sentence{also}")

    def _step(self, item: str, decision: str, reason: str, value: Value | None = None,
              cue: Hit | None = None, distance: int | None = None) -> None:
        self.out.trace.append(self._make_step(item, decision, reason, value, cue, distance))

    def _make_step(self, item: str, decision: str, reason: str, value: Value | None = None,
                   cue: Hit | None = None, distance: int | None = None) -> TraceStep:
        v = value
        return TraceStep(self.doc.id, item, self.span, decision, reason,
                         cue=(cue.start, cue.end) if cue else None,
                         cue_text=cue.text if cue else None,
                         value=(v.start, v.end) if v else None, raw=v.raw if v else None,
                         kind=str(v.kind) if v else None, canonical=v.canonical if v else None,
                         how=v.how if v else None, distance=distance)


# a unit that goes on with "/" and a short unit ("km/h", "km/jam", "kg/m2"): another unit
_COMPOUND_UNIT = re.compile(r"/\s?[^\W\d_]{1,4}\b")
_ASIDE_AFTER = re.compile(r"\s*\([^()]{1,60}\)\s*")


# "(", "(about", "(sekitar", "(≈" and a currency before the converted amount
_CONVERSION_OPEN = re.compile(r"\(\s*(?:[^\W\d_]{1,8}\.?\s+|[≈~]\s*)?\S{0,4}\s*$")


@by_language
@lru_cache(maxsize=1024)
@lru_cache(maxsize=4096)
def statement_days(statement: str, languages: tuple[str, ...]
                   ) -> tuple[tuple[str, int | None], ...]:
    """The days (canonical date, weekday) a claim's statement names, read in English
    first, then in the claim's languages: ("2022-11-21", 0) for "on Monday 21 November
    2022". Month and year alone name no day."""
    for lang in dict.fromkeys(("en", *languages)):
        days = tuple((v.canonical, _weekday_of(v.canonical) if v.weekday is None
                      else v.weekday)
                     for v in read_values(statement, lang)
                     if v.kind == "date" and not v.relative
                     and (len(v.canonical) == 10 or v.canonical.startswith("--")))
        if days:
            return days
    return ()


def _weekday_of(canonical: str) -> int | None:
    try:
        return dt.date.fromisoformat(canonical).weekday()
    except ValueError:  # "--11-21": no year, no weekday
        return None


def _on_days(w: Value, days: tuple[tuple[str, int | None], ...]) -> bool | None:
    """Whether the date ``w`` falls on one of the statement's ``days`` (or between the
    first and last of them), a month or a year by its year: None when it cannot tell (a
    day reckoned from the publication date without a weekday)."""
    if w.relative:  # "pada Jumat": its weekday is written, its date reckoned
        known = [d for _, d in days if d is not None]
        return None if w.weekday is None or not known else w.weekday in known
    if w.canonical.startswith("--") or any(c.startswith("--") for c, _ in days):
        if len(w.canonical) != 10:
            return None
        return w.canonical[-5:] in {c[-5:] for c, _ in days}
    if len(w.canonical) != 10:  # a month ("2022-11") or a year: its year, or none
        year = w.canonical[:4]
        return year in {c[:4] for c, _ in days} if year.isdigit() else None
    full = sorted(c for c, _ in days)
    return full[0] <= w.canonical <= full[-1]


def _statement_keys(statement: str, language: str) -> frozenset[str]:
    """The word keys of a claim's statement (once a statement and language)."""
    return frozenset(word_key(w, language) for w in WORD.findall(statement))


def _loose(keys: Sequence[str]) -> tuple[str, ...]:
    """Keys that match a word's derived forms too: a sentence with "berkapasitas" speaks
    of "kapasitas" (what a claim's about and not_about ask), though it is no cue of it."""
    return tuple(k.removeprefix(DERIVED) for k in keys)


def _fractional(canonical: str) -> bool:
    """Whether a quantity is one number with a fraction ("6.1"; not "6", "5..8")."""
    try:
        return not float(canonical).is_integer()
    except ValueError:
        return False


def _is_keywords(h: Hit) -> bool:
    """A passage matched by a claim's keywords (it spans words in between, values too)."""
    return h.text.startswith("keywords: ")


def _shown(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _is_number(word: str, language: str) -> bool:
    return word[:1].isdigit() or word.lower() in get_pack(language).numbers


def _narrows(text: str, word: Word, language: str) -> bool:
    """A plain lower-case word before a unit ("elevated" in "seven elevated stations")
    narrows what is counted; names, codes, numbers and compounds ("eight-car", "CR400AF",
    "high-speed") describe it."""
    compound = text[word.start - 1:word.start] == "-" or text[word.end:word.end + 1] == "-"
    return _common(word.text) and not compound and \
        word.text.lower() not in get_pack(language).numbers


INCREMENT_BEFORE = 24  # characters before a count searched for "tambahan", "additional"


def _claims_increment(claim: Claim, language: str, word: str) -> bool:
    """Whether the claim itself counts what was added: the increment word (or, for the
    statement, one of English's) is in its cues or its statement ("2,000 new houses")."""
    if any(word in fold_phrase(c).split() for c in claim.cues.get(language, [])):
        return True
    statement = fold_phrase(claim.statement).split()
    return any(fold_phrase(w) in statement for w in get_pack("en").increment_words)


def _predicate_after_noun(words: Sequence[Word], at: int, language: str) -> bool:
    """Whether the claim's phrase at ``at`` in the words after a number is the predicate
    of the noun before it rather than the noun counted: in a language whose modifiers
    follow the noun, a cue after another noun that is a verb or one of the pack's
    ``predicate_words`` ("717 jemaah meninggal", "5 rumah rusak berat"; not "pasang mata
    penonton", a noun of a noun); elsewhere, a cue after a plural noun ("717 pilgrims
    died"), not after an adjective ("seven elevated stations")."""
    pack = get_pack(language)
    if pack.modifiers_follow:  # a verb, or a word of a state, not a noun ("mata penonton")
        cue = words[at]
        return verb_like(cue.text, language) or fold_phrase(cue.text) in _folded_phrases(
            pack.predicate_words)
    last = words[at - 1]
    folded = fold_phrase(last.text)
    return (folded.endswith("s") and not folded.endswith(("ss", "us", "is"))
            and last.key != folded and _common(last.text))


def _common(word: str) -> bool:
    """A common (lower-case, non-numeric) word: proper names and codes name, they do not
    qualify ("13 MRT stations" are all the stations)."""
    return word[:1].islower() and not any(ch.isdigit() for ch in word)


@lru_cache(maxsize=4096)
def _folded_phrases(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({fold_phrase(w) for w in words if fold_phrase(w)}, key=len,
                        reverse=True))


@by_language
@cache
def _others_pattern(language: str) -> re.Pattern[str] | None:
    """A contrast joiner after a comma, then a count of the others: "sedangkan 2 lainnya",
    "while the other two", "whereas 2 others"."""
    pack = get_pack(language)
    if not pack.contrast_joiners or not pack.other_words:
        return None
    joiners, others = alt(pack.contrast_joiners), alt(pack.other_words)
    number = rf"(?:\d+|{alt(pack.numbers)})"
    # a classifier may stand between ("dua orang lagi"); a noun names another group
    # ("10 warga lainnya luka-luka": other residents); a short word may open it ("the")
    counter = rf"(?:\s+(?:{alt(pack.counters)}))?"
    return re.compile(rf",\s*(?:{joiners})\s+(?:[^\W\d_]{{1,4}}\s+)?(?:{number}{counter}"
                      rf"\s+(?:{others})|(?:{others})\s+{number})(?![\w-])", re.IGNORECASE)


AHEAD = 3  # words after "and" in which a count gives the next noun one of its own ("and
# lightly damaged 22,090 homes"); farther, it counts something else ("and crew members,
# including 155 Indonesians")


def _number_word(word: str, pack: LanguagePack) -> bool:
    """A number in digits or words, or a vague one ("puluhan ribu", "thousands", "several":
    the pack's ``quantifiers``)."""
    if word[0].isdigit():
        return True
    folded = fold_phrase(word)
    counted = _counting_words(pack)
    return folded in counted or folded.removesuffix("an") in counted or \
        folded.removesuffix("s") in counted


@cache
def _counting_words(pack: LanguagePack) -> frozenset[str]:
    """The words of a pack that give a count: numbers, scales, multipliers, quantifiers."""
    return frozenset({*pack.numbers, *pack.scales, *MULTIPLIER_WORDS,
                      *_folded_phrases(pack.quantifiers)})


def _own_phrases(claim: Claim, language: str) -> tuple[tuple[str, ...], ...]:
    """The inflection keys of every phrase that names what a claim is about: its cues,
    keywords, about-words and unit words, in one language, and the noun its statement
    counts ("140 people were on board": people)."""
    noun = statement_noun(claim.statement, language) if claim.type == "quantity" else None
    return _phrases_of(claim.id, language, tuple(
        [*claim.cues.get(language, []), *(claim.keywords or {}).get(language, []),
         *(w for group in claim.topic(language) for w in group),
         *(claim.unit_words or {}).get(language, []), *([noun] if noun else [])]))


@by_language
@lru_cache(maxsize=4096)
def statement_noun(statement: str, language: str) -> str | None:
    """The word right after the first number of a claim's statement, unless it is a
    small word: what the statement counts ("Five Australians were killed")."""
    pack = get_pack(language)
    numbers = {fold_phrase(w) for w in pack.numbers}
    small = small_words(language)
    words = WORD.findall(statement)
    for a, b in pairwise(words):
        if (a[:1].isdigit() or fold_phrase(a) in numbers) and b[:1].isalpha():
            return None if fold_phrase(b) in small else b
    return None


@by_language
@lru_cache(maxsize=16384)
def _phrases_of(claim_id: str, language: str, phrases: tuple[str, ...]
                ) -> tuple[tuple[str, ...], ...]:
    return tuple(k for k in (phrase_keys(p, language) for p in phrases) if k)


@by_language
@cache
def _whole_before(language: str) -> re.Pattern[str] | None:
    """"Of" (and a total word or a determiner) right before a number: "Dari total", "Of
    the"."""
    pack = get_pack(language)
    words = (*pack.total_words, *sorted(partitive_determiners(language)))
    totals = "|".join(re.escape(w) for w in words)
    return pack_pattern(language, "partitive_before_number",
                        rf"(?<![\w-])(?:{{w}})\s+(?:(?:{totals or '(?!x)x'})\s+)?$")


@by_language
@cache
def _opening_others(language: str) -> re.Pattern[str] | None:
    """A determiner and an ``other_words`` word opening a sentence ("The others were …",
    "The other crashes …"): it tells of other occurrences than the claim's."""
    pack = get_pack(language)
    dets = sorted(partitive_determiners(language))
    if not pack.other_words or not dets:
        return None
    words = "|".join(re.escape(w) for w in sorted(pack.other_words, key=len, reverse=True))
    articles = "|".join(re.escape(w) for w in dets)
    return re.compile(rf"\W{{0,3}}(?:{articles})\s+(?:{words})(?![\w-])", re.IGNORECASE)


@by_language
@cache
def _clause_breaks(language: str) -> re.Pattern[str] | None:
    """The pack's clause words that join no list ("but", "tetapi"; not "and", "dan")."""
    pack = get_pack(language)
    joiners = {fold_phrase(w) for w in pack.list_joiners}
    words = tuple(w for w in pack.clause_words if fold_phrase(w) not in joiners)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?![\w-])",
                      re.IGNORECASE) if words else None


@by_language
@cache
def _phrase_ends(language: str) -> frozenset[str]:
    """Words that end the noun phrase a number heads: prepositions, subordinators and
    offset words open a phrase or a clause of their own."""
    pack = get_pack(language)
    return frozenset(fold_phrase(w) for w in (*pack.prepositions, *pack.subordinators,
                                             *pack.offset_words) if " " not in w)


@by_language
@cache
def _prepositions(language: str) -> frozenset[str]:
    return frozenset(fold_phrase(w) for w in get_pack(language).prepositions)
