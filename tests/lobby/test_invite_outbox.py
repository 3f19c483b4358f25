"""The central outbox of invitation e-mails when the mail server is down, slow, refusing, or
the sender is killed between sending and marking: nothing lost, nothing sent twice except the
documented at-least-once case (the same Message-ID again)."""

from __future__ import annotations

import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from kiosk.base.clock import FixedClock
from kiosk.lobby.invitations import NewInvitation, create_invitation
from kiosk.lobby.invite_delivery import MailSettings, queue_invitation
from kiosk.lobby.invite_outbox import LEASE, InviteMailOutbox
from kiosk.lobby.notify import SmtpNotifier
from kiosk.security.tokens import TokenKind, sign
from kiosk.store.engine import Store, create_store_engine
from kiosk.store.models import InvitationEmail
from tests.lobby.mail_helpers import Inbox, free_port, silent_server, smtp_server
from tests.stores import NOON, seed_central, site_key

TZ = ZoneInfo("Europe/Helsinki")
MAIL = MailSettings("lab-kiosk@lab.example", TZ, {}, {})


@pytest.fixture
def store(tmp_path: Path, central_url: str) -> Iterator[Store]:
    store = seed_central(central_url, site_key(tmp_path), FixedClock(NOON))
    yield store
    store.dispose()


def queue(store: Store, count: int = 1, now: datetime = NOON) -> list[uuid.UUID]:
    key = Ed25519PrivateKey.generate()
    ids = []
    with store.engine.begin() as conn:
        for n in range(count):
            start, end = NOON - timedelta(hours=2), NOON + timedelta(hours=8)
            invitation_id = create_invitation(
                conn, NewInvitation(f"Visitor {n}", "mikko@lab.example", None, start, end), now
            )
            token = sign(
                key,
                invitation_id=invitation_id,
                kind=TokenKind.VISITOR,
                valid_from=start,
                valid_to=end,
            )
            ids.append(
                queue_invitation(
                    conn, invitation_id, token, f"visitor{n}@example.fi", "en", MAIL, now
                )
            )
    return ids


def smtp(port: int, timeout: float = 5.0) -> SmtpNotifier:
    return SmtpNotifier("127.0.0.1", port, "x@lab.example", TZ, security="none", timeout=timeout)


def outbox(store: Store, port: int, clock: Any, **kw: Any) -> InviteMailOutbox:
    return InviteMailOutbox(
        store.engine, smtp(port, kw.pop("timeout", 5.0)).send_message, clock, **kw
    )


def rows(store: Store) -> list[InvitationEmail]:
    with store.session() as s:
        return list(s.scalars(select(InvitationEmail).order_by(InvitationEmail.id)))


def test_a_mail_server_that_is_down_delays_the_e_mail_and_it_goes_out_once(store: Store) -> None:
    (mail_id,) = queue(store)
    port, clock = free_port(), FixedClock(NOON)
    first = outbox(store, port, clock).deliver_due()  # nobody listens: refused
    assert (first.sent, first.retrying, first.waiting) == (0, 1, 1)
    row = rows(store)[0]
    assert row.attempts == 1 and row.last_error and row.claimed_until is None
    assert row.next_attempt_at == NOON + timedelta(seconds=30) and row.message is not None
    assert outbox(store, port, clock).deliver_due().retrying == 0  # not due yet: not tried
    clock.advance(timedelta(seconds=31))
    assert outbox(store, port, clock).deliver_due().retrying == 1
    assert rows(store)[0].next_attempt_at == clock.now() + timedelta(seconds=60)  # backoff
    with smtp_server(port) as inbox:
        clock.advance(timedelta(seconds=61))
        assert outbox(store, port, clock).deliver_due().sent == 1
        for _ in range(3):
            clock.advance(timedelta(hours=2))
            assert outbox(store, port, clock).deliver_due().sent == 0
    assert inbox.message_ids() == [f"<{mail_id}@lab-kiosk>"]
    row = rows(store)[0]
    assert row.sent_at is not None and row.attempts == 3 and row.message is None


def test_a_mail_server_too_slow_to_answer_times_out_and_is_retried(store: Store) -> None:
    (mail_id,) = queue(store)
    slow_port, clock = free_port(), FixedClock(NOON)
    with silent_server(slow_port) as connections:
        report = outbox(store, slow_port, clock, timeout=1.0).deliver_due()
        assert connections  # it did connect, and then waited for a greeting that never came
    assert (report.sent, report.retrying) == (0, 1)
    assert "timed out" in (rows(store)[0].last_error or "")
    port = free_port()
    with smtp_server(port) as inbox:  # the server is back (on the same address, in life)
        clock.advance(timedelta(minutes=1))
        assert outbox(store, port, clock).deliver_due().sent == 1
        assert outbox(store, port, clock).deliver_due().sent == 0
    assert inbox.message_ids() == [f"<{mail_id}@lab-kiosk>"]


def test_senders_racing_for_the_same_rows_send_each_once(store: Store, central_url: str) -> None:
    ids = queue(store, 12)
    port, clock = free_port(), FixedClock(NOON)
    engines = [create_store_engine(central_url) for _ in range(4)]
    with smtp_server(port) as inbox:
        senders = [
            InviteMailOutbox(e, smtp(port).send_message, clock, lease=LEASE) for e in engines
        ]
        errors: list[BaseException] = []

        def run(sender: InviteMailOutbox) -> None:
            try:
                for _ in range(6):
                    sender.deliver_due(limit=3)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(s,)) for s in senders]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    for e in engines:
        e.dispose()
    assert not errors
    assert sorted(inbox.message_ids()) == sorted(f"<{i}@lab-kiosk>" for i in ids)
    assert all(r.sent_at is not None for r in rows(store))


def test_a_refused_address_is_given_up_and_its_message_dropped(store: Store) -> None:
    queue(store)
    port, clock = free_port(), FixedClock(NOON)

    class Refusing(Inbox):
        async def handle_RCPT(
            self, server: Any, session: Any, envelope: Any, address: str, options: Any
        ) -> str:
            return "550 no such user"

    from aiosmtpd.controller import Controller

    controller = Controller(Refusing(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        report = outbox(store, port, clock).deliver_due()
    finally:
        controller.stop()
    assert (report.sent, report.failed, report.waiting) == (0, 1, 0)
    row = rows(store)[0]
    assert row.failed_at is not None and row.message is None


def test_given_up_after_max_attempts(store: Store) -> None:
    queue(store)
    port, clock = free_port(), FixedClock(NOON)
    for _ in range(3):
        report = outbox(store, port, clock, max_attempts=3).deliver_due()
        clock.advance(timedelta(hours=2))
    assert report.failed == 1 and rows(store)[0].attempts == 3


KILLER = """
import os, signal, sys
from zoneinfo import ZoneInfo
from kiosk.base.clock import SystemClock
from kiosk.lobby.invite_outbox import InviteMailOutbox
from kiosk.lobby.notify import SmtpNotifier
from kiosk.store.engine import create_store_engine

smtp = SmtpNotifier("127.0.0.1", int(sys.argv[2]), "x@lab.example", ZoneInfo("UTC"),
                    security="none", timeout=5)

def send(message):
    smtp.send_message(message)
    os.kill(os.getpid(), signal.SIGKILL)  # after the server took it, before the row is marked

InviteMailOutbox(create_store_engine(sys.argv[1]), send, SystemClock()).deliver_due()
"""


def test_a_sender_killed_between_send_and_mark_sends_the_same_message_again(
    store: Store, central_url: str
) -> None:
    (mail_id,) = queue(store)
    port = free_port()
    with smtp_server(port) as inbox:
        done = subprocess.run(
            [sys.executable, "-c", KILLER, central_url, str(port)], timeout=120, check=False
        )
        assert done.returncode == -9
        assert inbox.message_ids() == [f"<{mail_id}@lab-kiosk>"]
        row = rows(store)[0]
        assert row.sent_at is None and row.claimed_until is not None  # the claim outlives it
        now = datetime.now(UTC)
        assert outbox(store, port, FixedClock(now)).deliver_due().sent == 0  # claim still held
        later = FixedClock(now + LEASE + timedelta(minutes=1))
        assert outbox(store, port, later).deliver_due().sent == 1  # at least once...
        assert outbox(store, port, later).deliver_due().sent == 0
    # ...and the second copy is the same message: mail programs show it once.
    assert inbox.message_ids() == [f"<{mail_id}@lab-kiosk>"] * 2
    assert inbox.messages[0].as_bytes() == inbox.messages[1].as_bytes()


def test_a_server_slow_to_confirm_may_get_the_same_message_twice_never_none(
    store: Store,
) -> None:
    """The server takes the message but answers after our timeout: at least once, so the
    retry sends the same bytes again (the documented duplicate, with one Message-ID)."""
    import asyncio

    from aiosmtpd.controller import Controller

    (mail_id,) = queue(store)
    port, clock = free_port(), FixedClock(NOON)

    class SlowToConfirm(Inbox):
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            reply = await super().handle_DATA(server, session, envelope)
            await asyncio.sleep(3)
            return reply

    slow = SlowToConfirm()
    controller = Controller(slow, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        assert outbox(store, port, clock, timeout=1.0).deliver_due().retrying == 1
        clock.advance(timedelta(minutes=1))
        assert outbox(store, port, clock, timeout=10.0).deliver_due().sent == 1
    finally:
        controller.stop()
    assert slow.message_ids() == [f"<{mail_id}@lab-kiosk>"] * 2
