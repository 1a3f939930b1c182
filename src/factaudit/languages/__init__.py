"""Language packs: the words and number conventions that value readers need per language.

A pack is a YAML file named by its ISO 639-1 code. Month and weekday names come from
dateparser's locale data, so a language without a pack still gets dates; the pack adds
number formats, scale words, period joiners, duration units and ordinal forms. Users add
a language by dropping ``<code>.yaml`` into a ``languages/`` folder beside their claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from factaudit.errors import InputError, Problem, display_path

_KEYS = {
    "name", "decimal", "group", "date_order", "scales", "numbers", "period_joiners",
    "period_prefixes", "open_period_prefixes", "duration_units", "ordinal_prefixes",
    "ordinal_suffixes",
    "relative_days", "past_markers", "abbreviations", "clause_words", "period_between",
    "currency_prefixes", "stopwords",
}


@dataclass(frozen=True)
class LanguagePack:
    code: str
    name: str = ""
    decimal: str = "."
    group: str = ","
    date_order: str = "DMY"
    scales: dict[str, float] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    period_joiners: tuple[str, ...] = ("-",)
    period_prefixes: tuple[str, ...] = ()
    open_period_prefixes: tuple[str, ...] = ()
    duration_units: tuple[str, ...] = ()
    ordinal_prefixes: tuple[str, ...] = ()
    ordinal_suffixes: tuple[str, ...] = ()
    relative_days: dict[str, int] = field(default_factory=dict)
    past_markers: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    clause_words: tuple[str, ...] = ()
    period_between: tuple = ()  # pairs of words around a period: ("between", "and")
    currency_prefixes: tuple[str, ...] = ()  # written before a number with no space: Rp20
    stopwords: tuple[str, ...] = ()  # common words that never make a phrase alone
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)


_extra_dirs: list[Path] = []


def add_search_dir(path: Path) -> None:
    """Let packs in ``path`` (e.g. ``claims/languages``) override or extend the built-in ones."""
    if path.is_dir() and path not in _extra_dirs:
        _extra_dirs.insert(0, path)
        get_pack.cache_clear()


@cache
def get_pack(code: str) -> LanguagePack:
    """The pack for ``code``; falls back to month/weekday names only when no pack exists."""
    data: dict = {}
    source = "built-in"
    for folder in _extra_dirs:
        candidate = folder / f"{code}.yaml"
        if candidate.is_file():
            data = yaml.safe_load(candidate.read_text(encoding="utf-8")) or {}
            source = display_path(candidate)
            break
    else:
        res = resources.files(__package__).joinpath(f"{code}.yaml")
        if res.is_file():
            data = yaml.safe_load(res.read_text(encoding="utf-8")) or {}
    unknown = set(data) - _KEYS
    if unknown:
        raise InputError(
            Problem(source, f"unknown key(s) in language pack {code!r}: {sorted(unknown)}",
                    hint=f"allowed keys: {sorted(_KEYS)}")
        )
    months, weekdays = _calendar_names(code)
    for key, value in data.items():
        items = value if isinstance(value, list) else []
        flat = [x for item in items for x in (item if isinstance(item, list) else [item])]
        if any(not isinstance(x, str) for x in flat):
            bad = next(x for x in flat if not isinstance(x, str))
            raise InputError(Problem(source, f"language pack {code!r}: {key} holds {bad!r}, "
                                     "not a word", hint='quote words that YAML reads as '
                                     'other values: "no", "on", "yes", "off", numbers'))
    tuples = {k: tuple(tuple(x) if isinstance(x, list) else x for x in v)
              for k, v in data.items() if isinstance(v, list)}
    plain = {k: v for k, v in data.items() if not isinstance(v, list)}
    return LanguagePack(code=code, months=months, weekdays=weekdays, **plain, **tuples)


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
