"""One SIP call: a pjsua2 Call that forwards its callbacks to the engine."""

from __future__ import annotations

from typing import Protocol

import pjsua2 as pj

from .events import CallState, MediaStatus
from .guard import ErrorSink, guarded

CALL_STATES = {
    pj.PJSIP_INV_STATE_CALLING: CallState.CALLING,
    pj.PJSIP_INV_STATE_INCOMING: CallState.INCOMING,
    pj.PJSIP_INV_STATE_EARLY: CallState.EARLY,
    pj.PJSIP_INV_STATE_CONNECTING: CallState.CONNECTING,
    pj.PJSIP_INV_STATE_CONFIRMED: CallState.CONFIRMED,
    pj.PJSIP_INV_STATE_DISCONNECTED: CallState.DISCONNECTED,
}

MEDIA_STATUSES = {
    pj.PJSUA_CALL_MEDIA_NONE: MediaStatus.NONE,
    pj.PJSUA_CALL_MEDIA_ACTIVE: MediaStatus.ACTIVE,
    pj.PJSUA_CALL_MEDIA_LOCAL_HOLD: MediaStatus.LOCAL_HOLD,
    pj.PJSUA_CALL_MEDIA_REMOTE_HOLD: MediaStatus.REMOTE_HOLD,
    pj.PJSUA_CALL_MEDIA_ERROR: MediaStatus.ERROR,
}


class CallListener(ErrorSink, Protocol):
    def on_call_state(self, call: SipCall, state: CallState, code: int, reason: str) -> None: ...

    def on_call_media(self, call: SipCall, status: MediaStatus, audio: pj.AudioMedia | None) -> None: ...

    def on_transfer_status(self, call: SipCall, code: int, reason: str, final: bool) -> None: ...


def op(status_code: int = 0) -> pj.CallOpParam:
    prm = pj.CallOpParam(True)
    if status_code:
        prm.statusCode = status_code
    return prm


class SipCall(pj.Call):
    def __init__(self, listener: CallListener, account: pj.Account, pjsua_call_id: int = pj.PJSUA_INVALID_ID) -> None:
        super().__init__(account, pjsua_call_id)
        self._listener = listener
        self._errors = listener
        self.call_id = ""  # the SIP Call-ID, known once the call exists in pjsua

    @guarded
    def onCallState(self, prm: pj.OnCallStateParam) -> None:
        info = self.getInfo()
        self._listener.on_call_state(self, CALL_STATES[info.state], info.lastStatusCode, info.lastReason)

    @guarded
    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:
        info = self.getInfo()
        for media in info.media:
            if media.type != pj.PJMEDIA_TYPE_AUDIO:
                continue
            status = MEDIA_STATUSES.get(media.status, MediaStatus.ERROR)
            has_audio = media.status in (pj.PJSUA_CALL_MEDIA_ACTIVE, pj.PJSUA_CALL_MEDIA_REMOTE_HOLD)
            audio = self.getAudioMedia(media.index) if has_audio else None
            self._listener.on_call_media(self, status, audio)
            return

    @guarded
    def onCallTransferStatus(self, prm: pj.OnCallTransferStatusParam) -> None:
        self._listener.on_transfer_status(self, prm.statusCode, prm.reason, prm.finalNotify)

    def hold(self) -> None:
        self.setHold(op())

    def resume(self) -> None:
        prm = op()
        prm.opt.flag = pj.PJSUA_CALL_UNHOLD
        self.reinvite(prm)
