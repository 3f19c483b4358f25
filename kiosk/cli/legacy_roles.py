"""``kiosk admin legacy-roles list|drop``: retiring the per-kiosk PostgreSQL roles.

Before the central sync service, ``grant-kiosk`` gave each kiosk a database role. Once a kiosk
syncs through the service (``kiosk admin enroll``) its role only helps a thief: the last step
of the upgrade (docs/sync.md) drops them, each in its own transaction.
"""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.base.errors import KioskError, UsageError
from kiosk.cli.context import AdminContext, context_from_args, print_json, safe_url


def add_parsers(cmds: Any) -> None:
    legacy = cmds.add_parser(
        "legacy-roles",
        help="the per-kiosk PostgreSQL roles of grant-kiosk: list them, drop them",
    )
    sub = legacy.add_subparsers(dest="legacy_cmd", required=True, metavar="{list,drop}")
    p = sub.add_parser("list", help="every role grant-kiosk made; is its kiosk enrolled")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser(
        "drop",
        help="drop kiosks' roles (revoke, drop what they own, drop the role)",
        epilog="example: kiosk admin legacy-roles drop door-aurora lobby-1 --dry-run",
    )
    p.add_argument("kiosk_ids", nargs="*", metavar="KIOSK_ID", help="kiosks whose roles to drop")
    p.add_argument("--all", action="store_true", help="every role grant-kiosk made")
    p.add_argument("--dry-run", action="store_true", help="print the SQL, change nothing")
    p.set_defaults(func=cmd_drop)


def _postgresql_only(ctx: AdminContext) -> str:
    """The central database's name; a SQLite central store has no roles to drop."""
    from sqlalchemy.engine import make_url

    url = make_url(ctx.config.central_url)
    if url.get_backend_name() != "postgresql":
        raise UsageError(
            f"legacy-roles needs a PostgreSQL central store, not "
            f"{safe_url(ctx.config.central_url)}: a SQLite central store has no roles"
        )
    return str(url.database)


def cmd_list(args: argparse.Namespace) -> int:
    from kiosk.sync.roles import legacy_roles

    ctx = context_from_args(args)
    _postgresql_only(ctx)
    with ctx.central(write=False) as conn:
        roles = legacy_roles(conn)
    if args.json:
        print_json([r.as_json() for r in roles])
        return 0
    if not roles:
        print("no legacy kiosk roles: nothing to drop")
        return 0
    for r in roles:
        state = "exists" if r.exists else "gone"
        enrolled = "enrolled" if r.enrolled else "NOT ENROLLED"
        print(
            f"{r.role_name:<28} {r.kiosk_role:<5} {r.room_id or '-':<12} {state:<6} "
            f"{r.sessions} session(s)  {enrolled}"
        )
    return 0


def _end_sessions(store: Any, role_name: str) -> None:
    """Best effort, before the drop: a dropped role's open sessions would otherwise go on."""
    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.sync.roles import end_sessions

    try:
        with store.engine.begin() as conn:
            print(f"{role_name}: ended {end_sessions(conn, role_name)} open session(s)")
    except SQLAlchemyError as exc:
        first = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        print(
            f"{role_name}: its open sessions were not ended ({first}); they end when they "
            "disconnect, or with pg_terminate_backend as a superuser"
        )


def cmd_drop(args: argparse.Namespace) -> int:
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.sync.roles import drop_statements, legacy_roles, role_name_for

    if bool(args.kiosk_ids) == bool(args.all):
        raise UsageError("give KIOSK_ID... or --all (not both); nothing was changed")
    wanted = {role_name_for(k) for k in args.kiosk_ids}  # validate before touching anything
    ctx = context_from_args(args)
    database = _postgresql_only(ctx)
    store = ctx.open_central()
    try:
        with store.engine.connect() as conn:
            known = legacy_roles(conn)
        if not args.all:
            unknown = wanted - {r.role_name for r in known}
            if unknown:
                raise UsageError(
                    f"{', '.join(sorted(unknown))}: not a role grant-kiosk made in this "
                    "database (see `kiosk admin legacy-roles list`); nothing was changed"
                )
        chosen = [r for r in known if args.all or r.role_name in wanted]
        if args.dry_run:
            for role in chosen:
                print(f"-- {role.role_name} (kiosk {role.kiosk_id})")
                print("".join(f"{s};\n" for s in drop_statements(role, database)), end="")
            return 0
        failed = 0
        for role in chosen:
            if role.exists and role.sessions:
                _end_sessions(store, role.role_name)
            try:
                with store.engine.begin() as conn:
                    for statement in drop_statements(role, database):
                        conn.execute(text(statement))
            except SQLAlchemyError as exc:
                failed += 1
                first = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
                print(f"{role.role_name}: not dropped: {first}")
                continue
            note = "" if role.enrolled else " (its kiosk is not enrolled with the service)"
            print(f"dropped {role.role_name}{note}")
    except SQLAlchemyError as exc:
        first = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise KioskError(f"central store {safe_url(ctx.config.central_url)}: {first}") from None
    finally:
        store.dispose()
    if not chosen:
        print("no legacy kiosk roles: nothing to drop")
    if failed:
        raise KioskError(
            f"{failed} role(s) not dropped (dropping roles needs CREATEROLE, or a superuser "
            "when the role has rights in other databases); the others were"
        )
    return 0
