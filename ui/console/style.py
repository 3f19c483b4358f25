"""The console's style sheet: the kiosk's colours (``ui.common.theme``) at desktop sizes.

The kiosk sheet (``ui.common.style``) is made for fingers on a tablet; the console is used with
a mouse and a keyboard, so it keeps the colours, the focus ring and the visible field edges and
drops the touch sizes. Every pair drawn here is one of ``theme.TEXT_PAIRS``/``GRAPHIC_PAIRS``.
"""

from __future__ import annotations

from ui.common import theme


def console_stylesheet() -> str:
    return f"""
QMainWindow, QWidget#ConsolePage {{ background: {theme.PAGE}; }}
QLabel {{ color: {theme.TEXT}; background: transparent; }}
QLabel[role="heading"] {{ color: {theme.BRAND}; font-weight: 600; }}
QLabel[role="muted"] {{ color: {theme.TEXT_MUTED}; }}
QLabel#CheckinCounter {{ color: {theme.BRAND}; font-weight: 700; }}
QFrame#ConsoleHeader {{ background: {theme.BRAND}; }}
QFrame#ConsoleHeader QLabel {{ color: {theme.ON_BRAND}; }}
QFrame#ProblemBanner[kind="offline"], QFrame#ProblemBanner[kind="failed"] {{
    background: {theme.WARNING_TINT};
}}
QFrame#ProblemBanner[kind="offline"] QLabel, QFrame#ProblemBanner[kind="failed"] QLabel {{
    color: {theme.WARNING_TEXT};
}}
QFrame#ProblemBanner[kind="credential"], QFrame#ProblemBanner[kind="refused"] {{
    background: {theme.DANGER_TINT};
}}
QFrame#ProblemBanner[kind="credential"] QLabel, QFrame#ProblemBanner[kind="refused"] QLabel {{
    color: {theme.TEXT};
}}
QFrame#NoticeBanner {{ background: {theme.SUCCESS_TINT}; }}
QFrame#NoticeBanner QLabel {{ color: {theme.TEXT}; }}
QListWidget#ConsoleNav {{
    background: {theme.SURFACE};
    color: {theme.TEXT};
    border: none;
    outline: none;
}}
QListWidget#ConsoleNav::item {{ padding: 10px 14px; }}
QListWidget#ConsoleNav::item:selected {{ background: {theme.BRAND}; color: {theme.ON_BRAND}; }}
QListWidget#ConsoleNav:focus {{ border: 3px solid {theme.FOCUS}; }}
QPushButton {{
    color: {theme.BRAND};
    background: {theme.PAGE};
    border: 2px solid {theme.BRAND};
    border-radius: 6px;
    padding: 5px 14px;
}}
QPushButton[kind="primary"] {{ color: {theme.ON_BRAND}; background: {theme.BRAND}; }}
QPushButton:pressed {{ color: {theme.ON_BRAND}; background: {theme.TEXT}; }}
QPushButton:focus {{ border: 3px solid {theme.FOCUS}; }}
QPushButton:disabled, QPushButton[kind="primary"]:disabled {{
    color: {theme.DISABLED_TEXT};
    background: {theme.PAGE};
    border: 2px dashed {theme.DISABLED_BORDER};
}}
QLineEdit, QPlainTextEdit, QComboBox, QDateTimeEdit, QDateEdit, QSpinBox {{
    color: {theme.TEXT};
    background: {theme.PAGE};
    border: 2px solid {theme.FIELD_BORDER};
    border-radius: 4px;
    padding: 3px 6px;
}}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QDateTimeEdit:focus, QDateEdit:focus,
QSpinBox:focus {{
    border: 2px solid {theme.FOCUS};
}}
QTableWidget {{
    color: {theme.TEXT};
    background: {theme.PAGE};
    gridline-color: {theme.RULE};
    selection-background-color: {theme.BRAND};
    selection-color: {theme.ON_BRAND};
}}
QTableWidget:focus {{ border: 2px solid {theme.FOCUS}; }}
QHeaderView::section {{
    color: {theme.BRAND};
    background: {theme.SURFACE};
    border: none;
    border-bottom: 1px solid {theme.RULE};
    padding: 4px 6px;
    font-weight: 600;
}}
QTabWidget::pane {{ border: 1px solid {theme.RULE}; }}
QTabBar::tab {{ color: {theme.TEXT}; background: {theme.SURFACE}; padding: 6px 14px; }}
QTabBar::tab:selected {{ color: {theme.ON_BRAND}; background: {theme.BRAND}; }}
QGroupBox {{ color: {theme.BRAND}; font-weight: 600; }}
"""
