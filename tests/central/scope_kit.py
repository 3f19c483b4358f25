"""What one kiosk's token may change in the central store, as a before/after comparison.

``snapshot`` keys every row of every table by its primary key; ``out_of_scope`` lists each row
added, changed or removed that the kiosk could not have touched (docs/sync.md, "The edge" and
"What a thief can do with one kiosk"):

- a row naming a kiosk (``kiosk_id``, or ``kiosks.id``) only if it names this one, before and
  after; a door's rows naming a room only for its own room (or the whole Lab, ``None``);
- the feed (``changes``) and the store's counters follow accepted records;
- a lobby's new visitors (walk-ins), and the notifications of its own new check-ins and calls;
- a door's bookings in its own room ("book now", door actions);
- nothing else: no person, badge, credential, room, invitation or other kiosk's record, and no
  row removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from kiosk.store.engine import Store
from kiosk.store.models import Base

Rows = dict[str, dict[tuple[Any, ...], dict[str, Any]]]
FOLLOWS = {"changes", "counters"}  # written by the store for what it accepted


@dataclass(frozen=True)
class Kiosk:
    id: str
    role: str
    room: str | None


def snapshot(store: Store) -> Rows:
    with store.engine.connect() as conn:
        rows: Rows = {}
        for name, table in Base.metadata.tables.items():
            keys = [c.name for c in table.primary_key.columns]
            rows[name] = {
                tuple(r[k] for k in keys): dict(r) for r in conn.execute(select(table)).mappings()
            }
        return rows


def out_of_scope(before: Rows, after: Rows, kiosk: Kiosk) -> list[str]:
    """Every change between ``before`` and ``after`` beyond ``kiosk``'s scope, described."""
    problems = []
    new_ids = {name: set(after[name]) - set(before[name]) for name in after}
    for name in after:
        old, new = before[name], after[name]
        for key in old.keys() - new.keys():
            problems.append(f"{name} {key}: removed")
        for key, row in new.items():
            was = old.get(key)
            if was == row:
                continue
            if not _mine(name, row, was, kiosk, new_ids):
                problems.append(f"{name} {key}: {'changed' if was else 'added'} {row!r:.300}")
    return problems


def _mine(
    name: str,
    row: dict[str, Any],
    was: dict[str, Any] | None,
    kiosk: Kiosk,
    new_ids: dict[str, set[tuple[Any, ...]]],
) -> bool:
    versions = [row] if was is None else [row, was]
    if name in FOLLOWS:
        return True
    rooms = {v["room_id"] for v in versions if "room_id" in v}
    if kiosk.role == "door" and not rooms <= {None, kiosk.room}:
        return False
    if name == "kiosks":
        return row["id"] == kiosk.id
    if "kiosk_id" in row:
        return all(v["kiosk_id"] == kiosk.id for v in versions)
    if name == "bookings":
        return kiosk.role == "door"  # its own room: checked above
    if name == "visitors":
        return kiosk.role == "lobby" and was is None
    if name == "notifications":  # of this lobby's new check-in or host call
        return was is None and (
            (row["checkin_id"],) in new_ids["checkins"]
            or (row["call_id"],) in new_ids["host_calls"]
        )
    return False
