"""arithmetic: durations in a sentence that do not add up with the years beside them.

Counted from the document's publication year:
Bad:  "three years ago, in 2017" in an article of 2021 (2021 − 3 = 2018)
Bad:  "a partner since 1996, and in the past 20 years …" in 2021 (2021 − 1996 = 25)
Good: "three years ago, in 2018" in 2021; "sejak tahun 1996 … 25 tahun" in 2021
Good: "floods in 2007 and five years ago" (two times joined by "and", not one)
Good: "fought for nearly 30 years" since 1976, in 2005 (an approximate span holds 29)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from factaudit.matching.passages import values_around, words_pattern
from factaudit.reading.languages import by_language, get_pack
from factaudit.reading.values import MULTIPLIER_WORDS
from factaudit.reading.values.quantity import bounds
from factaudit.rules import HitKind, Report, Rule, RuleContext, Severity, Verdict


def check(ctx: RuleContext) -> Iterator[Report]:
    doc = ctx.document
    published = doc.published_date
    if published is None:
        return
    pack = get_pack(doc.language)
    selector = _selector(doc.language)
    near = [h for h in ctx.hits(HitKind.SIGNAL) if h.item == "unit"
            and h.language == doc.language]
    if selector is None or not near or not _YEAR.search(doc.text):
        return
    ago = words_pattern(tuple(pack.past_markers))
    joiners = words_pattern(tuple(pack.list_joiners))
    for _, values in values_around(doc, selector, near):
        durations = [v for v in values if v.kind == "duration"]
        # years as written ("in 2019"), not those computed from the publication date
        anchors = [v for v in values if not v.relative and (
            v.kind == "year" or (v.kind == "period" and v.canonical.endswith("..")))]
        for d in durations:
            lo, hi = bounds(d.canonical)  # "nearly 30 years": a range
            follows = doc.text[d.end : d.end + 15].lstrip()
            is_ago = ago is not None and ago.match(follows) is not None
            anchor = _nearest(d, anchors, doc.text)
            if anchor is None:
                continue
            year = int(anchor.canonical[:4])
            if anchor.kind == "year" and (not is_ago or _joined(doc.text, d, anchor, joiners)):
                continue  # "25 years … in 2018" need not be arithmetic; "ago" makes it so,
                # unless joined by "and" ("floods in 2007 and five years ago": two times)
            # "the 19-year wait since 2002 ended last year": counted to the year written
            end, until = published.year, "publication"
            if not is_ago:
                later = [int(v.canonical[:4]) for v in values if v.kind == "year"
                         and v is not anchor and year < int(v.canonical[:4]) <= published.year]
                if later:
                    end, until = max(later), "the year written"
            counted = end - year
            if lo - 1e-9 <= counted <= hi + 1e-9:
                continue
            shown = d.raw if ".." in d.canonical else d.canonical
            relation = (f"{d.raw} ago" if is_ago else d.raw) + f" and {anchor.raw}"
            yield ctx.report(
                verdict=Verdict.REFUTED, span=(d.start, d.end),
                message=f"{relation!r} do not add up: from {year} to {end} "
                        f"({until}) is {counted} years, not {shown}",
                expected=str(counted), found=d.canonical,
                how=f"{end} − {year} = {counted}; {d.how}")


_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")


@by_language
@lru_cache(maxsize=32)
def _selector(lang: str) -> re.Pattern | None:
    """A number (digits or number words) followed by a duration unit."""
    pack = get_pack(lang)
    if not pack.duration_units:
        return None
    words = sorted([*pack.numbers, *MULTIPLIER_WORDS, r"\d+"], key=len, reverse=True)
    numbers = "|".join(w if w == r"\d+" else re.escape(w) for w in words)
    units = "|".join(re.escape(u) for u in pack.duration_units)
    return re.compile(rf"\b(?:{numbers})\s+(?:{units})\b", re.IGNORECASE)


def _joined(text: str, d, anchor, joiners: re.Pattern | None) -> bool:
    """Whether a list joiner ("and", "dan") stands between the duration and the year."""
    lo, hi = (anchor.end, d.start) if anchor.end <= d.start else (d.end, anchor.start)
    return joiners is not None and joiners.search(text, lo, hi) is not None


def _nearest(d, anchors, text):
    """The year or 'since' period closest to the duration, if no sentence break is between."""
    best = None
    for a in anchors:
        lo, hi = (a.end, d.start) if a.end <= d.start else (d.end, a.start)
        if re.search(r"[.;!?]", text[lo:hi]):
            continue
        gap = hi - lo
        if best is None or gap < best[0]:
            best = (gap, a)
    return best[1] if best else None


RULE = Rule(id="arithmetic", severity=Severity.WARNING, check=check, signals=("unit",))
