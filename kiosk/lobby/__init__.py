"""The lobby's use cases: check-in, walk-in, check-out, invitations, presence, retention."""
