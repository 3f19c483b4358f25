"""``kiosk upgrade-store``: this kiosk's own store brought to the newest schema.

``kiosk run`` starts it as a child process when its store is behind (after an install or an
update): Alembic's memory then leaves with the child (``kiosk/store/upgrade_apart.py``).
"""

from __future__ import annotations

import argparse
from typing import Any


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "upgrade-store",
        help="bring this kiosk's own store to the newest schema (kiosk run does it itself "
        "after an update; by hand, stop the kiosk first)",
    )
    p.add_argument("--config", metavar="FILE")
    p.set_defaults(func=cmd_upgrade_store)


def cmd_upgrade_store(args: argparse.Namespace) -> int:
    from kiosk.config.settings import load_config
    from kiosk.store.engine import open_local_store

    cfg = load_config(args.config)
    open_local_store(cfg.local_store_path).dispose()
    print(f"local store: {cfg.local_store_path} (up to date)")
    return 0
