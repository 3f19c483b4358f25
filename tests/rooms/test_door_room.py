"""A door's room looked up with sqlite3 alone: known missing only after a first sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.base.errors import ConfigError
from kiosk.rooms import door_room
from kiosk.rooms.door_room import check_room, refuse_missing_room
from kiosk.security.directory import add_room
from kiosk.store.engine import open_local_store
from kiosk.sync import state
from tests.stores import NOON


def test_the_key_is_the_sync_engines() -> None:
    assert door_room.FIRST_SYNC_DONE == state.FIRST_SYNC_DONE


def test_missing_only_once_synced(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    assert check_room(path, "aurora") is None  # no store yet
    store = open_local_store(path)
    try:
        with store.engine.begin() as conn:
            add_room(conn, "aurora", "Aurora", 10, NOON)
        before = check_room(path, "nosuch")
        assert before is not None and not before.synced and not before.missing
        refuse_missing_room(path, "nosuch")  # not yet known to be wrong
        with store.session() as s:
            state.put(s, state.FIRST_SYNC_DONE, "1")
        after = check_room(path, "nosuch")
        assert after is not None and after.missing and after.rooms == ("aurora",)
        found = check_room(path, "aurora")
        assert found is not None and found.exists and not found.missing
        with pytest.raises(ConfigError, match=r"room 'nosuch' does not exist \(rooms: aurora\)"):
            refuse_missing_room(path, "nosuch")
    finally:
        store.dispose()
