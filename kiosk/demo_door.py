"""Demo door states for screenshots: each state as a moment of the demo day (plus a room mode).

``kiosk screenshot --screen door --demo --state busy`` needs a moment at which Aurora *is* busy
in the demo data, and "event" and "closed" need a room mode that the demo does not have. Both
are set up here, on the demo's central store before the door's first sync, so the picture is
drawn from real synced data exactly as a door would see it.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from kiosk import central
from kiosk.ids import new_id
from kiosk.room_policy import set_room_policy
from kiosk.store import open_store

#: Local time of the demo day at which Aurora shows each state (see kiosk.demo.BOOKINGS).
DOOR_STATES: dict[str, time] = {
    "free": time(11, 42),
    "busy": time(14, 25),
    "ending-soon": time(15, 53),
    "event": time(14, 25),
    "closed": time(19, 10),
    "offline": time(10, 35),
}

#: The demo's booking page; any https URL shows how the QR code looks.
DEMO_BOOKING_URL = "https://tyo20lab.example/varaa/{room}"


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
            if state in ("event", "closed"):
                event = state == "event"
                central.write(
                    conn,
                    "room_modes",
                    {
                        "id": new_id(),
                        "room_id": room,
                        "mode": state,
                        "version": 1,
                        "title": "Lab-ilta: yhteistyön uudet muodot" if event else "Remontti",
                        "event_id": None,
                        "starts_at": at.replace(hour=at.hour - 1),
                        "expires_at": at.replace(hour=18, minute=0) if event else None,
                        "set_by": None,
                        "updated_at": at,
                    },
                    at,
                )
    finally:
        store.dispose()
    return at
