"""Which tickets an actor may see: their own company's, and for a provider's people only that
provider's work orders. A ticket outside that is reported as not found, never as forbidden, so
nothing leaks about other companies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from agent_app.domain.errors import NotFound
from agent_app.services.actor import Actor
from agent_app.services.models import Ticket


def visible(actor: Actor, statement: Select) -> Select:
    statement = statement.where(Ticket.company_id == actor.company_id)
    if actor.provider_id is not None:
        statement = statement.where(Ticket.provider_id == actor.provider_id)
    return statement


@dataclass(frozen=True)
class ScopedSelect:
    """A select with `visible`'s rule applied through bound parameters, built once.

    `visible` builds a new statement per call, and SQLAlchemy keys each new statement for its
    compiled cache again; a statement that every workflow action runs is scoped once instead."""

    system: Select
    company: Select
    provider: Select

    @classmethod
    def of(cls, statement: Select) -> ScopedSelect:
        company = statement.where(Ticket.company_id == bindparam("scope_company_id"))
        return cls(statement, company, company.where(Ticket.provider_id == bindparam("scope_provider_id")))

    def for_actor(self, actor: Actor | None, params: dict[str, Any]) -> Select:
        """The statement for `actor` (None: the system, unscoped), its scope added to `params`."""
        if actor is None:
            return self.system
        params["scope_company_id"] = actor.company_id
        if actor.provider_id is None:
            return self.company
        params["scope_provider_id"] = actor.provider_id
        return self.provider


def load_ticket(session: Session, actor: Actor, ticket_id: int, *, for_update: bool = False) -> Ticket:
    statement = visible(actor, select(Ticket).where(Ticket.id == ticket_id))
    if for_update and session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update()
    ticket = session.scalars(statement).one_or_none()
    if ticket is None:
        raise NotFound("not_found", what="ticket")
    return ticket
