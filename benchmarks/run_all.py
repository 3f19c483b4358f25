"""Every benchmark in one run, one table: ``python -m benchmarks [--quick] [--json]``.

Start-up (to first frame, to PNG) and steady memory are measured for the real ``kiosk``
command and, where Chromium is installed, for the same door screen as a static page in
headless Chromium — in the same run, start-ups interleaved (kiosk, Chromium, Chromium, kiosk,
...) so a load change on this shared machine hits both. Then scan-to-welcome, the GUI stall
during a full sync, event-mode propagation and a fleet of simulated doors on the central sync
service (these need PostgreSQL at KIOSK_TEST_PG_URL), and a reader flood (2 MB of junk on a
scanner while badges are tapped on another reader).
Goals (issue 8): start-up at most 0.5x Chromium's, steady PSS at most 0.25x Chromium's; (issue
17) a tap answered within 200 ms (p95) during the flood, RSS growth at most 10 MB.
Progress goes to stderr; the table (or --json) to stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path

from benchmarks import chromium, existing, memory, startup
from benchmarks.report import Row, machine, machine_text, table

PARTS = ("startup", "memory", "scan", "stall", "modes", "flood", "fleet")
Step = tuple[str, dict[str, list[float]], Callable[[], float]]


def _say(text: str) -> None:
    print(f"[benchmarks] {text}", file=sys.stderr, flush=True)


def _median_ms(values: list[float]) -> float | None:
    return statistics.median(values) * 1000 if values else None


def startup_rows(
    setup: startup.KioskSetup, work: Path, runs: int, browser: str | None, profile: Path | None
) -> list[Row]:
    ours: dict[str, list[float]] = {"frame": [], "png": [], "demo": []}
    theirs: dict[str, list[float]] = {"frame": [], "png": []}
    kiosk_steps: list[Step] = [
        ("frame", ours, partial(startup.first_frame, setup, setup.door)),
        ("png", ours, partial(startup.to_png, setup)),
    ]
    browser_steps: list[Step] = []
    if browser is not None and profile is not None:
        browser_steps = [
            ("frame", theirs, partial(chromium.first_frame, browser, profile)),
            ("png", theirs, partial(chromium.to_png, browser, work)),
        ]
    for i in range(runs):
        # kiosk, Chromium, Chromium, kiosk: then Chromium goes first (the load hits both)
        first, second = (kiosk_steps, browser_steps) if i % 2 == 0 else (browser_steps, kiosk_steps)
        for what, into, measure in [*first[:1], *second, *first[1:]]:
            into[what].append(measure())
        ours["demo"].append(startup.to_png_demo(setup))
        _say(f"start-up round {i + 1}/{runs} done")
    detail = {"runs_s": {"kiosk": ours, "chromium": theirs}}
    return [
        Row(
            f"cold start -> first frame, door (median of {runs})",
            "ms",
            _median_ms(ours["frame"]),
            _median_ms(theirs["frame"]),
            goal_ratio=0.5,
            note="kiosk: spawn -> systemd READY=1; Chromium: spawn -> page's first-frame beacon",
            detail=detail,
        ),
        Row(
            f"cold start -> PNG, door (median of {runs})",
            "ms",
            _median_ms(ours["png"]),
            _median_ms(theirs["png"]),
            goal_ratio=0.5,
            note="kiosk screenshot --config DOOR (its store); chromium --screenshot, fresh profile",
        ),
        Row(
            f"cold start -> PNG, door from fresh demo data (median of {runs})",
            "ms",
            _median_ms(ours["demo"]),
            _median_ms(theirs["png"]),
            note="kiosk screenshot --demo: creates, migrates and syncs two stores first",
        ),
    ]


def memory_rows(
    setup: startup.KioskSetup, settle: float, browser: str | None, profile: Path | None
) -> list[Row]:
    _say(f"memory: door kiosk, {settle:g} s")
    door = memory.kiosk(setup, setup.door, settle)
    theirs = None
    if browser is not None and profile is not None:
        _say(f"memory: Chromium door page, {settle:g} s")
        theirs = memory.browser(browser, profile, settle)
    _say(f"memory: lobby kiosk, {settle:g} s")
    lobby = memory.kiosk(setup, setup.lobby, settle)
    return [
        Row(
            f"steady PSS, door display after {settle:g} s",
            "MiB",
            door.pss_mib,
            theirs.pss_mib if theirs else None,
            goal_ratio=0.25,
            note=(
                f"kiosk {door.processes} process(es), RSS {door.rss_kib / 1024:.0f} MiB"
                + (
                    f"; Chromium {theirs.processes} processes, RSS {theirs.rss_kib / 1024:.0f} MiB"
                    if theirs
                    else ""
                )
            ),
            detail={"kiosk": door.__dict__, "chromium": theirs.__dict__ if theirs else None},
        ),
        Row(
            f"steady PSS, lobby after {settle:g} s",
            "MiB",
            lobby.pss_mib,
            note=f"no camera on this machine; RSS {lobby.rss_kib / 1024:.0f} MiB",
            detail={"kiosk": lobby.__dict__},
        ),
    ]


def scan_rows(scans: int) -> list[Row]:
    _say(f"scan -> welcome, {scans} scans")
    result = existing.scan_to_welcome(scans)
    f = result.figures
    return [
        Row(
            f"scan -> welcome painted, p95 of {scans}",
            "ms",
            f.get("p95_ms"),
            goal_max=50,
            note=f"p50 {f.get('p50_ms')} ms, max {f.get('max_ms')} ms",
            detail={"figures": f, "output": result.output},
        )
    ]


def stall_rows() -> list[Row]:
    _say("GUI stall during a full sync")
    result = existing.sync_gui_stall()
    f = result.figures
    return [
        Row(
            "GUI stall during full sync (worst 1 ms-timer gap)",
            "ms",
            f.get("worst_ms"),
            goal_max=17,
            note=f"15,000 rows pulled in {f.get('sync_s')} s; p99 gap {f.get('p99_ms')} ms",
            detail={"figures": f, "output": result.output},
        )
    ]


def flood_rows(runs: int) -> list[Row]:
    _say(f"reader flood, {runs} runs")
    result = existing.reader_flood(runs)
    f = result.figures
    detail = {"figures": f, "output": result.output}
    answered = f"{f.get('answered', 0):.0f} of {f.get('taps', 0):.0f} taps answered"
    return [
        Row(
            f"reader flood: tap answered, p95 (median of {runs})",
            "ms",
            f.get("p95_ms"),
            goal_max=200,
            note=f"2 MB junk on a scanner; p50 {f.get('p50_ms')} ms; {answered}",
            detail=detail,
        ),
        Row(
            "reader flood: RSS growth",
            "MiB",
            f.get("rss_mib"),
            goal_max=10,
            note=f"{f.get('junk_reads', 0):.0f} junk reads reached the lobby",
        ),
        Row(
            "reader flood: log growth",
            "bytes",
            f.get("log_bytes"),
            note=f"{f.get('log_lines', 0):.0f} lines",
        ),
    ]


def mode_rows(kiosks: int, switches: int) -> list[Row]:
    from benchmarks import event_propagation

    _say(f"event mode -> {kiosks} kiosks, {switches} switches")
    r = event_propagation.measure(kiosks, switches)
    return [
        Row(
            f"event mode switch -> shown on all {kiosks} doors, p95 of {switches}",
            "ms",
            r.p(95) if r.all_ms else None,
            goal_max=1000,
            note=(
                f"p50 {r.p(50):.0f} ms, max {max(r.all_ms, default=float('nan')):.0f} ms; "
                f"{r.missed} kiosk-switches not shown within 10 s"
            ),
            detail={"all_ms": r.all_ms, "missed": r.missed, "per_switch_ms": r.per_switch},
        )
    ]


def fleet_rows(kiosks: int, workers: tuple[int, ...], switches: int, idle: float) -> list[Row]:
    from benchmarks import service_fleet

    rows = []
    for count in workers:
        _say(f"service fleet: {kiosks} simulated doors, {count} service process(es)")
        r = service_fleet.measure(kiosks, count, switches, idle)
        rows.append(
            Row(
                f"switch seen by {kiosks} doors via the service ({count} process(es)), p95",
                "ms",
                r["p95"] * 1000,
                goal_max=1000,
                note=(
                    f"p50 {r['p50'] * 1000:.0f} ms, max {r['max'] * 1000:.0f} ms; "
                    f"{r['pg_connections']:.0f} PostgreSQL connections (goal <= 20); idle CPU "
                    f"{r['idle_cpu'] * 100:.1f}% of a core (goal <= 25%); load {r['load']:.1f}"
                ),
                detail=r,
            )
        )
    return rows


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few runs, short settle")
    parser.add_argument("--runs", type=int, help="start-up runs per side (default 5; quick 2)")
    parser.add_argument("--settle", type=float, help="seconds before memory (60; quick 5)")
    parser.add_argument("--scans", type=int, help="scan-to-welcome scans (200; quick 20)")
    parser.add_argument("--switches", type=int, help="mode switches (30; quick 6)")
    parser.add_argument("--flood-runs", type=int, help="reader flood runs (5; quick 3)")
    parser.add_argument("--kiosks", type=int, default=20, help="kiosks for mode propagation")
    parser.add_argument(
        "--fleet", type=int, help="simulated doors on the sync service (1000; quick 200)"
    )
    parser.add_argument("--chromium", metavar="PATH", help="the Chromium binary to compare")
    parser.add_argument("--no-chromium", action="store_true", help="skip the browser side")
    parser.add_argument(
        "--kiosk",
        metavar="PATH",
        help="the kiosk executable to measure, e.g. a PyInstaller bundle's dist/kiosk/kiosk "
        "(default: the kiosk script of this Python's environment)",
    )
    parser.add_argument(
        "--central",
        choices=("postgresql", "sqlite"),
        help="the central store the kiosks sync with: PostgreSQL as deployed (a throw-away "
        "database on KIOSK_TEST_PG_URL's server; the default when that is set) or a SQLite file",
    )
    parser.add_argument("--only", action="append", choices=PARTS, help="run only these parts")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--save", metavar="FILE", type=Path, help="also write the JSON here")
    args = parser.parse_args(argv)
    args.central = args.central or (
        "postgresql" if os.environ.get("KIOSK_TEST_PG_URL") else "sqlite"
    )
    quick = args.quick
    args.runs = args.runs or (2 if quick else 5)
    args.settle = args.settle if args.settle is not None else (5.0 if quick else 60.0)
    args.scans = args.scans or (20 if quick else 200)
    args.switches = args.switches or (6 if quick else 30)
    args.flood_runs = args.flood_runs or (3 if quick else 5)
    args.fleet = args.fleet or (200 if quick else 1000)
    for name in ("runs", "scans", "switches", "kiosks", "flood_runs", "fleet"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.settle < 0:
        parser.error("--settle must not be negative")
    return args


def _part(rows: list[Row], name: str, what: str, make: Callable[[], list[Row]]) -> None:
    """Run one part; a failure becomes a row that says so, the other parts still run."""
    try:
        rows.extend(make())
    except Exception as exc:
        traceback.print_exc(file=sys.stderr)
        rows.append(Row(what, "", None, note=f"failed: {type(exc).__name__}: {exc}"[:300]))
        _say(f"{name} failed")


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    parts = set(args.only or PARTS)
    info = machine()
    info["kiosk"] = args.kiosk or "the environment's kiosk script"
    info["central"] = args.central
    browser = None if args.no_chromium else chromium.find_chromium(args.chromium)
    if browser is not None:
        info["chromium"] = chromium.version(browser)
    elif not args.no_chromium:
        where = f"no Chromium at {args.chromium}" if args.chromium else "Chromium is not installed"
        _say(f"{where}: its rows are skipped (apt-get install chromium)")
    rows: list[Row] = []
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kiosk-benchmarks-")))
        if parts & {"startup", "memory"}:
            _say(f"preparing demo data (central: {args.central}) and a synced door and lobby")
            central_url = service_url = None
            if args.central == "postgresql":
                from benchmarks.pgtemp import temp_database

                central_url = stack.enter_context(temp_database("kiosk_bench_central"))
                # as deployed: kiosks reach PostgreSQL only through the central sync service
                service_url = stack.enter_context(startup.central_service(central_url)).url
            setup = startup.prepare(
                work / "kiosk",
                warm=1.0 if args.quick else 3.0,
                command=args.kiosk,
                central_url=central_url,
                service_url=service_url,
            )
            profile = chromium.prepare_profile(browser, work) if browser else None
            if "startup" in parts:
                _part(
                    rows,
                    "start-up",
                    "cold start",
                    lambda: startup_rows(setup, work, args.runs, browser, profile),
                )
            if "memory" in parts:
                _part(
                    rows,
                    "memory",
                    "steady PSS",
                    lambda: memory_rows(setup, args.settle, browser, profile),
                )
        if "scan" in parts:
            _part(rows, "scan", "scan -> welcome", lambda: scan_rows(args.scans))
        if "stall" in parts:
            _part(rows, "stall", "GUI stall during sync", stall_rows)
        if "modes" in parts:
            _part(
                rows,
                "modes",
                "event mode propagation",
                lambda: mode_rows(args.kiosks, args.switches),
            )
        if "flood" in parts:
            _part(rows, "flood", "reader flood", lambda: flood_rows(args.flood_runs))
        if "fleet" in parts and args.central == "postgresql":
            _part(
                rows,
                "fleet",
                "service fleet",
                lambda: fleet_rows(
                    args.fleet,
                    (1,) if args.quick else (1, 4),
                    3 if args.quick else 6,
                    10.0 if args.quick else 20.0,
                ),
            )
    info["took_s"] = round(time.monotonic() - started, 1)
    report = json.dumps({"machine": info, "rows": [r.as_json() for r in rows]}, indent=2)
    if args.save:
        args.save.write_text(report + "\n", encoding="utf-8")
    if args.json:
        print(report)
    else:
        print(machine_text(info))
        print()
        print(table(rows))
    return 0
