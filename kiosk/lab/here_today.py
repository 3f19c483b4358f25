"""The lobby's "Here today" board: members who chose to be findable, while they are in.

Privacy rule: nobody is on the board without having opted in. A person appears only when the
latest of their consents (by time, then id) says *visible*, and only while their latest
check-in today says *in*. Visitors are not people in the directory, so they can never appear.
Opting out is one more consent row: the very next board query leaves the person out.

Consents are an append-only log (``board_consents``), made on a lobby after a badge tap
(:class:`HereTodayService`) or centrally with ``kiosk admin board opt-in`` (:func:`opt_in`).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.engine import Connection

from kiosk.base.clock import Clock
from kiosk.base.errors import UsageError
from kiosk.base.ids import new_id
from kiosk.base.timeutil import as_utc
from kiosk.store.engine import Store
from kiosk.store.models import BoardConsent, Checkin, Person, table_of
from kiosk.sync import central, outbox
from kiosk.views.lobby import BoardEntry as BoardEntry  # re-exported: built here

log = logging.getLogger(__name__)

MAX_INTERESTS = 3
MAX_INTEREST_LENGTH = 40


def clean_interests(items: Sequence[str]) -> list[str]:
    """At most three short interests, trimmed; empty ones dropped. UsageError otherwise."""
    out: list[str] = []
    for item in items:
        text = " ".join(item.split())
        if not text:
            continue
        if not text.isprintable():
            raise UsageError("an interest contains characters that are not text")
        if len(text) > MAX_INTEREST_LENGTH:
            raise UsageError(
                f"interest {text[:20]!r}... is longer than {MAX_INTEREST_LENGTH} characters"
            )
        if text.casefold() not in (x.casefold() for x in out):
            out.append(text)
    if len(out) > MAX_INTERESTS:
        raise UsageError(f"give at most {MAX_INTERESTS} interests, not {len(out)}")
    return out


def parse_interests(text: str) -> list[str]:
    """``"AI, service design"`` -> ``["AI", "service design"]`` (checked)."""
    return clean_interests(text.split(","))


@dataclass(frozen=True)
class Consent:
    visible: bool
    interests: tuple[str, ...]
    show_organisation: bool
    at: datetime


def _latest_consents() -> Any:
    """Each person's latest consent (rank 1), as a subquery."""
    c = table_of(BoardConsent).c
    return select(
        c.person_id,
        c.visible,
        c.interests,
        c.show_organisation,
        c.at,
        func.row_number()
        .over(partition_by=c.person_id, order_by=(c.at.desc(), c.id.desc()))
        .label("rank"),
    ).subquery()


def consent_of(conn: Connection, person_id: uuid.UUID) -> Consent | None:
    """The person's current answer, or None when they never gave one (not on the board)."""
    latest = _latest_consents()
    row = conn.execute(
        select(latest).where(latest.c.person_id == person_id, latest.c.rank == 1)
    ).first()
    if row is None:
        return None
    return Consent(
        bool(row.visible), tuple(row.interests or ()), bool(row.show_organisation), as_utc(row.at)
    )


def _board_query(day_start: datetime) -> Select[Any]:
    consent = _latest_consents()
    ch = table_of(Checkin).c
    last_tap = (
        select(
            ch.person_id,
            ch.direction,
            ch.at,
            func.row_number()
            .over(partition_by=ch.person_id, order_by=(ch.at.desc(), ch.id.desc()))
            .label("rank"),
        )
        .where(ch.person_id.is_not(None))
        .subquery()
    )
    p = table_of(Person).c
    return (
        select(
            p.id,
            p.name,
            p.organisation,
            consent.c.interests,
            consent.c.show_organisation,
            last_tap.c.at,
        )
        .select_from(table_of(Person))
        .join(consent, (consent.c.person_id == p.id) & (consent.c.rank == 1))
        .join(last_tap, (last_tap.c.person_id == p.id) & (last_tap.c.rank == 1))
        .where(
            p.active.is_(True),
            consent.c.visible.is_(True),
            last_tap.c.direction == "in",
            last_tap.c.at >= day_start,
        )
        .order_by(p.name, p.id)
    )


def board(conn: Connection, now: datetime, tz: ZoneInfo) -> list[BoardEntry]:
    """Who is on the board at ``now``: opted in, checked in today (site day) and still in."""
    day_start = datetime.combine(now.astimezone(tz).date(), time(), tz)
    return [
        BoardEntry(
            r.id,
            r.name,
            r.organisation if r.show_organisation else None,
            tuple(r.interests or ()),
            as_utc(r.at),
        )
        for r in conn.execute(_board_query(day_start))
    ]


def consent_row(
    person_id: uuid.UUID,
    *,
    visible: bool,
    interests: Sequence[str],
    show_organisation: bool,
    now: datetime,
    kiosk_id: str | None,
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "person_id": person_id,
        "visible": visible,
        "interests": clean_interests(interests),
        "show_organisation": show_organisation,
        "at": now,
        "kiosk_id": kiosk_id,
        "updated_at": now,
    }


class HereTodayService:
    """The board and the badge holder's own choice, on a lobby's replica (database worker)."""

    def __init__(self, store: Store, clock: Clock, kiosk_id: str, tz: ZoneInfo) -> None:
        self._store = store
        self._clock = clock
        self._kiosk_id = kiosk_id
        self._tz = tz

    def board(self) -> list[BoardEntry]:
        with self._store.engine.connect() as conn:
            return board(conn, self._clock.now(), self._tz)

    def consent(self, person_id: uuid.UUID) -> Consent | None:
        with self._store.engine.connect() as conn:
            return consent_of(conn, person_id)

    def set_visible(self, person_id: uuid.UUID, visible: bool) -> Consent:
        """Opt in or out from the kiosk; interests and the organisation choice are kept."""
        now = self._clock.now()
        with self._store.session() as session:
            person = session.get(Person, person_id)
            if person is None or not person.active:
                raise UsageError("only people in the directory can be on the board")
            before = consent_of(session.connection(), person_id)
            values = consent_row(
                person_id,
                visible=visible,
                interests=before.interests if before else (),
                show_organisation=before.show_organisation if before else True,
                now=now,
                kiosk_id=self._kiosk_id,
            )
            row = BoardConsent(**values)
            session.add(row)
            outbox.enqueue(session, "board_consents", row, now)
        log.info("board consent (%s) given at %s", "in" if visible else "out", self._kiosk_id)
        return Consent(visible, tuple(values["interests"]), values["show_organisation"], now)


# --- the admin CLI's side (central store) -------------------------------------------------


def opt_in(
    conn: Connection,
    person_id: uuid.UUID,
    interests: Sequence[str],
    now: datetime,
    *,
    show_organisation: bool = True,
) -> None:
    row = consent_row(
        person_id,
        visible=True,
        interests=interests,
        show_organisation=show_organisation,
        now=now,
        kiosk_id=None,
    )
    _check_person(conn, person_id)
    central.write(conn, "board_consents", row, now)


def opt_out(conn: Connection, person_id: uuid.UUID, now: datetime) -> None:
    before = consent_of(conn, person_id)
    row = consent_row(
        person_id,
        visible=False,
        interests=before.interests if before else (),
        show_organisation=before.show_organisation if before else True,
        now=now,
        kiosk_id=None,
    )
    central.write(conn, "board_consents", row, now)


def _check_person(conn: Connection, person_id: uuid.UUID) -> None:
    p = table_of(Person).c
    active = conn.execute(select(p.active).where(p.id == person_id)).scalar()
    if not active:
        raise UsageError("that person is not active in the directory; nothing was changed")


@dataclass(frozen=True)
class OptedIn:
    name: str
    email: str
    organisation: str | None
    interests: tuple[str, ...]
    since: datetime  # when they (last) opted in


def opted_in(conn: Connection) -> list[OptedIn]:
    """Everyone whose latest consent is *visible*, by name (``kiosk admin board list``)."""
    latest = _latest_consents()
    p = table_of(Person).c
    rows = conn.execute(
        select(p.name, p.email, p.organisation, latest.c.interests, latest.c.show_organisation)
        .add_columns(latest.c.at)
        .join(latest, (latest.c.person_id == p.id) & (latest.c.rank == 1))
        .where(latest.c.visible.is_(True))
        .order_by(p.name)
    )
    return [
        OptedIn(
            r.name,
            r.email,
            r.organisation if r.show_organisation else None,
            tuple(r.interests or ()),
            as_utc(r.at),
        )
        for r in rows
    ]
