"""Project settings from ``[tool.factaudit]`` in pyproject.toml."""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from factaudit.model import InputError, Problem, display_path
from factaudit.reading.yamlsource import read_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

_KEYS = ("claims", "corpus", "languages", "rules", "reports", "preview")


@dataclass
class Config:
    claims: str = "claims"
    corpus: str = "corpus"
    reports: str = "reports"
    languages: tuple[str, ...] = ("en", "id")
    rules: dict[str, bool | str] = field(default_factory=dict)
    root: Path = field(default_factory=Path.cwd)
    source: str | None = None  # the pyproject.toml it came from
    preview: bool = False  # run rules that are still in preview

    def enabled(self, rule_id: str, default: bool = True) -> bool:
        """On unless set to false; a rule that is off by default needs ``rule = true`` (or a
        severity) in ``[tool.factaudit.rules]``."""
        return self.rules.get(rule_id, default) is not False

    def named(self, rule_id: str) -> bool:
        """Turned on by name (``rule = true`` or a severity)."""
        return rule_id in self.rules and self.rules[rule_id] is not False

    def severity_override(self, rule_id: str) -> str | None:
        value = self.rules.get(rule_id)
        return value if isinstance(value, str) else None


def load_config(start: Path | None = None) -> Config:
    """Settings of the nearest project at or above ``start``: the first folder that has a
    pyproject.toml (its [tool.factaudit] section, or defaults) or a claims/ folder of its
    own (defaults), so a project nested in another's tree is audited as itself."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.exists() or candidate.is_symlink():
            return _from_file(candidate)
        if (folder / "claims").is_dir():
            return Config(root=folder)
    return Config(root=start)


def _from_file(path: Path) -> Config:
    shown = display_path(path)
    try:
        data = tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(Problem(shown, f"cannot parse: {exc}")) from None
    tool = data.get("tool", {})
    section = tool.get("factaudit") if isinstance(tool, dict) else None
    if section is None:
        return Config(root=path.parent)
    if not isinstance(section, dict):
        raise InputError(Problem(shown, "[tool.factaudit] must be a table",
                                 hint='for example [tool.factaudit] then claims = "claims"'))
    problems = []
    for key in section:
        if key not in _KEYS:
            close = difflib.get_close_matches(key, _KEYS, n=1)
            problems.append(Problem(shown, f"unknown key {key!r} in [tool.factaudit]",
                                    hint=f"did you mean {close[0]!r}?" if close
                                    else f"known keys: {', '.join(_KEYS)}"))
    for key in ("claims", "corpus", "reports"):
        if not isinstance(section.get(key, ""), str):
            problems.append(Problem(shown, f"[tool.factaudit] {key} must be a folder path "
                                    f"(text), not {section[key]!r}",
                                    hint=f'for example {key} = "{key}"'))
    rules = section.get("rules", {})
    if not isinstance(rules, dict):
        problems.append(Problem(shown, "[tool.factaudit.rules] must be a table of rule ids",
                                hint='for example [tool.factaudit.rules] then name-variant = '
                                'false'))
        rules = {}
    for rule_id, value in rules.items():
        if value not in (True, False, "error", "warning", "info"):
            problems.append(Problem(shown, f"[tool.factaudit.rules] {rule_id} = {value!r}",
                                    hint="use true, false, \"error\", \"warning\" or \"info\""))
    preview = section.get("preview", False)
    if not isinstance(preview, bool):
        problems.append(Problem(shown, f"[tool.factaudit] preview must be true or false, not "
                                f"{preview!r}", hint="preview = true"))
    languages = section.get("languages", ["en", "id"])
    if (not isinstance(languages, list) or not languages
            or not all(isinstance(x, str) for x in languages)):
        problems.append(Problem(shown, "[tool.factaudit] languages must be a list of codes",
                                hint='for example languages = ["en", "id"]'))
    else:
        unknown = [code for code in languages if not _known_language(code)]
        if unknown:
            problems.append(Problem(shown, f"[tool.factaudit] languages: unknown language "
                                    f"code(s) {', '.join(map(repr, unknown))}",
                                    hint="use ISO 639-1 codes, for example \"en\", \"id\", "
                                    "\"fr\""))
    if problems:
        raise InputError(problems)
    return Config(
        claims=str(section.get("claims", "claims")),
        corpus=str(section.get("corpus", "corpus")),
        reports=str(section.get("reports", "reports")),
        languages=tuple(languages),
        rules=dict(rules),
        root=path.parent,
        source=shown,
        preview=preview is True,
    )


def _known_language(code: str) -> bool:
    """An ISO 639-1 code that language detection knows."""
    from lingua import IsoCode639_1

    return code.isalpha() and code.islower() and hasattr(IsoCode639_1, code.upper())
