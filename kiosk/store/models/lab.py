"""The Lab's own features (migration 0009, see docs/lab-features.md): feedback, the "Here today"
board's consents, host calls and who hosts on which day.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.base.ids import new_id
from kiosk.store.models.base import Base

FEEDBACK_CONTEXTS = ("home", "checkout", "event")


class Feedback(Base):
    """One answer to "how was it?": a face (1 very unhappy .. 4 very happy), maybe a comment.

    Append-only, born on a lobby and pushed insert-if-absent; kept centrally only (hosts read it
    with ``kiosk admin feedback list``). ``person_id`` is set only when the person chose to sign
    it after a badge tap; otherwise nobody can tell whose it is.
    """

    __tablename__ = "feedback"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(index=True)
    kiosk_id: Mapped[str] = mapped_column(String(64))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(String(500))
    context: Mapped[str] = mapped_column(String(16))  # home | checkout | event
    event_id: Mapped[uuid.UUID | None]  # no FK: like checkins.event_id
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"))
    updated_at: Mapped[datetime]

    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 4", name="score"),
        CheckConstraint("context IN ('home', 'checkout', 'event')", name="context"),
    )


class BoardConsent(Base):
    """A person's choice to appear on the lobby's "Here today" board, or not any more.

    Append-only: the latest row per person (by ``at``, then id) is the answer, so consents made
    offline on a kiosk and with the CLI never conflict, and the log shows who agreed when.
    """

    __tablename__ = "board_consents"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id"))
    visible: Mapped[bool] = mapped_column(Boolean)
    interests: Mapped[list[str]] = mapped_column(JSON, default=list)  # at most 3, <= 40 chars
    show_organisation: Mapped[bool] = mapped_column(Boolean, default=True)
    at: Mapped[datetime]
    kiosk_id: Mapped[str | None] = mapped_column(String(64))  # None: the admin CLI
    updated_at: Mapped[datetime]

    __table_args__ = (Index("ix_board_consents_person_at", "person_id", "at"),)


class HostCall(Base):
    """Someone at a lobby pressed "Call a host". Append-only; open until acknowledged."""

    __tablename__ = "host_calls"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    kiosk_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]


class HostCallAck(Base):
    """A host took a call ("on my way"), on any kiosk's host panel or with the CLI."""

    __tablename__ = "host_call_acks"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    # No FK: an ack may reach a replica in the same pull page as its call, in any order.
    call_id: Mapped[uuid.UUID] = mapped_column(Uuid(), index=True)
    host_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id"))
    kiosk_id: Mapped[str | None] = mapped_column(String(64))  # None: the admin CLI
    at: Mapped[datetime]
    updated_at: Mapped[datetime]


class HostDuty(Base):
    """Who hosts on a day (site-local date), set centrally with ``kiosk admin hosts duty set``.

    ``on_duty`` False takes someone off a day: replicas only ever receive row images, never
    deletions, so a removal is an update.
    """

    __tablename__ = "host_duty"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id"))
    day: Mapped[date] = mapped_column(Date)
    on_duty: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("day", "person_id", name="uq_host_duty_day_person"),)
