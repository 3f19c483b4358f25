"""Offline-first sync between a kiosk's local store and the central store.

One cycle: push the outbox (insert-if-absent centrally; a row leaves the outbox only once
acknowledged), then pull the change feed after this kiosk's cursor and apply it together with the
new cursor in one local transaction, then write a heartbeat. ``SyncWorker`` runs cycles on its own
thread with capped, jittered exponential backoff while the central store is unreachable.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import SQLAlchemyError

from kiosk import __version__, central, outbox
from kiosk.clock import Clock
from kiosk.dbutil import upsert
from kiosk.models import OutboxRow, SyncState
from kiosk.replication import ENTITIES, from_payload
from kiosk.store import Store, open_store

log = logging.getLogger(__name__)

CURSOR = "cursor"
FIRST_SYNC_DONE = "first_sync_done"


@dataclass(frozen=True)
class SyncReport:
    pushed: int
    rejected: int
    pulled: int
    cursor: int
    outbox_depth: int


@dataclass(frozen=True)
class SyncStatus:
    """What the kiosk shows about sync; emitted after every cycle."""

    online: bool
    offline_since: datetime | None
    first_sync_done: bool
    outbox_depth: int
    last_error: str | None = None


def _state(session: Any, key: str, default: str | None = None) -> str | None:
    row = session.get(SyncState, key)
    return row.value if row is not None else default


def _set_state(session: Any, key: str, value: str) -> None:
    session.merge(SyncState(key=key, value=value))


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
        batch_size: int = 200,
        heartbeat_status: Callable[[], dict[str, Any]] = dict,
    ) -> None:
        self._local = local
        self._central_url = central_url
        self._central: Store | None = None
        self.kiosk_id = kiosk_id
        self.role = role
        self.room_id = room_id
        self._clock = clock
        self._batch = batch_size
        self._heartbeat_status = heartbeat_status

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
            cursor = int(_state(s, CURSOR, "0") or 0)
            depth = _outbox_depth(s)
        return SyncReport(pushed, rejected, pulled, cursor, depth)

    def push(self) -> tuple[int, int]:
        pushed = rejected = 0
        while True:
            with self._local.session() as s:
                rows = s.execute(
                    select(OutboxRow.seq, OutboxRow.entity, OutboxRow.payload)
                    .where(OutboxRow.rejected_at.is_(None))
                    .order_by(OutboxRow.seq)
                    .limit(self._batch)
                ).all()
            if not rows:
                return pushed, rejected
            items = [central.PushItem(r.seq, r.entity, r.payload) for r in rows]
            with self.central().engine.begin() as conn:
                result = central.accept_push(conn, items, self._clock.now())
            # Only after the central commit: drop acknowledged rows, keep rejected ones visible.
            with self._local.session() as s:
                if result.acknowledged:
                    s.execute(delete(OutboxRow).where(OutboxRow.seq.in_(result.acknowledged)))
                for seq, reason in result.rejected.items():
                    s.execute(
                        update(OutboxRow)
                        .where(OutboxRow.seq == seq)
                        .values(
                            rejected_at=self._clock.now(),
                            last_error=reason,
                            attempts=OutboxRow.attempts + 1,
                        )
                    )
            pushed += len(result.acknowledged)
            rejected += len(result.rejected)

    def pull(self) -> int:
        pulled = 0
        while True:
            with self._local.session() as s:
                cursor = int(_state(s, CURSOR, "0") or 0)
            with self.central().engine.connect() as conn:
                changes = central.changes_since(conn, cursor, self.role, self._batch)
            with self._local.session() as s:
                conn = s.connection()
                for entity_name, run in groupby(changes, key=lambda c: c.entity):
                    entity = ENTITIES.get(entity_name)
                    if entity is None:  # written by a newer version; skip, keep going
                        log.warning("skipping change of unknown entity %r", entity_name)
                        continue
                    upsert(conn, entity.table, [from_payload(entity, c.payload) for c in run])
                if changes:
                    _set_state(s, CURSOR, str(changes[-1].seq))
                if len(changes) < self._batch:
                    _set_state(s, FIRST_SYNC_DONE, "1")
            pulled += len(changes)
            if len(changes) < self._batch:
                return pulled

    def heartbeat(self) -> None:
        status = {"outbox_depth": self.outbox_depth(), **self._heartbeat_status()}
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
            return _state(s, FIRST_SYNC_DONE) == "1"

    def outbox_depth(self) -> int:
        with self._local.session() as s:
            return _outbox_depth(s)


def _outbox_depth(session: Any) -> int:
    return outbox.depth(session)


def describe_error(exc: BaseException) -> str:
    """A short, personal-data-free description of a sync failure."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    return f"{type(exc).__name__}: {first[:200]}"


class SyncWorker:
    """Runs sync cycles on a thread; ``wake()`` asks for one now (after a local write)."""

    def __init__(
        self,
        engine: SyncEngine,
        *,
        interval: float,
        clock: Clock,
        on_status: Callable[[SyncStatus], None],
        max_backoff: float = 60.0,
    ) -> None:
        self._engine = engine
        self._interval = interval
        self._clock = clock
        self._on_status = on_status
        self._max_backoff = max_backoff
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._offline_since: datetime | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._engine.close()

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            self._wake.clear()
            delay = self._interval
            try:
                report = self._engine.cycle()
            except (SQLAlchemyError, OSError) as exc:
                failures += 1
                if self._offline_since is None:
                    self._offline_since = self._clock.now()
                    log.warning("central store unreachable: %s", describe_error(exc))
                self._emit(False, describe_error(exc), None)
                delay = min(self._max_backoff, self._interval * 2 ** min(failures, 10))
                delay *= random.uniform(0.5, 1.0)
                self._engine.close()  # a fresh connection pool after the outage
            except Exception as exc:  # never let a bug kill sync silently
                failures += 1
                log.exception("sync cycle failed")
                self._emit(False, describe_error(exc), None)
                delay = min(self._max_backoff, self._interval * 2 ** min(failures, 10))
            else:
                if self._offline_since is not None:
                    log.info("central store reachable again")
                failures = 0
                self._offline_since = None
                self._emit(True, None, report.outbox_depth)
            self._wake.wait(delay)

    def _emit(self, online: bool, error: str | None, depth: int | None) -> None:
        try:
            first = self._engine.first_sync_done()
            if depth is None:
                depth = self._engine.outbox_depth()
        except SQLAlchemyError:
            first, depth = False, 0
        try:
            self._on_status(SyncStatus(online, self._offline_since, first, depth, error))
        except Exception:
            log.exception("sync status callback failed")
