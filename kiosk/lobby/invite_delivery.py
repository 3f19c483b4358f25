"""Invitation e-mails from the admin side: checking an address, queueing the invitation or its
revocation with the invitation's own write, and building the outbox a sender runs.

Who sends is ``[invitations] delivery`` (``InvitationsConfig.sends_here``): the central sync
service's sender loop, or, in the embedded one-machine set-up, the admin command at once and
then ``kiosk run`` / ``kiosk sync`` for what is left.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from kiosk.base.clock import Clock
from kiosk.base.errors import NotFound, UsageError
from kiosk.base.ids import new_id
from kiosk.lobby.invite_mail import (
    INVITATION,
    REVOCATION,
    Visit,
    compose_invitation,
    compose_revocation,
)
from kiosk.lobby.invite_outbox import InviteMailOutbox, MailReport, enqueue, last_address
from kiosk.lobby.notify import NotifySettings, SmtpNotifier, notifier_for
from kiosk.store.models import Invitation, Person, Visitor, table_of

LANGS = ("fi", "sv", "en")
# Deliberately plain: one @, a dotted domain, nothing a mail header could be tricked with.
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def check_address(text: str, what: str = "--email") -> str:
    """The address, trimmed; a one-line :class:`UsageError` for anything else."""
    address = text.strip()
    if len(address) > 254 or not _ADDRESS.fullmatch(address) or ".." in address:
        raise UsageError(f"{what}: {address[:80]!r} is not an e-mail address like name@example.fi")
    return address


def check_lang(text: str | None, default: str, what: str = "--lang") -> str:
    lang = (text or default).strip().lower()
    if lang not in LANGS:
        raise UsageError(f"{what}: {text!r} is not one of fi, sv, en")
    return lang


@dataclass(frozen=True)
class MailSettings:
    """What composing needs from the config: the From address, the zone, the site texts."""

    sender: str
    tz: ZoneInfo
    address: dict[str, str]
    arrival: dict[str, str]


def _visit(conn: Connection, invitation_id: uuid.UUID, lang: str, mail: MailSettings) -> Visit:
    inv, vis, people = table_of(Invitation), table_of(Visitor), table_of(Person)
    row = conn.execute(
        select(inv.c.valid_from, inv.c.valid_to, vis.c.name, people.c.name.label("host"))
        .join(vis, vis.c.id == inv.c.visitor_id)
        .outerjoin(people, people.c.id == vis.c.host_id)
        .where(inv.c.id == invitation_id)
    ).first()
    if row is None:
        raise NotFound(f"no visitor invitation {invitation_id}")
    return Visit(
        invitation_id,
        row.name,
        row.host or "",
        row.valid_from,
        row.valid_to,
        lang,
        mail.tz,
        mail.address.get(lang),
        mail.arrival.get(lang),
    )


def queue_invitation(
    conn: Connection,
    invitation_id: uuid.UUID,
    token: str,
    address: str,
    lang: str,
    mail: MailSettings,
    now: datetime,
) -> uuid.UUID:
    """Compose the invitation e-mail and queue it in the caller's transaction."""
    message_id = new_id()
    message = compose_invitation(
        _visit(conn, invitation_id, lang, mail),
        token,
        sender=mail.sender,
        to=address,
        message_id=message_id,
    )
    return enqueue(
        conn,
        message_id=message_id,
        invitation_id=invitation_id,
        kind=INVITATION,
        address=address,
        lang=lang,
        message=message,
        now=now,
    )


def queue_revocation(
    conn: Connection, invitation_id: uuid.UUID, mail: MailSettings, now: datetime
) -> uuid.UUID | None:
    """Tell the visitor their invitation was withdrawn, if we ever wrote to them."""
    known = last_address(conn, invitation_id)
    if known is None:
        return None
    address, lang = known
    message_id = new_id()
    message = compose_revocation(
        _visit(conn, invitation_id, lang, mail),
        sender=mail.sender,
        to=address,
        message_id=message_id,
    )
    return enqueue(
        conn,
        message_id=message_id,
        invitation_id=invitation_id,
        kind=REVOCATION,
        address=address,
        lang=lang,
        message=message,
        now=now,
    )


def smtp_outbox(
    engine: Engine, notify: NotifySettings, tz: ZoneInfo, clock: Clock, *, max_attempts: int = 10
) -> InviteMailOutbox:
    """The outbox sending through ``[notify]``'s SMTP server (whatever its ``method``)."""
    notifier = notifier_for("smtp", notify, tz)
    assert isinstance(notifier, SmtpNotifier)
    return InviteMailOutbox(engine, notifier.send_message, clock, max_attempts=max_attempts)


def deliver_embedded(
    central_url: str,
    notify: NotifySettings,
    tz: ZoneInfo,
    clock: Clock,
    *,
    max_attempts: int = 10,
) -> MailReport | None:
    """One pass over the central outbox from a kiosk of the embedded set-up (``kiosk run``,
    ``kiosk sync``); None when the central store is not there or not at this version yet."""
    from kiosk.store.engine import create_store_engine, is_at_head

    if central_url.startswith("sqlite:///") and not Path(central_url[10:]).exists():
        return None
    engine = create_store_engine(central_url)
    try:
        if not is_at_head(engine):
            return None
        return smtp_outbox(engine, notify, tz, clock, max_attempts=max_attempts).deliver_due()
    finally:
        engine.dispose()
