"""The vocabulary of workflows: states with a category, transitions with named guards and effects.

A ticket type is a `Workflow`: data, not code. The engine (`engine.py`) evaluates the named guards
(`guards.py`); the service layer carries out the named effects in the same transaction as the
state change and its history row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Mapping, Protocol


class StateCategory(StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"
    CLOSED = "closed"


@dataclass(frozen=True)
class State:
    code: str
    zh: str
    en: str
    category: StateCategory


@dataclass(frozen=True)
class Transition:
    """`action` from any of `sources` to `target` (None: the state stays, e.g. urge, work log).

    `guards` are checked in order; the first that fails gives the refusal. `required` names the
    parameters that must be non-empty. `effects` are carried out by the service layer, in order.
    """

    action: str
    sources: frozenset[str]
    target: str | None
    guards: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    effects: tuple[str, ...] = ()


@dataclass(frozen=True)
class Action:
    code: str
    zh: str
    en: str


@dataclass(frozen=True)
class Workflow:
    code: str
    zh: str
    en: str
    states: tuple[State, ...]
    initial: str
    transitions: tuple[Transition, ...]
    # the nodes of the flow diagram (seed 004 §5.2.5.3) and the action that completes each
    milestones: tuple[tuple[str, str], ...] = ()

    def state(self, code: str) -> State:
        for state in self.states:
            if state.code == code:
                return state
        raise KeyError(code)

    def transitions_for(self, action: str, source: str) -> Transition | None:
        for transition in self.transitions:
            if transition.action == action and source in transition.sources:
                return transition
        return None

    @property
    def actions(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for transition in self.transitions:
            seen.setdefault(transition.action, None)
        return tuple(seen)


class ActorView(Protocol):
    """What guards need of the acting user (`agent_app.services.actor.Actor` has it)."""

    user_id: int
    company_id: int
    permissions: frozenset[str]
    roles: frozenset[str]
    department_id: int | None
    group_ids: frozenset[int]
    provider_id: int | None
    engineer_id: int | None

    def can(self, permission: str) -> bool: ...


@dataclass(frozen=True)
class TicketView:
    """What guards need of the ticket, read by the service layer."""

    id: int
    company_id: int
    ticket_type: str
    status: str
    registrar_id: int | None = None
    dispatcher_id: int | None = None
    current_handler_id: int | None = None
    target_department_id: int | None = None
    target_group_id: int | None = None
    target_user_id: int | None = None
    provider_id: int | None = None
    engineer_id: int | None = None
    product_line: str | None = None
    pending_approval: bool = False
    attachment_kinds: frozenset[str] = frozenset()


@dataclass(frozen=True)
class GuardContext:
    workflow: Workflow
    ticket: TicketView
    actor: ActorView | None  # None: the system (scheduler)
    action: str
    params: Mapping[str, Any] = field(default_factory=dict)
    # facts the service layer looked up for input guards (e.g. the chosen engineer's certification)
    facts: Mapping[str, Any] = field(default_factory=dict)
