"""``kiosk admin purge``: anonymise visitors, and unsign feedback, whose retention period passed.

Run it every night (a systemd timer or cron on the admin machine, see docs/configuration.md);
it is idempotent, so running it twice or late does no harm. ``--dry-run`` only counts.
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

from kiosk.cli.context import context_from_args, print_json
from kiosk.lobby.retention import purge_feedback, purge_visitors

log = logging.getLogger(__name__)


def add_parsers(cmds: Any) -> None:
    p = cmds.add_parser(
        "purge", help="anonymise visitors and unsign feedback past lobby.retention_days"
    )
    p.add_argument("--dry-run", action="store_true", help="count, change nothing")
    p.add_argument("--days", type=int, help="override lobby.retention_days")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_purge)


def cmd_purge(args: argparse.Namespace) -> int:
    ctx = context_from_args(args)
    days = args.days if args.days is not None else ctx.config.retention_days
    if days <= 0:
        from kiosk.base.errors import UsageError

        raise UsageError("--days must be greater than zero")
    now = ctx.clock.now()
    with ctx.central(write=not args.dry_run) as conn:
        report = purge_visitors(conn, now, days, dry_run=args.dry_run)
        feedback = purge_feedback(conn, now, days, dry_run=args.dry_run)
    count = len(report.anonymised)
    log.info("purge: %d visitor(s) %s", count, "due" if args.dry_run else "anonymised")
    log.info("purge: %d feedback answer(s) %s", feedback, "due" if args.dry_run else "unsigned")
    if args.json:
        print_json(
            {
                "anonymised": 0 if args.dry_run else count,
                "due": count,
                "feedback": feedback,  # answers past retention: signature and comment dropped
                "cutoff": report.cutoff.astimezone(ctx.config.tz).isoformat(),
                "dry_run": args.dry_run,
            }
        )
    else:
        verb = "would be anonymised" if args.dry_run else "anonymised"
        print(f"{count} visitor(s) {verb} (last seen before {report.cutoff:%Y-%m-%d})")
        done = "would lose" if args.dry_run else "lost"
        print(f"{feedback} feedback answer(s) {done} their signature and comment")
    return 0
