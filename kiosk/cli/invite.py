"""``kiosk admin invite ...``: invite visitors and hand them a signed QR code.

``create`` checks every argument and loads the current signing key before it writes, then writes
the visitor and the invitation in one transaction; the token is made from what was stored, and
the printable card (``--qr``) carries exactly the token that ``--json`` prints.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.base.errors import UsageError
from kiosk.base.timeutil import local_time
from kiosk.cli.context import AdminContext, context_from_args, print_json
from kiosk.cli.invite_mail import add_mail_options, cmd_invite_resend, mail_settings, send_now


def add_parsers(cmds: Any) -> None:
    invite = cmds.add_parser("invite", help="visitor invitations").add_subparsers(
        dest="invite_cmd", required=True
    )
    p = invite.add_parser("create", help="invite a visitor; prints the id and the token")
    p.add_argument("--name", required=True, help="the visitor's name")
    p.add_argument("--host", required=True, help="host: person id or e-mail")
    p.add_argument("--organisation", help="the visitor's organisation")
    p.add_argument(
        "--valid-from",
        metavar="ISO",
        help="date or date-time (site zone unless an offset is given); default: today",
    )
    p.add_argument(
        "--valid-to",
        metavar="ISO",
        help="date (inclusive) or date-time; default: the end of the first day",
    )
    p.add_argument("--single-use", action="store_true", help="the code checks in only once")
    p.add_argument("--qr", metavar="FILE.png", help="write a printable invitation card")
    add_mail_options(p)
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_invite_create)
    p = invite.add_parser("import", help="invite many from a CSV file, one card each")
    p.add_argument("csv", metavar="CSV", help="header: name,host[,organisation,valid_from,...]")
    p.add_argument("--out", metavar="DIR", required=True, help="folder for the cards")
    p.add_argument(
        "--lang", choices=("fi", "sv", "en"), help="e-mails without a lang column; default: site"
    )
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_invite_import)
    p = invite.add_parser("revoke", help="withdraw an invitation (e-mails the visitor, if known)")
    p.add_argument("id", help="the invitation's id")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_invite_revoke)
    p = invite.add_parser("resend", help="e-mail the invitation again (same code)")
    p.add_argument("id", help="the invitation's id")
    p.add_argument("--email", metavar="ADDRESS", help="to this address instead of the last one")
    p.add_argument("--lang", choices=("fi", "sv", "en"), help="default: the last e-mail's")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_invite_resend)
    p = invite.add_parser("list", help="list invitations")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_invite_list)


def _window(ctx: AdminContext, args: argparse.Namespace) -> tuple[datetime, datetime]:
    from kiosk.base.timeutil import parse_when
    from kiosk.lobby.invitations import default_window

    tz = ctx.config.tz
    today_from, today_to = default_window(ctx.clock.now(), tz)
    if args.valid_from is None:
        valid_from = today_from
    else:
        valid_from = parse_when(args.valid_from, tz, end=False, what="--valid-from")
    if args.valid_to is not None:
        valid_to = parse_when(args.valid_to, tz, end=True, what="--valid-to")
    elif args.valid_from is None:
        valid_to = today_to
    else:  # the end of the day the invitation starts
        valid_to = default_window(valid_from, tz)[1]
    return valid_from, valid_to


def cmd_invite_create(args: argparse.Namespace) -> int:
    from kiosk.cli.card_import import card_path
    from kiosk.lobby.invitations import NewInvitation, check_window, issue_invitation
    from kiosk.lobby.invite_delivery import check_address, queue_invitation
    from kiosk.security.signing_keys import current_signing_key
    from kiosk.security.tokens import TokenKind

    address = check_address(args.email) if args.email else None  # before anything else
    ctx = context_from_args(args)
    mail = mail_settings(ctx) if address else None
    lang = args.lang or ctx.config.language
    qr_path = card_path(args.qr)
    valid_from, valid_to = _window(ctx, args)
    now = ctx.clock.now()
    check_window(valid_from, valid_to, now)
    new = NewInvitation(
        name=args.name,
        host=args.host,
        organisation=args.organisation,
        valid_from=valid_from,
        valid_to=valid_to,
        single_use=args.single_use,
        kind=TokenKind.VISITOR,
    )
    card_written = False
    try:
        with ctx.central() as conn:
            _, key = current_signing_key(conn, ctx.config.data_dir)
            invitation_id, token = issue_invitation(conn, new, key, now)
            mail_id = None
            if address is not None and mail is not None:  # queued with the invitation itself
                mail_id = queue_invitation(conn, invitation_id, token, address, lang, mail, now)
            if qr_path is not None:  # inside the transaction: a card that fails stores nothing
                name = " ".join(args.name.split())
                _write_card(ctx, qr_path, token, name, valid_from, valid_to)
                card_written = True
    except BaseException:
        if card_written and qr_path is not None:  # no card for an invitation never stored
            qr_path.unlink(missing_ok=True)
        raise
    mail_status = send_now(ctx, mail_id) if mail_id is not None else None
    if args.json:
        print_json(
            {
                "id": str(invitation_id),
                "email": {"id": str(mail_id), "status": mail_status} if mail_id else None,
                "token": token,
                "valid_from": local_time(valid_from, ctx.config.tz).isoformat(),
                "valid_to": local_time(valid_to, ctx.config.tz).isoformat(),
                "qr": str(qr_path) if qr_path else None,
            }
        )
    else:
        print(f"invitation {invitation_id}")
        print(token)
        if mail_status is not None:
            print(f"e-mail {mail_status}", file=sys.stderr)
    return 0


def _write_card(
    ctx: AdminContext,
    path: Path,
    token: str,
    name: str,
    valid_from: datetime,
    valid_to: datetime,
) -> None:
    from kiosk.lobby.invite_card import Card, save_card

    try:
        save_card(Card(token, name, valid_from, valid_to, ctx.config.tz), path)
    except OSError as exc:
        raise UsageError(f"--qr: cannot write {str(path)!r}: {exc.strerror}") from None


def cmd_invite_import(args: argparse.Namespace) -> int:
    from kiosk.cli.card_import import out_folder, run_card_import
    from kiosk.lobby.invite_import import InvitationRules, import_invitations, read_rows

    out_dir = out_folder(args)
    rows = list(read_rows(Path(args.csv)))  # a wrong header or encoding fails before any write
    ctx = context_from_args(args)
    tz, now = ctx.config.tz, ctx.clock.now()
    wants_mail = any(row.get("email") for _, row in rows)
    mail = mail_settings(ctx) if wants_mail else None
    lang = args.lang or ctx.config.language
    code = run_card_import(
        args,
        rows,
        out_dir,
        lambda conn, it, key, progress: import_invitations(
            conn,
            it,
            InvitationRules(key, tz, now, mail, lang),
            out_dir=out_dir,
            progress=progress,
        ),
        noun="invitations",
    )
    if mail is not None:
        print(f"e-mails {send_now(ctx, limit=len(rows))}", file=sys.stderr)
    return code


def cmd_invite_revoke(args: argparse.Namespace) -> int:
    from kiosk.lobby.invitations import revoke_invitation
    from kiosk.lobby.invite_delivery import queue_revocation
    from kiosk.lobby.invite_outbox import last_address

    ctx = context_from_args(args)
    try:
        mail = mail_settings(ctx)
    except UsageError as exc:  # no mail set up: the revocation itself must still happen
        mail, no_mail = None, str(exc).removeprefix("--email: ")
    now = ctx.clock.now()
    mail_id, untold = None, False
    with ctx.central() as conn:
        revoke_invitation(conn, args.id, now)
        invitation_id = uuid.UUID(args.id)  # revoke_invitation checked it
        if last_address(conn, invitation_id) is not None:  # the visitor was e-mailed: tell them
            if mail is None:
                untold = True
            else:
                mail_id = queue_revocation(conn, invitation_id, mail, now)
    if untold:
        print(f"kiosk: the visitor was not told by e-mail: {no_mail}", file=sys.stderr)
    status = send_now(ctx, mail_id) if mail_id is not None else None
    if getattr(args, "json", False):
        email = {"id": str(mail_id), "status": status} if mail_id else None
        print_json({"id": args.id, "email": email})
    else:
        print(f"invitation {args.id} revoked" + (f"; e-mail {status}" if status else ""))
    return 0


def cmd_invite_list(args: argparse.Namespace) -> int:
    from kiosk.lobby.invitations import list_invitations

    ctx = context_from_args(args)
    with ctx.central(write=False) as conn:
        invitations = list_invitations(conn)
    tz, now = ctx.config.tz, ctx.clock.now()
    rows: list[dict[str, Any]] = [
        {
            "id": str(i.id),
            "kind": i.kind,
            "visitor": i.visitor,
            "organisation": i.organisation,
            "host": i.host,
            "valid_from": local_time(i.valid_from, tz).isoformat(),
            "valid_to": local_time(i.valid_to, tz).isoformat(),
            "single_use": i.single_use,
            "revoked_at": local_time(i.revoked_at, tz).isoformat() if i.revoked_at else None,
            "status": i.status(now),
        }
        for i in invitations
    ]
    if args.json:
        print_json(rows)
    elif not rows:
        print("no invitations")
    else:
        for r in rows:
            print(
                f"{r['id']}  {r['status']:<8} {r['valid_from'][:16]}  {r['visitor']}"
                f"  (host: {r['host']})"
            )
    return 0
