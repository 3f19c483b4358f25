"""The sync worker: sync cycles on their own thread, woken by local writes and NOTIFYs.

While the central side is unreachable it backs off exponentially (capped, jittered) and says
so through ``on_status``; a service that asks it to slow down (429) is honoured. A refused
token is tried again only after the longest back-off, unless a new one was installed.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from kiosk.base.clock import Clock
from kiosk.base.errors import KioskError, is_disk_full
from kiosk.config.credential_file import enrol_command
from kiosk.config.service_url import is_service_url
from kiosk.sync.engine import (
    SUCCESS_RECORD_EVERY,
    SyncEngine,
    SyncReport,
    SyncStatus,
    describe_error,
)
from kiosk.sync.feed import FeedCursor
from kiosk.sync.link import CredentialRefused, CredentialRenewed, FeedPage, RetryLater
from kiosk.sync.listener import ChangeListener, is_postgresql
from kiosk.sync.replication import ROLE_AUDIENCES

if TYPE_CHECKING:
    from kiosk.sync.waiter import ServiceWaiter

log = logging.getLogger(__name__)

MAX_DELIVERED = 64


class SyncWorker:
    """Runs sync cycles on a thread; ``wake()`` asks for one now (after a local write).

    With ``listen`` (the default) and a PostgreSQL central store, a :class:`ChangeListener`
    wakes the worker when the central feed changes, so a kiosk sees a change in well under a
    second instead of at its next poll. Polling every ``interval`` seconds continues regardless.
    """

    def __init__(
        self,
        engine: SyncEngine,
        *,
        interval: float,
        clock: Clock,
        on_status: Callable[[SyncStatus], None],
        max_backoff: float = 60.0,
        listen: bool = True,
        pending_retry: float = 0.2,
    ) -> None:
        self._engine = engine
        self._interval = interval
        self._clock = clock
        self._on_status = on_status
        self._max_backoff = max_backoff
        self._pending_retry = pending_retry
        self._wake = threading.Event()
        self._delivered: dict[FeedCursor, FeedPage] = {}  # pages from wake-ups, by their start
        self._delivered_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._offline_since: datetime | None = None
        self._last_recorded: datetime | None = None
        self._disk_was_full = False
        self._setup_error: str | None = None
        self.listener: ChangeListener | ServiceWaiter | None = None
        if listen and is_postgresql(engine.central_url):
            self.listener = ChangeListener(
                engine.central_url,
                audiences=ROLE_AUDIENCES.get(engine.role, ()),
                on_wake=self.wake,
            )
        elif listen and is_service_url(engine.central_url):
            self.listener = _service_waiter(engine, self.wake, self.deliver)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self._thread.start()
        if self.listener is not None:
            self.listener.start()

    def wake(self) -> None:
        self._wake.set()

    def deliver(self, after: FeedCursor, page: FeedPage) -> None:
        """A page of the feed from ``after`` that came with a wake-up: the next cycle applies
        it as the answer of its pull from ``after`` (and ignores it if its cursor moved)."""
        with self._delivered_lock:
            if len(self._delivered) >= MAX_DELIVERED:
                self._delivered.clear()  # the worker is stuck: it pulls for itself later
            self._delivered[after] = page
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self.listener is not None:
            self.listener.stop(timeout)
        if self._thread is not None:
            self._thread.join(timeout)
            stopped = not self._thread.is_alive()
            self._thread = None
            if stopped and self._offline_since is None:
                self._engine.goodbye()
        self._engine.close()

    def _run(self) -> None:
        failures = 0
        pending = 0
        while not self._stop.is_set():
            self._wake.clear()
            delay = self._interval
            with self._delivered_lock:
                delivered, self._delivered = self._delivered, {}
            try:
                report = self._engine.cycle(delivered)
            except KioskError as exc:  # a set-up mistake (kiosk id vs its login): say it plainly
                failures += 1
                if self._setup_error != str(exc):
                    self._setup_error = str(exc)
                    log.error("sync cannot run: %s", exc)
                self._failed(str(exc))
                delay = self._backoff(failures, jitter=True)
                self._engine.close()
            except CredentialRefused:  # revoked or not enrolled: no quick retry can fix it
                failures += 1
                self._refused()
                delay = self._max_backoff
                self._engine.close()
            except CredentialRenewed:  # enrolled again into the same file: the refusal is over
                failures = 0
                self._setup_error = None  # a refusal of the new token is said again
                continue
            except RetryLater as exc:  # the service asked to slow down: honour it, stay online
                failures += 1
                log.info("central service asked to wait %.0f s", exc.retry_after)
                delay = max(exc.retry_after, self._backoff(failures, jitter=True))
            except (SQLAlchemyError, OSError) as exc:
                failures += 1
                if is_disk_full(exc):  # a local problem, not the central side's
                    self._disk_full(exc)
                    self._wake.wait(self._backoff(failures, jitter=True))
                    continue
                if self._offline_since is None:
                    self._offline_since = self._clock.now()
                    log.warning("central store unreachable: %s", describe_error(exc), exc_info=exc)
                self._failed(describe_error(exc))
                delay = self._backoff(failures, jitter=True)
                self._engine.close()  # a fresh connection pool after the outage
            except Exception as exc:  # never let a bug kill sync silently
                failures += 1
                log.exception("sync cycle failed")
                self._failed(describe_error(exc))
                delay = self._backoff(failures, jitter=False)
            else:
                if self._offline_since is not None:
                    log.info("central store reachable again")
                if self._disk_was_full:
                    log.info("local disk has room again")
                    self._disk_was_full = False
                failures = 0
                self._offline_since = None
                self._setup_error = None  # a mistake that comes back is said again
                self._succeeded(report)
                if self._engine.feed_pending:
                    # Committed changes wait behind an older open transaction: look again soon.
                    pending += 1
                    delay = min(self._interval, self._pending_retry * 2.0 ** min(pending, 6))
                else:
                    pending = 0
            self._wake.wait(delay)

    def _refused(self) -> None:
        """The service refuses this kiosk's token: offline on screen, one line in the log (no
        traceback: nothing here is a bug), tried again only after the longest back-off."""
        if self._offline_since is None:
            self._offline_since = self._clock.now()
        engine = self._engine
        command = enrol_command(engine.kiosk_id, engine.role, engine.room_id)
        reason = (
            "the central service refuses this kiosk's credential (revoked, or enrolled again "
            f"with a new token): on the admin machine, {command}; install that file as "
            "central.credential_file (the kiosk reads it again within a minute, no restart)"
        )
        if self._setup_error != reason:
            self._setup_error = reason
            log.error("sync stopped: %s; trying again every %.0f s", reason, self._max_backoff)
        self._failed(reason)

    def _disk_full(self, exc: BaseException) -> None:
        """Say "local disk full" (log once, status strip, fleet), not "central unreachable"."""
        if not self._disk_was_full:
            self._disk_was_full = True
            log.error(
                "local disk full: this kiosk cannot store what it syncs (%s)", describe_error(exc)
            )
        try:  # a heartbeat needs no local write: the fleet learns why this kiosk is stuck
            self._engine.heartbeat(disk_full=True)
        except Exception as hb_exc:
            log.debug("heartbeat with disk_full not sent: %s", describe_error(hb_exc))
        self._emit(True, "local disk full", None, disk_full=True)

    def _backoff(self, failures: int, *, jitter: bool) -> float:
        delay = min(self._max_backoff, self._interval * 2.0 ** min(failures, 10))
        return delay * random.uniform(0.5, 1.0) if jitter else delay

    def _succeeded(self, report: SyncReport) -> None:
        now = self._clock.now()
        last = self._last_recorded
        if last is None or now - last >= SUCCESS_RECORD_EVERY or report.pushed or report.pulled:
            try:
                self._engine.record_success(now)
                self._last_recorded = now
            except SQLAlchemyError as exc:
                log.warning("could not record the sync success locally", exc_info=exc)
        self._emit(True, None, report.outbox_depth)

    def _failed(self, error: str) -> None:
        self._last_recorded = None  # the next success is recorded at once
        try:
            self._engine.record_failure(error, self._clock.now())
        except SQLAlchemyError as exc:
            log.warning("could not record the sync failure locally", exc_info=exc)
        self._emit(False, error, None)

    def _emit(
        self, online: bool, error: str | None, depth: int | None, *, disk_full: bool = False
    ) -> None:
        try:
            first = self._engine.first_sync_done()
            rejected = self._engine.rejected_count()
            if depth is None:
                depth = self._engine.outbox_depth()
        except SQLAlchemyError:
            first, depth, rejected = False, 0, 0
        listening = self.listener is not None and self.listener.connected.is_set()
        try:
            self._on_status(
                SyncStatus(
                    online,
                    self._offline_since,
                    first,
                    depth,
                    error,
                    rejected=rejected,
                    last_success_at=self._last_recorded,
                    listening=listening,
                    duplicate_id=self._engine.kiosk_id if self._engine.duplicate else None,
                    disk_full=disk_full,
                )
            )
        except Exception:
            log.exception("sync status callback failed")


def _service_waiter(
    engine: SyncEngine,
    wake: Callable[[], None],
    deliver: Callable[[FeedCursor, FeedPage], None],
) -> ServiceWaiter | None:
    """A long-poll on the sync service that wakes the worker (kiosks enrolled with it)."""
    from kiosk.sync.http_link import HttpLink
    from kiosk.sync.waiter import ServiceWaiter

    link = engine.link
    if not isinstance(link, HttpLink):
        return None
    return ServiceWaiter(
        link.url,
        link.headers,
        credential=link.credential,
        cursor=engine.cursor,
        on_wake=wake,
        on_page=deliver,
        verify=link.verify,
    )
