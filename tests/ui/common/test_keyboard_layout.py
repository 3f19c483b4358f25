"""The on-screen keyboard's layers and geometry, without widgets: every layer fills the grid,
and ``place`` keeps keys apart and inside the area at any size, however small."""

from __future__ import annotations

import itertools

import pytest

from ui.common.keyboard_layout import (
    ACCENTS,
    COLUMNS,
    FUNCTIONS,
    LAYERS,
    LETTERS,
    ROWS,
    SYMBOLS,
    layer_rows,
    needed_height,
    place,
)

NAMES = ("José Müller", "Søren", "Núñez", "Åsa Öhman-Ärlig", "Zoë O'Brien", "Çelik", "Strauß")


def _characters(layer: str) -> set[str]:
    rows = layer_rows(layer, hideable=True)
    return {slot.key for row in rows for slot in row if slot.key not in FUNCTIONS}


@pytest.mark.parametrize("layer", LAYERS)
@pytest.mark.parametrize("hideable", [True, False])
def test_every_row_fits_the_grid_and_the_last_row_is_full(layer: str, hideable: bool) -> None:
    rows = layer_rows(layer, hideable=hideable)
    assert len(rows) == ROWS
    for row in rows:
        assert sum(slot.units for slot in row) <= COLUMNS
    assert sum(slot.units for slot in rows[-1]) == COLUMNS
    assert sum(slot.units for slot in rows[2]) == COLUMNS


def test_names_from_elsewhere_can_be_typed() -> None:
    letters = _characters(LETTERS) | _characters(ACCENTS)
    for name in NAMES:
        missing = {c for c in name.lower() if c != " " and c not in letters | {"-", "'"}}
        assert not missing, (name, missing)
    assert {"å", "ä", "ö"} <= _characters(LETTERS)
    assert set("áàâäåãæéèêëíìîïñóòôöøõúùûüýÿçßšž") <= _characters(ACCENTS)
    assert set("0123456789@-_'&./") <= _characters(SYMBOLS)


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


@pytest.mark.parametrize("layer", LAYERS)
@pytest.mark.parametrize(
    ("width", "height", "gap"), [(1204, 230, 5), (752, 207, 5), (300, 90, 3), (120, 40, 2)]
)
def test_keys_never_overlap_and_stay_inside(layer: str, width: int, height: int, gap: int) -> None:
    rows = layer_rows(layer, hideable=True)
    rects = [r for row in place(rows, width, height, gap, 10_000) for r in row]
    for x, y, w, h in rects:
        assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, (x, y, w, h)
        assert w > 0 and h > 0
    for a, b in itertools.combinations(rects, 2):
        assert not _overlap(a, b), (a, b)


def test_keys_take_the_height_given_up_to_the_cap() -> None:
    rows = layer_rows(LETTERS, hideable=True)
    assert needed_height(48, 5) == 4 * 48 + 3 * 5
    exact = place(rows, 752, needed_height(48, 5), 5, 64)
    assert {r[3] for row in exact for r in row} == {48}
    tall = place(rows, 752, 600, 5, 64)
    assert {r[3] for row in tall for r in row} == {64}  # no towers of keys
