"""``kiosk run`` under systemd logs for the journal: priorities, no timestamps, no second file."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from kiosk.base.clock import SystemClock
from kiosk.demo.data import create_demo
from tests.e2e.conftest import kiosk_command, kiosk_env

STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")


def _run(config: Path, *, journal: bool) -> str:
    r, w = os.pipe()
    env = kiosk_env()
    env.pop("JOURNAL_STREAM", None)
    if journal:
        st = os.fstat(w)
        env["JOURNAL_STREAM"] = f"{st.st_dev}:{st.st_ino}"
    try:
        proc = subprocess.Popen(
            [*kiosk_command(), "run", "--config", str(config), "--exit-after", "4"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=w,
            env=env,
        )
        os.close(w)
        w = -1
        with os.fdopen(r, encoding="utf-8", errors="replace") as out:
            r = -1
            text = out.read()
        assert proc.wait(timeout=120) == 0, text
        return text
    finally:
        for fd in (r, w):
            if fd >= 0:
                os.close(fd)


@pytest.mark.parametrize("journal", [True, False])
def test_log_lines_for_the_journal_or_a_terminal(tmp_path: Path, journal: bool) -> None:
    demo = create_demo(tmp_path, SystemClock().now())
    config = demo.write_config("door-aurora", "door", room="aurora")
    text = _run(config, journal=journal)
    lines = [line for line in text.splitlines() if line.strip()]
    assert any("kiosk door-aurora ready" in line for line in lines), text
    logs = tmp_path / "door-aurora" / "logs" / "kiosk.log"
    if journal:
        assert all(re.match(r"<[0-7]>", line) for line in lines), text
        assert "<6>INFO ui.shell.launch: kiosk door-aurora ready" in lines
        assert not STAMP.search(text)
        assert not logs.exists()  # the journal is the log: no second copy
    else:
        assert all(STAMP.match(line) for line in lines if " INFO " in line), text
        assert not any(line.startswith("<") for line in lines)
        assert "kiosk door-aurora ready" in logs.read_text(encoding="utf-8")
