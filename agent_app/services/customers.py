"""Customers: creating one from the workbench ("new customer") and keeping their phone index."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from agent_app.domain.errors import NotFound, ValidationError
from agent_app.domain.phone import normalize_phone
from agent_app.services import validation as v
from agent_app.services.actor import Actor
from agent_app.services.models import Area, Customer, CustomerPhone
from agent_app.services.permissions import require
from agent_app.services.tickets.registration import area_code
from agent_app.services.uow import UnitOfWorkFactory


@dataclass
class CustomerForm:
    name: str = ""
    mobile: str | None = None
    phone: str | None = None
    other_phones: str | None = None  # comma separated
    address: str | None = None
    meter_no: str | None = None
    customer_type: str = "resident"
    area_id: int | None = None
    user_no: str | None = None
    customer_no: str | None = None


def phone_rows(customer: Customer, area: str) -> list[CustomerPhone]:
    """The phone index rows of a customer: every number they gave, canonical, once each."""
    seen: dict[str, str] = {}
    raw = [customer.mobile, customer.phone, *((customer.other_phones or "").split(","))]
    for value in raw:
        if value and value.strip():
            number = normalize_phone(value.strip(), area)
            seen.setdefault(number.canonical, number.kind)
    return [CustomerPhone(company_id=customer.company_id, customer_id=customer.id, number=n, kind=k)
            for n, k in seen.items()]


def add_customer(session: Session, company_id: int, form: CustomerForm) -> Customer:
    name = v.text(form.name, "customer_name", max_len=100, required=True)
    prefix = area_code(session, company_id)
    for field, value in (("mobile", form.mobile), ("phone", form.phone)):
        if value:
            normalize_phone(value, prefix, field=field)
    if not (form.mobile or form.phone):
        raise ValidationError("required", field="phone")
    if form.area_id is not None:
        area = session.get(Area, form.area_id)
        if area is None or area.company_id != company_id:
            raise NotFound("not_found", what="area")
    user_no = v.text(form.user_no, "user_no", max_len=32)
    if user_no is None:
        count = session.scalar(select(Customer.id).where(Customer.company_id == company_id)
                               .order_by(Customer.id.desc()).limit(1)) or 0
        user_no = f"N{company_id:02d}{count + 1:08d}"
    elif session.scalar(select(Customer.id).where(Customer.company_id == company_id, Customer.user_no == user_no)):
        raise ValidationError("duplicate_value", field="user_no", value=user_no)
    customer = Customer(company_id=company_id, user_no=user_no, customer_no=v.text(form.customer_no, "customer_no", max_len=32),
                        name=name, customer_type=form.customer_type or "resident",
                        mobile=v.text(form.mobile, "mobile", max_len=32), phone=v.text(form.phone, "phone", max_len=32),
                        other_phones=v.text(form.other_phones, "phone", max_len=200),
                        address=v.text(form.address, "address", max_len=200),
                        meter_no=v.text(form.meter_no, "meter_no", max_len=32), area_id=form.area_id)
    session.add(customer)
    session.flush()
    session.add_all(phone_rows(customer, prefix))
    session.flush()
    return customer


class CustomerService:
    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    def create(self, actor: Actor, form: CustomerForm) -> int:
        require(actor, "customer.edit")
        with self._uow() as uow:
            customer = add_customer(uow.session, actor.company_id, form)
            uow.commit()
            return customer.id
