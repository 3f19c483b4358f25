"""Feedback: stored with its outbox row, anonymous unless signed; bad answers change nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.base.errors import UsageError
from kiosk.lab.feedback import FeedbackService, list_feedback
from kiosk.store.models import Feedback, OutboxRow
from tests.lab.helpers import Site, write_event
from tests.stores import row_counts


def service(site: Site) -> FeedbackService:
    return FeedbackService(site.lobby, site.clock, "lobby-1")


def test_one_face_is_stored_anonymously_with_its_outbox_row(site: Site) -> None:
    feedback_id = service(site).record(4)
    with site.lobby.session() as s:
        row = s.get(Feedback, feedback_id)
        assert row is not None
        assert (row.score, row.context, row.person_id, row.comment) == (4, "home", None, None)
        assert row.at == site.clock.now() and row.kiosk_id == "lobby-1"
        queued = s.scalars(select(OutboxRow).where(OutboxRow.entity == "feedback")).one()
        assert queued.record_id == str(feedback_id)
        assert queued.payload["person_id"] is None


def test_a_signed_answer_with_a_comment_names_the_person(site: Site) -> None:
    aino = site.ids["aino"]
    feedback_id = service(site).record(
        2, comment="  Liian   kylmä\n kokoushuone ", context="checkout", person_id=aino
    )
    with site.lobby.session() as s:
        row = s.get(Feedback, feedback_id)
        assert row is not None
        assert (row.person_id, row.comment, row.context) == (
            aino,
            "Liian kylmä kokoushuone",
            "checkout",
        )


def test_an_event_answer_names_its_event(site: Site) -> None:
    event_id = write_event(site)
    site.sync()
    feedback_id = service(site).record(3, context="event", event_id=event_id)
    with site.lobby.engine.connect() as conn:
        [entry] = list_feedback(conn)
    assert entry.id == feedback_id and entry.event_title == "Lab-ilta"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"score": 0}, "score must be 1, 2, 3 or 4"),
        ({"score": 5}, "score must be 1, 2, 3 or 4"),
        ({"score": True}, "score must be 1, 2, 3 or 4"),
        ({"score": "3"}, "score must be 1, 2, 3 or 4"),
        ({"score": 3, "context": "lobby"}, "context must be one of"),
        ({"score": 3, "context": "event"}, "names its event"),
        ({"score": 3, "comment": "x" * 501}, "longer than 500"),
        ({"score": 3, "comment": "a\x00b"}, "not text"),
    ],
)
def test_bad_answers_are_refused_and_change_nothing(
    site: Site, kwargs: dict[str, object], message: str
) -> None:
    before = row_counts(site.lobby)
    with pytest.raises(UsageError, match=message):
        service(site).record(**kwargs)  # type: ignore[arg-type]
    assert row_counts(site.lobby) == before


def test_an_unknown_signer_is_refused(site: Site) -> None:
    from kiosk.base.ids import new_id

    before = row_counts(site.lobby)
    with pytest.raises(UsageError, match="not known here"):
        service(site).record(3, person_id=new_id())
    assert row_counts(site.lobby) == before


def test_list_filters_by_time_and_names_only_signers(site: Site) -> None:
    svc = service(site)
    svc.record(1, comment="Jonoa kahvinkeittimelle")
    site.clock.advance(timedelta(hours=1))
    svc.record(4, person_id=site.ids["linnea"])
    site.clock.advance(timedelta(hours=1))
    svc.record(3)
    start = site.clock.now() - timedelta(hours=1, minutes=30)
    with site.lobby.engine.connect() as conn:
        everything = list_feedback(conn)
        middle = list_feedback(conn, start, site.clock.now())
    assert [e.score for e in everything] == [1, 4, 3]
    assert [e.signed_by for e in everything] == [None, "Linnea Lindqvist", None]
    assert [e.score for e in middle] == [4]
    assert everything[0].as_json(site.clock.now().tzinfo)["face"] == "very unhappy"  # type: ignore[arg-type]
