"""The agent-state rules, with a hand-driven clock (no SIP needed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from agent_app.telephony.agent_state import AgentStateMachine
from agent_app.telephony.events import (
    AgentState,
    AgentStateChanged,
    CallState,
    CallStateChanged,
    CallSummary,
    Direction,
    HungUpBy,
    IncomingCall,
    OutgoingCall,
)

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture()
def clock() -> Clock:
    return Clock()


@pytest.fixture()
def changes() -> list[AgentStateChanged]:
    return []


@pytest.fixture()
def agent(clock: Clock, changes: list[AgentStateChanged]) -> AgentStateMachine:
    machine = AgentStateMachine(changes.append, acw_seconds=20, clock=clock)
    machine.login()
    return machine


def ring(call_id: str = "c1") -> IncomingCall:
    return IncomingCall(call_id, "13912345678", "", "", (), T0)


def confirmed(call_id: str = "c1") -> CallStateChanged:
    return CallStateChanged(call_id, Direction.INBOUND, CallState.CONFIRMED, 200, "OK", T0)


def ended(call_id: str = "c1", answered: bool = True) -> CallSummary:
    return CallSummary(
        call_id, Direction.INBOUND, "1001", "13912345678", "", "A1", "1001", "", T0,
        T0 if answered else None, T0, HungUpBy.REMOTE, 200, None,
    )  # fmt: skip


def test_login_then_ready_and_not_ready_with_a_reason(agent: AgentStateMachine, changes) -> None:
    agent.set_ready()
    agent.set_not_ready("lunch")

    assert [(c.previous, c.new, c.reason) for c in changes] == [
        (AgentState.LOGGED_OUT, AgentState.NOT_READY, ""),
        (AgentState.NOT_READY, AgentState.READY, ""),
        (AgentState.READY, AgentState.NOT_READY, "lunch"),
    ]
    assert changes[-1].at == T0


def test_answered_call_goes_to_after_call_work_then_back_to_ready(
    agent: AgentStateMachine, clock: Clock
) -> None:
    agent.set_ready()
    agent.handle(ring())
    assert agent.state is AgentState.RINGING
    agent.handle(confirmed())
    assert agent.state is AgentState.ON_CALL
    agent.handle(ended())
    assert agent.state is AgentState.AFTER_CALL_WORK
    assert agent.acw_remaining() == 20

    clock.advance(19)
    agent.tick()
    assert agent.state is AgentState.AFTER_CALL_WORK and agent.acw_remaining() == 1
    clock.advance(1)
    agent.tick()
    assert agent.state is AgentState.READY and agent.acw_remaining() is None


def test_missed_call_returns_to_the_previous_state(agent: AgentStateMachine) -> None:
    agent.set_ready()
    agent.handle(ring())
    agent.handle(ended(answered=False))
    assert agent.state is AgentState.READY


def test_not_ready_chosen_during_the_call_applies_after_the_wrap_up(
    agent: AgentStateMachine, clock: Clock
) -> None:
    agent.set_ready()
    agent.handle(ring())
    agent.handle(confirmed())
    agent.set_not_ready("training")
    assert agent.state is AgentState.ON_CALL

    agent.handle(ended())
    clock.advance(20)
    agent.tick()
    assert (agent.state, agent.reason) == (AgentState.NOT_READY, "training")


def test_ready_during_after_call_work_ends_it_early(agent: AgentStateMachine) -> None:
    agent.handle(OutgoingCall("c2", "95598", T0))
    assert agent.state is AgentState.ON_CALL
    agent.handle(CallStateChanged("c2", Direction.OUTBOUND, CallState.CONFIRMED, 200, "OK", T0))
    agent.handle(ended("c2"))
    agent.set_ready()
    assert agent.state is AgentState.READY and agent.acw_remaining() is None


def test_consult_call_keeps_the_agent_on_call_until_both_end(agent: AgentStateMachine) -> None:
    agent.set_ready()
    agent.handle(ring("c1"))
    agent.handle(confirmed("c1"))
    agent.handle(OutgoingCall("c2", "1003", T0))
    agent.handle(ended("c2"))
    assert agent.state is AgentState.ON_CALL
    agent.handle(ended("c1"))
    assert agent.state is AgentState.AFTER_CALL_WORK


def test_logged_out_ignores_calls(clock: Clock, changes) -> None:
    machine = AgentStateMachine(changes.append, clock=clock)
    machine.handle(ring())
    machine.set_ready()
    assert machine.state is AgentState.LOGGED_OUT and changes == []
