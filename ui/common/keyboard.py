"""An on-screen keyboard for the forms visitors fill in: the lobby tablet has no physical keyboard.

Letters with å ä ö; an accent layer ("áé") for names like José Müller, Søren or Núñez; a symbols
layer for e-mail addresses and company names; Shift (one capital; tapped twice, Caps Lock),
Backspace and Space. The layers and the geometry are in ``ui.common.keyboard_layout``: keys
are laid out by hand from the space the keyboard is given; it asks for ``needed_height`` (four
rows of 9 mm keys at the panel's density), and given less it still fits every key inside
itself, smaller, without overlap.

Keys never take focus, so they stay out of the Tab order and the text goes to the line edit the
visitor last touched (``target``), where its cursor was. Each key has an accessible name: the
character it types, or the translated name of what it does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QWidget

from ui.common.fonts import ui_font
from ui.common.keyboard_layout import (
    ACCENTS,
    BACKSPACE,
    BESIDE_SPACE,
    CHARACTERS,
    COLUMNS,
    FUNCTIONS,
    HIDE,
    LAYERS,
    LETTERS,
    ROWS,
    SHIFT,
    SPACE,
    SYMBOLS,
    TO_ACCENTS,
    TO_LETTERS,
    TO_SYMBOLS,
    layer_rows,
    needed_height,
    place,
)
from ui.common.widgets import TouchButton

OFF, ONCE, LOCKED = 0, 1, 2  # Shift: lower case, one capital, Caps Lock


class OnScreenKeyboard(QWidget):
    """Three layers of keys typing into ``target``; ``hideable`` adds a key that hides it."""

    typed = Signal()  # any key was tapped: the page's idle timeout starts over
    hide_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, hideable: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("OnScreenKeyboard")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._target: QLineEdit | None = None
        # Before any focus proxy: a policy set later would be passed on to the field.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.hideable = hideable
        self._layer = LETTERS
        self._shift = OFF
        self._pixel_size = 22
        self._min_target = 36
        self._gap = 4
        # The character keys of each layer, by the (lower-case) character they type.
        self.layer_keys: dict[str, dict[str, TouchButton]] = {}
        for layer in LAYERS:
            chars = "".join(CHARACTERS[layer]) + BESIDE_SPACE[layer]
            self.layer_keys[layer] = {char: self._char_key(char, layer) for char in chars}
        self.keys = self.layer_keys[LETTERS]
        self.accent_keys = self.layer_keys[ACCENTS]
        self.symbol_keys = self.layer_keys[SYMBOLS]
        self.shift = self._key("⇧", SHIFT)
        self.shift.setCheckable(True)
        self.shift.clicked.connect(self._shift_tapped)
        self.backspace = self._key("⌫", BACKSPACE)
        self.backspace.clicked.connect(self.erase)
        self.backspace.setAutoRepeat(True)  # held down, it keeps erasing
        self.space = self._key("", SPACE)
        self.space.clicked.connect(lambda: self.type_char(" "))
        self.to_symbols = self._key("?123", TO_SYMBOLS)
        self.to_symbols.clicked.connect(lambda: self.set_layer(SYMBOLS))
        self.to_accents = self._key("áé", TO_ACCENTS)
        self.to_accents.setCheckable(True)
        self.to_accents.clicked.connect(
            lambda: self.set_layer(LETTERS if self._layer == ACCENTS else ACCENTS)
        )
        self.to_letters = self._key("abc", TO_LETTERS)
        self.to_letters.clicked.connect(lambda: self.set_layer(LETTERS))
        self.hide_key = self._key("", HIDE)
        self.hide_key.clicked.connect(self.hide_requested)
        self._functions = {
            SHIFT: self.shift,
            BACKSPACE: self.backspace,
            SPACE: self.space,
            TO_SYMBOLS: self.to_symbols,
            TO_ACCENTS: self.to_accents,
            TO_LETTERS: self.to_letters,
            HIDE: self.hide_key,
        }
        assert set(self._functions) == set(FUNCTIONS)
        self.retranslate()
        self._relayout()

    # --- public API ------------------------------------------------------------------------
    @property
    def target(self) -> QLineEdit | None:
        """The field the keys type into."""
        return self._target

    @target.setter
    def target(self, field: QLineEdit | None) -> None:
        # A tap on a key would give the focus to the first ancestor that takes clicks (the
        # screen), and the field would lose its cursor: the keyboard takes it and hands it on.
        self._target = field
        self.setFocusProxy(field)  # type: ignore[arg-type]  # None: no proxy

    @property
    def layer(self) -> str:
        return self._layer

    @property
    def caps_lock(self) -> bool:
        return self._shift == LOCKED

    def all_keys(self) -> list[TouchButton]:
        """Every key of every layer (those of other layers are hidden)."""
        chars = [key for keys in self.layer_keys.values() for key in keys.values()]
        return [*chars, *self._functions.values()]

    def visible_keys(self) -> list[TouchButton]:
        """The keys of the layer on show, in reading order."""
        rows = layer_rows(self._layer, hideable=self.hideable)
        return [self._widget(slot.key, self._layer) for row in rows for slot in row]

    def set_layer(self, layer: str) -> None:
        self._show_layer(layer)
        self.typed.emit()

    def reset(self) -> None:
        """Lower-case letters, as for a new visitor (not a key tap: ``typed`` stays quiet)."""
        self._set_shift(OFF)
        self._show_layer(LETTERS)

    def set_metrics(self, pixel_size: int, min_target: int) -> None:
        """Label size and the 9 mm touch target: the height asked for is four such rows."""
        self._pixel_size = pixel_size
        self._min_target = min_target
        self._gap = max(3, round(min_target / 10))
        self.updateGeometry()
        self._relayout()

    @property
    def needed_height(self) -> int:
        """Four rows of 9 mm keys: what a form gives the keyboard when it has the room."""
        return needed_height(self._min_target, self._gap)

    def sizeHint(self) -> QSize:
        return QSize(COLUMNS * self._min_target + (COLUMNS - 1) * self._gap, self.needed_height)

    def minimumSizeHint(self) -> QSize:
        # Less than 9 mm when a form has no more room: smaller keys, never overlapping ones.
        return QSize(COLUMNS * 20, needed_height(max(20, self._pixel_size + 6), self._gap))

    def type_char(self, char: str) -> None:
        if self._target is not None:
            self._target.insert(_shifted(char) if self._shift else char)
        if self._shift == ONCE:
            self._set_shift(OFF)  # one capital, like a phone keyboard
        if self._layer == ACCENTS and char != " ":
            self.set_layer(LETTERS)  # one accented letter, then the usual letters again
        self.typed.emit()

    def erase(self) -> None:
        if self._target is not None:
            self._target.backspace()
        self.typed.emit()

    def retranslate(self) -> None:
        if self._shift == LOCKED:
            shift = QCoreApplication.translate("Keyboard", "Caps Lock")
        else:
            shift = QCoreApplication.translate("Keyboard", "Shift")
        self.shift.setAccessibleName(shift)
        self.backspace.setAccessibleName(QCoreApplication.translate("Keyboard", "Backspace"))
        self.space.setAccessibleName(QCoreApplication.translate("Keyboard", "Space"))
        self.to_symbols.setAccessibleName(
            QCoreApplication.translate("Keyboard", "Numbers and symbols")
        )
        self.to_accents.setAccessibleName(
            QCoreApplication.translate("Keyboard", "Accented letters")
        )
        self.to_letters.setAccessibleName(QCoreApplication.translate("Keyboard", "Letters"))
        self.hide_key.setText(QCoreApplication.translate("Keyboard", "Done"))
        self.hide_key.setAccessibleName(QCoreApplication.translate("Keyboard", "Hide the keyboard"))

    # --- Qt plumbing -----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    # --- internals -------------------------------------------------------------------------
    def _key(self, label: str, name: str) -> TouchButton:
        key = TouchButton(label, self)
        key.setObjectName(f"Key-{name}")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the form field keeps focus and cursor
        key.setStyleSheet("padding: 0px;")  # room for descenders (g, j, å) in a short key
        key.hide()
        return key

    def _char_key(self, char: str, layer: str) -> TouchButton:
        key = self._key(_label(char), f"{layer}-{ord(char):x}")
        key.setAccessibleName(char)
        key.clicked.connect(lambda _=False, ch=char: self.type_char(ch))
        return key

    def _widget(self, name: str, layer: str) -> TouchButton:
        return self._functions.get(name) or self.layer_keys[layer][name]

    def _show_layer(self, layer: str) -> None:
        self._layer = layer
        self.to_accents.setChecked(layer == ACCENTS)
        self._relayout()

    def _relayout(self) -> None:
        rows = layer_rows(self._layer, hideable=self.hideable)
        # Keys up to a third taller than 9 mm: more would only be towers of empty key.
        tallest = max(self._min_target, round(self._min_target * 4 / 3))
        rects = place(rows, self.width(), self.height(), self._gap, tallest)
        key_height = rects[0][0][3] if rects and rects[0] else self._min_target
        pixel = max(10, min(self._pixel_size, round(key_height * 0.5)))
        font = ui_font(pixel, QFont.Weight.DemiBold)
        shown: set[int] = set()
        for row, row_rects in zip(rows, rects, strict=True):
            for slot, (x, y, w, h) in zip(row, row_rects, strict=True):
                key = self._widget(slot.key, self._layer)
                key.setMinimumSize(0, 0)
                if key.font() != font:
                    key.setFont(font)
                if len(key.text()) > 1:  # a word ("Done", "?123"): smaller until it fits
                    _fit_text(key, w, pixel)
                key.setGeometry(x, y, w, h)
                key.show()
                shown.add(id(key))
        for key in self.all_keys():
            if id(key) not in shown:
                key.hide()
        assert len(rows) == ROWS

    def _shift_tapped(self) -> None:
        # Off -> one capital -> Caps Lock -> off, as on a phone.
        self._set_shift({OFF: ONCE, ONCE: LOCKED, LOCKED: OFF}[self._shift])
        self.typed.emit()

    def _set_shift(self, state: int) -> None:
        self._shift = state
        self.shift.setChecked(state != OFF)
        self.shift.setText("⇪" if state == LOCKED else "⇧")
        for layer in (LETTERS, ACCENTS):
            for char, key in self.layer_keys[layer].items():
                shown = _shifted(char) if state else char
                key.setText(_label(shown))
                key.setAccessibleName(shown)
        self.retranslate()


def _shifted(char: str) -> str:
    """The capital of ``char``; ß (whose capital is two letters) and symbols stay as they are."""
    upper = char.upper()
    return upper if len(upper) == 1 else char


def _fit_text(key: TouchButton, width: int, pixel: int) -> None:
    """The largest label size up to ``pixel`` whose text fits ``width`` (10 px at the least)."""
    while pixel > 10 and key.sizeHint().width() > width:
        pixel -= 1
        key.setFont(ui_font(pixel, QFont.Weight.DemiBold))


def _label(char: str) -> str:
    """A button's text for ``char``: a lone "&" would be taken for a shortcut marker."""
    return "&&" if char == "&" else char
