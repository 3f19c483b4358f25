"""Telling a host that their visitor has arrived: pluggable notifiers.

A notifier only sends; queueing, retries and finding the names are ``notify_queue``'s job, so a
new channel (a chat webhook, say) is one small class. Every notifier raises
:class:`NotifyError` for a failure worth retrying and :class:`PermanentNotifyError` for one that
retrying cannot fix (a refused recipient), and never blocks a check-in: the queue's worker runs
it on its own thread.

The log notifier is the default, for sites without mail: it records that a notice went out, with
ids only, because logs carry no names. The SMTP notifier sends a short trilingual e-mail.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import uuid
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from kiosk.base.timeutil import wall_clock

log = logging.getLogger(__name__)

LAB_NAME = "Työ 2.0 Lab"
VISITOR_ARRIVED = "visitor_arrived"
HOST_CALL = "host_call"  # someone pressed "Call a host" at a lobby (kiosk/lab/host_calls.py)
EVACUATION = "evacuation"  # the evacuation list's PDF, to each host on duty


class NotifyError(Exception):
    """Sending failed; the queue tries again later."""


class PermanentNotifyError(NotifyError):
    """Sending can never succeed as asked (the address was refused); the queue gives up."""


@dataclass(frozen=True)
class Notice:
    """One "your visitor has arrived" message, with the names read from the replica.

    ``kind`` ``host_call``: "a host is wanted in the lobby" to a host on duty; the visitor
    fields are then empty and ``arrived_at`` is when the call was made. ``evacuation``: the
    evacuation list as of ``arrived_at``, the PDF at ``attachment``.
    """

    id: uuid.UUID
    host_id: uuid.UUID
    host_name: str
    host_email: str
    visitor_name: str
    organisation: str | None
    arrived_at: datetime
    kiosk_id: str
    kind: str = VISITOR_ARRIVED
    attachment: Path | None = None


class Notifier(Protocol):
    def send(self, notice: Notice) -> None:
        """Deliver ``notice`` or raise :class:`NotifyError`."""
        ...


class LogNotifier:
    """Records each notice in the log (ids only): for sites without mail, and for the demo."""

    def send(self, notice: Notice) -> None:
        if notice.kind == HOST_CALL:
            log.info("host %s called to %s (notice %s)", notice.host_id, notice.kiosk_id, notice.id)
            return
        if notice.kind == EVACUATION:
            log.info("evacuation list for host %s (notice %s)", notice.host_id, notice.id)
            return
        log.info(
            "host %s notified of a visitor at %s (notice %s)",
            notice.host_id,
            notice.kiosk_id,
            notice.id,
        )


def log_message(message: EmailMessage) -> None:
    """The log notifier's way with a ready message: its id only (no names, no addresses)."""
    log.info("notice %s recorded (log notifier: no mail sent)", message["Message-ID"])


class SmtpNotifier:
    """Sends each notice as an e-mail through one SMTP server (STARTTLS or implicit TLS)."""

    def __init__(
        self,
        host: str,
        port: int,
        sender: str,
        tz: ZoneInfo,
        *,
        security: str = "starttls",  # starttls | tls | none
        username: str | None = None,
        password_file: Path | None = None,
        timeout: float = 10.0,
    ) -> None:
        self._host = host
        self._port = port
        self._sender = sender
        self._tz = tz
        self._security = security
        self._username = username
        self._password_file = password_file
        self._timeout = timeout

    def send(self, notice: Notice) -> None:
        self.send_message(compose(notice, self._sender, self._tz))

    def send_message(self, message: EmailMessage) -> None:
        """Send a ready message (an organiser's notice, say) through the same server."""
        try:
            with self._connect() as smtp:
                if self._username:
                    smtp.login(self._username, self._password())
                smtp.send_message(message)
        except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused) as exc:
            raise PermanentNotifyError(f"the mail server refused the message: {exc}") from None
        except smtplib.SMTPAuthenticationError:
            raise NotifyError("the mail server refused the user name or password") from None
        except (smtplib.SMTPException, OSError) as exc:
            raise NotifyError(f"mail server {self._host}:{self._port}: {exc}") from None

    def _connect(self) -> smtplib.SMTP:
        if self._security == "tls":
            return smtplib.SMTP_SSL(
                self._host, self._port, timeout=self._timeout, context=ssl.create_default_context()
            )
        smtp = smtplib.SMTP(self._host, self._port, timeout=self._timeout)
        if self._security == "starttls":
            try:
                smtp.starttls(context=ssl.create_default_context())
            except BaseException:
                smtp.close()
                raise
        return smtp

    def _password(self) -> str:
        if self._password_file is None:
            raise PermanentNotifyError("notify.smtp_username is set but no smtp_password_file")
        try:
            return self._password_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise NotifyError(f"cannot read {self._password_file}: {exc.strerror}") from None


def _clock(moment: datetime, tz: ZoneInfo) -> tuple[str, str]:
    """A wall-clock time as Finnish and Finland-Swedish write it (9.05), and as English (09:05)."""
    local = moment.astimezone(tz)
    return wall_clock(local, "fi"), wall_clock(local, "en")


def compose(notice: Notice, sender: str, tz: ZoneInfo) -> EmailMessage:
    """The e-mail for one notice, in Finnish, Swedish and English (hosts speak any of them)."""
    if notice.kind == HOST_CALL:
        return _compose_call(notice, sender, tz)
    if notice.kind == EVACUATION:
        return _compose_evacuation(notice, sender, tz)
    nordic_time, en_time = _clock(notice.arrived_at, tz)
    who = notice.visitor_name + (f" ({notice.organisation})" if notice.organisation else "")
    message = EmailMessage()
    message["From"] = sender
    message["To"] = notice.host_email
    message["Subject"] = (
        f"{notice.visitor_name}: vieraasi on saapunut / din gäst har kommit / "
        "your visitor has arrived"
    )
    message["Message-ID"] = f"<{notice.id}@{notice.kiosk_id}.lab-kiosk>"
    message.set_content(
        f"Hei {notice.host_name},\n\n{who} on saapunut {LAB_NAME}in aulaan klo {nordic_time}.\n\n"
        f"Hej {notice.host_name},\n\n{who} har kommit till {LAB_NAME}s lobby kl. {nordic_time}."
        f"\n\nHello {notice.host_name},\n\n{who} has arrived in the {LAB_NAME} lobby at "
        f"{en_time}.\n\n-- \n{LAB_NAME}, {notice.kiosk_id}\n"
    )
    return message


def _compose_call(notice: Notice, sender: str, tz: ZoneInfo) -> EmailMessage:
    """The "a host is wanted in the lobby" e-mail to one host on duty, in three languages."""
    nordic_time, en_time = _clock(notice.arrived_at, tz)
    message = EmailMessage()
    message["From"] = sender
    message["To"] = notice.host_email
    message["Subject"] = (
        "Aulassa pyydetään apua / Någon ber om hjälp i lobbyn / A host is wanted in the lobby"
    )
    message["Message-ID"] = f"<{notice.id}@{notice.kiosk_id}.lab-kiosk>"
    # The buttons are quoted as the screens say them (docs/glossary.md).
    message.set_content(
        f"Hei {notice.host_name},\n\n{LAB_NAME}in aulassa ({notice.kiosk_id}) painettiin "
        f'klo {nordic_time} "Pyydä apua". Kuittaa pyyntö henkilökunnan paneelissa millä '
        f"tahansa näytöllä.\n\n"
        f'Hej {notice.host_name},\n\nnågon tryckte på "Be om hjälp" i {LAB_NAME}s '
        f"lobby ({notice.kiosk_id}) kl. {nordic_time}. Kvittera i personalpanelen på vilken "
        f"skärm som helst.\n\n"
        f'Hello {notice.host_name},\n\nsomeone pressed "Call a host" in the {LAB_NAME} '
        f"lobby ({notice.kiosk_id}) at {en_time}. Acknowledge it in the host panel of any "
        f"screen.\n\n-- \n{LAB_NAME}, {notice.kiosk_id}\n"
    )
    return message


def _compose_evacuation(notice: Notice, sender: str, tz: ZoneInfo) -> EmailMessage:
    """The evacuation list, as saved at the lobby, to one host on duty (the PDF attached)."""
    nordic_time, en_time = _clock(notice.arrived_at, tz)
    message = EmailMessage()
    message["From"] = sender
    message["To"] = notice.host_email
    message["Subject"] = (
        f"Evakuointilista / Utrymningslista / Evacuation list {LAB_NAME} {nordic_time}"
    )
    message["Message-ID"] = f"<{notice.id}@{notice.kiosk_id}.lab-kiosk>"
    message.set_content(
        f"Hei {notice.host_name},\n\nliitteenä {LAB_NAME}in evakuointilista: kaikki "
        f"rakennuksessa olevat klo {nordic_time} ({notice.kiosk_id}).\n\n"
        f"Hej {notice.host_name},\n\nbifogad är utrymningslistan för {LAB_NAME}: alla i "
        f"byggnaden kl. {nordic_time} ({notice.kiosk_id}).\n\n"
        f"Hello {notice.host_name},\n\nattached is the {LAB_NAME} evacuation list: everyone "
        f"in the building at {en_time} ({notice.kiosk_id}).\n\n-- \n{LAB_NAME}, "
        f"{notice.kiosk_id}\n"
    )
    if notice.attachment is not None:
        message.add_attachment(
            notice.attachment.read_bytes(),
            maintype="application",
            subtype="pdf",
            filename=notice.attachment.name,
        )
    return message


def notifier_for(method: str, settings: NotifySettings, tz: ZoneInfo) -> Notifier | None:
    """The notifier ``[notify]`` asks for, or None for ``method = "none"``."""
    if method == "none":
        return None
    if method == "smtp":
        assert settings.smtp_host and settings.sender  # the config loader insists on both
        return SmtpNotifier(
            settings.smtp_host,
            settings.smtp_port,
            settings.sender,
            tz,
            security=settings.smtp_security,
            username=settings.smtp_username,
            password_file=settings.smtp_password_file,
        )
    return LogNotifier()


class NotifySettings(Protocol):
    """The SMTP part of ``[notify]`` (``kiosk.config.settings.NotifyConfig`` has these fields)."""

    @property
    def smtp_host(self) -> str | None: ...
    @property
    def smtp_port(self) -> int: ...
    @property
    def smtp_security(self) -> str: ...
    @property
    def smtp_username(self) -> str | None: ...
    @property
    def smtp_password_file(self) -> Path | None: ...
    @property
    def sender(self) -> str | None: ...
