"""Replication's own tables: a kiosk's outbox and sync state (local only), the central change
feed (central only).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.store.models.base import Base, BigIntPK

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
