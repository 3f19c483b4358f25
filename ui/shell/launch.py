"""Starting screens: ``kiosk run`` for one configured kiosk, ``kiosk demo`` for a try-out."""

from __future__ import annotations

import argparse
import faulthandler
import gc
import logging
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.base import instance_lock
from kiosk.base.clock import SystemClock
from kiosk.base.errors import KioskError
from kiosk.base.logsetup import add_file_log
from kiosk.base.systemd import Notifier
from kiosk.config.service_url import refuse_database_credentials
from kiosk.config.settings import Config, load_config
from ui.common.i18n import LanguageManager
from ui.runtime.application import qt_app
from ui.shell import crash
from ui.shell.app import Kiosk
from ui.shell.demo_parts import EarlySignals, feed_lines, side_by_side, temporary_base
from ui.shell.fullscreen import show_filling_screen

log = logging.getLogger(__name__)


def _language(app: QApplication, code: str) -> LanguageManager:
    manager = LanguageManager(app)
    manager.set_language(code)
    return manager


def _event_loop(
    app: QApplication, notifier: Notifier, exit_after: float | None, on_quit: Callable[[], None]
) -> int:
    """Run Qt until quit, SIGTERM/SIGINT or ``exit_after`` seconds; then ``on_quit``.

    Under systemd WATCHDOG=1 goes out from a GUI-thread timer, so a frozen GUI stops the pings
    and systemd restarts the kiosk. (READY=1 is the caller's: once the first screen is up.)
    """
    watchdog = QTimer()
    if notifier.watchdog_seconds:
        watchdog.timeout.connect(notifier.watchdog)
        watchdog.start(max(500, int(notifier.watchdog_seconds * 1000 / 2)))

    def request_quit(*_: object) -> None:
        # Through the loop: a signal just before app.exec() would make a direct quit() a no-op.
        QTimer.singleShot(0, app.quit)

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
        notifier.stopping()
        watchdog.stop()
        pulse.stop()
        on_quit()


def _show(screen: QWidget, fullscreen: bool, title: str) -> None:
    screen.setWindowTitle(title)
    if fullscreen:
        show_filling_screen(screen)  # also without a window manager (ui/shell/fullscreen.py)
    else:
        screen.resize(1280, 800)
        screen.show()


def start_kiosk(config: Config, languages: LanguageManager, *, fullscreen: bool) -> Kiosk:
    kiosk = Kiosk(config, SystemClock(), on_language=languages.set_language)
    screen = kiosk.start()
    _show(screen, fullscreen, f"Lab Kiosk – {config.kiosk_id}")
    return kiosk


def _freeze_startup_heap() -> None:
    """Move everything allocated during start-up out of the garbage collector's sight.

    Full collections otherwise walk every Qt wrapper, SQLAlchemy construct and module object on
    each pass; during a big sync that stalled the GUI thread for 64-88 ms, and 11-14 ms after
    freezing (benchmarks/sync_gui_stall.py, docs/performance.md).
    """
    gc.collect()
    gc.freeze()
    gc.enable()  # ui/shell/commands.run_command turned it off for `kiosk run`'s start


def _recover(kiosks: list[Kiosk]) -> Callable[[], None]:
    """After an unhandled error: every screen back to its home state."""

    def go_home() -> None:
        for kiosk in kiosks:
            home = getattr(kiosk.screen, "show_home", None)
            if callable(home):
                home()

    return go_home


def cmd_run(args: argparse.Namespace) -> int:
    """One kiosk: its screen painted first (READY=1 to systemd), then the store and the rest.

    The screen comes up in its "one moment" state within a fraction of a second; attaching the
    store, services, sync and readers (which imports SQLAlchemy) follows from the event loop.
    """
    config = load_config(args.config)
    refuse_database_credentials(config.central_url)
    _lock = instance_lock.acquire(config.data_dir, config.kiosk_id)  # held until the process ends
    log.info("log file: %s", add_file_log(config.data_dir, config.log_file) or "none (journal)")
    # `kill -USR1 <pid>` prints every thread's stack to stderr (the journal): for a kiosk that
    # hangs, without stopping it.
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    app = qt_app()
    language = _language(app, config.language)
    kiosk = Kiosk(config, SystemClock(), on_language=language.set_language)
    screen = kiosk.first_screen()
    _show(screen, config.fullscreen, f"Lab Kiosk – {config.kiosk_id}")
    app.processEvents()  # map the window,
    screen.repaint()  # and paint it now, not when the loop gets round to it
    notifier = Notifier()
    crash.install(_recover([kiosk]))
    _exit_on_refusal(app, kiosk)

    def attach() -> None:
        try:
            kiosk.attach()
        except KioskError as exc:  # a mistake a person fixes: one line, its exit code
            log.error("kiosk %s could not start: %s", config.kiosk_id, exc)
            app.exit(exc.exit_code)
            return
        except Exception:
            # Without its store the kiosk cannot work: exit non-zero so systemd restarts it
            # (and the log says why), rather than show "one moment" for ever.
            log.exception("kiosk %s could not start", config.kiosk_id)
            app.exit(1)
            return
        _freeze_startup_heap()
        log.info("kiosk %s ready", config.kiosk_id)

    # First thing in the loop (signal handlers are in place by then): READY=1, then the rest.
    QTimer.singleShot(0, notifier.ready)
    QTimer.singleShot(0, attach)
    return _event_loop(app, notifier, args.exit_after, kiosk.shutdown)


def _exit_on_refusal(app: QApplication, kiosk: Kiosk) -> None:
    """A mistake found after start-up (a door's room that does not exist): say it, exit 2."""

    def refused(message: str) -> None:
        print(f"kiosk: {message}", file=sys.stderr, flush=True)
        app.exit(2)

    kiosk.refused.connect(refused)


def cmd_demo(args: argparse.Namespace) -> int:
    with temporary_base() as base, EarlySignals() as early:
        return _demo(args, base, early)


def _demo(args: argparse.Namespace, base: Path, early: EarlySignals) -> int:
    from devices.simulate import PtySimulator
    from kiosk.demo.data import DEMO_HOST_PIN, create_demo

    demo = create_demo(base, SystemClock().now())
    simulator = PtySimulator("rdm6300")
    try:
        lobby_cfg = load_config(demo.write_config("lobby-1", "lobby", reader_port=simulator.path))
        door_cfg = load_config(demo.write_config("door-aurora", "door", room="aurora"))

        print(f"Demo data in {base} (removed when the demo ends)")
        print(f"Simulated RDM6300 badge reader on {simulator.path}")
        print("Enrolled badges (type or pipe one, one a line, to tap it at the lobby):")
        for name, uid in demo.badges:
            print(f"  {uid}  {name}")
        print("Any other number is a badge the Lab does not know.")
        print(
            f"Mikko Korhonen is a host: tap his badge, then 'Host panel', PIN {DEMO_HOST_PIN}.",
            flush=True,
        )

        app = qt_app(args.offscreen)
        language = _language(app, "fi")
        kiosks = [
            start_kiosk(lobby_cfg, language, fullscreen=False),
            start_kiosk(door_cfg, language, fullscreen=False),
        ]
        lobby, door = (kiosk.screen for kiosk in kiosks)
        screen = app.primaryScreen()
        if lobby is not None and door is not None and screen is not None:
            side_by_side(lobby, door, screen.availableGeometry())
        console = None
        if getattr(args, "console", False):
            # Here, not at the top: it loads the whole sync service (FastAPI, uvicorn, the
            # e-mail composer with Pillow), which ``kiosk run`` on a door must never carry.
            from ui.shell.demo_console import open_demo_console

            console = open_demo_console(demo, language)
        crash.install(_recover(kiosks))
        _freeze_startup_heap()
        feed_lines(sys.stdin, lambda text: simulator.present(text, 5))

        def stop() -> None:
            if console is not None:
                console.close()
            for kiosk in kiosks:
                kiosk.shutdown()

        notifier = Notifier()
        QTimer.singleShot(0, notifier.ready)
        if early.signum is not None:  # asked to stop while starting: quit as soon as it runs
            QTimer.singleShot(0, app.quit)
        return _event_loop(app, notifier, args.exit_after, stop)
    finally:
        simulator.close()
