"""The build requirements match what the metadata uses."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _minimum(requirement: str) -> tuple[int, ...]:
    found = re.fullmatch(r"setuptools\s*>=\s*([\d.]+)", requirement.strip())
    assert found, f"setuptools without a minimum version: {requirement!r}"
    return tuple(int(part) for part in found.group(1).split("."))


def test_a_pep_639_licence_string_needs_setuptools_77() -> None:
    data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    setuptools = [r for r in data["build-system"]["requires"] if r.startswith("setuptools")]
    assert len(setuptools) == 1
    if isinstance(data["project"].get("license"), str):  # an SPDX expression (PEP 639)
        assert _minimum(setuptools[0]) >= (77,)
