"""date-sanity: a weekday that does not match its date, or a future date written as past.

Bad:  "Rabu, 6 Juli 2021" (6 July 2021 was a Tuesday)
Bad:  "on 12 July 2021 last" in an article published on 8 July 2021
Good: "Selasa, 6 Juli 2021"; "Tuesday (6/7)" in an article of July 2021; "Senin (2/7)",
      with no year written, in a page of 2021 that writes 2018 elsewhere (2 July 2018 was a
      Monday): a date of that year
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from factaudit.matching.passages import values_around, words_pattern
from factaudit.reading.languages import by_language, get_pack
from factaudit.reading.values import Value
from factaudit.reading.values.year import written_years
from factaudit.rules import HitKind, Report, Rule, RuleContext, Severity, Verdict

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def check(ctx: RuleContext) -> Iterator[Report]:
    doc = ctx.document
    pack = get_pack(doc.language)
    selector = _selector(doc.language)
    if selector is None:
        return
    published = doc.published_date
    near = [h for h in ctx.hits(HitKind.SIGNAL) if h.item in ("weekday", "past")
            and h.language == doc.language]
    if not near:
        return
    for _, values in values_around(doc, selector, near):
        for v in values:
            if v.kind != "date" or len(v.canonical) != (10 if v.unfit_year is None else 7):
                continue
            try:
                date = dt.date.fromisoformat(v.canonical if v.unfit_year is None
                                             else f"{v.unfit_year:04d}{v.canonical[1:]}")
            except ValueError:
                continue
            guessed = v.year_guessed or v.unfit_year is not None
            if v.weekday is not None and v.weekday != date.weekday() and not (
                    guessed and _fits_a_year_written(doc.text, date, v.weekday)):
                yield _report(ctx, v, "weekday does not match the date",
                               expected=f"{_DAYS[date.weekday()]} {date}",
                               found=f"{_DAYS[v.weekday]} {date}")
            if (published is not None and published.day
                    and date > published.as_datetime().date()
                    and _written_as_past(doc, v, pack)):
                yield _report(ctx, v, "a date after the publication date "
                               f"({published}) is written as past",
                               expected=f"on or before {published}", found=v.canonical)


@by_language
@lru_cache(maxsize=32)
def _selector(lang: str) -> re.Pattern | None:
    """Where a check is possible: a weekday before a number or month name, or a past
    marker right after a number or month name."""
    pack = get_pack(lang)
    if not pack.weekdays:
        return None
    days = "|".join(re.escape(w) for w in sorted(pack.weekdays, key=len, reverse=True))
    months = "|".join(re.escape(w) for w in sorted(pack.months, key=len, reverse=True))
    alts = [rf"\b(?:{days})\b\W{{0,4}}(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:/|(?:of\s+)?"
            rf"(?:{months})\b)|\(\s*\d{{1,2}}\s*/|(?:{months})\b\.?\s+\d)"]
    if pack.past_markers:
        markers = "|".join(re.escape(w) for w in pack.past_markers)
        alts.append(rf"(?:\d{{4}}|\b\d{{1,2}}\s+(?:{months}))\W{{0,3}}(?:{markers})\b")
    return re.compile("|".join(alts), re.IGNORECASE)


def _fits_a_year_written(text: str, date: dt.date, weekday: int) -> bool:
    """Whether the document writes a year in which the day and month fall on the weekday
    written ("Senin (2/7)" in a page of 2021 that tells of 2018: 2 July 2018 was a
    Monday): the date is of that year, not of the publication's."""
    for year in written_years(text):
        try:
            if dt.date(year, date.month, date.day).weekday() == weekday:
                return True
        except ValueError:  # 29 February
            continue
    return False


def _written_as_past(doc, v, pack) -> bool:
    pattern = words_pattern(tuple(pack.past_markers))
    if pattern is None:
        return False
    after = doc.text[v.end : v.end + 12]
    before = doc.text[max(0, v.start - 12) : v.start]
    return bool(pattern.match(after.lstrip()) or pattern.search(before + " "))


def _report(ctx: RuleContext, v: Value, what: str, expected: str, found: str) -> Report:
    return ctx.report(verdict=Verdict.REFUTED, span=(v.start, v.end), expected=expected,
                      found=found, how=v.how, message=f"{v.raw!r}: {what}")


RULE = Rule(id="date-sanity", severity=Severity.ERROR, check=check,
            signals=("weekday", "past"))
