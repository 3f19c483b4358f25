"""A rule's refusal is a 422 with its words; any other error in a staff call is a bug: a 500
that tells the client nothing of it, logged with its traceback but not its message (which may
hold what was sent). The real service on loopback; the report's PDF writer, which the service
is handed, is the part that fails."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from kiosk.base.errors import UsageError
from kiosk.lab.feedback import FeedbackService
from tests.console.helpers import Site, staff_site
from tests.stores import NOON

TODAY = date(2026, 11, 26)
VISITOR = "Aino Virtanen"  # personal data that must not reach the log or the answer
MESSAGE = f"{VISITOR} did not fit on the page"


def _failing_writer(error: type[Exception]) -> Any:
    def write(_report: Any, _lang: str, _path: Path) -> int:
        raise error(MESSAGE)

    return write


def _pdf(site: Site) -> httpx.Response:
    FeedbackService(site.service.store, site.service.clock, "lobby-1").record(4)
    headers = {"Authorization": f"Bearer {site.staff_token()}"}
    with httpx.Client(base_url=site.service.url, headers=headers, timeout=20) as http:
        params = {"since": TODAY.isoformat(), "until": TODAY.isoformat(), "fmt": "pdf"}
        return http.get("/v1/staff/report", params=params)


@pytest.mark.parametrize("error", [ValueError, OverflowError, KeyError])
def test_an_error_that_is_no_rule_is_a_500_logged_without_its_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, error: type[Exception]
) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    with (
        caplog.at_level(logging.ERROR, "kiosk.central.staff_api"),
        staff_site(tmp_path, url, pdf_writer=_failing_writer(error)) as site,
    ):
        answer = _pdf(site)
    assert answer.status_code == 500
    assert answer.json() == {"detail": "the service failed on this request; it is logged"}
    assert VISITOR not in answer.text and "out of range" not in answer.text
    [record] = [r for r in caplog.records if r.name == "kiosk.central.staff_api"]
    assert record.levelno == logging.ERROR
    assert record.getMessage() == f"staff call StaffService.report failed: {error.__name__}"
    assert record.exc_info is not None  # the traceback, down to the writer that failed
    logged = caplog.text
    assert "in write" in logged and "raise error(MESSAGE)" in logged
    assert VISITOR not in logged and "did not fit" not in logged


def test_a_rules_refusal_is_still_a_422_with_its_words(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"

    def refusing(_report: Any, _lang: str, _path: Path) -> int:
        raise UsageError("the report has too many pages for a PDF")

    with staff_site(tmp_path, url, pdf_writer=refusing) as site:
        answer = _pdf(site)
        headers = {"Authorization": f"Bearer {site.staff_token('staff-2')}"}
        body = {
            "name": " \u200d",  # the schema lets spaces and joiners by; the rule does not
            "host_id": str(site.host_id),
            "valid_from": (NOON + timedelta(hours=1)).isoformat(),
            "valid_to": (NOON + timedelta(hours=2)).isoformat(),
        }
        with httpx.Client(base_url=site.service.url, headers=headers, timeout=20) as http:
            invite = http.post("/v1/staff/invitations", json=body)
    assert (answer.status_code, answer.json()["detail"]) == (
        422,
        "the report has too many pages for a PDF",
    )
    assert invite.status_code == 422, invite.text
