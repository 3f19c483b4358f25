"""Messages waiting to be sent: host notifications on a kiosk (local only) and invitation e-mails
to visitors (central only).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.base.ids import new_id
from kiosk.store.models.base import Base


class Notification(Base):
    """A host notification waiting for this kiosk's notifier (see kiosk/lobby/notify_queue.py).

    Ids only, no names: names are read from the replica when it is sent, so the queue holds no
    personal data and can wait for an invitation that has not reached this kiosk yet.
    """

    __tablename__ = "notifications"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(32))  # visitor_arrived | host_call | evacuation
    checkin_id: Mapped[uuid.UUID | None]  # visitor_arrived
    invitation_id: Mapped[uuid.UUID | None]
    visitor_id: Mapped[uuid.UUID | None]
    call_id: Mapped[uuid.UUID | None]  # host_call: the call (migration 0009)
    host_id: Mapped[uuid.UUID | None]  # host_call, evacuation: the host on duty to tell
    attachment: Mapped[str | None] = mapped_column(String(255))  # evacuation: the saved PDF
    created_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None]
    failed_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)


class InvitationEmail(Base):
    """An e-mail to a visitor waiting to be sent, or sent (see kiosk/lobby/invite_outbox.py).

    Central only, never replicated: no kiosk holds a visitor's address. ``message`` is the
    whole composed e-mail (its Message-ID is ``<id@lab-kiosk>``), dropped once sent or given
    up; ``address`` lasts as long as the visitor's data (retention, migration 0013).
    """

    __tablename__ = "invitation_emails"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    invitation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invitations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # invitation | revocation
    address: Mapped[str | None] = mapped_column(String(254))
    lang: Mapped[str] = mapped_column(String(2))
    message: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_until: Mapped[datetime | None]  # a sender is on it until then
    sent_at: Mapped[datetime | None]
    failed_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
