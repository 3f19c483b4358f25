"""``kiosk central serve``: the central sync service in front of the central store."""

from __future__ import annotations

import argparse
from typing import Any


def add_parsers(sub: Any) -> None:
    central = sub.add_parser("central", help="the central sync service (on the Lab's server)")
    actions = central.add_subparsers(dest="central_command", metavar="ACTION", required=True)
    p = actions.add_parser(
        "serve",
        help="serve kiosks: push, pull and heartbeats with device tokens",
        epilog="example: kiosk central serve --store postgresql+psycopg://kiosk@/kiosk "
        "--listen 0.0.0.0:8443 --config central.toml",
    )
    p.add_argument("--store", metavar="URL", help="SQLAlchemy URL of the central store")
    p.add_argument("--listen", metavar="HOST:PORT", help="address to listen on (127.0.0.1:8443)")
    p.add_argument(
        "--config",
        metavar="FILE",
        help="the service's own TOML file (not a kiosk.toml; e.g. /etc/lab-kiosk/central.toml): "
        "a [service] table with store, listen, tls_cert, tls_key, pool_size, max_body, "
        "statement_timeout_ms, idle_in_transaction_timeout_ms, tcp_user_timeout_ms, workers, "
        "data_dir, timezone, language (relative paths: beside the file); optional [notify] and "
        "[invitations] tables as in kiosk.toml (docs/deploy.md, docs/console.md). "
        "--store, --listen and --workers override it",
    )
    p.add_argument("--workers", type=int, metavar="N", help="service processes on one port")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    from kiosk.central.server import load_settings, serve

    serve(load_settings(args.config, args.store, args.listen, args.workers))
    return 0
