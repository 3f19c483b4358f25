"""The kiosk as its bundle runs it: ``python -OO`` (``kiosk.spec``'s OPTIMIZE), and a lean door.

The bundle's bytecode holds no docstrings and no asserts; a library that needed either would
break only there. So the commands a kiosk runs are run here under ``PYTHONOPTIMIZE=2``: the
demo's screens (its stores migrated by Alembic, the service's app in-process) and a door
enrolled with a real service, which also must not load what it never uses.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import kiosk_command, kiosk_env
from tests.e2e.serving import serving

pytestmark = pytest.mark.e2e

OPTIMIZED = {"PYTHONOPTIMIZE": "2"}

# A door never uses these: the PostgreSQL driver and dialect (its own store is SQLite; it
# reaches the central store through the service) and httpx's command-line client.
NOT_ON_A_DOOR = {"psycopg", "sqlalchemy.dialects.postgresql", "click", "rich", "pygments"}


RUN_AND_LIST_MODULES = """
import atexit, json, sys
atexit.register(lambda: print(json.dumps(sorted(sys.modules))))
from ui.shell.main import main
raise SystemExit(main(["run", "--config", sys.argv[1], "--exit-after", "8"]))
"""


def _kiosk(
    *args: str, env: dict[str, str], timeout: float = 90
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*kiosk_command(), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=kiosk_env() | env,
        check=False,
    )


@pytest.mark.parametrize("screen", ["door", "lobby"])
def test_the_demo_screens_draw_without_docstrings_or_asserts(tmp_path: Path, screen: str) -> None:
    out = tmp_path / f"{screen}.png"
    done = _kiosk("screenshot", "--demo", "--screen", screen, "--out", str(out), env=OPTIMIZED)
    assert done.returncode == 0, done.stderr[-2000:]
    assert out.stat().st_size > 10_000


def test_an_enrolled_door_runs_optimized_and_lean(tmp_path: Path, site: Path) -> None:
    token = tmp_path / "door-aurora.token"
    enrol = ("enroll", "door-aurora", "--role", "door", "--room", "aurora", "--out", str(token))
    done = _kiosk("admin", "--config", str(site), *enrol, env={})
    assert done.returncode == 0, done.stderr
    with serving(f"sqlite:///{tmp_path / 'central.db'}") as url:
        door = tmp_path / "door.toml"
        door.write_text(
            '[kiosk]\nid = "door-aurora"\nrole = "door"\nroom = "aurora"\ndata_dir = "door"\n'
            "fullscreen = false\n"
            f'[central]\nurl = "{url}"\ncredential_file = "{token}"\n',
            encoding="utf-8",
        )
        (tmp_path / "door").mkdir()
        key = tmp_path / "door" / "site.key"  # copied from the admin machine, as deploy.md says
        key.write_bytes((tmp_path / "admin" / "site.key").read_bytes())
        key.chmod(0o600)
        # `kiosk run` as the installed script runs it, telling at exit what it had imported.
        done = subprocess.run(
            [sys.executable, "-c", RUN_AND_LIST_MODULES, str(door)],
            capture_output=True,
            text=True,
            timeout=90,
            env=kiosk_env() | OPTIMIZED,
            check=False,
        )
        fleet = _kiosk("admin", "--config", str(site), "fleet", "--json", env={})
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    imported = set(json.loads(done.stdout.splitlines()[-1]))
    assert "kiosk.sync.http_link" in imported  # it synced through the service
    assert not NOT_ON_A_DOOR & imported, sorted(NOT_ON_A_DOOR & imported)
    assert "alembic" not in imported  # its first start's schema upgrade ran in a child
    assert (tmp_path / "door" / "kiosk.db").exists()
    assert [k["id"] for k in json.loads(fleet.stdout)] == ["door-aurora"]  # its heartbeat
