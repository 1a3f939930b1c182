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
    return _UNSAFE.sub(_escape, text)


# Everything that can end or reorder a line: all C0 and C1 controls (tab, newline and CR
# included), line and paragraph separators, bidirectional controls.
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u061c"
                           "\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    return m.group().encode("unicode_escape").decode()


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


# what ``guard`` escapes: control characters but tab and the escape that starts factaudit's
# own colour codes (only when a colour code follows it)
_UNSAFE_LINE = re.compile("\x1b(?!\\[[0-9;]*m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f"
                          "\u2028\u2029\u202a-\u202e\u2066-\u2069]")
