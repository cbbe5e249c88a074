"""A separate pjsua2 process with one or more registered phones, for the telephony tests.

Separate because the pjsua2-python wheel allows only 4 calls per process, and an attended
transfer needs 6 call legs in all. Every phone auto-answers, handles REFER (also with Replaces)
and being replaced, and reports what happens as JSON lines on stdout. Commands on stdin, one per
line: `dial <user> <uri>`, `hangup <user>`, `quit`.

Usage: pjsua_phone.py <proxy host:port> <domain> <user>:<password> [...]
"""

from __future__ import annotations

import json
import select
import sys

import pjsua2 as pj

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[3]))
from agent_app.telephony.openssl_digests import load_openssl_digests  # noqa: E402

STATES = {
    pj.PJSIP_INV_STATE_CALLING: "calling",
    pj.PJSIP_INV_STATE_INCOMING: "incoming",
    pj.PJSIP_INV_STATE_EARLY: "early",
    pj.PJSIP_INV_STATE_CONNECTING: "connecting",
    pj.PJSIP_INV_STATE_CONFIRMED: "confirmed",
    pj.PJSIP_INV_STATE_DISCONNECTED: "disconnected",
}


def report(**event: object) -> None:
    print(json.dumps(event), flush=True)


class PhoneCall(pj.Call):
    def __init__(self, phone: Phone, call_id: int = pj.PJSUA_INVALID_ID) -> None:
        super().__init__(phone, call_id)
        self.phone = phone

    def onCallState(self, prm: pj.OnCallStateParam) -> None:
        try:
            info = self.getInfo()
            report(ev="call", user=self.phone.user, id=info.callIdString, state=STATES[info.state],
                   remote=info.remoteUri, code=info.lastStatusCode)  # fmt: skip
            if info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
                self.phone.ended.append(self)
        except Exception as error:  # noqa: BLE001
            report(ev="error", user=self.phone.user, error=repr(error))

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:
        for media in self.getInfo().media:
            if media.type == pj.PJMEDIA_TYPE_AUDIO:
                report(ev="media", user=self.phone.user, dir=media.dir, status=media.status)

    def onDtmfDigit(self, prm: pj.OnDtmfDigitParam) -> None:
        report(ev="dtmf", user=self.phone.user, digit=prm.digit)

    def onCallTransferRequest(self, prm: pj.OnCallTransferRequestParam) -> None:
        report(ev="refer", user=self.phone.user, target=prm.dstUri)
        prm.newCall = self.phone.keep(PhoneCall(self.phone))

    def onCallReplaced(self, prm: pj.OnCallReplacedParam) -> None:
        report(ev="replaced", user=self.phone.user)
        prm.newCall = self.phone.keep(PhoneCall(self.phone, prm.newCallId))


class Phone(pj.Account):
    def __init__(self, user: str, password: str, proxy: str, domain: str) -> None:
        super().__init__()
        self.user = user
        self.calls: list[PhoneCall] = []
        self.ended: list[PhoneCall] = []
        cfg = pj.AccountConfig()
        cfg.idUri = f"sip:{user}@{domain}"
        cfg.regConfig.registrarUri = f"sip:{proxy}"
        cfg.sipConfig.proxies.append(f"sip:{proxy};lr")
        cfg.sipConfig.authCreds.append(pj.AuthCredInfo("digest", "*", user, 0, password))
        self.create(cfg)

    def keep(self, call: PhoneCall) -> PhoneCall:
        self.calls.append(call)
        return call

    def onRegState(self, prm: pj.OnRegStateParam) -> None:
        report(ev="reg", user=self.user, code=prm.code, expires=prm.expiration)

    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:
        call = self.keep(PhoneCall(self, prm.callId))
        answer = pj.CallOpParam()
        answer.statusCode = 200
        call.answer(answer)

    def forget_ended(self) -> None:
        for call in self.ended:
            if call in self.calls:
                self.calls.remove(call)
        self.ended.clear()


def main() -> None:
    proxy, domain, *accounts = sys.argv[1:]
    load_openssl_digests()
    endpoint = pj.Endpoint()
    endpoint.libCreate()
    cfg = pj.EpConfig()
    cfg.uaConfig.threadCnt = 0
    cfg.uaConfig.mainThreadOnly = True
    cfg.logConfig.level = 0
    cfg.logConfig.consoleLevel = 0
    endpoint.libInit(cfg)
    endpoint.transportCreate(pj.PJSIP_TRANSPORT_UDP, pj.TransportConfig())
    endpoint.libStart()
    endpoint.audDevManager().setNullDev()
    endpoint.codecSetPriority("PCMA/8000", 255)
    phones = {a.split(":")[0]: Phone(*a.split(":", 1), proxy, domain) for a in accounts}
    running = True
    while running:
        endpoint.libHandleEvents(10)
        for phone in phones.values():
            phone.forget_ended()
        if select.select([sys.stdin], [], [], 0)[0]:
            command = sys.stdin.readline().split()
            if not command or command[0] == "quit":
                running = False
            elif command[0] == "dial":
                phone = phones[command[1]]
                phone.keep(PhoneCall(phone)).makeCall(command[2], pj.CallOpParam(True))
            elif command[0] == "hangup":
                endpoint.hangupAllCalls()
    endpoint.hangupAllCalls()
    for phone in phones.values():
        phone.calls.clear()
        phone.ended.clear()
        phone.shutdown()
    endpoint.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)


if __name__ == "__main__":
    main()
