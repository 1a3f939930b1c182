"""Safe YAML loading that remembers where every value came from.

Claims files are written by hand, so every later error (pydantic validation, a duplicate
id, an unknown cue language) must point at a file, a line and a column. We compose the
YAML into nodes ourselves instead of calling ``yaml.safe_load`` so that we can keep each
node's position, reject duplicate keys (PyYAML silently keeps the last one) and bound
the work done by aliases ("billion laughs").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factaudit.model import InputError, Problem, display_path
from factaudit.reading.files import HAND_WRITTEN_LIMIT, NotRegular, TooLarge, describe, read_regular

# A claims file of a few thousand claims has well under this many nodes; a file that
# expands past it through aliases is an attack or a mistake, not an audit.
MAX_NODES = 200_000
# Lists in mappings in lists…: a claims file needs about six levels. Deeper nesting is
# refused before it can exhaust Python's recursion limit.
MAX_DEPTH = 64
# The tags a plain YAML document may use. Anything else ("!!python/object", "!custom") is
# refused: a claims file or a document's front matter never constructs objects.
_PLAIN = "tag:yaml.org,2002:"
SCALAR_TAGS = {_PLAIN + t for t in ("str", "int", "float", "bool", "null", "timestamp")}

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
        raw = read_regular(path, HAND_WRITTEN_LIMIT)
    except OSError as exc:
        raise InputError(Problem(shown, f"cannot read file: {describe(exc)}",
                                 hint=_READ_HINT.get(type(exc), "check that it exists and is "
                                                     "readable"))) from None
    return decode_text(raw, shown)


_READ_HINT = {NotRegular: "point factaudit at a regular file",
              TooLarge: "a hand-written file of this size is a mistake; split it",
              PermissionError: "make it readable (chmod u+r) or run as its owner"}


def decode_text(raw: bytes, shown: str) -> str:
    """Hand-written text as UTF-8 (a BOM is allowed), with a clear error otherwise."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            Problem(
                shown,
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                line=line,
                hint="the file is UTF-16: save it as UTF-8"
                if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "save the file as UTF-8",
            )
        ) from None


def load_yaml(path: Path, text: str | None = None, first_line: int = 1) -> LocatedYaml:
    """Parse one YAML document safely, keeping positions. Raises InputError with file:line.

    Every problem that does not stop parsing (duplicate keys, impossible dates, tags that
    are not plain YAML) is reported, not only the first. ``first_line`` is the file line
    of the text's first line (for YAML embedded in a larger file, such as front matter).
    """
    shown = display_path(path)
    if text is None:
        text = read_text(path)
    offset = first_line - 1
    try:
        loader = _loader_for(text)
    except yaml.reader.ReaderError as exc:
        raise InputError(_reader_problem(shown, exc, text, offset)) from None
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise InputError(_syntax_problem(shown, exc, text, offset)) from None
    except yaml.reader.ReaderError as exc:
        raise InputError(_reader_problem(shown, exc, text, offset)) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(shown, f"YAML error: {exc}")) from None
    except _TooDeep as exc:
        raise InputError(Problem(shown, "YAML nested too deeply", exc.mark.line + 1 + offset,
                                 exc.mark.column + 1, hint=_DEPTH_HINT)) from None
    except RecursionError:
        raise InputError(Problem(shown, "YAML nested too deeply", hint=_DEPTH_HINT)) from None
    finally:
        loader.dispose()
    result = LocatedYaml(shown, None)
    if node is None:
        return result
    builder = _Builder(shown, loader, result.locations, offset)
    result.data = builder.build(node, ())
    if builder.problems:
        raise InputError(builder.problems)
    return result


_DEPTH_HINT = f"claims and metadata need a few levels; more than {MAX_DEPTH} is refused"


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


if hasattr(yaml, "CSafeLoader"):
    class _CLoader(yaml.CSafeLoader):  # libyaml parses; the constructor is the safe one
        pass
else:  # pragma: no cover - PyYAML built without libyaml
    _CLoader = None  # type: ignore[assignment,misc]


def _loader_for(text: str) -> Any:
    """libyaml's parser (many times faster) for a text that cannot nest deeper than
    MAX_DEPTH — each level needs one more space of indentation or one more bracket —
    else the pure-Python loader that counts the depth as it goes."""
    if _CLoader is not None and _shallow(text):
        return _CLoader(text)
    return _Loader(text)


def parse_packaged(text: str) -> Any:
    """The data of a YAML text that ships with factaudit (a built-in language pack), with
    the same safe loaders as every other YAML: plain data only, never objects or code."""
    loader = _loader_for(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _shallow(text: str) -> bool:
    indent = max((len(line) - len(line.lstrip(" ")) for line in text.splitlines()), default=0)
    brackets = depth = 0
    for m in _BRACKETS.finditer(text):  # inside quotes too: an overestimate is safe
        if m.group(0) in "[{":
            depth += 1
            brackets = max(brackets, depth)
        else:
            depth = max(0, depth - 1)
    return indent + brackets < MAX_DEPTH // 2


_BRACKETS = re.compile(r"[\[\]{}]")


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing deep nesting as it composes (before recursing into it)."""

    _depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _reader_problem(shown: str, exc: yaml.reader.ReaderError, text: str, offset: int) -> Problem:
    """A character YAML does not allow (NUL, other control characters, lone surrogates)."""
    position = exc.position if isinstance(exc.position, int) else 0
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    return Problem(shown, f"character U+{code:04X} is not allowed in YAML", line + offset,
                   column, hint="remove it (a NUL or control character usually means the file "
                   "is binary or in another encoding), or write it as an escape in a "
                   "double-quoted string (\"\\u0000\")")


def _syntax_problem(shown: str, exc: yaml.MarkedYAMLError, text: str, offset: int = 0
                    ) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 + offset if mark else None
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
    def __init__(self, shown: str, loader: _Loader, locations: dict,
                 offset: int = 0) -> None:
        self.shown = shown
        self.loader = loader
        self.locations = locations
        self.offset = offset
        self.count = 0
        self.active: set[int] = set()
        self.problems: list[Problem] = []

    def _where(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.offset, node.start_mark.column + 1

    def problem(self, node: yaml.Node, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(self.shown, message, *self._where(node), hint))

    def build(self, node: yaml.Node, key: PathKey) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise InputError(
                Problem(
                    self.shown,
                    f"document expands to more than {MAX_NODES:,} values",
                    self._where(node)[0],
                    hint="this usually comes from nested aliases (&anchor / *alias); "
                    "write the values out instead",
                )
            )
        if len(key) > MAX_DEPTH:
            raise InputError(Problem(self.shown, "YAML nested too deeply",
                                     *self._where(node), hint=_DEPTH_HINT))
        self.locations.setdefault(key, self._where(node))
        if id(node) in self.active:
            raise InputError(
                Problem(self.shown, "recursive alias", self._where(node)[0],
                        hint="an alias may not refer to a node that contains it")
            )
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        expected = _PLAIN + ("seq" if isinstance(node, yaml.SequenceNode) else "map")
        if node.tag != expected:
            self._bad_tag(node)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*key, i)) for i, item in enumerate(node.value)]
            assert isinstance(node, yaml.MappingNode)
            return self._mapping(node, key)
        finally:
            self.active.discard(id(node))

    def _bad_tag(self, node: yaml.Node) -> None:
        tag = node.tag.replace(_PLAIN, "!!")
        self.problem(node, f"YAML tag {tag!r} is not allowed",
                     "only plain values (text, numbers, dates, true/false, lists, mappings) "
                     "are read; nothing is ever constructed or run; remove the tag")

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in SCALAR_TAGS:
            self._bad_tag(node)
            return node.value
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            detail = str(getattr(exc, "problem", None) or exc)
            if node.tag == _PLAIN + "timestamp":
                self.problem(node, f"{node.value!r} is not a real date ({detail})",
                             "check the day and the month (YYYY-MM-DD); quote it if it is "
                             "not meant as a date")
            else:
                self.problem(node, f"cannot read {node.value!r}: {detail}")
            return node.value

    def _mapping(self, node: yaml.MappingNode, key: PathKey) -> dict:
        try:
            self.loader.flatten_mapping(node)  # resolves "<<" merge keys
        except yaml.YAMLError as exc:
            self.problem(node, f"invalid merge key: {getattr(exc, 'problem', None) or exc}",
                         "'<<' takes an alias to a mapping, or a list of them")
            node.value = [(k, v) for k, v in node.value if k.tag != _PLAIN + "merge"]
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, "mapping keys must be plain values",
                             "a key is a word or a quoted text, not a list or mapping")
                continue
            k = self._scalar(key_node)
            if k in out:
                first = self.locations.get(tuple([*key, k]))
                self.problem(key_node, f"duplicate key {k!r}"
                             + (f" (first given on line {first[0]})" if first else ""),
                             "remove one of the two, or merge their contents")
                continue
            here = (*key, k)
            self.locations[here] = self._where(key_node)
            out[k] = self.build(value_node, here)
        return out
