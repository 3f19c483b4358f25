"""The local outbox: every record born on this kiosk is queued in the same transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.store.models import OutboxRow
from kiosk.sync.replication import ENTITIES, to_payload


def enqueue(session: Session, entity_name: str, record: Any, now: datetime) -> None:
    """Queue ``record`` (an ORM object already added to ``session``) for the central store."""
    entity = ENTITIES[entity_name]
    session.flush()
    payload = to_payload(entity, record)
    session.add(
        OutboxRow(
            entity=entity.name,
            record_id=str(payload[entity.key]),
            payload=payload,
            created_at=now,
            attempts=0,
        )
    )


def depth(session: Session) -> int:
    """Rows still waiting for an acknowledgement (rejected ones excluded)."""
    return int(
        session.scalar(
            select(func.count()).select_from(OutboxRow).where(OutboxRow.rejected_at.is_(None))
        )
        or 0
    )
