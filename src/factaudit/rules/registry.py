"""Which rules exist (the ``factaudit.checks`` entry points), which run (lifecycle and
``[tool.factaudit.rules]``), and at which severity."""

from __future__ import annotations

import difflib
from importlib.metadata import entry_points

from factaudit.inputs.config import Config
from factaudit.model import InputError, Lifecycle, Problem, Severity
from factaudit.rules.api import Rule

GROUP = "factaudit.checks"


def discover_rules() -> list[Rule]:
    """Every rule registered in the ``factaudit.checks`` entry-point group, sorted by id."""
    rules: dict[str, Rule] = {}
    for ep in entry_points(group=GROUP):
        rule = ep.load()
        if not isinstance(rule, Rule):
            raise TypeError(f"entry point {ep.name} ({ep.value}) is not a factaudit Rule")
        if rule.id in rules:
            raise ValueError(f"two rules share the id {rule.id!r}")
        rules[rule.id] = rule
    return [rules[k] for k in sorted(rules)]


def check_rule_ids(config: Config, known: list[str]) -> None:
    """Unknown rule ids in the configuration are errors: a typo would silently do nothing."""
    problems = []
    for rule_id in config.rules:
        if rule_id not in known:
            close = difflib.get_close_matches(rule_id, known, n=1)
            problems.append(Problem(config.source or "pyproject.toml",
                                    f"[tool.factaudit.rules] names unknown rule {rule_id!r}",
                                    hint=f"did you mean {close[0]!r}?" if close
                                    else "see `factaudit rules`"))
    if problems:
        raise InputError(problems)


def on_by_default(rule: Rule, config: Config) -> bool:
    """Whether a rule runs when the configuration does not name it."""
    if rule.optional:
        return False
    if rule.status == Lifecycle.PREVIEW:
        return config.preview
    return True


def is_active(rule: Rule, config: Config) -> bool:
    return config.enabled(rule.id, on_by_default(rule, config))


def active_rules(config: Config, rules: list[Rule] | None = None) -> list[Rule]:
    """The rules that run: those on by default unless set to false, and optional or
    preview rules turned on by name (``rule = true`` or a severity)."""
    rules = discover_rules() if rules is None else rules
    check_rule_ids(config, [r.id for r in rules])
    return [r for r in rules if is_active(r, config)]


def severity_of(rule: Rule, config: Config, item_severity: str | None = None) -> Severity:
    """An item's own severity wins, then the project's setting, then the rule's default."""
    override = config.severity_override(rule.id)
    return Severity(item_severity or override or rule.severity)


def lifecycle_notes(rules: list[Rule]) -> list[str]:
    """Once per run: what replaces each deprecated rule that runs."""
    return [f"rule {r.id} is deprecated and will be removed"
            + (f"; use {r.replaced_by} instead" if r.replaced_by else "")
            for r in rules if r.status == Lifecycle.DEPRECATED]
