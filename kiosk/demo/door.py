"""Demo door states for screenshots: each state as a moment of the demo day (plus a room mode).

``kiosk screenshot --screen door --demo --state busy`` needs a moment at which Aurora *is* busy
in the demo data, and "event", "event-soon" and "closed" need a room mode that the demo does not
have. Both are set up here, on the demo's central store before the door's first sync, so the
picture is drawn from real synced data exactly as a door would see it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Connection

from kiosk.base.ids import new_id
from kiosk.rooms.policy import set_room_policy
from kiosk.store.engine import open_store
from kiosk.sync import central

#: Local time of the demo day at which Aurora shows each state (see kiosk.demo.data.BOOKINGS).
DOOR_STATES: dict[str, time] = {
    "free": time(11, 42),
    "busy": time(14, 25),
    "ending-soon": time(15, 53),
    "event": time(18, 25),
    "event-soon": time(17, 20),  # free after the last booking; the evening's event at 18.00
    "closed": time(19, 10),
    "offline": time(10, 35),
}

#: The demo's booking page; any https URL shows how the QR code looks.
DEMO_BOOKING_URL = "https://tyo20lab.example/varaa/{room}"
#: The demo event: a long Finnish title on purpose (layouts must survive it).
DEMO_EVENT_TITLE = "Lab-ilta: yhteistyön uudet muodot valtionhallinnossa"
DEMO_EVENT_DESCRIPTION = (
    "Kolme lyhyttä puheenvuoroa ja paneeli siitä, miten ministeriöt ja virastot tekevät työtä "
    "yhdessä. Lopuksi vapaata keskustelua ja pientä purtavaa."
)
DEMO_EVENT_URL = "https://tyo20lab.example/live/lab-ilta"
DEMO_CLOSED_TITLE = "Remontti: ilmanvaihdon huolto"


def prepare_door_state(
    central_url: str, room: str, state: str, day: date, tz: ZoneInfo
) -> datetime:
    """Set the demo's central store up for ``state``; returns the moment to show."""
    if state not in DOOR_STATES:
        raise ValueError(f"unknown door state {state!r}; one of {', '.join(DOOR_STATES)}")
    at = datetime.combine(day, DOOR_STATES[state], tzinfo=tz)
    store = open_store(central_url, migrate=False)
    try:
        with store.engine.begin() as conn:
            set_room_policy(conn, room, at, booking_url=DEMO_BOOKING_URL.format(room=room))
            if state in ("event", "event-soon"):
                _event_evening(conn, room, day, tz, at)
            elif state == "closed":
                set_at = at - timedelta(hours=1)
                _mode(
                    conn,
                    room,
                    "closed",
                    DEMO_CLOSED_TITLE,
                    None,
                    set_at,
                    set_at,
                    _at(day + timedelta(days=1), 8, tz),
                    at,
                )
    finally:
        store.dispose()
    return at


def _at(day: date, hour: int, tz: ZoneInfo, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=tz)


def _event_evening(conn: Connection, room: str, day: date, tz: ZoneInfo, now: datetime) -> None:
    """The evening's hybrid event 18.00–21.00, switched on (set at 17.00) from 18.00 to 21.30."""
    event_id = new_id()
    set_at = _at(day, 17, tz)
    central.write(
        conn,
        "events",
        {
            "id": event_id,
            "title": DEMO_EVENT_TITLE,
            "description": DEMO_EVENT_DESCRIPTION,
            "starts_at": _at(day, 18, tz),
            "ends_at": _at(day, 21, tz),
            "capacity": 60,
            "online_url": DEMO_EVENT_URL,
            "allow_walkins": True,
            "created_by": None,
            "kiosk_id": None,
            "updated_at": set_at,
        },
        now,
    )
    _mode(conn, room, "event", None, event_id, set_at, _at(day, 18, tz), _at(day, 21, tz, 30), now)


def _mode(
    conn: Connection,
    room: str,
    mode: str,
    title: str | None,
    event_id: Any,
    set_at: datetime,
    starts_at: datetime,
    expires_at: datetime | None,
    now: datetime,
) -> None:
    central.write(
        conn,
        "room_modes",
        {
            "id": new_id(),
            "room_id": room,
            "mode": mode,
            "version": round(set_at.timestamp() * 1_000_000),
            "title": title,
            "event_id": event_id,
            "starts_at": starts_at,
            "expires_at": expires_at,
            "set_by": None,
            "kiosk_id": None,
            "updated_at": set_at,
        },
        now,
    )
