"""The bounded hand-over of reads from reader threads to the one thread that acts on them.

Posting every read to a GUI's event queue makes that queue as long as the worst reader wants it
to be. Here each reader gets a few slots instead: a read already waiting is not added again, a
full reader's oldest read gives way to its newest (the person still at the reader is waiting for
that one), and the consumer is woken once per batch, not once per read. One reader can therefore
never hold more than ``capacity`` reads in memory, or push another reader's reads back.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from devices.events import ReadEvent

# A burst of real badge taps (a queue at the door) must fit while the GUI is busy; junk is
# already throttled by the reader (devices/flood.py), so this only bounds the worst case.
CAPACITY = 64


@dataclass(frozen=True)
class Batch:
    """What waited since the last :meth:`ReadMailbox.take`: reads in arrival order, and how many
    reads each reader lost to a full mailbox meanwhile."""

    reads: list[ReadEvent]
    dropped: dict[str, int]


class ReadMailbox:
    """Thread-safe; ``wake`` is called on the posting thread when the mailbox stops being empty.

    Until the consumer calls :meth:`take`, further posts do not call ``wake`` again, so at most
    one wake-up is ever in flight.
    """

    def __init__(self, wake: Callable[[], None], capacity: int = CAPACITY) -> None:
        if capacity < 1:
            raise ValueError("a mailbox needs room for at least one read")
        self._wake = wake
        self._capacity = capacity
        self._lock = threading.Lock()
        self._slots: dict[str, deque[tuple[int, ReadEvent]]] = {}
        self._dropped: dict[str, int] = {}
        self._serial = 0
        self._woken = False

    def post(self, event: ReadEvent) -> None:
        with self._lock:
            slots = self._slots.setdefault(event.reader, deque())
            if any(e.kind == event.kind and e.value == event.value for _, e in slots):
                return  # the same read is already waiting: once is enough
            if len(slots) >= self._capacity:
                slots.popleft()
                self._dropped[event.reader] = self._dropped.get(event.reader, 0) + 1
            self._serial += 1
            slots.append((self._serial, event))
            wake, self._woken = not self._woken, True
        if wake:
            self._wake()

    def take(self) -> Batch:
        """Everything waiting, oldest first; the next post wakes the consumer again."""
        with self._lock:
            waiting = sorted((i for s in self._slots.values() for i in s), key=lambda i: i[0])
            self._slots.clear()
            dropped, self._dropped = self._dropped, {}
            self._woken = False
        return Batch([event for _, event in waiting], dropped)

    def __len__(self) -> int:
        with self._lock:
            return sum(len(slots) for slots in self._slots.values())
