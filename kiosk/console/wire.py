"""The console's values as JSON and back, by their dataclass fields.

One codec for both ends: the service encodes what :mod:`kiosk.console.models` describes and the
client decodes it into the same classes, so the two cannot drift apart field by field.
"""

from __future__ import annotations

import dataclasses
import types
import uuid
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


def to_json(value: Any) -> Any:
    """A dataclass (or list/tuple of them, or a plain value) as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def from_json(kind: Any, data: Any) -> Any:
    """``data`` read as ``kind`` (a dataclass, ``tuple[X, ...]``, ``X | None``, a scalar).
    Raises ValueError (or TypeError, KeyError) for data of another shape."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        if data is None:
            return None
        return from_json(options[0], data)
    if origin is tuple:
        (item, _dots) = get_args(kind)
        return tuple(from_json(item, v) for v in data)
    if origin is list:
        return [from_json(get_args(kind)[0], v) for v in data]
    if origin is dict:
        key, value = get_args(kind)
        return {from_json(key, k): from_json(value, v) for k, v in data.items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise ValueError(f"{kind.__name__}: expected an object")
        hints = _hints(kind)
        values = {
            f.name: from_json(hints[f.name], data[f.name])
            for f in dataclasses.fields(kind)
            if f.name in data
        }
        return kind(**values)
    if kind is datetime:
        return datetime.fromisoformat(data)
    if kind is date:
        return date.fromisoformat(data)
    if kind is uuid.UUID:
        return uuid.UUID(data)
    if kind in (str, int, bool, float):
        if kind is float and isinstance(data, int):
            return float(data)
        if not isinstance(data, kind) or (kind is int and isinstance(data, bool)):
            raise ValueError(f"expected {kind.__name__}, not {type(data).__name__}")
        return data
    raise TypeError(f"cannot read {kind!r}")


def decode(kind: type[T], data: Any) -> T:
    """Typed wrapper of :func:`from_json` for a dataclass."""
    result: T = from_json(kind, data)
    return result
