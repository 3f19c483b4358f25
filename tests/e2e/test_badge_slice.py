"""The walking skeleton end to end: the real ``kiosk run`` process, a card held on a pty reader,
exactly one check-in on the central store, listed by ``kiosk admin who-is-in``."""

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

pytestmark = pytest.mark.e2e


def test_held_card_on_a_pty_is_one_check_in_on_the_central_store(tmp_path: Path, run_kiosk) -> None:  # type: ignore[no-untyped-def]
    demo = create_demo(tmp_path, SystemClock().now())
    with PtySimulator("rdm6300") as simulator:
        config = demo.write_config("lobby-1", "lobby", reader_port=simulator.path)
        proc = subprocess.Popen(
            [*kiosk_command(), "run", "--config", str(config), "--exit-after", "120"],
            env=kiosk_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        central = open_store(demo.central_url, migrate=False)
        try:

            def heartbeat() -> dict[str, object] | None:
                with central.engine.connect() as conn:
                    row = conn.execute(select(KioskRecord.status)).first()
                return row.status if row else None

            def last_seen() -> object:
                with central.engine.connect() as conn:
                    return conn.execute(select(KioskRecord.last_seen_at)).scalar()

            def reader_up() -> bool:
                hb = heartbeat()
                return bool(hb) and hb["readers"]["badge"]["state"] == "connected"  # type: ignore[index]

            def checkins() -> int:
                with central.engine.connect() as conn:
                    return len(conn.execute(select(Checkin)).all())

            wait_for(lambda: proc.poll() is not None or reader_up(), 30, "reader connected")
            assert proc.poll() is None, proc.communicate()[1]

            simulator.present("0A00F1C2D3", repeats=20, interval=0.05)  # ~1 s held
            wait_for(lambda: checkins() >= 1, 20, "the check-in on the central store")
            # Let two more sync cycles complete: a doubled event would show up as a second row.
            for _ in range(2):
                seen = last_seen()
                wait_for(lambda seen=seen: last_seen() != seen, 20, "another sync cycle")
            assert checkins() == 1
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                _out, err = proc.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                _out, err = proc.communicate()
            central.dispose()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "0A00F1C2D3" not in err  # raw badge UIDs never reach the log

    result = run_kiosk("admin", "--config", str(config), "who-is-in", "--json")
    assert result.returncode == 0, result.stderr
    people = json.loads(result.stdout)
    assert [(p["name"], p["kind"]) for p in people] == [("Aino Virtanen", "member")]
    assert "+02:00" in people[0]["checked_in_at"] or "+03:00" in people[0]["checked_in_at"]


def test_version_and_help_need_no_display(run_kiosk) -> None:  # type: ignore[no-untyped-def]
    result = run_kiosk("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("kiosk ")
