"""Record ids: time-ordered UUIDv7, minted where a record is born; offline ids never collide."""

from __future__ import annotations

import uuid

import uuid6


def new_id() -> uuid.UUID:
    # uuid6.uuid7 returns a subclass of uuid.UUID; normalise so equality and hashing are plain.
    return uuid.UUID(int=uuid6.uuid7().int)
