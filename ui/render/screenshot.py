"""``kiosk screenshot``: render one screen, with real data from a store, to a PNG file.

With ``--demo`` the data is fresh demo data, synced into a local store exactly as a kiosk would
receive it; with ``--config`` it is that kiosk's own local store. Rendering is always offscreen.

A door from its own store is drawn the way a door's first frame is: the view read with sqlite3
alone (``kiosk.rooms.door_snapshot``), so the PNG is written before SQLAlchemy would have loaded. A
store that cannot be read that way (not migrated yet, say) takes the full path, which says why.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QWidget

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.base.errors import KioskError, NotFound, UsageError
from kiosk.base.timeutil import parse_when
from kiosk.config.schema import SCHEMA
from kiosk.config.settings import Config, load_config
from kiosk.views.screens import DoorView, KioskStatus, TapOutcome, TapResult
from ui.runtime.application import qt_app

if TYPE_CHECKING:
    from kiosk.store.engine import Store


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size: expected WIDTHxHEIGHT like 1280x800, not {text!r}") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise UsageError("--size: width and height must be between 200 and 8000 pixels")
    return w, h


def cmd_screenshot(args: argparse.Namespace) -> int:
    if args.screen.startswith("console-") and not args.demo:
        raise UsageError("--screen console-*: only with --demo (the console is no kiosk's)")
    width, height = parse_size(args.size)
    # --at as every command reads a moment: the site's zone unless it carries an offset.
    site_zone = ZoneInfo(SCHEMA["kiosk"]["timezone"].default)
    zone = load_config(args.config).tz if args.config else site_zone
    at = parse_when(args.at, zone, end=False, what="--at") if args.at else SystemClock().now()
    out = Path(args.out)
    if out.suffix.lower() != ".png":
        raise UsageError("--out: the file name must end in .png")
    if not out.parent.exists():
        raise UsageError(f"--out: folder {out.parent} does not exist")

    if args.screen.startswith("console-"):
        from ui.render.screenshot_console import console_screenshot

        console_screenshot(args.screen, args.lang or "fi", at, (width, height), out)
        print(out)
        return 0
    state = getattr(args, "state", None)
    if state in EVENT_STATES and (args.screen != "event" or not args.demo):
        raise UsageError(f"--state {state}: only with --screen event --demo")
    if state and state not in EVENT_STATES and (args.screen != "door" or not args.demo):
        raise UsageError("--state: only with --screen door --demo")
    own = None if args.demo else load_config(args.config)
    if own is not None and args.screen == "door":
        view = _stored_door_view(own, args.room, at)
        if view is not None:
            _language(args.lang or own.language)
            _save(_door(view, own.tz, offline=False), width, height, out)
            print(out)
            return 0
    from kiosk.store.engine import open_local_store

    with tempfile.TemporaryDirectory(prefix="kiosk-shot-") as tmp:
        if own is None:
            config, store, at = _demo_store(Path(tmp), at, args.screen, args.room, state)
        else:
            config, store = own, open_local_store(own.local_store_path)
        try:
            room = args.room or config.room or "aurora"
            _language(args.lang or config.language)
            widget = _build(args.screen, store, config.tz, room, at, offline=state == "offline")
            if args.screen == "event":
                _show_event(widget, store, at, state)
            if args.screen in ("host-pin", "host-panel"):
                from ui.lobby.screen import LobbyScreen
                from ui.render.screenshot_host import show_host

                assert isinstance(widget, LobbyScreen)
                show_host(widget, store, config.tz, at, args.screen)
            if args.screen in ("feedback", "here-today", "host-call"):
                from ui.lobby.screen import LobbyScreen
                from ui.render.screenshot_lab import show_lab

                assert isinstance(widget, LobbyScreen)
                show_lab(widget, store, config, at, args.screen)
            _save(widget, width, height, out)
        finally:
            store.dispose()
    print(out)
    return 0


def _language(code: str) -> None:
    """The screens' language, for as long as the application lives (the manager, and with it
    its translators, belongs to the application)."""
    from ui.common.i18n import LanguageManager

    app = qt_app(offscreen=True)
    LanguageManager(app, parent=app).set_language(code)


def _save(widget: QWidget, width: int, height: int, out: Path) -> None:
    app = qt_app(offscreen=True)
    try:
        widget.resize(width, height)
        widget.show()
        for _ in range(4):  # labels that shrink to fit ask for another layout pass
            app.processEvents()
        if not widget.grab().save(str(out), "PNG"):
            raise KioskError(f"could not write {out}")
    finally:
        widget.close()
        widget.deleteLater()
        app.processEvents()


def _stored_door_view(config: Config, room: str | None, at: datetime) -> DoorView | None:
    from kiosk.rooms.door_snapshot import read_door_view

    return read_door_view(config.local_store_path, room or config.room or "aurora", at, config.tz)


def _door(view: DoorView, tz: ZoneInfo, *, offline: bool) -> QWidget:
    from ui.door.screen import DoorScreen

    door = DoorScreen(tz)
    door.show_view(view)
    status = KioskStatus()
    if offline:
        status = KioskStatus(
            online=False, offline_since=view.now - timedelta(minutes=28), outbox_depth=2
        )
    door.set_status(status)
    return door


def _demo_store(
    base: Path, at: datetime, screen: str, room: str | None, state: str | None
) -> tuple[Config, Store, datetime]:
    from kiosk.demo.data import TIMEZONE, create_demo
    from kiosk.store.engine import open_local_store
    from kiosk.sync.engine import SyncEngine

    demo = create_demo(base, at)
    if screen == "event":
        from kiosk.demo.lobby import prepare_demo_event

        prepare_demo_event(demo.central_url, at)
        state = None  # the event's states are answers drawn on the lobby, not demo data
    if state:
        from kiosk.demo.door import prepare_door_state

        tz = ZoneInfo(TIMEZONE)
        at = prepare_door_state(
            demo.central_url, room or "aurora", state, at.astimezone(tz).date(), tz
        )
    if screen == "door":
        path = demo.write_config("door-shot", "door", room=room or "aurora")
    else:
        path = demo.write_config("lobby-shot", "lobby")
    tokens: list[str] = []
    if screen == "evacuation":
        from kiosk.demo.lobby import invite_demo_visitors

        tokens = invite_demo_visitors(demo.central_url, base, at)
    if screen in ("here-today", "host-call"):
        from kiosk.demo.lobby import prepare_here_today

        prepare_here_today(demo.central_url, demo.site_key_file, at, ZoneInfo(TIMEZONE))
    config = load_config(path)
    store = open_local_store(config.local_store_path)
    engine = SyncEngine.for_kiosk(config, store, FixedClock(at))
    try:
        engine.cycle()
    finally:
        engine.close()
    if screen in ("here-today", "host-call"):
        from kiosk.demo.lobby import check_in_board_people

        check_in_board_people(store, config.site_key_file, config.kiosk_id, at)
    if screen == "evacuation":
        from kiosk.demo.lobby import check_in_demo_people

        check_in_demo_people(store, config.site_key_file, config.kiosk_id, tokens, at)
    return config, store, at


def _no_room(store: Store, room: str) -> KioskError:
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


EVENT_STATES = ("welcome", "welcome-back", "full")


def _show_event(widget: QWidget, store: Store, at: datetime, state: str | None) -> None:
    """The lobby in event mode, from the synced demo event; ``state``: an answer on top."""
    from dataclasses import replace

    from kiosk.events.checkin import EventOutcome, EventResult
    from kiosk.events.state import lobby_event_state
    from ui.lobby.screen import LobbyScreen

    assert isinstance(widget, LobbyScreen)
    with store.engine.connect() as conn:
        event = lobby_event_state(conn, at).event
    if event is None:
        raise NotFound("no event on at that moment in this store")
    widget.set_event(event)
    if state == "welcome":
        widget.show_outcome(EventOutcome(EventResult.WELCOME, at, "Sofia Laine", event=event))
    elif state == "welcome-back":
        first = at - timedelta(minutes=47)
        widget.show_outcome(EventOutcome(EventResult.WELCOME_BACK, at, since=first, event=event))
    elif state == "full":
        full = replace(event, count=event.capacity or event.count)
        widget.set_event(full)
        widget.show_outcome(EventOutcome(EventResult.FULL, at, event=full))


def _build(
    screen: str, store: Store, tz: ZoneInfo, room: str, at: datetime, *, offline: bool = False
) -> QWidget:
    from sqlalchemy import select

    if screen == "door":
        from kiosk.rooms.door_view import door_view

        with store.engine.connect() as conn:
            view = door_view(conn, room, at, tz)
        if view is None:
            raise _no_room(store, room)
        return _door(view, tz, offline=offline)

    from kiosk.store.models import Person
    from ui.lobby.screen import LobbyScreen

    lobby = LobbyScreen(tz)
    lobby.set_now(at)
    lobby.set_status(KioskStatus())
    if screen == "welcome":
        with store.engine.connect() as conn:
            name = conn.execute(select(Person.name).order_by(Person.name).limit(1)).scalar()
        lobby.show_outcome(TapOutcome(TapResult.CHECKED_IN, at, name=name or "Aino Virtanen"))
    elif screen == "walkin":
        from kiosk.base.clock import FixedClock as _Fixed
        from kiosk.lobby.walkin import WalkinService

        lobby.show_walkin()
        lobby.walkin.name.setText("Sofia Laine")
        lobby.walkin.organisation.setText("Kela")
        lobby.walkin.host_search.setText("mik")
        walkins = WalkinService(store, _Fixed(at), "screenshot")
        lobby.walkin.set_host_choices(walkins.search_hosts("mik"))
        lobby.walkin.host_search.setFocus()
    elif screen == "evacuation":
        from kiosk.lobby.presence import who_is_in_store

        lobby.show_evacuation(who_is_in_store(store), at)
    return lobby
