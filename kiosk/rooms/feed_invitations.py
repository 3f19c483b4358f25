"""Invitations from the calendar: a room feed that invites its meetings' visitors.

Opt-in per feed (``kiosk admin bookings feed set ROOM URL --invite-attendees``). After a feed's
bookings are imported, in the same central transaction, every attendee of a booked meeting
whose address is outside ``[invitations] lab_domains`` gets a visitor invitation valid for the
meeting's day(s), and the invitation e-mail in the site's language through the central outbox.
The feed stays the source of truth, import after import:

- an attendee already invited for that booking (same room, booking key, address) is left
  alone: a re-import makes and sends nothing;
- a meeting moved to another day: the old invitation is revoked without a notice and a new one
  is made and e-mailed for the new day (the token carries its validity, so the code must
  change; one e-mail, not a "withdrawn" notice followed by a new invitation);
- a meeting cancelled or gone from the feed, or an attendee removed (or declined): the
  invitation is revoked and the visitor is told by e-mail, as ``invite revoke`` does. An event
  the feed holds but cannot read right now (kiosk/rooms/ics_import.py's held keys) changes
  nothing. The link is then dropped, so an attendee added back is invited anew;
- an invitation an admin revoked (``invite revoke``) stays revoked: its link is kept.

The host is the organiser when their address is an active person's of the Lab, else the feed's
default host; a meeting with neither invites nobody (an invitation names its host, and the
lobby tells them). Calendars are outside input, so everything is bounded: attendees per event
(:data:`kiosk.rooms.ics_attendees.MAX_ATTENDEES`), new invitations per import
(:data:`MAX_INVITATIONS`), invitations one address may have revoked and re-made per day
(:data:`MAX_REISSUES_PER_DAY`: a meeting moved back and forth, or an attendee removed and added
again, must not make the Lab flood an inbox; over the cap the current invitation is kept until
a later day's import), meetings in the past or more than
``calendar_days`` ahead; every bound is counted in the summary and logged with counts only.

Only trusted code on the central store runs this: the admin command with the central store's
URL and the signing key (a kiosk has neither: it syncs through the service and holds public
keys only).
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from kiosk.base.errors import KioskError
from kiosk.base.ids import new_id
from kiosk.lobby.invitations import NewInvitation, issue_invitation, revoke_invitation
from kiosk.lobby.invite_delivery import queue_invitation, queue_revocation
from kiosk.lobby.invite_outbox import emails_t
from kiosk.rooms.ics import Occurrence
from kiosk.store.models import (
    Booking,
    CalendarFeed,
    CalendarInvitation,
    Invitation,
    Person,
    table_of,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from kiosk.lobby.invite_delivery import MailSettings

log = logging.getLogger(__name__)

links_t, feeds_t = table_of(CalendarInvitation), table_of(CalendarFeed)
bookings_t, invitations_t, people_t = table_of(Booking), table_of(Invitation), table_of(Person)
MAX_INVITATIONS = 1000  # new invitations (and their e-mails) per import of one feed
#: Invitations to one address revoked today (the site's day) after which the feed makes it no
#: new one today: with the first invitation, three e-mails for a meeting moved back and forth.
MAX_REISSUES_PER_DAY = 2
MAX_DAYS = 7  # a booking over several days: an invitation for its first week at most


@dataclass(frozen=True)
class InviteSettings:
    """What inviting needs from the config; ``unavailable`` says why it cannot run here."""

    lab_domains: tuple[str, ...]
    days_ahead: int
    lang: str
    tz: ZoneInfo
    data_dir: Path
    mail: MailSettings | None
    unavailable: str | None = None
    max_invitations: int = MAX_INVITATIONS


@dataclass
class InviteSummary:
    invited: int = 0
    moved: int = 0
    revoked: int = 0
    unchanged: int = 0
    malformed: int = 0  # attendee addresses that are no usable e-mail address
    over_attendee_cap: int = 0  # attendees past the per-event cap
    over_import_cap: int = 0  # invitations left for a later import
    over_address_cap: int = 0  # not made: the address's invitations changed too often today
    too_far: int = 0  # meetings more than calendar_days ahead
    past: int = 0  # meetings already over
    no_host: int = 0  # meetings whose organiser is nobody of the Lab, and no default host
    not_run: str | None = None  # why nothing was done (no signing key, no mail set-up)

    @property
    def mails(self) -> int:
        return self.invited + self.moved + self.revoked

    def summary(self) -> str:
        if self.not_run:
            return f"attendee invitations not made: {self.not_run}"
        text = (
            f"attendee invitations: {self.invited} made, {self.moved} moved, "
            f"{self.revoked} revoked, {self.unchanged} unchanged"
        )
        bounds = [
            (self.malformed, "malformed addresses skipped"),
            (self.over_attendee_cap, "attendees over the per-event cap"),
            (self.over_import_cap, "over the per-import cap (left for the next import)"),
            (self.over_address_cap, "over the per-address daily cap"),
            (self.too_far, "too far ahead"),
            (self.past, "already over"),
            (self.no_host, "without a host"),
        ]
        extra = [f"{count} {what}" for count, what in bounds if count]
        return text + (f" ({', '.join(extra)})" if extra else "")

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class _Target:
    occurrence: Occurrence
    address: str
    name: str
    valid_from: datetime
    valid_to: datetime


def attendee_hash(address: str) -> str:
    return hashlib.sha256(address.strip().lower().encode()).hexdigest()


def in_domains(address: str, domains: Sequence[str]) -> bool:
    domain = address.rpartition("@")[2].lower()
    return any(domain == d or domain.endswith("." + d) for d in domains)


def visit_window(occ: Occurrence, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The meeting's day(s) in the site's zone, local midnight to midnight (a week at most)."""
    first = occ.starts_at.astimezone(tz).date()
    last = (occ.ends_at - timedelta(microseconds=1)).astimezone(tz).date()
    last = min(last, first + timedelta(days=MAX_DAYS - 1))
    start = datetime.combine(first, time(), tz)
    end = datetime.combine(last + timedelta(days=1), time(), tz)
    return start.astimezone(occ.starts_at.tzinfo), end.astimezone(occ.starts_at.tzinfo)


def invite_attendees(
    conn: Connection,
    room_id: str,
    occurrences: Sequence[Occurrence],
    *,
    held: Callable[[str], bool],
    window_end: datetime,
    now: datetime,
    settings: InviteSettings,
) -> InviteSummary:
    """Make the room's calendar invitations match its booked meetings' attendees, in the
    caller's transaction (the one that imported the bookings)."""
    summary = InviteSummary()
    if settings.unavailable or settings.mail is None:
        summary.not_run = settings.unavailable or "no mail set-up"
        return summary
    if not settings.lab_domains:
        summary.not_run = "set invitations.lab_domains (the Lab's own e-mail domains) first"
        return summary
    try:
        from kiosk.security.signing_keys import current_signing_key

        _, key = current_signing_key(conn, settings.data_dir)
    except KioskError as exc:
        summary.not_run = str(exc)
        return summary
    run = _Run(conn, room_id, now, settings, settings.mail, key, summary)
    targets = run.targets(occurrences)
    for link in run.links():
        target = targets.pop((link.booking_key, link.attendee), None)
        run.follow(link, target, held, window_end)
    for (booking_key, digest), target in targets.items():
        run.invite(target, booking_key, digest)
    run.log_bounds()
    return summary


class _Run:
    """One feed's pass: its settings, its counts, and what each case writes."""

    def __init__(
        self,
        conn: Connection,
        room_id: str,
        now: datetime,
        settings: InviteSettings,
        mail: MailSettings,
        key: Ed25519PrivateKey,
        summary: InviteSummary,
    ) -> None:
        self.conn, self.room_id, self.now = conn, room_id, now
        self.settings, self.mail, self.key, self.summary = settings, mail, key, summary
        feed = conn.execute(select(feeds_t).where(feeds_t.c.room_id == room_id)).one()
        self.default_host = self._active(feed.invite_host_id)
        self.hosts: dict[str, uuid.UUID | None] = {}

    def targets(self, occurrences: Sequence[Occurrence]) -> dict[tuple[str, str], _Target]:
        """(booking key, attendee hash) -> the invitation the feed asks for now; only for
        meetings the import booked (not cancelled), and attendees outside the Lab."""
        booked = set(
            self.conn.execute(
                select(bookings_t.c.external_uid).where(
                    bookings_t.c.room_id == self.room_id,
                    bookings_t.c.source == "ics",
                    bookings_t.c.status != "cancelled",
                    bookings_t.c.external_uid.in_([o.key for o in occurrences]),
                )
            ).scalars()
        )
        out: dict[tuple[str, str], _Target] = {}
        for occ in occurrences:
            if occ.key not in booked or occ.people is None:
                continue
            self.summary.malformed += occ.people.malformed
            self.summary.over_attendee_cap += occ.people.over_cap
            valid_from, valid_to = visit_window(occ, self.settings.tz)
            for who in occ.people.attendees:
                if in_domains(who.address, self.settings.lab_domains):
                    continue
                target = _Target(occ, who.address, who.name, valid_from, valid_to)
                out[(occ.key, attendee_hash(who.address))] = target
        return out

    def links(self) -> list[Any]:
        return list(
            self.conn.execute(
                select(
                    links_t.c.id,
                    links_t.c.booking_key,
                    links_t.c.attendee,
                    links_t.c.invitation_id,
                    invitations_t.c.valid_from,
                    invitations_t.c.valid_to,
                    invitations_t.c.revoked_at,
                )
                .join(invitations_t, invitations_t.c.id == links_t.c.invitation_id)
                .where(links_t.c.room_id == self.room_id)
                .order_by(links_t.c.id)
            )
        )

    def follow(
        self, link: Any, target: _Target | None, held: Callable[[str], bool], window_end: datetime
    ) -> None:
        """An invitation the feed made before: keep, move or revoke it."""
        active = link.revoked_at is None and link.valid_to > self.now
        if target is None:  # cancelled, gone, or the attendee removed
            if active and not held(link.booking_key) and link.valid_from < window_end:
                self._withdraw(link)
            return
        if link.revoked_at is not None:
            # Revoked by an admin (`invite revoke`): the feed's own revocations drop their link.
            # A re-import must not undo that decision.
            self.summary.unchanged += 1
            return
        if active and (link.valid_from, link.valid_to) == (target.valid_from, target.valid_to):
            self.summary.unchanged += 1
            return
        self.invite(target, link.booking_key, link.attendee, old=link)

    def invite(self, target: _Target, booking_key: str, digest: str, old: Any = None) -> None:
        """A new invitation for ``target``: a first one, or (``old``, a link) a move or a
        meeting back in the window after its invitation ran out."""
        active = old is not None and old.revoked_at is None and old.valid_to > self.now
        occ, s = target.occurrence, self.summary
        late = occ.ends_at <= self.now
        far = occ.starts_at >= self.now + timedelta(days=self.settings.days_ahead)
        host = self._host(occ)
        reason = "past" if late else "too_far" if far else "no_host" if host is None else None
        if reason is None and s.invited + s.moved >= self.settings.max_invitations:
            reason = "over_import_cap"
        if reason is None and self._reissued_today(target.address) >= MAX_REISSUES_PER_DAY:
            reason = "over_address_cap"
        if reason is not None:
            setattr(s, reason, getattr(s, reason) + 1)
            if active and reason in ("past", "too_far", "no_host"):
                # Moved where the feed does not invite: the old day is wrong, so withdraw it.
                self._withdraw(old)
            return
        assert host is not None
        if active:
            self._revoke(old.invitation_id, tell=False)  # the new invitation's e-mail says it
        invitation_id = self._create(target, host)
        if old is None:
            self.conn.execute(
                links_t.insert().values(
                    id=new_id(),
                    room_id=self.room_id,
                    booking_key=booking_key,
                    attendee=digest,
                    invitation_id=invitation_id,
                    created_at=self.now,
                    updated_at=self.now,
                )
            )
        else:
            self.conn.execute(
                links_t.update()
                .where(links_t.c.id == old.id)
                .values(invitation_id=invitation_id, updated_at=self.now)
            )
        if active:
            s.moved += 1
        else:
            s.invited += 1

    def log_bounds(self) -> None:
        s = self.summary
        for count, what in (
            (s.malformed, "malformed attendee addresses skipped"),
            (s.over_attendee_cap, "attendees over the per-event cap not read"),
            (s.over_import_cap, "invitations over the per-import cap left for later"),
            (s.over_address_cap, "invitations not made: the address's changed too often today"),
            (s.too_far, "invitations for meetings too far ahead left for later"),
            (s.no_host, "invitations not made: no host"),
        ):
            if count:
                log.warning("calendar feed of room %s: %d %s", self.room_id, count, what)

    def _create(self, target: _Target, host: uuid.UUID) -> uuid.UUID:
        new = NewInvitation(
            name=target.name,
            host=str(host),
            organisation=None,
            valid_from=target.valid_from,
            valid_to=target.valid_to,
        )
        invitation_id, token = issue_invitation(self.conn, new, self.key, self.now)
        lang = self.settings.lang
        queue_invitation(self.conn, invitation_id, token, target.address, lang, self.mail, self.now)
        return invitation_id

    def _withdraw(self, link: Any) -> None:
        """Revoke a link's invitation, tell the visitor, and forget the link: if the attendee
        comes back to the meeting, the next import invites them anew."""
        self._revoke(link.invitation_id, tell=True)
        self.conn.execute(links_t.delete().where(links_t.c.id == link.id))
        self.summary.revoked += 1

    def _revoke(self, invitation_id: uuid.UUID, *, tell: bool) -> None:
        revoke_invitation(self.conn, str(invitation_id), self.now)
        if tell:
            queue_revocation(self.conn, invitation_id, self.mail, self.now)

    def _reissued_today(self, address: str) -> int:
        """Invitations e-mailed to ``address`` and revoked since the site's midnight."""
        midnight = datetime.combine(self.now.astimezone(self.settings.tz).date(), time())
        mailed = select(emails_t.c.invitation_id).where(
            func.lower(emails_t.c.address) == address.lower()
        )
        return int(
            self.conn.execute(
                select(func.count()).where(
                    invitations_t.c.id.in_(mailed),
                    invitations_t.c.revoked_at >= midnight.replace(tzinfo=self.settings.tz),
                )
            ).scalar_one()
        )

    def _host(self, occ: Occurrence) -> uuid.UUID | None:
        organiser = occ.people.organiser if occ.people else None
        if organiser is None:
            return self.default_host
        if organiser not in self.hosts:
            found = self.conn.execute(
                select(people_t.c.id).where(
                    people_t.c.email == organiser, people_t.c.active.is_(True)
                )
            ).scalar()
            self.hosts[organiser] = found
        return self.hosts[organiser] or self.default_host

    def _active(self, person_id: uuid.UUID | None) -> uuid.UUID | None:
        if person_id is None:
            return None
        return self.conn.execute(
            select(people_t.c.id).where(people_t.c.id == person_id, people_t.c.active.is_(True))
        ).scalar()
