"""Calls between the agent's engine and other pjsua2 phones: dialling, DTMF, attended transfer."""

from __future__ import annotations

import pytest

from agent_app.telephony.engine import SipEngine
from agent_app.telephony.events import (
    CallState,
    CallStateChanged,
    CallSummary,
    Direction,
    HoldChanged,
    HungUpBy,
    IncomingCall,
    OutgoingCall,
    TransferKind,
    TransferProgress,
)

from .conftest import DOMAIN, PhoneProcess, Recorder

pytestmark = pytest.mark.telephony


def confirmed(events: Recorder, call_id: str) -> None:
    events.wait_for(CallStateChanged, lambda e: e.call_id == call_id and e.state is CallState.CONFIRMED)


def customer_calls_agent(engine: SipEngine, events: Recorder, phones: PhoneProcess) -> IncomingCall:
    phones.dial("1002", f"sip:1001@{DOMAIN}")
    incoming = events.wait_for(IncomingCall)
    engine.answer(incoming.call_id)
    confirmed(events, incoming.call_id)
    return incoming


def test_dial_out_and_send_dtmf(registered: SipEngine, events: Recorder, phones: PhoneProcess) -> None:
    call_id = registered.dial("1002")
    assert events.wait_for(OutgoingCall).number == "1002"
    confirmed(events, call_id)

    registered.send_dtmf(call_id, "12#")
    heard = lambda: "".join(e["digit"] for e in phones.seen(ev="dtmf", user="1002"))  # noqa: E731
    events.wait_until(lambda: heard() == "12#", what="the customer to hear 12#")
    registered.hangup(call_id)
    summary = events.wait_for(CallSummary)

    assert summary.direction is Direction.OUTBOUND
    assert summary.remote_number == "1002"
    assert summary.answered and summary.hung_up_by is HungUpBy.AGENT
    events.wait_until(lambda: bool(phones.seen(ev="call", user="1002", state="disconnected")), what="hang-up")


def test_attended_transfer_connects_caller_and_colleague(
    registered: SipEngine, events: Recorder, phones: PhoneProcess
) -> None:
    incoming = customer_calls_agent(registered, events, phones)
    assert incoming.number == "1002"

    consult_id = registered.consult(incoming.call_id, "1003")
    confirmed(events, consult_id)
    assert registered.calls() == [incoming.call_id, consult_id]
    registered.complete_transfer(consult_id)

    for call_id in (incoming.call_id, consult_id):
        summary = events.wait_for(CallSummary, lambda s, c=call_id: s.call_id == c)  # type: ignore[misc]
        assert summary.hung_up_by is HungUpBy.TRANSFER
    final = [e for e in events.of(TransferProgress) if e.final]
    assert len(final) == 1 and final[0].succeeded and final[0].kind is TransferKind.ATTENDED

    def connected() -> bool:
        customer = phones.seen(ev="call", user="1002", state="confirmed")
        colleague = phones.seen(ev="call", user="1003", state="confirmed")
        return any("1003@" in e["remote"] for e in customer) and any("1002@" in e["remote"] for e in colleague)

    events.wait_until(connected, what="the customer and the colleague to be connected")
    assert registered.calls() == []
    assert phones.seen(ev="error") == []


def test_cancelled_consult_takes_the_caller_off_hold(
    registered: SipEngine, events: Recorder, phones: PhoneProcess
) -> None:
    incoming = customer_calls_agent(registered, events, phones)
    consult_id = registered.consult(incoming.call_id, "1003")
    confirmed(events, consult_id)
    events.wait_for(HoldChanged, lambda e: e.call_id == incoming.call_id and e.on_hold)

    registered.cancel_consult(consult_id)

    summary = events.wait_for(CallSummary)
    assert summary.call_id == consult_id and summary.hung_up_by is HungUpBy.AGENT
    events.wait_for(HoldChanged, lambda e: e.call_id == incoming.call_id and not e.on_hold)
    assert registered.calls() == [incoming.call_id]
