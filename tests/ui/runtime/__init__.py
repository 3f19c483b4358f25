"""Tests of ui.runtime: wedge scanners, reader floods."""
