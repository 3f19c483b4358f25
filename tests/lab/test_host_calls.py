"""Calling a host: stored and queued at once, hosts on duty notified, the first taker shown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.base.errors import NotFound, UsageError
from kiosk.lab.host_calls import OPEN_FOR, REPEAT_WINDOW, HostCallService, lobby_numbers
from kiosk.lobby.notify import HOST_CALL, LogNotifier, Notice, compose
from kiosk.lobby.notify_queue import NotificationQueue
from kiosk.store.models import HostCall, Notification, OutboxRow
from tests.lab.helpers import TZ, Site
from tests.stores import row_counts


class Recorder:
    """A notifier that keeps what it is asked to send."""

    def __init__(self) -> None:
        self.sent: list[Notice] = []

    def send(self, notice: Notice) -> None:
        self.sent.append(notice)


def calls(site: Site, kiosk_id: str = "lobby-1", *, notify: bool = True) -> HostCallService:
    return HostCallService(site.lobby, site.clock, kiosk_id, TZ, notify=notify)


def count(site: Site, model: type) -> int:
    with site.lobby.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_a_call_is_stored_queued_and_tells_only_todays_hosts(site: Site) -> None:
    state = calls(site).call()
    assert not state.acknowledged and state.hosts_notified == 1
    with site.lobby.session() as s:
        assert s.get(HostCall, state.call_id) is not None
        assert s.scalars(select(OutboxRow.entity)).all() == ["host_calls"]
        [note] = s.scalars(select(Notification)).all()
        assert (note.kind, note.call_id, note.host_id) == (
            HOST_CALL,
            state.call_id,
            site.ids["mikko"],
        )
    recorder = Recorder()
    report = NotificationQueue(site.lobby, recorder, site.clock, "lobby-1").deliver_due()
    assert report.sent == 1
    [notice] = recorder.sent
    assert (notice.kind, notice.host_name, notice.host_email) == (
        HOST_CALL,
        "Mikko Korhonen",
        "mikko@lab.example",
    )
    message = compose(notice, "lab@example.org", TZ)
    assert message["To"] == "mikko@lab.example"
    assert "A host is wanted in the lobby" in message["Subject"]
    body = message.get_content()
    assert "klo 12.00" in body and "kl. 12.00" in body and "at 12:00" in body
    assert "lobby-1" in body
    # The e-mail quotes the button as each language's screen says it (docs/glossary.md).
    assert '"Pyydä apua"' in body and '"Be om hjälp"' in body and '"Call a host"' in body
    finnish, swedish = body.split("Hej ")[0], body.split("Hej ")[1].split("Hello ")[0]
    assert "host" not in finnish.lower() and "värdpanel" not in swedish
    LogNotifier().send(notice)  # ids only; must not fail on a call


def test_pressing_again_shows_the_same_call(site: Site) -> None:
    first = calls(site).call()
    site.clock.advance(REPEAT_WINDOW - timedelta(seconds=1))
    again = calls(site).call()
    assert again.call_id == first.call_id and again.hosts_notified == 0
    assert (count(site, HostCall), count(site, Notification)) == (1, 1)
    site.clock.advance(timedelta(seconds=2))
    later = calls(site).call()
    assert later.call_id != first.call_id
    other = calls(site, "lobby-2").call()  # another lobby's visitor is someone else
    assert other.call_id not in (first.call_id, later.call_id)


def test_without_a_notifier_or_hosts_the_call_is_still_recorded(site: Site) -> None:
    calls(site, notify=False).call()
    assert (count(site, HostCall), count(site, Notification)) == (1, 0)
    site.clock.advance(timedelta(days=2))  # nobody on duty that day
    state = calls(site).call()
    assert state.hosts_notified == 0 and count(site, Notification) == 0


def test_a_host_takes_the_call_and_the_first_taker_wins(site: Site) -> None:
    svc = calls(site)
    call = svc.call()
    assert [c.call_id for c in svc.open_calls()] == [call.call_id]
    site.clock.advance(timedelta(minutes=1))
    taken = svc.acknowledge(call.call_id, site.ids["mikko"])
    assert taken.host_first_name == "Mikko" and taken.acknowledged_at == site.clock.now()
    assert svc.state(call.call_id).host_name == "Mikko Korhonen"
    assert svc.open_calls() == []
    site.clock.advance(timedelta(minutes=1))
    again = svc.acknowledge(call.call_id, site.ids["helena"])
    assert again.host_name == "Mikko Korhonen"
    with site.lobby.session() as s:
        entities = s.scalars(select(OutboxRow.entity).order_by(OutboxRow.seq)).all()
    assert entities == ["host_calls", "host_call_acks"]


def test_only_hosts_take_calls_and_unknown_calls_are_refused(site: Site) -> None:
    svc = calls(site)
    call = svc.call()
    before = row_counts(site.lobby)
    with pytest.raises(UsageError, match="only an active host"):
        svc.acknowledge(call.call_id, site.ids["aino"])
    from kiosk.base.ids import new_id

    with pytest.raises(NotFound):
        svc.acknowledge(new_id(), site.ids["mikko"])
    assert row_counts(site.lobby) == before


def test_an_untaken_call_closes_by_itself(site: Site) -> None:
    svc = calls(site)
    svc.call()
    site.clock.advance(OPEN_FOR)
    assert svc.open_calls() == []


def test_lobbies_are_numbered_only_once_a_second_one_calls(site: Site) -> None:
    """One lobby: no number ("Lobby"); two: each keeps its number as calls come and go."""
    svc = calls(site, "lobby-2")
    svc.call()
    assert [c.lobby_number for c in svc.open_calls()] == [None]
    site.clock.advance(REPEAT_WINDOW + timedelta(minutes=1))
    svc.call()
    assert [c.lobby_number for c in svc.open_calls()] == [None, None]
    site.clock.advance(timedelta(minutes=1))
    calls(site, "lobby-1").call()
    assert [(c.kiosk_id, c.lobby_number) for c in svc.open_calls()] == [
        ("lobby-1", 1),
        ("lobby-2", 2),
        ("lobby-2", 2),
    ]
    site.clock.advance(OPEN_FOR + timedelta(minutes=1))  # all taken care of: numbers stay
    calls(site, "lobby-1").call()
    assert [(c.kiosk_id, c.lobby_number) for c in svc.open_calls()] == [("lobby-1", 1)]


def test_lobby_numbers_without_numbered_ids_follow_the_first_calls() -> None:
    t0 = datetime(2026, 11, 26, 10, tzinfo=UTC)
    assert lobby_numbers([("aula", t0)]) == {}
    later = t0 + timedelta(days=3)
    # Ids without a number of their own (or sharing one) are numbered by their first call,
    # so a lobby that starts calling later never renumbers the others.
    assert lobby_numbers([("itä", later), ("länsi", t0)]) == {"länsi": 1, "itä": 2}
    assert lobby_numbers([("itä", later), ("länsi", t0), ("aula", later + timedelta(1))]) == {
        "länsi": 1,
        "itä": 2,
        "aula": 3,
    }
    assert lobby_numbers([("lobby-1", later), ("lobby-01", t0)]) == {"lobby-01": 1, "lobby-1": 2}
    assert lobby_numbers([("lobby-3", t0), ("lobby-10", later)]) == {"lobby-3": 3, "lobby-10": 10}


def test_todays_hosts(site: Site) -> None:
    svc = calls(site)
    assert [h.first_name for h in svc.hosts_today()] == ["Mikko"]
    site.clock.advance(timedelta(days=1))
    assert [h.name for h in svc.hosts_today()] == ["Helena Host"]


def test_a_hosts_photo_is_found_by_email_or_id(tmp_path: Path) -> None:
    from kiosk.base.ids import new_id
    from kiosk.lab.host_duty import HostOnDuty, photo_for

    host = HostOnDuty(new_id(), "Mikko Korhonen", "Mikko@Lab.example")
    assert photo_for(None, host) is None
    assert photo_for(tmp_path, host) is None
    by_id = tmp_path / f"{host.person_id}.png"
    by_id.write_bytes(b"png")
    assert photo_for(tmp_path, host) == by_id
    by_email = tmp_path / "mikko@lab.example.jpg"
    by_email.write_bytes(b"jpg")
    assert photo_for(tmp_path, host) == by_email  # the e-mail name wins
