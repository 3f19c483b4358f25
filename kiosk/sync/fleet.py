"""The fleet as hosts and IT see it: every kiosk's last heartbeat, and which ones went silent.

A kiosk writes its heartbeat every sync cycle (seconds apart), so one that has not been heard
from for :data:`SILENT_AFTER` is off, frozen or cut off from the network: a host should look.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.store.models import KioskRecord, table_of

SILENT_AFTER = timedelta(minutes=2)

kiosks_t = table_of(KioskRecord)


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
    for r in conn.execute(select(kiosks_t)):
        status = r.status if isinstance(r.status, dict) else {}
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
                disk_full=status.get("disk_full") is True,
            )
        )
    return sorted(out, key=lambda k: (not k.silent, k.id))


def describe_age(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 120:
        return f"{seconds} s ago"
    if seconds < 7200:
        return f"{seconds // 60} min ago"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} d ago"
