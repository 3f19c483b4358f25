"""Draw one registered shot (ui/render/shots.py) from a store: the widget, in its state.

``kiosk screenshot`` and the layout test both come here, so what the test checks is what the
PNG shows. ``demo_store`` fills a fresh local store with the demo data a shot needs, synced
exactly as a kiosk receives it; ``build_shot`` builds the real screen and puts it in the state.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from kiosk.base.clock import FixedClock
from kiosk.base.errors import KioskError, NotFound
from kiosk.config.settings import Config, load_config
from kiosk.views.screens import DoorView, KioskStatus, TapOutcome, TapResult
from ui.render.shots import Shot

if TYPE_CHECKING:
    from kiosk.store.engine import Store
    from ui.common.screen import ScaledScreen
    from ui.door.screen import DoorScreen
    from ui.lobby.screen import LobbyScreen

#: The screens that need the demo's visitors checked in (``invite_demo_visitors``).
_WITH_VISITORS = ("evacuation", "checkout")
_WITH_BOARD = ("here-today", "host-call")
#: Door shots drawn on another state's demo data.
_DOOR_DATA = {"badge-prompt": "busy"}


def offline_status(now: datetime) -> KioskStatus:
    """The status strip a screenshot shows offline: 28 minutes without the sync service."""
    return KioskStatus(online=False, offline_since=now - timedelta(minutes=28), outbox_depth=2)


def door_widget(view: DoorView, tz: ZoneInfo, *, offline: bool) -> DoorScreen:
    from ui.door.screen import DoorScreen

    door = DoorScreen(tz)
    door.show_view(view)
    door.set_status(offline_status(view.now) if offline else KioskStatus())
    return door


def demo_store(
    base: Path, at: datetime, shot: Shot, room: str | None
) -> tuple[Config, Store, datetime]:
    """Fresh demo data under ``base`` for ``shot``; returns the config, its store and the
    moment to show (a door state picks its own time on ``at``'s day)."""
    from kiosk.demo.data import TIMEZONE, create_demo
    from kiosk.store.engine import open_local_store
    from kiosk.sync.engine import SyncEngine

    demo = create_demo(base, at)
    if shot.screen == "event":
        from kiosk.demo.lobby import prepare_demo_event

        prepare_demo_event(demo.central_url, at)
    if shot.screen == "door" and shot.state and shot.state != "waiting":
        from kiosk.demo.door import prepare_door_state

        tz = ZoneInfo(TIMEZONE)
        day = at.astimezone(tz).date()
        state = _DOOR_DATA.get(shot.state, shot.state)
        at = prepare_door_state(demo.central_url, room or "aurora", state, day, tz)
    if shot.screen == "door":
        path = demo.write_config("door-shot", "door", room=room or "aurora")
    else:
        path = demo.write_config("lobby-shot", "lobby")
    tokens: list[str] = []
    if shot.screen in _WITH_VISITORS:
        from kiosk.demo.lobby import invite_demo_visitors

        tokens = invite_demo_visitors(demo.central_url, base, at)
    if shot.screen in _WITH_BOARD:
        from kiosk.demo.lobby import prepare_here_today

        prepare_here_today(demo.central_url, demo.site_key_file, at, ZoneInfo(TIMEZONE))
    config = load_config(path)
    store = open_local_store(config.local_store_path)
    engine = SyncEngine.for_kiosk(config, store, FixedClock(at))
    try:
        engine.cycle()
    finally:
        engine.close()
    if shot.screen in _WITH_BOARD:
        from kiosk.demo.lobby import check_in_board_people

        check_in_board_people(store, config.site_key_file, config.kiosk_id, at)
    if shot.screen in _WITH_VISITORS:
        from kiosk.demo.lobby import check_in_demo_people

        check_in_demo_people(store, config.site_key_file, config.kiosk_id, tokens, at)
    return config, store, at


def build_shot(
    shot: Shot,
    store: Store,
    config: Config,
    room: str,
    at: datetime,
    *,
    offline: bool = False,
    ppi: float | None = None,
) -> ScaledScreen:
    """The screen for ``shot``, drawn from ``store`` as of ``at`` (not shown yet); touch
    targets sized for a panel of ``ppi`` (None: the display's own)."""
    offline = offline or shot == Shot("door", "offline")
    if shot == Shot("door", "waiting"):  # before the first sync brought the room in
        from ui.door.screen import DoorScreen

        waiting = DoorScreen(config.tz)
        waiting.show_waiting(room, at)
        waiting.set_status(offline_status(at) if offline else KioskStatus())
        waiting.set_ppi(ppi)
        return waiting
    if shot.screen == "door":
        from kiosk.rooms.door_view import door_view

        with store.engine.connect() as conn:
            view = door_view(conn, room, at, config.tz)
        if view is None:
            raise no_room(store, room)
        door = door_widget(view, config.tz, offline=offline)
        door.set_ppi(ppi)
        if shot.state == "badge-prompt":
            from kiosk.rooms.door_offers import door_offers
            from ui.door.action_text import prompt_text

            door.show_prompt(prompt_text(door_offers(view)[0], config.tz))
        return door

    from ui.lobby.screen import LobbyScreen

    lobby = LobbyScreen(config.tz)
    lobby.set_ppi(ppi)  # before the host overlay, which sizes itself from the screen
    lobby.set_now(at)
    lobby.set_status(offline_status(at) if offline else KioskStatus())
    if shot.screen == "event":
        _show_event(lobby, store, at, shot.state)
    elif shot.screen in ("host-pin", "host-panel"):
        from ui.render.screenshot_host import show_host

        show_host(lobby, store, config.tz, at, shot.screen, shot.state)
    elif shot.screen in ("feedback", "here-today", "host-call"):
        from ui.render.screenshot_lab import show_lab

        show_lab(lobby, store, config, at, shot.screen, shot.state)
    else:
        _show_lobby_page(lobby, shot, store, at)
    return lobby


def _show_lobby_page(lobby: LobbyScreen, shot: Shot, store: Store, at: datetime) -> None:
    from sqlalchemy import select

    from kiosk.store.models import Person

    if shot == Shot("welcome"):
        with store.engine.connect() as conn:
            name = conn.execute(select(Person.name).order_by(Person.name).limit(1)).scalar()
        lobby.show_outcome(TapOutcome(TapResult.CHECKED_IN, at, name=name or "Aino Virtanen"))
    elif shot == Shot("welcome", "refused"):
        lobby.show_outcome(TapOutcome(TapResult.UNKNOWN_BADGE, at))
    elif shot.state in ("member", "goodbye"):
        result = TapResult.CHECKED_IN if shot.state == "member" else TapResult.CHECKED_OUT
        lobby.show_outcome(TapOutcome(result, at, name="Aino Virtanen", role="member"))
        lobby.lab.show_extras(toggle=shot.state == "member", faces=shot.state == "goodbye")
    elif shot == Shot("welcome", "invitation-expired"):
        from kiosk.views.screens import ScanOutcome, ScanResult

        lobby.show_outcome(ScanOutcome(ScanResult.EXPIRED, at, valid_to=at - timedelta(days=1)))
    elif shot.screen == "walkin":
        from kiosk.lobby.walkin import WalkinService

        lobby.show_walkin()
        lobby.walkin.name.setText("Sofia Laine")
        lobby.walkin.organisation.setText("Kela")
        lobby.walkin.host_search.setText("mik")
        walkins = WalkinService(store, FixedClock(at), "screenshot")
        lobby.walkin.set_host_choices(walkins.search_hosts("mik"))
        lobby.walkin.host_search.setFocus()
        if shot.state == "typing":  # as a tap on the host search does
            lobby.walkin.keyboard.target = lobby.walkin.host_search
            lobby.walkin.keyboard_room.ask()
        if shot.state == "still-there":
            lobby.walkin.warn_idle()
    elif shot.screen == "checkout":
        from kiosk.lobby.checkout import CheckoutService

        lobby.show_checkout(CheckoutService(store, FixedClock(at), "screenshot").inside())
    elif shot.screen == "evacuation":
        from kiosk.lobby.presence import who_is_in_store

        lobby.show_evacuation(who_is_in_store(store), at)


def _show_event(lobby: LobbyScreen, store: Store, at: datetime, state: str | None) -> None:
    """The lobby in event mode, from the synced demo event; ``state``: an answer on top."""
    from kiosk.events.checkin import EventOutcome, EventResult
    from kiosk.events.state import lobby_event_state

    with store.engine.connect() as conn:
        event = lobby_event_state(conn, at).event
    if event is None:
        raise NotFound("no event on at that moment in this store")
    lobby.set_event(event)
    if state == "welcome":
        lobby.show_outcome(EventOutcome(EventResult.WELCOME, at, "Sofia Laine", event=event))
    elif state == "welcome-back":
        first = at - timedelta(minutes=47)
        lobby.show_outcome(EventOutcome(EventResult.WELCOME_BACK, at, since=first, event=event))
    elif state == "full":
        full = replace(event, count=event.capacity or event.count)
        lobby.set_event(full)
        lobby.show_outcome(EventOutcome(EventResult.FULL, at, event=full))
    elif state in ("walkin", "walkin-typing"):
        lobby.show_event_walkin()
        lobby.event_walkin.name.setText("Sofia Laine")
        lobby.event_walkin.organisation.setText("Kela")
        if state == "walkin-typing":
            lobby.event_walkin.keyboard_room.ask()  # as a tap on a field does


def no_room(store: Store, room: str) -> KioskError:
    """The same words as ``kiosk run`` for a door whose room does not exist (or not yet)."""
    from sqlalchemy import select

    from kiosk.rooms.door_room import missing_room_message
    from kiosk.store.models import Room, SyncState
    from kiosk.sync.state import FIRST_SYNC_DONE

    with store.session() as s:
        rooms = tuple(sorted(s.scalars(select(Room.id))))
        done = s.get(SyncState, FIRST_SYNC_DONE)
    if done is None or done.value != "1":
        return NotFound(
            f"room {room!r} is not in this kiosk's local store, which has not synced yet: "
            "run `kiosk sync --config FILE` first"
        )
    return NotFound(missing_room_message(room, rooms))
