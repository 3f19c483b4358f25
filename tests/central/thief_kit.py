"""What a thief's own client sends: one kiosk's token, straight at the service's API.

Shared by the thief tests (``test_thief*.py``); the service they attack is the ``service``
fixture of ``tests/central/conftest.py``.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from kiosk.base.ids import new_id
from kiosk.security.host_auth import set_pin_central
from kiosk.store.models import AuditEntry, Person
from kiosk.sync.replication import ENTITIES, to_payload
from tests.central.helpers import LiveService
from tests.stores import NOON, dump


def headers_for(
    tmp_path: Path, service: LiveService, kiosk_id: str, role: str, room: str | None
) -> dict[str, str]:
    """Enrol ``kiosk_id`` and return the header its stolen token makes."""
    token = service.enroll(tmp_path, kiosk_id, role, room).read_text(encoding="ascii").strip()
    return {"Authorization": f"Bearer {token}"}


def push(service: LiveService, headers: dict[str, str], *items: tuple[str, dict[str, Any]]):
    """Push ``items`` (entity, payload) as seq 1, 2, ...; the service's answer (200 only)."""
    body = {"items": [{"seq": i, "entity": e, "payload": p} for i, (e, p) in enumerate(items, 1)]}
    response = httpx.post(f"{service.url}/v1/push", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def host_id(service: LiveService) -> str:
    with service.store.engine.connect() as conn:
        return str(conn.execute(select(Person.id).where(Person.role == "host")).scalar_one())


def member_id(service: LiveService) -> str:
    with service.store.engine.connect() as conn:
        return str(conn.execute(select(Person.id).where(Person.role == "member")).scalar_one())


def visitor(name: str) -> dict[str, Any]:
    row = {
        "id": new_id(),
        "name": name,
        "organisation": None,
        "host_id": None,
        "anonymised_at": None,
        "updated_at": NOON,
    }
    return to_payload(ENTITIES["visitors"], row)


def checkin(kiosk_id: str, method: str) -> dict[str, Any]:
    return {
        "id": str(new_id()),
        "direction": "in",
        "person_id": None,
        "visitor_id": None,
        "invitation_id": None,
        "method": method,
        "kiosk_id": kiosk_id,
        "at": NOON.isoformat(),
        "event_id": None,
    }


def set_pin(service: LiveService, pin: str) -> None:
    host = uuid.UUID(host_id(service))  # read first: SQLite takes one writer at a time
    with service.store.engine.begin() as conn:
        set_pin_central(conn, host, pin, NOON)


def pin(service: LiveService, headers: dict[str, str], digits: str) -> dict[str, Any]:
    body = {"person_id": host_id(service), "pin": digits}
    response = httpx.post(f"{service.url}/v1/host/pin", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


def refusals(service: LiveService, kiosk_id: str) -> list[dict[str, Any]]:
    """The service's audit of ``kiosk_id``'s refused records (``sync.refused``)."""
    with service.store.engine.connect() as conn:
        return [
            dict(d)
            for d in conn.execute(
                select(AuditEntry.detail).where(
                    AuditEntry.kiosk_id == kiosk_id, AuditEntry.action == "sync.refused"
                )
            ).scalars()
        ]


def mode(kiosk_id: str, set_by: str, at: datetime, room: str | None = None) -> dict[str, Any]:
    """A mode switch as a host panel pushes it: the whole Lab (or ``room``) closed from ``at``."""
    return {
        "id": str(new_id()),
        "room_id": room,
        "mode": "closed",
        "version": 1,
        "title": None,
        "event_id": None,
        "starts_at": at.isoformat(),
        "expires_at": (at + timedelta(days=700)).isoformat(),
        "set_by": set_by,
        "kiosk_id": kiosk_id,
        "updated_at": at.isoformat(),
    }


def beyond_the_audit(service: LiveService) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table but the audit log (where refusals are written)."""
    return {name: rows for name, rows in dump(service.store).items() if name != "audit_log"}
