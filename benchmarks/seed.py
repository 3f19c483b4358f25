"""Bulk seeding of a central store for the benchmarks: rows and their feed entries in chunks."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert

from kiosk.base.ids import new_id
from kiosk.store.engine import Store
from kiosk.sync import central
from kiosk.sync.replication import ENTITIES, to_payload

CHUNK = 1000


def _bulk(store: Store, entity_name: str, rows: list[dict[str, Any]], now: datetime) -> None:
    entity = ENTITIES[entity_name]
    for i in range(0, len(rows), CHUNK):
        chunk = rows[i : i + CHUNK]
        with store.engine.begin() as conn:
            conn.execute(insert(entity.table), chunk)
            conn.execute(
                insert(central.changes_table),
                [
                    {
                        "entity": entity.name,
                        "record_id": str(r[entity.key]),
                        "audience": entity.audience,
                        "payload": to_payload(entity, r),
                        "created_at": now,
                    }
                    for r in chunk
                ],
            )


def seed(store: Store, now: datetime, *, people: int, bookings: int, rooms: int = 20) -> None:
    room_rows = [
        {
            "id": f"room-{i}",
            "name": f"Room {i}",
            "capacity": 8,
            "checkin_before_minutes": 10,
            "release_after_minutes": None,
            "anonymous_actions": False,
            "booking_url": None,
            "calendar_synced_at": None,
            "calendar_error": None,
            "updated_at": now,
        }
        for i in range(rooms)
    ]
    _bulk(store, "rooms", room_rows, now)
    person_rows = [
        {
            "id": new_id(),
            "name": f"Person {i}",
            "email": f"p{i}@example.org",
            "role": "member",
            "organisation": "VM",
            "pin_hash": None,
            "active": True,
            "updated_at": now,
        }
        for i in range(people)
    ]
    _bulk(store, "people", person_rows, now)
    booking_rows = []
    for i in range(bookings):
        start = now + timedelta(minutes=30 * (i // rooms))
        booking_rows.append(
            {
                "id": new_id(),
                "room_id": f"room-{i % rooms}",
                "title": f"Meeting {i}",
                "private": False,
                "organiser_id": person_rows[i % len(person_rows)]["id"],
                "starts_at": start,
                "ends_at": start + timedelta(minutes=30),
                "status": "confirmed",
                "source": "admin",
                "external_uid": None,
                "checked_in_at": None,
                "created_by": None,
                "updated_at": now,
            }
        )
    _bulk(store, "bookings", booking_rows, now)
