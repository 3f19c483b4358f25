"""Tests of ui.common: theme, widgets, formatting, translations, touch targets."""
