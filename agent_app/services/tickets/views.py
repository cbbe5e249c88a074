"""Building the workflow engine's view of a ticket, and the facts its guards need."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, exists, func, or_, select
from sqlalchemy.orm import Session

from agent_app.domain.errors import NotFound
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
    TicketHistory,
)
from agent_app.services.tickets.access import ScopedSelect
from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.services.tickets.ticket_row import ACTION_COLUMNS, COLUMN_KEYS, TICKETS, TicketRow


@dataclass(frozen=True)
class ActionState:
    """A ticket as the workflow sees it before an action: its columns (to change), the guards'
    view of it, the static facts, and when its last history step happened."""

    ticket: TicketRow
    view: TicketView
    facts: dict[str, Any]
    last_step_at: datetime | None


def _action_state_statement(columns: tuple[str, ...]) -> Select:
    pending = (select(ApprovalRequest.id).where(ApprovalRequest.ticket_id == Ticket.id,
                                                ApprovalRequest.status == "pending")
               .order_by(ApprovalRequest.id).limit(1).scalar_subquery())
    kinds = select(func.aggregate_strings(Attachment.kind, ",")).where(
        Attachment.ticket_id == Ticket.id).scalar_subquery()
    # history rows are written in time order: the newest id is the last step (an index walk)
    last_at = (select(TicketHistory.at).where(TicketHistory.ticket_id == Ticket.id)
               .order_by(TicketHistory.id.desc()).limit(1).scalar_subquery())
    return (select(*(TICKETS.c[key] for key in columns), DispatchTarget.department_id, DispatchTarget.group_id,
                   DispatchTarget.user_id, pending, kinds, last_at)
            .outerjoin(DispatchTarget, DispatchTarget.id == Ticket.dispatch_target_id)
            .where(Ticket.id == bindparam("ticket_id")))


# Built once, with the tenancy rule as parameters: building this select cost more CPU than
# PostgreSQL spends running it. Prepared on PostgreSQL (see database._execute_prepared).
_ACTION_STATE = ScopedSelect.of(_action_state_statement(ACTION_COLUMNS).execution_options(prepare=True))
_WHOLE_STATE = ScopedSelect.of(_action_state_statement(COLUMN_KEYS))


def load_action_state(session: Session, actor: Actor | None, ticket_id: int, *,
                      every_column: bool = False) -> ActionState:
    """The ticket with its dispatch target, pending approval, attachment kinds and last history
    time in one statement: every workflow action starts here, and on a shared database each
    round trip counts (issue 7: 500 actions per second with 8 clients). The ticket's columns
    are those an action needs (`ACTION_COLUMNS`), or all of them for `every_column` (the
    detail view). `actor` None is the system (scheduler): no tenancy filter. A ticket the
    actor may not see is not found."""
    keys = COLUMN_KEYS if every_column else ACTION_COLUMNS
    params: dict[str, Any] = {"ticket_id": ticket_id}
    statement = (_WHOLE_STATE if every_column else _ACTION_STATE).for_actor(actor, params)
    row = session.connection().execute(statement, params).one_or_none()
    if row is None:
        raise NotFound("not_found", what="ticket")
    ticket = TicketRow(dict(zip(keys, row[:len(keys)])))
    department_id, group_id, user_id, pending_id, kind_text, last_step_at = row[len(keys):]
    view = TicketView(
        id=ticket.id, company_id=ticket.company_id, ticket_type=ticket.ticket_type, status=ticket.status,
        registrar_id=ticket.registrar_id, dispatcher_id=ticket.dispatcher_id,
        current_handler_id=ticket.current_handler_id,
        target_department_id=department_id, target_group_id=group_id, target_user_id=user_id,
        provider_id=ticket.provider_id, engineer_id=ticket.engineer_id, product_line=ticket.product_line,
        pending_approval=pending_id is not None,
        attachment_kinds=frozenset(kind_text.split(",")) if kind_text else frozenset(),
    )
    facts: dict[str, Any] = {
        "is_current_approver": pending_id is not None and is_current_approver(session, ticket, actor)}
    return ActionState(ticket, view, facts, last_step_at)


def dict_codes(session: Session, company_id: int, kind: str) -> frozenset[str]:
    return frozenset(session.scalars(select(DictItem.code).where(
        DictItem.kind == kind, DictItem.enabled.is_(True),
        or_(DictItem.company_id.is_(None), DictItem.company_id == company_id))))


def is_current_approver(session: Session, ticket: TicketRow, actor: Actor | None) -> bool:
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


def engineer_fact(session: Session, ticket: TicketRow, engineer_id: Any, now: datetime) -> dict[str, Any] | None:
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
