"""``kiosk admin room policy ROOM``: show or change what a room allows at its door.

The policy lives in the room record (migration 0004), so it reaches every door display of the
room with the next sync; no door's config file changes.
"""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.context import context_from_args, print_json


def add_parsers(room: Any) -> None:
    p = room.add_parser("policy", help="show or change what the room allows at its door")
    p.add_argument("room", help="the room's id")
    p.add_argument(
        "--anonymous",
        choices=("yes", "no"),
        help="may people book, extend and end without a badge tap (default: no)",
    )
    p.add_argument(
        "--checkin-before",
        type=int,
        metavar="MINUTES",
        help="meeting check-in opens this many minutes before the start (default: 10)",
    )
    release = p.add_mutually_exclusive_group()
    release.add_argument(
        "--release-after",
        type=int,
        metavar="MINUTES",
        nargs="?",
        const=10,
        help="release bookings nobody checked in to this many minutes after the start "
        "(10 when given without a number)",
    )
    release.add_argument(
        "--no-release", action="store_true", help="never release no-shows (the default)"
    )
    url = p.add_mutually_exclusive_group()
    url.add_argument("--booking-url", metavar="URL", help="booking page shown as a QR code")
    url.add_argument("--no-booking-url", action="store_true", help="show no QR code")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_room_policy)


def cmd_room_policy(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from kiosk.base.errors import NotFound
    from kiosk.rooms.door_view import room_policy
    from kiosk.rooms.policy import set_room_policy
    from kiosk.store.models import Room

    ctx = context_from_args(args)
    changes: dict[str, Any] = {}
    if args.anonymous is not None:
        changes["anonymous_actions"] = args.anonymous == "yes"
    if args.checkin_before is not None:
        changes["checkin_before_minutes"] = args.checkin_before
    if args.release_after is not None:
        changes["release_after_minutes"] = args.release_after
    if args.no_release:
        changes["release_after_minutes"] = None
    if args.booking_url is not None:
        changes["booking_url"] = args.booking_url
    if args.no_booking_url:
        changes["booking_url"] = None
    with ctx.central(write=bool(changes)) as conn:
        if changes:
            set_room_policy(conn, args.room, ctx.clock.now(), **changes)
        row = conn.execute(select(Room).where(Room.id == args.room)).first()
        if row is None:
            raise NotFound(f"no room {args.room!r}")
        policy = room_policy(row)
    data = {
        "room": args.room,
        "anonymous_actions": policy.anonymous_actions,
        "checkin_before_minutes": policy.checkin_before_minutes,
        "release_after_minutes": policy.release_after_minutes,
        "booking_url": policy.booking_url,
    }
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{key:<24} {'—' if value is None else value}")
    return 0
