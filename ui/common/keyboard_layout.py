"""What the on-screen keyboard's layers hold and where each key goes (no widgets here).

Three layers of four rows on a grid :data:`COLUMNS` units wide: Finnish/Swedish letters (å ä ö on
the main layer), the accented letters that names from elsewhere need (José, Müller, Søren,
Núñez), and digits and symbols for e-mail addresses and company names. ``place`` divides the
space the keyboard is given among the rows and columns, so keys are as large as that space
allows, never overlap and never leave it.
"""

from __future__ import annotations

from dataclasses import dataclass

LETTERS, ACCENTS, SYMBOLS = "letters", "accents", "symbols"
LAYERS = (LETTERS, ACCENTS, SYMBOLS)

# Function keys (characters are one letter long, these names are longer).
SHIFT, BACKSPACE, SPACE = "shift", "backspace", "space"
TO_SYMBOLS, TO_ACCENTS, TO_LETTERS, HIDE = "to-symbols", "to-accents", "to-letters", "hide"
FUNCTIONS = (SHIFT, BACKSPACE, SPACE, TO_SYMBOLS, TO_ACCENTS, TO_LETTERS, HIDE)

COLUMNS = 11
ROWS = 4

# Three rows of characters per layer; the layer's last row is shared (``_bottom``).
CHARACTERS = {
    LETTERS: ("qwertyuiopå", "asdfghjklöä", "zxcvbnm-"),
    ACCENTS: ("áàâäåãæéèêë", "íìîïñóòôöøõ", "úùûüýÿçšž"),
    SYMBOLS: ("1234567890", "@-_'&/():;!", '#?",%=€$+*'),
}
# The two characters beside the space bar on each layer.
BESIDE_SPACE = {LETTERS: "'.", ACCENTS: "ß.", SYMBOLS: ".~"}


@dataclass(frozen=True)
class Slot:
    """One key in a row: a character or a function name, ``units`` columns wide."""

    key: str
    units: float = 1.0


def layer_rows(layer: str, *, hideable: bool) -> tuple[tuple[Slot, ...], ...]:
    """The four rows of ``layer``; ``hideable`` adds the key that hides the keyboard."""
    first, second, third = CHARACTERS[layer]
    if layer == SYMBOLS:  # no capitals among symbols: the row is symbols and Backspace
        third_row = (*(Slot(c) for c in third), Slot(BACKSPACE))
    else:
        side = (COLUMNS - len(third)) / 2  # Shift and Backspace share what the letters leave
        third_row = (Slot(SHIFT, side), *(Slot(c) for c in third), Slot(BACKSPACE, side))
    return (
        tuple(Slot(c) for c in first),
        tuple(Slot(c) for c in second),
        third_row,
        _bottom(layer, hideable=hideable),
    )


def _bottom(layer: str, *, hideable: bool) -> tuple[Slot, ...]:
    mode = Slot(TO_LETTERS if layer == SYMBOLS else TO_SYMBOLS, 1.5)
    accents = Slot(TO_ACCENTS, 1.5)  # on the accent layer it shows pressed; a tap goes back
    beside = tuple(Slot(c) for c in BESIDE_SPACE[layer])
    if hideable:
        return (mode, accents, Slot(SPACE, 4.5), *beside, Slot(HIDE, 1.5))
    return (mode, accents, Slot(SPACE, 6.0), *beside)


Rect = tuple[int, int, int, int]  # x, y, width, height


def place(
    rows: tuple[tuple[Slot, ...], ...], width: int, height: int, gap: int, max_height: int
) -> list[list[Rect]]:
    """Rectangles for ``rows`` in a ``width`` x ``height`` area, ``gap`` px apart.

    Every row is one key-height tall (at most ``max_height``, so a tall area does not make
    towers of keys); a unit is one column of :data:`COLUMNS`; a row shorter than the grid is
    centred. Edges are rounded one by one from exact positions, so neighbours keep at least
    ``gap - 1`` px between them and the last key ends inside the area.
    """
    gap = max(2, gap)
    count = len(rows)
    key_height = max(1, min(max_height, (height - (count - 1) * gap) // count))
    unit = (width - (COLUMNS - 1) * gap) / COLUMNS
    pitch = unit + gap
    out: list[list[Rect]] = []
    for r, row in enumerate(rows):
        top = r * (key_height + gap)
        units = sum(slot.units for slot in row)
        column = (COLUMNS - units) / 2
        rects: list[Rect] = []
        for slot in row:
            left = round(column * pitch)
            right = round((column + slot.units) * pitch - gap)
            rects.append((left, top, max(1, right - left), key_height))
            column += slot.units
        out.append(rects)
    return out


def needed_height(key_height: int, gap: int) -> int:
    """The height of :data:`ROWS` rows of ``key_height`` keys."""
    return ROWS * key_height + (ROWS - 1) * max(2, gap)
