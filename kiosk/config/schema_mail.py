"""The ``[notify]`` and ``[invitations]`` sections of ``kiosk.toml``: e-mail to hosts and visitors.

Part of the schema in ``kiosk/config/schema.py``, which lists every section in file order.
"""

from __future__ import annotations

from kiosk.config.keys import Key, domain_names, one_of, positive

NOTIFY: dict[str, Key] = {
    "method": Key(
        str,
        "log",
        "How hosts hear that their visitor arrived: `log` (the kiosk's log, ids only), "
        "`smtp` (e-mail to the host's address) or `none`.",
        one_of(("log", "smtp", "none")),
    ),
    "smtp_host": Key(str, None, 'Mail server for `method = "smtp"`.'),
    "smtp_port": Key(int, 587, "Mail server port (587 for STARTTLS, 465 for TLS).", positive),
    "smtp_security": Key(
        str,
        "starttls",
        "`starttls`, `tls` (implicit TLS) or `none` (only for a relay on the same host).",
        one_of(("starttls", "tls", "none")),
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
        positive,
    ),
}

INVITATIONS: dict[str, Key] = {
    "delivery": Key(
        str,
        "auto",
        "Who sends invitation e-mails (`invite create --email`): `service` (the central sync "
        "service's sender loop), `command` (the admin command at once, then `kiosk run` and "
        "`kiosk sync` retry: the embedded one-machine set-up) or `auto` (`command` when the "
        "central store is a SQLite file, else `service`). Mail goes through `[notify]`'s "
        "SMTP server.",
        one_of(("auto", "service", "command")),
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
        positive,
    ),
    "lab_domains": Key(
        list,
        [],
        'The Lab\'s own e-mail domains, e.g. `["vm.fi", "tyo20.fi"]` (subdomains count too). '
        "A room feed with `--invite-attendees` invites the attendees whose address is in "
        "none of them; with none listed, no feed invites anybody.",
        domain_names,
    ),
    "calendar_days": Key(
        int,
        30,
        "A room feed invites attendees of meetings at most this many days ahead; a meeting "
        "further out is invited by a later import.",
        lambda v: None if 1 <= v <= 366 else "must be 1-366",
    ),
}
