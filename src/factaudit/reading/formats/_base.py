"""The plain data every reader returns, the errors it may raise, and the time guard.

Kept free of imports from the rest of factaudit so the readers stay at the bottom layer.
"""

from __future__ import annotations

import bisect
import importlib
import logging
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Extracted:
    """What one file says, as the text that is audited plus what locates offsets in it.

    ``text`` is the only thing offsets refer to. ``metadata`` holds only what the file
    itself states (title, author, published as YYYY, YYYY-MM or YYYY-MM-DD, site, url,
    language as ISO 639-1); the manifest wins over it. ``pages[k]`` is the offset where
    page k+1 starts and ``lines`` the offset where each printed line starts (PDF), so a
    finding can say "page 3, line 12" of the original. ``headings`` are (offset, text).
    """

    text: str
    metadata: dict[str, str] = field(default_factory=dict)
    pages: tuple[int, ...] = ()
    headings: tuple[tuple[int, str], ...] = ()
    warnings: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()

    def page_line(self, offset: int) -> tuple[int, int] | None:
        """(page, line on that page), both 1-based, of an offset in ``text``; None
        for files without pages. A line is a printed line of the original, not of ``text``
        (hard wraps are joined there)."""
        if not self.pages:
            return None
        page = bisect.bisect_right(self.pages, offset)
        if not self.lines:
            return page, 1
        line = bisect.bisect_right(self.lines, offset)
        first = bisect.bisect_left(self.lines, self.pages[page - 1])
        return page, max(1, line - first)


@dataclass(frozen=True)
class Row:
    """One document of a table (JSON Lines, CSV, Parquet)."""

    number: int
    id: str | None
    text: str
    metadata: dict[str, str]


@dataclass(frozen=True)
class RowProblem:
    """A row that cannot be used, yielded in its place so the rest of the table still is."""

    number: int
    reason: str


@dataclass(frozen=True)
class Columns:
    """Which columns of a table hold the id, text and known metadata; the rest is kept too."""

    id: str = "id"
    text: str = "text"
    language: str = "language"
    published: str = "published"
    url: str = "url"
    title: str = "title"


@dataclass(frozen=True)
class Limits:
    """Bounds that turn hostile or broken files into Unreadable instead of a crash or hang.

    ``max_bytes`` bounds decompressed content (zip members, PDF content streams) and any
    single table row; ``max_seconds`` bounds one call of ``extract``.
    """

    max_bytes: int = 200_000_000
    max_pages: int = 10_000
    max_seconds: float = 60.0


class Unreadable(Exception):
    """The file is skipped; ``str(exc)`` is one line saying why."""

    def __init__(self, reason: str) -> None:
        super().__init__(one_line(reason))


class MissingExtra(Unreadable):
    """The file needs an optional dependency that is not installed; says what to install."""


class Paragraphs:
    """Paragraphs joined by blank lines, with the offsets of the headings among them: the
    text every reader of a structured format (a page, an office file) builds."""

    def __init__(self, deadline: Deadline) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.headings: list[tuple[int, str]] = []
        self.deadline = deadline

    def add(self, lines: Iterable[str], heading: bool = False) -> None:
        """One paragraph from its lines (blank ones dropped, each stripped)."""
        paragraph = "\n".join(x for x in (line.strip() for line in lines) if x)
        if not paragraph:
            return
        self.deadline.check()
        if self.parts:
            self.parts.append("\n\n")
            self.size += 2
        if heading:
            self.headings.append((self.size, paragraph.replace("\n", " ")))
        self.parts.append(paragraph)
        self.size += len(paragraph)

    def result(self, metadata: dict[str, str], warnings: list[str]) -> Extracted:
        return Extracted(text="".join(self.parts), metadata=metadata,
                         headings=tuple(self.headings), warnings=tuple(warnings))


def one_line(text: object, limit: int = 300) -> str:
    """A library's message squeezed to one line, so a skipped file takes one line to report."""
    flat = re.sub(r"\s+", " ", str(text)).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def library_failed(what: str, exc: BaseException) -> Unreadable:
    """Unreadable for an exception a library raised while reading a broken file."""
    detail = one_line(exc, 200) or type(exc).__name__
    return Unreadable(f"{what}: {detail}")


def require(module: str, label: str, extra: str) -> ModuleType:
    """Import an optional dependency, or say in one line which extra brings it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(
            f"{label} needs the '{extra}' extra: pip install 'factaudit[{extra}]'"
        ) from None


class QuietLogs(logging.Handler):
    """Keeps a library's warnings out of the user's terminal while it reads one file,
    counting them so a reader can say in one line that there were some.

    The loggers stop propagating for the duration: another thread using the same library
    at that moment is silenced too, which costs nothing but its log lines."""

    def __init__(self, *names: str) -> None:
        super().__init__(logging.WARNING)
        self.names = names
        self.count = 0
        self.first: str | None = None
        self._saved: list[tuple[logging.Logger, bool]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        if self.first is None:
            try:
                self.first = one_line(record.getMessage(), 160)
            except Exception:  # a library's malformed log call
                self.first = one_line(record.msg, 160)

    def __enter__(self) -> QuietLogs:
        for name in self.names:
            logger = logging.getLogger(name)
            self._saved.append((logger, logger.propagate))
            logger.addHandler(self)
            logger.propagate = False
        return self

    def __exit__(self, *exc: object) -> None:
        for logger, propagate in self._saved:
            logger.removeHandler(self)
            logger.propagate = propagate
        self._saved.clear()

    def summary(self, label: str) -> list[str]:
        if not self.count:
            return []
        plural = "s" if self.count > 1 else ""
        return [f"{label}: {self.count} warning{plural} while reading, first: {self.first}"]


class _HardStop(BaseException):
    """Raised from SIGALRM; a BaseException so library code's ``except Exception`` can't
    swallow it and carry on looping."""


class Deadline:
    """Time guard for one file.

    ``check()`` is the cheap test readers call between pages and paragraphs. In the main
    thread of a Unix process, when nobody else uses SIGALRM (pytest-timeout, a caller's
    own alarm), ``run`` also arms a real-time alarm, so a single library call that loops
    is interrupted too; elsewhere only the checks apply.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self._armed = False

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise self.exceeded()

    def exceeded(self) -> Unreadable:
        return Unreadable(f"reading took longer than {self.seconds:g} s (limits.max_seconds)")

    def _can_alarm(self) -> bool:
        return (
            hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        )

    def _fire(self, _signum: int, _frame: object) -> None:
        if self._armed:
            raise _HardStop

    def run(self, work: Callable[[], T]) -> T:
        """``work()`` under this deadline; Unreadable when it runs out."""
        alarm = self._can_alarm()
        previous: object = None
        done = False

        def disarm() -> None:
            nonlocal done
            self._armed = False
            if alarm and not done:
                done = True
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous or signal.SIG_DFL)  # type: ignore[arg-type]

        try:
            if alarm:
                previous = signal.signal(signal.SIGALRM, self._fire)
                self._armed = True
                # re-fires every second in case a bare ``except:`` swallowed the first one
                signal.setitimer(signal.ITIMER_REAL, max(self.seconds, 0.001), 1.0)
            try:
                return work()
            finally:
                disarm()
        except _HardStop:
            disarm()  # the alarm may have landed inside the first disarm, before it finished
            raise self.exceeded() from None

