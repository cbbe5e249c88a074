"""Creating tickets: the hotline registration form (seed 004 §4.3) and work orders (seed 000).

Everything is validated before the first row is written; a refusal leaves the database as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from agent_app.domain.errors import NotFound, ValidationError, WorkflowError
from agent_app.domain.phone import normalize_phone
from agent_app.domain.workflow import workflow_for
from agent_app.services import validation as v
from agent_app.services.actor import Actor
from agent_app.services.models import (
    Area,
    Company,
    Call,
    Customer,
    ServiceCategory,
    ServiceProvider,
    Ticket,
    TicketHistory,
)
from agent_app.services.tickets.effects import add_link
from agent_app.services.tickets.numbering import next_ticket_number
from agent_app.services.tickets.views import dict_codes, engineer_fact

def area_code(session: Session, company_id: int) -> str:
    """The company's telephone area code, for callers' local landlines."""
    company = session.get(Company, company_id)
    return company.area_code if company else "020"


@dataclass
class RegistrationForm:
    """服务登记. `caller_phone` and `call_id` come from the call when there is one."""

    description: str = ""
    category_id: int | None = None
    source_channel: str = "hotline"
    urgency: str = "normal"
    contact_name: str | None = None
    contact_phone: str | None = None
    caller_phone: str | None = None
    area_id: int | None = None
    meter_no: str | None = None
    customer_id: int | None = None
    customer_name: str | None = None
    address: str | None = None
    opinion: str | None = None
    tags: str | None = None
    call_id: int | None = None
    call_time: datetime | None = None
    related_to: int | None = None  # a ticket at a similar address the agent linked this one to


@dataclass
class WorkOrderForm:
    ticket_type: str  # repair | inspection | installation
    provider_id: int | None = None
    product_line: str | None = None
    description: str = ""
    device_sn: str | None = None
    customer_id: int | None = None
    customer_name: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    address: str | None = None
    area_id: int | None = None
    category_id: int | None = None
    urgency: str = "normal"
    source_channel: str = "staff"
    engineer_id: int | None = None  # installation orders arrive assigned
    delivery_note: str | None = None
    related_to: int | None = None


def _in_company(session: Session, model: type, item_id: int | None, company_id: int, what: str, field: str):
    item_id = v.optional_id(item_id, field)
    if item_id is None:
        return None
    item = session.get(model, item_id)
    if item is None or item.company_id != company_id:
        raise NotFound("not_found", what=what)
    return item


def _choice(session: Session, company_id: int, kind: str, value: object, field: str) -> str:
    text = v.text(value, field, max_len=32, required=True)
    if text not in dict_codes(session, company_id, kind):
        raise ValidationError("invalid_choice", field=field, value=text)
    return text


def _phone(value: str | None, field: str, area: str) -> tuple[str | None, str | None]:
    """(the number as people read it, its canonical key): `+86 138-0013-8000` → (`138 0013 8000`, `13800138000`)."""
    text = v.text(value, field, max_len=32)
    if text is None:
        return None, None
    number = normalize_phone(text, area, field=field)
    return number.display, number.canonical


def _leaf_category(session: Session, company_id: int, category_id: object, *, required: bool) -> ServiceCategory | None:
    if category_id is None and not required:
        return None
    if category_id is None:
        raise ValidationError("required", field="category_id")
    if isinstance(category_id, bool) or not isinstance(category_id, int):
        raise ValidationError("wrong_type", field="category_id")
    category = session.get(ServiceCategory, category_id)
    if category is None or category.company_id != company_id or not category.enabled:
        raise ValidationError("unknown_category", field="category_id")
    if not category.is_leaf:
        raise ValidationError("category_not_leaf", field="category_id")
    return category


def _ancestors(session: Session, category: ServiceCategory | None) -> tuple[int | None, int | None]:
    """(level-1 id, level-2 id) of a leaf, for the three-level query conditions."""
    if category is None:
        return None, None
    chain = [category]
    while chain[-1].parent_id is not None:
        chain.append(session.get(ServiceCategory, chain[-1].parent_id))
    by_level = {c.level: c.id for c in chain}
    return by_level.get(1), by_level.get(2)


def _history(session: Session, ticket: Ticket, actor: Actor, now: datetime, opinion: str | None) -> None:
    session.add(TicketHistory(company_id=ticket.company_id, ticket_id=ticket.id, at=now, action="register",
                              actor_id=actor.user_id, actor_name=actor.name, actor_phone=actor.mobile,
                              from_status=None, to_status=ticket.status, opinion=opinion, elapsed_seconds=0))


def register(session: Session, actor: Actor, form: RegistrationForm, now: datetime) -> Ticket:
    company = actor.company_id
    description = v.text(form.description, "description", max_len=2000, required=True)
    category = _leaf_category(session, company, form.category_id, required=True)
    source = _choice(session, company, "source_channel", form.source_channel, "source_channel")
    urgency = _choice(session, company, "urgency", form.urgency or "normal", "urgency")
    area_prefix = area_code(session, company)
    caller_shown, caller_key = _phone(form.caller_phone, "caller_phone", area_prefix)
    contact_phone, contact_key = _phone(form.contact_phone, "contact_phone", area_prefix)
    if caller_shown is None and contact_phone is None:
        raise ValidationError("required", field="contact_phone")
    area = _in_company(session, Area, form.area_id, company, "area", "area_id")
    customer = _in_company(session, Customer, form.customer_id, company, "customer", "customer_id")
    call = _in_company(session, Call, form.call_id, company, "call", "call_id")
    related = _in_company(session, Ticket, form.related_to, company, "ticket", "related_to")
    l1, l2 = _ancestors(session, category)
    ticket = Ticket(
        company_id=company, number=next_ticket_number(session, company, now), ticket_type="hotline",
        status=workflow_for("hotline").initial, status_category="new", version=1,
        source_channel=source, category_id=category.id, category_l1_id=l1, category_l2_id=l2, urgency=urgency,
        service_level_id=category.service_level_id, area_id=area.id if area else (customer.area_id if customer else None),
        customer_id=customer.id if customer else None,
        customer_name=v.text(form.customer_name, "customer_name", max_len=100) or (customer.name if customer else None),
        caller_phone=caller_shown, caller_phone_key=caller_key or contact_key,
        contact_name=v.text(form.contact_name, "contact_name", max_len=64), contact_phone=contact_phone or caller_shown,
        meter_no=v.text(form.meter_no, "meter_no", max_len=32) or (customer.meter_no if customer else None),
        address=v.text(form.address, "address", max_len=200) or (customer.address if customer else None),
        description=description, opinion=v.text(form.opinion, "opinion", max_len=2000),
        tags=v.text(form.tags, "tags", max_len=200), call_id=call.id if call else None,
        call_time=form.call_time or (call.ring_at if call else None), registered_at=now, registrar_id=actor.user_id,
        department_id=actor.department_id,
    )
    session.add(ticket)
    session.flush()
    _history(session, ticket, actor, now, ticket.opinion)
    if related is not None:
        add_link(session, ticket, related, "related", actor.user_id, now)
    session.flush()
    return ticket


def create_work_order(session: Session, actor: Actor, form: WorkOrderForm, now: datetime) -> Ticket:
    company = actor.company_id
    if form.ticket_type not in ("repair", "inspection", "installation"):
        raise ValidationError("invalid_choice", field="ticket_type", value=form.ticket_type)
    description = v.text(form.description, "description", max_len=2000, required=True)
    provider = _in_company(session, ServiceProvider, form.provider_id, company, "company", "provider_id")
    if provider is None:
        raise ValidationError("required", field="provider_id")
    if actor.provider_id is not None and actor.provider_id != provider.id:
        raise NotFound("not_found", what="company")
    product_line = _choice(session, company, "product_line", form.product_line, "product_line")
    category = _leaf_category(session, company, form.category_id, required=False)
    urgency = _choice(session, company, "urgency", form.urgency or "normal", "urgency")
    source = _choice(session, company, "source_channel", form.source_channel, "source_channel")
    contact_phone, phone_key = _phone(form.contact_phone, "contact_phone", area_code(session, company))
    customer = _in_company(session, Customer, form.customer_id, company, "customer", "customer_id")
    area = _in_company(session, Area, form.area_id, company, "area", "area_id")
    related = _in_company(session, Ticket, form.related_to, company, "ticket", "related_to")
    workflow = workflow_for(form.ticket_type)
    l1, l2 = _ancestors(session, category)
    ticket = Ticket(
        company_id=company, number=next_ticket_number(session, company, now), ticket_type=form.ticket_type,
        status=workflow.initial, status_category=workflow.state(workflow.initial).category.value, version=1,
        source_channel=source, category_id=category.id if category else None, category_l1_id=l1, category_l2_id=l2,
        urgency=urgency, provider_id=provider.id, product_line=product_line,
        device_sn=v.text(form.device_sn, "device_sn", max_len=64), customer_id=customer.id if customer else None,
        customer_name=v.text(form.customer_name, "customer_name", max_len=100) or (customer.name if customer else None),
        contact_name=v.text(form.contact_name, "contact_name", max_len=64), contact_phone=contact_phone,
        caller_phone_key=phone_key,
        address=v.text(form.address, "address", max_len=200) or (customer.address if customer else None),
        area_id=area.id if area else (customer.area_id if customer else None), description=description,
        delivery_note=v.text(form.delivery_note, "delivery_note", max_len=2000), registered_at=now,
        registrar_id=actor.user_id, department_id=actor.department_id,
    )
    if form.ticket_type == "installation":
        engineer = engineer_fact(session, ticket, form.engineer_id, now)
        if engineer is None:
            raise ValidationError("required", field="engineer_id")
        if engineer["provider_id"] != provider.id:
            raise WorkflowError("engineer_other_provider")
        if not engineer["certified"]:
            raise WorkflowError("engineer_not_certified", engineer=engineer["name"], day=engineer["day"].isoformat(),
                                product_line=product_line)
        ticket.engineer_id = engineer["id"]
        ticket.current_handler_id = engineer["user_id"]
        ticket.dispatched_at = now
    session.add(ticket)
    session.flush()
    _history(session, ticket, actor, now, None)
    if related is not None:
        add_link(session, ticket, related, "related", actor.user_id, now)
    session.flush()
    return ticket
