"""The lobby during an event: check-in with a live counter, event walk-ins."""
