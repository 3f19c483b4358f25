"""The central sync service's URL: https across a network, plain http on the loopback only."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from kiosk.base.errors import ConfigError

_LOOPBACK_NAMES = frozenset({"localhost"})


def is_service_url(url: str) -> bool:
    return url.split(":", 1)[0].lower() in ("http", "https")


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_service_url(url: str, label: str = "<config>") -> None:
    """Refuse a service URL that would send the device token in clear across a network."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise ConfigError(f"{label}: central.url: no host in {url[:80]!r}")
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise ConfigError(f"{label}: central.url: the port is not a number") from None
    if parts.scheme.lower() == "http" and not _is_loopback(parts.hostname):
        raise ConfigError(
            f"{label}: central.url: use https:// for a service on another machine "
            "(plain http only on the loopback, e.g. behind a local TLS proxy)"
        )


def refuse_database_credentials(url: str) -> None:
    """``kiosk run`` and ``kiosk sync``: a networked kiosk holds a device token, never a
    database login (the admin CLI on the Lab's own machine still may)."""
    scheme = url.split(":", 1)[0].lower()
    if scheme.startswith(("postgres", "postgresql")):
        raise ConfigError(
            "central.url: a kiosk does not connect to PostgreSQL itself; run the central sync "
            "service (`kiosk central serve`), enrol this kiosk (`kiosk admin enroll KIOSK_ID "
            '--role lobby|door --out FILE`) and set central.url = "https://HOST:PORT" and '
            "central.credential_file = FILE (docs/sync.md, upgrading)"
        )
