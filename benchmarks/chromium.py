"""The browser kiosk's side: the door screen as a static page in headless Chromium.

* First frame: Chromium loads ``door_page.html?beacon=PORT``; the page's first
  ``requestAnimationFrame`` callback queues a task that runs once that frame is produced and
  requests an image from a small HTTP server of ours. Time = spawn -> that request. (The
  usual web way to observe a first frame from outside; the request itself costs well under a
  millisecond on loopback.)
* To PNG: ``chromium --headless --screenshot=... --window-size=1280,800`` from spawn to exit,
  with a fresh profile each time (as ``kiosk screenshot --demo`` starts from fresh data).
* Memory: the page kept open in headless Chromium (``--remote-debugging-port=0``, the usual
  way a headless browser is kept running); PSS summed over its whole process tree.

The browser binary itself (``/usr/lib/chromium/chromium``) is run rather than Debian's
``/usr/bin/chromium`` shell launcher, which costs a few extra milliseconds. As root Chromium
refuses to start without ``--no-sandbox``; without the sandbox it starts a little faster and
lighter, so that flag, where needed, favours Chromium.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from benchmarks.procs import stop

PAGE = Path(__file__).with_name("door_page.html")
SIZE = "1280,800"


def find_chromium(explicit: str | None = None) -> str | None:
    """The Chromium binary to measure, or None when it is not installed."""
    if explicit:
        return explicit if Path(explicit).exists() else None
    binary = Path("/usr/lib/chromium/chromium")
    if binary.exists():
        return str(binary)
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def version(binary: str) -> str:
    done = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30)
    return done.stdout.strip() or "unknown"


def _flags(profile: Path) -> list[str]:
    flags = [
        "--headless",
        f"--user-data-dir={profile}",
        f"--window-size={SIZE}",
        "--hide-scrollbars",
        "--no-first-run",
        "--no-default-browser-check",
    ]
    if os.geteuid() == 0:
        flags.append("--no-sandbox")
    return flags


class _Beacon:
    """A loopback HTTP server that notes when the page reports its first frame."""

    def __init__(self) -> None:
        self.painted = threading.Event()
        self.at = 0.0
        beacon = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.startswith("/painted") and not beacon.painted.is_set():
                    beacon.at = time.perf_counter()
                    beacon.painted.set()
                self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join()


@contextmanager
def running_chromium(
    binary: str, profile: Path, timeout: float = 60.0
) -> Iterator[tuple[subprocess.Popen[bytes], float]]:
    """Chromium showing the door page until the block ends; yields it and spawn -> first frame."""
    beacon = _Beacon()
    url = f"{PAGE.as_uri()}?beacon={beacon.port}"
    try:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [binary, *_flags(profile), "--remote-debugging-port=0", url],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            deadline = started + timeout
            while not beacon.painted.wait(0.2):
                if proc.poll() is not None:
                    raise RuntimeError(f"chromium exited with {proc.returncode} before a frame")
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"no first frame from chromium within {timeout:.0f} s")
            yield proc, beacon.at - started
        finally:
            stop(proc)
    finally:
        beacon.close()


def first_frame(binary: str, profile: Path) -> float:
    """Seconds from spawning Chromium (existing profile) to the page's first frame."""
    with running_chromium(binary, profile) as (_proc, seconds):
        return seconds


def to_png(binary: str, work: Path) -> float:
    """Seconds for ``chromium --headless --screenshot`` (fresh profile) to write a PNG and exit."""
    out = work / "chromium-door.png"
    out.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="chromium-profile-", dir=work) as profile:
        started = time.perf_counter()
        done = subprocess.run(
            [binary, *_flags(Path(profile)), f"--screenshot={out}", PAGE.as_uri()],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=120,
        )
        took = time.perf_counter() - started
    if done.returncode != 0 or not out.exists() or out.stat().st_size == 0:
        raise RuntimeError(f"chromium --screenshot failed: {done.stderr.decode(errors='replace')}")
    return took


def prepare_profile(binary: str, work: Path) -> Path:
    """A profile used once, as a kiosk browser's would be after its first start."""
    profile = work / "chromium-profile"
    with running_chromium(binary, profile):
        time.sleep(1)
    return profile
