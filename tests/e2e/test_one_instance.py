"""One kiosk id, one running kiosk: the real ``kiosk run`` twice on one machine.

The second process is refused by the data directory's lock (exit 2, naming the first's pid) while
the first keeps running; a crash leaves no stale lock; a clean stop says goodbye centrally, so a
restart is never reported as a duplicate.
"""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.base.clock import SystemClock
from kiosk.demo.data import create_demo
from kiosk.store.engine import Store, open_store
from kiosk.store.models import KioskInstance
from tests.e2e.conftest import kiosk_command, kiosk_env
from tests.helpers import wait_for

pytestmark = pytest.mark.e2e


def _start(config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*kiosk_command(), "run", "--config", str(config), "--exit-after", "180"],
        env=kiosk_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _instances(central: Store) -> list[KioskInstance]:
    with central.engine.connect() as conn:
        return list(conn.execute(select(KioskInstance).order_by(KioskInstance.first_seen_at)))


def _wait_heard(central: Store, proc: subprocess.Popen[str], count: int) -> None:
    wait_for(
        lambda: proc.poll() is not None or len(_instances(central)) >= count,
        60,
        f"heartbeat number {count} from a new kiosk process",
    )
    assert proc.poll() is None, proc.communicate()[1][-3000:]


def _stop(proc: subprocess.Popen[str], sig: int = signal.SIGTERM) -> tuple[int, str]:
    proc.send_signal(sig)
    try:
        _out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
    return proc.returncode, err


def test_a_second_kiosk_run_is_refused_while_the_first_runs_and_a_crash_leaves_no_lock(
    tmp_path: Path, run_kiosk
) -> None:  # type: ignore[no-untyped-def]
    demo = create_demo(tmp_path, SystemClock().now())
    config = demo.write_config("door-aurora", "door", room="aurora")
    central = open_store(demo.central_url, migrate=False)
    first = _start(config)
    procs = [first]
    try:
        _wait_heard(central, first, 1)

        second = run_kiosk("run", "--config", str(config), "--exit-after", "30")
        assert second.returncode == 2, second.stderr
        assert f"kiosk door-aurora is already running, pid {first.pid}" in second.stderr
        assert "Traceback" not in second.stderr
        sync = run_kiosk("sync", "--config", str(config))  # it would report a second instance
        assert sync.returncode == 2 and f"pid {first.pid}" in sync.stderr, sync.stderr
        assert first.poll() is None  # the first kiosk was not disturbed
        assert len(_instances(central)) == 1

        code, _err = _stop(first, signal.SIGKILL)  # a crash: no goodbye, the lock goes with it
        assert code == -signal.SIGKILL
        third = _start(config)
        procs.append(third)
        _wait_heard(central, third, 2)
        fleet = run_kiosk("admin", "--config", str(config), "fleet")
        assert fleet.returncode == 0, fleet.stderr
        assert "DUPLICATE" not in fleet.stdout  # a restart after a crash is no duplicate
        code, err = _stop(third)
        assert code == 0, err[-3000:]
        assert "Traceback" not in err
        rows = {r.instance_id: r for r in _instances(central)}
        assert len(rows) == 2
        crashed, stopped = sorted(rows.values(), key=lambda r: r.first_seen_at)
        assert crashed.stopped_at is None and stopped.stopped_at is not None  # its goodbye
    finally:
        for proc in procs:
            if proc.poll() is None:
                _stop(proc)
        central.dispose()
