"""``kiosk devices ...``: find serial readers, watch what they read, and simulate one.

These commands are for installers and IT at the device: ``list`` shows which port is which
(with the stable /dev/serial/by-id names to put in kiosk.toml), ``monitor`` prints every read
and every status change of one reader as it happens (also as JSON lines for scripts and
end-to-end tests), and ``simulate`` offers a pseudo-terminal that behaves like a reader so a
kiosk can be tried without hardware. Only ``devices`` is imported, never Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from kiosk.base.errors import UsageError

BY_ID_DIR = Path("/dev/serial/by-id")


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``kiosk devices`` and its subcommands on the main command's subparsers."""
    devices = sub.add_parser(
        "devices",
        help="serial badge readers and barcode/QR scanners",
        description="Find, test and simulate serial badge readers and scanners.",
    )
    commands = devices.add_subparsers(dest="devices_command", metavar="SUBCOMMAND", required=True)

    listing = commands.add_parser("list", help="list serial ports and their stable names")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(func=cmd_list)

    monitor = commands.add_parser(
        "monitor",
        help="print each read of one reader as it happens",
        description="Open PORT like the kiosk does and print every read, bad frame and status "
        "change. Keeps running through unplug and replug; stop with Ctrl+C.",
    )
    monitor.add_argument("port", metavar="PORT", help="e.g. /dev/serial/by-id/usb-...")
    monitor.add_argument("--protocol", required=True, help=_protocol_help())
    monitor.add_argument("--baud", type=int, help="baud rate (default: the protocol's)")
    monitor.add_argument(
        "--hold-off",
        type=float,
        help="seconds that fold repeats of one card into one read (default: the protocol's; "
        "0 prints every frame)",
    )
    monitor.add_argument("--json", action="store_true", help="one JSON object per line")
    monitor.add_argument(
        "--exit-after", type=float, metavar="SECONDS", help="stop after this many seconds"
    )
    monitor.set_defaults(func=cmd_monitor)

    simulate = commands.add_parser(
        "simulate",
        help="pretend to be a reader on a pseudo-terminal",
        description="Open a pseudo-terminal that behaves like a reader, print its path, then "
        "present each line typed on stdin (card ids or numbers, or text for scanners) until "
        "end of input.",
    )
    simulate.add_argument("--protocol", required=True, help=_protocol_help())
    simulate.add_argument(
        "--repeats", type=int, default=3, help="frames per card, like a short tap (default 3)"
    )
    simulate.add_argument(
        "--interval", type=float, default=0.05, help="seconds between repeats (default 0.05)"
    )
    simulate.add_argument("--link", type=Path, help="also make this symlink to the pty")
    simulate.set_defaults(func=cmd_simulate)


def _protocol_help() -> str:
    from devices.registry import protocol_names

    return f"one of: {', '.join(protocol_names())}"


def _check_protocol(name: str) -> None:
    from devices.registry import protocol_names

    if name not in protocol_names():
        raise UsageError(
            f"unknown reader protocol {name!r}; choose one of: {', '.join(protocol_names())}"
        )


# -- list -----------------------------------------------------------------------------------------


def by_id_links(directory: Path = BY_ID_DIR) -> dict[str, list[str]]:
    """Map each device node to the stable /dev/serial/by-id names that point to it."""
    links: dict[str, list[str]] = {}
    if not directory.is_dir():
        return links
    for entry in sorted(directory.iterdir()):
        links.setdefault(os.path.realpath(entry), []).append(str(entry))
    return links


def describe_ports(directory: Path = BY_ID_DIR) -> list[dict[str, Any]]:
    """Serial ports as plain dicts (what ``list --json`` prints)."""
    from serial.tools import list_ports

    links = by_id_links(directory)
    ports = []
    for info in sorted(list_ports.comports(), key=lambda p: p.device):
        ports.append(
            {
                "device": info.device,
                "by_id": links.get(os.path.realpath(info.device), []),
                "description": info.description,
                "vendor_id": f"{info.vid:04x}" if info.vid is not None else None,
                "product_id": f"{info.pid:04x}" if info.pid is not None else None,
                "manufacturer": info.manufacturer,
                "product": info.product,
                "serial_number": info.serial_number,
                "location": info.location,
            }
        )
    return ports


def cmd_list(args: argparse.Namespace) -> int:
    ports = describe_ports()
    if args.json:
        print(json.dumps(ports, indent=2))
        return 0
    if not ports:
        print("no serial ports found")
        return 0
    for port in ports:
        ids = f"{port['vendor_id']}:{port['product_id']}" if port["vendor_id"] else "-"
        print(port["device"])
        for link in port["by_id"]:
            print(f"  by-id    {link}")
        print(f"  usb id   {ids}")
        for key in ("manufacturer", "product", "serial_number", "description"):
            if port[key] and port[key] != "n/a":
                print(f"  {key.replace('_', ' '):<8} {port[key]}")
    return 0


# -- monitor --------------------------------------------------------------------------------------


class _Printer:
    """Prints reader callbacks (which arrive on the reader thread) one whole line at a time."""

    def __init__(self, protocol: str, as_json: bool, out: TextIO) -> None:
        self._protocol = protocol
        self._json = as_json
        self._out = out
        self._lock = threading.Lock()
        self._last_status: tuple[str, str | None] | None = None

    def event(self, event: Any) -> None:
        record: dict[str, Any] = {"kind": event.kind, "protocol": event.protocol}
        record["uid" if event.kind == "badge" else "text"] = event.value
        record.update(event.extra)
        if event.kind == "badge":
            extras = "  ".join(f"{k} {v}" for k, v in event.extra.items())
            human = f"badge {event.value}" + (f"  {extras}" if extras else "")
        else:
            human = f"text  {event.value!r}"
        self._emit(record, human)

    def frame_error(self, error: Any) -> None:
        self._emit(
            {"kind": "error", "protocol": self._protocol, "error": error.reason},
            f"bad frame: {error.reason}",
        )

    def status(self, status: Any) -> None:
        record = {
            "kind": "status",
            "protocol": self._protocol,
            "state": status.state,
            "error": status.error,
            "bad_frames": status.bad_frames,
        }
        if record["error"] and record["error"].startswith("bad frame"):
            return  # already printed as its own line when it happened
        if (status.state, status.error) == self._last_status:
            return  # only the bad-frame count moved (a noisy reader): said once is enough
        self._last_status = (status.state, status.error)
        human = f"status: {status.state}" + (f" ({status.error})" if status.error else "")
        self._emit(record, human)

    def _emit(self, record: dict[str, Any], human: str) -> None:
        now = datetime.now(UTC)
        if self._json:
            line = json.dumps({"time": now.isoformat(timespec="milliseconds"), **record})
        else:
            line = f"{now.astimezone():%H:%M:%S.%f}"[:-3] + f"  {human}"
        with self._lock:
            self._out.write(line + "\n")
            self._out.flush()


def cmd_monitor(args: argparse.Namespace) -> int:
    _check_protocol(args.protocol)
    if args.baud is not None and args.baud <= 0:
        raise UsageError("--baud must be a positive number")
    if args.hold_off is not None and args.hold_off < 0:
        raise UsageError("--hold-off must not be negative")
    if args.exit_after is not None and args.exit_after < 0:
        raise UsageError("--exit-after must not be negative")
    from devices.reader import SerialReader

    printer = _Printer(args.protocol, args.json, sys.stdout)
    reader = SerialReader(
        "monitor",
        args.port,
        args.protocol,
        baud=args.baud,
        hold_off=args.hold_off,
        on_event=printer.event,
        on_status=printer.status,
        on_frame_error=printer.frame_error,
    )
    done = threading.Event()
    reader.start()
    try:
        done.wait(args.exit_after)  # None: until Ctrl+C (KeyboardInterrupt -> exit 130)
    finally:
        reader.stop()
    return 0


# -- simulate -------------------------------------------------------------------------------------


def cmd_simulate(args: argparse.Namespace) -> int:
    _check_protocol(args.protocol)
    if args.repeats < 1:
        raise UsageError("--repeats must be at least 1")
    if args.interval < 0:
        raise UsageError("--interval must not be negative")
    if args.link is not None and args.link.exists():
        raise UsageError(f"{args.link} already exists")
    from devices.simulate import PtySimulator

    with PtySimulator(args.protocol) as sim:
        if args.link is not None:
            args.link.symlink_to(sim.path)
        try:
            print(sim.path, flush=True)
            print(
                f"simulating a {args.protocol} reader; type a card or text per line, "
                "end with Ctrl+D",
                file=sys.stderr,
            )
            for line in sys.stdin:
                value = line.rstrip("\r\n")
                if args.protocol != "scanner":
                    value = value.strip()
                if not value:
                    continue
                try:
                    sim.present(value, repeats=args.repeats, interval=args.interval)
                except ValueError as exc:
                    print(f"kiosk: {exc}", file=sys.stderr)
        finally:
            if args.link is not None:
                args.link.unlink(missing_ok=True)
    return 0
