"""Alembic environment: migrations run programmatically on the connection that
:func:`mission_monitor.store.migrate.upgrade` hands over (no alembic.ini, no logging setup)."""

from __future__ import annotations

from alembic import context

from mission_monitor.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
