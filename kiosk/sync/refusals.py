"""Why the central store refuses a pushed record for good, shared by every central rule."""

from __future__ import annotations


class PushRefused(ValueError):
    """A pushed record the central store will never accept; the message is the reason shown."""
