"""One kiosk per data directory: an OS file lock that a second ``kiosk run`` cannot take.

``fcntl.flock`` on ``DATA_DIR/kiosk.lock``, held for the life of the process: the kernel drops
it when the process ends however it ends (a crash, ``kill -9``, a power cut), so a stale lock
cannot keep a kiosk from starting. The holder's pid is written into the file for the refusal's
message; the file itself is left behind on exit (its presence means nothing, only the lock).
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from kiosk.base.errors import UsageError
from kiosk.base.folders import make_folder, not_writable

LOCK_NAME = "kiosk.lock"


class AlreadyRunning(UsageError):
    """Another process holds this data directory's lock (exit 2, nothing changed)."""

    def __init__(self, kiosk_id: str, pid: int | None, path: Path, hint: str) -> None:
        who = f"pid {pid}" if pid is not None else "pid unknown"
        super().__init__(f"kiosk {kiosk_id} is already running, {who} (lock {path}); {hint}")
        self.pid = pid


class InstanceLock:
    """The held lock; :meth:`release` (or the process's end) lets the next kiosk start."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


RUN_HINT = "stop it first, or give this one its own kiosk id and data_dir"


def acquire(data_dir: Path, kiosk_id: str, hint: str = RUN_HINT) -> InstanceLock:
    """Lock ``data_dir`` for this process or raise :class:`AlreadyRunning` naming the holder."""
    path = data_dir / LOCK_NAME
    make_folder(data_dir)
    try:
        # No O_TRUNC: the holder's pid must survive a refused open. Not inherited by children.
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except PermissionError:
        raise UsageError(not_writable(data_dir, "data_dir")) from None
    except OSError as exc:
        message = f"data_dir {data_dir}: cannot create {LOCK_NAME}: {exc.strerror}"
        raise UsageError(message) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise AlreadyRunning(kiosk_id, _holder(path), path, hint) from None
    except OSError as exc:
        os.close(fd)
        raise UsageError(f"{path}: cannot lock: {exc.strerror}") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
    return InstanceLock(path, fd)


def _holder(path: Path) -> int | None:
    """The pid the holder wrote; it writes just after locking, so look again briefly."""
    for _ in range(20):
        try:
            text = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        if text.isdigit():
            return int(text)
        time.sleep(0.05)
    return None
