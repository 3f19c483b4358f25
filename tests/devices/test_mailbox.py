"""ReadMailbox: bounded per reader, one wake-up per batch, safe across threads."""

from __future__ import annotations

import threading

import pytest

from devices.events import ReadEvent
from devices.mailbox import ReadMailbox


def read(reader: str, value: str, kind: str = "text") -> ReadEvent:
    return ReadEvent(kind, value, reader, "scanner", 0.0)


def test_one_wake_up_per_batch_and_reads_in_arrival_order() -> None:
    wakes: list[int] = []
    box = ReadMailbox(lambda: wakes.append(1), capacity=4)
    box.post(read("qr", "a"))
    box.post(read("badge", "B1", "badge"))
    box.post(read("qr", "b"))
    assert len(wakes) == 1
    batch = box.take()
    assert [(e.reader, e.value) for e in batch.reads] == [("qr", "a"), ("badge", "B1"), ("qr", "b")]
    assert batch.dropped == {}
    box.post(read("qr", "c"))
    assert len(wakes) == 2


def test_a_full_reader_loses_its_oldest_read_and_no_other_readers() -> None:
    box = ReadMailbox(lambda: None, capacity=3)
    for i in range(100):
        box.post(read("qr", f"junk {i}"))
    box.post(read("badge", "B1", "badge"))
    assert len(box) == 4
    batch = box.take()
    assert [e.value for e in batch.reads] == ["junk 97", "junk 98", "junk 99", "B1"]
    assert batch.dropped == {"qr": 97}
    assert box.take().dropped == {}


def test_a_read_already_waiting_is_not_added_again() -> None:
    box = ReadMailbox(lambda: None)
    for _ in range(5):
        box.post(read("qr", "same"))
    assert [e.value for e in box.take().reads] == ["same"]


def test_many_threads_post_and_memory_stays_bounded() -> None:
    box = ReadMailbox(lambda: None, capacity=8)
    taken: list[ReadEvent] = []
    dropped: dict[str, int] = {}

    def spew(name: str) -> None:
        for i in range(2000):
            box.post(read(name, str(i)))
            assert len(box) <= 8 * 4

    threads = [threading.Thread(target=spew, args=(f"r{n}",)) for n in range(4)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        batch = box.take()
        taken += batch.reads
        for name, count in batch.dropped.items():
            dropped[name] = dropped.get(name, 0) + count
    for t in threads:
        t.join()
    batch = box.take()
    taken += batch.reads
    for name, count in batch.dropped.items():
        dropped[name] = dropped.get(name, 0) + count
    for n in range(4):
        got = [int(e.value) for e in taken if e.reader == f"r{n}"]
        assert got == sorted(got) and got[-1] == 1999  # order kept, the newest never lost
        assert len(got) + dropped.get(f"r{n}", 0) == 2000


def test_a_mailbox_needs_a_slot() -> None:
    with pytest.raises(ValueError, match="at least one read"):
        ReadMailbox(lambda: None, capacity=0)
