"""Retention: visitors anonymised after ``retention_days``, on the central store and replicas."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.cli.main import main
from kiosk.lobby.notify import LogNotifier
from kiosk.lobby.notify_queue import NotificationQueue, enqueue_arrival
from kiosk.lobby.retention import ANONYMISED_NAME, purge_visitors
from kiosk.lobby.visitor_checkin import VisitorCheckinService
from kiosk.store.models import Checkin, Notification, Visitor
from tests.lobby.visitor_helpers import Lab, make_lab
from tests.stores import NOON


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    lab = make_lab(tmp_path)
    yield lab
    lab.close()


def names(store: object) -> dict[str, str | None]:
    with store.engine.connect() as conn:  # type: ignore[attr-defined]
        return {
            r.name: r.organisation for r in conn.execute(select(Visitor.name, Visitor.organisation))
        }


def test_visitors_are_anonymised_after_their_last_trace_and_replicas_follow(lab: Lab) -> None:
    _old, old_token = lab.invite("Vanha Vieras")
    lab.invite("Uusi Vieras", valid_to=NOON + timedelta(days=60))
    lab.sync()
    lab.service.scan(old_token)
    lab.sync()

    lab.clock.advance(timedelta(days=30))
    with lab.central.engine.begin() as conn:
        assert purge_visitors(conn, lab.clock.now(), 90).anonymised == []

    lab.clock.advance(timedelta(days=61))  # 91 days after the visit, 31 after the long window
    with lab.central.engine.begin() as conn:
        report = purge_visitors(conn, lab.clock.now(), 90)
    assert len(report.anonymised) == 1
    assert names(lab.central) == {ANONYMISED_NAME: None, "Uusi Vieras": "OKM"}
    lab.sync()
    assert names(lab.lobby) == {ANONYMISED_NAME: None, "Uusi Vieras": "OKM"}
    with lab.lobby.session() as s:
        assert len(s.scalars(select(Checkin)).all()) == 1  # the history stays, nameless

    with lab.central.engine.begin() as conn:  # idempotent
        assert purge_visitors(conn, lab.clock.now(), 90).anonymised == []


def test_admin_purge_command_with_dry_run(lab: Lab, capsys: pytest.CaptureFixture[str]) -> None:
    month_ago = NOON - timedelta(days=30)
    lab.clock.set(month_ago)
    lab.invite("Vanha Vieras", valid_from=month_ago, valid_to=month_ago + timedelta(hours=1))
    config = lab.tmp_path / "admin.toml"
    config.write_text(
        f'[kiosk]\nid = "admin-1"\ndata_dir = "{lab.tmp_path / "admin"}"\n'
        f'[central]\nurl = "{lab.central_url}"\n[lobby]\nretention_days = 1\n',
        encoding="utf-8",
    )
    capsys.readouterr()
    # The CLI uses the real clock: the invitation ended a month before NOON, past one day.
    args = ["admin", "--config", str(config), "purge", "--json"]
    assert main([*args, "--dry-run"]) == 0
    counted = json.loads(capsys.readouterr().out)
    assert (counted["due"], counted["feedback"]) == (1, 0)
    assert names(lab.central) == {"Vanha Vieras": "OKM"}
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["anonymised"] == 1
    assert names(lab.central) == {ANONYMISED_NAME: None}


def test_spent_notifications_are_forgotten_after_retention(lab: Lab) -> None:
    _id, token = lab.invite()
    lab.sync()
    VisitorCheckinService(lab.lobby, lab.clock, "lobby-1", on_checkin=enqueue_arrival).scan(token)
    queue = NotificationQueue(lab.lobby, LogNotifier(), lab.clock, "lobby-1", retention_days=90)
    queue.deliver_due()
    assert queue.purge_spent() == 0
    lab.clock.advance(timedelta(days=91))
    assert queue.purge_spent() == 1
    with lab.lobby.session() as s:
        assert s.scalars(select(Notification)).all() == []


def test_old_feedback_loses_its_signature_and_comment_but_keeps_its_face(lab: Lab) -> None:
    from kiosk.lab.feedback import FeedbackService, list_feedback
    from kiosk.lobby.retention import purge_feedback
    from kiosk.store.models import Person

    with lab.central.engine.connect() as conn:
        someone = conn.execute(select(Person.id).limit(1)).scalar_one()
    lab.sync()  # the person reaches the lobby
    answers = FeedbackService(lab.lobby, lab.clock, "lobby-1")
    answers.record(1, comment="Kahvi loppui", person_id=someone)
    lab.clock.advance(timedelta(days=60))
    answers.record(4, comment="Kiitos!", person_id=someone)
    lab.sync()
    lab.clock.advance(timedelta(days=31))  # the first is 91 days old, the second 31

    with lab.central.engine.begin() as conn:
        assert purge_feedback(conn, lab.clock.now(), 90, dry_run=True) == 1
        assert purge_feedback(conn, lab.clock.now(), 90) == 1
        assert purge_feedback(conn, lab.clock.now(), 90) == 0  # idempotent
    with lab.central.engine.connect() as conn:
        old, new = list_feedback(conn)
    assert (old.score, old.signed_by, old.comment) == (1, None, None)
    assert (new.score, new.comment) == (4, "Kiitos!") and new.signed_by is not None
