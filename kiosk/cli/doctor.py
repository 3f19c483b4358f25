"""``kiosk doctor``: what stands between this machine and a running kiosk, with each fix."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.context import print_json

EPILOG = """example:
  kiosk doctor --config /etc/lab-kiosk/kiosk.toml
  kiosk doctor --config kiosk.toml --json   # [{"check", "status", "message", "fix"}, ...]

exit status: 0 when nothing blocks the kiosk (warnings allowed), 1 when something does."""


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "doctor",
        help="check this machine for a kiosk: Qt, display, config, stores, service, readers",
        description="One line per check with its verdict (ok, warning, blocking) and the fix. "
        "Needs no display.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--config", metavar="FILE", help="the kiosk's config (default: the usual one)")
    p.add_argument(  # SUPPRESS: `kiosk -v doctor` keeps the top-level value
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="also log debug messages and each HTTP request to the service",
    )
    p.add_argument(
        "--json", action="store_true", help="print a JSON list of {check, status, message, fix}"
    )
    p.set_defaults(func=cmd_doctor)


_LABEL = {"ok": "ok", "warning": "WARNING", "blocking": "BLOCKING"}


def cmd_doctor(args: argparse.Namespace) -> int:
    from kiosk.doctor.checks import run_checks

    verdicts = run_checks(args.config)
    blocked = sum(v.status == "blocking" for v in verdicts)
    if args.json:
        print_json([v.as_json() for v in verdicts])
        return 1 if blocked else 0
    width = max(len(v.check) for v in verdicts)
    for v in verdicts:
        print(f"{_LABEL[v.status]:<9} {v.check:<{width}}  {v.message}")
        if v.fix and v.status != "ok":
            print(f"{'':<9} {'':<{width}}  fix: {v.fix}")
    warned = sum(v.status == "warning" for v in verdicts)
    if blocked:
        print(f"{blocked} blocking, {warned} warning(s): the kiosk cannot run here as it is")
    else:
        print(f"nothing blocks the kiosk ({warned} warning(s))")
    return 1 if blocked else 0
