"""The kiosk's colours, type and touch sizes, in one place.

Every colour a screen draws comes from here, and every foreground/background pair the screens use
is listed in ``TEXT_PAIRS`` / ``GRAPHIC_PAIRS`` so a test can hold them to WCAG 2.1 AA
(4.5:1 for text; we hold icons to the same bar although 3:1 would do). The look follows the
Finnish public-sector idiom (suomi.fi): a dark blue brand, white surfaces, plain sans-serif.

Qt-free: colours are ``#RRGGBB`` strings, so the maths and the test need no display.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kiosk.views.screens import RoomState

# --- brand and surfaces --------------------------------------------------------------------
BRAND = "#002F5F"  # dark blue: headers, headings, primary buttons
ON_BRAND = "#FFFFFF"
PAGE = "#FFFFFF"
SURFACE = "#F3F6F9"  # quiet panels (door agenda, lobby body)
TINT = "#E8F0F8"  # light blue circle behind friendly icons
TEXT = "#1B2631"  # body text, near-black with a blue cast
TEXT_MUTED = "#4A5868"  # secondary text; still 6.7:1 on SURFACE
RULE = "#C9D3DE"  # hairlines between list rows (decorative, not information)
FOCUS = "#B35000"  # keyboard focus ring: dark orange, distinct from every state colour
# Text fields and check boxes: their edges must show (WCAG 1.4.11 asks 3:1; Qt's default grey
# was 2.3:1 for fields and 1.9:1 for boxes). A placeholder is an example, in readable grey.
FIELD_BORDER = TEXT_MUTED
PLACEHOLDER = TEXT_MUTED
# A disabled button: outlined and dashed on the page instead of filled, its words still
# readable (a grey word on the brand blue was 1.84:1), so "not yet" is seen by shape too.
DISABLED_TEXT = TEXT_MUTED
DISABLED_BORDER = TEXT_MUTED
# The timeline's "now" line is drawn in BRAND inside a PAGE casing: the casing stands out on a
# red or grey booking, the blue core on the light free bar (one colour cannot do both).
TIMELINE_NOW = BRAND
TIMELINE_NOW_CASING = PAGE

# --- feedback colours (lobby result page, status strip) ------------------------------------
SUCCESS = "#00703C"
SUCCESS_TINT = "#E3F4EA"
DANGER = "#B00020"
DANGER_TINT = "#FCE8EA"
WARNING_TEXT = "#3B2A00"
WARNING_ICON = "#7A4A00"
WARNING_TINT = "#FFF1C2"

# --- font ----------------------------------------------------------------------------------
# The first installed family wins. No fonts are bundled: DejaVu Sans is on every target image.
FONT_FAMILIES: tuple[str, ...] = ("Inter", "Noto Sans", "DejaVu Sans", "sans-serif")

# Design sizes are in pixels at the reference screen (1280x800); screens multiply by their scale.
REFERENCE_SIZE = (1280, 800)

# The smallest text on any screen, even at 800x480 on a 7" panel (about 2.7 mm tall there):
# a label shrinks below it only when its text would not fit even at this size.
MIN_TEXT_PX = 14

# Minimum size of anything a finger must hit. 9 mm is the lower bound in ISO 9241-9 style
# guidance and comfortably above WCAG 2.5.5's 44 CSS px on the Lab's ~10" screens.
MIN_TARGET_MM = 9.0


@dataclass(frozen=True)
class ColorPair:
    """A text (or icon) colour and the background it sits on."""

    fg: str
    bg: str


@dataclass(frozen=True)
class DoorStyle:
    """How a room state looks: banner colours and the icon drawn next to the word."""

    colors: ColorPair
    icon: str  # file stem in resources/icons


# Before the first sync: the brand blue, so no state colour suggests free or busy.
WAITING_COLORS = ColorPair(ON_BRAND, BRAND)

DOOR_STYLES: dict[RoomState, DoorStyle] = {
    RoomState.FREE: DoorStyle(ColorPair(ON_BRAND, SUCCESS), "check"),
    RoomState.BUSY: DoorStyle(ColorPair(ON_BRAND, DANGER), "calendar"),
    RoomState.EVENT: DoorStyle(ColorPair(ON_BRAND, "#5B2A86"), "star"),
    RoomState.CLOSED: DoorStyle(ColorPair(ON_BRAND, "#3D4752"), "lock"),
}

# Busy, but free again within minutes: amber, so "worth waiting for" reads from afar too.
ENDING_SOON_STYLE = DoorStyle(ColorPair(WARNING_TEXT, "#F2C14E"), "clock")

# Every text colour used on every background it is used on. Add a line when a screen gains one.
TEXT_PAIRS: dict[str, ColorPair] = {
    "header": ColorPair(ON_BRAND, BRAND),
    "heading on page": ColorPair(BRAND, PAGE),
    "heading on surface": ColorPair(BRAND, SURFACE),
    "body on page": ColorPair(TEXT, PAGE),
    "body on surface": ColorPair(TEXT, SURFACE),
    "muted on page": ColorPair(TEXT_MUTED, PAGE),
    "muted on surface": ColorPair(TEXT_MUTED, SURFACE),
    "button primary": ColorPair(ON_BRAND, BRAND),
    "button secondary": ColorPair(BRAND, PAGE),
    "status strip": ColorPair(WARNING_TEXT, WARNING_TINT),
    "placeholder on page": ColorPair(PLACEHOLDER, PAGE),
    "field text on page": ColorPair(TEXT, PAGE),
    "button disabled": ColorPair(DISABLED_TEXT, PAGE),
    **{f"door {state.value}": style.colors for state, style in DOOR_STYLES.items()},
    "door waiting": WAITING_COLORS,
    "door ending soon": ENDING_SOON_STYLE.colors,
}

# Icons and other meaningful graphics (WCAG 1.4.11 asks 3:1; we keep them at 4.5:1 too).
GRAPHIC_PAIRS: dict[str, ColorPair] = {
    "result success": ColorPair(SUCCESS, SUCCESS_TINT),
    "result info": ColorPair(BRAND, TINT),
    "result warning": ColorPair(WARNING_ICON, WARNING_TINT),
    "result error": ColorPair(DANGER, DANGER_TINT),
    "status icon": ColorPair(WARNING_ICON, WARNING_TINT),
    "home icon": ColorPair(BRAND, TINT),
    "focus ring on page": ColorPair(FOCUS, PAGE),
    "secondary button border": ColorPair(BRAND, PAGE),
    "timeline booking": ColorPair(DANGER, SUCCESS_TINT),
    "timeline provisional": ColorPair(TEXT_MUTED, SUCCESS_TINT),
    "timeline now": ColorPair(TIMELINE_NOW, SUCCESS_TINT),
    "timeline now on booking": ColorPair(TIMELINE_NOW_CASING, DANGER),
    "timeline now on provisional": ColorPair(TIMELINE_NOW_CASING, TEXT_MUTED),
    "field border on page": ColorPair(FIELD_BORDER, PAGE),
    "check box border on page": ColorPair(FIELD_BORDER, PAGE),
    "disabled button border": ColorPair(DISABLED_BORDER, PAGE),
}


def _channel(value: int) -> float:
    c = value / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def parse_hex(color: str) -> tuple[int, int, int]:
    """``#RGB`` or ``#RRGGBB`` to an (r, g, b) tuple of 0..255."""
    text = color.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if len(text) != 6:
        raise ValueError(f"not a #RRGGBB colour: {color!r}")
    try:
        return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)
    except ValueError as exc:
        raise ValueError(f"not a #RRGGBB colour: {color!r}") from exc


def relative_luminance(color: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour (0 = black, 1 = white)."""
    r, g, b = (_channel(v) for v in parse_hex(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2.1 contrast ratio between two colours, from 1.0 to 21.0 (order does not matter)."""
    light, dark = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def min_target_px(dpi: float, mm: float = MIN_TARGET_MM) -> int:
    """Pixels needed for a touch target of ``mm`` millimetres on a screen of ``dpi`` px/inch.

    ``dpi`` is logical pixels per physical inch (physical DPI divided by the device pixel
    ratio), because widget geometry is in logical pixels. Non-positive DPI values (some virtual
    screens report 0) fall back to 96.
    """
    if dpi <= 0 or math.isnan(dpi):
        dpi = 96.0
    return math.ceil(mm / 25.4 * dpi)


def scale_for(width: int, height: int) -> float:
    """How much to scale the reference design for a widget of this size.

    The smaller of the two ratios wins so neither direction overflows; a floor keeps text
    readable on very small windows (tests, previews) instead of shrinking to nothing.
    """
    ref_w, ref_h = REFERENCE_SIZE
    return max(0.35, min(width / ref_w, height / ref_h))
