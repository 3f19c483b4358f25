"""The fleet as hosts and IT see it: every kiosk's last heartbeat, and which ones went silent.

A kiosk writes its heartbeat every sync cycle (seconds apart), so one that has not been heard
from for :data:`SILENT_AFTER` is off, frozen or cut off from the network: a host should look.
A kiosk id that two processes use at once is a duplicate (kiosk/sync/instances.py): each of its
live processes is listed with its own readers, so neither hides the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.store.models import KioskRecord, table_of
from kiosk.sync.instances import SILENT_AFTER, InstanceRow, by_kiosk, duplicates

__all__ = ["SILENT_AFTER", "InstanceHealth", "KioskHealth", "describe_age", "fleet"]

kiosks_t = table_of(KioskRecord)


@dataclass(frozen=True)
class InstanceHealth:
    """One live process of a kiosk id: what its own heartbeats said."""

    instance: str
    machine: str
    version: str
    first_seen_at: datetime
    last_seen_at: datetime
    duplicate: bool  # runs alongside another process of the same kiosk id
    outbox_depth: int | None
    rejected: int | None
    readers: dict[str, str]

    def as_json(self, now: datetime) -> dict[str, Any]:
        return {
            "instance": self.instance,
            "machine": self.machine,
            "version": self.version,
            "first_seen_at": self.first_seen_at.isoformat(),
            "last_seen_at": self.last_seen_at.isoformat(),
            "seconds_since_seen": int((now - self.last_seen_at).total_seconds()),
            "duplicate": self.duplicate,
            "outbox_depth": self.outbox_depth,
            "rejected": self.rejected,
            "readers": self.readers,
        }


@dataclass(frozen=True)
class KioskHealth:
    id: str
    role: str
    room_id: str | None
    version: str
    last_seen_at: datetime
    silent: bool
    outbox_depth: int | None
    rejected: int | None
    readers: dict[str, str]  # reader name -> state
    duplicate: bool = False  # two processes use this kiosk id right now
    instances: tuple[InstanceHealth, ...] = ()  # live processes that named themselves
    disk_full: bool = False  # its local disk is full (its last heartbeat said so)

    def as_json(self, now: datetime) -> dict[str, Any]:
        return {
            "id": self.id,
            "role": self.role,
            "room": self.room_id,
            "version": self.version,
            "last_seen_at": self.last_seen_at.isoformat(),
            "seconds_since_seen": int((now - self.last_seen_at).total_seconds()),
            "silent": self.silent,
            "outbox_depth": self.outbox_depth,
            "rejected": self.rejected,
            "readers": self.readers,
            "duplicate": self.duplicate,
            "instances": [i.as_json(now) for i in self.instances],
            "disk_full": self.disk_full,
        }


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _readers(status: dict[str, Any]) -> dict[str, str]:
    readers = status.get("readers")
    if not isinstance(readers, dict):
        return {}
    out: dict[str, str] = {}
    for name, info in readers.items():
        state = info.get("state") if isinstance(info, dict) else None
        out[str(name)] = str(state) if state else "unknown"
    return out


def fleet(conn: Connection, now: datetime) -> list[KioskHealth]:
    """Every kiosk that ever sent a heartbeat, silent ones first, then by id."""
    out = []
    processes = by_kiosk(conn)
    for r in conn.execute(select(kiosks_t)):
        status = r.status if isinstance(r.status, dict) else {}
        live = _live(processes.get(r.id, []), now)
        out.append(
            KioskHealth(
                id=r.id,
                role=r.role,
                room_id=r.room_id,
                version=r.version,
                last_seen_at=r.last_seen_at,
                silent=now - r.last_seen_at > SILENT_AFTER,
                outbox_depth=_int(status.get("outbox_depth")),
                rejected=_int(status.get("rejected")),
                readers=_readers(status),
                duplicate=any(i.duplicate for i in live),
                instances=live,
                disk_full=status.get("disk_full") is True,
            )
        )
    return sorted(out, key=lambda k: (not k.silent, k.id))


def _live(rows: list[InstanceRow], now: datetime) -> tuple[InstanceHealth, ...]:
    twice = duplicates(rows, now)
    return tuple(
        InstanceHealth(
            instance=r.instance_id,
            machine=r.machine,
            version=r.version,
            first_seen_at=r.first_seen_at,
            last_seen_at=r.last_seen_at,
            duplicate=r.instance_id in twice,
            outbox_depth=_int(r.status.get("outbox_depth")),
            rejected=_int(r.status.get("rejected")),
            readers=_readers(r.status),
        )
        for r in sorted(rows, key=lambda r: r.first_seen_at)
        if r.live(now)
    )


def describe_age(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 120:
        return f"{seconds} s ago"
    if seconds < 7200:
        return f"{seconds // 60} min ago"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} d ago"
