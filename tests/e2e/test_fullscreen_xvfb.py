"""A kiosk started fullscreen on a bare X server (no window manager) fills the screen.

Runs the real ``kiosk run`` on Xvfb at 1280×800 and reads the window's geometry with
``xwininfo``. Skipped, with the reason, where Xvfb, xwininfo or the xcb plugin's libraries are
missing (Debian: ``apt install xvfb x11-utils`` and the packages in the README); CI does not
install them.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.base.clock import SystemClock
from kiosk.demo.data import create_demo
from kiosk.doctor.platform import Machine, platform_verdicts
from tests.e2e.conftest import kiosk_command, kiosk_env
from tests.helpers import wait_for

pytestmark = pytest.mark.e2e

SCREEN = (1280, 800)


@pytest.fixture
def bare_x() -> Iterator[str]:
    """A fresh Xvfb display (its number chosen by Xvfb itself) with no window manager."""
    for tool in ("Xvfb", "xwininfo"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (Debian: apt install xvfb x11-utils)")
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            f"{SCREEN[0]}x{SCREEN[1]}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()
        assert number.isdigit(), "Xvfb did not report its display"
        display = f":{number}"
        plugin = next(
            v
            for v in platform_verdicts(Machine(env={"QT_QPA_PLATFORM": "xcb", "DISPLAY": display}))
            if v.check == "qt-plugin xcb"
        )
        if plugin.status != "ok":
            pytest.skip(f"{plugin.message} ({plugin.fix})")
        yield display
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def _geometry(display: str, title: str) -> tuple[int, int, int, int] | None:
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "DISPLAY": display},
    ).stdout
    match = re.search(re.escape(f'"{title}"') + r".*?\s(\d+)x(\d+)\+(-?\d+)\+(-?\d+)", tree)
    return None if match is None else tuple(int(g) for g in match.groups())  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("kiosk_id", "role", "room"), [("door-aurora", "door", "aurora"), ("lobby-1", "lobby", None)]
)
def test_fullscreen_fills_a_bare_x_screen(
    bare_x: str, tmp_path: Path, kiosk_id: str, role: str, room: str | None
) -> None:
    demo = create_demo(tmp_path / "site", SystemClock().now())
    config = demo.write_config(kiosk_id, role, room=room)
    log = tmp_path / "kiosk.err"
    env = kiosk_env() | {"QT_QPA_PLATFORM": "xcb", "DISPLAY": bare_x}
    with log.open("w") as err:
        proc = subprocess.Popen(
            [*kiosk_command(), "run", "--config", str(config), "--exit-after", "120"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        wait_for(
            lambda: f"kiosk {kiosk_id} ready" in log.read_text() or proc.poll() is not None,
            90,
            "the kiosk to be ready",
        )
        assert proc.poll() is None, log.read_text()
        title = f"Lab Kiosk – {kiosk_id}"
        assert _geometry(bare_x, title) == (*SCREEN, 0, 0)
        assert (
            f"window {SCREEN[0]}x{SCREEN[1]}+0+0 on screen {SCREEN[0]}x{SCREEN[1]}+0+0 (xcb)"
            in (log.read_text())
        )
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    assert proc.returncode == 0, log.read_text()
