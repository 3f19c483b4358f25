"""The staff endpoints' bounds: how many CSV rows, how far ahead a switch or a date may reach
(the real service on loopback, SQLite and PostgreSQL)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update

from kiosk.central.staff_csv import MAX_STAFF_ROWS
from kiosk.store.models import Event, Invitation
from tests.console.helpers import HOST, Site, staff_site
from tests.stores import NOON


@pytest.fixture
def site(tmp_path: Path, central_url: str) -> Iterator[Site]:
    with staff_site(tmp_path, central_url) as s:
        yield s


def _answer(
    site: Site, method: str, path: str, body: Any = None, params: dict[str, str] | None = None
) -> tuple[int, dict[str, Any]]:
    if "bounds_token" not in vars(site):
        site.bounds_token = site.staff_token("staff-bounds")  # type: ignore[attr-defined]
    headers = {"Authorization": f"Bearer {vars(site)['bounds_token']}"}
    with httpx.Client(base_url=site.service.url, headers=headers, timeout=60) as http:
        response = http.request(method, path, json=body, params=params)
    return response.status_code, response.json()


def _csv(rows: int) -> str:
    return "name,host\n" + "".join(f"Vieras {i},{HOST}\n" for i in range(rows))


def _invitations(site: Site) -> int:
    with site.service.store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Invitation)).scalar_one())


def test_a_staff_csv_over_the_row_cap_is_refused_before_anything_is_stored(site: Site) -> None:
    before = _invitations(site)
    for dry_run in ("true", "false"):
        status, body = _answer(
            site,
            "POST",
            "/v1/staff/invitations/csv",
            {"csv": _csv(MAX_STAFF_ROWS + 1)},
            {"dry_run": dry_run},
        )
        assert (status, body["code"], body["params"]) == (
            422,
            "too_many_rows",
            {"limit": str(MAX_STAFF_ROWS)},
        )
    assert _invitations(site) == before


def test_a_preview_at_the_cap_is_quick_and_stores_nothing(site: Site) -> None:
    before = _invitations(site)
    started = time.monotonic()
    status, body = _answer(site, "POST", "/v1/staff/invitations/csv", {"csv": _csv(MAX_STAFF_ROWS)})
    took = time.monotonic() - started
    assert status == 200, body
    assert len(body["rows"]) == MAX_STAFF_ROWS
    assert all(r["ok"] for r in body["rows"])
    assert _invitations(site) == before
    print(f"preview of {MAX_STAFF_ROWS} rows took {took:.1f} s")
    assert took < 10


def _switch(site: Site, until: str) -> tuple[int, dict[str, Any]]:
    body = {"room_id": "aurora", "mode": "closed", "until": until}
    return _answer(site, "POST", "/v1/staff/modes", body)


def test_a_host_switches_for_two_weeks_at_most(site: Site) -> None:
    status, body = _switch(site, (NOON + timedelta(days=15)).isoformat())
    assert (status, body["code"], body["params"]) == (422, "switch_too_long", {"days": "14"})
    status, body = _switch(site, "2100-12-31T23:00:00+00:00")
    assert (status, body["code"]) == (422, "switch_too_long")
    status, body = _switch(site, (NOON + timedelta(days=13)).isoformat())
    assert status == 200, body


def test_an_admin_switches_as_far_as_a_kiosk_accepts(site: Site) -> None:
    site.bounds_token = site.staff_token("staff-aino", "admin@lab.example")  # type: ignore[attr-defined]
    assert _switch(site, (NOON + timedelta(days=100)).isoformat())[0] == 200
    status, body = _switch(site, (NOON + timedelta(days=801)).isoformat())
    assert (status, body["code"], body["params"]) == (422, "switch_too_long", {"days": "800"})


FAR = ["9999-12-31T23:59:59-05:00", "9999-12-31T10:00:00+00:00", "0001-01-01T00:00:00+02:00"]


def test_far_times_in_a_body_are_422_with_the_field(site: Site) -> None:
    host = str(site.host_id)
    for far in FAR:
        invite = {"name": "Eeva", "host_id": host, "valid_from": far, "valid_to": far}
        event = {"title": {"fi": "Juhla"}, "starts_at": far, "ends_at": far}
        for path, body, field in [
            ("/v1/staff/invitations", invite, "valid_from"),
            ("/v1/staff/events", event, "starts_at"),
            ("/v1/staff/modes", {"room_id": None, "mode": "closed", "until": far}, "until"),
        ]:
            status, answer = _answer(site, "POST", path, body)
            assert (status, answer["code"], answer["params"]) == (
                422,
                "invalid_field",
                {"field": field},
            ), (path, far)


def test_far_days_in_a_query_are_422_out_of_range(site: Site) -> None:
    for path, params in [
        ("/v1/staff/today", {"day": "9999-12-31"}),
        ("/v1/staff/today", {"day": "0001-01-01"}),
        ("/v1/staff/rooms/aurora/week", {"monday": "9999-12-27"}),
        ("/v1/staff/feedback", {"since": "9999-12-01", "until": "9999-12-31"}),
        ("/v1/staff/report", {"since": "0001-01-01", "until": "0001-01-02"}),
    ]:
        status, body = _answer(site, "GET", path, params=params)
        assert (status, body["code"]) == (422, "out_of_range"), path


def test_a_csv_row_in_a_far_year_fails_alone(site: Site) -> None:
    csv = (
        "name,host,valid_from,valid_to\n"
        f"Eeva Ek,{HOST},,\n"
        f"Olli Oja,{HOST},9999-12-30,9999-12-31\n"
        f"Anna Aho,{HOST},,\n"
    )
    for dry_run in ("true", "false"):
        status, body = _answer(
            site, "POST", "/v1/staff/invitations/csv", {"csv": csv}, {"dry_run": dry_run}
        )
        assert status == 200, body
        outcome = {r["line"]: (r["ok"], r["code"]) for r in body["rows"]}
        assert outcome == {2: (True, None), 3: (False, "date_out_of_range"), 4: (True, None)}


def test_a_csv_field_over_the_csv_readers_limit_is_refused_not_a_failure(site: Site) -> None:
    # Python's csv reader stops at 131,072 characters a field: in the header as in a row.
    long = "a" * 140_000
    with site.service.store.engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(Invitation)).scalar_one()
    for csv in (long, f"name,host\n{long},{HOST}\n"):
        for dry_run in ("true", "false"):
            status, body = _answer(
                site, "POST", "/v1/staff/invitations/csv", {"csv": csv}, {"dry_run": dry_run}
            )
            assert (status, body.get("code")) == (422, "bad_csv"), body
    with site.service.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Invitation)).scalar_one() == before


def test_tickets_for_an_event_left_at_the_end_of_time_fail_row_by_row(site: Site) -> None:
    status, event = _answer(
        site,
        "POST",
        "/v1/staff/events",
        {
            "title": {"fi": "Juhla"},
            "starts_at": (NOON + timedelta(days=1)).isoformat(),
            "ends_at": (NOON + timedelta(days=1, hours=2)).isoformat(),
        },
    )
    assert status == 200, event
    with site.service.store.engine.begin() as conn:  # a record from before the bounds
        conn.execute(update(Event).values(ends_at=datetime(9999, 12, 31, 23, 0, tzinfo=UTC)))
    status, body = _answer(
        site, "POST", f"/v1/staff/events/{event['id']}/tickets", {"csv": "name\nEeva\nOlli\n"}
    )
    assert status == 200, body
    assert body["imported"] == 0
    assert [(r["line"], r["code"]) for r in body["refused"]] == [
        (2, "event_out_of_range"),
        (3, "event_out_of_range"),
    ]


def test_an_invitation_or_event_starts_800_days_ahead_at_most(site: Site) -> None:
    start = NOON + timedelta(days=801)
    invite = {
        "name": "Eeva",
        "host_id": str(site.host_id),
        "valid_from": start.isoformat(),
        "valid_to": (start + timedelta(hours=4)).isoformat(),
    }
    event = {
        "title": {"fi": "Juhla"},
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=2)).isoformat(),
    }
    for path, body in [("/v1/staff/invitations", invite), ("/v1/staff/events", event)]:
        status, answer = _answer(site, "POST", path, body)
        assert (status, answer["code"], answer["params"]) == (
            422,
            "too_far_ahead",
            {"days": "800"},
        ), path
