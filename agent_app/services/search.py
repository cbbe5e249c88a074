"""Substring search in ticket addresses and descriptions that works for Chinese.

PostgreSQL: `ILIKE '%…%'`, served by the pg_trgm GIN indexes for patterns of three or more
characters. SQLite: the FTS5 trigram table for three or more characters; shorter patterns scan,
because SQLite 3.40's trigram tokenizer finds nothing for them (FACTS.md).

On SQLite the keyword goes to FTS5 as a phrase (`ticket_search MATCH 'address : "…"'`): with the
trigram tokenizer a phrase of three or more characters matches exactly the rows whose column
contains it, read from the index alone. A `LIKE` on the FTS table must fetch every candidate's
text from `tickets` to check it (15x slower for a common keyword), and `LIKE … ESCAPE` was not
passed to the index at all: the whole table was read (54 s on 1 M tickets).
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
        phrase = keyword.replace('"', '""')
        fts = select(literal_column("rowid")).select_from(text("ticket_search")).where(
            literal_column("ticket_search").op("MATCH")(f'{column_name} : "{phrase}"'))
        return Ticket.id.in_(fts)
    if dialect == "postgresql":
        return column.ilike(pattern, escape=_ESCAPE)
    return column.like(pattern, escape=_ESCAPE)
