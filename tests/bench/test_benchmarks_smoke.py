"""``python -m benchmarks`` in its quickest form: every part runs and yields positive figures.

No timing is asserted (the figures of a shared machine are for people to read, see
docs/performance.md); these tests prove the runner and its parts work, so the full run does
not first fail after minutes. The Chromium side runs only where Chromium is installed.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from benchmarks import chromium, run_all
from benchmarks.procs import tree, tree_memory
from benchmarks.report import Row, table

needs_pg = pytest.mark.skipif(
    not os.environ.get("KIOSK_TEST_PG_URL"), reason="KIOSK_TEST_PG_URL is not set"
)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    assert run_all.main(["--json", "--quick", *args]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["machine"]["cores"] >= 1
    rows: list[dict[str, Any]] = report["rows"]
    for row in rows:
        assert row["ours"] is not None and row["ours"] > 0, row
    return rows


def test_tree_memory_of_this_process() -> None:
    mine = tree_memory(os.getpid())
    assert os.getpid() in tree(os.getpid())
    assert mine.processes >= 1
    assert 0 < mine.uss_kib <= mine.pss_kib <= mine.rss_kib


def test_table_shows_ratio_goal_and_verdict() -> None:
    rows = [
        Row("start", "ms", 100.0, 400.0, goal_ratio=0.5),
        Row("memory", "MiB", 100.0, 200.0, goal_ratio=0.25),
        Row("stall", "ms", 12.0, goal_max=17),
        Row("broken", "", None, note="failed: RuntimeError"),
    ]
    text = table(rows)
    lines = text.splitlines()
    assert "0.25x" in lines[2] and lines[2].endswith("PASS")
    assert "0.50x" in lines[3] and lines[3].endswith("FAIL")
    assert lines[4].endswith("PASS")
    assert "no figure" in lines[5] and "failed: RuntimeError" in text


@pytest.mark.e2e
def test_startup_and_memory(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _run(capsys, "--only", "startup", "--only", "memory", "--runs", "1", "--settle", "0.5")
    assert [r["what"].split(",")[0] for r in rows] == [
        "cold start -> first frame",
        "cold start -> PNG",
        "cold start -> PNG",  # from fresh demo data: for reference, no goal
        "steady PSS",
        "steady PSS",
    ]
    if chromium.find_chromium() is None:
        assert all(r["chromium"] is None for r in rows)
    else:
        for row in (rows[0], rows[1], rows[3]):  # the rows with a goal against Chromium
            assert row["chromium"] > 0 and row["ratio"] > 0 and row["ok"] is not None, row
        assert rows[2]["chromium"] > 0 and rows[2]["ok"] is None


@pytest.mark.postgres
@needs_pg
def test_scan_stall_and_mode_propagation(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _run(
        capsys,
        *("--only", "scan", "--only", "stall", "--only", "modes"),
        *("--scans", "3", "--switches", "2", "--kiosks", "3"),
    )
    assert len(rows) == 3
    assert all(r["ok"] is not None for r in rows)


@needs_pg
def test_a_small_fleet_on_the_sync_service() -> None:
    from benchmarks import service_fleet

    result = service_fleet.measure(kiosks=5, workers=1, switches=1, idle=1.0)
    assert 0 < result["p95"] < float("inf")  # every kiosk saw the switch
    assert result["pg_connections"] >= 1 and result["idle_cpu"] >= 0


@pytest.mark.e2e
def test_reader_flood(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_all.main(["--json", "--quick", "--only", "flood", "--flood-runs", "1"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [r["what"].split(":")[1].split(",")[0].strip() for r in rows] == [
        "tap answered",
        "RSS growth",
        "log growth",
    ]
    assert rows[0]["ours"] > 0 and "12 of 12 taps answered" in rows[0]["note"]
    assert rows[1]["ours"] is not None  # memory may even shrink: no sign asserted
    assert rows[2]["ours"] > 0


@needs_pg
def test_a_small_fleet_of_older_kiosks_that_pull_after_each_wake_up() -> None:
    from benchmarks import service_fleet

    result = service_fleet.measure(kiosks=5, workers=2, switches=1, idle=1.0, protocol="pull")
    assert 0 < result["p95"] < float("inf")
    assert 1 <= result["pg_connections"] <= 20  # two processes, each its pool and its LISTEN


@needs_pg
def test_a_small_fleet_on_event_streams() -> None:
    from benchmarks import service_fleet

    result = service_fleet.measure(kiosks=5, workers=1, switches=2, idle=1.0, protocol="stream")
    assert 0 < result["p95"] < float("inf")  # every door saw both switches on its stream


@pytest.mark.postgres
@needs_pg
def test_the_fleet_row_of_the_quick_suite(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _run(capsys, "--quick", "--only", "fleet", "--fleet", "5")
    assert len(rows) == 1
    assert rows[0]["ours"] > 0 and rows[0]["ok"] is not None, rows
