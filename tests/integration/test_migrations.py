"""The same Alembic revisions build, on SQLite and PostgreSQL, exactly the schema the models describe."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from agent_app.services.database import create_db_engine
from agent_app.services.migrate import MIGRATIONS_DIR, is_at_head
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


def _index_definitions(engine) -> dict[str, str]:  # noqa: ANN001
    sql = ("SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('tickets', 'ticket_history')"
           if engine.dialect.name == "postgresql" else
           "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('tickets', 'ticket_history')")
    with engine.connect() as connection:
        return {name: definition or "" for name, definition in connection.execute(text(sql))}


def test_every_revision_downgrades_and_upgrades_again(db_url):
    engine = create_db_engine(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    before = _index_definitions(engine)
    assert "ix_ticket_history_company_id" in before and "WHERE" not in before["ix_tickets_handler"]
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        command.upgrade(config, "head")
    after = _index_definitions(engine)
    assert "ix_ticket_history_company_id" not in after and "ix_tickets_company_id" not in after
    for name in ("ix_tickets_handler", "ix_tickets_provider_id", "ix_tickets_engineer_id"):
        assert "IS NOT NULL" in after[name], name
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": _search_index, "compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()
