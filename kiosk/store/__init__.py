"""The data model, opening a store (SQLite or PostgreSQL) and the one Alembic migration history."""
