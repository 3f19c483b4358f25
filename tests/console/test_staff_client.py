"""Each StaffClient method against the real service on loopback (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from kiosk.console.client import Refused
from kiosk.console.models import EventDraft, InviteRequest, LocalText
from kiosk.store.models import AuditEntry, InvitationEmail
from tests.console.helpers import Site, staff_site
from tests.stores import NOON

TODAY = date(2026, 11, 26)


def _audits(site: Site, action: str | None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    with site.service.store.session() as session:
        return list(session.scalars(query))


@pytest.fixture
def site(tmp_path: Path, central_url: str) -> Iterator[Site]:
    with staff_site(tmp_path, central_url) as s:
        yield s


def test_whoami_names_the_staff_member(site: Site) -> None:
    with site.client() as client:
        me = client.whoami()
    assert me.name == "Mikko Korhonen" and me.person_id == site.host_id
    assert me.credential_id == "staff-mikko"


def test_invite_shows_today_and_queues_the_email(site: Site) -> None:
    with site.client() as client:
        hosts = client.hosts()
        assert [h.name for h in hosts] == ["Aino Admin", "Mikko Korhonen"]
        created = client.invite(
            InviteRequest(
                name="  Eeva   Ek ",
                host_id=site.host_id,
                valid_from=NOON,
                valid_to=NOON + timedelta(hours=6),
                company="OKM",
                email="eeva@okm.example",
                lang="sv",
            )
        )
        today = client.today(TODAY)
    assert created.name == "Eeva Ek" and created.email_queued
    [visitor] = today.expected
    assert (visitor.name, visitor.company, visitor.host_name, visitor.status) == (
        "Eeva Ek", "OKM", "Mikko Korhonen", "expected"
    )  # fmt: skip
    assert visitor.invitation_id == created.invitation_id and visitor.checked_in_at is None
    with site.service.store.engine.connect() as conn:
        mail = conn.execute(select(InvitationEmail)).one()
        audit = conn.execute(select(AuditEntry).where(AuditEntry.action == "staff.invite")).one()
    assert (mail.address, mail.lang, mail.sent_at) == ("eeva@okm.example", "sv", None)
    assert audit.detail["staff"] == "Mikko Korhonen" and audit.actor_id == site.host_id
    assert audit.kiosk_id == "staff-mikko"


def test_an_invitation_the_rules_refuse_says_why(site: Site) -> None:
    with site.client() as client, pytest.raises(Refused, match="already be over"):
        client.invite(
            InviteRequest("Eeva", site.host_id, NOON - timedelta(days=2), NOON - timedelta(days=1))
        )


CSV = (
    "name,host,email\n"
    "Eeva Ek,mikko@lab.example,eeva@okm.example\n"
    ",mikko@lab.example,\n"
    "Olli Oja,nobody@lab.example,\n"
    "Pia Puu,mikko@lab.example,not-an-address\n"
    "Tuuli Tie,mikko@lab.example,\n"
)


def test_csv_preview_reports_bad_rows_and_stores_nothing(site: Site) -> None:
    with site.client() as client:
        preview = client.preview_invites_csv(CSV)
        assert client.today(TODAY).expected == ()
        done = client.import_invites_csv(CSV)
        names = sorted(v.name for v in client.today(TODAY).expected)
    assert [(r.line, r.ok) for r in preview.rows] == [
        (2, True), (3, False), (4, False), (5, False), (6, True)
    ]  # fmt: skip
    reasons = {r.line: r.reason for r in preview.refused}
    assert "name" in (reasons[3] or "") and "nobody@lab.example" in (reasons[4] or "")
    assert "e-mail address" in (reasons[5] or "") and preview.rows[3].name == "Pia Puu"
    assert done.rows == preview.rows and done.emails_queued == 1
    assert names == ["Eeva Ek", "Tuuli Tie"]


def test_a_csv_with_a_wrong_header_is_refused_whole(site: Site) -> None:
    with site.client() as client, pytest.raises(Refused, match="header"):
        client.preview_invites_csv("nimi,isäntä\nEeva,mikko\n")


def test_events_in_three_languages_tickets_and_counter(site: Site) -> None:
    draft = EventDraft(
        title=LocalText("Aamukahvit", "Morgonkaffe", "Morning coffee"),
        starts_at=NOON + timedelta(hours=1),
        ends_at=NOON + timedelta(hours=3),
        description=LocalText("Tervetuloa", "Välkommen", "Welcome"),
        room_id="aurora",
        capacity=30,
    )
    with site.client() as client:
        saved = client.save_event(draft)
        assert saved.title == draft.title and saved.description.sv == "Välkommen"
        assert saved.room_id == "aurora" and saved.capacity == 30
        edited = client.save_event(
            EventDraft(
                title=LocalText("Aamukahvit", "Morgonkaffe", "Coffee"),
                starts_at=draft.starts_at,
                ends_at=draft.ends_at,
                id=saved.id,
            )
        )
        assert edited.id == saved.id and edited.title.en == "Coffee" and edited.room_id is None
        tickets = client.import_tickets(saved.id, "name,organisation\nEeva Ek,OKM\n,\n")
        counter = client.event_counter(saved.id)
        listed = client.events()
    assert tickets.imported == 1 and [r.line for r in tickets.refused] == [3]
    actions = [a.action for a in _audits(site, None) if a.detail.get("staff") == "Mikko Korhonen"]
    assert actions == ["staff.event_create", "staff.event_edit", "staff.ticket_import"]
    assert (counter.tickets, counter.checked_in) == (1, 0)
    assert [e.id for e in listed] == [saved.id] and listed[0].tickets == 1


def test_an_event_without_a_title_is_refused(site: Site) -> None:
    with site.client() as client, pytest.raises(Refused):
        client.save_event(EventDraft(LocalText(" "), NOON, NOON + timedelta(hours=1)))


def test_rooms_week_and_mode_switch(site: Site) -> None:
    from kiosk.rooms.bookings import add_booking

    with site.service.store.engine.begin() as conn:
        for title, private in (("Tiimipalaveri", False), ("Kehityskeskustelu", True)):
            add_booking(
                conn,
                room_id="aurora",
                title=title,
                starts_at=NOON + timedelta(days=1, hours=2 * private),
                ends_at=NOON + timedelta(days=1, hours=2 * private + 1),
                now=site.service.clock.now(),
                private=private,
            )
    with site.client() as client:
        [room] = client.rooms()
        assert (room.id, room.mode) == ("aurora", "normal")
        week = client.week("aurora", date(2026, 11, 23))
        assert [b.title for b in week] == ["Tiimipalaveri", None]  # a private title stays hidden
        assert client.week("aurora", date(2026, 11, 30)) == ()
        first = client.switch_mode("aurora", "closed", NOON + timedelta(hours=2), "Siivous")
        second = client.switch_mode(None, "event", NOON + timedelta(hours=4), "Avoimet ovet")
        [room] = client.rooms()
        with pytest.raises(Refused):
            client.switch_mode("nowhere", "closed", NOON + timedelta(hours=1))
        with pytest.raises(Refused):
            client.switch_mode("aurora", "closed", NOON - timedelta(hours=1))
    assert second.version > first.version and second.room_id is None
    assert (room.mode, room.mode_title) == ("event", "Avoimet ovet")
    audits = _audits(site, "staff.mode_set")
    assert [(a.detail["staff"], a.detail["version"]) for a in audits] == [
        ("Mikko Korhonen", first.version),
        ("Mikko Korhonen", second.version),
    ]  # fmt: skip  (the refused switches left none)


def test_fleet_feedback_and_report(site: Site) -> None:
    with site.client() as client:
        assert client.fleet() == ()
        assert client.feedback(TODAY, TODAY) == ()
        with pytest.raises(Refused, match="nothing to report"):
            client.report(TODAY, TODAY, "fi", "html")
        with pytest.raises(Refused, match="HTML only"):
            client.report(TODAY, TODAY, "fi", "pdf")


def test_fleet_lists_silent_kiosks_first_with_readers_and_outbox(site: Site) -> None:
    from kiosk.central.credentials import enroll

    def beat(kiosk_id: str, role: str, room: str | None, status: dict[str, object]) -> None:
        with site.service.store.engine.begin() as conn:
            token = enroll(conn, kiosk_id, role, room, site.service.clock.now())
        answer = httpx.post(
            f"{site.service.url}/v1/heartbeat",
            json={"version": "1.2.3", "status": status},
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        assert answer.status_code == 200, answer.text

    beat("door-aurora", "door", "aurora", {"outbox_depth": 0})
    site.service.clock.advance(timedelta(hours=1))
    beat("lobby-1", "lobby", None, {"outbox_depth": 7, "readers": {"badge": {"state": "ok"}}})
    with site.client() as client:
        rows = client.fleet()
    assert [(r.kiosk_id, r.silent) for r in rows] == [("door-aurora", True), ("lobby-1", False)]
    lobby = rows[1]
    assert (lobby.role, lobby.outbox_depth, lobby.duplicates) == ("lobby", 7, 0)
    assert [(r.name, r.state) for r in lobby.readers] == [("badge", "ok")]
    assert rows[0].room_id == "aurora" and rows[0].last_seen_at == NOON
