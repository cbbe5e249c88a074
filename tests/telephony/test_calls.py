"""Incoming calls from a SIPp caller through Kamailio to the agent's engine."""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path

import pytest

from agent_app.telephony.config import EngineConfig
from agent_app.telephony.engine import SipEngine
from agent_app.telephony.events import (
    CallState,
    CallStateChanged,
    CallSummary,
    Direction,
    HoldChanged,
    HungUpBy,
    IncomingCall,
    MediaStateChanged,
    MediaStatus,
    TransferKind,
    TransferProgress,
)

from .conftest import AGENT, Recorder, Sipp, wait_sipp

pytestmark = pytest.mark.telephony


def ring(events: Recorder, sipp: Callable[..., Sipp], scenario: str) -> tuple[Sipp, IncomingCall]:
    run = sipp(scenario)
    events.wait_until(lambda: bool(events.of(IncomingCall)) or run.finished(), what="the call to ring")
    assert events.of(IncomingCall), run.report()
    return run, events.of(IncomingCall)[0]


def answer(engine: SipEngine, events: Recorder, incoming: IncomingCall) -> None:
    engine.answer(incoming.call_id)
    events.wait_for(CallStateChanged, lambda e: e.call_id == incoming.call_id and e.state is CallState.CONFIRMED)


def test_incoming_call_shows_caller_and_ivr_trail_and_caller_hangs_up(
    registered: SipEngine, events: Recorder, sipp: Callable[..., Sipp]
) -> None:
    run, incoming = ring(events, sipp, "caller_hangs_up.xml")

    assert incoming.number == "13912345678"  # from P-Asserted-Identity, not From (13800138000)
    assert incoming.display_name == "张三"
    assert incoming.ivr_trail == "welcome>water-supply>billing>agent"
    assert incoming.header("subject") == "Agent Desk test call"

    registered.answer(incoming.call_id)
    wait_sipp(events, run)
    summary = events.wait_for(CallSummary)

    assert summary.call_id == incoming.call_id
    assert summary.direction is Direction.INBOUND
    assert summary.hung_up_by is HungUpBy.REMOTE
    assert summary.answered and not summary.missed
    assert summary.remote_number == "13912345678"
    assert (summary.local_number, summary.extension, summary.agent_id) == (AGENT, AGENT, "A0042")
    assert summary.ivr_trail == "welcome>water-supply>billing>agent"
    assert summary.ring_at <= summary.answer_at <= summary.end_at  # type: ignore[operator]


def test_agent_hangs_up_and_the_call_is_recorded(
    registered: SipEngine, events: Recorder, sipp: Callable[..., Sipp]
) -> None:
    run, incoming = ring(events, sipp, "caller_waits_for_bye.xml")
    answer(registered, events, incoming)
    events.wait_for(MediaStateChanged, lambda e: e.status is MediaStatus.ACTIVE)
    events.pump(0.5)  # let half a second of audio reach the recorder

    registered.hangup(incoming.call_id)
    wait_sipp(events, run)
    summary = events.wait_for(CallSummary)

    assert summary.hung_up_by is HungUpBy.AGENT
    assert summary.recording_path is not None
    path = Path(summary.recording_path)

    def readable_wav() -> bool:
        try:
            with wave.open(str(path)) as wav:
                return wav.getnframes() > 0
        except (OSError, EOFError, wave.Error):
            return False

    events.wait_until(readable_wav, 5, "the WAV header")  # written just after the recorder goes
    with wave.open(str(path)) as wav:
        assert wav.getframerate() > 0 and wav.getsampwidth() == 2
        assert wav.getnframes() / wav.getframerate() > 0.2


def test_caller_giving_up_while_ringing_is_a_missed_call(
    registered: SipEngine, events: Recorder, sipp: Callable[..., Sipp]
) -> None:
    run, incoming = ring(events, sipp, "caller_gives_up.xml")
    wait_sipp(events, run)
    summary = events.wait_for(CallSummary)

    assert summary.call_id == incoming.call_id
    assert summary.missed and not summary.answered
    assert summary.hung_up_by is HungUpBy.REMOTE
    assert summary.recording_path is None


def test_hold_and_resume_are_seen_by_the_caller(
    registered: SipEngine, events: Recorder, sipp: Callable[..., Sipp]
) -> None:
    run, incoming = ring(events, sipp, "caller_put_on_hold.xml")
    answer(registered, events, incoming)

    registered.hold(incoming.call_id)
    events.wait_for(HoldChanged, lambda e: e.on_hold)
    registered.resume(incoming.call_id)
    events.wait_for(HoldChanged, lambda e: not e.on_hold)
    registered.hangup(incoming.call_id)

    wait_sipp(events, run)  # SIPp checked a=sendonly, then a=sendrecv, in the re-INVITEs
    assert [e.on_hold for e in events.of(HoldChanged)] == [True, False]


def test_blind_transfer_ends_the_agents_leg(
    registered: SipEngine, events: Recorder, sipp: Callable[..., Sipp]
) -> None:
    run, incoming = ring(events, sipp, "caller_transferred.xml")
    answer(registered, events, incoming)

    registered.transfer(incoming.call_id, "2001")
    wait_sipp(events, run)  # SIPp saw the REFER to 2001, reported 200 OK, then got the BYE
    summary = events.wait_for(CallSummary)

    final = [e for e in events.of(TransferProgress) if e.final]
    assert len(final) == 1 and final[0].succeeded and final[0].kind is TransferKind.BLIND
    assert summary.hung_up_by is HungUpBy.TRANSFER
    assert registered.calls() == []


def test_reject_sends_busy(registered: SipEngine, events: Recorder, sipp: Callable[..., Sipp]) -> None:
    run, incoming = ring(events, sipp, "caller_waits_for_bye.xml")
    registered.reject(incoming.call_id)
    summary = events.wait_for(CallSummary)
    events.wait_until(run.finished, 10, "SIPp to finish")

    assert summary.end_code == 486
    assert summary.missed and summary.hung_up_by is HungUpBy.AGENT
    assert "486" in run.report()  # the caller got Busy Here (SIPp counts it as unexpected)


def test_outgoing_call_offers_pcma_pcmu_g722_first(
    registered: SipEngine, events: Recorder, sipp: Callable[..., Sipp]
) -> None:
    run = sipp("callee_checks_offer.xml")
    call_id = registered.dial(f"sip:callee@127.0.0.1:{run.port}")
    events.wait_for(CallStateChanged, lambda e: e.call_id == call_id and e.state is CallState.CONFIRMED)
    registered.hangup(call_id)
    wait_sipp(events, run)  # SIPp checked "RTP/AVP 8 0 9 " in the offer

    summary = events.wait_for(CallSummary)
    assert summary.direction is Direction.OUTBOUND and summary.remote_number == "callee"


@pytest.mark.parametrize("engine_config", [EngineConfig(auto_answer=True)])
def test_auto_answer_picks_up_without_the_agent(
    registered: SipEngine, events: Recorder, sipp: Callable[..., Sipp]
) -> None:
    run = sipp("caller_hangs_up.xml")
    wait_sipp(events, run)
    assert events.wait_for(CallSummary).answered
