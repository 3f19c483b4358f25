"""The central store's writes: a replicated row and its change-feed entry together; heartbeats.

Every replicated write on the central store goes through :func:`write` so the row and its change
feed entry commit together (reading the feed is :mod:`kiosk.sync.feed`; accepting what kiosks
push is :mod:`kiosk.sync.acceptance`). On PostgreSQL a trigger on the feed NOTIFYs
``kiosk_changes`` at commit, a wake-up for listening kiosks.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.store import models
from kiosk.store.dbutil import upsert
from kiosk.sync import instances
from kiosk.sync.instance import InstanceId
from kiosk.sync.instances import HeartbeatAnswer
from kiosk.sync.replication import ENTITIES, NOWHERE, Entity, to_payload

log = logging.getLogger(__name__)

changes_table = models.table_of(models.Change)
kiosks_table = models.table_of(models.KioskRecord)


def append_change(conn: Connection, entity: Entity, payload: dict[str, Any], now: datetime) -> None:
    if entity.audience == NOWHERE:
        return
    conn.execute(
        changes_table.insert().values(
            entity=entity.name,
            record_id=str(payload[entity.key]),
            audience=entity.audience,
            payload=payload,
            created_at=now,
        )
    )


def write(conn: Connection, entity_name: str, row: dict[str, Any], now: datetime) -> None:
    """Insert or update one replicated row and record it in the change feed."""
    upsert(conn, ENTITIES[entity_name].table, [row])
    publish(conn, entity_name, row[ENTITIES[entity_name].key], now)


def publish(conn: Connection, entity_name: str, key: Any, now: datetime) -> None:
    """Record the stored row's current image in the change feed.

    For writers that changed the row themselves with a narrower statement than :func:`write`'s
    upsert (which needs UPDATE on every column): a door's role may update only the booking
    columns its actions change (see kiosk/sync/roles.py).
    """
    entity = ENTITIES[entity_name]
    current = conn.execute(select(entity.table).where(entity.table.c[entity.key] == key)).one()
    append_change(conn, entity, to_payload(entity, current._asdict()), now)


def heartbeat(
    conn: Connection,
    *,
    kiosk_id: str,
    role: str,
    room_id: str | None,
    version: str,
    status: dict[str, Any],
    now: datetime,
    instance: InstanceId | None = None,
    stopping: bool = False,
) -> HeartbeatAnswer:
    """Record a kiosk's heartbeat: its last one per kiosk id and, when it names its process,
    that process's own row (kiosk/sync/instances.py); answer whether its id is used twice.

    A goodbye (``stopping``) from a process that stops cleanly only marks its row: the kiosk's
    last status stays as its last working heartbeat left it.
    """
    if instance is not None:
        answer = instances.record(
            conn,
            kiosk_id=kiosk_id,
            instance=instance,
            version=version,
            status=status,
            now=now,
            stopping=stopping,
        )
    else:
        answer = HeartbeatAnswer()
    if stopping:
        return answer
    upsert(
        conn,
        kiosks_table,
        [
            {
                "id": kiosk_id,
                "role": role,
                "room_id": room_id,
                "version": version,
                "last_seen_at": now,
                "status": status,
            }
        ],
    )
    return answer
