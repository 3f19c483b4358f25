"""Setting a room's door policy on the central store (see ``kiosk.views.screens.RoomPolicy``).

The policy is part of the room record, so it reaches every display of the room through the
normal feed; a door never needs its own configuration file changed to follow it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.base.errors import NotFound, UsageError
from kiosk.store.models import Badge, Person, Room, table_of
from kiosk.sync import central

rooms_t, badges_t, people_t = table_of(Room), table_of(Badge), table_of(Person)

#: The grace period when no-show release is turned on without a number.
DEFAULT_RELEASE_MINUTES = 10

_UNSET: Any = object()


def set_room_policy(
    conn: Connection,
    room_id: str,
    now: datetime,
    *,
    checkin_before_minutes: int | None = None,
    release_after_minutes: int | None = _UNSET,
    anonymous_actions: bool | None = None,
    booking_url: str | None = _UNSET,
) -> None:
    """Change the given parts of a room's policy; the others keep their values."""
    row = conn.execute(select(rooms_t).where(rooms_t.c.id == room_id)).first()
    if row is None:
        raise NotFound(f"no room {room_id!r}")
    values = dict(row._asdict())
    if checkin_before_minutes is not None:
        if not 0 <= checkin_before_minutes <= 240:
            raise UsageError("check-in may open 0 to 240 minutes before the start")
        values["checkin_before_minutes"] = checkin_before_minutes
    if release_after_minutes is not _UNSET:
        if release_after_minutes is not None and not 1 <= release_after_minutes <= 240:
            raise UsageError("no-shows may be released 1 to 240 minutes after the start")
        values["release_after_minutes"] = release_after_minutes
    if anonymous_actions is not None:
        values["anonymous_actions"] = anonymous_actions
    if booking_url is not _UNSET:
        if booking_url is not None and not booking_url.startswith(("https://", "http://")):
            raise UsageError("the booking page must be an http(s) URL")
        values["booking_url"] = booking_url or None
    values["updated_at"] = now
    central.write(conn, "rooms", values, now)
    if values["anonymous_actions"] != row.anonymous_actions:
        # Whose badges work at the room's door changed, and the central sync service shares a
        # badge's HMAC and its holder's name with a door only where they can act
        # (kiosk.central.shares): they go through the feed again, shared under the new policy.
        for (person_id,) in conn.execute(select(people_t.c.id).where(people_t.c.active)):
            central.publish(conn, "people", person_id, now)
        for (badge_id,) in conn.execute(
            select(badges_t.c.id).where(badges_t.c.revoked_at.is_(None))
        ):
            central.publish(conn, "badges", badge_id, now)
