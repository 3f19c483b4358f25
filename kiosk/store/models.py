"""The data model, shared by the local store on every kiosk and the central store.

Every table exists in both stores (one Alembic history); local-only tables (the outbox, the sync
state) stay empty centrally and the central change feed stays empty locally. Ids are UUIDv7 minted
where a record is born; rooms and kiosks use the slug an administrator gives them.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kiosk.base.ids import new_id
from kiosk.store.dbtypes import UTCDateTime

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


class SigningKey(Base):
    """A public key that invitation tokens are verified with; the private key never leaves the
    admin machine that made it. A retired key no longer verifies anything."""

    __tablename__ = "signing_keys"
    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # raw Ed25519 key, hex
    created_at: Mapped[datetime]
    retired_at: Mapped[datetime | None]


class Checkin(Base):
    """One check-in or check-out, append-only so offline kiosks never conflict."""

    __tablename__ = "checkins"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    direction: Mapped[str] = mapped_column(String(3))  # in | out
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"))
    visitor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visitors.id"))
    # No foreign key: a lobby honours a signed invitation before the invitation row reaches it.
    invitation_id: Mapped[uuid.UUID | None]
    method: Mapped[str] = mapped_column(String(16))  # badge | qr | walk-in | button | auto
    kiosk_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(index=True)
    # The event an entry was made for (event check-in); no foreign key for the same reason.
    event_id: Mapped[uuid.UUID | None]

    __table_args__ = (
        Index("ix_checkins_person_at", "person_id", "at"),
        Index("ix_checkins_event_id", "event_id", "at"),
        Index("ix_checkins_invitation_id", "invitation_id", "at"),
    )


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
    # ``title``/``description`` are the Finnish (or only) texts; the console adds these (0016).
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


class KioskRecord(Base):
    """A kiosk's heartbeat, written centrally by the kiosk itself."""

    __tablename__ = "kiosks"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    room_id: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(64))
    last_seen_at: Mapped[datetime]
    status: Mapped[dict[str, Any]] = mapped_column(default=dict)


class KioskInstance(Base):
    """One running process of a kiosk, as its heartbeats describe it (central only).

    ``kiosks`` keeps the last heartbeat per kiosk id; these rows tell apart two processes that
    share one id (kiosk/sync/fleet.py), so a duplicate cannot hide the real kiosk's readers.
    A new instance takes over a row of its kiosk that stopped or went silent long ago (an
    UPDATE, which a kiosk's database role may do), so a kiosk has a few rows, not one per start.
    """

    __tablename__ = "kiosk_instances"
    kiosk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    instance_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    machine: Mapped[str] = mapped_column(String(32))
    version: Mapped[str] = mapped_column(String(64))
    first_seen_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    stopped_at: Mapped[datetime | None]  # it said goodbye: gone at once, not a duplicate
    status: Mapped[dict[str, Any]] = mapped_column(default=dict)


class DeviceCredential(Base):
    """A kiosk's (or a staff member's) credential for the central sync service.

    Central only, never replicated. The token itself is shown once, at enrolment; only its
    SHA-256 is kept (tokens are 256 random bits, so a plain hash is enough: nothing to guess).
    """

    __tablename__ = "device_credentials"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the kiosk id
    role: Mapped[str] = mapped_column(String(16))  # lobby | door | staff
    room_id: Mapped[str | None] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())  # staff: who it acts as (0017)


class HostSession(Base):
    """A host's PIN verified by the central sync service at one kiosk (central only).

    What a kiosk pushes in a host's name (a mode switch, an event, a taken call) is accepted
    only within such a session: a stolen kiosk cannot name a host whose PIN it does not know.
    """

    __tablename__ = "host_sessions"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    kiosk_id: Mapped[str] = mapped_column(String(64), index=True)
    host_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id"))
    verified_at: Mapped[datetime]
    expires_at: Mapped[datetime]


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


class Notification(Base):
    """A host notification waiting for this kiosk's notifier (see kiosk/lobby/notify_queue.py).

    Ids only, no names: names are read from the replica when it is sent, so the queue holds no
    personal data and can wait for an invitation that has not reached this kiosk yet.
    """

    __tablename__ = "notifications"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(32))  # visitor_arrived | host_call | evacuation
    checkin_id: Mapped[uuid.UUID | None]  # visitor_arrived
    invitation_id: Mapped[uuid.UUID | None]
    visitor_id: Mapped[uuid.UUID | None]
    call_id: Mapped[uuid.UUID | None]  # host_call: the call (migration 0009)
    host_id: Mapped[uuid.UUID | None]  # host_call, evacuation: the host on duty to tell
    attachment: Mapped[str | None] = mapped_column(String(255))  # evacuation: the saved PDF
    created_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None]
    failed_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)


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


class InvitationEmail(Base):
    """An e-mail to a visitor waiting to be sent, or sent (see kiosk/lobby/invite_outbox.py).

    Central only, never replicated: no kiosk holds a visitor's address. ``message`` is the
    whole composed e-mail (its Message-ID is ``<id@lab-kiosk>``), dropped once sent or given
    up; ``address`` lasts as long as the visitor's data (retention, migration 0013).
    """

    __tablename__ = "invitation_emails"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    invitation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invitations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # invitation | revocation
    address: Mapped[str | None] = mapped_column(String(254))
    lang: Mapped[str] = mapped_column(String(2))
    message: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_until: Mapped[datetime | None]  # a sender is on it until then
    sent_at: Mapped[datetime | None]
    failed_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)


# --- the Lab's own features (migration 0009, see docs/lab-features.md) ---------------------

FEEDBACK_CONTEXTS = ("home", "checkout", "event")


class Feedback(Base):
    """One answer to "how was it?": a face (1 very unhappy .. 4 very happy), maybe a comment.

    Append-only, born on a lobby and pushed insert-if-absent; kept centrally only (hosts read it
    with ``kiosk admin feedback list``). ``person_id`` is set only when the person chose to sign
    it after a badge tap; otherwise nobody can tell whose it is.
    """

    __tablename__ = "feedback"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(index=True)
    kiosk_id: Mapped[str] = mapped_column(String(64))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(String(500))
    context: Mapped[str] = mapped_column(String(16))  # home | checkout | event
    event_id: Mapped[uuid.UUID | None]  # no FK: like checkins.event_id
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"))
    updated_at: Mapped[datetime]

    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 4", name="score"),
        CheckConstraint("context IN ('home', 'checkout', 'event')", name="context"),
    )


class BoardConsent(Base):
    """A person's choice to appear on the lobby's "Here today" board, or not any more.

    Append-only: the latest row per person (by ``at``, then id) is the answer, so consents made
    offline on a kiosk and with the CLI never conflict, and the log shows who agreed when.
    """

    __tablename__ = "board_consents"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id"))
    visible: Mapped[bool] = mapped_column(Boolean)
    interests: Mapped[list[str]] = mapped_column(JSON, default=list)  # at most 3, <= 40 chars
    show_organisation: Mapped[bool] = mapped_column(Boolean, default=True)
    at: Mapped[datetime]
    kiosk_id: Mapped[str | None] = mapped_column(String(64))  # None: the admin CLI
    updated_at: Mapped[datetime]

    __table_args__ = (Index("ix_board_consents_person_at", "person_id", "at"),)


class HostCall(Base):
    """Someone at a lobby pressed "Call a host". Append-only; open until acknowledged."""

    __tablename__ = "host_calls"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    kiosk_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]


class HostCallAck(Base):
    """A host took a call ("on my way"), on any kiosk's host panel or with the CLI."""

    __tablename__ = "host_call_acks"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    # No FK: an ack may reach a replica in the same pull page as its call, in any order.
    call_id: Mapped[uuid.UUID] = mapped_column(Uuid(), index=True)
    host_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id"))
    kiosk_id: Mapped[str | None] = mapped_column(String(64))  # None: the admin CLI
    at: Mapped[datetime]
    updated_at: Mapped[datetime]


class HostDuty(Base):
    """Who hosts on a day (site-local date), set centrally with ``kiosk admin hosts duty set``.

    ``on_duty`` False takes someone off a day: replicas only ever receive row images, never
    deletions, so a removal is an update.
    """

    __tablename__ = "host_duty"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id"))
    day: Mapped[date] = mapped_column(Date)
    on_duty: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("day", "person_id", name="uq_host_duty_day_person"),)
