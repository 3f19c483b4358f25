"""The Qt style sheet, generated from ``ui.common.theme`` so colours live in exactly one place.

Sizes (borders, radii, padding) scale with the screen, so the sheet is built for a scale factor
and re-applied when a screen is resized. Fonts are deliberately *not* in the sheet: a style-sheet
font would override the per-label sizes the screens compute from their height.

Widgets opt in by object name (``#Header``) or by the ``role`` / ``kind`` dynamic properties.
"""

from __future__ import annotations

from ui.common import theme


def _px(value: float, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(value * scale))


def stylesheet(scale: float = 1.0) -> str:
    """Style sheet for one screen at ``scale`` (1.0 = the 1280x800 reference design)."""
    radius = _px(14, scale, 4)
    border = _px(3, scale, 2)
    focus = _px(5, scale, 3)
    pad_v = _px(10, scale, 4)
    pad_h = _px(28, scale, 10)
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
QPushButton:disabled {{ color: {theme.TEXT_MUTED}; border-color: {theme.RULE}; }}
QWidget#HostOverlay {{ background: {theme.PAGE}; }}
"""
