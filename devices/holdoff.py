"""Folding repeats of one card or code into one presentation.

Readers repeat a frame for as long as a card is held (RDM6300 every ~60 ms, a PN532 on every
poll) and presentation-mode scanners rescan a code left in front of them. The window slides:
it is measured from the last time the value was seen, so a card held for ten seconds is one
event, and a fresh tap counts once the card has been away for longer than the hold-off.
"""

from __future__ import annotations


class HoldOff:
    """Remembers when each value was last seen; :meth:`admit` says whether it is a new event."""

    def __init__(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("hold-off must not be negative")
        self._seconds = seconds
        self._last_seen: dict[tuple[str, str], float] = {}

    @property
    def seconds(self) -> float:
        return self._seconds

    def admit(self, kind: str, value: str, now: float) -> bool:
        """Record a sighting at ``now``; true if it starts a new presentation."""
        key = (kind, value)
        last = self._last_seen.get(key)
        self._forget_older_than(now)
        self._last_seen[key] = now
        return last is None or now - last > self._seconds

    def _forget_older_than(self, now: float) -> None:
        # Only values within the window matter; the dict stays as small as the cards in view.
        stale = [k for k, t in self._last_seen.items() if now - t > self._seconds]
        for key in stale:
            del self._last_seen[key]
