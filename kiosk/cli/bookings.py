"""``kiosk admin bookings ...``: list, add and cancel room bookings; import a calendar feed.

Like every admin command, each one checks its input first and writes in one transaction. An
import fetches and parses the whole feed before it opens the central store, so a feed that
cannot be fetched or read leaves the room's bookings exactly as they were, and says so.
"""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.base.errors import KioskError, UsageError
from kiosk.base.timeutil import WHEN_HELP, parse_when
from kiosk.cli.context import context_from_args, print_json

if TYPE_CHECKING:
    from kiosk.cli.context import AdminContext
    from kiosk.rooms.feed_invitations import InviteSettings
    from kiosk.rooms.ics import SkippedEvent

FETCH_TIMEOUT = 20.0  # seconds; a hung calendar server must not hang the admin or a schedule
MAX_FEED_BYTES = 20 * 1024 * 1024
DEFAULT_DAYS = 90


def add_parsers(cmds: Any) -> None:
    """Register ``bookings`` under ``kiosk admin``."""
    bookings = cmds.add_parser("bookings", help="room bookings and calendar feeds")
    sub = bookings.add_subparsers(dest="bookings_cmd", metavar="ACTION", required=True)

    p = sub.add_parser("import-ics", help="import a room's calendar (ICS file or URL)")
    p.add_argument("room", help="the room's id")
    p.add_argument("source", metavar="FILE_OR_URL", help="an .ics file or an http(s) URL")
    p.add_argument("--days", type=int, default=DEFAULT_DAYS, help="days ahead to import")
    p.add_argument("--from", dest="from_date", metavar="YYYY-MM-DD", help="default: today")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=cmd_import_ics)

    p = sub.add_parser("list", help="a room's bookings on one day")
    p.add_argument("--room", required=True, help="the room's id")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="default: today")
    p.add_argument("--days", type=int, default=1, help="number of days from --date")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("add", help="book a room")
    p.add_argument("--room", required=True, help="the room's id")
    p.add_argument("--title", required=True, help="shown on the door")
    p.add_argument("--start", required=True, metavar="ISO_DATETIME", help=WHEN_HELP)
    p.add_argument("--end", required=True, metavar="ISO_DATETIME", help=WHEN_HELP)
    p.add_argument("--private", action="store_true", help="doors show only 'Varattu'")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("cancel", help="cancel a booking")
    p.add_argument("id", help="booking id")
    p.set_defaults(func=cmd_cancel)

    feed = sub.add_parser("feed", help="a room's calendar feed, refreshed on a schedule")
    feed_sub = feed.add_subparsers(dest="feed_cmd", metavar="ACTION", required=True)
    p = feed_sub.add_parser("set", help="give a room a calendar feed URL")
    p.add_argument("room", help="the room's id")
    p.add_argument("url", help="the feed's http(s) URL (an .ics calendar)")
    p.add_argument(
        "--invite-attendees",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="invite and e-mail the meetings' attendees from outside invitations.lab_domains "
        "(default for a new feed: no; unchanged when not given)",
    )
    p.add_argument(
        "--default-host",
        metavar="PERSON",
        help="host of invitations whose organiser is nobody of the Lab (id or e-mail; "
        "'none' to clear); without one such meetings invite nobody",
    )
    p.set_defaults(func=cmd_feed_set)
    p = feed_sub.add_parser("remove", help="stop refreshing a room's feed")
    p.add_argument("room", help="the room's id")
    p.set_defaults(func=cmd_feed_remove)
    p = feed_sub.add_parser("list", help="feeds and when each was last read")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_feed_list)

    p = sub.add_parser(
        "refresh-feeds", help="refresh every room's feed (run from a timer, e.g. every 15 min)"
    )
    p.add_argument("--days", type=int, default=DEFAULT_DAYS, help="days ahead to import")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_refresh_feeds)


def _date(text: str | None, today: date, option: str) -> date:
    if text is None:
        return today
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option}: {text!r} is not a date (YYYY-MM-DD)") from None


def _days(days: int) -> int:
    if not 1 <= days <= 3660:
        raise UsageError("--days must be between 1 and 3660")
    return days


def read_feed(source: str) -> bytes:
    """The bytes of a feed from a file or an http(s)/webcal URL; KioskError when unreadable."""
    import urllib.error
    import urllib.request

    scheme = source.split(":", 1)[0].lower() if ":" in source else ""
    if scheme in {"http", "https", "webcal"}:
        url = "https:" + source.split(":", 1)[1] if scheme == "webcal" else source
        request = urllib.request.Request(url, headers={"User-Agent": "lab-kiosk"})
        try:
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
                data: bytes = response.read(MAX_FEED_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise KioskError(f"cannot fetch {url}: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise KioskError(f"cannot fetch {url}: {reason}") from None
    else:
        path = source[len("file://") :] if scheme == "file" else source
        try:
            with Path(path).open("rb") as f:
                data = f.read(MAX_FEED_BYTES + 1)
        except OSError as exc:
            raise KioskError(f"cannot read {source}: {exc.strerror or exc}") from None
    if len(data) > MAX_FEED_BYTES:
        raise KioskError(f"{source}: larger than {MAX_FEED_BYTES // 2**20} MB")
    return data


def cmd_import_ics(args: argparse.Namespace) -> int:
    from kiosk.rooms.ics import parse_feed
    from kiosk.rooms.ics_import import import_occurrences

    ctx = context_from_args(args)
    tz, now = ctx.config.tz, ctx.clock.now()
    first = _date(args.from_date, now.astimezone(tz).date(), "--from")
    start = datetime.combine(first, time.min, tzinfo=tz)
    end = datetime.combine(first + timedelta(days=_days(args.days)), time.min, tzinfo=tz)
    try:
        feed = parse_feed(read_feed(args.source), start=start, end=end, tz=tz)
    except KioskError as exc:
        raise type(exc)(f"{exc}; the bookings of {args.room!r} are unchanged") from None
    with ctx.central() as conn:
        result = import_occurrences(
            conn,
            args.room,
            feed.occurrences,
            window_start=start,
            window_end=end,
            now=now,
            skipped_events=feed.skipped,
        )
    if args.json:
        print_json(
            {
                "room": args.room,
                "from": start.isoformat(),
                "to": end.isoformat(),
                "added": result.added,
                "updated": result.updated,
                "cancelled": result.cancelled,
                "unchanged": result.unchanged,
                "skipped": result.skipped,
                "skipped_events": [event.as_json() for event in result.skipped_events],
            }
        )
    else:
        print(f"{args.room}: {result.summary()}")
        for reason in result.skipped:
            print(f"  skipped {reason}")
        print_skipped_events(result.skipped_events)
    return 0


def _invite_settings(ctx: AdminContext) -> InviteSettings:
    """What a feed that invites its attendees needs; where the mail set-up is missing, the
    reason (the bookings still import)."""
    from kiosk.cli.invite_mail import mail_settings
    from kiosk.rooms.feed_invitations import InviteSettings

    cfg = ctx.config
    try:
        mail, unavailable = mail_settings(ctx), None
    except UsageError as exc:
        mail, unavailable = None, str(exc).removeprefix("--email: ")
    return InviteSettings(
        lab_domains=cfg.invitations.lab_domains,
        days_ahead=cfg.invitations.calendar_days,
        lang=cfg.language,
        tz=cfg.tz,
        data_dir=cfg.data_dir,
        mail=mail,
        unavailable=unavailable,
    )


def print_skipped_events(events: Sequence[SkippedEvent], indent: str = "  ") -> None:
    for event in events:
        print(f"{indent}skipped {event}; its earlier bookings are kept")


def cmd_list(args: argparse.Namespace) -> int:
    from kiosk.rooms.booking_admin import list_bookings

    ctx = context_from_args(args)
    tz = ctx.config.tz
    first = _date(args.date, ctx.clock.now().astimezone(tz).date(), "--date")
    start = datetime.combine(first, time.min, tzinfo=tz)
    end = datetime.combine(first + timedelta(days=_days(args.days)), time.min, tzinfo=tz)
    with ctx.central(write=False) as conn:
        bookings = list_bookings(conn, args.room, start, end)
    if args.json:
        print_json([b.as_json(tz) for b in bookings])
        return 0
    if not bookings:
        print(f"no bookings for {args.room} on {first.isoformat()}")
    for b in bookings:
        when = f"{b.starts_at.astimezone(tz):%Y-%m-%d %H:%M}–{b.ends_at.astimezone(tz):%H:%M}"
        flags = " (private)" if b.private else ""
        print(f"{when}  {b.status:<10} {b.source:<6} {b.title}{flags}  {b.id}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from kiosk.rooms.bookings import add_booking

    ctx = context_from_args(args)
    tz = ctx.config.tz
    times = [
        parse_when(args.start, tz, end=False, what="--start"),
        parse_when(args.end, tz, end=True, what="--end"),
    ]
    if not " ".join(args.title.split()):
        raise UsageError("--title must not be empty")
    with ctx.central() as conn:
        booking_id = add_booking(
            conn,
            room_id=args.room,
            title=args.title,
            starts_at=times[0],
            ends_at=times[1],
            now=ctx.clock.now(),
            private=args.private,
        )
    print(booking_id)
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    from kiosk.rooms.booking_admin import cancel_booking

    try:
        booking_id = uuid.UUID(args.id)
    except ValueError:
        raise UsageError(f"{args.id!r} is not a booking id") from None
    ctx = context_from_args(args)
    with ctx.central() as conn:
        cancelled = cancel_booking(conn, booking_id, ctx.clock.now())
    if cancelled is None:
        print(f"booking {booking_id} was already cancelled")
    else:
        print(f"booking {booking_id} cancelled")
        if cancelled.source == "ics":
            print("  it comes from a calendar feed: cancel it there too, or the next import")
            print("  of that feed books it again")
    return 0


def cmd_feed_set(args: argparse.Namespace) -> int:
    from kiosk.rooms.feeds import set_feed

    ctx = context_from_args(args)
    if args.invite_attendees and not ctx.config.invitations.lab_domains:
        raise UsageError(
            "--invite-attendees: set invitations.lab_domains (the Lab's own e-mail domains) "
            "in the config first, or every Lab member in a meeting would be invited"
        )
    with ctx.central() as conn:
        set_feed(
            conn,
            args.room,
            args.url,
            ctx.clock.now(),
            invite_attendees=args.invite_attendees,
            default_host=args.default_host,
        )
    print(f"{args.room}: feed set; `kiosk admin bookings refresh-feeds` reads it")
    return 0


def cmd_feed_remove(args: argparse.Namespace) -> int:
    from kiosk.rooms.feeds import remove_feed

    ctx = context_from_args(args)
    with ctx.central() as conn:
        remove_feed(conn, args.room, ctx.clock.now())
    print(f"{args.room}: feed removed; its imported bookings stay until cancelled")
    return 0


def cmd_feed_list(args: argparse.Namespace) -> int:
    from kiosk.rooms.feeds import list_feeds

    ctx = context_from_args(args)
    tz = ctx.config.tz
    with ctx.central(write=False) as conn:
        feeds = list_feeds(conn)

    def when(value: datetime | None) -> str | None:
        return value.astimezone(tz).isoformat() if value else None

    rows = [
        {**f, "last_attempt_at": when(f["last_attempt_at"]), "synced_at": when(f["synced_at"])}
        for f in feeds
    ]
    if args.json:
        print_json(rows)
    elif not rows:
        print("no calendar feeds")
    for row in [] if args.json else rows:
        state = f"failed: {row['error']}" if row["error"] else "ok"
        inviting = "  invites attendees" if row["invite_attendees"] else ""
        print(f"{row['room']:<16} last read {row['synced_at'] or 'never'}  {state}{inviting}")
    return 0


def cmd_refresh_feeds(args: argparse.Namespace) -> int:
    import sys

    from kiosk.cli.invite_mail import send_now
    from kiosk.rooms.feeds import refresh_feeds

    ctx = context_from_args(args)
    results = refresh_feeds(
        ctx.central,
        tz=ctx.config.tz,
        now=ctx.clock.now(),
        days=_days(args.days),
        fetch=read_feed,
        invites=_invite_settings(ctx),
    )
    mails = sum(r.invitations.mails for r in results if r.invitations)
    if mails:  # after the commits: the embedded set-up sends at once, else the service does
        print(f"invitation e-mails {send_now(ctx, limit=mails)}", file=sys.stderr)
    if args.json:
        print_json(
            [
                {
                    "room": r.room_id,
                    "ok": r.ok,
                    "detail": r.detail,
                    "skipped_events": [event.as_json() for event in r.skipped_events],
                    "invitations": r.invitations.as_json() if r.invitations else None,
                }
                for r in results
            ]
        )
    else:
        for r in results:
            print(
                f"{r.room_id}: {r.detail if r.ok else 'kept the last good bookings: ' + r.detail}"
            )
            print_skipped_events(r.skipped_events)
    return 0 if all(r.ok for r in results) else 1
