"""Tests of ui.lobby."""
