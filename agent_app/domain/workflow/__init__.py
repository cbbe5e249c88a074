"""Ticket workflows as data, and the engine that evaluates them."""

from agent_app.domain.workflow.definitions import ACTIONS, WORKFLOWS, workflow_for
from agent_app.domain.workflow.engine import allowed_actions, check
from agent_app.domain.workflow.model import StateCategory, TicketView, Transition, Workflow

__all__ = ["ACTIONS", "WORKFLOWS", "StateCategory", "TicketView", "Transition", "Workflow", "allowed_actions",
           "check", "workflow_for"]
