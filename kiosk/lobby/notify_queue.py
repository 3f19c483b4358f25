"""The lobby's queue of host notifications and the worker thread that sends them.

A check-in must never wait for a mail server, so the check-in only adds a queue row in its own
transaction (:func:`enqueue_arrival`); a worker thread sends it later and retries with capped
backoff while the network or the mail server is away. Rows hold ids only: the visitor's and
host's names are read from the replica when sending, so a visitor who arrived before their
invitation did is announced as soon as the invitation is synced.

Sending happens outside any store transaction, so a slow mail server never holds the store's
write lock. A row is marked sent only after the notifier returned; a crash in between may send
one notice twice, which is better than not at all.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.base.clock import Clock
from kiosk.lobby.notify import (
    EVACUATION,
    HOST_CALL,
    Notice,
    Notifier,
    NotifyError,
    PermanentNotifyError,
)
from kiosk.store.engine import Store
from kiosk.store.models import Checkin, Invitation, Notification, Person, Visitor

log = logging.getLogger(__name__)

VISITOR_ARRIVED = "visitor_arrived"
FIRST_RETRY = timedelta(seconds=30)
MAX_RETRY = timedelta(hours=1)
PURGE_EVERY_PASSES = 240  # about hourly at the default 15 s interval


def enqueue_arrival(session: Session, checkin: Checkin) -> None:
    """Queue "your visitor has arrived" for ``checkin``, in the check-in's transaction."""
    session.add(
        Notification(
            kind=VISITOR_ARRIVED,
            checkin_id=checkin.id,
            invitation_id=checkin.invitation_id,
            visitor_id=checkin.visitor_id,
            created_at=checkin.at,
            next_attempt_at=checkin.at,
            attempts=0,
        )
    )


def enqueue_host_call(
    session: Session, call_id: uuid.UUID, host_ids: list[uuid.UUID], at: datetime
) -> None:
    """Queue "a host is wanted" for each host on duty, in the call's transaction."""
    for host_id in host_ids:
        session.add(
            Notification(
                kind=HOST_CALL,
                checkin_id=None,
                call_id=call_id,
                host_id=host_id,
                created_at=at,
                next_attempt_at=at,
                attempts=0,
            )
        )


def enqueue_evacuation(
    session: Session, host_ids: list[uuid.UUID], at: datetime, pdf: Path
) -> None:
    """Queue the evacuation list saved at ``pdf`` for each host on duty."""
    for host_id in host_ids:
        session.add(
            Notification(
                kind=EVACUATION,
                checkin_id=None,
                host_id=host_id,
                attachment=str(pdf),
                created_at=at,
                next_attempt_at=at,
                attempts=0,
            )
        )


@dataclass(frozen=True)
class DeliveryReport:
    sent: int = 0
    retrying: int = 0  # the notifier failed; tried again later
    waiting: int = 0  # the visitor's data has not reached this kiosk yet
    failed: int = 0  # given up for good


@dataclass(frozen=True)
class _Due:
    id: uuid.UUID
    attempts: int
    created_at: datetime
    notice: Notice | None  # None: names not known yet
    problem: str | None = None  # a reason it can never be sent


class NotificationQueue:
    """Sends due notifications through ``notifier``; one call is one pass over the due rows."""

    def __init__(
        self,
        store: Store,
        notifier: Notifier,
        clock: Clock,
        kiosk_id: str,
        *,
        max_attempts: int = 8,
        wait_for_data: timedelta = timedelta(minutes=1),
        give_up_after: timedelta = timedelta(hours=12),
        retention_days: int = 90,
    ) -> None:
        self._store = store
        self._notifier = notifier
        self._clock = clock
        self._kiosk_id = kiosk_id
        self._max_attempts = max_attempts
        self._wait_for_data = wait_for_data
        self._give_up_after = give_up_after
        self._retention_days = retention_days

    def deliver_due(self, limit: int = 20) -> DeliveryReport:
        now = self._clock.now()
        with self._store.session() as session:
            due = [self._resolve(session, row) for row in _due_rows(session, now, limit)]
        counts = {"sent": 0, "retrying": 0, "waiting": 0, "failed": 0}
        changes: list[tuple[uuid.UUID, dict[str, object]]] = []
        for item in due:
            kind, values = self._attempt(item, now)
            counts[kind] += 1
            changes.append((item.id, values))
        if changes:
            with self._store.session() as session:
                for row_id, values in changes:
                    session.execute(
                        update(Notification).where(Notification.id == row_id).values(**values)
                    )
        return DeliveryReport(**counts)

    def purge_spent(self) -> int:
        """Forget sent or abandoned rows older than the retention period."""
        from kiosk.lobby.retention import purge_local_notifications

        with self._store.engine.begin() as conn:
            return purge_local_notifications(conn, self._clock.now(), self._retention_days)

    def pending(self) -> int:
        with self._store.session() as session:
            return len(
                session.scalars(
                    select(Notification.id).where(
                        Notification.sent_at.is_(None), Notification.failed_at.is_(None)
                    )
                ).all()
            )

    def _attempt(self, item: _Due, now: datetime) -> tuple[str, dict[str, object]]:
        if item.problem is not None:
            log.warning("notification %s given up: %s", item.id, item.problem)
            return "failed", {"failed_at": now, "last_error": item.problem}
        if item.notice is None:
            if now - item.created_at >= self._give_up_after:
                problem = "the visitor's invitation never reached this kiosk"
                log.warning("notification %s given up: %s", item.id, problem)
                return "failed", {"failed_at": now, "last_error": problem}
            return "waiting", {"next_attempt_at": now + self._wait_for_data}
        try:
            self._notifier.send(item.notice)
        except PermanentNotifyError as exc:
            log.warning("notification %s refused for good: %s", item.id, type(exc).__name__)
            return "failed", {
                "failed_at": now,
                "last_error": str(exc),
                "attempts": item.attempts + 1,
            }
        except NotifyError as exc:
            attempts = item.attempts + 1
            if attempts >= self._max_attempts:
                log.warning("notification %s given up after %d attempts", item.id, attempts)
                return "failed", {"failed_at": now, "last_error": str(exc), "attempts": attempts}
            delay = min(FIRST_RETRY * 2 ** (attempts - 1), MAX_RETRY)
            log.info("notification %s not sent yet (attempt %d)", item.id, attempts)
            return "retrying", {
                "attempts": attempts,
                "last_error": str(exc),
                "next_attempt_at": now + delay,
            }
        log.info("notification %s sent", item.id)
        return "sent", {"sent_at": now, "attempts": item.attempts + 1, "last_error": None}

    def _resolve(self, session: Session, row: Notification) -> _Due:
        if row.kind in (HOST_CALL, EVACUATION):  # to a host on duty, named by the row
            return self._resolve_call(session, row)
        visitor_id = row.visitor_id
        if visitor_id is None and row.invitation_id is not None:
            visitor_id = session.scalar(
                select(Invitation.visitor_id).where(Invitation.id == row.invitation_id)
            )
        visitor = session.get(Visitor, visitor_id) if visitor_id is not None else None
        if visitor is None:
            return _Due(row.id, row.attempts, row.created_at, None)
        if visitor.anonymised_at is not None:
            return _Due(row.id, row.attempts, row.created_at, None, "the visitor was anonymised")
        host = session.get(Person, visitor.host_id) if visitor.host_id is not None else None
        if host is None:
            return _Due(row.id, row.attempts, row.created_at, None, "the visitor has no host")
        arrived = session.scalar(select(Checkin.at).where(Checkin.id == row.checkin_id))
        notice = Notice(
            id=row.id,
            host_id=host.id,
            host_name=host.name,
            host_email=host.email,
            visitor_name=visitor.name,
            organisation=visitor.organisation,
            arrived_at=arrived or row.created_at,
            kiosk_id=self._kiosk_id,
        )
        return _Due(row.id, row.attempts, row.created_at, notice)

    def _resolve_call(self, session: Session, row: Notification) -> _Due:
        host = session.get(Person, row.host_id) if row.host_id is not None else None
        if host is None:
            return _Due(row.id, row.attempts, row.created_at, None, "the host is not known here")
        attachment = Path(row.attachment) if row.attachment else None
        if row.kind == EVACUATION and (attachment is None or not attachment.is_file()):
            return _Due(row.id, row.attempts, row.created_at, None, "the saved list is gone")
        notice = Notice(
            id=row.id,
            host_id=host.id,
            host_name=host.name,
            host_email=host.email,
            visitor_name="",
            organisation=None,
            arrived_at=row.created_at,
            kiosk_id=self._kiosk_id,
            kind=row.kind,
            attachment=attachment,
        )
        return _Due(row.id, row.attempts, row.created_at, notice)


def _due_rows(session: Session, now: datetime, limit: int) -> list[Notification]:
    return list(
        session.scalars(
            select(Notification)
            .where(
                Notification.sent_at.is_(None),
                Notification.failed_at.is_(None),
                Notification.next_attempt_at <= now,
            )
            .order_by(Notification.next_attempt_at, Notification.id)
            .limit(limit)
        )
    )


class NotificationWorker:
    """Runs :meth:`NotificationQueue.deliver_due` on its own thread every ``interval`` seconds,
    and at once when woken (after a check-in)."""

    def __init__(
        self,
        queue: NotificationQueue,
        *,
        interval: float = 15.0,
        also: Sequence[Callable[[], object]] = (),
    ) -> None:
        self._queue = queue
        self._also = tuple(also)  # further passes on this thread (embedded invitation e-mails)
        self._interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="notify-worker", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 15.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        passes = 0
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self._queue.deliver_due()
                if passes % PURGE_EVERY_PASSES == 0:
                    self._queue.purge_spent()
                for extra in self._also:
                    extra()
            except Exception as exc:  # a store hiccup must not end notifications for the day
                log.error("notification pass failed: %s", type(exc).__name__, exc_info=exc)
            passes += 1
            self._wake.wait(self._interval)
