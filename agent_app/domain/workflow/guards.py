"""Named guards. A guard returns None when it passes, or the error to show when it does not.

A guard name may carry an argument after a colon (`perm:ticket.dispatch`,
`attachments:service_report,inspection_report`). Guards marked `static` look only at the ticket,
the actor and facts the service looked up beforehand; they decide which actions the UI offers.
The others also look at the action's input and run when the action is performed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable

from agent_app.domain.errors import AgentDeskError, PermissionDenied, ValidationError, WorkflowError
from agent_app.domain.workflow.model import GuardContext

GuardFn = Callable[[GuardContext, str], AgentDeskError | None]


@dataclass(frozen=True)
class GuardSpec:
    fn: GuardFn
    static: bool


GUARDS: dict[str, GuardSpec] = {}

ACTION_LABELS_ZH: dict[str, str] = {}  # filled by definitions.py for messages


def guard(name: str, *, static: bool) -> Callable[[GuardFn], GuardFn]:
    def register(fn: GuardFn) -> GuardFn:
        GUARDS[name] = GuardSpec(fn, static)
        return fn

    return register


def split(name: str) -> tuple[str, str]:
    base, _, arg = name.partition(":")
    return base, arg


def is_static(name: str) -> bool:
    return GUARDS[split(name)[0]].static


def run(name: str, ctx: GuardContext) -> AgentDeskError | None:
    base, arg = split(name)
    return GUARDS[base].fn(ctx, arg)


def _action_label(ctx: GuardContext) -> str:
    return ACTION_LABELS_ZH.get(ctx.action, ctx.action)


# --- who ------------------------------------------------------------------------------------

@guard("system_or_perm", static=True)
def _system_or_perm(ctx: GuardContext, permission: str) -> AgentDeskError | None:
    if ctx.actor is None:
        return None
    return _perm(ctx, permission)


@guard("perm", static=True)
def _perm(ctx: GuardContext, permission: str) -> AgentDeskError | None:
    if ctx.actor is None or not ctx.actor.can(permission):
        return PermissionDenied("permission_denied", permission=_action_label(ctx))
    return None


@guard("in_dispatch_target", static=True)
def _in_dispatch_target(ctx: GuardContext, _: str) -> AgentDeskError | None:
    actor, ticket = ctx.actor, ctx.ticket
    if actor is not None and (
        (ticket.target_user_id is not None and ticket.target_user_id == actor.user_id)
        or (ticket.target_department_id is not None and ticket.target_department_id == actor.department_id)
        or (ticket.target_group_id is not None and ticket.target_group_id in actor.group_ids)
    ):
        return None
    return WorkflowError("not_your_ticket", action=_action_label(ctx))


@guard("is_current_handler", static=True)
def _is_current_handler(ctx: GuardContext, _: str) -> AgentDeskError | None:
    if ctx.actor is not None and ctx.ticket.current_handler_id == ctx.actor.user_id:
        return None
    return WorkflowError("not_your_ticket", action=_action_label(ctx))


@guard("handler_or_target", static=True)
def _handler_or_target(ctx: GuardContext, _: str) -> AgentDeskError | None:
    if _is_current_handler(ctx, "") is None or _in_dispatch_target(ctx, "") is None:
        return None
    return WorkflowError("not_your_ticket", action=_action_label(ctx))


@guard("is_registrar", static=True)
def _is_registrar(ctx: GuardContext, _: str) -> AgentDeskError | None:
    if ctx.actor is not None and ctx.ticket.registrar_id == ctx.actor.user_id:
        return None
    return WorkflowError("not_your_ticket", action=_action_label(ctx))


@guard("provider_of_ticket", static=True)
def _provider_of_ticket(ctx: GuardContext, _: str) -> AgentDeskError | None:
    """Company staff act on any provider's orders; a provider's people only on their own."""
    if ctx.actor is None or ctx.actor.provider_id is None or ctx.actor.provider_id == ctx.ticket.provider_id:
        return None
    return PermissionDenied("permission_denied", permission=_action_label(ctx))


@guard("is_assigned_engineer", static=True)
def _is_assigned_engineer(ctx: GuardContext, _: str) -> AgentDeskError | None:
    if ctx.actor is not None and ctx.actor.engineer_id is not None and ctx.actor.engineer_id == ctx.ticket.engineer_id:
        return None
    return WorkflowError("not_your_ticket", action=_action_label(ctx))


@guard("is_current_approver", static=True)
def _is_current_approver(ctx: GuardContext, _: str) -> AgentDeskError | None:
    if ctx.facts.get("is_current_approver"):
        return None
    return WorkflowError("not_an_approver")


# --- the ticket -----------------------------------------------------------------------------

@guard("not_installation", static=True)
def _not_installation(ctx: GuardContext, _: str) -> AgentDeskError | None:
    if ctx.ticket.ticket_type == "installation":
        return WorkflowError("installation_no_reassign")
    return None


@guard("no_pending_approval", static=True)
def _no_pending_approval(ctx: GuardContext, _: str) -> AgentDeskError | None:
    return WorkflowError("approval_pending") if ctx.ticket.pending_approval else None


@guard("has_pending_approval", static=True)
def _has_pending_approval(ctx: GuardContext, _: str) -> AgentDeskError | None:
    if ctx.ticket.pending_approval:
        return None
    return WorkflowError("action_not_allowed", state=ctx.workflow.state(ctx.ticket.status).zh, action=_action_label(ctx))


@guard("attachments", static=False)
def _attachments(ctx: GuardContext, kinds: str) -> AgentDeskError | None:
    have = set(ctx.ticket.attachment_kinds) | set(ctx.facts.get("new_attachment_kinds", ()))
    missing = [k for k in kinds.split(",") if k and k not in have]
    if missing:
        return ValidationError("missing_attachment", field="file", kinds="、".join(ATTACHMENT_LABELS_ZH.get(k, k) for k in missing))
    return None


ATTACHMENT_LABELS_ZH = {
    "service_report": "现场服务报告",
    "inspection_report": "巡检报告",
    "acceptance_report": "验收报告",
    "implementation_report": "实施报告",
    "photo": "现场照片",
    "other": "其他附件",
}


# --- the input ------------------------------------------------------------------------------

@guard("engineer_same_provider", static=False)
def _engineer_same_provider(ctx: GuardContext, _: str) -> AgentDeskError | None:
    engineer = ctx.facts.get("engineer")
    if engineer is None:
        return ValidationError("required", field="engineer_id")
    if engineer["provider_id"] != ctx.ticket.provider_id:
        return WorkflowError("engineer_other_provider")
    return None


@guard("engineer_certified", static=False)
def _engineer_certified(ctx: GuardContext, _: str) -> AgentDeskError | None:
    engineer = ctx.facts.get("engineer")
    if engineer is None:
        return ValidationError("required", field="engineer_id")
    if not engineer["certified"]:
        day: date = engineer["day"]
        return WorkflowError("engineer_not_certified", engineer=engineer["name"], day=day.isoformat(),
                             product_line=ctx.ticket.product_line or "")
    return None


@guard("time_order", static=False)
def _time_order(ctx: GuardContext, names: str) -> AgentDeskError | None:
    first, second = names.split(",")
    start, end = ctx.params.get(first), ctx.params.get(second)
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        return ValidationError("wrong_type", field=second if isinstance(start, datetime) else first)
    if end <= start:
        return ValidationError("time_order", field=second)
    return None


@guard("int_range", static=False)
def _int_range(ctx: GuardContext, spec: str) -> AgentDeskError | None:
    name, low, high = spec.split(",")
    value = ctx.params.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        return ValidationError("wrong_type", field=name)
    if not int(low) <= value <= int(high):
        return ValidationError("invalid_choice", field=name, value=value)
    return None


@guard("not_self", static=False)
def _not_self(ctx: GuardContext, name: str) -> AgentDeskError | None:
    if ctx.params.get(name) == ctx.ticket.id:
        return ValidationError("self_link", field=name)
    return None
