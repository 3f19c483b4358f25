"""Every refusal of the staff endpoints carries a stable code and its parameters beside the
English ``detail`` (the real service on loopback, SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from kiosk.central.limits import DEFAULT_RATES, Rate
from kiosk.central.staff_refusals import FALLBACK, refusal_of
from kiosk.console.client import Refused
from kiosk.console.models import InviteRequest
from kiosk.store.models import Person
from tests.console.helpers import Site, staff_site
from tests.stores import NOON


@pytest.fixture
def site(tmp_path: Path, central_url: str) -> Iterator[Site]:
    with staff_site(tmp_path, central_url) as s:
        yield s


def _at(delta: timedelta) -> str:
    return (NOON + delta).isoformat()


def _token(site: Site) -> str:
    """One staff credential per site, enrolled at its first use (while Mikko is a host)."""
    if "refusal_token" not in vars(site):
        site.refusal_token = site.staff_token("staff-refusals")  # type: ignore[attr-defined]
    return str(vars(site)["refusal_token"])


def _answer(
    site: Site, method: str, path: str, body: Any = None, params: dict[str, str] | None = None
) -> tuple[int, dict[str, Any]]:
    token = _token(site)
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=site.service.url, headers=headers, timeout=20) as http:
        response = http.request(method, path, json=body, params=params)
    return response.status_code, response.json()


def _invite(site: Site, **fields: Any) -> tuple[int, dict[str, Any]]:
    body = {
        "name": "Eeva Ek",
        "host_id": str(site.host_id),
        "valid_from": _at(timedelta(hours=1)),
        "valid_to": _at(timedelta(hours=5)),
        **fields,
    }
    return _answer(site, "POST", "/v1/staff/invitations", body)


def test_invitation_refusals_carry_codes_and_keep_the_english_detail(site: Site) -> None:
    stranger = uuid.uuid4()
    cases = [
        ({"name": "   "}, 422, "name_missing", {}),
        ({"valid_to": _at(timedelta(minutes=30))}, 422, "ends_before_start", {}),
        (
            {"valid_from": _at(-timedelta(days=2)), "valid_to": _at(-timedelta(days=1))},
            422,
            "already_over",
            {},
        ),
        ({"valid_to": _at(timedelta(days=400))}, 422, "valid_too_long", {}),
        ({"host_id": str(stranger)}, 404, "unknown_host", {"host": str(stranger)}),
        ({"email": "eeva@okm..fi"}, 422, "bad_email", {"address": "eeva@okm..fi"}),
        ({"name": ""}, 422, "invalid_field", {"field": "name"}),  # the schema's own check
    ]
    for fields, status, code, params in cases:
        got_status, body = _invite(site, **fields)
        assert (got_status, body["code"], body["params"]) == (status, code, params), fields
        assert body["detail"]  # the English for the CLI and older clients, still there
    assert _invite(site, name=" ")[1]["detail"] == "--name must not be empty"


def test_invisible_and_bidi_characters_are_refused_in_invitations(site: Site) -> None:
    for name in ("\u202eevil\u202c Visitor", "x\u0085y\u009bz", "a\u2028b\u2029c", "\u200b"):
        status, body = _invite(site, name=name)
        assert (status, body["code"], body["params"]) == (422, "invalid_field", {"field": "name"})
    status, body = _invite(site, company="Evil\u2066 Corp")
    assert (status, body["code"], body["params"]) == (422, "invalid_field", {"field": "company"})
    assert _invite(site, name="\u200d")[0] == 422  # joiners alone are no name
    assert _invite(site, name="Mi\u200cna")[0] == 200  # a joiner inside a real name is fine


def test_invisible_and_bidi_characters_are_refused_in_event_texts(site: Site) -> None:
    for fields in (
        {"title": {"fi": "\u202eAvoimet ovet"}},
        {"title": {"fi": "Avoimet ovet", "en": "Open\u200b"}},
        {"description": {"fi": "Tervetuloa\u2029kaikki"}},
    ):
        status, body = _event(site, **fields)
        assert (status, body["code"]) == (422, "invalid_field"), fields
    assert _event(site, description={"fi": "Rivi 1\nRivi 2"})[0] == 200


def test_an_inactive_host_and_a_service_without_mail_have_codes(
    tmp_path: Path, central_url: str
) -> None:
    with staff_site(tmp_path, central_url, mail=False) as site:
        status, body = _invite(site, email="eeva@okm.example")
        assert (status, body["code"]) == (422, "mail_not_set_up")
        with site.service.store.engine.begin() as conn:
            conn.execute(update(Person).where(Person.id == site.host_id).values(active=False))
        token = site.staff_token("staff-x", "admin@lab.example")
        with site.client(token) as client, pytest.raises(Refused) as refused:
            client.invite(
                InviteRequest(
                    "Eeva", site.host_id, NOON + timedelta(hours=1), NOON + timedelta(hours=2)
                )
            )
    assert (refused.value.code, refused.value.params) == (
        "host_inactive",
        {"host": str(site.host_id)},
    )
    assert "no longer active" in refused.value.reason


CSV = (
    "name,host,email,single_use,valid_from\n"
    "Eeva Ek,mikko@lab.example,eeva@okm.example,,\n"
    ",mikko@lab.example,,,\n"
    "Olli Oja,nobody@lab.example,,,\n"
    "Pia Puu,mikko@lab.example,not-an-address,,\n"
    "Saku Salo,mikko@lab.example,,maybe,\n"
    "Tuuli Tie,mikko@lab.example,,,tomorrow\n"
    "Ulla Uusi,mikko@lab.example,,,,extra\n"
)


def test_each_failing_csv_row_carries_its_code(site: Site) -> None:
    with site.client() as client:
        preview = client.preview_invites_csv(CSV)
    codes = {r.line: (r.code, r.params) for r in preview.refused}
    assert codes == {
        3: ("name_missing", {"column": "name"}),
        4: ("unknown_host", {"host": "nobody@lab.example", "column": "host"}),
        5: ("bad_email", {"address": "not-an-address", "column": "email"}),
        6: ("bad_yes_no", {"column": "single_use", "value": "maybe"}),
        7: ("bad_date", {"column": "valid_from", "value": "tomorrow"}),
        8: ("too_many_fields", {}),
    }
    assert all(r.reason for r in preview.refused)  # the English reason is kept beside it
    assert [r.code for r in preview.rows if r.ok] == [None]


def test_a_whole_csv_refused_has_a_code(site: Site) -> None:
    status, body = _answer(site, "POST", "/v1/staff/invitations/csv", {"csv": "nimi\nEeva\n"})
    assert (status, body["code"]) == (422, "bad_header")
    assert body["params"]["columns"].startswith("name, host")
    # The reason names "the CSV", never the service's temporary file.
    assert body["detail"].startswith("the CSV: the header must name")
    assert "/" not in body["detail"] and "kiosk-staff" not in body["detail"]
    status, body = _answer(site, "POST", "/v1/staff/invitations/csv", {"csv": "a" * 140_000})
    assert (status, body["code"]) == (422, "bad_csv")
    assert body["detail"].startswith("the CSV: line 1:") and "kiosk-staff" not in body["detail"]


def _event(site: Site, **fields: Any) -> tuple[int, dict[str, Any]]:
    body = {
        "title": {"fi": "Avoimet ovet"},
        "starts_at": _at(timedelta(days=1)),
        "ends_at": _at(timedelta(days=1, hours=2)),
        **fields,
    }
    return _answer(site, "POST", "/v1/staff/events", body)


def test_event_refusals_carry_codes(site: Site) -> None:
    cases = [
        ({"title": {"fi": "  "}}, "title_missing", {}),
        ({"ends_at": _at(timedelta(hours=20))}, "ends_before_start", {}),
        ({"ends_at": _at(timedelta(days=20))}, "event_too_long", {"days": "14"}),
        ({"online_url": "javascript:alert(1)"}, "bad_link", {}),
        ({"room_id": "nowhere"}, "unknown_room", {"rooms": "nowhere"}),
        ({"id": str(uuid.uuid4())}, "unknown_event", {}),
    ]
    for fields, code, params in cases:
        status, body = _event(site, **fields)
        assert (status, body["code"], body["params"]) == (422, code, params), fields
    status, body = _answer(
        site, "POST", f"/v1/staff/events/{uuid.uuid4()}/tickets", {"csv": "name\nEeva\n"}
    )
    assert (status, body["code"]) == (404, "unknown_event")


def test_mode_period_and_report_refusals_carry_codes(site: Site) -> None:
    until = _at(timedelta(hours=1))
    status, body = _answer(
        site,
        "POST",
        "/v1/staff/modes",
        {"room_id": "aurora", "mode": "closed", "until": _at(-timedelta(hours=1))},
    )
    assert (status, body["code"]) == (422, "ends_before_start")
    with site.service.store.engine.begin() as conn:
        conn.execute(update(Person).where(Person.id == site.host_id).values(role="member"))
    status, body = _answer(
        site, "POST", "/v1/staff/modes", {"room_id": "aurora", "mode": "closed", "until": until}
    )
    assert (status, body["code"]) == (409, "mode_not_allowed")
    day = NOON.date()
    for since, until_day, code, params in [
        (day, day - timedelta(days=1), "ends_before_start", {}),
        (day - timedelta(days=400), day, "period_too_long", {"days": "366"}),
    ]:
        query = {"since": since.isoformat(), "until": until_day.isoformat()}
        status, body = _answer(site, "GET", "/v1/staff/feedback", params=query)
        assert (status, body["code"], body["params"]) == (422, code, params)
    query = {"since": day.isoformat(), "until": day.isoformat(), "fmt": "pdf"}
    assert _answer(site, "GET", "/v1/staff/report", params=query)[1]["code"] == "pdf_unavailable"
    query["fmt"] = "html"
    status, body = _answer(site, "GET", "/v1/staff/report", params=query)
    assert (status, body["code"]) == (409, "nothing_to_report")
    assert body["params"] == {"since": day.isoformat(), "until": day.isoformat()}


def test_too_many_requests_says_when_to_try_again(tmp_path: Path, central_url: str) -> None:
    rates = {**DEFAULT_RATES, "staff_read": Rate(per_second=0.01, burst=1)}
    with staff_site(tmp_path, central_url, rates=rates) as site, site.client() as client:
        client.whoami()
        with pytest.raises(Refused) as refused:
            client.whoami()
    assert refused.value.code == "rate_limited"
    assert int(refused.value.params["retry_after"]) > 0


def test_a_reason_no_pattern_knows_falls_back_to_refused() -> None:
    assert refusal_of("the moon is in the way").code == FALLBACK
    assert refusal_of("host 'x@lab.example' is no longer active").params == {
        "host": "x@lab.example"
    }


def test_an_older_service_without_codes_is_read_as_refused() -> None:
    from kiosk.console.client import _raise_for

    older = httpx.Response(409, json={"detail": "the room is closed"})
    with pytest.raises(Refused) as refused:
        _raise_for(older)
    assert (refused.value.code, refused.value.reason) == ("refused", "the room is closed")
