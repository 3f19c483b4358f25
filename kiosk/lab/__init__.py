"""The Lab's own features: feedback, the "Here today" board, host calls, hosts on duty."""
