"""``kiosk admin fleet`` and ``kiosk admin grant-kiosk``: watching and credentialing kiosks."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from kiosk.base.errors import KioskError, UsageError
from kiosk.cli.context import context_from_args, print_json, safe_url


def add_parsers(cmds: Any) -> None:
    p = cmds.add_parser(
        "fleet",
        help="every kiosk's last heartbeat; silent ones, ids used by two kiosks and full disks "
        "are marked",
    )
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_fleet)

    p = cmds.add_parser(
        "grant-kiosk", help="create (or print the SQL for) a least-privilege database role"
    )
    p.add_argument("kiosk_id", metavar="KIOSK_ID", help="the kiosk's id (kiosk.id in its config)")
    p.add_argument(
        "--role",
        choices=("lobby", "door"),
        help="the kiosk's role (default: from its last heartbeat)",
    )
    p.add_argument(
        "--room",
        metavar="ROOM_ID",
        help="a door's room (required for a door): its role may change that room's bookings only",
    )
    p.add_argument("--print-sql", action="store_true", help="print the SQL instead of running it")
    p.add_argument(
        "--password-file",
        metavar="FILE",
        help="set the role's password from FILE; a new random one is written there (mode 0600) "
        "when FILE does not exist",
    )
    p.set_defaults(func=cmd_grant_kiosk)


def cmd_fleet(args: argparse.Namespace) -> int:
    from kiosk.sync.fleet import describe_age, fleet

    ctx = context_from_args(args)
    now = ctx.clock.now()
    with ctx.central(write=False) as conn:
        kiosks = fleet(conn, now)
    if args.json:
        print_json([k.as_json(now) for k in kiosks])
        return 0
    if not kiosks:
        print("no kiosk has checked in yet")
        return 0
    tz = ctx.config.tz
    for k in kiosks:
        seen = k.last_seen_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        age = describe_age((now - k.last_seen_at).total_seconds())
        flag = (
            "DUPLICATE"
            if k.duplicate
            else "SILENT"
            if k.silent
            else "DISK FULL"
            if k.disk_full
            else "ok"
        )
        print(
            f"{flag:<6} {k.id:<20} {k.role:<5} {k.room_id or '-':<12} v{k.version:<8} "
            f"seen {seen} ({age})  {_health(k.outbox_depth, k.readers)}"
        )
        if k.duplicate:  # each process on its own line: neither hides the other's readers
            print(f"       kiosk id {k.id} is used by {len(k.instances)} running kiosks at once:")
            for i in k.instances:
                since = i.first_seen_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
                age = describe_age((now - i.last_seen_at).total_seconds())
                print(
                    f"         instance {i.instance} on machine {i.machine}  v{i.version}  "
                    f"since {since}, seen {age}  {_health(i.outbox_depth, i.readers)}"
                )
    return 0


def _health(outbox_depth: int | None, readers: dict[str, str]) -> str:
    listed = ", ".join(f"{n}: {s}" for n, s in readers.items()) or "no readers"
    return f"outbox {'?' if outbox_depth is None else outbox_depth}  {listed}"


def _password(path_text: str | None) -> tuple[str | None, str | None]:
    """The password to set and a note for the operator; a missing file gets a new password."""
    if path_text is None:
        return None, None
    from kiosk.config.central_auth import read_password_file
    from kiosk.sync.roles import new_password

    path = Path(path_text)
    if path.exists():
        return read_password_file(path, "--password-file"), None
    password = new_password()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise UsageError(f"--password-file {path}: cannot create: {exc.strerror}") from None
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(password + "\n")
    return password, f"new password written to {path} (mode 0600); copy it to the kiosk"


def _role_from_heartbeat(conn: Any, kiosk_id: str) -> str | None:
    from sqlalchemy import select

    from kiosk.sync.fleet import kiosks_t

    row = conn.execute(select(kiosks_t.c.role).where(kiosks_t.c.id == kiosk_id)).first()
    return None if row is None else str(row.role)


def _check_room_exists(conn: Any, room_id: str | None) -> None:
    from sqlalchemy import select

    from kiosk.store.models import Room

    if (
        room_id is not None
        and conn.execute(select(Room.id).where(Room.id == room_id)).first() is None
    ):
        raise UsageError(
            f"--room {room_id!r}: no such room in the central store; nothing was changed"
        )


def cmd_grant_kiosk(args: argparse.Namespace) -> int:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.sync.roles import KioskGrant, check_room, role_name_for

    ctx = context_from_args(args)
    url = ctx.config.central_url
    role_name = role_name_for(args.kiosk_id)  # validate before touching anything
    if make_url(url).get_backend_name() != "postgresql":
        raise UsageError(
            f"grant-kiosk needs a PostgreSQL central store, not {safe_url(url)}; "
            "a SQLite central store has no roles (protect the file instead)"
        )
    store = ctx.open_central()
    try:
        with store.engine.connect() as conn:
            kiosk_role = args.role or _role_from_heartbeat(conn, args.kiosk_id)
            if kiosk_role is None:
                raise UsageError(f"kiosk {args.kiosk_id!r} has never checked in: give --role")
            check_room(kiosk_role, args.room)
            _check_room_exists(conn, args.room)
        database = str(make_url(url).database)
        grant = KioskGrant(args.kiosk_id, kiosk_role, database, role_name, args.room)
        if args.print_sql:
            print(grant.script(), end="")
            return 0
        password, note = _password(args.password_file)
        try:
            with store.engine.begin() as conn:
                for statement in grant.statements(password):
                    conn.execute(text(statement))
        except SQLAlchemyError as exc:
            first = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
            raise KioskError(
                f"central store {safe_url(url)}: {first}; nothing was changed "
                "(creating roles needs CREATEROLE; try --print-sql for a superuser)"
            ) from None
    finally:
        store.dispose()
    where = f" of room {args.room}" if args.room else ""
    print(f"role {role_name} ready for {kiosk_role} kiosk {args.kiosk_id}{where}")
    if note:
        print(note)
    return 0
