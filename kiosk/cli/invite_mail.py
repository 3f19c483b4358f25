"""The e-mail side of ``kiosk admin invite``: ``--email``/``--lang``, ``resend``, and the send
that the embedded set-up tries at once after the invitation's transaction committed."""

from __future__ import annotations

import argparse
import uuid
from typing import TYPE_CHECKING, Any

from kiosk.base.errors import UsageError
from kiosk.cli.context import AdminContext, context_from_args, print_json

if TYPE_CHECKING:
    from kiosk.lobby.invite_delivery import MailSettings


def add_mail_options(p: Any) -> None:
    p.add_argument("--email", metavar="ADDRESS", help="e-mail the invitation to the visitor")
    p.add_argument(
        "--lang", choices=("fi", "sv", "en"), help="the e-mail's language; default: the site's"
    )


def mail_settings(ctx: AdminContext) -> MailSettings:
    """What composing needs, or a usage error (exit 2) naming the missing config key."""
    from kiosk.lobby.invite_delivery import MailSettings

    cfg = ctx.config
    if not cfg.notify.sender:
        raise UsageError("--email: set notify.sender (the From address) in the config first")
    if cfg.invitations.sends_here(cfg.central_url) and cfg.notify.method != "smtp":
        raise UsageError(
            '--email: this set-up sends e-mail itself; set notify.method = "smtp" and '
            "notify.smtp_host in the config first"
        )
    return MailSettings(
        cfg.notify.sender, cfg.tz, dict(cfg.invitations.address), dict(cfg.invitations.arrival)
    )


def send_now(ctx: AdminContext, only: uuid.UUID | None = None, limit: int = 20) -> str:
    """After the commit: send at once here (embedded set-up), or leave it to the service.

    Returns what happened, for the command's output: ``sent``, ``queued`` (the mail server
    failed; ``kiosk run`` / ``kiosk sync`` retry) or ``queued for the service``.
    """
    from kiosk.lobby.invite_delivery import smtp_outbox

    cfg = ctx.config
    if not cfg.invitations.sends_here(cfg.central_url):
        return "queued for the central sync service"
    store = ctx.open_central()
    try:
        outbox = smtp_outbox(
            store.engine, cfg.notify, cfg.tz, ctx.clock, max_attempts=cfg.invitations.max_attempts
        )
        report = outbox.deliver_due(limit=limit, only=only)
    finally:
        store.dispose()
    if report.failed:
        return "refused by the mail server"
    if report.retrying:
        return "queued (the mail server did not take it; `kiosk run` or `kiosk sync` retries)"
    return "sent" if report.sent else "queued"  # nothing due here: another sender has it


def cmd_invite_resend(args: argparse.Namespace) -> int:
    """Send the invitation e-mail again, with a fresh copy of the same code's token."""
    from sqlalchemy import select

    from kiosk.base.errors import Conflict, NotFound
    from kiosk.lobby.invitations import invitations_t
    from kiosk.lobby.invite_delivery import check_address, queue_invitation
    from kiosk.lobby.invite_outbox import last_address
    from kiosk.security.signing_keys import current_signing_key
    from kiosk.security.tokens import TokenKind, sign

    try:
        invitation_id = uuid.UUID(args.id)
    except ValueError:
        raise UsageError(f"not an invitation id: {args.id!r}") from None
    address = check_address(args.email) if args.email else None
    ctx = context_from_args(args)
    mail = mail_settings(ctx)
    now = ctx.clock.now()
    with ctx.central() as conn:
        row = conn.execute(select(invitations_t).where(invitations_t.c.id == invitation_id)).first()
        if row is None or row.visitor_id is None:
            raise NotFound(f"no visitor invitation {args.id}")
        if row.revoked_at is not None:
            raise Conflict(f"invitation {args.id} is revoked")
        if row.valid_to <= now:
            raise Conflict(f"invitation {args.id} is over")
        known = last_address(conn, invitation_id)
        if address is None and known is None:
            raise UsageError(f"invitation {args.id} has no e-mail address; give --email")
        to, lang = address or (known[0] if known else ""), known[1] if known else None
        lang = args.lang or lang or ctx.config.language
        _, key = current_signing_key(conn, ctx.config.data_dir)
        token = sign(
            key,
            invitation_id=invitation_id,
            kind=TokenKind(row.kind),
            valid_from=row.valid_from,
            valid_to=row.valid_to,
        )
        mail_id = queue_invitation(conn, invitation_id, token, to, lang, mail, now)
    status = send_now(ctx, mail_id)
    if args.json:
        print_json({"id": args.id, "email": {"id": str(mail_id), "status": status}})
    else:
        print(f"invitation {args.id}: e-mail {status}")
    return 0
