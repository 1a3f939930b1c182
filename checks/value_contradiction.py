"""value-contradiction: a source states a value other than the claim's expected value.

Bad:  claim "the bridge opened in 2019"; source: "the bridge, open since 2016, …"
Good: source: "the bridge opened in 2019"; "it opened on 12 March 2019" (a year claim
      compares the year of a full date)

Each value read in a sentence that holds a cue of the claim is compared with the expected
value (for ``counts_from``: the publication year minus that year; a duration in
fractions of a year agrees within a year of it, "3 1/2 years later" in 2009 for 2006). A
value stated as a
plan or target, or a date given by a source published before that date, is reported as
info at most; so is a value so far from the expected one (more than five times off, or a
date wrong in two of year, month and day and by more than two months) that it is more
likely another fact than a slip in this one. A count in a list of counts ("181 passengers
and 8 crew") is a part: info at most, and nothing when the list adds up to the expected
value. In a document that states the expected value elsewhere as a plain fact (a number,
not a bound that holds it: "more than 50" states no 53), another
value is info too (a stage, a part, another measure), unless it is a slip of the pen: one
digit wrong, dropped, added or two swapped ("35 crew" for 53), or any value of a category.
A count off by a power of a thousand that equals the expected value at the precision
written has lost (or gained) its scale word ("256 Ha" for 256,142 ha): a slip, not
another fact, so it is reported whatever the distance.
A category read in a sentence that names the expected category too ("Oliveira held off
Quartararo to win") is info: which of the two the cue speaks of is not clear.
A claim with ``settled`` (the date its value became final: a death toll, a vote count)
reports another value in a document published before that date as info: the count was
still changing when it was written. A running count (``running``; by default a claim
with ``settled`` or whose statement calls its figure final, "the final death toll",
or writes it as what a count rose or fell to, "rose to 1,603", "bertambah menjadi 1.603")
reports a value on the side the count came from (lower, for a count that rose) as info
in a document not known to be published after it settled: an earlier count. A value past
the final one is still an error. A quantity claim that says nothing of it is a running count
when the corpus writes its figure rising or falling ("the toll rose to 43", "bertambah
menjadi 51"; pack keys ``rise_verbs``, ``fall_verbs``), in the direction written; that
weaker word does not excuse a slip of the pen or a figure within 1 % of the final one.
The rule runs on the whole corpus for that: each document's values are judged where the
document is read, and only the earlier counts are decided at the end.
A value the claim's statement names besides the expected one ("Of the 221,000 basic
quota, 203,320 places were regular": 221,000; "fined Rp 3.5 billion; prosecutors had
sought Rp 3 billion": 3 billion) is a warning: the source confuses the two figures, or
gives the other one where the claim's cue stands; but a count the source gives the noun
the statement gives that figure ("117 people (112 passengers and 5 crew)": "carrying 112
passengers") is that other fact: info. One in a sentence that denies something
("in 2018, not 1996"; "30 years ago, not 25 years ago") is a mistake the statement spells
out, and stays an error. One the statement names as the earlier figure ("revised its
earlier count of 10", "widened from 4 km to 6 km"; pack key ``earlier_words``) is info in
a document not known to be published after the claim ``settled``: the source reports the
figure before it changed.
A day counted back from the publication date ("yesterday", "two days ago"; no weekday
named) one day after the expected date is a warning: a copy published the day after it
was written puts it there; so is one a day before it, where a page dated in a time zone
behind the event's puts it.
A figure (not a date) in a sentence that dates what it tells on another day than the
claim's statement names, in the figure's own clause, and on none of the statement's days,
is a warning: the sentence most likely tells of another occasion ("magnitudo 4,1 pada
Jumat" for a quake the statement puts on Monday 21 November: an aftershock). A statement
that names no day takes the days of the date claims that share a cue with the claim, or
else of those in its file. The day a figure was said or stood at dates no occasion.
A date whole years after the expected one, to the day, in a sentence that counts those
years ("Rabu (12/10/2022) tepat 20 tahun tragedi bom Bali berlalu" for 12 October 2002), is
the day the event is remembered: info. So is a year in a sentence with that ordinal ("the
30th anniversary … in 2021" for 1991).
A date that opens or closes a range of days whose other end is the expected date ("rescued
between July 8-10" for 10 July) is info, for a claim whose statement says of no start or
end: the source gives the span the claim's day belongs to.
A date one day off the expected one, written beside a time zone (``time_zones``: "Jumat
(26/4) dini hari WIB" for a match on 25 April in Doha), is a warning: it may be the same
moment in another zone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from factaudit.inputs.claims import Claim
from factaudit.matching.clauses import (
    count_moved,
    pack_pattern,
    range_joined,
    running,
    small_words,
    span_bound,
    statement_reading,
)
from factaudit.model import Document, Mention, PartialDate
from factaudit.reading.inflection import same_stem
from factaudit.reading.languages import get_pack
from factaudit.reading.text import fold_phrase
from factaudit.reading.values import Value, agrees, near, read_values, rounds_to, slip
from factaudit.rules import Fact, Report, Rule, RuleContext, Severity, ValueKind, Verdict


@dataclass
class Judged:
    """A value of a claim's other than the expected one, as its document alone judges it:
    all but whether it is an earlier count, which the whole corpus may tell."""

    claim: str
    start: int
    end: int
    raw: str
    value: str
    expected: str
    derivation: str
    how: str
    severity: str | None  # info or warning when the document alone lowers it
    note: str  # why, when it does
    noted_first: bool  # planned, provisional or unsettled: no earlier-count note then
    slipped: bool  # one slip of the pen from the expected value ("66" for 67, "Rp 10")


@dataclass
class Judgements:
    """One document's part: its judged values, and the figures it says a count of a claim
    rose or fell to, (claim, "up" or "down", the words)."""

    document: str
    judged: list[Judged] = field(default_factory=list)
    moved: list[tuple[str, str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:  # an empty part keeps no document's outcome alive
        return bool(self.judged or self.moved)


def judge(ctx: RuleContext) -> Judgements:
    doc = ctx.document
    out = Judgements(doc.id)
    judged = []  # (mention, claim, expected, how it is derived, whether they agree)
    stated: dict[str, str] = {}  # claim → the words that state its expected value as a fact
    for m in ctx.mentions:
        claim = ctx.claims.claim(m.claim)
        if claim.consistent:
            continue
        expected, derivation = claim.expected_for(doc.published_date, m.as_of)
        if expected is None:
            continue
        agreeing = _agrees(claim, expected, m)
        if claim.type == ValueKind.QUANTITY and m.modality != "planned":
            # (a count may grow many times over: "bertambah menjadi 51" for 1,400 houses)
            moved = count_moved(doc.text, m.sentence_start, m.value_start, doc.language)
            if moved is not None:
                out.moved.append((m.claim, *moved))
        if agreeing and m.modality == "fact" and not m.uncertain and ".." not in m.value:
            stated.setdefault(m.claim, m.raw)  # (a bound that holds it states no value:
            # "Lebih Seratus" does not write 139)
        judged.append((m, claim, expected, derivation, agreeing))
    for m, claim, expected, derivation, agreeing in judged:
        if agreeing:
            continue
        planned = m.modality == "planned" or _before_the_fact(claim.type, expected,
                                                               doc.published)
        guess = m.modality == "provisional"
        unsettled = not planned and not guess and claim.unsettled_at(doc.published_date)
        scaled = _scale_slip(claim.type, expected, m.value, m.precision)
        far = not near(claim.type, expected, m.value) and not scaled
        # the document states the expected value elsewhere as a fact: another value, unless
        # a slip of the pen, is more likely another fact (a stage, a part, another measure)
        other = (m.claim in stated and claim.type != ValueKind.CATEGORY
                 and not slip(claim.type, expected, m.value) and not scaled)
        named_too = claim.type == ValueKind.CATEGORY and expected in m.also
        # "two days ago" in a copy published a day after it was written (a weekday named,
        # "on Sunday", is that day whatever the lag)
        lagged = claim.type == ValueKind.DATE and m.relative and m.weekday is None \
            and _day_after(expected, m.value)
        # … or a day before it: the page is dated in a zone behind the event's ("went
        # missing 47 days ago" on a page of the US for a plane lost on 8 March in Asia)
        behind = claim.type == ValueKind.DATE and m.relative and m.weekday is None \
            and _day_after(m.value, expected)
        zoned = claim.type == ValueKind.DATE and _day_off_in_a_zone(
            doc.text, doc.language, (m.value_start, m.value_end), expected, m.value)
        anniversary = _anniversary(claim.type, expected, m.value,
                                   doc.text[m.sentence_start:m.sentence_end], doc.language)
        # (a claim about a span's start or end compares that end: "opened on 5 September"
        # is refuted by "4 to 7 September")
        ranged = claim.type == ValueKind.DATE and span_bound(
            claim.statement, tuple(sorted({*claim.cues, doc.language}))) is None and \
            _range_holding(doc, m, expected)
        # a year written in the sentence's date ("In 2018, …"): surely another occasion
        other_year = bool(m.other_day) and _another_year(m.other_day or "", claim.statement)
        named, earlier_named = next(((raw, earlier) for value, raw, earlier in
                                     statement_figures(claim.statement, claim.type, expected,
                                                       tuple(sorted(claim.cues)))
                                     if agrees(claim.type, value, m.value)), (None, False))
        # an earlier figure in a page published after it changed is out of date: an error
        earlier_named = earlier_named and not claim.settled_by(doc.published_date)
        # a count the source gives the noun the statement gives that other figure ("112
        # passengers" for "117 people (112 passengers and 5 crew)"): that other fact
        labelled = (named if named and claim.type == ValueKind.QUANTITY and _same_noun(
            claim.statement, named, doc.text, m.value_end, doc.language) else None)
        note = (f" ({anniversary} years after it, and the sentence counts {anniversary} "
                "years: an anniversary, not the event)" if anniversary else
                f" (one end of the range {ranged!r}, whose other end is the expected date)"
                if ranged else
                " (stated as a plan)" if planned else
                " (a provisional figure: a poll, an estimate or a partial count)" if guess else
                f" (published before the figure settled on {claim.settled}: a count still "
                "changing)" if unsettled else
                " (so far from it that it is probably another fact)" if far else
                " (reckoned from the publication date, one day after the expected date: "
                "a copy published the day after it was written)" if lagged else
                " (reckoned from the publication date, one day before the expected date: "
                "the page may be dated in a time zone behind the event's)" if behind else
                f" (the document states {expected} elsewhere ({stated.get(m.claim)!r}): "
                "probably another fact)" if other else
                f" (the sentence names {expected} too: which one the cue speaks of is not "
                "clear)" if named_too else
                f" (the claim's statement names it as the earlier figure, {named!r}: the "
                "source reports it before it changed)" if earlier_named else
                f" (the claim's statement names it as another figure, {named!r}, and the "
                "source counts the same noun: that other fact)" if labelled else
                f" (the claim's statement names it as another figure, {named!r}: the "
                "source confuses the two, or gives the other)" if named else
                f" (one day off, beside a time zone ({zoned!r}): perhaps the same moment "
                "in another zone)" if zoned else
                f" (the sentence is dated {m.other_day!r}, another year than the claim's "
                "statement gives: another occasion)" if other_year else
                f" (the sentence is dated {m.other_day!r}, another day than the claim's "
                "statement gives: perhaps another occasion)" if m.other_day else "")
        severity = (Severity.INFO if anniversary or ranged or planned or guess or unsettled
                    or far or other_year
                    or other
                    or named_too or earlier_named or labelled else Severity.WARNING
                    if m.uncertain or named or zoned or lagged or behind or m.other_day
                    else None)
        out.judged.append(Judged(
            m.claim, m.value_start, m.value_end, m.raw, m.value, expected, derivation,
            f"{m.how}; attributed to cue {m.cue!r}", severity and str(severity), note,
            planned or guess or unsettled,
            scaled or slip(claim.type, expected, m.value)))
    return out


def judgement_spans(part: Judgements) -> list[tuple[int, int]]:
    return [(j.start, j.end) for j in part.judged]


JUDGEMENTS: Fact[Judgements, list[Judgements]] = Fact(
    "value-judgements-1", judge, list, Judgements, spans=judgement_spans)


def check(ctx: RuleContext) -> Iterator[Report]:
    parts: list[Judgements] = ctx.fact(JUDGEMENTS)
    moved: dict[str, dict[str, tuple[str, str]]] = {}  # claim → direction → (document, words)
    for part in parts:
        for claim_id, way, words in part.moved:
            moved.setdefault(claim_id, {}).setdefault(way, (part.document, words))
    for part in parts:
        published = ctx.info(part.document).published_date
        for j in part.judged:
            claim = ctx.claims.claim(j.claim)
            direction: str | None
            direction, shown = _direction(claim, moved.get(j.claim, {}), j.expected)
            if shown and (j.slipped or _within(j.expected, j.value, CLOSE)):
                direction = None  # the corpus's word is weaker than the claim's own
            earlier = None if j.noted_first else _earlier_count(
                claim, direction, j.expected, j.value, published)
            note = (f" ({earlier} the final figure: an earlier count of a figure that "
                    f"{'rose' if earlier == 'below' else 'fell'} while it was reported{shown})"
                    if earlier else j.note)
            yield ctx.report(
                verdict=Verdict.REFUTED, item=claim, document=part.document,
                span=(j.start, j.end),
                message=f"{claim.statement} — this source says {j.raw!r} "
                        f"({ValueKind(claim.type)} {j.value}), expected {j.expected}{note}",
                expected=j.expected, found=j.value,
                how=f"{j.how}; expected: {j.derivation}",
                severity=Severity.INFO if earlier else
                Severity(j.severity) if j.severity else None)


CLOSE = 0.01  # a figure this near the final one is a misprint more likely than a count


def _within(expected: str, found: str, share: float) -> bool:
    """Whether ``found`` (a number or a range) lies within ``share`` of ``expected``."""
    try:
        want = float(expected)
        low, _, high = found.partition("..")
        return all(abs(float(v) - want) <= share * abs(want) for v in (low, high or low))
    except ValueError:
        return False


def _whole(expected: str) -> bool:
    """Whether the expected value (canonical) is a whole number: a count, which may have
    been reported as it grew; a measure ("magnitude 6.9") is not inferred to be one."""
    try:
        return float(expected).is_integer()
    except ValueError:
        return False


def _direction(claim: Claim, moved: dict[str, tuple[str, str]], expected: str
               ) -> tuple[str | None, str]:
    """How the claim's count moved while it was reported, and the words of the corpus that
    show it when the claim does not say: its own ``running`` (or its default), else the
    rises and falls the corpus writes ("the toll rose to 15": up) for a whole number, which
    do not excuse a slip of the pen or a figure within 1 % of the final one. ``running:
    false``: never."""
    declared = running(claim)
    if declared is not None or claim.running is False or not moved or not _whole(expected):
        return declared, ""
    direction = "either" if len(moved) > 1 else next(iter(moved))
    document, words = next(iter(moved.values()))
    return direction, f", as {document} writes: {words!r}"


@lru_cache(maxsize=4096)
def statement_figures(statement: str, kind: str, expected: str, languages: tuple[str, ...]
                      ) -> tuple[tuple[str, str, bool], ...]:
    """The other values of the claim's kind that the statement writes, (value, as
    written, whether it names it as an earlier figure): "Of the 221,000 basic quota,
    203,320 places were regular" names 221,000; "…; prosecutors had sought Rp 3 billion"
    names 3 billion. A source giving one most likely gives that other figure, not a wrong
    one. "widened from 4 km to 6 km" and "revised its earlier count of 10" name 4 and 10
    as earlier figures (pack key ``earlier_words``, or "from" before the figure and "to"
    after it): a source giving one reports the state before the change. Not a figure in
    a sentence that denies something ("in 2018, not 1996"): there the statement spells
    out a known mistake, which stays an error. Read in the first language in which the
    statement shows the expected value, so that "221,000" is not read as 221."""
    read = None if kind == ValueKind.CATEGORY else statement_reading(statement, kind,
                                                                    expected, languages)
    if read is None:
        return ()
    lang, values = read
    negation = pack_pattern(lang, "negation_words")
    denied = {v.canonical for v in values if negation is not None
              and negation.search(statement, *_sentence_of(statement, v.start))}
    # a claim's statement is written in one language, maybe not the one read first
    langs = tuple(dict.fromkeys((lang, *languages)))
    return tuple((v.canonical, v.raw, any(_earlier(statement, v, values, k) for k in langs))
                 for v in values
                 if not agrees(kind, expected, v.canonical) and v.canonical not in denied)


def _same_noun(statement: str, named: str, text: str, end: int, language: str) -> bool:
    """Whether the word right after a figure in the text is the word right after the
    figure the statement names ("112 passengers" in both), and not a small word."""
    at = statement.find(named)
    said = _FIRST_WORD.match(statement, at + len(named)) if at >= 0 else None
    found = _FIRST_WORD.match(text, end)
    if said is None or found is None:
        return False
    small = small_words(language)
    a, b = fold_phrase(said.group(1)), fold_phrase(found.group(1))
    return a not in small and same_stem(a, b, language)


_FIRST_WORD = re.compile(r"[ \t]*([^\W\d_][\w-]*)")


def _earlier(statement: str, v: Value, values: list[Value], language: str) -> bool:
    """Whether the statement names the figure as an earlier one: an ``earlier_words``
    word up to three words before it ("its earlier count of 10"), or a change from it."""
    earlier = pack_pattern(language, "earlier_words",
                           r"(?<![\w-])(?:{w})(?:\W+\w+){0,2}?\W+$")
    return bool(earlier is not None and earlier.search(statement, max(0, v.start - 40),
                                                       v.start)) \
        or _changed_from(statement, v, values, language)


def _changed_from(statement: str, v: Value, values: list[Value], language: str) -> bool:
    """"from 4 km to 6 km", "dari 4 km menjadi 6 km": the figure a change started from
    (one of the pack's ``change_from`` words right before it, a ``change_to`` word and
    the next figure after it)."""
    pack = get_pack(language)
    before = pack_pattern(language, "change_from", r"(?<![\w-])(?:{w})\s+$")
    to = "|".join(re.escape(w) for w in (*pack.change_to, *pack.change_to_value))
    if before is None or not to or not before.search(statement, max(0, v.start - 12),
                                                     v.start):
        return False
    following = next((w for w in values if w.start >= v.end), None)
    return following is not None and re.search(
        rf"^\W*(?:\w+\W+){{0,2}}?(?:{to})\s+(?:\w+\s+)?$", statement[v.end:following.start],
        re.IGNORECASE) is not None


ZONE_REACH = 60  # characters on each side of a date searched for a time zone


def _day_after(expected: str, found: str) -> bool:
    """Whether ``found`` is the day after ``expected`` (full dates)."""
    try:
        return (dt.date.fromisoformat(found) - dt.date.fromisoformat(expected)).days == 1
    except ValueError:  # a partial date
        return False


def _day_off_in_a_zone(text: str, language: str, span: tuple[int, int], expected: str,
                       found: str) -> str | None:
    """The time zone written beside a date one day off the expected one ("Jumat (26/4)
    dini hari WIB" for 25 April): the same moment may fall on another day there."""
    if found.startswith("--") and expected[:4].isdigit():  # "4 April", the year unwritten
        found = expected[:4] + found[1:]
    try:
        a, b = dt.date.fromisoformat(expected), dt.date.fromisoformat(found)
    except ValueError:  # a partial date
        return None
    if abs((a - b).days) != 1:
        return None
    zones = pack_pattern(language, "time_zones", r"(?<![\w-])(?:{w})(?![\w-])")
    if zones is None:
        return None
    lo, hi = max(0, span[0] - ZONE_REACH), min(len(text), span[1] + ZONE_REACH)
    line_lo, line_hi = text.rfind("\n", lo, span[0]) + 1, text.find("\n", span[1], hi)
    m = zones.search(text, max(lo, line_lo), hi if line_hi < 0 else line_hi)
    return m.group(0) if m else None


def _sentence_of(statement: str, at: int) -> tuple[int, int]:
    lo = max((m.end() for m in _SENTENCE_END.finditer(statement, 0, at)), default=0)
    end = _SENTENCE_END.search(statement, at)
    return lo, end.start() if end else len(statement)


_SENTENCE_END = re.compile(r"[.;!?](?=\s|$)")  # not the point of "6.5 km"


def _agrees(claim: Claim, expected: str, m: Mention) -> bool:
    return (agrees(claim.type, expected, m.value, claim.tolerance)
            # "3 1/2 years later" in a page of 2009 for a count from 2006: a year less or
            # more than the difference of the years is as near as those years tell
            or _within_the_years(claim, expected, m.value)
            # "96 juta" for 96,214,691: the expected value, rounded as written
            or bool(m.precision and rounds_to(claim.type, expected, m.value, m.precision))
            # "181 passengers and 8 crew": a part of a list that adds up to it
            or bool(m.total and agrees(claim.type, expected, m.total, claim.tolerance)))


_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def _another_year(dated: str, statement: str) -> bool:
    """Whether the date a sentence is dated by writes a year, and the claim's statement
    writes years, none of them that one."""
    theirs, ours = set(_YEAR.findall(dated)), set(_YEAR.findall(statement))
    return bool(theirs and ours and not theirs & ours)


def _within_the_years(claim: Claim, expected: str, found: str) -> bool:
    """A duration in fractions of a year, counted from a year (``counts_from``), within a
    year of the difference of the years (the days of neither year are known)."""
    if claim.counts_from is None:
        return False
    try:
        years, value = float(expected), float(found)
    except ValueError:
        return False
    return not value.is_integer() and years - 1 < value < years + 1


def _earlier_count(claim: Claim, direction: str | None, expected: str, found: str,
                   published: PartialDate | None) -> str | None:
    """"below" or "above" when ``found`` lies on the side a running count came from
    (``direction``) and the document is not known to be published after the count settled:
    an earlier count."""
    if direction is None or claim.settled_by(published):
        return None
    try:  # a range ("sedikitnya 10", "at least 10") lies on a side when all of it does
        want = float(expected)
        low, _, high = found.partition("..")
        lo, hi = float(low), float(high or low)
    except ValueError:
        return None
    side = "below" if hi < want else "above" if lo > want else None
    if side is None or direction not in ("either", "up" if side == "below" else "down"):
        return None
    return side


def _scale_slip(kind: str, expected: str, found: str, precision: float | None) -> bool:
    """A count written without its scale word, or with one too many ("Luas Ibu Kota Baru
    256 Ha" for 256,142 ha: "ribu" dropped): off by a power of a thousand, and equal to
    the expected value at the precision written. A slip of the pen, not another fact."""
    if kind != ValueKind.QUANTITY or not precision:
        return False
    try:
        want, got = float(expected), float(found)
    except ValueError:  # a range
        return False
    if got == 0 or want == 0:  # nothing written at any scale is still nothing ("Rp 0")
        return False
    for k in (1, 2, 3):
        scale = 1000.0 ** k
        if abs(got * scale - want) <= precision * scale / 2 or \
                abs(got - want * scale) <= precision / 2:
            return True
    return False


def _anniversary(kind: str, expected: str, found: str, sentence: str, language: str
                 ) -> int | None:
    """The whole number of years ``found`` falls after ``expected``, when the sentence counts
    those years too ("Rabu (12/10/2022) tepat 20 tahun tragedi bom Bali berlalu", "the 20th
    anniversary, 12 October 2022" for 12 October 2002): the day the event is remembered."""
    if kind == ValueKind.DATE:
        try:
            a, b = dt.date.fromisoformat(expected), dt.date.fromisoformat(found)
        except ValueError:  # a partial date
            return None
        years = b.year - a.year if (a.month, a.day) == (b.month, b.day) else 0
        counts: tuple[ValueKind, ...] = (ValueKind.DURATION, ValueKind.ORDINAL)
    elif kind == ValueKind.YEAR and expected.isdigit() and found.isdigit():
        # a year has no day to match: only an ordinal counts ("the 30th anniversary"), not
        # a span that may run from anything ("ten years after the plans of 1981")
        years, counts = int(found) - int(expected), (ValueKind.ORDINAL,)
    else:
        return None
    if years < 1:
        return None
    counted = {v.canonical for v in read_values(sentence, language) if v.kind in counts}
    return years if str(years) in counted else None


def _range_holding(doc: Document, m: Mention, expected: str) -> str | None:
    """The range of days the found date is one end of, when the expected date is its other
    end ("rescued between July 8-10" for 10 July): the source gives the span the claim's
    day ends (or opens)."""
    text, language = doc.text, doc.language
    sentence = text[m.sentence_start:m.sentence_end]  # read as attribution read it
    dates = [v.shifted(m.sentence_start) for v in read_values(sentence, language,
                                                                doc.published_date,
                                                                doc.date_order)
             if v.kind == ValueKind.DATE and (len(v.canonical) == 10
                                              or v.canonical.startswith("--"))]
    here = (m.value_start, m.value_end)
    for other in dates:
        span = (other.start, other.end)
        if span == here:
            continue
        a, b = (here, span) if here < span else (span, here)
        if range_joined(text, a, b, language) and _same_day(other.canonical, expected):
            return text[a[0]:b[1]]
    return None


def _same_day(found: str, expected: str) -> bool:
    """Whether two dates are the same day (one without a year, "--07-10", on month and
    day)."""
    if found.startswith("--") or expected.startswith("--"):
        return found[-5:] == expected[-5:]
    return found == expected


def _before_the_fact(kind: str, expected: str, published: str | None) -> bool:
    """A source published before the date a date claim states can only have planned it
    ("the inauguration is scheduled for 18 August"): its date is a plan, not a fact."""
    if kind != "date" or not published or expected.startswith("-"):
        return False
    return published[:len(expected)] < expected[:len(published)]


RULE = Rule(id="value-contradiction", severity=Severity.ERROR, check=check, scope="corpus",
            needs=(JUDGEMENTS,))
