"""The real `kiosk central serve` sends the invitation e-mail that `kiosk admin invite create
--email` queued in PostgreSQL; the QR in it checks in at a lobby that syncs through it."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from tests.e2e.conftest import kiosk_command, kiosk_env
from tests.helpers import wait_for
from tests.lobby.mail_helpers import free_port, inline_qr, smtp_config, smtp_server

pytestmark = pytest.mark.e2e

Run = Callable[..., subprocess.CompletedProcess[str]]
HOST = "mikko@lab.example"


def _answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def test_the_service_process_sends_the_invitation_e_mail(
    tmp_path: Path, pg_url: str, run_kiosk: Run
) -> None:
    mail_port, port = free_port(), free_port()
    admin = smtp_config(tmp_path / "admin.toml", pg_url, mail_port, delivery="auto")
    for args in (
        ("init",),
        ("person", "add", "--name", "Mikko Korhonen", "--email", HOST, "--role", "host"),
        ("keys", "create"),
    ):
        done = run_kiosk("admin", "--config", str(admin), *args)
        assert done.returncode == 0, done.stderr
    service_config = tmp_path / "central.toml"
    service_config.write_text(
        f'[service]\nstore = "{pg_url}"\nlisten = "127.0.0.1:{port}"\n'
        f'[notify]\nmethod = "smtp"\nsmtp_host = "127.0.0.1"\nsmtp_port = {mail_port}\n'
        'smtp_security = "none"\nsender = "lab-kiosk@lab.example"\nretry_seconds = 0.5\n',
        encoding="utf-8",
    )
    with smtp_server(mail_port) as inbox:
        done = run_kiosk(
            "admin", "--config", str(admin), "invite", "create", "--name", "Eeva Ek",
            "--host", HOST, "--email", "eeva@okm.example", "--lang", "en", "--json",
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        out = json.loads(done.stdout)
        assert out["email"]["status"] == "queued for the central sync service"
        assert inbox.messages == []
        server = subprocess.Popen(
            [*kiosk_command(), "central", "serve", "--config", str(service_config)],
            env=kiosk_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            wait_for(lambda: bool(inbox.messages) or server.poll() is not None, 60, "the e-mail")
            assert server.poll() is None, server.communicate()[1][-2000:]
            wait_for(lambda: _answers(port), 30, "the service, still serving kiosks")
        finally:
            server.terminate()
            server.communicate(timeout=15)
    assert len(inbox.messages) == 1
    assert inline_qr(inbox.messages[0]) == out["token"]
