"""Between the softphone's `MonitorDesk` (telephony, no database) and `MonitoringService`.

Agent side: `AgentMonitorGlue` answers the desk's authoriser from the database and writes the
session's audit rows as the desk reports start, mode changes and end. Supervisor side:
`MonitorControl` is what the seat board drives (start / switch / stop) and listens to.

Both run on the engine's thread (the GUI thread in the desktop). The authoriser must answer while
the INVITE waits, so it is a direct database call (a few milliseconds); the audit writes after
that go through the ops runner when one is given.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from agent_app.services.actor import Actor
from agent_app.services.monitoring import MonitoringService, MonitorSession
from agent_app.telephony.monitor import (
    MonitorDesk,
    MonitorEnded,
    MonitorEvent,
    MonitorMode,
    MonitorModeChanged,
    MonitorRequest,
    MonitorStarted,
)

log = logging.getLogger(__name__)
Run = Callable[[Callable[[], Any]], None]


def _run_now(work: Callable[[], Any]) -> None:
    work()


class AgentMonitorGlue:
    """The agent's client: authorise monitor requests and log the sessions."""

    def __init__(self, monitoring: MonitoringService, actor: Actor, run: Run = _run_now) -> None:
        self._monitoring = monitoring
        self._actor = actor
        self._run = run
        self._sessions: dict[str, MonitorSession] = {}
        self.told: bool = monitoring.agent_is_told(actor)  # company policy, read once per sign-in

    def authorise(self, request: MonitorRequest) -> bool:
        mode = request.mode.value if request.mode else request.mode_text
        return self._monitoring.authorise(self._actor, request.supervisor_user_id, mode, request.agent_call_id)

    def attach(self, desk: MonitorDesk) -> None:
        desk.subscribe(self.on_event)

    def on_event(self, event: MonitorEvent) -> None:
        if isinstance(event, MonitorStarted) and event.side == "agent":
            self._run(lambda: self._started(event))
        elif isinstance(event, MonitorModeChanged) and event.side == "agent":
            self._run(lambda: self._changed(event))
        elif isinstance(event, MonitorEnded) and event.side == "agent":
            self._run(lambda: self._ended(event))

    def _started(self, event: MonitorStarted) -> None:
        self._sessions[event.monitor_call_id] = self._monitoring.session_started(
            self._actor, event.supervisor_user_id, event.mode.value, event.agent_call_id)

    def _changed(self, event: MonitorModeChanged) -> None:
        session = self._sessions.get(event.monitor_call_id)
        if session is not None:
            self._sessions[event.monitor_call_id] = self._monitoring.mode_changed(self._actor, session, event.mode.value)

    def _ended(self, event: MonitorEnded) -> None:
        session = self._sessions.pop(event.monitor_call_id, None)
        if session is not None:
            self._monitoring.session_ended(self._actor, session)


@dataclass(frozen=True)
class Monitoring:
    """What the supervisor is doing now, for the board's strip."""

    call_id: str
    agent_name: str
    mode: MonitorMode
    connected: bool


class MonitorControl(QObject):
    """The supervisor's side of a `MonitorDesk`, one session at a time."""

    changed = Signal(object)  # Monitoring | None
    failed = Signal(int)  # SIP status: 403 refused, 481 no such call, 486 busy, …

    def __init__(self, desk: MonitorDesk, supervisor_user_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._supervisor = supervisor_user_id
        self._current: Monitoring | None = None
        desk.subscribe(self._on_event)

    @property
    def current(self) -> Monitoring | None:
        return self._current

    def start(self, extension: str, agent_name: str, mode: MonitorMode, agent_call_id: str = "") -> None:
        if self._current is not None:
            self.stop()
        call_id = self._desk.start(extension, agent_call_id, mode, self._supervisor)
        self._set(Monitoring(call_id, agent_name, mode, False))

    def switch(self, mode: MonitorMode) -> None:
        if self._current is None or mode is self._current.mode:
            return
        self._desk.switch(self._current.call_id, mode)

    def stop(self) -> None:
        if self._current is not None:
            try:
                self._desk.stop(self._current.call_id)
            except KeyError:  # already ended on the agent's side
                log.debug("monitor call %s already gone", self._current.call_id)
            self._set(None)

    def _on_event(self, event: MonitorEvent) -> None:
        current = self._current
        if current is None or getattr(event, "monitor_call_id", None) != current.call_id:
            return
        if isinstance(event, MonitorStarted):
            self._set(Monitoring(current.call_id, current.agent_name, current.mode, True))
        elif isinstance(event, MonitorModeChanged):
            self._set(Monitoring(current.call_id, current.agent_name, event.mode, current.connected))
        elif isinstance(event, MonitorEnded):
            self._set(None)
            if not current.connected and event.code >= 300:
                self.failed.emit(event.code)

    def _set(self, monitoring: Monitoring | None) -> None:
        self._current = monitoring
        self.changed.emit(monitoring)
