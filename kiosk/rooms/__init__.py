"""Rooms and doors: door state and snapshot, policies, modes, bookings, calendars, door actions."""
