"""A stable code and parameters for each refusal the staff endpoints answer.

The rules the console reuses (invitations, the CSV import, events, modes, the report) say no
in English written for the admin CLI ("--name must not be empty"). The console shows staff
words in their language instead, so every reason is read here once, at the staff boundary,
into a code (``name_missing``) and the values the sentence needs (``{"host": "x"}``): the
English reason still travels beside it for the CLI and older clients. A reason no pattern
knows is ``refused``: the console shows its English inside a translated sentence.

Parameter values are strings, so a client reads every refusal the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FALLBACK = "refused"


@dataclass(frozen=True)
class Refusal:
    code: str
    params: dict[str, str] = field(default_factory=dict)


# (code, pattern): the first pattern that matches the whole reason wins; its named groups are
# the parameters. Each pattern is a message of a rule the staff endpoints reach (the tests
# drive every one through the service).
_TABLE: tuple[tuple[str, str], ...] = (
    # invitations (kiosk.lobby.invitations, invite_delivery, invite_import)
    ("name_missing", r"(--)?name must not be empty"),
    ("name_too_long", r"(--)?name is longer than (?P<limit>\d+) characters"),
    ("company_too_long", r"(--)?organisation is longer than (?P<limit>\d+) characters"),
    ("ends_before_start", r"--valid-to must be after --valid-from"),
    ("already_over", r"the invitation would already be over .*"),
    ("valid_too_long", r"an invitation can be valid for one year at most"),
    ("too_far_ahead", r"an (invitation|event) can start (?P<days>\d+) days ahead at most"),
    ("host_inactive", r"host '(?P<host>.*)' is no longer active"),
    ("unknown_host", r"no person with id or e-mail '(?P<host>.*)'"),
    ("bad_email", r"(--)?email: '(?P<address>.*)' is not an e-mail address .*"),
    ("bad_language", r"(--)?lang: (?P<value>.*) is not one of fi, sv, en"),
    ("mail_not_set_up", r"email: the (service|config) has no notify\.sender .*"),
    ("bad_yes_no", r"(?P<column>single_use): '(?P<value>.*)' is not yes or no"),
    ("bad_date", r"(?P<column>valid_from|valid_to): '(?P<value>.*)' is not an ISO date .*"),
    ("too_many_fields", r"more fields than the header names"),
    # kiosk.base.text, on any cell of a row (the CLI's option names say the same)
    ("hidden_character",
     r"(--)?(?P<column>[a-z_]+) contains an invisible or control character "
     r"\((?P<char>U\+[0-9A-F]{4,6})\)"),
    ("shows_nothing", r"(--)?(?P<column>[a-z_]+) must show something, not only joiners"),
    ("store_refused", r"refused by the central store \(.*\)"),
    ("card_failed", r"card: .*"),
    ("date_out_of_range",
     r"(?P<column>valid_from|valid_to): '(?P<value>.*)' is outside the years "
     r"(?P<first>\d+) to (?P<last>\d+)"),
    ("event_out_of_range", r"the event's times are outside the years (?P<first>\d+) to "
     r"(?P<last>\d+) that a ticket can carry"),
    ("row_failed", r"the row could not be checked \(.*\)"),
    ("out_of_range", r"a date or number is out of range .*"),
    # a CSV as a whole (kiosk.central.staff_csv, kiosk.lobby.invite_import)
    ("csv_too_long", r"the CSV is longer than (?P<limit>\d+) characters; split it"),
    ("too_many_rows", r"more than (?P<limit>\d+) rows; split the file"),
    ("bad_header", r".*: the header must name the columns (?P<columns>[^(]*) \(.*"),
    ("bad_csv", r".*: line (?P<line>\d+): .*"),
    # events (kiosk.events.manage, kiosk.central.staff)
    ("title_missing", r"--title must not be empty"),
    ("title_too_long", r"(--title|title \((?P<lang>fi|sv|en)\)) is longer than (?P<limit>\d+).*"),
    ("description_too_long",
     r"(--description|description \((?P<lang>fi|sv|en)\)) is longer than (?P<limit>\d+).*"),
    ("bad_link", r"--online-url: .* is not an http:// or https:// link"),
    ("link_too_long", r"--online-url is longer than (?P<limit>\d+) characters"),
    ("ends_before_start", r"--ends must be after --starts"),
    ("already_over", r"the event would already be over .*"),
    ("event_too_long", r"an event can last (?P<days>\d+) days at most"),
    ("capacity_not_positive", r"--capacity must be greater than zero"),
    ("unknown_event", r"no event .*"),
    ("event_from_panel", r"an event started at a kiosk's host panel is edited there"),
    ("event_over", r"the event is already over"),
    ("unknown_room", r"unknown room\(s\): (?P<rooms>.*); nothing was changed"),
    # modes (kiosk.rooms.modes, kiosk.sync.acceptance)
    ("mode_not_allowed", r"only a host may switch modes.*"),
    ("ends_before_start", r"the switch must end after it starts"),
    ("title_too_long", r"the title is too long \((?P<limit>\d+) characters at most\)"),
    ("bad_mode", r"mode must be one of .*"),
    ("switch_too_long", r"a switch can last (?P<days>\d+) days at most.*"),
    # the report and periods (kiosk.central.staff, staff_api)
    ("pdf_unavailable", r"this service makes the report as HTML only.*"),
    ("nothing_to_report", r"nothing to report from (?P<since>\S+) to (?P<until>\S+):.*"),
    ("ends_before_start", r"the period ends before it starts"),
    ("period_too_long", r"a period of (?P<days>\d+) days at most"),
    # the credential and the service's set-up
    ("credential_without_person", r"this staff credential names no person.*"),
    ("no_signing_key", r"this service has no signing key.*"),
)  # fmt: skip
_PATTERNS = tuple((code, re.compile(pattern, re.DOTALL)) for code, pattern in _TABLE)
CODES = frozenset(code for code, _ in _TABLE) | {FALLBACK, "rate_limited", "invalid_field"}


# The CSV column a row's refusal is about, for the rules whose words name a command-line
# option or none (the others name their column themselves): the console shows it by the row.
ROW_COLUMNS = {
    "name_missing": "name",
    "name_too_long": "name",
    "company_too_long": "organisation",
    "ends_before_start": "valid_to",
    "already_over": "valid_to",
    "valid_too_long": "valid_to",
    "too_far_ahead": "valid_from",
    "unknown_host": "host",
    "host_inactive": "host",
    "bad_email": "email",
    "mail_not_set_up": "email",
    "bad_language": "lang",
}


def row_refusal_of(reason: str) -> Refusal:
    """:func:`refusal_of` for a refused CSV row, with the ``column`` it is about if known."""
    refusal = refusal_of(reason)
    column = refusal.params.get("column") or ROW_COLUMNS.get(refusal.code)
    if column is None:
        return refusal
    return Refusal(refusal.code, {**refusal.params, "column": column})


def refusal_of(reason: str) -> Refusal:
    """The code and parameters of an English ``reason``; ``refused`` when none matches."""
    for code, pattern in _PATTERNS:
        found = pattern.fullmatch(reason)
        if found is not None:
            params = {k: v for k, v in found.groupdict().items() if v is not None}
            return Refusal(code, params)
    return Refusal(FALLBACK)
