"""The supervisor's listen / whisper / barge when the PBX does the mixing (setting `monitor.method`
= feature_code): the seat board drives it exactly like `MonitorControl`.

Each mode is its own number (`feature_code_target`, e.g. *2211001 / *2221001 / *2231001 for
Asterisk ChanSpy q / qw / qB), dialled from the supervisor's softphone as a plain call; another
mode means hanging up and dialling the other code. The agent's client never sees the session, so
this side asks the monitoring service before dialling (same company, `seat.monitor`; refused
requests are logged there) and writes the session's audit rows (start, each mode, end) with the
same service calls the agent's client uses in client mode.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal

from agent_app.domain.errors import AgentDeskError
from agent_app.services.actor import Actor
from agent_app.services.monitoring import MonitoringService, MonitorSession
from agent_app.telephony.monitor import (
    MonitorDesk,
    MonitorEnded,
    MonitorEvent,
    MonitorMode,
    MonitorStarted,
    feature_code_target,
)
from agent_app.ui.error_text import error_message
from agent_app.ui.supervisor.monitor_glue import Monitoring, Run

log = logging.getLogger(__name__)
REFUSED = 403


@dataclass
class _Session:
    """One supervisor session, which may span several PBX calls (one per mode)."""

    agent: Actor
    extension: str
    audit: MonitorSession | None = None  # set once the first call is up


class FeatureCodeControl(QObject):
    """`MonitorControl`'s interface (start / switch / stop, `changed`, `failed`) over PBX codes."""

    changed = Signal(object)  # Monitoring | None
    failed = Signal(int)  # SIP status of a call that never came up; 403 when the service refused
    refused = Signal(str)  # why the service refused, in the user's language (the softphone shows it)

    def __init__(self, desk: MonitorDesk, monitoring: MonitoringService, supervisor: Actor, template: str,
                 run: Run, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._monitoring = monitoring
        self._supervisor = supervisor
        self._template = template
        self._run = run
        self._current: Monitoring | None = None
        self._session: _Session | None = None
        desk.subscribe(self._on_event)

    @property
    def current(self) -> Monitoring | None:
        return self._current

    def start(self, extension: str, agent_name: str, mode: MonitorMode, agent_call_id: str = "") -> None:
        """Check with the service, then dial the code. The check is a direct database call of a few
        milliseconds (as the agent's client's authoriser is), so that nothing is dialled unchecked."""
        if self._current is not None:
            self.stop()
        try:
            agent = self._monitoring.pbx_request(self._supervisor, extension, mode.value)
        except AgentDeskError as error:
            self.refused.emit(error_message(error))
            self.failed.emit(REFUSED)
            return
        self._session = _Session(agent, extension)
        self._dial(agent_name, mode)

    def switch(self, mode: MonitorMode) -> None:
        current, session = self._current, self._session
        if current is None or session is None or mode is current.mode:
            return
        self._current = None  # the hang-up may report the call's end at once: not the session's end
        self._hang_up(current.call_id)
        self._dial(current.agent_name, mode)

    def stop(self) -> None:
        current = self._current
        if current is not None:
            self._set(None)
            self._hang_up(current.call_id)
            self._end()

    def _dial(self, agent_name: str, mode: MonitorMode) -> None:
        assert self._session is not None
        number = feature_code_target(self._template, mode, self._session.extension)
        call_id = self._desk.start_code(number, mode, self._supervisor.user_id)
        self._set(Monitoring(call_id, agent_name, mode, False))

    def _hang_up(self, call_id: str) -> None:
        try:
            self._desk.stop(call_id)
        except KeyError:  # the PBX ended it already
            log.debug("feature-code call %s already gone", call_id)

    def _on_event(self, event: MonitorEvent) -> None:
        current, session = self._current, self._session
        if current is None or session is None or getattr(event, "monitor_call_id", None) != current.call_id:
            return  # not ours, or a call hung up by a mode switch
        if isinstance(event, MonitorStarted):
            self._set(replace(current, connected=True))
            self._run(lambda: self._audit_mode(session, current.mode))
        elif isinstance(event, MonitorEnded):
            self._set(None)
            self._end()
            if not current.connected and event.code >= 300:
                self.failed.emit(event.code)

    def _audit_mode(self, session: _Session, mode: MonitorMode) -> None:
        """The first call up starts the session's record; each later one is a mode change."""
        if session.audit is None:
            session.audit = self._monitoring.session_started(session.agent, self._supervisor.user_id, mode.value, "")
        else:
            session.audit = self._monitoring.mode_changed(session.agent, session.audit, mode.value)

    def _end(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            self._run(lambda: self._audit_end(session))

    def _audit_end(self, session: _Session) -> None:
        if session.audit is not None:  # a session that never came up has only its request row
            self._monitoring.session_ended(session.agent, session.audit)

    def _set(self, monitoring: Monitoring | None) -> None:
        self._current = monitoring
        self.changed.emit(monitoring)
