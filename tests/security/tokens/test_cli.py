"""`kiosk admin keys` and `kiosk admin invite`: what they store, print and draw; bad input."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.config.settings import load_config
from kiosk.security.tokens import TokenError, TokenKind, TokenReason, verify
from kiosk.store.engine import open_store
from tests.security.tokens.helpers import (
    HOST,
    admin,
    central_dump,
    public_keys,
    read_qr_codes,
    run_json,
)


def test_keys_create_rotate_retire_list(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(config, capsys, "keys", "list") == []
    assert admin(config, "keys", "create") == 0
    assert admin(config, "keys", "create") == 4  # a second create is refused: rotate instead
    assert "rotate" in capsys.readouterr().err
    first = run_json(config, capsys, "keys", "list")
    assert isinstance(first, list) and len(first) == 1
    old = first[0]["key_id"]
    assert first[0]["current"] and first[0]["private_key_here"]
    pem = config.parent / "data" / "signing-keys" / f"{old}.pem"
    assert pem.stat().st_mode & 0o777 == 0o600
    assert "PRIVATE" in pem.read_text()
    assert "PRIVATE" not in repr(central_dump(config))
    assert pem.read_text() not in repr(central_dump(config))

    assert admin(config, "keys", "rotate") == 0
    keys = run_json(config, capsys, "keys", "list")
    assert isinstance(keys, list)
    assert [k["current"] for k in keys] == [False, True]
    assert set(public_keys(config)) == {old, keys[1]["key_id"]}  # the old one still verifies

    assert admin(config, "keys", "retire", old) == 0
    assert set(public_keys(config)) == {keys[1]["key_id"]}
    assert admin(config, "keys", "retire", old) == 4
    assert admin(config, "keys", "retire", "00000000") == 3


def test_signing_keys_reach_every_kiosk_role(keyed: Path) -> None:
    from sqlalchemy import select

    from kiosk.store.models import Change, table_of
    from kiosk.sync.replication import ROLE_AUDIENCES

    changes = table_of(Change)
    store = open_store(load_config(keyed).central_url, migrate=False)
    try:
        with store.engine.connect() as conn:
            audiences = conn.execute(
                select(changes.c.audience).where(changes.c.entity == "signing_keys")
            ).all()
    finally:
        store.dispose()
    assert len(audiences) == 1
    for role in ("lobby", "door"):
        assert audiences[0].audience in ROLE_AUDIENCES[role]


def test_invite_create_json_token_and_card(
    keyed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zxingcpp
    from PIL import Image

    card = tmp_path / "card.png"
    out = run_json(
        keyed,
        capsys,
        "invite",
        "create",
        "--name",
        "Åsa  Öberg",
        "--host",
        HOST,
        "--organisation",
        "Valtiokonttori",
        "--single-use",
        "--qr",
        str(card),
    )
    assert isinstance(out, dict)
    token = out["token"]
    verified = verify(token, public_keys(keyed), datetime.now(UTC))
    assert verified.invitation_id == uuid.UUID(out["id"])
    assert verified.kind is TokenKind.VISITOR
    assert verified.valid_to - verified.valid_from in (
        timedelta(hours=23),
        timedelta(hours=24),
        timedelta(hours=25),
    )

    found = read_qr_codes(Image.open(card))
    assert [b.text for b in found] == [token]
    assert found[0].format == zxingcpp.BarcodeFormat.QRCode

    rows = central_dump(keyed)
    assert len(rows["visitors"]) == 1 and len(rows["invitations"]) == 1
    assert "Åsa Öberg" in repr(rows["visitors"])
    assert token not in repr(rows)  # the token is not stored; it is made again on demand
    feed = repr(rows["changes"])
    assert feed.count("'visitors'") == 1 and feed.count("'invitations'") == 1

    listed = run_json(keyed, capsys, "invite", "list")
    assert isinstance(listed, list)
    assert [(i["id"], i["visitor"], i["host"], i["single_use"], i["status"]) for i in listed] == [
        (out["id"], "Åsa Öberg", "Mikko Korhonen", True, "valid")
    ]


def test_invite_revoke(keyed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(keyed, capsys, "invite", "create", "--name", "A", "--host", HOST)
    assert isinstance(out, dict)
    assert admin(keyed, "invite", "revoke", out["id"]) == 0
    listed = run_json(keyed, capsys, "invite", "list")
    assert isinstance(listed, list) and listed[0]["status"] == "revoked"
    assert admin(keyed, "invite", "revoke", out["id"]) == 4
    assert admin(keyed, "invite", "revoke", str(uuid.uuid4())) == 3
    assert admin(keyed, "invite", "revoke", "not-an-id") == 2


def test_explicit_window_in_the_site_zone(keyed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(
        keyed,
        capsys,
        "invite",
        "create",
        "--name",
        "A",
        "--host",
        HOST,
        "--valid-from",
        "2030-03-12",
        "--valid-to",
        "2030-03-13",
    )
    assert isinstance(out, dict)
    assert (out["valid_from"], out["valid_to"]) == (
        "2030-03-12T00:00:00+02:00",
        "2030-03-14T00:00:00+02:00",
    )
    with pytest.raises(TokenError) as info:
        verify(out["token"], public_keys(keyed), datetime(2030, 3, 11, 12, tzinfo=UTC))
    assert info.value.reason is TokenReason.NOT_YET_VALID
    out = run_json(
        keyed,
        capsys,
        "invite",
        "create",
        "--name",
        "B",
        "--host",
        HOST,
        "--valid-from",
        "2030-03-12T09:30",
        "--valid-to",
        "2030-03-12T16:00:00Z",
    )
    assert isinstance(out, dict)
    assert (out["valid_from"], out["valid_to"]) == (
        "2030-03-12T09:30:00+02:00",
        "2030-03-12T18:00:00+02:00",
    )


def test_a_retired_key_cannot_sign_and_its_tokens_stop_verifying(
    keyed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_json(keyed, capsys, "invite", "create", "--name", "A", "--host", HOST)
    assert isinstance(out, dict)
    key_id = verify(out["token"], public_keys(keyed), datetime.now(UTC)).key_id
    assert admin(keyed, "keys", "rotate") == 0
    assert verify(out["token"], public_keys(keyed), datetime.now(UTC)).key_id == key_id
    assert admin(keyed, "keys", "retire", key_id) == 0
    with pytest.raises(TokenError) as info:
        verify(out["token"], public_keys(keyed), datetime.now(UTC))
    assert info.value.reason is TokenReason.UNKNOWN_KEY


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--name", "A", "--host", HOST, "--valid-from", "tomorrow"], 2, "not an ISO date"),
        (["--name", "A", "--host", HOST, "--valid-to", "2030-02-30"], 2, "not an ISO date"),
        (["--name", "A", "--host", "nobody@x.fi"], 3, "no person"),
        (
            [
                "--name",
                "A",
                "--host",
                HOST,
                "--valid-from",
                "2030-03-12",
                "--valid-to",
                "2030-03-11",
            ],
            2,
            "must be after",
        ),
        (
            [
                "--name",
                "A",
                "--host",
                HOST,
                "--valid-from",
                "2020-01-01",
                "--valid-to",
                "2020-01-02",
            ],
            2,
            "already be over",
        ),
        (["--name", "   ", "--host", HOST], 2, "must not be empty"),
        (["--name", "A", "--host", HOST, "--qr", "card.jpg"], 2, ".png"),
        (["--name", "A", "--host", HOST, "--qr", "/nonexistent/dir/c.png"], 2, "does not exist"),
        (
            [
                "--name",
                "A",
                "--host",
                HOST,
                "--valid-from",
                "2030-01-01",
                "--valid-to",
                "2032-01-01",
            ],
            2,
            "one year",
        ),
    ],
)
def test_bad_invitations_are_refused_and_change_nothing(
    keyed: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    before = central_dump(keyed)
    capsys.readouterr()
    assert admin(keyed, "invite", "create", *args) == code
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert central_dump(keyed) == before


def test_no_key_or_a_missing_private_key_changes_nothing(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = central_dump(config)
    capsys.readouterr()
    assert admin(config, "invite", "create", "--name", "A", "--host", HOST) == 1
    assert "keys create" in capsys.readouterr().err
    assert central_dump(config) == before

    assert admin(config, "keys", "create") == 0
    for pem in (config.parent / "data" / "signing-keys").glob("*.pem"):
        pem.unlink()
    before = central_dump(config)
    capsys.readouterr()
    assert admin(config, "invite", "create", "--name", "A", "--host", HOST) == 2
    assert "not on this machine" in capsys.readouterr().err
    assert central_dump(config) == before


def test_invite_list_prints_an_invitation_left_at_the_end_of_time(
    keyed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record from before the staff console bounded dates (year 9999) is listed in UTC."""
    from sqlalchemy import update

    from kiosk.store.models import Invitation

    out = run_json(keyed, capsys, "invite", "create", "--name", "Aika Loppu", "--host", HOST)
    assert isinstance(out, dict)
    far = datetime(9999, 12, 31, 23, 0, tzinfo=UTC)
    store = open_store(load_config(keyed).central_url, migrate=False)
    try:
        with store.engine.begin() as conn:
            conn.execute(
                update(Invitation).values(valid_from=far - timedelta(hours=1), valid_to=far)
            )
    finally:
        store.dispose()
    listed = run_json(keyed, capsys, "invite", "list")
    assert isinstance(listed, list)
    assert listed[0]["valid_to"] == "9999-12-31T23:00:00+00:00"
    assert admin(keyed, "invite", "list") == 0
    assert "Aika Loppu" in capsys.readouterr().out
