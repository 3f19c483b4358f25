"""``kiosk admin event ...``: create events, list and count them, and issue their tickets.

``create`` checks every argument before it writes and writes the event (and, with ``--rooms``
or ``--all-rooms``, the event mode for the event's window) in one transaction. Tickets are
signed tokens of kind ``event-ticket``; ``tickets import`` writes one printable QR card per row
and reports a bad row by its line number, storing nothing of it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.base.errors import UsageError
from kiosk.base.timeutil import local_time
from kiosk.cli.context import AdminContext, context_from_args, print_json

if TYPE_CHECKING:
    from kiosk.events.manage import EventInfo


def add_parsers(cmds: Any) -> None:
    event = cmds.add_parser("event", help="events and their tickets").add_subparsers(
        dest="event_cmd", required=True
    )
    p = event.add_parser("create", help="create an event; prints its id")
    p.add_argument("--title", required=True, help="the event's name, shown at the lobby")
    p.add_argument("--starts", required=True, metavar="ISO", help="date-time (site zone)")
    p.add_argument("--ends", required=True, metavar="ISO", help="date-time (site zone)")
    p.add_argument("--description", help="a line or two about the event")
    p.add_argument("--capacity", type=int, help="how many may come in (default: no limit)")
    p.add_argument("--online-url", metavar="URL", help="join-online link (http or https)")
    p.add_argument("--walk-ins", action="store_true", help="people without a ticket may register")
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--rooms", nargs="+", metavar="ROOM", help="switch these rooms to event mode for it"
    )
    where.add_argument(
        "--all-rooms", action="store_true", help="switch the whole Lab to event mode for it"
    )
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_event_create)
    p = event.add_parser("list", help="list events")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_event_list)
    p = event.add_parser("show", help="one event with its ticket and check-in counts")
    p.add_argument("id", help="the event's id")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_event_show)

    tickets = event.add_parser("tickets", help="event tickets").add_subparsers(
        dest="tickets_cmd", required=True
    )
    p = tickets.add_parser("import", help="tickets from a CSV file, one QR card each")
    p.add_argument("csv", metavar="CSV", help="header: name[,organisation]")
    p.add_argument("--event", required=True, metavar="ID", help="the event's id")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the cards")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_tickets_import)
    p = tickets.add_parser("create", help="one ticket; prints its id and token")
    p.add_argument("--event", required=True, metavar="ID", help="the event's id")
    p.add_argument("--name", help="the attendee's name (omit for an anonymous ticket)")
    p.add_argument("--qr", metavar="FILE.png", help="write a printable ticket card")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_tickets_create)


def _as_json(e: EventInfo, ctx: AdminContext) -> dict[str, Any]:
    tz = ctx.config.tz
    return {
        "id": str(e.id),
        "title": e.title,
        "description": e.description,
        "starts_at": local_time(e.starts_at, tz).isoformat(),
        "ends_at": local_time(e.ends_at, tz).isoformat(),
        "capacity": e.capacity,
        "online_url": e.online_url,
        "allow_walkins": e.allow_walkins,
        "tickets": e.tickets,
        "checked_in": e.checked_in,
        "walkins": e.walkins,
    }


def _line(e: EventInfo, ctx: AdminContext) -> str:
    tz = ctx.config.tz
    start, end = local_time(e.starts_at, tz), local_time(e.ends_at, tz)
    count = f"{e.checked_in} / {e.capacity}" if e.capacity else f"{e.checked_in}"
    return f"{e.id}  {start:%Y-%m-%d %H:%M}–{end:%H:%M}  {e.title}  ({count} in)"


def cmd_event_create(args: argparse.Namespace) -> int:
    from kiosk.base.timeutil import parse_when
    from kiosk.events.manage import NewEvent, check_event, create_event, get_event
    from kiosk.rooms.modes import ModeSwitch, check_rooms, set_mode_central

    ctx = context_from_args(args)
    tz, now = ctx.config.tz, ctx.clock.now()
    new = check_event(
        NewEvent(
            title=args.title,
            starts_at=parse_when(args.starts, tz, end=False, what="--starts"),
            ends_at=parse_when(args.ends, tz, end=True, what="--ends"),
            description=args.description,
            capacity=args.capacity,
            online_url=args.online_url,
            allow_walkins=args.walk_ins,
        ),
        now,
    )
    rooms: list[str] | None = list(args.rooms) if args.rooms else None
    with ctx.central() as conn:
        if rooms is not None:
            check_rooms(conn, rooms)
        event_id = create_event(conn, new, now)
        modes = 0
        if rooms is not None or args.all_rooms:  # the mode switch for the event's window
            switch = ModeSwitch(
                rooms=tuple(dict.fromkeys(rooms)) if rooms is not None else None,
                mode="event",
                starts_at=new.starts_at,
                expires_at=new.ends_at,
                title=new.title,
                event_id=event_id,
            )
            modes = len(set_mode_central(conn, switch, set_by=None, now=now))
        event = get_event(conn, event_id)
    if args.json:
        print_json({**_as_json(event, ctx), "modes": modes})
    else:
        print(f"event {event_id}")
        if modes:
            where = "the whole Lab" if rooms is None else ", ".join(rooms)
            print(f"event mode scheduled for {where}")
    return 0


def cmd_event_list(args: argparse.Namespace) -> int:
    from kiosk.events.manage import list_events

    ctx = context_from_args(args)
    with ctx.central(write=False) as conn:
        events = list_events(conn)
    if args.json:
        print_json([_as_json(e, ctx) for e in events])
    elif not events:
        print("no events")
    else:
        for e in events:
            print(_line(e, ctx))
    return 0


def cmd_event_show(args: argparse.Namespace) -> int:
    from kiosk.events.manage import find_event, get_event

    ctx = context_from_args(args)
    with ctx.central(write=False) as conn:
        event = get_event(conn, find_event(conn, args.id))
    if args.json:
        print_json(_as_json(event, ctx))
        return 0
    print(_line(event, ctx))
    if event.description:
        print(f"  {event.description}")
    print(f"  tickets: {event.tickets}")
    print(f"  checked in: {event.checked_in} (walk-ins: {event.walkins})")
    print(f"  capacity: {event.capacity if event.capacity else 'no limit'}")
    print(f"  walk-ins allowed: {'yes' if event.allow_walkins else 'no'}")
    if event.online_url:
        print(f"  online: {event.online_url}")
    return 0


def cmd_tickets_create(args: argparse.Namespace) -> int:
    from kiosk.cli.card_import import card_path
    from kiosk.events.manage import find_event, get_event
    from kiosk.events.tickets import issue_ticket, ticket_card
    from kiosk.lobby.invite_card import save_card
    from kiosk.security.signing_keys import current_signing_key

    ctx = context_from_args(args)
    qr_path = card_path(args.qr)
    name = " ".join((args.name or "").split()) or None
    card_written = False
    try:
        with ctx.central() as conn:
            event = get_event(conn, find_event(conn, args.event))
            _, key = current_signing_key(conn, ctx.config.data_dir)
            ticket = issue_ticket(conn, event, name, None, key=key, now=ctx.clock.now())
            if qr_path is not None:  # inside the transaction: a card that fails stores nothing
                try:
                    save_card(ticket_card(event, ticket.token, name, ctx.config.tz), qr_path)
                except OSError as exc:
                    raise UsageError(
                        f"--qr: cannot write {str(qr_path)!r}: {exc.strerror}"
                    ) from None
                card_written = True
    except BaseException:
        if card_written and qr_path is not None:
            qr_path.unlink(missing_ok=True)
        raise
    if args.json:
        tz = ctx.config.tz
        print_json(
            {
                "id": str(ticket.id),
                "event": str(event.id),
                "token": ticket.token,
                "valid_from": local_time(ticket.valid_from, tz).isoformat(),
                "valid_to": local_time(ticket.valid_to, tz).isoformat(),
                "qr": str(qr_path) if qr_path else None,
            }
        )
    else:
        print(f"ticket {ticket.id}")
        print(ticket.token)
    return 0


def cmd_tickets_import(args: argparse.Namespace) -> int:
    from kiosk.cli.card_import import out_folder, run_card_import
    from kiosk.events.manage import find_event, get_event
    from kiosk.events.tickets import COLUMNS, REQUIRED, TicketRules, import_tickets
    from kiosk.lobby.invite_import import read_rows

    out_dir = out_folder(args)
    rows = list(read_rows(Path(args.csv), COLUMNS, REQUIRED))  # a wrong header fails at once
    ctx = context_from_args(args)
    tz, now = ctx.config.tz, ctx.clock.now()
    with ctx.central(write=False) as conn:  # an unknown event fails before any card is made
        event = get_event(conn, find_event(conn, args.event))
    return run_card_import(
        args,
        rows,
        out_dir,
        lambda conn, it, key, progress: import_tickets(
            conn, it, TicketRules(event, key, tz, now), out_dir=out_dir, progress=progress
        ),
        noun="tickets",
        extra={"event": str(event.id)},
    )
