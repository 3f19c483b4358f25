"""Invitations from the calendar: a room feed that invites its meetings' visitors, through
`kiosk admin bookings refresh-feeds`, real .ics files, a real SMTP server and the real store."""

from __future__ import annotations

import argparse
import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.base.clock import FixedClock
from kiosk.cli.main import main
from kiosk.config.settings import load_config
from kiosk.lobby.retention import purge_visitors
from kiosk.lobby.visitor_checkin import VisitorCheckinService
from kiosk.rooms.feed_invitations import attendee_hash
from kiosk.security.tokens import verify
from kiosk.store.engine import open_store
from kiosk.store.models import Change, SigningKey, Visitor, table_of
from kiosk.sync.engine import SyncEngine
from kiosk.sync.replication import ENTITIES
from kiosk.views.screens import ScanOutcome, ScanResult
from tests.lobby.mail_helpers import Inbox, free_port, inline_qr, smtp_config, smtp_server
from tests.rooms.ics.calendar_helpers import HOST, Meeting, central_rows, today, write_calendar
from tests.stores import local

TZ = ZoneInfo("Europe/Helsinki")
EEVA = "CN=Eeva Ek:mailto:eeva.ek@okm.example"
PEKKA = "CN=Pekka Puu:mailto:pekka@stm.example"
AINO = "CN=Aino Virtanen:mailto:aino@lab.example"  # the Lab's own: no invitation


def admin(config: Path, *args: str) -> int:
    return main(["admin", "--config", str(config), *args])


@pytest.fixture
def port() -> int:
    return free_port()


def lab_config(tmp_path: Path, central_url: str, port: int, delivery: str = "command") -> Path:
    path = smtp_config(tmp_path / "kiosk.toml", central_url, port, delivery=delivery)
    with path.open("a", encoding="utf-8") as f:
        f.write('lab_domains = ["lab.example"]\n')
    assert admin(path, "init") == 0
    rc = admin(path, "person", "add", "--name", "Mikko Korhonen", "--email", HOST, "--role", "host")
    assert rc == 0
    assert admin(path, "keys", "create") == 0
    assert admin(path, "room", "add", "aurora", "--name", "Aurora") == 0
    return path


@pytest.fixture
def config(tmp_path: Path, central_url: str, port: int) -> Path:
    return lab_config(tmp_path, central_url, port)


@pytest.fixture
def inbox(port: int) -> Iterator[Inbox]:
    with smtp_server(port) as inbox:
        yield inbox


def refresh(config: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert admin(config, "bookings", "refresh-feeds", "--json") == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["ok"] is True
    invitations = result["invitations"]
    assert isinstance(invitations, dict)
    return invitations


def token_of(config: Path, message: object, at: datetime) -> tuple[str, object]:
    """The QR code in the e-mail, verified with the central store's public keys."""
    text = inline_qr(message)  # type: ignore[arg-type]
    store = open_store(load_config(config).central_url, migrate=False)
    with store.engine.connect() as conn:
        keys = {r.key_id: bytes.fromhex(r.public_key) for r in conn.execute(select(SigningKey))}
    store.dispose()
    return text, verify(text, keys, at)


def lobby_scan(tmp_path: Path, config: Path, token: str, at: datetime) -> ScanOutcome:
    """A lobby's replica synced from the central store, then the scan, at ``at``."""
    lobby = local(tmp_path)
    clock = FixedClock(at)
    engine = SyncEngine(
        lobby,
        load_config(config).central_url,
        kiosk_id="lobby-1",
        role="lobby",
        room_id=None,
        clock=clock,
    )
    try:
        engine.cycle()
        return VisitorCheckinService(lobby, clock, "lobby-1").scan(token)
    finally:
        engine.close()
        lobby.dispose()


def day_window(day: object) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(), TZ)  # type: ignore[arg-type]
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def test_attendees_from_outside_the_lab_are_invited_moved_and_revoked(
    config: Path, inbox: Inbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics = tmp_path / "aurora.ics"
    tomorrow = today() + timedelta(days=1)
    meeting = Meeting("m1@outlook", tomorrow, [EEVA, PEKKA, AINO])
    url = write_calendar(ics, [meeting])
    assert admin(config, "bookings", "feed", "set", "aurora", url, "--invite-attendees") == 0

    # Two visitors, two e-mails with a QR code that names their invitation; none for Aino.
    assert refresh(config, capsys)["invited"] == 2
    rows = central_rows(config)
    assert len(rows["links"]) == 2 and len(rows["invitations"]) == 2
    assert sorted(r[0] for r in inbox.recipients) == ["eeva.ek@okm.example", "pekka@stm.example"]
    ids = {r["id"] for r in rows["invitations"]}
    meeting_time = day_window(tomorrow)[0] + timedelta(hours=8)  # 10.00 in Helsinki
    for message in inbox.messages:
        _, token = token_of(config, message, meeting_time)
        assert token.invitation_id in ids  # type: ignore[attr-defined]
    # The code in the e-mail checks in at a lobby on the meeting's day, host and name known.
    scan = lobby_scan(tmp_path, config, inline_qr(inbox.messages[0]), meeting_time)
    assert scan.result is ScanResult.WELCOME
    assert scan.name in {"Eeva Ek", "Pekka Puu"} and scan.host == "Mikko Korhonen"
    assert {(r["valid_from"], r["valid_to"]) for r in rows["invitations"]} == {day_window(tomorrow)}
    assert "aino@lab.example" not in str(rows)
    assert all("@" not in r["attendee"] for r in rows["links"])  # a hash, not the address

    # The same feed again: nothing new, nothing sent.
    again = refresh(config, capsys)
    assert (again["invited"], again["unchanged"], again["moved"]) == (0, 2, 0)
    assert len(inbox.messages) == 2 and len(central_rows(config)["invitations"]) == 2

    # Moved to the day after: new invitations for the new day, one e-mail each, old revoked.
    later = tomorrow + timedelta(days=1)
    write_calendar(ics, [Meeting("m1@outlook", later, [EEVA, PEKKA, AINO])])
    assert refresh(config, capsys)["moved"] == 2
    rows = central_rows(config)
    live = [r for r in rows["invitations"] if r["revoked_at"] is None]
    assert {(r["valid_from"], r["valid_to"]) for r in live} == {day_window(later)}
    assert len(rows["invitations"]) == 4 and len(inbox.messages) == 4
    moved_to = {m["Subject"] for m in inbox.messages[2:]}
    assert all(f"{later.day}.{later.month}.{later.year}" in s for s in moved_to)
    assert {r["invitation_id"] for r in rows["links"]} == {r["id"] for r in live}

    # Pekka removed from the meeting: his invitation is revoked and he is told.
    write_calendar(ics, [Meeting("m1@outlook", later, [EEVA, AINO])])
    assert refresh(config, capsys)["revoked"] == 1
    assert inbox.recipients[-1] == ["pekka@stm.example"]
    assert "peruttu" in inbox.messages[-1]["Subject"].lower()

    # Cancelled in the calendar: Eeva's is revoked and she is told.
    write_calendar(ics, [Meeting("m1@outlook", later, [EEVA, AINO], status="CANCELLED")])
    assert refresh(config, capsys)["revoked"] == 1
    assert inbox.recipients[-1] == ["eeva.ek@okm.example"]
    rows = central_rows(config)
    assert all(r["revoked_at"] is not None for r in rows["invitations"])
    assert len(inbox.messages) == 6

    # Nothing of it reaches a kiosk: no link in the change feed, no address in any payload.
    assert "calendar_invitations" not in ENTITIES
    store = open_store(load_config(config).central_url, migrate=False)
    with store.engine.connect() as conn:
        feed = [(r.entity, json.dumps(r.payload)) for r in conn.execute(select(Change))]
    store.dispose()
    assert {entity for entity, _ in feed} >= {"invitations", "visitors"}
    assert not any("okm.example" in p or "stm.example" in p for _, p in feed)


def test_a_meeting_removed_from_the_feed_revokes_its_invitations(
    config: Path, inbox: Inbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics = tmp_path / "aurora.ics"
    day = today() + timedelta(days=2)
    url = write_calendar(ics, [Meeting("a", day, [EEVA]), Meeting("b", day, [PEKKA], hour=11)])
    assert admin(config, "bookings", "feed", "set", "aurora", url, "--invite-attendees") == 0
    assert refresh(config, capsys)["invited"] == 2
    write_calendar(ics, [Meeting("b", day, [PEKKA], hour=11)])
    result = refresh(config, capsys)
    assert (result["revoked"], result["unchanged"]) == (1, 1)
    assert inbox.recipients[-1] == ["eeva.ek@okm.example"]


def test_a_recurring_meeting_invites_once_per_day_in_the_window(
    config: Path, inbox: Inbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = today() + timedelta(days=1)
    series = Meeting("weekly", first, [EEVA, AINO], rrule="FREQ=DAILY;COUNT=40")
    url = write_calendar(tmp_path / "aurora.ics", [series])
    assert admin(config, "bookings", "feed", "set", "aurora", url, "--invite-attendees") == 0
    result = refresh(config, capsys)
    # calendar_days (30) bounds it: the rest are left for a later import, and counted.
    days_ahead = load_config(config).invitations.calendar_days
    invited = result["invited"]
    assert isinstance(invited, int) and days_ahead - 1 <= invited <= days_ahead
    assert result["too_far"] == 40 - invited
    windows = {(r["valid_from"], r["valid_to"]) for r in central_rows(config)["invitations"]}
    assert len(windows) == invited  # one invitation per occurrence day
    assert min(windows) == day_window(first)
    assert len(inbox.messages) == invited
    assert refresh(config, capsys)["invited"] == 0  # and again: nothing new


def test_a_feed_without_the_flag_invites_nobody(
    config: Path, inbox: Inbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = write_calendar(tmp_path / "a.ics", [Meeting("m", today() + timedelta(days=1), [EEVA])])
    assert admin(config, "bookings", "feed", "set", "aurora", url) == 0
    capsys.readouterr()
    assert admin(config, "bookings", "refresh-feeds", "--json") == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["invitations"] is None and "1 added" in result["detail"]
    rows = central_rows(config)
    assert rows["invitations"] == [] and rows["emails"] == [] and inbox.messages == []

    # Turned on, then off again: the flag is kept when `feed set` does not mention it.
    assert admin(config, "bookings", "feed", "set", "aurora", url, "--invite-attendees") == 0
    assert admin(config, "bookings", "feed", "set", "aurora", url) == 0
    capsys.readouterr()
    assert admin(config, "bookings", "feed", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["invite_attendees"] is True
    assert admin(config, "bookings", "feed", "set", "aurora", url, "--no-invite-attendees") == 0
    assert admin(config, "bookings", "refresh-feeds") == 0
    assert central_rows(config)["invitations"] == []


def test_an_organiser_from_outside_uses_the_default_host_or_invites_nobody(
    config: Path, inbox: Inbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outsider = Meeting("o", today() + timedelta(days=1), [EEVA], organiser="boss@okm.example")
    url = write_calendar(tmp_path / "a.ics", [outsider])
    assert admin(config, "bookings", "feed", "set", "aurora", url, "--invite-attendees") == 0
    result = refresh(config, capsys)
    assert (result["invited"], result["no_host"]) == (0, 1)
    args = ("bookings", "feed", "set", "aurora", url, "--default-host", HOST)
    assert admin(config, *args) == 0
    assert refresh(config, capsys)["invited"] == 1
    assert "Mikko Korhonen" in inbox.messages[0].get_body(("plain",)).get_content()  # type: ignore[union-attr]


def test_a_hostile_feed_is_bounded_and_summarised(
    tmp_path: Path,
    central_url: str,
    port: int,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    config = lab_config(tmp_path, central_url, port, delivery="service")  # queue, do not send
    crowd = [f"CN=Guest {i}:mailto:guest{i}@example.org" for i in range(5000)]
    bad = [
        "mailto:not-an-address",
        "mailto:a@b@c.example",
        "CN=x:http://evil.example/",
        "mailto:" + "x" * 400 + "@example.org",
    ]
    # A tab, a zero-width space and a right-to-left override in a 500-character name.
    evil = 'CN="Eve\tEvil\u200b\u202e' + "E" * 500 + '":mailto:eve@example.org'
    meetings = [
        Meeting("crowd", today() + timedelta(days=1), [*bad, evil, *crowd]),
        Meeting("far", today() + timedelta(days=200), [EEVA]),
        Meeting("past", today() - timedelta(days=1), [PEKKA]),
    ]
    url = write_calendar(tmp_path / "hostile.ics", meetings)
    assert admin(config, "bookings", "feed", "set", "aurora", url, "--invite-attendees") == 0
    capsys.readouterr()
    assert admin(config, "bookings", "refresh-feeds", "--json", "--days", "365") == 0
    (result,) = json.loads(capsys.readouterr().out)
    inv = result["invitations"]
    assert inv["invited"] == 200  # the per-event cap
    assert inv["malformed"] == 4
    assert inv["over_attendee_cap"] == 5005 - 204  # read: the 4 bad ones and 200 good ones
    assert inv["too_far"] == 1 and inv["past"] == 0  # the past meeting is outside the window
    assert "200 made" in result["detail"] and "over the per-event cap" in result["detail"]
    rows = central_rows(config)
    assert len(rows["emails"]) == 200 and all(r["sent_at"] is None for r in rows["emails"])
    store = open_store(load_config(config).central_url, migrate=False)
    with store.engine.connect() as conn:
        names = list(conn.execute(select(table_of(Visitor).c.name)).scalars())
    store.dispose()
    assert all(n.isprintable() and len(n) <= 200 for n in names)
    assert "Eve Evil " + "E" * 191 in names
    # Each bound is logged with the room and a count, never a name or an address.
    assert "room aurora: 4801 attendees over the per-event cap" in caplog.text
    assert "example.org" not in caplog.text and "Guest" not in caplog.text


def test_retention_erases_the_links_and_the_addresses(
    config: Path, inbox: Inbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = write_calendar(tmp_path / "a.ics", [Meeting("m", today() + timedelta(days=1), [EEVA])])
    assert admin(config, "bookings", "feed", "set", "aurora", url, "--invite-attendees") == 0
    assert refresh(config, capsys)["invited"] == 1
    store = open_store(load_config(config).central_url, migrate=False)
    later = datetime.now(UTC) + timedelta(days=200)
    with store.engine.begin() as conn:
        assert len(purge_visitors(conn, later, 90).anonymised) == 1
    store.dispose()
    rows = central_rows(config)
    assert rows["links"] == []
    assert [r["address"] for r in rows["emails"]] == [None]


def test_the_per_import_cap_leaves_the_rest_for_the_next_import(
    config: Path, inbox: Inbox, tmp_path: Path
) -> None:
    from dataclasses import replace

    from kiosk.cli.bookings import _invite_settings, read_feed
    from kiosk.cli.context import context_from_args
    from kiosk.rooms.feeds import refresh_feeds

    guests = [f"CN=Guest {i}:mailto:guest{i}@example.org" for i in range(5)]
    url = write_calendar(tmp_path / "a.ics", [Meeting("m", today() + timedelta(days=1), guests)])
    assert admin(config, "bookings", "feed", "set", "aurora", url, "--invite-attendees") == 0
    ctx = context_from_args(argparse.Namespace(config=str(config)))
    settings = replace(_invite_settings(ctx), max_invitations=3)

    def run() -> object:
        (result,) = refresh_feeds(
            ctx.central, tz=TZ, now=datetime.now(UTC), days=30, fetch=read_feed, invites=settings
        )
        assert result.invitations is not None
        return result.invitations

    first = run()
    assert (first.invited, first.over_import_cap) == (3, 2)  # type: ignore[attr-defined]
    second = run()
    assert (second.invited, second.unchanged, second.over_import_cap) == (2, 3, 0)  # type: ignore[attr-defined]
    assert len(central_rows(config)["links"]) == 5


def test_invite_attendees_needs_the_labs_domains(
    tmp_path: Path, central_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[kiosk]\nid = "admin-1"\ndata_dir = "data"\n[central]\nurl = "{central_url}"\n',
        encoding="utf-8",
    )
    assert admin(path, "init") == 0
    assert admin(path, "room", "add", "aurora", "--name", "Aurora") == 0
    url = write_calendar(tmp_path / "a.ics", [])
    capsys.readouterr()
    assert admin(path, "bookings", "feed", "set", "aurora", url, "--invite-attendees") == 2
    assert "set invitations.lab_domains" in capsys.readouterr().err


def test_an_admins_revocation_stands_and_a_returning_attendee_is_invited_again(
    config: Path, inbox: Inbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics = tmp_path / "a.ics"
    day = today() + timedelta(days=1)
    url = write_calendar(ics, [Meeting("m", day, [EEVA, PEKKA])])
    assert admin(config, "bookings", "feed", "set", "aurora", url, "--invite-attendees") == 0
    assert refresh(config, capsys)["invited"] == 2
    eeva = next(
        r["invitation_id"]
        for r in central_rows(config)["links"]
        if r["attendee"] == attendee_hash("Eeva.Ek@okm.example")
    )
    assert admin(config, "invite", "revoke", str(eeva)) == 0
    again = refresh(config, capsys)
    assert (again["invited"], again["unchanged"]) == (0, 2)  # Eeva stays revoked
    assert len(inbox.messages) == 3  # two invitations and the admin's revocation

    write_calendar(ics, [Meeting("m", day, [EEVA])])  # Pekka leaves ...
    assert refresh(config, capsys)["revoked"] == 1
    write_calendar(ics, [Meeting("m", day, [EEVA, PEKKA])])  # ... and comes back
    assert refresh(config, capsys)["invited"] == 1
    assert inbox.recipients[-2:] == [["pekka@stm.example"], ["pekka@stm.example"]]
    live = [r for r in central_rows(config)["invitations"] if r["revoked_at"] is None]
    assert len(live) == 1


def test_refreshes_at_the_same_moment_invite_each_attendee_once(
    config: Path, inbox: Inbox, tmp_path: Path
) -> None:
    """A timer's refresh and an admin's at once: the second waits for the first's row lock,
    then finds its invitations (it used to stop on the link table's unique constraint)."""
    day = today() + timedelta(days=1)
    url = write_calendar(tmp_path / "aurora.ics", [Meeting("m1@outlook", day, [EEVA, PEKKA])])
    assert admin(config, "bookings", "feed", "set", "aurora", url, "--invite-attendees") == 0
    start = threading.Barrier(3)

    def refresh_now() -> int:
        start.wait()
        return admin(config, "bookings", "refresh-feeds")

    with ThreadPoolExecutor(3) as pool:
        codes = list(pool.map(lambda _: refresh_now(), range(3)))
    assert codes == [0, 0, 0]
    rows = central_rows(config)
    assert len(rows["links"]) == 2 and len(rows["invitations"]) == 2
    assert sorted(r[0] for r in inbox.recipients) == ["eeva.ek@okm.example", "pekka@stm.example"]


def test_a_meeting_moved_back_and_forth_mails_an_address_three_times_a_day_at_most(
    config: Path,
    inbox: Inbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    ics = tmp_path / "aurora.ics"
    days = [today() + timedelta(days=1), today() + timedelta(days=2)]
    url = write_calendar(ics, [Meeting("m1@outlook", days[0], [EEVA])])
    assert admin(config, "bookings", "feed", "set", "aurora", url, "--invite-attendees") == 0
    assert refresh(config, capsys)["invited"] == 1
    counts = []
    for day in (days[1], days[0], days[1], days[0]):
        write_calendar(ics, [Meeting("m1@outlook", day, [EEVA])])
        got = refresh(config, capsys)
        counts.append((got["moved"], got["over_address_cap"]))
    # The third move is over the cap; moved back, the kept invitation is right again.
    assert counts == [(1, 0), (1, 0), (0, 1), (0, 0)]
    assert [r[0] for r in inbox.recipients] == ["eeva.ek@okm.example"] * 3
    # Over the cap, the last invitation stays (for the day it was made for), not revoked.
    live = [r for r in central_rows(config)["invitations"] if r["revoked_at"] is None]
    assert [(r["valid_from"], r["valid_to"]) for r in live] == [day_window(days[0])]
    assert "changed too often today" in caplog.text
    assert "okm.example" not in caplog.text
