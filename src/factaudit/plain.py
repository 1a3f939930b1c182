"""Plain data in and out of JSON, for anything stored outside the process (the cache).

The cache is untrusted input: a planted or damaged file must never run code (no pickle)
and must never hand the pipeline a value of the wrong shape. So records are written as
JSON with a tag naming a *registered* dataclass, and read back only into registered
classes, with every field checked against its type annotation. Anything else raises
``ShapeError``, which callers treat as a cache miss.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections import Counter
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, Union

import orjson

T = TypeVar("T")

_REGISTRY: dict[str, type] = {}
_TAG, _VALUE = "$", "v"


class ShapeError(ValueError):
    """Stored data that is not what this version of factaudit writes."""


def register(cls: type[T]) -> type[T]:
    """Allow a dataclass to be stored and read back (a decorator, or call it directly)."""
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a dataclass")
    name = cls.__qualname__
    if _REGISTRY.get(name, cls) is not cls:
        raise ValueError(f"two stored types are named {name!r}")
    _REGISTRY[name] = cls
    return cls


# --------------------------------------------------------------------------- encode


def to_plain(obj: Any) -> Any:
    """JSON-ready data: containers and registered dataclasses tagged, scalars as they are."""
    if obj is None or isinstance(obj, bool | int | float | str):
        return obj
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
    name = type(obj).__qualname__
    if _REGISTRY.get(name) is type(obj):
        return {_TAG: name,
                _VALUE: [to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)]}
    raise TypeError(f"cannot store a {type(obj).__name__}: register it with plain.register")


def _order(x: Any) -> str:
    return orjson.dumps(x, option=orjson.OPT_SORT_KEYS).decode()


def dumps(obj: Any) -> bytes:
    return orjson.dumps(to_plain(obj))


# --------------------------------------------------------------------------- decode


def loads(data: bytes | str, expected: Any = Any) -> Any:
    """Read what ``dumps`` wrote, checked against the type ``expected``. Raises ShapeError."""
    try:
        raw = orjson.loads(data)
    except (orjson.JSONDecodeError, TypeError, ValueError) as exc:
        raise ShapeError(f"not JSON: {exc}") from None
    try:
        return _check(from_plain(raw), expected, "value")
    except RecursionError:
        raise ShapeError("nested too deeply") from None


def from_plain(data: Any) -> Any:
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return [from_plain(x) for x in data]
    if not isinstance(data, dict) or set(data) != {_TAG, _VALUE}:
        raise ShapeError("a mapping without a type tag")
    tag, value = data[_TAG], data[_VALUE]
    if not isinstance(value, list):
        raise ShapeError(f"{tag}: the value is not a list")
    if tag == "tuple":
        return tuple(from_plain(x) for x in value)
    if tag in ("set", "frozenset"):
        items = [from_plain(x) for x in value]
        try:
            return set(items) if tag == "set" else frozenset(items)
        except TypeError:
            raise ShapeError(f"{tag} of unhashable items") from None
    if tag in ("dict", "Counter"):
        out: dict[Any, Any] = {} if tag == "dict" else Counter()
        for pair in value:
            if not isinstance(pair, list) or len(pair) != 2:
                raise ShapeError(f"{tag}: an entry is not a pair")
            key = from_plain(pair[0])
            try:
                out[key] = from_plain(pair[1]) if tag == "dict" else pair[1]
            except TypeError:
                raise ShapeError(f"{tag}: unhashable key") from None
        return out
    cls = _REGISTRY.get(tag) if isinstance(tag, str) else None
    if cls is None:
        raise ShapeError(f"unknown type {str(tag)[:40]!r}")
    fields = dataclasses.fields(cls)
    if len(value) != len(fields):
        raise ShapeError(f"{tag}: {len(value)} fields, expected {len(fields)}")
    hints = _hints(cls)
    args = {}
    for f, item in zip(fields, value, strict=True):
        args[f.name] = _check(from_plain(item), hints[f.name], f"{tag}.{f.name}")
    try:
        return cls(**args)
    except (TypeError, ValueError) as exc:
        raise ShapeError(f"{tag}: {exc}") from None


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _check(value: Any, hint: Any, where: str) -> Any:
    """``value`` if it fits the annotation ``hint`` (the forms factaudit's records use)."""
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
        for x in value:
            _check(x, args[0] if args else Any, where)
        return value
    if origin is tuple:
        _expect(isinstance(value, tuple), value, hint, where)
        if len(args) == 2 and args[1] is Ellipsis:
            for x in value:
                _check(x, args[0], where)
        elif args:
            _expect(len(value) == len(args), value, hint, where)
            for x, a in zip(value, args, strict=True):
                _check(x, a, where)
        return value
    if origin in (dict, Counter):
        _expect(isinstance(value, origin), value, hint, where)
        k_hint, v_hint = args if len(args) == 2 else (args[0], int) if args else (Any, Any)
        for k, v in value.items():
            _check(k, k_hint, where)
            _check(v, v_hint, where)
        return value
    if isinstance(origin, type) and issubclass(origin, Callable):  # type: ignore[arg-type]
        raise ShapeError(f"{where}: callables are never stored")
    return value


def _expect(ok: bool, value: Any, hint: Any, where: str) -> Any:
    if not ok:
        raise ShapeError(f"{where}: {type(value).__name__} where {hint} was expected")
    return value
