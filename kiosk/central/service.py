"""What the central sync service does for one authenticated device, without HTTP.

The ASGI app (:mod:`kiosk.central.api`) turns requests into these calls; tests and the
embedded one-machine set-up can call them directly. Every call runs the central rules here,
never trusting the kiosk's own code: the edge checks (:mod:`kiosk.central.edge`), then the push
rules of :mod:`kiosk.sync.acceptance`, and a refusal for any reason is audited centrally.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from kiosk.base.clock import Clock
from kiosk.base.ids import new_id
from kiosk.central.credentials import Device, authenticate, token_hash, valid_credentials
from kiosk.central.edge import check_record, check_types, check_value
from kiosk.central.host_pins import PinAnswer, check_pin, verified_host
from kiosk.central.pages import LOBBY_PAGE_SECONDS
from kiosk.central.reshare import reshare
from kiosk.central.shares import read_share
from kiosk.config.credential_file import TOKEN_FORMAT
from kiosk.lab.here_today import consent_of
from kiosk.store.engine import Store
from kiosk.store.models import AuditEntry, table_of
from kiosk.sync import central, feed
from kiosk.sync.acceptance import HOST_MADE, PushItem, PushResult, accept_push
from kiosk.sync.feed import FeedCursor
from kiosk.sync.instance import InstanceId
from kiosk.sync.instances import HeartbeatAnswer
from kiosk.sync.link import FeedPage
from kiosk.sync.refusals import PushRefused
from kiosk.sync.replication import ENTITIES, from_payload

log = logging.getLogger(__name__)

audit_t = table_of(AuditEntry)
MAX_REMEMBERED_TOKENS = 20_000
AUTH_TTL = 2.0  # seconds: how late a revocation may take effect
#: How often the service publishes again the invitations that came within a lobby's look-ahead
#: (:mod:`kiosk.central.reshare`), and how long a lobby's shared page may be reused.
RESHARE_EVERY = timedelta(seconds=LOBBY_PAGE_SECONDS)
#: What a kiosk pushes in a host's name, and the column naming the host.
IN_A_HOSTS_NAME = {**HOST_MADE, "audit_log": "actor_id"}


class CentralService:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._devices_lock = threading.Lock()
        self._devices: dict[str, tuple[Device | None, float]] = {}
        self._reshare_after: datetime | None = None
        self._resharing = threading.Lock()
        self._refresh_lock = threading.Lock()
        self._valid: dict[str, Device] = {}  # token hash -> device, every valid credential
        self._valid_until = 0.0  # monotonic time until which ``_valid`` may be trusted

    @property
    def store(self) -> Store:
        return self._store

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def store_url(self) -> str:
        return self._store.engine.url.render_as_string(hide_password=False)

    def known_device(self, token: str) -> Device | None:
        """The device of ``token`` from memory alone, or None when the store must be asked
        (:meth:`authenticate`). No store work: async endpoints call it on the event loop."""
        now = time.monotonic()
        if self._valid_until > now:
            device = self._valid.get(token_hash(token)) if TOKEN_FORMAT.match(token) else None
            if device is not None:
                return device
        known = self._devices.get(token)
        if known is not None and known[1] > now:
            return known[0]
        return None

    def authenticate(self, token: str) -> Device | None:
        """The device of ``token``.

        Every valid credential is read in one query at most every ``AUTH_TTL`` seconds (a
        Lab has hundreds or thousands, a few bytes each), so a fleet woken at once proves who
        it is from memory instead of queueing on the store, and a revoked or replaced token
        is refused within that time. A token not in that snapshot (enrolled since) is looked
        up on its own, and the answer remembered for ``AUTH_TTL`` seconds.
        """
        now = time.monotonic()
        if self._valid_until <= now:
            with self._refresh_lock:
                if self._valid_until <= time.monotonic():
                    with self._store.engine.connect() as conn:
                        self._valid = valid_credentials(conn)
                    self._valid_until = time.monotonic() + AUTH_TTL
        known = self.known_device(token)
        if known is not None:
            return known
        with self._store.engine.connect() as conn:
            device = authenticate(conn, token)
        with self._devices_lock:
            if len(self._devices) >= MAX_REMEMBERED_TOKENS:
                self._devices.clear()
            self._devices[token] = (device, now + AUTH_TTL)
        return device

    def refuse_role(self, device: Device, path: str) -> None:
        """Audit a valid token used where its role may not go (a staff credential at a kiosk
        endpoint, a kiosk's token at a staff endpoint): the caller answers 403."""
        with self._store.engine.begin() as conn:
            conn.execute(
                insert(audit_t).values(
                    id=new_id(),
                    at=self._clock.now(),
                    actor_id=device.person_id,
                    kiosk_id=device.id,
                    action="auth.wrong_role",
                    detail={"role": device.role, "path": path[:200]},
                )
            )
        log.warning("%s (%s) refused at %s", device.id, device.role, path[:200])

    def push(self, device: Device, items: Sequence[PushItem]) -> PushResult:
        now = self._clock.now()
        result = PushResult()
        valid: list[tuple[PushItem, dict[str, Any]]] = []  # with each record's parsed row
        for item in items:
            try:
                row = self._check(device, item, now)
            except PushRefused as exc:
                result.rejected[item.seq] = str(exc)
            except (ValueError, TypeError, KeyError) as exc:
                result.rejected[item.seq] = f"malformed record ({type(exc).__name__})"
            else:
                valid.append((item, row))
        with self._store.engine.begin() as conn:
            valid = [_consent_as_central(conn, item, row) for item, row in valid]
            kept = self._in_host_sessions(conn, device, valid, result, now)
            if kept:
                accepted = accept_push(conn, kept, now)
                result.acknowledged.extend(accepted.acknowledged)
                result.rejected.update(accepted.rejected)
            refused = {item.seq: item.entity for item in items if item.seq in result.rejected}
            for seq, entity in refused.items():
                conn.execute(
                    insert(audit_t).values(
                        id=new_id(),
                        at=now,
                        actor_id=None,
                        kiosk_id=device.id,
                        action="sync.refused",
                        detail={"entity": entity[:64], "reason": result.rejected[seq][:200]},
                    )
                )
        if result.rejected:
            log.warning("%s: %d pushed records refused", device.id, len(result.rejected))
        return result

    @staticmethod
    def _in_host_sessions(
        conn: Connection,
        device: Device,
        items: list[tuple[PushItem, dict[str, Any]]],
        result: PushResult,
        now: datetime,
    ) -> list[PushItem]:
        """Records in a host's name pass only inside a session the service opened at this
        kiosk when it checked that host's PIN (:mod:`kiosk.central.host_pins`); so does an
        audit entry naming a person (what a host did at the host panel)."""
        kept = []
        for item, row in items:
            column = IN_A_HOSTS_NAME.get(item.entity)
            if column is not None and not (item.entity == "audit_log" and row.get(column) is None):
                at = row.get("updated_at") or row.get("at") or row.get("created_at")
                if not isinstance(at, datetime) or not verified_host(
                    conn, device.id, row.get(column), at, now
                ):
                    result.rejected[item.seq] = (
                        "the host's PIN was not checked by the central service at this kiosk"
                    )
                    continue
            kept.append(item)
        return kept

    def host_pin(self, device: Device, person_id: uuid.UUID, pin: str) -> PinAnswer:
        with self._store.engine.begin() as conn:
            return check_pin(conn, device, person_id, pin, self._clock.now())

    @staticmethod
    def _check(device: Device, item: PushItem, now: datetime) -> dict[str, Any]:
        """The record's row, parsed once it passed the edge's checks."""
        entity = ENTITIES.get(item.entity)
        if entity is None:
            raise PushRefused(f"unknown entity {item.entity[:64]!r}")
        check_value(item.payload, item.entity)  # before parsing: bounds and types first
        check_types(item.entity, item.payload)
        row = from_payload(entity, item.payload)
        check_record(device, item.entity, item.payload, row, now)
        return row

    def changes(self, device: Device, cursor: FeedCursor, limit: int) -> FeedPage:
        """One page of ``device``'s share after ``cursor`` (shared between kiosks that ask the
        same question by :class:`kiosk.central.pages.SharedPages`)."""
        now = self._clock.now()
        self._reshare(now)
        with self._store.engine.connect() as conn:
            return read_share(conn, device, cursor, limit, now)

    def _reshare(self, now: datetime) -> None:
        """Publish again, every ``RESHARE_EVERY``, invitations that came within the look-ahead."""
        if self._reshare_after is not None and now < self._reshare_after:
            return
        if not self._resharing.acquire(blocking=False):
            return  # another page being read on the thread pool is doing it
        try:
            with self._store.engine.begin() as conn:
                reshare(conn, now)
            self._reshare_after = now + RESHARE_EVERY
        finally:
            self._resharing.release()

    def feed_heads(self) -> dict[str, FeedCursor]:
        """The newest readable feed position for each kiosk role (for the wake-up bell)."""
        with self._store.engine.connect() as conn:
            return {role: feed.head(conn, role) for role in ("lobby", "door")}

    def heartbeat(
        self,
        device: Device,
        version: str,
        status: dict[str, Any],
        *,
        instance: InstanceId | None = None,
        stopping: bool = False,
    ) -> HeartbeatAnswer:
        check_value(status, "status")
        with self._store.engine.begin() as conn:
            return central.heartbeat(
                conn,
                kiosk_id=device.id,
                role=device.role,
                room_id=device.room_id,
                version=version,
                status=status,
                now=self._clock.now(),
                instance=instance,
                stopping=stopping,
            )


def _consent_as_central(
    conn: Connection, item: PushItem, row: dict[str, Any]
) -> tuple[PushItem, dict[str, Any]]:
    """A kiosk's board consent says whether its person is shown, nothing more: the interests
    and the organisation choice stay what the central store has (only ``kiosk admin board``
    sets them), so a stolen lobby cannot put its own words under a member's name on every
    lobby's board. A kiosk's copy is replaced by the central row at its next pull."""
    if item.entity != "board_consents" or not isinstance(row.get("person_id"), uuid.UUID):
        return item, row
    before = consent_of(conn, row["person_id"])
    kept = {
        "interests": list(before.interests) if before else [],
        "show_organisation": before.show_organisation if before else True,
    }
    return PushItem(item.seq, item.entity, {**item.payload, **kept}), {**row, **kept}
