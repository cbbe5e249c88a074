"""SipEngine: the one object the rest of Agent Desk talks to about telephony.

pjsua2 runs on the thread that calls `poll()` (threadCnt 0, mainThreadOnly): the Qt adapter calls
it every 10 ms from the GUI thread, tests call it in a loop. Every pjsua2 callback therefore runs
inside `poll()`, on that same thread, and subscribers get their events there too.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

import pjsua2 as pj

from .account import SipAccount, build_account_config
from .call import SipCall, op
from .call_record import CallRecord
from .config import AccountConfig, EngineConfig
from .credentials import sip_password
from .events import (
    CallState,
    CallStateChanged,
    Direction,
    EngineError,
    EngineEvent,
    Headers,
    HoldChanged,
    HungUpBy,
    IncomingCall,
    MediaStateChanged,
    MediaStatus,
    OutgoingCall,
    RegistrationState,
    TransferKind,
    TransferProgress,
)
from .guard import guarded
from .openssl_digests import load_openssl_digests
from .recording import CallRecorder, recording_path
from .registration import Registration
from .sip_message import caller_identity, header, parse_headers, parse_party

log = logging.getLogger(__name__)

Subscriber = Callable[[EngineEvent], None]


class AudioDevice(Protocol):
    """What the engine needs from an audio backend (NullAudio, or the headset bridge)."""

    def start(self, endpoint: pj.Endpoint) -> None: ...

    def stop(self) -> None: ...

    def capture_media(self) -> pj.AudioMedia: ...

    def playback_media(self) -> pj.AudioMedia: ...


class MonitorHandler(Protocol):
    """The agent side of monitoring (monitor.MonitorDesk), consulted before a call is a customer call."""

    def claims(self, headers: Headers) -> bool: ...

    def on_incoming(self, account: SipAccount, pjsua_call_id: int, headers: Headers) -> None: ...

    def on_customer_media(self, call_id: str) -> None: ...

    def drop(self) -> None: ...


class TelephonyError(RuntimeError):
    """An operation the engine cannot do now (no such call, not registered, …)."""


def _now() -> datetime:
    return datetime.now(UTC)


def _attempt(action: Callable[[], object]) -> str | None:
    """Run `action`; the text of the pjsua2 error it raised, or None."""
    try:
        action()
    except pj.Error as error:
        return f"{error.title}: {error.reason} ({error.status})"
    return None


class _Endpoint(pj.Endpoint):
    def __init__(self, engine: SipEngine) -> None:
        super().__init__()
        self._engine = engine
        self._errors = engine

    @guarded
    def onTransportState(self, prm: pj.OnTransportStateParam) -> None:
        if prm.state == pj.PJSIP_TP_STATE_DISCONNECTED:
            self._engine.on_transport_disconnected()


class SipEngine:
    """Facade over pjsua2: one SIP account (the agent's extension) and its calls."""

    def __init__(self, config: EngineConfig, audio: AudioDevice) -> None:
        self.config = config
        self._audio = audio
        self._subscribers: list[Subscriber] = []
        self._endpoint: _Endpoint | None = None
        self._transport_ids: dict[str, int] = {}
        self._line = Registration(self._emit, config.retry_delays_s)
        self._agent_id = ""
        self._calls: dict[str, SipCall] = {}
        self._records: dict[str, CallRecord] = {}
        self._recorders: dict[str, CallRecorder] = {}
        self._ended: list[SipCall] = []  # dropped after the callback that ended them returns
        self._monitor: MonitorHandler | None = None

    # ---- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        load_openssl_digests()
        endpoint = _Endpoint(self)
        endpoint.libCreate()
        cfg = pj.EpConfig()
        cfg.uaConfig.threadCnt = 0
        cfg.uaConfig.mainThreadOnly = True
        cfg.uaConfig.maxCalls = self.config.max_calls
        cfg.uaConfig.userAgent = self.config.user_agent
        cfg.logConfig.level = self.config.log_level
        cfg.logConfig.consoleLevel = self.config.log_level
        endpoint.libInit(cfg)
        for name, kind in (("udp", pj.PJSIP_TRANSPORT_UDP), ("tcp", pj.PJSIP_TRANSPORT_TCP)):
            tcfg = pj.TransportConfig()
            tcfg.port = self.config.sip_port
            self._transport_ids[name] = endpoint.transportCreate(kind, tcfg)
        endpoint.libStart()
        for priority, codec in zip(range(255, 0, -1), self.config.codec_priority):
            endpoint.codecSetPriority(codec, priority)
        for codec in self.config.extra_codecs_demoted:
            endpoint.codecSetPriority(codec, 1)
        self._endpoint = endpoint
        self._audio.start(endpoint)

    def shutdown(self, unregister_timeout_s: float = 1.0) -> None:
        """Log out (waiting up to `unregister_timeout_s` for the registrar), then tear down in the
        order pjsua2 needs: calls and media, the account, then the library."""
        endpoint = self._endpoint
        if endpoint is None:
            return
        endpoint.hangupAllCalls()
        if self._monitor is not None:
            self._monitor.drop()
        if unregister_timeout_s > 0 and self._line.state is RegistrationState.REGISTERED:
            self.unregister()
            deadline = time.monotonic() + unregister_timeout_s
            while self._line.state is not RegistrationState.UNREGISTERED and time.monotonic() < deadline:
                self.poll()
                time.sleep(0.005)
        for recorder in self._recorders.values():
            recorder.close()
        self._recorders.clear()
        self._calls.clear()
        self._records.clear()
        self._ended.clear()  # no cycles hold Calls: dropping these references destroys them now
        self._line.drop()
        self._audio.stop()
        endpoint.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
        self._endpoint = None

    def poll(self) -> None:
        """Run pjsua2's pending work; call every ~10 ms from the owning thread."""
        if self._endpoint is None:
            return
        self._endpoint.libHandleEvents(0)
        self._ended.clear()
        self._line.poll()

    # ---- events ----------------------------------------------------------------------------

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Receive every event; returns a function that unsubscribes."""
        self._subscribers.append(subscriber)
        return lambda: self._subscribers.remove(subscriber)

    def _emit(self, event: EngineEvent) -> None:
        for subscriber in list(self._subscribers):
            try:
                subscriber(event)
            except Exception:  # noqa: BLE001 - one broken subscriber must not stop the others
                log.exception("telephony subscriber failed on %r", event)

    def report_error(self, where: str, error: BaseException) -> None:
        self._emit(EngineError(where, f"{type(error).__name__}: {error}", _now()))

    # ---- registration ----------------------------------------------------------------------

    @property
    def registration_state(self) -> RegistrationState:
        return self._line.state

    def register(self, account: AccountConfig, agent_id: str = "") -> None:
        """Log the extension in; the password comes from the keyring (credentials.py)."""
        self._require_endpoint()
        self._agent_id = agent_id
        password = sip_password(account.auth_user or account.username, account.domain)
        if password is None:
            self._line.fail(account.aor, "no SIP password in the keyring")
            return
        transport = self._tls_transport() if account.transport == "tls" else account.transport
        sip_account = SipAccount(self, account)
        acfg = build_account_config(account, password, self._transport_ids[transport])
        failure = _attempt(lambda: sip_account.create(acfg))
        if failure is not None:  # e.g. a malformed registrar address
            del sip_account
            self._line.fail(account.aor, failure)
            return
        self._line.start(sip_account)

    def unregister(self) -> None:
        """Log the extension out (REGISTER with expires 0); UNREGISTERED follows."""
        self._line.unregister()

    def on_reg_state(self, code: int, reason: str, expiration: int) -> None:
        self._line.on_reg_state(code, reason, expiration)

    def on_transport_disconnected(self) -> None:
        self._line.on_transport_disconnected()

    def _tls_transport(self) -> str:
        if "tls" not in self._transport_ids:
            tcfg = pj.TransportConfig()
            tcfg.port = 0
            tcfg.tlsConfig.CaListFile = self.config.tls_ca_file
            self._transport_ids["tls"] = self._require_endpoint().transportCreate(pj.PJSIP_TRANSPORT_TLS, tcfg)
        return "tls"

    # ---- calls -----------------------------------------------------------------------------

    def on_incoming_call(self, account: SipAccount, pjsua_call_id: int, whole_msg: str) -> None:
        headers = parse_headers(whole_msg)
        if self._monitor is not None and self._monitor.claims(headers):
            self._monitor.on_incoming(account, pjsua_call_id, headers)  # no ring, no screen-pop
            return
        call = SipCall(self, account, pjsua_call_id)
        info = call.getInfo()
        call.call_id = info.callIdString
        caller = caller_identity(headers)
        now = _now()
        ivr_trail = header(headers, self.config.ivr_header) or ""
        self._calls[call.call_id] = call
        self._records[call.call_id] = CallRecord(
            call_id=call.call_id,
            direction=Direction.INBOUND,
            local_number=account.config.username,
            remote_number=caller.number,
            remote_name=caller.display_name,
            agent_id=self._agent_id,
            extension=account.config.username,
            ivr_trail=ivr_trail,
            ring_at=now,
        )
        call.answer(op(180))
        self._emit(IncomingCall(call.call_id, caller.number, caller.display_name, ivr_trail, headers, now))
        if self.config.auto_answer:
            self.answer(call.call_id)

    def dial(self, number_or_uri: str) -> str:
        """Call a number or URI; returns the call id (the SIP Call-ID)."""
        account = self._require_account()
        call = SipCall(self, account)
        uri = account.config.target_uri(number_or_uri)
        failure = _attempt(lambda: call.makeCall(uri, op()))
        if failure is not None:
            del call  # no traceback may keep it alive (see _do)
            raise TelephonyError(failure)
        call.call_id = call.getInfo().callIdString
        now = _now()
        remote = parse_party(number_or_uri).number if number_or_uri.startswith("sip") else number_or_uri
        self._calls[call.call_id] = call
        self._records[call.call_id] = CallRecord(
            call_id=call.call_id,
            direction=Direction.OUTBOUND,
            local_number=account.config.username,
            remote_number=remote,
            remote_name="",
            agent_id=self._agent_id,
            extension=account.config.username,
            ivr_trail="",
            ring_at=now,
        )
        self._emit(OutgoingCall(call.call_id, remote, now))
        return call.call_id

    def answer(self, call_id: str) -> None:
        self._do(call_id, lambda call: call.answer(op(200)))

    def reject(self, call_id: str, busy: bool = True) -> None:
        """Refuse a ringing call: 486 Busy Here, or 603 Decline."""
        self._record(call_id).hung_up_by = HungUpBy.AGENT
        self._do(call_id, lambda call: call.hangup(op(486 if busy else 603)))

    def hangup(self, call_id: str) -> None:
        record = self._records.get(call_id)
        if record is not None and record.hung_up_by is None:
            record.hung_up_by = HungUpBy.AGENT
        self._do(call_id, lambda call: call.hangup(op()))

    def send_dtmf(self, call_id: str, digits: str) -> None:
        """Send digits as RFC 2833 telephone-events in the RTP stream."""
        self._do(call_id, lambda call: call.dialDtmf(digits))

    def hold(self, call_id: str) -> None:
        self._do(call_id, SipCall.hold)

    def resume(self, call_id: str) -> None:
        self._do(call_id, SipCall.resume)

    def transfer(self, call_id: str, target: str) -> None:
        """Blind transfer (REFER); the agent's leg ends when the far end reports success."""
        record = self._record(call_id)
        account = self._require_account()
        record.transfer_kind = TransferKind.BLIND
        uri = account.config.target_uri(target)
        self._do(call_id, lambda call: call.xfer(uri, op()))

    def consult(self, call_id: str, target: str) -> str:
        """Attended transfer, step 1: hold the caller and call the target; returns the consult call id."""
        record = self._record(call_id)
        if record.media_status is not MediaStatus.LOCAL_HOLD:
            self.hold(call_id)
        consult_id = self.dial(target)
        self._records[consult_id].consult_for = call_id
        return consult_id

    def complete_transfer(self, consult_id: str) -> None:
        """Attended transfer, step 2: connect the caller with the consulted party (REFER/Replaces)."""
        original_id = self._consulted_call(consult_id)
        self._records[original_id].transfer_kind = TransferKind.ATTENDED
        self._records[consult_id].transfer_kind = TransferKind.ATTENDED
        self._do(original_id, lambda call: call.xferReplaces(self._call(consult_id), op()))

    def cancel_consult(self, consult_id: str) -> None:
        """Attended transfer aborted: end the consult call and take the caller off hold."""
        original_id = self._consulted_call(consult_id)
        self.hangup(consult_id)
        self.resume(original_id)

    def calls(self) -> list[str]:
        return list(self._calls)

    def on_call_state(self, call: SipCall, state: CallState, code: int, reason: str) -> None:
        record = self._records.get(call.call_id)
        if record is None:
            return
        now = _now()
        if state is CallState.CONFIRMED and record.answer_at is None:
            record.answer_at = now
        self._emit(CallStateChanged(call.call_id, record.direction, state, code, reason, now))
        if state is CallState.DISCONNECTED:
            self._finish_call(call, record, code, now)

    def _finish_call(self, call: SipCall, record: CallRecord, code: int, now: datetime) -> None:
        recorder = self._recorders.pop(call.call_id, None)
        if recorder is not None:
            recorder.close()
        if record.transfer_kind is TransferKind.ATTENDED and record.consult_for is not None:
            record.hung_up_by = HungUpBy.TRANSFER  # the consulted party replaced this leg
        self._emit(record.summary(now, code))
        self._records.pop(call.call_id, None)
        self._ended.append(self._calls.pop(call.call_id))

    def on_call_media(self, call: SipCall, status: MediaStatus, audio: pj.AudioMedia | None) -> None:
        record = self._records.get(call.call_id)
        if record is None:
            return
        was_held = record.media_status is MediaStatus.LOCAL_HOLD
        record.media_status = status
        if audio is not None:
            self._wire_audio(call, record, audio)
            if self._monitor is not None:
                self._monitor.on_customer_media(call.call_id)
        now = _now()
        self._emit(MediaStateChanged(call.call_id, status, now))
        if was_held != (status is MediaStatus.LOCAL_HOLD):
            self._emit(HoldChanged(call.call_id, not was_held, now))

    def _wire_audio(self, call: SipCall, record: CallRecord, audio: pj.AudioMedia) -> None:
        """Connect call ↔ headset, and the recorder; slots change after hold, so on every change."""
        capture = self._audio.capture_media()
        audio.startTransmit(self._audio.playback_media())
        capture.startTransmit(audio)
        if not self.config.record_calls or self.config.recordings_dir is None:
            return
        recorder = self._recorders.get(call.call_id)
        if recorder is None:
            path = recording_path(
                self.config.recordings_dir, _now(), record.direction.value, record.remote_number
            )
            recorder = self._recorders[call.call_id] = CallRecorder(path)
            record.recording_path = str(path)
        recorder.attach(audio, capture)

    def on_transfer_status(self, call: SipCall, code: int, reason: str, final: bool) -> None:
        record = self._records.get(call.call_id)
        if record is None or record.transfer_kind is None:
            return
        progress = TransferProgress(call.call_id, record.transfer_kind, code, reason, final, _now())
        self._emit(progress)
        if progress.succeeded:
            record.hung_up_by = HungUpBy.TRANSFER
            call.hangup(op())
        elif final:
            record.transfer_kind = None

    # ---- monitoring (monitor.py) -----------------------------------------------------------

    def attach_monitor(self, handler: MonitorHandler) -> None:
        """Let `handler` take monitor INVITEs before they become customer calls."""
        self._monitor = handler

    def sip_account(self) -> SipAccount:
        """The registered line, for calls the engine does not track itself (monitor calls)."""
        return self._require_account()

    @property
    def audio_device(self) -> AudioDevice:
        return self._audio

    def call_audio(self, call_id: str) -> pj.AudioMedia | None:
        """The conference-bridge port of a live call with active media, else None."""
        call = self._calls.get(call_id)
        record = self._records.get(call_id)
        if call is None or record is None or record.media_status is not MediaStatus.ACTIVE:
            return None
        info = call.getInfo()  # kept in a variable: SWIG's `.media` of a temporary points at freed memory
        for media in info.media:
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                return call.getAudioMedia(media.index)
        return None

    # ---- helpers ---------------------------------------------------------------------------

    def _do(self, call_id: str, action: Callable[[SipCall], object]) -> None:
        """Run a pjsua2 operation on a call; its failure becomes a TelephonyError.

        The error is raised after the pjsua2 frames are gone: a traceback that still referenced
        the Call would keep it alive past libDestroy, and its destructor then aborts the process.
        """
        failure = _attempt(lambda: action(self._call(call_id)))
        if failure is not None:
            raise TelephonyError(failure)

    def _record(self, call_id: str) -> CallRecord:
        try:
            return self._records[call_id]
        except KeyError:
            raise TelephonyError(f"no call {call_id!r}") from None

    def _call(self, call_id: str) -> SipCall:
        try:
            return self._calls[call_id]
        except KeyError:
            raise TelephonyError(f"no call {call_id!r}") from None

    def _consulted_call(self, consult_id: str) -> str:
        record = self._records.get(consult_id)
        if record is None or record.consult_for is None or record.consult_for not in self._calls:
            raise TelephonyError(f"{consult_id!r} is not a consult call of a live call")
        return record.consult_for

    def _require_endpoint(self) -> pj.Endpoint:
        if self._endpoint is None:
            raise TelephonyError("the engine is not started")
        return self._endpoint

    def _require_account(self) -> SipAccount:
        if self._line.account is None:
            raise TelephonyError("no SIP account: register first")
        return self._line.account
