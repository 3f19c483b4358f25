"""Invitation e-mails from `kiosk admin invite`: caught by a real SMTP server, the inline QR
decoded and scanned at a lobby; resend, revoke, a bad address, the retention purge."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select

from kiosk.base.clock import SystemClock
from kiosk.cli.main import main
from kiosk.config.settings import load_config
from kiosk.lobby.invite_delivery import deliver_embedded
from kiosk.lobby.retention import purge_visitors
from kiosk.lobby.visitor_checkin import VisitorCheckinService
from kiosk.store.engine import Store, open_store
from kiosk.store.models import InvitationEmail
from kiosk.sync.engine import SyncEngine
from kiosk.views.screens import ScanResult
from tests.lobby.mail_helpers import (
    Inbox,
    attachments,
    free_port,
    inline_qr,
    smtp_config,
    smtp_server,
)
from tests.stores import local, row_counts

HOST = "mikko@lab.example"
VISITOR = "eeva.ek@okm.example"


def admin(config: Path, *args: str) -> int:
    return main(["admin", "--config", str(config), *args])


def run_json(config: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    capsys.readouterr()
    assert admin(config, *args, "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert isinstance(out, dict)
    return out


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
def config(tmp_path: Path, central_url: str, port: int) -> Path:
    path = smtp_config(tmp_path / "kiosk.toml", central_url, port)
    assert admin(path, "init") == 0
    assert (
        admin(path, "person", "add", "--name", "Mikko Korhonen", "--email", HOST, "--role", "host")
        == 0
    )
    assert admin(path, "keys", "create") == 0
    return path


@pytest.fixture
def inbox(port: int) -> Iterator[Inbox]:
    with smtp_server(port) as inbox:
        yield inbox


def central(config: Path) -> Store:
    return open_store(load_config(config).central_url, migrate=False)


def emails(config: Path) -> list[InvitationEmail]:
    store = central(config)
    try:
        with store.session() as s:
            return list(s.scalars(select(InvitationEmail).order_by(InvitationEmail.created_at)))
    finally:
        store.dispose()


def lobby_scan(tmp_path: Path, config: Path, token: str) -> ScanResult:
    """The lobby's check-in path: a replica synced from the central store, then the scan."""
    lobby = local(tmp_path)
    clock = SystemClock()
    engine = SyncEngine(
        lobby,
        load_config(config).central_url,
        kiosk_id="lobby-1",
        role="lobby",
        room_id=None,
        clock=clock,
    )
    try:
        engine.cycle()
        return VisitorCheckinService(lobby, clock, "lobby-1").scan(token).result
    finally:
        engine.close()
        lobby.dispose()


def create(config: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    return run_json(config, capsys, "invite", "create", "--name", "Eeva Ek", "--host", HOST, *extra)


def test_the_e_mail_carries_the_code_that_checks_in_at_the_lobby(
    config: Path, inbox: Inbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = create(config, capsys, "--email", VISITOR, "--lang", "sv")
    assert out["email"] == {"id": str(emails(config)[0].id), "status": "sent"}
    assert len(inbox.messages) == 1 and inbox.recipients == [[VISITOR]]
    message = inbox.messages[0]
    assert message["To"] == VISITOR
    assert message["Message-ID"] == f"<{emails(config)[0].id}@lab-kiosk>"
    assert message["Subject"].startswith("Inbjudan: Työ 2.0 Lab, ")
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Mikko Korhonen bjuder in dig" in text and "Mariegatan 9, Helsingfors" in text
    assert "Visa QR-koden för kiosken i lobbyn" in text  # the built-in Swedish arrival text
    files = attachments(message)
    assert set(files) == {"inbjudan.png", "inbjudan.ics"}
    assert files["inbjudan.png"][0] == "image/png"
    ics = Calendar.from_ical(files["inbjudan.ics"][1])
    event = ics.walk("VEVENT")[0]
    assert str(event["uid"]) == f"{out['id']}@lab-kiosk"
    assert event["location"] == "Mariegatan 9, Helsingfors"

    token = inline_qr(message)
    assert token == out["token"]
    assert lobby_scan(tmp_path, config, token) is ScanResult.WELCOME

    row = emails(config)[0]
    assert row.sent_at is not None and row.message is None  # the code is not kept once sent
    assert row.address == VISITOR and row.attempts == 1


def test_the_site_language_is_the_default_and_english_uses_the_configured_arrival_text(
    config: Path, inbox: Inbox, capsys: pytest.CaptureFixture[str]
) -> None:
    create(config, capsys, "--email", VISITOR)
    create(config, capsys, "--email", VISITOR, "--lang", "en")
    fi, en = inbox.messages
    assert fi["Subject"].startswith("Kutsu: Työ 2.0 Lab, ")
    fi_text = fi.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "kutsuu sinut Työ 2.0 Labiin" in fi_text and "Osoite: Mariankatu 9" in fi_text
    en_text = en.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Ring the bell at the green door" in en_text
    assert "Address: Mariankatu 9, Helsinki" in en_text  # no English address: the Finnish one


@pytest.mark.parametrize("bad", ["eeva", "eeva@", "eeva@okm", "a b@okm.example", "x@y..fi"])
def test_a_bad_address_is_refused_with_one_line_and_nothing_is_stored(
    config: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    store = central(config)
    before = row_counts(store)
    capsys.readouterr()
    assert admin(config, "invite", "create", "--name", "E", "--host", HOST, "--email", bad) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--email" in err and "e-mail address" in err
    assert row_counts(store) == before
    store.dispose()


def test_resend_sends_the_same_code_again_with_a_new_message_id(
    config: Path, inbox: Inbox, capsys: pytest.CaptureFixture[str]
) -> None:
    out = create(config, capsys, "--email", VISITOR, "--lang", "en")
    again = run_json(config, capsys, "invite", "resend", str(out["id"]))
    assert again["email"]["status"] == "sent"  # type: ignore[index]
    assert len(inbox.messages) == 2
    first, second = inbox.messages
    assert first["Message-ID"] != second["Message-ID"]
    assert second["Subject"].startswith("Invitation:")  # the last e-mail's language
    assert inline_qr(second) == out["token"]
    other = run_json(
        config, capsys, "invite", "resend", str(out["id"]), "--email", "eeva@home.example"
    )
    assert other["email"]["status"] == "sent"  # type: ignore[index]
    assert inbox.recipients[-1] == ["eeva@home.example"]


def test_resend_without_an_address_and_of_a_revoked_invitation_are_refused(
    config: Path, inbox: Inbox, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = create(config, capsys)
    assert admin(config, "invite", "resend", str(plain["id"])) == 2
    assert "give --email" in capsys.readouterr().err
    mailed = create(config, capsys, "--email", VISITOR)
    assert admin(config, "invite", "revoke", str(mailed["id"])) == 0
    assert admin(config, "invite", "resend", str(mailed["id"])) == 4
    assert len(inbox.messages) == 2  # the invitation and its revocation, nothing more


def test_revoke_tells_the_visitor_and_the_code_stops_working(
    config: Path, inbox: Inbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = create(config, capsys, "--email", VISITOR, "--lang", "fi")
    plain = create(config, capsys)  # no e-mail: revoking it writes to nobody
    done = run_json(config, capsys, "invite", "revoke", str(out["id"]))
    assert done["email"]["status"] == "sent"  # type: ignore[index]
    assert admin(config, "invite", "revoke", str(plain["id"])) == 0
    assert len(inbox.messages) == 2
    revocation = inbox.messages[1]
    assert revocation["To"] == VISITOR and revocation["Subject"].startswith("Kutsu peruttu:")
    text = revocation.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "on peruttu" in text and "QR-koodi" in text
    ics = Calendar.from_ical(attachments(revocation)["cancel.ics"][1])
    assert ics["method"] == "CANCEL"
    assert str(ics.walk("VEVENT")[0]["uid"]) == f"{out['id']}@lab-kiosk"
    assert lobby_scan(tmp_path, config, str(out["token"])) is ScanResult.WITHDRAWN


def test_the_retention_purge_erases_the_address(
    config: Path, capsys: pytest.CaptureFixture[str], port: int
) -> None:
    out = create(config, capsys, "--email", VISITOR)  # no server: the e-mail stays queued
    row = emails(config)[0]
    assert row.address == VISITOR and row.message is not None and row.sent_at is None
    assert VISITOR.encode() in row.message
    store = central(config)
    try:
        with store.engine.begin() as conn:
            report = purge_visitors(conn, SystemClock().now() + timedelta(days=200), 90)
    finally:
        store.dispose()
    assert len(report.anonymised) == 1
    row = emails(config)[0]
    assert str(row.invitation_id) == out["id"]
    assert row.address is None and row.message is None and row.last_error is None
    assert row.failed_at is not None  # never sent now: given up, not retried for ever
    cfg = load_config(config)
    with smtp_server(port) as inbox:
        mail = deliver_embedded(cfg.central_url, cfg.notify, cfg.tz, SystemClock())
        assert mail is not None and mail.sent == 0 and mail.waiting == 0
        assert inbox.messages == []


def test_kiosk_sync_retries_what_the_command_could_not_send(
    tmp_path: Path, port: int, capsys: pytest.CaptureFixture[str]
) -> None:
    config = smtp_config(tmp_path / "kiosk.toml", f"sqlite:///{tmp_path / 'c.db'}", port)
    assert admin(config, "init") == 0
    assert admin(config, "person", "add", "--name", "M K", "--email", HOST, "--role", "host") == 0
    assert admin(config, "keys", "create") == 0
    out = create(config, capsys, "--email", VISITOR)  # the mail server is down
    assert str(out["email"]["status"]).startswith("queued")  # type: ignore[index]
    assert admin(config, "invite", "list") == 0  # the invitation itself is stored
    store = central(config)
    try:  # the retry is due 30 s later: let that time pass
        with store.engine.begin() as conn:
            conn.execute(
                InvitationEmail.__table__.update().values(  # type: ignore[attr-defined]
                    next_attempt_at=SystemClock().now() - timedelta(seconds=1)
                )
            )
    finally:
        store.dispose()
    with smtp_server(port) as inbox:
        capsys.readouterr()
        assert main(["sync", "--config", str(config)]) == 0
        assert "invitation e-mails: sent 1, waiting 0" in capsys.readouterr().out
        assert main(["sync", "--config", str(config)]) == 0
    assert len(inbox.messages) == 1 and inline_qr(inbox.messages[0]) == out["token"]


def test_the_csv_import_e_mails_each_row_with_an_address(
    config: Path, inbox: Inbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "guests.csv"
    csv.write_text(
        "name,host,email,lang\n"
        f"Anna A,{HOST},anna@okm.example,sv\n"
        f"Bertil B,{HOST},not-an-address,\n"
        f"Cecilia C,{HOST},,\n"
        f"Dan D,{HOST},dan@okm.example,\n",
        encoding="utf-8",
    )
    out_dir = tmp_path / "cards"
    out_dir.mkdir()
    capsys.readouterr()
    assert admin(config, "invite", "import", str(csv), "--out", str(out_dir), "--lang", "en") == 1
    captured = capsys.readouterr()
    assert "line 3: email: 'not-an-address' is not an e-mail address" in captured.err
    assert "e-mails sent" in captured.err
    assert sorted(r[0] for r in inbox.recipients) == ["anna@okm.example", "dan@okm.example"]
    subjects = sorted(m["Subject"].split(":")[0] for m in inbox.messages)
    assert subjects == ["Inbjudan", "Invitation"]  # the row's lang, else --lang
    assert len(emails(config)) == 2


def test_a_running_kiosk_retries_on_its_notification_thread(
    tmp_path: Path, port: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk run` in the embedded set-up: the host-notification worker also passes over the
    central outbox (ui/shell/app.py adds this pass)."""
    from functools import partial

    from kiosk.lobby.notify import LogNotifier
    from kiosk.lobby.notify_queue import NotificationQueue, NotificationWorker
    from tests.helpers import wait_for

    config = smtp_config(tmp_path / "kiosk.toml", f"sqlite:///{tmp_path / 'c.db'}", port)
    assert admin(config, "init") == 0
    assert admin(config, "person", "add", "--name", "M K", "--email", HOST, "--role", "host") == 0
    assert admin(config, "keys", "create") == 0
    create(config, capsys, "--email", VISITOR)  # the mail server is down: queued
    cfg = load_config(config)
    lobby = local(tmp_path)
    clock = SystemClock()
    queue = NotificationQueue(lobby, LogNotifier(), clock, "lobby-1")
    mail = partial(deliver_embedded, cfg.central_url, cfg.notify, cfg.tz, clock)
    worker = NotificationWorker(queue, interval=0.1, also=[mail])
    store = central(config)
    with store.engine.begin() as conn:  # the retry's 30 s have passed
        conn.execute(
            InvitationEmail.__table__.update().values(  # type: ignore[attr-defined]
                next_attempt_at=clock.now() - timedelta(seconds=1)
            )
        )
    store.dispose()
    with smtp_server(port) as inbox:
        worker.start()
        try:
            wait_for(lambda: len(inbox.messages) == 1, 60, "the kiosk's retry")
        finally:
            worker.stop()
            lobby.dispose()
    assert emails(config)[0].sent_at is not None


def test_revoke_without_mail_set_up_still_revokes_and_says_the_visitor_was_not_told(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = create(config, capsys, "--email", VISITOR)  # queued: no server listens
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('sender = "lab-kiosk@lab.example"\n', "").replace(
            'method = "smtp"', 'method = "log"'
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert admin(config, "invite", "revoke", str(out["id"])) == 0
    assert "not told by e-mail" in capsys.readouterr().err
    capsys.readouterr()
    assert admin(config, "invite", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["status"] == "revoked"
    assert [e.kind for e in emails(config)] == ["invitation"]
