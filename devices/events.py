"""What a reader reports to the rest of the kiosk.

These two value types are the whole contract between the device layer and its users (the GUI
bridge, the ``kiosk devices monitor`` command): they are immutable so they can cross threads
without copying, and they carry no protocol objects so callers never depend on a wire format.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

BADGE = "badge"
TEXT = "text"


@dataclass(frozen=True)
class ReadEvent:
    """One presentation of a card or one scan, after checksums and hold-off folding.

    ``value`` is a canonical upper-case hex UID without separators for badges (so the same card
    gives the same string on every reader model) and the decoded text for scans. ``at`` is the
    ``time.monotonic()`` when the last byte of the read arrived.
    """

    kind: str
    value: str
    reader: str
    protocol: str
    at: float
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReaderStatus:
    """Health of one reader, for the host panel and the heartbeat.

    ``state`` is ``"connected"``, ``"reconnecting"`` (the port is missing or was unplugged; the
    reader keeps trying), ``"failed"`` (something a person must fix, such as permissions or
    another program holding the port; the reader still keeps trying, slowly) or ``"stopped"``.
    ``error`` is human readable and never contains card data.
    """

    reader: str
    state: str
    error: str | None = None
    bad_frames: int = 0
