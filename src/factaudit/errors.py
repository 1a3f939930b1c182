"""Input errors that name the file, the line and what to do about them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the user's input, located as precisely as we can."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class InputError(Exception):
    """Raised when claims, corpus or configuration cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path | str) -> str:
    """A path as the user would type it: relative to the working directory when possible."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p)


# Control characters (terminal escape sequences among them) and bidirectional overrides
# that a document, a file name or a claim may carry: shown escaped, never sent to the
# terminal, where they could recolour, retitle or reorder what the user reads.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` with control characters escaped (\\x1b), safe to print to a terminal."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode(), text)
