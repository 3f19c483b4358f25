"""The room-door display: state, timeline, agenda, actions and modes."""
