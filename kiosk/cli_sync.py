"""``kiosk sync``: one push/pull cycle from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.admin_context import print_json, safe_url


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("sync", help="push this kiosk's outbox and pull changes")
    p.add_argument("--config", metavar="FILE")
    p.add_argument("--once", action="store_true", help="one cycle, then exit (the default)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync)


def cmd_sync(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.clock import SystemClock
    from kiosk.config import load_config
    from kiosk.errors import KioskError
    from kiosk.store import open_local_store
    from kiosk.sync import SyncEngine, describe_error

    cfg = load_config(args.config)
    local = open_local_store(cfg.local_store_path)
    engine = SyncEngine(
        local,
        cfg.central_url,
        kiosk_id=cfg.kiosk_id,
        role=cfg.role,
        room_id=cfg.room,
        clock=SystemClock(),
    )
    try:
        report = engine.cycle()
    except SQLAlchemyError as exc:
        raise KioskError(
            f"sync with {safe_url(cfg.central_url)} failed: "
            f"{describe_error(exc)}; nothing was lost, the outbox is kept"
        ) from None
    finally:
        engine.close()
        local.dispose()
    if args.json:
        print_json(report.__dict__)
    else:
        print(
            f"pushed {report.pushed}, rejected {report.rejected}, pulled {report.pulled}; "
            f"cursor {report.cursor}, outbox {report.outbox_depth}"
        )
    return 0
