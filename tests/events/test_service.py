"""Event check-in at the lobby: first entry, re-entry, full, wrong event, refusals, walk-ins."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.base.errors import UsageError
from kiosk.events.checkin import EventCheckinService, EventResult
from kiosk.store.engine import open_local_store
from kiosk.store.models import Checkin, OutboxRow
from kiosk.sync.engine import SyncEngine
from kiosk.views.screens import ScanResult
from tests.events.helpers import END, START, EventLab
from tests.stores import row_counts


def checkins(elab: EventLab) -> list[Checkin]:
    with elab.lab.lobby.session() as s:
        rows = list(s.scalars(select(Checkin).order_by(Checkin.at)))
        s.expunge_all()
    return rows


def test_first_entry_is_stored_and_counted_with_its_event(elab: EventLab) -> None:
    event_id = elab.event(capacity=200)
    ticket_id, token = elab.ticket(event_id, "Eeva Ek")
    elab.sync()
    outcome = elab.events.scan(token)
    assert outcome is not None and outcome.result is EventResult.WELCOME
    assert outcome.name == "Eeva Ek"
    assert outcome.event is not None and outcome.event.id == event_id
    assert (outcome.event.count, outcome.event.capacity) == (1, 200)
    [row] = checkins(elab)
    assert (row.direction, row.method, row.kiosk_id) == ("in", "qr", "lobby-1")
    assert (row.invitation_id, row.event_id) == (ticket_id, event_id)
    assert row.visitor_id is not None
    with elab.lab.lobby.session() as s:
        assert s.scalars(select(OutboxRow.entity)).all() == ["checkins"]
    state = elab.events.state()
    assert state.event is not None and state.event.count == 1


def test_re_entry_is_welcomed_back_with_the_first_time_and_not_counted_again(
    elab: EventLab,
) -> None:
    event_id = elab.event()
    _, token = elab.ticket(event_id)
    elab.sync()
    first = elab.events.scan(token)
    assert first is not None and first.result is EventResult.WELCOME
    elab.lab.clock.advance(timedelta(minutes=42))
    before = row_counts(elab.lab.lobby)
    again = elab.events.scan(token)
    assert again is not None and again.result is EventResult.WELCOME_BACK
    assert again.since == first.at
    assert again.name == "Eeva Ek"
    assert again.event is not None and again.event.count == 1
    assert row_counts(elab.lab.lobby) == before  # nothing stored


def test_a_full_event_refuses_new_tickets_and_stores_nothing(elab: EventLab) -> None:
    event_id = elab.event(capacity=2)
    tokens = [elab.ticket(event_id, f"Guest {i}")[1] for i in range(3)]
    elab.sync()
    for token in tokens[:2]:
        outcome = elab.events.scan(token)
        assert outcome is not None and outcome.result is EventResult.WELCOME
    before = row_counts(elab.lab.lobby)
    full = elab.events.scan(tokens[2])
    assert full is not None and full.result is EventResult.FULL
    assert full.event is not None and (full.event.count, full.event.capacity) == (2, 2)
    assert row_counts(elab.lab.lobby) == before
    # Someone already counted may still come back in.
    back = elab.events.scan(tokens[0])
    assert back is not None and back.result is EventResult.WELCOME_BACK


def test_a_ticket_for_another_event_is_refused_with_its_event(elab: EventLab) -> None:
    on_now = elab.event("Lab-ilta")
    other = elab.event("Aamukahvit", start=START, end=END, mode=False)
    _, token = elab.ticket(other)
    elab.sync()
    before = row_counts(elab.lab.lobby)
    outcome = elab.events.scan(token)
    assert outcome is not None and outcome.result is EventResult.WRONG_EVENT
    assert outcome.other_title == "Aamukahvit"
    assert outcome.event is not None and outcome.event.id == on_now
    assert row_counts(elab.lab.lobby) == before


def test_forged_expired_and_withdrawn_tickets_are_refused(elab: EventLab) -> None:
    event_id = elab.event()
    ticket_id, token = elab.ticket(event_id)
    revoked_id, revoked = elab.ticket(event_id, "Withdrawn Guest")
    elab.revoke(revoked_id)
    elab.sync()
    before = row_counts(elab.lab.lobby)

    middle = len(token) // 2
    forged = token[:middle] + ("A" if token[middle] != "A" else "B") + token[middle + 1 :]
    outcome = elab.events.scan(forged)
    assert outcome is not None and outcome.result is EventResult.NOT_A_TICKET
    outcome = elab.events.scan("https://example.com/?ticket=1")
    assert outcome is not None and outcome.result is EventResult.NOT_A_TICKET

    outcome = elab.events.scan(revoked)
    assert outcome is not None and outcome.result is EventResult.WITHDRAWN

    elab.lab.clock.set(END + timedelta(minutes=6))  # past the ticket's end and the skew
    outcome = elab.events.scan(token)
    assert outcome is not None and outcome.result is EventResult.EXPIRED
    assert outcome.valid_to == END
    assert row_counts(elab.lab.lobby) == before
    assert ticket_id is not None


def test_a_ticket_not_synced_yet_counts_for_the_event_on_now(elab: EventLab) -> None:
    event_id = elab.event()
    elab.sync()  # the event and its mode are here; the ticket is made afterwards
    ticket_id, token = elab.ticket(event_id, "Late Ticket")
    outcome = elab.events.scan(token)
    assert outcome is not None and outcome.result is EventResult.WELCOME
    assert outcome.name is None  # not known here yet
    [row] = checkins(elab)
    assert (row.invitation_id, row.event_id, row.visitor_id) == (ticket_id, event_id, None)
    elab.sync()
    assert elab.events.describe(ticket_id) == "Late Ticket"


def test_a_ticket_before_its_window_says_when(elab: EventLab) -> None:
    elab.event()
    tomorrow = elab.event("Huomenna", start=START + timedelta(days=1), end=END + timedelta(days=1))
    _, token = elab.ticket(tomorrow)
    elab.sync()
    outcome = elab.events.scan(token)
    assert outcome is not None and outcome.result is EventResult.NOT_YET_VALID
    assert outcome.valid_from == START + timedelta(days=1) - timedelta(hours=1)


def test_without_event_mode_a_known_ticket_is_honoured_in_its_window(elab: EventLab) -> None:
    event_id = elab.event(mode=False)
    _, token = elab.ticket(event_id)
    elab.sync()
    assert elab.events.state().event is None
    outcome = elab.events.scan(token)
    assert outcome is not None and outcome.result is EventResult.WELCOME
    assert outcome.event is not None and outcome.event.id == event_id


def test_no_event_and_an_unknown_ticket_says_no_event(elab: EventLab) -> None:
    event_id = elab.event(mode=False)
    _, token = elab.ticket(event_id)  # not synced: the lobby knows neither ticket nor event
    before = row_counts(elab.lab.lobby)
    outcome = elab.events.scan(token)
    assert outcome is not None and outcome.result is EventResult.NO_EVENT
    assert row_counts(elab.lab.lobby) == before


def test_visitor_invitations_keep_working_during_an_event(elab: EventLab) -> None:
    elab.event()
    _, invitation = elab.lab.invite("Ville Vieras")
    elab.sync()
    assert elab.events.scan(invitation) is None  # not a ticket: the visitor check-in answers
    visitor = elab.lab.service.scan(invitation)
    assert visitor.result is ScanResult.WELCOME and visitor.name == "Ville Vieras"
    # And without an event, foreign codes are the visitor check-in's to refuse.
    elab.lab.clock.set(END + timedelta(hours=1))
    assert elab.events.scan("hello") is None


def test_walk_ins_count_when_the_event_allows_them(elab: EventLab) -> None:
    event_id = elab.event(capacity=2, walkins=True)
    _, token = elab.ticket(event_id)
    elab.sync()
    with pytest.raises(UsageError):
        elab.events.walkin("Outi Ovelta", "VM", privacy_accepted=False)
    with pytest.raises(UsageError):
        elab.events.walkin("   ", None, privacy_accepted=True)
    outcome = elab.events.walkin("  Outi   Ovelta ", "VM", privacy_accepted=True)
    assert outcome.result is EventResult.WELCOME and outcome.name == "Outi Ovelta"
    assert outcome.event is not None and outcome.event.count == 1
    [row] = checkins(elab)
    assert (row.method, row.event_id, row.invitation_id) == ("walk-in", event_id, None)
    assert elab.events.scan(token) is not None  # the ticket makes it 2 / 2
    full = elab.events.walkin("Third Person", None, privacy_accepted=True)
    assert full.result is EventResult.FULL
    with elab.lab.lobby.session() as s:
        assert sorted(s.scalars(select(OutboxRow.entity)).all()) == [
            "checkins",
            "checkins",
            "visitors",
        ]


def test_walk_ins_are_refused_when_the_event_takes_none(elab: EventLab) -> None:
    elab.event(walkins=False)
    elab.sync()
    before = row_counts(elab.lab.lobby)
    outcome = elab.events.walkin("Outi Ovelta", None, privacy_accepted=True)
    assert outcome.result is EventResult.WALKINS_CLOSED
    assert row_counts(elab.lab.lobby) == before


def test_the_counter_includes_another_lobbys_entries_after_sync(
    elab: EventLab, tmp_path: Path
) -> None:
    event_id = elab.event()
    tickets = [elab.ticket(event_id, f"Guest {i}")[1] for i in range(3)]
    elab.sync()
    other = open_local_store(tmp_path / "lobby-2" / "kiosk.db")
    engine = SyncEngine(
        other,
        elab.lab.central_url,
        kiosk_id="lobby-2",
        role="lobby",
        room_id=None,
        clock=elab.lab.clock,
    )
    try:
        engine.cycle()
        second = EventCheckinService(other, elab.lab.clock, "lobby-2")
        for token in tickets[:2]:
            outcome = second.scan(token)
            assert outcome is not None and outcome.result is EventResult.WELCOME
        outcome = elab.events.scan(tickets[0])  # the same ticket at this lobby, before sync
        assert outcome is not None and outcome.result is EventResult.WELCOME
        engine.cycle()  # lobby-2 pushes
        elab.sync()  # lobby-1 pushes and pulls lobby-2's entries
        state = elab.events.state()
        assert state.event is not None and state.event.count == 2  # distinct tickets
        again = elab.events.scan(tickets[1])  # counted at lobby-2: welcome back here
        assert again is not None and again.result is EventResult.WELCOME_BACK
    finally:
        engine.close()
        other.dispose()


def test_the_event_state_follows_the_clock(elab: EventLab) -> None:
    event_id = elab.event(start=START + timedelta(hours=2), end=END)
    elab.sync()
    state = elab.events.state()
    assert state.event is None and state.next_change_at == START + timedelta(hours=2)
    elab.lab.clock.set(START + timedelta(hours=2))
    state = elab.events.state()
    assert state.event is not None and state.event.id == event_id
    assert state.next_change_at == END
    elab.lab.clock.set(END)
    state = elab.events.state()
    assert state.event is None and state.next_change_at is None
