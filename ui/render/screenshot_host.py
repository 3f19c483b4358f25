"""`kiosk screenshot --screen host-pin|host-panel`: the PIN pad and the panel over the lobby
(``--state title``: the panel's page for typing an event's title, with the keyboard;
``--state calls``: visitors' open calls for a host)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.base.clock import FixedClock
from kiosk.base.ids import new_id
from kiosk.lab.host_calls import lobby_numbers
from kiosk.rooms.host_modes import HostModes
from kiosk.store.engine import Store
from kiosk.store.models import Person
from kiosk.views.lobby import CallState
from ui.host.calls_page import OpenCallsPanel
from ui.host.overlay import HostOverlay
from ui.lobby.screen import LobbyScreen

HOST_SCREENS = ("host-pin", "host-panel")
LOBBIES = ("lobby-1", "lobby-2")


def show_host(
    lobby: LobbyScreen,
    store: Store,
    tz: ZoneInfo,
    at: datetime,
    screen: str,
    state: str | None = None,
) -> None:
    """Lay the overlay over ``lobby`` as a host who just tapped (PIN) or signed in (panel)."""
    with store.engine.connect() as conn:
        name = conn.execute(
            select(Person.name).where(Person.role == "host").order_by(Person.name).limit(1)
        ).scalar()
    overlay = HostOverlay(lobby, tz, lobby=True)
    host = name or "Mikko Korhonen"
    if screen == "host-pin":
        overlay.pin_pad.start(host)
        for digit in "4829":
            overlay.pin_pad.type_digit(digit)
        overlay.show_page(overlay.pin_pad)
        return
    modes = HostModes(store, FixedClock(at), "screenshot", tz)
    overlay.panel.start(host)
    overlay.panel.set_rooms(modes.rooms(), at)
    overlay.panel.rooms.whole_lab.setChecked(True)
    overlay.panel.set_title("Avoin Lab -ilta")
    overlay.show_page(overlay.panel)
    if state == "title":
        overlay.panel.title_button.click()  # as the host's tap on "Title: …" opens it
    elif state == "calls":  # two visitors waiting at lobbies, opened from "Host calls (2)"
        calls = OpenCallsPanel(tz)
        ago = (timedelta(minutes=4), timedelta(minutes=1))
        waiting = [(kiosk, at - t) for kiosk, t in zip(LOBBIES, ago, strict=True)]
        number = lobby_numbers(waiting)  # made up, not stored: --config names a real store
        calls.set_calls([CallState(new_id(), k, t, lobby_number=number[k]) for k, t in waiting])
        overlay.panel.set_calls_page(calls)
        overlay.panel.set_call_count(2)
        overlay.panel.calls_button.click()
