"""The Lab's own lobby pages: feedback, "Here today", calling a host."""
