"""Sound cues: two tones told apart by ear, played by a real player program off the GUI thread."""

from __future__ import annotations

import io
import itertools
import logging
import math
import time
import wave
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from kiosk.config.settings import SoundConfig
from tests.helpers import wait_for
from tools.sample_views import tap_outcomes
from ui.lobby.screen import LobbyScreen
from ui.runtime.sound import NOTES, RATE, Cue, SoundCues, tone_wav


def _samples(data: bytes) -> list[int]:
    with wave.open(io.BytesIO(data)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE)
        raw = wav.readframes(wav.getnframes())
    return [int.from_bytes(raw[i : i + 2], "little", signed=True) for i in range(0, len(raw), 2)]


def _pitch(samples: list[int]) -> float:
    """Hz from zero crossings: enough to tell a rising cue from a falling one."""
    crossings = sum(1 for a, b in itertools.pairwise(samples) if a < 0 <= b)
    return crossings * RATE / len(samples)


def test_welcome_rises_and_refused_falls_and_lasts_longer() -> None:
    for cue, rising in ((Cue.WELCOME, True), (Cue.REFUSED, False)):
        samples = _samples(tone_wav(NOTES[cue], 70))
        first_ms = NOTES[cue][0][1]
        split = RATE * first_ms // 1000
        first, second = _pitch(samples[:split]), _pitch(samples[split:])
        assert (second > first) is rising, (cue, first, second)
        assert math.isclose(first, NOTES[cue][0][0], rel_tol=0.05)
    welcome = len(_samples(tone_wav(NOTES[Cue.WELCOME], 70)))
    refused = len(_samples(tone_wav(NOTES[Cue.REFUSED], 70)))
    assert refused > 1.5 * welcome


def test_volume_scales_the_loudness_and_edges_do_not_click() -> None:
    loud = _samples(tone_wav(NOTES[Cue.WELCOME], 100))
    quiet = _samples(tone_wav(NOTES[Cue.WELCOME], 20))
    assert max(map(abs, quiet)) < 0.25 * max(map(abs, loud))
    assert abs(loud[0]) < 200 and abs(loud[-1]) < 200  # faded in and out


def test_a_real_player_gets_each_cue_as_a_wav_file(tmp_path: Path) -> None:
    played = tmp_path / "played"
    played.mkdir()
    # The player: a shell that appends the file it is given (the last argument) to a record.
    command = f'sh -c \'cat "$0" >> {played}/$(basename "$0")\''
    cues = SoundCues(tmp_path / "cache", volume=50, command=command)
    try:
        assert cues.available
        cues.play(Cue.WELCOME)
        wait_for(lambda: (played / "cue-welcome-50.wav").exists(), 10, "the welcome cue played")
        cues.play(Cue.REFUSED)
        wait_for(lambda: (played / "cue-refused-50.wav").exists(), 10, "the refusal played")
    finally:
        cues.stop()
    assert (played / "cue-welcome-50.wav").read_bytes() == tone_wav(NOTES[Cue.WELCOME], 50)


def test_no_audio_device_goes_quiet_once_and_says_so_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    counter = tmp_path / "tries"
    # A player that always fails, as aplay does without a sound card.
    command = f"sh -c 'echo x >> {counter}; echo \"no soundcards found\" >&2; exit 1'"
    cues = SoundCues(tmp_path / "cache", command=command)

    def tries() -> int:
        return len(counter.read_text().splitlines()) if counter.exists() else 0

    with caplog.at_level(logging.WARNING, logger="ui.runtime.sound"):
        for attempt in (1, 2, 3):
            cues.play(Cue.WELCOME)
            wait_for(lambda n=attempt: tries() == n, 10, f"try {attempt}")  # type: ignore[misc]
        wait_for(lambda: not cues.available, 10, "the cues gave up")
        for _ in range(5):
            cues.play(Cue.REFUSED)  # silent now: the player is not run again
        cues.stop()  # any cue still queued is handled or dropped by now
    assert tries() == 3
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == ["sound cues off: the player failed 3 times (no soundcards found)"]


def test_without_a_player_the_kiosk_stays_silent(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="ui.runtime.sound"):
        cues = SoundCues(tmp_path / "cache", command="no-such-player-here --quiet")
    cues.play(Cue.WELCOME)  # nothing to do, nothing raised
    cues.stop()
    assert not cues.available
    assert not (tmp_path / "cache").exists()
    assert "sound cues off: no player" in caplog.text


def test_the_lobby_asks_for_a_cue_for_welcomes_and_refusals_only(
    qtbot: QtBot, tz: ZoneInfo
) -> None:
    lobby = LobbyScreen(tz, welcome_seconds=30)
    qtbot.addWidget(lobby)
    heard: list[Cue] = []
    lobby.answered.connect(heard.append)
    outcomes = tap_outcomes()
    for name in ("checked-in", "already-in", "unknown-badge", "error"):
        lobby.show_outcome(outcomes[name])
    assert heard == [Cue.WELCOME, Cue.REFUSED, Cue.REFUSED]  # "already in" is information
    lobby.show_home()


@pytest.mark.parametrize(
    ("cues", "role", "enabled"),
    [
        ("auto", "lobby", True),
        ("auto", "door", False),
        ("on", "door", True),
        ("off", "lobby", False),
    ],
)
def test_auto_means_on_at_a_lobby_and_off_at_a_door(cues: str, role: str, enabled: bool) -> None:
    assert SoundConfig(cues=cues).enabled_for(role) is enabled


def test_a_cut_off_cue_file_is_written_again(tmp_path: Path) -> None:
    """Power lost while the cache was written: the next start replaces the stump."""
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "cue-welcome-70.wav").write_bytes(b"RIFF\x00\x01")
    cues = SoundCues(cache, command="sh -c 'true'")
    cues.stop()
    assert (cache / "cue-welcome-70.wav").read_bytes() == tone_wav(NOTES[Cue.WELCOME], 70)
    assert not list(cache.glob("*.part"))


def test_stop_is_quick_with_a_cue_waiting(tmp_path: Path) -> None:
    cues = SoundCues(tmp_path / "cache", command="sh -c 'sleep 0.5'")
    cues.play(Cue.WELCOME)
    cues.play(Cue.REFUSED)  # waits in the queue behind the playing one
    started = time.monotonic()
    cues.stop()
    assert time.monotonic() - started < 3  # one short cue at most, never the full timeout
