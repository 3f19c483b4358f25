"""A short sound with each answer on screen: rising for welcome, falling for a refusal.

People at a lobby often look away from the screen once their badge is on the reader; a cue
tells them the answer came (WCAG asks that no result rest on one sense alone). The two cues
differ in direction, length and pitch, so they are told apart without comparing them.

The tones are made here (16-bit mono WAV, a few kilobytes) and written once to the data
folder's cache; a player program (``aplay``, ``paplay`` or ``sound.command``) plays them on a
thread of its own, so the GUI thread never waits for an audio device. A kiosk with no player or
no audio device stays silent, says so once in the log, and works as before.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import os
import queue
import shlex
import shutil
import struct
import subprocess
import threading
import wave
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.config.settings import Config

log = logging.getLogger(__name__)

RATE = 22_050
PLAY_TIMEOUT = 5.0  # a player stuck on a busy device is given up, not waited for
FAILURES_TO_GIVE_UP = 3  # in a row: a busy device once is not "no audio device"


class Cue(Enum):
    WELCOME = "welcome"
    REFUSED = "refused"


# (frequency Hz, milliseconds) per note: welcome rises a fourth, short and light; refused falls
# and lasts longer, lower, so the two differ in more than pitch.
NOTES: dict[Cue, tuple[tuple[float, int], ...]] = {
    Cue.WELCOME: ((659.3, 90), (880.0, 140)),
    Cue.REFUSED: ((392.0, 170), (261.6, 260)),
}


def tone_wav(notes: Sequence[tuple[float, int]], volume: int) -> bytes:
    """A WAV file of sine notes with soft edges (no clicks) at ``volume`` percent."""
    amplitude = 32767 * 0.8 * max(1, min(volume, 100)) / 100
    frames = bytearray()
    for frequency, millis in notes:
        count = RATE * millis // 1000
        fade = max(1, RATE * 8 // 1000)  # 8 ms in and out
        for i in range(count):
            edge = min(1.0, i / fade, (count - 1 - i) / fade)
            sample = amplitude * edge * math.sin(2 * math.pi * frequency * i / RATE)
            frames += struct.pack("<h", round(sample))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


def find_player(command: str | None) -> list[str] | None:
    """The configured player's argv, or the first of ``aplay -q`` / ``paplay`` on PATH."""
    if command:
        argv = shlex.split(command)
        return argv if argv and shutil.which(argv[0]) else None
    for candidate in (["aplay", "-q"], ["paplay"]):
        if shutil.which(candidate[0]):
            return candidate
    return None


def cues_for(config: Config) -> SoundCues | None:
    """The kiosk's cues as ``[sound]`` says (None: off for this screen)."""
    if not config.sound.enabled_for(config.role):
        return None
    sound = config.sound
    return SoundCues(config.data_dir / "cache", volume=sound.volume, command=sound.command)


class SoundCues:
    """Plays cues on its own thread; ``play`` never blocks and drops a cue while one plays."""

    def __init__(self, cache_dir: Path, *, volume: int = 70, command: str | None = None) -> None:
        self._player = find_player(command)
        self._files: dict[Cue, Path] = {}
        self._queue: queue.Queue[Cue | None] = queue.Queue(maxsize=1)
        self._thread: threading.Thread | None = None
        self._failed = False
        self._failures = 0
        self._stopping = threading.Event()
        if self._player is None:
            log.info("sound cues off: no player (%s) found", command or "aplay, paplay")
            return
        cache_dir.mkdir(parents=True, exist_ok=True)
        for cue, notes in NOTES.items():
            self._files[cue] = _cached(cache_dir / f"cue-{cue.value}-{volume}.wav", notes, volume)
        self._thread = threading.Thread(target=self._run, name="sound-cues", daemon=True)
        self._thread.start()

    @property
    def available(self) -> bool:
        return self._player is not None and not self._failed

    def play(self, cue: Cue) -> None:
        if not self.available:
            return
        # One answer at a time: a burst of taps gets one cue, not a queue of them.
        with contextlib.suppress(queue.Full):
            self._queue.put_nowait(cue)

    def stop(self) -> None:
        """End the thread: a waiting cue is dropped; one playing ends within PLAY_TIMEOUT."""
        if self._thread is None:
            return
        self._stopping.set()
        with contextlib.suppress(queue.Empty):
            self._queue.get_nowait()
        with contextlib.suppress(queue.Full):
            self._queue.put_nowait(None)
        self._thread.join(timeout=PLAY_TIMEOUT + 1)
        self._thread = None

    def _run(self) -> None:
        while (cue := self._queue.get()) is not None and not self._stopping.is_set():
            if self._failed:
                continue  # given up: a cue queued before that is dropped too
            assert self._player is not None
            try:
                done = subprocess.run(
                    [*self._player, str(self._files[cue])],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    timeout=PLAY_TIMEOUT,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                self._failed_once(type(exc).__name__)
                continue
            if done.returncode != 0:
                reason = done.stderr.decode(errors="replace").strip().splitlines()
                self._failed_once(reason[-1] if reason else f"exit {done.returncode}")
            else:
                self._failures = 0

    def _failed_once(self, reason: str) -> None:
        """No audio device (or a broken player) fails every time: silent then, said once."""
        self._failures += 1
        if self._failures >= FAILURES_TO_GIVE_UP and not self._failed:
            self._failed = True
            log.warning(
                "sound cues off: the player failed %d times (%s)", self._failures, reason[:200]
            )


def _cached(path: Path, notes: Sequence[tuple[float, int]], volume: int) -> Path:
    """The cue's WAV file, rewritten unless it holds exactly these tones; written whole or not
    at all (a kiosk losing power mid-write must not keep a cut-off file for good)."""
    data = tone_wav(notes, volume)
    with contextlib.suppress(OSError):
        if path.read_bytes() == data:
            return path
    partial = path.with_suffix(".part")
    partial.write_bytes(data)
    os.replace(partial, path)
    return path
