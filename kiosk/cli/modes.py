"""``kiosk admin mode ...``, ``kiosk admin audit`` and ``kiosk admin person set-pin``.

``mode set`` writes a switch centrally; every kiosk picks it up with its next pull (at once on
PostgreSQL, woken by LISTEN/NOTIFY). Every switch and PIN change is in the audit log with the
machine it was made on.
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
from datetime import datetime
from typing import Any

from kiosk.base.errors import UsageError
from kiosk.cli.context import context_from_args, print_json

AUDIT_ACTIONS_HELP = "host.signed_in, host.pin_failed, host.denied, host.mode_set, mode.set, ..."


def add_parsers(cmds: Any, person: Any) -> None:
    mode = cmds.add_parser("mode", help="event mode and closures: switch rooms or the whole Lab")
    msub = mode.add_subparsers(dest="mode_cmd", required=True)
    p = msub.add_parser(
        "set",
        help="switch rooms (or --all) to normal, event or closed",
        usage="kiosk admin mode set (ROOM... | --all) {normal,event,closed} [options]",
    )
    p.add_argument(
        "words", nargs="+", metavar="ROOM... MODE", help="room ids (or --all), then the mode"
    )
    p.add_argument("--all", action="store_true", help="the whole Lab")
    p.add_argument("--title", help="shown on the doors, e.g. the event's name")
    p.add_argument("--event", metavar="EVENT_ID", help="link an event made with `admin event`")
    p.add_argument("--from", dest="starts", metavar="ISO", help="start later (default: now)")
    p.add_argument("--until", metavar="ISO", help="revert then (default: end of the day)")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_mode_set)
    p = msub.add_parser("show", help="each room's mode now, and switches scheduled ahead")
    p.add_argument("--at", metavar="ISO", help="as at this time (default: now)")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_mode_show)

    p = msub.add_parser(
        "notify", help="tell organisers whose bookings an event or closure covers (once each)"
    )
    p.set_defaults(func=cmd_mode_notify)

    p = cmds.add_parser("audit", help="who did what, when, from which kiosk")
    p.add_argument("--since", metavar="ISO", help="from this time (default: the last 7 days)")
    p.add_argument("--action", help=f"only this action or prefix ({AUDIT_ACTIONS_HELP})")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_audit)

    p = person.add_parser("set-pin", help="set a host's PIN for the host panel (asked twice)")
    p.add_argument("person", help="person id or e-mail")
    p.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input")
    p.set_defaults(func=cmd_set_pin)


def _parse_time(value: str | None, option: str, tz: Any, *, end: bool = False) -> datetime | None:
    """An option's date or date-time in the Lab's zone (``parse_when``), or None if not given."""
    from kiosk.base.timeutil import parse_when

    return None if value is None else parse_when(value, tz, end=end, what=option)


def cmd_mode_set(args: argparse.Namespace) -> int:
    import uuid

    from kiosk.base.ids import new_id
    from kiosk.rooms.modes import MODES, ModeSwitch, end_of_day, set_mode_central
    from kiosk.sync import central

    *rooms, mode = args.words
    if mode not in MODES:
        raise UsageError(f"the last word must be the mode ({', '.join(MODES)}), not {mode!r}")
    if bool(rooms) == bool(args.all):
        raise UsageError("name one or more rooms, or --all for the whole Lab")
    args.rooms, args.mode = rooms, mode
    ctx = context_from_args(args)
    tz, now = ctx.config.tz, ctx.clock.now()
    starts = _parse_time(args.starts, "--from", tz) or now
    until = _parse_time(args.until, "--until", tz, end=True) or end_of_day(max(starts, now), tz)
    event_id = None
    if args.event:
        try:
            event_id = uuid.UUID(args.event)
        except ValueError:
            raise UsageError(f"--event {args.event!r}: not an event id") from None
    if args.mode == "normal" and (args.title or event_id):
        raise UsageError("--title and --event are for event and closed modes")
    title = args.title.strip() if args.title else None
    switch = ModeSwitch(
        None if args.all else tuple(args.rooms), args.mode, starts, until, title, event_id
    )
    with ctx.central() as conn:
        if event_id is not None:
            _check_event(conn, event_id)
        rows = set_mode_central(conn, switch, set_by=None, now=now)
        central.write(
            conn,
            "audit_log",
            {
                "id": new_id(),
                "at": now,
                "actor_id": None,
                "kiosk_id": None,
                "action": "mode.set",
                "detail": {
                    "rooms": list(switch.rooms) if switch.rooms else "all",
                    "mode": switch.mode,
                    "version": rows[0]["version"],
                    "until": until.isoformat(),
                    "host": socket.gethostname(),
                },
            },
            now,
        )
    sent, _failed = _notify(ctx)
    where = "the whole Lab" if args.all else ", ".join(args.rooms)
    if args.json:
        print_json(
            {
                "rooms": None if args.all else list(args.rooms),
                "mode": args.mode,
                "title": title,
                "from": starts.isoformat(),
                "until": until.isoformat(),
                "version": rows[0]["version"],
                "ids": [str(r["id"]) for r in rows],
                "organisers_notified": sent,
            }
        )
    else:
        when = "" if starts <= now else f" from {starts.astimezone(tz):%d.%m. %H:%M}"
        print(f"{where}: {args.mode}{when} until {until.astimezone(tz):%d.%m. %H:%M}")
        if sent:
            print(f"{sent} organiser(s) told that the switch covers their booking")
    return 0


def _notify(ctx: Any) -> tuple[int, int]:
    """Organisers of covered bookings, through the configured notifier; (sent, failed)."""
    from kiosk.lobby.notify import SmtpNotifier, log_message, notifier_for
    from kiosk.rooms.mode_notify import notify_organisers

    cfg = ctx.config
    notifier = notifier_for(cfg.notify.method, cfg.notify, cfg.tz)
    if notifier is None:
        return 0, 0
    send = notifier.send_message if isinstance(notifier, SmtpNotifier) else log_message
    sender = cfg.notify.sender or "lab-kiosk@localhost"
    with ctx.central() as conn:
        result: tuple[int, int] = notify_organisers(conn, send, sender, cfg.tz, ctx.clock.now())
    return result


def cmd_mode_notify(args: argparse.Namespace) -> int:
    sent, failed = _notify(context_from_args(args))
    print(
        f"{sent} organiser(s) notified"
        + (f", {failed} failed (tried again next run)" if failed else "")
    )
    return 1 if failed else 0


def _check_event(conn: Any, event_id: Any) -> None:
    from sqlalchemy import select

    from kiosk.base.errors import NotFound
    from kiosk.store.models import Event, table_of

    events = table_of(Event)
    if conn.execute(select(events.c.id).where(events.c.id == event_id)).first() is None:
        raise NotFound(f"no event {event_id}; nothing was changed")


def cmd_mode_show(args: argparse.Namespace) -> int:
    from kiosk.rooms.mode_notify import flagged
    from kiosk.rooms.modes import room_states, scheduled

    ctx = context_from_args(args)
    tz = ctx.config.tz
    at = _parse_time(args.at, "--at", tz) or ctx.clock.now()
    with ctx.central(write=False) as conn:
        states = room_states(conn, at)
        ahead = scheduled(conn, at)
        covered = flagged(conn, at)
    if args.json:
        print_json(
            {
                "at": at.isoformat(),
                "rooms": [s.as_json() for s in states],
                "scheduled": [
                    {
                        "room": r.room_id,
                        "mode": r.mode,
                        "title": r.title,
                        "from": r.starts_at.isoformat(),
                        "until": r.expires_at.isoformat() if r.expires_at else None,
                        "version": r.version,
                    }
                    for r in ahead
                ],
                "flagged_bookings": [
                    {
                        "booking": str(o.booking_id),
                        "title": o.booking_title,
                        "room": o.room_name,
                        "start": o.starts_at.isoformat(),
                        "end": o.ends_at.isoformat(),
                        "covered_by": o.mode,
                        "organiser_notifiable": o.organiser_email is not None,
                    }
                    for o in covered
                ],
            }
        )
        return 0
    for s in states:
        extra = ""
        if s.mode != "normal":
            extra = (
                f"  {s.title or ''}  until {s.until.astimezone(tz):%d.%m. %H:%M}" if s.until else ""
            )
            extra += "  (whole Lab)" if s.lab_wide else ""
        print(f"{s.room_id:<16} {s.mode:<7}{extra}")
    for o in covered:
        print(
            f"flagged: {o.room_name} {o.starts_at.astimezone(tz):%d.%m. %H:%M} "
            f"{o.booking_title!r} is covered by {o.mode}"
        )
    for r in ahead:
        where = r.room_id or "whole Lab"
        print(
            f"scheduled: {where} {r.mode} {r.starts_at.astimezone(tz):%d.%m. %H:%M}"
            f"–{r.expires_at.astimezone(tz):%H:%M} {r.title or ''}".rstrip()
        )
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from sqlalchemy import select

    from kiosk.store.models import AuditEntry, Person, table_of

    ctx = context_from_args(args)
    tz = ctx.config.tz
    since = _parse_time(args.since, "--since", tz) or ctx.clock.now() - timedelta(days=7)
    audit, people = table_of(AuditEntry), table_of(Person)
    query = (
        select(audit, people.c.name.label("actor_name"))
        .outerjoin(people, people.c.id == audit.c.actor_id)
        .where(audit.c.at >= since)
        .order_by(audit.c.at, audit.c.id)
    )
    if args.action:
        query = query.where(audit.c.action.startswith(args.action, autoescape=True))
    with ctx.central(write=False) as conn:
        rows = conn.execute(query).all()
    if args.json:
        print_json(
            [
                {
                    "at": r.at.isoformat(),
                    "action": r.action,
                    "actor": str(r.actor_id) if r.actor_id else None,
                    "actor_name": r.actor_name,
                    "kiosk": r.kiosk_id,
                    "detail": r.detail,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print(f"nothing audited since {since.astimezone(tz):%d.%m.%Y %H:%M}")
    for r in rows:
        who = r.actor_name or "-"
        when = f"{r.at.astimezone(tz):%d.%m. %H:%M:%S}"
        print(f"{when}  {r.kiosk_id or 'admin':<12} {r.action:<16} {who}")
    return 0


def cmd_set_pin(args: argparse.Namespace) -> int:
    from kiosk.base.ids import new_id
    from kiosk.security.directory import find_person
    from kiosk.security.host_auth import check_pin_format, set_pin_central
    from kiosk.sync import central

    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("New PIN (4-8 digits): ")
        if getpass.getpass("Again: ") != pin:
            raise UsageError("the two PINs differ; nothing was changed")
    check_pin_format(pin)
    ctx = context_from_args(args)
    now = ctx.clock.now()
    with ctx.central() as conn:
        person_id = find_person(conn, args.person)
        set_pin_central(conn, person_id, pin, now)
        central.write(
            conn,
            "audit_log",
            {
                "id": new_id(),
                "at": now,
                "actor_id": person_id,
                "kiosk_id": None,
                "action": "person.pin_set",
                "detail": {"host": socket.gethostname()},
            },
            now,
        )
    print("PIN set; kiosks receive it with their next sync")
    return 0
