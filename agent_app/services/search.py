"""Substring search in ticket addresses and descriptions that works for Chinese.

PostgreSQL: `ILIKE '%…%'`, served by the pg_trgm GIN indexes for patterns of three or more
characters. SQLite: the FTS5 trigram table for three or more characters; shorter patterns scan,
because SQLite 3.40's trigram tokenizer finds nothing for them (FACTS.md).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, literal_column, select, text

from agent_app.services.models import Ticket

_ESCAPE = "\\"


def like_pattern(keyword: str) -> str:
    escaped = keyword.replace(_ESCAPE, _ESCAPE * 2).replace("%", _ESCAPE + "%").replace("_", _ESCAPE + "_")
    return f"%{escaped}%"


def contains(column_name: str, keyword: str, dialect: str) -> ColumnElement[bool]:
    """A condition on `tickets.<column_name>` (address or description) containing `keyword`."""
    column = getattr(Ticket, column_name)
    pattern = like_pattern(keyword)
    if dialect == "sqlite" and len(keyword) >= 3:
        fts = select(literal_column("rowid")).select_from(text("ticket_search")).where(
            literal_column(f"ticket_search.{column_name}").like(pattern, escape=_ESCAPE))
        return Ticket.id.in_(fts)
    if dialect == "postgresql":
        return column.ilike(pattern, escape=_ESCAPE)
    return column.like(pattern, escape=_ESCAPE)
