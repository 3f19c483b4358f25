"""A central store with an event, its tickets and its event mode, and a lobby replica."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.events.checkin import EventCheckinService
from kiosk.events.manage import NewEvent, create_event, get_event
from kiosk.events.tickets import issue_ticket
from kiosk.lobby.invitations import revoke_invitation
from kiosk.rooms.modes import ModeSwitch, set_mode_central
from tests.lobby.visitor_helpers import Lab, make_lab
from tests.stores import NOON

#: The event of these tests: 11.00-15.00 in Helsinki on the test day (NOON is 12.00 there).
START, END = NOON - timedelta(hours=1), NOON + timedelta(hours=3)


@dataclass
class EventLab:
    lab: Lab
    events: EventCheckinService

    def event(
        self,
        title: str = "Lab-ilta",
        *,
        capacity: int | None = 200,
        walkins: bool = False,
        start: datetime = START,
        end: datetime = END,
        mode: bool = True,
    ) -> uuid.UUID:
        """An event (and, with ``mode``, the whole Lab in event mode for its window)."""
        with self.lab.central.engine.begin() as conn:
            new = NewEvent(title, start, end, None, capacity, None, walkins)
            event_id = create_event(conn, new, self.lab.clock.now())
            if mode:
                switch = ModeSwitch(None, "event", start, end, title, event_id)
                set_mode_central(conn, switch, set_by=None, now=self.lab.clock.now())
        return event_id

    def ticket(self, event_id: uuid.UUID, name: str | None = "Eeva Ek") -> tuple[uuid.UUID, str]:
        with self.lab.central.engine.begin() as conn:
            event = get_event(conn, event_id)
            ticket = issue_ticket(
                conn, event, name, None, key=self.lab.key, now=self.lab.clock.now()
            )
        return ticket.id, ticket.token

    def revoke(self, invitation_id: uuid.UUID) -> None:
        with self.lab.central.engine.begin() as conn:
            revoke_invitation(conn, str(invitation_id), self.lab.clock.now())

    def sync(self) -> None:
        self.lab.sync()


def make_event_lab(tmp_path: Path) -> EventLab:
    lab = make_lab(tmp_path)
    return EventLab(lab, EventCheckinService(lab.lobby, lab.clock, "lobby-1"))
