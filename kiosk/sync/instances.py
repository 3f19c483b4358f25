"""Running kiosk processes as the central side hears of them, and the duplicate rule.

Each heartbeat names its process (kiosk/sync/instance.py); :func:`record` keeps one row per
process in ``kiosk_instances``. A kiosk id is a **duplicate** while two of its instances run
*at the same time*: both live (heard within :data:`SILENT_AFTER`, no goodbye sent) and the older
one heard from after the newer one's first heartbeat. So a restart never looks like a
duplicate: a process that stopped cleanly said goodbye, and one that crashed is never heard
from again after its successor started. Two real processes are both told within one sync
interval (the older at its next heartbeat, the newer at its second).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from kiosk.store.models import KioskInstance, table_of
from kiosk.sync.instance import InstanceId

#: A kiosk not heard from for this long is silent (off, frozen or cut off): a host should look.
SILENT_AFTER = timedelta(minutes=2)

instances_t = table_of(KioskInstance)


@dataclass(frozen=True)
class HeartbeatAnswer:
    """What the central side tells a kiosk about its id after a heartbeat."""

    duplicate: bool = False  # another process uses this kiosk's id right now
    instances: int = 0  # live processes of this kiosk id (0: not known to this service)


@dataclass(frozen=True)
class InstanceRow:
    kiosk_id: str
    instance_id: str
    machine: str
    version: str
    first_seen_at: datetime
    last_seen_at: datetime
    stopped_at: datetime | None
    status: dict[str, Any]

    def live(self, now: datetime) -> bool:
        return self.stopped_at is None and now - self.last_seen_at <= SILENT_AFTER


def concurrent(a: InstanceRow, b: InstanceRow) -> bool:
    """Both ran at once: the older was heard from after the newer had started."""
    older, newer = sorted((a, b), key=lambda r: (r.first_seen_at, r.instance_id))
    return older.last_seen_at > newer.first_seen_at


def duplicates(rows: list[InstanceRow], now: datetime) -> set[str]:
    """Instance ids of one kiosk id that run alongside another of its live instances."""
    live = [r for r in rows if r.live(now)]
    return {
        a.instance_id
        for a in live
        for b in live
        if a.instance_id != b.instance_id and concurrent(a, b)
    }


def _row(r: Any) -> InstanceRow:
    return InstanceRow(
        r.kiosk_id,
        r.instance_id,
        r.machine,
        r.version,
        r.first_seen_at,
        r.last_seen_at,
        r.stopped_at,
        r.status if isinstance(r.status, dict) else {},
    )


def of_kiosk(conn: Connection, kiosk_id: str) -> list[InstanceRow]:
    rows = conn.execute(select(instances_t).where(instances_t.c.kiosk_id == kiosk_id))
    return [_row(r) for r in rows]


def by_kiosk(conn: Connection) -> dict[str, list[InstanceRow]]:
    out: dict[str, list[InstanceRow]] = {}
    for r in conn.execute(select(instances_t)):
        out.setdefault(r.kiosk_id, []).append(_row(r))
    return out


def record(
    conn: Connection,
    *,
    kiosk_id: str,
    instance: InstanceId,
    version: str,
    status: dict[str, Any],
    now: datetime,
    stopping: bool = False,
) -> HeartbeatAnswer:
    """Write this instance's heartbeat and answer whether its kiosk id is used twice.

    Only SELECT, INSERT and UPDATE (what a kiosk's own database role may do): a new instance
    takes over a row of its kiosk id that said goodbye or went silent, else adds one.
    """
    mine = (instances_t.c.kiosk_id == kiosk_id) & (instances_t.c.instance_id == instance.instance)
    if stopping:
        conn.execute(update(instances_t).where(mine).values(stopped_at=now, last_seen_at=now))
        return HeartbeatAnswer(False, _answer(conn, kiosk_id, instance, now).instances)
    values = {
        "machine": instance.machine,
        "version": version,
        "last_seen_at": now,
        "stopped_at": None,
        "status": status,
    }
    if conn.execute(update(instances_t).where(mine).values(**values)).rowcount == 0:
        _add(conn, kiosk_id, instance, values, now)
    return _answer(conn, kiosk_id, instance, now)


def _add(
    conn: Connection, kiosk_id: str, instance: InstanceId, values: dict[str, Any], now: datetime
) -> None:
    gone = (instances_t.c.stopped_at.is_not(None)) | (
        instances_t.c.last_seen_at < now - SILENT_AFTER
    )
    old = conn.execute(
        select(instances_t.c.instance_id)
        .where((instances_t.c.kiosk_id == kiosk_id) & gone)
        .order_by(instances_t.c.last_seen_at)
        .limit(1)
    ).scalar()
    new = {**values, "instance_id": instance.instance, "first_seen_at": now}
    if old is not None:
        taken = conn.execute(
            update(instances_t)
            .where((instances_t.c.kiosk_id == kiosk_id) & (instances_t.c.instance_id == old) & gone)
            .values(**new)
        )
        if taken.rowcount == 1:
            return
    conn.execute(insert(instances_t).values(kiosk_id=kiosk_id, **new))


def _answer(
    conn: Connection, kiosk_id: str, instance: InstanceId, now: datetime
) -> HeartbeatAnswer:
    rows = of_kiosk(conn, kiosk_id)
    live = sum(1 for r in rows if r.live(now))
    return HeartbeatAnswer(instance.instance in duplicates(rows, now), live)
