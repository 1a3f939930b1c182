"""Years: "2018", "in 1996". A year inside a date or a period belongs to that value."""

from __future__ import annotations

import re
from collections.abc import Callable

from factaudit.model import ValueKind
from factaudit.reading.values.base import Reading, Value, ValueType, exact, shown

_YEAR = re.compile(r"(?<![\d.,/])(1[5-9]\d\d|20\d\d|21\d\d)(?![\d]|[.,/]\d)")


def find(text: str, reading: Reading) -> list[Value]:
    return [Value(ValueKind.YEAR, m.group(1), m.start(1), m.end(1), m.group(1), "year")
            for m in _YEAR.finditer(text)]


def whole_number(kind: str, digits: int) -> Callable[[object], str]:
    """A parser of expected values of whole numbers of at most ``digits`` digits."""
    def parse(raw: object) -> str:
        if (isinstance(raw, bool) or not isinstance(raw, int | str)
                or not str(raw).isdigit() or len(str(raw).lstrip("0") or "0") > digits):
            article = "an" if kind[0] in "aeiou" else "a"
            raise ValueError(f"{article} {kind} is a whole number of at most {digits} digits, "
                             f"got {shown(raw)}")
        return str(int(raw))
    return parse


TYPE = ValueType(ValueKind.YEAR, find, whole_number("year", 4), exact)
