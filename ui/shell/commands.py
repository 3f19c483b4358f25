"""``kiosk run``, ``kiosk demo`` and ``kiosk screenshot``: the commands that open screens.

This module only parses arguments and must not import Qt at module level: it is loaded for
every ``kiosk`` command, and the admin commands must stay quick and Qt-free. The handlers import
the Qt side when they run.
"""

from __future__ import annotations

import argparse
import gc
from pathlib import Path
from typing import Any

# Every screen and state ``kiosk screenshot`` draws, which the layout test checks (no Qt in it).
from ui.render.shots import SCREENS, STATES


def _run(args: argparse.Namespace) -> int:
    if not _screen_can_start(offscreen=False):
        return 2
    _qt_first()
    from ui.shell.launch import cmd_run

    return cmd_run(args)


#: A try-out needs no screen: said when ``kiosk demo`` finds none.
DEMO_HINT = (
    "no screen here? try it without one: kiosk demo --offscreen (or QT_QPA_PLATFORM=offscreen); "
    "kiosk screenshot --demo --screen lobby --out lobby.png saves what it would show"
)


def _demo(args: argparse.Namespace) -> int:
    if not _screen_can_start(offscreen=args.offscreen, hint=None if args.offscreen else DEMO_HINT):
        return 2
    _qt_first()
    from ui.shell.launch import cmd_demo

    return cmd_demo(args)


def _screenshot(args: argparse.Namespace) -> int:
    _qt_first()
    from ui.render.screenshot import cmd_screenshot

    return cmd_screenshot(args)


def _screen_can_start(*, offscreen: bool, hint: str | None = None) -> bool:
    """Qt's platform plugin checked before any QApplication: exit 2, not a Qt abort."""
    from ui.shell.platform_gate import screen_can_start

    return screen_can_start(offscreen=offscreen, hint=hint)


def _qt_first() -> None:
    """Qt before the rest, with PySide6's per-import source scan turned off (see the module)."""
    from ui.shell.pyside_imports import skip_source_scan

    skip_source_scan()


def _report_pdf(report: Any, lang: str, path: Path) -> int:
    from ui.render.report_pdf import write_report_pdf

    return write_report_pdf(report, lang, path)


def _console_app(session: Any) -> int:
    """``kiosk console``'s window on the session the Qt-free command opened."""
    if not _screen_can_start(offscreen=False):
        return 2
    _qt_first()
    from ui.console.main import run_session

    return run_session(session)


# What the core's handlers find on their arguments when run as the installed ``kiosk``:
# ``kiosk admin report --out F.pdf`` draws its PDF with Qt (see kiosk/cli/report.py), and
# ``kiosk console`` opens its window (kiosk/cli/console.py).
GUI_DEFAULTS: dict[str, Any] = {"report_pdf_writer": _report_pdf, "console_app": _console_app}


def _run_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE")
    p.add_argument(
        "--exit-after", type=float, metavar="SECONDS", help="quit after this many seconds (tests)"
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    p.set_defaults(func=_run)


def run_command(argv: list[str]) -> int:
    """``kiosk run`` on its short path (ui/shell/main.py): the same options, only this command.

    No garbage collection while the kiosk starts: imports and the first screen allocate hundreds
    of thousands of objects and none of it is garbage yet. Once it is up, ``kiosk run`` collects,
    freezes what start-up built and turns collection back on (ui/shell/launch.py); ~4 ms of the
    door's
    start (docs/performance.md).
    """
    from kiosk.cli.main import dispatch

    gc.disable()
    try:
        parser = argparse.ArgumentParser(prog="kiosk run", description=RUN_HELP)
        _run_arguments(parser)
        return dispatch(parser.parse_args(argv))
    finally:
        gc.enable()


RUN_HELP = "run the kiosk described by the config file"


SCREENSHOT_HELP = "render one screen to a PNG file"


def _screenshot_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--screen", required=True, choices=SCREENS, help="which screen to draw")
    p.add_argument("--room", help="room for --screen door (default: the config's, or aurora)")
    p.add_argument("--lang", choices=("fi", "sv", "en"), help="language (default: Finnish)")
    p.add_argument("--size", default="1280x800", metavar="WxH", help="size in pixels (1280x800)")
    p.add_argument("--at", metavar="ISO_DATETIME", help="the moment to show (default: now)")
    p.add_argument(
        "--ppi",
        metavar="N",
        help='touch targets as on a panel of N pixels per inch, e.g. 149 (a 10.1" 1280x800 '
        "tablet) or 133 (a 7\" 800x480 door); default: the config's kiosk.screen_ppi, else 96",
    )
    p.add_argument(
        "--offline",
        action="store_true",
        help="show the offline strip (lobby screens and the door), as when sync is down",
    )
    p.add_argument(
        "--state",
        choices=STATES,
        help="a state of --screen (ui/render/shots.py): a door's (with --demo, on --at's day), "
        "an event's answer or walk-in, welcome refused, walkin still-there",
    )
    p.add_argument("--out", required=True, metavar="FILE.png", help="the PNG file to write")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--demo", action="store_true", help="use fresh demo data")
    src.add_argument("--config", metavar="FILE", help="use this kiosk's local store")
    p.set_defaults(func=_screenshot)


def screenshot_command(argv: list[str]) -> int:
    """``kiosk screenshot`` on its short path: a door's PNG needs neither the admin commands
    nor SQLAlchemy (see ui/render/screenshot.py)."""
    from kiosk.cli.main import dispatch

    parser = argparse.ArgumentParser(prog="kiosk screenshot", description=SCREENSHOT_HELP)
    _screenshot_arguments(parser)
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    return dispatch(parser.parse_args(argv))


#: Commands that skip the full parser (whose admin commands import SQLAlchemy): ui/shell/main.py.
SHORT_PATHS = {"run": run_command, "screenshot": screenshot_command}


def add_parsers(sub: Any) -> None:
    _run_arguments(sub.add_parser("run", help=RUN_HELP))

    p = sub.add_parser("demo", help="a lobby and a door screen with demo data, no hardware")
    p.add_argument("--offscreen", action="store_true", help="render without a display")
    p.add_argument(
        "--exit-after", type=float, metavar="SECONDS", help="quit after this many seconds"
    )
    p.add_argument(
        "--console",
        action="store_true",
        help="also open the staff console (signed in as the demo's host) beside the screens",
    )
    p.set_defaults(func=_demo)

    _screenshot_arguments(sub.add_parser("screenshot", help=SCREENSHOT_HELP))

    from ui.camera.cli import add_parser as add_cameras  # no Qt at import: cheap

    add_cameras(sub)
