"""Calendars with attendees, written to real .ics files, and readers of the central store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kiosk.config.settings import load_config
from kiosk.store.engine import open_store
from kiosk.store.models import CalendarInvitation, Invitation, InvitationEmail, table_of

HOST = "mikko@lab.example"


@dataclass
class Meeting:
    uid: str
    day: date
    attendees: list[str] = field(default_factory=list)  # raw ATTENDEE lines' values
    organiser: str = HOST
    status: str | None = None
    rrule: str | None = None
    hour: int = 8  # UTC: 10.00 in Helsinki

    def lines(self) -> list[str]:
        start = datetime(self.day.year, self.day.month, self.day.day, self.hour, tzinfo=UTC)
        out = [
            "BEGIN:VEVENT",
            f"UID:{self.uid}",
            "DTSTAMP:20261201T000000Z",
            f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
            f"DTEND:{start + timedelta(hours=1):%Y%m%dT%H%M%SZ}",
            "SUMMARY:Yhteiskehittely",
            f"ORGANIZER;CN=Mikko Korhonen:mailto:{self.organiser}",
        ]
        out += [f"ATTENDEE;{a}" if a.startswith("CN=") else f"ATTENDEE:{a}" for a in self.attendees]
        if self.status:
            out.append(f"STATUS:{self.status}")
        if self.rrule:
            out.append(f"RRULE:{self.rrule}")
        return [*out, "END:VEVENT"]


def write_calendar(path: Path, meetings: list[Meeting]) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    for meeting in meetings:
        lines += meeting.lines()
    lines.append("END:VCALENDAR")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path.as_uri()


def today() -> date:
    return datetime.now(UTC).date()


def central_rows(config: Path) -> dict[str, list[dict[str, Any]]]:
    store = open_store(load_config(config).central_url, migrate=False)
    try:
        with store.engine.connect() as conn:
            return {
                name: [r._asdict() for r in conn.execute(select(table_of(model)))]
                for name, model in (
                    ("links", CalendarInvitation),
                    ("invitations", Invitation),
                    ("emails", InvitationEmail),
                )
            }
    finally:
        store.dispose()
