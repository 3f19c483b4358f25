"""``kiosk console``: the staff console, a window on a staff member's own computer.

This module parses the arguments and connects: to the Lab's central sync service with a staff
credential (``--url`` and ``--credential``, or ``central.url`` and ``central.credential_file``
in ``--config``), or, for a SQLite ``central.url`` (the one-machine set-up, the demo), to the
real service started in-process (:mod:`kiosk.console.embedded`). The windows come from the GUI
package: the installed ``kiosk`` command hands them in as the parser default ``console_app``
(as it hands ``report_pdf_writer`` to ``kiosk admin report``); ``python -m kiosk`` has none and
says so. Never database credentials: a PostgreSQL ``central.url`` is refused.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.base.errors import UsageError

if TYPE_CHECKING:
    from kiosk.console.client import ConsoleSession, StaffClient

#: Opens the console's windows on a session and runs them; returns the exit code.
ConsoleApp = Callable[["ConsoleSession"], int]
DEFAULT_TZ = "Europe/Helsinki"


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "console",
        help="the staff console: visitors, invitations, events, rooms, fleet, feedback",
        epilog="examples: kiosk console --url https://kiosk.lab.example:8443 --credential "
        "aino.token; kiosk console --config kiosk.toml (a SQLite central.url: this machine)",
    )
    p.add_argument("--url", metavar="URL", help="the central sync service (https://HOST:PORT)")
    p.add_argument(
        "--credential",
        metavar="FILE",
        help="the staff credential file (kiosk admin enroll NAME --role staff)",
    )
    p.add_argument(
        "--as",
        dest="person",
        metavar="PERSON",
        help="one-machine set-up only: the host or admin (id or e-mail) the console acts as; "
        "default: the first active admin by name, else the first active host",
    )
    p.add_argument("--lang", choices=("fi", "sv", "en"), help="default: the config's language")
    p.set_defaults(func=cmd_console)


def cmd_console(args: argparse.Namespace) -> int:
    app: ConsoleApp | None = getattr(args, "console_app", None)
    if app is None:
        raise UsageError(
            "the staff console needs the GUI package (PySide6): use the installed `kiosk` command"
        )
    with ExitStack() as stack:
        session = open_session(args, stack)
        stack.callback(session.client.close)
        return app(session)
    return 0  # unreachable; for the type checker


def open_session(args: argparse.Namespace, stack: ExitStack) -> ConsoleSession:
    """The session ``args`` ask for; what it started is closed by ``stack``."""
    from zoneinfo import ZoneInfo

    from kiosk.config.credential_file import STAFF_HINT, read_token_file
    from kiosk.config.service_url import is_service_url
    from kiosk.console.client import ConsoleSession, StaffClient

    if args.url or args.credential:
        if not (args.url and args.credential):
            raise UsageError("--url and --credential go together")
        if not is_service_url(args.url):
            raise UsageError(f"--url: an https:// (or loopback http://) address, not {args.url!r}")
        token = read_token_file(Path(args.credential), "--credential", STAFF_HINT)
        config = _config_if_given(args)
        tz = config.tz if config else ZoneInfo(DEFAULT_TZ)
        lang = args.lang or (config.language if config else "fi")
        client = _accepted(StaffClient(args.url, token), f"--credential {args.credential}")
        return ConsoleSession(client, tz, lang, args.url)
    from kiosk.config.settings import load_config

    config = load_config(getattr(args, "config", None))
    lang = args.lang or config.language
    if config.uses_service:
        if config.credential_file is None:
            raise UsageError("central.credential_file: name the staff credential file")
        token = read_token_file(config.credential_file, hint=STAFF_HINT)
        label = f"central.credential_file {config.credential_file}"
        client = _accepted(StaffClient(config.central_url, token), label)
        return ConsoleSession(client, config.tz, lang, config.central_url)
    if not config.central_url.startswith("sqlite"):
        raise UsageError(
            "the console reaches the central store only through the central sync service: "
            "give --url and --credential (kiosk admin enroll NAME --role staff --person ...)"
        )
    from kiosk.console.embedded import EmbeddedConsole

    embedded = EmbeddedConsole(
        config, person=args.person, pdf_writer=getattr(args, "report_pdf_writer", None)
    )
    stack.callback(embedded.close)
    return ConsoleSession(embedded.client, config.tz, lang, "this machine")


def _accepted(client: StaffClient, label: str) -> StaffClient:
    """``client`` once the service has taken its credential as a staff one: a kiosk's token or
    a revoked one would open a window of empty pages. An unreachable service is no reason to
    stay closed: the window says it is offline and tries again."""
    from kiosk.config.credential_file import STAFF_HINT
    from kiosk.console.client import StaffClientError, Unauthorized

    try:
        client.whoami()
    except Unauthorized as exc:
        client.close()
        raise UsageError(f"{label}: the service refused it: {exc.message}; {STAFF_HINT}") from None
    except StaffClientError:  # unreachable, or busy (429): the window says so and tries again
        pass
    return client


def _config_if_given(args: argparse.Namespace) -> Any:
    path = getattr(args, "config", None)
    if path is None:
        return None
    from kiosk.config.settings import load_config

    return load_config(path)
