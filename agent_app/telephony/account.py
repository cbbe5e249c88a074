"""The agent's SIP line: a pjsua2 Account that forwards its callbacks to the engine."""

from __future__ import annotations

from typing import Protocol

import pjsua2 as pj

from .config import AccountConfig
from .guard import ErrorSink, guarded


class AccountListener(ErrorSink, Protocol):
    def on_reg_state(self, code: int, reason: str, expiration: int) -> None: ...

    def on_incoming_call(self, account: SipAccount, pjsua_call_id: int, whole_msg: str) -> None: ...


def build_account_config(config: AccountConfig, password: str, transport_id: int) -> pj.AccountConfig:
    acfg = pj.AccountConfig()
    acfg.idUri = config.id_uri()
    acfg.regConfig.registrarUri = config.registrar_uri()
    acfg.regConfig.timeoutSec = config.register_expires_s
    acfg.regConfig.registerOnAdd = False
    # pjsua's own retry would also retry a wrong password every few minutes; the engine decides.
    acfg.regConfig.retryIntervalSec = 0
    acfg.regConfig.firstRetryIntervalSec = 0
    acfg.regConfig.dropCallsOnFail = False
    acfg.sipConfig.transportId = transport_id
    proxy = config.proxy_uri()
    if proxy:
        acfg.sipConfig.proxies.append(proxy)
    acfg.sipConfig.authCreds.append(
        pj.AuthCredInfo("digest", "*", config.auth_user or config.username, 0, password)
    )
    return acfg


class SipAccount(pj.Account):
    def __init__(self, listener: AccountListener, config: AccountConfig) -> None:
        super().__init__()
        self._listener = listener
        self._errors = listener
        self.config = config

    @guarded
    def onRegState(self, prm: pj.OnRegStateParam) -> None:
        self._listener.on_reg_state(prm.code, prm.reason, prm.expiration)

    @guarded
    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:
        self._listener.on_incoming_call(self, prm.callId, prm.rdata.wholeMsg)
