"""Per-room calendar feeds, refreshed on a schedule by ``kiosk admin bookings refresh-feeds``.

A feed is fetched and parsed before the central store is touched. A feed that fails keeps the
room's last good bookings and marks the room's calendar as stale (``rooms.calendar_error``),
which doors show. The URL stays in ``calendar_feeds``, which is never replicated, and the
stored error never contains it: calendar URLs often carry a secret token.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from kiosk.base.errors import KioskError, NotFound, UsageError
from kiosk.store.dbutil import upsert
from kiosk.store.models import CalendarFeed, Room, table_of
from kiosk.sync import central

if TYPE_CHECKING:
    from kiosk.rooms.feed_invitations import InviteSettings, InviteSummary
    from kiosk.rooms.ics import Feed, SkippedEvent

log = logging.getLogger(__name__)

feeds_t, rooms_t = table_of(CalendarFeed), table_of(Room)
SCHEMES = ("http://", "https://", "webcal://", "file://")

#: What a door may learn about a failure: no URL, no calendar content.
FETCH_FAILED = "the calendar feed could not be fetched"
PARSE_FAILED = "the calendar feed could not be read as a calendar"


@dataclass(frozen=True)
class FeedRefresh:
    room_id: str
    ok: bool
    detail: str  # the import summary, or the full error (for the admin's terminal only)
    skipped_events: tuple[SkippedEvent, ...] = ()  # events in the feed that were not booked
    invitations: InviteSummary | None = None  # a feed that invites its attendees


def set_feed(
    conn: Connection,
    room_id: str,
    url: str,
    now: datetime,
    *,
    invite_attendees: bool | None = None,
    default_host: str | None = None,
) -> None:
    """Set a room's feed. ``invite_attendees`` and ``default_host`` (a person's id or e-mail,
    or ``none``) change only when given; a new feed invites nobody."""
    from kiosk.security.directory import find_person

    url = url.strip()
    if not url.lower().startswith(SCHEMES):
        raise UsageError("the feed URL must start with https://, http://, webcal:// or file://")
    if conn.execute(select(rooms_t.c.id).where(rooms_t.c.id == room_id)).first() is None:
        raise NotFound(f"no room {room_id!r}")
    row: dict[str, Any] = {"room_id": room_id, "url": url, "updated_at": now}
    if invite_attendees is not None:
        row["invite_attendees"] = invite_attendees
    if default_host is not None:
        row["invite_host_id"] = (
            None if default_host.strip().lower() == "none" else find_person(conn, default_host)
        )
    upsert(conn, feeds_t, [row])


def remove_feed(conn: Connection, room_id: str, now: datetime) -> None:
    if conn.execute(delete(feeds_t).where(feeds_t.c.room_id == room_id)).rowcount == 0:
        raise NotFound(f"room {room_id!r} has no calendar feed")
    _room_status(conn, room_id, now, synced_at=None, error=None)


def list_feeds(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(feeds_t, rooms_t.c.calendar_synced_at, rooms_t.c.calendar_error)
        .join(rooms_t, rooms_t.c.id == feeds_t.c.room_id)
        .order_by(feeds_t.c.room_id)
    )
    return [
        {
            "room": r.room_id,
            "url": r.url,
            "invite_attendees": r.invite_attendees,
            "last_attempt_at": r.last_attempt_at,
            "synced_at": r.calendar_synced_at,
            "error": r.calendar_error,
        }
        for r in rows
    ]


def _room_status(
    conn: Connection, room_id: str, now: datetime, *, synced_at: datetime | None, error: str | None
) -> None:
    room = conn.execute(select(rooms_t).where(rooms_t.c.id == room_id)).one()._asdict()
    if room["calendar_synced_at"] == synced_at and room["calendar_error"] == error:
        return  # unchanged: no change-feed entry for every quiet refresh
    room.update(calendar_synced_at=synced_at, calendar_error=error, updated_at=now)
    central.write(conn, "rooms", room, now)


def refresh_feeds(
    transaction: Callable[[], AbstractContextManager[Connection]],
    *,
    tz: ZoneInfo,
    now: datetime,
    days: int,
    fetch: Callable[[str], bytes],
    invites: InviteSettings | None = None,
) -> list[FeedRefresh]:
    """Refresh every room's feed, each in its own transaction; one failure stops no other.

    A feed with ``invite_attendees`` also makes, moves and revokes its attendees' invitations
    (kiosk/rooms/feed_invitations.py) in the transaction of its bookings, with ``invites``.
    """
    from kiosk.rooms.ics import parse_feed
    from kiosk.rooms.ics_import import import_occurrences

    with transaction() as conn:
        feeds = [(r.room_id, r.url, r.invite_attendees) for r in conn.execute(select(feeds_t))]
    start = datetime.combine(now.astimezone(tz).date(), time.min, tzinfo=tz)
    end = start + timedelta(days=days)
    results: list[FeedRefresh] = []
    for room_id, url, inviting in feeds:
        try:
            try:
                data = fetch(url)
            except KioskError as exc:
                raise _Failed(FETCH_FAILED, str(exc)) from None
            try:
                feed = parse_feed(data, start=start, end=end, tz=tz, attendees=inviting)
            except KioskError as exc:
                raise _Failed(PARSE_FAILED, str(exc)) from None
        except _Failed as failed:
            log.warning("calendar feed of room %s failed: %s", room_id, failed.public)
            with transaction() as conn:
                _attempted(conn, room_id, now)
                synced = conn.execute(
                    select(rooms_t.c.calendar_synced_at).where(rooms_t.c.id == room_id)
                ).scalar()
                _room_status(conn, room_id, now, synced_at=synced, error=failed.public)
            results.append(FeedRefresh(room_id, False, failed.detail))
            continue
        with transaction() as conn:
            # Two refreshes of one room at once (a timer and an admin): the second waits here
            # and then finds the first's bookings and invitations, instead of inserting them
            # again (PostgreSQL; SQLite has one writer at a time anyway).
            conn.execute(
                select(feeds_t.c.room_id).where(feeds_t.c.room_id == room_id).with_for_update()
            )
            result = import_occurrences(
                conn,
                room_id,
                feed.occurrences,
                window_start=start,
                window_end=end,
                now=now,
                skipped_events=feed.skipped,
            )
            invited = None
            if inviting:
                invited = _invite(conn, room_id, feed, end, now, invites)
            _attempted(conn, room_id, now)
            _room_status(conn, room_id, now, synced_at=now, error=None)
        if feed.skipped:
            # Line numbers and reasons only: UIDs and titles stay out of the log.
            reasons = "; ".join(f"line {e.line}: {e.reason}" for e in feed.skipped[:10])
            more = f" (and {len(feed.skipped) - 10} more)" if len(feed.skipped) > 10 else ""
            log.warning(
                "calendar feed of room %s: %d event(s) skipped: %s%s",
                room_id,
                len(feed.skipped),
                reasons,
                more,
            )
        detail = result.summary() + (f"; {invited.summary()}" if invited else "")
        results.append(FeedRefresh(room_id, True, detail, tuple(feed.skipped), invited))
    return results


def _invite(
    conn: Connection,
    room_id: str,
    feed: Feed,
    end: datetime,
    now: datetime,
    settings: InviteSettings | None,
) -> InviteSummary:
    from kiosk.rooms.feed_invitations import InviteSummary, invite_attendees
    from kiosk.rooms.ics_import import held_by

    if settings is None:
        return InviteSummary(not_run="this command does not invite")
    return invite_attendees(
        conn,
        room_id,
        feed.occurrences,
        held=held_by(feed.skipped),
        window_end=end,
        now=now,
        settings=settings,
    )


def _attempted(conn: Connection, room_id: str, now: datetime) -> None:
    conn.execute(feeds_t.update().where(feeds_t.c.room_id == room_id).values(last_attempt_at=now))


class _Failed(Exception):
    def __init__(self, public: str, detail: str) -> None:
        super().__init__(detail)
        self.public = public
        self.detail = detail
