"""A single-use invitation let in by two lobbies while offline: the central store keeps one.

Each lobby checks the code against its own used-set, so two lobbies that cannot reach the
central store both let the same single-use code in. When they push, the first check-in to
arrive is kept and the other is a permanent rejection, kept in that lobby's outbox with the
reason. On PostgreSQL two pushes at the same moment are serialised by a lock on the invitation.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from kiosk.base.clock import FixedClock
from kiosk.cli.main import main
from kiosk.lobby.invitations import NewInvitation, create_invitation
from kiosk.lobby.visitor_checkin import VisitorCheckinService
from kiosk.security.signing_keys import current_signing_key, new_key
from kiosk.security.tokens import TokenKind, sign
from kiosk.store.engine import Store, open_store
from kiosk.store.models import Checkin, OutboxRow
from kiosk.sync import acceptance
from kiosk.sync.engine import SyncEngine
from kiosk.views.screens import ScanResult
from tests.stores import NOON, local, seed_central, site_key
from tests.sync.helpers import admin_config, as_role, drop_kiosk_roles


@dataclass
class Site:
    tmp_path: Path
    url: str
    clock: FixedClock
    central: Store
    key: Ed25519PrivateKey

    def invite(self, *, single_use: bool) -> tuple[uuid.UUID, str]:
        start, end = NOON - timedelta(hours=1), NOON + timedelta(hours=8)
        invitation = NewInvitation(
            "Eeva Ek", "mikko@lab.example", None, start, end, single_use=single_use
        )
        with self.central.engine.begin() as conn:
            invitation_id = create_invitation(conn, invitation, self.clock.now())
        token = sign(
            self.key,
            invitation_id=invitation_id,
            kind=TokenKind.VISITOR,
            valid_from=start,
            valid_to=end,
        )
        return invitation_id, token

    def engine(self, lobby: Store, kiosk_id: str, url: str | None = None) -> SyncEngine:
        return SyncEngine(
            lobby,
            url or self.url,
            kiosk_id=kiosk_id,
            role="lobby",
            room_id=None,
            clock=self.clock,
        )

    def sync(self, lobby: Store, kiosk_id: str, url: str | None = None) -> None:
        engine = self.engine(lobby, kiosk_id, url)
        try:
            engine.cycle()
        finally:
            engine.close()

    def central_checkins(self, invitation_id: uuid.UUID) -> list[tuple[str, str]]:
        with self.central.engine.connect() as conn:
            rows = conn.execute(
                select(Checkin.direction, Checkin.kiosk_id)
                .where(Checkin.invitation_id == invitation_id)
                .order_by(Checkin.at)
            ).all()
        return [(r.direction, r.kiosk_id) for r in rows]


@pytest.fixture
def site(tmp_path: Path, central_url: str) -> Iterator[Site]:
    clock = FixedClock(NOON)
    store = seed_central(central_url, site_key(tmp_path), clock)
    with store.engine.begin() as conn:
        new_key(conn, tmp_path / "admin", clock.now())
    with store.engine.connect() as conn:
        _key_id, key = current_signing_key(conn, tmp_path / "admin")
    yield Site(tmp_path, central_url, clock, store, key)
    store.dispose()


def _lobby(
    site: Site, kiosk_id: str, url: str | None = None
) -> tuple[Store, VisitorCheckinService]:
    store = local(site.tmp_path, kiosk_id)
    site.sync(store, kiosk_id, url)  # the invitation (and its key) reach the lobby
    return store, VisitorCheckinService(store, site.clock, kiosk_id)


def _outbox(store: Store) -> list[tuple[str, str | None]]:
    """(entity, last_error) of every outbox row, rejected ones included."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(OutboxRow.entity, OutboxRow.last_error, OutboxRow.rejected_at))
        return [(r.entity, r.last_error if r.rejected_at else None) for r in rows]


def test_two_offline_lobbies_the_first_check_in_pushed_is_kept(site: Site) -> None:
    invitation_id, token = site.invite(single_use=True)
    one, scan_one = _lobby(site, "lobby-1")
    two, scan_two = _lobby(site, "lobby-2")
    # Both offline: each lobby's used-set is empty, so each lets the code in.
    assert scan_one.scan(token).result is ScanResult.WELCOME
    site.clock.advance(timedelta(minutes=5))
    assert scan_two.scan(token).result is ScanResult.WELCOME

    site.sync(two, "lobby-2")  # the later check-in arrives first: arrival order decides
    site.sync(one, "lobby-1")

    assert site.central_checkins(invitation_id) == [("in", "lobby-2")]
    assert _outbox(two) == []
    [(entity, reason)] = _outbox(one)  # kept, marked, never retried
    assert entity == "checkins"
    assert reason is not None
    assert reason.startswith("single-use invitation already used: checked in at lobby-2")
    assert "Eeva" not in reason
    site.sync(one, "lobby-1")  # a later cycle neither retries nor drops it
    assert _outbox(one) == [("checkins", reason)]
    one.dispose()
    two.dispose()


def test_a_check_out_after_the_refused_check_in_is_accepted(site: Site) -> None:
    """It is most often the same visitor leaving; documented in docs/lobby.md."""
    invitation_id, token = site.invite(single_use=True)
    one, scan_one = _lobby(site, "lobby-1")
    two, scan_two = _lobby(site, "lobby-2")
    assert scan_one.scan(token).result is ScanResult.WELCOME
    assert scan_two.scan(token).result is ScanResult.WELCOME
    site.sync(one, "lobby-1")
    site.clock.advance(timedelta(hours=2))
    assert scan_two.scan(token).result is ScanResult.CHECKED_OUT
    site.sync(two, "lobby-2")
    assert site.central_checkins(invitation_id) == [("in", "lobby-1"), ("out", "lobby-2")]
    [(_entity, reason)] = _outbox(two)
    assert reason is not None and "single-use" in reason
    one.dispose()
    two.dispose()


def test_a_reusable_invitation_is_accepted_from_both_lobbies(site: Site) -> None:
    invitation_id, token = site.invite(single_use=False)
    one, scan_one = _lobby(site, "lobby-1")
    two, scan_two = _lobby(site, "lobby-2")
    assert scan_one.scan(token).result is ScanResult.WELCOME
    assert scan_two.scan(token).result is ScanResult.WELCOME
    site.sync(one, "lobby-1")
    site.sync(two, "lobby-2")
    assert sorted(site.central_checkins(invitation_id)) == [("in", "lobby-1"), ("in", "lobby-2")]
    assert _outbox(one) == _outbox(two) == []
    one.dispose()
    two.dispose()


def test_the_same_check_in_pushed_twice_is_still_acknowledged(site: Site) -> None:
    """Insert-if-absent: a batch delivered again (a lost acknowledgement) is not a duplicate."""
    invitation_id, token = site.invite(single_use=True)
    one, scan_one = _lobby(site, "lobby-1")
    assert scan_one.scan(token).result is ScanResult.WELCOME
    with one.engine.connect() as conn:
        row = conn.execute(select(OutboxRow.seq, OutboxRow.entity, OutboxRow.payload)).one()
    item = acceptance.PushItem(row.seq, row.entity, row.payload)
    for _ in range(2):
        with site.central.engine.begin() as conn:
            result = acceptance.accept_push(conn, [item], site.clock.now())
        assert result.acknowledged == [row.seq]
        assert result.rejected == {}
    assert site.central_checkins(invitation_id) == [("in", "lobby-1")]
    one.dispose()


def _waiting_on_lock(url: str) -> bool:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        waiting = conn.execute(
            sa.text(
                "select count(*) from pg_stat_activity "
                "where wait_event_type = 'Lock' and wait_event = 'advisory'"
                " and datname = current_database()"
            )
        ).scalar_one()
    engine.dispose()
    return bool(waiting)


@pytest.mark.postgres
def test_two_pushes_at_the_same_moment_keep_one_check_in(tmp_path: Path, pg_url: str) -> None:
    """Without the lock, each push's check would miss the other's uncommitted row."""
    clock = FixedClock(NOON)
    store = seed_central(pg_url, site_key(tmp_path), clock)
    with store.engine.begin() as conn:
        new_key(conn, tmp_path / "admin", clock.now())
    with store.engine.connect() as conn:
        _key_id, key = current_signing_key(conn, tmp_path / "admin")
    site = Site(tmp_path, pg_url, clock, store, key)
    invitation_id, token = site.invite(single_use=True)
    lobbies = [_lobby(site, f"lobby-{n}") for n in (1, 2)]
    items = []
    for lobby, service in lobbies:
        assert service.scan(token).result is ScanResult.WELCOME
        with lobby.engine.connect() as conn:
            row = conn.execute(select(OutboxRow.seq, OutboxRow.entity, OutboxRow.payload)).one()
        items.append(acceptance.PushItem(row.seq, row.entity, row.payload))

    second: list[acceptance.PushResult] = []
    with store.engine.begin() as first_conn:
        first = acceptance.accept_push(first_conn, [items[0]], clock.now())
        # The second push starts while the first has not committed yet.
        worker = threading.Thread(target=lambda: second.append(_push(pg_url, items[1], clock)))
        worker.start()
        pause, deadline = threading.Event(), time.monotonic() + 10
        while not _waiting_on_lock(pg_url):  # the second push waits on the invitation's lock
            assert worker.is_alive(), "the second push did not wait for the first"
            assert time.monotonic() < deadline, "the second push never reached the lock"
            pause.wait(0.01)
    worker.join(10)
    assert not worker.is_alive()
    assert first.acknowledged == [items[0].seq]
    assert second[0].acknowledged == []
    assert "single-use invitation already used" in second[0].rejected[items[1].seq]
    assert site.central_checkins(invitation_id) == [("in", "lobby-1")]
    for lobby, _service in lobbies:
        lobby.dispose()
    store.dispose()


def _push(url: str, item: acceptance.PushItem, clock: FixedClock) -> acceptance.PushResult:
    other = open_store(url, migrate=False)
    try:
        with other.engine.begin() as conn:
            return acceptance.accept_push(conn, [item], clock.now())
    finally:
        other.dispose()


@pytest.mark.postgres
def test_lobby_database_roles_see_enough_to_refuse_the_second(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Under least privilege a lobby sees only its own check-ins: the check reads the feed."""
    clock = FixedClock(NOON)
    store = seed_central(pg_url, site_key(tmp_path), clock)
    config = admin_config(tmp_path, pg_url)
    assert main(["admin", "--config", str(config), "init", "--central"]) == 0
    suffix = uuid.uuid4().hex[:8]
    ids = [f"lobby-{suffix}-1", f"lobby-{suffix}-2"]
    try:
        for kiosk_id in ids:
            argv = ["admin", "--config", str(config), "grant-kiosk", kiosk_id, "--role", "lobby"]
            assert main(argv) == 0
        capsys.readouterr()
        with store.engine.begin() as conn:
            new_key(conn, tmp_path / "admin", clock.now())
        with store.engine.connect() as conn:
            _key_id, key = current_signing_key(conn, tmp_path / "admin")
        site = Site(tmp_path, pg_url, clock, store, key)
        invitation_id, token = site.invite(single_use=True)
        lobbies = [_lobby(site, kiosk_id, as_role(pg_url, kiosk_id)) for kiosk_id in ids]
        for _lobby_store, service in lobbies:
            assert service.scan(token).result is ScanResult.WELCOME
        for (lobby_store, _service), kiosk_id in zip(lobbies, ids, strict=True):
            site.sync(lobby_store, kiosk_id, as_role(pg_url, kiosk_id))
        assert site.central_checkins(invitation_id) == [("in", ids[0])]
        [(_entity, reason)] = _outbox(lobbies[1][0])
        assert reason is not None and reason.startswith(
            f"single-use invitation already used: checked in at {ids[0]}"
        )
        for lobby_store, _service in lobbies:
            lobby_store.dispose()
    finally:
        store.dispose()
        drop_kiosk_roles(pg_url, ids)
