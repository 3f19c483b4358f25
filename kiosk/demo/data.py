"""Realistic demo data: the Lab's rooms, people with badges, bookings spread over the day.

Used by ``kiosk demo`` and ``kiosk screenshot --demo``; always written into a fresh base folder,
never into a real installation.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.rooms.bookings import add_booking
from kiosk.security.badges import create_site_key, load_site_key
from kiosk.security.directory import add_person, add_room, enroll_badge
from kiosk.security.host_auth import set_pin_central as set_pin
from kiosk.store.engine import open_store, sqlite_url

TIMEZONE = "Europe/Helsinki"

ROOMS = [
    ("aurora", "Aurora", 10),
    ("majakka", "Majakka – Fyren", 6),
    ("verstas", "Verstas – Verkstaden", 24),
    ("tori", "Tori – Torget", 120),
    ("hiljainen", "Hiljainen huone – Tysta rummet", 4),
]

# (name, email, role, organisation, badge UID as an RDM6300 reports it)
PEOPLE = [
    ("Aino Virtanen", "aino.virtanen@vm.example", "member", "Valtiovarainministeriö", "0A00F1C2D3"),
    ("Linnea Lindqvist", "linnea.lindqvist@oph.example", "member", "Opetushallitus", "0B1234ABCD"),
    ("Mikko Korhonen", "mikko.korhonen@lab.example", "host", "Työ 2.0 Lab", "0C55AA0F10"),
    ("Erik Sjöberg", "erik.sjoberg@um.example", "member", "Ulkoministeriö", "0D0BADCAFE"),
    ("Johanna Nieminen", "johanna.nieminen@vero.example", "member", "Verohallinto", None),
]

#: The demo people's e-mails, for the bookings they organise.
_AINO, _LINNEA, _MIKKO, _ERIK, _JOHANNA = (person[1] for person in PEOPLE)

DEMO_HOST_PIN = "1234"  # the demo host's (Mikko's) PIN for the host panel

# (room, start hh:mm, minutes, title, private, organiser: a demo person's e-mail above)
BOOKINGS = [
    ("aurora", "08:30", 60, "Tiimin viikkopalaveri", False, _JOHANNA),
    ("aurora", "10:00", 90, "Strategiatyöpaja: julkisen sektorin tekoäly", False, _AINO),
    ("aurora", "12:30", 60, "Kehityskeskustelu", True, _AINO),
    ("aurora", "14:00", 120, "Budjettikatsaus 2027", False, _AINO),
    ("aurora", "16:30", 45, "Veckomöte – svenska nätverket", False, _ERIK),
    ("majakka", "09:00", 30, "Aamukahvit", False, _MIKKO),
    ("majakka", "11:00", 60, "Haastattelu", True, _JOHANNA),
    ("majakka", "15:00", 60, "Projektin ohjausryhmä", False, _ERIK),
    ("verstas", "09:00", 180, "Palvelumuotoilun työpaja", False, _LINNEA),
    ("verstas", "13:00", 120, "Hackathon-valmistelut", False, _LINNEA),
    ("tori", "17:00", 120, "Lab-ilta: yhteistyön uudet muodot", False, _MIKKO),
]


@dataclass(frozen=True)
class Demo:
    base: Path
    central_url: str
    site_key_file: Path
    badges: list[tuple[str, str]]  # (name, UID)

    def config_text(
        self,
        kiosk_id: str,
        role: str,
        *,
        room: str | None = None,
        reader_port: str | None = None,
        language: str = "fi",
    ) -> str:
        lines = [
            "[kiosk]",
            f'id = "{kiosk_id}"',
            f'role = "{role}"',
            *([f'room = "{room}"'] if room else []),
            f'language = "{language}"',
            f'timezone = "{TIMEZONE}"',
            f'data_dir = "{self.base / kiosk_id}"',
            "",
            "[central]",
            f'url = "{self.central_url}"',
            "sync_interval = 2",
            "",
            "[security]",
            f'site_key_file = "{self.site_key_file}"',
        ]
        if reader_port:
            lines += [
                "",
                "[[readers]]",
                'name = "badge"',
                f'port = "{reader_port}"',
                'protocol = "rdm6300"',
            ]
        return "\n".join(lines) + "\n"

    def write_config(
        self,
        kiosk_id: str,
        role: str,
        *,
        room: str | None = None,
        reader_port: str | None = None,
        language: str = "fi",
    ) -> Path:
        path = self.base / f"{kiosk_id}.toml"
        text = self.config_text(
            kiosk_id, role, room=room, reader_port=reader_port, language=language
        )
        path.write_text(text, encoding="utf-8")
        return path

    def write_console_config(self, language: str = "fi") -> Path:
        """The staff console's config for the demo: the demo's SQLite store (so the console
        runs the service in-process) and the folder of the key the demo's invitations were
        signed with (``kiosk.demo.lobby.invite_demo_visitors``)."""
        path = self.base / "console.toml"
        text = self.config_text("console", "lobby", language=language)
        text = text.replace(
            f'data_dir = "{self.base / "console"}"', f'data_dir = "{self.base / "demo-admin"}"'
        )
        path.write_text(text, encoding="utf-8")
        return path


def create_demo(base: Path, now: datetime, central_url: str | None = None) -> Demo:
    """Seed a central store with the demo Lab as of ``now``'s day: a SQLite file in ``base``,
    or the empty database at ``central_url`` (the benchmarks' PostgreSQL, say)."""
    base.mkdir(parents=True, exist_ok=True)
    key_file = base / "site.key"
    create_site_key(key_file)
    key = load_site_key(key_file)
    url = central_url or sqlite_url(base / "central.db")
    store = open_store(url)
    tz = ZoneInfo(TIMEZONE)
    day = now.astimezone(tz).date()
    badges: list[tuple[str, str]] = []
    people: dict[str, uuid.UUID] = {}  # e-mail -> id: the bookings' organisers
    try:
        with store.engine.begin() as conn:
            for room_id, name, capacity in ROOMS:
                add_room(conn, room_id, name, capacity, now)
            for name, email, role, org, uid in PEOPLE:
                person = add_person(
                    conn, name=name, email=email, role=role, organisation=org, now=now
                )
                people[email] = person
                if role == "host":  # so the demo's host panel can be tried: PIN 1234
                    set_pin(conn, person, DEMO_HOST_PIN, now)
                if uid:
                    enroll_badge(conn, email, uid, key, now)
                    badges.append((name, uid))
            for room_id, hhmm, minutes, title, private, organiser in BOOKINGS:
                hour, minute = map(int, hhmm.split(":"))
                start = datetime.combine(day, time(hour, minute), tzinfo=tz)
                add_booking(
                    conn,
                    room_id=room_id,
                    title=title,
                    starts_at=start,
                    ends_at=start + timedelta(minutes=minutes),
                    now=now,
                    private=private,
                    organiser_id=people[organiser],
                )
    finally:
        store.dispose()
    return Demo(base, url, key_file, badges)
