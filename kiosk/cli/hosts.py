"""``kiosk admin hosts duty ...`` and ``kiosk admin host-call ...``: hosts on duty, host calls.

The duty list says whom "Call a host" notifies on a day and which hosts the lobby shows; calls
can be listed and taken from the command line too (a host away from any screen).
"""

from __future__ import annotations

import argparse
import uuid
from datetime import date
from typing import Any

from kiosk.base.errors import UsageError
from kiosk.cli.context import context_from_args, print_json


def add_parsers(cmds: Any) -> None:
    hosts = cmds.add_parser("hosts", help="hosts on duty").add_subparsers(
        dest="hosts_cmd", required=True
    )
    duty = hosts.add_parser("duty", help="who hosts on which day").add_subparsers(
        dest="duty_cmd", required=True
    )
    p = duty.add_parser("set", help="make exactly these people the hosts of DATE")
    p.add_argument("date", metavar="DATE", help="YYYY-MM-DD (site zone), or 'today'")
    p.add_argument("people", metavar="PERSON", nargs="*", help="id or e-mail; none: nobody")
    p.set_defaults(func=cmd_duty_set)
    p = duty.add_parser("list", help="the hosts of a day")
    p.add_argument("--date", metavar="DATE", help="YYYY-MM-DD (default: today)")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_duty_list)

    calls = cmds.add_parser("host-call", help='"Call a host" presses').add_subparsers(
        dest="host_call_cmd", required=True
    )
    p = calls.add_parser("list", help="calls, newest first")
    p.add_argument("--open", action="store_true", help="only calls nobody has taken yet")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_call_list)
    p = calls.add_parser("ack", help="take a call")
    p.add_argument("call_id", metavar="CALL_ID", help="the call's id (from host-call list)")
    p.add_argument("--host", required=True, metavar="PERSON", help="host: person id or e-mail")
    p.set_defaults(func=cmd_call_ack)


def _day(text: str | None, today: date) -> date:
    if text is None or text.strip().lower() == "today":
        return today
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"DATE: {text!r} is not a date like 2026-11-27") from None


def cmd_duty_set(args: argparse.Namespace) -> int:
    from kiosk.lab.host_duty import set_duty
    from kiosk.security.directory import find_person

    ctx = context_from_args(args)
    now = ctx.clock.now()
    day = _day(args.date, now.astimezone(ctx.config.tz).date())
    with ctx.central() as conn:
        ids = [find_person(conn, ref) for ref in args.people]
        set_duty(conn, day, ids, now)
    print(f"{len(set(ids))} host(s) on duty on {day.isoformat()}")
    return 0


def cmd_duty_list(args: argparse.Namespace) -> int:
    from kiosk.lab.host_duty import hosts_on_duty

    ctx = context_from_args(args)
    day = _day(args.date, ctx.clock.now().astimezone(ctx.config.tz).date())
    with ctx.central(write=False) as conn:
        hosts = hosts_on_duty(conn, day)
    if args.json:
        print_json([{"id": str(h.person_id), "name": h.name, "email": h.email} for h in hosts])
    elif not hosts:
        print(f"no hosts on duty on {day.isoformat()}")
    else:
        for h in hosts:
            print(f"{h.name} <{h.email}>")
    return 0


def cmd_call_list(args: argparse.Namespace) -> int:
    from kiosk.lab.host_calls import list_calls

    ctx = context_from_args(args)
    tz = ctx.config.tz
    with ctx.central(write=False) as conn:
        calls = list_calls(conn, ctx.clock.now(), open_only=args.open)
    if args.json:
        print_json([c.as_json(tz) for c in calls])
    elif not calls:
        print("no open calls" if args.open else "no calls")
    else:
        for c in calls:
            when = c.at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
            taken = f"taken by {c.host_name}" if c.host_name else "open"
            print(f"{c.call_id}  {when}  {c.kiosk_id:<12} {taken}")
    return 0


def cmd_call_ack(args: argparse.Namespace) -> int:
    from kiosk.lab.host_calls import acknowledge_centrally
    from kiosk.security.directory import find_person

    try:
        call_id = uuid.UUID(args.call_id)
    except ValueError:
        raise UsageError(f"CALL_ID: {args.call_id!r} is not a call id") from None
    ctx = context_from_args(args)
    with ctx.central() as conn:
        host_id = find_person(conn, args.host)
        state = acknowledge_centrally(conn, call_id, host_id, ctx.clock.now())
    print(f"call taken by {state.host_name}")
    return 0
