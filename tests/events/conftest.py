"""Fixtures for the event tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.events.helpers import EventLab, make_event_lab
from tests.ui.conftest import language, tz  # the screens' fixtures, shared

__all__ = ["language", "tz"]


@pytest.fixture
def elab(tmp_path: Path) -> Iterator[EventLab]:
    lab = make_event_lab(tmp_path)
    yield lab
    lab.lab.close()
