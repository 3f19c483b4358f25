"""Colours meet WCAG 2.1 AA and touch targets are at least 9 mm."""

from __future__ import annotations

import pytest

from kiosk.views.screens import RoomState
from ui.common import style, theme


def test_contrast_ratio_matches_the_wcag_reference_values() -> None:
    assert theme.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert theme.contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    # #767676 on white is the well-known lightest grey that passes 4.5:1.
    assert theme.contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert theme.contrast_ratio("#FFF", "#000") == pytest.approx(21.0)


@pytest.mark.parametrize("bad", ["", "#12", "#GGGGGG", "blue", "#1234567"])
def test_contrast_ratio_refuses_what_is_not_a_hex_colour(bad: str) -> None:
    with pytest.raises(ValueError, match="colour"):
        theme.contrast_ratio(bad, "#FFFFFF")


@pytest.mark.parametrize("name", sorted(theme.TEXT_PAIRS))
def test_every_text_colour_pair_passes_4_5_to_1(name: str) -> None:
    pair = theme.TEXT_PAIRS[name]
    assert theme.contrast_ratio(pair.fg, pair.bg) >= 4.5, name


@pytest.mark.parametrize("name", sorted(theme.GRAPHIC_PAIRS))
def test_icons_and_focus_ring_pass_4_5_to_1(name: str) -> None:
    pair = theme.GRAPHIC_PAIRS[name]
    assert theme.contrast_ratio(pair.fg, pair.bg) >= 4.5, name


def test_every_room_state_has_its_own_colour_and_icon() -> None:
    assert set(theme.DOOR_STYLES) == set(RoomState)
    assert len({s.colors.bg for s in theme.DOOR_STYLES.values()}) == len(RoomState)
    assert len({s.icon for s in theme.DOOR_STYLES.values()}) == len(RoomState)


def test_style_sheet_uses_only_listed_colours() -> None:
    """A colour in the sheet that is in no checked pair would escape the contrast test."""
    import re

    listed = {c.upper() for p in theme.TEXT_PAIRS.values() for c in (p.fg, p.bg)}
    listed |= {c.upper() for p in theme.GRAPHIC_PAIRS.values() for c in (p.fg, p.bg)}
    listed |= {theme.RULE.upper(), theme.TEXT.upper()}  # rule is decorative; TEXT = pressed bg
    used = {c.upper() for c in re.findall(r"#[0-9A-Fa-f]{6}", style.stylesheet(1.0))}
    assert used <= listed, used - listed


@pytest.mark.parametrize(
    ("dpi", "expected"),
    [(96, 35), (160, 57), (216, 77), (0, 35), (-5, 35), (float("nan"), 35)],
)
def test_min_target_is_nine_millimetres(dpi: float, expected: int) -> None:
    assert theme.min_target_px(dpi) == expected
    if dpi > 0:
        assert theme.min_target_px(dpi) / dpi * 25.4 >= 9.0


def test_scale_follows_the_smaller_side_with_a_floor() -> None:
    assert theme.scale_for(1280, 800) == pytest.approx(1.0)
    assert theme.scale_for(800, 480) == pytest.approx(0.6)
    assert theme.scale_for(1920, 800) == pytest.approx(1.0)
    assert theme.scale_for(10, 10) == pytest.approx(0.35)
