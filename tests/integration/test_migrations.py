"""The same Alembic revisions build, on SQLite and PostgreSQL, exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from agent_app.services.database import create_db_engine
from agent_app.services.migrate import is_at_head
from agent_app.services.models import Base


def _search_index(obj, name, type_, reflected, compare_to):  # noqa: ANN001
    return not ((type_ == "table" and name.startswith("ticket_search")) or (type_ == "index" and name and name.endswith("_trgm")))


def test_migrated_schema_matches_the_models(db_url):
    engine = create_db_engine(db_url)
    assert is_at_head(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": _search_index, "compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()
