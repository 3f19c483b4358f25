"""``kiosk screenshot --ppi N`` draws touch targets as on a panel of N ppi; ``--offline`` shows
the offline strip. Each render runs in a fresh process (a screenshot sets the application's
language for as long as it lives)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.base.errors import UsageError
from tests.e2e.conftest import kiosk_env
from ui.render.screenshot import parse_ppi
from ui.shell.commands import _screenshot_arguments


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    _screenshot_arguments(parser)
    return parser.parse_args(["--screen", "walkin", "--demo", "--out", "x.png", *argv])


def test_ppi_and_offline_are_options_with_defaults() -> None:
    plain = _parse()
    assert plain.ppi is None and plain.offline is False
    both = _parse("--ppi", "149", "--offline")
    assert parse_ppi(both.ppi) == 149.0 and both.offline is True
    assert parse_ppi("132.5") == 132.5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("wide", "--ppi: expected pixels per inch like 149, not 'wide'"),
        ("0", "--ppi: must be the panel's pixels per inch, between 50 and 1000"),
        ("4000", "between 50 and 1000"),
    ],
)
def test_a_bad_ppi_is_one_clear_message(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("(", r"\(")):
        parse_ppi(text)


# Renders as ``kiosk screenshot`` does, noting what the drawn screen held just before the PNG.
MEASURE = """
import json, sys
from PySide6.QtWidgets import QAbstractButton
import ui.render.screenshot as shot
from ui.shell.commands import screenshot_command

seen = {}
real_save = shot._save

def measuring_save(widget, width, height, out):
    widget.resize(width, height)
    widget.show()
    for _ in range(4):
        shot.qt_app(offscreen=True).processEvents()
    buttons = [b for b in widget.findChildren(QAbstractButton) if b.isVisible()]
    seen["smallest"] = min(min(b.width(), b.height()) for b in buttons)
    seen["min_target"] = widget.min_target()
    strip = widget.status_strip
    seen["strip"] = strip.isVisible() and strip.height() > 0
    real_save(widget, width, height, out)

shot._save = measuring_save
code = screenshot_command(sys.argv[1:])
print(json.dumps(seen))
sys.exit(code)
"""


def _render(tmp_path: Path, *options: str) -> dict[str, object]:
    out = tmp_path / f"shot{len(list(tmp_path.iterdir()))}.png"
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, "--demo", "--lang", "en", "--out", str(out), *options],
        env=kiosk_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert out.stat().st_size > 1000  # the PNG was written too
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_denser_panel_gets_larger_touch_targets_and_offline_shows_the_strip(
    tmp_path: Path,
) -> None:
    # The PIN pad at 800x480: its keys are the 9 mm target at the panel's density.
    pin = ("--screen", "host-pin", "--size", "800x480")
    at_100 = _render(tmp_path, *pin, "--ppi", "100")
    at_149 = _render(tmp_path, *pin, "--ppi", "149", "--offline")
    assert at_100["min_target"] == 36  # ceil(9 mm at 100 ppi)
    assert at_149["min_target"] == 53  # ceil(9 mm at 149 ppi)
    assert isinstance(at_100["smallest"], int) and isinstance(at_149["smallest"], int)
    assert at_149["smallest"] > at_100["smallest"]
    assert at_149["smallest"] >= 53
    assert at_100["strip"] is False
    assert at_149["strip"] is True
