"""A door's first frame: the room's real state from its local store, before SQLAlchemy loads.

``Kiosk.first_screen`` reads the door's view with sqlite3 alone (``kiosk.rooms.door_snapshot``); the
launcher paints it and tells systemd READY=1, and only then ``attach`` imports SQLAlchemy and
opens the store. Without a synced store the door says "one moment" instead of guessing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from kiosk.base.clock import FixedClock
from kiosk.config.settings import load_config
from kiosk.demo.data import create_demo
from kiosk.store.engine import open_local_store
from kiosk.sync.engine import SyncEngine
from kiosk.views.screens import RoomState
from tests.e2e.conftest import kiosk_env
from ui.common.screen import ScaledScreen
from ui.door.screen import DoorScreen
from ui.shell.app import Kiosk

TZ = ZoneInfo("Europe/Helsinki")
BUSY_AT = datetime(2026, 11, 26, 14, 25, tzinfo=TZ)  # the demo books Aurora then (kiosk.demo.door)


def _synced_door(tmp_path: Path) -> Path:
    demo = create_demo(tmp_path, BUSY_AT)
    path = demo.write_config("door-aurora", "door", room="aurora")
    config = load_config(path)
    store = open_local_store(config.local_store_path)
    engine = SyncEngine.for_kiosk(config, store, FixedClock(BUSY_AT))
    try:
        engine.cycle()
    finally:
        engine.close()
        store.dispose()
    return path


def python(*args: str) -> subprocess.CompletedProcess[str]:
    """This interpreter in a fresh process (a first frame is about what a fresh one imports)."""
    done = subprocess.run(
        [sys.executable, *args],
        env=kiosk_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


FIRST_SCREEN = """
import json, sys
from datetime import datetime
from PySide6.QtWidgets import QApplication
from kiosk.base.clock import FixedClock
from kiosk.config.settings import load_config
from ui.shell.app import Kiosk

app = QApplication([])
kiosk = Kiosk(load_config(sys.argv[1]), FixedClock(datetime.fromisoformat(sys.argv[2])))
screen = kiosk.first_screen()
view = screen.view
print(json.dumps({
    "state": view.state if view else None,
    "room": view.room_name if view else None,
    "bookings": len(view.day) if view else 0,
    "first_sync": kiosk.status.current.syncing_first_time,
    "loaded": sorted(m for m in ("sqlalchemy", "alembic", "psycopg") if m in sys.modules),
}))
"""


def test_a_restarting_door_shows_its_room_in_the_first_frame_without_sqlalchemy(
    tmp_path: Path,
) -> None:
    config = _synced_door(tmp_path)
    done = python("-c", FIRST_SCREEN, str(config), BUSY_AT.isoformat())
    seen = json.loads(done.stdout)
    assert seen["loaded"] == []  # the first frame is drawn before any of them is imported
    assert seen["room"] == "Aurora"
    assert seen["state"] == RoomState.BUSY
    assert seen["bookings"] > 1
    assert seen["first_sync"] is False  # a restart, not a first sync: no "syncing" strip


def test_the_first_view_is_the_view_attach_then_keeps(tmp_path: Path, qtbot: QtBot) -> None:
    config = load_config(_synced_door(tmp_path))
    kiosk = Kiosk(config, FixedClock(BUSY_AT))
    try:
        screen = kiosk.first_screen()
        assert isinstance(screen, DoorScreen)
        qtbot.addWidget(screen)
        first = screen.view
        assert first is not None and first.state is RoomState.BUSY
        kiosk.attach()
        controller = kiosk.door_controller
        assert controller is not None
        qtbot.waitUntil(lambda: screen.view is not first, timeout=10_000)  # the store's reload
        assert screen.view == first
    finally:
        kiosk.shutdown()


def test_a_door_without_a_synced_store_says_one_moment(tmp_path: Path, qtbot: QtBot) -> None:
    demo = create_demo(tmp_path, BUSY_AT)
    config = load_config(demo.write_config("door-aurora", "door", room="aurora"))
    kiosk = Kiosk(config, FixedClock(BUSY_AT))
    screen = kiosk.first_screen()
    assert isinstance(screen, DoorScreen)
    qtbot.addWidget(screen)
    assert screen.view is None
    assert kiosk.status.current.syncing_first_time
    assert not config.local_store_path.exists()  # reading never creates the store


def test_a_door_screenshot_from_its_store_needs_no_sqlalchemy(tmp_path: Path) -> None:
    """``kiosk screenshot --config --screen door`` draws like a first frame (its short path)."""
    config = _synced_door(tmp_path)
    out = tmp_path / "door.png"
    done = python(
        *("-X", "importtime", "-m", "ui.shell.main", "screenshot", "--config", str(config)),
        *("--screen", "door", "--at", BUSY_AT.isoformat(), "--out", str(out)),
    )
    assert out.stat().st_size > 10_000
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "ui.door.screen" in imported
    assert not {"sqlalchemy", "alembic", "kiosk.cli.admin"} & imported


SCREENSHOT_LANGUAGE = """
import gc
from PySide6.QtCore import QCoreApplication
from ui.render.screenshot import _language

_language("sv")
gc.collect()  # nothing of ours holds the manager: the application must
print(QCoreApplication.translate("DoorActions", "Book now"))
"""


def test_the_screenshot_language_lasts_while_it_draws() -> None:
    done = python("-c", SCREENSHOT_LANGUAGE)
    assert done.stdout.strip() == "Boka nu"


LOBBY_FIRST_SCREEN = """
import sys
from PySide6.QtWidgets import QApplication
from kiosk.base.clock import SystemClock
from kiosk.config.settings import load_config
from ui.shell.app import Kiosk

app = QApplication([])
Kiosk(load_config(sys.argv[1]), SystemClock()).first_screen()
print(sorted(m for m in ("sqlalchemy", "alembic", "psycopg") if m in sys.modules))
"""


def test_a_lobby_paints_its_first_frame_before_sqlalchemy_too(tmp_path: Path) -> None:
    demo = create_demo(tmp_path, BUSY_AT)
    config = demo.write_config("lobby-1", "lobby")
    assert python("-c", LOBBY_FIRST_SCREEN, str(config)).stdout.strip() == "[]"


def test_the_configured_panel_ppi_sizes_the_first_screens_targets(
    tmp_path: Path, qtbot: QtBot
) -> None:
    """``kiosk.screen_ppi`` reaches the screen before its first frame."""
    from dataclasses import replace

    demo = create_demo(tmp_path, BUSY_AT)
    for role, room in (("door", "aurora"), ("lobby", None)):
        config = load_config(demo.write_config(f"{role}-x", role, room=room))
        screen = Kiosk(replace(config, screen_ppi=149.0), FixedClock(BUSY_AT)).first_screen()
        qtbot.addWidget(screen)
        assert isinstance(screen, ScaledScreen)
        assert screen.ppi == 149.0 and screen.min_target() == 53


WHAT_RUN_LOADS = """
import sys
import ui.shell.main, ui.shell.launch, ui.shell.app, ui.shell.door_wiring, ui.shell.lobby_wiring
from kiosk.sync.engine import SyncEngine
from kiosk.sync.worker import SyncWorker
heavy = ("fastapi", "starlette", "uvicorn", "pydantic", "PIL", "qrcode", "kiosk.central")
print(sorted(m for m in heavy if m in sys.modules))
"""


def test_kiosk_run_carries_no_part_of_the_sync_service_nor_pillow() -> None:
    """The service's stack (FastAPI, uvicorn, pydantic) and Pillow are tens of MiB a door does
    not need: ``kiosk run`` and the sync it runs load none of them (``kiosk demo --console``
    loads the service only when asked)."""
    done = python("-c", WHAT_RUN_LOADS)
    assert done.stdout.strip() == "[]"
