"""``kiosk console`` as staff start it on the one-machine set-up: the window opens on the real
service started in-process, and SIGTERM closes it, the service and the credential cleanly."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from sqlalchemy import select

from kiosk.base.clock import SystemClock
from kiosk.demo.console import console_config
from kiosk.demo.data import create_demo
from kiosk.store.engine import open_store
from kiosk.store.models import DeviceCredential
from tests.e2e.conftest import kiosk_command, kiosk_env


def test_the_console_opens_on_this_machine_and_closes_on_sigterm(tmp_path: Path) -> None:
    demo = create_demo(tmp_path / "lab", SystemClock().now())
    config = console_config(demo, "sv", SystemClock().now())
    proc = subprocess.Popen(
        [*kiosk_command(), "console", "--config", str(config.path)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=kiosk_env(),
    )
    try:
        assert proc.stderr is not None
        deadline = time.monotonic() + 60
        seen: list[str] = []
        for line in proc.stderr:
            seen.append(line)
            if "staff console open (this machine)" in line or time.monotonic() > deadline:
                break
        assert any("staff console open (this machine)" in line for line in seen), seen
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, "".join(seen) + err
    assert "Traceback" not in err
    store = open_store(demo.central_url)
    try:
        with store.engine.connect() as conn:
            local = conn.execute(
                select(DeviceCredential).where(DeviceCredential.id == "console-local")
            ).one()
    finally:
        store.dispose()
    assert local.revoked_at is not None  # closing the console ended its credential


def test_kiosk_screenshot_draws_a_console_page_from_the_demo(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "console.png"
    done = subprocess.run(
        [
            *kiosk_command(),
            *("screenshot", "--demo", "--screen", "console-invite-many", "--lang", "fi"),
            *("--size", "1024x700", "--at", "2026-11-26T11:20:00+02:00", "--out", str(out)),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=kiosk_env(),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)
    refused = subprocess.run(
        [
            *kiosk_command(),
            *("screenshot", "--config", str(tmp_path / "k.toml"), "--screen", "console-fleet"),
            *("--out", str(tmp_path / "x.png")),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=kiosk_env(),
        check=False,
    )
    assert refused.returncode != 0
    assert "only with --demo" in refused.stderr
