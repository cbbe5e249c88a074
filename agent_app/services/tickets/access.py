"""Which tickets an actor may see: their own company's, and for a provider's people only that
provider's work orders. A ticket outside that is reported as not found, never as forbidden, so
nothing leaks about other companies."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from agent_app.domain.errors import NotFound
from agent_app.services.actor import Actor
from agent_app.services.models import Ticket


def visible(actor: Actor, statement: Select) -> Select:
    statement = statement.where(Ticket.company_id == actor.company_id)
    if actor.provider_id is not None:
        statement = statement.where(Ticket.provider_id == actor.provider_id)
    return statement


def load_ticket(session: Session, actor: Actor, ticket_id: int, *, for_update: bool = False) -> Ticket:
    statement = visible(actor, select(Ticket).where(Ticket.id == ticket_id))
    if for_update and session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update()
    ticket = session.scalars(statement).one_or_none()
    if ticket is None:
        raise NotFound("not_found", what="ticket")
    return ticket
