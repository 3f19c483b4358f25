"""Rooms and what happens in them: bookings and the doors' changes to them, room modes, events;
each room's calendar feed and the invitations its attendees got (central only).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.base.ids import new_id
from kiosk.store.models.base import Base


class Room(Base):
    __tablename__ = "rooms"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[int | None]
    updated_at: Mapped[datetime]
    # The room's door policy (migration 0004). It lives with the room, not in a door's config
    # file, so every display of the room, the central store and the admin CLI share one answer.
    checkin_before_minutes: Mapped[int] = mapped_column(Integer, default=10)
    release_after_minutes: Mapped[int | None]  # None: no-shows are never released
    anonymous_actions: Mapped[bool] = mapped_column(Boolean, default=False)
    booking_url: Mapped[str | None] = mapped_column(String(1000))
    # The room's calendar feed (migration 0007): when it was last read, and why the last
    # refresh failed (None: it did not). Doors show a stale calendar instead of trusting it.
    calendar_synced_at: Mapped[datetime | None]
    calendar_error: Mapped[str | None] = mapped_column(String(300))


class CalendarFeed(Base):
    """A room's ICS feed URL. Central only, never replicated: such URLs often carry a secret."""

    __tablename__ = "calendar_feeds"
    room_id: Mapped[str] = mapped_column(ForeignKey("rooms.id"), primary_key=True)
    url: Mapped[str] = mapped_column(String(2000))
    last_attempt_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]
    # Opt-in (migration 0016): attendees from outside the Lab get invitations, see
    # kiosk/rooms/feed_invitations.py; the host when the organiser is nobody of the Lab.
    invite_attendees: Mapped[bool] = mapped_column(Boolean, default=False)
    invite_host_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"))


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


class BookingAction(Base):
    """One change a door made to a booking (book now, extend, end early, check in, release).

    Kiosks push these instead of the booking row, because the central store stores pushed rows
    insert-if-absent and would never apply a change to a booking it already has. The central
    store applies each action once (keyed by its id) against its own current state, writes the
    resulting booking through the change feed, and records the outcome here: ``applied`` or
    ``refused`` with a reason. The row is also the audit record of who did what, where.
    """

    __tablename__ = "booking_actions"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    booking_id: Mapped[uuid.UUID] = mapped_column(Uuid(), index=True)  # no FK: may be refused
    room_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # book | extend | end | checkin | release
    starts_at: Mapped[datetime | None]  # book: the new booking's start
    ends_at: Mapped[datetime | None]  # book, extend, end: the (new) end
    title: Mapped[str | None] = mapped_column(String(300))  # book
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"))  # None: anonymous
    kiosk_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    outcome: Mapped[str] = mapped_column(String(16), default="pending")  # pending|applied|refused
    reason: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime]


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
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"))
    kiosk_id: Mapped[str | None] = mapped_column(String(64))  # None: made with the admin CLI
    updated_at: Mapped[datetime]
    # ``title``/``description`` are the Finnish (or only) texts; the console adds these (0017).
    title_sv: Mapped[str | None] = mapped_column(String(300))
    title_en: Mapped[str | None] = mapped_column(String(300))
    description_sv: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    room_id: Mapped[str | None] = mapped_column(String(64))  # None: Lab-wide


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
    kiosk_id: Mapped[str | None] = mapped_column(String(64))  # None: set with the admin CLI
    updated_at: Mapped[datetime]


class CalendarInvitation(Base):
    """Which invitation a feed's attendee got for one booking (migration 0016).

    Central only, never replicated (not in kiosk/sync/replication.py's entities): it ties a
    visitor's invitation to a calendar. ``attendee`` is a SHA-256 of the lower-case address,
    enough to recognise the attendee at the next import; the address itself is only in the
    invitation's e-mails. Deleted by retention with the visitor's data.
    """

    __tablename__ = "calendar_invitations"
    __table_args__ = (UniqueConstraint("room_id", "booking_key", "attendee"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    room_id: Mapped[str] = mapped_column(ForeignKey("rooms.id"))  # the feed is the room's
    booking_key: Mapped[str] = mapped_column(String(500))  # bookings.external_uid
    attendee: Mapped[str] = mapped_column(String(64))
    invitation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invitations.id"), index=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
