"""A private network namespace whose loopback a test can black-hole: packets really vanish.

A proxy in user space cannot make the kernel lose a packet (its own kernel acknowledges every
byte), so libpq's keepalives and ``tcp_user_timeout`` would never fire through one. Here the
service's threads enter a namespace of their own, reach PostgreSQL through a proxy listening
inside it, and ``black_hole()`` puts a qdisc on that namespace's loopback that drops every
packet, as a dead switch does. Needs root (CAP_SYS_ADMIN, CAP_NET_ADMIN): ``available()`` says
whether this machine allows it. Nothing outside the namespace is touched.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import subprocess
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
CLONE_NEWNET = 0x40000000
_libc = ctypes.CDLL(None, use_errno=True)


class NetNamespace:
    def __init__(self) -> None:
        made: list[int] = []

        def make() -> None:  # on a throw-away thread: unshare moves only the calling thread
            if _libc.unshare(CLONE_NEWNET) != 0:
                raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWNET)")
            made.append(os.open(f"/proc/self/task/{threading.get_native_id()}/ns/net", os.O_RDONLY))

        thread = threading.Thread(target=make, name="test-netns")
        thread.start()
        thread.join()
        if not made:
            raise OSError("could not make a network namespace")
        self._fd = made[0]
        self._tc("ip", "link", "set", "lo", "up")

    @staticmethod
    def available() -> bool:
        if os.geteuid() != 0 or not (shutil.which("nsenter") and shutil.which("tc")):
            return False
        try:
            NetNamespace().close()
        except (OSError, subprocess.CalledProcessError):
            return False
        return True

    def enter(self) -> None:
        """Move the calling thread (and the threads it starts later) into the namespace."""
        if _libc.setns(self._fd, CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), "setns")

    def call(self, fn: Callable[[], T]) -> T:
        """``fn()`` on a thread inside the namespace (its sockets stay in it)."""
        result: list[T] = []

        def run() -> None:
            self.enter()
            result.append(fn())

        thread = threading.Thread(target=run, name="test-netns")
        thread.start()
        thread.join()
        if not result:
            raise RuntimeError("the call inside the namespace failed (see the thread's error)")
        return result[0]

    def black_hole(self) -> None:
        self._tc("tc", "qdisc", "replace", "dev", "lo", "root", "blackhole")

    def restore(self) -> None:
        self._tc("tc", "qdisc", "del", "dev", "lo", "root")

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._fd)

    def _tc(self, *command: str) -> None:
        path = f"/proc/{os.getpid()}/fd/{self._fd}"
        subprocess.run(["nsenter", f"--net={path}", *command], check=True, capture_output=True)
