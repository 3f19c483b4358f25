"""Host notifications: queued with the check-in, sent later by the notifier, over real SMTP."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from kiosk.lobby.notify import LogNotifier, Notice, NotifyError, SmtpNotifier
from kiosk.lobby.notify_queue import NotificationQueue, NotificationWorker, enqueue_arrival
from kiosk.lobby.visitor_checkin import VisitorCheckinService
from kiosk.store.models import Notification
from kiosk.views.screens import ScanResult
from tests.lobby.visitor_helpers import Lab, make_lab

TZ = ZoneInfo("Europe/Helsinki")


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_port() -> int:
    return free_port()


@pytest.fixture
def inbox(smtp_port: int) -> Iterator[Inbox]:
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    yield handler
    controller.stop()


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    lab = make_lab(tmp_path)
    lab.service = VisitorCheckinService(lab.lobby, lab.clock, "lobby-1", on_checkin=enqueue_arrival)
    yield lab
    lab.close()


def smtp(port: int) -> SmtpNotifier:
    return SmtpNotifier("127.0.0.1", port, "lab-kiosk@lab.example", TZ, security="none", timeout=5)


def queue(lab: Lab, notifier: Any) -> NotificationQueue:
    return NotificationQueue(lab.lobby, notifier, lab.clock, "lobby-1")


def rows(lab: Lab) -> list[Notification]:
    with lab.lobby.session() as s:
        return list(s.scalars(select(Notification)))


def test_a_check_in_queues_one_notice_and_smtp_delivers_it(
    lab: Lab, inbox: Inbox, smtp_port: int
) -> None:
    _id, token = lab.invite("Eeva Ek")
    lab.sync()
    assert lab.service.scan(token).result is ScanResult.WELCOME
    [queued] = rows(lab)
    assert queued.sent_at is None
    report = queue(lab, smtp(smtp_port)).deliver_due()
    assert report.sent == 1
    [mail] = inbox.messages
    assert inbox.recipients == [["mikko@lab.example"]]
    assert mail["From"] == "lab-kiosk@lab.example"
    assert "Eeva Ek" in str(mail["Subject"])
    body = mail.get_payload(decode=True)
    assert isinstance(body, bytes)
    text = body.decode("utf-8")
    assert "Hei Mikko Korhonen" in text
    assert "Eeva Ek (OKM) on saapunut Työ 2.0 Labin aulaan klo 12.00." in text
    assert "has arrived in the Työ 2.0 Lab lobby at 12:00." in text
    [done] = rows(lab)
    assert done.sent_at == lab.clock.now()
    assert queue(lab, smtp(smtp_port)).deliver_due().sent == 0  # sent once only


def test_a_check_out_or_a_refused_scan_notifies_nobody(lab: Lab) -> None:
    _id, token = lab.invite()
    lab.sync()
    lab.service.scan("https://example.com")
    lab.service.scan(token)
    lab.clock.advance(timedelta(hours=2))
    assert lab.service.scan(token).result is ScanResult.CHECKED_OUT
    assert len(rows(lab)) == 1


def test_a_mail_server_that_is_down_never_blocks_the_check_in_and_is_retried(
    lab: Lab, smtp_port: int
) -> None:
    _id, token = lab.invite("Eeva Ek")
    lab.sync()
    assert lab.service.scan(token).result is ScanResult.WELCOME  # nothing waits for mail
    q = queue(lab, smtp(smtp_port))  # nobody listens on this port yet
    report = q.deliver_due()
    assert (report.sent, report.retrying) == (0, 1)
    [row] = rows(lab)
    assert row.attempts == 1 and row.next_attempt_at > lab.clock.now()
    assert q.deliver_due().retrying == 0  # not due yet

    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        lab.clock.advance(timedelta(minutes=1))
        assert q.deliver_due().sent == 1
        assert len(handler.messages) == 1
    finally:
        controller.stop()


def test_a_visitor_ahead_of_their_invitation_is_announced_once_it_arrives(lab: Lab) -> None:
    sent: list[Notice] = []

    class Recorder:
        def send(self, notice: Notice) -> None:
            sent.append(notice)

    _id, token = lab.invite("Eeva Ek")  # not synced yet
    assert lab.service.scan(token).result is ScanResult.WELCOME
    q = queue(lab, Recorder())
    assert q.deliver_due().waiting == 1 and sent == []
    lab.sync()
    lab.clock.advance(timedelta(minutes=1))
    assert q.deliver_due().sent == 1
    assert [(n.visitor_name, n.host_email) for n in sent] == [("Eeva Ek", "mikko@lab.example")]


def test_a_failing_notifier_gives_up_after_its_attempts(lab: Lab) -> None:
    class Broken:
        def send(self, notice: Notice) -> None:
            raise NotifyError("no route to host")

    _id, token = lab.invite()
    lab.sync()
    lab.service.scan(token)
    q = NotificationQueue(lab.lobby, Broken(), lab.clock, "lobby-1", max_attempts=3)
    for _ in range(3):
        q.deliver_due()
        lab.clock.advance(timedelta(hours=2))
    [row] = rows(lab)
    assert row.failed_at is not None and row.attempts == 3 and row.sent_at is None
    assert q.pending() == 0


def test_the_log_notifier_names_nobody(lab: Lab, caplog: pytest.LogCaptureFixture) -> None:
    _id, token = lab.invite("Eeva Ek")
    lab.sync()
    lab.service.scan(token)
    with caplog.at_level("INFO"):
        assert queue(lab, LogNotifier()).deliver_due().sent == 1
    assert "notified of a visitor" in caplog.text
    for secret in ("Eeva", "Mikko", "mikko@"):
        assert secret not in caplog.text


def test_the_worker_sends_when_woken_and_stops_cleanly(
    lab: Lab, inbox: Inbox, smtp_port: int
) -> None:
    _id, token = lab.invite()
    lab.sync()
    worker = NotificationWorker(queue(lab, smtp(smtp_port)), interval=60)
    worker.start()
    try:
        lab.service.scan(token)
        worker.wake()
        deadline = time.monotonic() + 10
        while not inbox.messages:
            assert time.monotonic() < deadline, "the notice was not sent"
            time.sleep(0.02)
    finally:
        worker.stop()
    assert len(inbox.messages) == 1
