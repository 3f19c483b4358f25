"""Which running kiosk a heartbeat comes from: this process, on this machine.

The central side tells two kiosks that share one kiosk id apart by these (kiosk/sync/fleet.py):

- ``instance``: random, new at every process start; a restart is a new instance.
- ``machine``: stable per machine and meaningless elsewhere. Derived, as systemd recommends for
  applications, from ``/etc/machine-id`` through a keyed hash (HMAC-SHA256 with this
  application's own label), so the machine id itself never leaves the machine and the value
  cannot be linked to other software's. No host name, user name or address is sent.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import socket
from dataclasses import dataclass
from functools import cache
from pathlib import Path

#: The label that makes our machine value ours alone (changing it renames every machine).
APP_LABEL = b"lab-kiosk heartbeat machine"
MACHINE_ID_FILES = (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id"))


@dataclass(frozen=True)
class InstanceId:
    instance: str  # 16 hex digits, random per process start
    machine: str  # 16 hex digits, stable per machine

    def as_json(self) -> dict[str, str]:
        return {"instance": self.instance, "machine": self.machine}


def machine_value(files: tuple[Path, ...] = MACHINE_ID_FILES) -> str:
    """This machine's value: from its machine id, else from its host name (both hashed)."""
    secret = b""
    for path in files:
        try:
            secret = path.read_bytes().strip()
        except OSError:
            continue
        if secret:
            break
    if not secret:  # a container without a machine id: the host name is the best we have
        secret = socket.gethostname().encode("utf-8", "replace")
    return hmac.new(secret, APP_LABEL, hashlib.sha256).hexdigest()[:16]


@cache
def this_process() -> InstanceId:
    """This process's identity: one instance id for its whole life."""
    return InstanceId(secrets.token_hex(8), machine_value())
