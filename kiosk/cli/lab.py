"""``kiosk admin feedback`` and ``kiosk admin board``: feedback for hosts, the "Here today" board.

Both work on the central store. Feedback is listed with the signer's name only when they
signed it; the board commands record consents (an append-only log) for members who asked a
host to put them on the lobby's board, or to take them off.
"""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.base.timeutil import parse_when
from kiosk.cli.context import context_from_args, print_json


def add_parsers(cmds: Any) -> None:
    feedback = cmds.add_parser("feedback", help="feedback given at the lobby").add_subparsers(
        dest="feedback_cmd", required=True
    )
    p = feedback.add_parser("list", help="feedback, oldest first")
    p.add_argument("--from", dest="start", metavar="ISO", help="date or date-time (site zone)")
    p.add_argument("--to", dest="end", metavar="ISO", help="date (inclusive) or date-time")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_feedback_list)

    board = cmds.add_parser("board", help='the lobby\'s "Here today" board').add_subparsers(
        dest="board_cmd", required=True
    )
    p = board.add_parser("opt-in", help="show a person on the board while they are in")
    p.add_argument("person", help="person id or e-mail")
    p.add_argument("--interests", metavar="A,B,C", default="", help="up to 3, 40 characters each")
    p.add_argument(
        "--hide-organisation", action="store_true", help="show the name and interests only"
    )
    p.set_defaults(func=cmd_board_opt_in)
    p = board.add_parser("opt-out", help="take a person off the board at once")
    p.add_argument("person", help="person id or e-mail")
    p.set_defaults(func=cmd_board_opt_out)
    p = board.add_parser("list", help="everyone who opted in")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_board_list)


def cmd_feedback_list(args: argparse.Namespace) -> int:
    from kiosk.lab.feedback import FACES, list_feedback

    ctx = context_from_args(args)
    tz = ctx.config.tz
    start = parse_when(args.start, tz, end=False, what="--from") if args.start else None
    end = parse_when(args.end, tz, end=True, what="--to") if args.end else None
    with ctx.central(write=False) as conn:
        entries = list_feedback(conn, start, end)
    if args.json:
        print_json([e.as_json(tz) for e in entries])
        return 0
    if not entries:
        print("no feedback in that period")
        return 0
    for e in entries:
        when = e.at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        where = e.context + (f" ({e.event_title or e.event_id})" if e.event_id else "")
        line = f"{when}  {e.score} {FACES[e.score]:<12} {where:<10}"
        if e.signed_by:
            line += f"  — {e.signed_by}"
        if e.comment:
            line += f"\n    {e.comment}"
        print(line)
    return 0


def cmd_board_opt_in(args: argparse.Namespace) -> int:
    from kiosk.lab.here_today import opt_in, parse_interests
    from kiosk.security.directory import find_person

    interests = parse_interests(args.interests)  # refused before the store is opened
    ctx = context_from_args(args)
    with ctx.central() as conn:
        person_id = find_person(conn, args.person)
        opt_in(
            conn,
            person_id,
            interests,
            ctx.clock.now(),
            show_organisation=not args.hide_organisation,
        )
    print("on the board while checked in" + (f": {', '.join(interests)}" if interests else ""))
    return 0


def cmd_board_opt_out(args: argparse.Namespace) -> int:
    from kiosk.lab.here_today import opt_out
    from kiosk.security.directory import find_person

    ctx = context_from_args(args)
    with ctx.central() as conn:
        opt_out(conn, find_person(conn, args.person), ctx.clock.now())
    print("off the board")
    return 0


def cmd_board_list(args: argparse.Namespace) -> int:
    from kiosk.lab.here_today import opted_in

    ctx = context_from_args(args)
    tz = ctx.config.tz
    with ctx.central(write=False) as conn:
        people = opted_in(conn)
    if args.json:
        print_json(
            [
                {
                    "name": p.name,
                    "email": p.email,
                    "organisation": p.organisation,
                    "interests": list(p.interests),
                    "since": p.since.astimezone(tz).isoformat(),
                }
                for p in people
            ]
        )
    elif not people:
        print("nobody has opted in")
    else:
        for p in people:
            org = f" ({p.organisation})" if p.organisation else ""
            interests = f"  — {', '.join(p.interests)}" if p.interests else ""
            print(f"{p.name}{org}{interests}")
    return 0
