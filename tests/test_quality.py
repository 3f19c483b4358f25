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


def test_import_contracts_are_kept() -> None:
    """The layers of docs/architecture.md, the Qt-free core and the first frame, as contracts."""
    result = run(tool("lint-imports"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout
    assert result.stdout.count(" KEPT") >= 5, result.stdout


def _module_graph() -> dict[str, set[str]]:
    """Every import between our modules, with those inside functions and under TYPE_CHECKING."""
    import grimp

    graph = grimp.build_graph("kiosk", "ui", "devices", cache_dir=None)
    return {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_no_import_circles_between_modules() -> None:
    assert _cycles(_module_graph()) == []


def test_the_cycle_finder_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("package", ["kiosk", "ui"])
def test_few_modules_lie_flat_in_a_top_package(package: str) -> None:
    """Code lives in packages by concern (docs/architecture.md), not side by side at the top."""
    flat = sorted(p.name for p in (ROOT / package).glob("*.py"))
    assert len(flat) <= 12, flat


def test_ruff_is_clean() -> None:
    result = run(tool("ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_core_devices_and_ui() -> None:
    result = run(tool("mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_admin_commands_do_not_load_qt() -> None:
    code = (
        "import sys; from kiosk.cli.main import build_parser; build_parser(); "
        "import ui.shell.commands; assert 'PySide6' not in sys.modules, 'Qt loaded'"
    )
    result = run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr
