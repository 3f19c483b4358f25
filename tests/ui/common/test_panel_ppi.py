"""``ScaledScreen.set_ppi``: the panel's real density sizes every touch target, at once, on the
screen and on the host overlay laid over it; without it the QScreen's DPI does."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.helpers import settle
from ui.common import theme
from ui.common.screen import screen_ppi
from ui.host.overlay import HostOverlay
from ui.lobby.screen import LobbyScreen


def test_set_ppi_resizes_the_targets_and_none_goes_back_to_the_display(
    qtbot: QtBot, tz: ZoneInfo
) -> None:
    lobby = LobbyScreen(tz, welcome_seconds=30, idle_seconds=30)
    qtbot.addWidget(lobby)
    lobby.resize(800, 480)
    lobby.show()
    settle()
    display = theme.min_target_px(screen_ppi(lobby))
    assert lobby.min_target() == display
    button = lobby.language_bar.findChildren(type(lobby.home.walkin))[0]
    overlay = HostOverlay(lobby, tz, lobby=True)
    overlay.show_page(overlay.pin_pad)

    lobby.set_ppi(149)
    settle()
    assert lobby.ppi == 149
    assert lobby.min_target() == 53  # ceil(9 / 25.4 * 149)
    assert button.minimumHeight() >= 53 and button.height() >= 53
    assert min(k.height() for k in overlay.pin_pad.findChildren(type(button))) >= 53

    lobby.set_ppi(None)
    settle()
    assert lobby.min_target() == display
    assert display <= button.minimumHeight() < 53


def test_a_ppi_that_is_not_positive_is_refused(qtbot: QtBot, tz: ZoneInfo) -> None:
    lobby = LobbyScreen(tz)
    qtbot.addWidget(lobby)
    with pytest.raises(ValueError, match="greater than zero"):
        lobby.set_ppi(0)
