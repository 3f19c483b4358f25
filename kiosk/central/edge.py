"""Every pushed record checked at the edge, before any central rule or database write.

What a device may push is an allow-list per role (pretix calls it a security profile): a door
pushes its door actions, a lobby its check-ins and walk-ins, and both what a host does at their
host panel. Every value is bounded: text length, no NUL or control characters, sane times,
integers that fit the database, no invisible or bidi characters in any text
(:mod:`kiosk.base.text`: a stolen lobby cannot push a visitor whose name reads backwards).
A record that says when something happened may not say it happens later (a check-in dated
next year would stay the latest one, so its person would show as inside, or outside, for a
year whatever they tap), and a value from a fixed list (a mode, a check-in's direction) must
be one of them. A record naming another kiosk, or a door's action on another room, is
refused, and so is an audit entry a kiosk never writes. A refusal is permanent and carries its
reason; it never blocks the records behind it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Date, Integer, String, Uuid

from kiosk.base.text import hidden_in, is_blank
from kiosk.central.credentials import Device
from kiosk.rooms.door_offers import DURATIONS
from kiosk.rooms.modes import MODES
from kiosk.store.dbtypes import UTCDateTime
from kiosk.sync.refusals import PushRefused
from kiosk.sync.replication import ENTITIES

#: What each role may push (every other entity is refused at the door of the service).
PUSHABLE: Mapping[str, frozenset[str]] = {
    "lobby": frozenset(
        {
            "checkins",
            "visitors",
            "events",
            "room_modes",
            "audit_log",
            "feedback",
            "board_consents",
            "host_calls",
            "host_call_acks",
        }
    ),
    "door": frozenset({"booking_actions", "events", "room_modes", "audit_log", "host_call_acks"}),
}

MAX_TEXT = 4_000  # characters in one value (the longest column is far shorter)
MAX_KEYS = 64  # keys in one record or one JSON value
MAX_DEPTH = 4  # nesting of JSON values (an audit entry's detail, a heartbeat's status)
MAX_INT = 2**53  # integers a JSON client, SQLite and a PostgreSQL bigint all hold exactly
INT32 = 2**31 - 1  # an integer column that is not a bigint
EARLIEST = datetime(2020, 1, 1, tzinfo=UTC)
FUTURE = timedelta(days=800)  # a booking or an event may be made this far ahead
#: Times that may lie ahead (what is planned); every other time says when something happened.
PLANNED = frozenset({"starts_at", "ends_at", "expires_at"})
#: How far a kiosk's clock may run ahead of the service's (``kiosk doctor`` calls 5 min a fault).
CLOCK_SKEW = timedelta(minutes=10)
#: Values from a fixed list, as the kiosk's own code writes them.
VOCABULARY: Mapping[tuple[str, str], frozenset[str]] = {
    ("room_modes", "mode"): frozenset(MODES),
    ("checkins", "direction"): frozenset({"in", "out"}),
    ("checkins", "method"): frozenset({"badge", "qr", "walk-in", "button", "auto"}),
}
#: The longest "book now" a door makes, from the minute it was tapped (``DoorActions.book_now``).
LONGEST_BOOKING = timedelta(minutes=max(DURATIONS))
#: The audit entries a kiosk writes itself: what a host did at its host panel (the service
#: writes everything else: PIN outcomes, door actions, refusals).
KIOSK_AUDIT = "host."
#: Text a screen shows as a person's name: it must show something.
NAMES = frozenset({("visitors", "name")})
#: Audit actions only the service writes: a kiosk pushing them could lock a host out
#: everywhere, reset a run of wrong PINs, or put words in a staff member's mouth.
CENTRAL_AUDIT = (
    "host.pin_failed", "host.signed_in", "host.locked", "host.denied", "sync.", "staff.", "auth.",
)  # fmt: skip


def check_value(value: Any, where: str, depth: int = 0) -> None:
    """Refuse a value out of bounds; ``where`` names the field in the reason."""
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise PushRefused(f"{where}: text longer than {MAX_TEXT} characters")
        found = hidden_in(value, lines=True)
        if found is not None:
            raise PushRefused(f"{where}: invisible or control characters are not allowed ({found})")
        return
    if isinstance(value, int):
        if abs(value) > MAX_INT:
            raise PushRefused(f"{where}: number out of range")
        return
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) > MAX_INT:
            raise PushRefused(f"{where}: number out of range")
        return
    if depth >= MAX_DEPTH:
        raise PushRefused(f"{where}: nested too deeply")
    if isinstance(value, Mapping):
        if len(value) > MAX_KEYS:
            raise PushRefused(f"{where}: more than {MAX_KEYS} keys")
        for key, item in value.items():
            if not isinstance(key, str) or len(key) > 64:
                raise PushRefused(f"{where}: a key is not a short text")
            check_value(key, where, depth + 1)
            check_value(item, f"{where}.{key}", depth + 1)
        return
    if isinstance(value, list):
        if len(value) > MAX_KEYS:
            raise PushRefused(f"{where}: more than {MAX_KEYS} items")
        for item in value:
            check_value(item, where, depth + 1)
        return
    raise PushRefused(f"{where}: unsupported value")


def check_types(entity: str, payload: Mapping[str, Any]) -> None:
    """Each field of the type its column holds (ids, times and dates as text), or null, and
    no text longer than its column, no number beyond it (PostgreSQL would refuse them only at
    the insert)."""
    for column in ENTITIES[entity].table.columns:
        value = payload.get(column.name)
        if value is None:
            continue
        kind = column.type
        if isinstance(kind, (Uuid, UTCDateTime, Date, String)):
            expected: tuple[type, ...] = (str,)
        elif isinstance(kind, Boolean):
            expected = (bool,)
        elif isinstance(kind, Integer):
            expected = (int,)
        elif isinstance(kind, JSON):
            continue
        else:
            expected = (str, int, float, bool)
        if not isinstance(value, expected) or (expected == (int,) and isinstance(value, bool)):
            raise PushRefused(f"{entity}.{column.name}: wrong type")
        length = kind.length if isinstance(kind, String) else None
        if isinstance(value, str) and length is not None and len(value) > length:
            raise PushRefused(f"{entity}.{column.name}: longer than {length} characters")
        small = isinstance(kind, Integer) and not isinstance(kind, BigInteger)
        if small and isinstance(value, int) and abs(value) > INT32:
            raise PushRefused(f"{entity}.{column.name}: number out of range")


def _check_times(entity: str, row: Mapping[str, Any], now: datetime) -> None:
    for name, value in row.items():
        if isinstance(value, datetime) and not EARLIEST <= value <= now + FUTURE:
            raise PushRefused(f"{entity}.{name}: time out of range")
        if isinstance(value, datetime) and name not in PLANNED and value > now + CLOCK_SKEW:
            raise PushRefused(f"{entity}.{name}: in the future (is the kiosk's clock right?)")


def check_record(
    device: Device, entity: str, payload: Mapping[str, Any], row: Mapping[str, Any], now: datetime
) -> None:
    """Refuse a record this device may not push; ``row`` is ``payload`` parsed into columns."""
    if entity not in PUSHABLE.get(device.role, ()):
        raise PushRefused(f"a {device.role} may not push {entity}")
    check_value(dict(payload), entity)
    unknown = set(payload) - set(ENTITIES[entity].table.columns.keys())
    if unknown:
        raise PushRefused(f"{entity}: unknown field {sorted(unknown)[0][:64]!r}")
    _check_times(entity, row, now)
    for (table, field), allowed in VOCABULARY.items():
        if table == entity and row.get(field) not in allowed:
            raise PushRefused(f"{entity}.{field}: not one of {', '.join(sorted(allowed))}")
    for table, field in NAMES:
        value = payload.get(field) if table == entity else None
        if isinstance(value, str) and value.strip() and is_blank(value):
            raise PushRefused(f"{entity}.{field}: shows nothing")
    columns = ENTITIES[entity].table.columns
    if "kiosk_id" in columns and row.get("kiosk_id") != device.id:
        raise PushRefused(f"{entity}: names another kiosk")
    if entity == "audit_log":
        action = str(row.get("action", ""))
        if action.startswith(CENTRAL_AUDIT) or not action.startswith(KIOSK_AUDIT):
            raise PushRefused("audit_log: that entry is the central service's to write")
    if device.role == "door":
        if entity == "booking_actions" and row.get("room_id") != device.room_id:
            raise PushRefused("booking_actions: not this door's room")
        if entity == "booking_actions" and row.get("kind") == "book":
            _check_book_now(row)
        if entity == "room_modes" and row.get("room_id") not in (None, device.room_id):
            raise PushRefused("room_modes: a door switches its own room or the whole Lab")
        if entity == "events" and row.get("room_id") not in (None, device.room_id):
            raise PushRefused("events: a door's event is in its own room or Lab-wide")


def _check_book_now(row: Mapping[str, Any]) -> None:
    """A door books its free room from the minute someone tapped, for an hour at most: not
    for the next two years with one record."""
    at, starts, ends = row.get("at"), row.get("starts_at"), row.get("ends_at")
    if not isinstance(at, datetime) or not isinstance(starts, datetime):
        return  # the central rule refuses a booking without a start and end
    if not isinstance(ends, datetime):
        return
    if abs(starts - at) > timedelta(minutes=2) or ends - starts > LONGEST_BOOKING:
        raise PushRefused(
            f"booking_actions: a door books from now for {LONGEST_BOOKING.seconds // 60} "
            "minutes at most"
        )
