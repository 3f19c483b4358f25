"""``kiosk devices list|monitor|simulate``, run as real processes against real pseudo-terminals.

The commands are driven through a minimal argparse front that registers only
``kiosk.cli.devices``, so these tests do not depend on the other command modules.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devices.simulate import PtySimulator
from kiosk.base.errors import UsageError
from kiosk.cli import devices as cli_devices

ROOT = Path(__file__).resolve().parents[2]
FRONT = (
    "import argparse, sys\n"
    "from kiosk.cli import devices as cli_devices\n"
    "from kiosk.base.errors import KioskError\n"
    "p = argparse.ArgumentParser(prog='kiosk')\n"
    "cli_devices.add_parsers(p.add_subparsers(dest='command', required=True))\n"
    "a = p.parse_args()\n"
    "try:\n"
    "    sys.exit(a.func(a))\n"
    "except KioskError as e:\n"
    "    print(f'kiosk: {e}', file=sys.stderr); sys.exit(e.exit_code)\n"
    "except KeyboardInterrupt:\n"
    "    sys.exit(130)\n"
)


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kiosk")
    cli_devices.add_parsers(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


class Process:
    """A ``kiosk devices ...`` subprocess whose stdout lines can be awaited with a deadline."""

    def __init__(self, *argv: str, stdin: bool = False) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", FRONT, *argv],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self._pump = threading.Thread(target=self._read, name="cli-test-stdout")
        self._pump.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def next_line(self, timeout: float = 10.0) -> str:
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("no output in time") from None

    def next_json(self, timeout: float = 10.0) -> dict[str, Any]:
        record: dict[str, Any] = json.loads(self.next_line(timeout))
        return record

    def wait_json(self, **match: Any) -> dict[str, Any]:
        """Skip lines until one has all the ``match`` items."""
        while True:
            record = self.next_json()
            if all(record.get(k) == v for k, v in match.items()):
                return record

    def finish(self, timeout: float = 10.0) -> tuple[int, str]:
        if self.proc.stdin is not None and self.proc.stdin.closed:
            self.proc.stdin = None  # end of input was already sent
        try:
            _, err = self.proc.communicate(timeout=timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            self._pump.join()
        return self.proc.returncode, err


@pytest.fixture
def processes() -> Iterator[list[Process]]:
    started: list[Process] = []
    yield started
    for p in started:
        if p.proc.poll() is None:
            p.proc.kill()
        p.finish()


def test_monitor_json_through_unplug_and_replug(
    tmp_path: Path, simulator: Any, processes: list[Process]
) -> None:
    link = tmp_path / "ttyRFID"
    first = simulator("rdm6300")
    link.symlink_to(first.path)
    mon = Process("devices", "monitor", str(link), "--protocol", "rdm6300", "--json")
    processes.append(mon)
    assert mon.next_json() | {"time": None} == {
        "time": None,
        "kind": "status",
        "protocol": "rdm6300",
        "state": "connected",
        "error": None,
        "bad_frames": 0,
    }
    first.present("62E3086CED", repeats=5)
    read = mon.next_json()
    assert read["protocol"] == "rdm6300"
    assert read["uid"] == "62E3086CED"
    assert read["number"] == "3808980205"
    first.send_raw(b"\x0262E3086CED09\x03")
    assert mon.next_json()["error"] == "checksum mismatch"

    link.unlink()
    first.close()
    mon.wait_json(kind="status", state="reconnecting")
    second = simulator("rdm6300")
    link.symlink_to(second.path)
    mon.wait_json(kind="status", state="connected")
    second.present("0012345678")
    read = mon.wait_json(kind="badge")
    assert (read["uid"], read["number"]) == ("0000BC614E", "0012345678")

    mon.proc.send_signal(signal.SIGINT)
    code, err = mon.finish()
    assert code == 130, err
    assert "Traceback" not in err


def test_monitor_exit_after_and_human_output(simulator: Any, processes: list[Process]) -> None:
    sim = simulator("scanner")
    mon = Process("devices", "monitor", sim.path, "--protocol", "scanner", "--exit-after", "2")
    processes.append(mon)
    assert "status: connected" in mon.next_line()
    sim.present("https://lab.example/i/abc")
    assert "text  'https://lab.example/i/abc'" in mon.next_line()
    code, err = mon.finish()
    assert code == 0, err


def test_simulate_feeds_stdin_lines(tmp_path: Path, processes: list[Process]) -> None:
    link = tmp_path / "sim"
    sim = Process("devices", "simulate", "--protocol", "rdm6300", "--link", str(link), stdin=True)
    processes.append(sim)
    path = sim.next_line().strip()
    assert path.startswith("/dev/")
    assert os.path.realpath(link) == path
    mon = Process("devices", "monitor", str(link), "--protocol", "rdm6300", "--json")
    processes.append(mon)
    mon.wait_json(kind="status", state="connected")
    assert sim.proc.stdin is not None
    sim.proc.stdin.write("not a card\n0012345678\n")
    sim.proc.stdin.flush()
    assert mon.wait_json(kind="badge")["number"] == "0012345678"
    sim.proc.stdin.close()
    code, err = sim.finish()
    assert code == 0, err
    assert "expected 10 hex digits" in err
    assert not link.exists()
    mon.wait_json(kind="status", state="reconnecting")  # the simulated reader went away
    mon.proc.send_signal(signal.SIGINT)
    mon.finish()


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    args = parse("devices", "list", "--json")
    assert args.func(args) == 0
    ports = json.loads(capsys.readouterr().out)
    assert isinstance(ports, list)
    for port in ports:
        assert {"device", "by_id", "vendor_id", "product_id", "serial_number"} <= set(port)


def test_list_human(capsys: pytest.CaptureFixture[str]) -> None:
    args = parse("devices", "list")
    assert args.func(args) == 0
    assert capsys.readouterr().out


def test_by_id_links(tmp_path: Path) -> None:
    with PtySimulator("rdm6300") as sim:
        (tmp_path / "usb-FTDI_FT232R_A10K1234-if00-port0").symlink_to(sim.path)
        assert cli_devices.by_id_links(tmp_path) == {
            os.path.realpath(sim.path): [str(tmp_path / "usb-FTDI_FT232R_A10K1234-if00-port0")]
        }
    assert cli_devices.by_id_links(tmp_path / "missing") == {}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["monitor", "/dev/null", "--protocol", "em9999"], "unknown reader protocol"),
        (["monitor", "/dev/null", "--protocol", "rdm6300", "--baud", "0"], "--baud"),
        (["monitor", "/dev/null", "--protocol", "rdm6300", "--exit-after", "-1"], "--exit-after"),
        (["simulate", "--protocol", "nope"], "unknown reader protocol"),
        (["simulate", "--protocol", "rdm6300", "--repeats", "0"], "--repeats"),
    ],
)
def test_usage_errors(argv: list[str], message: str) -> None:
    args = parse("devices", *argv)
    with pytest.raises(UsageError, match=message):
        args.func(args)


def test_monitor_says_noisy_once_however_many_bad_frames_follow() -> None:
    import io

    from devices.events import ReaderStatus
    from devices.reader import NOISY_ERROR

    out = io.StringIO()
    printer = cli_devices._Printer("scanner", True, out)
    for status in (
        ReaderStatus("m", "connected"),
        ReaderStatus("m", "connected", "bad frame: scan too long", 1),
        *(ReaderStatus("m", "noisy", NOISY_ERROR, n) for n in (2, 40, 900)),
        ReaderStatus("m", "connected", None, 900),
    ):
        printer.status(status)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["state"], r["bad_frames"]) for r in lines] == [
        ("connected", 0),
        ("noisy", 2),
        ("connected", 900),
    ]
