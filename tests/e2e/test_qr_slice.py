"""QR check-in end to end with the real commands: ``kiosk admin invite create --qr --json`` makes
the card, zxing-cpp decodes its PNG, a pseudo-terminal scanner types the code into the real
``kiosk run`` process, and the central store ends up with exactly one check-in for that
invitation; a foreign code stores nothing."""

from __future__ import annotations

import json
import signal
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from devices.simulate import PtySimulator
from kiosk.base.clock import SystemClock
from kiosk.demo.data import create_demo
from kiosk.store.engine import open_store
from kiosk.store.models import Checkin, KioskRecord
from tests.e2e.conftest import kiosk_command, kiosk_env
from tests.helpers import wait_for
from tests.security.tokens.helpers import read_qr_codes

pytestmark = pytest.mark.e2e


def test_invite_token_on_a_pty_scanner_is_one_check_in_centrally(tmp_path: Path, run_kiosk) -> None:  # type: ignore[no-untyped-def]
    demo = create_demo(tmp_path, SystemClock().now())
    admin = tmp_path / "admin.toml"
    admin.write_text(
        f'[kiosk]\nid = "admin-1"\ndata_dir = "{tmp_path / "admin"}"\n'
        f'[central]\nurl = "{demo.central_url}"\n'
        f'[security]\nsite_key_file = "{demo.site_key_file}"\n',
        encoding="utf-8",
    )
    done = run_kiosk("admin", "--config", str(admin), "keys", "create")
    assert done.returncode == 0, done.stderr
    card = tmp_path / "card.png"
    done = run_kiosk(
        "admin", "--config", str(admin), "invite", "create", "--name", "Eeva Ek",
        "--host", "mikko.korhonen@lab.example", "--single-use", "--qr", str(card), "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    created = json.loads(done.stdout)
    # What the scanner reads is what the printed card carries: decode the PNG like a camera.
    from PIL import Image

    [decoded] = read_qr_codes(Image.open(card))
    assert decoded.text == created["token"]

    with PtySimulator("scanner") as scanner:
        config = demo.write_config("lobby-1", "lobby")
        with config.open("a", encoding="utf-8") as fh:
            fh.write(f'\n[[readers]]\nname = "qr"\nport = "{scanner.path}"\nprotocol = "scanner"\n')
        proc = subprocess.Popen(
            [*kiosk_command(), "run", "--config", str(config), "--exit-after", "120"],
            env=kiosk_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        central = open_store(demo.central_url, migrate=False)
        err = ""
        try:

            def reader_up() -> bool:
                with central.engine.connect() as conn:
                    status = conn.execute(select(KioskRecord.status)).scalar()
                return bool(status) and status["readers"]["qr"]["state"] == "connected"

            def checkins() -> list[tuple[str, str]]:
                with central.engine.connect() as conn:
                    rows = conn.execute(select(Checkin.direction, Checkin.invitation_id)).all()
                return [(r.direction, str(r.invitation_id)) for r in rows]

            def last_seen() -> object:
                with central.engine.connect() as conn:
                    return conn.execute(select(KioskRecord.last_seen_at)).scalar()

            wait_for(lambda: proc.poll() is not None or reader_up(), 30, "scanner connected")
            assert proc.poll() is None, proc.communicate()[1]

            scanner.present("WIFI:T:WPA;S:Lab;P:secret;;")
            scanner.present(decoded.text)
            wait_for(lambda: len(checkins()) >= 1, 20, "the check-in on the central store")
            scanner.present(created["token"])  # again right away: greeted, not stored
            for _ in range(2):  # two more sync cycles: a doubled check-in would show up
                seen = last_seen()
                wait_for(lambda seen=seen: last_seen() != seen, 20, "another sync cycle")
            assert checkins() == [("in", created["id"])]
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                _out, err = proc.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                _out, err = proc.communicate()
            central.dispose()
    assert proc.returncode == 0, err
    assert "scan refused at lobby-1: not_a_lab_code" in err
    assert "visitor checked in with an invitation at lobby-1" in err
    assert created["token"][4:30] not in err and "Eeva" not in err
