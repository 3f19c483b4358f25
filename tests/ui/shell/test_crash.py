from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator

import pytest

from ui.shell import crash


@pytest.fixture
def restore_hooks() -> Iterator[None]:
    saved = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = saved


@pytest.mark.usefixtures("restore_hooks")
def test_an_unhandled_error_is_logged_and_the_screen_goes_home(
    caplog: pytest.LogCaptureFixture,
) -> None:
    homes: list[bool] = []
    crash.install(lambda: homes.append(True))
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR, logger="kiosk.crash"):
            sys.excepthook(type(exc), exc, exc.__traceback__)
    assert homes == [True]
    assert "unhandled RuntimeError" in caplog.text


@pytest.mark.usefixtures("restore_hooks")
def test_an_error_in_a_worker_thread_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    crash.install(lambda: None)

    def fail() -> None:
        raise ValueError("bad frame")

    with caplog.at_level(logging.ERROR, logger="kiosk.crash"):
        thread = threading.Thread(target=fail, name="reader-x")
        thread.start()
        thread.join()
    assert "unhandled ValueError in thread reader-x" in caplog.text
