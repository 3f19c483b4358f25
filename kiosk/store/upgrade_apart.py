"""A kiosk's own store upgraded in a child process, so that Alembic's memory leaves with it.

A kiosk's store is behind the newest schema once per install or update, at the first start.
Upgrading inside ``kiosk run`` would load Alembic, Mako and every SQL dialect Alembic knows,
about 23 MiB that a door would then keep until its next restart, weeks later: a fifth of its
memory. ``kiosk upgrade-store`` in a child process does the work and exits. Should the child
fail, the caller opens the store as before and upgrades in-process, so a real error reaches the
log and the screen the way it always did.
"""

from __future__ import annotations

import logging
import sqlite3
import subprocess
import sys
from pathlib import Path

from kiosk.store.schema_head import SCHEMA_HEAD, open_read_only, schema_version

log = logging.getLogger(__name__)


def self_command() -> list[str]:
    """This program's core commands, as a child process starts them: a PyInstaller bundle's
    own executable, or this interpreter running ``python -m kiosk``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "kiosk"]


def at_head(store: Path) -> bool:
    """Whether the store file is at the newest schema (read-only; no file means no)."""
    if not store.exists():
        return False
    try:
        conn = open_read_only(store, timeout=5)
        try:
            return schema_version(conn) == SCHEMA_HEAD
        finally:
            conn.close()
    except sqlite3.Error:  # unreadable, or not a store: Alembic decides
        return False


def upgrade_apart(config: Path | None, store: Path) -> bool:
    """Bring ``store`` to the newest schema in a child ``kiosk upgrade-store --config config``
    unless it is there already; True when it is at the newest schema afterwards."""
    if at_head(store):
        return True
    if config is None:  # a configuration built in code (tests): nothing for a child to read
        return False
    command = [*self_command(), "upgrade-store", "--config", str(config)]
    log.info("upgrading the local store to schema %s in a child process", SCHEMA_HEAD)
    done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, check=False)
    if done.returncode != 0:
        log.warning("the store upgrade process ended with %s; upgrading here", done.returncode)
    return at_head(store)
