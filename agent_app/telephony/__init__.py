"""The softphone engine: pjsua2 behind a small facade that reports plain event objects.

    engine = SipEngine(EngineConfig(...), NullAudio())   # or the headset bridge from audio/
    engine.start()
    engine.subscribe(callback)            # every event of events.py, on the polling thread
    engine.register(AccountConfig(...), agent_id="A0042")  # password from credentials.py
    ... engine.poll() every 10 ms (EngineBridge in qt_adapter.py does it from a QTimer) ...
    engine.shutdown()

Calls are named by their SIP Call-ID (`IncomingCall.call_id`). `AgentStateMachine`
(agent_state.py) turns call events into the agent's ready / not ready / after-call-work state.
pjsua2 allows one Endpoint per process, hence one started SipEngine at a time.
Nothing here imports Qt widgets.
"""
