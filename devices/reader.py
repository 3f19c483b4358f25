"""One serial reader on its own thread: open, read, parse, fold repeats, survive unplugging.

The kiosk must keep working when a reader is unplugged, replugged, missing at boot, or spewing
noise, so this thread never gives up: I/O errors turn into a "reconnecting" status and a retry
with capped exponential backoff, bad frames are dropped and counted, and exceptions from the
callbacks are logged instead of ending the thread. A reader that produces text reads and bad
frames faster than people can (see :mod:`devices.flood`) is reported once as "noisy" and its text
reads are dropped until it calms down, so junk on one line never buries the other readers.
Card ids never reach the log (a 40-bit id is short enough that even a hash of it would identify
the card).
"""

from __future__ import annotations

import errno
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import serial

from devices import flood
from devices.events import TEXT, ReaderStatus, ReadEvent
from devices.flood import FloodGuard
from devices.frames import Driver, FrameError, Parser, Read, Result
from devices.holdoff import HoldOff
from devices.registry import get_protocol

log = logging.getLogger(__name__)

CONNECTED = "connected"
RECONNECTING = "reconnecting"
FAILED = "failed"
NOISY = "noisy"
NOISY_ERROR = "noise on the line: text reads dropped until it stops"
STOPPED = "stopped"

#: Errors a person has to fix (permissions, another program holding the port). The reader still
#: retries, but reports "failed" so the host panel says so instead of "reconnecting".
_NEEDS_A_PERSON = {errno.EACCES, errno.EPERM, errno.EBUSY, errno.EAGAIN}


class SerialReader:
    """Reads one port with one protocol and reports reads and status through callbacks.

    Callbacks run on the reader's thread; a GUI must re-post them to its own thread. The port is
    opened through ``serial_factory`` (``serial.Serial`` by default) with ``exclusive=True``, so
    two kiosk processes never split one reader's bytes between them.

    Beyond the public contract: ``on_frame_error`` sees each dropped frame while the reader is not
    noisy (the status only carries a throttled count), ``flood_limit`` and ``flood_window`` say
    when it is noisy (:class:`devices.flood.FloodGuard`), ``parser_factory`` replaces the
    protocol's default parser (for options such as a scanner's terminator), and the timing knobs
    exist for tests.
    """

    def __init__(
        self,
        name: str,
        port: str,
        protocol: str,
        *,
        baud: int | None = None,
        hold_off: float | None = None,
        on_event: Callable[[ReadEvent], None],
        on_status: Callable[[ReaderStatus], None],
        serial_factory: Callable[..., serial.Serial] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        on_frame_error: Callable[[FrameError], None] | None = None,
        read_timeout: float = 0.05,
        backoff_initial: float = 0.2,
        backoff_max: float = 5.0,
        status_interval: float = 0.5,
        parser_factory: Callable[[], Parser] | None = None,
        flood_limit: int | None = None,
        flood_window: float | None = None,
    ) -> None:
        self._spec = get_protocol(protocol)  # KeyError now, not on the thread later
        # A custom factory carries protocol options, e.g. a scanner's terminator or prefix.
        self._make_parser = parser_factory or self._spec.make_parser
        self._name = name
        self._port_path = port
        self._baud = baud if baud is not None else self._spec.default_baud
        self._hold_off = HoldOff(hold_off if hold_off is not None else self._spec.default_hold_off)
        self._on_event = on_event
        self._on_status = on_status
        self._on_frame_error = on_frame_error
        self._factory: Callable[..., serial.Serial] = serial_factory or serial.Serial
        self._monotonic = monotonic
        self._read_timeout = min(read_timeout, 0.1)
        self._backoff_initial = backoff_initial
        self._backoff_max = backoff_max
        self._status_interval = status_interval
        self._flood_limit = flood_limit if flood_limit is not None else flood.LIMIT
        self._flood_window = flood_window if flood_window is not None else flood.WINDOW
        self._flood = FloodGuard(self._flood_limit, self._flood_window)  # bad knobs fail here

        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._port: serial.Serial | None = None
        self._status = ReaderStatus(name, STOPPED)
        self._reported: ReaderStatus | None = None
        self._reported_at = float("-inf")

    @property
    def name(self) -> str:
        return self._name

    @property
    def status(self) -> ReaderStatus:
        with self._lock:
            return self._status

    def start(self) -> None:
        """Start the reader thread (named ``reader-<name>``). A reader starts once."""
        if self._thread is not None:
            raise RuntimeError(f"reader {self._name} was already started")
        self._thread = threading.Thread(target=self._run, name=f"reader-{self._name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop the thread and wait up to ``timeout`` seconds for it (reads wake up at once)."""
        self._stop.set()
        with self._lock:
            port = self._port
        if port is not None:
            try:
                port.cancel_read()
            except Exception:  # a closing port may refuse; the read timeout ends the read anyway
                log.debug("cancel_read failed on reader %s", self._name, exc_info=True)
        thread = self._thread
        if thread is None:
            self._set_status(STOPPED, None)
            return
        if thread is threading.current_thread():
            return  # called from a callback: the loop ends when the callback returns
        thread.join(timeout)
        if thread.is_alive():
            log.warning("reader %s did not stop within %.1f s", self._name, timeout)

    # -- the thread ---------------------------------------------------------------------------

    def _run(self) -> None:
        backoff = self._backoff_initial
        while not self._stop.is_set():
            try:
                port = self._open()
            except (serial.SerialException, OSError, ValueError) as exc:
                # ValueError: pyserial rejected a setting (a baud rate, say): a config problem.
                person = isinstance(exc, ValueError) or _errno(exc) in _NEEDS_A_PERSON
                state = FAILED if person else RECONNECTING
                self._set_status(state, _describe(exc))
                if self._stop.wait(backoff):
                    break
                backoff = min(backoff * 2, self._backoff_max)
                continue
            opened_at = time.monotonic()
            self._set_status(CONNECTED, None)
            try:
                self._pump(port)
            except (serial.SerialException, OSError) as exc:
                if not self._stop.is_set():
                    self._set_status(RECONNECTING, _describe(exc))
            except Exception as exc:
                log.exception("reader %s failed", self._name)
                self._set_status(FAILED, f"internal error: {type(exc).__name__}")
            finally:
                self._close(port)
            if self._stop.is_set():
                break
            # A port that opens and fails at once (a half-dead adapter) must not spin the CPU.
            if time.monotonic() - opened_at > 2.0:
                backoff = self._backoff_initial
            if self._stop.wait(backoff):
                break
            backoff = min(backoff * 2, self._backoff_max)
        self._set_status(STOPPED, None)

    def _open(self) -> serial.Serial:
        port = self._factory(
            port=self._port_path,
            baudrate=self._baud,
            timeout=self._effective_timeout(),
            write_timeout=1.0,
            exclusive=True,
        )
        with self._lock:
            self._port = port
        if self._stop.is_set():  # stop() ran between open and publish: it could not cancel
            port.cancel_read()
        return port

    def _effective_timeout(self) -> float:
        gap = self._make_parser().idle_gap
        return self._read_timeout if gap is None else min(self._read_timeout, gap / 2)

    def _close(self, port: serial.Serial) -> None:
        with self._lock:
            self._port = None
        try:
            port.close()
        except Exception:
            log.debug("closing reader %s failed", self._name, exc_info=True)

    def _pump(self, port: serial.Serial) -> None:
        parser = self._make_parser()
        self._flood = FloodGuard(self._flood_limit, self._flood_window)
        driver = parser if isinstance(parser, Driver) else None
        if driver is not None:
            driver.on_open(port, self._monotonic())
        last_byte_at: float | None = None
        while not self._stop.is_set():
            data = port.read(max(1, port.in_waiting))
            now = self._monotonic()
            if data:
                last_byte_at = now
                self._handle(parser.feed(data), now)
            elif (
                parser.idle_gap is not None
                and parser.buffered
                and last_byte_at is not None
                and now - last_byte_at >= parser.idle_gap
            ):
                self._handle(parser.flush_idle(), last_byte_at)
            if driver is not None:
                self._handle(driver.poll(port, now), now)
            if self._flood.calmed(now):
                self._calmed()
            self._flush_status()

    def _handle(self, results: list[Result], at: float) -> None:
        guard = self._flood
        for result in results:
            if isinstance(result, Read):
                if result.kind == TEXT and guard.noisy:
                    guard.count(at)  # no hold-off: junk would fill its table
                    guard.dropped += 1
                    continue
                if not self._hold_off.admit(result.kind, result.value, at):
                    continue
                if result.kind == TEXT and guard.count(at):  # badge reads were checksummed
                    self._turned_noisy()
                    guard.dropped += 1
                    continue
                log.debug("reader %s: %s read", self._name, result.kind)
                self._emit_event(
                    ReadEvent(
                        kind=result.kind,
                        value=result.value,
                        reader=self._name,
                        protocol=self._spec.name,
                        at=at,
                        extra=dict(result.extra),
                    )
                )
                continue
            was_noisy = guard.noisy
            if guard.count(at):
                self._turned_noisy()
            if was_noisy or guard.noisy:
                # Counted in the status only: no log line or callback per junk frame.
                with self._lock:
                    current = self._status
                    self._status = ReaderStatus(
                        self._name, current.state, current.error, current.bad_frames + 1
                    )
            else:
                log.debug("reader %s dropped a frame: %s", self._name, result.reason)
                with self._lock:
                    current = self._status
                    self._status = ReaderStatus(
                        self._name,
                        current.state,
                        f"bad frame: {result.reason}",
                        current.bad_frames + 1,
                    )
                if self._on_frame_error is not None:
                    _call(self._on_frame_error, result, "on_frame_error", self._name)
                self._flush_status()

    def _turned_noisy(self) -> None:
        """Said once per episode: the warning in the log and the "noisy" state."""
        log.warning(
            "reader %s noisy: %d text reads or bad frames within %.1f s; text reads dropped "
            "until it calms down",
            self._name,
            self._flood.limit,
            self._flood.window,
        )
        self._set_status(NOISY, NOISY_ERROR)

    def _calmed(self) -> None:
        dropped = self._flood.dropped
        log.info("reader %s calm again; %d text reads dropped while noisy", self._name, dropped)
        self._set_status(CONNECTED, None)

    def _emit_event(self, event: ReadEvent) -> None:
        _call(self._on_event, event, "on_event", self._name)

    def _set_status(self, state: str, error: str | None) -> None:
        """Record and report a change of state at once (state changes are never throttled)."""
        with self._lock:
            status = ReaderStatus(self._name, state, error, self._status.bad_frames)
            self._status = status
        self._report(status)

    def _flush_status(self) -> None:
        """Report a changed bad-frame count, at most every ``status_interval`` seconds."""
        with self._lock:
            status = self._status
        if status != self._reported and time.monotonic() - self._reported_at >= (
            self._status_interval
        ):
            self._report(status)

    def _report(self, status: ReaderStatus) -> None:
        if status == self._reported:
            return
        previous = self._reported
        if previous is None or (previous.state, previous.error) != (status.state, status.error):
            calmed = previous is not None and previous.state == NOISY and status.state == CONNECTED
            if status.state == NOISY or calmed:
                pass  # logged by _turned_noisy and _calmed, with the numbers
            elif status.state in (RECONNECTING, FAILED):
                log.warning("reader %s %s: %s", self._name, status.state, status.error)
            elif previous is None or previous.state != status.state:
                log.info("reader %s %s", self._name, status.state)
        self._reported = status
        self._reported_at = time.monotonic()
        _call(self._on_status, status, "on_status", self._name)


def _call(callback: Callable[[Any], None], arg: object, what: str, reader: str) -> None:
    try:
        callback(arg)
    except Exception:
        log.exception("%s callback of reader %s raised", what, reader)


def _errno(exc: BaseException) -> int | None:
    code = getattr(exc, "errno", None)
    return code if isinstance(code, int) else None


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__
