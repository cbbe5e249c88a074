"""TicketService: registration, workflow actions, attachments, scheduled resumption."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from agent_app.domain.errors import ConflictError, NotFound, PermissionDenied
from agent_app.domain.workflow import allowed_actions, check, workflow_for
from agent_app.domain.workflow.definitions import ACTIONS
from agent_app.services.actor import Actor
from agent_app.services.clock import Clock
from agent_app.services.events.bus import EventBus
from agent_app.services.models import Attachment, AttachmentContent, Suspension, Ticket
from agent_app.services.permissions import require
from agent_app.services.tickets import attachments as files
from agent_app.services.tickets.access import load_ticket, visible
from agent_app.services.tickets.detail import TicketDetail, load_detail
from agent_app.services.tickets.effects import EFFECTS, EffectContext
from agent_app.services.tickets.registration import RegistrationForm, WorkOrderForm, create_work_order, register
from agent_app.services.tickets.step_write import write_step
from agent_app.services.tickets.ticket_row import TicketRow
from agent_app.services.tickets.views import ActionState, dict_codes, engineer_fact, load_action_state
from agent_app.services.uow import UnitOfWorkFactory


@dataclass(frozen=True)
class TicketRef:
    id: int
    number: str
    status: str
    version: int


def _ref(ticket: Ticket | TicketRow) -> TicketRef:
    return TicketRef(ticket.id, ticket.number, ticket.status, ticket.version)


def _history_detail(params: dict[str, Any], notes: dict[str, Any]) -> str | None:
    shown = {k: v for k, v in params.items() if k not in ("opinion", "attachments")}
    shown.update(notes)
    return json.dumps(shown, ensure_ascii=False, default=str) if shown else None


class TicketService:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, bus: EventBus) -> None:
        self._uow = uow
        self._clock = clock
        self._bus = bus

    @staticmethod
    def _event(ticket: Ticket | TicketRow, action: str) -> dict[str, Any]:
        return {"ticket_id": ticket.id, "action": action, "status": ticket.status,
                "handler_id": ticket.current_handler_id}

    def _announce(self, session: Session, ticket: Ticket | TicketRow, action: str) -> None:
        """Tell every desktop of the company (ticket lists, trees, the assignee's to-do) once the
        transaction commits; nothing if it rolls back."""
        self._bus.publish_on_commit(session, ticket.company_id, "ticket_changed", self._event(ticket, action))

    # --- creating ---------------------------------------------------------------------------

    def register(self, actor: Actor, form: RegistrationForm) -> TicketRef:
        """服务登记: validate the form and create a hotline ticket; the registrar is its 派单人."""
        require(actor, "ticket.register")
        with self._uow() as uow:
            ticket = register(uow.session, actor, form, self._clock())
            self._announce(uow.session, ticket, "register")
            uow.commit()
        return _ref(ticket)

    def create_work_order(self, actor: Actor, form: WorkOrderForm) -> TicketRef:
        require(actor, "workorder.create")
        with self._uow() as uow:
            ticket = create_work_order(uow.session, actor, form, self._clock())
            self._announce(uow.session, ticket, "register")
            uow.commit()
        return _ref(ticket)

    # --- the workflow -----------------------------------------------------------------------

    def allowed_actions(self, actor: Actor, ticket_id: int) -> list[str]:
        with self._uow() as uow:
            state = load_action_state(uow.session, actor, ticket_id)
            return allowed_actions(workflow_for(state.ticket.ticket_type), state.view, actor, state.facts)

    def perform(self, actor: Actor, ticket_id: int, action: str, expected_version: int, **params: Any) -> TicketRef:
        """Carry out `action` if the ticket is still at `expected_version`; else ConflictError.

        State change, effects, attachments and the history row commit together or not at all.
        """
        with self._uow() as uow:
            state = load_action_state(uow.session, actor, ticket_id)
            self._apply(uow.session, state, actor, action, expected_version, params)
            uow.commit()
        return _ref(state.ticket)

    def _apply(self, session, state: ActionState, actor: Actor | None, action: str,  # noqa: ANN001
               expected_version: int, params: dict[str, Any]) -> None:
        """The action inside the caller's transaction; its event is sent when that commits.

        The ticket's changed columns and the history row are written by Core (`step_write`, one
        statement on PostgreSQL), rows that effects add beside the ticket (callbacks, approvals,
        work logs) by the session's unit of work at commit."""
        ticket = state.ticket
        if ticket.version != expected_version:
            raise ConflictError("conflict", number=ticket.number)
        now = self._clock()
        workflow = workflow_for(ticket.ticket_type)
        uploads = [files.check_upload(u) for u in params.get("attachments") or ()]
        facts = dict(state.facts)
        facts["new_attachment_kinds"] = {u.kind for u in uploads}
        if "engineer_id" in params:
            facts["engineer"] = engineer_fact(session, ticket, params["engineer_id"], now)
        if action == "callback":
            facts["callback_results"] = dict_codes(session, ticket.company_id, "callback_result")
        if action == "close_order":
            facts["root_causes"] = dict_codes(session, ticket.company_id, "root_cause")
        transition = check(workflow, state.view, actor, action, params, facts)
        previous = ticket.status
        ctx = EffectContext(session, ticket, actor, params, now, facts)
        for name in transition.effects:
            EFFECTS[name](ctx)
        if transition.target is not None:
            ticket.status = transition.target
            ticket.status_category = workflow.state(transition.target).category.value
        ticket.version += 1
        last_at = state.last_step_at
        # On PostgreSQL the event goes out with the step's own statement (one round trip less).
        event = self._event(ticket, action)
        notice = self._bus.notice(ticket.company_id, "ticket_changed", event)
        history_id = write_step(session.connection(), ticket, expected_version, {
            "company_id": ticket.company_id, "at": now, "action": action,
            "actor_id": actor.user_id if actor else None, "actor_name": actor.name if actor else "系统",
            "actor_phone": actor.mobile if actor else None, "from_status": previous, "to_status": ticket.status,
            "opinion": params.get("opinion"), "detail": _history_detail(dict(params), ctx.notes),
            "elapsed_seconds": int((now - last_at).total_seconds()) if last_at else 0,
        }, notice)
        if history_id is None:
            raise ConflictError("conflict", number=ticket.number)  # changed since it was read
        for upload in uploads:
            files.store(session, ticket, upload, actor.user_id if actor else None, history_id)
        if notice is None:
            self._bus.publish_on_commit(session, ticket.company_id, "ticket_changed", event)

    def find_by_number(self, actor: Actor, number: str) -> int:
        """The id of the ticket with this number (工单编号) that the actor may see; else NotFound."""
        text = (number or "").strip()
        with self._uow() as uow:
            ticket_id = uow.session.scalar(visible(actor, select(Ticket.id).where(Ticket.number == text)))
        if ticket_id is None:
            raise NotFound("not_found", what="ticket")
        return ticket_id

    def detail(self, actor: Actor, ticket_id: int) -> TicketDetail:
        with self._uow() as uow:
            return load_detail(uow.session, actor, ticket_id)

    # --- attachments ------------------------------------------------------------------------

    def add_attachment(self, actor: Actor, ticket_id: int, expected_version: int, upload: files.Upload,
                       opinion: str | None = None) -> TicketRef:
        return self.perform(actor, ticket_id, "attach", expected_version, attachments=[upload], opinion=opinion)

    def attachment_content(self, actor: Actor, attachment_id: int) -> tuple[Attachment, bytes]:
        with self._uow() as uow:
            attachment = uow.session.get(Attachment, attachment_id)
            if attachment is None:
                raise NotFound("not_found", what="attachment")
            load_ticket(uow.session, actor, attachment.ticket_id)  # tenancy and provider scope
            content = uow.session.get(AttachmentContent, attachment.sha256)
            return attachment, content.data

    # --- scheduled work ---------------------------------------------------------------------

    def resume_due_suspensions(self) -> list[str]:
        """End every suspension whose end has passed (the scheduler calls this); the ticket numbers resumed."""
        now = self._clock()
        resumed: list[str] = []
        with self._uow() as uow:
            due = uow.session.execute(
                select(Suspension.ticket_id).join(Ticket, Ticket.id == Suspension.ticket_id)
                .where(Suspension.ended_at.is_(None), Suspension.end <= now, Ticket.status == "suspended")
                .distinct()).scalars().all()
            ticket_ids = list(due)
        for ticket_id in ticket_ids:
            with self._uow() as uow:
                state = load_action_state(uow.session, None, ticket_id)
                try:
                    self._apply(uow.session, state, None, "resume", state.ticket.version,
                                {"opinion": "挂起到期，自动结束挂起"})
                    uow.commit()
                    resumed.append(state.ticket.number)
                except ConflictError:
                    continue  # someone resumed it by hand meanwhile
        return resumed

    def action_label(self, action: str, lang: str = "zh_CN") -> str:
        a = ACTIONS.get(action)
        if a is None:
            raise PermissionDenied("permission_denied", permission=action)
        return a.en if lang.startswith("en") else a.zh
