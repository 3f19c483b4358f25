"""Telling organisers that an event or a closure covers their booking.

A switch can be made on any kiosk, offline, or with the CLI; only the central store sees them
all. So the admin machine does this: ``kiosk admin mode notify`` (run by ``mode set`` and by the
same timer that refreshes the calendar feeds) finds every active booking with an organiser that a
current or scheduled event or closure covers, sends the organiser one short trilingual e-mail
through the configured notifier, and records it in the audit log (``mode.organiser_notified``)
so nobody hears twice about the same switch. Such bookings are also *flagged*: ``flagged()``
answers which bookings a mode covers, for ``mode show``.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from kiosk.base.ids import new_id
from kiosk.base.timeutil import wall_clock
from kiosk.lobby.notify import LAB_NAME, NotifyError
from kiosk.rooms.modes import active_mode
from kiosk.store.models import AuditEntry, Booking, Person, Room, RoomMode, table_of
from kiosk.sync import central
from kiosk.views.screens import ACTIVE_BOOKING

log = logging.getLogger(__name__)

ACTION = "mode.organiser_notified"
_modes, _bookings, _people, _rooms, _audit = (
    table_of(RoomMode),
    table_of(Booking),
    table_of(Person),
    table_of(Room),
    table_of(AuditEntry),
)


@dataclass(frozen=True)
class Overlap:
    """A booking that a mode switch covers."""

    mode_id: uuid.UUID
    mode: str  # event | closed
    mode_title: str | None
    booking_id: uuid.UUID
    booking_title: str
    starts_at: datetime
    ends_at: datetime
    room_name: str
    organiser_id: uuid.UUID | None
    organiser_name: str | None
    organiser_email: str | None


def flagged(conn: Connection, now: datetime) -> list[Overlap]:
    """Active bookings from ``now`` on that a current or scheduled event or closure covers.

    A booking counts when the switch is what applies to its room at some moment of it (the
    later of the booking's and the switch's start): a newer "back to normal" clears it.
    """
    rows = conn.execute(
        select(
            _modes.c.id.label("mode_id"),
            _modes.c.mode,
            _modes.c.title.label("mode_title"),
            _modes.c.starts_at.label("mode_start"),
            _bookings.c.id.label("booking_id"),
            _bookings.c.title,
            _bookings.c.starts_at,
            _bookings.c.ends_at,
            _bookings.c.room_id,
            _rooms.c.name.label("room_name"),
            _people.c.id.label("organiser_id"),
            _people.c.name.label("organiser_name"),
            _people.c.email.label("organiser_email"),
        )
        .join(
            _bookings,
            or_(_modes.c.room_id.is_(None), _modes.c.room_id == _bookings.c.room_id),
        )
        .join(_rooms, _rooms.c.id == _bookings.c.room_id)
        .outerjoin(_people, _people.c.id == _bookings.c.organiser_id)
        .where(
            _modes.c.mode.in_(("event", "closed")),
            _modes.c.expires_at > now,
            _bookings.c.status.in_(ACTIVE_BOOKING),
            _bookings.c.ends_at > now,
            _bookings.c.starts_at < _modes.c.expires_at,
            _bookings.c.ends_at > _modes.c.starts_at,
        )
        .order_by(_bookings.c.starts_at, _modes.c.version)
    ).all()
    out = []
    for r in rows:
        moment = max(r.starts_at, r.mode_start, now)
        applying = active_mode(conn, r.room_id, moment)
        if applying is None or applying.id != r.mode_id:
            continue
        out.append(
            Overlap(
                r.mode_id,
                r.mode,
                r.mode_title,
                r.booking_id,
                r.title,
                r.starts_at,
                r.ends_at,
                r.room_name,
                r.organiser_id,
                r.organiser_name,
                r.organiser_email,
            )
        )
    return out


def _already_told(conn: Connection, since: datetime) -> set[tuple[str, str]]:
    entries = conn.execute(
        select(_audit.c.detail).where(_audit.c.action == ACTION, _audit.c.at >= since)
    ).scalars()
    return {(str(d.get("mode_id")), str(d.get("booking_id"))) for d in entries}


def compose(overlap: Overlap, sender: str, tz: ZoneInfo, message_id: uuid.UUID) -> EmailMessage:
    """The e-mail to the organiser, in Finnish, Swedish and English."""
    assert overlap.organiser_email is not None
    start, end = overlap.starts_at.astimezone(tz), overlap.ends_at.astimezone(tz)
    day, hours = f"{start:%d.%m.}", f"{wall_clock(start, 'fi')}–{wall_clock(end, 'fi')}"
    fi, sv = f"{day} klo {hours}", f"{day} kl. {hours}"  # Finland-Swedish writes 9.05 too
    other = f"{day} {wall_clock(start, 'en')}–{wall_clock(end, 'en')}"
    what = overlap.mode_title or ""
    if overlap.mode == "event":
        fi_why = f"tilassa on silloin tapahtuma{': ' + what if what else ''}"
        sv_why = f"rummet används då för ett evenemang{': ' + what if what else ''}"
        en_why = f"the room is taken by an event then{': ' + what if what else ''}"
    else:
        fi_why = f"tila on silloin suljettu{' (' + what + ')' if what else ''}"
        sv_why = f"rummet är då stängt{' (' + what + ')' if what else ''}"
        en_why = f"the room is closed then{' (' + what + ')' if what else ''}"
    name = overlap.organiser_name or ""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = overlap.organiser_email
    message["Subject"] = f"{overlap.room_name} {other}: varauksesi / din bokning / your booking"
    message["Message-ID"] = f"<{message_id}@lab-kiosk>"
    message.set_content(
        f'Hei {name},\n\nvarauksesi "{overlap.booking_title}" ({overlap.room_name}, {fi}): '
        f"{fi_why}. Varaa tarvittaessa toinen tila.\n\n"
        f'Hej {name},\n\ndin bokning "{overlap.booking_title}" ({overlap.room_name}, {sv}): '
        f"{sv_why}. Boka vid behov ett annat rum.\n\n"
        f'Hello {name},\n\nyour booking "{overlap.booking_title}" ({overlap.room_name}, '
        f"{other}): {en_why}. Please book another room if you need one.\n\n-- \n{LAB_NAME}\n"
    )
    return message


def notify_organisers(
    conn: Connection,
    send: Callable[[EmailMessage], None],
    sender: str,
    tz: ZoneInfo,
    now: datetime,
) -> tuple[int, int]:
    """Tell each organiser once per switch and booking; returns (sent, failed).

    A failure (the mail server is down) is logged and retried on the next run; bookings without
    an organiser (ICS imports, kiosk bookings) are only flagged.
    """
    told = _already_told(conn, now - timedelta(days=62))
    sent = failed = 0
    for overlap in flagged(conn, now):
        key = (str(overlap.mode_id), str(overlap.booking_id))
        if overlap.organiser_email is None or key in told:
            continue
        notice_id = new_id()
        try:
            send(compose(overlap, sender, tz, notice_id))
        except NotifyError as exc:
            failed += 1
            log.warning("organiser of booking %s not notified: %s", overlap.booking_id, exc)
            continue
        told.add(key)
        sent += 1
        central.write(
            conn,
            "audit_log",
            {
                "id": notice_id,
                "at": now,
                "actor_id": overlap.organiser_id,
                "kiosk_id": None,
                "action": ACTION,
                "detail": {"mode_id": key[0], "booking_id": key[1]},
            },
            now,
        )
    return sent, failed
