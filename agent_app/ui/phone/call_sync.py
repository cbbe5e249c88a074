"""Engine and agent-state events → the service layer (call records, seat states, registration).

Every write runs in the ops runner's workers, one after the other in the order the events came:
a call's `finish` needs the id its `start` returned, and the seat's state stretches must be closed
and opened in order. A failed write is logged and reported through `failed`; the phone goes on.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from agent_app.domain.errors import PermissionDenied
from agent_app.telephony.events import (
    AgentState,
    AgentStateChanged,
    CallState,
    CallStateChanged,
    CallSummary,
    Direction,
    IncomingCall,
    OutgoingCall,
    RegistrationChanged,
)
from agent_app.ui.error_text import error_message
from agent_app.ui.ops import runner

log = logging.getLogger(__name__)


@dataclass
class _Call:
    direction: Direction
    number: str
    at: datetime
    record_id: int | None = None
    confirmed: bool = False


@dataclass(frozen=True)
class _Write:
    what: str  # a key of CallSync._what_text
    work: Callable[[], Any]
    then: Callable[[Any], None] | None = None
    on_failure: Callable[[Exception], None] | None = None


@dataclass(frozen=True)
class RingingCall:
    """A call whose record exists (or could not be written: `record_id` None), for the screen-pop."""

    sip_call_id: str
    record_id: int | None
    number: str
    ring_at: datetime


class CallSync(QObject):
    """Connect `on_engine_event` to the bridge *before* the phone bar, so that a call is known here
    when the bar's agent-state machine reacts to it; connect `on_agent_state` to the bar."""

    record_ready = Signal(object)  # RingingCall, once calls.start answered (or failed)
    failed = Signal(str)  # what went wrong, in the UI language
    hotline_login_refused = Signal(str)  # e.g. the seat was disabled by a supervisor: why, for the agent

    def __init__(self, services: Any, actor: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.actor = actor
        self._calls: dict[str, _Call] = {}
        self._queue: deque[_Write] = deque()
        self._busy = False

    @property
    def pending(self) -> int:
        """Writes queued or running."""
        return len(self._queue) + int(self._busy)

    # -- the agent ------------------------------------------------------------------------
    @Slot(str, str)
    def hotline_login(self, agent_id: str, extension: str) -> None:
        def stored(actor: Any) -> None:
            self.actor = actor  # carries the agent ID and extension that call records and seat rows need

        def refused(error: Exception) -> None:
            if isinstance(error, PermissionDenied):
                self.hotline_login_refused.emit(error_message(error))

        self._write("hotline login", lambda: self._services.seats.hotline_login(self.actor, agent_id, extension),
                    stored, on_failure=refused)

    @Slot(object)
    def on_agent_state(self, event: AgentStateChanged) -> None:
        state, number, direction = event.new.value, None, None
        call = self._current_call()
        if event.new in (AgentState.RINGING, AgentState.ON_CALL) and call is not None:
            number, direction = call.number, call.direction.value
            if call.direction is Direction.OUTBOUND and not call.confirmed:
                state = "dialing"  # the engine reports an outgoing call as on-call from the first ring
        self._change_state(state, event.reason or None, event.at, number, direction)

    def logged_out(self, at: datetime) -> None:
        """The desktop closes the phone while logged in: the seat goes off the board."""
        self._change_state("logged_out", None, at, None, None)

    def _change_state(self, state: str, reason: str | None, at: datetime, number: str | None,
                      direction: str | None) -> None:
        self._write("seat state", lambda: self._services.seats.change_state(
            self.actor, state, reason, at=at, call_number=number, call_direction=direction))

    # -- the engine -----------------------------------------------------------------------
    @Slot(object)
    def on_engine_event(self, event: object) -> None:
        if isinstance(event, RegistrationChanged):
            registration = event.state.value
            self._write("registration",
                        lambda: self._services.seats.change_registration(self.actor, registration))
        elif isinstance(event, IncomingCall):
            self._started(event.call_id, _Call(Direction.INBOUND, event.number, event.at),
                          lambda: self._services.calls.start(
                              self.actor, "in", event.number, self.actor.extension or "", event.at,
                              ivr_trail=event.ivr_trail or None, sip_call_id=event.call_id))
        elif isinstance(event, OutgoingCall):
            self._started(event.call_id, _Call(Direction.OUTBOUND, event.number, event.at),
                          lambda: self._services.calls.start(
                              self.actor, "out", self.actor.extension or "", event.number, event.at,
                              sip_call_id=event.call_id))
        elif isinstance(event, CallStateChanged) and event.state is CallState.CONFIRMED:
            self._confirmed(event)
        elif isinstance(event, CallSummary):
            self._ended(event)

    def _started(self, sip_call_id: str, call: _Call, start: Callable[[], int]) -> None:
        self._calls[sip_call_id] = call

        def stored(record_id: int | None) -> None:
            call.record_id = record_id
            self.record_ready.emit(RingingCall(sip_call_id, record_id, call.number, call.at))

        self._write("call record", start, stored, on_failure=lambda _error: stored(None))

    def _confirmed(self, event: CallStateChanged) -> None:
        call = self._calls.get(event.call_id)
        if call is None or call.confirmed:
            return
        call.confirmed = True
        if call.direction is Direction.OUTBOUND and call is self._current_call():
            self._change_state("on_call", None, event.at, call.number, call.direction.value)

    def _ended(self, summary: CallSummary) -> None:
        call = self._calls.pop(summary.call_id, None)
        if call is None:
            return

        def finish() -> None:
            if call.record_id is None:  # its start failed and was reported already
                return
            self._services.calls.finish(self.actor, call.record_id, end_at=summary.end_at,
                                        answer_at=summary.answer_at, hangup_by=summary.hung_up_by.value,
                                        recording_path=summary.recording_path)

        self._write("call record", finish)

    def _current_call(self) -> _Call | None:
        """The customer's call: the first one still going (a consult call comes second)."""
        return next(iter(self._calls.values()), None)

    # -- the write queue ------------------------------------------------------------------
    def run_in_order(self, what: str, work: Callable[[], Any]) -> None:
        """Another writer of the softphone (the monitor glue) queues behind the call writes."""
        self._write(what, work)

    def _write(self, what: str, work: Callable[[], Any], then: Callable[[Any], None] | None = None,
               on_failure: Callable[[Exception], None] | None = None) -> None:
        self._queue.append(_Write(what, work, then, on_failure))
        self._next()

    def _next(self) -> None:
        if self._busy or not self._queue:
            return
        self._busy = True
        write = self._queue.popleft()
        runner().submit(write.work, lambda result, error: self._done(write, result, error))

    def _done(self, write: _Write, result: Any, error: Exception | None) -> None:
        self._busy = False
        try:
            if error is None:
                if write.then is not None:
                    write.then(result)
                return
            log.warning("softphone: %s could not be saved", write.what, exc_info=error)
            self.failed.emit(self.tr("The phone could not save %1: %2").replace("%1", self._what_text(write.what))
                             .replace("%2", error_message(error)))
            if write.on_failure is not None:
                write.on_failure(error)
        finally:
            self._next()

    def _what_text(self, what: str) -> str:
        texts = {
            "hotline login": self.tr("the hotline login"),
            "registration": self.tr("the line's registration"),
            "seat state": self.tr("the agent state"),
            "call record": self.tr("the call record"),
            "monitor session": self.tr("the monitoring record"),
        }
        return texts[what]
