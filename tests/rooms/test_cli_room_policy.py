"""``kiosk admin room policy``: the door policy is set on the room and read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli.main import main


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[kiosk]\nid = "admin"\ndata_dir = "{tmp_path}"\n'
        f'[central]\nurl = "sqlite:///{tmp_path / "central.db"}"\n'
    )
    assert main(["admin", "--config", str(path), "init"]) == 0
    assert main(["admin", "--config", str(path), "room", "add", "aurora", "--name", "Aurora"]) == 0
    return path


def policy(config: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    capsys.readouterr()
    assert (
        main(["admin", "--config", str(config), "room", "policy", "aurora", *args, "--json"]) == 0
    )
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_defaults_then_changes(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert policy(config, capsys) == {
        "room": "aurora",
        "anonymous_actions": False,
        "checkin_before_minutes": 10,
        "release_after_minutes": None,
        "booking_url": None,
    }
    changed = policy(
        config,
        capsys,
        "--anonymous",
        "yes",
        "--release-after",
        "--booking-url",
        "https://lab.example/aurora",
    )
    assert changed["anonymous_actions"] is True
    assert changed["release_after_minutes"] == 10
    assert changed["booking_url"] == "https://lab.example/aurora"
    assert policy(config, capsys, "--no-release")["release_after_minutes"] is None


def test_a_bad_value_is_refused_and_changes_nothing(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["admin", "--config", str(config), "room", "policy", "aurora", "--booking-url", "ftp://x"]
    )
    assert code != 0
    assert policy(config, capsys)["booking_url"] is None
