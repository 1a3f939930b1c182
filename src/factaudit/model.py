"""The vocabularies and plain records every layer shares. Imports nothing from factaudit.

Enums are valued with the strings users write in YAML and read in outputs, so a member
is interchangeable with its text (``Severity.ERROR == "error"``) and prints as it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import asdict, dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Any


class Vocabulary(str, Enum):
    """A str-valued enum that formats as its value (``f"{Severity.ERROR}"`` is "error")."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class Severity(Vocabulary):
    """How bad a finding is, in order: errors fail a run, warnings and info do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info."""
        return list(Severity).index(self)


class Verdict(Vocabulary):
    """Verdicts of fact-checking (FEVER, AVeriTeC) plus two for spelling; declaration order
    is display order. ``out-of-scope`` appears only in the verdict table."""

    SUPPORTED = "supported"
    REFUTED = "refuted"
    CONFLICTING = "conflicting"
    NOT_ENOUGH_INFO = "not-enough-info"
    TYPO = "typo"
    VARIANT = "variant"
    OUT_OF_SCOPE = "out-of-scope"

    @property
    def rank(self) -> int:
        return list(Verdict).index(self)


class ValueKind(Vocabulary):
    YEAR = "year"
    PERIOD = "period"
    DATE = "date"
    QUANTITY = "quantity"
    ORDINAL = "ordinal"
    DURATION = "duration"
    CATEGORY = "category"
    TIME = "time"  # a time of day: read so that it is not taken for a number or a date


class HitKind(Vocabulary):
    """What a match of the one scan stands for. ``Hit.item`` is the id of the claim,
    entity or term (for signals: the signal group, such as "weekday")."""

    CUE = "cue"
    ENTITY_NAME = "entity-name"
    ENTITY_ALIAS = "entity-alias"
    ENTITY_VARIANT = "entity-variant"
    ENTITY_OTHER = "entity-other"
    TERM_PREFERRED = "term-preferred"
    TERM_VARIANT = "term-variant"
    SIGNAL = "signal"


class Lifecycle(Vocabulary):
    STABLE = "stable"
    PREVIEW = "preview"
    DEPRECATED = "deprecated"


class ItemKind(Vocabulary):
    CLAIM = "claim"
    ENTITY = "entity"
    TERM = "term"


class Modality(Vocabulary):
    """How a passage states a value: as a fact, or as a plan, target or hedge."""

    FACT = "fact"
    PLANNED = "planned"
    PROVISIONAL = "provisional"  # a poll, a partial count, an estimate: not the final value


# ================================================================ dates


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date that may be known only to the year or the month ("2021", "2021-07")."""

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
            raise ValueError(f"not a date: {str(text)[:40]!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
        y = int(m.group(1))
        mo, d = (int(g) if g else None for g in m.groups()[1:])
        if y == 0:
            raise ValueError("there is no year 0")
        if mo is not None and not 1 <= mo <= 12:
            raise ValueError(f"month out of range in {text!r}")
        if d is not None:
            dt.date(y, mo or 1, d)  # raises ValueError for impossible dates
        return cls(y, mo, d)

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def as_date(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def as_datetime(self) -> dt.datetime:
        return dt.datetime(self.year, self.month or 1, self.day or 1)


# ================================================================ documents


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What is known about a document besides its text: what outputs list."""

    id: str
    path: str  # as shown to users (relative to the working directory when possible)
    language: str
    language_source: str = "declared"  # "declared", "detected" or "default"
    published: str | None = None  # ISO date, possibly partial: "2021", "2021-07"
    title: str | None = None
    url: str | None = None
    date_order: str | None = None
    translation_of: str | None = None
    publisher: str | None = None
    first_line: int = 1  # file line of the first text line (after front matter)
    published_source: str | None = None  # "declared", or "dateline" when read from the text
    digest: str | None = None  # of the text: a version of the document
    dateline: tuple[int, int] | None = None  # "JAKARTA, 5 July 2021 –": place and date
    kind: str = "text"  # the file's format: text, html, pdf, docx, odt or table
    # where offsets fall in the original: pages and printed lines (PDF), headings (HTML,
    # office files), the row of a table
    pages: tuple[int, ...] = ()
    page_lines: tuple[int, ...] = ()
    headings: tuple[tuple[int, str], ...] = ()
    row: int | None = None

    @property
    def published_date(self) -> PartialDate | None:
        return _published(self.published) if self.published else None

    def place(self, offset: int) -> str | None:
        """Where an offset of the text is in the original file, for formats where a line
        of the text is not enough: "page 3, line 12", "row 57", "under 'Results'"."""
        parts = []
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.pages:
            page = bisect.bisect_right(self.pages, offset)
            if self.page_lines:
                first = bisect.bisect_left(self.page_lines, self.pages[max(page - 1, 0)])
                line = max(1, bisect.bisect_right(self.page_lines, offset) - first)
                parts.append(f"page {page}, line {line}")
            else:
                parts.append(f"page {page}")
        if self.headings:
            k = bisect.bisect_right([h for h, _ in self.headings], offset) - 1
            if k >= 0:
                parts.append(f"under {one_line(self.headings[k][1])[:80]!r}")
        return ", ".join(parts) or None


_PUBLISHED: dict[str, PartialDate | None] = {}


def _published(text: str) -> PartialDate | None:
    if text not in _PUBLISHED:
        if len(_PUBLISHED) > 4096:
            _PUBLISHED.clear()
        try:
            _PUBLISHED[text] = PartialDate.parse(text)
        except ValueError:
            _PUBLISHED[text] = None
    return _PUBLISHED[text]


@dataclass(frozen=True, slots=True)
class Document(DocumentInfo):
    """A document with its text: what rules read. Offsets in findings refer to ``text``."""

    text: str = ""

    @property
    def info(self) -> DocumentInfo:
        return DocumentInfo(**{f: getattr(self, f) for f in _INFO_FIELDS})


_INFO_FIELDS = tuple(DocumentInfo.__dataclass_fields__)


# ================================================================ matches and mentions


@dataclass(frozen=True, slots=True)
class Hit:
    """A match of the one scan: a cue, a form of an entity or term, or a signal word."""

    kind: HitKind
    item: str  # claim, entity or term id; for signals, the signal group ("weekday")
    start: int
    end: int
    text: str  # the pattern as written in the claims (or the language pack)
    language: str | None = None  # the cue's or signal word's language
    document: str = ""  # the document it was found in


@dataclass(frozen=True, slots=True)
class Mention:
    """A place where a document speaks to a claim, with the value read there."""

    document: str
    claim: str
    language: str
    sentence_start: int
    sentence_end: int
    cue_start: int
    cue_end: int
    cue: str
    value_start: int
    value_end: int
    raw: str
    value: str
    kind: ValueKind
    how: str
    weekday: int | None = None
    modality: Modality = Modality.FACT
    uncertain: bool = False  # read with less confidence: derived rules leave it alone
    as_of: int | None = None  # the year an anniversary is counted to, when the text says
    precision: float | None = None  # the unit of the last digit written ("96 juta": 1e6)
    total: str | None = None  # the sum of the list of counts it is one of ("181 … and 8 …")
    # a category claim's other categories the sentence names, none of them a rank below the
    # first ("Oliveira held off Quartararo to win": quartararo read, oliveira named too)
    also: tuple[str, ...] = ()
    # reckoned from the publication date ("yesterday", "two days ago"), not written out
    relative: bool = False
    # the sentence dates what it tells on another day than the claim's statement does
    # ("magnitudo 4,1 pada Jumat" for a quake the statement puts on a Monday): the date
    other_day: str | None = None


# ================================================================ findings


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported problem. Rules describe it; the runner adds location and quote."""

    rule: str
    verdict: Verdict
    severity: Severity
    message: str
    claim: str | None = None  # id of the claim, entity or term (None for corpus-wide rules)
    document: str | None = None
    start: int | None = None  # character offsets in the document text
    end: int | None = None
    expected: str | None = None
    found: str | None = None
    how: str | None = None  # how the found value was read or resolved
    path: str | None = None
    line: int | None = None
    column: int | None = None
    quote: str | None = None
    acknowledged: str | None = None  # the reason, while an acknowledgement covers it
    end_line: int | None = None  # where the span ends (end_column is exclusive)
    end_column: int | None = None
    snippet: str | None = None  # the span's text as written (SARIF regions)
    where: str | None = None  # for PDFs, tables and pages: "page 3, line 12", "row 57"

    def with_(self, **changes: Any) -> Finding:
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return {k: (str(v) if isinstance(v, Vocabulary) else v)
                for k, v in asdict(self).items()}

    @property
    def item(self) -> str | None:
        """The claim, entity or term the finding is about (JSON calls it ``claim``)."""
        return self.claim

    @property
    def sort_key(self) -> tuple[str, str, int, str, str]:
        return (self.claim or "", self.document or "", self.start or 0, self.rule,
                self.found or "")


@dataclass(frozen=True, slots=True)
class SourcePair:
    """Two documents that are not independent sources: a translation or a copy."""

    a: str
    b: str
    how: str  # "declared" or "detected (…)"


@dataclass(frozen=True, slots=True)
class StaleAcknowledgement:
    """An acknowledgement whose discrepancy no longer occurs, or names no document."""

    item: str
    source: str
    path: str
    line: int
    unknown_document: bool = False

    def __str__(self) -> str:
        if self.unknown_document:
            return (f"{self.path}:{self.line}: {self.item} acknowledges a discrepancy in "
                    f"unknown document {self.source!r}")
        return (f"{self.path}:{self.line}: {self.item}: the acknowledged discrepancy in "
                f"{self.source!r} no longer occurs; remove it")


# ================================================================ the attribution trace


@dataclass(frozen=True, slots=True)
class TraceStep:
    """One decision of attribution, recorded for ``factaudit explain``: a cue found, a
    value read in its sentence, and whether the value was kept for the item, and why."""

    document: str
    item: str
    sentence: tuple[int, int]
    # "cue", "found" (a name or term form), "mention" (the value is the claim's),
    # "other-cue", "not-kept", "wrong-kind", "no-unit", "no-value", "out-of-scope", and the
    # exclusions: "dateline", "planned", "out-of-window", "not-about", "negated"
    decision: str
    reason: str
    cue: tuple[int, int] | None = None
    cue_text: str | None = None
    value: tuple[int, int] | None = None
    raw: str | None = None
    kind: str | None = None
    canonical: str | None = None
    how: str | None = None
    distance: int | None = None


# ================================================================ input problems


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the user's input, located as precisely as we can."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        # each part on its own line, whatever the path or the quoted input holds
        where = one_line(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {one_line(self.message)}"
        if self.hint:
            text += f"\n  hint: {one_line(self.hint)}"
        return text


class InputError(Exception):
    """Claims, corpus or configuration cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# ================================================================ showing untrusted text


def display_path(path: Path | str) -> str:
    """A path as the user would type it: relative to the working directory when possible."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(p)


def listing(items: Any, limit: int = 5, sep: str = ", ") -> str:
    """At most ``limit`` items, then how many more: a message stays short however many
    sources a finding concerns (a claim found in 20,000 documents)."""
    items = list(items)
    shown = sep.join(str(x) for x in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _escape(m: re.Match[str]) -> str:
    return m.group().encode("unicode_escape").decode()


# Control characters (terminal escape sequences among them) and bidirectional overrides.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Everything that can end or reorder a line: all C0 and C1 controls (tab, newline and CR
# included), line and paragraph separators, bidirectional controls.
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u061c"
                           "\u202a-\u202e\u2066-\u2069]")
# what ``guard`` escapes: control characters but tab, and the escape character unless it
# starts one of factaudit's own colour codes
_UNSAFE_LINE = re.compile("\x1b(?!\\[[0-9;]*m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f"
                          "\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` with control characters escaped (\\x1b), keeping line breaks and tabs."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: object) -> str:
    """A field from documents, file names or front matter, made safe to print in a line
    of a terminal or a CI log: it cannot start a new line, move the cursor, recolour the
    screen or be read as a CI workflow command ("::error::", "##[")."""
    out = _NOT_ONE_LINE.sub(_escape, str(text))
    if out.lstrip().startswith("::"):
        out = out.replace(":", "\\x3a", 1)
    return out.replace("##[", "#\\x23[")


def guard(text: str) -> str:
    """A whole text output (several lines), checked line by line as ``one_line`` checks a
    field, keeping its line breaks, tabs and the colour codes factaudit itself adds."""
    lines = []
    for line in text.split("\n"):
        line = _UNSAFE_LINE.sub(_escape, line)
        if line.lstrip().startswith("::"):
            line = line.replace(":", "\\x3a", 1)
        lines.append(line.replace("##[", "#\\x23["))
    return "\n".join(lines)
