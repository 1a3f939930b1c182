"""date-sanity: a weekday that does not match its date, or a future date written as past.

Bad:  "Rabu, 6 Juli 2021" (6 July 2021 was a Tuesday)
Bad:  "on 12 July 2021 last" in an article published on 8 July 2021
Good: "Selasa, 6 Juli 2021"; "Tuesday (6/7)" in an article of July 2021
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from factaudit.findings import Finding
from factaudit.languages import by_language, get_pack
from factaudit.passages import values_around, words_pattern
from factaudit.rules import DocumentContext, Rule, example_path

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def check_document(ctx: DocumentContext) -> Iterator[Finding]:
    doc = ctx.document
    pack = get_pack(doc.language)
    selector = _selector(doc.language)
    if selector is None:
        return
    published = doc.published_date
    near = ctx.signals("weekday") + ctx.signals("past")
    if not near:
        return
    for _, values in values_around(doc, selector, near):
        for v in values:
            if v.kind != "date" or len(v.canonical) != 10 or v.canonical.startswith("-"):
                continue
            try:
                date = dt.date.fromisoformat(v.canonical)
            except ValueError:
                continue
            if v.weekday is not None and v.weekday != date.weekday():
                yield _finding(ctx, doc.id, v, "weekday does not match the date",
                               expected=f"{_DAYS[date.weekday()]} {v.canonical}",
                               found=f"{_DAYS[v.weekday]} {v.canonical}")
            if (published is not None and published.day
                    and date > published.as_datetime().date()
                    and _written_as_past(doc, v, pack)):
                yield _finding(ctx, doc.id, v, "a date after the publication date "
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


def _written_as_past(doc, v, pack) -> bool:
    pattern = words_pattern(tuple(pack.past_markers))
    if pattern is None:
        return False
    after = doc.text[v.end : v.end + 12]
    before = doc.text[max(0, v.start - 12) : v.start]
    return bool(pattern.match(after.lstrip()) or pattern.search(before + " "))


def _finding(ctx, doc_id, v, what, expected, found) -> Finding:
    return Finding(
        rule=RULE.id,
        verdict="refuted",
        severity=ctx.severity(RULE),
        message=f"{v.raw!r}: {what}",
        document=doc_id,
        start=v.start,
        end=v.end,
        expected=expected,
        found=found,
        how=v.how,
    )


RULE = Rule(
    id="date-sanity",
    description="A weekday does not match its date, or a future date is written as past.",
    severity="error",
    check_document=check_document,
    examples=example_path(__file__),
)
