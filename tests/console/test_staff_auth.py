"""Staff credentials: who may use which endpoints, revocation, and the audit of refusals."""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from kiosk.base.errors import NotFound, UsageError
from kiosk.central.credentials import enroll, revoke
from kiosk.central.service import AUTH_TTL
from kiosk.cli.main import main
from kiosk.console.client import Refused, StaffClient, Unauthorized, Unreachable
from kiosk.store.models import AuditEntry, KioskRecord, Person
from tests.console.helpers import HOST, Site, staff_site
from tests.stores import NOON


@pytest.fixture
def site(tmp_path: Path, central_url: str) -> Iterator[Site]:
    with staff_site(tmp_path, central_url) as s:
        yield s


KIOSK_CALLS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("GET", "/v1/whoami", None),
    ("POST", "/v1/push", {"items": []}),
    ("GET", "/v1/changes", None),
    ("GET", "/v1/wait?timeout=0", None),
    ("POST", "/v1/heartbeat", {"version": "1.0", "status": {}}),
    ("POST", "/v1/host/pin", {"person_id": "00000000-0000-0000-0000-000000000001", "pin": "1234"}),
]


def _audits(site: Site, action: str) -> list[AuditEntry]:
    with site.service.store.session() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_a_staff_token_is_refused_at_every_kiosk_endpoint(site: Site) -> None:
    headers = {"Authorization": f"Bearer {site.staff_token()}"}
    with httpx.Client(base_url=site.service.url, headers=headers, timeout=10) as http:
        for method, path, body in KIOSK_CALLS:
            answer = http.request(method, path, json=body)
            assert answer.status_code == 403, (path, answer.text)
    refused = _audits(site, "auth.wrong_role")
    assert len(refused) == 5  # audited at a bounded rate (5 at once), then only answered 403
    assert {a.kiosk_id for a in refused} == {"staff-mikko"}
    assert {a.actor_id for a in refused} == {site.host_id}
    with site.service.store.engine.connect() as conn:
        assert conn.execute(select(KioskRecord)).first() is None  # no heartbeat stored


def _staff_calls(site: Site) -> list[tuple[str, str]]:
    """Every staff endpoint the service publishes, with its ids filled in."""
    spec = httpx.get(f"{site.service.url}/openapi.json", timeout=10).json()
    calls = []
    for path, methods in spec["paths"].items():
        if path.startswith("/v1/staff/"):
            filled = path.replace("{event_id}", str(site.host_id)).replace("{room_id}", "aurora")
            calls += [(m.upper(), filled) for m in methods]
    return calls


@pytest.mark.parametrize(("role", "room"), [("lobby", None), ("door", "aurora")])
def test_kiosk_tokens_are_refused_at_every_staff_endpoint(
    site: Site, role: str, room: str | None
) -> None:
    with site.service.store.engine.begin() as conn:
        token = enroll(conn, f"{role}-1", role, room, NOON)
    calls = _staff_calls(site)
    assert len(calls) >= 14
    with httpx.Client(
        base_url=site.service.url, headers={"Authorization": f"Bearer {token}"}, timeout=10
    ) as http:
        for method, path in calls:
            answer = http.request(method, path, json={} if method == "POST" else None)
            assert answer.status_code == 403, (method, path, answer.text)
    assert {a.kiosk_id for a in _audits(site, "auth.wrong_role")} == {f"{role}-1"}
    with StaffClient(site.service.url, token) as client, pytest.raises(Unauthorized):
        client.whoami()


def test_no_token_and_a_made_up_token_are_unauthorized(site: Site) -> None:
    assert httpx.get(f"{site.service.url}/v1/staff/hosts", timeout=10).status_code == 401
    client = StaffClient(site.service.url, "lkd1." + "A" * 43)
    with client, pytest.raises(Unauthorized, match="unknown or revoked"):
        client.hosts()


def test_a_staff_credential_revoked_mid_session_is_refused_within_auth_ttl(site: Site) -> None:
    with site.client() as client:
        assert client.whoami().name == "Mikko Korhonen"
        with site.service.store.engine.begin() as conn:
            revoke(conn, "staff-mikko", NOON)
        revoked_at = time.monotonic()
        while True:
            try:
                client.hosts()
            except Unauthorized:
                break
            assert time.monotonic() - revoked_at < AUTH_TTL + 0.5, "still accepted"
            time.sleep(0.2)


def test_a_staff_member_who_is_no_longer_a_host_cannot_switch_modes(site: Site) -> None:
    with site.client() as client:
        with site.service.store.engine.begin() as conn:
            conn.execute(update(Person).where(Person.id == site.host_id).values(role="member"))
        with pytest.raises(Refused, match="only a host"):
            client.switch_mode("aurora", "closed", NOON + timedelta(hours=1))
    assert _audits(site, "staff.mode_set") == []


def test_enrolment_rules_for_staff(site: Site) -> None:
    with site.service.store.engine.begin() as conn:
        with pytest.raises(UsageError, match="host or admin"):
            enroll(conn, "staff-aino", "staff", None, NOON, "aino@vm.example")  # a member
        with pytest.raises(NotFound):
            enroll(conn, "staff-x", "staff", None, NOON, "nobody@lab.example")
        with pytest.raises(UsageError, match="--person"):
            enroll(conn, "staff-x", "staff", None, NOON)
        with pytest.raises(UsageError, match="--person is for staff"):
            enroll(conn, "lobby-9", "lobby", None, NOON, HOST)


def test_a_dead_service_is_unreachable(tmp_path: Path) -> None:
    client = StaffClient("http://127.0.0.1:9", "lkd1." + "A" * 43, timeout=2)
    with client, pytest.raises(Unreachable):
        client.whoami()


def test_enroll_and_revoke_commands_for_staff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[kiosk]\nid = "admin-1"\ndata_dir = "data"\n'
        f'[central]\nurl = "sqlite:///{tmp_path / "central.db"}"\n',
        encoding="utf-8",
    )
    admin = ["admin", "--config", str(config)]
    assert main([*admin, "init"]) == 0
    assert main([*admin, "person", "add", "--name", "M K", "--email", HOST, "--role", "host"]) == 0
    capsys.readouterr()
    out = tmp_path / "mk.token"
    args = ["enroll", "staff-mk", "--role", "staff", "--person", HOST, "--out", str(out)]
    assert main([*admin, *args, "--json"]) == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert json.loads(capsys.readouterr().out)["role"] == "staff"
    assert main([*admin, "revoke", "staff-mk"]) == 0  # the alias of revoke-kiosk
    assert main([*admin, "revoke-kiosk", "staff-mk"]) == 3  # already revoked
    args = ["enroll", "staff-x", "--role", "staff", "--out", str(tmp_path / "x.token")]
    assert main([*admin, *args]) == 2
    assert not (tmp_path / "x.token").exists()


def test_a_kiosk_cannot_forge_a_staff_audit_entry(site: Site) -> None:
    import uuid

    with site.service.store.engine.begin() as conn:
        token = enroll(conn, "lobby-1", "lobby", None, NOON)
    entry = {
        "id": str(uuid.uuid4()),
        "at": NOON.isoformat(),
        "actor_id": str(site.host_id),
        "kiosk_id": "lobby-1",
        "action": "staff.mode_set",
        "detail": {"staff": "Mikko Korhonen", "mode": "closed"},
    }
    answer = httpx.post(
        f"{site.service.url}/v1/push",
        json={"items": [{"seq": 1, "entity": "audit_log", "payload": entry}]},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    assert "central service's to write" in answer.json()["rejected"]["1"]
    assert _audits(site, "staff.mode_set") == []


def test_a_door_cannot_push_an_event_for_another_room(site: Site) -> None:
    import uuid

    from kiosk.security.directory import add_room

    with site.service.store.engine.begin() as conn:
        add_room(conn, "borealis", "Borealis", 6, NOON)
        token = enroll(conn, "door-aurora", "door", "aurora", NOON)
    event = {
        "id": str(uuid.uuid4()), "title": "Ilta", "description": None,
        "starts_at": NOON.isoformat(), "ends_at": (NOON + timedelta(hours=1)).isoformat(),
        "capacity": None, "online_url": None, "allow_walkins": True,
        "created_by": str(site.host_id), "kiosk_id": "door-aurora",
        "updated_at": NOON.isoformat(), "title_sv": None, "title_en": None,
        "description_sv": None, "description_en": None, "room_id": "borealis",
    }  # fmt: skip
    answer = httpx.post(
        f"{site.service.url}/v1/push",
        json={"items": [{"seq": 1, "entity": "events", "payload": event}]},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    assert "own room or Lab-wide" in answer.json()["rejected"]["1"]
