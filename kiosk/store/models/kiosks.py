"""The fleet and who may act through it: kiosks' heartbeats and running instances, device
credentials, hosts' PIN sessions (central only); the audit log and counters.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.base.ids import new_id
from kiosk.store.models.base import Base


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
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())  # staff: who it acts as (0018)


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
