"""Alembic environment: the same revisions for SQLite and PostgreSQL.

The connection comes from `agent_app.services.migrate` through `config.attributes["connection"]`.
"""

from __future__ import annotations

from alembic import context

from agent_app.services.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
