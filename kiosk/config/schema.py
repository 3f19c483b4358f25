"""The schema of ``kiosk.toml``: every key declared once, with its type, default and meaning.

``kiosk/config/settings.py`` reads a file against it; ``docs/configuration.md`` documents every key
(a test checks that none is missing).
"""

from __future__ import annotations

from kiosk.config.keys import (
    REQUIRED,
    Key,
    clock_time,
    one_of,
    panel_ppi,
    parse_clock_time,
    percent,
    positive,
    reader_protocol,
    slug,
    time_zone,
)
from kiosk.config.schema_mail import INVITATIONS, NOTIFY

# Key, REQUIRED and parse_clock_time live in keys.py; the loader and the report import them here.
__all__ = [
    "LANGUAGES",
    "READER_SCHEMA",
    "REQUIRED",
    "ROLES",
    "SCANNER_OPTIONS",
    "SCHEMA",
    "Key",
    "parse_clock_time",
]

LANGUAGES = ("fi", "sv", "en")
ROLES = ("lobby", "door")


SCHEMA: dict[str, dict[str, Key]] = {
    "kiosk": {
        "id": Key(
            str, REQUIRED, "This kiosk's unique name, e.g. `lobby-1` or `door-aurora`.", slug
        ),
        "role": Key(str, "lobby", "What the screen shows: `lobby` or `door`.", one_of(ROLES)),
        "room": Key(
            str, None, 'The room a door display shows (required for `role = "door"`).', slug
        ),
        "language": Key(str, "fi", "Start-up language: `fi`, `sv` or `en`.", one_of(LANGUAGES)),
        "timezone": Key(str, "Europe/Helsinki", "IANA zone in which times are shown.", time_zone),
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
            panel_ppi,
        ),
        "fullscreen": Key(bool, True, "`kiosk run` covers the whole screen (turn off to debug)."),
        "log_file": Key(
            str,
            "auto",
            "`kiosk run` also logs to rotating files in `data_dir/logs`: `yes`, `no`, or `auto` "
            "(yes, except under systemd, whose journal already keeps the log).",
            one_of(("auto", "yes", "no")),
        ),
    },
    "central": {
        "url": Key(
            str,
            None,
            "Where this kiosk syncs: the central sync service, `https://HOST:PORT` (plain "
            "`http://` on the loopback only), for every networked kiosk; or a SQLAlchemy URL "
            "of the central store itself, e.g. `sqlite:////srv/kiosk/central.db` for one "
            "machine (a relative file is beside this config file), or "
            "`postgresql+psycopg://admin@db/kiosk` on the Lab's admin machine "
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
        "sync_interval": Key((int, float), 5.0, "Seconds between sync cycles when idle.", positive),
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
            one_of(("disable", "allow", "prefer", "require", "verify-ca", "verify-full")),
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
            positive,
        ),
        "repeat_tap_seconds": Key(
            (int, float),
            30.0,
            "A second tap of the same badge within "
            "this many seconds shows the current state instead of "
            "toggling in/out.",
            positive,
        ),
        "idle_seconds": Key(
            (int, float),
            90.0,
            "A walk-in form left untouched this long is cleared and the home screen returns.",
            positive,
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
            positive,
        ),
        "auto_checkout_at": Key(
            str,
            None,
            "Local time (`HH:MM`) when everyone still checked in is checked out; unset: never.",
            clock_time,
        ),
        "repeat_scan_seconds": Key(
            (int, float),
            120.0,
            "The same invitation code scanned again within this many seconds repeats the "
            "greeting; later, a scan checks the visitor out.",
            positive,
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
            clock_time,
        ),
        "night_end": Key(
            str, "07:00", "Local time (`HH:MM`) when the night look ends.", clock_time
        ),
        "night_mode": Key(
            str,
            "dim",
            "At night: `dim` (a dark, quiet version of the screen) or `blank` (black).",
            one_of(("dim", "blank")),
        ),
        "wake_seconds": Key(
            (int, float),
            60.0,
            "At night, how long a touch or a badge tap wakes the screen.",
            positive,
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
            one_of(("auto", "on", "off")),
        ),
        "volume": Key(int, 70, "Loudness of the cues, 1-100.", percent),
        "command": Key(
            str,
            None,
            "Program that plays a WAV file given as its last argument, e.g. `aplay -q` or "
            "`paplay`. Default: the first of `aplay`, `paplay` found; none found: no sound.",
        ),
    },
    "notify": NOTIFY,
    "invitations": INVITATIONS,
}

READER_SCHEMA: dict[str, Key] = {
    "name": Key(str, REQUIRED, "Name of the reader, shown in status and logs.", slug),
    "port": Key(str, REQUIRED, "Serial device, preferably a stable `/dev/serial/by-id/...` path."),
    "protocol": Key(str, REQUIRED, "Reader protocol, see docs/readers.md.", reader_protocol),
    "baud": Key(int, None, "Baud rate; default depends on the protocol.", positive),
    "hold_off": Key(
        (int, float),
        None,
        "Seconds a card must be away before it counts as a new "
        "presentation; default depends on the protocol.",
        positive,
    ),
    # Scanner options (protocol "scanner" only): how a read ends and what wraps it.
    "terminator": Key(
        str,
        None,
        "Scanner only: what ends a read: `any` (CR, LF, CRLF or TAB; default), `cr`, `lf`, "
        "`crlf`, `tab`, or `none` (only the idle gap ends a read).",
        one_of(("any", "cr", "lf", "crlf", "tab", "none")),
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
