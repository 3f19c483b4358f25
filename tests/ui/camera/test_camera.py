"""The camera scanner: decoded frames become scans; no camera or no Qt Multimedia: no change."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from devices.events import ReadEvent
from kiosk.base.clock import SystemClock
from kiosk.config.settings import load_config
from kiosk.demo.data import create_demo
from tests.ui.camera.test_camera_decode import TOKEN, FakeClock, camera_frame, qr_image
from ui.camera.decode import DecodeWorker
from ui.camera.preview import CameraPreview
from ui.camera.scanner import CameraScanner, open_camera_scanner
from ui.lobby.screen import LobbyScreen
from ui.shell.app import Kiosk


@pytest.fixture
def scanner(qtbot: QtBot) -> Iterator[CameraScanner]:
    pytest.importorskip("zxingcpp")
    clock = FakeClock()
    preview = CameraPreview()
    qtbot.addWidget(preview)
    scanner = CameraScanner(DecodeWorker(clock=clock), preview, clock=clock)
    yield scanner
    scanner.stop()


def test_a_decoded_frame_is_a_text_read_event_from_the_camera(
    qtbot: QtBot, scanner: CameraScanner
) -> None:
    events: list[ReadEvent] = []
    scanner.scanned.connect(events.append)
    frame = camera_frame(qr_image(TOKEN), angle=10)
    scanner.take_image(frame)
    assert scanner.preview.frame.cacheKey() == frame.cacheKey()  # shown as it came
    qtbot.waitUntil(lambda: len(events) == 1, timeout=15_000)
    event = events[0]
    assert (event.kind, event.value, event.reader, event.protocol) == (
        "text",
        TOKEN,
        "camera",
        "camera",
    )


def test_stop_ends_the_decode_thread_and_hides_the_preview(scanner: CameraScanner) -> None:
    scanner._set_active(True)
    assert scanner.active
    scanner.stop()
    assert not scanner.active and not scanner.preview.isVisibleTo(None)  # type: ignore[arg-type]
    assert not scanner.worker.wants_frame()


def test_the_preview_paints_a_frame_and_an_aiming_square(qtbot: QtBot) -> None:
    preview = CameraPreview(mirrored=True)
    qtbot.addWidget(preview)
    preview.set_side(200)
    preview.set_frame(camera_frame(qr_image(TOKEN)))
    picture = preview.grab().toImage()
    aim = preview.aim_rect()
    assert aim.width() == pytest.approx(140)
    edge = picture.pixelColor(round(aim.left()) + 1, round(aim.center().y()))
    assert edge.lightness() > 200  # the white outline of the square
    assert preview.sizeHint().width() == 200


def test_the_home_page_swaps_the_qr_icon_for_the_preview_only_while_the_camera_runs(
    qtbot: QtBot, tz: ZoneInfo
) -> None:
    screen = LobbyScreen(tz)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    home = screen.home
    preview = CameraPreview()
    home.set_camera_preview(preview)
    assert home.qr_icon.isVisible() and not preview.isVisible()
    assert preview.accessibleName() == home.instruction.text()
    home.set_camera_active(True)
    assert preview.isVisible() and not home.qr_icon.isVisible()
    assert preview.width() > 100
    home.set_camera_active(False)
    assert home.qr_icon.isVisible() and not preview.isVisible()
    screen.close()


def test_no_qt_multimedia_means_no_camera_scanner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import fails
    assert open_camera_scanner() is None


def test_no_zxing_means_no_camera_scanner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "zxingcpp", None)
    assert open_camera_scanner() is None


def test_no_camera_device_means_no_camera_scanner(qtbot: QtBot) -> None:
    pytest.importorskip("zxingcpp")
    scanner = open_camera_scanner()  # first: it quiets Qt Multimedia's library probing
    try:
        multimedia = pytest.importorskip("PySide6.QtMultimedia", exc_type=ImportError)
        if multimedia.QMediaDevices.videoInputs():
            pytest.skip("this machine has a camera")
        assert scanner is None
    finally:
        if scanner is not None:
            scanner.stop()


@pytest.fixture
def lobby_kiosk(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Kiosk]:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    demo = create_demo(tmp_path, SystemClock().now())
    kiosk = Kiosk(load_config(demo.write_config("lobby-1", "lobby")), SystemClock())
    screen = kiosk.start()
    qtbot.addWidget(screen)
    yield kiosk
    kiosk.shutdown()


def test_the_lobby_runs_as_before_without_qt_multimedia(qtbot: QtBot, lobby_kiosk: Kiosk) -> None:
    assert lobby_kiosk.config.camera  # the default: use a camera when there is one
    screen = lobby_kiosk.screen
    assert isinstance(screen, LobbyScreen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    assert lobby_kiosk.camera is None
    assert screen.showing_home and screen.home.camera_preview is None
    assert screen.home.qr_icon.isVisible()
    assert not screen.grab().toImage().isNull()
    # Scans from the other scanners still reach the check-in service.
    shown: list[object] = []
    original = screen.show_outcome
    screen.show_outcome = lambda o: (shown.append(o), original(o))  # type: ignore[method-assign,func-returns-value]
    lobby_kiosk.bridge.on_read(ReadEvent("text", "not a lab code", "camera", "camera", 0.0))
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=15_000)


def test_camera_false_never_opens_one(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.camera.scanner

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("camera opened although lobby.camera = false")

    monkeypatch.setattr(ui.camera.scanner, "open_camera_scanner", boom)
    demo = create_demo(tmp_path, SystemClock().now())
    path = demo.write_config("lobby-1", "lobby")
    text = path.read_text(encoding="utf-8").replace("[lobby]\n", "[lobby]\ncamera = false\n")
    if "camera = false" not in text:
        text += "\n[lobby]\ncamera = false\n"
    path.write_text(text, encoding="utf-8")
    config = load_config(path)
    assert not config.camera
    kiosk = Kiosk(config, SystemClock())
    try:
        qtbot.addWidget(kiosk.start())
        assert kiosk.camera is None
    finally:
        kiosk.shutdown()


def test_a_camera_scan_reaches_the_check_in_service_and_stops_with_the_kiosk(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wiring in ``Kiosk``, with a scanner fed by hand instead of Qt Multimedia."""
    pytest.importorskip("zxingcpp")
    import ui.camera.scanner

    made: list[CameraScanner] = []

    def fake_open(parent: object = None, **kwargs: object) -> CameraScanner:
        scanner = CameraScanner(DecodeWorker(), CameraPreview(), parent=parent)  # type: ignore[arg-type]
        made.append(scanner)
        return scanner

    monkeypatch.setattr(ui.camera.scanner, "open_camera_scanner", fake_open)
    demo = create_demo(tmp_path, SystemClock().now())
    kiosk = Kiosk(load_config(demo.write_config("lobby-1", "lobby")), SystemClock())
    try:
        screen = kiosk.start()
        qtbot.addWidget(screen)
        assert isinstance(screen, LobbyScreen)
        assert kiosk.camera is made[0]
        assert screen.home.camera_preview is made[0].preview
        screen.resize(1280, 800)
        screen.show()
        qtbot.waitExposed(screen)
        assert not made[0].preview.isVisible()  # no frames yet: the page as before
        made[0]._set_active(True)
        assert made[0].preview.isVisible() and not screen.home.qr_icon.isVisible()

        shown: list[object] = []
        original = screen.show_outcome
        screen.show_outcome = lambda o: (shown.append(o), original(o))  # type: ignore[method-assign,func-returns-value]
        made[0].take_image(camera_frame(qr_image("https://example.com/not-an-invitation")))
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=15_000)
        from kiosk.views.screens import ScanOutcome, ScanResult

        assert isinstance(shown[0], ScanOutcome)
        assert shown[0].result is ScanResult.NOT_A_LAB_CODE
    finally:
        kiosk.shutdown()
    assert kiosk.camera is None and not made[0].worker.wants_frame()
