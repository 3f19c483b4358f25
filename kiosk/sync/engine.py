"""Offline-first sync between a kiosk's local store and the central store.

One cycle: push the outbox (insert-if-absent centrally; a row leaves the outbox only once
acknowledged, a permanently refused row is marked and kept), then pull the change feed after this
kiosk's cursor (:mod:`kiosk.sync.feed`, which cannot skip a late commit) and apply it together with
the new cursor in one local transaction, then write a heartbeat. ``SyncWorker`` runs cycles on its
own thread with capped, jittered exponential backoff while the central store is unreachable, and
on PostgreSQL wakes early on a NOTIFY (:mod:`kiosk.sync.listener`).
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import groupby
from typing import Any

from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from kiosk import __version__
from kiosk.base.clock import Clock
from kiosk.config.settings import Config
from kiosk.store.dbutil import upsert
from kiosk.store.engine import Store, open_store
from kiosk.store.models import Booking, OutboxRow
from kiosk.sync import acceptance, central, feed, outbox
from kiosk.sync import state as sync_state
from kiosk.sync.acceptance import PushResult
from kiosk.sync.listener import ChangeListener, is_postgresql
from kiosk.sync.replication import ENTITIES, FORGOTTEN_ONCE_PUSHED, ROLE_AUDIENCES, from_payload

log = logging.getLogger(__name__)

# Kept for callers of the first version; the keys live in kiosk.sync.state.
CURSOR = sync_state.CURSOR
FIRST_SYNC_DONE = sync_state.FIRST_SYNC_DONE

#: How often a healthy kiosk records its last success locally (each write is an fsync).
SUCCESS_RECORD_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class SyncReport:
    pushed: int
    rejected: int
    pulled: int
    cursor: str
    outbox_depth: int


@dataclass(frozen=True)
class SyncStatus:
    """What the kiosk shows about sync; emitted after every cycle."""

    online: bool
    offline_since: datetime | None
    first_sync_done: bool
    outbox_depth: int
    last_error: str | None = None
    rejected: int = 0  # outbox rows refused for good (a booking conflict): show them
    last_success_at: datetime | None = None
    listening: bool = False  # woken by PostgreSQL NOTIFY, not only by polling


class SyncEngine:
    def __init__(
        self,
        local: Store,
        central_url: str,
        *,
        kiosk_id: str,
        role: str,
        room_id: str | None,
        clock: Clock,
        batch_size: int = 500,
        heartbeat_status: Callable[[], dict[str, Any]] = dict,
        pending_wait: float = 1.0,
        on_progress: Callable[[int], None] | None = None,
    ) -> None:
        self._local = local
        self._on_progress = on_progress  # changes pulled so far, after each applied page
        self._pending_wait = pending_wait
        self._central_url = central_url
        self._central: Store | None = None
        self.kiosk_id = kiosk_id
        self.role = role
        self.room_id = room_id
        self._clock = clock
        self._batch = batch_size
        self._heartbeat_status = heartbeat_status
        #: After a pull: committed changes wait above the PostgreSQL watermark; look again soon.
        self.feed_pending = False
        self._first_sync_seen = False  # FIRST_SYNC_DONE is known to be stored locally

    @classmethod
    def for_kiosk(cls, config: Config, local: Store, clock: Clock, **options: Any) -> SyncEngine:
        """The engine of the kiosk ``config`` describes; ``options`` as for the constructor."""
        return cls(
            local,
            config.central_url,
            kiosk_id=config.kiosk_id,
            role=config.role,
            room_id=config.room,
            clock=clock,
            **options,
        )

    @property
    def central_url(self) -> str:
        return self._central_url

    def central(self) -> Store:
        if self._central is None:
            self._central = open_store(self._central_url, migrate=False)
        return self._central

    def close(self) -> None:
        if self._central is not None:
            self._central.dispose()
            self._central = None

    def cycle(self) -> SyncReport:
        pushed, rejected = self.push()
        pulled = self.pull()
        self.heartbeat()
        with self._local.session() as s:
            cursor = sync_state.cursor(s)
            depth = outbox.depth(s)
        return SyncReport(pushed, rejected, pulled, str(cursor), depth)

    # --- push ---------------------------------------------------------------------------

    def push(self) -> tuple[int, int]:
        pushed = rejected = 0
        while True:
            with self._local.session() as s:
                rows = s.execute(
                    select(OutboxRow.seq, OutboxRow.entity, OutboxRow.record_id, OutboxRow.payload)
                    .where(OutboxRow.rejected_at.is_(None))
                    .order_by(OutboxRow.seq)
                    .limit(self._batch)
                ).all()
            if not rows:
                return pushed, rejected
            items = [acceptance.PushItem(r.seq, r.entity, r.payload) for r in rows]
            with self.central().engine.begin() as conn:
                result = acceptance.accept_push(conn, items, self._clock.now())
            # Only after the central commit: drop acknowledged rows, keep rejected ones visible.
            self._settle(result, {r.seq: (r.entity, r.record_id) for r in rows})
            pushed += len(result.acknowledged)
            rejected += len(result.rejected)

    def _settle(self, result: PushResult, rows: dict[int, tuple[str, str]]) -> None:
        now = self._clock.now()
        with self._local.session() as s:
            if result.acknowledged:
                s.execute(delete(OutboxRow).where(OutboxRow.seq.in_(result.acknowledged)))
                for seq in result.acknowledged:
                    entity, record_id = rows[seq]
                    if entity in FORGOTTEN_ONCE_PUSHED:  # kept centrally; no use here
                        table, key = ENTITIES[entity].table, ENTITIES[entity].key
                        s.execute(delete(table).where(table.c[key] == _uuid(record_id)))
            for seq, reason in result.rejected.items():
                s.execute(
                    update(OutboxRow)
                    .where(OutboxRow.seq == seq)
                    .values(rejected_at=now, last_error=reason, attempts=OutboxRow.attempts + 1)
                )
                entity, record_id = rows[seq]
                if entity == "bookings":  # the other kiosk won the slot: stop showing ours
                    s.execute(
                        update(Booking)
                        .where(Booking.id == _uuid(record_id))
                        .values(status="rejected", updated_at=now)
                    )

    # --- pull ---------------------------------------------------------------------------

    def pull(self) -> int:
        """Apply the feed after the cursor, page by page; returns the number of changes.

        Changes committed above the PostgreSQL watermark (behind an older transaction that is
        still open somewhere on the server) are waited for up to ``pending_wait`` seconds, so
        one cycle brings everything committed before it started in the usual case; after that
        ``feed_pending`` tells the worker to look again soon.
        """
        pulled = 0
        limit = self._batch
        deadline = time.monotonic() + self._pending_wait
        while True:
            with self._local.session() as s:
                cursor = sync_state.cursor(s)
            with self.central().engine.connect() as conn:
                changes = feed.changes_since(conn, cursor, self.role, limit)
                last = changes[-1].cursor if changes else cursor
                short = len(changes) < limit
                self.feed_pending = short and feed.pending(conn, last, self.role)
            try:
                self._apply(changes, done=short and not self.feed_pending)
            except IntegrityError:
                if short:
                    raise  # the whole readable feed did not fit together: a real inconsistency
                # A row refers to one on the next page (feed order is commit-safe, not
                # reference order): take a larger page so both land in one transaction.
                limit *= 2
                continue
            pulled += len(changes)
            if changes and self._on_progress is not None:
                self._on_progress(pulled)
            limit = self._batch
            if short and not (self.feed_pending and time.monotonic() < deadline):
                return pulled
            if short:
                time.sleep(0.05)

    def _apply(self, changes: Sequence[feed.ChangeRow], *, done: bool) -> None:
        if not changes and (not done or self._first_sync_seen):
            return  # nothing to write: no local transaction (each commit is an fsync)
        with self._local.session() as s:
            conn = s.connection()
            if conn.dialect.name == "sqlite":
                # References are checked at commit: a page is consistent as a whole.
                conn.execute(text("PRAGMA defer_foreign_keys = ON"))
            for entity_name, run in groupby(changes, key=lambda c: c.entity):
                entity = ENTITIES.get(entity_name)
                if entity is None:  # written by a newer version; skip, keep going
                    log.warning("skipping change of unknown entity %r", entity_name)
                    continue
                upsert(conn, entity.table, [from_payload(entity, c.payload) for c in run])
            if changes:
                sync_state.put(s, sync_state.CURSOR, str(changes[-1].cursor))
            if done:
                sync_state.put(s, sync_state.FIRST_SYNC_DONE, "1")
        self._first_sync_seen = self._first_sync_seen or done

    # --- heartbeat and local status -----------------------------------------------------

    def heartbeat(self) -> None:
        with self._local.session() as s:
            status = {
                "outbox_depth": outbox.depth(s),
                "rejected": sync_state.rejected_count(s),
                "cursor": str(sync_state.cursor(s)),
            }
        status.update(self._heartbeat_status())
        with self.central().engine.begin() as conn:
            central.heartbeat(
                conn,
                kiosk_id=self.kiosk_id,
                role=self.role,
                room_id=self.room_id,
                version=__version__,
                status=status,
                now=self._clock.now(),
            )

    def first_sync_done(self) -> bool:
        with self._local.session() as s:
            return sync_state.get(s, sync_state.FIRST_SYNC_DONE) == "1"

    def outbox_depth(self) -> int:
        with self._local.session() as s:
            return outbox.depth(s)

    def rejected_count(self) -> int:
        with self._local.session() as s:
            return sync_state.rejected_count(s)

    def record_success(self, at: datetime) -> None:
        sync_state.record_success(self._local, at)

    def record_failure(self, error: str, at: datetime) -> None:
        sync_state.record_failure(self._local, error, at)


def _uuid(value: str) -> Any:
    import uuid

    try:
        return uuid.UUID(value)
    except ValueError:
        return value


def describe_error(exc: BaseException) -> str:
    """A short, personal-data-free description of a sync failure."""
    text_ = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = text_[0] if text_ else type(exc).__name__
    return f"{type(exc).__name__}: {first[:200]}"


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
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._offline_since: datetime | None = None
        self._last_recorded: datetime | None = None
        self.listener: ChangeListener | None = None
        if listen and is_postgresql(engine.central_url):
            self.listener = ChangeListener(
                engine.central_url,
                audiences=ROLE_AUDIENCES.get(engine.role, ()),
                on_wake=self.wake,
            )

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self._thread.start()
        if self.listener is not None:
            self.listener.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self.listener is not None:
            self.listener.stop(timeout)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._engine.close()

    def _run(self) -> None:
        failures = 0
        pending = 0
        while not self._stop.is_set():
            self._wake.clear()
            delay = self._interval
            try:
                report = self._engine.cycle()
            except (SQLAlchemyError, OSError) as exc:
                failures += 1
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
                failures = 0
                self._offline_since = None
                self._succeeded(report)
                if self._engine.feed_pending:
                    # Committed changes wait behind an older open transaction: look again soon.
                    pending += 1
                    delay = min(self._interval, self._pending_retry * 2.0 ** min(pending, 6))
                else:
                    pending = 0
            self._wake.wait(delay)

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

    def _emit(self, online: bool, error: str | None, depth: int | None) -> None:
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
                )
            )
        except Exception:
            log.exception("sync status callback failed")
