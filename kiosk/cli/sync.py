"""``kiosk sync``: one push/pull cycle from the command line; ``kiosk sync status``: what sync
last did on this kiosk (read from the local store, so it works while the kiosk runs or is
offline)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.cli.context import print_json, safe_url

if TYPE_CHECKING:
    from kiosk.config.settings import Config


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("sync", help="push this kiosk's outbox and pull changes")
    p.add_argument("--config", metavar="FILE")
    p.add_argument("--once", action="store_true", help="one cycle, then exit (the default)")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_sync)
    actions = p.add_subparsers(dest="sync_command", metavar="ACTION")
    status = actions.add_parser(
        "status", help="cursor, outbox depth, rejected rows, last error and last success"
    )
    # SUPPRESS: `kiosk sync --config F status` keeps the value given before the action.
    status.add_argument("--config", metavar="FILE", default=argparse.SUPPRESS)
    status.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON (for scripts)"
    )
    status.set_defaults(func=cmd_status)


def cmd_sync(args: argparse.Namespace) -> int:
    from kiosk.base import instance_lock
    from kiosk.config.service_url import refuse_database_credentials
    from kiosk.config.settings import load_config

    cfg = load_config(args.config)
    refuse_database_credentials(cfg.central_url)
    # A running kiosk syncs by itself; a second sync beside it would report a second instance.
    with instance_lock.acquire(cfg.data_dir, cfg.kiosk_id, SYNC_HINT):
        return _sync_once(cfg, args.json)


SYNC_HINT = "it syncs by itself: `kiosk sync status` shows how it went"


def _sync_once(cfg: Config, as_json: bool) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.base.clock import SystemClock
    from kiosk.base.errors import KioskError
    from kiosk.store.engine import open_local_store
    from kiosk.sync.engine import SyncEngine, describe_error

    local = open_local_store(cfg.local_store_path)
    clock = SystemClock()
    engine = SyncEngine.for_kiosk(
        cfg, local, clock, on_progress=None if as_json else _progress_printer()
    )
    try:
        report = engine.cycle()
        engine.record_success(clock.now())
        engine.goodbye()  # this process is done: not a second instance of the kiosk
    except (SQLAlchemyError, OSError) as exc:  # OSError: the sync service is unreachable
        error = describe_error(exc)
        engine.record_failure(error, clock.now())
        raise KioskError(
            f"sync with {safe_url(cfg.central_url)} failed: "
            f"{error}; nothing was lost, the outbox is kept"
        ) from None
    finally:
        engine.close()
        local.dispose()
    if engine.duplicate:
        print(
            f"kiosk: warning: another running kiosk uses the id {cfg.kiosk_id} "
            "(see `kiosk admin fleet`)",
            file=sys.stderr,
        )
    mail = _invitation_mail(cfg, clock)
    if as_json:
        print_json(report.__dict__ | ({"invitation_emails": mail.__dict__} if mail else {}))
    else:
        print(
            f"pushed {report.pushed}, rejected {report.rejected}, pulled {report.pulled}; "
            f"cursor {report.cursor}, outbox {report.outbox_depth}"
        )
        if mail is not None:
            print(f"invitation e-mails: sent {mail.sent}, waiting {mail.waiting}")
    return 0


def _invitation_mail(cfg: Any, clock: Any) -> Any:
    """The embedded set-up: this command also retries the central outbox of invitation e-mails
    (``[invitations] delivery``); a mail server that is away is logged, never fatal here."""
    from kiosk.lobby.invite_delivery import deliver_embedded

    if cfg.notify.method != "smtp" or not cfg.invitations.sends_here(cfg.central_url):
        return None
    return deliver_embedded(
        cfg.central_url, cfg.notify, cfg.tz, clock, max_attempts=cfg.invitations.max_attempts
    )


def _progress_printer() -> Callable[[int], None]:
    """Progress of a long pull (a first sync) on stderr: one updating line on a terminal."""
    if not sys.stderr.isatty():
        return lambda pulled: print(f"pulled {pulled:,} changes", file=sys.stderr, flush=True)

    def show(pulled: int) -> None:
        # Erase the line after it: the summary that follows starts on a clean line.
        print(f"\rpulled {pulled:,} changes…\033[K", end="\r", file=sys.stderr, flush=True)

    return show


def cmd_status(args: argparse.Namespace) -> int:
    from kiosk.base.errors import KioskError
    from kiosk.config.settings import load_config
    from kiosk.store.engine import open_local_store
    from kiosk.sync.state import read_status

    cfg = load_config(getattr(args, "config", None))
    if not cfg.local_store_path.exists():
        raise KioskError(
            f"no local store at {cfg.local_store_path}: start the kiosk or run "
            "`kiosk admin init` first"
        )
    local = open_local_store(cfg.local_store_path, migrate=False)
    try:
        status = read_status(local)
    finally:
        local.dispose()
    if getattr(args, "json", False):
        print_json({"kiosk": cfg.kiosk_id, **status.as_json()})
        return 0
    tz = cfg.tz

    def when(value: Any) -> str:
        return value.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S") if value else "never"

    print(f"kiosk:         {cfg.kiosk_id} ({cfg.role})")
    print(f"cursor:        {status.cursor}")
    print(f"first sync:    {'done' if status.first_sync_done else 'not yet'}")
    print(f"outbox:        {status.outbox_depth} waiting, {len(status.rejected)} rejected")
    print(f"last success:  {when(status.last_success_at)}")
    error = f"{when(status.last_error_at)}  {status.last_error}" if status.last_error else "none"
    print(f"last error:    {error}")
    for row in status.rejected:
        print(f"  rejected {row.entity} {row.record_id}: {row.reason}")
    return 0
