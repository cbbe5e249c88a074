"""The newest tickets containing a keyword, found by walking a bounded number of the newest ones.

PostgreSQL's trigram index answers a rare keyword quickly and a frequent one slowly (it fetches
and sorts every match: 24 000 for an estate's name in 5 M tickets); walking the newest tickets
and keeping the matches answers a frequent keyword after a few hundred rows and a rare one
never. So a list with a keyword first walks at most `RECENT_WALK` of the newest tickets that
meet its other conditions; if that yields a full page, the page is exact (every older ticket
sorts after all of those walked); if not, the caller asks the trigram index (`search.contains`).
A rare keyword pays the bounded walk (a few milliseconds) on top of the index; a frequent one
never touches the index.
"""

from __future__ import annotations

from typing import Any, Sequence

from sqlalchemy import ColumnElement, Row, select
from sqlalchemy.orm import Session

from agent_app.services import keyset
from agent_app.services.actor import Actor
from agent_app.services.models import Ticket
from agent_app.services.search import walk_match
from agent_app.services.tickets.access import visible

RECENT_WALK = 20_000  # newest tickets walked before the trigram index is asked
MIN_KEYWORD = 3  # shorter keywords have no trigram to look up: the planner walks anyway


def text_terms(address: str | None, description: str | None) -> list[tuple[str, str]]:
    """The (column, keyword) pairs a walk would check."""
    terms = [("address", (address or "").strip()), ("description", (description or "").strip())]
    return [(name, keyword) for name, keyword in terms if keyword]


def newest_matches(session: Session, actor: Actor, conditions: Sequence[Any], terms: list[tuple[str, str]],
                   sort_column: ColumnElement[Any], descending: bool, after: tuple[Any, int] | None,
                   limit: int) -> list[Row] | None:
    """(sort_key, id) rows of the page, or None when the walk is not the way (not PostgreSQL, no
    keyword long enough) or found no full page (then the caller asks the index)."""
    if session.get_bind().dialect.name != "postgresql" or not any(len(k) >= MIN_KEYWORD for _, k in terms):
        return None
    recent = visible(actor, select(Ticket.id, sort_column.label("sort_key"),
                                   *(getattr(Ticket, name) for name, _ in terms))).where(*conditions)
    recent = keyset.after(recent, sort_column, Ticket.id, after, descending)
    walked = keyset.in_order(recent, sort_column, Ticket.id, descending).limit(RECENT_WALK).subquery()
    keys = select(walked.c.sort_key, walked.c.id).where(
        *(walk_match(walked.c[name], keyword) for name, keyword in terms))
    keys = keyset.in_order(keys, walked.c.sort_key, walked.c.id, descending).limit(limit + 1)
    found = session.execute(keys).all()
    return found if len(found) > limit else None
