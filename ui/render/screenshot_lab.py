"""``kiosk screenshot --screen feedback | here-today | host-call``: the Lab's own lobby pages
(``--screen feedback --state typing``: with the comment's keyboard up).

With ``--demo`` the store holds the demo members who opted in to the board (and one who did
not), checked in during the morning, and today's hosts (kiosk/demo/lobby.py); the pages are
filled through the same services the running lobby uses.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from kiosk.base.clock import FixedClock
from kiosk.base.ids import new_id
from kiosk.config.settings import Config
from kiosk.lab.here_today import HereTodayService
from kiosk.lab.host_calls import CallState, HostCallService
from kiosk.store.engine import Store
from ui.lab.controller import load_hosts
from ui.lab.feedback import FeedbackAsk
from ui.lobby.screen import LobbyScreen

LAB_SCREENS = ("feedback", "here-today", "host-call")


def show_lab(
    lobby: LobbyScreen,
    store: Store,
    config: Config,
    at: datetime,
    screen: str,
    state: str | None = None,
) -> None:
    """``screen`` filled as the running lobby fills it; ``state`` "typing": the feedback
    comment tapped, its keyboard up."""
    clock = FixedClock(at)
    calls = HostCallService(store, clock, config.kiosk_id, config.tz, notify=False)
    lab = lobby.lab
    if screen == "feedback":
        lab.feedback.start(FeedbackAsk("home"))
        lobby.show_page(lab.feedback)
        if state == "typing":
            lab.feedback.comment.setFocus()
            lab.feedback.keyboard_room.ask()
    elif screen == "here-today":
        board = HereTodayService(store, clock, config.kiosk_id, config.tz)
        lab.here_today.set_entries(board.board())
        lab.here_today.set_hosts(load_hosts(calls, config.host_photos_dir))
        lobby.show_page(lab.here_today)
    elif screen == "host-call":
        hosts = load_hosts(calls, config.host_photos_dir)
        taker = hosts[0].name if hosts else "Mikko Korhonen"
        call = CallState(new_id(), config.kiosk_id, at - timedelta(minutes=2), taker, at)
        lab.host_call.set_state(call)
        lab.host_call.set_hosts(hosts)
        lobby.show_page(lab.host_call)
