"""The codebase's own checks, run with the tests so CI and developers see the same verdict."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def tool(name: str) -> str:
    path = Path(sys.executable).with_name(name)
    found = str(path) if path.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed; install the test extra: pip install -e '.[test]'")
    return found


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False, timeout=600)


def test_core_and_devices_never_import_qt_or_ui() -> None:
    result = run(tool("lint-imports"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean() -> None:
    result = run(tool("ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_core_and_devices() -> None:
    result = run(tool("mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_admin_commands_do_not_load_qt() -> None:
    code = (
        "import sys; from kiosk.cli import build_parser; build_parser(); "
        "import ui.cli_gui; assert 'PySide6' not in sys.modules, 'Qt loaded'"
    )
    result = run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr
