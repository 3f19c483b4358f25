"""The real ``kiosk`` command on a machine that cannot show it, or for a room that isn't there.

``kiosk run`` and ``kiosk demo`` check Qt's platform plugin before any QApplication, so a
missing display or library is one clear message and exit 2, never Qt's abort (SIGABRT).
"""

from __future__ import annotations

import json
import resource
import subprocess
from pathlib import Path

import pytest

from kiosk.base.clock import SystemClock
from kiosk.demo.data import Demo, create_demo
from tests.e2e.conftest import kiosk_command, kiosk_env

pytestmark = pytest.mark.e2e


def _run(
    args: list[str], env: dict[str, str], timeout: float = 90
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*kiosk_command(), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


def _no_display_env() -> dict[str, str]:
    env = kiosk_env() | {"QT_QPA_PLATFORM": "xcb"}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "KIOSK_SKIP_PLATFORM_CHECK"):
        env.pop(name, None)
    return env


@pytest.fixture
def demo(tmp_path: Path) -> Demo:
    return create_demo(tmp_path / "site", SystemClock().now())


def test_run_without_a_display_exits_2_with_the_reason(demo: Demo) -> None:
    config = demo.write_config("door-aurora", "door", room="aurora")
    proc = _run(["run", "--config", str(config), "--exit-after", "5"], _no_display_env())
    assert proc.returncode == 2, proc.stderr  # not -6 (SIGABRT)
    assert proc.stderr.startswith("kiosk: the screen cannot start (details: kiosk doctor):")
    assert "no X display: DISPLAY is not set" in proc.stderr
    assert "could not connect to display" not in proc.stderr  # Qt never started
    assert not (demo.base / "door-aurora" / "kiosk.db").exists()  # nothing else changed


def test_demo_without_a_display_exits_2_before_making_its_data(tmp_path: Path) -> None:
    env = _no_display_env() | {"TMPDIR": str(tmp_path)}
    proc = _run(["demo", "--exit-after", "5"], env)
    assert proc.returncode == 2, proc.stderr
    assert "no X display: DISPLAY is not set" in proc.stderr
    assert "try it without one: kiosk demo --offscreen" in proc.stderr  # a newcomer's way on
    assert list(tmp_path.iterdir()) == []  # no kiosk-demo-* folder left behind


def test_doctor_lists_every_check_as_json_and_exits_1_when_blocked(demo: Demo) -> None:
    config = demo.write_config("door-x", "door", room="nosuch")
    proc = _run(["doctor", "--config", str(config), "--json"], _no_display_env())
    assert proc.returncode == 1, proc.stderr
    verdicts = json.loads(proc.stdout)
    assert all(set(v) == {"check", "status", "message", "fix"} for v in verdicts)
    status = {v["check"]: v["status"] for v in verdicts}
    assert status["display xcb"] == "blocking"
    assert status["room"] == "blocking"
    assert status["config"] == "ok"
    text = _run(["doctor", "--config", str(config)], _no_display_env())
    assert text.returncode == 1
    assert "BLOCKING  display xcb" in text.stdout
    assert "fix: set `room` in the config to one of them" in text.stdout


def test_a_door_for_a_missing_room_refuses_once_synced(demo: Demo) -> None:
    config = demo.write_config("door-x", "door", room="nosuch")
    env = kiosk_env()
    first = _run(["run", "--config", str(config), "--exit-after", "60"], env)
    assert first.returncode == 2, first.stderr  # after its first sync, not at the 60 s limit
    line = (
        "kiosk: room 'nosuch' does not exist (rooms: aurora, hiljainen, majakka, tori, verstas); "
        "set `room` in the config to one of them, or add it: kiosk admin room add nosuch"
    )
    assert line in first.stderr
    again = _run(["run", "--config", str(config), "--exit-after", "60"], env)
    assert again.returncode == 2
    assert again.stderr.strip().splitlines()[-1].startswith(line)  # at once, before a window
    assert "ready" not in again.stderr


def test_screenshot_of_a_missing_room_says_so(demo: Demo, tmp_path: Path) -> None:
    out = str(tmp_path / "door.png")
    shot = _run(
        ["screenshot", "--screen", "door", "--demo", "--room", "nosuch", "--out", out], kiosk_env()
    )
    assert shot.returncode == 3
    assert "room 'nosuch' does not exist (rooms: aurora, hiljainen" in shot.stderr
    config = demo.write_config("door-x", "door", room="nosuch")
    unsynced = _run(
        ["screenshot", "--screen", "door", "--config", str(config), "--out", out], kiosk_env()
    )
    assert unsynced.returncode == 3
    assert "has not synced yet: run `kiosk sync --config FILE` first" in unsynced.stderr
    assert not Path(out).exists()


def _plugin_missing_a_library(tmp_path: Path) -> Path:
    """PySide6's own xcb plugin, its DT_NEEDED ``libxcb-cursor.so.0`` renamed to a library no
    system has: what Qt meets on a desktop without libxcb-cursor0, on any machine."""
    from kiosk.doctor.platform import pyside_plugin_dir

    real = pyside_plugin_dir()
    assert real is not None
    fake = tmp_path / "qt"
    (fake / "plugins" / "platforms").mkdir(parents=True)
    (fake / "lib").symlink_to(real.parent.parent / "lib")  # the plugin's RUNPATH $ORIGIN/../../lib
    data = (real / "libqxcb.so").read_bytes()
    assert data.count(b"libxcb-cursor.so.0\0") == 1
    patched = data.replace(b"libxcb-cursor.so.0\0", b"libxcb-cursxr.so.0\0")
    (fake / "plugins" / "platforms" / "libqxcb.so").write_bytes(patched)
    return fake / "plugins" / "platforms"


def test_run_with_a_library_missing_names_its_package_and_qt_agrees(
    demo: Demo, tmp_path: Path
) -> None:
    plugins = _plugin_missing_a_library(tmp_path)
    config = demo.write_config("door-aurora", "door", room="aurora")
    env = _no_display_env() | {"QT_QPA_PLATFORM_PLUGIN_PATH": str(plugins), "DISPLAY": ":0"}
    proc = _run(["run", "--config", str(config), "--exit-after", "5"], env)
    assert proc.returncode == 2, proc.stderr
    assert "Qt's xcb platform plugin cannot load: missing libxcb-cursxr.so.0" in proc.stderr
    assert "sudo apt install libxcb-cursxr0" in proc.stderr
    # Without the check, Qt meets the same plugin and aborts: the check is not guessing.
    qt = subprocess.run(
        [*kiosk_command(), "run", "--config", str(config), "--exit-after", "5"],
        env=env | {"KIOSK_SKIP_PLATFORM_CHECK": "1"},
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        cwd=tmp_path,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0)),  # no core file
    )
    assert qt.returncode == -6, qt.stderr  # SIGABRT
    assert 'Could not load the Qt platform plugin "xcb"' in qt.stderr
