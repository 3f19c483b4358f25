"""Smoke test of a built bundle: it starts, reports its version and renders a door screen.

Fails on a non-zero exit, a missing PNG, or anything on stderr other than INFO/DEBUG log lines
(a missing hidden import or data file shows up there first). When the `camera` extra is
installed where the bundle was built (here), the bundled `kiosk cameras` must load Qt
Multimedia and zxing-cpp too: kiosk.spec bundles them only then.

    python tools/smoke_bundle.py dist/kiosk/kiosk
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

_LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (INFO|DEBUG) ")


def unexpected(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip() and not _LOG_LINE.match(line)]


def run(binary: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [binary, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def _camera_modules_here() -> tuple[str, ...]:
    """The camera extra's modules if this Python has them all (the bundle must then too)."""
    from importlib.util import find_spec

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from ui.camera.cli import CAMERA_MODULES

    try:
        present = all(find_spec(name) is not None for name in CAMERA_MODULES)
    except ImportError:
        present = False
    return CAMERA_MODULES if present else ()


def _check_cameras(binary: str) -> list[str]:
    cameras = run(binary, "cameras")
    failures = [f"cameras stderr: {line}" for line in unexpected(cameras.stderr)]
    expected = _camera_modules_here()
    if expected:
        lines = cameras.stdout.splitlines()
        if cameras.returncode != 0 or any(f"{name}: loaded" not in lines for name in expected):
            failures.append(f"cameras: exit {cameras.returncode}: {cameras.stdout!r}")
    elif cameras.returncode not in (0, 1):
        failures.append(f"cameras: exit {cameras.returncode}: {cameras.stdout!r}")
    return failures


def _check_upgrade_store(binary: str, tmp: Path) -> list[str]:
    """The child a kiosk starts after an update: the bundle's own executable, Alembic's
    migrations read from the bundle."""
    config = tmp / "door.toml"
    config.write_text(
        '[kiosk]\nid = "door-1"\nrole = "door"\nroom = "aurora"\ndata_dir = "door"\n'
        f'[central]\nurl = "sqlite:///{tmp / "central.db"}"\n',
        encoding="utf-8",
    )
    done = run(binary, "upgrade-store", "--config", str(config))
    if done.returncode != 0 or not (tmp / "door" / "kiosk.db").exists():
        return [f"upgrade-store: exit {done.returncode}: {done.stderr[-500:]!r}"]
    return [f"upgrade-store stderr: {line}" for line in unexpected(done.stderr)]


def main() -> int:
    binary = sys.argv[1] if len(sys.argv) > 1 else "dist/kiosk/kiosk"
    failures: list[str] = []
    version = run(binary, "--version")
    if version.returncode != 0 or not version.stdout.startswith("kiosk "):
        failures.append(f"--version: exit {version.returncode}: {version.stdout!r}")
    failures += [f"--version stderr: {line}" for line in unexpected(version.stderr)]

    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "door.png"
        shot = run(binary, "screenshot", "--demo", "--screen", "door", "--out", str(png))
        if shot.returncode != 0 or not png.exists() or png.stat().st_size < 1000:
            failures.append(f"screenshot: exit {shot.returncode}, png exists: {png.exists()}")
        failures += [f"screenshot stderr: {line}" for line in unexpected(shot.stderr)]
        failures += _check_upgrade_store(binary, Path(tmp))

    failures += _check_cameras(binary)

    for failure in failures:
        print(f"FAIL {failure}")
    print(f"{version.stdout.strip()}: {'FAILED' if failures else 'smoke test passed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
