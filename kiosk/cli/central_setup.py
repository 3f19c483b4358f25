"""Preparing the central store: ``kiosk admin init --central``.

The migrations do the work (one history for SQLite and PostgreSQL); this module runs them
against the central store only, checks that PostgreSQL got what the migrations add there, and
turns the usual failures (unreachable server, a role that may not create extensions) into one
clear message. It is idempotent: run it again after every upgrade.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from kiosk.base.errors import UsageError
from kiosk.cli.context import safe_url
from kiosk.store.engine import open_store

# What revisions 0002 and 0006 add on PostgreSQL, checked after the upgrade.
_PG_CHECKS = {
    "btree_gist extension": "select 1 from pg_extension where extname = 'btree_gist'",
    "no-overlap constraint on bookings": (
        "select 1 from pg_constraint where conname = 'xcl_bookings_room_overlap'"
    ),
    "commit-safe change feed (txid watermark)": (
        "select 1 from information_schema.columns "
        "where table_name = 'changes' and column_name = 'txid' "
        "and column_default like '%pg_current_xact_id%'"
    ),
    "NOTIFY on feed writes": "select 1 from pg_trigger where tgname = 'changes_notify'",
    "row-level security for kiosk roles": "select 1 from pg_tables where tablename = 'kiosk_roles'",
    "door roles confined to their room (0006)": (
        "select 1 from pg_proc where proname = 'kiosk_self_room'"
    ),
}


def _first_line(exc: BaseException) -> str:
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def init_central(url: str) -> list[str]:
    """Create or upgrade the central store at ``url``; returns what is in place, line by line."""
    try:
        store = open_store(url)
    except SQLAlchemyError as exc:
        message = _first_line(exc)
        hint = ""
        if "permission denied" in message or "must be owner" in message:
            hint = (
                "; run `kiosk admin init --central` as the database owner, or have a superuser "
                "run `CREATE EXTENSION btree_gist` in that database first"
            )
        raise UsageError(f"central store {safe_url(url)}: {message}{hint}") from None
    try:
        lines = [f"central store: {safe_url(url)} (up to date)"]
        if store.dialect == "postgresql":
            with store.engine.connect() as conn:
                for label, query in _PG_CHECKS.items():
                    ok = conn.execute(text(query)).first() is not None
                    lines.append(f"  {label}: {'ok' if ok else 'MISSING'}")
                    if not ok:
                        raise UsageError(
                            f"central store {safe_url(url)}: {label} is missing after the "
                            "upgrade; check the migration log (kiosk -v admin init --central)"
                        )
        return lines
    finally:
        store.dispose()
