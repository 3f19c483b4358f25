"""Ed25519 keys that sign invitation tokens: the private half stays on the admin machine.

The private key is a PEM file (mode 0600) in ``data_dir/signing-keys`` where admins run the CLI;
the central store and every kiosk only ever see the public key (table ``signing_keys``,
replicated to all kiosks). The newest key that is not retired is the *current* one and signs new
invitations; older keys keep verifying the invitations they signed until an admin retires them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)
from sqlalchemy import select
from sqlalchemy.engine import Connection

from kiosk.base.errors import ConfigError, Conflict, KioskError, NotFound
from kiosk.security.tokens import key_id_for, public_key_bytes
from kiosk.store.models import SigningKey, table_of
from kiosk.sync import central

keys_t = table_of(SigningKey)
KEY_DIR_NAME = "signing-keys"


@dataclass(frozen=True)
class KeyInfo:
    key_id: str
    public_key: str
    created_at: datetime
    retired_at: datetime | None
    current: bool


def key_dir(data_dir: Path) -> Path:
    return data_dir / KEY_DIR_NAME


def private_key_path(data_dir: Path, key_id: str) -> Path:
    return key_dir(data_dir) / f"{key_id}.pem"


def list_keys(conn: Connection) -> list[KeyInfo]:
    """All keys, oldest first; the newest key that is not retired is marked current."""
    rows = conn.execute(select(keys_t).order_by(keys_t.c.created_at, keys_t.c.key_id)).all()
    active = [r.key_id for r in rows if r.retired_at is None]
    current = active[-1] if active else None
    return [
        KeyInfo(r.key_id, r.public_key, r.created_at, r.retired_at, r.key_id == current)
        for r in rows
    ]


def verification_keys(conn: Connection) -> dict[str, bytes]:
    """Key id -> raw public key for every key that is not retired: what ``verify`` needs."""
    rows = conn.execute(
        select(keys_t.c.key_id, keys_t.c.public_key).where(keys_t.c.retired_at.is_(None))
    )
    return {r.key_id: bytes.fromhex(r.public_key) for r in rows}


def _write_private_key(path: Path, key: Ed25519PrivateKey) -> None:
    """Create the key file readable by its owner only; never overwrite an existing one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)


def new_key(conn: Connection, data_dir: Path, now: datetime) -> str:
    """Make a key pair: the private key file on this machine, the public key in the store.

    Runs inside the caller's transaction. If the store write fails the file is removed, and if
    the caller's commit fails later it must call :func:`discard_private_key`.
    """
    key = Ed25519PrivateKey.generate()
    public = public_key_bytes(key)
    key_id = key_id_for(public)
    if conn.execute(select(keys_t.c.key_id).where(keys_t.c.key_id == key_id)).first():
        raise Conflict(f"key id {key_id} is taken (a one in four billion chance); try again")
    path = private_key_path(data_dir, key_id)
    _write_private_key(path, key)
    try:
        central.write(
            conn,
            "signing_keys",
            {"key_id": key_id, "public_key": public.hex(), "created_at": now, "retired_at": None},
            now,
        )
    except BaseException:
        discard_private_key(data_dir, key_id)
        raise
    return key_id


def discard_private_key(data_dir: Path, key_id: str) -> None:
    private_key_path(data_dir, key_id).unlink(missing_ok=True)


def retire_key(conn: Connection, key_id: str, now: datetime) -> None:
    """Stop accepting tokens signed with ``key_id`` (kiosks learn it at their next sync)."""
    row = conn.execute(select(keys_t).where(keys_t.c.key_id == key_id.lower())).first()
    if row is None:
        raise NotFound(f"no signing key {key_id!r}")
    if row.retired_at is not None:
        raise Conflict(f"signing key {row.key_id} is already retired")
    central.write(conn, "signing_keys", {**row._asdict(), "retired_at": now}, now)


def current_signing_key(conn: Connection, data_dir: Path) -> tuple[str, Ed25519PrivateKey]:
    """The current key's id and private key, or a message that tells the admin what to do."""
    current = [k for k in list_keys(conn) if k.current]
    if not current:
        raise KioskError("there is no signing key yet; run `kiosk admin keys create`")
    key_id = current[0].key_id
    path = private_key_path(data_dir, key_id)
    try:
        pem = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            f"the current signing key {key_id} is not on this machine ({path}); copy it here "
            "(mode 0600) from the admin machine that made it, or run `kiosk admin keys rotate`"
        ) from None
    try:
        key = load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        raise ConfigError(f"{path}: not a readable private key") from None
    if not isinstance(key, Ed25519PrivateKey) or key_id_for(public_key_bytes(key)) != key_id:
        raise ConfigError(f"{path}: does not hold signing key {key_id}")
    return key_id, key
