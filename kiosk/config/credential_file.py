"""A kiosk's device-token file: the token alone, readable by the kiosk user only."""

from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.base.errors import ConfigError, UsageError
from kiosk.base.folders import current_user

if TYPE_CHECKING:
    import ssl

    from kiosk.config.settings import Config

log = logging.getLogger(__name__)

#: ``lkd1.`` and 43 URL-safe base64 characters: 256 random bits (kiosk.central.credentials).
TOKEN_FORMAT = re.compile(r"^lkd1\.[A-Za-z0-9_-]{43}$")


def write_token_file(path: Path, token: str) -> None:
    """Write ``token`` to ``path`` with mode 0600 (also when the file existed)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as exc:
        raise UsageError(f"--out {path}: {exc.strerror}") from None
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(token + "\n")


#: What to do about a missing or wrong token file, for a kiosk and for a staff console.
KIOSK_HINT = "enrol this kiosk: `kiosk admin enroll KIOSK_ID --role lobby|door --out FILE`"
STAFF_HINT = (
    "ask IT to enrol you: `kiosk admin enroll NAME --role staff --person PERSON --out FILE`"
)


def enrol_command(kiosk_id: str, role: str, room: str | None) -> str:
    """The admin command that gives this kiosk a (new) device token."""
    where = f" --room {room}" if room else ""
    return f"kiosk admin enroll {kiosk_id} --role {role}{where} --out {kiosk_id}.token"


def read_token_file(
    path: Path, label: str = "central.credential_file", hint: str = KIOSK_HINT
) -> str:
    """The token in ``path``, with a clear error for each way the file can be wrong.

    ``label`` names where the path came from (a config key or a flag) and ``hint`` what to do
    when there is no token, so that each caller's message fits what its user typed."""
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        raise ConfigError(f"{label} {path}: not found; {hint}") from None
    except PermissionError:
        raise ConfigError(
            f"{label} {path}: this user ({current_user()}) may not read it; make it the kiosk "
            f"user's: sudo chown {current_user()} {path} && sudo chmod 600 {path}"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not a token"
        raise ConfigError(f"{label} {path}: cannot be read ({reason})") from None
    if mode & 0o077:
        raise ConfigError(
            f"{label} {path}: readable by others (mode {mode & 0o777:o}); "
            f"make it 0600: chmod 600 {path}"
        )
    if not TOKEN_FORMAT.match(text):
        raise ConfigError(f"{label} {path}: not a device token; {hint}")
    return text


class DeviceToken:
    """A running kiosk's device token, read again from its file when the service refuses it.

    IT re-enrols a kiosk into the same file (``kiosk admin enroll ... --out FILE``): the kiosk
    then follows without a restart. The sync worker's and the waiter's threads share one
    instance, so the lock lets only one of them read the file at a time. Nothing here ever logs
    the token itself."""

    def __init__(self, token: str, path: Path | None = None) -> None:
        self._token = token
        self._path = path
        self._lock = threading.Lock()
        self._problem: str | None = None  # the file's last problem, said once

    @property
    def value(self) -> str:
        return self._token

    def renewed(self, refused: str) -> bool:
        """Whether a token other than ``refused`` is in use now: read from the file now, or
        already by another thread. An unchanged, unreadable or malformed file keeps the token
        in use (a malformed one is said once in the log)."""
        with self._lock:
            if self._token != refused:
                return True
            if self._path is None:
                return False
            try:
                text = read_token_file(self._path)
            except ConfigError as exc:  # its message names the file and the fix, no content
                if self._problem != str(exc):
                    self._problem = str(exc)
                    log.error("sync keeps its refused device token: %s", exc)
                return False
            self._problem = None
            if text == self._token:
                return False
            self._token = text
        log.info("central.credential_file %s: a new device token; sync uses it now", self._path)
        return True


def service_credentials(config: Config) -> tuple[str, bool | ssl.SSLContext]:
    """The device token and the TLS trust of a kiosk that syncs through the service, checked
    before anything starts: each problem is one line naming the file and what to do."""
    command = enrol_command(config.kiosk_id, config.role, config.room)
    hint = (
        f"enrol this kiosk on the admin machine ({command}) and install it there, "
        "mode 0600, owned by the kiosk user"
    )
    if config.credential_file is None:
        raise ConfigError(f"central.credential_file: needed with an https:// central.url; {hint}")
    token = read_token_file(config.credential_file, hint=hint)
    return token, load_ca_file(config.ca_file) if config.ca_file is not None else True


def load_ca_file(path: Path) -> ssl.SSLContext:
    """The TLS context that trusts the CA in ``path`` (``central.ca_file``), or a clear error."""
    import ssl

    fix = (
        "copy there the PEM certificate of the CA that signed the service's certificate, "
        "or remove central.ca_file to trust the system's CAs"
    )
    try:
        return ssl.create_default_context(cafile=str(path))
    except FileNotFoundError:
        raise ConfigError(f"central.ca_file {path}: not found; {fix}") from None
    except PermissionError:
        raise ConfigError(
            f"central.ca_file {path}: this user ({current_user()}) may not read it; "
            f"sudo chmod 644 {path}"
        ) from None
    except (OSError, ssl.SSLError, ValueError):
        raise ConfigError(f"central.ca_file {path}: not a PEM CA certificate; {fix}") from None
