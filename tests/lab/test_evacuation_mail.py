"""The evacuation list leaves the building: queued for the hosts on duty, sent with its PDF."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.lobby.notify import EVACUATION, SmtpNotifier
from kiosk.lobby.notify_queue import NotificationQueue
from kiosk.store.models import Notification
from tests.lab.helpers import TZ, Site
from tests.lab.test_host_calls import Recorder
from tests.lobby.mail_helpers import attachments, free_port, smtp_server
from ui.lobby.evacuation import EvacuationPage
from ui.lobby.evacuation_send import EvacuationSender, hosts_on_duty_mailer
from ui.render.evacuation_pdf import write_evacuation_pdf
from ui.runtime.db_worker import DbWorker


def _pdf(site: Site) -> Path:
    return write_evacuation_pdf(site.tmp / "evacuation.pdf", [], site.clock.now(), TZ)


def test_the_saved_list_goes_to_each_host_on_duty_with_the_pdf_attached(
    site: Site, qapp: object
) -> None:
    pdf = _pdf(site)
    queued = hosts_on_duty_mailer(site.lobby, TZ)(pdf, site.clock.now())
    assert queued == 1  # Mikko is on duty today; Helena tomorrow
    with site.lobby.session() as s:
        [row] = s.scalars(select(Notification)).all()
        assert (row.kind, row.host_id, row.attachment) == (EVACUATION, site.ids["mikko"], str(pdf))
    port = free_port()
    with smtp_server(port) as inbox:
        notifier = SmtpNotifier(
            "127.0.0.1", port, "lab-kiosk@lab.example", TZ, security="none", timeout=5
        )
        report = NotificationQueue(site.lobby, notifier, site.clock, "lobby-1").deliver_due()
    assert report.sent == 1
    [message] = inbox.messages
    assert inbox.recipients == [["mikko@lab.example"]]
    assert "Evakuointilista / Utrymningslista / Evacuation list" in str(message["Subject"])
    body = message.get_body(("plain",))
    assert body is not None and "kl. " in body.get_content()
    assert attachments(message) == {pdf.name: ("application/pdf", pdf.read_bytes())}


def test_a_list_deleted_before_it_was_sent_is_given_up_not_retried(
    site: Site, qapp: object
) -> None:
    pdf = _pdf(site)
    hosts_on_duty_mailer(site.lobby, TZ)(pdf, site.clock.now())
    pdf.unlink()
    recorder = Recorder()
    report = NotificationQueue(site.lobby, recorder, site.clock, "lobby-1").deliver_due()
    assert (report.sent, report.failed, recorder.sent) == (0, 1, [])


def test_the_page_says_the_list_is_going_by_e_mail(
    qtbot: QtBot, site: Site, tmp_path: Path
) -> None:
    page = EvacuationPage(TZ)
    qtbot.addWidget(page)
    db = DbWorker()
    woken: list[bool] = []
    sender = EvacuationSender(
        page,
        db,
        TZ,
        tmp_path / "evacuation",
        write_evacuation_pdf,
        mail_hosts=hosts_on_duty_mailer(site.lobby, TZ),
        on_queued=lambda: woken.append(True),
    )
    try:
        page.set_people([], site.clock.now())
        path = sender.send()
        assert path is not None and path.exists()
        qtbot.waitUntil(lambda: "e-mail" in page.message.text(), timeout=10_000)
        assert page.message.text() == (f"Going by e-mail to the hosts on duty (1). Saved: {path}")
        assert woken == [True]
    finally:
        db.shutdown()
