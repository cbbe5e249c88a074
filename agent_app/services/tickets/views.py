"""Building the workflow engine's view of a ticket, and the facts its guards need."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from agent_app.domain.workflow import TicketView
from agent_app.services.actor import Actor
from agent_app.services.models import (
    ApprovalRequest,
    ApprovalStep,
    Attachment,
    Certification,
    DictItem,
    DispatchTarget,
    Engineer,
    Ticket,
)
from agent_app.services.tickets.numbering import LOCAL_TZ


def ticket_view(session: Session, ticket: Ticket) -> TicketView:
    target = session.get(DispatchTarget, ticket.dispatch_target_id) if ticket.dispatch_target_id else None
    pending = session.scalar(select(exists().where(
        ApprovalRequest.ticket_id == ticket.id, ApprovalRequest.status == "pending")))
    kinds = frozenset(session.scalars(select(Attachment.kind).where(Attachment.ticket_id == ticket.id).distinct()))
    return TicketView(
        id=ticket.id, company_id=ticket.company_id, ticket_type=ticket.ticket_type, status=ticket.status,
        registrar_id=ticket.registrar_id, dispatcher_id=ticket.dispatcher_id,
        current_handler_id=ticket.current_handler_id,
        target_department_id=target.department_id if target else None,
        target_group_id=target.group_id if target else None,
        target_user_id=target.user_id if target else None,
        provider_id=ticket.provider_id, engineer_id=ticket.engineer_id, product_line=ticket.product_line,
        pending_approval=bool(pending), attachment_kinds=kinds,
    )


def dict_codes(session: Session, company_id: int, kind: str) -> frozenset[str]:
    return frozenset(session.scalars(select(DictItem.code).where(
        DictItem.kind == kind, DictItem.enabled.is_(True),
        or_(DictItem.company_id.is_(None), DictItem.company_id == company_id))))


def is_current_approver(session: Session, ticket: Ticket, actor: Actor | None) -> bool:
    if actor is None:
        return False
    request = session.scalars(select(ApprovalRequest).where(
        ApprovalRequest.ticket_id == ticket.id, ApprovalRequest.status == "pending")).first()
    if request is None:
        return False
    step = session.scalars(select(ApprovalStep).where(
        ApprovalStep.company_id == ticket.company_id, ApprovalStep.flow == request.flow,
        ApprovalStep.level == request.current_level)).first()
    if step is None:
        return False
    return step.approver_user_id == actor.user_id or (step.approver_role is not None and step.approver_role in actor.roles)


def engineer_fact(session: Session, ticket: Ticket, engineer_id: Any, now: datetime) -> dict[str, Any] | None:
    if isinstance(engineer_id, bool) or not isinstance(engineer_id, int):
        return None
    engineer = session.get(Engineer, engineer_id)
    if engineer is None or engineer.company_id != ticket.company_id:
        return None
    day = now.astimezone(LOCAL_TZ).date()
    certified = session.scalar(select(exists().where(
        Certification.engineer_id == engineer.id, Certification.product_line == ticket.product_line,
        Certification.valid_from <= day, Certification.valid_to >= day)))
    return {"id": engineer.id, "user_id": engineer.user_id, "name": engineer.name,
            "provider_id": engineer.provider_id, "certified": bool(certified), "day": day}


def static_facts(session: Session, ticket: Ticket, actor: Actor | None) -> dict[str, Any]:
    return {"is_current_approver": is_current_approver(session, ticket, actor)}
