"""``kiosk admin checkins export``: every check-in and check-out, as CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.cli.main import main
from kiosk.lobby.checkin import CheckinService
from kiosk.security.badges import load_site_key
from tests.lobby.visitor_helpers import Lab, make_lab
from tests.stores import AINO_UID


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    lab = make_lab(tmp_path)
    badges = CheckinService(lab.lobby, lab.clock, load_site_key(tmp_path / "site.key"), "lobby-1")
    badges.badge_tap(AINO_UID)
    _id, token = lab.invite("Eeva Ek")
    lab.service.scan(token)  # before the invitation has synced: named in the export anyway
    lab.clock.advance(timedelta(hours=3))
    lab.service.scan(token)
    lab.sync()
    yield lab
    lab.close()


def config(lab: Lab, *, local: bool = False) -> Path:
    path = lab.tmp_path / ("lobby.toml" if local else "admin.toml")
    data_dir = lab.tmp_path / ("lobby" if local else "admin")
    path.write_text(
        f'[kiosk]\nid = "lobby-1"\ndata_dir = "{data_dir}"\n'
        f'[central]\nurl = "{lab.central_url}"\n'
        f'[security]\nsite_key_file = "{lab.tmp_path / "site.key"}"\n',
        encoding="utf-8",
    )
    return path


def export(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["admin", "--config", str(path), "checkins", "export", *args]) == 0
    return capsys.readouterr().out


def test_json_lists_every_event_with_names_and_local_times(
    lab: Lab, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = json.loads(export(config(lab), capsys, "--format", "json"))
    assert [(r["direction"], r["kind"], r["name"], r["method"]) for r in rows] == [
        ("in", "member", "Aino Virtanen", "badge"),
        ("in", "visitor", "Eeva Ek", "qr"),
        ("out", "visitor", "Eeva Ek", "qr"),
    ]
    assert rows[1]["host"] == "Mikko Korhonen" and rows[1]["organisation"] == "OKM"
    assert rows[0]["at"] == "2026-11-26T12:00:00+02:00"


def test_csv_with_a_period_and_from_the_local_replica(
    lab: Lab, capsys: pytest.CaptureFixture[str]
) -> None:
    out = export(
        config(lab, local=True),
        capsys,
        "--format", "csv", "--local", "--from", "2026-11-26T13:00", "--to", "2026-11-26",
    )  # fmt: skip
    assert out.startswith("\ufeff")  # a BOM: Excel opens ä and ö right
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [(r["direction"], r["name"]) for r in rows] == [("out", "Eeva Ek")]
    assert out.splitlines()[0].startswith("\ufeffid,at,direction,kind,name")
    plain = export(config(lab, local=True), capsys, "--format", "csv", "--local", "--no-bom")
    assert plain.startswith("id,at,direction,kind,name")


@pytest.mark.parametrize("name", ["=1+2", "+358 40 1", "-2+3", "@SUM(A1)"])
def test_a_name_that_looks_like_a_formula_is_exported_as_text(
    lab: Lab, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    _id, token = lab.invite(name)
    lab.service.scan(token)
    lab.sync()
    out = export(config(lab), capsys, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [r["name"] for r in rows if r["name"] not in ("Aino Virtanen", "Eeva Ek")] == [
        "'" + name
    ]
    as_json = json.loads(export(config(lab), capsys, "--format", "json"))
    assert name in [r["name"] for r in as_json]  # JSON is data, not a spreadsheet: as stored


def test_a_bad_date_is_a_usage_error(lab: Lab, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["admin", "--config", str(config(lab)), "checkins", "export", "--format", "csv",
         "--from", "yesterday"]
    )  # fmt: skip
    assert code != 0
    assert "--from" in capsys.readouterr().err
