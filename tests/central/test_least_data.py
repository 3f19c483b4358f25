"""Least data: what a stolen door's or lobby's token pulls from the service, from cursor 0.

A seeded Lab (10 rooms, 124 people of whom 2 hosts, 122 badges, three lobbies, invitations for
last week, today, tomorrow morning and next week, a walk-in and check-ins at another lobby) is
pulled over real HTTP with one kiosk's token, page by page, and synced into that kiosk's own
store; the tests assert what is not there and print what is (docs/sync.md, "Least data").
"""

from __future__ import annotations

import json
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from kiosk.base.clock import FixedClock
from kiosk.central.reshare import reshare
from kiosk.config.settings import load_config
from kiosk.lobby.presence import who_is_in
from kiosk.lobby.retention import ANONYMISED_NAME, purge_visitors
from kiosk.lobby.visitor_checkin import ScanResult, VisitorCheckinService
from kiosk.rooms.policy import set_room_policy
from kiosk.security.signing_keys import current_signing_key
from kiosk.security.tokens import TokenKind, sign
from kiosk.store.engine import Store, open_local_store
from kiosk.store.models import Badge, Base, Invitation, Person, Visitor
from kiosk.sync import feed
from kiosk.sync.engine import SyncEngine
from tests.central.helpers import LiveService, kiosk_config
from tests.central.seeded_lab import (
    HEX,
    LAST_WEEK,
    MEMBERS,
    MORNING,
    NEXT_WEEK,
    ROOMS,
    TODAY,
    TOMORROW,
    UNBADGED,
    WALKIN,
    WALKIN_ORG,
    Lab,
    add_checkin,
    as_uuid,
)
from tests.helpers import wait_for
from tests.stores import NOON


def _pull_all(
    service: LiveService, config: Path, after: str = "0:0"
) -> tuple[list[dict[str, Any]], str, int]:
    """Every page of the kiosk's share after ``after``, as a thief's own client reads them:
    the changes, the last cursor and the bytes received."""
    cfg = load_config(config)
    assert cfg.credential_file is not None
    token = cfg.credential_file.read_text(encoding="ascii").strip()
    headers = {"Authorization": f"Bearer {token}"}
    changes: list[dict[str, Any]] = []
    received = 0
    while True:
        answer = httpx.get(
            f"{service.url}/v1/changes", params={"after": after, "limit": 50}, headers=headers
        )
        if answer.status_code == 429:  # rate-limited while waiting for the watermark
            time.sleep(float(answer.headers["Retry-After"]))
            continue
        assert answer.status_code == 200, answer.text
        received += len(answer.content)
        body = answer.json()
        changes += body["changes"]
        after = body["cursor"]
        if not body["full"] and not body["pending"]:
            return changes, after, received
        if body["pending"]:
            time.sleep(0.2)


def _sync(config: Path, clock: FixedClock) -> Store:
    cfg = load_config(config)
    local = open_local_store(cfg.local_store_path)
    engine = SyncEngine.for_kiosk(cfg, local, clock)

    def synced() -> bool:  # rows above the PostgreSQL watermark (another database's long
        engine.cycle()  # transaction on a shared server) come a moment later
        return not engine.feed_pending

    try:
        wait_for(synced, 60, "the kiosk's share below the watermark", interval=0.5)
    finally:
        engine.close()
    return local


def _counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        counts = {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in Base.metadata.tables.items()
            if name not in ("outbox", "sync_state", "alembic_version", "notifications")
        }
        hmacs = conn.execute(select(Badge.uid_hmac)).scalars().all()
        emails = conn.execute(select(Person.email)).scalars().all()
    counts["badge HMACs"] = sum(1 for h in hmacs if HEX.match(h))
    counts["e-mail addresses"] = sum(1 for e in emails if not e.endswith("@redacted.invalid"))
    return {k: v for k, v in counts.items() if v}


def _head(service: LiveService, role: str) -> str:
    with service.store.engine.connect() as conn:
        return str(feed.head(conn, role))


def test_a_stolen_doors_whole_feed_holds_its_room_and_who_acts_there(
    tmp_path: Path, lab: Lab
) -> None:
    service = lab.service
    config = kiosk_config(tmp_path, service, "door-aurora", "door", "aurora")
    changes, cursor, received = _pull_all(service, config)
    assert cursor == _head(service, "door")  # past every withheld change too
    text = json.dumps(changes)
    assert "@agency.example" not in text and "Agency " not in text  # no e-mail, organisation
    assert not any(c["entity"] in ("visitors", "invitations", "checkins") for c in changes)
    assert not any(c["entity"] == "signing_keys" for c in changes)
    rooms = {c["payload"]["room_id"] for c in changes if c["entity"] == "bookings"}
    assert rooms == {"aurora"}
    assert all(c["payload"]["pin_hash"] is None for c in changes if c["entity"] == "people")

    local = _sync(config, service.clock)
    try:
        counts = _counts(local)
        with local.engine.connect() as conn:
            named = dict(conn.execute(select(Person.id, Person.name)).all())
            holders = dict(conn.execute(select(Badge.person_id, Badge.uid_hmac)).all())
        print(f"\ndoor (badge room), {received} bytes from cursor 0: {counts}")
        assert counts["people"] == MEMBERS + 2 and counts.get("e-mail addresses", 0) == 0
        assert counts["bookings"] == 3 and counts["rooms"] == len(ROOMS)
        assert counts["badge HMACs"] == MEMBERS - UNBADGED + 2 - 2  # not the inactive, revoked
        assert not HEX.match(holders[as_uuid(lab.inactive)])
        assert not HEX.match(holders[as_uuid(lab.revoked)])
        assert named[as_uuid(lab.inactive)] == ""
        for entity in ("visitors", "invitations", "checkins", "signing_keys"):
            assert entity not in counts

        # The room lets anyone book without a badge: only hosts' badges do anything there now.
        with service.store.engine.begin() as conn:
            set_room_policy(conn, "aurora", NOON, anonymous_actions=True)
        local.dispose()
        local = _sync(config, service.clock)
        counts = _counts(local)
        with local.engine.connect() as conn:
            names = conn.execute(select(Person.name).where(Person.name != "")).scalars().all()
        print(f"door (anonymous room): {counts}")
        assert counts["badge HMACs"] == 2 and sorted(names) == ["Host 000", "Host 001"]
    finally:
        local.dispose()


def test_a_stolen_lobbys_whole_feed_holds_today_and_presence_not_other_lobbies_records(
    tmp_path: Path, lab: Lab
) -> None:
    service = lab.service
    config = kiosk_config(tmp_path, service, "lobby-1", "lobby")
    changes, cursor, received = _pull_all(service, config)
    assert cursor == _head(service, "lobby")
    text = json.dumps(changes)
    for absent in (*NEXT_WEEK, LAST_WEEK, WALKIN_ORG, "member010@agency.example"):
        assert absent not in text  # other days, another lobby's walk-in, an inactive person
    assert all(c["payload"]["pin_hash"] is None for c in changes if c["entity"] == "people")

    local = _sync(config, service.clock)
    try:
        counts = _counts(local)
        print(f"\nlobby, {received} bytes from cursor 0: {counts}")
        with local.engine.connect() as conn:
            visitors = {r.name: r for r in conn.execute(select(Visitor))}
            present = {p.name: p for p in who_is_in(conn)}
            holders = dict(conn.execute(select(Badge.person_id, Badge.uid_hmac)).all())
        assert set(visitors) == {*TODAY, TOMORROW, WALKIN}
        assert all(visitors[n].host_id is not None for n in (*TODAY, TOMORROW))  # to tell
        walkin = visitors[WALKIN]
        assert walkin.organisation is None and walkin.host_id is None  # its name only
        assert counts["invitations"] == len(TODAY) + 1
        assert counts["checkins"] == 3  # lobby-2's today, and who is in since Monday
        assert {WALKIN, "Member 041", "Member 012"} == set(present)
        assert counts["badge HMACs"] == MEMBERS - UNBADGED + 2 - 2
        assert not HEX.match(holders[as_uuid(lab.inactive)])
        assert counts["e-mail addresses"] == MEMBERS + 2 - 1  # the lobby sends hosts' notices
        assert "signing_keys" in counts and "bookings" not in counts

        # Six days on, next week's visitors come within the look-ahead: published again.
        service.clock.advance(timedelta(days=6))
        local.dispose()
        local = _sync(config, service.clock)
        with local.engine.connect() as conn:
            names = set(conn.execute(select(Visitor.name)).scalars())
            invitations = conn.execute(select(func.count()).select_from(Invitation)).scalar()
        assert set(NEXT_WEEK) <= names and invitations == len(TODAY) + 1 + len(NEXT_WEEK)
        assert LAST_WEEK not in names
    finally:
        local.dispose()


def test_the_lobby_where_a_visitor_walked_in_keeps_their_details(tmp_path: Path, lab: Lab) -> None:
    """Read after lobby-1's pages (which the service may keep for kiosks of one role)."""
    organisations = {}
    for lobby in ("lobby-1", "lobby-2"):
        local = _sync(kiosk_config(tmp_path, lab.service, lobby, "lobby"), lab.service.clock)
        with local.engine.connect() as conn:
            org = conn.execute(select(Visitor.organisation).where(Visitor.name == WALKIN))
            organisations[lobby] = org.scalar_one()
        local.dispose()
    assert organisations == {"lobby-1": None, "lobby-2": WALKIN_ORG}


def test_invitations_are_published_again_once_as_they_come_into_the_look_ahead(
    lab: Lab,
) -> None:
    engine = lab.service.store.engine
    now = NOON + timedelta(hours=1)  # the service has not read a page yet: this starts the count
    with engine.begin() as conn:
        assert reshare(conn, now) == 0
        before = feed.count(conn)
        assert reshare(conn, now) == 0  # nothing new within the look-ahead
    with engine.begin() as conn:
        assert reshare(conn, now + timedelta(days=6)) == len(NEXT_WEEK)
        assert reshare(conn, now + timedelta(days=6)) == 0  # once
        assert feed.count(conn) == before + 2 * len(NEXT_WEEK)  # each with its visitor


def test_a_lobby_offline_since_the_evening_before_welcomes_the_morning_visitor(
    tmp_path: Path, lab: Lab
) -> None:
    """Synced at noon, then cut off: tomorrow at 08.05 the visitor's code works, by name."""
    local = _sync(kiosk_config(tmp_path, lab.service, "lobby-1", "lobby"), lab.service.clock)
    with lab.service.store.engine.connect() as conn:
        _key_id, private = current_signing_key(conn, lab.admin_dir)
    code = sign(
        private,
        invitation_id=lab.tomorrow,
        kind=TokenKind.VISITOR,
        valid_from=MORNING,
        valid_to=MORNING + timedelta(hours=8),
    )
    offline = FixedClock(MORNING + timedelta(minutes=5))
    try:
        outcome = VisitorCheckinService(local, offline, "lobby-1").scan(code)
    finally:
        local.dispose()
    assert outcome.result == ScanResult.WELCOME
    assert (outcome.name, outcome.host) == (TOMORROW, "Member 030")


def test_anonymised_visitors_are_scrubbed_on_every_lobby(tmp_path: Path, lab: Lab) -> None:
    config = kiosk_config(tmp_path, lab.service, "lobby-1", "lobby")
    _sync(config, lab.service.clock).dispose()
    lab.service.clock.advance(timedelta(days=40))
    with lab.service.store.engine.begin() as conn:
        assert len(purge_visitors(conn, lab.service.clock.now(), 30).anonymised) == 8
    local = _sync(config, lab.service.clock)
    try:
        with local.engine.connect() as conn:
            rows = conn.execute(select(Visitor.name, Visitor.organisation, Visitor.host_id)).all()
    finally:
        local.dispose()
    assert rows and set(rows) == {(ANONYMISED_NAME, None, None)}


def test_a_check_in_forgotten_for_over_a_month_is_no_longer_listed_as_inside(
    tmp_path: Path, lab: Lab
) -> None:
    """Who is still inside is looked for a month back (shares.PRESENCE_HORIZON), so a lobby's
    page never ranks the whole history; three days inside is listed, forty days is not."""
    forgotten = "Member 050"
    with lab.service.store.engine.begin() as conn:
        person = conn.execute(select(Person.id).where(Person.name == forgotten)).scalar_one()
        add_checkin(conn, str(person), None, "badge", NOON - timedelta(days=40))
    local = _sync(kiosk_config(tmp_path, lab.service, "lobby-1", "lobby"), lab.service.clock)
    try:
        with local.engine.connect() as conn:
            present = {p.name for p in who_is_in(conn)}
    finally:
        local.dispose()
    assert "Member 012" in present  # inside since Monday
    assert forgotten not in present
