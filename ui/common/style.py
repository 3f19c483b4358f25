"""The Qt style sheet, generated from ``ui.common.theme`` so colours live in exactly one place.

Sizes (borders, radii, padding) scale with the screen, so the sheet is built for a scale factor
and re-applied when a screen is resized. Fonts are deliberately *not* in the sheet: a style-sheet
font would override the per-label sizes the screens compute from their height.

Widgets opt in by object name (``#Header``) or by the ``role`` / ``kind`` dynamic properties.
"""

from __future__ import annotations

from pathlib import Path

from ui.common import theme
from ui.common.icons import icon_file


def _px(value: float, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(value * scale))


def border_width(scale: float) -> int:
    """Buttons', fields' and check boxes' border at ``scale``: a check box's indicator size in a
    widget's own sheet is inside this border."""
    return _px(3, scale, 2)


def stylesheet(scale: float = 1.0) -> str:
    """Style sheet for one screen at ``scale`` (1.0 = the 1280x800 reference design)."""
    radius = _px(14, scale, 4)
    border = border_width(scale)
    focus = _px(5, scale, 3)
    pad_v = _px(10, scale, 4)
    pad_h = _px(28, scale, 10)
    field_radius = _px(8, scale, 3)
    field_pad = _px(12, scale, 6)
    field_pad_focus = max(0, field_pad - (focus - border))  # the text stays put on focus
    box_radius = _px(6, scale, 2)
    check = Path(icon_file("check")).as_posix()  # black tick: 21:1 on the white box
    return f"""
QWidget#ScreenRoot {{ background: {theme.PAGE}; }}
QFrame#Header {{ background: {theme.BRAND}; }}
QFrame#Header QLabel {{ color: {theme.ON_BRAND}; }}
QFrame#Surface {{ background: {theme.SURFACE}; }}
QLabel {{ color: {theme.TEXT}; background: transparent; }}
QLabel[role="heading"] {{ color: {theme.BRAND}; }}
QLabel[role="muted"] {{ color: {theme.TEXT_MUTED}; }}
QFrame#AgendaRow {{ border: none; border-bottom: 1px solid {theme.RULE}; }}
QFrame#StatusStrip {{ background: {theme.WARNING_TINT}; }}
QFrame#StatusStrip QLabel {{ color: {theme.WARNING_TEXT}; }}
QPushButton {{
    color: {theme.BRAND};
    background: {theme.PAGE};
    border: {border}px solid {theme.BRAND};
    border-radius: {radius}px;
    padding: {pad_v}px {pad_h}px;
}}
QPushButton:checked, QPushButton[kind="primary"] {{
    color: {theme.ON_BRAND};
    background: {theme.BRAND};
}}
QPushButton:pressed {{ color: {theme.ON_BRAND}; background: {theme.TEXT}; }}
QPushButton:focus {{ border: {focus}px solid {theme.FOCUS}; }}
QPushButton:disabled, QPushButton[kind="primary"]:disabled {{
    color: {theme.DISABLED_TEXT};
    background: {theme.PAGE};
    border: {border}px dashed {theme.DISABLED_BORDER};
}}
QLineEdit {{
    color: {theme.TEXT};
    background: {theme.PAGE};
    border: {border}px solid {theme.FIELD_BORDER};
    border-radius: {field_radius}px;
    padding: 0px {field_pad}px;
    placeholder-text-color: {theme.PLACEHOLDER};
}}
QLineEdit:focus {{ border: {focus}px solid {theme.FOCUS}; padding: 0px {field_pad_focus}px; }}
QCheckBox::indicator {{
    background: {theme.PAGE};
    border: {border}px solid {theme.FIELD_BORDER};
    border-radius: {box_radius}px;
}}
QCheckBox::indicator:checked {{ image: url("{check}"); }}
QCheckBox:focus::indicator {{ border-color: {theme.FOCUS}; }}
QWidget#HostOverlay {{ background: {theme.PAGE}; }}
"""
