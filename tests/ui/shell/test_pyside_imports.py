"""PySide6's per-import source scan, and the kiosk's replacement (ui/shell/pyside_imports.py).

Each case runs in a fresh interpreter: the scan is process-wide and the test process has long
imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.e2e.conftest import kiosk_env

PROBE = """
import json, linecache, sys
sys.path.insert(0, sys.argv[1])
if sys.argv[2] == "skip":
    from ui.shell.pyside_imports import skip_source_scan
    patched = skip_source_scan()
else:
    import PySide6.QtCore
    patched = False
import plain_module, qt_module
feature = sys.modules["__feature__"]
print(json.dumps({
    "patched": patched,
    "cached": sorted(n for n in linecache.cache if n.endswith(("plain_module.py", "qt_module.py"))),
    "plain": feature.pyside_feature_dict.get("plain_module"),
    "qt": feature.pyside_feature_dict.get("qt_module"),
}))
"""


def _probe(tmp_path: Path, mode: str) -> dict[str, object]:
    (tmp_path / "plain_module.py").write_text("import json\nVALUE = json.dumps(1)\n" * 200)
    (tmp_path / "qt_module.py").write_text("from PySide6.QtCore import QObject\n")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path), mode],
        env=kiosk_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_pyside_reads_and_keeps_the_source_of_every_module_imported_after_it(
    tmp_path: Path,
) -> None:
    """What the kiosk works around; if this fails, PySide6 changed and the patch may go."""
    seen = _probe(tmp_path, "plain")
    assert len(seen["cached"]) == 2  # type: ignore[arg-type]
    assert (seen["plain"], seen["qt"]) == (-1, 0)


def test_the_kiosk_answers_pysides_question_without_reading_sources(tmp_path: Path) -> None:
    seen = _probe(tmp_path, "skip")
    assert seen["patched"] is True  # PySide6 still has the hook we replace
    assert seen["cached"] == []
    assert (seen["plain"], seen["qt"]) == (-1, 0)  # the same answers as PySide6's own scan
