"""Safe YAML loading that remembers where every value came from.

Claims files are written by hand, so every later error (pydantic validation, a duplicate
id, an unknown cue language) must point at a file, a line and a column. We compose the
YAML into nodes ourselves instead of calling ``yaml.safe_load`` so that we can keep each
node's position, reject duplicate keys (PyYAML silently keeps the last one) and bound
the work done by aliases ("billion laughs").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factaudit.errors import InputError, Problem, display_path

# A claims file of a few thousand claims has well under this many nodes; a file that
# expands past it through aliases is an attack or a mistake, not an audit.
MAX_NODES = 200_000

Location = tuple[int, int]  # 1-based line and column
PathKey = tuple[Any, ...]


@dataclass
class LocatedYaml:
    """Plain Python data plus the source position of every mapping key, item and value."""

    path: str
    data: Any
    locations: dict[PathKey, Location] = field(default_factory=dict)

    def locate(self, key: PathKey) -> Location | None:
        """Position of ``key``, or of its closest ancestor that has one."""
        key = tuple(key)
        while True:
            if key in self.locations:
                return self.locations[key]
            if not key:
                return None
            key = key[:-1]


def read_text(path: Path) -> str:
    """Read a hand-written text file as UTF-8 (a BOM is allowed), with a clear error otherwise."""
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(Problem(shown, f"cannot read file: {exc.strerror or exc}")) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            Problem(
                shown,
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                line=line,
                hint="save the file as UTF-8",
            )
        ) from None


def load_yaml(path: Path, text: str | None = None) -> LocatedYaml:
    """Parse one YAML document safely, keeping positions. Raises InputError with file:line."""
    shown = display_path(path)
    if text is None:
        text = read_text(path)
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise InputError(_syntax_problem(shown, exc, text)) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(shown, f"YAML error: {exc}")) from None
    finally:
        loader.dispose()
    result = LocatedYaml(shown, None)
    if node is None:
        return result
    builder = _Builder(shown, loader, result.locations)
    result.data = builder.build(node, ())
    return result


def _syntax_problem(shown: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    hint = "check the indentation and quoting around this line"
    if mark is not None:
        bad_line = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
        if "\t" in bad_line[: max(mark.column, 1) + 1] or "found character '\\t'" in message:
            hint = "YAML does not allow tabs for indentation; indent with spaces"
        elif ":" in bad_line and "mapping values are not allowed" in message:
            hint = "quote values that contain ': ' (for example \"Note: text\")"
    return Problem(shown, f"invalid YAML: {message}", line, column, hint)


class _Builder:
    def __init__(self, shown: str, loader: yaml.SafeLoader, locations: dict) -> None:
        self.shown = shown
        self.loader = loader
        self.locations = locations
        self.count = 0
        self.active: set[int] = set()

    def build(self, node: yaml.Node, key: PathKey) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise InputError(
                Problem(
                    self.shown,
                    f"document expands to more than {MAX_NODES:,} values",
                    node.start_mark.line + 1,
                    hint="this usually comes from nested aliases (&anchor / *alias); "
                    "write the values out instead",
                )
            )
        self.locations.setdefault(key, (node.start_mark.line + 1, node.start_mark.column + 1))
        if id(node) in self.active:
            raise InputError(
                Problem(self.shown, "recursive alias", node.start_mark.line + 1,
                        hint="an alias may not refer to a node that contains it")
            )
        if isinstance(node, yaml.ScalarNode):
            return self.loader.construct_object(node, deep=True)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*key, i)) for i, item in enumerate(node.value)]
            return self._mapping(node, key)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, key: PathKey) -> dict:
        self.loader.flatten_mapping(node)  # resolves "<<" merge keys
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError(
                    Problem(self.shown, "mapping keys must be plain values",
                            key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                )
            k = self.loader.construct_object(key_node, deep=True)
            if k in out:
                first = self.locations.get((*key, k))
                raise InputError(
                    Problem(
                        self.shown,
                        f"duplicate key {k!r}"
                        + (f" (first given on line {first[0]})" if first else ""),
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        hint="remove one of the two, or merge their contents",
                    )
                )
            mark = key_node.start_mark
            self.locations[(*key, k)] = (mark.line + 1, mark.column + 1)
            out[k] = self.build(value_node, (*key, k))
        return out
