"""A real SMTP server for the tests (aiosmtpd), a silent one for timeouts, and e-mail readers."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller


class Inbox:
    """An aiosmtpd handler that keeps what it receives, as parsed e-mails."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, _class=EmailMessage, policy=policy.SMTP)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"

    def message_ids(self) -> list[str]:
        return [str(m["Message-ID"]) for m in self.messages]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def smtp_server(port: int) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


@contextmanager
def silent_server(port: int) -> Iterator[list[socket.socket]]:
    """Accepts connections and never says a word: a mail server too slow to answer."""
    listener = socket.create_server(("127.0.0.1", port))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def run() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield accepted
    finally:
        stop.set()
        thread.join(5)
        for conn in accepted:
            conn.close()
        listener.close()


def inline_qr(message: EmailMessage) -> str:
    """The text of the QR code the HTML part shows inline (by its Content-ID)."""
    import re
    from io import BytesIO

    import zxingcpp
    from PIL import Image

    html = message.get_body(("html",))
    assert html is not None
    cid = re.search(r'src="cid:([^"]+)"', html.get_content())
    assert cid, "the HTML part shows no inline image"
    related = [p for p in message.walk() if p.get_content_type() == "multipart/related"]
    assert len(related) == 1
    images = [p for p in related[0].iter_parts() if p["Content-ID"] == f"<{cid.group(1)}>"]
    assert len(images) == 1 and images[0].get_content_type() == "image/png"
    assert images[0].get_content_disposition() != "attachment"
    image = Image.open(BytesIO(images[0].get_content()))
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)  # type: ignore[arg-type]
    assert len(codes) == 1
    return str(codes[0].text)


def attachments(message: EmailMessage) -> dict[str, tuple[str, bytes]]:
    """File name -> (content type, bytes) of every attachment."""
    return {
        str(p.get_filename()): (p.get_content_type(), bytes(p.get_content()))
        if p.get_content_maintype() != "text"
        else (p.get_content_type(), str(p.get_content()).encode())
        for p in message.iter_attachments()
    }


def smtp_config(path: Path, central_url: str, port: int, *, delivery: str = "command") -> Path:
    """An admin kiosk.toml with a mail server on ``port`` and the Lab's texts."""
    path.write_text(
        f'[kiosk]\nid = "admin-1"\ndata_dir = "data"\nlanguage = "fi"\n'
        f'[central]\nurl = "{central_url}"\n'
        f'[notify]\nmethod = "smtp"\nsmtp_host = "127.0.0.1"\nsmtp_port = {port}\n'
        f'smtp_security = "none"\nsender = "lab-kiosk@lab.example"\n'
        f'[invitations]\ndelivery = "{delivery}"\naddress_fi = "Mariankatu 9, Helsinki"\n'
        f'address_sv = "Mariegatan 9, Helsingfors"\n'
        f'arrival_en = "Ring the bell at the green door; a host opens."\n',
        encoding="utf-8",
    )
    return path
