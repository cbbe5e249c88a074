"""The named effects of workflow transitions, carried out in the action's transaction.

Each effect receives an `EffectContext` and changes the ticket (attributes of its `TicketRow`)
and rows beside it (ORM objects added to the session). The state change itself, the version
bump, writing the ticket and the history row are done by `TicketService.perform`, not here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable, Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from agent_app.domain.errors import NotFound, ValidationError
from agent_app.services.actor import Actor
from agent_app.services.models import (
    ApprovalDecision,
    ApprovalRequest,
    ApprovalStep,
    Callback,
    DispatchTarget,
    ServiceLevel,
    Suspension,
    Ticket,
    TicketLink,
    WorkLog,
)
from agent_app.services.tickets.ticket_row import TicketRow

URGENCY_HOURS = {"critical": 4, "urgent": 24, "normal": 72}


@dataclass
class EffectContext:
    session: Session
    ticket: TicketRow
    actor: Actor | None
    params: Mapping[str, Any]
    now: datetime
    facts: Mapping[str, Any] = field(default_factory=dict)
    # extra words for the history row (e.g. the dispatch target's name)
    notes: dict[str, Any] = field(default_factory=dict)


Effect = Callable[[EffectContext], None]
EFFECTS: dict[str, Effect] = {}


def effect(name: str) -> Callable[[Effect], Effect]:
    def register(fn: Effect) -> Effect:
        EFFECTS[name] = fn
        return fn

    return register


def _actor_id(ctx: EffectContext) -> int | None:
    return ctx.actor.user_id if ctx.actor else None


# --- hotline ----------------------------------------------------------------------------------

@effect("dispatch")
def _dispatch(ctx: EffectContext) -> None:
    target_id = ctx.params["target_id"]
    if isinstance(target_id, bool) or not isinstance(target_id, int):
        raise ValidationError("wrong_type", field="target")
    target = ctx.session.get(DispatchTarget, target_id)
    if target is None or target.company_id != ctx.ticket.company_id or not target.enabled:
        raise NotFound("not_found", what="target")
    t = ctx.ticket
    t.dispatcher_id = _actor_id(ctx)
    t.dispatch_target_id = target.id
    t.dispatched_at = ctx.now
    t.current_handler_id = target.user_id
    ctx.notes["target"] = target.name


@effect("set_due")
def _set_due(ctx: EffectContext) -> None:
    t = ctx.ticket
    hours = None
    if t.service_level_id is not None:
        level = ctx.session.get(ServiceLevel, t.service_level_id)
        hours = level.resolve_hours if level else None
    hours = min(hours or 72, URGENCY_HOURS.get(t.urgency, 72))
    t.deadline_hours = hours
    t.due_at = ctx.now + timedelta(hours=hours)


@effect("take_over")
def _take_over(ctx: EffectContext) -> None:
    t = ctx.ticket
    t.current_handler_id = _actor_id(ctx)
    if t.ticket_type == "hotline":
        t.accepted_at = ctx.now


@effect("record_handling")
def _record_handling(ctx: EffectContext) -> None:
    t = ctx.ticket
    t.opinion = ctx.params["opinion"]
    t.handling_result = ctx.params.get("result_text") or ctx.params["opinion"]
    if ctx.params.get("leftover"):
        t.leftover = ctx.params["leftover"]
    t.handled_at = ctx.now
    t.final_handler_id = _actor_id(ctx)
    t.current_handler_id = None


@effect("record_callback")
def _record_callback(ctx: EffectContext) -> None:
    t = ctx.ticket
    result, satisfaction = ctx.params["result"], ctx.params["satisfaction"]
    valid = ctx.facts.get("callback_results", ())
    if result not in valid:
        raise ValidationError("invalid_choice", field="result", value=result)
    ctx.session.add(Callback(company_id=t.company_id, ticket_id=t.id, at=ctx.now, by_user_id=_actor_id(ctx),
                             result=result, satisfaction=satisfaction, feedback=ctx.params.get("feedback")))
    t.callback_result = result
    t.satisfaction = satisfaction
    t.callback_at = ctx.now


@effect("close")
def _close(ctx: EffectContext) -> None:
    t = ctx.ticket
    t.closed_at = ctx.now
    t.current_handler_id = None
    if ctx.params.get("wechat_closed"):
        t.wechat_closed = True


@effect("return_to_dispatcher")
def _return_to_dispatcher(ctx: EffectContext) -> None:
    t = ctx.ticket
    t.return_count += 1
    t.current_handler_id = t.dispatcher_id or t.registrar_id
    t.dispatch_target_id = None
    t.accepted_at = None


@effect("return_to_handler")
def _return_to_handler(ctx: EffectContext) -> None:
    t = ctx.ticket
    t.return_count += 1
    t.current_handler_id = t.final_handler_id
    t.handled_at = None
    t.callback_at = None


@effect("count_urge")
def _count_urge(ctx: EffectContext) -> None:
    ctx.ticket.urge_count += 1


def _apply_extension(ticket: TicketRow, days: int, now: datetime) -> None:
    ticket.extend_count += 1
    ticket.due_at = (ticket.due_at or now) + timedelta(days=days)


@effect("request_extension")
def _request_extension(ctx: EffectContext) -> None:
    t, days = ctx.ticket, ctx.params["days"]
    has_flow = ctx.session.scalar(select(func.count()).select_from(ApprovalStep).where(
        ApprovalStep.company_id == t.company_id, ApprovalStep.flow == "extend"))
    if not has_flow:
        _apply_extension(t, days, ctx.now)
        ctx.notes["approved"] = "no approval configured"
        return
    ctx.session.add(ApprovalRequest(company_id=t.company_id, ticket_id=t.id, flow="extend",
                                    payload=json.dumps({"days": days}), reason=ctx.params["opinion"],
                                    requested_by=_actor_id(ctx), requested_at=ctx.now))


def _pending_request(ctx: EffectContext) -> ApprovalRequest:
    request = ctx.session.scalars(select(ApprovalRequest).where(
        ApprovalRequest.ticket_id == ctx.ticket.id, ApprovalRequest.status == "pending")).first()
    if request is None:
        raise NotFound("not_found", what="approval")
    return request


@effect("approve")
def _approve(ctx: EffectContext) -> None:
    request = _pending_request(ctx)
    ctx.session.add(ApprovalDecision(request_id=request.id, level=request.current_level, approver_id=_actor_id(ctx),
                                     decision="approve", opinion=ctx.params.get("opinion"), at=ctx.now))
    top = ctx.session.scalar(select(func.max(ApprovalStep.level)).where(
        ApprovalStep.company_id == request.company_id, ApprovalStep.flow == request.flow))
    ctx.notes["level"] = request.current_level
    if request.current_level < (top or 1):
        request.current_level += 1
        return
    request.status = "approved"
    request.decided_at = ctx.now
    if request.flow == "extend":
        _apply_extension(ctx.ticket, json.loads(request.payload)["days"], ctx.now)


@effect("reject")
def _reject(ctx: EffectContext) -> None:
    request = _pending_request(ctx)
    ctx.session.add(ApprovalDecision(request_id=request.id, level=request.current_level, approver_id=_actor_id(ctx),
                                     decision="reject", opinion=ctx.params.get("opinion"), at=ctx.now))
    request.status = "rejected"
    request.decided_at = ctx.now


def _other_ticket(ctx: EffectContext, ticket_id: Any, field_name: str) -> Ticket:
    if isinstance(ticket_id, bool) or not isinstance(ticket_id, int):
        raise ValidationError("wrong_type", field=field_name)
    other = ctx.session.get(Ticket, ticket_id)
    if other is None or other.company_id != ctx.ticket.company_id:
        raise NotFound("not_found", what="ticket")
    return other


def add_link(session: Session, ticket: Ticket | TicketRow, other: Ticket, kind: str, user_id: int | None, now: datetime) -> None:
    exists = session.scalar(select(TicketLink.id).where(
        TicketLink.ticket_id == ticket.id, TicketLink.other_id == other.id, TicketLink.kind == kind))
    if exists is None:
        session.add(TicketLink(company_id=ticket.company_id, ticket_id=ticket.id, other_id=other.id, kind=kind,
                               created_by=user_id, created_at=now))


@effect("link")
def _link(ctx: EffectContext) -> None:
    other = _other_ticket(ctx, ctx.params["related_to"], "related_to")
    add_link(ctx.session, ctx.ticket, other, "related", _actor_id(ctx), ctx.now)
    ctx.notes["related"] = other.number


@effect("mark_duplicate")
def _mark_duplicate(ctx: EffectContext) -> None:
    other = _other_ticket(ctx, ctx.params["duplicate_of"], "duplicate_of")
    add_link(ctx.session, ctx.ticket, other, "duplicate", _actor_id(ctx), ctx.now)
    ctx.ticket.duplicate_of_id = other.id
    ctx.ticket.close_reason = "duplicate"
    ctx.notes["duplicate_of"] = other.number


# --- work orders ------------------------------------------------------------------------------

@effect("assign_engineer")
def _assign_engineer(ctx: EffectContext) -> None:
    engineer = ctx.facts["engineer"]
    t = ctx.ticket
    t.engineer_id = engineer["id"]
    t.current_handler_id = engineer["user_id"]
    if t.dispatcher_id is None:
        t.dispatcher_id = _actor_id(ctx)
    t.dispatched_at = ctx.now
    ctx.notes["engineer"] = engineer["name"]


@effect("write_work_log")
def _write_work_log(ctx: EffectContext) -> None:
    p = ctx.params
    ctx.session.add(WorkLog(company_id=ctx.ticket.company_id, ticket_id=ctx.ticket.id, start=p["start"], end=p["end"],
                            title=p["title"], content=p["content"],
                            handler_name=p.get("handler_name") or (ctx.actor.name if ctx.actor else ""),
                            author_id=_actor_id(ctx), created_at=ctx.now))


@effect("suspend")
def _suspend(ctx: EffectContext) -> None:
    p = ctx.params
    ctx.session.add(Suspension(company_id=ctx.ticket.company_id, ticket_id=ctx.ticket.id, start=p["start"],
                               end=p["end"], reason=p["opinion"], created_by=_actor_id(ctx)))


@effect("resume")
def _resume(ctx: EffectContext) -> None:
    for suspension in ctx.session.scalars(select(Suspension).where(
            Suspension.ticket_id == ctx.ticket.id, Suspension.ended_at.is_(None))):
        suspension.ended_at = ctx.now
        suspension.ended_by = _actor_id(ctx)
    ctx.notes["automatic"] = ctx.actor is None


@effect("record_resolution")
def _record_resolution(ctx: EffectContext) -> None:
    t, p = ctx.ticket, ctx.params
    if p["root_cause"] not in ctx.facts.get("root_causes", ()):
        raise ValidationError("invalid_choice", field="root_cause", value=p["root_cause"])
    t.root_cause = p["root_cause"]
    t.cause_description = p["cause_description"]
    t.solution = p.get("solution")
    t.visit_time = p.get("visit_time")
    t.completion_time = p["completion_time"]
    t.handled_at = ctx.now
    t.final_handler_id = _actor_id(ctx)
