"""Offline-first sync between a kiosk's local store and the central store.

One cycle: push the outbox (insert-if-absent centrally; a row leaves the outbox only once
acknowledged, a permanently refused row is marked and kept), then pull the change feed after this
kiosk's cursor (:mod:`kiosk.sync.feed`, which cannot skip a late commit) and apply it together with
the new cursor in one local transaction, then write a heartbeat. The central side is reached
through a link (:mod:`kiosk.sync.link`): the store itself on one machine, the central sync
service over HTTP on a networked kiosk. :mod:`kiosk.sync.worker` runs cycles on a thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import groupby
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import IntegrityError

from kiosk import __version__
from kiosk.base.clock import Clock
from kiosk.config.credential_file import DeviceToken, service_credentials
from kiosk.config.settings import Config
from kiosk.store.dbutil import upsert
from kiosk.store.engine import Store
from kiosk.store.models import Booking, OutboxRow, Person
from kiosk.sync import feed, outbox
from kiosk.sync import state as sync_state
from kiosk.sync.acceptance import PushItem, PushResult
from kiosk.sync.instance import InstanceId, this_process
from kiosk.sync.link import (
    BatchRefused,
    CentralLink,
    CentralUnavailable,
    FeedPage,
    Identity,
    StoreLink,
)

if TYPE_CHECKING:
    from kiosk.sync.http_link import HttpLink
from kiosk.sync.replication import ENTITIES, FORGOTTEN_ONCE_PUSHED, from_payload

log = logging.getLogger(__name__)

# Kept for callers of the first version; the keys live in kiosk.sync.state.
CURSOR = sync_state.CURSOR
FIRST_SYNC_DONE = sync_state.FIRST_SYNC_DONE

#: The largest page a pull asks for while it grows a page to fit references together.
MAX_PAGE = 8_000

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
    duplicate_id: str | None = None  # this kiosk's id, while another running kiosk uses it too
    disk_full: bool = False  # the local disk is full: nothing new can be stored (not "offline")


class SyncEngine:
    """One kiosk's push, pull and heartbeat, through its :class:`~kiosk.sync.link.CentralLink`."""

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
        link: CentralLink | None = None,
        instance: InstanceId | None = None,
    ) -> None:
        self._local = local
        self._on_progress = on_progress  # changes pulled so far, after each applied page
        self._pending_wait = pending_wait
        self._central_url = central_url
        identity = Identity(kiosk_id, role, room_id)
        self._link: CentralLink = link or StoreLink(central_url, identity, clock.now)
        self.kiosk_id = kiosk_id
        self.role = role
        self.room_id = room_id
        self._clock = clock
        self._batch = batch_size
        self._heartbeat_status = heartbeat_status
        self.instance = instance or this_process()  # named in every heartbeat
        #: The central side's last word: another running kiosk uses this kiosk's id.
        self.duplicate = False
        self._heard = False  # a heartbeat went through: a goodbye is worth sending
        #: After a pull: committed changes wait above the PostgreSQL watermark; look again soon.
        self.feed_pending = False
        self._first_sync_seen = False  # FIRST_SYNC_DONE is known to be stored locally
        self._pins_forgotten = False

    @classmethod
    def for_kiosk(cls, config: Config, local: Store, clock: Clock, **options: Any) -> SyncEngine:
        """The engine of the kiosk ``config`` describes; ``options`` as for the constructor.

        With an ``https://`` central URL it syncs through the central sync service with the
        device token in ``central.credential_file``; otherwise with the store at that URL.
        """
        if config.uses_service and "link" not in options:
            options["link"] = service_link(config)
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

    @property
    def link(self) -> CentralLink:
        """How this engine reaches the central side (tests reach through it to the store)."""
        return self._link

    def close(self) -> None:
        self._link.close()

    def cycle(self, delivered: Mapping[feed.FeedCursor, FeedPage] | None = None) -> SyncReport:
        """Push, pull, heartbeat. ``delivered``: pages that came with a wake-up, by the cursor
        each starts from; the pull takes one instead of asking when it starts there."""
        pushed, rejected = self.push()
        pulled = self.pull(delivered)
        if not self._link.keeps_pin_hashes and not self._pins_forgotten:
            self._forget_pin_hashes()
        self.heartbeat()
        with self._local.session() as s:
            cursor = sync_state.cursor(s)
            depth = outbox.depth(s)
        return SyncReport(pushed, rejected, pulled, str(cursor), depth)

    # --- push ---------------------------------------------------------------------------

    def push(self) -> tuple[int, int]:
        pushed = rejected = 0
        batch = self._batch
        while True:
            with self._local.session() as s:
                rows = s.execute(
                    select(OutboxRow.seq, OutboxRow.entity, OutboxRow.record_id, OutboxRow.payload)
                    .where(OutboxRow.rejected_at.is_(None))
                    .order_by(OutboxRow.seq)
                    .limit(batch)
                ).all()
            if not rows:
                return pushed, rejected
            items = [PushItem(r.seq, r.entity, r.payload) for r in rows]
            try:
                result = self._link.push(items)
            except BatchRefused as exc:
                if len(items) > 1:  # find the record the service will not take: halve
                    batch = max(1, len(items) // 2)
                    continue
                reason = f"refused by the central service: {exc.reason}"
                result = PushResult(rejected={items[0].seq: reason})
            batch = min(self._batch, batch * 2)
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

    def pull(self, delivered: Mapping[feed.FeedCursor, FeedPage] | None = None) -> int:
        """Apply this kiosk's share of the feed after its cursor, page by page.

        Changes committed above the PostgreSQL watermark (behind an older transaction that is
        still open somewhere on the server) are waited for up to ``pending_wait`` seconds, so
        one cycle brings everything committed before it started in the usual case; after that
        ``feed_pending`` tells the worker to look again soon.

        A page in ``delivered`` that starts at this kiosk's cursor is applied as if the link had
        answered it (the cursor moves with it in one transaction, so it is applied once).
        """
        waiting = dict(delivered or {})
        pulled = 0
        limit = self._batch
        deadline = time.monotonic() + self._pending_wait
        while True:
            with self._local.session() as s:
                cursor = sync_state.cursor(s)
            page = waiting.pop(cursor, None) or self._link.changes(cursor, limit)
            self.feed_pending = page.pending
            short = not page.full
            try:
                self._apply(page, cursor, done=short and not page.pending)
            except IntegrityError:
                if short or limit >= MAX_PAGE:
                    raise  # the whole readable feed did not fit together: a real inconsistency
                # A row refers to one on the next page (feed order is commit-safe, not
                # reference order): take a larger page so both land in one transaction.
                limit *= 2
                continue
            pulled += len(page.changes)
            if page.changes and self._on_progress is not None:
                self._on_progress(pulled)
            limit = self._batch
            if short and page.cursor in waiting:
                continue  # the next delivered page starts here
            if short and any(p.cursor > page.cursor for p in waiting.values()):
                waiting.clear()  # a delivered page knew of more: ask the link once more
                continue
            if short and not (self.feed_pending and time.monotonic() < deadline):
                return pulled
            if short:
                time.sleep(0.05)

    def _apply(self, page: FeedPage, cursor: feed.FeedCursor, *, done: bool) -> None:
        moved = page.cursor != cursor
        if not page.changes and not moved and (not done or self._first_sync_seen):
            return  # nothing to write: no local transaction (each commit is an fsync)
        with self._local.session() as s:
            conn = s.connection()
            if conn.dialect.name == "sqlite":
                # References are checked at commit: a page is consistent as a whole.
                conn.execute(text("PRAGMA defer_foreign_keys = ON"))
            for entity_name, run in groupby(page.changes, key=lambda c: c.entity):
                entity = ENTITIES.get(entity_name)
                if entity is None:  # written by a newer version; skip, keep going
                    log.warning("skipping change of unknown entity %r", entity_name)
                    continue
                upsert(conn, entity.table, [from_payload(entity, c.payload) for c in run])
            if moved:
                sync_state.put(s, sync_state.CURSOR, str(page.cursor))
            if done:
                sync_state.put(s, sync_state.FIRST_SYNC_DONE, "1")
        self._first_sync_seen = self._first_sync_seen or done

    def _forget_pin_hashes(self) -> None:
        """A kiosk enrolled with the service drops PIN hashes an older direct sync left in its
        replica: the service checks PINs now, and a stolen disk should yield none."""
        with self._local.session() as s:
            s.execute(update(Person).where(Person.pin_hash.is_not(None)).values(pin_hash=None))
        self._pins_forgotten = True

    # --- heartbeat and local status -----------------------------------------------------

    def heartbeat(self, *, disk_full: bool = False) -> None:
        with self._local.session() as s:
            status: dict[str, Any] = {
                "outbox_depth": outbox.depth(s),
                "rejected": sync_state.rejected_count(s),
                "cursor": str(sync_state.cursor(s)),
            }
        status.update(self._heartbeat_status())
        if disk_full:
            status["disk_full"] = True  # `kiosk admin fleet` says so
        answer = self._link.heartbeat(__version__, status, self.instance)
        if answer.duplicate != self.duplicate:
            log.log(
                logging.WARNING if answer.duplicate else logging.INFO,
                "kiosk id %s is %s",
                self.kiosk_id,
                f"used by {answer.instances} running kiosks"
                if answer.duplicate
                else "no longer used twice",
            )
        self.duplicate = answer.duplicate
        self._heard = True

    def goodbye(self) -> None:
        """Tell the central side this process stops cleanly, so a successor started at once
        is not mistaken for a duplicate. Best effort: a failure only leaves the row to go silent."""
        if not self._heard:
            return
        try:
            self._link.heartbeat(__version__, {}, self.instance, stopping=True)
        except Exception as exc:  # shutting down: never let this stop the rest
            log.info("goodbye to the central side not delivered: %s", describe_error(exc))
        self._heard = False

    def cursor(self) -> feed.FeedCursor:
        """Where this kiosk's next pull starts (its local store's cursor)."""
        with self._local.session() as s:
            return sync_state.cursor(s)

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
    """A short, personal-data-free description of a sync failure. The link's own failures
    (unreachable, refused credential) are sentences already: no class name in front."""
    text_ = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    if isinstance(exc, CentralUnavailable) and text_:
        return text_[0][:300]
    first = text_[0] if text_ else type(exc).__name__
    return f"{type(exc).__name__}: {first[:200]}"


def service_link(config: Config) -> HttpLink:
    """The link to the central sync service, with this kiosk's device token."""
    from kiosk.sync.http_link import HttpLink  # httpx loads only on kiosks that use it

    token, verify = service_credentials(config)
    credential = DeviceToken(token, config.credential_file)  # read again when refused
    return HttpLink(config.central_url, credential, version=__version__, verify=verify)
