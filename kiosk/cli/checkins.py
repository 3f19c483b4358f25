"""``kiosk admin checkins export``: every check-in and check-out event, as CSV or JSON.

Reads the central store; ``--local`` reads this kiosk's own replica instead (a lobby holds every
visitor check-in it needs for an evacuation even when the network is down).
"""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any

from kiosk.base.csvfiles import BOM, safe_dict
from kiosk.base.timeutil import parse_when
from kiosk.cli.context import context_from_args, print_json
from kiosk.lobby.checkin_export import FIELDS, checkin_events


def add_parsers(cmds: Any) -> None:
    checkins = cmds.add_parser("checkins", help="check-in and check-out events").add_subparsers(
        dest="checkins_cmd", required=True
    )
    p = checkins.add_parser("export", help="list every check-in and check-out event")
    p.add_argument("--from", dest="start", metavar="ISO", help="date or date-time (site zone)")
    p.add_argument("--to", dest="end", metavar="ISO", help="date (inclusive) or date-time")
    p.add_argument("--format", choices=("csv", "json"), required=True, help="output format")
    p.add_argument("--local", action="store_true", help="read this kiosk's local store")
    p.add_argument(
        "--no-bom",
        action="store_true",
        help="CSV without the UTF-8 byte-order mark that Excel needs to show ä and ö",
    )
    p.set_defaults(func=cmd_checkins_export)


def cmd_checkins_export(args: argparse.Namespace) -> int:
    ctx = context_from_args(args)
    tz = ctx.config.tz
    start = parse_when(args.start, tz, end=False, what="--from") if args.start else None
    end = parse_when(args.end, tz, end=True, what="--to") if args.end else None
    if args.local:
        from kiosk.store.engine import open_local_store

        store = open_local_store(ctx.config.local_store_path)
        try:
            with store.engine.connect() as conn:
                events = checkin_events(conn, start, end)
        finally:
            store.dispose()
    else:
        with ctx.central(write=False) as conn:
            events = checkin_events(conn, start, end)
    rows = [event.as_row(tz) for event in events]
    if args.format == "json":
        print_json(rows)
    else:
        if not args.no_bom:
            sys.stdout.write(BOM)
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(safe_dict(row) for row in rows)  # no formulas from people's names
    return 0
