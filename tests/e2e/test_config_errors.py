"""A config file that breaks the TOML reader is one line and exit 2 from the real command."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("value", ["[" * 50_000 + "]" * 50_000, "{a = " * 3000 + "1" + "}" * 3000])
@pytest.mark.parametrize("command", [["admin", "room", "list"], ["run"], ["sync", "status"]])
def test_a_deeply_nested_config_is_one_line_and_exit_2(
    tmp_path: Path,
    run_kiosk,
    value: str,
    command: list[str],  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[kiosk]\nid = {value}\n", encoding="utf-8")
    done = run_kiosk(*command, "--config", str(path))
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"kiosk: {path}: values nested more than 32 levels deep (arrays or tables); "
        "a kiosk config needs at most three"
    ]
