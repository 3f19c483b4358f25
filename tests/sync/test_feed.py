"""The change feed cannot skip a row that commits late, and never delivers one twice."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from kiosk.base.clock import FixedClock
from kiosk.store.engine import Store, open_store
from kiosk.store.models import Room
from kiosk.sync import central, feed
from kiosk.sync import state as sync_state
from kiosk.sync.feed import FeedCursor
from tests.helpers import wait_for
from tests.stores import local
from tests.sync.helpers import engine_for


def _room(room_id: str, now: datetime) -> dict[str, Any]:
    return {"id": room_id, "name": room_id.title(), "capacity": 4, "updated_at": now}


class Spy:
    """Counts every change the kiosk receives from the feed, per record id."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.received: Counter[str] = Counter()
        real = feed.changes_since

        def spy(*args: Any, **kwargs: Any) -> list[feed.ChangeRow]:
            rows = real(*args, **kwargs)
            self.received.update(str(r.payload.get("id")) for r in rows)
            return rows

        monkeypatch.setattr(feed, "changes_since", spy)


def _rooms(store: Store) -> set[str]:
    with store.session() as s:
        return set(s.scalars(select(Room.id)))


@pytest.mark.postgres
def test_a_lower_seq_that_commits_after_a_higher_one_is_received_once(
    tmp_path: Path, seeded_pg: str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(monkeypatch)
    store = local(tmp_path)
    sync = engine_for(store, seeded_pg, clock, batch_size=3, pending_wait=0)
    sync.pull()
    c = open_store(seeded_pg, migrate=False)
    slow = c.engine.connect()
    try:
        slow_tx = slow.begin()
        central.write(slow, "rooms", _room("late", clock.now()), clock.now())  # lower seq
        with c.engine.begin() as fast:
            central.write(fast, "rooms", _room("early", clock.now()), clock.now())  # higher seq
        seq_of = text("select seq from changes where record_id = :r")
        with c.engine.connect() as conn:
            early_seq = conn.execute(seq_of, {"r": "early"}).scalar_one()
        late_seq = slow.execute(seq_of, {"r": "late"}).scalar_one()
        assert late_seq < early_seq  # a seq cursor would now jump past the open "late" row

        sync.pull()
        assert "early" not in _rooms(store)  # held back behind the open transaction
        assert sync.feed_pending  # ...and the kiosk knows to look again soon
        slow_tx.commit()
    finally:
        slow.close()

    wait_for(lambda: (sync.pull() or True) and {"late", "early"} <= _rooms(store), 10, "both")
    assert spy.received["late"] == 1 and spy.received["early"] == 1
    sync.close()
    c.dispose()
    store.dispose()


@pytest.mark.postgres
def test_a_transaction_that_started_first_but_wrote_last_is_not_skipped(
    tmp_path: Path, seeded_pg: str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Feed order is transaction order, not seq order: the older transaction comes first."""
    spy = Spy(monkeypatch)
    store = local(tmp_path)
    sync = engine_for(store, seeded_pg, clock, pending_wait=0)
    sync.pull()
    c = open_store(seeded_pg, migrate=False)
    old = c.engine.connect()
    try:
        old_tx = old.begin()
        old.execute(text("select pg_current_xact_id()"))  # takes its transaction id now
        with c.engine.begin() as conn:
            central.write(conn, "rooms", _room("second", clock.now()), clock.now())
        sync.pull()
        assert "second" not in _rooms(store)
        central.write(old, "rooms", _room("first", clock.now()), clock.now())  # higher seq
        old_tx.commit()
    finally:
        old.close()
    wait_for(lambda: (sync.pull() or True) and {"first", "second"} <= _rooms(store), 10, "both")
    assert spy.received["first"] == 1 and spy.received["second"] == 1
    with store.session() as s:
        cursor = sync_state.cursor(s)
    with c.engine.connect() as conn:
        assert cursor == feed.head(conn)
    sync.close()
    c.dispose()
    store.dispose()


@pytest.mark.postgres
def test_a_pull_never_returns_a_row_twice_under_concurrent_writers(
    tmp_path: Path, seeded_pg: str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writers with interleaved transactions while the kiosk pulls: every row exactly once."""
    import threading

    spy = Spy(monkeypatch)
    store = local(tmp_path)
    sync = engine_for(store, seeded_pg, clock, batch_size=7)
    c = open_store(seeded_pg, migrate=False)
    names = [f"r{w}-{i}" for w in range(3) for i in range(20)]

    def writer(w: int) -> None:
        for i in range(20):
            with c.engine.begin() as conn:
                central.write(conn, "rooms", _room(f"r{w}-{i}", clock.now()), clock.now())
                conn.execute(text("select pg_sleep(0.002 * random())"))

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(3)]
    for t in threads:
        t.start()
    try:
        wait_for(lambda: (sync.pull() or True) and set(names) <= _rooms(store), 20, "all rooms")
    finally:
        for t in threads:
            t.join()
    assert all(spy.received[n] == 1 for n in names), spy.received.most_common(3)
    sync.close()
    c.dispose()
    store.dispose()


@pytest.mark.postgres
def test_a_transaction_in_another_database_does_not_hold_the_feed_back(
    tmp_path: Path, seeded_pg: str, clock: FixedClock
) -> None:
    """Transaction ids are cluster-wide, but only this database's transactions write the feed:
    another application's long transaction on the same server must not delay the screens."""
    import os

    import sqlalchemy as sa

    store = local(tmp_path)
    sync = engine_for(store, seeded_pg, clock, pending_wait=0)
    sync.pull()
    c = open_store(seeded_pg, migrate=False)
    other = sa.create_engine(os.environ["KIOSK_TEST_PG_URL"], poolclass=sa.pool.NullPool)
    assert other.url.database != c.engine.url.database
    elsewhere = other.connect()
    try:
        elsewhere.begin()
        elsewhere.execute(text("create temporary table held (n int)"))  # takes a transaction id
        held = elsewhere.execute(text("select pg_current_xact_id()::text::bigint")).scalar_one()
        with c.engine.begin() as conn:
            central.write(conn, "rooms", _room("meanwhile", clock.now()), clock.now())
            assert conn.execute(text("select pg_current_xact_id()::text::bigint")).scalar() > held
        sync.pull()
        assert "meanwhile" in _rooms(store)  # before: held back until the other one ended
        assert not sync.feed_pending
        with c.engine.connect() as conn:
            assert feed.head(conn).txid > held
    finally:
        elsewhere.close()
        other.dispose()
    sync.close()
    c.dispose()
    store.dispose()


@pytest.mark.postgres
def test_the_watermark_stops_at_this_databases_oldest_running_writer(seeded_pg: str) -> None:
    """One open writer here and one elsewhere: the watermark is this database's, and it moves
    on when that writer ends."""
    import os

    import sqlalchemy as sa

    c = open_store(seeded_pg, migrate=False)
    other = sa.create_engine(os.environ["KIOSK_TEST_PG_URL"], poolclass=sa.pool.NullPool)
    xid = text("select pg_current_xact_id()::text::bigint")
    watermark = sa.select(feed.WATERMARK)
    elsewhere, here = other.connect(), c.engine.connect()
    try:
        elsewhere.begin()
        first = elsewhere.execute(xid).scalar_one()  # the cluster's oldest writer
        here_tx = here.begin()
        mine = here.execute(xid).scalar_one()
        with c.engine.begin() as conn:  # a later commit, so both are below the snapshot's xmax
            conn.execute(xid)
        with c.engine.connect() as conn:
            assert conn.execute(watermark).scalar_one() == mine > first
        here_tx.commit()
        with c.engine.connect() as conn:
            assert conn.execute(watermark).scalar_one() > mine
    finally:
        here.close()
        elsewhere.close()
        other.dispose()
    c.dispose()


@pytest.mark.postgres
def test_the_services_own_login_sees_other_databases_writers(seeded_pg: str) -> None:
    """The service runs as a login with table rights only (docs/deploy.md), not a superuser:
    it must still tell another database's transactions apart, or the fix silently lapses."""
    import os
    import uuid

    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    from kiosk.central.server import service_grants

    owner = open_store(seeded_pg, migrate=False)
    login = f"kiosk_svc_{uuid.uuid4().hex[:8]}"
    with owner.engine.begin() as conn:
        conn.execute(text(f"CREATE ROLE {login} LOGIN"))
        for statement in service_grants(login).split("; "):
            conn.execute(text(statement))
    service = sa.create_engine(
        make_url(seeded_pg).set(username=login).render_as_string(hide_password=False),
        poolclass=sa.pool.NullPool,
    )
    other = sa.create_engine(os.environ["KIOSK_TEST_PG_URL"], poolclass=sa.pool.NullPool)
    elsewhere = other.connect()
    try:
        elsewhere.begin()
        held = elsewhere.execute(text("select pg_current_xact_id()::text::bigint")).scalar_one()
        with owner.engine.begin() as conn:
            conn.execute(text("select pg_current_xact_id()"))  # commits after the held one began
        with service.connect() as conn:
            assert (
                conn.execute(
                    text("select rolsuper from pg_roles where rolname = current_user")
                ).scalar()
                is False
            )
            assert conn.execute(sa.select(feed.WATERMARK)).scalar_one() > held
    finally:
        elsewhere.close()
        other.dispose()
        service.dispose()
        with owner.engine.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {login}"))
            conn.execute(text(f"DROP ROLE {login}"))
        owner.dispose()


def test_cursor_text_round_trips_and_reads_the_old_seq_only_form() -> None:
    assert FeedCursor.parse(str(FeedCursor(123, 45))) == FeedCursor(123, 45)
    assert FeedCursor.parse("17") == FeedCursor(0, 17)  # written by revision 0001
    assert FeedCursor.parse(None) == FeedCursor(0, 0)
    with pytest.raises(ValueError, match="not a feed cursor"):
        FeedCursor.parse("x:y")


def test_on_sqlite_the_cursor_is_the_sequence(tmp_path: Path, clock: FixedClock) -> None:
    from tests.stores import seed_central, site_key

    url = f"sqlite:///{tmp_path / 'central.db'}"
    seed_central(url, site_key(tmp_path), clock).dispose()
    store = local(tmp_path)
    sync = engine_for(store, url, clock, batch_size=3)
    assert sync.pull() == 4
    report = sync.cycle()
    assert report.cursor == "0:4" and not sync.feed_pending
    sync.close()
    store.dispose()
