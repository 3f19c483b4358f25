"""Who comes in: members, hosts and admins with their badges, visitors, their invitations and
the keys that sign them, and every check-in and check-out.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.base.ids import new_id
from kiosk.store.models.base import Base


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
