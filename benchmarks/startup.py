"""The kiosk's side of start-up and memory: the real ``kiosk`` command as a subprocess.

* First frame: ``kiosk run`` with ``NOTIFY_SOCKET`` pointing at a datagram socket of ours. The
  kiosk sends systemd's ``READY=1`` from the first turn of its Qt event loop, after its first
  screen was built, filled from the local store and shown (ui/shell/launch.py) — the moment a
  service manager counts it as up. Time = spawn -> that datagram.
* To PNG: ``kiosk screenshot --config DOOR --screen door`` from spawn to exit: the same door
  screen from the door's own local store, drawn the way its first frame is. Also, for
  reference, ``kiosk screenshot --demo --screen door`` (fresh demo data each time, so it includes
  creating, migrating and syncing two SQLite stores).

The kiosks run on Qt's offscreen platform (no display server), like headless Chromium, at
1280x800 (``fullscreen = false``). Their local store exists and is synced before the measured
runs: a restarting door display, not a first install. With a PostgreSQL central store they sync
as deployed: through ``kiosk central serve`` on the loopback, each with its device token.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.procs import stop


def kiosk_command() -> str:
    """The ``kiosk`` script next to this interpreter (the venv's), else the one on PATH."""
    beside = Path(sys.executable).parent / "kiosk"
    if beside.exists():
        return str(beside)
    found = shutil.which("kiosk")
    if found is None:
        raise RuntimeError("the kiosk command is not installed (pip install -e .)")
    return found


@dataclass(frozen=True)
class KioskSetup:
    """Demo data with a door and a lobby configured and synced once."""

    base: Path
    door: Path
    lobby: Path
    command: str  # the kiosk command: the venv's script, or a PyInstaller bundle's executable

    def env(self, **extra: str) -> dict[str, str]:
        """The kiosk's environment: offscreen, and compiled bytecode kept between runs.

        An installed kiosk starts from .pyc files; a development shell often sets
        PYTHONDONTWRITEBYTECODE, which would recompile every module of the project on each
        start (~0.1 s here). So bytecode goes to a cache of this run's own, filled by the
        warm-up runs, and nothing is written into the source tree.
        """
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = "offscreen"
        for name in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "PYTHONDONTWRITEBYTECODE"):
            env.pop(name, None)
        env["PYTHONPYCACHEPREFIX"] = str(self.base / "pycache")
        env.update(extra)
        return env


@dataclass(frozen=True)
class RunningService:
    url: str
    pid: int  # the service's main process (its workers are its children)


@contextmanager
def central_service(
    store_url: str, timeout: float = 60.0, workers: int = 1, pool_size: int | None = None
) -> Iterator[RunningService]:
    """``kiosk central serve`` in front of ``store_url`` (migrated first) on a free loopback
    port until the block ends. A kiosk refuses a PostgreSQL ``central.url``. ``pool_size``:
    each process's PostgreSQL connections (``[service] pool_size``; default 10)."""
    import urllib.request

    from kiosk.store.engine import open_store

    open_store(store_url).dispose()  # the service refuses a store below the newest schema
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log, tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "kiosk", "central", "serve", "--store", store_url]
        if pool_size is not None:
            config = Path(tmp) / "central.toml"
            config.write_text(f"[service]\npool_size = {pool_size}\n", encoding="utf-8")
            command += ["--config", str(config)]
        proc = subprocess.Popen(
            [*command, "--listen", f"127.0.0.1:{port}", "--workers", str(workers)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        try:
            deadline = time.perf_counter() + timeout
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/healthz", timeout=1) as answer:
                        if answer.status == 200:
                            break
                except OSError:
                    pass
                if proc.poll() is not None or time.perf_counter() > deadline:
                    log.seek(0)
                    err = log.read().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"kiosk central serve did not come up:\n{err}")
                time.sleep(0.1)
            yield RunningService(url, proc.pid)
        finally:
            stop(proc)


def prepare(
    base: Path,
    warm: float = 3.0,
    command: str | None = None,
    central_url: str | None = None,
    service_url: str | None = None,
) -> KioskSetup:
    """Demo data, configs, and one ``warm``-second run of each kiosk (its first sync).

    ``command``: the kiosk executable to measure (default: the venv's ``kiosk`` script).
    ``central_url``: an empty database for the central store (default: a SQLite file).
    ``service_url``: the central sync service in front of it (:func:`central_service`); the
    kiosks are enrolled and sync through it with their device tokens."""
    from kiosk.base.clock import SystemClock
    from kiosk.demo.data import create_demo

    demo = create_demo(base, SystemClock().now(), central_url)
    configs = []
    for kiosk_id, role, room in (("door-aurora", "door", "aurora"), ("lobby-1", "lobby", None)):
        path = demo.write_config(kiosk_id, role, room=room)
        text = path.read_text(encoding="utf-8")
        if service_url is not None:
            token = _enroll(demo.central_url, base / f"{kiosk_id}.token", kiosk_id, role, room)
            text = text.replace(
                f'url = "{demo.central_url}"\n',
                f'url = "{service_url}"\ncredential_file = "{token}"\n',
                1,
            )
        # A window of the benchmark's size rather than the offscreen platform's screen size.
        path.write_text(text.replace("[kiosk]\n", "[kiosk]\nfullscreen = false\n", 1), "utf-8")
        configs.append(path)
    setup = KioskSetup(base, configs[0], configs[1], command or kiosk_command())
    for config in (setup.door, setup.lobby):  # migrate and fill the local stores once
        with running_kiosk(setup, config) as (_proc, _ready):
            time.sleep(warm)  # a sync cycle or two (interval 2 s)
    to_png(setup)  # and compile what the screenshot command imports
    to_png_demo(setup)
    return setup


def _enroll(store_url: str, path: Path, kiosk_id: str, role: str, room: str | None) -> Path:
    """A device token for ``kiosk_id`` in ``path``, as ``kiosk admin enroll`` writes it."""
    from kiosk.base.clock import SystemClock
    from kiosk.central.credentials import enroll
    from kiosk.config.credential_file import write_token_file
    from kiosk.store.engine import open_store

    store = open_store(store_url, migrate=False)
    try:
        with store.engine.begin() as conn:
            write_token_file(path, enroll(conn, kiosk_id, role, room, SystemClock().now()))
    finally:
        store.dispose()
    return path


@contextmanager
def running_kiosk(
    setup: KioskSetup, config: Path, timeout: float = 60.0
) -> Iterator[tuple[subprocess.Popen[bytes], float]]:
    """``kiosk run --config`` until the block ends; yields it and seconds from spawn to READY=1."""
    with tempfile.TemporaryDirectory(prefix="kiosk-notify-") as tmp:
        address = str(Path(tmp) / "notify")
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.bind(address)
            log = (Path(tmp) / "stderr").open("wb")
            started = time.perf_counter()
            proc = subprocess.Popen(
                [setup.command, "run", "--config", str(config)],
                env=setup.env(NOTIFY_SOCKET=address),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,  # its own process group, so stop() ends only it
            )
            try:
                ready = _wait_ready(sock, proc, started, timeout)
                yield proc, ready
            finally:
                stop(proc)
                log.close()
                if proc.returncode not in (0, -15):
                    err = (Path(tmp) / "stderr").read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"kiosk run ended with {proc.returncode}:\n{err}")


def _wait_ready(
    sock: socket.socket, proc: subprocess.Popen[bytes], started: float, timeout: float
) -> float:
    deadline = started + timeout
    sock.settimeout(0.2)
    while time.perf_counter() < deadline:
        try:
            message = sock.recv(4096)
        except TimeoutError:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"kiosk run exited with {proc.returncode} before READY=1"
                ) from None
            continue
        if b"READY=1" in message.split(b"\n"):
            return time.perf_counter() - started
    raise RuntimeError(f"no READY=1 from kiosk run within {timeout:.0f} s")


def first_frame(setup: KioskSetup, config: Path) -> float:
    """Seconds from spawning ``kiosk run`` to its READY=1 (first screen up)."""
    with running_kiosk(setup, config) as (_proc, ready):
        return ready


def to_png(setup: KioskSetup) -> float:
    """Seconds for ``kiosk screenshot --config DOOR --screen door`` to write its PNG and exit."""
    return _screenshot(setup, "--config", str(setup.door))


def to_png_demo(setup: KioskSetup) -> float:
    """Seconds for ``kiosk screenshot --demo --screen door`` (fresh demo data) to finish."""
    return _screenshot(setup, "--demo")


def _screenshot(setup: KioskSetup, *source: str) -> float:
    out = setup.base / "kiosk-door.png"
    out.unlink(missing_ok=True)
    started = time.perf_counter()
    done = subprocess.run(
        [setup.command, "screenshot", *source, "--screen", "door", "--out", str(out)],
        env=setup.env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
    )
    took = time.perf_counter() - started
    if done.returncode != 0 or not out.exists() or out.stat().st_size == 0:
        raise RuntimeError(f"kiosk screenshot failed: {done.stderr.decode(errors='replace')}")
    return took
