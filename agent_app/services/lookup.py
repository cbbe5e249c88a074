"""Caller lookup for the screen-pop: a number in any common format → its customers and their
newest tickets. One indexed probe for the customers, one for the tickets.

The statements are built once (module level, bound parameters): building an ORM select with an
aliased entity costs more than running it. The tickets of a caller are the newest of two index
walks (by caller number, by customer) joined with UNION, so a frequent caller with thousands of
tickets never makes the database sort them all. The company's area code is cached briefly."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import time

from sqlalchemy import bindparam, select, union
from sqlalchemy.orm import aliased

from agent_app.domain.errors import NotFound
from agent_app.domain.phone import normalize_phone
from agent_app.domain.workflow import workflow_for
from agent_app.services.actor import Actor
from agent_app.services.clock import Clock
from agent_app.services.models import Area, Company, Customer, CustomerPhone, ServiceCategory, Ticket
from agent_app.services.uow import UnitOfWorkFactory

HISTORY_LIMIT = 20
AREA_CODE_TTL = 300.0  # seconds a company's area code is reused without asking the database

_LEAF = aliased(ServiceCategory, name="leaf")
_AREA_CODE = select(Company.area_code).where(Company.id == bindparam("company_id"))
_CUSTOMER_COLUMNS = (Customer.id, Customer.user_no, Customer.customer_no, Customer.name, Customer.customer_type,
                     Customer.mobile, Customer.phone, Customer.address, Customer.meter_no, Customer.area_id,
                     Area.name.label("area_name"))
_CUSTOMERS_BY_NUMBER = (
    select(*_CUSTOMER_COLUMNS)
    .select_from(CustomerPhone)
    .join(Customer, Customer.id == CustomerPhone.customer_id)
    .outerjoin(Area, Area.id == Customer.area_id)
    .where(CustomerPhone.company_id == bindparam("company_id"), CustomerPhone.number == bindparam("number"))
    .order_by(Customer.id)
)
_CUSTOMER_BY_ID = (select(*_CUSTOMER_COLUMNS).outerjoin(Area, Area.id == Customer.area_id)
                   .where(Customer.id == bindparam("customer_id"), Customer.company_id == bindparam("company_id")))
_HISTORY_COLUMNS = (Ticket.id, Ticket.number, Ticket.registered_at, Ticket.ticket_type, Ticket.status,
                    _LEAF.name, Ticket.description, Ticket.address)
_NEWEST = (Ticket.registered_at.desc(), Ticket.id.desc())


def _history_statement(by_number: bool, by_customers: bool, provider: bool):  # noqa: ANN202
    """Newest tickets of a caller: the newest HISTORY_LIMIT of each index walk, then of their union."""
    branches = []

    def branch(condition):  # noqa: ANN001, ANN202
        statement = select(Ticket.id).where(Ticket.company_id == bindparam("company_id"), condition)
        if provider:
            statement = statement.where(Ticket.provider_id == bindparam("provider_id"))
        return select(statement.order_by(*_NEWEST).limit(HISTORY_LIMIT).subquery().c.id)

    if by_number:
        branches.append(branch(Ticket.caller_phone_key == bindparam("number")))
    if by_customers:
        branches.append(branch(Ticket.customer_id.in_(bindparam("customer_ids", expanding=True))))
    ids = branches[0] if len(branches) == 1 else union(*branches)
    return (select(*_HISTORY_COLUMNS).outerjoin(_LEAF, _LEAF.id == Ticket.category_id)
            .where(Ticket.id.in_(ids)).order_by(*_NEWEST).limit(HISTORY_LIMIT))


_HISTORY = {(n, c, p): _history_statement(n, c, p) for n in (True, False) for c in (True, False) for p in (True, False)
            if n or c}


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


def _card(row) -> CustomerCard:  # noqa: ANN001
    return CustomerCard(row.id, row.user_no, row.customer_no, row.name, row.customer_type, row.mobile, row.phone,
                        row.address, row.meter_no, row.area_id, row.area_name)


class LookupService:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock
        self._area_codes: dict[int, tuple[float, str]] = {}

    def _area_code(self, connection, company_id: int) -> str:  # noqa: ANN001
        cached = self._area_codes.get(company_id)
        now = time.monotonic()
        if cached is not None and now - cached[0] < AREA_CODE_TTL:
            return cached[1]
        code = connection.execute(_AREA_CODE, {"company_id": company_id}).scalar() or "020"
        self._area_codes[company_id] = (now, code)
        return code

    def by_phone(self, actor: Actor, raw_number: str) -> ScreenPop:
        # read-only and column-only: a Core connection, no ORM session to set up and tear down
        with self._uow.engine.connect() as s:
            number = normalize_phone(raw_number, self._area_code(s, actor.company_id))
            rows = s.execute(_CUSTOMERS_BY_NUMBER, {"company_id": actor.company_id, "number": number.canonical}).all()
            customers = [_card(row) for row in rows]
            tickets = self._history(s, actor, number.canonical, [c.id for c in customers])
        return ScreenPop(number.canonical, number.display, number.kind, customers, tickets)

    def history_of_customer(self, actor: Actor, customer_id: int) -> list[HistoryRow]:
        with self._uow.engine.connect() as connection:
            return self._history(connection, actor, None, [customer_id])

    def _history(self, session, actor: Actor, number: str | None, customer_ids: list[int]) -> list[HistoryRow]:  # noqa: ANN001
        if not customer_ids and not number:
            return []
        statement = _HISTORY[(bool(number), bool(customer_ids), actor.provider_id is not None)]
        params = {"company_id": actor.company_id, "number": number, "customer_ids": list(customer_ids),
                  "provider_id": actor.provider_id}
        return [
            HistoryRow(r.id, r.number, r.registered_at, r.ticket_type, r.status,
                       workflow_for(r.ticket_type).state(r.status).zh, r.name, r.description, r.address)
            for r in session.execute(statement, params)
        ]

    def customer(self, actor: Actor, customer_id: int) -> CustomerCard:
        with self._uow() as uow:
            row = uow.session.execute(_CUSTOMER_BY_ID, {"customer_id": customer_id,
                                                        "company_id": actor.company_id}).one_or_none()
            if row is None:
                raise NotFound("not_found", what="customer")
            return _card(row)

