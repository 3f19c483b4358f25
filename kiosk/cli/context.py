"""What every admin command needs: the config, the central store, the clock, clear errors."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError

from kiosk.base.clock import Clock, SystemClock
from kiosk.base.errors import KioskError, UsageError
from kiosk.config.settings import Config, load_config
from kiosk.store.engine import Store, open_store


def store_url(config: Config) -> str:
    """The central store's database URL, refusing a kiosk's sync-service address.

    An enrolled kiosk's ``central.url`` is the service's https:// address; SQLAlchemy would
    answer "Can't load plugin: sqlalchemy.dialects:https", which tells nobody what to do."""
    if config.uses_service:
        raise UsageError(
            f"central.url {safe_url(config.central_url)} is the central sync service; admin "
            "commands need the central store's database URL (postgresql+psycopg://… or "
            "sqlite:///…): run them on the Lab's admin machine with its admin.toml"
        )
    return config.central_url


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable URL>"


@dataclass
class AdminContext:
    config: Config
    clock: Clock

    @contextmanager
    def central(self, *, write: bool = True) -> Iterator[Connection]:
        """A connection to the central store in one transaction, with errors made readable."""
        store = self.open_central()
        try:
            with store.engine.begin() if write else store.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise KioskError(
                f"central store {safe_url(self.config.central_url)}: {_first_line(exc)}"
            ) from None
        finally:
            store.dispose()

    def open_central(self) -> Store:
        from kiosk.store.migrate import current_revision, head_revision

        store = open_store(store_url(self.config), migrate=False)
        try:
            revision = current_revision(store.engine)
        except SQLAlchemyError as exc:
            store.dispose()
            raise KioskError(
                f"cannot reach the central store {safe_url(self.config.central_url)}"
                f": {_first_line(exc)}"
            ) from None
        if revision != head_revision():
            store.dispose()
            raise KioskError(
                f"the central store {safe_url(self.config.central_url)} is not initialised or "
                "is out of date; run `kiosk admin init`"
            )
        return store


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def context_from_args(args: argparse.Namespace) -> AdminContext:
    return AdminContext(load_config(getattr(args, "config", None)), SystemClock())


def print_json(data: Any) -> None:
    import json
    import sys

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
