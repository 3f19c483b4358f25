"""The console's values survive JSON both ways, and data of another shape is refused."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta

import pytest

from kiosk.console.models import (
    CsvOutcome,
    CsvRow,
    EventDraft,
    FleetRow,
    LocalText,
    ReaderState,
    TodayView,
)
from kiosk.console.wire import decode, to_json
from tests.stores import NOON


def _round_trip(value: object) -> object:
    return decode(type(value), json.loads(json.dumps(to_json(value))))


def test_nested_values_round_trip() -> None:
    values = [
        EventDraft(
            LocalText("Ilta", "Kväll", "Evening"),
            NOON,
            NOON + timedelta(hours=2),
            room_id="aurora",
            capacity=20,
            id=uuid.uuid4(),
        ),
        CsvOutcome((CsvRow(2, "Eeva", True), CsvRow(3, "", False, "name: empty")), 1),
        FleetRow(
            "door-1",
            "door",
            "aurora",
            "1.0",
            NOON,
            True,
            (ReaderState("badge", "ok"),),
            None,
            0,
            0,
            False,
        ),
        TodayView(date(2026, 11, 26), (), ()),
    ]
    for value in values:
        assert _round_trip(value) == value


def test_data_of_another_shape_is_refused() -> None:
    data = to_json(CsvRow(2, "Eeva", True))
    with pytest.raises(ValueError, match="expected int"):
        decode(CsvRow, {**data, "line": "2"})
    with pytest.raises(ValueError, match="expected bool"):
        decode(CsvRow, {**data, "ok": 1})
    with pytest.raises(ValueError, match="expected an object"):
        decode(CsvRow, [data])
    with pytest.raises(TypeError):
        decode(CsvRow, {"line": 2})  # a field missing
    assert LocalText("Ilta", "", "Evening").get("sv") == "Ilta"
