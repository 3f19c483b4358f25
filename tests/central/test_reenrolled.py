"""A kiosk revoked and enrolled again into the same token file (`kiosk admin enroll ... --out
FILE`) syncs again without a restart: a refused token makes it read the file again. Its outbox
arrives once, a malformed or missing file keeps the old behaviour, and no token is ever logged.

Every worker here has production's longest back-off (60 s): a refused kiosk that waited it out
would fail these tests, so what brings it back is the new token, not a timer."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.central.credentials import revoke
from kiosk.config.credential_file import write_token_file
from kiosk.store.engine import Store
from kiosk.sync.engine import SyncStatus
from kiosk.sync.http_link import HttpLink
from kiosk.sync.waiter import ServiceWaiter
from kiosk.sync.worker import SyncWorker
from tests.central.helpers import LiveService, Lobby, count_checkins, live_service, lobby_via_proxy
from tests.helpers import wait_for
from tests.stores import seed_central, site_key
from tests.sync.helpers import Tally, checkin_locally, outbox_left


@dataclass
class Refused:
    service: LiveService
    lobby: Lobby
    worker: SyncWorker
    statuses: list[SyncStatus]
    token_file: Path
    old: str
    tally: Tally

    def check_in(self, count: int) -> None:
        """Check the member in ``count`` times, waking the worker as a local write does."""
        local, member = self.lobby.local, self.lobby.member
        for _ in range(count):
            self.tally.attempted.add(checkin_locally(local, member, "lobby-1", SystemClock().now()))
            self.worker.wake()

    def refused(self) -> bool:
        self.worker.wake()  # a revocation takes up to 2 s to reach the service's memory
        return bool(self.statuses) and not self.statuses[-1].online


@contextmanager
def revoked_lobby(
    tmp_path: Path, central_url: str, caplog: pytest.LogCaptureFixture
) -> Iterator[Refused]:
    """A lobby that synced 5 check-ins, then was revoked and refused (its worker started)."""
    clock = SystemClock()
    store: Store = seed_central(central_url, site_key(tmp_path), FixedClock(clock.now()))
    statuses: list[SyncStatus] = []
    with live_service(store, FixedClock(clock.now()), rates={}) as service:
        lobby = lobby_via_proxy(tmp_path, service, lambda _s: None)
        worker = SyncWorker(
            lobby.engine,
            interval=0.05,
            clock=clock,
            on_status=statuses.append,
            max_backoff=60.0,
            listen=False,
        )
        token_file = tmp_path / "lobby-1.token"
        state = Refused(
            service,
            lobby,
            worker,
            statuses,
            token_file,
            token_file.read_text(encoding="ascii").strip(),
            Tally("revoked, enrolled again into the same file"),
        )
        caplog.set_level(logging.INFO, logger="kiosk")
        worker.start()
        try:
            state.check_in(5)
            wait_for(lambda: outbox_left(lobby.local) == 0, 30, "the first check-ins to land")
            with store.engine.begin() as conn:
                revoke(conn, "lobby-1", clock.now())
            wait_for(state.refused, 15, "the refusal")
            state.check_in(5)  # offline: they wait in the outbox
            yield state
        finally:
            worker.stop()
            lobby.close()
    count_checkins(state.tally, store, len(state.tally.attempted))


def _no_token_in(caplog: pytest.LogCaptureFixture, *tokens: str) -> None:
    logged = caplog.text + "".join(r.getMessage() for r in caplog.records)
    for token in tokens:
        assert token.removeprefix("lkd1.") not in logged, "a device token was logged"


def _lines(caplog: pytest.LogCaptureFixture, text: str) -> list[str]:
    return [r.getMessage() for r in caplog.records if text in r.getMessage()]


def test_a_kiosk_enrolled_again_into_its_file_syncs_again_without_a_restart(
    tmp_path: Path, central_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with revoked_lobby(tmp_path, central_url, caplog) as kiosk:
        assert outbox_left(kiosk.lobby.local) == 5
        kiosk.service.enroll(tmp_path, "lobby-1", "lobby")  # IT: enroll ... --out the same file
        new = kiosk.token_file.read_text(encoding="ascii").strip()
        assert new != kiosk.old
        kiosk.check_in(5)  # a local write wakes the worker, which then meets the refusal
        wait_for(lambda: outbox_left(kiosk.lobby.local) == 0, 30, "the outbox to drain")
        wait_for(lambda: kiosk.statuses[-1].online, 30, "the lobby to show online")
        kiosk.check_in(5)  # and it goes on syncing with the new token
        wait_for(lambda: outbox_left(kiosk.lobby.local) == 0, 30, "the last check-ins")
        link = kiosk.lobby.engine.link
        assert isinstance(link, HttpLink) and link.credential.value == new
    assert len(kiosk.tally.attempted) == 20
    renewed = _lines(caplog, "a new device token")
    assert len(renewed) == 1 and str(kiosk.token_file) in renewed[0], renewed
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(said) == 1 and "kiosk admin enroll lobby-1 --role lobby" in said[0], said
    _no_token_in(caplog, kiosk.old, new)


def test_the_event_stream_picks_up_the_new_token_and_wakes_the_refused_worker(
    tmp_path: Path, central_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Nothing is written locally after the re-enrolment: the waiter's refused stream reads the
    file, reconnects with the new token and wakes the worker out of its 60 s back-off."""
    with revoked_lobby(tmp_path, central_url, caplog) as kiosk:
        link = kiosk.lobby.engine.link
        assert isinstance(link, HttpLink)
        woken: list[float] = []

        def wake() -> None:
            woken.append(time.monotonic())
            kiosk.worker.wake()

        waiter = ServiceWaiter(
            link.url,
            link.headers,
            credential=link.credential,
            cursor=kiosk.lobby.engine.cursor,
            on_wake=wake,
            on_page=kiosk.worker.deliver,
            retry=0.05,
            max_retry=0.5,  # production's 30 s, shortened: a refused stream asks again
        )
        waiter.start()
        try:
            time.sleep(1.5)  # bounded look: the refused stream asks again and again, in vain
            assert not waiter.connected.is_set() and outbox_left(kiosk.lobby.local) == 5
            kiosk.service.enroll(tmp_path, "lobby-1", "lobby")
            wait_for(lambda: waiter.protocol == "stream", 15, "the stream with the new token")
            wait_for(lambda: outbox_left(kiosk.lobby.local) == 0, 15, "the outbox to drain")
            wait_for(lambda: kiosk.statuses[-1].online, 15, "the lobby to show online")
        finally:
            waiter.stop()
        assert woken, "the worker was not woken"
    new = kiosk.token_file.read_text(encoding="ascii").strip()
    assert len(_lines(caplog, "a new device token")) == 1
    _no_token_in(caplog, kiosk.old, new)


def test_a_malformed_or_missing_token_file_keeps_the_old_token_and_says_so_once(
    tmp_path: Path, central_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with revoked_lobby(tmp_path, central_url, caplog) as kiosk:
        link = kiosk.lobby.engine.link
        assert isinstance(link, HttpLink)
        garbage = "lkd1.SECRETBUTWRONG"
        write_token_file(kiosk.token_file, garbage)  # a copy cut short, say
        for _ in range(3):
            kiosk.check_in(1)
            time.sleep(0.3)  # bounded look: each wake meets the refusal again
        malformed = _lines(caplog, "not a device token")
        assert len(malformed) == 1 and str(kiosk.token_file) in malformed[0], malformed
        assert "keeps its refused device token" in malformed[0]
        os.unlink(kiosk.token_file)
        for _ in range(3):
            kiosk.check_in(1)
            time.sleep(0.3)
        assert len(_lines(caplog, "not found")) == 1
        assert link.credential.value == kiosk.old
        assert outbox_left(kiosk.lobby.local) == 11 and not kiosk.statuses[-1].online
        refusals = _lines(caplog, "kiosk admin enroll lobby-1 --role lobby")
        assert len([r for r in refusals if "sync stopped" in r]) == 1  # as before: said once
        # Still running: a good file later brings it back.
        kiosk.service.enroll(tmp_path, "lobby-1", "lobby")
        kiosk.check_in(1)
        wait_for(lambda: outbox_left(kiosk.lobby.local) == 0, 30, "the outbox to drain")
    assert len(kiosk.tally.attempted) == 17
    new = kiosk.token_file.read_text(encoding="ascii").strip()
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(said) == 3, said  # the refusal, the malformed file, the missing file
    assert garbage not in caplog.text
    _no_token_in(caplog, kiosk.old, new)
