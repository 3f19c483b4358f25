"""Badge UIDs are never stored: only HMAC-SHA256 under a per-site key.

Every kiosk and admin machine of a site holds the same key file (created by
``kiosk admin init``); a leaked database alone does not reveal which card opens what.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

from kiosk.base.errors import ConfigError, UsageError

KEY_BYTES = 32
_HEX = re.compile(r"^[0-9A-F]+$")


def canonical_uid(uid: str) -> str:
    """Upper-case hex without separators, as readers report it; raises UsageError otherwise."""
    text = re.sub(r"[\s:\-]", "", uid).upper()
    if not text or not _HEX.match(text) or len(text) % 2 or len(text) > 40:
        raise UsageError(f"not a badge UID (expected hex digits like 0A1B2C3D4E): {uid!r}")
    return text


def badge_hmac(site_key: bytes, uid: str) -> str:
    return hmac.new(site_key, canonical_uid(uid).encode("ascii"), hashlib.sha256).hexdigest()


def create_site_key(path: Path) -> bool:
    """Create the key file (mode 0600) unless it exists; True when it was created."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_hex(KEY_BYTES) + "\n")
    return True


def load_site_key(path: Path) -> bytes:
    try:
        text = path.read_text().strip()
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: site key not found; run `kiosk admin init` on the admin machine "
            "and copy its site key here (mode 0600)"
        ) from None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        raise ConfigError(f"{path}: site key is not hex text") from None
    if len(key) < 16:
        raise ConfigError(f"{path}: site key is too short")
    return key
