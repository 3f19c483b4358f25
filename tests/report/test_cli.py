"""``kiosk admin report``: the real command writes HTML, PDF and JSON, and refuses bad input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kiosk.cli.main import main
from kiosk.store.engine import open_store
from tests.report.seed import EVENT_TITLE, FIRST, LAST, NAMES, seed, write_config

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def config(tmp_path: Path, central_url: str) -> Path:
    seed(central_url)
    return write_config(tmp_path, central_url)


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """Where reports go: it must hold the report and nothing else (no temporary files)."""
    path = tmp_path / "out"
    path.mkdir()
    return path


def report(config: Path, *args: str) -> list[str]:
    return ["admin", "--config", str(config), "report", "--from", FIRST, "--to", LAST, *args]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""


METHOD_TITLE = {
    "fi": "Miten luvut on laskettu",
    "sv": "Hur siffrorna har räknats",
    "en": "How these figures were computed",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_html_is_self_contained_with_accessible_charts(
    config: Path, out_dir: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    out = out_dir / "report.html"
    assert main(report(config, "--out", str(out), "--lang", lang)) == 0
    assert capsys.readouterr().out.strip() == f"report written: {out}"
    text = out.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(text)
    parser.close()
    assert parser.lang == lang
    assert not {"script", "link", "img"} & set(parser.tags)  # nothing to fetch, nothing to run
    svgs = re.findall(r"<svg .*?</svg>", text, flags=re.S)
    assert len(svgs) == 6  # visits, hours, rooms, events, feedback per week and per context
    for svg in svgs:
        root = ET.fromstring(svg)  # each chart is well-formed SVG
        assert root.get("role") == "img"
        assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
    assert EVENT_TITLE in text
    assert METHOD_TITLE[lang] in text
    for name in (*NAMES, "Kiitos", "Hyvä paikka"):  # no people, no comments
        assert name not in text
    assert oct(out.stat().st_mode & 0o777) != "0o600"  # a normal file, not the temp file's mode
    assert [p.name for p in out_dir.iterdir()] == ["report.html"]


def test_json_prints_the_numbers(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(report(config, "--json")) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["from"], data["to"], data["timezone"]) == (FIRST, LAST, "Europe/Helsinki")
    assert data["visits"]["total"] == 7
    assert [e["checkins"] for e in data["events"]] == [0, 3]
    assert data["feedback"]["answers"] == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-10-27", "--to", "2026-10-24"], "--to 2026-10-24 is before --from"),
        (["--from", "27.10.2026", "--to", "2026-10-28"], "--from: '27.10.2026' is not a date"),
        (["--from", "2026-10-01", "--to", "2026-10-02"], "nothing to report"),
        (["--from", "2025-01-01", "--to", "2026-10-02"], "longer than 366 days"),
        (["--from", FIRST, "--to", LAST, "--open-hours", "18-08"], "--open-hours"),
        (["--from", FIRST, "--to", LAST, "--open-days", "mon-fry"], "--open-days"),
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_written(
    config: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / "r.html"
    argv = ["admin", "--config", str(config), "report", *args, "--out", str(out)]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err
    assert not out.exists()


def test_unknown_extension_and_missing_output(
    config: Path, out_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(report(config, "--out", str(out_dir / "r.docx"))) == 2
    assert "must end in .pdf or .html" in capsys.readouterr().err
    assert main(report(config)) == 2
    assert "give --out" in capsys.readouterr().err
    assert main(report(config, "--out", str(out_dir / "no" / "r.html"))) == 2
    assert "does not exist" in capsys.readouterr().err
    assert list(out_dir.iterdir()) == []


def test_core_cli_alone_cannot_write_pdf(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    assert main(report(config, "--out", str(out))) == 2
    assert "PDF report needs the GUI package" in capsys.readouterr().err
    assert not out.exists()


def _kiosk(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "ui.shell.main", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_installed_command_writes_a_pdf(config: Path, out_dir: Path, lang: str) -> None:
    out = out_dir / f"report-{lang}.pdf"
    done = _kiosk(*report(config, "--out", str(out), "--lang", lang))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    assert 2 <= pages <= 4  # six charts and the definitions, none split across pages
    assert [p.name for p in out_dir.iterdir()] == [out.name]


def test_old_store_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    open_store(url, migrate=False).dispose()
    assert main(report(write_config(tmp_path, url), "--json")) == 1
    assert "kiosk admin init" in capsys.readouterr().err


def test_demo_report_needs_no_store(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["admin", "report", "--demo", "--from", "2026-10-01", "--to", "2026-10-31", "--json"]
    assert main(argv) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(argv) == 0
    second = json.loads(capsys.readouterr().out)
    first.pop("generated_at"), second.pop("generated_at")
    assert first == second  # made-up, but the same every time
    assert first["visits"]["total"] > 0 and first["events"] and first["feedback"]["answers"]
    day_sums = sum(d["total"] for d in first["visits"]["per_day"])
    cells = sum(map(sum, first["arrivals_by_weekday_hour"].values()))
    assert day_sums == cells == first["visits"]["total"]


def test_long_periods_are_drawn_per_week_and_month(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from kiosk.demo.report import DEMO_TZ, seed_report_demo
    from kiosk.report.data import collect
    from kiosk.report.document import build_document
    from kiosk.report.period import OpeningHours, parse_period

    period = parse_period("2026-03-01", "2026-10-31", DEMO_TZ)
    now = datetime(2026, 11, 2, tzinfo=UTC)
    store = open_store(seed_report_demo(tmp_path, period, OpeningHours(), now))
    try:
        with store.engine.connect() as conn:
            data = collect(conn, period, OpeningHours(), now)
    finally:
        store.dispose()
    doc = build_document(data, "en")
    titles = [s.title for s in doc.sections]
    assert titles[0] == "Visits per week" and "Feedback per month" in titles
    assert len(data.visits) == 245 and len(data.feedback_months) == 8
    assert sum(m.total for m in data.feedback_months) == data.feedback_total


def test_the_swedish_report_is_swedish_throughout(config: Path, out_dir: Path) -> None:
    """The report's words come from the same catalogues as the screens (one system)."""
    out = out_dir / "report.html"
    assert main(report(config, "--out", str(out), "--lang", "sv")) == 0
    text = re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8"))
    for swedish in ("Användningsrapport", "Besök per dag", "Livligaste timmarna", "mycket nöjd"):
        assert swedish in text
    for english in ("Usage report", "Visits per day", "Busiest hours", "very happy", "Checked in"):
        assert english not in text
    assert re.search(r"\d+\.\d+\.2026", text)  # dates as Finland-Swedish writes them
