"""One party of a monitored call in its own process (one pjsua2 Endpoint per process): the real
SipEngine + MonitorDesk, with a "mouth" that says one tone and an "ear" that keeps what it hears.

Roles: `agent` auto-answers customers (SIPp callers) and answers monitor requests through
AgentMonitorGlue (the monitoring service on the database given with --db); `supervisor` starts
monitor sessions. Events are JSON lines on stdout; commands are JSON lines on stdin:
    {"cmd": "monitor", "to": "1001", "mode": "listen", "supervisor": 7, "call": ""}
    {"cmd": "switch", "mode": "whisper"}     {"cmd": "stop"}     {"cmd": "hangup"}
    {"cmd": "hear", "seconds": 1.0}   → {"ev": "heard", "levels": {"500": amplitude, ...}}
    {"cmd": "quit"}

Usage: monitor_peer.py --role R --user U --password P --proxy host:port --domain D --tone HZ
       [--db URL --account A]
"""

from __future__ import annotations

import argparse
import json
import select
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pjsua2 as pj

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import keyring  # noqa: E402

from agent_app.telephony.audio.ports import audio_format  # noqa: E402
from agent_app.telephony.config import AccountConfig, EngineConfig  # noqa: E402
from agent_app.telephony.credentials import store_sip_password  # noqa: E402
from agent_app.telephony.engine import SipEngine  # noqa: E402
from agent_app.telephony.events import CallStateChanged, IncomingCall, RegistrationChanged  # noqa: E402
from agent_app.telephony.monitor import (  # noqa: E402
    MonitorDesk,
    MonitorEnded,
    MonitorMode,
    MonitorModeChanged,
    MonitorRefused,
    MonitorStarted,
)
from tests.fixtures.keyring_memory import MemoryKeyring  # noqa: E402
from tests.telephony.tones import levels  # noqa: E402

RATE = 16000


def report(**event: Any) -> None:
    print(json.dumps(event, default=str), flush=True)


class Ear(pj.AudioMediaPort):
    """A sink port that keeps the last few seconds it received (called on the media thread)."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._chunks: list[np.ndarray] = []

    def onFrameReceived(self, frame: pj.MediaFrame) -> None:
        try:
            if frame.type == pj.PJMEDIA_FRAME_TYPE_AUDIO and frame.size:
                samples = np.frombuffer(bytes(tuple(frame.buf)), dtype=np.int16).copy()
                with self._lock:
                    self._chunks.append(samples)
                    del self._chunks[:-250]
        except Exception as error:  # noqa: BLE001
            report(ev="error", where="ear", error=repr(error))

    def onFrameRequested(self, frame: pj.MediaFrame) -> None:
        frame.type = pj.PJMEDIA_FRAME_TYPE_NONE

    def clear(self) -> None:
        with self._lock:
            self._chunks.clear()

    def samples(self) -> np.ndarray:
        with self._lock:
            return np.concatenate(self._chunks) if self._chunks else np.zeros(0, dtype=np.int16)


class ToneAudio:
    """The engine's audio device: a tone generator as microphone, an Ear as speaker."""

    def __init__(self, frequency: int) -> None:
        self.frequency = frequency
        self.mouth: pj.ToneGenerator | None = None
        self.ear: Ear | None = None

    def start(self, endpoint: pj.Endpoint) -> None:
        endpoint.audDevManager().setNullDev()
        self.mouth = pj.ToneGenerator()
        self.mouth.createToneGenerator(RATE)
        tone = pj.ToneDesc()
        tone.freq1 = tone.freq2 = self.frequency
        tone.on_msec, tone.off_msec, tone.volume = 10_000, 0, 0
        tones = pj.ToneDescVector()
        tones.append(tone)
        self.mouth.play(tones, True)
        self.ear = Ear()
        self.ear.createPort("ear", audio_format(RATE))

    def stop(self) -> None:
        if self.mouth is not None:
            self.mouth.stop()
        self.mouth = None
        self.ear = None

    def capture_media(self) -> pj.AudioMedia:
        assert self.mouth is not None
        return self.mouth

    def playback_media(self) -> pj.AudioMedia:
        assert self.ear is not None
        return self.ear


def agent_glue(db: str, account: str):  # noqa: ANN201
    from agent_app.services.actors import actor_for_account
    from agent_app.services.app import Services
    from agent_app.ui.supervisor.monitor_glue import AgentMonitorGlue

    services = Services.open(db)
    with services.uow() as uow:
        actor = actor_for_account(uow.session, account)
    return services, AgentMonitorGlue(services.monitoring, actor)


def main() -> None:
    parser = argparse.ArgumentParser()
    for name in ("role", "user", "password", "proxy", "domain", "db", "account"):
        parser.add_argument(f"--{name}", default="")
    parser.add_argument("--tone", type=int, required=True)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    store_sip_password(args.user, args.domain, args.password)
    audio = ToneAudio(args.tone)
    engine = SipEngine(EngineConfig(auto_answer=args.role == "agent"), audio)
    engine.start()
    services = None
    if args.role == "agent":
        services, glue = agent_glue(args.db, args.account)
        desk = MonitorDesk(engine, glue.authorise)
        glue.attach(desk)
    else:
        desk = MonitorDesk(engine, lambda _request: False)
    monitor_call = ""

    def on_engine(event: Any) -> None:
        if isinstance(event, RegistrationChanged):
            report(ev="reg", state=event.state.value)
        elif isinstance(event, IncomingCall):
            report(ev="incoming", call=event.call_id)
        elif isinstance(event, CallStateChanged):
            report(ev="call", call=event.call_id, state=event.state.value, code=event.sip_code)

    def on_monitor(event: Any) -> None:
        if isinstance(event, MonitorStarted):
            report(ev="monitor_started", side=event.side, mode=event.mode.value, call=event.monitor_call_id)
        elif isinstance(event, MonitorModeChanged):
            report(ev="monitor_mode", side=event.side, mode=event.mode.value)
        elif isinstance(event, MonitorEnded):
            report(ev="monitor_ended", side=event.side, code=event.code)
        elif isinstance(event, MonitorRefused):
            report(ev="monitor_refused", code=event.code, supervisor=event.request.supervisor_user_id)

    engine.subscribe(on_engine)
    desk.subscribe(on_monitor)
    engine.register(AccountConfig(registrar=args.proxy, proxy=args.proxy, username=args.user, domain=args.domain))
    listening_until = 0.0
    running = True
    while running:
        engine.poll()
        if listening_until and time.monotonic() >= listening_until:
            assert audio.ear is not None
            report(ev="heard", levels=levels(audio.ear.samples(), RATE))
            listening_until = 0.0
        if not select.select([sys.stdin], [], [], 0.005)[0]:
            continue
        line = sys.stdin.readline()
        if not line:
            break
        command = json.loads(line)
        try:
            match command["cmd"]:
                case "monitor":
                    monitor_call = desk.start(command["to"], command.get("call", ""), MonitorMode(command["mode"]),
                                              int(command["supervisor"]))
                case "switch":
                    desk.switch(monitor_call, MonitorMode(command["mode"]))
                case "stop":
                    desk.stop(monitor_call)
                case "hangup":
                    for call_id in engine.calls():
                        engine.hangup(call_id)
                case "hear":
                    assert audio.ear is not None
                    audio.ear.clear()
                    listening_until = time.monotonic() + float(command.get("seconds", 1.0))
                case "quit":
                    running = False
        except Exception as error:  # noqa: BLE001 - reported, the test decides
            report(ev="error", cmd=command["cmd"], error=repr(error))
    engine.shutdown(unregister_timeout_s=0)
    if services is not None:
        services.close()
    report(ev="bye")


if __name__ == "__main__":
    main()
