"""Fixtures for reader tests: real pseudo-terminals, readers that are always stopped."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from devices.events import ReaderStatus, ReadEvent
from devices.frames import FrameError
from devices.reader import SerialReader
from devices.simulate import PtySimulator

WAIT = 5.0  # generous upper bound: tests wait on conditions and normally finish far sooner


class Recorder:
    """Collects what a reader reports and lets a test wait for a condition on it."""

    def __init__(self) -> None:
        self.events: list[ReadEvent] = []
        self.statuses: list[ReaderStatus] = []
        self.errors: list[FrameError] = []
        self._cond = threading.Condition()

    def on_event(self, event: ReadEvent) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def on_status(self, status: ReaderStatus) -> None:
        with self._cond:
            self.statuses.append(status)
            self._cond.notify_all()

    def on_frame_error(self, error: FrameError) -> None:
        with self._cond:
            self.errors.append(error)
            self._cond.notify_all()

    def wait_for(self, predicate: Callable[[], bool], timeout: float = WAIT) -> None:
        with self._cond:
            assert self._cond.wait_for(predicate, timeout), "condition not reached in time"

    def wait_events(self, count: int, timeout: float = WAIT) -> list[ReadEvent]:
        self.wait_for(lambda: len(self.events) >= count, timeout)
        return list(self.events)

    def wait_state(self, state: str, occurrence: int = 1, timeout: float = WAIT) -> None:
        self.wait_for(lambda: self.states().count(state) >= occurrence, timeout)

    def states(self) -> list[str]:
        return [s.state for s in self.statuses]

    def entered(self, state: str) -> int:
        """How often the reader went into ``state`` (repeated reports of one state count once)."""
        states = self.states()
        return sum(1 for i, s in enumerate(states) if s == state and states[i - 1 : i] != [s])


@pytest.fixture
def simulator() -> Iterator[Callable[[str], PtySimulator]]:
    """Factory for pty simulators, all closed after the test."""
    sims: list[PtySimulator] = []

    def make(protocol: str) -> PtySimulator:
        sim = PtySimulator(protocol)
        sims.append(sim)
        return sim

    yield make
    for sim in sims:
        sim.close()


ReaderFactory = Callable[..., tuple[SerialReader, Recorder]]


@pytest.fixture
def reader(simulator: Any) -> Iterator[ReaderFactory]:
    """Factory for started readers with a Recorder; stopped (before the simulators close)."""
    readers: list[SerialReader] = []

    def make(
        port: str, protocol: str, *, wait_connected: bool = True, **kwargs: Any
    ) -> tuple[SerialReader, Recorder]:
        rec = Recorder()
        kwargs.setdefault("backoff_max", 0.5)
        r = SerialReader(
            kwargs.pop("name", "test"),
            port,
            protocol,
            on_event=rec.on_event,
            on_status=rec.on_status,
            on_frame_error=rec.on_frame_error,
            **kwargs,
        )
        readers.append(r)
        r.start()
        if wait_connected:
            rec.wait_state("connected")
        return r, rec

    yield make
    for r in readers:
        r.stop()
