"""How a ``kiosk.toml`` key is declared, and the checks its value must pass.

A check takes the value (already of the key's type) and returns what is wrong with it, or None.
The keys themselves are declared in ``kiosk/config/schema.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@dataclass(frozen=True)
class Key:
    """One config key: its type, default (``REQUIRED`` when it has none) and meaning."""

    type: type | tuple[type, ...]
    default: Any
    doc: str
    check: Callable[[Any], str | None] | None = None


REQUIRED = object()


def one_of(choices: tuple[str, ...]) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if value in choices else f"must be one of {', '.join(choices)}"

    return check


def positive(value: Any) -> str | None:
    return None if value > 0 else "must be greater than zero"


def panel_ppi(value: Any) -> str | None:
    ok = 50 <= value <= 1000
    return None if ok else "must be the panel's pixels per inch, between 50 and 1000 (e.g. 149)"


def time_zone(value: Any) -> str | None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return f"{value!r} is not an IANA time zone name (like Europe/Helsinki)"
    return None


def slug(value: Any) -> str | None:
    ok = value and all(c.isalnum() or c in "-_." for c in value) and value.isascii()
    return None if ok else "use letters, digits, '-', '_' or '.' only"


def clock_time(value: Any) -> str | None:
    try:
        parse_clock_time(value)
    except ValueError:
        return f"{value!r} is not a time of day like 07:00"
    return None


def parse_clock_time(value: str) -> time:
    """``"07:00"`` -> ``time(7, 0)``; ``ValueError`` otherwise."""
    hours, _, minutes = value.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(value)
    return time(int(hours), int(minutes))


def percent(value: Any) -> str | None:
    return None if isinstance(value, int) and 1 <= value <= 100 else "must be 1-100"


def domain_names(value: Any) -> str | None:
    for item in value:
        if not isinstance(item, str):
            return f"must be a list of domain names, not {item!r}"
        labels = item.split(".")
        ok = (
            item.isascii()
            and len(labels) >= 2
            and len(item) <= 253
            and all(0 < len(label) <= 63 and label.replace("-", "").isalnum() for label in labels)
        )
        if not ok:
            return f"{item[:80]!r} is not a domain name like vm.fi (no @, no scheme)"
    return None


def reader_protocol(value: Any) -> str | None:
    from devices.registry import protocol_names

    names = protocol_names()
    return None if value in names else f"must be one of {', '.join(names)}"
