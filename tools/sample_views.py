"""Fixed, realistic view models for screenshots and UI tests.

One place for "what a Thursday at the Lab looks like", so the screenshot tool and the tests
exercise the same states: every room state, every tap outcome, every status-strip case.
Times are UTC-aware; 12.25 UTC is 14.25 in Helsinki in November.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.views.screens import (
    BookingView,
    DoorView,
    KioskStatus,
    ReaderState,
    RoomState,
    ScanOutcome,
    ScanResult,
    TapOutcome,
    TapResult,
)

NOW = datetime(2026, 11, 26, 12, 25, tzinfo=UTC)
ROOM_NAME = "Neuvotteluhuone Kallio"


def _at(hour: int, minute: int = 0, base: datetime = NOW) -> datetime:
    """A UTC time on ``base``'s day; Helsinki is UTC+2 in winter, so 11:00 here is 13.00 there."""
    return base.replace(hour=hour, minute=minute, second=0, microsecond=0)


def _booking(
    title: str,
    start: tuple[int, int],
    end: tuple[int, int],
    *,
    private: bool = False,
    provisional: bool = False,
) -> BookingView:
    return BookingView(title, private, _at(*start), _at(*end), provisional)


UPCOMING: tuple[BookingView, ...] = (
    _booking("Digipalveluiden yhteiskehittämistyöpaja", (13, 30), (14, 30)),
    _booking("1:1", (14, 30), (15, 0), private=True),
    _booking("Ohjausryhmä", (15, 0), (16, 0), provisional=True),
    _booking("Kirjoitustalkoot", (16, 0), (17, 0)),
    _booking("Iltatilaisuuden valmistelu", (17, 0), (17, 30)),
)


def door_views(now: datetime = NOW) -> dict[str, DoorView]:
    """One view per interesting door state, keyed by a short name used in file names."""
    current = BookingView("Hallinnon hackathon: avoin data", False, _at(11), _at(13), False)
    return {
        "free-until": DoorView(
            "kallio", ROOM_NAME, RoomState.FREE, now, upcoming=UPCOMING, free_until=_at(13, 30)
        ),
        "free-all-day": DoorView("kallio", ROOM_NAME, RoomState.FREE, now),
        "busy": DoorView(
            "kallio", ROOM_NAME, RoomState.BUSY, now, current=current, upcoming=UPCOMING[:3]
        ),
        "busy-private": DoorView(
            "kallio",
            ROOM_NAME,
            RoomState.BUSY,
            now,
            current=BookingView("Salainen", True, _at(12), _at(15, 15), True),
            upcoming=UPCOMING[3:],
        ),
        "event": DoorView(
            "kallio",
            ROOM_NAME,
            RoomState.EVENT,
            now,
            upcoming=UPCOMING[2:],
            mode_title="Työ 2.0 -päivä: Tulevaisuuden työ",
            mode_until=_at(16),
        ),
        "closed": DoorView(
            "kallio",
            ROOM_NAME,
            RoomState.CLOSED,
            now,
            mode_title="Remontti",
            mode_until=_at(7, base=now + timedelta(days=1)),
        ),
        "closed-indefinitely": DoorView("kallio", ROOM_NAME, RoomState.CLOSED, now),
    }


def tap_outcomes(now: datetime = NOW) -> dict[str, TapOutcome]:
    since = now - timedelta(hours=5, minutes=11)
    return {
        "checked-in": TapOutcome(TapResult.CHECKED_IN, now, name="Aino Virtanen"),
        "checked-out": TapOutcome(TapResult.CHECKED_OUT, now, name="Aino Virtanen"),
        "already-in": TapOutcome(TapResult.ALREADY_IN, now, name="Aino Virtanen", since=since),
        "already-out": TapOutcome(TapResult.ALREADY_OUT, now, name="Aino", since=since),
        "unknown-badge": TapOutcome(TapResult.UNKNOWN_BADGE, now),
        "error": TapOutcome(TapResult.ERROR, now),
    }


def scan_outcomes(now: datetime = NOW) -> dict[str, ScanOutcome]:
    """One outcome per kind of scanned invitation code, for screenshots and UI tests."""
    morning = now.replace(hour=7, minute=14)  # 9.14 in Helsinki
    return {
        "welcome": ScanOutcome(ScanResult.WELCOME, now, "Eeva Ek", "Mikko Korhonen"),
        "welcome-unsynced": ScanOutcome(ScanResult.WELCOME, now),
        "checked-out": ScanOutcome(ScanResult.CHECKED_OUT, now, "Eeva Ek", "Mikko Korhonen"),
        "already-in": ScanOutcome(ScanResult.ALREADY_CHECKED_IN, now, since=morning),
        "not-yet-valid": ScanOutcome(
            ScanResult.NOT_YET_VALID, now, valid_from=now + timedelta(days=7)
        ),
        "expired": ScanOutcome(ScanResult.EXPIRED, now, valid_to=now - timedelta(days=1)),
        "not-a-lab-code": ScanOutcome(ScanResult.NOT_A_LAB_CODE, now),
        "unknown-key": ScanOutcome(ScanResult.UNKNOWN_KEY, now),
        "withdrawn": ScanOutcome(ScanResult.WITHDRAWN, now),
        "error": ScanOutcome(ScanResult.ERROR, now),
    }


def statuses(now: datetime = NOW) -> dict[str, KioskStatus]:
    return {
        "ok": KioskStatus(readers=(ReaderState("badge", "connected"),)),
        "offline": KioskStatus(
            online=False, offline_since=now - timedelta(minutes=23), outbox_depth=3
        ),
        "offline-since-yesterday": KioskStatus(
            online=False, offline_since=now - timedelta(days=1, hours=2), outbox_depth=1
        ),
        "first-sync": KioskStatus(syncing_first_time=True),
        "reader-reconnecting": KioskStatus(readers=(ReaderState("badge", "reconnecting"),)),
        "reader-failed": KioskStatus(readers=(ReaderState("qr", "failed", "device unplugged"),)),
        "duplicate-id": KioskStatus(
            readers=(ReaderState("badge", "connected"),), duplicate_id="door-aurora"
        ),
        "disk-full": KioskStatus(disk_full=True),
    }
