"""The console on the one-machine set-up: the real service in-process, e-mails sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from kiosk.base.errors import NotFound, UsageError
from kiosk.config.settings import load_config
from kiosk.console.client import Unreachable
from kiosk.console.embedded import LOCAL_CREDENTIAL, EmbeddedConsole
from kiosk.console.models import InviteRequest
from kiosk.security.signing_keys import verification_keys
from kiosk.security.tokens import verify
from kiosk.store.engine import open_store
from kiosk.store.models import AuditEntry, DeviceCredential, Person
from tests.helpers import wait_for
from tests.lobby.mail_helpers import free_port, inline_qr, smtp_config, smtp_server


def _site(tmp_path: Path, port: int) -> Path:
    from kiosk.cli.main import main

    config = smtp_config(
        tmp_path / "kiosk.toml", f"sqlite:///{tmp_path / 'central.db'}", port, delivery="auto"
    )
    admin = ["admin", "--config", str(config)]
    assert main([*admin, "init"]) == 0
    for name, email, role in (("Mikko K", "mikko@lab.example", "host"),
                              ("Aino A", "aino@lab.example", "admin")):  # fmt: skip
        assert (
            main([*admin, "person", "add", "--name", name, "--email", email, "--role", role]) == 0
        )
    assert main([*admin, "keys", "create"]) == 0
    return config


def test_the_embedded_console_invites_and_the_email_goes_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = free_port()
    config = load_config(_site(tmp_path, port))
    now = datetime.now(UTC)
    with smtp_server(port) as inbox, EmbeddedConsole(config) as console:
        client = console.client
        me = client.whoami()
        assert (me.name, me.credential_id) == ("Aino A", LOCAL_CREDENTIAL)  # an admin first
        host = next(h for h in client.hosts() if h.name == "Mikko K")
        created = client.invite(
            InviteRequest("Eeva Ek", host.id, now, now + timedelta(hours=2), email="e@okm.example")
        )
        assert created.email_queued
        wait_for(lambda: len(inbox.messages) == 1, 30, "the invitation e-mail")
    store = open_store(config.central_url)
    try:
        with store.engine.connect() as conn:
            keys = verification_keys(conn)
            audit = conn.execute(select(AuditEntry).where(AuditEntry.action == "staff.invite"))
            revoked = conn.execute(
                select(DeviceCredential.revoked_at).where(DeviceCredential.id == LOCAL_CREDENTIAL)
            ).scalar()
            staff_names = [a.detail["staff"] for a in audit]
    finally:
        store.dispose()
    assert verify(inline_qr(inbox.messages[0]), keys, now).invitation_id == created.invitation_id
    assert inbox.recipients == [["e@okm.example"]] and staff_names == ["Aino A"]
    assert revoked is not None  # closing the console ended its credential
    with pytest.raises(Unreachable, match="closed"):
        client.whoami()  # closed with the console


def test_the_embedded_console_names_who_it_acts_as(tmp_path: Path) -> None:
    config = load_config(_site(tmp_path, free_port()))
    with EmbeddedConsole(config, person="mikko@lab.example") as console:
        assert console.client.whoami().name == "Mikko K"
    with pytest.raises(NotFound):
        EmbeddedConsole(config, person="nobody@lab.example")
    store = open_store(config.central_url)
    try:
        with store.engine.begin() as conn:
            conn.execute(
                update(Person).where(Person.role.in_(("host", "admin"))).values(active=False)
            )
    finally:
        store.dispose()
    with pytest.raises(UsageError, match="there is none yet"):
        EmbeddedConsole(config)


def test_the_demo_opens_a_console_with_its_visitors(tmp_path: Path) -> None:
    from kiosk.demo.data import create_demo
    from kiosk.demo.lobby import invite_demo_visitors

    now = datetime.now(UTC)
    demo = create_demo(tmp_path / "demo", now)
    invite_demo_visitors(demo.central_url, demo.base, now)
    config = load_config(demo.write_console_config("en"))
    with EmbeddedConsole(config) as console:
        client = console.client
        today = client.today(now.astimezone(config.tz).date())
        assert today.expected and {v.status for v in today.expected} == {"expected"}
        host = client.hosts()[0]
        created = client.invite(InviteRequest("Demo Guest", host.id, now, now + timedelta(hours=1)))
        assert not created.email_queued  # no address given: the code only
        assert created.invitation_id in {
            v.invitation_id for v in client.today(now.astimezone(config.tz).date()).expected
        }
