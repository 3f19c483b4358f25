"""The data directory's lock: held by one process, named in the refusal, never stale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.base import instance_lock
from kiosk.base.errors import UsageError
from kiosk.base.instance_lock import AlreadyRunning

HOLD = (
    "import sys, pathlib; from kiosk.base import instance_lock as l; "
    "lock = l.acquire(pathlib.Path(sys.argv[1]), 'door-x'); print('held', flush=True); "
    "sys.stdin.read()"
)


def test_a_second_holder_is_refused_with_the_first_ones_pid(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path / "data")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(AlreadyRunning) as refused:
            instance_lock.acquire(tmp_path / "data", "door-x")
        assert refused.value.exit_code == 2 and refused.value.pid == holder.pid
        assert f"kiosk door-x is already running, pid {holder.pid}" in str(refused.value)
        assert (tmp_path / "data" / "kiosk.lock").read_text() == f"{holder.pid}\n"  # untouched
    finally:
        holder.kill()  # no clean exit: the kernel still drops the lock
        holder.communicate()
    with instance_lock.acquire(tmp_path / "data", "door-x") as lock:
        assert lock.path.read_text() == f"{os.getpid()}\n"


def test_a_left_over_lock_file_is_no_lock(tmp_path: Path) -> None:
    (tmp_path / "kiosk.lock").write_text("999999999\n")  # a crashed kiosk's pid, no flock
    lock = instance_lock.acquire(tmp_path, "lobby-1")
    assert (tmp_path / "kiosk.lock").read_text() == f"{os.getpid()}\n"
    lock.release()
    lock.release()  # twice is harmless
    instance_lock.acquire(tmp_path, "lobby-1").release()


def test_a_data_dir_that_cannot_be_made_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(UsageError, match=r"data_dir .*data: cannot be created \(Not a directory\)"):
        instance_lock.acquire(blocker / "data", "lobby-1")
