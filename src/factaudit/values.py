"""Typed values read from text: years, periods, dates, quantities, ordinals and durations.

Every reader works on one passage in one language and returns ``Value`` objects whose
``canonical`` form is what claims are compared on ("2018", "2018..2021", "2021-07-06",
"20000000", ...). Readers find candidate spans with cheap patterns built from the
language pack, and only those spans go to dateparser. Overlaps are resolved so that a
year inside a date or a period is not read a second time as a bare year.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from factaudit.languages import LanguagePack, by_language, get_pack

# words that multiply the number words before them ("tiga puluh", "two hundred")
MULTIPLIER_WORDS = ("puluh", "belas", "ratus", "hundred")

KINDS = ("year", "period", "date", "quantity", "ordinal", "duration", "category")


@dataclass(frozen=True)
class Value:
    """A value read from text. ``start``/``end`` are offsets in the text given to the reader."""

    kind: str
    canonical: str
    start: int
    end: int
    raw: str
    how: str = ""
    weekday: int | None = None  # weekday written next to a date, 0 = Monday

    def shifted(self, offset: int) -> Value:
        return replace(self, start=self.start + offset, end=self.end + offset)


@dataclass(frozen=True)
class PartialDate:
    """A publication date that may be known only to the year or month ("2021-07")."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str | dt.date | None) -> PartialDate | None:
        if text is None or text == "":
            return None
        if isinstance(text, dt.date):
            return cls(text.year, text.month, text.day)
        m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", str(text))
        if not m:
            raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
        y, mo, d = (int(g) if g else None for g in m.groups())
        if mo is not None and not 1 <= mo <= 12:
            raise ValueError(f"month out of range in {text!r}")
        if d is not None:
            dt.date(y, mo, d)  # raises ValueError for impossible dates
        return cls(y, mo, d)

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def as_datetime(self) -> dt.datetime:
        return dt.datetime(self.year, self.month or 1, self.day or 1)


# --------------------------------------------------------------------------- numbers


def format_number(x: float) -> str:
    """Canonical text of a number: integers without a decimal point, others shortest repr."""
    if abs(x - round(x)) < 1e-9 * max(1.0, abs(x)):
        return str(round(x))
    return repr(float(x))


# No count, sum or measure in a news text comes near this; a longer run of digits is an
# identifier, a hash or an attack, not a quantity.
MAX_QUANTITY = 1e21


def parse_number(text: str, pack: LanguagePack) -> float | None:
    """Read "20,000,000" / "20.000.000" / "1,5" / "thirty" with the pack's separators."""
    value = _parse_number(text, pack)
    if value is None or not math.isfinite(value) or abs(value) > MAX_QUANTITY:
        return None
    return value


def _parse_number(text: str, pack: LanguagePack) -> float | None:
    if len(text) > 40:
        return None
    t = text.strip().lower()
    if t in pack.numbers:
        return float(pack.numbers[t])
    words = _parse_number_words(t, pack)
    if words is not None:
        return words
    group, decimal = re.escape(pack.group), re.escape(pack.decimal)
    if re.fullmatch(rf"\d{{1,3}}(?:{group}\d{{3}})+(?:{decimal}\d+)?", t):
        t = t.replace(pack.group, "")
    if re.fullmatch(rf"\d+(?:{decimal}\d+)?", t):
        return float(t.replace(pack.decimal, "."))
    return None


def _parse_number_words(t: str, pack: LanguagePack) -> float | None:
    """Compound number words: "thirty five", "tiga puluh", "dua ratus lima puluh"."""
    parts = t.replace("-", " ").split()
    if len(parts) < 2 or not pack.numbers:
        return None
    multipliers = {"puluh": 10, "belas": None, "ratus": 100, "hundred": 100}
    total, current = 0.0, 0.0
    for word in parts:
        if word in ("and", "dan"):
            continue
        if word in multipliers:
            if word == "belas":
                current += 10
            else:
                current = (current or 1) * multipliers[word]
                if multipliers[word] == 100:
                    total, current = total + current, 0.0
        elif word in pack.numbers:
            current += pack.numbers[word]
        elif word in pack.scales:
            total = (total + (current or 1)) * pack.scales[word]
            current = 0.0
        else:
            return None
    return total + current


# --------------------------------------------------------------------------- patterns


def _alt(words) -> str:
    """A regex alternation, longest first so "Juli" is not cut to "Jul".

    The words of a multi-word entry ("hari ini") may be separated by any run of spaces.
    """
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) or re.escape(w)
                    for w in sorted(set(words), key=len, reverse=True))


def _lookup(table: dict, matched: str):
    """The entry of ``table`` that ``matched`` was matched from (case- and space-insensitive).

    ``re.IGNORECASE`` also matches Unicode case variants that ``str.lower`` does not map
    back to the key ("ſ" for "s", "İ" for "i"), so fall back to matching every key.
    """
    key = " ".join(matched.lower().split())
    if key in table:
        return table[key]
    for name, value in table.items():
        if re.fullmatch(_alt([name]), matched, re.IGNORECASE):
            return value
    return None


@dataclass(frozen=True)
class _Patterns:
    year: re.Pattern
    period: re.Pattern
    open_period: re.Pattern
    date_names: tuple[re.Pattern, ...]
    date_numeric: re.Pattern
    date_relative: re.Pattern | None
    last_weekday: re.Pattern | None
    quantity: re.Pattern
    duration: re.Pattern | None
    ordinal: re.Pattern | None


_YEAR = r"(?<![\d.,/])(1[5-9]\d\d|20\d\d|21\d\d)(?![\d]|[.,/]\d)"
_YEAR_RE = re.compile(r"1[5-9]\d\d|20\d\d|21\d\d")


@by_language
@cache
def _patterns(lang: str) -> _Patterns:
    pack = get_pack(lang)
    flags = re.IGNORECASE | re.UNICODE
    joiners = [j for j in pack.period_joiners if not j[0].isalpha()]
    word_joiners = [j for j in pack.period_joiners if j[0].isalpha()]
    sym = "|".join(re.escape(j) for j in joiners) or "-"
    period_alts = [rf"(1[5-9]\d\d|20\d\d)\s*(?:{sym})\s*(\d{{4}}|\d\d)(?![\d])"]
    if word_joiners:
        period_alts.append(rf"(1[5-9]\d\d|20\d\d)\s+(?:{_alt(word_joiners)})\s+(\d{{4}})(?![\d])")
    for opener_word, joiner_word in pack.period_between:
        period_alts.append(rf"\b{re.escape(opener_word)}\s+(1[5-9]\d\d|20\d\d)\s+"
                           rf"{re.escape(joiner_word)}\s+(\d{{4}})(?![\d])")
    period = re.compile(r"(?<![\d.,/])(?:" + "|".join(period_alts) + ")", flags)
    opener = _alt(pack.open_period_prefixes) if pack.open_period_prefixes else r"(?!x)x"
    period_word = _alt(pack.period_prefixes) if pack.period_prefixes else r"(?!x)x"
    open_period = re.compile(
        rf"\b(?:{opener})\s+(?:(?:{period_word})\s+)?(1[5-9]\d\d|20\d\d)(?![\d])", flags
    )
    months = _alt(pack.months) if pack.months else r"(?!x)x"
    weekdays = _alt(pack.weekdays) if pack.weekdays else r"(?!x)x"
    wd = rf"(?:(?P<wd>{weekdays})\b\.?\s*,?\s*)?"
    date_names = (
        # 6 July 2021 / 6th July 2021 / Selasa 6 Juli / Tuesday, 08 July 2021
        re.compile(
            rf"\b{wd}(?P<d>\d{{1,2}})(?:(?:st|nd|rd|th)(?:\s+of)?)?(?!\d)\s+(?P<m>{months})\b\.?"
            rf"(?:\s*,?\s*(?P<y>\d{{4}})(?!\d))?",
            flags,
        ),
        # July 6, 2021 / Tuesday, July 6
        re.compile(
            rf"\b{wd}(?P<m>{months})\b\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
            rf"(?:\s*,\s*(?P<y>\d{{4}})(?!\d)|\s+(?P<y2>\d{{4}})(?!\d))?",
            flags,
        ),
        # October 2021 / Oktober 2021 (month precision)
        re.compile(rf"\b(?P<m>{months})\b\.?\s+(?P<y>\d{{4}})(?!\d)", flags),
    )
    # Tuesday (6/7), Selasa (6/7/2021), 6/7/2021
    date_numeric = re.compile(
        rf"(?:\b(?P<wd>{weekdays})\b\s*,?\s*\(\s*(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})"
        rf"(?:/(?P<y>\d{{2}}|\d{{4}}))?\s*\))"
        rf"|(?<![\d/])(?P<a2>\d{{1,2}})/(?P<b2>\d{{1,2}})/(?P<y2>\d{{4}}|\d{{2}})(?![\d/])"
        rf"|(?<![\d-])(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?![\d-])",
        flags,
    )
    date_relative = None
    if pack.relative_days:
        date_relative = re.compile(rf"\b(?:{_alt(pack.relative_days)})\b", flags)
    last_weekday = None
    if pack.past_markers and pack.weekdays:
        markers = _alt(pack.past_markers)
        last_weekday = re.compile(rf"\b(?:(?:{markers})\s+(?P<wd1>{weekdays})|(?P<wd2>{weekdays})"
                                  rf"\s+(?:{markers}))\b", flags)
    group, decimal = re.escape(pack.group), re.escape(pack.decimal)
    number = rf"\d{{1,3}}(?:{group}\d{{3}})+(?:{decimal}\d+)?|\d+(?:{decimal}\d+)?"
    number_words = _alt(pack.numbers) if pack.numbers else None
    compound = ""
    if number_words:
        tens = rf"(?:\s+(?:{'|'.join(MULTIPLIER_WORDS)}))?"
        compound = rf"|(?:(?:{number_words}){tens})(?:[\s-]+(?:{number_words}){tens})*"
    num = rf"(?P<n>{number}{compound})"
    scales = rf"(?:\s+(?P<s>{_alt(pack.scales)})\b)?" if pack.scales else ""
    before = "(?<![\\w.,:])" + "".join(f"|(?<={re.escape(c)})" for c in pack.currency_prefixes)
    quantity = re.compile(rf"(?:{before}){num}(?![\w]|[.,:]\d){scales}", flags)
    duration = None
    if pack.duration_units:
        duration = re.compile(
            rf"(?<![\w.,]){num}(?![\w]|[.,]\d)\s+(?P<u>{_alt(pack.duration_units)})\b", flags
        )
    ordinal_alts = []
    if pack.ordinal_suffixes:
        ordinal_alts.append(rf"\b(?P<o1>\d{{1,9}})(?:{_alt(pack.ordinal_suffixes)})\b")
    if pack.ordinal_prefixes:
        prefixes = _alt([p.rstrip("-") for p in pack.ordinal_prefixes])
        ordinal_alts.append(rf"\b(?:{prefixes})[-\s]?(?P<o2>\d{{1,9}})\b")
    ordinal = re.compile("|".join(ordinal_alts), flags) if ordinal_alts else None
    return _Patterns(year=re.compile(_YEAR), period=period, open_period=open_period,
                     date_names=date_names, date_numeric=date_numeric,
                     date_relative=date_relative, last_weekday=last_weekday,
                     quantity=quantity, duration=duration, ordinal=ordinal)


# --------------------------------------------------------------------------- readers


def read_values(text: str, lang: str, base: PartialDate | None = None,
                date_order: str | None = None) -> list[Value]:
    """Every year, period, date, quantity, ordinal and duration in ``text``.

    ``base`` is the publication date, used to complete dates written without a year and to
    resolve relative days; ``date_order`` ("DMY"/"MDY") overrides the language's default
    for numeric dates.
    """
    return list(_read_values_cached(text, lang, base, date_order))


@by_language
@lru_cache(maxsize=65536)
def _read_values_cached(text: str, lang: str, base: PartialDate | None,
                        date_order: str | None) -> tuple[Value, ...]:
    pack = get_pack(lang)
    pats = _patterns(lang)
    order = (date_order or pack.date_order or "DMY").upper()
    found: list[Value] = []
    found += _dates(text, pats, pack, base, order)
    found += _periods(text, pats)
    found += _durations(text, pats, pack)
    found += _ordinals(text, pats)
    found += _quantities(text, pats, pack)
    found += [Value("year", m.group(1), m.start(1), m.end(1), m.group(1), "year")
              for m in pats.year.finditer(text)]
    return tuple(sorted(_resolve_overlaps(found), key=lambda v: (v.start, v.end, v.kind)))


# What a kind of value hides when it covers another: the year inside "6 July 2021" or
# "2018-2021" is not a separate year claim. Open periods ("since 1996") hide nothing,
# so that both a year claim and a period claim can read them.
_HIDES = {
    "date": {"year", "quantity", "ordinal", "duration", "period"},
    "period": {"year", "quantity"},
    "duration": {"quantity", "year"},
    "ordinal": {"quantity", "year"},
    "quantity": {"year"},
}


def _resolve_overlaps(values: list[Value]) -> list[Value]:
    """Drop values hidden inside a longer value of a kind that hides them, then, of
    values of one kind that overlap, keep the longest. One sweep in start order: only
    values that overlap are compared, so a sentence of any length costs linear time."""
    order = sorted(values, key=lambda v: (v.start, -v.end))
    active: list[Value] = []  # values that end after the current start
    kept = []
    for v in order:
        active = [w for w in active if w.end > v.start]
        if not any(_hides(w, v) for w in active):
            kept.append(v)
        active.append(v)
    # same kind overlapping (two date patterns on one span): keep the longest
    kept.sort(key=lambda v: (v.start, -(v.end - v.start)))
    out: list[Value] = []
    reach: dict[str, int] = {}  # kind → end of the last value kept
    for v in kept:
        if reach.get(v.kind, -1) > v.start:
            continue
        out.append(v)
        reach[v.kind] = v.end
    return out


def _hides(w: Value, v: Value) -> bool:
    if w is v or w.kind == v.kind or v.kind not in _HIDES.get(w.kind, ()):
        return False
    if not (w.start <= v.start and v.end <= w.end and (w.end - w.start) > (v.end - v.start)):
        return False
    if w.kind == "period" and w.canonical.endswith(".."):
        return False
    return not (w.kind == "quantity" and not _is_formatted_quantity(w))


def _is_formatted_quantity(v: Value) -> bool:
    return not v.raw.isdigit()


def _periods(text: str, pats: _Patterns) -> list[Value]:
    out = []
    for m in pats.period.finditer(text):
        y1, y2 = [g for g in m.groups() if g][:2]
        if len(y2) == 2:
            y2 = y1[:2] + y2
        if int(y2) < int(y1):
            continue
        out.append(Value("period", f"{y1}..{y2}", m.start(), m.end(), m.group(0), "period"))
    for m in pats.open_period.finditer(text):
        y = m.group(1)
        out.append(Value("period", f"{y}..", m.start(), m.end(), m.group(0),
                         "open period (no end year given)"))
    return out


def _quantities(text: str, pats: _Patterns, pack: LanguagePack) -> list[Value]:
    out = []
    for m in pats.quantity.finditer(text):
        n = parse_number(m.group("n"), pack)
        if n is None:
            continue
        scale = m.groupdict().get("s")
        if not scale and _YEAR_RE.fullmatch(m.group(0)):
            continue  # a bare 1996 is a year, not a count
        how = f"number read with {pack.code} separators"
        if scale:
            factor = _lookup(pack.scales, scale)
            if factor is None:
                continue
            n *= factor
            how += f", × {format_number(factor)} ({scale.lower()})"
        out.append(Value("quantity", format_number(n), m.start(), m.end(), m.group(0), how))
    return out


def _durations(text: str, pats: _Patterns, pack: LanguagePack) -> list[Value]:
    if pats.duration is None:
        return []
    out = []
    for m in pats.duration.finditer(text):
        n = parse_number(m.group("n"), pack)
        if n is None:
            continue
        out.append(Value("duration", format_number(n), m.start(), m.end(), m.group(0),
                         f"duration in {m.group('u').lower()}"))
    return out


def _ordinals(text: str, pats: _Patterns) -> list[Value]:
    if pats.ordinal is None:
        return []
    out = []
    for m in pats.ordinal.finditer(text):
        g = m.groupdict()
        n = g.get("o1") or g.get("o2")
        if n:
            out.append(Value("ordinal", str(int(n)), m.start(), m.end(), m.group(0), "ordinal"))
    return out


def _dates(text: str, pats: _Patterns, pack: LanguagePack, base: PartialDate | None,
           order: str) -> list[Value]:
    out = []
    for pattern in pats.date_names:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            year = groups.get("y") or groups.get("y2")
            day = groups.get("d")
            weekday = _lookup(pack.weekdays, groups["wd"]) if groups.get("wd") else None
            month_text = groups["m"]
            if day is None:  # month and year only
                month = _lookup(pack.months, month_text.rstrip("."))
                if month is None:
                    continue
                out.append(Value("date", f"{int(year):04d}-{month:02d}", m.start(), m.end(),
                                 m.group(0), "month precision"))
                continue
            span = f"{day} {month_text} {year}" if year else f"{day} {month_text}"
            parsed = _dateparse(span, pack.code, "DMY")
            if parsed is None:
                continue
            out.append(_complete(parsed, year is not None, m, base, weekday))
    for m in pats.date_numeric.finditer(text):
        g = m.groupdict()
        if g.get("iy"):
            try:
                d = dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
            except ValueError:
                continue
            out.append(Value("date", d.isoformat(), m.start(), m.end(), m.group(0), "ISO date"))
            continue
        a, b = (g.get("a"), g.get("b")) if g.get("a") else (g.get("a2"), g.get("b2"))
        year = g.get("y") or g.get("y2")
        weekday = _lookup(pack.weekdays, g["wd"]) if g.get("wd") else None
        day, month = (int(a), int(b)) if order.startswith("D") else (int(b), int(a))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        span = f"{day:02d}/{month:02d}" + (f"/{year}" if year else "")
        parsed = _dateparse(span, pack.code, "DMY")
        if parsed is None:
            continue
        value = _complete(parsed, year is not None, m, base, weekday)
        out.append(replace(value, how=value.how + f"; numeric date read as {order[:2]}"))
    if pats.date_relative is not None:
        for m in pats.date_relative.finditer(text):
            if base is None or base.day is None:
                continue  # "yesterday" means nothing without a full publication date
            shift = _lookup(pack.relative_days, m.group(0))
            if shift is None:
                continue
            try:
                d = base.as_datetime().date() + dt.timedelta(days=shift)
            except OverflowError:  # "yesterday" in a text dated 0001-01-01
                continue
            out.append(Value("date", d.isoformat(), m.start(), m.end(), m.group(0),
                             f"relative day: publication date {base} {shift:+d} day(s)"))
    if pats.last_weekday is not None and base is not None and base.day is not None:
        published = base.as_datetime().date()
        for m in pats.last_weekday.finditer(text):
            weekday = _lookup(pack.weekdays, m.group("wd1") or m.group("wd2"))
            if weekday is None:
                continue
            back = (published.weekday() - weekday) % 7 or 7
            try:
                d = published - dt.timedelta(days=back)
            except OverflowError:
                continue
            out.append(Value("date", d.isoformat(), m.start(), m.end(), m.group(0),
                             f"last {d:%A} before the publication date {base}", weekday))
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


def _complete(parsed: tuple[int | None, int, int], year_written: bool, m: re.Match,
              base: PartialDate | None, weekday: int | None) -> Value:
    year, month, day = parsed
    how = "dateparser"
    if year is None:
        if base is None:
            return Value("date", f"--{month:02d}-{day:02d}", m.start(), m.end(), m.group(0),
                         "dateparser; year unknown (no publication date)", weekday)
        year = base.year
        if base.month and month - base.month > 6:
            year -= 1  # "December 28" in a January article is last December
        elif base.month and base.month - month > 6:
            year += 1
        how += f"; year {year} from publication date {base}"
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return Value("date", f"{year:04d}-{month:02d}-{day:02d}", m.start(), m.end(), m.group(0),
                     how + "; impossible calendar date", weekday)
    return Value("date", d.isoformat(), m.start(), m.end(), m.group(0), how, weekday)


# --------------------------------------------------------------------------- categories


def read_categories(text: str, signals: dict[str, list[str]]) -> list[Value]:
    """Category values from signal words: ``{"virtual": ["virtual", "video konferensi"]}``."""
    out = []
    for category, pattern in _category_patterns(tuple((k, tuple(v)) for k, v in signals.items())):
        for m in pattern.finditer(text):
            out.append(Value("category", category, m.start(), m.end(), m.group(0),
                             f"signal word {m.group(0)!r}"))
    out.sort(key=lambda v: (v.start, -(v.end - v.start)))
    kept: list[Value] = []
    reach = -1
    for v in out:  # "secara virtual" and "virtual" on one span count once
        if v.start >= reach:
            kept.append(v)
            reach = v.end
    return kept


@lru_cache(maxsize=4096)
def _category_patterns(signals: tuple[tuple[str, tuple[str, ...]], ...]):
    out = []
    for category, words in signals:
        # a word of only punctuation or invisible characters would be an empty alternative,
        # matching everywhere (claims refuse such words; this keeps the engine safe anyway)
        alts = "|".join(a for a in (_flexible(w) for w in sorted(words, key=len, reverse=True))
                        if a)
        if alts:
            out.append((category, re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)))
    return out


def _flexible(phrase: str) -> str:
    """A phrase as a regex that tolerates any run of spaces, hyphens or dashes between words."""
    words = re.split(r"[\s\-‐‑‒–—]+", phrase.strip())
    return r"[\s\-‐‑‒–—]+".join(re.escape(w) for w in words if w)


# --------------------------------------------------------------------------- comparison


def _shown(raw: object) -> str:
    """An input value for an error message: its repr, cut short."""
    text = repr(raw) if not isinstance(raw, int) or abs(raw) < 10**30 else f"{str(raw)[:20]}…"
    return text if len(text) <= 60 else text[:57] + "…"


def parse_expected(kind: str, raw: object) -> str:
    """Canonical form of a claim's expected value, as written in YAML. Raises ValueError."""
    if kind in ("year", "ordinal"):
        digits = 4 if kind == "year" else 9
        if (isinstance(raw, bool) or not isinstance(raw, int | str)
                or not str(raw).isdigit() or len(str(raw).lstrip("0") or "0") > digits):
            raise ValueError(f"{'an' if kind == 'ordinal' else 'a'} {kind} is a whole number "
                             f"of at most {digits} digits, "
                             f"got {_shown(raw)}")
        return str(int(raw))
    if kind == "duration":
        if (isinstance(raw, bool) or not isinstance(raw, int | float) or not _finite(raw)
                or abs(raw) > 100_000):
            raise ValueError(f"a duration is a number of years, got {_shown(raw)}")
        return format_number(float(raw))
    if kind == "date":
        if isinstance(raw, dt.datetime):
            raw = raw.date()
        if isinstance(raw, dt.date):
            return raw.isoformat()
        try:
            return dt.date.fromisoformat(str(raw)).isoformat()
        except ValueError as exc:
            # "2021-02-30" has the right form but no such day: say which part is wrong
            why = f" ({exc})" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(raw)) else ""
            raise ValueError(f"a date is written YYYY-MM-DD, got {raw!r}{why}") from None
    if kind == "period":
        text = str(raw)
        if isinstance(raw, dict) and set(raw) <= {"from", "to"} and "from" in raw:
            text = f"{raw['from']}..{'' if raw.get('to') is None else raw['to']}"
        elif isinstance(raw, list) and len(raw) == 2:
            text = f"{raw[0]}..{raw[1]}"
        m = re.fullmatch(r"\s*(\d{4})\s*(?:\.\.|-|–|—)\s*(\d{4})?\s*", text)
        if not m or (m.group(2) and int(m.group(2)) < int(m.group(1))):
            raise ValueError(f"a period is written 2018..2021 (or 2018.. if open), got {raw!r}")
        return f"{m.group(1)}..{m.group(2) or ''}"
    if kind == "quantity":
        if isinstance(raw, bool):
            raise ValueError(f"a quantity is a number, got {raw!r}")
        if isinstance(raw, int | float):
            if not _finite(raw) or abs(raw) > MAX_QUANTITY:
                raise ValueError(f"a quantity is a finite number up to 1e21, got {_shown(raw)}")
            return format_number(float(raw))
        values = [v for v in read_values(str(raw)[:200], "en") if v.kind == "quantity"]
        if len(values) == 1 and values[0].end - values[0].start == len(str(raw).strip()):
            return values[0].canonical
        raise ValueError("a quantity is a number such as 20000000 or '20 million', got "
                         f"{_shown(raw)}")
    raise ValueError(f"unknown value type {kind!r}")


def _finite(x: float) -> bool:
    try:
        return math.isfinite(x)
    except OverflowError:  # an int too large for a float
        return False


def agrees(kind: str, expected: str, found: str, tolerance: float = 0.0) -> bool:
    """Does a found value agree with an expected (or another source's) value?"""
    if expected == found:
        return True
    if kind == "period":
        e_start, e_end = expected.split("..")
        f_start, f_end = found.split("..")
        # "since 2018" agrees with "2018..2021": it names the start and leaves the end open
        return e_start == f_start and (not f_end or not e_end)
    if kind == "date":
        if found.startswith("--"):
            return expected.endswith(found[1:])
        if expected.startswith("--"):
            return found.endswith(expected[1:])
        if len(found) == 7 or len(expected) == 7:  # month precision
            return found[:7] == expected[:7]
        return False
    if kind in ("quantity", "duration") and tolerance:
        e, f = float(expected), float(found)
        return abs(e - f) <= tolerance * abs(e)
    return False
