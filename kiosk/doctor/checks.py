"""Every check of ``kiosk doctor``, in the order a kiosk needs them.

Each check gives a ``Verdict`` and never raises: a check that cannot run says why. Checks that
need the config are skipped (with one verdict saying so) when it does not load.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from kiosk.base.errors import KioskError
from kiosk.base.folders import current_user, folder_fix
from kiosk.config.settings import Config, ReaderConfig, load_config
from kiosk.doctor.central import (
    clock_verdicts,
    room_verdict,
    service_verdicts,
    store_verdict,
)
from kiosk.doctor.platform import Machine, platform_verdicts
from kiosk.doctor.verdict import Verdict, blocking, ok, warning
from kiosk.rooms.door_room import check_room
from kiosk.security.badges import load_site_key
from kiosk.store.schema_head import SCHEMA_HEAD, open_read_only, schema_version

#: Free space in ``data_dir`` below which the kiosk cannot be trusted to commit (blocking), or
#: should be looked at soon (warning).
DISK_BLOCKING_BYTES = 50 * 1024 * 1024
DISK_WARNING_BYTES = 500 * 1024 * 1024


def run_checks(
    config_path: str | None,
    *,
    machine: Machine | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> list[Verdict]:
    out: list[Verdict] = []
    config = _config(config_path, out)
    out += platform_verdicts(machine)
    server_time = None
    if config is not None:
        out.append(_data_dir(config.data_dir))
        out.append(_site_key(config))
        out.append(_local_store(config.local_store_path))
        if config.uses_service:
            central, answer = service_verdicts(config, _synced_before(config.local_store_path))
            out.append(central)
            server_time = answer.server_time if answer is not None else None
        else:
            out.append(store_verdict(config))
        if config.role == "door":
            out.append(room_verdict(config))
        out += [_reader(r) for r in config.readers]
        out.append(_disk(config.data_dir))
    out += clock_verdicts(now(), server_time)
    return out


def _config(path: str | None, out: list[Verdict]) -> Config | None:
    try:
        config = load_config(path)
    except KioskError as exc:
        fix = "correct it, or pass --config FILE (docs/configuration.md)"
        out.append(blocking("config", str(exc), fix))
        return None
    where = config.path or "defaults"
    room = f", room {config.room}" if config.room else ""
    out.append(ok("config", f"{where}: {config.role} {config.kiosk_id}{room}"))
    return config


def _data_dir(data_dir: Path) -> Verdict:
    """This user may write ``data_dir`` and what the kiosk keeps there, or create it. Judged
    with ``os.access``, writing nothing: a folder or a store left owned by root (a first
    ``sudo kiosk sync``) would stop the kiosk at its first write."""
    check = "data-dir"
    user = current_user()
    fix = f"make it this user's: {folder_fix(data_dir)}"
    probe = data_dir
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        return blocking(check, f"{data_dir} cannot be made: {probe} is no folder", "set data_dir")
    if not os.access(probe, os.W_OK | os.X_OK):
        made = "may not write" if probe == data_dir else f"may not create it in {probe}"
        return blocking(check, f"{data_dir}: this user ({user}) {made}", fix)
    if probe != data_dir:
        return ok(check, f"{data_dir} is made when the kiosk starts (this user may)")
    owned = [
        p.name
        for p in (data_dir / name for name in _KEPT)
        if p.exists() and not os.access(p, os.R_OK | os.W_OK)
    ]
    if owned:
        return blocking(
            check,
            f"{data_dir}: this user ({user}) may not write {', '.join(owned)} (another user's)",
            f"give them back: sudo chown -R {user} {data_dir}",
        )
    return ok(check, f"{data_dir} is writable by this user ({user})")


#: What the kiosk writes in ``data_dir``: its store (with SQLite's two files), lock and logs.
_KEPT = ("kiosk.db", "kiosk.db-wal", "kiosk.db-shm", "kiosk.lock", "logs")


def _site_key(config: Config) -> Verdict:
    try:
        load_site_key(config.site_key_file)
    except KioskError as exc:
        return blocking("site-key", str(exc), "copy the site's key here (mode 0600)")
    mode = config.site_key_file.stat().st_mode & 0o777
    if mode & 0o077:
        return warning(
            "site-key",
            f"{config.site_key_file} is readable by others (mode {mode:o})",
            f"chmod 600 {config.site_key_file}",
        )
    return ok("site-key", f"{config.site_key_file} is a site key")


def _local_store(path: Path) -> Verdict:
    check = "local-store"
    if not path.is_file():
        return warning(
            check, f"no local store at {path} yet", "none: the kiosk creates it when it starts"
        )
    try:
        conn = open_read_only(path, timeout=1.0)
        try:
            version = schema_version(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return blocking(
            check, f"{path} cannot be read as a store ({exc})", f"move {path} aside; it is rebuilt"
        )
    if version == SCHEMA_HEAD:
        return ok(check, f"{path} is at schema {SCHEMA_HEAD}")
    if version.isdigit() and int(version) < int(SCHEMA_HEAD):
        return warning(
            check,
            f"{path} is at schema {version}, this kiosk's is {SCHEMA_HEAD}",
            "none: the kiosk migrates it when it starts",
        )
    return blocking(
        check,
        f"{path} is at schema {version or 'unknown'}, newer than this kiosk ({SCHEMA_HEAD})",
        "install the kiosk version that wrote it, or move the store aside (it is rebuilt)",
    )


def _synced_before(path: Path) -> bool:
    found = check_room(path, "")  # any room: only whether a first sync was completed
    return found is not None and found.synced


def _reader(reader: ReaderConfig) -> Verdict:
    """The port is there and this user may open it. Judged without opening it: the running
    kiosk may hold it, and opening and closing a serial line toggles DTR, which resets some
    readers (doctor changes nothing)."""
    check = f"reader {reader.name}"
    port = reader.port
    if not os.path.exists(port):
        return blocking(
            check,
            f"{port} is not there",
            "plug the reader in, or correct its port (kiosk devices list shows the ports)",
        )
    if not os.access(port, os.R_OK | os.W_OK):
        return blocking(
            check,
            f"{port} cannot be opened by this user",
            "add the kiosk's user to the dialout group: sudo usermod -aG dialout USER",
        )
    return ok(check, f"{port} ({reader.protocol}) is there and this user may open it")


def _disk(data_dir: Path) -> Verdict:
    check = "disk"
    probe = data_dir
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    text = f"{free / 1024**2:,.0f} MiB free for {data_dir}"
    fix = f"free space on the file system of {probe}"
    if free < DISK_BLOCKING_BYTES:
        return blocking(check, text, fix)
    if free < DISK_WARNING_BYTES:
        return warning(check, text, fix)
    return ok(check, text)
