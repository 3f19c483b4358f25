"""Refresh the kiosk's translations: extract strings from ``ui/`` (and the core's marked ones,
such as the usage report's) and compile the ``.qm`` files.

Run after changing any user-visible string::

    /work/venv/bin/python -m tools.update_translations          # lupdate + lrelease
    /work/venv/bin/python -m tools.update_translations --check  # exit 1 if anything is stale

``pyside6-lupdate`` merges new source strings into ``resources/translations/kiosk_*.ts``
(translators edit those, e.g. with ``pyside6-linguist``; new strings arrive marked
"unfinished"); ``pyside6-lrelease`` compiles them into the ``.qm`` files the kiosk loads.
Both ``.ts`` and ``.qm`` are committed, so a kiosk build needs no Qt tools. Source locations are
left out of the ``.ts`` files to keep diffs small when code moves.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "ui"
CORE_DIR = ROOT / "kiosk"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("fi", "sv", "en")


def qt_tool(name: str) -> str:
    """A PySide6 tool next to this Python (the venv) first, then on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found; install PySide6 in this environment")
    return found


def source_files(source_dir: Path = SOURCE_DIR) -> list[Path]:
    """Every Python file under ``ui/`` (lupdate does not recurse into .py by itself), and the
    core's files that mark strings for the catalogues (the report, ``kiosk.base.catalogue``)."""
    screens = [p for p in source_dir.rglob("*.py") if "__pycache__" not in p.parts]
    core = [
        p
        for p in CORE_DIR.rglob("*.py")
        if "__pycache__" not in p.parts
        and p != CORE_DIR / "base" / "catalogue.py"  # the marker's own definition
        and "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8")
    ]
    return sorted(screens + core)


def ts_files(directory: Path = TRANSLATIONS_DIR) -> list[Path]:
    return [directory / f"kiosk_{code}.ts" for code in LANGUAGES]


def run_lupdate(ts: Sequence[Path], sources: Sequence[Path]) -> None:
    command = [
        qt_tool("pyside6-lupdate"),
        *map(str, sources),
        "-locations",
        "none",
        "-no-obsolete",
        "-silent",
        "-ts",
        *map(str, ts),
    ]
    subprocess.run(command, check=True, cwd=ROOT)


def run_lrelease(ts: Path, qm: Path) -> None:
    command = [qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)]
    subprocess.run(command, check=True, cwd=ROOT)


def update(directory: Path = TRANSLATIONS_DIR) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    run_lupdate(ts_files(directory), source_files())
    for ts in ts_files(directory):
        run_lrelease(ts, ts.with_suffix(".qm"))


def stale_files(directory: Path = TRANSLATIONS_DIR) -> list[str]:
    """Files that ``update`` would change: run it in a scratch copy and compare bytes."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        for ts in ts_files(directory):
            if ts.exists():
                shutil.copy2(ts, copy / ts.name)
        update(copy)
        stale = []
        for ts in ts_files(directory):
            for path in (ts, ts.with_suffix(".qm")):
                fresh = copy / path.name
                if not path.exists() or not filecmp.cmp(path, fresh, shallow=False):
                    stale.append(path.name)
        return stale


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for name in stale:
            print(f"stale: resources/translations/{name}")
        return 1 if stale else 0
    update()
    print(f"updated {', '.join(p.name for p in ts_files())} and their .qm files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
