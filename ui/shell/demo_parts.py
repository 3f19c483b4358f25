"""What ``kiosk demo`` needs around its two kiosks: a folder that goes away on every exit, the
two windows side by side, and badge numbers read from a terminal or a pipe."""

from __future__ import annotations

import contextlib
import logging
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

#: The lobby's share of the screen's width; the door gets the rest.
LOBBY_SHARE = 0.55
#: Neither window is taller than this fraction of its width (the 16:10 of a tablet).
ASPECT = 10 / 16
#: Room left for a window manager's title bar and borders, which Qt cannot know before mapping.
FRAME = (16, 40)


@contextlib.contextmanager
def temporary_base(prefix: str = "kiosk-demo-") -> Iterator[Path]:
    """A fresh folder, removed however the demo ends: a normal quit, ``--exit-after``, a signal
    (see ``EarlySignals``), an error."""
    base = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield base
    finally:
        shutil.rmtree(base, ignore_errors=True)
        if base.exists():
            log.warning("could not remove the demo folder %s", base)


class EarlySignals:
    """SIGTERM and SIGINT noted while the demo starts, acted on once its event loop runs.

    Raising from a signal handler half-way through building Qt windows and worker threads
    crashed the process (SIGSEGV) before its folder was removed; a note is safe, and the loop
    (which sets its own handlers) is then quit at once, through the usual shutdown.
    """

    def __init__(self) -> None:
        self.signum: int | None = None
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> EarlySignals:
        for signum in (signal.SIGTERM, signal.SIGINT):
            self._previous[signum] = signal.signal(signum, self._note)
        return self

    def _note(self, signum: int, _frame: FrameType | None) -> None:
        self.signum = signum

    def __exit__(self, *_: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)


def side_by_side(left: QWidget, right: QWidget, area: QRect) -> None:
    """Place the lobby (``left``) and the door (``right``) next to each other inside ``area``
    (the screen's available geometry), each as large as fits, so neither covers the other."""
    left_width = int(area.width() * LOBBY_SHARE)
    slots = (
        (left, area.x(), left_width),
        (right, area.x() + left_width, area.width() - left_width),
    )
    for window, x, width in slots:
        inner_w = max(1, width - FRAME[0])
        inner_h = max(1, min(area.height() - FRAME[1], int(inner_w * ASPECT)))
        window.resize(inner_w, inner_h)
        window.move(x, area.y())  # move() places the frame, resize() the inside


def feed_lines(stream: TextIO | None, present: Callable[[str], None]) -> None:
    """Each line of ``stream`` (a terminal or a pipe) becomes a card held on the simulated
    reader. At the end of a pipe the demo keeps running; the reading thread just stops."""
    if stream is None:
        return

    def loop() -> None:
        for line in stream:
            text = line.strip()
            if text:
                try:
                    present(text)
                except (ValueError, OSError) as exc:
                    print(f"not sent: {exc}", flush=True)

    threading.Thread(target=loop, name="demo-stdin", daemon=True).start()
