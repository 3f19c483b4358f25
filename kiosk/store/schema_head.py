"""The newest migration's revision, known without importing Alembic.

A kiosk checks its store against it on every start; only a store that is behind loads Alembic
and upgrades. A test keeps it equal to the head of ``kiosk/store/migrations`` (add a migration, and
that test says to change this line).
"""

SCHEMA_HEAD = "0017"
