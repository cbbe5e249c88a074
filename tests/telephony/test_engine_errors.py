"""What the engine says when asked for something it cannot do."""

from __future__ import annotations

import pytest

from agent_app.telephony.engine import SipEngine, TelephonyError
from agent_app.telephony.events import CallSummary, EngineError

from .conftest import Recorder


@pytest.mark.parametrize(
    "operation",
    [
        lambda e: e.answer("nope"),
        lambda e: e.hangup("nope"),
        lambda e: e.hold("nope"),
        lambda e: e.transfer("nope", "2001"),
        lambda e: e.complete_transfer("nope"),
        lambda e: e.send_dtmf("nope", "1"),
    ],
)
def test_unknown_call_is_a_telephony_error(engine: SipEngine, operation) -> None:
    with pytest.raises(TelephonyError, match="nope"):
        operation(engine)


def test_dialling_before_registering_is_a_telephony_error(engine: SipEngine) -> None:
    with pytest.raises(TelephonyError, match="register first"):
        engine.dial("1002")


def test_a_failing_subscriber_does_not_stop_the_others(engine: SipEngine, events: Recorder) -> None:
    def broken(event: object) -> None:
        raise RuntimeError("subscriber bug")

    engine.subscribe(broken)
    later: list[object] = []
    engine.subscribe(later.append)
    engine.report_error("test", ValueError("boom"))

    assert [type(e) for e in later] == [EngineError]
    assert later[0].message == "ValueError: boom"  # type: ignore[attr-defined]
    assert not events.of(CallSummary)
