"""Caller lookup for the screen-pop: a number in any common format → its customers and their
newest tickets. One indexed probe for the customers, one for the tickets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import aliased

from agent_app.domain.errors import NotFound
from agent_app.domain.phone import normalize_phone
from agent_app.domain.workflow import workflow_for
from agent_app.services.actor import Actor
from agent_app.services.clock import Clock
from agent_app.services.models import Area, Customer, CustomerPhone, ServiceCategory, Ticket
from agent_app.services.tickets.registration import area_code
from agent_app.services.uow import UnitOfWorkFactory

HISTORY_LIMIT = 20


@dataclass(frozen=True)
class CustomerCard:
    id: int
    user_no: str
    customer_no: str | None
    name: str
    customer_type: str
    mobile: str | None
    phone: str | None
    address: str | None
    meter_no: str | None
    area_id: int | None
    area_name: str | None


@dataclass(frozen=True)
class HistoryRow:
    id: int
    number: str
    registered_at: datetime
    ticket_type: str
    status: str
    status_label: str
    category: str | None
    description: str
    address: str | None


@dataclass(frozen=True)
class ScreenPop:
    number: str  # canonical
    display: str
    kind: str
    customers: list[CustomerCard] = field(default_factory=list)
    tickets: list[HistoryRow] = field(default_factory=list)


def _card(customer: Customer, area_name: str | None) -> CustomerCard:
    return CustomerCard(customer.id, customer.user_no, customer.customer_no, customer.name, customer.customer_type,
                        customer.mobile, customer.phone, customer.address, customer.meter_no, customer.area_id,
                        area_name)


class LookupService:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def by_phone(self, actor: Actor, raw_number: str) -> ScreenPop:
        with self._uow() as uow:
            s = uow.session
            number = normalize_phone(raw_number, area_code(s, actor.company_id))
            rows = s.execute(
                select(Customer, Area.name)
                .join(CustomerPhone, CustomerPhone.customer_id == Customer.id)
                .outerjoin(Area, Area.id == Customer.area_id)
                .where(CustomerPhone.company_id == actor.company_id, CustomerPhone.number == number.canonical)
                .order_by(Customer.id)
            ).all()
            customers = [_card(c, area) for c, area in rows]
            tickets = self._history(s, actor, number.canonical, [c.id for c in customers])
        return ScreenPop(number.canonical, number.display, number.kind, customers, tickets)

    def history_of_customer(self, actor: Actor, customer_id: int) -> list[HistoryRow]:
        with self._uow() as uow:
            return self._history(uow.session, actor, None, [customer_id])

    def _history(self, session, actor: Actor, number: str | None, customer_ids: list[int]) -> list[HistoryRow]:  # noqa: ANN001
        leaf = aliased(ServiceCategory)
        conditions = []
        if customer_ids:
            conditions.append(Ticket.customer_id.in_(customer_ids))
        if number:
            conditions.append(Ticket.caller_phone_key == number)
        if not conditions:
            return []
        statement = (
            select(Ticket.id, Ticket.number, Ticket.registered_at, Ticket.ticket_type, Ticket.status, leaf.name,
                   Ticket.description, Ticket.address)
            .outerjoin(leaf, leaf.id == Ticket.category_id)
            .where(Ticket.company_id == actor.company_id, or_(*conditions))
            .order_by(Ticket.registered_at.desc(), Ticket.id.desc())
            .limit(HISTORY_LIMIT)
        )
        if actor.provider_id is not None:
            statement = statement.where(Ticket.provider_id == actor.provider_id)
        return [
            HistoryRow(r.id, r.number, r.registered_at, r.ticket_type, r.status,
                       workflow_for(r.ticket_type).state(r.status).zh, r.name, r.description, r.address)
            for r in session.execute(statement)
        ]

    def customer(self, actor: Actor, customer_id: int) -> CustomerCard:
        with self._uow() as uow:
            row = uow.session.execute(
                select(Customer, Area.name).outerjoin(Area, Area.id == Customer.area_id)
                .where(Customer.id == customer_id, Customer.company_id == actor.company_id)).one_or_none()
            if row is None:
                raise NotFound("not_found", what="customer")
            return _card(row[0], row[1])

