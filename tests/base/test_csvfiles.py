from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.base.csvfiles import decode, neutralise, safe_row, sniff_delimiter


@pytest.mark.parametrize("text", ["=1+2", "+1", "-1", "@A1", "\t=1", "\r=1"])
def test_formula_starts_become_text(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Åsa", "LK1:ABC", "", " =1", 5, None])
def test_other_values_stay(value: object) -> None:
    assert neutralise(value) == value


def test_a_row_keeps_its_numbers() -> None:
    assert safe_row([2, "=x", "y"]) == [2, "'=x", "y"]


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [("name,host\n", ","), ("name;host\n", ";"), ("name\thost\n", "\t"), ("name\n", ",")],
)
def test_the_header_line_names_the_delimiter(header: str, delimiter: str) -> None:
    assert sniff_delimiter(header + "a;b,c\tc\n") == delimiter


def test_utf8_with_or_without_bom_and_windows_1252(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert decode("\ufeffÄö".encode(), tmp_path) == "Äö"
    assert decode("Äö".encode(), tmp_path) == "Äö"
    assert not caplog.records
    assert decode("Äö€".encode("cp1252"), tmp_path) == "Äö€"
    assert "Windows-1252" in caplog.text
    assert decode(b"\x81", tmp_path) == "\x81"  # undefined in cp1252: latin-1, never an error
