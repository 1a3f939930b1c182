"""Reporters: each output format is a ``Reporter`` registered under the entry-point group
``factaudit.reporters`` — the built-in ones exactly as a third-party package registers its
own — so ``--format`` offers whatever is installed. The HTML report is not a format:
``factaudit.report.html.write`` serves ``factaudit report`` and ``pytest
--factaudit-report``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any

from factaudit.results import AuditResult

GROUP = "factaudit.reporters"
Options = dict[str, Any]


@dataclass(frozen=True)
class Reporter:
    """An output format: ``render`` gives the text of the output; ``after``, when given,
    writes side outputs once the text is out (the GitHub step summary). ``guarded``: the
    text is for people and goes through ``model.guard`` (machine formats escape every
    string themselves)."""

    name: str
    render: Callable[[AuditResult, Options], str]
    after: Callable[[AuditResult, Options], list[str]] | None = None
    description: str = ""
    guarded: bool = False


def reporters() -> dict[str, Reporter]:
    """Every installed reporter by name (sorted)."""
    found: dict[str, Reporter] = {}
    for ep in entry_points(group=GROUP):
        reporter = ep.load()
        if not isinstance(reporter, Reporter):
            raise TypeError(f"entry point {ep.name} ({ep.value}) is not a factaudit Reporter")
        found[reporter.name] = reporter
    return dict(sorted(found.items()))
