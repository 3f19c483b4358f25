from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def kiosk_command() -> list[str]:
    """The installed ``kiosk`` script of this environment (the real command users run)."""
    script = Path(sys.executable).with_name("kiosk")
    if script.exists():
        return [str(script)]
    found = shutil.which("kiosk")
    return [found] if found else [sys.executable, "-m", "ui.shell.main"]


def kiosk_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("KIOSK_CONFIG", None)
    return env


@pytest.fixture
def run_kiosk():  # type: ignore[no-untyped-def]
    """Run ``kiosk ARGS...`` to completion; returns the CompletedProcess."""

    def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*kiosk_command(), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=kiosk_env(),
            check=False,
        )

    return run


@pytest.fixture
def site(tmp_path: Path, run_kiosk) -> Path:  # type: ignore[no-untyped-def]
    """A central SQLite store set up by ``kiosk admin``, with room Aurora; its admin config."""
    admin = tmp_path / "admin.toml"
    admin.write_text(
        '[kiosk]\nid = "admin"\ndata_dir = "admin"\n'
        f'[central]\nurl = "sqlite:///{tmp_path / "central.db"}"\n',
        encoding="utf-8",
    )
    for args in (("init",), ("room", "add", "aurora", "--name", "Aurora")):
        done = run_kiosk("admin", "--config", str(admin), *args)
        assert done.returncode == 0, done.stderr
    return admin
