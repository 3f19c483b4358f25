"""Starting screens: ``kiosk run`` for one configured kiosk, ``kiosk demo`` for a try-out."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.clock import SystemClock
from kiosk.config import Config, load_config
from ui.app import Kiosk
from ui.i18n import LanguageManager

log = logging.getLogger(__name__)


def qt_app(offscreen: bool = False) -> QApplication:
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ui.qtlog import route_qt_messages

    route_qt_messages()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Lab Kiosk")
    return app


def _language(app: QApplication, code: str) -> LanguageManager:
    manager = LanguageManager(app)
    manager.set_language(code)
    return manager


def _event_loop(app: QApplication, exit_after: float | None, on_quit: Callable[[], None]) -> int:
    """Run Qt until quit, SIGTERM/SIGINT or ``exit_after`` seconds; then ``on_quit``."""

    def request_quit(*_: object) -> None:
        app.quit()

    signal.signal(signal.SIGTERM, request_quit)
    signal.signal(signal.SIGINT, request_quit)
    # Python runs signal handlers only between bytecodes; a light timer gives it the chance.
    pulse = QTimer()
    pulse.start(250)
    pulse.timeout.connect(lambda: None)
    if exit_after is not None:
        QTimer.singleShot(int(exit_after * 1000), app.quit)
    try:
        return app.exec()
    finally:
        pulse.stop()
        on_quit()


def _show(screen: QWidget, fullscreen: bool, title: str) -> None:
    screen.setWindowTitle(title)
    if fullscreen:
        screen.showFullScreen()
    else:
        screen.resize(1280, 800)
        screen.show()


def start_kiosk(config: Config, languages: LanguageManager, *, fullscreen: bool) -> Kiosk:
    kiosk = Kiosk(config, SystemClock(), on_language=languages.set_language)
    screen = kiosk.start()
    _show(screen, fullscreen, f"Lab Kiosk – {config.kiosk_id}")
    return kiosk


def cmd_run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    app = qt_app()
    language = _language(app, config.language)
    kiosk = start_kiosk(config, language, fullscreen=config.fullscreen)
    log.info("kiosk %s ready", config.kiosk_id)
    code = _event_loop(app, args.exit_after, kiosk.shutdown)
    return code


def cmd_demo(args: argparse.Namespace) -> int:
    from devices.simulate import PtySimulator
    from kiosk.demo import create_demo

    base = Path(tempfile.mkdtemp(prefix="kiosk-demo-"))
    demo = create_demo(base, SystemClock().now())
    simulator = PtySimulator("rdm6300")
    lobby_cfg = load_config(demo.write_config("lobby-1", "lobby", reader_port=simulator.path))
    door_cfg = load_config(demo.write_config("door-aurora", "door", room="aurora"))

    print(f"Demo data in {base}")
    print(f"Simulated RDM6300 badge reader on {simulator.path}")
    print("Enrolled badges (type one and press Enter to tap it at the lobby):")
    for name, uid in demo.badges:
        print(f"  {uid}  {name}")
    print("Any other number is a badge the Lab does not know.", flush=True)

    app = qt_app(args.offscreen)
    language = _language(app, "fi")
    kiosks = [
        start_kiosk(lobby_cfg, language, fullscreen=False),
        start_kiosk(door_cfg, language, fullscreen=False),
    ]
    _feed_stdin(simulator.present)

    def stop() -> None:
        for kiosk in kiosks:
            kiosk.shutdown()
        simulator.close()

    code = _event_loop(app, args.exit_after, stop)
    return code


def _feed_stdin(present: Callable[[str, int], None]) -> None:
    """Each line typed in the terminal becomes a card held briefly on the simulated reader."""
    if sys.stdin is None or not sys.stdin.isatty():
        return

    def loop() -> None:
        for line in sys.stdin:
            text = line.strip()
            if text:
                try:
                    present(text, 5)
                except (ValueError, OSError) as exc:
                    print(f"not sent: {exc}", flush=True)

    threading.Thread(target=loop, name="demo-stdin", daemon=True).start()
