"""Periods: "2018-2021", "2018 to 2021", "antara 2018 dan 2021", open: "since 1996"."""

from __future__ import annotations

import re
from functools import cache

from factaudit.model import ValueKind
from factaudit.reading.languages import LanguagePack, by_language
from factaudit.reading.values.base import FLAGS, Reading, Value, ValueType, alt
from factaudit.reading.values.year import DECADE_SUFFIX


@by_language
@cache
def _patterns(pack: LanguagePack) -> tuple[re.Pattern[str], re.Pattern[str]]:
    joiners = [j for j in pack.period_joiners if not j[0].isalpha()]
    word_joiners = [j for j in pack.period_joiners if j[0].isalpha()]
    sym = "|".join(re.escape(j) for j in joiners) or "-"
    alts = [rf"(1[5-9]\d\d|20\d\d)\s*(?:{sym})\s*(\d{{4}}|\d\d)(?![\d])"]
    if word_joiners:
        alts.append(rf"(1[5-9]\d\d|20\d\d)\s+(?:{alt(word_joiners)})\s+(\d{{4}})(?![\d])")
    for opener, joiner in pack.period_between:
        alts.append(rf"\b{re.escape(opener)}\s+(1[5-9]\d\d|20\d\d)\s+{re.escape(joiner)}\s+"
                    rf"(\d{{4}})(?![\d])")
    closed = re.compile(r"(?<![\d.,/])(?:" + "|".join(alts) + ")", FLAGS)
    opener_words = alt(pack.open_period_prefixes)
    period_word = alt(pack.period_prefixes)
    # (not a decade: "sejak tahun 1870-an", "since 1990s")
    open_ = re.compile(rf"\b(?:{opener_words})\s+(?:(?:{period_word})\s+)?"
                       rf"(1[5-9]\d\d|20\d\d)(?![\d])(?!{DECADE_SUFFIX})", FLAGS)
    return closed, open_


def find(text: str, reading: Reading) -> list[Value]:
    closed, open_ = _patterns(reading.pack)
    out = []
    for m in closed.finditer(text):
        y1, y2 = [g for g in m.groups() if g][:2]
        if len(y2) == 2:
            y2 = y1[:2] + y2
        if int(y2) < int(y1):
            continue
        out.append(Value(ValueKind.PERIOD, f"{y1}..{y2}", m.start(), m.end(), m.group(0),
                         "period"))
    for m in open_.finditer(text):
        out.append(Value(ValueKind.PERIOD, f"{m.group(1)}..", m.start(), m.end(), m.group(0),
                         "open period (no end year given)"))
    return out


def parse_expected(raw: object) -> str:
    text = str(raw)
    if isinstance(raw, dict) and set(raw) <= {"from", "to"} and "from" in raw:
        text = f"{raw['from']}..{'' if raw.get('to') is None else raw['to']}"
    elif isinstance(raw, list) and len(raw) == 2:
        text = f"{raw[0]}..{raw[1]}"
    m = re.fullmatch(r"\s*(\d{4})\s*(?:\.\.|-|–|—)\s*(\d{4})?\s*", text[:100])
    if not m or (m.group(2) and int(m.group(2)) < int(m.group(1))):
        raise ValueError(f"a period is written 2018..2021 (or 2018.. if open), got {raw!r}"[:160])
    return f"{m.group(1)}..{m.group(2) or ''}"


def agrees(expected: str, found: str, tolerance: float = 0.0) -> bool:
    if expected == found:
        return True
    e_start, e_end = expected.split("..")
    f_start, f_end = found.split("..")
    # "since 2018" agrees with "2018..2021": it names the start and leaves the end open
    return e_start == f_start and (not f_end or not e_end)


TYPE = ValueType(ValueKind.PERIOD, find, parse_expected, agrees,
                 hides=frozenset({ValueKind.YEAR, ValueKind.QUANTITY}),
                 # an open period hides nothing: a year claim and a period claim both
                 # read "since 1996"
                 hides_here=lambda v: not v.canonical.endswith(".."))
