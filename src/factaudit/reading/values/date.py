"""Dates: "6 July 2021", "July 6, 2021", "Selasa, 6 Juli 2021", "Tuesday (6/7)",
"2021-07-06", month precision ("Oktober 2021"), relative days ("yesterday", "kemarin") and
"last Tuesday" / "Selasa lalu" against the publication date.

Candidate spans come from patterns built from the language pack; only those spans go to
dateparser, in the document's language."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from factaudit.model import PartialDate, ValueKind
from factaudit.reading.languages import LanguagePack, by_language, get_pack
from factaudit.reading.values.base import (
    FLAGS,
    Reading,
    Value,
    ValueType,
    alt,
    lookup,
    number_pattern,
    parse_number,
)


@dataclass(frozen=True)
class _Patterns:
    names: tuple[re.Pattern[str], ...]
    numeric: re.Pattern[str]
    relative: re.Pattern[str] | None
    last_weekday: re.Pattern[str] | None
    on_weekday: re.Pattern[str] | None
    relative_month: re.Pattern[str] | None
    # "hari ini setahun lalu", "today a year ago": a year reckoned from the day; "Hari
    # Ini dalam Sejarah", "today in history": a day of another year
    year_after: re.Pattern[str] | None = None
    history_after: re.Pattern[str] | None = None
    # right before a date's day: the first day of a range of days ("18-23 April 2023",
    # "antara 5 dan 7 September")
    range_start: re.Pattern[str] | None = None
    # a weekday and a list joiner right before a date's weekday ("Monday, Tuesday, April
    # 19"): weekdays listed beside dates, none bound to the date after it …
    weekday_list: re.Pattern[str] | None = None
    # … when more days follow the date's ("June 28 and 30", "April 19, 20, 21")
    day_list: re.Pattern[str] | None = None
    # right after a date's day written after its month: the last day of a range of days
    # ("July 8-10, 2018", "July 8 to 10")
    range_end: re.Pattern[str] | None = None


@by_language
@cache
def _patterns(pack: LanguagePack) -> _Patterns:
    months = alt(pack.months)
    weekdays = alt(pack.weekdays)
    wd = rf"(?:(?P<wd>{weekdays})\b\.?\s*,?\s*)?"
    year_word = rf"(?:(?:{alt(pack.duration_units)})\s+)?" if pack.duration_units else ""
    # "pekan ke-2 April": an ordinal before a month is not its day
    not_ordinal = "".join(f"(?<!{re.escape(p)})" for p in pack.ordinal_prefixes)
    names = (
        # 6 July 2021 / 6th July 2021 / Selasa 6 Juli / Tuesday, 08 July 2021
        # (… 11 April tahun 2014: the word for year may stand before it)
        re.compile(rf"\b{not_ordinal}{wd}(?P<d>\d{{1,2}})(?:(?:st|nd|rd|th)(?:\s+of)?)?(?!\d)\s+"
                   rf"(?P<m>{months})\b\.?(?:\s*,?\s*{year_word}(?P<y>\d{{4}})(?!\d))?", FLAGS),
        # July 6, 2021 / Tuesday, July 6
        re.compile(rf"\b{wd}(?P<m>{months})\b\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
                   rf"(?:\s*,\s*(?P<y>\d{{4}})(?!\d)|\s+(?P<y2>\d{{4}})(?!\d))?", FLAGS),
        # October 2021 / Oktober 2021 (month precision)
        re.compile(rf"\b(?P<m>{months})\b\.?\s+(?P<y>\d{{4}})(?!\d)", FLAGS),
    )
    # a part of the day between a weekday and its date: "Sabtu malam (8/11)"
    parts = rf"(?:\s+(?:{alt(pack.day_parts)}))?" if pack.day_parts else ""
    # Tuesday (6/7), Selasa (6/7/2021), 6/7/2021, 2021-07-06
    numeric = re.compile(
        rf"(?:\b(?P<wd>{weekdays})\b{parts}\s*,?\s*\(\s*(?P<a>\d{{1,2}})\s*/\s*(?P<b>\d{{1,2}})"
        rf"(?:\s*/\s*(?P<y>\d{{2}}|\d{{4}}))?\s*\))"
        rf"|(?<![\d/])(?P<a2>\d{{1,2}})/(?P<b2>\d{{1,2}})/(?P<y2>\d{{4}}|\d{{2}})(?![\d/])"
        # 16-10-2021, 16.10.2021: day, month and a four-digit year
        rf"|(?<![\d.-])(?P<a3>\d{{1,2}})(?P<sep>[-.])(?P<b3>\d{{1,2}})(?P=sep)"
        rf"(?P<y3>(?:1[5-9]|2\d)\d\d)"
        rf"(?![\d-]|\.\d)"
        rf"|(?<![\d-])(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?![\d-])"
        # tgl 16/10, on 16/10: a day and month after a word that introduces a date
        + (rf"|\b(?:{alt(pack.date_prefixes)})\s+(?P<a4>\d{{1,2}})/(?P<b4>\d{{1,2}})(?![\d/])"
           if pack.date_prefixes else "")
        # hari ini (17/6), yesterday (16/6): a relative day with its date in brackets
        + (rf"|\b(?:{alt(pack.relative_days)})\s*,?\s*\(\s*(?P<a5>\d{{1,2}})/"
           rf"(?P<b5>\d{{1,2}})(?:/(?P<y5>\d{{2}}|\d{{4}}))?\s*\)"
           if pack.relative_days else ""), FLAGS)
    relative = (re.compile(rf"\b(?:{alt(pack.relative_days)})\b", FLAGS)
                if pack.relative_days else None)
    last_weekday = None
    if pack.past_markers and pack.weekdays:
        markers = alt(pack.past_markers)
        last_weekday = re.compile(rf"\b(?:(?:{markers})\s+(?P<wd1>{weekdays})|(?P<wd2>"
                                  rf"{weekdays})\s+(?:{markers}))\b", FLAGS)
    on_weekday = None
    if pack.weekday_prefixes and pack.weekdays:
        # "on Tuesday", "pada Selasa" — not followed by a date ("on Tuesday, July 6")
        on_weekday = re.compile(rf"\b(?:{alt(pack.weekday_prefixes)})\s+(?P<wd>{weekdays})\b"
                                rf"(?!{parts}\.?\s*,?\s*\(?\s*\d|\.?\s*,?\s*(?:{months})\b)",
                                FLAGS)
    relative_month = (re.compile(rf"\b(?:{alt(pack.relative_months)})\b", FLAGS)
                      if pack.relative_months else None)
    year_after = (re.compile(rf"\s+(?P<y>{alt(pack.relative_years)})\b", FLAGS)
                  if pack.relative_years else None)
    history_after = (re.compile(rf"\s+(?:{alt(pack.history_words)})\b", FLAGS)
                     if pack.history_words else None)
    joiners = [*(j for j in pack.period_joiners), *(b for _, b in pack.period_between)]
    symbols = [j for j in joiners if not j[0].isalpha()]
    words = [j for j in joiners if j[0].isalpha()]
    linker = "|".join([*(rf"\s*{re.escape(j)}\s*" for j in symbols),
                       *(rf"\s+{re.escape(j)}\s+" for j in words)])
    range_start = (re.compile(rf"(?<![\d.,/:-])(?P<d0>\d{{1,2}})(?:{linker})$", FLAGS)
                   if linker else None)
    joined = "|".join([r"\s*,\s*", r"\s*&\s*",
                       *(rf"\s*,?\s+{re.escape(j)}\s+" for j in pack.list_joiners
                         if j[0].isalpha())])
    weekday_list = (re.compile(rf"\b(?:{weekdays})\b\.?(?:{joined})$", FLAGS)
                    if pack.weekdays else None)
    day_list = re.compile(rf"(?:{joined})\d{{1,2}}(?![\d/.:])", FLAGS)
    # (not "and": "on July 8 and 10 people" counts people)
    through = "|".join([*(rf"\s*{re.escape(j)}\s*" for j in pack.period_joiners
                          if not j[0].isalpha()),
                        *(rf"\s+{re.escape(j)}\s+" for j in pack.period_joiners
                          if j[0].isalpha())])
    range_end = (re.compile(rf"(?:{through})(?P<d9>\d{{1,2}})(?![\d/:]|[.,]\d)"
                            rf"(?:\s*,?\s*(?P<y9>\d{{4}})(?!\d))?", FLAGS) if through else None)
    return _Patterns(names, numeric, relative, last_weekday, on_weekday, relative_month,
                     year_after, history_after, range_start, weekday_list, day_list,
                     range_end=range_end)


def find(text: str, reading: Reading) -> list[Value]:
    pack, base, order = reading.pack, reading.base, reading.order
    pats = _patterns(pack)
    out = []
    for pattern in pats.names:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            year = groups.get("y") or groups.get("y2")
            day = groups.get("d")
            weekday = lookup(pack.weekdays, groups["wd"]) if groups.get("wd") else None
            if weekday is not None and pats.weekday_list is not None and \
                    pats.day_list is not None and pats.day_list.match(text, m.end("d")) and \
                    pats.weekday_list.search(text, max(0, m.start() - WEEKDAY_LEAD), m.start()):
                weekday = None  # "Wednesday and Friday, June 28 and 30": a list of days
                # beside a list of dates, not the weekday of the first one
            month_text = groups["m"]
            if day is None:  # month and year only
                month = lookup(pack.months, month_text.rstrip("."))
                if month is None:
                    continue
                out.append(Value(ValueKind.DATE, f"{int(year or 0):04d}-{month:02d}", m.start(),
                                 m.end(), m.group(0), "month precision"))
                continue
            span = f"{day} {month_text} {year}" if year else f"{day} {month_text}"
            parsed = _dateparse(span, pack.code, "DMY")
            if parsed is not None:
                value = _complete(parsed, m, base, weekday)
                if value.raw.endswith(".") and m.end("m") == m.end() - 1 and \
                        month_text.lower() not in pack.abbreviations:
                    # "on 7 July." ends a sentence; the dot of "7 Jul." is the month's
                    value = replace(value, end=value.end - 1, raw=value.raw[:-1])
                ends = _range_last(text, m, pats, pack, base, weekday)
                out.extend(ends or [value])
                first = _range_first(text, m, pats, pack, base, weekday)
                if first is not None:
                    out.append(first)
    for m in pats.numeric.finditer(text):
        g = m.groupdict()
        if g.get("iy"):
            try:
                d = dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
            except ValueError:
                continue
            out.append(Value(ValueKind.DATE, d.isoformat(), m.start(), m.end(), m.group(0),
                             "ISO date"))
            continue
        a, b = next(((g.get(f"a{k}"), g.get(f"b{k}")) for k in ("", "2", "3", "4", "5")
                     if g.get(f"a{k}")), (None, None))
        year = g.get("y") or g.get("y2") or g.get("y3") or g.get("y5")
        weekday = lookup(pack.weekdays, g["wd"]) if g.get("wd") else None
        day, month = ((int(a or 0), int(b or 0)) if order.startswith("D")
                      else (int(b or 0), int(a or 0)))
        used = order[:2]
        if weekday is not None and year and len(year) == 4 and \
                _weekday(int(year), month, day) != weekday == _weekday(int(year), day, month) \
                and not _recent_only(base, int(year), month, day):
            # "Wednesday (3/1/2024)": only the other order gives a Wednesday (but "Sabtu
            # (6/12/2021)" in a page of 8 December 2021 is 6 December with a wrong weekday)
            day, month, used = month, day, used[::-1]
        elif weekday is not None and not year and base is not None and \
                _fits(base, month, day, weekday) is False and (
                    _fits(base, day, month, weekday)
                    or _recent_only(base, base.year, day, month)):
            # "Sunday (2/9)" in September 2018: 2 September was a Sunday, 9 February not;
            # and when neither order fits the weekday, the one in the days just before
            # publication ("Tuesday (4/10)" in a report of 7 October: the weekday a slip)
            day, month, used = month, day, used[::-1]
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        span = f"{day:02d}/{month:02d}" + (f"/{year}" if year else "")
        parsed = _dateparse(span, pack.code, "DMY")
        if parsed is None:
            continue
        value = _complete(parsed, m, base, weekday)
        if g.get("a5") and not year and base is not None and base.day is not None:
            value = _dated_by_relative_day(value, m.group(0), pack, base)
        for k in ("a4", "a5"):
            if g.get(k):  # the date without the word before it
                at = text.rfind("(", m.start(), m.start(k)) if k == "a5" else m.start(k)
                value = replace(value, start=at, raw=text[at:m.end()])
        out.append(replace(value, how=value.how + f"; numeric date read as {used}"
                           + ("" if used == order[:2] else " (the weekday fits only that)")))
    if pats.relative is not None and base is not None and base.day is not None:
        for m in pats.relative.finditer(text):
            shift = lookup(pack.relative_days, m.group(0))
            if shift is None or (pats.history_after is not None
                                 and pats.history_after.match(text, m.end())) or \
                    _BRACKETED_DAY.match(text, m.end()):
                continue  # (a date in brackets after it is the date: read above)
            years = pats.year_after.match(text, m.end()) if pats.year_after else None
            back = lookup(pack.relative_years, years.group("y")) if years else None
            end = years.end() if years is not None and back else m.end()
            try:
                d = base.as_date() + dt.timedelta(days=shift)
                if back:
                    d = _years_on(d, back)
            except (OverflowError, ValueError):  # "yesterday" in a text dated 0001-01-01
                continue
            how = f"relative day: publication date {base} {shift:+d} day(s)" + (
                f", {back:+d} year(s)" if back else "")
            out.append(Value(ValueKind.DATE, d.isoformat(), m.start(), end,
                             text[m.start():end], how, relative=True))
    if base is not None and base.day is not None:
        out += _last_weekdays(text, pats, pack, base)
        out += _days_ago(text, pack, base)
    if pats.relative_month is not None and base is not None and base.month is not None:
        for m in pats.relative_month.finditer(text):
            shift = lookup(pack.relative_months, m.group(0))
            if shift is None:
                continue
            month0 = base.year * 12 + (base.month - 1) + shift
            out.append(Value(ValueKind.DATE, f"{month0 // 12:04d}-{month0 % 12 + 1:02d}",
                             m.start(), m.end(), m.group(0),
                             f"relative month: publication date {base} {shift:+d} month(s)",
                             relative=True))
    return out


WEEKDAY_LEAD = 24  # characters before a date's weekday searched for a listed weekday
RANGE_LEAD = 16  # characters before a date's day searched for the first day of a range


def _range_first(text: str, m: re.Match[str], pats: _Patterns, pack: LanguagePack,
                 base: PartialDate | None, weekday: int | None) -> Value | None:
    """The first day of a range of days written before a date ("periode 18-23 April 2023",
    "between 5 and 7 September"), dated with its month and year: a range is read at both
    ends, not only at the one that carries the month."""
    if pats.range_start is None or m.start("d") > m.start("m") or m.group("wd"):
        return None
    lead = pats.range_start.search(text[max(0, m.start("d") - RANGE_LEAD):m.start("d")])
    if lead is None:
        return None
    first, last = int(lead.group("d0")), int(m.group("d"))
    if not 1 <= first < last:
        return None
    year = m.group("y")
    parsed = _dateparse(f"{first} {m.group('m')} {year}" if year else
                        f"{first} {m.group('m')}", pack.code, "DMY")
    if parsed is None:
        return None
    value = _complete(parsed, m, base, None)
    start = m.start("d") - len(lead.group(0))
    end = start + len(lead.group("d0"))
    return replace(value, start=start, end=end, raw=text[start:end],
                   how=value.how + f"; the first day of the range {text[start:m.end()]!r}")


def _range_last(text: str, m: re.Match[str], pats: _Patterns, pack: LanguagePack,
                base: PartialDate | None, weekday: int | None) -> list[Value]:
    """Both ends of a range of days written after its month ("July 8-10, 2018", "July 8
    to 10"), each dated with the month and the year written after the range; [] when the
    date is not the start of such a range."""
    if pats.range_end is None or m.start("d") < m.start("m") or \
            m.groupdict().get("y") or m.groupdict().get("y2"):
        return []
    end = pats.range_end.match(text, m.end("d"))
    if end is None:
        return []
    first, last = int(m.group("d")), int(end.group("d9"))
    if not 1 <= first < last <= 31:
        return []
    year = end.group("y9")
    out = []
    for day, start, stop in ((first, m.start(), m.end("d")),
                             (last, end.start("d9"), end.end("d9"))):
        parsed = _dateparse(f"{day} {m.group('m')} {year}" if year else
                            f"{day} {m.group('m')}", pack.code, "DMY")
        if parsed is None:
            return []
        value = _complete(parsed, m, base, weekday if day == first else None)
        out.append(replace(value, start=start, end=stop, raw=text[start:stop],
                           how=value.how + f"; {'first' if day == first else 'last'} day of "
                           f"the range {text[m.start():end.end()]!r}"))
    return out


def _days_ago(text: str, pack: LanguagePack, base: PartialDate) -> list[Value]:
    """"two days ago", "dua hari lalu", "a week ago": days back from the publication date."""
    pattern = _days_ago_pattern(pack)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        n = parse_number(m.group("n"), pack)
        days = lookup(pack.day_units, m.group("u"))
        if n is None or days is None or n != int(n) or not 0 < n * days < DAYS_AGO_MAX:
            continue
        try:
            d = base.as_date() - dt.timedelta(days=int(n) * days)
        except (OverflowError, ValueError):
            continue
        out.append(Value(ValueKind.DATE, d.isoformat(), m.start(), m.end(), m.group(0),
                         f"publication date {base} − {int(n) * days} day(s)", relative=True))
    return out


DAYS_AGO_MAX = 70  # further back, "ago" rounds too much to give a day


@by_language
@cache
def _days_ago_pattern(pack: LanguagePack) -> re.Pattern[str] | None:
    if not pack.day_units or not pack.ago_words:
        return None
    return re.compile(rf"(?<![\w.,]){number_pattern(pack)}\s+(?P<u>{alt(pack.day_units)})"
                      rf"\s+(?:{alt(pack.ago_words)})\b", FLAGS)


def _last_weekdays(text: str, pats: _Patterns, pack: LanguagePack, base: PartialDate
                   ) -> list[Value]:
    """"last Tuesday", "Selasa lalu", and "on Tuesday" without a date: the last such day
    on or before the publication date (news tell of what happened)."""
    published = base.as_date()
    out = []
    found = [(m, m.group("wd1") or m.group("wd2"), True)
             for m in (pats.last_weekday.finditer(text) if pats.last_weekday else [])]
    found += [(m, m.group("wd"), False)
              for m in (pats.on_weekday.finditer(text) if pats.on_weekday else [])]
    for m, name, strictly_before in found:
        weekday = lookup(pack.weekdays, name)
        if weekday is None:
            continue
        back = (published.weekday() - weekday) % 7
        if strictly_before:
            back = back or 7
        try:
            d = published - dt.timedelta(days=back)
        except OverflowError:
            continue
        how = (f"last {d:%A} before the publication date {base}" if strictly_before else
               f"{d:%A} on or before the publication date {base}")
        out.append(Value(ValueKind.DATE, d.isoformat(), m.start(), m.end(), m.group(0), how,
                         weekday, relative=True))
    return out


@lru_cache(maxsize=16384)
def _dateparse(span: str, lang: str, order: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a span, parsed by dateparser in the given language."""
    import dateparser

    has_year = re.search(r"\d{4}", span) is not None or span.count("/") == 2
    settings = {"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first",
                "RELATIVE_BASE": dt.datetime(2000, 1, 1), "REQUIRE_PARTS": ["day", "month"]}
    try:
        result = dateparser.parse(span, languages=[lang], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; treat as no date
        return None
    if result is None:
        return None
    return (result.year if has_year else None, result.month, result.day)


def _complete(parsed: tuple[int | None, int, int], m: re.Match[str],
              base: PartialDate | None, weekday: int | None) -> Value:
    """The value of a date as written. Without a year it is compared on day and month only
    ("--07-05": never refuted on a year nobody wrote), unless a weekday written beside it
    tells the year: of the publication year and the one before, the one in which that day
    falls on that weekday ("Sunday (17/10)" in a report of 2022 is 17 October 2021). A
    weekday that fits neither leaves the year unwritten (``unfit_year`` keeps the
    publication's, for date-sanity)."""
    year, month, day = parsed
    how = "dateparser"
    guessed = year is None
    if year is None:
        candidates = [] if base is None else _near_years(base, month, day)
        fitting = [y for y in candidates if _weekday(y, month, day) == weekday]
        if weekday is not None and fitting:
            year = fitting[0]
            how += f"; year {year}: the one in which it falls on the weekday written"
        else:
            # a weekday no near year fits: the page may tell of another year ("Kamis 1
            # Oktober" of 2009 in a page of 2019), so no year is taken; date-sanity decides
            unfit = candidates[0] if weekday is not None and candidates else None
            return Value(ValueKind.DATE, f"--{month:02d}-{day:02d}", m.start(), m.end(),
                         m.group(0), "dateparser; year not written: day and month compared"
                         + ("; the weekday fits no year near the publication date"
                            if unfit else ""), weekday, unfit_year=unfit)
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return Value(ValueKind.DATE, f"{year:04d}-{month:02d}-{day:02d}", m.start(), m.end(),
                     m.group(0), how + "; impossible calendar date", weekday,
                     year_guessed=guessed)
    return Value(ValueKind.DATE, d.isoformat(), m.start(), m.end(), m.group(0), how, weekday,
                 year_guessed=guessed)


def _dated_by_relative_day(value: Value, written: str, pack: LanguagePack,
                           base: PartialDate) -> Value:
    """"hari ini (17/6)" in a page of 17 June 2008 is 17 June 2008: the relative day gives
    the year when it falls on the day and month in brackets."""
    word = written.split("(")[0].strip(" ,")
    shift = lookup(pack.relative_days, word)
    if shift is None:
        return value
    try:
        d = base.as_date() + dt.timedelta(days=shift)
    except (OverflowError, ValueError):
        return value
    if value.canonical != f"--{d.month:02d}-{d.day:02d}":
        return value
    return replace(value, canonical=d.isoformat(),
                   how=value.how + f"; year from {word!r} and the publication date {base}")


_BRACKETED_DAY = re.compile(r"\s*,?\s*\(\s*\d{1,2}/\d{1,2}")


def _recent_only(base: PartialDate | None, year: int, month: int, day: int) -> bool:
    """Whether the date as written falls in the RECENT_DAYS before the publication date and
    the other order of its day and month does not: news tells of recent days, so a
    weekday that does not fit is the writer's slip, not a sign of the other order."""
    if base is None or base.month is None or base.day is None:
        return False

    def recent(m: int, d: int) -> bool:
        try:
            gap = (base.as_date() - dt.date(year, m, d)).days
        except ValueError:
            return False
        return 0 <= gap <= RECENT_DAYS

    return recent(month, day) and not recent(day, month)


RECENT_DAYS = 45


def _fits(base: PartialDate, month: int, day: int, weekday: int) -> bool | None:
    """Whether a day and month without a year fall on ``weekday`` in a year near the
    publication date (None: no such calendar date)."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return any(_weekday(y, month, day) == weekday for y in _near_years(base, month, day))


def _near_years(base: PartialDate, month: int, day: int) -> list[int]:
    """The years a date without one most likely belongs to: the publication year's (or,
    for a month far ahead of the publication month, the year before). A day already past
    at publication is of that year — a weekday that does not fit it is a slip, not a
    sign of another year; a day still ahead may be of that year or of the year before."""
    year = base.year
    if base.month and month - base.month > 6:
        year -= 1  # "December 28" in a January article is last December
    elif base.month and base.month - month > 6:
        year += 1
    if year == base.year and base.month and (month, day) <= (base.month, base.day or 31):
        return [year]
    return [year, year - 1]


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def parse_expected(raw: object) -> str:
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    try:
        return dt.date.fromisoformat(str(raw)).isoformat()
    except ValueError as exc:
        # "2021-02-30" has the right form but no such day: say which part is wrong
        why = f" ({exc})" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(raw)) else ""
        raise ValueError(f"a date is written YYYY-MM-DD, got {str(raw)[:40]!r}{why}") from None


def agrees(expected: str, found: str, tolerance: float = 0.0) -> bool:
    if expected == found:
        return True
    if found.startswith("--"):
        return expected.endswith(found[1:])
    if expected.startswith("--"):
        return found.endswith(expected[1:])
    if len(found) == 7 or len(expected) == 7:  # month precision
        return found[:7] == expected[:7]
    return False


NEAR_DAYS = 62


def near(expected: str, found: str) -> bool:
    """Within two months, or with only one of year, month and day different (where both
    are written): "24 March" for 1 April and "16 October 2021" for 17 October 2021 are
    slips in one fact; "15 May 2022" for 17 October 2021 is another day altogether."""
    e, f = _parts(expected), _parts(found)
    differ = sum(1 for a, b in zip(e, f, strict=True) if a is not None and b is not None
                 and a != b)
    if differ <= 1:
        return True
    if e[1] is None or f[1] is None:
        return False
    year = e[0] or f[0] or "2000"
    try:
        a = dt.date(int(e[0] or year), int(e[1]), int(e[2] or 15))
        b = dt.date(int(f[0] or year), int(f[1]), int(f[2] or 15))
    except ValueError:
        return False
    return abs((a - b).days) <= NEAR_DAYS


def _parts(value: str) -> tuple[str | None, str | None, str | None]:
    if value.startswith("--"):
        _, _, month, day = value.split("-")
        return None, month, day
    pieces = value.split("-")
    return (pieces[0], pieces[1] if len(pieces) > 1 else None,
            pieces[2] if len(pieces) > 2 else None)


TYPE = ValueType(ValueKind.DATE, find, parse_expected, agrees, near=near,
                 hides=frozenset({ValueKind.YEAR, ValueKind.QUANTITY, ValueKind.ORDINAL,
                                  ValueKind.DURATION, ValueKind.PERIOD}))


def _years_on(d: dt.date, years: int) -> dt.date:
    """The same day ``years`` years on (29 February becomes the 28th)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def weekdays_named(text: str, lo: int, hi: int, language: str) -> list[tuple[int, int, int]]:
    """(start, end, weekday) of the days ``text[lo:hi]`` names by weekday alone ("pada
    Jumat", "last Tuesday"), whether or not a publication date dates them."""
    pack = get_pack(language)
    pats = _patterns(pack)
    out = []
    for pattern, groups in ((pats.on_weekday, ("wd",)), (pats.last_weekday, ("wd1", "wd2"))):
        for m in pattern.finditer(text, lo, hi) if pattern is not None else ():
            name = next(g for g in (m.group(k) for k in groups) if g)
            weekday = lookup(pack.weekdays, name)
            if weekday is not None:
                out.append((m.start(), m.end(), weekday))
    return out
