"""Refused codes end to end: the real ``kiosk run`` with a pseudo-terminal scanner.

A forged code (one character changed), an expired one, a withdrawn one, a spent single-use one
and foreign texts each get their own answer (the log line names the reason) and store nothing;
between them, valid codes keep working, so no refusal blocks the next scan. The central store
ends up with exactly the check-ins of the valid scans.
"""

from __future__ import annotations

import json
import signal
import subprocess
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from devices.simulate import PtySimulator
from kiosk.base.clock import SystemClock
from kiosk.demo.data import create_demo
from kiosk.security.signing_keys import current_signing_key
from kiosk.security.tokens import TokenKind, sign
from kiosk.store.engine import open_store
from kiosk.store.models import Checkin, KioskRecord
from tests.e2e.conftest import kiosk_command, kiosk_env
from tests.helpers import wait_for

pytestmark = pytest.mark.e2e


def _one_char_changed(token: str) -> str:
    """The token with one character of its signature changed, still valid base45: a forgery
    that only the signature check can catch."""
    import base45

    i = len(token) - 10
    for char in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        forged = token[:i] + char + token[i + 1 :]
        try:
            base45.b45decode(forged[4:])
        except ValueError:
            continue
        if forged != token:
            return forged
    raise AssertionError("no one-character forgery found")


def test_each_refused_code_is_told_and_stores_nothing(tmp_path: Path, run_kiosk) -> None:  # type: ignore[no-untyped-def]
    now = SystemClock().now().replace(microsecond=0)
    demo = create_demo(tmp_path, now)
    admin = tmp_path / "admin.toml"
    admin.write_text(
        f'[kiosk]\nid = "admin-1"\ndata_dir = "{tmp_path / "admin"}"\n'
        f'[central]\nurl = "{demo.central_url}"\n'
        f'[security]\nsite_key_file = "{demo.site_key_file}"\n',
        encoding="utf-8",
    )
    assert run_kiosk("admin", "--config", str(admin), "keys", "create").returncode == 0

    def invite(*extra: str) -> dict[str, str]:
        done = run_kiosk(
            "admin", "--config", str(admin), "invite", "create", "--name", "Eeva Ek",
            "--host", "mikko.korhonen@lab.example", "--json", *extra,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        created: dict[str, str] = json.loads(done.stdout)
        return created

    single = invite("--single-use")
    withdrawn = invite()
    done = run_kiosk("admin", "--config", str(admin), "invite", "revoke", withdrawn["id"])
    assert done.returncode == 0, done.stderr
    central = open_store(demo.central_url, migrate=False)
    with central.engine.connect() as conn:
        _key_id, key = current_signing_key(conn, tmp_path / "admin")
    expired = sign(
        key,
        invitation_id=uuid.uuid4(),
        kind=TokenKind.VISITOR,
        valid_from=now - timedelta(days=3),
        valid_to=now - timedelta(days=2),
    )

    with PtySimulator("scanner") as scanner:
        config = demo.write_config("lobby-1", "lobby")
        with config.open("a", encoding="utf-8") as fh:
            fh.write(f'\n[[readers]]\nname = "qr"\nport = "{scanner.path}"\nprotocol = "scanner"\n')
            fh.write("hold_off = 0.01\n")  # the same code again is a new scan, not a held one
            fh.write("\n[lobby]\nrepeat_scan_seconds = 0.001\n")  # a second scan checks out
        proc = subprocess.Popen(
            [*kiosk_command(), "run", "--config", str(config), "--exit-after", "120"],
            env=kiosk_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        err = ""
        try:

            def reader_up() -> bool:
                with central.engine.connect() as conn:
                    status = conn.execute(select(KioskRecord.status)).scalar()
                return bool(status) and status["readers"]["qr"]["state"] == "connected"

            def checkins() -> list[tuple[str, str]]:
                with central.engine.connect() as conn:
                    rows = conn.execute(
                        select(Checkin.direction, Checkin.invitation_id).order_by(Checkin.at)
                    ).all()
                return [(r.direction, str(r.invitation_id)) for r in rows]

            wait_for(lambda: proc.poll() is not None or reader_up(), 30, "scanner connected")
            assert proc.poll() is None, proc.communicate()[1]
            # The revocation reached the lobby with its first sync (the reader is up after it).
            scanner.present(_one_char_changed(single["token"]))
            scanner.present(expired)
            scanner.present(withdrawn["token"])
            scanner.present("https://example.com/?" + "x" * 2000)
            scanner.present(single["token"])  # in
            wait_for(lambda: len(checkins()) >= 1, 20, "the check-in on the central store")
            scanner.present(single["token"])  # out
            wait_for(lambda: len(checkins()) >= 2, 20, "the check-out on the central store")
            scanner.present(single["token"])  # spent: refused
            scanner.present(withdrawn["token"])  # still refused
            with central.engine.connect() as conn:
                seen = conn.execute(select(KioskRecord.last_seen_at)).scalar()

            def synced_again() -> bool:
                with central.engine.connect() as conn:
                    return conn.execute(select(KioskRecord.last_seen_at)).scalar() != seen

            wait_for(synced_again, 20, "another sync cycle")
            assert checkins() == [("in", single["id"]), ("out", single["id"])]
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                _out, err = proc.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                _out, err = proc.communicate()
            central.dispose()
    assert proc.returncode == 0, err
    refusals = [line.split("scan refused at lobby-1: ")[1] for line in err.splitlines() if
                "scan refused at lobby-1: " in line]  # fmt: skip
    assert refusals == [
        "bad_signature",
        "expired",
        "withdrawn",
        "not_a_lab_code (too long)",
        "single-use code used again",
        "withdrawn",
    ], err
    assert single["token"][4:30] not in err and "Eeva" not in err
