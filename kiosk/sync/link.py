"""How a kiosk's sync engine reaches the central side: one small interface, two ways.

- :class:`StoreLink` opens the central store itself: the embedded one-machine set-up (a SQLite
  file beside the kiosk, the demo, tests) and the admin machine. Kiosk and store share one
  trust boundary there.
- :class:`kiosk.sync.http_link.HttpLink` talks to the central sync service with a device token:
  every networked kiosk. The service runs the central rules and chooses what the kiosk receives.

Either way a push returns which records were stored (or were already) and which were refused
for good, and a pull returns one page of this kiosk's share of the change feed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.engine import Connection

from kiosk.base.errors import ConfigError
from kiosk.store.engine import Store, open_store
from kiosk.sync import central, feed
from kiosk.sync.acceptance import PushItem, PushResult, accept_push
from kiosk.sync.feed import FeedCursor
from kiosk.sync.instance import InstanceId
from kiosk.sync.instances import HeartbeatAnswer


@dataclass(frozen=True)
class SharedChange:
    cursor: FeedCursor
    entity: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class FeedPage:
    """One page of a kiosk's share of the feed. ``cursor`` is where the next page starts: it
    moves past changes this kiosk may not see, too."""

    changes: list[SharedChange]
    cursor: FeedCursor
    full: bool  # the page was full: more follows at once
    pending: bool  # committed changes wait above the PostgreSQL watermark


@dataclass(frozen=True)
class Identity:
    """Who this kiosk is to the central side (from its config, or from its token)."""

    kiosk_id: str
    role: str
    room_id: str | None


class CentralUnavailable(OSError):
    """The central side cannot be reached or did not answer: retried with backoff."""


class RetryLater(CentralUnavailable):
    """The service asked this kiosk to slow down (429 Retry-After)."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class CredentialRefused(CentralUnavailable):
    """The service does not accept this kiosk's token (revoked, or never enrolled)."""


class CredentialRenewed(CentralUnavailable):
    """The service refused the token sent, and another one is in use now (read again from
    ``central.credential_file``): ask again at once."""


class BatchRefused(Exception):
    """The service refused a push request as a whole (413 too large, 422 malformed): the
    engine halves the batch, and a single record it still refuses is rejected for good."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class CentralLink(Protocol):
    #: Whether host PIN hashes belong in this kiosk's replica (checked locally). A kiosk that
    #: syncs through the service holds none: the service checks PINs itself.
    keeps_pin_hashes: bool

    def push(self, items: Sequence[PushItem]) -> PushResult: ...
    def changes(self, cursor: FeedCursor, limit: int) -> FeedPage: ...
    def heartbeat(
        self,
        version: str,
        status: dict[str, Any],
        instance: InstanceId | None = None,
        stopping: bool = False,
    ) -> HeartbeatAnswer:
        """Report this kiosk (as ``instance``, when given); ``stopping``: its goodbye."""
        ...

    def close(self) -> None: ...


def read_page(
    conn: Connection,
    cursor: FeedCursor,
    role: str,
    limit: int,
    share: Callable[[feed.ChangeRow], dict[str, Any] | None] | None,
) -> FeedPage:
    """One page of the feed after ``cursor`` for ``role``; ``share`` (the service's least-data
    rule) narrows each change or leaves it out, and the cursor moves past it either way."""
    rows = feed.changes_since(conn, cursor, role, limit)
    last = rows[-1].cursor if rows else cursor
    full = len(rows) >= limit
    pending = not full and feed.pending(conn, last, role)
    shared = [
        SharedChange(row.cursor, row.entity, payload)
        for row in rows
        if (payload := row.payload if share is None else share(row)) is not None
    ]
    return FeedPage(shared, last, full, pending)


class StoreLink:
    """The central store opened directly (embedded set-up, admin machine, legacy kiosks)."""

    keeps_pin_hashes = True

    def __init__(self, url: str, identity: Identity, clock_now: Callable[[], datetime]) -> None:
        self.url = url
        self._identity = identity
        self._now = clock_now  # the engine's clock
        self._store: Store | None = None

    def store(self) -> Store:
        if self._store is None:
            store = open_store(self.url, migrate=False)
            try:
                _check_kiosk_role(store, self._identity)
            except BaseException:
                store.dispose()
                raise
            self._store = store
        return self._store

    def push(self, items: Sequence[PushItem]) -> PushResult:
        with self.store().engine.begin() as conn:
            return accept_push(conn, items, self._now())

    def changes(self, cursor: FeedCursor, limit: int) -> FeedPage:
        with self.store().engine.connect() as conn:
            return read_page(conn, cursor, self._identity.role, limit, share=None)

    def heartbeat(
        self,
        version: str,
        status: dict[str, Any],
        instance: InstanceId | None = None,
        stopping: bool = False,
    ) -> HeartbeatAnswer:
        with self.store().engine.begin() as conn:
            return central.heartbeat(
                conn,
                kiosk_id=self._identity.kiosk_id,
                role=self._identity.role,
                room_id=self._identity.room_id,
                version=version,
                status=status,
                now=self._now(),
                instance=instance,
                stopping=stopping,
            )

    def close(self) -> None:
        if self._store is not None:
            self._store.dispose()
            self._store = None


def _check_kiosk_role(store: Store, identity: Identity) -> None:
    """A legacy kiosk's PostgreSQL role (``grant-kiosk``) belongs to one kiosk id and role.

    Checked before anything is pushed: with another ``kiosk.id`` every heartbeat and check-in
    would meet a raw row-level-security refusal (and each record be rejected for good).
    Admins and the owner are no kiosk role: nothing to check.
    """
    if store.engine.dialect.name != "postgresql":
        return
    from sqlalchemy import text
    from sqlalchemy.exc import ProgrammingError

    try:
        with store.engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT current_user AS role_name, kiosk_id, kiosk_role FROM kiosk_roles "
                    "WHERE role_name = current_user"
                )
            ).first()
    except ProgrammingError:  # no kiosk_roles table: a store without the legacy roles
        return
    if row is None:
        return
    if row.kiosk_id != identity.kiosk_id or row.kiosk_role != identity.role:
        raise ConfigError(
            f"kiosk.id {identity.kiosk_id!r} (role {identity.role}) does not match its database "
            f"login: {row.role_name!r} belongs to kiosk {row.kiosk_id!r} (role {row.kiosk_role}); "
            f'set kiosk.id = "{row.kiosk_id}" and kiosk.role = "{row.kiosk_role}", or give '
            f"this kiosk its own login: kiosk admin grant-kiosk {identity.kiosk_id} "
            f"--role {identity.role} (better: enrol it with the sync service, docs/sync.md)"
        )
