from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator

import pytest

from kiosk.base.logsetup import JournalFormatter, file_log_wanted, journal_stderr


@pytest.fixture
def pipe() -> Iterator[tuple[int, int]]:
    r, w = os.pipe()
    yield r, w
    os.close(r)
    os.close(w)


def _stream(fd: int) -> str:
    st = os.fstat(fd)
    return f"{st.st_dev}:{st.st_ino}"


def test_the_journal_is_stderr_only_when_the_variable_names_it(pipe: tuple[int, int]) -> None:
    _r, w = pipe
    assert journal_stderr({"JOURNAL_STREAM": _stream(w)}, fd=w)
    other_r, other_w = os.pipe()
    try:  # inherited by a child whose stderr goes elsewhere: not the journal
        assert not journal_stderr({"JOURNAL_STREAM": _stream(w)}, fd=other_w)
    finally:
        os.close(other_r)
        os.close(other_w)
    assert not journal_stderr({}, fd=w)
    assert not journal_stderr({"JOURNAL_STREAM": "junk"}, fd=w)


def test_each_line_has_its_priority_and_no_timestamp() -> None:
    formatter = JournalFormatter()

    def line(level: int, msg: str, exc: bool = False) -> str:
        info = sys.exc_info() if exc else None
        record = logging.LogRecord("kiosk.x", level, __file__, 1, msg, None, info)
        return formatter.format(record)

    assert line(logging.WARNING, "reader gone") == "<4>WARNING kiosk.x: reader gone"
    assert line(logging.INFO, "ready") == "<6>INFO kiosk.x: ready"
    assert line(logging.DEBUG, "d").startswith("<7>")
    assert line(logging.ERROR, "e").startswith("<3>")
    assert line(logging.CRITICAL, "c").startswith("<2>")
    try:
        raise ValueError("boom")
    except ValueError:
        text = line(logging.ERROR, "failed", exc=True)
    lines = text.split("\n")
    assert len(lines) > 3 and all(x.startswith("<3>") for x in lines)


def test_a_file_log_unless_the_journal_has_it() -> None:
    assert file_log_wanted("auto", {})
    assert not file_log_wanted("no", {})
    assert file_log_wanted("yes", {})
