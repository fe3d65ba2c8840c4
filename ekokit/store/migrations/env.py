"""Alembic's environment for the kit's store: run by ekokit.store.migrate on the connection it
hands over (``config.attributes["connection"]``), never on a URL from a config file."""

from __future__ import annotations

from alembic import context

from ekokit.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
