"""Reading a TOML file (``kiosk.toml``, the service's own file): every problem one line."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from kiosk.base.errors import ConfigError

#: Deeper than any real config; tomllib recurses per level and a few hundred nested arrays or
#: inline tables exhaust Python's stack (a traceback instead of a message).
MAX_DEPTH = 32


def read_toml(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config file is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML syntax error: {exc}") from None
    except RecursionError:
        data = None
    if data is None or _depth(data) > MAX_DEPTH:
        raise ConfigError(
            f"{path}: values nested more than {MAX_DEPTH} levels deep (arrays or tables); "
            "a kiosk config needs at most three"
        )
    return data


def _depth(value: object, limit: int = MAX_DEPTH + 1) -> int:
    """How deeply ``value`` nests, counted no further than ``limit`` (no recursion)."""
    deepest = 0
    level: list[object] = [value]
    while level and deepest < limit:
        deepest += 1
        below: list[object] = []
        for item in level:
            if isinstance(item, dict):
                below.extend(item.values())
            elif isinstance(item, list):
                below.extend(item)
        level = below
    return deepest - 1 if not level else deepest
