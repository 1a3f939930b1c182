"""value-contradiction: a source states a value other than the claim's expected value.

Bad:  claim "the bridge opened in 2019"; source: "the bridge, open since 2016, …"
Good: source: "the bridge opened in 2019"; "it opened on 12 March 2019" (a year claim
      compares the year of a full date)

Each value read in a sentence that holds a cue of the claim is compared with the expected
value (for ``counts_from``: the publication year minus that year). A value stated as a
plan or target, or a date given by a source published before that date, is reported as
info at most; so is a value so far from the expected one (more than five times off, or a
date wrong in two of year, month and day and by more than two months) that it is more
likely another fact than a slip in this one. A count in a list of counts ("181 passengers
and 8 crew") is a part: info at most, and nothing when the list adds up to the expected
value. In a document that states the expected value elsewhere as a plain fact, another
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
with ``settled`` or whose statement calls its figure final, "the final death toll")
reports a value on the side the count came from (lower, for a count that rose) as info
in a document not known to be published after it settled: an earlier count. A value past
the final one is still an error.
A value the claim's statement names besides the expected one ("Of the 221,000 basic
quota, 203,320 places were regular": 221,000; "fined Rp 3.5 billion; prosecutors had
sought Rp 3 billion": 3 billion) is a warning: the source confuses the two figures, or
gives the other one where the claim's cue stands. One in a sentence that denies something
("in 2018, not 1996"; "30 years ago, not 25 years ago") is a mistake the statement spells
out, and stays an error.
A date one day off the expected one, written beside a time zone (``time_zones``: "Jumat
(26/4) dini hari WIB" for a match on 25 April in Doha), is a warning: it may be the same
moment in another zone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from factaudit.inputs.claims import Claim
from factaudit.matching.clauses import pack_pattern, running
from factaudit.model import Mention, PartialDate
from factaudit.reading.values import agrees, near, read_values, rounds_to, slip
from factaudit.rules import Report, Rule, RuleContext, Severity, ValueKind, Verdict


def check(ctx: RuleContext) -> Iterator[Report]:
    doc = ctx.document
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
        if agreeing and m.modality == "fact" and not m.uncertain:
            stated.setdefault(m.claim, m.raw)
        judged.append((m, claim, expected, derivation, agreeing))
    for m, claim, expected, derivation, agreeing in judged:
        if agreeing:
            continue
        planned = m.modality == "planned" or _before_the_fact(claim.type, expected,
                                                               doc.published)
        guess = m.modality == "provisional"
        unsettled = not planned and not guess and claim.unsettled_at(doc.published_date)
        earlier = _earlier_count(claim, expected, m.value, doc.published_date)
        scaled = _scale_slip(claim.type, expected, m.value, m.precision)
        far = not near(claim.type, expected, m.value) and not scaled
        # the document states the expected value elsewhere as a fact: another value, unless
        # a slip of the pen, is more likely another fact (a stage, a part, another measure)
        other = (m.claim in stated and claim.type != ValueKind.CATEGORY
                 and not slip(claim.type, expected, m.value) and not scaled)
        beside = claim.type == ValueKind.CATEGORY and expected in m.also
        zoned = claim.type == ValueKind.DATE and _day_off_in_a_zone(
            doc.text, doc.language, (m.value_start, m.value_end), expected, m.value)
        named = next((raw for value, raw in statement_figures(
            claim.statement, claim.type, expected, tuple(sorted(claim.cues)))
            if agrees(claim.type, value, m.value)), None)
        note = (" (stated as a plan)" if planned else
                " (a provisional figure: a poll, an estimate or a partial count)" if guess else
                f" (published before the figure settled on {claim.settled}: a count still "
                "changing)" if unsettled else
                f" ({earlier} the final figure: an earlier count of a figure that "
                f"{'rose' if earlier == 'below' else 'fell'} while it was reported)"
                if earlier else
                " (so far from it that it is probably another fact)" if far else
                f" (the document states {expected} elsewhere ({stated.get(m.claim)!r}): "
                "probably another fact)" if other else
                f" (the sentence names {expected} too: which one the cue speaks of is not "
                "clear)" if beside else
                f" (the claim's statement names it as another figure, {named!r}: the "
                "source confuses the two, or gives the other)" if named else
                f" (one day off, beside a time zone ({zoned!r}): perhaps the same moment "
                "in another zone)" if zoned else "")
        yield ctx.report(
            verdict=Verdict.REFUTED, item=claim, span=(m.value_start, m.value_end),
            message=f"{claim.statement} — this source says {m.raw!r} "
                    f"({ValueKind(claim.type)} {m.value}), expected {expected}{note}",
            expected=expected, found=m.value,
            how=f"{m.how}; attributed to cue {m.cue!r}; expected: {derivation}",
            severity=Severity.INFO if planned or guess or unsettled or earlier or far or other
            or beside
            else
            Severity.WARNING if m.uncertain or named or zoned else None)


@lru_cache(maxsize=4096)
def statement_figures(statement: str, kind: str, expected: str, languages: tuple[str, ...]
                      ) -> tuple[tuple[str, str], ...]:
    """The other values of the claim's kind that the statement writes, (value, as
    written): "Of the 221,000 basic quota, 203,320 places were regular" names 221,000;
    "widened from 4 km to 6 km" names 4; "…; prosecutors had sought Rp 3 billion" names 3
    billion. A source giving one most likely gives that other figure, not a wrong one. Not
    a figure in a sentence that denies something ("in 2018, not 1996"): there the
    statement spells out a known mistake, which stays an error. Read in the first language
    in which the statement shows the expected value, so that "221,000" is not read as
    221."""
    if kind == ValueKind.CATEGORY:
        return ()
    for lang in dict.fromkeys(("en", *languages)):
        values = [v for v in read_values(statement, lang) if v.kind == kind]
        if not any(agrees(kind, expected, v.canonical) for v in values):
            continue
        negation = pack_pattern(lang, "negation_words")
        denied = {v.canonical for v in values if negation is not None
                  and negation.search(statement, *_sentence_of(statement, v.start))}
        return tuple((v.canonical, v.raw) for v in values
                     if not agrees(kind, expected, v.canonical) and v.canonical not in denied)
    return ()


ZONE_REACH = 60  # characters on each side of a date searched for a time zone


def _day_off_in_a_zone(text: str, language: str, span: tuple[int, int], expected: str,
                       found: str) -> str | None:
    """The time zone written beside a date one day off the expected one ("Jumat (26/4)
    dini hari WIB" for 25 April): the same moment may fall on another day there."""
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
            # "96 juta" for 96,214,691: the expected value, rounded as written
            or bool(m.precision and rounds_to(claim.type, expected, m.value, m.precision))
            # "181 passengers and 8 crew": a part of a list that adds up to it
            or bool(m.total and agrees(claim.type, expected, m.total, claim.tolerance)))


def _earlier_count(claim: Claim, expected: str, found: str,
                   published: PartialDate | None) -> str | None:
    """"below" or "above" when ``found`` lies on the side a running count came from and the
    document is not known to be published after the count settled: an earlier count."""
    direction = running(claim)
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
    for k in (1, 2, 3):
        scale = 1000.0 ** k
        if abs(got * scale - want) <= precision * scale / 2 or \
                abs(got - want * scale) <= precision / 2:
            return True
    return False


def _before_the_fact(kind: str, expected: str, published: str | None) -> bool:
    """A source published before the date a date claim states can only have planned it
    ("the inauguration is scheduled for 18 August"): its date is a plan, not a fact."""
    if kind != "date" or not published or expected.startswith("-"):
        return False
    return published[:len(expected)] < expected[:len(published)]


RULE = Rule(id="value-contradiction", severity=Severity.ERROR, check=check)
