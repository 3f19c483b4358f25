"""Tests of ui.door."""
