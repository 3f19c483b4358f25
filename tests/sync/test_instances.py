"""Two running kiosks with one kiosk id: the central side tells them apart and says so.

Through the store itself (the embedded set-up; SQLite and the real PostgreSQL): two processes
that heartbeat side by side are a DUPLICATE in ``kiosk admin fleet`` and in both heartbeat
answers, each with its own readers; a restart (clean, or after a crash) never is.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from kiosk.base.clock import FixedClock
from kiosk.cli.main import main
from kiosk.store.engine import Store
from kiosk.store.models import KioskInstance
from kiosk.sync.engine import SyncEngine
from kiosk.sync.fleet import SILENT_AFTER, fleet
from kiosk.sync.instance import InstanceId, machine_value
from tests.stores import local, seed_central, site_key

SECOND = timedelta(seconds=1)


@pytest.fixture
def start() -> datetime:
    # Near the real now: `kiosk admin fleet` judges silence by the system clock.
    return datetime.now(UTC) - timedelta(seconds=100)


@pytest.fixture
def central(tmp_path: Path, central_url: str, start: datetime) -> Iterator[Store]:
    store = seed_central(central_url, site_key(tmp_path), FixedClock(start))
    yield store
    store.dispose()


class Kiosk:
    """One kiosk process: its own local store and instance, the shared kiosk id."""

    def __init__(self, tmp_path: Path, url: str, clock: FixedClock, name: str, reader: str):
        self.store = local(tmp_path, name)
        self.instance = InstanceId(secrets.token_hex(8), secrets.token_hex(8))
        readers = {"readers": {"badge": {"state": reader, "error": None}}}
        self.engine = SyncEngine(
            self.store,
            url,
            kiosk_id="lobby-1",
            role="lobby",
            room_id=None,
            clock=clock,
            heartbeat_status=lambda: readers,
            instance=self.instance,
        )

    def beat(self) -> bool:
        self.engine.heartbeat()
        return self.engine.duplicate

    def close(self) -> None:
        self.engine.close()
        self.store.dispose()


@pytest.fixture
def kiosks(tmp_path: Path, central_url: str, central: Store, start: datetime) -> Iterator[Any]:
    clock = FixedClock(start)
    made: list[Kiosk] = []

    def make(name: str, reader: str = "connected") -> Kiosk:
        made.append(Kiosk(tmp_path, central_url, clock, name, reader))
        return made[-1]

    yield make, clock
    for k in made:
        k.close()


def _fleet(central: Store, now: datetime) -> Any:
    with central.engine.connect() as conn:
        (lobby,) = [k for k in fleet(conn, now) if k.id == "lobby-1"]
    return lobby


def test_two_kiosks_with_one_id_are_a_duplicate_in_fleet_and_both_answers(
    tmp_path: Path,
    central_url: str,
    central: Store,
    kiosks: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make, clock = kiosks
    real, copy = make("real"), make("copy", reader="failed")
    assert real.beat() is False
    clock.advance(SECOND)
    assert copy.beat() is False  # just started: the real one has not been heard since
    clock.advance(SECOND)
    assert real.beat() is True  # heard after the copy started: both run
    clock.advance(SECOND)
    assert copy.beat() is True

    lobby = _fleet(central, clock.now())
    assert lobby.duplicate and not lobby.silent
    # The copy's heartbeat came last, yet the real kiosk's readers are still there.
    assert {(i.instance, i.readers["badge"]) for i in lobby.instances} == {
        (real.instance.instance, "connected"),
        (copy.instance.instance, "failed"),
    }
    config = tmp_path / "admin.toml"
    config.write_text(
        f'[kiosk]\nid = "admin-1"\ndata_dir = "admin"\n[central]\nurl = "{central_url}"\n',
        encoding="utf-8",
    )
    assert main(["admin", "--config", str(config), "fleet", "--json"]) == 0
    (row,) = [k for k in json.loads(capsys.readouterr().out) if k["id"] == "lobby-1"]
    assert row["duplicate"] is True and len(row["instances"]) == 2
    assert {i["readers"]["badge"] for i in row["instances"]} == {"connected", "failed"}
    assert main(["admin", "--config", str(config), "fleet"]) == 0
    text = capsys.readouterr().out
    assert "DUPLICATE lobby-1" in text and "used by 2 running kiosks at once" in text
    assert f"instance {real.instance.instance}" in text and "badge: failed" in text

    copy.engine.goodbye()  # the copy is switched off cleanly: gone at once
    clock.advance(SECOND)
    assert real.beat() is False
    assert not _fleet(central, clock.now()).duplicate


def test_a_duplicate_that_went_silent_stops_counting_after_the_window(kiosks: Any) -> None:
    make, clock = kiosks
    real, copy = make("real"), make("copy")
    for k in (real, copy, real, copy):
        k.beat()
        clock.advance(SECOND)
    assert real.beat() is True
    # The copy (last heard a second ago) crashed: no goodbye, never heard again.
    clock.advance(SILENT_AFTER - 2 * SECOND)
    assert real.beat() is True  # still within the window of its last heartbeat
    clock.advance(2 * SECOND)
    assert real.beat() is False


def test_a_restart_is_never_a_duplicate_and_rows_stay_few(central: Store, kiosks: Any) -> None:
    make, clock = kiosks
    crashed = make("first")
    crashed.beat()
    clock.advance(10 * SECOND)
    crashed.beat()  # ... then the power goes: no goodbye
    for n in range(4):  # restarted four times, some after a crash, some cleanly
        clock.advance(5 * SECOND)
        again = make(f"restart-{n}")
        assert again.beat() is False
        clock.advance(10 * SECOND)
        assert again.beat() is False  # the old process is not heard from: no alarm
        assert not _fleet(central, clock.now()).duplicate
        if n % 2:
            again.engine.goodbye()
        else:
            clock.advance(SILENT_AFTER)  # crashed, and restarted only after a while
    with central.engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(KioskInstance)).scalar_one()
    assert rows <= 3  # a new process takes over a row that said goodbye or went silent


def test_the_machine_value_is_a_keyed_hash_of_the_machine_id(tmp_path: Path) -> None:
    machine_id = tmp_path / "machine-id"
    machine_id.write_text("4c1fd7dd7c2e4b3f8a0c3f1c2d3e4f50\n", encoding="ascii")
    value = machine_value((machine_id,))
    assert len(value) == 16 and int(value, 16) >= 0
    assert value == machine_value((tmp_path / "missing", machine_id))  # stable
    assert "4c1fd7dd" not in value  # the machine id itself never leaves the machine
    other = tmp_path / "other"
    other.write_text("0" * 32, encoding="ascii")
    assert machine_value((other,)) != value
