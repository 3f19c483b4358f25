"""`kiosk sync status` and `kiosk admin fleet`: what a host or IT person can see."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.base.clock import FixedClock
from kiosk.cli.main import main
from kiosk.config.credential_file import write_token_file
from kiosk.store.engine import open_store
from kiosk.sync import central
from tests.stores import seed_central, site_key


def _kiosk_config(tmp_path: Path, url: str, kiosk_id: str = "lobby-1") -> Path:
    path = tmp_path / f"{kiosk_id}.toml"
    path.write_text(
        f'[kiosk]\nid = "{kiosk_id}"\ndata_dir = "{kiosk_id}"\n[central]\nurl = "{url}"\n',
        encoding="utf-8",
    )
    return path


def _status(config: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["sync", "--config", str(config), "status", "--json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_sync_status_shows_cursor_outbox_and_the_last_error(
    tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    seed_central(url, site_key(tmp_path), clock).dispose()
    config = _kiosk_config(tmp_path, url)
    assert main(["sync", "--config", str(config), "status"]) == 1  # no local store yet
    assert "no local store" in capsys.readouterr().err
    assert main(["sync", "--config", str(config), "--once"]) == 0
    status = _status(config, capsys)
    assert status["cursor"] == "0:4" and status["outbox_depth"] == 0
    assert status["first_sync_done"] is True and status["last_success_at"]
    assert status["last_error"] is None and status["rejected"] == []

    token = tmp_path / "lobby-1.token"
    write_token_file(token, "lkd1." + "A" * 43)
    config.write_text(  # the same kiosk, now enrolled with a service that does not answer
        config.read_text(encoding="utf-8").replace(url, "http://127.0.0.1:1")
        + f'credential_file = "{token}"\n',
        encoding="utf-8",
    )
    assert main(["sync", "--config", str(config)]) == 1
    assert "nothing was lost" in capsys.readouterr().err
    status = _status(config, capsys)
    assert status["cursor"] == "0:4"  # kept
    assert "unreachable" in str(status["last_error"]) and status["last_error_at"]
    assert main(["sync", "--config", str(config), "status"]) == 0
    text = capsys.readouterr().out
    assert "cursor:        0:4" in text and "last error:" in text


def test_fleet_marks_kiosks_silent_for_more_than_two_minutes(
    tmp_path: Path, central_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now(UTC)
    seed_central(central_url, site_key(tmp_path), FixedClock(now)).dispose()
    c = open_store(central_url, migrate=False)
    readers = {"readers": {"badge": {"state": "ok", "error": None}}}
    with c.engine.begin() as conn:
        for kiosk_id, age, depth in (("lobby-1", 5, 0), ("door-aurora", 180, 3)):
            central.heartbeat(
                conn,
                kiosk_id=kiosk_id,
                role="door" if kiosk_id.startswith("door") else "lobby",
                room_id="aurora" if kiosk_id.startswith("door") else None,
                version="0.1.0",
                status={"outbox_depth": depth, **readers},
                now=now - timedelta(seconds=age),
            )
    c.dispose()
    config = _kiosk_config(tmp_path, central_url, "admin-1")
    assert main(["admin", "--config", str(config), "fleet", "--json"]) == 0
    fleet = json.loads(capsys.readouterr().out)
    assert [(k["id"], k["silent"], k["outbox_depth"]) for k in fleet] == [
        ("door-aurora", True, 3),
        ("lobby-1", False, 0),
    ]
    assert fleet[1]["readers"] == {"badge": "ok"}
    assert main(["admin", "--config", str(config), "fleet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("SILENT door-aurora") and "3 min ago" in lines[0]
    assert lines[1].startswith("ok     lobby-1")
