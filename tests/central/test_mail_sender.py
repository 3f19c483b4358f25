"""The central sync service sends invitation e-mails: `[notify]` in its settings file, and the
sender loop each service process runs against the central store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.base.errors import ConfigError
from kiosk.central.server import load_settings, mail_sender, open_service_store
from kiosk.cli.main import main
from tests.helpers import wait_for
from tests.lobby.mail_helpers import free_port, inline_qr, smtp_config, smtp_server

HOST = "mikko@lab.example"


def settings_file(path: Path, store: str, port: int, extra: str = "") -> Path:
    path.write_text(
        f'[service]\nstore = "{store}"\n'
        f'[notify]\nmethod = "smtp"\nsmtp_host = "127.0.0.1"\nsmtp_port = {port}\n'
        f'smtp_security = "none"\nsender = "lab-kiosk@lab.example"\nretry_seconds = 0.2\n{extra}',
        encoding="utf-8",
    )
    return path


def test_notify_in_the_settings_file_is_checked_like_kiosk_toml(tmp_path: Path) -> None:
    path = settings_file(tmp_path / "central.toml", "sqlite:///c.db", 2525)
    settings = load_settings(str(path), None, None, None)
    assert settings.notify is not None and settings.notify["smtp_port"] == 2525
    json.dumps(settings.notify)  # it travels to the worker processes as JSON
    bad = settings_file(tmp_path / "bad.toml", "sqlite:///c.db", 2525, "smtp_prot = 1\n")
    with pytest.raises(ConfigError, match=r"notify\.smtp_prot"):
        load_settings(str(bad), None, None, None)
    plain = tmp_path / "plain.toml"
    plain.write_text('[service]\nstore = "sqlite:///c.db"\n', encoding="utf-8")
    assert load_settings(str(plain), None, None, None).notify is None


def test_the_service_sends_what_the_admin_command_queued(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    port = free_port()
    config = smtp_config(tmp_path / "kiosk.toml", pg_url, port, delivery="auto")
    admin = ["admin", "--config", str(config)]
    assert main([*admin, "init"]) == 0
    assert main([*admin, "person", "add", "--name", "M K", "--email", HOST, "--role", "host"]) == 0
    assert main([*admin, "keys", "create"]) == 0
    capsys.readouterr()
    with smtp_server(port) as inbox:
        args = ["invite", "create", "--name", "Eeva Ek", "--host", HOST, "--json"]
        assert main([*admin, *args, "--email", "eeva@okm.example"]) == 0
        out = json.loads(capsys.readouterr().out)
        assert out["email"]["status"] == "queued for the central sync service"
        assert inbox.messages == []  # a PostgreSQL store: the command leaves it to the service
        settings = load_settings(
            str(settings_file(tmp_path / "central.toml", pg_url, port)), None, None, None
        )
        store = open_service_store(settings)
        sender = mail_sender(settings, store)
        sender.start()
        try:
            wait_for(lambda: len(inbox.messages) == 1, 60, "the service's e-mail")
        finally:
            sender.stop()
            store.dispose()
    assert inline_qr(inbox.messages[0]) == out["token"]
