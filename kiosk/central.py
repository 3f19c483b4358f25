"""The central store's side of sync: writes that feed the change log, push acceptance, the feed.

Every replicated write on the central store goes through :func:`write` so the row and its change
feed entry commit together. Kiosks push with insert-if-absent on the record id, so a batch that is
delivered twice (a lost acknowledgement, a kiosk killed mid-sync) changes nothing the second time.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from kiosk import models
from kiosk.dbutil import insert_if_absent, upsert
from kiosk.replication import ENTITIES, NOWHERE, ROLE_AUDIENCES, Entity, from_payload, to_payload

log = logging.getLogger(__name__)

changes_table = models.table_of(models.Change)
kiosks_table = models.table_of(models.KioskRecord)


@dataclass(frozen=True)
class PushItem:
    seq: int  # the kiosk's outbox sequence number, echoed back in the result
    entity: str
    payload: dict[str, Any]


@dataclass
class PushResult:
    acknowledged: list[int] = field(default_factory=list)  # stored now or already present
    rejected: dict[int, str] = field(default_factory=dict)  # permanent: never retried


@dataclass(frozen=True)
class ChangeRow:
    seq: int
    entity: str
    payload: dict[str, Any]


def _append_change(
    conn: Connection, entity: Entity, payload: dict[str, Any], now: datetime
) -> None:
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
    entity = ENTITIES[entity_name]
    upsert(conn, entity.table, [row])
    current = conn.execute(
        select(entity.table).where(entity.table.c[entity.key] == row[entity.key])
    ).one()
    _append_change(conn, entity, to_payload(entity, current._asdict()), now)


def _accept(conn: Connection, item: PushItem, now: datetime) -> None:
    entity = ENTITIES.get(item.entity)
    if entity is None:
        raise ValueError(f"unknown entity {item.entity!r}")
    row = from_payload(entity, item.payload)
    if insert_if_absent(conn, entity.table, row):
        _append_change(conn, entity, to_payload(entity, row), now)


def accept_push(conn: Connection, items: Sequence[PushItem], now: datetime) -> PushResult:
    """Store a batch from a kiosk's outbox inside the caller's transaction.

    The fast path stores the whole batch at once; if any row is refused (a constraint), each row
    is retried inside its own savepoint so the good ones are kept and the bad ones reported.
    """
    result = PushResult()
    try:
        with conn.begin_nested():
            for item in items:
                _accept(conn, item, now)
        result.acknowledged = [item.seq for item in items]
        return result
    except (IntegrityError, ValueError, KeyError, TypeError):
        pass
    for item in items:
        try:
            with conn.begin_nested():
                _accept(conn, item, now)
            result.acknowledged.append(item.seq)
        except (IntegrityError, ValueError, KeyError, TypeError) as exc:
            reason = type(exc).__name__
            if isinstance(exc, IntegrityError):
                reason = f"refused by the central store ({exc.orig.__class__.__name__})"
            log.warning("push of %s record rejected: %s", item.entity, reason)
            result.rejected[item.seq] = reason
    return result


def changes_since(conn: Connection, cursor: int, role: str, limit: int = 500) -> list[ChangeRow]:
    """Changes after ``cursor`` that a kiosk of ``role`` may receive, oldest first."""
    audiences = ROLE_AUDIENCES.get(role, ())
    rows = conn.execute(
        select(changes_table.c.seq, changes_table.c.entity, changes_table.c.payload)
        .where(changes_table.c.seq > cursor, changes_table.c.audience.in_(audiences))
        .order_by(changes_table.c.seq)
        .limit(limit)
    )
    return [ChangeRow(r.seq, r.entity, r.payload) for r in rows]


def latest_seq(conn: Connection) -> int:
    from sqlalchemy import func

    return int(conn.execute(select(func.coalesce(func.max(changes_table.c.seq), 0))).scalar_one())


def heartbeat(
    conn: Connection,
    *,
    kiosk_id: str,
    role: str,
    room_id: str | None,
    version: str,
    status: dict[str, Any],
    now: datetime,
) -> None:
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
