"""Made-up usage for ``kiosk admin report --demo``: a Lab busy enough to draw every chart.

Seeds a fresh central store (the demo Lab's rooms and people from ``kiosk.demo.data``, plus made-up
members and visitors) with check-ins, bookings, events with tickets, and feedback for each day
of the period. Deterministic (a fixed random seed), so the same period always gives the same
report. Rows are inserted straight into the tables: nothing here is meant to sync anywhere.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from kiosk.base.ids import new_id
from kiosk.demo.data import ROOMS, TIMEZONE, create_demo
from kiosk.report.period import OpeningHours, Period
from kiosk.store.engine import open_store
from kiosk.store.models import (
    Booking,
    Checkin,
    Event,
    Feedback,
    Invitation,
    Person,
    Visitor,
    table_of,
)

DEMO_TZ = ZoneInfo(TIMEZONE)
EVENTS = (
    ("Lab-ilta: yhteistyön uudet muodot", 120),
    ("Tekoälyaamupäivä virkamiehille", 60),
    ("Palvelumuotoilun klinikka", 24),
    ("Avoin tiistai – Öppen tisdag", None),
)
COMMENTS = ("Hyvä tila!", "Kahvi loppui.", "Great workshop", "Liian kylmä", "Kiitos!")


def seed_report_demo(base: Path, period: Period, opening: OpeningHours, now: datetime) -> str:
    """A central store in ``base`` with made-up use of ``period``; returns its URL."""
    demo = create_demo(base, now)
    rng = random.Random(20261127)
    store = open_store(demo.central_url)
    try:
        with store.engine.begin() as conn:
            members = _members(conn, now)
            visitors = _visitors(conn, now, 120)
            for day in period.days():
                if day.weekday() in opening.weekdays:
                    _day(conn, rng, day, members, visitors, now)
            _events(conn, rng, period, members, visitors, now)
            _feedback(conn, rng, period, now)
    finally:
        store.dispose()
    return demo.central_url


def _at(day: Any, hour: float) -> datetime:
    minutes = round(hour * 60)
    return datetime.combine(day, time(minutes // 60, minutes % 60), DEMO_TZ)


def _members(conn: Connection, now: datetime) -> list[uuid.UUID]:
    people = table_of(Person)
    rows = [
        {
            "id": new_id(),
            "name": f"Jäsen {n}",
            "email": f"member{n}@demo.example",
            "role": "member",
            "organisation": None,
            "pin_hash": None,
            "active": True,
            "updated_at": now,
        }
        for n in range(60)
    ]
    conn.execute(insert(people), rows)
    ids = conn.execute(select(people.c.id).where(people.c.role == "member")).scalars()
    return list(ids)


def _visitors(conn: Connection, now: datetime, count: int) -> list[uuid.UUID]:
    ids = [new_id() for _ in range(count)]
    rows = [
        {
            "id": ids[n],
            "name": f"Vierailija {n}",
            "organisation": None,
            "host_id": None,
            "anonymised_at": None,
            "updated_at": now,
        }
        for n in range(count)
    ]
    conn.execute(insert(table_of(Visitor)), rows)
    return ids


def _checkin(
    person: uuid.UUID | None,
    visitor: uuid.UUID | None,
    at: datetime,
    event: uuid.UUID | None = None,
    invitation: uuid.UUID | None = None,
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "direction": "in",
        "person_id": person,
        "visitor_id": visitor,
        "invitation_id": invitation,
        "method": "badge" if person else "qr",
        "kiosk_id": "lobby-1",
        "at": at,
        "event_id": event,
    }


def _day(
    conn: Connection,
    rng: random.Random,
    day: Any,
    members: list[uuid.UUID],
    visitors: list[uuid.UUID],
    now: datetime,
) -> None:
    busy = (0.9, 1.0, 0.95, 0.8, 0.55)[day.weekday()] if day.weekday() < 5 else 0.2
    busy *= rng.uniform(0.7, 1.15)
    rows = []
    for person in rng.sample(members, round(len(members) * 0.45 * busy)):
        arrive = min(max(rng.gauss(9.2, 1.1), 7.0), 15.5)
        rows.append(_checkin(person, None, _at(day, arrive)))
        if rng.random() < 0.15:  # out for lunch and back: still one visit
            rows.append(_checkin(person, None, _at(day, 13 + rng.random())))
    for visitor in rng.sample(visitors, round(14 * busy)):
        rows.append(_checkin(None, visitor, _at(day, rng.choice((9.5, 10, 12.8, 13, 14.2)))))
    conn.execute(insert(table_of(Checkin)), rows)
    bookings = []
    for room_id, _name, _capacity in ROOMS:
        hour = 8.0 + rng.choice((0, 0.5, 1))
        while hour < 17:
            length = rng.choice((0.5, 1, 1, 1.5, 2, 3))
            if rng.random() < 0.6 * busy:
                checked = rng.random() < 0.75
                start = _at(day, hour)
                bookings.append(
                    {
                        "id": new_id(),
                        "room_id": room_id,
                        "title": "Demo",
                        "private": False,
                        "organiser_id": None,
                        "starts_at": start,
                        "ends_at": start + timedelta(hours=length),
                        "status": "confirmed" if checked or rng.random() < 0.5 else "released",
                        "source": "admin",
                        "external_uid": None,
                        "checked_in_at": start if checked else None,
                        "created_by": None,
                        "updated_at": now,
                    }
                )
            hour += length + rng.choice((0, 0.5, 1))
    conn.execute(insert(table_of(Booking)), bookings)


def _events(
    conn: Connection,
    rng: random.Random,
    period: Period,
    members: list[uuid.UUID],
    visitors: list[uuid.UUID],
    now: datetime,
) -> None:
    days = [d for d in period.days() if d.weekday() in (1, 3)]
    for n, day in enumerate(days[1::2][: len(EVENTS) * 3]):
        title, capacity = EVENTS[n % len(EVENTS)]
        event_id, start = new_id(), _at(day, 16.5)
        conn.execute(
            insert(table_of(Event)),
            [
                {
                    "id": event_id,
                    "title": title,
                    "description": None,
                    "starts_at": start,
                    "ends_at": start + timedelta(hours=2),
                    "capacity": capacity,
                    "online_url": None,
                    "allow_walkins": capacity is None,
                    "created_by": None,
                    "kiosk_id": None,
                    "updated_at": now,
                }
            ],
        )
        guests = rng.sample(visitors, min(len(visitors), round((capacity or 40) * 0.8)))
        ticket_ids = [new_id() for _ in guests]
        tickets = [
            {
                "id": ticket_ids[n],
                "kind": "event-ticket",
                "visitor_id": v,
                "event_id": event_id,
                "valid_from": start - timedelta(hours=1),
                "valid_to": start + timedelta(hours=2),
                "single_use": True,
                "revoked_at": None,
                "updated_at": now,
            }
            for n, v in enumerate(guests)
        ]
        conn.execute(insert(table_of(Invitation)), tickets)
        came = [n for n in range(len(guests)) if rng.random() < 0.7]
        rows = [
            _checkin(
                None,
                guests[n],
                start - timedelta(minutes=rng.randint(0, 30)),
                event_id,
                ticket_ids[n],
            )
            for n in came
        ]
        rows += [_checkin(m, None, start, event_id) for m in rng.sample(members, 6)]
        conn.execute(insert(table_of(Checkin)), rows)


def _feedback(conn: Connection, rng: random.Random, period: Period, now: datetime) -> None:
    rows = []
    for day in period.days():
        for _ in range(rng.randint(0, 6) if day.weekday() < 5 else 0):
            rows.append(
                {
                    "id": new_id(),
                    "at": _at(day, rng.uniform(8, 18)),
                    "kiosk_id": "lobby-1",
                    "score": rng.choices((1, 2, 3, 4), (1, 2, 6, 8))[0],
                    "comment": rng.choice(COMMENTS) if rng.random() < 0.2 else None,
                    "context": rng.choices(("home", "checkout", "event"), (3, 5, 1))[0],
                    "event_id": None,
                    "person_id": None,
                    "updated_at": now,
                }
            )
    if rows:
        conn.execute(insert(table_of(Feedback)), rows)
