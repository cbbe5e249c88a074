"""The ticket detail (seed 004 §5.2.5): its fields, history, flow, links, attachments, logs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from agent_app.domain.workflow import allowed_actions, workflow_for
from agent_app.services.actor import Actor
from agent_app.services.models import (
    Area,
    Attachment,
    Call,
    Callback,
    Company,
    DispatchTarget,
    Engineer,
    ServiceCategory,
    ServiceLevel,
    ServiceProvider,
    Suspension,
    Ticket,
    TicketHistory,
    TicketLink,
    User,
    WorkLog,
)
from agent_app.services.tickets.views import load_action_state


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    action: str
    actor_name: str
    actor_phone: str | None
    from_status: str | None
    to_status: str
    opinion: str | None
    detail: str | None
    elapsed_seconds: int
    attachments: tuple[str, ...]


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    kind: str
    filename: str
    size: int
    sha256: str
    uploaded_at: datetime


@dataclass(frozen=True)
class LinkInfo:
    ticket_id: int
    number: str
    kind: str
    status_label: str


@dataclass(frozen=True)
class Milestone:
    action: str
    label: str
    done: bool


@dataclass(frozen=True)
class TicketDetail:
    ticket: dict[str, Any]  # every column, plus resolved names (category_path, area, handler …)
    status_label: str
    history: list[HistoryEntry]
    attachments: list[AttachmentInfo]
    links: list[LinkInfo]
    milestones: list[Milestone]
    allowed_actions: list[str]
    work_logs: list[dict[str, Any]] = field(default_factory=list)
    suspensions: list[dict[str, Any]] = field(default_factory=list)
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    recording_path: str | None = None

    @property
    def id(self) -> int:
        return self.ticket["id"]

    @property
    def version(self) -> int:
        return self.ticket["version"]


def _name(session: Session, model: type, item_id: int | None, attr: str = "name") -> str | None:
    if item_id is None:
        return None
    item = session.get(model, item_id)
    return getattr(item, attr) if item else None


def _category_path(session: Session, category_id: int | None) -> str | None:
    names: list[str] = []
    while category_id is not None:
        category = session.get(ServiceCategory, category_id)
        if category is None:
            break
        names.append(category.name)
        category_id = category.parent_id
    return " / ".join(reversed(names)) or None


def _row_dict(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


def load_detail(session: Session, actor: Actor, ticket_id: int) -> TicketDetail:
    state = load_action_state(session, actor, ticket_id, every_column=True)
    ticket = state.ticket
    workflow = workflow_for(ticket.ticket_type)
    data = dict(ticket.values)
    data.update(
        category_path=_category_path(session, ticket.category_id),
        company=_name(session, Company, ticket.company_id),
        area=_name(session, Area, ticket.area_id),
        registrar=_name(session, User, ticket.registrar_id),
        dispatcher=_name(session, User, ticket.dispatcher_id),
        current_handler=_name(session, User, ticket.current_handler_id),
        final_handler=_name(session, User, ticket.final_handler_id),
        dispatch_target=_name(session, DispatchTarget, ticket.dispatch_target_id),
        provider=_name(session, ServiceProvider, ticket.provider_id),
        engineer=_name(session, Engineer, ticket.engineer_id),
        service_level=_name(session, ServiceLevel, ticket.service_level_id),
        duplicate_of=_name(session, Ticket, ticket.duplicate_of_id, "number"),
        type_label=workflow.zh,
    )
    files = session.scalars(select(Attachment).where(Attachment.ticket_id == ticket.id).order_by(Attachment.id)).all()
    by_history: dict[int, list[str]] = {}
    for a in files:
        if a.history_id is not None:
            by_history.setdefault(a.history_id, []).append(a.filename)
    history = [
        HistoryEntry(h.at, h.action, h.actor_name, h.actor_phone, h.from_status, h.to_status, h.opinion, h.detail,
                     h.elapsed_seconds, tuple(by_history.get(h.id, ())))
        for h in session.scalars(select(TicketHistory).where(TicketHistory.ticket_id == ticket.id)
                                 .order_by(TicketHistory.id))
    ]
    done = {h.action for h in history}
    links = []
    for link in session.scalars(select(TicketLink).where(
            or_(TicketLink.ticket_id == ticket.id, TicketLink.other_id == ticket.id))):
        other = session.get(Ticket, link.other_id if link.ticket_id == ticket.id else link.ticket_id)
        links.append(LinkInfo(other.id, other.number, link.kind, workflow_for(other.ticket_type).state(other.status).zh))
    recording = session.get(Call, ticket.call_id).recording_path if ticket.call_id else None
    return TicketDetail(
        ticket=data,
        status_label=workflow.state(ticket.status).zh,
        history=history,
        attachments=[AttachmentInfo(a.id, a.kind, a.filename, a.size, a.sha256, a.uploaded_at) for a in files],
        links=links,
        milestones=[Milestone(action, label, action in done or (action == "close" and ticket.status == "closed"))
                    for action, label in workflow.milestones],
        allowed_actions=allowed_actions(workflow, state.view, actor, state.facts),
        work_logs=[_row_dict(w) for w in session.scalars(select(WorkLog).where(WorkLog.ticket_id == ticket.id)
                                                         .order_by(WorkLog.start))],
        suspensions=[_row_dict(s) for s in session.scalars(select(Suspension).where(Suspension.ticket_id == ticket.id)
                                                           .order_by(Suspension.id))],
        callbacks=[_row_dict(c) for c in session.scalars(select(Callback).where(Callback.ticket_id == ticket.id)
                                                         .order_by(Callback.id))],
        recording_path=recording,
    )
