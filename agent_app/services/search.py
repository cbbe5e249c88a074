"""Substring search in ticket addresses and descriptions that works for Chinese.

PostgreSQL: `ILIKE '%…%'`, served by the pg_trgm GIN indexes for patterns of three or more
characters. SQLite: the FTS5 trigram table for three or more characters; shorter patterns scan,
because SQLite 3.40's trigram tokenizer finds nothing for them (FACTS.md).

On SQLite the keyword goes to FTS5 as a phrase (`ticket_search MATCH 'address : "…"'`): with the
trigram tokenizer a phrase of three or more characters matches exactly the rows whose column
contains it, read from the index alone. A `LIKE` on the FTS table must fetch every candidate's
text from `tickets` to check it (15x slower for a common keyword), and `LIKE … ESCAPE` was not
passed to the index at all: the whole table was read (54 s on 1 M tickets).

Frequent and rare keywords need opposite plans, and neither planner can tell them apart (both
estimate a pattern's matches poorly). A list shows the newest 50 matches: for a rare keyword
(a house number: 58 matches in 1 M tickets) fetch the matches from the text index and sort them;
for a frequent one (an estate, a common complaint: thousands) that fetch-and-sort costs 5–50x
more than walking the tickets newest first and keeping those that match, which stops after the
first 50.

- SQLite: `contains` asks the FTS index whether the keyword has at least `FREQUENT` matches (a
  capped probe reading the index alone: a few milliseconds) and writes the condition so that the
  planner must take the matching plan (`tickets.id + 0` hides the rowid from the planner).
- PostgreSQL: the same probe through the trigram index costs 40–80 ms for a frequent keyword
  (the bitmap covers every match before the first row). Instead the list first walks a bounded
  number of the newest tickets (`recent_walk.py`, `walk_match` here); only when that finds no
  full page does `contains` (the trigram index) answer.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, literal_column, select, text
from sqlalchemy.orm import Session

from agent_app.services.models import Ticket

_ESCAPE = "\\"
FREQUENT = 1000  # SQLite: matches (any company) from which walking the newest tickets beats fetching them


def like_pattern(keyword: str) -> str:
    escaped = keyword.replace(_ESCAPE, _ESCAPE * 2).replace("%", _ESCAPE + "%").replace("_", _ESCAPE + "_")
    return f"%{escaped}%"


def contains(session: Session, column_name: str, keyword: str) -> ColumnElement[bool]:
    """A condition on `tickets.<column_name>` (address or description) containing `keyword`."""
    column = getattr(Ticket, column_name)
    pattern = like_pattern(keyword)
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite" and len(keyword) >= 3:
        phrase = keyword.replace('"', '""')
        fts = select(literal_column("rowid")).select_from(text("ticket_search")).where(
            literal_column("ticket_search").op("MATCH")(f'{column_name} : "{phrase}"'))
        return (Ticket.id + 0).in_(fts) if _frequent(session, fts) else Ticket.id.in_(fts)
    if dialect == "postgresql":
        return column.ilike(pattern, escape=_ESCAPE)
    return column.like(pattern, escape=_ESCAPE)


def walk_match(column: ColumnElement[str], keyword: str) -> ColumnElement[bool]:
    """`column` contains `keyword`, checked row by row (no index). Without letters that have a
    case (Chinese, digits) `LIKE` finds the same rows as `ILIKE` at a sixth of its cost."""
    pattern = like_pattern(keyword)
    if keyword.lower() == keyword.upper():
        return column.like(pattern, escape=_ESCAPE)
    return column.ilike(pattern, escape=_ESCAPE)


def _frequent(session: Session, matches) -> bool:  # noqa: ANN001 - a one-column select
    """Whether `matches` has at least FREQUENT rows; reads at most that many from the FTS index.
    Only the plan depends on it: nothing of the count reaches the user (no tenancy concern)."""
    probe = select(func.count()).select_from(matches.limit(FREQUENT).subquery())
    return int(session.scalar(probe) or 0) >= FREQUENT
