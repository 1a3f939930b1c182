"""Plain data in and out of JSON, for what is stored outside the process (the cache).

The cache is untrusted input: a planted or damaged file must never run code (no pickle)
and must never hand the pipeline a value of the wrong shape. So records are written as
JSON, each dataclass tagged with its name, and read back only into the dataclasses that
the expected type names (and the types the caller allows), with every field checked
against its annotation. Anything else raises ``ShapeError``, which callers treat as a
cache miss.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections import Counter
from collections.abc import Iterable
from enum import Enum
from functools import cache
from typing import Any, Union

import orjson

_TAG, _VALUE = "$", "v"


class ShapeError(ValueError):
    """Stored data that is not what this version of factaudit writes."""


# --------------------------------------------------------------------------- encode


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass's field names, looked up once


def to_plain(obj: Any) -> Any:
    """JSON-ready data: containers and dataclasses tagged, scalars (enums too) as they are."""
    kind = type(obj)  # the exact types first: most of what is stored (a hot path)
    if kind in _SCALARS:
        return obj
    if kind is list:
        return [to_plain(x) for x in obj]
    if kind is tuple:
        return {_TAG: "tuple", _VALUE: [to_plain(x) for x in obj]}
    names = _FIELDS.get(kind)
    if names is not None:
        return {_TAG: kind.__qualname__, _VALUE: [to_plain(getattr(obj, n)) for n in names]}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(obj))
        return {_TAG: kind.__qualname__, _VALUE: [to_plain(getattr(obj, n)) for n in names]}
    if obj is None or isinstance(obj, bool | int | float):
        return obj
    if isinstance(obj, str):
        return str(obj)  # an enum member of a str vocabulary is stored as its text
    if isinstance(obj, list):
        return [to_plain(x) for x in obj]
    if isinstance(obj, tuple):
        return {_TAG: "tuple", _VALUE: [to_plain(x) for x in obj]}
    if isinstance(obj, Counter):
        return {_TAG: "Counter", _VALUE: [[to_plain(k), v] for k, v in obj.items()]}
    if isinstance(obj, set | frozenset):
        tag = "frozenset" if isinstance(obj, frozenset) else "set"
        return {_TAG: tag, _VALUE: sorted((to_plain(x) for x in obj), key=_order)}
    if isinstance(obj, dict):
        return {_TAG: "dict", _VALUE: [[to_plain(k), to_plain(v)] for k, v in obj.items()]}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {_TAG: type(obj).__qualname__,
                _VALUE: [to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)]}
    raise TypeError(f"cannot store a {type(obj).__name__}")


def _order(x: Any) -> str:
    return orjson.dumps(x, option=orjson.OPT_SORT_KEYS).decode()


def dumps(obj: Any) -> bytes:
    return orjson.dumps(to_plain(obj))


# --------------------------------------------------------------------------- decode


def loads(data: bytes | str, expected: Any = Any, allow: Iterable[Any] = ()) -> Any:
    """Read what ``dumps`` wrote, checked against the type ``expected``. The dataclasses it
    may contain are those ``expected`` and ``allow`` name, and the ones their fields name.
    Raises ShapeError."""
    try:
        raw = orjson.loads(data)
    except (orjson.JSONDecodeError, TypeError, ValueError) as exc:
        raise ShapeError(f"not JSON: {exc}") from None
    classes = {cls.__qualname__: cls for t in (expected, *allow) for cls in _reachable(t)}
    try:
        return _check(_from_plain(raw, classes), expected, "value")
    except RecursionError:
        raise ShapeError("nested too deeply") from None


def _reachable(hint: Any, seen: set[Any] | None = None) -> set[type]:
    """The dataclasses a type annotation can hold, through fields and containers."""
    seen = set() if seen is None else seen
    if hint in seen:
        return set()
    seen.add(hint)
    out: set[type] = set()
    for arg in typing.get_args(hint):
        out |= _reachable(arg, seen)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        out.add(hint)
        for field_hint in _hints(hint).values():
            out |= _reachable(field_hint, seen)
    return out


def _from_plain(data: Any, classes: dict[str, type]) -> Any:
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return [_from_plain(x, classes) for x in data]
    if not isinstance(data, dict) or set(data) != {_TAG, _VALUE}:
        raise ShapeError("a mapping without a type tag")
    tag, value = data[_TAG], data[_VALUE]
    if not isinstance(value, list):
        raise ShapeError(f"{str(tag)[:40]}: the value is not a list")
    if tag == "tuple":
        return tuple(_from_plain(x, classes) for x in value)
    if tag in ("set", "frozenset"):
        items = [_from_plain(x, classes) for x in value]
        try:
            return set(items) if tag == "set" else frozenset(items)
        except TypeError:
            raise ShapeError(f"{tag} of unhashable items") from None
    if tag in ("dict", "Counter"):
        out: dict[Any, Any] = {} if tag == "dict" else Counter()
        for pair in value:
            if not isinstance(pair, list) or len(pair) != 2:
                raise ShapeError(f"{tag}: an entry is not a pair")
            key = _from_plain(pair[0], classes)
            try:
                out[key] = _from_plain(pair[1], classes) if tag == "dict" else pair[1]
            except TypeError:
                raise ShapeError(f"{tag}: unhashable key") from None
        return out
    cls = classes.get(tag) if isinstance(tag, str) else None
    if cls is None:
        raise ShapeError(f"unexpected type {str(tag)[:40]!r}")
    fields = dataclasses.fields(cls)
    if len(value) != len(fields):
        raise ShapeError(f"{tag}: {len(value)} fields, expected {len(fields)}")
    hints = _hints(cls)
    args = {f.name: _check(_from_plain(item, classes), hints[f.name], f"{tag}.{f.name}")
            for f, item in zip(fields, value, strict=True) if f.init}
    try:
        return cls(**args)
    except (TypeError, ValueError) as exc:
        raise ShapeError(f"{tag}: {exc}") from None


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _check(value: Any, hint: Any, where: str) -> Any:
    """``value`` if it fits the annotation ``hint`` (an enum's text becomes its member)."""
    if hint is Any or hint is object:
        return value
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType):
        for option in args:
            try:
                return _check(value, option, where)
            except ShapeError:
                continue
        raise ShapeError(f"{where}: {type(value).__name__} does not fit {hint}")
    if hint is type(None):
        return _expect(value is None, value, hint, where)
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(value)
        except ValueError:
            raise ShapeError(f"{where}: {str(value)[:40]!r} is not a {hint.__name__}") from None
    if hint is float:
        return _expect(isinstance(value, int | float) and not isinstance(value, bool),
                       value, hint, where)
    if hint is int:
        return _expect(isinstance(value, int) and not isinstance(value, bool), value, hint,
                       where)
    if isinstance(hint, type) and origin is None:
        return _expect(isinstance(value, hint), value, hint, where)
    if origin is typing.Literal:
        return _expect(value in args, value, hint, where)
    if origin in (list, set, frozenset):
        _expect(isinstance(value, origin), value, hint, where)
        item = args[0] if args else Any
        return origin(_check(x, item, where) for x in value)
    if origin is tuple:
        _expect(isinstance(value, tuple), value, hint, where)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_check(x, args[0], where) for x in value)
        if args:
            _expect(len(value) == len(args), value, hint, where)
            return tuple(_check(x, a, where) for x, a in zip(value, args, strict=True))
        return value
    if origin in (dict, Counter):
        _expect(isinstance(value, origin), value, hint, where)
        k_hint, v_hint = args if len(args) == 2 else ((args[0], int) if args else (Any, Any))
        out: dict[Any, Any] = origin() if origin is Counter else {}
        for k, v in value.items():
            out[_check(k, k_hint, where)] = _check(v, v_hint, where)
        return out
    if origin is not None and str(origin).startswith("<class 'collections.abc.Callable"):
        raise ShapeError(f"{where}: callables are never stored")
    return value


def _expect(ok: bool, value: Any, hint: Any, where: str) -> Any:
    if not ok:
        raise ShapeError(f"{where}: {type(value).__name__} where {hint} was expected")
    return value
