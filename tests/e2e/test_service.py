"""``kiosk run`` under systemd's notify protocol: READY=1 once up, WATCHDOG=1 while alive."""

from __future__ import annotations

import signal
import socket
import subprocess
from pathlib import Path

import pytest

from kiosk.base.clock import SystemClock
from kiosk.demo.data import create_demo
from tests.e2e.conftest import kiosk_command, kiosk_env

pytestmark = pytest.mark.e2e


def test_run_notifies_ready_and_pets_the_watchdog(tmp_path: Path) -> None:
    demo = create_demo(tmp_path, SystemClock().now())
    config = demo.write_config("door-aurora", "door", room="aurora")
    sock_path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(str(sock_path))
        server.settimeout(30)
        env = kiosk_env() | {"NOTIFY_SOCKET": str(sock_path), "WATCHDOG_USEC": "1000000"}
        proc = subprocess.Popen(
            [*kiosk_command(), "run", "--config", str(config), "--exit-after", "60"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            messages = [server.recv(64).decode() for _ in range(3)]
        finally:
            proc.send_signal(signal.SIGTERM)
            _out, err = proc.communicate(timeout=30)
    assert messages[0] == "READY=1"
    assert messages[1:] == ["WATCHDOG=1", "WATCHDOG=1"]
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert (tmp_path / "door-aurora" / "logs" / "kiosk.log").exists()
