"""Feedback and the usage report through the staff endpoints: HTML from any service, PDF
where the service runs beside the GUI package's PDF writer (the console's own)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.console.client import Refused
from kiosk.lab.feedback import FeedbackService
from kiosk.store.models import AuditEntry
from tests.console.helpers import staff_site

TODAY = date(2026, 11, 26)


def test_feedback_and_the_report_as_html_and_pdf(tmp_path: Path, qtbot: QtBot) -> None:
    from ui.render.report_pdf import write_report_pdf

    url = f"sqlite:///{tmp_path / 'central.db'}"
    with staff_site(tmp_path, url, pdf_writer=write_report_pdf) as site:
        feedback = FeedbackService(site.service.store, site.service.clock, "lobby-1")
        feedback.record(4, comment="Hyvä kahvi")
        feedback.record(1)
        with site.client() as client:
            items = client.feedback(TODAY, TODAY)
            html = client.report(TODAY, TODAY, "sv", "html")
            pdf = client.report(TODAY, TODAY, "fi", "pdf")
            assert client.feedback(date(2026, 11, 27), date(2026, 11, 30)) == ()
            with pytest.raises(Refused, match="ends before"):
                client.feedback(TODAY, date(2026, 11, 1))
        with site.service.store.session() as session:
            assert session.query(AuditEntry).count() == 0  # reading is not audited
    assert [(i.score, i.comment, i.kiosk_id) for i in items] == [
        (4, "Hyvä kahvi", "lobby-1"), (1, None, "lobby-1")
    ]  # fmt: skip
    assert html.startswith(b"<!DOCTYPE html") or b"<html" in html[:200]
    assert b'lang="sv"' in html[:500]
    assert pdf.startswith(b"%PDF-")
