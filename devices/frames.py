"""The interface between a wire protocol and the reader thread that runs it.

A protocol module turns bytes into :class:`Read` and :class:`FrameError` values and knows
nothing about ports, threads or time of day; the reader thread owns those. Keeping parsers pure
(bytes in, values out) is what lets the tests replay captures and random noise through them
without any serial port at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Read:
    """A frame that passed every check: ``kind`` is "badge" or "text", ``value`` canonical."""

    kind: str
    value: str
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FrameError:
    """A frame (or a run of noise) that was dropped, with a short reason free of card data."""

    reason: str


Result = Read | FrameError


class Parser(Protocol):
    """Turns a byte stream into reads. Buffers are bounded and the parser resyncs after noise."""

    def feed(self, data: bytes) -> list[Result]:
        """Consume ``data`` (any split of the stream) and return what it completed."""
        ...

    def flush_idle(self) -> list[Result]:
        """Called when the line has been quiet for :attr:`idle_gap` seconds with bytes pending.

        Only scanners that send data "as is", without a terminator, complete a read this way;
        framed protocols drop the partial frame (a card pulled away mid-frame).
        """
        ...

    @property
    def idle_gap(self) -> float | None:
        """Seconds of silence that end a read, or ``None`` if silence means nothing."""
        ...

    @property
    def buffered(self) -> int:
        """Bytes held for an unfinished frame; never more than the protocol's maximum frame."""
        ...


class Port(Protocol):
    """The part of a serial port a :class:`Driver` may use."""

    def write(self, data: bytes, /) -> int | None: ...


@runtime_checkable
class Driver(Protocol):
    """A parser that must also talk to its reader (PN532 needs commands before it reads cards).

    The reader thread calls :meth:`on_open` after every (re)open and :meth:`poll` after every
    read attempt (at least every read timeout), passing the monotonic time, so the protocol can
    send commands and notice a reader that stopped answering without owning a thread itself.
    ``poll`` returns what it found (a reader that stopped answering is a :class:`FrameError`).
    """

    def on_open(self, port: Port, now: float) -> None: ...

    def poll(self, port: Port, now: float) -> list[Result]: ...
