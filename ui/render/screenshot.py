"""``kiosk screenshot``: render one screen, with real data from a store, to a PNG file.

With ``--demo`` the data is fresh demo data, synced into a local store exactly as a kiosk would
receive it; with ``--config`` it is that kiosk's own local store. Rendering is always offscreen.
``--ppi N`` sizes touch targets as on a panel of N ppi (default: the config's
``kiosk.screen_ppi``); ``--offline`` shows the offline strip, as when sync is down.

A door from its own store is drawn the way a door's first frame is: the view read with sqlite3
alone (``kiosk.rooms.door_snapshot``), so the PNG is written before SQLAlchemy would have loaded. A
store that cannot be read that way (not migrated yet, say) takes the full path, which says why.
Which screens and states there are, and how each is drawn: ui/render/shots.py, shot_build.py.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QWidget

from kiosk.base.clock import SystemClock
from kiosk.base.errors import KioskError, UsageError
from kiosk.base.timeutil import parse_when
from kiosk.config.schema import SCHEMA
from kiosk.config.settings import Config, load_config
from kiosk.views.screens import DoorView
from ui.render.shot_build import build_shot, demo_store, door_widget
from ui.render.shots import find_shot, states_of
from ui.runtime.application import qt_app


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size: expected WIDTHxHEIGHT like 1280x800, not {text!r}") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise UsageError("--size: width and height must be between 200 and 8000 pixels")
    return w, h


def parse_ppi(text: str | None) -> float | None:
    """``--ppi``: the panel's pixels per inch, checked as ``kiosk.screen_ppi`` is."""
    if text is None:
        return None
    try:
        ppi = float(text)
    except ValueError:
        raise UsageError(f"--ppi: expected pixels per inch like 149, not {text!r}") from None
    problem = SCHEMA["kiosk"]["screen_ppi"].check
    message = problem(ppi) if problem is not None else None
    if message:
        raise UsageError(f"--ppi: {message}")
    return ppi


def cmd_screenshot(args: argparse.Namespace) -> int:
    if args.screen.startswith("console-") and not args.demo:
        raise UsageError("--screen console-*: only with --demo (the console is no kiosk's)")
    width, height = parse_size(args.size)
    ppi = parse_ppi(getattr(args, "ppi", None))
    offline = bool(getattr(args, "offline", False))
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
    shot = find_shot(args.screen, state)
    if shot is None:
        states = ", ".join(states_of(args.screen)) or "none"
        raise UsageError(f"--state {state}: not a state of --screen {args.screen} ({states})")
    if args.screen == "door" and state and not args.demo:
        raise UsageError("--state: a door's state only with --screen door --demo")
    own = None if args.demo else load_config(args.config)
    if ppi is None and own is not None:
        ppi = own.screen_ppi
    if own is not None and args.screen == "door":
        view = _stored_door_view(own, args.room, at)
        if view is not None:
            _language(args.lang or own.language)
            door = door_widget(view, own.tz, offline=offline)
            door.set_ppi(ppi)
            _save(door, width, height, out)
            print(out)
            return 0
    from kiosk.store.engine import open_local_store

    with tempfile.TemporaryDirectory(prefix="kiosk-shot-") as tmp:
        if own is None:
            config, store, at = demo_store(Path(tmp), at, shot, args.room)
        else:
            config, store = own, open_local_store(own.local_store_path)
        try:
            room = args.room or config.room or "aurora"
            _language(args.lang or config.language)
            widget = build_shot(shot, store, config, room, at, offline=offline, ppi=ppi)
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
