"""The schema of ``kiosk.toml``: every key declared once, with its type, default and meaning.

``kiosk/config/settings.py`` reads a file against it; ``docs/configuration.md`` documents every key
(a test checks that none is missing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LANGUAGES = ("fi", "sv", "en")
ROLES = ("lobby", "door")


@dataclass(frozen=True)
class Key:
    """One config key: its type, default (``REQUIRED`` when it has none) and meaning."""

    type: type | tuple[type, ...]
    default: Any
    doc: str
    check: Callable[[Any], str | None] | None = None


REQUIRED = object()


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if value in choices else f"must be one of {', '.join(choices)}"

    return check


def _positive(value: Any) -> str | None:
    return None if value > 0 else "must be greater than zero"


def _ppi(value: Any) -> str | None:
    ok = 50 <= value <= 1000
    return None if ok else "must be the panel's pixels per inch, between 50 and 1000 (e.g. 149)"


def _timezone(value: Any) -> str | None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return f"{value!r} is not an IANA time zone name (like Europe/Helsinki)"
    return None


def _slug(value: Any) -> str | None:
    ok = value and all(c.isalnum() or c in "-_." for c in value) and value.isascii()
    return None if ok else "use letters, digits, '-', '_' or '.' only"


def _clock_time(value: Any) -> str | None:
    try:
        parse_clock_time(value)
    except ValueError:
        return f"{value!r} is not a time of day like 07:00"
    return None


def parse_clock_time(value: str) -> time:
    """``"07:00"`` -> ``time(7, 0)``; ``ValueError`` otherwise."""
    hours, _, minutes = value.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(value)
    return time(int(hours), int(minutes))


def _percent(value: Any) -> str | None:
    return None if isinstance(value, int) and 1 <= value <= 100 else "must be 1-100"


def _protocol(value: Any) -> str | None:
    from devices.registry import protocol_names

    names = protocol_names()
    return None if value in names else f"must be one of {', '.join(names)}"


SCHEMA: dict[str, dict[str, Key]] = {
    "kiosk": {
        "id": Key(
            str, REQUIRED, "This kiosk's unique name, e.g. `lobby-1` or `door-aurora`.", _slug
        ),
        "role": Key(str, "lobby", "What the screen shows: `lobby` or `door`.", _one_of(ROLES)),
        "room": Key(
            str, None, 'The room a door display shows (required for `role = "door"`).', _slug
        ),
        "language": Key(str, "fi", "Start-up language: `fi`, `sv` or `en`.", _one_of(LANGUAGES)),
        "timezone": Key(str, "Europe/Helsinki", "IANA zone in which times are shown.", _timezone),
        "data_dir": Key(
            str,
            None,
            "Folder for the local store, keys and logs. Default: the "
            "platform's user data folder for `lab-kiosk`.",
        ),
        "screen_ppi": Key(
            (int, float),
            None,
            "The panel's pixels per inch (logical: divided by any display scaling), for the 9 mm "
            'touch targets, e.g. `149` for a 10.1" 1280x800 tablet or `133` for a 7" 800x480 '
            "door. Default: what the display reports.",
            _ppi,
        ),
        "fullscreen": Key(bool, True, "`kiosk run` covers the whole screen (turn off to debug)."),
        "log_file": Key(
            str,
            "auto",
            "`kiosk run` also logs to rotating files in `data_dir/logs`: `yes`, `no`, or `auto` "
            "(yes, except under systemd, whose journal already keeps the log).",
            _one_of(("auto", "yes", "no")),
        ),
    },
    "central": {
        "url": Key(
            str,
            None,
            "Where this kiosk syncs: the central sync service, `https://HOST:PORT` (plain "
            "`http://` on the loopback only), for every networked kiosk; or a SQLAlchemy URL "
            "of the central store itself, e.g. `sqlite:////srv/kiosk/central.db` for one "
            "machine, or `postgresql+psycopg://admin@db/kiosk` on the Lab's admin machine "
            "(`postgres://` and `postgresql://` are read as `postgresql+psycopg://`) "
            "(`kiosk run` and `kiosk sync` refuse a PostgreSQL URL: enrol the kiosk instead). "
            "Default: `central.db` in `data_dir` (a single machine).",
        ),
        "credential_file": Key(
            str,
            None,
            "The kiosk's device token for the central sync service, as written by "
            "`kiosk admin enroll KIOSK_ID ... --out FILE` (mode 0600, owned by the kiosk "
            "user). Needed with an `https://` URL.",
        ),
        "ca_file": Key(
            str,
            None,
            "CA certificate that the sync service's TLS certificate must chain to. "
            "Default: the system's trusted certificates.",
        ),
        "sync_interval": Key(
            (int, float), 5.0, "Seconds between sync cycles when idle.", _positive
        ),
        "password_file": Key(
            str,
            None,
            "File whose first line is the PostgreSQL password (mode 0600, owned by the kiosk "
            "user; anything more open is refused). Default: the `KIOSK_CENTRAL_PASSWORD` "
            "environment variable, else none (certificate or peer authentication).",
        ),
        "sslmode": Key(
            str,
            None,
            "PostgreSQL TLS mode: `disable`, `allow`, `prefer`, `require`, `verify-ca` or "
            "`verify-full` (use `verify-full` across any network you do not control).",
            _one_of(("disable", "allow", "prefer", "require", "verify-ca", "verify-full")),
        ),
        "sslrootcert": Key(
            str,
            None,
            "CA certificate file that the PostgreSQL server's certificate must chain to "
            "(for `verify-ca` / `verify-full`).",
        ),
    },
    "security": {
        "site_key_file": Key(
            str,
            None,
            "File holding the site key that badge ids are hashed "
            "with (HMAC-SHA256). Default: `site.key` in `data_dir`. Every kiosk "
            "and admin of a site needs the same key.",
        ),
    },
    "lobby": {
        "welcome_seconds": Key(
            (int, float),
            6.0,
            "How long a greeting stays before the home screen returns.",
            _positive,
        ),
        "repeat_tap_seconds": Key(
            (int, float),
            30.0,
            "A second tap of the same badge within "
            "this many seconds shows the current state instead of "
            "toggling in/out.",
            _positive,
        ),
        "idle_seconds": Key(
            (int, float),
            90.0,
            "A walk-in form left untouched this long is cleared and the home screen returns.",
            _positive,
        ),
        "privacy_notice": Key(
            str,
            None,
            "The privacy notice walk-in visitors accept; default: a built-in text in the "
            "visitor's language that names `retention_days`.",
        ),
        "retention_days": Key(
            int,
            90,
            "Visitors' personal data is anonymised this many days after their last visit, and "
            "feedback older than this loses its signature and comment, by `kiosk admin purge` "
            "(run it nightly from a systemd timer or cron).",
            _positive,
        ),
        "auto_checkout_at": Key(
            str,
            None,
            "Local time (`HH:MM`) when everyone still checked in is checked out; unset: never.",
            _clock_time,
        ),
        "repeat_scan_seconds": Key(
            (int, float),
            120.0,
            "The same invitation code scanned again within this many seconds repeats the "
            "greeting; later, a scan checks the visitor out.",
            _positive,
        ),
        "camera": Key(
            bool,
            True,
            "Scan invitation QR codes with the tablet's own camera, with a live preview on the "
            "home screen, when a camera is present and the `camera` extra is installed; "
            "`false` never opens a camera.",
        ),
        "evacuation_printer": Key(
            str,
            None,
            "CUPS printer that prints the evacuation list with the same tap that saves it "
            "(`lp -d NAME`); `default` for the system's default printer; unset: save only.",
        ),
        "host_photos_dir": Key(
            str,
            None,
            "Folder of hosts' photos, shown with today's hosts: `<e-mail>.jpg` / `.png` (or "
            "`<person id>.jpg` / `.png`); a host without a file is shown by name only. "
            "Unset: names only.",
        ),
    },
    "door": {
        "night_start": Key(
            str,
            None,
            "Local time (`HH:MM`) when a door display goes to its night look; unset: never.",
            _clock_time,
        ),
        "night_end": Key(
            str, "07:00", "Local time (`HH:MM`) when the night look ends.", _clock_time
        ),
        "night_mode": Key(
            str,
            "dim",
            "At night: `dim` (a dark, quiet version of the screen) or `blank` (black).",
            _one_of(("dim", "blank")),
        ),
        "wake_seconds": Key(
            (int, float),
            60.0,
            "At night, how long a touch or a badge tap wakes the screen.",
            _positive,
        ),
        "burn_in_shift": Key(
            int,
            4,
            "Pixels the whole screen drifts, a step every few minutes, so static parts do not "
            "burn into the panel; 0 turns it off.",
            lambda v: None if 0 <= v <= 32 else "must be between 0 and 32",
        ),
    },
    "sound": {
        "cues": Key(
            str,
            "auto",
            "A short sound with each answer on screen, a rising one for welcome and a falling "
            "one for a refusal: `on`, `off`, or `auto` (on at a lobby, off at a door).",
            _one_of(("auto", "on", "off")),
        ),
        "volume": Key(int, 70, "Loudness of the cues, 1-100.", _percent),
        "command": Key(
            str,
            None,
            "Program that plays a WAV file given as its last argument, e.g. `aplay -q` or "
            "`paplay`. Default: the first of `aplay`, `paplay` found; none found: no sound.",
        ),
    },
    "notify": {
        "method": Key(
            str,
            "log",
            "How hosts hear that their visitor arrived: `log` (the kiosk's log, ids only), "
            "`smtp` (e-mail to the host's address) or `none`.",
            _one_of(("log", "smtp", "none")),
        ),
        "smtp_host": Key(str, None, 'Mail server for `method = "smtp"`.'),
        "smtp_port": Key(int, 587, "Mail server port (587 for STARTTLS, 465 for TLS).", _positive),
        "smtp_security": Key(
            str,
            "starttls",
            "`starttls`, `tls` (implicit TLS) or `none` (only for a relay on the same host).",
            _one_of(("starttls", "tls", "none")),
        ),
        "smtp_username": Key(str, None, "User name, when the mail server wants a login."),
        "smtp_password_file": Key(
            str, None, "File whose first line is the mail password (mode 0600); never inline."
        ),
        "sender": Key(str, None, "The From address of host notifications."),
        "retry_seconds": Key(
            (int, float),
            15.0,
            "How often the notifier looks for notifications still to send.",
            _positive,
        ),
    },
    "invitations": {
        "delivery": Key(
            str,
            "auto",
            "Who sends invitation e-mails (`invite create --email`): `service` (the central sync "
            "service's sender loop), `command` (the admin command at once, then `kiosk run` and "
            "`kiosk sync` retry: the embedded one-machine set-up) or `auto` (`command` when the "
            "central store is a SQLite file, else `service`). Mail goes through `[notify]`'s "
            "SMTP server.",
            _one_of(("auto", "service", "command")),
        ),
        "address_fi": Key(
            str, None, "The Lab's street address in invitation e-mails in Finnish; unset: none."
        ),
        "address_sv": Key(str, None, "The same in Swedish; unset: `address_fi`."),
        "address_en": Key(str, None, "The same in English; unset: `address_fi`."),
        "arrival_fi": Key(
            str,
            None,
            "Arrival instructions in Finnish invitation e-mails (a paragraph); unset: a built-in "
            "text (show the QR code at the lobby kiosk).",
        ),
        "arrival_sv": Key(str, None, "The same in Swedish; unset: a built-in text."),
        "arrival_en": Key(str, None, "The same in English; unset: a built-in text."),
        "max_attempts": Key(
            int,
            10,
            "An invitation e-mail the mail server keeps failing is given up after this many "
            "tries (with backoff from 30 s up to 1 h between them).",
            _positive,
        ),
    },
}

READER_SCHEMA: dict[str, Key] = {
    "name": Key(str, REQUIRED, "Name of the reader, shown in status and logs.", _slug),
    "port": Key(str, REQUIRED, "Serial device, preferably a stable `/dev/serial/by-id/...` path."),
    "protocol": Key(str, REQUIRED, "Reader protocol, see docs/readers.md.", _protocol),
    "baud": Key(int, None, "Baud rate; default depends on the protocol.", _positive),
    "hold_off": Key(
        (int, float),
        None,
        "Seconds a card must be away before it counts as a new "
        "presentation; default depends on the protocol.",
        _positive,
    ),
    # Scanner options (protocol "scanner" only): how a read ends and what wraps it.
    "terminator": Key(
        str,
        None,
        "Scanner only: what ends a read: `any` (CR, LF, CRLF or TAB; default), `cr`, `lf`, "
        "`crlf`, `tab`, or `none` (only the idle gap ends a read).",
        _one_of(("any", "cr", "lf", "crlf", "tab", "none")),
    ),
    "idle_gap": Key(
        (int, float),
        None,
        "Scanner only: seconds of silence that also end a read (default 0.05; `0` turns it "
        'off, except with `terminator = "none"`).',
        lambda v: None if v >= 0 else "must not be negative",
    ),
    "prefix": Key(str, None, "Scanner only: text the scanner adds before each read, removed."),
    "suffix": Key(str, None, "Scanner only: text the scanner adds after each read, removed."),
}

SCANNER_OPTIONS = ("terminator", "idle_gap", "prefix", "suffix")
