"""A row that fails on anything but a rule (a bug's ValueError) is refused without the
exception's words, and the log names its line and kind only: never what the row held."""

from __future__ import annotations

import logging

import pytest

from kiosk.lobby.invite_import import ROW_FAILED, Imported, each_row

SECRET = "Eeva Ek <eeva@okm.example>"


@pytest.mark.parametrize("error", [ValueError, OverflowError])
def test_an_unexpected_error_is_refused_without_its_message(
    error: type[Exception], caplog: pytest.LogCaptureFixture
) -> None:
    def handle(line: int, row: dict[str, str]) -> Imported:
        if line == 3:
            raise error(f"{SECRET} does not fit")
        raise AssertionError("only line 3 is handled")

    caplog.set_level(logging.WARNING, logger="kiosk.lobby.invite_import")
    result = each_row(iter([(3, {"name": SECRET})]), handle)

    assert [(r.line, r.reason) for r in result.refused] == [(3, ROW_FAILED)]
    assert SECRET not in caplog.text and "does not fit" not in caplog.text
    assert [r.getMessage() for r in caplog.records] == [
        f"import: line 3 failed on {error.__name__} (its message left out)"
    ]


def test_a_rules_refusal_keeps_its_words_and_logs_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from kiosk.base.errors import UsageError

    def handle(line: int, row: dict[str, str]) -> Imported:
        raise UsageError("name must not be empty")

    caplog.set_level(logging.DEBUG, logger="kiosk.lobby.invite_import")
    result = each_row(iter([(2, {"name": ""})]), handle)
    assert [r.reason for r in result.refused] == ["name must not be empty"]
    assert caplog.records == []
