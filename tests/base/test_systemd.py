from __future__ import annotations

import os
import socket
from pathlib import Path

from kiosk.base.systemd import Notifier


def test_outside_systemd_nothing_is_sent() -> None:
    notifier = Notifier({})
    assert not notifier.enabled
    assert notifier.ready() is False
    assert notifier.watchdog_seconds is None


def test_ready_and_watchdog_reach_the_notify_socket(tmp_path: Path) -> None:
    path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(str(path))
        server.settimeout(2)
        notifier = Notifier(
            {
                "NOTIFY_SOCKET": str(path),
                "WATCHDOG_USEC": "20000000",
                "WATCHDOG_PID": str(os.getpid()),
            }
        )
        assert notifier.watchdog_seconds == 20.0
        assert notifier.ready()
        assert server.recv(64) == b"READY=1"
        assert notifier.watchdog()
        assert server.recv(64) == b"WATCHDOG=1"


def test_a_watchdog_meant_for_another_process_is_ignored() -> None:
    notifier = Notifier(
        {"NOTIFY_SOCKET": "/nonexistent", "WATCHDOG_USEC": "1000000", "WATCHDOG_PID": "1"}
    )
    assert notifier.watchdog_seconds is None


def test_a_vanished_socket_is_logged_not_raised(tmp_path: Path) -> None:
    assert Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone.sock")}).ready() is False
