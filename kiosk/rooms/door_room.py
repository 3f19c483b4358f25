"""Does a door's room exist? Read with sqlite3 alone, before SQLAlchemy loads.

A door configured for a room the site does not have would wait for it for ever. Once its local
store has finished a first sync (every room reaches every door), the room's absence is a
mistake in the config: ``kiosk run`` refuses to start and names the rooms there are. Before
the first sync the door cannot know, and says on screen that it waits for its room.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kiosk.base.errors import ConfigError
from kiosk.store.schema_head import SCHEMA_HEAD, open_read_only, schema_version

#: The key the sync engine sets once a first sync is complete (``kiosk.sync.state``).
FIRST_SYNC_DONE = "first_sync_done"


@dataclass(frozen=True)
class RoomCheck:
    synced: bool  # the store holds every room: a local store after its first sync, or central
    exists: bool
    rooms: tuple[str, ...]  # the rooms the store holds, sorted

    @property
    def missing(self) -> bool:
        """The room is known not to exist (not merely not synced yet)."""
        return self.synced and not self.exists


def check_room(path: Path, room_id: str, *, central: bool = False) -> RoomCheck | None:
    """``room_id`` in the SQLite store at ``path``; None without a readable store at the head.

    ``central``: the store is a central one (always complete), not a kiosk's replica.
    """
    if not path.is_file():
        return None
    try:
        conn = open_read_only(path, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        if schema_version(conn) != SCHEMA_HEAD:
            return None
        rooms = tuple(sorted(str(r[0]) for r in conn.execute("SELECT id FROM rooms")))
        synced = (
            central
            or conn.execute(
                "SELECT 1 FROM sync_state WHERE key = ? AND value = '1'", (FIRST_SYNC_DONE,)
            ).fetchone()
            is not None
        )
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return RoomCheck(synced=synced, exists=room_id in rooms, rooms=rooms)


def missing_room_text(room_id: str, rooms: tuple[str, ...]) -> str:
    there = ", ".join(rooms) if rooms else "none yet"
    return f"room {room_id!r} does not exist (rooms: {there})"


def missing_room_fix(room_id: str) -> str:
    return (
        "set `room` in the config to one of them, or add it: "
        f"kiosk admin room add {room_id} --name NAME"
    )


def missing_room_message(room_id: str, rooms: tuple[str, ...]) -> str:
    """One line for a door whose room does not exist, with what to do."""
    return f"{missing_room_text(room_id, rooms)}; {missing_room_fix(room_id)}"


def refuse_missing_room(path: Path, room_id: str) -> None:
    """ConfigError (exit 2) when the synced local store at ``path`` has no ``room_id``."""
    found = check_room(path, room_id)
    if found is not None and found.missing:
        raise ConfigError(missing_room_message(room_id, found.rooms))
