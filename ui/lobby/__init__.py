"""The lobby screen: home, scan and tap results, walk-in, check-out, evacuation list."""
