"""Alembic environment: the same revisions for SQLite and PostgreSQL.

The connection comes from `agent_app.services.migrate` through `config.attributes["connection"]`.
"""

from __future__ import annotations

from alembic import context

from agent_app.services.models import Base



def include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001
    """Leave the search indexes (FTS5 tables, pg_trgm indexes) to `search_indexes.py`: not in the models."""
    if type_ == "table" and name.startswith("ticket_search"):
        return False
    return not (type_ == "index" and name and name.endswith("_trgm"))


config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
