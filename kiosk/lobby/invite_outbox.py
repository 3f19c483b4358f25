"""The central outbox of e-mails to visitors, and the pass that sends what is due.

The host-notification queue (``notify_queue``) is the pattern: a row is queued in the same
transaction as what it is about (so an invitation is never stored without its e-mail, nor the
e-mail without the invitation), sent outside any transaction through the same SMTP notifier,
retried with capped backoff, and given up only for a refused address or after
``max_attempts``. The differences come from living in the central store, where several
senders may run at once (every process of the sync service, an admin command, ``kiosk run``):

- A sender first *claims* a row, in its own committed transaction, with a conditional update
  (``claimed_until`` in the past or empty): only one sender wins a row, on SQLite and on
  PostgreSQL alike. The claim is a lease, longer than one SMTP conversation can last.
- The row holds the whole composed message, so any sender sends exactly the same bytes with the
  same ``Message-ID`` (``<row id@lab-kiosk>``).

**At least once.** The mail server accepting a message and our ``sent_at`` commit cannot be one
atomic step. We choose at-least-once: a sender that dies (or loses the store) after the server
took the message and before it marked the row leaves the claim to expire, and the next sender
sends the same message again, with the same Message-ID, which mail programs show once. The
other choice, at-most-once (mark before sending), would silently lose an invitation whenever a
send fails after the mark, and a visitor without their code is worse than one with two copies.
Outside that window nothing is sent twice: a row is sent only while claimed, and a claim is
taken by one sender only.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

from sqlalchemy import func, or_, select, update
from sqlalchemy.engine import Connection, Engine

from kiosk.base.clock import Clock
from kiosk.lobby.notify import NotifyError, PermanentNotifyError
from kiosk.store.models import InvitationEmail, table_of

log = logging.getLogger(__name__)

emails_t = table_of(InvitationEmail)
FIRST_RETRY = timedelta(seconds=30)
MAX_RETRY = timedelta(hours=1)
LEASE = timedelta(minutes=5)  # far longer than one SMTP conversation (timeouts of 10 s a step)


def enqueue(
    conn: Connection,
    *,
    message_id: uuid.UUID,
    invitation_id: uuid.UUID,
    kind: str,
    address: str,
    lang: str,
    message: EmailMessage,
    now: datetime,
) -> uuid.UUID:
    """Queue ``message`` (composed with ``message_id``) in the caller's transaction."""
    conn.execute(
        emails_t.insert().values(
            id=message_id,
            invitation_id=invitation_id,
            kind=kind,
            address=address,
            lang=lang,
            message=message.as_bytes(policy=policy.SMTP),
            created_at=now,
            next_attempt_at=now,
            attempts=0,
        )
    )
    return message_id


def last_address(conn: Connection, invitation_id: uuid.UUID) -> tuple[str, str] | None:
    """The address and language the visitor was last written to, if still kept."""
    row = conn.execute(
        select(emails_t.c.address, emails_t.c.lang)
        .where(emails_t.c.invitation_id == invitation_id, emails_t.c.address.is_not(None))
        .order_by(emails_t.c.created_at.desc(), emails_t.c.id.desc())
        .limit(1)
    ).first()
    return (str(row.address), str(row.lang)) if row else None


@dataclass(frozen=True)
class MailReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    waiting: int = 0  # still queued after this pass (due later or claimed by another sender)


class InviteMailOutbox:
    """Sends due invitation e-mails through ``send`` (an SMTP notifier's ``send_message``)."""

    def __init__(
        self,
        engine: Engine,
        send: Callable[[EmailMessage], None],
        clock: Clock,
        *,
        max_attempts: int = 10,
        lease: timedelta = LEASE,
    ) -> None:
        self._engine = engine
        self._send = send
        self._clock = clock
        self._max_attempts = max_attempts
        self._lease = lease

    def deliver_due(self, limit: int = 20, only: uuid.UUID | None = None) -> MailReport:
        """One pass: claim up to ``limit`` due rows, send each, record each outcome."""
        counts = {"sent": 0, "retrying": 0, "failed": 0}
        for row_id, attempts in self._claim(limit, only):
            kind, values = self._attempt(row_id, attempts)
            counts[kind] += 1
            with self._engine.begin() as conn:
                conn.execute(update(emails_t).where(emails_t.c.id == row_id).values(**values))
        return MailReport(**counts, waiting=self.pending())

    def pending(self) -> int:
        with self._engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(emails_t)
                    .where(emails_t.c.sent_at.is_(None), emails_t.c.failed_at.is_(None))
                ).scalar_one()
            )

    def _claim(self, limit: int, only: uuid.UUID | None) -> list[tuple[uuid.UUID, int]]:
        now = self._clock.now()
        free = or_(emails_t.c.claimed_until.is_(None), emails_t.c.claimed_until <= now)
        due = [
            emails_t.c.sent_at.is_(None),
            emails_t.c.failed_at.is_(None),
            emails_t.c.message.is_not(None),
            emails_t.c.next_attempt_at <= now,
        ]
        if only is not None:
            due.append(emails_t.c.id == only)
        claimed = []
        with self._engine.begin() as conn:
            candidates = conn.execute(
                select(emails_t.c.id, emails_t.c.attempts)
                .where(*due, free)
                .order_by(emails_t.c.next_attempt_at, emails_t.c.id)
                .limit(limit)
            ).all()
        for row in candidates:  # one short transaction per claim: another sender may race us
            with self._engine.begin() as conn:
                won = conn.execute(
                    update(emails_t)
                    .where(emails_t.c.id == row.id, *due, free)
                    .values(claimed_until=now + self._lease, attempts=emails_t.c.attempts + 1)
                ).rowcount
            if won == 1:
                claimed.append((row.id, row.attempts + 1))
        return claimed

    def _attempt(self, row_id: uuid.UUID, attempts: int) -> tuple[str, dict[str, object]]:
        with self._engine.connect() as conn:
            raw = conn.execute(select(emails_t.c.message).where(emails_t.c.id == row_id)).scalar()
        now = self._clock.now()
        if raw is None:  # erased by retention while we held the claim
            return "failed", {"failed_at": now, "claimed_until": None, "last_error": "erased"}
        message = message_from_bytes(raw, _class=EmailMessage, policy=policy.SMTP)
        assert isinstance(message, EmailMessage)
        try:
            self._send(message)
        except PermanentNotifyError as exc:
            log.warning("invitation e-mail %s refused for good", row_id)
            return "failed", {
                "failed_at": self._clock.now(),
                "claimed_until": None,
                "message": None,
                "last_error": str(exc)[:500],
            }
        except NotifyError as exc:
            now = self._clock.now()
            if attempts >= self._max_attempts:
                log.warning("invitation e-mail %s given up after %d attempts", row_id, attempts)
                return "failed", {
                    "failed_at": now,
                    "claimed_until": None,
                    "message": None,
                    "last_error": str(exc)[:500],
                }
            log.info("invitation e-mail %s not sent yet (attempt %d)", row_id, attempts)
            return "retrying", {
                "claimed_until": None,
                "next_attempt_at": now + min(FIRST_RETRY * 2 ** (attempts - 1), MAX_RETRY),
                "last_error": str(exc)[:500],
            }
        log.info("invitation e-mail %s sent", row_id)
        # The message (with its code) is dropped once sent; the address stays for resend and
        # revoke until the visitor's retention erases it.
        return "sent", {
            "sent_at": self._clock.now(),
            "claimed_until": None,
            "message": None,
            "last_error": None,
        }


def erase_addresses(conn: Connection, invitation_ids: list[uuid.UUID], now: datetime) -> int:
    """Forget the address and message of every e-mail about these invitations (retention); one
    still unsent by then is given up."""
    if not invitation_ids:
        return 0
    conn.execute(
        update(emails_t)
        .where(
            emails_t.c.invitation_id.in_(invitation_ids),
            emails_t.c.sent_at.is_(None),
            emails_t.c.failed_at.is_(None),
        )
        .values(failed_at=now, claimed_until=None)
    )
    result = conn.execute(
        update(emails_t)
        .where(
            emails_t.c.invitation_id.in_(invitation_ids),
            or_(emails_t.c.address.is_not(None), emails_t.c.message.is_not(None)),
        )
        .values(address=None, message=None, last_error=None)
    )
    return int(result.rowcount or 0)
