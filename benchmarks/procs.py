"""Processes for the start-up and memory benchmarks: a process tree and its memory (PSS).

PSS (proportional set size) charges each shared page to the processes mapping it in equal
parts, so summing it over a process tree counts a browser's many processes, or the kiosk's one,
without double counting their shared libraries. Linux only: it reads ``/proc``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


def _ppid(pid: int) -> int | None:
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:  # gone meanwhile
        return None
    # "pid (comm) state ppid ...": comm may hold spaces and parentheses; split after the last ")".
    return int(stat.rsplit(")", 1)[1].split()[1])


def tree(root: int) -> list[int]:
    """``root`` and all its living descendants."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            parent = _ppid(int(entry.name))
            if parent is not None:
                children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time used so far by ``pids`` (those still alive)."""
    ticks = 0
    for pid in pids:
        try:
            fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Memory:
    """Memory of a process tree, in KiB (``smaps_rollup`` units)."""

    processes: int
    pss_kib: int
    rss_kib: int  # counts shared pages once per process: an overstatement for a tree
    uss_kib: int  # private pages only: what ending the tree would surely free

    @property
    def pss_mib(self) -> float:
        return self.pss_kib / 1024


def _rollup(pid: int) -> dict[str, int] | None:
    try:
        text = (PROC / str(pid) / "smaps_rollup").read_text()
    except OSError:  # gone meanwhile, or a kernel thread
        return None
    fields: dict[str, int] = {}
    for line in text.splitlines()[1:]:
        name, _, rest = line.partition(":")
        parts = rest.split()
        if parts and parts[0].isdigit():
            fields[name] = int(parts[0])
    return fields


def tree_memory(root: int) -> Memory:
    """PSS, RSS and USS summed over ``root``'s process tree."""
    count = pss = rss = uss = 0
    for pid in tree(root):
        fields = _rollup(pid)
        if fields is None:
            continue
        count += 1
        pss += fields.get("Pss", 0)
        rss += fields.get("Rss", 0)
        uss += fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return Memory(count, pss, rss, uss)


def stop(proc: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    """SIGTERM the process (group), then SIGKILL what is left after ``timeout``."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout)
    # A browser's helpers may outlive its main process: end the whole group, which is ours.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
