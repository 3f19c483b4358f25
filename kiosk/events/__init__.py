"""Events: creating them, their tickets, and event check-in at the lobby."""
