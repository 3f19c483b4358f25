"""``kiosk admin ...``: set up the stores and manage rooms, people and badges on the central store.

Every command validates its input before it writes, and writes in one transaction, so bad input
leaves every store unchanged.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kiosk.base.errors import UsageError
from kiosk.base.timeutil import WHEN_HELP, parse_when
from kiosk.cli import bookings as cli_bookings
from kiosk.cli import checkins as cli_checkins
from kiosk.cli import enrolment as cli_enrolment
from kiosk.cli import event as cli_event
from kiosk.cli import fleet as cli_fleet
from kiosk.cli import hosts as cli_hosts
from kiosk.cli import invite as cli_invite
from kiosk.cli import keys as cli_keys
from kiosk.cli import lab as cli_lab
from kiosk.cli import legacy_roles as cli_legacy_roles
from kiosk.cli import modes as cli_modes
from kiosk.cli import privacy as cli_privacy
from kiosk.cli import report as report_cli
from kiosk.cli import room_policy as cli_room_policy
from kiosk.cli.context import context_from_args, print_json, safe_url, store_url


def add_parsers(sub: Any) -> None:
    admin = sub.add_parser("admin", help="set up stores; manage rooms, people, badges")
    admin.add_argument("--config", metavar="FILE", help="kiosk.toml to use")
    cmds = admin.add_subparsers(dest="admin_command", metavar="ACTION", required=True)

    cli_keys.add_parsers(cmds)
    cli_invite.add_parsers(cmds)
    cli_checkins.add_parsers(cmds)
    cli_privacy.add_parsers(cmds)
    cli_event.add_parsers(cmds)

    init = cmds.add_parser("init", help="create or upgrade the local and central stores")
    init.add_argument(
        "--central",
        action="store_true",
        help="only the central store (on PostgreSQL: extensions, constraints, feed, policies)",
    )
    init.set_defaults(func=cmd_init)

    room = cmds.add_parser("room", help="rooms").add_subparsers(dest="room_cmd", required=True)
    p = room.add_parser("add", help="add a room")
    p.add_argument("id", help="short id, e.g. aurora")
    p.add_argument("--name", required=True, help="name shown on screens")
    p.add_argument("--capacity", type=int, help="how many people the room seats")
    p.set_defaults(func=cmd_room_add)
    p = room.add_parser("list", help="list rooms")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_room_list)
    p = room.add_parser("status", help="what the room's door shows now (or --at)")
    p.add_argument("room", help="the room's id")
    p.add_argument("--at", metavar="ISO_DATETIME", help=f"{WHEN_HELP} (default: now)")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_room_status)
    cli_room_policy.add_parsers(room)

    person = cmds.add_parser("person", help="people").add_subparsers(
        dest="person_cmd", required=True
    )
    p = person.add_parser("add", help="add a member, host or admin")
    p.add_argument("--name", required=True, help="full name, as screens show it")
    p.add_argument("--email", required=True, help="e-mail address (names the person in commands)")
    p.add_argument(
        "--role", required=True, choices=("member", "host", "admin"), help="what the person may do"
    )
    p.add_argument("--organisation", help="ministry or agency")
    p.set_defaults(func=cmd_person_add)
    p = person.add_parser("list", help="list people")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_person_list)
    cli_modes.add_parsers(cmds, person)

    badge = cmds.add_parser("badge", help="badges").add_subparsers(dest="badge_cmd", required=True)
    p = badge.add_parser("enroll", help="link a badge to a person")
    p.add_argument("person", help="person id or e-mail")
    p.add_argument("--uid", required=True, help="UID as the reader reports it (hex)")
    p.set_defaults(func=cmd_badge_enroll)

    cli_bookings.add_parsers(cmds)
    cli_fleet.add_parsers(cmds)
    cli_enrolment.add_parsers(cmds)
    cli_legacy_roles.add_parsers(cmds)  # retiring grant-kiosk's roles
    cli_lab.add_parsers(cmds)  # feedback, the "Here today" board
    cli_hosts.add_parsers(cmds)  # hosts on duty, host calls
    report_cli.add_parsers(cmds)

    p = cmds.add_parser("who-is-in", help="everyone checked in now")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_who_is_in)


def cmd_init(args: argparse.Namespace) -> int:
    from kiosk.base.folders import make_folder
    from kiosk.security.badges import create_site_key
    from kiosk.store.engine import open_local_store, open_store

    ctx = context_from_args(args)
    cfg = ctx.config
    store_url(cfg)  # before anything is created: this is no admin machine's config
    if getattr(args, "central", False):
        from kiosk.cli.central_setup import init_central

        for line in init_central(cfg.central_url):
            print(line)
        return 0
    make_folder(cfg.data_dir)
    created = create_site_key(cfg.site_key_file)
    print(f"site key: {cfg.site_key_file} ({'created' if created else 'kept'})")
    open_local_store(cfg.local_store_path).dispose()
    print(f"local store: {cfg.local_store_path} (up to date)")
    try:
        open_store(cfg.central_url).dispose()
    except Exception as exc:
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            raise UsageError(
                f"central store {safe_url(cfg.central_url)}: "
                f"{str(getattr(exc, 'orig', exc)).splitlines()[0]}"
            ) from None
        raise
    print(f"central store: {safe_url(cfg.central_url)} (up to date)")
    return 0


def cmd_room_add(args: argparse.Namespace) -> int:
    from kiosk.security.directory import add_room

    ctx = context_from_args(args)
    with ctx.central() as conn:
        add_room(conn, args.id, args.name, args.capacity, ctx.clock.now())
    print(f"room {args.id} added")
    return 0


def cmd_room_list(args: argparse.Namespace) -> int:
    from kiosk.security.directory import list_rooms

    ctx = context_from_args(args)
    with ctx.central(write=False) as conn:
        rooms = list_rooms(conn)
    if args.json:
        print_json(rooms)
    else:
        for r in rooms:
            cap = f"  ({r['capacity']} people)" if r["capacity"] else ""
            print(f"{r['id']:<16} {r['name']}{cap}")
    return 0


def cmd_room_status(args: argparse.Namespace) -> int:
    from kiosk.base.errors import NotFound
    from kiosk.rooms.door_view import door_view

    ctx = context_from_args(args)
    tz = ctx.config.tz
    at = parse_when(args.at, tz, end=False, what="--at") if args.at else ctx.clock.now()
    with ctx.central(write=False) as conn:
        view = door_view(conn, args.room, at, tz)
    if view is None:
        raise NotFound(f"no room {args.room!r}")

    def booking(b: Any) -> dict[str, Any] | None:
        if b is None:
            return None
        return {
            "title": None if b.private else b.title,
            "private": b.private,
            "start": b.starts_at.astimezone(tz).isoformat(),
            "end": b.ends_at.astimezone(tz).isoformat(),
        }

    data = {
        "room": view.room_id,
        "name": view.room_name,
        "state": view.state.value,
        "at": at.astimezone(tz).isoformat(),
        "current": booking(view.current),
        "next": booking(view.upcoming[0] if view.upcoming else None),
        "mode_title": view.mode_title,
    }
    if args.json:
        print_json(data)
    else:
        print(f"{view.room_name}: {view.state.value}")
        for label, shown in (
            ("current", view.current),
            ("next", data["next"] and view.upcoming[0]),
        ):
            if shown:
                start = shown.starts_at.astimezone(tz).strftime("%H:%M")
                end = shown.ends_at.astimezone(tz).strftime("%H:%M")
                title = "(private)" if shown.private else shown.title
                print(f"  {label}: {start}–{end} {title}")
    return 0


def cmd_person_add(args: argparse.Namespace) -> int:
    from kiosk.security.directory import add_person

    ctx = context_from_args(args)
    with ctx.central() as conn:
        person_id = add_person(
            conn,
            name=args.name,
            email=args.email,
            role=args.role,
            organisation=args.organisation,
            now=ctx.clock.now(),
        )
    print(person_id)
    return 0


def cmd_person_list(args: argparse.Namespace) -> int:
    from kiosk.security.directory import list_people

    ctx = context_from_args(args)
    with ctx.central(write=False) as conn:
        people = list_people(conn)
    if args.json:
        print_json(
            [
                {
                    "id": str(p.id),
                    "name": p.name,
                    "email": p.email,
                    "role": p.role,
                    "organisation": p.organisation,
                    "badges": p.badges,
                }
                for p in people
            ]
        )
    else:
        for p in people:
            print(f"{p.id}  {p.role:<6} {p.name} <{p.email}>  badges: {p.badges}")
    return 0


def cmd_badge_enroll(args: argparse.Namespace) -> int:
    from kiosk.security.badges import canonical_uid, load_site_key
    from kiosk.security.directory import enroll_badge

    ctx = context_from_args(args)
    canonical_uid(args.uid)  # reject a malformed UID before touching any store
    key = load_site_key(ctx.config.site_key_file)
    with ctx.central() as conn:
        enroll_badge(conn, args.person, args.uid, key, ctx.clock.now())
    print("badge enrolled")
    return 0


def cmd_who_is_in(args: argparse.Namespace) -> int:
    from kiosk.lobby.presence import who_is_in

    ctx = context_from_args(args)
    with ctx.central(write=False) as conn:
        people = who_is_in(conn)
    tz = ctx.config.tz
    if args.json:
        print_json([p.as_json(tz) for p in people])
    elif not people:
        print("nobody is checked in")
    else:
        for p in people:
            since = p.checked_in_at.astimezone(tz).strftime("%H:%M")
            print(f"{since}  {p.kind:<7} {p.name}", file=sys.stdout)
    return 0
