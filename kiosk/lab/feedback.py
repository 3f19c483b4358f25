"""Feedback: one of four faces, an optional short comment, anonymous unless the person signs it.

The lobby stores each answer with its outbox row in one local transaction (like a check-in), so
a "thank you" on screen means the answer is kept. The central store keeps feedback to itself
(audience none): hosts read it with ``kiosk admin feedback list``; no kiosk ever shows it.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.base.clock import Clock
from kiosk.base.errors import UsageError
from kiosk.base.timeutil import as_utc
from kiosk.store.engine import Store
from kiosk.store.models import FEEDBACK_CONTEXTS, Event, Feedback, Person, table_of
from kiosk.sync import outbox

log = logging.getLogger(__name__)

# Score -> the face's name, as the CLI and JSON show it (1 is the unhappiest face).
FACES = {1: "very unhappy", 2: "unhappy", 3: "happy", 4: "very happy"}
MAX_COMMENT = 500


def clean_comment(comment: str | None) -> str | None:
    """The comment with its whitespace collapsed; None when empty. Refuses what is not text."""
    if comment is None:
        return None
    text = " ".join(comment.split())
    if not text:
        return None
    if not text.isprintable():
        raise UsageError("the comment contains characters that are not text")
    if len(text) > MAX_COMMENT:
        raise UsageError(f"the comment is longer than {MAX_COMMENT} characters")
    return text


def check_answer(score: object, context: str, event_id: uuid.UUID | None) -> int:
    """The score as an int after checking the answer's shape; UsageError names what is wrong."""
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 4:
        raise UsageError(f"score must be 1, 2, 3 or 4 (a face), not {score!r}")
    if context not in FEEDBACK_CONTEXTS:
        raise UsageError(f"context must be one of {', '.join(FEEDBACK_CONTEXTS)}, not {context!r}")
    if (context == "event") != (event_id is not None):
        raise UsageError("an event's feedback names its event, and only an event's does")
    return score


class FeedbackService:
    """Records feedback on this kiosk (on the database worker)."""

    def __init__(self, store: Store, clock: Clock, kiosk_id: str) -> None:
        self._store = store
        self._clock = clock
        self._kiosk_id = kiosk_id

    def record(
        self,
        score: int,
        *,
        comment: str | None = None,
        context: str = "home",
        event_id: uuid.UUID | None = None,
        person_id: uuid.UUID | None = None,
    ) -> uuid.UUID:
        """Store one answer and queue it for the central store; returns its id.

        ``person_id`` signs it: only pass it when the person chose to, after a badge tap.
        """
        score = check_answer(score, context, event_id)
        text = clean_comment(comment)
        now = self._clock.now()
        with self._store.session() as session:
            if person_id is not None and session.get(Person, person_id) is None:
                raise UsageError("the person signing this feedback is not known here")
            row = Feedback(
                at=now,
                kiosk_id=self._kiosk_id,
                score=score,
                comment=text,
                context=context,
                event_id=event_id,
                person_id=person_id,
                updated_at=now,
            )
            session.add(row)
            outbox.enqueue(session, "feedback", row, now)
            feedback_id = row.id
        log.info("feedback (%s) recorded at %s", context, self._kiosk_id)
        return feedback_id


@dataclass(frozen=True)
class FeedbackEntry:
    id: uuid.UUID
    at: datetime
    score: int
    comment: str | None
    context: str
    kiosk_id: str
    event_id: uuid.UUID | None
    event_title: str | None
    signed_by: str | None  # the person's name, only when they signed it

    def as_json(self, tz: ZoneInfo) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "at": self.at.astimezone(tz).isoformat(),
            "score": self.score,
            "face": FACES[self.score],
            "comment": self.comment,
            "context": self.context,
            "kiosk_id": self.kiosk_id,
            "event_id": str(self.event_id) if self.event_id else None,
            "event": self.event_title,
            "signed_by": self.signed_by,
        }


def list_feedback(
    conn: Connection, start: datetime | None = None, end: datetime | None = None
) -> list[FeedbackEntry]:
    """Feedback in ``[start, end)`` (either open), oldest first, with event titles and signers."""
    f, p, e = table_of(Feedback).c, table_of(Person).c, table_of(Event).c
    query = (
        select(
            f.id,
            f.at,
            f.score,
            f.comment,
            f.context,
            f.kiosk_id,
            f.event_id,
            e.title.label("event_title"),
            p.name.label("signed_by"),
        )
        .select_from(table_of(Feedback))
        .outerjoin(table_of(Person), p.id == f.person_id)
        .outerjoin(table_of(Event), e.id == f.event_id)
        .order_by(f.at, f.id)
    )
    if start is not None:
        query = query.where(f.at >= start)
    if end is not None:
        query = query.where(f.at < end)
    return [
        FeedbackEntry(
            r.id,
            as_utc(r.at),
            r.score,
            r.comment,
            r.context,
            r.kiosk_id,
            r.event_id,
            r.event_title,
            r.signed_by,
        )
        for r in conn.execute(query)
    ]
