"""Render every screen state to PNG files, to look at them as a visitor would.

    QT_QPA_PLATFORM=offscreen /work/venv/bin/python -m tools.render_screens [OUT_DIR]
        [--stretch N] [--lang fi sv en] [--size 1280x800 800x480]

Files are named ``{screen}-{state}-{lang}-{W}x{H}.png``. ``--stretch 2`` renders with every word
doubled (see ``ui.common.i18n.StretchTranslator``) to check layouts against long Finnish compounds.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from tools.sample_views import NOW, door_views, scan_outcomes, statuses, tap_outcomes

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

TZ = ZoneInfo("Europe/Helsinki")


def _save(widget: QWidget, app: QApplication, path: Path) -> None:
    # A font that shrinks to fit asks for a new layout, which may move another label: let the
    # posted layout requests settle before taking the picture.
    for _ in range(4):
        app.processEvents()
    widget.grab().save(str(path))


def render(
    out: Path, languages: Sequence[str], sizes: Sequence[tuple[int, int]], stretch: int
) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.common.i18n import LanguageManager
    from ui.door.screen import DoorScreen
    from ui.lobby.screen import LobbyScreen

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    manager = LanguageManager(app, stretch=stretch)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    suffix = f"-x{stretch}" if stretch > 1 else ""
    for lang in languages:
        manager.set_language(lang)
        for width, height in sizes:
            tag = f"{lang}-{width}x{height}{suffix}"
            lobby = LobbyScreen(TZ)
            lobby.resize(width, height)
            lobby.set_now(NOW)
            lobby.show()
            for name, status in (
                ("home", statuses()["ok"]),
                ("home-offline", statuses()["offline"]),
            ):
                lobby.set_status(status)
                path = out / f"lobby-{name}-{tag}.png"
                _save(lobby, app, path)
                written.append(path)
            lobby.set_status(statuses()["ok"])
            for name, outcome in tap_outcomes().items():
                lobby.show_outcome(outcome)
                path = out / f"lobby-{name}-{tag}.png"
                _save(lobby, app, path)
                written.append(path)
            for name, scan in scan_outcomes().items():
                lobby.show_outcome(scan)
                path = out / f"lobby-qr-{name}-{tag}.png"
                _save(lobby, app, path)
                written.append(path)
            lobby.close()

            door = DoorScreen(TZ)
            door.resize(width, height)
            door.show()
            for name, view in door_views().items():
                door.show_view(view)
                door.set_status(statuses()["ok"])
                path = out / f"door-{name}-{tag}.png"
                _save(door, app, path)
                written.append(path)
            for name, status in statuses().items():
                if name == "ok":
                    continue
                door.show_view(door_views()["busy"])
                door.set_status(status)
                path = out / f"door-status-{name}-{tag}.png"
                _save(door, app, path)
                written.append(path)
            door.close()
    manager.shutdown()
    return written


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="/tmp/kiosk-screens", type=Path)
    parser.add_argument("--lang", nargs="+", default=["fi", "sv", "en"])
    parser.add_argument("--size", nargs="+", default=[(1280, 800), (800, 480)], type=_size)
    parser.add_argument("--stretch", type=int, default=1)
    args = parser.parse_args(argv)
    written = render(args.out, args.lang, args.size, args.stretch)
    print(f"wrote {len(written)} screenshots to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
