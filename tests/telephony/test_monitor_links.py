"""The pure parts of monitoring: which bridge links each mode adds, and the request headers."""

from __future__ import annotations

from agent_app.telephony.monitor import (
    MonitorMode,
    Port,
    bridge_links,
    feature_code_target,
    is_monitor_request,
    link_changes,
    parse_request,
    request_headers,
)

C, S, MIC, EAR = Port.CALLER, Port.SUPERVISOR, Port.AGENT_MIC, Port.AGENT_EAR


def hears(mode: MonitorMode, sink: Port) -> set[Port]:
    return {source for source, to in bridge_links(mode) if to is sink}


def test_listen_the_supervisor_hears_caller_and_agent_nobody_hears_the_supervisor():
    assert hears(MonitorMode.LISTEN, S) == {C, MIC}
    assert not {link for link in bridge_links(MonitorMode.LISTEN) if link[0] is S}


def test_whisper_the_agent_hears_the_supervisor_the_caller_does_not():
    assert hears(MonitorMode.WHISPER, EAR) == {S}
    assert hears(MonitorMode.WHISPER, C) == set()
    assert hears(MonitorMode.WHISPER, S) == {C, MIC}


def test_barge_everybody_hears_everybody():
    assert hears(MonitorMode.BARGE, C) == {S}
    assert hears(MonitorMode.BARGE, EAR) == {S}
    assert hears(MonitorMode.BARGE, S) == {C, MIC}


def test_switching_modes_starts_and_stops_only_the_difference():
    start, stop = link_changes(MonitorMode.LISTEN, MonitorMode.BARGE)
    assert start == {(S, EAR), (S, C)} and stop == set()
    start, stop = link_changes(MonitorMode.BARGE, MonitorMode.WHISPER)
    assert start == set() and stop == {(S, C)}
    start, stop = link_changes(MonitorMode.WHISPER, None)
    assert start == set() and stop == bridge_links(MonitorMode.WHISPER)


def test_request_headers_round_trip_and_malformed_values_are_kept_as_refusable():
    headers = tuple(request_headers(MonitorMode.WHISPER, 7, "abc@host"))
    assert is_monitor_request(headers)
    request = parse_request(headers)
    assert (request.mode, request.supervisor_user_id, request.agent_call_id) == (MonitorMode.WHISPER, 7, "abc@host")
    bad = parse_request((("x-agentdesk-monitor", "shout"), ("X-AgentDesk-Supervisor", "seven")))
    assert (bad.mode, bad.supervisor_user_id, bad.mode_text) == (None, 0, "shout")
    assert not is_monitor_request((("From", "<sip:1@x>"),))


def test_feature_code_mode_builds_the_number_to_dial():
    assert feature_code_target("*22{mode_digit}{extension}", MonitorMode.BARGE, "8001") == "*2238001"
    assert feature_code_target("spy-{mode}-{extension}", MonitorMode.LISTEN, "8001") == "spy-listen-8001"
