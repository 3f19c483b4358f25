"""The ``kiosk`` command. Subcommands live in their own modules and register themselves here.

Heavy imports (SQLAlchemy ORM, Alembic) happen inside the handlers, so ``kiosk --version`` and
the admin commands stay quick. The commands that open screens are added by ``ui.shell.main`` (the
installed ``kiosk`` script), keeping this core package free of any GUI dependency.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from kiosk.base.errors import KioskError

log = logging.getLogger(__name__)


Registrar = Callable[[Any], None]


def build_parser(
    extra: Iterable[Registrar] = (), defaults: Mapping[str, Any] | None = None
) -> argparse.ArgumentParser:
    """The full parser; ``extra`` adds commands from outside the core (the GUI commands) and
    ``defaults`` values every handler finds on its arguments (the GUI's report PDF writer)."""
    from kiosk import __version__
    from kiosk.cli import admin as cli_admin
    from kiosk.cli import central as cli_central
    from kiosk.cli import console as cli_console
    from kiosk.cli import devices as cli_devices
    from kiosk.cli import doctor as cli_doctor
    from kiosk.cli import local_store as cli_local_store
    from kiosk.cli import sync as cli_sync
    from kiosk.cli.options import add_examples, config_everywhere

    parser = argparse.ArgumentParser(
        prog="kiosk", description="Lab Kiosk: lobby and room-door screens for Työ 2.0 Lab."
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in extra:
        add(sub)
    cli_admin.add_parsers(sub)
    cli_sync.add_parsers(sub)
    cli_central.add_parsers(sub)
    cli_console.add_parsers(sub)
    cli_devices.add_parsers(sub)
    cli_doctor.add_parsers(sub)
    cli_local_store.add_parsers(sub)
    config_everywhere(parser)
    add_examples(parser)
    parser.set_defaults(**(defaults or {}))
    return parser


def main(
    argv: Sequence[str] | None = None,
    extra: Iterable[Registrar] = (),
    defaults: Mapping[str, Any] | None = None,
) -> int:
    parser = build_parser(extra, defaults)
    return dispatch(parser.parse_args(argv))


def dispatch(args: argparse.Namespace) -> int:
    """Run the chosen command's handler: logging set up, errors as one line and an exit code."""
    from kiosk.base.logsetup import configure

    configure(args.verbose)  # journal-style lines under systemd (kiosk/base/logsetup.py)
    try:
        return int(args.func(args) or 0)
    except KioskError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
