"""The workflow engine: which actions may this user take now, and may they take this one."""

from __future__ import annotations

from typing import Any, Mapping

from agent_app.domain.errors import ValidationError, WorkflowError
from agent_app.domain.workflow import guards
from agent_app.domain.workflow.definitions import ACTIONS
from agent_app.domain.workflow.model import ActorView, GuardContext, TicketView, Transition, Workflow


def allowed_actions(workflow: Workflow, ticket: TicketView, actor: ActorView | None,
                    facts: Mapping[str, Any] | None = None) -> list[str]:
    """The actions the UI should offer: every static guard of a matching transition passes."""
    result: list[str] = []
    for action in workflow.actions:
        transition = workflow.transitions_for(action, ticket.status)
        if transition is None:
            continue
        ctx = GuardContext(workflow, ticket, actor, action, {}, facts or {})
        if all(guards.run(name, ctx) is None for name in transition.guards if guards.is_static(name)):
            result.append(action)
    return result


def check(workflow: Workflow, ticket: TicketView, actor: ActorView | None, action: str,
          params: Mapping[str, Any], facts: Mapping[str, Any] | None = None) -> Transition:
    """The transition `action` takes, after every guard and required field passed; else the error."""
    transition = workflow.transitions_for(action, ticket.status)
    if transition is None:
        label = ACTIONS[action].zh if action in ACTIONS else action
        raise WorkflowError("action_not_allowed", state=workflow.state(ticket.status).zh, action=label)
    ctx = GuardContext(workflow, ticket, actor, action, params, facts or {})
    for name in transition.guards:
        if guards.is_static(name):
            error = guards.run(name, ctx)
            if error is not None:
                raise error
    for field in transition.required:
        value = params.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValidationError("required", field=field)
    for name in transition.guards:
        if not guards.is_static(name):
            error = guards.run(name, ctx)
            if error is not None:
                raise error
    return transition
