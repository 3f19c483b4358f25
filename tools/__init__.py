"""Developer tools (not shipped): translation upkeep, screenshots."""
