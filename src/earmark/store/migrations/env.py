"""Alembic environment: run with the connection earmark.store.db.upgrade hands over."""

from __future__ import annotations

from alembic import context

from earmark.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - earmark always passes one
    raise RuntimeError("earmark migrations run through earmark.store.db.upgrade")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
