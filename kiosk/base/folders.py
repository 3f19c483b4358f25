"""The kiosk's own folders (``data_dir``, a SQLite store's folder), made with a message that
says how to fix a refusal: an installer who runs ``sudo -u kiosk kiosk sync`` before the folder
exists, or made it as root, gets the one command that gives it to the kiosk user."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.base.errors import UsageError


def current_user() -> str:
    """This process's user name (its uid when the system has no name for it)."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


def folder_fix(path: Path) -> str:
    """The command that makes ``path`` (made if missing) this user's."""
    return f"sudo install -d -o {current_user()} -m 0700 {path}"


def not_writable(path: Path, what: str) -> str:
    """Why ``path`` (``what``: the config key, or what the folder is for) cannot be used, and
    the command that makes it this user's."""
    return (
        f"{what} {path}: this user ({current_user()}) may not create or write it; "
        f"make it theirs: {folder_fix(path)}"
    )


def make_folder(path: Path, what: str = "data_dir") -> None:
    """``path`` and its parents, or a :class:`UsageError` (exit 2) with the fix."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise UsageError(not_writable(path, what)) from None
    except OSError as exc:
        raise UsageError(f"{what} {path}: cannot be created ({exc.strerror})") from None
