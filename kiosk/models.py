"""The data model, shared by the local store on every kiosk and the central store.

Every table exists in both stores (one Alembic history); local-only tables (the outbox, the sync
state) stay empty centrally and the central change feed stays empty locally. Ids are UUIDv7 minted
where a record is born; rooms and kiosks use the slug an administrator gives them.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kiosk.ids import new_id
from kiosk.timeutil import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only has 64-bit signed integers as rowid aliases when the type is exactly INTEGER.
BigIntPK = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - read once by SQLAlchemy
        datetime: UTCDateTime(),
        uuid.UUID: Uuid(),
        dict[str, Any]: JSON(),
    }


def table_of(model: type[Base]) -> Table:
    """The Core table of an ORM model, typed as a Table (``__table__`` is typed more loosely)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


class Room(Base):
    __tablename__ = "rooms"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[int | None]
    updated_at: Mapped[datetime]


class Person(Base):
    """Members, hosts and admins: people with a badge. Visitors are in ``visitors``."""

    __tablename__ = "people"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # member | host | admin
    organisation: Mapped[str | None] = mapped_column(String(200))
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime]


class Badge(Base):
    """A badge credential. The raw UID is never stored: only HMAC-SHA256(site key, UID)."""

    __tablename__ = "badges"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id"), index=True)
    uid_hmac: Mapped[str] = mapped_column(String(64), unique=True)
    revoked_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class Visitor(Base):
    """A visitor's personal data; anonymised after the retention period."""

    __tablename__ = "visitors"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(200))
    host_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"))
    anonymised_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class Invitation(Base):
    __tablename__ = "invitations"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(16), default="visitor")  # visitor | event-ticket
    visitor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visitors.id"))
    event_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("events.id"))
    valid_from: Mapped[datetime]
    valid_to: Mapped[datetime]
    single_use: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class Checkin(Base):
    """One check-in or check-out, append-only so offline kiosks never conflict."""

    __tablename__ = "checkins"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    direction: Mapped[str] = mapped_column(String(3))  # in | out
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"))
    visitor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visitors.id"))
    invitation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("invitations.id"))
    method: Mapped[str] = mapped_column(String(16))  # badge | qr | walk-in | button | auto
    kiosk_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(index=True)

    __table_args__ = (Index("ix_checkins_person_at", "person_id", "at"),)


class Booking(Base):
    __tablename__ = "bookings"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    room_id: Mapped[str] = mapped_column(ForeignKey("rooms.id"))
    title: Mapped[str] = mapped_column(String(300))
    private: Mapped[bool] = mapped_column(Boolean, default=False)
    organiser_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    # confirmed | provisional | cancelled | released | rejected
    status: Mapped[str] = mapped_column(String(16), default="confirmed")
    source: Mapped[str] = mapped_column(String(16), default="admin")  # admin | kiosk | ics
    external_uid: Mapped[str | None] = mapped_column(String(500))
    checked_in_at: Mapped[datetime | None]
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"))
    updated_at: Mapped[datetime]

    __table_args__ = (Index("ix_bookings_room_start", "room_id", "starts_at"),)


class Event(Base):
    __tablename__ = "events"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    capacity: Mapped[int | None]
    online_url: Mapped[str | None] = mapped_column(String(1000))
    allow_walkins: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime]


class RoomMode(Base):
    """A versioned mode for one room (or, with ``room_id`` NULL, the whole Lab)."""

    __tablename__ = "room_modes"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    room_id: Mapped[str | None] = mapped_column(ForeignKey("rooms.id"))
    mode: Mapped[str] = mapped_column(String(16))  # normal | event | closed
    version: Mapped[int] = mapped_column(BigInteger)
    title: Mapped[str | None] = mapped_column(String(300))
    event_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("events.id"))
    starts_at: Mapped[datetime]
    expires_at: Mapped[datetime | None]
    set_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"))
    updated_at: Mapped[datetime]


class KioskRecord(Base):
    """A kiosk's heartbeat, written centrally by the kiosk itself."""

    __tablename__ = "kiosks"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    room_id: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(64))
    last_seen_at: Mapped[datetime]
    status: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(index=True)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"))
    kiosk_id: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Counter(Base):
    """Named counters for things that must not be stored one by one (unknown badge taps)."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


# --- local only -------------------------------------------------------------------------


class OutboxRow(Base):
    """A record born on this kiosk, waiting for the central store to acknowledge it."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    rejected_at: Mapped[datetime | None]


class SyncState(Base):
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- central only -----------------------------------------------------------------------


class Change(Base):
    """The central change feed: every replicated write appends its row image here.

    ``audience`` says which kiosks may receive it: ``all`` or ``lobby`` (visitor personal
    data never reaches door displays).
    """

    __tablename__ = "changes"
    seq: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(64))
    audience: Mapped[str] = mapped_column(String(16))
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
