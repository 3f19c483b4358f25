"""Errors that carry a message meant for a person (CLI user, installer, host)."""


class KioskError(Exception):
    """An expected failure with a message fit to show as is. ``exit_code`` is used by the CLI."""

    exit_code = 1


class UsageError(KioskError):
    """Bad input on the command line or in the config file."""

    exit_code = 2


class ConfigError(UsageError):
    pass


class NotFound(KioskError):
    exit_code = 3


class Conflict(KioskError):
    exit_code = 4


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (or what it wraps: SQLAlchemy's ``orig``, a cause) is a full disk:
    SQLite's SQLITE_FULL ("database or disk is full") or ENOSPC."""
    import errno
    import sqlite3

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno == errno.ENOSPC:
            return True
        if isinstance(current, sqlite3.Error) and (
            getattr(current, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
            or "database or disk is full" in str(current)
        ):
            return True
        orig = getattr(current, "orig", None)
        if isinstance(orig, BaseException):
            current = orig
        else:
            current = current.__cause__ or current.__context__
    return False
