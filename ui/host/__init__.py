"""Host sign-in and the host panel: badge, PIN pad, switching modes, calls."""
