"""Hosts on duty: who hosts the Lab on which day, and their photo when the site has one.

Written centrally by ``kiosk admin hosts duty set DATE PERSON...`` and replicated to lobbies,
which show today's hosts by name and tell them when someone presses "Call a host". Photos are
optional files named after the host (``<email>.jpg`` / ``.png``, or ``<person id>.jpg`` /
``.png``) in the folder ``lobby.host_photos_dir``; nothing is shown when there is none.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.base.errors import UsageError
from kiosk.base.ids import new_id
from kiosk.store.models import HostDuty, Person, table_of
from kiosk.sync import central

HOST_ROLES = ("host", "admin")
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")


@dataclass(frozen=True)
class HostOnDuty:
    person_id: uuid.UUID
    name: str
    email: str

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name


def hosts_on_duty(conn: Connection, day: date) -> list[HostOnDuty]:
    """The active hosts on duty on ``day``, by name."""
    d, p = table_of(HostDuty).c, table_of(Person).c
    rows = conn.execute(
        select(p.id, p.name, p.email)
        .join(table_of(HostDuty), d.person_id == p.id)
        .where(d.day == day, d.on_duty.is_(True), p.active.is_(True), p.role.in_(HOST_ROLES))
        .order_by(p.name, p.id)
    )
    return [HostOnDuty(r.id, r.name, r.email) for r in rows]


def photo_for(folder: Path | None, host: HostOnDuty) -> Path | None:
    """The host's photo file in ``folder``, or None (no folder, no file)."""
    if folder is None:
        return None
    for stem in (host.email.lower(), str(host.person_id)):
        for suffix in PHOTO_SUFFIXES:
            path = folder / f"{stem}{suffix}"
            if path.is_file():
                return path
    return None


def set_duty(conn: Connection, day: date, person_ids: Sequence[uuid.UUID], now: datetime) -> None:
    """Make exactly ``person_ids`` the hosts of ``day`` (others of that day are taken off)."""
    p, d = table_of(Person).c, table_of(HostDuty).c
    wanted = list(dict.fromkeys(person_ids))
    roles = {r.id: r.role for r in conn.execute(select(p.id, p.role).where(p.id.in_(wanted)))}
    for person_id in wanted:
        if roles.get(person_id) not in HOST_ROLES:
            raise UsageError(
                f"person {person_id} is not a host (role host or admin); nothing was changed"
            )
    existing = {
        r.person_id: r for r in conn.execute(select(table_of(HostDuty)).where(d.day == day))
    }
    for person_id in wanted:
        row = existing.get(person_id)
        if row is None or not row.on_duty:
            central.write(
                conn,
                "host_duty",
                {
                    "id": row.id if row is not None else new_id(),
                    "person_id": person_id,
                    "day": day,
                    "on_duty": True,
                    "updated_at": now,
                },
                now,
            )
    for person_id, row in existing.items():
        if person_id not in wanted and row.on_duty:
            central.write(
                conn,
                "host_duty",
                {
                    "id": row.id,
                    "person_id": person_id,
                    "day": day,
                    "on_duty": False,
                    "updated_at": now,
                },
                now,
            )
