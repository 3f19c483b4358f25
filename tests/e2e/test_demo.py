"""``kiosk demo`` as users start it: badges from a pipe, and no folder left behind on any exit."""

from __future__ import annotations

import signal
import subprocess
import threading
from pathlib import Path

import pytest

from tests.e2e.conftest import kiosk_command, kiosk_env
from tests.helpers import wait_for


def _env(tmp: Path) -> dict[str, str]:
    env = kiosk_env()
    env["TMPDIR"] = str(tmp)  # the demo's folder is made here, so the test sees any leftover
    return env


def test_a_badge_piped_in_is_tapped_and_the_folder_is_removed(tmp_path: Path) -> None:
    done = subprocess.run(
        [*kiosk_command(), "demo", "--offscreen", "--exit-after", "6"],
        input="0A00F1C2D3\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "member checked in at lobby-1" in done.stderr
    assert "Demo data in " in done.stdout
    assert list(tmp_path.iterdir()) == []


def test_the_staff_console_opens_beside_the_screens_and_its_service_stops(tmp_path: Path) -> None:
    done = subprocess.run(
        [*kiosk_command(), "demo", "--offscreen", "--console", "--exit-after", "8"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "The staff console is open beside the screens" in done.stdout
    assert "Finished server process" in done.stderr  # the in-process service ran and stopped
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


class _Running:
    """A ``kiosk demo`` in the background with its stderr collected line by line."""

    def __init__(self, tmp: Path) -> None:
        self.proc = subprocess.Popen(
            [*kiosk_command(), "demo", "--offscreen", "--exit-after", "120"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(tmp),
        )
        self.out: list[str] = []
        self.err: list[str] = []
        self._threads = [
            threading.Thread(target=self._collect, args=(stream, into), daemon=True)
            for stream, into in ((self.proc.stdout, self.out), (self.proc.stderr, self.err))
        ]
        for thread in self._threads:
            thread.start()

    def end(self) -> None:
        """Kill it if it is still running, and close its pipes."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for thread in self._threads:
            thread.join(10)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()

    @staticmethod
    def _collect(stream: object, into: list[str]) -> None:
        for line in stream:  # type: ignore[attr-defined]
            into.append(line)

    def said(self, text: str) -> bool:
        return any(text in line for line in (*self.out, *self.err))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
@pytest.mark.parametrize("marker", ["Demo data in ", "kiosk door-aurora started"])
def test_a_signal_at_any_time_ends_the_demo_and_removes_its_folder(
    tmp_path: Path, signum: int, marker: str
) -> None:
    demo = _Running(tmp_path)
    try:
        wait_for(lambda: demo.said(marker), 120, marker)
        assert list(tmp_path.iterdir()), "the demo made its folder"
        demo.proc.send_signal(signum)
        code = demo.proc.wait(timeout=60)
    finally:
        demo.end()
    assert code == 0, "".join(demo.err)
    assert "kiosk lobby-1 stopped" in "".join(demo.err)
    assert list(tmp_path.iterdir()) == []
