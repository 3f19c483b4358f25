"""What a kiosk remembers about sync in its local store, and the status read back from it.

The cursor lives here so that it commits in the same local transaction as the changes it
covers. The last error and the last success are kept too, so ``kiosk sync status`` (another
process) can say what the running kiosk last saw without talking to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.base.timeutil import parse_iso
from kiosk.store.engine import Store
from kiosk.store.models import OutboxRow, SyncState
from kiosk.sync import outbox
from kiosk.sync.feed import FeedCursor

CURSOR = "cursor"
FIRST_SYNC_DONE = "first_sync_done"
LAST_SUCCESS_AT = "last_success_at"
LAST_ERROR = "last_error"
LAST_ERROR_AT = "last_error_at"


def get(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(SyncState, key)
    return row.value if row is not None else default


def put(session: Session, key: str, value: str) -> None:
    session.merge(SyncState(key=key, value=value))


def cursor(session: Session) -> FeedCursor:
    return FeedCursor.parse(get(session, CURSOR))


def record_success(store: Store, at: datetime) -> None:
    with store.session() as s:
        put(s, LAST_SUCCESS_AT, at.isoformat())


def record_failure(store: Store, error: str, at: datetime) -> None:
    """Remember a failed cycle; ``error`` must already be free of personal data."""
    with store.session() as s:
        put(s, LAST_ERROR, error)
        put(s, LAST_ERROR_AT, at.isoformat())


@dataclass(frozen=True)
class RejectedRow:
    """An outbox row the central store refused for good: kept and shown, never dropped."""

    seq: int
    entity: str
    record_id: str
    reason: str
    rejected_at: datetime | None

    def as_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "entity": self.entity,
            "record_id": self.record_id,
            "reason": self.reason,
            "rejected_at": self.rejected_at.isoformat() if self.rejected_at else None,
        }


@dataclass(frozen=True)
class LocalSyncStatus:
    cursor: str
    outbox_depth: int
    first_sync_done: bool
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    rejected: list[RejectedRow] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "cursor": self.cursor,
            "outbox_depth": self.outbox_depth,
            "first_sync_done": self.first_sync_done,
            "last_success_at": iso(self.last_success_at),
            "last_error": self.last_error,
            "last_error_at": iso(self.last_error_at),
            "rejected": [r.as_json() for r in self.rejected],
        }


def _time(value: str | None) -> datetime | None:
    return parse_iso(value) if value else None


def rejected_count(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(OutboxRow).where(OutboxRow.rejected_at.is_not(None))
        )
        or 0
    )


def read_status(store: Store) -> LocalSyncStatus:
    with store.session() as s:
        rejected = [
            RejectedRow(r.seq, r.entity, r.record_id, r.last_error or "", r.rejected_at)
            for r in s.scalars(
                select(OutboxRow).where(OutboxRow.rejected_at.is_not(None)).order_by(OutboxRow.seq)
            )
        ]
        return LocalSyncStatus(
            cursor=str(cursor(s)),
            outbox_depth=outbox.depth(s),
            first_sync_done=get(s, FIRST_SYNC_DONE) == "1",
            last_success_at=_time(get(s, LAST_SUCCESS_AT)),
            last_error=get(s, LAST_ERROR),
            last_error_at=_time(get(s, LAST_ERROR_AT)),
            rejected=rejected,
        )
