"""The agent's hotline state: 示闲 / 示忙 / ringing / on a call / 后处理, fed by call events.

A pure class: no pjsua2, no Qt, the clock is injected, so every rule can be tested directly.
Rules:
- logging in leaves the agent NOT_READY until they choose READY;
- a ringing call makes the agent RINGING; a missed one returns them to where they were;
- an answered or dialled call makes them ON_CALL; when the last call ends they go to
  AFTER_CALL_WORK for `acw_seconds`, then back to the state before the call (READY, or NOT_READY
  when they were not ready or chose it during the call); `tick()` moves the timer on;
- READY / NOT_READY chosen during a call or ringing is remembered for after the call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from .events import (
    AgentState,
    AgentStateChanged,
    CallState,
    CallStateChanged,
    CallSummary,
    IncomingCall,
    OutgoingCall,
)

Clock = Callable[[], datetime]
BUSY = frozenset({AgentState.RINGING, AgentState.ON_CALL})


def utc_now() -> datetime:
    return datetime.now(UTC)


class AgentStateMachine:
    def __init__(
        self,
        listener: Callable[[AgentStateChanged], None],
        acw_seconds: float = 30.0,
        clock: Clock = utc_now,
    ) -> None:
        self._listener = listener
        self.acw_seconds = acw_seconds
        self._clock = clock
        self.state = AgentState.LOGGED_OUT
        self.reason = ""
        self._calls: set[str] = set()
        self._answered = False
        self._before_call: tuple[AgentState, str] = (AgentState.NOT_READY, "")
        self._acw_until: datetime | None = None

    # ---- the agent's choices -----------------------------------------------------------------

    def login(self) -> None:
        if self.state is AgentState.LOGGED_OUT:
            self._calls.clear()
            self._move(AgentState.NOT_READY, "")

    def logout(self) -> None:
        self._calls.clear()
        self._acw_until = None
        self._move(AgentState.LOGGED_OUT, "")

    def set_ready(self) -> None:
        self._choose(AgentState.READY, "")

    def set_not_ready(self, reason: str) -> None:
        self._choose(AgentState.NOT_READY, reason)

    def _choose(self, state: AgentState, reason: str) -> None:
        if self.state is AgentState.LOGGED_OUT:
            return
        if self.state in BUSY:
            self._before_call = (state, reason)  # applies once the call is over
            return
        self._acw_until = None
        self._move(state, reason)

    # ---- time --------------------------------------------------------------------------------

    def acw_remaining(self) -> float | None:
        """Seconds of after-call work left, or None outside AFTER_CALL_WORK."""
        if self._acw_until is None:
            return None
        return max(0.0, (self._acw_until - self._clock()).total_seconds())

    def tick(self) -> None:
        """End after-call work when its time is up; call about once a second."""
        if self._acw_until is not None and self._clock() >= self._acw_until:
            self._acw_until = None
            self._move(*self._before_call)

    # ---- call events -------------------------------------------------------------------------

    def handle(self, event: object) -> None:
        """Feed every engine event here; the ones that matter move the state."""
        if self.state is AgentState.LOGGED_OUT:
            return
        if isinstance(event, IncomingCall):
            self._call_started(event.call_id, AgentState.RINGING)
        elif isinstance(event, OutgoingCall):
            self._call_started(event.call_id, AgentState.ON_CALL)
        elif isinstance(event, CallStateChanged) and event.state is CallState.CONFIRMED:
            if event.call_id in self._calls:
                self._answered = True
                self._move(AgentState.ON_CALL, "")
        elif isinstance(event, CallSummary) and event.call_id in self._calls:
            self._calls.discard(event.call_id)
            if not self._calls:
                self._all_calls_ended()

    def _call_started(self, call_id: str, state: AgentState) -> None:
        if not self._calls:
            self._answered = False
            if self.state not in BUSY:
                after = AgentState.READY if self.state is AgentState.AFTER_CALL_WORK else self.state
                self._before_call = (after, self.reason if after is not AgentState.READY else "")
            self._acw_until = None
        self._calls.add(call_id)
        if self.state is not AgentState.ON_CALL:
            self._move(state, "")

    def _all_calls_ended(self) -> None:
        if self._answered:
            self._acw_until = self._clock() + timedelta(seconds=self.acw_seconds)
            self._move(AgentState.AFTER_CALL_WORK, "")
        else:
            self._move(*self._before_call)

    def _move(self, state: AgentState, reason: str) -> None:
        if (state, reason) == (self.state, self.reason):
            return
        previous = self.state
        self.state, self.reason = state, reason
        self._listener(AgentStateChanged(previous, state, reason, self._clock()))
