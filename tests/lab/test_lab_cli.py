"""``kiosk admin feedback / board / hosts duty / host-call``: output, JSON, and bad input."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from kiosk.base.clock import FixedClock
from kiosk.cli.main import main
from kiosk.lab.feedback import FeedbackService
from kiosk.lab.host_calls import HostCallService
from tests.lab.helpers import TODAY, TZ, Site
from tests.stores import row_counts
from tests.sync.helpers import admin_config

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def admin(site: Site, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    # The CLI reads the system clock; the site's data is at its fixed noon, so pin it there.
    monkeypatch.setattr("kiosk.cli.context.SystemClock", lambda: FixedClock(site.clock.now()))
    return ["admin", "--config", str(admin_config(site.tmp / "admin", site.url))]


def run(admin: list[str], *argv: str) -> int:
    return main([*admin, *argv])


def test_feedback_list(site: Site, admin: list[str], capsys: Capture) -> None:
    assert run(admin, "feedback", "list") == 0
    assert "no feedback" in capsys.readouterr().out
    svc = FeedbackService(site.lobby, site.clock, "lobby-1")
    svc.record(1, comment="Liian kuuma")
    site.clock.advance(timedelta(days=1))
    svc.record(4, context="checkout", person_id=site.ids["aino"])
    site.sync()
    assert run(admin, "feedback", "list") == 0
    out = capsys.readouterr().out
    assert "1 very unhappy" in out and "Liian kuuma" in out and "— Aino Virtanen" in out
    assert (
        run(
            admin,
            "feedback",
            "list",
            "--from",
            TODAY.isoformat(),
            "--to",
            TODAY.isoformat(),
            "--json",
        )
        == 0
    )
    [only] = json.loads(capsys.readouterr().out)
    assert (only["score"], only["face"], only["signed_by"], only["comment"]) == (
        1,
        "very unhappy",
        None,
        "Liian kuuma",
    )
    assert only["at"].endswith("+02:00")
    assert run(admin, "feedback", "list", "--from", "yesterday") == 2
    assert "not an ISO date" in capsys.readouterr().err


def test_board_opt_in_list_and_out(site: Site, admin: list[str], capsys: Capture) -> None:
    assert run(admin, "board", "opt-in", "aino@vm.example", "--interests", "tekoäly, data") == 0
    assert "tekoäly, data" in capsys.readouterr().out
    assert run(admin, "board", "opt-in", "linnea@oph.example", "--hide-organisation") == 0
    capsys.readouterr()
    assert run(admin, "board", "list", "--json") == 0
    listed = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed["Aino Virtanen"]["interests"] == ["tekoäly", "data"]
    assert listed["Aino Virtanen"]["organisation"] == "VM"
    assert listed["Linnea Lindqvist"]["organisation"] is None
    site.clock.advance(timedelta(seconds=1))
    assert run(admin, "board", "opt-out", str(site.ids["aino"])) == 0
    capsys.readouterr()
    assert run(admin, "board", "list") == 0
    assert capsys.readouterr().out.strip() == "Linnea Lindqvist"


def test_board_bad_input_changes_nothing(site: Site, admin: list[str], capsys: Capture) -> None:
    before = row_counts(site.central)
    assert run(admin, "board", "opt-in", "aino@vm.example", "--interests", "a,b,c,d") == 2
    assert "at most 3" in capsys.readouterr().err
    assert run(admin, "board", "opt-in", "aino@vm.example", "--interests", "x" * 41) == 2
    assert "longer than 40" in capsys.readouterr().err
    assert run(admin, "board", "opt-in", "nobody@example.org") == 3
    assert "no person" in capsys.readouterr().err
    assert row_counts(site.central) == before


def test_hosts_duty_set_and_list(site: Site, admin: list[str], capsys: Capture) -> None:
    day = (TODAY + timedelta(days=7)).isoformat()
    assert run(admin, "hosts", "duty", "set", day, "mikko@lab.example", "helena@lab.example") == 0
    assert "2 host(s)" in capsys.readouterr().out
    assert run(admin, "hosts", "duty", "list", "--date", day, "--json") == 0
    assert [h["name"] for h in json.loads(capsys.readouterr().out)] == [
        "Helena Host",
        "Mikko Korhonen",
    ]
    assert run(admin, "hosts", "duty", "set", day, "helena@lab.example") == 0
    capsys.readouterr()
    assert run(admin, "hosts", "duty", "list", "--date", day) == 0
    assert capsys.readouterr().out.strip() == "Helena Host <helena@lab.example>"
    assert run(admin, "hosts", "duty", "list") == 0  # today
    assert "Mikko Korhonen" in capsys.readouterr().out
    before = row_counts(site.central)
    assert run(admin, "hosts", "duty", "set", day, "aino@vm.example") == 2
    assert "is not a host" in capsys.readouterr().err
    assert run(admin, "hosts", "duty", "set", "27.11.2026", "mikko@lab.example") == 2
    assert "not a date" in capsys.readouterr().err
    assert row_counts(site.central) == before


def test_host_call_list_and_ack(site: Site, admin: list[str], capsys: Capture) -> None:
    assert run(admin, "host-call", "list", "--open") == 0
    assert "no open calls" in capsys.readouterr().out
    call = HostCallService(site.lobby, site.clock, "lobby-1", TZ).call()
    site.sync()
    assert run(admin, "host-call", "list", "--open", "--json") == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["id"] == str(call.call_id) and listed["acknowledged_by"] is None
    before = row_counts(site.central)
    assert run(admin, "host-call", "ack", "not-an-id", "--host", "mikko@lab.example") == 2
    assert run(admin, "host-call", "ack", str(call.call_id), "--host", "aino@vm.example") == 2
    assert "only an active host" in capsys.readouterr().err
    assert row_counts(site.central) == before
    assert run(admin, "host-call", "ack", str(call.call_id), "--host", "mikko@lab.example") == 0
    assert "taken by Mikko Korhonen" in capsys.readouterr().out
    assert run(admin, "host-call", "ack", str(call.call_id), "--host", "helena@lab.example") == 4
    assert "already taken by Mikko Korhonen" in capsys.readouterr().err
    assert run(admin, "host-call", "list") == 0
    assert "taken by Mikko Korhonen" in capsys.readouterr().out
    assert run(admin, "host-call", "list", "--open") == 0
    assert "no open calls" in capsys.readouterr().out


def test_commands_are_listed_in_help(admin: list[str], capsys: Capture) -> None:
    with pytest.raises(SystemExit):
        run(admin, "--help")
    out = capsys.readouterr().out
    for command in ("feedback", "board", "hosts", "host-call"):
        assert command in out
