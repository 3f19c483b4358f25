"""The central store's credentials and TLS settings, kept out of the main config file.

The password comes from ``[central] password_file`` (a file only the kiosk user may read: the
mode is checked, like ssh and libpq check theirs) or the ``KIOSK_CENTRAL_PASSWORD`` environment
variable, and is put into the URL the stores use. The URL then holds a secret: show it only
through ``safe_url``.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path

from kiosk.base.errors import ConfigError

PASSWORD_ENV = "KIOSK_CENTRAL_PASSWORD"
SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


def read_password_file(path: Path, what: str) -> str:
    """The first line of ``path``; refused when group or others may read or write the file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ConfigError(f"{what}: {path} does not exist") from None
    except OSError as exc:
        raise ConfigError(f"{what}: cannot read {path}: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(f"{what}: {path} is not a regular file")
    if info.st_mode & 0o077:
        raise ConfigError(
            f"{what}: {path} may be read by other users (mode {stat.S_IMODE(info.st_mode):04o}); "
            f"run: chmod 600 {path}"
        )
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        raise ConfigError(f"{what}: cannot read {path} as UTF-8 text") from None
    password = lines[0].strip() if lines else ""
    if not password:
        raise ConfigError(f"{what}: {path} is empty")
    return password


# What libpq, psql, Heroku and most documentation write; SQLAlchemy knows neither the
# ``postgres`` name nor our driver unless told (its default PostgreSQL driver is psycopg2).
_POSTGRES_SCHEMES = ("postgres://", "postgresql://")
DRIVER_SCHEME = "postgresql+psycopg://"


def normalise_database_url(url: str) -> str:
    """``postgres://`` and ``postgresql://`` (no driver) as ``postgresql+psycopg://``, the
    driver the kiosk ships; every other URL unchanged."""
    for scheme in _POSTGRES_SCHEMES:
        if url[: len(scheme)].lower() == scheme:
            return DRIVER_SCHEME + url[len(scheme) :]
    return url


_SQLITE_FILE = re.compile(r"(?i)(sqlite(?:\+\w+)?:///)([^?]*)(.*)", re.DOTALL)


def anchor_sqlite_url(url: str, base: Path) -> str:
    """A SQLite URL with a relative file path made absolute against ``base`` (the config file's
    folder), as every other path in a config file is: SQLite itself would open it against the
    working directory, which for a unit started by systemd is ``/``. Absolute paths, the
    in-memory ``sqlite://`` and ``:memory:``, ``file:`` URIs and other URLs stay as they are."""
    match = _SQLITE_FILE.fullmatch(url)
    if match is None:
        return url
    prefix, path, query = match.groups()
    if not path or path == ":memory:" or path.startswith("file:") or Path(path).is_absolute():
        return url
    return f"{prefix}{os.path.abspath(base / path)}{query}"


def resolve_central_url(
    url: str,
    *,
    password_file: Path | None,
    sslmode: str | None,
    sslrootcert: Path | None,
    environ: Mapping[str, str] = os.environ,
    label: str = "<config>",
) -> str:
    """``url`` with the password and TLS settings applied (PostgreSQL only)."""
    url = normalise_database_url(url)
    password = environ.get(PASSWORD_ENV) or None
    if password_file is None and password is None and sslmode is None and sslrootcert is None:
        return url
    # Imported here: the kiosk reads its config before its first frame, SQLAlchemy after.
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(f"{label}: central.url: not a database URL") from None
    if parsed.get_backend_name() != "postgresql":
        if password_file is not None or sslmode is not None or sslrootcert is not None:
            raise ConfigError(
                f"{label}: central.password_file, sslmode and sslrootcert apply to a "
                "PostgreSQL central.url only"
            )
        return url
    if password_file is not None:
        password = read_password_file(password_file, f"{label}: central.password_file")
    if password is not None:
        parsed = parsed.set(password=password)
    query = dict(parsed.query)
    if sslmode is not None:
        query["sslmode"] = sslmode
    if sslrootcert is not None:
        query["sslrootcert"] = str(sslrootcert)
    parsed = parsed.set(query=query)
    return parsed.render_as_string(hide_password=False)
