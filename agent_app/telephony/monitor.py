"""Supervisor monitoring (监听 / 密语 / 强插) that works with any PBX: the desktops do it themselves.

The supervisor's client calls the agent's extension with three headers (the mode, the supervisor's
user id, the SIP Call-ID of the agent's customer call). The agent's client recognises that INVITE
before it becomes a customer call (no ring, no screen-pop), asks an authoriser (the UI answers it
from the database) and then either answers silently and wires its conference bridge, or refuses
with 403. All mixing happens in the agent's bridge, so the PBX only ever sees two ordinary calls:

    listen:  caller → supervisor, agent mic → supervisor
    whisper: + supervisor → agent's ear           (the caller does not hear the supervisor)
    barge:   + supervisor → caller                (everybody hears everybody)

The supervisor changes mode during a session with a SIP INFO (application/dtmf-relay, digit 1/2/3),
which pjsua answers itself. A PBX feature code (e.g. Asterisk ChanSpy) is the configurable
alternative (setting `monitor.method`): the supervisor's client dials `feature_code_target(...)`
with `start_code` and the PBX does the mixing.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pjsua2 as pj

from .call import CALL_STATES, op
from .events import CallState, CallStateChanged, EngineEvent, Headers
from .guard import guarded
from .sip_message import header

if TYPE_CHECKING:
    from .account import SipAccount
    from .engine import SipEngine

log = logging.getLogger(__name__)

HEADER_MODE = "X-AgentDesk-Monitor"
HEADER_SUPERVISOR = "X-AgentDesk-Supervisor"
HEADER_CALL = "X-AgentDesk-Monitor-Call"
REFUSED = 403
NO_SUCH_CALL = 481


class MonitorMode(enum.Enum):
    LISTEN = "listen"  # 监听
    WHISPER = "whisper"  # 密语 / 耳语
    BARGE = "barge"  # 强插


MODE_DIGITS = {MonitorMode.LISTEN: "1", MonitorMode.WHISPER: "2", MonitorMode.BARGE: "3"}
DIGIT_MODES = {digit: mode for mode, digit in MODE_DIGITS.items()}


class Port(enum.Enum):
    """The four conference-bridge ports of the agent's client during a monitor session."""

    CALLER = "caller"  # the customer call
    SUPERVISOR = "supervisor"  # the monitor call
    AGENT_MIC = "agent_mic"  # capture device
    AGENT_EAR = "agent_ear"  # playback device


Link = tuple[Port, Port]  # (source, sink)

_LISTEN: frozenset[Link] = frozenset({(Port.CALLER, Port.SUPERVISOR), (Port.AGENT_MIC, Port.SUPERVISOR)})
_LINKS: dict[MonitorMode, frozenset[Link]] = {
    MonitorMode.LISTEN: _LISTEN,
    MonitorMode.WHISPER: _LISTEN | {(Port.SUPERVISOR, Port.AGENT_EAR)},
    MonitorMode.BARGE: _LISTEN | {(Port.SUPERVISOR, Port.AGENT_EAR), (Port.SUPERVISOR, Port.CALLER)},
}


def bridge_links(mode: MonitorMode | None) -> frozenset[Link]:
    """The links the monitor adds to the agent's bridge (the agent ↔ caller links stay as they are)."""
    return _LINKS[mode] if mode is not None else frozenset()


def link_changes(old: MonitorMode | None, new: MonitorMode | None) -> tuple[frozenset[Link], frozenset[Link]]:
    """(links to start, links to stop) to go from `old` to `new`."""
    before, after = bridge_links(old), bridge_links(new)
    return after - before, before - after


@dataclass(frozen=True)
class MonitorRequest:
    """What a monitor INVITE asks for; `mode` None or `supervisor_user_id` 0 when malformed."""

    mode: MonitorMode | None
    supervisor_user_id: int
    agent_call_id: str
    mode_text: str = ""


def is_monitor_request(headers: Headers) -> bool:
    return header(headers, HEADER_MODE) is not None


def parse_request(headers: Headers) -> MonitorRequest:
    text = (header(headers, HEADER_MODE) or "").strip().lower()
    mode = next((m for m in MonitorMode if m.value == text), None)
    raw_id = (header(headers, HEADER_SUPERVISOR) or "").strip()
    return MonitorRequest(mode, int(raw_id) if raw_id.isdigit() else 0, (header(headers, HEADER_CALL) or "").strip(),
                          text)


def request_headers(mode: MonitorMode, supervisor_user_id: int, agent_call_id: str) -> list[tuple[str, str]]:
    return [(HEADER_MODE, mode.value), (HEADER_SUPERVISOR, str(supervisor_user_id)), (HEADER_CALL, agent_call_id)]


def feature_code_target(template: str, mode: MonitorMode, extension: str) -> str:
    """The number to dial in PBX feature-code mode, e.g. template "*22{mode_digit}{extension}" for a
    dialplan that maps *221/*222/*223 to ChanSpy options q / qw / qB."""
    return template.format(mode=mode.value, mode_digit=MODE_DIGITS[mode], extension=extension)


# ---- events (no pjsua2 type leaves this module) ------------------------------------------------

@dataclass(frozen=True)
class MonitorStarted:
    monitor_call_id: str
    side: str  # "agent": someone monitors me; "supervisor": I monitor someone
    mode: MonitorMode
    supervisor_user_id: int
    agent_call_id: str
    at: datetime


@dataclass(frozen=True)
class MonitorModeChanged:
    monitor_call_id: str
    side: str
    mode: MonitorMode
    at: datetime


@dataclass(frozen=True)
class MonitorEnded:
    monitor_call_id: str
    side: str
    code: int  # the SIP status of the end (403 when the agent's client refused)
    at: datetime


@dataclass(frozen=True)
class MonitorRefused:
    """Agent side: a monitor request was refused (403) or named no live call (481)."""

    request: MonitorRequest
    code: int
    at: datetime


MonitorEvent = MonitorStarted | MonitorModeChanged | MonitorEnded | MonitorRefused
Authoriser = Callable[[MonitorRequest], bool]


def _now() -> datetime:
    return datetime.now(UTC)


class _MonitorCall(pj.Call):
    def __init__(self, desk: MonitorDesk, account: pj.Account, pjsua_call_id: int = pj.PJSUA_INVALID_ID) -> None:
        super().__init__(account, pjsua_call_id)
        self._desk = desk
        self._errors = desk
        self.call_id = ""

    @guarded
    def onCallState(self, prm: pj.OnCallStateParam) -> None:
        info = self.getInfo()
        self._desk.on_state(self, CALL_STATES[info.state], info.lastStatusCode)

    @guarded
    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:
        self._desk.on_media(self)

    @guarded
    def onDtmfDigit(self, prm: pj.OnDtmfDigitParam) -> None:
        if prm.method == pj.PJSUA_DTMF_METHOD_SIP_INFO:
            self._desk.on_mode_digit(self, prm.digit)

    def audio(self) -> pj.AudioMedia | None:
        info = self.getInfo()  # kept in a variable: SWIG's `.media` of a temporary points at freed memory
        for media in info.media:
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                return self.getAudioMedia(media.index)
        return None


@dataclass
class _Session:
    call: _MonitorCall
    side: str
    mode: MonitorMode
    supervisor_user_id: int
    agent_call_id: str
    started: bool = False
    wired: list[tuple[Port, Port, int, int]] = field(default_factory=list)  # (from, to, slots)


class MonitorDesk:
    """Both sides of monitoring for one engine: answering monitor requests for the agent, and
    starting them for the supervisor. Runs on the engine's thread, like every pjsua2 callback."""

    def __init__(self, engine: SipEngine, authorise: Authoriser) -> None:
        self._engine = engine
        self._authorise = authorise
        self._sessions: dict[str, _Session] = {}
        self._ended: list[_MonitorCall] = []
        self._subscribers: list[Callable[[MonitorEvent], None]] = []
        engine.attach_monitor(self)
        engine.subscribe(self._on_engine_event)

    def subscribe(self, subscriber: Callable[[MonitorEvent], None]) -> Callable[[], None]:
        self._subscribers.append(subscriber)
        return lambda: self._subscribers.remove(subscriber)

    def report_error(self, where: str, error: BaseException) -> None:
        self._engine.report_error(where, error)

    def sessions(self) -> dict[str, tuple[str, MonitorMode]]:
        """Live sessions: monitor call id → (side, mode)."""
        return {call_id: (s.side, s.mode) for call_id, s in self._sessions.items() if s.started}

    # ---- supervisor side -------------------------------------------------------------------

    def start(self, extension: str, agent_call_id: str, mode: MonitorMode, supervisor_user_id: int) -> str:
        """Call the agent's extension asking to monitor `agent_call_id`; returns the monitor call id."""
        return self._call(extension, request_headers(mode, supervisor_user_id, agent_call_id), mode,
                          supervisor_user_id, agent_call_id)

    def start_code(self, number: str, mode: MonitorMode, supervisor_user_id: int) -> str:
        """PBX feature-code mode: call `number` (see `feature_code_target`) as a plain call; the PBX
        mixes, so another mode is another number (`stop`, then `start_code` again), not `switch`."""
        return self._call(number, [], mode, supervisor_user_id, "")

    def _call(self, target: str, headers: list[tuple[str, str]], mode: MonitorMode, supervisor_user_id: int,
              agent_call_id: str) -> str:
        account = self._engine.sip_account()
        call = _MonitorCall(self, account)
        prm = op()
        for name, value in headers:
            sip_header = pj.SipHeader()
            sip_header.hName, sip_header.hValue = name, value
            prm.txOption.headers.append(sip_header)
        call.makeCall(account.config.target_uri(target), prm)
        call.call_id = call.getInfo().callIdString
        self._sessions[call.call_id] = _Session(call, "supervisor", mode, supervisor_user_id, agent_call_id)
        return call.call_id

    def switch(self, monitor_call_id: str, mode: MonitorMode) -> None:
        """Ask the agent's client for another mode (SIP INFO); it confirms by doing it."""
        session = self._session(monitor_call_id, "supervisor")
        dtmf = pj.CallSendDtmfParam()
        dtmf.method = pj.PJSUA_DTMF_METHOD_SIP_INFO
        dtmf.digits = MODE_DIGITS[mode]
        session.call.sendDtmf(dtmf)
        session.mode = mode
        self._emit(MonitorModeChanged(monitor_call_id, "supervisor", mode, _now()))

    def stop(self, monitor_call_id: str) -> None:
        self._session(monitor_call_id).call.hangup(op())

    # ---- agent side (called by the engine) -------------------------------------------------

    def claims(self, headers: Headers) -> bool:
        return is_monitor_request(headers)

    def on_incoming(self, account: SipAccount, pjsua_call_id: int, headers: Headers) -> None:
        call = _MonitorCall(self, account, pjsua_call_id)
        call.call_id = call.getInfo().callIdString
        request = parse_request(headers)
        code = 0
        target = self._customer_call(request.agent_call_id)
        if not self._authorise(request) or request.mode is None:
            code = REFUSED
        elif target is None:
            code = NO_SUCH_CALL  # no live customer call by that id (ended, held or never existed)
        if code:
            call.hangup(op(code))
            self._ended.append(call)
            self._emit(MonitorRefused(request, code, _now()))
            return
        assert request.mode is not None and target is not None
        self._sessions[call.call_id] = _Session(call, "agent", request.mode, request.supervisor_user_id, target)
        call.answer(op(200))

    def _customer_call(self, call_id: str) -> str | None:
        """The customer call a request names; an empty id means the agent's one live call (the
        seat board knows the seat, not the SIP Call-ID)."""
        if call_id:
            return call_id if self._engine.call_audio(call_id) is not None else None
        return next((c for c in self._engine.calls() if self._engine.call_audio(c) is not None), None)

    def on_customer_media(self, call_id: str) -> None:
        """The customer call's media changed (hold, re-INVITE): its bridge slot may be new."""
        for session in self._sessions.values():
            if session.side == "agent" and session.agent_call_id == call_id:
                self._wire(session)

    def drop(self) -> None:
        """Forget every pjsua2 object (before libDestroy)."""
        for session in self._sessions.values():
            session.wired.clear()
        self._sessions.clear()
        self._ended.clear()

    # ---- callbacks -------------------------------------------------------------------------

    def on_state(self, call: _MonitorCall, state: CallState, code: int) -> None:
        session = self._sessions.get(call.call_id)
        if session is None:
            return
        if state is CallState.CONFIRMED and not session.started:
            session.started = True
            self._emit(MonitorStarted(call.call_id, session.side, session.mode, session.supervisor_user_id,
                                      session.agent_call_id, _now()))
        elif state is CallState.DISCONNECTED:
            session.wired.clear()  # every monitor link ends at this call's port, gone with it
            del self._sessions[call.call_id]
            self._ended.append(call)
            self._emit(MonitorEnded(call.call_id, session.side, code, _now()))

    def on_media(self, call: _MonitorCall) -> None:
        session = self._sessions.get(call.call_id)
        if session is not None:
            self._wire(session)

    def on_mode_digit(self, call: _MonitorCall, digit: str) -> None:
        session = self._sessions.get(call.call_id)
        mode = DIGIT_MODES.get(digit)
        if session is None or session.side != "agent" or mode is None or mode is session.mode:
            return
        session.mode = mode
        self._wire(session)
        self._emit(MonitorModeChanged(call.call_id, "agent", mode, _now()))

    def _on_engine_event(self, event: EngineEvent) -> None:
        self._ended.clear()  # safe here: no pjsua2 callback of those calls is on the stack
        if isinstance(event, CallStateChanged) and event.state is CallState.DISCONNECTED:
            for session in list(self._sessions.values()):
                if session.side == "agent" and session.agent_call_id == event.call_id:
                    session.call.hangup(op())

    # ---- the bridge ------------------------------------------------------------------------

    def _wire(self, session: _Session) -> None:
        """(Re)connect the session's links for its mode from the ports as they are now."""
        ports = self._ports(session)
        self._unwire(session, ports)
        if ports.get(Port.SUPERVISOR) is None:
            return
        links = ({(Port.SUPERVISOR, Port.AGENT_EAR), (Port.AGENT_MIC, Port.SUPERVISOR)}  # the supervisor's headset
                 if session.side == "supervisor" else bridge_links(session.mode))
        for a, b in links:
            source, sink = ports.get(a), ports.get(b)
            if source is not None and sink is not None:
                source.startTransmit(sink)
                session.wired.append((a, b, source.getPortId(), sink.getPortId()))

    def _ports(self, session: _Session) -> dict[Port, pj.AudioMedia | None]:
        audio = self._engine.audio_device
        ports: dict[Port, pj.AudioMedia | None] = {
            Port.SUPERVISOR: session.call.audio(), Port.AGENT_MIC: audio.capture_media(),
            Port.AGENT_EAR: audio.playback_media()}
        if session.side == "agent":
            ports[Port.CALLER] = self._engine.call_audio(session.agent_call_id)
        return ports

    @staticmethod
    def _unwire(session: _Session, ports: dict[Port, pj.AudioMedia | None]) -> None:
        """Stop the links whose two ports are still the ones they were made with.

        A port that went away (hang-up, or a hold that gave the call a new slot) took its links
        with it, and its slot number may already belong to another port: touching it broke the
        whole bridge (the caller and the agent heard nothing after a supervisor hung up).
        """
        for a, b, source_id, sink_id in session.wired:
            source, sink = ports.get(a), ports.get(b)
            if source is None or sink is None or (source.getPortId(), sink.getPortId()) != (source_id, sink_id):
                continue
            try:
                source.stopTransmit(sink)
            except pj.Error:  # a new port that happens to have the old slot number: not connected
                log.debug("monitor link %s → %s was already gone", a, b)
        session.wired.clear()

    def _session(self, monitor_call_id: str, side: str | None = None) -> _Session:
        session = self._sessions.get(monitor_call_id)
        if session is None or (side is not None and session.side != side):
            raise KeyError(f"no {side or ''} monitor session {monitor_call_id!r}")
        return session

    def _emit(self, event: MonitorEvent) -> None:
        for subscriber in list(self._subscribers):
            try:
                subscriber(event)
            except Exception:  # noqa: BLE001 - one broken subscriber must not stop the others
                log.exception("monitor subscriber failed on %r", event)
