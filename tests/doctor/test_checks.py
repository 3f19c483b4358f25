"""``kiosk doctor``'s checks against real stores, a real service on loopback and real files."""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.base.clock import FixedClock, SystemClock
from kiosk.config.credential_file import write_token_file
from kiosk.config.settings import load_config
from kiosk.demo.data import Demo, create_demo
from kiosk.doctor.checks import run_checks
from kiosk.doctor.platform import Machine
from kiosk.doctor.verdict import Verdict
from kiosk.store.engine import open_local_store
from kiosk.sync import state
from kiosk.sync.engine import SyncEngine
from tests.central.helpers import LiveService, kiosk_config, live_service
from tests.stores import NOON, seed_central, site_key

OFFSCREEN = Machine(env={"QT_QPA_PLATFORM": "offscreen"})


def _statuses(verdicts: list[Verdict]) -> dict[str, str]:
    return {v.check: v.status for v in verdicts}


def _verdict(verdicts: list[Verdict], check: str) -> Verdict:
    return next(v for v in verdicts if v.check == check)


@pytest.fixture
def demo(tmp_path: Path) -> Demo:
    return create_demo(tmp_path / "site", SystemClock().now())


def test_a_good_door_before_its_first_start(demo: Demo) -> None:
    config = demo.write_config("door-aurora", "door", room="aurora")
    verdicts = run_checks(str(config), machine=OFFSCREEN)
    assert _statuses(verdicts) == {
        "config": "ok",
        "qt-plugin offscreen": "ok",
        "display offscreen": "warning",
        "data-dir": "ok",
        "site-key": "ok",
        "local-store": "warning",  # made when the kiosk starts
        "central": "ok",
        "room": "ok",  # in the central SQLite store
        "disk": "ok",
        "clock": "ok",
    }
    assert all(v.fix for v in verdicts if v.status != "ok")


def test_a_data_dir_the_kiosk_cannot_make_blocks_with_the_fix(demo: Demo) -> None:
    config = demo.write_config("lobby-1", "lobby")
    blocker = demo.base / "not-a-folder"
    blocker.write_text("")
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r'data_dir = ".*"', f'data_dir = "{blocker}/data"', text), "utf-8")
    data_dir = _verdict(run_checks(str(config), machine=OFFSCREEN), "data-dir")
    assert data_dir.status == "blocking" and f"{blocker} is no folder" in data_dir.message


def test_a_door_for_a_room_that_does_not_exist(demo: Demo) -> None:
    config = demo.write_config("door-x", "door", room="nosuch")
    room = _verdict(run_checks(str(config), machine=OFFSCREEN), "room")
    assert room.status == "blocking"
    assert room.message == (
        "room 'nosuch' does not exist (rooms: aurora, hiljainen, majakka, tori, verstas)"
    )
    assert "kiosk admin room add nosuch" in room.fix


def test_readers_missing_and_present(demo: Demo, tmp_path: Path) -> None:
    config = demo.write_config("lobby-1", "lobby", reader_port=str(tmp_path / "ttyNOPE"))
    reader = _verdict(run_checks(str(config), machine=OFFSCREEN), "reader badge")
    assert reader.status == "blocking" and "is not there" in reader.message
    master, slave = os.openpty()
    try:
        config = demo.write_config("lobby-1", "lobby", reader_port=os.ttyname(slave))
        assert _verdict(run_checks(str(config), machine=OFFSCREEN), "reader badge").status == "ok"
    finally:
        os.close(master)
        os.close(slave)


def test_a_missing_site_key_and_a_store_newer_than_the_code(demo: Demo) -> None:
    config = demo.write_config("door-aurora", "door", room="aurora")
    store = open_local_store(demo.base / "door-aurora" / "kiosk.db")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    store.dispose()
    demo.site_key_file.unlink()
    verdicts = run_checks(str(config), machine=OFFSCREEN)
    assert _statuses(verdicts)["site-key"] == "blocking"
    store_verdict = _verdict(verdicts, "local-store")
    assert (
        store_verdict.status == "blocking"
        and "9999, newer than this kiosk" in store_verdict.message
    )


def test_no_config_blocks_and_the_rest_still_runs(tmp_path: Path) -> None:
    verdicts = run_checks(str(tmp_path / "nothing.toml"), machine=OFFSCREEN)
    assert [v.check for v in verdicts] == [
        "config",
        "qt-plugin offscreen",
        "display offscreen",
        "clock",
    ]
    assert verdicts[0].status == "blocking"


def test_a_clock_that_lost_its_time() -> None:
    then = datetime(1970, 1, 1, tzinfo=UTC)
    clock = _verdict(run_checks(None, machine=OFFSCREEN, now=lambda: then), "clock")
    assert clock.status == "blocking" and "1970-01-01" in clock.message


@pytest.fixture
def service(tmp_path: Path) -> Iterator[LiveService]:
    clock = FixedClock(NOON)
    store = seed_central(f"sqlite:///{tmp_path / 'central.db'}", site_key(tmp_path), clock)
    try:
        with live_service(store, clock) as live:
            yield live
    finally:
        store.dispose()


def _with_site_key(config: Path, tmp_path: Path) -> Path:
    text = config.read_text() + f'[security]\nsite_key_file = "{tmp_path / "site.key"}"\n'
    config.write_text(text)
    return config


def test_through_the_service_token_identity_and_clock(tmp_path: Path, service: LiveService) -> None:
    config = _with_site_key(
        kiosk_config(tmp_path, service, "door-aurora", "door", "aurora"), tmp_path
    )
    real_now = datetime.now(UTC)
    verdicts = run_checks(str(config), machine=OFFSCREEN, now=lambda: real_now)
    assert _verdict(verdicts, "central").status == "ok"
    assert _verdict(verdicts, "clock").status == "ok"
    assert _verdict(verdicts, "room").status == "warning"  # not synced yet: not known

    cfg = load_config(config)
    local = open_local_store(cfg.local_store_path)
    engine = SyncEngine.for_kiosk(cfg, local, service.clock)
    try:
        engine.cycle()
    finally:
        engine.close()
        local.dispose()
    late = real_now + timedelta(minutes=10)
    verdicts = run_checks(str(config), machine=OFFSCREEN, now=lambda: late)
    assert _verdict(verdicts, "room").status == "ok"
    clock = _verdict(verdicts, "clock")
    assert clock.status == "blocking" and "ahead of the service" in clock.message


def test_a_token_of_another_kiosk_or_none(tmp_path: Path, service: LiveService) -> None:
    config = _with_site_key(
        kiosk_config(tmp_path, service, "door-aurora", "door", "aurora"), tmp_path
    )
    config.write_text(config.read_text().replace('id = "door-aurora"', 'id = "door-borealis"'))
    central = _verdict(run_checks(str(config), machine=OFFSCREEN), "central")
    assert central.status == "blocking"
    assert "belongs to another kiosk: id 'door-aurora' (config: 'door-borealis')" in central.message
    assert "kiosk admin enroll door-borealis --role door --room aurora" in central.fix

    write_token_file(tmp_path / "door-aurora.token", "lkd1." + "A" * 43)  # never enrolled
    central = _verdict(run_checks(str(config), machine=OFFSCREEN), "central")
    assert central.status == "blocking" and "refused this kiosk's token" in central.message


def test_an_unreachable_service_blocks_only_a_kiosk_that_never_synced(
    tmp_path: Path, service: LiveService
) -> None:
    config = _with_site_key(kiosk_config(tmp_path, service, "lobby-1", "lobby"), tmp_path)
    with socket.socket() as closed:  # a loopback port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    config.write_text(config.read_text().replace(service.url, f"http://127.0.0.1:{port}"))
    central = _verdict(run_checks(str(config), machine=OFFSCREEN), "central")
    assert central.status == "blocking"
    assert "unreachable (ConnectError); the kiosk has never synced" in central.message
    local = open_local_store(load_config(config).local_store_path)
    try:
        with local.session() as s:
            state.put(s, state.FIRST_SYNC_DONE, "1")
    finally:
        local.dispose()
    central = _verdict(run_checks(str(config), machine=OFFSCREEN), "central")
    assert central.status == "warning" and "works offline from its store" in central.message


def test_the_real_command_shows_no_http_request_lines_unless_verbose(
    tmp_path: Path, service: LiveService
) -> None:
    """httpx logs each request at INFO: among the verdicts they read as problems."""
    import subprocess

    from tests.e2e.conftest import kiosk_command, kiosk_env

    config = _with_site_key(kiosk_config(tmp_path, service, "lobby-1", "lobby"), tmp_path)

    def doctor(*before: str, after: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*kiosk_command(), *before, "doctor", "--config", str(config), *after],
            capture_output=True,
            text=True,
            timeout=60,
            env=kiosk_env(),
            check=False,
        )

    quiet = doctor()
    assert "the sync service knows this kiosk as lobby-1" in quiet.stdout
    assert "HTTP Request" not in quiet.stdout + quiet.stderr, quiet.stderr
    assert "HTTP Request: GET" in doctor("--verbose").stderr
    assert "HTTP Request: GET" in doctor(after=("-v",)).stderr  # after the command, as well
