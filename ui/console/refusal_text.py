"""A refusal's code (``kiosk.central.staff_refusals``) as staff words in their language.

The service's English reason is written for the admin CLI ("--name must not be empty"); staff
read these sentences instead, with the words of docs/glossary.md (the visitor's host is
"vastaanottaja" / "värd"). A code without a sentence here, or a service too old to send one,
shows the English reason inside a translated sentence, so nothing is ever left unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from ui.common.i18n import QT_TRANSLATE_NOOP, translate_marked

CONTEXT = "ConsoleRefusal"
_UUID = re.compile(r"[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")

_TEXTS: dict[str, str] = {
    # invitations and their CSV rows
    "name_missing": QT_TRANSLATE_NOOP("ConsoleRefusal", "The visitor's name is missing."),
    "name_too_long": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The name is longer than {limit} characters."
    ),
    "company_too_long": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The organisation is longer than {limit} characters."
    ),
    "ends_before_start": QT_TRANSLATE_NOOP("ConsoleRefusal", "The end is before the start."),
    "already_over": QT_TRANSLATE_NOOP("ConsoleRefusal", "The end is already in the past."),
    "valid_too_long": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "An invitation can be valid for one year at most."
    ),
    "host_inactive": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "{host} no longer receives visitors: choose another host."
    ),
    "unknown_host": QT_TRANSLATE_NOOP("ConsoleRefusal", "No host “{host}” is known at the Lab."),
    "bad_email": QT_TRANSLATE_NOOP("ConsoleRefusal", "“{address}” is not an e-mail address."),
    "bad_language": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The e-mail's language must be Finnish, Swedish or English."
    ),
    "mail_not_set_up": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The service has no sender address for e-mails. Ask IT to set one."
    ),
    "bad_yes_no": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "Column {column}: “{value}” is not yes or no."
    ),
    "bad_date": QT_TRANSLATE_NOOP(
        "ConsoleRefusal",
        "Column {column}: “{value}” is not a date like 2026-11-27 or 2026-11-27T09:00.",
    ),
    "hidden_character": QT_TRANSLATE_NOOP(
        "ConsoleRefusal",
        "Column {column} has an invisible or control character ({char}): "
        "remove it and save the file again.",
    ),
    "shows_nothing": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "Column {column} shows nothing: it holds only invisible characters."
    ),
    "too_many_fields": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The row has more fields than the first row."
    ),
    "store_refused": QT_TRANSLATE_NOOP("ConsoleRefusal", "The Lab's database did not accept it."),
    "card_failed": QT_TRANSLATE_NOOP("ConsoleRefusal", "The invitation card could not be made."),
    "too_far_ahead": QT_TRANSLATE_NOOP("ConsoleRefusal", "It can start {days} days ahead at most."),
    "out_of_range": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "A date is too far in the past or the future."
    ),
    "date_out_of_range": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "Column {column}: “{value}” is outside the years {first} to {last}."
    ),
    "event_out_of_range": QT_TRANSLATE_NOOP(
        "ConsoleRefusal",
        "The event's dates are outside the years {first} to {last}: correct the event first.",
    ),
    "row_failed": QT_TRANSLATE_NOOP(
        "ConsoleRefusal",
        "The service could not check this row because of an error of its own. Ask IT: "
        "the service's log names it.",
    ),
    # a CSV as a whole
    "csv_too_long": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The file is too long: split it into smaller ones."
    ),
    "too_many_rows": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The file has more than {limit} rows: split it."
    ),
    "bad_header": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The file's first row must name the columns {columns}."
    ),
    "bad_csv": QT_TRANSLATE_NOOP("ConsoleRefusal", "The file cannot be read at row {line}."),
    # events
    "title_missing": QT_TRANSLATE_NOOP("ConsoleRefusal", "Write the title in Finnish at least."),
    "title_too_long": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The title is longer than {limit} characters."
    ),
    "description_too_long": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The description is longer than {limit} characters."
    ),
    "bad_link": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The online link must start with http:// or https://."
    ),
    "link_too_long": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The online link is longer than {limit} characters."
    ),
    "event_too_long": QT_TRANSLATE_NOOP("ConsoleRefusal", "An event can last {days} days at most."),
    "switch_too_long": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "You can switch the mode for {days} days at most."
    ),
    "capacity_not_positive": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The capacity must be greater than zero."
    ),
    "unknown_event": QT_TRANSLATE_NOOP("ConsoleRefusal", "The event no longer exists."),
    "event_from_panel": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "This event was started at a host panel: change it there."
    ),
    "event_over": QT_TRANSLATE_NOOP("ConsoleRefusal", "The event is already over."),
    "unknown_room": QT_TRANSLATE_NOOP("ConsoleRefusal", "The Lab has no room {rooms}."),
    # modes
    "mode_not_allowed": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "Only the Lab's hosts may switch a room's mode. Ask one of them."
    ),
    "bad_mode": QT_TRANSLATE_NOOP("ConsoleRefusal", "The room cannot be switched to that mode."),
    # the report
    "pdf_unavailable": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "This service makes the report as HTML only: choose HTML."
    ),
    "bad_format": QT_TRANSLATE_NOOP("ConsoleRefusal", "The report is made as PDF or HTML."),
    "nothing_to_report": QT_TRANSLATE_NOOP(
        "ConsoleRefusal",
        "Nothing to report for the period: no visits, bookings, events or feedback.",
    ),
    "period_too_long": QT_TRANSLATE_NOOP("ConsoleRefusal", "A period can be {days} days at most."),
    # the credential, the service, the form
    "credential_without_person": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "Your staff credential names no person. Ask IT for a new one."
    ),
    "no_signing_key": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The service cannot sign invitations yet. Ask IT to set it up."
    ),
    "rate_limited": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "Too many requests at once: try again in {retry_after} seconds."
    ),
    "invalid_field": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "Something in the form is not valid: check it and try again."
    ),
}
# The same refusal without the value it would name (a host chosen from the list is an id).
_WITHOUT: dict[str, str] = {
    "host_inactive": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The chosen host no longer receives visitors: choose another host."
    ),
    "unknown_host": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "The chosen host is no longer known at the Lab."
    ),
    "rate_limited": QT_TRANSLATE_NOOP(
        "ConsoleRefusal", "Too many requests at once: try again soon."
    ),
}
CODES = frozenset(_TEXTS)


def has_words(code: str | None) -> bool:
    """Whether ``code`` has a sentence of its own (else the English reason is shown)."""
    return code in _TEXTS


def refusal_text(code: str | None, params: Mapping[str, str], reason: str) -> str:
    """The sentence for ``code`` in the current language; ``reason`` (the service's English)
    inside "The service said no: …" for a code without one."""
    text = _TEXTS.get(code or "")
    if text is None:
        return QCoreApplication.translate("ConsoleRefusal", "The service said no: {reason}").format(
            reason=reason
        )
    names = re.findall(r"\{(\w+)\}", text)
    if code in _WITHOUT and any(not params.get(n) or _UUID.fullmatch(params[n]) for n in names):
        return translate_marked(CONTEXT, _WITHOUT[code])
    try:
        return translate_marked(CONTEXT, text).format(**{n: params.get(n, "") for n in names})
    except (KeyError, IndexError, ValueError):  # a translation naming another placeholder
        return translate_marked(CONTEXT, text)
