"""Feedback, consents, calls and acknowledgements reach the central store and whom they should."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.lab.feedback import FeedbackService, list_feedback
from kiosk.lab.here_today import HereTodayService, opted_in
from kiosk.lab.host_calls import HostCallService, acknowledge_centrally, list_calls
from kiosk.lab.host_duty import hosts_on_duty
from kiosk.store.models import BoardConsent, Change, Feedback, HostCall, HostCallAck, HostDuty
from tests.lab.helpers import TODAY, TZ, Site, make_site
from tests.stores import AINO_UID


@pytest.fixture
def any_site(tmp_path: Path, central_url: str) -> Iterator[Site]:
    s = make_site(tmp_path, central_url)
    yield s
    s.close()


def test_lobby_records_reach_the_central_store_once(any_site: Site) -> None:
    site = any_site
    site.taps().badge_tap(AINO_UID)
    FeedbackService(site.lobby, site.clock, "lobby-1").record(
        4, comment="Hyvä päivä", person_id=site.ids["aino"]
    )
    HereTodayService(site.lobby, site.clock, "lobby-1", TZ).set_visible(site.ids["aino"], True)
    calls = HostCallService(site.lobby, site.clock, "lobby-1", TZ)
    call = calls.call()
    calls.acknowledge(call.call_id, site.ids["mikko"])
    engine = site.engine()
    assert engine.push() == (5, 0)
    assert engine.push() == (0, 0)
    with site.central.engine.connect() as conn:
        [entry] = list_feedback(conn)
        assert (entry.score, entry.signed_by) == (4, "Aino Virtanen")
        assert [p.name for p in opted_in(conn)] == ["Aino Virtanen"]
        [state] = list_calls(conn, site.clock.now())
        assert state.call_id == call.call_id and state.host_name == "Mikko Korhonen"
        feed = {r.entity: r.audience for r in conn.execute(select(Change.entity, Change.audience))}
    assert "feedback" not in feed  # kept centrally; no screen shows it
    with site.lobby.engine.connect() as conn:  # ...so the lobby forgets it once it is there
        assert list_feedback(conn) == []
    assert feed["board_consents"] == "lobby"
    assert feed["host_calls"] == feed["host_call_acks"] == "all"
    assert feed["host_duty"] == "lobby"


def test_a_door_learns_of_calls_but_not_consents_or_duty(any_site: Site) -> None:
    site = any_site
    HereTodayService(site.lobby, site.clock, "lobby-1", TZ).set_visible(site.ids["aino"], True)
    call = HostCallService(site.lobby, site.clock, "lobby-1", TZ).call()
    site.engine().push()
    door_store = site.local("door")
    site.engine(door_store, kiosk_id="door-aurora", role="door").cycle()
    door = HostCallService(door_store, site.clock, "door-aurora", TZ)
    assert [c.call_id for c in door.open_calls()] == [call.call_id]
    with door_store.session() as s:
        assert s.scalars(select(BoardConsent)).all() == []
        assert s.scalars(select(HostDuty)).all() == []
        assert s.scalars(select(Feedback)).all() == []
    # A host takes it at the door; the lobby hears of it at its next sync.
    site.clock.advance(timedelta(minutes=2))
    door.acknowledge(call.call_id, site.ids["mikko"])
    site.engine(door_store, kiosk_id="door-aurora", role="door").cycle()
    site.sync()
    lobby_view = HostCallService(site.lobby, site.clock, "lobby-1", TZ).state(call.call_id)
    assert lobby_view.host_first_name == "Mikko"
    door_store.dispose()


def test_an_ack_from_the_command_line_reaches_the_lobby(any_site: Site) -> None:
    site = any_site
    calls = HostCallService(site.lobby, site.clock, "lobby-1", TZ)
    call = calls.call()
    site.sync()
    with site.central.engine.begin() as conn:
        acknowledge_centrally(conn, call.call_id, site.ids["helena"], site.clock.now())
    site.sync()
    assert calls.state(call.call_id).host_name == "Helena Host"
    with site.lobby.session() as s:
        assert len(s.scalars(select(HostCallAck)).all()) == 1
        assert len(s.scalars(select(HostCall)).all()) == 1
    with site.lobby.engine.connect() as conn:
        assert [h.name for h in hosts_on_duty(conn, TODAY)] == ["Mikko Korhonen"]


def test_a_call_taken_in_a_members_name_is_refused_centrally(any_site: Site) -> None:
    """The kiosk lets only a signed-in host take a call; the central store checks it again, so
    a tampered kiosk cannot answer visitors in a member's name."""
    from kiosk.store.models import OutboxRow

    site = any_site
    calls = HostCallService(site.lobby, site.clock, "lobby-1", TZ)
    call = calls.call()
    with site.lobby.session() as s:  # what a tampered kiosk might queue
        from kiosk.lab.host_calls import ack_row
        from kiosk.sync import outbox

        ack = HostCallAck(**ack_row(call.call_id, site.ids["aino"], site.clock.now(), "lobby-1"))
        s.add(ack)
        outbox.enqueue(s, "host_call_acks", ack, site.clock.now())
    assert site.engine().push() == (1, 1)  # the call goes through, the forged answer does not
    with site.lobby.session() as s:
        refused = s.scalars(select(OutboxRow).where(OutboxRow.rejected_at.is_not(None))).one()
        assert refused.entity == "host_call_acks" and "only a host" in (refused.last_error or "")
    with site.central.engine.connect() as conn:
        assert conn.execute(select(HostCallAck)).all() == []
