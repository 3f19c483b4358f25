"""A host's badge on a networked kiosk that knows it is offline: told at once, no PIN asked.

The service checks host PINs, so an offline kiosk cannot open the panel. It says so when the
badge is tapped (its sync status says it is offline) rather than after the PIN; the keys come
back when it is online again, and a kiosk that goes offline between badge and PIN still says
so after the PIN.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.base.clock import FixedClock
from kiosk.rooms.host_modes import HostModes
from kiosk.security.badges import load_site_key
from kiosk.security.directory import enroll_badge
from kiosk.security.host_auth import HostAuth, RemotePinCheck, set_pin_central
from kiosk.store.engine import Store
from kiosk.store.models import Person
from tests.stores import NOON, seed_central, site_key
from ui.host.gate import HostGate
from ui.host.overlay import HostOverlay
from ui.runtime.db_worker import DbWorker

TZ = ZoneInfo("Europe/Helsinki")
MIKKO = "0C55AA0F10"
PIN = "482916"
NO_CONNECTION = "no connection to the Lab's server"


@dataclass
class Service:
    """The central service's PIN check, as the kiosk's link makes it: it may be unreachable."""

    up: bool = False
    asked: list[str] = field(default_factory=list)

    def host_pin(self, _person: uuid.UUID, pin: str) -> tuple[str, int, datetime | None]:
        self.asked.append(pin)
        if not self.up:
            raise OSError("central service unreachable (ConnectError)")
        return ("ok", 0, None) if pin == PIN else ("wrong", 4, None)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    key = site_key(tmp_path)
    made = seed_central(f"sqlite:///{tmp_path / 'kiosk.db'}", key, FixedClock(NOON))
    with made.engine.begin() as conn:
        enroll_badge(conn, "mikko@lab.example", MIKKO, key, NOON)
        host = conn.execute(select(Person.id).where(Person.role == "host")).scalar_one()
        set_pin_central(conn, host, PIN, NOON)  # used only where PINs are checked locally
    yield made
    made.dispose()


def _gate(
    qtbot: QtBot, tmp_path: Path, store: Store, remote: RemotePinCheck | None
) -> tuple[HostGate, DbWorker, QWidget]:
    screen = QWidget()
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    clock = FixedClock(NOON)
    db = DbWorker()
    auth = HostAuth(store, clock, load_site_key(tmp_path / "site.key"), "lobby-1", remote=remote)
    gate = HostGate(
        lambda: HostOverlay(screen, TZ, lobby=True),
        db,
        auth,
        HostModes(store, clock, "lobby-1", TZ),
        clock,
        TZ,
    )
    return gate, db, screen


def _tap(qtbot: QtBot, gate: HostGate, screen: QWidget) -> HostOverlay:
    gate.try_badge(MIKKO)
    qtbot.waitUntil(lambda: gate.is_open, timeout=15_000)
    overlay = screen.findChild(HostOverlay)
    assert overlay is not None and overlay.showing_pin
    return overlay


def _type(qtbot: QtBot, overlay: HostOverlay, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(overlay.pin_pad.digits[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(overlay.pin_pad.ok, Qt.MouseButton.LeftButton)


def _message(overlay: HostOverlay) -> str:
    return overlay.pin_pad.message.accessibleName()


def test_an_offline_kiosk_says_so_at_the_badge_and_asks_for_no_pin(
    qtbot: QtBot, tmp_path: Path, store: Store
) -> None:
    service = Service()
    gate, db, screen = _gate(qtbot, tmp_path, store, service.host_pin)
    try:
        gate.set_online(False)  # the sync worker's last word
        overlay = _tap(qtbot, gate, screen)
        pad = overlay.pin_pad
        assert NO_CONNECTION in _message(overlay)
        assert not any(key.isEnabled() for key in (*pad.digits.values(), pad.ok))
        _type(qtbot, overlay, PIN)  # dead keys: nothing typed, nothing asked
        assert service.asked == []

        # Online again while the notice shows: the keys come back, the PIN opens the panel.
        service.up = True
        gate.set_online(True)
        assert _message(overlay) == "" and pad.ok.isEnabled()
        _type(qtbot, overlay, PIN)
        qtbot.waitUntil(lambda: overlay.showing_panel, timeout=15_000)
        assert service.asked == [PIN]
        gate.close()

        # Online at the badge, offline by the PIN: the PIN's own check still says so.
        overlay = _tap(qtbot, gate, screen)
        assert _message(overlay) == "" and pad.ok.isEnabled()
        service.up = False
        _type(qtbot, overlay, PIN)
        qtbot.waitUntil(lambda: NO_CONNECTION in _message(overlay), timeout=15_000)
        assert pad.ok.isEnabled()  # try again once it is back
        assert overlay.showing_pin
    finally:
        gate.close()
        db.shutdown()


def test_a_kiosk_that_checks_pins_itself_asks_for_the_pin_while_offline(
    qtbot: QtBot, tmp_path: Path, store: Store
) -> None:
    """The one-machine set-up (no service): offline sync does not stop a local PIN check."""
    gate, db, screen = _gate(qtbot, tmp_path, store, None)
    try:
        gate.set_online(False)
        overlay = _tap(qtbot, gate, screen)
        assert _message(overlay) == "" and overlay.pin_pad.ok.isEnabled()
        _type(qtbot, overlay, PIN)
        qtbot.waitUntil(lambda: overlay.showing_panel, timeout=15_000)
    finally:
        gate.close()
        db.shutdown()
