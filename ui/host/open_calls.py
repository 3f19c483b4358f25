"""Feeds the host panel's list of visitors' open "call a host" requests and takes a call as the
signed-in host (any kiosk: a door's panel too, so nothing of the lobby is imported here)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from PySide6.QtCore import QObject

from kiosk.lab.host_calls import CallState, HostCallService
from ui.host.calls_page import OpenCallsPanel
from ui.runtime.db_worker import DbWorker

log = logging.getLogger(__name__)


class OpenCallsController(QObject):
    """Feeds an :class:`OpenCallsPanel` in a host panel and takes calls as the signed-in host."""

    def __init__(
        self,
        panel: OpenCallsPanel,
        db: DbWorker,
        calls: HostCallService,
        on_local_write: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._panel = panel
        self._db = db
        self._calls = calls
        self._on_local_write = on_local_write
        self.host_id: uuid.UUID | None = None  # set by the host panel after badge + PIN
        panel.take_requested.connect(self.take)

    @property
    def panel(self) -> OpenCallsPanel:
        return self._panel

    def refresh(self) -> None:
        self._db.submit(self._calls.open_calls, self._panel.set_calls)

    def take(self, call_id: uuid.UUID) -> None:
        host = self.host_id
        if host is None:
            return

        def taken(_state: CallState) -> None:
            self._on_local_write()
            self.refresh()

        self._db.submit(
            lambda: self._calls.acknowledge(call_id, host),
            taken,
            lambda exc: log.error("host call not taken: %s", type(exc).__name__, exc_info=exc),
        )
