"""Indexes for Chinese substring search in ticket addresses and descriptions.

PostgreSQL: pg_trgm GIN indexes (LIKE '%…%' uses them for patterns of three or more characters).
SQLite: an FTS5 trigram index kept in step by triggers. SQLite 3.40's trigram tokenizer finds
nothing for patterns under three characters, so `agent_app.services.search` scans for those.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

_SQLITE = [
    "CREATE VIRTUAL TABLE ticket_search USING fts5(address, description, content='tickets', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER ticket_search_ai AFTER INSERT ON tickets BEGIN "
    "INSERT INTO ticket_search(rowid, address, description) VALUES (new.id, new.address, new.description); END",
    "CREATE TRIGGER ticket_search_ad AFTER DELETE ON tickets BEGIN "
    "INSERT INTO ticket_search(ticket_search, rowid, address, description) "
    "VALUES ('delete', old.id, old.address, old.description); END",
    "CREATE TRIGGER ticket_search_au AFTER UPDATE OF address, description ON tickets BEGIN "
    "INSERT INTO ticket_search(ticket_search, rowid, address, description) "
    "VALUES ('delete', old.id, old.address, old.description); "
    "INSERT INTO ticket_search(rowid, address, description) VALUES (new.id, new.address, new.description); END",
]

_POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_tickets_address_trgm ON tickets USING gin (address gin_trgm_ops)",
    "CREATE INDEX ix_tickets_description_trgm ON tickets USING gin (description gin_trgm_ops)",
    "CREATE INDEX ix_customers_address_trgm ON customers USING gin (address gin_trgm_ops)",
]


def create_search_indexes(connection: Connection) -> None:
    statements = _SQLITE if connection.dialect.name == "sqlite" else _POSTGRES
    for statement in statements:
        connection.exec_driver_sql(statement)


def drop_search_indexes(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        for name in ("ticket_search_ai", "ticket_search_ad", "ticket_search_au"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        connection.exec_driver_sql("DROP TABLE IF EXISTS ticket_search")
    else:
        for name in ("ix_tickets_address_trgm", "ix_tickets_description_trgm", "ix_customers_address_trgm"):
            connection.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
