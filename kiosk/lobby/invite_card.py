"""The printable invitation card: the QR code, the Lab's name, the visitor, the date, instructions.

Drawn with Pillow rather than Qt, because the core (and so the admin CLI) never loads Qt. The QR
code keeps its four-module quiet zone and is drawn with whole pixels per module, so a phone
screen or a cheap printer still gives the lobby camera sharp edges.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import qrcode
from PIL import Image, ImageDraw, ImageFont
from qrcode.constants import ERROR_CORRECT_M

log = logging.getLogger(__name__)

LAB_NAME = "Työ 2.0 Lab"
INSTRUCTIONS = (
    "Näytä tämä koodi aulan kioskille saapuessasi.",
    "Visa den här koden för kiosken i lobbyn när du kommer.",
    "Show this code to the lobby kiosk when you arrive.",
)
CARD_WIDTH = 1000
MARGIN = 60
BOX_SIZE = 10  # pixels per QR module
QUIET_ZONE = 4  # modules, as the QR standard asks
INK = (20, 20, 20)
PAPER = (255, 255, 255)


@dataclass(frozen=True)
class Card:
    token: str
    visitor_name: str
    valid_from: datetime
    valid_to: datetime
    tz: ZoneInfo
    # An event ticket: the event's title, and valid_from/valid_to are the event's own times.
    event_title: str | None = None


def qr_image(token: str) -> Image.Image:
    """The QR code alone; error correction M survives a crease or a scratched phone screen."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=BOX_SIZE, border=QUIET_ZONE)
    code.add_data(token)  # the text is base45 with an upper-case prefix: alphanumeric mode
    code.make(fit=True)
    image = code.make_image(fill_color="black", back_color="white").get_image()
    assert isinstance(image, Image.Image)
    return image.convert("RGB")


def date_text(card: Card) -> str:
    """The day (or days) the invitation is for, written the Finnish way (d.m.yyyy)."""
    start = card.valid_from.astimezone(card.tz)
    last = (card.valid_to.astimezone(card.tz) - timedelta(seconds=1)).date()
    first = f"{start.day}.{start.month}.{start.year}"
    if card.event_title is not None:  # an event: its day and hours, like 27.11.2026 18.00–21.00
        end = card.valid_to.astimezone(card.tz)
        hours = f"{start:%H.%M}–{end:%H.%M}"
        if end.date() == start.date():
            return f"{first} {hours}"
        return f"{first} {start:%H.%M} – {end.day}.{end.month}.{end.year} {end:%H.%M}"
    if last == start.date():
        return first
    return f"{first}–{last.day}.{last.month}.{last.year}"


Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
# DejaVu Sans is on every target image (see ui/common/theme.py); Pillow finds it in the system font
# folders by file name. Pillow's bundled font is only a fallback: it lacks å, ä and ö.
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


@functools.cache
def _font(size: int, bold: bool = False) -> Font:
    try:
        return ImageFont.truetype(FONT_FILES[bold], size)
    except OSError:
        log.warning("font %s not found; the card falls back to Pillow's font", FONT_FILES[bold])
        return ImageFont.load_default(size=size)


def _fit(draw: ImageDraw.ImageDraw, text: str, size: int, width: int, bold: bool) -> Font:
    """The largest font up to ``size`` that fits ``text`` in ``width`` (long Finnish names)."""
    while size > 12:
        font = _font(size, bold)
        if draw.textlength(text, font=font) <= width:
            return font
        size -= 2
    return _font(size, bold)


def render_card(card: Card) -> Image.Image:
    qr = qr_image(card.token)
    lines = [(LAB_NAME, 64, True), (card.visitor_name, 48, True), (date_text(card), 40, False)]
    if card.event_title is not None:  # the event first; an anonymous ticket has no name line
        lines = [(LAB_NAME, 56, True), (card.event_title, 52, True)]
        lines += [(card.visitor_name, 44, False)] if card.visitor_name else []
        lines += [(date_text(card), 40, False)]
    instructions = [(text, 28, False) for text in INSTRUCTIONS]
    height = MARGIN * 2 + qr.height + 60 + 90 * len(lines) + 44 * len(instructions)
    image = Image.new("RGB", (CARD_WIDTH, height), PAPER)
    draw = ImageDraw.Draw(image)
    inner = CARD_WIDTH - 2 * MARGIN
    y = MARGIN
    for text, size, bold in lines:
        font = _fit(draw, text, size, inner, bold)
        draw.text((CARD_WIDTH // 2, y), text, fill=INK, font=font, anchor="mt")
        y += 90
    image.paste(qr, ((CARD_WIDTH - qr.width) // 2, y))
    y += qr.height + 30
    for text, size, bold in instructions:
        font = _fit(draw, text, size, inner, bold)
        draw.text((CARD_WIDTH // 2, y), text, fill=INK, font=font, anchor="mt")
        y += 44
    return image


def save_card(card: Card, path: Path) -> None:
    """Write the card as PNG at 300 dpi (about 8.5 cm wide), ready to print or attach."""
    render_card(card).save(path, format="PNG", dpi=(300, 300))
