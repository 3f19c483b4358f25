"""Telling a reader that spews junk from one that is merely busy.

Random bytes on a scanner line split into a read at every CR, LF or TAB they happen to contain:
2 MB became 22,181 text reads, each refused and logged by the kiosk, and a badge tap on another
reader waited behind all of them. People do not scan ten different codes in two seconds, so a
reader that produces that many text reads and bad frames is noisy: the reader thread says so once
and drops text reads until the line calms down. Badge reads neither count nor are dropped: each
one passed its protocol's checksum, which random bytes practically never do.
"""

from __future__ import annotations

from collections import deque

#: This many text reads and bad frames within ``WINDOW`` seconds make a reader noisy.
LIMIT = 10
WINDOW = 2.0
#: It is calm again once fewer than this many arrived within the last ``WINDOW`` seconds.
CALM = 2


class FloodGuard:
    """Counts what one reader produces and says when it turns noisy and when it calms down.

    Memory is one timestamp per counted result, at most ``limit`` of them; the count of what was
    dropped while noisy is kept for the log line that ends the episode.
    """

    def __init__(self, limit: int = LIMIT, window: float = WINDOW, calm: int = CALM) -> None:
        if limit < 2 or window <= 0 or not 0 < calm <= limit:
            raise ValueError("flood guard needs limit >= 2, window > 0 and 0 < calm <= limit")
        self._limit = limit
        self._window = window
        self._calm = calm
        self._seen: deque[float] = deque(maxlen=limit)
        self.noisy = False
        self.dropped = 0  # text reads dropped in the current (or last) episode

    @property
    def limit(self) -> int:
        return self._limit

    @property
    def window(self) -> float:
        return self._window

    def count(self, now: float) -> bool:
        """Count one text read or bad frame at ``now``; true when this one made it noisy."""
        self._seen.append(now)
        if self.noisy or len(self._seen) < self._limit:
            return False
        if now - self._seen[0] > self._window:
            return False
        self.noisy = True
        self.dropped = 0
        return True

    def calmed(self, now: float) -> bool:
        """While noisy: true (and no longer noisy) once the line has quietened."""
        if not self.noisy:
            return False
        recent = sum(1 for seen in self._seen if now - seen <= self._window)
        if recent >= self._calm:
            return False
        self.noisy = False
        self._seen.clear()
        return True
