"""``kiosk admin enroll`` and ``kiosk admin revoke-kiosk``: device tokens for the sync service.

A kiosk reaches the central store only through ``kiosk central serve`` with the token written
here; only the token's hash is kept centrally, and revoking it ends the kiosk's access within
two seconds. A staff member's console gets the same kind of token (``--role staff --person``),
revoked the same way (``revoke-kiosk`` or its alias ``revoke``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from kiosk.cli.context import context_from_args, print_json


def add_parsers(cmds: Any) -> None:
    p = cmds.add_parser(
        "enroll",
        help="a device token for one kiosk (written to --out, mode 0600)",
        epilog="examples: kiosk admin enroll door-aurora --role door --room aurora "
        "--out door-aurora.token; kiosk admin enroll staff-aino --role staff "
        "--person aino@lab.example --out aino.token",
    )
    p.add_argument(
        "kiosk_id", metavar="KIOSK_ID", help="the kiosk's id (kiosk.id in its config), or a name"
    )
    p.add_argument(
        "--role",
        required=True,
        choices=("lobby", "door", "staff"),
        help="the kiosk's role, or staff (a staff member's console)",
    )
    p.add_argument("--room", metavar="ROOM", help="a door's room (doors only)")
    p.add_argument(
        "--person",
        metavar="PERSON",
        help="staff only: the host or admin (id or e-mail) the console acts as",
    )
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="where to write the token; copy it to the kiosk as central.credential_file",
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help="the id is enrolled with another role or room: end that credential and enrol anew",
    )
    p.add_argument("--json", action="store_true", help="print the kiosk's id, role and room")
    p.set_defaults(func=cmd_enroll)

    for name, example in (("revoke-kiosk", "door-aurora"), ("revoke", "staff-aino")):
        p = cmds.add_parser(
            name,
            help="end a kiosk's or a staff member's token at once (stolen, retired, left the Lab)",
            epilog=f"example: kiosk admin {name} {example}",
        )
        p.add_argument(
            "kiosk_id", metavar="KIOSK_ID", help="the kiosk's id, or the staff credential's"
        )
        p.set_defaults(func=cmd_revoke)


def cmd_enroll(args: argparse.Namespace) -> int:
    from kiosk.central.credentials import enroll
    from kiosk.config.credential_file import write_token_file

    ctx = context_from_args(args)
    with ctx.central() as conn:
        token = enroll(
            conn,
            args.kiosk_id,
            args.role,
            args.room,
            ctx.clock.now(),
            getattr(args, "person", None),
            replace=args.replace,
        )
        write_token_file(Path(args.out), token)  # inside the transaction: both or neither
        legacy = _legacy_role(conn, args.kiosk_id)
    if args.json:
        print_json(
            {"id": args.kiosk_id, "role": args.role, "room_id": args.room, "legacy_role": legacy}
        )
    elif args.role == "staff":
        print(
            f"enrolled {args.kiosk_id} (staff); its token is in {args.out}: give it to the staff "
            "member for `kiosk console --credential FILE`, and delete this copy"
        )
    else:
        print(
            f"enrolled {args.kiosk_id} ({args.role}); its token is in {args.out}: copy it to the "
            "kiosk, name it in central.credential_file, and delete this copy"
        )
        if legacy:
            print(
                f"note: its old database role {legacy} still exists; once the kiosk syncs "
                f"through the service, drop it: kiosk admin legacy-roles drop {args.kiosk_id}"
            )
    return 0


def _legacy_role(conn: Connection, kiosk_id: str) -> str | None:
    """The kiosk's role from ``grant-kiosk``, if it still exists (PostgreSQL only)."""
    if conn.dialect.name != "postgresql":
        return None
    from kiosk.sync.roles import legacy_role_exists

    return legacy_role_exists(conn, kiosk_id)


def cmd_revoke(args: argparse.Namespace) -> int:
    from kiosk.central.credentials import revoke

    ctx = context_from_args(args)
    with ctx.central() as conn:
        revoke(conn, args.kiosk_id, ctx.clock.now())
    print(f"revoked {args.kiosk_id}: the service refuses its token from now on")
    return 0
