"""The screen fixtures (site zone, language switching) for the door's screen tests here."""

from tests.ui.conftest import language, tz

__all__ = ["language", "tz"]
