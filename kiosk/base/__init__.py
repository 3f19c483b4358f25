"""Foundations every other package stands on: clocks, errors, ids, time, logging, systemd."""
