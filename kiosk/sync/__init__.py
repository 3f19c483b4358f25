"""Outbox, change feed, push acceptance on the central store, the sync engine and the fleet."""
