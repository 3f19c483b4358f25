"""What is replicated, to whom, and how a row travels as JSON between stores.

A row image travels as a JSON object (UUIDs as strings, timestamps as ISO 8601 UTC) in the
outbox (kiosk -> central) and in the change feed (central -> kiosks).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, Table, Uuid

from kiosk.store import models
from kiosk.store.dbtypes import UTCDateTime

ALL = "all"
LOBBY = "lobby"  # visitor personal data: never sent to door displays
NOWHERE = "none"  # kept centrally only (audit log)


@dataclass(frozen=True)
class Entity:
    name: str
    table: Table
    audience: str

    @property
    def key(self) -> str:
        return next(iter(self.table.primary_key.columns)).name


def _entity(model: type[models.Base], audience: str) -> Entity:
    table = models.table_of(model)
    return Entity(table.name, table, audience)


ENTITIES: dict[str, Entity] = {
    e.name: e
    for e in (
        _entity(models.Room, ALL),
        _entity(models.Person, ALL),
        _entity(models.Badge, ALL),
        _entity(models.Event, ALL),
        _entity(models.Visitor, LOBBY),
        _entity(models.Invitation, LOBBY),
        _entity(models.SigningKey, ALL),
        _entity(models.Booking, ALL),
        _entity(models.BookingAction, ALL),  # after bookings: a pulled action may name one
        _entity(models.RoomMode, ALL),
        _entity(models.Checkin, LOBBY),
        _entity(models.AuditEntry, NOWHERE),
        # The Lab's own features (migration 0009, docs/lab-features.md).
        _entity(models.Feedback, NOWHERE),  # hosts read it centrally; no screen shows it
        _entity(models.BoardConsent, LOBBY),  # only the lobby shows the board
        _entity(models.HostDuty, LOBBY),
        _entity(models.HostCall, ALL),  # a door's host panel lists open calls too
        _entity(models.HostCallAck, ALL),
    )
}

#: Records born on a kiosk that the kiosk never reads again: its copy is deleted as soon as the
#: central store has acknowledged it. Signed feedback and comments are personal data, and a
#: lobby has no use for them once they are kept centrally (the audit log stays: a kiosk counts
#: its own wrong PINs in it).
FORGOTTEN_ONCE_PUSHED = frozenset({"feedback"})

# Which audiences each kiosk role may receive.
ROLE_AUDIENCES: dict[str, tuple[str, ...]] = {"lobby": (ALL, LOBBY), "door": (ALL,), "admin": ()}


def to_payload(entity: Entity, row: Any) -> dict[str, Any]:
    """A JSON-safe image of ``row`` (a Row, mapping or ORM object) for ``entity``."""
    out: dict[str, Any] = {}
    for column in entity.table.columns:
        value = row[column.name] if isinstance(row, dict) else getattr(row, column.name)
        if isinstance(value, uuid.UUID):
            value = str(value)
        elif isinstance(value, date):  # a datetime too
            value = value.isoformat()
        out[column.name] = value
    return out


def from_payload(entity: Entity, payload: dict[str, Any]) -> dict[str, Any]:
    """Column values for an insert from a payload; unknown keys (newer schema) are ignored."""
    out: dict[str, Any] = {}
    for column in entity.table.columns:
        if column.name not in payload:
            continue
        value = payload[column.name]
        if value is not None:
            if isinstance(column.type, Uuid):
                value = uuid.UUID(value)
            elif isinstance(column.type, UTCDateTime):
                value = datetime.fromisoformat(value)
            elif isinstance(column.type, Date):
                value = date.fromisoformat(value)
        out[column.name] = value
    return out
